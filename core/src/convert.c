/* convert.c — overlay of two land-use layers into conversion pieces and tables. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "convert_internal.h"
#include "polygon_input.h"

void guotu_convert_options_init(guotu_convert_options *opts) {
    if (!opts) return;
    memset(opts, 0, sizeof *opts);
    opts->area_method = GUOTU_AREA_ELLIPSOIDAL;
    opts->invalid = GUOTU_INVALID_REPAIR;
}

int guotu_convert_create(guotu_context *ctx, const guotu_convert_options *opts, const guotu_category_map *before_map,
                         const guotu_category_map *after_map, const guotu_policy *policy,
                         const guotu_coefficients *before_k, const guotu_coefficients *after_k, guotu_convert **out) {
    if (!ctx) return GUOTU_ERR_ARGUMENT;
    gt_clear_error(ctx);
    if (!opts || !before_map || !after_map || !policy || !out)
        return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "guotu_convert_create: NULL argument");
    *out = NULL;
    guotu_convert *cv = calloc(1, sizeof *cv);
    if (!cv) return gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
    cv->area_method = opts->area_method;
    cv->invalid = opts->invalid;
    cv->before_label = gt_strdup(opts->before_label ? opts->before_label : "before");
    cv->after_label = gt_strdup(opts->after_label ? opts->after_label : "after");
    cv->zones_label = gt_strdup(opts->zones_label ? opts->zones_label : "zones");
    cv->maps[0] = before_map;
    cv->maps[1] = after_map;
    cv->policy = policy;
    cv->k[0] = before_k;
    cv->k[1] = after_k;
    cv->writer = GEOSWKBWriter_create_r(ctx->geos);
    int status = (!cv->before_label || !cv->after_label || !cv->zones_label || !cv->writer)
                     ? gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory")
                     : guotu_area_calc_create(ctx, opts->crs, opts->area_method, &cv->calc);
    if (status) {
        guotu_convert_destroy(ctx, cv);
        return status;
    }
    *out = cv;
    return GUOTU_OK;
}

void guotu_convert_destroy(guotu_context *ctx, guotu_convert *cv) {
    if (!cv) return;
    if (cv->before_tree && !cv->shared) GEOSSTRtree_destroy_r(ctx->geos, cv->before_tree);
    if (cv->zone_tree) GEOSSTRtree_destroy_r(ctx->geos, cv->zone_tree);
    if (cv->line_tree) GEOSSTRtree_destroy_r(ctx->geos, cv->line_tree);
    for (size_t i = 0; i < cv->line_count; i++) {
        if (cv->lines[i].prepared) GEOSPreparedGeom_destroy_r(ctx->geos, cv->lines[i].prepared);
        GEOSGeom_destroy_r(ctx->geos, cv->lines[i].geom);
    }
    free(cv->lines);
    for (size_t i = 0; !cv->shared && i < cv->before_count; i++)
        GEOSGeom_destroy_r(ctx->geos, cv->before[i].geom);
    for (size_t i = 0; i < cv->zone_count; i++) {
        if (cv->zones[i].prepared) GEOSPreparedGeom_destroy_r(ctx->geos, cv->zones[i].prepared);
        GEOSGeom_destroy_r(ctx->geos, cv->zones[i].geom);
        free(cv->zones[i].id);
    }
    if (!cv->shared) free(cv->before);
    free(cv->zones);
    gt_string_table_free(&cv->zone_ids);
    gt_string_table_free(&cv->codes);
    if (cv->writer) GEOSWKBWriter_destroy_r(ctx->geos, cv->writer);
    free(cv->candidates);
    for (int i = 0; i < 4; i++)
        gt_ring_free(&cv->rings[i]);
    gt_clip_work_free(&cv->clip);
    gt_sum_table_free(&cv->categories);
    gt_sum_table_free(&cv->code_rows);
    gt_sum_table_free(&cv->statuses);
    gt_sum_table_free(&cv->unknown);
    gt_sum_table_free(&cv->line_statuses);
    gt_convert_grid_free(ctx, cv);
    guotu_area_calc_destroy(ctx, cv->calc);
    free(cv->before_label);
    free(cv->after_label);
    free(cv->zones_label);
    free(cv);
}

int guotu_convert_add_zone(guotu_context *ctx, guotu_convert *cv, const char *zone_id, int64_t fid,
                           const unsigned char *wkb, size_t wkb_size) {
    if (!ctx) return GUOTU_ERR_ARGUMENT;
    gt_clear_error(ctx);
    if (!cv || !zone_id) return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "guotu_convert_add_zone: NULL argument");
    int status = gt_convert_in_phase(ctx, cv, 0, "guotu_convert_add_zone");
    if (status) return status;
    if (!zone_id[0] || !gt_utf8_valid(zone_id) || gt_string_table_find(&cv->zone_ids, zone_id) >= 0)
        return gt_convert_failed(
            cv, gt_fail(ctx, GUOTU_ERR_DATA,
                        "feature %lld of layer '%s': the zone id '%s' is empty, not UTF-8 or used twice",
                        (long long)fid, cv->zones_label, zone_id));
    GEOSGeometry *g = NULL;
    int repaired = 0;
    status = gt_read_polygon(ctx, cv->invalid, cv->zones_label, fid, wkb, wkb_size, &g, &repaired);
    if (status) return gt_convert_failed(cv, status);
    /* A zone without ground would be missing from every table without a word. */
    if (GEOSisEmpty_r(ctx->geos, g) == 1) {
        GEOSGeom_destroy_r(ctx->geos, g);
        return gt_convert_failed(cv,
                                 gt_fail(ctx, GUOTU_ERR_GEOMETRY,
                                         "zone '%s' (feature %lld of layer '%s') has no geometry (an empty polygon)",
                                         zone_id, (long long)fid, cv->zones_label));
    }
    if (gt_reserve(&cv->zones, &cv->zone_cap, cv->zone_count + 1, sizeof *cv->zones, 64)) {
        GEOSGeom_destroy_r(ctx->geos, g);
        return gt_convert_failed(cv, gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory"));
    }
    zone_poly *z = &cv->zones[cv->zone_count++];
    memset(z, 0, sizeof *z);
    z->geom = g;
    z->fid = fid;
    z->id = gt_strdup(zone_id);
    if (!z->id || gt_string_table_intern(&cv->zone_ids, zone_id) < 0)
        return gt_convert_failed(cv, gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory"));
    cv->stats.repaired_zones += repaired;
    return GUOTU_OK;
}

int guotu_convert_add_line(guotu_context *ctx, guotu_convert *cv, guotu_line line, int64_t fid,
                           const unsigned char *wkb, size_t wkb_size) {
    if (!ctx) return GUOTU_ERR_ARGUMENT;
    gt_clear_error(ctx);
    if (!cv) return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "guotu_convert_add_line: NULL argument");
    if ((int)line < 0 || (int)line >= LINE_COUNT)
        return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "guotu_convert_add_line: %d is not a line (0, 1 or 2)", (int)line);
    int status = gt_convert_in_phase(ctx, cv, 0, "guotu_convert_add_line");
    if (status) return status;
    GEOSGeometry *g = NULL;
    int repaired = 0;
    status = gt_read_polygon(ctx, cv->invalid, guotu_line_name((int)line), fid, wkb, wkb_size, &g, &repaired);
    if (status) return gt_convert_failed(cv, status);
    if (gt_reserve(&cv->lines, &cv->line_cap, cv->line_count + 1, sizeof *cv->lines, 256)) {
        GEOSGeom_destroy_r(ctx->geos, g);
        return gt_convert_failed(cv, gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory"));
    }
    cv->lines[cv->line_count++] = (line_poly){g, NULL, (int)line, fid};
    cv->stats.line_features++;
    cv->stats.repaired_lines += repaired;
    return GUOTU_OK;
}

