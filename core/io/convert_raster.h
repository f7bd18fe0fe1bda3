/* convert_raster.h — `guotu convert` on two categorical rasters: the GDAL side (grids,
 * optional nearest-neighbour resampling, block streaming, the status GeoTIFF). */
#ifndef GUOTU_IO_CONVERT_RASTER_H
#define GUOTU_IO_CONVERT_RASTER_H

#include <stddef.h>

#include "guotu/guotu.h"

typedef struct convert_raster_args {
    const char *before, *after;
    const char *resample_to; /* NULL, "before" or "after": warp the other raster onto that grid */
    const char *area;        /* "ellipsoidal" or "planar" */
    const char *status_tif;  /* where to write the per-cell status GeoTIFF (a temporary name) */
} convert_raster_args;

/* Creates the overlay in raster mode on the shared grid (or refuses different grids, naming
 * both, unless resample_to), streams both rasters block by block into it, writes the
 * status GeoTIFF (Byte, GUOTU_CELL_* codes, colour table, category names) and finishes
 * the overlay. On success *out is the finished overlay (caller destroys; it borrows the
 * maps, policy and tables) and *note says what was resampled ("" when nothing was).
 * Returns 0, or 1 with a message in err (the GeoTIFF is then removed). */
int convert_raster_run(guotu_context *ctx, const convert_raster_args *a, const guotu_category_map *const maps[2],
                       const guotu_policy *policy, const guotu_coefficients *const k[2], guotu_convert **out,
                       char *note, size_t note_size, char *err, size_t err_size);

#endif
