"""The 三区三线检查 dock on the project's own layers, offscreen: the hand-computed fixture as a
planner receives it (the lines in a File Geodatabase with Chinese layer names, the admin
units in a GBK shapefile with upper-case fields of their own names) picked from the project
with no workspace; fields defaulting to the delivered names in any case and never to another
field; the mapping kept in the project file; the statistics tab's areas (hand values) and
binding indicators (the algorithm's table, value by value); the report's indicators page."""

import shutil
import subprocess
import sys
import time
from pathlib import Path

import processing
import pytest
from qgis.PyQt.QtCore import QCoreApplication, Qt
from qgis.core import NULL, QgsProject, QgsVectorLayer

import lines_data as ld

pytestmark = pytest.mark.usefixtures("provider")

# Hand values of the fixture in admin unit 110101 甲区 (lines_data's docstring): red line 20 + 1 ha,
# farmland 25 + 8 + 4 + 4 + 0.0025 + 0.015 ha, urban boundary 4 + 0.25 ha; 乙区 farmland 1 + 1.00005 ha.
A1 = {"redline": 21.0, "farmland": 41.0175, "urban": 4.25}
A2_FARMLAND = 2.00005


def wait_for(dock, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while dock.is_running():
        assert time.monotonic() < deadline, "the check did not finish"
        QCoreApplication.processEvents()
        time.sleep(0.01)
    QCoreApplication.processEvents()


@pytest.fixture
def delivered(guotu, tmp_path_factory, tmp_path: Path):
    fx = ld.copy_fixture(ld.shared_fixture(tmp_path_factory), tmp_path / "fx")
    made = ld.make_delivered(fx)
    layers = ld.delivered_layers(made)
    project = QgsProject.instance()
    project.addMapLayers(list(layers.values()))
    landuse = QgsVectorLayer(f"{fx / 'dltb.gpkg'}|layername=dltb", "地类图斑", "ogr")
    project.addMapLayer(landuse)
    yield {"fx": fx, "made": made, "layers": layers, "landuse": landuse}
    project.clear()


@pytest.fixture
def dock(delivered):
    from guotu.ui.lines_dock import LinesDock

    widget = LinesDock(project=QgsProject.instance())
    yield widget
    widget.cleanup()
    widget.deleteLater()


def choose(dock, layers) -> None:
    from guotu.ui.lines_dock import SOURCE_PROJECT

    dock.set_source(SOURCE_PROJECT)
    dock.redlineCombo.setLayer(layers["REDLINE"])
    dock.farmlandCombo.setLayer(layers["FARMLAND"])
    dock.urbanLayerCombo.setLayer(layers["URBAN"])
    dock.adminCombo.setLayer(layers["ADMIN"])


def check(dock) -> None:
    dock.recheckButton.click()
    assert dock.is_running()
    wait_for(dock)
    assert "Error" not in dock.summaryLabel.text(), dock.summaryLabel.text()


def table(widget, numbers=(2, 3, 4)) -> list:
    """The rows shown; the number columns as the values they show (None: empty)."""
    rows = []
    for r in range(widget.rowCount()):
        row = []
        for c in range(widget.columnCount()):
            item = widget.item(r, c)
            row.append(item.data(Qt.ItemDataRole.UserRole) if c in numbers else item.text())
        rows.append(row)
    return rows


def test_checks_delivered_layers_without_a_workspace(dock, delivered) -> None:
    assert dock.workspaceCombo.count() == 0  # no workspace anywhere
    assert not dock.recheckButton.isEnabled()
    choose(dock, delivered["layers"])
    assert dock.layersGroup.isVisible() or not dock.isVisible()
    assert dock.recheckButton.isEnabled()
    # Delivered names in any case; the targets of other names are left unchosen, never guessed.
    assert dock.field_mapping() == {"admin_id": "XZQDM", "admin_name": "XZQMC", "redline_target": "",
                                    "farmland_target": "", "urban_2020": "", "expansion_cap": ""}
    dock.farmlandTargetCombo.setField("NTRWMJ")
    dock.redlineTargetCombo.setField("HXRWMJ")
    params = dock.parameters()
    assert params["FARMLAND_TARGET"] == "NTRWMJ" and params["URBAN_2020_FIELD"] == ""  # empty: none
    assert params["ADMIN"] is delivered["layers"]["ADMIN"]
    check(dock)
    rules = {dock.issuesTree.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole)
             for i in range(dock.issuesTree.topLevelItemCount())}
    # L11 needs the 2020 urban land (not mapped) and L14 land use (not given): not checked.
    assert rules == {"L01", "L02", "L03", "L04", "L05", "L06", "L07", "L08", "L10", "L12", "L13"}, rules
    # ... and the dock says so, in the check's words; the unit without targets is named.
    summary = dock.summaryLabel.text()
    assert "L11 urban expansion over the cap: not checked" in summary, summary
    assert "L14 farmland below the share of cultivated land: not checked" in summary, summary
    assert "L12 not checked in 1 of 2 admin units (no farmland target): 110102" in summary, summary
    top = {dock.issuesTree.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole): dock.issuesTree.topLevelItem(i)
           for i in range(dock.issuesTree.topLevelItemCount())}
    assert top["L04"].child(0).text(0).startswith("110101 甲区")  # the GBK shapefile's name, read right
    values = {dock.ref_of(i).rule: i.text(3) for i in dock.issue_items()}
    assert values["L12"] == f"{ld.HAND['L12']:.2f} ha" and values["L13"] == "-9.00 ha"
    assert "beside the project" in dock.acceptButton.toolTip()  # no exceptions file chosen yet
    # Statistics: the areas of the lines in each unit, by hand.
    areas = {row[0]: row for row in table(dock.areasTable)}
    assert set(areas) == {"110101", "110102"} and areas["110101"][1] == "甲区"
    assert areas["110101"][2] == pytest.approx(A1["redline"], rel=1e-6)
    assert areas["110101"][3] == pytest.approx(A1["farmland"], rel=1e-6)
    assert areas["110101"][4] == pytest.approx(A1["urban"], rel=1e-6)
    assert areas["110102"][3] == pytest.approx(A2_FARMLAND, rel=1e-6) and areas["110102"][4] == 0
    assert dock.areasTable.item(0, 3).text() == "41.02"


