"""ctypes binding of guotu_voucher.h: standard-forest coefficient tables, the voucher account
(eqs. 1–3), the attribution of ecological units to counties, national reference values, the
market (a call auction under a cap) and the accounts over years.

Builds on :mod:`.native` (loader, :class:`~.native.Context`) and :mod:`.tally_native` (an
account takes finished tallies), and declares the voucher prototypes on the loaded library
the first time they are used.
"""

import ctypes
import math
from dataclasses import dataclass
from enum import IntEnum
from typing import Dict, List, Optional, Tuple

from .ctypes_names import DOUBLE, DOUBLE_PTR, INT, PTR, SIZE, STR
from .errors import GuotuError
from .native import Context, Status, _decode, _encode, load_library
from .native_handle import NativeHandle
from .prototypes import PrototypeSet
from .tally_native import Tally


class Baseline(IntEnum):
    BASE_YEAR = 0
    PROTECTION_RATE = 1


class Role(IntEnum):
    BALANCED = 0
    SUPPLY = 1
    DEMAND = 2


class Allocation(IntEnum):
    PRO_RATA = 0
    NEAREST = 1


class Settlement(IntEnum):
    PAYMENT = 0
    EQUITY = 1  # enclave (飞地): amounts are an equity share


class _VoucherOptions(ctypes.Structure):
    _c_name_ = "guotu_voucher_options"  # the C struct it mirrors (checked by test_abi_layout.py)
    _fields_ = [
        ("baseline", ctypes.c_int),
        ("protection_rate", ctypes.c_double),
        ("reference_from_zones", ctypes.c_int),
        ("reference_gdp_per_capita", ctypes.c_double),
        ("reference_pop_density", ctypes.c_double),
        ("price", ctypes.c_double),
        ("balanced_tolerance", ctypes.c_double),
        ("lines", ctypes.c_int),
        ("redline_loss", ctypes.c_int),
        ("key_function_in_market", ctypes.c_int),
    ]


class _VoucherZone(ctypes.Structure):
    _c_name_ = "guotu_voucher_zone"  # the C struct it mirrors (checked by test_abi_layout.py)
    _fields_ = [
        ("zone_id", ctypes.c_char_p),
        ("zone_name", ctypes.c_char_p),
        ("area_ha", ctypes.c_double),
        ("m0_ha", ctypes.c_double),
        ("mt_ha", ctypes.c_double),
        ("dm_ha", ctypes.c_double),
        ("g_ratio", ctypes.c_double),
        ("p_ratio", ctypes.c_double),
        ("e_ha", ctypes.c_double),
        ("role", ctypes.c_int),
        ("amount_yuan", ctypes.c_double),
        ("dm_redline_ha", ctypes.c_double),
        ("dm_farmland_ha", ctypes.c_double),
        ("redline_loss_ha", ctypes.c_double),
        ("redline_loss_area_ha", ctypes.c_double),
        ("dm_tradable_ha", ctypes.c_double),
        ("violation", ctypes.c_int),
        ("key_function", ctypes.c_int),
        ("in_market", ctypes.c_int),
    ]


class _VoucherClassRow(ctypes.Structure):
    _c_name_ = "guotu_voucher_class_row"  # the C struct it mirrors (checked by test_abi_layout.py)
    _fields_ = [
        ("zone_id", ctypes.c_char_p),
        ("class_code", ctypes.c_char_p),
        ("a0_ha", ctypes.c_double),
        ("at_ha", ctypes.c_double),
        ("k", ctypes.c_double),
    ]


class _VoucherUnknown(ctypes.Structure):
    _c_name_ = "guotu_voucher_unknown"  # the C struct it mirrors (checked by test_abi_layout.py)
    _fields_ = [
        ("class_code", ctypes.c_char_p),
        ("year", ctypes.c_int),
        ("area_ha", ctypes.c_double),
    ]


