/* ledger.c — the unit ledger: inputs, overlays, balance sheets, certificates (see guotu_ledger.h). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "area.h"
#include "code_table.h"
#include "collections.h"
#include "internal.h"
#include "ledger_internal.h"
#include "policy.h"
#include "polygon_input.h"

enum { CULTIVATED = 0, GARDEN = 1, FOREST = 2, GRASS = 3, CONSTRUCTION = 9 };
/* Areas in ha compared for "not decreasing": sums of many parcels differ in the last bits. */
#define LEDGER_EPS_HA 1e-7

typedef struct lg_layer {
    GEOSGeometry **geoms;
    const GEOSPreparedGeometry **prepared;
    size_t count, cap;
    GEOSSTRtree *tree;
} lg_layer;

typedef struct lg_parcel {
    char *id, *unit, *project, *current, *planned;
    int64_t fid;
    GEOSGeometry *geom;
    double area_m2, kc_cur, kc_plan, grade_cur, grade_plan;
    int cur_cat, plan_cat, farm_cur, farm_plan, restoration;
    int cult_cur, cult_plan; /* cultivated land (耕地) on each side */
    int region;
    int located; /* the unit polygon it overlaps most (-1: none), found when it was added */
    double redline_m2;
    int on_beach;
} lg_parcel;

typedef struct lg_text {
    char *s;
    size_t len, cap;
} lg_text;

typedef struct lg_region {
    char *id, *name;
    GEOSGeometry *geom; /* NULL for units named only by parcels */
    guotu_ledger_unit u;
    double grade_sum[2], graded[2], farm_grade_sum[2], farm_graded[2];
    int forest_unknown;
    lg_text beach_ids, redline_ids, zh, en;
} lg_region;

typedef struct lg_cert {
    guotu_ledger_certificate c;
    char *number;
} lg_cert;

typedef struct lg_project {
    guotu_ledger_project p;
    char *id;
    int64_t next;
} lg_project;

struct guotu_ledger {
    guotu_ledger_options o;
    char *label;
    guotu_area_calc *calc;
    const guotu_category_map *maps[2];
    const guotu_coefficients *k[2];
    const guotu_project_types *types;
    gt_code_table beach_codes, cultivated[2];
    int cultivated_listed[2]; /* a list was given: only its codes are cultivated land */
    lg_layer redline, beaches;
    lg_region *regions;
    size_t region_count, region_cap, polygon_units;
    GEOSSTRtree *unit_tree;
    const GEOSPreparedGeometry **unit_prepared;
    lg_parcel *parcels;
    size_t parcel_count, parcel_cap;
    gt_string_table parcel_ids, region_ids;
    lg_cert *certs;
    size_t cert_count, cert_cap;
    lg_project *projects;
    size_t project_count, project_cap;
    int ran, done;
    char *crs;                            /* kept for the overlay of two survey years */
    lg_years *years;                      /* two survey years as layers (ledger_years.c); NULL otherwise */
    const gt_ledger_years_ops *years_ops; /* what this ledger calls of `years` */
    guotu_ledger_piece_fn piece_fn;
    void *piece_user;
};

void guotu_ledger_options_init(guotu_ledger_options *o) {
    if (!o) return;
    memset(o, 0, sizeof *o);
    o->area_method = GUOTU_AREA_ELLIPSOIDAL;
    o->tolerance_m2 = 1.0;
    o->farmland_gain_min = 1.05;
    o->linkage_min = 1.0;
    o->grade_tolerance = 0.0;
}

/* ---- Lifetime ------------------------------------------------------------ */

static int parse_codes(gt_code_table *t, const char *list) {
    const char *s = list ? list : "";
    while (*s) {
        while (*s == ',' || *s == ' ')
            s++;
        size_t n = strcspn(s, ", ");
        if (n) {
            char code[64];
            if (n >= sizeof code) n = sizeof code - 1;
            memcpy(code, s, n);
            code[n] = '\0';
            if (gt_code_table_find_exact(t, code) < 0 && gt_code_table_add(t, code) < 0) return -1;
        }
        s += n;
    }
    return 0;
}

int guotu_ledger_create(guotu_context *ctx, const guotu_ledger_options *opts, const guotu_category_map *current_map,
                        const guotu_category_map *planned_map, const guotu_coefficients *current_k,
                        const guotu_coefficients *planned_k, const guotu_project_types *types, guotu_ledger **out) {
    if (!ctx) return GUOTU_ERR_ARGUMENT;
    gt_clear_error(ctx);
    if (!opts || !current_map || !planned_map || !out)
        return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "guotu_ledger_create: NULL argument");
    *out = NULL;
    if (!(opts->tolerance_m2 >= 0) || !(opts->farmland_gain_min >= 0) || !(opts->linkage_min >= 0) ||
        !(opts->grade_tolerance >= 0) || !isfinite(opts->tolerance_m2) || !isfinite(opts->farmland_gain_min) ||
        !isfinite(opts->linkage_min) || !isfinite(opts->grade_tolerance))
        return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "the tolerance and the thresholds must be finite numbers >= 0");
    if ((current_k == NULL) != (planned_k == NULL))
        return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "give both standard-forest coefficient tables or neither");
    guotu_ledger *l = calloc(1, sizeof *l);
    if (!l) return gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
    l->o = *opts;
    l->o.crs = NULL;
    l->o.river_beach_codes = NULL;
    l->o.current_cultivated_codes = l->o.planned_cultivated_codes = NULL;
    const char *lists[2] = {opts->current_cultivated_codes, opts->planned_cultivated_codes};
    int bad_list = 0;
    for (int side = 0; side < 2; side++) {
        l->cultivated_listed[side] = lists[side] && lists[side][0];
        bad_list |= parse_codes(&l->cultivated[side], lists[side]);
    }
    l->label = gt_strdup(opts->parcels_label && opts->parcels_label[0] ? opts->parcels_label : "parcels");
    if (opts->crs && opts->crs[0] && !(l->crs = gt_strdup(opts->crs))) bad_list = 1;
    l->o.parcels_label = l->label;
    l->maps[0] = current_map;
    l->maps[1] = planned_map;
    l->k[0] = current_k;
    l->k[1] = planned_k;
    l->types = types;
    int status = l->label && !bad_list && !parse_codes(&l->beach_codes, opts->river_beach_codes)
                     ? guotu_area_calc_create(ctx, opts->crs, opts->area_method, &l->calc)
                     : gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
    if (status) {
        guotu_ledger_destroy(ctx, l);
        return status;
    }
    *out = l;
    return GUOTU_OK;
}

