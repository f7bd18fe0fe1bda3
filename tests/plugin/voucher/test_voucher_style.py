"""Voucher styles: diverging map with symmetric classes and labels, trade arrows by volume;
applied when Processing loads the outputs, and stored in a GeoPackage as default styles."""

from pathlib import Path

import processing
import pytest
from qgis.core import (QgsArrowSymbolLayer, QgsGraduatedSymbolRenderer, QgsProcessingOutputLayerDefinition,
                       QgsProject, QgsSingleSymbolRenderer, QgsSymbolLayer, QgsVectorLayer)

import voucher_data as vd

pytestmark = pytest.mark.usefixtures("provider")


def assert_voucher_style(layer: QgsVectorLayer) -> None:
    renderer = layer.renderer()
    assert isinstance(renderer, QgsGraduatedSymbolRenderer), type(renderer)
    assert renderer.classAttribute() == "e_ha"
    ranges = renderer.ranges()
    assert len(ranges) % 2 == 1 and len(ranges) >= 3
    for low, high in zip(ranges, reversed(ranges)):
        assert low.lowerValue() == pytest.approx(-high.upperValue())
        assert low.upperValue() == pytest.approx(-high.lowerValue())
    middle = ranges[len(ranges) // 2]
    assert middle.lowerValue() < 0 < middle.upperValue()  # the neutral, balanced class
    values = [f["e_ha"] for f in layer.getFeatures()]
    assert ranges[0].lowerValue() <= min(values) and max(values) <= ranges[-1].upperValue()
    demand, supply = ranges[0].symbol().color(), ranges[-1].symbol().color()
    assert demand.red() > demand.green() and demand.red() > demand.blue()       # buyers red
    assert supply.green() > supply.red() and supply.blue() > supply.red()       # sellers green-blue
    assert layer.labelsEnabled()
    assert "e_ha" in layer.labeling().settings().fieldName


def assert_trades_style(layer: QgsVectorLayer) -> None:
    renderer = layer.renderer()
    assert isinstance(renderer, QgsSingleSymbolRenderer)
    arrow = renderer.symbol().symbolLayer(0)
    assert isinstance(arrow, QgsArrowSymbolLayer)
    width = arrow.dataDefinedProperties().property(QgsSymbolLayer.PropertyArrowWidth)
    assert width.isActive() and "volume_ha" in width.expressionString()
    assert 'maximum("volume_ha")' in width.expressionString()  # scaled to the layer's largest trade
    assert arrow.dataDefinedProperties().property(QgsSymbolLayer.PropertyArrowStartWidth).isActive()


def test_symmetric_breaks(guotu):
    from guotu.voucher.voucher_style import symmetric_breaks

    breaks = symmetric_breaks([22.5, -118.125, 0.0])
    assert breaks[0] < breaks[1] < breaks[-1] and breaks[-1] >= 118.125
    many = symmetric_breaks([(-1) ** i * i * 10.0 for i in range(1, 60)])
    assert len(many) == 4 and many[-1] >= 590
    assert symmetric_breaks([0.0, None]) == [1.0]


def test_outputs_are_styled_when_processing_loads_them():
    project = QgsProject.instance()
    params = vd.accounting_params(vd.fixture_layers(), AREA_METHOD=1, VOUCHER="TEMPORARY_OUTPUT",
                                  CLASSES="TEMPORARY_OUTPUT", SUMMARY="TEMPORARY_OUTPUT", UNKNOWN="TEMPORARY_OUTPUT")
    results = processing.runAndLoadResults("guotu:voucheraccounting", params)
    voucher = project.mapLayer(results["VOUCHER"])
    assert voucher is not None, results
    assert_voucher_style(voucher)
    market = processing.runAndLoadResults("guotu:vouchermarket", {
        "VOUCHERS": voucher, "ZONE_ID": "zone_id", "E_FIELD": "e_ha", "PRICE": 1000,
        "TRADES": "TEMPORARY_OUTPUT", "SUMMARY": "TEMPORARY_OUTPUT"})
    trades = project.mapLayer(market["TRADES"])
    assert trades is not None and trades.featureCount() == 1
    assert_trades_style(trades)
    project.removeAllMapLayers()


def test_outputs_saved_to_a_geopackage_are_styled_when_loaded(tmp_path: Path):
    gpkg = tmp_path / "out.gpkg"
    params = vd.accounting_params(vd.fixture_layers(), AREA_METHOD=1)
    for name, table in (("VOUCHER", "voucher"), ("CLASSES", "voucher_classes"), ("SUMMARY", "summary"),
                        ("UNKNOWN", "unknown_codes")):
        params[name] = QgsProcessingOutputLayerDefinition(f"ogr:dbname='{gpkg}' table=\"{table}\" (geom)",
                                                          QgsProject.instance())
    results = processing.runAndLoadResults("guotu:voucheraccounting", params)
    voucher = QgsProject.instance().mapLayer(results["VOUCHER"]) or \
        next(iter(QgsProject.instance().mapLayersByName("Vouchers")), None)
    assert voucher is not None and voucher.source().startswith(str(gpkg))
    assert_voucher_style(voucher)
    QgsProject.instance().removeAllMapLayers()


def test_styles_written_into_a_geopackage_are_its_default(guotu, tmp_path: Path):
    from guotu.voucher.voucher_style import write_styles_to_gpkg

    vd.write_fixture(tmp_path)
    out = tmp_path / "cli.gpkg"
    res = vd.run_cli("voucher", "--zones", str(tmp_path / "zones.gpkg"), "--zone-id", "code", "--gdp-field", "gdp",
                     "--pop-field", "pop", "--base", str(tmp_path / "base.gpkg"), "--base-class-field", "lucc",
                     "--target", str(tmp_path / "target.gpkg"), "--target-class-field", "lucc", "--price", "1000",
                     "-o", str(out))
    assert res.returncode == 0, res.stderr
    assert write_styles_to_gpkg(out) == {"voucher": "", "trades": ""}
    # A fresh layer, as any QGIS opening the file: the default style comes from the file.
    voucher = QgsVectorLayer(f"{out}|layername=voucher", "voucher", "ogr")
    assert_voucher_style(voucher)
    assert_trades_style(QgsVectorLayer(f"{out}|layername=trades", "trades", "ogr"))
    assert "layer_styles" in vd.ogr_layer_names(out)
    # Idempotent: writing again replaces, not duplicates, the default.
    assert write_styles_to_gpkg(out) == {"voucher": "", "trades": ""}
    assert_voucher_style(QgsVectorLayer(f"{out}|layername=voucher", "voucher", "ogr"))
