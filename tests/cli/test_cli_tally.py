"""guotu tally, run as a user runs it: files in, table out, against independent values."""
from __future__ import annotations

import csv
from pathlib import Path

import pyproj
import pytest
from osgeo import gdal, ogr

from cli_support import LANDUSE_BOXES, X0, Y0, box, make_zones, rasterize, run_guotu, style_aliases, write_layer

TO_LONLAT = pyproj.Transformer.from_crs(4527, 4490, always_xy=True)
GEOD = pyproj.Geod(ellps="GRS80")  # CGCS2000's ellipsoid


def geodesic_ha(x0: float, y0: float, x1: float, y1: float) -> float:
    lon, lat = TO_LONLAT.transform([x0, x1, x1, x0], [y0, y0, y1, y1])
    return abs(GEOD.polygon_area_perimeter(lon, lat)[0]) / 1e4


def clip(a: tuple, b: tuple) -> tuple | None:
    x0, y0, x1, y1 = max(a[0], b[0]), max(a[1], b[1]), min(a[2], b[2]), min(a[3], b[3])
    return (x0, y0, x1, y1) if x0 < x1 and y0 < y1 else None


ZONE_BOXES = {"A": (0, 0, 1000, 1000), "B": (1000, 0, 2000, 1000)}


def expected_table(planar: bool = False) -> dict[tuple[str, str], float]:
    """Zone x land-use areas from box intersections, measured by pyproj (or planar)."""
    table: dict[tuple[str, str], float] = {}
    for zone, zbox in ZONE_BOXES.items():
        for code, lbox in LANDUSE_BOXES:
            part = clip(zbox, lbox)
            if not part:
                continue
            x0, y0, x1, y1 = part
            ha = (x1 - x0) * (y1 - y0) / 1e4 if planar else geodesic_ha(X0 + x0, Y0 + y0, X0 + x1, Y0 + y1)
            table[(zone, str(code))] = table.get((zone, str(code)), 0) + ha
    return table


def read_csv(path: Path) -> tuple[list[str], dict[tuple[str, str], float]]:
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    return rows[0], {(r[0], r[1]): float(r[2]) for r in rows[1:]}


def assert_tables_close(got: dict, want: dict, tolerance_ha: float = 1e-5) -> None:
    assert set(got) == set(want)
    for key, value in want.items():
        assert got[key] == pytest.approx(value, abs=tolerance_ha), key


def test_version_and_help() -> None:
    out = run_guotu("--version")
    assert out.returncode == 0
    assert out.stdout.startswith("guotu 0.1.0") and "GEOS" in out.stdout and "PROJ" in out.stdout
    helped = run_guotu("help", "tally")
    assert helped.returncode == 0 and "--zone-id" in helped.stdout
    assert run_guotu("frobnicate").returncode == 2


def test_vector_tally_matches_pyproj(tmp_path: Path, zones: Path, landuse: Path) -> None:
    out = tmp_path / "tally.csv"
    res = run_guotu("tally", "--zones", str(zones), "--zone-id", "code", "--landuse", str(landuse),
                    "--class-field", "lucc", "-o", str(out))
    assert res.returncode == 0, res.stderr
    header, table = read_csv(out)
    assert header == ["zone_id", "class_code", "area_ha"]
    assert_tables_close(table, expected_table())
    assert "written" in res.stdout


def test_planar_option(tmp_path: Path, zones: Path, landuse: Path) -> None:
    out = tmp_path / "tally.csv"
    res = run_guotu("tally", "--zones", str(zones), "--zone-id", "code", "--landuse", str(landuse),
                    "--class-field", "lucc", "--area", "planar", "-o", str(out))
    assert res.returncode == 0, res.stderr
    assert_tables_close(read_csv(out)[1], expected_table(planar=True), 1e-9)


def test_gpkg_output_has_table_and_metadata(tmp_path: Path, zones: Path, landuse: Path) -> None:
    out = tmp_path / "tally.gpkg"
    res = run_guotu("tally", "--zones", str(zones), "--zone-id", "code", "--landuse", str(landuse),
                    "--class-field", "lucc", "-o", str(out))
    assert res.returncode == 0, res.stderr
    ds = ogr.Open(str(out))
    layer = ds.GetLayerByName("tally")
    assert layer.GetGeomType() == ogr.wkbNone
    names = [layer.GetLayerDefn().GetFieldDefn(i).GetName() for i in range(layer.GetLayerDefn().GetFieldCount())]
    assert names == ["zone_id", "class_code", "area_ha"]
    table = {(f["zone_id"], f["class_code"]): f["area_ha"] for f in layer}
    assert_tables_close(table, expected_table())
    meta = layer.GetMetadata()
    # the table opens in QGIS with its Chinese column titles as aliases (its stored default style)
    styles = {f["f_table_name"]: (f["useAsDefault"], f["styleQML"]) for f in ds.GetLayerByName("layer_styles")}
    assert set(styles) == {"tally"} and styles["tally"][0] == 1
    for name, title in (("zone_id", "分区编号"), ("class_code", "地类编码"), ("area_ha", "面积（公顷）")):
        assert style_aliases(styles["tally"][1])[name] == title, name
    assert meta["area_method"] == "ellipsoidal" and meta["zone_id_field"] == "code"
    assert meta["landuse"] == str(landuse)
    assert not list(tmp_path.glob("*.tmp-*")), "temporary files left behind"


