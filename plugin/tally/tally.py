"""Area of each land-use class inside each zone, from QGIS inputs.

This module reads QGIS feature sources and rasters, validates them, puts the
geometries into one CRS and hands them to libguotu's tally. The core does all
geometry and area work; nothing here computes an area.

CRS rule: with vector land use everything is reprojected into the zones' CRS;
with raster land use the zones and mask go into the raster's CRS instead, so
that cells are never resampled.
"""

from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Dict, Iterator, List, Optional, Tuple, Union

from qgis.core import (QgsCoordinateReferenceSystem, QgsCoordinateTransformContext, QgsFeature, QgsFeatureSource,
                       QgsFeedback, QgsRectangle)

from ..i18n import tr
from ..inputs.conversions import code_from_value, crs_for_core, geometry_wkb, is_null
from ..binding.errors import GuotuInputError
from ..inputs.feature_reading import geometry_in_target, read_features, source_label, transform_to
from ..binding.area_native import AreaCalculator
from ..binding.native import AreaMethod, Context, InvalidPolicy, RasterMode
from ..binding.tally_native import Tally, TallyRow
from ..inputs.progress import PhasedProgress
from ..inputs.raster_blocks import CategoricalRaster, RasterWindow
from ..inputs.validation import require_field, require_metric_crs, require_polygon_source, require_valid_crs
from .area_check import AreaCheckRequest, AreaCheckResult, AreaChecker

# Share of the progress bar per phase (percent); land use dominates the run time.
_ZONES = (0.0, 10.0)
_MASK = (10.0, 15.0)
_PREPARE = (15.0, 20.0)
_LANDUSE = (20.0, 97.0)
_FINISH = (97.0, 100.0)


@dataclass
class TallyRequest:
    """Inputs of one tally. Exactly one of ``landuse`` / ``raster`` is set."""
    zones: QgsFeatureSource
    zone_id_field: str
    landuse: Optional[QgsFeatureSource] = None
    class_field: Optional[str] = None
    raster: Optional[CategoricalRaster] = None
    mask: Optional[QgsFeatureSource] = None
    area_method: AreaMethod = AreaMethod.ELLIPSOIDAL
    invalid: InvalidPolicy = InvalidPolicy.REPAIR
    raster_mode: RasterMode = RasterMode.EXACT
    # 田坎 deduction: the land use's coefficient field (KCXS of a 三调 layer); None for none.
    deduction_field: Optional[str] = None
    deducted_class: str = "1203"
    # The area check against the official area (三调 TBMJ), vector land use only; None for none.
    area_check: Optional[AreaCheckRequest] = None
    # Vector land use without classes: every feature counts as class "" (the area of a layer,
    # e.g. permanent farmland, inside each zone); class_field is then not used.
    whole_area: bool = False
    # Vector land use: None, the tally is in the zones' CRS; else the CRS everything is read in (the
    # Gauss-Krüger zone a run chose for geographic data, SPEC §8).
    work_crs: Optional[QgsCoordinateReferenceSystem] = None


@dataclass
class TallyResult:
    rows: List[TallyRow]                      # (zone_id, class_code, area_ha), core's order
    stats: Dict[str, Union[int, float]]       # guotu_tally_stats as a dict
    crs: QgsCoordinateReferenceSystem         # CRS the areas were computed in
    area_description: str                     # e.g. "ellipsoidal on CGCS2000 (...)"
    skipped_landuse: int = 0                  # land-use features without geometry
    skipped_mask: int = 0
    raster_window: Optional[RasterWindow] = None
    zone_overlaps: List[Tuple[str, str, float]] = field(default_factory=list)  # (zone a, zone b, ha), largest first
    area_check: Optional[AreaCheckResult] = None  # when asked for


