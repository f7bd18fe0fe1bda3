/* voucher_job.c — guotu_voucher_job_run (guotu_io.h): ecological voucher accounting and its
 * market from files (SPEC §3). Reads the zones and both years' land use (tally runner), the
 * coefficient and reference tables and the bottom lines, runs the account, the attribution to
 * counties and the market period by period into the accounts over years, and writes the
 * GeoPackage (voucher_output.c) and the ledger CSV (voucher_ledger.c). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "code_units.h"
#include "guotu/guotu_io.h"
#include "io_util.h"
#include "job_checks.h"
#include "resources.h"
#include "tally_runner.h"
#include "voucher_args.h"
#include "voucher_inputs.h"
#include "voucher_ledger.h"
#include "voucher_lines.h"
#include "voucher_output.h"

static int parse_number_arg(const char *option, const char *text, double *out, char *err, size_t err_size) {
    char *end = NULL;
    *out = strtod(text, &end);
    if (!*text || *end || !isfinite(*out)) {
        snprintf(err, err_size, "%s needs a number, not '%s'", option, text);
        return 1;
    }
    return 0;
}

typedef struct voucher_run {
    voucher_args a;
    guotu_context *ctx;
    zone_set zones;
    guotu_tally *tally[2];
    guotu_coefficients *coeff[2];
    char coeff_source[2][1200];
    guotu_voucher *voucher;
    zone_set counties;
    guotu_tally *overlap;
    guotu_attribution *attribution;
    guotu_market *market;
    guotu_national_reference national; /* the row used with --reference national */
    voucher_lines_result lines;        /* violations, with the bottom lines */
    char reference_table[1400];        /* the table it came from, as recorded */
    voucher_ledger ledger;             /* accounts over years: every period's rows */
    int base_year;                     /* 0: not known */
    char cap_text[64];                 /* the period's cap from --caps */
    char target_year_text[16];         /* the target year the data states (SJNF), else the job's */
    char base_year_text[16];           /* the job's base year */
    char periods_text[4096];           /* the periods as recorded in the metadata */
    char units_path[128];              /* zones from codes: the units' polygons (in GDAL's memory) */
    char units_text[1400];             /* how they were made, as recorded in the metadata */
    int64_t nunits;
    const guotu_voucher_job *job;
    int status;            /* the status of a failure (0: GUOTU_ERR_IO) */
    char ledger_csv[1400]; /* OUT_ledger.csv beside OUT.gpkg */
    char err[2048];
    voucher_tables tables; /* the output tables' schemas, loaded before anything is read */
} voucher_run;

/* Zones from the base survey's unit codes: the union of each unit's parcels, written to a
 * GeoPackage in GDAL's memory that stands for the zones layer from then on. */
static int make_units(voucher_run *r) {
    voucher_args *a = &r->a;
    snprintf(r->units_path, sizeof r->units_path, "/vsimem/guotu_voucher_units_%ld_%p.gpkg", (long)getpid(), (void *)r);
    code_units_request req = {.landuse = a->base,
                              .landuse_layer = a->base_layer,
                              .encoding = a->zone.encoding,
                              .code_field = a->zone_code_field,
                              .code_length = a->zone_code_length,
                              .output = r->units_path,
                              .id_field = a->zone.id,
                              .name_field = "zone_name",
                              .name = r->job->unit_name,
                              .name_user = r->job->unit_name_user};
    int64_t parcels = 0;
    if (code_units_write(&req, &r->nunits, &parcels, r->err, sizeof r->err)) {
        r->units_path[0] = '\0';
        return 1;
    }
    a->zone.path = r->units_path;
    a->zone.layer = "units";
    a->zone.name = "zone_name";
    snprintf(r->units_text, sizeof r->units_text,
             "%lld units: the first %d characters of %.100s of the base survey %.700s (%lld parcels), each the union "
             "of its parcels; %.300s",
             (long long)r->nunits, a->zone_code_length, a->zone_code_field, a->base, (long long)parcels,
             r->job->unit_names_source ? r->job->unit_names_source : "no names");
    if (r->job->stage) {
        char text[400];
        snprintf(text, sizeof text, "zones: %lld units from the first %d characters of %.100s of the base survey",
                 (long long)r->nunits, a->zone_code_length, a->zone_code_field);
        r->job->stage(text, r->job->stage_user);
    }
    return 0;
}

/* A tally's failure: its status (cancelled, the core's) kept for the job's. */
static int tally_failed(voucher_run *r, const tally_info *info) {
    r->status = info->status ? info->status : !strncmp(r->err, "cancelled: ", 11) ? GUOTU_ERR_CANCELLED : GUOTU_ERR_IO;
    return 1;
}

static int run_tallies(voucher_run *r) {
    const voucher_args *a = &r->a;
    for (int year = 0; year < 2; year++) {
        tally_inputs in;
        memset(&in, 0, sizeof in);
        in.note = r->job->note;
        in.note_user = r->job->note_user;
        in.zones = a->zone.path;
        in.zones_layer = a->zone.layer;
        in.zone_id = a->zone.id;
        in.landuse = year ? a->target : a->base;
        in.landuse_layer = year ? a->target_layer : a->base_layer;
        in.class_field = year ? a->target_class : a->base_class;
        in.class_option = year ? "--target-class-field" : "--base-class-field";
        in.mask = a->mask;
        if (a->mask_czcsxm) { /* the target survey's own urban parcels, for both years */
            in.mask = a->target;
            in.mask_layer = a->target_layer;
            in.mask_where = a->mask_where;
        }
        in.area = a->zone.area;
        in.invalid = a->invalid;
        in.raster_mode = a->raster_mode;
        in.crs_mismatch = a->crs_mismatch;
        in.encoding = a->zone.encoding;
        in.threads = a->threads;
        in.role = year ? "target-year land-use" : "base-year land-use";
        in.prepared_zones = year ? r->tally[0] : NULL; /* the same zones and mask: prepared once */
        tally_info info;
        memset(&info, 0, sizeof info);
        if (tally_runner_run(r->ctx, &in, &r->tally[year], &info, r->err, sizeof r->err)) return tally_failed(r, &info);
    }
    return 0;
}

