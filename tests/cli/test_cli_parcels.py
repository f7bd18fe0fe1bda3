"""guotu parcels check on the shared fixture (tests/parcels_fixture.py): every rule once,
hand-computed areas, project and village sums, meeting tables, bad input."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest
from osgeo import ogr

from cli_support import run_guotu

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import parcels_fixture as fx  # noqa: E402


def inputs(tmp: Path) -> dict:
    return {"parcels": fx.write_parcels(tmp / "zzdk.gpkg"), "ws": fx.write_workspace(tmp / "ws.gpkg"),
            "beaches": fx.write_beaches(tmp / "htd.gpkg"), "villages": fx.write_villages(tmp / "cun.gpkg")}


def check(tmp: Path, paths: dict, *extra: str, out_name: str = "out.gpkg"):
    out = tmp / out_name
    res = run_guotu("parcels", "check", "--parcels", str(paths["parcels"]), "--parcel-id", "dkbh",
                    "--type-field", "zzlx", "--project-field", "xmbh", "--current-field", "xzdl",
                    "--current-system", "SANDIAO_WORK", "--planned-field", "ghdl", "--planned-system", "SANDIAO_WORK",
                    "--workspace", str(paths["ws"]), "--river-beaches", str(paths["beaches"]),
                    "--villages", str(paths["villages"]), "--village-id", "cdm", "--village-name", "cmc",
                    "--area", "planar", "-o", str(out), *extra)
    return res, out


def rows(path: Path, layer: str) -> list[dict]:
    ds = ogr.Open(str(path))
    return [f.items() for f in ds.GetLayerByName(layer)]


def test_every_parcel_gets_its_verdict_and_reasons(tmp_path):
    res, out = check(tmp_path, inputs(tmp_path))
    assert res.returncode == 0, res.stderr
    assert "通过 pass 3, 有条件通过 conditional 2, 不通过 fail 9" in res.stdout
    parcels = {r["parcel_id"]: r for r in rows(out, "parcel_checks")}
    assert set(parcels) == set(fx.PARCELS)
    for pid, (verdict, rules) in fx.EXPECTED.items():
        assert (parcels[pid]["verdict_en"], parcels[pid]["rule_ids"]) == (verdict, rules), parcels[pid]["reasons_en"]
    assert parcels["A"]["verdict"] == "不通过" and parcels["D"]["verdict"] == "有条件通过"
    assert parcels["A"]["redline_ha"] == pytest.approx(0.5, abs=1e-9)
    assert parcels["B"]["farmland_ha"] == pytest.approx(1.0, abs=1e-9)
    assert parcels["D"]["outside_urban_ha"] == pytest.approx(0.5, abs=1e-9)
    assert parcels["M"]["area_ha"] == pytest.approx(0.5, abs=1e-9)
    assert parcels["A"]["area_mu"] == pytest.approx(15.0, abs=1e-9)
    assert parcels["G"]["status"] == "prohibited" and "禁止" in parcels["G"]["path_zh"]
    assert parcels["A"]["village_id"] == "V1" and parcels["N"]["village_id"] == "V2"
    assert parcels["A"]["dm_ha"] == pytest.approx(-0.19, abs=1e-9)
    assert "生态保护红线" in parcels["A"]["reasons_zh"]

    reasons = rows(out, "parcel_reasons")
    by = {}
    for r in reasons:
        by.setdefault((r["parcel_id"], r["rule_id"]), r)
    assert len(reasons) == 20
    assert by[("J", "P18")]["other_parcel_id"] == "K" and by[("J", "P18")]["area_ha"] == pytest.approx(0.5, abs=1e-9)
    assert by[("E", "P16")]["area_ha"] == pytest.approx(0.5, abs=1e-9)
    assert by[("G", "P16")]["area_ha"] == pytest.approx(1.0, abs=1e-9)
    assert by[("A2", "P10")]["severity"] == "info"
    # Every reason row carries a geometry: the area at fault, or the parcel itself.
    ds = ogr.Open(str(out))
    areas = {(f["parcel_id"], f["rule_id"]): f.GetGeometryRef().GetArea() for f in ds.GetLayerByName("parcel_reasons")}
    assert areas[("A", "P10")] == pytest.approx(5000, abs=1e-6)
    assert areas[("A", "P14")] == pytest.approx(10000, abs=1e-6)
    assert ds.GetLayerByName("parcel_checks").GetMetadataItem("tolerance_m2") == "1"


def test_projects_and_villages(tmp_path):
    res, out = check(tmp_path, inputs(tmp_path))
    assert res.returncode == 0, res.stderr
    projects = {r["project_id"]: r for r in rows(out, "project_checks")}
    p1, p2 = projects["P1"], projects["P2"]
    assert (p1["original_cultivated_ha"], p1["new_cultivated_ha"], p1["lost_cultivated_ha"]) == pytest.approx((4, 1, 4))
    assert p1["new_cultivated_ratio"] == pytest.approx(-0.75)
    assert (p1["new_cultivated_ok"], p1["farmland_ok"], p1["ecology_ok"]) == ("fail", "fail", "pass")
    assert p1["farmland_ratio"] == pytest.approx(1.0) and p1["dm_ha"] == pytest.approx(0.81)
    assert p1["verdict_en"] == "fail" and p1["tolerance_m2"] == 1
    assert p2["new_cultivated_ratio"] == pytest.approx(3 / 5.5)
    assert (p2["new_cultivated_ok"], p2["farmland_ok"], p2["ecology_ok"]) == ("pass", "", "")
    assert p2["verdict_en"] == "pass"
    villages = {r["village_id"]: r for r in rows(out, "village_totals")}
    assert set(villages) == {"V1", "V2"}
    assert villages["V1"]["parcels"] == 7 and villages["V1"]["name"] == "东村"
    assert villages["V1"]["area_ha"] == pytest.approx(7.0)
    assert villages["V2"]["area_ha"] == pytest.approx(6.5)
    assert villages["V1"]["fail_count"] + villages["V2"]["fail_count"] == 9


def test_a_stricter_threshold_and_tolerance_change_the_outcome(tmp_path):
    paths = inputs(tmp_path)
    res, out = check(tmp_path, paths, "--new-cultivated-min", "0.6", "--tolerance", "6000")
    assert res.returncode == 0, res.stderr
    projects = {r["project_id"]: r for r in rows(out, "project_checks")}
    assert projects["P2"]["new_cultivated_ok"] == "fail"  # 54.5 % < 60 %
    parcels = {r["parcel_id"]: r for r in rows(out, "parcel_checks")}
    # 5,000 m² overlaps and strips fall under a 6,000 m² tolerance.
    assert parcels["A"]["rule_ids"] == "P14" and parcels["J"]["verdict_en"] == "pass"


def test_meeting_tables_xlsx_and_csv(tmp_path):
    paths = inputs(tmp_path)
    tables = tmp_path / "tables"
    tables.mkdir()
    res, out = check(tmp_path, paths, "--xlsx", str(tmp_path / "review.xlsx"), "--csv-dir", str(tables))
    assert res.returncode == 0, res.stderr
    xlsx = ogr.Open(str(tmp_path / "review.xlsx"))
    names = [xlsx.GetLayer(i).GetName() for i in range(xlsx.GetLayerCount())]
    assert names == ["parcel_checks", "project_checks", "village_totals"]
    sheet = xlsx.GetLayerByName("parcel_checks")
    assert sheet.GetFeatureCount() == 14
    assert sheet.GetLayerDefn().GetFieldDefn(0).GetName() == "地块编号"
    verdicts = sorted(f["审查结论"] for f in sheet)
    assert verdicts.count("不通过") == 9 and verdicts.count("通过") == 3
    csv = (tables / "parcel_checks.csv").read_bytes()
    assert csv.startswith(b"\xef\xbb\xbf")
    text = csv.decode("utf-8-sig")
    assert text.splitlines()[0].startswith('"地块编号","整治类型"')
    assert len(text.splitlines()) == 15
    assert (tables / "project_checks.csv").exists() and (tables / "village_totals.csv").exists()
    assert not list(tmp_path.glob("*.tmp-*")) and not list(tables.glob("*.tmp-*"))


def test_gbk_shapefile(tmp_path):
    paths = inputs(tmp_path)
    paths["parcels"] = fx.write_parcels(tmp_path / "zzdk.shp", driver="ESRI Shapefile", encoding="GBK")
    res, out = check(tmp_path, paths, "--encoding", "GBK")
    assert res.returncode == 0, res.stderr
    parcels = {r["parcel_id"]: r for r in rows(out, "parcel_checks")}
    assert parcels["C"]["project_type"] == "拆旧复垦" and parcels["C"]["verdict_en"] == "pass"


@pytest.mark.parametrize("field,option", [("nope", "--type-field"), ("nope", "--parcel-id"),
                                          ("nope", "--current-field")])
def test_missing_field_is_named(tmp_path, field, option):
    paths = inputs(tmp_path)
    res, out = check(tmp_path, paths, option, field)
    assert res.returncode == 1
    assert "'nope'" in res.stderr and "zzdk" in res.stderr
    assert not out.exists()


def test_bad_inputs_leave_nothing(tmp_path):
    paths = inputs(tmp_path)
    bad = tmp_path / "types.csv"
    bad.write_text("value,kind\n农用地整理,farmland\n", encoding="utf-8")
    res, out = check(tmp_path, paths, "--types", str(bad))
    assert res.returncode == 1 and "unknown kind 'farmland'" in res.stderr and not out.exists()

    res, out = check(tmp_path, paths, "--current-system", "NOPE")
    assert res.returncode == 1 and "unknown classification system 'NOPE'" in res.stderr

    ws = tmp_path / "empty_ws.gpkg"
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(ws))
    ds.CreateLayer("ecological_redline", fx._srs(), ogr.wkbPolygon)
    ds = None
    res, out = check(tmp_path, dict(paths, ws=ws))
    assert res.returncode == 1 and "missing the layer 'permanent_farmland'" in res.stderr and not out.exists()
    ds = ogr.Open(str(ws), 1)
    ds.DeleteLayer(0)
    ds.CreateLayer("ecological_redline", None, ogr.wkbPolygon)
    ds = None
    res, out = check(tmp_path, dict(paths, ws=ws))
    assert res.returncode == 1 and "the workspace layer 'ecological_redline' of '" in res.stderr
    assert "' has no CRS but the parcels are in CGCS2000 / 3-degree Gauss-Kruger zone 39 (EPSG:4527): give both a CRS" \
        in res.stderr

    # Output over an input is refused and the input is untouched.
    before = paths["parcels"].read_bytes()
    res, _ = check(tmp_path, paths, out_name="zzdk.gpkg")
    assert res.returncode == 1 and "refusing" in res.stderr
    assert paths["parcels"].read_bytes() == before

    # A duplicate parcel id names the feature.
    ds = ogr.Open(str(paths["parcels"]), 1)
    layer = ds.GetLayer(0)
    f = ogr.Feature(layer.GetLayerDefn())
    f["dkbh"], f["zzlx"], f["xzdl"], f["ghdl"] = "A", "农用地整理", "0103", "0103"
    f.SetGeometry(ogr.CreateGeometryFromWkt(fx.box(3000, 0, 3100, 100)))
    layer.CreateFeature(f)
    ds = None
    res, out = check(tmp_path, paths)
    assert res.returncode == 1 and "parcel id 'A' is used twice" in res.stderr and not out.exists()


def test_ellipsoidal_area_close_to_planar_near_the_central_meridian(tmp_path):
    paths = inputs(tmp_path)
    out = tmp_path / "ell.gpkg"
    res = run_guotu("parcels", "check", "--parcels", str(paths["parcels"]), "--parcel-id", "dkbh",
                    "--type-field", "zzlx", "--current-field", "xzdl", "--current-system", "SANDIAO_WORK",
                    "--planned-field", "ghdl", "--planned-system", "SANDIAO_WORK", "--workspace", str(paths["ws"]),
                    "-o", str(out))
    assert res.returncode == 0, res.stderr
    parcels = {r["parcel_id"]: r for r in rows(out, "parcel_checks")}
    # GK scale factor 1 on the central meridian: ellipsoidal ≈ planar within 0.1 %.
    assert parcels["C"]["area_ha"] == pytest.approx(1.0, rel=1e-3)
    assert parcels["C"]["area_ha"] != 1.0
    # Without --project-field every parcel is in project '*'; without --river-beaches the
    # beach comes from the preset codes (G: 1106) only.
    assert {p["project_id"] for p in parcels.values()} == {"*"}
    assert parcels["E"]["rule_ids"] == "P15" and parcels["G"]["rule_ids"] == "P12,P16"


def test_outputs_carry_their_default_styles(tmp_path):
    res, out = check(tmp_path, inputs(tmp_path))
    assert res.returncode == 0, res.stderr
    ds = ogr.Open(str(out))
    styles = {f["f_table_name"]: (f["useAsDefault"], f["styleQML"]) for f in ds.GetLayerByName("layer_styles")}
    assert set(styles) == {"parcel_checks", "parcel_reasons", "project_checks", "village_totals"}
    assert all(default == 1 for default, _ in styles.values())
    assert "verdict_en" in styles["parcel_checks"][1] and "审查结论" in styles["parcel_checks"][1]


def test_units_from_a_layer_of_a_multi_layer_file(tmp_path):
    """Consolidation units in the villages' GeoPackage (--units-layer): parcels go to the unit
    holding most of them, the entered original cultivated land replaces the parcels' own."""
    paths = inputs(tmp_path)
    ds = ogr.Open(str(paths["villages"]), 1)
    layer = ds.CreateLayer("dy", fx._srs(), ogr.wkbMultiPolygon)
    for name, kind in (("dybh", ogr.OFTString), ("ygd", ogr.OFTReal)):
        layer.CreateField(ogr.FieldDefn(name, kind))
    for unit, original, wkt in (("U1", 40.0, fx.box(0, 0, 600, 200)), ("U2", None, fx.box(600, 0, 1600, 200))):
        f = ogr.Feature(layer.GetLayerDefn())
        f["dybh"] = unit
        if original is not None:
            f["ygd"] = original
        f.SetGeometry(ogr.ForceToMultiPolygon(ogr.CreateGeometryFromWkt(wkt)))
        layer.CreateFeature(f)
    ds = None
    res, out = check(tmp_path, paths, "--units", str(paths["villages"]), "--units-layer", "dy", "--unit-id", "dybh",
                     "--unit-cultivated-field", "ygd")
    assert res.returncode == 0, res.stderr
    projects = {r["project_id"]: r for r in rows(out, "project_checks")}
    assert set(projects) == {"U1", "U2"}
    assert projects["U1"]["original_cultivated_ha"] == pytest.approx(40.0)
    # U1 = A, A2, B, C, D, E, G: new cultivated A, C, E, G (4 ha), lost A2, B, D (3 ha) -> 1/40.
    assert projects["U1"]["new_cultivated_ratio"] == pytest.approx(1 / 40)
    parcels = {r["parcel_id"]: r["project_id"] for r in rows(out, "parcel_checks")}
    assert parcels["A"] == "U1" and parcels["N"] == "U2"