class _VoucherSummary(ctypes.Structure):
    _c_name_ = "guotu_voucher_summary"  # the C struct it mirrors (checked by test_abi_layout.py)
    _fields_ = [
        ("m0_total_ha", ctypes.c_double),
        ("mt_total_ha", ctypes.c_double),
        ("supply_ha", ctypes.c_double),
        ("demand_ha", ctypes.c_double),
        ("reference_gdp_per_capita", ctypes.c_double),
        ("reference_pop_density", ctypes.c_double),
        ("protection_rate", ctypes.c_double),
        ("reference_from_zones", ctypes.c_int),
        ("key_function_supply_ha", ctypes.c_double),
        ("key_function_demand_ha", ctypes.c_double),
        ("key_function_zones", ctypes.c_int),
        ("zones_out_of_market", ctypes.c_int),
        ("dm_redline_ha", ctypes.c_double),
        ("dm_farmland_ha", ctypes.c_double),
        ("redline_loss_ha", ctypes.c_double),
        ("redline_loss_area_ha", ctypes.c_double),
        ("violation_zones", ctypes.c_int),
        ("lines", ctypes.c_int),
        ("redline_loss", ctypes.c_int),
        ("key_function_in_market", ctypes.c_int),
    ]


class _CountyVoucher(ctypes.Structure):
    _c_name_ = "guotu_county_voucher"  # the C struct it mirrors (checked by test_abi_layout.py)
    _fields_ = [
        ("county_id", ctypes.c_char_p),
        ("e_ha", ctypes.c_double),
        ("role", ctypes.c_int),
        ("units", ctypes.c_int),
    ]


class _MarketOptions(ctypes.Structure):
    _c_name_ = "guotu_market_options"  # the C struct it mirrors (checked by test_abi_layout.py)
    _fields_ = [
        ("price", ctypes.c_double),
        ("floor_price", ctypes.c_double),
        ("cap_ha", ctypes.c_double),
        ("allocation", ctypes.c_int),
        ("settlement", ctypes.c_int),
    ]


class _Trade(ctypes.Structure):
    _c_name_ = "guotu_trade"  # the C struct it mirrors (checked by test_abi_layout.py)
    _fields_ = [
        ("seller_id", ctypes.c_char_p),
        ("buyer_id", ctypes.c_char_p),
        ("volume_ha", ctypes.c_double),
        ("price_yuan_per_ha", ctypes.c_double),
        ("amount_yuan", ctypes.c_double),
        ("seller_x", ctypes.c_double),
        ("seller_y", ctypes.c_double),
        ("buyer_x", ctypes.c_double),
        ("buyer_y", ctypes.c_double),
    ]


class _MarketSummary(ctypes.Structure):
    _c_name_ = "guotu_market_summary"  # the C struct it mirrors (checked by test_abi_layout.py)
    _fields_ = [
        ("supply_ha", ctypes.c_double),
        ("demand_ha", ctypes.c_double),
        ("traded_ha", ctypes.c_double),
        ("clearing_price", ctypes.c_double),
        ("traded_amount_yuan", ctypes.c_double),
        ("sellers", ctypes.c_int),
        ("buyers", ctypes.c_int),
        ("total_supply_ha", ctypes.c_double),
        ("total_demand_ha", ctypes.c_double),
        ("unsold_supply_ha", ctypes.c_double),
        ("unmet_demand_ha", ctypes.c_double),
        ("floor_supply_ha", ctypes.c_double),
        ("floor_demand_ha", ctypes.c_double),
        ("demand_exceeds_supply_at_floor", ctypes.c_int),
    ]


class _NationalReference(ctypes.Structure):
    _c_name_ = "guotu_national_reference"  # the C struct it mirrors (checked by test_abi_layout.py)
    _fields_ = [
        ("year", ctypes.c_int),
        ("line", ctypes.c_int),
        ("gdp_per_capita", ctypes.c_double),
        ("population", ctypes.c_double),
        ("land_area_km2", ctypes.c_double),
        ("pop_density", ctypes.c_double),
        ("source", ctypes.c_char * 512),
    ]