def test_raster_aligned_equals_vector(tmp_path: Path, zones: Path, landuse: Path) -> None:
    tif = rasterize(landuse, tmp_path / "lu.tif", 10, (X0 - 100, Y0 - 100, X0 + 2600, Y0 + 1600))
    out = tmp_path / "r.csv"
    res = run_guotu("tally", "--zones", str(zones), "--zone-id", "code", "--landuse", str(tif), "-o", str(out))
    assert res.returncode == 0, res.stderr
    assert_tables_close(read_csv(out)[1], expected_table(), 1e-6)
    # Centre mode agrees too on an aligned grid (no cell is cut).
    res = run_guotu("tally", "--zones", str(zones), "--zone-id", "code", "--landuse", str(tif),
                    "--raster-mode", "centre", "-o", str(out))
    assert res.returncode == 0, res.stderr
    assert_tables_close(read_csv(out)[1], expected_table(), 1e-6)


def cell_expectations(tif: Path) -> tuple[dict, dict]:
    """Per-cell planar expectations straight from the raster: exact = cell ∩ zone box area,
    centre = whole cell when its centre is inside the zone box."""
    import numpy as np
    ds = gdal.Open(str(tif))
    values = ds.GetRasterBand(1).ReadAsArray()
    x0, dx, _, y0, _, dy = ds.GetGeoTransform()
    exact: dict = {}
    centre: dict = {}
    for (r, c), v in np.ndenumerate(values):
        if v == 255:
            continue
        cx0, cx1 = x0 + c * dx, x0 + (c + 1) * dx
        cy1, cy0 = y0 + r * dy, y0 + (r + 1) * dy
        for zone, (a, b, e, f) in ZONE_BOXES.items():
            zx0, zy0, zx1, zy1 = X0 + a, Y0 + b, X0 + e, Y0 + f
            w = min(cx1, zx1) - max(cx0, zx0)
            h = min(cy1, zy1) - max(cy0, zy0)
            key = (zone, str(int(v)))
            if w > 0 and h > 0:
                exact[key] = exact.get(key, 0) + w * h / 1e4
            mx, my = (cx0 + cx1) / 2, (cy0 + cy1) / 2
            if zx0 <= mx < zx1 and zy0 <= my < zy1:
                centre[key] = centre.get(key, 0) + abs(dx * dy) / 1e4
    return exact, centre


def test_raster_exact_and_centre_on_cut_cells(tmp_path: Path, zones: Path, landuse: Path) -> None:
    # 30 m cells whose edges fall 13 m (mod 30) from the origin: every zone edge (at 0, 1000
    # and 2000 m) cuts a row or column of cells, so exact and centre modes really differ.
    tif = rasterize(landuse, tmp_path / "lu30.tif", 30, (X0 - 107, Y0 - 107, X0 + 2593, Y0 + 1603))
    want_exact, want_centre = cell_expectations(tif)
    for mode, want in (("exact", want_exact), ("centre", want_centre)):
        out = tmp_path / f"{mode}.csv"
        res = run_guotu("tally", "--zones", str(zones), "--zone-id", "code", "--landuse", str(tif),
                        "--raster-mode", mode, "--area", "planar", "-o", str(out))
        assert res.returncode == 0, res.stderr
        assert_tables_close(read_csv(out)[1], want, 1e-6)
    assert want_exact[("A", "12")] != pytest.approx(want_centre[("A", "12")], abs=1e-3)


def test_mask_excludes_urban_space(tmp_path: Path, zones: Path, landuse: Path) -> None:
    mask = write_layer(tmp_path / "urban.gpkg", "urban", 4527, [], [({}, box(X0, Y0, X0 + 500, Y0 + 1000))])
    out = tmp_path / "m.csv"
    res = run_guotu("tally", "--zones", str(zones), "--zone-id", "code", "--landuse", str(landuse),
                    "--class-field", "lucc", "--mask", str(mask), "--area", "planar", "-o", str(out))
    assert res.returncode == 0, res.stderr
    table = read_csv(out)[1]
    assert ("A", "21") not in table and ("A", "41") not in table
    assert table[("A", "12")] == pytest.approx(20.0)
    assert table[("B", "21")] == pytest.approx(25.0)


def test_mixed_crs_reprojects_or_fails(tmp_path: Path, zones: Path, landuse: Path) -> None:
    lonlat = tmp_path / "lu4490.gpkg"
    gdal.VectorTranslate(str(lonlat), str(landuse), dstSRS="EPSG:4490", layerName="landuse")
    out = tmp_path / "x.csv"
    res = run_guotu("tally", "--zones", str(zones), "--zone-id", "code", "--landuse", str(lonlat),
                    "--class-field", "lucc", "-o", str(out))
    assert res.returncode == 0, res.stderr
    assert "reprojecting" in res.stderr and "4490" in res.stderr
    assert_tables_close(read_csv(out)[1], expected_table(), 1e-4)
    res = run_guotu("tally", "--zones", str(zones), "--zone-id", "code", "--landuse", str(lonlat),
                    "--class-field", "lucc", "--crs-mismatch", "fail", "-o", str(tmp_path / "y.csv"))
    assert res.returncode == 1
    assert "4490" in res.stderr and "4527" in res.stderr
    assert not (tmp_path / "y.csv").exists()


def test_missing_crs_is_refused(tmp_path: Path, zones: Path) -> None:
    nocrs = write_layer(tmp_path / "nocrs.gpkg", "landuse", None, [("lucc", ogr.OFTInteger)],
                        [({"lucc": 1}, box(X0, Y0, X0 + 10, Y0 + 10))])
    res = run_guotu("tally", "--zones", str(zones), "--zone-id", "code", "--landuse", str(nocrs),
                    "--class-field", "lucc", "-o", str(tmp_path / "o.csv"))
    assert res.returncode == 1 and "no CRS" in res.stderr and "'landuse'" in res.stderr