class TallyRun:
    """State of one run_tally call; one method per phase."""

    def __init__(self, request: TallyRequest, transform_context: QgsCoordinateTransformContext,
                 progress: PhasedProgress) -> None:
        self.request = request
        self.transform_context = transform_context
        self.progress = progress
        self.zones_label = source_label(request.zones)
        self.landuse_label = (request.raster.label if request.raster is not None
                              else source_label(request.landuse) if request.landuse is not None else "")
        self.mask_label = source_label(request.mask) if request.mask is not None else ""
        self.zone_index, self.class_index = self._validate()
        self.deduction_index = (require_field(request.landuse, request.deduction_field, self.landuse_label)
                                if request.landuse is not None and request.deduction_field else -1)
        self.crs = request.raster.crs if request.raster is not None else \
            request.work_crs if request.work_crs is not None else request.zones.sourceCrs()
        self.zones_bbox: Optional[QgsRectangle] = None
        self.checker: Optional[AreaChecker] = None

    def open_area_check(self, ctx: Context) -> Optional[AreaChecker]:
        """The area check's checker (the caller closes it), or None when not asked for."""
        r = self.request
        if r.area_check is None:
            return None
        if r.landuse is None:
            raise GuotuInputError(
                tr('The area check compares each parcel\'s area with its field "{field}", but the land use '
                   '"{layer}" is a raster: give a polygon layer, or leave the official area field empty.')
                .format(field=r.area_check.field, layer=self.landuse_label))
        self.checker = AreaChecker(ctx, r.landuse, r.area_check, self.landuse_label)
        return self.checker

    def _validate(self) -> Tuple[int, int]:
        r = self.request
        if (r.landuse is None) == (r.raster is None):
            raise GuotuInputError(
                tr("Give exactly one land-use input: a polygon layer or a raster layer."))
        require_polygon_source(r.zones, self.zones_label)
        require_valid_crs(r.zones.sourceCrs(), self.zones_label)
        zone_index = require_field(r.zones, r.zone_id_field, self.zones_label)
        class_index = -1
        if r.landuse is not None:
            require_polygon_source(r.landuse, self.landuse_label)
            require_valid_crs(r.landuse.sourceCrs(), self.landuse_label)
            if not r.class_field and not r.whole_area:
                raise GuotuInputError(
                    tr('Choose the land-use class field of layer "{layer}".').format(layer=self.landuse_label))
            if not r.whole_area:
                class_index = require_field(r.landuse, r.class_field, self.landuse_label)
        else:
            require_valid_crs(r.raster.crs, self.landuse_label)
        if r.mask is not None:
            require_polygon_source(r.mask, self.mask_label)
            require_valid_crs(r.mask.sourceCrs(), self.mask_label)
        target = r.raster.crs if r.raster is not None else r.work_crs if r.work_crs is not None else \
            r.zones.sourceCrs()
        if r.area_method == AreaMethod.PLANAR:
            require_metric_crs(target, self.landuse_label if r.raster is not None else self.zones_label)
        return zone_index, class_index

    def create_tally(self, ctx: Context) -> Tally:
        return Tally(ctx, crs_for_core(self.crs), area_method=self.request.area_method,
                     invalid=self.request.invalid, raster_mode=self.request.raster_mode,
                     zones_label=self.zones_label, landuse_label=self.landuse_label,
                     mask_label=self.mask_label)

    def add_zones(self, tally: Tally) -> None:
        r = self.request
        self.progress.phase(*_ZONES)
        transform = transform_to(r.zones.sourceCrs(), self.crs, self.transform_context)
        total = max(1, r.zones.featureCount())
        seen: Dict[str, int] = {}
        for n, feature in enumerate(read_features(r.zones, [self.zone_index])):
            self.progress.check_cancel()
            zone_id = code_from_value(feature.attribute(self.zone_index))
            if zone_id is None or not zone_id.strip():
                raise GuotuInputError(
                    tr('Feature {fid} of layer "{layer}" has an empty zone id in field "{field}"; '
                       'every zone needs an id.')
                    .format(fid=feature.id(), layer=self.zones_label, field=r.zone_id_field))
            if zone_id in seen:
                raise GuotuInputError(
                    tr('Features {first} and {second} of layer "{layer}" have the same zone id "{id}" '
                       'in field "{field}"; zone ids must be unique (dissolve the zones first).')
                    .format(first=seen[zone_id], second=feature.id(), layer=self.zones_label,
                            id=zone_id, field=r.zone_id_field))
            seen[zone_id] = feature.id()
            if not feature.hasGeometry() or feature.geometry().isEmpty():
                raise GuotuInputError(
                    tr('Feature {fid} of layer "{layer}" (zone "{id}") has no geometry.')
                    .format(fid=feature.id(), layer=self.zones_label, id=zone_id))
            geometry = geometry_in_target(feature, transform, self.zones_label)
            box = geometry.boundingBox()
            if self.zones_bbox is None:
                self.zones_bbox = QgsRectangle(box)
            else:
                self.zones_bbox.combineExtentWith(box)
            tally.add_zone(zone_id, feature.id(), geometry_wkb(geometry))
            self.progress.report((n + 1) / total)
        if not seen:
            raise GuotuInputError(
                tr('Layer "{layer}" has no zones (check its selection and filter).')
                .format(layer=self.zones_label))

    def add_mask(self, tally: Tally) -> int:
        mask = self.request.mask
        if mask is None:
            return 0
        self.progress.phase(*_MASK)
        transform = transform_to(mask.sourceCrs(), self.crs, self.transform_context)
        total = max(1, mask.featureCount())
        skipped = 0
        for n, feature in enumerate(read_features(mask, [])):
            self.progress.check_cancel()
            if not feature.hasGeometry() or feature.geometry().isEmpty():
                skipped += 1
                continue
            geometry = geometry_in_target(feature, transform, self.mask_label)
            tally.add_mask(feature.id(), geometry_wkb(geometry))
            self.progress.report((n + 1) / total)
        return skipped

    def prepare(self, tally: Tally) -> None:
        self.progress.phase(*_PREPARE)
        tally.prepare()

    def add_landuse_features(self, tally: Tally) -> int:
        landuse = self.request.landuse
        self.progress.phase(*_LANDUSE)
        transform = transform_to(landuse.sourceCrs(), self.crs, self.transform_context)
        total = landuse.featureCount()
        if total > 0:
            tally.set_expected(total)
        skipped = 0
        checker = self.checker
        attributes = [i for i in (self.class_index, self.deduction_index) if i >= 0]
        if checker is not None:
            attributes = sorted(set(attributes + checker.attributes()))
        # Every feature is read (whole, with geometry): every parcel is checked, and a read that
        # ends short of the layer's count is found (a damaged file, never a shorter layer).
        for n, feature in enumerate(read_features(landuse, attributes)):
            self.progress.check_cancel()
            class_code = code_from_value(feature.attribute(self.class_index)) if self.class_index >= 0 else ""
            if checker is not None:
                checker.check(feature, class_code)  # measured as read, before any reprojection
            if not feature.hasGeometry() or feature.geometry().isEmpty():
                skipped += 1
                continue
            geometry = geometry_in_target(feature, transform, self.landuse_label)
            tally.add_landuse(class_code, feature.id(), geometry_wkb(geometry), self.request.deducted_class,
                              self._deducted_share(feature))
            self.progress.report((n + 1) / max(1, total))
        return skipped

    def _deducted_share(self, feature: QgsFeature) -> float:
        """The feature's 田坎 coefficient (0 when there is no deduction or the value is empty)."""
        if self.deduction_index < 0:
            return 0.0
        value = feature.attribute(self.deduction_index)
        if is_null(value) or (isinstance(value, str) and not value.strip()):
            return 0.0
        try:
            return float(value)
        except (TypeError, ValueError):
            raise GuotuInputError(
                tr('Feature {fid} of layer "{layer}": the deduction coefficient field "{field}" is "{value}"; a '
                   'number is needed.').format(fid=feature.id(), layer=self.landuse_label,
                                               field=self.request.deduction_field, value=value)) from None

    def add_landuse_raster(self, tally: Tally) -> Optional[RasterWindow]:
        raster = self.request.raster
        self.progress.phase(*_LANDUSE)
        window = raster.window_covering(self.zones_bbox)
        if window is None:
            return None
        tally.set_raster(window.geotransform, window.width, window.height, raster.nodata)
        total = raster.block_count(window)
        for n, (row0, col0, values) in enumerate(raster.blocks(window)):
            self.progress.check_cancel()
            tally.add_raster_block(row0, col0, values)
            self.progress.report((n + 1) / total)
        return window

    def finish(self, tally: Tally) -> None:
        self.progress.phase(*_FINISH)
        tally.finish()
        self.progress.report(1.0)


