"""Land-use conversion maps (用途转用): vector and raster runs, matrices, styles and the PDF
report."""