static void layer_free(guotu_context *ctx, lg_layer *y) {
    for (size_t i = 0; i < y->count; i++) {
        if (y->prepared && y->prepared[i]) GEOSPreparedGeom_destroy_r(ctx->geos, y->prepared[i]);
        GEOSGeom_destroy_r(ctx->geos, y->geoms[i]);
    }
    free(y->geoms);
    free(y->prepared);
    if (y->tree) GEOSSTRtree_destroy_r(ctx->geos, y->tree);
}

void guotu_ledger_destroy(guotu_context *ctx, guotu_ledger *l) {
    if (!l) return;
    layer_free(ctx, &l->redline);
    layer_free(ctx, &l->beaches);
    for (size_t i = 0; i < l->region_count; i++) {
        lg_region *r = &l->regions[i];
        if (l->unit_prepared && i < l->polygon_units && l->unit_prepared[i])
            GEOSPreparedGeom_destroy_r(ctx->geos, l->unit_prepared[i]);
        if (r->geom) GEOSGeom_destroy_r(ctx->geos, r->geom);
        free(r->id);
        free(r->name);
        free(r->beach_ids.s);
        free(r->redline_ids.s);
        free(r->zh.s);
        free(r->en.s);
    }
    free(l->regions);
    free(l->unit_prepared);
    if (l->unit_tree) GEOSSTRtree_destroy_r(ctx->geos, l->unit_tree);
    for (size_t i = 0; i < l->parcel_count; i++) {
        lg_parcel *x = &l->parcels[i];
        free(x->id);
        free(x->unit);
        free(x->project);
        free(x->current);
        free(x->planned);
        if (x->geom) GEOSGeom_destroy_r(ctx->geos, x->geom);
    }
    free(l->parcels);
    for (size_t i = 0; i < l->cert_count; i++)
        free(l->certs[i].number);
    free(l->certs);
    for (size_t i = 0; i < l->project_count; i++)
        free(l->projects[i].id);
    free(l->projects);
    gt_string_table_free(&l->parcel_ids);
    gt_string_table_free(&l->region_ids);
    gt_code_table_free(&l->beach_codes);
    gt_code_table_free(&l->cultivated[0]);
    gt_code_table_free(&l->cultivated[1]);
    guotu_area_calc_destroy(ctx, l->calc);
    if (l->years) l->years_ops->free(ctx, l->years);
    free(l->crs);
    free(l->label);
    free(l);
}

/* ---- Inputs ------------------------------------------------------------------ */

static int check_open(guotu_context *ctx, const guotu_ledger *l, const void *arg, const char *fn) {
    if (!l || !arg) return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "%s: NULL argument", fn);
    if (l->ran) return gt_fail(ctx, GUOTU_ERR_STATE, "%s: the ledger already ran", fn);
    return GUOTU_OK;
}

static int layer_add(guotu_context *ctx, lg_layer *y, const char *label, int64_t fid, const unsigned char *wkb,
                     size_t wkb_size) {
    GEOSGeometry *g = NULL;
    int repaired = 0;
    int status = gt_read_polygon(ctx, GUOTU_INVALID_REPAIR, label, fid, wkb, wkb_size, &g, &repaired);
    if (status) return status;
    if (gt_reserve(&y->geoms, &y->cap, y->count + 1, sizeof *y->geoms, 64)) {
        GEOSGeom_destroy_r(ctx->geos, g);
        return gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
    }
    y->geoms[y->count++] = g;
    return GUOTU_OK;
}

int guotu_ledger_add_redline(guotu_context *ctx, guotu_ledger *l, int64_t fid, const unsigned char *wkb,
                             size_t wkb_size) {
    if (!ctx) return GUOTU_ERR_ARGUMENT;
    gt_clear_error(ctx);
    int status = check_open(ctx, l, wkb, "guotu_ledger_add_redline");
    if (!status && l->parcel_count)
        return gt_fail(ctx, GUOTU_ERR_STATE, "guotu_ledger_add_redline: add the context layers before the parcels");
    return status ? status : layer_add(ctx, &l->redline, "ecological red line", fid, wkb, wkb_size);
}

int guotu_ledger_add_river_beach(guotu_context *ctx, guotu_ledger *l, int64_t fid, const unsigned char *wkb,
                                 size_t wkb_size) {
    if (!ctx) return GUOTU_ERR_ARGUMENT;
    gt_clear_error(ctx);
    int status = check_open(ctx, l, wkb, "guotu_ledger_add_river_beach");
    if (!status && l->parcel_count)
        return gt_fail(ctx, GUOTU_ERR_STATE, "guotu_ledger_add_river_beach: add the context layers before the parcels");
    return status ? status : layer_add(ctx, &l->beaches, "river beaches", fid, wkb, wkb_size);
}

/* Regions are found by id through region_ids, whose dense indices follow the regions' order
 * (every region is interned as it is made; the only reordering comes after the last lookup). */
static int find_region(const guotu_ledger *l, const char *id) { return gt_string_table_find(&l->region_ids, id); }

static int region_new(guotu_ledger *l, const char *id, const char *name, GEOSGeometry *geom) {
    if (gt_reserve(&l->regions, &l->region_cap, l->region_count + 1, sizeof *l->regions, 16)) return -1;
    if (gt_string_table_intern(&l->region_ids, id) != (int32_t)l->region_count) return -1;
    lg_region *r = &l->regions[l->region_count];
    memset(r, 0, sizeof *r);
    r->id = gt_strdup(id);
    r->name = gt_strdup(name ? name : "");
    if (!r->id || !r->name) {
        free(r->id);
        free(r->name);
        return -1;
    }
    r->geom = geom;
    return (int)l->region_count++;
}

