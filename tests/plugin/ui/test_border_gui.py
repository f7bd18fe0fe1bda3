"""The real QGIS desktop (under Xvfb, Chinese UI): guotu:borderconflicts run into a
GeoPackage and loaded styled, the 跨市边界冲突审查 menu entry opening the dock on it, a
conflict marked agreed and saved, every column of the list whole at the dock's default width,
a screenshot, no Python errors, a clean unload."""

from pathlib import Path

import border_data as bd
from desktop_harness import PRELUDE, needs_desktop, run_desktop

CODE = PRELUDE + r'''

def main():
    try:
        import processing

        action, folder, out = start_run("mActionGuotuBorderReview", "guotu:borderconflicts")
        params = {"ADMIN": os.path.join(folder, "admin.gpkg"), "ADMIN_ID": "code", "ADMIN_NAME": "name",
                  "ELEMENTS": os.path.join(folder, "el.gpkg"), "CITY_FIELD": "city", "CATEGORY_FIELD": "category",
                  "NAME_FIELD": "name", "AREA_METHOD": 1}
        for key in ("BORDER_CONFLICTS", "CONFLICT_LINES", "SHARED_BORDERS", "PAIR_SUMMARY", "BASEMAP_ISSUES",
                    "BASEMAP_ISSUE_POINTS"):
            params[key] = os.path.join(out, key.lower() + ".gpkg")
        processing.runAndLoadResults("guotu:borderconflicts", params)
        lines = [l for l in QgsProject.instance().mapLayers().values()
                 if l.source().startswith(os.path.join(out, "conflict_lines.gpkg"))]
        result["renderer"] = lines[0].renderer().type() if lines else None
        canvas = qgis.utils.iface.mapCanvas()
        canvas.setDestinationCrs(lines[0].crs())
        canvas.zoomToFullExtent()
        action.trigger()
        dock = qgis.utils.plugins["guotu"].border_dock
        result["dock_title"] = dock.windowTitle()
        result["dock_visible"] = dock.isVisible()
        result["buttons"] = [dock.agreeButton.text(), dock.exceptionButton.text(), dock.reportButton.text()]
        result["pairs"] = [i.text(0) for i in dock.pair_items()]
        result["conflicts"] = len(dock.conflict_items())
        item = next(i for i in dock.conflict_items() if "缝隙" in i.text(0))
        dock.conflictTree.setCurrentItem(item)
        result["agreed"] = dock.review_selected("agreed")
        saved = QgsVectorLayer(os.path.join(out, "conflict_lines.gpkg"), "saved", "ogr")
        result["saved"] = sorted((f["kind"], f["review_status"]) for f in saved.getFeatures())

        def columns():
            tree = dock.conflictTree
            result["columns"] = [(tree.columnWidth(i), max(tree.sizeHintForColumn(i), tree.header().sectionSizeHint(i)))
                                 for i in range(tree.columnCount())]
            result["list_width"] = (tree.header().length(), tree.viewport().width())
            screenshot()

        QTimer.singleShot(1500, columns)
    except Exception:
        result["error"] = traceback.format_exc()
        finish()


QTimer.singleShot(500, main)
'''


@needs_desktop
def test_border_dock_in_qgis_desktop(plugin_root: Path, tmp_path: Path) -> None:
    fx = bd.make_fixture(tmp_path / "fx")
    result, _log, shot = run_desktop(plugin_root, tmp_path, CODE, "border_gui", {"GUOTU_FX": str(fx)})
    assert result["action"] == "跨市边界冲突审查…"
    assert result["algorithm"] == "跨市边界冲突"
    assert result["renderer"] == "RuleRenderer"
    assert result["dock_title"] == "跨市边界冲突审查" and result["dock_visible"]
    assert result["buttons"] == ["标为已认可", "标为例外…", "城市对报告（PDF）…"]
    assert len(result["pairs"]) == 1 and result["pairs"][0].startswith("A 甲市 | B 乙市")
    assert result["conflicts"] == 5
    assert result["agreed"]
    assert ["gap", "agreed"] in result["saved"] and ["overlap", "open"] in result["saved"]  # JSON lists
    # At the dock's default width every column shows whole, the review column's Chinese title and
    # values ("4 处待审", "已认可") too: each as wide as its content, all within the list.
    assert all(width >= needed for width, needed in result["columns"]), result["columns"]
    length, viewport = result["list_width"]
    assert length <= viewport, (result["columns"], viewport)
    assert shot.is_file() and shot.stat().st_size > 20_000
    assert result["unloaded"]
