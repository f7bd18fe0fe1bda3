/* parcels_regions.c — consolidation units, projects and villages of the parcel check:
 * their sums and the unit rules U01–U03 (see guotu_parcels.h). */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parcels_internal.h"

int pc_regions_add(pc_regions *r, const char *id, const char *name, double original_ha, int64_t fid,
                   GEOSGeometry *geom) {
    char *id_copy = gt_strdup(id), *name_copy = gt_strdup(name ? name : "");
    if (!id_copy || !name_copy || gt_reserve(&r->items, &r->cap, r->count + 1, sizeof *r->items, 16)) {
        free(id_copy);
        free(name_copy);
        return -1;
    }
    pc_region *g = &r->items[r->count];
    memset(g, 0, sizeof *g);
    g->id = id_copy;
    g->name = name_copy;
    g->original_ha = original_ha;
    g->fid = fid;
    g->geom = geom;
    return (int)r->count++;
}

void pc_regions_free(guotu_context *ctx, pc_regions *r) {
    for (size_t i = 0; i < r->count; i++) {
        pc_region *g = &r->items[i];
        free(g->id);
        free(g->name);
        free(g->reasons_zh);
        free(g->reasons_en);
        if (g->prepared) GEOSPreparedGeom_destroy_r(ctx->geos, g->prepared);
        if (g->geom) GEOSGeom_destroy_r(ctx->geos, g->geom);
    }
    free(r->items);
}

/* Index of the "" region for records in none, added when first needed; -1 on failure. */
static int region_for_none(pc_regions *r) {
    if (r->count && r->items[r->count - 1].id[0] == '\0') return (int)(r->count - 1);
    int i = pc_regions_add(r, "", "", NAN, -1, NULL);
    if (i >= 0) r->items[i].dm_known = 1;
    return i;
}

static void add_parcel(pc_region *g, const pc_parcel *x) {
    g->parcels++;
    g->verdicts[x->verdict]++;
    g->area_m2 += x->area_m2;
    if (x->cur_cat == 0) g->cultivated_m2 += x->area_m2;
    g->new_m2 += x->new_cultivated_m2;
    g->lost_m2 += x->lost_cultivated_m2;
    g->farmland_out_m2 += x->farmland_out_m2;
    g->farmland_added_m2 += x->farmland_added_m2;
    if (isnan(x->dm_ha))
        g->dm_known = 0;
    else
        g->dm_ha += x->dm_ha;
}

/* Appends formatted text at buf[*used] without ever writing past `size` (a truncated text
 * stays truncated; the next calls append nothing). */
static void appendf(char *buf, size_t size, size_t *used, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 4, 5)))
#endif
    ;
static void appendf(char *buf, size_t size, size_t *used, const char *fmt, ...) {
    if (*used + 1 >= size) return;
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf + *used, size - *used, fmt, ap);
    va_end(ap);
    if (n > 0 && *used + (size_t)n >= size) {
        gt_utf8_trim(buf); /* cut at a character boundary */
        *used = size - 1;  /* full: later appends are dropped */
        return;
    }
    if (n > 0) *used += (size_t)n;
}

