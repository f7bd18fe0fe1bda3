"""ctypes binding of libguotu (guotu.h, guotu_area.h, guotu_tally.h, ABI 1).

Only this module knows about ctypes. It mirrors the C API closely: one
:class:`Context` per run (the library keeps no global state and a context must
not be shared between threads), handles freed deterministically through
context managers, and every failing call raised as :class:`GuotuError` carrying
the library's status name and the context's last error message.
"""

import ctypes
import os
import sys
import threading
from enum import IntEnum
from pathlib import Path
from typing import Callable, Dict, List, Optional, Sequence, Tuple, Union

import numpy as np

from ..i18n import tr
from ..paths import PLUGIN_DIR
from .errors import GuotuCancelled, GuotuError, GuotuLibraryError

# Must equal GUOTU_ABI_VERSION of guotu.h for the structs below to be right.
ABI_VERSION = 1
LIBRARY_ENV = "GUOTU_LIBRARY"


class Status(IntEnum):
    OK = 0
    ERR_ARGUMENT = 1
    ERR_NOMEM = 2
    ERR_GEOMETRY = 3
    ERR_INVALID_GEOMETRY = 4
    ERR_CRS = 5
    ERR_STATE = 6
    ERR_CANCELLED = 7
    ERR_DATA = 8


class AreaMethod(IntEnum):
    ELLIPSOIDAL = 0
    PLANAR = 1


class InvalidPolicy(IntEnum):
    REPAIR = 0
    FAIL = 1


class RasterMode(IntEnum):
    EXACT = 0
    CENTRE = 1


# C enums are int-sized on every ABI we ship for, hence c_int for enum members.
class _TallyOptions(ctypes.Structure):
    _fields_ = [
        ("crs", ctypes.c_char_p),
        ("area_method", ctypes.c_int),
        ("invalid", ctypes.c_int),
        ("raster_mode", ctypes.c_int),
        ("zones_label", ctypes.c_char_p),
        ("landuse_label", ctypes.c_char_p),
        ("mask_label", ctypes.c_char_p),
    ]


class _RasterGrid(ctypes.Structure):
    _fields_ = [
        ("geotransform", ctypes.c_double * 6),
        ("width", ctypes.c_int64),
        ("height", ctypes.c_int64),
        ("has_nodata", ctypes.c_int),
        ("nodata", ctypes.c_int64),
    ]


class _TallyStats(ctypes.Structure):
    _fields_ = [
        ("zones", ctypes.c_int64),
        ("mask_features", ctypes.c_int64),
        ("landuse_features", ctypes.c_int64),
        ("repaired_zones", ctypes.c_int64),
        ("repaired_mask", ctypes.c_int64),
        ("repaired_landuse", ctypes.c_int64),
        ("empty_class_features", ctypes.c_int64),
        ("empty_class_area_ha", ctypes.c_double),
        ("zones_area_ha", ctypes.c_double),
        ("landuse_area_ha", ctypes.c_double),
        ("tallied_area_ha", ctypes.c_double),
        ("raster_cells", ctypes.c_int64),
        ("nodata_cells", ctypes.c_int64),
    ]


_PROGRESS_FN = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_double, ctypes.c_char_p, ctypes.c_void_p)

_P = ctypes.c_void_p
_I = ctypes.c_int
_I64 = ctypes.c_int64
_SZ = ctypes.c_size_t
_STR = ctypes.c_char_p

