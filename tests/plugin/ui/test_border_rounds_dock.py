"""The round comparison in the 跨市边界冲突审查 dock, on the CLI tests' two rounds
(test_cli_framework.make_rounds, round n's discontinuity reviewed as an exception):
for the pair A | B, hand-checked —
- the discontinuity (100 m, side B) persists, keeps its exception and note, is not returned;
- the category mismatch (farmland against red line, 100 m) is new and returned;
- the two overlaps of round n (A's element pulled back to the border) are resolved;
- A's slope threshold raised to 10: outside_threshold A slope_mean and threshold_differs
  resolved; forest_share A and B, threshold_missing B, value_jump A/B persisting, returned.
So 4 resolved, 5 persisting, 1 new, 5 on the return list."""

from pathlib import Path

import pytest
from qgis.core import QgsApplication, QgsProject, QgsVectorLayer

import frame_data as fd
import desktop_harness as dh
from desktop_harness import PRELUDE, needs_desktop, run_desktop

pytestmark = pytest.mark.usefixtures("provider")

X0, Y0 = 39_500_000.0, 4_400_000.0
BORDER_TABLES = dh.BORDER_TABLES
EXPECTED = [  # status, where, length (m), return list, review — the comparison's order
    ("persisting", "A | B", "100.0", "major, accepted in review", "exception: 河道自然断开"),
    ("new", "A | B", "100.0", "returned", ""),
    ("persisting", "M01 A forest_share", "", "returned", ""),
    ("persisting", "M01 B elevation_mean", "", "returned", ""),
    ("persisting", "M01 B forest_share", "", "returned", ""),
    ("persisting", "M01 A → B elevation_mean", "", "returned", ""),
    ("resolved", "A | B", "100.0", "", ""),
    ("resolved", "A | B", "100.0", "", ""),
    ("resolved", "M01 A slope_mean", "", "", ""),
    ("resolved", "M01 A → B slope_mean", "", "", ""),
]


@pytest.fixture(scope="module")
def rounds(tmp_path_factory) -> Path:
    folder = fd.make_rounds_fixture(tmp_path_factory.mktemp("border_rounds"))
    cli = fd.run_rounds_cli(folder, folder / "rounds.gpkg")
    assert cli.returncode == 0, cli.stderr
    return folder


@pytest.fixture
def dock(rounds: Path):
    layers = dh.add_border_tables(rounds / "r1_border.gpkg")
    widget = dh.border_dock(layers, (X0, Y0))
    widget.layers = layers
    yield widget
    dh.close_dock(widget)


def cells(table) -> list:
    return [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(table.rowCount())]


