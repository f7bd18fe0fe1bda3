/* lines.c — rule checks of the three control lines (see guotu_lines.h). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "area.h"
#include "internal.h"
#include "direct_overlap.h"
#include "polygon_input.h"

enum { LINES = 3 };
static const char *const line_names[LINES] = {"ecological_redline", "permanent_farmland", "urban_boundary"};
static const char *const line_zh[LINES] = {"生态保护红线", "永久基本农田", "城镇开发边界"};
static const char *const line_en[LINES] = {"red line", "permanent farmland", "urban boundary"};

const char *guotu_line_name(int line) { return line >= 0 && line < LINES ? line_names[line] : ""; }

typedef struct line_feature {
    GEOSGeometry *geom;
    int64_t fid;
    uint64_t hash; /* of the WKB as given: the fingerprint changes when the feature does */
} line_feature;

typedef struct invalid_record {
    int line;
    int64_t fid;
    uint64_t hash;
    char reason[160];
    GEOSGeometry *location;
} invalid_record;

typedef struct admin_unit {
    char *code, *name;
    int64_t fid;
    GEOSGeometry *geom;
    const GEOSPreparedGeometry *prepared;
    guotu_admin_values values;
    guotu_line_stats stats;
} admin_unit;

struct guotu_lines {
    guotu_lines_options o;
    char *crs; /* copy: the per-admin areas run a tally in the same CRS */
    guotu_area_calc *calc;
    line_feature *features[LINES];
    size_t count[LINES], cap[LINES];
    invalid_record *invalid;
    size_t invalid_count;
    admin_unit *admins;
    size_t admin_count, admin_cap;
    GEOSWKBWriter *writer;
    guotu_issue_fn fn;
    void *user;
    int ran;
};

void guotu_lines_options_init(guotu_lines_options *o) {
    if (!o) return;
    memset(o, 0, sizeof *o);
    o->area_method = GUOTU_AREA_ELLIPSOIDAL;
    o->minor_overlap_m2 = 1.0;
    o->sliver_width_m = 1.0;
    o->min_patch_m2 = 50.0;
    o->gap_min_m = 0.0;
    o->gap_max_m = 1.0;
    o->expansion_cap = 1.3;
    o->farmland_share = 0.8;
}

static uint64_t fnv(const void *data, size_t n, uint64_t h) {
    const unsigned char *p = data;
    for (size_t i = 0; i < n; i++) {
        h ^= p[i];
        h *= 1099511628211ULL;
    }
    return h;
}

int guotu_lines_create(guotu_context *ctx, const guotu_lines_options *opts, guotu_lines **out) {
    if (!ctx) return GUOTU_ERR_ARGUMENT;
    gt_clear_error(ctx);
    if (!opts || !out) return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "guotu_lines_create: NULL argument");
    *out = NULL;
    guotu_lines *l = calloc(1, sizeof *l);
    if (!l) return gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
    l->o = *opts;
    l->o.crs = NULL;
    l->crs = opts->crs ? gt_strdup(opts->crs) : NULL;
    l->writer = GEOSWKBWriter_create_r(ctx->geos);
    /* Sliver widths, gap bands and patch sizes are metres: degrees would miss a 0.4 m sliver
     * and invent gaps, so a workspace in degrees is refused rather than half-checked. */
    int status = l->writer ? gt_require_metres(ctx, opts->crs, "the three-lines check (widths and gaps in metres)")
                           : gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
    if (!status) status = guotu_area_calc_create(ctx, opts->crs, opts->area_method, &l->calc);
    if (status) {
        guotu_lines_destroy(ctx, l);
        return status;
    }
    *out = l;
    return GUOTU_OK;
}

void guotu_lines_destroy(guotu_context *ctx, guotu_lines *l) {
    if (!l) return;
    for (int k = 0; k < LINES; k++) {
        for (size_t i = 0; i < l->count[k]; i++)
            GEOSGeom_destroy_r(ctx->geos, l->features[k][i].geom);
        free(l->features[k]);
    }
    for (size_t i = 0; i < l->invalid_count; i++)
        if (l->invalid[i].location) GEOSGeom_destroy_r(ctx->geos, l->invalid[i].location);
    free(l->invalid);
    for (size_t i = 0; i < l->admin_count; i++) {
        admin_unit *a = &l->admins[i];
        if (a->prepared) GEOSPreparedGeom_destroy_r(ctx->geos, a->prepared);
        GEOSGeom_destroy_r(ctx->geos, a->geom);
        free(a->code);
        free(a->name);
    }
    free(l->admins);
    if (l->writer) GEOSWKBWriter_destroy_r(ctx->geos, l->writer);
    guotu_area_calc_destroy(ctx, l->calc);
    free(l->crs);
    free(l);
}

