"""The transmission framework's output layers recognised by their fields, whatever their
names: the element indicators (element_indicators) and the indicator findings
(indicator_findings), from `guotu framework indicators` or guotu:frameindicators. The
border review dock, the pair report and the round comparison find them in the project so."""

from typing import Optional

from qgis.core import QgsMapLayer, QgsVectorLayer

INDICATOR_TABLE_FIELDS = {"element_id", "zone", "city_id", "other_city_id", "elevation_mean", "forest_share",
                          "dem_share"}
FINDING_TABLE_FIELDS = {"kind", "element_id", "city_id", "other_city_id", "indicator", "value", "message_en"}


def is_indicator_table(layer: Optional[QgsMapLayer]) -> bool:
    return isinstance(layer, QgsVectorLayer) and INDICATOR_TABLE_FIELDS <= set(layer.fields().names())


def is_indicator_findings(layer: Optional[QgsMapLayer]) -> bool:
    return isinstance(layer, QgsVectorLayer) and FINDING_TABLE_FIELDS <= set(layer.fields().names())
