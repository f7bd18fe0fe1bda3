"""The printable report: scripts/voucher_report.py on the CLI's GeoPackage and on the
plugin's outputs saved to a GeoPackage, headless."""

import re
import subprocess
import sys
from pathlib import Path

import processing
import pytest
from qgis.PyQt.QtGui import QColor, QImage
from qgis.core import QgsProcessingOutputLayerDefinition, QgsProject, QgsVectorLayer

import voucher_data as vd
from conftest import REPO

pytestmark = pytest.mark.usefixtures("provider")

SCRIPT = REPO / "scripts" / "voucher_report.py"


def pdf_pages(path: Path) -> int:
    """Pages of a PDF: /Count of its page tree (the largest, i.e. the root's)."""
    data = path.read_bytes()
    assert data.startswith(b"%PDF-")
    return max(int(n) for n in re.findall(rb"/Type\s*/Pages\b[^>]*?/Count\s+(\d+)|/Count\s+(\d+)", data)
               for n in n if n)


def pdf_text(path: Path, page: int, layout: bool = True) -> str:
    """The text of one page; with `layout`, in its columns. A table cell wrapped over several lines
    beside a one-line neighbour can lose lines in the layout mode: read such cells without it."""
    return subprocess.run(["pdftotext", *(["-layout"] if layout else []), "-f", str(page), "-l", str(page), str(path),
                           "-"], capture_output=True, text=True, check=True).stdout


def run_script(gpkg: Path, png: Path, pdf: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(SCRIPT), str(gpkg), "--png", str(png), "--pdf", str(pdf)],
                          capture_output=True, text=True, timeout=120,
                          env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin", "HOME": str(gpkg.parent)})


