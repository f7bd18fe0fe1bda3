/* coverage.c — exact cell coverage fractions by edge accumulation.
 *
 * Why this method: the covered area of a cell equals the sum, over the polygon's edges,
 * of the signed area between each edge and the cell's right side within the cell's row
 * band (a discrete Green's theorem, as in anti-aliasing rasterisers). Each edge adds its
 * share to the cells it crosses and the rest to the next cell; a prefix sum along the
 * row then gives every cell's coverage. Cost is proportional to the cells the boundary
 * crosses plus the window size, and interior cells come out as exactly 1 with no
 * geometry operation. Work is in window pixel units, so a cell has area 1.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "coverage.h"

typedef struct window {
    double *acc; /* nrows rows of ncols + 1 accumulators */
    int64_t nrows, ncols;
    gt_coverage_mode mode;
} window;

/* A piece of an edge inside one row band, x within [0, ncols], from (xa, ya) to (xb, yb)
 * with signed height `h` (winding weight times the downward height). */
static void add_piece_in_window(double *row, int64_t ncols, double xa, double xb, double h) {
    if (xa > xb) {
        double t = xa;
        xa = xb;
        xb = t;
    }
    int64_t c = (int64_t)floor(xa);
    if (c >= ncols) return; /* on the window's right side: covers nothing inside */
    if (xb - xa < 1e-12) {
        double right = h * ((double)(c + 1) - xa);
        row[c] += right;
        row[c + 1] += h - right;
        return;
    }
    /* Walk the cells from xa to xb; each sub-piece carries height in proportion to its
     * x extent, since the piece is straight. */
    double slope_h = h / (xb - xa);
    double x = xa;
    while (x < xb && c < ncols) {
        double next = fmin((double)(c + 1), xb);
        double hh = slope_h * (next - x);
        double right = hh * ((double)(c + 1) - 0.5 * (x + next));
        row[c] += right;
        row[c + 1] += hh - right;
        x = next;
        c++;
    }
}

/* Splits a row piece at the window's left and right sides: what lies left of the window
 * covers the whole band of every window cell (it is added at column 0); what lies right of
 * it covers none. */
static void add_piece(double *row, int64_t ncols, double xa, double xb, double h) {
    double lo = fmin(xa, xb), hi = fmax(xa, xb);
    double n = (double)ncols;
    if (hi <= 0) {
        row[0] += h;
        return;
    }
    if (lo >= n) return;
    if (lo < 0 || hi > n) {
        /* Height is spread evenly along x, so the parts' heights follow their x extents. */
        double width = hi - lo;
        double left = lo < 0 ? (0 - lo) / width : 0;
        double right = hi > n ? (hi - n) / width : 0;
        row[0] += h * left;
        double inner_lo = fmax(lo, 0), inner_hi = fmin(hi, n);
        add_piece_in_window(row, ncols, inner_lo, inner_hi, h * (1 - left - right));
        return;
    }
    add_piece_in_window(row, ncols, xa, xb, h);
}

static void add_edge_exact(window *w, double u0, double v0, double u1, double v1, double weight) {
    if (v0 == v1) return;
    double vmin = fmin(v0, v1), vmax = fmax(v0, v1);
    if (vmax <= 0 || vmin >= (double)w->nrows) return;
    double sign = v1 > v0 ? weight : -weight;
    double du_dv = (u1 - u0) / (v1 - v0);
    int64_t first = vmin < 0 ? 0 : (int64_t)floor(vmin);
    int64_t last = vmax > (double)w->nrows ? w->nrows - 1 : (int64_t)ceil(vmax) - 1;
    for (int64_t r = first; r <= last; r++) {
        double va = fmax(vmin, (double)r), vb = fmin(vmax, (double)(r + 1));
        if (vb <= va) continue;
        double ua = u0 + (va - v0) * du_dv, ub = u0 + (vb - v0) * du_dv;
        add_piece(w->acc + r * (w->ncols + 1), w->ncols, ua, ub, sign * (vb - va));
    }
}

/* Centre mode: each edge crossing a row's centre line adds its winding to the first
 * cell whose centre lies right of the crossing; the prefix sum is the winding number. */
static void add_edge_centre(window *w, double u0, double v0, double u1, double v1, double weight) {
    if (v0 == v1) return;
    double vmin = fmin(v0, v1), vmax = fmax(v0, v1);
    double sign = v1 > v0 ? weight : -weight;
    /* Rows whose centre r + 0.5 lies in [vmin, vmax): half-open so a vertex on a centre
     * line is counted once. */
    double first_d = ceil(vmin - 0.5), last_d = ceil(vmax - 0.5) - 1;
    if (first_d < 0) first_d = 0;
    if (last_d > (double)(w->nrows - 1)) last_d = (double)(w->nrows - 1);
    for (int64_t r = (int64_t)first_d; r <= (int64_t)last_d; r++) {
        double vc = (double)r + 0.5;
        double uc = u0 + (vc - v0) * (u1 - u0) / (v1 - v0);
        double cell = ceil(uc - 0.5); /* first centre c + 0.5 > uc (ties go inside) */
        if (cell < 0) cell = 0;
        if (cell >= (double)w->ncols) continue;
        w->acc[r * (w->ncols + 1) + (int64_t)cell] += sign;
    }
}

