"""The border check's legends in the user's language only, as the other features' styles:
English in the English UI, Chinese in the Chinese UI (no "重叠 overlap" pairs) — the map
styles of the outputs and the layer titles of the pair report's legend."""

import re
from pathlib import Path
from typing import List

import pytest
from qgis.core import QgsLayoutItemLegend, QgsProject, QgsVectorLayer

from test_border_report import fx, gpkg, outputs  # noqa: F401 — fixtures of the same outputs
from test_column_titles import chinese

pytestmark = pytest.mark.usefixtures("provider")

CJK = re.compile("[\u4e00-\u9fff]")
LATIN = re.compile("[A-Za-z]")


def _labels(layer: QgsVectorLayer) -> List[str]:
    return [rule.label() for rule in layer.renderer().rootRule().children()]


def _styled_labels() -> List[str]:
    from guotu.border.border_style import style_conflicts_layer, style_issues_layer, style_segments_layer

    review = "&field=kind:string&field=review_status:string"
    layers = {"segments": (QgsVectorLayer("MultiLineString?crs=EPSG:4527&field=status:string", "s", "memory"),
                           style_segments_layer),
              "areas": (QgsVectorLayer(f"MultiPolygon?crs=EPSG:4527{review}", "c", "memory"), style_conflicts_layer),
              "lines": (QgsVectorLayer(f"MultiLineString?crs=EPSG:4527{review}", "l", "memory"),
                        style_conflicts_layer),
              "issues": (QgsVectorLayer("MultiPolygon?crs=EPSG:4527&field=kind:string", "i", "memory"),
                         style_issues_layer),
              "points": (QgsVectorLayer("Point?crs=EPSG:4527&field=kind:string", "p", "memory"), style_issues_layer)}
    labels = []
    for layer, style in layers.values():
        style(layer)
        labels += _labels(layer)
    return labels


def test_style_legends_in_english_only(guotu) -> None:
    labels = _styled_labels()
    assert {"Overlap", "Gap", "Agreed / Exception", "Invalid geometry", "Base-map and input issues"} <= set(labels)
    assert not [label for label in labels if CJK.search(label)], labels


def test_style_legends_in_chinese_only(guotu, plugin_root: Path) -> None:
    with chinese(plugin_root):
        labels = _styled_labels()
    assert {"重叠", "已认可 / 例外", "几何无效", "底图与输入问题"} <= set(labels), labels
    assert not [label for label in labels if LATIN.search(label)], labels


def _legend_titles(fx: Path, gpkg: Path) -> List[str]:
    from guotu.border.border_report import BorderReportLayers, _Builder

    project = QgsProject.instance()
    layers = outputs(gpkg)
    admin = QgsVectorLayer(f"{fx / 'admin.gpkg'}|layername=admin", "admin", "ogr")
    project.addMapLayers([admin] + list(layers.values()), False)
    report = BorderReportLayers(layers["shared_borders"], layers["border_conflict_lines"], layers["border_conflicts"],
                                layers["pair_summary"], source="test", admin=admin)
    layout = _Builder(project, report, "A", "B", None).build()
    legend = next(i for i in layout.items() if isinstance(i, QgsLayoutItemLegend))
    root = legend.model().rootGroup()
    return [root.findLayer(layer).name() for layer in (layers["shared_borders"], layers["border_conflict_lines"],
                                                       layers["border_conflicts"], admin)]


def test_report_legend_titles_in_the_user_language(fx: Path, gpkg: Path, plugin_root: Path) -> None:  # noqa: F811
    assert _legend_titles(fx, gpkg) == ["Shared borders", "Conflicts (border)", "Conflicts (areas)", "Admin units"]
    with chinese(plugin_root):
        assert _legend_titles(fx, gpkg) == ["共同边界", "冲突（边界线）", "冲突（范围）", "行政区"]
