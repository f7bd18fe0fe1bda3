"""The real QGIS desktop (under Xvfb), in English and in QGIS's own Chinese: the 三区三线检查
dock on the project's own layers as a planner receives them (the hand-computed fixture's
lines in a File Geodatabase, the admin units in a GBK shapefile with upper-case fields),
no workspace: the layers and fields chosen in the dock, the check run from it, the
statistics tab's areas (hand values), and its button opening guotu:bindingindicators filled
from the dock, whose run shows up in the dock's indicators table."""

from pathlib import Path

import pytest

import lines_data as ld
from desktop_harness import PRELUDE, needs_desktop, run_desktop

CODE = PRELUDE + r'''
from qgis.PyQt.QtCore import Qt

state = {}


def main():
    try:
        project = QgsProject.instance()
        layers = {}
        for role, name in (("redline", "生态保护红线"), ("farmland", "永久基本农田"), ("urban", "城镇开发边界")):
            layers[role] = QgsVectorLayer(f"{os.environ['GUOTU_GDB']}|layername={name}", name, "ogr")
        layers["admin"] = QgsVectorLayer(os.environ["GUOTU_SHP"], "xzq", "ogr")
        landuse = QgsVectorLayer(os.environ["GUOTU_DLTB"] + "|layername=dltb", "dltb", "ogr")
        result["valid"] = all(layer.isValid() for layer in list(layers.values()) + [landuse])
        project.addMapLayers(list(layers.values()) + [landuse])
        show_on_map(layers["admin"].crs(), layers["admin"].extent())
        dock = open_dock("mActionGuotuLinesCheck", "lines_dock")
        from guotu.ui.lines_dock import SOURCE_PROJECT

        result["title"] = dock.windowTitle()
        dock.set_source(SOURCE_PROJECT)
        result["sources"] = [dock.sourceCombo.itemText(i) for i in range(dock.sourceCombo.count())]
        result["workspace_shown"] = dock.workspaceCombo.isVisible()
        result["layers_shown"] = dock.layersGroup.isVisible()
        dock.redlineCombo.setLayer(layers["redline"])
        dock.farmlandCombo.setLayer(layers["farmland"])
        dock.urbanLayerCombo.setLayer(layers["urban"])
        dock.adminCombo.setLayer(layers["admin"])
        result["defaults"] = dock.field_mapping()
        dock.farmlandTargetCombo.setField("NTRWMJ")
        dock.redlineTargetCombo.setField("HXRWMJ")
        dock.landuseCombo.setLayer(landuse)
        dock.classFieldCombo.setField("dlbm")
        result["buttons"] = [dock.recheckButton.text(), dock.indicatorsButton.text()]
        result["labels"] = [dock.redlineLabel.text(), dock.adminIdLabel.text(), dock.farmlandTargetLabel.text()]
        dock.recheckButton.click()
        wait_until(lambda: not dock.is_running(), after_check, "the check")
    except Exception:
        result["error"] = traceback.format_exc()
        finish()


def after_check():
    try:
        dock = qgis.utils.plugins["guotu"].lines_dock
        result["summary"] = dock.summaryLabel.text()
        result["rules"] = sorted(dock.issuesTree.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole)
                                 for i in range(dock.issuesTree.topLevelItemCount()))
        result["units"] = sorted({dock.issuesTree.topLevelItem(i).child(j).text(0).split(" (")[0]
                                  for i in range(dock.issuesTree.topLevelItemCount())
                                  for j in range(dock.issuesTree.topLevelItem(i).childCount())})
        dock.tabs.setCurrentIndex(1)
        result["tabs"] = [dock.tabs.tabText(0), dock.tabs.tabText(1)]
        result["areas"] = table_cells(dock.areasTable, (2, 3, 4))
        result["area_texts"] = table_cells(dock.areasTable)
        dock.indicatorsButton.click()
        dialog = dock._indicators_dialog
        result["dialog_visible"] = dialog is not None and dialog.isVisible()
        given = dialog.createProcessingParameters()
        result["dialog"] = {k: str(given.get(k)) for k in ("ADMIN_CODE", "ADMIN_NAME", "CLASS_FIELD",
                                                           "TARGET_PERMANENT_FARMLAND")}
        state["dialog"] = dialog
        dialog.runAlgorithm()
        wait_until(lambda: dock.indicatorsTable.rowCount() > 0, after_indicators,
                   "the indicators run shown in the dock")
    except Exception:
        result["error"] = traceback.format_exc()
        finish()


def after_indicators():
    try:
        dock = qgis.utils.plugins["guotu"].lines_dock
        result["indicators"] = table_cells(dock.indicatorsTable, (3, 4))
        result["indicator_headers"] = [dock.indicatorsTable.horizontalHeaderItem(c).text()
                                       for c in range(dock.indicatorsTable.columnCount())]
        result["source_note"] = dock.indicatorsSource.text()
        result["link"] = dock.reportLink.isEnabled()
        state["dialog"].close()
        save_dock(dock, "dock")
    except Exception:
        result["error"] = traceback.format_exc()
    screenshot()


QTimer.singleShot(500, main)
'''


