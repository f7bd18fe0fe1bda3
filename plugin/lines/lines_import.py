"""Import the three lines as delivered into a new three-lines workspace.

Planning results arrive as separate layers in their own field names (生态保护红线, 永久基本农田,
城镇开发边界, the admin units with their targets). The checks take them as they are; to draw,
review and keep exceptions a planner wants them in a workspace. This copies each given layer
into the workspace layer of its role, its fields mapped onto the workspace's (a field left
unmapped stays empty; nothing is guessed), reprojected to the workspace CRS, and keeps the
originals: every imported feature records its source layer, feature id and all its source
attributes (src_layer, src_fid, src_attrs as JSON). The fields the tool fills are filled as
drawing would fill them: area_ha and area_mu by the core (ellipsoidal in the workspace CRS),
admin_code from the imported admin unit holding the feature's point on surface.
"""

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, Optional

from osgeo import ogr
from qgis.core import (QgsCoordinateReferenceSystem, QgsCoordinateTransformContext, QgsFeatureSource, QgsFeedback,
                       QgsGeometry, QgsSpatialIndex)

from ..binding.errors import GuotuInputError
from ..binding.area_native import AreaCalculator
from ..binding.native import AreaMethod, Context
from ..i18n import tr
from ..inputs.conversions import crs_for_core, geometry_wkb, is_null
from ..inputs.feature_reading import geometry_in_target, read_features, source_label, transform_to
from ..inputs.progress import PhasedProgress
from ..inputs.metric_zone import choose_work_zone
from ..inputs.validation import require_field, require_polygon_source, require_valid_crs
from .lines_workspace import ADMIN_LAYER, create_workspace, read_schema

# Columns added to every imported layer: where each feature came from.
SOURCE_COLUMNS = (("src_layer", ogr.OFTString), ("src_fid", ogr.OFTInteger64), ("src_attrs", ogr.OFTString))
ADMIN_CODE = "xzqdm"
IMPORT_ORDER = (ADMIN_LAYER, "ecological_redline", "permanent_farmland", "urban_boundary", "eco_units")


@dataclass
class ImportSource:
    source: QgsFeatureSource
    mapping: Dict[str, str] = field(default_factory=dict)  # workspace field -> the source's field


@dataclass
class ImportRequest:
    crs: QgsCoordinateReferenceSystem
    sources: Dict[str, ImportSource]  # workspace layer -> what goes into it


def _json_value(value: Any) -> Any:
    if is_null(value):
        return None
    if isinstance(value, (int, float, str, bool)):
        return value
    return str(value)


