"""ctypes binding of guotu_convert.h: category maps, the 10 × 10 conversion policy and
the overlay that cuts two land-use layers (and optional zones) into conversion pieces.

It builds on :mod:`.native` (library loader, :class:`~.native.Context`, error types,
coefficient tables) and declares the conversion prototypes on the loaded library the
first time it is used. The overlay borrows its maps, policy and coefficient tables:
close the :class:`Convert` before them (``contextlib.ExitStack`` in reverse order).
"""

import ctypes
from dataclasses import dataclass
from typing import Callable, Dict, List, Optional, Tuple

from .errors import GuotuError
from .native_handle import NativeHandle
from .prototypes import PrototypeSet
from .native import AreaMethod, Context, InvalidPolicy, Status, _decode, _encode
from .voucher_native import Coefficients
from .ctypes_names import INT, INT64, PTR, SIZE, STR

# The ten policy categories, in the core's order (policy.c), and the statuses.
CATEGORIES: Tuple[str, ...] = ("cultivated", "garden", "forest", "grassland", "farm_water", "aquaculture_water",
                               "river_water", "other_unused", "sea", "construction")
STATUSES: Tuple[str, ...] = ("same", "path", "conditional", "prohibited", "gap", "unknown")
# The three control lines, in the core's order (guotu_line) which is also their priority
# where they overlap; a piece outside all three has line "".
LINES: Tuple[str, ...] = ("ecological_redline", "permanent_farmland", "urban_boundary")


class _ConvertOptions(ctypes.Structure):
    _c_name_ = "guotu_convert_options"  # the C struct it mirrors (checked by test_abi_layout.py)
    _fields_ = [
        ("crs", ctypes.c_char_p),
        ("area_method", ctypes.c_int),
        ("invalid", ctypes.c_int),
        ("before_label", ctypes.c_char_p),
        ("after_label", ctypes.c_char_p),
        ("zones_label", ctypes.c_char_p),
    ]


class _PolicyRule(ctypes.Structure):
    _c_name_ = "guotu_policy_rule"  # the C struct it mirrors (checked by test_abi_layout.py)
    _fields_ = [
        ("status", ctypes.c_char_p),
        ("paths_zh", ctypes.c_char_p),
        ("paths_en", ctypes.c_char_p),
    ]


class _ConversionPiece(ctypes.Structure):
    _c_name_ = "guotu_conversion_piece"  # the C struct it mirrors (checked by test_abi_layout.py)
    _fields_ = [
        ("zone_id", ctypes.c_char_p),
        ("from_code", ctypes.c_char_p),
        ("to_code", ctypes.c_char_p),
        ("from_category", ctypes.c_char_p),
        ("to_category", ctypes.c_char_p),
        ("status", ctypes.c_char_p),
        ("paths_zh", ctypes.c_char_p),
        ("paths_en", ctypes.c_char_p),
        ("before_fid", ctypes.c_int64),
        ("after_fid", ctypes.c_int64),
        ("area_ha", ctypes.c_double),
        ("dm_ha", ctypes.c_double),
        ("wkb", ctypes.c_void_p),
        ("wkb_size", ctypes.c_size_t),
        ("line", ctypes.c_char_p),
    ]


class _Transition(ctypes.Structure):
    _c_name_ = "guotu_transition"  # the C struct it mirrors (checked by test_abi_layout.py)
    _c_fields_ = {"from_class": "from", "to_class": "to"}  # C names that are Python keywords
    _fields_ = [
        ("zone_id", ctypes.c_char_p),
        ("from_class", ctypes.c_char_p),  # C: from
        ("to_class", ctypes.c_char_p),    # C: to
        ("status", ctypes.c_char_p),
        ("area_ha", ctypes.c_double),
        ("dm_ha", ctypes.c_double),
    ]


class _StatusArea(ctypes.Structure):
    _c_name_ = "guotu_status_area"  # the C struct it mirrors (checked by test_abi_layout.py)
    _fields_ = [
        ("zone_id", ctypes.c_char_p),
        ("status", ctypes.c_char_p),
        ("area_ha", ctypes.c_double),
    ]


class _LineStatusArea(ctypes.Structure):
    _c_name_ = "guotu_line_status_area"  # the C struct it mirrors (checked by test_abi_layout.py)
    _fields_ = [
        ("zone_id", ctypes.c_char_p),
        ("line", ctypes.c_char_p),
        ("status", ctypes.c_char_p),
        ("area_ha", ctypes.c_double),
    ]