def test_missing_field_names_layer_and_fields(tmp_path: Path, zones: Path, landuse: Path) -> None:
    res = run_guotu("tally", "--zones", str(zones), "--zone-id", "county", "--landuse", str(landuse),
                    "--class-field", "lucc", "-o", str(tmp_path / "o.csv"))
    assert res.returncode == 1
    assert "no field 'county'" in res.stderr and "'zones'" in res.stderr and "code" in res.stderr
    res = run_guotu("tally", "--zones", str(zones), "--zone-id", "code", "--landuse", str(landuse),
                    "-o", str(tmp_path / "o.csv"))
    assert res.returncode == 1 and "--class-field" in res.stderr
    res = run_guotu("tally", "--zones", str(zones), "--landuse", str(landuse), "-o", str(tmp_path / "o.csv"))
    assert res.returncode == 2 and "required" in res.stderr


def test_invalid_geometry_repair_or_fail(tmp_path: Path, zones: Path) -> None:
    bowtie = f"POLYGON(({X0+200} {Y0},{X0+400} {Y0+200},{X0+400} {Y0},{X0+200} {Y0+200},{X0+200} {Y0}))"
    lu = write_layer(tmp_path / "bad.gpkg", "parcels", 4527, [("lucc", ogr.OFTInteger)],
                     [({"lucc": 21}, box(X0, Y0, X0 + 100, Y0 + 100)), ({"lucc": 31}, bowtie)])
    out = tmp_path / "o.csv"
    res = run_guotu("tally", "--zones", str(zones), "--zone-id", "code", "--landuse", str(lu),
                    "--class-field", "lucc", "--area", "planar", "-o", str(out))
    assert res.returncode == 0, res.stderr
    assert "repaired invalid geometries: zones 0, land use 1" in res.stdout
    assert read_csv(out)[1][("A", "31")] == pytest.approx(2.0)
    res = run_guotu("tally", "--zones", str(zones), "--zone-id", "code", "--landuse", str(lu),
                    "--class-field", "lucc", "--invalid", "fail", "-o", str(tmp_path / "f.csv"))
    assert res.returncode == 1
    assert "'parcels'" in res.stderr and "feature 2" in res.stderr and "Self-intersection" in res.stderr
    assert not (tmp_path / "f.csv").exists()


def test_empty_zones_and_duplicate_ids(tmp_path: Path, landuse: Path) -> None:
    empty = write_layer(tmp_path / "empty.gpkg", "zones", 4527, [("code", ogr.OFTString)], [])
    res = run_guotu("tally", "--zones", str(empty), "--zone-id", "code", "--landuse", str(landuse),
                    "--class-field", "lucc", "-o", str(tmp_path / "o.csv"))
    assert res.returncode == 1 and "no features" in res.stderr
    dup = write_layer(tmp_path / "dup.gpkg", "zones", 4527, [("code", ogr.OFTString)],
                      [({"code": "A"}, box(X0, Y0, X0 + 10, Y0 + 10)), ({"code": "A"}, box(X0 + 10, Y0, X0 + 20, Y0 + 10))])
    res = run_guotu("tally", "--zones", str(dup), "--zone-id", "code", "--landuse", str(landuse),
                    "--class-field", "lucc", "-o", str(tmp_path / "o.csv"))
    assert res.returncode == 1 and "'A' appears twice" in res.stderr


def test_empty_class_values_are_reported(tmp_path: Path, zones: Path) -> None:
    lu = write_layer(tmp_path / "nulls.gpkg", "landuse", 4527, [("lucc", ogr.OFTInteger)],
                     [({"lucc": 21}, box(X0, Y0, X0 + 100, Y0 + 100)), ({}, box(X0 + 100, Y0, X0 + 200, Y0 + 100))])
    out = tmp_path / "o.csv"
    res = run_guotu("tally", "--zones", str(zones), "--zone-id", "code", "--landuse", str(lu),
                    "--class-field", "lucc", "--area", "planar", "-o", str(out))
    assert res.returncode == 0, res.stderr
    assert read_csv(out)[1][("A", "")] == pytest.approx(1.0)
    assert "empty class: 1 polygons, 1.00 ha" in res.stdout


def test_gbk_shapefile_needs_its_encoding(tmp_path: Path, landuse: Path) -> None:
    shp = tmp_path / "counties.shp"
    write_layer(shp, "counties", 4527, [("name", ogr.OFTString)],
                [({"name": "海淀区"}, box(X0, Y0, X0 + 1000, Y0 + 1000))], driver="ESRI Shapefile",
                options=["ENCODING=CP936"])
    (tmp_path / "counties.cpg").unlink()  # as in many real deliveries: GBK bytes, no .cpg
    out = tmp_path / "o.csv"
    res = run_guotu("tally", "--zones", str(shp), "--zone-id", "name", "--landuse", str(landuse),
                    "--class-field", "lucc", "-o", str(out))
    assert res.returncode == 1 and "UTF-8" in res.stderr and "GBK" in res.stderr
    res = run_guotu("tally", "--zones", str(shp), "--zone-id", "name", "--landuse", str(landuse),
                    "--class-field", "lucc", "--encoding", "CP936", "-o", str(out))
    assert res.returncode == 0, res.stderr
    assert ("海淀区", "21") in read_csv(out)[1]


