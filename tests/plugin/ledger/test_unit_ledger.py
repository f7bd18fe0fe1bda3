"""guotu:unitledger on the shared ledger fixture (tests/ledger_fixture.py): the hand-computed
sheet, the 105 % rule on both sides, unsaved edits, styles, and every table equal to what
`guotu ledger` writes on the same data."""

import math
import re
import subprocess
import sys
from pathlib import Path

import pytest
from osgeo import ogr
from qgis.core import QgsCategorizedSymbolRenderer, QgsProcessingException, QgsVectorLayer

from conftest import BUILD_DIR, REPO

sys.path.insert(0, str(REPO / "tests"))
import ledger_fixture as lf  # noqa: E402
from lines_data import rows  # noqa: E402

pytestmark = pytest.mark.usefixtures("provider")

ALG = "guotu:unitledger"
SANDIAO = 1  # SYSTEMS index of SANDIAO_WORK


@pytest.fixture
def fx(tmp_path: Path) -> dict:
    return {"parcels": lf.write_parcels(tmp_path / "dltb.gpkg"), "units": lf.write_units(tmp_path / "dy.gpkg"),
            "redline": lf.write_redline(tmp_path / "hx.gpkg"), "beaches": lf.write_beaches(tmp_path / "htd.gpkg"),
            "dir": tmp_path}


def params(fx: dict, **extra) -> dict:
    p = {"PARCELS": f"{fx['parcels']}|layername=dltb", "PARCEL_ID": "BSM", "CURRENT_FIELD": "DLBM",
         "CURRENT_SYSTEM": SANDIAO, "PLANNED_FIELD": "GHDL", "PLANNED_SYSTEM": SANDIAO,
         "UNITS": f"{fx['units']}|layername=units", "UNIT_ID": "DYBH", "UNIT_NAME": "DYMC",
         "KCXS_FIELD": "KCXS", "PLANNED_KCXS_FIELD": "GHKCXS", "GRADE_FIELD": "GDDB", "PLANNED_GRADE_FIELD": "GHGDDB",
         "FARMLAND_FIELD": "YJJBNT", "PLANNED_FARMLAND_FIELD": "GHJBNT", "PROJECT_FIELD": "XMBH",
         "TYPE_FIELD": "ZZLX", "REDLINE": f"{fx['redline']}|layername=stbhhx",
         "BEACHES": f"{fx['beaches']}|layername=hdtd", "AREA_METHOD": 1, "UNIT_LEDGER": "memory:",
         "UNIT_GRADES": "memory:", "CERTIFICATES": "memory:", "PROJECT_CERTIFICATES": "memory:"}
    p.update(extra)
    return p


def run(p: dict) -> dict:
    import processing

    return processing.run(ALG, p)


def test_balance_sheet(fx: dict) -> None:
    result = run(params(fx))
    units = {r["unit_id"]: r for r in rows(result["UNIT_LEDGER"])}
    for uid, expected in lf.EXPECTED.items():
        for key, value in expected.items():
            if isinstance(value, str):
                assert units[uid][key] == value, (uid, key)
            else:
                assert units[uid][key] == pytest.approx(value, abs=1e-9), (uid, key)
    assert (result["PASS_COUNT"], result["FAIL_COUNT"], result["UNDETERMINED_COUNT"]) == (1, 1, 0)
    assert result["UNIT_LEDGER"].geometryType() == 2  # polygons: the unit map
    certs = {r["number"]: r for r in rows(result["CERTIFICATES"])}
    assert set(certs) == set(lf.CERTIFICATES)
    assert certs["PJ2-0001"]["issuable"] == "否"
    assert result["CERTIFICATES"].getFeature(1).geometry().area() == pytest.approx(10000)


