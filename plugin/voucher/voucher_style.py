"""Map styles of voucher results.

* Vouchers (zones or counties with ``e_ha``): a diverging supply/demand map —
  graduated on E with classes symmetric around 0, reds for buyers (demand),
  greens/teals for sellers (supply), a neutral class for (about) balanced
  zones — and labels with E rounded to whole hectares.
* Trades (lines seller → buyer with ``volume_ha``): arrows whose width is
  data-defined, proportional to the volume and scaled to the layer's largest
  trade, drawn smallest first.

``write_styles_to_gpkg`` stores these styles in a GeoPackage as the layers'
default styles, so the file opens styled in any QGIS.
"""

import math
from pathlib import Path
from typing import Dict, Iterable, List, Optional, Sequence

from qgis.PyQt.QtGui import QColor, QFont
from qgis.PyQt.QtXml import QDomDocument
from qgis.core import (QgsArrowSymbolLayer, QgsFeatureRequest, QgsFillSymbol, QgsGraduatedSymbolRenderer,
                       QgsLineSymbol, QgsPalLayerSettings, QgsProperty, QgsProviderRegistry, QgsRendererRange,
                       QgsSingleSymbolRenderer, QgsSymbolLayer, QgsTextBufferSettings, QgsTextFormat,
                       QgsVectorLayer, QgsVectorLayerSimpleLabeling)

from ..i18n import tr

E_FIELD = "e_ha"
VOLUME_FIELD = "volume_ha"
STYLE_NAME = "guotu"

# ColorBrewer RdBu/BrBG ends: demand (buy) reds, supply (sell) teal-greens, neutral grey.
DEMAND_COLORS = ["#b2182b", "#ef8a62", "#fddbc7"]   # strongest first
SUPPLY_COLORS = ["#c7eae5", "#5ab4ac", "#01665e"]   # weakest first
NEUTRAL_COLOR = "#f2f2f2"
TRADE_COLOR = "#3f3f8f"
OUTLINE_COLOR = "#7f7f7f"

# Trade arrows: width in mm = MAX_WIDTH · volume / largest volume, at least MIN_WIDTH
# (a hairline: pro-rata markets have thousands of tiny trades).
MIN_TRADE_WIDTH_MM = 0.05
MAX_TRADE_WIDTH_MM = 3.0
TRADE_OPACITY = 0.8


def _round_sig(x: float, up: bool = False) -> float:
    """``x`` to two significant digits (rounded up with ``up``)."""
    if x <= 0:
        return 0.0
    step = 10.0 ** (math.floor(math.log10(x)) - 1)
    n = math.ceil(x / step - 1e-9) if up else round(x / step)
    return float(n * step)


def _quantile(sorted_values: Sequence[float], q: float) -> float:
    position = q * (len(sorted_values) - 1)
    low = math.floor(position)
    high = min(low + 1, len(sorted_values) - 1)
    return sorted_values[low] + (sorted_values[high] - sorted_values[low]) * (position - low)


def symmetric_breaks(values: Iterable[Optional[float]], tolerance: float = 1e-9) -> List[float]:
    """Ascending class limits of |E| used on both sides of 0: ``[band, ..., top]``.

    ``band`` is the half-width of the neutral class (about balanced: 1/200 of the
    largest |E|), ``top`` the largest |E| rounded up; between them the terciles
    of |E| (or, with few zones, a tenth and a third of ``top``), all rounded to
    two significant digits. Classes are then ``[-top, -b]``, …, ``[-band, band]``,
    …, ``[b, top]``: symmetric around 0 by construction.
    """
    magnitudes = sorted(abs(v) for v in values
                        if v is not None and math.isfinite(v) and abs(v) > tolerance)
    if not magnitudes:
        return [1.0]
    top = _round_sig(magnitudes[-1], up=True)
    band = _round_sig(top / 200.0)
    inner = [m for m in magnitudes if m > band]
    if len(inner) >= 6:
        candidates = [_round_sig(_quantile(inner, 1 / 3)), _round_sig(_quantile(inner, 2 / 3))]
    else:
        candidates = [_round_sig(top / 10.0), _round_sig(top / 3.0)]
    breaks = [band]
    for limit in candidates + [top]:
        if limit > breaks[-1]:
            breaks.append(limit)
    return breaks


def _number(x: float) -> str:
    return f"{x:,.0f}" if abs(x) >= 10 else f"{x:g}"


def _fill(color: str) -> QgsFillSymbol:
    return QgsFillSymbol.createSimple({"color": color, "outline_color": OUTLINE_COLOR, "outline_width": "0.2"})


