"""Transition matrix view of a land-use conversion layer (form: ui/conversion_matrix.ui).

The category × category matrix of a conversions layer (the output of
guotu:landuseconversion or of ``guotu convert``), area in hectares, each cell shaded by its
area (light: small, dark: large; cells that are no conversion light grey) with a square in
the status colour of the map; a zone selector ('*' = all zones). Clicking a cell
selects its pieces on the map (from_category, to_category and zone); the totals select
a whole row, a whole column or the zone.
"""

from typing import Dict, List, Optional, Tuple

from qgis.PyQt import sip, uic
from qgis.PyQt.QtCore import Qt, QTimer
from qgis.PyQt.QtGui import QBrush, QColor, QFont
from qgis.PyQt.QtWidgets import QHeaderView, QLabel, QTableWidgetItem, QWidget
from qgis.core import QgsExpression, QgsMapLayer, QgsMapLayerProxyModel, QgsProject, QgsVectorLayer
from qgis.gui import QgsDockWidget

from ..conversion.conversion_style import (AREA_RAMP, STATUS_COLORS, STATUS_ORDER, area_color, category_label,
                                          status_label)
from ..conversion.convert import ALL_ZONES, CATEGORIES, Cells, matrices_from_layer, missing_matrix_fields
from ..binding.errors import GuotuInputError
from ..i18n import tr
from ..paths import ui_path


FORM_CLASS, _BASE = uic.loadUiType(ui_path("conversion_matrix.ui"))

UNKNOWN = ""  # the category of codes no table lists
TOTAL = None  # row/column key of the totals
REPORT_ALGORITHM = "guotu:conversionreport"


def text_color(background: str) -> QColor:
    """Black or white, whichever reads better on ``background``."""
    color = QColor(background)
    luminance = 0.299 * color.red() + 0.587 * color.green() + 0.114 * color.blue()
    return QColor("#000000") if luminance > 140 else QColor("#ffffff")


def largest_change(cells: Cells) -> float:
    """The largest area of a cell that is a conversion (the darkest shade of the matrix)."""
    return max((area for area, status in cells.values() if status != "same"), default=0.0)


def cell_colors(area: float, status: str, largest: float) -> Tuple[str, str]:
    """(background, status swatch) of a matrix cell: the background shaded by area on the
    area scale (cells that are no conversion, status "same", light grey), the swatch the
    status colour of the map."""
    swatch = STATUS_COLORS.get(status, STATUS_COLORS["unknown"])
    background = STATUS_COLORS["same"] if status == "same" else area_color(area, largest)
    return background, swatch


def _quoted(field: str, value: str) -> str:
    column = QgsExpression.quotedColumnRef(field)
    if value == "":
        return f"coalesce({column}, '') = ''"
    return f"{column} = {QgsExpression.quotedString(value)}"


def selection_expression(from_category: Optional[str], to_category: Optional[str], zone_id: str) -> str:
    """Expression of the pieces of a cell; None for a total (no condition on that side),
    zone ALL_ZONES for every zone."""
    parts = []
    if from_category is not None:
        parts.append(_quoted("from_category", from_category))
    if to_category is not None:
        parts.append(_quoted("to_category", to_category))
    if zone_id != ALL_ZONES:
        parts.append(_quoted("zone_id", zone_id))
    return " AND ".join(parts) if parts else "TRUE"


