"""Area by survey unit and class without a zones layer: each parcel's unit is the first 6, 9
or 12 characters of its own code (三调 ZLDWDM: county, town, village), as ``guotu tally
--zone-code-field`` does; names of the units from a layer as delivered (XZQ: XZQDM → XZQMC;
CJDCQ: ZLDWDM → ZLDWMC, whose 19-character codes are the unit's followed by zeros).

A land-use layer backed by a file holding what the user sees is read by the core's I/O
library (tally_files.py does the same for zone layers); otherwise QGIS reads the features
for the core. Nothing here computes an area.
"""

from dataclasses import dataclass
from typing import Dict, List, Optional, Tuple

from qgis.core import QgsCoordinateTransformContext, QgsFeatureSource, QgsFeedback

from ..binding.errors import GuotuInputError
from ..binding.io_native import AreaFindingRow, TallyFileJob, io_library, run_tally_job
from ..binding.area_native import AreaCalculator
from ..binding.native import AreaMethod, Context, InvalidPolicy
from ..binding.tally_native import Tally
from ..i18n import tr
from ..inputs.conversions import code_from_value, crs_for_core, geometry_wkb, is_null
from ..inputs.feature_reading import read_features, source_label
from ..inputs.layer_files import FileInput, layer_file, shapefile_encoding
from ..inputs.progress import PhasedProgress
from ..inputs.validation import require_field, require_metric_crs, require_polygon_source, require_valid_crs
from .area_check import AreaCheckRequest, AreaCheckResult, AreaChecker, AreaFinding
from .code_units import unit_of_code

# The unit levels of a 三调 ZLDWDM code: (characters, English, Chinese)
LEVELS: List[Tuple[int, str, str]] = [(6, "county", "县"), (9, "town", "乡镇"), (12, "village", "村")]


@dataclass
class CodeTallyRequest:
    landuse: QgsFeatureSource
    class_field: str
    code_field: str
    code_length: int  # characters of the code that make the unit; 0: the whole code
    area_method: AreaMethod = AreaMethod.ELLIPSOIDAL
    invalid: InvalidPolicy = InvalidPolicy.REPAIR
    deduction_field: Optional[str] = None
    deducted_class: str = "1203"
    area_check: Optional[AreaCheckRequest] = None


@dataclass
class CodeTallyResult:
    rows: List[Tuple[str, str, float]]  # (unit code, class code, ha), the core's order
    stats: Dict[str, float]
    area_description: str
    area_check: Optional[AreaCheckResult] = None
    read_by_core: bool = False


def unit_names(source: QgsFeatureSource, code_field: str, name_field: str) -> Dict[str, str]:
    """Code → name from a layer; one code named twice differently is refused (which name is
    right cannot be told)."""
    label = source_label(source)
    code_index = require_field(source, code_field, label)
    name_index = require_field(source, name_field, label)
    names: Dict[str, str] = {}
    for feature in read_features(source, [code_index, name_index]):
        code = code_from_value(feature.attribute(code_index))
        if not code:
            continue
        value = feature.attribute(name_index)
        name = "" if is_null(value) else str(value)
        if code in names and names[code] != name:
            raise GuotuInputError(
                tr('Layer "{layer}": {field} "{code}" is named both "{a}" and "{b}"; one name per code is needed.')
                .format(layer=label, field=code_field, code=code, a=names[code], b=name))
        names[code] = name
    return names


def _validate(request: CodeTallyRequest, label: str) -> Tuple[int, int, int]:
    source = request.landuse
    require_polygon_source(source, label)
    require_valid_crs(source.sourceCrs(), label)
    if request.area_method == AreaMethod.PLANAR:
        require_metric_crs(source.sourceCrs(), label)
    class_index = require_field(source, request.class_field, label)
    code_index = require_field(source, request.code_field, label)
    deduction_index = require_field(source, request.deduction_field, label) if request.deduction_field else -1
    return class_index, code_index, deduction_index


def _unit(feature, code_index: int, request: CodeTallyRequest, label: str) -> str:
    return unit_of_code(code_from_value(feature.attribute(code_index)), request.code_length, feature.id(), label,
                        request.code_field)


def _share(feature, index: int, request: CodeTallyRequest, label: str) -> float:
    if index < 0:
        return 0.0
    value = feature.attribute(index)
    if is_null(value) or (isinstance(value, str) and not value.strip()):
        return 0.0
    try:
        return float(value)
    except (TypeError, ValueError):
        raise GuotuInputError(
            tr('Feature {fid} of layer "{layer}": the deduction coefficient field "{field}" is "{value}"; a '
               'number is needed.').format(fid=feature.id(), layer=label, field=request.deduction_field,
                                           value=value)) from None


