/* convert_before.c — one "before" layer for the overlays of several threads: its features
 * read, repaired or refused, measured and classified once (the threads each filling a part),
 * joined in the layer's order and indexed once, then borrowed read-only by every overlay
 * (guotu_convert_use_before). Before, each thread's overlay did all of that for the whole
 * layer: two threads cost 1.2 times the CPU of one on a 三调-shaped county. */
#include <stdlib.h>
#include <string.h>

#include "convert_internal.h"
#include "polygon_input.h"

/* One feature as a part holds it until the seal: its place in the layer, its polygon and
 * measured area; the code indexes the part's own code table. */
typedef struct before_item {
    int64_t position;
    before_poly poly;
    double area_m2;
    int repaired;
} before_item;

struct guotu_convert_before_part {
    guotu_convert_before *layer;
    guotu_context *ctx; /* the one the part was made with: its area calculator belongs to it */
    guotu_area_calc *calc;
    gt_string_table codes;
    before_item *items;
    size_t count, cap;
    gt_ring ring;
    int failed;
};

static void part_free(guotu_convert_before_part *part) {
    if (!part) return;
    for (size_t i = 0; i < part->count; i++)
        GEOSGeom_destroy_r(part->ctx->geos, part->items[i].poly.geom);
    free(part->items);
    gt_string_table_free(&part->codes);
    gt_ring_free(&part->ring);
    guotu_area_calc_destroy(part->ctx, part->calc);
    free(part);
}

static void free_parts(guotu_convert_before *layer) {
    for (size_t i = 0; i < layer->part_count; i++)
        part_free(layer->parts[i]);
    free(layer->parts);
    layer->parts = NULL;
    layer->part_count = layer->part_cap = 0;
}

int guotu_convert_before_create(guotu_context *ctx, const guotu_convert_options *opts,
                                const guotu_category_map *before_map, guotu_convert_before **out) {
    if (!ctx) return GUOTU_ERR_ARGUMENT;
    gt_clear_error(ctx);
    if (!opts || !before_map || !out)
        return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "guotu_convert_before_create: NULL argument");
    *out = NULL;
    guotu_convert_before *layer = calloc(1, sizeof *layer);
    if (!layer) return gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
    layer->area_method = opts->area_method;
    layer->invalid = opts->invalid;
    layer->map = before_map;
    layer->label = gt_strdup(opts->before_label ? opts->before_label : "before");
    layer->crs = opts->crs ? gt_strdup(opts->crs) : NULL;
    if (!layer->label || (opts->crs && !layer->crs)) {
        guotu_convert_before_destroy(ctx, layer);
        return gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
    }
    *out = layer;
    return GUOTU_OK;
}

void guotu_convert_before_destroy(guotu_context *ctx, guotu_convert_before *layer) {
    if (!layer) return;
    free_parts(layer);
    if (layer->tree) GEOSSTRtree_destroy_r(ctx->geos, layer->tree);
    for (size_t i = 0; i < layer->count; i++)
        GEOSGeom_destroy_r(ctx->geos, layer->before[i].geom);
    free(layer->before);
    gt_string_table_free(&layer->codes);
    free(layer->label);
    free(layer->crs);
    free(layer);
}

int guotu_convert_before_add_part(guotu_context *part_ctx, guotu_convert_before *layer,
                                  guotu_convert_before_part **out) {
    if (!part_ctx) return GUOTU_ERR_ARGUMENT;
    gt_clear_error(part_ctx);
    if (!layer || !out) return gt_fail(part_ctx, GUOTU_ERR_ARGUMENT, "guotu_convert_before_add_part: NULL argument");
    *out = NULL;
    if (layer->phase != 0)
        return gt_fail(part_ctx, GUOTU_ERR_STATE, "guotu_convert_before_add_part: the layer is sealed or failed");
    if (gt_reserve(&layer->parts, &layer->part_cap, layer->part_count + 1, sizeof *layer->parts, 4))
        return gt_fail(part_ctx, GUOTU_ERR_NOMEM, "out of memory");
    guotu_convert_before_part *part = calloc(1, sizeof *part);
    if (!part) return gt_fail(part_ctx, GUOTU_ERR_NOMEM, "out of memory");
    part->layer = layer;
    part->ctx = part_ctx;
    int status = guotu_area_calc_create(part_ctx, layer->crs, layer->area_method, &part->calc);
    if (status) {
        part_free(part);
        return status;
    }
    layer->parts[layer->part_count++] = part;
    *out = part;
    return GUOTU_OK;
}

static void freeze_ring(guotu_context *ctx, const GEOSGeometry *ring) {
    double v = 0;
    unsigned int dims = 0;
    if (!ring || GEOSisEmpty_r(ctx->geos, ring) != 0) return;
    GEOSGeom_getXMin_r(ctx->geos, ring, &v);
    const GEOSCoordSequence *seq = GEOSGeom_getCoordSeq_r(ctx->geos, ring);
    if (seq) GEOSCoordSeq_getDimensions_r(ctx->geos, seq, &dims);
}

