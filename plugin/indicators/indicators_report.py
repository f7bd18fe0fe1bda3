"""The binding indicators as a table of the three-lines report: the rows of an indicators
layer (guotu:bindingindicators' table, or the `indicators` table of `guotu indicators`) in
the report's words, and the layer found in a project."""

import math
from typing import List, Optional, Sequence, Tuple

from qgis.core import QgsProject, QgsVectorLayer

from ..inputs.conversions import is_null
from .indicators_check import ROW_FIELDS

# (field, Chinese heading, share of the table's width)
REPORT_COLUMNS: List[Tuple[str, str, float]] = [
    ("admin_code", "行政区代码", 0.10), ("admin_name", "行政区名称", 0.12), ("indicator_zh", "指标", 0.16),
    ("rule", "规则", 0.05), ("target", "目标值", 0.09), ("measured", "实测值", 0.09),
    ("difference", "差值（实测－目标）", 0.10), ("ratio", "实测／目标", 0.08), ("result_zh", "结果", 0.07),
    ("note_zh", "说明", 0.14)]


def is_indicators_layer(layer: object) -> bool:
    return isinstance(layer, QgsVectorLayer) and layer.isValid() and \
        all(layer.fields().indexOf(name) >= 0 for name, _kind, _title in ROW_FIELDS)


def indicators_layer_in(project: QgsProject) -> Optional[QgsVectorLayer]:
    """The indicators table highest in the project's layer tree (the one added last, as a rule),
    or None."""
    for node in project.layerTreeRoot().findLayers():
        if is_indicators_layer(node.layer()):
            return node.layer()
    return None


def _cell(name: str, value: object) -> str:
    if is_null(value):
        return ""
    if name in ("target", "measured", "difference"):
        number = float(value)
        return "" if math.isnan(number) else f"{number:,.2f}"
    if name == "ratio":
        number = float(value)
        return "" if math.isnan(number) else f"{100 * number:.1f} %"
    if name == "rule":
        return {">=": "≥", "<=": "≤"}.get(str(value), str(value))
    return str(value)


def report_rows(layer: QgsVectorLayer) -> List[Sequence[str]]:
    """The layer's rows as the report's cells (numbers with 2 decimals, the ratio in %)."""
    names = [name for name, _title, _share in REPORT_COLUMNS]
    return [[_cell(name, feature[name]) for name in names] for feature in layer.getFeatures()]