int guotu_lines_add_admin(guotu_context *ctx, guotu_lines *l, const char *code, const char *name,
                          const guotu_admin_values *values, int64_t fid, const unsigned char *wkb, size_t wkb_size) {
    if (!ctx) return GUOTU_ERR_ARGUMENT;
    gt_clear_error(ctx);
    if (!l || !code || !values) return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "guotu_lines_add_admin: NULL argument");
    if (l->ran) return gt_fail(ctx, GUOTU_ERR_STATE, "the checks already ran");
    if (!code[0] || !gt_utf8_valid(code) || (name && !gt_utf8_valid(name)))
        return gt_fail(ctx, GUOTU_ERR_DATA, "admin unit feature %lld: empty or non-UTF-8 code or name", (long long)fid);
    for (size_t i = 0; i < l->admin_count; i++)
        if (!strcmp(l->admins[i].code, code))
            return gt_fail(ctx, GUOTU_ERR_DATA, "admin unit code '%s' appears twice (features %lld and %lld)", code,
                           (long long)l->admins[i].fid, (long long)fid);
    /* A target, area or cap below zero (or infinite) is a typing error, never a target met. */
    const struct {
        double v;
        const char *what;
    } given[] = {{values->redline_target_ha, "red-line target (ha)"},
                 {values->farmland_target_ha, "farmland target (ha)"},
                 {values->urban_2020_ha, "2020 urban land (ha)"},
                 {values->expansion_cap, "expansion cap"},
                 {values->cultivated_ha, "cultivated land (ha)"}};
    for (size_t k = 0; k < sizeof given / sizeof given[0]; k++)
        if (!isnan(given[k].v) && (given[k].v < 0 || isinf(given[k].v)))
            return gt_fail(ctx, GUOTU_ERR_DATA,
                           "admin unit '%s' (feature %lld): its %s is %g; it cannot be negative or infinite", code,
                           (long long)fid, given[k].what, given[k].v);
    GEOSGeometry *g = NULL;
    int repaired = 0;
    int status = gt_read_polygon(ctx, GUOTU_INVALID_REPAIR, "admin_units", fid, wkb, wkb_size, &g, &repaired);
    if (status) return status;
    /* Everything the admin unit owns is made first: a failure adds nothing. */
    char *code_copy = gt_strdup(code), *name_copy = gt_strdup(name ? name : "");
    const GEOSPreparedGeometry *prepared = GEOSPrepare_r(ctx->geos, g);
    if (!code_copy || !name_copy || !prepared ||
        gt_reserve(&l->admins, &l->admin_cap, l->admin_count + 1, sizeof *l->admins, 32)) {
        free(code_copy);
        free(name_copy);
        if (prepared) GEOSPreparedGeom_destroy_r(ctx->geos, prepared);
        GEOSGeom_destroy_r(ctx->geos, g);
        return gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
    }
    admin_unit *a = &l->admins[l->admin_count++];
    memset(a, 0, sizeof *a);
    a->geom = g;
    a->fid = fid;
    a->values = *values;
    a->code = code_copy;
    a->name = name_copy;
    a->prepared = prepared;
    return GUOTU_OK;
}

int guotu_lines_add(guotu_context *ctx, guotu_lines *l, guotu_line line, int64_t fid, const unsigned char *wkb,
                    size_t wkb_size) {
    if (!ctx) return GUOTU_ERR_ARGUMENT;
    gt_clear_error(ctx);
    if (!l || line < 0 || (int)line >= LINES) return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "guotu_lines_add: bad argument");
    if (l->ran) return gt_fail(ctx, GUOTU_ERR_STATE, "the checks already ran");
    if (!wkb || !wkb_size)
        return gt_fail(ctx, GUOTU_ERR_GEOMETRY, "feature %lld of layer '%s' has no geometry", (long long)fid,
                       line_names[line]);
    uint64_t hash = fnv(wkb, wkb_size, 1469598103934665603ULL);
    GEOSGeometry *g = NULL, *location = NULL;
    int repaired = 0;
    char reason[160];
    int status = gt_read_polygon_detail(ctx, GUOTU_INVALID_REPAIR, line_names[line], fid, wkb, wkb_size, &g, &repaired,
                                        reason, sizeof reason, &location);
    if (status) return status;
    if (repaired) {
        /* L01 is reported at run time, where the issue callback is. */
        invalid_record *grown = realloc(l->invalid, (l->invalid_count + 1) * sizeof *grown);
        if (!grown) {
            if (location) GEOSGeom_destroy_r(ctx->geos, location);
            GEOSGeom_destroy_r(ctx->geos, g);
            return gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
        }
        l->invalid = grown;
        invalid_record *r = &l->invalid[l->invalid_count++];
        r->line = line;
        r->fid = fid;
        r->hash = hash;
        snprintf(r->reason, sizeof r->reason, "%s", reason);
        r->location = location;
    } else if (location) {
        GEOSGeom_destroy_r(ctx->geos, location);
    }
    if (l->count[line] == l->cap[line]) {
        size_t cap = l->cap[line] ? l->cap[line] * 2 : 256;
        line_feature *grown = realloc(l->features[line], cap * sizeof *grown);
        if (!grown) {
            GEOSGeom_destroy_r(ctx->geos, g);
            return gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
        }
        l->features[line] = grown;
        l->cap[line] = cap;
    }
    l->features[line][l->count[line]++] = (line_feature){g, fid, hash};
    return GUOTU_OK;
}

/* ---- issues ---- */

typedef struct issue_text {
    const char *rule, *severity;
    int line_a, line_b;
    int64_t fid_a, fid_b;
    uint64_t hash_a, hash_b;
    const char *admin;
    double value;
    char zh[256], en[256];
    const char *suggestion_zh, *suggestion_en;
} issue_text;

