"""The 跨市边界冲突审查 dock driven offscreen on the border fixture: conflicts listed by pair
(worst first), a click zooms to the conflict, reviews written into the output layers and
kept when the file is reopened (also for a CLI GeoPackage without review fields), the
printable pair report."""

import re
import subprocess
from pathlib import Path

import pytest
from qgis.core import QgsProcessingException, QgsProject, QgsRectangle, QgsVectorLayer

import border_data as bd
import desktop_harness as dh
from desktop_harness import PRELUDE, needs_desktop, run_desktop
from lines_data import rows

pytestmark = pytest.mark.usefixtures("provider")

OUTPUT_LAYERS = {"BORDER_CONFLICTS": "border_conflicts", "CONFLICT_LINES": "border_conflict_lines",
                 "SHARED_BORDERS": "shared_borders", "PAIR_SUMMARY": "pair_summary",
                 "BASEMAP_ISSUES": "basemap_issues", "BASEMAP_ISSUE_POINTS": "basemap_issue_points"}
X0, Y0 = 39_500_000.0, 4_400_000.0


@pytest.fixture(scope="module")
def fx(tmp_path_factory) -> Path:
    return bd.make_fixture(tmp_path_factory.mktemp("border_dock"))


def run_to_gpkg(fx: Path, out: Path) -> None:
    import processing

    params = {"ADMIN": f"{fx / 'admin.gpkg'}|layername=admin", "ADMIN_ID": "code", "ADMIN_NAME": "name",
              "ELEMENTS": f"{fx / 'el.gpkg'}|layername=elements", "CITY_FIELD": "city", "CATEGORY_FIELD": "category",
              "NAME_FIELD": "name", "AREA_METHOD": 1}
    params.update({key: f"ogr:dbname='{out}' table=\"{table}\" (geom)" for key, table in OUTPUT_LAYERS.items()})
    processing.run("guotu:borderconflicts", params)


@pytest.fixture
def dock(fx: Path, tmp_path: Path):
    out = tmp_path / "border.gpkg"
    run_to_gpkg(fx, out)
    widget = dh.border_dock(dh.add_border_tables(out))
    widget.gpkg = out
    widget.tmp = tmp_path
    yield widget
    dh.close_dock(widget)


def select(dock, conflict_kind: str):
    item = next(i for i in dock.conflict_items() if conflict_kind in i.text(0))
    dock.conflictTree.setCurrentItem(item)
    return item


def test_lists_by_pair_and_zooms(dock) -> None:
    pairs = dock.pair_items()
    assert len(pairs) == 1 and pairs[0].text(0).startswith("A 甲市 | B 乙市")  # C|D, C|E: base-map issues only
    assert "65.9" in pairs[0].text(0)
    assert len(dock.conflict_items()) == 5
    select(dock, "Gap")
    extent = dock.canvas.extent()
    assert extent.contains(QgsRectangle(X0 + 1000, Y0 + 550, X0 + 1050, Y0 + 700))
    assert extent.width() < 1000
    assert "B" in dock.detailBrowser.toPlainText()


def test_reviews_persist_in_the_output(dock) -> None:
    select(dock, "Gap")
    assert dock.review_selected("agreed")
    dock.note_for_exception = "线性基础设施穿越，已协商"
    select(dock, "Discontinuity")
    assert dock.review_selected("exception")
    dock.reviewCombo.setCurrentIndex(dock.reviewCombo.findData("open"))
    assert len(dock.conflict_items()) == 3
    # Reopened from the file: both layers of the comparison carry the reviews.
    for table in ("border_conflict_lines", "border_conflicts"):
        layer = QgsVectorLayer(f"{dock.gpkg}|layername={table}", "x", "ogr")
        reviews = {r["kind"]: (r["review_status"], r["review_note"], bool(r["reviewed_at"])) for r in rows(layer)}
        assert reviews["gap"] == ("agreed", "", True), table
        if table == "border_conflict_lines":
            assert reviews["discontinuity"] == ("exception", "线性基础设施穿越，已协商", True)
        assert reviews["overlap"][0] == "open"
    dock.reviewCombo.setCurrentIndex(dock.reviewCombo.findData("*"))
    select(dock, "Gap")
    assert dock.review_selected("open")
    layer = QgsVectorLayer(f"{dock.gpkg}|layername=border_conflict_lines", "x", "ogr")
    assert {r["kind"]: r["review_status"] for r in rows(layer)}["gap"] == "open"
    dock.note_for_exception = "  "
    select(dock, "Overlap")
    assert not dock.review_selected("exception") and "needs a note" in dock.message


