/* priorities_rule.c — the ruling objective of each zone (次序最优, SPEC §11): a rule table
 * read against zones, admin units and land use. */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "area.h"
#include "csv_table.h"
#include "polygon_input.h"
#include "priorities_internal.h"

typedef struct rule_row {
    char *zone_type, *objective, *rule;
    int rank;
    gt_prefixes controls;
} rule_row;

struct guotu_rule_table {
    rule_row *rows; /* sorted by zone type, then rank, after parsing */
    size_t count, cap;
};

void guotu_rule_table_destroy(guotu_context *ctx, guotu_rule_table *t) {
    (void)ctx;
    if (!t) return;
    for (size_t i = 0; i < t->count; i++) {
        free(t->rows[i].zone_type);
        free(t->rows[i].objective);
        free(t->rows[i].rule);
        gt_prefixes_free(&t->rows[i].controls);
    }
    free(t->rows);
    free(t);
}

size_t guotu_rule_table_count(const guotu_rule_table *t) { return t ? t->count : 0; }

typedef struct parse_state {
    guotu_rule_table *t;
    const char *label;
} parse_state;

enum { COL_TYPE, COL_RANK, COL_OBJECTIVE, COL_CONTROLS, COL_RULE };

static int parse_row(guotu_context *ctx, const gt_csv_fields fields, const int *columns, int line, void *user) {
    parse_state *st = user;
    guotu_rule_table *t = st->t;
    const char *type = fields[columns[COL_TYPE]], *rank_text = fields[columns[COL_RANK]];
    const char *objective = fields[columns[COL_OBJECTIVE]];
    if (!type[0] || !objective[0])
        return gt_fail(ctx, GUOTU_ERR_DATA, "rule table '%s', line %d: empty zone_type or objective", st->label, line);
    for (int k = 0; k < 5; k++)
        if (!gt_utf8_valid(fields[columns[k]]))
            return gt_fail(ctx, GUOTU_ERR_DATA, "rule table '%s', line %d: a field is not UTF-8 text", st->label, line);
    char *end = NULL;
    errno = 0;
    long rank = strtol(rank_text, &end, 10);
    if (!rank_text[0] || errno || *end || rank < 1 || rank > 1000)
        return gt_fail(ctx, GUOTU_ERR_DATA, "rule table '%s', line %d: rank '%s' is not a whole number from 1 to 1000",
                       st->label, line, rank_text);
    for (size_t i = 0; i < t->count; i++)
        if (t->rows[i].rank == rank && !strcmp(t->rows[i].zone_type, type))
            return gt_fail(ctx, GUOTU_ERR_DATA, "rule table '%s', line %d: zone type '%s' has rank %ld twice",
                           st->label, line, type, rank);
    if (gt_reserve(&t->rows, &t->cap, t->count + 1, sizeof *t->rows, 16))
        return gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
    rule_row *r = &t->rows[t->count];
    memset(r, 0, sizeof *r);
    t->count++;
    r->rank = (int)rank;
    r->zone_type = gt_strdup(type);
    r->objective = gt_strdup(objective);
    r->rule = gt_strdup(fields[columns[COL_RULE]]);
    if (!r->zone_type || !r->objective || !r->rule || gt_prefixes_parse(&r->controls, fields[columns[COL_CONTROLS]]))
        return gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
    return GUOTU_OK;
}

static int compare_rows(const void *a, const void *b) {
    const rule_row *x = a, *y = b;
    int c = strcmp(x->zone_type, y->zone_type);
    return c ? c : (x->rank > y->rank) - (x->rank < y->rank);
}

