"""A review dock that opens at a usable size, shared by the lines, parcel and border docks.

Docked on the right next to other panels (the Processing toolbox, layer styling …), a
dock gets what the main window's layout leaves it: at worst its minimum size. So the
review list asks for a minimum height of about ten rows, every column is as wide as its
content (the first one is never cut off: wider than the dock, the list scrolls), and the
first time the dock is shown it asks the main window for the width its columns need and
for most of the height (both capped, the map keeps its room)."""

from typing import Optional

from qgis.PyQt.QtCore import QEvent, QModelIndex, QObject, QSize, Qt, QTimer
from qgis.PyQt.QtWidgets import (QAbstractItemView, QDockWidget, QHeaderView, QMainWindow, QStyledItemDelegate,
                                 QStyleOptionViewItem, QTreeView, QWidget)

VISIBLE_ROWS = 10       # the list shows at least this many rows
MAX_WIDTH_SHARE = 0.45  # of the main window, for the dock's column
HEIGHT_SHARE = 0.65     # of the main window, asked for the dock when it first opens


def row_height(tree: QTreeView) -> int:
    """Height of one row of ``tree`` (its first row, else the font's line plus padding)."""
    model = tree.model()
    if model is not None and model.rowCount() > 0:
        hint = tree.sizeHintForRow(0)
        if hint > 0:
            return hint
    return tree.fontMetrics().height() + 4


def list_min_height(tree: QTreeView, rows: int = VISIBLE_ROWS) -> int:
    """Pixels ``tree`` needs to show ``rows`` rows under its header, with its frame and a
    horizontal scroll bar."""
    header = tree.header()
    header_height = header.sizeHint().height() if not header.isHidden() else 0
    return (rows * row_height(tree) + header_height + 2 * tree.frameWidth()
            + tree.horizontalScrollBar().sizeHint().height())


def configure_review_list(tree: QTreeView, rows: int = VISIBLE_ROWS) -> None:
    """Columns sized to their content (none cut off, the last one fills what is left; a
    list wider than the dock scrolls) and room for ``rows`` rows."""
    header = tree.header()
    header.setStretchLastSection(True)
    header.setMinimumSectionSize(24)
    for column in range(header.count()):
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
    tree.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
    tree.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    tree.setTextElideMode(Qt.TextElideMode.ElideNone)
    tree.setMinimumHeight(list_min_height(tree, rows))


TEXT_MARGIN = 8  # pixels around an item's text (style margins, both sides)


class WrappingDelegate(QStyledItemDelegate):
    """Rows as tall as their first column's text wrapped at the column's width (QTreeView
    asks its delegate for a height without any width, so it never wraps by itself)."""

    def __init__(self, tree: QTreeView) -> None:
        super().__init__(tree)
        self.tree = tree

    def text_width(self, index: QModelIndex) -> int:
        depth, parent = 0, index.parent()
        while parent.isValid():
            depth, parent = depth + 1, parent.parent()
        decorated = 1 if self.tree.rootIsDecorated() else 0
        return max(40, self.tree.columnWidth(0) - self.tree.indentation() * (depth + decorated) - TEXT_MARGIN)

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:  # noqa: N802 — Qt API name
        hint = super().sizeHint(option, index)
        if index.column() != 0 or self.tree.isFirstColumnSpanned(index.row(), index.parent()):
            return hint
        text = str(index.data() or "")
        height = self.tree.fontMetrics().boundingRect(0, 0, self.text_width(index), 1_000_000,
                                                      int(Qt.TextFlag.TextWordWrap), text).height() + 4
        return QSize(hint.width(), max(hint.height(), height))


def configure_wrapping_list(tree: QTreeView, rows: int = VISIBLE_ROWS) -> None:
    """For a list whose first column holds sentences (the three-lines messages): the first
    column takes the width the others leave and wraps its text over as many lines as it
    needs (never cut off), the other columns are sized to their content, so that they stay
    in view; room for ``rows`` rows."""
    configure_review_list(tree, rows)
    header = tree.header()
    header.setStretchLastSection(False)
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    tree.setWordWrap(True)
    tree.setUniformRowHeights(False)
    tree.setItemDelegateForColumn(0, WrappingDelegate(tree))
    tree.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    relayout = QTimer(tree)
    relayout.setSingleShot(True)
    relayout.setInterval(0)
    relayout.timeout.connect(tree.doItemsLayout)  # row heights follow the first column's new width
    header.sectionResized.connect(lambda index, _old, _new: relayout.start() if index == 0 else None)
    tree._guotu_relayout = relayout  # kept alive with the tree


