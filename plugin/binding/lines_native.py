"""ctypes binding of guotu_lines.h: the rule checks of the three control lines (三区三线).

It builds on :mod:`.native` (library loader, :class:`~.native.Context`, error types)
and declares the lines prototypes on the loaded library the first time they are used,
so that a libguotu without guotu_lines.h still loads for everything else and only the
three-lines check says what is missing. (The category maps used for cultivated land are
:class:`.convert_native.CategoryMap`.)
"""

import ctypes
import math
from dataclasses import dataclass
from typing import Callable, Dict, List, Optional, Tuple

from .native import AreaMethod, Context, _decode, _encode
from .native_handle import NativeHandle, initial_options, numbers_of, set_numbers
from .prototypes import PrototypeSet
from .ctypes_names import INT, INT64, PTR, SIZE, STR

# guotu_line, in the header's order; the names are the workspace's layer names.
LINE_NAMES: Tuple[str, ...] = ("ecological_redline", "permanent_farmland", "urban_boundary")
REDLINE, FARMLAND, URBAN = 0, 1, 2
RULES: Tuple[str, ...] = tuple(f"L{n:02d}" for n in range(1, 15))


class _LinesOptions(ctypes.Structure):
    _c_name_ = "guotu_lines_options"  # the C struct it mirrors (checked by test_abi_layout.py)
    _fields_ = [
        ("crs", ctypes.c_char_p),
        ("area_method", ctypes.c_int),
        ("minor_overlap_m2", ctypes.c_double),
        ("sliver_width_m", ctypes.c_double),
        ("min_patch_m2", ctypes.c_double),
        ("gap_min_m", ctypes.c_double),
        ("gap_max_m", ctypes.c_double),
        ("expansion_cap", ctypes.c_double),
        ("farmland_share", ctypes.c_double),
        ("rules", ctypes.c_uint32),
    ]


# The options' numbers (None in LinesOptions keeps the core's default).
NUMBERS = ("minor_overlap_m2", "sliver_width_m", "min_patch_m2", "gap_min_m", "gap_max_m", "expansion_cap",
           "farmland_share")

class _AdminValues(ctypes.Structure):
    _c_name_ = "guotu_admin_values"  # the C struct it mirrors (checked by test_abi_layout.py)
    _fields_ = [
        ("redline_target_ha", ctypes.c_double),
        ("farmland_target_ha", ctypes.c_double),
        ("urban_2020_ha", ctypes.c_double),
        ("expansion_cap", ctypes.c_double),
        ("cultivated_ha", ctypes.c_double),
    ]


class _LineIssue(ctypes.Structure):
    _c_name_ = "guotu_line_issue"  # the C struct it mirrors (checked by test_abi_layout.py)
    _fields_ = [
        ("rule_id", ctypes.c_char_p),
        ("severity", ctypes.c_char_p),
        ("line_a", ctypes.c_int),
        ("fid_a", ctypes.c_int64),
        ("line_b", ctypes.c_int),
        ("fid_b", ctypes.c_int64),
        ("admin_code", ctypes.c_char_p),
        ("value", ctypes.c_double),
        ("message_zh", ctypes.c_char_p),
        ("message_en", ctypes.c_char_p),
        ("suggestion_zh", ctypes.c_char_p),
        ("suggestion_en", ctypes.c_char_p),
        ("fingerprint", ctypes.c_char_p),
        ("wkb", ctypes.c_void_p),
        ("wkb_size", ctypes.c_size_t),
    ]


class _LineStats(ctypes.Structure):
    _c_name_ = "guotu_line_stats"  # the C struct it mirrors (checked by test_abi_layout.py)
    _fields_ = [
        ("admin_code", ctypes.c_char_p),
        ("admin_name", ctypes.c_char_p),
        ("redline_ha", ctypes.c_double),
        ("farmland_ha", ctypes.c_double),
        ("urban_ha", ctypes.c_double),
        ("values", _AdminValues),
        ("expansion", ctypes.c_double),
        ("farmland_share", ctypes.c_double),
        ("redline_ok", ctypes.c_int),
        ("farmland_ok", ctypes.c_int),
        ("expansion_ok", ctypes.c_int),
        ("share_ok", ctypes.c_int),
    ]


