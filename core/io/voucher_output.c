/* voucher_output.c — the voucher GeoPackage: layers voucher, voucher_classes, summary,
 * trades and unknown_codes, with inputs and parameters in the metadata. */
#include "voucher_output.h"

#include <gdal/ogr_api.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gpkg_writer.h"

/* The values each writer below fills, by column name, in the order of its code. */
static const char *const voucher_names[] = {"zone_id",        "zone_name",       "area_ha",
                                            "m0_ha",          "mt_ha",           "dm_ha",
                                            "g_ratio",        "p_ratio",         "e_ha",
                                            "role",           "amount_yuan",     "dm_redline_ha",
                                            "dm_farmland_ha", "redline_loss_ha", "redline_loss_area_ha",
                                            "dm_tradable_ha", "violation",       "key_function",
                                            "in_market"};
static const char *const county_names[] = {"county_id", "county_name", "area_ha",      "units",    "e_ha",
                                           "role",      "amount_yuan", "key_function", "in_market"};
static const char *const violation_names[] = {"zone_id", "zone_name", "from_code",  "to_code",     "area_ha",
                                              "dm_ha",   "base_fid",  "target_fid", "counted_in_e"};
static const char *const class_names[] = {"zone_id", "class_code", "a0_ha", "at_ha", "k"};
static const char *const unknown_names[] = {"class_code", "year", "area_ha"};
static const char *const summary_names[] = {"item", "value", "text"};
static const char *const trade_names[] = {"seller_id", "buyer_id", "volume_ha", "price_yuan_per_ha", "amount_yuan"};
static const char *const ledger_trade_names[] = {"period",    "year_to",           "seller_id",  "buyer_id",
                                                 "volume_ha", "price_yuan_per_ha", "amount_yuan"};

static const char *const schema_tables[VOUCHER_TABLES] = {
    "voucher",         "voucher_counties", "voucher_violations", "voucher_classes",      "voucher_unknown_codes",
    "voucher_summary", "voucher_trades",   "voucher_ledger",     "voucher_ledger_trades"};

int voucher_tables_load(voucher_tables *t, char *err, size_t err_size) {
    static const char *const *const names[VOUCHER_TABLES] = {voucher_names, county_names,         violation_names,
                                                             class_names,   unknown_names,        summary_names,
                                                             trade_names,   voucher_ledger_names, ledger_trade_names};
    static const int counts[VOUCHER_TABLES] = {19, 9, 9, 5, 3, 3, 5, VOUCHER_LEDGER_VALUES, 7};
    for (int k = 0; k < VOUCHER_TABLES; k++)
        if (table_schema_use(NULL, schema_tables[k], NULL, names[k], counts[k], &t->schemas[k], t->slots[k], err,
                             err_size))
            return 1;
    return 0;
}

void voucher_tables_free(voucher_tables *t) {
    for (int k = 0; k < VOUCHER_TABLES; k++) {
        table_schema_free(t->schemas[k]);
        t->schemas[k] = NULL;
    }
}

static int add_layer(gpkg_writer *w, const voucher_result *r, int k, const char *layer, OGRwkbGeometryType geometry,
                     OGRSpatialReferenceH srs, char *err, size_t err_size) {
    const table_schema *s = r->tables->schemas[k];
    return gpkg_writer_add_layer(w, layer, geometry, srs, table_schema_columns(s), table_schema_count(s), err,
                                 err_size);
}

/* One row of table k, its n values given in the order of k's names, written in the schema's. */
static int put_row(gpkg_writer *w, const voucher_result *r, int k, int n, int layer, const char *const *texts,
                   const double *reals, const unsigned char *wkb, size_t size, char *err, size_t err_size) {
    table_row row;
    table_row_clear(&row);
    for (int i = 0; i < n; i++) {
        table_row_text(&row, r->tables->slots[k][i], texts[i]);
        table_row_real(&row, r->tables->slots[k][i], reals[i]);
    }
    return gpkg_writer_row(w, layer, row.texts, row.reals, wkb, size, err, err_size);
}

