"""guotu:unitledger with two survey years as separate layers (PLANNED_LAYER): the
hand-computed sheet of parcels cut differently in the two years (tests/ledger_fixture.py
SPLIT_*), the same tables as `guotu ledger --current/--planned` (geometries of the
certificates included), equal to the one-layer ledger on the shared fixture, and gaps refused."""

import math
import re
import subprocess
import sys
from pathlib import Path

import pytest
from osgeo import ogr
from qgis.core import QgsProcessingException, QgsVectorLayer

from conftest import BUILD_DIR, REPO

sys.path.insert(0, str(REPO / "tests"))
import ledger_fixture as lf  # noqa: E402
from lines_data import rows  # noqa: E402

pytestmark = pytest.mark.usefixtures("provider")

ALG = "guotu:unitledger"
SANDIAO = 1  # SYSTEMS index of SANDIAO_WORK
CLI_FIELDS = ["--parcel-id", "BSM", "--current-field", "DLBM", "--current-system", "SANDIAO_WORK",
              "--planned-field", "GHDL", "--planned-system", "SANDIAO_WORK", "--kcxs-field", "KCXS",
              "--planned-kcxs-field", "GHKCXS", "--grade-field", "GDDB", "--planned-grade-field", "GHGDDB",
              "--farmland-field", "YJJBNT", "--planned-farmland-field", "GHJBNT", "--project-field", "XMBH",
              "--type-field", "ZZLX", "--area", "planar"]


def params(current: Path, planned: Path, **extra) -> dict:
    p = {"PARCELS": f"{current}|layername=dltb_2019", "PLANNED_LAYER": f"{planned}|layername=dltb_2020",
         "PARCEL_ID": "BSM", "PLANNED_LAYER_ID": "BSM", "CURRENT_FIELD": "DLBM", "CURRENT_SYSTEM": SANDIAO,
         "PLANNED_LAYER_CODE": "GHDL", "PLANNED_SYSTEM": SANDIAO, "KCXS_FIELD": "KCXS",
         "PLANNED_LAYER_KCXS": "GHKCXS", "GRADE_FIELD": "GDDB", "PLANNED_LAYER_GRADE": "GHGDDB",
         "FARMLAND_FIELD": "YJJBNT", "PLANNED_LAYER_FARMLAND": "GHJBNT", "PLANNED_LAYER_PROJECT": "XMBH",
         "PLANNED_LAYER_TYPE": "ZZLX", "AREA_METHOD": 1, "UNIT_LEDGER": "memory:", "UNIT_GRADES": "memory:",
         "CERTIFICATES": "memory:", "PROJECT_CERTIFICATES": "memory:"}
    p.update(extra)
    return p


def run(p: dict) -> dict:
    import processing

    return processing.run(ALG, p)


def _same(a, b) -> bool:
    if isinstance(a, float) or isinstance(b, float):
        if a is None or b is None:
            return a is None and b is None
        return math.isclose(a, b, rel_tol=1e-12, abs_tol=1e-12)
    return a == b


