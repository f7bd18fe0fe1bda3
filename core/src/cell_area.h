/* cell_area.h — area in m² of raster cells, ellipsoidal or planar. */
#ifndef GUOTU_CELL_AREA_H
#define GUOTU_CELL_AREA_H

#include "coverage.h"

#define GT_CELL_AREA_CACHE 64

/* Why a lattice: computing every cell's geodesic area would cost a projection and a
 * geodesic polygon per cell (minutes on 400 million cells). A cell's area varies
 * smoothly with position (through the projection's scale factor), so it is computed
 * exactly for every `step`-th cell in both directions and interpolated bilinearly in
 * between; the interpolation error is about (step·cell / R)² relative, ~1e-9 for 30 m
 * cells, far below what area statistics report. */
typedef struct gt_cell_area {
    gt_grid grid;
    guotu_area_calc *calc; /* borrowed */
    int planar;
    double planar_area;
    int64_t step;
    int64_t nodes_per_row;
    int64_t cached_row[GT_CELL_AREA_CACHE]; /* lattice row index, -1 = unused */
    double *cached_values[GT_CELL_AREA_CACHE];
    uint64_t last_used[GT_CELL_AREA_CACHE];
    uint64_t clock;
    double *row_values; /* one lattice row interpolated to the current raster row */
} gt_cell_area;

int gt_cell_area_init(guotu_context *ctx, gt_cell_area *ca, const gt_grid *grid, guotu_area_calc *calc);
void gt_cell_area_free(gt_cell_area *ca);

/* Area of cells (row, col0 .. col0+n-1) into out[0 .. n-1]. */
int gt_cell_area_row(guotu_context *ctx, gt_cell_area *ca, int64_t row, int64_t col0, int64_t n, double *out);

/* Exact area of one cell, without the lattice (used for lattice nodes and in tests). */
int gt_cell_area_exact(guotu_context *ctx, const gt_cell_area *ca, int64_t row, int64_t col, double *out);

#endif
