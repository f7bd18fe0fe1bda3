"""The 三区三线检查 dock driven offscreen: re-check in the background (unsaved edits included),
issues grouped by rule and admin unit, a click zooms the map to the issue, accepting
writes the exceptions table, statistics export (CSV = the CLI's, PDF report)."""

import time
from pathlib import Path

import pytest
from qgis.PyQt.QtCore import QCoreApplication
from qgis.core import QgsGeometry, QgsProject, QgsRectangle

import lines_data as ld

pytestmark = pytest.mark.usefixtures("provider")


def wait_for(dock, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while dock.is_running():
        assert time.monotonic() < deadline, "the check did not finish"
        QCoreApplication.processEvents()
        time.sleep(0.01)
    QCoreApplication.processEvents()


@pytest.fixture
def dock(guotu, tmp_path_factory, tmp_path: Path):
    from qgis.gui import QgsMapCanvas

    from guotu.lines.lines_workspace import open_workspace
    from guotu.ui.lines_dock import LinesDock

    fx = ld.copy_fixture(ld.shared_fixture(tmp_path_factory), tmp_path / "fx")
    project = QgsProject.instance()
    workspace = open_workspace(fx / "ws.gpkg", project)
    canvas = QgsMapCanvas()
    canvas.resize(600, 400)
    canvas.setDestinationCrs(workspace.layers["admin_units"].crs())
    canvas.setLayers(list(workspace.layers.values()))
    canvas.setExtent(QgsRectangle(ld.X0 - 5000, ld.Y0 - 5000, ld.X0 + 5000, ld.Y0 + 5000))
    widget = LinesDock(project=project, canvas=canvas)
    widget.workspace = workspace
    widget.fx = fx
    yield widget
    widget.cleanup()
    widget.deleteLater()
    project.clear()


def check(dock) -> None:
    dock.recheckButton.click()
    assert dock.is_running() and not dock.recheckButton.isEnabled()
    wait_for(dock)
    assert dock.message and "Error" not in dock.summaryLabel.text(), dock.summaryLabel.text()


def leaves_by_rule(dock) -> dict:
    found = {}
    for item in dock.issue_items():
        found.setdefault(dock.ref_of(item).rule, []).append(item)
    return found


def test_populate_group_zoom_and_flash(dock) -> None:
    from qgis.core import QgsVectorLayer

    assert dock.workspace_path() == str(dock.fx / "ws.gpkg")
    landuse = QgsVectorLayer(f"{dock.fx / 'dltb.gpkg'}|layername=dltb", "地类图斑", "ogr")
    QgsProject.instance().addMapLayer(landuse)
    dock.landuseCombo.setLayer(landuse)
    dock.classFieldCombo.setField("dlbm")
    assert dock.parameters()["CLASS_FIELD"] == "dlbm" and dock.parameters()["SYSTEM"] == 1
    check(dock)
    tree = dock.issuesTree
    top = {tree.topLevelItem(i).data(0, 0x0100): tree.topLevelItem(i) for i in range(tree.topLevelItemCount())}
    assert set(top) == {"L01", "L02", "L03", "L04", "L05", "L06", "L07", "L08", "L10", "L11", "L12", "L13", "L14"}
    # Grouped by admin unit: overlaps by where they are, the target rules by their unit.
    assert [top["L04"].child(i).data(0, 0x0100) for i in range(top["L04"].childCount())] == ["110101"]
    assert top["L04"].child(0).text(0).startswith("110101 甲区")
    assert top["L03"].child(0).childCount() + sum(top["L03"].child(i).childCount()
                                                   for i in range(1, top["L03"].childCount())) == 3
    assert "3 issues" not in dock.summaryLabel.text() and "15" in dock.summaryLabel.text()
    # Issue layers in the project, styled.
    names = {layer.name() for layer in QgsProject.instance().mapLayers().values()}
    assert {"Three-lines issues", "Three-lines issue points", "Three-lines statistics"} <= names
    # Click the L05 issue: the map zooms to it.
    item = leaves_by_rule(dock)["L05"][0]
    dock.issuesTree.setCurrentItem(item)
    dock.issuesTree.itemClicked.emit(item, 0)
    extent = dock.canvas.extent()
    issue = QgsGeometry.fromWkt(ld.b(50, 950, 100, 1000))
    assert extent.contains(issue.boundingBox())
    assert extent.width() < 500  # zoomed in from 10 km
    assert dock.acceptButton.isEnabled()


def test_accept_writes_the_exceptions_table_and_survives_a_recheck(dock, monkeypatch) -> None:
    check(dock)
    item = leaves_by_rule(dock)["L05"][0]
    fingerprint = dock.ref_of(item).fingerprint
    dock.issuesTree.setCurrentItem(item)
    assert dock.accept_selected("市政道路线性工程，经论证允许", accepted_by="审核员")
    rows = ld.rows(ld.ws_layer(dock.fx / "ws.gpkg", "exceptions"))
    assert len(rows) == 1
    row = rows[0]
    assert (row["rule_id"], row["fingerprint"], row["reason"], row["accepted_by"]) == (
        "L05", fingerprint, "市政道路线性工程，经论证允许", "审核员")
    assert row["accepted_at"].endswith("Z") and row["accepted_at"][:2] == "20"
    assert dock.ref_of(dock.issuesTree.currentItem()).fingerprint == fingerprint
    assert dock.issuesTree.currentItem().text(2) == "Accepted exception"
    check(dock)
    accepted = [i for i in dock.issue_items() if i.text(2) == "Accepted exception"]
    assert [dock.ref_of(i).rule for i in accepted] == ["L05"]
    assert "1 accepted" in dock.summaryLabel.text()
    # The button asks for the reason; cancelling the question writes nothing.
    from qgis.PyQt.QtWidgets import QInputDialog

    dock.issuesTree.setCurrentItem(leaves_by_rule(dock)["L07"][0])
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("", False))
    dock.acceptButton.click()
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("图斑界线沿河道，宽度符合实际", True))
    dock.acceptButton.click()
    rows = ld.rows(ld.ws_layer(dock.fx / "ws.gpkg", "exceptions"))
    assert [(r["rule_id"], r["reason"]) for r in rows] == [("L05", "市政道路线性工程，经论证允许"),
                                                           ("L07", "图斑界线沿河道，宽度符合实际")]
    assert rows[1]["accepted_by"]  # the QGIS user's name, or the login name