static int write_voucher_layer(gpkg_writer *w, const voucher_result *r, char *err, size_t err_size) {
    enum { N = 19 };
    int layer = add_layer(w, r, VT_VOUCHER, "voucher", wkbMultiPolygon, r->zones->srs, err, err_size);
    if (layer < 0) return 1;
    for (size_t i = 0; i < guotu_voucher_zone_count(r->voucher); i++) {
        guotu_voucher_zone z;
        guotu_voucher_zone_result(r->ctx, r->voucher, i, &z);
        const char *texts[N] = {z.zone_id, z.zone_name, 0, 0, 0, 0, 0, 0, 0, guotu_role_name(z.role), 0};
        double amount = r->has_market && z.in_market ? z.e_ha * r->market_summary.clearing_price : NAN;
        int lines = r->lines != NULL;
        double reals[N] = {0,
                           0,
                           z.area_ha,
                           z.m0_ha,
                           z.mt_ha,
                           z.dm_ha,
                           z.g_ratio,
                           z.p_ratio,
                           z.e_ha,
                           0,
                           amount,
                           z.dm_redline_ha,
                           z.dm_farmland_ha,
                           z.redline_loss_ha,
                           z.redline_loss_area_ha,
                           z.dm_tradable_ha,
                           lines ? z.violation : NAN,
                           z.key_function,
                           z.in_market};
        const zone_record *zr = &r->zones->zones[i];
        if (put_row(w, r, VT_VOUCHER, N, layer, texts, reals, zr->wkb, zr->wkb_size, err, err_size)) return 1;
    }
    gpkg_writer_meta(w, layer, r->meta, r->nmeta);
    return 0;
}

/* E of ecological units attributed to the counties that trade it. */
static int write_counties(gpkg_writer *w, const voucher_result *r, char *err, size_t err_size) {
    int layer = add_layer(w, r, VT_COUNTIES, "voucher_counties", wkbMultiPolygon, r->counties->srs, err, err_size);
    if (layer < 0) return 1;
    for (size_t c = 0; c < r->counties->count; c++) {
        const zone_record *county = &r->counties->zones[c];
        guotu_county_voucher v = {county->id, 0, GUOTU_ROLE_BALANCED, 0};
        for (size_t i = 0; i < guotu_attribution_count(r->attribution); i++) {
            guotu_county_voucher row;
            guotu_attribution_result(r->ctx, r->attribution, i, &row);
            if (strcmp(row.county_id, county->id) == 0) v = row;
        }
        const char *texts[9] = {county->id, county->name, 0, 0, 0, guotu_role_name(v.role), 0, 0, 0};
        int in_market = !county->key_function || r->key_function_in_market;
        double amount = r->has_market && in_market ? v.e_ha * r->market_summary.clearing_price : NAN;
        double reals[9] = {0, 0, county->area_ha, v.units, v.e_ha, 0, amount, county->key_function, in_market};
        if (put_row(w, r, VT_COUNTIES, 9, layer, texts, reals, county->wkb, county->wkb_size, err, err_size)) return 1;
    }
    gpkg_writer_meta(w, layer, r->meta, r->nmeta);
    return 0;
}

/* Pieces of ecological land lost inside the red line: violations, not demand (SPEC §3). */
static int write_violations(gpkg_writer *w, const voucher_result *r, char *err, size_t err_size) {
    int layer = add_layer(w, r, VT_VIOLATIONS, "violations", wkbMultiPolygon, r->zones->srs, err, err_size);
    if (layer < 0) return 1;
    int counted = r->summary.redline_loss == GUOTU_REDLINE_LOSS_COUNT;
    for (size_t i = 0; i < r->lines->count; i++) {
        const voucher_violation *v = &r->lines->items[i];
        const char *name = "";
        for (size_t z = 0; z < r->zones->count; z++)
            if (strcmp(r->zones->zones[z].id, v->zone_id) == 0) name = r->zones->zones[z].name;
        const char *texts[9] = {v->zone_id, name, v->from_code, v->to_code, 0, 0, 0, 0, 0};
        double reals[9] = {0, 0, 0, 0, v->area_ha, v->dm_ha, (double)v->base_fid, (double)v->target_fid, counted};
        if (put_row(w, r, VT_VIOLATIONS, 9, layer, texts, reals, v->wkb, v->wkb_size, err, err_size)) return 1;
    }
    gpkg_writer_meta(w, layer, r->meta, r->nmeta);
    return 0;
}

