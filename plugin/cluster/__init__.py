"""Partitioned runs on Dask: one task per county package (or per admin code read from PostGIS),
each running the guotu tool on its partition, merged into one output equal to the single run.

Nothing here imports QGIS: a Dask worker runs `tasks.py` with the system Python, the `guotu`
tool and GDAL's Python bindings. The market of the voucher job runs once, on the merged
accounts, in the process that merges (through libguotu's binding).
"""
