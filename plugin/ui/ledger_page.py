"""The unit-ledger page of the parcel review dock, 单元台账 (form: ui/ledger_page.ui).

Lists the units of a unit_ledger layer (guotu:unitledger's output, or the CLI's GeoPackage
table) with their verdicts; choosing one in the list, or selecting it on the map, shows its
balance-sheet lines with each rule's numbers and result and the reclamation certificates of
its reclaimed parcels (the certificates layer of the same run). "Zoom to reclaimed parcels"
brings them into view and selects them; "Run the unit ledger…" opens the algorithm's
dialog (the way in when no ledger is loaded). A parcel chosen on the dock's first page brings
its village's unit here when the ledger has it. The unit shown is outlined on the map in the
colour of its verdict, and each line of its sheet is coloured by its result. What is listed and how lines read lives in
ledger.ledger_review; this class only wires widgets to it.
"""

from typing import Any, List, Optional

from qgis.PyQt import uic
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QBrush, QColor
from qgis.PyQt.QtWidgets import QTreeWidgetItem, QWidget
from qgis.core import QgsGeometry, QgsMapLayerProxyModel, QgsProject, QgsVectorLayer
from qgis.gui import QgsHighlight

from ..i18n import tr
from ..ledger.ledger_report import LedgerReportLayers, is_grades_layer
from ..ledger.ledger_review import (RESULT_COLORS, CertificateRow, LedgerUnit, certificates_extent,
                                    is_certificates_layer, is_unit_ledger_layer, ledger_units, result_titles,
                                    sheet_lines, unit_certificates)
from ..paths import ui_path
from ..reporting.companions import companion_layer
from .dock_layout import configure_review_list, configure_wrapping_list
from .map_focus import zoom_and_flash

ALG = "guotu:unitledger"
FID_ROLE = Qt.ItemDataRole.UserRole + 1

FORM_CLASS, _BASE = uic.loadUiType(ui_path("ledger_page.ui"))