static int load_coefficients(voucher_run *r) {
    const voucher_args *a = &r->a;
    const char *spec[2] = {
        a->base_coefficients ? a->base_coefficients : (a->coefficients ? a->coefficients : a->base_system),
        a->target_coefficients ? a->target_coefficients : (a->coefficients ? a->coefficients : a->target_system)};
    for (int year = 0; year < 2; year++) {
        /* esv tables are scaled by the reference class: CAS 21 有林地, else 0301 乔木林地. */
        const char *system = year ? a->target_system : a->base_system;
        const char *reference = a->esv_reference ? a->esv_reference : (!strcmp(system, "CAS_LUCC") ? "21" : "0301");
        if (coefficients_load(r->ctx, spec[year], reference, &r->coeff[year], r->coeff_source[year],
                              sizeof r->coeff_source[year], r->err, sizeof r->err))
            return 1;
    }
    return 0;
}

/* Units by county: a tally whose zones are the counties and whose classes are unit ids. */
static int attribute_to_counties(voucher_run *r) {
    const voucher_args *a = &r->a;
    if (!a->county.path) return 0;
    if (zone_set_read(r->ctx, &a->county, &r->counties, r->err, sizeof r->err)) return 1;
    if (a->key_function_ids && zone_set_mark_ids(&r->counties, a->key_function_ids, r->err, sizeof r->err)) return 1;
    tally_inputs in;
    memset(&in, 0, sizeof in);
    in.note = r->job->note;
    in.note_user = r->job->note_user;
    in.zones = a->county.path;
    in.zones_layer = a->county.layer;
    in.zone_id = a->county.id;
    in.landuse = a->zone.path;
    in.landuse_layer = a->zone.layer ? a->zone.layer : r->zones.layer_name;
    in.class_field = a->zone.id;
    in.class_option = "--zone-id";
    in.area = a->zone.area;
    in.invalid = a->invalid;
    in.crs_mismatch = a->crs_mismatch;
    in.encoding = a->zone.encoding;
    in.threads = a->threads;
    in.role = "ecological-unit";
    tally_info info;
    memset(&info, 0, sizeof info);
    if (tally_runner_run(r->ctx, &in, &r->overlap, &info, r->err, sizeof r->err)) return tally_failed(r, &info);
    int status = guotu_voucher_attribute(r->ctx, r->voucher, r->overlap, &r->attribution);
    if (status) {
        r->status = status;
        snprintf(r->err, sizeof r->err, "%s", guotu_context_last_error(r->ctx));
        return 1;
    }
    return 0;
}

static int core_failed(voucher_run *r, int status) {
    r->status = status;
    snprintf(r->err, sizeof r->err, "%s", guotu_context_last_error(r->ctx));
    return 1;
}

/* The national values of the target year from the reference table (SPEC §3): the preset, or
 * the user's --reference-table. A year the table lacks is an error naming the years it has. */
static int national_reference(voucher_run *r) {
    const voucher_args *a = &r->a;
    struct stat st;
    if (a->reference_table && stat(a->reference_table, &st) != 0) {
        snprintf(r->err, sizeof r->err, "--reference-table '%s': no such file", a->reference_table);
        return 1;
    }
    char path[1400];
    size_t size = 0;
    char *text = table_text_load(a->reference_table ? a->reference_table : "national_reference", "voucher", path,
                                 sizeof path, &size, r->err, sizeof r->err);
    if (!text) return 1;
    int status = guotu_national_reference_find(r->ctx, text, size, path, atoi(a->target_year), &r->national);
    free(text);
    if (status) return core_failed(r, status);
    snprintf(r->reference_table, sizeof r->reference_table, "%s", path);
    return 0;
}

static int lines_given(const voucher_args *a) { return a->workspace || a->redline || a->farmland; }

static int account(voucher_run *r) {
    const voucher_args *a = &r->a;
    guotu_voucher_options o;
    guotu_voucher_options_init(&o);
    o.baseline =
        strcmp(a->baseline, "protection-rate") == 0 ? GUOTU_BASELINE_PROTECTION_RATE : GUOTU_BASELINE_BASE_YEAR;
    if (a->protection_rate &&
        parse_number_arg("--protection-rate", a->protection_rate, &o.protection_rate, r->err, sizeof r->err))
        return 1;
    if (strcmp(a->reference, "national") == 0) {
        if (national_reference(r)) return 1;
        o.reference_from_zones = 0;
        o.reference_gdp_per_capita = r->national.gdp_per_capita;
        o.reference_pop_density = r->national.pop_density;
    } else if (a->national_gdp) {
        o.reference_from_zones = 0;
        if (parse_number_arg("--national-gdp-per-capita", a->national_gdp, &o.reference_gdp_per_capita, r->err,
                             sizeof r->err) ||
            parse_number_arg("--national-pop-density", a->national_density, &o.reference_pop_density, r->err,
                             sizeof r->err))
            return 1;
    }
    o.lines = lines_given(a);
    o.redline_loss = strcmp(a->redline_loss, "count") == 0 ? GUOTU_REDLINE_LOSS_COUNT : GUOTU_REDLINE_LOSS_EXCLUDE;
    o.key_function_in_market = a->key_function_in_market;
    int status = guotu_voucher_create(r->ctx, &o, r->coeff[0], r->coeff[1], &r->voucher);
    if (status) return core_failed(r, status);
    for (size_t i = 0; i < r->zones.count; i++) {
        const zone_record *z = &r->zones.zones[i];
        status = guotu_voucher_add_zone(r->ctx, r->voucher, z->id, z->name, z->area_ha, z->gdp, z->population);
        if (status) {
            snprintf(r->err, sizeof r->err, "layer '%s': %s", r->zones.layer_name, guotu_context_last_error(r->ctx));
            r->status = status;
            return 1;
        }
    }
    /* Key ecological function zones: the trading subjects (the counties when units are attributed). */
    if (!a->county.path) {
        if (a->key_function_ids && zone_set_mark_ids(&r->zones, a->key_function_ids, r->err, sizeof r->err)) return 1;
        for (size_t i = 0; !status && i < r->zones.count; i++)
            if (r->zones.zones[i].key_function)
                status = guotu_voucher_mark_key_function(r->ctx, r->voucher, r->zones.zones[i].id);
        if (status) return core_failed(r, status);
    }
    if (o.lines) {
        voucher_lines_inputs in = {
            a->workspace,  a->redline,    a->redline_layer, a->farmland,      a->farmland_layer, a->base,
            a->base_layer, a->base_class, a->target,        a->target_layer,  a->target_class,   a->mask,
            a->zone.area,  a->invalid,    a->crs_mismatch,  a->zone.encoding, &r->zones,         NULL,
            NULL,          r->job->note,  r->job->note_user};
        if (a->mask_czcsxm) { /* the target survey's own urban parcels, as for the tallies */
            in.mask = a->target;
            in.mask_layer = a->target_layer;
            in.mask_where = a->mask_where;
        }
        if (voucher_lines_run(r->ctx, &in, r->voucher, &r->lines, r->err, sizeof r->err)) return 1;
    }
    for (int year = 0; year < 2 && !status; year++)
        status = guotu_voucher_add_tally(r->ctx, r->voucher, year, r->tally[year]);
    if (!status) status = guotu_voucher_compute(r->ctx, r->voucher);
    return status ? core_failed(r, status) : 0;
}

