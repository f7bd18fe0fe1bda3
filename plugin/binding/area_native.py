"""ctypes binding of guotu_area.h: ellipsoidal or planar area of WKB polygons.

Builds on :mod:`.native` (loader, :class:`~.native.Context`, :class:`~.native.AreaMethod`)
and declares the area prototypes on the loaded library the first time they are used.
"""

import ctypes
from typing import Dict, List, Optional, Sequence, Tuple

from .ctypes_names import INT, PTR, SIZE, STR
from .native import AreaMethod, Context, _decode, _encode
from .native_handle import NativeHandle
from .prototypes import PrototypeSet

# name: (restype, argtypes) — transcribed from guotu_area.h, in header order.
_PROTOTYPES: Dict[str, Tuple[object, List[object]]] = {
    "guotu_area_calc_create": (INT, [PTR, STR, INT, ctypes.POINTER(PTR)]),
    "guotu_area_calc_destroy": (None, [PTR, PTR]),
    "guotu_area_of_wkb": (INT, [PTR, PTR, STR, SIZE, ctypes.POINTER(ctypes.c_double)]),
    "guotu_area_of_ring": (INT, [PTR, PTR, ctypes.POINTER(ctypes.c_double), SIZE,
                                ctypes.POINTER(ctypes.c_double)]),
    "guotu_area_calc_describe": (STR, [PTR]),
    "guotu_crs_metric_zone": (INT, [PTR, STR, ctypes.c_double, ctypes.c_double, ctypes.c_double, ctypes.c_double,
                                    ctypes.POINTER(INT), ctypes.c_char_p, SIZE]),
}

_SET = PrototypeSet("the area calculator (guotu_area.h)", _PROTOTYPES)


def declare(lib: ctypes.CDLL) -> ctypes.CDLL:
    """``lib`` with the area calculator's prototypes declared (once per library)."""
    return _SET.declare(lib)


class AreaCalculator(NativeHandle):
    """guotu_area_calc: ellipsoidal or planar area of WKB polygons."""

    _destroy = "guotu_area_calc_destroy"
    _what = "area calculator"

    def __init__(self, ctx: Context, crs: Optional[str], method: AreaMethod) -> None:
        super().__init__(ctx, declare(ctx.lib))
        out = ctypes.c_void_p()
        ctx.check(self._lib.guotu_area_calc_create(ctx.handle, _encode(crs), int(method), ctypes.byref(out)))
        self._handle = out.value

    def describe(self) -> str:
        return _decode(self._lib.guotu_area_calc_describe(self.handle))

    def area_of_wkb(self, wkb: bytes) -> float:
        area = ctypes.c_double()
        self._ctx.check(self._lib.guotu_area_of_wkb(
            self._ctx.handle, self.handle, wkb, len(wkb), ctypes.byref(area)))
        return area.value

    def area_of_ring(self, xy: Sequence[float]) -> float:
        n = len(xy) // 2
        buf = (ctypes.c_double * (2 * n))(*xy)
        area = ctypes.c_double()
        self._ctx.check(self._lib.guotu_area_of_ring(
            self._ctx.handle, self.handle, buf, n, ctypes.byref(area)))
        return area.value


def metric_zone(ctx: Context, crs: Optional[str], xmin: float, ymin: float, xmax: float,
                ymax: float) -> Tuple[int, str]:
    """guotu_crs_metric_zone: (0, "") when ``crs`` is metric (or none); otherwise the EPSG code of
    the 3-degree Gauss-Krüger zone of the extent's centre and the note to record. Raises
    GuotuError when no zone fits (another datum, outside China's zones, no extent, feet)."""
    lib = declare(ctx.lib)
    epsg = ctypes.c_int(0)
    note = ctypes.create_string_buffer(512)
    ctx.check(lib.guotu_crs_metric_zone(ctx.handle, _encode(crs), xmin, ymin, xmax, ymax, ctypes.byref(epsg),
                                        note, len(note)))
    return epsg.value, _decode(note.value)
