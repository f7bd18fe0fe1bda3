/* voucher.c — ecological voucher accounting (SPEC §3, eqs. 1–3). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "collections.h"
#include "csv.h"
#include "internal.h"

typedef struct zone_row {
    char *id, *name;
    double area_ha, gdp, population;
    double dm_line[2];         /* ΔM inside the red line (0) and farmland (1) */
    double loss_ha, loss_area; /* standard forest and land lost inside the red line */
    int key_function;
    guotu_voucher_zone result;
} zone_row;

typedef struct class_row {
    int32_t zone, code;
    double area[2]; /* ha in base (0) and target (1) year */
    double k;
} class_row;

typedef struct unknown_row {
    int32_t code;
    int year;
    double area_ha;
} unknown_row;

struct guotu_voucher {
    guotu_voucher_options opts;
    const guotu_coefficients *coefficients[2];
    zone_row *zones;
    size_t zone_count, zone_cap;
    gt_string_table zone_ids;
    gt_string_table codes;
    gt_index_map pairs; /* zone << 32 | code -> class row */
    class_row *rows;
    size_t row_cap;
    unknown_row *unknown;
    size_t unknown_count;
    int years_added[2];
    int computed;
    int failed; /* a tally failed part-way: the sums are incomplete, the account unusable */
    guotu_voucher_summary summary;
};

void guotu_voucher_options_init(guotu_voucher_options *opts) {
    if (!opts) return;
    memset(opts, 0, sizeof *opts);
    opts->baseline = GUOTU_BASELINE_BASE_YEAR;
    opts->protection_rate = -1;
    opts->reference_from_zones = 1;
    opts->balanced_tolerance = 1e-9;
    opts->lines = 0;
    opts->redline_loss = GUOTU_REDLINE_LOSS_EXCLUDE;
    opts->key_function_in_market = 0;
}

const char *guotu_redline_loss_name(int policy) { return policy == GUOTU_REDLINE_LOSS_COUNT ? "count" : "exclude"; }

const char *guotu_role_name(int role) {
    switch (role) {
    case GUOTU_ROLE_SUPPLY: return "supply";
    case GUOTU_ROLE_DEMAND: return "demand";
    default: return "balanced";
    }
}

int guotu_voucher_create(guotu_context *ctx, const guotu_voucher_options *opts,
                         const guotu_coefficients *base_coefficients, const guotu_coefficients *target_coefficients,
                         guotu_voucher **out) {
    if (!ctx) return GUOTU_ERR_ARGUMENT;
    gt_clear_error(ctx);
    if (!opts || !out || !base_coefficients || !target_coefficients)
        return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "guotu_voucher_create: NULL argument");
    *out = NULL;
    if (opts->baseline != GUOTU_BASELINE_BASE_YEAR && opts->baseline != GUOTU_BASELINE_PROTECTION_RATE)
        return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "unknown baseline mode %d", (int)opts->baseline);
    if (!opts->reference_from_zones &&
        !(opts->reference_gdp_per_capita > 0 && isfinite(opts->reference_gdp_per_capita) &&
          opts->reference_pop_density > 0 && isfinite(opts->reference_pop_density)))
        return gt_fail(ctx, GUOTU_ERR_ARGUMENT,
                       "entered reference values must be positive numbers (GDP per capita %g yuan/person, population "
                       "density %g persons/km²)",
                       opts->reference_gdp_per_capita, opts->reference_pop_density);
    if (opts->redline_loss != GUOTU_REDLINE_LOSS_EXCLUDE && opts->redline_loss != GUOTU_REDLINE_LOSS_COUNT)
        return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "unknown red-line loss policy %d", opts->redline_loss);
    if (opts->baseline == GUOTU_BASELINE_PROTECTION_RATE && opts->protection_rate >= 0 &&
        !isfinite(opts->protection_rate))
        return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "the protection rate must be a finite number");
    guotu_voucher *v = calloc(1, sizeof *v);
    if (!v) return gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
    v->opts = *opts;
    if (!(v->opts.balanced_tolerance >= 0)) v->opts.balanced_tolerance = 1e-9;
    v->coefficients[0] = base_coefficients;
    v->coefficients[1] = target_coefficients;
    *out = v;
    return GUOTU_OK;
}