static int wanted(const guotu_lines *l, int rule) { return !l->o.rules || (l->o.rules >> rule & 1u); }

static int emit(guotu_context *ctx, guotu_lines *l, const issue_text *t, const GEOSGeometry *where) {
    if (!l->fn || !wanted(l, atoi(t->rule + 1))) return GUOTU_OK;
    /* Rule, features (their ids and geometries): identical copies of one polygon are two
     * features, and accepting one's issue must not accept the other's. */
    uint64_t h = fnv(t->rule, strlen(t->rule), 1469598103934665603ULL);
    h = fnv(&t->fid_a, sizeof t->fid_a, h);
    h = fnv(&t->hash_a, sizeof t->hash_a, h);
    h = fnv(&t->fid_b, sizeof t->fid_b, h);
    h = fnv(&t->hash_b, sizeof t->hash_b, h);
    char fingerprint[17];
    snprintf(fingerprint, sizeof fingerprint, "%016llx", (unsigned long long)h);
    size_t size = 0;
    unsigned char *wkb = where ? GEOSWKBWriter_write_r(ctx->geos, l->writer, where, &size) : NULL;
    guotu_line_issue issue = {t->rule,
                              t->severity,
                              t->line_a,
                              t->fid_a,
                              t->line_b,
                              t->fid_b,
                              t->admin ? t->admin : "",
                              t->value,
                              t->zh,
                              t->en,
                              t->suggestion_zh ? t->suggestion_zh : "",
                              t->suggestion_en ? t->suggestion_en : "",
                              fingerprint,
                              wkb,
                              size};
    int stop = l->fn(&issue, l->user);
    if (wkb) GEOSFree_r(ctx->geos, wkb);
    return stop ? gt_fail(ctx, GUOTU_ERR_CANCELLED, "stopped by the issue callback") : GUOTU_OK;
}

static issue_text text_for(const char *rule, const char *severity, int line_a, const line_feature *a, int line_b,
                           const line_feature *b) {
    issue_text t;
    memset(&t, 0, sizeof t);
    t.rule = rule;
    t.severity = severity;
    t.line_a = line_a;
    t.fid_a = a ? a->fid : -1;
    t.hash_a = a ? a->hash : 0;
    t.line_b = line_b;
    t.fid_b = b ? b->fid : -1;
    t.hash_b = b ? b->hash : 0;
    return t;
}

static int check_invalid(guotu_context *ctx, guotu_lines *l) {
    for (size_t i = 0; i < l->invalid_count; i++) {
        const invalid_record *r = &l->invalid[i];
        line_feature f = {NULL, r->fid, r->hash};
        issue_text t = text_for("L01", "error", r->line, &f, -1, NULL);
        snprintf(t.zh, sizeof t.zh, "%s要素 %lld 几何无效：%s（已按修复后的几何检查）", line_zh[r->line],
                 (long long)r->fid, r->reason);
        snprintf(t.en, sizeof t.en, "%s feature %lld is invalid: %s (checked as repaired)", line_en[r->line],
                 (long long)r->fid, r->reason);
        int status = emit(ctx, l, &t, r->location);
        if (status) return status;
    }
    return GUOTU_OK;
}

/* Slivers (L07) and tiny patches (L08), part by part. */
static int check_shapes(guotu_context *ctx, guotu_lines *l, int line) {
    for (size_t i = 0; i < l->count[line]; i++) {
        const line_feature *f = &l->features[line][i];
        int parts = GEOSGetNumGeometries_r(ctx->geos, f->geom);
        for (int p = 0; p < parts; p++) {
            const GEOSGeometry *part = GEOSGetGeometryN_r(ctx->geos, f->geom, p);
            double area = 0, planar = 0, perimeter = 0;
            int status = gt_area_of_geom(ctx, l->calc, part, &area);
            if (status) return status;
            GEOSArea_r(ctx->geos, part, &planar);
            GEOSLength_r(ctx->geos, part, &perimeter);
            double width = perimeter > 0 ? 2.0 * planar / perimeter : 0;
            if (width < l->o.sliver_width_m) {
                issue_text t = text_for("L07", "warning", line, f, -1, NULL);
                t.value = width;
                snprintf(t.zh, sizeof t.zh, "%s要素 %lld 有狭长图斑：平均宽度 %.2f 米（阈值 %.2f 米）", line_zh[line],
                         (long long)f->fid, width, l->o.sliver_width_m);
                snprintf(t.en, sizeof t.en, "%s feature %lld has a sliver: mean width %.2f m (threshold %.2f m)",
                         line_en[line], (long long)f->fid, width, l->o.sliver_width_m);
                status = emit(ctx, l, &t, part);
            } else if (area < l->o.min_patch_m2) {
                issue_text t = text_for("L08", "warning", line, f, -1, NULL);
                t.value = area / 10000.0;
                snprintf(t.zh, sizeof t.zh, "%s要素 %lld 有细小图斑：%.1f 平方米（阈值 %.1f 平方米）", line_zh[line],
                         (long long)f->fid, area, l->o.min_patch_m2);
                snprintf(t.en, sizeof t.en, "%s feature %lld has a tiny patch of %.1f m² (threshold %.1f m²)",
                         line_en[line], (long long)f->fid, area, l->o.min_patch_m2);
                status = emit(ctx, l, &t, part);
            }
            if (status) return status;
        }
    }
    return GUOTU_OK;
}

