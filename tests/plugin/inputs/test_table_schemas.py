"""The output tables declared once, in resources/schemas/<table>.csv: every schema file is
enumerated, and each layer and file the tool and the plugin write for its table must have
exactly the schema's columns (names, order, types) — the tally (with and without zone names),
the area check, the conversion map (with and without the three lines) and its tables, the
border check's layers, the ruling objective's, the three-lines issues, statistics and notes,
the vouchers' (accounting, counties, market, accounts over years), the parcel check's,
the unit ledger's, the binding indicators' and the transmission
framework's tables (catalogue, indicators, rounds). A schema file no run
here writes fails too. A schema that orders the columns otherwise reorders the tool's tables
(and the plugin's tally) alike, values following their names; a schema a writer does not fill
stops the tool before any output."""

import csv
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, List, Tuple

import pytest
from osgeo import ogr
from qgis import processing
from qgis.PyQt.QtCore import QVariant
from qgis.core import QgsVectorLayer

import conversion_data as cd
from conftest import BUILD_DIR, REPO
from test_conversion_workspace import make_workspace

sys.path.insert(0, str(REPO / "tests"))
import ledger_fixture as lf  # noqa: E402
import parcels_fixture as pf  # noqa: E402

pytestmark = pytest.mark.usefixtures("provider")

GUOTU = BUILD_DIR / "core" / "guotu"
SCHEMAS = REPO / "resources" / "schemas"
OGR_KINDS = {ogr.OFTString: "text", ogr.OFTReal: "real", ogr.OFTInteger: "integer", ogr.OFTInteger64: "integer"}


def schema(table: str, *options: str) -> List[Tuple[str, str]]:
    """(name, type) of the kept columns, read straight from the file (not through the plugin)."""
    with (SCHEMAS / f"{table}.csv").open(encoding="utf-8", newline="") as f:
        return [(r["name"], r["type"]) for r in csv.DictReader(f) if not r["only_with"] or r["only_with"] in options]


def cli_columns(path: Path, layer: str) -> List[Tuple[str, str]]:
    """(name, type) of a table the tool wrote: a GeoPackage layer (its FID column counted when the
    schema names it, as area_check's fid) or a CSV file (names only, types as the schema's)."""
    if path.suffix == ".csv":
        with path.open(encoding="utf-8-sig", newline="") as f:
            return [(name, "?") for name in next(csv.reader(f))]
    ds = ogr.Open(str(path))
    lyr = ds.GetLayerByName(layer)
    assert lyr is not None, (path, layer)
    defn = lyr.GetLayerDefn()
    columns = [(lyr.GetFIDColumn(), "integer")]
    columns += [(defn.GetFieldDefn(i).GetName(), OGR_KINDS[defn.GetFieldDefn(i).GetType()])
                for i in range(defn.GetFieldCount())]
    return columns


def plugin_columns(layer: QgsVectorLayer) -> List[Tuple[str, str]]:
    kinds = {10: "text", 6: "real", 4: "integer", 2: "integer"}  # QString, double, qlonglong, int (Qt 5 and 6)
    return [(f.name(), kinds.get(int(f.type()), f.typeName())) for f in layer.fields()]


def assert_columns(got: List[Tuple[str, str]], table: str, *options: str, where: str = "") -> None:
    want = schema(table, *options)
    if got and got[0] == ("fid", "integer") and want[0] != ("fid", "integer"):
        got = got[1:]  # the GeoPackage's own FID column
    if got and got[0][1] == "?":  # CSV: names only
        want = [(name, "?") for name, _t in want]
    assert got == want, (table, where, options)


def plain(row: dict, *left_out: str) -> dict:
    """NULL, None and '' alike (a QVariant NULL in memory layers); without ``left_out``."""
    return {k: None if v is None or v == "" or (isinstance(v, QVariant) and v.isNull()) else v
            for k, v in row.items() if k not in left_out}


def run_cli(*args: str, env: Dict[str, str] = None) -> subprocess.CompletedProcess:
    return subprocess.run([str(GUOTU), *args], capture_output=True, text=True, timeout=300, env=env)


@pytest.fixture(scope="module")
def package(tmp_path_factory) -> Path:
    sys.path.insert(0, str(REPO / "tests"))
    from sandiao_package import make_package

    return make_package(tmp_path_factory.mktemp("schema_package"))


TALLY_NAMED = ("tally", "--zone-code-field", "ZLDWDM", "--zone-code-length", "9", "--class-field", "DLBM",
               "--area-check", "TBMJ", "--area-check-abs", "0", "--area-check-rel", "0")


@dataclass
class Produced:
    """What one feature's tool run(s) and plugin run(s) wrote: per table, where (tool: or
    plugin: and the layer), its columns and the options its schema was read with; and the
    values the equality tests below compare."""
    tables: Dict[str, List[Tuple[str, List[Tuple[str, str]], Tuple[str, ...]]]] = field(default_factory=dict)
    values: Dict[str, Any] = field(default_factory=dict)

    def add(self, table: str, where: str, columns: List[Tuple[str, str]], *options: str) -> None:
        self.tables.setdefault(table, []).append((where, columns, options))


def gpkg_layers(produced: Produced, out: Path, layers: Dict[str, str], *options: str) -> None:
    """The tool's GeoPackage layers (layer → table) into ``produced``."""
    for layer, table in layers.items():
        produced.add(table, f"tool:{out.name}|{layer}", cli_columns(out, layer), *options)


@pytest.fixture(scope="module")
def tally_outputs(package: Path, tmp_path_factory) -> Produced:
    tmp_path, gdb, produced = tmp_path_factory.mktemp("tally"), str(package), Produced()
    named = tmp_path / "named.gpkg"
    res = run_cli(*TALLY_NAMED, "--landuse", gdb, "--landuse-layer", "DLTB", "--zone-names", gdb,
                  "--zone-names-layer", "XZQ", "-o", str(named))
    assert res.returncode == 0, res.stderr
    produced.add("tally", "tool:named.gpkg|tally", cli_columns(named, "tally"), "zone_names")
    produced.add("area_check", "tool:named.gpkg|area_check", cli_columns(named, "area_check"))
    plain = tmp_path / "plain.csv"
    res = run_cli(*TALLY_NAMED, "--landuse", gdb, "--landuse-layer", "DLTB", "-o", str(plain))
    assert res.returncode == 0, res.stderr
    produced.add("tally", "tool:plain.csv", cli_columns(plain, ""))
    produced.add("area_check", "tool:plain_area_check.csv", cli_columns(tmp_path / "plain_area_check.csv", ""))
    with (tmp_path / "plain_area_check.csv").open(encoding="utf-8", newline="") as f:
        produced.values["cli_findings"] = len(list(csv.DictReader(f)))

    by_code = {"LANDUSE": f"{gdb}|layername=DLTB", "CLASS_FIELD": "DLBM", "UNIT_CODE_FIELD": "ZLDWDM", "LEVEL": 1,
               "AREA_CHECK_ABS": 0, "AREA_CHECK_REL": 0, "OUTPUT": "memory:", "AREA_CHECK": "memory:"}
    out = processing.run("guotu:areabyunitcode", by_code)
    produced.add("tally", "plugin:areabyunitcode", plugin_columns(out["OUTPUT"]))
    produced.add("area_check", "plugin:areabyunitcode", plugin_columns(out["AREA_CHECK"]))
    out = processing.run("guotu:areabyunitcode", dict(by_code, NAMES=f"{gdb}|layername=XZQ",
                                                      NAMES_CODE_FIELD="XZQDM", NAMES_NAME_FIELD="XZQMC"))
    produced.add("tally", "plugin:areabyunitcode named", plugin_columns(out["OUTPUT"]), "zone_names")
    landuse = QgsVectorLayer(f"{gdb}|layername=DLTB", "DLTB", "ogr")
    by_zone = {"ZONES": f"{gdb}|layername=XZQ", "ZONE_ID": "XZQDM", "LANDUSE": landuse, "CLASS_FIELD": "DLBM",
               "AREA_CHECK_ABS": 0, "AREA_CHECK_REL": 0, "OUTPUT": "memory:", "AREA_CHECK": "memory:"}
    out = processing.run("guotu:areabyclass", by_zone)
    produced.add("tally", "plugin:areabyclass", plugin_columns(out["OUTPUT"]))
    produced.add("area_check", "plugin:areabyclass", plugin_columns(out["AREA_CHECK"]))
    produced.values["plugin_findings"] = out["AREA_CHECK"].featureCount()
    return produced