int guotu_ledger_add_unit(guotu_context *ctx, guotu_ledger *l, const char *id, const char *name, int64_t fid,
                          const unsigned char *wkb, size_t wkb_size) {
    if (!ctx) return GUOTU_ERR_ARGUMENT;
    gt_clear_error(ctx);
    int status = check_open(ctx, l, wkb, "guotu_ledger_add_unit");
    if (status) return status;
    if (l->parcel_count)
        return gt_fail(ctx, GUOTU_ERR_STATE, "guotu_ledger_add_unit: add the units before the parcels");
    if (!id || !id[0] || !gt_utf8_valid(id))
        return gt_fail(ctx, GUOTU_ERR_DATA, "units feature %lld: empty or non-UTF-8 id", (long long)fid);
    if (name && !gt_utf8_valid(name)) return gt_fail(ctx, GUOTU_ERR_DATA, "unit '%s': the name is not UTF-8", id);
    int dup = find_region(l, id);
    if (dup >= 0) return gt_fail(ctx, GUOTU_ERR_DATA, "unit id '%s' is used twice (feature %lld)", id, (long long)fid);
    GEOSGeometry *g = NULL;
    int repaired = 0;
    status = gt_read_polygon(ctx, GUOTU_INVALID_REPAIR, "units", fid, wkb, wkb_size, &g, &repaired);
    if (status) return status;
    if (region_new(l, id, name, g) < 0) {
        GEOSGeom_destroy_r(ctx->geos, g);
        return gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
    }
    l->polygon_units = l->region_count;
    return GUOTU_OK;
}

static int index_units(guotu_context *ctx, guotu_ledger *l);
static int locate_unit(guotu_context *ctx, guotu_ledger *l, const lg_parcel *x, int *out);

static int valid_kcxs(double k) { return isnan(k) || (k >= 0 && k < 1); }
static int valid_grade(double g) { return isnan(g) || g == 0 || (g >= 1 && g <= 15 && g == floor(g)); }

int guotu_ledger_add_parcel(guotu_context *ctx, guotu_ledger *l, const guotu_ledger_parcel *in,
                            const unsigned char *wkb, size_t wkb_size) {
    if (!ctx) return GUOTU_ERR_ARGUMENT;
    gt_clear_error(ctx);
    int status = check_open(ctx, l, wkb, "guotu_ledger_add_parcel");
    if (status) return status;
    if (!in) return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "guotu_ledger_add_parcel: NULL argument");
    if (l->years && !l->years_ops->feeding(l->years))
        return gt_fail(ctx, GUOTU_ERR_STATE,
                       "guotu_ledger_add_parcel: this ledger takes two layers (guotu_ledger_add_current/_planned)");
    const char *texts[] = {in->parcel_id,    in->unit_id,      in->project_id,
                           in->project_type, in->current_code, in->planned_code};
    for (size_t i = 0; i < sizeof texts / sizeof *texts; i++)
        if (texts[i] && !gt_utf8_valid(texts[i]))
            return gt_fail(ctx, GUOTU_ERR_DATA,
                           "%s feature %lld: an attribute is not UTF-8 (read the file with its encoding, e.g. GBK)",
                           l->label, (long long)in->fid);
    if (!in->parcel_id || !in->parcel_id[0])
        return gt_fail(ctx, GUOTU_ERR_DATA, "%s feature %lld: the parcel id is empty", l->label, (long long)in->fid);
    const char *pid = in->parcel_id;
    long long fid = (long long)in->fid;
    if (gt_string_table_find(&l->parcel_ids, pid) >= 0)
        return gt_fail(ctx, GUOTU_ERR_DATA, "%s feature %lld: parcel id '%s' is used twice", l->label, fid, pid);
    const char *cur = in->current_code ? in->current_code : "", *plan = in->planned_code ? in->planned_code : "";
    int cur_cat = gt_category_of(l->maps[0], cur), plan_cat = gt_category_of(l->maps[1], plan);
    if (cur_cat < 0)
        return gt_fail(ctx, GUOTU_ERR_DATA,
                       "%s feature %lld (parcel '%s'): current code '%s' is not in the current classification",
                       l->label, fid, pid, cur);
    if (plan_cat < 0)
        return gt_fail(ctx, GUOTU_ERR_DATA,
                       "%s feature %lld (parcel '%s'): planned code '%s' is not in the planned classification",
                       l->label, fid, pid, plan);
    if (!valid_kcxs(in->current_kcxs) || !valid_kcxs(in->planned_kcxs))
        return gt_fail(ctx, GUOTU_ERR_DATA,
                       "%s feature %lld (parcel '%s'): the 田坎 coefficient (KCXS) must be in [0, 1), not %g / %g",
                       l->label, fid, pid, in->current_kcxs, in->planned_kcxs);
    if (!valid_grade(in->current_grade) || !valid_grade(in->planned_grade))
        return gt_fail(ctx, GUOTU_ERR_DATA,
                       "%s feature %lld (parcel '%s'): the cultivated-land grade (GDDB) must be a whole number "
                       "1-15 or empty, not %g / %g",
                       l->label, fid, pid, in->current_grade, in->planned_grade);
    if (!isnan(in->area_m2) && !isfinite(in->area_m2))
        return gt_fail(ctx, GUOTU_ERR_DATA, "%s feature %lld (parcel '%s'): the area is not a number", l->label, fid,
                       pid);
    if (gt_reserve(&l->parcels, &l->parcel_cap, l->parcel_count + 1, sizeof *l->parcels, 256))
        return gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
    lg_parcel *x = &l->parcels[l->parcel_count];
    memset(x, 0, sizeof *x);
    int changed = strcmp(cur, plan) != 0;
    int reclaimed = cur_cat == CONSTRUCTION && plan_cat != CONSTRUCTION;
    int keep_geom = (changed && l->redline.count) ||
                    (reclaimed && l->beaches.count && gt_code_table_find(&l->beach_codes, cur) < 0);
    /* A piece of the two years' overlay is the overlay's own valid polygon and comes with its
     * area: it is read only when a later overlay (red line, river beaches) or the unit polygons
     * need it. A parcel given by the caller is always read: that is where it is checked. */
    int need_geom = keep_geom || !(l->years && l->years_ops->feeding(l->years)) || !(in->area_m2 > 0) ||
                    (l->polygon_units && !(in->unit_id && in->unit_id[0]));
    if (need_geom) {
        int repaired = 0;
        status = gt_read_polygon(ctx, GUOTU_INVALID_REPAIR, l->label, in->fid, wkb, wkb_size, &x->geom, &repaired);
        if (status) return status;
    }
    x->fid = in->fid;
    x->cur_cat = cur_cat;
    x->plan_cat = plan_cat;
    x->kc_cur = isnan(in->current_kcxs) ? 0 : in->current_kcxs;
    x->kc_plan = isnan(in->planned_kcxs) ? x->kc_cur : in->planned_kcxs;
    x->grade_cur = isnan(in->current_grade) ? 0 : in->current_grade;
    x->grade_plan = isnan(in->planned_grade) ? 0 : in->planned_grade;
    x->cult_cur = l->cultivated_listed[0] ? gt_code_table_find(&l->cultivated[0], cur) >= 0 : cur_cat == CULTIVATED;
    x->cult_plan = l->cultivated_listed[1] ? gt_code_table_find(&l->cultivated[1], plan) >= 0 : plan_cat == CULTIVATED;
    if (x->grade_plan == 0 && x->cult_cur && x->cult_plan) x->grade_plan = x->grade_cur;
    x->farm_cur = in->current_farmland != 0;
    x->farm_plan = in->planned_farmland != 0;
    x->restoration = l->types && in->project_type &&
                     guotu_project_types_lookup(l->types, in->project_type) == GUOTU_PROJECT_ECOLOGICAL_RESTORATION;
    x->region = -1;
    x->id = gt_strdup(pid);
    x->unit = gt_strdup(in->unit_id ? in->unit_id : "");
    x->project = gt_strdup(in->project_id && in->project_id[0] ? in->project_id : "*");
    x->current = gt_strdup(cur);
    x->planned = gt_strdup(plan);
    int oom = !x->id || !x->unit || !x->project || !x->current || !x->planned ||
              gt_string_table_intern(&l->parcel_ids, pid) < 0;
    if (!oom) {
        double area = 0;
        if (in->area_m2 > 0)
            area = in->area_m2;
        else if ((status = gt_area_of_geom(ctx, l->calc, x->geom, &area)) != GUOTU_OK)
            oom = -1;
        x->area_m2 = area;
    }
    /* The unit polygon it lies in is found now (the units came first), and the geometry is
     * kept only for the overlays the run will make: the red line (a changed parcel), the river
     * beaches (a reclaimed parcel). A county's unchanged parcels are most of them: their area
     * and unit are all the ledger needs. */
    x->located = -1;
    if (!oom && l->polygon_units && !x->unit[0]) {
        status = l->unit_tree ? GUOTU_OK : index_units(ctx, l);
        if (!status) status = locate_unit(ctx, l, x, &x->located);
        if (status) oom = -1;
    }
    if (!oom && !keep_geom && x->geom) {
        GEOSGeom_destroy_r(ctx->geos, x->geom);
        x->geom = NULL;
    }
    if (oom) {
        free(x->id);
        free(x->unit);
        free(x->project);
        free(x->current);
        free(x->planned);
        if (x->geom) GEOSGeom_destroy_r(ctx->geos, x->geom);
        return oom > 0 ? gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory") : status;
    }
    l->parcel_count++;
    return GUOTU_OK;
}

