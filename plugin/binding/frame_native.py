"""ctypes binding of guotu_frame.h: the provincial transmission framework (省级定框架,
SPEC §10) — the element catalogue (名录) and the cities' submissions checked against it.

Builds on :mod:`.native` (loader, :class:`~.native.Context`, errors). Prototypes are
declared on first use, so a libguotu without the framework still loads for the rest.
"""

import ctypes
from dataclasses import dataclass
from typing import Callable, Dict, List, Optional, Tuple

from .native import AreaMethod, Context, _decode, _encode
from .tally_native import _RasterGrid
from .native_handle import NativeHandle, initial_options, numbers_of, set_numbers
from .prototypes import PrototypeSet
from .ctypes_names import INT, INT64, PTR, SIZE, STR

FINDING_KINDS: Tuple[str, ...] = ("not_submitted", "not_in_catalogue", "city_not_listed", "no_city")
INDICATORS: Tuple[str, ...] = ("area", "elevation_min", "elevation_mean", "elevation_max", "slope_mean",
                               "slope_share", "forest_share")


class _Finding(ctypes.Structure):
    _c_name_ = "guotu_frame_finding"  # the C struct it mirrors (checked by test_abi_layout.py)
    _fields_ = [
        ("kind", ctypes.c_char_p), ("city_id", ctypes.c_char_p), ("element_id", ctypes.c_char_p),
        ("element_name", ctypes.c_char_p), ("element_type", ctypes.c_char_p), ("cities", ctypes.c_char_p),
        ("fid", ctypes.c_int64), ("message_zh", ctypes.c_char_p), ("message_en", ctypes.c_char_p),
        ("wkb", ctypes.c_void_p), ("wkb_size", ctypes.c_size_t),
    ]


class _City(ctypes.Structure):
    _c_name_ = "guotu_frame_city"  # the C struct it mirrors (checked by test_abi_layout.py)
    _fields_ = [("city_id", ctypes.c_char_p)] + [(name, ctypes.c_int64) for name in (
        "listed", "submitted", "not_submitted", "features", "not_in_catalogue", "city_not_listed")]


class _County(ctypes.Structure):
    _c_name_ = "guotu_frame_county"  # the C struct it mirrors (checked by test_abi_layout.py)
    _fields_ = [("county_id", ctypes.c_char_p), ("city_id", ctypes.c_char_p)] + [
        (name, ctypes.c_int64) for name in ("features", "elements", "not_in_catalogue")]


class _FrameOptions(ctypes.Structure):
    _c_name_ = "guotu_frame_options"  # the C struct it mirrors (checked by test_abi_layout.py)
    _fields_ = [("crs", ctypes.c_char_p), ("area_method", ctypes.c_int)] + [(name, ctypes.c_double) for name in (
        "slope_threshold_deg", "band_m", "tolerance_elevation_m", "tolerance_slope_deg", "tolerance_forest_share")]


class _Dem(ctypes.Structure):
    _c_name_ = "guotu_frame_dem"  # the C struct it mirrors (checked by test_abi_layout.py)
    _fields_ = [("geotransform", ctypes.c_double * 6), ("width", ctypes.c_int64), ("height", ctypes.c_int64),
                ("has_nodata", ctypes.c_int), ("nodata", ctypes.c_double)]


class _IndicatorFinding(ctypes.Structure):
    _c_name_ = "guotu_frame_indicator_finding"  # the C struct it mirrors (checked by test_abi_layout.py)
    _fields_ = [(name, ctypes.c_char_p) for name in (
        "kind", "element_id", "element_name", "element_type", "city_id", "other_city_id", "indicator")] + \
        [(name, ctypes.c_double) for name in ("value", "other_value", "min", "max", "other_min", "other_max")] + \
        [("message_zh", ctypes.c_char_p), ("message_en", ctypes.c_char_p), ("wkb", ctypes.c_void_p),
         ("wkb_size", ctypes.c_size_t)]


