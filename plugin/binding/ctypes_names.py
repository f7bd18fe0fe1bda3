"""Short names for the C types in the ctypes prototype tables of the *_native modules
(each table is transcribed from one guotu_*.h header)."""

import ctypes

PTR = ctypes.c_void_p
INT = ctypes.c_int
INT64 = ctypes.c_int64
SIZE = ctypes.c_size_t
STR = ctypes.c_char_p
DOUBLE = ctypes.c_double
DOUBLE_PTR = ctypes.POINTER(ctypes.c_double)
