"""Units from the survey's own codes (三调 ZLDWDM) in QGIS: guotu:voucheraccounting with zones from the
base survey's unit codes (hand-computed villages; the same accounts as `guotu voucher
--zone-code-field` on a small survey and on the SYNTHETIC county package), the voucher mask from
CZCSXM, and guotu:threelinescheck's line statistics per unit, each equal to the CLI."""

import subprocess
import sys
from pathlib import Path
from typing import Dict

import pytest
from osgeo import ogr, osr
from qgis import processing

import voucher_data as vd

pytestmark = pytest.mark.usefixtures("provider")

X0, Y0 = 39_500_000.0, 4_400_000.0
A, B, C = "130101100001", "130101100002", "130101101001"
NAMES = {A: "东村", B: "西村", C: "南村"}
# (village, class in 2019, class in 2020, box in metres from the origin); every parcel 1 ha
PARCELS = [(A, "0301", "0301", (0, 0, 100, 100)), (A, "0101", "0301", (100, 0, 200, 100)),
           (B, "0301", "0101", (0, 100, 100, 200)), (C, "0101", "0301", (100, 100, 200, 200))]
COMPARED = ("area_ha", "m0_ha", "mt_ha", "dm_ha", "g_ratio", "p_ratio", "e_ha", "amount_yuan")


def _survey(path: Path, year: int) -> Path:
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4527)
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    layer = ds.CreateLayer("DLTB", srs, ogr.wkbPolygon)
    for name in ("ZLDWDM", "ZLDWMC", "DLBM"):
        layer.CreateField(ogr.FieldDefn(name, ogr.OFTString))
    for village, before, after, (a, b, c, d) in PARCELS:
        f = ogr.Feature(layer.GetLayerDefn())
        f["ZLDWDM"], f["ZLDWMC"], f["DLBM"] = village + "0000000", NAMES[village], after if year == 2020 else before
        f.SetGeometry(ogr.CreateGeometryFromWkt(
            f"POLYGON(({X0 + a} {Y0 + b},{X0 + c} {Y0 + b},{X0 + c} {Y0 + d},{X0 + a} {Y0 + d},{X0 + a} {Y0 + b}))"))
        layer.CreateFeature(f)
    ds = None
    return path


@pytest.fixture()
def small(tmp_path: Path) -> Dict[str, Path]:
    (tmp_path / "k.csv").write_text("code,k\n0301,1\n0101,0.5\n", encoding="utf-8")
    (tmp_path / "villages.csv").write_text(f"code,gdp,pop\n{A},1000000,100\n{B},2000000,100\n{C},1000000,50\n",
                                           encoding="utf-8")
    return {"base": _survey(tmp_path / "dltb_2019.gpkg", 2019), "target": _survey(tmp_path / "dltb_2020.gpkg", 2020),
            "k": tmp_path / "k.csv", "villages": tmp_path / "villages.csv", "dir": tmp_path}


def _accounting(**params: object) -> dict:
    base = {"VOUCHER": "memory:", "CLASSES": "memory:", "SUMMARY": "memory:", "UNKNOWN": "memory:"}
    base.update(params)
    return processing.run("guotu:voucheraccounting", base)


def _same(plugin: Dict[str, dict], cli: Dict[str, dict], rel: float) -> None:
    assert set(plugin) == set(cli)
    for zone, row in cli.items():
        assert plugin[zone]["zone_name"] == row["zone_name"], zone
        for field in COMPARED:
            if row[field] is None:
                assert plugin[zone][field] is None, (zone, field)
            else:
                assert plugin[zone][field] == pytest.approx(row[field], rel=rel, abs=1e-9), (zone, field)


