/* tally.c — life cycle of a tally: options, zones, mask, prepare, results. */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "area.h"
#include "code_table.h"
#include "polygon_input.h"
#include "tally_internal.h"

void guotu_tally_options_init(guotu_tally_options *opts) {
    if (!opts) return;
    memset(opts, 0, sizeof *opts);
    opts->area_method = GUOTU_AREA_ELLIPSOIDAL;
    opts->invalid = GUOTU_INVALID_REPAIR;
    opts->raster_mode = GUOTU_RASTER_EXACT;
}

int gt_tally_failed(guotu_tally *t, int status) {
    if (status != GUOTU_OK) t->phase = PHASE_FAILED;
    return status;
}

int guotu_tally_create(guotu_context *ctx, const guotu_tally_options *opts, guotu_tally **out) {
    if (!ctx) return GUOTU_ERR_ARGUMENT;
    gt_clear_error(ctx);
    if (!opts || !out) return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "guotu_tally_create: NULL argument");
    *out = NULL;
    if (opts->invalid != GUOTU_INVALID_REPAIR && opts->invalid != GUOTU_INVALID_FAIL)
        return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "unknown invalid-geometry policy %d", (int)opts->invalid);
    if (opts->raster_mode != GUOTU_RASTER_EXACT && opts->raster_mode != GUOTU_RASTER_CENTRE)
        return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "unknown raster mode %d", (int)opts->raster_mode);
    guotu_tally *t = calloc(1, sizeof *t);
    if (!t) return gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
    t->area_method = opts->area_method;
    t->invalid = opts->invalid;
    t->raster_mode = opts->raster_mode;
    t->zones_label = gt_strdup(opts->zones_label ? opts->zones_label : "zones");
    t->landuse_label = gt_strdup(opts->landuse_label ? opts->landuse_label : "landuse");
    t->mask_label = gt_strdup(opts->mask_label ? opts->mask_label : "mask");
    t->crs = opts->crs ? gt_strdup(opts->crs) : NULL;
    if (!t->zones_label || !t->landuse_label || !t->mask_label || (opts->crs && !t->crs)) {
        guotu_tally_destroy(ctx, t);
        return gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
    }
    int status = guotu_area_calc_create(ctx, opts->crs, opts->area_method, &t->calc);
    if (status) {
        guotu_tally_destroy(ctx, t);
        return status;
    }
    *out = t;
    return GUOTU_OK;
}

void guotu_tally_destroy(guotu_context *ctx, guotu_tally *t) {
    if (!t) return;
    if (t->tree) GEOSSTRtree_destroy_r(ctx->geos, t->tree);
    for (size_t i = 0; i < t->zone_count; i++) {
        gt_zone *z = &t->zones[i];
        if (z->prepared) GEOSPreparedGeom_destroy_r(ctx->geos, z->prepared);
        if (z->effective && z->effective != z->geom) GEOSGeom_destroy_r(ctx->geos, z->effective);
        if (z->geom) GEOSGeom_destroy_r(ctx->geos, z->geom);
        free(z->id);
    }
    free(t->zones);
    for (size_t i = 0; i < t->mask_count; i++)
        GEOSGeom_destroy_r(ctx->geos, t->masks[i]);
    free(t->masks);
    gt_string_table_free(&t->zone_ids);
    gt_string_table_free(&t->classes);
    gt_index_map_free(&t->pairs);
    gt_index_map_free(&t->raster_values);
    free(t->candidates);
    gt_ring_free(&t->rings[0]);
    gt_ring_free(&t->rings[1]);
    gt_clip_work_free(&t->clip);
    free(t->overlaps);
    free(t->pair_zone);
    free(t->pair_class);
    free(t->pair_area);
    free(t->order);
    free(t->value_class);
    free(t->cover);
    free(t->scratch);
    free(t->row_area);
    free(t->class_sums);
    free(t->block_area);
    if (t->cell_area_ready) gt_cell_area_free(&t->cell_area);
    guotu_area_calc_destroy(ctx, t->calc);
    free(t->zones_label);
    free(t->landuse_label);
    free(t->mask_label);
    free(t->crs);
    free(t);
}