void guotu_voucher_destroy(guotu_context *ctx, guotu_voucher *v) {
    (void)ctx;
    if (!v) return;
    for (size_t i = 0; i < v->zone_count; i++) {
        free(v->zones[i].id);
        free(v->zones[i].name);
    }
    free(v->zones);
    gt_string_table_free(&v->zone_ids);
    gt_string_table_free(&v->codes);
    gt_index_map_free(&v->pairs);
    free(v->rows);
    free(v->unknown);
    free(v);
}

int guotu_voucher_add_zone(guotu_context *ctx, guotu_voucher *v, const char *zone_id, const char *name, double area_ha,
                           double gdp_yuan, double population) {
    if (!ctx) return GUOTU_ERR_ARGUMENT;
    gt_clear_error(ctx);
    if (!v) return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "guotu_voucher_add_zone: account is NULL");
    if (v->computed || v->years_added[0] || v->years_added[1])
        return gt_fail(ctx, GUOTU_ERR_STATE, "zones must be added before the tallies");
    if (!zone_id || !zone_id[0]) return gt_fail(ctx, GUOTU_ERR_DATA, "a zone has an empty id");
    if (!gt_utf8_valid(zone_id) || (name && !gt_utf8_valid(name)))
        return gt_fail(ctx, GUOTU_ERR_DATA, "the id or name of a zone is not UTF-8 text");
    if (gt_string_table_find(&v->zone_ids, zone_id) >= 0)
        return gt_fail(ctx, GUOTU_ERR_DATA, "zone id '%s' appears twice", zone_id);
    if (!isfinite(gdp_yuan) || gdp_yuan < 0)
        return gt_fail(ctx, GUOTU_ERR_DATA, "zone '%s': GDP is %g; it must be a number >= 0 (yuan)", zone_id, gdp_yuan);
    if (!isfinite(population) || !(population > 0))
        return gt_fail(ctx, GUOTU_ERR_DATA, "zone '%s': population is %g; it must be a number > 0 (persons)", zone_id,
                       population);
    if (!isfinite(area_ha) || !(area_ha > 0))
        return gt_fail(ctx, GUOTU_ERR_DATA, "zone '%s': land area is %g ha; it must be > 0", zone_id, area_ha);
    /* Everything the zone owns is made first (its id interned last, so that the id's index
     * stays the zone's index): a failure adds nothing. */
    char *id_copy = gt_strdup(zone_id), *name_copy = gt_strdup(name ? name : "");
    if (!id_copy || !name_copy || gt_reserve(&v->zones, &v->zone_cap, v->zone_count + 1, sizeof *v->zones, 64) ||
        gt_string_table_intern(&v->zone_ids, zone_id) < 0) {
        free(id_copy);
        free(name_copy);
        return gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
    }
    zone_row *z = &v->zones[v->zone_count++];
    memset(z, 0, sizeof *z);
    z->id = id_copy;
    z->name = name_copy;
    z->area_ha = area_ha;
    z->gdp = gdp_yuan;
    z->population = population;
    return GUOTU_OK;
}

static class_row *row_for(guotu_context *ctx, guotu_voucher *v, int32_t zone, const char *code) {
    int32_t c = gt_string_table_intern(&v->codes, code);
    if (c < 0) return NULL;
    uint64_t key = ((uint64_t)(uint32_t)zone << 32) | (uint32_t)c;
    /* Room for a new row before the key is inserted: the map never holds a key without its row. */
    if (gt_reserve(&v->rows, &v->row_cap, v->pairs.count + 1, sizeof *v->rows, 256)) return NULL;
    int inserted = 0;
    int32_t k = gt_index_map_insert(&v->pairs, key, &inserted);
    if (k < 0) return NULL;
    if (inserted) {
        memset(&v->rows[k], 0, sizeof v->rows[k]);
        v->rows[k].zone = zone;
        v->rows[k].code = c;
    }
    (void)ctx;
    return &v->rows[k];
}