def test_an_emptied_target_field_is_none(dock, delivered) -> None:
    """Admin units with the known target names (the workspace's admin_units, a GeoPackage, added to
    the project): the fields start on them; emptying the farmland target switches L12 off even
    though the layer has pbf_target_ha, with the note saying no field was chosen, and the mapping
    keeps it empty."""
    admin = ld.ws_layer(delivered["fx"] / "ws.gpkg", "admin_units")
    QgsProject.instance().addMapLayer(admin)
    choose(dock, dict(delivered["layers"], ADMIN=admin))
    assert dock.field_mapping()["farmland_target"] == "pbf_target_ha"
    check(dock)
    rules = {dock.issuesTree.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole)
             for i in range(dock.issuesTree.topLevelItemCount())}
    assert {"L11", "L12", "L13"} <= rules, rules  # 110101: farmland 41.0175 ha < 50
    dock.farmlandTargetCombo.setField("")
    params = dock.parameters()
    assert params["FARMLAND_TARGET"] == "" and params["REDLINE_TARGET"] == "erl_target_ha"
    check(dock)
    rules = {dock.issuesTree.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole)
             for i in range(dock.issuesTree.topLevelItemCount())}
    assert "L12" not in rules and {"L11", "L13"} <= rules, rules
    summary = dock.summaryLabel.text()
    assert "L12 farmland below target: not checked, no target field was chosen" in summary, summary
    text, _found = QgsProject.instance().readEntry("guotu", "lines_dock/mapping", "")
    assert '"farmland_target": ""' in text