static int write_classes(gpkg_writer *w, const voucher_result *r, char *err, size_t err_size) {
    int layer = add_layer(w, r, VT_CLASSES, "voucher_classes", wkbNone, NULL, err, err_size);
    if (layer < 0) return 1;
    for (size_t i = 0; i < guotu_voucher_class_count(r->voucher); i++) {
        guotu_voucher_class_row c;
        guotu_voucher_class_result(r->ctx, r->voucher, i, &c);
        const char *texts[5] = {c.zone_id, c.class_code, 0, 0, 0};
        double reals[5] = {0, 0, c.a0_ha, c.at_ha, c.k};
        if (put_row(w, r, VT_CLASSES, 5, layer, texts, reals, NULL, 0, err, err_size)) return 1;
    }
    return 0;
}

static int write_unknown(gpkg_writer *w, const voucher_result *r, char *err, size_t err_size) {
    int layer = add_layer(w, r, VT_UNKNOWN, "unknown_codes", wkbNone, NULL, err, err_size);
    if (layer < 0) return 1;
    for (size_t i = 0; i < guotu_voucher_unknown_count(r->voucher); i++) {
        guotu_voucher_unknown u;
        guotu_voucher_unknown_result(r->ctx, r->voucher, i, &u);
        const char *texts[3] = {u.class_code, u.year ? "target" : "base", 0};
        double reals[3] = {0, 0, u.area_ha};
        if (put_row(w, r, VT_UNKNOWN, 3, layer, texts, reals, NULL, 0, err, err_size)) return 1;
    }
    return 0;
}

const char *voucher_price_effect(const voucher_result *r) {
    const guotu_market_summary *m = &r->market_summary;
    if (m->demand_exceeds_supply_at_floor) {
        if (r->fixed_price) return "demand_exceeds_supply_at_fixed_price";
        return m->clearing_price > r->floor_price ? "demand_exceeds_supply_price_raised"
                                                  : "demand_exceeds_supply_price_at_floor";
    }
    if (m->floor_supply_ha > m->floor_demand_ha + 1e-9)
        return r->fixed_price ? "supply_exceeds_demand_at_fixed_price" : "supply_exceeds_demand_at_floor";
    return "balanced";
}

typedef struct key_function_totals {
    double zones, out, supply, demand;
} key_function_totals;

/* Key function zones of the trading subjects: the zones, or the counties units go to. */
static key_function_totals key_function_of(const voucher_result *r) {
    key_function_totals t = {0, 0, 0, 0};
    if (!r->counties) {
        t.zones = r->summary.key_function_zones;
        t.out = r->summary.zones_out_of_market;
        t.supply = r->summary.key_function_supply_ha;
        t.demand = r->summary.key_function_demand_ha;
        return t;
    }
    for (size_t c = 0; c < r->counties->count; c++) {
        const zone_record *county = &r->counties->zones[c];
        if (!county->key_function) continue;
        t.zones++;
        if (r->key_function_in_market) continue;
        t.out++;
        for (size_t i = 0; i < guotu_attribution_count(r->attribution); i++) {
            guotu_county_voucher row;
            guotu_attribution_result(r->ctx, r->attribution, i, &row);
            if (strcmp(row.county_id, county->id) != 0) continue;
            if (row.role == GUOTU_ROLE_SUPPLY) t.supply += row.e_ha;
            if (row.role == GUOTU_ROLE_DEMAND) t.demand -= row.e_ha;
        }
    }
    return t;
}

