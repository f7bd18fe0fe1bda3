"""ctypes binding of libguotu_io (guotu_io.h): runs that read their inputs from files and
write a GeoPackage themselves, on all CPUs, without a feature passing through Python.

The I/O library sits beside libguotu (the plugin's lib/ folder, or the build's core/
folder) and uses the same loaded libguotu, so a Context of this plugin is a context of the
run. A plugin without it (an older package) simply has no file runs: ``io_library``
returns None and the algorithms read features themselves."""

import ctypes
import sys
import threading
from dataclasses import dataclass, field
from typing import Callable, Dict, List, Optional, Tuple

from .border_native import _BorderOptions, _Stats as _BorderStats
from .convert_native import Convert, declare
from .frame_native import _FrameOptions, _RoundsOptions
from . import tally_native
from .lines_native import _LinesOptions
from .native import Context, Status, _decode, _encode, loaded_library_path

PTR = ctypes.c_void_p
STR = ctypes.c_char_p
INT = ctypes.c_int

_NOTE_FN = ctypes.CFUNCTYPE(None, ctypes.c_char_p, ctypes.c_void_p)
DOUBLE = ctypes.c_double
INT64 = ctypes.c_int64


class _AreaFinding(ctypes.Structure):
    _c_name_ = "guotu_area_finding"
    _fields_ = [("fid", INT64), ("bsm", STR), ("tbbh", STR), ("class_code", STR), ("official_m2", DOUBLE),
                ("computed_m2", DOUBLE)]


_FINDING_FN = ctypes.CFUNCTYPE(INT, ctypes.POINTER(_AreaFinding), ctypes.c_void_p)


class _TallyJob(ctypes.Structure):
    _c_name_ = "guotu_tally_job"
    _fields_ = [
        ("zones", STR), ("zones_layer", STR), ("zones_where", STR), ("zone_id_field", STR),
        ("zone_code_field", STR), ("zone_code_length", INT),
        ("landuse", STR), ("landuse_layer", STR), ("landuse_where", STR), ("class_field", STR),
        ("mask", STR), ("mask_layer", STR), ("mask_where", STR),
        ("area_method", INT), ("invalid", INT), ("raster_mode", INT),
        ("crs_mismatch_fail", INT), ("encoding", STR), ("threads", INT),
        ("deduction_field", STR), ("deducted_class", STR),
        ("area_check_field", STR), ("area_check_abs", DOUBLE), ("area_check_rel", DOUBLE),
        ("area_finding", _FINDING_FN), ("area_finding_user", PTR),
        ("note", _NOTE_FN), ("note_user", PTR),
    ]


class _TallyJobInfo(ctypes.Structure):
    _c_name_ = "guotu_tally_job_info"
    _fields_ = [
        ("raster", INT), ("deduction_field", ctypes.c_char * 64), ("landuse_layer", ctypes.c_char * 256),
        ("area_check_field", ctypes.c_char * 64), ("area_check_method", ctypes.c_char * 160),
        ("area_checked", INT64), ("area_findings", INT64), ("area_no_official", INT64),
        ("area_no_official_fids", INT64 * 5), ("area_largest_m2", DOUBLE), ("area_largest_fid", INT64),
    ]
_REPORT_FN = ctypes.CFUNCTYPE(None, ctypes.c_void_p, ctypes.c_void_p, ctypes.c_void_p)
# guotu_unit_name_fn: returns a borrowed char * (NULL: no name), so a pointer, not c_char_p
_UNIT_NAME_FN = ctypes.CFUNCTYPE(ctypes.c_void_p, ctypes.c_char_p, ctypes.c_void_p)


class _ConvertJob(ctypes.Structure):
    _c_name_ = "guotu_convert_job"  # the C struct it mirrors (checked by test_abi_layout.py)
    _fields_ = [
        ("before", STR), ("before_layer", STR), ("before_where", STR), ("before_class_field", STR),
        ("before_system", STR),
        ("after", STR), ("after_layer", STR), ("after_where", STR), ("after_class_field", STR),
        ("after_system", STR),
        ("zones", STR), ("zones_layer", STR), ("zones_where", STR), ("zone_id_field", STR),
        ("zone_code_field", STR), ("zone_code_length", INT),
        ("workspace", STR),
        ("before_categories", STR), ("after_categories", STR),
        ("before_coefficients", STR), ("after_coefficients", STR),
        ("policy", STR),
        ("resources", STR),
        ("area_method", INT),
        ("invalid", INT),
        ("crs_mismatch_fail", INT),
        ("encoding", STR),
        ("resample_to", STR),
        ("threads", INT),
        ("output", STR),
        ("note", _NOTE_FN),
        ("note_user", PTR),
        ("report", _REPORT_FN),
        ("report_user", PTR),
        ("unit_name", _UNIT_NAME_FN),
        ("unit_name_user", PTR),
    ]


_PARCELS_REPORT_FN = ctypes.CFUNCTYPE(None, ctypes.c_void_p, ctypes.c_void_p, ctypes.c_void_p)


