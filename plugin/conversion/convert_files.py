"""The land-use conversion read by the core from the files behind the layers.

When every input is a layer backed by a file that holds exactly what the user sees — an
OGR layer of a GeoPackage, File Geodatabase or other file, with no unsaved edits, no
selection-only run, no feature limit and all in one CRS — the core's I/O library reads the
files itself, overlays on all CPUs and writes the GeoPackage (libguotu_io's
guotu_convert_job_run): the same result as reading features one by one through QGIS,
without a feature passing through Python. A layer's subset string (its filter) goes with
it, and so does a shapefile's text encoding as QGIS reads it (shapefiles in different
encodings go through QGIS). Anything else — unsaved edits, a selection, a PostGIS or memory
layer, layers in different CRSs — is read through QGIS as before (convert.py); the reason
goes to the log.
"""

import os
from contextlib import ExitStack
from dataclasses import dataclass
from typing import Any, List, Optional, Tuple

from qgis.core import (QgsCoordinateTransformContext, QgsFeedback, QgsProcessingFeatureSourceDefinition,
                       QgsProviderRegistry, QgsVectorLayer)

from ..compat import FIELD_ORIGIN_PROVIDER
from ..binding.io_native import ConvertFileJob, LayerFile, io_library, run_convert_job
from ..binding.native import AreaCalculator, Context
from ..i18n import tr
from ..inputs.progress import PhasedProgress
from ..paths import resources_dir
from .convert import ConversionRequest, ConversionResult, ConversionRun, LineRow, crs_for_core

# Drivers whose files hold the text QGIS shows (no encoding override as with shapefiles).
FILE_DRIVERS = ("GPKG", "OpenFileGDB", "FileGDB", "SQLite", "GeoJSON", "FlatGeobuf", "GML", "KML", "MapInfo File",
                "ESRI Shapefile")
SHAPEFILE = "ESRI Shapefile"  # its text encoding is QGIS's choice (.cpg, or the layer's setting)


@dataclass
class FileInput:
    role: str
    layer: Optional[QgsVectorLayer]
    value: Any  # the parameter value (a layer, a source definition …)


def _role(role: str) -> str:
    return {"before": tr("the before layer"), "after": tr("the after layer"), "zones": tr("the zones")}.get(role, role)


def _layer_file(item: FileInput, field: Optional[str]) -> Tuple[Optional[LayerFile], str]:
    """The file behind one input, or None and why it must be read through QGIS."""
    layer, value = item.layer, item.value
    role = _role(item.role)
    if layer is None or not isinstance(layer, QgsVectorLayer):
        return None, tr("{role}: not a layer of this project or a file").format(role=role)
    if isinstance(value, QgsProcessingFeatureSourceDefinition):
        if value.selectedFeaturesOnly:
            return None, tr("{role}: selected features only").format(role=role)
        if getattr(value, "featureLimit", -1) not in (-1, None):
            return None, tr("{role}: a feature limit").format(role=role)
        if value.flags & QgsProcessingFeatureSourceDefinition.FlagOverrideDefaultGeometryCheck:
            return None, tr("{role}: its own geometry check").format(role=role)
    if layer.providerType() != "ogr":
        return None, tr("{role}: a {provider} layer").format(role=role, provider=layer.providerType())
    if layer.isModified():
        return None, tr("{role}: unsaved edits").format(role=role)
    storage = layer.dataProvider().storageType()
    if storage not in FILE_DRIVERS:
        return None, tr("{role}: a {format} file").format(role=role, format=storage or "?")
    parts = QgsProviderRegistry.instance().decodeUri("ogr", layer.source())
    path = parts.get("path") or ""
    if not os.path.exists(path):
        return None, tr("{role}: no file").format(role=role)
    subset = layer.subsetString().strip()
    if subset.lower().startswith("select"):
        return None, tr("{role}: an SQL query as filter").format(role=role)
    layer_name = parts.get("layerName") or None
    if layer_name is None and parts.get("layerId") not in (None, 0, "0"):
        return None, tr("{role}: a layer chosen by number").format(role=role)
    # The core reads what the file says: a CRS the user set on the layer in QGIS, or a field
    # that QGIS adds (an expression, a join), is not in it.
    if layer.crs() != layer.dataProvider().crs():
        return None, tr("{role}: a CRS set in QGIS, not the file's").format(role=role)
    index = layer.fields().lookupField(field) if field else -1
    if field and (index < 0 or layer.fields().fieldOrigin(index) != FIELD_ORIGIN_PROVIDER):
        return None, tr("{role}: the field {field} is not in the file (an expression or a join)").format(
            role=role, field=field)
    return LayerFile(path, layer_name, subset or None, field), ""