class _Importer:
    def __init__(self, request: ImportRequest, transform_context: QgsCoordinateTransformContext,
                 progress: PhasedProgress, ctx: Context) -> None:
        self.request = request
        self.transform_context = transform_context
        self.progress = progress
        self.schema = {layer.name: layer for layer in read_schema()}
        self.calc = AreaCalculator(ctx, crs_for_core(request.crs), AreaMethod.ELLIPSOIDAL)
        self.admin_index = QgsSpatialIndex()
        self.admin_codes: Dict[int, str] = {}
        self.admin_shapes: Dict[int, QgsGeometry] = {}
        self.counts: Dict[str, int] = {}
        self._validate()

    def _validate(self) -> None:
        for name, item in self.request.sources.items():
            label = source_label(item.source)
            require_polygon_source(item.source, label)
            require_valid_crs(item.source.sourceCrs(), label)
            known = {f.name for f in self.schema[name].fields}
            for target, source_field in item.mapping.items():
                if target not in known:
                    raise GuotuInputError(tr('The workspace layer "{layer}" has no field "{field}".').format(
                        layer=name, field=target))
                require_field(item.source, source_field, label)

    def fill(self, path: Path) -> None:
        ds = ogr.Open(str(path), 1)
        if ds is None:
            raise GuotuInputError(tr('Cannot open "{path}" to import into it.').format(path=path))
        try:
            names = [n for n in IMPORT_ORDER if n in self.request.sources]
            for k, name in enumerate(names):
                self.progress.phase(100.0 * k / len(names), 100.0 * (k + 1) / len(names))
                self._copy(ds.GetLayerByName(name), name, self.request.sources[name])
        finally:
            ds = None

    def _copy(self, layer: ogr.Layer, name: str, item: ImportSource) -> None:
        for column, kind in SOURCE_COLUMNS:
            layer.CreateField(ogr.FieldDefn(column, kind))
        defn = layer.GetLayerDefn()
        source = item.source
        label = source_label(source)
        fields = source.fields()
        transform = transform_to(source.sourceCrs(), self.request.crs, self.transform_context)
        types = {f.name: f.type for f in self.schema[name].fields}
        tool_fields = {f.name for f in self.schema[name].fields if f.filled_by == "tool"}
        total = max(1, source.featureCount())
        count = 0
        layer.StartTransaction()
        for n, feature in enumerate(read_features(source, list(range(len(fields))))):
            self.progress.check_cancel()
            if not feature.hasGeometry() or feature.geometry().isEmpty():
                raise GuotuInputError(tr('Feature {fid} of layer "{layer}" has no geometry: it cannot be imported.')
                                      .format(fid=feature.id(), layer=label))
            geometry = geometry_in_target(feature, transform, label)
            geometry.convertToMultiType()
            out = ogr.Feature(defn)
            for target, source_field in item.mapping.items():
                value = feature.attribute(fields.indexOf(source_field))
                if not is_null(value):
                    out.SetField(target, self._typed(value, types[target], label, feature.id(), source_field))
            wkb = geometry_wkb(geometry)
            if "area_ha" in tool_fields:
                area_ha = self.calc.area_of_wkb(wkb) / 10000.0
                out.SetField("area_ha", area_ha)
                if "area_mu" in tool_fields:
                    out.SetField("area_mu", area_ha * 15.0)
            if "admin_code" in tool_fields and "admin_code" not in item.mapping:
                code = self._admin_of(geometry)
                if code is not None:
                    out.SetField("admin_code", code)
            out.SetField("src_layer", label)
            out.SetField("src_fid", int(feature.id()))
            out.SetField("src_attrs", json.dumps({f.name(): _json_value(feature.attribute(i))
                                                  for i, f in enumerate(fields)}, ensure_ascii=False))
            out.SetGeometry(ogr.CreateGeometryFromWkb(wkb))
            if layer.CreateFeature(out) != 0:
                raise GuotuInputError(tr('Cannot write feature {fid} of layer "{layer}" into the workspace.')
                                      .format(fid=feature.id(), layer=label))
            if name == ADMIN_LAYER:
                self._remember_admin(out.GetFID(), out.GetField(ADMIN_CODE), geometry)
            count += 1
            self.progress.report((n + 1) / total)
        layer.CommitTransaction()
        self.counts[name] = count

    @staticmethod
    def _typed(value: Any, kind: str, label: str, fid: int, source_field: str) -> Any:
        if kind == "text":
            return str(value)
        try:
            number = float(value)
        except (TypeError, ValueError):
            raise GuotuInputError(tr('Feature {fid} of layer "{layer}": field "{field}" is "{value}"; a number is '
                                     'needed.').format(fid=fid, layer=label, field=source_field, value=value)) from None
        return int(number) if kind == "integer" else number

    def _remember_admin(self, fid: int, code: Optional[str], geometry: QgsGeometry) -> None:
        if not code:
            return
        self.admin_codes[fid] = code
        self.admin_shapes[fid] = QgsGeometry(geometry)
        self.admin_index.addFeature(fid, geometry.boundingBox())

    def _admin_of(self, geometry: QgsGeometry) -> Optional[str]:
        point = geometry.pointOnSurface()
        for fid in self.admin_index.intersects(point.boundingBox()):
            if self.admin_shapes[fid].contains(point):
                return self.admin_codes[fid]
        return None


def import_workspace(path: Path, request: ImportRequest, transform_context: QgsCoordinateTransformContext,
                     feedback: Optional[QgsFeedback] = None) -> Dict[str, int]:
    """Creates the workspace ``path`` holding the given layers; returns the features imported per
    workspace layer. Raises GuotuInputError (naming layer, feature and field) or GuotuCancelled;
    nothing is left behind then."""
    if not request.sources:
        raise GuotuInputError(tr("Give at least one layer to import."))
    if ADMIN_LAYER in request.sources and ADMIN_CODE not in request.sources[ADMIN_LAYER].mapping:
        raise GuotuInputError(tr("Choose the admin units' code field: the checks find each unit by it."))
    progress = PhasedProgress(feedback)
    # A workspace is drawn in metres: asked for in degrees, it is made in the Gauss-Krüger zone of the
    # imported layers' centre (SPEC §8), as `guotu lines init --zone-from` does.
    zone = choose_work_zone(request.crs, [(item.source.sourceExtent(), item.source.sourceCrs())
                                          for item in request.sources.values()], transform_context,
                            ", ".join(source_label(item.source) for item in request.sources.values()))
    if zone is not None:
        request = ImportRequest(zone.crs, request.sources)
        if hasattr(progress.feedback, "pushInfo"):  # a processing feedback: the log says so
            progress.feedback.pushInfo(zone.message)
    with Context() as ctx:
        importer = _Importer(request, transform_context, progress, ctx)
        try:
            create_workspace(path, request.crs, importer.fill)
        finally:
            importer.calc.close()
    return importer.counts