def test_the_area_check_without_tolerance_finds_every_parcel(tally_outputs: Produced):
    assert tally_outputs.values["cli_findings"] > 100 and tally_outputs.values["plugin_findings"] > 100


@pytest.fixture(scope="module")
def conversion_outputs(tmp_path_factory) -> Produced:
    produced = Produced()
    for lines in (False, True):
        tmp_path = tmp_path_factory.mktemp("conversion_lines" if lines else "conversion")
        paths = cd.write_fixture(tmp_path)
        extra = ("--workspace", str(make_workspace(tmp_path))) if lines else ()
        options = ("lines",) if lines else ()
        out = tmp_path / "cli.gpkg"
        res = cd.cli_convert(paths["before"], paths["after"], out, "--zones", str(paths["zones"]), "--zone-id", "code",
                             "--area", "planar", *extra)
        assert res.returncode == 0, res.stderr
        tables = [("CONVERSIONS", "conversions"), ("TRANSITIONS", "transitions"), ("STATUS_SUMMARY", "status_summary"),
                  ("UNKNOWN", "unknown_codes")] + ([("LINE_SUMMARY", "line_summary")] if lines else [])
        gpkg_layers(produced, out, {table: table for _o, table in tables}, *options)
        assert ogr.Open(str(out)).GetLayerByName("line_summary") is None or lines
        layers = cd.fixture_layers()
        workspace = {"WORKSPACE": extra[1], "LINE_SUMMARY": "memory:"} if lines else {}
        through_qgis = cd.run_algorithm(cd.params(layers["before"], layers["after"], layers["zones"], **workspace))
        from_files = cd.run_algorithm(cd.params(str(paths["before"]), str(paths["after"]), str(paths["zones"]),
                                                **dict(workspace, CONVERSIONS=str(tmp_path / "plugin.gpkg"))))
        for output, table in tables:
            produced.add(table, f"plugin:{output} through QGIS", plugin_columns(through_qgis[output]), *options)
            written = from_files[output]
            layer = written if isinstance(written, QgsVectorLayer) else QgsVectorLayer(written, table, "ogr")
            assert layer.isValid(), written
            produced.add(table, f"plugin:{output} from files", plugin_columns(layer), *options)
        # Same values under the same names (the schema's order): the pieces through QGIS and the tool's.
        mine = sorted((r["zone_id"], r["from_code"], r["to_code"], r["status"], round(r["area_ha"], 9))
                      for r in cd.layer_rows(through_qgis["CONVERSIONS"]))
        theirs = sorted((r["zone_id"], r["from_code"], r["to_code"], r["status"], round(r["area_ha"], 9))
                        for r in cd.ogr_rows(out, "conversions"))
        produced.values[lines] = (mine, theirs)
    return produced


@pytest.mark.parametrize("lines", [False, True])
def test_the_conversion_pieces_of_the_tool_and_the_plugin_are_equal(conversion_outputs: Produced, lines: bool):
    mine, theirs = conversion_outputs.values[lines]
    assert mine == theirs and sum(r[4] for r in mine) == pytest.approx(6.0)


@pytest.fixture(scope="module")
def border_outputs(tmp_path_factory) -> Produced:
    import border_data as bd

    tmp_path, produced = tmp_path_factory.mktemp("border"), Produced()
    fx = bd.make_fixture(tmp_path / "fx")
    out = tmp_path / "border.gpkg"
    res = bd.run_cli(fx, out, "--area", "planar")
    assert res.returncode == 0, res.stderr
    layers = {"BORDER_CONFLICTS": ("border_conflicts", "border_conflicts"),
              "CONFLICT_LINES": ("border_conflict_lines", "border_conflicts"),
              "SHARED_BORDERS": ("shared_borders", "shared_borders"), "PAIR_SUMMARY": ("pair_summary", "pair_summary"),
              "BASEMAP_ISSUES": ("basemap_issues", "basemap_issues"),
              "BASEMAP_ISSUE_POINTS": ("basemap_issue_points", "basemap_issues")}
    gpkg_layers(produced, out, dict(layers.values()))
    params = {"ADMIN": f"{fx / 'admin.gpkg'}|layername=admin", "ADMIN_ID": "code", "ADMIN_NAME": "name",
              "ELEMENTS": f"{fx / 'el.gpkg'}|layername=elements", "CITY_FIELD": "city", "CATEGORY_FIELD": "category",
              "NAME_FIELD": "name", "AREA_METHOD": 1}
    params.update({name: "memory:" for name in layers})
    result = processing.run("guotu:borderconflicts", params)
    for name, (_layer, table) in layers.items():
        options = ("review",) if table == "border_conflicts" else ()
        produced.add(table, f"plugin:{name}", plugin_columns(result[name]), *options)
    produced.values["cli"] = {(r["admin_a"], r["admin_b"]): r for r in cd.ogr_rows(out, "pair_summary")}
    produced.values["plugin"] = {(r["admin_a"], r["admin_b"]): r for r in cd.layer_rows(result["PAIR_SUMMARY"])}
    return produced


def test_the_pair_summaries_of_the_tool_and_the_plugin_are_equal(border_outputs: Produced):
    cli, plugin = border_outputs.values["cli"], border_outputs.values["plugin"]
    assert cli.keys() == plugin.keys() == {("A", "B"), ("C", "D"), ("C", "E")}
    for key, row in cli.items():
        assert plugin[key] == pytest.approx(row, abs=1e-6), key


