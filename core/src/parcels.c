/* parcels.c — rectification parcel check: inputs and the per-parcel rules (see guotu_parcels.h). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parcels_internal.h"
#include "polygon_input.h"

static const char *const line_labels[PARCEL_LINES] = {"ecological_redline", "permanent_farmland", "urban_boundary"};
static const char *const category_zh[GT_CATEGORIES] = {"耕地",     "园地",     "林地",         "草地", "农田水利用地",
                                                       "养殖水面", "河流水面", "其他未利用地", "海域", "建设用地"};
enum { CULTIVATED = 0, CONSTRUCTION = 9 };

void guotu_parcels_options_init(guotu_parcels_options *o) {
    if (!o) return;
    memset(o, 0, sizeof *o);
    o->area_method = GUOTU_AREA_ELLIPSOIDAL;
    o->tolerance_m2 = 1.0;
    o->new_cultivated_min = 0.05;
    o->farmland_gain_min = 1.05;
}

/* ---- Lifetime ------------------------------------------------------------ */

static int parse_beach_codes(guotu_parcels *p, const char *list) {
    if (!list) return 0;
    const char *s = list;
    while (*s) {
        while (*s == ',' || *s == ' ')
            s++;
        size_t n = strcspn(s, ", ");
        if (n) {
            char code[64];
            if (n >= sizeof code) n = sizeof code - 1;
            memcpy(code, s, n);
            code[n] = '\0';
            if (gt_code_table_find_exact(&p->beach_codes, code) < 0 && gt_code_table_add(&p->beach_codes, code) < 0)
                return -1;
        }
        s += n;
    }
    return 0;
}

int guotu_parcels_create(guotu_context *ctx, const guotu_parcels_options *opts, const guotu_project_types *types,
                         const guotu_category_map *current_map, const guotu_category_map *planned_map,
                         const guotu_policy *policy, const guotu_coefficients *current_k,
                         const guotu_coefficients *planned_k, guotu_parcels **out) {
    if (!ctx) return GUOTU_ERR_ARGUMENT;
    gt_clear_error(ctx);
    if (!opts || !types || !current_map || !planned_map || !policy || !out)
        return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "guotu_parcels_create: NULL argument");
    *out = NULL;
    if (!(opts->tolerance_m2 >= 0) || !(opts->new_cultivated_min >= 0) || !(opts->farmland_gain_min >= 0))
        return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "tolerance and thresholds must be numbers >= 0");
    guotu_parcels *p = calloc(1, sizeof *p);
    if (!p) return gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
    p->o = *opts;
    p->o.crs = NULL;
    p->o.river_beach_codes = NULL;
    p->label = gt_strdup(opts->parcels_label && opts->parcels_label[0] ? opts->parcels_label : "parcels");
    p->o.parcels_label = p->label;
    p->types = types;
    p->current_map = current_map;
    p->planned_map = planned_map;
    p->policy = policy;
    p->current_k = current_k;
    p->planned_k = planned_k;
    p->writer = GEOSWKBWriter_create_r(ctx->geos);
    int status = p->writer && p->label && !parse_beach_codes(p, opts->river_beach_codes)
                     ? guotu_area_calc_create(ctx, opts->crs, opts->area_method, &p->calc)
                     : gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
    if (status) {
        guotu_parcels_destroy(ctx, p);
        return status;
    }
    *out = p;
    return GUOTU_OK;
}

static void layer_free(guotu_context *ctx, pc_layer *l) {
    for (size_t i = 0; i < l->count; i++)
        GEOSGeom_destroy_r(ctx->geos, l->items[i].geom);
    free(l->items);
    if (l->tree) GEOSSTRtree_destroy_r(ctx->geos, l->tree);
}

static void parcel_free(guotu_context *ctx, pc_parcel *x) {
    free(x->id);
    free(x->type);
    free(x->project);
    free(x->current);
    free(x->planned);
    if (x->geom) GEOSGeom_destroy_r(ctx->geos, x->geom);
    for (size_t i = 0; i < x->reason_count; i++) {
        pc_reason *r = &x->reasons[i];
        free(r->other);
        free(r->zh);
        free(r->en);
        if (r->geom) GEOSGeom_destroy_r(ctx->geos, r->geom);
    }
    free(x->reasons);
    free(x->rule_ids);
    free(x->reasons_zh);
    free(x->reasons_en);
}

void guotu_parcels_destroy(guotu_context *ctx, guotu_parcels *p) {
    if (!p) return;
    for (int k = 0; k < PARCEL_LINES; k++)
        layer_free(ctx, &p->lines[k]);
    layer_free(ctx, &p->beaches);
    pc_regions_free(ctx, &p->villages);
    pc_regions_free(ctx, &p->units);
    pc_regions_free(ctx, &p->projects);
    for (size_t i = 0; i < p->parcel_count; i++)
        parcel_free(ctx, &p->parcels[i]);
    free(p->parcels);
    gt_string_table_free(&p->parcel_ids);
    gt_code_table_free(&p->beach_codes);
    if (p->writer) GEOSWKBWriter_destroy_r(ctx->geos, p->writer);
    gt_direct_work_free(ctx, &p->direct);
    guotu_area_calc_destroy(ctx, p->calc);
    free(p->label);
    free(p);
}

/* ---- Inputs ------------------------------------------------------------------ */

static int check_open(guotu_context *ctx, const guotu_parcels *p, const void *wkb, const char *fn) {
    if (!p || !wkb) return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "%s: NULL argument", fn);
    if (p->ran) return gt_fail(ctx, GUOTU_ERR_STATE, "%s: the check already ran", fn);
    return GUOTU_OK;
}

