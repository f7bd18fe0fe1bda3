"""guotu convert on fixtures worked out by hand (planar metres from the GK-39 origin).

Before (CAS_LUCC, 2010) and after (SANDIAO_WORK, 2020) both cover [0,600] x [0,100] = 6 ha:
  before: 21 [0,100]  12 [100,200]  41 [200,300]  21 [300,400]  12 [400,500]  12 [500,600]
  after:  0701 [0,150]  1101 [150,200]  0103 [200,300]  0101 [300,400]  0103 [400,500]  9999 [500,600]
  categories: 21 forest, 12 cultivated, 41 river_water; 0701 construction, 1101 river_water,
              0103/0101 cultivated; 9999 is in no map.
  forest→construction 1.0 ha (path); cultivated→construction 0.5 (path);
  cultivated→river_water 0.5 (gap); river_water→cultivated 1.0 (prohibited);
  forest→cultivated 1.0 (conditional); cultivated→cultivated 1.0 (same); →9999 1.0 (unknown)
  standard forest: −1.0 (21 k 1.00 → 0701 k 0) + 0.5·2.10 (1101) − 1.0·2.10 (41 → 0103) − 1.0 = −3.05
Zones Z1 = [0,250], Z2 = [250,600].
"""
from __future__ import annotations

from pathlib import Path

import pytest
from osgeo import ogr

from cli_support import REPO, X0, Y0, box, run_guotu, write_layer

BEFORE = [("21", 0, 100), ("12", 100, 200), ("41", 200, 300), ("21", 300, 400), ("12", 400, 500), ("12", 500, 600)]
AFTER = [("0701", 0, 150), ("1101", 150, 200), ("0103", 200, 300), ("0101", 300, 400), ("0103", 400, 500),
         ("9999", 500, 600)]


def strips(path: Path, rows, field: str = "dlbm") -> Path:
    return write_layer(path, "landuse", 4527, [(field, ogr.OFTString)],
                       [({field: code}, box(X0 + a, Y0, X0 + b, Y0 + 100)) for code, a, b in rows])


def convert(tmp: Path, *extra: str, before=None, after=None) -> tuple:
    out = tmp / "conv.gpkg"
    res = run_guotu("convert", "--before", str(before or strips(tmp / "b.gpkg", BEFORE)), "--before-class-field", "dlbm",
                    "--before-system", "CAS_LUCC", "--after", str(after or strips(tmp / "a.gpkg", AFTER)),
                    "--after-class-field", "dlbm", "--after-system", "SANDIAO_WORK", "--area", "planar",
                    "-o", str(out), *extra)
    return res, out


def rows(path: Path, layer: str) -> list[dict]:
    ds = ogr.Open(str(path))
    return [f.items() for f in ds.GetLayerByName(layer)]


def status_areas(out: Path, zone: str) -> dict[str, float]:
    return {r["status"]: r["area_ha"] for r in rows(out, "status_summary") if r["zone_id"] == zone}


def test_two_systems_hand_computed(tmp_path: Path) -> None:
    res, out = convert(tmp_path)
    assert res.returncode == 0, res.stderr
    assert status_areas(out, "") == pytest.approx(
        {"path": 1.5, "gap": 0.5, "prohibited": 1.0, "conditional": 1.0, "same": 1.0, "unknown": 1.0})
    pieces = rows(out, "conversions")
    assert sum(p["area_ha"] for p in pieces) == pytest.approx(6.0)
    assert sum(p["dm_ha"] for p in pieces) == pytest.approx(-1.0 + 1.05 - 2.1 - 1.0)
    prohibited = [p for p in pieces if p["status"] == "prohibited"]
    assert len(prohibited) == 1
    p = prohibited[0]
    assert (p["from_code"], p["to_code"], p["from_category"], p["to_category"]) == ("41", "0103", "river_water", "cultivated")
    assert "禁止围湖造田" in p["path_zh"] and "prohibited" in p["path_en"]
    ds = ogr.Open(str(out))
    fields = [d.GetName() for d in ds.GetLayerByName("conversions").schema]
    assert fields == ["from_code", "to_code", "from_category", "to_category", "status", "path_zh", "path_en",
                      "area_ha", "dm_ha", "zone_id"]
    assert ds.GetLayerByName("conversions").GetGeomType() == ogr.wkbMultiPolygon
    cats = {(r["from_class"], r["to_class"]): r for r in rows(out, "transitions") if r["level"] == "category"}
    assert cats[("forest", "construction")]["area_ha"] == pytest.approx(1.0)
    assert cats[("forest", "construction")]["status"] == "path"
    codes = {(r["from_class"], r["to_class"]): r["area_ha"] for r in rows(out, "transitions") if r["level"] == "code"}
    assert codes[("12", "0701")] == pytest.approx(0.5)
    unknown = rows(out, "unknown_codes")
    assert unknown == [{"class_code": "9999", "layer": "after", "area_ha": pytest.approx(1.0)}]
    assert "'9999'" in res.stdout


