"""ctypes binding of guotu_tally.h: area in hectares of each land-use class inside each zone.

Builds on :mod:`.native` (loader, :class:`~.native.Context`, the shared enums) and declares
the tally prototypes on the loaded library the first time a tally is made.
"""

import ctypes
from typing import Dict, List, Optional, Sequence, Tuple, Union

import numpy as np

from .ctypes_names import DOUBLE, INT, INT64, PTR, SIZE, STR
from .native import AreaMethod, Context, InvalidPolicy, RasterMode, _decode, _encode
from .native_handle import NativeHandle
from .prototypes import PrototypeSet


# C enums are int-sized on every ABI we ship for, hence c_int for enum members.
class _TallyOptions(ctypes.Structure):
    _c_name_ = "guotu_tally_options"  # the C struct it mirrors (checked by test_abi_layout.py)
    _fields_ = [
        ("crs", ctypes.c_char_p),
        ("area_method", ctypes.c_int),
        ("invalid", ctypes.c_int),
        ("raster_mode", ctypes.c_int),
        ("zones_label", ctypes.c_char_p),
        ("landuse_label", ctypes.c_char_p),
        ("mask_label", ctypes.c_char_p),
    ]


class _RasterGrid(ctypes.Structure):
    _c_name_ = "guotu_raster_grid"  # the C struct it mirrors (checked by test_abi_layout.py)
    _fields_ = [
        ("geotransform", ctypes.c_double * 6),
        ("width", ctypes.c_int64),
        ("height", ctypes.c_int64),
        ("has_nodata", ctypes.c_int),
        ("nodata", ctypes.c_int64),
    ]


class _TallyStats(ctypes.Structure):
    _c_name_ = "guotu_tally_stats"  # the C struct it mirrors (checked by test_abi_layout.py)
    _fields_ = [
        ("zones", ctypes.c_int64),
        ("mask_features", ctypes.c_int64),
        ("landuse_features", ctypes.c_int64),
        ("repaired_zones", ctypes.c_int64),
        ("repaired_mask", ctypes.c_int64),
        ("repaired_landuse", ctypes.c_int64),
        ("empty_class_features", ctypes.c_int64),
        ("empty_class_area_ha", ctypes.c_double),
        ("zones_area_ha", ctypes.c_double),
        ("landuse_area_ha", ctypes.c_double),
        ("tallied_area_ha", ctypes.c_double),
        ("raster_cells", ctypes.c_int64),
        ("nodata_cells", ctypes.c_int64),
        ("overlapping_zone_pairs", ctypes.c_int64),
        ("zone_overlap_area_ha", ctypes.c_double),
    ]



# name: (restype, argtypes) — transcribed from guotu_tally.h, in header order.
_PROTOTYPES: Dict[str, Tuple[object, List[object]]] = {
    "guotu_tally_options_init": (None, [ctypes.POINTER(_TallyOptions)]),
    "guotu_tally_create": (INT, [PTR, ctypes.POINTER(_TallyOptions), ctypes.POINTER(PTR)]),
    "guotu_tally_destroy": (None, [PTR, PTR]),
    "guotu_tally_add_zone": (INT, [PTR, PTR, STR, INT64, STR, SIZE]),
    "guotu_tally_add_mask": (INT, [PTR, PTR, INT64, STR, SIZE]),
    "guotu_tally_prepare": (INT, [PTR, PTR]),
    "guotu_tally_prepare_like": (INT, [PTR, PTR, PTR]),
    "guotu_tally_can_prepare_like": (INT, [PTR, PTR]),
    "guotu_tally_prepare_by_code": (INT, [PTR, PTR]),
    "guotu_tally_add_landuse_in_zone": (INT, [PTR, PTR, STR, STR, STR, DOUBLE, INT64, STR, SIZE]),
    "guotu_tally_set_expected": (INT, [PTR, PTR, INT64]),
    "guotu_tally_add_landuse": (INT, [PTR, PTR, STR, INT64, STR, SIZE]),
    "guotu_tally_add_landuse_deducted": (INT, [PTR, PTR, STR, STR, DOUBLE, INT64, STR, SIZE]),
    "guotu_tally_set_raster": (INT, [PTR, PTR, ctypes.POINTER(_RasterGrid)]),
    "guotu_tally_add_raster_block": (INT, [PTR, PTR, INT64, INT64, INT64, INT64,
                                          ctypes.POINTER(ctypes.c_int32), INT64]),
    "guotu_tally_finish": (INT, [PTR, PTR]),
    "guotu_tally_result_count": (SIZE, [PTR]),
    "guotu_tally_result": (INT, [PTR, PTR, SIZE, ctypes.POINTER(STR), ctypes.POINTER(STR),
                                ctypes.POINTER(ctypes.c_double)]),
    "guotu_tally_get_stats": (INT, [PTR, PTR, ctypes.POINTER(_TallyStats)]),
    "guotu_tally_zone_overlap": (INT, [PTR, PTR, SIZE, ctypes.POINTER(STR), ctypes.POINTER(STR),
                                       ctypes.POINTER(DOUBLE)]),
}

_SET = PrototypeSet("the tally (guotu_tally.h)", _PROTOTYPES)


def declare(lib: ctypes.CDLL) -> ctypes.CDLL:
    """``lib`` with the tally's prototypes declared (once per library)."""
    return _SET.declare(lib)


TallyRow = Tuple[str, str, float]


