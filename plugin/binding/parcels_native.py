"""ctypes binding of guotu_parcels.h: the rectification parcel check of land consolidation
(整治地块, SPEC §5).

It builds on :mod:`.native` (loader, :class:`~.native.Context`, errors, coefficient tables)
and :mod:`.convert_native` (category maps and the policy, which the check borrows: close
the :class:`ParcelCheck` before them). Prototypes are declared on first use, so a libguotu
without the parcel check still loads for everything else.
"""

import ctypes
from dataclasses import dataclass
from typing import Callable, Dict, List, Optional, Tuple

from .convert_native import CategoryMap, Policy
from .native import AreaMethod, Context, _decode, _encode
from .voucher_native import Coefficients
from .native_handle import NativeHandle, initial_options, numbers_of, set_numbers
from .prototypes import PrototypeSet
from .ctypes_names import DOUBLE, INT, INT64, PTR, SIZE, STR

KINDS: Tuple[str, ...] = ("farmland_consolidation", "construction_reclamation", "ecological_restoration",
                          "high_standard_farmland")
VERDICTS: Tuple[str, ...] = ("pass", "conditional", "fail")
VERDICTS_ZH: Tuple[str, ...] = ("通过", "有条件通过", "不通过")
PARCEL_RULES: Tuple[str, ...] = ("P01", "P02", "P03", "P10", "P11", "P12", "P13", "P14", "P15", "P16", "P17",
                                 "P18")


class _ParcelsOptions(ctypes.Structure):
    _c_name_ = "guotu_parcels_options"  # the C struct it mirrors (checked by test_abi_layout.py)
    _fields_ = [
        ("crs", ctypes.c_char_p),
        ("area_method", ctypes.c_int),
        ("tolerance_m2", ctypes.c_double),
        ("new_cultivated_min", ctypes.c_double),
        ("farmland_gain_min", ctypes.c_double),
        ("river_beach_codes", ctypes.c_char_p),
        ("parcels_label", ctypes.c_char_p),
    ]


# The options' numbers (None in ParcelOptions keeps the core's default).
NUMBERS = ("tolerance_m2", "new_cultivated_min", "farmland_gain_min")

class _ParcelInput(ctypes.Structure):
    _c_name_ = "guotu_parcel_input"  # the C struct it mirrors (checked by test_abi_layout.py)
    _fields_ = [
        ("parcel_id", ctypes.c_char_p),
        ("type", ctypes.c_char_p),
        ("project_id", ctypes.c_char_p),
        ("current_code", ctypes.c_char_p),
        ("planned_code", ctypes.c_char_p),
        ("fid", ctypes.c_int64),
    ]


class _ParcelReason(ctypes.Structure):
    _c_name_ = "guotu_parcel_reason"  # the C struct it mirrors (checked by test_abi_layout.py)
    _fields_ = [
        ("parcel_id", ctypes.c_char_p),
        ("fid", ctypes.c_int64),
        ("rule_id", ctypes.c_char_p),
        ("severity", ctypes.c_char_p),
        ("area_ha", ctypes.c_double),
        ("share", ctypes.c_double),
        ("other_parcel_id", ctypes.c_char_p),
        ("message_zh", ctypes.c_char_p),
        ("message_en", ctypes.c_char_p),
        ("wkb", ctypes.c_void_p),
        ("wkb_size", ctypes.c_size_t),
    ]


class _ParcelResult(ctypes.Structure):
    _c_name_ = "guotu_parcel_result"  # the C struct it mirrors (checked by test_abi_layout.py)
    _fields_ = [
        ("parcel_id", ctypes.c_char_p),
        ("type", ctypes.c_char_p),
        ("kind", ctypes.c_char_p),
        ("project_id", ctypes.c_char_p),
        ("village_id", ctypes.c_char_p),
        ("current_code", ctypes.c_char_p),
        ("planned_code", ctypes.c_char_p),
        ("current_category", ctypes.c_char_p),
        ("planned_category", ctypes.c_char_p),
        ("status", ctypes.c_char_p),
        ("paths_zh", ctypes.c_char_p),
        ("paths_en", ctypes.c_char_p),
        ("fid", ctypes.c_int64),
        ("area_ha", ctypes.c_double),
        ("redline_ha", ctypes.c_double),
        ("farmland_ha", ctypes.c_double),
        ("outside_urban_ha", ctypes.c_double),
        ("dm_ha", ctypes.c_double),
        ("verdict", ctypes.c_int),
        ("rule_ids", ctypes.c_char_p),
        ("reasons_zh", ctypes.c_char_p),
        ("reasons_en", ctypes.c_char_p),
    ]