def test_per_zone_matrices(tmp_path: Path) -> None:
    zones = write_layer(tmp_path / "z.gpkg", "zones", 4527, [("code", ogr.OFTString)],
                        [({"code": "Z1"}, box(X0, Y0, X0 + 250, Y0 + 100)),
                         ({"code": "Z2"}, box(X0 + 250, Y0, X0 + 600, Y0 + 100))])
    res, out = convert(tmp_path, "--zones", str(zones), "--zone-id", "code")
    assert res.returncode == 0, res.stderr
    assert status_areas(out, "Z1") == pytest.approx({"path": 1.5, "gap": 0.5, "prohibited": 0.5})
    assert status_areas(out, "Z2") == pytest.approx({"prohibited": 0.5, "conditional": 1.0, "same": 1.0, "unknown": 1.0})
    assert sum(status_areas(out, "*").values()) == pytest.approx(6.0)
    assert {p["zone_id"] for p in rows(out, "conversions")} == {"Z1", "Z2"}


def test_area_is_conserved_on_the_sample_region(tmp_path: Path) -> None:
    import subprocess
    sample = tmp_path / "sample"
    subprocess.run(["/usr/bin/python3", str(REPO / "resources/sample_data/generate_sample.py"), "--out", str(sample),
                    "--scale", "0.25"], check=True, capture_output=True)
    out = tmp_path / "c.gpkg"
    res = run_guotu("convert", "--before", str(sample / "landuse_2010.gpkg"), "--before-class-field", "lucc_code",
                    "--before-system", "CAS_LUCC", "--after", str(sample / "landuse_2020.gpkg"),
                    "--after-class-field", "lucc_code", "--after-system", "CAS_LUCC", "--zones",
                    str(sample / "zones.gpkg"), "--zone-id", "code", "-o", str(out))
    assert res.returncode == 0, res.stderr
    # Both layers tile the same region, so the matrix sums to the region's area, which
    # is each layer's own area — overall and summed over the zones.
    ds = ogr.Open(str(sample / "landuse_2010.gpkg"))
    lyr = ds.GetLayer(0)
    area_before = sum(f.GetGeometryRef().GetArea() for f in lyr) / 1e4
    cats = [r for r in rows(out, "transitions") if r["level"] == "category"]
    total = sum(r["area_ha"] for r in cats if r["zone_id"] == "*")
    zoned = sum(r["area_ha"] for r in cats if r["zone_id"] not in ("*",))
    assert total == pytest.approx(zoned, rel=1e-9)
    assert total == pytest.approx(area_before, rel=2e-3)  # ellipsoidal vs planar of the same region
    assert "overlaid" in res.stdout
    assert {r["status"] for r in rows(out, "status_summary")} >= {"same", "path"}


def test_bad_policy_and_categories(tmp_path: Path) -> None:
    policy = (REPO / "resources/presets/conversion/policy.csv").read_text(encoding="utf-8").splitlines()
    short = tmp_path / "short.csv"
    short.write_text("\n".join(policy[:-1]) + "\n", encoding="utf-8")
    res, _ = convert(tmp_path, "--policy", str(short))
    assert res.returncode == 1 and "no rule for construction -> construction" in res.stderr
    weird = tmp_path / "weird.csv"
    weird.write_text("\n".join(policy + ["wetland,forest,path,x,y"]) + "\n", encoding="utf-8")
    res, _ = convert(tmp_path, "--policy", str(weird))
    assert res.returncode == 1 and "'wetland'" in res.stderr and "line 102" in res.stderr
    cats = tmp_path / "cats.csv"
    cats.write_text("code,category\n21,woodland\n", encoding="utf-8")
    res, _ = convert(tmp_path, "--before-categories", str(cats))
    assert res.returncode == 1 and "'woodland'" in res.stderr and "line 2" in res.stderr
    assert not (tmp_path / "conv.gpkg").exists()


def test_rasters_and_missing_fields_are_refused(tmp_path: Path) -> None:
    from osgeo import gdal
    tif = tmp_path / "r.tif"
    gdal.Rasterize(str(tif), str(strips(tmp_path / "b.gpkg", BEFORE)), attribute="dlbm", xRes=10, yRes=10,
                   outputType=gdal.GDT_Int16)
    res, _ = convert(tmp_path, before=tif)
    assert res.returncode == 1 and "raster" in res.stderr
    res = run_guotu("convert", "--before", str(strips(tmp_path / "b2.gpkg", BEFORE)), "--before-class-field", "DLBM2",
                    "--before-system", "CAS_LUCC", "--after", str(strips(tmp_path / "a2.gpkg", AFTER)),
                    "--after-class-field", "dlbm", "--after-system", "SANDIAO_WORK", "-o", str(tmp_path / "x.gpkg"))
    assert res.returncode == 1 and "no field 'DLBM2'" in res.stderr
    res = run_guotu("convert", "--before", "x", "--after", "y", "--before-system", "CAS", "--after-system", "CAS_LUCC",
                    "-o", str(tmp_path / "x.gpkg"))
    assert res.returncode == 2 and "systems must be" in res.stderr