int guotu_rule_table_parse(guotu_context *ctx, const char *csv_text, size_t csv_size, const char *label,
                           guotu_rule_table **out) {
    if (!ctx) return GUOTU_ERR_ARGUMENT;
    gt_clear_error(ctx);
    if (!csv_text || !out) return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "guotu_rule_table_parse: NULL argument");
    *out = NULL;
    guotu_rule_table *t = calloc(1, sizeof *t);
    if (!t) return gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
    parse_state st = {t, label ? label : "rules"};
    static const char *const names[] = {"zone_type", "rank", "objective", "controls", "rule"};
    int status = gt_csv_rows(ctx, csv_text, csv_size, "rule table", st.label, names, 5, parse_row, &st);
    if (!status && !t->count) status = gt_fail(ctx, GUOTU_ERR_DATA, "rule table '%s' has no rows", st.label);
    if (status) {
        guotu_rule_table_destroy(ctx, t);
        return status;
    }
    qsort(t->rows, t->count, sizeof *t->rows, compare_rows);
    *out = t;
    return GUOTU_OK;
}

/* ---- the run ---- */

typedef struct unit_sum {
    char *code, *name;
    const rule_row *first;     /* zones: the type's rank-1 row (lowest rank), NULL when none */
    size_t row_begin, row_end; /* zones: the type's rows in the table */
    double area_ha, controlled_ha, net_ha;
    int64_t pieces;
} unit_sum;

struct guotu_rule_run {
    const guotu_rule_table *table;
    guotu_area_calc *calc;
    guotu_invalid_policy invalid;
    gt_polyset zones, admins;
    unit_sum *zone_sums, *admin_sums;
    size_t zone_cap, admin_cap;
    int started; /* land use has begun */
    GEOSWKBWriter *writer;
};

void guotu_rule_options_init(guotu_rule_options *opts) {
    if (!opts) return;
    memset(opts, 0, sizeof *opts);
    opts->area_method = GUOTU_AREA_ELLIPSOIDAL;
    opts->invalid = GUOTU_INVALID_REPAIR;
}

int guotu_rule_run_create(guotu_context *ctx, const guotu_rule_options *opts, const guotu_rule_table *table,
                          guotu_rule_run **out) {
    if (!ctx) return GUOTU_ERR_ARGUMENT;
    gt_clear_error(ctx);
    if (!opts || !table || !out) return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "guotu_rule_run_create: NULL argument");
    *out = NULL;
    guotu_rule_run *r = calloc(1, sizeof *r);
    if (!r) return gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
    r->table = table;
    r->invalid = opts->invalid;
    int status = guotu_area_calc_create(ctx, opts->crs, opts->area_method, &r->calc);
    if (!status && !(r->writer = GEOSWKBWriter_create_r(ctx->geos)))
        status = gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
    if (status) {
        guotu_rule_run_destroy(ctx, r);
        return status;
    }
    *out = r;
    return GUOTU_OK;
}

static void free_sums(unit_sum *s, size_t n) {
    for (size_t i = 0; i < n; i++) {
        free(s[i].code);
        free(s[i].name);
    }
    free(s);
}

void guotu_rule_run_destroy(guotu_context *ctx, guotu_rule_run *r) {
    if (!r) return;
    guotu_area_calc_destroy(ctx, r->calc);
    if (r->writer) GEOSWKBWriter_destroy_r(ctx->geos, r->writer);
    free_sums(r->zone_sums, r->zones.count);
    free_sums(r->admin_sums, r->admins.count);
    gt_polyset_free(ctx, &r->zones);
    gt_polyset_free(ctx, &r->admins);
    free(r);
}