class _LedgerRow(ctypes.Structure):
    _c_name_ = "guotu_account_row"  # the C struct it mirrors (checked by test_abi_layout.py)
    _fields_ = [
        ("zone_id", ctypes.c_char_p),
        ("zone_name", ctypes.c_char_p),
        ("period", ctypes.c_int),
        ("year_from", ctypes.c_int),
        ("year_to", ctypes.c_int),
        ("opening_ha", ctypes.c_double),
        ("dm_ha", ctypes.c_double),
        ("e_ha", ctypes.c_double),
        ("position_ha", ctypes.c_double),
        ("bought_ha", ctypes.c_double),
        ("sold_ha", ctypes.c_double),
        ("closing_ha", ctypes.c_double),
        ("in_market", ctypes.c_int),
        ("redline_loss_ha", ctypes.c_double),
        ("violation", ctypes.c_int),
    ]


# name: (restype, argtypes) — transcribed from guotu_voucher.h, in header order.
_PROTOTYPES: Dict[str, Tuple[object, List[object]]] = {
    "guotu_coefficients_parse": (INT, [PTR, STR, SIZE, STR, STR, ctypes.POINTER(PTR)]),
    "guotu_coefficients_destroy": (None, [PTR, PTR]),
    "guotu_coefficients_count": (SIZE, [PTR]),
    "guotu_coefficients_lookup": (INT, [PTR, STR, DOUBLE_PTR]),
    "guotu_voucher_options_init": (None, [ctypes.POINTER(_VoucherOptions)]),
    "guotu_voucher_create": (INT, [PTR, ctypes.POINTER(_VoucherOptions), PTR, PTR, ctypes.POINTER(PTR)]),
    "guotu_voucher_destroy": (None, [PTR, PTR]),
    "guotu_voucher_add_zone": (INT, [PTR, PTR, STR, STR, DOUBLE, DOUBLE, DOUBLE]),
    "guotu_voucher_add_tally": (INT, [PTR, PTR, INT, PTR]),
    "guotu_voucher_compute": (INT, [PTR, PTR]),
    "guotu_voucher_add_line_piece": (INT, [PTR, PTR, STR, INT, STR, STR, DOUBLE, DOUBLE_PTR]),
    "guotu_voucher_mark_key_function": (INT, [PTR, PTR, STR]),
    "guotu_redline_loss_name": (STR, [INT]),
    "guotu_role_name": (STR, [INT]),
    "guotu_voucher_zone_count": (SIZE, [PTR]),
    "guotu_voucher_zone_result": (INT, [PTR, PTR, SIZE, ctypes.POINTER(_VoucherZone)]),
    "guotu_voucher_class_count": (SIZE, [PTR]),
    "guotu_voucher_class_result": (INT, [PTR, PTR, SIZE, ctypes.POINTER(_VoucherClassRow)]),
    "guotu_voucher_unknown_count": (SIZE, [PTR]),
    "guotu_voucher_unknown_result": (INT, [PTR, PTR, SIZE, ctypes.POINTER(_VoucherUnknown)]),
    "guotu_voucher_get_summary": (INT, [PTR, PTR, ctypes.POINTER(_VoucherSummary)]),
    "guotu_voucher_attribute": (INT, [PTR, PTR, PTR, ctypes.POINTER(PTR)]),
    "guotu_attribution_destroy": (None, [PTR, PTR]),
    "guotu_attribution_count": (SIZE, [PTR]),
    "guotu_attribution_result": (INT, [PTR, PTR, SIZE, ctypes.POINTER(_CountyVoucher)]),
    "guotu_attribution_unattributed": (DOUBLE, [PTR]),
    "guotu_market_options_init": (None, [ctypes.POINTER(_MarketOptions)]),
    "guotu_market_create": (INT, [PTR, ctypes.POINTER(_MarketOptions), ctypes.POINTER(PTR)]),
    "guotu_market_destroy": (None, [PTR, PTR]),
    "guotu_market_add": (INT, [PTR, PTR, STR, DOUBLE, DOUBLE, DOUBLE, DOUBLE, DOUBLE]),
    "guotu_market_clear": (INT, [PTR, PTR]),
    "guotu_market_trade_count": (SIZE, [PTR]),
    "guotu_market_trade": (INT, [PTR, PTR, SIZE, ctypes.POINTER(_Trade)]),
    "guotu_market_get_summary": (INT, [PTR, PTR, ctypes.POINTER(_MarketSummary)]),
    "guotu_national_reference_find": (INT, [PTR, ctypes.c_char_p, SIZE, STR, INT,
                                            ctypes.POINTER(_NationalReference)]),
    "guotu_accounts_create": (INT, [PTR, ctypes.POINTER(PTR)]),
    "guotu_accounts_destroy": (None, [PTR, PTR]),
    "guotu_accounts_set_balance": (INT, [PTR, PTR, STR, DOUBLE]),
    "guotu_accounts_balance": (DOUBLE, [PTR, STR]),
    "guotu_accounts_post": (INT, [PTR, PTR, INT, INT, PTR, PTR]),
    "guotu_accounts_row_count": (SIZE, [PTR]),
    "guotu_accounts_result": (INT, [PTR, PTR, SIZE, ctypes.POINTER(_LedgerRow)]),
}


