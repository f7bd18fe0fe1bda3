/* voucher_output.h — writes the voucher result GeoPackage. */
#ifndef GUOTU_IO_VOUCHER_OUTPUT_H
#define GUOTU_IO_VOUCHER_OUTPUT_H

#include "guotu/guotu.h"
#include "table_schema.h"
#include "table_writer.h"
#include "voucher_inputs.h"
#include "voucher_ledger.h"
#include "voucher_lines.h"

/* The output tables (resources/schemas/<table>.csv: voucher, voucher_counties, voucher_violations,
 * voucher_classes, voucher_unknown_codes, voucher_summary, voucher_trades, voucher_ledger,
 * voucher_ledger_trades) and where each value the writers fill goes. */
enum {
    VT_VOUCHER,
    VT_COUNTIES,
    VT_VIOLATIONS,
    VT_CLASSES,
    VT_UNKNOWN,
    VT_SUMMARY,
    VT_TRADES,
    VT_LEDGER,
    VT_LEDGER_TRADES,
    VOUCHER_TABLES
};
typedef struct voucher_tables {
    table_schema *schemas[VOUCHER_TABLES];
    int slots[VOUCHER_TABLES][TABLE_SCHEMA_MAX_COLUMNS];
} voucher_tables;

/* Reads the schemas and checks the writers fill them: called before the run reads anything.
 * 1 with a message naming the schema file. voucher_tables_free frees them (again harmless). */
int voucher_tables_load(voucher_tables *t, char *err, size_t err_size);
void voucher_tables_free(voucher_tables *t);

typedef struct voucher_result {
    const voucher_tables *tables; /* loaded */
    guotu_context *ctx;
    const zone_set *zones;        /* same order as the account's zones */
    const guotu_voucher *voucher; /* computed */
    guotu_voucher_summary summary;
    const guotu_market *market; /* cleared, or NULL */
    int has_market;
    guotu_market_summary market_summary;
    const zone_set *counties; /* trading subjects when zones are ecological units, or NULL */
    const guotu_attribution *attribution;
    const table_meta *meta; /* inputs and parameters */
    int nmeta;
    int fixed_price;                   /* 1: --price (every trade at it); 0: --floor-price */
    double floor_price;                /* the floor (floor-price mode), else the fixed price */
    const voucher_lines_result *lines; /* with the bottom lines (violations), else NULL */
    int key_function_in_market;        /* --key-function-in-market */
    const voucher_ledger *ledger;      /* the accounts over years (tables ledger and ledger_trades) */
} voucher_result;

/* What the price does when supply and demand differ at the floor (or fixed) price, as the
 * summary's price_effect item: "balanced", "demand_exceeds_supply_price_raised",
 * "demand_exceeds_supply_price_at_floor", "demand_exceeds_supply_at_fixed_price",
 * "supply_exceeds_demand_at_floor" or "supply_exceeds_demand_at_fixed_price". */
const char *voucher_price_effect(const voucher_result *r);

/* Writes OUT.gpkg atomically: layers voucher (zones), voucher_classes, summary, trades
 * (lines seller → buyer), unknown_codes, with counties voucher_counties and with the bottom
 * lines violations (pieces of ecological land lost inside the red line), and the tables
 * ledger and ledger_trades (every period's accounts and trades).
 * 1 with a message on failure. */
int voucher_output_write(const char *path, const voucher_result *r, char *err, size_t err_size);

#endif
