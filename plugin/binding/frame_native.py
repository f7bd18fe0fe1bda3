"""ctypes binding of guotu_frame.h: the provincial transmission framework (省级定框架,
SPEC §10) — the element catalogue (名录) and the cities' submissions checked against it.

Builds on :mod:`.native` (loader, :class:`~.native.Context`, errors). Prototypes are
declared on first use, so a libguotu without the framework still loads for the rest.
"""

import ctypes
from dataclasses import dataclass
from typing import Callable, Dict, List, Optional, Tuple

from .native import Context, _decode, _encode
from .native_handle import NativeHandle
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


_FINDING_FN = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.POINTER(_Finding), ctypes.c_void_p)

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

    def cities(self) -> List[CityRow]:
        out: List[CityRow] = []
        row = _City()
        for i in range(self._lib.guotu_frame_city_count(self.handle)):
            self._ctx.check(self._lib.guotu_frame_city_row(self._ctx.handle, self.handle, i, ctypes.byref(row)))
            out.append(CityRow(*_values(row)))
        return out