static int add_unit(guotu_context *ctx, guotu_rule_run *r, int zone, int64_t fid, const char *code, const char *name,
                    const unsigned char *wkb, size_t wkb_size) {
    if (!ctx) return GUOTU_ERR_ARGUMENT;
    gt_clear_error(ctx);
    if (!r || !wkb || !code) return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "guotu_rule_run_add: NULL argument");
    if (r->started) return gt_fail(ctx, GUOTU_ERR_STATE, "zones and admin units must come before the land use");
    const char *label = zone ? "zones" : "admin units";
    if (!gt_utf8_valid(code) || (name && !gt_utf8_valid(name)))
        return gt_fail(ctx, GUOTU_ERR_DATA, "%s, feature %lld: the %s is not UTF-8 text", label, (long long)fid,
                       zone ? "zone type" : "code or name");
    GEOSGeometry *g = NULL;
    int repaired = 0;
    int status = gt_read_polygon(ctx, r->invalid, label, fid, wkb, wkb_size, &g, &repaired);
    if (status) return status;
    double area = 0;
    status = gt_area_of_geom(ctx, r->calc, g, &area);
    gt_polyset *set = zone ? &r->zones : &r->admins;
    unit_sum **sums = zone ? &r->zone_sums : &r->admin_sums;
    size_t *cap = zone ? &r->zone_cap : &r->admin_cap;
    if (status) {
        GEOSGeom_destroy_r(ctx->geos, g);
        return status;
    }
    if (gt_reserve(sums, cap, set->count + 1, sizeof **sums, 64)) {
        GEOSGeom_destroy_r(ctx->geos, g);
        return gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
    }
    unit_sum *s = &(*sums)[set->count];
    memset(s, 0, sizeof *s);
    s->code = gt_strdup(code);
    s->name = gt_strdup(name ? name : "");
    s->area_ha = area / 1e4;
    if (zone) { /* the type's rows: a run of the sorted table */
        const guotu_rule_table *t = r->table;
        size_t b = 0;
        while (b < t->count && strcmp(t->rows[b].zone_type, code))
            b++;
        size_t e = b;
        while (e < t->count && !strcmp(t->rows[e].zone_type, code))
            e++;
        s->row_begin = b;
        s->row_end = e;
        s->first = b < e ? &t->rows[b] : NULL;
    }
    if (!s->code || !s->name) {
        free(s->code);
        free(s->name);
        GEOSGeom_destroy_r(ctx->geos, g);
        return gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
    }
    return gt_polyset_add(ctx, set, fid, g);
}

int guotu_rule_run_add_zone(guotu_context *ctx, guotu_rule_run *r, int64_t fid, const char *zone_type,
                            const unsigned char *wkb, size_t wkb_size) {
    return add_unit(ctx, r, 1, fid, zone_type, "", wkb, wkb_size);
}

int guotu_rule_run_add_admin(guotu_context *ctx, guotu_rule_run *r, int64_t fid, const char *code, const char *name,
                             const unsigned char *wkb, size_t wkb_size) {
    return add_unit(ctx, r, 0, fid, code, name, wkb, wkb_size);
}

/* The row that rules `land_class` in zone `z`: the first of its type's rows (by rank) that
 * controls the class; NULL when none does. */
static const rule_row *ruling_row(const guotu_rule_run *r, const unit_sum *z, const char *land_class) {
    for (size_t i = z->row_begin; i < z->row_end; i++)
        if (gt_prefixes_match(&r->table->rows[i].controls, land_class)) return &r->table->rows[i];
    return NULL;
}

static int any_control(const guotu_rule_table *t, const char *land_class) {
    for (size_t i = 0; i < t->count; i++)
        if (gt_prefixes_match(&t->rows[i].controls, land_class)) return 1;
    return 0;
}

typedef struct emit_args {
    guotu_rule_piece piece;
    double deduction;
    guotu_rule_piece_fn fn;
    void *user;
    unit_sum *zone;
} emit_args;

