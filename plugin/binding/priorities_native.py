"""ctypes binding of guotu_priorities.h: the ruling objective of each zone (次序最优), the
Pareto fronts and lexicographic order of candidate sites (帕累托最优), and the site
objectives the core computes (SPEC §11).

Prototypes are declared on the loaded library the first time they are used, so that a
libguotu without guotu_priorities.h still loads for everything else."""

import ctypes
import math
from dataclasses import dataclass
from typing import Callable, Dict, List, Optional, Sequence, Tuple

from .native import AreaMethod, Context, InvalidPolicy, _decode, _encode
from .voucher_native import Coefficients
from .native_handle import NativeHandle, initial_options
from .prototypes import PrototypeSet
from .ctypes_names import DOUBLE, INT, INT64, PTR, SIZE, STR

MINIMISE, MAXIMISE = -1, 1
# The objectives the core computes for a site (guotu_site_scores), by column name.
COMPUTED = ("area_ha", "forest_gain_ha", "cultivated_change_ha", "redline_distance_m", "redline_contact_m")


class _RuleOptions(ctypes.Structure):
    _c_name_ = "guotu_rule_options"  # the C struct it mirrors (checked by test_abi_layout.py)
    _fields_ = [("crs", ctypes.c_char_p), ("area_method", ctypes.c_int), ("invalid", ctypes.c_int)]


class _RulePiece(ctypes.Structure):
    _c_name_ = "guotu_rule_piece"  # the C struct it mirrors (checked by test_abi_layout.py)
    _fields_ = [
        ("landuse_fid", ctypes.c_int64),
        ("zone_fid", ctypes.c_int64),
        ("admin_fid", ctypes.c_int64),
        ("zone_type", ctypes.c_char_p),
        ("land_class", ctypes.c_char_p),
        ("objective", ctypes.c_char_p),
        ("rank", ctypes.c_int),
        ("rule", ctypes.c_char_p),
        ("admin_code", ctypes.c_char_p),
        ("area_ha", ctypes.c_double),
        ("net_ha", ctypes.c_double),
        ("wkb", ctypes.c_void_p),
        ("wkb_size", ctypes.c_size_t),
    ]


class _RuleSummary(ctypes.Structure):
    _c_name_ = "guotu_rule_summary"  # the C struct it mirrors (checked by test_abi_layout.py)
    _fields_ = [
        ("fid", ctypes.c_int64),
        ("code", ctypes.c_char_p),
        ("name", ctypes.c_char_p),
        ("objective", ctypes.c_char_p),
        ("area_ha", ctypes.c_double),
        ("controlled_ha", ctypes.c_double),
        ("net_ha", ctypes.c_double),
        ("pieces", ctypes.c_int64),
    ]


class _SitesOptions(ctypes.Structure):
    _c_name_ = "guotu_sites_options"  # the C struct it mirrors (checked by test_abi_layout.py)
    _fields_ = [
        ("crs", ctypes.c_char_p),
        ("area_method", ctypes.c_int),
        ("invalid", ctypes.c_int),
        ("coefficients", ctypes.c_void_p),
        ("target_class", ctypes.c_char_p),
        ("cultivated", ctypes.c_char_p),
    ]


class _SiteScores(ctypes.Structure):
    _c_name_ = "guotu_site_scores"  # the C struct it mirrors (checked by test_abi_layout.py)
    _fields_ = [
        ("fid", ctypes.c_int64),
        ("area_ha", ctypes.c_double),
        ("landuse_ha", ctypes.c_double),
        ("forest_gain_ha", ctypes.c_double),
        ("cultivated_change_ha", ctypes.c_double),
        ("redline_distance_m", ctypes.c_double),
        ("redline_contact_m", ctypes.c_double),
    ]


_PIECE_FN = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.POINTER(_RulePiece), ctypes.c_void_p)
_INT_ARRAY = ctypes.POINTER(ctypes.c_int)
_INT64_ARRAY = ctypes.POINTER(ctypes.c_int64)
_DOUBLE_ARRAY = ctypes.POINTER(ctypes.c_double)
_STR_ARRAY = ctypes.POINTER(ctypes.c_char_p)

