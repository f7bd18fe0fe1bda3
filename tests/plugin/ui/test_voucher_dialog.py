"""The ecological vouchers dialog, driven offscreen: widgets set programmatically, the two
algorithms run as background tasks, styled outputs in the project, report export."""

import time
from pathlib import Path

import pytest
from qgis.PyQt.QtCore import QCoreApplication
from qgis.core import QgsGraduatedSymbolRenderer, QgsProject, QgsRasterLayer, QgsVectorLayer

import voucher_data as vd

pytestmark = pytest.mark.usefixtures("provider")


def wait_for(dialog, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while dialog.is_running():
        assert time.monotonic() < deadline, "the voucher run did not finish"
        QCoreApplication.processEvents()
        time.sleep(0.01)
    QCoreApplication.processEvents()


@pytest.fixture
def project_layers():
    project = QgsProject.instance()
    layers = vd.fixture_layers()
    for layer in layers.values():
        project.addMapLayer(layer)
    yield layers
    project.removeAllMapLayers()


def _dialog(guotu):
    from guotu.ui.voucher_dialog import VoucherDialog

    return VoucherDialog()


def _fill(dialog, layers, folder: Path) -> None:
    dialog.zonesCombo.setLayer(layers["zones"])
    dialog.zoneIdField.setField("code")
    dialog.zoneNameField.setField("name")
    dialog.gdpField.setField("gdp")
    dialog.popField.setField("pop")
    dialog.baseLayerCombo.setLayer(layers["base"])
    dialog.baseClassField.setField("lucc")
    dialog.targetLayerCombo.setLayer(layers["target"])
    dialog.targetClassField.setField("lucc")
    dialog.areaCombo.setCurrentIndex(1)  # planar: the hand-computed numbers
    dialog.referenceCombo.setCurrentIndex(1)  # over the zones: the hand-computed numbers
    dialog.priceSpin.setValue(1000)
    dialog.outputFolder.setFilePath(str(folder))


def test_dialog_runs_both_algorithms_and_loads_styled_outputs(guotu, project_layers, tmp_path: Path):
    dialog = _dialog(guotu)
    _fill(dialog, project_layers, tmp_path)
    assert dialog.check() is None
    params = dialog.accounting_parameters()
    assert params["ZONE_ID"] == "code" and params["PRICE"] == 1000 and params["AREA_METHOD"] == 1
    assert dialog.market_parameters()["PRICE"] == 1000
    dialog.runButton.click()
    assert dialog.is_running() and not dialog.runButton.isEnabled() and dialog.cancelButton.isEnabled()
    wait_for(dialog)
    log = dialog.logView.toPlainText()
    assert "Error" not in log, log
    assert dialog.gpkg == tmp_path / "vouchers.gpkg" and dialog.gpkg.is_file()
    assert set(vd.ogr_layer_names(dialog.gpkg)) >= {"voucher", "voucher_classes", "summary", "unknown_codes",
                                                    "trades", "market_summary", "layer_styles"}
    project = QgsProject.instance()
    voucher = project.mapLayersByName("Vouchers")[0]
    assert isinstance(voucher.renderer(), QgsGraduatedSymbolRenderer) and voucher.labelsEnabled()
    z = vd.by_zone(voucher)
    assert z["Z1"]["e_ha"] == pytest.approx(vd.E1) and z["Z2"]["e_ha"] == pytest.approx(vd.E2)
    trades = project.mapLayersByName("Voucher trades")[0]
    assert [(r["seller_id"], r["buyer_id"], round(r["volume_ha"], 6)) for r in vd.rows(trades)] == [("Z1", "Z2", 22.5)]
    assert trades.renderer().symbol().symbolLayer(0).layerType() == "ArrowLine"
    assert dialog.progressBar.value() == 100
    assert dialog.reportButton.isEnabled()
    pdf = dialog.export_report(tmp_path / "report.pdf", tmp_path / "map.png")
    assert pdf is not None and pdf.stat().st_size > 20_000 and (tmp_path / "map.png").stat().st_size > 20_000
    # A second run never overwrites the first.
    dialog.runButton.click()
    wait_for(dialog)
    assert dialog.gpkg == tmp_path / "vouchers_2.gpkg" and dialog.gpkg.is_file()
    dialog.close()


def test_dialog_reports_a_bad_input_and_stays_usable(guotu, project_layers, tmp_path: Path):
    dialog = _dialog(guotu)
    _fill(dialog, project_layers, tmp_path)
    dialog.popField.setField("name")  # text, not a number
    dialog.runButton.click()
    wait_for(dialog)
    log = dialog.logView.toPlainText()
    assert 'the population field "name" is "一县"; a number is needed' in log
    assert dialog.runButton.isEnabled() and not dialog.reportButton.isEnabled()
    dialog.outputFolder.setFilePath(str(tmp_path / "missing"))
    assert dialog.check() == "Choose an existing output folder."
    dialog.close()


def test_dialog_accepts_raster_land_use(guotu, project_layers, tmp_path: Path):
    sources = vd.write_fixture(tmp_path)
    rasters = [QgsRasterLayer(str(vd.rasterize(tmp_path / f"{year}.gpkg", tmp_path / f"{year}.tif")), f"{year}_tif")
               for year in ("base", "target")]
    for raster in rasters:
        QgsProject.instance().addMapLayer(raster)
    dialog = _dialog(guotu)
    _fill(dialog, project_layers, tmp_path)
    dialog.baseLayerCombo.setLayer(rasters[0])
    dialog.targetLayerCombo.setLayer(rasters[1])
    assert not dialog.baseClassField.isEnabled()
    dialog.marketGroup.setChecked(False)
    params = dialog.accounting_parameters()
    assert params["BASE_RASTER"] is rasters[0] and "BASE" not in params
    assert dialog.market_parameters() is None
    dialog.runButton.click()
    wait_for(dialog)
    assert "Error" not in dialog.logView.toPlainText(), dialog.logView.toPlainText()
    assert "trades" not in vd.ogr_layer_names(dialog.gpkg)
    voucher = QgsProject.instance().mapLayersByName("Vouchers")[-1]
    assert vd.by_zone(voucher)["Z1"]["e_ha"] == pytest.approx(vd.E1, rel=1e-6)
    dialog.close()
    del sources


def test_dialog_speaks_chinese(guotu, plugin_root: Path):
    from qgis.PyQt.QtCore import QTranslator

    translator = QTranslator()
    assert translator.load(str(plugin_root / "guotu" / "resources" / "i18n" / "guotu_zh_CN.qm"))
    QCoreApplication.installTranslator(translator)
    try:
        dialog = _dialog(guotu)
        assert dialog.windowTitle() == "生态券（Ecological vouchers）" or "生态券" in dialog.windowTitle()
        assert dialog.runButton.text() == "运行"
        dialog.close()
    finally:
        QCoreApplication.removeTranslator(translator)


def test_dialog_cancel_stops_the_run(guotu, project_layers, tmp_path: Path):
    dialog = _dialog(guotu)
    _fill(dialog, project_layers, tmp_path)
    dialog.runButton.click()
    dialog.cancelButton.click()
    wait_for(dialog)
    log = dialog.logView.toPlainText()
    assert "The calculation was cancelled." in log, log
    # Said once, as a cancellation: no "Error:" line, and the bar does not stay part-way.
    assert "Error" not in log, log
    assert dialog.progressBar.value() == 0
    assert dialog.runButton.isEnabled() and not dialog.cancelButton.isEnabled()
    assert not QgsProject.instance().mapLayersByName("Voucher trades")  # the market never ran
    dialog.close()


def test_dialog_with_counties_lets_the_counties_trade(guotu, project_layers, tmp_path: Path):
    """Units Z1 (E 22.5) and Z2 (E −118.125) in counties C1 = [0,2000], C2 = [2000,3000]: C1 gets
    22.5 − 59.0625, C2 −59.0625; both buy, so nobody sells and there is no trade."""
    from testdata import memory_layer

    counties = memory_layer("Polygon", "&field=xzqdm:string", [(["C1"], vd.box_wkt((0, 0, 2000, 1000))),
                                                               (["C2"], vd.box_wkt((2000, 0, 3000, 1000)))], "counties")
    QgsProject.instance().addMapLayer(counties)
    dialog = _dialog(guotu)
    _fill(dialog, project_layers, tmp_path)
    dialog.countiesCombo.setLayer(counties)
    dialog.countyIdField.setField("xzqdm")
    dialog.runButton.click()
    wait_for(dialog)
    assert "Error" not in dialog.logView.toPlainText(), dialog.logView.toPlainText()
    rows = {r["county_id"]: r for r in vd.ogr_rows(dialog.gpkg, "voucher_counties")}
    assert rows["C1"]["e_ha"] == pytest.approx(-36.5625) and rows["C2"]["e_ha"] == pytest.approx(-59.0625)
    market = {r["item"]: r for r in vd.ogr_rows(dialog.gpkg, "market_summary")}
    assert "voucher_counties" in market["vouchers"]["text"] and market["zone_id_field"]["text"] == "county_id"
    assert market["traded_ha"]["value"] == 0
    dialog.close()


def test_dialog_floor_price_with_asks_and_bids(guotu, project_layers, tmp_path: Path):
    """The zones' ask (seller Z1: 500) and bid (buyer Z2: 800) fields go into the voucher table
    and set the clearing price above the floor of 100, as guotu voucher --ask-field/--bid-field."""
    from qgis.core import QgsField, QgsVectorLayer

    from guotu.compat import FIELD_DOUBLE

    zones = project_layers["zones"]
    zones.dataProvider().addAttributes([QgsField("ask", FIELD_DOUBLE), QgsField("bid", FIELD_DOUBLE)])
    zones.updateFields()
    ask, bid = zones.fields().indexOf("ask"), zones.fields().indexOf("bid")
    values = {f.id(): ({ask: 500.0} if f["code"] == "Z1" else {bid: 800.0}) for f in zones.getFeatures()}
    zones.dataProvider().changeAttributeValues(values)
    dialog = _dialog(guotu)
    _fill(dialog, project_layers, tmp_path)
    dialog.priceModeCombo.setCurrentIndex(1)  # floor price
    dialog.priceSpin.setValue(100)
    assert dialog.askField.isEnabled()
    dialog.askField.setField("ask")
    dialog.bidField.setField("bid")
    assert dialog.price_fields()["ask"] == "ask"
    dialog.run()
    wait_for(dialog)
    assert dialog.gpkg is not None and dialog.gpkg.exists(), dialog.logView.toPlainText()
    summary = vd.summary(QgsVectorLayer(f"{dialog.gpkg}|layername=market_summary", "s", "ogr"))
    assert summary["clearing_price_yuan_per_ha"] == 500
    assert summary["traded_ha"] == pytest.approx(vd.E1)
    vouchers = {f["zone_id"]: (f["ask_yuan_ha"], f["bid_yuan_ha"])
                for f in QgsVectorLayer(f"{dialog.gpkg}|layername=voucher", "v", "ogr").getFeatures()}
    assert vouchers["Z1"][0] == 500 and vouchers["Z2"][1] == 800
    dialog.close()


def test_dialog_guesses_nothing_and_refuses_implausible_fields(guotu, project_layers, tmp_path: Path):
    """Layers and fields start empty (or on a known name); GDP = population, the zones layer
    used as land use and unchosen class fields are refused before anything runs."""
    dialog = _dialog(guotu)
    assert dialog.zonesCombo.currentLayer() is None and dialog.baseLayerCombo.currentLayer() is None
    assert dialog.check() == "Choose the zones layer."
    odd = vd.memory_layer("MultiPolygon", "&field=fid2:integer&field=kode:string&field=einwohner:double",
                          [], "odd_zones")
    QgsProject.instance().addMapLayer(odd)
    dialog.zonesCombo.setLayer(odd)
    assert [dialog.zoneIdField.currentField(), dialog.gdpField.currentField(), dialog.popField.currentField()] \
        == ["", "", ""]
    assert dialog.check() == 'Choose the "Zone id field" of the zones layer "odd_zones".'
    # Known names are taken, case-insensitively: the fixture's code, gdp and pop.
    _fill(dialog, project_layers, tmp_path)
    dialog.baseClassField.setField("")
    dialog.zonesCombo.setLayer(odd)
    dialog.zonesCombo.setLayer(project_layers["zones"])
    assert [dialog.zoneIdField.currentField(), dialog.gdpField.currentField(), dialog.popField.currentField()] \
        == ["code", "gdp", "pop"]
    assert dialog.check() == 'Choose the land-use class field of "base" (Base year).'
    dialog.baseClassField.setField("lucc")
    dialog.popField.setField("gdp")
    assert dialog.check() == ('GDP and population are the same field "gdp" of "zones": choose the GDP field and the '
                              'population field.')
    dialog.popField.setField("pop")
    dialog.baseLayerCombo.setLayer(project_layers["zones"])
    dialog.baseClassField.setField("code")
    assert dialog.check().startswith('The zones layer "zones" is also chosen as land use')
    dialog.baseLayerCombo.setLayer(project_layers["base"])
    dialog.baseClassField.setField("lucc")
    assert dialog.check() is None and dialog.zone_count_question() is None
    dialog.close()


def test_dialog_asks_before_running_on_a_land_use_sized_zones_layer(guotu, project_layers, tmp_path: Path):
    from guotu.ui.voucher_dialog import MANY_ZONES

    rows = [(f"Z{i}", "x", 1.0, 1, (i, 0, i + 1, 1)) for i in range(MANY_ZONES + 1)]
    many = vd.zones_layer(rows=rows, name="dltb_like")
    QgsProject.instance().addMapLayer(many)
    dialog = _dialog(guotu)
    _fill(dialog, project_layers, tmp_path)
    dialog.zonesCombo.setLayer(many)
    question = dialog.zone_count_question()
    assert question and f'"dltb_like" has {MANY_ZONES + 1} features' in question
    dialog.close()


def test_price_sits_with_the_market_and_stays_usable_without_it(guotu):
    """The price is a market setting (it also values E in the accounting): it is on the market
    tab, not the accounting tab, and switching the market off does not disable it."""
    dialog = _dialog(guotu)
    assert dialog.marketTab.isAncestorOf(dialog.priceSpin)
    assert not dialog.accountTab.isAncestorOf(dialog.priceSpin)
    dialog.marketGroup.setChecked(False)
    assert dialog.priceSpin.isEnabled()
    dialog.close()


def test_crs_mismatch_advice_names_an_option_the_dialog_has(guotu, project_layers, tmp_path: Path):
    """The refusal of two years in different CRSs advises "Inputs in different CRSs": the dialog has
    that check box, and ticking it makes the same run succeed."""
    import processing

    lonlat = processing.run("native:reprojectlayer", {"INPUT": project_layers["target"], "TARGET_CRS": "EPSG:4490",
                                                      "OUTPUT": "memory:"})["OUTPUT"]
    QgsProject.instance().addMapLayer(lonlat)
    dialog = _dialog(guotu)
    _fill(dialog, project_layers, tmp_path)
    dialog.targetLayerCombo.setLayer(lonlat)
    dialog.targetClassField.setField("lucc")
    dialog.areaCombo.setCurrentIndex(0)  # ellipsoidal: a geographic target is fine for the areas
    dialog.runButton.click()
    wait_for(dialog)
    log = dialog.logView.toPlainText()
    assert '"Inputs in different CRSs"' in log, log
    assert dialog.reprojectCheck.text().startswith("Inputs in different CRSs")
    dialog.reprojectCheck.setChecked(True)
    assert dialog.accounting_parameters()["CRS_MISMATCH"] == 1
    dialog.runButton.click()
    wait_for(dialog)
    assert "Results written to" in dialog.logView.toPlainText(), dialog.logView.toPlainText()
    dialog.close()


def test_dialog_offers_the_reference_choices_national_first(guotu, project_layers, tmp_path: Path):
    dialog = _dialog(guotu)
    combo = dialog.referenceCombo
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "National values of the target year (table)", "Computed over all zones", "Entered values"]
    _fill(dialog, project_layers, tmp_path)
    # National values are the default: the year and the table are asked for, the values are not.
    combo.setCurrentIndex(0)
    assert dialog.reference() == "national" and dialog.targetYearSpin.value() == 2020
    assert dialog.targetYearSpin.isEnabled() and dialog.referenceTableFile.isEnabled()
    assert not dialog.refGdpSpin.isEnabled() and not dialog.refDensitySpin.isEnabled()
    params = dialog.accounting_parameters()
    assert params["REFERENCE"] == 0 and params["TARGET_YEAR"] == 2020 and "REFERENCE_TABLE" not in params
    assert "REFERENCE_GDP_PER_CAPITA" not in params
    dialog.referenceTableFile.setFilePath(str(tmp_path / "missing.csv"))
    assert "missing.csv" in dialog.check()
    dialog.referenceTableFile.setFilePath("")
    # Over the zones: neither year nor values.
    combo.setCurrentIndex(1)
    assert not dialog.targetYearSpin.isEnabled() and not dialog.refGdpSpin.isEnabled()
    params = dialog.accounting_parameters()
    assert params["REFERENCE"] == 1 and "TARGET_YEAR" not in params and "REFERENCE_GDP_PER_CAPITA" not in params
    # Entered: the values, which must be above 0.
    combo.setCurrentIndex(2)
    assert dialog.refGdpSpin.isEnabled() and not dialog.targetYearSpin.isEnabled()
    assert "Enter the reference GDP per capita" in dialog.check()
    dialog.refGdpSpin.setValue(72000)
    dialog.refDensitySpin.setValue(147.096)
    assert dialog.check() is None
    params = dialog.accounting_parameters()
    assert params["REFERENCE"] == 2 and params["REFERENCE_GDP_PER_CAPITA"] == 72000
    # A run with the national default: the preset's 2020 values, said in the log, and the market's balance.
    combo.setCurrentIndex(0)
    dialog.runButton.click()
    wait_for(dialog)
    log = dialog.logView.toPlainText()
    assert "Error" not in log, log
    z = vd.by_zone(QgsVectorLayer(f"{dialog.gpkg}|layername=voucher", "v", "ogr"))
    assert z["Z1"]["e_ha"] == pytest.approx(vd.E1_NATIONAL, rel=1e-9)
    assert z["Z2"]["e_ha"] == pytest.approx(vd.E2_NATIONAL, rel=1e-9)
    assert "Reference: national values of 2020" in log
    unmet = -vd.E2_NATIONAL - vd.E1_NATIONAL  # at 1000 yuan/ha all of Z1's supply trades
    assert f"unmet demand {unmet:,.2f} ha" in log, log
    dialog.close()


