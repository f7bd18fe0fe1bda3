"""guotu:bindingindicators on the hand-computed fixture of tests/cli/indicators_fixture.py:
every indicator as computed by hand, and the same table and unit map as `guotu indicators`
on the same files (the CLI = QGIS equality)."""

import subprocess
import sys
from pathlib import Path

import pytest
from osgeo import ogr

import conversion_data as cd
from conftest import BUILD_DIR, REPO

sys.path.insert(0, str(REPO / "tests" / "cli"))
from indicators_fixture import COUNTS, FIELDS, KEYS, MEASURED, RESULTS, TARGETS, make_fixture, target_options  # noqa: E402

pytestmark = pytest.mark.usefixtures("provider")


def params(files: dict, **extra) -> dict:
    p = {"ADMIN": str(files["admin"]), "ADMIN_CODE": "XZQDM", "ADMIN_NAME": "XZQMC",
         "LANDUSE": str(files["landuse"]), "CLASS_FIELD": "DLBM",
         "BEFORE": str(files["before"]), "BEFORE_CLASS_FIELD": "DLBM", "FARMLAND": str(files["farmland"]),
         "UNITS": "TEMPORARY_OUTPUT", "TABLE": "TEMPORARY_OUTPUT"}
    for key, field in zip(KEYS, FIELDS):
        p[f"TARGET_{key.upper()}"] = field
    p.update(extra)
    return p


def run(parameters: dict) -> dict:
    import processing
    return processing.run("guotu:bindingindicators", parameters)


def test_every_indicator_hand_computed(tmp_path: Path):
    files = make_fixture(tmp_path)
    out = run(params(files))
    rows = cd.layer_rows(out["TABLE"])
    assert len(rows) == 16
    for row in rows:
        code, k = row["admin_code"], KEYS.index(row["indicator"])
        assert row["result"] == RESULTS[code][k], row
        assert row["measured"] == pytest.approx(MEASURED[code][k], rel=1e-6, abs=1e-9), row
    units = cd.layer_rows(out["UNITS"])
    assert [(u["admin_code"], u["failed"], u["passed"], u["skipped"]) for u in units] == \
        [(c, *COUNTS[c]) for c in ("130101", "130102")]
    assert out["UNITS"].geometryType() == 2  # polygons, for the map
    assert out["FAILED_COUNT"] == 6


def test_without_farmland_or_earlier_year(tmp_path: Path):
    files = make_fixture(tmp_path)
    out = run(params(files, BEFORE=None, FARMLAND=""))
    by = {(r["admin_code"], r["indicator"]): r for r in cd.layer_rows(out["TABLE"])}
    assert by["130101", "permanent_farmland"]["result"] == "not_measured"
    assert by["130102", "new_construction_on_cultivated"]["result"] == "not_measured"
    assert by["130101", "forest_land_taken"]["result"] == "no_target"
    assert by["130101", "cultivated_land"]["measured"] == pytest.approx(36, rel=1e-6)


