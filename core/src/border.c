/* border.c — cross-city boundary conflicts: inputs, the run over adjacent pairs and the
 * summary rows (see guotu_border.h; one pair's comparison is in border_pair.c). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "area.h"
#include "border_internal.h"
#include "polygon_input.h"

void guotu_border_options_init(guotu_border_options *o) {
    if (!o) return;
    memset(o, 0, sizeof *o);
    o->area_method = GUOTU_AREA_ELLIPSOIDAL;
    o->corridor_m = 200;
    o->reach_m = 5;
    o->snap_m = 1;
    o->min_length_m = 10;
    o->min_area_m2 = 100;
    o->basemap_min_m2 = 1;
    o->weight_overlap = 1;
    o->weight_mismatch = 1;
    o->weight_gap = 0.75;
    o->weight_discontinuity = 0.5;
}

static int check_options(guotu_context *ctx, const guotu_border_options *o) {
    const double values[] = {
        o->corridor_m,     o->reach_m,        o->snap_m,          o->min_length_m, o->min_area_m2,
        o->basemap_min_m2, o->weight_overlap, o->weight_mismatch, o->weight_gap,   o->weight_discontinuity};
    for (size_t i = 0; i < sizeof values / sizeof values[0]; i++)
        if (!(values[i] >= 0) || !isfinite(values[i]))
            return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "border options must be finite numbers >= 0");
    if (!(o->corridor_m > 0) || !(o->snap_m > 0))
        return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "the corridor width and the snapping tolerance must be > 0");
    if (o->parts < 0 || o->part < 0 || (o->parts > 1 && o->part >= o->parts) || (o->parts <= 1 && o->part != 0))
        return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "border options: part %d of %d parts", o->part, o->parts);
    if (o->reach_m > o->corridor_m)
        return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "the reach (%g m) cannot be wider than the corridor (%g m)", o->reach_m,
                       o->corridor_m);
    return GUOTU_OK;
}

/* Distances in degrees would mean nothing: the CRS must be projected. */
static int check_crs(guotu_context *ctx, const char *crs) {
    if (!crs || !crs[0])
        return gt_fail(ctx, GUOTU_ERR_CRS, "border conflicts need a projected CRS in metres; the inputs have none");
    return gt_require_metres(ctx, crs, "border conflicts (corridors and snapping in metres)");
}

int guotu_border_create(guotu_context *ctx, const guotu_border_options *opts, guotu_border **out) {
    if (!ctx) return GUOTU_ERR_ARGUMENT;
    gt_clear_error(ctx);
    if (!opts || !out) return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "guotu_border_create: NULL argument");
    *out = NULL;
    int status = check_options(ctx, opts);
    if (!status) status = check_crs(ctx, opts->crs);
    if (status) return status;
    guotu_border *b = calloc(1, sizeof *b);
    if (!b) return gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
    b->o = *opts;
    b->o.crs = NULL;
    b->next_conflict = opts->parts > 1 ? opts->part + 1 : 1;
    b->writer = GEOSWKBWriter_create_r(ctx->geos);
    status = b->writer ? guotu_area_calc_create(ctx, opts->crs, opts->area_method, &b->calc)
                       : gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
    if (status) {
        guotu_border_destroy(ctx, b);
        return status;
    }
    *out = b;
    return GUOTU_OK;
}

void guotu_border_destroy(guotu_context *ctx, guotu_border *b) {
    if (!b) return;
    for (size_t i = 0; i < b->admin_count; i++) {
        border_admin *a = &b->admins[i];
        if (a->prepared) GEOSPreparedGeom_destroy_r(ctx->geos, a->prepared);
        if (a->elements) GEOSSTRtree_destroy_r(ctx->geos, a->elements);
        GEOSGeometry *owned[5] = {a->geom, a->boundary, a->grown, a->shrunk, a->location};
        for (int k = 0; k < 5; k++)
            if (owned[k]) GEOSGeom_destroy_r(ctx->geos, owned[k]);
        free(a->id);
        free(a->name);
    }
    free(b->admins);
    for (size_t i = 0; i < b->element_count; i++) {
        if (b->elements[i].geom) GEOSGeom_destroy_r(ctx->geos, b->elements[i].geom);
        if (b->elements[i].location) GEOSGeom_destroy_r(ctx->geos, b->elements[i].location);
    }
    free(b->elements);
    gt_string_table_free(&b->strings);
    free(b->pairs);
    gt_direct_work_free(ctx, &b->direct);
    if (b->writer) GEOSWKBWriter_destroy_r(ctx->geos, b->writer);
    guotu_area_calc_destroy(ctx, b->calc);
    free(b);
}