static double signed_area_uv(const double *uv, unsigned int n) {
    double twice = 0;
    for (unsigned int i = 0; i + 1 < n; i++)
        twice += (uv[2 * i] - uv[0]) * (uv[2 * i + 3] - uv[1]) - (uv[2 * i + 2] - uv[0]) * (uv[2 * i + 1] - uv[1]);
    return twice / 2;
}

static int add_ring(guotu_context *ctx, window *w, const GEOSGeometry *ring, const gt_grid *g, double u_off,
                    double v_off, int is_hole, double **buf, size_t *cap) {
    const GEOSCoordSequence *seq = GEOSGeom_getCoordSeq_r(ctx->geos, ring);
    unsigned int n = 0;
    if (!seq || !GEOSCoordSeq_getSize_r(ctx->geos, seq, &n))
        return gt_fail_geos(ctx, GUOTU_ERR_GEOMETRY, "cannot read a ring");
    if (n < 4) return GUOTU_OK;
    if (n > *cap) {
        double *grown = realloc(*buf, 2 * (size_t)n * sizeof(double));
        if (!grown) return gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
        *buf = grown;
        *cap = n;
    }
    double *uv = *buf;
    if (!GEOSCoordSeq_copyToBuffer_r(ctx->geos, seq, uv, 0, 0))
        return gt_fail_geos(ctx, GUOTU_ERR_GEOMETRY, "cannot read ring coordinates");
    for (unsigned int i = 0; i < n; i++) {
        uv[2 * i] = (uv[2 * i] - g->x0) / g->dx - u_off;
        uv[2 * i + 1] = (uv[2 * i + 1] - g->y0) / g->dy - v_off;
    }
    /* Orientation is whatever the file had: weight each ring so that shells add +1 and
     * holes -1 inside themselves. */
    double area = signed_area_uv(uv, n);
    if (area == 0) return GUOTU_OK;
    double weight = (area > 0 ? -1.0 : 1.0) * (is_hole ? -1.0 : 1.0);
    for (unsigned int i = 0; i + 1 < n; i++) {
        if (w->mode == GT_COVERAGE_EXACT)
            add_edge_exact(w, uv[2 * i], uv[2 * i + 1], uv[2 * i + 2], uv[2 * i + 3], weight);
        else
            add_edge_centre(w, uv[2 * i], uv[2 * i + 1], uv[2 * i + 2], uv[2 * i + 3], weight);
    }
    return GUOTU_OK;
}

static int add_polygonal(guotu_context *ctx, window *w, const GEOSGeometry *geom, const gt_grid *g, double u_off,
                         double v_off, double **buf, size_t *cap) {
    int type = GEOSGeomTypeId_r(ctx->geos, geom);
    if (type == GEOS_MULTIPOLYGON || type == GEOS_GEOMETRYCOLLECTION) {
        int parts = GEOSGetNumGeometries_r(ctx->geos, geom);
        for (int i = 0; i < parts; i++) {
            int status = add_polygonal(ctx, w, GEOSGetGeometryN_r(ctx->geos, geom, i), g, u_off, v_off, buf, cap);
            if (status) return status;
        }
        return GUOTU_OK;
    }
    if (type != GEOS_POLYGON || GEOSisEmpty_r(ctx->geos, geom) == 1) return GUOTU_OK;
    int status = add_ring(ctx, w, GEOSGetExteriorRing_r(ctx->geos, geom), g, u_off, v_off, 0, buf, cap);
    int holes = GEOSGetNumInteriorRings_r(ctx->geos, geom);
    for (int i = 0; status == GUOTU_OK && i < holes; i++)
        status = add_ring(ctx, w, GEOSGetInteriorRingN_r(ctx->geos, geom, i), g, u_off, v_off, 1, buf, cap);
    return status;
}

int gt_coverage(guotu_context *ctx, const GEOSGeometry *polygonal, const gt_grid *grid, gt_coverage_mode mode,
                int64_t row0, int64_t col0, int64_t nrows, int64_t ncols, double *scratch, float *cover) {
    window w = {scratch, nrows, ncols, mode};
    memset(scratch, 0, (size_t)(nrows * (ncols + 1)) * sizeof(double));
    double *buf = NULL;
    size_t cap = 0;
    /* Pixel coordinates are relative to the window's top-left cell. */
    int status = add_polygonal(ctx, &w, polygonal, grid, (double)col0, (double)row0, &buf, &cap);
    free(buf);
    if (status) return status;
    /* Coverage is the running sum of the accumulators along each row. */
    for (int64_t r = 0; r < nrows; r++) {
        const double *acc = scratch + r * (ncols + 1);
        float *out = cover + r * ncols;
        double sum = 0;
        for (int64_t c = 0; c < ncols; c++) {
            sum += acc[c];
            double v = sum;
            if (mode == GT_COVERAGE_CENTRE) v = v > 0.5 ? 1.0 : 0.0;
            out[c] = (float)(v < 1e-9 ? 0.0 : (v > 1.0 ? 1.0 : v));
        }
    }
    return GUOTU_OK;
}
