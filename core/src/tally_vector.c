/* tally_vector.c — land-use polygons against the zones. */
#include <math.h>
#include <string.h>
#include <stdlib.h>

#include "area.h"
#include "polygon_input.h"
#include "tally_internal.h"

/* Features between progress reports when the total is unknown. */
enum { REPORT_EVERY = 5000 };

static void collect_candidate(void *item, void *user_data) {
    guotu_tally *t = user_data;
    if (gt_reserve(&t->candidates, &t->candidate_cap, t->candidate_count + 1, sizeof *t->candidates, 16)) {
        t->candidate_oom = 1;
        return;
    }
    t->candidates[t->candidate_count++] = (int32_t)(intptr_t)item;
}

/* Zones of more vertices than this are clipped to the parcel's box before the overlay. */
enum { CLIP_ZONES_OVER = 256 };

/* The part of a large zone around the parcel: the zone clipped to the parcel's box grown by
 * 1 % (its edges stay clear of the parcel, so the overlay with the parcel is the same), or
 * NULL to use the whole zone. A village zone dissolved from survey parcels has thousands of
 * vertices, and the overlay would node all of them for every parcel on its border. */
static GEOSGeometry *zone_near(guotu_context *ctx, const gt_zone *z, const GEOSGeometry *lu) {
    double x0, y0, x1, y1;
    if (z->ncoords <= CLIP_ZONES_OVER || GEOSGeom_getXMin_r(ctx->geos, lu, &x0) != 1 ||
        GEOSGeom_getYMin_r(ctx->geos, lu, &y0) != 1 || GEOSGeom_getXMax_r(ctx->geos, lu, &x1) != 1 ||
        GEOSGeom_getYMax_r(ctx->geos, lu, &y1) != 1)
        return NULL;
    double m = 0.01 * ((x1 - x0) > (y1 - y0) ? (x1 - x0) : (y1 - y0)) + 1e-6 * (1 + fabs(x0) + fabs(y0));
    return GEOSClipByRect_r(ctx->geos, z->effective, x0 - m, y0 - m, x1 + m, y1 + m);
}

/* A parcel on a zone's border, both one ring without holes: their common area from the
 * direct clip (polygon_clip.h), which answers at once the usual case of a zone drawn along
 * parcel boundaries — the parcel inside, sharing the zone's boundary vertex for vertex (its
 * own area, as measured when read), or outside, touching it (none) — and traces clean
 * crossings. *answered says whether it did (*area set); 0 leaves the pair to GEOS. Returns
 * a status. */
static int direct_area(guotu_context *ctx, guotu_tally *t, const GEOSGeometry *zone, const GEOSGeometry *lu,
                       double lu_area, double *area, int *answered) {
    *answered = 0;
    int read = gt_ring_read(ctx, lu, &t->rings[0], NULL);
    if (read == 1) read = gt_ring_read(ctx, zone, &t->rings[1], NULL);
    if (read < 0) return gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
    if (read == 0) return GUOTU_OK;
    int rings = gt_ring_clip_simple(&t->rings[0], &t->rings[1], &t->clip);
    if (rings == -2) return gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
    if (rings < 0) return GUOTU_OK;
    *answered = 1;
    *area = 0;
    const gt_clip_work *w = &t->clip;
    const gt_ring *parcel = &t->rings[0];
    if (rings == 1 && w->ring_ends[0] == parcel->n &&
        memcmp(w->rings.xy, parcel->xy, 2 * parcel->n * sizeof *parcel->xy) == 0) {
        *area = lu_area; /* the parcel itself */
        return GUOTU_OK;
    }
    for (size_t i = 0, from = 0; i < w->nrings; from = w->ring_ends[i++]) {
        double ring_area = 0;
        int status =
            gt_area_of_ring_inplace(ctx, t->calc, &t->clip.rings.xy[2 * from], w->ring_ends[i] - from, &ring_area);
        if (status) return status;
        *area += ring_area;
    }
    return GUOTU_OK;
}

/* Area of (zone ∩ land use). The land-use polygon's own area is reused when the zone
 * contains it, which is the common case and costs no overlay. */
