"""The output tables declared once, in resources/schemas/<table>.csv: the tool's tables and the
plugin's sinks have exactly the schema's columns (names, order, types) — the tally (with and
without zone names), the area check, the conversion map (with and without the three lines) and
its transitions, status summary, unknown codes and line summary, the border conflicts (the
plugin's with the review columns), shared borders, base-map issues and pair summary, the
controlled land of the ruling objective and its zone and admin summaries, the three-lines
issues, statistics (and their CSV headers) and notes — and a
schema that orders the columns otherwise reorders the plugin's tables and the tool's alike,
values following their names."""

import csv
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Dict, List, Tuple

import pytest
from osgeo import ogr
from qgis import processing
from qgis.PyQt.QtCore import QVariant
from qgis.core import QgsVectorLayer

import conversion_data as cd
from conftest import BUILD_DIR, REPO
from test_conversion_workspace import make_workspace

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
        with path.open(encoding="utf-8", newline="") as f:
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


def assert_columns(got: List[Tuple[str, str]], table: str, *options: str) -> None:
    want = schema(table, *options)
    if got and got[0] == ("fid", "integer") and want[0] != ("fid", "integer"):
        got = got[1:]  # the GeoPackage's own FID column
    if got and got[0][1] == "?":  # CSV: names only
        want = [(name, "?") for name, _t in want]
    assert got == want, (table, options)


def run_cli(*args: str, env: Dict[str, str] = None) -> subprocess.CompletedProcess:
    return subprocess.run([str(GUOTU), *args], capture_output=True, text=True, timeout=300, env=env)


@pytest.fixture(scope="module")
def package(tmp_path_factory) -> Path:
    sys.path.insert(0, str(REPO / "tests"))
    from sandiao_package import make_package

    return make_package(tmp_path_factory.mktemp("schema_package"))


TALLY_NAMED = ("tally", "--zone-code-field", "ZLDWDM", "--zone-code-length", "9", "--class-field", "DLBM",
               "--area-check", "TBMJ", "--area-check-abs", "0", "--area-check-rel", "0")


def test_tally_and_area_check_of_the_tool_and_the_plugin_have_the_schemas_columns(package: Path, tmp_path: Path):
    gdb = str(package)
    named = tmp_path / "named.gpkg"
    res = run_cli(*TALLY_NAMED, "--landuse", gdb, "--landuse-layer", "DLTB", "--zone-names", gdb,
                  "--zone-names-layer", "XZQ", "-o", str(named))
    assert res.returncode == 0, res.stderr
    assert_columns(cli_columns(named, "tally"), "tally", "zone_names")
    assert_columns(cli_columns(named, "area_check"), "area_check")
    plain = tmp_path / "plain.csv"
    res = run_cli(*TALLY_NAMED, "--landuse", gdb, "--landuse-layer", "DLTB", "-o", str(plain))
    assert res.returncode == 0, res.stderr
    assert_columns(cli_columns(plain, ""), "tally")
    assert_columns(cli_columns(tmp_path / "plain_area_check.csv", ""), "area_check")
    with (tmp_path / "plain_area_check.csv").open(encoding="utf-8", newline="") as f:
        assert len(list(csv.DictReader(f))) > 100  # no tolerance: every parcel is a finding

    by_code = {"LANDUSE": f"{gdb}|layername=DLTB", "CLASS_FIELD": "DLBM", "UNIT_CODE_FIELD": "ZLDWDM", "LEVEL": 1,
               "AREA_CHECK_ABS": 0, "AREA_CHECK_REL": 0, "OUTPUT": "memory:", "AREA_CHECK": "memory:"}
    out = processing.run("guotu:areabyunitcode", by_code)
    assert_columns(plugin_columns(out["OUTPUT"]), "tally")
    assert_columns(plugin_columns(out["AREA_CHECK"]), "area_check")
    out = processing.run("guotu:areabyunitcode", dict(by_code, NAMES=f"{gdb}|layername=XZQ",
                                                      NAMES_CODE_FIELD="XZQDM", NAMES_NAME_FIELD="XZQMC"))
    assert_columns(plugin_columns(out["OUTPUT"]), "tally", "zone_names")
    landuse = QgsVectorLayer(f"{gdb}|layername=DLTB", "DLTB", "ogr")
    by_zone = {"ZONES": f"{gdb}|layername=XZQ", "ZONE_ID": "XZQDM", "LANDUSE": landuse, "CLASS_FIELD": "DLBM",
               "AREA_CHECK_ABS": 0, "AREA_CHECK_REL": 0, "OUTPUT": "memory:", "AREA_CHECK": "memory:"}
    out = processing.run("guotu:areabyclass", by_zone)
    assert_columns(plugin_columns(out["OUTPUT"]), "tally")
    assert_columns(plugin_columns(out["AREA_CHECK"]), "area_check")
    assert out["AREA_CHECK"].featureCount() > 100


