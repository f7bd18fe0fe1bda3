"""guotu framework catalogue on the fixture of core/tests/test_frame.c, with its hand-counted
findings. Catalogue: M01 紫金山 (3201;3202), R01 秦淮河 (3201、3203), C01 生态廊道 (3202；3203),
R02 滁河 (3201|3202|3203). Submitted: 3201 M01 ×2, R01, X99; 3202 M01, R01; 3203 C01, (no id);
(no city) M01.
  not_submitted: R01/3203, C01/3202, R02/3201, R02/3202, R02/3203          5
  not_in_catalogue: X99 (3201), the feature without id (3203)               2
  city_not_listed: R01 submitted by 3202                                    1
  no_city: the M01 feature without city                                     1
Per city (listed, submitted, not submitted, features, not in catalogue, not listed):
  3201 3 2 1 4 1 0 · 3202 3 1 2 2 0 1 · 3203 3 1 2 2 1 0
"""
from __future__ import annotations

import math
from pathlib import Path

import pytest

from osgeo import ogr

from cli_support import X0, Y0, box, run_guotu, write_layer

CATALOGUE = ("\ufeffelement_id,name,type,cities,indicators\r\n"
             "M01,紫金山,mountain,3201;3202,slope_mean;forest_share\r\n"
             "R01,秦淮河,river,3201、3203,area\r\n"
             "C01,生态廊道,corridor,3202；3203,\r\n"
             "R02,滁河,river,\"3201|3202|3203\",\r\n")

SUBMITTED = [("3201", "M01", "紫金山北"), ("3201", "M01", "紫金山南"), ("3201", "R01", "秦淮河"),
             ("3201", "X99", "无名山"), ("3202", "M01", "紫金山东"), ("3202", "R01", "秦淮河"),
             ("3203", "C01", "廊道"), ("3203", "", "未编号"), ("", "M01", "无城市")]


def write_inputs(tmp: Path, catalogue: str = CATALOGUE) -> tuple[Path, Path]:
    cat = tmp / "catalogue.csv"
    cat.write_text(catalogue, encoding="utf-8")
    features = [({"city": c, "ysbh": e, "ysmc": n}, box(X0 + 100 * i, Y0, X0 + 100 * i + 50, Y0 + 50))
                for i, (c, e, n) in enumerate(SUBMITTED)]
    elements = write_layer(tmp / "submitted.gpkg", "submitted", 4527,
                           [("city", ogr.OFTString), ("ysbh", ogr.OFTString), ("ysmc", ogr.OFTString)], features)
    return cat, elements


def run(tmp: Path, cat: Path, elements: Path, *extra: str):
    out = tmp / "out.gpkg"
    r = run_guotu("framework", "catalogue", "--catalogue", str(cat), "--elements", str(elements),
                  "--city-field", "city", "--element-field", "ysbh", "--name-field", "ysmc", *extra, "-o", str(out))
    return r, out


def rows(path: Path, layer: str) -> list[dict]:
    ds = ogr.Open(str(path))
    lyr = ds.GetLayerByName(layer)
    out = []
    for f in lyr:
        row = {k: f.GetField(k) for k in f.keys()}
        g = f.GetGeometryRef()
        row["_geom"] = g.ExportToWkt() if g else None
        out.append(row)
    return out


def test_catalogue_findings_and_cities(tmp_path: Path) -> None:
    cat, elements = write_inputs(tmp_path)
    r, out = run(tmp_path, cat, elements)
    assert r.returncode == 0, r.stderr
    assert "5 not submitted, 2 not in the catalogue, 1 city not listed, 1 without city" in r.stdout
    findings = rows(out, "catalogue_findings")
    got = [(f["kind"], f["city_id"], f["element_id"], f["feature_id"]) for f in findings]
    assert got == [("not_submitted", "3203", "R01", None), ("not_submitted", "3202", "C01", None),
                   ("not_submitted", "3201", "R02", None), ("not_submitted", "3202", "R02", None),
                   ("not_submitted", "3203", "R02", None), ("not_in_catalogue", "3201", "X99", 4),
                   ("city_not_listed", "3202", "R01", 6), ("not_in_catalogue", "3203", "", 8),
                   ("no_city", "", "M01", 9)]
    # The catalogue's name and cities for a catalogue element, the submitted name otherwise.
    assert findings[0]["element_name"] == "秦淮河" and findings[0]["cities"] == "3201;3203"
    assert findings[0]["element_type"] == "river" and findings[0]["_geom"] is None
    assert findings[5]["element_name"] == "无名山" and findings[5]["cities"] == ""
    assert "X99" in findings[5]["message_zh"] and "not in the catalogue" in findings[5]["message_en"]
    # The submitted geometry comes with the feature's finding: X99 is the 4th feature (index 3).
    g = ogr.CreateGeometryFromWkt(findings[5]["_geom"])
    assert abs(g.GetArea() - 2500.0) < 1e-6
    assert abs(g.GetEnvelope()[0] - (X0 + 300)) < 1e-6
    cities = [(c["city_id"], c["listed"], c["submitted"], c["not_submitted"], c["features"], c["not_in_catalogue"],
               c["city_not_listed"]) for c in rows(out, "catalogue_cities")]
    assert cities == [("3201", 3, 2, 1, 4, 1, 0), ("3202", 3, 1, 2, 2, 0, 1), ("3203", 3, 1, 2, 2, 1, 0)]


