"""ctypes binding of guotu_border.h: cross-city boundary conflicts (三下三上, SPEC §6).

Builds on :mod:`.native` (loader, :class:`~.native.Context`, errors). Prototypes are
declared on first use, so a libguotu without the border check still loads for the rest.
"""

import ctypes
from dataclasses import dataclass
from typing import Callable, Dict, List, Optional, Tuple

from .native import AreaMethod, Context, _decode, _encode
from .native_handle import NativeHandle, initial_options, numbers_of, set_numbers
from .prototypes import PrototypeSet
from .ctypes_names import INT, INT64, PTR, SIZE, STR

STATUSES: Tuple[str, ...] = ("coordinated", "overlap", "gap", "discontinuity", "category_mismatch", "none")
KINDS: Tuple[str, ...] = ("overlap", "gap", "discontinuity", "category_mismatch")


class _BorderOptions(ctypes.Structure):
    _c_name_ = "guotu_border_options"  # the C struct it mirrors (checked by test_abi_layout.py)
    _fields_ = [
        ("crs", ctypes.c_char_p),
        ("area_method", ctypes.c_int),
        ("corridor_m", ctypes.c_double),
        ("reach_m", ctypes.c_double),
        ("snap_m", ctypes.c_double),
        ("min_length_m", ctypes.c_double),
        ("min_area_m2", ctypes.c_double),
        ("basemap_min_m2", ctypes.c_double),
        ("weight_overlap", ctypes.c_double),
        ("weight_mismatch", ctypes.c_double),
        ("weight_gap", ctypes.c_double),
        ("weight_discontinuity", ctypes.c_double),
        ("part", ctypes.c_int),   # share of the work for threads; the plugin runs everything (0 of 1)
        ("parts", ctypes.c_int),
    ]


class _Segment(ctypes.Structure):
    _c_name_ = "guotu_border_segment"  # the C struct it mirrors (checked by test_abi_layout.py)
    _fields_ = [
        ("admin_a", ctypes.c_char_p), ("admin_b", ctypes.c_char_p), ("status", ctypes.c_char_p),
        ("categories_a", ctypes.c_char_p), ("categories_b", ctypes.c_char_p),
        ("names_a", ctypes.c_char_p), ("names_b", ctypes.c_char_p),
        ("length_m", ctypes.c_double), ("conflict_id", ctypes.c_int64),
        ("wkb", ctypes.c_void_p), ("wkb_size", ctypes.c_size_t),
    ]


class _Conflict(ctypes.Structure):
    _c_name_ = "guotu_border_conflict"  # the C struct it mirrors (checked by test_abi_layout.py)
    _fields_ = [
        ("id", ctypes.c_int64), ("kind", ctypes.c_char_p), ("detail", ctypes.c_char_p),
        ("admin_a", ctypes.c_char_p), ("admin_b", ctypes.c_char_p), ("side", ctypes.c_char_p),
        ("categories_a", ctypes.c_char_p), ("categories_b", ctypes.c_char_p),
        ("names_a", ctypes.c_char_p), ("names_b", ctypes.c_char_p),
        ("fid_a", ctypes.c_int64), ("fid_b", ctypes.c_int64),
        ("length_m", ctypes.c_double), ("area_m2", ctypes.c_double),
        ("line_wkb", ctypes.c_void_p), ("line_wkb_size", ctypes.c_size_t),
        ("area_wkb", ctypes.c_void_p), ("area_wkb_size", ctypes.c_size_t),
    ]


class _Issue(ctypes.Structure):
    _c_name_ = "guotu_border_issue"  # the C struct it mirrors (checked by test_abi_layout.py)
    _fields_ = [
        ("kind", ctypes.c_char_p), ("admin_a", ctypes.c_char_p), ("admin_b", ctypes.c_char_p),
        ("fid", ctypes.c_int64), ("city_id", ctypes.c_char_p), ("area_m2", ctypes.c_double),
        ("message_zh", ctypes.c_char_p), ("message_en", ctypes.c_char_p),
        ("wkb", ctypes.c_void_p), ("wkb_size", ctypes.c_size_t),
    ]


_SEGMENT_FN = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.POINTER(_Segment), ctypes.c_void_p)
_CONFLICT_FN = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.POINTER(_Conflict), ctypes.c_void_p)
_ISSUE_FN = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.POINTER(_Issue), ctypes.c_void_p)