static int check_phase(guotu_context *ctx, const guotu_tally *t, tally_phase want, const char *call) {
    if (t->phase == want) return GUOTU_OK;
    if (t->phase == PHASE_FAILED)
        return gt_fail(ctx, GUOTU_ERR_STATE, "%s: an earlier call on this tally failed; destroy it", call);
    return gt_fail(ctx, GUOTU_ERR_STATE, "%s called out of order", call);
}

int guotu_tally_add_zone(guotu_context *ctx, guotu_tally *t, const char *zone_id, int64_t fid, const unsigned char *wkb,
                         size_t wkb_size) {
    if (!ctx) return GUOTU_ERR_ARGUMENT;
    gt_clear_error(ctx);
    if (!t) return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "guotu_tally_add_zone: tally is NULL");
    int status = check_phase(ctx, t, PHASE_ZONES, "guotu_tally_add_zone");
    if (status) return status;
    if (!zone_id || !zone_id[0])
        return gt_tally_failed(t, gt_fail(ctx, GUOTU_ERR_DATA, "feature %lld of layer '%s' has an empty zone id",
                                          (long long)fid, t->zones_label));
    if (!gt_utf8_valid(zone_id))
        return gt_tally_failed(
            t, gt_fail(ctx, GUOTU_ERR_DATA,
                       "the zone id of feature %lld of layer '%s' is not UTF-8 text (a GBK file read without its "
                       "encoding?)",
                       (long long)fid, t->zones_label));
    int32_t existing = gt_string_table_find(&t->zone_ids, zone_id);
    if (existing >= 0)
        return gt_tally_failed(t, gt_fail(ctx, GUOTU_ERR_DATA,
                                          "zone id '%s' appears twice in layer '%s' (features %lld and %lld)", zone_id,
                                          t->zones_label, (long long)t->zones[existing].fid, (long long)fid));
    GEOSGeometry *g = NULL;
    int repaired = 0;
    status = gt_read_polygon(ctx, t->invalid, t->zones_label, fid, wkb, wkb_size, &g, &repaired);
    if (status) return gt_tally_failed(t, status);
    /* A zone without ground would be missing from every table without a word. */
    if (GEOSisEmpty_r(ctx->geos, g) == 1) {
        GEOSGeom_destroy_r(ctx->geos, g);
        return gt_tally_failed(t, gt_fail(ctx, GUOTU_ERR_GEOMETRY,
                                          "zone '%s' (feature %lld of layer '%s') has no geometry (an empty polygon)",
                                          zone_id, (long long)fid, t->zones_label));
    }
    if (gt_reserve(&t->zones, &t->zone_cap, t->zone_count + 1, sizeof *t->zones, 64)) {
        GEOSGeom_destroy_r(ctx->geos, g);
        return gt_tally_failed(t, gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory"));
    }
    gt_zone *z = &t->zones[t->zone_count];
    memset(z, 0, sizeof *z);
    z->id = gt_strdup(zone_id);
    z->fid = fid;
    z->geom = g;
    t->zone_count++; /* counted now so that destroy frees it on any later failure */
    if (!z->id || gt_string_table_intern(&t->zone_ids, zone_id) < 0)
        return gt_tally_failed(t, gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory"));
    t->stats.zones++;
    t->stats.repaired_zones += repaired;
    return GUOTU_OK;
}

int guotu_tally_add_mask(guotu_context *ctx, guotu_tally *t, int64_t fid, const unsigned char *wkb, size_t wkb_size) {
    if (!ctx) return GUOTU_ERR_ARGUMENT;
    gt_clear_error(ctx);
    if (!t) return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "guotu_tally_add_mask: tally is NULL");
    int status = check_phase(ctx, t, PHASE_ZONES, "guotu_tally_add_mask");
    if (status) return status;
    GEOSGeometry *g = NULL;
    int repaired = 0;
    status = gt_read_polygon(ctx, t->invalid, t->mask_label, fid, wkb, wkb_size, &g, &repaired);
    if (status) return gt_tally_failed(t, status);
    if (gt_reserve(&t->masks, &t->mask_cap, t->mask_count + 1, sizeof *t->masks, 64)) {
        GEOSGeom_destroy_r(ctx->geos, g);
        return gt_tally_failed(t, gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory"));
    }
    t->masks[t->mask_count++] = g;
    t->stats.mask_features++;
    t->stats.repaired_mask += repaired;
    return GUOTU_OK;
}

/* Unions the mask polygons (consumed) into one geometry; NULL when there are none. */
static int union_masks(guotu_context *ctx, guotu_tally *t, GEOSGeometry **out) {
    *out = NULL;
    if (!t->mask_count) return GUOTU_OK;
    GEOSGeometry *collection =
        GEOSGeom_createCollection_r(ctx->geos, GEOS_GEOMETRYCOLLECTION, t->masks, (unsigned int)t->mask_count);
    if (!collection) return gt_fail_geos(ctx, GUOTU_ERR_GEOMETRY, "cannot collect the mask polygons");
    t->mask_count = 0; /* now owned by the collection */
    *out = GEOSUnaryUnion_r(ctx->geos, collection);
    GEOSGeom_destroy_r(ctx->geos, collection);
    if (!*out)
        return gt_fail_geos(ctx, GUOTU_ERR_GEOMETRY, "cannot union the mask polygons of layer '%s'", t->mask_label);
    return GUOTU_OK;
}

static int prepare_zone(guotu_context *ctx, guotu_tally *t, gt_zone *z, const GEOSGeometry *mask,
                        const GEOSPreparedGeometry *mask_prepared) {
    z->effective = z->geom;
    if (mask && GEOSPreparedIntersects_r(ctx->geos, mask_prepared, z->geom) == 1) {
        z->effective = GEOSDifference_r(ctx->geos, z->geom, mask);
        if (!z->effective) {
            z->effective = z->geom;
            return gt_fail_geos(ctx, GUOTU_ERR_GEOMETRY, "cannot remove the mask from zone '%s'", z->id);
        }
    }
    if (GEOSGeom_getXMin_r(ctx->geos, z->effective, &z->xmin) != 1 ||
        GEOSGeom_getYMin_r(ctx->geos, z->effective, &z->ymin) != 1 ||
        GEOSGeom_getXMax_r(ctx->geos, z->effective, &z->xmax) != 1 ||
        GEOSGeom_getYMax_r(ctx->geos, z->effective, &z->ymax) != 1) {
        z->xmin = z->ymin = 0; /* empty zone: an inverted box matches nothing */
        z->xmax = z->ymax = -1;
    }
    z->prepared = GEOSPrepare_r(ctx->geos, z->effective);
    if (!z->prepared) return gt_fail_geos(ctx, GUOTU_ERR_GEOMETRY, "cannot prepare zone '%s'", z->id);
    z->ncoords = GEOSGetNumCoordinates_r(ctx->geos, z->effective);
    double area = 0;
    int status = gt_area_of_geom(ctx, t->calc, z->effective, &area);
    if (status) return status;
    t->stats.zones_area_ha += area / 10000.0;
    return GUOTU_OK;
}

typedef struct overlap_query {
    size_t self;
    int32_t *found;
    size_t count, cap;
    int oom;
} overlap_query;

static void collect_later_zone(void *item, void *user) {
    overlap_query *q = user;
    size_t j = (size_t)(intptr_t)item;
    if (j <= q->self || q->oom) return; /* each pair once */
    if (gt_reserve(&q->found, &q->cap, q->count + 1, sizeof *q->found, 16)) {
        q->oom = 1;
        return;
    }
    q->found[q->count++] = (int32_t)j;
}

static int larger_overlap_first(const void *x, const void *y) {
    const struct gt_zone_overlap *a = x, *b = y;
    return a->area_m2 < b->area_m2 ? 1 : a->area_m2 > b->area_m2 ? -1 : 0;
}

/* Zones of one ring each whose boundaries touch only at shared vertices and edges with
 * their interiors apart — villages or towns dissolved from the same parcels — are told
 * apart by the direct clip, without GEOS's relate (a graph of both boundaries). *apart 0
 * leaves the pair to the prepared predicates. */
static int zones_apart(guotu_context *ctx, guotu_tally *t, const gt_zone *z, const gt_zone *o, int *apart) {
    *apart = 0;
    int read = gt_ring_read(ctx, z->effective, &t->rings[0], NULL);
    if (read == 1) read = gt_ring_read(ctx, o->effective, &t->rings[1], NULL);
    if (read < 0) return gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
    if (read == 0) return GUOTU_OK;
    int rings = gt_ring_clip_simple(&t->rings[0], &t->rings[1], &t->clip);
    if (rings == -2) return gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
    *apart = rings == 0;
    return GUOTU_OK;
}

/* Zones whose interiors overlap: neighbours that only touch cost two prepared predicates
 * (or none, see zones_apart); only a real overlap is intersected and measured. */
static int find_zone_overlaps(guotu_context *ctx, guotu_tally *t) {
    overlap_query q = {0};
    int status = GUOTU_OK;
    for (size_t i = 0; !status && i < t->zone_count; i++) {
        gt_zone *z = &t->zones[i];
        if (z->xmax < z->xmin) continue; /* empty */
        GEOSGeometry *box = GEOSGeom_createRectangle_r(ctx->geos, z->xmin, z->ymin, z->xmax, z->ymax);
        if (!box) {
            status = gt_fail_geos(ctx, GUOTU_ERR_GEOMETRY, "cannot index zone '%s'", z->id);
            break;
        }
        q.self = i;
        q.count = 0;
        GEOSSTRtree_query_r(ctx->geos, t->tree, box, collect_later_zone, &q);
        GEOSGeom_destroy_r(ctx->geos, box);
        if (q.oom) status = gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
        for (size_t k = 0; !status && k < q.count; k++) {
            gt_zone *o = &t->zones[q.found[k]];
            int apart = 0;
            status = zones_apart(ctx, t, z, o, &apart);
            if (status || apart) continue;
            if (GEOSPreparedIntersects_r(ctx->geos, z->prepared, o->effective) != 1 ||
                GEOSPreparedTouches_r(ctx->geos, z->prepared, o->effective) == 1)
                continue;
            GEOSGeometry *common = GEOSIntersection_r(ctx->geos, z->effective, o->effective);
            if (!common) {
                status = gt_fail_geos(ctx, GUOTU_ERR_GEOMETRY, "cannot intersect zones '%s' and '%s'", z->id, o->id);
                break;
            }
            double area = 0;
            status = gt_area_of_geom(ctx, t->calc, common, &area);
            GEOSGeom_destroy_r(ctx->geos, common);
            if (status || area < GUOTU_ZONE_OVERLAP_MIN_M2) continue;
            if (gt_reserve(&t->overlaps, &t->overlap_cap, t->overlap_count + 1, sizeof *t->overlaps, 8)) {
                status = gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
                break;
            }
            t->overlaps[t->overlap_count++] = (struct gt_zone_overlap){(int32_t)i, q.found[k], area};
            t->stats.overlapping_zone_pairs++;
            t->stats.zone_overlap_area_ha += area / 10000.0;
        }
    }
    free(q.found);
    if (!status && t->overlap_count > 1)
        qsort(t->overlaps, t->overlap_count, sizeof *t->overlaps, larger_overlap_first);
    return status;
}

int guotu_tally_zone_overlap(guotu_context *ctx, const guotu_tally *t, size_t i, const char **zone_a,
                             const char **zone_b, double *area_ha) {
    if (!ctx) return GUOTU_ERR_ARGUMENT;
    gt_clear_error(ctx);
    if (!t || !zone_a || !zone_b || !area_ha)
        return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "guotu_tally_zone_overlap: NULL argument");
    if (i >= t->overlap_count)
        return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "overlap %zu out of range (%zu overlaps)", i, t->overlap_count);
    *zone_a = t->zones[t->overlaps[i].a].id;
    *zone_b = t->zones[t->overlaps[i].b].id;
    *area_ha = t->overlaps[i].area_m2 / 10000.0;
    return GUOTU_OK;
}