def test_never_overwrites_input_and_keeps_old_output_on_failure(tmp_path: Path, zones: Path, landuse: Path) -> None:
    before = landuse.read_bytes()
    res = run_guotu("tally", "--zones", str(zones), "--zone-id", "code", "--landuse", str(landuse),
                    "--class-field", "lucc", "-o", str(landuse))
    assert res.returncode == 1 and "refusing" in res.stderr
    assert landuse.read_bytes() == before
    out = tmp_path / "keep.csv"
    out.write_text("previous result\n")
    res = run_guotu("tally", "--zones", str(zones), "--zone-id", "nope", "--landuse", str(landuse),
                    "--class-field", "lucc", "-o", str(out))
    assert res.returncode == 1
    assert out.read_text() == "previous result\n"


def test_raster_threads_give_the_same_table(tmp_path: Path, zones: Path, landuse: Path) -> None:
    """Row bands split over worker threads (each its own context) merge to the same table."""
    tif = rasterize(landuse, tmp_path / "lu.tif", 3, (X0 - 107, Y0 - 107, X0 + 2593, Y0 + 1603))  # 900 x 570 cells
    tables = []
    for threads in ("1", "3"):
        out = tmp_path / f"t{threads}.csv"
        res = run_guotu("tally", "--zones", str(zones), "--zone-id", "code", "--landuse", str(tif),
                        "--threads", threads, "-o", str(out))
        assert res.returncode == 0, res.stderr
        tables.append(read_csv(out)[1])
    assert set(tables[0]) == set(tables[1])
    for key, value in tables[0].items():
        assert tables[1][key] == pytest.approx(value, abs=2e-6), key


def test_tiankan_deduction_by_kcxs(tmp_path: Path) -> None:
    """三调 records 田坎 as a share of a cultivated parcel (KCXS): by default the parcel's class
    counts A·(1 − KCXS) and 1203 田坎 counts A·KCXS, in every zone it crosses (planar, hand
    values); --deduction none switches it off; a coefficient that is no number is an error."""
    from osgeo import ogr

    zones = make_zones(tmp_path)  # A = [0,1000]², B = [1000,2000]x[0,1000] from X0, Y0
    dltb = write_layer(tmp_path / "dltb.gpkg", "DLTB", 4527, [("DLBM", ogr.OFTString), ("KCXS", ogr.OFTReal)], [
        ({"DLBM": "0103", "KCXS": 0.1}, box(X0 + 800, Y0, X0 + 1200, Y0 + 1000)),   # 20 ha in A, 20 ha in B
        ({"DLBM": "0301", "KCXS": 0.0}, box(X0 + 100, Y0 + 100, X0 + 500, Y0 + 500)),  # 16 ha in A
        ({"DLBM": "0101"}, box(X0 + 1500, Y0, X0 + 1600, Y0 + 1000)),                   # KCXS NULL: 10 ha in B
    ])
    out = tmp_path / "t.csv"
    args = ["tally", "--zones", str(zones), "--zone-id", "code", "--landuse", str(dltb), "--class-field", "dlbm",
            "--area", "planar", "-o", str(out)]

    def table() -> dict:
        rows = out.read_text(encoding="utf-8").splitlines()[1:]
        return {(r.split(",")[0], r.split(",")[1]): float(r.split(",")[2]) for r in rows}

    res = run_guotu(*args)
    assert res.returncode == 0, res.stderr
    assert "田坎 deducted by field KCXS" in res.stdout
    assert table() == pytest.approx({("A", "0103"): 18.0, ("A", "1203"): 2.0, ("A", "0301"): 16.0,
                                     ("B", "0103"): 18.0, ("B", "1203"): 2.0, ("B", "0101"): 10.0})
    assert run_guotu(*args, "--deduction", "none").returncode == 0
    assert table() == pytest.approx({("A", "0103"): 20.0, ("A", "0301"): 16.0, ("B", "0103"): 20.0,
                                     ("B", "0101"): 10.0})
    res = run_guotu(*args, "--deduction", "NOPE")
    assert res.returncode == 1 and "has no field 'NOPE'" in res.stderr
    ds = ogr.Open(str(dltb), 1)
    layer = ds.GetLayer(0)
    layer.CreateField(ogr.FieldDefn("KC_TEXT", ogr.OFTString))
    for f in layer:
        f["KC_TEXT"] = "0.1" if f["DLBM"] == "0103" else "x"
        layer.SetFeature(f)
    ds = None
    res = run_guotu(*args, "--deduction", "KC_TEXT")
    assert res.returncode == 1 and "the deduction coefficient field 'KC_TEXT' is 'x'; a number is needed" in res.stderr


