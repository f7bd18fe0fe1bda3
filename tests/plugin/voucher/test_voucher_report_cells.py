"""The voucher report of zones with the long names real zones (towns of a banner) have: every
cell of its tables (key figures, zones, parameters) read back from the PDF whole (wrapped inside
its column, not clipped at its edge) and every word inside the right margin, in English and
Chinese. Data: the voucher fixture (tests/plugin/voucher_data.py) run by `guotu voucher`, its
zones renamed."""

from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import pytest
from osgeo import ogr
from qgis.core import QgsProject
from qgis.PyQt.QtCore import QCoreApplication, QTranslator

import voucher_data as vd

pytestmark = pytest.mark.usefixtures("provider")

LONG = "鄂温克族自治旗巴彦托海镇锡尼河东苏木孟根楚鲁嘎查生态保护补偿核算单元"


@contextmanager
def ui_language(plugin_root: Path, language: str) -> Iterator[None]:
    translator = QTranslator()
    if language == "zh":
        assert translator.load(str(plugin_root / "guotu" / "resources" / "i18n" / "guotu_zh_CN.qm"))
        QCoreApplication.installTranslator(translator)
    try:
        yield
    finally:
        QCoreApplication.removeTranslator(translator)


@pytest.fixture(scope="module")
def vouchers(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("voucher_cells")
    vd.write_fixture(folder)
    ds = ogr.Open(str(folder / "zones.gpkg"), 1)
    layer = ds.GetLayer(0)
    names = {}
    for feature in layer:
        names[feature.GetField("code")] = f"{LONG}{feature.GetField('code')}"
        feature.SetField("name", names[feature.GetField("code")])
        layer.SetFeature(feature)
    ds = None
    out = folder / "vouchers.gpkg"
    res = vd.run_cli("voucher", "--zones", str(folder / "zones.gpkg"), "--zone-id", "code", "--zone-name", "name",
                     "--gdp-field", "gdp", "--pop-field", "pop", "--base", str(folder / "base.gpkg"),
                     "--base-class-field", "lucc", "--target", str(folder / "target.gpkg"), "--target-class-field",
                     "lucc", "--price", "1000", "--area", "planar", "--reference", "zones", "-o", str(out))
    assert res.returncode == 0, res.stderr
    return out


@pytest.mark.parametrize("language", ["en", "zh"])
def test_voucher_report_cells_fit(guotu, vouchers: Path, tmp_path: Path, plugin_root: Path, language: str) -> None:
    """The zones table (page 3): each zone's long name whole in its column, the fixture's hand
    values beside it (Z1 supplies 22.5 ha, Z2 needs 118.125 ha; 22.5 ha traded at 1,000 yuan/ha:
    22,500 yuan each side); the key figures and the parameters whole; nothing over a column's
    edge or the page's margin."""
    from guotu.i18n import tr
    from guotu.voucher.voucher_report import export_report, load_gpkg_layers
    from pdf_tables import grid_cells, squeeze, words_over_columns, words_past_margin

    pdf = tmp_path / f"voucher_{language}.pdf"
    with ui_language(plugin_root, language):
        export_report(load_gpkg_layers(vouchers), pdf=pdf, project=QgsProject(), dpi=60)
        zones = [tr("Zone"), tr("Name"), tr("E (ha)"), tr("Role"), tr("Traded (ha)"), tr("Traded amount (yuan)")]
        items = [tr("Item"), tr("Value")]
        sells, buys = tr("sells"), tr("buys")
        title = tr("Parameters and inputs of the run")
    assert words_past_margin(pdf) == []
    assert grid_cells(pdf, 3, zones) == [["Z1", f"{LONG}Z1", "22.50", sells, "22.50", "22,500"],
                                         ["Z2", f"{LONG}Z2", "-118.12", buys, "22.50", "22,500"]]
    assert words_over_columns(pdf, 3, first_row=zones) == []
    # Key figures (page 1, beside the map) and the parameters (page 4 on): two cells a row, whole.
    figures = grid_cells(pdf, 1, items, key_column=0)
    assert len(figures) >= 15 and all(row[0] and row[1] for row in figures)
    assert words_over_columns(pdf, 1, first_row=items) == []
    parameters = grid_cells(pdf, 4, items, key_column=0)
    assert squeeze([title])[0] in "".join(w.text for w in __import__("pdf_tables").pages(pdf)[3].words)
    assert ["zones", f"{vouchers.parent / 'zones.gpkg'}"] == [parameters[2][0], parameters[2][1].split("(")[0]]
    assert words_over_columns(pdf, 4, first_row=items) == []