/* ---- Overlays -------------------------------------------------------------------- */

typedef struct hits {
    size_t *items;
    size_t count, cap;
    int oom;
} hits;

static void collect(void *item, void *user) {
    hits *h = user;
    if (gt_reserve(&h->items, &h->cap, h->count + 1, sizeof *h->items, 16)) {
        h->oom = 1;
        return;
    }
    h->items[h->count++] = (size_t)(intptr_t)item;
}

static int index_layer(guotu_context *ctx, GEOSGeometry *const *geoms, size_t count, GEOSSTRtree **tree,
                       const GEOSPreparedGeometry ***prepared) {
    *tree = GEOSSTRtree_create_r(ctx->geos, 10);
    *prepared = count ? calloc(count, sizeof **prepared) : NULL;
    if (!*tree || (count && !*prepared)) return gt_fail_geos(ctx, GUOTU_ERR_NOMEM, "cannot build a spatial index");
    for (size_t i = 0; i < count; i++) {
        GEOSSTRtree_insert_r(ctx->geos, *tree, geoms[i], (void *)(intptr_t)i);
        (*prepared)[i] = GEOSPrepare_r(ctx->geos, geoms[i]);
        if (!(*prepared)[i]) return gt_fail_geos(ctx, GUOTU_ERR_GEOMETRY, "cannot prepare a polygon");
    }
    return GUOTU_OK;
}

/* Area of the parcel inside the layer's polygons, with overlapping polygons counted once. */
static int area_inside(guotu_context *ctx, guotu_ledger *l, const lg_layer *y, const lg_parcel *x, const char *what,
                       double *area_m2) {
    *area_m2 = 0;
    if (!y->count) return GUOTU_OK;
    hits h = {NULL, 0, 0, 0};
    GEOSSTRtree_query_r(ctx->geos, y->tree, x->geom, collect, &h);
    int status = h.oom ? gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory") : GUOTU_OK;
    GEOSGeometry **parts = h.count ? malloc(h.count * sizeof *parts) : NULL;
    size_t n = 0;
    if (!status && h.count && !parts) status = gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
    for (size_t k = 0; !status && k < h.count; k++) {
        const GEOSPreparedGeometry *pg = y->prepared[h.items[k]];
        if (GEOSPreparedIntersects_r(ctx->geos, pg, x->geom) == 0) continue;
        if (h.count == 1 && GEOSPreparedCovers_r(ctx->geos, pg, x->geom) == 1) {
            *area_m2 = x->area_m2;
            break;
        }
        GEOSGeometry *part = NULL;
        status = gt_overlay_polygonal(ctx, x->geom, y->geoms[h.items[k]], 0, &part, "%s parcel '%s' with %s", l->label,
                                      x->id, what);
        if (part) parts[n++] = part;
    }
    free(h.items);
    if (!status && n) {
        GEOSGeometry *all =
            n == 1 ? parts[0] : GEOSGeom_createCollection_r(ctx->geos, GEOS_GEOMETRYCOLLECTION, parts, (unsigned)n);
        n = 0;
        GEOSGeometry *merged = all ? GEOSUnaryUnion_r(ctx->geos, all) : NULL;
        if (all) GEOSGeom_destroy_r(ctx->geos, all);
        if (!merged)
            status = gt_fail_geos(ctx, GUOTU_ERR_GEOMETRY, "cannot merge the parts of parcel '%s' in %s", x->id, what);
        else {
            status = gt_area_of_geom(ctx, l->calc, merged, area_m2);
            GEOSGeom_destroy_r(ctx->geos, merged);
        }
    }
    for (size_t k = 0; k < n; k++)
        GEOSGeom_destroy_r(ctx->geos, parts[k]);
    free(parts);
    return status;
}