class _UnitResult(ctypes.Structure):
    _c_name_ = "guotu_unit_result"  # the C struct it mirrors (checked by test_abi_layout.py)
    _fields_ = [
        ("project_id", ctypes.c_char_p),
        ("name", ctypes.c_char_p),
        ("parcels", ctypes.c_int64),
        ("area_ha", ctypes.c_double),
        ("original_cultivated_ha", ctypes.c_double),
        ("new_cultivated_ha", ctypes.c_double),
        ("lost_cultivated_ha", ctypes.c_double),
        ("new_cultivated_ratio", ctypes.c_double),
        ("new_cultivated_ok", ctypes.c_int),
        ("farmland_out_ha", ctypes.c_double),
        ("farmland_added_ha", ctypes.c_double),
        ("farmland_ratio", ctypes.c_double),
        ("farmland_ok", ctypes.c_int),
        ("dm_ha", ctypes.c_double),
        ("ecology_ok", ctypes.c_int),
        ("pass_count", ctypes.c_int64),
        ("conditional_count", ctypes.c_int64),
        ("fail_count", ctypes.c_int64),
        ("verdict", ctypes.c_int),
        ("reasons_zh", ctypes.c_char_p),
        ("reasons_en", ctypes.c_char_p),
    ]


class _VillageResult(ctypes.Structure):
    _c_name_ = "guotu_village_result"  # the C struct it mirrors (checked by test_abi_layout.py)
    _fields_ = [
        ("village_id", ctypes.c_char_p),
        ("name", ctypes.c_char_p),
        ("parcels", ctypes.c_int64),
        ("pass_count", ctypes.c_int64),
        ("conditional_count", ctypes.c_int64),
        ("fail_count", ctypes.c_int64),
        ("area_ha", ctypes.c_double),
        ("new_cultivated_ha", ctypes.c_double),
        ("lost_cultivated_ha", ctypes.c_double),
        ("dm_ha", ctypes.c_double),
    ]


_REASON_FN = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.POINTER(_ParcelReason), ctypes.c_void_p)


# name: (restype, argtypes) — transcribed from guotu_parcels.h, in header order.
_PROTOTYPES: Dict[str, Tuple[object, List[object]]] = {
    "guotu_project_kind_name": (STR, [INT]),
    "guotu_project_types_parse": (INT, [PTR, STR, SIZE, STR, ctypes.POINTER(PTR)]),
    "guotu_project_types_destroy": (None, [PTR, PTR]),
    "guotu_project_types_lookup": (INT, [PTR, STR]),
    "guotu_parcels_options_init": (None, [ctypes.POINTER(_ParcelsOptions)]),
    "guotu_parcels_create": (INT, [PTR, ctypes.POINTER(_ParcelsOptions), PTR, PTR, PTR, PTR, PTR, PTR, ctypes.POINTER(PTR)]),
    "guotu_parcels_destroy": (None, [PTR, PTR]),
    "guotu_parcels_add_line": (INT, [PTR, PTR, INT, INT64, STR, SIZE]),
    "guotu_parcels_add_river_beach": (INT, [PTR, PTR, INT64, STR, SIZE]),
    "guotu_parcels_add_village": (INT, [PTR, PTR, STR, STR, INT64, STR, SIZE]),
    "guotu_parcels_add_unit": (INT, [PTR, PTR, STR, STR, DOUBLE, INT64, STR, SIZE]),
    "guotu_parcels_add": (INT, [PTR, PTR, ctypes.POINTER(_ParcelInput), STR, SIZE]),
    "guotu_parcels_run": (INT, [PTR, PTR, _REASON_FN, PTR]),
    "guotu_verdict_name": (STR, [INT]),
    "guotu_verdict_name_zh": (STR, [INT]),
    "guotu_parcels_count": (SIZE, [PTR]),
    "guotu_parcels_result": (INT, [PTR, PTR, SIZE, ctypes.POINTER(_ParcelResult)]),
    "guotu_parcels_unit_count": (SIZE, [PTR]),
    "guotu_parcels_unit": (INT, [PTR, PTR, SIZE, ctypes.POINTER(_UnitResult)]),
    "guotu_parcels_village_count": (SIZE, [PTR]),
    "guotu_parcels_village": (INT, [PTR, PTR, SIZE, ctypes.POINTER(_VillageResult)]),
}