static GEOSSTRtree *index_line(guotu_context *ctx, guotu_lines *l, int line) {
    GEOSSTRtree *tree = GEOSSTRtree_create_r(ctx->geos, 10);
    for (size_t i = 0; tree && i < l->count[line]; i++)
        GEOSSTRtree_insert_r(ctx->geos, tree, l->features[line][i].geom, (void *)(intptr_t)i);
    return tree;
}

typedef struct candidates {
    size_t *items;
    size_t count, cap;
    int oom;
} candidates;

static void collect(void *item, void *user) {
    candidates *c = user;
    if (gt_reserve(&c->items, &c->cap, c->count + 1, sizeof *c->items, 32)) {
        c->oom = 1;
        return;
    }
    c->items[c->count++] = (size_t)(intptr_t)item;
}

/* 1 when the interiors of a (prepared) and b meet: touching along an edge does not count. */
static int interiors_meet(guotu_context *ctx, const GEOSPreparedGeometry *a, const GEOSGeometry *b) {
    return GEOSPreparedOverlaps_r(ctx->geos, a, b) == 1 || GEOSPreparedContains_r(ctx->geos, a, b) == 1 ||
           GEOSPreparedWithin_r(ctx->geos, a, b) == 1;
}

static const char *const overlap_rule[LINES][LINES] = {
    {"L03", "L04", "L05"}, {"L04", "L03", "L06"}, {"L05", "L06", "L03"}};

/* SPEC §2's priority: the urban boundary yields to both, farmland yields to the red line. */
static void suggestion(issue_text *t, int a, int b) {
    int lo = a < b ? a : b, hi = a < b ? b : a;
    if (lo == GUOTU_LINE_REDLINE && hi == GUOTU_LINE_FARMLAND) {
        t->suggestion_zh = "永久基本农田让位于生态保护红线：从永久基本农田中调出重叠部分";
        t->suggestion_en = "farmland yields to the red line: take the overlap out of the farmland";
    } else if (lo == GUOTU_LINE_REDLINE) {
        t->suggestion_zh = "城镇开发边界避让生态保护红线：从开发边界中扣除重叠部分";
        t->suggestion_en = "the urban boundary yields to the red line: cut the overlap out of the boundary";
    } else if (lo == GUOTU_LINE_FARMLAND && hi == GUOTU_LINE_URBAN) {
        t->suggestion_zh = "城镇开发边界避让永久基本农田：扣除重叠部分或开天窗";
        t->suggestion_en = "the urban boundary yields to the farmland: cut the overlap out (a window) of the boundary";
    } else {
        t->suggestion_zh = "合并或删除重复部分";
        t->suggestion_en = "merge the features or remove the repeated part";
    }
}

/* Reports the overlap of a and b: `known` is their intersection when the direct clip
 * already made it (taken over), NULL to let GEOS make it. */
static int report_overlap(guotu_context *ctx, guotu_lines *l, int la, const line_feature *a, int lb,
                          const line_feature *b, GEOSGeometry *known) {
    if (!known && la == lb && GEOSEquals_r(ctx->geos, a->geom, b->geom) == 1) {
        issue_text t = text_for("L02", "error", la, a, lb, b);
        double area = 0;
        gt_area_of_geom(ctx, l->calc, a->geom, &area);
        t.value = area / 10000.0;
        snprintf(t.zh, sizeof t.zh, "%s要素 %lld 与 %lld 重复", line_zh[la], (long long)a->fid, (long long)b->fid);
        snprintf(t.en, sizeof t.en, "%s features %lld and %lld are duplicates", line_en[la], (long long)a->fid,
                 (long long)b->fid);
        suggestion(&t, la, lb);
        return emit(ctx, l, &t, a->geom);
    }
    GEOSGeometry *overlap = known;
    int status = known ? GUOTU_OK
                       : gt_overlay_polygonal(ctx, a->geom, b->geom, 0, &overlap, "%s %lld with %s %lld",
                                              line_names[la], (long long)a->fid, line_names[lb], (long long)b->fid);
    if (status || !overlap) return status;
    double area = 0;
    status = gt_area_of_geom(ctx, l->calc, overlap, &area);
    if (!status && area > 0) {
        issue_text t = text_for(overlap_rule[la][lb], area < l->o.minor_overlap_m2 ? "minor" : "error", la, a, lb, b);
        t.value = area / 10000.0;
        if (la == lb) {
            snprintf(t.zh, sizeof t.zh, "%s要素 %lld 与 %lld 重叠 %.2f 平方米", line_zh[la], (long long)a->fid,
                     (long long)b->fid, area);
            snprintf(t.en, sizeof t.en, "%s features %lld and %lld overlap by %.2f m²", line_en[la], (long long)a->fid,
                     (long long)b->fid, area);
        } else {
            snprintf(t.zh, sizeof t.zh, "%s %lld 与%s %lld 重叠 %.2f 平方米", line_zh[la], (long long)a->fid,
                     line_zh[lb], (long long)b->fid, area);
            snprintf(t.en, sizeof t.en, "%s %lld and %s %lld overlap by %.2f m²", line_en[la], (long long)a->fid,
                     line_en[lb], (long long)b->fid, area);
        }
        suggestion(&t, la, lb);
        status = emit(ctx, l, &t, overlap);
    }
    GEOSGeom_destroy_r(ctx->geos, overlap);
    return status;
}