def test_pair_rounds_table_statuses_review_and_zoom(dock, rounds: Path) -> None:
    dock.conflictTree.setCurrentItem(dock.pair_items()[0])
    assert not dock.roundTable.isVisibleTo(dock) and dock.round_layer() is None
    assert "Rounds:" not in dock.detailBrowser.toPlainText()
    comparison = QgsVectorLayer(f"{rounds / 'rounds.gpkg'}|layername=round_comparison", "round_comparison", "ogr")
    indicators = QgsVectorLayer(f"{rounds / 'r1_ind.gpkg'}|layername=element_indicators", "element_indicators",
                                "ogr")
    QgsProject.instance().addMapLayers([indicators, comparison])
    assert dock.round_layer() is comparison  # found in the project and chosen by itself
    assert comparison.crs().authid() == "EPSG:4527"  # the rounds' CRS, written by the CLI
    dock.conflictTree.setCurrentItem(dock.pair_items()[0])
    table = dock.roundTable
    assert table.isVisibleTo(dock)
    assert [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())] == [
        "Round status", "Conflict or finding", "Where", "Length (m)", "Area (ha)", "Return list", "Review and note"]
    shown = cells(table)
    assert [(r[0], r[2], r[3], r[5], r[6]) for r in shown] == EXPECTED
    assert [r[1] for r in shown[:2]] == ["Discontinuity", "Category mismatch"]
    assert shown[2][1] == "Outside the city's threshold" and shown[5][1] == "Indicator jumps at the border"
    assert shown[9][1] == "Thresholds differ across the border"
    # Round n's overlaps (crossing and double claim): A's element 40 m into B over 100 m, 4,000 m².
    assert [r[4] for r in shown[6:8]] == ["0.40", "0.40"]
    # The returned rows are bold; the status coloured.
    assert table.item(1, 0).font().bold() and not table.item(0, 0).font().bold()
    assert table.item(1, 0).foreground().color().name() == "#b30000"
    assert table.item(6, 0).foreground().color().name() == "#2e7d32"
    # The pair's summary counts them.
    assert "Rounds: 4 resolved, 5 persisting, 1 new; 5 on the return list" in dock.detailBrowser.toPlainText()

    # The new mismatch: its border line x = 1000, y 700..800 (local) selected and in view.
    table.setCurrentCell(1, 0)
    assert [f["kind"] for f in comparison.selectedFeatures()] == ["category_mismatch"]
    box = comparison.selectedFeatures()[0].geometry().boundingBox()
    assert box.height() == pytest.approx(100.0, abs=1e-6)
    extent = dock.canvas.extent()
    assert extent.contains(box) and extent.width() < 300
    # A resolved overlap: round n's line, 100 m, at y 400..500.
    table.setCurrentCell(6, 0)
    box = comparison.selectedFeatures()[0].geometry().boundingBox()
    assert box.yMinimum() - box.yMaximum() == pytest.approx(-100.0, abs=1e-6)
    assert dock.canvas.extent().contains(box)
    assert abs(dock.canvas.extent().center().y() - box.center().y()) < 1.0
    # A finding between the cities: the strip of A facing B in the indicators, selected.
    table.setCurrentCell(5, 0)
    assert comparison.selectedFeatureCount() == 0
    assert [(f["element_id"], f["zone"], f["city_id"], f["other_city_id"]) for f in indicators.selectedFeatures()] \
        == [("M01", "strip", "A", "B")]
    assert dock.canvas.extent().contains(indicators.selectedFeatures()[0].geometry().boundingBox())
    # B's own forest share: B's part.
    table.setCurrentCell(4, 0)
    assert [(f["zone"], f["city_id"]) for f in indicators.selectedFeatures()] == [("part", "B")]
    # Choosing a conflict hides the table and clears the selection.
    dock.conflictTree.setCurrentItem(dock.conflict_items()[0])
    assert not table.isVisibleTo(dock) and indicators.selectedFeatureCount() == 0
    # Without a chosen comparison, no table.
    dock.conflictTree.setCurrentItem(dock.pair_items()[0])
    dock.roundCombo.setLayer(None)
    QgsApplication.processEvents()  # the dock follows the chooser once the event is over
    assert not table.isVisibleTo(dock) and "Rounds:" not in dock.detailBrowser.toPlainText()


def test_same_rows_from_guotu_framerounds(dock, rounds: Path) -> None:
    """The round comparison of guotu:framerounds (a memory layer without CRS) gives the dock
    the same rows as the CLI's GeoPackage, and its conflicts are still brought into view."""
    import processing

    from guotu.frame.round_review import pair_round_rows

    cli = QgsVectorLayer(f"{rounds / 'rounds.gpkg'}|layername=round_comparison", "round_comparison", "ogr")
    result = processing.run("guotu:framerounds", {
        "PREVIOUS": str(rounds / "r0_border.gpkg"), "PREVIOUS_MORE": str(rounds / "r0_ind.gpkg"),
        "CURRENT": str(rounds / "r1_border.gpkg"), "CURRENT_MORE": str(rounds / "r1_ind.gpkg"),
        "ROUND_COMPARISON": "memory:", "RETURN_LIST": "memory:", "RETURN_SUMMARY": "memory:"})
    ours = result["ROUND_COMPARISON"]
    # The comparison's lines are in the rounds' CRS (the conflict layers' EPSG:4527), not in an
    # undefined one that QGIS would take for WGS 84.
    assert ours.crs().authid() == dock.layer().crs().authid() == "EPSG:4527"
    assert [r.cells for r in pair_round_rows(ours, "A", "B")] == [r.cells for r in pair_round_rows(cli, "A", "B")]
    QgsProject.instance().addMapLayer(ours)
    assert dock.round_layer() is ours
    dock.conflictTree.setCurrentItem(dock.pair_items()[0])
    assert [(r[0], r[2], r[3], r[5], r[6]) for r in cells(dock.roundTable)] == EXPECTED
    dock.roundTable.setCurrentCell(1, 0)
    box = ours.selectedFeatures()[0].geometry().boundingBox()
    assert dock.canvas.extent().contains(box) and dock.canvas.extent().width() < 300
    # The other order of the pair gives the same items.
    assert [r.status for r in pair_round_rows(cli, "B", "A")] == [e[0] for e in EXPECTED]
    assert pair_round_rows(cli, "A", "C") == []


