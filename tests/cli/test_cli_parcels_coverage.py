"""`guotu parcels check` on rectification parcels drawn on the parcels of a 三调-shaped survey
(bench/make_sandiao_data.py, small): the 2020 parcels and, again, the 2010 forest parcels (so
parcels overlap each other: P18), against a red line, farmland and urban boundary drawn on
the same boundaries, in villages dissolved from the parcels. Neighbours and identical
parcels are answered without a general overlay, so the red-line and farmland hectares, the
village of each parcel and every P18 overlap are checked against GDAL's own pairwise
intersections (GEOS) to 1e-9 relative."""
from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest
from osgeo import ogr, osr

from cli_support import run_guotu
from test_cli_lines_coverage import polygon_area, sandiao  # noqa: F401  (the workspace fixture)


def write_parcels(folder: Path, ws: Path) -> tuple[Path, Path]:
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4527)
    parcels = folder / "parcels.gpkg"
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(parcels))
    layer = ds.CreateLayer("parcels", srs, ogr.wkbMultiPolygon)
    for name in ("dkbh", "zzlx", "xzdl", "ghdl"):
        layer.CreateField(ogr.FieldDefn(name, ogr.OFTString))
    cells = defaultdict(list)
    for year, keep in (("2020", lambda f: True), ("2010", lambda f: f["lucc_code"] in (21, 22))):
        src = ogr.Open(str(ws.parent / f"landuse_{year}.gpkg"))
        for f in src.GetLayer(0):
            if not keep(f):
                continue
            out = ogr.Feature(layer.GetLayerDefn())
            out["dkbh"] = f"{year}-{f.GetFID()}"
            out["zzlx"] = "农用地整理"
            out["xzdl"] = f["DLBM"]
            out["ghdl"] = f["DLBM"] if f["DLBM"][:2] in ("01", "05", "06", "07", "10", "11", "12") else "0103"
            g = ogr.ForceToMultiPolygon(f.GetGeometryRef().Clone())
            out.SetGeometry(g)
            layer.CreateFeature(out)
            if year == "2020":
                c = g.Centroid()
                cells[(int(c.GetX() // 1000), int(c.GetY() // 1000))].append(g)
    ds = None
    villages = folder / "villages.gpkg"
    vds = ogr.GetDriverByName("GPKG").CreateDataSource(str(villages))
    vlayer = vds.CreateLayer("villages", srs, ogr.wkbMultiPolygon)
    vlayer.CreateField(ogr.FieldDefn("cdm", ogr.OFTString))
    for (i, j), parts in cells.items():
        bag = ogr.Geometry(ogr.wkbMultiPolygon)
        for p in parts:
            for k in range(p.GetGeometryCount()):
                bag.AddGeometry(p.GetGeometryRef(k))
        out = ogr.Feature(vlayer.GetLayerDefn())
        out["cdm"] = f"V{i}_{j}"
        out.SetGeometry(ogr.ForceToMultiPolygon(bag.UnionCascaded()))
        vlayer.CreateFeature(out)
    vds = None
    return parcels, villages


def reference(parcels: Path, ws: Path, villages: Path) -> tuple[dict, dict]:
    """Per parcel: red-line and farmland m², its village of most area; P18 pairs with m²."""
    pds, wds, vds = ogr.Open(str(parcels)), ogr.Open(str(ws)), ogr.Open(str(villages))
    players, vlayer = pds.GetLayer(0), vds.GetLayer(0)
    others = pds.GetLayer(0)
    per = {}
    pairs = {}
    feats = [(f["dkbh"], f.GetGeometryRef().Clone()) for f in players]
    for pid, g in feats:
        row = {}
        for key, line in (("redline", "ecological_redline"), ("farmland", "permanent_farmland")):
            layer = wds.GetLayerByName(line)
            layer.SetSpatialFilter(g)
            pieces = [g.Intersection(o.GetGeometryRef()) for o in layer]
            union = None
            for piece in pieces:
                if piece is not None and polygon_area(piece) > 0:
                    union = piece if union is None else union.Union(piece)
            row[key] = polygon_area(union) if union is not None else 0.0
        vlayer.SetSpatialFilter(g)
        best, best_area = "", 0.0
        for v in vlayer:
            a = polygon_area(g.Intersection(v.GetGeometryRef()))
            if a > best_area:
                best, best_area = v["cdm"], a
        row["village"] = best
        per[pid] = row
        others.SetSpatialFilter(g)
        for o in others:
            if o["dkbh"] > pid:
                a = polygon_area(g.Intersection(o.GetGeometryRef()))
                if a > 1.0:  # the check's default tolerance, 1 m²
                    pairs[(pid, o["dkbh"])] = a
        others.SetSpatialFilter(None)
    return per, pairs


def test_parcels_equal_pairwise_intersections(sandiao: Path, tmp_path: Path) -> None:  # noqa: F811
    parcels, villages = write_parcels(tmp_path, sandiao)
    out = tmp_path / "check.gpkg"
    res = run_guotu("parcels", "check", "--parcels", str(parcels), "--parcel-id", "dkbh", "--type-field", "zzlx",
                    "--current-field", "xzdl", "--current-system", "SANDIAO_WORK", "--planned-field", "ghdl",
                    "--planned-system", "SANDIAO_WORK", "--workspace", str(sandiao), "--villages", str(villages),
                    "--village-id", "cdm", "--area", "planar", "-o", str(out))
    assert res.returncode == 0, res.stderr
    want, want_pairs = reference(parcels, sandiao, villages)
    ds = ogr.Open(str(out))
    got = {f["parcel_id"]: f for f in ds.GetLayerByName("parcel_checks")}
    assert got.keys() == want.keys()
    for pid, row in want.items():
        f = got[pid]
        assert f["redline_ha"] * 1e4 == pytest.approx(row["redline"], rel=1e-9, abs=1e-6), pid
        assert f["farmland_ha"] * 1e4 == pytest.approx(row["farmland"], rel=1e-9, abs=1e-6), pid
        assert f["village_id"] == row["village"], pid
    got_pairs = {}
    for f in ds.GetLayerByName("parcel_reasons"):
        if f["rule_id"] == "P18":
            key = tuple(sorted((f["parcel_id"], f["other_parcel_id"])))
            got_pairs[key] = f["area_ha"] * 1e4
    assert len(want_pairs) > 100  # every 2010 forest parcel lies on 2020 parcels
    assert got_pairs.keys() == want_pairs.keys()
    for key, m2 in want_pairs.items():
        assert got_pairs[key] == pytest.approx(m2, rel=1e-9), key
