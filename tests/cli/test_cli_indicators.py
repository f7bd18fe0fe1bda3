"""guotu indicators on the hand-computed fixture of indicators_fixture.py: every indicator
measured and compared, 田坎 deducted, the change between two survey years, skipped targets,
targets from a CSV in mu, the CSV/XLSX tables with Chinese or field-name headers."""
from __future__ import annotations

import csv
import math
from pathlib import Path

import pytest
from osgeo import gdal, ogr

from cli_support import run_guotu
from indicators_fixture import (COUNTS, FIELDS, KEYS, MEASURED, RESULTS, TARGETS, make_fixture,
                                target_options)

gdal.UseExceptions()


def rows(gpkg: Path, table: str = "indicators") -> list[dict]:
    ds = ogr.Open(str(gpkg))
    layer = ds.GetLayerByName(table)
    out = [{k: f.GetField(k) for k in f.keys()} for f in layer]
    ds = None
    return out


def run_full(tmp_path: Path, *extra: str):
    files = make_fixture(tmp_path)
    out = tmp_path / "ind.gpkg"
    r = run_guotu("indicators", "--admin", str(files["admin"]), "--landuse", str(files["landuse"]),
                  "--before", str(files["before"]), "--farmland", str(files["farmland"]),
                  *target_options(), "-o", str(out), *extra)
    assert r.returncode == 0, r.stderr
    return out, r, files


def test_every_indicator_hand_computed(tmp_path: Path):
    out, r, _ = run_full(tmp_path)
    got = rows(out)
    assert len(got) == 16
    for row in got:
        code, k = row["admin_code"], KEYS.index(row["indicator"])
        assert row["result"] == RESULTS[code][k], row
        assert row["measured"] == pytest.approx(MEASURED[code][k], rel=1e-6, abs=1e-9), row
        target = TARGETS[code][k]
        if target is None:
            assert row["target"] is None and row["difference"] is None and row["ratio"] is None
            assert row["note_zh"] == "无目标值：未比较" and row["result_zh"] == "未比较"
        else:
            assert row["target"] == target
            assert row["difference"] == pytest.approx(MEASURED[code][k] - target, abs=1e-6 * max(1, MEASURED[code][k]))
            if target > 0:
                assert row["ratio"] == pytest.approx(MEASURED[code][k] / target, rel=1e-6)
            else:
                assert row["ratio"] is None
        assert row["rule"] == (">=" if k in (0, 1, 5, 6) else "<=")
    a = {row["indicator"]: row for row in got if row["admin_code"] == "130101"}
    assert a["cultivated_land"]["indicator_zh"] == "耕地保有量"
    assert a["forest_cover"]["unit"] == "%"
    assert a["cultivated_land"]["admin_name"] == "甲县"
    units = rows(out, "indicator_units")
    assert [(u["admin_code"], u["failed"], u["passed"], u["skipped"]) for u in units] == \
        [(c, *COUNTS[c]) for c in ("130101", "130102")]
    assert units[0]["area_ha"] == pytest.approx(100, rel=1e-6)
    notes = [n["note"] for n in rows(out, "notes")]
    assert any("net of 田坎" in n and "KCXS" in n for n in notes), notes
    assert any("gross of 田坎" in n for n in notes), notes
    assert "8 passed, 6 failed (in 2 units), 2 not compared" in r.stdout
    ds = ogr.Open(str(out))
    assert ds.GetLayerByName("indicator_units").GetGeomType() in (ogr.wkbMultiPolygon, ogr.wkbPolygon)
    assert ds.GetLayerByName("indicator_units").GetSpatialRef().GetAuthorityCode(None) == "4527"
    # The unit map opens coloured by failed indicators: its default style is stored with it.
    styles = ds.ExecuteSQL("SELECT f_table_name, useAsDefault, styleQML FROM layer_styles")
    style = [(f.GetField(0), f.GetField(1), f.GetField(2)) for f in styles]
    ds.ReleaseResultSet(styles)
    assert [(name, default) for name, default, _ in style] == [("indicator_units", 1)]
    assert '"failed" >= 3' in style[0][2].replace("&quot;", '"').replace("&gt;", ">")
    ds = None


def test_gross_without_deduction(tmp_path: Path):
    """--deduction none: the 40 ha gross cultivated land of A passes its 38 ha target."""
    out, _, _ = run_full(tmp_path, "--deduction", "none")
    a = {row["indicator"]: row for row in rows(out) if row["admin_code"] == "130101"}
    assert a["cultivated_land"]["measured"] == pytest.approx(40, rel=1e-6)
    assert a["cultivated_land"]["result"] == "pass"


