"""ctypes binding of guotu_ledger.h: the unit ledger (资源、权益"双挂钩", SPEC §9) — the balance
sheet of every unit and the reclamation certificates.

It builds on :mod:`.native` (loader, :class:`~.native.Context`, coefficient tables),
:mod:`.convert_native` (category maps) and :mod:`.parcels_native` (project types); the ledger
borrows them: close the :class:`Ledger` first. Prototypes are declared on first use.
"""

import ctypes
import math
from dataclasses import dataclass
from typing import Callable, Dict, List, Optional, Tuple

from .convert_native import CategoryMap
from .native import AreaMethod, Context, _decode, _encode
from .voucher_native import Coefficients
from .native_handle import NativeHandle, initial_options, numbers_of, set_numbers
from .parcels_native import ProjectTypes
from .prototypes import PrototypeSet
from .ctypes_names import INT, INT64, PTR, SIZE, STR

CATEGORIES = 10  # GUOTU_LEDGER_CATEGORIES
GRADES = 16  # GUOTU_LEDGER_GRADES


class _LedgerOptions(ctypes.Structure):
    _c_name_ = "guotu_ledger_options"  # the C struct it mirrors (checked by test_abi_layout.py)
    _fields_ = [
        ("crs", ctypes.c_char_p),
        ("area_method", ctypes.c_int),
        ("tolerance_m2", ctypes.c_double),
        ("farmland_gain_min", ctypes.c_double),
        ("linkage_min", ctypes.c_double),
        ("grade_tolerance", ctypes.c_double),
        ("river_beach_codes", ctypes.c_char_p),
        ("parcels_label", ctypes.c_char_p),
        ("current_cultivated_codes", ctypes.c_char_p),
        ("planned_cultivated_codes", ctypes.c_char_p),
    ]


NUMBERS = ("tolerance_m2", "farmland_gain_min", "linkage_min", "grade_tolerance")


class _LedgerParcel(ctypes.Structure):
    _c_name_ = "guotu_ledger_parcel"  # the C struct it mirrors (checked by test_abi_layout.py)
    _fields_ = [
        ("parcel_id", ctypes.c_char_p),
        ("unit_id", ctypes.c_char_p),
        ("project_id", ctypes.c_char_p),
        ("project_type", ctypes.c_char_p),
        ("current_code", ctypes.c_char_p),
        ("planned_code", ctypes.c_char_p),
        ("area_m2", ctypes.c_double),
        ("current_kcxs", ctypes.c_double),
        ("planned_kcxs", ctypes.c_double),
        ("current_grade", ctypes.c_double),
        ("planned_grade", ctypes.c_double),
        ("current_farmland", ctypes.c_int),
        ("planned_farmland", ctypes.c_int),
        ("fid", ctypes.c_int64),
    ]


class _LedgerUnit(ctypes.Structure):
    _c_name_ = "guotu_ledger_unit"  # the C struct it mirrors (checked by test_abi_layout.py)
    _fields_ = [
        ("unit_id", ctypes.c_char_p),
        ("name", ctypes.c_char_p),
        ("parcels", ctypes.c_int64),
        ("area_ha", ctypes.c_double),
        ("cultivated_opening_ha", ctypes.c_double),
        ("cultivated_closing_ha", ctypes.c_double),
        ("cultivated_lost_ha", ctypes.c_double * CATEGORIES),
        ("cultivated_gained_ha", ctypes.c_double * CATEGORIES),
        ("tiankan_change_ha", ctypes.c_double),
        ("tiankan_opening_ha", ctypes.c_double),
        ("tiankan_closing_ha", ctypes.c_double),
        ("quantity_ok", ctypes.c_int),
        ("grade_opening_ha", ctypes.c_double * GRADES),
        ("grade_closing_ha", ctypes.c_double * GRADES),
        ("grade_opening_mean", ctypes.c_double),
        ("grade_closing_mean", ctypes.c_double),
        ("quality_ok", ctypes.c_int),
        ("farmland_out_ha", ctypes.c_double),
        ("farmland_in_ha", ctypes.c_double),
        ("farmland_ratio", ctypes.c_double),
        ("farmland_out_grade", ctypes.c_double),
        ("farmland_in_grade", ctypes.c_double),
        ("farmland_ok", ctypes.c_int),
        ("farmland_quality_ok", ctypes.c_int),
        ("construction_opening_ha", ctypes.c_double),
        ("construction_closing_ha", ctypes.c_double),
        ("reclaimed_ha", ctypes.c_double),
        ("built_ha", ctypes.c_double),
        ("construction_ok", ctypes.c_int),
        ("linkage_balance_ha", ctypes.c_double),
        ("linkage_ok", ctypes.c_int),
        ("beach_parcels", ctypes.c_int64),
        ("beach_ha", ctypes.c_double),
        ("beach_parcel_ids", ctypes.c_char_p),
        ("forest_opening_ha", ctypes.c_double),
        ("forest_closing_ha", ctypes.c_double),
        ("forest_ok", ctypes.c_int),
        ("redline_parcels", ctypes.c_int64),
        ("redline_changed_ha", ctypes.c_double),
        ("redline_parcel_ids", ctypes.c_char_p),
        ("redline_ok", ctypes.c_int),
        ("verdict", ctypes.c_int),
        ("reasons_zh", ctypes.c_char_p),
        ("reasons_en", ctypes.c_char_p),
    ]