static int area_in_zone(guotu_context *ctx, guotu_tally *t, const gt_zone *z, const GEOSGeometry *lu, double lu_area,
                        int64_t fid, double *area) {
    *area = 0;
    if (GEOSPreparedContainsProperly_r(ctx->geos, z->prepared, lu) == 1) {
        *area = lu_area;
        return GUOTU_OK;
    }
    if (GEOSPreparedIntersects_r(ctx->geos, z->prepared, lu) != 1) return GUOTU_OK;
    GEOSGeometry *near = zone_near(ctx, z, lu);
    int answered = 0, status = direct_area(ctx, t, near ? near : z->effective, lu, lu_area, area, &answered);
    if (status || answered) {
        if (near) GEOSGeom_destroy_r(ctx->geos, near);
        return status;
    }
    /* A parcel on the zone's border touches it from inside (a coverage's parcels share the
     * zone's boundary): covered, it is wholly in the zone, and needs no overlay. */
    if (near && GEOSCovers_r(ctx->geos, near, lu) == 1) {
        GEOSGeom_destroy_r(ctx->geos, near);
        *area = lu_area;
        return GUOTU_OK;
    }
    GEOSGeometry *part = near ? GEOSIntersection_r(ctx->geos, near, lu) : NULL;
    if (near) GEOSGeom_destroy_r(ctx->geos, near);
    if (!part) part = GEOSIntersection_r(ctx->geos, z->effective, lu);
    if (!part) {
        /* OverlayNG is robust, but a snap-rounded retry at 1 mm keeps one odd vertex
         * from stopping a run over a million parcels. */
        part = GEOSIntersectionPrec_r(ctx->geos, z->effective, lu, 1e-3);
        if (!part)
            return gt_fail_geos(ctx, GUOTU_ERR_GEOMETRY, "cannot intersect feature %lld of layer '%s' with zone '%s'",
                                (long long)fid, t->landuse_label, z->id);
    }
    status = gt_area_of_geom(ctx, t->calc, part, area);
    GEOSGeom_destroy_r(ctx->geos, part);
    return status;
}

static int report(guotu_context *ctx, guotu_tally *t) {
    int64_t n = t->stats.landuse_features;
    if (t->expected > 0) {
        int64_t step = t->expected / 200 > 0 ? t->expected / 200 : 1;
        if (n % step) return 0;
        return gt_report_progress(ctx, (double)n / (double)t->expected, "land use against zones");
    }
    if (n % REPORT_EVERY) return 0;
    return gt_report_progress(ctx, 0, "land use against zones");
}

int guotu_tally_add_landuse(guotu_context *ctx, guotu_tally *t, const char *class_code, int64_t fid,
                            const unsigned char *wkb, size_t wkb_size) {
    return guotu_tally_add_landuse_deducted(ctx, t, class_code, NULL, 0.0, fid, wkb, wkb_size);
}

/* A 田坎 share from 0 up to (not including) 1; GUOTU_ERR_DATA naming the feature otherwise. */
static int check_share(guotu_context *ctx, const guotu_tally *t, double share, int64_t fid) {
    if (share >= 0 && share < 1) return GUOTU_OK;
    return gt_fail(ctx, GUOTU_ERR_DATA,
                   "feature %lld of layer '%s': the deduction coefficient (KCXS) is %g; a share from 0 up to (not "
                   "including) 1 is needed",
                   (long long)fid, t->landuse_label, share);
}

/* 田坎 deduction: of `area` m² in `zone`, the parcel's own class keeps A·(1 − k), the deducted
 * class gets A·k. */
static int add_split(guotu_context *ctx, guotu_tally *t, int32_t zone, int32_t class_index, int32_t deducted_index,
                     double share, double area) {
    if (!(area > 0)) return GUOTU_OK;
    int status = gt_tally_add_area(ctx, t, zone, class_index, area * (1 - share));
    if (!status && share > 0) status = gt_tally_add_area(ctx, t, zone, deducted_index, area * share);
    return status;
}