/* Overlaps between the features of line `small` (indexed) and line `big` (scanned); with
 * small == big, each pair once. Between two lines each candidate pair is first tried by
 * the direct clip (coverage neighbours, the same parcel in both lines, clean crossings);
 * only the rest is prepared and tested by GEOS's predicates, then overlaid. */
static int check_overlaps(guotu_context *ctx, guotu_lines *l, int big, int small) {
    GEOSSTRtree *tree = index_line(ctx, l, small);
    if (!tree) return gt_fail_geos(ctx, GUOTU_ERR_GEOMETRY, "cannot index %s", line_names[small]);
    candidates c = {NULL, 0, 0, 0};
    gt_direct_work w;
    memset(&w, 0, sizeof w);
    int status = GUOTU_OK;
    for (size_t i = 0; !status && i < l->count[big]; i++) {
        const line_feature *b = &l->features[big][i];
        c.count = 0;
        GEOSSTRtree_query_r(ctx->geos, tree, b->geom, collect, &c);
        if (c.oom) {
            status = gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
            break;
        }
        const GEOSPreparedGeometry *prepared = NULL;
        for (size_t k = 0; !status && k < c.count; k++) {
            size_t j = c.items[k];
            if (big == small && j <= i) continue;
            const line_feature *s = &l->features[small][j];
            if (big != small) {
                GEOSGeometry *overlap = NULL;
                int answered = gt_direct_overlap(ctx, &w, b->geom, s->geom, &overlap);
                if (answered < 0) {
                    status =
                        gt_fail_geos(ctx, GUOTU_ERR_GEOMETRY, "cannot intersect %s %lld with %s %lld (out of memory?)",
                                     line_names[big], (long long)b->fid, line_names[small], (long long)s->fid);
                    break;
                }
                if (answered) {
                    if (overlap) status = report_overlap(ctx, l, big, b, small, s, overlap);
                    continue;
                }
            }
            if (!prepared && !(prepared = GEOSPrepare_r(ctx->geos, b->geom))) {
                status =
                    gt_fail_geos(ctx, GUOTU_ERR_GEOMETRY, "cannot prepare %s %lld", line_names[big], (long long)b->fid);
                break;
            }
            /* Between lines the overlay itself tells an overlap (area) from a touch (none):
             * one overlay is cheaper than the relates of interiors_meet, and pairs that do not
             * meet at all stop at the prepared (indexed) intersects test. */
            if (big != small ? GEOSPreparedIntersects_r(ctx->geos, prepared, s->geom) == 1
                             : interiors_meet(ctx, prepared, s->geom))
                status = report_overlap(ctx, l, big, b, small, s, NULL);
        }
        if (prepared) GEOSPreparedGeom_destroy_r(ctx->geos, prepared);
        if (!status && (i & 4095) == 4095 &&
            gt_report_progress(ctx, (double)i / (double)l->count[big], "checking overlaps"))
            status = GUOTU_ERR_CANCELLED;
    }
    gt_direct_work_free(ctx, &w);
    free(c.items);
    GEOSSTRtree_destroy_r(ctx->geos, tree);
    return status;
}

/* The region between two features a gap of width d apart: where both grown by d meet,
 * less the features themselves. */
static GEOSGeometry *gap_region(guotu_context *ctx, const GEOSGeometry *a, const GEOSGeometry *b, double d) {
    GEOSGeometry *ga = GEOSBuffer_r(ctx->geos, a, d, 4), *gb = GEOSBuffer_r(ctx->geos, b, d, 4);
    GEOSGeometry *both = ga && gb ? GEOSIntersection_r(ctx->geos, ga, gb) : NULL;
    GEOSGeometry *less_a = both ? GEOSDifference_r(ctx->geos, both, a) : NULL;
    GEOSGeometry *less_b = less_a ? GEOSDifference_r(ctx->geos, less_a, b) : NULL;
    GEOSGeometry *region = less_b ? gt_polygonal_part(ctx, less_b) : NULL;
    GEOSGeometry *all[5] = {ga, gb, both, less_a, less_b};
    for (int i = 0; i < 5; i++)
        if (all[i]) GEOSGeom_destroy_r(ctx->geos, all[i]);
    return region;
}