# name: (restype, argtypes) — transcribed from the headers, in header order.
_PROTOTYPES: Dict[str, Tuple[object, List[object]]] = {
    "guotu_version": (_STR, []),
    "guotu_abi_version": (_I, []),
    "guotu_status_name": (_STR, [_I]),
    "guotu_context_create": (_P, []),
    "guotu_context_destroy": (None, [_P]),
    "guotu_context_last_error": (_STR, [_P]),
    "guotu_context_set_progress": (None, [_P, _PROGRESS_FN, _P]),
    "guotu_dependency_versions": (_STR, [_P]),
    "guotu_area_calc_create": (_I, [_P, _STR, _I, ctypes.POINTER(_P)]),
    "guotu_area_calc_destroy": (None, [_P, _P]),
    "guotu_area_of_wkb": (_I, [_P, _P, _STR, _SZ, ctypes.POINTER(ctypes.c_double)]),
    "guotu_area_of_ring": (_I, [_P, _P, ctypes.POINTER(ctypes.c_double), _SZ,
                                ctypes.POINTER(ctypes.c_double)]),
    "guotu_area_calc_describe": (_STR, [_P]),
    "guotu_tally_options_init": (None, [ctypes.POINTER(_TallyOptions)]),
    "guotu_tally_create": (_I, [_P, ctypes.POINTER(_TallyOptions), ctypes.POINTER(_P)]),
    "guotu_tally_destroy": (None, [_P, _P]),
    "guotu_tally_add_zone": (_I, [_P, _P, _STR, _I64, _STR, _SZ]),
    "guotu_tally_add_mask": (_I, [_P, _P, _I64, _STR, _SZ]),
    "guotu_tally_prepare": (_I, [_P, _P]),
    "guotu_tally_set_expected": (_I, [_P, _P, _I64]),
    "guotu_tally_add_landuse": (_I, [_P, _P, _STR, _I64, _STR, _SZ]),
    "guotu_tally_set_raster": (_I, [_P, _P, ctypes.POINTER(_RasterGrid)]),
    "guotu_tally_add_raster_block": (_I, [_P, _P, _I64, _I64, _I64, _I64,
                                          ctypes.POINTER(ctypes.c_int32), _I64]),
    "guotu_tally_finish": (_I, [_P, _P]),
    "guotu_tally_result_count": (_SZ, [_P]),
    "guotu_tally_result": (_I, [_P, _P, _SZ, ctypes.POINTER(_STR), ctypes.POINTER(_STR),
                                ctypes.POINTER(ctypes.c_double)]),
    "guotu_tally_get_stats": (_I, [_P, _P, ctypes.POINTER(_TallyStats)]),
}


def library_file_name() -> str:
    if sys.platform.startswith("win"):
        return "guotu.dll"
    if sys.platform == "darwin":
        return "libguotu.dylib"
    return "libguotu.so"


def library_candidates() -> List[Path]:
    """Where the library is looked for, in order.

    1. ``$GUOTU_LIBRARY`` (developers and packagers pointing at a build);
    2. ``<plugin>/lib/`` (what scripts/package_plugin.py ships);
    3. ``<repo>/build/core/`` (running the plugin straight from a checkout,
       where the package folder is ``<repo>/plugin``).
    """
    name = library_file_name()
    candidates: List[Path] = []
    env = os.environ.get(LIBRARY_ENV, "").strip()
    if env:
        candidates.append(Path(env))
    candidates.append(PLUGIN_DIR / "lib" / name)
    candidates.append(PLUGIN_DIR.parent / "build" / "core" / name)
    return candidates


def _declare(lib: ctypes.CDLL) -> None:
    for name, (restype, argtypes) in _PROTOTYPES.items():
        func = getattr(lib, name)
        func.restype = restype
        func.argtypes = argtypes


def _open(path: Path) -> ctypes.CDLL:
    lib = ctypes.CDLL(str(path))
    # Check the ABI before touching any struct: a mismatched library would
    # read our option structs with another layout.
    abi = lib.guotu_abi_version
    abi.restype = ctypes.c_int
    abi.argtypes = []
    found = abi()
    if found != ABI_VERSION:
        raise GuotuLibraryError(
            tr("The Guotu native library {path} has ABI version {found}, but this plugin "
               "needs ABI version {expected}. Install matching versions of the plugin and "
               "the library.").format(path=path, found=found, expected=ABI_VERSION))
    _declare(lib)
    return lib


_lock = threading.Lock()
_loaded: Dict[str, ctypes.CDLL] = {}


def load_library(candidates: Optional[Sequence[Path]] = None) -> ctypes.CDLL:
    """Loads (once per path) and returns the first usable library among
    ``candidates`` (default: :func:`library_candidates`)."""
    paths = list(candidates) if candidates is not None else library_candidates()
    problems: List[str] = []
    with _lock:
        for path in paths:
            key = str(path)
            if key in _loaded:
                return _loaded[key]
            if not path.is_file():
                problems.append(tr("{path} (not found)").format(path=path))
                continue
            try:
                lib = _open(path)
            except OSError as e:
                problems.append(tr("{path} (could not be loaded: {error})").format(path=path, error=e))
                continue
            except AttributeError as e:
                problems.append(tr("{path} (is not libguotu: {error})").format(path=path, error=e))
                continue
            _loaded[key] = lib
            return lib
    raise GuotuLibraryError(
        tr("The Guotu native library (libguotu) was not found. Paths tried: {paths}. "
           "Reinstall the plugin, or set the environment variable {env} to the library "
           "file.").format(paths="; ".join(problems), env=LIBRARY_ENV))