def wrapped_rows_whole(tree: QTreeView) -> bool:
    """Whether every row of ``tree`` is as tall as its wrapped text needs (nothing cut)."""
    model = tree.model()
    column_width = tree.columnWidth(0)

    def whole(parent) -> bool:
        for row in range(model.rowCount(parent)):
            index = model.index(row, 0, parent)
            text = str(index.data() or "")
            rect = tree.visualRect(index)
            if text and rect.height() > 0 and not tree.isFirstColumnSpanned(row, parent):
                needed = tree.fontMetrics().boundingRect(0, 0, max(1, rect.width() - TEXT_MARGIN), 100000,
                                                         int(Qt.TextFlag.TextWordWrap), text).height()
                if rect.height() + 2 < needed or rect.width() > column_width + 1:
                    return False
            if not whole(index):
                return False
        return True

    return whole(tree.rootIndex())


def columns_width(tree: QTreeView) -> int:
    """Width of every column at its content's (or its title's) size."""
    header = tree.header()
    total = 0
    for column in range(header.count()):
        if not header.isSectionHidden(column):
            total += max(tree.sizeHintForColumn(column), header.sectionSizeHint(column))
    return total


def wanted_width(dock: QDockWidget, tree: QTreeView) -> int:
    """Width ``dock`` needs for ``tree``'s columns to show whole, without scrolling."""
    around = max(0, dock.width() - tree.viewport().width())  # margins, frame, vertical scroll bar
    if tree.verticalScrollBar().isHidden():
        around += tree.verticalScrollBar().sizeHint().width()  # it appears as the list grows
    return columns_width(tree) + around


def visible_rows(tree: QTreeView) -> float:
    """How many rows the list's viewport shows at its current height."""
    return tree.viewport().height() / max(1, row_height(tree))


class DockFitter(QObject):
    """Sizes ``dock`` for ``tree`` the first time it is shown in a main window, and once
    more when the list first gets rows (wider columns). ``fit()`` does it on demand."""

    def __init__(self, dock: QDockWidget, tree: QTreeView) -> None:
        super().__init__(dock)
        self.dock = dock
        self.tree = tree
        self._shown = False
        self._fitted_rows = False
        dock.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 — Qt API name
        if watched is self.dock and event.type() == QEvent.Type.Show and not self._shown:
            self._shown = True
            QTimer.singleShot(0, self.fit)
        return False

    def contents_changed(self) -> None:
        """The list was filled: widen the dock once for the first real rows."""
        if self._fitted_rows or self.tree.model() is None or self.tree.model().rowCount() == 0:
            return
        if self.dock.isVisible():
            self._fitted_rows = True
            QTimer.singleShot(0, self.fit)

    def main_window(self) -> Optional[QMainWindow]:
        parent: Optional[QWidget] = self.dock.parentWidget()
        return parent if isinstance(parent, QMainWindow) else None

    def fit(self) -> None:
        """Asks for the width the columns need and most of the window's height (capped)."""
        if not self.dock.isVisible():
            return
        if self.tree.model() is not None and self.tree.model().rowCount() > 0:
            self._fitted_rows = True
        window = self.main_window()
        width = wanted_width(self.dock, self.tree)
        if window is None or self.dock.isFloating():
            self.dock.resize(max(self.dock.width(), width), max(self.dock.height(), self.dock.minimumSizeHint().height()))
            return
        area = window.dockWidgetArea(self.dock)
        if area in (Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea):
            cap = int(window.width() * MAX_WIDTH_SHARE)
            if self.dock.width() < width:
                window.resizeDocks([self.dock], [min(width, cap)], Qt.Orientation.Horizontal)
            height = max(int(window.height() * HEIGHT_SHARE), self.dock.minimumSizeHint().height())
            if self.dock.height() < height:
                window.resizeDocks([self.dock], [height], Qt.Orientation.Vertical)


__all__ = ["VISIBLE_ROWS", "DockFitter", "configure_review_list", "configure_wrapping_list", "wrapped_rows_whole", "list_min_height", "visible_rows", "wanted_width"]