/* The unit polygon the parcel overlaps most, -1 for none. */
static int locate_unit(guotu_context *ctx, guotu_ledger *l, const lg_parcel *x, int *out) {
    *out = -1;
    hits h = {NULL, 0, 0, 0};
    GEOSSTRtree_query_r(ctx->geos, l->unit_tree, x->geom, collect, &h);
    if (h.oom) {
        free(h.items);
        return gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
    }
    double best = 0;
    int status = GUOTU_OK;
    for (size_t k = 0; !status && k < h.count; k++) {
        size_t i = h.items[k];
        if (GEOSPreparedCovers_r(ctx->geos, l->unit_prepared[i], x->geom) == 1) {
            *out = (int)i; /* inside one unit: units do not overlap each other by much */
            break;
        }
        if (GEOSPreparedIntersects_r(ctx->geos, l->unit_prepared[i], x->geom) == 0) continue;
        GEOSGeometry *raw = GEOSIntersection_r(ctx->geos, x->geom, l->regions[i].geom);
        if (!raw) {
            status = gt_fail_geos(ctx, GUOTU_ERR_GEOMETRY, "cannot intersect parcel '%s' with unit '%s'", x->id,
                                  l->regions[i].id);
            break;
        }
        double area = 0;
        status = gt_area_of_geom(ctx, l->calc, raw, &area);
        GEOSGeom_destroy_r(ctx->geos, raw);
        if (!status && area > best) {
            best = area;
            *out = (int)i;
        }
    }
    free(h.items);
    return status;
}

/* The spatial index of the unit polygons, built when the first parcel is added. */
static int index_units(guotu_context *ctx, guotu_ledger *l) {
    GEOSGeometry **geoms = malloc(l->polygon_units * sizeof *geoms);
    if (!geoms) return gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
    for (size_t i = 0; i < l->polygon_units; i++)
        geoms[i] = l->regions[i].geom;
    int status = index_layer(ctx, geoms, l->polygon_units, &l->unit_tree, &l->unit_prepared);
    free(geoms);
    if (status) { /* never half an index: the next parcel would use it */
        for (size_t i = 0; l->unit_prepared && i < l->polygon_units; i++)
            if (l->unit_prepared[i]) GEOSPreparedGeom_destroy_r(ctx->geos, l->unit_prepared[i]);
        free(l->unit_prepared);
        l->unit_prepared = NULL;
        if (l->unit_tree) GEOSSTRtree_destroy_r(ctx->geos, l->unit_tree);
        l->unit_tree = NULL;
    }
    return status;
}

/* ---- Sums ---------------------------------------------------------------------- */

static int text_add(lg_text *t, const char *sep, const char *s) {
    size_t a = t->len ? strlen(sep) : 0, b = strlen(s);
    if (gt_reserve(&t->s, &t->cap, t->len + a + b + 1, 1, 64)) return -1;
    memcpy(t->s + t->len, sep, a);
    memcpy(t->s + t->len + a, s, b + 1);
    t->len += a + b;
    return 0;
}

static int forest_k(const guotu_ledger *l, const lg_parcel *x, double *kc, double *kp) {
    return l->k[0] && guotu_coefficients_lookup(l->k[0], x->current, kc) &&
           guotu_coefficients_lookup(l->k[1], x->planned, kp);
}

static int project_index(guotu_ledger *l, const char *id) {
    for (size_t i = l->project_count; i-- > 0;)
        if (strcmp(l->projects[i].id, id) == 0) return (int)i;
    if (gt_reserve(&l->projects, &l->project_cap, l->project_count + 1, sizeof *l->projects, 16)) return -1;
    lg_project *p = &l->projects[l->project_count];
    memset(p, 0, sizeof *p);
    p->id = gt_strdup(id);
    if (!p->id) return -1;
    p->p.project_id = p->id;
    return (int)l->project_count++;
}

static int add_certificate(guotu_ledger *l, const lg_parcel *x, size_t index) {
    int pi = project_index(l, x->project);
    if (pi < 0 || gt_reserve(&l->certs, &l->cert_cap, l->cert_count + 1, sizeof *l->certs, 64)) return -1;
    lg_project *p = &l->projects[pi];
    lg_cert *c = &l->certs[l->cert_count];
    memset(c, 0, sizeof *c);
    char number[600];
    snprintf(number, sizeof number, "%.500s-%04lld", x->project, (long long)++p->next);
    c->number = gt_strdup(number);
    if (!c->number) return -1;
    guotu_ledger_certificate *g = &c->c;
    g->number = c->number;
    g->parcel_id = x->id;
    g->project_id = x->project;
    g->unit_id = x->region >= 0 ? l->regions[x->region].id : "";
    g->current_code = x->current;
    g->planned_code = x->planned;
    g->fid = x->fid;
    g->parcel_index = index;
    g->planned_category = x->plan_cat;
    double ha = x->area_m2 / 10000.0;
    g->area_ha = ha;
    if (x->cult_plan) {
        g->cultivated_ha = ha * (1 - x->kc_plan);
        g->tiankan_ha = ha * x->kc_plan;
    }
    g->garden_ha = x->plan_cat == GARDEN ? ha : 0;
    g->forest_ha = x->plan_cat == FOREST ? ha : 0;
    g->grass_ha = x->plan_cat == GRASS ? ha : 0;
    double kc = 0, kp = 0;
    g->standard_forest_ha = forest_k(l, x, &kc, &kp) ? ha * (kp - kc) : NAN;
    g->on_river_beach = x->on_beach;
    g->issuable = !x->on_beach;
    p->p.certificates++;
    if (g->issuable) {
        p->p.issuable++;
        p->p.area_ha += ha;
        p->p.cultivated_ha += g->cultivated_ha;
        p->p.tiankan_ha += g->tiankan_ha;
        p->p.garden_ha += g->garden_ha;
        p->p.forest_ha += g->forest_ha;
        p->p.grass_ha += g->grass_ha;
        p->p.standard_forest_ha += g->standard_forest_ha; /* NaN stays NaN: not known */
    }
    l->cert_count++;
    return 0;
}

