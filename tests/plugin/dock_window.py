"""A crowded QGIS-like main window for the review docks' size tests: 1400 × 900 with two
panels already docked on the right (as the Processing toolbox and the layer styling panel
usually are), the dock added below them as the plugin adds it."""

from typing import List

from qgis.PyQt.QtCore import QCoreApplication, Qt
from qgis.PyQt.QtWidgets import QDockWidget, QMainWindow, QTreeWidget


def crowded_window(dock: QDockWidget) -> QMainWindow:
    window = QMainWindow()
    window.setCentralWidget(QTreeWidget())
    window.resize(1400, 900)
    others: List[QDockWidget] = []
    for name in ("ProcessingToolbox", "LayerStyling"):
        other = QDockWidget(name, window)
        other.setObjectName(name)
        other.setWidget(QTreeWidget())
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, other)
        others.append(other)
    window.others = others
    window.show()
    QCoreApplication.processEvents()
    dock.setParent(window)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    dock.show()
    for _ in range(5):
        QCoreApplication.processEvents()
    return window


def layout_facts(dock, tree) -> dict:
    """What the user sees of the list: rows, column widths against their content."""
    from guotu.ui.dock_layout import visible_rows

    header = tree.header()
    return {"rows": visible_rows(tree),
            "columns": [(tree.columnWidth(i), max(tree.sizeHintForColumn(i), header.sectionSizeHint(i)))
                        for i in range(tree.columnCount())],
            "viewport": tree.viewport().width(), "dock": dock.width()}


def assert_usable(facts: dict) -> None:
    assert facts["rows"] >= 10, facts
    for width, needed in facts["columns"]:
        assert width >= needed, facts  # no column cut off
    assert sum(w for w, _n in facts["columns"][:-1]) + facts["columns"][-1][1] <= facts["viewport"], facts