def _through_qgis(ctx: Context, request: CodeTallyRequest, label: str, progress: PhasedProgress) -> CodeTallyResult:
    class_index, code_index, deduction_index = _validate(request, label)
    source = request.landuse
    crs = crs_for_core(source.sourceCrs())
    with AreaCalculator(ctx, crs, request.area_method) as calc:
        description = calc.describe()
    checker = AreaChecker(ctx, source, request.area_check, label) if request.area_check is not None else None
    try:
        with Tally(ctx, crs, area_method=request.area_method, invalid=request.invalid, zones_label=request.code_field,
                   landuse_label=label) as tally:
            tally.prepare_by_code()
            total = max(1, source.featureCount())
            tally.set_expected(total)
            attributes = sorted({i for i in (class_index, code_index, deduction_index) if i >= 0}
                                | set(checker.attributes() if checker is not None else []))
            progress.phase(0.0, 97.0)
            for n, feature in enumerate(read_features(source, attributes)):
                progress.check_cancel()
                class_code = code_from_value(feature.attribute(class_index))
                if checker is not None:
                    checker.check(feature, class_code)
                if not feature.hasGeometry() or feature.geometry().isEmpty():
                    continue
                tally.add_landuse_in_zone(_unit(feature, code_index, request, label), class_code, feature.id(),
                                          geometry_wkb(feature.geometry()), request.deducted_class,
                                          _share(feature, deduction_index, request, label))
                progress.report((n + 1) / total)
            tally.finish()
            return CodeTallyResult(rows=tally.results(), stats=tally.stats(), area_description=description,
                                   area_check=checker.result if checker is not None else None)
    finally:
        if checker is not None:
            checker.close()


def _by_core(ctx: Context, request: CodeTallyRequest, inputs: List[FileInput], label: str,
             progress: PhasedProgress, feedback: Optional[QgsFeedback]) -> Optional[CodeTallyResult]:
    lib = io_library(ctx)
    if lib is None:
        return None
    encoding, _agree = shapefile_encoding(inputs)
    files = [layer_file(inputs[0], f, label)[0] for f in (request.class_field, request.code_field,
                                                          request.deduction_field,
                                                          request.area_check.field if request.area_check else None)
             if f]
    if any(f is None for f in files):
        return None
    _validate(request, label)
    with AreaCalculator(ctx, crs_for_core(request.landuse.sourceCrs()), request.area_method) as calc:
        description = calc.describe()
    check = request.area_check
    findings: List[AreaFinding] = []

    def on_finding(row: AreaFindingRow) -> None:
        findings.append(AreaFinding(*row))

    job = TallyFileJob(zones=None, landuse=files[0], zone_code_field=request.code_field,
                       zone_code_length=request.code_length, area_method=int(request.area_method),
                       invalid=int(request.invalid), encoding=encoding, deduction_field=request.deduction_field,
                       deducted_class=request.deducted_class,
                       area_check_field=check.field if check is not None else None,
                       area_check_abs=check.abs_m2 if check is not None else 0.1,
                       area_check_rel=check.rel if check is not None else 1e-6)
    ctx.set_progress(progress.native_callback)
    handle, info = run_tally_job(ctx, lib, job, on_finding, note=feedback.pushInfo if feedback is not None else None)
    with Tally.adopt(ctx, handle) as tally:
        area_check = None
        if check is not None:
            area_check = AreaCheckResult(field=info.area_check_field, abs_m2=check.abs_m2, rel=check.rel,
                                         method=info.area_check_method, checked=info.area_checked, findings=findings,
                                         no_official=info.area_no_official,
                                         no_official_fids=info.area_no_official_fids,
                                         largest_m2=info.area_largest_m2, largest_fid=info.area_largest_fid)
        return CodeTallyResult(rows=tally.results(), stats=tally.stats(), area_description=description,
                               area_check=area_check, read_by_core=True)


def run_code_tally(request: CodeTallyRequest, land_use: FileInput, transform_context: QgsCoordinateTransformContext,
                   feedback: Optional[QgsFeedback] = None) -> CodeTallyResult:
    """Runs the tally by unit code: the core reads the land use's file when it holds what the
    user sees, QGIS reads the features otherwise (the log says which and why). Raises
    GuotuInputError, GuotuError or GuotuCancelled."""
    del transform_context  # one layer, its own CRS: nothing is reprojected
    label = source_label(request.landuse)
    progress = PhasedProgress(feedback)
    with Context() as ctx:
        _file, why = layer_file(land_use, request.class_field, tr("the land use"))
        if _file is not None:
            result = _by_core(ctx, request, [land_use], label, progress, feedback)
            if result is not None:
                if feedback is not None:
                    feedback.pushInfo(tr("The core read the input files itself."))
                return result
            why = tr("the plugin has no I/O library")
        if feedback is not None:
            feedback.pushInfo(tr("Features are read through QGIS ({reason}).").format(reason=why))
        ctx.set_progress(progress.native_callback)
        return _through_qgis(ctx, request, label, progress)