def _decode(value: Optional[bytes]) -> str:
    return value.decode("utf-8", errors="replace") if value else ""


def _encode(value: Optional[str]) -> Optional[bytes]:
    return None if value is None else value.encode("utf-8")


# fraction in [0, 1], optional English message -> True to cancel.
ProgressCallback = Callable[[float, Optional[str]], bool]


class Context:
    """One guotu_context: create per run and close it (``with Context() as ctx``)."""

    def __init__(self, lib: Optional[ctypes.CDLL] = None) -> None:
        self.lib = lib if lib is not None else load_library()
        handle = self.lib.guotu_context_create()
        if not handle:
            raise MemoryError("guotu_context_create returned NULL")
        self._handle: Optional[int] = handle
        # The CFUNCTYPE object must outlive every call that may invoke it.
        self._progress_ref: Optional[object] = None
        self._callback_error: Optional[BaseException] = None

    @property
    def handle(self) -> int:
        if self._handle is None:
            raise GuotuError(int(Status.ERR_STATE), "GUOTU_ERR_STATE", "context already destroyed")
        return self._handle

    def close(self) -> None:
        if self._handle is not None:
            self.lib.guotu_context_destroy(self._handle)
            self._handle = None
            self._progress_ref = None

    def __enter__(self) -> "Context":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def version(self) -> str:
        return _decode(self.lib.guotu_version())

    def dependency_versions(self) -> str:
        return _decode(self.lib.guotu_dependency_versions(self.handle))

    def last_error(self) -> str:
        return _decode(self.lib.guotu_context_last_error(self.handle))

    def set_progress(self, callback: Optional[ProgressCallback]) -> None:
        """Routes the core's progress reports to ``callback``; returning True cancels."""
        if callback is None:
            self._progress_ref = None
            self.lib.guotu_context_set_progress(self.handle, _PROGRESS_FN(), None)
            return

        def bridge(fraction: float, message: Optional[bytes], _user: Optional[int]) -> int:
            # An exception must not unwind through C: keep it, cancel the call,
            # and re-raise it from check().
            try:
                return 1 if callback(fraction, _decode(message) or None) else 0
            except BaseException as e:  # noqa: BLE001 — re-raised in check()
                self._callback_error = e
                return 1

        self._progress_ref = _PROGRESS_FN(bridge)
        self.lib.guotu_context_set_progress(self.handle, self._progress_ref, None)

    def check(self, status: int) -> None:
        """Raises for any status but GUOTU_OK."""
        if status == Status.OK:
            return
        if self._callback_error is not None:
            error, self._callback_error = self._callback_error, None
            raise error
        name = _decode(self.lib.guotu_status_name(status)) or f"GUOTU_STATUS_{status}"
        message = self.last_error()
        if status == Status.ERR_CANCELLED:
            raise GuotuCancelled(status, name, message)
        raise GuotuError(status, name, message)


class AreaCalculator:
    """guotu_area_calc: ellipsoidal or planar area of WKB polygons."""

    def __init__(self, ctx: Context, crs: Optional[str], method: AreaMethod) -> None:
        self._ctx = ctx
        out = ctypes.c_void_p()
        ctx.check(ctx.lib.guotu_area_calc_create(ctx.handle, _encode(crs), int(method), ctypes.byref(out)))
        self._handle: Optional[int] = out.value

    def close(self) -> None:
        if self._handle is not None:
            self._ctx.lib.guotu_area_calc_destroy(self._ctx.handle, self._handle)
            self._handle = None

    def __enter__(self) -> "AreaCalculator":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def describe(self) -> str:
        return _decode(self._ctx.lib.guotu_area_calc_describe(self._handle))

    def area_of_wkb(self, wkb: bytes) -> float:
        area = ctypes.c_double()
        self._ctx.check(self._ctx.lib.guotu_area_of_wkb(
            self._ctx.handle, self._handle, wkb, len(wkb), ctypes.byref(area)))
        return area.value

    def area_of_ring(self, xy: Sequence[float]) -> float:
        n = len(xy) // 2
        buf = (ctypes.c_double * (2 * n))(*xy)
        area = ctypes.c_double()
        self._ctx.check(self._ctx.lib.guotu_area_of_ring(
            self._ctx.handle, self._handle, buf, n, ctypes.byref(area)))
        return area.value


TallyRow = Tuple[str, str, float]