def test_threads_give_the_same_tables(tmp_path: Path) -> None:
    """The after layer split over worker threads (own contexts, shared output) merges to
    the same transitions and the same pieces."""
    zones = write_layer(tmp_path / "z.gpkg", "zones", 4527, [("code", ogr.OFTString)],
                        [({"code": "Z1"}, box(X0, Y0, X0 + 250, Y0 + 100)),
                         ({"code": "Z2"}, box(X0 + 250, Y0, X0 + 600, Y0 + 100))])
    tables, counts = [], []
    for threads in ("1", "3"):
        sub = tmp_path / threads
        sub.mkdir()
        res, out = convert(sub, "--zones", str(zones), "--zone-id", "code", "--threads", threads)
        assert res.returncode == 0, res.stderr
        tables.append({(r["zone_id"], r["level"], r["from_class"], r["to_class"]): r["area_ha"]
                       for r in rows(out, "transitions")})
        counts.append(len(rows(out, "conversions")))
    assert tables[0].keys() == tables[1].keys() and counts[0] == counts[1]
    for key, value in tables[0].items():
        assert tables[1][key] == pytest.approx(value, abs=1e-9), key


# Three lines over the strips (the C test's): red line [250,350] x [0,100], farmland
# [200,450] x [0,50] (overlapping the red line, which wins), urban boundary [0,150] x [0,100].
LINES = {"ecological_redline": [(250, 0, 350, 100)], "permanent_farmland": [(200, 0, 450, 50)],
         "urban_boundary": [(0, 0, 150, 100)]}


def workspace(tmp: Path, lines: dict = LINES) -> Path:
    """A `guotu lines init` workspace with the boxes of `lines` drawn in."""
    path = tmp / "ws.gpkg"
    res = run_guotu("lines", "init", str(path), "--crs", "EPSG:4527")
    assert res.returncode == 0, res.stderr
    ds = ogr.Open(str(path), 1)
    for name, boxes in lines.items():
        layer = ds.GetLayerByName(name)
        for a, b, c, d in boxes:
            f = ogr.Feature(layer.GetLayerDefn())
            f.SetGeometry(ogr.ForceToMultiPolygon(ogr.CreateGeometryFromWkt(box(X0 + a, Y0 + b, X0 + c, Y0 + d))))
            layer.CreateFeature(f)
    ds = None
    return path


def test_workspace_splits_pieces_by_line(tmp_path: Path) -> None:
    res, out = convert(tmp_path, "--workspace", str(workspace(tmp_path)))
    assert res.returncode == 0, res.stderr
    pieces = rows(out, "conversions")
    ds = ogr.Open(str(out))
    assert [d.GetName() for d in ds.GetLayerByName("conversions").schema][-1] == "line"
    assert sum(p["area_ha"] for p in pieces) == pytest.approx(6.0)
    # The prohibited piece 41 -> 0103 on [200,300]: 0.5 ha in the red line, 0.25 ha in
    # farmland ([200,250] x [0,50]), 0.25 ha outside.
    prohibited = sorted((p["line"], p["area_ha"]) for p in pieces if p["status"] == "prohibited")
    assert prohibited == [("", pytest.approx(0.25)), ("ecological_redline", pytest.approx(0.5)),
                          ("permanent_farmland", pytest.approx(0.25))]
    summary = {(r["line"], r["status"]): r["area_ha"] for r in rows(out, "line_summary") if r["zone_id"] == ""}
    assert summary == pytest.approx({
        ("ecological_redline", "prohibited"): 0.5, ("ecological_redline", "conditional"): 0.5,
        ("permanent_farmland", "prohibited"): 0.25, ("permanent_farmland", "conditional"): 0.25,
        ("permanent_farmland", "same"): 0.25, ("urban_boundary", "path"): 1.5,
        ("", "prohibited"): 0.25, ("", "conditional"): 0.25, ("", "same"): 0.75, ("", "gap"): 0.5,
        ("", "unknown"): 1.0})
    # The status table does not change with a workspace.
    assert status_areas(out, "") == pytest.approx(
        {"path": 1.5, "gap": 0.5, "prohibited": 1.0, "conditional": 1.0, "same": 1.0, "unknown": 1.0})
    assert "in ecological_redline" in res.stdout and "prohibited" in res.stdout