/* U01–U03 of one unit or project, with the texts that explain them. */
static int judge_unit(guotu_context *ctx, const guotu_parcels *p, pc_region *g) {
    guotu_unit_result *u = &g->unit;
    memset(u, 0, sizeof *u);
    u->project_id = g->id;
    u->name = g->name;
    u->parcels = g->parcels;
    u->area_ha = g->area_m2 / 1e4;
    u->original_cultivated_ha = isnan(g->original_ha) ? g->cultivated_m2 / 1e4 : g->original_ha;
    u->new_cultivated_ha = g->new_m2 / 1e4;
    u->lost_cultivated_ha = g->lost_m2 / 1e4;
    double net = u->new_cultivated_ha - u->lost_cultivated_ha;
    u->new_cultivated_ratio = u->original_cultivated_ha > 0 ? net / u->original_cultivated_ha : NAN;
    u->new_cultivated_ok = isnan(u->new_cultivated_ratio) ? -1 : u->new_cultivated_ratio >= p->o.new_cultivated_min;
    u->farmland_out_ha = g->farmland_out_m2 / 1e4;
    u->farmland_added_ha = g->farmland_added_m2 / 1e4;
    int out = g->farmland_out_m2 > p->o.tolerance_m2;
    u->farmland_ratio = out ? u->farmland_added_ha / u->farmland_out_ha : NAN;
    u->farmland_ok = out ? u->farmland_ratio >= p->o.farmland_gain_min : -1;
    u->dm_ha = p->current_k && p->planned_k && g->dm_known ? g->dm_ha : NAN;
    /* A rounding-level loss is no loss: the tolerance area at the largest coefficient (~2.1). */
    u->ecology_ok = isnan(u->dm_ha) ? -1 : u->dm_ha >= -p->o.tolerance_m2 * 3.0 / 1e4;
    u->pass_count = g->verdicts[GUOTU_VERDICT_PASS];
    u->conditional_count = g->verdicts[GUOTU_VERDICT_CONDITIONAL];
    u->fail_count = g->verdicts[GUOTU_VERDICT_FAIL];
    u->verdict = u->new_cultivated_ok == 0 || u->farmland_ok == 0 || u->ecology_ok == 0 ? GUOTU_VERDICT_FAIL
                                                                                        : GUOTU_VERDICT_PASS;
    char zh[1536], en[1536];
    size_t nz = 0, ne = 0;
    zh[0] = en[0] = '\0';
    double min_pct = 100.0 * p->o.new_cultivated_min, gain_pct = 100.0 * p->o.farmland_gain_min;
    if (u->new_cultivated_ok >= 0) {
        appendf(zh, sizeof zh, &nz, "U01 新增耕地净增 %.4f 公顷，为原有耕地 %.4f 公顷的 %.2f%%（%s %.0f%%）", net,
                u->original_cultivated_ha, 100.0 * u->new_cultivated_ratio, u->new_cultivated_ok ? "不低于" : "低于",
                min_pct);
        appendf(en, sizeof en, &ne,
                "U01 net new cultivated land %.4f ha is %.2f%% of the original "
                "%.4f ha (%s %.0f%%)",
                net, 100.0 * u->new_cultivated_ratio, u->original_cultivated_ha,
                u->new_cultivated_ok ? "at least" : "below", min_pct);
    } else {
        appendf(zh, sizeof zh, &nz, "U01 无原有耕地，未检查新增耕地比例");
        appendf(en, sizeof en, &ne, "U01 no original cultivated land: the share is not checked");
    }
    if (u->farmland_ok >= 0) {
        appendf(zh, sizeof zh, &nz,
                "；U02 调出永久基本农田 %.4f 公顷，可补划新增耕地 %.4f 公顷，为 %.1f%%（%s %.0f%%）",
                u->farmland_out_ha, u->farmland_added_ha, 100.0 * u->farmland_ratio, u->farmland_ok ? "不低于" : "低于",
                gain_pct);
        appendf(en, sizeof en, &ne,
                "; U02 farmland adjusted out %.4f ha, new cultivated land outside "
                "farmland %.4f ha = %.1f%% (%s %.0f%%)",
                u->farmland_out_ha, u->farmland_added_ha, 100.0 * u->farmland_ratio,
                u->farmland_ok ? "at least" : "below", gain_pct);
    } else {
        appendf(zh, sizeof zh, &nz, "；U02 未调出永久基本农田");
        appendf(en, sizeof en, &ne, "; U02 no permanent farmland adjusted out");
    }
    if (u->ecology_ok >= 0) {
        appendf(zh, sizeof zh, &nz, "；U03 标准林地当量变化 %+.4f 公顷（%s）", u->dm_ha,
                u->ecology_ok ? "未减少" : "减少");
        appendf(en, sizeof en, &ne, "; U03 standard-forest change %+.4f ha (%s)", u->dm_ha,
                u->ecology_ok ? "no decrease" : "decrease");
    } else {
        appendf(zh, sizeof zh, &nz, "；U03 缺少标准林地系数，未检查生态用地");
        appendf(en, sizeof en, &ne, "; U03 standard-forest coefficients missing: not checked");
    }
    g->reasons_zh = gt_strdup(zh);
    g->reasons_en = gt_strdup(en);
    if (!g->reasons_zh || !g->reasons_en) return gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
    u->reasons_zh = g->reasons_zh;
    u->reasons_en = g->reasons_en;
    return GUOTU_OK;
}

int pc_sum_regions(guotu_context *ctx, guotu_parcels *p) {
    pc_regions *groups = p->units.count ? &p->units : &p->projects;
    for (size_t i = 0; i < groups->count; i++)
        groups->items[i].dm_known = 1;
    for (size_t i = 0; i < p->villages.count; i++)
        p->villages.items[i].dm_known = 1;
    for (size_t i = 0; i < p->parcel_count; i++) {
        pc_parcel *x = &p->parcels[i];
        if (x->group < 0 && (x->group = region_for_none(groups)) < 0)
            return gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
        if (x->village < 0 && (x->village = region_for_none(&p->villages)) < 0)
            return gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
        pc_region *g = &groups->items[x->group], *v = &p->villages.items[x->village];
        add_parcel(g, x);
        add_parcel(v, x);
    }
    for (size_t i = 0; i < groups->count; i++) {
        int status = judge_unit(ctx, p, &groups->items[i]);
        if (status) return status;
    }
    return GUOTU_OK;
}

size_t guotu_parcels_unit_count(const guotu_parcels *p) {
    if (!p || !p->done) return 0;
    return p->units.count ? p->units.count : p->projects.count;
}

int guotu_parcels_unit(guotu_context *ctx, const guotu_parcels *p, size_t i, guotu_unit_result *out) {
    if (!ctx) return GUOTU_ERR_ARGUMENT;
    gt_clear_error(ctx);
    if (!p || !out) return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "guotu_parcels_unit: NULL argument");
    if (!p->done) return gt_fail(ctx, GUOTU_ERR_STATE, "the check has not run to the end");
    if (i >= guotu_parcels_unit_count(p)) return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "unit %zu out of range", i);
    *out = (p->units.count ? &p->units : &p->projects)->items[i].unit;
    return GUOTU_OK;
}

size_t guotu_parcels_village_count(const guotu_parcels *p) { return p && p->done ? p->villages.count : 0; }

int guotu_parcels_village(guotu_context *ctx, const guotu_parcels *p, size_t i, guotu_village_result *out) {
    if (!ctx) return GUOTU_ERR_ARGUMENT;
    gt_clear_error(ctx);
    if (!p || !out) return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "guotu_parcels_village: NULL argument");
    if (!p->done) return gt_fail(ctx, GUOTU_ERR_STATE, "the check has not run to the end");
    if (i >= p->villages.count) return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "village %zu out of range", i);
    const pc_region *v = &p->villages.items[i];
    *out = (guotu_village_result){v->id,
                                  v->name,
                                  v->parcels,
                                  v->verdicts[GUOTU_VERDICT_PASS],
                                  v->verdicts[GUOTU_VERDICT_CONDITIONAL],
                                  v->verdicts[GUOTU_VERDICT_FAIL],
                                  v->area_m2 / 1e4,
                                  v->new_m2 / 1e4,
                                  v->lost_m2 / 1e4,
                                  v->dm_known && p->current_k && p->planned_k ? v->dm_ha : NAN};
    return GUOTU_OK;
}
