/* convert_grid.c — conversion tables from two categorical rasters on one grid.
 *
 * Each block is summed per (before value, after value) pair — neighbouring cells mostly
 * share a pair, so a run is summed in a register — and the block's pair sums then go
 * into the overlay's tables like polygon pieces do. Cell areas come from the raster
 * tally's lattice (cell_area.c). Memory is bounded by the number of distinct pairs.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "convert_internal.h"

typedef struct pair_info {
    int32_t from_code, to_code; /* interned codes */
    int8_t from_category, to_category;
    uint8_t cell; /* GUOTU_CELL_* */
    double sum;   /* m², this block */
} pair_info;

struct gt_convert_grid {
    guotu_convert_grid spec;
    gt_grid grid;
    gt_cell_area cell_area;
    int cell_area_ready;
    gt_index_map pair_index; /* (uint32 before << 32 | uint32 after) -> pairs[] */
    pair_info *pairs;
    size_t pair_cap;
    double *row_area;
    size_t row_cap;
};

void gt_convert_grid_free(guotu_context *ctx, guotu_convert *cv) {
    struct gt_convert_grid *g = cv->grid;
    if (!g) return;
    (void)ctx;
    if (g->cell_area_ready) gt_cell_area_free(&g->cell_area);
    gt_index_map_free(&g->pair_index);
    free(g->pairs);
    free(g->row_area);
    free(g);
    cv->grid = NULL;
}

int guotu_convert_set_grid(guotu_context *ctx, guotu_convert *cv, const guotu_convert_grid *grid) {
    if (!ctx) return GUOTU_ERR_ARGUMENT;
    gt_clear_error(ctx);
    if (!cv || !grid) return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "guotu_convert_set_grid: NULL argument");
    int status = gt_convert_in_phase(ctx, cv, 0, "guotu_convert_set_grid");
    if (status) return status;
    if (cv->before_count || cv->zone_count || cv->line_count)
        return gt_fail(ctx, GUOTU_ERR_STATE,
                       "guotu_convert_set_grid: raster land use takes no polygons, zones or three-lines features");
    const double *t = grid->geotransform;
    if (t[2] != 0 || t[4] != 0)
        return gt_fail(ctx, GUOTU_ERR_ARGUMENT,
                       "rotated rasters are not supported (geotransform terms 2 and 4 are %g and %g); warp the "
                       "raster north-up first",
                       t[2], t[4]);
    if (!(t[1] != 0) || !(t[5] != 0) || !isfinite(t[0]) || !isfinite(t[3]) || grid->width <= 0 || grid->height <= 0)
        return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "the raster grid is empty or has zero-size cells");
    struct gt_convert_grid *g = calloc(1, sizeof *g);
    if (!g) return gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
    g->spec = *grid;
    g->grid = (gt_grid){t[0], t[1], t[3], t[5], grid->width, grid->height};
    cv->grid = g;
    status = gt_cell_area_init(ctx, &g->cell_area, &g->grid, cv->calc);
    if (status) return gt_convert_failed(cv, status);
    g->cell_area_ready = 1;
    cv->phase = 1;
    return GUOTU_OK;
}

/* The pair of two raster values: interned codes, categories and cell status. */
static int pair_of(guotu_context *ctx, guotu_convert *cv, int32_t before, int32_t after, int32_t *out) {
    struct gt_convert_grid *g = cv->grid;
    int inserted = 0;
    int32_t k = gt_index_map_insert(&g->pair_index, ((uint64_t)(uint32_t)before << 32) | (uint32_t)after, &inserted);
    if (k < 0) return gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
    if (inserted) {
        if (gt_reserve(&g->pairs, &g->pair_cap, (size_t)k + 1, sizeof *g->pairs, 256))
            return gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
        char codes[2][16];
        snprintf(codes[0], sizeof codes[0], "%d", (int)before);
        snprintf(codes[1], sizeof codes[1], "%d", (int)after);
        pair_info *p = &g->pairs[k];
        memset(p, 0, sizeof *p);
        p->from_code = gt_convert_intern_code(ctx, cv, codes[0], cv->before_label, -1);
        p->to_code = gt_convert_intern_code(ctx, cv, codes[1], cv->after_label, -1);
        if (p->from_code < 0 || p->to_code < 0) return GUOTU_ERR_NOMEM;
        int from = gt_category_of(cv->maps[0], codes[0]), to = gt_category_of(cv->maps[1], codes[1]);
        p->from_category = (int8_t)(from < 0 ? UNKNOWN_CATEGORY : from);
        p->to_category = (int8_t)(to < 0 ? UNKNOWN_CATEGORY : to);
        guotu_policy_rule rule;
        p->cell = (uint8_t)(1 + gt_convert_status_index(cv, p->from_category, p->to_category, &rule));
    }
    *out = k;
    return GUOTU_OK;
}