class _ParcelsJob(ctypes.Structure):
    """guotu_parcels_job: the rectification parcel check from files (the tool's `parcels
    check`); the plugin's check reads its layers through QGIS and does not run it."""
    _c_name_ = "guotu_parcels_job"
    _fields_ = [
        ("parcels", STR), ("parcels_layer", STR), ("parcel_id_field", STR), ("type_field", STR),
        ("project_field", STR),
        ("current_field", STR), ("current_system", STR), ("planned_field", STR), ("planned_system", STR),
        ("workspace", STR),
        ("redline", STR), ("redline_layer", STR), ("farmland", STR), ("farmland_layer", STR),
        ("urban", STR), ("urban_layer", STR),
        ("villages", STR), ("villages_layer", STR), ("village_id_field", STR), ("village_name_field", STR),
        ("units", STR), ("units_layer", STR), ("unit_id_field", STR), ("unit_name_field", STR),
        ("unit_cultivated_field", STR),
        ("river_beaches", STR), ("river_beaches_layer", STR), ("river_beach_codes", STR),
        ("project_types", STR), ("policy", STR), ("resources", STR), ("encoding", STR),
        ("area_method", INT), ("tolerance_m2", DOUBLE), ("new_cultivated_min", DOUBLE),
        ("farmland_gain_min", DOUBLE),
        ("output", STR), ("xlsx", STR), ("csv_dir", STR),
        ("note", _NOTE_FN), ("note_user", PTR),
        ("report", _PARCELS_REPORT_FN), ("report_user", PTR),
    ]


_LEDGER_REPORT_FN = ctypes.CFUNCTYPE(None, ctypes.c_void_p, ctypes.c_void_p, ctypes.c_void_p)


class _LedgerJob(ctypes.Structure):
    """guotu_ledger_job: the unit ledger from files (the tool's `ledger`); the plugin's ledger
    reads its layers through QGIS and does not run it."""
    _c_name_ = "guotu_ledger_job"
    _fields_ = [
        ("parcels", STR), ("parcels_layer", STR), ("current", STR), ("current_layer", STR), ("planned", STR),
        ("planned_layer", STR),
        ("parcel_id_field", STR), ("current_field", STR), ("current_system", STR), ("planned_field", STR),
        ("planned_system", STR),
        ("unit_field", STR), ("unit_prefix", INT),
        ("units", STR), ("units_layer", STR), ("unit_id_field", STR), ("unit_name_field", STR),
        ("project_field", STR), ("type_field", STR), ("project_types", STR), ("area_field", STR),
        ("kcxs_field", STR), ("planned_kcxs_field", STR), ("grade_field", STR), ("planned_grade_field", STR),
        ("farmland_field", STR), ("planned_farmland_field", STR),
        ("redline", STR), ("redline_layer", STR), ("river_beaches", STR), ("river_beaches_layer", STR),
        ("river_beach_codes", STR),
        ("resources", STR), ("encoding", STR),
        ("area_method", INT), ("tolerance_m2", DOUBLE), ("farmland_gain_min", DOUBLE), ("linkage_min", DOUBLE),
        ("grade_tolerance", DOUBLE),
        ("output", STR), ("xlsx", STR),
        ("note", _NOTE_FN), ("note_user", PTR),
        ("report", _LEDGER_REPORT_FN), ("report_user", PTR),
    ]


_INDICATORS_REPORT_FN = ctypes.CFUNCTYPE(None, ctypes.c_void_p, ctypes.c_void_p, ctypes.c_void_p)
INDICATOR_COUNT = 8  # GUOTU_INDICATOR_COUNT: the targets, one per indicator in guotu_indicator order


class _IndicatorsJob(ctypes.Structure):
    """guotu_indicators_job: the binding plan indicators from files (the tool's `indicators`);
    the plugin's algorithm reads its layers through QGIS and does not run it."""
    _c_name_ = "guotu_indicators_job"
    _fields_ = [
        ("admin", STR), ("admin_layer", STR), ("admin_code_field", STR), ("admin_name_field", STR),
        ("admin_name_required", INT),
        ("landuse", STR), ("landuse_layer", STR), ("class_field", STR), ("deduction", STR),
        ("before", STR), ("before_layer", STR), ("before_class_field", STR),
        ("farmland", STR), ("farmland_layer", STR),
        ("target", STR * INDICATOR_COUNT),
        ("targets", STR), ("targets_code_field", STR), ("targets_in_mu", INT), ("tolerance", DOUBLE),
        ("classes", STR), ("resources", STR), ("encoding", STR), ("crs_mismatch_fail", INT),
        ("output", STR), ("csv", STR), ("xlsx", STR), ("field_name_headers", INT),
        ("note", _NOTE_FN), ("note_user", PTR),
        ("report", _INDICATORS_REPORT_FN), ("report_user", PTR),
    ]


class _FrameRoundsJob(ctypes.Structure):
    """guotu_frame_rounds_job: round n against round n+1 of the three-down-three-up check from
    files (the tool's `framework rounds`); the plugin's rounds read their layers through QGIS."""
    _c_name_ = "guotu_frame_rounds_job"
    _fields_ = [
        ("previous", ctypes.POINTER(STR)), ("previous_count", INT),
        ("current", ctypes.POINTER(STR)), ("current_count", INT),
        ("options", _RoundsOptions), ("resources", STR), ("output", STR),
    ]


