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
from typing import Callable, Dict, List, Optional

from .convert_native import Convert, declare
from .native import Context, Status, _decode, _encode, loaded_library_path

PTR = ctypes.c_void_p
STR = ctypes.c_char_p
INT = ctypes.c_int

_NOTE_FN = ctypes.CFUNCTYPE(None, ctypes.c_char_p, ctypes.c_void_p)
_REPORT_FN = ctypes.CFUNCTYPE(None, ctypes.c_void_p, ctypes.c_void_p, ctypes.c_void_p)


class _ConvertJob(ctypes.Structure):
    _c_name_ = "guotu_convert_job"  # the C struct it mirrors (checked by test_abi_layout.py)
    _fields_ = [
        ("before", STR), ("before_layer", STR), ("before_where", STR), ("before_class_field", STR),
        ("before_system", STR),
        ("after", STR), ("after_layer", STR), ("after_where", STR), ("after_class_field", STR),
        ("after_system", STR),
        ("zones", STR), ("zones_layer", STR), ("zones_where", STR), ("zone_id_field", STR),
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
    ]


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

    c.note = _NOTE_FN(on_note)
    c.report = _REPORT_FN(on_report)
    status = lib.guotu_convert_job_run(ctx.handle, ctypes.byref(c))
    ctx.check(status)
    if failure:
        raise failure[0]
    return result