def comparison_with_indicators(rounds: Path, folder: Path) -> Path:
    """both.gpkg: the CLI's round comparison as table "runde_2" and round n+1's element_indicators."""
    import subprocess

    both = folder / "both.gpkg"
    for args in ([str(rounds / "rounds.gpkg"), "round_comparison", "-nln", "runde_2"],
                 ["-update", str(rounds / "r1_ind.gpkg"), "element_indicators"]):
        subprocess.run(["ogr2ogr", "-f", "GPKG", str(both)] + args, check=True, capture_output=True)
    return both


def test_open_round_comparison_from_a_file(dock, rounds: Path, tmp_path: Path) -> None:
    """"Open round comparison…": a GeoPackage holding the comparison under a name of its own
    and the round's element indicators adds both and shows the pair's rows; opening it again
    adds nothing; a file without a comparison is refused, named; the button opens the file
    given; the pair report from the dock then has the rounds' page."""
    import subprocess

    from pdf_tables import squeeze, table_cells

    both = comparison_with_indicators(rounds, tmp_path)
    project = QgsProject.instance()
    dock.conflictTree.setCurrentItem(dock.pair_items()[0])
    assert dock.roundOpenButton.isVisibleTo(dock) and dock.roundOpenButton.text() == "Open round comparison…"
    assert not dock.roundTable.isVisibleTo(dock) and not dock.frameworkTable.isVisibleTo(dock)
    before = len(project.mapLayers())
    chosen = dock.open_round_comparison(both)
    assert chosen is not None and chosen.name() == "runde_2 (both)" and dock.round_layer() is chosen
    assert {layer.name() for layer in project.mapLayers().values()} >= {"element_indicators (both)",
                                                                         "runde_2 (both)"}
    assert len(project.mapLayers()) == before + 2
    assert [(r[0], r[2], r[3], r[5], r[6]) for r in cells(dock.roundTable)] == EXPECTED
    assert dock.frameworkTable.isVisibleTo(dock) and dock.frameworkTable.rowCount() == 4  # parts and strips of M01
    assert "Rounds: 4 resolved, 5 persisting, 1 new; 5 on the return list" in dock.detailBrowser.toPlainText()
    assert "runde_2 (both)" in dock.message and str(both) in dock.message
    # Again: nothing added twice, the same layer chosen.
    assert dock.open_round_comparison(both) is chosen and len(project.mapLayers()) == before + 2
    # A border comparison is not a round comparison: refused, the file named, nothing added.
    assert dock.open_round_comparison(rounds / "r1_border.gpkg") is None
    assert f'"{rounds / "r1_border.gpkg"}" holds no round comparison' in dock.message
    assert dock.open_round_comparison(tmp_path / "missing.gpkg") is None and "does not exist" in dock.message
    assert len(project.mapLayers()) == before + 2 and dock.round_layer() is chosen
    # The button opens the file given (the CLI's GeoPackage: the comparison only) and chooses it.
    dock.round_path = rounds / "rounds.gpkg"
    dock.roundOpenButton.click()
    assert dock.round_layer().name() == "round_comparison (rounds)" and len(project.mapLayers()) == before + 3
    assert [(r[0], r[2], r[3], r[5], r[6]) for r in cells(dock.roundTable)] == EXPECTED
    # The pair report printed from the dock has the pair's rounds on its last page.
    dock.report_path = tmp_path / "pair.pdf"
    assert dock.export_report() == tmp_path / "pair.pdf"
    rows = table_cells(tmp_path / "pair.pdf", 5, ["Round status", "Conflict or finding", "Where", "Length (m)",
                                                  "Area (ha)", "Return list", "Review and note"])
    assert [(r[0], r[2], r[3], r[5], r[6]) for r in rows] == [tuple(squeeze(e)) for e in EXPECTED]
    # No comparison chosen in the dock: none in the report either, though the project has two.
    dock.roundCombo.setLayer(None)
    QgsApplication.processEvents()
    dock.report_path = tmp_path / "without.pdf"
    assert dock.export_report() == tmp_path / "without.pdf"
    info = subprocess.run(["pdfinfo", str(tmp_path / "without.pdf")], capture_output=True, text=True, check=True)
    assert "Pages:           4" in info.stdout