def test_bad_catalogue_is_refused_naming_the_line(tmp_path: Path) -> None:
    bad = CATALOGUE.replace("slope_mean;forest_share", "slope_mean;forest")
    cat, elements = write_inputs(tmp_path, bad)
    r, out = run(tmp_path, cat, elements)
    assert r.returncode == 1
    assert "line 2" in r.stderr and "unknown indicator 'forest'" in r.stderr
    assert not out.exists()


def test_missing_field_and_usage(tmp_path: Path) -> None:
    cat, elements = write_inputs(tmp_path)
    out = tmp_path / "out.gpkg"
    r = run_guotu("framework", "catalogue", "--catalogue", str(cat), "--elements", str(elements),
                  "--city-field", "city", "--element-field", "YSBH_X", "-o", str(out))
    assert r.returncode == 1 and "YSBH_X" in r.stderr and not out.exists()
    r = run_guotu("framework", "catalogue", "--catalogue", str(cat), "-o", str(out))
    assert r.returncode == 2 and "--element-field" in r.stderr
    r = run_guotu("framework", "catalogue", "--catalogue", str(cat), "--elements", str(elements),
                  "--city-field", "city", "--element-field", "ysbh", "-o", str(elements))
    assert r.returncode != 0 and not (tmp_path / "catalogue_findings").exists()
    r = run_guotu("framework")
    assert r.returncode == 2 and "framework catalogue" in r.stderr


def test_outputs_open_styled(tmp_path: Path) -> None:
    cat, elements = write_inputs(tmp_path)
    r, out = run(tmp_path, cat, elements)
    assert r.returncode == 0, r.stderr
    ds = ogr.Open(str(out))
    styles = ds.ExecuteSQL("SELECT f_table_name, styleQML FROM layer_styles ORDER BY f_table_name")
    found = {f.GetField(0): f.GetField(1) for f in styles}
    ds.ReleaseResultSet(styles)
    assert set(found) == {"catalogue_cities", "catalogue_findings"}
    assert "not_in_catalogue" in found["catalogue_findings"] and "城市代码" in found["catalogue_cities"]


# ---- guotu framework indicators on the plane fixture of core/tests/test_frame.c ----------
# DEM 100 x 100 cells of 10 m, north-up, local x = X - X0 0..1000, y = Y - Y0 0..1000, z = 0.1·x
# at cell centres (a plane sloping atan(0.1) = 5.710593°). M01 (mountain, A;B): A = [200,400] x
# [200,800], B = [400,600] x [200,800]: mean elevation 30 / 50 (whole 40), min 20.5 / 40.5,
# max 39.5 / 59.5; band 100: strips [300,400] (35) and [400,500] (45). Forest 0301 [200,250]
# and 0305 [350,450]x[200,300]: shares 35,000/120,000 (A), 5,000/120,000 (B).
# Thresholds: A slope_mean <= 5 (outside), forest >= 0.3 (outside), elevation 0..100 (in);
# B slope_mean <= 10 (differs from A), forest >= 0.3 (outside), no elevation_mean (missing).

FRAME_CATALOGUE = "element_id,name,type,cities,indicators\nM01,Hills,mountain,A;B,elevation_mean;slope_mean;forest_share\n"
THRESHOLDS = ("city,element_type,indicator,min,max\nA,mountain,elevation_mean,0,100\nA,mountain,slope_mean,,5\n"
              "A,mountain,forest_share,0.3,\nB,mountain,slope_mean,,10\nB,mountain,forest_share,0.3,\n")


def local_box(x0, y0, x1, y1):
    return box(X0 + x0, Y0 + y0, X0 + x1, Y0 + y1)