/* What both layers' features go through: the code interned, the polygon read (repaired
 * or refused by the policy) and measured. On failure the overlay is marked failed. */
static int read_feature(guotu_context *ctx, guotu_convert *cv, int side, const char *code, int64_t fid,
                        const unsigned char *wkb, size_t wkb_size, int32_t *code_index, GEOSGeometry **geom,
                        double *area_m2, int *repaired) {
    const char *label = side ? cv->after_label : cv->before_label;
    *code_index = gt_convert_intern_code(ctx, cv, code, label, fid);
    if (*code_index < 0) return gt_convert_failed(cv, GUOTU_ERR_DATA);
    int status = gt_read_polygon(ctx, cv->invalid, label, fid, wkb, wkb_size, geom, repaired);
    if (!status) status = gt_area_of_geom(ctx, cv->calc, *geom, area_m2);
    if (status && *geom) {
        GEOSGeom_destroy_r(ctx->geos, *geom);
        *geom = NULL;
    }
    return gt_convert_failed(cv, status);
}

int guotu_convert_add_before(guotu_context *ctx, guotu_convert *cv, const char *code, int64_t fid,
                             const unsigned char *wkb, size_t wkb_size) {
    if (!ctx) return GUOTU_ERR_ARGUMENT;
    gt_clear_error(ctx);
    if (!cv) return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "guotu_convert_add_before: NULL argument");
    int status = gt_convert_in_phase(ctx, cv, 0, "guotu_convert_add_before");
    if (status) return status;
    if (cv->shared)
        return gt_fail(ctx, GUOTU_ERR_STATE, "guotu_convert_add_before: the overlay borrows a shared before layer");
    const char *text = code ? code : "";
    int32_t c = -1;
    GEOSGeometry *g = NULL;
    int repaired = 0;
    double area = 0;
    status = read_feature(ctx, cv, 0, text, fid, wkb, wkb_size, &c, &g, &area, &repaired);
    if (status) return status;
    if (gt_reserve(&cv->before, &cv->before_cap, cv->before_count + 1, sizeof *cv->before, 1024)) {
        GEOSGeom_destroy_r(ctx->geos, g);
        return gt_convert_failed(cv, gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory"));
    }
    int cat = gt_category_of(cv->maps[0], text);
    int convex = 0, simple = gt_ring_read(ctx, g, &cv->rings[0], &convex);
    if (simple < 0) {
        GEOSGeom_destroy_r(ctx->geos, g);
        return gt_convert_failed(cv, gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory"));
    }
    cv->before[cv->before_count++] =
        (before_poly){g, c, (int8_t)(cat < 0 ? UNKNOWN_CATEGORY : cat),
                      (int8_t)(simple ? (convex ? SHAPE_CONVEX : SHAPE_SIMPLE) : SHAPE_OTHER), fid};
    cv->stats.before_features++;
    cv->stats.repaired_before += repaired;
    cv->stats.before_area_ha += area / 10000.0;
    return GUOTU_OK;
}

int guotu_convert_prepare(guotu_context *ctx, guotu_convert *cv) {
    if (!ctx) return GUOTU_ERR_ARGUMENT;
    gt_clear_error(ctx);
    if (!cv) return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "guotu_convert_prepare: NULL argument");
    int status = gt_convert_in_phase(ctx, cv, 0, "guotu_convert_prepare");
    if (status) return status;
    if (!cv->before_count)
        return gt_convert_failed(cv, gt_fail(ctx, GUOTU_ERR_DATA, "layer '%s' has no polygons", cv->before_label));
    if (!cv->shared) { /* a shared layer has its index already */
        cv->before_tree = GEOSSTRtree_create_r(ctx->geos, 10);
        if (!cv->before_tree)
            return gt_convert_failed(cv, gt_fail_geos(ctx, GUOTU_ERR_GEOMETRY, "cannot create a spatial index"));
        for (size_t i = 0; i < cv->before_count; i++)
            GEOSSTRtree_insert_r(ctx->geos, cv->before_tree, cv->before[i].geom, (void *)(intptr_t)i);
    }
    if (cv->zone_count) {
        cv->zone_tree = GEOSSTRtree_create_r(ctx->geos, 10);
        if (!cv->zone_tree)
            return gt_convert_failed(cv, gt_fail_geos(ctx, GUOTU_ERR_GEOMETRY, "cannot create a spatial index"));
        for (size_t i = 0; i < cv->zone_count; i++) {
            cv->zones[i].prepared = GEOSPrepare_r(ctx->geos, cv->zones[i].geom);
            if (!cv->zones[i].prepared)
                return gt_convert_failed(
                    cv, gt_fail_geos(ctx, GUOTU_ERR_GEOMETRY, "cannot prepare zone '%s'", cv->zones[i].id));
            GEOSSTRtree_insert_r(ctx->geos, cv->zone_tree, cv->zones[i].geom, (void *)(intptr_t)i);
        }
    }
    if (cv->line_count) {
        /* Red line first, then farmland, then the urban boundary; input order within a
         * line (a stable counting sort, so equal inputs give equal outputs). */
        line_poly *sorted = malloc(cv->line_count * sizeof *sorted);
        if (!sorted) return gt_convert_failed(cv, gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory"));
        size_t k = 0;
        for (int line = 0; line < LINE_COUNT; line++)
            for (size_t i = 0; i < cv->line_count; i++)
                if (cv->lines[i].line == line) sorted[k++] = cv->lines[i];
        free(cv->lines);
        cv->lines = sorted;
        cv->line_cap = cv->line_count;
        cv->line_tree = GEOSSTRtree_create_r(ctx->geos, 10);
        if (!cv->line_tree)
            return gt_convert_failed(cv, gt_fail_geos(ctx, GUOTU_ERR_GEOMETRY, "cannot create a spatial index"));
        for (size_t i = 0; i < cv->line_count; i++) {
            cv->lines[i].prepared = GEOSPrepare_r(ctx->geos, cv->lines[i].geom);
            if (!cv->lines[i].prepared)
                return gt_convert_failed(cv,
                                         gt_fail_geos(ctx, GUOTU_ERR_GEOMETRY, "cannot prepare feature %lld of '%s'",
                                                      (long long)cv->lines[i].fid, guotu_line_name(cv->lines[i].line)));
            GEOSSTRtree_insert_r(ctx->geos, cv->line_tree, cv->lines[i].geom, (void *)(intptr_t)i);
        }
    }
    cv->phase = 1;
    return GUOTU_OK;
}

int guotu_convert_set_expected(guotu_context *ctx, guotu_convert *cv, int64_t n_features) {
    if (!ctx) return GUOTU_ERR_ARGUMENT;
    gt_clear_error(ctx);
    if (!cv || n_features < 0) return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "guotu_convert_set_expected: bad argument");
    cv->expected = n_features;
    return GUOTU_OK;
}

