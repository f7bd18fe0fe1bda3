"""PYQGIS_STARTUP script for the GUI test: runs before QGIS loads any plugin.

It records every message-log entry (so errors raised while the plugin loads
are seen) in memory and, line by line, in $GUOTU_GUI_LOG; and it closes the
modal error boxes QGIS pops up for a broken plugin, which would otherwise
block startup until the test times out.
"""

import builtins
import json
import os

from qgis.PyQt.QtCore import QTimer
from qgis.PyQt.QtWidgets import QApplication, QDialog
from qgis.core import QgsApplication

# QGIS 3.22 may execute PYQGIS_STARTUP twice; set up once.
if not hasattr(builtins, "_guotu_gui_log"):
    builtins._guotu_gui_log = []

    def _guotu_record(message: str, tag: str, level) -> None:
        entry = {"tag": tag, "level": int(level), "message": message}
        builtins._guotu_gui_log.append(entry)
        path = os.environ.get("GUOTU_GUI_LOG")
        if path:
            with open(path, "a", encoding="utf-8") as f:
                f.write(json.dumps(entry, ensure_ascii=False) + "\n")

    def _guotu_close_error_boxes() -> None:
        for widget in QApplication.topLevelWidgets():
            if widget.isVisible() and isinstance(widget, QDialog) and widget.objectName() == "QgsMessageViewer":
                _guotu_record(widget.windowTitle(), "Error dialog", 2)
                widget.reject()

    builtins._guotu_record = _guotu_record  # keep the slot alive
    QgsApplication.messageLog().messageReceived.connect(_guotu_record)
    builtins._guotu_timer = QTimer()
    builtins._guotu_timer.timeout.connect(_guotu_close_error_boxes)
    builtins._guotu_timer.start(300)