def write_dem(path: Path, z=lambda x, y: 0.1 * x, epsg: int = 4527, x_origin: float = X0) -> Path:
    from osgeo import gdal, osr
    import numpy as np
    ds = gdal.GetDriverByName("GTiff").Create(str(path), 100, 100, 1, gdal.GDT_Float32,
                                              ["TILED=YES", "BLOCKXSIZE=32", "BLOCKYSIZE=32"])
    ds.SetGeoTransform((x_origin, 10, 0, Y0 + 1000, 0, -10))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(epsg)
    ds.SetProjection(srs.ExportToWkt())
    cols, rows = np.meshgrid(np.arange(100), np.arange(100))
    ds.GetRasterBand(1).WriteArray(z(cols * 10 + 5.0, 1000 - (rows * 10 + 5.0)).astype(np.float32))
    ds.GetRasterBand(1).SetNoDataValue(-9999)
    ds = None
    return path


def write_frame_inputs(tmp: Path) -> dict:
    (tmp / "cat.csv").write_text(FRAME_CATALOGUE, encoding="utf-8")
    (tmp / "thr.csv").write_text(THRESHOLDS, encoding="utf-8")
    write_layer(tmp / "parts.gpkg", "parts", 4527, [("city", ogr.OFTString), ("ysbh", ogr.OFTString)],
                [({"city": "A", "ysbh": "M01"}, local_box(200, 200, 400, 800)),
                 ({"city": "B", "ysbh": "M01"}, local_box(400, 200, 600, 800))])
    write_layer(tmp / "landuse.gpkg", "landuse", 4527, [("dlbm", ogr.OFTString)],
                [({"dlbm": "0301"}, local_box(200, 200, 250, 800)), ({"dlbm": "0305"}, local_box(350, 200, 450, 300)),
                 ({"dlbm": "0101"}, local_box(250, 300, 600, 800))])
    write_dem(tmp / "dem.tif")
    return {"catalogue": tmp / "cat.csv", "thresholds": tmp / "thr.csv", "elements": tmp / "parts.gpkg",
            "landuse": tmp / "landuse.gpkg", "dem": tmp / "dem.tif"}


def run_indicators(tmp: Path, inputs: dict, *extra: str, out_name: str = "ind.gpkg"):
    out = tmp / out_name
    r = run_guotu("framework", "indicators", "--catalogue", str(inputs["catalogue"]), "--elements",
                  str(inputs["elements"]), "--city-field", "city", "--element-field", "ysbh", "--thresholds",
                  str(inputs["thresholds"]), "--dem", str(inputs["dem"]), "--landuse", str(inputs["landuse"]),
                  "--landuse-code", "dlbm", "--band", "100", "--tolerance-elevation", "5", *extra, "-o", str(out))
    return r, out


def test_indicators_hand_values(tmp_path: Path) -> None:
    inputs = write_frame_inputs(tmp_path)
    r, out = run_indicators(tmp_path, inputs, "--area", "planar")
    assert r.returncode == 0, r.stderr
    assert "1 outside threshold" not in r.stdout and "3 outside threshold" in r.stdout
    zones = rows(out, "element_indicators")
    assert [(z["zone"], z["city_id"], z["other_city_id"]) for z in zones] == [
        ("element", "", ""), ("part", "A", ""), ("part", "B", ""), ("strip", "A", "B"), ("strip", "B", "A")]
    slope = math.degrees(math.atan(0.1))
    expected = [(240000, 40, 20.5, 59.5, 40000 / 240000), (120000, 30, 20.5, 39.5, 35000 / 120000),
                (120000, 50, 40.5, 59.5, 5000 / 120000), (60000, 35, 30.5, 39.5, 5000 / 60000),
                (60000, 45, 40.5, 49.5, 5000 / 60000)]
    for z, (area, mean, lo, hi, forest) in zip(zones, expected):
        assert z["area_m2"] == pytest.approx(area, abs=1e-6)
        assert z["elevation_mean"] == pytest.approx(mean, abs=1e-4)
        assert (z["elevation_min"], z["elevation_max"]) == pytest.approx((lo, hi), abs=1e-4)
        assert z["slope_mean"] == pytest.approx(slope, abs=1e-5) and z["slope_share"] == 0
        assert z["forest_share"] == pytest.approx(forest, abs=1e-9) and z["dem_share"] == pytest.approx(1)
    findings = [(f["kind"], f["city_id"], f["other_city_id"], f["indicator"]) for f in rows(out, "indicator_findings")]
    assert findings == [("outside_threshold", "A", "", "slope_mean"), ("outside_threshold", "A", "", "forest_share"),
                        ("threshold_missing", "B", "", "elevation_mean"),
                        ("outside_threshold", "B", "", "forest_share"),
                        ("threshold_differs", "A", "B", "slope_mean"), ("value_jump", "A", "B", "elevation_mean")]
    jump = rows(out, "indicator_findings")[-1]
    assert (jump["value"], jump["other_value"]) == pytest.approx((35, 45), abs=1e-4)
    # Its geometry is both strips: [300,500] x [200,800].
    assert ogr.CreateGeometryFromWkt(jump["_geom"]).GetArea() == pytest.approx(120000, abs=1e-3)
    assert {c["city_id"] for c in rows(out, "catalogue_cities")} == {"A", "B"}