class _FrameRoundsJobInfo(ctypes.Structure):
    _c_name_ = "guotu_frame_rounds_job_info"
    _fields_ = [("items_previous", INT64), ("items_current", INT64), ("resolved", INT64), ("persisting", INT64),
                ("new_items", INT64), ("returned", INT64), ("return_cities", INT64)]


class _LinesJobSummary(ctypes.Structure):
    """guotu_lines_job_summary: what a finished three-lines check counted."""
    _c_name_ = "guotu_lines_job_summary"
    _fields_ = [
        ("layer_names", (ctypes.c_char * 256) * 4),
        ("issues", (INT * 3) * 15),
        ("accepted", INT), ("notes", INT), ("skipped", ctypes.c_uint32), ("units", INT64),
    ]


_LINES_REPORT_FN = ctypes.CFUNCTYPE(None, ctypes.c_void_p, ctypes.c_void_p, ctypes.POINTER(_LinesJobSummary),
                                    ctypes.c_void_p)
_LINES_NOTE_FN = ctypes.CFUNCTYPE(None, ctypes.c_char_p, ctypes.c_char_p, ctypes.c_char_p, ctypes.c_char_p,
                                  ctypes.c_void_p)


class _LinesJob(ctypes.Structure):
    """guotu_lines_job: the three-lines check from files (the tool's `lines check`); the
    plugin's check reads its layers through QGIS and does not run it."""
    _c_name_ = "guotu_lines_job"
    _fields_ = [
        ("workspace", STR), ("source", STR * 4), ("source_layer", STR * 4),
        ("admin_id_field", STR), ("admin_name_field", STR), ("target_field", STR * 4),
        ("admin_code_field", STR), ("admin_code_length", INT),
        ("unit_name", _UNIT_NAME_FN), ("unit_name_user", PTR),
        ("landuse", STR), ("landuse_layer", STR), ("class_field", STR), ("system", STR), ("deduction", STR),
        ("urban_2020", STR), ("crs_mismatch_fail", INT), ("encoding", STR),
        ("options", _LinesOptions),
        ("output", STR), ("stats_csv", STR), ("csv_field_names", INT),
        ("table_note", _LINES_NOTE_FN), ("table_note_user", PTR),
        ("note", _NOTE_FN), ("note_user", PTR),
        ("report", _LINES_REPORT_FN), ("report_user", PTR),
    ]


class _FrameCatalogueJob(ctypes.Structure):
    """guotu_frame_catalogue_job: the catalogue check from files (the tool's `framework
    catalogue`)."""
    _c_name_ = "guotu_frame_catalogue_job"
    _fields_ = [(name, STR) for name in ("catalogue", "elements", "elements_layer", "city_field", "element_field",
                                         "name_field", "encoding", "counties", "resources", "output")]


class _FrameCatalogueJobInfo(ctypes.Structure):
    _c_name_ = "guotu_frame_catalogue_job_info"
    _fields_ = [(name, INT64) for name in ("features", "cities", "not_submitted", "not_in_catalogue",
                                           "city_not_listed", "no_city")]


class _FrameIndicatorsJob(ctypes.Structure):
    """guotu_frame_indicators_job: the transmission indicators and the catalogue check from
    files (the tool's `framework indicators`)."""
    _c_name_ = "guotu_frame_indicators_job"
    _fields_ = [("catalogue", _FrameCatalogueJob)] + [
        (name, STR) for name in ("thresholds", "dem", "landuse", "landuse_layer", "landuse_code", "forest_codes",
                                 "crs")] + [
        ("threads", INT), ("options", _FrameOptions), ("note", _NOTE_FN), ("note_user", PTR),
        ("crs_note", _NOTE_FN), ("crs_note_user", PTR)]


class _FrameIndicatorsJobInfo(ctypes.Structure):
    _c_name_ = "guotu_frame_indicators_job_info"
    _fields_ = [("catalogue", _FrameCatalogueJobInfo)] + [
        (name, INT64) for name in ("zones", "outside_threshold", "threshold_missing", "threshold_differs",
                                   "value_jump", "dem_incomplete", "landuse_incomplete")]


_RULE_REPORT_FN = ctypes.CFUNCTYPE(None, PTR, PTR, PTR)


class _PrioritiesRuleJob(ctypes.Structure):
    """guotu_priorities_rule_job: the ruling objective of each zone from files (the tool's
    `priorities rule`)."""
    _c_name_ = "guotu_priorities_rule_job"
    _fields_ = [(name, STR) for name in (
        "zones", "zones_layer", "type_field", "landuse", "landuse_layer", "class_field", "deduction_field", "admin",
        "admin_layer", "admin_id_field", "admin_name_field", "rules")] + [
        ("area_method", INT), ("encoding", STR), ("resources", STR), ("output", STR),
        ("note", _NOTE_FN), ("note_user", PTR), ("report", _RULE_REPORT_FN), ("report_user", PTR)]