def test_equals_cli(tmp_path: Path):
    files = make_fixture(tmp_path)
    cli_out = tmp_path / "cli.gpkg"
    cli = subprocess.run([str(BUILD_DIR / "core" / "guotu"), "indicators", "--admin", str(files["admin"]),
                          "--landuse", str(files["landuse"]), "--before", str(files["before"]),
                          "--farmland", str(files["farmland"]), *target_options(), "--tolerance", "0.02",
                          "--target-unit", "mu", "-o", str(cli_out), "--csv", str(tmp_path / "cli.csv")],
                         capture_output=True, text=True)
    assert cli.returncode == 0, cli.stderr
    csv_path = tmp_path / "qgis.csv"
    out = run(params(files, TOLERANCE=0.02, TARGET_UNIT=1, CSV=str(csv_path)))
    mine, theirs = cd.layer_rows(out["TABLE"]), cd.ogr_rows(cli_out, "indicators")
    dataset = ogr.Open(str(cli_out))  # kept referenced: its layers die with it
    assert out["TABLE"].fields().names() == [d.GetName() for d in dataset.GetLayerByName("indicators").schema]
    dataset = None
    assert len(mine) == len(theirs) == 16
    for a, b in zip(mine, theirs):
        for name, value in b.items():
            if isinstance(value, float):
                assert a[name] == pytest.approx(value, rel=1e-9, abs=1e-9), (name, a, b)
            else:
                assert (a[name] if a[name] is not None else None) == value, (name, a, b)
    mine_units = {u["admin_code"]: u for u in cd.layer_rows(out["UNITS"])}
    for u in cd.ogr_rows(cli_out, "indicator_units"):
        m = mine_units[u["admin_code"]]
        assert (m["failed"], m["passed"], m["skipped"], m["admin_name"]) == \
            (u["failed"], u["passed"], u["skipped"], u["admin_name"])
        assert m["area_ha"] == pytest.approx(u["area_ha"], rel=1e-12)
    # Targets in mu: 38 mu of cultivated land is 2.53 ha, so A passes; forest cover stays a percentage.
    a = {r["indicator"]: r for r in mine if r["admin_code"] == "130101"}
    assert a["cultivated_land"]["target"] == pytest.approx(38 / 15) and a["cultivated_land"]["result"] == "pass"
    assert a["forest_cover"]["target"] == 25
    # The CSVs for the meeting are the same table: same header, same texts, numbers equal.
    qgis_lines = csv_path.read_text(encoding="utf-8-sig").splitlines()
    cli_lines = (tmp_path / "cli.csv").read_text(encoding="utf-8-sig").splitlines()
    assert qgis_lines[0] == cli_lines[0] and qgis_lines[0].startswith("行政区代码,行政区名称,指标代码,指标")
    import csv
    for q, c in zip(csv.reader(qgis_lines[1:]), csv.reader(cli_lines[1:])):
        for x, y in zip(q, c):
            try:
                assert float(x) == pytest.approx(float(y), rel=1e-9, abs=1e-9)
            except ValueError:
                assert x == y


def test_three_lines_report_shows_the_indicators(tmp_path: Path, guotu):
    """The three-lines report carries the indicators table on a page of its own when a table of
    them is in the project (the dock passes it); the rows in the report's words."""
    import shutil

    from qgis.core import QgsProject, QgsVectorLayer
    from guotu.indicators.indicators_report import indicators_layer_in
    from guotu.lines.lines_check import STATS_FIELDS
    from guotu.lines.lines_report import LinesReportLayers, export_lines_report
    from guotu.processing.workspace_inputs import fields_of

    files = make_fixture(tmp_path)
    table = run(params(files))["TABLE"]
    project = QgsProject.instance()
    assert indicators_layer_in(project) is None
    project.addMapLayer(table)
    try:
        assert indicators_layer_in(project) is table
        admin = QgsVectorLayer(str(files["admin"]), "xzq", "ogr")
        stats = QgsVectorLayer("None", "line_stats", "memory")
        stats.dataProvider().addAttributes(fields_of(STATS_FIELDS).toList())
        stats.updateFields()
        pdf = tmp_path / "report.pdf"
        report = export_lines_report(LinesReportLayers([admin], None, None, stats, indicators=table), pdf,
                                     project=project)
        assert report.pages == 3 and pdf.read_bytes()[:5] == b"%PDF-"
        if shutil.which("pdftotext"):
            text = subprocess.run(["pdftotext", "-f", "3", "-l", "3", str(pdf), "-"], capture_output=True,
                                  text=True).stdout
            assert "耕地保有量" in text and "130102" in text and "未达标" in text and "≥" in text, text
            assert "36.00" in text and "94.7 %" in text, text  # A: 36 ha of 38 ha
    finally:
        project.removeAllMapLayers()