int guotu_voucher_add_tally(guotu_context *ctx, guotu_voucher *v, int year, const guotu_tally *t) {
    if (!ctx) return GUOTU_ERR_ARGUMENT;
    gt_clear_error(ctx);
    if (!v || !t || (year != 0 && year != 1))
        return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "guotu_voucher_add_tally: bad argument");
    if (v->failed) return gt_fail(ctx, GUOTU_ERR_STATE, "an earlier tally failed part-way; start a new account");
    if (v->computed || v->years_added[year])
        return gt_fail(ctx, GUOTU_ERR_STATE, "the %s year was already added", year ? "target" : "base");
    size_t n = guotu_tally_result_count(t);
    int status = GUOTU_OK;
    for (size_t i = 0; !status && i < n; i++) {
        const char *zone_id, *code;
        double ha;
        status = guotu_tally_result(ctx, t, i, &zone_id, &code, &ha);
        if (status) break;
        int32_t zone = gt_string_table_find(&v->zone_ids, zone_id);
        class_row *row = zone < 0 ? NULL : row_for(ctx, v, zone, code);
        if (zone < 0)
            status = gt_fail(ctx, GUOTU_ERR_DATA, "the %s-year tally has zone '%s', which the account does not have",
                             year ? "target" : "base", zone_id);
        else if (!row)
            status = gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
        else
            row->area[year] += ha;
    }
    if (status)
        v->failed = 1;
    else
        v->years_added[year] = 1;
    return status;
}

static double k_or_zero(const guotu_coefficients *c, const char *code) {
    double k = 0;
    return code && guotu_coefficients_lookup(c, code, &k) ? k : 0;
}

int guotu_voucher_add_line_piece(guotu_context *ctx, guotu_voucher *v, const char *zone_id, int line,
                                 const char *from_code, const char *to_code, double area_ha, double *dm_ha) {
    if (!ctx) return GUOTU_ERR_ARGUMENT;
    gt_clear_error(ctx);
    if (!v || !zone_id) return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "guotu_voucher_add_line_piece: NULL argument");
    if (!v->opts.lines) return gt_fail(ctx, GUOTU_ERR_STATE, "the account was created without the bottom lines");
    if (v->computed) return gt_fail(ctx, GUOTU_ERR_STATE, "line pieces must be added before compute");
    int32_t z = gt_string_table_find(&v->zone_ids, zone_id);
    if (z < 0)
        return gt_fail(ctx, GUOTU_ERR_DATA, "a line piece names zone '%s', which the account does not have", zone_id);
    if (!isfinite(area_ha) || area_ha < 0)
        return gt_fail(ctx, GUOTU_ERR_DATA, "zone '%s': a line piece has area %g ha", zone_id, area_ha);
    double dm = area_ha * (k_or_zero(v->coefficients[1], to_code) - k_or_zero(v->coefficients[0], from_code));
    if (dm_ha) *dm_ha = dm;
    zone_row *zr = &v->zones[z];
    if (line == GUOTU_LINE_REDLINE) {
        zr->dm_line[0] += dm;
        if (dm < 0) {
            zr->loss_ha -= dm;
            zr->loss_area += area_ha;
        }
    } else if (line == GUOTU_LINE_FARMLAND) {
        zr->dm_line[1] += dm;
    }
    return GUOTU_OK;
}

int guotu_voucher_mark_key_function(guotu_context *ctx, guotu_voucher *v, const char *zone_id) {
    if (!ctx) return GUOTU_ERR_ARGUMENT;
    gt_clear_error(ctx);
    if (!v || !zone_id) return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "guotu_voucher_mark_key_function: NULL argument");
    if (v->computed) return gt_fail(ctx, GUOTU_ERR_STATE, "key function zones must be marked before compute");
    int32_t z = gt_string_table_find(&v->zone_ids, zone_id);
    if (z < 0)
        return gt_fail(ctx, GUOTU_ERR_DATA,
                       "key ecological function zone '%s' is not a zone of the account (check the list of ids)",
                       zone_id);
    v->zones[z].key_function = 1;
    return GUOTU_OK;
}