@pytest.fixture(scope="module")
def ruling_outputs(tmp_path_factory) -> Produced:
    sys.path.insert(0, str(REPO / "tests"))
    import priorities_fixture as fx

    tmp_path, produced = tmp_path_factory.mktemp("ruling"), Produced()
    zones, landuse, admin = (fx.write_zones(tmp_path / "hx.gpkg"), fx.write_landuse(tmp_path / "dltb.gpkg"),
                             fx.write_admin(tmp_path / "xzq.gpkg"))
    out = tmp_path / "rule.gpkg"
    res = run_cli("priorities", "rule", "--zones", str(zones), "--type-field", "GNLX", "--landuse", str(landuse),
                  "--deduction-field", "KCXS", "--admin", str(admin), "--admin-name", "XZQMC", "--area", "planar",
                  "-o", str(out))
    assert res.returncode == 0, res.stderr
    tables = {"CONTROLLED": ("controlled_land", "controlled_land"), "ZONE_SUMMARY": ("zone_summary", "rule_summary"),
              "ADMIN_SUMMARY": ("admin_summary", "rule_summary")}
    gpkg_layers(produced, out, dict(tables.values()))
    result = processing.run("guotu:rulingobjective", {
        "ZONES": str(zones), "TYPE_FIELD": "GNLX", "LANDUSE": str(landuse), "CLASS_FIELD": "DLBM",
        "DEDUCTION_FIELD": "KCXS", "ADMIN": str(admin), "ADMIN_ID": "XZQDM", "ADMIN_NAME": "XZQMC", "AREA_METHOD": 1,
        "CONTROLLED": "memory:", "ZONE_SUMMARY": "memory:", "ADMIN_SUMMARY": "memory:"})
    for name, (_layer, table) in tables.items():
        produced.add(table, f"plugin:{name}", plugin_columns(result[name]))
    produced.values["cli"] = {r["fid_in"]: r for r in cd.ogr_rows(out, "zone_summary")}
    produced.values["plugin"] = {r["fid_in"]: r for r in cd.layer_rows(result["ZONE_SUMMARY"])}
    return produced


def test_the_zone_summaries_of_the_ruling_objective_are_equal(ruling_outputs: Produced):
    cli, plugin = ruling_outputs.values["cli"], ruling_outputs.values["plugin"]
    assert cli.keys() == plugin.keys() and len(cli) > 1
    for key, row in cli.items():
        assert plugin[key] == pytest.approx(row, abs=1e-9), key


@pytest.fixture(scope="module")
def lines_outputs(tmp_path_factory) -> Produced:
    import lines_data as ld

    tmp_path, produced = tmp_path_factory.mktemp("lines"), Produced()
    fx = ld.copy_fixture(ld.shared_fixture(tmp_path_factory), tmp_path / "fx")
    out = tmp_path / "cli.gpkg"
    headers = {}
    for how in ("chinese", "names"):
        csv_path = tmp_path / f"{how}.csv"
        res = ld.cli_check(fx, fx / "ws.gpkg", out, "--stats-csv", str(csv_path), "--csv-headers", how)
        assert res.returncode == 0, res.stderr
        headers[how] = csv_path.read_text(encoding="utf-8-sig").splitlines()[0].split(",")
    produced.add("line_stats", "tool:names.csv", [(name, "?") for name in headers["names"]])
    produced.values["headers"] = headers
    gpkg_layers(produced, out, {"line_stats": "line_stats", "notes": "line_notes", "issues": "line_issues",
                                "issue_points": "line_issues"})
    result = processing.run("guotu:threelinescheck", {
        "WORKSPACE": str(fx / "ws.gpkg"), "LANDUSE": f"{fx / 'dltb.gpkg'}|layername=dltb", "CLASS_FIELD": "dlbm",
        "SYSTEM": 1, "AREA_METHOD": 1, "ISSUES": "memory:", "ISSUE_POINTS": "memory:", "LINE_STATS": "memory:",
        "NOTES": "memory:"})
    for name, table in (("LINE_STATS", "line_stats"), ("NOTES", "line_notes"), ("ISSUES", "line_issues"),
                        ("ISSUE_POINTS", "line_issues")):
        produced.add(table, f"plugin:{name}", plugin_columns(result[name]))
    produced.values["issues"] = result["ISSUES"].featureCount()
    produced.values["cli"] = {r["admin_code"]: r for r in cd.ogr_rows(out, "line_stats")}
    produced.values["plugin"] = {r["admin_code"]: r for r in cd.layer_rows(result["LINE_STATS"])}
    return produced


def test_the_three_lines_statistics_of_the_tool_and_the_plugin_are_equal(lines_outputs: Produced):
    with (SCHEMAS / "line_stats.csv").open(encoding="utf-8", newline="") as f:
        titles = [(r["name"], r["title_zh"]) for r in csv.DictReader(f)]
    headers = lines_outputs.values["headers"]
    assert headers["names"] == [n for n, _t in titles] and headers["chinese"] == [t for _n, t in titles]
    assert lines_outputs.values["issues"] > 0
    cli, plugin = lines_outputs.values["cli"], lines_outputs.values["plugin"]
    assert cli.keys() == plugin.keys() and len(cli) > 1
    for key, row in cli.items():
        assert plain(plugin[key]) == pytest.approx(plain(row), abs=1e-6), key


@pytest.fixture(scope="module")
def parcels_outputs(tmp_path_factory) -> Produced:
    import test_parcels_check as tpc

    tmp_path, produced = tmp_path_factory.mktemp("parcels"), Produced()
    fx = {"parcels": pf.write_parcels(tmp_path / "zzdk.gpkg"), "ws": pf.write_workspace(tmp_path / "ws.gpkg"),
          "beaches": pf.write_beaches(tmp_path / "htd.gpkg"), "villages": pf.write_villages(tmp_path / "cun.gpkg")}
    out = tmp_path / "cli.gpkg"
    res = run_cli("parcels", "check", "--parcels", str(fx["parcels"]), "--parcel-id", "dkbh", "--type-field", "zzlx",
                  "--project-field", "xmbh", "--current-field", "xzdl", "--current-system", "SANDIAO_WORK",
                  "--planned-field", "ghdl", "--planned-system", "SANDIAO_WORK", "--workspace", str(fx["ws"]),
                  "--river-beaches", str(fx["beaches"]), "--villages", str(fx["villages"]), "--village-id", "cdm",
                  "--village-name", "cmc", "--area", "planar", "-o", str(out))
    assert res.returncode == 0, res.stderr
    tables = {"PARCEL_CHECKS": "parcel_checks", "PARCEL_REASONS": "parcel_reasons",
              "PROJECT_CHECKS": "project_checks", "VILLAGE_TOTALS": "village_totals"}
    gpkg_layers(produced, out, {table: table for table in tables.values()})
    result = processing.run("guotu:parcelscheck", tpc.params(fx))
    for name, table in tables.items():
        produced.add(table, f"plugin:{name}", plugin_columns(result[name]))
    produced.values["cli"] = {r["project_id"]: r for r in cd.ogr_rows(out, "project_checks")}
    produced.values["plugin"] = {r["project_id"]: r for r in cd.layer_rows(result["PROJECT_CHECKS"])}
    return produced


def test_the_project_checks_of_the_tool_and_the_plugin_are_equal(parcels_outputs: Produced):
    cli, plugin = parcels_outputs.values["cli"], parcels_outputs.values["plugin"]
    assert cli.keys() == plugin.keys() and {"P1", "P2"} <= set(cli)
    assert cli["P2"]["new_cultivated_ratio"] == pytest.approx(3 / 5.5)  # tests/parcels_fixture.py by hand
    for key, row in cli.items():
        assert plain(plugin[key], "fid") == pytest.approx(plain(row, "fid"), abs=1e-9), key


LEDGER_CLI = ("ledger", "--parcel-id", "BSM", "--current-field", "DLBM", "--current-system", "SANDIAO_WORK",
              "--planned-field", "GHDL", "--planned-system", "SANDIAO_WORK", "--unit-id", "DYBH", "--unit-name",
              "DYMC", "--kcxs-field", "KCXS", "--planned-kcxs-field", "GHKCXS", "--grade-field", "GDDB",
              "--planned-grade-field", "GHGDDB", "--farmland-field", "YJJBNT", "--planned-farmland-field", "GHJBNT",
              "--project-field", "XMBH", "--type-field", "ZZLX", "--area", "planar")


