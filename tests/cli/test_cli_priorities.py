"""guotu priorities rule / rank on the shared fixture (tests/priorities_fixture.py):
hand-computed areas of controlled land, fronts known by construction, computed objectives."""
from __future__ import annotations

import math
import sys
from pathlib import Path

import pytest
from osgeo import ogr

from cli_support import run_guotu

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import priorities_fixture as fx  # noqa: E402


def rows(path: Path, layer: str) -> list[dict]:
    ds = ogr.Open(str(path))
    return [dict(f.items(), _geom=f.GetGeometryRef().ExportToWkt() if f.GetGeometryRef() else None)
            for f in ds.GetLayerByName(layer)]


def rule(tmp: Path, *extra: str, area: str = "planar"):
    out = tmp / "rule.gpkg"
    res = run_guotu("priorities", "rule", "--zones", str(fx.write_zones(tmp / "hx.gpkg")), "--type-field", "GNLX",
                    "--landuse", str(fx.write_landuse(tmp / "dltb.gpkg")), "--deduction-field", "KCXS",
                    "--admin", str(fx.write_admin(tmp / "xzq.gpkg")), "--admin-name", "XZQMC",
                    "--area", area, "-o", str(out), *extra)
    return res, out


def test_water_source_zone_flags_farmland_with_its_area(tmp_path):
    res, out = rule(tmp_path)
    assert res.returncode == 0, res.stderr
    assert "zone 3 has type '其他'" in res.stderr
    pieces = rows(out, "controlled_land")
    assert len(pieces) == 7
    got: dict = {}
    for p in pieces:
        key = (p["landuse_fid"], p["zone_fid"])
        area, objective, rank = got.get(key, (0.0, p["objective"], p["rank"]))
        got[key] = (area + p["area_ha"], objective, rank)
    assert set(got) == set(fx.PIECES_EXPECTED)
    for key, (area, objective, rank) in fx.PIECES_EXPECTED.items():
        assert got[key][0] == pytest.approx(area, abs=1e-9)
        assert got[key][1:] == (objective, rank)
    farmland = [p for p in pieces if p["landuse_fid"] == 1 and p["zone_fid"] == 1][0]
    assert farmland["zone_type"] == "水源涵养" and farmland["land_class"] == "0101"
    assert farmland["net_ha"] == pytest.approx(9.0, abs=1e-9)
    assert "耕地" in farmland["rule"] and farmland["admin_code"] == "130101"
    assert sum(p["area_ha"] for p in pieces if p["admin_code"] == "") == pytest.approx(1.0, abs=1e-9)
    zones = {z["fid_in"]: z for z in rows(out, "zone_summary")}
    for fid, (ha, net, n) in fx.ZONE_EXPECTED.items():
        assert (zones[fid]["controlled_ha"], zones[fid]["net_ha"], zones[fid]["pieces"]) == (
            pytest.approx(ha, abs=1e-9), pytest.approx(net, abs=1e-9), n)
    assert zones[1]["objective"] == "水源涵养" and zones[3]["objective"] == ""
    assert zones[1]["area_ha"] == pytest.approx(120.0, abs=1e-9)
    admins = {a["code"]: a for a in rows(out, "admin_summary")}
    for code, ha in fx.ADMIN_EXPECTED.items():
        assert admins[code]["controlled_ha"] == pytest.approx(ha, abs=1e-9)
    assert admins["130101"]["name"] == "甲县"
    # the layers open styled: their default style is stored in the GeoPackage
    styles = ogr.Open(str(out)).ExecuteSQL("SELECT f_table_name FROM layer_styles")
    assert {f.GetField(0) for f in styles} >= {"controlled_land"}


