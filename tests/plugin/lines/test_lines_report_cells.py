"""The three-lines report's statistics and binding-indicator pages with the long names of real
admin units (a town of a banner, a farm of the 兵团): every cell read back from the PDF whole
(wrapped inside its column, not cut at the page's edge) and every word inside the right
margin, in English and Chinese. Data: the indicators fixture of tests/cli/indicators_fixture.py
run through guotu:bindingindicators, its two units renamed."""

import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, List

import pytest
from qgis.core import QgsFeatureRequest, QgsProject, QgsVectorLayer
from qgis.PyQt.QtCore import QCoreApplication, QTranslator

from conftest import REPO

sys.path.insert(0, str(REPO / "tests" / "cli"))
from indicators_fixture import FIELDS, KEYS, make_fixture  # noqa: E402

pytestmark = pytest.mark.usefixtures("provider")

NAMES = {"130101": "鄂温克族自治旗巴彦托海镇锡尼河东苏木", "130102": "新疆生产建设兵团第八师石河子市北泉镇"}


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


def _renamed(layer: QgsVectorLayer) -> QgsVectorLayer:
    copy = layer.materialize(QgsFeatureRequest())
    name = copy.fields().lookupField("admin_name")
    assert copy.startEditing()
    for feature in copy.getFeatures():
        copy.changeAttributeValue(feature.id(), name, NAMES[feature["admin_code"]])
    assert copy.commitChanges()
    return copy


def _stats_layer() -> QgsVectorLayer:
    """Two statistics rows as guotu:threelinescheck writes them, with large areas (a prefecture's)."""
    from guotu.lines.lines_check import STATS_FIELDS
    from guotu.processing.workspace_inputs import fields_of
    from qgis.core import QgsFeature

    stats = QgsVectorLayer("None", "line_stats", "memory")
    stats.dataProvider().addAttributes(fields_of(STATS_FIELDS).toList())
    stats.updateFields()
    features = []
    for code, name in NAMES.items():
        feature = QgsFeature(stats.fields())
        values = {"admin_code": code, "admin_name": name, "redline_ha": 123456.78, "redline_mu": 1851851.7,
                  "redline_target_ha": 120000.0, "redline_ok": "pass", "farmland_ha": 234567.89,
                  "farmland_mu": 3518518.35, "farmland_target_ha": 240000.0, "farmland_ok": "fail",
                  "urban_ha": 34567.89, "urban_mu": 518518.35, "urban_2020_ha": 30000.0, "expansion": 1.152,
                  "expansion_cap": 1.3, "expansion_ok": "pass", "cultivated_ha": 345678.9, "farmland_share": 0.679,
                  "share_ok": "pass"}
        for key, value in values.items():
            if stats.fields().lookupField(key) >= 0:
                feature[key] = value
        features.append(feature)
    assert stats.dataProvider().addFeatures(features)
    return stats


def _stats_names() -> List[str]:
    """The titles of the page's columns, as guotu lines check heads its statistics."""
    from guotu.lines.lines_check import STATS_FIELDS

    titles = {name: title for name, _kind, title in STATS_FIELDS}
    return [titles[name] for name in ("admin_code", "admin_name", "redline_ha", "redline_target_ha", "redline_ok",
                                      "farmland_ha", "farmland_mu", "farmland_target_ha", "farmland_ok", "urban_ha",
                                      "urban_2020_ha", "expansion", "expansion_cap", "expansion_ok", "cultivated_ha",
                                      "farmland_share", "share_ok")]


@pytest.mark.parametrize("language", ["en", "zh"])
def test_statistics_and_indicator_cells_fit(tmp_path: Path, plugin_root: Path, language: str) -> None:
    import processing

    from guotu.indicators.indicators_report import REPORT_COLUMNS
    from guotu.lines.lines_report import LinesReportLayers, export_lines_report
    from guotu.i18n import tr
    from guotu.indicators.indicators_report import report_rows
    from pdf_tables import grid_cells, squeeze, words_over_columns, words_past_margin

    files = make_fixture(tmp_path)
    p = {"ADMIN": str(files["admin"]), "ADMIN_CODE": "XZQDM", "ADMIN_NAME": "XZQMC", "LANDUSE": str(files["landuse"]),
         "CLASS_FIELD": "DLBM", "BEFORE": str(files["before"]), "BEFORE_CLASS_FIELD": "DLBM",
         "FARMLAND": str(files["farmland"]), "UNITS": "TEMPORARY_OUTPUT", "TABLE": "TEMPORARY_OUTPUT"}
    for key, field in zip(KEYS, FIELDS):
        p[f"TARGET_{key.upper()}"] = field
    table = _renamed(processing.run("guotu:bindingindicators", p)["TABLE"])
    admin = QgsVectorLayer(str(files["admin"]), "xzq", "ogr")
    stats = _stats_layer()
    expected = [squeeze(row) for row in report_rows(table)]
    project = QgsProject.instance()
    pdf = tmp_path / f"lines_{language}.pdf"
    try:
        with ui_language(plugin_root, language):
            report = export_lines_report(LinesReportLayers([admin], None, None, stats, indicators=table), pdf,
                                         project=project)
            words = {"pass": tr("pass"), "fail": tr("fail")}
    finally:
        project.removeAllMapLayers()
    assert report.pages == 3 and report.indicators_page == 3
    assert words_past_margin(pdf) == []
    # Page 2: the statistics, the column names in the first row (the tool's Chinese titles).
    names = ["行政区代码", "行政区名称", "生态保护红线（公顷）"]
    stats_rows = grid_cells(pdf, 2, _stats_names())
    assert len(stats_rows) == 2
    for row, (code, name) in zip(stats_rows, NAMES.items()):
        assert row == [code, name, "123,456.78", "120,000.00", words["pass"], "234,567.89", "3,518,518.35",
                       "240,000.00", words["fail"], "34,567.89", "30,000.00", "1.152", "1.30", words["pass"],
                       "345,678.90", "0.679", words["pass"]], row
    assert names == _stats_names()[:3]
    assert words_over_columns(pdf, 2, first_row=_stats_names()) == []
    # Page 3: the indicators, each row as the table has it (16: 8 indicators of each unit).
    indicator_rows = grid_cells(pdf, 3, [title for _name, title, _share in REPORT_COLUMNS])
    assert len(expected) == 16 and indicator_rows == expected
    assert {row[1] for row in indicator_rows} == set(NAMES.values())
    assert words_over_columns(pdf, 3, first_row=[title for _name, title, _share in REPORT_COLUMNS]) == []
