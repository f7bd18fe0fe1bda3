"""Map styles of the priorities' outputs.

* controlled land: red where the zone's first objective rules the piece, orange where a lower
  objective does (a class the first one says nothing about), labelled with the objective;
* ranked sites: by Pareto front — front 1 dark green, 2 light green, 3 yellow, later fronts
  grey — labelled with the front number;
* summaries: the Chinese column names as aliases.
The CLI stores the same looks in its GeoPackage (resources/styles/priorities)."""

from typing import List, Sequence, Tuple

from qgis.core import QgsFillSymbol, QgsRuleBasedRenderer, QgsVectorLayer

from ..i18n import tr
from ..reporting.style_helpers import halo_labeling, set_aliases
from .priorities_run import PIECE_FIELDS, SUMMARY_FIELDS, ranked_fields

FRONT_COLORS: Tuple[Tuple[str, str, str], ...] = (('"front" = 1', "26,150,65,200", "0,68,27,255"),
                                                  ('"front" = 2', "166,217,106,190", "49,110,30,255"),
                                                  ('"front" = 3', "254,224,139,180", "140,110,20,255"),
                                                  ('"front" >= 4', "200,200,200,150", "120,120,120,255"))


def front_titles() -> List[str]:
    return [tr("Front 1 (Pareto front)"), tr("Front 2"), tr("Front 3"), tr("Front 4 and after")]


def _rules(rules: Sequence[Tuple[str, str, str, str]]) -> QgsRuleBasedRenderer:
    root = QgsRuleBasedRenderer.Rule(None)
    for expression, title, color, outline in rules:
        symbol = QgsFillSymbol.createSimple({"color": color, "outline_color": outline, "outline_width": "0.3"})
        root.appendChild(QgsRuleBasedRenderer.Rule(symbol, 0, 0, expression, title))
    return QgsRuleBasedRenderer(root)


def front_renderer() -> QgsRuleBasedRenderer:
    return _rules([(e, t, c, o) for (e, c, o), t in zip(FRONT_COLORS, front_titles())])


def rank_renderer() -> QgsRuleBasedRenderer:
    return _rules([('"rank" = 1', tr("Ruled by the zone's first objective"), "215,25,28,170", "128,0,0,255"),
                   ('"rank" > 1', tr("Ruled by a lower objective"), "253,174,97,170", "166,97,26,255")])


def style_controlled_layer(layer: QgsVectorLayer) -> None:
    layer.setRenderer(rank_renderer())
    layer.setLabeling(halo_labeling("objective", 7.0))
    layer.setLabelsEnabled(True)
    set_aliases(layer, PIECE_FIELDS)
    layer.triggerRepaint()


def style_summary_table(layer: QgsVectorLayer) -> None:
    set_aliases(layer, SUMMARY_FIELDS)


def style_ranked_layer(layer: QgsVectorLayer) -> None:
    layer.setRenderer(front_renderer())
    layer.setLabeling(halo_labeling("front", 7.0))
    layer.setLabelsEnabled(True)
    set_aliases(layer, ranked_fields(()))  # the schema's titles (objective columns keep their names)
    layer.triggerRepaint()