static int trade(voucher_run *r) {
    const voucher_args *a = &r->a;
    if (!a->price && !a->floor_price) return 0;
    guotu_market_options o;
    guotu_market_options_init(&o);
    if (a->price && parse_number_arg("--price", a->price, &o.price, r->err, sizeof r->err)) return 1;
    if (a->floor_price && parse_number_arg("--floor-price", a->floor_price, &o.floor_price, r->err, sizeof r->err))
        return 1;
    if (a->cap && parse_number_arg("--cap", a->cap, &o.cap_ha, r->err, sizeof r->err)) return 1;
    o.allocation = strcmp(a->allocation, "nearest") == 0 ? GUOTU_ALLOCATION_NEAREST : GUOTU_ALLOCATION_PRO_RATA;
    o.settlement = strcmp(a->settlement, "enclave") == 0 ? GUOTU_SETTLEMENT_EQUITY : GUOTU_SETTLEMENT_PAYMENT;
    int status = guotu_market_create(r->ctx, &o, &r->market);
    if (r->attribution) {
        for (size_t i = 0; !status && i < r->counties.count; i++) {
            const zone_record *c = &r->counties.zones[i];
            double e = 0;
            for (size_t k = 0; k < guotu_attribution_count(r->attribution); k++) {
                guotu_county_voucher row;
                guotu_attribution_result(r->ctx, r->attribution, k, &row);
                if (strcmp(row.county_id, c->id) == 0) e = row.e_ha;
            }
            /* Key ecological function counties get fiscal transfers, not vouchers (SPEC §3). */
            if (c->key_function && !a->key_function_in_market) continue;
            status = guotu_market_add(r->ctx, r->market, c->id, e, c->ask, c->bid, c->x, c->y);
        }
    }
    for (size_t i = 0; !status && !r->attribution && i < r->zones.count; i++) {
        guotu_voucher_zone z;
        guotu_voucher_zone_result(r->ctx, r->voucher, i, &z);
        const zone_record *zr = &r->zones.zones[i];
        if (!z.in_market) continue;
        /* A zone brings its balance carried from the last period with this period's E. */
        double position = guotu_accounts_balance(r->ledger.core, z.zone_id) + z.e_ha;
        status = guotu_market_add(r->ctx, r->market, z.zone_id, position, zr->ask, zr->bid, zr->x, zr->y);
    }
    if (!status) status = guotu_market_clear(r->ctx, r->market);
    return status ? core_failed(r, status) : 0;
}

/* The red-line loss choice in words, as every output states it. */
static const char *redline_loss_words(const voucher_args *a) {
    return strcmp(a->redline_loss, "count") == 0
               ? "count (a loss of ecological land inside the red line is counted in E and flagged as a violation)"
               : "exclude (a loss of ecological land inside the red line is a violation, left out of E: not demand "
                 "to buy)";
}

/* OUT_ledger.csv beside OUT.gpkg. */
static void ledger_csv_path(const char *output, char *out, size_t size) {
    snprintf(out, size, "%.*s_ledger.csv", (int)(strlen(output) - 5), output);
}

/* Hands the finished run to the job's report: the account, market, attribution and ledger,
 * and what the summary needs besides. */
static void report(voucher_run *r, const voucher_result *res, const char *csv) {
    if (!r->job->report) return;
    guotu_voucher_job_info info;
    memset(&info, 0, sizeof info);
    info.zones = (int64_t)r->zones.count;
    info.units = r->nunits;
    snprintf(info.reference, sizeof info.reference, "%s", r->a.reference);
    info.national = r->national;
    snprintf(info.reference_table, sizeof info.reference_table, "%s", r->reference_table);
    info.violations = (int64_t)r->lines.count;
    const zone_set *subjects = r->a.county.path ? &r->counties : &r->zones;
    size_t size = 1;
    for (size_t i = 0; i < subjects->count; i++)
        if (subjects->zones[i].key_function) size += strlen(subjects->zones[i].id) + 1;
    char *ids = calloc(size, 1);
    for (size_t i = 0, used = 0; ids && i < subjects->count; i++) {
        if (!subjects->zones[i].key_function) continue;
        used += (size_t)snprintf(ids + used, size - used, "%s%s", info.key_function_marked ? " " : "",
                                 subjects->zones[i].id);
        info.key_function_marked++;
    }
    if (!ids)
        for (size_t i = 0; i < subjects->count; i++)
            info.key_function_marked += subjects->zones[i].key_function;
    info.key_function_ids = ids ? ids : "";
    if (res->has_market) snprintf(info.price_effect, sizeof info.price_effect, "%s", voucher_price_effect(res));
    info.base_year = r->base_year;
    info.period_count = r->a.nperiods ? r->a.nperiods : 1;
    for (size_t t = 0; t < r->ledger.trade_count; t++) {
        int period = r->ledger.trades[t].period;
        if (period >= 1 && period <= 32) info.period_traded_ha[period - 1] += r->ledger.trades[t].volume_ha;
    }
    info.ledger_csv = csv;
    r->job->report(r->ctx, r->voucher, r->market, r->attribution, r->attribution ? NULL : r->ledger.core, &info,
                   r->job->report_user);
    free(ids);
}