@contextmanager
def finished_tally(ctx: Context, request: TallyRequest, transform_context: QgsCoordinateTransformContext,
                   progress: PhasedProgress) -> Iterator[Tuple[Tally, TallyResult]]:
    """Runs one tally on ``ctx`` and yields the finished, still open Tally with its
    result, for callers that hand the tally itself to the core (the voucher account).
    The tally is destroyed when the ``with`` block ends. ``progress`` receives the
    core's reports too (the context's progress callback is set to it)."""
    run = TallyRun(request, transform_context, progress)
    ctx.set_progress(progress.native_callback)
    with AreaCalculator(ctx, crs_for_core(run.crs), request.area_method) as calc:
        description = calc.describe()
    checker = run.open_area_check(ctx)
    try:
        with run.create_tally(ctx) as tally:
            run.add_zones(tally)
            skipped_mask = run.add_mask(tally)
            run.prepare(tally)
            window: Optional[RasterWindow] = None
            skipped_landuse = 0
            if request.raster is not None:
                window = run.add_landuse_raster(tally)
            else:
                skipped_landuse = run.add_landuse_features(tally)
            run.finish(tally)
            yield tally, TallyResult(rows=tally.results(), stats=tally.stats(), crs=run.crs,
                                     area_description=description, skipped_landuse=skipped_landuse,
                                     skipped_mask=skipped_mask, raster_window=window,
                                     zone_overlaps=tally.zone_overlaps(),
                                     area_check=checker.result if checker is not None else None)
    finally:
        if checker is not None:
            checker.close()


def run_tally(request: TallyRequest, transform_context: QgsCoordinateTransformContext,
              feedback: Optional[QgsFeedback] = None) -> TallyResult:
    """Runs one tally; raises GuotuInputError, GuotuError or GuotuCancelled."""
    progress = PhasedProgress(feedback)
    with Context() as ctx:
        with finished_tally(ctx, request, transform_context, progress) as (_tally, result):
            return result