def test_cli_output_gets_review_fields(fx: Path, tmp_path: Path) -> None:
    out = tmp_path / "cli.gpkg"
    assert bd.run_cli(fx, out).returncode == 0
    before = QgsVectorLayer(f"{out}|layername=border_conflict_lines", "x", "ogr")
    assert before.fields().lookupField("review_status") < 0
    del before
    dock = dh.border_dock(dh.add_border_tables(out))
    try:
        select(dock, "Mismatch" if any("Mismatch" in i.text(0) for i in dock.conflict_items()) else "mismatch")
        assert dock.review_selected("agreed"), dock.message
        layer = QgsVectorLayer(f"{out}|layername=border_conflict_lines", "x", "ogr")
        assert {r["kind"]: r["review_status"] for r in rows(layer)}["category_mismatch"] == "agreed"
    finally:
        dh.close_dock(dock)


def test_pair_report(dock) -> None:
    select(dock, "Gap")
    dock.report_path = dock.tmp / "report.pdf"
    path = dock.export_report()
    assert path == dock.report_path and path.read_bytes()[:5] == b"%PDF-"
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True).stdout
    assert re.search(r"^Pages:\s+2$", info, re.M), info
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True).stdout
    assert "甲市" in text and "#" in text
    # The map is drawn: the page shows the status colours of the border (coordinated green,
    # gap orange) — a blank map would not.
    subprocess.run(["pdftoppm", "-r", "50", "-png", "-f", "1", "-l", "1", str(path), str(dock.tmp / "page")],
                   check=True)
    from qgis.PyQt.QtGui import QColor, QImage

    image = QImage(str(next(dock.tmp.glob("page*.png"))))
    colours = set()
    for x in range(0, image.width(), 2):
        for y in range(0, image.height(), 2):
            colours.add(QColor(image.pixel(x, y)).name())

    def near(target: str) -> bool:
        t = QColor(target)
        return any(abs(QColor(c).red() - t.red()) + abs(QColor(c).green() - t.green()) +
                   abs(QColor(c).blue() - t.blue()) < 40 for c in colours)

    assert near("#1a9850") and near("#f46d43"), sorted(colours)[:20]


def test_cli_output_opens_styled(fx: Path, tmp_path: Path) -> None:
    """`guotu border` stores the plugin's styles in its GeoPackage: QGIS opens the layers
    styled by status and kind, with the Chinese field names."""
    from qgis.core import QgsRuleBasedRenderer

    out = tmp_path / "cli.gpkg"
    assert bd.run_cli(fx, out).returncode == 0
    segments = QgsVectorLayer(f"{out}|layername=shared_borders", "s", "ogr")
    assert isinstance(segments.renderer(), QgsRuleBasedRenderer)
    filters = [r.filterExpression() for r in segments.renderer().rootRule().children()]
    assert "\"status\" = 'coordinated'" in filters
    conflicts = QgsVectorLayer(f"{out}|layername=border_conflicts", "c", "ogr")
    assert conflicts.attributeDisplayName(conflicts.fields().indexOf("kind")) == "冲突类型"


def test_report_algorithm_writes_one_pdf_per_pair(fx: Path, tmp_path: Path) -> None:
    """guotu:borderreport on the CLI's GeoPackage: the pairs with conflicts, or the one given."""
    import processing

    out = tmp_path / "cli.gpkg"
    assert bd.run_cli(fx, out).returncode == 0
    params = {"SHARED_BORDERS": f"{out}|layername=shared_borders",
              "CONFLICT_LINES": f"{out}|layername=border_conflict_lines",
              "BORDER_CONFLICTS": f"{out}|layername=border_conflicts", "PAIR_SUMMARY": f"{out}|layername=pair_summary",
              "OUTPUT_FOLDER": str(tmp_path / "reports")}
    result = processing.run("guotu:borderreport", params)
    assert result["REPORT_COUNT"] == 1
    assert [p.name for p in (tmp_path / "reports").glob("*.pdf")] == ["边界审查_A-B.pdf"]
    result = processing.run("guotu:borderreport", dict(params, PAIR="C,D", OUTPUT_FOLDER=str(tmp_path / "cd")))
    assert result["REPORT_COUNT"] == 1 and (tmp_path / "cd" / "边界审查_C-D.pdf").is_file()
    with pytest.raises(QgsProcessingException, match="share no border"):
        processing.run("guotu:borderreport", dict(params, PAIR="A,F", OUTPUT_FOLDER=str(tmp_path / "af")))


