"""--code script for the GUI test: inspects the running QGIS, opens the
plugin's menu entry, writes a JSON report to $GUOTU_GUI_RESULT and quits."""

import builtins
import json
import os
import traceback

import qgis.utils
from qgis.PyQt.QtCore import QTimer
from qgis.PyQt.QtWidgets import QAction, QApplication, QDialog
from qgis.core import QgsApplication

result = {}


def close_dialogs(key: str = "dialogs") -> None:
    # The Processing dialog is opened with exec_(): close it from a timer.
    try:
        dialogs = [w for w in QApplication.topLevelWidgets() if w.isVisible() and isinstance(w, QDialog)
                   and w.objectName() != "VoucherDialog"]
        result[key] = [w.windowTitle() for w in dialogs]
        for dialog in dialogs:
            dialog.reject()
    except Exception:
        result["dialog_error"] = traceback.format_exc()


def main() -> None:
    try:
        result["active"] = "guotu" in qgis.utils.active_plugins
        result["loaded"] = "guotu" in qgis.utils.plugins
        registry = QgsApplication.processingRegistry()
        result["provider"] = registry.providerById("guotu") is not None
        algorithm = registry.algorithmById("guotu:areabyclass")
        result["algorithm"] = algorithm.displayName() if algorithm else None
        window = qgis.utils.iface.mainWindow()
        result["menus"] = [a.text() for a in window.menuBar().actions()]
        action = window.findChild(QAction, "mActionGuotuAreaByClass")
        result["action"] = action.text() if action else None
        if action is not None:
            QTimer.singleShot(1500, close_dialogs)
            action.trigger()
        # The ecological vouchers dialog (not modal): opened from its menu entry, in Chinese.
        vouchers = window.findChild(QAction, "mActionGuotuVouchers")
        result["voucher_action"] = vouchers.text() if vouchers else None
        if vouchers is not None:
            vouchers.trigger()
            shown = [w for w in QApplication.topLevelWidgets() if w.isVisible() and w.objectName() == "VoucherDialog"]
            result["voucher_dialog"] = [w.windowTitle() for w in shown]
            result["voucher_run_button"] = [w.runButton.text() for w in shown]
        # The two voucher algorithms' Processing dialogs build their parameter panels.
        import processing

        for algorithm_id in ("guotu:voucheraccounting", "guotu:vouchermarket"):
            QTimer.singleShot(1500, lambda key=algorithm_id: close_dialogs(key))
            processing.execAlgorithmDialog(algorithm_id, {})
        # Unloading must work too (plugin reloader, plugin manager).
        result["unloaded"] = qgis.utils.unloadPlugin("guotu")
        result["provider_after_unload"] = registry.providerById("guotu") is not None
        result["menus_after_unload"] = [a.text() for a in window.menuBar().actions() if a.isVisible()]
    except Exception:
        result["error"] = traceback.format_exc()
    try:
        result["log"] = list(getattr(builtins, "_guotu_gui_log", []))
        with open(os.environ["GUOTU_GUI_RESULT"], "w", encoding="utf-8") as f:
            json.dump(result, f, ensure_ascii=False, indent=1)
    finally:
        qgis.utils.iface.actionExit().trigger()  # whatever happened, never leave QGIS running


QTimer.singleShot(0, main)