_SET = PrototypeSet("the voucher account (guotu_voucher.h)", _PROTOTYPES)


def declare(lib: ctypes.CDLL) -> ctypes.CDLL:
    """``lib`` with the voucher prototypes declared (once per library)."""
    return _SET.declare(lib)


def role_name(role: int) -> str:
    """The core's name of a role: "supply", "demand" or "balanced"."""
    return _decode(declare(load_library()).guotu_role_name(int(role)))


class Coefficients(NativeHandle):
    """guotu_coefficients: a standard-forest coefficient table parsed from CSV text.

    Columns code + k, or code + esv (k = esv ÷ esv of ``reference_code``).
    Failures (duplicate code, non-numeric k...) are GUOTU_ERR_DATA naming the line.
    An account borrows the table: it cannot be closed while an open account uses it.
    """

    _destroy = "guotu_coefficients_destroy"
    _what = "coefficient table"

    def __init__(self, ctx: Context, csv_text: bytes, label: str, reference_code: Optional[str] = None) -> None:
        super().__init__(ctx, declare(ctx.lib))
        self.label = label
        self._borrowers = 0
        out = ctypes.c_void_p()
        ctx.check(self._lib.guotu_coefficients_parse(ctx.handle, csv_text, len(csv_text), _encode(label),
                                                     _encode(reference_code), ctypes.byref(out)))
        self._handle = out.value

    def close(self) -> None:
        if self._borrowers:
            raise GuotuError(int(Status.ERR_STATE), "GUOTU_ERR_STATE",
                             "coefficient table still used by an account; close the account first")
        super().close()

    def count(self) -> int:
        return self._lib.guotu_coefficients_count(self.handle)

    def lookup(self, code: str) -> Optional[float]:
        """k of a class code, or None when the table does not list it."""
        k = ctypes.c_double()
        found = self._lib.guotu_coefficients_lookup(self.handle, _encode(code), ctypes.byref(k))
        return k.value if found else None


# What a loss of ecological land inside the red line does to E (guotu_redline_loss, SPEC §3):
# index = the C enum value.
REDLINE_LOSS: Tuple[str, ...] = ("exclude", "count")


@dataclass
class VoucherOptions:
    baseline: Baseline = Baseline.BASE_YEAR
    protection_rate: Optional[float] = None         # None: rate of the whole zone layer
    reference_gdp_per_capita: Optional[float] = None  # both None: reference over the zones
    reference_pop_density: Optional[float] = None
    price: Optional[float] = None                   # yuan per standard-forest ha
    balanced_tolerance: float = 1e-9
    lines: bool = False               # the red line and farmland pieces come through add_line_piece
    redline_loss: str = "exclude"     # a loss inside the red line: "exclude" from E (default) or "count"
    key_function_in_market: bool = False  # key ecological function zones trade like the others


