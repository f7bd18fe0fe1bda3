/* voucher_ledger.c — voucher accounts over years: opening balances, the ledger rows of every
 * period and its CSV. */
#include "voucher_ledger.h"

#include <gdal/gdal.h>
#include <gdal/ogr_api.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io_util.h"
#include "vector_source.h"

const char *const voucher_ledger_names[VOUCHER_LEDGER_VALUES] = {
    "period",      "year_from", "year_to", "zone_id",    "zone_name", "opening_ha",      "dm_ha",    "e_ha",
    "position_ha", "bought_ha", "sold_ha", "closing_ha", "in_market", "redline_loss_ha", "violation"};

void voucher_ledger_values(const guotu_account_row *row, const char **texts, double *reals) {
    for (int i = 0; i < VOUCHER_LEDGER_VALUES; i++) {
        texts[i] = NULL;
        reals[i] = 0;
    }
    reals[0] = row->period;
    reals[1] = row->year_from > 0 ? row->year_from : NAN;
    reals[2] = row->year_to;
    texts[3] = row->zone_id;
    texts[4] = row->zone_name;
    reals[5] = row->opening_ha;
    reals[6] = row->dm_ha;
    reals[7] = row->e_ha;
    reals[8] = row->position_ha;
    reals[9] = row->bought_ha;
    reals[10] = row->sold_ha;
    reals[11] = row->closing_ha;
    reals[12] = row->in_market;
    reals[13] = row->redline_loss_ha;
    reals[14] = row->violation < 0 ? NAN : row->violation;
}

static char *copy_text(const char *text) {
    size_t n = strlen(text ? text : "") + 1;
    char *copy = malloc(n);
    if (copy) memcpy(copy, text ? text : "", n);
    return copy;
}

static int parse_real(const char *text, double *out) {
    char *end = NULL;
    *out = strtod(text, &end);
    return *text && !*end && isfinite(*out);
}

int voucher_opening_read(const char *path, const zone_set *zones, guotu_context *ctx, voucher_ledger *l, char *err,
                         size_t err_size) {
    double *opening = calloc(zones->count ? zones->count : 1, sizeof *opening);
    if (!opening) {
        snprintf(err, err_size, "out of memory");
        return 1;
    }
    GDALDatasetH ds = GDALOpenEx(path, GDAL_OF_VECTOR | GDAL_OF_READONLY, NULL, NULL, NULL);
    /* An earlier run's GeoPackage: its table ledger; a CSV: its only table. */
    OGRLayerH layer = ds ? GDALDatasetGetLayerByName(ds, "ledger") : NULL;
    if (ds && !layer) layer = GDALDatasetGetLayer(ds, 0);
    if (!layer) {
        snprintf(err, err_size, "cannot read the opening balances '%s'", path);
        if (ds) GDALClose(ds);
        free(opening);
        return 1;
    }
    OGRFeatureDefnH defn = OGR_L_GetLayerDefn(layer);
    int id = OGR_FD_GetFieldIndex(defn, "zone_id"), balance = OGR_FD_GetFieldIndex(defn, "balance_ha");
    int closing = OGR_FD_GetFieldIndex(defn, "closing_ha"), year = OGR_FD_GetFieldIndex(defn, "year_to");
    int value = balance >= 0 ? balance : closing;
    if (id < 0 || value < 0) {
        snprintf(err, err_size,
                 "the opening balances '%s' need the columns zone_id and balance_ha (or a ledger of guotu voucher "
                 "with zone_id, year_to and closing_ha)",
                 path);
        GDALClose(ds);
        free(opening);
        return 1;
    }
    int ledger = balance < 0 && year >= 0;
    int *latest = calloc(zones->count ? zones->count : 1, sizeof *latest);
    char *seen = calloc(zones->count ? zones->count : 1, 1);
    int failed = !latest || !seen, got;
    if (failed) snprintf(err, err_size, "out of memory");
    OGRFeatureH feature;
    int64_t read = 0;
    while (!failed && (got = ogr_next_feature(layer, path, read++, &feature, err, err_size)) != 0) {
        if (got < 0) {
            failed = 1;
            break;
        }
        const char *zone = OGR_F_GetFieldAsString(feature, id), *text = OGR_F_GetFieldAsString(feature, value);
        int row_year = ledger ? OGR_F_GetFieldAsInteger(feature, year) : 0;
        size_t z = 0;
        while (z < zones->count && strcmp(zones->zones[z].id, zone) != 0)
            z++;
        double number;
        if (z == zones->count) {
            snprintf(err, err_size, "the opening balances '%s', row %lld: zone '%s' is no zone of layer '%s'", path,
                     (long long)read, zone, zones->layer_name);
            failed = 1;
        } else if (!parse_real(text, &number)) {
            snprintf(err, err_size,
                     "the opening balances '%s', row %lld: zone '%s' has the balance '%s'; a number "
                     "of hectares is needed",
                     path, (long long)read, zone, text);
            failed = 1;
        } else if (seen[z] && !ledger) {
            snprintf(err, err_size, "the opening balances '%s' have two rows for zone '%s'", path, zone);
            failed = 1;
        } else if (!seen[z] || row_year > latest[z]) {
            opening[z] = number;
            latest[z] = row_year;
            seen[z] = 1;
        }
        OGR_F_Destroy(feature);
    }
    GDALClose(ds);
    for (size_t z = 0; !failed && z < zones->count; z++) {
        if (!seen[z]) continue;
        if (guotu_accounts_set_balance(ctx, l->core, zones->zones[z].id, opening[z])) {
            snprintf(err, err_size, "the opening balances '%s': %s", path, guotu_context_last_error(ctx));
            failed = 1;
        }
    }
    free(latest);
    free(seen);
    free(opening);
    return failed;
}