static int write_result(voucher_run *r) {
    const voucher_args *a = &r->a;
    char files[7][1400], when[32], national[4][64], base_year[16];
    io_describe_file(a->opening, files[6], sizeof files[6]);
    if (r->base_year)
        snprintf(base_year, sizeof base_year, "%d", r->base_year);
    else
        snprintf(base_year, sizeof base_year, "(not known)");
    io_describe_file(a->zone.path, files[0], sizeof files[0]);
    if (a->zone_code_field) snprintf(files[0], sizeof files[0], "%s", r->units_text);
    io_describe_file(a->base, files[1], sizeof files[1]);
    io_describe_file(a->target, files[2], sizeof files[2]);
    io_describe_file(a->mask, files[3], sizeof files[3]);
    if (a->mask_czcsxm) /* the urban space is the target survey's parcels of these codes */
        snprintf(files[3], sizeof files[3], "parcels of the target survey where %.400s", a->mask_where);
    io_describe_file(a->zone.table, files[4], sizeof files[4]);
    io_describe_file(a->county.path, files[5], sizeof files[5]);
    int is_national = strcmp(a->reference, "national") == 0;
    snprintf(national[0], sizeof national[0], "%.17g", r->national.gdp_per_capita);
    snprintf(national[1], sizeof national[1], "%.17g", r->national.pop_density);
    snprintf(national[2], sizeof national[2], "%d", r->national.line);
    if (isnan(r->national.population))
        snprintf(national[3], sizeof national[3], "(not in the table)");
    else
        snprintf(national[3], sizeof national[3], "%.17g on %.17g km2", r->national.population,
                 r->national.land_area_km2);
    char zone_length[16];
    snprintf(zone_length, sizeof zone_length, "%d", a->zone_code_length);
    time_t now = time(NULL);
    strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", gmtime(&now));
    char lines[3000] = "(none)";
    if (r->voucher && lines_given(a))
        snprintf(lines, sizeof lines, "red line %s; permanent farmland %s", r->lines.redline_source,
                 r->lines.farmland_source);
    const table_meta meta[] = {
        {"guotu_version", guotu_version()},
        {"created_utc", when},
        {"zones", files[0]},
        {"zone_id_field", a->zone.id},
        {"zone_code_field", a->zone_code_field ? a->zone_code_field : "(none: a zones layer)"},
        {"zone_code_length", a->zone_code_field ? zone_length : "(none)"},
        {"zone_name_field", a->zone.name ? a->zone.name : "(none)"},
        {"gdp_field", a->zone.gdp},
        {"pop_field", a->zone.pop},
        {"zone_table", files[4]},
        {"base", files[1]},
        {"base_class_field", a->base_class ? a->base_class : "(raster values)"},
        {"base_system", a->base_system},
        {"base_coefficients", r->coeff_source[0]},
        {"target", files[2]},
        {"target_class_field", a->target_class ? a->target_class : "(raster values)"},
        {"target_system", a->target_system},
        {"target_coefficients", r->coeff_source[1]},
        {"mask", files[3]},
        {"baseline", a->baseline},
        {"protection_rate_parameter", a->protection_rate ? a->protection_rate : "(from the zones)"},
        {"reference", a->reference},
        {"target_year", a->target_year},
        {"reference_table", is_national ? r->reference_table : "(none)"},
        {"reference_table_line", is_national ? national[2] : "(none)"},
        {"reference_source", is_national ? r->national.source : "(none)"},
        {"national_gdp_per_capita", is_national ? national[0] : (a->national_gdp ? a->national_gdp : "(none)")},
        {"national_pop_density", is_national ? national[1] : (a->national_density ? a->national_density : "(none)")},
        {"national_population", is_national ? national[3] : "(none)"},
        {"price", a->price ? a->price : "(none)"},
        {"floor_price", a->floor_price ? a->floor_price : "(none)"},
        {"cap_ha", a->cap ? a->cap : "(none)"},
        {"allocation", a->allocation},
        {"settlement", strcmp(a->settlement, "enclave") == 0 ? "enclave (amounts are equity value)" : "payment"},
        {"area_method", a->zone.area},
        {"invalid_policy", a->invalid},
        {"raster_mode", a->raster_mode},
        {"counties", a->county.path ? files[5] : "(none: the zones trade)"},
        {"county_id_field", a->county.id ? a->county.id : "(none)"},
        {"bottom_lines", lines},
        {"redline_loss", !lines_given(a) ? "(no lines)" : redline_loss_words(a)},
        {"key_function_field", a->key_function_field ? a->key_function_field : "(none)"},
        {"key_function_ids", a->key_function_ids ? a->key_function_ids : "(none)"},
        {"base_year", base_year},
        {"periods", r->periods_text},
        {"opening", files[6]},
        {"key_function_market", a->key_function_in_market
                                    ? "in (key ecological function zones trade like the others)"
                                    : "out (accounts computed; kept out of the market: they receive fiscal transfers)"},
    };
    voucher_result res;
    memset(&res, 0, sizeof res);
    res.tables = &r->tables;
    res.ctx = r->ctx;
    res.zones = &r->zones;
    res.voucher = r->voucher;
    guotu_voucher_get_summary(r->ctx, r->voucher, &res.summary);
    res.market = r->market;
    res.has_market = r->market != NULL;
    if (r->market) guotu_market_get_summary(r->ctx, r->market, &res.market_summary);
    res.counties = r->attribution ? &r->counties : NULL;
    res.attribution = r->attribution;
    res.meta = meta;
    res.nmeta = (int)(sizeof meta / sizeof meta[0]);
    res.fixed_price = a->price != NULL;
    res.lines = lines_given(a) ? &r->lines : NULL;
    res.key_function_in_market = a->key_function_in_market;
    res.ledger = r->attribution ? NULL : &r->ledger; /* the counties keep no ledger */
    if (a->price) parse_number_arg("--price", a->price, &res.floor_price, r->err, sizeof r->err);
    if (a->floor_price) parse_number_arg("--floor-price", a->floor_price, &res.floor_price, r->err, sizeof r->err);
    if (voucher_output_write(a->output, &res, r->err, sizeof r->err)) return 1;
    char csv[1400];
    ledger_csv_path(a->output, csv, sizeof csv);
    /* Over several periods the ledger is also a CSV beside the GeoPackage. */
    int with_csv = res.ledger && a->nperiods;
    if (with_csv && voucher_ledger_write_csv(&r->ledger, r->ctx, csv, r->tables.schemas[VT_LEDGER],
                                             r->tables.slots[VT_LEDGER], r->err, sizeof r->err))
        return 1;
    report(r, &res, with_csv ? csv : NULL);
    return 0;
}