static int note_unknown(guotu_voucher *v, int32_t code, int year, double ha) {
    for (size_t i = 0; i < v->unknown_count; i++)
        if (v->unknown[i].code == code && v->unknown[i].year == year) {
            v->unknown[i].area_ha += ha;
            return 0;
        }
    unknown_row *grown = realloc(v->unknown, (v->unknown_count + 1) * sizeof *grown);
    if (!grown) return -1;
    v->unknown = grown;
    v->unknown[v->unknown_count++] = (unknown_row){code, year, ha};
    return 0;
}

/* Standard forest of every zone in `year` (eq. 1), into m[zone]; unknown codes noted. */
static int standard_forest(guotu_context *ctx, guotu_voucher *v, int year, double *m) {
    for (size_t z = 0; z < v->zone_count; z++)
        m[z] = 0;
    for (size_t r = 0; r < v->pairs.count; r++) {
        class_row *row = &v->rows[r];
        if (row->area[year] == 0) continue;
        double k = 0;
        if (guotu_coefficients_lookup(v->coefficients[year], v->codes.strings[row->code], &k)) {
            m[row->zone] += row->area[year] * k;
            /* One k per row for the breakdown table: the target year's when it has one. */
            if (year == 1 || isnan(row->k)) row->k = k;
        } else if (note_unknown(v, row->code, year, row->area[year]) != 0) {
            return gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
        }
    }
    return GUOTU_OK;
}