def test_zones_from_the_parcels_own_codes(tmp_path: Path) -> None:
    """三调 parcels carry their unit in ZLDWDM (6 digits county, 9 town, 12 village): tallied by
    that prefix, without a zones layer, the table equals a tally against the same units drawn
    as polygons (the parcels dissolved by village code with GDAL's SQLite dialect)."""
    import subprocess
    import sys

    from cli_support import REPO

    data = tmp_path / "data"
    subprocess.run([sys.executable, str(REPO / "bench" / "make_sandiao_data.py"), str(data), "--cells", "30"],
                   check=True, capture_output=True, timeout=120)
    landuse = data / "landuse_2020.gpkg"
    villages = tmp_path / "villages.gpkg"
    gdal.VectorTranslate(str(villages), str(landuse), format="GPKG", layerName="villages", SQLDialect="SQLite",
                         SQLStatement="SELECT ZLDWDM AS code, ST_Union(geom) AS geom FROM landuse GROUP BY ZLDWDM")
    by_code, by_zones = tmp_path / "by_code.csv", tmp_path / "by_zones.csv"
    res = run_guotu("tally", "--zone-code-field", "zldwdm", "--zone-code-length", "12", "--landuse", str(landuse),
                    "--class-field", "DLBM", "--area", "planar", "-o", str(by_code))
    assert res.returncode == 0, res.stderr
    assert "codes from field zldwdm (first 12 characters)" in res.stdout
    res = run_guotu("tally", "--zones", str(villages), "--zone-id", "code", "--landuse", str(landuse),
                    "--class-field", "DLBM", "--area", "planar", "-o", str(by_zones))
    assert res.returncode == 0, res.stderr

    def table(path: Path, cut: int) -> dict:
        rows = [r.split(",") for r in path.read_text(encoding="utf-8").splitlines()[1:]]
        return {(z[:cut], c): float(a) for z, c, a in rows}

    got, want = table(by_code, 12), table(by_zones, 12)
    assert len({z for z, _c in got}) == 4 and got.keys() == want.keys()
    for key, value in want.items():
        assert got[key] == pytest.approx(value, rel=1e-9, abs=1e-6), key
    assert any(c == "1203" for _z, c in got)  # 田坎 deducted by KCXS here too
    # a code shorter than asked for is an error naming the feature
    res = run_guotu("tally", "--zone-code-field", "DLBM", "--zone-code-length", "9", "--landuse", str(landuse),
                    "--class-field", "DLBM", "-o", str(tmp_path / "x.csv"))
    assert res.returncode == 1 and "has 4 characters; 9 are needed" in res.stderr, res.stderr
    res = run_guotu("tally", "--zone-code-field", "zldwdm", "--zones", str(villages), "--landuse", str(landuse),
                    "--class-field", "DLBM", "-o", str(tmp_path / "x.csv"))
    assert res.returncode == 2 and "either --zones with --zone-id, or --zone-code-field" in res.stderr


def test_raster_threads_give_the_same_bits(tmp_path: Path, zones: Path, landuse: Path) -> None:
    """Sums are kept in fixed point, so row bands merged from any number of threads give the
    same areas to the last bit (a GeoPackage keeps every bit of a double)."""
    from osgeo import ogr

    tif = rasterize(landuse, tmp_path / "lu.tif", 3, (X0 - 107, Y0 - 107, X0 + 2593, Y0 + 1603))  # 900 x 570 cells
    tables = []
    for threads in ("1", "2", "3"):
        out = tmp_path / f"t{threads}.gpkg"
        res = run_guotu("tally", "--zones", str(zones), "--zone-id", "code", "--landuse", str(tif),
                        "--threads", threads, "-o", str(out))
        assert res.returncode == 0, res.stderr
        ds = ogr.Open(str(out))
        layer = ds.GetLayer(0)
        tables.append({(f["zone_id"], f["class_code"]): f["area_ha"] for f in layer})
        ds = None
    assert tables[0] and tables[0] == tables[1] == tables[2]


def test_overlapping_zones_are_reported(tmp_path: Path) -> None:
    """Zones A = [0,1000]² and B = [500,1500]x[0,1000] overlap by 50 ha (planar): each zone's rows
    are right, but a total over zones counts the overlap twice — the tool says so (warning and
    metadata), while zones that only share a border (C next to B) are no overlap."""
    from osgeo import ogr

    zones = write_layer(tmp_path / "zones.gpkg", "zones", 4527, [("code", ogr.OFTString)], [
        ({"code": "A"}, box(X0, Y0, X0 + 1000, Y0 + 1000)),
        ({"code": "B"}, box(X0 + 500, Y0, X0 + 1500, Y0 + 1000)),
        ({"code": "C"}, box(X0 + 1500, Y0, X0 + 2500, Y0 + 1000))])
    landuse = write_layer(tmp_path / "lu.gpkg", "lu", 4527, [("lucc", ogr.OFTString)], [
        ({"lucc": "21"}, box(X0, Y0, X0 + 2500, Y0 + 1000))])
    out = tmp_path / "t.gpkg"
    res = run_guotu("tally", "--zones", str(zones), "--zone-id", "code", "--landuse", str(landuse),
                    "--class-field", "lucc", "--area", "planar", "-o", str(out))
    assert res.returncode == 0, res.stderr
    assert "1 pairs of zones overlap (50.0000 ha in all; the largest: 'A' and 'B', 50.0000 ha)" in res.stderr
    ds = ogr.Open(str(out))
    layer = ds.GetLayer(0)
    assert layer.GetMetadataItem("overlapping_zones") == "1 pairs, 50.000000 ha"
    rows = {f["zone_id"]: f["area_ha"] for f in layer}
    assert rows == pytest.approx({"A": 100.0, "B": 100.0, "C": 100.0})
    ds = None
    # A partition (the sample's zones share borders only) gives no warning.
    (tmp_path / "p").mkdir()
    res = run_guotu("tally", "--zones", str(make_zones(tmp_path / "p")), "--zone-id", "code", "--landuse",
                    str(landuse), "--class-field", "lucc", "--area", "planar", "-o", str(tmp_path / "p.gpkg"))
    assert res.returncode == 0 and "overlap" not in res.stderr, res.stderr