int guotu_tally_prepare(guotu_context *ctx, guotu_tally *t) {
    if (!ctx) return GUOTU_ERR_ARGUMENT;
    gt_clear_error(ctx);
    if (!t) return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "guotu_tally_prepare: tally is NULL");
    int status = check_phase(ctx, t, PHASE_ZONES, "guotu_tally_prepare");
    if (status) return status;
    if (!t->zone_count)
        return gt_tally_failed(t, gt_fail(ctx, GUOTU_ERR_DATA, "layer '%s' has no zones", t->zones_label));
    GEOSGeometry *mask = NULL;
    status = union_masks(ctx, t, &mask);
    if (status) return gt_tally_failed(t, status);
    const GEOSPreparedGeometry *mask_prepared = mask ? GEOSPrepare_r(ctx->geos, mask) : NULL;
    if (mask && !mask_prepared) status = gt_fail_geos(ctx, GUOTU_ERR_GEOMETRY, "cannot prepare the mask");
    t->tree = GEOSSTRtree_create_r(ctx->geos, 10);
    if (!status && !t->tree) status = gt_fail_geos(ctx, GUOTU_ERR_GEOMETRY, "cannot create a spatial index");
    for (size_t i = 0; !status && i < t->zone_count; i++) {
        status = prepare_zone(ctx, t, &t->zones[i], mask, mask_prepared);
        if (!status) GEOSSTRtree_insert_r(ctx->geos, t->tree, t->zones[i].effective, (void *)(intptr_t)i);
        /* Subtracting a large urban mask from big counties takes a while: say so, and
         * let the user stop it. */
        if (!status && gt_report_progress(ctx, (double)(i + 1) / (double)t->zone_count, "preparing zones"))
            status = GUOTU_ERR_CANCELLED;
    }
    if (mask_prepared) GEOSPreparedGeom_destroy_r(ctx->geos, mask_prepared);
    if (mask) GEOSGeom_destroy_r(ctx->geos, mask);
    if (!status) status = find_zone_overlaps(ctx, t);
    if (status) return gt_tally_failed(t, status);
    t->phase = PHASE_VECTOR;
    return GUOTU_OK;
}