class _Indicators(ctypes.Structure):
    _c_name_ = "guotu_frame_indicators"  # the C struct it mirrors (checked by test_abi_layout.py)
    _fields_ = [(name, ctypes.c_char_p) for name in (
        "element_id", "element_name", "element_type", "city_id", "other_city_id")] + \
        [(name, ctypes.c_double) for name in (
            "area_m2", "elevation_min", "elevation_mean", "elevation_max", "slope_mean", "slope_share",
            "forest_share", "dem_share")] + [("wkb", ctypes.c_void_p), ("wkb_size", ctypes.c_size_t)]


class _RoundsOptions(ctypes.Structure):
    _c_name_ = "guotu_rounds_options"  # the C struct it mirrors (checked by test_abi_layout.py)
    _fields_ = [("match_m", ctypes.c_double), ("min_length_m", ctypes.c_double), ("min_area_m2", ctypes.c_double)]


class _RoundItem(ctypes.Structure):
    _c_name_ = "guotu_round_item"  # the C struct it mirrors (checked by test_abi_layout.py)
    _fields_ = [(name, ctypes.c_char_p) for name in ("source", "kind", "key", "cities", "label")] + \
        [("length_m", ctypes.c_double), ("area_m2", ctypes.c_double)] + \
        [(name, ctypes.c_char_p) for name in ("review_status", "review_note", "reviewed_by", "reviewed_at")] + \
        [("line_wkb", ctypes.c_void_p), ("line_wkb_size", ctypes.c_size_t), ("wkb", ctypes.c_void_p),
         ("wkb_size", ctypes.c_size_t)]


class _RoundResult(ctypes.Structure):
    _c_name_ = "guotu_round_result"  # the C struct it mirrors (checked by test_abi_layout.py)
    _fields_ = [("status", ctypes.c_char_p), ("index0", ctypes.c_int64), ("index1", ctypes.c_int64),
                ("item", ctypes.POINTER(_RoundItem)), ("material", ctypes.c_int), ("returned", ctypes.c_int)]


_FINDING_FN = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.POINTER(_Finding), ctypes.c_void_p)
_ROUND_FN = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.POINTER(_RoundResult), ctypes.c_void_p)
_INDICATOR_FN = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.POINTER(_IndicatorFinding), ctypes.c_void_p)

# name: (restype, argtypes) — transcribed from guotu_frame.h, in header order.
_PROTOTYPES: Dict[str, Tuple[object, List[object]]] = {
    "guotu_frame_create": (INT, [PTR, ctypes.POINTER(PTR)]),
    "guotu_frame_destroy": (None, [PTR, PTR]),
    "guotu_frame_add_entry": (INT, [PTR, PTR, STR, STR, STR, STR, STR]),
    "guotu_frame_load_catalogue": (INT, [PTR, PTR, STR, SIZE, STR]),
    "guotu_frame_add_submission": (INT, [PTR, PTR, STR, STR, STR, INT64, STR, SIZE]),
    "guotu_frame_check_catalogue": (INT, [PTR, PTR, _FINDING_FN, PTR]),
    "guotu_frame_city_count": (SIZE, [PTR]),
    "guotu_frame_city_row": (INT, [PTR, PTR, SIZE, ctypes.POINTER(_City)]),
    "guotu_frame_add_county": (INT, [PTR, PTR, STR, STR]),
    "guotu_frame_load_counties": (INT, [PTR, PTR, STR, SIZE, STR]),
    "guotu_frame_county_count": (SIZE, [PTR]),
    "guotu_frame_county_row": (INT, [PTR, PTR, SIZE, ctypes.POINTER(_County)]),
    "guotu_frame_options_init": (None, [ctypes.POINTER(_FrameOptions)]),
    "guotu_frame_set_options": (INT, [PTR, PTR, ctypes.POINTER(_FrameOptions)]),
    "guotu_frame_add_threshold": (INT, [PTR, PTR, STR, STR, STR, ctypes.c_double, ctypes.c_double]),
    "guotu_frame_load_thresholds": (INT, [PTR, PTR, STR, SIZE, STR]),
    "guotu_frame_set_forest_codes": (INT, [PTR, PTR, STR]),
    "guotu_frame_prepare": (INT, [PTR, PTR]),
    "guotu_frame_set_dem": (INT, [PTR, PTR, ctypes.POINTER(_Dem)]),
    "guotu_frame_add_dem_rows": (INT, [PTR, PTR, INT64, INT64, ctypes.c_void_p]),
    "guotu_frame_dem_rows_needed": (INT, [PTR, PTR, ctypes.POINTER(INT64), ctypes.POINTER(INT64)]),
    "guotu_frame_dem_columns_needed": (INT, [PTR, PTR, INT64, INT64, ctypes.POINTER(INT64), SIZE,
                                            ctypes.POINTER(SIZE)]),
    "guotu_frame_add_landuse": (INT, [PTR, PTR, STR, INT64, STR, SIZE]),
    "guotu_frame_set_landuse_grid": (INT, [PTR, PTR, ctypes.POINTER(_RasterGrid)]),
    "guotu_frame_add_landuse_block": (INT, [PTR, PTR, INT64, INT64, INT64, INT64, ctypes.c_void_p, INT64]),
    "guotu_frame_landuse_windows_needed": (INT, [PTR, PTR, INT64, INT64, ctypes.POINTER(INT64), SIZE,
                                                 ctypes.POINTER(SIZE)]),
    "guotu_frame_finish": (INT, [PTR, PTR, _INDICATOR_FN, PTR]),
    "guotu_frame_indicator_count": (SIZE, [PTR]),
    "guotu_frame_indicator_row": (INT, [PTR, PTR, SIZE, ctypes.POINTER(_Indicators)]),
    "guotu_rounds_options_init": (None, [ctypes.POINTER(_RoundsOptions)]),
    "guotu_rounds_create": (INT, [PTR, ctypes.POINTER(_RoundsOptions), ctypes.POINTER(PTR)]),
    "guotu_rounds_destroy": (None, [PTR, PTR]),
    "guotu_rounds_add": (INT, [PTR, PTR, INT, ctypes.POINTER(_RoundItem)]),
    "guotu_rounds_run": (INT, [PTR, PTR, _ROUND_FN, PTR]),
}

