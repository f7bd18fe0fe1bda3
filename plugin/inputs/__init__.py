"""Shared input handling for every feature: reading QGIS layers for the core (selection, filters,
unsaved edits; damaged files refused), validation of CRS and fields, value conversions, progress
and cancel, raster blocks, text encodings of shapefiles, atomic output files."""