class _UnknownCode(ctypes.Structure):
    _c_name_ = "guotu_unknown_code"  # the C struct it mirrors (checked by test_abi_layout.py)
    _fields_ = [
        ("code", ctypes.c_char_p),
        ("side", ctypes.c_int),
        ("area_ha", ctypes.c_double),
    ]


class _ConvertStats(ctypes.Structure):
    _c_name_ = "guotu_convert_stats"  # the C struct it mirrors (checked by test_abi_layout.py)
    _fields_ = [
        ("before_features", ctypes.c_int64),
        ("after_features", ctypes.c_int64),
        ("pieces", ctypes.c_int64),
        ("repaired_before", ctypes.c_int64),
        ("repaired_after", ctypes.c_int64),
        ("repaired_zones", ctypes.c_int64),
        ("before_area_ha", ctypes.c_double),
        ("after_area_ha", ctypes.c_double),
        ("overlaid_area_ha", ctypes.c_double),
        ("line_features", ctypes.c_int64),
        ("repaired_lines", ctypes.c_int64),
        ("cells", ctypes.c_int64),         # raster mode
        ("nodata_cells", ctypes.c_int64),
    ]


class _ConvertGrid(ctypes.Structure):
    _c_name_ = "guotu_convert_grid"  # the C struct it mirrors (checked by test_abi_layout.py)
    _fields_ = [
        ("geotransform", ctypes.c_double * 6),
        ("width", ctypes.c_int64),
        ("height", ctypes.c_int64),
        ("has_nodata", ctypes.c_int * 2),
        ("nodata", ctypes.c_int64 * 2),
    ]


# Per-cell status codes of guotu_convert_add_cells (GUOTU_CELL_*), in order.
CELL_STATUSES: Tuple[str, ...] = ("nodata", "same", "path", "conditional", "prohibited", "gap", "unknown")

_PIECE_FN = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.POINTER(_ConversionPiece), ctypes.c_void_p)


# name: (restype, argtypes) — transcribed from guotu_convert.h, in header order.
_PROTOTYPES: Dict[str, Tuple[object, List[object]]] = {
    "guotu_category_map_parse": (INT, [PTR, STR, SIZE, STR, ctypes.POINTER(PTR)]),
    "guotu_category_map_destroy": (None, [PTR, PTR]),
    "guotu_category_map_lookup": (INT, [PTR, STR, ctypes.POINTER(STR)]),
    "guotu_policy_parse": (INT, [PTR, STR, SIZE, STR, ctypes.POINTER(PTR)]),
    "guotu_policy_destroy": (None, [PTR, PTR]),
    "guotu_policy_lookup": (INT, [PTR, STR, STR, ctypes.POINTER(_PolicyRule)]),
    "guotu_convert_options_init": (None, [ctypes.POINTER(_ConvertOptions)]),
    "guotu_convert_create": (INT, [PTR, ctypes.POINTER(_ConvertOptions), PTR, PTR, PTR, PTR, PTR, ctypes.POINTER(PTR)]),
    "guotu_convert_destroy": (None, [PTR, PTR]),
    "guotu_convert_add_zone": (INT, [PTR, PTR, STR, INT64, STR, SIZE]),
    "guotu_convert_add_before": (INT, [PTR, PTR, STR, INT64, STR, SIZE]),
    "guotu_convert_add_line": (INT, [PTR, PTR, INT, INT64, STR, SIZE]),
    "guotu_convert_prepare": (INT, [PTR, PTR]),
    "guotu_convert_set_expected": (INT, [PTR, PTR, INT64]),
    "guotu_convert_set_piece_callback": (None, [PTR, _PIECE_FN, PTR]),
    "guotu_convert_add_after": (INT, [PTR, PTR, STR, INT64, STR, SIZE]),
    "guotu_convert_finish": (INT, [PTR, PTR]),
    "guotu_convert_category_count": (SIZE, [PTR]),
    "guotu_convert_category_row": (INT, [PTR, PTR, SIZE, ctypes.POINTER(_Transition)]),
    "guotu_convert_code_count": (SIZE, [PTR]),
    "guotu_convert_code_row": (INT, [PTR, PTR, SIZE, ctypes.POINTER(_Transition)]),
    "guotu_convert_status_count": (SIZE, [PTR]),
    "guotu_convert_status_row": (INT, [PTR, PTR, SIZE, ctypes.POINTER(_StatusArea)]),
    "guotu_convert_line_count": (SIZE, [PTR]),
    "guotu_convert_line_row": (INT, [PTR, PTR, SIZE, ctypes.POINTER(_LineStatusArea)]),
    "guotu_convert_unknown_count": (SIZE, [PTR]),
    "guotu_convert_unknown_row": (INT, [PTR, PTR, SIZE, ctypes.POINTER(_UnknownCode)]),
    "guotu_convert_get_stats": (INT, [PTR, PTR, ctypes.POINTER(_ConvertStats)]),
}
# Newer than the rest of the conversion API (threads in the CLI); not used by the plugin,
# declared when the library has it.
_OPTIONAL = {"guotu_convert_merge": (INT, [PTR, PTR, PTR]),
             # Raster land use on one grid (newer than the polygon overlay).
             "guotu_convert_set_grid": (INT, [PTR, PTR, ctypes.POINTER(_ConvertGrid)]),
             "guotu_convert_add_cells": (INT, [PTR, PTR, INT64, INT64, INT64, INT64, ctypes.c_void_p, ctypes.c_void_p,
                                              INT64, ctypes.c_void_p])}

