/* voucher_ledger.h — voucher accounts over years (issue 16, item 4) in `guotu voucher`: the
 * core's ledger (guotu_accounts: position = opening + E, closing = position + bought − sold,
 * carried into the next period), the trades of every period, opening balances from files, the
 * base year the data states, and the ledger's table and CSV. */
#ifndef GUOTU_IO_VOUCHER_LEDGER_H
#define GUOTU_IO_VOUCHER_LEDGER_H

#include <stddef.h>

#include "guotu/guotu.h"
#include "table_schema.h"
#include "table_writer.h"
#include "voucher_inputs.h"

typedef struct ledger_trade {
    int period, year_to;
    char *seller_id, *buyer_id;
    double volume_ha, price_yuan_per_ha, amount_yuan;
} ledger_trade;

typedef struct voucher_ledger {
    guotu_accounts *core; /* the accounts */
    int periods;          /* posted so far */
    ledger_trade *trades;
    size_t trade_count, trade_cap;
} voucher_ledger;

/* An empty ledger. 1 with a message. */
int voucher_ledger_init(voucher_ledger *l, guotu_context *ctx, char *err, size_t err_size);

/* Opening balances from a CSV: columns zone_id and balance_ha, or a ledger written by guotu
 * voucher (the CSV, or the GeoPackage of an earlier run with its table ledger: zone_id,
 * year_to, closing_ha; the rows of the latest year_to are taken), set in the ledger. Zones
 * the table does not list open at 0; a zone id the layer does not have is an error, as is a
 * balance that is not a number. 1 with a message. */
int voucher_opening_read(const char *path, const zone_set *zones, guotu_context *ctx, voucher_ledger *l, char *err,
                         size_t err_size);

/* The year the land-use data states: every feature's SJNF (数据年份) the same year. 0 when
 * the layer has no SJNF field (or it is a raster); -1 with a message when the values differ
 * or are no year. */
int voucher_base_year_from_data(const char *path, const char *layer, int *year, char *err, size_t err_size);

/* Posts one period: the computed account and the cleared market (or NULL), which took every
 * zone in the market at guotu_accounts_balance + E; keeps the market's trades. 1 with a message. */
int voucher_ledger_post(voucher_ledger *l, guotu_context *ctx, const guotu_voucher *v, const guotu_market *m,
                        int year_from, int year_to, char *err, size_t err_size);

/* Writes the ledger as a CSV (atomically) with the columns of `schema` (voucher_ledger), each
 * value of voucher_ledger_names[k] going to column slots[k]. 1 with a message. */
int voucher_ledger_write_csv(const voucher_ledger *l, guotu_context *ctx, const char *path, const table_schema *schema,
                             const int *slots, char *err, size_t err_size);

/* The values of the table `ledger` by column name (resources/schemas/voucher_ledger.csv has the
 * columns), and one row's values in that order. */
enum { VOUCHER_LEDGER_VALUES = 15 };
extern const char *const voucher_ledger_names[VOUCHER_LEDGER_VALUES];
void voucher_ledger_values(const guotu_account_row *row, const char **texts, double *reals);

void voucher_ledger_free(voucher_ledger *l, guotu_context *ctx);

#endif
