"""Transmission indicators of the catalogue's cross-city elements (SPEC §10) from QGIS
inputs, as `guotu framework indicators` computes them: per element, city part and border
strip — area, elevation and slope from a DEM layer, forest share from a land-use layer of
polygons or a raster of class values —
against the cities' thresholds, with the catalogue check in the same run.

The work CRS is the DEM's (else the elements' or the one given) and must be projected in
metres; elements and land use are read in it (reprojected where they are in another). The
output tables have the fields and rows of the CLI.
"""

import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple

import numpy as np

from qgis.core import (QgsCoordinateReferenceSystem, QgsCoordinateTransformContext, QgsFeatureSource, QgsFeedback,
                       QgsGeometry, QgsRasterLayer)

from ..binding.errors import GuotuInputError
from ..binding.frame_native import CityRow, Finding, Frame, FrameOptions, IndicatorFinding, IndicatorRow, declare
from ..binding.native import Context
from ..i18n import tr
from ..inputs.conversions import crs_for_core
from ..inputs.feature_reading import features_in_crs, text_value
from ..inputs.progress import PhasedProgress
from ..inputs.table_schemas import table_schema
from ..inputs.raster_blocks import CategoricalRaster, RasterWindow
from ..inputs.metric_zone import WorkZone, choose_work_zone
from ..inputs.validation import require_field, require_polygon_source, require_valid_crs
from .catalogue_check import CatalogueRequest, load_catalogue
from .dem_rows import DemRows, read_tiling

# Output tables: (name, kind, Chinese title) as resources/schemas declares them for the tool's
# writers too (element_indicators.csv, indicator_findings.csv).
INDICATOR_FIELDS: List[Tuple[str, str, str]] = [(c.name, c.kind, c.title_zh)
                                                 for c in table_schema("element_indicators").kept()]
IFINDING_FIELDS: List[Tuple[str, str, str]] = [(c.name, c.kind, c.title_zh)
                                                for c in table_schema("indicator_findings").kept()]
# The values the attribute functions give, in their order, put into the schema's.
_INDICATOR_ROW = table_schema("element_indicators").layout(
    ("element_id", "element_name", "element_type", "zone", "city_id", "other_city_id", "area_m2", "elevation_min",
     "elevation_mean", "elevation_max", "slope_mean", "slope_share", "forest_share", "dem_share"))[1]
_IFINDING_ROW = table_schema("indicator_findings").layout(
    ("kind", "element_id", "element_name", "element_type", "city_id", "other_city_id", "indicator", "value",
     "other_value", "min", "max", "other_min", "other_max", "message_zh", "message_en"))[1]


def indicator_finding_titles() -> Dict[str, str]:
    return {"outside_threshold": tr("Outside the city's threshold"),
            "threshold_missing": tr("City threshold missing"),
            "threshold_differs": tr("Thresholds differ across the border"),
            "value_jump": tr("Indicator jumps at the border"),
            "dem_incomplete": tr("DEM does not cover the part"),
            "landuse_incomplete": tr("Land-use raster does not cover the part")}


@dataclass
class IndicatorRequest:
    catalogue: CatalogueRequest
    thresholds_path: Optional[str] = None
    dem: Optional[QgsRasterLayer] = None
    landuse: Optional[QgsFeatureSource] = None
    landuse_code_field: Optional[str] = None
    landuse_raster: Optional[QgsRasterLayer] = None
    forest_codes: Optional[str] = None
    crs: Optional[QgsCoordinateReferenceSystem] = None
    options: FrameOptions = field(default_factory=FrameOptions)


@dataclass
class IndicatorResult:
    indicators: List[Tuple[IndicatorRow, QgsGeometry]]
    findings: List[Tuple[IndicatorFinding, QgsGeometry]]
    catalogue_findings: List[Tuple[Finding, QgsGeometry]]
    cities: List[CityRow]
    crs: QgsCoordinateReferenceSystem
    reprojected: List[str]
    counties: List[list] = field(default_factory=list)
    zone: Optional[WorkZone] = None  # geographic data: the Gauss-Krüger zone of the run

    def kind_counts(self) -> Dict[str, int]:
        counts = {kind: 0 for kind in indicator_finding_titles()}
        for f, _g in self.findings:
            counts[f.kind] = counts.get(f.kind, 0) + 1
        return counts


def _nan_none(value: float) -> Optional[float]:
    return None if value != value else value


def indicator_attributes(r: IndicatorRow) -> List[Any]:
    return _INDICATOR_ROW(
        [r.element_id, r.element_name, r.element_type, r.zone, r.city_id, r.other_city_id, r.area_m2] +
        [_nan_none(v) for v in (r.elevation_min, r.elevation_mean, r.elevation_max, r.slope_mean, r.slope_share,
                                r.forest_share, r.dem_share)])