static void add_parcel_sums(guotu_ledger *l, lg_region *r, const lg_parcel *x) {
    guotu_ledger_unit *u = &r->u;
    double ha = x->area_m2 / 10000.0;
    u->parcels++;
    u->area_ha += ha;
    int c0 = x->cult_cur, c1 = x->cult_plan;
    double net0 = c0 ? ha * (1 - x->kc_cur) : 0, net1 = c1 ? ha * (1 - x->kc_plan) : 0;
    u->cultivated_opening_ha += net0;
    u->cultivated_closing_ha += net1;
    u->tiankan_opening_ha += c0 ? ha * x->kc_cur : 0;
    u->tiankan_closing_ha += c1 ? ha * x->kc_plan : 0;
    if (c0 && !c1) u->cultivated_lost_ha[x->plan_cat] += net0;
    if (!c0 && c1) u->cultivated_gained_ha[x->cur_cat] += net1;
    if (c0 && c1) u->tiankan_change_ha += net1 - net0;
    if (c0) {
        int g = (int)x->grade_cur;
        u->grade_opening_ha[g] += net0;
        if (g) {
            r->grade_sum[0] += net0 * g;
            r->graded[0] += net0;
        }
    }
    if (c1) {
        int g = (int)x->grade_plan;
        u->grade_closing_ha[g] += net1;
        if (g) {
            r->grade_sum[1] += net1 * g;
            r->graded[1] += net1;
        }
    }
    /* Permanent farmland is counted by the area of the parcel's own class (net of 田坎). */
    if (x->farm_cur && !x->farm_plan) {
        double a = c0 ? net0 : ha;
        u->farmland_out_ha += a;
        if (c0 && x->grade_cur) {
            r->farm_grade_sum[0] += a * x->grade_cur;
            r->farm_graded[0] += a;
        } else
            r->farm_graded[0] = -INFINITY; /* something goes out without a grade */
    }
    if (!x->farm_cur && x->farm_plan) {
        double a = c1 ? net1 : ha;
        u->farmland_in_ha += a;
        if (c1 && x->grade_plan) {
            r->farm_grade_sum[1] += a * x->grade_plan;
            r->farm_graded[1] += a;
        } else
            r->farm_graded[1] = -INFINITY;
    }
    int b0 = x->cur_cat == CONSTRUCTION, b1 = x->plan_cat == CONSTRUCTION;
    u->construction_opening_ha += b0 ? ha : 0;
    u->construction_closing_ha += b1 ? ha : 0;
    if (b0 && !b1) u->reclaimed_ha += ha;
    if (!b0 && b1) u->built_ha += ha;
    double kc = 0, kp = 0;
    if (forest_k(l, x, &kc, &kp)) {
        u->forest_opening_ha += ha * kc;
        u->forest_closing_ha += ha * kp;
    } else
        r->forest_unknown++;
}

static const char *ok_zh(int ok) { return ok == 1 ? "通过" : ok == 0 ? "不通过" : "未核验"; }
static const char *ok_en(int ok) { return ok == 1 ? "pass" : ok == 0 ? "fail" : "not checked"; }

static int note(lg_region *r, int ok, const char *zh, const char *en) {
    if (ok == 1) return 0;
    char a[1400], b[1400];
    gt_textf(a, sizeof a, "%s：%s", zh, ok_zh(ok));
    gt_textf(b, sizeof b, "%s: %s", en, ok_en(ok));
    return text_add(&r->zh, "；", a) || text_add(&r->en, "; ", b);
}