def voucher_renderer(values: Iterable[Optional[float]], field: str = E_FIELD,
                     change: bool = False) -> QgsGraduatedSymbolRenderer:
    """Diverging graduated renderer on ``field``, classes symmetric around 0. With ``change``
    the classes name a loss or gain of standard forest (ΔM) instead of buying or selling."""
    breaks = symmetric_breaks(values)
    band, outer = breaks[0], breaks[1:]
    ranges: List[QgsRendererRange] = []
    demand_colors = DEMAND_COLORS[-len(outer):] if outer else []
    supply_colors = SUPPLY_COLORS[:len(outer)] if outer else []
    if len(outer) == 1:
        demand_colors, supply_colors = [DEMAND_COLORS[0]], [SUPPLY_COLORS[-1]]
    elif len(outer) == 2:
        demand_colors, supply_colors = [DEMAND_COLORS[0], DEMAND_COLORS[2]], [SUPPLY_COLORS[0], SUPPLY_COLORS[2]]
    limits = [band] + outer
    # Demand (E < 0), strongest first.
    for i in range(len(outer) - 1, -1, -1):
        high, low = limits[i + 1], limits[i]
        ranges.append(QgsRendererRange(-high, -low, _fill(demand_colors[len(outer) - 1 - i]),
                                       (tr("Loss {low}–{high} ha") if change else tr("Buys {low}–{high} ha"))
                                       .format(low=_number(low), high=_number(high))))
    ranges.append(QgsRendererRange(-band, band, _fill(NEUTRAL_COLOR),
                                   (tr("About unchanged (within ±{band} ha)") if change else
                                    tr("About balanced (within ±{band} ha)")).format(band=_number(band))))
    for i in range(len(outer)):
        low, high = limits[i], limits[i + 1]
        ranges.append(QgsRendererRange(low, high, _fill(supply_colors[i]),
                                       (tr("Gain {low}–{high} ha") if change else tr("Sells {low}–{high} ha"))
                                       .format(low=_number(low), high=_number(high))))
    renderer = QgsGraduatedSymbolRenderer(field, ranges)
    renderer.setSourceSymbol(_fill(NEUTRAL_COLOR))
    return renderer


def standard_forest_renderer(values: Iterable[Optional[float]], field: str) -> QgsGraduatedSymbolRenderer:
    """Standard forest M (ha, >= 0) in classes with the limits of the supply/demand legend
    (symmetric_breaks: the neutral band, the terciles and the top, two significant digits),
    light to dark green. Give the values of M₀ and Mₜ together so that both maps share one scale."""
    breaks = symmetric_breaks(values)
    limits = [0.0] + breaks
    colors = [NEUTRAL_COLOR] + SUPPLY_COLORS[-(len(limits) - 2):] if len(limits) > 2 else [SUPPLY_COLORS[-1]]
    ranges: List[QgsRendererRange] = []
    for i in range(len(limits) - 1):
        low, high = limits[i], limits[i + 1]
        label = (tr("Up to {high} ha").format(high=_number(high)) if i == 0 else
                 tr("{low}–{high} ha").format(low=_number(low), high=_number(high)))
        ranges.append(QgsRendererRange(low, high, _fill(colors[min(i, len(colors) - 1)]), label))
    renderer = QgsGraduatedSymbolRenderer(field, ranges)
    renderer.setSourceSymbol(_fill(NEUTRAL_COLOR))
    return renderer


def _label_format(size: float = 7.0) -> QgsTextFormat:
    text = QgsTextFormat()
    font = QFont()
    font.setPointSizeF(size)
    text.setFont(font)
    text.setSize(size)
    text.setColor(QColor("#202020"))
    buffer = QgsTextBufferSettings()
    buffer.setEnabled(True)
    buffer.setSize(0.7)
    buffer.setColor(QColor(255, 255, 255, 220))
    text.setBuffer(buffer)
    return text


def voucher_labeling(field: str = E_FIELD) -> QgsVectorLayerSimpleLabeling:
    settings = QgsPalLayerSettings()
    # Whole hectares; |E| < 0.5 is "0", not "-0".
    settings.fieldName = f'if(abs("{field}") < 0.5, \'0\', format_number("{field}", 0))'
    settings.isExpression = True
    settings.placement = QgsPalLayerSettings.OverPoint
    settings.setFormat(_label_format())
    return QgsVectorLayerSimpleLabeling(settings)


def style_voucher_layer(layer: QgsVectorLayer, field: str = E_FIELD) -> None:
    """Supply/demand map with E labels on a layer of zones (or counties)."""
    index = layer.fields().lookupField(field)
    values = [f.attribute(index) for f in layer.getFeatures(
        QgsFeatureRequest().setFlags(QgsFeatureRequest.NoGeometry).setSubsetOfAttributes([index]))] \
        if index >= 0 else []
    numbers = [float(v) for v in values if isinstance(v, (int, float))]
    layer.setRenderer(voucher_renderer(numbers, field))
    layer.setLabeling(voucher_labeling(field))
    layer.setLabelsEnabled(True)
    layer.triggerRepaint()


def trade_width_expression(field: str = VOLUME_FIELD) -> str:
    """Arrow width in mm, proportional to the volume, the layer's largest trade at the maximum."""
    return (f'max({MIN_TRADE_WIDTH_MM}, coalesce({MAX_TRADE_WIDTH_MM} * "{field}" / '
            f'maximum("{field}"), 0))')