class _LedgerCertificate(ctypes.Structure):
    _c_name_ = "guotu_ledger_certificate"  # the C struct it mirrors (checked by test_abi_layout.py)
    _fields_ = [
        ("number", ctypes.c_char_p),
        ("parcel_id", ctypes.c_char_p),
        ("project_id", ctypes.c_char_p),
        ("unit_id", ctypes.c_char_p),
        ("current_code", ctypes.c_char_p),
        ("planned_code", ctypes.c_char_p),
        ("fid", ctypes.c_int64),
        ("parcel_index", ctypes.c_size_t),
        ("planned_category", ctypes.c_int),
        ("area_ha", ctypes.c_double),
        ("cultivated_ha", ctypes.c_double),
        ("tiankan_ha", ctypes.c_double),
        ("garden_ha", ctypes.c_double),
        ("forest_ha", ctypes.c_double),
        ("grass_ha", ctypes.c_double),
        ("standard_forest_ha", ctypes.c_double),
        ("on_river_beach", ctypes.c_int),
        ("issuable", ctypes.c_int),
    ]


class _LedgerProject(ctypes.Structure):
    _c_name_ = "guotu_ledger_project"  # the C struct it mirrors (checked by test_abi_layout.py)
    _fields_ = [
        ("project_id", ctypes.c_char_p),
        ("certificates", ctypes.c_int64),
        ("issuable", ctypes.c_int64),
        ("area_ha", ctypes.c_double),
        ("cultivated_ha", ctypes.c_double),
        ("tiankan_ha", ctypes.c_double),
        ("garden_ha", ctypes.c_double),
        ("forest_ha", ctypes.c_double),
        ("grass_ha", ctypes.c_double),
        ("standard_forest_ha", ctypes.c_double),
    ]


_PIECE_FN = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.POINTER(_LedgerParcel), ctypes.c_void_p, ctypes.c_size_t,
                             ctypes.c_void_p)

# name: (restype, argtypes) — transcribed from guotu_ledger.h, in header order.
_PROTOTYPES: Dict[str, Tuple[object, List[object]]] = {
    "guotu_ledger_options_init": (None, [ctypes.POINTER(_LedgerOptions)]),
    "guotu_ledger_create": (INT, [PTR, ctypes.POINTER(_LedgerOptions), PTR, PTR, PTR, PTR, PTR, ctypes.POINTER(PTR)]),
    "guotu_ledger_destroy": (None, [PTR, PTR]),
    "guotu_ledger_add_unit": (INT, [PTR, PTR, STR, STR, INT64, STR, SIZE]),
    "guotu_ledger_add_redline": (INT, [PTR, PTR, INT64, STR, SIZE]),
    "guotu_ledger_add_river_beach": (INT, [PTR, PTR, INT64, STR, SIZE]),
    "guotu_ledger_add_parcel": (INT, [PTR, PTR, ctypes.POINTER(_LedgerParcel), STR, SIZE]),
    "guotu_ledger_add_current": (INT, [PTR, PTR, ctypes.POINTER(_LedgerParcel), STR, SIZE]),
    "guotu_ledger_add_planned": (INT, [PTR, PTR, ctypes.POINTER(_LedgerParcel), STR, SIZE]),
    "guotu_ledger_slivers": (INT, [PTR, ctypes.POINTER(ctypes.c_int64), ctypes.POINTER(ctypes.c_double)]),
    "guotu_ledger_set_piece_callback": (None, [PTR, _PIECE_FN, PTR]),
    "guotu_ledger_run": (INT, [PTR, PTR]),
    "guotu_ledger_unit_count": (SIZE, [PTR]),
    "guotu_ledger_unit_at": (INT, [PTR, PTR, SIZE, ctypes.POINTER(_LedgerUnit)]),
    "guotu_ledger_certificate_count": (SIZE, [PTR]),
    "guotu_ledger_certificate_at": (INT, [PTR, PTR, SIZE, ctypes.POINTER(_LedgerCertificate)]),
    "guotu_ledger_project_count": (SIZE, [PTR]),
    "guotu_ledger_project_at": (INT, [PTR, PTR, SIZE, ctypes.POINTER(_LedgerProject)]),
}