def assert_map_png(png: Path) -> None:
    image = QImage(str(png))
    assert not image.isNull()
    assert abs(image.width() - 1754) <= 1 and abs(image.height() - 1240) <= 1  # A4 landscape, 150 dpi
    colours = set()
    reds = teals = 0
    for y in range(0, image.height(), 8):
        for x in range(0, image.width() * 2 // 3, 8):  # the map, left of the legend
            c = QColor(image.pixel(x, y))
            colours.add(c.rgb())
            reds += c.red() > 150 and c.green() < 120 and c.blue() < 100
            teals += c.green() > c.red() + 30 and c.blue() > c.red() + 30
    assert len(colours) > 20, "the map looks empty"
    assert reds > 50 and teals > 50, (reds, teals)  # a buyer in red, a seller in teal


@pytest.fixture(scope="module")
def cli_gpkg(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("cli_report")
    vd.write_fixture(folder)
    out = folder / "vouchers.gpkg"
    res = vd.run_cli("voucher", "--zones", str(folder / "zones.gpkg"), "--zone-id", "code", "--zone-name", "name",
                     "--gdp-field", "gdp", "--pop-field", "pop", "--base", str(folder / "base.gpkg"),
                     "--base-class-field", "lucc", "--target", str(folder / "target.gpkg"), "--target-class-field",
                     "lucc", "--price", "1000", "--area", "planar", "--reference", "zones", "-o", str(out))
    assert res.returncode == 0, res.stderr
    return out


def test_report_of_the_cli_geopackage(guotu, cli_gpkg: Path, tmp_path: Path):
    png, pdf = tmp_path / "map.png", tmp_path / "report.pdf"
    res = run_script(cli_gpkg, png, pdf)
    assert res.returncode == 0, res.stderr
    # Map page, standard forest maps, zones table, parameters: the parameters (the run records the
    # unit-code and mask options too) run onto a fifth page in English.
    assert pdf_pages(pdf) == 5 and f"{pdf} (5 pages)" in res.stdout
    assert "Parameters and inputs of the run" in pdf_text(pdf, 4) and "Item" in pdf_text(pdf, 5)  # its header again
    assert pdf.stat().st_size > 20_000
    assert_map_png(png)
    page1 = pdf_text(pdf, 1)
    # The key figures' values wrap in their column: read them without the layout, lines joined.
    figures = " ".join(pdf_text(pdf, 1, layout=False).split())
    assert "Protection rate" in page1 and "not used (base-year baseline)" in figures and "0.87" not in page1
    zones = pdf_text(pdf, 3)
    assert "Traded amount (yuan)" in zones and "22,500" in zones and "118,125" not in zones
    assert "E × price" not in zones
    # The balance of the region, before the zones: E not conserved, the market not cleared.
    assert "Balance of the region" in zones and "Reference: over all zones." in zones
    assert "ΣΔM = -75.00 ha" in zones and "not conserved" in zones
    assert "unmet demand 95.62 ha" in zones and "the price cannot rise" in zones
    for page in (1, 2, 3, 4, 5):  # every page: the title and its number
        text = pdf_text(pdf, page)
        assert "Ecological voucher account" in text and f"Page {page} of 5" in text, (page, text)
    # The map has a north arrow turned with it and a scale bar.
    from guotu.voucher.voucher_report import build_layout, load_gpkg_layers
    from qgis.core import QgsLayoutItemMap, QgsLayoutItemPicture, QgsLayoutItemScaleBar

    project = QgsProject()
    layout = build_layout(load_gpkg_layers(cli_gpkg), project)
    the_map = next(i for i in layout.items() if isinstance(i, QgsLayoutItemMap))
    assert any(isinstance(i, QgsLayoutItemPicture) and i.id() == "north_arrow" and i.linkedMap() is the_map
               for i in layout.items())
    assert any(isinstance(i, QgsLayoutItemScaleBar) and i.linkedMap() is the_map for i in layout.items())
    project.clear()
    # The styles went into the GeoPackage: any QGIS opens it styled.
    assert "layer_styles" in vd.ogr_layer_names(cli_gpkg)
    voucher = QgsVectorLayer(f"{cli_gpkg}|layername=voucher", "voucher", "ogr")
    assert voucher.renderer().type() == "graduatedSymbol" and voucher.labelsEnabled()


def test_report_layout_content(guotu, cli_gpkg: Path, tmp_path: Path):
    from guotu.voucher.voucher_report import build_layout, key_figures, load_gpkg_layers, summary_items
    from qgis.core import QgsLayoutItemLegend, QgsLayoutItemMap, QgsLayoutItemTextTable

    layers = load_gpkg_layers(cli_gpkg)
    numbers, texts = summary_items(layers.summary)
    assert numbers["traded_ha"] == pytest.approx(22.5) and texts["area_method"] == "planar"
    figures = dict(key_figures(numbers, texts))
    assert figures["Traded (ha)"] == "22.50" and figures["Settlement"] == "Payment"
    # A base-year run records the zones' protection rate but does not use it: said so, not printed as a rate.
    assert texts["baseline"] == "base-year" and numbers["protection_rate"] == pytest.approx(0.8667, abs=1e-4)
    assert figures["Protection rate"] == "not used (base-year baseline)"
    assert dict(key_figures(numbers, dict(texts, baseline="protection-rate")))["Protection rate"] == "0.87"
    # Hand fixture over the zones: 118.125 − 22.5 ha of demand left, nothing unsold, ΣΔM = −75 ha.
    assert figures["Unmet demand (ha)"] == f"{95.625:,.2f}" and figures["Unsold supply (ha)"] == "0"
    assert figures["Raw change ΣΔM (ha)"] == "-75" and figures["Reference values"] == "over all zones"
    project = QgsProject()
    layout = build_layout(layers, project)
    items = layout.items()
    maps = sorted((i for i in items if isinstance(i, QgsLayoutItemMap)), key=lambda m: len(m.layers()), reverse=True)
    assert len(maps) == 4 and {l.name() for l in maps[0].layers()} == {layers.voucher.name(), layers.trades.name()}
    assert maps[0].extent().contains(layers.voucher.extent())
    # The paper's maps beside it (page 2): M0, Mt and dM by zone, classes of the E legend's kind.
    renderers = sorted((m.layers()[0].renderer() for m in maps[1:]),
                       key=lambda r: ["m0_ha", "mt_ha", "dm_ha"].index(r.classAttribute()))
    assert [r.classAttribute() for r in renderers] == ["m0_ha", "mt_ha", "dm_ha"]
    # M0 (50, 210) and Mt (80, 105) share one scale, limits as the E legend makes them: the top 210, the
    # band 210/200 = 1.05 -> 1, and with few zones a tenth (21) and a third (70) of the top.
    for renderer in renderers[:2]:
        assert [(r.lowerValue(), r.upperValue()) for r in renderer.ranges()] == \
            [pytest.approx(p) for p in ((0, 1), (1, 21), (21, 70), (70, 210))]
    assert [r.label() for r in renderers[0].ranges()] == ["Up to 1 ha", "1–21 ha", "21–70 ha", "70–210 ha"]
    # dM (+30, -105): diverging around 0, top 105 -> 110, band 0.55, then 11 and 37 (110/10, 110/3).
    labels = [r.label() for r in renderers[2].ranges()]
    assert labels == ["Loss 37–110 ha", "Loss 11–37 ha", "Loss 0.55–11 ha", "About unchanged (within ±0.55 ha)",
                      "Gain 0.55–11 ha", "Gain 11–37 ha", "Gain 37–110 ha"]
    assert all(m.extent().contains(layers.voucher.extent()) for m in maps[1:])
    assert any(isinstance(i, QgsLayoutItemLegend) for i in items)
    tables = layout.multiFrames()
    zones = next(t for t in tables if isinstance(t, QgsLayoutItemTextTable)
                 and [c.heading() for c in t.columns()][:1] == ["Zone"])
    # With the market's trades the amount is what each zone traded, not its E at the price.
    assert [c.heading() for c in zones.columns()] == ["Zone", "Name", "E (ha)", "Role", "Traded (ha)",
                                                      "Traded amount (yuan)"]
    contents = [[str(cell) for cell in row] for row in zones.contents()]
    assert [row[0] for row in contents] == ["Z1", "Z2"]  # largest supply first
    assert contents[0][3] == "sells" and contents[1][3] == "buys"
    trades = list(layers.trades.getFeatures())
    for row in contents:
        mine = [t for t in trades if row[0] in (t["seller_id"], t["buyer_id"])]
        assert row[4] == f"{sum(t['volume_ha'] for t in mine):,.2f}"
        assert row[5] == f"{sum(t['amount_yuan'] for t in mine):,.0f}"
    assert {row[5] for row in contents} == {"22,500"}  # 22.5 ha at 1,000 yuan/ha, sold by Z1, bought by Z2
    parameters = [t for t in tables if isinstance(t, QgsLayoutItemTextTable)]
    assert any(["Price (price)", "1000"] in [list(map(str, row)) for row in t.contents()] for t in parameters)
    project.clear()


def test_report_of_the_plugin_outputs_saved_to_a_geopackage(guotu, tmp_path: Path):
    gpkg = tmp_path / "plugin.gpkg"

    def dest(table: str) -> QgsProcessingOutputLayerDefinition:
        return QgsProcessingOutputLayerDefinition(f"ogr:dbname='{gpkg}' table=\"{table}\" (geom)")

    account = processing.run("guotu:voucheraccounting", vd.accounting_params(
        vd.fixture_layers(), AREA_METHOD=1, PRICE=1000, VOUCHER=dest("voucher"), CLASSES=dest("voucher_classes"),
        SUMMARY=dest("summary"), UNKNOWN=dest("unknown_codes")))
    processing.run("guotu:vouchermarket", {"VOUCHERS": account["VOUCHER"], "ZONE_ID": "zone_id", "E_FIELD": "e_ha",
                                           "PRICE": 1000, "SETTLEMENT": 1, "TRADES": dest("trades"),
                                           "SUMMARY": dest("market_summary")})
    assert set(vd.ogr_layer_names(gpkg)) >= {"voucher", "voucher_classes", "summary", "unknown_codes", "trades",
                                             "market_summary"}
    from guotu.voucher.voucher_report import build_layout, key_figures, load_gpkg_layers, summary_items

    project = QgsProject()
    layers = load_gpkg_layers(gpkg)
    layout = build_layout(layers, project)
    expected = layout.pageCollection().pageCount()
    numbers, texts = summary_items(layers.summary, layers.market_summary)
    project.clear()
    assert expected in (4, 5)  # map, standard forest maps, zones, parameters of both runs (one or two pages)
    png, pdf = tmp_path / "map.png", tmp_path / "report.pdf"
    res = run_script(gpkg, png, pdf)
    assert res.returncode == 0, res.stderr
    assert pdf_pages(pdf) == expected
    assert_map_png(png)
    assert texts["algorithm"] == "guotu:voucheraccounting" and texts["market: algorithm"] == "guotu:vouchermarket"
    figures = dict(key_figures(numbers, texts))
    assert figures["Traded (ha)"] == "22.50"
    assert figures["Settlement"].startswith("Enclave")  # recorded, and shown in the report
    assert figures["Unmet demand (ha)"] == f"{95.625:,.2f}"
    from guotu.voucher.voucher_report import balance_lines

    lines = balance_lines(numbers, texts)
    assert any("unmet demand 95.62 ha" in line for line in lines), lines
    assert any("Demand exceeds supply at the fixed price" in line for line in lines), lines


def test_report_of_the_sample_region_has_as_many_pages_as_the_layout(guotu, voucher_sample: Path, tmp_path: Path):
    out = tmp_path / "sample.gpkg"
    res = vd.run_cli("voucher", "--zones", str(voucher_sample / "zones.gpkg"), "--zone-id", "code", "--zone-name",
                     "name", "--gdp-field", "gdp", "--pop-field", "population", "--base",
                     str(voucher_sample / "landuse_2010.tif"), "--target", str(voucher_sample / "landuse_2020.tif"),
                     "--mask", str(voucher_sample / "urban_2020.gpkg"), "--price", "30000", "--cap", "300", "-o", str(out))
    assert res.returncode == 0, res.stderr
    from guotu.voucher.voucher_report import build_layout, load_gpkg_layers

    project = QgsProject()
    layout = build_layout(load_gpkg_layers(out), project)
    expected = layout.pageCollection().pageCount()
    assert expected >= 5  # 150 zones need several table pages
    project.clear()
    png, pdf = tmp_path / "map.png", tmp_path / "report.pdf"
    res = run_script(out, png, pdf)
    assert res.returncode == 0, res.stderr
    assert pdf_pages(pdf) == expected
    assert_map_png(png)


def test_chinese_report(guotu, cli_gpkg: Path, tmp_path: Path):
    """--locale zh_CN: the report in Chinese, with a font that has the glyphs when one is installed."""
    from guotu.voucher.voucher_report import cjk_font_family
    from qgis.PyQt.QtGui import QFont, QFontMetrics

    png, pdf = tmp_path / "map.png", tmp_path / "report.pdf"
    res = subprocess.run([sys.executable, str(SCRIPT), str(cli_gpkg), "--png", str(png), "--pdf", str(pdf),
                          "--locale", "zh_CN"], capture_output=True, text=True, timeout=120,
                         env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)})
    assert res.returncode == 0, res.stderr
    assert pdf_pages(pdf) == 4
    family = cjk_font_family()
    if family is None:
        assert "fonts-noto-cjk" in res.stderr  # said, not silently boxes
        pytest.skip("no font with Chinese glyphs on this machine")
    assert all(QFontMetrics(QFont(family)).inFontUcs4(ord(c)) for c in "生态券核算")
    assert "warning" not in res.stderr


