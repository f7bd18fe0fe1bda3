"""The Pareto ranking report with the six computed objectives and the long ids real candidate
sites have: the first-front table read back from the PDF whole (each cell inside its column),
inside the page (it ran past the page's edge with four objectives shown), in English and
Chinese. Data: the scored sites of tests/priorities_fixture.py (hand values there), named."""

import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import pytest
from osgeo import ogr
from qgis.PyQt.QtCore import QCoreApplication, QTranslator

from conftest import REPO

sys.path.insert(0, str(REPO / "tests"))
import priorities_fixture as fx  # noqa: E402

pytestmark = pytest.mark.usefixtures("provider")

IDS = ["GD-150724-2023-鄂温克旗巴彦托海镇-0001", "GD-150724-2023-鄂温克旗巴彦托海镇-0002",
       "GD-150724-2023-鄂温克旗巴彦托海镇-0003"]
OBJECTIVES = ["area_ha:max", "forest_gain_ha:max", "cultivated_change_ha:max", "redline_distance_m:min",
              "redline_contact_m:max", "cost:min"]


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


@pytest.mark.parametrize("language", ["en", "zh"])
def test_first_front_table_fits(tmp_path: Path, plugin_root: Path, language: str) -> None:
    """By the fixture's hand values (area 1 / 0.5 / 0.01 ha, forest gain 0.905 / 0 / 0 ha,
    cultivated change −0.45 / 0 / 0 ha, red-line distance 150 / 0 / 0 m, contact 0 / 100 / 40 m,
    cost 10 / 20 / 30) the second site dominates the third, and the first two are the first front:
    their rows, the first four objectives shown, the crowding of a two-site front infinite."""
    import processing

    from guotu.i18n import tr
    from pdf_tables import grid_cells, words_over_columns, words_past_margin

    paths = fx.write_scored(tmp_path)
    sites = fx.write(tmp_path / "named.gpkg", "cand", [("cost", ogr.OFTReal), ("DKBH", ogr.OFTString)],
                     [({"cost": c, "DKBH": IDS[i]}, fx.box(*b)) for i, (c, b) in enumerate(fx.SCORED_SITES)])
    pdf = tmp_path / f"rank_{language}.pdf"
    with ui_language(plugin_root, language):
        processing.run("guotu:paretosites", {
            "SITES": str(sites), "SITE_ID": "DKBH", "OBJECTIVES": ",".join(OBJECTIVES), "LEXICOGRAPHIC": "",
            "LANDUSE": str(paths["landuse"]), "DEDUCTION_FIELD": "KCXS", "TARGET": "0301",
            "REDLINE": str(paths["redline"]), "AREA_METHOD": 1, "RANKED": "memory:", "REPORT": str(pdf)})
        headings = [tr("Site"), "area_ha", "forest_gain_ha", "cultivated_change_ha", "redline_distance_m",
                    tr("Crowding")]
    assert words_past_margin(pdf) == []
    rows = sorted(grid_cells(pdf, 1, headings, key_column=5))
    assert rows == [[IDS[0], "1.000", "0.905", "-0.450", "150.000", "∞"],
                    [IDS[1], "0.500", "0.000", "0.000", "0.000", "∞"]], rows
    assert words_over_columns(pdf, 1, first_row=headings) == []