@pytest.mark.parametrize("lines", [False, True])
def test_conversion_tables_of_the_tool_and_the_plugin_have_the_schemas_columns(tmp_path: Path, lines: bool):
    paths = cd.write_fixture(tmp_path)
    extra = ("--workspace", str(make_workspace(tmp_path))) if lines else ()
    options = ("lines",) if lines else ()
    out = tmp_path / "cli.gpkg"
    res = cd.cli_convert(paths["before"], paths["after"], out, "--zones", str(paths["zones"]), "--zone-id", "code",
                         "--area", "planar", *extra)
    assert res.returncode == 0, res.stderr
    tables = [("CONVERSIONS", "conversions"), ("TRANSITIONS", "transitions"), ("STATUS_SUMMARY", "status_summary"),
              ("UNKNOWN", "unknown_codes")] + ([("LINE_SUMMARY", "line_summary")] if lines else [])
    for _output, table in tables:
        assert_columns(cli_columns(out, table), table, *options)
    assert ogr.Open(str(out)).GetLayerByName("line_summary") is None or lines
    layers = cd.fixture_layers()
    workspace = {"WORKSPACE": extra[1], "LINE_SUMMARY": "memory:"} if lines else {}
    through_qgis = cd.run_algorithm(cd.params(layers["before"], layers["after"], layers["zones"], **workspace))
    from_files = cd.run_algorithm(cd.params(str(paths["before"]), str(paths["after"]), str(paths["zones"]),
                                            **dict(workspace, CONVERSIONS=str(tmp_path / "plugin.gpkg"))))
    for output, table in tables:
        assert_columns(plugin_columns(through_qgis[output]), table, *options)
        written = from_files[output]
        layer = written if isinstance(written, QgsVectorLayer) else QgsVectorLayer(written, table, "ogr")
        assert layer.isValid(), written
        assert_columns(plugin_columns(layer), table, *options)
    # Same values under the same names (the schema's order): the pieces through QGIS and the tool's.
    mine = sorted((r["zone_id"], r["from_code"], r["to_code"], r["status"], round(r["area_ha"], 9))
                  for r in cd.layer_rows(through_qgis["CONVERSIONS"]))
    theirs = sorted((r["zone_id"], r["from_code"], r["to_code"], r["status"], round(r["area_ha"], 9))
                    for r in cd.ogr_rows(out, "conversions"))
    assert mine == theirs and sum(r[4] for r in mine) == pytest.approx(6.0)


def test_border_layers_of_the_tool_and_the_plugin_have_the_schemas_columns(tmp_path: Path):
    import border_data as bd

    fx = bd.make_fixture(tmp_path / "fx")
    out = tmp_path / "border.gpkg"
    res = bd.run_cli(fx, out, "--area", "planar")
    assert res.returncode == 0, res.stderr
    layers = {"BORDER_CONFLICTS": ("border_conflicts", "border_conflicts"),
              "CONFLICT_LINES": ("border_conflict_lines", "border_conflicts"),
              "SHARED_BORDERS": ("shared_borders", "shared_borders"), "PAIR_SUMMARY": ("pair_summary", "pair_summary"),
              "BASEMAP_ISSUES": ("basemap_issues", "basemap_issues"),
              "BASEMAP_ISSUE_POINTS": ("basemap_issue_points", "basemap_issues")}
    for layer, table in layers.values():
        assert_columns(cli_columns(out, layer), table)
    params = {"ADMIN": f"{fx / 'admin.gpkg'}|layername=admin", "ADMIN_ID": "code", "ADMIN_NAME": "name",
              "ELEMENTS": f"{fx / 'el.gpkg'}|layername=elements", "CITY_FIELD": "city", "CATEGORY_FIELD": "category",
              "NAME_FIELD": "name", "AREA_METHOD": 1}
    params.update({name: "memory:" for name in layers})
    result = processing.run("guotu:borderconflicts", params)
    for name, (_layer, table) in layers.items():
        options = ("review",) if table == "border_conflicts" else ()
        assert_columns(plugin_columns(result[name]), table, *options)
    # Same values under the same names: the tool's pair summary and the plugin's.
    cli = {(r["admin_a"], r["admin_b"]): r for r in cd.ogr_rows(out, "pair_summary")}
    plugin = {(r["admin_a"], r["admin_b"]): r for r in cd.layer_rows(result["PAIR_SUMMARY"])}
    assert cli.keys() == plugin.keys() == {("A", "B"), ("C", "D"), ("C", "E")}
    for key, row in cli.items():
        assert plugin[key] == pytest.approx(row, abs=1e-6), key