def trades_symbol(field: str = VOLUME_FIELD) -> QgsLineSymbol:
    width = trade_width_expression(field)
    arrow = QgsArrowSymbolLayer()
    arrow.setIsCurved(False)
    arrow.setIsRepeated(False)
    arrow.setArrowType(QgsArrowSymbolLayer.ArrowPlain)
    arrow.setHeadType(QgsArrowSymbolLayer.HeadSingle)
    arrow.setArrowWidth(1.0)
    arrow.setArrowStartWidth(1.0)
    arrow.setHeadLength(2.0)
    arrow.setHeadThickness(1.5)
    arrow.setDataDefinedProperty(QgsSymbolLayer.PropertyArrowWidth, QgsProperty.fromExpression(width))
    arrow.setDataDefinedProperty(QgsSymbolLayer.PropertyArrowStartWidth, QgsProperty.fromExpression(width))
    # Heads grow with the shaft, so hairline trades do not get big arrowheads.
    arrow.setDataDefinedProperty(QgsSymbolLayer.PropertyArrowHeadLength,
                                 QgsProperty.fromExpression(f"0.2 + 1.6 * ({width})"))
    arrow.setDataDefinedProperty(QgsSymbolLayer.PropertyArrowHeadThickness,
                                 QgsProperty.fromExpression(f"0.1 + 0.8 * ({width})"))
    fill = QgsFillSymbol.createSimple({"color": TRADE_COLOR, "outline_style": "no"})
    arrow.setSubSymbol(fill)
    symbol = QgsLineSymbol()
    symbol.changeSymbolLayer(0, arrow)
    symbol.setOpacity(TRADE_OPACITY)
    return symbol


def style_trades_layer(layer: QgsVectorLayer, field: str = VOLUME_FIELD) -> None:
    renderer = QgsSingleSymbolRenderer(trades_symbol(field))
    # Small trades first, so the big ones stay on top.
    renderer.setOrderBy(QgsFeatureRequest.OrderBy([QgsFeatureRequest.OrderByClause(f'"{field}"', True)]))
    renderer.setOrderByEnabled(True)
    layer.setRenderer(renderer)
    layer.triggerRepaint()


# GeoPackage layer name -> styling function, for results written by the CLI or the dialog.
GPKG_STYLES = {
    "voucher": style_voucher_layer,
    "voucher_counties": style_voucher_layer,
    "trades": style_trades_layer,
}


def gpkg_layer_names(path: Path) -> List[str]:
    """Names of the layers of a GeoPackage (vector and tables)."""
    from osgeo import ogr  # GDAL ships with QGIS; imported here, only when reading files

    dataset = ogr.Open(str(path))
    if dataset is None:
        return []
    return [dataset.GetLayerByIndex(i).GetName() for i in range(dataset.GetLayerCount())]


def write_styles_to_gpkg(path: Path, names: Optional[Dict[str, str]] = None) -> Dict[str, str]:
    """Styles the voucher layers found in the GeoPackage ``path`` and stores each style as
    the layer's default (table layer_styles). ``names`` maps a layer name of the file to
    the kind of style ("voucher" or "trades"; default: :data:`GPKG_STYLES` by name).
    Returns {layer name: error message or ""}."""
    wanted = names if names is not None else {name: name for name in GPKG_STYLES}
    present = set(gpkg_layer_names(path))
    results: Dict[str, str] = {}
    for name, kind in wanted.items():
        if name not in present:
            continue
        layer = QgsVectorLayer(f"{path}|layername={name}", name, "ogr")
        if not layer.isValid():
            results[name] = tr("could not be opened")
            continue
        GPKG_STYLES[kind](layer)
        results[name] = save_default_style(layer)
    return results


def save_default_style(layer: QgsVectorLayer) -> str:
    """Stores the layer's style in its data source (layer_styles) as the default style;
    returns an error message or "".

    QGIS (3.22) asks "overwrite?" in a modal message box when a style of the same name
    exists, which would block a headless run: an older style of ours is deleted first."""
    related, ids, names, _descriptions, _error = layer.listStylesInDatabase()
    for style_id, style_name in list(zip(ids, names))[:max(0, related)]:
        if style_name == STYLE_NAME:
            deleted, error = layer.deleteStyleFromDatabase(style_id)
            if not deleted:
                return error or tr("the old style could not be replaced")
    qml = QDomDocument()
    error = layer.exportNamedStyle(qml)
    if error:
        return error
    sld = QDomDocument()
    layer.exportSldStyle(sld, "")
    metadata = QgsProviderRegistry.instance().providerMetadata(layer.providerType())
    if metadata is None:
        return tr("the data provider cannot store styles")
    ok = metadata.saveStyle(layer.source(), qml.toString(), sld.toString(), STYLE_NAME,
                            tr("Guotu ecological voucher style"), "", True, "")
    return "" if ok else tr("the data provider refused the style")