def test_indicators_ellipsoidal_and_reprojected(tmp_path: Path) -> None:
    """Ellipsoidal areas near the central meridian equal the planar ones to 1e-5; elements in
    another CRS (EPSG:4490, degrees) are reprojected to the DEM's."""
    inputs = write_frame_inputs(tmp_path)
    r, out = run_indicators(tmp_path, inputs)
    assert r.returncode == 0, r.stderr
    zones = rows(out, "element_indicators")
    assert zones[1]["area_m2"] == pytest.approx(120000, rel=1e-5)
    assert zones[1]["elevation_mean"] == pytest.approx(30, abs=1e-3)
    ogr.GetDriverByName("GPKG")
    from osgeo import gdal
    gdal.VectorTranslate(str(tmp_path / "geo.gpkg"), str(inputs["elements"]), dstSRS="EPSG:4490")
    r, out2 = run_indicators(tmp_path, dict(inputs, elements=tmp_path / "geo.gpkg"), out_name="geo_out.gpkg")
    assert r.returncode == 0, r.stderr
    assert "reprojecting the elements layer" in r.stderr
    assert rows(out2, "element_indicators")[1]["elevation_mean"] == pytest.approx(30, abs=1e-3)


def test_indicators_on_geographic_inputs_work_in_the_gauss_kruger_zone(tmp_path: Path) -> None:
    """The DEM, elements and land use delivered in EPSG:4490 (warped and reprojected here): the
    run works in the 3-degree zone of the data's centre (CM 117E, EPSG:4548), warps the DEM to it
    (bilinear) and says so, writing its outputs in the zone. Areas equal the projected run's to 1e-6
    (ellipsoidal); elevations and slopes to what two bilinear resamplings of a plane leave (edge
    cells: 0.5 m, 0.05°); forest shares to 1e-6."""
    from osgeo import gdal
    inputs = write_frame_inputs(tmp_path)
    r, base = run_indicators(tmp_path, inputs)
    assert r.returncode == 0, r.stderr
    geo = dict(inputs)
    geo["dem"] = tmp_path / "dem_4490.tif"
    gdal.Warp(str(geo["dem"]), str(inputs["dem"]), dstSRS="EPSG:4490", resampleAlg="bilinear")
    for name in ("elements", "landuse"):
        geo[name] = tmp_path / f"{name}_4490.gpkg"
        gdal.VectorTranslate(str(geo[name]), str(inputs[name]), dstSRS="EPSG:4490")
    r, out = run_indicators(tmp_path, geo, out_name="geo_out.gpkg")
    assert r.returncode == 0, r.stderr
    note = ("reprojected from EPSG:4490 to EPSG:4548 (CGCS2000 / 3-degree Gauss-Kruger CM 117E), the zone of the "
            "data's centre; outputs are in EPSG:4548")
    assert note in r.stderr and "dem_4490.tif' is warped to" in r.stderr
    ds = ogr.Open(str(out))
    layer = ds.GetLayerByName("element_indicators")
    assert layer.GetSpatialRef().GetAuthorityCode(None) == "4548"
    assert layer.GetMetadataItem("crs_note") == note + "; the DEM warped to it (bilinear)"
    got, want = rows(out, "element_indicators"), rows(base, "element_indicators")
    assert [(z["zone"], z["city_id"]) for z in got] == [(z["zone"], z["city_id"]) for z in want]
    for g, w in zip(got, want):
        assert g["area_m2"] == pytest.approx(w["area_m2"], rel=1e-6)
        assert g["forest_share"] == pytest.approx(w["forest_share"], abs=1e-6)
        assert g["elevation_mean"] == pytest.approx(w["elevation_mean"], abs=0.5)
        assert g["slope_mean"] == pytest.approx(w["slope_mean"], abs=0.05)
    kinds = lambda path: [(f["kind"], f["city_id"], f["indicator"]) for f in rows(path, "indicator_findings")]
    assert kinds(out) == kinds(base)