@dataclass
class VoucherZone:
    zone_id: str
    zone_name: str
    area_ha: float
    m0_ha: float
    mt_ha: float
    dm_ha: float
    g_ratio: float
    p_ratio: float
    e_ha: float
    role: Role
    amount_yuan: float  # E × price; 0 when the account has no price
    # Within the bottom lines (NaN without lines): ΔM inside the red line and farmland,
    # standard forest and land lost inside the red line, the ΔM E is computed from.
    dm_redline_ha: float = math.nan
    dm_farmland_ha: float = math.nan
    redline_loss_ha: float = math.nan
    redline_loss_area_ha: float = math.nan
    dm_tradable_ha: float = math.nan
    violation: bool = False
    key_function: bool = False
    in_market: bool = True


@dataclass
class VoucherClassRow:
    zone_id: str
    class_code: str
    a0_ha: float
    at_ha: float
    k: float  # NaN when the table does not list the code


@dataclass
class VoucherUnknown:
    class_code: str
    year: int  # 0 base, 1 target
    area_ha: float


@dataclass
class VoucherSummary:
    m0_total_ha: float
    mt_total_ha: float
    supply_ha: float
    demand_ha: float
    reference_gdp_per_capita: float
    reference_pop_density: float
    protection_rate: float
    reference_from_zones: bool
    key_function_supply_ha: float = 0.0
    key_function_demand_ha: float = 0.0
    key_function_zones: int = 0
    zones_out_of_market: int = 0
    dm_redline_ha: float = math.nan
    dm_farmland_ha: float = math.nan
    redline_loss_ha: float = math.nan
    redline_loss_area_ha: float = math.nan
    violation_zones: int = 0
    lines: bool = False
    redline_loss: str = "exclude"
    key_function_in_market: bool = False


@dataclass
class CountyVoucher:
    county_id: str
    e_ha: float
    role: Role
    units: int


