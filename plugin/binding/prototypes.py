"""Declaring the prototypes of one part of the C API on the loaded library, once per
library, so that a libguotu without that part still loads for everything else and only
the feature that needs it says what is missing."""

import ctypes
import threading
from typing import Dict, List, Optional, Tuple

from .errors import GuotuError
from .native import Status

Prototypes = Dict[str, Tuple[object, List[object]]]  # name: (restype, argtypes)


class PrototypeSet:
    """The functions of one header (``what`` names it in the error), plus optional ones
    that newer libraries have."""

    def __init__(self, what: str, prototypes: Prototypes, optional: Optional[Prototypes] = None) -> None:
        self.what = what
        self.prototypes = prototypes
        self.optional = optional or {}
        self._lock = threading.Lock()
        self._declared: Dict[int, ctypes.CDLL] = {}

    def declare(self, lib: ctypes.CDLL) -> ctypes.CDLL:
        """Sets restype/argtypes of every function on ``lib``; GuotuError when a required
        one is missing."""
        with self._lock:
            if id(lib) in self._declared:
                return lib
            for name, (restype, argtypes) in list(self.prototypes.items()) + list(self.optional.items()):
                func = getattr(lib, name, None)
                if func is None:
                    if name in self.optional:
                        continue
                    raise GuotuError(int(Status.ERR_STATE), "GUOTU_ERR_STATE",
                                     f"the loaded libguotu has no {name}: it predates {self.what}; install a "
                                     "newer plugin or library")
                func.restype = restype
                func.argtypes = argtypes
            self._declared[id(lib)] = lib
        return lib
