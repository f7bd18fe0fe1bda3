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
    assert text.splitlines()[0].startswith("行政区代码,行政区名称,生态保护红线（公顷）")
    # The CLI's CSV on the same workspace (ellipsoidal, no land use) is the same file.
    out = tmp_path / "cli.gpkg"
    res = ld.run_cli("lines", "check", "--workspace", str(dock.fx / "ws.gpkg"), "-o", str(out), "--stats-csv",
                     str(tmp_path / "cli.csv"))
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
