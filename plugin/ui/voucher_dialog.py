"""Ecological vouchers dialog (form: ui/voucher_dialog.ui), for people who do not use
the Processing toolbox.

The dialog only turns its widgets into the parameters of guotu:voucheraccounting
and guotu:vouchermarket (with accounts over years: guotu:voucherledger, which holds
the market of every period); processing.voucher_runner runs them in the background
(progress bar, log, cancel), loads the outputs into the project styled and writes
the styles into the GeoPackage; core.voucher_report exports the PDF report.
"""

from pathlib import Path
from typing import Any, Dict, Optional

from qgis.PyQt import uic
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import QDialog, QFileDialog, QListWidgetItem, QMessageBox, QWidget
from qgis.core import QgsFieldProxyModel, QgsMapLayerProxyModel, QgsProject, QgsRasterLayer, QgsVectorLayer

from ..voucher.voucher import DEFAULT_TARGET_YEAR, REFERENCES, SYSTEMS
from ..processing.common import LAND_USE_CODE_FIELD
from ..processing.voucher_accounting import key_function_options, redline_loss_options, reference_options
from ..processing.voucher_ledger import parse_list
from ..voucher.bottom_lines import parse_ids
from ..voucher.voucher_report import export_report, load_gpkg_layers, style_report_layers
from ..i18n import tr
from ..paths import ui_path
from ..processing.voucher_runner import VoucherRunner, free_path


FORM_CLASS, _BASE = uic.loadUiType(ui_path("voucher_dialog.ui"))


# A zones layer is counties, towns or ecological units: far fewer features than a land-use
# layer. Above this many the dialog asks before running (a land-use layer chosen by mistake).
MANY_ZONES = 5000


def _preselect(widget, layer: QgsVectorLayer, candidates) -> None:
    """Selects the first of ``candidates`` (case-insensitive) that the layer has; leaves the
    box empty otherwise: a field is chosen by the user, never guessed."""
    names = {name.lower(): name for name in layer.fields().names()}
    widget.setField("")
    for candidate in candidates:
        if candidate in names:
            widget.setField(names[candidate])
            return


