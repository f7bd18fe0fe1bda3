"""The ctypes binding of libguotu: the library, its handles and prototypes, one module per C header
(native: guotu.h, tally and voucher; convert_native, lines_native, parcels_native, border_native)
and the errors the core reports. The only code that knows ctypes."""