void guotu_convert_set_piece_callback(guotu_convert *cv, guotu_piece_fn fn, void *user_data) {
    if (!cv) return;
    cv->on_piece = fn;
    cv->piece_user = user_data;
}

static void collect(void *item, void *user_data) {
    guotu_convert *cv = user_data;
    if (gt_reserve(&cv->candidates, &cv->candidate_cap, cv->candidate_count + 1, sizeof *cv->candidates, 32)) {
        cv->candidate_oom = 1;
        return;
    }
    cv->candidates[cv->candidate_count++] = (int32_t)(intptr_t)item;
}

static int query(guotu_context *ctx, guotu_convert *cv, GEOSSTRtree *tree, const GEOSGeometry *g) {
    cv->candidate_count = 0;
    cv->candidate_oom = 0;
    GEOSSTRtree_query_r(ctx->geos, tree, g, collect, cv);
    return cv->candidate_oom ? gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory") : GUOTU_OK;
}

/* Measures, sums and hands over one piece (owned by the caller) in zone key zk and line key;
 * known_m2 >= 0 is its area when that is known already (an after parcel taken whole). */
static int emit(guotu_context *ctx, guotu_convert *cv, const GEOSGeometry *piece, int zk, int line,
                const piece_source *src, double known_m2) {
    double m2 = known_m2;
    int status = known_m2 >= 0 ? GUOTU_OK : gt_area_of_geom(ctx, cv->calc, piece, &m2);
    if (status || !(m2 > 0)) return status;
    double ha = m2 / 10000.0, dm = 0;
    guotu_policy_rule rule;
    status = gt_convert_sum(ctx, cv, zk, line, src, ha, &rule, NULL, &dm);
    if (status) return status;
    cv->stats.pieces++;
    if (!cv->on_piece) return GUOTU_OK;
    const char *from_code = cv->codes.strings[src->b->code], *to_code = cv->codes.strings[src->to_code];
    size_t size = 0;
    unsigned char *wkb = GEOSWKBWriter_write_r(ctx->geos, cv->writer, piece, &size);
    if (!wkb) return gt_fail_geos(ctx, GUOTU_ERR_GEOMETRY, "cannot write a piece as WKB");
    guotu_conversion_piece p = {zk >= ZONE_FIRST ? cv->zones[zk - ZONE_FIRST].id : "",
                                from_code,
                                to_code,
                                gt_category_name(src->b->category),
                                gt_category_name(src->to_category),
                                rule.status,
                                rule.paths_zh,
                                rule.paths_en,
                                src->b->fid,
                                src->after_fid,
                                ha,
                                dm,
                                wkb,
                                size,
                                line < LINE_COUNT ? guotu_line_name(line) : ""};
    int stop = cv->on_piece(&p, cv->piece_user);
    GEOSFree_r(ctx->geos, wkb);
    return stop ? gt_fail(ctx, GUOTU_ERR_CANCELLED, "stopped by the piece callback") : GUOTU_OK;
}