int guotu_voucher_compute(guotu_context *ctx, guotu_voucher *v) {
    if (!ctx) return GUOTU_ERR_ARGUMENT;
    gt_clear_error(ctx);
    if (!v) return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "guotu_voucher_compute: account is NULL");
    if (v->computed) return gt_fail(ctx, GUOTU_ERR_STATE, "the account was already computed");
    if (v->failed) return gt_fail(ctx, GUOTU_ERR_STATE, "an earlier tally failed part-way; start a new account");
    if (!v->zone_count) return gt_fail(ctx, GUOTU_ERR_DATA, "the account has no zones");
    if (!v->years_added[0] || !v->years_added[1])
        return gt_fail(ctx, GUOTU_ERR_STATE, "both the base-year and the target-year tally are needed");
    for (size_t r = 0; r < v->pairs.count; r++)
        v->rows[r].k = NAN;
    double *m0 = calloc(v->zone_count, sizeof *m0), *mt = calloc(v->zone_count, sizeof *mt);
    int status = (!m0 || !mt) ? gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory") : GUOTU_OK;
    if (!status) status = standard_forest(ctx, v, 0, m0);
    if (!status) status = standard_forest(ctx, v, 1, mt);
    if (status) {
        free(m0);
        free(mt);
        return status;
    }
    guotu_voucher_summary *s = &v->summary;
    double gdp = 0, pop = 0, area = 0, m_base = 0;
    for (size_t z = 0; z < v->zone_count; z++) {
        gdp += v->zones[z].gdp;
        pop += v->zones[z].population;
        area += v->zones[z].area_ha;
        m_base += m0[z];
    }
    s->reference_from_zones = v->opts.reference_from_zones;
    s->reference_gdp_per_capita = v->opts.reference_from_zones ? gdp / pop : v->opts.reference_gdp_per_capita;
    s->reference_pop_density = v->opts.reference_from_zones ? pop / (area / 100.0) : v->opts.reference_pop_density;
    s->protection_rate = v->opts.protection_rate >= 0 ? v->opts.protection_rate : m_base / area;
    if (!(s->reference_gdp_per_capita > 0)) {
        free(m0);
        free(mt);
        return gt_fail(ctx, GUOTU_ERR_DATA, "the zones' total GDP is 0, so GDP ratios cannot be formed");
    }
    for (size_t z = 0; z < v->zone_count; z++) {
        zone_row *zr = &v->zones[z];
        guotu_voucher_zone *r = &zr->result;
        r->zone_id = zr->id;
        r->zone_name = zr->name;
        r->area_ha = zr->area_ha;
        r->m0_ha = v->opts.baseline == GUOTU_BASELINE_PROTECTION_RATE ? zr->area_ha * s->protection_rate : m0[z];
        r->mt_ha = mt[z];
        r->dm_ha = r->mt_ha - r->m0_ha;
        r->g_ratio = (zr->gdp / zr->population) / s->reference_gdp_per_capita;
        r->p_ratio = (zr->population / (zr->area_ha / 100.0)) / s->reference_pop_density;
        /* A loss inside the red line is a violation, not demand (SPEC §3): by default E is
         * computed as if it had not happened. */
        int lines = v->opts.lines;
        r->dm_redline_ha = lines ? zr->dm_line[0] : NAN;
        r->dm_farmland_ha = lines ? zr->dm_line[1] : NAN;
        r->redline_loss_ha = lines ? zr->loss_ha : NAN;
        r->redline_loss_area_ha = lines ? zr->loss_area : NAN;
        r->violation = lines && zr->loss_ha > v->opts.balanced_tolerance;
        r->dm_tradable_ha =
            r->dm_ha + (lines && v->opts.redline_loss == GUOTU_REDLINE_LOSS_EXCLUDE ? zr->loss_ha : 0.0);
        r->key_function = zr->key_function;
        r->in_market = !zr->key_function || v->opts.key_function_in_market;
        r->e_ha = r->dm_tradable_ha * r->g_ratio * r->p_ratio;
        if (r->e_ha > v->opts.balanced_tolerance)
            r->role = GUOTU_ROLE_SUPPLY;
        else if (r->e_ha < -v->opts.balanced_tolerance)
            r->role = GUOTU_ROLE_DEMAND;
        else
            r->role = GUOTU_ROLE_BALANCED;
        r->amount_yuan = v->opts.price > 0 ? r->e_ha * v->opts.price : NAN;
        s->m0_total_ha += r->m0_ha;
        s->mt_total_ha += r->mt_ha;
        double *supply = r->in_market ? &s->supply_ha : &s->key_function_supply_ha;
        double *demand = r->in_market ? &s->demand_ha : &s->key_function_demand_ha;
        if (r->role == GUOTU_ROLE_SUPPLY) *supply += r->e_ha;
        if (r->role == GUOTU_ROLE_DEMAND) *demand -= r->e_ha;
        s->key_function_zones += r->key_function;
        s->zones_out_of_market += !r->in_market;
        if (lines) {
            s->dm_redline_ha += r->dm_redline_ha;
            s->dm_farmland_ha += r->dm_farmland_ha;
            s->redline_loss_ha += r->redline_loss_ha;
            s->redline_loss_area_ha += r->redline_loss_area_ha;
            s->violation_zones += r->violation;
        }
    }
    if (!v->opts.lines) s->dm_redline_ha = s->dm_farmland_ha = s->redline_loss_ha = s->redline_loss_area_ha = NAN;
    s->lines = v->opts.lines;
    s->redline_loss = v->opts.redline_loss;
    s->key_function_in_market = v->opts.key_function_in_market;
    free(m0);
    free(mt);
    v->computed = 1;
    return GUOTU_OK;
}

size_t guotu_voucher_zone_count(const guotu_voucher *v) { return v && v->computed ? v->zone_count : 0; }

int guotu_voucher_zone_result(guotu_context *ctx, const guotu_voucher *v, size_t i, guotu_voucher_zone *out) {
    if (!ctx) return GUOTU_ERR_ARGUMENT;
    gt_clear_error(ctx);
    if (!v || !out) return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "guotu_voucher_zone_result: NULL argument");
    if (!v->computed) return gt_fail(ctx, GUOTU_ERR_STATE, "compute the account first");
    if (i >= v->zone_count) return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "zone %zu out of range", i);
    *out = v->zones[i].result;
    return GUOTU_OK;
}

size_t guotu_voucher_class_count(const guotu_voucher *v) { return v && v->computed ? v->pairs.count : 0; }