_SET = PrototypeSet("the transmission framework (guotu_frame.h)", _PROTOTYPES)


def declare(lib: ctypes.CDLL) -> ctypes.CDLL:
    """Sets restype/argtypes of these functions on ``lib`` (once per library)."""
    return _SET.declare(lib)


@dataclass
class Finding:
    kind: str
    city_id: str
    element_id: str
    element_name: str
    element_type: str
    cities: str
    fid: int  # -1 for not_submitted
    message_zh: str
    message_en: str
    wkb: bytes


@dataclass
class CityRow:
    city_id: str
    listed: int
    submitted: int
    not_submitted: int
    features: int
    not_in_catalogue: int
    city_not_listed: int


@dataclass
class FrameOptions:
    """guotu_frame_options; None keeps the library's default (SPEC §10)."""
    area_method: AreaMethod = AreaMethod.ELLIPSOIDAL
    slope_threshold_deg: Optional[float] = None
    band_m: Optional[float] = None
    tolerance_elevation_m: Optional[float] = None
    tolerance_slope_deg: Optional[float] = None
    tolerance_forest_share: Optional[float] = None


NUMBERS = ("slope_threshold_deg", "band_m", "tolerance_elevation_m", "tolerance_slope_deg", "tolerance_forest_share")


@dataclass
class IndicatorFinding:
    kind: str
    element_id: str
    element_name: str
    element_type: str
    city_id: str
    other_city_id: str
    indicator: str
    value: float
    other_value: float
    min: float
    max: float
    other_min: float
    other_max: float
    message_zh: str
    message_en: str
    wkb: bytes


@dataclass
class IndicatorRow:
    element_id: str
    element_name: str
    element_type: str
    city_id: str
    other_city_id: str
    area_m2: float
    elevation_min: float
    elevation_mean: float
    elevation_max: float
    slope_mean: float
    slope_share: float
    forest_share: float
    dem_share: float
    wkb: bytes

    @property
    def zone(self) -> str:
        """"element", "part" or "strip", as the CLI's zone column."""
        return "element" if not self.city_id else "strip" if self.other_city_id else "part"


def default_options(ctx: Context) -> Dict[str, float]:
    """guotu_frame_options_init's numbers, by field name."""
    return numbers_of(initial_options(_FrameOptions, declare(ctx.lib).guotu_frame_options_init), NUMBERS)