/* L09: features of one line that do not touch but come closer than the gap band's top. */
static int check_gaps(guotu_context *ctx, guotu_lines *l, int line) {
    if (!(l->o.gap_max_m > 0) || !l->count[line]) return GUOTU_OK;
    GEOSSTRtree *tree = index_line(ctx, l, line);
    if (!tree) return gt_fail_geos(ctx, GUOTU_ERR_GEOMETRY, "cannot index %s", line_names[line]);
    candidates c = {NULL, 0, 0, 0};
    int status = GUOTU_OK;
    for (size_t i = 0; !status && i < l->count[line]; i++) {
        const line_feature *a = &l->features[line][i];
        double xmin, ymin, xmax, ymax;
        GEOSGeom_getXMin_r(ctx->geos, a->geom, &xmin);
        GEOSGeom_getYMin_r(ctx->geos, a->geom, &ymin);
        GEOSGeom_getXMax_r(ctx->geos, a->geom, &xmax);
        GEOSGeom_getYMax_r(ctx->geos, a->geom, &ymax);
        double m = l->o.gap_max_m;
        GEOSGeometry *reach = GEOSGeom_createRectangle_r(ctx->geos, xmin - m, ymin - m, xmax + m, ymax + m);
        c.count = 0;
        if (reach) GEOSSTRtree_query_r(ctx->geos, tree, reach, collect, &c);
        if (reach) GEOSGeom_destroy_r(ctx->geos, reach);
        for (size_t k = 0; !status && k < c.count; k++) {
            if (c.items[k] <= i) continue;
            const line_feature *b = &l->features[line][c.items[k]];
            double d = 0;
            if (GEOSDistance_r(ctx->geos, a->geom, b->geom, &d) != 1 || !(d > l->o.gap_min_m) || d > m) continue;
            issue_text t = text_for("L09", "warning", line, a, line, b);
            t.value = d;
            snprintf(t.zh, sizeof t.zh, "%s要素 %lld 与 %lld 之间有 %.3f 米宽的缝隙（%.2f–%.2f 米之间）", line_zh[line],
                     (long long)a->fid, (long long)b->fid, d, l->o.gap_min_m, m);
            snprintf(t.en, sizeof t.en, "%s features %lld and %lld are %.3f m apart (a gap between %.2f and %.2f m)",
                     line_en[line], (long long)a->fid, (long long)b->fid, d, l->o.gap_min_m, m);
            t.suggestion_zh = "核实是否为数字化缝隙：若是，合并边界";
            t.suggestion_en = "check whether it is a digitising gap; if so, snap the boundaries together";
            GEOSGeometry *region = gap_region(ctx, a->geom, b->geom, d);
            status = emit(ctx, l, &t, region ? region : a->geom);
            if (region) GEOSGeom_destroy_r(ctx->geos, region);
        }
    }
    free(c.items);
    GEOSSTRtree_destroy_r(ctx->geos, tree);
    return status;
}

/* Area in m² of feature f inside admin unit a (their interiors meet). */
static int share_in_unit(guotu_context *ctx, guotu_lines *l, int line, const line_feature *f, const admin_unit *a,
                         double *area) {
    GEOSGeometry *part = NULL;
    *area = 0;
    int status = gt_overlay_polygonal(ctx, f->geom, a->geom, 0, &part, "%s %lld with admin unit '%s'", line_names[line],
                                      (long long)f->fid, a->code);
    if (!status && part) status = gt_area_of_geom(ctx, l->calc, part, area);
    if (part) GEOSGeom_destroy_r(ctx->geos, part);
    return status;
}

/* L10: a feature whose interior lies in more than one admin unit. A unit holding less than
 * minor_overlap_m2 of it is a boundary drawn twice (a feature ending on the border, moved by
 * nanometres through a reprojection) rather than a crossing: when every unit but one holds
 * that little, the issue is "minor", as the small overlaps of L03. */
static int check_admin_crossing(guotu_context *ctx, guotu_lines *l, GEOSSTRtree *admins, int line) {
    candidates c = {NULL, 0, 0, 0};
    int status = GUOTU_OK;
    for (size_t i = 0; !status && i < l->count[line]; i++) {
        const line_feature *f = &l->features[line][i];
        c.count = 0;
        GEOSSTRtree_query_r(ctx->geos, admins, f->geom, collect, &c);
        int units = 0, major = 0;
        double least = 0; /* m² in the unit holding least of the feature */
        for (size_t k = 0; !status && k < c.count; k++) {
            const admin_unit *a = &l->admins[c.items[k]];
            if (GEOSPreparedContainsProperly_r(ctx->geos, a->prepared, f->geom) == 1) {
                units = major = 1;
                break;
            }
            if (!interiors_meet(ctx, a->prepared, f->geom)) continue;
            double share = 0;
            status = share_in_unit(ctx, l, line, f, a, &share);
            units++;
            major += share >= l->o.minor_overlap_m2;
            if (units == 1 || share < least) least = share;
        }
        if (!status && units > 1) {
            int minor = major <= 1;
            issue_text t = text_for("L10", minor ? "minor" : "warning", line, f, -1, NULL);
            t.value = units;
            if (minor) {
                snprintf(t.zh, sizeof t.zh, "%s要素 %lld 跨越 %d 个行政区，界外部分仅 %.4f 平方米", line_zh[line],
                         (long long)f->fid, units, least);
                snprintf(t.en, sizeof t.en, "%s feature %lld crosses %d admin units by only %.4f m²", line_en[line],
                         (long long)f->fid, units, least);
                t.suggestion_zh = "要素边界与行政区界线应重合：将要素边界吸附到行政区界线";
                t.suggestion_en = "the feature's edge is meant to lie on the admin boundary: snap it to the boundary";
            } else {
                snprintf(t.zh, sizeof t.zh, "%s要素 %lld 跨越 %d 个行政区", line_zh[line], (long long)f->fid, units);
                snprintf(t.en, sizeof t.en, "%s feature %lld crosses %d admin units", line_en[line], (long long)f->fid,
                         units);
                t.suggestion_zh = "按行政区界线拆分要素";
                t.suggestion_en = "split the feature along the admin boundary";
            }
            status = emit(ctx, l, &t, f->geom);
        }
    }
    free(c.items);
    return status;
}