class _PrioritiesRankJob(ctypes.Structure):
    """guotu_priorities_rank_job: Pareto fronts and a lexicographic order of candidate sites
    from files (the tool's `priorities rank`)."""
    _c_name_ = "guotu_priorities_rank_job"
    _fields_ = [("sites", STR), ("sites_layer", STR), ("site_id_field", STR),
                ("objectives", ctypes.POINTER(STR)), ("objective_count", INT), ("lexicographic", STR)] + [
        (name, STR) for name in ("landuse", "landuse_layer", "class_field", "deduction_field", "target",
                                 "coefficients", "cultivated", "redline", "redline_layer")] + [
        ("area_method", INT), ("encoding", STR), ("resources", STR), ("output", STR),
        ("note", _NOTE_FN), ("note_user", PTR), ("crs_note", _NOTE_FN), ("crs_note_user", PTR)]


class _PrioritiesRankJobInfo(ctypes.Structure):
    _c_name_ = "guotu_priorities_rank_job_info"
    _fields_ = [("sites", INT64), ("on_front", INT64), ("fronts", INT)]


class _BorderJob(ctypes.Structure):
    """guotu_border_job: cross-city border conflicts from files (the tool's `border`)."""
    _c_name_ = "guotu_border_job"
    _fields_ = [(name, STR) for name in (
        "admin", "admin_layer", "admin_id_field", "admin_name_field", "elements", "elements_layer", "city_field")] + [
        ("city_from_layer", INT), ("category_field", STR), ("name_field", STR), ("crs", STR), ("encoding", STR),
        ("threads", INT), ("options", _BorderOptions), ("output", STR), ("note", _NOTE_FN), ("note_user", PTR),
        ("crs_note", _NOTE_FN), ("crs_note_user", PTR)]


class _BorderJobInfo(ctypes.Structure):
    _c_name_ = "guotu_border_job_info"
    _fields_ = [("stats", _BorderStats), ("pairs", INT64), ("conflicts", INT64 * 4), ("issues", INT64),
                ("crs_name", ctypes.c_char * 256), ("zone_note", ctypes.c_char * 512)]


def io_library_file_name() -> str:
    if sys.platform.startswith("win"):
        return "guotu_io.dll"
    if sys.platform == "darwin":
        return "libguotu_io.dylib"
    return "libguotu_io.so"


_lock = threading.Lock()
_io_libraries: Dict[str, Optional[ctypes.CDLL]] = {}


def io_library(ctx: Context) -> Optional[ctypes.CDLL]:
    """libguotu_io beside the libguotu ``ctx`` runs on, declared; None when there is none
    (or it does not load): the caller then reads features itself."""
    main = loaded_library_path(ctx.lib)
    if main is None:
        return None
    path = main.parent / io_library_file_name()
    key = str(path)
    with _lock:
        if key not in _io_libraries:
            lib: Optional[ctypes.CDLL] = None
            if path.is_file():
                try:
                    lib = ctypes.CDLL(key)
                    lib.guotu_convert_job_init.restype = None
                    lib.guotu_convert_job_init.argtypes = [ctypes.POINTER(_ConvertJob)]
                    lib.guotu_convert_job_run.restype = INT
                    lib.guotu_convert_job_run.argtypes = [PTR, ctypes.POINTER(_ConvertJob)]
                    lib.guotu_tally_job_init.restype = None
                    lib.guotu_tally_job_init.argtypes = [ctypes.POINTER(_TallyJob)]
                    lib.guotu_tally_job_run.restype = INT
                    lib.guotu_tally_job_run.argtypes = [PTR, ctypes.POINTER(_TallyJob), ctypes.POINTER(PTR),
                                                        ctypes.POINTER(_TallyJobInfo)]
                    lib.guotu_parcels_job_init.restype = None
                    lib.guotu_parcels_job_init.argtypes = [ctypes.POINTER(_ParcelsJob)]
                    lib.guotu_parcels_job_run.restype = INT
                    lib.guotu_parcels_job_run.argtypes = [PTR, ctypes.POINTER(_ParcelsJob)]
                    lib.guotu_ledger_job_init.restype = None
                    lib.guotu_ledger_job_init.argtypes = [ctypes.POINTER(_LedgerJob)]
                    lib.guotu_ledger_job_run.restype = INT
                    lib.guotu_ledger_job_run.argtypes = [PTR, ctypes.POINTER(_LedgerJob)]
                    lib.guotu_indicators_job_init.restype = None
                    lib.guotu_indicators_job_init.argtypes = [ctypes.POINTER(_IndicatorsJob)]
                    lib.guotu_indicators_job_run.restype = INT
                    lib.guotu_indicators_job_run.argtypes = [PTR, ctypes.POINTER(_IndicatorsJob)]
                    lib.guotu_frame_rounds_job_init.restype = None
                    lib.guotu_frame_rounds_job_init.argtypes = [ctypes.POINTER(_FrameRoundsJob)]
                    lib.guotu_frame_rounds_job_run.restype = INT
                    lib.guotu_frame_rounds_job_run.argtypes = [PTR, ctypes.POINTER(_FrameRoundsJob),
                                                               ctypes.POINTER(_FrameRoundsJobInfo)]
                    lib.guotu_lines_job_init.restype = None
                    lib.guotu_lines_job_init.argtypes = [ctypes.POINTER(_LinesJob)]
                    lib.guotu_lines_job_run.restype = INT
                    lib.guotu_lines_job_run.argtypes = [PTR, ctypes.POINTER(_LinesJob)]
                    lib.guotu_frame_catalogue_job_init.restype = None
                    lib.guotu_frame_catalogue_job_init.argtypes = [ctypes.POINTER(_FrameCatalogueJob)]
                    lib.guotu_frame_catalogue_job_run.restype = INT
                    lib.guotu_frame_catalogue_job_run.argtypes = [PTR, ctypes.POINTER(_FrameCatalogueJob),
                                                                  ctypes.POINTER(_FrameCatalogueJobInfo)]
                    lib.guotu_frame_indicators_job_init.restype = None
                    lib.guotu_frame_indicators_job_init.argtypes = [ctypes.POINTER(_FrameIndicatorsJob)]
                    lib.guotu_frame_indicators_job_run.restype = INT
                    lib.guotu_frame_indicators_job_run.argtypes = [PTR, ctypes.POINTER(_FrameIndicatorsJob),
                                                                   ctypes.POINTER(_FrameIndicatorsJobInfo)]
                    lib.guotu_priorities_rule_job_init.restype = None
                    lib.guotu_priorities_rule_job_init.argtypes = [ctypes.POINTER(_PrioritiesRuleJob)]
                    lib.guotu_priorities_rule_job_run.restype = INT
                    lib.guotu_priorities_rule_job_run.argtypes = [PTR, ctypes.POINTER(_PrioritiesRuleJob)]
                    lib.guotu_priorities_rank_job_init.restype = None
                    lib.guotu_priorities_rank_job_init.argtypes = [ctypes.POINTER(_PrioritiesRankJob)]
                    lib.guotu_priorities_rank_job_run.restype = INT
                    lib.guotu_priorities_rank_job_run.argtypes = [PTR, ctypes.POINTER(_PrioritiesRankJob),
                                                                  ctypes.POINTER(_PrioritiesRankJobInfo)]
                    lib.guotu_border_job_init.restype = None
                    lib.guotu_border_job_init.argtypes = [ctypes.POINTER(_BorderJob)]
                    lib.guotu_border_job_run.restype = INT
                    lib.guotu_border_job_run.argtypes = [PTR, ctypes.POINTER(_BorderJob),
                                                         ctypes.POINTER(_BorderJobInfo)]
                except (OSError, AttributeError):
                    lib = None
            _io_libraries[key] = lib
        return _io_libraries[key]