int guotu_tally_prepare_by_code(guotu_context *ctx, guotu_tally *t) {
    if (!ctx) return GUOTU_ERR_ARGUMENT;
    gt_clear_error(ctx);
    if (!t) return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "guotu_tally_prepare_by_code: tally is NULL");
    int status = check_phase(ctx, t, PHASE_ZONES, "guotu_tally_prepare_by_code");
    if (status) return status;
    if (t->zone_count)
        return gt_fail(ctx, GUOTU_ERR_STATE,
                       "guotu_tally_prepare_by_code: zone polygons were added; sum either by "
                       "zone polygons or by codes");
    if (t->mask_count)
        return gt_fail(ctx, GUOTU_ERR_ARGUMENT,
                       "a mask needs zone polygons: a tally by zone code takes no mask (tally by zones instead)");
    t->by_code = 1;
    t->phase = PHASE_VECTOR;
    return GUOTU_OK;
}

int guotu_tally_can_prepare_like(const guotu_tally *t, const guotu_tally *prepared) {
    if (!t || !prepared || t == prepared || t->phase != PHASE_ZONES || t->zone_count || t->mask_count) return 0;
    if (prepared->by_code || !prepared->zone_count || prepared->phase < PHASE_VECTOR || prepared->phase > PHASE_DONE)
        return 0;
    if (t->area_method != prepared->area_method || t->invalid != prepared->invalid) return 0;
    if (!t->crs != !prepared->crs || (t->crs && strcmp(t->crs, prepared->crs) != 0)) return 0;
    return 1;
}

