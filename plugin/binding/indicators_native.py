"""ctypes binding of guotu_indicators.h: binding plan indicators (约束性指标) per admin unit —
the class groups that measure them and the comparison of measured values with targets.

It builds on :mod:`.native` (library loader, :class:`~.native.Context`, error types) and
declares the prototypes on the loaded library the first time they are used, so that a
libguotu without guotu_indicators.h still loads for everything else.
"""

import ctypes
from dataclasses import dataclass
from typing import Dict, List, Optional, Tuple

from .native import Context, _decode, _encode
from .native_handle import NativeHandle
from .prototypes import PrototypeSet
from .ctypes_names import DOUBLE, INT, PTR, SIZE, STR

# guotu_indicator, in the header's order (the keys of guotu_indicator_key).
KEYS: Tuple[str, ...] = ("cultivated_land", "permanent_farmland", "construction_land", "urban_rural_construction",
                         "new_construction_on_cultivated", "forest_cover", "forest_land", "forest_land_taken")
(CULTIVATED, FARMLAND, CONSTRUCTION, URBAN_RURAL, NEW_ON_CULTIVATED, FOREST_COVER, FOREST,
 FOREST_TAKEN) = range(8)
STATUSES: Tuple[str, ...] = ("pass", "fail", "no_target", "not_measured")
PASS, FAIL, NO_TARGET, NOT_MEASURED = range(4)
# guotu_class_group, in the header's order; -1 is a code no group lists.
GROUP_CULTIVATED, GROUP_FOREST, GROUP_URBAN_RURAL, GROUP_OTHER_CONSTRUCTION, GROUP_OTHER = range(5)

_DP = ctypes.POINTER(ctypes.c_double)
_IP = ctypes.POINTER(ctypes.c_int)
_SP = ctypes.POINTER(ctypes.c_char_p)

# name: (restype, argtypes) — transcribed from guotu_indicators.h, in header order.
_PROTOTYPES: Dict[str, Tuple[object, List[object]]] = {
    "guotu_indicator_key": (STR, [INT]),
    "guotu_indicator_name_zh": (STR, [INT]),
    "guotu_indicator_unit": (STR, [INT]),
    "guotu_indicator_rule": (STR, [INT]),
    "guotu_indicator_from_key": (INT, [STR]),
    "guotu_indicator_status_name": (STR, [INT]),
    "guotu_indicators_create": (INT, [PTR, DOUBLE, ctypes.POINTER(PTR)]),
    "guotu_indicators_destroy": (None, [PTR, PTR]),
    "guotu_indicators_add_unit": (INT, [PTR, PTR, STR, STR, DOUBLE]),
    "guotu_indicators_set_target": (INT, [PTR, PTR, STR, INT, DOUBLE]),
    "guotu_indicators_add_measured": (INT, [PTR, PTR, STR, INT, DOUBLE]),
    "guotu_indicators_measured_everywhere": (INT, [PTR, PTR, INT]),
    "guotu_class_groups_parse": (INT, [PTR, STR, SIZE, STR, ctypes.POINTER(PTR)]),
    "guotu_class_groups_destroy": (None, [PTR, PTR]),
    "guotu_class_groups_lookup": (INT, [PTR, STR]),
    "guotu_indicators_add_class_area": (INT, [PTR, PTR, PTR, STR, STR, DOUBLE]),
    "guotu_indicators_add_transition": (INT, [PTR, PTR, PTR, STR, STR, STR, DOUBLE]),
    "guotu_indicators_unknown_count": (SIZE, [PTR]),
    "guotu_indicators_unknown": (INT, [PTR, PTR, SIZE, _SP, _DP]),
    "guotu_indicators_finish": (INT, [PTR, PTR]),
    "guotu_indicators_row_count": (SIZE, [PTR]),
    "guotu_indicators_row": (INT, [PTR, PTR, SIZE, _SP, _SP, _IP, _IP, _DP, _DP, _DP, _DP]),
    "guotu_indicators_unit_count": (SIZE, [PTR]),
    "guotu_indicators_unit_summary": (INT, [PTR, PTR, SIZE, _SP, _SP, _DP, _IP, _IP, _IP]),
}

_SET = PrototypeSet("the binding indicators (guotu_indicators.h)", _PROTOTYPES)


def declare(lib: ctypes.CDLL) -> ctypes.CDLL:
    """Sets restype/argtypes of these functions on ``lib`` (once per library)."""
    return _SET.declare(lib)


@dataclass(frozen=True)
class IndicatorInfo:
    key: str
    name_zh: str
    unit: str  # "ha" or "%"
    rule: str  # ">=" (a floor) or "<=" (a ceiling)


def indicator_infos(ctx: Context) -> List[IndicatorInfo]:
    lib = declare(ctx.lib)
    return [IndicatorInfo(_decode(lib.guotu_indicator_key(i)), _decode(lib.guotu_indicator_name_zh(i)),
                          _decode(lib.guotu_indicator_unit(i)), _decode(lib.guotu_indicator_rule(i)))
            for i in range(len(KEYS))]