static int layer_add(guotu_context *ctx, pc_layer *l, const char *label, int64_t fid, const unsigned char *wkb,
                     size_t wkb_size) {
    GEOSGeometry *g = NULL;
    int repaired = 0;
    int status = gt_read_polygon(ctx, GUOTU_INVALID_REPAIR, label, fid, wkb, wkb_size, &g, &repaired);
    if (status) return status;
    if (gt_reserve(&l->items, &l->cap, l->count + 1, sizeof *l->items, 64)) {
        GEOSGeom_destroy_r(ctx->geos, g);
        return gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
    }
    l->items[l->count++] = (pc_feature){g, fid};
    return GUOTU_OK;
}

int guotu_parcels_add_line(guotu_context *ctx, guotu_parcels *p, guotu_line line, int64_t fid, const unsigned char *wkb,
                           size_t wkb_size) {
    if (!ctx) return GUOTU_ERR_ARGUMENT;
    gt_clear_error(ctx);
    int status = check_open(ctx, p, wkb, "guotu_parcels_add_line");
    if (status) return status;
    if ((int)line < 0 || (int)line >= PARCEL_LINES)
        return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "unknown line %d", (int)line);
    return layer_add(ctx, &p->lines[line], line_labels[line], fid, wkb, wkb_size);
}

int guotu_parcels_add_river_beach(guotu_context *ctx, guotu_parcels *p, int64_t fid, const unsigned char *wkb,
                                  size_t wkb_size) {
    if (!ctx) return GUOTU_ERR_ARGUMENT;
    gt_clear_error(ctx);
    int status = check_open(ctx, p, wkb, "guotu_parcels_add_river_beach");
    return status ? status : layer_add(ctx, &p->beaches, "river beaches", fid, wkb, wkb_size);
}

static int region_add(guotu_context *ctx, pc_regions *r, const char *what, const char *id, const char *name,
                      double original_ha, int64_t fid, const unsigned char *wkb, size_t wkb_size) {
    if (!id || !id[0] || !gt_utf8_valid(id))
        return gt_fail(ctx, GUOTU_ERR_DATA, "%s feature %lld: empty or non-UTF-8 id", what, (long long)fid);
    if (name && !gt_utf8_valid(name)) return gt_fail(ctx, GUOTU_ERR_DATA, "%s '%s': the name is not UTF-8", what, id);
    for (size_t i = 0; i < r->count; i++)
        if (strcmp(r->items[i].id, id) == 0)
            return gt_fail(ctx, GUOTU_ERR_DATA, "%s id '%s' is used twice (features %lld and %lld)", what, id,
                           (long long)r->items[i].fid, (long long)fid);
    GEOSGeometry *g = NULL;
    int repaired = 0;
    int status = gt_read_polygon(ctx, GUOTU_INVALID_REPAIR, what, fid, wkb, wkb_size, &g, &repaired);
    if (status) return status;
    if (pc_regions_add(r, id, name ? name : "", original_ha, fid, g) < 0) {
        GEOSGeom_destroy_r(ctx->geos, g);
        return gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
    }
    return GUOTU_OK;
}

int guotu_parcels_add_village(guotu_context *ctx, guotu_parcels *p, const char *id, const char *name, int64_t fid,
                              const unsigned char *wkb, size_t wkb_size) {
    if (!ctx) return GUOTU_ERR_ARGUMENT;
    gt_clear_error(ctx);
    int status = check_open(ctx, p, wkb, "guotu_parcels_add_village");
    return status ? status : region_add(ctx, &p->villages, "villages", id, name, NAN, fid, wkb, wkb_size);
}

int guotu_parcels_add_unit(guotu_context *ctx, guotu_parcels *p, const char *id, const char *name,
                           double original_cultivated_ha, int64_t fid, const unsigned char *wkb, size_t wkb_size) {
    if (!ctx) return GUOTU_ERR_ARGUMENT;
    gt_clear_error(ctx);
    int status = check_open(ctx, p, wkb, "guotu_parcels_add_unit");
    if (status) return status;
    if (!isnan(original_cultivated_ha) && !(original_cultivated_ha >= 0 && isfinite(original_cultivated_ha)))
        return gt_fail(ctx, GUOTU_ERR_DATA, "consolidation unit '%s': original cultivated land must be >= 0 ha",
                       id ? id : "");
    return region_add(ctx, &p->units, "consolidation units", id, name, original_cultivated_ha, fid, wkb, wkb_size);
}

static char *copy_text(const char *s) { return gt_strdup(s ? s : ""); }