# ---- the three lines as delivered (issue #15), in place of the workspace ----

GDB_LAYERS = {"ecological_redline": "生态保护红线", "permanent_farmland": "永久基本农田", "urban_boundary": "城镇开发边界"}


def delivered_lines(tmp: Path, ws: Path) -> list[str]:
    """The red line and farmland in a File Geodatabase under Chinese layer names, the urban
    boundary as a shapefile: the options that name them in place of --workspace."""
    from osgeo import gdal
    gdb = tmp / "规划成果.gdb"
    for k, table in enumerate(("ecological_redline", "permanent_farmland")):
        gdal.VectorTranslate(str(gdb), str(ws), layers=[table], layerName=GDB_LAYERS[table], format="OpenFileGDB",
                             accessMode="update" if k else None)
    shp = tmp / "czkfbj.shp"
    gdal.VectorTranslate(str(shp), str(ws), layers=["urban_boundary"], format="ESRI Shapefile")
    return ["--redline", str(gdb), "--redline-layer", "生态保护红线", "--farmland", str(gdb), "--farmland-layer",
            "永久基本农田", "--urban", str(shp)]


def same(got: dict, expected: dict) -> None:
    """Verdicts and rules equal; areas equal to 1e-6 ha (a File Geodatabase stores coordinates on
    its own precision grid, moving vertices by micrometres)."""
    assert set(got) == set(expected)
    for pid, (verdict, rules, *areas) in expected.items():
        assert got[pid][:2] == (verdict, rules), pid
        assert got[pid][2:] == pytest.approx(tuple(areas), abs=1e-6), pid