def _bytes(pointer: Optional[int], size: int) -> bytes:
    return ctypes.string_at(pointer, size) if pointer and size else b""


def _values(struct: ctypes.Structure) -> list:
    return [_decode(getattr(struct, n)) if t is ctypes.c_char_p else getattr(struct, n) for n, t in struct._fields_]


class Frame(NativeHandle):
    """guotu_frame: the catalogue and the submissions in, findings through a callback, then
    the per-city rows. Create, add, check, read, close."""

    _destroy = "guotu_frame_destroy"
    _what = "transmission framework"

    def __init__(self, ctx: Context) -> None:
        super().__init__(ctx, declare(ctx.lib))
        out = ctypes.c_void_p()
        ctx.check(self._lib.guotu_frame_create(ctx.handle, ctypes.byref(out)))
        self._handle = out.value

    def load_catalogue(self, text: bytes, label: str) -> None:
        self._ctx.check(self._lib.guotu_frame_load_catalogue(self._ctx.handle, self.handle, text, len(text),
                                                             _encode(label)))

    def add_entry(self, element_id: str, name: str, kind: str, cities: str, indicators: str) -> None:
        self._ctx.check(self._lib.guotu_frame_add_entry(self._ctx.handle, self.handle, _encode(element_id),
                                                        _encode(name), _encode(kind), _encode(cities),
                                                        _encode(indicators)))

    def add_submission(self, city_id: str, element_id: str, name: str, fid: int, wkb: Optional[bytes]) -> None:
        data = wkb or None
        self._ctx.check(self._lib.guotu_frame_add_submission(self._ctx.handle, self.handle, _encode(city_id),
                                                             _encode(element_id), _encode(name), fid, data,
                                                             len(wkb) if wkb else 0))

    def check_catalogue(self, on_finding: Callable[[Finding], None]) -> None:
        """Runs the check; an exception in the callback stops it and is raised here."""

        def finding(f: _Finding) -> None:
            values = _values(f)[:-2]
            on_finding(Finding(*values, ctypes.string_at(f.wkb, f.wkb_size) if f.wkb and f.wkb_size else b""))

        callback = _FINDING_FN(self.guarded(finding))  # referenced until the check returns
        self.check_run(self._lib.guotu_frame_check_catalogue(self._ctx.handle, self.handle, callback, None))

    def load_counties(self, text: bytes, label: str) -> None:
        self._ctx.check(self._lib.guotu_frame_load_counties(self._ctx.handle, self.handle, text, len(text),
                                                            _encode(label)))

    def counties(self) -> List[list]:
        """[county, city, features, elements, not_in_catalogue] after the catalogue check."""
        out: List[list] = []
        row = _County()
        for i in range(self._lib.guotu_frame_county_count(self.handle)):
            self._ctx.check(self._lib.guotu_frame_county_row(self._ctx.handle, self.handle, i, ctypes.byref(row)))
            out.append(_values(row))
        return out

    def set_options(self, crs: str, options: FrameOptions) -> None:
        opts = initial_options(_FrameOptions, self._lib.guotu_frame_options_init)
        keep = _encode(crs)
        opts.crs = keep
        opts.area_method = int(options.area_method)
        set_numbers(opts, options, NUMBERS)
        self._ctx.check(self._lib.guotu_frame_set_options(self._ctx.handle, self.handle, ctypes.byref(opts)))
        del keep

    def load_thresholds(self, text: bytes, label: str) -> None:
        self._ctx.check(self._lib.guotu_frame_load_thresholds(self._ctx.handle, self.handle, text, len(text),
                                                              _encode(label)))

    def set_forest_codes(self, codes: str) -> None:
        self._ctx.check(self._lib.guotu_frame_set_forest_codes(self._ctx.handle, self.handle, _encode(codes)))

    def prepare(self) -> None:
        self.check_run(self._lib.guotu_frame_prepare(self._ctx.handle, self.handle))

    def set_dem(self, geotransform: Tuple[float, ...], width: int, height: int) -> Tuple[int, int]:
        """The DEM's grid (nodata cells come as NaN); returns the rows the zones need."""
        dem = _Dem((ctypes.c_double * 6)(*geotransform), width, height, 0, 0.0)
        self._ctx.check(self._lib.guotu_frame_set_dem(self._ctx.handle, self.handle, ctypes.byref(dem)))
        row0, row1 = INT64(), INT64()
        self._ctx.check(self._lib.guotu_frame_dem_rows_needed(self._ctx.handle, self.handle, ctypes.byref(row0),
                                                              ctypes.byref(row1)))
        return row0.value, row1.value

    def dem_columns_needed(self, row0: int, nrows: int) -> List[Tuple[int, int]]:
        """The column spans [c0, c1) of rows [row0, row0 + nrows) that add_dem_rows reads
        (see guotu_frame_dem_columns_needed)."""
        count = SIZE()
        self._ctx.check(self._lib.guotu_frame_dem_columns_needed(self._ctx.handle, self.handle, row0, nrows, None, 0,
                                                                 ctypes.byref(count)))
        spans = (INT64 * (2 * max(1, count.value)))()
        self._ctx.check(self._lib.guotu_frame_dem_columns_needed(self._ctx.handle, self.handle, row0, nrows, spans,
                                                                 count.value, ctypes.byref(count)))
        return [(spans[2 * k], spans[2 * k + 1]) for k in range(count.value)]

    def add_dem_rows(self, row0: int, nrows: int, values) -> None:
        """``values``: a C-contiguous float32 numpy array of whole rows with the halo rows
        (see guotu_frame_add_dem_rows)."""
        self.check_run(self._lib.guotu_frame_add_dem_rows(self._ctx.handle, self.handle, row0, nrows,
                                                          values.ctypes.data_as(ctypes.c_void_p)))

    def add_landuse(self, code: str, fid: int, wkb: bytes) -> None:
        self._ctx.check(self._lib.guotu_frame_add_landuse(self._ctx.handle, self.handle, _encode(code), fid,
                                                          wkb or None, len(wkb)))

    def set_landuse_grid(self, geotransform: Tuple[float, ...], width: int, height: int,
                         nodata: Optional[int]) -> None:
        """Land use as a raster of class values on this grid (see guotu_frame_set_landuse_grid)."""
        grid = _RasterGrid((ctypes.c_double * 6)(*geotransform), width, height, 0 if nodata is None else 1,
                           0 if nodata is None else nodata)
        self._ctx.check(self._lib.guotu_frame_set_landuse_grid(self._ctx.handle, self.handle, ctypes.byref(grid)))

    def landuse_windows_needed(self, block_rows: int, block_cols: int) -> List[Tuple[int, int, int, int]]:
        """The windows (row0, col0, nrows, ncols) of whole blocks of the land-use grid that the
        zones meet (see guotu_frame_landuse_windows_needed)."""
        count = SIZE()
        self._ctx.check(self._lib.guotu_frame_landuse_windows_needed(self._ctx.handle, self.handle, block_rows,
                                                                     block_cols, None, 0, ctypes.byref(count)))
        windows = (INT64 * (4 * max(1, count.value)))()
        self._ctx.check(self._lib.guotu_frame_landuse_windows_needed(self._ctx.handle, self.handle, block_rows,
                                                                     block_cols, windows, count.value,
                                                                     ctypes.byref(count)))
        return [tuple(windows[4 * k:4 * k + 4]) for k in range(count.value)]

    def add_landuse_block(self, row0: int, col0: int, values) -> None:
        """``values``: a C-contiguous int32 numpy array of rows [row0, row0 + rows) and columns
        [col0, col0 + columns) of the land-use grid."""
        nrows, ncols = values.shape
        self.check_run(self._lib.guotu_frame_add_landuse_block(self._ctx.handle, self.handle, row0, col0, nrows, ncols,
                                                               values.ctypes.data_as(ctypes.c_void_p), ncols))

    def finish(self, on_finding: Callable[[IndicatorFinding], None]) -> None:
        def finding(f: _IndicatorFinding) -> None:
            on_finding(IndicatorFinding(*_values(f)[:-2], _bytes(f.wkb, f.wkb_size)))

        callback = _INDICATOR_FN(self.guarded(finding))  # referenced until finish returns
        self.check_run(self._lib.guotu_frame_finish(self._ctx.handle, self.handle, callback, None))

    def indicators(self) -> List[IndicatorRow]:
        out: List[IndicatorRow] = []
        row = _Indicators()
        for i in range(self._lib.guotu_frame_indicator_count(self.handle)):
            self._ctx.check(self._lib.guotu_frame_indicator_row(self._ctx.handle, self.handle, i, ctypes.byref(row)))
            out.append(IndicatorRow(*_values(row)[:-2], _bytes(row.wkb, row.wkb_size)))
        return out

    def cities(self) -> List[CityRow]:
        out: List[CityRow] = []
        row = _City()
        for i in range(self._lib.guotu_frame_city_count(self.handle)):
            self._ctx.check(self._lib.guotu_frame_city_row(self._ctx.handle, self.handle, i, ctypes.byref(row)))
            out.append(CityRow(*_values(row)))
        return out