def test_exceptions_of_project_layers_in_a_geopackage_beside_the_project(dock, delivered, tmp_path: Path) -> None:
    """Project-layer mode, no workspace: accepting an issue keeps it in the GeoPackage the user
    chose (created with the workspace's exceptions table); the next check marks it accepted by its
    fingerprint, the file is kept in the project's mapping, and `guotu lines check` with the
    delivered layers and that file as --workspace accepts the same issue. A file that is not an
    exceptions file is refused, never changed."""
    from guotu.binding.errors import GuotuInputError

    choose(dock, delivered["layers"])
    dock.farmlandTargetCombo.setField("NTRWMJ")
    check(dock)
    assert "no exceptions table: every issue is open" in dock.summaryLabel.text()
    other = tmp_path / "other.gpkg"
    shutil.copy(delivered["fx"] / "dltb.gpkg", other)
    with pytest.raises(GuotuInputError, match="has no table"):
        dock.set_exceptions_file(str(other))
    assert dock.exceptions_file() == ""
    path = tmp_path / "project_exceptions.gpkg"
    dock.set_exceptions_file(str(path))
    assert path.is_file() and dock.exceptions_file() == str(path)
    l04 = next(item for item in dock.issue_items() if dock.ref_of(item).rule == "L04")
    fingerprint = dock.ref_of(l04).fingerprint
    dock.issuesTree.setCurrentItem(l04)
    assert dock.acceptButton.isEnabled() and str(path) in dock.acceptButton.toolTip()
    assert dock.accept_selected(reason="线性基础设施，已批准", accepted_by="审查员")
    saved = ld.rows(ld.ws_layer(path, "exceptions"))
    assert [(r["rule_id"], r["fingerprint"], r["reason"], r["accepted_by"]) for r in saved] == [
        ("L04", fingerprint, "线性基础设施，已批准", "审查员")]
    check(dock)
    statuses = {(r["rule_id"], r["status"]) for r in ld.rows(dock.results["issues"])}
    assert ("L04", "accepted") in statuses and ("L04", "open") not in statuses
    assert "1 accepted" in dock.summaryLabel.text() or "1 accepted" in dock.message, dock.summaryLabel.text()
    text, _found = QgsProject.instance().readEntry("guotu", "lines_dock/mapping", "")
    assert "project_exceptions.gpkg" in text

    out = tmp_path / "cli.gpkg"
    res = ld.run_cli("lines", "check", *ld.delivered_cli_args(delivered["made"]), "--farmland-target", "NTRWMJ",
                     "--redline-target", "", "--workspace", str(path), "-o", str(out))
    assert res.returncode == 0, res.stderr
    cli = [r for r in ld.rows(ld.ws_layer(out, "issues")) if r["rule_id"] == "L04"]
    assert [(r["fingerprint"], r["status"], r["exception_reason"]) for r in cli] == [
        (fingerprint, "accepted", "线性基础设施，已批准")]


def test_missing_code_field_refused_and_mapping_kept_in_the_project(dock, delivered, tmp_path: Path) -> None:
    from guotu.ui.lines_dock import LinesDock, SOURCE_PROJECT

    choose(dock, delivered["layers"])
    dock.adminIdCombo.setField("")
    dock.recheck()
    assert "Choose the admin code field" in dock.summaryLabel.text() and not dock.is_running()
    dock.adminIdCombo.setField("XZQDM")
    dock.farmlandTargetCombo.setField("NTRWMJ")
    project = QgsProject.instance()
    path = tmp_path / "plan.qgz"
    assert project.write(str(path))
    ids = {name: layer.id() for name, layer in delivered["layers"].items()}
    project.clear()
    assert project.read(str(path))
    # The dock that was open follows the project read; a new one finds the same choice.
    again = LinesDock(project=project)
    try:
        for widget in (dock, again):
            assert widget.source() == SOURCE_PROJECT
            assert {role: (layer.id() if layer else None) for role, layer in widget.project_layers().items()} == \
                {"redline": ids["REDLINE"], "farmland": ids["FARMLAND"], "urban": ids["URBAN"], "admin": ids["ADMIN"]}
            assert widget.field_mapping()["farmland_target"] == "NTRWMJ"
            assert widget.field_mapping()["admin_id"] == "XZQDM"
        # A new project starts without them (nothing of the last one written into it).
        project.clear()
        assert dock.source() != SOURCE_PROJECT and project.readEntry("guotu", "lines_dock/mapping", "")[0] == ""
    finally:
        again.cleanup()
        again.deleteLater()