@pytest.mark.parametrize("in_area, ok", [(10500.0, "pass"), (10400.0, "fail")])
def test_farmland_105_percent(fx: dict, in_area: float, ok: str) -> None:
    parcels = {"B": (0, "0103", "0103", None, None, 5, None, 1, 0, "", ""),
               "C": (100, "0103", "0103", None, None, 5, None, 0, 1, "", "")}
    path = lf.write_parcels(fx["dir"] / "two.gpkg", parcels=parcels)
    ds = ogr.Open(str(path), 1)
    layer = ds.GetLayerByName("dltb")
    layer.CreateField(ogr.FieldDefn("TBMJ", ogr.OFTReal))
    for f in layer:
        f.SetField("TBMJ", 10000.0 if f["BSM"] == "B" else in_area)
        layer.SetFeature(f)
    ds = None
    result = run(params(fx, PARCELS=f"{path}|layername=dltb", UNITS=None, UNIT_ID=None, UNIT_NAME=None,
                        AREA_FIELD="TBMJ"))
    (u,) = rows(result["UNIT_LEDGER"])
    assert u["farmland_ratio"] == pytest.approx(in_area / 10000)
    assert u["farmland_ok"] == ok


def test_unsaved_edits_count(fx: dict) -> None:
    """A parcel edited in QGIS but not saved: the ledger reads what the user sees."""
    layer = QgsVectorLayer(f"{fx['parcels']}|layername=dltb", "dltb", "ogr")
    assert layer.startEditing()
    feature = next(f for f in layer.getFeatures() if f["BSM"] == "B")
    layer.changeAttributeValue(feature.id(), layer.fields().indexOf("GHDL"), "0103")  # B stays cultivated
    result = run(params(fx, PARCELS=layer))
    layer.rollBack()
    u1 = next(r for r in rows(result["UNIT_LEDGER"]) if r["unit_id"] == "U1")
    assert u1["lost_construction_ha"] == pytest.approx(0)
    assert u1["cultivated_closing_ha"] == pytest.approx(2.85 + 0.8)
    assert u1["built_ha"] == pytest.approx(0)


def test_bad_values_are_refused(fx: dict) -> None:
    parcels = dict(lf.PARCELS)
    parcels["A"] = (0, "0103", "0103", .1, .05, 5, None, 7, 1, "", "")
    path = lf.write_parcels(fx["dir"] / "bad.gpkg", parcels=parcels)
    with pytest.raises(QgsProcessingException, match="YJJBNT"):
        run(params(fx, PARCELS=f"{path}|layername=dltb"))
    with pytest.raises(QgsProcessingException):
        run(params(fx, UNIT_FIELD="DYBH"))


def test_styles(fx: dict) -> None:
    from guotu.ledger.ledger_style import style_units_layer

    layer = run(params(fx))["UNIT_LEDGER"]
    style_units_layer(layer)
    renderer = layer.renderer()
    assert isinstance(renderer, QgsCategorizedSymbolRenderer) and renderer.classAttribute() == "verdict_en"
    assert {c.value() for c in renderer.categories()} == {"pass", "undetermined", "fail"}
    assert layer.labelsEnabled() and layer.labeling().settings().fieldName == "unit_id"


def _same(a, b) -> bool:
    if isinstance(a, float) or isinstance(b, float):
        if a is None or b is None:
            return a is None and b is None
        return math.isclose(a, b, rel_tol=1e-12, abs_tol=1e-12)
    return a == b