def test_workspace_with_zones_and_threads(tmp_path: Path) -> None:
    zones = write_layer(tmp_path / "z.gpkg", "zones", 4527, [("code", ogr.OFTString)],
                        [({"code": "Z1"}, box(X0, Y0, X0 + 250, Y0 + 100)),
                         ({"code": "Z2"}, box(X0 + 250, Y0, X0 + 600, Y0 + 100))])
    res, out = convert(tmp_path, "--zones", str(zones), "--zone-id", "code", "--workspace",
                       str(workspace(tmp_path)), "--threads", "2")
    assert res.returncode == 0, res.stderr
    summary = {(r["zone_id"], r["line"], r["status"]): r["area_ha"] for r in rows(out, "line_summary")}
    assert summary[("Z2", "ecological_redline", "prohibited")] == pytest.approx(0.5)
    assert summary[("Z1", "permanent_farmland", "prohibited")] == pytest.approx(0.25)
    assert summary[("*", "urban_boundary", "path")] == pytest.approx(1.5)
    assert sum(v for (z, _l, _s), v in summary.items() if z == "*") == pytest.approx(6.0)


def test_without_workspace_no_line_outputs_and_bad_workspace(tmp_path: Path) -> None:
    res, out = convert(tmp_path)
    assert res.returncode == 0, res.stderr
    ds = ogr.Open(str(out))
    assert ds.GetLayerByName("line_summary") is None
    assert "line" not in [d.GetName() for d in ds.GetLayerByName("conversions").schema]
    ds = None
    not_ws = write_layer(tmp_path / "notws.gpkg", "something", 4527, [("x", ogr.OFTString)],
                         [({"x": "a"}, box(X0, Y0, X0 + 1, Y0 + 1))])
    res, _ = convert(tmp_path, "--workspace", str(not_ws), "-o", str(tmp_path / "o2.gpkg"))
    assert res.returncode == 1 and "no layer 'ecological_redline'" in res.stderr and "lines init" in res.stderr


# ---- rasters ------------------------------------------------------------------------
# Two 3 x 4 rasters of 10 m cells (CAS_LUCC on both sides; planar: 0.01 ha a cell), nodata 255:
#   before  21 21 12 12      after  51 21 12 51      status  path same same path
#           41 41 12 12             12 12 12 77              proh proh same unknown
#           12 21 255 12            12 255 12 12             same nodata nodata same
# path 0.02 ha (21→51, 12→51), same 0.05, prohibited 0.02 (41→12), unknown 0.01 (→77);
# 10 cells counted, 2 skipped.
RASTER_BEFORE = [[21, 21, 12, 12], [41, 41, 12, 12], [12, 21, 255, 12]]
RASTER_AFTER = [[51, 21, 12, 51], [12, 12, 12, 77], [12, 255, 12, 12]]
RASTER_STATUS = [[2, 1, 1, 2], [4, 4, 1, 6], [1, 0, 0, 1]]


def write_raster(path: Path, values: list[list[int]], cell: float = 10.0, epsg: int | None = 4527,
                 repeat: int = 1, x0: float = X0) -> Path:
    """A Byte GeoTIFF (nodata 255) from rows of values; `repeat` splits each cell into
    repeat x repeat cells of cell / repeat metres."""
    from osgeo import gdal, osr
    import numpy as np
    data = np.kron(np.array(values, dtype=np.uint8), np.ones((repeat, repeat), dtype=np.uint8))
    ds = gdal.GetDriverByName("GTiff").Create(str(path), data.shape[1], data.shape[0], 1, gdal.GDT_Byte)
    ds.SetGeoTransform((x0, cell / repeat, 0, Y0 + 30, 0, -cell / repeat))
    if epsg:
        srs = osr.SpatialReference()
        srs.ImportFromEPSG(epsg)
        ds.SetSpatialRef(srs)
    band = ds.GetRasterBand(1)
    band.SetNoDataValue(255)
    band.WriteArray(data)
    ds = None
    return path


def convert_rasters(tmp: Path, before: Path, after: Path, *extra: str) -> tuple:
    out = tmp / "rconv.gpkg"
    res = run_guotu("convert", "--before", str(before), "--before-system", "CAS_LUCC", "--after", str(after),
                    "--after-system", "CAS_LUCC", "--area", "planar", "-o", str(out), *extra)
    return res, out


RASTER_STATUS_AREAS = {"path": 0.02, "same": 0.05, "prohibited": 0.02, "unknown": 0.01}