def test_indicators_refusals(tmp_path: Path) -> None:
    inputs = write_frame_inputs(tmp_path)
    # GK metres labelled EPSG:4490: no longitude and latitude, refused naming the DEM.
    write_dem(tmp_path / "dem_geo.tif", epsg=4490)
    r, out = run_indicators(tmp_path, dict(inputs, dem=tmp_path / "dem_geo.tif"))
    assert r.returncode == 1 and "not longitude and latitude" in r.stderr and "dem_geo.tif" in r.stderr
    assert not out.exists()
    (tmp_path / "bad_thr.csv").write_text(THRESHOLDS.replace("0.3,", "30,", 1), encoding="utf-8")
    r, out = run_indicators(tmp_path, dict(inputs, thresholds=tmp_path / "bad_thr.csv"))
    assert r.returncode == 1 and "line 4" in r.stderr and "a share is a fraction" in r.stderr
    r = run_guotu("framework", "indicators", "--catalogue", str(inputs["catalogue"]), "--elements",
                  str(inputs["elements"]), "--city-field", "city", "--element-field", "ysbh", "--landuse",
                  str(inputs["landuse"]), "-o", str(tmp_path / "x.gpkg"))
    # Without --landuse-code the land use is read as a raster: a vector file is not one.
    assert r.returncode == 1 and "as a land-use raster (give --landuse-code" in r.stderr


def write_landuse_raster(path: Path, epsg: int = 4527, nodata_block: bool = False) -> Path:
    """The fixture's land use as 10 m cells of class values on the DEM's grid: 301 on
    [200,250] x [200,800], 305 on [350,450] x [200,300], 101 elsewhere; with nodata_block,
    cells [300,330] x [770,800] (inside A and A's strip) have no class (0)."""
    from osgeo import gdal, osr
    import numpy as np
    values = np.full((100, 100), 101, dtype=np.int32)
    values[20:80, 20:25] = 301  # rows 20-79: y 800..200; columns 20-24: x 200..250
    values[70:80, 35:45] = 305
    if nodata_block:
        values[20:23, 30:33] = 0
    ds = gdal.GetDriverByName("GTiff").Create(str(path), 100, 100, 1, gdal.GDT_Int32)
    ds.SetGeoTransform((X0, 10, 0, Y0 + 1000, 0, -10))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(epsg)
    ds.SetProjection(srs.ExportToWkt())
    ds.GetRasterBand(1).WriteArray(values)
    ds.GetRasterBand(1).SetNoDataValue(0)
    ds = None
    return path


def test_indicators_forest_share_from_raster(tmp_path: Path) -> None:
    """The same land use as a raster of class values (no --landuse-code): the forest shares
    of the polygons, by hand; a block of no-data cells in A makes its share over the cells
    with a class and a landuse_incomplete finding; a raster in degrees is refused."""
    inputs = write_frame_inputs(tmp_path)
    r, vec = run_indicators(tmp_path, inputs, "--area", "planar", out_name="vec.gpkg")
    assert r.returncode == 0, r.stderr
    lu = write_landuse_raster(tmp_path / "lu.tif")
    base = ["framework", "indicators", "--catalogue", str(inputs["catalogue"]), "--elements", str(inputs["elements"]),
            "--city-field", "city", "--element-field", "ysbh", "--thresholds", str(inputs["thresholds"]),
            "--dem", str(inputs["dem"]), "--band", "100", "--tolerance-elevation", "5", "--area", "planar"]
    r = run_guotu(*base, "--landuse", str(lu), "-o", str(tmp_path / "ras.gpkg"))
    assert r.returncode == 0, r.stderr
    assert "land use: a raster of classes; 0 parts" in r.stdout
    ras_rows, vec_rows = rows(tmp_path / "ras.gpkg", "element_indicators"), rows(vec, "element_indicators")
    hand = [40000 / 240000, 35000 / 120000, 5000 / 120000, 5000 / 60000, 5000 / 60000]
    for z, v, share in zip(ras_rows, vec_rows, hand):
        assert z["forest_share"] == pytest.approx(share, rel=1e-12)
        assert z["forest_share"] == pytest.approx(v["forest_share"], rel=1e-12)
    kinds = [(f["kind"], f["city_id"], f["indicator"]) for f in rows(tmp_path / "ras.gpkg", "indicator_findings")]
    assert kinds == [(f["kind"], f["city_id"], f["indicator"]) for f in rows(vec, "indicator_findings")]
    ds = ogr.Open(str(tmp_path / "ras.gpkg"))
    assert ds.GetLayerByName("element_indicators").GetMetadata().get("landuse_code_field") == "(raster values)"
    ds = None

    lu2 = write_landuse_raster(tmp_path / "lu_gap.tif", nodata_block=True)
    r = run_guotu(*base, "--landuse", str(lu2), "-o", str(tmp_path / "gap.gpkg"))
    assert r.returncode == 0, r.stderr
    zones = rows(tmp_path / "gap.gpkg", "element_indicators")
    assert zones[1]["forest_share"] == pytest.approx(35000 / 119100, rel=1e-12)  # A: 900 m² without a class
    assert zones[3]["forest_share"] == pytest.approx(5000 / 59100, rel=1e-12)  # A's strip [300,400]
    assert zones[2]["forest_share"] == pytest.approx(5000 / 120000, rel=1e-12)  # B untouched
    gaps = [f for f in rows(tmp_path / "gap.gpkg", "indicator_findings") if f["kind"] == "landuse_incomplete"]
    assert [(g["city_id"], g["indicator"]) for g in gaps] == [("A", "forest_share")]
    assert gaps[0]["value"] == pytest.approx(119100 / 120000, rel=1e-12)
    assert "1 parts where it has no class" in r.stdout

    geo = write_landuse_raster(tmp_path / "lu_geo.tif", epsg=4490)
    r = run_guotu(*base, "--landuse", str(geo), "-o", str(tmp_path / "geo.gpkg"))
    assert r.returncode == 1 and "warp it first" in r.stderr and not (tmp_path / "geo.gpkg").exists()