def test_cli_and_qgis_give_the_same_tables(fx: dict) -> None:
    out = fx["dir"] / "cli.gpkg"
    cli = subprocess.run([str(BUILD_DIR / "core" / "guotu"), "ledger", "--parcels", str(fx["parcels"]),
                          "--parcel-id", "BSM", "--current-field", "DLBM", "--current-system", "SANDIAO_WORK",
                          "--planned-field", "GHDL", "--planned-system", "SANDIAO_WORK", "--units", str(fx["units"]),
                          "--unit-id", "DYBH", "--unit-name", "DYMC", "--kcxs-field", "KCXS",
                          "--planned-kcxs-field", "GHKCXS", "--grade-field", "GDDB", "--planned-grade-field",
                          "GHGDDB", "--farmland-field", "YJJBNT", "--planned-farmland-field", "GHJBNT",
                          "--project-field", "XMBH", "--type-field", "ZZLX", "--redline", str(fx["redline"]),
                          "--river-beaches", str(fx["beaches"]), "--area", "planar", "-o", str(out)],
                         capture_output=True, text=True)
    assert cli.returncode == 0, cli.stderr
    result = run(params(fx))
    for key, table in (("UNIT_LEDGER", "unit_ledger"), ("UNIT_GRADES", "unit_grades"),
                       ("CERTIFICATES", "certificates"), ("PROJECT_CERTIFICATES", "project_certificates")):
        qgis_rows = rows(result[key])
        cli_layer = QgsVectorLayer(f"{out}|layername={table}", table, "ogr")
        assert cli_layer.isValid(), table
        cli_rows = rows(cli_layer)
        assert len(qgis_rows) == len(cli_rows) > 0, table
        names = [f.name() for f in result[key].fields()]
        assert names == [n for n in cli_layer.fields().names() if n != "fid"], table
        for q, c in zip(qgis_rows, cli_rows):
            for name in names:
                assert _same(q[name], c[name]), (table, name, q[name], c[name])
            if key in ("UNIT_LEDGER", "CERTIFICATES"):
                assert ogr.CreateGeometryFromWkb(q["_wkb"]).Equals(ogr.CreateGeometryFromWkb(c["_wkb"])), table


def test_report_has_a_page_per_unit(fx: dict) -> None:
    pdf = fx["dir"] / "ledger.pdf"
    result = run(params(fx, REPORT=str(pdf)))
    assert result["REPORT"] == str(pdf) and pdf.is_file()
    pages = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    assert re.search(r"^Pages:\s+2$", pages, re.M), pages
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True).stdout
    # Page 1 is U1 (passes), page 2 U2 (fails): the sheet's hand values and the rule numbers.
    first, second = text.split("\f")[:2]
    assert "U1" in first and "1.7000" in first and "2.8500" in first and "0.0500" in first
    assert "U2" in second and "3.0000" in second and "1.1900" in second
    assert "failed" in second and "L7" in second


def test_unit_prefix_equals_the_cli(fx: dict) -> None:
    parcels = lf.write_parcels(fx["dir"] / "with_units.gpkg", unit_field=True)
    out = fx["dir"] / "prefix.gpkg"
    cli = subprocess.run([str(BUILD_DIR / "core" / "guotu"), "ledger", "--parcels", str(parcels), "--parcel-id", "BSM",
                          "--current-field", "DLBM", "--current-system", "SANDIAO_WORK", "--planned-field", "GHDL",
                          "--planned-system", "SANDIAO_WORK", "--unit-field", "DYBH", "--unit-prefix", "1",
                          "--kcxs-field", "KCXS", "--grade-field", "GDDB", "--area", "planar", "-o", str(out)],
                         capture_output=True, text=True)
    assert cli.returncode == 0, cli.stderr
    result = run(params(fx, PARCELS=f"{parcels}|layername=dltb", UNITS=None, UNIT_ID=None, UNIT_NAME=None,
                        UNIT_FIELD="DYBH", UNIT_PREFIX=1, PLANNED_KCXS_FIELD=None, PLANNED_GRADE_FIELD=None,
                        FARMLAND_FIELD=None, PLANNED_FARMLAND_FIELD=None, PROJECT_FIELD=None, TYPE_FIELD=None,
                        REDLINE=None, BEACHES=None))
    (q,) = rows(result["UNIT_LEDGER"])
    (c,) = rows(QgsVectorLayer(f"{out}|layername=unit_ledger", "c", "ogr"))
    assert q["unit_id"] == c["unit_id"] == "U" and q["parcels"] == 10
    for name in [f.name() for f in result["UNIT_LEDGER"].fields()]:
        assert _same(q[name], c[name]), (name, q[name], c[name])