class ConversionMatrixWidget(QWidget, FORM_CLASS):
    """The matrix; ``iface`` (optional) lets "zoom to selection" move the map canvas."""

    def __init__(self, parent: Optional[QWidget] = None, iface=None) -> None:
        super().__init__(parent)
        self.setupUi(self)
        self.iface = iface
        self.layer: Optional[QgsVectorLayer] = None
        self.matrices: Dict[str, Cells] = {}
        self.rows: List[Optional[str]] = []     # category keys of the rows (TOTAL last)
        self.columns: List[Optional[str]] = []  # of the columns
        self._retranslate()
        self._build_legend()
        self.layerCombo.setFilters(QgsMapLayerProxyModel.PolygonLayer)
        self.layerCombo.setAllowEmptyLayer(True)
        self.layerCombo.layerChanged.connect(self.set_layer)
        self.zoneCombo.currentIndexChanged.connect(self._fill_table)
        self.refreshButton.clicked.connect(self.reload)
        self.reportButton.clicked.connect(self.open_report_dialog)
        self.matrixTable.cellClicked.connect(self.on_cell_clicked)
        # Removing layers and renewing the project come in bursts (the layer is still listed
        # while it goes, a new project deletes them all): forget the layer at once and look
        # for another only once the burst is over.
        project = QgsProject.instance()
        project.layerWillBeRemoved[str].connect(self._layer_removed)
        project.cleared.connect(self._project_cleared)
        self.matrixTable.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.matrixTable.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.set_layer(self._first_conversion_layer())

    def _retranslate(self) -> None:
        self.setWindowTitle(tr("Land-use conversion matrix"))
        self.layerLabel.setText(tr("Conversions layer"))
        self.zoneLabel.setText(tr("Zone"))
        self.refreshButton.setText(tr("Refresh"))
        self.refreshButton.setToolTip(tr("Sum the layer again (after it was edited or filtered)"))
        self.zoomCheck.setText(tr("Zoom to selection"))
        self.reportButton.setText(tr("Report (PDF)…"))
        self.reportButton.setToolTip(tr("Print the conversion report of this layer (map, matrix, Sankey diagram, "
                                        "zones) to a PDF"))
        self.hintLabel.setText(tr("Rows: land use before; columns: land use after; hectares. Click a cell to "
                                  "select its pieces on the map (a total selects the whole row or column)."))

    def report_parameters(self) -> Dict[str, object]:
        """The report algorithm's parameters for the layer shown (empty without one)."""
        return {"CONVERSIONS": self.layer.id()} if self.layer is not None else {}

    def open_report_dialog(self) -> None:
        """The report algorithm's dialog, with the layer shown already chosen."""
        from processing import execAlgorithmDialog  # QGIS's Processing plugin, there when the dock is

        execAlgorithmDialog(REPORT_ALGORITHM, self.report_parameters())

    def _build_legend(self) -> None:
        ramp = QLabel()
        ramp.setFixedSize(60, 14)
        stops = ", ".join(f"stop:{i / (len(AREA_RAMP) - 1):.3f} {color}" for i, color in enumerate(AREA_RAMP))
        ramp.setStyleSheet(f"background: qlineargradient(x1:0, y1:0, x2:1, y2:0, {stops});")
        self.legendLayout.addWidget(ramp)
        self.legendLayout.addWidget(QLabel(tr("Shade: area of the change (darker = larger); square: policy status")))
        for status in STATUS_ORDER:
            swatch = QLabel(status_label(status))
            swatch.setStyleSheet(f"background-color: {STATUS_COLORS[status]}; color: "
                                 f"{text_color(STATUS_COLORS[status]).name()}; padding: 2px 4px;")
            self.legendLayout.addWidget(swatch)
        self.legendLayout.addStretch(1)

    @staticmethod
    def _first_conversion_layer() -> Optional[QgsVectorLayer]:
        for layer in QgsProject.instance().mapLayers().values():
            if sip.isdeleted(layer):
                continue
            if isinstance(layer, QgsVectorLayer) and layer.isSpatial() and not missing_matrix_fields(layer):
                return layer
        return None

    # ---- data ----

    def set_layer(self, layer: Optional[QgsMapLayer]) -> None:
        """Shows the matrix of ``layer`` (also picks it in the layer box)."""
        self.layer = layer if isinstance(layer, QgsVectorLayer) and layer.isValid() else None
        if self.layerCombo.currentLayer() is not self.layer:
            self.layerCombo.blockSignals(True)
            self.layerCombo.setLayer(self.layer)
            self.layerCombo.blockSignals(False)
        self.reportButton.setEnabled(self.layer is not None)
        self.reload()

    def _layer_removed(self, layer_id: str) -> None:
        if sip.isdeleted(self):
            return
        if self.layer is not None and (sip.isdeleted(self.layer) or self.layer.id() == layer_id):
            self._forget_layer()
            QTimer.singleShot(0, self._reload_if_alive)

    def _project_cleared(self) -> None:
        if not sip.isdeleted(self):
            self._forget_layer()

    def _forget_layer(self) -> None:
        self.layer = None
        self.matrices = {}
        self.zoneCombo.blockSignals(True)
        self.zoneCombo.clear()
        self.zoneCombo.blockSignals(False)
        self.selectionLabel.setText("")
        self._fill_table()

    def _reload_if_alive(self) -> None:
        if not sip.isdeleted(self) and self.layer is None:
            self.reload()

    def cleanup(self) -> None:
        """Stops following the project (before the widget goes with the plugin)."""
        project = QgsProject.instance()
        for signal, slot in ((project.layerWillBeRemoved[str], self._layer_removed),
                             (project.cleared, self._project_cleared)):
            try:
                signal.disconnect(slot)
            except TypeError:  # already disconnected
                pass

    def reload(self) -> None:
        """Sums the layer again (the first conversions layer of the project when none is
        chosen)."""
        if self.layer is None:
            layer = self._first_conversion_layer()
            if layer is not None:
                self.set_layer(layer)
                return
        self.matrices = {}
        self.selectionLabel.setText("")
        if self.layer is not None:
            try:
                self.matrices = matrices_from_layer(self.layer)
            except GuotuInputError as e:
                self.selectionLabel.setText(str(e))
        current = self.current_zone()
        self.zoneCombo.blockSignals(True)
        self.zoneCombo.clear()
        if self.matrices:
            self.zoneCombo.addItem(tr("* (all zones)"), ALL_ZONES)
            zones = [z for z in self.matrices if z not in (ALL_ZONES, "")]
            for zone in zones:
                self.zoneCombo.addItem(zone, zone)
            if zones and "" in self.matrices:
                self.zoneCombo.addItem(tr("(outside every zone)"), "")
            index = self.zoneCombo.findData(current)
            self.zoneCombo.setCurrentIndex(max(index, 0))
        self.zoneCombo.blockSignals(False)
        self._fill_table()

    def current_zone(self) -> str:
        zone = self.zoneCombo.currentData()
        return ALL_ZONES if zone is None else str(zone)

    def set_zone(self, zone_id: str) -> None:
        index = self.zoneCombo.findData(zone_id)
        if index < 0:
            raise ValueError(f"no zone {zone_id!r} in the matrix")
        self.zoneCombo.setCurrentIndex(index)

    def cells(self) -> Cells:
        return self.matrices.get(self.current_zone(), {})

    # ---- table ----

    def _categories(self) -> List[str]:
        """The ten categories, and "unknown" when some code has none (anywhere, so the
        grid keeps its shape when the zone changes)."""
        present = {c for cells in self.matrices.values() for key in cells for c in key}
        return list(CATEGORIES) + ([UNKNOWN] if UNKNOWN in present else [])

    @staticmethod
    def _header(category: Optional[str], two_lines: bool) -> str:
        if category is None:
            return tr("Total")
        return category_label(category)

    def _fill_table(self) -> None:
        table = self.matrixTable
        table.clear()
        if not self.matrices:
            table.setRowCount(0)
            table.setColumnCount(0)
            return
        categories = self._categories()
        self.rows = list(categories) + [TOTAL]
        self.columns = list(categories) + [TOTAL]
        table.setRowCount(len(self.rows))
        table.setColumnCount(len(self.columns))
        table.setVerticalHeaderLabels([self._header(c, False) for c in self.rows])
        table.setHorizontalHeaderLabels([self._header(c, True) for c in self.columns])
        cells = self.cells()
        row_sums = {c: 0.0 for c in categories}
        column_sums = {c: 0.0 for c in categories}
        for (f, t), (area, _status) in cells.items():
            row_sums[f] = row_sums.get(f, 0.0) + area
            column_sums[t] = column_sums.get(t, 0.0) + area
        largest = largest_change(cells)
        bold = QFont()
        bold.setBold(True)
        for r, f in enumerate(self.rows):
            for c, t in enumerate(self.columns):
                if f is TOTAL or t is TOTAL:
                    area = (sum(row_sums.values()) if f is TOTAL and t is TOTAL
                            else row_sums[f] if t is TOTAL else column_sums[t])
                    item = QTableWidgetItem(f"{area:,.2f}")
                    item.setFont(bold)
                    item.setBackground(QBrush(QColor("#f7f7f7")))
                else:
                    area, status = cells.get((f, t), (0.0, ""))
                    item = QTableWidgetItem(f"{area:,.2f}" if (f, t) in cells else "")
                    if (f, t) in cells:
                        background, swatch = cell_colors(area, status, largest)
                        item.setBackground(QBrush(QColor(background)))
                        item.setForeground(QBrush(text_color(background)))
                        item.setData(Qt.ItemDataRole.DecorationRole, QColor(swatch))
                        item.setToolTip(f"{self._header(f, False)} → {self._header(t, False)}\n"
                                        f"{status_label(status)}\n{area:,.4f} ha")
                    item.setData(Qt.ItemDataRole.UserRole, status)
                item.setTextAlignment(int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter))
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                table.setItem(r, c, item)

    # ---- selection ----

    def cell_expression(self, row: int, column: int) -> Optional[str]:
        if not (0 <= row < len(self.rows) and 0 <= column < len(self.columns)):
            return None
        return selection_expression(self.rows[row], self.columns[column], self.current_zone())

    def cell_of(self, from_category: Optional[str], to_category: Optional[str]) -> Tuple[int, int]:
        """(row, column) of a pair of categories (None: the total)."""
        return self.rows.index(from_category), self.columns.index(to_category)

    def on_cell_clicked(self, row: int, column: int) -> None:
        expression = self.cell_expression(row, column)
        if self.layer is None or expression is None:
            return
        self.layer.selectByExpression(expression, QgsVectorLayer.SetSelection)
        count = self.layer.selectedFeatureCount()
        self.selectionLabel.setText(tr("{count} pieces selected in \"{layer}\": {expression}").format(
            count=count, layer=self.layer.name(), expression=expression))
        if self.zoomCheck.isChecked() and self.iface is not None and count:
            self.iface.mapCanvas().zoomToSelected(self.layer)


class ConversionMatrixDock(QgsDockWidget):
    """The matrix in a dock of the QGIS main window."""

    def __init__(self, iface=None, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.setObjectName("GuotuConversionMatrixDock")
        self.setWindowTitle(tr("Land-use conversion matrix"))
        self.matrix = ConversionMatrixWidget(self, iface)
        self.setWidget(self.matrix)

    def cleanup(self) -> None:
        self.matrix.cleanup()
