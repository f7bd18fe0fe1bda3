"""qgis_process (headless) finds the plugin's provider and runs the algorithm.

qgis_process 3.22 loads the enabled Python plugins whose metadata says
hasProcessingProvider=yes and calls their initProcessing(); plugins are found
on QGIS_PLUGINPATH and enabled in the profile's QGIS3.ini (here with
``qgis_process plugins enable guotu`` under a throw-away HOME).
"""

import csv
import os
import subprocess
from pathlib import Path

import pytest

import testdata as td

QGIS_PROCESS = "/usr/bin/qgis_process.bin"  # the /usr/bin/qgis_process wrapper is broken here

pytestmark = pytest.mark.usefixtures("provider")


@pytest.fixture(scope="module")
def environment(plugin_root: Path, tmp_path_factory: pytest.TempPathFactory) -> dict:
    home = tmp_path_factory.mktemp("home")
    env = dict(os.environ, HOME=str(home), XDG_DATA_HOME=str(home / "xdg"), QT_QPA_PLATFORM="offscreen",
               QGIS_PLUGINPATH=str(plugin_root))
    env.pop("GUOTU_LIBRARY", None)
    enable = _run(["plugins", "enable", "guotu"], env)
    assert enable.returncode == 0, enable.stdout + enable.stderr
    return env


def _run(args, env) -> subprocess.CompletedProcess:
    return subprocess.run([QGIS_PROCESS] + args, env=env, capture_output=True, text=True, timeout=60)


def test_plugin_is_listed_and_enabled(environment):
    plugins = _run(["plugins"], environment)
    assert any(line.strip() == "* guotu" for line in plugins.stdout.splitlines()), plugins.stdout
    listing = _run(["list"], environment)
    assert listing.returncode == 0, listing.stderr
    assert "guotu:areabyclass" in listing.stdout
    assert "Guotu 国土" in listing.stdout