static int cmp_index(const void *a, const void *b) {
    int32_t x = *(const int32_t *)a, y = *(const int32_t *)b;
    return x < y ? -1 : (x > y);
}

/* Splits a before ∩ after piece: level 0 by the zones (what no zone covers keeps zone
 * key "none"), then each part at level 1 by the three lines in priority order (what no
 * line covers is "outside"), then emits it. Each step cuts off the part inside one
 * polygon and goes on with the difference, so the parts add up to the piece. */
static int split(guotu_context *ctx, guotu_convert *cv, const GEOSGeometry *piece, int level, int zk,
                 const piece_source *src, double known_m2) {
    size_t count = level == 0 ? cv->zone_count : cv->line_count;
    if (!count)
        return level == 0 ? split(ctx, cv, piece, 1, ZONE_NONE, src, known_m2)
                          : emit(ctx, cv, piece, zk, LINE_NONE, src, known_m2);
    int status = query(ctx, cv, level == 0 ? cv->zone_tree : cv->line_tree, piece);
    if (status) return status;
    size_t n = cv->candidate_count;
    if (!n)
        return level == 0 ? split(ctx, cv, piece, 1, ZONE_NONE, src, known_m2)
                          : emit(ctx, cv, piece, zk, LINE_NONE, src, known_m2);
    int32_t local[64];
    int32_t *found = n <= 64 ? local : malloc(n * sizeof *found);
    if (!found) return gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
    memcpy(found, cv->candidates, n * sizeof *found);
    if (level == 1) qsort(found, n, sizeof *found, cmp_index); /* line priority */
    GEOSGeometry *rest = GEOSGeom_clone_r(ctx->geos, piece);
    if (!rest) status = gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
    double rest_m2 = known_m2; /* the area of `rest` while it is the whole piece */
    for (size_t i = 0; !status && rest && i < n; i++) {
        const GEOSPreparedGeometry *prepared = level == 0 ? cv->zones[found[i]].prepared : cv->lines[found[i]].prepared;
        const GEOSGeometry *cutter = level == 0 ? cv->zones[found[i]].geom : cv->lines[found[i]].geom;
        int inside = GEOSPreparedContainsProperly_r(ctx->geos, prepared, rest) == 1;
        /* 2 (a GEOS exception) goes on to the overlay, which fails with a message if it must. */
        if (!inside && GEOSPreparedIntersects_r(ctx->geos, prepared, rest) == 0) continue;
        const char *kind = level == 0 ? "zone" : "line feature";
        const char *name = level == 0 ? cv->zones[found[i]].id : guotu_line_name(cv->lines[found[i]].line);
        GEOSGeometry *part = rest;
        if (!inside)
            status = gt_overlay_polygonal(ctx, rest, cutter, 0, &part, "the piece of feature %lld of '%s' with %s '%s'",
                                          (long long)src->b->fid, cv->before_label, kind, name);
        double part_m2 = part == rest ? rest_m2 : -1;
        if (!status && part)
            status = level == 0 ? split(ctx, cv, part, 1, ZONE_FIRST + found[i], src, part_m2)
                                : emit(ctx, cv, part, zk, cv->lines[found[i]].line, src, part_m2);
        if (part && part != rest) GEOSGeom_destroy_r(ctx->geos, part);
        GEOSGeometry *left = NULL;
        if (!status && !inside)
            status = gt_overlay_polygonal(ctx, rest, cutter, 1, &left, "the piece of feature %lld of '%s' from %s '%s'",
                                          (long long)src->b->fid, cv->before_label, kind, name);
        GEOSGeom_destroy_r(ctx->geos, rest);
        rest = left;
        rest_m2 = -1;
    }
    if (!status && rest)
        status = level == 0 ? split(ctx, cv, rest, 1, ZONE_NONE, src, rest_m2)
                            : emit(ctx, cv, rest, zk, LINE_NONE, src, rest_m2);
    if (rest) GEOSGeom_destroy_r(ctx->geos, rest);
    if (found != local) free(found);
    return status;
}