/* One zone of `from` into `t`: its id, feature id, box and the mask-free geometry (a copy,
 * which stands for both the given and the effective geometry: only the effective one is used
 * once prepared), prepared and indexed. */
static int copy_prepared_zone(guotu_context *ctx, guotu_tally *t, const gt_zone *from) {
    if (gt_reserve(&t->zones, &t->zone_cap, t->zone_count + 1, sizeof *t->zones, 64))
        return gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
    GEOSGeometry *g = GEOSGeom_clone_r(ctx->geos, from->effective);
    if (!g) return gt_fail_geos(ctx, GUOTU_ERR_GEOMETRY, "cannot copy zone '%s'", from->id);
    gt_zone *z = &t->zones[t->zone_count];
    memset(z, 0, sizeof *z);
    z->geom = z->effective = g;
    z->fid = from->fid;
    z->xmin = from->xmin;
    z->ymin = from->ymin;
    z->xmax = from->xmax;
    z->ymax = from->ymax;
    z->ncoords = from->ncoords;
    z->id = gt_strdup(from->id);
    t->zone_count++; /* counted now so that destroy frees it on any later failure */
    if (!z->id || gt_string_table_intern(&t->zone_ids, from->id) < 0)
        return gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
    z->prepared = GEOSPrepare_r(ctx->geos, z->effective);
    if (!z->prepared) return gt_fail_geos(ctx, GUOTU_ERR_GEOMETRY, "cannot prepare zone '%s'", z->id);
    GEOSSTRtree_insert_r(ctx->geos, t->tree, z->effective, (void *)(intptr_t)(t->zone_count - 1));
    return GUOTU_OK;
}