static int judge(guotu_ledger *l, lg_region *r) {
    guotu_ledger_unit *u = &r->u;
    const guotu_ledger_options *o = &l->o;
    char zh[1024], en[1024];
    int bad = 0;
    u->quantity_ok = u->cultivated_closing_ha >= u->cultivated_opening_ha - LEDGER_EPS_HA;
    gt_textf(zh, sizeof zh, "L1 耕地数量（扣除田坎）期初 %.4f 公顷、期末 %.4f 公顷", u->cultivated_opening_ha,
             u->cultivated_closing_ha);
    gt_textf(en, sizeof en, "L1 cultivated land (net of 田坎) opening %.4f ha, closing %.4f ha",
             u->cultivated_opening_ha, u->cultivated_closing_ha);
    bad |= note(r, u->quantity_ok, zh, en);

    u->grade_opening_mean = r->graded[0] > 0 ? r->grade_sum[0] / r->graded[0] : NAN;
    u->grade_closing_mean = r->graded[1] > 0 ? r->grade_sum[1] / r->graded[1] : NAN;
    double ungraded = u->grade_opening_ha[0] + u->grade_closing_ha[0];
    if (ungraded > 0)
        u->quality_ok = -1;
    else if (!(r->graded[0] > 0) || !(r->graded[1] > 0))
        u->quality_ok = 1; /* no cultivated land on one side: no mean to lower (L1 judges the quantity) */
    else
        u->quality_ok = u->grade_closing_mean <= u->grade_opening_mean + o->grade_tolerance + 1e-9;
    gt_textf(zh, sizeof zh, "L2 耕地质量 平均等别 期初 %.3f、期末 %.3f（容差 %g），无等别耕地 %.4f 公顷",
             u->grade_opening_mean, u->grade_closing_mean, o->grade_tolerance, ungraded);
    gt_textf(en, sizeof en,
             "L2 cultivated land quality: mean grade opening %.3f, closing %.3f (tolerance %g); land without a "
             "grade %.4f ha",
             u->grade_opening_mean, u->grade_closing_mean, o->grade_tolerance, ungraded);
    bad |= note(r, u->quality_ok, zh, en);

    u->farmland_ratio = u->farmland_out_ha > 0 ? u->farmland_in_ha / u->farmland_out_ha : NAN;
    u->farmland_ok = u->farmland_in_ha >= o->farmland_gain_min * u->farmland_out_ha - LEDGER_EPS_HA;
    gt_textf(zh, sizeof zh, "L3 永久基本农田 调出 %.4f 公顷、调入 %.4f 公顷，应不少于调出的 %g 倍", u->farmland_out_ha,
             u->farmland_in_ha, o->farmland_gain_min);
    gt_textf(en, sizeof en, "L3 permanent farmland out %.4f ha, in %.4f ha, needs at least %g × out",
             u->farmland_out_ha, u->farmland_in_ha, o->farmland_gain_min);
    bad |= note(r, u->farmland_ok, zh, en);
    u->farmland_out_grade = r->farm_graded[0] > 0 ? r->farm_grade_sum[0] / r->farm_graded[0] : NAN;
    u->farmland_in_grade = r->farm_graded[1] > 0 ? r->farm_grade_sum[1] / r->farm_graded[1] : NAN;
    if (!(u->farmland_out_ha > 0) || !(u->farmland_in_ha > 0))
        u->farmland_quality_ok = 1;
    else if (r->farm_graded[0] < 0 || r->farm_graded[1] < 0)
        u->farmland_quality_ok = -1;
    else
        u->farmland_quality_ok = u->farmland_in_grade <= u->farmland_out_grade + o->grade_tolerance + 1e-9;
    gt_textf(zh, sizeof zh, "L3 调入永久基本农田平均等别 %.3f，调出 %.3f（须有等别且不低于调出）", u->farmland_in_grade,
             u->farmland_out_grade);
    gt_textf(en, sizeof en, "L3 mean grade of farmland in %.3f, out %.3f (graded, not worse than out)",
             u->farmland_in_grade, u->farmland_out_grade);
    bad |= note(r, u->farmland_quality_ok, zh, en);

    u->construction_ok = u->construction_closing_ha <= u->construction_opening_ha + LEDGER_EPS_HA;
    gt_textf(zh, sizeof zh, "L4 建设用地总量 期初 %.4f 公顷、期末 %.4f 公顷（拆旧 %.4f、建新 %.4f）",
             u->construction_opening_ha, u->construction_closing_ha, u->reclaimed_ha, u->built_ha);
    gt_textf(en, sizeof en, "L4 construction land opening %.4f ha, closing %.4f ha (reclaimed %.4f, newly built %.4f)",
             u->construction_opening_ha, u->construction_closing_ha, u->reclaimed_ha, u->built_ha);
    bad |= note(r, u->construction_ok, zh, en);

    u->linkage_balance_ha = u->reclaimed_ha - o->linkage_min * u->built_ha;
    u->linkage_ok = u->linkage_balance_ha >= -LEDGER_EPS_HA && u->beach_parcels == 0;
    u->beach_parcel_ids = r->beach_ids.s ? r->beach_ids.s : "";
    gt_textf(zh, sizeof zh,
             "L5 增减挂钩 拆旧 %.4f 公顷、建新 %.4f 公顷 × %g，结余 %.4f；河道滩地上复垦地块 %lld 个（%s）",
             u->reclaimed_ha, u->built_ha, o->linkage_min, u->linkage_balance_ha, (long long)u->beach_parcels,
             u->beach_parcel_ids);
    gt_textf(en, sizeof en,
             "L5 linkage: reclaimed %.4f ha, newly built %.4f ha × %g, balance %.4f; reclaimed parcels on river "
             "beaches %lld (%s)",
             u->reclaimed_ha, u->built_ha, o->linkage_min, u->linkage_balance_ha, (long long)u->beach_parcels,
             u->beach_parcel_ids);
    bad |= note(r, u->linkage_ok, zh, en);

    if (!l->k[0] || r->forest_unknown) {
        u->forest_ok = -1;
        u->forest_opening_ha = u->forest_closing_ha = NAN;
    } else
        u->forest_ok = u->forest_closing_ha >= u->forest_opening_ha - LEDGER_EPS_HA;
    gt_textf(zh, sizeof zh, "L6 标准林地 期初 %.4f 公顷、期末 %.4f 公顷（系数表缺少的地块 %d 个）",
             u->forest_opening_ha, u->forest_closing_ha, r->forest_unknown);
    gt_textf(en, sizeof en, "L6 standard forest opening %.4f ha, closing %.4f ha (parcels whose code k lacks: %d)",
             u->forest_opening_ha, u->forest_closing_ha, r->forest_unknown);
    bad |= note(r, u->forest_ok, zh, en);

    u->redline_parcel_ids = r->redline_ids.s ? r->redline_ids.s : "";
    u->redline_ok = l->redline.count ? u->redline_parcels == 0 : -1;
    gt_textf(zh, sizeof zh, "L7 生态保护红线内非修复类变化 %.4f 公顷、%lld 个地块（%s）%s", u->redline_changed_ha,
             (long long)u->redline_parcels, u->redline_parcel_ids, l->redline.count ? "" : "，未提供红线图层");
    gt_textf(en, sizeof en,
             "L7 changes inside the ecological red line other than restoration %.4f ha, %lld parcels (%s)%s",
             u->redline_changed_ha, (long long)u->redline_parcels, u->redline_parcel_ids,
             l->redline.count ? "" : ", no red-line layer given");
    bad |= note(r, u->redline_ok, zh, en);

    int rules[] = {u->quantity_ok,     u->quality_ok, u->farmland_ok, u->farmland_quality_ok,
                   u->construction_ok, u->linkage_ok, u->forest_ok,   u->redline_ok};
    int fail = 0, unknown = 0;
    for (size_t i = 0; i < sizeof rules / sizeof *rules; i++) {
        fail |= rules[i] == 0;
        unknown |= rules[i] < 0;
    }
    u->verdict = fail ? 0 : unknown ? -1 : 1;
    u->reasons_zh = r->zh.s ? r->zh.s : "";
    u->reasons_en = r->en.s ? r->en.s : "";
    return bad;
}