/* Frees what one period made, before the next period runs. */
static void free_period(voucher_run *r) {
    voucher_lines_free(&r->lines);
    guotu_market_destroy(r->ctx, r->market);
    r->market = NULL;
    guotu_voucher_destroy(r->ctx, r->voucher);
    r->voucher = NULL;
    for (int y = 0; y < 2; y++) {
        guotu_tally_destroy(r->ctx, r->tally[y]);
        guotu_coefficients_destroy(r->ctx, r->coeff[y]);
        r->tally[y] = NULL;
        r->coeff[y] = NULL;
    }
}

/* The cap of period k from --caps (one per period). */
static int period_cap(voucher_run *r, int k) {
    const char *text = r->a.caps;
    for (int i = 0; text && i < k; i++) {
        text = strchr(text, ',');
        if (text) text++;
    }
    size_t n = text ? strcspn(text, ",") : 0;
    double cap;
    char *end = NULL;
    snprintf(r->cap_text, sizeof r->cap_text, "%.*s", (int)(n < 63 ? n : 63), text ? text : "");
    cap = strtod(r->cap_text, &end);
    if (!text || !n || *end || !(cap >= 0) || !isfinite(cap)) {
        snprintf(r->err, sizeof r->err, "--caps needs one cap (ha, a number >= 0) per --period (%d), as V,V,...",
                 r->a.nperiods);
        return 1;
    }
    r->a.cap = r->cap_text;
    return 0;
}

/* Points the run's inputs at period k: from the previous survey (the base for the first) to
 * its own, with the national values of its year, the zones' GDP and population of that year. */
static int enter_period(voucher_run *r, const voucher_args *given, int k) {
    voucher_args *a = &r->a;
    if (k > 0) {
        a->base = given->periods[k - 1].path;
        a->base_layer = given->periods[k - 1].layer;
        a->base_class = given->target_class;
        a->base_system = given->target_system;
        a->base_coefficients = given->target_coefficients;
    }
    a->target = given->periods[k].path;
    a->target_layer = given->periods[k].layer;
    a->target_year = given->periods[k].year;
    if (given->caps && period_cap(r, k)) return 1;
    const char *gdp = given->periods[k].gdp[0] ? given->periods[k].gdp : given->zone.gdp;
    const char *pop = given->periods[k].pop[0] ? given->periods[k].pop : given->zone.pop;
    if (k > 0 || strcmp(gdp, a->zone.gdp) != 0 || strcmp(pop, a->zone.pop) != 0) {
        a->zone.gdp = gdp;
        a->zone.pop = pop;
        zone_set_free(&r->zones);
        if (zone_set_read(r->ctx, &a->zone, &r->zones, r->err, sizeof r->err)) return 1;
    }
    return 0;
}

static void describe_periods(voucher_run *r, const voucher_args *given) {
    size_t used = 0;
    char *out = r->periods_text;
    size_t size = sizeof r->periods_text;
    int n = given->nperiods ? given->nperiods : 1;
    for (int k = 0; k < n && used < size; k++) {
        const char *from_file = k ? given->periods[k - 1].path : given->base;
        const char *to_file = given->nperiods ? given->periods[k].path : given->target;
        char from[16] = "?";
        if (k)
            snprintf(from, sizeof from, "%s", given->periods[k - 1].year);
        else if (r->base_year)
            snprintf(from, sizeof from, "%d", r->base_year);
        int wrote = snprintf(out + used, size - used, "%s%d: %s -> %s (%s -> %s)", k ? "; " : "", k + 1, from,
                             given->nperiods ? given->periods[k].year : given->target_year, from_file, to_file);
        if (wrote < 0) break;
        used += (size_t)wrote;
    }
    if (given->caps && used < size) snprintf(out + used, size - used, "; caps %s", given->caps);
}