@dataclass
class LayerFile:
    """One input as the I/O library reads it: the file, its layer, an attribute filter
    (the layer's subset string) and the attribute read with each feature."""
    path: str
    layer: Optional[str]
    where: Optional[str]
    field: Optional[str]


@dataclass
class ConvertFileJob:
    before: LayerFile
    before_system: str
    after: LayerFile
    after_system: str
    output: str
    zones: Optional[LayerFile] = None
    # Or matrices per unit of the before parcels' codes (三调 ZLDWDM): the field and its length.
    zone_code_field: Optional[str] = None
    zone_code_length: int = 0
    # The units' names in unit_transitions (unit code -> name or None); None: no names.
    unit_name: Optional[Callable[[str], Optional[str]]] = None
    workspace: Optional[str] = None
    before_categories: Optional[str] = None
    after_categories: Optional[str] = None
    before_coefficients: Optional[str] = None
    after_coefficients: Optional[str] = None
    policy: Optional[str] = None
    resources: Optional[str] = None
    area_method: int = 0
    invalid: int = 0
    encoding: Optional[str] = None
    threads: int = 0


@dataclass
class ConvertFileResult:
    """The finished overlay's tables and counters, read before the run freed them."""
    stats: Dict[str, float] = field(default_factory=dict)
    category_rows: list = field(default_factory=list)
    code_rows: list = field(default_factory=list)
    status_rows: list = field(default_factory=list)
    line_rows: list = field(default_factory=list)
    unknown_rows: list = field(default_factory=list)
    notes: List[str] = field(default_factory=list)


class _BorrowedContext:
    """The run's context handed to the report callback (borrowed for the call only)."""

    def __init__(self, lib: ctypes.CDLL, handle: int, owner: Context) -> None:
        self.lib = lib
        self.handle = handle
        self._owner = owner

    def check(self, status: int) -> None:
        if status != Status.OK:
            from .errors import GuotuError

            raise GuotuError(status, _decode(self.lib.guotu_status_name(status)),
                             _decode(self.lib.guotu_context_last_error(self.handle)))


class _BorrowedConvert(Convert):
    """Reads the tables of an overlay the run owns: never destroyed from here."""

    def __init__(self, ctx: _BorrowedContext, handle: int) -> None:  # noqa: super() creates an overlay
        self._ctx = ctx
        self._lib = ctx.lib
        self._handle = handle
        self._callback_error = None
        self._piece_error = None
        self._piece_ref = None

    def close(self) -> None:
        self._handle = None