def ledger_files(folder: Path) -> Dict[str, Path]:
    return {"parcels": lf.write_parcels(folder / "dltb.gpkg"), "units": lf.write_units(folder / "dy.gpkg"),
            "redline": lf.write_redline(folder / "hx.gpkg"), "beaches": lf.write_beaches(folder / "htd.gpkg"),
            "dir": folder}


def ledger_cli(fx: Dict[str, Path], out: Path, env: Dict[str, str] = None) -> subprocess.CompletedProcess:
    return run_cli(*LEDGER_CLI, "--parcels", str(fx["parcels"]), "--units", str(fx["units"]), "--redline",
                   str(fx["redline"]), "--river-beaches", str(fx["beaches"]), "-o", str(out), env=env)


@pytest.fixture(scope="module")
def ledger_outputs(tmp_path_factory) -> Produced:
    import test_unit_ledger as tul

    tmp_path, produced = tmp_path_factory.mktemp("ledger"), Produced()
    fx = ledger_files(tmp_path)
    out = tmp_path / "cli.gpkg"
    res = ledger_cli(fx, out)
    assert res.returncode == 0, res.stderr
    tables = {"UNIT_LEDGER": "unit_ledger", "UNIT_GRADES": "unit_grades", "CERTIFICATES": "certificates",
              "PROJECT_CERTIFICATES": "project_certificates"}
    gpkg_layers(produced, out, {table: table for table in tables.values()})
    result = processing.run("guotu:unitledger", tul.params(fx))
    for name, table in tables.items():
        produced.add(table, f"plugin:{name}", plugin_columns(result[name]))
    produced.values["cli"] = sorted((r["number"], r["unit_id"], round(r["area_ha"], 9))
                                    for r in cd.ogr_rows(out, "certificates"))
    produced.values["plugin"] = sorted((r["number"], r["unit_id"], round(r["area_ha"], 9))
                                       for r in cd.layer_rows(result["CERTIFICATES"]))
    return produced


def test_the_certificates_of_the_tool_and_the_plugin_are_equal(ledger_outputs: Produced):
    assert ledger_outputs.values["cli"] == ledger_outputs.values["plugin"] and ledger_outputs.values["cli"]


@pytest.fixture(scope="module")
def indicators_outputs(tmp_path_factory) -> Produced:
    import test_binding_indicators as tbi

    tmp_path, produced = tmp_path_factory.mktemp("indicators"), Produced()
    files = tbi.make_fixture(tmp_path)
    out = tmp_path / "cli.gpkg"
    res = run_cli("indicators", "--admin", str(files["admin"]), "--landuse", str(files["landuse"]), "--before",
                  str(files["before"]), "--farmland", str(files["farmland"]), *tbi.target_options(), "--tolerance",
                  "0.02", "--target-unit", "mu", "-o", str(out), "--csv", str(tmp_path / "names.csv"),
                  "--csv-headers", "names")
    assert res.returncode == 0, res.stderr
    gpkg_layers(produced, out, {"indicators": "indicators", "indicator_units": "indicator_units",
                                "notes": "indicator_notes"})
    produced.add("indicators", "tool:names.csv", cli_columns(tmp_path / "names.csv", ""))
    result = processing.run("guotu:bindingindicators", tbi.params(files, TOLERANCE=0.02, TARGET_UNIT=1))
    produced.add("indicators", "plugin:TABLE", plugin_columns(result["TABLE"]))
    produced.add("indicator_units", "plugin:UNITS", plugin_columns(result["UNITS"]))
    produced.values["cli"] = sorted((r["admin_code"], r["indicator"], r["result"]) for r in cd.ogr_rows(out, "indicators"))
    produced.values["plugin"] = sorted((r["admin_code"], r["indicator"], r["result"])
                                       for r in cd.layer_rows(result["TABLE"]))
    return produced


def test_the_indicator_results_of_the_tool_and_the_plugin_are_equal(indicators_outputs: Produced):
    assert indicators_outputs.values["cli"] == indicators_outputs.values["plugin"]
    assert len(indicators_outputs.values["cli"]) == 16


@pytest.fixture(scope="module")
def unit_conversion_outputs(tmp_path_factory) -> Produced:
    """The conversion per survey unit of the before parcels' codes (no zones layer)."""
    import test_conversion_units as tcu

    tmp_path, produced = tmp_path_factory.mktemp("units"), Produced()
    before = tcu._write(tmp_path / "before.gpkg", [(v + "0000000", k, b) for v, k, b in tcu.BEFORE])
    after = tcu._write(tmp_path / "after.gpkg", [("", k, b) for k, b in tcu.AFTER])
    out = tmp_path / "cli.gpkg"
    res = run_cli("convert", "--before", str(before), "--before-class-field", "DLBM", "--before-system",
                  "SANDIAO_WORK", "--after", str(after), "--after-class-field", "DLBM", "--after-system", "SANDIAO_WORK",
                  "--area", "planar", "--zone-code-field", "ZLDWDM", "--zone-code-length", "12", "-o", str(out))
    assert res.returncode == 0, res.stderr
    gpkg_layers(produced, out, {"unit_transitions": "unit_transitions"})
    common = dict(BEFORE_CLASS_FIELD="DLBM", BEFORE_SYSTEM=1, AFTER_CLASS_FIELD="DLBM", AFTER_SYSTEM=1, AREA_METHOD=1,
                  UNIT_CODE_FIELD="ZLDWDM", UNIT_LEVEL=2, CONVERSIONS="memory:", TRANSITIONS="memory:",
                  STATUS_SUMMARY="memory:", UNKNOWN="memory:", UNIT_TRANSITIONS="memory:")
    layers = [QgsVectorLayer(str(p), p.stem, "ogr") for p in (before, after)]
    through_qgis = cd.run_algorithm({**common, "BEFORE": layers[0], "AFTER": layers[1]})
    produced.add("unit_transitions", "plugin:UNIT_TRANSITIONS", plugin_columns(through_qgis["UNIT_TRANSITIONS"]))
    return produced