def test_split_years_hand_computed_and_equal_to_the_cli(tmp_path: Path) -> None:
    current, planned = lf.write_split_years(tmp_path / "y2019.gpkg", tmp_path / "y2020.gpkg")
    result = run(params(current, planned, UNIT_FIELD="DYBH"))
    (u,) = rows(result["UNIT_LEDGER"])
    assert u["unit_id"] == "U"
    for key, value in lf.SPLIT_EXPECTED.items():
        if isinstance(value, str):
            assert u[key] == value, key
        else:
            assert u[key] == pytest.approx(value, abs=1e-9), key
    (c,) = rows(result["CERTIFICATES"])
    assert (c["number"], c["parcel_id"], c["cultivated_ha"]) == ("PJ1-0001", "P2/Q3", pytest.approx(.4))
    assert result["CERTIFICATES"].getFeature(1).geometry().area() == pytest.approx(5000)

    out = tmp_path / "cli.gpkg"
    cli = subprocess.run([str(BUILD_DIR / "core" / "guotu"), "ledger", "--current", str(current), "--planned",
                          str(planned), *CLI_FIELDS, "--unit-field", "DYBH", "-o", str(out)],
                         capture_output=True, text=True)
    assert cli.returncode == 0, cli.stderr
    for key, table in (("UNIT_LEDGER", "unit_ledger"), ("UNIT_GRADES", "unit_grades"),
                       ("CERTIFICATES", "certificates"), ("PROJECT_CERTIFICATES", "project_certificates")):
        qgis_rows = rows(result[key])
        cli_rows = rows(QgsVectorLayer(f"{out}|layername={table}", table, "ogr"))
        assert len(qgis_rows) == len(cli_rows) > 0, table
        for q, r in zip(qgis_rows, cli_rows):
            for name in [f.name() for f in result[key].fields()]:
                assert _same(q[name], r[name]), (table, name, q[name], r[name])
            if key == "CERTIFICATES":
                assert ogr.CreateGeometryFromWkb(q["_wkb"]).Equals(ogr.CreateGeometryFromWkb(r["_wkb"]))


def test_two_layers_equal_one_layer(tmp_path: Path) -> None:
    """Where both are possible (the same parcels in both years) the two-layer ledger is the one-layer one."""
    parcels = lf.write_parcels(tmp_path / "dltb.gpkg")
    current, planned = lf.write_years(tmp_path / "y2019.gpkg", tmp_path / "y2020.gpkg")
    context = {"UNITS": f"{lf.write_units(tmp_path / 'dy.gpkg')}|layername=units", "UNIT_ID": "DYBH",
               "UNIT_NAME": "DYMC", "REDLINE": f"{lf.write_redline(tmp_path / 'hx.gpkg')}|layername=stbhhx",
               "BEACHES": f"{lf.write_beaches(tmp_path / 'htd.gpkg')}|layername=hdtd"}
    one = run({"PARCELS": f"{parcels}|layername=dltb", "PARCEL_ID": "BSM", "CURRENT_FIELD": "DLBM",
               "CURRENT_SYSTEM": SANDIAO, "PLANNED_FIELD": "GHDL", "PLANNED_SYSTEM": SANDIAO, "KCXS_FIELD": "KCXS",
               "PLANNED_KCXS_FIELD": "GHKCXS", "GRADE_FIELD": "GDDB", "PLANNED_GRADE_FIELD": "GHGDDB",
               "FARMLAND_FIELD": "YJJBNT", "PLANNED_FARMLAND_FIELD": "GHJBNT", "PROJECT_FIELD": "XMBH",
               "TYPE_FIELD": "ZZLX", "AREA_METHOD": 1, "UNIT_LEDGER": "memory:", "UNIT_GRADES": "memory:",
               "CERTIFICATES": "memory:", "PROJECT_CERTIFICATES": "memory:", **context})
    two = run(params(current, planned, **context))
    a, b = rows(one["UNIT_LEDGER"]), rows(two["UNIT_LEDGER"])
    assert [u["unit_id"] for u in a] == [u["unit_id"] for u in b] == ["U1", "U2"]
    for ua, ub in zip(a, b):
        for name in [f.name() for f in one["UNIT_LEDGER"].fields()]:
            value = ub[name]
            if name in ("beach_parcel_ids", "reasons_zh"):
                value = re.sub(r"([A-J])/\1", r"\1", value)  # the piece H/H is the parcel H
            assert _same(ua[name], value), (name, ua[name], ub[name])
    ca, cb = rows(one["CERTIFICATES"]), rows(two["CERTIFICATES"])
    assert [c["number"] for c in ca] == [c["number"] for c in cb] == list(lf.CERTIFICATES)
    for x, y in zip(ca, cb):
        assert y["parcel_id"] == f"{x['parcel_id']}/{x['parcel_id']}"
        assert _same(x["cultivated_ha"], y["cultivated_ha"]) and _same(x["standard_forest_ha"],
                                                                       y["standard_forest_ha"])