/* For a pair where a parcel has holes (an island parcel inside it), which the direct clips do
 * not take: 1 when it is the same geometry in both years (the piece is the after parcel), -1
 * when their shells share no area (then the parcels share none either: holes lie inside the
 * shell) — the coverage neighbours of such a parcel —, 0 for GEOS's overlay. */
static int holed_pair(guotu_context *ctx, guotu_convert *cv, const GEOSGeometry *before, const GEOSGeometry *after) {
    if (GEOSEqualsExact_r(ctx->geos, before, after, 0.0) == 1) return 1;
    if (gt_ring_read_shell(ctx, before, &cv->rings[2]) != 1 || gt_ring_read_shell(ctx, after, &cv->rings[3]) != 1)
        return 0;
    return gt_ring_clip_simple(&cv->rings[2], &cv->rings[3], &cv->clip) == 0 ? -1 : 0;
}

static int report(guotu_context *ctx, guotu_convert *cv) {
    int64_t n = cv->stats.after_features;
    if (cv->expected > 0) {
        int64_t step = cv->expected / 200 > 0 ? cv->expected / 200 : 1;
        if (n % step) return 0;
        return gt_report_progress(ctx, (double)n / (double)cv->expected, "overlaying land use");
    }
    return n % 5000 ? 0 : gt_report_progress(ctx, 0, "overlaying land use");
}