def test_statistics_show_the_binding_indicators(dock, delivered, tmp_path: Path) -> None:
    choose(dock, delivered["layers"])
    dock.farmlandTargetCombo.setField("NTRWMJ")
    dock.landuseCombo.setLayer(delivered["landuse"])
    dock.classFieldCombo.setField("dlbm")
    check(dock)
    assert dock.indicatorsTable.rowCount() == 0 and not dock.reportLink.isEnabled()
    params = dock.indicator_parameters()
    assert params == {"ADMIN": delivered["layers"]["ADMIN"].id(), "ADMIN_CODE": "XZQDM", "ADMIN_NAME": "XZQMC",
                      "FARMLAND": delivered["layers"]["FARMLAND"].id(), "TARGET_PERMANENT_FARMLAND": "NTRWMJ",
                      "LANDUSE": delivered["landuse"].id(), "CLASS_FIELD": "dlbm"}
    # As the button's dialog runs it: the table loaded into the project shows up in the dock.
    out = processing.run("guotu:bindingindicators", dict(params, UNITS="TEMPORARY_OUTPUT", TABLE="TEMPORARY_OUTPUT"))
    layer = out["TABLE"]
    QgsProject.instance().addMapLayer(layer)
    shown = table(dock.indicatorsTable, (3, 4))
    assert len(shown) == 16 == layer.featureCount()
    for row, feature in zip(shown, layer.getFeatures()):  # the algorithm's values, one by one
        assert row[0] == feature["admin_code"] and row[1] == feature["admin_name"]
        for got, want in ((row[3], feature["measured"]), (row[4], feature["target"])):
            if want is None or want == NULL:
                assert got is None, (row, feature.attributes())
            else:
                assert got == pytest.approx(want, rel=1e-12), (row, feature.attributes())
    by = {(r[0], r[2]): r for r in shown}
    farmland = by["110101", "Permanent farmland task"]
    assert farmland[3] == pytest.approx(A1["farmland"], rel=1e-6) and farmland[4] == 50 and farmland[5] == "fail"
    assert by["110101", "Cultivated land to keep"][3] == pytest.approx(100, rel=1e-6)  # all 0101 水田
    assert by["110101", "Cultivated land to keep"][5] == "no target"
    assert by["110102", "Permanent farmland task"][5] == "no target"  # 乙区 has no task
    assert by["110101", "New construction on cultivated land"][5] == "no target"
    assert dock.indicatorsTable.item(list(by).index(("110101", "Permanent farmland task")), 5) \
        .foreground().color().name() == "#c62828"
    assert dock.reportLink.isEnabled()
    # An indicators table of other units is not these units' table.
    sys.path.insert(0, str(ld.REPO / "tests" / "cli"))
    from indicators_fixture import FIELDS, KEYS, make_fixture

    (tmp_path / "other").mkdir()
    other = make_fixture(tmp_path / "other")
    p = {"ADMIN": str(other["admin"]), "ADMIN_CODE": "XZQDM", "LANDUSE": str(other["landuse"]),
         "CLASS_FIELD": "DLBM", "UNITS": "TEMPORARY_OUTPUT", "TABLE": "TEMPORARY_OUTPUT"}
    p.update({f"TARGET_{k.upper()}": f for k, f in zip(KEYS, FIELDS)})
    foreign = processing.run("guotu:bindingindicators", p)["TABLE"]
    QgsProject.instance().addMapLayer(foreign)
    assert dock.indicators_layer() is layer and dock.indicatorsTable.rowCount() == 16
    # The link's report: the indicators from the page it opens at.
    pdf = tmp_path / "report.pdf"
    page = dock.open_report(pdf, show=False)
    assert page == 3 and pdf.read_bytes()[:5] == b"%PDF-"
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), str(pdf), "-"], capture_output=True,
                              text=True).stdout
        assert "永久基本农田保护任务" in text and "110101" in text and "41.02" in text and "未达标" in text, text