int guotu_voucher_class_result(guotu_context *ctx, const guotu_voucher *v, size_t i, guotu_voucher_class_row *out) {
    if (!ctx) return GUOTU_ERR_ARGUMENT;
    gt_clear_error(ctx);
    if (!v || !out) return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "guotu_voucher_class_result: NULL argument");
    if (!v->computed) return gt_fail(ctx, GUOTU_ERR_STATE, "compute the account first");
    if (i >= v->pairs.count) return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "class row %zu out of range", i);
    const class_row *r = &v->rows[i];
    out->zone_id = v->zones[r->zone].id;
    out->class_code = v->codes.strings[r->code];
    out->a0_ha = r->area[0];
    out->at_ha = r->area[1];
    out->k = r->k;
    return GUOTU_OK;
}

size_t guotu_voucher_unknown_count(const guotu_voucher *v) { return v && v->computed ? v->unknown_count : 0; }

int guotu_voucher_unknown_result(guotu_context *ctx, const guotu_voucher *v, size_t i, guotu_voucher_unknown *out) {
    if (!ctx) return GUOTU_ERR_ARGUMENT;
    gt_clear_error(ctx);
    if (!v || !out) return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "guotu_voucher_unknown_result: NULL argument");
    if (!v->computed || i >= v->unknown_count)
        return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "unknown-code row %zu out of range", i);
    out->class_code = v->codes.strings[v->unknown[i].code];
    out->year = v->unknown[i].year;
    out->area_ha = v->unknown[i].area_ha;
    return GUOTU_OK;
}

int guotu_voucher_get_summary(guotu_context *ctx, const guotu_voucher *v, guotu_voucher_summary *out) {
    if (!ctx) return GUOTU_ERR_ARGUMENT;
    gt_clear_error(ctx);
    if (!v || !out) return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "guotu_voucher_get_summary: NULL argument");
    if (!v->computed) return gt_fail(ctx, GUOTU_ERR_STATE, "compute the account first");
    *out = v->summary;
    return GUOTU_OK;
}

/* ---- attribution ---- */

struct guotu_attribution {
    char **ids;
    double *e, *units;
    size_t count;
    double unattributed;
    double tolerance;
};

void guotu_attribution_destroy(guotu_context *ctx, guotu_attribution *a) {
    (void)ctx;
    if (!a) return;
    for (size_t i = 0; i < a->count; i++)
        free(a->ids[i]);
    free(a->ids);
    free(a->e);
    free(a->units);
    free(a);
}

static int county_index(guotu_attribution *a, const char *id, size_t cap) {
    for (size_t i = 0; i < a->count; i++)
        if (strcmp(a->ids[i], id) == 0) return (int)i;
    if (a->count == cap) return -1;
    a->ids[a->count] = gt_strdup(id);
    if (!a->ids[a->count]) return -1;
    a->e[a->count] = a->units[a->count] = 0;
    return (int)a->count++;
}

int guotu_voucher_attribute(guotu_context *ctx, const guotu_voucher *v, const guotu_tally *overlap,
                            guotu_attribution **out) {
    if (!ctx) return GUOTU_ERR_ARGUMENT;
    gt_clear_error(ctx);
    if (!v || !overlap || !out) return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "guotu_voucher_attribute: NULL argument");
    *out = NULL;
    if (!v->computed) return gt_fail(ctx, GUOTU_ERR_STATE, "compute the account first");
    size_t rows = guotu_tally_result_count(overlap);
    guotu_attribution *a = calloc(1, sizeof *a);
    if (!a) return gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
    a->ids = calloc(rows ? rows : 1, sizeof *a->ids);
    a->e = calloc(rows ? rows : 1, sizeof *a->e);
    a->units = calloc(rows ? rows : 1, sizeof *a->units);
    double *covered = calloc(v->zone_count, sizeof *covered);
    int status =
        (!a->ids || !a->e || !a->units || !covered) ? gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory") : GUOTU_OK;
    a->tolerance = v->opts.balanced_tolerance;
    for (size_t i = 0; !status && i < rows; i++) {
        const char *county, *unit;
        double ha;
        status = guotu_tally_result(ctx, overlap, i, &county, &unit, &ha);
        if (status) break;
        int32_t z = gt_string_table_find(&v->zone_ids, unit);
        if (z < 0) {
            status = gt_fail(ctx, GUOTU_ERR_DATA,
                             "the unit-by-county overlap names unit '%s', which the account does "
                             "not have",
                             unit);
            break;
        }
        int c = county_index(a, county, rows);
        if (c < 0) {
            status = gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
            break;
        }
        const zone_row *zr = &v->zones[z];
        a->e[c] += zr->result.e_ha * ha / zr->area_ha;
        a->units[c] += 1;
        covered[z] += ha;
    }
    for (size_t z = 0; !status && z < v->zone_count; z++) {
        double outside = 1.0 - covered[z] / v->zones[z].area_ha;
        if (outside > 1e-9) a->unattributed += v->zones[z].result.e_ha * outside;
    }
    free(covered);
    if (status) {
        guotu_attribution_destroy(ctx, a);
        return status;
    }
    *out = a;
    return GUOTU_OK;
}