def test_report_names_the_national_reference_and_its_source(guotu, tmp_path: Path):
    vd.write_fixture(tmp_path)
    out = tmp_path / "national.gpkg"
    res = vd.run_cli("voucher", "--zones", str(tmp_path / "zones.gpkg"), "--zone-id", "code", "--zone-name", "name",
                     "--gdp-field", "gdp", "--pop-field", "pop", "--base", str(tmp_path / "base.gpkg"),
                     "--base-class-field", "lucc", "--target", str(tmp_path / "target.gpkg"), "--target-class-field",
                     "lucc", "--area", "planar", "-o", str(out))
    assert res.returncode == 0, res.stderr
    png, pdf = tmp_path / "map.png", tmp_path / "report.pdf"
    res = run_script(out, png, pdf)
    assert res.returncode == 0, res.stderr
    assert pdf_pages(pdf) == 5  # the parameters on pages 4 and 5
    assert "national values of 2020" in " ".join(pdf_text(pdf, 1, layout=False).split())  # a wrapped value
    zones = " ".join(pdf_text(pdf, 3).split())
    assert "Reference: national values of 2020 (table" in zones and "statistical communiqué 2020" in zones
    assert "a market inside these zones cannot meet it" in zones  # no market: the account alone says so
    parameters = " ".join((pdf_text(pdf, 4) + pdf_text(pdf, 5)).split())
    assert "Target year (target_year) 2020" in parameters and "Source of the reference (reference_source)" in parameters


