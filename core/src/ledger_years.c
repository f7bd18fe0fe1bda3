/* ledger_years.c — the unit ledger between two survey years given as separate layers: the
 * current and the planned (or later) land use overlaid by the conversion's overlay
 * (guotu_convert.h), each piece added as a parcel carrying both sides (see guotu_ledger.h). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ledger_internal.h"
#include "policy.h"

/* One polygon of either layer: the attributes of its side, and how much of it the pieces cover. */
typedef struct yr_polygon {
    char *id, *unit, *project, *type, *code;
    double kcxs, grade;
    int farmland;
    int64_t fid;
    double area_m2, covered_m2;
} yr_polygon;

typedef struct yr_key {
    int64_t fid;
    size_t index;
} yr_key;

typedef struct yr_gap {
    int64_t polygons;
    double area_m2;
    char first[256];
} yr_gap;

struct lg_years {
    guotu_convert *cv;
    guotu_policy *policy;
    yr_polygon *current;
    size_t current_count, current_cap;
    yr_key *keys; /* the current polygons by fid, for the pieces */
    int prepared, feeding;
    /* during guotu_ledger_add_planned */
    guotu_context *ctx;
    guotu_ledger *ledger;
    const guotu_ledger_parcel *planned;
    double planned_covered_m2;
    int failed; /* the status of a failed piece; its message saved in error */
    char error[1024];
    gt_ledger_setup setup;
    double tolerance_m2;
    yr_gap gaps[2];  /* current, planned */
    int64_t slivers; /* pieces below tolerance_m2 left out */
    double sliver_m2;
};

static char *dup_text(const char *s) { return gt_strdup(s ? s : ""); }

static void polygon_free(yr_polygon *p) {
    free(p->id);
    free(p->unit);
    free(p->project);
    free(p->type);
    free(p->code);
}

static void years_free(guotu_context *ctx, lg_years *y) {
    if (!y) return;
    guotu_convert_destroy(ctx, y->cv);
    guotu_policy_destroy(ctx, y->policy);
    for (size_t i = 0; i < y->current_count; i++)
        polygon_free(&y->current[i]);
    free(y->current);
    free(y->keys);
    free(y);
}

static int years_feeding(const lg_years *y) { return y && y->feeding; }

static int years_finish(guotu_context *ctx, lg_years *y, double tolerance_m2);
static int years_slivers(const lg_years *y, int64_t *count, double *area_m2);
static const gt_ledger_years_ops years_ops = {years_feeding, years_finish, years_slivers, years_free};

/* The overlay needs a policy table; the ledger reads none of its statuses, so every pair
 * gets a neutral one ("same" on the diagonal, "path" elsewhere). */
static int neutral_policy(guotu_context *ctx, guotu_policy **out) {
    size_t cap = 64 + GT_CATEGORIES * GT_CATEGORIES * 64, len = 0;
    char *csv = malloc(cap);
    if (!csv) return gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
    len += (size_t)snprintf(csv + len, cap - len, "from,to,status,paths_zh,paths_en\n");
    for (int a = 0; a < GT_CATEGORIES; a++)
        for (int b = 0; b < GT_CATEGORIES; b++)
            len += (size_t)snprintf(csv + len, cap - len, "%s,%s,%s,,\n", gt_category_name(a), gt_category_name(b),
                                    a == b ? "same" : "path");
    int status = guotu_policy_parse(ctx, csv, len, "unit ledger (two survey years)", out);
    free(csv);
    return status;
}

