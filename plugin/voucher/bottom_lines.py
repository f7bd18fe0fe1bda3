"""Vouchers within the plan's bottom lines (SPEC §3), as ``guotu voucher`` reads them.

The ecological red line and permanent farmland cut the pieces of base ∩ target inside each
zone (the conversion overlay of libguotu, the red line winning where both cover land); the
account takes each piece's change of standard forest inside a line, and a piece that lost
standard forest inside the red line is a violation — kept here with its geometry for the
violations layer. Zones are cut by the mask first (no ecological land is counted inside it).
Counties in national key ecological function zones are marked from a field (1/0, yes/no,
true/false, 是/否) or a list of ids.
"""

from dataclasses import dataclass
from typing import Dict, Iterable, List, Optional, Set, Tuple

from qgis.core import (QgsCoordinateTransformContext, QgsFeature, QgsFeatureSource, QgsFeedback, QgsGeometry,
                       QgsRectangle, QgsVectorLayer)

from ..binding.convert_native import ConversionPiece
from ..binding.errors import GuotuInputError
from ..binding.voucher_native import Voucher
from ..conversion.convert import ConversionRequest, LandUseInput as ConversionLand, run_conversion
from ..i18n import tr
from ..inputs.conversions import code_from_value, is_null
from ..inputs.feature_reading import geometry_in_target, read_features, source_label, transform_to
from ..inputs.raster_blocks import CategoricalRaster
from ..inputs.validation import require_field

REDLINE = "ecological_redline"
FARMLAND = "permanent_farmland"
LINE_INDEX = {REDLINE: 0, FARMLAND: 1}  # guotu_line
REDLINE_LOSS_CHOICES = ("exclude", "count")

# The choices in the audit trail's words (the tool's, not translated: item texts of the summary).
REDLINE_LOSS_WORDS = {
    "exclude": "exclude (a loss of ecological land inside the red line is a violation, left out of E: not demand "
               "to buy)",
    "count": "count (a loss of ecological land inside the red line is counted in E and flagged as a violation)",
}
KEY_FUNCTION_MARKET_WORDS = {
    False: "out (accounts computed; kept out of the market: they receive fiscal transfers)",
    True: "in (key ecological function zones trade like the others)",
}

_YES = {"1", "true", "yes", "y", "是"}
_NO = {"0", "false", "no", "n", "否", ""}


@dataclass
class Violation:
    """A piece of ecological land lost inside the red line: a violation, not demand."""
    zone_id: str
    from_code: str
    to_code: str
    area_ha: float
    dm_ha: float  # its change of standard forest (< 0)
    base_fid: int
    target_fid: int
    geometry: QgsGeometry


def key_function_value(value: object) -> Optional[bool]:
    """A key-function field's value as the tool reads it; None for anything else."""
    if is_null(value):
        return False
    if isinstance(value, bool):
        return value
    text = str(value).strip()
    if isinstance(value, (int, float)) and float(value) in (0.0, 1.0):
        return bool(value)
    if text.lower() in _YES:
        return True
    if text.lower() in _NO:
        return False
    return None


def key_function_ids(source: QgsFeatureSource, id_field: str, field: Optional[str],
                     listed: Iterable[str]) -> Set[str]:
    """Ids of the zones of ``source`` in national key ecological function zones: those whose
    ``field`` says so, and those ``listed`` (each must be a zone of the layer)."""
    label = source_label(source)
    id_index = require_field(source, id_field, label)
    field_index = require_field(source, field, label) if field else -1
    ids: Set[str] = set()
    known: Set[str] = set()
    for feature in read_features(source, [i for i in (id_index, field_index) if i >= 0], geometry=False):
        zone_id = code_from_value(feature.attribute(id_index)) or ""
        known.add(zone_id)
        if field_index < 0:
            continue
        value = feature.attribute(field_index)
        flag = key_function_value(value)
        if flag is None:
            raise GuotuInputError(
                tr('Feature {fid} of layer "{layer}": key function field "{field}" is "{value}"; use 1 or 0 '
                   '(yes/no, true/false, 是/否).').format(fid=feature.id(), layer=label, field=field, value=value))
        if flag:
            ids.add(zone_id)
    for zone_id in listed:
        if zone_id not in known:
            raise GuotuInputError(tr('Key ecological function zone "{id}" is not a zone of layer "{layer}".')
                                  .format(id=zone_id, layer=label))
        ids.add(zone_id)
    return ids


def parse_ids(text: Optional[str]) -> List[str]:
    """A comma-separated list of ids, spaces around each ignored."""
    return [part.strip() for part in (text or "").split(",") if part.strip()]