def test_refusals_name_layer_feature_and_field(tmp_path: Path):
    from qgis.core import QgsProcessingException

    files = make_fixture(tmp_path)
    ds = ogr.Open(str(files["admin"]), 1)
    ds.ExecuteSQL("ALTER TABLE XZQ ADD COLUMN T TEXT")
    ds.ExecuteSQL("UPDATE XZQ SET T = '三十' WHERE XZQDM = '130102'")
    ds = None
    with pytest.raises(QgsProcessingException) as e:
        run(params(files, TARGET_CULTIVATED_LAND="T"))
    assert "Feature 2" in str(e.value) and '"T"' in str(e.value) and "三十" in str(e.value), str(e.value)
    p = params(files)
    for key in KEYS:
        p.pop(f"TARGET_{key.upper()}")
    with pytest.raises(QgsProcessingException) as e:
        run(p)
    assert "at least one target" in str(e.value)


TABLE_COLUMNS = ["gd", "jbnt", "jsyd", "cxjs", "xzzy", "slfg", "ldbyl", "zysl"]


def _targets_csv(path: Path) -> Path:
    """A's targets in mu (15 mu = 1 ha; forest cover in %), one cell empty; B without a row; a
    row naming no unit. 570 mu = 38 ha of cultivated land: A (36 ha net) fails; 450 mu = 30 ha of
    permanent farmland: A (30.5 ha) passes; forest land 525 mu = 35 ha: A (30 ha) fails."""
    path.write_text("XZQDM," + ",".join(TABLE_COLUMNS) + "\n"
                    "130101,570,450,375,,150,25,525,150\n"
                    "999999,1,1,1,1,1,1,1,1\n", encoding="utf-8")
    return path


def _table_params(files: dict, table, **extra) -> dict:
    p = params(files, TARGETS_TABLE=table, TARGET_UNIT=1, **extra)
    for key in KEYS:
        p.pop(f"TARGET_{key.upper()}")
    for key, column in zip(KEYS, TABLE_COLUMNS):
        p[f"TABLE_TARGET_{key.upper()}"] = column
    return p


def test_targets_table_equals_cli(tmp_path: Path):
    """The same targets CSV through `guotu indicators --targets` and guotu:bindingindicators
    (as a file, and as a table layer QGIS read with its own types): the same table, every
    value; A's targets converted from mu by hand; B, without a row, skips everything."""
    from qgis.core import QgsVectorLayer

    files = make_fixture(tmp_path)
    table = _targets_csv(tmp_path / "targets.csv")
    cli_out = tmp_path / "cli.gpkg"
    options = []
    for key, column in zip(KEYS, TABLE_COLUMNS):
        options += ["--target", f"{key}={column}"]
    cli = subprocess.run([str(BUILD_DIR / "core" / "guotu"), "indicators", "--admin", str(files["admin"]),
                          "--landuse", str(files["landuse"]), "--before", str(files["before"]),
                          "--farmland", str(files["farmland"]), "--targets", str(table), *options,
                          "--target-unit", "mu", "-o", str(cli_out)], capture_output=True, text=True)
    assert cli.returncode == 0, cli.stderr
    theirs = cd.ogr_rows(cli_out, "indicators")
    uri = f"file://{table}?delimiter=,&detectTypes=yes&geomType=none"
    layer = QgsVectorLayer(uri, "targets", "delimitedtext")
    assert layer.isValid() and layer.fields().field("XZQDM").isNumeric()  # the code read as a number
    for given in (str(table), layer):
        mine = cd.layer_rows(run(_table_params(files, given))["TABLE"])
        assert len(mine) == len(theirs) == 16
        for a, b in zip(mine, theirs):
            for name, value in b.items():
                if isinstance(value, float):
                    assert a[name] == pytest.approx(value, rel=1e-9, abs=1e-9), (name, a, b)
                else:
                    assert (a[name] if a[name] is not None else None) == value, (name, a, b)
        by = {(r["admin_code"], r["indicator"]): r for r in mine}
        assert by["130101", "cultivated_land"]["target"] == pytest.approx(38)
        assert by["130101", "cultivated_land"]["result"] == "fail"
        assert by["130101", "permanent_farmland"]["target"] == pytest.approx(30)
        assert by["130101", "permanent_farmland"]["result"] == "pass"
        assert by["130101", "construction_land"]["target"] == pytest.approx(25)  # 375 mu: 20 ha passes
        assert by["130101", "urban_rural_construction"]["result"] == "no_target"  # the empty cell
        assert by["130101", "forest_cover"]["target"] == pytest.approx(25)  # % is not converted
        assert by["130101", "forest_land"]["result"] == "fail"
        assert all(r["result"] == "no_target" for (code, _k), r in by.items() if code == "130102")