int voucher_base_year_from_data(const char *path, const char *layer_name, int *year, char *err, size_t err_size) {
    *year = 0;
    GDALDatasetH ds = GDALOpenEx(path, GDAL_OF_VECTOR | GDAL_OF_READONLY, NULL, NULL, NULL);
    if (!ds) return 0; /* a raster: no SJNF */
    OGRLayerH layer = layer_name ? GDALDatasetGetLayerByName(ds, layer_name) : GDALDatasetGetLayer(ds, 0);
    int index = layer ? OGR_FD_GetFieldIndex(OGR_L_GetLayerDefn(layer), "SJNF") : -1;
    if (index < 0) {
        GDALClose(ds);
        return 0;
    }
    OGRFeatureH feature;
    int64_t read = 0;
    int got, failed = 0;
    OGR_L_ResetReading(layer);
    while (!failed && (got = ogr_next_feature(layer, path, read++, &feature, err, err_size)) != 0) {
        if (got < 0) {
            failed = 1;
            break;
        }
        const char *text = OGR_F_GetFieldAsString(feature, index);
        char *end = NULL;
        long y = strtol(text, &end, 10);
        if (!*text || *end || y < 1900 || y > 9999) {
            snprintf(err, err_size, "feature %lld of '%s': the data year SJNF is '%s', not a year",
                     (long long)OGR_F_GetFID(feature), path, text);
            failed = 1;
        } else if (*year && y != *year) {
            snprintf(err, err_size,
                     "'%s' holds data of the years %d and %ld (SJNF): give the base year with --base-year", path, *year,
                     y);
            failed = 1;
        } else {
            *year = (int)y;
        }
        OGR_F_Destroy(feature);
    }
    GDALClose(ds);
    return failed ? -1 : 0;
}

int voucher_ledger_init(voucher_ledger *l, guotu_context *ctx, char *err, size_t err_size) {
    memset(l, 0, sizeof *l);
    if (guotu_accounts_create(ctx, &l->core)) {
        snprintf(err, err_size, "%s", guotu_context_last_error(ctx));
        return 1;
    }
    return 0;
}

static int add_trade(voucher_ledger *l, int period, int year_to, const guotu_trade *t) {
    if (io_reserve(&l->trades, &l->trade_cap, l->trade_count + 1, sizeof *l->trades, 32)) return 1;
    ledger_trade *out = &l->trades[l->trade_count];
    *out = (ledger_trade){
        period,        year_to, copy_text(t->seller_id), copy_text(t->buyer_id), t->volume_ha, t->price_yuan_per_ha,
        t->amount_yuan};
    if (!out->seller_id || !out->buyer_id) {
        free(out->seller_id);
        free(out->buyer_id);
        return 1;
    }
    l->trade_count++;
    return 0;
}

int voucher_ledger_post(voucher_ledger *l, guotu_context *ctx, const guotu_voucher *v, const guotu_market *m,
                        int year_from, int year_to, char *err, size_t err_size) {
    if (guotu_accounts_post(ctx, l->core, year_from, year_to, v, m)) {
        snprintf(err, err_size, "%s", guotu_context_last_error(ctx));
        return 1;
    }
    l->periods++;
    size_t trades = m ? guotu_market_trade_count(m) : 0;
    for (size_t t = 0; t < trades; t++) {
        guotu_trade trade;
        guotu_market_trade(ctx, m, t, &trade);
        if (add_trade(l, l->periods, year_to, &trade)) {
            snprintf(err, err_size, "out of memory");
            return 1;
        }
    }
    return 0;
}

int voucher_ledger_write_csv(const voucher_ledger *l, guotu_context *ctx, const char *path, const table_schema *schema,
                             const int *slots, char *err, size_t err_size) {
    table_writer *w = NULL;
    if (table_writer_open(&w, path, "ledger", table_schema_columns(schema), table_schema_count(schema), err, err_size))
        return 1;
    for (size_t i = 0; i < guotu_accounts_row_count(l->core); i++) {
        const char *texts[VOUCHER_LEDGER_VALUES];
        double reals[VOUCHER_LEDGER_VALUES];
        guotu_account_row row;
        guotu_accounts_result(ctx, l->core, i, &row);
        voucher_ledger_values(&row, texts, reals);
        table_row out;
        table_row_clear(&out);
        for (int k = 0; k < VOUCHER_LEDGER_VALUES; k++) {
            table_row_text(&out, slots[k], texts[k]);
            table_row_real(&out, slots[k], reals[k]);
        }
        if (table_writer_row(w, out.texts, out.reals, err, err_size)) {
            table_writer_abort(w);
            return 1;
        }
    }
    return table_writer_commit(w, NULL, 0, err, err_size);
}

void voucher_ledger_free(voucher_ledger *l, guotu_context *ctx) {
    for (size_t i = 0; i < l->trade_count; i++) {
        free(l->trades[i].seller_id);
        free(l->trades[i].buyer_id);
    }
    free(l->trades);
    guotu_accounts_destroy(ctx, l->core);
    memset(l, 0, sizeof *l);
}