def _zones_less_mask(zones: QgsFeatureSource, id_field: str, mask: Optional[QgsFeatureSource],
                     transform_context: QgsCoordinateTransformContext) -> Tuple[QgsFeatureSource, str]:
    """The zones, or (with a mask) a memory layer of the zones less the mask, and its id field."""
    if mask is None:
        return zones, id_field
    crs = zones.sourceCrs()
    transform = transform_to(mask.sourceCrs(), crs, transform_context)
    parts = [QgsGeometry(geometry_in_target(f, transform, source_label(mask))).makeValid()
             for f in read_features(mask, []) if f.hasGeometry()]
    union = QgsGeometry.unaryUnion(parts) if parts else QgsGeometry()
    layer = QgsVectorLayer(f"MultiPolygon?crs={crs.authid()}&field=zone_id:string" if crs.authid() else
                           "MultiPolygon?field=zone_id:string", "zones_less_mask", "memory")
    if not crs.authid():
        layer.setCrs(crs)
    index = require_field(zones, id_field, source_label(zones))
    features = []
    for feature in read_features(zones, [index]):
        geometry = QgsGeometry(feature.geometry()).makeValid()
        if not union.isEmpty():
            geometry = geometry.difference(union)
        if geometry.isEmpty():
            continue  # the mask covers the zone: nothing of it lies in a line
        out = QgsFeature(layer.fields())
        out.setAttributes([code_from_value(feature.attribute(index))])
        geometry.convertToMultiType()
        out.setGeometry(geometry)
        features.append(out)
    layer.dataProvider().addFeatures(features)
    return layer, "zone_id"


CELL_CLASS_FIELD = "class_code"


def raster_cells_layer(raster: CategoricalRaster) -> QgsVectorLayer:
    """A land-use raster's cells as polygons for the lines (cells of one class joined, no-data cells
    left out; field class_code): the lines cut the cells exactly, as the exact raster mode counts
    them, and as ``guotu voucher`` does."""
    import numpy as np
    from osgeo import gdal, ogr

    layer = QgsVectorLayer(f"MultiPolygon?field={CELL_CLASS_FIELD}:integer", f"{raster.label} (cells)", "memory")
    layer.setCrs(raster.crs)
    whole = QgsRectangle(raster.x0, raster.y0 - raster.rows * raster.yres, raster.x0 + raster.columns * raster.xres,
                         raster.y0)
    window = raster.window_covering(whole)
    if window is None:
        return layer
    grid = gdal.GetDriverByName("MEM").Create("", window.width, window.height, 1, gdal.GDT_Int32)
    grid.SetGeoTransform(window.geotransform)
    band = grid.GetRasterBand(1)
    if raster.nodata is not None:
        band.SetNoDataValue(raster.nodata)
    for row0, col0, values in raster.blocks(window):
        band.WriteArray(np.ascontiguousarray(values, dtype=np.int32), col0, row0)
    cells = ogr.GetDriverByName("Memory").CreateDataSource("cells")
    out = cells.CreateLayer("cells", None, ogr.wkbPolygon)
    out.CreateField(ogr.FieldDefn(CELL_CLASS_FIELD, ogr.OFTInteger))
    if gdal.Polygonize(band, band.GetMaskBand(), out, 0, []) != 0:
        raise GuotuInputError(tr('The cells of raster layer "{layer}" could not be turned into polygons for the '
                                 'bottom lines: {error}').format(layer=raster.label, error=gdal.GetLastErrorMsg()))
    features = []
    for cell in out:
        feature = QgsFeature(layer.fields())
        feature.setAttributes([cell.GetField(0)])
        geometry = QgsGeometry()
        geometry.fromWkb(bytes(cell.GetGeometryRef().ExportToIsoWkb()))
        geometry.convertToMultiType()
        feature.setGeometry(geometry)
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    return layer


def feed_lines(voucher: Voucher, zones: QgsFeatureSource, zone_id_field: str,
               base: Tuple[QgsFeatureSource, str, str], target: Tuple[QgsFeatureSource, str, str],
               lines: Dict[str, QgsFeatureSource], mask: Optional[QgsFeatureSource],
               area_method, invalid, transform_context: QgsCoordinateTransformContext,
               feedback: Optional[QgsFeedback] = None) -> List[Violation]:
    """Runs the overlay of base and target (source, class field, system) cut by the zones and
    the lines, hands every piece inside a line to the account and returns the violations."""
    if set(lines) != {REDLINE, FARMLAND}:
        raise GuotuInputError(tr("The bottom lines need the ecological red line and the permanent farmland."))
    for land in (base, target):
        if land[0] is None:
            raise GuotuInputError(tr("The bottom lines need land use as polygons with a class field; a raster "
                                     "cannot be cut by the lines."))
    cut_zones, cut_field = _zones_less_mask(zones, zone_id_field, mask, transform_context)
    violations: List[Violation] = []

    def on_piece(piece: ConversionPiece) -> None:
        line = LINE_INDEX.get(piece.line)
        if line is None or not piece.zone_id:
            return
        dm = voucher.add_line_piece(piece.zone_id, line, piece.from_code, piece.to_code, piece.area_ha)
        if line == 0 and dm < 0:
            geometry = QgsGeometry()
            geometry.fromWkb(piece.wkb)
            geometry.convertToMultiType()
            violations.append(Violation(piece.zone_id, piece.from_code, piece.to_code, piece.area_ha, dm,
                                        piece.before_fid, piece.after_fid, geometry))

    request = ConversionRequest(before=ConversionLand(*base), after=ConversionLand(*target), zones=cut_zones,
                                zone_id_field=cut_field, area_method=area_method, invalid=invalid,
                                lines=dict(lines))
    run_conversion(request, transform_context, feedback, on_piece=on_piece)
    return violations