# ---- issue #21: size, units, keeping a temporary review, where dialogs start ----

def run_to_memory(fx: Path) -> dict:
    """The comparison into temporary outputs (Processing's default), added to the project."""
    import processing

    params = {"ADMIN": f"{fx / 'admin.gpkg'}|layername=admin", "ADMIN_ID": "code", "ADMIN_NAME": "name",
              "ELEMENTS": f"{fx / 'el.gpkg'}|layername=elements", "CITY_FIELD": "city", "CATEGORY_FIELD": "category",
              "NAME_FIELD": "name", "AREA_METHOD": 1}
    params.update({key: "memory:" for key in OUTPUT_LAYERS})
    result = processing.run("guotu:borderconflicts", params)
    layers = {}
    for key, table in OUTPUT_LAYERS.items():
        layer = result[key]
        layer.setName(table)
        QgsProject.instance().addMapLayer(layer)
        layers[table] = layer
    return layers


def test_opens_at_a_usable_size_next_to_other_panels(dock) -> None:
    from dock_window import assert_usable, crowded_window, layout_facts

    window = crowded_window(dock)
    try:
        facts = layout_facts(dock, dock.conflictTree)
        assert_usable(facts)
        # The pair row's title and the conflicts' labels show whole.
        tree = dock.conflictTree
        assert tree.columnWidth(0) >= tree.sizeHintForColumn(0) > 150
    finally:
        dock.setParent(None)
        window.deleteLater()


def test_areas_in_hectares_with_the_unit_in_the_header(dock) -> None:
    tree = dock.conflictTree
    assert tree.headerItem().text(2) == "Area (ha)" and tree.headerItem().text(1) == "Length (m)"
    areas = {i.text(0).split(" ", 1)[1]: i.text(2) for i in dock.conflict_items()}
    # The fixture's hand values: a 7,500 m² gap, 4,000 m² crossing, 2,000 m² double claim.
    gap = next(v for k, v in areas.items() if k.startswith("Gap"))
    assert gap == "0.7500"
    assert sorted(v for v in areas.values() if v) == ["0.2000", "0.4000", "0.7500"]
    from guotu.border.border_values import area_ha_text

    assert area_ha_text(123_456_789.0) == "12,345.7" and area_ha_text(45_600.0) == "4.56"
    assert area_ha_text(40.0) == "0.0040" and area_ha_text(0.0) == ""
    select(dock, "Gap")
    assert "0.7500 ha (7500 m²)" in dock.detailBrowser.toPlainText()


def test_report_dialog_starts_in_the_project_folder(dock, tmp_path: Path, monkeypatch) -> None:
    from qgis.PyQt.QtWidgets import QFileDialog

    from guotu.ui.start_folder import SETTINGS_PREFIX

    from qgis.core import QgsSettings

    QgsSettings().remove(SETTINGS_PREFIX + "border_report")
    project_dir = tmp_path / "project"
    project_dir.mkdir()
    QgsProject.instance().setFileName(str(project_dir / "review.qgz"))
    seen = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (seen.append(a[2]), ("", ""))[1])
    select(dock, "Gap")
    assert dock.export_report() is None
    assert len(seen) == 1 and Path(seen[0]).parent == project_dir, seen


@pytest.fixture
def temporary_dock(fx: Path, tmp_path: Path):
    widget = dh.border_dock(run_to_memory(fx))
    widget.tmp = tmp_path
    yield widget
    dh.close_dock(widget)