class Voucher(NativeHandle):
    """guotu_voucher: the account (eqs. 1–3). Zones first, then both tallies, then compute."""

    _destroy = "guotu_voucher_destroy"
    _what = "voucher account"

    def __init__(self, ctx: Context, options: VoucherOptions, base: Coefficients,
                 target: Coefficients) -> None:
        super().__init__(ctx, declare(ctx.lib))
        opts = _VoucherOptions()
        self._lib.guotu_voucher_options_init(ctypes.byref(opts))
        opts.baseline = int(options.baseline)
        if options.protection_rate is not None:
            opts.protection_rate = options.protection_rate
        if options.reference_gdp_per_capita is not None or options.reference_pop_density is not None:
            opts.reference_from_zones = 0
            opts.reference_gdp_per_capita = options.reference_gdp_per_capita or 0.0
            opts.reference_pop_density = options.reference_pop_density or 0.0
        if options.price is not None:
            opts.price = options.price
        opts.balanced_tolerance = options.balanced_tolerance
        opts.lines = int(options.lines)
        opts.redline_loss = REDLINE_LOSS.index(options.redline_loss)
        opts.key_function_in_market = int(options.key_function_in_market)
        out = ctypes.c_void_p()
        ctx.check(self._lib.guotu_voucher_create(ctx.handle, ctypes.byref(opts), base.handle, target.handle,
                                                 ctypes.byref(out)))
        self._handle = out.value
        # The account borrows the tables: keep them alive and open until it is closed.
        self._tables = (base, target)
        for table in self._tables:
            table._borrowers += 1

    def close(self) -> None:
        if self._handle is not None:
            super().close()
            for table in self._tables:
                table._borrowers -= 1

    def add_zone(self, zone_id: str, name: Optional[str], area_ha: float, gdp_yuan: float,
                 population: float) -> None:
        self._call("guotu_voucher_add_zone", _encode(zone_id), _encode(name or ""), area_ha, gdp_yuan,
                   population)

    def add_tally(self, year: int, tally: Tally) -> None:
        """Takes the class areas of a finished tally: year 0 base, 1 target (copied)."""
        self._call("guotu_voucher_add_tally", year, tally.handle)

    def add_line_piece(self, zone_id: str, line: int, from_code: Optional[str], to_code: Optional[str],
                       area_ha: float) -> float:
        """A piece of base ∩ target inside a zone and a line (0 red line, 1 farmland); returns
        its change of standard forest, area × (k_to − k_from)."""
        dm = ctypes.c_double()
        self._call("guotu_voucher_add_line_piece", _encode(zone_id), int(line), _encode(from_code or ""),
                   _encode(to_code or ""), area_ha, ctypes.byref(dm))
        return dm.value

    def mark_key_function(self, zone_id: str) -> None:
        """The zone is a county in a national key ecological function zone."""
        self._call("guotu_voucher_mark_key_function", _encode(zone_id))

    def compute(self) -> None:
        self._call("guotu_voucher_compute")

    def zones(self) -> List[VoucherZone]:
        rows: List[VoucherZone] = []
        z = _VoucherZone()
        for i in range(self._lib.guotu_voucher_zone_count(self.handle)):
            self._call("guotu_voucher_zone_result", i, ctypes.byref(z))
            rows.append(VoucherZone(_decode(z.zone_id), _decode(z.zone_name), z.area_ha, z.m0_ha, z.mt_ha,
                                    z.dm_ha, z.g_ratio, z.p_ratio, z.e_ha, Role(z.role), z.amount_yuan,
                                    z.dm_redline_ha, z.dm_farmland_ha, z.redline_loss_ha, z.redline_loss_area_ha,
                                    z.dm_tradable_ha, bool(z.violation), bool(z.key_function),
                                    bool(z.in_market)))
        return rows

    def classes(self) -> List[VoucherClassRow]:
        rows: List[VoucherClassRow] = []
        c = _VoucherClassRow()
        for i in range(self._lib.guotu_voucher_class_count(self.handle)):
            self._call("guotu_voucher_class_result", i, ctypes.byref(c))
            rows.append(VoucherClassRow(_decode(c.zone_id), _decode(c.class_code), c.a0_ha, c.at_ha, c.k))
        return rows

    def unknown(self) -> List[VoucherUnknown]:
        rows: List[VoucherUnknown] = []
        u = _VoucherUnknown()
        for i in range(self._lib.guotu_voucher_unknown_count(self.handle)):
            self._call("guotu_voucher_unknown_result", i, ctypes.byref(u))
            rows.append(VoucherUnknown(_decode(u.class_code), u.year, u.area_ha))
        return rows

    def summary(self) -> VoucherSummary:
        s = _VoucherSummary()
        self._call("guotu_voucher_get_summary", ctypes.byref(s))
        return VoucherSummary(s.m0_total_ha, s.mt_total_ha, s.supply_ha, s.demand_ha,
                              s.reference_gdp_per_capita, s.reference_pop_density, s.protection_rate,
                              bool(s.reference_from_zones), s.key_function_supply_ha, s.key_function_demand_ha,
                              s.key_function_zones, s.zones_out_of_market, s.dm_redline_ha, s.dm_farmland_ha,
                              s.redline_loss_ha, s.redline_loss_area_ha, s.violation_zones, bool(s.lines),
                              REDLINE_LOSS[s.redline_loss], bool(s.key_function_in_market))

    def attribute(self, overlap: Tally) -> "Attribution":
        """Splits each unit's E over counties by area share; ``overlap`` is a finished tally
        with counties as zones and the units (class = unit id) as land use."""
        return Attribution(self._ctx, self, overlap)