def test_villages_from_codes_by_hand_and_equal_to_the_cli(small: Dict[str, Path]) -> None:
    """A: M0 1.5, Mt 2, G 1, P 1, E 0.5; B: M0 1, Mt 0.5, G 2, P 2, E -2; C: M0 0.5, Mt 1, G 2, P 1, E 1
    (the CLI test's fixture); names from the survey's own ZLDWMC."""
    out = small["dir"] / "cli.gpkg"
    res = vd.run_cli("voucher", "--zone-code-field", "ZLDWDM", "--zone-code-length", "12", "--zone-table",
                     str(small["villages"]), "--zone-id", "code", "--gdp-field", "gdp", "--pop-field", "pop",
                     "--zone-names", str(small["base"]), "--zone-names-id", "ZLDWDM", "--zone-names-name", "ZLDWMC",
                     "--base", str(small["base"]), "--base-class-field", "DLBM", "--target", str(small["target"]),
                     "--target-class-field", "DLBM", "--coefficients", str(small["k"]),
                     "--national-gdp-per-capita", "10000", "--national-pop-density", "5000", "--area", "planar",
                     "--price", "1000", "-o", str(out))
    assert res.returncode == 0, res.stderr
    result = _accounting(ZONE_CODE_FIELD="ZLDWDM", ZONE_CODE_LEVEL=2, ZONE_TABLE=str(small["villages"]),
                         TABLE_ID="code", TABLE_GDP="gdp", TABLE_POP="pop", ZONE_NAMES=str(small["base"]),
                         ZONE_NAMES_CODE_FIELD="ZLDWDM", ZONE_NAMES_NAME_FIELD="ZLDWMC", BASE=str(small["base"]),
                         BASE_CLASS_FIELD="DLBM", TARGET=str(small["target"]), TARGET_CLASS_FIELD="DLBM",
                         COEFFICIENTS=str(small["k"]), REFERENCE=2, REFERENCE_GDP_PER_CAPITA=10000,
                         REFERENCE_POP_DENSITY=5000, AREA_METHOD=1, PRICE=1000)
    zones = vd.by_zone(result["VOUCHER"])
    expected = {A: (2.0, 1.5, 2.0, 1.0, 1.0, 0.5), B: (1.0, 1.0, 0.5, 2.0, 2.0, -2.0), C: (1.0, 0.5, 1.0, 2.0, 1.0, 1.0)}
    for village, values in expected.items():
        z = zones[village]
        assert z["zone_name"] == NAMES[village]
        assert (z["area_ha"], z["m0_ha"], z["mt_ha"], z["g_ratio"], z["p_ratio"], z["e_ha"]) == pytest.approx(
            values, rel=1e-12), village
    _same(zones, {r["zone_id"]: r for r in vd.ogr_rows(out, "voucher")}, 1e-12)
    texts = vd.summary(result["SUMMARY"])
    assert texts["zone_code_field"] == "ZLDWDM" and texts["zone_code_length"] == "12"
    assert texts["zones"].startswith("3 units: the first 12 characters of ZLDWDM")


def test_zones_from_codes_are_refused_without_a_table_or_with_a_layer(small: Dict[str, Path]) -> None:
    from qgis.core import QgsApplication, QgsProcessingContext

    algorithm = QgsApplication.processingRegistry().algorithmById("guotu:voucheraccounting")
    context = QgsProcessingContext()
    common = {"BASE": str(small["base"]), "BASE_CLASS_FIELD": "DLBM", "TARGET": str(small["target"]),
              "TARGET_CLASS_FIELD": "DLBM", "VOUCHER": "memory:", "CLASSES": "memory:", "SUMMARY": "memory:",
              "UNKNOWN": "memory:"}
    ok, message = algorithm.checkParameterValues({**common, "ZONE_CODE_FIELD": "ZLDWDM"}, context)
    assert not ok and "zone table" in message
    ok, message = algorithm.checkParameterValues({**common, "ZONE_CODE_FIELD": "ZLDWDM", "ZONES": str(small["base"]),
                                                  "ZONE_TABLE": str(small["villages"]), "TABLE_ID": "code",
                                                  "TABLE_GDP": "gdp", "TABLE_POP": "pop"}, context)
    assert not ok and "not both" in message
    ok, message = algorithm.checkParameterValues(common, context)
    assert not ok and "Give the zones" in message


