/* tally_raster.c — categorical raster blocks against the zones.
 *
 * Per block, each zone whose box meets the block gets a coverage window (block ∩ zone
 * box), so memory is bounded by the block size whatever the raster size.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tally_internal.h"

int guotu_tally_set_raster(guotu_context *ctx, guotu_tally *t, const guotu_raster_grid *grid) {
    if (!ctx) return GUOTU_ERR_ARGUMENT;
    gt_clear_error(ctx);
    if (!t || !grid) return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "guotu_tally_set_raster: NULL argument");
    if (t->phase != PHASE_VECTOR || t->stats.landuse_features > 0 || t->by_code)
        return gt_fail(ctx, GUOTU_ERR_STATE, "guotu_tally_set_raster must follow guotu_tally_prepare, once");
    const double *gt = grid->geotransform;
    if (gt[2] != 0 || gt[4] != 0)
        return gt_tally_failed(t, gt_fail(ctx, GUOTU_ERR_ARGUMENT,
                                          "rotated rasters are not supported (geotransform terms 2 and 4 are "
                                          "%g and %g); warp the raster north-up first",
                                          gt[2], gt[4]));
    if (!(gt[1] != 0) || !(gt[5] != 0) || !isfinite(gt[0]) || !isfinite(gt[3]) || grid->width <= 0 || grid->height <= 0)
        return gt_tally_failed(t, gt_fail(ctx, GUOTU_ERR_ARGUMENT, "the raster grid is empty or has zero-size cells"));
    t->grid.x0 = gt[0];
    t->grid.dx = gt[1];
    t->grid.y0 = gt[3];
    t->grid.dy = gt[5];
    t->grid.width = grid->width;
    t->grid.height = grid->height;
    t->has_nodata = grid->has_nodata;
    t->nodata = grid->nodata;
    int status = gt_cell_area_init(ctx, &t->cell_area, &t->grid, t->calc);
    if (status) return gt_tally_failed(t, status);
    t->cell_area_ready = 1;
    t->phase = PHASE_RASTER;
    return GUOTU_OK;
}

/* Zone box in cell indices, clipped to [row0, row1) x [col0, col1); 0 when it misses. */
static int zone_window(const guotu_tally *t, const gt_zone *z, int64_t row0, int64_t row1, int64_t col0, int64_t col1,
                       int64_t w[4]) {
    if (z->xmax < z->xmin) return 0;
    const gt_grid *g = &t->grid;
    double c_a = (z->xmin - g->x0) / g->dx, c_b = (z->xmax - g->x0) / g->dx;
    double r_a = (z->ymin - g->y0) / g->dy, r_b = (z->ymax - g->y0) / g->dy;
    double cmin = floor(fmin(c_a, c_b)), cmax = ceil(fmax(c_a, c_b));
    double rmin = floor(fmin(r_a, r_b)), rmax = ceil(fmax(r_a, r_b));
    /* Clamp in floating point first: a zone far off the grid (a CRS mistake) would
     * otherwise overflow the integer conversion. */
    w[0] = (int64_t)fmin(fmax(rmin, (double)row0), (double)row1);
    w[1] = (int64_t)fmin(fmax(rmax, (double)row0), (double)row1);
    w[2] = (int64_t)fmin(fmax(cmin, (double)col0), (double)col1);
    w[3] = (int64_t)fmin(fmax(cmax, (double)col0), (double)col1);
    return w[0] < w[1] && w[2] < w[3];
}

static int ensure_buffers(guotu_context *ctx, guotu_tally *t, int64_t nrows, int64_t ncols) {
    size_t cells = (size_t)(nrows * ncols), acc = (size_t)(nrows * (ncols + 1));
    if (acc > t->window_cap) {
        float *cover = realloc(t->cover, cells * sizeof *cover);
        if (cover) t->cover = cover;
        double *scratch = realloc(t->scratch, acc * sizeof *scratch);
        if (scratch) t->scratch = scratch;
        if (!cover || !scratch)
            return gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory for a %lld x %lld raster window", (long long)nrows,
                           (long long)ncols);
        t->window_cap = acc;
    }
    if ((size_t)ncols > t->row_cap) {
        double *row = realloc(t->row_area, (size_t)ncols * sizeof *row);
        if (!row) return gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
        t->row_area = row;
        t->row_cap = (size_t)ncols;
    }
    return GUOTU_OK;
}

static int ensure_class_sums(guotu_context *ctx, guotu_tally *t) {
    if (t->classes.count <= t->class_sums_cap) return GUOTU_OK;
    size_t cap = t->classes.count * 2;
    double *grown = realloc(t->class_sums, cap * sizeof *grown);
    if (!grown) return gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
    memset(grown + t->class_sums_cap, 0, (cap - t->class_sums_cap) * sizeof *grown);
    t->class_sums = grown;
    t->class_sums_cap = cap;
    return GUOTU_OK;
}