def test_ellipsoidal_area_of_the_farmland_piece(tmp_path):
    """The default area is ellipsoidal: the 10 ha piece of farmland measured on CGCS2000 (pyproj's
    geodesic area of the same ring, computed independently here)."""
    pyproj = pytest.importorskip("pyproj")
    res, out = rule(tmp_path, area="ellipsoidal")
    assert res.returncode == 0, res.stderr
    piece = [p for p in rows(out, "controlled_land") if p["landuse_fid"] == 1 and p["zone_fid"] == 1][0]
    to_geo = pyproj.Transformer.from_crs(fx.EPSG, 4490, always_xy=True)
    ring = [(fx.X0 + x, fx.Y0 + y) for x, y in ((800, 0), (1000, 0), (1000, 500), (800, 500), (800, 0))]
    # densified so that the geodesic edges follow the projected straight edges
    dense = []
    for (xa, ya), (xb, yb) in zip(ring, ring[1:]):
        dense += [(xa + (xb - xa) * t / 50, ya + (yb - ya) * t / 50) for t in range(50)]
    lon, lat = zip(*(to_geo.transform(x, y) for x, y in dense))
    area, _ = pyproj.Geod(ellps="GRS80").polygon_area_perimeter(lon, lat)
    assert piece["area_ha"] == pytest.approx(abs(area) / 1e4, rel=1e-8)
    assert piece["area_ha"] != pytest.approx(10.0, abs=1e-8)  # not the planar area (near the central meridian: close)


def rank(tmp: Path, *extra: str, sites: Path | None = None):
    out = tmp / "rank.gpkg"
    res = run_guotu("priorities", "rank", "--sites", str(sites or fx.write_sites(tmp / "sites.gpkg")),
                    "--objective", "cost:min", "--objective", "benefit:max", "-o", str(out), *extra)
    return res, out


def test_fronts_known_by_construction(tmp_path):
    res, out = rank(tmp_path, "--lexicographic", "cost,benefit", "--site-id", "DKBH")
    assert res.returncode == 0, res.stderr
    assert "9 sites on 2 objectives, 4 on the first front, 4 fronts" in res.stdout
    ranked = sorted(rows(out, "ranked_sites"), key=lambda r: r["site_fid"])
    assert [r["front"] for r in ranked] == fx.FRONTS
    assert [r["site_id"] for r in ranked] == [f"S{i}" for i in range(1, 10)]
    # duplicates (sites 2 and 4) share front and crowding; the ends of a front are infinite
    assert ranked[1]["crowding"] == pytest.approx(2.0) and ranked[3]["crowding"] == pytest.approx(2.0)
    assert math.isinf(ranked[0]["crowding"]) and math.isinf(ranked[2]["crowding"])
    assert ranked[8]["crowding"] == pytest.approx(2.0)
    # lexicographic: cost first, then benefit; equal scores share a rank
    assert [r["lex_rank"] for r in ranked] == [1, 3, 7, 3, 6, 9, 2, 8, 5]
    styles = ogr.Open(str(out)).ExecuteSQL("SELECT f_table_name FROM layer_styles")
    assert {f.GetField(0) for f in styles} == {"ranked_sites"}


def test_all_equal_scores_share_the_first_front(tmp_path):
    res, out = rank(tmp_path, sites=fx.write_sites(tmp_path / "same.gpkg", [(3.0, 3.0)] * 4))
    assert res.returncode == 0, res.stderr
    assert {r["front"] for r in rows(out, "ranked_sites")} == {1}


def test_computed_objectives(tmp_path):
    paths = fx.write_scored(tmp_path)
    out = tmp_path / "scored.gpkg"
    objectives = ["area_ha:max", "forest_gain_ha:max", "cultivated_change_ha:max", "redline_distance_m:min",
                  "redline_contact_m:max", "cost:min"]
    args = [a for o in objectives for a in ("--objective", o)]
    res = run_guotu("priorities", "rank", "--sites", str(paths["sites"]), *args, "--landuse", str(paths["landuse"]),
                    "--deduction-field", "KCXS", "--target", "0301", "--redline", str(paths["redline"]),
                    "--area", "planar", "-o", str(out))
    assert res.returncode == 0, res.stderr
    ranked = sorted(rows(out, "ranked_sites"), key=lambda r: r["site_fid"])
    for got, want in zip(ranked, fx.SCORED_EXPECTED):
        for key, value in want.items():
            assert got[key] == pytest.approx(value, abs=1e-9), key
    assert [r["cost"] for r in ranked] == [10.0, 20.0, 30.0]