def run_convert_job(ctx: Context, lib: ctypes.CDLL, job: ConvertFileJob,
                    note: Optional[Callable[[str], None]] = None) -> ConvertFileResult:
    """Runs guotu_convert_job_run; raises GuotuError / GuotuCancelled (through ``ctx``) on
    failure, with nothing written. Progress and cancel: ``ctx.set_progress`` beforehand (the
    callback is then called from the run's worker thread)."""
    declare(ctx.lib)  # the conversion readers used on the finished overlay
    c = _ConvertJob()
    lib.guotu_convert_job_init(ctypes.byref(c))
    keep: List[Optional[bytes]] = []

    def text(value: Optional[str]) -> Optional[bytes]:
        encoded = _encode(value)
        keep.append(encoded)
        return encoded

    for prefix, layer in (("before", job.before), ("after", job.after)):
        setattr(c, prefix, text(layer.path))
        setattr(c, f"{prefix}_layer", text(layer.layer))
        setattr(c, f"{prefix}_where", text(layer.where or None))
        setattr(c, f"{prefix}_class_field", text(layer.field))
    c.before_system, c.after_system = text(job.before_system), text(job.after_system)
    if job.zones is not None:
        c.zones, c.zones_layer = text(job.zones.path), text(job.zones.layer)
        c.zones_where, c.zone_id_field = text(job.zones.where or None), text(job.zones.field)
    c.zone_code_field, c.zone_code_length = text(job.zone_code_field), int(job.zone_code_length)
    c.workspace = text(job.workspace)
    c.before_categories, c.after_categories = text(job.before_categories), text(job.after_categories)
    c.before_coefficients, c.after_coefficients = text(job.before_coefficients), text(job.after_coefficients)
    c.policy, c.resources = text(job.policy), text(job.resources)
    c.area_method, c.invalid, c.threads = int(job.area_method), int(job.invalid), int(job.threads)
    c.encoding, c.output = text(job.encoding), text(job.output)
    result = ConvertFileResult()
    failure: List[BaseException] = []

    def on_note(message: Optional[bytes], _user) -> None:
        result.notes.append(_decode(message))
        if note is not None:
            try:
                note(_decode(message))
            except BaseException as e:  # noqa: BLE001 — never unwind through C
                failure.append(e)

    def on_report(ctx_handle: int, cv_handle: int, _user) -> None:
        try:
            borrowed = _BorrowedConvert(_BorrowedContext(ctx.lib, ctx_handle, ctx), cv_handle)
            result.stats = borrowed.stats()
            result.category_rows = borrowed.category_rows()
            result.code_rows = borrowed.code_rows()
            result.status_rows = borrowed.status_rows()
            result.line_rows = borrowed.line_rows()
            result.unknown_rows = borrowed.unknown_rows()
        except BaseException as e:  # noqa: BLE001 — re-raised after the run
            failure.append(e)

    names: List[ctypes.Array] = []  # the names handed to C, alive until the run returns

    def on_unit_name(unit: Optional[bytes], _user) -> Optional[int]:
        try:
            name = job.unit_name(_decode(unit)) if job.unit_name is not None else None
        except BaseException as e:  # noqa: BLE001 — re-raised after the run
            failure.append(e)
            return None
        if not name:
            return None
        names.append(ctypes.create_string_buffer(name.encode("utf-8")))
        return ctypes.addressof(names[-1])

    c.note = _NOTE_FN(on_note)
    c.report = _REPORT_FN(on_report)
    if job.unit_name is not None:
        c.unit_name = _UNIT_NAME_FN(on_unit_name)
    status = lib.guotu_convert_job_run(ctx.handle, ctypes.byref(c))
    ctx.check(status)
    if failure:
        raise failure[0]
    return result


@dataclass
class TallyFileJob:
    """A tally the I/O library reads from files: zones (LayerFile whose field is the zone id)
    or the land use's own zone codes (zone_code_field, the first zone_code_length characters),
    land use (whose field is the class), an optional mask, the core's options."""
    zones: Optional[LayerFile]
    landuse: LayerFile
    mask: Optional[LayerFile] = None
    zone_code_field: Optional[str] = None
    zone_code_length: int = 0
    area_method: int = 0
    invalid: int = 0
    encoding: Optional[str] = None
    deduction_field: Optional[str] = None
    deducted_class: str = "1203"
    area_check_field: Optional[str] = None
    area_check_abs: float = 0.1
    area_check_rel: float = 1e-6


@dataclass
class TallyFileInfo:
    deduction_field: str = ""
    area_check_field: str = ""
    area_check_method: str = ""
    area_checked: int = 0
    area_findings: int = 0
    area_no_official: int = 0
    area_no_official_fids: List[int] = field(default_factory=list)
    area_largest_m2: float = 0.0
    area_largest_fid: Optional[int] = None
    notes: List[str] = field(default_factory=list)


# (fid, bsm, tbbh, class_code, official_m2, computed_m2) of a parcel beyond the area check's tolerance
AreaFindingRow = Tuple[int, str, str, str, float, float]