@needs_desktop
@pytest.mark.parametrize("locale", ["en_US", "zh-Hans"])
def test_dock_on_project_layers_in_qgis_desktop(plugin_root: Path, tmp_path: Path, tmp_path_factory,
                                                locale: str) -> None:
    fx = ld.copy_fixture(ld.shared_fixture(tmp_path_factory), tmp_path / "fx")
    made = ld.make_delivered(fx)
    assert (fx / "xzq.cpg").is_file()
    result, _log, shot = run_desktop(plugin_root, tmp_path, CODE, "lines_project",
                                     {"GUOTU_GDB": made["gdb"], "GUOTU_SHP": made["shp"],
                                      "GUOTU_DLTB": str(fx / "dltb.gpkg")}, locale=locale)
    zh = locale.startswith("zh")
    assert result["valid"]
    assert result["title"] == ("三区三线检查" if zh else "Three control lines check (三区三线检查)")
    assert result["buttons"][0] == ("重新检查" if zh else "Re-check")
    # (the Chinese of the words new here arrives with the translation file; those known are Chinese now)
    assert result["labels"] == (["生态保护红线", "行政区代码字段", "永久基本农田保护任务字段（公顷）"] if zh else
                                ["Ecological protection red line", "Admin code field", "Farmland target field (ha)"])
    assert result["tabs"][1] == ("统计" if zh else "Statistics")
    assert len(result["sources"]) == 2 and not result["workspace_shown"] and result["layers_shown"]
    assert result["defaults"] == {"admin_id": "XZQDM", "admin_name": "XZQMC", "redline_target": "",
                                  "farmland_target": "", "urban_2020": "", "expansion_cap": ""}
    # No 2020 urban land mapped: L11 not checked; everything else as in a workspace.
    assert result["rules"] == ["L01", "L02", "L03", "L04", "L05", "L06", "L07", "L08", "L10", "L12", "L13", "L14"]
    assert "110101 甲区" in result["units"], result["units"]  # the GBK shapefile's names
    areas = {row[0]: row for row in result["areas"]}
    assert areas["110101"][1] == "甲区" and areas["110102"][1] == "乙区"
    assert areas["110101"][2:] == pytest.approx([21.0, 41.0175, 4.25], rel=1e-6)
    assert areas["110102"][3] == pytest.approx(2.00005, rel=1e-6)
    assert [row[3] for row in result["area_texts"] if row[0] == "110101"] == ["41.02"]
    assert result["dialog_visible"]
    assert result["dialog"] == {"ADMIN_CODE": "XZQDM", "ADMIN_NAME": "XZQMC", "CLASS_FIELD": "dlbm",
                                "TARGET_PERMANENT_FARMLAND": "NTRWMJ"}
    rows = result["indicators"]
    assert len(rows) == 16
    name = "永久基本农田保护任务" if zh else "Permanent farmland task"
    farmland = [r for r in rows if r[0] == "110101" and r[2] == name]
    assert len(farmland) == 1, rows
    assert farmland[0][3] == pytest.approx(41.0175, rel=1e-6) and farmland[0][4] == 50
    assert farmland[0][5] == ("不达标" if zh else "fail")
    cultivated = [r for r in rows if r[0] == "110101" and r[2] == ("耕地保有量" if zh else "Cultivated land to keep")]
    assert cultivated[0][3] == pytest.approx(100, rel=1e-6) and cultivated[0][4] is None
    assert result["link"]
    assert shot.is_file()
    assert result["unloaded"]