_SET = PrototypeSet("the unit ledger (guotu_ledger.h)", _PROTOTYPES)


def declare(lib: ctypes.CDLL) -> ctypes.CDLL:
    """Sets restype/argtypes of these functions on ``lib`` (once per library)."""
    return _SET.declare(lib)


@dataclass
class LedgerOptions:
    """guotu_ledger_options; None keeps the library's default (SPEC §9)."""
    area_method: AreaMethod = AreaMethod.ELLIPSOIDAL
    tolerance_m2: Optional[float] = None
    farmland_gain_min: Optional[float] = None
    linkage_min: Optional[float] = None
    grade_tolerance: Optional[float] = None
    river_beach_codes: str = ""
    parcels_label: str = "parcels"
    current_cultivated_codes: str = ""  # "" = every code of category cultivated
    planned_cultivated_codes: str = ""


@dataclass
class LedgerParcel:
    """One parcel; NaN numbers are "not given" (see guotu_ledger_parcel)."""
    parcel_id: str
    current_code: str
    planned_code: str
    fid: int
    unit_id: str = ""
    project_id: str = ""
    project_type: str = ""
    area_m2: float = math.nan
    current_kcxs: float = math.nan
    planned_kcxs: float = math.nan
    current_grade: float = math.nan
    planned_grade: float = math.nan
    current_farmland: bool = False
    planned_farmland: bool = False


def _value(v: object) -> object:
    if isinstance(v, bytes) or v is None:
        return _decode(v)
    if isinstance(v, ctypes.Array):
        return list(v)
    return v


def _record(struct: ctypes.Structure) -> Dict[str, object]:
    return {name: _value(getattr(struct, name)) for name, _ in struct._fields_}


def default_options(ctx: Context) -> Dict[str, float]:
    """guotu_ledger_options_init's numbers, by field name."""
    return numbers_of(initial_options(_LedgerOptions, declare(ctx.lib).guotu_ledger_options_init), NUMBERS)