/* Hands the block's pair sums to the tables and clears them. */
static int flush_pairs(guotu_context *ctx, guotu_convert *cv) {
    struct gt_convert_grid *g = cv->grid;
    for (size_t k = 0; k < g->pair_index.count; k++) {
        pair_info *p = &g->pairs[k];
        if (p->sum == 0) continue;
        before_poly b = {NULL, p->from_code, p->from_category, 0, -1};
        piece_source src = {&b, p->to_code, p->to_category, -1};
        int status = gt_convert_sum(ctx, cv, ZONE_NONE, LINE_NONE, &src, p->sum / 10000.0, NULL, NULL, NULL);
        if (status) return status;
        p->sum = 0;
    }
    return GUOTU_OK;
}

int guotu_convert_add_cells(guotu_context *ctx, guotu_convert *cv, int64_t row0, int64_t col0, int64_t nrows,
                            int64_t ncols, const int32_t *before, const int32_t *after, int64_t row_stride,
                            uint8_t *status_out) {
    if (!ctx) return GUOTU_ERR_ARGUMENT;
    gt_clear_error(ctx);
    if (!cv || !before || !after) return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "guotu_convert_add_cells: NULL argument");
    int status = gt_convert_in_phase(ctx, cv, 1, "guotu_convert_add_cells");
    if (status) return status;
    struct gt_convert_grid *g = cv->grid;
    if (!g) return gt_fail(ctx, GUOTU_ERR_STATE, "guotu_convert_add_cells needs guotu_convert_set_grid first");
    if (row0 < 0 || col0 < 0 || nrows < 0 || ncols < 0 || row0 + nrows > g->grid.height ||
        col0 + ncols > g->grid.width || row_stride < ncols)
        return gt_fail(ctx, GUOTU_ERR_ARGUMENT,
                       "block rows %lld+%lld, columns %lld+%lld (stride %lld) is outside the "
                       "%lld x %lld grid",
                       (long long)row0, (long long)nrows, (long long)col0, (long long)ncols, (long long)row_stride,
                       (long long)g->grid.height, (long long)g->grid.width);
    if ((size_t)ncols > g->row_cap) {
        double *grown = realloc(g->row_area, (size_t)ncols * sizeof *grown);
        if (!grown) return gt_convert_failed(cv, gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory"));
        g->row_area = grown;
        g->row_cap = (size_t)ncols;
    }
    const guotu_convert_grid *s = &g->spec;
    double before_m2 = 0, after_m2 = 0;
    int64_t counted = 0, skipped = 0;
    for (int64_t r = 0; r < nrows && !status; r++) {
        status = gt_cell_area_row(ctx, &g->cell_area, row0 + r, col0, ncols, g->row_area);
        if (status) break;
        const int32_t *b = before + r * row_stride, *a = after + r * row_stride;
        uint8_t *out = status_out ? status_out + r * row_stride : NULL;
        int32_t run_b = 0, run_a = 0, run_pair = -1;
        double run_sum = 0;
        for (int64_t c = 0; c < ncols; c++) {
            int b_valid = !(s->has_nodata[0] && (int64_t)b[c] == s->nodata[0]);
            int a_valid = !(s->has_nodata[1] && (int64_t)a[c] == s->nodata[1]);
            double area = g->row_area[c];
            if (b_valid) before_m2 += area;
            if (a_valid) after_m2 += area;
            if (!b_valid || !a_valid) {
                skipped++;
                if (out) out[c] = GUOTU_CELL_NODATA;
                continue;
            }
            if (run_pair < 0 || b[c] != run_b || a[c] != run_a) {
                if (run_pair >= 0) g->pairs[run_pair].sum += run_sum;
                status = pair_of(ctx, cv, b[c], a[c], &run_pair);
                if (status) break;
                run_b = b[c];
                run_a = a[c];
                run_sum = 0;
            }
            run_sum += area;
            counted++;
            if (out) out[c] = g->pairs[run_pair].cell;
        }
        if (!status && run_pair >= 0) g->pairs[run_pair].sum += run_sum;
    }
    if (!status) status = flush_pairs(ctx, cv);
    if (status) return gt_convert_failed(cv, status);
    cv->stats.cells += counted;
    cv->stats.nodata_cells += skipped;
    cv->stats.before_area_ha += before_m2 / 10000.0;
    cv->stats.after_area_ha += after_m2 / 10000.0;
    double done = (double)(row0 + nrows) / (double)g->grid.height;
    if (gt_report_progress(ctx, done, "land use cell by cell")) return gt_convert_failed(cv, GUOTU_ERR_CANCELLED);
    return GUOTU_OK;
}