def without_workspace(args: list[str]) -> list[str]:
    k = args.index("--workspace")
    return args[:k] + args[k + 2:]


def test_lines_as_delivered_give_the_workspace_verdicts(tmp_path):
    paths = inputs(tmp_path)
    res, out = check(tmp_path, paths)
    assert res.returncode == 0, res.stderr
    own = delivered_lines(tmp_path, paths["ws"])
    base = ["parcels", "check", "--parcels", str(paths["parcels"]), "--parcel-id", "dkbh", "--type-field", "zzlx",
            "--project-field", "xmbh", "--current-field", "xzdl", "--current-system", "SANDIAO_WORK",
            "--planned-field", "ghdl", "--planned-system", "SANDIAO_WORK", "--workspace", str(paths["ws"]),
            "--river-beaches", str(paths["beaches"]), "--villages", str(paths["villages"]), "--village-id", "cdm",
            "--village-name", "cmc", "--area", "planar"]
    mine = tmp_path / "own.gpkg"
    res = run_guotu(*without_workspace(base), *own, "-o", str(mine))
    assert res.returncode == 0, res.stderr
    key = ("verdict_en", "rule_ids", "redline_ha", "farmland_ha", "outside_urban_ha", "dm_ha")
    expected = {r["parcel_id"]: tuple(r[k] for k in key) for r in rows(out, "parcel_checks")}
    got = {r["parcel_id"]: tuple(r[k] for k in key) for r in rows(mine, "parcel_checks")}
    same(got, expected)
    assert any(v[1] for v in got.values())  # the fixture's parcels do meet the lines
    ds = ogr.Open(str(mine))
    assert ds.GetLayerByName("parcel_checks").GetMetadataItem("redline") == str(tmp_path / "规划成果.gdb")

    # One line given, the others from the workspace: the same verdicts.
    mixed = tmp_path / "mixed.gpkg"
    res = run_guotu(*base, "--urban", str(tmp_path / "czkfbj.shp"), "-o", str(mixed))
    assert res.returncode == 0, res.stderr
    same({r["parcel_id"]: tuple(r[k] for k in key) for r in rows(mixed, "parcel_checks")}, expected)

    # Without a workspace, all three lines are needed; a wrong layer name is named.
    res = run_guotu(*without_workspace(base), *own[:4], "-o", str(tmp_path / "x.gpkg"))
    assert res.returncode == 2 and "--redline, --farmland and --urban" in res.stderr
    bad = list(own)
    bad[bad.index("永久基本农田")] = "基本农田"
    res = run_guotu(*without_workspace(base), *bad, "-o", str(tmp_path / "y.gpkg"))
    assert res.returncode == 1 and "基本农田" in res.stderr
    assert not (tmp_path / "x.gpkg").exists() and not (tmp_path / "y.gpkg").exists()