class _Callbacks(ctypes.Structure):
    _c_name_ = "guotu_border_callbacks"  # the C struct it mirrors (checked by test_abi_layout.py)
    _fields_ = [("segment", _SEGMENT_FN), ("conflict", _CONFLICT_FN), ("issue", _ISSUE_FN)]


class _Pair(ctypes.Structure):
    _c_name_ = "guotu_border_pair"  # the C struct it mirrors (checked by test_abi_layout.py)
    _fields_ = [
        ("admin_a", ctypes.c_char_p), ("admin_b", ctypes.c_char_p), ("name_a", ctypes.c_char_p),
        ("name_b", ctypes.c_char_p),
        ("border_m", ctypes.c_double), ("coordinated_m", ctypes.c_double), ("overlap_m", ctypes.c_double),
        ("gap_m", ctypes.c_double), ("discontinuity_m", ctypes.c_double), ("mismatch_m", ctypes.c_double),
        ("none_m", ctypes.c_double), ("overlap_area_m2", ctypes.c_double), ("gap_area_m2", ctypes.c_double),
        ("admin_overlap_m2", ctypes.c_double), ("admin_gap_m2", ctypes.c_double), ("conflicts", ctypes.c_int64),
        ("weighted_conflict_m", ctypes.c_double), ("score", ctypes.c_double),
    ]


class _Stats(ctypes.Structure):
    _c_name_ = "guotu_border_stats"  # the C struct it mirrors (checked by test_abi_layout.py)
    _fields_ = [(name, ctypes.c_int64) for name in (
        "admins", "elements", "elements_compared", "elements_no_city", "elements_unknown_city", "elements_invalid",
        "elements_no_geometry", "admins_invalid")]



# name: (restype, argtypes) — transcribed from guotu_border.h, in header order.
_PROTOTYPES: Dict[str, Tuple[object, List[object]]] = {
    "guotu_border_options_init": (None, [ctypes.POINTER(_BorderOptions)]),
    "guotu_border_create": (INT, [PTR, ctypes.POINTER(_BorderOptions), ctypes.POINTER(PTR)]),
    "guotu_border_destroy": (None, [PTR, PTR]),
    "guotu_border_add_admin": (INT, [PTR, PTR, STR, STR, INT64, STR, SIZE]),
    "guotu_border_add_element": (INT, [PTR, PTR, STR, STR, STR, INT64, STR, SIZE]),
    "guotu_border_run": (INT, [PTR, PTR, ctypes.POINTER(_Callbacks), PTR]),
    "guotu_border_pair_count": (SIZE, [PTR]),
    "guotu_border_pair_row": (INT, [PTR, PTR, SIZE, ctypes.POINTER(_Pair)]),
    "guotu_border_get_stats": (INT, [PTR, PTR, ctypes.POINTER(_Stats)]),
}

_SET = PrototypeSet("the border check (guotu_border.h)", _PROTOTYPES)


def declare(lib: ctypes.CDLL) -> ctypes.CDLL:
    """Sets restype/argtypes of these functions on ``lib`` (once per library)."""
    return _SET.declare(lib)


@dataclass
class BorderOptions:
    """guotu_border_options; None keeps the library's default (SPEC §6)."""
    area_method: AreaMethod = AreaMethod.ELLIPSOIDAL
    corridor_m: Optional[float] = None
    reach_m: Optional[float] = None
    snap_m: Optional[float] = None
    min_length_m: Optional[float] = None
    min_area_m2: Optional[float] = None
    basemap_min_m2: Optional[float] = None
    weight_overlap: Optional[float] = None
    weight_mismatch: Optional[float] = None
    weight_gap: Optional[float] = None
    weight_discontinuity: Optional[float] = None


NUMBERS = ("corridor_m", "reach_m", "snap_m", "min_length_m", "min_area_m2", "basemap_min_m2", "weight_overlap",
           "weight_mismatch", "weight_gap", "weight_discontinuity")


@dataclass
class Segment:
    admin_a: str
    admin_b: str
    status: str
    categories_a: str
    categories_b: str
    names_a: str
    names_b: str
    length_m: float
    conflict_id: int  # -1 when none
    wkb: bytes


@dataclass
class Conflict:
    id: int
    kind: str
    detail: str
    admin_a: str
    admin_b: str
    side: str
    categories_a: str
    categories_b: str
    names_a: str
    names_b: str
    fid_a: int
    fid_b: int
    length_m: float
    area_m2: float
    line_wkb: bytes
    area_wkb: bytes


