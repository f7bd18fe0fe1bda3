"""Map style of the indicator units: coloured by the number of failed binding indicators —
none green, one yellow, two orange, three or more red — labelled with the unit's name, and
the Chinese column names as aliases (as the CLI's GeoPackage stores them)."""

from typing import List, Tuple

from qgis.PyQt.QtGui import QColor
from qgis.core import QgsFillSymbol, QgsRuleBasedRenderer, QgsVectorLayer

from ..i18n import tr
from ..reporting.style_helpers import halo_labeling, set_aliases
from .indicators_check import ROW_FIELDS, UNIT_FIELDS

# (expression, fill) from ColorBrewer RdYlGn.
CLASSES: List[Tuple[str, str]] = [('"failed" = 0', "#1a9850"), ('"failed" = 1', "#fee08b"),
                                  ('"failed" = 2', "#fc8d59"), ('"failed" >= 3', "#d73027")]


def class_titles() -> List[str]:
    return [tr("All binding indicators met"), tr("1 indicator failed"), tr("2 indicators failed"),
            tr("3 or more indicators failed")]


def failed_renderer() -> QgsRuleBasedRenderer:
    """The renderer, legend entries in the plugin's language (a stored style: in both, see
    resources/styles/make_styles.py)."""
    root = QgsRuleBasedRenderer.Rule(None)
    for (expression, fill), title in zip(CLASSES, class_titles()):
        color = QColor(fill)
        color.setAlpha(190)
        symbol = QgsFillSymbol.createSimple({"color": ",".join(str(c) for c in color.getRgb()),
                                             "outline_color": "#404040", "outline_width": "0.6"})
        root.appendChild(QgsRuleBasedRenderer.Rule(symbol, 0, 0, expression, title))
    return QgsRuleBasedRenderer(root)


def style_units_layer(layer: QgsVectorLayer) -> None:
    layer.setRenderer(failed_renderer())
    layer.setLabeling(halo_labeling("admin_name"))
    layer.setLabelsEnabled(True)
    set_aliases(layer, UNIT_FIELDS)
    layer.triggerRepaint()


def style_rows_table(layer: QgsVectorLayer) -> None:
    set_aliases(layer, ROW_FIELDS)