def test_targets_table_refusals(tmp_path: Path):
    from qgis.core import QgsProcessingException

    files = make_fixture(tmp_path)
    table = _targets_csv(tmp_path / "targets.csv")
    both = dict(_table_params(files, str(table)), TARGET_CULTIVATED_LAND="GDBYL")
    with pytest.raises(QgsProcessingException) as e:
        run(both)
    assert "not both" in str(e.value)
    twice = tmp_path / "twice.csv"
    twice.write_text(table.read_text(encoding="utf-8") + "130101,1,1,1,1,1,1,1,1\n", encoding="utf-8")
    with pytest.raises(QgsProcessingException) as e:
        run(_table_params(files, str(twice)))
    assert '"130101" twice (row 3)' in str(e.value), str(e.value)
    bad = tmp_path / "bad.csv"
    bad.write_text("XZQDM,gd\n130101,五百七十\n", encoding="utf-8")
    p = _table_params(files, str(bad))
    for key in KEYS[1:]:
        p.pop(f"TABLE_TARGET_{key.upper()}")
    with pytest.raises(QgsProcessingException) as e:
        run(p)
    assert "row 1" in str(e.value) and '"gd"' in str(e.value) and "五百七十" in str(e.value), str(e.value)
    p["TARGETS_CODE"] = "CODE"
    with pytest.raises(QgsProcessingException) as e:
        run(p)
    assert '"CODE"' in str(e.value) and "XZQDM" in str(e.value), str(e.value)


def test_change_overlay_notes_an_earlier_class_no_group_lists_as_the_cli_does(tmp_path: Path):
    """The change overlay reads only the classes that can count (cultivated and forest land of
    the earlier year, construction land of the later one). An earlier class the class table does
    not list is then read past, and said: the same notes as `guotu indicators`, the same table."""
    files = make_fixture(tmp_path)
    dataset = ogr.Open(str(files["before"]), 1)
    layer = dataset.GetLayer(0)
    feature = layer.GetNextFeature()
    feature.SetField("DLBM", "9999")  # a code no group lists, on the first parcel of the earlier year
    assert layer.SetFeature(feature) == 0
    feature = layer = dataset = None
    cli_out = tmp_path / "cli.gpkg"
    cli = subprocess.run([str(BUILD_DIR / "core" / "guotu"), "indicators", "--admin", str(files["admin"]),
                          "--landuse", str(files["landuse"]), "--before", str(files["before"]),
                          "--farmland", str(files["farmland"]), *target_options(), "-o", str(cli_out)],
                         capture_output=True, text=True)
    assert cli.returncode == 0, cli.stderr
    from qgis.core import QgsCoordinateTransformContext, QgsVectorLayer
    from guotu.indicators.indicators_check import IndicatorsRequest, class_groups_preset, run_indicators

    def layer_of(role: str) -> QgsVectorLayer:
        found = QgsVectorLayer(str(files[role]), role, "ogr")
        assert found.isValid()
        return found

    admin = layer_of("admin")
    targets = {k: name for k, name in enumerate(FIELDS)}
    result = run_indicators(IndicatorsRequest(admin=admin, admin_code_field="XZQDM", admin_name_field="XZQMC",
                                              landuse=layer_of("landuse"), class_field="DLBM", deduction_field="KCXS",
                                              targets=targets,
                                              before=layer_of("before"), before_class_field="DLBM",
                                              farmland=layer_of("farmland")),
                            QgsCoordinateTransformContext())
    said = [n for n in result.notes if "9999" in n[0]]
    assert said == [(f"class code '9999' of the earlier survey year is in no group of the class table "
                     f"'{class_groups_preset()}': its parcels count in no change-based indicator",
                     f"前一期地类编码 9999 不在分组表 {class_groups_preset()} 中：其图斑未计入变化类指标")]
    cli_notes = [(r["note"], r["note_zh"]) for r in cd.ogr_rows(cli_out, "notes") if "9999" in r["note"]]
    assert len(cli_notes) == 1
    table = cli_notes[0][0].split("'")[3]  # the class table as the tool names it
    assert [(en.replace(class_groups_preset(), table), zh.replace(class_groups_preset(), table))
            for en, zh in said] == cli_notes
    cli_rows = {(r["admin_code"], r["indicator"]): r for r in cd.ogr_rows(cli_out, "indicators")}
    assert len(result.rows) == len(cli_rows)
    for row in result.rows:
        theirs = cli_rows[row.admin_code, KEYS[row.indicator]]
        if theirs["measured"] is None:
            assert row.measured != row.measured  # NaN: not measured
        else:
            assert row.measured == pytest.approx(theirs["measured"], rel=1e-9, abs=1e-9), (row, theirs)