@pytest.fixture(scope="module")
def package(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("county") / "pkg"
    subprocess.run([sys.executable, str(vd.REPO / "resources" / "sample_data" / "generate_county_package.py"),
                    "--out", str(out), "--cells", "30"], check=True, capture_output=True, timeout=300)
    (out / "130101_2020_变更" / "DLTB.cpg").write_text("936", encoding="ascii")  # as QGIS asks for a GBK shapefile
    return out


def test_town_vouchers_of_the_county_package_equal_the_cli(package: Path, tmp_path: Path) -> None:
    """The towns of ZLDWDM[:9] of the 三调 DLTB (File Geodatabase), named from XZQ, the change survey
    a GBK shapefile, the yearbook's GDP and population: QGIS = CLI."""
    sandiao, change = package / "130101_2019_三调.gdb", package / "130101_2020_变更" / "DLTB.shp"
    yearbook = package / "统计年鉴_2020.csv"
    out = tmp_path / "cli.gpkg"
    res = vd.run_cli("voucher", "--zone-code-field", "ZLDWDM", "--zone-code-length", "9", "--zone-table", str(yearbook),
                     "--zone-id", "XZQDM", "--gdp-field", "GDP", "--pop-field", "POP", "--zone-names", str(sandiao),
                     "--zone-names-layer", "XZQ", "--base", str(sandiao), "--base-layer", "DLTB", "--base-class-field",
                     "DLBM", "--base-system", "SANDIAO_WORK", "--target", str(change), "--target-class-field", "DLBM",
                     "--target-system", "SANDIAO_WORK", "--encoding", "CP936", "--price", "30000", "-o", str(out))
    assert res.returncode == 0, res.stderr
    systems = ["CAS_LUCC", "SANDIAO_WORK", "GBT21010_2017", "YDYH_2023"]
    result = _accounting(ZONE_CODE_FIELD="ZLDWDM", ZONE_CODE_LEVEL=1, ZONE_TABLE=str(yearbook), TABLE_ID="XZQDM",
                         TABLE_GDP="GDP", TABLE_POP="POP", ZONE_NAMES=f"{sandiao}|layername=XZQ",
                         ZONE_NAMES_CODE_FIELD="XZQDM", ZONE_NAMES_NAME_FIELD="XZQMC",
                         BASE=f"{sandiao}|layername=DLTB", BASE_CLASS_FIELD="DLBM",
                         BASE_SYSTEM=systems.index("SANDIAO_WORK"), TARGET=str(change), TARGET_CLASS_FIELD="DLBM",
                         TARGET_SYSTEM=systems.index("SANDIAO_WORK"), PRICE=30000, REFERENCE=0)
    zones = vd.by_zone(result["VOUCHER"])
    assert {z: r["zone_name"] for z, r in zones.items()} == {"130101100": "城关镇", "130101101": "东岭乡"}
    _same(zones, {r["zone_id"]: r for r in vd.ogr_rows(out, "voucher")}, 1e-9)


def test_mask_from_czcsxm_equals_the_cli(package: Path, tmp_path: Path) -> None:
    """The mask from the change survey's 城镇村属性码 203 (its homesteads), with the bottom lines as
    delivered: QGIS = guotu voucher --mask-czcsxm 203, and other than no mask."""
    sandiao, change = package / "130101_2019_三调.gdb", package / "130101_2020_变更" / "DLTB.shp"
    plan = package / "规划成果.gdb"
    yearbook = package / "统计年鉴_2020.csv"
    out = tmp_path / "cli.gpkg"
    res = vd.run_cli("voucher", "--zones", str(sandiao), "--zones-layer", "XZQ", "--zone-id", "XZQDM", "--zone-name",
                     "XZQMC", "--gdp-field", "GDP", "--pop-field", "POP", "--zone-table", str(yearbook), "--base",
                     str(sandiao), "--base-layer", "DLTB", "--base-class-field", "DLBM", "--base-system",
                     "SANDIAO_WORK", "--target", str(change), "--target-class-field", "DLBM", "--target-system",
                     "SANDIAO_WORK", "--encoding", "CP936", "--redline", str(plan), "--redline-layer", "生态保护红线",
                     "--farmland", str(plan), "--farmland-layer", "永久基本农田", "--mask-czcsxm", "203", "--price",
                     "30000", "-o", str(out))
    assert res.returncode == 0, res.stderr
    params = dict(ZONES=f"{sandiao}|layername=XZQ", ZONE_ID="XZQDM", ZONE_NAME="XZQMC", ZONE_TABLE=str(yearbook),
                  TABLE_ID="XZQDM", TABLE_GDP="GDP", TABLE_POP="POP", BASE=f"{sandiao}|layername=DLTB",
                  BASE_CLASS_FIELD="DLBM", BASE_SYSTEM=1, TARGET=str(change), TARGET_CLASS_FIELD="DLBM",
                  TARGET_SYSTEM=1, REDLINE=f"{plan}|layername=生态保护红线", FARMLAND=f"{plan}|layername=永久基本农田",
                  PRICE=30000, REFERENCE=0, VIOLATIONS="memory:")
    masked = _accounting(**params, MASK_CZCSXM="203")
    zones = vd.by_zone(masked["VOUCHER"])
    _same(zones, {r["zone_id"]: r for r in vd.ogr_rows(out, "voucher")}, 1e-9)
    cli_violations = sorted((r["zone_id"], r["from_code"], r["to_code"], round(r["area_ha"], 9))
                            for r in vd.ogr_rows(out, "violations"))
    violations = sorted((r["zone_id"], r["from_code"], r["to_code"], round(r["area_ha"], 9))
                        for r in vd.rows(masked["VIOLATIONS"]))
    assert violations == cli_violations
    assert vd.summary(masked["SUMMARY"])["mask"] == "parcels of the target survey where CZCSXM LIKE '203%'"
    unmasked = vd.by_zone(_accounting(**params)["VOUCHER"])
    assert any(zones[z]["m0_ha"] < unmasked[z]["m0_ha"] for z in zones)


def test_line_statistics_per_town_equal_the_cli(package: Path, tmp_path: Path) -> None:
    """guotu:threelinescheck with the admin units made from ZLDWDM[:9] of the 三调 DLTB (named from
    XZQ) against the planning database's lines: the CLI's line_stats, town by town, cultivated land
    net of 田坎 (KCXS of the DLTB, on by default in both) and the farmland share included."""
    sandiao, plan = package / "130101_2019_三调.gdb", package / "规划成果.gdb"
    out = tmp_path / "cli.gpkg"
    res = vd.run_cli("lines", "check", "--redline", str(plan), "--redline-layer", "生态保护红线", "--farmland", str(plan),
                     "--farmland-layer", "永久基本农田", "--urban", str(plan), "--urban-layer", "城镇开发边界",
                     "--landuse", str(sandiao), "--landuse-layer", "DLTB", "--class-field", "DLBM", "--system",
                     "SANDIAO_WORK", "--admin-code-field", "ZLDWDM", "--admin-code-length", "9", "--admin-names",
                     str(sandiao), "--admin-names-layer", "XZQ", "-o", str(out))
    assert res.returncode == 0, res.stderr
    result = processing.run("guotu:threelinescheck", {
        "REDLINE": f"{plan}|layername=生态保护红线", "FARMLAND": f"{plan}|layername=永久基本农田",
        "URBAN": f"{plan}|layername=城镇开发边界", "LANDUSE": f"{sandiao}|layername=DLTB", "CLASS_FIELD": "DLBM",
        "SYSTEM": 1, "ADMIN_CODE_FIELD": "ZLDWDM", "ADMIN_CODE_LEVEL": 1, "ADMIN_NAMES": f"{sandiao}|layername=XZQ",
        "ADMIN_NAMES_CODE_FIELD": "XZQDM", "ADMIN_NAMES_NAME_FIELD": "XZQMC", "ISSUES": "memory:",
        "ISSUE_POINTS": "memory:", "LINE_STATS": "memory:", "NOTES": "memory:"})
    mine = {r["admin_code"]: r for r in vd.rows(result["LINE_STATS"])}
    cli = {r["admin_code"]: r for r in vd.ogr_rows(out, "line_stats")}
    assert mine.keys() == cli.keys() == {"130101100", "130101101"}
    for town, row in cli.items():
        assert mine[town]["admin_name"] == row["admin_name"]
        for key in ("redline_ha", "farmland_ha", "urban_ha", "cultivated_ha", "farmland_share"):
            assert mine[town][key] == pytest.approx(row[key], rel=1e-9, abs=1e-9), (town, key)
        assert mine[town]["share_ok"] == row["share_ok"]
        assert row["cultivated_ha"] > 0
    dataset = ogr.Open(str(out))  # kept while its layer is read
    assert dataset.GetLayerByName("line_stats").GetMetadataItem("tiankan_deduction") == "KCXS"


def test_ledger_over_years_with_units_and_mask_from_codes_equals_the_cli(package: Path, tmp_path: Path) -> None:
    """guotu:voucherledger with the towns of ZLDWDM[:9] as zones and the mask from each later survey's
    城镇村属性码 203: the CLI's ledger (guotu voucher --period … --zone-code-field … --mask-czcsxm 203)."""
    sandiao, change = package / "130101_2019_三调.gdb", package / "130101_2020_变更" / "DLTB.shp"
    yearbook = package / "统计年鉴_2020.csv"
    out = tmp_path / "cli.gpkg"
    res = vd.run_cli("voucher", "--zone-code-field", "ZLDWDM", "--zone-code-length", "9", "--zone-table", str(yearbook),
                     "--zone-id", "XZQDM", "--gdp-field", "GDP", "--pop-field", "POP", "--base", str(sandiao),
                     "--base-layer", "DLTB", "--base-class-field", "DLBM", "--base-system", "SANDIAO_WORK",
                     "--period", f"2020={change}", "--target-class-field", "DLBM", "--target-system", "SANDIAO_WORK",
                     "--encoding", "CP936", "--mask-czcsxm", "203", "--price", "30000", "-o", str(out))
    assert res.returncode == 0, res.stderr
    result = processing.run("guotu:voucherledger", {
        "ZONE_CODE_FIELD": "ZLDWDM", "ZONE_CODE_LEVEL": 1, "ZONE_TABLE": str(yearbook), "TABLE_ID": "XZQDM",
        "TABLE_GDP": "GDP", "TABLE_POP": "POP", "BASE": f"{sandiao}|layername=DLTB", "BASE_CLASS_FIELD": "DLBM",
        "BASE_SYSTEM": 1, "SURVEYS": [str(change)], "SURVEY_YEARS": "2020", "SURVEY_CLASS_FIELD": "DLBM",
        "SURVEY_SYSTEM": 1, "MASK_CZCSXM": "203", "MARKET_PRICE": 30000, "REFERENCE": 0, "VOUCHER": "memory:",
        "CLASSES": "memory:", "SUMMARY": "memory:", "UNKNOWN": "memory:", "LEDGER": "memory:",
        "LEDGER_TRADES": "memory:"})
    mine = {(r["zone_id"], r["year_to"]): r for r in vd.rows(result["LEDGER"])}
    cli = {(r["zone_id"], r["year_to"]): r for r in vd.ogr_rows(out, "ledger")}
    assert mine.keys() == cli.keys() and {z for z, _y in cli} == {"130101100", "130101101"}
    for key, row in cli.items():
        for name, value in row.items():
            if isinstance(value, float):
                assert mine[key][name] == pytest.approx(value, rel=1e-9, abs=1e-9), (key, name)
