"""guotu ledger on the shared fixture (tests/ledger_fixture.py): every line of the balance
sheet hand-computed (田坎, grade weighting), the 105 % farmland rule on both sides of the
threshold, certificates, the XLSX with Chinese headers, and refused bad input."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest
from osgeo import ogr

from cli_support import run_guotu, style_aliases

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import ledger_fixture as fx  # noqa: E402

FIELDS = ["--parcel-id", "BSM", "--current-field", "DLBM", "--current-system", "SANDIAO_WORK",
          "--planned-field", "GHDL", "--planned-system", "SANDIAO_WORK", "--kcxs-field", "KCXS",
          "--planned-kcxs-field", "GHKCXS", "--grade-field", "GDDB", "--planned-grade-field", "GHGDDB",
          "--farmland-field", "YJJBNT", "--planned-farmland-field", "GHJBNT", "--project-field", "XMBH",
          "--type-field", "ZZLX", "--area", "planar"]


def ledger(tmp: Path, *extra: str, parcels: Path | None = None, units: bool = True, out_name: str = "out.gpkg"):
    parcels = parcels or fx.write_parcels(tmp / "dltb.gpkg")
    out = tmp / out_name
    args = ["ledger", "--parcels", str(parcels), *FIELDS,
            "--redline", str(fx.write_redline(tmp / "hx.gpkg")),
            "--river-beaches", str(fx.write_beaches(tmp / "htd.gpkg"))]
    if units:
        args += ["--units", str(fx.write_units(tmp / "dy.gpkg")), "--unit-id", "DYBH", "--unit-name", "DYMC"]
    res = run_guotu(*args, *extra, "-o", str(out))
    return res, out


def rows(path: Path, layer: str) -> list[dict]:
    ds = ogr.Open(str(path))
    return [f.items() for f in ds.GetLayerByName(layer)]


def assert_sheet(units: dict) -> None:
    for uid, expected in fx.EXPECTED.items():
        for key, value in expected.items():
            got = units[uid][key]
            if isinstance(value, str):
                assert got == value, (uid, key, units[uid]["reasons_zh"])
            else:
                assert got == pytest.approx(value, abs=1e-9), (uid, key)


def test_balance_sheet_of_every_unit(tmp_path):
    res, out = ledger(tmp_path)
    assert res.returncode == 0, res.stderr
    units = {r["unit_id"]: r for r in rows(out, "unit_ledger")}
    assert set(units) == {"U1", "U2"}
    assert_sheet(units)
    u1, u2 = units["U1"], units["U2"]
    assert u1["name"] == "一号单元" and u1["verdict"] == "通过" and u2["verdict"] == "不通过"
    # The sheet balances: opening − lost + gained + 田坎 change = closing.
    for u in (u1, u2):
        lost = sum(u[k] for k in ("lost_construction_ha", "lost_garden_ha", "lost_forest_ha", "lost_grassland_ha",
                                  "lost_other_ha"))
        gained = sum(u[k] for k in ("gained_reclamation_ha", "gained_garden_ha", "gained_forest_ha",
                                    "gained_grassland_ha", "gained_other_ha"))
        assert u["cultivated_opening_ha"] - lost + gained + u["tiankan_change_ha"] == pytest.approx(
            u["cultivated_closing_ha"], abs=1e-9)
    # Every rule's parameters are in the rows and in the layer's metadata.
    assert u1["farmland_gain_min"] == pytest.approx(1.05) and u1["linkage_min"] == pytest.approx(1.0)
    assert "L7 生态保护红线" in u2["reasons_zh"] and "L5 增减挂钩" in u2["reasons_zh"]
    ds = ogr.Open(str(out))
    assert ds.GetLayerByName("unit_ledger").GetMetadataItem("farmland_gain_min") == "1.05"
    assert ds.GetLayerByName("unit_ledger").GetFeature(1).GetGeometryRef().GetArea() == pytest.approx(1000 * 120)
    grades = {(r["unit_id"], r["grade"]): (r["opening_ha"], r["closing_ha"]) for r in rows(out, "unit_grades")}
    assert grades[("U1", 5)] == pytest.approx((.9, .95))
    assert grades[("U1", 7)] == pytest.approx((.8, 0))
    assert grades[("U1", 4)] == pytest.approx((0, .9))
    assert grades[("U2", 9)] == pytest.approx((0, 1))
    assert "一号单元: 通过 pass" in res.stdout


def test_units_from_a_field_give_the_same_sheet(tmp_path):
    parcels = fx.write_parcels(tmp_path / "dltb.gpkg", unit_field=True)
    res, out = ledger(tmp_path, "--unit-field", "DYBH", parcels=parcels, units=False)
    assert res.returncode == 0, res.stderr
    units = {r["unit_id"]: r for r in rows(out, "unit_ledger")}
    assert_sheet(units)
    assert units["U1"]["name"] == ""


def test_certificates(tmp_path):
    res, out = ledger(tmp_path, "--xlsx", str(tmp_path / "ledger.xlsx"))
    assert res.returncode == 0, res.stderr
    certs = {r["number"]: r for r in rows(out, "certificates")}
    assert set(certs) == set(fx.CERTIFICATES)
    for number, (pid, cult, tk, forest, sf, issuable) in fx.CERTIFICATES.items():
        c = certs[number]
        assert c["parcel_id"] == pid and c["issuable"] == issuable
        assert (c["cultivated_ha"], c["tiankan_ha"], c["forest_ha"], c["standard_forest_ha"]) == pytest.approx(
            (cult, tk, forest, sf), abs=1e-9)
    assert certs["PJ2-0001"]["on_river_beach"] == "是" and certs["PJ1-0001"]["unit_id"] == "U1"
    projects = {r["project_id"]: r for r in rows(out, "project_certificates")}
    assert (projects["PJ1"]["certificates"], projects["PJ1"]["issuable"]) == (2, 2)
    assert projects["PJ1"]["area_ha"] == pytest.approx(2) and projects["PJ2"]["area_ha"] == pytest.approx(0)
    # The meeting workbook: the same tables, Chinese headers.
    xl = ogr.Open(str(tmp_path / "ledger.xlsx"))
    sheet = xl.GetLayerByName("certificates")
    names = [sheet.GetLayerDefn().GetFieldDefn(i).GetName() for i in range(sheet.GetLayerDefn().GetFieldCount())]
    assert "复垦券编号" in names and "复垦为耕地（公顷，扣除田坎）" in names
    # the English status key is headed as such, not with the bare English word
    assert "状态（英文）" in names and "status" not in names
    assert sorted(f["复垦券编号"] for f in sheet) == sorted(fx.CERTIFICATES)
    unit_sheet = xl.GetLayerByName("unit_ledger")
    assert {f["单元编号"]: f["结论"] for f in unit_sheet} == {"U1": "通过", "U2": "不通过"}


@pytest.mark.parametrize("in_area, gain_min, ok", [(10500, "1.05", "pass"), (10400, "1.05", "fail"),
                                                     (10400, "1.04", "pass")])
def test_farmland_105_percent_both_sides(tmp_path, in_area, gain_min, ok):
    """1 ha goes out of permanent farmland; what comes in has an official area (TBMJ) of
    in_area m² — 1.05 ha passes the 105 % rule, 1.04 ha fails it, and passes at 104 %."""
    parcels = {"B": (0, "0103", "0103", N0, N0, 5, N0, 1, 0, "", ""),
               "C": (100, "0103", "0103", N0, N0, 5, N0, 0, 1, "", "")}
    path = fx.write_parcels(tmp_path / "dltb.gpkg", parcels=parcels)
    ds = ogr.Open(str(path), 1)
    layer = ds.GetLayerByName("dltb")
    layer.CreateField(ogr.FieldDefn("TBMJ", ogr.OFTReal))
    for f in layer:
        f.SetField("TBMJ", 10000.0 if f["BSM"] == "B" else float(in_area))
        layer.SetFeature(f)
    ds = None
    res, out = ledger(tmp_path, "--area-field", "TBMJ", "--farmland-gain-min", gain_min, parcels=path, units=False)
    assert res.returncode == 0, res.stderr
    (u,) = rows(out, "unit_ledger")
    assert u["unit_id"] == ""
    assert (u["farmland_out_ha"], u["farmland_in_ha"]) == pytest.approx((1.0, in_area / 10000))
    assert u["farmland_ratio"] == pytest.approx(in_area / 10000)
    assert u["farmland_ok"] == ok
    assert u["verdict_en"] == ("pass" if ok == "pass" else "fail")


N0 = None


def test_bad_values_are_refused(tmp_path):
    parcels = dict(fx.PARCELS)
    parcels["A"] = (0, "0103", "9999", .1, .05, 5, None, 1, 1, "", "")
    res, out = ledger(tmp_path, parcels=fx.write_parcels(tmp_path / "dltb.gpkg", parcels=parcels))
    assert res.returncode == 1 and not out.exists()
    assert "parcel 'A'" in res.stderr and "planned code '9999'" in res.stderr
    parcels["A"] = (0, "0103", "0103", 1.5, .05, 5, None, 1, 1, "", "")
    res, out = ledger(tmp_path, parcels=fx.write_parcels(tmp_path / "dltb2.gpkg", parcels=parcels))
    assert res.returncode == 1 and "KCXS" in res.stderr and not out.exists()
    res, _ = ledger(tmp_path, "--unit-field", "DYBH")
    assert res.returncode == 2 and "not both" in res.stderr
    res, _ = ledger(tmp_path, "--linkage-min", "-1")
    assert res.returncode == 2


def test_outputs_open_styled(tmp_path):
    """The unit map is coloured by verdict and the certificates by reclaimed land, with the
    Chinese column names as aliases: the styles are stored in the GeoPackage."""
    res, out = ledger(tmp_path)
    assert res.returncode == 0, res.stderr
    ds = ogr.Open(str(out))
    styles = {f["f_table_name"]: (f["useAsDefault"], f["styleQML"]) for f in ds.GetLayerByName("layer_styles")}
    assert set(styles) == {"unit_ledger", "unit_grades", "certificates", "project_certificates"}
    default, qml = styles["unit_ledger"]
    assert default == 1 and 'attr="verdict_en"' in qml and 'value="fail"' in qml
    assert 'name="耕地期初（公顷，扣除田坎）"' in qml
    assert "river_beach" in styles["certificates"][1]
    assert style_aliases(styles["certificates"][1])["status_en"] == "状态（英文）"


def test_unit_prefix_merges_units(tmp_path):
    """--unit-prefix 1 keeps the first character of DYBH: U1 and U2 become one unit "U",
    whose sheet is the sum of theirs (as ZLDWDM's first 9 characters make a town)."""
    parcels = fx.write_parcels(tmp_path / "dltb.gpkg", unit_field=True)
    res, out = ledger(tmp_path, "--unit-field", "DYBH", "--unit-prefix", "1", parcels=parcels, units=False)
    assert res.returncode == 0, res.stderr
    (u,) = rows(out, "unit_ledger")
    assert u["unit_id"] == "U" and u["parcels"] == 10
    assert (u["cultivated_opening_ha"], u["cultivated_closing_ha"]) == pytest.approx((1.7 + .9, 2.85 + 3))
    assert u["forest_opening_ha"] == pytest.approx(.19 + 1.19)
    res, _ = ledger(tmp_path, "--unit-prefix", "1", parcels=parcels, units=False, out_name="x.gpkg")
    assert res.returncode == 2 and "--unit-prefix needs --unit-field" in res.stderr