int guotu_border_add_admin(guotu_context *ctx, guotu_border *b, const char *id, const char *name, int64_t fid,
                           const unsigned char *wkb, size_t wkb_size) {
    if (!ctx) return GUOTU_ERR_ARGUMENT;
    gt_clear_error(ctx);
    if (!b || !id) return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "guotu_border_add_admin: NULL argument");
    if (b->ran) return gt_fail(ctx, GUOTU_ERR_STATE, "the border comparison already ran");
    if (!id[0] || !gt_utf8_valid(id) || (name && !gt_utf8_valid(name)))
        return gt_fail(ctx, GUOTU_ERR_DATA,
                       "admin unit feature %lld: empty id, or id or name not UTF-8 text (a GBK file read "
                       "without its encoding?)",
                       (long long)fid);
    for (size_t i = 0; i < b->admin_count; i++)
        if (!strcmp(b->admins[i].id, id))
            return gt_fail(ctx, GUOTU_ERR_DATA, "admin unit id '%s' appears twice (features %lld and %lld)", id,
                           (long long)b->admins[i].fid, (long long)fid);
    GEOSGeometry *g = NULL, *location = NULL;
    int repaired = 0;
    char reason[160];
    int status = gt_read_polygon_detail(ctx, GUOTU_INVALID_REPAIR, "admin units", fid, wkb, wkb_size, &g, &repaired,
                                        reason, sizeof reason, &location);
    if (status) return status;
    /* Everything the admin unit owns is made first: a failure adds nothing. */
    char *id_copy = gt_strdup(id), *name_copy = gt_strdup(name ? name : "");
    const GEOSPreparedGeometry *prepared = GEOSPrepare_r(ctx->geos, g);
    if (!id_copy || !name_copy || !prepared ||
        gt_reserve(&b->admins, &b->admin_cap, b->admin_count + 1, sizeof *b->admins, 32)) {
        free(id_copy);
        free(name_copy);
        if (prepared) GEOSPreparedGeom_destroy_r(ctx->geos, prepared);
        GEOSGeom_destroy_r(ctx->geos, g);
        if (location) GEOSGeom_destroy_r(ctx->geos, location);
        return gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
    }
    border_admin *a = &b->admins[b->admin_count++];
    memset(a, 0, sizeof *a);
    a->geom = g;
    a->fid = fid;
    a->repaired = repaired;
    a->location = location;
    snprintf(a->reason, sizeof a->reason, "%s", repaired ? reason : "");
    a->id = id_copy;
    a->name = name_copy;
    a->prepared = prepared;
    return GUOTU_OK;
}

int guotu_border_add_element(guotu_context *ctx, guotu_border *b, const char *city_id, const char *category,
                             const char *name, int64_t fid, const unsigned char *wkb, size_t wkb_size) {
    if (!ctx) return GUOTU_ERR_ARGUMENT;
    gt_clear_error(ctx);
    if (!b) return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "guotu_border_add_element: NULL argument");
    if (b->ran) return gt_fail(ctx, GUOTU_ERR_STATE, "the border comparison already ran");
    if (!city_id) city_id = "";
    if (!name) name = "";
    if (!gt_utf8_valid(city_id) || !gt_utf8_valid(name) || (category && !gt_utf8_valid(category)))
        return gt_fail(ctx, GUOTU_ERR_DATA,
                       "element feature %lld: city, category or name is not UTF-8 text (a GBK file read "
                       "without its encoding?)",
                       (long long)fid);
    if (!category || !category[0])
        return gt_fail(ctx, GUOTU_ERR_DATA, "element feature %lld (city '%s') has no category", (long long)fid,
                       city_id);
    border_element e;
    memset(&e, 0, sizeof e);
    e.fid = fid;
    e.city = -1;
    if (wkb && wkb_size) {
        int status = gt_read_polygon_detail(ctx, GUOTU_INVALID_REPAIR, "elements", fid, wkb, wkb_size, &e.geom,
                                            &e.repaired, e.reason, sizeof e.reason, &e.location);
        if (status) return status;
    }
    e.city_text = gt_string_table_intern(&b->strings, city_id);
    e.category = gt_string_table_intern(&b->strings, category);
    e.name = gt_string_table_intern(&b->strings, name);
    if (e.city_text < 0 || e.category < 0 || e.name < 0 ||
        gt_reserve(&b->elements, &b->element_cap, b->element_count + 1, sizeof *b->elements, 1024)) {
        if (e.geom) GEOSGeom_destroy_r(ctx->geos, e.geom);
        if (e.location) GEOSGeom_destroy_r(ctx->geos, e.location);
        return gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
    }
    b->elements[b->element_count++] = e;
    return GUOTU_OK;
}

