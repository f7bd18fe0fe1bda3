"""The conversion report of a run by zones with the long names real zones have: every cell of
its tables (area by status, the transitions list, area by zone) read back from the PDF whole
(wrapped inside its column, not clipped at its edge) and every word inside the right margin,
in English and Chinese. Data: the conversion fixture (tests/plugin/conversion_data.py, the CLI
test's strips and hand-worked areas), its two zones named as a county names its planning zones."""

from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import pytest
from qgis.core import QgsProject
from qgis.PyQt.QtCore import QCoreApplication, QTranslator

import conversion_data as cd
from testdata import write_gpkg

pytestmark = pytest.mark.usefixtures("provider")

ZONES = [("鄂温克族自治旗巴彦托海镇城镇开发边界集中建设区", 0, 250),
         ("锡尼河东苏木永久基本农田集中区（含一般农业区）", 250, 600)]


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
def zoned(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("conversion_cells")
    files = cd.write_fixture(folder)
    zones = folder / "long_zones.gpkg"
    write_gpkg(cd.zones_layer(ZONES), zones, "zones")
    out = folder / "zoned.gpkg"
    res = cd.cli_convert(files["before"], files["after"], out, "--area", "planar", "--zones", str(zones),
                         "--zone-id", "code")
    assert res.returncode == 0, res.stderr
    return out


@pytest.mark.parametrize("language", ["en", "zh"])
def test_conversion_report_cells_fit(guotu, zoned: Path, tmp_path: Path, plugin_root: Path, language: str) -> None:
    """Page 3, area by zone and status: each zone's row whole with the fixture's hand-worked areas
    (first zone: path 1.5, gap 0.5, prohibited 0.5 ha; second: prohibited 0.5, conditional 1.0,
    unchanged 1.0, unknown 1.0 ha); page 1's table and page 4's list whole; nothing over a
    column's edge or the page's margin."""
    from guotu.conversion.conversion_report import export_report, load_gpkg_layers
    from guotu.conversion.conversion_style import status_label, status_short_labels
    from guotu.i18n import tr
    from pdf_tables import grid_cells, squeeze, words_over_columns, words_past_margin

    pdf = tmp_path / f"conversion_{language}.pdf"
    with ui_language(plugin_root, language):
        result = export_report(load_gpkg_layers(zoned), pdf=pdf, project=QgsProject(), dpi=60)
        short = status_short_labels()
        zone_headings = [tr("Zone")] + [short[s] for s in ("prohibited", "gap", "conditional", "path", "same",
                                                            "unknown")] + [tr("Total")]
        all_zones = tr("All zones")
        status_headings = [tr("Status"), tr("Area (ha)"), tr("Share")]
        statuses = [status_label(s) for s in ("prohibited", "gap", "conditional", "path", "same", "unknown")]
        total = tr("Total")
        list_headings = [tr("Before"), tr("After"), tr("Status"), tr("Area (ha)"), tr("Share")]
    assert result.pages == 4
    assert words_past_margin(pdf) == []
    assert grid_cells(pdf, 3, zone_headings, key_column=7) == [
        squeeze([ZONES[0][0]])[0:1] + ["0.50", "0.50", "0.00", "1.50", "0.00", "0.00", "2.50"],
        squeeze([ZONES[1][0]])[0:1] + ["0.50", "0.00", "1.00", "0.00", "1.00", "1.00", "3.50"],
        squeeze([all_zones])[0:1] + ["1.00", "0.50", "1.00", "1.50", "1.00", "1.00", "6.00"]]
    assert words_over_columns(pdf, 3, first_row=zone_headings) == []
    # Page 1: area by status, 6 ha in all (the fixture's hand-worked STATUS_ALL).
    # (The notes and the legend below the table are read into its last row: only its start counts.)
    rows = grid_cells(pdf, 1, status_headings, key_column=1)
    assert [row[:2] for row in rows[:6]] == [[squeeze([s])[0], f"{a:.2f}"] for s, a in
                                             zip(statuses, (1.0, 0.5, 1.0, 1.5, 1.0, 1.0))]
    assert rows[6][0].startswith(squeeze([total])[0]) and rows[6][1] == "6.00"
    # Page 4: the seven transitions and their total.
    rows = grid_cells(pdf, 4, list_headings, key_column=3)
    assert len(rows) == 8 and rows[-1][3] == "6.00"
    assert words_over_columns(pdf, 4, first_row=list_headings) == []