/* Counts one land-use feature in the stats; `empty_area` is its area inside the zones. */
static void count_feature(guotu_tally *t, const char *code, int repaired, double area, double empty_area) {
    t->stats.landuse_features++;
    t->stats.repaired_landuse += repaired;
    t->stats.landuse_area_ha += area / 10000.0;
    if (!code[0]) {
        t->stats.empty_class_features++;
        t->stats.empty_class_area_ha += empty_area / 10000.0;
    }
}

/* The zone of a code in a tally by code: found, or added (without a polygon). -1 when out
 * of memory. */
static int32_t zone_of_code(guotu_tally *t, const char *zone_id) {
    int32_t z = gt_string_table_find(&t->zone_ids, zone_id);
    if (z >= 0) return z;
    if (gt_reserve(&t->zones, &t->zone_cap, t->zone_count + 1, sizeof *t->zones, 64)) return -1;
    gt_zone *zone = &t->zones[t->zone_count];
    memset(zone, 0, sizeof *zone);
    zone->fid = -1;
    zone->id = gt_strdup(zone_id);
    if (!zone->id) return -1;
    t->zone_count++; /* counted now so that destroy frees it on any later failure */
    z = gt_string_table_intern(&t->zone_ids, zone_id);
    if (z < 0 || (size_t)z != t->zone_count - 1) return -1;
    t->stats.zones++;
    return z;
}

int guotu_tally_add_landuse_in_zone(guotu_context *ctx, guotu_tally *t, const char *zone_id, const char *class_code,
                                    const char *deducted_code, double deducted_share, int64_t fid,
                                    const unsigned char *wkb, size_t wkb_size) {
    if (!ctx) return GUOTU_ERR_ARGUMENT;
    gt_clear_error(ctx);
    if (!t) return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "guotu_tally_add_landuse_in_zone: tally is NULL");
    if (!t->by_code || t->phase != PHASE_VECTOR)
        return gt_fail(ctx, GUOTU_ERR_STATE,
                       t->phase == PHASE_FAILED ? "an earlier call on this tally failed; destroy it"
                                                : "guotu_tally_add_landuse_in_zone needs a tally prepared with "
                                                  "guotu_tally_prepare_by_code");
    int status = check_share(ctx, t, deducted_share, fid);
    if (status) return status;
    const char *zone_text = zone_id ? zone_id : "";
    const char *code = class_code ? class_code : "";
    if (!zone_text[0] || !gt_utf8_valid(zone_text) || !gt_utf8_valid(code) ||
        (deducted_share > 0 && (!deducted_code || !deducted_code[0] || !gt_utf8_valid(deducted_code))))
        return gt_tally_failed(
            t, gt_fail(ctx, GUOTU_ERR_DATA,
                       "feature %lld of layer '%s': its zone code is empty, or a code is not UTF-8 text (a GBK file "
                       "read without its encoding?)",
                       (long long)fid, t->landuse_label));
    int32_t zone = zone_of_code(t, zone_text);
    int32_t class_index = gt_string_table_intern(&t->classes, code);
    int32_t deducted_index = deducted_share > 0 ? gt_string_table_intern(&t->classes, deducted_code) : -1;
    if (zone < 0 || class_index < 0 || (deducted_share > 0 && deducted_index < 0))
        return gt_tally_failed(t, gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory"));
    GEOSGeometry *lu = NULL;
    int repaired = 0;
    status = gt_read_polygon(ctx, t->invalid, t->landuse_label, fid, wkb, wkb_size, &lu, &repaired);
    if (status) return gt_tally_failed(t, status);
    double area = 0;
    status = gt_area_of_geom(ctx, t->calc, lu, &area);
    GEOSGeom_destroy_r(ctx->geos, lu);
    if (!status) status = add_split(ctx, t, zone, class_index, deducted_index, deducted_share, area);
    if (status) return gt_tally_failed(t, status);
    count_feature(t, code, repaired, area, area);
    if (report(ctx, t)) return gt_tally_failed(t, GUOTU_ERR_CANCELLED);
    return GUOTU_OK;
}