_SET = PrototypeSet("the parcel check (guotu_parcels.h)", _PROTOTYPES)


def declare(lib: ctypes.CDLL) -> ctypes.CDLL:
    """Sets restype/argtypes of these functions on ``lib`` (once per library)."""
    return _SET.declare(lib)


class ProjectTypes(NativeHandle):
    """guotu_project_types: type value (e.g. 拆旧复垦) -> kind, from CSV (value,kind)."""

    _destroy = "guotu_project_types_destroy"
    _what = "project types"

    def __init__(self, ctx: Context, csv_text: bytes, label: str) -> None:
        super().__init__(ctx, declare(ctx.lib))
        self.label = label
        out = ctypes.c_void_p()
        ctx.check(self._lib.guotu_project_types_parse(ctx.handle, csv_text, len(csv_text), _encode(label),
                                                      ctypes.byref(out)))
        self._handle = out.value

    def kind(self, value: str) -> Optional[str]:
        k = self._lib.guotu_project_types_lookup(self.handle, _encode(value))
        return KINDS[k] if 0 <= k < len(KINDS) else None


@dataclass
class ParcelOptions:
    """guotu_parcels_options; None keeps the library's default (SPEC §5)."""
    area_method: AreaMethod = AreaMethod.ELLIPSOIDAL
    tolerance_m2: Optional[float] = None
    new_cultivated_min: Optional[float] = None
    farmland_gain_min: Optional[float] = None
    river_beach_codes: str = ""
    parcels_label: str = "parcels"


@dataclass
class ParcelReason:
    parcel_id: str
    fid: int
    rule_id: str
    severity: str  # "fail", "condition", "info"
    area_ha: float
    share: float
    other_parcel_id: str
    message_zh: str
    message_en: str
    wkb: bytes  # b"" when the reason is about the whole parcel


@dataclass
class ParcelResult:
    parcel_id: str
    type: str
    kind: str
    project_id: str
    village_id: str
    current_code: str
    planned_code: str
    current_category: str
    planned_category: str
    status: str
    paths_zh: str
    paths_en: str
    fid: int
    area_ha: float
    redline_ha: float
    farmland_ha: float
    outside_urban_ha: float
    dm_ha: float
    verdict: int
    rule_ids: str
    reasons_zh: str
    reasons_en: str

    @property
    def verdict_en(self) -> str:
        return VERDICTS[self.verdict]

    @property
    def verdict_zh(self) -> str:
        return VERDICTS_ZH[self.verdict]


@dataclass
class UnitResult:
    project_id: str
    name: str
    parcels: int
    area_ha: float
    original_cultivated_ha: float
    new_cultivated_ha: float
    lost_cultivated_ha: float
    new_cultivated_ratio: float
    new_cultivated_ok: int  # 1 pass, 0 fail, -1 not checked
    farmland_out_ha: float
    farmland_added_ha: float
    farmland_ratio: float
    farmland_ok: int
    dm_ha: float
    ecology_ok: int
    pass_count: int
    conditional_count: int
    fail_count: int
    verdict: int
    reasons_zh: str
    reasons_en: str


@dataclass
class VillageResult:
    village_id: str
    name: str
    parcels: int
    pass_count: int
    conditional_count: int
    fail_count: int
    area_ha: float
    new_cultivated_ha: float
    lost_cultivated_ha: float
    dm_ha: float


def default_options(ctx: Context) -> Dict[str, float]:
    """guotu_parcels_options_init's numbers, by field name."""
    return numbers_of(initial_options(_ParcelsOptions, declare(ctx.lib).guotu_parcels_options_init), NUMBERS)


ReasonCallback = Callable[[ParcelReason], None]


def _fields(struct: ctypes.Structure) -> list:
    return [_decode(v) if isinstance(v, bytes) or v is None and t is ctypes.c_char_p else v
            for v, t in ((getattr(struct, n), t) for n, t in struct._fields_)]