def test_temporary_review_is_kept_in_a_geopackage(temporary_dock) -> None:
    from guotu.border.border_keep import unsaved_reviews

    dock = temporary_dock
    assert dock.is_temporary() and not dock.keepFrame.isHidden()
    assert "temporary" in dock.keepLabel.text()
    # Without a file to keep it in, the review goes into the temporary layers: named as unsaved.
    select(dock, "Gap")
    assert dock.review_selected("agreed")
    assert sorted(layer.name() for layer in unsaved_reviews(QgsProject.instance())) == ["border_conflict_lines",
                                                                                        "border_conflicts"]
    from guotu.border.border_style import style_conflicts_layer

    style_conflicts_layer(dock.layer())  # as Processing's loading styles it
    gpkg = dock.tmp / "kept" / "border_review.gpkg"
    assert dock.save_review(gpkg) == gpkg
    assert not dock.is_temporary() and dock.keepFrame.isHidden()
    assert not unsaved_reviews(QgsProject.instance())
    # The project shows the saved tables (not the memory layers), styled as before.
    layer = dock.layer()
    assert layer.providerType() == "ogr" and layer.source().startswith(str(gpkg))
    assert layer.renderer().type() == "RuleRenderer"
    assert len(dock.conflict_items()) == 5
    # The review made before saving is in the file, and a later one is saved there too.
    select(dock, "Discontinuity")
    dock.note_for_exception = "已协商"
    assert dock.review_selected("exception")
    for table in ("border_conflict_lines", "border_conflicts"):
        saved = {r["kind"]: r["review_status"] for r in rows(QgsVectorLayer(f"{gpkg}|layername={table}", "x", "ogr"))}
        assert saved["gap"] == "agreed", table
    saved = {r["kind"]: r["review_status"] for r in rows(QgsVectorLayer(f"{gpkg}|layername=border_conflict_lines",
                                                                        "x", "ogr"))}
    assert saved["discontinuity"] == "exception"
    for table in ("shared_borders", "pair_summary"):
        assert QgsVectorLayer(f"{gpkg}|layername={table}", "x", "ogr").featureCount() > 0


def test_first_review_on_temporary_layers_offers_to_save(temporary_dock) -> None:
    dock = temporary_dock
    gpkg = dock.tmp / "first.gpkg"
    dock.keep_path = gpkg  # the answer to the save dialog
    select(dock, "Gap")
    assert dock.review_selected("agreed")
    assert gpkg.is_file() and not dock.is_temporary()
    saved = {r["kind"]: r["review_status"] for r in rows(QgsVectorLayer(f"{gpkg}|layername=border_conflict_lines",
                                                                        "x", "ogr"))}
    assert saved["gap"] == "agreed"


def test_closing_the_project_with_an_unsaved_review_asks_to_save(temporary_dock, monkeypatch) -> None:
    from qgis.PyQt.QtWidgets import QFileDialog, QMessageBox

    dock = temporary_dock
    select(dock, "Gap")
    assert dock.review_selected("agreed")
    gpkg = dock.tmp / "on_close.gpkg"
    dock.ask_questions = True
    asked = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: (asked.append(a[2]), QMessageBox.StandardButton.Save)[1])
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(gpkg), ""))
    QgsProject.instance().clear()
    assert len(asked) == 1 and "will be lost" in asked[0]
    saved = {r["kind"]: r["review_status"] for r in rows(QgsVectorLayer(f"{gpkg}|layername=border_conflict_lines",
                                                                        "x", "ogr"))}
    assert saved["gap"] == "agreed"


def test_closing_without_reviews_asks_nothing(temporary_dock, monkeypatch) -> None:
    from qgis.PyQt.QtWidgets import QMessageBox

    dock = temporary_dock
    dock.ask_questions = True
    asked = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: asked.append(a) or QMessageBox.StandardButton.Discard)
    QgsProject.instance().clear()
    assert asked == []


def test_pair_view_shows_the_framework_indicators(dock) -> None:
    """Selecting a pair shows the transmission indicators of the elements both cities share
    when the framework's tables are in the project (guotu framework indicators on the plane
    fixture: M01 of cities A and B, hand values of test_cli_framework.py)."""
    import frame_data as fd

    pair = dock.pair_items()[0]
    dock.conflictTree.setCurrentItem(pair)
    assert dock.detailBrowser.toPlainText().startswith("A 甲市 | B 乙市")
    assert "Transmission indicators" not in dock.detailBrowser.toPlainText()
    (dock.tmp / "frame").mkdir()
    frame = fd.make_indicator_fixture(dock.tmp / "frame")
    results = dock.tmp / "frame.gpkg"
    cli = fd.run_indicators_cli(frame, results, "--area", "planar")
    assert cli.returncode == 0, cli.stderr
    for table in ("element_indicators", "indicator_findings"):
        QgsProject.instance().addMapLayer(QgsVectorLayer(f"{results}|layername={table}", table, "ogr"))
    dock.conflictTree.setCurrentItem(None)
    dock.conflictTree.setCurrentItem(dock.pair_items()[0])  # the tree is refilled when layers are added
    text = dock.detailBrowser.toPlainText()
    assert "M01 Hills, part A: 12.00 ha, elevation 30.0 m, slope 5.71°, steep share 0.000, forest share 0.292" in text
    assert "M01 Hills, strip B → A: 6.00 ha, elevation 45.0 m" in text
    assert "Outside the city's threshold: element M01 (Hills), part of city A: slope_mean is 5.711" in text
    assert "Indicator jumps at the border" in text
    # The framework's tables are not drawn as the cities' elements in the pair report.
    from guotu.border.border_report import find_border_inputs

    _admin, elements = find_border_inputs(QgsProject.instance(), "A", "B", [])
    assert all("indicator" not in layer.name() for layer in elements)