def test_rasters_on_one_grid_hand_computed(tmp_path: Path) -> None:
    from osgeo import gdal
    res, out = convert_rasters(tmp_path, write_raster(tmp_path / "b.tif", RASTER_BEFORE),
                               write_raster(tmp_path / "a.tif", RASTER_AFTER))
    assert res.returncode == 0, res.stderr
    assert status_areas(out, "") == pytest.approx(RASTER_STATUS_AREAS)
    codes = {(r["from_class"], r["to_class"]): r["area_ha"] for r in rows(out, "transitions") if r["level"] == "code"}
    assert codes == pytest.approx({("12", "12"): 0.04, ("12", "51"): 0.01, ("12", "77"): 0.01, ("21", "21"): 0.01,
                                   ("21", "51"): 0.01, ("41", "12"): 0.02})
    cats = {(r["from_class"], r["to_class"]): (r["area_ha"], r["status"], r["dm_ha"])
            for r in rows(out, "transitions") if r["level"] == "category"}
    assert cats[("river_water", "cultivated")][:2] == (pytest.approx(0.02), "prohibited")
    assert cats[("forest", "construction")][2] == pytest.approx(-0.01)  # 0.01 ha x (0 - 1.00)
    assert rows(out, "unknown_codes") == [{"class_code": "77", "layer": "after", "area_ha": pytest.approx(0.01)}]
    ds = ogr.Open(str(out))
    assert ds.GetLayerByName("conversions") is None  # cells, not polygons: see the GeoTIFF
    ds = None
    tif = gdal.Open(str(tmp_path / "rconv_conversions.tif"))
    band = tif.GetRasterBand(1)
    assert band.ReadAsArray().tolist() == RASTER_STATUS
    assert band.GetNoDataValue() == 0
    colors = band.GetColorTable()
    assert colors.GetColorEntry(4)[:3] == (0xd7, 0x19, 0x1c)  # prohibited red
    assert band.GetCategoryNames()[4] == "禁止 prohibited"
    assert tif.GetGeoTransform() == gdal.Open(str(tmp_path / "b.tif")).GetGeoTransform()
    assert "10 cells" in res.stdout and "2 cells without data" in res.stdout
    assert "rconv_conversions.tif" in res.stdout


def test_rasters_ellipsoidal_areas(tmp_path: Path) -> None:
    """Ellipsoidal cell areas 100 km east of the GK-39 central meridian, where the projection
    enlarges by 1.2e-4: every counted cell's area as GeographicLib (pyproj) gives it for the
    cell's corners on the CGCS2000 ellipsoid, clearly not the planar 0.01 ha."""
    import pyproj
    x0 = X0 + 100_000
    b = write_raster(tmp_path / "b.tif", RASTER_BEFORE, x0=x0)
    a = write_raster(tmp_path / "a.tif", RASTER_AFTER, x0=x0)
    out = tmp_path / "e.gpkg"
    res = run_guotu("convert", "--before", str(b), "--before-system", "CAS_LUCC", "--after", str(a),
                    "--after-system", "CAS_LUCC", "-o", str(out))
    assert res.returncode == 0, res.stderr
    to_lonlat = pyproj.Transformer.from_crs(4527, 4490, always_xy=True)
    geod = pyproj.Geod(ellps="GRS80")  # CGCS2000's ellipsoid
    want = 0.0
    for r, row in enumerate(RASTER_BEFORE):
        for c, value in enumerate(row):
            if value == 255 or RASTER_AFTER[r][c] == 255:
                continue
            xs = [x0 + 10 * c, x0 + 10 * c + 10, x0 + 10 * c + 10, x0 + 10 * c]
            ys = [Y0 + 30 - 10 * r, Y0 + 30 - 10 * r, Y0 + 20 - 10 * r, Y0 + 20 - 10 * r]
            lon, lat = to_lonlat.transform(xs, ys)
            want += abs(geod.polygon_area_perimeter(lon, lat)[0]) / 1e4
    total = sum(status_areas(out, "").values())
    assert total == pytest.approx(want, rel=1e-8)  # small rings: 1e-9 of the area plus 10 cm² each
    assert total != pytest.approx(0.10, rel=1e-5)


def test_rasters_on_different_grids_refused_unless_resampled(tmp_path: Path) -> None:
    before = write_raster(tmp_path / "b.tif", RASTER_BEFORE)
    fine = write_raster(tmp_path / "a5.tif", RASTER_AFTER, repeat=2)  # the same map at 5 m
    res, out = convert_rasters(tmp_path, before, fine)
    assert res.returncode == 1
    assert "different grids" in res.stderr and "b.tif" in res.stderr and "a5.tif" in res.stderr
    assert "4 x 3 cells of 10 x -10" in res.stderr and "8 x 6 cells of 5 x -5" in res.stderr
    assert "--resample-to" in res.stderr and not out.exists()
    for target in ("before", "after"):
        sub = tmp_path / target
        sub.mkdir()
        res, out = convert_rasters(sub, before, fine, "--resample-to", target)
        assert res.returncode == 0, res.stderr
        assert "resampled" in res.stderr
        assert status_areas(out, "") == pytest.approx(RASTER_STATUS_AREAS)
    # Another CRS (same numbers, EPSG:4528 = GK zone 40): refused, then resampled.
    other = write_raster(tmp_path / "a40.tif", RASTER_AFTER, epsg=4528, x0=X0 + 1_000_000)
    res, _ = convert_rasters(tmp_path, before, other)
    assert res.returncode == 1 and "different grids" in res.stderr