void guotu_voucher_job_init(guotu_voucher_job *job) {
    if (!job) return;
    memset(job, 0, sizeof *job);
    job->base_system = job->target_system = "CAS_LUCC";
    job->national_gdp_per_capita = job->national_pop_density = NAN;
    job->baseline = GUOTU_BASELINE_BASE_YEAR;
    job->protection_rate = NAN;
    job->price = job->floor_price = job->cap = NAN;
    job->allocation = GUOTU_ALLOCATION_PRO_RATA;
    job->settlement = GUOTU_SETTLEMENT_PAYMENT;
    job->area_method = GUOTU_AREA_ELLIPSOIDAL;
    job->invalid = GUOTU_INVALID_REPAIR;
    job->raster_mode = GUOTU_RASTER_EXACT;
    /* Base and target layers in different CRSs are a mistake to report (issue 3): reprojected
     * only when asked. */
    job->crs_mismatch_fail = 1;
    job->redline_loss = GUOTU_REDLINE_LOSS_EXCLUDE;
}

/* A number as the metadata records it: the shortest text that reads back as the same number
 * (1000, 0.5), or NULL when not given (NaN). */
static const char *number_text(double x, char *buf, size_t size) {
    if (isnan(x)) return NULL;
    snprintf(buf, size, "%.15g", x);
    if (strtod(buf, NULL) != x) snprintf(buf, size, "%.17g", x);
    return buf;
}

static int year_valid(int year) { return year >= 1 && year <= 9999; }