ROUNDS_DESKTOP = r'''

def main():
    try:
        start_run("mActionGuotuBorderReview", "guotu:framerounds")
        rounds = os.environ["GUOTU_ROUNDS"]
        lines = add_layers(f"{rounds}/r1_border.gpkg", ("border_conflict_lines", "border_conflicts",
                                                        "shared_borders", "pair_summary"))["border_conflict_lines"]
        add_layers(f"{rounds}/r1_ind.gpkg", ("element_indicators",))
        comparison = add_layers(f"{rounds}/rounds.gpkg", ("round_comparison",))["round_comparison"]
        QgsProject.instance().setCrs(lines.crs())
        canvas = show_on_map(lines.crs())
        open_dock("mActionGuotuBorderReview", "border_dock")
        QTimer.singleShot(1000, lambda: choose(canvas, comparison))
    except Exception:
        result["error"] = traceback.format_exc()
        finish()


def choose(canvas, comparison):
    """The user, once the dock is open: the city pair, then the new conflict in the table."""
    try:
        dock = qgis.utils.plugins["guotu"].border_dock
        table = pair_table(dock, "roundTable")
        from guotu.frame.round_review import round_table_headings
        result["translated_headings"] = round_table_headings()
        result["summary"] = dock.detailBrowser.toPlainText()
        table.setCurrentCell(1, 0)
        table.scrollToItem(table.item(1, 0))
        QTimer.singleShot(1500, lambda: look(canvas, comparison))
    except Exception:
        result["error"] = traceback.format_exc()
        finish()


def look(canvas, comparison):
    try:
        selected = comparison.selectedFeatures()
        result["selected"] = [f["kind"] for f in selected]
        box = selected[0].geometry().boundingBox()
        extent = canvas.extent()
        result["in_view"] = extent.contains(box)
        result["view_width"] = extent.width()
        result["canvas_crs"] = canvas.mapSettings().destinationCrs().authid()
        screenshot()
    except Exception:
        result["error"] = traceback.format_exc()
        finish()


QTimer.singleShot(500, main)
'''


@needs_desktop
def test_rounds_table_in_qgis_desktop(plugin_root: Path, rounds: Path, tmp_path: Path) -> None:
    """The real QGIS desktop in Chinese (zh-Hans): the current round's comparison, its
    indicators and the round comparison loaded, the dock opened from its menu entry, the pair
    chosen: the table lists the ten items with their statuses and the carried note; choosing the
    new conflict selects it and zooms onto it."""
    (tmp_path / "fx").mkdir()
    result, _log, shot = run_desktop(plugin_root, tmp_path, PRELUDE + ROUNDS_DESKTOP, "rounds_table",
                                     {"GUOTU_FX": str(tmp_path / "fx"), "GUOTU_ROUNDS": str(rounds)},
                                     locale="zh-Hans")
    assert "error" not in result, result.get("error")
    assert result["action"] == "跨市边界冲突审查…"
    assert result["table_visible"]
    assert result["headings"] == result["translated_headings"] and len(result["headings"]) == 7
    rows = result["cells"]
    assert len(rows) == 10
    assert [r[2] for r in rows] == [e[1] for e in EXPECTED]
    assert rows[0][6].endswith("河道自然断开") and rows[0][5] not in ("", rows[1][5])
    assert rows[1][5] != "" and all(r[5] == rows[1][5] for r in rows[1:6]) and all(r[5] == "" for r in rows[6:])
    # The status words, whatever their translation, group as the hand count: 4 / 5 / 1.
    words = [r[0] for r in rows]
    assert words.count(words[0]) == 5 and words.count(words[1]) == 1 and words.count(words[6]) == 4
    # The core's conflict titles in Chinese (already in the .ts).
    assert rows[0][1] != "Discontinuity" and rows[1][1] != "Category mismatch"
    assert result["selected"] == ["category_mismatch"]
    assert result["canvas_crs"] == "EPSG:4527"
    assert result["in_view"] and result["view_width"] < 400
    assert shot.is_file() and shot.stat().st_size > 20_000
    assert result["unloaded"]