@dataclass
class IndicatorRow:
    admin_code: str
    admin_name: str
    indicator: int
    status: int
    target: float      # NaN when absent
    measured: float    # NaN when not measured
    difference: float  # measured − target, NaN when either is absent
    ratio: float       # measured ÷ target, NaN when either is absent or the target is 0


@dataclass
class UnitSummary:
    admin_code: str
    admin_name: str
    area_ha: float
    passed: int
    failed: int
    skipped: int


class ClassGroups(NativeHandle):
    """guotu_class_groups: class code -> group (cultivated, forest, urban_rural,
    other_construction, other), parsed from CSV text with columns ``code`` and ``group``."""

    _destroy = "guotu_class_groups_destroy"
    _what = "class groups"

    def __init__(self, ctx: Context, csv_text: bytes, label: str) -> None:
        super().__init__(ctx, declare(ctx.lib))
        out = ctypes.c_void_p()
        ctx.check(self._lib.guotu_class_groups_parse(ctx.handle, csv_text, len(csv_text), _encode(label),
                                                     ctypes.byref(out)))
        self._handle = out.value

    def group_of(self, code: str) -> int:
        """The group of a class code (exact, else by integer value: "301" finds "0301"), or -1."""
        return int(self._lib.guotu_class_groups_lookup(self.handle, _encode(code)))


class Indicators(NativeHandle):
    """guotu_indicators: units, targets and measured values in; rows and unit summaries
    out after finish."""

    _destroy = "guotu_indicators_destroy"
    _what = "indicator comparison"

    def __init__(self, ctx: Context, tolerance: float = 0.0) -> None:
        super().__init__(ctx, declare(ctx.lib))
        out = ctypes.c_void_p()
        ctx.check(self._lib.guotu_indicators_create(ctx.handle, float(tolerance), ctypes.byref(out)))
        self._handle = out.value

    def _call(self, name: str, *args: object) -> None:
        self._ctx.check(getattr(self._lib, name)(self._ctx.handle, self.handle, *args))

    def add_unit(self, code: str, name: Optional[str], area_ha: float) -> None:
        self._call("guotu_indicators_add_unit", _encode(code), _encode(name or ""), float(area_ha))

    def set_target(self, code: str, indicator: int, value: float) -> None:
        self._call("guotu_indicators_set_target", _encode(code), int(indicator), float(value))

    def add_measured(self, code: str, indicator: int, value: float) -> None:
        self._call("guotu_indicators_add_measured", _encode(code), int(indicator), float(value))

    def measured_everywhere(self, indicator: int) -> None:
        self._call("guotu_indicators_measured_everywhere", int(indicator))

    def add_class_area(self, groups: ClassGroups, code: str, class_code: str, area_ha: float) -> None:
        self._call("guotu_indicators_add_class_area", groups.handle, _encode(code), _encode(class_code),
                   float(area_ha))

    def add_transition(self, groups: ClassGroups, code: str, from_code: str, to_code: str, area_ha: float) -> None:
        self._call("guotu_indicators_add_transition", groups.handle, _encode(code), _encode(from_code),
                   _encode(to_code), float(area_ha))

    def unknown(self) -> List[Tuple[str, float]]:
        out = []
        code, area = ctypes.c_char_p(), ctypes.c_double()
        for i in range(self._lib.guotu_indicators_unknown_count(self.handle)):
            self._call("guotu_indicators_unknown", i, ctypes.byref(code), ctypes.byref(area))
            out.append((_decode(code.value), area.value))
        return out

    def finish(self) -> None:
        self._call("guotu_indicators_finish")

    def rows(self) -> List[IndicatorRow]:
        out = []
        code, name = ctypes.c_char_p(), ctypes.c_char_p()
        k, s = ctypes.c_int(), ctypes.c_int()
        v = [ctypes.c_double() for _ in range(4)]
        for i in range(self._lib.guotu_indicators_row_count(self.handle)):
            self._call("guotu_indicators_row", i, ctypes.byref(code), ctypes.byref(name), ctypes.byref(k),
                       ctypes.byref(s), *[ctypes.byref(x) for x in v])
            out.append(IndicatorRow(_decode(code.value), _decode(name.value), k.value, s.value,
                                    *[x.value for x in v]))
        return out

    def units(self) -> List[UnitSummary]:
        out = []
        code, name = ctypes.c_char_p(), ctypes.c_char_p()
        area = ctypes.c_double()
        p, f, s = ctypes.c_int(), ctypes.c_int(), ctypes.c_int()
        for i in range(self._lib.guotu_indicators_unit_count(self.handle)):
            self._call("guotu_indicators_unit_summary", i, ctypes.byref(code), ctypes.byref(name),
                       ctypes.byref(area), ctypes.byref(p), ctypes.byref(f), ctypes.byref(s))
            out.append(UnitSummary(_decode(code.value), _decode(name.value), area.value, p.value, f.value, s.value))
        return out