/* ---- the run ---- */

/* Only one part of a run split in parts reports the inputs' issues. */
static int reports_inputs(const guotu_border *b) { return b->o.parts <= 1 || b->o.part == 0; }

static int report_admin_issues(guotu_context *ctx, guotu_border *b) {
    for (size_t i = 0; reports_inputs(b) && i < b->admin_count; i++) {
        border_admin *a = &b->admins[i];
        if (GEOSisEmpty_r(ctx->geos, a->geom) == 1) {
            /* No ground: no neighbours, so its city's elements are never compared. */
            char zh[320], en[320];
            gt_textf(zh, sizeof zh, "行政区 %s（要素 %lld）几何为空，无法比较其要素", a->id, (long long)a->fid);
            gt_textf(en, sizeof en,
                     "admin unit %s (feature %lld) has an empty geometry: its elements cannot be compared", a->id,
                     (long long)a->fid);
            guotu_border_issue issue = {"admin_empty", a->id, "", a->fid, "", 0, zh, en, NULL, 0};
            int status = border_emit_issue(ctx, b, &issue, NULL);
            if (status) return status;
        }
        if (!a->repaired) continue;
        b->stats.admins_invalid++;
        char zh[320], en[320];
        gt_textf(zh, sizeof zh, "行政区 %s（要素 %lld）几何无效：%s（已修复后参与比较）", a->id, (long long)a->fid,
                 a->reason);
        gt_textf(en, sizeof en, "admin unit %s (feature %lld) is invalid: %s (compared as repaired)", a->id,
                 (long long)a->fid, a->reason);
        guotu_border_issue issue = {"admin_invalid", a->id, "", a->fid, "", 0, zh, en, NULL, 0};
        int status = border_emit_issue(ctx, b, &issue, a->location ? a->location : a->geom);
        if (status) return status;
    }
    return GUOTU_OK;
}

/* Matches each element's city to an admin unit and reports the elements that cannot be
 * compared or were repaired. */
static int resolve_elements(guotu_context *ctx, guotu_border *b) {
    for (size_t i = 0; i < b->element_count; i++) {
        border_element *e = &b->elements[i];
        const char *city = b->strings.strings[e->city_text];
        for (size_t k = 0; city[0] && k < b->admin_count; k++)
            if (!strcmp(b->admins[k].id, city)) {
                e->city = (int32_t)k;
                break;
            }
        char zh[320], en[320];
        const char *kind = NULL;
        const GEOSGeometry *where = e->geom;
        if (!e->geom) {
            kind = "element_no_geometry";
            b->stats.elements_no_geometry++;
            gt_textf(zh, sizeof zh, "要素 %lld（城市 '%s'）没有几何，未参与比较", (long long)e->fid, city);
            gt_textf(en, sizeof en, "element feature %lld (city '%s') has no geometry and is not compared",
                     (long long)e->fid, city);
        } else if (!city[0]) {
            kind = "element_no_city";
            b->stats.elements_no_city++;
            gt_textf(zh, sizeof zh, "要素 %lld 没有所属城市，未参与比较", (long long)e->fid);
            gt_textf(en, sizeof en, "element feature %lld has no city and is not compared", (long long)e->fid);
        } else if (e->city < 0) {
            kind = "element_unknown_city";
            b->stats.elements_unknown_city++;
            gt_textf(zh, sizeof zh, "要素 %lld 的城市 '%s' 不在行政区图层中，未参与比较", (long long)e->fid, city);
            gt_textf(en, sizeof en, "element feature %lld names city '%s', which is no admin unit's id; not compared",
                     (long long)e->fid, city);
        }
        if (kind && reports_inputs(b)) {
            guotu_border_issue issue = {kind, "", "", e->fid, city, 0, zh, en, NULL, 0};
            int status = border_emit_issue(ctx, b, &issue, where);
            if (status) return status;
        }
        if (e->repaired && reports_inputs(b)) {
            b->stats.elements_invalid++;
            gt_textf(zh, sizeof zh, "要素 %lld（城市 '%s'）几何无效：%s（已修复后参与比较）", (long long)e->fid, city,
                     e->reason);
            gt_textf(en, sizeof en, "element feature %lld (city '%s') is invalid: %s (compared as repaired)",
                     (long long)e->fid, city, e->reason);
            guotu_border_issue issue = {"element_invalid", "", "", e->fid, city, 0, zh, en, NULL, 0};
            int status = border_emit_issue(ctx, b, &issue, e->location ? e->location : e->geom);
            if (status) return status;
        }
    }
    return GUOTU_OK;
}