# The area check (SPEC §8): 三调's TBMJ is each parcel's official ellipsoidal area. The parcels
# below lie within 1.3 km of zone 39's central meridian (X0), where the Gauss-Krüger projection
# keeps area to (x/R)² < 5e-8: a W x H metre box has the ellipsoidal area W·H m² to 0.005 m²
# (pyproj's geodesic area says the same, checked below).
AREA_CHECK_PARCELS = [  # (BSM, DLBM, TBMJ, box offsets): fid 1..4 in this order
    ("1", "0101", 40000.0, (100, 100, 300, 300)),      # 200 x 200 = 40000 m²: passes
    ("2", "0103", 10000.5, (400, 100, 500, 200)),      # 100 x 100 = 10000 m², TBMJ 0.5 m² off: a finding
    ("3", "0201", None, (600, 100, 900, 200)),         # TBMJ NULL: no official area
    ("4", "0301", 100000.15, (900, 500, 1300, 750)),   # 400 x 250, 0.15 m² off: within 0.1 + 1e-6 x 1e5 = 0.2
]


def write_area_check_dltb(folder: Path, epsg: int = 4527) -> Path:
    """The parcels above as a 三调 DLTB layer (BSM, TBBH, DLBM, TBMJ) in EPSG:4527, or
    reprojected by GDAL into `epsg` (e.g. 4490, geographic)."""
    path = write_layer(folder / "dltb.gpkg", "DLTB", 4527, [("BSM", ogr.OFTString), ("TBBH", ogr.OFTString),
                                                            ("DLBM", ogr.OFTString), ("TBMJ", ogr.OFTReal)], [
        ({"BSM": bsm, "TBBH": f"1{bsm}", "DLBM": code, "TBMJ": tbmj}, box(X0 + a, Y0 + b, X0 + c, Y0 + d))
        for bsm, code, tbmj, (a, b, c, d) in AREA_CHECK_PARCELS])
    if epsg == 4527:
        return path
    out = folder / f"dltb_{epsg}.gpkg"
    gdal.VectorTranslate(str(out), str(path), format="GPKG", dstSRS=f"EPSG:{epsg}", layerName="DLTB")
    return out


def read_findings(path: Path) -> list[dict]:
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


@pytest.mark.parametrize("epsg", [4527, 4490])
def test_area_check_against_tbmj(tmp_path: Path, zones: Path, epsg: int) -> None:
    """Parcel 2 is 0.5 m² off its TBMJ: the one finding (beside the CSV output); parcel 1 passes;
    parcel 3 without TBMJ is counted apart; parcel 4 is within the default 0.1 m² + 1e-6 × TBMJ.
    The same in projected (EPSG:4527) and geographic (EPSG:4490, reprojected to the zones for the
    tally) land use, and the tally itself is unchanged by the check."""
    x0, y0, x1, y1 = AREA_CHECK_PARCELS[1][3]
    assert geodesic_ha(X0 + x0, Y0 + y0, X0 + x1, Y0 + y1) * 1e4 == pytest.approx(10000.0, abs=0.005)
    dltb = write_area_check_dltb(tmp_path, epsg)
    out = tmp_path / "tally.csv"
    args = ["tally", "--zones", str(zones), "--zone-id", "code", "--landuse", str(dltb), "--class-field", "DLBM",
            "-o", str(out)]
    res = run_guotu(*args, "--area-check", "tbmj")  # field names in any case, as OGR matches them
    assert res.returncode == 0, res.stderr
    assert ("tolerance 0.1 m² + 1e-06 × |TBMJ|): parcels checked: 3, findings: 1, largest difference: 0.500 m² "
            "(fid 2)") in res.stdout, res.stdout
    assert "parcels without an official area (TBMJ NULL or not a number): 1 (fid 3)" in res.stdout
    check = tmp_path / "tally_area_check.csv"
    assert f"written: {check}" in res.stdout
    assert check.read_text(encoding="utf-8").splitlines()[0] == \
        "fid,bsm,tbbh,class_code,official_m2,computed_m2,difference_m2,difference_ppm"
    (row,) = read_findings(check)
    assert (row["fid"], row["bsm"], row["tbbh"], row["class_code"]) == ("2", "2", "12", "0103")
    assert float(row["official_m2"]) == 10000.5
    assert float(row["computed_m2"]) == pytest.approx(10000.0, abs=0.005)
    assert float(row["difference_m2"]) == pytest.approx(-0.5, abs=0.005)
    assert float(row["difference_ppm"]) == pytest.approx(-50.0, abs=0.5)
    with_check = out.read_text(encoding="utf-8")
    assert run_guotu(*args).returncode == 0
    assert out.read_text(encoding="utf-8") == with_check
    assert not list(tmp_path.glob("*.tmp-*")), "temporary files left behind"