int guotu_convert_add_after(guotu_context *ctx, guotu_convert *cv, const char *code, int64_t fid,
                            const unsigned char *wkb, size_t wkb_size) {
    if (!ctx) return GUOTU_ERR_ARGUMENT;
    gt_clear_error(ctx);
    if (!cv) return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "guotu_convert_add_after: NULL argument");
    int status = gt_convert_in_phase(ctx, cv, 1, "guotu_convert_add_after");
    if (status) return status;
    if (cv->grid)
        return gt_fail(ctx, GUOTU_ERR_STATE,
                       "guotu_convert_add_after: this overlay takes raster cells "
                       "(guotu_convert_add_cells), not polygons");
    const char *text = code ? code : "";
    int32_t c = -1;
    GEOSGeometry *a = NULL;
    int repaired = 0;
    double area = 0;
    status = read_feature(ctx, cv, 1, text, fid, wkb, wkb_size, &c, &a, &area, &repaired);
    if (status) return status;
    int cat = gt_category_of(cv->maps[1], text);
    piece_source src = {NULL, c, cat < 0 ? UNKNOWN_CATEGORY : cat, fid};
    status = query(ctx, cv, cv->before_tree, a);
    size_t n = cv->candidate_count;
    int32_t *befores = !status && n ? malloc(n * sizeof *befores) : NULL;
    if (n && !befores && !status) status = gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
    if (befores) memcpy(befores, cv->candidates, n * sizeof *befores);
    int after_convex = 0, after_simple = status ? 0 : gt_ring_read(ctx, a, &cv->rings[1], &after_convex);
    if (after_simple < 0) status = gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
    for (size_t i = 0; !status && i < n; i++) {
        /* No Intersects test first: the index already matched envelopes, and the overlay
         * itself returns at once for disjoint inputs, so the test only doubles the work. */
        src.b = &cv->before[befores[i]];
        GEOSGeometry *piece = NULL;
        double piece_m2 = -1; /* the piece's area when known without measuring it */
        int clipped = 0;      /* 1 piece made here, -1 nothing in common, 0 for GEOS */
        if (after_simple == 1 && src.b->shape != SHAPE_OTHER) {
            /* its convexity was found when it was added */
            int read = gt_ring_read(ctx, src.b->geom, &cv->rings[0], NULL), got = -1;
            if (read < 0) {
                got = -2;
            } else if (read == 1 && src.b->shape == SHAPE_CONVEX && after_convex) {
                got = gt_ring_clip_convex(&cv->rings[0], &cv->rings[1], &cv->rings[2], &cv->rings[3]);
                if (got == 1) piece = gt_ring_polygon(ctx, &cv->rings[2], &cv->rings[3]);
            } else if (read == 1 && gt_ring_same(&cv->rings[0], &cv->rings[1])) {
                /* Unchanged by the survey (most parcels of an annual change): the piece is the
                 * after parcel itself, with the area measured when it was read. */
                piece = GEOSGeom_clone_r(ctx->geos, a);
                piece_m2 = area;
                got = 1;
            } else if (read == 1) {
                got = gt_ring_clip_simple(&cv->rings[0], &cv->rings[1], &cv->clip);
                if (got > 0) piece = gt_clip_work_geometry(ctx, &cv->clip, &cv->rings[3]);
            }
            if (got > 0) {
                if (!piece) status = GUOTU_ERR_GEOMETRY;
                clipped = 1;
            } else if (got == 0) {
                clipped = -1;
            } else if (got == -2) {
                status = gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
            }
        }
        if (!clipped && !status && (after_simple != 1 || src.b->shape == SHAPE_OTHER)) {
            clipped = holed_pair(ctx, cv, src.b->geom, a);
            if (clipped == 1) {
                piece = GEOSGeom_clone_r(ctx->geos, a);
                piece_m2 = area;
                if (!piece) status = gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
            }
        }
        if (!clipped && !status)
            status =
                gt_overlay_polygonal(ctx, src.b->geom, a, 0, &piece, "feature %lld of '%s' with feature %lld of '%s'",
                                     (long long)src.b->fid, cv->before_label, (long long)fid, cv->after_label);
        if (!piece) continue;
        status = split(ctx, cv, piece, 0, ZONE_NONE, &src, piece_m2);
        GEOSGeom_destroy_r(ctx->geos, piece);
    }
    free(befores);
    GEOSGeom_destroy_r(ctx->geos, a);
    if (status) return gt_convert_failed(cv, status);
    cv->stats.after_features++;
    cv->stats.repaired_after += repaired;
    cv->stats.after_area_ha += area / 10000.0;
    if (report(ctx, cv)) return gt_convert_failed(cv, GUOTU_ERR_CANCELLED);
    return GUOTU_OK;
}

/* ---- merging the work of several threads ---- */

static int32_t code_in(guotu_context *ctx, guotu_convert *into, const guotu_convert *from, int32_t code) {
    int32_t c = gt_string_table_intern(&into->codes, from->codes.strings[code]);
    if (c < 0) gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
    return c;
}