def test_report_states_the_bottom_lines_violations_and_key_function_zones(guotu, tmp_path: Path):
    """Hand numbers of test_voucher_cli_parity: 63 ha of standard forest (30 ha of land) lost inside the
    red line in Z2, left out of E; Z1 in a key ecological function zone, out of the market."""
    from test_voucher_cli_parity import _workspace

    vd.write_fixture(tmp_path)
    out = tmp_path / "lines.gpkg"
    res = vd.run_cli("voucher", "--zones", str(tmp_path / "zones.gpkg"), "--zone-id", "code", "--zone-name", "name",
                     "--gdp-field", "gdp", "--pop-field", "pop", "--base", str(tmp_path / "base.gpkg"),
                     "--base-class-field", "lucc", "--target", str(tmp_path / "target.gpkg"), "--target-class-field",
                     "lucc", "--area", "planar", "--reference", "zones", "--price", "1000",
                     "--workspace", str(_workspace(tmp_path / "ws.gpkg")), "--key-function-ids", "Z1", "-o", str(out))
    assert res.returncode == 0, res.stderr
    png, pdf = tmp_path / "map.png", tmp_path / "report.pdf"
    res = run_script(out, png, pdf)
    assert res.returncode == 0, res.stderr
    zones = " ".join(pdf_text(pdf, 3).split())
    assert "Violations: 63.00 ha of standard forest (30.00 ha of land, 1 pieces) lost inside the red line" in zones
    assert "E is computed without it" in zones
    assert "Key ecological function zones: 1, accounts computed but kept out of the market" in zones
    # The sellers list marks it (Z1 sells 22.5 ha of E but is kept out of the market).
    assert "sells; key ecological" in zones and "function zone, out of" in zones and "22.50" in zones
    parameters = " ".join(" ".join(pdf_text(pdf, p).split()) for p in range(4, pdf_pages(pdf) + 1))
    assert "Loss of ecological land inside the red line" in parameters and "(redline_loss)" in parameters
    assert "Key ecological function zones: ids (key_function_ids) Z1" in parameters


def test_a_failed_export_keeps_the_previous_report(guotu, cli_gpkg: Path, tmp_path: Path, monkeypatch):
    """The voucher PDF is written beside the target and renamed over it when complete: an
    export that fails half-way keeps the previous report and leaves no partial file (the
    failure is named in words — QGIS 3.22's exporter has no errorMessage())."""
    from qgis.core import QgsLayoutExporter, QgsProject

    from guotu.voucher.voucher_report import export_report, load_gpkg_layers

    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(b"%PDF-previous report")

    def half_written(_exporter, path, _settings):
        Path(path).write_bytes(b"%PDF-partial")
        return QgsLayoutExporter.FileError

    monkeypatch.setattr(QgsLayoutExporter, "exportToPdf", half_written)
    with pytest.raises(RuntimeError, match="the file could not be written"):
        export_report(load_gpkg_layers(cli_gpkg), pdf=pdf, project=QgsProject(), dpi=60)
    assert pdf.read_bytes() == b"%PDF-previous report"
    assert sorted(p.name for p in tmp_path.glob("report*")) == ["report.pdf"]