/* Class index of a raster value; the last lookup is remembered since neighbouring cells
 * mostly share a class. */
typedef struct value_cache {
    int32_t value;
    int32_t class_index;
    int valid;
} value_cache;

static int class_of_value(guotu_context *ctx, guotu_tally *t, value_cache *cache, int32_t value, int32_t *out) {
    if (cache->valid && cache->value == value) {
        *out = cache->class_index;
        return GUOTU_OK;
    }
    int inserted = 0;
    int32_t k = gt_index_map_insert(&t->raster_values, (uint64_t)(uint32_t)value, &inserted);
    if (k < 0) return gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
    if (inserted) {
        if (gt_reserve(&t->value_class, &t->value_class_cap, (size_t)k + 1, sizeof *t->value_class, 64))
            return gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
        char code[16];
        snprintf(code, sizeof code, "%d", (int)value);
        int32_t c = gt_string_table_intern(&t->classes, code);
        if (c < 0) return gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
        t->value_class[k] = c;
        int status = ensure_class_sums(ctx, t); /* a new class needs a sum slot */
        if (status) return status;
    }
    cache->value = value;
    cache->class_index = t->value_class[k];
    cache->valid = 1;
    *out = cache->class_index;
    return GUOTU_OK;
}

static int is_nodata(const guotu_tally *t, int32_t v) { return t->has_nodata && (int64_t)v == t->nodata; }

enum { RASTER_TILE = 256 };
enum { TILE_OUTSIDE, TILE_INSIDE, TILE_CUT };

/* Where the cells of window w lie relative to the zone (less the mask). */
static int tile_relation(guotu_context *ctx, const guotu_tally *t, const gt_zone *z, const int64_t w[4]) {
    const gt_grid *g = &t->grid;
    double xa = g->x0 + (double)w[2] * g->dx, xb = g->x0 + (double)w[3] * g->dx;
    double ya = g->y0 + (double)w[0] * g->dy, yb = g->y0 + (double)w[1] * g->dy;
    GEOSGeometry *box = GEOSGeom_createRectangle_r(ctx->geos, fmin(xa, xb), fmin(ya, yb), fmax(xa, xb), fmax(ya, yb));
    if (!box) return TILE_CUT; /* let the exact pass decide */
    int relation = TILE_CUT;
    if (GEOSPreparedIntersects_r(ctx->geos, z->prepared, box) == 0)
        relation = TILE_OUTSIDE;
    else if (GEOSPreparedContainsProperly_r(ctx->geos, z->prepared, box) == 1)
        relation = TILE_INSIDE;
    GEOSGeom_destroy_r(ctx->geos, box);
    return relation;
}

/* Adds one zone's covered cells of the window w = [r0, r1) x [c0, c1) of the block;
 * `areas` holds the block's cell areas with row stride `ncols_block`. */
static int tally_zone_window(guotu_context *ctx, guotu_tally *t, int32_t zone, const int64_t w[4], int64_t row0,
                             int64_t col0, const int32_t *values, int64_t stride, const double *areas,
                             int64_t ncols_block, int inside) {
    int64_t nr = w[1] - w[0], nc = w[3] - w[2];
    int status = ensure_buffers(ctx, t, nr, nc);
    if (status) return status;
    if (inside) {
        for (int64_t i = 0; i < nr * nc; i++)
            t->cover[i] = 1.0f;
    } else {
        gt_coverage_mode mode = t->raster_mode == GUOTU_RASTER_CENTRE ? GT_COVERAGE_CENTRE : GT_COVERAGE_EXACT;
        status = gt_coverage(ctx, t->zones[zone].effective, &t->grid, mode, w[0], w[2], nr, nc, t->scratch, t->cover);
        if (status) return status;
    }
    value_cache cache = {0, 0, 0};
    for (int64_t r = 0; r < nr; r++) {
        const float *cover = t->cover + r * nc;
        const int32_t *vals = values + (w[0] + r - row0) * stride + (w[2] - col0);
        int any = 0;
        for (int64_t c = 0; c < nc && !any; c++)
            any = cover[c] > 0;
        if (!any) continue;
        const double *row_area = areas + (w[0] + r - row0) * ncols_block + (w[2] - col0);
        /* Neighbouring cells mostly share a class: sum a run in a register and store it
         * when the class changes, rather than updating memory on every cell. */
        int32_t run_value = 0, run_class = -1;
        double run_sum = 0;
        for (int64_t c = 0; c < nc; c++) {
            int32_t v = vals[c];
            if (!(cover[c] > 0) || is_nodata(t, v)) continue;
            if (run_class < 0 || v != run_value) {
                if (run_class >= 0) t->class_sums[run_class] += run_sum;
                status = class_of_value(ctx, t, &cache, v, &run_class);
                if (status) return status;
                run_value = v;
                run_sum = 0;
            }
            run_sum += (double)cover[c] * row_area[c];
        }
        if (run_class >= 0) t->class_sums[run_class] += run_sum;
    }
    for (size_t k = 0; k < t->classes.count && k < t->class_sums_cap; k++) {
        if (t->class_sums[k] == 0) continue;
        status = gt_tally_add_area(ctx, t, zone, (int32_t)k, t->class_sums[k]);
        t->class_sums[k] = 0;
        if (status) return status;
    }
    return GUOTU_OK;
}