def ifinding_attributes(f: IndicatorFinding) -> List[Any]:
    return _IFINDING_ROW(
        [f.kind, f.element_id, f.element_name, f.element_type, f.city_id, f.other_city_id, f.indicator] +
        [_nan_none(v) for v in (f.value, f.other_value, f.min, f.max, f.other_min, f.other_max)] +
        [f.message_zh, f.message_en])


def _geometry(wkb: bytes) -> QgsGeometry:
    geometry = QgsGeometry()
    if wkb:
        geometry.fromWkb(wkb)
        geometry.convertToMultiType()
    return geometry


def _warped_dem(layer: QgsRasterLayer, zone: QgsCoordinateReferenceSystem, folder: str) -> DemRows:
    """The DEM warped to ``zone`` as `guotu framework indicators` warps it (a GDAL virtual raster,
    bilinear, cells outside the DEM nodata), so that both read the same cells."""
    from osgeo import gdal

    source = layer.source().split("|", 1)[0]
    ds = gdal.Open(source) if layer.providerType() == "gdal" else None
    if ds is None:
        raise GuotuInputError(tr('The DEM "{layer}" is in {crs}, geographic, and is not a raster file GDAL can warp: '
                                 'warp it to {zone} first.').format(layer=layer.name(),
                                                                    crs=layer.crs().userFriendlyIdentifier(),
                                                                    zone=zone.authid()))
    band = ds.GetRasterBand(1)
    nodata = band.GetNoDataValue()
    path = str(Path(folder) / "dem_zone.vrt")
    warped = gdal.Warp(path, ds, format="VRT", dstSRS=zone.authid(), resampleAlg="bilinear",
                       dstNodata=nodata if nodata is not None else -32768.0)
    if warped is None:
        raise GuotuInputError(tr('The DEM "{layer}" cannot be warped to {zone}: {error}').format(
            layer=layer.name(), zone=zone.authid(), error=gdal.GetLastErrorMsg()))
    warped = None  # written: QGIS reads the file
    return DemRows.from_layer(QgsRasterLayer(path, layer.name(), "gdal"))


def _work_crs(request: IndicatorRequest, dem: Optional[DemRows], transform_context: QgsCoordinateTransformContext,
              folder: str) -> Tuple[QgsCoordinateReferenceSystem, Optional[DemRows], Optional[WorkZone]]:
    """The work CRS, the DEM in it and, for geographic data, the Gauss-Krüger zone chosen (as the CLI:
    from the elements', DEM's and land use's extents; a geographic DEM warped to it)."""
    elements = request.catalogue.elements
    crs = request.crs if request.crs is not None and request.crs.isValid() else \
        dem.crs if dem is not None else elements.sourceCrs()
    require_valid_crs(crs, request.catalogue.label("elements"))
    zone = None
    if crs.isGeographic():
        extents = [(elements.sourceExtent(), elements.sourceCrs())]
        if request.landuse is not None:
            extents.append((request.landuse.sourceExtent(), request.landuse.sourceCrs()))
        if request.dem is not None:
            extents.append((request.dem.extent(), request.dem.crs()))
        label = request.dem.name() if request.dem is not None and request.crs is None else \
            request.catalogue.label("elements")
        zone = choose_work_zone(crs, extents, transform_context, label)
        if zone is not None:
            crs = zone.crs
            if dem is not None and dem.crs.isGeographic():
                dem = _warped_dem(request.dem, zone.crs, folder)
    if dem is not None and dem.crs != crs:
        raise GuotuInputError(tr('The DEM "{layer}" is in {dem}, not the work CRS {crs}: warp it into that CRS '
                                 'first.').format(layer=dem.label, dem=dem.crs.userFriendlyIdentifier(),
                                                   crs=crs.userFriendlyIdentifier()))
    return crs, dem, zone


def run_indicator_check(request: IndicatorRequest, transform_context: QgsCoordinateTransformContext,
                        feedback: Optional[QgsFeedback] = None) -> IndicatorResult:
    """Runs the check; raises GuotuInputError, GuotuError or GuotuCancelled."""
    progress = PhasedProgress(feedback)
    cat = request.catalogue
    label = cat.label("elements")
    require_polygon_source(cat.elements, label)
    fields = [require_field(cat.elements, cat.city_field, label), require_field(cat.elements, cat.element_field, label)]
    if cat.name_field:
        fields.append(require_field(cat.elements, cat.name_field, label))
    code_idx = -1
    if request.landuse is not None:
        require_polygon_source(request.landuse, cat.label("landuse"))
        code_idx = require_field(request.landuse, request.landuse_code_field or "", cat.label("landuse"))
    if request.landuse is not None and request.landuse_raster is not None:
        raise GuotuInputError(tr("Give the land use as polygons or as a raster, not both."))
    dem = DemRows.from_layer(request.dem) if request.dem is not None else None
    with tempfile.TemporaryDirectory(prefix="guotu_dem_") as folder:
        crs, dem, zone = _work_crs(request, dem, transform_context, folder)
        result = _run(request, transform_context, progress, dem, crs, fields, code_idx, label)
    result.zone = zone
    return result