# ---- guotu framework rounds ---------------------------------------------------------------
# Cities A [0,1000]² and B [1000,2000]x[0,1000] (border x = 1000), guotu border run on two rounds:
#   round n:   A red line [900,1000]x[100,200], nothing in B       -> discontinuity 100 m (side B)
#              A red line [900,1040]x[400,500] into B, B red line [1000,1100]x[400,500]
#                                                                  -> overlap: crossing + double claim
#   round n+1: the discontinuity unchanged                         -> persisting
#              A's element pulled back to the border               -> both overlaps resolved
#              A farmland [900,1000]x[700,800], B red line [1000,1100]x[700,800]
#                                                                  -> category_mismatch 100 m, new
# With the framework indicators of the plane fixture in both rounds, round n+1 with A's slope
# threshold raised to 10: outside_threshold A slope_mean and threshold_differs A/B slope_mean
# resolved, the 4 other findings persisting.

RED, FARM = "ecological_redline", "permanent_farmland"


def border_round(tmp: Path, name: str, elements: list) -> Path:
    admin = write_layer(tmp / "admin.gpkg", "admin", 4527, [("code", ogr.OFTString)],
                        [({"code": "A"}, local_box(0, 0, 1000, 1000)), ({"code": "B"}, local_box(1000, 0, 2000, 1000))])
    el = write_layer(tmp / f"{name}_el.gpkg", "elements", 4527, [("city", ogr.OFTString), ("category", ogr.OFTString)],
                     [({"city": c, "category": k}, g) for c, k, g in elements])
    out = tmp / f"{name}_border.gpkg"
    r = run_guotu("border", "--admin", str(admin), "--admin-id", "code", "--elements", str(el), "--city-field", "city",
                  "--category-field", "category", "-o", str(out))
    assert r.returncode == 0, r.stderr
    return out


def make_rounds(tmp: Path) -> tuple[Path, Path, Path, Path]:
    stays = ("A", RED, local_box(900, 100, 1000, 200))
    b_red = ("B", RED, local_box(1000, 400, 1100, 500))
    n0 = border_round(tmp, "r0", [stays, ("A", RED, local_box(900, 400, 1040, 500)), b_red])
    n1 = border_round(tmp, "r1", [stays, ("A", RED, local_box(900, 400, 1000, 500)), b_red,
                                  ("A", FARM, local_box(900, 700, 1000, 800)), ("B", RED, local_box(1000, 700, 1100, 800))])
    inputs = write_frame_inputs(tmp)
    r, i0 = run_indicators(tmp, inputs, "--area", "planar", out_name="r0_ind.gpkg")
    assert r.returncode == 0, r.stderr
    (tmp / "thr1.csv").write_text(THRESHOLDS.replace("A,mountain,slope_mean,,5", "A,mountain,slope_mean,,10"),
                                  encoding="utf-8")
    r, i1 = run_indicators(tmp, dict(inputs, thresholds=tmp / "thr1.csv"), "--area", "planar", out_name="r1_ind.gpkg")
    assert r.returncode == 0, r.stderr
    return n0, i0, n1, i1