_SET = PrototypeSet("the conversion API (guotu_convert.h)", _PROTOTYPES, _OPTIONAL)


def declare(lib: ctypes.CDLL) -> ctypes.CDLL:
    """Sets restype/argtypes of the conversion functions on ``lib`` (once per library)."""
    return _SET.declare(lib)


class _Handle(NativeHandle):
    """A conversion object: the conversion prototypes declared on the library first."""

    def __init__(self, ctx: Context) -> None:
        super().__init__(ctx, declare(ctx.lib))


class CategoryMap(_Handle):
    """guotu_category_map: class code -> policy category, parsed from CSV text with
    columns ``code`` and ``category``. Errors (unknown category, duplicate code) are
    GUOTU_ERR_DATA naming ``label`` and the line."""

    _destroy = "guotu_category_map_destroy"
    _what = "category map"

    def __init__(self, ctx: Context, csv_text: bytes, label: str) -> None:
        super().__init__(ctx)
        self.label = label
        out = ctypes.c_void_p()
        ctx.check(self._lib.guotu_category_map_parse(ctx.handle, csv_text, len(csv_text), _encode(label),
                                                     ctypes.byref(out)))
        self._handle = out.value

    def lookup(self, code: str) -> Optional[str]:
        """The category of ``code`` (exact, then by integer value), or None."""
        category = ctypes.c_char_p()
        found = self._lib.guotu_category_map_lookup(self.handle, _encode(code), ctypes.byref(category))
        return _decode(category.value) if found else None


@dataclass(frozen=True)
class PolicyRule:
    status: str
    paths_zh: str
    paths_en: str


class Policy(_Handle):
    """guotu_policy: the 10 × 10 table (from,to,status,paths_zh,paths_en). Errors name
    ``label`` and the line, or the first missing pair."""

    _destroy = "guotu_policy_destroy"
    _what = "policy"

    def __init__(self, ctx: Context, csv_text: bytes, label: str) -> None:
        super().__init__(ctx)
        self.label = label
        out = ctypes.c_void_p()
        ctx.check(self._lib.guotu_policy_parse(ctx.handle, csv_text, len(csv_text), _encode(label),
                                               ctypes.byref(out)))
        self._handle = out.value

    def lookup(self, from_category: str, to_category: str) -> Optional[PolicyRule]:
        rule = _PolicyRule()
        if not self._lib.guotu_policy_lookup(self.handle, _encode(from_category), _encode(to_category),
                                             ctypes.byref(rule)):
            return None
        return PolicyRule(_decode(rule.status), _decode(rule.paths_zh), _decode(rule.paths_en))

    def rules(self) -> Dict[Tuple[str, str], PolicyRule]:
        """Every (from, to) rule, in category order."""
        return {(a, b): self.lookup(a, b) for a in CATEGORIES for b in CATEGORIES}


@dataclass
class ConversionPiece:
    """One piece of the overlay, as the core hands it over (strings decoded, WKB copied)."""
    zone_id: str
    from_code: str
    to_code: str
    from_category: str
    to_category: str
    status: str
    paths_zh: str
    paths_en: str
    before_fid: int
    after_fid: int
    area_ha: float
    dm_ha: float
    wkb: bytes
    line: str = ""  # LINES name, or "" outside the three lines (and without them)