# name: (restype, argtypes) — transcribed from guotu_priorities.h, in header order.
_PROTOTYPES: Dict[str, Tuple[object, List[object]]] = {
    "guotu_rule_table_parse": (INT, [PTR, STR, SIZE, STR, ctypes.POINTER(PTR)]),
    "guotu_rule_table_destroy": (None, [PTR, PTR]),
    "guotu_rule_table_count": (SIZE, [PTR]),
    "guotu_rule_options_init": (None, [ctypes.POINTER(_RuleOptions)]),
    "guotu_rule_run_create": (INT, [PTR, ctypes.POINTER(_RuleOptions), PTR, ctypes.POINTER(PTR)]),
    "guotu_rule_run_destroy": (None, [PTR, PTR]),
    "guotu_rule_run_add_zone": (INT, [PTR, PTR, INT64, STR, STR, SIZE]),
    "guotu_rule_run_add_admin": (INT, [PTR, PTR, INT64, STR, STR, STR, SIZE]),
    "guotu_rule_run_add_landuse": (INT, [PTR, PTR, INT64, STR, DOUBLE, STR, SIZE, _PIECE_FN, PTR]),
    "guotu_rule_run_zone_count": (SIZE, [PTR]),
    "guotu_rule_run_zone": (INT, [PTR, PTR, SIZE, ctypes.POINTER(_RuleSummary)]),
    "guotu_rule_run_admin_count": (SIZE, [PTR]),
    "guotu_rule_run_admin": (INT, [PTR, PTR, SIZE, ctypes.POINTER(_RuleSummary)]),
    "guotu_pareto_rank": (INT, [PTR, _DOUBLE_ARRAY, SIZE, SIZE, _INT_ARRAY, _INT64_ARRAY, _STR_ARRAY, _INT_ARRAY,
                                _DOUBLE_ARRAY]),
    "guotu_lexicographic_rank": (INT, [PTR, _DOUBLE_ARRAY, SIZE, SIZE, _INT_ARRAY, _INT_ARRAY, SIZE, _INT64_ARRAY,
                                       _STR_ARRAY, _INT_ARRAY]),
    "guotu_sites_options_init": (None, [ctypes.POINTER(_SitesOptions)]),
    "guotu_sites_create": (INT, [PTR, ctypes.POINTER(_SitesOptions), ctypes.POINTER(PTR)]),
    "guotu_sites_destroy": (None, [PTR, PTR]),
    "guotu_sites_add_landuse": (INT, [PTR, PTR, INT64, STR, DOUBLE, STR, SIZE]),
    "guotu_sites_add_redline": (INT, [PTR, PTR, INT64, STR, SIZE]),
    "guotu_sites_add_site": (INT, [PTR, PTR, INT64, STR, SIZE]),
    "guotu_sites_run": (INT, [PTR, PTR]),
    "guotu_sites_count": (SIZE, [PTR]),
    "guotu_sites_row": (INT, [PTR, PTR, SIZE, ctypes.POINTER(_SiteScores)]),
}

_SET = PrototypeSet("the priorities between objectives (guotu_priorities.h)", _PROTOTYPES)


def declare(lib: ctypes.CDLL) -> ctypes.CDLL:
    """Sets restype/argtypes of these functions on ``lib`` (once per library)."""
    return _SET.declare(lib)


@dataclass
class RulePiece:
    landuse_fid: int
    zone_fid: int
    admin_fid: int  # -1 when no admin unit holds the piece
    zone_type: str
    land_class: str
    objective: str
    rank: int
    rule: str
    admin_code: str
    area_ha: float
    net_ha: float
    wkb: bytes


@dataclass
class RuleSummary:
    fid: int
    code: str
    name: str
    objective: str  # zones: the type's first objective, "" when the table has no row for it
    area_ha: float
    controlled_ha: float
    net_ha: float
    pieces: int


@dataclass
class SiteScores:
    fid: int
    area_ha: float
    landuse_ha: float
    forest_gain_ha: float
    cultivated_change_ha: float
    redline_distance_m: float
    redline_contact_m: float


class RuleTable(NativeHandle):
    """guotu_rule_table parsed from CSV text (zone_type, rank, objective, controls, rule)."""

    _destroy = "guotu_rule_table_destroy"
    _what = "rule table"

    def __init__(self, ctx: Context, csv_text: bytes, label: str) -> None:
        super().__init__(ctx, declare(ctx.lib))
        out = ctypes.c_void_p()
        ctx.check(self._lib.guotu_rule_table_parse(ctx.handle, csv_text, len(csv_text), _encode(label),
                                                   ctypes.byref(out)))
        self._handle = out.value

    def __len__(self) -> int:
        return int(self._lib.guotu_rule_table_count(self.handle))