def test_area_check_tolerances_and_geopackage(tmp_path: Path, zones: Path) -> None:
    """The tolerances are parameters: 1 m² absolute lets parcel 2 pass; no relative part makes
    parcel 4 (0.15 m² off, 0.1 m² allowed) a finding too. A GeoPackage output holds the findings as
    the table 'area_check' and records field, tolerance and counts in the metadata."""
    dltb = write_area_check_dltb(tmp_path)
    out = tmp_path / "tally.gpkg"
    args = ["tally", "--zones", str(zones), "--zone-id", "code", "--landuse", str(dltb), "--class-field", "DLBM",
            "--area-check", "TBMJ", "-o", str(out)]

    def findings() -> dict:
        ds = ogr.Open(str(out))
        names = [ds.GetLayer(i).GetName() for i in range(ds.GetLayerCount())]
        assert [n for n in names if n != "layer_styles"] == ["tally", "area_check"]
        styles = {f["f_table_name"]: f["styleQML"] for f in ds.GetLayerByName("layer_styles")}
        assert set(styles) == {"tally", "area_check"}  # the Chinese column titles as aliases
        assert style_aliases(styles["area_check"])["difference_m2"] == "面积差"
        rows = {f.GetFID(): (f["bsm"], f["difference_m2"]) for f in ds.GetLayerByName("area_check")}
        meta = ds.GetLayerByName("tally").GetMetadata()
        ds = None
        return rows, meta

    res = run_guotu(*args, "--area-check-abs", "1")
    assert res.returncode == 0, res.stderr
    assert "parcels checked: 3, findings: 0" in res.stdout
    rows, meta = findings()
    assert rows == {}
    assert meta["area_check_field"] == "TBMJ" and meta["area_check_tolerance"] == "1 m² + 1e-06 × |TBMJ|"
    assert meta["area_check"].startswith("3 parcels checked, 0 findings, 1 without an official area")
    res = run_guotu(*args, "--area-check-rel", "0")
    assert res.returncode == 0, res.stderr
    assert "parcels checked: 3, findings: 2" in res.stdout and "findings: table 'area_check' of" in res.stdout
    rows, meta = findings()
    assert rows.keys() == {2, 4}
    assert rows[2][0] == "2" and rows[2][1] == pytest.approx(-0.5, abs=0.005)
    assert rows[4][0] == "4" and rows[4][1] == pytest.approx(-0.15, abs=0.005)
    assert meta["area_check_tolerance"] == "0.1 m² + 0 × |TBMJ|"
    # Without --area-check: no table, "(none)" recorded.
    assert run_guotu(*args[:-4], "-o", str(out)).returncode == 0
    ds = ogr.Open(str(out))
    assert [ds.GetLayer(i).GetName() for i in range(ds.GetLayerCount())] == ["tally", "layer_styles"]
    assert ds.GetLayer(0).GetMetadataItem("area_check_field") == "(none)"


def test_area_check_refusals_and_text_areas(tmp_path: Path, zones: Path, landuse: Path) -> None:
    """A missing field names the layer's fields; a raster has no parcels; tolerances need
    --area-check and numbers >= 0; an official area kept as text is read as a number, and text
    that is none counts as "no official area" (never skipped silently)."""
    dltb = write_area_check_dltb(tmp_path)
    base = ["tally", "--zones", str(zones), "--zone-id", "code", "--class-field", "DLBM", "-o",
            str(tmp_path / "x.csv")]
    res = run_guotu(*base, "--landuse", str(dltb), "--area-check", "MJ")
    assert res.returncode == 1 and "has no field 'MJ' (fields: BSM, TBBH, DLBM, TBMJ)" in res.stderr, res.stderr
    assert not (tmp_path / "x.csv").exists() and not (tmp_path / "x_area_check.csv").exists()
    res = run_guotu(*base, "--landuse", str(dltb), "--area-check-abs", "1")
    assert res.returncode == 2 and "--area-check-abs needs --area-check FIELD" in res.stderr
    res = run_guotu(*base, "--landuse", str(dltb), "--area-check", "TBMJ", "--area-check-rel", "-1")
    assert res.returncode == 2 and "--area-check-rel needs a number >= 0, not '-1'" in res.stderr
    tif = rasterize(landuse, tmp_path / "lu.tif", 10, (X0 - 100, Y0 - 100, X0 + 2600, Y0 + 1600))
    res = run_guotu("tally", "--zones", str(zones), "--zone-id", "code", "--landuse", str(tif), "--area-check",
                    "TBMJ", "-o", str(tmp_path / "r.csv"))
    assert res.returncode == 1 and "is a raster: give a polygon layer, or drop --area-check" in res.stderr
    texts = write_layer(tmp_path / "text.gpkg", "DLTB", 4527, [("DLBM", ogr.OFTString), ("TBMJ", ogr.OFTString)], [
        ({"DLBM": "0101", "TBMJ": "40000.00"}, box(X0 + 100, Y0 + 100, X0 + 300, Y0 + 300)),
        ({"DLBM": "0103", "TBMJ": "10000.5"}, box(X0 + 400, Y0 + 100, X0 + 500, Y0 + 200)),
        ({"DLBM": "0201", "TBMJ": "unknown"}, box(X0 + 600, Y0 + 100, X0 + 900, Y0 + 200)),
        ({"DLBM": "0301", "TBMJ": ""}, box(X0 + 900, Y0 + 500, X0 + 1300, Y0 + 750))])
    res = run_guotu(*base, "--landuse", str(texts), "--area-check", "TBMJ")
    assert res.returncode == 0, res.stderr
    assert "parcels checked: 2, findings: 1" in res.stdout
    assert "parcels without an official area (TBMJ NULL or not a number): 2 (fid 3, 4)" in res.stdout
    (row,) = read_findings(tmp_path / "x_area_check.csv")
    assert row["fid"] == "2" and row["bsm"] == "" and row["tbbh"] == ""