static lg_years *years_of(guotu_context *ctx, guotu_ledger *l, const char *fn, int *status) {
    gt_ledger_setup setup;
    lg_years **slot = gt_ledger_years_slot(l, &setup, &years_ops);
    *status = GUOTU_OK;
    if (setup.ran) {
        *status = gt_fail(ctx, GUOTU_ERR_STATE, "%s: the ledger already ran", fn);
        return NULL;
    }
    if (*slot) {
        (*slot)->setup = setup;
        return *slot;
    }
    if (setup.parcel_count) {
        *status = gt_fail(ctx, GUOTU_ERR_STATE, "%s: this ledger already has parcels carrying both land uses", fn);
        return NULL;
    }
    lg_years *y = calloc(1, sizeof *y);
    if (!y) {
        *status = gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
        return NULL;
    }
    y->setup = setup;
    y->tolerance_m2 = setup.tolerance_m2;
    guotu_convert_options o;
    guotu_convert_options_init(&o);
    o.crs = setup.crs;
    o.area_method = setup.area_method;
    o.invalid = GUOTU_INVALID_REPAIR;
    o.before_label = "current land use";
    o.after_label = "planned land use";
    *status = neutral_policy(ctx, &y->policy);
    if (!*status) *status = guotu_convert_create(ctx, &o, setup.maps[0], setup.maps[1], y->policy, NULL, NULL, &y->cv);
    if (*status) {
        years_free(ctx, y);
        return NULL;
    }
    *slot = y;
    return y;
}

/* A polygon's own area (m²) as the overlay measured it when it was added (invalid ones
 * repaired): what the overlay's running total of its side grew by. Reading and measuring every
 * polygon of both years a second time cost a quarter of the two-year ledger. The total is a sum
 * of parcel areas, so the difference is exact to far below a square millimetre. */
static int added_area(guotu_context *ctx, const lg_years *y, int side, double before_ha, double *area_m2) {
    guotu_convert_stats stats;
    int status = guotu_convert_get_stats(ctx, y->cv, &stats);
    if (status) return status;
    *area_m2 = ((side ? stats.after_area_ha : stats.before_area_ha) - before_ha) * 10000.0;
    return GUOTU_OK;
}

static int side_total(guotu_context *ctx, const lg_years *y, int side, double *ha) {
    guotu_convert_stats stats;
    int status = guotu_convert_get_stats(ctx, y->cv, &stats);
    *ha = status ? 0 : side ? stats.after_area_ha : stats.before_area_ha;
    return status;
}

static int check_parcel(guotu_context *ctx, const guotu_ledger_parcel *p, const unsigned char *wkb, const char *fn) {
    if (!p || !wkb) return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "%s: NULL argument", fn);
    if (!p->parcel_id || !p->parcel_id[0])
        return gt_fail(ctx, GUOTU_ERR_DATA, "%s: feature %lld has no parcel id", fn, (long long)p->fid);
    const char *texts[] = {p->parcel_id, p->unit_id, p->project_id, p->project_type, p->current_code, p->planned_code};
    for (size_t i = 0; i < sizeof texts / sizeof *texts; i++)
        if (texts[i] && !gt_utf8_valid(texts[i]))
            return gt_fail(ctx, GUOTU_ERR_DATA,
                           "%s: feature %lld: an attribute is not UTF-8 (read the file with its encoding, e.g. GBK)",
                           fn, (long long)p->fid);
    return GUOTU_OK;
}

int guotu_ledger_add_current(guotu_context *ctx, guotu_ledger *l, const guotu_ledger_parcel *parcel,
                             const unsigned char *wkb, size_t wkb_size) {
    if (!ctx) return GUOTU_ERR_ARGUMENT;
    gt_clear_error(ctx);
    if (!l) return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "guotu_ledger_add_current: NULL argument");
    int status = check_parcel(ctx, parcel, wkb, "guotu_ledger_add_current");
    if (status) return status;
    lg_years *y = years_of(ctx, l, "guotu_ledger_add_current", &status);
    if (!y) return status;
    if (y->prepared)
        return gt_fail(ctx, GUOTU_ERR_STATE,
                       "guotu_ledger_add_current: every current polygon comes before the first planned one");
    double total = 0;
    if ((status = side_total(ctx, y, 0, &total)) != GUOTU_OK) return status;
    if (gt_reserve(&y->current, &y->current_cap, y->current_count + 1, sizeof *y->current, 256))
        return gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
    yr_polygon *p = &y->current[y->current_count];
    memset(p, 0, sizeof *p);
    p->id = dup_text(parcel->parcel_id);
    p->unit = dup_text(parcel->unit_id);
    p->project = dup_text(parcel->project_id);
    p->type = dup_text(parcel->project_type);
    p->code = dup_text(parcel->current_code);
    if (!p->id || !p->unit || !p->project || !p->type || !p->code) {
        polygon_free(p);
        return gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
    }
    p->kcxs = parcel->current_kcxs;
    p->grade = parcel->current_grade;
    p->farmland = parcel->current_farmland;
    p->fid = parcel->fid;
    status = guotu_convert_add_before(ctx, y->cv, p->code, p->fid, wkb, wkb_size);
    if (!status) status = added_area(ctx, y, 0, total, &p->area_m2);
    if (status) {
        polygon_free(p);
        return status;
    }
    y->current_count++;
    return GUOTU_OK;
}