class Tally(NativeHandle):
    """guotu_tally: area in hectares of each land-use class inside each zone.

    Methods follow the C life cycle (zones, mask, prepare, land use or raster,
    finish, results). After any failure the tally may only be closed.
    """

    _destroy = "guotu_tally_destroy"
    _what = "tally"

    def __init__(self, ctx: Context, crs: str, *,
                 area_method: AreaMethod = AreaMethod.ELLIPSOIDAL,
                 invalid: InvalidPolicy = InvalidPolicy.REPAIR,
                 raster_mode: RasterMode = RasterMode.EXACT,
                 zones_label: Optional[str] = None,
                 landuse_label: Optional[str] = None,
                 mask_label: Optional[str] = None) -> None:
        super().__init__(ctx, declare(ctx.lib))
        lib = self._lib
        opts = _TallyOptions()
        lib.guotu_tally_options_init(ctypes.byref(opts))
        # The bytes objects must stay referenced until create() returns
        # (the library copies them then).
        keep = [_encode(crs), _encode(zones_label), _encode(landuse_label), _encode(mask_label)]
        opts.crs = keep[0]
        opts.area_method = int(area_method)
        opts.invalid = int(invalid)
        opts.raster_mode = int(raster_mode)
        if zones_label:
            opts.zones_label = keep[1]
        if landuse_label:
            opts.landuse_label = keep[2]
        if mask_label:
            opts.mask_label = keep[3]
        out = ctypes.c_void_p()
        ctx.check(lib.guotu_tally_create(ctx.handle, ctypes.byref(opts), ctypes.byref(out)))
        del keep
        self._handle = out.value

    @classmethod
    def adopt(cls, ctx: Context, handle: int) -> "Tally":
        """A finished tally made by the I/O library (guotu_tally_job_run), now owned here."""
        tally = cls.__new__(cls)
        NativeHandle.__init__(tally, ctx, declare(ctx.lib))
        tally._handle = handle
        return tally

    def add_zone(self, zone_id: str, fid: int, wkb: bytes) -> None:
        self._call("guotu_tally_add_zone", _encode(zone_id), fid, wkb, len(wkb))

    def add_mask(self, fid: int, wkb: bytes) -> None:
        self._call("guotu_tally_add_mask", fid, wkb, len(wkb))

    def prepare(self) -> None:
        self._call("guotu_tally_prepare")

    def set_expected(self, n_features: int) -> None:
        self._call("guotu_tally_set_expected", n_features)

    def add_landuse(self, class_code: Optional[str], fid: int, wkb: bytes, deducted_class: str = "1203",
                    deducted_share: float = 0.0) -> None:
        """One land-use polygon; with a deducted share (田坎, KCXS) its class counts the rest."""
        if deducted_share:
            self._call("guotu_tally_add_landuse_deducted", _encode(class_code), _encode(deducted_class),
                       deducted_share, fid, wkb, len(wkb))
        else:
            self._call("guotu_tally_add_landuse", _encode(class_code), fid, wkb, len(wkb))

    def prepare_by_code(self) -> None:
        """Zones from the land use's own codes (三调 ZLDWDM) instead of zone polygons."""
        self._call("guotu_tally_prepare_by_code")

    def add_landuse_in_zone(self, zone_id: str, class_code: Optional[str], fid: int, wkb: bytes,
                            deducted_class: str = "1203", deducted_share: float = 0.0) -> None:
        """One land-use polygon of a tally by code: its whole area goes to (zone_id, class)."""
        self._call("guotu_tally_add_landuse_in_zone", _encode(zone_id), _encode(class_code), _encode(deducted_class),
                   deducted_share, fid, wkb, len(wkb))

    def set_raster(self, geotransform: Sequence[float], width: int, height: int,
                   nodata: Optional[int]) -> None:
        grid = _RasterGrid()
        for i, value in enumerate(geotransform):
            grid.geotransform[i] = value
        grid.width = width
        grid.height = height
        grid.has_nodata = 0 if nodata is None else 1
        grid.nodata = 0 if nodata is None else nodata
        self._call("guotu_tally_set_raster", ctypes.byref(grid))

    def add_raster_block(self, row0: int, col0: int, values: np.ndarray) -> None:
        """``values``: 2-D array of class codes, rows x columns, cast to int32."""
        block = np.ascontiguousarray(values, dtype=np.int32)
        if block.ndim != 2:
            raise ValueError("raster block must be 2-D")
        nrows, ncols = block.shape
        pointer = block.ctypes.data_as(ctypes.POINTER(ctypes.c_int32))
        self._call("guotu_tally_add_raster_block", row0, col0, nrows, ncols, pointer, ncols)

    def finish(self) -> None:
        self._call("guotu_tally_finish")

    def results(self) -> List[TallyRow]:
        lib = self._lib
        count = lib.guotu_tally_result_count(self.handle)
        rows: List[TallyRow] = []
        zone_id = ctypes.c_char_p()
        class_code = ctypes.c_char_p()
        area = ctypes.c_double()
        for i in range(count):
            self._call("guotu_tally_result", i, ctypes.byref(zone_id), ctypes.byref(class_code),
                       ctypes.byref(area))
            rows.append((_decode(zone_id.value), _decode(class_code.value), area.value))
        return rows

    def stats(self) -> Dict[str, Union[int, float]]:
        stats = _TallyStats()
        self._call("guotu_tally_get_stats", ctypes.byref(stats))
        return {name: getattr(stats, name) for name, _ in _TallyStats._fields_}

    def zone_overlaps(self) -> List[Tuple[str, str, float]]:
        """Pairs of zones whose interiors overlap (largest first): (zone a, zone b, ha)."""
        count = int(self.stats()["overlapping_zone_pairs"])
        a, b, area = ctypes.c_char_p(), ctypes.c_char_p(), ctypes.c_double()
        pairs: List[Tuple[str, str, float]] = []
        for i in range(count):
            self._call("guotu_tally_zone_overlap", i, ctypes.byref(a), ctypes.byref(b), ctypes.byref(area))
            pairs.append((_decode(a.value), _decode(b.value), area.value))
        return pairs