def test_without_second_year_or_farmland(tmp_path: Path):
    files = make_fixture(tmp_path)
    out = tmp_path / "ind.gpkg"
    r = run_guotu("indicators", "--admin", str(files["admin"]), "--landuse", str(files["landuse"]),
                  *target_options(), "-o", str(out))
    assert r.returncode == 0, r.stderr
    by = {(row["admin_code"], row["indicator"]): row for row in rows(out)}
    for code in ("130101", "130102"):
        for key in ("permanent_farmland", "new_construction_on_cultivated"):
            assert by[code, key]["result"] == "not_measured"
            assert by[code, key]["measured"] is None
    assert by["130101", "forest_land_taken"]["result"] == "no_target"  # no target wins over not measured
    assert by["130102", "forest_land_taken"]["result"] == "not_measured"
    assert "前一期" in by["130101", "new_construction_on_cultivated"]["note_zh"]
    assert "farmland" in by["130101", "permanent_farmland"]["note"]
    assert by["130101", "cultivated_land"]["result"] == "fail"


def test_targets_csv_in_mu_and_missing_rows(tmp_path: Path):
    files = make_fixture(tmp_path)
    table = tmp_path / "targets.csv"
    # Only A has a row: B's indicators are all skipped. Areas in mu (15 mu = 1 ha): 570 mu = 38 ha.
    table.write_text("XZQDM,gd,ld,fg\n130101,570,525,25\n999999,1,1,1\n", encoding="utf-8")
    out = tmp_path / "ind.gpkg"
    r = run_guotu("indicators", "--admin", str(files["admin"]), "--landuse", str(files["landuse"]),
                  "--targets", str(table), "--target-unit", "mu", "--target", "cultivated_land=gd",
                  "--target", "forest_land=ld", "--target", "forest_cover=fg", "-o", str(out))
    assert r.returncode == 0, r.stderr
    by = {(row["admin_code"], row["indicator"]): row for row in rows(out)}
    assert by["130101", "cultivated_land"]["target"] == pytest.approx(38)
    assert by["130101", "cultivated_land"]["result"] == "fail"
    assert by["130101", "forest_land"]["target"] == pytest.approx(35)
    assert by["130101", "forest_cover"]["target"] == pytest.approx(25)  # a percentage is not converted
    assert by["130101", "forest_cover"]["result"] == "pass"
    assert all(row["result"] == "no_target" for (code, _), row in by.items() if code == "130102")
    notes = [n["note"] for n in rows(out, "notes")]
    assert any("1 of 2 admin units have no row" in n for n in notes), notes
    assert any("'999999'" in n for n in notes), notes


def test_csv_and_xlsx_headers(tmp_path: Path):
    out, _, _ = run_full(tmp_path, "--csv", str(tmp_path / "t.csv"), "--xlsx", str(tmp_path / "t.xlsx"))
    text = (tmp_path / "t.csv").read_text(encoding="utf-8-sig")
    table = list(csv.reader(text.splitlines()))
    assert table[0][:4] == ["行政区代码", "行政区名称", "指标代码", "指标"]
    assert len(table) == 17
    first = dict(zip(table[0], table[1]))
    assert first["指标"] == "耕地保有量" and first["结果"] == "未达标"
    assert float(first["实测值"]) == pytest.approx(36, rel=1e-6)
    ds = ogr.Open(str(tmp_path / "t.xlsx"))
    layer = ds.GetLayer(0)
    assert layer.GetName() == "约束性指标" and layer.GetFeatureCount() == 16
    ds = None
    sub = tmp_path / "names"
    sub.mkdir()
    run_full(sub, "--csv", str(sub / "n.csv"), "--csv-headers", "names")
    header = (sub / "n.csv").read_text(encoding="utf-8-sig").splitlines()[0]
    assert header.startswith("admin_code,admin_name,indicator,indicator_zh,unit,rule,target,measured")


def test_tolerance(tmp_path: Path):
    """A share of 0.1: A's farmland 30.5 passes 31 x 0.9 = 27.9; urban-rural 10 still fails 8 x 1.1 = 8.8."""
    out, _, _ = run_full(tmp_path, "--tolerance", "0.1")
    a = {row["indicator"]: row for row in rows(out) if row["admin_code"] == "130101"}
    assert a["permanent_farmland"]["result"] == "pass"
    assert a["cultivated_land"]["result"] == "pass"  # 36 >= 38 x 0.9 = 34.2
    assert a["urban_rural_construction"]["result"] == "fail"


