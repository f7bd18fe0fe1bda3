"""ctypes binding of libguotu: the library, guotu.h (context, status codes, versions) and
the enums several headers share (area method, invalid-geometry policy, raster mode).

The other headers have a module each, on :class:`~.native_handle.NativeHandle` and
:class:`~.prototypes.PrototypeSet`: ``area_native`` (guotu_area.h), ``tally_native``
(guotu_tally.h), ``voucher_native`` (guotu_voucher.h: coefficients, accounts, market,
ledger), ``convert_native``, ``lines_native`` … Only the ``*_native`` modules know ctypes.
It mirrors the C API closely: one :class:`Context` per run (the library keeps no global
state and a context must not be shared between threads), handles freed deterministically
through context managers, and every failing call raised as :class:`GuotuError` carrying
the library's status name and the context's last error message.
"""

import ctypes
import importlib
import os
import sys
import threading
from enum import IntEnum
from pathlib import Path
from typing import Any, Callable, Dict, List, Optional, Sequence, Tuple

from ..i18n import tr
from ..paths import PLUGIN_DIR
from .errors import GuotuCancelled, GuotuError, GuotuLibraryError
from .ctypes_names import INT, PTR, STR

# Must equal GUOTU_ABI_VERSION of guotu.h for the structs of the *_native modules to be right.
ABI_VERSION = 3
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
    ERR_IO = 9  # the I/O library's file runs only


class AreaMethod(IntEnum):
    ELLIPSOIDAL = 0
    PLANAR = 1


class InvalidPolicy(IntEnum):
    REPAIR = 0
    FAIL = 1


class RasterMode(IntEnum):
    EXACT = 0
    CENTRE = 1


_PROGRESS_FN = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_double, ctypes.c_char_p, ctypes.c_void_p)


# name: (restype, argtypes) — transcribed from guotu.h, in header order.
_PROTOTYPES: Dict[str, Tuple[object, List[object]]] = {
    "guotu_version": (STR, []),
    "guotu_abi_version": (INT, []),
    "guotu_status_name": (STR, [INT]),
    "guotu_context_create": (PTR, []),
    "guotu_context_destroy": (None, [PTR]),
    "guotu_context_last_error": (STR, [PTR]),
    "guotu_context_set_progress": (None, [PTR, _PROGRESS_FN, PTR]),
    "guotu_dependency_versions": (STR, [PTR]),
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


def loaded_library_path(lib: ctypes.CDLL) -> Optional[Path]:
    """The file ``lib`` was loaded from by :func:`load_library`, or None."""
    with _lock:
        for key, loaded in _loaded.items():
            if loaded is lib:
                return Path(key)
    return None


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


def library_version() -> str:
    """"MAJOR.MINOR.PATCH" of the loaded libguotu."""
    return _decode(load_library().guotu_version())


# Names that lived here before each header had its module, kept importable from here.
_MOVED: Dict[str, str] = {
    **dict.fromkeys(("AreaCalculator",), "area_native"),
    **dict.fromkeys(("Tally", "TallyRow"), "tally_native"),
    **dict.fromkeys(("Baseline", "Role", "Allocation", "Settlement", "Coefficients", "REDLINE_LOSS",
                     "VoucherOptions", "VoucherZone", "VoucherClassRow", "VoucherUnknown", "VoucherSummary",
                     "CountyVoucher", "Voucher", "Attribution", "MarketOptions", "Trade", "MarketSummary",
                     "NationalReference", "national_reference", "Market", "LedgerRow", "Ledger", "role_name"),
                    "voucher_native"),
}


def __getattr__(name: str) -> Any:
    module = _MOVED.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f".{module}", __package__), name)