class Attribution(NativeHandle):
    """guotu_attribution: E of ecological units attributed to counties."""

    _destroy = "guotu_attribution_destroy"
    _what = "attribution"

    def __init__(self, ctx: Context, voucher: Voucher, overlap: Tally) -> None:
        super().__init__(ctx, declare(ctx.lib))
        out = ctypes.c_void_p()
        ctx.check(self._lib.guotu_voucher_attribute(ctx.handle, voucher.handle, overlap.handle, ctypes.byref(out)))
        self._handle = out.value
        # County ids are documented as borrowed from the overlap tally.
        self._overlap = overlap

    def results(self) -> List[CountyVoucher]:
        self._overlap.handle  # noqa: B018 — raises if the tally the ids live in is gone
        rows: List[CountyVoucher] = []
        c = _CountyVoucher()
        for i in range(self._lib.guotu_attribution_count(self.handle)):
            self._call("guotu_attribution_result", i, ctypes.byref(c))
            rows.append(CountyVoucher(_decode(c.county_id), c.e_ha, Role(c.role), c.units))
        return rows

    def unattributed(self) -> float:
        return self._lib.guotu_attribution_unattributed(self.handle)


@dataclass
class MarketOptions:
    price: Optional[float] = None        # fixed price, yuan/ha
    floor_price: Optional[float] = None  # used when there is no fixed price
    cap_ha: Optional[float] = None       # None: no cap
    allocation: Allocation = Allocation.PRO_RATA
    settlement: Settlement = Settlement.PAYMENT


@dataclass
class Trade:
    seller_id: str
    buyer_id: str
    volume_ha: float
    price_yuan_per_ha: float
    amount_yuan: float
    seller_x: float
    seller_y: float
    buyer_x: float
    buyer_y: float


@dataclass
class MarketSummary:
    supply_ha: float            # offered at the clearing price
    demand_ha: float            # asked at the clearing price
    traded_ha: float
    clearing_price: float
    traded_amount_yuan: float
    sellers: int
    buyers: int
    total_supply_ha: float = 0.0   # Σ E of every seller, any price
    total_demand_ha: float = 0.0   # Σ |E| of every buyer, any price
    unsold_supply_ha: float = 0.0  # total − traded: the market need not clear
    unmet_demand_ha: float = 0.0
    floor_supply_ha: float = 0.0   # offered at the floor (or fixed) price
    floor_demand_ha: float = 0.0   # asked at the floor (or fixed) price
    demand_exceeds_supply_at_floor: bool = False


@dataclass
class NationalReference:
    """A row of the national reference table (SPEC §3): the values of one year and their source."""
    year: int
    line: int
    gdp_per_capita: float   # yuan per person
    population: float       # persons; NaN when the row gives the density only
    land_area_km2: float    # km²; NaN likewise
    pop_density: float      # persons per km²
    source: str


def national_reference(ctx: Context, csv_text: bytes, label: str, year: int) -> NationalReference:
    """The row of ``year`` in a national reference table; GUOTU_ERR_DATA naming the table and the
    years it has when the year is missing, or the line of a bad row."""
    row = _NationalReference()
    lib = declare(ctx.lib)
    ctx.check(lib.guotu_national_reference_find(ctx.handle, csv_text, len(csv_text), _encode(label), int(year),
                                                ctypes.byref(row)))
    return NationalReference(row.year, row.line, row.gdp_per_capita, row.population, row.land_area_km2,
                             row.pop_density, row.source.decode("utf-8", errors="replace"))


