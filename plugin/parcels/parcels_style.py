"""Map styles of the parcel check's outputs.

* parcel_checks: one colour per verdict — 通过 pass green, 有条件通过 conditional amber,
  不通过 fail red — legend entries in the user's language and the parcel id as label.
* parcel_reasons: the area at fault, hatched in the colour of its severity (fail red,
  condition amber, info blue outline), labelled with the rule id.
* Tables: the Chinese column names as field aliases (as the CLI's tables have them).
"""

from typing import Dict, List, Tuple

from qgis.PyQt.QtGui import QColor
from qgis.core import QgsCategorizedSymbolRenderer, QgsFillSymbol, QgsRendererCategory, QgsRuleBasedRenderer, QgsVectorLayer

from ..i18n import chinese_ui, tr
from .parcels_check import PARCEL_FIELDS, PROJECT_FIELDS, REASON_FIELDS, VILLAGE_FIELDS
from ..reporting.style_helpers import halo_labeling, set_aliases

# verdict_en -> (fill, outline): ColorBrewer RdYlGn ends and an amber between.
VERDICT_COLORS: Dict[str, Tuple[str, str]] = {"pass": ("#1a9850", "#0b5d2c"),
                                              "conditional": ("#fdae61", "#b35806"),
                                              "fail": ("#d73027", "#7f0000")}
SEVERITY_COLORS: Dict[str, str] = {"fail": "#b2182b", "condition": "#e08214", "info": "#2166ac"}


def verdict_titles() -> Dict[str, str]:
    """The verdicts in the user's language (通过 / 有条件通过 / 不通过 in Chinese)."""
    return {"pass": tr("passed"), "conditional": tr("passed with conditions"), "fail": tr("failed")}


def severity_titles() -> Dict[str, str]:
    return {"fail": tr("failed"), "condition": tr("Condition"), "info": tr("Note")}


def verdict_text(row: Dict[str, object]) -> str:
    """A parcel's or unit's verdict in the user's language, from its verdict_en (the core's id)."""
    verdict = str(row.get("verdict_en") or "")
    return verdict_titles().get(verdict, str(row.get("verdict") or verdict))


def reasons_text(row: Dict[str, object]) -> str:
    """The reasons in the user's language (the core writes both)."""
    zh, en = row.get("reasons_zh") or "", row.get("reasons_en") or ""
    return str((zh if chinese_ui() else en) or zh or en)


def verdict_renderer() -> QgsCategorizedSymbolRenderer:
    titles = verdict_titles()
    categories: List[QgsRendererCategory] = []
    for verdict, (fill, outline) in VERDICT_COLORS.items():
        color = QColor(fill)
        color.setAlpha(170)
        symbol = QgsFillSymbol.createSimple({"color": ",".join(str(c) for c in color.getRgb()),
                                             "outline_color": outline, "outline_width": "0.5"})
        categories.append(QgsRendererCategory(verdict, symbol, titles[verdict]))
    return QgsCategorizedSymbolRenderer("verdict_en", categories)


def reasons_renderer() -> QgsRuleBasedRenderer:
    titles = severity_titles()
    root = QgsRuleBasedRenderer.Rule(None)
    for severity, color in SEVERITY_COLORS.items():
        if severity == "info":
            symbol = QgsFillSymbol.createSimple({"style": "no", "outline_color": color, "outline_width": "0.6",
                                                 "outline_style": "dash"})
        else:
            symbol = QgsFillSymbol.createSimple({"color": color, "style": "b_diagonal", "outline_color": color,
                                                 "outline_width": "0.7"})
        root.appendChild(QgsRuleBasedRenderer.Rule(symbol, 0, 0, f"\"severity\" = '{severity}'", titles[severity]))
    return QgsRuleBasedRenderer(root)


def style_parcels_layer(layer: QgsVectorLayer) -> None:
    layer.setRenderer(verdict_renderer())
    layer.setLabeling(halo_labeling("parcel_id"))
    layer.setLabelsEnabled(True)
    set_aliases(layer, PARCEL_FIELDS)
    layer.triggerRepaint()


def style_reasons_layer(layer: QgsVectorLayer) -> None:
    layer.setRenderer(reasons_renderer())
    layer.setLabeling(halo_labeling("rule_id", 7.0))
    layer.setLabelsEnabled(True)
    set_aliases(layer, REASON_FIELDS)
    layer.triggerRepaint()


def style_projects_table(layer: QgsVectorLayer) -> None:
    set_aliases(layer, PROJECT_FIELDS)


def style_villages_table(layer: QgsVectorLayer) -> None:
    set_aliases(layer, VILLAGE_FIELDS)
