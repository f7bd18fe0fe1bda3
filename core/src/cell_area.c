/* cell_area.c — lattice-interpolated ellipsoidal cell areas (see cell_area.h for why). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "area.h"
#include "cell_area.h"

enum { LATTICE_STEP = 32 };

int gt_cell_area_init(guotu_context *ctx, gt_cell_area *ca, const gt_grid *grid, guotu_area_calc *calc) {
    memset(ca, 0, sizeof *ca);
    ca->grid = *grid;
    ca->calc = calc;
    ca->planar = gt_area_is_planar(calc);
    ca->planar_area = fabs(grid->dx * grid->dy);
    ca->step = LATTICE_STEP;
    ca->nodes_per_row = grid->width / ca->step + 2;
    for (int i = 0; i < GT_CELL_AREA_CACHE; i++)
        ca->cached_row[i] = -1;
    if (!ca->planar) {
        ca->row_values = malloc((size_t)ca->nodes_per_row * sizeof(double));
        if (!ca->row_values) return gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
    }
    return GUOTU_OK;
}

void gt_cell_area_free(gt_cell_area *ca) {
    for (int i = 0; i < GT_CELL_AREA_CACHE; i++)
        free(ca->cached_values[i]);
    free(ca->row_values);
    memset(ca, 0, sizeof *ca);
}

int gt_cell_area_exact(guotu_context *ctx, const gt_cell_area *ca, int64_t row, int64_t col, double *out) {
    const gt_grid *g = &ca->grid;
    double xl = g->x0 + (double)col * g->dx, xr = xl + g->dx;
    double yt = g->y0 + (double)row * g->dy, yb = yt + g->dy;
    double ring[8] = {xl, yt, xr, yt, xr, yb, xl, yb};
    return gt_area_of_lone_ring_inplace(ctx, ca->calc, ring, 4, out);
}

/* Lattice row `i` (exact areas of cells (i*step, j*step)), from the cache or computed; of
 * a row only the nodes [j0, j1] are computed (the others stay NaN until a call needs
 * them), as a caller reading a few columns of a wide grid needs a few nodes. */
static int lattice_row(guotu_context *ctx, gt_cell_area *ca, int64_t i, int64_t j0, int64_t j1, const double **values) {
    int victim = 0, found = -1;
    for (int k = 0; k < GT_CELL_AREA_CACHE; k++) {
        if (ca->cached_row[k] == i) {
            found = k;
            break;
        }
        if (ca->last_used[k] < ca->last_used[victim]) victim = k;
    }
    if (found < 0) {
        if (!ca->cached_values[victim]) {
            ca->cached_values[victim] = malloc((size_t)ca->nodes_per_row * sizeof(double));
            if (!ca->cached_values[victim]) return gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
        }
        for (int64_t j = 0; j < ca->nodes_per_row; j++)
            ca->cached_values[victim][j] = NAN;
        ca->cached_row[victim] = i;
        found = victim;
    }
    double *dst = ca->cached_values[found];
    for (int64_t j = j0; j <= j1; j++) {
        if (!isnan(dst[j])) continue;
        int status = gt_cell_area_exact(ctx, ca, i * ca->step, j * ca->step, &dst[j]);
        if (status) {
            ca->cached_row[found] = -1;
            return status;
        }
    }
    ca->last_used[found] = ++ca->clock;
    *values = dst;
    return GUOTU_OK;
}

int gt_cell_area_row(guotu_context *ctx, gt_cell_area *ca, int64_t row, int64_t col0, int64_t n, double *out) {
    if (ca->planar) {
        for (int64_t k = 0; k < n; k++)
            out[k] = ca->planar_area;
        return GUOTU_OK;
    }
    int64_t i = row / ca->step;
    double fr = (double)(row - i * ca->step) / (double)ca->step;
    int64_t j_first = col0 / ca->step, j_last = (col0 + n - 1) / ca->step + 1;
    if (j_last >= ca->nodes_per_row) j_last = ca->nodes_per_row - 1;
    const double *top = NULL, *bottom = NULL;
    int status = lattice_row(ctx, ca, i, j_first, j_last, &top);
    if (!status) status = lattice_row(ctx, ca, i + 1, j_first, j_last, &bottom);
    if (status) return status;
    for (int64_t j = j_first; j <= j_last; j++)
        ca->row_values[j] = top[j] + (bottom[j] - top[j]) * fr;
    /* Between two lattice nodes the area is linear in the column: walk each segment with
     * one addition per cell instead of a division and an interpolation. */
    double inv_step = 1.0 / (double)ca->step;
    int64_t k = 0;
    while (k < n) {
        int64_t c = col0 + k;
        int64_t j = c / ca->step;
        int64_t seg_end = (j + 1) * ca->step; /* first column of the next segment */
        int64_t count = seg_end - c < n - k ? seg_end - c : n - k;
        double slope = (ca->row_values[j + 1] - ca->row_values[j]) * inv_step;
        double v = ca->row_values[j] + slope * (double)(c - j * ca->step);
        for (int64_t i = 0; i < count; i++)
            out[k + i] = v + slope * (double)i;
        k += count;
    }
    return GUOTU_OK;
}