@pytest.fixture(scope="module")
def framework_outputs(tmp_path_factory) -> Produced:
    """The transmission framework: the catalogue check (with the county roll-up), the
    indicators (the catalogue tables again) and the rounds, by the tool and the plugin."""
    import frame_data as fd
    import test_frame_catalogue as tfc
    import test_frame_indicators as tfi
    import test_frame_rounds as tfr

    tmp_path, produced = tmp_path_factory.mktemp("framework"), Produced()
    catalogue = fd.make_fixture(tmp_path_factory.mktemp("frame_catalogue"))
    counties = tmp_path / "counties.csv"
    counties.write_text("county,city\n3201,3202\n", encoding="utf-8")
    out = tmp_path / "catalogue.gpkg"
    res = fd.run_cli(catalogue, out, "--counties", str(counties))
    assert res.returncode == 0, res.stderr
    tables = {"CATALOGUE_FINDINGS": "catalogue_findings", "CATALOGUE_CITIES": "catalogue_cities",
              "COUNTY_ROLLUP": "county_rollup"}
    gpkg_layers(produced, out, {table: table for table in tables.values()})
    result = processing.run("guotu:framecatalogue", tfc.params(catalogue, COUNTIES=str(counties),
                                                               COUNTY_ROLLUP="memory:"))
    for name, table in tables.items():
        produced.add(table, f"plugin:framecatalogue {name}", plugin_columns(result[name]))
    produced.values["county_rollup"] = (sorted(map(tuple, (r.values() for r in cd.ogr_rows(out, "county_rollup")))),
                                        sorted(map(tuple, (r.values() for r in cd.layer_rows(result["COUNTY_ROLLUP"])))))

    plane = fd.make_indicator_fixture(tmp_path_factory.mktemp("frame_indicators"))
    out = tmp_path / "indicators.gpkg"
    res = fd.run_indicators_cli(plane, out)
    assert res.returncode == 0, res.stderr
    tables = {"ELEMENT_INDICATORS": "element_indicators", "INDICATOR_FINDINGS": "indicator_findings",
              "CATALOGUE_FINDINGS": "catalogue_findings", "CATALOGUE_CITIES": "catalogue_cities"}
    gpkg_layers(produced, out, {table: table for table in tables.values()})
    result = processing.run("guotu:frameindicators", tfi.params(plane))
    for name, table in tables.items():
        produced.add(table, f"plugin:frameindicators {name}", plugin_columns(result[name]))

    rounds = fd.make_rounds_fixture(tmp_path_factory.mktemp("frame_rounds"))
    out = tmp_path / "rounds.gpkg"
    res = fd.run_rounds_cli(rounds, out)
    assert res.returncode == 0, res.stderr
    gpkg_layers(produced, out, {table: table for table in tfr.TABLES.values()})
    result = processing.run("guotu:framerounds", tfr.params(rounds))
    for name, table in tfr.TABLES.items():
        produced.add(table, f"plugin:framerounds {name}", plugin_columns(result[name]))
    produced.values["return_summary"] = (sorted(tuple(r.values()) for r in cd.ogr_rows(out, "return_summary")),
                                         sorted(tuple(r.values()) for r in cd.layer_rows(result["RETURN_SUMMARY"])))
    return produced


def test_the_county_rollup_and_return_summary_of_the_tool_and_the_plugin_are_equal(framework_outputs: Produced):
    for table in ("county_rollup", "return_summary"):
        cli, plugin = framework_outputs.values[table]
        assert cli == plugin and cli, table


@pytest.fixture(scope="module")
def voucher_outputs(tmp_path_factory) -> Produced:
    """The voucher accounting within the bottom lines, by counties, with its market, and the
    accounts over years: every table of the tool and the plugin's sinks for them."""
    import test_voucher_cli_parity as tvp
    import test_voucher_ledger as tvl
    import voucher_data as vd
    from testdata import memory_layer, write_gpkg

    tmp_path, produced = tmp_path_factory.mktemp("voucher"), Produced()
    sources = vd.write_fixture(tmp_path)
    workspace = tvp._workspace(tmp_path / "lines.gpkg")
    counties = memory_layer("Polygon", "&field=xzqdm:string&field=xzqmc:string",
                            [(["C1", "甲县"], vd.box_wkt((0, 0, 2000, 1000))),
                             (["C2", "乙县"], vd.box_wkt((2000, 0, 3000, 1000)))], "counties")
    counties_file = write_gpkg(counties, tmp_path / "counties.gpkg", "counties").split("|")[0]
    common = ("voucher", "--zones", str(tmp_path / "zones.gpkg"), "--zone-id", "code", "--zone-name", "name",
              "--gdp-field", "gdp", "--pop-field", "pop", "--base", str(tmp_path / "base.gpkg"), "--base-class-field",
              "lucc", "--target", str(tmp_path / "target.gpkg"), "--target-class-field", "lucc", "--price", "1000",
              "--reference", "zones", "--area", "planar")
    lines_out, counties_out = tmp_path / "voucher_cli.gpkg", tmp_path / "counties_cli.gpkg"
    res = run_cli(*common, "--workspace", str(workspace), "-o", str(lines_out))
    assert res.returncode == 0, res.stderr
    res = run_cli(*common, "--counties", counties_file, "--county-id", "xzqdm", "--county-name", "xzqmc", "-o",
                  str(counties_out))
    assert res.returncode == 0, res.stderr
    gpkg_layers(produced, lines_out, {"voucher": "voucher", "violations": "voucher_violations",
                                      "voucher_classes": "voucher_classes", "unknown_codes": "voucher_unknown_codes",
                                      "summary": "voucher_summary", "trades": "voucher_trades",
                                      "ledger": "voucher_ledger", "ledger_trades": "voucher_ledger_trades"})
    gpkg_layers(produced, counties_out, {"voucher_counties": "voucher_counties"})
    account = vd.run_accounting(sources, PRICE=1000, AREA_METHOD=1, WORKSPACE=str(workspace), VIOLATIONS="memory:")
    for name, table in (("VOUCHER", "voucher"), ("VIOLATIONS", "voucher_violations"), ("CLASSES", "voucher_classes"),
                        ("UNKNOWN", "voucher_unknown_codes"), ("SUMMARY", "voucher_summary")):
        produced.add(table, f"plugin:voucheraccounting {name}", plugin_columns(account[name]))
    by_county = vd.run_accounting(vd.fixture_layers(), AREA_METHOD=1, PRICE=1000, COUNTIES=counties,
                                  COUNTY_ID="xzqdm", COUNTY_NAME="xzqmc", COUNTIES_OUTPUT="memory:")
    produced.add("voucher_counties", "plugin:voucheraccounting COUNTIES_OUTPUT",
                 plugin_columns(by_county["COUNTIES_OUTPUT"]))
    market = vd.run_market(account["VOUCHER"], PRICE=1000)
    produced.add("voucher_trades", "plugin:vouchermarket TRADES", plugin_columns(market["TRADES"]))
    produced.add("voucher_summary", "plugin:vouchermarket SUMMARY", plugin_columns(market["SUMMARY"]))
    files = tvl.write_surveys(tmp_path_factory.mktemp("voucher_years"))
    csv_path = tmp_path / "plugin_ledger.csv"
    years = processing.run("guotu:voucherledger", tvl.ledger_params(files, LEDGER_CSV=str(csv_path)))
    for name, table in (("LEDGER", "voucher_ledger"), ("LEDGER_TRADES", "voucher_ledger_trades")):
        produced.add(table, f"plugin:voucherledger {name}", plugin_columns(years[name]))
    produced.add("voucher_ledger", "plugin:voucherledger LEDGER_CSV", cli_columns(csv_path, ""))
    out = tmp_path / "years.gpkg"
    res = run_cli("voucher", "--zones", files["zones"].split("|")[0], "--zone-id", "code", "--zone-name", "name",
                  "--gdp-field", "gdp", "--pop-field", "pop", "--reference", "zones", "--area", "planar", "--base",
                  files[2019].split("|")[0], "--base-class-field", "lucc", "--target-class-field", "lucc",
                  *[a for y in (2020, 2021, 2022) for a in ("--period", f"{y}={files[y].split('|')[0]}")],
                  "--caps", "10,100,100", "--price", "1000", "-o", str(out))
    assert res.returncode == 0, res.stderr
    produced.add("voucher_ledger", "tool:years_ledger.csv", cli_columns(tmp_path / "years_ledger.csv", ""))
    produced.values["ledger"] = (csv_path.read_bytes(), (tmp_path / "years_ledger.csv").read_bytes())
    produced.values["violations"] = ([(r["zone_id"], r["from_code"], r["to_code"])
                                      for r in cd.ogr_rows(lines_out, "violations")],
                                     [(r["zone_id"], r["from_code"], r["to_code"])
                                      for r in cd.layer_rows(account["VIOLATIONS"])])
    return produced