def test_run_on_geopackage_writes_the_table(environment, tmp_path):
    zones, landuse = td.zones_layer(), td.landuse_layer()
    data = tmp_path / "input.gpkg"
    zones_uri = td.write_gpkg(zones, data, "zones")
    landuse_uri = td.write_gpkg(landuse, data, "dltb")
    out_csv = tmp_path / "areas.csv"
    run = _run(["run", "guotu:areabyclass", "--", f"ZONES={zones_uri}", "ZONE_ID=xzqdm",
                f"LANDUSE={landuse_uri}", "CLASS_FIELD=dlbm", "AREA_METHOD=0", f"OUTPUT={out_csv}"],
               environment)
    assert run.returncode == 0, run.stdout + run.stderr
    with open(out_csv, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert rows and list(rows[0]) == ["zone_id", "class_code", "area_ha"]
    table = {(r["zone_id"], r["class_code"]): float(r["area_ha"]) for r in rows}
    # Same numbers as the in-process run, and as QGIS's own computation.
    in_process = td.result_table(td.run_area({"ZONES": zones, "ZONE_ID": "xzqdm", "LANDUSE": landuse,
                                              "CLASS_FIELD": "dlbm"}))
    td.assert_tables_close(table, in_process, rel=1e-12)
    td.assert_tables_close(table, td.qgis_reference(zones, landuse, "xzqdm", "dlbm"), rel=1e-4)
    assert "No invalid geometry needed repair" in run.stdout


def test_run_writes_a_geopackage_table(environment, tmp_path):
    from qgis.core import QgsVectorLayer, QgsWkbTypes

    data = tmp_path / "input.gpkg"
    zones_uri = td.write_gpkg(td.zones_layer(), data, "zones")
    landuse_uri = td.write_gpkg(td.landuse_layer(), data, "dltb")
    out = tmp_path / "areas.gpkg"
    run = _run(["run", "guotu:areabyclass", "--", f"ZONES={zones_uri}", "ZONE_ID=xzqdm",
                f"LANDUSE={landuse_uri}", "CLASS_FIELD=dlmc", "AREA_METHOD=1", f"OUTPUT={out}"], environment)
    assert run.returncode == 0, run.stdout + run.stderr
    table = QgsVectorLayer(str(out), "areas", "ogr")
    assert table.isValid() and table.wkbType() == QgsWkbTypes.NoGeometry
    result = td.result_table(table)
    assert result[("110101", "0101")] == pytest.approx(32.0, rel=1e-12)
    assert result[("110105", "1201")] == pytest.approx(6.5, rel=1e-12)


def test_errors_reach_the_command_line(environment, tmp_path):
    data = tmp_path / "input.gpkg"
    zones_uri = td.write_gpkg(td.zones_layer(), data, "zones")
    run = _run(["run", "guotu:areabyclass", "--", f"ZONES={zones_uri}", "ZONE_ID=xzqdm",
                f"OUTPUT={tmp_path / 'x.csv'}"], environment)
    assert run.returncode != 0
    assert "exactly one land-use input" in run.stdout + run.stderr


def test_voucher_algorithms_run_headless(environment, tmp_path):
    """qgis_process runs the accounting and then the market on its output, as a batch would."""
    import voucher_data as vd
    from qgis.core import QgsVectorLayer

    sources = vd.write_fixture(tmp_path)
    listing = _run(["list"], environment)
    assert "guotu:voucheraccounting" in listing.stdout and "guotu:vouchermarket" in listing.stdout
    account = tmp_path / "voucher.gpkg"
    run = _run(["run", "guotu:voucheraccounting", "--", f"ZONES={sources['zones']}", "ZONE_ID=code",
                "ZONE_NAME=name", "GDP_FIELD=gdp", "POP_FIELD=pop", f"BASE={sources['base']}", "BASE_CLASS_FIELD=lucc",
                f"TARGET={sources['target']}", "TARGET_CLASS_FIELD=lucc", "AREA_METHOD=1", "PRICE=1000",
                "REFERENCE=1",  # over the zones: the hand fixture's E1 and E2
                f"VOUCHER={account}", f"CLASSES={tmp_path / 'classes.csv'}", f"SUMMARY={tmp_path / 'summary.csv'}",
                f"UNKNOWN={tmp_path / 'unknown.csv'}"], environment)
    assert run.returncode == 0, run.stdout + run.stderr
    zones = vd.by_zone(QgsVectorLayer(str(account), "voucher", "ogr"))
    assert zones["Z1"]["e_ha"] == pytest.approx(vd.E1) and zones["Z2"]["e_ha"] == pytest.approx(vd.E2)
    trades = tmp_path / "trades.gpkg"
    run = _run(["run", "guotu:vouchermarket", "--", f"VOUCHERS={account}", "PRICE=1000", "SETTLEMENT=1",
                f"TRADES={trades}", f"SUMMARY={tmp_path / 'market.csv'}"], environment)
    assert run.returncode == 0, run.stdout + run.stderr
    assert [(r["seller_id"], r["buyer_id"]) for r in vd.rows(QgsVectorLayer(str(trades), "t", "ogr"))] == [("Z1", "Z2")]
    with open(tmp_path / "market.csv", newline="", encoding="utf-8") as f:
        summary = {r["item"]: r for r in csv.DictReader(f)}
    assert summary["settlement"]["text"] == "enclave (amounts are equity value)"


def test_parcel_check_runs_headless(environment, tmp_path):
    """qgis_process runs guotu:parcelscheck on files and writes verdicts and the meeting workbook."""
    import sys

    from qgis.core import QgsVectorLayer

    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    import parcels_fixture as pf

    parcels, ws = pf.write_parcels(tmp_path / "zzdk.gpkg"), pf.write_workspace(tmp_path / "ws.gpkg")
    beaches = pf.write_beaches(tmp_path / "htd.gpkg")
    out, xlsx = tmp_path / "verdicts.gpkg", tmp_path / "review.xlsx"
    run = _run(["run", "guotu:parcelscheck", "--", f"PARCELS={parcels}", "PARCEL_ID=dkbh", "TYPE_FIELD=zzlx",
                "PROJECT_FIELD=xmbh", "CURRENT_FIELD=xzdl", "CURRENT_SYSTEM=1", "PLANNED_FIELD=ghdl",
                "PLANNED_SYSTEM=1", f"WORKSPACE={ws}", f"BEACHES={beaches}", "AREA_METHOD=1", f"PARCEL_CHECKS={out}",
                f"PARCEL_REASONS={tmp_path / 'reasons.gpkg'}", f"PROJECT_CHECKS={tmp_path / 'projects.gpkg'}",
                f"VILLAGE_TOTALS={tmp_path / 'villages.gpkg'}", f"XLSX={xlsx}"], environment)
    assert run.returncode == 0, run.stdout + run.stderr
    verdicts = {f["parcel_id"]: f["verdict_en"] for f in QgsVectorLayer(str(out), "v", "ogr").getFeatures()}
    assert verdicts == {pid: v for pid, (v, _rules) in pf.EXPECTED.items()}
    assert "FAIL_COUNT:\t9" in run.stdout, run.stdout
    assert QgsVectorLayer(f"{xlsx}|layername=project_checks", "p", "ogr").featureCount() == 2


def test_border_conflicts_run_headless(environment, tmp_path):
    """qgis_process runs guotu:borderconflicts on files, one GeoPackage per output."""
    import border_data as bd
    from qgis.core import QgsVectorLayer

    fx = bd.make_fixture(tmp_path / "fx")
    outputs = {name: tmp_path / f"{name.lower()}.gpkg" for name in (
        "BORDER_CONFLICTS", "CONFLICT_LINES", "SHARED_BORDERS", "PAIR_SUMMARY", "BASEMAP_ISSUES",
        "BASEMAP_ISSUE_POINTS")}
    run = _run(["run", "guotu:borderconflicts", "--", f"ADMIN={fx / 'admin.gpkg'}", "ADMIN_ID=code",
                "ADMIN_NAME=name", f"ELEMENTS={fx / 'el.gpkg'}", "CITY_FIELD=city", "CATEGORY_FIELD=category",
                "NAME_FIELD=name", "AREA_METHOD=1"] + [f"{k}={v}" for k, v in outputs.items()], environment)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "CONFLICT_COUNT:\t5" in run.stdout, run.stdout
    summary = QgsVectorLayer(str(outputs["PAIR_SUMMARY"]), "s", "ogr")
    scores = {(f["admin_a"], f["admin_b"]): f["score"] for f in summary.getFeatures()}
    assert scores[("A", "B")] == pytest.approx(bd.SCORE_AB, abs=1e-6)


def test_parcel_reports_headless(environment, tmp_path):
    """qgis_process prints the village reports of a parcel check (no display, no project)."""
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    import parcels_fixture as pf
    from conftest import BUILD_DIR

    parcels, ws = pf.write_parcels(tmp_path / "zzdk.gpkg"), pf.write_workspace(tmp_path / "ws.gpkg")
    villages = pf.write_villages(tmp_path / "cun.gpkg")
    out = tmp_path / "verdicts.gpkg"
    cli = subprocess.run([str(BUILD_DIR / "core" / "guotu"), "parcels", "check", "--parcels", str(parcels),
                          "--parcel-id", "dkbh", "--type-field", "zzlx", "--current-field", "xzdl", "--current-system",
                          "SANDIAO_WORK", "--planned-field", "ghdl", "--planned-system", "SANDIAO_WORK", "--workspace",
                          str(ws), "--villages", str(villages), "--village-id", "cdm", "-o", str(out)],
                         capture_output=True, text=True, timeout=120)
    assert cli.returncode == 0, cli.stderr
    run = _run(["run", "guotu:parcelsreport", "--", f"PARCEL_CHECKS={out}|layername=parcel_checks",
                f"PARCEL_REASONS={out}|layername=parcel_reasons", f"OUTPUT_FOLDER={tmp_path / 'reports'}"],
               environment)
    assert run.returncode == 0, run.stdout + run.stderr
    assert sorted(p.name for p in (tmp_path / "reports").glob("*.pdf")) == ["审查报告_V1.pdf", "审查报告_V2.pdf"]


def test_empty_optional_inputs_on_the_command_line(environment, tmp_path):
    """`NAME=` leaves an optional input empty, as a script generated from a dialog does: the
    conversion runs without a workspace or zones (not the workspace "."), the market with a
    fixed price and no floor price or ask/bid fields."""
    import conversion_data as cd
    import voucher_data as vd

    paths = cd.write_fixture(tmp_path)
    out = tmp_path / "conversions.gpkg"
    run = _run(["run", "guotu:landuseconversion", "--", f"BEFORE={paths['before']}", "BEFORE_CLASS_FIELD=dlbm",
                f"AFTER={paths['after']}", "AFTER_CLASS_FIELD=dlbm", "WORKSPACE=", "ZONES=", "ZONE_ID=", "POLICY=",
                "BEFORE_CATEGORIES=", "AFTER_CATEGORIES=", "AREA_METHOD=1", f"CONVERSIONS={out}",
                *(f"{name}=TEMPORARY_OUTPUT" for name in ("TRANSITIONS", "STATUS_SUMMARY", "UNKNOWN"))], environment)
    assert run.returncode == 0, run.stdout + run.stderr
    assert 'workspace "."' not in run.stdout + run.stderr
    assert cd.ogr_rows(out, "conversions")
    sources = vd.write_fixture(tmp_path)
    vouchers = tmp_path / "vouchers.gpkg"
    run = _run(["run", "guotu:voucheraccounting", "--", f"ZONES={sources['zones']}", "ZONE_ID=code", "ZONE_NAME=",
                "GDP_FIELD=gdp", "POP_FIELD=pop", f"BASE={sources['base']}", "BASE_CLASS_FIELD=lucc",
                f"TARGET={sources['target']}", "TARGET_CLASS_FIELD=lucc", "MASK=", "COEFFICIENTS=", "PRICE=",
                "PROTECTION_RATE=", "COUNTIES=", "COUNTY_ID=", "AREA_METHOD=1", f"VOUCHER={vouchers}",
                *(f"{name}=TEMPORARY_OUTPUT" for name in ("CLASSES", "SUMMARY", "UNKNOWN"))], environment)
    assert run.returncode == 0, run.stdout + run.stderr
    trades = tmp_path / "trades.gpkg"
    run = _run(["run", "guotu:vouchermarket", "--", f"VOUCHERS={vouchers}", "PRICE=1000", "FLOOR_PRICE=",
                "ASK_FIELD=", "BID_FIELD=", "CAP=", f"TRADES={trades}", "SUMMARY=TEMPORARY_OUTPUT"],
               environment)
    assert run.returncode == 0, run.stdout + run.stderr
    assert vd.ogr_rows(trades, "trades")  # the fixture has a seller and a buyer


def test_binding_indicators_run_headless(environment, tmp_path):
    """qgis_process runs guotu:bindingindicators on files: the unit map, the table and the CSV."""
    import sys

    from qgis.core import QgsVectorLayer

    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "cli"))
    import indicators_fixture as ind

    files = ind.make_fixture(tmp_path)
    units, table, out_csv = tmp_path / "units.gpkg", tmp_path / "table.gpkg", tmp_path / "indicators.csv"
    targets = [f"TARGET_{key.upper()}={field}" for key, field in zip(ind.KEYS, ind.FIELDS)]
    run = _run(["run", "guotu:bindingindicators", "--", f"ADMIN={files['admin']}", "ADMIN_CODE=XZQDM",
                "ADMIN_NAME=XZQMC", f"LANDUSE={files['landuse']}", "CLASS_FIELD=DLBM",
                f"BEFORE={files['before']}", f"FARMLAND={files['farmland']}", *targets, f"UNITS={units}",
                f"TABLE={table}", f"CSV={out_csv}"], environment)
    assert run.returncode == 0, run.stdout + run.stderr
    counts = {f["admin_code"]: (f["failed"], f["passed"], f["skipped"])
              for f in QgsVectorLayer(str(units), "u", "ogr").getFeatures()}
    assert counts == ind.COUNTS
    assert QgsVectorLayer(str(table), "t", "ogr").featureCount() == 16
    assert out_csv.read_text(encoding="utf-8-sig").splitlines()[0].startswith("行政区代码,")
    assert "FAILED_COUNT:\t6" in run.stdout, run.stdout