size_t guotu_attribution_count(const guotu_attribution *a) { return a ? a->count : 0; }

double guotu_attribution_unattributed(const guotu_attribution *a) { return a ? a->unattributed : 0; }

int guotu_attribution_result(guotu_context *ctx, const guotu_attribution *a, size_t i, guotu_county_voucher *out) {
    if (!ctx) return GUOTU_ERR_ARGUMENT;
    gt_clear_error(ctx);
    if (!a || !out || i >= a->count) return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "attribution row %zu out of range", i);
    out->county_id = a->ids[i];
    out->e_ha = a->e[i];
    out->units = (int)a->units[i];
    out->role = a->e[i] > a->tolerance ? GUOTU_ROLE_SUPPLY
                                       : (a->e[i] < -a->tolerance ? GUOTU_ROLE_DEMAND : GUOTU_ROLE_BALANCED);
    return GUOTU_OK;
}

/* ---- National reference values ----------------------------------------------------- */

enum { REF_YEAR, REF_GDP, REF_SOURCE, REF_DENSITY, REF_POPULATION, REF_AREA, REF_COLUMNS };

static int positive_number(const char *s, double *out) {
    char *end = NULL;
    *out = strtod(s, &end);
    return *s && end && *end == '\0' && isfinite(*out) && *out > 0;
}

static int reference_row(guotu_context *ctx, const gt_csv_fields fields, const int *col, int line, const char *label,
                         guotu_national_reference *row) {
    memset(row, 0, sizeof *row);
    row->line = line;
    row->population = row->land_area_km2 = NAN;
    const char *year = fields[col[REF_YEAR]];
    char *end = NULL;
    long y = strtol(year, &end, 10);
    if (!*year || *end || y < 1 || y > 9999)
        return gt_fail(ctx, GUOTU_ERR_DATA, "national reference table '%s', line %d: the year '%s' is not a year",
                       label, line, year);
    row->year = (int)y;
    if (!positive_number(fields[col[REF_GDP]], &row->gdp_per_capita))
        return gt_fail(ctx, GUOTU_ERR_DATA,
                       "national reference table '%s', line %d (%d): gdp_per_capita_yuan '%s' is not a number above 0",
                       label, line, row->year, fields[col[REF_GDP]]);
    const char *density = col[REF_DENSITY] >= 0 ? fields[col[REF_DENSITY]] : "";
    if (*density) {
        if (!positive_number(density, &row->pop_density))
            return gt_fail(ctx, GUOTU_ERR_DATA,
                           "national reference table '%s', line %d (%d): pop_density_per_km2 '%s' is not a number "
                           "above 0",
                           label, line, row->year, density);
    } else {
        const char *pop = col[REF_POPULATION] >= 0 ? fields[col[REF_POPULATION]] : "";
        const char *area = col[REF_AREA] >= 0 ? fields[col[REF_AREA]] : "";
        if (!positive_number(pop, &row->population) || !positive_number(area, &row->land_area_km2))
            return gt_fail(ctx, GUOTU_ERR_DATA,
                           "national reference table '%s', line %d (%d): population '%s' and land_area_km2 '%s' must "
                           "be numbers above 0 (persons, km²), or give pop_density_per_km2",
                           label, line, row->year, pop, area);
        row->pop_density = row->population / row->land_area_km2;
    }
    if (!fields[col[REF_SOURCE]][0])
        return gt_fail(ctx, GUOTU_ERR_DATA,
                       "national reference table '%s', line %d (%d): the source is empty; every row names where its "
                       "values come from (e.g. the NBS statistical communiqué of that year)",
                       label, line, row->year);
    gt_textf(row->source, sizeof row->source, "%s", fields[col[REF_SOURCE]]);
    return GUOTU_OK;
}

