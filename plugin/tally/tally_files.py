"""Area by zone and class with the core reading the files behind the layers.

When the zones, the polygon land use (and the mask) are layers backed by files holding what
the user sees (inputs/layer_files.py), libguotu_io's guotu_tally_job_run reads them itself:
the same tally as reading features one by one through QGIS (tally.py), without a feature
passing through Python. The same checks run first (TallyRun), so the messages are the same;
the area check's findings come back from the core as they are found. Anything else — a
raster, a selection, unsaved edits, a PostGIS layer — is read through QGIS; the reason goes
to the log.
"""

from dataclasses import dataclass
from typing import List, Optional, Tuple

from qgis.core import QgsCoordinateTransformContext, QgsFeedback

from ..binding.io_native import AreaFindingRow, LayerFile, TallyFileJob, io_library, run_tally_job
from ..binding.area_native import AreaCalculator
from ..binding.native import Context
from ..binding.tally_native import Tally
from ..i18n import tr
from ..inputs.conversions import crs_for_core
from ..inputs.layer_files import FileInput, layer_file, shapefile_encoding
from ..inputs.progress import PhasedProgress
from .area_check import AreaCheckResult, AreaFinding
from .tally import TallyRequest, TallyResult, TallyRun


@dataclass
class TallyFiles:
    zones: LayerFile
    landuse: LayerFile
    mask: Optional[LayerFile]
    encoding: Optional[str]  # the shapefiles' text encoding as QGIS reads them; None without shapefiles


def _role(role: str) -> str:
    return {"zones": tr("the zones"), "landuse": tr("the land use"), "mask": tr("the mask")}.get(role, role)


def tally_files_of(request: TallyRequest, inputs: List[FileInput]) -> Tuple[Optional[TallyFiles], str]:
    """The files of the zones, land use (and mask) when the core can read them itself; else
    None and the reason (for the log)."""
    if request.raster is not None or request.landuse is None:
        return None, tr("the land use is a raster")
    encoding, agree = shapefile_encoding(inputs)
    if not agree:
        return None, tr("shapefiles in different text encodings")
    fields = {"zones": request.zone_id_field, "landuse": request.class_field, "mask": None}
    sources = {"zones": request.zones, "landuse": request.landuse, "mask": request.mask}
    found = {}
    for item in inputs:
        # One CRS, as for the conversion: QGIS reprojects with the project's datum transformations,
        # which the core does not know.
        source = sources[item.role]
        if source is not None and source.sourceCrs() != request.zones.sourceCrs():
            return None, tr("{role}: another CRS than the zones").format(role=_role(item.role))
        file, why = layer_file(item, fields[item.role], _role(item.role))
        if file is None:
            return None, why
        found[item.role] = file
    if request.deduction_field and not _in_file(inputs, "landuse", request.deduction_field):
        return None, tr("{role}: the field {field} is not in the file (an expression or a join)").format(
            role=_role("landuse"), field=request.deduction_field)
    if request.area_check is not None and not _in_file(inputs, "landuse", request.area_check.field):
        return None, tr("{role}: the field {field} is not in the file (an expression or a join)").format(
            role=_role("landuse"), field=request.area_check.field)
    return TallyFiles(found["zones"], found["landuse"], found.get("mask"), encoding), ""


def _in_file(inputs: List[FileInput], role: str, field: str) -> bool:
    """Whether ``field`` of the input is one of its file's own (not added by QGIS)."""
    item = next(i for i in inputs if i.role == role)
    file, _why = layer_file(item, field, role)
    return file is not None


def run_tally_files(request: TallyRequest, files: TallyFiles, transform_context: QgsCoordinateTransformContext,
                    feedback: Optional[QgsFeedback] = None) -> Optional[TallyResult]:
    """Runs the tally with the core reading ``files``; None when the I/O library is not there
    (read through QGIS instead). Raises as run_tally does."""
    progress = PhasedProgress(feedback)
    run = TallyRun(request, transform_context, progress)  # the same checks and messages as through QGIS
    with Context() as ctx:
        lib = io_library(ctx)
        if lib is None:
            return None
        with AreaCalculator(ctx, crs_for_core(run.crs), request.area_method) as calc:
            description = calc.describe()
        check = request.area_check
        findings: List[AreaFinding] = []

        def on_finding(row: AreaFindingRow) -> None:
            findings.append(AreaFinding(*row))

        job = TallyFileJob(zones=files.zones, landuse=files.landuse, mask=files.mask,
                           area_method=int(request.area_method), invalid=int(request.invalid), encoding=files.encoding,
                           deduction_field=request.deduction_field, deducted_class=request.deducted_class,
                           area_check_field=check.field if check is not None else None,
                           area_check_abs=check.abs_m2 if check is not None else 0.1,
                           area_check_rel=check.rel if check is not None else 1e-6)
        ctx.set_progress(progress.native_callback)
        handle, info = run_tally_job(ctx, lib, job, on_finding,
                                     note=feedback.pushInfo if feedback is not None else None)
        with Tally.adopt(ctx, handle) as tally:
            area_check = None
            if check is not None:
                area_check = AreaCheckResult(
                    field=info.area_check_field, abs_m2=check.abs_m2, rel=check.rel, method=info.area_check_method,
                    checked=info.area_checked, findings=findings, no_official=info.area_no_official,
                    no_official_fids=info.area_no_official_fids, largest_m2=info.area_largest_m2,
                    largest_fid=info.area_largest_fid)
            return TallyResult(rows=tally.results(), stats=tally.stats(), crs=run.crs, area_description=description,
                               zone_overlaps=tally.zone_overlaps(), area_check=area_check)