class Tally:
    """guotu_tally: area in hectares of each land-use class inside each zone.

    Methods follow the C life cycle (zones, mask, prepare, land use or raster,
    finish, results). After any failure the tally may only be closed.
    """

    def __init__(self, ctx: Context, crs: str, *,
                 area_method: AreaMethod = AreaMethod.ELLIPSOIDAL,
                 invalid: InvalidPolicy = InvalidPolicy.REPAIR,
                 raster_mode: RasterMode = RasterMode.EXACT,
                 zones_label: Optional[str] = None,
                 landuse_label: Optional[str] = None,
                 mask_label: Optional[str] = None) -> None:
        self._ctx = ctx
        lib = ctx.lib
        opts = _TallyOptions()
        lib.guotu_tally_options_init(ctypes.byref(opts))
        # The bytes objects must stay referenced until create() returns
        # (the library copies them then).
        keep = [_encode(crs), _encode(zones_label), _encode(landuse_label), _encode(mask_label)]
        opts.crs = keep[0]
        opts.area_method = int(area_method)
        opts.invalid = int(invalid)
        opts.raster_mode = int(raster_mode)
        if zones_label:
            opts.zones_label = keep[1]
        if landuse_label:
            opts.landuse_label = keep[2]
        if mask_label:
            opts.mask_label = keep[3]
        out = ctypes.c_void_p()
        ctx.check(lib.guotu_tally_create(ctx.handle, ctypes.byref(opts), ctypes.byref(out)))
        del keep
        self._handle: Optional[int] = out.value

    @property
    def handle(self) -> int:
        if self._handle is None:
            raise GuotuError(int(Status.ERR_STATE), "GUOTU_ERR_STATE", "tally already destroyed")
        return self._handle

    def close(self) -> None:
        if self._handle is not None:
            self._ctx.lib.guotu_tally_destroy(self._ctx.handle, self._handle)
            self._handle = None

    def __enter__(self) -> "Tally":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _call(self, name: str, *args: object) -> None:
        self._ctx.check(getattr(self._ctx.lib, name)(self._ctx.handle, self.handle, *args))

    def add_zone(self, zone_id: str, fid: int, wkb: bytes) -> None:
        self._call("guotu_tally_add_zone", _encode(zone_id), fid, wkb, len(wkb))

    def add_mask(self, fid: int, wkb: bytes) -> None:
        self._call("guotu_tally_add_mask", fid, wkb, len(wkb))

    def prepare(self) -> None:
        self._call("guotu_tally_prepare")

    def set_expected(self, n_features: int) -> None:
        self._call("guotu_tally_set_expected", n_features)

    def add_landuse(self, class_code: Optional[str], fid: int, wkb: bytes) -> None:
        self._call("guotu_tally_add_landuse", _encode(class_code), fid, wkb, len(wkb))

    def set_raster(self, geotransform: Sequence[float], width: int, height: int,
                   nodata: Optional[int]) -> None:
        grid = _RasterGrid()
        for i, value in enumerate(geotransform):
            grid.geotransform[i] = value
        grid.width = width
        grid.height = height
        grid.has_nodata = 0 if nodata is None else 1
        grid.nodata = 0 if nodata is None else nodata
        self._call("guotu_tally_set_raster", ctypes.byref(grid))

    def add_raster_block(self, row0: int, col0: int, values: np.ndarray) -> None:
        """``values``: 2-D array of class codes, rows x columns, cast to int32."""
        block = np.ascontiguousarray(values, dtype=np.int32)
        if block.ndim != 2:
            raise ValueError("raster block must be 2-D")
        nrows, ncols = block.shape
        pointer = block.ctypes.data_as(ctypes.POINTER(ctypes.c_int32))
        self._call("guotu_tally_add_raster_block", row0, col0, nrows, ncols, pointer, ncols)

    def finish(self) -> None:
        self._call("guotu_tally_finish")

    def results(self) -> List[TallyRow]:
        lib = self._ctx.lib
        count = lib.guotu_tally_result_count(self.handle)
        rows: List[TallyRow] = []
        zone_id = ctypes.c_char_p()
        class_code = ctypes.c_char_p()
        area = ctypes.c_double()
        for i in range(count):
            self._call("guotu_tally_result", i, ctypes.byref(zone_id), ctypes.byref(class_code),
                       ctypes.byref(area))
            rows.append((_decode(zone_id.value), _decode(class_code.value), area.value))
        return rows

    def stats(self) -> Dict[str, Union[int, float]]:
        stats = _TallyStats()
        self._call("guotu_tally_get_stats", ctypes.byref(stats))
        return {name: getattr(stats, name) for name, _ in _TallyStats._fields_}