/* Computes the block's cell areas into t->block_area (once per block: the zone windows
 * reuse them) and counts cells, nodata and the land-use area of the whole block. */
static int block_totals(guotu_context *ctx, guotu_tally *t, int64_t row0, int64_t col0, int64_t nrows, int64_t ncols,
                        const int32_t *values, int64_t stride) {
    size_t cells = (size_t)(nrows * ncols);
    if (cells > t->block_area_cap) {
        double *grown = realloc(t->block_area, cells * sizeof *grown);
        if (!grown) return gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory for the cell areas of a block");
        t->block_area = grown;
        t->block_area_cap = cells;
    }
    double area = 0;
    for (int64_t r = 0; r < nrows; r++) {
        double *row_area = t->block_area + r * ncols;
        int status = gt_cell_area_row(ctx, &t->cell_area, row0 + r, col0, ncols, row_area);
        if (status) return status;
        const int32_t *vals = values + r * stride;
        for (int64_t c = 0; c < ncols; c++) {
            if (is_nodata(t, vals[c]))
                t->stats.nodata_cells++;
            else
                area += row_area[c];
        }
    }
    t->stats.raster_cells += nrows * ncols;
    t->stats.landuse_area_ha += area / 10000.0;
    return GUOTU_OK;
}

int guotu_tally_add_raster_block(guotu_context *ctx, guotu_tally *t, int64_t row0, int64_t col0, int64_t nrows,
                                 int64_t ncols, const int32_t *values, int64_t row_stride) {
    if (!ctx) return GUOTU_ERR_ARGUMENT;
    gt_clear_error(ctx);
    if (!t || !values) return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "guotu_tally_add_raster_block: NULL argument");
    if (t->phase != PHASE_RASTER)
        return gt_fail(ctx, GUOTU_ERR_STATE, "guotu_tally_add_raster_block before guotu_tally_set_raster");
    if (row0 < 0 || col0 < 0 || nrows <= 0 || ncols <= 0 || row0 + nrows > t->grid.height ||
        col0 + ncols > t->grid.width || row_stride < ncols)
        return gt_tally_failed(t, gt_fail(ctx, GUOTU_ERR_ARGUMENT,
                                          "raster block rows %lld+%lld, columns %lld+%lld (stride %lld) is outside "
                                          "the %lld x %lld grid",
                                          (long long)row0, (long long)nrows, (long long)col0, (long long)ncols,
                                          (long long)row_stride, (long long)t->grid.height, (long long)t->grid.width));
    int status = block_totals(ctx, t, row0, col0, nrows, ncols, values, row_stride);
    /* Zone boxes overlap a lot, so a zone's window is often mostly outside the zone: work
     * tile by tile and let the prepared zone say whether a tile is outside (skipped),
     * wholly inside (every cell covered, no coverage pass) or cut by its boundary. */
    for (int64_t tr = row0; !status && tr < row0 + nrows; tr += RASTER_TILE) {
        int64_t tr1 = tr + RASTER_TILE < row0 + nrows ? tr + RASTER_TILE : row0 + nrows;
        for (int64_t tc = col0; !status && tc < col0 + ncols; tc += RASTER_TILE) {
            int64_t tc1 = tc + RASTER_TILE < col0 + ncols ? tc + RASTER_TILE : col0 + ncols;
            for (size_t z = 0; !status && z < t->zone_count; z++) {
                int64_t w[4];
                if (!zone_window(t, &t->zones[z], tr, tr1, tc, tc1, w)) continue;
                int relation = tile_relation(ctx, t, &t->zones[z], w);
                if (relation == TILE_OUTSIDE) continue;
                status = tally_zone_window(ctx, t, (int32_t)z, w, row0, col0, values, row_stride, t->block_area, ncols,
                                           relation == TILE_INSIDE);
            }
        }
    }
    if (status) return gt_tally_failed(t, status);
    double total = (double)t->grid.width * (double)t->grid.height;
    if (gt_report_progress(ctx, (double)t->stats.raster_cells / total, "raster blocks against zones"))
        return gt_tally_failed(t, GUOTU_ERR_CANCELLED);
    return GUOTU_OK;
}