def run_tally_job(ctx: Context, lib: ctypes.CDLL, job: TallyFileJob,
                  on_finding: Optional[Callable[[AreaFindingRow], None]] = None,
                  note: Optional[Callable[[str], None]] = None) -> Tuple[int, TallyFileInfo]:
    """Runs guotu_tally_job_run: the finished tally's handle (the caller adopts it with
    Tally.adopt and closes it) and what the run found beside it. Raises GuotuError /
    GuotuCancelled (through ``ctx``) on failure. Progress and cancel: ``ctx.set_progress``."""
    c = _TallyJob()
    lib.guotu_tally_job_init(ctypes.byref(c))
    keep: List[Optional[bytes]] = []

    def text(value: Optional[str]) -> Optional[bytes]:
        encoded = _encode(value)
        keep.append(encoded)
        return encoded

    if job.zones is not None:
        c.zones, c.zones_layer = text(job.zones.path), text(job.zones.layer)
        c.zones_where, c.zone_id_field = text(job.zones.where or None), text(job.zones.field)
    c.zone_code_field, c.zone_code_length = text(job.zone_code_field), int(job.zone_code_length)
    c.landuse, c.landuse_layer = text(job.landuse.path), text(job.landuse.layer)
    c.landuse_where, c.class_field = text(job.landuse.where or None), text(job.landuse.field)
    if job.mask is not None:
        c.mask, c.mask_layer, c.mask_where = text(job.mask.path), text(job.mask.layer), text(job.mask.where or None)
    c.area_method, c.invalid = int(job.area_method), int(job.invalid)
    c.encoding = text(job.encoding)
    c.deduction_field, c.deducted_class = text(job.deduction_field), text(job.deducted_class)
    if job.area_check_field:
        c.area_check_field = text(job.area_check_field)
        c.area_check_abs, c.area_check_rel = float(job.area_check_abs), float(job.area_check_rel)
    info = TallyFileInfo()
    failure: List[BaseException] = []

    def on_note(message: Optional[bytes], _user) -> None:
        info.notes.append(_decode(message))
        if note is not None:
            try:
                note(_decode(message))
            except BaseException as e:  # noqa: BLE001 — never unwind through C
                failure.append(e)

    def finding(f, _user) -> int:
        if on_finding is None:
            return 0
        try:
            v = f.contents
            on_finding((int(v.fid), _decode(v.bsm), _decode(v.tbbh), _decode(v.class_code), float(v.official_m2),
                        float(v.computed_m2)))
            return 0
        except BaseException as e:  # noqa: BLE001 — re-raised after the run
            failure.append(e)
            return 1

    c.note = _NOTE_FN(on_note)
    c.area_finding = _FINDING_FN(finding)
    out = PTR()
    raw = _TallyJobInfo()
    status = lib.guotu_tally_job_run(ctx.handle, ctypes.byref(c), ctypes.byref(out), ctypes.byref(raw))
    if failure:
        if out.value:
            tally_native.declare(ctx.lib).guotu_tally_destroy(ctx.handle, out)
        raise failure[0]
    ctx.check(status)
    info.deduction_field = _decode(raw.deduction_field)
    info.area_check_field = _decode(raw.area_check_field)
    info.area_check_method = _decode(raw.area_check_method)
    info.area_checked, info.area_findings = int(raw.area_checked), int(raw.area_findings)
    info.area_no_official = int(raw.area_no_official)
    info.area_no_official_fids = [int(raw.area_no_official_fids[i]) for i in range(min(5, info.area_no_official))]
    info.area_largest_m2 = float(raw.area_largest_m2)
    info.area_largest_fid = int(raw.area_largest_fid) if raw.area_largest_fid >= 0 else None
    return int(out.value), info


# ---- Ecological voucher accounting and market from files (guotu_voucher_job_run) ----
from .voucher_native import _NationalReference  # noqa: E402  (the row of the national reference table)


class _VoucherPeriod(ctypes.Structure):
    """guotu_voucher_period: one later survey of accounts over years."""
    _c_name_ = "guotu_voucher_period"
    _fields_ = [("year", INT), ("path", STR), ("layer", STR), ("gdp_field", STR), ("pop_field", STR)]


class _VoucherJobInfo(ctypes.Structure):
    """guotu_voucher_job_info: what a voucher job found, handed to its report."""
    _c_name_ = "guotu_voucher_job_info"
    _fields_ = [
        ("zones", INT64), ("units", INT64), ("reference", ctypes.c_char * 16),
        ("national", _NationalReference), ("reference_table", ctypes.c_char * 1400),
        ("violations", INT64), ("key_function_marked", INT), ("key_function_ids", STR),
        ("price_effect", ctypes.c_char * 48), ("base_year", INT), ("period_count", INT),
        ("period_traded_ha", DOUBLE * 32), ("ledger_csv", STR),
    ]


# (ctx, voucher, market, attribution, accounts, info, user)
_VOUCHER_REPORT_FN = ctypes.CFUNCTYPE(None, PTR, PTR, PTR, PTR, PTR, ctypes.POINTER(_VoucherJobInfo), PTR)