@pytest.mark.parametrize("args, message", [
    (["--target", "nope=X"], "unknown indicator 'nope'"),
    (["--target", "forest_land"], "KEY=FIELD"),
    (["--tolerance", "-1"], "--tolerance"),
    (["--target-unit", "acre"], "--target-unit"),
])
def test_bad_options(tmp_path: Path, args, message):
    files = make_fixture(tmp_path)
    r = run_guotu("indicators", "--admin", str(files["admin"]), "--landuse", str(files["landuse"]),
                  "--target", "cultivated_land=GDBYL", *args, "-o", str(tmp_path / "o.gpkg"))
    assert r.returncode == 2 and message in r.stderr, r.stderr


def test_refusals(tmp_path: Path):
    files = make_fixture(tmp_path)
    base = ["indicators", "--admin", str(files["admin"]), "--landuse", str(files["landuse"])]
    r = run_guotu(*base, "-o", str(tmp_path / "o.gpkg"))
    assert r.returncode == 2 and "no target" in r.stderr
    r = run_guotu(*base, "--target", "cultivated_land=NOPE", "-o", str(tmp_path / "o.gpkg"))
    assert r.returncode == 1 and "NOPE" in r.stderr and "cultivated_land" in r.stderr
    assert not (tmp_path / "o.gpkg").exists()
    # A target that is text, not a number: named with layer, feature and field.
    ds = ogr.Open(str(files["admin"]), 1)
    layer = ds.GetLayer(0)
    ds.ExecuteSQL("ALTER TABLE XZQ ADD COLUMN T TEXT")
    ds.ExecuteSQL("UPDATE XZQ SET T = '三十' WHERE XZQDM = '130102'")
    ds = None
    r = run_guotu(*base, "--target", "cultivated_land=T", "-o", str(tmp_path / "o.gpkg"))
    assert r.returncode == 1, r.stdout
    assert "feature 2" in r.stderr and "'T'" in r.stderr and "三十" in r.stderr, r.stderr
    r = run_guotu(*base, "--target", "cultivated_land=GDBYL", "-o", str(files["landuse"]))
    assert r.returncode == 2 and "input" in r.stderr


def test_geographic_inputs(tmp_path: Path):
    """CGCS2000 geographic (EPSG:4490) inputs: ellipsoidal areas in degrees-based data are the same
    hectares (to the few ppm by which edges straight in degrees differ from edges straight in GK),
    and a farmland layer in another CRS than the admin units is reprojected with a note."""
    files = make_fixture(tmp_path)
    geo = {}
    for key in ("admin", "landuse", "before"):
        geo[key] = tmp_path / f"{key}_4490.gpkg"
        gdal.VectorTranslate(str(geo[key]), str(files[key]), dstSRS="EPSG:4490")
    out = tmp_path / "geo.gpkg"
    r = run_guotu("indicators", "--admin", str(geo["admin"]), "--landuse", str(geo["landuse"]),
                  "--before", str(geo["before"]), "--farmland", str(files["farmland"]), *target_options(),
                  "-o", str(out))
    assert r.returncode == 0, r.stderr
    assert "reprojecting the permanent farmland layer" in r.stderr
    for row in rows(out):
        code, k = row["admin_code"], KEYS.index(row["indicator"])
        assert row["measured"] == pytest.approx(MEASURED[code][k], rel=2e-5, abs=1e-9), row
        assert row["result"] == RESULTS[code][k], row


def test_workspace(tmp_path: Path):
    """A three-lines workspace gives the admin units (xzqdm, xzqmc) with their farmland task
    pbf_target_ha and the permanent farmland; the land use comes from the survey."""
    files = make_fixture(tmp_path)
    ws = tmp_path / "ws.gpkg"
    assert run_guotu("lines", "init", str(ws), "--crs", "EPSG:4527").returncode == 0
    ds = ogr.Open(str(ws), 1)
    admins, farmland = ds.GetLayerByName("admin_units"), ds.GetLayerByName("permanent_farmland")
    src = ogr.Open(str(files["admin"]))
    for f in src.GetLayer(0):
        g = ogr.Feature(admins.GetLayerDefn())
        g["xzqdm"], g["xzqmc"], g["pbf_target_ha"] = f["XZQDM"], f["XZQMC"], f["JBNTRW"]
        g.SetGeometry(ogr.ForceToMultiPolygon(f.GetGeometryRef().Clone()))
        admins.CreateFeature(g)
    src = ogr.Open(str(files["farmland"]))
    for f in src.GetLayer(0):
        g = ogr.Feature(farmland.GetLayerDefn())
        g.SetGeometry(ogr.ForceToMultiPolygon(f.GetGeometryRef().Clone()))
        farmland.CreateFeature(g)
    src = ds = None
    out = tmp_path / "ws_ind.gpkg"
    r = run_guotu("indicators", "--workspace", str(ws), "--landuse", str(files["landuse"]), "-o", str(out))
    assert r.returncode == 0, r.stderr
    by = {(row["admin_code"], row["indicator"]): row for row in rows(out)}
    assert by["130101", "permanent_farmland"]["measured"] == pytest.approx(30.5, rel=1e-6)
    assert by["130101", "permanent_farmland"]["result"] == "fail"   # 30.5 < 31
    assert by["130102", "permanent_farmland"]["result"] == "pass"   # 45.5 >= 45
    assert by["130101", "permanent_farmland"]["admin_name"] == "甲县"
    assert by["130101", "cultivated_land"]["result"] == "no_target"