def test_rasters_mixed_and_with_zones_refused(tmp_path: Path, zones: Path) -> None:
    raster = write_raster(tmp_path / "b.tif", RASTER_BEFORE)
    res = run_guotu("convert", "--before", str(raster), "--before-system", "CAS_LUCC", "--after",
                    str(strips(tmp_path / "a.gpkg", AFTER)), "--after-class-field", "dlbm", "--after-system",
                    "SANDIAO_WORK", "-o", str(tmp_path / "m.gpkg"))
    assert res.returncode == 1 and "is a raster and" in res.stderr and "vector layer" in res.stderr
    res, _ = convert_rasters(tmp_path, raster, write_raster(tmp_path / "a.tif", RASTER_AFTER), "--zones", str(zones),
                             "--zone-id", "code")
    assert res.returncode == 1 and "--zones with raster land use is not supported" in res.stderr
    assert not (tmp_path / "rconv_conversions.tif").exists()
    res, _ = convert(tmp_path, "--resample-to", "after")
    assert res.returncode == 1 and "--resample-to is for two rasters" in res.stderr


def test_rasters_streamed_in_windows_match_a_count(tmp_path: Path) -> None:
    """130 x 5000 cells, before tiled in 16 x 16 blocks, after in strips: several windows
    in both directions, read alike from both files; the code matrix equals a plain count
    of cell pairs (planar 0.01 ha a cell)."""
    from collections import Counter
    from osgeo import gdal, osr
    import numpy as np
    rng = np.random.default_rng(5)
    codes = np.array([11, 12, 21, 41, 51, 255], dtype=np.uint8)
    grids = [codes[rng.integers(0, len(codes), (130, 5000))] for _ in range(2)]
    paths = []
    for name, data, options in (("b.tif", grids[0], ["TILED=YES", "BLOCKXSIZE=16", "BLOCKYSIZE=16"]),
                                ("a.tif", grids[1], [])):
        ds = gdal.GetDriverByName("GTiff").Create(str(tmp_path / name), 5000, 130, 1, gdal.GDT_Byte, options)
        ds.SetGeoTransform((X0, 10, 0, Y0 + 1300, 0, -10))
        srs = osr.SpatialReference()
        srs.ImportFromEPSG(4527)
        ds.SetSpatialRef(srs)
        ds.GetRasterBand(1).SetNoDataValue(255)
        ds.GetRasterBand(1).WriteArray(data)
        ds = None
        paths.append(tmp_path / name)
    res, out = convert_rasters(tmp_path, paths[0], paths[1])
    assert res.returncode == 0, res.stderr
    valid = (grids[0] != 255) & (grids[1] != 255)
    expected = Counter(zip(grids[0][valid].tolist(), grids[1][valid].tolist()))
    got = {(r["from_class"], r["to_class"]): r["area_ha"] for r in rows(out, "transitions") if r["level"] == "code"}
    assert got == pytest.approx({(str(b), str(a)): n * 0.01 for (b, a), n in expected.items()})
    tif = gdal.Open(str(tmp_path / "rconv_conversions.tif"))  # kept: the band needs its dataset alive
    status = tif.GetRasterBand(1).ReadAsArray()
    assert ((status == 0) == ~valid).all()


def test_workspace_missing_a_line_is_named(tmp_path: Path) -> None:
    """A GeoPackage that is no three-lines workspace: the missing layer is named, with how
    workspaces are made, and nothing is written."""
    ws = write_layer(tmp_path / "not_ws.gpkg", "ecological_redline", 4527, [], [])
    res, out = convert(tmp_path, "--workspace", str(ws))
    assert res.returncode == 1
    assert "missing the layer 'permanent_farmland'" in res.stderr and "guotu lines init" in res.stderr
    assert not out.exists()


def grid(path: Path, n: int, cell: float, offset: float, code) -> Path:
    """n x n squares of `cell` metres from (X0 + offset, Y0 + offset), coded by code(i, j)."""
    return write_layer(path, "landuse", 4527, [("dlbm", ogr.OFTString)],
                       [({"dlbm": code(i, j)}, box(X0 + offset + i * cell, Y0 + offset + j * cell,
                                                    X0 + offset + (i + 1) * cell, Y0 + offset + (j + 1) * cell))
                        for i in range(n) for j in range(n)])