/* The job as the run's parameters in words (those the outputs record); NULL, or what is wrong. */
static const char *job_arguments(voucher_run *r, const guotu_voucher_job *j, char numbers[6][40]) {
    voucher_args *a = &r->a;
    memset(a, 0, sizeof *a);
    if (j->area_method != GUOTU_AREA_ELLIPSOIDAL && j->area_method != GUOTU_AREA_PLANAR)
        return "an unknown area method";
    if (j->baseline != GUOTU_BASELINE_BASE_YEAR && j->baseline != GUOTU_BASELINE_PROTECTION_RATE)
        return "an unknown baseline";
    if (j->allocation != GUOTU_ALLOCATION_PRO_RATA && j->allocation != GUOTU_ALLOCATION_NEAREST)
        return "an unknown allocation";
    if (j->settlement != GUOTU_SETTLEMENT_PAYMENT && j->settlement != GUOTU_SETTLEMENT_EQUITY)
        return "an unknown settlement";
    if (j->redline_loss != GUOTU_REDLINE_LOSS_EXCLUDE && j->redline_loss != GUOTU_REDLINE_LOSS_COUNT)
        return "an unknown red-line loss policy";
    if (j->threads < 0 || j->threads > 64) return "threads must be 0 (one per CPU) to 64";
    if (j->period_count < 0 || j->period_count > 32 || (j->period_count && !j->periods))
        return "at most 32 periods, given as an array";
    a->zone.path = j->zones;
    a->zone.layer = j->zones_layer;
    a->zone.id = j->zone_id_field;
    a->zone.name = j->zone_name_field;
    a->zone.gdp = j->gdp_field;
    a->zone.pop = j->pop_field;
    a->zone.table = j->zone_table;
    a->zone.ask = j->ask_field;
    a->zone.bid = j->bid_field;
    a->zone.area = j->area_method == GUOTU_AREA_PLANAR ? "planar" : "ellipsoidal";
    a->zone.encoding = j->encoding;
    a->base = j->base;
    a->base_layer = j->base_layer;
    a->base_class = j->base_class_field;
    a->base_system = j->base_system;
    a->target = j->target;
    a->target_layer = j->target_layer;
    a->target_class = j->target_class_field;
    a->target_system = j->target_system;
    a->coefficients = j->coefficients;
    a->base_coefficients = j->base_coefficients;
    a->target_coefficients = j->target_coefficients;
    a->esv_reference = j->esv_reference;
    a->national_gdp = number_text(j->national_gdp_per_capita, numbers[0], 40);
    a->national_density = number_text(j->national_pop_density, numbers[1], 40);
    a->reference = j->reference;
    snprintf(r->target_year_text, sizeof r->target_year_text, "%d", j->target_year ? j->target_year : 2020);
    a->target_year = r->target_year_text;
    a->target_year_given = j->target_year != 0;
    a->reference_table = j->reference_table;
    a->baseline = j->baseline == GUOTU_BASELINE_PROTECTION_RATE ? "protection-rate" : "base-year";
    a->protection_rate = number_text(j->protection_rate, numbers[2], 40);
    a->mask = j->mask;
    a->mask_czcsxm = j->mask_czcsxm;
    a->price = number_text(j->price, numbers[3], 40);
    a->floor_price = number_text(j->floor_price, numbers[4], 40);
    a->cap = number_text(j->cap, numbers[5], 40);
    a->allocation = j->allocation == GUOTU_ALLOCATION_NEAREST ? "nearest" : "pro-rata";
    a->settlement = j->settlement == GUOTU_SETTLEMENT_EQUITY ? "enclave" : "payment";
    a->invalid = j->invalid == GUOTU_INVALID_FAIL ? "fail" : "repair";
    a->raster_mode = j->raster_mode == GUOTU_RASTER_CENTRE ? "centre" : "exact";
    a->crs_mismatch = j->crs_mismatch_fail ? "fail" : "reproject";
    a->county.path = j->counties;
    a->county.layer = j->counties_layer;
    a->county.id = j->county_id_field;
    a->county.name = j->county_name_field;
    a->workspace = j->workspace;
    a->redline = j->redline;
    a->redline_layer = j->redline_layer;
    a->farmland = j->farmland;
    a->farmland_layer = j->farmland_layer;
    a->redline_loss = j->redline_loss == GUOTU_REDLINE_LOSS_COUNT ? "count" : "exclude";
    a->key_function_field = j->key_function_field;
    a->key_function_ids = j->key_function_ids;
    a->key_function_in_market = j->key_function_in_market;
    a->threads = j->threads;
    a->output = j->output;
    a->zone_code_field = j->zone_code_field;
    a->zone_code_length = j->zone_code_length;
    a->opening = j->opening;
    a->caps = j->caps;
    if (j->base_year) snprintf(r->base_year_text, sizeof r->base_year_text, "%d", j->base_year);
    a->base_year = j->base_year ? r->base_year_text : NULL;
    a->nperiods = j->period_count;
    for (int k = 0; k < j->period_count; k++) {
        const guotu_voucher_period *p = &j->periods[k];
        int previous = k ? j->periods[k - 1].year : j->base_year;
        if (!p->path) return "every period needs its survey's file";
        if (!year_valid(p->year) || p->year <= previous)
            return "the periods must come in order of year, each after the one before (and after the base year)";
        if (!p->gdp_field != !p->pop_field) return "a period's GDP and population fields go together";
        if ((p->gdp_field && strlen(p->gdp_field) >= 128) || (p->pop_field && strlen(p->pop_field) >= 128))
            return "a period's field name is too long";
        snprintf(a->periods[k].year, sizeof a->periods[k].year, "%d", p->year);
        a->periods[k].path = p->path;
        a->periods[k].layer = p->layer;
        snprintf(a->periods[k].gdp, sizeof a->periods[k].gdp, "%s", p->gdp_field ? p->gdp_field : "");
        snprintf(a->periods[k].pop, sizeof a->periods[k].pop, "%s", p->pop_field ? p->pop_field : "");
    }
    if (a->zone_code_field && !a->zone.id) a->zone.id = "zone_id"; /* the zone table's code column */
    if (a->zone_code_field && (a->zone.path || a->zone.layer || a->zone.name))
        return "zones from the base survey's codes take no zones layer, layer or name field";
    if (a->zone_code_field && !a->zone.table) return "zones from codes need the zone table of GDP and population";
    if (a->zone_code_field && (a->zone.ask || a->zone.bid || a->key_function_field))
        return "asks, bids and the key function field are fields of a zones layer: not with zones from codes";
    if (!a->zone_code_field && (j->unit_name || a->zone_code_length))
        return "unit names and the code length go with the zone code field";
    if (a->zone_code_length < 0 || a->zone_code_length > 64) return "the zone code length must be 0 to 64";
    if (a->mask_czcsxm && a->mask) return "a mask layer or the mask's CZCSXM codes, not both";
    if (a->mask_czcsxm && voucher_czcsxm_filter(a->mask_czcsxm, a->mask_where, sizeof a->mask_where))
        return "the mask's CZCSXM codes must be 城镇村属性码 separated by commas, e.g. 201,202";
    if (a->nperiods && (a->target || a->target_layer)) return "periods replace the target: give one or the other";
    if (a->nperiods && a->target_year_given) return "with periods every period takes its own year: no target year";
    if (a->nperiods && a->county.path)
        return "accounts over years are kept for zones that trade themselves: not with counties";
    if (a->opening && a->county.path) return "opening balances do not go with counties";
    if (a->caps && !a->nperiods) return "caps per period need periods";
    if (a->caps && a->cap) return "caps per period or one cap, not both";
    if (j->base_year && !year_valid(j->base_year)) return "the base year must be a year such as 2019";
    if (j->target_year && !year_valid(j->target_year)) return "the target year must be a year such as 2020";
    if ((!a->zone.path && !a->zone_code_field) || !a->zone.id || !a->zone.gdp || !a->zone.pop || !a->base ||
        (!a->target && !a->nperiods) || !a->output)
        return "the zones (or a zone code field), zone id, GDP and population fields, base, target (or periods) and "
               "output are required";
    if (!a->base_system || !a->target_system || !classification_system_known(a->base_system) ||
        !classification_system_known(a->target_system))
        return "the systems must be CAS_LUCC, SANDIAO_WORK, GBT21010_2017 or YDYH_2023";
    if (a->price && a->floor_price) return "a fixed price or a floor price, not both";
    if (a->reference && strcmp(a->reference, "national") && strcmp(a->reference, "zones") &&
        strcmp(a->reference, "entered"))
        return "the reference must be national, zones or entered";
    if (!a->national_gdp != !a->national_density)
        return "the national GDP per capita and population density go together";
    if (a->national_gdp && a->reference && strcmp(a->reference, "entered") != 0)
        return "national values given are the entered reference";
    if (!a->national_gdp && a->reference && strcmp(a->reference, "entered") == 0)
        return "the entered reference needs the national GDP per capita and population density";
    if (a->reference_table && a->reference && strcmp(a->reference, "national") != 0)
        return "the reference table goes with the national reference";
    if ((a->zone.ask || a->zone.bid) && !a->floor_price) return "asks and bids need a floor price";
    if (!a->county.path != !a->county.id) return "the counties and their id field go together";
    if ((a->redline || a->farmland) && !a->workspace && !(a->redline && a->farmland))
        return "the bottom lines need the red line and the farmland: a workspace, or both layers";
    if ((a->redline_layer && !a->redline) || (a->farmland_layer && !a->farmland))
        return "the red line's and farmland's layers name a layer of their files";
    if (!io_ends_with(a->output, ".gpkg")) return "the output must be a .gpkg file";
    if (!a->reference) a->reference = a->national_gdp ? "entered" : "national";
    /* Counties trade, so asks and bids are theirs; area and encoding follow the zones. */
    a->county.area = a->zone.area;
    a->county.encoding = a->zone.encoding;
    if (a->county.path) {
        a->county.ask = a->zone.ask;
        a->county.bid = a->zone.bid;
        a->zone.ask = a->zone.bid = NULL;
    }
    /* Key ecological function zones are counties: the trading subjects' field. */
    if (a->county.path)
        a->county.key_function = a->key_function_field;
    else
        a->zone.key_function = a->key_function_field;
    return NULL;
}