static int emit(guotu_context *ctx, guotu_rule_run *r, emit_args *a, GEOSGeometry *g, size_t admin) {
    double area = 0;
    int status = gt_area_of_geom(ctx, r->calc, g, &area);
    if (status) return status;
    guotu_rule_piece *p = &a->piece;
    p->area_ha = area / 1e4;
    p->net_ha = p->area_ha * (1 - a->deduction);
    unit_sum *u = admin < r->admins.count ? &r->admin_sums[admin] : NULL;
    p->admin_fid = u ? r->admins.members[admin].fid : -1;
    p->admin_code = u ? u->code : "";
    unit_sum *sums[2] = {a->zone, u};
    for (int k = 0; k < 2; k++)
        if (sums[k]) {
            sums[k]->controlled_ha += p->area_ha;
            sums[k]->net_ha += p->net_ha;
            sums[k]->pieces++;
        }
    unsigned char *wkb = NULL;
    p->wkb_size = 0;
    if (a->fn) {
        wkb = GEOSWKBWriter_write_r(ctx->geos, r->writer, g, &p->wkb_size);
        if (!wkb) return gt_fail_geos(ctx, GUOTU_ERR_GEOMETRY, "cannot write a piece's WKB");
    }
    p->wkb = wkb;
    int stop = a->fn ? a->fn(p, a->user) : 0;
    if (wkb) GEOSFree_r(ctx->geos, wkb);
    p->wkb = NULL;
    return stop ? gt_fail(ctx, GUOTU_ERR_CANCELLED, "cancelled") : GUOTU_OK;
}

/* Splits `piece` (taken) by the admin units and hands each part to emit. */
static int split_by_admin(guotu_context *ctx, guotu_rule_run *r, emit_args *a, GEOSGeometry *piece) {
    if (!r->admins.count) {
        int status = emit(ctx, r, a, piece, (size_t)-1);
        GEOSGeom_destroy_r(ctx->geos, piece);
        return status;
    }
    int status = gt_polyset_query(ctx, &r->admins, piece) ? GUOTU_ERR_GEOMETRY : GUOTU_OK;
    GEOSGeometry *rest = piece;
    /* The hits are copied: a nested query would overwrite them (there is none, but cheap). */
    for (size_t h = 0; !status && rest && h < r->admins.nhits; h++) {
        size_t i = r->admins.hits[h];
        gt_polyset_member *m = &r->admins.members[i];
        if (GEOSPreparedContains_r(ctx->geos, m->prepared, rest) == 1) {
            status = emit(ctx, r, a, rest, i);
            GEOSGeom_destroy_r(ctx->geos, rest);
            rest = NULL;
            break;
        }
        if (GEOSPreparedIntersects_r(ctx->geos, m->prepared, rest) != 1) continue;
        GEOSGeometry *part = NULL, *left = NULL;
        status = gt_overlay_polygonal(ctx, rest, m->geom, 0, &part, "land-use feature %lld with admin unit '%s'",
                                      (long long)a->piece.landuse_fid, r->admin_sums[i].code);
        if (!status && part) status = emit(ctx, r, a, part, i);
        if (!status && part)
            status = gt_overlay_polygonal(ctx, rest, m->geom, 1, &left, "admin unit '%s' from land-use feature %lld",
                                          r->admin_sums[i].code, (long long)a->piece.landuse_fid);
        if (part) GEOSGeom_destroy_r(ctx->geos, part);
        if (!status && part) {
            GEOSGeom_destroy_r(ctx->geos, rest);
            rest = left;
        }
    }
    if (!status && rest) status = emit(ctx, r, a, rest, (size_t)-1); /* outside every unit */
    if (rest) GEOSGeom_destroy_r(ctx->geos, rest);
    return status;
}