int guotu_tally_prepare_like(guotu_context *ctx, guotu_tally *t, const guotu_tally *prepared) {
    if (!ctx) return GUOTU_ERR_ARGUMENT;
    gt_clear_error(ctx);
    if (!t || !prepared) return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "guotu_tally_prepare_like: NULL argument");
    int status = check_phase(ctx, t, PHASE_ZONES, "guotu_tally_prepare_like");
    if (status) return status;
    if (!guotu_tally_can_prepare_like(t, prepared))
        return gt_fail(ctx, GUOTU_ERR_ARGUMENT,
                       "guotu_tally_prepare_like: the tallies differ (CRS, area method or invalid-geometry policy), "
                       "the other one is not prepared with zone polygons, or zones were added to this one");
    t->tree = GEOSSTRtree_create_r(ctx->geos, 10);
    if (!t->tree) status = gt_fail_geos(ctx, GUOTU_ERR_GEOMETRY, "cannot create a spatial index");
    for (size_t i = 0; !status && i < prepared->zone_count; i++)
        status = copy_prepared_zone(ctx, t, &prepared->zones[i]);
    if (!status && prepared->overlap_count) {
        t->overlaps = malloc(prepared->overlap_count * sizeof *t->overlaps);
        if (!t->overlaps)
            status = gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
        else {
            memcpy(t->overlaps, prepared->overlaps, prepared->overlap_count * sizeof *t->overlaps);
            t->overlap_count = t->overlap_cap = prepared->overlap_count;
        }
    }
    if (status) return gt_tally_failed(t, status);
    const guotu_tally_stats *f = &prepared->stats;
    guotu_tally_stats *s = &t->stats;
    s->zones = f->zones;
    s->mask_features = f->mask_features;
    s->repaired_zones = f->repaired_zones;
    s->repaired_mask = f->repaired_mask;
    s->zones_area_ha = f->zones_area_ha;
    s->overlapping_zone_pairs = f->overlapping_zone_pairs;
    s->zone_overlap_area_ha = f->zone_overlap_area_ha;
    t->phase = PHASE_VECTOR;
    if (gt_report_progress(ctx, 1.0, "preparing zones")) return gt_tally_failed(t, GUOTU_ERR_CANCELLED);
    return GUOTU_OK;
}