int guotu_national_reference_find(guotu_context *ctx, const char *csv_text, size_t csv_size, const char *label,
                                  int year, guotu_national_reference *out) {
    if (!ctx) return GUOTU_ERR_ARGUMENT;
    gt_clear_error(ctx);
    if (!csv_text || !out) return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "guotu_national_reference_find: NULL argument");
    if (!label) label = "national reference";
    const char *p = csv_text, *end = csv_text + csv_size;
    static const char *const names[REF_COLUMNS] = {"year",       "gdp_per_capita_yuan", "source", "pop_density_per_km2",
                                                   "population", "land_area_km2"};
    int col[REF_COLUMNS];
    int header = gt_csv_header(&p, end, names, REF_COLUMNS, col);
    if (header < 0 || col[REF_YEAR] < 0 || col[REF_GDP] < 0 || col[REF_SOURCE] < 0 ||
        (col[REF_DENSITY] < 0 && (col[REF_POPULATION] < 0 || col[REF_AREA] < 0)))
        return gt_fail(ctx, GUOTU_ERR_DATA,
                       "national reference table '%s': the header needs the columns 'year', 'gdp_per_capita_yuan', "
                       "'source' and either 'pop_density_per_km2' or 'population' and 'land_area_km2'",
                       label);
    int last = 0;
    for (int k = 0; k < REF_COLUMNS; k++)
        if (col[k] > last) last = col[k];
    gt_csv_fields fields;
    guotu_national_reference row;
    enum { MAX_YEARS = 256 };
    int found = 0, years[MAX_YEARS], first_line[MAX_YEARS], count = 0, status = GUOTU_OK;
    for (int line = 2; !status && p < end; line++) {
        int n = gt_csv_record(&p, end, fields);
        if (gt_csv_blank(n, fields)) continue;
        if (n <= last) {
            /* Trailing empty optional columns may be left off; the required ones may not. */
            if (n < 0 || n <= col[REF_YEAR] || n <= col[REF_GDP] || n <= col[REF_SOURCE])
                return gt_fail(ctx, GUOTU_ERR_DATA,
                               "national reference table '%s', line %d: too few or too long fields", label, line);
            for (int k = n; k <= last && k < GT_CSV_MAX_FIELDS; k++)
                fields[k][0] = '\0';
        }
        status = reference_row(ctx, (const char(*)[GT_CSV_MAX_FIELD])fields, col, line, label, &row);
        if (status) break;
        for (int k = 0; k < count; k++)
            if (years[k] == row.year)
                return gt_fail(ctx, GUOTU_ERR_DATA,
                               "national reference table '%s': lines %d and %d are both for %d; one row per year",
                               label, first_line[k], line, row.year);
        if (count < MAX_YEARS) {
            years[count] = row.year;
            first_line[count++] = line;
        }
        if (row.year == year) {
            *out = row;
            found = 1;
        }
    }
    if (status) return status;
    if (found) return GUOTU_OK;
    char list[400] = "";
    for (int k = 0; k < count; k++) {
        size_t used = strlen(list);
        snprintf(list + used, sizeof list - used, "%s%d", k ? ", " : "", years[k]);
    }
    return gt_fail(ctx, GUOTU_ERR_DATA,
                   "national reference table '%s' has no row for %d (it has %s); add the year's national GDP per "
                   "capita and population from that year's NBS statistical communiqué, or choose the reference over "
                   "the zones or entered values",
                   label, year, count ? list : "no rows");
}