PieceCallback = Callable[[RulePiece], None]


class RuleRun(NativeHandle):
    """guotu_rule_run: zones (and admin units) first, then land use feature by feature, each
    flagged piece through a callback; then the zone and admin summaries."""

    _destroy = "guotu_rule_run_destroy"
    _what = "ruling-objective run"

    def __init__(self, ctx: Context, table: RuleTable, crs: Optional[str], area_method: AreaMethod,
                 invalid: InvalidPolicy = InvalidPolicy.REPAIR) -> None:
        super().__init__(ctx, declare(ctx.lib))
        self._table = table  # borrowed by the core: kept alive with the run
        opts = initial_options(_RuleOptions, self._lib.guotu_rule_options_init)
        keep = _encode(crs)
        opts.crs = keep
        opts.area_method = int(area_method)
        opts.invalid = int(invalid)
        out = ctypes.c_void_p()
        ctx.check(self._lib.guotu_rule_run_create(ctx.handle, ctypes.byref(opts), table.handle, ctypes.byref(out)))
        del keep
        self._handle = out.value
        self._on_piece: Optional[PieceCallback] = None

        def piece(p: _RulePiece) -> None:
            if self._on_piece is not None:
                wkb = ctypes.string_at(p.wkb, p.wkb_size) if p.wkb and p.wkb_size else b""
                self._on_piece(RulePiece(p.landuse_fid, p.zone_fid, p.admin_fid, _decode(p.zone_type),
                                         _decode(p.land_class), _decode(p.objective), p.rank, _decode(p.rule),
                                         _decode(p.admin_code), p.area_ha, p.net_ha, wkb))

        self._callback = _PIECE_FN(self.guarded(piece))  # referenced as long as the run

    def add_zone(self, fid: int, zone_type: str, wkb: bytes) -> None:
        self._ctx.check(self._lib.guotu_rule_run_add_zone(self._ctx.handle, self.handle, fid, _encode(zone_type),
                                                          wkb, len(wkb)))

    def add_admin(self, fid: int, code: str, name: str, wkb: bytes) -> None:
        self._ctx.check(self._lib.guotu_rule_run_add_admin(self._ctx.handle, self.handle, fid, _encode(code),
                                                           _encode(name), wkb, len(wkb)))

    def add_landuse(self, fid: int, land_class: str, deduction: float, wkb: bytes, on_piece: PieceCallback) -> None:
        self._on_piece = on_piece
        self.check_run(self._lib.guotu_rule_run_add_landuse(self._ctx.handle, self.handle, fid, _encode(land_class),
                                                            float(deduction), wkb, len(wkb), self._callback, None))

    def _summaries(self, count: str, row: str) -> List[RuleSummary]:
        out: List[RuleSummary] = []
        s = _RuleSummary()
        for i in range(getattr(self._lib, count)(self.handle)):
            self._ctx.check(getattr(self._lib, row)(self._ctx.handle, self.handle, i, ctypes.byref(s)))
            out.append(RuleSummary(s.fid, _decode(s.code), _decode(s.name), _decode(s.objective), s.area_ha,
                                   s.controlled_ha, s.net_ha, s.pieces))
        return out

    def zones(self) -> List[RuleSummary]:
        return self._summaries("guotu_rule_run_zone_count", "guotu_rule_run_zone")

    def admins(self) -> List[RuleSummary]:
        return self._summaries("guotu_rule_run_admin_count", "guotu_rule_run_admin")