@dataclass
class Issue:
    kind: str
    admin_a: str
    admin_b: str
    fid: int
    city_id: str
    area_m2: float
    message_zh: str
    message_en: str
    wkb: bytes


@dataclass
class Pair:
    admin_a: str
    admin_b: str
    name_a: str
    name_b: str
    border_m: float
    coordinated_m: float
    overlap_m: float
    gap_m: float
    discontinuity_m: float
    mismatch_m: float
    none_m: float
    overlap_area_m2: float
    gap_area_m2: float
    admin_overlap_m2: float
    admin_gap_m2: float
    conflicts: int
    weighted_conflict_m: float
    score: float


def default_options(ctx: Context) -> Dict[str, float]:
    """guotu_border_options_init's numbers, by field name."""
    return numbers_of(initial_options(_BorderOptions, declare(ctx.lib).guotu_border_options_init), NUMBERS)


def _bytes(pointer: Optional[int], size: int) -> bytes:
    return ctypes.string_at(pointer, size) if pointer and size else b""


def _values(struct: ctypes.Structure) -> list:
    return [_decode(getattr(struct, n)) if t is ctypes.c_char_p else getattr(struct, n) for n, t in struct._fields_]


class BorderCheck(NativeHandle):
    """guotu_border: admin units and elements in, segments / conflicts / issues through
    callbacks, then the pair summary and counts. Create, add, run once, read, close."""

    _destroy = "guotu_border_destroy"
    _what = "border check"

    def __init__(self, ctx: Context, crs: Optional[str], options: BorderOptions) -> None:
        super().__init__(ctx, declare(ctx.lib))
        opts = initial_options(_BorderOptions, self._lib.guotu_border_options_init)
        keep = _encode(crs)
        opts.crs = keep
        opts.area_method = int(options.area_method)
        set_numbers(opts, options, NUMBERS)
        out = ctypes.c_void_p()
        ctx.check(self._lib.guotu_border_create(ctx.handle, ctypes.byref(opts), ctypes.byref(out)))
        del keep
        self._handle = out.value

    def add_admin(self, admin_id: str, name: str, fid: int, wkb: bytes) -> None:
        self._ctx.check(self._lib.guotu_border_add_admin(self._ctx.handle, self.handle, _encode(admin_id),
                                                         _encode(name), fid, wkb, len(wkb)))

    def add_element(self, city_id: str, category: str, name: str, fid: int, wkb: Optional[bytes]) -> None:
        data = wkb or None
        self._ctx.check(self._lib.guotu_border_add_element(self._ctx.handle, self.handle, _encode(city_id),
                                                           _encode(category), _encode(name), fid, data,
                                                           len(wkb) if wkb else 0))

    def run(self, on_segment: Callable[[Segment], None], on_conflict: Callable[[Conflict], None],
            on_issue: Callable[[Issue], None]) -> None:
        """Runs the comparison; an exception in a callback stops the run and is raised here."""

        def segment(s: _Segment) -> None:
            values = _values(s)[:-2]
            on_segment(Segment(*values, _bytes(s.wkb, s.wkb_size)))

        def conflict(c: _Conflict) -> None:
            values = _values(c)[:-4]
            on_conflict(Conflict(*values, _bytes(c.line_wkb, c.line_wkb_size), _bytes(c.area_wkb, c.area_wkb_size)))

        def issue(i: _Issue) -> None:
            values = _values(i)[:-2]
            on_issue(Issue(*values, _bytes(i.wkb, i.wkb_size)))

        callbacks = _Callbacks(_SEGMENT_FN(self.guarded(segment)), _CONFLICT_FN(self.guarded(conflict)),
                               _ISSUE_FN(self.guarded(issue)))  # referenced until run returns
        self.check_run(self._lib.guotu_border_run(self._ctx.handle, self.handle, ctypes.byref(callbacks), None))

    def pairs(self) -> List[Pair]:
        out: List[Pair] = []
        p = _Pair()
        for i in range(self._lib.guotu_border_pair_count(self.handle)):
            self._ctx.check(self._lib.guotu_border_pair_row(self._ctx.handle, self.handle, i, ctypes.byref(p)))
            out.append(Pair(*_values(p)))
        return out

    def stats(self) -> Dict[str, int]:
        s = _Stats()
        self._ctx.check(self._lib.guotu_border_get_stats(self._ctx.handle, self.handle, ctypes.byref(s)))
        return {name: getattr(s, name) for name, _ in _Stats._fields_}