_ISSUE_FN = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.POINTER(_LineIssue), ctypes.c_void_p)


# name: (restype, argtypes) — transcribed from guotu_lines.h, in header order.
_PROTOTYPES: Dict[str, Tuple[object, List[object]]] = {
    "guotu_line_name": (STR, [INT]),
    "guotu_lines_options_init": (None, [ctypes.POINTER(_LinesOptions)]),
    "guotu_lines_create": (INT, [PTR, ctypes.POINTER(_LinesOptions), ctypes.POINTER(PTR)]),
    "guotu_lines_destroy": (None, [PTR, PTR]),
    "guotu_lines_add_admin": (INT, [PTR, PTR, STR, STR, ctypes.POINTER(_AdminValues), INT64, STR, SIZE]),
    "guotu_lines_add": (INT, [PTR, PTR, INT, INT64, STR, SIZE]),
    "guotu_lines_run": (INT, [PTR, PTR, _ISSUE_FN, PTR]),
    "guotu_lines_stats_count": (SIZE, [PTR]),
    "guotu_lines_stats_row": (INT, [PTR, PTR, SIZE, ctypes.POINTER(_LineStats)]),
}

_SET = PrototypeSet("the three-lines checks (guotu_lines.h)", _PROTOTYPES)


def declare(lib: ctypes.CDLL) -> ctypes.CDLL:
    """Sets restype/argtypes of these functions on ``lib`` (once per library)."""
    return _SET.declare(lib)


@dataclass
class LinesOptions:
    """guotu_lines_options; None keeps the library's default (SPEC §2)."""
    area_method: AreaMethod = AreaMethod.ELLIPSOIDAL
    minor_overlap_m2: Optional[float] = None
    sliver_width_m: Optional[float] = None
    min_patch_m2: Optional[float] = None
    gap_min_m: Optional[float] = None
    gap_max_m: Optional[float] = None
    expansion_cap: Optional[float] = None
    farmland_share: Optional[float] = None
    rules: Tuple[str, ...] = ()  # ("L04", ...); empty = every rule


@dataclass
class AdminValues:
    """What an admin unit's rules compare against; NaN where not known."""
    redline_target_ha: float = math.nan
    farmland_target_ha: float = math.nan
    urban_2020_ha: float = math.nan
    expansion_cap: float = math.nan
    cultivated_ha: float = math.nan


@dataclass
class LineIssue:
    rule_id: str
    severity: str  # "error", "warning" or "minor"
    line_a: int    # index into LINE_NAMES, or -1 for admin-unit rules
    fid_a: int
    line_b: int    # -1 when one feature is involved
    fid_b: int
    admin_code: str
    value: float
    message_zh: str
    message_en: str
    suggestion_zh: str
    suggestion_en: str
    fingerprint: str
    wkb: bytes

    @property
    def layer_a(self) -> str:
        return line_name(self.line_a)

    @property
    def layer_b(self) -> str:
        return line_name(self.line_b)


@dataclass
class LineStats:
    admin_code: str
    admin_name: str
    redline_ha: float
    farmland_ha: float
    urban_ha: float
    values: AdminValues
    expansion: float
    farmland_share: float
    redline_ok: int  # 1 pass, 0 fail, -1 not checked
    farmland_ok: int
    expansion_ok: int
    share_ok: int


def line_name(line: int) -> str:
    """The core's name of a line, "" for -1 (as guotu_line_name)."""
    return LINE_NAMES[line] if 0 <= line < len(LINE_NAMES) else ""