static int run(voucher_run *r) {
    /* One period: the target year is the one the target data states (SJNF), when it does; a
     * target year that contradicts it would take another year's national values. */
    if (!r->a.nperiods) {
        int stated = 0;
        if (voucher_base_year_from_data(r->a.target, r->a.target_layer, &stated, r->err, sizeof r->err) < 0)
            stated = 0; /* several years in the data: it does not say */
        if (stated && stated != atoi(r->a.target_year)) {
            if (r->a.target_year_given) {
                snprintf(r->err, sizeof r->err,
                         "the target-year land use '%s' states the data year %d (SJNF), not --target-year %s",
                         r->a.target, stated, r->a.target_year);
                r->status = GUOTU_ERR_ARGUMENT;
                return 1;
            }
            snprintf(r->target_year_text, sizeof r->target_year_text, "%d", stated);
            r->a.target_year = r->target_year_text;
        }
    }
    char csv[1400];
    ledger_csv_path(r->a.output, csv, sizeof csv);
    const char *inputs[16 + 32] = {r->a.zone.path,
                                   r->a.base,
                                   r->a.target,
                                   r->a.mask,
                                   r->a.zone.table,
                                   r->a.county.path,
                                   r->a.coefficients,
                                   r->a.base_coefficients,
                                   r->a.target_coefficients,
                                   r->a.reference_table,
                                   r->a.workspace,
                                   r->a.redline,
                                   r->a.farmland,
                                   r->a.opening};
    int ninputs = 14;
    for (int k = 0; k < r->a.nperiods; k++)
        inputs[ninputs++] = r->a.periods[k].path;
    const char *outputs[2] = {r->a.output, csv};
    if (io_refuse_overwrite(inputs, ninputs, outputs, 2, r->err, sizeof r->err)) {
        r->status = GUOTU_ERR_ARGUMENT;
        return 1;
    }
    if (r->a.zone_code_field && make_units(r)) return 1;
    const voucher_args given = r->a;
    int failed = voucher_tables_load(&r->tables, r->err, sizeof r->err) ||
                 voucher_ledger_init(&r->ledger, r->ctx, r->err, sizeof r->err) ||
                 zone_set_read(r->ctx, &r->a.zone, &r->zones, r->err, sizeof r->err);
    if (!failed && r->a.opening)
        failed = voucher_opening_read(r->a.opening, &r->zones, r->ctx, &r->ledger, r->err, sizeof r->err);
    if (!failed) {
        /* The base year: given, else what the data says (三调's SJNF); needed over several periods. */
        if (r->a.base_year)
            r->base_year = atoi(r->a.base_year);
        else if (voucher_base_year_from_data(r->a.base, r->a.base_layer, &r->base_year, r->err, sizeof r->err) < 0)
            failed = 1;
        if (!failed && r->a.nperiods && !r->base_year) {
            snprintf(r->err, sizeof r->err,
                     "the base year of '%s' is not in the data (no SJNF field): give it with --base-year", r->a.base);
            failed = 1;
        }
        if (!failed && r->a.nperiods && r->base_year >= atoi(r->a.periods[0].year)) {
            snprintf(r->err, sizeof r->err, "the base year %d is not before the first --period %s", r->base_year,
                     r->a.periods[0].year);
            failed = 1;
        }
    }
    /* A survey whose data states another year than its --period is a mislabelled survey. */
    for (int k = 0; !failed && k < r->a.nperiods; k++) {
        int stated = 0;
        if (voucher_base_year_from_data(r->a.periods[k].path, r->a.periods[k].layer, &stated, r->err, sizeof r->err) <
            0)
            failed = 1;
        else if (stated && stated != atoi(r->a.periods[k].year)) {
            snprintf(r->err, sizeof r->err, "--period %s=%s: the survey's data year (SJNF) is %d, not %s",
                     r->a.periods[k].year, r->a.periods[k].path, stated, r->a.periods[k].year);
            failed = 1;
        }
    }
    describe_periods(r, &given);
    int periods = r->a.nperiods ? r->a.nperiods : 1;
    for (int k = 0; !failed && k < periods; k++) {
        if (k) free_period(r);
        if (r->a.nperiods && enter_period(r, &given, k)) {
            failed = 1;
            break;
        }
        failed = load_coefficients(r) || run_tallies(r) || account(r) || attribute_to_counties(r) || trade(r);
        if (failed) break;
        int year_from = k ? atoi(given.periods[k - 1].year) : r->base_year;
        if (!r->attribution)
            failed = voucher_ledger_post(&r->ledger, r->ctx, r->voucher, r->market, year_from, atoi(r->a.target_year),
                                         r->err, sizeof r->err);
    }
    /* The last chance to stop before the outputs are written. */
    if (!failed && guotu_context_report_progress(r->ctx, 1.0, "writing the voucher outputs")) {
        snprintf(r->err, sizeof r->err, "cancelled: stopped before writing '%s'", r->a.output);
        r->status = GUOTU_ERR_CANCELLED;
        failed = 1;
    }
    if (!failed) failed = write_result(r);
    return failed;
}

int guotu_voucher_job_run(guotu_context *ctx, const guotu_voucher_job *job) {
    int status = job_entry(ctx, "guotu_voucher_job_run", job, NULL);
    if (status) return status;
    voucher_run *r = calloc(1, sizeof *r);
    if (!r) return guotu_context_fail(ctx, GUOTU_ERR_NOMEM, "guotu_voucher_job_run: out of memory");
    r->ctx = ctx;
    r->job = job;
    char numbers[6][40];
    const char *problem = job_arguments(r, job, numbers);
    if (problem) {
        free(r);
        char message[400];
        snprintf(message, sizeof message, "guotu_voucher_job_run: %s", problem);
        return guotu_context_fail(ctx, GUOTU_ERR_ARGUMENT, message);
    }
    int failed = run(r);
    if (failed) status = r->status ? r->status : GUOTU_ERR_IO;
    if (failed) guotu_context_fail(ctx, status, r->err);
    free_period(r);
    voucher_ledger_free(&r->ledger, ctx);
    voucher_tables_free(&r->tables);
    guotu_attribution_destroy(ctx, r->attribution);
    guotu_tally_destroy(ctx, r->overlap);
    zone_set_free(&r->counties);
    zone_set_free(&r->zones);
    if (r->units_path[0]) code_units_discard(r->units_path);
    free(r);
    return failed ? status : GUOTU_OK;
}
