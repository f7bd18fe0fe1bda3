"""Map styles of the catalogue check: submitted features with a finding in the colour of
its kind — not in the catalogue red, submitted by a city the catalogue does not list orange,
without a city purple — labelled with the element id; both tables with the Chinese column
names as aliases. (Catalogue elements a city did not submit have no geometry: they are rows.)"""

from typing import Dict

from qgis.core import QgsFillSymbol, QgsRuleBasedRenderer, QgsVectorLayer

from ..reporting.style_helpers import halo_labeling, set_aliases
from .catalogue_check import CITY_FIELDS, FINDING_FIELDS, finding_titles

FINDING_COLORS: Dict[str, str] = {"not_in_catalogue": "#d73027", "city_not_listed": "#f46d43", "no_city": "#762a83"}


def findings_renderer() -> QgsRuleBasedRenderer:
    titles = finding_titles()
    root = QgsRuleBasedRenderer.Rule(None)
    for kind, color in FINDING_COLORS.items():
        symbol = QgsFillSymbol.createSimple({"color": color, "style": "b_diagonal", "outline_color": color,
                                             "outline_width": "0.6"})
        root.appendChild(QgsRuleBasedRenderer.Rule(symbol, 0, 0, f"\"kind\" = '{kind}'", titles[kind]))
    return QgsRuleBasedRenderer(root)


def style_findings_layer(layer: QgsVectorLayer) -> None:
    layer.setRenderer(findings_renderer())
    layer.setLabeling(halo_labeling("coalesce(\"element_id\", '')", expression=True))
    layer.setLabelsEnabled(True)
    set_aliases(layer, FINDING_FIELDS)
    layer.triggerRepaint()


def style_cities_table(layer: QgsVectorLayer) -> None:
    set_aliases(layer, CITY_FIELDS)


INDICATOR_FINDING_COLORS: Dict[str, str] = {"outside_threshold": "#d73027", "threshold_differs": "#c51b7d",
                                            "value_jump": "#f46d43", "threshold_missing": "#762a83",
                                            "dem_incomplete": "#9e9e9e"}


def indicator_findings_renderer() -> QgsRuleBasedRenderer:
    from .indicator_check import indicator_finding_titles
    titles = indicator_finding_titles()
    root = QgsRuleBasedRenderer.Rule(None)
    for kind, color in INDICATOR_FINDING_COLORS.items():
        symbol = QgsFillSymbol.createSimple({"color": color, "style": "f_diagonal", "outline_color": color,
                                             "outline_width": "0.6"})
        root.appendChild(QgsRuleBasedRenderer.Rule(symbol, 0, 0, f"\"kind\" = '{kind}'", titles[kind]))
    return QgsRuleBasedRenderer(root)


def indicators_renderer() -> QgsRuleBasedRenderer:
    """City parts filled pale green with a dark outline, border strips hatched orange, whole
    elements as a thick outline."""
    root = QgsRuleBasedRenderer.Rule(None)
    rules = (("\"zone\" = 'element'", "要素 element", {"style": "no", "outline_color": "#1b7837",
                                                       "outline_width": "0.8"}),
             ("\"zone\" = 'part'", "城市部分 city part", {"color": "166,219,160,120", "outline_color": "#1b7837",
                                                          "outline_width": "0.3"}),
             ("\"zone\" = 'strip'", "交界带 border strip", {"color": "#f46d43", "style": "b_diagonal",
                                                          "outline_color": "#f46d43", "outline_width": "0.2"}))
    for where, label, props in rules:
        root.appendChild(QgsRuleBasedRenderer.Rule(QgsFillSymbol.createSimple(props), 0, 0, where, label))
    return QgsRuleBasedRenderer(root)


def style_indicators_layer(layer: QgsVectorLayer) -> None:
    from .indicator_check import INDICATOR_FIELDS
    layer.setRenderer(indicators_renderer())
    set_aliases(layer, INDICATOR_FIELDS)
    layer.triggerRepaint()


def style_indicator_findings_layer(layer: QgsVectorLayer) -> None:
    from .indicator_check import IFINDING_FIELDS
    layer.setRenderer(indicator_findings_renderer())
    layer.setLabeling(halo_labeling("\"element_id\" || ' ' || \"indicator\"", expression=True))
    layer.setLabelsEnabled(True)
    set_aliases(layer, IFINDING_FIELDS)
    layer.triggerRepaint()


ROUND_COLORS: Dict[str, str] = {"new": "#d73027", "persisting": "#f46d43", "resolved": "#1a9850"}


def comparison_renderer() -> QgsRuleBasedRenderer:
    """Conflicts' border lines by round status: new red, persisting orange, resolved green (dashed)."""
    from qgis.core import QgsLineSymbol
    titles = {"new": "新增 new", "persisting": "持续 persisting", "resolved": "已解决 resolved"}
    root = QgsRuleBasedRenderer.Rule(None)
    for status, color in ROUND_COLORS.items():
        symbol = QgsLineSymbol.createSimple({"line_color": color, "line_width": "1.6", "capstyle": "flat",
                                             "line_style": "dash" if status == "resolved" else "solid"})
        root.appendChild(QgsRuleBasedRenderer.Rule(symbol, 0, 0, f"\"status\" = '{status}'", titles[status]))
    return QgsRuleBasedRenderer(root)


def style_comparison_layer(layer: QgsVectorLayer) -> None:
    from .rounds import COMPARISON_FIELDS
    if layer.isSpatial():
        layer.setRenderer(comparison_renderer())
    set_aliases(layer, COMPARISON_FIELDS)
    layer.triggerRepaint()


def style_return_table(layer: QgsVectorLayer) -> None:
    from .rounds import RETURN_FIELDS, SUMMARY_FIELDS
    set_aliases(layer, RETURN_FIELDS + SUMMARY_FIELDS)