def shapefile_encoding(inputs: List[FileInput]) -> Tuple[Optional[str], bool]:
    """(the text encoding QGIS reads the shapefile inputs with, or None without shapefiles;
    whether they agree — the core's run takes one encoding for all)."""
    encodings = {item.layer.dataProvider().encoding() for item in inputs
                 if isinstance(item.layer, QgsVectorLayer) and item.layer.providerType() == "ogr"
                 and item.layer.dataProvider().storageType() == SHAPEFILE}
    return (next(iter(encodings)) if encodings else None), len(encodings) <= 1


def files_of(request: ConversionRequest, inputs: List[FileInput]) -> Tuple[Optional[List[LayerFile]], str]:
    """The files of before, after (and zones) when the core can read them all itself; else
    None and the reason (for the log)."""
    _encoding, agree = shapefile_encoding(inputs)
    if not agree:
        return None, tr("shapefiles in different text encodings")
    fields = {"before": request.before.class_field, "after": request.after.class_field,
              "zones": request.zone_id_field}
    files: List[LayerFile] = []
    crs = request.before.source.sourceCrs()
    for item in inputs:
        source = {"before": request.before.source, "after": request.after.source, "zones": request.zones}[item.role]
        if source is not None and source.sourceCrs() != crs:
            return None, tr("{role}: another CRS than the before layer").format(role=_role(item.role))
        found, why = _layer_file(item, fields[item.role])
        if found is None:
            return None, why
        files.append(found)
    return files, ""


def run_conversion_files(request: ConversionRequest, files: List[LayerFile], workspace: Optional[str], output: str,
                         transform_context: QgsCoordinateTransformContext,
                         feedback: Optional[QgsFeedback] = None,
                         encoding: Optional[str] = None) -> Optional[ConversionResult]:
    """Runs the conversion with the core reading ``files`` (before, after, [zones]) and the
    three-lines ``workspace`` (a GeoPackage, or None) and writing ``output`` (a new GeoPackage: conversions, transitions, status_summary,
    unknown_codes, line_summary). None when the I/O library is not there (read through QGIS
    instead). Raises as run_conversion does; nothing is written on failure or cancel."""
    progress = PhasedProgress(feedback)
    run = ConversionRun(request, transform_context, progress)  # the same checks and messages as reading through QGIS
    with Context() as ctx, ExitStack() as stack:
        lib = io_library(ctx)
        if lib is None:
            return None
        with AreaCalculator(ctx, crs_for_core(run.crs), request.area_method) as calc:
            description = calc.describe()
        # Parsed here first for the messages naming file and line; the run reads the same files.
        _tables, tables = run.load_tables(ctx, stack)
        progress.phase(5.0, 100.0)
        ctx.set_progress(progress.native_callback)
        job = ConvertFileJob(
            before=files[0], before_system=request.before.system, after=files[1],
            after_system=request.after.system, output=output, zones=files[2] if len(files) > 2 else None,
            workspace=workspace, before_categories=tables["before_categories"],
            after_categories=tables["after_categories"], before_coefficients=tables["before_coefficients"],
            after_coefficients=tables["after_coefficients"], policy=tables["policy"],
            resources=str(resources_dir()), area_method=int(request.area_method), invalid=int(request.invalid),
            encoding=encoding)
        found = run_convert_job(ctx, lib, job, note=feedback.pushInfo if feedback is not None else None)
    transitions = [(t.zone_id, "category", t.from_class, t.to_class, t.status, t.area_ha, t.dm_ha)
                   for t in found.category_rows]
    transitions += [(t.zone_id, "code", t.from_class, t.to_class, t.status, t.area_ha, t.dm_ha)
                    for t in found.code_rows]
    lines: List[LineRow] = [(row.zone_id, row.line, row.status, row.area_ha) for row in found.line_rows]
    return ConversionResult(
        transitions=transitions, statuses=[(s.zone_id, s.status, s.area_ha) for s in found.status_rows],
        unknown=[(u.code, "after" if u.side else "before", u.area_ha) for u in found.unknown_rows],
        stats=found.stats, crs=run.crs, area_description=description, tables=tables, lines=lines)