def test_conversions_layer_is_a_complete_geopackage(tmp_path: Path) -> None:
    """The pieces are written straight through SQLite with a packed R-tree (gpkg_bulk.c): the
    file must be the GeoPackage GDAL would have made — valid R-tree with one entry per piece
    holding its bounds, spatial filters that find exactly the pieces whose bounds meet, the
    extent and feature count recorded, and triggers that keep the index right when a user
    edits the layer afterwards."""
    import sqlite3
    from osgeo import gdal
    before = grid(tmp_path / "b.gpkg", 40, 50.0, 0.0, lambda i, j: "21" if (i + j) % 3 else "12")
    after = grid(tmp_path / "a.gpkg", 40, 50.0, 20.0, lambda i, j: "0103" if i % 2 else "0701")
    res, out = convert(tmp_path, before=before, after=after)
    assert res.returncode == 0, res.stderr
    db = sqlite3.connect(out)
    n = db.execute("SELECT count(*) FROM conversions").fetchone()[0]
    assert n > 51 * 51  # a three-level tree
    assert db.execute("SELECT rtreecheck('rtree_conversions_geom')").fetchone()[0] == "ok"
    assert db.execute("SELECT feature_count FROM gpkg_ogr_contents WHERE table_name = 'conversions'").fetchone()[0] == n
    rtree = {r[0]: r[1:] for r in db.execute("SELECT id, minx, maxx, miny, maxy FROM rtree_conversions_geom")}
    extent_row = db.execute("SELECT min_x, max_x, min_y, max_y FROM gpkg_contents WHERE table_name = 'conversions'")
    recorded_extent = extent_row.fetchone()
    triggers = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    db.close()
    assert {f"rtree_conversions_geom_{t}" for t in ("insert", "update1", "update2", "update3", "update4",
                                                   "delete")} <= triggers
    assert len(rtree) == n

    gdal.PushErrorHandler("CPLQuietErrorHandler")
    gdal.ErrorReset()
    ds = ogr.Open(str(out), update=1)
    layer = ds.GetLayerByName("conversions")
    assert gdal.GetLastErrorMsg() == ""
    gdal.PopErrorHandler()
    envelopes, geometries = {}, {}
    for f in layer:
        g = f.GetGeometryRef()
        assert g.GetGeometryName() == "MULTIPOLYGON" and g.IsValid()
        envelopes[f.GetFID()] = g.GetEnvelope()  # minx, maxx, miny, maxy
        geometries[f.GetFID()] = g.Clone()
    assert set(envelopes) == set(rtree)
    for fid, (x0, x1, y0, y1) in envelopes.items():
        r = rtree[fid]  # floats that must contain the double bounds
        assert r[0] <= x0 and r[1] >= x1 and r[2] <= y0 and r[3] >= y1
        # float32 spacing at 3.9e7 m (Gauss-Krüger with the zone prefix) is 4 m
        assert x0 - r[0] <= 4 and r[1] - x1 <= 4 and y0 - r[2] <= 0.5 and r[3] - y1 <= 0.5
    assert recorded_extent == pytest.approx((min(e[0] for e in envelopes.values()), max(e[1] for e in envelopes.values()),
                                             min(e[2] for e in envelopes.values()), max(e[3] for e in envelopes.values())))
    assert layer.GetFeatureCount() == n
    for k, (qx, qy, w) in enumerate([(300, 300, 55), (1000, 20, 400), (1990, 1990, 100), (-100, -100, 90)]):
        x0, y0 = X0 + qx, Y0 + qy
        layer.SetSpatialFilterRect(x0, y0, x0 + w, y0 + w)
        found = {f.GetFID() for f in layer}
        want = {fid for fid, (a, b, c, d) in envelopes.items()
                if a <= x0 + w and b >= x0 and c <= y0 + w and d >= y0 and
                ogr.CreateGeometryFromWkt(box(x0, y0, x0 + w, y0 + w)).Intersects(geometries[fid])}
        assert want <= found and (k == 3) == (not found), (qx, qy)
    layer.SetSpatialFilter(None)
    # A user's edits afterwards: the restored triggers keep the index in step.
    gone = next(iter(envelopes))
    assert layer.DeleteFeature(gone) == 0
    f = ogr.Feature(layer.GetLayerDefn())
    f.SetGeometry(ogr.CreateGeometryFromWkt(f"MULTIPOLYGON((({X0 + 5000} {Y0},{X0 + 5010} {Y0},{X0 + 5010} {Y0 + 10},"
                                            f"{X0 + 5000} {Y0}))))"))
    assert layer.CreateFeature(f) == 0
    added = f.GetFID()
    ds = None
    db = sqlite3.connect(out)
    assert db.execute("SELECT rtreecheck('rtree_conversions_geom')").fetchone()[0] == "ok"
    ids = {r[0] for r in db.execute("SELECT id FROM rtree_conversions_geom")}
    assert gone not in ids and added in ids and len(ids) == n
    db.close()