@pytest.fixture(scope="module")
def county(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("county") / "pkg"
    subprocess.run([sys.executable, str(ld.REPO / "resources" / "sample_data" / "generate_county_package.py"),
                    "--out", str(out), "--cells", "30"], check=True, capture_output=True, timeout=300)
    return out


def test_county_package_as_delivered_equals_the_cli(guotu, county: Path, tmp_path: Path) -> None:
    """The county package's 规划成果.gdb (File Geodatabase, Chinese layer names, XZQ_GHZB with the
    targets in its own field names) picked in the dock: the areas per town equal `guotu lines
    check` on the same layers (ellipsoidal), and the first town, drawn 5 % short of its
    farmland task, is the one L12 finds."""
    from osgeo import ogr

    from guotu.ui.lines_dock import LinesDock, SOURCE_PROJECT

    plan = county / "规划成果.gdb"
    project = QgsProject.instance()
    layers = {name: QgsVectorLayer(f"{plan}|layername={name}", name, "ogr")
              for name in ("生态保护红线", "永久基本农田", "城镇开发边界", "XZQ_GHZB")}
    assert all(layer.isValid() for layer in layers.values())
    project.addMapLayers(list(layers.values()))
    dock = LinesDock(project=project)
    try:
        dock.set_source(SOURCE_PROJECT)
        for combo, name in ((dock.redlineCombo, "生态保护红线"), (dock.farmlandCombo, "永久基本农田"),
                            (dock.urbanLayerCombo, "城镇开发边界"), (dock.adminCombo, "XZQ_GHZB")):
            combo.setLayer(layers[name])
        assert dock.field_mapping()["admin_id"] == "XZQDM" and dock.field_mapping()["farmland_target"] == ""
        dock.farmlandTargetCombo.setField("NTRWMJ")
        dock.redlineTargetCombo.setField("HXRWMJ")
        dock.urban2020FieldCombo.setField("CZYD2020")
        check(dock)
        assert dock.layersGroup.isCollapsed()
        shown = {row[0]: row for row in table(dock.areasTable)}
        out = tmp_path / "cli.gpkg"
        cli = subprocess.run([str(ld.GUOTU_CLI), "lines", "check", "--redline", str(plan), "--redline-layer",
                              "生态保护红线", "--farmland", str(plan), "--farmland-layer", "永久基本农田", "--urban",
                              str(plan), "--urban-layer", "城镇开发边界", "--admin", str(plan), "--admin-layer",
                              "XZQ_GHZB", "--farmland-target", "NTRWMJ", "--redline-target", "HXRWMJ",
                              "--urban-2020-field", "CZYD2020", "-o", str(out)], capture_output=True, text=True)
        assert cli.returncode == 0, cli.stderr
        ds = ogr.Open(str(out))
        stats = {f["admin_code"]: f.items() for f in ds.GetLayerByName("line_stats")}
        ds = None
        assert set(shown) == set(stats) and len(stats) >= 2
        for code, s in stats.items():
            assert shown[code][1] == s["admin_name"]
            assert shown[code][2:] == pytest.approx([s["redline_ha"], s["farmland_ha"], s["urban_ha"]], rel=1e-9,
                                                    abs=1e-9)
        first = sorted(stats)[0]
        l12 = [dock.ref_of(i) for i in dock.issue_items() if dock.ref_of(i).rule == "L12"]
        top = [dock.issuesTree.topLevelItem(i) for i in range(dock.issuesTree.topLevelItemCount())
               if dock.issuesTree.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole) == "L12"]
        assert len(l12) == 1 and [top[0].child(j).data(0, Qt.ItemDataRole.UserRole)
                                  for j in range(top[0].childCount())] == [first]
        assert stats[first]["farmland_ok"] == "fail"
    finally:
        dock.cleanup()
        dock.deleteLater()
        project.clear()