def test_refusals(tmp_path):
    sites = fx.write_sites(tmp_path / "sites.gpkg", [(1.0, None), (2.0, 3.0)])
    res, _ = rank(tmp_path, sites=sites)
    assert res.returncode == 1
    assert "feature 1" in res.stderr and "'benefit'" in res.stderr and "cannot be ranked" in res.stderr
    res, _ = rank(tmp_path, "--lexicographic", "cost,area_ha")
    assert res.returncode == 1 and "'area_ha'" in res.stderr
    res = run_guotu("priorities", "rank", "--sites", str(sites), "--objective", "redline_distance_m:min",
                    "-o", str(tmp_path / "x.gpkg"))
    assert res.returncode == 1 and "needs --redline" in res.stderr
    res = run_guotu("priorities", "rank", "--sites", str(sites), "--objective", "cost:biggest",
                    "-o", str(tmp_path / "x.gpkg"))
    assert res.returncode == 1 and "NAME:min" in res.stderr
    numeric = fx.write(tmp_path / "num.gpkg", "DLTB", [("DLBM", ogr.OFTInteger)], [({"DLBM": 101}, fx.box(0, 0, 9, 9))])
    res = run_guotu("priorities", "rule", "--zones", str(fx.write_zones(tmp_path / "hx.gpkg")), "--type-field", "GNLX",
                    "--landuse", str(numeric), "-o", str(tmp_path / "x.gpkg"))
    assert res.returncode == 1 and "'DLBM' is numeric" in res.stderr and "leading zero" in res.stderr
    res = run_guotu("priorities", "rule", "--zones", str(sites), "-o", str(tmp_path / "x.gpkg"))
    assert res.returncode == 2
    assert not (tmp_path / "x.gpkg").exists()


def test_computed_objectives_on_geographic_layers(tmp_path):
    """The scored fixture delivered in EPSG:4490: the distances to the red line need metres, so the
    run ranks in the 3-degree Gauss-Krüger zone of all the layers' centre, with a note (in the output
    too), and gives the scores of the projected run: areas ellipsoidal to 1e-6, distances and contact
    lengths to the zone's scale (the same meridian as the fixture's CRS: 1e-6 relative)."""
    from osgeo import gdal
    paths = fx.write_scored(tmp_path)
    deg = {}
    for name in ("sites", "landuse", "redline"):
        deg[name] = tmp_path / f"{name}_4490.gpkg"
        gdal.VectorTranslate(str(deg[name]), str(paths[name]), dstSRS="EPSG:4490", format="GPKG")
    objectives = ["area_ha:max", "forest_gain_ha:max", "cultivated_change_ha:max", "redline_distance_m:min",
                  "redline_contact_m:max", "cost:min"]
    args = [a for o in objectives for a in ("--objective", o)]
    ranked = {}
    for name, p in (("projected", paths), ("geographic", deg)):
        out = tmp_path / f"{name}.gpkg"
        res = run_guotu("priorities", "rank", "--sites", str(p["sites"]), *args, "--landuse", str(p["landuse"]),
                        "--deduction-field", "KCXS", "--target", "0301", "--redline", str(p["redline"]),
                        "-o", str(out))
        assert res.returncode == 0, res.stderr
        ranked[name] = sorted(rows(out, "ranked_sites"), key=lambda r: r["site_fid"])
        if name == "geographic":
            assert "reprojected from EPSG:4490 to EPSG:" in res.stderr and "the zone of the data's centre" in res.stderr
            ds = ogr.Open(str(out))
            layer = ds.GetLayerByName("ranked_sites")
            assert "the zone of the data's centre" in layer.GetMetadataItem("crs_note")
            assert layer.GetSpatialRef().GetAuthorityCode(None) == str(4534 + (fx_cm() - 75) // 3)
    assert len(ranked["geographic"]) == len(ranked["projected"]) == 3
    for got, want in zip(ranked["geographic"], ranked["projected"]):
        for key in ("area_ha", "forest_gain_ha", "cultivated_change_ha", "redline_distance_m", "redline_contact_m",
                    "front"):
            assert got[key] == pytest.approx(want[key], rel=1e-6, abs=1e-6), key


def fx_cm() -> int:
    """The central meridian of the fixture's own CRS (the zone the geographic run must choose)."""
    from osgeo import osr
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(fx.EPSG)
    return round(srs.GetProjParm("central_meridian"))
