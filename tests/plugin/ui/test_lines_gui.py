"""The real QGIS desktop (under Xvfb, Chinese UI): the three-lines menu entries, a
workspace opened into the project, the 三区三线检查 dock re-checking it and zooming to an
issue, a screenshot of the window, no Python errors, a clean unload."""

from pathlib import Path

import lines_data as ld
from desktop_harness import PRELUDE, needs_desktop, run_desktop

CODE = PRELUDE + r'''

def after_check():
    try:
        dock = qgis.utils.plugins["guotu"].lines_dock
        result["summary"] = dock.summaryLabel.text()
        result["rules"] = [dock.issuesTree.topLevelItem(i).text(0) for i in range(dock.issuesTree.topLevelItemCount())]
        items = [i for i in dock.issue_items() if dock.ref_of(i).rule == "L05"]
        dock.issuesTree.setCurrentItem(items[0])
        dock.issuesTree.itemClicked.emit(items[0], 0)
        extent = qgis.utils.iface.mapCanvas().extent()
        result["extent"] = [extent.xMinimum(), extent.yMinimum(), extent.xMaximum(), extent.yMaximum()]
        QTimer.singleShot(1500, screenshot_with_dock)
    except Exception:
        result["error"] = traceback.format_exc()
        finish()


def screenshot_with_dock():
    try:
        save_dock(qgis.utils.plugins["guotu"].lines_dock, "dock")
    except Exception:
        result["error"] = traceback.format_exc()
    screenshot()


def main():
    try:
        window = qgis.utils.iface.mainWindow()
        actions = {name: window.findChild(QAction, name) for name in
                   ("mActionGuotuNewLinesWorkspace", "mActionGuotuOpenLinesWorkspace", "mActionGuotuLinesCheck")}
        result["actions"] = {name: (a.text() if a else None) for name, a in actions.items()}
        registry = QgsApplication.processingRegistry()
        result["algorithms"] = [registry.algorithmById(i).displayName() if registry.algorithmById(i) else None
                                for i in ("guotu:threelinesworkspace", "guotu:threelinescheck")]
        open_lines_workspace(os.environ["GUOTU_WS"])
        show_on_map(QgsProject.instance().crs())
        dock = open_dock("mActionGuotuLinesCheck", "lines_dock")
        result["dock_title"] = dock.windowTitle()
        result["dock_visible"] = dock.isVisible()
        result["buttons"] = [dock.recheckButton.text(), dock.acceptButton.text(), dock.exportButton.text()]
        dock.recheckButton.click()
        wait_until(lambda: not dock.is_running(), after_check, "the check")
    except Exception:
        result["error"] = traceback.format_exc()
        finish()


QTimer.singleShot(500, main)
'''


@needs_desktop
def test_dock_in_qgis_desktop(plugin_root: Path, tmp_path: Path, tmp_path_factory) -> None:
    fx = ld.copy_fixture(ld.shared_fixture(tmp_path_factory), tmp_path / "fx")
    result, _log, shot = run_desktop(plugin_root, tmp_path, CODE, "lines", {"GUOTU_WS": str(fx / "ws.gpkg")})
    assert result["actions"] == {"mActionGuotuNewLinesWorkspace": "新建三区三线工作空间…",
                                 "mActionGuotuOpenLinesWorkspace": "打开三区三线工作空间…",
                                 "mActionGuotuLinesCheck": "三区三线检查…"}
    assert result["algorithms"] == ["新建三区三线工作空间", "三区三线检查"]
    assert result["dock_title"] == "三区三线检查" and result["dock_visible"]
    assert result["buttons"] == ["重新检查", "确认为例外…", "导出统计…"]
    assert "共 14 个问题" in result["summary"], result["summary"]  # no land use: no L14
    assert any(text.startswith("L04 红线与永久基本农田重叠") for text in result["rules"]), result["rules"]
    x0, y0, x1, y1 = result["extent"]
    assert x0 <= ld.X0 + 50 and x1 >= ld.X0 + 100 and y0 <= ld.Y0 + 950 and y1 >= ld.Y0 + 1000
    assert x1 - x0 < 1000
    assert shot.is_file() and shot.stat().st_size > 20_000
    assert result["unloaded"]