def test_gap_and_area_field_refused(tmp_path: Path) -> None:
    short = list(lf.SPLIT_PLANNED)
    short[2] = (lf.box(250, 0, 290, 100), short[2][1])
    current, planned = lf.write_split_years(tmp_path / "y2019.gpkg", tmp_path / "y2020.gpkg", short)
    with pytest.raises(QgsProcessingException, match="do not cover the same land.*'P2'"):
        run(params(current, planned, UNIT_FIELD="DYBH"))
    with pytest.raises(QgsProcessingException, match="official area"):
        run(params(current, planned, AREA_FIELD="BSM"))


def test_county_package_years_equal_to_the_cli(tmp_path: Path) -> None:
    """The 2019 三调 FileGDB and the 2020 change survey (GBK shapefile, no .cpg) as delivered:
    every unit's balance sheet and every certificate the same through QGIS and the CLI."""
    pkg = tmp_path / "pkg"
    subprocess.run([sys.executable, str(REPO / "resources" / "sample_data" / "generate_county_package.py"), "--out",
                    str(pkg), "--cells", "20"], check=True, capture_output=True, timeout=300)
    base, change = pkg / "130101_2019_三调.gdb", pkg / "130101_2020_变更" / "DLTB.shp"
    out = tmp_path / "cli.gpkg"
    cli = subprocess.run([str(BUILD_DIR / "core" / "guotu"), "ledger", "--current", str(base), "--current-layer",
                          "DLTB", "--planned", str(change), "--parcel-id", "BSM", "--current-field", "DLBM",
                          "--current-system", "SANDIAO_WORK", "--planned-field", "DLBM", "--planned-system",
                          "SANDIAO_WORK", "--kcxs-field", "KCXS", "--planned-kcxs-field", "KCXS", "--grade-field",
                          "GDDB", "--planned-grade-field", "GDDB", "--unit-field", "ZLDWDM", "--unit-prefix", "12",
                          "-o", str(out)], capture_output=True, text=True)
    assert cli.returncode == 0, cli.stderr
    later = QgsVectorLayer(str(change), "DLTB_2020", "ogr")
    later.setProviderEncoding("GBK")  # as the planner is told to: the shapefile has no .cpg
    result = run({"PARCELS": f"{base}|layername=DLTB", "PLANNED_LAYER": later, "PARCEL_ID": "BSM",
                  "PLANNED_LAYER_ID": "BSM", "CURRENT_FIELD": "DLBM", "CURRENT_SYSTEM": SANDIAO,
                  "PLANNED_LAYER_CODE": "DLBM", "PLANNED_SYSTEM": SANDIAO, "KCXS_FIELD": "KCXS",
                  "PLANNED_LAYER_KCXS": "KCXS", "GRADE_FIELD": "GDDB", "PLANNED_LAYER_GRADE": "GDDB",
                  "UNIT_FIELD": "ZLDWDM", "UNIT_PREFIX": 12, "PROJECT_FIELD": None, "TYPE_FIELD": None,
                  "UNIT_LEDGER": "memory:", "UNIT_GRADES": "memory:", "CERTIFICATES": "memory:",
                  "PROJECT_CERTIFICATES": "memory:"})
    for key, table in (("UNIT_LEDGER", "unit_ledger"), ("CERTIFICATES", "certificates")):
        qgis_rows = rows(result[key])
        cli_rows = rows(QgsVectorLayer(f"{out}|layername={table}", table, "ogr"))
        assert len(qgis_rows) == len(cli_rows) > 0, table
        for q, r in zip(qgis_rows, cli_rows):
            for name in [f.name() for f in result[key].fields()]:
                assert _same(q[name], r[name]), (table, name, q[name], r[name])