int guotu_parcels_add(guotu_context *ctx, guotu_parcels *p, const guotu_parcel_input *in, const unsigned char *wkb,
                      size_t wkb_size) {
    if (!ctx) return GUOTU_ERR_ARGUMENT;
    gt_clear_error(ctx);
    int status = check_open(ctx, p, wkb, "guotu_parcels_add");
    if (status) return status;
    if (!in) return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "guotu_parcels_add: NULL argument");
    const char *texts[] = {in->parcel_id, in->type, in->project_id, in->current_code, in->planned_code};
    for (size_t i = 0; i < sizeof texts / sizeof *texts; i++)
        if (texts[i] && !gt_utf8_valid(texts[i]))
            return gt_fail(ctx, GUOTU_ERR_DATA,
                           "%s feature %lld: an attribute is not UTF-8 (read the file with its "
                           "encoding, e.g. GBK)",
                           p->label, (long long)in->fid);
    if (!in->parcel_id || !in->parcel_id[0])
        return gt_fail(ctx, GUOTU_ERR_DATA, "%s feature %lld: the parcel id is empty", p->label, (long long)in->fid);
    if (gt_string_table_find(&p->parcel_ids, in->parcel_id) >= 0)
        return gt_fail(ctx, GUOTU_ERR_DATA, "%s feature %lld: parcel id '%s' is used twice", p->label,
                       (long long)in->fid, in->parcel_id);
    if (gt_reserve(&p->parcels, &p->parcel_cap, p->parcel_count + 1, sizeof *p->parcels, 256))
        return gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
    pc_parcel *x = &p->parcels[p->parcel_count];
    memset(x, 0, sizeof *x);
    x->village = x->group = -1;
    x->fid = in->fid;
    GEOSGeometry *location = NULL;
    status = gt_read_polygon_detail(ctx, GUOTU_INVALID_REPAIR, p->label, in->fid, wkb, wkb_size, &x->geom, &x->repaired,
                                    x->invalid_reason, sizeof x->invalid_reason, &location);
    if (location) GEOSGeom_destroy_r(ctx->geos, location);
    if (status) return status;
    x->id = copy_text(in->parcel_id);
    x->type = copy_text(in->type);
    x->project = copy_text(in->project_id);
    x->current = copy_text(in->current_code);
    x->planned = copy_text(in->planned_code);
    if (!x->id || !x->type || !x->project || !x->current || !x->planned ||
        gt_string_table_intern(&p->parcel_ids, in->parcel_id) < 0) {
        parcel_free(ctx, x);
        return gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
    }
    p->parcel_count++;
    return GUOTU_OK;
}

/* ---- Reasons -------------------------------------------------------------------- */