/* Adds a GEOS geometry to a tally through WKB (the tally's public door). */
static int tally_geometry(guotu_context *ctx, guotu_lines *l, guotu_tally *t, const char *zone, const char *code,
                          int64_t fid, const GEOSGeometry *g) {
    size_t size = 0;
    unsigned char *wkb = GEOSWKBWriter_write_r(ctx->geos, l->writer, g, &size);
    if (!wkb) return gt_fail_geos(ctx, GUOTU_ERR_GEOMETRY, "cannot write WKB");
    int status = zone ? guotu_tally_add_zone(ctx, t, zone, fid, wkb, size)
                      : guotu_tally_add_landuse(ctx, t, code, fid, wkb, size);
    GEOSFree_r(ctx->geos, wkb);
    return status;
}

/* Area of each line inside each admin unit: a tally with the units as zones and the line
 * names as classes, so the areas are exactly the tally's. */
static int line_areas(guotu_context *ctx, guotu_lines *l) {
    guotu_tally_options o;
    guotu_tally_options_init(&o);
    o.area_method = l->o.area_method;
    o.crs = l->crs;
    o.zones_label = "admin_units";
    guotu_tally *t = NULL;
    int status = guotu_tally_create(ctx, &o, &t);
    for (size_t i = 0; !status && i < l->admin_count; i++)
        status = tally_geometry(ctx, l, t, l->admins[i].code, NULL, l->admins[i].fid, l->admins[i].geom);
    if (!status) status = guotu_tally_prepare(ctx, t);
    for (int line = 0; !status && line < LINES; line++)
        for (size_t i = 0; !status && i < l->count[line]; i++)
            status =
                tally_geometry(ctx, l, t, NULL, line_names[line], l->features[line][i].fid, l->features[line][i].geom);
    if (!status) status = guotu_tally_finish(ctx, t);
    for (size_t r = 0; !status && r < guotu_tally_result_count(t); r++) {
        const char *zone, *code;
        double ha;
        guotu_tally_result(ctx, t, r, &zone, &code, &ha);
        for (size_t i = 0; i < l->admin_count; i++) {
            if (strcmp(l->admins[i].code, zone)) continue;
            guotu_line_stats *st = &l->admins[i].stats;
            if (!strcmp(code, line_names[GUOTU_LINE_REDLINE]))
                st->redline_ha += ha;
            else if (!strcmp(code, line_names[GUOTU_LINE_FARMLAND]))
                st->farmland_ha += ha;
            else
                st->urban_ha += ha;
        }
    }
    guotu_tally_destroy(ctx, t);
    return status;
}

static int verdict(double have, double bound, int at_least) {
    if (isnan(have) || isnan(bound)) return -1;
    return at_least ? have >= bound - 1e-9 : have <= bound + 1e-9;
}