def test_dialog_offers_the_bottom_lines_and_key_function_zones(guotu, project_layers, tmp_path: Path):
    """A forest loss drawn inside a red line is a violation, not tradable (default); a key function
    county is out of the market (default); hand numbers of test_voucher_cli_parity."""
    from test_voucher_cli_parity import _workspace

    dialog = _dialog(guotu)
    loss = dialog.redlineLossCombo
    assert [loss.itemText(i) for i in range(loss.count())] == [
        "A violation, left out of E (not demand to buy)", "Counted in E and flagged"]
    market = dialog.keyFunctionMarketCombo
    assert market.currentIndex() == 0 and market.itemText(0) == "Out of the market (fiscal transfers)"
    _fill(dialog, project_layers, tmp_path)
    params = dialog.accounting_parameters()
    assert "WORKSPACE" not in params and "KEY_FUNCTION_IDS" not in params and params["REDLINE_LOSS"] == 0
    # The key function field is a field of the zones (the trading subjects).
    assert dialog.keyFunctionField.layer() is project_layers["zones"]
    dialog.workspaceFile.setFilePath(str(_workspace(tmp_path / "lines.gpkg")))
    dialog.keyFunctionIdsEdit.setText(" Z1 ,")
    params = dialog.accounting_parameters()
    assert params["WORKSPACE"].endswith("lines.gpkg") and params["KEY_FUNCTION_IDS"] == "Z1"
    assert dialog.check() is None
    dialog.runButton.click()
    wait_for(dialog)
    log = dialog.logView.toPlainText()
    assert "Error" not in log, log
    assert "violations" in vd.ogr_layer_names(dialog.gpkg)
    z = vd.by_zone(QgsVectorLayer(f"{dialog.gpkg}|layername=voucher", "v", "ogr"))
    assert z["Z2"]["violation"] == 1 and z["Z2"]["e_ha"] == pytest.approx(-47.25)
    assert (z["Z1"]["key_function"], z["Z1"]["in_market"]) == (1, 0)
    assert "Violation: zone Z2" in log and "kept out of the market" in log
    market_summary = {r["item"]: r["value"] for r in vd.ogr_rows(dialog.gpkg, "market_summary")}
    assert market_summary["traded_ha"] == 0
    # The other choices.
    loss.setCurrentIndex(1)
    market.setCurrentIndex(1)
    params = dialog.accounting_parameters()
    assert params["REDLINE_LOSS"] == 1 and params["KEY_FUNCTION_MARKET"] == 1
    dialog.close()