int guotu_convert_merge(guotu_context *ctx, guotu_convert *into, const guotu_convert *from) {
    if (!ctx) return GUOTU_ERR_ARGUMENT;
    gt_clear_error(ctx);
    if (!into || !from) return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "guotu_convert_merge: NULL argument");
    if (into->phase != 1 || from->phase != 1)
        return gt_fail(ctx, GUOTU_ERR_STATE, "guotu_convert_merge needs two prepared, unfinished overlays");
    if (into->zone_count != from->zone_count)
        return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "cannot merge overlays with %zu and %zu zones", into->zone_count,
                       from->zone_count);
    for (size_t z = 0; z < into->zone_count; z++)
        if (strcmp(into->zones[z].id, from->zones[z].id) != 0)
            return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "cannot merge overlays whose zones differ ('%s' / '%s')",
                           into->zones[z].id, from->zones[z].id);
    if (into->shared != from->shared)
        return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "cannot merge overlays with different before layers");
    if (into->line_count != from->line_count)
        return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "cannot merge overlays with %zu and %zu three-lines features",
                       into->line_count, from->line_count);
    int err = 0;
    const sum_table *t = &from->categories;
    for (size_t r = 0; !err && r < t->index.count; r++) {
        const int32_t *k = t->keys[r];
        err = gt_sum_add_fixed(&into->categories, ((uint64_t)k[0] << 16) | ((uint64_t)k[1] << 8) | (uint64_t)k[2], k[0],
                               k[1], k[2], t->sums[r][0], t->sums[r][1]);
    }
    t = &from->code_rows;
    for (size_t r = 0; !err && r < t->index.count; r++) {
        const int32_t *k = t->keys[r];
        int32_t a = code_in(ctx, into, from, k[1]), b = code_in(ctx, into, from, k[2]);
        if (a < 0 || b < 0) return gt_convert_failed(into, GUOTU_ERR_NOMEM);
        err = gt_sum_add_fixed(&into->code_rows, ((uint64_t)k[0] << 40) | ((uint64_t)a << 20) | (uint64_t)b, k[0], a, b,
                               t->sums[r][0], t->sums[r][1]);
    }
    t = &from->statuses;
    for (size_t r = 0; !err && r < t->index.count; r++) {
        const int32_t *k = t->keys[r];
        err =
            gt_sum_add_fixed(&into->statuses, ((uint64_t)k[0] << 8) | (uint64_t)k[1], k[0], k[1], 0, t->sums[r][0], 0);
    }
    t = &from->line_statuses;
    for (size_t r = 0; !err && r < t->index.count; r++) {
        const int32_t *k = t->keys[r];
        err = gt_sum_add_fixed(&into->line_statuses, ((uint64_t)k[0] << 16) | ((uint64_t)k[1] << 8) | (uint64_t)k[2],
                               k[0], k[1], k[2], t->sums[r][0], 0);
    }
    t = &from->unknown;
    for (size_t r = 0; !err && r < t->index.count; r++) {
        const int32_t *k = t->keys[r];
        int32_t c = code_in(ctx, into, from, k[1]);
        if (c < 0) return gt_convert_failed(into, GUOTU_ERR_NOMEM);
        err = gt_sum_add_fixed(&into->unknown, ((uint64_t)c << 1) | (uint64_t)k[2], k[0], c, k[2], t->sums[r][0], 0);
    }
    if (err) return gt_convert_failed(into, gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory"));
    guotu_convert_stats *s = &into->stats;
    const guotu_convert_stats *f = &from->stats;
    s->after_features += f->after_features;
    s->repaired_after += f->repaired_after;
    s->after_area_ha += f->after_area_ha;
    s->pieces += f->pieces;
    into->overlaid_fixed += from->overlaid_fixed;
    s->overlaid_area_ha = gt_from_fixed(into->overlaid_fixed);
    return GUOTU_OK;
}

/* ---- results ---- */

/* qsort passes no user data, so each record carries what ordering needs: no file-scope
 * state, so two contexts can finish on two threads at once. */
typedef struct sort_record {
    int rank;            /* zones in input order, then "no zone", then "all zones" */
    int32_t a, b;        /* category or status indices */
    const char *sa, *sb; /* codes, for the code table */
    size_t row;
} sort_record;

static int cmp_records(const void *pa, const void *pb) {
    const sort_record *x = pa, *y = pb;
    if (x->rank != y->rank) return x->rank < y->rank ? -1 : 1;
    if (x->sa) {
        int c = gt_compare_codes(x->sa, y->sa);
        return c ? c : gt_compare_codes(x->sb, y->sb);
    }
    if (x->a != y->a) return x->a < y->a ? -1 : 1;
    return x->b < y->b ? -1 : (x->b > y->b);
}

static int sort_table(const guotu_convert *cv, sum_table *t, int with_codes) {
    size_t n = t->index.count;
    sort_record *records = malloc((n ? n : 1) * sizeof *records);
    t->order = malloc((n ? n : 1) * sizeof *t->order);
    if (!records || !t->order) {
        free(records);
        return -1;
    }
    for (size_t i = 0; i < n; i++) {
        int zk = t->keys[i][0];
        records[i].rank = zk >= ZONE_FIRST ? zk - ZONE_FIRST : (int)cv->zone_count + (zk == ZONE_NONE ? 0 : 1);
        records[i].a = t->keys[i][1];
        records[i].b = t->keys[i][2];
        records[i].sa = with_codes ? cv->codes.strings[t->keys[i][1]] : NULL;
        records[i].sb = with_codes ? cv->codes.strings[t->keys[i][2]] : NULL;
        records[i].row = i;
    }
    qsort(records, n, sizeof *records, cmp_records);
    for (size_t i = 0; i < n; i++)
        t->order[i] = records[i].row;
    free(records);
    return 0;
}

int guotu_convert_finish(guotu_context *ctx, guotu_convert *cv) {
    if (!ctx) return GUOTU_ERR_ARGUMENT;
    gt_clear_error(ctx);
    if (!cv) return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "guotu_convert_finish: NULL argument");
    int status = gt_convert_in_phase(ctx, cv, 1, "guotu_convert_finish");
    if (status) return status;
    if (sort_table(cv, &cv->categories, 0) || sort_table(cv, &cv->code_rows, 1) || sort_table(cv, &cv->statuses, 0) ||
        sort_table(cv, &cv->unknown, 0) || sort_table(cv, &cv->line_statuses, 0))
        return gt_convert_failed(cv, gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory"));
    cv->phase = 2;
    return GUOTU_OK;
}

static const char *zone_name(const guotu_convert *cv, int zk) {
    if (zk == ZONE_ALL) return "*";
    if (zk == ZONE_NONE) return "";
    return cv->zones[zk - ZONE_FIRST].id;
}