@dataclass
class RoundsOptions:
    """guotu_rounds_options; None keeps the library's default."""
    match_m: Optional[float] = None
    min_length_m: Optional[float] = None
    min_area_m2: Optional[float] = None


ROUND_NUMBERS = ("match_m", "min_length_m", "min_area_m2")


@dataclass
class RoundItem:
    source: str
    kind: str
    key: str
    cities: str
    label: str = ""
    length_m: float = 0.0
    area_m2: float = 0.0
    review_status: str = ""
    review_note: str = ""
    reviewed_by: str = ""
    reviewed_at: str = ""
    line_wkb: bytes = b""
    wkb: bytes = b""


@dataclass
class RoundResult:
    status: str
    index0: int
    index1: int
    item: RoundItem
    material: bool
    returned: bool


def default_round_options(ctx: Context) -> Dict[str, float]:
    return numbers_of(initial_options(_RoundsOptions, declare(ctx.lib).guotu_rounds_options_init), ROUND_NUMBERS)


class Rounds(NativeHandle):
    """guotu_rounds: the items of round 0 (n) and 1 (n+1) in, the results through a callback."""

    _destroy = "guotu_rounds_destroy"
    _what = "round comparison"

    def __init__(self, ctx: Context, options: RoundsOptions) -> None:
        super().__init__(ctx, declare(ctx.lib))
        opts = initial_options(_RoundsOptions, self._lib.guotu_rounds_options_init)
        set_numbers(opts, options, ROUND_NUMBERS)
        out = ctypes.c_void_p()
        ctx.check(self._lib.guotu_rounds_create(ctx.handle, ctypes.byref(opts), ctypes.byref(out)))
        self._handle = out.value

    def add(self, round_index: int, item: RoundItem) -> None:
        line = ctypes.create_string_buffer(item.line_wkb, len(item.line_wkb)) if item.line_wkb else None
        geometry = ctypes.create_string_buffer(item.wkb, len(item.wkb)) if item.wkb else None
        c = _RoundItem(*(_encode(getattr(item, n)) for n in ("source", "kind", "key", "cities", "label")),
                       item.length_m, item.area_m2,
                       *(_encode(getattr(item, n)) for n in ("review_status", "review_note", "reviewed_by",
                                                              "reviewed_at")),
                       ctypes.cast(line, ctypes.c_void_p) if line is not None else None, len(item.line_wkb),
                       ctypes.cast(geometry, ctypes.c_void_p) if geometry is not None else None, len(item.wkb))
        self._ctx.check(self._lib.guotu_rounds_add(self._ctx.handle, self.handle, round_index, ctypes.byref(c)))

    def run(self, on_result: Callable[[RoundResult], None]) -> None:
        def result(r: _RoundResult) -> None:
            x = r.item.contents
            values = _values(x)
            item = RoundItem(*values[:11], _bytes(x.line_wkb, x.line_wkb_size), _bytes(x.wkb, x.wkb_size))
            on_result(RoundResult(_decode(r.status), r.index0, r.index1, item, bool(r.material), bool(r.returned)))

        callback = _ROUND_FN(self.guarded(result))  # referenced until the run returns
        self.check_run(self._lib.guotu_rounds_run(self._ctx.handle, self.handle, callback, None))
