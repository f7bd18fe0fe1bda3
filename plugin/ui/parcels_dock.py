"""The rectification parcel review dock, 整治地块审查 (form: ui/parcels_dock.ui).

Lists the parcels of a parcel_checks layer (guotu:parcelscheck's output, or the CLI's
GeoPackage table), filtered by verdict and village; a click zooms the map to the parcel,
flashes it and shows every reason. "Check parcels…" opens the algorithm's dialog, "Select
on map" selects the listed parcels, "Village reports (PDF)…" writes one PDF per village,
with the balance sheet of the village's unit when the ledger page has a ledger by villages.
A second page (ui.ledger_page) shows the unit ledger of the unit under review.
Villages read "name (code)" when the check's village_totals has their names. What is
listed and how reasons read lives in core.parcels_review; this class only wires widgets to it.
"""

from pathlib import Path
from typing import Any, Dict, List, Optional

from qgis.PyQt import uic
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QBrush, QColor
from qgis.PyQt.QtWidgets import QFileDialog, QMessageBox, QTreeWidgetItem, QWidget
from qgis.core import QgsApplication, QgsMapLayerProxyModel, QgsProject, QgsVectorLayer
from qgis.gui import QgsDockWidget

from ..reporting.companions import companion_layer, has_fields
from ..parcels.parcels_report import ParcelsReportLayers
from ..reporting.report_progress import village_reports_with_progress
from ..parcels.parcels_review import (ALL, ReviewRow, counts, filter_rows, is_parcel_checks_layer, reasons_html,
                                   review_rows, village_label, village_names, villages)
from ..parcels.parcels_style import VERDICT_COLORS, verdict_titles
from ..i18n import tr
from ..paths import ui_path
from .dock_layout import DockFitter, configure_review_list
from .ledger_page import LedgerPage
from .map_focus import zoom_and_flash
from .start_folder import remember_folder, start_folder

ALG = "guotu:parcelscheck"
FID_ROLE = Qt.ItemDataRole.UserRole + 1


FORM_CLASS, _BASE = uic.loadUiType(ui_path("parcels_dock.ui"))


def _zh() -> bool:
    return (QgsApplication.locale() or "").lower().startswith("zh")


REPORT_FOLDER_KIND = "parcels_reports"  # the village reports' folder dialog remembers its folder