def test_an_earlier_year_without_cultivated_or_forest_land_changes_nothing(tmp_path: Path):
    """Nothing of the earlier year can count (all of it railway land, 1001): the change overlay
    has no parcel to read, and both change indicators are measured as 0 in every unit, as the
    tool measures them."""
    files = make_fixture(tmp_path)
    dataset = ogr.Open(str(files["before"]), 1)
    layer = dataset.GetLayer(0)
    for feature in layer:
        feature.SetField("DLBM", "1001")
        assert layer.SetFeature(feature) == 0
    feature = layer = dataset = None
    cli_out = tmp_path / "cli.gpkg"
    cli = subprocess.run([str(BUILD_DIR / "core" / "guotu"), "indicators", "--admin", str(files["admin"]),
                          "--landuse", str(files["landuse"]), "--before", str(files["before"]),
                          "--farmland", str(files["farmland"]), *target_options(), "-o", str(cli_out)],
                         capture_output=True, text=True)
    out = run(params(files))
    assert cli.returncode == 0, cli.stderr
    mine = {(r["admin_code"], r["indicator"]): r for r in cd.layer_rows(out["TABLE"])}
    theirs = {(r["admin_code"], r["indicator"]): r for r in cd.ogr_rows(cli_out, "indicators")}
    assert set(mine) == set(theirs)
    for key in ("new_construction_on_cultivated", "forest_land_taken"):
        rows = [(code, r["measured"]) for (code, k), r in mine.items() if k == key]
        assert rows and all(v == 0 for _code, v in rows), rows
    for k, row in theirs.items():
        assert mine[k]["measured"] == pytest.approx(row["measured"], rel=1e-9, abs=1e-9), k
        assert mine[k]["result"] == row["result"], k


def test_an_earlier_year_whose_codes_are_names_is_refused(tmp_path: Path):
    """Names in the earlier year's class field (DLMC taken for DLBM): refused as the tool refuses
    it, naming the field and the layer, rather than both change indicators measured as 0."""
    from qgis.core import QgsProcessingException

    files = make_fixture(tmp_path)
    dataset = ogr.Open(str(files["before"]), 1)
    dataset.ExecuteSQL("UPDATE DLTB SET DLBM = '水田'")
    dataset = None
    with pytest.raises(QgsProcessingException) as info:
        run(params(files))
    message = str(info.value)
    assert 'None of the class codes of the earlier survey year (field "DLBM"' in message, message
    assert "not names (DLMC)" in message