def test_the_voucher_ledger_csv_and_violations_of_the_tool_and_the_plugin_are_equal(voucher_outputs: Produced):
    plugin_csv, cli_csv = voucher_outputs.values["ledger"]
    assert plugin_csv == cli_csv and plugin_csv.count(b"\n") == 7  # header and 3 periods × 2 zones
    cli, plugin = voucher_outputs.values["violations"]
    assert cli == plugin and len(cli) == 1


def collapse_objectives(columns: List[Tuple[str, str]], objectives: List[str]) -> List[Tuple[str, str]]:
    """ranked_sites' columns with its objective columns (they must come together, in the order
    given, each real) back as the schema's one row {objectives}."""
    names = [name for name, _kind in columns]
    start = names.index(objectives[0])
    assert columns[start:start + len(objectives)] == [(name, "real") for name in objectives], columns
    return columns[:start] + [("{objectives}", "real")] + columns[start + len(objectives):]


@pytest.fixture(scope="module")
def ranking_outputs(tmp_path_factory) -> Produced:
    """Pareto ranking of candidate sites on two objectives (and in another order)."""
    import priorities_fixture as fx
    import test_priorities as tp

    tmp_path, produced = tmp_path_factory.mktemp("ranking"), Produced()
    sites = fx.write_sites(tmp_path / "sites.gpkg")
    for order in (["cost", "benefit"], ["benefit", "cost"]):
        out = tmp_path / f"{'_'.join(order)}.gpkg"
        directions = {"cost": "min", "benefit": "max"}
        res = run_cli("priorities", "rank", "--sites", str(sites), "--site-id", "DKBH",
                      *[a for name in order for a in ("--objective", f"{name}:{directions[name]}")],
                      "--lexicographic", ",".join(order), "-o", str(out))
        assert res.returncode == 0, res.stderr
        produced.add("ranked_sites", f"tool:{out.name}", collapse_objectives(cli_columns(out, "ranked_sites"), order))
        result = processing.run("guotu:paretosites", tp.rank_params(
            sites, OBJECTIVES=", ".join(f"{name}:{directions[name]}" for name in order),
            LEXICOGRAPHIC=",".join(order)))
        produced.add("ranked_sites", f"plugin:paretosites {order}",
                     collapse_objectives(plugin_columns(result["RANKED"]), order))
        produced.values[tuple(order)] = (
            sorted((r["site_fid"], r["front"], r["lex_rank"], r["cost"]) for r in cd.ogr_rows(out, "ranked_sites")),
            sorted((r["site_fid"], r["front"], r["lex_rank"], r["cost"]) for r in cd.layer_rows(result["RANKED"])))
    return produced


def test_the_ranked_sites_of_the_tool_and_the_plugin_are_equal(ranking_outputs: Produced):
    for order, (cli, plugin) in ranking_outputs.values.items():
        assert cli == plugin and len(cli) == 9, order


# Which run writes each table (a module fixture above); every schema file must be here.
PRODUCERS = {
    "tally": "tally_outputs", "area_check": "tally_outputs",
    "conversions": "conversion_outputs", "transitions": "conversion_outputs", "status_summary": "conversion_outputs",
    "unknown_codes": "conversion_outputs", "line_summary": "conversion_outputs",
    "unit_transitions": "unit_conversion_outputs",
    "border_conflicts": "border_outputs", "shared_borders": "border_outputs", "pair_summary": "border_outputs",
    "basemap_issues": "border_outputs",
    "controlled_land": "ruling_outputs", "rule_summary": "ruling_outputs", "ranked_sites": "ranking_outputs",
    "line_issues": "lines_outputs", "line_stats": "lines_outputs", "line_notes": "lines_outputs",
    "parcel_checks": "parcels_outputs", "parcel_reasons": "parcels_outputs", "project_checks": "parcels_outputs",
    "village_totals": "parcels_outputs",
    "unit_ledger": "ledger_outputs", "unit_grades": "ledger_outputs", "certificates": "ledger_outputs",
    "project_certificates": "ledger_outputs",
    "catalogue_findings": "framework_outputs", "catalogue_cities": "framework_outputs",
    "county_rollup": "framework_outputs", "element_indicators": "framework_outputs",
    "indicator_findings": "framework_outputs", "round_comparison": "framework_outputs",
    "return_list": "framework_outputs", "return_summary": "framework_outputs",
    "voucher": "voucher_outputs", "voucher_counties": "voucher_outputs", "voucher_violations": "voucher_outputs",
    "voucher_classes": "voucher_outputs", "voucher_unknown_codes": "voucher_outputs",
    "voucher_summary": "voucher_outputs", "voucher_trades": "voucher_outputs", "voucher_ledger": "voucher_outputs",
    "voucher_ledger_trades": "voucher_outputs",
    "indicators": "indicators_outputs", "indicator_units": "indicators_outputs", "indicator_notes": "indicators_outputs",
}
# Tables only the tool writes, and why.
TOOL_ONLY = {"indicator_notes": "the plugin gives the notes as the algorithm's messages"}
SCHEMA_TABLES = sorted(p.stem for p in SCHEMAS.glob("*.csv"))


def test_every_run_here_names_a_schema_file():
    assert set(PRODUCERS) <= set(SCHEMA_TABLES), set(PRODUCERS) - set(SCHEMA_TABLES)
    assert len(SCHEMA_TABLES) >= 27


@pytest.mark.parametrize("table", SCHEMA_TABLES)
def test_every_table_of_the_tool_and_the_plugin_follows_its_schema(table: str, request):
    """Every resources/schemas/<table>.csv: each layer and file the tool and the plugin write
    for that table has the schema's columns (names, order, types)."""
    assert table in PRODUCERS, f"resources/schemas/{table}.csv: no run in this test writes the table"
    produced: Produced = request.getfixturevalue(PRODUCERS[table])
    written = produced.tables.get(table, [])
    sides = {where.split(":")[0] for where, _columns, _options in written}
    assert sides == ({"tool"} if table in TOOL_ONLY else {"tool", "plugin"}), (table, sides)
    for where, columns, options in written:
        assert_columns(columns, table, *options, where=where)


def reversed_resources(folder: Path, *tables: str) -> Path:
    """A copy of the presets and schemas with the columns of ``tables`` in reverse order."""
    resources = folder / "resources"
    shutil.copytree(REPO / "resources" / "presets", resources / "presets")
    shutil.copytree(SCHEMAS, resources / "schemas")
    for table in tables:
        path = resources / "schemas" / f"{table}.csv"
        header, *rows = path.read_text(encoding="utf-8").splitlines()
        path.write_text("\n".join([header] + rows[::-1]) + "\n", encoding="utf-8")
    return resources