class LedgerPage(QWidget, FORM_CLASS):
    """Browse the balance sheet of one unit at a time."""

    def __init__(self, parent: Optional[QWidget] = None, project: Optional[QgsProject] = None,
                 canvas: Any = None) -> None:
        super().__init__(parent)
        self.setupUi(self)
        self.project = project if project is not None else QgsProject.instance()
        self.canvas = canvas
        self.units: List[LedgerUnit] = []
        self.current: Optional[LedgerUnit] = None
        self.certificates: List[CertificateRow] = []
        self._watched: Optional[QgsVectorLayer] = None
        self.highlight: Optional[QgsHighlight] = None  # the unit shown, outlined on the map
        self._retranslate()
        self.ledgerCombo.setFilters(QgsMapLayerProxyModel.VectorLayer)
        configure_review_list(self.unitTree, rows=3)
        configure_wrapping_list(self.sheetTree, rows=9)
        configure_review_list(self.certificateTree, rows=3)
        self.ledgerCombo.layerChanged.connect(self.reload)
        self.unitTree.currentItemChanged.connect(lambda item, _old: self._unit_item(item))
        self.certificateTree.itemClicked.connect(lambda item, _column: self.zoom_to_certificate(item))
        self.zoomButton.clicked.connect(self.zoom_to_reclaimed)
        self.ledgerRunButton.clicked.connect(self.open_algorithm)
        self.project.layersAdded.connect(self._pick_layer)
        self._pick_layer()

    def _retranslate(self) -> None:
        self.ledgerLabel.setText(tr("Unit ledger"))
        self.sheetLabel.setText(tr("Balance sheet"))
        self.certificatesLabel.setText(tr("Reclamation certificates of the unit"))
        self.zoomButton.setText(tr("Zoom to reclaimed parcels"))
        self.ledgerRunButton.setText(tr("Run the unit ledger…"))
        self.unitTree.setHeaderLabels([tr("Ledger unit"), tr("Name"), tr("Verdict")])
        self.sheetTree.setHeaderLabels([tr("Rule and numbers"), tr("Result")])
        self.certificateTree.setHeaderLabels([tr("Certificate"), tr("Parcel"), tr("Area (ha)"),
                                              tr("Cultivated (ha)"), tr("Issuable")])

    # ---- layers ----

    def layer(self) -> Optional[QgsVectorLayer]:
        layer = self.ledgerCombo.currentLayer()
        return layer if is_unit_ledger_layer(layer) else None

    def certificates_layer(self) -> Optional[QgsVectorLayer]:
        layer = self.layer()
        if layer is None:
            return None
        found = companion_layer(self.project, layer, "certificates", is_certificates_layer)
        return found if is_certificates_layer(found) else None

    def grades_layer(self) -> Optional[QgsVectorLayer]:
        layer = self.layer()
        if layer is None:
            return None
        found = companion_layer(self.project, layer, "unit_grades", is_grades_layer)
        return found if is_grades_layer(found) else None

    def report_layers(self) -> Optional[LedgerReportLayers]:
        """The loaded ledger for the village reports (its balance sheets, grades and
        certificates); None when no ledger is loaded."""
        layer = self.layer()
        if layer is None:
            return None
        return LedgerReportLayers(layer, self.grades_layer(), self.certificates_layer(), source=layer.name())

    def _pick_layer(self, added: Any = None) -> None:
        """Shows a unit ledger just added (a new run's result), else keeps the current one,
        else takes the newest in the project."""
        fresh = [layer for layer in (added or []) if is_unit_ledger_layer(layer)]
        if fresh and fresh[-1] is not self.ledgerCombo.currentLayer():
            self.ledgerCombo.setLayer(fresh[-1])  # reloads through layerChanged
            return
        if self.layer() is None:
            candidates = [layer for layer in self.project.mapLayers().values() if is_unit_ledger_layer(layer)]
            if candidates:
                self.ledgerCombo.setLayer(candidates[-1])
                return
        self.reload()

    def _watch(self, layer: Optional[QgsVectorLayer]) -> None:
        """Follows the selection on the map of the ledger layer shown."""
        if self._watched is not None:
            try:
                self._watched.selectionChanged.disconnect(self._map_selection)
            except (TypeError, RuntimeError):
                pass
        self._watched = layer
        if layer is not None:
            layer.selectionChanged.connect(self._map_selection)

    def reload(self, *_args: Any) -> None:
        layer = self.layer()
        self._watch(layer)
        self.units = ledger_units(layer) if layer is not None else []
        titles = result_titles()
        self.unitTree.blockSignals(True)
        self.unitTree.clear()
        for unit in self.units:
            item = QTreeWidgetItem([unit.unit_id or tr("(no unit)"), unit.name,
                                    titles.get(unit.verdict, unit.verdict)])
            item.setData(0, FID_ROLE, unit.fid)
            if unit.verdict in RESULT_COLORS:
                item.setForeground(2, QBrush(QColor(RESULT_COLORS[unit.verdict])))
            self.unitTree.addTopLevelItem(item)
        self.unitTree.blockSignals(False)
        if layer is None:
            self.hintLabel.setText(tr("No unit ledger is loaded: run the unit ledger, or load its unit_ledger "
                                      "table."))
        else:
            self.hintLabel.setText(tr("{n} units. Choose one in the list or select it on the map.")
                                   .format(n=len(self.units)))
        self.ledgerRunButton.setDefault(layer is None)
        previous = self.current.unit_id if self.current is not None else None
        self.current = None
        match = next((u for u in self.units if u.unit_id == previous), None)
        self.show_unit(match if match is not None else (self.units[0] if self.units else None))

    # ---- one unit ----

    def unit_items(self) -> List[QTreeWidgetItem]:
        return [self.unitTree.topLevelItem(i) for i in range(self.unitTree.topLevelItemCount())]

    def sheet_items(self) -> List[QTreeWidgetItem]:
        return [self.sheetTree.topLevelItem(i) for i in range(self.sheetTree.topLevelItemCount())]

    def certificate_items(self) -> List[QTreeWidgetItem]:
        return [self.certificateTree.topLevelItem(i) for i in range(self.certificateTree.topLevelItemCount())]

    def _unit_item(self, item: Optional[QTreeWidgetItem]) -> None:
        if item is None:
            return
        fid = item.data(0, FID_ROLE)
        self.show_unit(next((u for u in self.units if u.fid == fid), None))

    def _map_selection(self, selected: Any = None, *_args: Any) -> None:
        layer = self.layer()
        if layer is None:
            return
        ids = layer.selectedFeatureIds()
        if len(ids) == 1:
            self.select_unit(next((u.unit_id for u in self.units if u.fid == ids[0]), None))

    def select_unit(self, unit_id: Optional[str]) -> None:
        """Shows a unit by its id (as a click in the list does)."""
        for item in self.unit_items():
            unit = next((u for u in self.units if u.fid == item.data(0, FID_ROLE)), None)
            if unit is not None and unit.unit_id == unit_id:
                self.unitTree.setCurrentItem(item)  # shows it through currentItemChanged
                self.show_unit(unit)
                return

    def follow_unit(self, unit_id: str) -> bool:
        """Shows the unit of the parcel under review on the other page (its village, when the
        ledger's units are the villages); nothing changes when the ledger has no such unit."""
        if not unit_id or not any(u.unit_id == unit_id for u in self.units):
            return False
        self.select_unit(unit_id)
        return True

    def show_unit(self, unit: Optional[LedgerUnit]) -> None:
        if unit is not None and self.current is not None and unit.fid == self.current.fid and \
                self.sheetTree.topLevelItemCount():
            return
        self.current = unit
        self.sheetTree.clear()
        self.certificateTree.clear()
        self.certificates = []
        titles = result_titles()
        if unit is not None:
            for line in sheet_lines(unit):
                item = QTreeWidgetItem([f"{line.rule}: {line.numbers}" if line.numbers else line.rule,
                                        titles.get(line.result, line.result)])
                if line.result in RESULT_COLORS:
                    for column in (0, 1):
                        item.setForeground(column, QBrush(QColor(RESULT_COLORS[line.result])))
                self.sheetTree.addTopLevelItem(item)
            self.certificates = unit_certificates(self.certificates_layer(), unit.unit_id)
            for c in self.certificates:
                item = QTreeWidgetItem([c.number, c.parcel_id, f"{c.area_ha:.4f}", f"{c.cultivated_ha:.4f}",
                                        tr("yes") if c.issuable else tr("no (river beach)")])
                item.setData(0, FID_ROLE, c.fid)
                self.certificateTree.addTopLevelItem(item)
            for i in range(self.unitTree.topLevelItemCount()):
                item = self.unitTree.topLevelItem(i)
                if item.data(0, FID_ROLE) == unit.fid and self.unitTree.currentItem() is not item:
                    self.unitTree.blockSignals(True)
                    self.unitTree.setCurrentItem(item)
                    self.unitTree.blockSignals(False)
        self.certificatesLabel.setText(tr("Reclamation certificates of the unit: {n}").format(
            n=len(self.certificates)))
        self.zoomButton.setEnabled(bool(self.certificates))
        self.highlight_unit(unit)

    def highlight_unit(self, unit: Optional[LedgerUnit]) -> None:
        """Outlines the unit shown on the map in the colour of its verdict (none without a
        canvas, a unit polygon or a unit)."""
        self._clear_highlight()
        layer = self.layer()
        if self.canvas is None or unit is None or layer is None:
            return
        feature = layer.getFeature(unit.fid)
        if not feature.isValid() or not feature.hasGeometry():
            return
        color = QColor(RESULT_COLORS.get(unit.verdict, "#1f78b4"))
        self.highlight = QgsHighlight(self.canvas, feature.geometry(), layer)
        self.highlight.setColor(color)
        fill = QColor(color)
        fill.setAlpha(40)
        self.highlight.setFillColor(fill)
        self.highlight.setWidth(3)
        self.highlight.show()

    def _clear_highlight(self) -> None:
        if self.highlight is not None:
            self.highlight.hide()
            if self.canvas is not None:
                self.canvas.scene().removeItem(self.highlight)
            self.highlight = None

    # ---- map ----

    def zoom_to_reclaimed(self) -> None:
        """Zooms to the unit's reclaimed parcels (their certificates) and selects them."""
        layer = self.certificates_layer()
        if layer is None or not self.certificates:
            return
        fids = [c.fid for c in self.certificates]
        layer.selectByIds(fids)
        box = certificates_extent(layer, fids)
        if box is not None:
            zoom_and_flash(self.canvas, self.project, QgsGeometry.fromRect(box), layer.crs())

    def zoom_to_certificate(self, item: Optional[QTreeWidgetItem]) -> None:
        layer = self.certificates_layer()
        if item is None or layer is None:
            return
        feature = layer.getFeature(item.data(0, FID_ROLE))
        if feature.isValid() and feature.hasGeometry():
            zoom_and_flash(self.canvas, self.project, feature.geometry(), layer.crs())

    # ---- actions ----

    def open_algorithm(self) -> None:
        try:
            from processing import execAlgorithmDialog
        except ImportError:
            return
        execAlgorithmDialog(ALG, {})

    def cleanup(self) -> None:
        self._clear_highlight()
        self._watch(None)
        try:
            self.project.layersAdded.disconnect(self._pick_layer)
        except TypeError:
            pass