@dataclass
class Transition:
    zone_id: str
    from_class: str
    to_class: str
    status: str  # "" for code rows
    area_ha: float
    dm_ha: float


@dataclass
class StatusArea:
    zone_id: str
    status: str
    area_ha: float


@dataclass
class LineStatusArea:
    zone_id: str
    line: str  # LINES name, or "" outside the three lines
    status: str
    area_ha: float


@dataclass
class UnknownCode:
    code: str
    side: int  # 0 before, 1 after
    area_ha: float


PieceCallback = Callable[[ConversionPiece], None]


class Convert(_Handle):
    """guotu_convert: zones (optional), every "before" polygon, prepare, then the "after"
    polygons one by one (each piece goes to the piece callback), finish, tables.

    After any failure the overlay may only be closed. An exception raised by the piece
    callback stops the run and is re-raised from the call that was running.
    """

    _destroy = "guotu_convert_destroy"
    _what = "conversion overlay"

    def __init__(self, ctx: Context, crs: Optional[str], before_map: CategoryMap, after_map: CategoryMap,
                 policy: Policy, before_k: Optional[Coefficients] = None, after_k: Optional[Coefficients] = None,
                 *, area_method: AreaMethod = AreaMethod.ELLIPSOIDAL, invalid: InvalidPolicy = InvalidPolicy.REPAIR,
                 before_label: Optional[str] = None, after_label: Optional[str] = None,
                 zones_label: Optional[str] = None) -> None:
        super().__init__(ctx)
        opts = _ConvertOptions()
        self._lib.guotu_convert_options_init(ctypes.byref(opts))
        # Kept referenced until create() returns (the core copies them).
        keep = [_encode(crs), _encode(before_label), _encode(after_label), _encode(zones_label)]
        opts.crs = keep[0]
        opts.area_method = int(area_method)
        opts.invalid = int(invalid)
        opts.before_label, opts.after_label, opts.zones_label = keep[1], keep[2], keep[3]
        out = ctypes.c_void_p()
        ctx.check(self._lib.guotu_convert_create(ctx.handle, ctypes.byref(opts), before_map.handle,
                                                 after_map.handle, policy.handle,
                                                 before_k.handle if before_k is not None else None,
                                                 after_k.handle if after_k is not None else None,
                                                 ctypes.byref(out)))
        del keep
        self._handle = out.value
        # Borrowed by the core: they must stay alive as long as the overlay.
        self._borrowed = (before_map, after_map, policy, before_k, after_k)
        self._piece_ref: Optional[object] = None
        self._piece_error: Optional[BaseException] = None

    def close(self) -> None:
        super().close()
        self._piece_ref = None

    def _call(self, name: str, *args: object) -> None:
        status = getattr(self._lib, name)(self._ctx.handle, self.handle, *args)
        if status != Status.OK and self._piece_error is not None:
            error, self._piece_error = self._piece_error, None
            raise error
        self._ctx.check(status)

    def add_zone(self, zone_id: str, fid: int, wkb: bytes) -> None:
        self._call("guotu_convert_add_zone", _encode(zone_id), fid, wkb, len(wkb))

    def add_before(self, code: Optional[str], fid: int, wkb: bytes) -> None:
        self._call("guotu_convert_add_before", _encode(code), fid, wkb, len(wkb))

    def add_line(self, line: int, fid: int, wkb: bytes) -> None:
        """A feature of the three lines (index into LINES); before prepare."""
        self._call("guotu_convert_add_line", int(line), fid, wkb, len(wkb))

    def prepare(self) -> None:
        self._call("guotu_convert_prepare")

    def set_expected(self, n_features: int) -> None:
        self._call("guotu_convert_set_expected", n_features)

    def set_piece_callback(self, callback: Optional[PieceCallback]) -> None:
        if callback is None:
            self._piece_ref = None
            self._lib.guotu_convert_set_piece_callback(self.handle, _PIECE_FN(), None)
            return

        def bridge(pointer, _user) -> int:
            # Never let an exception unwind through C: keep it, stop the overlay,
            # re-raise it from _call().
            try:
                p = pointer.contents
                callback(ConversionPiece(
                    _decode(p.zone_id), _decode(p.from_code), _decode(p.to_code), _decode(p.from_category),
                    _decode(p.to_category), _decode(p.status), _decode(p.paths_zh), _decode(p.paths_en),
                    p.before_fid, p.after_fid, p.area_ha, p.dm_ha,
                    ctypes.string_at(p.wkb, p.wkb_size) if p.wkb else b"", _decode(p.line)))
                return 0
            except BaseException as e:  # noqa: BLE001 — re-raised in _call()
                self._piece_error = e
                return 1

        self._piece_ref = _PIECE_FN(bridge)
        self._lib.guotu_convert_set_piece_callback(self.handle, self._piece_ref, None)

    def set_grid(self, geotransform: Tuple[float, ...], width: int, height: int,
                 nodata: Tuple[Optional[int], Optional[int]]) -> None:
        """Raster mode on one grid (before any polygon); nodata per side, None for none."""
        if getattr(self._lib, "guotu_convert_set_grid", None) is None:
            raise GuotuError(int(Status.ERR_STATE), "GUOTU_ERR_STATE",
                             "the loaded libguotu has no raster conversion (guotu_convert_set_grid)")
        grid = _ConvertGrid()
        for i, value in enumerate(geotransform):
            grid.geotransform[i] = float(value)
        grid.width, grid.height = int(width), int(height)
        for side, value in enumerate(nodata):
            grid.has_nodata[side] = 0 if value is None else 1
            grid.nodata[side] = 0 if value is None else int(value)
        self._call("guotu_convert_set_grid", ctypes.byref(grid))

    def add_cells(self, row0: int, col0: int, before, after, status_out=None) -> None:
        """A block of both rasters: C-contiguous int32 arrays of one shape (numpy); the
        cells' GUOTU_CELL_* codes go into ``status_out`` (uint8, same shape) when given."""
        nrows, ncols = before.shape
        if after.shape != before.shape or (status_out is not None and status_out.shape != before.shape):
            raise ValueError("before, after and status blocks must have one shape")
        self._call("guotu_convert_add_cells", int(row0), int(col0), int(nrows), int(ncols),
                   before.ctypes.data, after.ctypes.data, int(ncols),
                   status_out.ctypes.data if status_out is not None else None)

    def add_after(self, code: Optional[str], fid: int, wkb: bytes) -> None:
        self._call("guotu_convert_add_after", _encode(code), fid, wkb, len(wkb))

    def finish(self) -> None:
        self._call("guotu_convert_finish")

    def _transitions(self, count: str, row: str) -> List[Transition]:
        rows: List[Transition] = []
        t = _Transition()
        for i in range(getattr(self._lib, count)(self.handle)):
            self._call(row, i, ctypes.byref(t))
            rows.append(Transition(_decode(t.zone_id), _decode(t.from_class), _decode(t.to_class),
                                   _decode(t.status), t.area_ha, t.dm_ha))
        return rows

    def category_rows(self) -> List[Transition]:
        """Area by (zone, from category, to category), with the status; zones in input
        order, then "" (no zone), then "*" (all zones, only with zones)."""
        return self._transitions("guotu_convert_category_count", "guotu_convert_category_row")

    def code_rows(self) -> List[Transition]:
        return self._transitions("guotu_convert_code_count", "guotu_convert_code_row")

    def status_rows(self) -> List[StatusArea]:
        rows: List[StatusArea] = []
        s = _StatusArea()
        for i in range(self._lib.guotu_convert_status_count(self.handle)):
            self._call("guotu_convert_status_row", i, ctypes.byref(s))
            rows.append(StatusArea(_decode(s.zone_id), _decode(s.status), s.area_ha))
        return rows

    def line_rows(self) -> List[LineStatusArea]:
        """Area by (zone, line, status); line "" = outside the three lines."""
        rows: List[LineStatusArea] = []
        s = _LineStatusArea()
        for i in range(self._lib.guotu_convert_line_count(self.handle)):
            self._call("guotu_convert_line_row", i, ctypes.byref(s))
            rows.append(LineStatusArea(_decode(s.zone_id), _decode(s.line), _decode(s.status), s.area_ha))
        return rows

    def unknown_rows(self) -> List[UnknownCode]:
        rows: List[UnknownCode] = []
        u = _UnknownCode()
        for i in range(self._lib.guotu_convert_unknown_count(self.handle)):
            self._call("guotu_convert_unknown_row", i, ctypes.byref(u))
            rows.append(UnknownCode(_decode(u.code), u.side, u.area_ha))
        return rows

    def stats(self) -> Dict[str, float]:
        stats = _ConvertStats()
        self._call("guotu_convert_get_stats", ctypes.byref(stats))
        return {name: getattr(stats, name) for name, _ in _ConvertStats._fields_}