def test_a_schema_in_another_order_reorders_the_tool_and_the_plugin(guotu, package: Path, tmp_path: Path,
                                                                    monkeypatch):
    """Reversed tally and area_check schemas: the tool's CSV starts with area_ha, the plugin's
    table too, and every value is still under its own name (equal to the normal run's)."""
    import guotu.inputs.table_schemas as table_schemas

    gdb = str(package)
    resources = reversed_resources(tmp_path, "tally", "area_check")
    normal, turned = tmp_path / "normal.csv", tmp_path / "turned.csv"
    for out, env in ((normal, None), (turned, dict(os.environ, GUOTU_RESOURCES=str(resources)))):
        res = run_cli(*TALLY_NAMED, "--landuse", gdb, "--landuse-layer", "DLTB", "-o", str(out), env=env)
        assert res.returncode == 0, res.stderr

    def rows(path: Path) -> Tuple[List[str], List[dict]]:
        with path.open(encoding="utf-8", newline="") as f:
            reader = csv.DictReader(f)
            return list(reader.fieldnames), list(reader)

    header, turned_rows = rows(turned)
    assert header == ["area_ha", "class_code", "zone_id"]
    assert turned_rows == rows(normal)[1] and len(turned_rows) > 5
    check_header, check_rows = rows(tmp_path / "turned_area_check.csv")
    assert check_header[0] == "difference_ppm" and check_header[-1] == "fid"
    assert check_rows == rows(tmp_path / "normal_area_check.csv")[1]

    landuse = QgsVectorLayer(f"{gdb}|layername=DLTB", "DLTB", "ogr")
    params = {"ZONES": f"{gdb}|layername=XZQ", "ZONE_ID": "XZQDM", "LANDUSE": landuse, "CLASS_FIELD": "DLBM",
              "AREA_CHECK_ABS": 0, "AREA_CHECK_REL": 0, "OUTPUT": "memory:", "AREA_CHECK": "memory:"}
    before = processing.run("guotu:areabyclass", params)
    monkeypatch.setattr(table_schemas, "resources_dir", lambda: resources)
    after = processing.run("guotu:areabyclass", params)
    assert after["OUTPUT"].fields().names() == ["area_ha", "class_code", "zone_id"]
    assert after["AREA_CHECK"].fields().names()[0] == "difference_ppm"
    for name in ("OUTPUT", "AREA_CHECK"):
        key = "fid" if name == "AREA_CHECK" else None

        def by_name(layer: QgsVectorLayer) -> List[dict]:
            records = [{n: f[n] for n in layer.fields().names()} for f in layer.getFeatures()]
            return sorted(records, key=lambda r: r[key] if key else (r["zone_id"], r["class_code"]))

        assert by_name(after[name]) == by_name(before[name]) and len(by_name(after[name])) > 5


def test_schema_errors_name_the_file_and_line(guotu, tmp_path: Path):
    from guotu.inputs.table_schemas import SchemaError, parse_schema, table_schema

    good = table_schema("tally")
    assert good.names() == ("zone_id", "class_code", "area_ha")
    assert good.names("zone_names") == ("zone_id", "zone_name", "class_code", "area_ha")
    fields, arrange = good.layout(("area_ha", "zone_id", "zone_name", "class_code"))
    assert fields.names() == ["zone_id", "class_code", "area_ha"] and arrange((2.5, "Z", "x", "0101")) == \
        ["Z", "0101", 2.5]
    with pytest.raises(SchemaError, match="has no column 'zone'"):
        good.layout(("zone", "class_code", "area_ha"))
    with pytest.raises(SchemaError, match="has a column 'area_ha' this writer does not fill"):
        good.layout(("zone_id", "class_code"))
    header = "name,type,width,title_zh,only_with\n"
    for body, message in (("a,text,0,,\nb,float,0,,\n", "line 3: the row has a type other than text, real or integer"),
                          ("a,text,-1,,\n", "line 2: the row has a width that is not a whole number >= 0"),
                          ("a,text,0,,\na,real,0,,\n", "line 3: the row declares a column a second time"),
                          ("a,text,0\n", "line 2: the row needs the 5 fields")):
        with pytest.raises(SchemaError, match=message):
            parse_schema(header + body, "t", "t.csv")
    with pytest.raises(SchemaError, match="the header must be"):
        parse_schema("name,kind\n", "t", "t.csv")


@pytest.mark.parametrize("body, message", [
    ("zone_id,text,0,,\nclass_code,txt,0,,\narea_ha,real,0,,\n",
     "line 3: the row has a type other than text, real or integer"),
    ("zone_id,text,0,,\nzone_name,text,0,,zone_names\nclass_code,text,0,,\n", "has no column 'area_ha'"),
    ("zone_id,text,0,,\nzone_name,text,0,,zone_names\nclass_code,text,0,,\narea_ha,real,0,,\nnote,text,0,,\n",
     "has a column 'note' this writer does not fill"),
])
def test_the_tool_refuses_a_schema_its_writer_does_not_match(package: Path, tmp_path: Path, body: str,
                                                             message: str):
    """A broken or disagreeing schema stops the tool before any output, naming the file."""
    resources = reversed_resources(tmp_path)
    (resources / "schemas" / "tally.csv").write_text("name,type,width,title_zh,only_with\n" + body, encoding="utf-8")
    out = tmp_path / "out.csv"
    res = run_cli(*TALLY_NAMED[:-6], "--landuse", str(package), "--landuse-layer", "DLTB", "-o", str(out),
                  env=dict(os.environ, GUOTU_RESOURCES=str(resources)))
    assert res.returncode == 1
    assert "tally.csv" in res.stderr and re.search(message, res.stderr), res.stderr
    assert not out.exists() and not list(tmp_path.glob("out*.csv"))


def by_name(path: Path, layer: str, key: str) -> Dict[Any, dict]:
    return {r[key]: r for r in cd.ogr_rows(path, layer)}


def test_reversed_schemas_reverse_the_parcel_ledger_and_indicator_tables_of_the_tool(tmp_path: Path):
    """The tool's parcel check, unit ledger and binding indicators with every one of their
    schemas reversed: each layer's columns come in the reversed order, every value under its
    own name equal to the normal run's (the XLSX sheets follow too)."""
    import test_binding_indicators as tbi

    tables = ("parcel_checks", "parcel_reasons", "project_checks", "village_totals", "unit_ledger", "unit_grades",
              "certificates", "project_certificates", "indicators", "indicator_units", "indicator_notes")
    turned_env = dict(os.environ, GUOTU_RESOURCES=str(reversed_resources(tmp_path / "turned", *tables)))
    parcels = {"parcels": pf.write_parcels(tmp_path / "zzdk.gpkg"), "ws": pf.write_workspace(tmp_path / "ws.gpkg")}
    ledger = ledger_files(tmp_path)
    (tmp_path / "ind").mkdir()
    indicators = tbi.make_fixture(tmp_path / "ind")
    outputs = {}
    for how, env in (("normal", None), ("turned", turned_env)):
        out = {name: tmp_path / f"{name}_{how}.gpkg" for name in ("parcels", "ledger", "indicators")}
        res = run_cli("parcels", "check", "--parcels", str(parcels["parcels"]), "--parcel-id", "dkbh", "--type-field",
                      "zzlx", "--project-field", "xmbh", "--current-field", "xzdl", "--current-system",
                      "SANDIAO_WORK", "--planned-field", "ghdl", "--planned-system", "SANDIAO_WORK", "--workspace",
                      str(parcels["ws"]), "--area", "planar", "-o", str(out["parcels"]), "--xlsx",
                      str(tmp_path / f"parcels_{how}.xlsx"), env=env)
        assert res.returncode == 0, res.stderr
        res = ledger_cli(ledger, out["ledger"], env=env)
        assert res.returncode == 0, res.stderr
        res = run_cli("indicators", "--admin", str(indicators["admin"]), "--landuse", str(indicators["landuse"]),
                      "--farmland", str(indicators["farmland"]), *tbi.target_options(), "-o", str(out["indicators"]),
                      "--csv", str(tmp_path / f"indicators_{how}.csv"), "--csv-headers", "names", env=env)
        assert res.returncode == 0, res.stderr
        outputs[how] = out
    layers = {("parcels", "parcel_checks"): "parcel_id", ("parcels", "project_checks"): "project_id",
              ("parcels", "village_totals"): "village_id", ("ledger", "unit_ledger"): "unit_id",
              ("ledger", "certificates"): "number", ("ledger", "project_certificates"): "project_id",
              ("indicators", "indicator_units"): "admin_code"}
    for (run, layer), key in layers.items():
        normal, turned = outputs["normal"][run], outputs["turned"][run]
        assert [n for n, _t in cli_columns(turned, layer)][1:] == [n for n, _t in cli_columns(normal, layer)][1:][::-1]
        rows = by_name(turned, layer, key)
        assert rows == by_name(normal, layer, key) and len(rows) >= 1, layer
    for run, layer in (("parcels", "parcel_reasons"), ("ledger", "unit_grades"), ("indicators", "indicators"),
                       ("indicators", "notes")):
        normal, turned = (sorted(map(str, map(sorted, (r.items() for r in cd.ogr_rows(outputs[how][run], layer)))))
                          for how in ("normal", "turned"))
        assert turned == normal and turned, layer
    names = [n for n, _t in schema("indicators")]
    header = (tmp_path / "indicators_turned.csv").read_text(encoding="utf-8-sig").splitlines()[0]
    assert header.split(",") == names[::-1]
    with (tmp_path / "indicators_normal.csv").open(encoding="utf-8-sig", newline="") as f:
        normal_rows = list(csv.DictReader(f))
    with (tmp_path / "indicators_turned.csv").open(encoding="utf-8-sig", newline="") as f:
        assert list(csv.DictReader(f)) == normal_rows and len(normal_rows) == 16
    workbook = ogr.Open(str(tmp_path / "parcels_turned.xlsx"))  # kept referenced: its layers die with it
    sheet = workbook.GetLayerByName("village_totals")
    assert [d.GetName() for d in sheet.schema][0] == "整治面积（亩）"  # area_mu, the last column, comes first
    workbook = None


