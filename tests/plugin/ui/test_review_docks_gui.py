"""The real QGIS desktop (under Xvfb), in English and in QGIS's own Chinese: the border and
three-lines review docks opened below the Processing toolbox and the layer styling panel
(where they used to get two rows and a cut-off first column) show at least ten rows, every
column whole, the three-lines messages wrapped; the three-lines re-check cancelled from the
dock keeps its results; the border list gives areas in hectares."""

from pathlib import Path

import pytest

import border_data as bd
import lines_data as ld
from desktop_harness import PRELUDE, needs_desktop, run_desktop

CODE = PRELUDE + r'''
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import QDockWidget

state = {}


def crowd_right_area():
    window = qgis.utils.iface.mainWindow()
    for name in ("ProcessingToolbox", "LayerStyling"):
        d = window.findChild(QDockWidget, name)
        if d is not None:
            window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, d)
            d.show()


def facts(dock, tree):
    from guotu.ui.dock_layout import visible_rows, wrapped_rows_whole

    header = tree.header()
    return {"rows": visible_rows(tree), "viewport": tree.viewport().width(), "dock": dock.width(),
            "columns": [[tree.columnWidth(i), max(tree.sizeHintForColumn(i), header.sectionSizeHint(i))]
                        for i in range(tree.columnCount())], "wrapped": wrapped_rows_whole(tree)}


def main():
    try:
        import processing

        action, folder, out = start_run("mActionGuotuBorderReview", "guotu:borderconflicts")
        params = {"ADMIN": os.path.join(folder, "admin.gpkg"), "ADMIN_ID": "code", "ADMIN_NAME": "name",
                  "ELEMENTS": os.path.join(folder, "el.gpkg"), "CITY_FIELD": "city", "CATEGORY_FIELD": "category",
                  "NAME_FIELD": "name", "AREA_METHOD": 1}
        for key in ("BORDER_CONFLICTS", "CONFLICT_LINES", "SHARED_BORDERS", "PAIR_SUMMARY", "BASEMAP_ISSUES",
                    "BASEMAP_ISSUE_POINTS"):
            params[key] = "TEMPORARY_OUTPUT"
        processing.runAndLoadResults("guotu:borderconflicts", params)
        crowd_right_area()
        action.trigger()
        QTimer.singleShot(1000, measure_border)
    except Exception:
        result["error"] = traceback.format_exc()
        finish()


def measure_border():
    try:
        dock = qgis.utils.plugins["guotu"].border_dock
        result["border"] = facts(dock, dock.conflictTree)
        result["border_header"] = dock.conflictTree.headerItem().text(2)
        result["border_areas"] = sorted(i.text(2) for i in dock.conflict_items() if i.text(2))
        result["border_keep_shown"] = dock.keepFrame.isVisible()
        save_dock(dock, "border")
        dock.hide()
        open_lines_workspace(os.environ["GUOTU_WS"])
        lines = open_dock("mActionGuotuLinesCheck", "lines_dock")
        lines.recheckButton.click()
        wait_until(lambda: not lines.is_running(), after_check, "the check")
    except Exception:
        result["error"] = traceback.format_exc()
        finish()


def after_check():
    try:
        dock = qgis.utils.plugins["guotu"].lines_dock
        state["ids"] = sorted(layer.id() for layer in dock.results.values())
        result["lines_values"] = sorted({i.text(3) for i in dock.issue_items()})
        dock.recheckButton.click()
        result["cancel_enabled"] = dock.cancelButton.isEnabled()
        dock.cancelButton.click()
        wait_until(lambda: not dock.is_running(), after_cancel, "the cancelled check")
    except Exception:
        result["error"] = traceback.format_exc()
        finish()


def after_cancel():
    try:
        dock = qgis.utils.plugins["guotu"].lines_dock
        result["kept"] = sorted(layer.id() for layer in dock.results.values()) == state["ids"]
        result["cancel_summary"] = dock.summaryLabel.text()
        QTimer.singleShot(500, measure_lines)
    except Exception:
        result["error"] = traceback.format_exc()
        finish()


def measure_lines():
    try:
        dock = qgis.utils.plugins["guotu"].lines_dock
        result["lines"] = facts(dock, dock.issuesTree)
        save_dock(dock, "lines")
    except Exception:
        result["error"] = traceback.format_exc()
    screenshot()


QTimer.singleShot(500, main)
'''


@needs_desktop
@pytest.mark.parametrize("locale", ["en_US", "zh-Hans"])
def test_review_docks_usable_next_to_other_panels(plugin_root: Path, tmp_path: Path, tmp_path_factory,
                                                  locale: str) -> None:
    fx = bd.make_fixture(tmp_path / "fx")
    ws = ld.copy_fixture(ld.shared_fixture(tmp_path_factory), tmp_path / "lines")
    result, _log, shot = run_desktop(plugin_root, tmp_path, CODE, "review_docks",
                                     {"GUOTU_FX": str(fx), "GUOTU_WS": str(ws / "ws.gpkg")}, locale=locale)
    zh = locale.startswith("zh")
    border = result["border"]
    assert border["rows"] >= 10, border
    assert all(width >= needed for width, needed in border["columns"]), border  # nothing cut off
    assert sum(w for w, _n in border["columns"][:-1]) + border["columns"][-1][1] <= border["viewport"], border
    assert result["border_header"] == ("面积（公顷）" if zh else "Area (ha)")
    assert result["border_areas"] == ["0.2000", "0.4000", "0.7500"]
    assert result["border_keep_shown"]  # temporary outputs: the review would be lost, said so
    lines = result["lines"]
    assert lines["rows"] >= 10 and lines["wrapped"], lines
    assert all(width >= needed for width, needed in lines["columns"][1:]), lines
    assert sum(w for w, _n in lines["columns"]) <= lines["viewport"], lines
    assert result["cancel_enabled"] and result["kept"], result
    # (the Chinese of the new messages arrives with the translation file)
    assert "cancelled" in result["cancel_summary"] or (zh and "取消" in result["cancel_summary"])
    assert any(v.endswith(" ha") or (zh and v.endswith(" 公顷")) for v in result["lines_values"]), result["lines_values"]
    assert shot.is_file()
    assert result["unloaded"]