class ParcelCheck(NativeHandle):
    """guotu_parcels: context layers and parcels in, reasons through a callback, then
    parcel, unit and village results. Create, add, run once, read, close."""

    _destroy = "guotu_parcels_destroy"
    _what = "parcel check"

    def __init__(self, ctx: Context, crs: Optional[str], options: ParcelOptions, types: ProjectTypes,
                 current_map: CategoryMap, planned_map: CategoryMap, policy: Policy,
                 current_k: Optional[Coefficients], planned_k: Optional[Coefficients]) -> None:
        super().__init__(ctx, declare(ctx.lib))
        opts = initial_options(_ParcelsOptions, self._lib.guotu_parcels_options_init)
        keep = (_encode(crs), _encode(options.river_beach_codes), _encode(options.parcels_label))
        opts.crs, opts.river_beach_codes, opts.parcels_label = keep
        opts.area_method = int(options.area_method)
        set_numbers(opts, options, NUMBERS)
        out = ctypes.c_void_p()
        ctx.check(self._lib.guotu_parcels_create(ctx.handle, ctypes.byref(opts), types.handle, current_map.handle,
                                                 planned_map.handle, policy.handle,
                                                 current_k.handle if current_k else None,
                                                 planned_k.handle if planned_k else None, ctypes.byref(out)))
        del keep
        self._borrowed = (types, current_map, planned_map, policy, current_k, planned_k)
        self._handle = out.value

    def add_line(self, line: int, fid: int, wkb: bytes) -> None:
        self._ctx.check(self._lib.guotu_parcels_add_line(self._ctx.handle, self.handle, int(line), fid, wkb,
                                                         len(wkb)))

    def add_river_beach(self, fid: int, wkb: bytes) -> None:
        self._ctx.check(self._lib.guotu_parcels_add_river_beach(self._ctx.handle, self.handle, fid, wkb, len(wkb)))

    def add_village(self, village_id: str, name: str, fid: int, wkb: bytes) -> None:
        self._ctx.check(self._lib.guotu_parcels_add_village(self._ctx.handle, self.handle, _encode(village_id),
                                                            _encode(name), fid, wkb, len(wkb)))

    def add_unit(self, unit_id: str, name: str, original_cultivated_ha: float, fid: int, wkb: bytes) -> None:
        self._ctx.check(self._lib.guotu_parcels_add_unit(self._ctx.handle, self.handle, _encode(unit_id),
                                                         _encode(name), float(original_cultivated_ha), fid, wkb,
                                                         len(wkb)))

    def add(self, parcel_id: str, project_type: str, project_id: str, current_code: str, planned_code: str,
            fid: int, wkb: bytes) -> None:
        keep = [_encode(v) for v in (parcel_id, project_type, project_id, current_code, planned_code)]
        p = _ParcelInput(*keep, fid)
        self._ctx.check(self._lib.guotu_parcels_add(self._ctx.handle, self.handle, ctypes.byref(p), wkb, len(wkb)))

    def run(self, on_reason: Optional[ReasonCallback] = None) -> None:
        """Runs every rule; ``on_reason`` gets every reason (an exception in it stops the
        run and is raised here)."""

        def reason(r: _ParcelReason) -> None:
            wkb = ctypes.string_at(r.wkb, r.wkb_size) if r.wkb and r.wkb_size else b""
            if on_reason is not None:
                on_reason(ParcelReason(_decode(r.parcel_id), r.fid, _decode(r.rule_id), _decode(r.severity),
                                       r.area_ha, r.share, _decode(r.other_parcel_id), _decode(r.message_zh),
                                       _decode(r.message_en), wkb))

        callback = _REASON_FN(self.guarded(reason))  # referenced until run returns
        self.check_run(self._lib.guotu_parcels_run(self._ctx.handle, self.handle, callback, None))

    def parcels(self) -> List[ParcelResult]:
        out: List[ParcelResult] = []
        r = _ParcelResult()
        for i in range(self._lib.guotu_parcels_count(self.handle)):
            self._ctx.check(self._lib.guotu_parcels_result(self._ctx.handle, self.handle, i, ctypes.byref(r)))
            out.append(ParcelResult(*_fields(r)))
        return out

    def units(self) -> List[UnitResult]:
        out: List[UnitResult] = []
        u = _UnitResult()
        for i in range(self._lib.guotu_parcels_unit_count(self.handle)):
            self._ctx.check(self._lib.guotu_parcels_unit(self._ctx.handle, self.handle, i, ctypes.byref(u)))
            out.append(UnitResult(*_fields(u)))
        return out

    def villages(self) -> List[VillageResult]:
        out: List[VillageResult] = []
        v = _VillageResult()
        for i in range(self._lib.guotu_parcels_village_count(self.handle)):
            self._ctx.check(self._lib.guotu_parcels_village(self._ctx.handle, self.handle, i, ctypes.byref(v)))
            out.append(VillageResult(*_fields(v)))
        return out