static int by_fid(const void *a, const void *b) {
    const yr_key *x = a, *z = b;
    return x->fid < z->fid ? -1 : x->fid > z->fid;
}

static int prepare(guotu_context *ctx, lg_years *y) {
    if (!y->current_count)
        return gt_fail(ctx, GUOTU_ERR_STATE, "guotu_ledger_add_planned: no current polygon was added");
    y->keys = malloc(y->current_count * sizeof *y->keys);
    if (!y->keys) return gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
    for (size_t i = 0; i < y->current_count; i++) {
        y->keys[i].fid = y->current[i].fid;
        y->keys[i].index = i;
    }
    qsort(y->keys, y->current_count, sizeof *y->keys, by_fid);
    for (size_t i = 1; i < y->current_count; i++)
        if (y->keys[i].fid == y->keys[i - 1].fid)
            return gt_fail(ctx, GUOTU_ERR_DATA, "current land use: two polygons have feature id %lld ('%s', '%s')",
                           (long long)y->keys[i].fid, y->current[y->keys[i - 1].index].id,
                           y->current[y->keys[i].index].id);
    int status = guotu_convert_prepare(ctx, y->cv);
    if (status) return status;
    y->prepared = 1;
    return GUOTU_OK;
}

static yr_polygon *current_of(lg_years *y, int64_t fid) {
    yr_key key = {fid, 0};
    yr_key *k = bsearch(&key, y->keys, y->current_count, sizeof *y->keys, by_fid);
    return k ? &y->current[k->index] : NULL;
}

static const char *either(const char *first, const char *second) {
    return first && first[0] ? first : second ? second : "";
}

static int on_piece(const guotu_conversion_piece *piece, void *user_data) {
    lg_years *y = user_data;
    const guotu_ledger_parcel *q = y->planned;
    yr_polygon *c = current_of(y, piece->before_fid);
    if (!c) {
        y->failed = GUOTU_ERR_STATE;
        snprintf(y->error, sizeof y->error, "unit ledger: a piece of an unknown current polygon %lld",
                 (long long)piece->before_fid);
        return 1;
    }
    double m2 = piece->area_ha * 10000.0;
    c->covered_m2 += m2;
    y->planned_covered_m2 += m2;
    if (m2 < y->tolerance_m2) { /* a sliver of two boundaries that differ by a hair: not a parcel */
        y->slivers++;
        y->sliver_m2 += m2;
        return 0;
    }
    size_t n = strlen(c->id) + strlen(q->parcel_id) + 2;
    char *id = malloc(n);
    if (!id) {
        y->failed = GUOTU_ERR_NOMEM;
        snprintf(y->error, sizeof y->error, "out of memory");
        return 1;
    }
    snprintf(id, n, "%s/%s", c->id, q->parcel_id);
    guotu_ledger_parcel p;
    memset(&p, 0, sizeof p);
    p.parcel_id = id;
    p.unit_id = either(q->unit_id, c->unit);
    p.project_id = either(q->project_id, c->project);
    p.project_type = either(q->project_type, c->type);
    p.current_code = c->code;
    p.planned_code = q->planned_code ? q->planned_code : "";
    p.area_m2 = m2 > 0 ? m2 : NAN;
    p.current_kcxs = c->kcxs;
    p.planned_kcxs = q->planned_kcxs;
    p.current_grade = c->grade;
    p.planned_grade = q->planned_grade;
    p.current_farmland = c->farmland;
    p.planned_farmland = q->planned_farmland;
    p.fid = q->fid;
    y->feeding = 1;
    int status = guotu_ledger_add_parcel(y->ctx, y->ledger, &p, piece->wkb, piece->wkb_size);
    y->feeding = 0;
    if (!status && y->setup.piece_fn && y->setup.piece_fn(&p, piece->wkb, piece->wkb_size, y->setup.piece_user)) {
        y->failed = GUOTU_ERR_CANCELLED;
        snprintf(y->error, sizeof y->error, "cancelled");
    } else if (status) {
        y->failed = status;
        snprintf(y->error, sizeof y->error, "%s", guotu_context_last_error(y->ctx));
    }
    free(id);
    return y->failed != 0;
}