class Sites(NativeHandle):
    """guotu_sites: land use, red line and candidate sites in, the computed objectives out."""

    _destroy = "guotu_sites_destroy"
    _what = "site objectives"

    def __init__(self, ctx: Context, crs: Optional[str], area_method: AreaMethod,
                 coefficients: Optional[Coefficients] = None, target_class: Optional[str] = None,
                 cultivated: str = "01", invalid: InvalidPolicy = InvalidPolicy.REPAIR) -> None:
        super().__init__(ctx, declare(ctx.lib))
        self._coefficients = coefficients  # borrowed by the core
        opts = initial_options(_SitesOptions, self._lib.guotu_sites_options_init)
        keep = [_encode(crs), _encode(target_class), _encode(cultivated)]
        opts.crs, opts.target_class, opts.cultivated = keep
        opts.area_method = int(area_method)
        opts.invalid = int(invalid)
        opts.coefficients = coefficients.handle if coefficients is not None else None
        out = ctypes.c_void_p()
        ctx.check(self._lib.guotu_sites_create(ctx.handle, ctypes.byref(opts), ctypes.byref(out)))
        del keep
        self._handle = out.value
        if coefficients is not None:
            coefficients._borrowers += 1  # the table cannot be closed under the sites

    def close(self) -> None:
        if self._handle is not None and self._coefficients is not None:
            self._coefficients._borrowers -= 1
        super().close()

    def add_landuse(self, fid: int, land_class: str, deduction: float, wkb: bytes) -> None:
        self._ctx.check(self._lib.guotu_sites_add_landuse(self._ctx.handle, self.handle, fid, _encode(land_class),
                                                          float(deduction), wkb, len(wkb)))

    def add_redline(self, fid: int, wkb: bytes) -> None:
        self._ctx.check(self._lib.guotu_sites_add_redline(self._ctx.handle, self.handle, fid, wkb, len(wkb)))

    def add_site(self, fid: int, wkb: bytes) -> None:
        self._ctx.check(self._lib.guotu_sites_add_site(self._ctx.handle, self.handle, fid, wkb, len(wkb)))

    def run(self) -> List[SiteScores]:
        self._ctx.check(self._lib.guotu_sites_run(self._ctx.handle, self.handle))
        out: List[SiteScores] = []
        s = _SiteScores()
        for i in range(self._lib.guotu_sites_count(self.handle)):
            self._ctx.check(self._lib.guotu_sites_row(self._ctx.handle, self.handle, i, ctypes.byref(s)))
            out.append(SiteScores(s.fid, s.area_ha, s.landuse_ha, s.forest_gain_ha, s.cultivated_change_ha,
                                  s.redline_distance_m, s.redline_contact_m))
        return out


def _arrays(values: Sequence[Sequence[float]], k: int, directions: Sequence[int], fids: Optional[Sequence[int]],
            names: Optional[Sequence[str]]):
    n = len(values)
    flat = (ctypes.c_double * max(n * k, 1))(*[float(v) if v is not None else math.nan for row in values
                                              for v in row])
    dirs = (ctypes.c_int * k)(*directions)
    fid_array = (ctypes.c_int64 * max(n, 1))(*fids) if fids is not None else None
    name_keep = [_encode(name) for name in names] if names is not None else None
    name_array = (ctypes.c_char_p * k)(*name_keep) if name_keep is not None else None
    return n, flat, dirs, fid_array, name_array, name_keep


def pareto_rank(ctx: Context, values: Sequence[Sequence[float]], directions: Sequence[int],
                fids: Optional[Sequence[int]] = None,
                names: Optional[Sequence[str]] = None) -> Tuple[List[int], List[float]]:
    """Front (1 = the Pareto front) and crowding distance of each row (guotu_pareto_rank)."""
    lib = declare(ctx.lib)
    k = len(directions)
    n, flat, dirs, fid_array, name_array, _keep = _arrays(values, k, directions, fids, names)
    front = (ctypes.c_int * max(n, 1))()
    crowding = (ctypes.c_double * max(n, 1))()
    ctx.check(lib.guotu_pareto_rank(ctx.handle, flat, n, k, dirs, fid_array, name_array, front, crowding))
    return list(front[:n]), list(crowding[:n])


def lexicographic_rank(ctx: Context, values: Sequence[Sequence[float]], directions: Sequence[int],
                       order: Sequence[int], fids: Optional[Sequence[int]] = None,
                       names: Optional[Sequence[str]] = None) -> List[int]:
    """Place of each row in the lexicographic order of the objectives ``order`` (guotu_lexicographic_rank)."""
    lib = declare(ctx.lib)
    k = len(directions)
    n, flat, dirs, fid_array, name_array, _keep = _arrays(values, k, directions, fids, names)
    order_array = (ctypes.c_int * max(len(order), 1))(*order)
    rank = (ctypes.c_int * max(n, 1))()
    ctx.check(lib.guotu_lexicographic_rank(ctx.handle, flat, n, k, dirs, order_array, len(order), fid_array,
                                           name_array, rank))
    return list(rank[:n])