int guotu_ledger_run(guotu_context *ctx, guotu_ledger *l) {
    if (!ctx) return GUOTU_ERR_ARGUMENT;
    gt_clear_error(ctx);
    if (!l) return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "guotu_ledger_run: NULL argument");
    if (l->ran) return gt_fail(ctx, GUOTU_ERR_STATE, "guotu_ledger_run: the ledger already ran");
    l->ran = 1;
    int status = l->years ? l->years_ops->finish(ctx, l->years, l->o.tolerance_m2) : GUOTU_OK;
    if (!status && l->redline.count)
        status = index_layer(ctx, l->redline.geoms, l->redline.count, &l->redline.tree, &l->redline.prepared);
    if (!status && l->beaches.count)
        status = index_layer(ctx, l->beaches.geoms, l->beaches.count, &l->beaches.tree, &l->beaches.prepared);
    int no_unit = -1;
    for (size_t i = 0; !status && i < l->parcel_count; i++) {
        lg_parcel *x = &l->parcels[i];
        if ((i & 1023) == 0 &&
            gt_report_progress(ctx, 0.95 * (double)i / (double)l->parcel_count, "unit ledger: parcels"))
            return GUOTU_ERR_CANCELLED;
        int region = -1;
        if (x->unit[0]) {
            region = find_region(l, x->unit);
            if (region < 0 && (region = region_new(l, x->unit, "", NULL)) < 0)
                return gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
        } else
            region = x->located;
        if (region < 0) {
            if (no_unit < 0 && (no_unit = region_new(l, "", "", NULL)) < 0)
                return gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
            region = no_unit;
        }
        x->region = region;
        lg_region *r = &l->regions[region];
        int changed = strcmp(x->current, x->planned) != 0;
        if (changed && !x->restoration && l->redline.count) {
            status = area_inside(ctx, l, &l->redline, x, "the ecological red line", &x->redline_m2);
            if (status) break;
            if (x->redline_m2 > l->o.tolerance_m2) {
                r->u.redline_parcels++;
                r->u.redline_changed_ha += x->redline_m2 / 10000.0;
                if (text_add(&r->redline_ids, ",", x->id)) return gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
            }
        }
        int reclaimed = x->cur_cat == CONSTRUCTION && x->plan_cat != CONSTRUCTION;
        if (reclaimed) {
            double beach_m2 = 0;
            if (gt_code_table_find(&l->beach_codes, x->current) >= 0)
                beach_m2 = x->area_m2;
            else if ((status = area_inside(ctx, l, &l->beaches, x, "river beaches", &beach_m2)) != GUOTU_OK)
                break;
            if (beach_m2 > l->o.tolerance_m2) {
                x->on_beach = 1;
                r->u.beach_parcels++;
                r->u.beach_ha += beach_m2 / 10000.0;
                if (text_add(&r->beach_ids, ",", x->id)) return gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
            }
        }
        add_parcel_sums(l, r, x);
        if (reclaimed && (x->cult_plan || x->plan_cat == GARDEN || x->plan_cat == FOREST || x->plan_cat == GRASS) &&
            add_certificate(l, x, i))
            return gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
    }
    if (status) return status;
    for (size_t i = 0; i < l->region_count; i++) {
        lg_region *r = &l->regions[i];
        r->u.unit_id = r->id;
        r->u.name = r->name;
        if (judge(l, r)) return gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
    }
    /* Units named by parcels came in order of first parcel, but "" (no unit) must come last. */
    if (no_unit >= 0 && (size_t)no_unit != l->region_count - 1) {
        /* The strings the certificates borrow are the regions' own allocations: moving the rows keeps them. */
        lg_region keep = l->regions[no_unit];
        memmove(&l->regions[no_unit], &l->regions[no_unit + 1],
                (l->region_count - (size_t)no_unit - 1) * sizeof *l->regions);
        l->regions[l->region_count - 1] = keep;
        for (size_t i = 0; i < l->region_count; i++) {
            l->regions[i].u.unit_id = l->regions[i].id;
            l->regions[i].u.name = l->regions[i].name;
        }
    }
    gt_report_progress(ctx, 1.0, "unit ledger: done");
    l->done = 1;
    return GUOTU_OK;
}

/* ---- Results ------------------------------------------------------------------- */

static int check_done(guotu_context *ctx, const guotu_ledger *l, size_t i, size_t count, const void *out,
                      const char *fn) {
    if (!ctx) return GUOTU_ERR_ARGUMENT;
    gt_clear_error(ctx);
    if (!l || !out) return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "%s: NULL argument", fn);
    if (!l->done) return gt_fail(ctx, GUOTU_ERR_STATE, "%s: the ledger has not run", fn);
    if (i >= count) return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "%s: index %zu out of range", fn, i);
    return GUOTU_OK;
}

size_t guotu_ledger_unit_count(const guotu_ledger *l) { return l && l->done ? l->region_count : 0; }
size_t guotu_ledger_certificate_count(const guotu_ledger *l) { return l && l->done ? l->cert_count : 0; }
size_t guotu_ledger_project_count(const guotu_ledger *l) { return l && l->done ? l->project_count : 0; }

int guotu_ledger_unit_at(guotu_context *ctx, const guotu_ledger *l, size_t i, guotu_ledger_unit *out) {
    int status = check_done(ctx, l, i, l ? l->region_count : 0, out, "guotu_ledger_unit_at");
    if (!status) *out = l->regions[i].u;
    return status;
}

int guotu_ledger_certificate_at(guotu_context *ctx, const guotu_ledger *l, size_t i, guotu_ledger_certificate *out) {
    int status = check_done(ctx, l, i, l ? l->cert_count : 0, out, "guotu_ledger_certificate_at");
    if (!status) *out = l->certs[i].c;
    return status;
}

int guotu_ledger_project_at(guotu_context *ctx, const guotu_ledger *l, size_t i, guotu_ledger_project *out) {
    int status = check_done(ctx, l, i, l ? l->project_count : 0, out, "guotu_ledger_project_at");
    if (!status) *out = l->projects[i].p;
    return status;
}

/* ---- Two survey years (ledger_years.c) ------------------------------------------ */

lg_years **gt_ledger_years_slot(guotu_ledger *l, gt_ledger_setup *setup, const gt_ledger_years_ops *ops) {
    l->years_ops = ops;
    setup->maps[0] = l->maps[0];
    setup->maps[1] = l->maps[1];
    setup->k[0] = l->k[0];
    setup->k[1] = l->k[1];
    setup->crs = l->crs;
    setup->area_method = l->o.area_method;
    setup->tolerance_m2 = l->o.tolerance_m2;
    setup->label = l->label;
    setup->calc = l->calc;
    setup->parcel_count = l->parcel_count;
    setup->ran = l->ran;
    setup->piece_fn = l->piece_fn;
    setup->piece_user = l->piece_user;
    return &l->years;
}

void guotu_ledger_set_piece_callback(guotu_ledger *l, guotu_ledger_piece_fn fn, void *user_data) {
    if (!l) return;
    l->piece_fn = fn;
    l->piece_user = user_data;
}

int guotu_ledger_slivers(const guotu_ledger *l, int64_t *count, double *area_m2) {
    int64_t n = 0;
    double a = 0;
    int two = l && l->years && l->years_ops->slivers(l->years, &n, &a);
    if (count) *count = n;
    if (area_m2) *area_m2 = a;
    return two;
}