static int index_elements(guotu_context *ctx, guotu_border *b) {
    for (size_t i = 0; i < b->element_count; i++) {
        border_element *e = &b->elements[i];
        if (e->city < 0 || !e->geom) continue;
        border_admin *a = &b->admins[e->city];
        if (!a->elements) a->elements = GEOSSTRtree_create_r(ctx->geos, 10);
        if (!a->elements) return gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
        GEOSSTRtree_insert_r(ctx->geos, a->elements, e->geom, (void *)(intptr_t)(i + 1));
    }
    return GUOTU_OK;
}

typedef struct neighbours {
    size_t *items;
    size_t count, cap;
    int oom;
} neighbours;

static void collect_neighbour(void *item, void *user) {
    neighbours *n = user;
    if (gt_reserve(&n->items, &n->cap, n->count + 1, sizeof *n->items, 16)) {
        n->oom = 1;
        return;
    }
    n->items[n->count++] = (size_t)(intptr_t)item - 1;
}

/* A fixed hash of the pair spreads the pairs of neighbouring units over the parts. */
static int in_part(const guotu_border *b, size_t i, size_t j) {
    if (b->o.parts <= 1) return 1;
    uint64_t h = ((uint64_t)i * 2654435761u) ^ ((uint64_t)j * 40503u + 0x9e3779b9u);
    h ^= h >> 15;
    return (int)(h % (uint64_t)b->o.parts) == b->o.part;
}

static int compare_size(const void *a, const void *b) {
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    return x < y ? -1 : x > y;
}

int guotu_border_run(guotu_context *ctx, guotu_border *b, const guotu_border_callbacks *callbacks, void *user_data) {
    if (!ctx) return GUOTU_ERR_ARGUMENT;
    gt_clear_error(ctx);
    if (!b) return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "guotu_border_run: NULL argument");
    if (b->ran) return gt_fail(ctx, GUOTU_ERR_STATE, "the border comparison already ran");
    b->ran = 1;
    if (callbacks) b->cb = *callbacks;
    b->user = user_data;
    b->stats.admins = (int64_t)b->admin_count;
    b->stats.elements = (int64_t)b->element_count;
    if (!b->admin_count) return gt_fail(ctx, GUOTU_ERR_DATA, "no admin units: nothing to compare");
    int status = report_admin_issues(ctx, b);
    if (!status) status = resolve_elements(ctx, b);
    if (!status) status = index_elements(ctx, b);
    if (status) return status;
    GEOSSTRtree *tree = GEOSSTRtree_create_r(ctx->geos, 10);
    if (!tree) return gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
    for (size_t i = 0; i < b->admin_count; i++)
        GEOSSTRtree_insert_r(ctx->geos, tree, b->admins[i].geom, (void *)(intptr_t)(i + 1));
    neighbours n = {NULL, 0, 0, 0};
    for (size_t i = 0; !status && i < b->admin_count; i++) {
        if (gt_report_progress(ctx, (double)i / (double)b->admin_count, "comparing borders")) {
            status = GUOTU_ERR_CANCELLED;
            break;
        }
        const border_admin *a = &b->admins[i];
        double x0, y0, x1, y1, s = b->o.snap_m;
        /* An empty unit (reported as admin_empty) has no bounds and no neighbours. */
        if (!GEOSGeom_getXMin_r(ctx->geos, a->geom, &x0) || !GEOSGeom_getYMin_r(ctx->geos, a->geom, &y0) ||
            !GEOSGeom_getXMax_r(ctx->geos, a->geom, &x1) || !GEOSGeom_getYMax_r(ctx->geos, a->geom, &y1))
            continue;
        GEOSGeometry *reach = GEOSGeom_createRectangle_r(ctx->geos, x0 - s, y0 - s, x1 + s, y1 + s);
        if (!reach) {
            status = gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
            break;
        }
        n.count = 0;
        GEOSSTRtree_query_r(ctx->geos, tree, reach, collect_neighbour, &n);
        GEOSGeom_destroy_r(ctx->geos, reach);
        if (n.oom) {
            status = gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
            break;
        }
        /* Pairs in a stable order, whatever the tree's. */
        if (n.count > 1) qsort(n.items, n.count, sizeof *n.items, compare_size);
        for (size_t k = 0; !status && k < n.count; k++) {
            size_t j = n.items[k];
            if (j <= i || !in_part(b, i, j)) continue;
            double d = 0;
            if (GEOSPreparedDistance_r(ctx->geos, a->prepared, b->admins[j].geom, &d) != 1)
                status = gt_fail_geos(ctx, GUOTU_ERR_GEOMETRY, "cannot measure the distance of admin units %s and %s",
                                      a->id, b->admins[j].id);
            else if (d <= s)
                status = border_compare_pair(ctx, b, i, j);
        }
    }
    free(n.items);
    GEOSSTRtree_destroy_r(ctx->geos, tree);
    for (size_t i = 0; i < b->element_count; i++)
        b->stats.elements_compared += b->elements[i].compared;
    if (!status && gt_report_progress(ctx, 1.0, "comparing borders")) status = GUOTU_ERR_CANCELLED;
    return status;
}