@pytest.mark.parametrize("table, body, message", [
    ("unit_ledger", "unit_id,text,64,单元编号,\nnote,text,0,,\n", "has no column 'name'"),
    ("certificates", None, "has a column 'extra' this writer does not fill"),
    ("parcel_checks", None, "has a column 'extra' this writer does not fill"),
    ("indicator_units", "admin_code,text,12,,\n", "has no column 'admin_name'"),
    ("voucher_ledger", None, "has a column 'extra' this writer does not fill"),
    ("return_summary", "city_id,text,0,,\n", "has no column 'returned'"),
    ("element_indicators", None, "has a column 'extra' this writer does not fill"),
    ("ranked_sites", "site_fid,integer,0,,\nsite_id,text,0,,\nfront,integer,0,,\ncrowding,real,0,,\n"
                     "lex_rank,integer,0,,\n", "has no column '{objectives}'"),
])
def test_the_tool_stops_before_the_run_on_a_schema_its_writer_does_not_fill(tmp_path: Path, table: str, body: str,
                                                                             message: str):
    """A schema that lacks a column the ledger, parcel or indicator writer fills, or names one
    it does not, stops the tool before it reads any input, naming the file; nothing is written."""
    import test_binding_indicators as tbi

    resources = reversed_resources(tmp_path)
    path = resources / "schemas" / f"{table}.csv"
    text = path.read_text(encoding="utf-8")
    header = text.splitlines()[0]
    path.write_text(header + "\n" + body if body else text + "extra,text,0,,\n", encoding="utf-8")
    env = dict(os.environ, GUOTU_RESOURCES=str(resources))
    out = tmp_path / "out.gpkg"
    if table in ("unit_ledger", "certificates"):
        res = ledger_cli(ledger_files(tmp_path), out, env=env)
    elif table == "voucher_ledger":
        import voucher_data as vd

        vd.write_fixture(tmp_path)
        res = run_cli("voucher", "--zones", str(tmp_path / "zones.gpkg"), "--zone-id", "code", "--gdp-field", "gdp",
                      "--pop-field", "pop", "--base", str(tmp_path / "base.gpkg"), "--base-class-field", "lucc",
                      "--target", str(tmp_path / "target.gpkg"), "--target-class-field", "lucc", "--price", "1000",
                      "-o", str(out), env=env)
    elif table == "return_summary":
        import frame_data as fd

        (tmp_path / "rounds").mkdir()
        rounds = fd.make_rounds_fixture(tmp_path / "rounds")
        res = run_cli("framework", "rounds", "--previous", str(rounds / "r0_border.gpkg"), "--current",
                      str(rounds / "r1_border.gpkg"), "-o", str(out), env=env)
    elif table == "element_indicators":
        import frame_data as fd

        (tmp_path / "plane").mkdir()
        plane = fd.make_indicator_fixture(tmp_path / "plane")
        res = run_cli("framework", "indicators", "--catalogue", str(plane / "cat.csv"), "--elements",
                      str(plane / "parts.gpkg"), "--city-field", "city", "--element-field", "ysbh", "--band", "100",
                      "-o", str(out), env=env)
    elif table == "ranked_sites":
        import priorities_fixture as fx

        sites = fx.write_sites(tmp_path / "sites.gpkg")
        res = run_cli("priorities", "rank", "--sites", str(sites), "--objective", "cost:min", "--objective",
                      "benefit:max", "-o", str(out), env=env)
    elif table == "parcel_checks":
        parcels, ws = pf.write_parcels(tmp_path / "zzdk.gpkg"), pf.write_workspace(tmp_path / "ws.gpkg")
        res = run_cli("parcels", "check", "--parcels", str(parcels), "--parcel-id", "dkbh", "--type-field", "zzlx",
                      "--current-field", "xzdl", "--current-system", "SANDIAO_WORK", "--planned-field", "ghdl",
                      "--planned-system", "SANDIAO_WORK", "--workspace", str(ws), "-o", str(out), env=env)
    else:
        (tmp_path / "ind").mkdir()
        files = tbi.make_fixture(tmp_path / "ind")
        res = run_cli("indicators", "--admin", str(files["admin"]), "--landuse", str(files["landuse"]),
                      *tbi.target_options(), "-o", str(out), env=env)
    assert res.returncode == 1
    assert f"{table}.csv" in res.stderr and re.search(message, res.stderr), res.stderr
    assert not out.exists() and not list(tmp_path.glob("out*"))
    assert "%" not in res.stdout  # no progress: the run never started


def test_the_ranked_sites_put_the_objectives_where_the_schema_places_them(tmp_path: Path):
    """ranked_sites with its schema reversed: lex_rank first, site_fid last, the objective
    columns (in the order given) where {objectives} stands; the values under their names."""
    import priorities_fixture as fx

    sites = fx.write_sites(tmp_path / "sites.gpkg")
    env = dict(os.environ, GUOTU_RESOURCES=str(reversed_resources(tmp_path / "turned", "ranked_sites")))
    outputs = {}
    for how, run_env in (("normal", None), ("turned", env)):
        outputs[how] = tmp_path / f"{how}.gpkg"
        res = run_cli("priorities", "rank", "--sites", str(sites), "--site-id", "DKBH", "--objective", "cost:min",
                      "--objective", "benefit:max", "-o", str(outputs[how]), env=run_env)
        assert res.returncode == 0, res.stderr
    names = [n for n, _t in cli_columns(outputs["turned"], "ranked_sites")][1:]
    assert names == ["lex_rank", "crowding", "front", "cost", "benefit", "site_id", "site_fid"]
    assert by_name(outputs["turned"], "ranked_sites", "site_fid") == \
        by_name(outputs["normal"], "ranked_sites", "site_fid")