int guotu_tally_set_expected(guotu_context *ctx, guotu_tally *t, int64_t n_features) {
    if (!ctx) return GUOTU_ERR_ARGUMENT;
    gt_clear_error(ctx);
    if (!t || n_features < 0) return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "guotu_tally_set_expected: bad argument");
    t->expected = n_features;
    return GUOTU_OK;
}

int gt_tally_add_area(guotu_context *ctx, guotu_tally *t, int32_t zone, int32_t class_index, double area_m2) {
    /* Converting a non-finite or out-of-range value to fixed point is undefined: refused. */
    if (!gt_fixed_fits(area_m2))
        return gt_fail(ctx, GUOTU_ERR_GEOMETRY,
                       "an area of %g m² in layer '%s' is not a finite area on the Earth (coordinates out of range "
                       "for the CRS?)",
                       area_m2, t->landuse_label);
    return gt_tally_add_fixed(ctx, t, zone, class_index, gt_to_fixed(area_m2));
}

int gt_tally_add_fixed(guotu_context *ctx, guotu_tally *t, int32_t zone, int32_t class_index, gt_fixed area) {
    uint64_t key = ((uint64_t)(uint32_t)zone << 32) | (uint32_t)class_index;
    int inserted = 0;
    int32_t k = gt_index_map_insert(&t->pairs, key, &inserted);
    if (k < 0) return gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
    if (inserted) {
        if ((size_t)k >= t->pair_cap) {
            size_t cap = t->pair_cap ? t->pair_cap * 2 : 256;
            int32_t *pz = realloc(t->pair_zone, cap * sizeof *pz);
            if (pz) t->pair_zone = pz;
            int32_t *pc = realloc(t->pair_class, cap * sizeof *pc);
            if (pc) t->pair_class = pc;
            gt_fixed *pa = realloc(t->pair_area, cap * sizeof *pa);
            if (pa) t->pair_area = pa;
            if (!pz || !pc || !pa) return gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
            t->pair_cap = cap;
        }
        t->pair_zone[k] = zone;
        t->pair_class[k] = class_index;
        t->pair_area[k] = 0;
    }
    t->pair_area[k] += area;
    return GUOTU_OK;
}

int guotu_tally_merge(guotu_context *ctx, guotu_tally *into, const guotu_tally *from) {
    if (!ctx) return GUOTU_ERR_ARGUMENT;
    gt_clear_error(ctx);
    if (!into || !from) return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "guotu_tally_merge: NULL argument");
    int ready = (into->phase == PHASE_VECTOR || into->phase == PHASE_RASTER) &&
                (from->phase == PHASE_VECTOR || from->phase == PHASE_RASTER);
    if (!ready) return gt_fail(ctx, GUOTU_ERR_STATE, "guotu_tally_merge needs two prepared, unfinished tallies");
    if (into->zone_count != from->zone_count)
        return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "cannot merge tallies with %zu and %zu zones", into->zone_count,
                       from->zone_count);
    for (size_t z = 0; z < into->zone_count; z++)
        if (strcmp(into->zones[z].id, from->zones[z].id) != 0)
            return gt_fail(ctx, GUOTU_ERR_ARGUMENT,
                           "cannot merge tallies whose zone %zu is '%s' in one, '%s' in the other", z,
                           into->zones[z].id, from->zones[z].id);
    for (size_t k = 0; k < from->pairs.count; k++) {
        int32_t c = gt_string_table_intern(&into->classes, from->classes.strings[from->pair_class[k]]);
        int status = c < 0 ? gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory")
                           : gt_tally_add_fixed(ctx, into, from->pair_zone[k], c, from->pair_area[k]);
        if (status) return gt_tally_failed(into, status);
    }
    const guotu_tally_stats *f = &from->stats;
    guotu_tally_stats *s = &into->stats;
    s->landuse_features += f->landuse_features;
    s->repaired_landuse += f->repaired_landuse;
    s->empty_class_features += f->empty_class_features;
    s->empty_class_area_ha += f->empty_class_area_ha;
    s->landuse_area_ha += f->landuse_area_ha;
    s->raster_cells += f->raster_cells;
    s->nodata_cells += f->nodata_cells;
    return GUOTU_OK;
}