def _run(request: IndicatorRequest, transform_context: QgsCoordinateTransformContext, progress: PhasedProgress,
         dem: Optional[DemRows], crs: QgsCoordinateReferenceSystem, fields: List[int], code_idx: int,
         label: str) -> IndicatorResult:
    cat = request.catalogue
    landuse_raster = None
    if request.landuse_raster is not None:
        landuse_raster = CategoricalRaster.from_layer(request.landuse_raster)
        if landuse_raster.crs != crs:
            raise GuotuInputError(tr('The land-use raster "{layer}" is in {raster}, not the work CRS {crs}: warp it '
                                     'into that CRS first (nearest neighbour; class rasters are not resampled '
                                     'here).').format(layer=landuse_raster.label,
                                                      raster=landuse_raster.crs.userFriendlyIdentifier(),
                                                      crs=crs.userFriendlyIdentifier()))
    reprojected: List[str] = []
    findings: List[Tuple[IndicatorFinding, QgsGeometry]] = []
    catalogue_findings: List[Tuple[Finding, QgsGeometry]] = []
    with Context() as ctx:
        declare(ctx.lib)
        ctx.set_progress(progress.native_callback)
        with Frame(ctx) as frame:
            load_catalogue(frame, cat)
            if request.thresholds_path:
                path = Path(request.thresholds_path)
                try:
                    text = path.read_bytes()
                except OSError as e:
                    raise GuotuInputError(tr('The thresholds "{path}" cannot be read: {error}').format(
                        path=str(path), error=e.strerror or str(e))) from e
                frame.load_thresholds(text, str(path))
            if request.forest_codes:
                frame.set_forest_codes(request.forest_codes)
            frame.set_options(crs_for_core(crs), request.options)
            progress.phase(0.0, 10.0)
            for feature, wkb in features_in_crs(cat.elements, crs, transform_context, label, fields, progress,
                                                reprojected):
                name = text_value(feature.attribute(fields[2])) if len(fields) > 2 else ""
                frame.add_submission(text_value(feature.attribute(fields[0])),
                                     text_value(feature.attribute(fields[1])), name, feature.id(), wkb)
            frame.check_catalogue(lambda f: catalogue_findings.append((f, _geometry(f.wkb))))
            cities = frame.cities()
            counties = frame.counties()
            progress.phase(10.0, 30.0)
            frame.prepare()
            if dem is not None:
                progress.phase(30.0, 80.0)
                row0, row1 = frame.set_dem(dem.geotransform, dem.columns, dem.rows)
                for r, n, values in dem.bands(row0, row1, frame.dem_columns_needed):
                    progress.check_cancel()
                    frame.add_dem_rows(r, n, values)
            if request.landuse is not None:
                progress.phase(80.0, 95.0)
                for feature, wkb in features_in_crs(request.landuse, crs, transform_context, cat.label("landuse"),
                                                    [code_idx], progress, reprojected):
                    frame.add_landuse(text_value(feature.attribute(code_idx)), feature.id(), wkb)
            if landuse_raster is not None:
                progress.phase(80.0, 95.0)
                window = RasterWindow(0, 0, landuse_raster.columns, landuse_raster.rows,
                                      (landuse_raster.x0, landuse_raster.xres, 0.0, landuse_raster.y0, 0.0,
                                       -landuse_raster.yres))
                frame.set_landuse_grid(window.geotransform, window.width, window.height, landuse_raster.nodata)
                # Only the blocks the elements meet are read (as the CLI does).
                tiling = read_tiling(landuse_raster.provider, landuse_raster.columns, landuse_raster.rows)
                for r, c, nrows, ncols in frame.landuse_windows_needed(*tiling):
                    progress.check_cancel()
                    frame.add_landuse_block(r, c, np.ascontiguousarray(landuse_raster.read(r, c, nrows, ncols)))
            progress.phase(95.0, 100.0)
            frame.finish(lambda f: findings.append((f, _geometry(f.wkb))))
            indicators = [(row, _geometry(row.wkb)) for row in frame.indicators()]
    progress.report(1.0)
    return IndicatorResult(indicators, findings, catalogue_findings, cities, crs, sorted(set(reprojected)), counties)


def summary_lines(result: IndicatorResult) -> List[str]:
    titles = indicator_finding_titles()
    out = [tr("{zones} zones (elements, city parts, border strips); findings: {detail}.").format(
        zones=len(result.indicators),
        detail=", ".join(f"{titles[k]} {n}" for k, n in result.kind_counts().items()))]
    if result.reprojected:
        out.append(tr("Reprojected into {crs}: {layers}.").format(crs=result.crs.userFriendlyIdentifier(),
                                                               layers=", ".join(result.reprojected)))
    if result.zone is not None:
        out.append(result.zone.message)
    return out