/* A GEOS geometry fills caches when first read: its envelope and each coordinate sequence's
 * dimension (GEOS 3.11; later versions keep the same two, the envelope per ring and
 * collection). Filled here by the thread that made the geometry, before the seal hands it to
 * other threads, every later use only reads it — so the overlays of several threads may
 * share it, as GEOS's own spatial index is shared (it builds under a lock, then is read). */
static void freeze(guotu_context *ctx, const GEOSGeometry *g) {
    double v = 0;
    if (GEOSisEmpty_r(ctx->geos, g) != 0) return;
    GEOSGeom_getXMin_r(ctx->geos, g, &v);
    int type = GEOSGeomTypeId_r(ctx->geos, g);
    if (type == GEOS_POLYGON) {
        freeze_ring(ctx, GEOSGetExteriorRing_r(ctx->geos, g));
        int holes = GEOSGetNumInteriorRings_r(ctx->geos, g);
        for (int i = 0; i < holes; i++)
            freeze_ring(ctx, GEOSGetInteriorRingN_r(ctx->geos, g, i));
    } else if (type == GEOS_MULTIPOLYGON || type == GEOS_GEOMETRYCOLLECTION) {
        int n = GEOSGetNumGeometries_r(ctx->geos, g);
        for (int i = 0; i < n; i++)
            freeze(ctx, GEOSGetGeometryN_r(ctx->geos, g, i));
    }
}

int guotu_convert_before_add(guotu_context *ctx, guotu_convert_before_part *part, int64_t position, const char *code,
                             int64_t fid, const unsigned char *wkb, size_t wkb_size) {
    if (!ctx) return GUOTU_ERR_ARGUMENT;
    gt_clear_error(ctx);
    if (!part) return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "guotu_convert_before_add: NULL argument");
    if (ctx != part->ctx)
        return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "guotu_convert_before_add: a part is filled with its own context");
    if (part->failed) return gt_fail(ctx, GUOTU_ERR_STATE, "guotu_convert_before_add: an earlier call failed");
    if (part->layer->phase != 0)
        return gt_fail(ctx, GUOTU_ERR_STATE, "guotu_convert_before_add: the layer is sealed or failed");
    if (position < 0)
        return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "guotu_convert_before_add: position %lld is negative",
                       (long long)position);
    const guotu_convert_before *layer = part->layer;
    const char *text = code ? code : "";
    int32_t c = gt_intern_class_code(ctx, &part->codes, text, layer->label, fid);
    if (c < 0) {
        part->failed = 1;
        return GUOTU_ERR_DATA; /* the message names the feature */
    }
    GEOSGeometry *g = NULL;
    int repaired = 0;
    double area = 0;
    int status = gt_read_polygon(ctx, layer->invalid, layer->label, fid, wkb, wkb_size, &g, &repaired);
    if (!status) status = gt_area_of_geom(ctx, part->calc, g, &area);
    int convex = 0, simple = status ? 0 : gt_ring_read(ctx, g, &part->ring, &convex);
    if (!status && simple < 0) status = gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
    if (!status && gt_reserve(&part->items, &part->cap, part->count + 1, sizeof *part->items, 1024))
        status = gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
    if (status) {
        if (g) GEOSGeom_destroy_r(ctx->geos, g);
        part->failed = 1;
        return status;
    }
    freeze(ctx, g);
    int cat = gt_category_of(layer->map, text);
    part->items[part->count++] =
        (before_item){position,
                      {g, c, (int8_t)(cat < 0 ? UNKNOWN_CATEGORY : cat),
                       (int8_t)(simple ? (convex ? SHAPE_CONVEX : SHAPE_SIMPLE) : SHAPE_OTHER), fid},
                      area,
                      repaired};
    return GUOTU_OK;
}

static void nothing(void *item, void *user_data) {
    (void)item;
    (void)user_data;
}

/* Fails the layer: its parts' polygons are freed now, the layer itself by destroy. */
static int seal_failed(guotu_convert_before *layer, int status) {
    free_parts(layer);
    layer->phase = 3;
    return status;
}