/* qsort has no user data: sort (zone, class-string) records instead of indices. */
typedef struct sort_row {
    int32_t zone;
    const char *code;
    size_t pair;
} sort_row;

static int compare_rows(const void *pa, const void *pb) {
    const sort_row *a = pa, *b = pb;
    if (a->zone != b->zone) return a->zone < b->zone ? -1 : 1;
    return gt_compare_codes(a->code, b->code);
}

int guotu_tally_finish(guotu_context *ctx, guotu_tally *t) {
    if (!ctx) return GUOTU_ERR_ARGUMENT;
    gt_clear_error(ctx);
    if (!t) return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "guotu_tally_finish: tally is NULL");
    if (t->phase != PHASE_VECTOR && t->phase != PHASE_RASTER)
        return check_phase(ctx, t, PHASE_VECTOR, "guotu_tally_finish");
    size_t n = t->pairs.count;
    sort_row *rows = malloc((n ? n : 1) * sizeof *rows);
    t->order = malloc((n ? n : 1) * sizeof *t->order);
    if (!rows || !t->order) {
        free(rows);
        return gt_tally_failed(t, gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory"));
    }
    size_t kept = 0;
    gt_fixed total = 0;
    for (size_t k = 0; k < n; k++) {
        if (!(t->pair_area[k] > 0)) continue;
        rows[kept].zone = t->pair_zone[k];
        rows[kept].code = t->classes.strings[t->pair_class[k]];
        rows[kept].pair = k;
        total += t->pair_area[k];
        kept++;
    }
    qsort(rows, kept, sizeof *rows, compare_rows);
    for (size_t i = 0; i < kept; i++)
        t->order[i] = rows[i].pair;
    free(rows);
    t->result_count = kept;
    t->stats.tallied_area_ha = gt_from_fixed(total) / 10000.0;
    t->phase = PHASE_DONE;
    return GUOTU_OK;
}

size_t guotu_tally_result_count(const guotu_tally *t) { return t && t->phase == PHASE_DONE ? t->result_count : 0; }

int guotu_tally_result(guotu_context *ctx, const guotu_tally *t, size_t i, const char **zone_id,
                       const char **class_code, double *area_ha) {
    if (!ctx) return GUOTU_ERR_ARGUMENT;
    gt_clear_error(ctx);
    if (!t || !zone_id || !class_code || !area_ha)
        return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "guotu_tally_result: NULL argument");
    if (t->phase != PHASE_DONE) return gt_fail(ctx, GUOTU_ERR_STATE, "guotu_tally_result before guotu_tally_finish");
    if (i >= t->result_count)
        return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "result %zu out of range (%zu results)", i, t->result_count);
    size_t k = t->order[i];
    *zone_id = t->zones[t->pair_zone[k]].id;
    *class_code = t->classes.strings[t->pair_class[k]];
    *area_ha = gt_from_fixed(t->pair_area[k]) / 10000.0;
    return GUOTU_OK;
}

int guotu_tally_get_stats(guotu_context *ctx, const guotu_tally *t, guotu_tally_stats *stats) {
    if (!ctx) return GUOTU_ERR_ARGUMENT;
    gt_clear_error(ctx);
    if (!t || !stats) return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "guotu_tally_get_stats: NULL argument");
    *stats = t->stats;
    return GUOTU_OK;
}