static int row_check(guotu_context *ctx, const guotu_convert *cv, const sum_table *t, size_t i, const void *out) {
    if (!ctx) return GUOTU_ERR_ARGUMENT;
    gt_clear_error(ctx);
    if (!cv || !out) return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "NULL argument");
    if (cv->phase != 2) return gt_fail(ctx, GUOTU_ERR_STATE, "finish the overlay first");
    if (i >= t->index.count) return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "row %zu out of range", i);
    return GUOTU_OK;
}

size_t guotu_convert_category_count(const guotu_convert *cv) {
    return cv && cv->phase == 2 ? cv->categories.index.count : 0;
}

int guotu_convert_category_row(guotu_context *ctx, const guotu_convert *cv, size_t i, guotu_transition *out) {
    int status = row_check(ctx, cv, cv ? &cv->categories : NULL, i, out);
    if (status) return status;
    size_t r = cv->categories.order[i];
    const int32_t *k = cv->categories.keys[r];
    guotu_policy_rule rule = {"unknown", "", ""};
    gt_policy_rule(cv->policy, k[1], k[2], &rule);
    out->zone_id = zone_name(cv, k[0]);
    out->from = k[1] == UNKNOWN_CATEGORY ? "" : gt_category_name(k[1]);
    out->to = k[2] == UNKNOWN_CATEGORY ? "" : gt_category_name(k[2]);
    out->status = rule.status;
    out->area_ha = gt_sum_value(&cv->categories, r, 0);
    out->dm_ha = gt_sum_value(&cv->categories, r, 1);
    return GUOTU_OK;
}

size_t guotu_convert_code_count(const guotu_convert *cv) {
    return cv && cv->phase == 2 ? cv->code_rows.index.count : 0;
}

int guotu_convert_code_row(guotu_context *ctx, const guotu_convert *cv, size_t i, guotu_transition *out) {
    int status = row_check(ctx, cv, cv ? &cv->code_rows : NULL, i, out);
    if (status) return status;
    size_t r = cv->code_rows.order[i];
    const int32_t *k = cv->code_rows.keys[r];
    out->zone_id = zone_name(cv, k[0]);
    out->from = cv->codes.strings[k[1]];
    out->to = cv->codes.strings[k[2]];
    out->status = "";
    out->area_ha = gt_sum_value(&cv->code_rows, r, 0);
    out->dm_ha = gt_sum_value(&cv->code_rows, r, 1);
    return GUOTU_OK;
}

size_t guotu_convert_status_count(const guotu_convert *cv) {
    return cv && cv->phase == 2 ? cv->statuses.index.count : 0;
}

int guotu_convert_status_row(guotu_context *ctx, const guotu_convert *cv, size_t i, guotu_status_area *out) {
    int status = row_check(ctx, cv, cv ? &cv->statuses : NULL, i, out);
    if (status) return status;
    size_t r = cv->statuses.order[i];
    out->zone_id = zone_name(cv, cv->statuses.keys[r][0]);
    out->status = gt_status_names[cv->statuses.keys[r][1]];
    out->area_ha = gt_sum_value(&cv->statuses, r, 0);
    return GUOTU_OK;
}

size_t guotu_convert_line_count(const guotu_convert *cv) {
    return cv && cv->phase == 2 ? cv->line_statuses.index.count : 0;
}

int guotu_convert_line_row(guotu_context *ctx, const guotu_convert *cv, size_t i, guotu_line_status_area *out) {
    int status = row_check(ctx, cv, cv ? &cv->line_statuses : NULL, i, out);
    if (status) return status;
    size_t r = cv->line_statuses.order[i];
    const int32_t *k = cv->line_statuses.keys[r];
    out->zone_id = zone_name(cv, k[0]);
    out->line = k[1] < LINE_COUNT ? guotu_line_name(k[1]) : "";
    out->status = gt_status_names[k[2]];
    out->area_ha = gt_sum_value(&cv->line_statuses, r, 0);
    return GUOTU_OK;
}

size_t guotu_convert_unknown_count(const guotu_convert *cv) {
    return cv && cv->phase == 2 ? cv->unknown.index.count : 0;
}

int guotu_convert_unknown_row(guotu_context *ctx, const guotu_convert *cv, size_t i, guotu_unknown_code *out) {
    int status = row_check(ctx, cv, cv ? &cv->unknown : NULL, i, out);
    if (status) return status;
    size_t r = cv->unknown.order[i];
    out->code = cv->codes.strings[cv->unknown.keys[r][1]];
    out->side = cv->unknown.keys[r][2];
    out->area_ha = gt_sum_value(&cv->unknown, r, 0);
    return GUOTU_OK;
}

int guotu_convert_get_stats(guotu_context *ctx, const guotu_convert *cv, guotu_convert_stats *out) {
    if (!ctx) return GUOTU_ERR_ARGUMENT;
    gt_clear_error(ctx);
    if (!cv || !out) return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "guotu_convert_get_stats: NULL argument");
    *out = cv->stats;
    return GUOTU_OK;
}