def test_pair_framework_table_selects_and_zooms_to_the_part(dock) -> None:
    """The pair's framework results as a table: one row per part and strip of M01 (plane
    fixture, hand values of test_cli_framework.py), the findings on the row they concern;
    choosing a row selects that zone in the indicators layer and zooms the map onto it."""
    import frame_data as fd

    dock.conflictTree.setCurrentItem(dock.pair_items()[0])
    assert not dock.frameworkTable.isVisibleTo(dock) and dock.frameworkTable.rowCount() == 0
    (dock.tmp / "frame").mkdir()
    frame = fd.make_indicator_fixture(dock.tmp / "frame")
    results = dock.tmp / "frame.gpkg"
    cli = fd.run_indicators_cli(frame, results, "--area", "planar")
    assert cli.returncode == 0, cli.stderr
    layers = {}
    for table in ("element_indicators", "indicator_findings"):
        layers[table] = QgsVectorLayer(f"{results}|layername={table}", table, "ogr")
        QgsProject.instance().addMapLayer(layers[table])
    dock.conflictTree.setCurrentItem(None)
    assert not dock.frameworkTable.isVisibleTo(dock)
    dock.conflictTree.setCurrentItem(dock.pair_items()[0])
    table = dock.frameworkTable
    assert table.isVisibleTo(dock)
    assert [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())] == [
        "Element", "Zone", "Area (ha)", "Elevation mean (m)", "Elevation min–max (m)", "Slope mean (°)",
        "Steep share", "Forest share", "Findings"]
    cells = [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(table.rowCount())]
    by_zone = {row[1]: row for row in cells}
    assert {"part A", "part B", "strip A → B", "strip B → A"} <= set(by_zone)
    assert by_zone["part A"][:4] == ["M01 Hills", "part A", "12.00", "30.0"]
    assert by_zone["part A"][5:8] == ["5.71", "0.000", "0.292"]
    assert by_zone["strip B → A"][2:4] == ["6.00", "45.0"]
    assert "Outside the city's threshold: " in by_zone["part A"][8] and "slope_mean is 5.711" in by_zone["part A"][8]
    assert any("Indicator jumps at the border" in row[8] for row in cells)
    # Each finding of the pair appears once in the table, on the zone it concerns.
    from guotu.border.border_report import framework_rows

    _zones, found = framework_rows(layers["element_indicators"], layers["indicator_findings"], "A", "B")
    assert sum(len(r.findings) for r in dock.framework_rows) == len(found) > 0
    # Choosing the row of part A selects it in the indicators layer and brings it into view.
    row = next(r for r, values in enumerate(cells) if values[1] == "part A")
    table.setCurrentCell(row, 0)
    selected = layers["element_indicators"].selectedFeatures()
    assert [(f["element_id"], f["zone"], f["city_id"]) for f in selected] == [("M01", "part", "A")]
    box = selected[0].geometry().boundingBox()
    extent = dock.canvas.extent()
    assert extent.contains(box)
    assert extent.width() < 3 * max(box.width(), box.height()) + 1.0  # zoomed onto the part, not the whole map
    # Choosing a conflict hides the table and clears the selection.
    dock.conflictTree.setCurrentItem(dock.conflict_items()[0])
    assert not table.isVisibleTo(dock) and layers["element_indicators"].selectedFeatureCount() == 0