def test_area_check_on_the_sandiao_package(tmp_path: Path) -> None:
    """The 三调-shaped package's DLTB (File Geodatabase, as delivered) is drawn to its TBMJ: every
    parcel passes. Declared in the neighbouring Gauss-Krüger zone (a wrong CRS: the parcels then
    lie 1000 km off that zone's central meridian, where the projection enlarges area by about
    (1000/6371)² = 2.5 %, so that the map's area measured there is 2.4 % too small), every parcel is a
    finding."""
    import sys

    from cli_support import REPO

    sys.path.insert(0, str(REPO / "tests"))
    from sandiao_package import make_package

    gdb = make_package(tmp_path)
    out = tmp_path / "t.gpkg"
    args = ["tally", "--zones", str(gdb), "--zones-layer", "XZQ", "--zone-id", "XZQDM", "--landuse-layer", "DLTB",
            "--class-field", "DLBM", "--area-check", "TBMJ", "-o", str(out)]
    res = run_guotu(*args, "--landuse", str(gdb))
    assert res.returncode == 0, res.stderr
    ds = ogr.Open(str(gdb))
    parcels = ds.GetLayerByName("DLTB").GetFeatureCount()
    ds = None
    assert parcels > 100 and f"parcels checked: {parcels}, findings: 0" in res.stdout, res.stdout
    wrong = tmp_path / "wrong_crs.gpkg"
    gdal.VectorTranslate(str(wrong), str(gdb), format="GPKG", layers=["DLTB"], layerName="DLTB",
                         srcSRS="EPSG:4526", dstSRS="EPSG:4526")
    res = run_guotu(*args, "--landuse", str(wrong))
    assert res.returncode == 0, res.stderr
    assert f"parcels checked: {parcels}, findings: {parcels}" in res.stdout, res.stdout
    ds = ogr.Open(str(out))
    ppm = [f["difference_ppm"] for f in ds.GetLayerByName("area_check")]
    assert len(ppm) == parcels and all(-2.5e4 < p < -2.3e4 for p in ppm), (min(ppm), max(ppm))


def test_zone_names_from_the_package_layers(tmp_path: Path) -> None:
    """Zones known by their codes get names from a layer as delivered: towns (9 digits of ZLDWDM)
    from XZQ's XZQDM/XZQMC; villages (12 digits) from ZLDWDM/ZLDWMC, whose 19-digit codes are the
    village's followed by zeros. The areas are those of the unnamed run; a code named twice
    differently is refused, naming both names; a zone without a name is a warning."""
    import sys

    from cli_support import REPO

    sys.path.insert(0, str(REPO / "tests"))
    from sandiao_package import make_package

    gdb = make_package(tmp_path)
    base = ["tally", "--zone-code-field", "ZLDWDM", "--landuse", str(gdb), "--landuse-layer", "DLTB",
            "--class-field", "DLBM", "--area", "planar"]

    def rows(path: Path) -> list[dict]:
        with path.open(encoding="utf-8") as f:
            return list(csv.DictReader(f))

    plain, named = tmp_path / "plain.csv", tmp_path / "named.csv"
    assert run_guotu(*base, "--zone-code-length", "9", "-o", str(plain)).returncode == 0
    res = run_guotu(*base, "--zone-code-length", "9", "--zone-names", str(gdb), "--zone-names-layer", "XZQ",
                    "-o", str(named))
    assert res.returncode == 0, res.stderr
    assert "zone names: XZQMC of layer XZQ" in res.stdout
    got = rows(named)
    assert list(got[0]) == ["zone_id", "zone_name", "class_code", "area_ha"]
    assert [(r["zone_id"], r["class_code"], r["area_ha"]) for r in got] == \
        [(r["zone_id"], r["class_code"], r["area_ha"]) for r in rows(plain)]
    towns = {r["zone_id"]: r["zone_name"] for r in got}
    assert towns == {"130101100": "西乡"}, towns  # the generated parcels all lie in town 100
    assert "warning" not in res.stderr

    # Villages named by the parcels' own ZLDWDM/ZLDWMC (codes padded to 19 digits).
    villages = tmp_path / "villages.gpkg"
    res = run_guotu(*base, "--zone-code-length", "12", "--zone-names", str(gdb), "--zone-names-layer", "DLTB",
                    "--zone-names-id", "ZLDWDM", "--zone-names-name", "ZLDWMC", "-o", str(villages))
    assert res.returncode == 0, res.stderr
    ds = ogr.Open(str(villages))
    pairs = {(f["zone_id"], f["zone_name"]) for f in ds.GetLayerByName("tally")}
    meta = ds.GetLayerByName("tally").GetMetadataItem("zone_names")
    ds = None
    source_ds = ogr.Open(str(gdb))
    want = {(f["ZLDWDM"][:12], f["ZLDWMC"]) for f in source_ds.GetLayerByName("DLTB")}
    source_ds = None
    assert pairs == want and len(pairs) >= 1
    assert "0 zones without a name" in meta

    # The county (6 digits) is not in XZQ: named '' with a warning, not an error.
    res = run_guotu(*base, "--zone-code-length", "6", "--zone-names", str(gdb), "--zone-names-layer", "XZQ",
                    "-o", str(tmp_path / "county.csv"))
    assert res.returncode == 0 and "1 zones have no name in layer 'XZQ' (the first: '130101')" in res.stderr
    assert {r["zone_name"] for r in rows(tmp_path / "county.csv")} == {""}

    # One code, two names: which is right cannot be told.
    twice = tmp_path / "twice.gpkg"
    gdal.VectorTranslate(str(twice), str(gdb), layers=["XZQ"], layerName="XZQ", format="GPKG")
    ds = ogr.Open(str(twice), 1)
    layer = ds.GetLayerByName("XZQ")
    f = layer.GetNextFeature()
    g = ogr.Feature(layer.GetLayerDefn())
    g["XZQDM"], g["XZQMC"] = f["XZQDM"], "别名乡"
    layer.CreateFeature(g)
    ds = None
    out = tmp_path / "refused.csv"
    res = run_guotu(*base, "--zone-code-length", "9", "--zone-names", str(twice), "-o", str(out))
    assert res.returncode == 1 and "is named both" in res.stderr and "别名乡" in res.stderr, res.stderr
    assert not out.exists()