class Market(NativeHandle):
    """guotu_market: a call auction under a cap; add zones, clear, read trades."""

    _destroy = "guotu_market_destroy"
    _what = "market"

    def __init__(self, ctx: Context, options: MarketOptions) -> None:
        super().__init__(ctx, declare(ctx.lib))
        opts = _MarketOptions()
        self._lib.guotu_market_options_init(ctypes.byref(opts))
        if options.price is not None:
            opts.price = options.price
        if options.floor_price is not None:
            opts.floor_price = options.floor_price
        if options.cap_ha is not None:
            opts.cap_ha = options.cap_ha
        opts.allocation = int(options.allocation)
        opts.settlement = int(options.settlement)
        out = ctypes.c_void_p()
        ctx.check(self._lib.guotu_market_create(ctx.handle, ctypes.byref(opts), ctypes.byref(out)))
        self._handle = out.value

    def add(self, zone_id: str, e_ha: float, ask: Optional[float], bid: Optional[float], x: float,
            y: float) -> None:
        nan = float("nan")
        self._call("guotu_market_add", _encode(zone_id), e_ha, nan if ask is None else ask,
                   nan if bid is None else bid, x, y)

    def clear(self) -> None:
        self._call("guotu_market_clear")

    def trades(self) -> List[Trade]:
        rows: List[Trade] = []
        t = _Trade()
        for i in range(self._lib.guotu_market_trade_count(self.handle)):
            self._call("guotu_market_trade", i, ctypes.byref(t))
            rows.append(Trade(_decode(t.seller_id), _decode(t.buyer_id), t.volume_ha, t.price_yuan_per_ha,
                              t.amount_yuan, t.seller_x, t.seller_y, t.buyer_x, t.buyer_y))
        return rows

    def summary(self) -> MarketSummary:
        s = _MarketSummary()
        self._call("guotu_market_get_summary", ctypes.byref(s))
        return MarketSummary(s.supply_ha, s.demand_ha, s.traded_ha, s.clearing_price, s.traded_amount_yuan,
                             s.sellers, s.buyers, s.total_supply_ha, s.total_demand_ha, s.unsold_supply_ha,
                             s.unmet_demand_ha, s.floor_supply_ha, s.floor_demand_ha,
                             bool(s.demand_exceeds_supply_at_floor))


@dataclass
class LedgerRow:
    """A zone's account in one period (guotu_account_row)."""
    zone_id: str
    zone_name: str
    period: int
    year_from: int          # 0: not known
    year_to: int
    opening_ha: float
    dm_ha: float
    e_ha: float
    position_ha: float      # opening + E: what the zone brought to the period's market
    bought_ha: float
    sold_ha: float
    closing_ha: float       # position + bought − sold: the next period's opening
    in_market: bool
    redline_loss_ha: Optional[float]  # None without the bottom lines
    violation: Optional[bool]         # None without the bottom lines


class Ledger(NativeHandle):
    """guotu_accounts: voucher accounts over years, balances carried from period to period."""

    _destroy = "guotu_accounts_destroy"
    _what = "ledger"

    def __init__(self, ctx: Context) -> None:
        super().__init__(ctx, declare(ctx.lib))
        out = ctypes.c_void_p()
        ctx.check(self._lib.guotu_accounts_create(ctx.handle, ctypes.byref(out)))
        self._handle = out.value

    def set_balance(self, zone_id: str, balance_ha: float) -> None:
        self._call("guotu_accounts_set_balance", _encode(zone_id), float(balance_ha))

    def balance(self, zone_id: str) -> float:
        return float(self._lib.guotu_accounts_balance(self.handle, _encode(zone_id)))

    def post(self, year_from: int, year_to: int, voucher: "Voucher", market: Optional[Market]) -> None:
        """Posts a period: the computed account and the cleared market (None: no market), which took
        every zone in the market at its balance + E."""
        self._call("guotu_accounts_post", int(year_from), int(year_to), voucher.handle,
                   market.handle if market is not None else None)

    def rows(self) -> List[LedgerRow]:
        rows: List[LedgerRow] = []
        r = _LedgerRow()
        for i in range(self._lib.guotu_accounts_row_count(self.handle)):
            self._call("guotu_accounts_result", i, ctypes.byref(r))
            lines = r.violation >= 0
            rows.append(LedgerRow(_decode(r.zone_id), _decode(r.zone_name), r.period, r.year_from, r.year_to,
                                  r.opening_ha, r.dm_ha, r.e_ha, r.position_ha, r.bought_ha, r.sold_ha,
                                  r.closing_ha, bool(r.in_market), r.redline_loss_ha if lines else None,
                                  bool(r.violation) if lines else None))
        return rows