def test_workspace_mode_statistics_and_indicator_parameters(guotu, tmp_path_factory, tmp_path: Path) -> None:
    """A workspace keeps working as before; its statistics fill the tab, and the indicators'
    dialog gets the workspace's admin units (xzqdm, xzqmc, pbf_target_ha) and farmland."""
    from guotu.lines.lines_workspace import open_workspace
    from guotu.ui.lines_dock import LinesDock, SOURCE_WORKSPACE

    fx = ld.copy_fixture(ld.shared_fixture(tmp_path_factory), tmp_path / "fx")
    project = QgsProject.instance()
    workspace = open_workspace(fx / "ws.gpkg", project)
    dock = LinesDock(project=project)
    try:
        assert dock.source() == SOURCE_WORKSPACE and not dock.layersGroup.isVisibleTo(dock)
        check(dock)
        areas = {row[0]: row for row in table(dock.areasTable)}
        assert areas["110101"][1] == "甲区" and areas["110101"][2:] == pytest.approx([21.0, 41.0175, 4.25], rel=1e-6)
        assert dock.indicator_parameters() == {
            "ADMIN": workspace.layers["admin_units"].id(), "ADMIN_CODE": "xzqdm", "ADMIN_NAME": "xzqmc",
            "FARMLAND": workspace.layers["permanent_farmland"].id(), "TARGET_PERMANENT_FARMLAND": "pbf_target_ha"}
        assert dock.acceptButton.isEnabled() is False  # nothing selected yet
        dock.issuesTree.setCurrentItem(dock.issue_items()[0])
        assert dock.acceptButton.isEnabled()  # exceptions: the workspace's table
    finally:
        dock.cleanup()
        dock.deleteLater()
        project.clear()


def test_gbk_shapefile_without_cpg_refused_then_read_right(guotu, county: Path) -> None:
    """The change survey's towns (XZQ.shp, GBK without a .cpg) as the admin units of the plan's
    lines: refused with the fix named, never checked with garbled names; with the layer's
    encoding set to GBK, the towns are named right."""
    from guotu.ui.lines_dock import LinesDock, SOURCE_PROJECT

    plan = county / "规划成果.gdb"
    shp = county / "130101_2020_变更" / "XZQ.shp"
    assert not shp.with_suffix(".cpg").exists()
    project = QgsProject.instance()
    lines = [QgsVectorLayer(f"{plan}|layername={name}", name, "ogr") for name in ("生态保护红线", "永久基本农田", "城镇开发边界")]
    towns = QgsVectorLayer(str(shp), "XZQ", "ogr")
    project.addMapLayers(lines + [towns])
    dock = LinesDock(project=project)
    try:
        dock.set_source(SOURCE_PROJECT)
        for combo, layer in zip((dock.redlineCombo, dock.farmlandCombo, dock.urbanLayerCombo, dock.adminCombo),
                                lines + [towns]):
            combo.setLayer(layer)
        assert dock.field_mapping()["admin_id"] == "XZQDM"
        dock.recheck()
        assert not dock.is_running()
        assert "GBK" in dock.summaryLabel.text() and "XZQ.cpg" in dock.summaryLabel.text(), dock.summaryLabel.text()
        assert dock.areasTable.rowCount() == 0
        towns.setProviderEncoding("GBK")
        check(dock)
        names = {row[1] for row in table(dock.areasTable)}
        assert "城关镇" in names and "东岭乡" in names, names
    finally:
        dock.cleanup()
        dock.deleteLater()
        project.clear()