static int compare_pair(const void *x, const void *y) {
    const border_pair_row *a = x, *b = y;
    if (a->a != b->a) return a->a < b->a ? -1 : 1;
    return a->b < b->b ? -1 : a->b > b->b;
}

int guotu_border_merge(guotu_context *ctx, guotu_border *b, const guotu_border *other) {
    if (!ctx) return GUOTU_ERR_ARGUMENT;
    gt_clear_error(ctx);
    if (!b || !other || b == other) return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "guotu_border_merge: bad argument");
    if (!b->ran || !other->ran) return gt_fail(ctx, GUOTU_ERR_STATE, "guotu_border_merge: run both first");
    if (b->admin_count != other->admin_count || b->element_count != other->element_count)
        return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "guotu_border_merge: the two objects have different inputs");
    if (b->pair_count + other->pair_count > b->pair_cap) {
        size_t cap = b->pair_count + other->pair_count;
        border_pair_row *grown = realloc(b->pairs, (cap ? cap : 1) * sizeof *grown);
        if (!grown) return gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
        b->pairs = grown;
        b->pair_cap = cap;
    }
    for (size_t i = 0; i < other->pair_count; i++) {
        border_pair_row r = other->pairs[i];
        /* Strings of this object's own units: `other` may go first. */
        r.row.admin_a = b->admins[r.a].id;
        r.row.admin_b = b->admins[r.b].id;
        r.row.name_a = b->admins[r.a].name;
        r.row.name_b = b->admins[r.b].name;
        b->pairs[b->pair_count++] = r;
    }
    if (b->pair_count > 1) qsort(b->pairs, b->pair_count, sizeof *b->pairs, compare_pair);
    b->stats.elements_compared = 0;
    for (size_t i = 0; i < b->element_count; i++) {
        b->elements[i].compared |= other->elements[i].compared;
        b->stats.elements_compared += b->elements[i].compared;
    }
    return GUOTU_OK;
}

size_t guotu_border_pair_count(const guotu_border *b) { return b && b->ran ? b->pair_count : 0; }

int guotu_border_pair_row(guotu_context *ctx, const guotu_border *b, size_t i, guotu_border_pair *out) {
    if (!ctx) return GUOTU_ERR_ARGUMENT;
    gt_clear_error(ctx);
    if (!b || !out || !b->ran || i >= b->pair_count)
        return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "guotu_border_pair_row: row %zu not available", i);
    *out = b->pairs[i].row;
    return GUOTU_OK;
}

int guotu_border_get_stats(guotu_context *ctx, const guotu_border *b, guotu_border_stats *out) {
    if (!ctx) return GUOTU_ERR_ARGUMENT;
    gt_clear_error(ctx);
    if (!b || !out || !b->ran) return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "guotu_border_get_stats: run first");
    *out = b->stats;
    return GUOTU_OK;
}
