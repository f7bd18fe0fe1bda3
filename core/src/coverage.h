/* coverage.h — how much of each raster cell a polygon covers, over a window of the grid. */
#ifndef GUOTU_COVERAGE_H
#define GUOTU_COVERAGE_H

#include <stdint.h>

#include "internal.h"

/* Grid without rotation: cell (row r, col c) spans x in [x0 + c*dx, x0 + (c+1)*dx] and
 * y in [y0 + r*dy, y0 + (r+1)*dy]; dy is usually negative (north-up). */
typedef struct gt_grid {
    double x0, dx, y0, dy;
    int64_t width, height;
} gt_grid;

typedef enum gt_coverage_mode { GT_COVERAGE_EXACT = 0, GT_COVERAGE_CENTRE = 1 } gt_coverage_mode;

/* Fills cover[i*ncols + j] with the fraction in [0, 1] of cell (row0+i, col0+j) that
 * `polygonal` (Polygon or MultiPolygon, valid) covers: exactly in GT_COVERAGE_EXACT, or
 * 1/0 by whether the cell centre is inside in GT_COVERAGE_CENTRE.
 * `scratch` must hold nrows*(ncols+1) doubles. Ring orientation does not matter. */
int gt_coverage(guotu_context *ctx, const GEOSGeometry *polygonal, const gt_grid *grid, gt_coverage_mode mode,
                int64_t row0, int64_t col0, int64_t nrows, int64_t ncols, double *scratch, float *cover);

#endif