/* L11–L14 on each admin unit's statistics. */
static int check_targets(guotu_context *ctx, guotu_lines *l) {
    for (size_t i = 0; i < l->admin_count; i++) {
        admin_unit *a = &l->admins[i];
        guotu_line_stats *st = &a->stats;
        const guotu_admin_values *v = &a->values;
        st->admin_code = a->code;
        st->admin_name = a->name;
        st->values = *v;
        double cap = isnan(v->expansion_cap) ? l->o.expansion_cap : v->expansion_cap;
        st->values.expansion_cap = cap;
        st->expansion = v->urban_2020_ha > 0 ? st->urban_ha / v->urban_2020_ha : NAN;
        st->farmland_share = v->cultivated_ha > 0 ? st->farmland_ha / v->cultivated_ha : NAN;
        st->expansion_ok = verdict(st->expansion, cap, 0);
        st->farmland_ok = verdict(st->farmland_ha, v->farmland_target_ha, 1);
        st->redline_ok = verdict(st->redline_ha, v->redline_target_ha, 1);
        st->share_ok = verdict(st->farmland_share, l->o.farmland_share, 1);
        issue_text t = text_for("", "error", -1, NULL, -1, NULL);
        t.admin = a->code;
        t.hash_a = fnv(a->code, strlen(a->code), 1469598103934665603ULL);
        int status = GUOTU_OK;
        if (st->expansion_ok == 0) {
            t.rule = "L11";
            t.value = st->expansion;
            snprintf(t.zh, sizeof t.zh,
                     "%s 城镇开发边界扩展倍数 %.3f 超过上限 %.2f（%.2f 公顷 ÷ 2020年城镇建设用地 %.2f 公顷）",
                     a->name[0] ? a->name : a->code, st->expansion, cap, st->urban_ha, v->urban_2020_ha);
            snprintf(t.en, sizeof t.en,
                     "%s: urban boundary expansion multiple %.3f exceeds the cap %.2f (%.2f ha / %.2f ha of 2020 urban "
                     "land)",
                     a->code, st->expansion, cap, st->urban_ha, v->urban_2020_ha);
            status = emit(ctx, l, &t, a->geom);
        }
        if (!status && st->farmland_ok == 0) {
            t.rule = "L12";
            t.value = st->farmland_ha - v->farmland_target_ha;
            snprintf(t.zh, sizeof t.zh, "%s 永久基本农田 %.2f 公顷，低于保护任务 %.2f 公顷",
                     a->name[0] ? a->name : a->code, st->farmland_ha, v->farmland_target_ha);
            snprintf(t.en, sizeof t.en, "%s: permanent farmland %.2f ha is below the target %.2f ha", a->code,
                     st->farmland_ha, v->farmland_target_ha);
            status = emit(ctx, l, &t, a->geom);
        }
        if (!status && st->redline_ok == 0) {
            t.rule = "L13";
            t.value = st->redline_ha - v->redline_target_ha;
            snprintf(t.zh, sizeof t.zh, "%s 生态保护红线 %.2f 公顷，低于保护任务 %.2f 公顷",
                     a->name[0] ? a->name : a->code, st->redline_ha, v->redline_target_ha);
            snprintf(t.en, sizeof t.en, "%s: red line %.2f ha is below the target %.2f ha", a->code, st->redline_ha,
                     v->redline_target_ha);
            status = emit(ctx, l, &t, a->geom);
        }
        if (!status && st->share_ok == 0) {
            t.rule = "L14";
            t.severity = "warning";
            t.value = st->farmland_share;
            snprintf(t.zh, sizeof t.zh, "%s 永久基本农田占耕地 %.1f%%，低于 %.0f%%", a->name[0] ? a->name : a->code,
                     100 * st->farmland_share, 100 * l->o.farmland_share);
            snprintf(t.en, sizeof t.en, "%s: permanent farmland is %.1f%% of cultivated land, below %.0f%%", a->code,
                     100 * st->farmland_share, 100 * l->o.farmland_share);
            status = emit(ctx, l, &t, a->geom);
        }
        if (status) return status;
    }
    return GUOTU_OK;
}

int guotu_lines_run(guotu_context *ctx, guotu_lines *l, guotu_issue_fn fn, void *user_data) {
    if (!ctx) return GUOTU_ERR_ARGUMENT;
    gt_clear_error(ctx);
    if (!l) return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "guotu_lines_run: NULL argument");
    if (l->ran) return gt_fail(ctx, GUOTU_ERR_STATE, "the checks already ran");
    l->ran = 1;
    l->fn = fn;
    l->user = user_data;
    /* Rules not asked for are not computed at all, so a subset (say L04) runs fast. */
    int status = wanted(l, 1) ? check_invalid(ctx, l) : GUOTU_OK;
    for (int line = 0; !status && (wanted(l, 7) || wanted(l, 8)) && line < LINES; line++)
        status = check_shapes(ctx, l, line);
    for (int line = 0; !status && (wanted(l, 2) || wanted(l, 3)) && line < LINES; line++)
        status = check_overlaps(ctx, l, line, line);
    for (int line = 0; !status && wanted(l, 9) && line < LINES; line++)
        status = check_gaps(ctx, l, line);
    /* Between lines: scan the larger, index the smaller. */
    static const int pairs[3][2] = {{GUOTU_LINE_REDLINE, GUOTU_LINE_FARMLAND},
                                    {GUOTU_LINE_REDLINE, GUOTU_LINE_URBAN},
                                    {GUOTU_LINE_FARMLAND, GUOTU_LINE_URBAN}};
    for (int p = 0; !status && p < 3; p++) {
        if (!wanted(l, 4 + p)) continue;
        int a = pairs[p][0], b = pairs[p][1];
        status = l->count[a] >= l->count[b] ? check_overlaps(ctx, l, a, b) : check_overlaps(ctx, l, b, a);
    }
    if (!status && l->admin_count) {
        GEOSSTRtree *tree = GEOSSTRtree_create_r(ctx->geos, 10);
        for (size_t i = 0; tree && i < l->admin_count; i++)
            GEOSSTRtree_insert_r(ctx->geos, tree, l->admins[i].geom, (void *)(intptr_t)i);
        if (!tree) status = gt_fail_geos(ctx, GUOTU_ERR_GEOMETRY, "cannot index the admin units");
        for (int line = 0; !status && wanted(l, 10) && line < LINES; line++)
            status = check_admin_crossing(ctx, l, tree, line);
        if (tree) GEOSSTRtree_destroy_r(ctx->geos, tree);
        if (!status) status = line_areas(ctx, l);
        if (!status) status = check_targets(ctx, l);
    }
    return status;
}

size_t guotu_lines_stats_count(const guotu_lines *l) { return l && l->ran ? l->admin_count : 0; }

int guotu_lines_stats_row(guotu_context *ctx, const guotu_lines *l, size_t i, guotu_line_stats *out) {
    if (!ctx) return GUOTU_ERR_ARGUMENT;
    gt_clear_error(ctx);
    if (!l || !out || !l->ran || i >= l->admin_count)
        return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "guotu_lines_stats_row: row %zu not available", i);
    *out = l->admins[i].stats;
    return GUOTU_OK;
}