def test_ruling_objective_of_the_tool_and_the_plugin_have_the_schemas_columns(tmp_path: Path):
    sys.path.insert(0, str(REPO / "tests"))
    import priorities_fixture as fx

    zones, landuse, admin = (fx.write_zones(tmp_path / "hx.gpkg"), fx.write_landuse(tmp_path / "dltb.gpkg"),
                             fx.write_admin(tmp_path / "xzq.gpkg"))
    out = tmp_path / "rule.gpkg"
    res = run_cli("priorities", "rule", "--zones", str(zones), "--type-field", "GNLX", "--landuse", str(landuse),
                  "--deduction-field", "KCXS", "--admin", str(admin), "--admin-name", "XZQMC", "--area", "planar",
                  "-o", str(out))
    assert res.returncode == 0, res.stderr
    tables = {"CONTROLLED": ("controlled_land", "controlled_land"), "ZONE_SUMMARY": ("zone_summary", "rule_summary"),
              "ADMIN_SUMMARY": ("admin_summary", "rule_summary")}
    for layer, table in tables.values():
        assert_columns(cli_columns(out, layer), table)
    result = processing.run("guotu:rulingobjective", {
        "ZONES": str(zones), "TYPE_FIELD": "GNLX", "LANDUSE": str(landuse), "CLASS_FIELD": "DLBM",
        "DEDUCTION_FIELD": "KCXS", "ADMIN": str(admin), "ADMIN_ID": "XZQDM", "ADMIN_NAME": "XZQMC", "AREA_METHOD": 1,
        "CONTROLLED": "memory:", "ZONE_SUMMARY": "memory:", "ADMIN_SUMMARY": "memory:"})
    for name, (layer, table) in tables.items():
        assert_columns(plugin_columns(result[name]), table)
    cli = {r["fid_in"]: r for r in cd.ogr_rows(out, "zone_summary")}
    plugin = {r["fid_in"]: r for r in cd.layer_rows(result["ZONE_SUMMARY"])}
    assert cli.keys() == plugin.keys() and len(cli) > 1
    for key, row in cli.items():
        assert plugin[key] == pytest.approx(row, abs=1e-9), key


def test_three_lines_issues_statistics_and_notes_have_the_schemas_columns(tmp_path_factory, tmp_path: Path):
    import lines_data as ld

    fx = ld.copy_fixture(ld.shared_fixture(tmp_path_factory), tmp_path / "fx")
    out = tmp_path / "cli.gpkg"
    headers = {}
    for how in ("chinese", "names"):
        csv_path = tmp_path / f"{how}.csv"
        res = ld.cli_check(fx, fx / "ws.gpkg", out, "--stats-csv", str(csv_path), "--csv-headers", how)
        assert res.returncode == 0, res.stderr
        headers[how] = csv_path.read_text(encoding="utf-8-sig").splitlines()[0].split(",")
    assert_columns(cli_columns(out, "line_stats"), "line_stats")
    assert_columns(cli_columns(out, "notes"), "line_notes")
    assert_columns(cli_columns(out, "issues"), "line_issues")
    assert_columns(cli_columns(out, "issue_points"), "line_issues")
    with (SCHEMAS / "line_stats.csv").open(encoding="utf-8", newline="") as f:
        titles = [(r["name"], r["title_zh"]) for r in csv.DictReader(f)]
    assert headers["names"] == [n for n, _t in titles] and headers["chinese"] == [t for _n, t in titles]
    result = processing.run("guotu:threelinescheck", {
        "WORKSPACE": str(fx / "ws.gpkg"), "LANDUSE": f"{fx / 'dltb.gpkg'}|layername=dltb", "CLASS_FIELD": "dlbm",
        "SYSTEM": 1, "AREA_METHOD": 1, "ISSUES": "memory:", "ISSUE_POINTS": "memory:", "LINE_STATS": "memory:",
        "NOTES": "memory:"})
    assert_columns(plugin_columns(result["LINE_STATS"]), "line_stats")
    assert_columns(plugin_columns(result["NOTES"]), "line_notes")
    assert_columns(plugin_columns(result["ISSUES"]), "line_issues")
    assert_columns(plugin_columns(result["ISSUE_POINTS"]), "line_issues")
    assert result["ISSUES"].featureCount() > 0
    cli = {r["admin_code"]: r for r in cd.ogr_rows(out, "line_stats")}
    plugin = {r["admin_code"]: r for r in cd.layer_rows(result["LINE_STATS"])}
    assert cli.keys() == plugin.keys() and len(cli) > 1
    def plain(row: dict) -> dict:  # NULL, None and '' alike (a QVariant NULL in memory layers)
        return {k: None if v is None or v == "" or (isinstance(v, QVariant) and v.isNull()) else v
                for k, v in row.items()}

    for key, row in cli.items():
        assert plain(plugin[key]) == pytest.approx(plain(row), abs=1e-6), key


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