int pc_add_reason(guotu_context *ctx, pc_parcel *x, const char *rule, int severity, double area_m2, const char *other,
                  GEOSGeometry *geom, const char *zh, const char *en) {
    if (gt_reserve(&x->reasons, &x->reason_cap, x->reason_count + 1, sizeof *x->reasons, 4)) {
        if (geom) GEOSGeom_destroy_r(ctx->geos, geom);
        return gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
    }
    pc_reason *r = &x->reasons[x->reason_count];
    memset(r, 0, sizeof *r);
    snprintf(r->rule, sizeof r->rule, "%s", rule);
    r->severity = severity;
    r->area_ha = area_m2 / 10000.0;
    r->share = x->area_m2 > 0 ? area_m2 / x->area_m2 : 0;
    r->other = other ? gt_strdup(other) : NULL;
    r->zh = gt_strdup(zh);
    r->en = gt_strdup(en);
    r->geom = geom;
    x->reason_count++;
    if (!r->zh || !r->en || (other && !r->other)) return gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
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

static int build_index(guotu_context *ctx, pc_feature *items, size_t count, GEOSSTRtree **tree) {
    *tree = GEOSSTRtree_create_r(ctx->geos, 10);
    if (!*tree) return gt_fail_geos(ctx, GUOTU_ERR_GEOMETRY, "cannot build a spatial index");
    for (size_t i = 0; i < count; i++)
        GEOSSTRtree_insert_r(ctx->geos, *tree, items[i].geom, (void *)(intptr_t)i);
    return GUOTU_OK;
}

/* The part of `geom` inside the layer's polygons (a new geometry, NULL when none) and its area. */
static int inside_layer(guotu_context *ctx, guotu_parcels *p, const pc_layer *l, const GEOSGeometry *geom,
                        const char *what, GEOSGeometry **inside, double *area_m2) {
    *inside = NULL;
    *area_m2 = 0;
    if (!l->count) return GUOTU_OK;
    hits h = {NULL, 0, 0, 0};
    GEOSSTRtree_query_r(ctx->geos, l->tree, geom, collect, &h);
    if (h.oom) {
        free(h.items);
        return gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
    }
    GEOSGeometry **parts = h.count ? malloc(h.count * sizeof *parts) : NULL;
    size_t n = 0;
    int status = h.count && !parts ? gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory") : GUOTU_OK;
    for (size_t k = 0; !status && k < h.count; k++) {
        const GEOSGeometry *other = l->items[h.items[k]].geom;
        GEOSGeometry *part = NULL;
        /* Lines drawn on the parcels' own boundaries: the same parcel, neighbours and clean
         * crossings are answered by the direct clip; the rest goes to GEOS. */
        int answered = gt_direct_overlap(ctx, &p->direct, geom, other, &part);
        if (answered < 0) {
            status = gt_fail_geos(ctx, GUOTU_ERR_GEOMETRY, "cannot intersect %s with %s %lld (out of memory?)",
                                  p->label, what, (long long)l->items[h.items[k]].fid);
            break;
        }
        /* 2 (a GEOS exception) goes on to the overlay, which fails with a message if it must. */
        if (!answered && GEOSIntersects_r(ctx->geos, geom, other) == 0) continue;
        if (!answered)
            status = gt_overlay_polygonal(ctx, geom, other, 0, &part, "%s with %s %lld", p->label, what,
                                          (long long)l->items[h.items[k]].fid);
        if (part) parts[n++] = part;
    }
    free(h.items);
    if (!status && n) {
        /* Features of one layer may overlap each other: union the pieces so no area counts twice. */
        GEOSGeometry *all =
            n == 1 ? parts[0] : GEOSGeom_createCollection_r(ctx->geos, GEOS_GEOMETRYCOLLECTION, parts, (unsigned)n);
        n = 0; /* the parts belong to `all`; GEOS takes them over even when it fails */
        if (!all) {
            status = gt_fail_geos(ctx, GUOTU_ERR_GEOMETRY, "cannot collect the parts of %s in %s", p->label, what);
        } else {
            GEOSGeometry *merged = GEOSUnaryUnion_r(ctx->geos, all);
            GEOSGeom_destroy_r(ctx->geos, all);
            *inside = merged ? gt_polygonal_part(ctx, merged) : NULL;
            if (merged) GEOSGeom_destroy_r(ctx->geos, merged);
            if (!merged)
                status = gt_fail_geos(ctx, GUOTU_ERR_GEOMETRY, "cannot merge the parts of %s in %s", p->label, what);
            else if (*inside)
                status = gt_area_of_geom(ctx, p->calc, *inside, area_m2);
        }
    }
    for (size_t k = 0; k < n; k++)
        GEOSGeom_destroy_r(ctx->geos, parts[k]);
    free(parts);
    return status;
}

/* Index of the region the geometry overlaps most, -1 for none. */
static int largest_overlap(guotu_context *ctx, guotu_parcels *p, pc_regions *r, const GEOSGeometry *geom, int *out) {
    *out = -1;
    double best = 0;
    for (size_t i = 0; i < r->count; i++) {
        pc_region *region = &r->items[i];
        const GEOSGeometry *g = region->geom;
        /* A parcel well inside its village (most of them) is measured as it is: the prepared
         * (indexed) test answers without an overlay. */
        if (!region->prepared && !(region->prepared = GEOSPrepare_r(ctx->geos, g)))
            return gt_fail_geos(ctx, GUOTU_ERR_GEOMETRY, "cannot prepare '%s'", region->id);
        if (GEOSPreparedContainsProperly_r(ctx->geos, region->prepared, geom) == 1) {
            double area = 0;
            int status = gt_area_of_geom(ctx, p->calc, geom, &area);
            if (status) return status;
            if (area > best) {
                best = area;
                *out = (int)i;
            }
            continue;
        }
        /* Villages dissolved from the parcels: most other pairs are apart or neighbours,
         * answered by the direct clip (which first compares the boxes); the rest goes to GEOS. */
        GEOSGeometry *raw = NULL;
        int answered = gt_direct_overlap(ctx, &p->direct, geom, g, &raw);
        if (answered < 0)
            return gt_fail_geos(ctx, GUOTU_ERR_GEOMETRY, "cannot intersect %s with '%s' (out of memory?)", p->label,
                                r->items[i].id);
        if (answered && !raw) continue;
        if (!answered && GEOSPreparedIntersects_r(ctx->geos, region->prepared, geom) == 0) continue;
        if (!answered) raw = GEOSIntersection_r(ctx->geos, geom, g);
        if (!raw) return gt_fail_geos(ctx, GUOTU_ERR_GEOMETRY, "cannot intersect %s with '%s'", p->label, region->id);
        double area = 0;
        int status = gt_area_of_geom(ctx, p->calc, raw, &area);
        GEOSGeom_destroy_r(ctx->geos, raw);
        if (status) return status;
        if (area > best) {
            best = area;
            *out = (int)i;
        }
    }
    return GUOTU_OK;
}

/* ---- Per-parcel rules --------------------------------------------------------------- */

static const char *cat_zh(int c) { return c >= 0 && c < GT_CATEGORIES ? category_zh[c] : "未知"; }

static int check_codes(guotu_context *ctx, guotu_parcels *p, pc_parcel *x) {
    char zh[512], en[512];
    int status = GUOTU_OK;
    if (x->repaired) {
        gt_textf(zh, sizeof zh, "地块几何无效（%s），已按修复后的几何检查，请修正", x->invalid_reason);
        gt_textf(en, sizeof en, "invalid geometry (%s); checked as repaired, fix the parcel", x->invalid_reason);
        status = pc_add_reason(ctx, x, "P01", SEV_FAIL, x->area_m2, NULL, NULL, zh, en);
    }
    x->kind = guotu_project_types_lookup(p->types, x->type);
    if (!status && x->kind < 0) {
        gt_textf(zh, sizeof zh, "整治类型“%s”不在类型表中", x->type);
        gt_textf(en, sizeof en, "project type '%s' is not in the type table", x->type);
        status = pc_add_reason(ctx, x, "P02", SEV_FAIL, x->area_m2, NULL, NULL, zh, en);
    }
    x->cur_cat = gt_category_of(p->current_map, x->current);
    x->plan_cat = gt_category_of(p->planned_map, x->planned);
    if (!status && x->cur_cat < 0) {
        gt_textf(zh, sizeof zh, "现状地类编码“%s”不在现状分类表中，无法判断用途转换", x->current);
        gt_textf(en, sizeof en,
                 "current code '%s' is not in the current classification: the conversion cannot be judged", x->current);
        status = pc_add_reason(ctx, x, "P03", SEV_FAIL, x->area_m2, NULL, NULL, zh, en);
    }
    if (!status && x->plan_cat < 0) {
        gt_textf(zh, sizeof zh, "规划地类编码“%s”不在规划分类表中，无法判断用途转换", x->planned);
        gt_textf(en, sizeof en,
                 "planned code '%s' is not in the planned classification: the conversion cannot be judged", x->planned);
        status = pc_add_reason(ctx, x, "P03", SEV_FAIL, x->area_m2, NULL, NULL, zh, en);
    }
    return status;
}

static int check_conversion(guotu_context *ctx, guotu_parcels *p, pc_parcel *x) {
    x->rule = (guotu_policy_rule){"unknown", "", ""};
    if (x->cur_cat < 0 || x->plan_cat < 0) return GUOTU_OK;
    gt_policy_rule(p->policy, x->cur_cat, x->plan_cat, &x->rule);
    const char *s = x->rule.status;
    const char *from = gt_category_name(x->cur_cat), *to = gt_category_name(x->plan_cat);
    char zh[1024], en[1024];
    const char *fz = cat_zh(x->cur_cat), *tz = cat_zh(x->plan_cat);
    if (strcmp(s, "prohibited") == 0) {
        gt_textf(zh, sizeof zh, "用途转换 %s→%s 禁止：%s", fz, tz, x->rule.paths_zh);
        gt_textf(en, sizeof en, "conversion %s → %s is prohibited: %s", from, to, x->rule.paths_en);
        return pc_add_reason(ctx, x, "P12", SEV_FAIL, x->area_m2, NULL, NULL, zh, en);
    }
    if (strcmp(s, "gap") == 0) {
        gt_textf(zh, sizeof zh, "用途转换 %s→%s 为政策空白，需专项审批", fz, tz);
        gt_textf(en, sizeof en, "conversion %s → %s is a policy gap: needs special approval", from, to);
        return pc_add_reason(ctx, x, "P13", SEV_CONDITION, x->area_m2, NULL, NULL, zh, en);
    }
    if (strcmp(s, "conditional") == 0) {
        gt_textf(zh, sizeof zh, "用途转换 %s→%s 有条件允许：%s", fz, tz, x->rule.paths_zh);
        gt_textf(en, sizeof en, "conversion %s → %s is conditional: %s", from, to, x->rule.paths_en);
        return pc_add_reason(ctx, x, "P14", SEV_CONDITION, x->area_m2, NULL, NULL, zh, en);
    }
    if (strcmp(s, "path") == 0) {
        gt_textf(zh, sizeof zh, "用途转换 %s→%s 按程序办理：%s", fz, tz, x->rule.paths_zh);
        gt_textf(en, sizeof en, "conversion %s → %s follows its procedure: %s", from, to, x->rule.paths_en);
        return pc_add_reason(ctx, x, "P15", SEV_INFO, x->area_m2, NULL, NULL, zh, en);
    }
    return GUOTU_OK;
}

static int check_lines(guotu_context *ctx, guotu_parcels *p, pc_parcel *x) {
    char zh[512], en[512];
    double tol = p->o.tolerance_m2, pct = 0;
    GEOSGeometry *in_red = NULL, *in_farm = NULL;
    int status = inside_layer(ctx, p, &p->lines[GUOTU_LINE_REDLINE], x->geom, "the red line", &in_red, &x->redline_m2);
    if (!status)
        status = inside_layer(ctx, p, &p->lines[GUOTU_LINE_FARMLAND], x->geom, "the permanent farmland", &in_farm,
                              &x->farmland_m2);
    if (!status && x->redline_m2 > tol) {
        pct = 100.0 * x->redline_m2 / x->area_m2;
        int allowed = x->kind == GUOTU_PROJECT_ECOLOGICAL_RESTORATION;
        if (allowed) {
            gt_textf(zh, sizeof zh, "生态保护修复项目位于生态保护红线内 %.4f 公顷（占 %.1f%%），允许",
                     x->redline_m2 / 1e4, pct);
            gt_textf(en, sizeof en, "ecological restoration inside the red line: %.4f ha (%.1f%%), allowed",
                     x->redline_m2 / 1e4, pct);
        } else {
            gt_textf(zh, sizeof zh, "位于生态保护红线内 %.4f 公顷（占 %.1f%%）：红线内仅允许生态保护修复",
                     x->redline_m2 / 1e4, pct);
            gt_textf(en, sizeof en,
                     "inside the ecological red line: %.4f ha (%.1f%%); only ecological restoration may "
                     "work there",
                     x->redline_m2 / 1e4, pct);
        }
        status = pc_add_reason(ctx, x, "P10", allowed ? SEV_INFO : SEV_FAIL, x->redline_m2, NULL, in_red, zh, en);
        in_red = NULL;
    }
    int planned_construction = x->plan_cat == CONSTRUCTION;
    if (!status && planned_construction && x->farmland_m2 > tol) {
        pct = 100.0 * x->farmland_m2 / x->area_m2;
        gt_textf(zh, sizeof zh, "规划建设用地占用永久基本农田 %.4f 公顷（占 %.1f%%）", x->farmland_m2 / 1e4, pct);
        gt_textf(en, sizeof en, "planned construction on permanent farmland: %.4f ha (%.1f%%)", x->farmland_m2 / 1e4,
                 pct);
        status = pc_add_reason(ctx, x, "P11", SEV_FAIL, x->farmland_m2, NULL, in_farm, zh, en);
        in_farm = NULL;
    }
    if (in_red) GEOSGeom_destroy_r(ctx->geos, in_red);
    if (in_farm) GEOSGeom_destroy_r(ctx->geos, in_farm);
    /* P17 is about new construction land: existing villages outside the boundary stay. */
    if (status || !planned_construction || x->cur_cat == CONSTRUCTION) return status;

    GEOSGeometry *in_urban = NULL, *outside = NULL;
    double urban_m2 = 0;
    status = inside_layer(ctx, p, &p->lines[GUOTU_LINE_URBAN], x->geom, "the urban boundary", &in_urban, &urban_m2);
    if (!status) {
        x->outside_urban_m2 = x->area_m2 - urban_m2;
        if (x->outside_urban_m2 < 0) x->outside_urban_m2 = 0;
        if (x->outside_urban_m2 > tol) {
            GEOSGeometry *raw =
                in_urban ? GEOSDifference_r(ctx->geos, x->geom, in_urban) : GEOSGeom_clone_r(ctx->geos, x->geom);
            if (!raw) {
                if (in_urban) GEOSGeom_destroy_r(ctx->geos, in_urban);
                return gt_fail_geos(ctx, GUOTU_ERR_GEOMETRY, "%s parcel '%s': cannot take the urban boundary away",
                                    p->label, x->id);
            }
            outside = gt_polygonal_part(ctx, raw);
            GEOSGeom_destroy_r(ctx->geos, raw);
            pct = 100.0 * x->outside_urban_m2 / x->area_m2;
            gt_textf(zh, sizeof zh, "规划建设用地位于城镇开发边界外 %.4f 公顷（占 %.1f%%）", x->outside_urban_m2 / 1e4,
                     pct);
            gt_textf(en, sizeof en, "planned construction outside the urban boundary: %.4f ha (%.1f%%)",
                     x->outside_urban_m2 / 1e4, pct);
            status = pc_add_reason(ctx, x, "P17", SEV_CONDITION, x->outside_urban_m2, NULL, outside, zh, en);
        }
    }
    if (in_urban) GEOSGeom_destroy_r(ctx->geos, in_urban);
    return status;
}

/* New cultivated land (开垦/复垦) or a reclamation project on a river beach. */
static int check_beach(guotu_context *ctx, guotu_parcels *p, pc_parcel *x) {
    int reclaims = x->kind == GUOTU_PROJECT_CONSTRUCTION_RECLAMATION ||
                   (x->plan_cat == CULTIVATED && x->cur_cat >= 0 && x->cur_cat != CULTIVATED);
    if (!reclaims) return GUOTU_OK;
    GEOSGeometry *on_beach = NULL;
    double beach_m2 = 0;
    int status = inside_layer(ctx, p, &p->beaches, x->geom, "the river beaches", &on_beach, &beach_m2);
    if (status) return status;
    int coded = gt_code_table_find(&p->beach_codes, x->current) >= 0;
    if (coded) { /* the current use itself is a river beach: all of the parcel */
        if (on_beach) GEOSGeom_destroy_r(ctx->geos, on_beach);
        on_beach = NULL;
        beach_m2 = x->area_m2;
    }
    if (beach_m2 <= p->o.tolerance_m2) {
        if (on_beach) GEOSGeom_destroy_r(ctx->geos, on_beach);
        return GUOTU_OK;
    }
    char zh[512], en[512];
    double pct = 100.0 * beach_m2 / x->area_m2;
    gt_textf(zh, sizeof zh, "在河滩地上开垦复垦 %.4f 公顷（占 %.1f%%）%s", beach_m2 / 1e4, pct,
             coded ? "：现状地类为河滩地" : "");
    gt_textf(en, sizeof en, "reclamation on a river beach: %.4f ha (%.1f%%)%s", beach_m2 / 1e4, pct,
             coded ? "; the current use is a river beach" : "");
    return pc_add_reason(ctx, x, "P16", SEV_FAIL, beach_m2, NULL, on_beach, zh, en);
}

static int check_parcel(guotu_context *ctx, guotu_parcels *p, pc_parcel *x) {
    int status = gt_area_of_geom(ctx, p->calc, x->geom, &x->area_m2);
    if (!status) status = check_codes(ctx, p, x);
    if (!status) status = check_lines(ctx, p, x);
    if (!status) status = check_conversion(ctx, p, x);
    if (!status) status = check_beach(ctx, p, x);
    if (status) return status;
    double kc = 0, kp = 0;
    x->dm_ha = NAN;
    if (p->current_k && p->planned_k && guotu_coefficients_lookup(p->current_k, x->current, &kc) &&
        guotu_coefficients_lookup(p->planned_k, x->planned, &kp))
        x->dm_ha = x->area_m2 / 1e4 * (kp - kc);
    int was = x->cur_cat == CULTIVATED, will = x->plan_cat == CULTIVATED;
    if (x->cur_cat >= 0 && x->plan_cat >= 0) {
        if (will && !was) {
            x->new_cultivated_m2 = x->area_m2;
            x->farmland_added_m2 = x->area_m2 - x->farmland_m2;
        }
        if (was && !will) x->lost_cultivated_m2 = x->area_m2;
        if (!will) x->farmland_out_m2 = x->farmland_m2;
    }
    status = largest_overlap(ctx, p, &p->villages, x->geom, &x->village);
    if (!status && p->units.count) status = largest_overlap(ctx, p, &p->units, x->geom, &x->group);
    return status;
}

/* P18: every pair of parcels whose interiors overlap by more than the tolerance. */
static int check_overlaps(guotu_context *ctx, guotu_parcels *p, GEOSSTRtree *tree) {
    hits h = {NULL, 0, 0, 0};
    int status = GUOTU_OK;
    for (size_t i = 0; !status && i < p->parcel_count; i++) {
        pc_parcel *a = &p->parcels[i];
        h.count = 0;
        GEOSSTRtree_query_r(ctx->geos, tree, a->geom, collect, &h);
        if (h.oom) {
            status = gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
            break;
        }
        for (size_t k = 0; !status && k < h.count; k++) {
            size_t j = h.items[k];
            if (j <= i) continue;
            pc_parcel *b = &p->parcels[j];
            /* Parcels of one project share boundaries: neighbours are answered by the direct clip. */
            GEOSGeometry *overlap = NULL;
            int answered = gt_direct_overlap(ctx, &p->direct, a->geom, b->geom, &overlap);
            if (answered < 0) {
                status = gt_fail_geos(ctx, GUOTU_ERR_GEOMETRY,
                                      "cannot intersect parcels '%s' and '%s' (out of memory?)", a->id, b->id);
                break;
            }
            if (answered && !overlap) continue;
            if (!answered && GEOSIntersects_r(ctx->geos, a->geom, b->geom) == 0) continue;
            if (!answered) {
                GEOSGeometry *raw = GEOSIntersection_r(ctx->geos, a->geom, b->geom);
                if (!raw) {
                    status =
                        gt_fail_geos(ctx, GUOTU_ERR_GEOMETRY, "cannot intersect parcels '%s' and '%s'", a->id, b->id);
                    break;
                }
                overlap = gt_polygonal_part(ctx, raw);
                GEOSGeom_destroy_r(ctx->geos, raw);
            }
            double area = 0;
            if (overlap) status = gt_area_of_geom(ctx, p->calc, overlap, &area);
            if (!status && area > p->o.tolerance_m2) {
                char zh[512], en[512];
                GEOSGeometry *copy = GEOSGeom_clone_r(ctx->geos, overlap);
                gt_textf(zh, sizeof zh, "与地块 %s 重叠 %.4f 公顷：面积重复计算", b->id, area / 1e4);
                gt_textf(en, sizeof en, "overlaps parcel %s by %.4f ha: double counting", b->id, area / 1e4);
                status = pc_add_reason(ctx, a, "P18", SEV_FAIL, area, b->id, overlap, zh, en);
                overlap = NULL;
                gt_textf(zh, sizeof zh, "与地块 %s 重叠 %.4f 公顷：面积重复计算", a->id, area / 1e4);
                gt_textf(en, sizeof en, "overlaps parcel %s by %.4f ha: double counting", a->id, area / 1e4);
                if (!status && !copy) status = gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
                if (!status)
                    status = pc_add_reason(ctx, b, "P18", SEV_FAIL, area, a->id, copy, zh, en);
                else if (copy)
                    GEOSGeom_destroy_r(ctx->geos, copy);
            }
            if (overlap) GEOSGeom_destroy_r(ctx->geos, overlap);
        }
        if (!status && (i & 255) == 255 &&
            gt_report_progress(ctx, (double)i / (double)p->parcel_count, "checking overlaps between parcels"))
            status = GUOTU_ERR_CANCELLED;
    }
    free(h.items);
    return status;
}

/* ---- Verdicts ------------------------------------------------------------------------ */

static int compare_reasons(const void *a, const void *b) {
    const pc_reason *x = a, *y = b;
    return strcmp(x->rule, y->rule);
}

/* Appends `s` to a growing string; -1 on allocation failure. */
static int append(char **buf, size_t *len, const char *sep, const char *s) {
    size_t add = (*len ? strlen(sep) : 0) + strlen(s);
    char *grown = realloc(*buf, *len + add + 1);
    if (!grown) return -1;
    if (*len) memcpy(grown + *len, sep, strlen(sep)), *len += strlen(sep);
    memcpy(grown + *len, s, strlen(s) + 1);
    *len += strlen(s);
    *buf = grown;
    return 0;
}

static int settle(guotu_context *ctx, pc_parcel *x) {
    if (x->reason_count > 1) qsort(x->reasons, x->reason_count, sizeof *x->reasons, compare_reasons);
    x->verdict = GUOTU_VERDICT_PASS;
    size_t li = 0, lz = 0, le = 0;
    int oom = 0;
    x->rule_ids = gt_strdup("");
    x->reasons_zh = gt_strdup("");
    x->reasons_en = gt_strdup("");
    oom = !x->rule_ids || !x->reasons_zh || !x->reasons_en;
    for (size_t i = 0; !oom && i < x->reason_count; i++) {
        const pc_reason *r = &x->reasons[i];
        if (r->severity == SEV_FAIL)
            x->verdict = GUOTU_VERDICT_FAIL;
        else if (r->severity == SEV_CONDITION && x->verdict == GUOTU_VERDICT_PASS)
            x->verdict = GUOTU_VERDICT_CONDITIONAL;
        int repeated = i > 0 && strcmp(x->reasons[i - 1].rule, r->rule) == 0;
        oom = (!repeated && append(&x->rule_ids, &li, ",", r->rule)) || append(&x->reasons_zh, &lz, "；", r->zh) ||
              append(&x->reasons_en, &le, "; ", r->en);
    }
    return oom ? gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory") : GUOTU_OK;
}

static const char *const severity_names[] = {"info", "condition", "fail"};

static int emit(guotu_context *ctx, guotu_parcels *p, const pc_parcel *x, guotu_parcel_reason_fn fn, void *user) {
    for (size_t i = 0; i < x->reason_count; i++) {
        const pc_reason *r = &x->reasons[i];
        guotu_parcel_reason out = {
            x->id, x->fid, r->rule, severity_names[r->severity], r->area_ha, r->share, r->other ? r->other : "", r->zh,
            r->en, NULL,   0};
        unsigned char *wkb = r->geom ? GEOSWKBWriter_write_r(ctx->geos, p->writer, r->geom, &out.wkb_size) : NULL;
        out.wkb = wkb;
        int stop = fn(&out, user);
        if (wkb) GEOSFree_r(ctx->geos, wkb);
        if (stop) return gt_fail(ctx, GUOTU_ERR_CANCELLED, "cancelled");
    }
    return GUOTU_OK;
}

/* Groups parcels by project id when there are no consolidation units. */
static int group_by_project(guotu_context *ctx, guotu_parcels *p, pc_parcel *x) {
    const char *id = x->project[0] ? x->project : "*";
    for (size_t i = 0; i < p->projects.count; i++)
        if (strcmp(p->projects.items[i].id, id) == 0) {
            x->group = (int)i;
            return GUOTU_OK;
        }
    x->group = pc_regions_add(&p->projects, id, "", NAN, -1, NULL);
    return x->group < 0 ? gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory") : GUOTU_OK;
}

int guotu_parcels_run(guotu_context *ctx, guotu_parcels *p, guotu_parcel_reason_fn fn, void *user_data) {
    if (!ctx) return GUOTU_ERR_ARGUMENT;
    gt_clear_error(ctx);
    if (!p) return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "guotu_parcels_run: NULL argument");
    if (p->ran) return gt_fail(ctx, GUOTU_ERR_STATE, "the check already ran");
    if (!p->parcel_count) return gt_fail(ctx, GUOTU_ERR_DATA, "%s has no features", p->label);
    p->ran = 1;
    int status = GUOTU_OK;
    for (int k = 0; !status && k < PARCEL_LINES; k++)
        status = build_index(ctx, p->lines[k].items, p->lines[k].count, &p->lines[k].tree);
    if (!status) status = build_index(ctx, p->beaches.items, p->beaches.count, &p->beaches.tree);
    for (size_t i = 0; !status && i < p->parcel_count; i++) {
        pc_parcel *x = &p->parcels[i];
        x->village = x->group = -1;
        status = check_parcel(ctx, p, x);
        if (!status && !p->units.count) status = group_by_project(ctx, p, x);
        if (!status && (i & 63) == 63 &&
            gt_report_progress(ctx, (double)i / (double)p->parcel_count, "checking parcels against the lines"))
            status = GUOTU_ERR_CANCELLED;
    }
    GEOSSTRtree *tree = NULL;
    if (!status) {
        pc_feature *items = malloc(p->parcel_count * sizeof *items);
        if (!items) return gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
        for (size_t i = 0; i < p->parcel_count; i++)
            items[i] = (pc_feature){p->parcels[i].geom, p->parcels[i].fid};
        status = build_index(ctx, items, p->parcel_count, &tree);
        if (!status) status = check_overlaps(ctx, p, tree);
        if (tree) GEOSSTRtree_destroy_r(ctx->geos, tree);
        free(items);
    }
    for (size_t i = 0; !status && i < p->parcel_count; i++)
        status = settle(ctx, &p->parcels[i]);
    if (!status) status = pc_sum_regions(ctx, p);
    for (size_t i = 0; !status && fn && i < p->parcel_count; i++)
        status = emit(ctx, p, &p->parcels[i], fn, user_data);
    if (!status && gt_report_progress(ctx, 1.0, "parcel check done")) status = GUOTU_ERR_CANCELLED;
    p->done = !status;
    return status;
}