def test_integer_class_fields_and_unknown_earlier_codes(tmp_path: Path):
    """Class codes in integer fields (101 for 0101, as a DLBM exported to a number field has
    them) give the same values; an earlier-year class no group lists is named in a note."""
    files = make_fixture(tmp_path)
    numeric = {}
    for key, extra in (("landuse", ", KCXS"), ("before", "")):
        numeric[key] = tmp_path / f"{key}_int.gpkg"
        gdal.VectorTranslate(str(numeric[key]), str(files[key]), SQLDialect="SQLite", layerName="DLTB",
                             SQLStatement=f"SELECT geom, CAST(DLBM AS INTEGER) AS DLBM{extra} FROM DLTB")
    ds = ogr.Open(str(numeric["before"]), 1)
    assert ds.GetLayer(0).GetLayerDefn().GetFieldDefn(0).GetType() == ogr.OFTInteger
    ds.ExecuteSQL("UPDATE DLTB SET DLBM = 9999 WHERE DLBM = 101")  # B's paddy: a class no table lists
    ds = None
    out = tmp_path / "int.gpkg"
    r = run_guotu("indicators", "--admin", str(files["admin"]), "--landuse", str(numeric["landuse"]),
                  "--before", str(numeric["before"]), "--farmland", str(files["farmland"]), *target_options(),
                  "-o", str(out))
    assert r.returncode == 0, r.stderr
    for row in rows(out):
        code, k = row["admin_code"], KEYS.index(row["indicator"])
        assert row["measured"] == pytest.approx(MEASURED[code][k], rel=1e-6, abs=1e-9), row
    notes = [n["note"] for n in rows(out, "notes")]
    assert any("'9999' of the earlier survey year is in no group" in n for n in notes), notes


def test_an_earlier_year_with_nothing_that_can_count(tmp_path: Path):
    """The earlier year holds no cultivated or forest land (all of it railway land, 1001): the
    change overlay has nothing to read, and new construction on cultivated land and forest land
    taken are 0 in every unit (before, the run failed: "layer 'DLTB' has no polygons"). The other
    indicators are those of the hand-computed fixture."""
    files = make_fixture(tmp_path)
    ds = ogr.Open(str(files["before"]), 1)
    ds.ExecuteSQL("UPDATE DLTB SET DLBM = '1001'")
    ds = None
    out = tmp_path / "ind.gpkg"
    r = run_guotu("indicators", "--admin", str(files["admin"]), "--landuse", str(files["landuse"]),
                  "--before", str(files["before"]), "--farmland", str(files["farmland"]), *target_options(),
                  "-o", str(out))
    assert r.returncode == 0, r.stderr
    changes = ("new_construction_on_cultivated", "forest_land_taken")
    seen = 0
    for row in rows(out):
        code, k = row["admin_code"], KEYS.index(row["indicator"])
        if row["indicator"] in changes:
            assert row["measured"] == 0, row
            seen += 1
        else:
            assert row["measured"] == pytest.approx(MEASURED[code][k], rel=1e-6, abs=1e-9), row
    assert seen == 2 * len(MEASURED)


def test_an_earlier_year_whose_codes_are_names_is_refused(tmp_path: Path):
    """The earlier year's class field holds names (DLMC taken for DLBM): no code is in the class
    table, and measuring both change indicators as 0 would be a wrong answer. The run is refused,
    naming the field and the fix, and writes nothing."""
    files = make_fixture(tmp_path)
    ds = ogr.Open(str(files["before"]), 1)
    ds.ExecuteSQL("UPDATE DLTB SET DLBM = '水田'")
    ds = None
    out = tmp_path / "ind.gpkg"
    r = run_guotu("indicators", "--admin", str(files["admin"]), "--landuse", str(files["landuse"]),
                  "--before", str(files["before"]), "--farmland", str(files["farmland"]), *target_options(),
                  "-o", str(out))
    assert r.returncode != 0
    assert "none of the class codes of the earlier survey year (field 'DLBM'" in r.stderr, r.stderr
    assert "not names (DLMC)" in r.stderr
    assert not out.exists()