class Ledger(NativeHandle):
    """guotu_ledger: units, red line, river beaches and parcels in; run once; then units
    (balance sheets as dicts named as the C struct), certificates and projects."""

    _destroy = "guotu_ledger_destroy"
    _what = "unit ledger"

    def __init__(self, ctx: Context, crs: Optional[str], options: LedgerOptions, current_map: CategoryMap,
                 planned_map: CategoryMap, current_k: Optional[Coefficients], planned_k: Optional[Coefficients],
                 types: Optional[ProjectTypes]) -> None:
        super().__init__(ctx, declare(ctx.lib))
        opts = initial_options(_LedgerOptions, self._lib.guotu_ledger_options_init)
        keep = (_encode(crs), _encode(options.river_beach_codes), _encode(options.parcels_label),
                _encode(options.current_cultivated_codes), _encode(options.planned_cultivated_codes))
        (opts.crs, opts.river_beach_codes, opts.parcels_label, opts.current_cultivated_codes,
         opts.planned_cultivated_codes) = keep
        opts.area_method = int(options.area_method)
        set_numbers(opts, options, NUMBERS)
        out = ctypes.c_void_p()
        ctx.check(self._lib.guotu_ledger_create(ctx.handle, ctypes.byref(opts), current_map.handle, planned_map.handle,
                                                current_k.handle if current_k else None,
                                                planned_k.handle if planned_k else None,
                                                types.handle if types else None, ctypes.byref(out)))
        del keep
        self._borrowed = (current_map, planned_map, current_k, planned_k, types)
        self._handle = out.value
        self._piece_ref: Optional[object] = None
        self._piece_error: Optional[BaseException] = None

    def close(self) -> None:
        super().close()
        self._piece_ref = None

    def add_unit(self, unit_id: str, name: str, fid: int, wkb: bytes) -> None:
        self._ctx.check(self._lib.guotu_ledger_add_unit(self._ctx.handle, self.handle, _encode(unit_id), _encode(name),
                                                        fid, wkb, len(wkb)))

    def add_redline(self, fid: int, wkb: bytes) -> None:
        self._ctx.check(self._lib.guotu_ledger_add_redline(self._ctx.handle, self.handle, fid, wkb, len(wkb)))

    def add_river_beach(self, fid: int, wkb: bytes) -> None:
        self._ctx.check(self._lib.guotu_ledger_add_river_beach(self._ctx.handle, self.handle, fid, wkb, len(wkb)))

    def _add(self, function: str, p: LedgerParcel, wkb: bytes) -> None:
        keep = [_encode(v) for v in (p.parcel_id, p.unit_id, p.project_id, p.project_type, p.current_code,
                                     p.planned_code)]
        s = _LedgerParcel(*keep, float(p.area_m2), float(p.current_kcxs), float(p.planned_kcxs),
                          float(p.current_grade), float(p.planned_grade), int(bool(p.current_farmland)),
                          int(bool(p.planned_farmland)), int(p.fid))
        status = getattr(self._lib, function)(self._ctx.handle, self.handle, ctypes.byref(s), wkb, len(wkb))
        if status and self._piece_error is not None:
            error, self._piece_error = self._piece_error, None
            raise error
        self._ctx.check(status)

    def add_parcel(self, p: LedgerParcel, wkb: bytes) -> None:
        self._add("guotu_ledger_add_parcel", p, wkb)

    def add_current(self, p: LedgerParcel, wkb: bytes) -> None:
        """A polygon of the current land use (two survey years as layers): its current_* fields."""
        self._add("guotu_ledger_add_current", p, wkb)

    def add_planned(self, p: LedgerParcel, wkb: bytes) -> None:
        """A polygon of the planned or later land use, after every current one: its planned_*
        fields. Overlaid with the current polygons; each piece becomes a parcel."""
        self._add("guotu_ledger_add_planned", p, wkb)

    def set_piece_callback(self, callback: Optional[Callable[[LedgerParcel, bytes], None]]) -> None:
        """callback(piece, wkb) for every piece of the two layers, in the order added. An
        exception stops the overlay and is re-raised from add_planned."""
        if callback is None:
            self._piece_ref = None
            self._lib.guotu_ledger_set_piece_callback(self.handle, _PIECE_FN(), None)
            return

        def bridge(pointer, wkb, size, _user) -> int:
            try:  # never let an exception unwind through C
                p = pointer.contents
                callback(LedgerParcel(
                    parcel_id=_decode(p.parcel_id), current_code=_decode(p.current_code),
                    planned_code=_decode(p.planned_code), fid=p.fid, unit_id=_decode(p.unit_id),
                    project_id=_decode(p.project_id), project_type=_decode(p.project_type), area_m2=p.area_m2,
                    current_kcxs=p.current_kcxs, planned_kcxs=p.planned_kcxs, current_grade=p.current_grade,
                    planned_grade=p.planned_grade, current_farmland=bool(p.current_farmland),
                    planned_farmland=bool(p.planned_farmland)), ctypes.string_at(wkb, size) if wkb else b"")
                return 0
            except BaseException as e:  # noqa: BLE001 — re-raised in _add()
                self._piece_error = e
                return 1

        self._piece_ref = _PIECE_FN(bridge)
        self._lib.guotu_ledger_set_piece_callback(self.handle, self._piece_ref, None)

    def slivers(self) -> Optional[Tuple[int, float]]:
        """Two survey years: the overlay slivers left out (count, m²); None otherwise."""
        count, area = ctypes.c_int64(), ctypes.c_double()
        if not self._lib.guotu_ledger_slivers(self.handle, ctypes.byref(count), ctypes.byref(area)):
            return None
        return count.value, area.value

    def run(self) -> None:
        self.check_run(self._lib.guotu_ledger_run(self._ctx.handle, self.handle))

    def _all(self, count: str, at: str, struct_type) -> List[Dict[str, object]]:
        out: List[Dict[str, object]] = []
        s = struct_type()
        for i in range(getattr(self._lib, count)(self.handle)):
            self._ctx.check(getattr(self._lib, at)(self._ctx.handle, self.handle, i, ctypes.byref(s)))
            out.append(_record(s))
        return out

    def units(self) -> List[Dict[str, object]]:
        return self._all("guotu_ledger_unit_count", "guotu_ledger_unit_at", _LedgerUnit)

    def certificates(self) -> List[Dict[str, object]]:
        return self._all("guotu_ledger_certificate_count", "guotu_ledger_certificate_at", _LedgerCertificate)

    def projects(self) -> List[Dict[str, object]]:
        return self._all("guotu_ledger_project_count", "guotu_ledger_project_at", _LedgerProject)
