"""Map styles of the border comparison, so that a border strip reads at a glance:

* shared_borders: a thick line per segment in the colour of its status — coordinated
  green, overlap red, category mismatch magenta, gap orange, discontinuity purple (dashed),
  nothing on either side thin grey;
* conflicts (areas and border lines): the same colours per kind, reviewed conflicts
  (agreed / exception) grey, the conflict id as label;
* base-map issues: admin overlaps and gaps hatched dark red, invalid geometry as points;
* tables: the Chinese column names as aliases.

Legends in the user's language only (as the other features' styles).
"""

from typing import Dict

from qgis.PyQt.QtGui import QColor
from qgis.core import QgsFillSymbol, QgsLineSymbol, QgsMarkerSymbol, QgsRuleBasedRenderer, QgsVectorLayer, QgsWkbTypes

from .border_check import (CONFLICT_FIELDS, ISSUE_FIELDS, REVIEW_FIELDS, SEGMENT_FIELDS, SUMMARY_FIELDS,
                           kind_titles)
from ..i18n import tr
from ..reporting.style_helpers import halo_labeling, set_aliases

STATUS_COLORS: Dict[str, str] = {"coordinated": "#1a9850", "overlap": "#d73027", "category_mismatch": "#c51b7d",
                                 "gap": "#f46d43", "discontinuity": "#762a83", "none": "#9e9e9e"}
REVIEWED_COLOR = "#bdbdbd"
REVIEWED = "coalesce(\"review_status\", 'open') IN ('agreed', 'exception')"


def _line(color: str, width: float, dashed: bool = False) -> QgsLineSymbol:
    return QgsLineSymbol.createSimple({"line_color": color, "line_width": str(width), "capstyle": "flat",
                                       "line_style": "dash" if dashed else "solid"})


def segments_renderer() -> QgsRuleBasedRenderer:
    titles = kind_titles()
    root = QgsRuleBasedRenderer.Rule(None)
    for status, color in STATUS_COLORS.items():
        width = 0.4 if status == "none" else 1.6
        root.appendChild(QgsRuleBasedRenderer.Rule(_line(color, width, dashed=status == "discontinuity"), 0, 0,
                                                   f"\"status\" = '{status}'", titles[status]))
    return QgsRuleBasedRenderer(root)


def conflicts_renderer(lines: bool, has_review: bool) -> QgsRuleBasedRenderer:
    titles = kind_titles()
    root = QgsRuleBasedRenderer.Rule(None)
    if has_review:
        symbol = _line(REVIEWED_COLOR, 1.2, dashed=True) if lines else QgsFillSymbol.createSimple(
            {"color": "189,189,189,90", "outline_color": "#757575", "outline_style": "dash"})
        root.appendChild(QgsRuleBasedRenderer.Rule(symbol, 0, 0, REVIEWED,
                                                   tr("Agreed") + " / " + tr("Exception")))
    for kind in ("overlap", "category_mismatch", "gap", "discontinuity"):
        color = STATUS_COLORS[kind]
        where = f"\"kind\" = '{kind}'" + (f" AND NOT {REVIEWED}" if has_review else "")
        if lines:
            symbol = _line(color, 2.4, dashed=kind == "discontinuity")
        else:
            fill = QColor(color)
            fill.setAlpha(140)
            symbol = QgsFillSymbol.createSimple({"color": ",".join(str(c) for c in fill.getRgb()),
                                                 "outline_color": color, "outline_width": "0.5"})
        root.appendChild(QgsRuleBasedRenderer.Rule(symbol, 0, 0, where, titles[kind]))
    return QgsRuleBasedRenderer(root)


def issues_renderer(point: bool) -> QgsRuleBasedRenderer:
    root = QgsRuleBasedRenderer.Rule(None)
    if point:
        symbol = QgsMarkerSymbol.createSimple({"name": "cross2", "color": "#99000d", "size": "4",
                                               "outline_color": "#99000d", "outline_width": "0.6"})
        root.appendChild(QgsRuleBasedRenderer.Rule(symbol, 0, 0, "TRUE", tr("Invalid geometry")))
    else:
        symbol = QgsFillSymbol.createSimple({"color": "#99000d", "style": "f_diagonal", "outline_color": "#99000d",
                                             "outline_width": "0.4"})
        root.appendChild(QgsRuleBasedRenderer.Rule(symbol, 0, 0, "TRUE", tr("Base-map and input issues")))
    return QgsRuleBasedRenderer(root)


def style_segments_layer(layer: QgsVectorLayer) -> None:
    layer.setRenderer(segments_renderer())
    set_aliases(layer, SEGMENT_FIELDS)
    layer.triggerRepaint()


def style_conflicts_layer(layer: QgsVectorLayer) -> None:
    lines = QgsWkbTypes.geometryType(layer.wkbType()) == QgsWkbTypes.LineGeometry
    layer.setRenderer(conflicts_renderer(lines, layer.fields().indexOf("review_status") >= 0))
    layer.setLabeling(halo_labeling("'#' || \"conflict_id\"", expression=True))
    layer.setLabelsEnabled(not lines)
    set_aliases(layer, CONFLICT_FIELDS + REVIEW_FIELDS)
    layer.triggerRepaint()


def style_issues_layer(layer: QgsVectorLayer) -> None:
    layer.setRenderer(issues_renderer(QgsWkbTypes.geometryType(layer.wkbType()) == QgsWkbTypes.PointGeometry))
    set_aliases(layer, ISSUE_FIELDS)
    layer.triggerRepaint()


def style_summary_table(layer: QgsVectorLayer) -> None:
    set_aliases(layer, SUMMARY_FIELDS)