def review(path: Path, kind: str, status: str, note: str) -> None:
    """What the review dock records, written into a round's conflict layer."""
    ds = ogr.Open(str(path), 1)
    for column in ("review_status", "review_note", "reviewed_by", "reviewed_at"):
        ds.ExecuteSQL(f"ALTER TABLE border_conflict_lines ADD COLUMN {column} TEXT")
    ds.ExecuteSQL(f"UPDATE border_conflict_lines SET review_status = '{status}', review_note = '{note}', "
                  f"reviewed_by = '省厅张工' WHERE kind = '{kind}'")
    ds = None


def run_rounds(tmp: Path, n0: list, n1: list, *extra: str, name: str = "rounds.gpkg"):
    out = tmp / name
    args = ["framework", "rounds"]
    for p in n0:
        args += ["--previous", str(p)]
    for p in n1:
        args += ["--current", str(p)]
    return run_guotu(*args, *extra, "-o", str(out)), out


def test_rounds_fixed_persisting_new(tmp_path: Path) -> None:
    n0, i0, n1, i1 = make_rounds(tmp_path)
    r, out = run_rounds(tmp_path, [n0, i0], [n1, i1])
    assert r.returncode == 0, r.stderr
    items = [(x["status"], x["source"], x["kind"], x["key"]) for x in rows(out, "round_comparison")]
    assert items == [
        ("persisting", "conflict", "discontinuity", "A|B"), ("new", "conflict", "category_mismatch", "A|B"),
        ("persisting", "indicator", "outside_threshold", "M01|A||forest_share"),
        ("persisting", "indicator", "threshold_missing", "M01|B||elevation_mean"),
        ("persisting", "indicator", "outside_threshold", "M01|B||forest_share"),
        ("persisting", "indicator", "value_jump", "M01|A|B|elevation_mean"),
        ("resolved", "conflict", "overlap", "A|B"), ("resolved", "conflict", "overlap", "A|B"),
        ("resolved", "indicator", "outside_threshold", "M01|A||slope_mean"),
        ("resolved", "indicator", "threshold_differs", "M01|A|B|slope_mean")]
    assert "3 resolved" not in r.stdout and "4 resolved, 5 persisting, 1 new" in r.stdout
    returns = [(x["city_id"], x["kind"], x["status"]) for x in rows(out, "return_list")]
    # The discontinuity is B's (it has nothing facing A's element); the mismatch is both cities'.
    assert returns == [("B", "discontinuity", "persisting"), ("A", "category_mismatch", "new"),
                       ("B", "category_mismatch", "new"), ("A", "outside_threshold", "persisting"),
                       ("B", "threshold_missing", "persisting"), ("B", "outside_threshold", "persisting"),
                       ("A", "value_jump", "persisting"), ("B", "value_jump", "persisting")]
    summary = {x["city_id"]: (x["returned"], x["returned_new"], x["returned_persisting"])
               for x in rows(out, "return_summary")}
    assert summary == {"A": (3, 1, 2), "B": (5, 1, 4)}
    # Conflicts keep their border line: the discontinuity's 100 m.
    line = ogr.CreateGeometryFromWkt(rows(out, "round_comparison")[0]["_geom"])
    assert line.Length() == pytest.approx(100, abs=1e-6)
    # ...in the CRS of the rounds' conflict lines (EPSG:4527), not an undefined one.
    ds = ogr.Open(str(out))
    srs = ds.GetLayerByName("round_comparison").GetSpatialRef()
    assert srs is not None and srs.GetAuthorityCode(None) == "4527"
    ds = None


def test_rounds_carry_reviews_and_materiality(tmp_path: Path) -> None:
    n0, i0, n1, i1 = make_rounds(tmp_path)
    review(n0, "discontinuity", "exception", "河道自然断开")
    r, out = run_rounds(tmp_path, [n0], [n1])
    assert r.returncode == 0, r.stderr
    first = rows(out, "round_comparison")[0]
    assert (first["status"], first["review_status"], first["review_note"], first["reviewed_by"]) == \
        ("persisting", "exception", "河道自然断开", "省厅张工")
    assert first["returned"] == 0
    assert [(x["city_id"], x["kind"]) for x in rows(out, "return_list")] == [("A", "category_mismatch"),
                                                                              ("B", "category_mismatch")]
    # Materiality: 100 m conflicts are below a 150 m / 1 ha threshold (no area): nothing returned.
    r, out2 = run_rounds(tmp_path, [n0], [n1], "--min-length", "150", name="r2.gpkg")
    assert r.returncode == 0, r.stderr
    assert rows(out2, "return_list") == []
    # The resolved overlaps (100 m, 4,000 m²) are below both thresholds too; with 3,000 m² they are material.
    assert [x["material"] for x in rows(out2, "round_comparison")] == [0, 0, 0, 0]
    r, out3 = run_rounds(tmp_path, [n0], [n1], "--min-length", "150", "--min-area", "3000", name="r3.gpkg")
    assert r.returncode == 0, r.stderr
    assert [(x["status"], x["material"], x["returned"]) for x in rows(out3, "round_comparison")] == [
        ("persisting", 0, 0), ("new", 0, 0), ("resolved", 1, 0), ("resolved", 1, 0)]