def test_land_use_class_field_is_the_delivered_one_never_the_first(guotu, county: Path, tmp_path: Path) -> None:
    """The survey's DLTB from the county package's File Geodatabase as the land use (L14): its first
    field is OBJECTID. The class field box starts on DLBM (it took OBJECTID, and L14 ran on object
    ids as land-use codes); the cultivated land per town is the tool's with --class-field DLBM. A
    land-use layer without DLBM leaves the box empty and the check is refused: choose the field."""
    from osgeo import ogr

    from guotu.ui.lines_dock import LinesDock, SOURCE_PROJECT

    plan, survey = county / "规划成果.gdb", county / "130101_2019_三调.gdb"
    project = QgsProject.instance()
    layers = {name: QgsVectorLayer(f"{plan}|layername={name}", name, "ogr")
              for name in ("生态保护红线", "永久基本农田", "城镇开发边界", "XZQ_GHZB")}
    dltb = QgsVectorLayer(f"{survey}|layername=DLTB", "DLTB", "ogr")
    villages = QgsVectorLayer(f"{survey}|layername=CJDCQ", "CJDCQ", "ogr")
    assert dltb.fields().names()[0] == "OBJECTID" and all(layer.isValid() for layer in layers.values())
    project.addMapLayers(list(layers.values()) + [dltb, villages])
    dock = LinesDock(project=project)
    try:
        dock.set_source(SOURCE_PROJECT)
        for combo, name in ((dock.redlineCombo, "生态保护红线"), (dock.farmlandCombo, "永久基本农田"),
                            (dock.urbanLayerCombo, "城镇开发边界"), (dock.adminCombo, "XZQ_GHZB")):
            combo.setLayer(layers[name])
        dock.landuseCombo.setLayer(villages)  # no DLBM: nothing chosen, nothing guessed
        assert dock.classFieldCombo.currentField() == ""
        dock.recheckButton.click()
        wait_for(dock)
        assert "Choose the land-use class field" in dock.summaryLabel.text(), dock.summaryLabel.text()
        dock.landuseCombo.setLayer(dltb)
        assert dock.classFieldCombo.currentField() == "DLBM"
        check(dock)
        out = tmp_path / "cli.gpkg"
        cli = subprocess.run([str(ld.GUOTU_CLI), "lines", "check", "--redline", str(plan), "--redline-layer",
                              "生态保护红线", "--farmland", str(plan), "--farmland-layer", "永久基本农田", "--urban",
                              str(plan), "--urban-layer", "城镇开发边界", "--admin", str(plan), "--admin-layer",
                              "XZQ_GHZB", "--landuse", str(survey), "--landuse-layer", "DLTB", "--class-field", "DLBM",
                              "--system", "SANDIAO_WORK", "-o", str(out)], capture_output=True, text=True)
        assert cli.returncode == 0, cli.stderr
        ds = ogr.Open(str(out))
        expected = {f["admin_code"]: f["cultivated_ha"] for f in ds.GetLayerByName("line_stats")}
        ds = None
        stats = next(layer for layer in dock.results.values() if "cultivated_ha" in layer.fields().names())
        shown = {f["admin_code"]: f["cultivated_ha"] for f in stats.getFeatures()}
        assert set(shown) == set(expected) and all(v > 0 for v in expected.values()), expected
        for code, ha in expected.items():
            assert shown[code] == pytest.approx(ha, rel=1e-9), code
    finally:
        dock.cleanup()
        dock.deleteLater()
        project.clear()


def test_indicator_parameters_prefill_known_targets_only(guotu, tmp_path_factory, tmp_path: Path) -> None:
    """The indicators' dialog gets every target whose known name the admin layer has, matched in
    any case (a workspace whose admin_units spell it PBF_TARGET_HA), and no other field: a target
    field of a name nobody delivers (GDBYL) is chosen in the dialog, never guessed."""
    from osgeo import ogr

    from guotu.indicators.indicators_check import KNOWN_TARGET_FIELDS, known_target_fields
    from guotu.lines.lines_workspace import open_workspace
    from guotu.ui.lines_dock import LinesDock, SOURCE_WORKSPACE

    fx = ld.copy_fixture(ld.shared_fixture(tmp_path_factory), tmp_path / "fx")
    ds = ogr.Open(str(fx / "ws.gpkg"), 1)
    ds.ExecuteSQL("ALTER TABLE admin_units RENAME COLUMN pbf_target_ha TO renamed")  # SQLite: names in any case
    ds.ExecuteSQL("ALTER TABLE admin_units RENAME COLUMN renamed TO PBF_TARGET_HA")
    ds.ExecuteSQL("ALTER TABLE admin_units ADD COLUMN GDBYL REAL")
    ds = None
    project = QgsProject.instance()
    workspace = open_workspace(fx / "ws.gpkg", project)
    admin = workspace.layers["admin_units"]
    assert {"PBF_TARGET_HA", "GDBYL"} <= set(admin.fields().names())
    assert KNOWN_TARGET_FIELDS == {"permanent_farmland": ("pbf_target_ha",)}
    assert known_target_fields(admin) == {"permanent_farmland": "PBF_TARGET_HA"}
    dock = LinesDock(project=project)
    try:
        assert dock.source() == SOURCE_WORKSPACE
        params = dock.indicator_parameters()
        assert {k: v for k, v in params.items() if k.startswith("TARGET_")} == \
            {"TARGET_PERMANENT_FARMLAND": "PBF_TARGET_HA"}
    finally:
        dock.cleanup()
        dock.deleteLater()
        project.clear()