/* ---- Results ------------------------------------------------------------------------- */

const char *guotu_verdict_name(int v) {
    static const char *const names[] = {"pass", "conditional", "fail"};
    return v >= 0 && v < 3 ? names[v] : "";
}

const char *guotu_verdict_name_zh(int v) {
    static const char *const names[] = {"通过", "有条件通过", "不通过"};
    return v >= 0 && v < 3 ? names[v] : "";
}

size_t guotu_parcels_count(const guotu_parcels *p) { return p ? p->parcel_count : 0; }

int guotu_parcels_result(guotu_context *ctx, const guotu_parcels *p, size_t i, guotu_parcel_result *out) {
    if (!ctx) return GUOTU_ERR_ARGUMENT;
    gt_clear_error(ctx);
    if (!p || !out) return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "guotu_parcels_result: NULL argument");
    if (!p->done) return gt_fail(ctx, GUOTU_ERR_STATE, "the check has not run to the end");
    if (i >= p->parcel_count) return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "parcel %zu out of range", i);
    const pc_parcel *x = &p->parcels[i];
    const pc_regions *groups = p->units.count ? &p->units : &p->projects;
    memset(out, 0, sizeof *out);
    out->parcel_id = x->id;
    out->type = x->type;
    out->kind = guotu_project_kind_name(x->kind);
    out->project_id = x->group >= 0 ? groups->items[x->group].id : "";
    out->village_id = x->village >= 0 ? p->villages.items[x->village].id : "";
    out->current_code = x->current;
    out->planned_code = x->planned;
    out->current_category = gt_category_name(x->cur_cat);
    out->planned_category = gt_category_name(x->plan_cat);
    out->status = x->rule.status ? x->rule.status : "unknown";
    out->paths_zh = x->rule.paths_zh ? x->rule.paths_zh : "";
    out->paths_en = x->rule.paths_en ? x->rule.paths_en : "";
    out->fid = x->fid;
    out->area_ha = x->area_m2 / 1e4;
    out->redline_ha = x->redline_m2 / 1e4;
    out->farmland_ha = x->farmland_m2 / 1e4;
    out->outside_urban_ha = x->outside_urban_m2 / 1e4;
    out->dm_ha = x->dm_ha;
    out->verdict = x->verdict;
    out->rule_ids = x->rule_ids;
    out->reasons_zh = x->reasons_zh;
    out->reasons_en = x->reasons_en;
    return GUOTU_OK;
}
