"""The real QGIS desktop (under Xvfb, Chinese UI): guotu:parcelscheck run into GeoPackages,
the 整治地块审查 menu entry opening the dock on the result, filtering it and zooming to a
parcel, a screenshot, no Python errors, a clean unload."""

import sys
from pathlib import Path

from desktop_harness import PRELUDE, needs_desktop, run_desktop

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
import parcels_fixture as pf  # noqa: E402

CODE = PRELUDE + r'''

def main():
    try:
        import processing

        action, folder, out = start_run("mActionGuotuParcelsReview", "guotu:parcelscheck")
        run = processing.runAndLoadResults("guotu:parcelscheck", {
            "PARCELS": os.path.join(folder, "zzdk.gpkg"), "PARCEL_ID": "dkbh", "TYPE_FIELD": "zzlx",
            "PROJECT_FIELD": "xmbh", "CURRENT_FIELD": "xzdl", "CURRENT_SYSTEM": 1, "PLANNED_FIELD": "ghdl",
            "PLANNED_SYSTEM": 1, "WORKSPACE": os.path.join(folder, "ws.gpkg"),
            "BEACHES": os.path.join(folder, "htd.gpkg"), "AREA_METHOD": 1,
            "PARCEL_CHECKS": os.path.join(out, "checks.gpkg"), "PARCEL_REASONS": os.path.join(out, "reasons.gpkg"),
            "PROJECT_CHECKS": os.path.join(out, "projects.gpkg"), "VILLAGE_TOTALS": os.path.join(out, "villages.gpkg")})
        layers = QgsProject.instance().mapLayers().values()
        checks = [l for l in layers if l.source().startswith(os.path.join(out, "checks.gpkg"))]
        result["renderer"] = checks[0].renderer().type() if checks else None
        canvas = qgis.utils.iface.mapCanvas()
        canvas.setDestinationCrs(checks[0].crs())
        canvas.zoomToFullExtent()
        action.trigger()
        dock = qgis.utils.plugins["guotu"].parcels_dock
        result["dock_title"] = dock.windowTitle()
        result["dock_visible"] = dock.isVisible()
        result["buttons"] = [dock.runButton.text(), dock.selectButton.text(), dock.reportButton.text()]
        result["listed"] = len(dock.items())
        result["verdicts"] = [dock.verdictCombo.itemText(i) for i in range(1, dock.verdictCombo.count())]
        dock.set_filter("fail")
        result["failed"] = sorted(i.text(0) for i in dock.items())
        item = next(i for i in dock.items() if i.text(0) == "B")
        dock.parcelTree.setCurrentItem(item)
        extent = canvas.extent()
        result["extent"] = [extent.xMinimum(), extent.yMinimum(), extent.xMaximum(), extent.yMaximum()]
        result["reasons"] = dock.reasonsBrowser.toPlainText()
        QTimer.singleShot(1500, screenshot)
    except Exception:
        result["error"] = traceback.format_exc()
        finish()


QTimer.singleShot(500, main)
'''


@needs_desktop
def test_parcels_dock_in_qgis_desktop(plugin_root: Path, tmp_path: Path) -> None:
    fx = tmp_path / "fx"
    fx.mkdir()
    pf.write_parcels(fx / "zzdk.gpkg")
    pf.write_workspace(fx / "ws.gpkg")
    pf.write_beaches(fx / "htd.gpkg")
    result, _log, shot = run_desktop(plugin_root, tmp_path, CODE, "parcels_gui", {"GUOTU_FX": str(fx)})
    assert result["action"] == "整治地块审查…"
    assert result["algorithm"] == "整治地块审查"
    assert result["renderer"] == "categorizedSymbol"
    assert result["dock_title"] == "整治地块审查" and result["dock_visible"]
    assert result["buttons"] == ["审查地块…", "在地图上选中", "分村审查报告（PDF）…"]
    assert result["listed"] == 14
    assert result["verdicts"] == ["通过", "有条件通过", "不通过"]
    assert result["failed"] == sorted(p for p, (v, _r) in pf.EXPECTED.items() if v == "fail")
    x0, y0, x1, y1 = result["extent"]
    assert x0 <= pf.X0 + 100 and x1 >= pf.X0 + 200 and x1 - x0 < 1000
    assert "规划建设用地占用永久基本农田" in result["reasons"], result["reasons"]
    assert shot.is_file() and shot.stat().st_size > 20_000
    assert result["unloaded"]