class _VoucherJob(ctypes.Structure):
    """guotu_voucher_job: the voucher accounting and market from files (the tool's `voucher`)."""
    _c_name_ = "guotu_voucher_job"
    _fields_ = [
        ("zones", STR), ("zones_layer", STR), ("zone_id_field", STR), ("zone_name_field", STR),
        ("gdp_field", STR), ("pop_field", STR), ("zone_table", STR),
        ("ask_field", STR), ("bid_field", STR), ("key_function_field", STR),
        ("zone_code_field", STR), ("zone_code_length", INT),
        ("unit_name", _UNIT_NAME_FN), ("unit_name_user", PTR), ("unit_names_source", STR),
        ("base", STR), ("base_layer", STR), ("base_class_field", STR), ("base_system", STR),
        ("target", STR), ("target_layer", STR), ("target_class_field", STR), ("target_system", STR),
        ("coefficients", STR), ("base_coefficients", STR), ("target_coefficients", STR), ("esv_reference", STR),
        ("reference", STR), ("reference_table", STR), ("target_year", INT),
        ("national_gdp_per_capita", DOUBLE), ("national_pop_density", DOUBLE),
        ("baseline", INT), ("protection_rate", DOUBLE),
        ("mask", STR), ("mask_czcsxm", STR),
        ("price", DOUBLE), ("floor_price", DOUBLE), ("cap", DOUBLE),
        ("allocation", INT), ("settlement", INT),
        ("area_method", INT), ("invalid", INT), ("raster_mode", INT),
        ("crs_mismatch_fail", INT), ("encoding", STR), ("threads", INT),
        ("counties", STR), ("counties_layer", STR), ("county_id_field", STR), ("county_name_field", STR),
        ("workspace", STR), ("redline", STR), ("redline_layer", STR), ("farmland", STR), ("farmland_layer", STR),
        ("redline_loss", INT),
        ("key_function_ids", STR), ("key_function_in_market", INT),
        ("periods", ctypes.POINTER(_VoucherPeriod)), ("period_count", INT),
        ("base_year", INT), ("opening", STR), ("caps", STR),
        ("output", STR),
        ("note", _NOTE_FN), ("note_user", PTR),
        ("stage", _NOTE_FN), ("stage_user", PTR),
        ("report", _VOUCHER_REPORT_FN), ("report_user", PTR),
    ]


def declare_voucher_job(lib: ctypes.CDLL) -> ctypes.CDLL:
    """Declares guotu_voucher_job_init and guotu_voucher_job_run on the I/O library ``lib``
    (from io_library); returns it."""
    lib.guotu_voucher_job_init.restype = None
    lib.guotu_voucher_job_init.argtypes = [ctypes.POINTER(_VoucherJob)]
    lib.guotu_voucher_job_run.restype = INT
    lib.guotu_voucher_job_run.argtypes = [PTR, ctypes.POINTER(_VoucherJob)]
    return lib


# ---- Three-lines workspace (guotu_lines_workspace_job_run, the tool's `lines init`) ----

class _LinesWorkspaceJob(ctypes.Structure):
    """guotu_lines_workspace_job: a new three-lines workspace GeoPackage in a CRS (or, asked for in
    degrees, in the Gauss-Krüger zone of the data of zone_from)."""
    _c_name_ = "guotu_lines_workspace_job"
    _fields_ = [("output", STR), ("crs", STR), ("zone_from", STR), ("note", _NOTE_FN), ("note_user", PTR)]


class _LinesWorkspaceJobInfo(ctypes.Structure):
    _c_name_ = "guotu_lines_workspace_job_info"
    _fields_ = [("zone_crs", ctypes.c_char * 32), ("layers", ctypes.c_int32), ("layer_names", ctypes.c_char * 512)]


def declare_lines_workspace_job(lib: ctypes.CDLL) -> ctypes.CDLL:
    """Declares guotu_lines_workspace_job_init and guotu_lines_workspace_job_run on the I/O
    library ``lib`` (from io_library); returns it."""
    lib.guotu_lines_workspace_job_init.restype = None
    lib.guotu_lines_workspace_job_init.argtypes = [ctypes.POINTER(_LinesWorkspaceJob)]
    lib.guotu_lines_workspace_job_run.restype = INT
    lib.guotu_lines_workspace_job_run.argtypes = [PTR, ctypes.POINTER(_LinesWorkspaceJob),
                                                  ctypes.POINTER(_LinesWorkspaceJobInfo)]
    return lib


# ---- A tally from files to files (guotu_tally_file_job_run, the tool's `tally`) ----

class _TallyFileJob(ctypes.Structure):
    """guotu_tally_file_job: a tally job and where its table goes (GeoPackage or CSV), with the
    zone names looked up by code as the tool's --zone-names."""
    _c_name_ = "guotu_tally_file_job"
    _fields_ = [("tally", ctypes.POINTER(_TallyJob)), ("output", STR),
                ("names", STR), ("names_layer", STR), ("names_id_field", STR), ("names_name_field", STR)]


def declare_tally_file_job(lib: ctypes.CDLL) -> ctypes.CDLL:
    """Declares guotu_tally_file_job_run on the I/O library ``lib`` (from io_library); returns it."""
    lib.guotu_tally_file_job_run.restype = INT
    lib.guotu_tally_file_job_run.argtypes = [PTR, ctypes.POINTER(_TallyFileJob), ctypes.POINTER(_TallyJobInfo)]
    return lib
