"""Map styles of the unit ledger's outputs.

* unit_ledger: the units coloured by verdict — 通过 pass green, 待定 undetermined grey,
  不通过 fail red — legend in the user's language, the unit id as label; Chinese aliases.
* certificates: reclaimed parcels by what they were reclaimed to (cultivated, garden,
  forest, grassland), a parcel on a river beach hatched red; the certificate number as label.
* Tables (unit_grades, project_certificates): the Chinese column names as aliases.
"""

from typing import Dict, List, Tuple

from qgis.PyQt.QtGui import QColor
from qgis.core import (QgsCategorizedSymbolRenderer, QgsFillSymbol, QgsRendererCategory, QgsRuleBasedRenderer,
                       QgsVectorLayer)

from ..i18n import tr
from ..reporting.style_helpers import halo_labeling, set_aliases
from .ledger_run import CERTIFICATE_FIELDS, GRADE_FIELDS, PROJECT_FIELDS, UNIT_FIELDS

# verdict_en -> (fill, outline)
VERDICT_COLORS: Dict[str, Tuple[str, str]] = {"pass": ("#1a9850", "#0b5d2c"),
                                              "undetermined": ("#bdbdbd", "#525252"),
                                              "fail": ("#d73027", "#7f0000")}
# planned land of a certificate -> fill
RECLAIMED_COLORS: Dict[str, str] = {"cultivated": "#ffd92f", "garden": "#a6d854", "forest": "#1b7837",
                                    "grassland": "#b8e186"}


def verdict_titles() -> Dict[str, str]:
    return {"pass": tr("passed"), "undetermined": tr("undetermined (a rule could not be checked)"),
            "fail": tr("failed")}


def verdict_renderer() -> QgsCategorizedSymbolRenderer:
    titles = verdict_titles()
    categories: List[QgsRendererCategory] = []
    for verdict, (fill, outline) in VERDICT_COLORS.items():
        color = QColor(fill)
        color.setAlpha(170)
        symbol = QgsFillSymbol.createSimple({"color": ",".join(str(c) for c in color.getRgb()),
                                             "outline_color": outline, "outline_width": "0.6"})
        categories.append(QgsRendererCategory(verdict, symbol, titles[verdict]))
    return QgsCategorizedSymbolRenderer("verdict_en", categories)


def certificate_renderer() -> QgsRuleBasedRenderer:
    titles = {"cultivated": tr("Reclaimed to cultivated land"), "garden": tr("Reclaimed to garden land"),
              "forest": tr("Reclaimed to forest"), "grassland": tr("Reclaimed to grassland")}
    fields = {"cultivated": "cultivated_ha", "garden": "garden_ha", "forest": "forest_ha", "grassland": "grass_ha"}
    root = QgsRuleBasedRenderer.Rule(None)
    for kind, color in RECLAIMED_COLORS.items():
        symbol = QgsFillSymbol.createSimple({"color": color, "outline_color": "#333333", "outline_width": "0.4"})
        root.appendChild(QgsRuleBasedRenderer.Rule(symbol, 0, 0, f"\"{fields[kind]}\" > 0", titles[kind]))
    beach = QgsFillSymbol.createSimple({"color": "#b2182b", "style": "b_diagonal", "outline_color": "#b2182b",
                                        "outline_width": "0.7"})
    root.appendChild(QgsRuleBasedRenderer.Rule(beach, 0, 0, "\"status_en\" = 'river_beach'",
                                               tr("On a river beach: not issuable")))
    return QgsRuleBasedRenderer(root)


def style_units_layer(layer: QgsVectorLayer) -> None:
    if layer.isSpatial():
        layer.setRenderer(verdict_renderer())
        layer.setLabeling(halo_labeling("unit_id"))
        layer.setLabelsEnabled(True)
    set_aliases(layer, UNIT_FIELDS)
    layer.triggerRepaint()


def style_certificates_layer(layer: QgsVectorLayer) -> None:
    layer.setRenderer(certificate_renderer())
    layer.setLabeling(halo_labeling("number", 7.0))
    layer.setLabelsEnabled(True)
    set_aliases(layer, CERTIFICATE_FIELDS)
    layer.triggerRepaint()


def style_grades_table(layer: QgsVectorLayer) -> None:
    set_aliases(layer, GRADE_FIELDS)


def style_projects_table(layer: QgsVectorLayer) -> None:
    set_aliases(layer, PROJECT_FIELDS)