def rule_mask(rules: Tuple[str, ...]) -> int:
    """("L04", "L06") -> bits 4 and 6; raises ValueError for anything but L01..L14."""
    mask = 0
    for rule in rules:
        text = rule.strip().upper()
        number = int(text[1:]) if text[:1] == "L" and text[1:].isdigit() else 0
        if not 1 <= number <= 14:
            raise ValueError(f"rule ids are L01..L14, not '{rule}'")
        mask |= 1 << number
    return mask


def default_options(ctx: Context) -> Dict[str, float]:
    """guotu_lines_options_init's numbers, by field name."""
    return numbers_of(initial_options(_LinesOptions, declare(ctx.lib).guotu_lines_options_init), NUMBERS)


IssueCallback = Callable[[LineIssue], None]


class Lines(NativeHandle):
    """guotu_lines: admin units and features in, issues through a callback, then per-admin
    statistics. Create, add, run once, read the statistics, close."""

    _destroy = "guotu_lines_destroy"
    _what = "three-lines check"

    def __init__(self, ctx: Context, crs: Optional[str], options: LinesOptions) -> None:
        super().__init__(ctx, declare(ctx.lib))
        opts = initial_options(_LinesOptions, self._lib.guotu_lines_options_init)
        keep = _encode(crs)
        opts.crs = keep
        opts.area_method = int(options.area_method)
        set_numbers(opts, options, NUMBERS)
        opts.rules = rule_mask(options.rules)
        out = ctypes.c_void_p()
        ctx.check(self._lib.guotu_lines_create(ctx.handle, ctypes.byref(opts), ctypes.byref(out)))
        del keep
        self._handle = out.value

    def add_admin(self, code: str, name: Optional[str], values: AdminValues, fid: int, wkb: bytes) -> None:
        v = _AdminValues(values.redline_target_ha, values.farmland_target_ha, values.urban_2020_ha,
                         values.expansion_cap, values.cultivated_ha)
        self._ctx.check(self._lib.guotu_lines_add_admin(self._ctx.handle, self.handle, _encode(code),
                                                        _encode(name or ""), ctypes.byref(v), fid, wkb,
                                                        len(wkb)))

    def add(self, line: int, fid: int, wkb: bytes) -> None:
        self._ctx.check(self._lib.guotu_lines_add(self._ctx.handle, self.handle, int(line), fid, wkb, len(wkb)))

    def run(self, on_issue: IssueCallback) -> None:
        """Runs the rules; ``on_issue`` gets every issue (an exception in it stops the run
        and is raised here)."""

        def issue(i: _LineIssue) -> None:
            wkb = ctypes.string_at(i.wkb, i.wkb_size) if i.wkb and i.wkb_size else b""
            on_issue(LineIssue(_decode(i.rule_id), _decode(i.severity), i.line_a, i.fid_a, i.line_b, i.fid_b,
                               _decode(i.admin_code), i.value, _decode(i.message_zh), _decode(i.message_en),
                               _decode(i.suggestion_zh), _decode(i.suggestion_en), _decode(i.fingerprint), wkb))

        callback = _ISSUE_FN(self.guarded(issue))  # referenced until run returns
        self.check_run(self._lib.guotu_lines_run(self._ctx.handle, self.handle, callback, None))

    def stats(self) -> List[LineStats]:
        rows: List[LineStats] = []
        s = _LineStats()
        for i in range(self._lib.guotu_lines_stats_count(self.handle)):
            self._ctx.check(self._lib.guotu_lines_stats_row(self._ctx.handle, self.handle, i, ctypes.byref(s)))
            v = s.values
            rows.append(LineStats(_decode(s.admin_code), _decode(s.admin_name), s.redline_ha, s.farmland_ha,
                                  s.urban_ha, AdminValues(v.redline_target_ha, v.farmland_target_ha,
                                                          v.urban_2020_ha, v.expansion_cap, v.cultivated_ha),
                                  s.expansion, s.farmland_share, s.redline_ok, s.farmland_ok, s.expansion_ok,
                                  s.share_ok))
        return rows
