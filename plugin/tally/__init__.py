"""Area by zone and land-use class (tally): runs the core on QGIS layers or rasters."""
