/* voucher_ledger.h — voucher accounts over years (issue 16, item 4): one account per trading
 * zone, carried from period to period.
 *
 *   position = opening + E          what the zone brings to the period's market
 *   closing  = position + bought − sold
 *
 * The closing balance of a period is the opening balance of the next. A zone kept out of the
 * market (a key ecological function zone) neither buys nor sells: its closing is its position. */
#ifndef GUOTU_CLI_VOUCHER_LEDGER_H
#define GUOTU_CLI_VOUCHER_LEDGER_H

#include <stddef.h>

#include "guotu/guotu.h"
#include "table_writer.h"
#include "voucher_inputs.h"

typedef struct ledger_row {
    int period;    /* 1, 2, … */
    int year_from; /* 0 when the base year is not known (single period without --base-year) */
    int year_to;
    char *zone_id, *zone_name;
    double opening_ha, dm_ha, e_ha, position_ha, bought_ha, sold_ha, closing_ha;
    int in_market;
    /* Within the bottom lines: standard forest lost inside the red line in the period, and
     * whether that is a violation (NaN and -1 without the lines). */
    double redline_loss_ha;
    int violation;
} ledger_row;

typedef struct ledger_trade {
    int period, year_to;
    char *seller_id, *buyer_id;
    double volume_ha, price_yuan_per_ha, amount_yuan;
} ledger_trade;

typedef struct voucher_ledger {
    ledger_row *rows;
    size_t count, cap;
    ledger_trade *trades;
    size_t trade_count, trade_cap;
} voucher_ledger;

/* Opening balances from a CSV: columns zone_id and balance_ha, or a ledger written by guotu
 * voucher (the CSV, or the GeoPackage of an earlier run with its table ledger: zone_id,
 * year_to, closing_ha; the rows of the latest year_to are taken). Zones
 * the table does not list open at 0; a zone id the layer does not have is an error, as is a
 * balance that is not a number. `opening` has zones->count entries. 1 with a message. */
int voucher_opening_read(const char *path, const zone_set *zones, double *opening, char *err, size_t err_size);

/* The base year the land-use data states: every feature's SJNF (数据年份) the same year. 0 when
 * the layer has no SJNF field (or it is a raster); -1 with a message when the values differ
 * or are no year. */
int voucher_base_year_from_data(const char *path, const char *layer, int *year, char *err, size_t err_size);

/* Posts one period: every zone of the account with its opening balance; the market (cleared,
 * or NULL) gives what each bought and sold; fills `closing` (zones->count entries, may be the
 * same array as `opening`). The account's zones are in the order of `zones`. */
int voucher_ledger_post(voucher_ledger *l, guotu_context *ctx, const guotu_voucher *v, const guotu_market *m,
                        int period, int year_from, int year_to, const double *opening, double *closing, char *err,
                        size_t err_size);

/* Writes the ledger as a CSV (atomically). 1 with a message. */
int voucher_ledger_write_csv(const voucher_ledger *l, const char *path, char *err, size_t err_size);

/* The ledger's columns and one row's values, for the GeoPackage table `ledger`. */
extern const table_column voucher_ledger_columns[];
extern const int voucher_ledger_ncolumns;
void voucher_ledger_values(const ledger_row *row, const char **texts, double *reals);

void voucher_ledger_free(voucher_ledger *l);

#endif