static int write_summary(gpkg_writer *w, const voucher_result *r, char *err, size_t err_size) {
    int layer = add_layer(w, r, VT_SUMMARY, "summary", wkbNone, NULL, err, err_size);
    if (layer < 0) return 1;
    const guotu_voucher_summary *s = &r->summary;
    const guotu_market_summary *m = &r->market_summary;
    key_function_totals kf = key_function_of(r);
    struct {
        const char *item;
        double value;
    } numbers[] = {
        {"total_m0_ha", s->m0_total_ha},
        {"total_mt_ha", s->mt_total_ha},
        {"total_supply_ha", s->supply_ha},
        {"total_demand_ha", s->demand_ha},
        {"net_ha", s->supply_ha - s->demand_ha},
        /* E is not conserved (SPEC §3): the raw change beside the weighted sum. */
        {"sum_dm_ha", s->mt_total_ha - s->m0_total_ha},
        {"sum_e_ha", s->supply_ha - s->demand_ha},
        {"demand_exceeding_supply_ha", fmax(0.0, s->demand_ha - s->supply_ha)},
        {"supply_exceeding_demand_ha", fmax(0.0, s->supply_ha - s->demand_ha)},
        {"traded_ha", r->has_market ? m->traded_ha : NAN},
        {"unmet_demand_ha", r->has_market ? m->unmet_demand_ha : NAN},
        {"unsold_supply_ha", r->has_market ? m->unsold_supply_ha : NAN},
        {"market_total_supply_ha", r->has_market ? m->total_supply_ha : NAN},
        {"market_total_demand_ha", r->has_market ? m->total_demand_ha : NAN},
        {"market_supply_ha", r->has_market ? m->supply_ha : NAN},
        {"market_demand_ha", r->has_market ? m->demand_ha : NAN},
        {"floor_supply_ha", r->has_market ? m->floor_supply_ha : NAN},
        {"floor_demand_ha", r->has_market ? m->floor_demand_ha : NAN},
        {"demand_exceeds_supply_at_floor", r->has_market ? m->demand_exceeds_supply_at_floor : NAN},
        {"price_above_floor_yuan_per_ha", r->has_market ? m->clearing_price - r->floor_price : NAN},
        {"clearing_price_yuan_per_ha", r->has_market ? m->clearing_price : NAN},
        {"traded_amount_yuan", r->has_market ? m->traded_amount_yuan : NAN},
        {"sellers", r->has_market ? m->sellers : NAN},
        {"buyers", r->has_market ? m->buyers : NAN},
        {"reference_gdp_per_capita_yuan", s->reference_gdp_per_capita},
        {"reference_pop_density_per_km2", s->reference_pop_density},
        {"protection_rate", s->protection_rate},
        {"unattributed_ha", r->attribution ? guotu_attribution_unattributed(r->attribution) : NAN},
        /* Within the plan's bottom lines (SPEC §3); NULL without lines. */
        {"sum_dm_redline_ha", s->dm_redline_ha},
        {"sum_dm_farmland_ha", s->dm_farmland_ha},
        {"redline_loss_ha", s->redline_loss_ha},
        {"redline_loss_area_ha", s->redline_loss_area_ha},
        {"violation_zones", r->lines ? s->violation_zones : NAN},
        {"violation_pieces", r->lines ? (double)r->lines->count : NAN},
        {"redline_loss_counted", r->lines ? (s->redline_loss == GUOTU_REDLINE_LOSS_COUNT) : NAN},
        /* Key ecological function zones: accounts computed, out of the market by default. */
        {"key_function_zones", kf.zones},
        {"zones_out_of_market", kf.out},
        {"key_function_supply_ha", kf.supply},
        {"key_function_demand_ha", kf.demand},
        {"key_function_in_market", r->key_function_in_market},
    };
    for (size_t i = 0; i < sizeof numbers / sizeof numbers[0]; i++) {
        const char *texts[3] = {numbers[i].item, 0, ""};
        double reals[3] = {0, numbers[i].value, 0};
        if (put_row(w, r, VT_SUMMARY, 3, layer, texts, reals, NULL, 0, err, err_size)) return 1;
    }
    if (r->has_market) {
        const char *texts[3] = {"price_effect", 0, voucher_price_effect(r)};
        double reals[3] = {0, NAN, 0};
        if (put_row(w, r, VT_SUMMARY, 3, layer, texts, reals, NULL, 0, err, err_size)) return 1;
    }
    /* Every parameter, as text rows too, so the table alone documents the run. */
    for (int i = 0; i < r->nmeta; i++) {
        const char *texts[3] = {r->meta[i].key, 0, r->meta[i].value};
        double reals[3] = {0, NAN, 0};
        if (put_row(w, r, VT_SUMMARY, 3, layer, texts, reals, NULL, 0, err, err_size)) return 1;
    }
    gpkg_writer_meta(w, layer, r->meta, r->nmeta);
    return 0;
}