int guotu_convert_before_seal(guotu_context *ctx, guotu_convert_before *layer) {
    if (!ctx) return GUOTU_ERR_ARGUMENT;
    gt_clear_error(ctx);
    if (!layer) return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "guotu_convert_before_seal: NULL argument");
    if (layer->phase != 0)
        return gt_fail(ctx, GUOTU_ERR_STATE, "guotu_convert_before_seal: the layer is sealed or failed already");
    size_t n = 0;
    for (size_t p = 0; p < layer->part_count; p++) {
        if (layer->parts[p]->failed)
            return seal_failed(layer, gt_fail(ctx, GUOTU_ERR_STATE,
                                              "guotu_convert_before_seal: a part of layer '%s' failed", layer->label));
        n += layer->parts[p]->count;
    }
    if (!n) return seal_failed(layer, gt_fail(ctx, GUOTU_ERR_DATA, "layer '%s' has no polygons", layer->label));
    before_poly *before = calloc(n, sizeof *before);
    int32_t *from_part = malloc(n * sizeof *from_part);
    double *area = malloc(n * sizeof *area);
    if (!before || !from_part || !area) {
        free(before);
        free(from_part);
        free(area);
        return seal_failed(layer, gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory"));
    }
    /* Every position once: with n features, positions 0 .. n-1 each exactly once. */
    int status = GUOTU_OK;
    for (size_t p = 0; !status && p < layer->part_count; p++) {
        const guotu_convert_before_part *part = layer->parts[p];
        for (size_t i = 0; !status && i < part->count; i++) {
            const before_item *it = &part->items[i];
            if (it->position >= (int64_t)n || before[it->position].geom)
                status = gt_fail(ctx, GUOTU_ERR_DATA,
                                 "layer '%s': feature %lld came at position %lld, %s (%zu features in all)",
                                 layer->label, (long long)it->poly.fid, (long long)it->position,
                                 it->position >= (int64_t)n ? "beyond the layer" : "taken by another feature", n);
            else {
                before[it->position] = it->poly;
                from_part[it->position] = (int32_t)p;
                area[it->position] = it->area_m2;
                layer->repaired += it->repaired;
            }
        }
    }
    /* The layer's codes in the order of its features, its area summed in that order: what
     * guotu_convert_add_before makes of the same features, whatever the parts were. */
    for (size_t i = 0; !status && i < n; i++) {
        const char *code = layer->parts[from_part[i]]->codes.strings[before[i].code];
        int32_t c = gt_intern_class_code(ctx, &layer->codes, code, layer->label, before[i].fid);
        if (c < 0)
            status = GUOTU_ERR_NOMEM;
        else
            before[i].code = c;
        layer->area_ha += area[i] / 10000.0;
    }
    free(from_part);
    free(area);
    if (status) {
        free(before); /* the polygons are still the parts' */
        layer->repaired = 0;
        return seal_failed(layer, status);
    }
    /* The polygons are the layer's now. */
    for (size_t p = 0; p < layer->part_count; p++)
        layer->parts[p]->count = 0;
    free_parts(layer);
    layer->before = before;
    layer->count = n;
    layer->tree = GEOSSTRtree_create_r(ctx->geos, 10);
    if (!layer->tree) {
        layer->phase = 3;
        return gt_fail_geos(ctx, GUOTU_ERR_GEOMETRY, "cannot create a spatial index");
    }
    for (size_t i = 0; i < n; i++)
        GEOSSTRtree_insert_r(ctx->geos, layer->tree, before[i].geom, (void *)(intptr_t)i);
    /* GEOS builds the index at its first query: do it here, once, before threads share it. */
    GEOSSTRtree_query_r(ctx->geos, layer->tree, before[0].geom, nothing, NULL);
    layer->phase = 1;
    return GUOTU_OK;
}

int guotu_convert_use_before(guotu_context *ctx, guotu_convert *cv, const guotu_convert_before *layer) {
    if (!ctx) return GUOTU_ERR_ARGUMENT;
    gt_clear_error(ctx);
    if (!cv || !layer) return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "guotu_convert_use_before: NULL argument");
    int status = gt_convert_in_phase(ctx, cv, 0, "guotu_convert_use_before");
    if (status) return status;
    if (layer->phase != 1)
        return gt_fail(ctx, GUOTU_ERR_STATE, "guotu_convert_use_before: seal the before layer first");
    if (cv->before_count || cv->shared || cv->codes.count)
        return gt_fail(ctx, GUOTU_ERR_STATE, "guotu_convert_use_before: the overlay has before polygons already");
    if (layer->map != cv->maps[0] || layer->area_method != cv->area_method || layer->invalid != cv->invalid)
        return gt_fail(ctx, GUOTU_ERR_ARGUMENT,
                       "guotu_convert_use_before: the layer was made with another category map, area method or "
                       "invalid policy than the overlay");
    /* The overlay's code table starts with the layer's, so that its before polygons' codes
     * index both. */
    for (size_t i = 0; i < layer->codes.count; i++)
        if (gt_string_table_intern(&cv->codes, layer->codes.strings[i]) != (int32_t)i)
            return gt_convert_failed(cv, gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory"));
    cv->shared = layer;
    cv->before = layer->before;
    cv->before_count = layer->count;
    cv->before_tree = layer->tree;
    cv->stats.before_features = (int64_t)layer->count;
    cv->stats.repaired_before = layer->repaired;
    cv->stats.before_area_ha = layer->area_ha;
    return GUOTU_OK;
}