class VoucherDialog(QDialog, FORM_CLASS):
    """Choose the inputs, run accounting and market, export the report."""

    def __init__(self, parent: Optional[QWidget] = None, project: Optional[QgsProject] = None) -> None:
        super().__init__(parent)
        self.setupUi(self)
        self.project = project if project is not None else QgsProject.instance()
        self.runner = VoucherRunner(self.project, self)
        self.gpkg: Optional[Path] = None
        self._retranslate()
        self._configure()
        self._connect()
        self._update_state()

    # ---- set-up ----

    def _retranslate(self) -> None:
        self.setWindowTitle(tr("Ecological vouchers (生态券)"))
        tabs = (tr("Zones"), tr("Land use"), tr("Accounting"), tr("Market"))
        for index, title in enumerate(tabs):
            self.tabs.setTabText(index, title)
        for label, text in (
                (self.zonesLabel, tr("Zones (counties or ecological units)")), (self.zoneIdLabel, tr("Zone id field")),
                (self.zoneNameLabel, tr("Zone name field")), (self.gdpLabel, tr("GDP field (yuan)")),
                (self.popLabel, tr("Population field (persons)")),
                (self.countiesLabel, tr("Counties the units are attributed to (optional)")),
                (self.countyIdLabel, tr("County id field")), (self.baseHeading, tr("Base year")),
                (self.targetHeading, tr("Target year")), (self.landuseLayerLabel, tr("Land use (polygons or raster)")),
                (self.classFieldLabel, tr("Land-use class field")),
                (self.systemLabel, tr("Classification system")),
                (self.maskLabel, tr("Mask: area inside is excluded, e.g. urban space")),
                (self.coefficientsLabel, tr("Coefficient table (CSV; empty: the systems' presets)")),
                (self.referenceLabel, tr("Reference values")),
                (self.targetYearLabel, tr("Target year of the national values")),
                (self.referenceTableLabel, tr("National reference table (CSV; empty: the preset)")),
                (self.refGdpLabel, tr("GDP per capita (yuan/person)")),
                (self.refDensityLabel, tr("Population density (persons/km²)")), (self.baselineLabel, tr("Baseline M0")),
                (self.areaLabel, tr("Area method")), (self.priceLabel, tr("Price (yuan per standard-forest ha)")),
                (self.priceModeLabel, tr("Price rule")), (self.allocationLabel, tr("Allocation")),
                (self.settlementLabel, tr("Settlement")), (self.outputLabel, tr("Output folder")),
                (self.askLabel, tr("Ask price field of sellers (yuan/ha; floor price)")),
                (self.bidLabel, tr("Bid price field of buyers (yuan/ha; floor price)")),
                (self.bottomLinesHeading, tr("Within the plan's bottom lines (optional)")),
                (self.workspaceLabel, tr("Three-lines workspace (GeoPackage)")),
                (self.redlineLabel, tr("Ecological red line (replaces the workspace's)")),
                (self.farmlandLabel, tr("Permanent farmland (replaces the workspace's)")),
                (self.redlineLossLabel, tr("Loss of ecological land inside the red line")),
                (self.keyFunctionFieldLabel, tr("Key ecological function zones: field with 1/0")),
                (self.keyFunctionIdsLabel, tr("Key ecological function zones: ids (comma-separated)")),
                (self.keyFunctionMarketLabel, tr("Key ecological function zones in the market")),
                (self.laterLayerLabel, tr("Later survey and its year")),
                (self.laterClassLabel, tr("Later surveys: land-use class field")),
                (self.baseYearLabel, tr("Base year (empty: the year of the data, SJNF)")),
                (self.capsLabel, tr("Cap of each period (ha, comma-separated; empty: the cap of the market)"))):
            label.setText(text)
        self.yearsGroup.setTitle(tr("Accounts over years: later surveys in place of the target year"))
        self.addLaterButton.setText(tr("Add"))
        self.removeLaterButton.setText(tr("Remove"))
        self.baseYearSpin.setSpecialValueText(tr("from the data (SJNF)"))
        self.rateCheck.setText(tr("Protection rate (empty: over all zones)"))
        self.capCheck.setText(tr("Cap on the traded volume (ha)"))
        self.reprojectCheck.setText(tr('Inputs in different CRSs: reproject (otherwise refused)'))
        self.marketGroup.setTitle(tr("Trade the vouchers"))
        self.reportButton.setText(tr("Export report (PDF)…"))
        self.runButton.setText(tr("Run"))
        self.cancelButton.setText(tr("Cancel"))
        self.closeButton.setText(tr("Close"))
        for combo, items in (
                (self.referenceCombo, reference_options()),
                (self.baselineCombo, [tr("Base year"), tr("Protection rate")]),
                (self.areaCombo, [tr("Ellipsoidal"), tr("Planar")]),
                (self.priceModeCombo, [tr("Fixed price"), tr("Floor price")]),
                (self.allocationCombo, [tr("Pro rata"), tr("Nearest first")]),
                (self.settlementCombo, [tr("Payment"), tr("Enclave (equity share)")]),
                (self.redlineLossCombo, redline_loss_options()),
                (self.keyFunctionMarketCombo, key_function_options())):
            combo.clear()
            combo.addItems(items)
        for combo in (self.baseSystemCombo, self.targetSystemCombo):
            combo.clear()
            combo.addItems(list(SYSTEMS))

    def _configure(self) -> None:
        polygons = QgsMapLayerProxyModel.PolygonLayer
        for combo in (self.zonesCombo, self.countiesCombo, self.maskCombo, self.redlineCombo, self.farmlandCombo,
                      self.laterLayerCombo):
            combo.setFilters(polygons)
        for combo in (self.baseLayerCombo, self.targetLayerCombo):
            combo.setFilters(polygons | QgsMapLayerProxyModel.RasterLayer)
        # Every layer and field starts empty (or on a known field name): nothing is guessed.
        for combo in (self.zonesCombo, self.baseLayerCombo, self.targetLayerCombo, self.countiesCombo,
                      self.maskCombo, self.redlineCombo, self.farmlandCombo, self.laterLayerCombo):
            combo.setAllowEmptyLayer(True)
            combo.setLayer(None)
        for field in (self.zoneIdField, self.zoneNameField, self.gdpField, self.popField, self.askField,
                      self.bidField, self.countyIdField, self.baseClassField, self.targetClassField,
                      self.keyFunctionField):
            field.setAllowEmptyFieldName(True)
        for field in (self.askField, self.bidField):
            field.setFilters(QgsFieldProxyModel.Numeric | QgsFieldProxyModel.String)
        for field in (self.gdpField, self.popField):
            field.setFilters(QgsFieldProxyModel.Numeric | QgsFieldProxyModel.String)
        self.coefficientsFile.setFilter(tr("CSV tables (*.csv)"))
        self.referenceTableFile.setFilter(tr("CSV tables (*.csv)"))
        self.workspaceFile.setFilter(tr("GeoPackage (*.gpkg)"))
        self.referenceCombo.setCurrentIndex(REFERENCES.index("national"))
        self.targetYearSpin.setValue(DEFAULT_TARGET_YEAR)
        self.outputFolder.setStorageMode(self.outputFolder.GetDirectory)
        self.refGdpSpin.setValue(0.0)
        self.refDensitySpin.setValue(0.0)
        self.capSpin.setValue(0.0)
        self.marketGroup.setChecked(True)
        self.yearsGroup.setChecked(False)
        self.laterClassEdit.setText(LAND_USE_CODE_FIELD)  # the delivered field name (三调 DLBM)
        self.baseYearSpin.setValue(0)
        for widget in (self.zonesCombo, self.countiesCombo, self.baseLayerCombo, self.targetLayerCombo):
            self._layer_changed(widget)

    def _connect(self) -> None:
        for combo in (self.zonesCombo, self.countiesCombo, self.baseLayerCombo, self.targetLayerCombo):
            combo.layerChanged.connect(lambda _layer, c=combo: self._layer_changed(c))
        for widget in (self.referenceCombo, self.baselineCombo, self.priceModeCombo):
            widget.currentIndexChanged.connect(self._update_state)
        for check in (self.rateCheck, self.capCheck, self.yearsGroup):
            check.toggled.connect(self._update_state)
        self.addLaterButton.clicked.connect(self.add_later_survey)
        self.removeLaterButton.clicked.connect(self.remove_later_survey)
        self.runButton.clicked.connect(self.run)
        self.cancelButton.clicked.connect(self.runner.cancel)
        self.reportButton.clicked.connect(self._ask_report_path)
        self.closeButton.clicked.connect(self.close)
        self.runner.progressChanged.connect(lambda value: self.progressBar.setValue(int(round(value))))
        self.runner.logged.connect(self._log)
        self.runner.finished.connect(self._finished)

    # ---- state ----

    def _fields_for(self, combo) -> tuple:
        # The key function field is the trading subjects': the counties' when units are attributed.
        counties = self.countiesCombo.currentLayer() is not None
        if combo is self.zonesCombo:
            return (self.zoneIdField, self.zoneNameField, self.gdpField, self.popField, self.askField,
                    self.bidField) + (() if counties else (self.keyFunctionField,))
        if combo is self.countiesCombo:
            return (self.countyIdField, self.keyFunctionField) if counties else (self.countyIdField,)
        return (self.baseClassField,) if combo is self.baseLayerCombo else (self.targetClassField,)

    def _layer_changed(self, combo) -> None:
        layer = combo.currentLayer()
        vector = layer if isinstance(layer, QgsVectorLayer) else None
        for field in self._fields_for(combo):
            field.setLayer(vector)
            field.setEnabled(vector is not None)
        if combo is self.countiesCombo and vector is None:
            self.keyFunctionField.setLayer(self.zonesCombo.currentLayer())  # the zones trade again
            self.keyFunctionField.setEnabled(self.zonesCombo.currentLayer() is not None)
        if combo is self.zonesCombo and vector is not None:
            self._known_fields(vector)
        elif combo is self.countiesCombo and vector is not None:
            _preselect(self.countyIdField, vector, ("xzqdm", "code"))
        elif combo in (self.baseLayerCombo, self.targetLayerCombo) and vector is not None:
            _preselect(self._fields_for(combo)[0], vector, ("dlbm", "lucc_code", "class_code"))
        self._update_state()

    def _known_fields(self, layer: QgsVectorLayer) -> None:
        """Fields preselected only by their known names (delivered data's XZQDM/XZQMC, the
        sample's code/name/gdp/population); the others stay empty until chosen."""
        for widget, candidates in ((self.zoneIdField, ("xzqdm", "code", "zone_id")),
                                   (self.zoneNameField, ("xzqmc", "name", "zone_name")),
                                   (self.gdpField, ("gdp", "gdp_yuan")),
                                   (self.popField, ("population", "pop", "zrk", "czrk"))):
            _preselect(widget, layer, candidates)

    def _update_state(self) -> None:
        running = self.runner.running
        reference = self.reference()
        self.refGdpSpin.setEnabled(reference == "entered")
        self.refDensitySpin.setEnabled(reference == "entered")
        self.targetYearSpin.setEnabled(reference == "national")
        self.referenceTableFile.setEnabled(reference == "national")
        self.rateCheck.setEnabled(self.baselineCombo.currentIndex() == 1)
        self.rateSpin.setEnabled(self.rateCheck.isEnabled() and self.rateCheck.isChecked())
        self.capSpin.setEnabled(self.capCheck.isChecked())
        # Asks and bids set a clearing price above a floor; with counties, the counties trade.
        prices = self.priceModeCombo.currentIndex() == 1 and self.countiesCombo.currentLayer() is None
        for field in (self.askField, self.bidField):
            field.setEnabled(prices and self.zonesCombo.currentLayer() is not None)
        # Over years the later surveys replace the target year, and the ledger's market is pro rata, paid.
        years = self.yearsGroup.isChecked()
        for widget in (self.targetLayerCombo, self.targetClassField, self.targetHeading):
            widget.setEnabled(not years)
        for widget in (self.allocationCombo, self.settlementCombo, self.countiesCombo):
            widget.setEnabled(not years)
        if years:  # every period takes the national values of its own year
            for widget in (self.askField, self.bidField, self.targetYearSpin):
                widget.setEnabled(False)
        self.removeLaterButton.setEnabled(self.laterList.count() > 0)
        self.tabs.setEnabled(not running)
        self.runButton.setEnabled(not running)
        self.cancelButton.setEnabled(running)
        self.reportButton.setEnabled(not running and self.gpkg is not None and self.gpkg.exists())

    # ---- accounts over years ----

    def add_later_survey(self) -> None:
        """Adds the chosen layer with its year to the list of later surveys, kept in order of year."""
        layer = self.laterLayerCombo.currentLayer()
        if layer is None:
            return
        year = self.laterYearSpin.value()
        item = QListWidgetItem(tr("{year}: {layer}").format(year=year, layer=layer.name()))
        item.setData(Qt.ItemDataRole.UserRole, (year, layer.id()))
        rows = [self.laterList.item(i).data(Qt.ItemDataRole.UserRole)[0] for i in range(self.laterList.count())]
        self.laterList.insertItem(sum(1 for y in rows if y <= year), item)
        self.laterYearSpin.setValue(year + 1)
        self._update_state()

    def remove_later_survey(self) -> None:
        for item in self.laterList.selectedItems() or [self.laterList.item(self.laterList.count() - 1)]:
            self.laterList.takeItem(self.laterList.row(item))
        self._update_state()

    def later_surveys(self) -> list:
        """(year, layer) of every later survey, in order of year (layers no longer in the project left out)."""
        surveys = []
        for i in range(self.laterList.count()):
            year, layer_id = self.laterList.item(i).data(Qt.ItemDataRole.UserRole)
            layer = self.project.mapLayer(layer_id)
            if layer is not None:
                surveys.append((year, layer))
        return surveys

    def over_years(self) -> bool:
        return self.yearsGroup.isChecked()

    def ledger_parameters(self) -> Dict[str, Any]:
        """Parameters of guotu:voucherledger from the widgets (outputs excluded): the accounting's,
        with the later surveys in place of the target year and the market of every period."""
        params = {name: value for name, value in self.accounting_parameters().items()
                  if not name.startswith("TARGET") and name not in ("PRICE", "COUNTIES", "COUNTY_ID")}
        surveys = self.later_surveys()
        params["SURVEYS"] = [layer for _year, layer in surveys]
        params["SURVEY_YEARS"] = ",".join(str(year) for year, _layer in surveys)
        params["SURVEY_CLASS_FIELD"] = self.laterClassEdit.text().strip()
        params["SURVEY_SYSTEM"] = self.targetSystemCombo.currentIndex()
        if self.baseYearSpin.value() > 0:
            params["BASE_YEAR"] = self.baseYearSpin.value()
        if self.marketGroup.isChecked():
            params["MARKET_PRICE" if self.priceModeCombo.currentIndex() == 0 else "FLOOR_PRICE"] = \
                self.priceSpin.value()
            caps = parse_list(self.capsEdit.text())
            if caps:
                params["CAPS"] = ",".join(caps)
            elif self.capCheck.isChecked():
                params["CAPS"] = ",".join([f"{self.capSpin.value():g}"] * len(surveys))
        return params

    def reference(self) -> str:
        """The reference values chosen: national, zones or entered."""
        return REFERENCES[max(0, self.referenceCombo.currentIndex())]

    def is_running(self) -> bool:
        return self.runner.running

    # ---- parameters ----

    def output_folder(self) -> Path:
        return Path(self.outputFolder.filePath())

    def accounting_parameters(self) -> Dict[str, Any]:
        """Parameters of guotu:voucheraccounting from the widgets (outputs excluded)."""
        params: Dict[str, Any] = {
            "ZONES": self.zonesCombo.currentLayer(),
            "ZONE_ID": self.zoneIdField.currentField(),
            "GDP_FIELD": self.gdpField.currentField(),
            "POP_FIELD": self.popField.currentField(),
            "BASE_SYSTEM": self.baseSystemCombo.currentIndex(),
            "TARGET_SYSTEM": self.targetSystemCombo.currentIndex(),
            "BASELINE": self.baselineCombo.currentIndex(),
            "AREA_METHOD": self.areaCombo.currentIndex(),
        }
        if self.zoneNameField.currentField():
            params["ZONE_NAME"] = self.zoneNameField.currentField()
        for prefix, combo, field in (("BASE", self.baseLayerCombo, self.baseClassField),
                                     ("TARGET", self.targetLayerCombo, self.targetClassField)):
            layer = combo.currentLayer()
            if isinstance(layer, QgsRasterLayer):
                params[f"{prefix}_RASTER"] = layer
            else:
                params[prefix] = layer
                params[f"{prefix}_CLASS_FIELD"] = field.currentField()
        if self.maskCombo.currentLayer() is not None:
            params["MASK"] = self.maskCombo.currentLayer()
        if self.coefficientsFile.filePath():
            params["COEFFICIENTS"] = self.coefficientsFile.filePath()
        params["REFERENCE"] = REFERENCES.index(self.reference())
        if self.reference() == "national":
            params["TARGET_YEAR"] = self.targetYearSpin.value()
            if self.referenceTableFile.filePath():
                params["REFERENCE_TABLE"] = self.referenceTableFile.filePath()
        elif self.reference() == "entered":
            params["REFERENCE_GDP_PER_CAPITA"] = self.refGdpSpin.value()
            params["REFERENCE_POP_DENSITY"] = self.refDensitySpin.value()
        if self.rateSpin.isEnabled():
            params["PROTECTION_RATE"] = self.rateSpin.value()
        if self.priceSpin.value() > 0 and self.priceModeCombo.currentIndex() == 0:
            params["PRICE"] = self.priceSpin.value()
        if self.countiesCombo.currentLayer() is not None:
            params["COUNTIES"] = self.countiesCombo.currentLayer()
            params["COUNTY_ID"] = self.countyIdField.currentField()
        params["CRS_MISMATCH"] = 1 if self.reprojectCheck.isChecked() else 0
        params.update(self.bottom_line_parameters())
        return params

    def bottom_line_parameters(self) -> Dict[str, Any]:
        """The bottom lines and key ecological function zones (empty: not used)."""
        params: Dict[str, Any] = {"REDLINE_LOSS": self.redlineLossCombo.currentIndex(),
                                  "KEY_FUNCTION_MARKET": self.keyFunctionMarketCombo.currentIndex()}
        if self.workspaceFile.filePath():
            params["WORKSPACE"] = self.workspaceFile.filePath()
        for name, combo in (("REDLINE", self.redlineCombo), ("FARMLAND", self.farmlandCombo)):
            if combo.currentLayer() is not None:
                params[name] = combo.currentLayer()
        if self.keyFunctionField.currentField():
            params["KEY_FUNCTION_FIELD"] = self.keyFunctionField.currentField()
        ids = parse_ids(self.keyFunctionIdsEdit.text())
        if ids:
            params["KEY_FUNCTION_IDS"] = ",".join(ids)
        return params

    def market_parameters(self) -> Optional[Dict[str, Any]]:
        """Parameters of guotu:vouchermarket (VOUCHERS and outputs excluded), or None when
        the market is switched off."""
        if not self.marketGroup.isChecked():
            return None
        price_key = "PRICE" if self.priceModeCombo.currentIndex() == 0 else "FLOOR_PRICE"
        params: Dict[str, Any] = {"ZONE_ID": "zone_id", "E_FIELD": "e_ha", price_key: self.priceSpin.value(),
                                  "ALLOCATION": self.allocationCombo.currentIndex(),
                                  "SETTLEMENT": self.settlementCombo.currentIndex()}
        if self.capCheck.isChecked():
            params["CAP"] = self.capSpin.value()
        return params

    def price_fields(self) -> Optional[Dict[str, Any]]:
        """Where the sellers' asks and buyers' bids come from (zones layer fields), or None."""
        if self.market_parameters() is None or not self.askField.isEnabled():
            return None
        ask, bid = self.askField.currentField() or None, self.bidField.currentField() or None
        if ask is None and bid is None:
            return None
        return {"zones": self.zonesCombo.currentLayer(), "zone_id": self.zoneIdField.currentField(), "ask": ask,
                "bid": bid}

    def check(self) -> Optional[str]:
        """What keeps the run from starting, or None."""
        if self.zonesCombo.currentLayer() is None:
            return tr("Choose the zones layer.")
        zones = self.zonesCombo.currentLayer()
        for field, label in ((self.zoneIdField, self.zoneIdLabel), (self.gdpField, self.gdpLabel),
                             (self.popField, self.popLabel)):
            if not field.currentField():
                return tr('Choose the "{field}" of the zones layer "{layer}".').format(field=label.text(),
                                                                                      layer=zones.name())
        if self.gdpField.currentField() == self.popField.currentField():
            return tr('GDP and population are the same field "{field}" of "{layer}": choose the GDP field and '
                      'the population field.').format(field=self.gdpField.currentField(), layer=zones.name())
        if self.over_years():
            return self._check_years(zones)
        if self.baseLayerCombo.currentLayer() is None or self.targetLayerCombo.currentLayer() is None:
            return tr("Choose the land use of both years.")
        for combo, field, year in ((self.baseLayerCombo, self.baseClassField, tr("Base year")),
                                   (self.targetLayerCombo, self.targetClassField, tr("Target year"))):
            if isinstance(combo.currentLayer(), QgsVectorLayer) and not field.currentField():
                return tr('Choose the land-use class field of "{layer}" ({year}).').format(
                    layer=combo.currentLayer().name(), year=year)
        if zones in (self.baseLayerCombo.currentLayer(), self.targetLayerCombo.currentLayer()):
            return tr('The zones layer "{layer}" is also chosen as land use: choose the zones (counties or '
                      'ecological units) and the land use of each year.').format(layer=zones.name())
        if self.countiesCombo.currentLayer() is not None and not self.countyIdField.currentField():
            return tr('Choose the county id field of "{layer}".').format(layer=self.countiesCombo.currentLayer().name())
        return self._check_common()

    def _check_years(self, zones) -> Optional[str]:
        """What keeps accounts over years from starting, or None."""
        if self.baseLayerCombo.currentLayer() is None:
            return tr("Choose the land use of the base year.")
        if isinstance(self.baseLayerCombo.currentLayer(), QgsVectorLayer) and not self.baseClassField.currentField():
            return tr('Choose the land-use class field of "{layer}" ({year}).').format(
                layer=self.baseLayerCombo.currentLayer().name(), year=tr("Base year"))
        surveys = self.later_surveys()
        if not surveys:
            return tr("Add the later surveys with their years (at least one).")
        years = [year for year, _layer in surveys]
        if len(set(years)) != len(years):
            return tr("Two later surveys have the same year; every survey needs its own year.")
        if zones in [layer for _year, layer in surveys]:
            return tr('The zones layer "{layer}" is also chosen as land use: choose the zones (counties or '
                      'ecological units) and the land use of each year.').format(layer=zones.name())
        if not self.laterClassEdit.text().strip():
            return tr("Enter the land-use class field of the later surveys.")
        for _year, layer in surveys:
            if layer.fields().lookupField(self.laterClassEdit.text().strip()) < 0:
                return tr('The later survey "{layer}" has no field "{field}".').format(
                    layer=layer.name(), field=self.laterClassEdit.text().strip())
        caps = parse_list(self.capsEdit.text())
        if caps and len(caps) != len(surveys):
            return tr("Give one cap per period ({count}), comma-separated, or none.").format(count=len(surveys))
        return self._check_common()

    def _check_common(self) -> Optional[str]:
        if self.reference() == "entered" and not (self.refGdpSpin.value() > 0 and self.refDensitySpin.value() > 0):
            return tr("Enter the reference GDP per capita and population density (above 0), or choose another "
                      "reference.")
        if self.reference() == "national" and self.referenceTableFile.filePath() and \
                not Path(self.referenceTableFile.filePath()).is_file():
            return tr('The national reference table "{path}" is not a file.').format(
                path=self.referenceTableFile.filePath())
        if self.marketGroup.isChecked() and not self.priceSpin.value() > 0:
            return tr("Enter a price above 0 to trade the vouchers, or switch the market off.")
        folder = self.output_folder()
        if not self.outputFolder.filePath() or not folder.is_dir():
            return tr("Choose an existing output folder.")
        return None

    # ---- actions ----

    def zone_count_question(self) -> Optional[str]:
        """A question to ask before running when the zones layer looks like land use (far
        more features than counties or ecological units), or None."""
        zones = self.zonesCombo.currentLayer()
        count = zones.featureCount() if zones is not None else 0
        if count <= MANY_ZONES:
            return None
        return tr('The zones layer "{layer}" has {count} features: zones are counties or ecological units, '
                  'usually far fewer. Is it really the zones layer?').format(layer=zones.name(), count=count)

    def run(self) -> None:
        problem = self.check()
        if problem:
            self._log(problem, 2)
            return
        question = self.zone_count_question()
        if question and QMessageBox.question(self, self.windowTitle(), question) != QMessageBox.StandardButton.Yes:
            return
        self.gpkg = free_path(self.output_folder())
        self.logView.clear()
        self.progressBar.setValue(0)
        self._log(tr("Writing {path}").format(path=self.gpkg), 0)
        if self.over_years():
            self.runner.start_ledger(self.gpkg, self.ledger_parameters())
        else:
            self.runner.start(self.gpkg, self.accounting_parameters(), self.market_parameters(),
                              self.price_fields())
        self._update_state()

    def _finished(self, ok: bool, message: str) -> None:
        self._log(message, 0 if ok or self.runner.cancelled else 2)
        if not ok and self.gpkg is not None and not self.gpkg.exists():
            self.gpkg = None
        self._update_state()

    def _ask_report_path(self) -> None:
        if self.gpkg is None:
            return
        default = str(self.gpkg.with_suffix(".pdf"))
        path, _filter = QFileDialog.getSaveFileName(self, tr("Export report (PDF)"), default,
                                                    tr("PDF files (*.pdf)"))
        if path:
            self.export_report(Path(path))

    def export_report(self, pdf: Path, png: Optional[Path] = None) -> Optional[Path]:
        """The printable report of the last run (map page also as PNG when asked)."""
        if self.gpkg is None:
            return None
        try:
            layers = load_gpkg_layers(self.gpkg)
            style_report_layers(layers)
            result = export_report(layers, pdf=pdf, png=png, project=QgsProject())
        except (ValueError, RuntimeError) as e:
            self._log(str(e), 2)
            return None
        for warning in result.warnings:
            self._log(warning, 1)
        self._log(tr("Report written to {path} ({pages} pages).").format(path=pdf, pages=result.pages), 0)
        return pdf

    def _log(self, text: str, level: int) -> None:
        prefix = {1: tr("Warning: "), 2: tr("Error: ")}.get(level, "")
        self.logView.appendPlainText(prefix + text)

    def closeEvent(self, event) -> None:  # noqa: N802 — Qt API name
        if self.runner.running:
            self.runner.cancel()
        super().closeEvent(event)