static int write_trades(gpkg_writer *w, const voucher_result *r, char *err, size_t err_size) {
    int layer = add_layer(w, r, VT_TRADES, "trades", wkbLineString, r->zones->srs, err, err_size);
    if (layer < 0) return 1;
    for (size_t i = 0; r->has_market && i < guotu_market_trade_count(r->market); i++) {
        guotu_trade t;
        guotu_market_trade(r->ctx, r->market, i, &t);
        OGRGeometryH line = OGR_G_CreateGeometry(wkbLineString);
        OGR_G_AddPoint_2D(line, t.seller_x, t.seller_y);
        OGR_G_AddPoint_2D(line, t.buyer_x, t.buyer_y);
        size_t size = (size_t)OGR_G_WkbSize(line);
        unsigned char *wkb = malloc(size);
        int failed = !wkb;
        if (wkb) {
            OGR_G_ExportToIsoWkb(line, wkbNDR, wkb);
            const char *texts[5] = {t.seller_id, t.buyer_id, 0, 0, 0};
            double reals[5] = {0, 0, t.volume_ha, t.price_yuan_per_ha, t.amount_yuan};
            failed = put_row(w, r, VT_TRADES, 5, layer, texts, reals, wkb, size, err, err_size);
        }
        free(wkb);
        OGR_G_DestroyGeometry(line);
        if (failed) return 1;
    }
    gpkg_writer_meta(w, layer, r->meta, r->nmeta);
    return 0;
}

/* The accounts over years: every zone's balance per period, and the trades of every period. */
static int write_ledger(gpkg_writer *w, const voucher_result *r, char *err, size_t err_size) {
    int layer = add_layer(w, r, VT_LEDGER, "ledger", wkbNone, NULL, err, err_size);
    if (layer < 0) return 1;
    for (size_t i = 0; i < guotu_accounts_row_count(r->ledger->core); i++) {
        const char *texts[VOUCHER_LEDGER_VALUES];
        double reals[VOUCHER_LEDGER_VALUES];
        guotu_account_row row;
        guotu_accounts_result(r->ctx, r->ledger->core, i, &row);
        voucher_ledger_values(&row, texts, reals);
        if (put_row(w, r, VT_LEDGER, VOUCHER_LEDGER_VALUES, layer, texts, reals, NULL, 0, err, err_size)) return 1;
    }
    gpkg_writer_meta(w, layer, r->meta, r->nmeta);
    layer = add_layer(w, r, VT_LEDGER_TRADES, "ledger_trades", wkbNone, NULL, err, err_size);
    if (layer < 0) return 1;
    for (size_t i = 0; i < r->ledger->trade_count; i++) {
        const ledger_trade *t = &r->ledger->trades[i];
        const char *texts[7] = {0, 0, t->seller_id, t->buyer_id, 0, 0, 0};
        double reals[7] = {t->period, t->year_to, 0, 0, t->volume_ha, t->price_yuan_per_ha, t->amount_yuan};
        if (put_row(w, r, VT_LEDGER_TRADES, 7, layer, texts, reals, NULL, 0, err, err_size)) return 1;
    }
    gpkg_writer_meta(w, layer, r->meta, r->nmeta);
    return 0;
}

int voucher_output_write(const char *path, const voucher_result *r, char *err, size_t err_size) {
    gpkg_writer *w = NULL;
    if (gpkg_writer_open(&w, path, err, err_size)) return 1;
    if (write_voucher_layer(w, r, err, err_size) || write_classes(w, r, err, err_size) ||
        write_summary(w, r, err, err_size) || write_trades(w, r, err, err_size) || write_unknown(w, r, err, err_size) ||
        (r->counties && write_counties(w, r, err, err_size)) || (r->lines && write_violations(w, r, err, err_size)) ||
        (r->ledger && write_ledger(w, r, err, err_size))) {
        gpkg_writer_abort(w);
        return 1;
    }
    return gpkg_writer_commit(w, err, err_size);
}