FRAMEWORK_DESKTOP = r'''

def main():
    try:
        start_run("mActionGuotuBorderReview", "guotu:borderconflicts")
        add_layers(os.environ["GUOTU_BORDER"], ("border_conflict_lines", "border_conflicts", "shared_borders",
                                                "pair_summary"))
        indicators = add_layers(os.environ["GUOTU_FRAME"], ("element_indicators", "indicator_findings"))[
            "element_indicators"]
        canvas = show_on_map(indicators.crs())
        open_dock("mActionGuotuBorderReview", "border_dock")
        QTimer.singleShot(1000, lambda: choose(canvas, indicators))
    except Exception:
        result["error"] = traceback.format_exc()
        finish()


def choose(canvas, indicators):
    """The user, once the dock is open: the city pair, then part B of M01 in the table."""
    try:
        dock = qgis.utils.plugins["guotu"].border_dock
        table = pair_table(dock, "frameworkTable")
        from guotu.border.border_report import framework_table_headings
        result["translated_headings"] = framework_table_headings()
        row = next(r for r in range(table.rowCount()) if table.item(r, 0).text().startswith("M01")
                   and dock.framework_rows[r].fid is not None and "B" in table.item(r, 1).text()
                   and "→" not in table.item(r, 1).text())
        table.setCurrentCell(row, 0)
        table.scrollToItem(table.item(row, 0))
        QTimer.singleShot(1500, lambda: look(canvas, indicators))
    except Exception:
        result["error"] = traceback.format_exc()
        finish()


def look(canvas, indicators):
    """What the map shows once the window has settled."""
    try:
        selected = indicators.selectedFeatures()
        result["selected"] = [[f["element_id"], f["zone"], f["city_id"]] for f in selected]
        box = selected[0].geometry().boundingBox()
        extent = canvas.extent()
        result["in_view"] = extent.contains(box)
        result["view_to_part"] = min(extent.width(), extent.height()) / max(box.width(), box.height())
        screenshot()
    except Exception:
        result["error"] = traceback.format_exc()
        finish()


QTimer.singleShot(500, main)
'''


@needs_desktop
def test_framework_table_in_qgis_desktop(plugin_root: Path, fx: Path, tmp_path: Path) -> None:
    """The real QGIS desktop in Chinese (zh-Hans): the border comparison and the framework's
    tables loaded, the dock opened from its menu entry, the pair chosen: the framework table
    shows M01's parts and strips with the hand values and the findings in Chinese (the core's
    message_zh); choosing part B selects it in the indicators layer and zooms onto it."""
    import frame_data as fd

    border = tmp_path / "border.gpkg"
    run_to_gpkg(fx, border)
    (tmp_path / "frame").mkdir()
    frame = fd.make_indicator_fixture(tmp_path / "frame")
    results = tmp_path / "frame.gpkg"
    cli = fd.run_indicators_cli(frame, results, "--area", "planar")
    assert cli.returncode == 0, cli.stderr
    (tmp_path / "fx").mkdir()
    result, _log, shot = run_desktop(plugin_root, tmp_path, PRELUDE + FRAMEWORK_DESKTOP, "framework_table",
                                     {"GUOTU_FX": str(tmp_path / "fx"), "GUOTU_BORDER": str(border),
                                      "GUOTU_FRAME": str(results)}, locale="zh-Hans")
    assert result["action"] == "跨市边界冲突审查…"
    assert result["table_visible"]
    assert result["headings"] == result["translated_headings"] and len(result["headings"]) == 9
    cells = result["cells"]
    assert len(cells) == 4  # M01: parts A and B, strips A → B and B → A
    part_a = next(row for row in cells if row[2] == "12.00")
    assert part_a[3] == "30.0" and part_a[5:8] == ["5.71", "0.000", "0.292"]
    assert "要素 M01（Hills）A 部分的 slope_mean 为 5.711，超出该市阈值 <= 5" in part_a[8]
    assert any("在 A 与 B 交界处 elevation_mean 跳变：35 对 45（容差 5）" in row[8] for row in cells)
    assert "城市 B 未给出 mountain 类要素指标 elevation_mean 的阈值" in "\n".join(row[8] for row in cells)
    assert result["selected"] == [["M01", "part", "B"]]
    assert result["in_view"] and result["view_to_part"] < 2.0  # the part fills the view
    assert shot.is_file() and shot.stat().st_size > 20_000
    assert result["unloaded"]
