"""The unit-ledger page of the parcel review dock in the real QGIS desktop (under Xvfb), in
English and in QGIS's own Chinese (zh-Hans): the ledger run and loaded as a planner would
(Processing, temporary outputs named in the user's language), the dock opened from the Guotu
menu, a unit selected on the map shows its hand-computed balance sheet and the certificates
of its reclaimed parcels, "Zoom to reclaimed parcels" brings exactly those into view."""

import sys
from pathlib import Path

import pytest

from conftest import REPO
from desktop_harness import PRELUDE, needs_desktop, run_desktop

sys.path.insert(0, str(REPO / "tests"))
import ledger_fixture as lf  # noqa: E402

CODE = PRELUDE + r'''
from qgis.PyQt.QtWidgets import QDockWidget


def main():
    try:
        import processing

        action, folder, out = start_run("mActionGuotuParcelsReview", "guotu:unitledger")
        params = {"PARCELS": os.path.join(folder, "dltb.gpkg") + "|layername=dltb", "PARCEL_ID": "BSM",
                  "CURRENT_FIELD": "DLBM", "CURRENT_SYSTEM": 1, "PLANNED_FIELD": "GHDL", "PLANNED_SYSTEM": 1,
                  "UNITS": os.path.join(folder, "dy.gpkg") + "|layername=units", "UNIT_ID": "DYBH",
                  "UNIT_NAME": "DYMC", "KCXS_FIELD": "KCXS", "PLANNED_KCXS_FIELD": "GHKCXS", "GRADE_FIELD": "GDDB",
                  "PLANNED_GRADE_FIELD": "GHGDDB", "FARMLAND_FIELD": "YJJBNT", "PLANNED_FARMLAND_FIELD": "GHJBNT",
                  "PROJECT_FIELD": "XMBH", "TYPE_FIELD": "ZZLX",
                  "REDLINE": os.path.join(folder, "hx.gpkg") + "|layername=stbhhx",
                  "BEACHES": os.path.join(folder, "htd.gpkg") + "|layername=hdtd", "AREA_METHOD": 1}
        for key in ("UNIT_LEDGER", "UNIT_GRADES", "CERTIFICATES", "PROJECT_CERTIFICATES"):
            params[key] = "TEMPORARY_OUTPUT"
        action.trigger()  # the dock before any ledger: the page says how to get one
        dock = qgis.utils.plugins["guotu"].parcels_dock
        dock.show_ledger()
        page = dock.ledger_page
        result["before"] = {"units": len(page.unit_items()), "run_default": page.ledgerRunButton.isDefault(),
                            "hint": page.hintLabel.text()}
        processing.runAndLoadResults("guotu:unitledger", params)
        QTimer.singleShot(800, select_on_map)
    except Exception:
        result["error"] = traceback.format_exc()
        finish()


def select_on_map():
    try:
        dock = qgis.utils.plugins["guotu"].parcels_dock
        page = dock.ledger_page
        layer = page.layer()
        result["ledger_layer"] = layer.name() if layer else None
        result["tab"] = dock.pageTabs.tabText(dock.pageTabs.currentIndex())
        result["title"] = dock.windowTitle()
        result["units"] = [[i.text(0), i.text(1), i.text(2)] for i in page.unit_items()]
        u2 = next(f.id() for f in layer.getFeatures() if f["unit_id"] == "U2")
        layer.selectByIds([u2])  # as the select tool on the unit map does
        result["current_after_map"] = page.current.unit_id if page.current else None
        result["u2_sheet"] = [[i.text(0), i.text(1)] for i in page.sheet_items()]
        result["u2_certificates"] = [[i.text(0), i.text(1), i.text(4)] for i in page.certificate_items()]
        page.select_unit("U1")
        result["u1_certificates"] = [[i.text(0), i.text(1), i.text(3)] for i in page.certificate_items()]
        page.zoomButton.click()
        canvas = qgis.utils.iface.mapCanvas()
        e = canvas.extent()
        result["extent"] = [e.xMinimum(), e.yMinimum(), e.xMaximum(), e.yMaximum()]
        result["selected"] = sorted(f["number"] for f in page.certificates_layer().selectedFeatures())
        from guotu.ui.dock_layout import visible_rows

        result["sheet_rows"] = visible_rows(page.sheetTree)
        result["sheet_wrapped"] = __import__("guotu.ui.dock_layout", fromlist=["x"]).wrapped_rows_whole(
            page.sheetTree)
        dock.grab().save(os.environ["GUOTU_GUI_SHOT"].replace(".png", "_ledger.png"))
    except Exception:
        result["error"] = traceback.format_exc()
    screenshot()


QTimer.singleShot(500, main)
'''


@needs_desktop
@pytest.mark.parametrize("locale", ["en_US", "zh-Hans"])
def test_ledger_page_in_the_desktop(plugin_root: Path, tmp_path: Path, locale: str) -> None:
    fx = tmp_path / "fx"
    fx.mkdir()
    lf.write_parcels(fx / "dltb.gpkg")
    lf.write_units(fx / "dy.gpkg")
    lf.write_redline(fx / "hx.gpkg")
    lf.write_beaches(fx / "htd.gpkg")
    result, _log, shot = run_desktop(plugin_root, tmp_path, CODE, "ledger_page", {"GUOTU_FX": str(fx)},
                                     locale=locale)
    zh = locale.startswith("zh")
    assert result["before"]["units"] == 0 and result["before"]["run_default"], result["before"]
    assert result["ledger_layer"], result  # the temporary output, named in the user's language
    assert "整治地块审查" in result["title"]
    # The verdicts as the ledger wrote them; the page's own words in the user's language (the
    # Chinese of the new texts arrives with the translation file).
    assert [u[:2] for u in result["units"]] == [["U1", "一号单元"], ["U2", "二号单元"]]
    assert [u[2] for u in result["units"]] == (["达标", "不达标"] if zh else ["pass", "fail"])
    assert result["current_after_map"] == "U2"
    assert len(result["u2_sheet"]) == 9
    # U2 by hand: mean grade 3 → 25/3, red line 1 parcel / 1 ha changed, linkage fails on H.
    assert any("3.00 → 8.33" in row[0] and row[1] == ("不达标" if zh else "fail") for row in result["u2_sheet"])
    assert any("1.0000" in row[0] and row[0].startswith("L7") for row in result["u2_sheet"])
    assert result["u2_certificates"][0][:2] == ["PJ2-0001", "H"]
    assert [c[:3] for c in result["u1_certificates"]] == [["PJ1-0001", "C", "0.9000"], ["PJ1-0002", "D", "0.0000"]]
    assert result["selected"] == ["PJ1-0001", "PJ1-0002"]
    x0, y0, x1, y1 = result["extent"]
    assert x0 <= lf.X0 + 200 and x1 >= lf.X0 + 400 and y0 <= lf.Y0 and y1 >= lf.Y0 + 100, result["extent"]
    assert x1 - x0 < 1000  # U2's parcels (from 1000 m) are not what it zoomed to
    assert result["sheet_rows"] >= 4 and result["sheet_wrapped"], {k: result[k] for k in ("sheet_rows", "sheet_wrapped")}
    assert shot.is_file() and result["unloaded"]