static void gap_add(yr_gap *g, const char *id, double m2) {
    if (!g->polygons) snprintf(g->first, sizeof g->first, "'%.200s' (%.2f m²)", id, m2);
    g->polygons++;
    g->area_m2 += m2;
}

int guotu_ledger_add_planned(guotu_context *ctx, guotu_ledger *l, const guotu_ledger_parcel *parcel,
                             const unsigned char *wkb, size_t wkb_size) {
    if (!ctx) return GUOTU_ERR_ARGUMENT;
    gt_clear_error(ctx);
    if (!l) return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "guotu_ledger_add_planned: NULL argument");
    int status = check_parcel(ctx, parcel, wkb, "guotu_ledger_add_planned");
    if (status) return status;
    lg_years *y = years_of(ctx, l, "guotu_ledger_add_planned", &status);
    if (!y) return status;
    if (!y->prepared && (status = prepare(ctx, y)) != GUOTU_OK) return status;
    double total = 0, area = 0;
    if ((status = side_total(ctx, y, 1, &total)) != GUOTU_OK) return status;
    y->ctx = ctx;
    y->ledger = l;
    y->planned = parcel;
    y->planned_covered_m2 = 0;
    y->failed = 0;
    guotu_convert_set_piece_callback(y->cv, on_piece, y);
    status = guotu_convert_add_after(ctx, y->cv, parcel->planned_code, parcel->fid, wkb, wkb_size);
    guotu_convert_set_piece_callback(y->cv, NULL, NULL);
    y->planned = NULL;
    if (y->failed) return gt_fail(ctx, y->failed, "%s", y->error);
    if (status) return status;
    if ((status = added_area(ctx, y, 1, total, &area)) != GUOTU_OK) return status;
    if (area - y->planned_covered_m2 > y->tolerance_m2)
        gap_add(&y->gaps[1], parcel->parcel_id, area - y->planned_covered_m2);
    return GUOTU_OK;
}

static int years_finish(guotu_context *ctx, lg_years *y, double tolerance_m2) {
    if (!y->prepared) return gt_fail(ctx, GUOTU_ERR_STATE, "guotu_ledger_run: no planned polygon was added");
    for (size_t i = 0; i < y->current_count; i++) {
        yr_polygon *c = &y->current[i];
        if (c->area_m2 - c->covered_m2 > tolerance_m2) gap_add(&y->gaps[0], c->id, c->area_m2 - c->covered_m2);
    }
    static const char *const side[2] = {"current", "planned"}, *const other[2] = {"planned", "current"};
    for (int s = 0; s < 2; s++)
        if (y->gaps[s].polygons)
            return gt_fail(ctx, GUOTU_ERR_DATA,
                           "the two land-use layers do not cover the same land: %lld %s polygon(s) have %.4f ha "
                           "that no %s polygon covers (more than %g m² each), the first %s; a ledger over "
                           "part of the land would be wrong",
                           (long long)y->gaps[s].polygons, side[s], y->gaps[s].area_m2 / 10000.0, other[s],
                           tolerance_m2, y->gaps[s].first);
    return guotu_convert_finish(ctx, y->cv);
}

static int years_slivers(const lg_years *y, int64_t *count, double *area_m2) {
    if (!y) return 0;
    *count = y->slivers;
    *area_m2 = y->sliver_m2;
    return 1;
}