def test_many_pieces_through_the_writer_queue(tmp_path: Path) -> None:
    """Over 4096 pieces (more than one batch from each worker to the writer thread, so
    batches are handed over, queued and reused): one worker and three give the same pieces
    and tables, and a worker's input error still stops the run with no output."""
    before = grid(tmp_path / "b.gpkg", 60, 40.0, 0.0, lambda i, j: ("21", "12", "41")[(i * 7 + j) % 3])
    after = grid(tmp_path / "a.gpkg", 60, 40.0, 13.0, lambda i, j: ("0103", "0701", "1101")[(i + 2 * j) % 3])
    pieces, tables = [], []
    for threads in ("1", "3"):
        sub = tmp_path / threads
        sub.mkdir()
        res, out = convert(sub, "--threads", threads, before=before, after=after)
        assert res.returncode == 0, res.stderr
        got = rows(out, "conversions")
        pieces.append(sorted((p["from_code"], p["to_code"], p["status"], round(p["area_ha"], 9)) for p in got))
        tables.append({(r["level"], r["from_class"], r["to_class"]): r["area_ha"] for r in rows(out, "transitions")})
    assert len(pieces[0]) > 3 * 4096
    assert pieces[0] == pieces[1]
    assert tables[0].keys() == tables[1].keys()
    for key, value in tables[0].items():
        assert tables[1][key] == pytest.approx(value, rel=1e-12), key
    # both grids cover the 2387 m square where they overlap (planar area in convert())
    assert sum(v for k, v in tables[0].items() if k[0] == "category") == pytest.approx(2387 ** 2 / 1e4, rel=1e-9)
    # an invalid polygon late in the after layer, with --invalid fail: an error, no file left
    bad = write_layer(tmp_path / "bad.gpkg", "landuse", 4527, [("dlbm", ogr.OFTString)],
                      [({"dlbm": "0103"}, box(X0 + 13 + i * 40, Y0 + 13, X0 + 53 + i * 40, Y0 + 53)) for i in range(59)]
                      + [({"dlbm": "0103"}, f"POLYGON(({X0} {Y0},{X0 + 100} {Y0 + 100},{X0 + 100} {Y0},{X0} {Y0 + 100},"
                                            f"{X0} {Y0}))")])
    res, out = convert(tmp_path, "--threads", "3", "--invalid", "fail", before=before, after=bad)
    assert res.returncode == 1 and "invalid" in res.stderr.lower(), res.stderr
    assert not out.exists() and not list(tmp_path.glob("conv.tmp-*"))


def test_output_that_cannot_be_put_in_place_is_explained(tmp_path: Path) -> None:
    """The finished file cannot be renamed over the target (here a directory): the error
    names the user's path (not the temporary file's) and the reason, and the temporary file
    is gone."""
    target = tmp_path / "conv.gpkg"
    target.mkdir()
    res, out = convert(tmp_path)
    assert res.returncode == 1
    assert f"cannot write '{target}': Is a directory" in res.stderr, res.stderr
    assert ".tmp-" not in res.stderr
    assert out.is_dir() and not list(tmp_path.glob("conv.tmp-*"))


def test_attribute_filters_read_only_the_matching_features(tmp_path: Path) -> None:
    """--before-where / --after-where (a QGIS subset string of a file layer): only the matching
    parcels take part, with the same result as a file holding only them; a clause the driver
    cannot apply is an error naming the layer, never a run over everything."""
    before, after = strips(tmp_path / "b.gpkg", BEFORE), strips(tmp_path / "a.gpkg", AFTER)
    res, out = convert(tmp_path, "--before-where", "dlbm <> '41'", "--after-where", "dlbm IN ('0701', '1101')",
                       before=before, after=after)
    assert res.returncode == 0, res.stderr
    # After: 0701 [0,150] and 1101 [150,200]; before without 41: all of [0,200] remains.
    assert status_areas(out, "") == pytest.approx({"path": 1.5, "gap": 0.5})
    ds = ogr.Open(str(out))
    meta = dict(ds.GetLayerByName("transitions").GetMetadata())
    ds = None
    assert meta["before_filter"] == "dlbm <> '41'" and meta["after_filter"] == "dlbm IN ('0701', '1101')"
    subset_dir = tmp_path / "subset"
    subset_dir.mkdir()
    res2, out2 = convert(subset_dir, before=strips(subset_dir / "b.gpkg", [r for r in BEFORE if r[0] != "41"]),
                         after=strips(subset_dir / "a.gpkg", AFTER[:2]))
    assert res2.returncode == 0, res2.stderr
    assert status_areas(out2, "") == pytest.approx(status_areas(out, ""))
    bad_dir = tmp_path / "bad"
    bad_dir.mkdir()
    bad, bad_out = convert(bad_dir, "--after-where", "no_such_field = 1", before=before, after=after)
    assert bad.returncode == 1 and not bad_out.exists()
    assert "no_such_field = 1" in bad.stderr and "landuse" in bad.stderr, bad.stderr