class ParcelsDock(QgsDockWidget, FORM_CLASS):
    """Browse the verdicts of the parcel check."""

    def __init__(self, iface=None, parent: Optional[QWidget] = None, project: Optional[QgsProject] = None,
                 canvas=None) -> None:
        super().__init__(parent)
        self.setupUi(self)
        self.setObjectName("GuotuParcelsDock")
        self.iface = iface
        self.project = project if project is not None else QgsProject.instance()
        self.canvas = canvas if canvas is not None else (iface.mapCanvas() if iface is not None else None)
        self.rows: List[ReviewRow] = []
        self.shown: List[ReviewRow] = []
        self.village_names: Dict[str, str] = {}
        self.report_folder: Optional[Path] = None  # tests set it; else asked for
        self.message = ""
        self.ledger_page = LedgerPage(self.pageTabs, self.project, self.canvas)
        self.pageTabs.addTab(self.ledger_page, "")
        self._retranslate()
        self.layerCombo.setFilters(QgsMapLayerProxyModel.PolygonLayer)
        self.layerCombo.setExceptedLayerList([])
        configure_review_list(self.parcelTree)
        self._fitter = DockFitter(self, self.parcelTree)
        self.layerCombo.layerChanged.connect(self.reload)
        self.verdictCombo.currentIndexChanged.connect(self.apply_filter)
        self.villageCombo.currentIndexChanged.connect(self.apply_filter)
        self.parcelTree.currentItemChanged.connect(lambda item, _old: self.show_parcel(item))
        self.parcelTree.itemClicked.connect(lambda item, _column: self.show_parcel(item))
        self.runButton.clicked.connect(self.open_algorithm)
        self.selectButton.clicked.connect(self.select_listed)
        self.reportButton.clicked.connect(self.export_reports)
        self.project.layersAdded.connect(self._pick_layer)
        self._pick_layer()

    def _retranslate(self) -> None:
        self.setWindowTitle(tr("Rectification parcel review (整治地块审查)"))
        self.pageTabs.setTabText(0, tr("Parcel findings"))
        self.pageTabs.setTabText(1, tr("Unit ledger"))
        self.layerLabel.setText(tr("Parcel verdicts"))
        self.verdictLabel.setText(tr("Verdict"))
        self.villageLabel.setText(tr("Village"))
        self.runButton.setText(tr("Check parcels…"))
        self.selectButton.setText(tr("Select on map"))
        self.reportButton.setText(tr("Village reports (PDF)…"))
        self.parcelTree.setHeaderLabels([tr("Parcel"), tr("Verdict"), tr("Village"), tr("Rules")])
        self.verdictCombo.clear()
        self.verdictCombo.addItem(tr("All verdicts"), ALL)
        for verdict, title in verdict_titles().items():
            self.verdictCombo.addItem(title, verdict)

    # ---- layer ----

    def layer(self) -> Optional[QgsVectorLayer]:
        layer = self.layerCombo.currentLayer()
        return layer if is_parcel_checks_layer(layer) else None

    def _pick_layer(self, added: Any = None) -> None:
        """Shows a parcel_checks layer just added (a new check's result), else keeps the
        current one, else takes the newest in the project."""
        fresh = [layer for layer in (added or []) if is_parcel_checks_layer(layer)]
        if fresh and fresh[-1] is not self.layerCombo.currentLayer():
            self.layerCombo.setLayer(fresh[-1])  # reloads through layerChanged
            return
        if self.layer() is None:
            candidates = [layer for layer in self.project.mapLayers().values() if is_parcel_checks_layer(layer)]
            if candidates:
                self.layerCombo.setLayer(candidates[-1])  # reloads through layerChanged
                return
        # The combo may have chosen the layer by itself, without a layerChanged signal.
        self.reload()

    def reload(self, *_args: Any) -> None:
        layer = self.layer()
        self.rows = review_rows(layer) if layer is not None else []
        self.village_names = village_names(self._companion("village_totals")) if layer is not None else {}
        current = self.villageCombo.currentData()
        self.villageCombo.blockSignals(True)
        self.villageCombo.clear()
        self.villageCombo.addItem(tr("All villages"), ALL)
        for village in villages(self.rows):
            self.villageCombo.addItem(village_label(village, self.village_names), village)
        index = self.villageCombo.findData(current) if current is not None else -1
        self.villageCombo.setCurrentIndex(max(index, 0))
        self.villageCombo.blockSignals(False)
        self.apply_filter()

    # ---- list ----

    def set_filter(self, verdict: str = ALL, village: str = ALL) -> None:
        self.verdictCombo.setCurrentIndex(max(self.verdictCombo.findData(verdict), 0))
        self.villageCombo.setCurrentIndex(max(self.villageCombo.findData(village), 0))
        self.apply_filter()

    def apply_filter(self, *_args: Any) -> None:
        self.shown = filter_rows(self.rows, self.verdictCombo.currentData() or ALL,
                                 self.villageCombo.currentData() if self.villageCombo.currentData() is not None
                                 else ALL)
        titles = verdict_titles()
        self.parcelTree.setSortingEnabled(False)
        self.parcelTree.clear()
        for row in self.shown:
            item = QTreeWidgetItem([row.parcel_id, titles.get(row.verdict, row.verdict),
                                    village_label(row.village_id, self.village_names) if row.village_id else "",
                                    row.rule_ids])
            item.setData(0, FID_ROLE, row.fid)
            color = VERDICT_COLORS.get(row.verdict)
            if color:
                item.setForeground(1, QBrush(QColor(color[1])))
            self.parcelTree.addTopLevelItem(item)
        self.parcelTree.setSortingEnabled(True)
        self.parcelTree.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        n = counts(self.shown)
        self.countLabel.setText(tr("{total} parcels: {fail} fail, {conditional} with conditions, {passed} pass")
                                .format(total=len(self.shown), fail=n["fail"], conditional=n["conditional"],
                                        passed=n["pass"]))
        self.reasonsBrowser.clear()
        self._fitter.contents_changed()
        has_layer = self.layer() is not None
        self.selectButton.setEnabled(has_layer and bool(self.shown))
        self.reportButton.setEnabled(has_layer)

    def items(self) -> List[QTreeWidgetItem]:
        return [self.parcelTree.topLevelItem(i) for i in range(self.parcelTree.topLevelItemCount())]

    def show_parcel(self, item: Optional[QTreeWidgetItem]) -> None:
        layer = self.layer()
        if item is None or layer is None:
            return
        fid = item.data(0, FID_ROLE)
        row = next((r for r in self.rows if r.fid == fid), None)
        if row is None:
            return
        self.reasonsBrowser.setHtml(reasons_html(row, _zh()))
        self.ledger_page.follow_unit(row.village_id)
        feature = layer.getFeature(fid)
        if feature.isValid() and feature.hasGeometry():
            zoom_and_flash(self.canvas, self.project, feature.geometry(), layer.crs())

    def select_listed(self) -> None:
        layer = self.layer()
        if layer is not None:
            layer.selectByIds([row.fid for row in self.shown])

    # ---- actions ----

    def open_algorithm(self) -> None:
        try:
            from processing import execAlgorithmDialog
        except ImportError:
            return
        execAlgorithmDialog(ALG, {})

    def _companion(self, name: str) -> Optional[QgsVectorLayer]:
        """A layer of the same run: parcel_reasons, project_checks or village_totals."""
        wanted = {"parcel_reasons": "message_zh", "project_checks": "new_cultivated_ok",
                  "village_totals": "conditional_count"}[name]
        return companion_layer(self.project, self.layer(), name, has_fields(wanted))

    def export_reports(self) -> List[Path]:
        layer = self.layer()
        reasons = self._companion("parcel_reasons")
        if layer is None or reasons is None:
            self.message = tr("Load the parcel reasons of the same check (parcel_reasons) to make reports.")
            if self.iface is not None:
                QMessageBox.warning(self, self.windowTitle(), self.message)
            return []
        folder = self.report_folder
        if folder is None:
            chosen = QFileDialog.getExistingDirectory(self, tr("Folder for the village reports"),
                                                      start_folder(REPORT_FOLDER_KIND, self.project))
            if not chosen:
                return []
            remember_folder(REPORT_FOLDER_KIND, chosen)
            folder = Path(chosen)
        layers = ParcelsReportLayers(layer, reasons, self._companion("project_checks"),
                                     self._companion("village_totals"), source=layer.name(),
                                     ledger=self.ledger_page.report_layers())
        pdfs, self.message, outcome = village_reports_with_progress(self, self.windowTitle(), layers, folder,
                                                                    self.project)
        if self.iface is not None:
            if outcome == "failed":
                QMessageBox.critical(self, self.windowTitle(), self.message)
            elif outcome == "cancelled":
                self.iface.messageBar().pushInfo(self.windowTitle(), self.message)
            else:
                self.iface.messageBar().pushSuccess(self.windowTitle(), self.message)
        return pdfs

    def show_ledger(self) -> None:
        """Brings the unit-ledger page to the front."""
        self.pageTabs.setCurrentWidget(self.ledger_page)

    def cleanup(self) -> None:
        self.ledger_page.cleanup()
        try:
            self.project.layersAdded.disconnect(self._pick_layer)
        except TypeError:
            pass
