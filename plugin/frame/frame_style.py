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