def test_county_rollup(tmp_path: Path) -> None:
    """Counties 320101 and 320102 of city 3201 and 320301 of 3203 submit: 320101 M01 twice and
    X99, 320102 R01, 320301 C01. Rolled up: 3201 submitted M01 and R01 (R02 missing), 3203 C01
    (R01, R02 missing), 3202 nothing (M01, C01, R02 missing): 6 not submitted + X99."""
    cat = tmp_path / "catalogue.csv"
    cat.write_text(CATALOGUE, encoding="utf-8")
    (tmp_path / "counties.csv").write_text("county,city\n320101,3201\n320102,3201\n320301,3203\n", encoding="utf-8")
    subs = [("320101", "M01"), ("320101", "M01"), ("320101", "X99"), ("320102", "R01"), ("320301", "C01")]
    elements = write_layer(tmp_path / "county.gpkg", "county", 4527,
                           [("city", ogr.OFTString), ("ysbh", ogr.OFTString), ("ysmc", ogr.OFTString)],
                           [({"city": c, "ysbh": e}, local_box(100 * i, 0, 100 * i + 50, 50))
                            for i, (c, e) in enumerate(subs)])
    r, out = run(tmp_path, cat, elements, "--counties", str(tmp_path / "counties.csv"))
    assert r.returncode == 0, r.stderr
    kinds = [(f["kind"], f["city_id"], f["element_id"]) for f in rows(out, "catalogue_findings")]
    assert kinds == [("not_submitted", "3202", "M01"), ("not_submitted", "3203", "R01"),
                     ("not_submitted", "3202", "C01"), ("not_submitted", "3201", "R02"),
                     ("not_submitted", "3202", "R02"), ("not_submitted", "3203", "R02"),
                     ("not_in_catalogue", "3201", "X99")]
    rollup = [(c["county_id"], c["city_id"], c["features"], c["elements"], c["not_in_catalogue"])
              for c in rows(out, "county_rollup")]
    assert rollup == [("320101", "3201", 3, 1, 1), ("320102", "3201", 1, 1, 0), ("320301", "3203", 1, 1, 0)]


def test_indicators_threads_share_the_dem(tmp_path: Path) -> None:
    """The DEM's bands of rows shared between two threads (a 3000² DEM in six bands of 512
    rows, 60 elements of the benchmark generator): the same zones and findings as one thread,
    the sums equal to 1e-12 relative (added in another order)."""
    import subprocess
    import sys
    data = tmp_path / "data"
    subprocess.run([sys.executable, str(Path(__file__).resolve().parents[2] / "bench" / "make_frame_data.py"), "--out",
                    str(data), "--size", "3000", "--elements", "60"], check=True, timeout=300)
    outs = []
    for threads in ("1", "2"):
        out = tmp_path / f"t{threads}.gpkg"
        r = run_guotu("framework", "indicators", "--catalogue", str(data / "catalogue.csv"), "--thresholds",
                      str(data / "thresholds.csv"), "--elements", str(data / "elements.gpkg"), "--city-field", "XZQDM",
                      "--element-field", "YSBH", "--dem", str(data / "dem.tif"), "--slope-threshold", "10",
                      "--threads", threads, "-o", str(out))
        assert r.returncode == 0, r.stderr
        outs.append(out)
    one, two = rows(outs[0], "element_indicators"), rows(outs[1], "element_indicators")
    assert len(one) == len(two) > 100
    for a, b in zip(one, two):
        for key, value in a.items():
            if isinstance(value, float):
                assert b[key] == pytest.approx(value, rel=1e-12, abs=1e-9), key
            else:
                assert b[key] == value, key
    key = lambda f: (f["kind"], f["element_id"], f["city_id"], f["other_city_id"], f["indicator"])  # noqa: E731
    assert [key(f) for f in rows(outs[0], "indicator_findings")] == [key(f) for f in rows(outs[1], "indicator_findings")]