OPEN_DESKTOP = r"""

def main():
    try:
        start_run("mActionGuotuBorderReview", "guotu:framerounds")
        lines = add_layers(f"{os.environ['GUOTU_ROUNDS']}/r1_border.gpkg", ("border_conflict_lines", "border_conflicts",
                                                                          "shared_borders", "pair_summary"))
        QgsProject.instance().setCrs(lines["border_conflict_lines"].crs())
        show_on_map(lines["border_conflict_lines"].crs())
        open_dock("mActionGuotuBorderReview", "border_dock")
        QTimer.singleShot(1000, open_file)
    except Exception:
        result["error"] = traceback.format_exc()
        finish()


def open_file():
    # The user chooses the pair, clicks "Open round comparison…" and picks both.gpkg (the file
    # dialog's answer given), then prints the pair report.
    try:
        from qgis.PyQt.QtCore import QPoint, QRect
        from guotu.frame.round_review import round_table_headings

        dock = qgis.utils.plugins["guotu"].border_dock
        dock.conflictTree.setCurrentItem(dock.pair_items()[0])
        button = dock.roundOpenButton
        result["button_visible"] = button.isVisible()
        result["button_inside"] = dock.rect().contains(QRect(button.mapTo(dock, QPoint(0, 0)), button.size()))
        dock.round_path = os.environ["GUOTU_BOTH"]
        button.click()
        result["chosen"] = dock.round_layer().name()
        result["framework_rows"] = dock.frameworkTable.rowCount()
        pair_table(dock, "roundTable")
        result["translated_headings"] = round_table_headings()
        dock.report_path = os.path.join(os.environ["GUOTU_FX"], "pair.pdf")
        result["report"] = str(dock.export_report())
        save_dock(dock, "open_rounds")
        QTimer.singleShot(1000, screenshot)
    except Exception:
        result["error"] = traceback.format_exc()
        finish()


QTimer.singleShot(500, main)
"""


@needs_desktop
def test_open_round_comparison_in_qgis_desktop(plugin_root: Path, rounds: Path, tmp_path: Path) -> None:
    """The real QGIS desktop in Chinese: the dock opened from its menu on round n+1's
    comparison, the pair chosen, "Open round comparison…" (shown whole in the dock) clicked on
    a GeoPackage with the comparison and the element indicators: both are added, the pair's
    ten items and four framework rows listed; the pair report printed from the dock ends with
    the same ten items."""
    from pdf_tables import squeeze, table_cells

    (tmp_path / "fx").mkdir()
    both = comparison_with_indicators(rounds, tmp_path)
    result, _log, shot = run_desktop(plugin_root, tmp_path, PRELUDE + OPEN_DESKTOP, "open_rounds",
                                     {"GUOTU_FX": str(tmp_path / "fx"), "GUOTU_ROUNDS": str(rounds),
                                      "GUOTU_BOTH": str(both)}, locale="zh-Hans")
    assert result["button_visible"] and result["button_inside"]
    assert result["chosen"] == "runde_2 (both)" and result["framework_rows"] == 4
    assert result["table_visible"] and [r[2] for r in result["cells"]] == [e[1] for e in EXPECTED]
    pdf = Path(result["report"])
    assert pdf == tmp_path / "fx" / "pair.pdf"
    rows = table_cells(pdf, 5, result["translated_headings"])
    assert [r[2] for r in rows] == squeeze([e[1] for e in EXPECTED])
    assert [r[6] for r in rows][0].endswith("河道自然断开")
    assert shot.is_file() and shot.stat().st_size > 20_000
    assert result["unloaded"]
