"""The border pair report's page 1, conflicts and framework pages with the long names real
elements (reserves, water sources) have: every cell read back from the PDF whole (wrapped
inside its column, not clipped at its edge), no heading clipped, every word inside the right
margin, in English and Chinese. Data: the border fixture (tests/plugin/border_data.py) with its
elements renamed, and the framework's plane fixture (tests/plugin/frame_data.py) for the
indicator pages."""

from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import pytest
from osgeo import ogr
from qgis.core import QgsProject
from qgis.PyQt.QtCore import QCoreApplication, QTranslator

import border_data as bd

pytestmark = pytest.mark.usefixtures("provider")

LONG = "呼伦贝尔市鄂温克族自治旗锡尼河东苏木辉河国家级自然保护区实验区"
OUTPUT_LAYERS = {"BORDER_CONFLICTS": "border_conflicts", "CONFLICT_LINES": "border_conflict_lines",
                 "SHARED_BORDERS": "shared_borders", "PAIR_SUMMARY": "pair_summary",
                 "BASEMAP_ISSUES": "basemap_issues", "BASEMAP_ISSUE_POINTS": "basemap_issue_points"}


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
def results(guotu, tmp_path_factory) -> Path:
    import processing

    import frame_data as fd

    folder = tmp_path_factory.mktemp("border_cells")
    fx = bd.make_fixture(folder / "fx")
    ds = ogr.Open(str(fx / "el.gpkg"), 1)
    layer = ds.GetLayerByName("elements")
    for feature in layer:
        feature.SetField("name", f"{LONG}{feature.GetField('name') or ''}")
        layer.SetFeature(feature)
    ds = None
    out = folder / "border.gpkg"
    params = {"ADMIN": f"{fx / 'admin.gpkg'}|layername=admin", "ADMIN_ID": "code", "ADMIN_NAME": "name",
              "ELEMENTS": f"{fx / 'el.gpkg'}|layername=elements", "CITY_FIELD": "city", "CATEGORY_FIELD": "category",
              "NAME_FIELD": "name", "AREA_METHOD": 1}
    params.update({key: f"ogr:dbname='{out}' table=\"{table}\" (geom)" for key, table in OUTPUT_LAYERS.items()})
    processing.run("guotu:borderconflicts", params)
    (folder / "frame").mkdir()
    frame = fd.make_indicator_fixture(folder / "frame")
    cli = fd.run_indicators_cli(frame, folder / "frame.gpkg", "--area", "planar")
    assert cli.returncode == 0, cli.stderr
    QgsProject.instance().clear()
    return folder


@pytest.mark.parametrize("language", ["en", "zh"])
def test_border_report_cells_fit(results: Path, tmp_path: Path, plugin_root: Path, language: str) -> None:
    """A | B by hand (tests/plugin/border_data.py): page 1 the border by status (none 450 m, gap
    150, coordinated, category mismatch, discontinuity and overlap 100 each: 1,000 m); page 2
    the five conflicts, each element's long name whole in its column; pages 3 and 4 the
    framework's tables; no word over a column's edge or the page's margin."""
    import processing

    from guotu.border.border_report import kind_titles
    from guotu.i18n import tr
    from pdf_tables import grid_cells, squeeze, words_over_columns, words_past_margin

    gpkg, frame = results / "border.gpkg", results / "frame.gpkg"
    with ui_language(plugin_root, language):
        processing.run("guotu:borderreport", {
            "SHARED_BORDERS": f"{gpkg}|layername=shared_borders",
            "CONFLICT_LINES": f"{gpkg}|layername=border_conflict_lines", "PAIR": "A,B",
            "INDICATORS": f"{frame}|layername=element_indicators",
            "INDICATOR_FINDINGS": f"{frame}|layername=indicator_findings", "OUTPUT_FOLDER": str(tmp_path)})
        kinds = kind_titles()
        status = [tr("Status"), tr("Length (m)")]
        conflicts = [tr("No."), tr("Kind"), tr("Side"), tr("Length (m)"), tr("Area (m²)"), tr("Elements A"),
                     tr("Elements B"), tr("Review"), tr("Note")]
        zones = [tr("Element"), tr("Zone"), tr("Area (ha)"), tr("Elevation mean (m)"), tr("Elevation min–max (m)"),
                 tr("Slope mean (°)"), tr("Steep share"), tr("Forest share")]
        findings = [tr("Kind"), tr("Element"), tr("City"), tr("Indicator"), tr("Value"), tr("Threshold"),
                    tr("Message")]
        shared, review = tr("Shared border"), tr("open")
    pdf = tmp_path / "边界审查_A-B.pdf"
    assert words_past_margin(pdf) == []
    rows = grid_cells(pdf, 1, status, key_column=1)
    assert [row[1] for row in rows] == ["450.0", "150.0", "100.0", "100.0", "100.0", "100.0", "1,000.0"]
    assert [row[0] for row in rows[:6]] == squeeze([kinds[k] for k in ("none", "gap", "coordinated",
                                                                         "category_mismatch", "discontinuity",
                                                                         "overlap")])
    assert rows[6][0].startswith(squeeze([shared])[0])  # the legend below is read into the last row
    rows = grid_cells(pdf, 2, conflicts)
    assert [(r[0], r[2], r[3], r[4], r[7]) for r in rows] == [
        ("#1", "A", "100.0", "4,000", review), ("#2", "", "50.0", "2,000", review), ("#3", "", "100.0", "0", review),
        ("#4", "B", "100.0", "0", review), ("#5", "B", "150.0", "7,500", review)]
    assert [(r[5], r[6]) for r in rows] == [(f"{LONG}Forest-A", ""), (f"{LONG}Forest-A", f"{LONG}Claim-B"),
                                            (f"{LONG}Hills-A", f"{LONG}Fields-B"), (f"{LONG}River-A", ""),
                                            (f"{LONG}Gap-A", f"{LONG}Gap-B")]
    assert words_over_columns(pdf, 2, first_row=conflicts) == []
    # The framework's pages: M01's four zones (12 ha parts, 6 ha strips), six findings.
    rows = grid_cells(pdf, 3, zones, key_column=2)
    assert [r[2] for r in rows] == ["12.00", "12.00", "6.00", "6.00"]
    assert words_over_columns(pdf, 3, first_row=zones) == []
    rows = grid_cells(pdf, 4, findings, key_column=1)
    assert len(rows) == 6 and all(r[1] == "M01" for r in rows)
    assert words_over_columns(pdf, 4, first_row=findings) == []