def test_recheck_sees_unsaved_edits(dock) -> None:
    check(dock)
    assert "L04" in leaves_by_rule(dock)
    farmland = dock.workspace.layers["permanent_farmland"]
    assert farmland.startEditing()
    fixed = QgsGeometry.fromWkt(ld.b(200, 0, 400, 1000))
    fixed.convertToMultiType()
    assert farmland.changeGeometry(1, fixed)
    check(dock)
    rules = leaves_by_rule(dock)
    assert "L04" not in rules and "L06" in rules
    farmland.rollBack()


def test_export_statistics_csv_and_pdf(dock, tmp_path: Path) -> None:
    assert not dock.exportButton.isEnabled()
    dock.landuseCombo.setLayer(None)
    check(dock)
    csv_path, pdf_path = tmp_path / "stats.csv", tmp_path / "stats.pdf"
    assert dock.export_statistics(csv_path, pdf_path)
    data = csv_path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8-sig")
    assert text.splitlines()[0].startswith("admin_code,admin_name,redline_ha")  # English UI: field names
    # The CLI's CSV on the same workspace (ellipsoidal, no land use) is the same file.
    out = tmp_path / "cli.gpkg"
    res = ld.run_cli("lines", "check", "--workspace", str(dock.fx / "ws.gpkg"), "-o", str(out), "--stats-csv",
                     str(tmp_path / "cli.csv"), "--csv-headers", "names")
    assert res.returncode == 0, res.stderr
    assert data == (tmp_path / "cli.csv").read_bytes()
    assert pdf_path.read_bytes()[:5] == b"%PDF-" and pdf_path.stat().st_size > 10_000
    import shutil
    import subprocess

    if shutil.which("pdfinfo"):
        info = subprocess.run(["pdfinfo", str(pdf_path)], capture_output=True, text=True).stdout
        pages = [line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")]
        assert pages == ["2"], info
    if shutil.which("pdftotext"):
        words = subprocess.run(["pdftotext", str(pdf_path), "-"], capture_output=True, text=True).stdout
        assert "110101" in words and "L04" in words


def test_removed_result_layers_are_forgotten(dock, tmp_path: Path) -> None:
    check(dock)
    assert dock.exportButton.isEnabled()
    QgsProject.instance().removeMapLayers([layer.id() for layer in dock.results.values()])
    assert not dock.results and not dock.exportButton.isEnabled()
    assert not dock.export_statistics(tmp_path / "x.csv")
    assert "Run the check first" in dock.summaryLabel.text()


# ---- issue #21: cancel, units, size, where dialogs start ----

def shown_tree(dock) -> list:
    tree = dock.issuesTree
    return [(tree.topLevelItem(i).text(0), [item.text(0) + item.text(3) for item in dock.issue_items()])
            for i in range(tree.topLevelItemCount())]


def test_cancelled_recheck_keeps_the_previous_results(dock) -> None:
    assert not dock.cancelButton.isEnabled() and dock.cancelButton.text() == "Cancel"
    check(dock)
    before_ids = {role: layer.id() for role, layer in dock.results.items()}
    before_tree = shown_tree(dock)
    dock.recheckButton.click()
    assert dock.is_running() and dock.cancelButton.isEnabled()
    dock.cancelButton.click()
    assert not dock.cancelButton.isEnabled()  # once
    wait_for(dock)
    assert "cancelled" in dock.summaryLabel.text() and "Error" not in dock.summaryLabel.text()
    assert {role: layer.id() for role, layer in dock.results.items()} == before_ids
    assert all(QgsProject.instance().mapLayer(i) is not None for i in before_ids.values())
    assert shown_tree(dock) == before_tree
    assert dock.exportButton.isEnabled() and dock.recheckButton.isEnabled() and not dock.cancelButton.isEnabled()
    # The next re-check runs normally.
    check(dock)
    assert shown_tree(dock) == before_tree and set(dock.results) == set(before_ids)


def test_cancel_while_the_check_runs(dock, monkeypatch) -> None:
    """Cancelled half-way (in the worker thread, as QGIS's task manager cancels it): the run
    stops, nothing new shown."""
    from qgis.PyQt.QtCore import Qt

    check(dock)
    before_ids = {role: layer.id() for role, layer in dock.results.items()}
    dock.recheckButton.click()
    feedback = dock._feedback
    feedback.progressChanged.connect(lambda value: feedback.cancel() if value > 1 else None,
                                     Qt.ConnectionType.DirectConnection)
    wait_for(dock)
    assert {role: layer.id() for role, layer in dock.results.items()} == before_ids
    assert "cancelled" in dock.summaryLabel.text()


def test_values_say_their_unit(dock) -> None:
    from qgis.core import QgsVectorLayer

    landuse = QgsVectorLayer(f"{dock.fx / 'dltb.gpkg'}|layername=dltb", "地类图斑", "ogr")
    QgsProject.instance().addMapLayer(landuse)
    dock.landuseCombo.setLayer(landuse)
    dock.classFieldCombo.setField("dlbm")
    check(dock)
    values = {rule: [i.text(3) for i in items] for rule, items in leaves_by_rule(dock).items()}
    # Hand values of the fixture (lines_data.HAND): a 5 ha overlap, 0.25 ha, a 0.4992 m sliver, 4.25/3 times …
    assert values["L04"] == ["5.00 ha"] and values["L05"] == ["0.25 ha"]
    assert values["L07"] == ["0.50 m"]
    assert values["L08"] == ["25.0 m²"]
    assert values["L10"] == ["2 admin units"]
    assert values["L11"] == [f"{ld.HAND['L11']:.3f} times"]
    assert values["L12"] == [f"{ld.HAND['L12']:.2f} ha"]
    assert all(v.endswith(" %") for v in values["L14"]), values["L14"]
    assert values["L01"] == [""]
    assert all(text for rule, texts in values.items() if rule != "L01" for text in texts), values


def test_value_text_per_rule(guotu) -> None:
    from guotu.lines.lines_values import value_text

    assert value_text("L03", 0.00005) == "0.5 m²" and value_text("L02", 12.345) == "12.35 ha"
    assert value_text("L09", 0.1234) == "0.123 m" and value_text("L14", 0.7512) == "75.1 %"
    assert value_text("L01", 0.0) == "" and value_text("L04", None) == "" and value_text("L04", float("nan")) == ""
    assert value_text("L99", 3.0) == "3"  # an unknown rule: the bare number, no made-up unit


def test_opens_at_a_usable_size_next_to_other_panels(dock) -> None:
    from dock_window import assert_usable, crowded_window, layout_facts

    from guotu.ui.dock_layout import wrapped_rows_whole

    check(dock)
    window = crowded_window(dock)
    try:
        facts = layout_facts(dock, dock.issuesTree)
        assert facts["rows"] >= 10, facts
        # Severity, status and value whole and in view; the messages take the rest of the
        # width and wrap (before: cut off after a few words, "…").
        assert all(width >= needed for width, needed in facts["columns"][1:]), facts
        assert sum(width for width, _needed in facts["columns"]) <= facts["viewport"], facts
        assert facts["columns"][0][0] >= 250, facts
        for _ in range(5):
            QCoreApplication.processEvents()
        assert wrapped_rows_whole(dock.issuesTree)
        assert dock.width() > 420  # widened for the messages (capped: the map keeps its room)
    finally:
        dock.setParent(None)
        window.deleteLater()


def test_dialogs_start_in_the_project_folder_or_the_last_one(dock, tmp_path: Path, monkeypatch) -> None:
    from qgis.PyQt.QtWidgets import QFileDialog
    from qgis.core import QgsSettings

    from guotu.ui import lines_dock as module
    from guotu.ui.start_folder import SETTINGS_PREFIX, choose_start_folder

    settings = QgsSettings()
    for kind in ("lines_workspace", "lines_stats"):
        settings.remove(SETTINGS_PREFIX + kind)
    project_dir, elsewhere = tmp_path / "project", tmp_path / "elsewhere"
    (project_dir / "reports").mkdir(parents=True)
    elsewhere.mkdir()
    # The rule, on plain folders.
    assert choose_start_folder(None, str(project_dir)) == str(project_dir)
    assert choose_start_folder(str(project_dir / "reports"), str(project_dir)) == str(project_dir / "reports")
    assert choose_start_folder(str(elsewhere), str(project_dir)) == str(project_dir)  # another project's folder
    assert choose_start_folder(str(elsewhere), None) == str(elsewhere)
    assert choose_start_folder(str(tmp_path / "gone"), None, home=str(tmp_path)) == str(tmp_path)
    # The dialogs: the project's folder, then the folder chosen last.
    QgsProject.instance().setFileName(str(project_dir / "plan.qgz"))
    seen = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (seen.append(a[2]), ("", ""))[1])
    assert module.open_workspace_interactive(None, QgsProject.instance()) is None
    assert seen == [str(project_dir)]
    check(dock)
    chosen = project_dir / "reports" / "stats.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (seen.append(a[2]), (str(chosen), ""))[1])
    dock.exportButton.click()
    assert Path(seen[-1]) == project_dir / "ws_stats.csv"
    assert chosen.is_file() and chosen.with_suffix(".pdf").is_file()
    dock.exportButton.click()
    assert Path(seen[-1]) == project_dir / "reports" / "ws_stats.csv"
