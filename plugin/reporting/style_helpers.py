"""Pieces the map styles share: labels in a font with Chinese glyphs on a white halo, and
the Chinese column names of an output table as field aliases."""

from typing import Iterable, Tuple

from qgis.PyQt.QtGui import QColor
from qgis.core import (QgsPalLayerSettings, QgsTextBufferSettings, QgsTextFormat, QgsVectorLayer,
                       QgsVectorLayerSimpleLabeling)

from ..i18n import chinese_ui, column_title
from .report_layout import cjk_font_family


def halo_labeling(field_or_expression: str, size: float = 8.0, expression: bool = False) -> QgsVectorLayerSimpleLabeling:
    """Labels of a field (or an expression) in dark text with a white halo."""
    settings = QgsPalLayerSettings()
    settings.fieldName = field_or_expression
    settings.isExpression = expression
    text = QgsTextFormat()
    family = cjk_font_family()
    if family:
        font = text.font()
        font.setFamily(family)
        text.setFont(font)
    text.setSize(size)
    text.setColor(QColor("#202020"))
    buffer = QgsTextBufferSettings()
    buffer.setEnabled(True)
    buffer.setSize(0.8)
    buffer.setColor(QColor("#ffffff"))
    text.setBuffer(buffer)
    settings.setFormat(text)
    return QgsVectorLayerSimpleLabeling(settings)


def set_aliases(layer: QgsVectorLayer, fields: Iterable[Tuple[str, str, str]]) -> None:
    """(name, kind, alias) rows: in the Chinese UI each field of the layer that exists shows
    its Chinese alias; in the English UI the field names show (an alias set before is removed)."""
    for name, _kind, alias in fields:
        index = layer.fields().indexOf(name)
        if index >= 0:
            layer.setFieldAlias(index, column_title(name, alias) if chinese_ui() else "")
