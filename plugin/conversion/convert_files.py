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

from contextlib import ExitStack
from typing import List, Optional, Tuple

from qgis.core import QgsCoordinateTransformContext, QgsFeedback

from ..binding.io_native import ConvertFileJob, LayerFile, io_library, run_convert_job
from ..inputs.layer_files import FileInput, layer_file, shapefile_encoding
from ..binding.area_native import AreaCalculator
from ..binding.native import Context
from ..i18n import tr
from ..inputs.progress import PhasedProgress
from ..paths import resources_dir
from .convert import ConversionRequest, ConversionResult, ConversionRun, LineRow, UnitNamer, crs_for_core


def _role(role: str) -> str:
    return {"before": tr("the before layer"), "after": tr("the after layer"), "zones": tr("the zones")}.get(role, role)


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
        found, why = layer_file(item, fields[item.role], _role(item.role))
        if found is None:
            return None, why
        if item.role == "before" and request.unit_code_field:
            unit_file, why = layer_file(item, request.unit_code_field, _role(item.role))
            if unit_file is None:
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
        namer = UnitNamer(request.unit_names)
        job = ConvertFileJob(
            before=files[0], before_system=request.before.system, after=files[1],
            after_system=request.after.system, output=output, zones=files[2] if len(files) > 2 else None,
            workspace=workspace, before_categories=tables["before_categories"],
            after_categories=tables["after_categories"], before_coefficients=tables["before_coefficients"],
            after_coefficients=tables["after_coefficients"], policy=tables["policy"],
            resources=str(resources_dir()), area_method=int(request.area_method), invalid=int(request.invalid),
            encoding=encoding, zone_code_field=request.unit_code_field, zone_code_length=request.unit_code_length,
            unit_name=namer if request.unit_names else None)
        found = run_convert_job(ctx, lib, job, note=feedback.pushInfo if feedback is not None else None)
    transitions = [(t.zone_id, "category", t.from_class, t.to_class, t.status, t.area_ha, t.dm_ha)
                   for t in found.category_rows]
    transitions += [(t.zone_id, "code", t.from_class, t.to_class, t.status, t.area_ha, t.dm_ha)
                    for t in found.code_rows]
    lines: List[LineRow] = [(row.zone_id, row.line, row.status, row.area_ha) for row in found.line_rows]
    return ConversionResult(
        transitions=transitions, statuses=[(s.zone_id, s.status, s.area_ha) for s in found.status_rows],
        unknown=[(u.code, "after" if u.side else "before", u.area_ha) for u in found.unknown_rows],
        stats=found.stats, crs=run.crs, area_description=description, tables=tables, lines=lines,
        unnamed_units=namer.unnamed)