def test_dialog_offers_accounts_over_years(guotu, tmp_path: Path):
    """Accounts over years from the dialog: later surveys added with their years (out of order), the target
    year replaced, caps per period; the hand-computed ledger of test_voucher_ledger comes out, with its CSV
    beside the GeoPackage and a report with the ledger pages."""
    from test_voucher_ledger import EXPECTED, SURVEYS, assert_rows, table
    from testdata import memory_layer

    project = QgsProject.instance()
    zones = vd.zones_layer()
    surveys = {}
    for year, (forest, water) in SURVEYS.items():
        boxes = [(21, (0, 0, forest, 1000)), (12, (forest, 0, 1000, 1000)), (41, (1000, 0, 1000 + water, 1000)),
                 (51, (1000 + water, 0, 3000, 1000))]
        surveys[year] = memory_layer("MultiPolygon", "&field=DLBM:integer&field=SJNF:integer",
                                     (([c, year], vd.box_wkt(b)) for c, b in boxes), f"DLTB {year}", "EPSG:4527")
    for layer in [zones, *surveys.values()]:
        project.addMapLayer(layer)
    try:
        dialog = _dialog(guotu)
        dialog.zonesCombo.setLayer(zones)
        dialog.zoneIdField.setField("code")
        dialog.zoneNameField.setField("name")
        dialog.gdpField.setField("gdp")
        dialog.popField.setField("pop")
        dialog.baseLayerCombo.setLayer(surveys[2019])
        assert dialog.baseClassField.currentField() == "DLBM"  # the delivered name, preselected
        dialog.areaCombo.setCurrentIndex(1)
        dialog.referenceCombo.setCurrentIndex(1)
        dialog.priceSpin.setValue(1000)
        dialog.outputFolder.setFilePath(str(tmp_path))
        assert dialog.check() == "Choose the land use of both years."
        dialog.yearsGroup.setChecked(True)
        assert not dialog.targetLayerCombo.isEnabled() and not dialog.allocationCombo.isEnabled()
        assert dialog.check() == "Add the later surveys with their years (at least one)."
        for year in (2021, 2020, 2022):
            dialog.laterLayerCombo.setLayer(surveys[year])
            dialog.laterYearSpin.setValue(year)
            dialog.addLaterButton.click()
        assert [year for year, _layer in dialog.later_surveys()] == [2020, 2021, 2022]
        assert dialog.laterClassEdit.text() == "DLBM"
        dialog.capsEdit.setText("10, 100")
        assert dialog.check() == "Give one cap per period (3), comma-separated, or none."
        dialog.capsEdit.setText("10,100,100")
        assert dialog.check() is None
        params = dialog.ledger_parameters()
        assert params["SURVEY_YEARS"] == "2020,2021,2022" and params["CAPS"] == "10,100,100"
        assert params["MARKET_PRICE"] == 1000 and "TARGET" not in params and "BASE_YEAR" not in params
        dialog.runButton.click()
        wait_for(dialog)
        log = dialog.logView.toPlainText()
        assert "Error" not in log, log
        assert {"ledger", "ledger_trades", "voucher", "summary"} <= set(vd.ogr_layer_names(dialog.gpkg))
        ledger = QgsVectorLayer(f"{dialog.gpkg}|layername=ledger", "ledger", "ogr")
        assert_rows(table(ledger), EXPECTED)
        assert (tmp_path / "vouchers_ledger.csv").is_file()
        pdf = dialog.export_report(tmp_path / "report.pdf")
        assert pdf is not None and pdf.is_file()
        import subprocess
        text = " ".join(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                                       check=True).stdout.split())
        assert "Standard forest by zone" in text and "Accounts over years" in text
        assert "Balance of every zone's account by year (ha)" in text and "-17.25" in text
        dialog.close()
    finally:
        project.removeAllMapLayers()