int guotu_rule_run_add_landuse(guotu_context *ctx, guotu_rule_run *r, int64_t fid, const char *land_class,
                               double deduction, const unsigned char *wkb, size_t wkb_size, guotu_rule_piece_fn fn,
                               void *user_data) {
    if (!ctx) return GUOTU_ERR_ARGUMENT;
    gt_clear_error(ctx);
    if (!r || !wkb || !land_class) return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "guotu_rule_run_add_landuse: NULL argument");
    r->started = 1;
    if (isnan(deduction)) deduction = 0;
    if (!(deduction >= 0 && deduction < 1))
        return gt_fail(ctx, GUOTU_ERR_DATA, "land use, feature %lld: deduction coefficient %g is not in [0, 1)",
                       (long long)fid, deduction);
    if (!gt_utf8_valid(land_class))
        return gt_fail(ctx, GUOTU_ERR_DATA, "land use, feature %lld: the class code is not UTF-8 text", (long long)fid);
    if (!any_control(r->table, land_class)) return GUOTU_OK; /* no objective controls the class anywhere */
    GEOSGeometry *land = NULL;
    int repaired = 0;
    int status = gt_read_polygon(ctx, r->invalid, "land use", fid, wkb, wkb_size, &land, &repaired);
    if (status) return status;
    if (gt_polyset_query(ctx, &r->zones, land)) {
        GEOSGeom_destroy_r(ctx->geos, land);
        return GUOTU_ERR_GEOMETRY;
    }
    /* The zone hits are kept: splitting by admin units queries another set. */
    size_t nz = r->zones.nhits;
    size_t *zone_hits = nz ? malloc(nz * sizeof *zone_hits) : NULL;
    if (nz && !zone_hits) {
        GEOSGeom_destroy_r(ctx->geos, land);
        return gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
    }
    if (nz) memcpy(zone_hits, r->zones.hits, nz * sizeof *zone_hits);
    for (size_t h = 0; !status && h < nz; h++) {
        size_t z = zone_hits[h];
        gt_polyset_member *m = &r->zones.members[z];
        unit_sum *zs = &r->zone_sums[z];
        const rule_row *row = ruling_row(r, zs, land_class);
        if (!row || GEOSPreparedIntersects_r(ctx->geos, m->prepared, land) != 1) continue;
        GEOSGeometry *piece = NULL;
        if (GEOSPreparedContains_r(ctx->geos, m->prepared, land) == 1) {
            piece = GEOSGeom_clone_r(ctx->geos, land);
            if (!piece) status = gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
        } else {
            status = gt_overlay_polygonal(ctx, land, m->geom, 0, &piece, "land-use feature %lld with zone %lld",
                                          (long long)fid, (long long)m->fid);
        }
        if (status || !piece) continue;
        emit_args a = {{0}, deduction, fn, user_data, zs};
        a.piece.landuse_fid = fid;
        a.piece.zone_fid = m->fid;
        a.piece.zone_type = zs->code;
        a.piece.land_class = land_class;
        a.piece.objective = row->objective;
        a.piece.rank = row->rank;
        a.piece.rule = row->rule;
        status = split_by_admin(ctx, r, &a, piece);
    }
    free(zone_hits);
    GEOSGeom_destroy_r(ctx->geos, land);
    return status;
}

size_t guotu_rule_run_zone_count(const guotu_rule_run *r) { return r ? r->zones.count : 0; }
size_t guotu_rule_run_admin_count(const guotu_rule_run *r) { return r ? r->admins.count : 0; }

static int summary(guotu_context *ctx, const gt_polyset *set, const unit_sum *sums, size_t i, guotu_rule_summary *out) {
    if (!ctx) return GUOTU_ERR_ARGUMENT;
    if (!out || i >= set->count) return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "summary row %zu out of range", i);
    const unit_sum *s = &sums[i];
    *out = (guotu_rule_summary){set->members[i].fid, s->code,          s->name,   s->first ? s->first->objective : "",
                                s->area_ha,          s->controlled_ha, s->net_ha, s->pieces};
    return GUOTU_OK;
}

int guotu_rule_run_zone(guotu_context *ctx, const guotu_rule_run *r, size_t i, guotu_rule_summary *out) {
    if (!r) return ctx ? gt_fail(ctx, GUOTU_ERR_ARGUMENT, "NULL run") : GUOTU_ERR_ARGUMENT;
    return summary(ctx, &r->zones, r->zone_sums, i, out);
}

int guotu_rule_run_admin(guotu_context *ctx, const guotu_rule_run *r, size_t i, guotu_rule_summary *out) {
    if (!r) return ctx ? gt_fail(ctx, GUOTU_ERR_ARGUMENT, "NULL run") : GUOTU_ERR_ARGUMENT;
    return summary(ctx, &r->admins, r->admin_sums, i, out);
}