int guotu_tally_add_landuse_deducted(guotu_context *ctx, guotu_tally *t, const char *class_code,
                                     const char *deducted_code, double deducted_share, int64_t fid,
                                     const unsigned char *wkb, size_t wkb_size) {
    if (!ctx) return GUOTU_ERR_ARGUMENT;
    gt_clear_error(ctx);
    if (!t) return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "guotu_tally_add_landuse: tally is NULL");
    if (t->by_code)
        return gt_fail(ctx, GUOTU_ERR_STATE,
                       "this tally sums by zone code: add land use with guotu_tally_add_landuse_in_zone");
    int checked = check_share(ctx, t, deducted_share, fid);
    if (checked) return checked;
    if (deducted_share > 0 && (!deducted_code || !deducted_code[0] || !gt_utf8_valid(deducted_code)))
        return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "guotu_tally_add_landuse_deducted: the deducted class is empty");
    if (t->phase != PHASE_VECTOR)
        return gt_fail(ctx, GUOTU_ERR_STATE,
                       t->phase == PHASE_FAILED ? "an earlier call on this tally failed; destroy it"
                                                : "guotu_tally_add_landuse called out of order (prepare first; "
                                                  "not after a raster)");
    const char *code = class_code ? class_code : "";
    if (!gt_utf8_valid(code))
        return gt_tally_failed(
            t, gt_fail(ctx, GUOTU_ERR_DATA,
                       "the class value of feature %lld of layer '%s' is not UTF-8 text (a GBK file read without its "
                       "encoding?)",
                       (long long)fid, t->landuse_label));
    int32_t class_index = gt_string_table_intern(&t->classes, code);
    int32_t deducted_index = deducted_share > 0 ? gt_string_table_intern(&t->classes, deducted_code) : -1;
    if (class_index < 0 || (deducted_share > 0 && deducted_index < 0))
        return gt_tally_failed(t, gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory"));

    GEOSGeometry *lu = NULL;
    int repaired = 0;
    int status = gt_read_polygon(ctx, t->invalid, t->landuse_label, fid, wkb, wkb_size, &lu, &repaired);
    if (status) return gt_tally_failed(t, status);
    double lu_area = 0;
    status = gt_area_of_geom(ctx, t->calc, lu, &lu_area);

    t->candidate_count = 0;
    t->candidate_oom = 0;
    if (!status) GEOSSTRtree_query_r(ctx->geos, t->tree, lu, collect_candidate, t);
    if (!status && t->candidate_oom) status = gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
    double inside = 0;
    /* Zones that do not overlap (found when prepared) share no area: once the parcel's area is
     * accounted for, the other candidates — neighbours it only touches — hold none of it. The
     * zone whose box holds the parcel's box is tried first, as it most likely holds the parcel. */
    int disjoint = t->overlap_count == 0;
    double x0 = 0, y0 = 0, x1 = -1, y1 = -1;
    if (!status && disjoint && t->candidate_count > 1 && GEOSGeom_getXMin_r(ctx->geos, lu, &x0) == 1 &&
        GEOSGeom_getYMin_r(ctx->geos, lu, &y0) == 1 && GEOSGeom_getXMax_r(ctx->geos, lu, &x1) == 1 &&
        GEOSGeom_getYMax_r(ctx->geos, lu, &y1) == 1) {
        for (size_t i = 0; i < t->candidate_count; i++) {
            const gt_zone *z = &t->zones[t->candidates[i]];
            if (z->xmin <= x0 && z->ymin <= y0 && z->xmax >= x1 && z->ymax >= y1) {
                int32_t first = t->candidates[i];
                t->candidates[i] = t->candidates[0];
                t->candidates[0] = first;
                break;
            }
        }
    }
    for (size_t i = 0; !status && i < t->candidate_count; i++) {
        if (disjoint && lu_area > 0 && lu_area - inside <= 1e-12 * lu_area) break;
        int32_t zone = t->candidates[i];
        double area = 0;
        status = area_in_zone(ctx, t, &t->zones[zone], lu, lu_area, fid, &area);
        if (!status) status = add_split(ctx, t, zone, class_index, deducted_index, deducted_share, area);
        inside += area;
    }
    GEOSGeom_destroy_r(ctx->geos, lu);
    if (status) return gt_tally_failed(t, status);

    count_feature(t, code, repaired, lu_area, inside);
    if (report(ctx, t)) return gt_tally_failed(t, GUOTU_ERR_CANCELLED);
    return GUOTU_OK;
}
