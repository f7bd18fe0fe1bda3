/*
 * guotu_voucher.h — ecological voucher (生态券) accounting and market (SPEC §3).
 *
 *   M_t = Σ_i A_i · k_i                       standard-forest ha of a zone in year t (eq. 1)
 *   E   = (M_t − M_0) · G · P                 vouchers in ha (eq. 2); E > 0 supplies, E < 0 buys |E|
 *   G   = (GDP / population) ÷ reference GDP per capita
 *   P   = (population / area in km²) ÷ reference population density
 *   Q   = E · q_t                             value in yuan at price q_t (eq. 3)
 *
 * Coefficients (k) come from a table parsed from CSV text by guotu_coefficients_parse;
 * class areas come from two finished tallies (base and target year) over the same zones.
 * The market pairs sellers with buyers under a cap and a price rule.
 */
#ifndef GUOTU_VOUCHER_H
#define GUOTU_VOUCHER_H

#ifndef GUOTU_H
#error "include <guotu/guotu.h>, not this file"
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* ---- Coefficient tables ------------------------------------------------ */
typedef struct guotu_coefficients guotu_coefficients;

/* Parses a UTF-8 CSV table with a header row. Columns, by name, in any order:
 *   code + k            the coefficient directly, or
 *   code + esv          ecosystem service value; k = esv ÷ esv of `reference_code`
 * (other columns such as name_zh, note are ignored). Fails with GUOTU_ERR_DATA naming the
 * line for a duplicate code, an empty code, a non-numeric or negative k/esv, a missing
 * column, or (esv tables) a missing or zero reference row. `label` names the table in
 * messages (e.g. its file name). Caller frees with guotu_coefficients_destroy. */
GUOTU_API int guotu_coefficients_parse(guotu_context *ctx, const char *csv_text, size_t csv_size, const char *label,
                                       const char *reference_code, guotu_coefficients **out);

GUOTU_API void guotu_coefficients_destroy(guotu_context *ctx, guotu_coefficients *c);

/* Number of codes in the table. */
GUOTU_API size_t guotu_coefficients_count(const guotu_coefficients *c);

/* k of a class code: exact match first; a purely numeric code also matches a numeric
 * table code of the same value ("301" finds "0301", as integer fields lose leading zeros).
 * Returns 1 and sets *k when found, 0 when the table does not list the code. */
GUOTU_API int guotu_coefficients_lookup(const guotu_coefficients *c, const char *code, double *k);

/* ---- Accounting -------------------------------------------------------- */
typedef enum guotu_baseline {
    GUOTU_BASELINE_BASE_YEAR = 0,      /* M_0 = standard forest at the base year */
    GUOTU_BASELINE_PROTECTION_RATE = 1 /* M_0 = zone land area × protection rate */
} guotu_baseline;

typedef struct guotu_voucher_options {
    guotu_baseline baseline;
    /* Protection rate (standard-forest ha per ha of land) for GUOTU_BASELINE_PROTECTION_RATE;
     * a negative value means: the rate of the whole zone layer at the base year. */
    double protection_rate;
    /* 1: reference GDP per capita and density computed over all zones (Σ GDP ÷ Σ population,
     * Σ population ÷ Σ km²); 0: the two values below, entered by the user. */
    int reference_from_zones;
    double reference_gdp_per_capita; /* yuan per person */
    double reference_pop_density;    /* persons per km² */
    /* Amounts (eq. 3) use this price, yuan per standard-forest ha; <= 0: no amounts (NaN). */
    double price;
    /* |E| below this (ha) counts as balanced; default 1e-9. */
    double balanced_tolerance;
    /* Within the plan's bottom lines (SPEC §3). 1: the red line and permanent farmland were
     * read and their pieces come through guotu_voucher_add_line_piece (0: no lines; the
     * line figures are NaN). */
    int lines;
    /* What a loss of ecological land inside the red line does to E (guotu_redline_loss). */
    int redline_loss;
    /* 1: zones in national key ecological function zones trade like the others; 0 (default):
     * their accounts are computed but they are kept out of the market (in_market 0). */
    int key_function_in_market;
} guotu_voucher_options;

/* A loss of ecological land inside the ecological red line is a violation of the plan, not
 * demand a zone may buy away (SPEC §3). */
typedef enum guotu_redline_loss {
    GUOTU_REDLINE_LOSS_EXCLUDE = 0, /* default: E is computed without it; reported as a violation */
    GUOTU_REDLINE_LOSS_COUNT = 1    /* counted in E like any other change, and flagged */
} guotu_redline_loss;

/* "exclude" or "count". Borrowed, static. */
GUOTU_API const char *guotu_redline_loss_name(int policy);

/* Fills defaults: base-year baseline, protection_rate -1, reference from zones, price 0,
 * no lines, red-line losses excluded, key function zones out of the market.
 * (The tool and the plugin default to the national values of the target year instead:
 * guotu_national_reference_find below, copied into the two reference fields.) */
GUOTU_API void guotu_voucher_options_init(guotu_voucher_options *opts);

typedef struct guotu_voucher guotu_voucher;

/* Creates an account. The coefficient tables are borrowed and must outlive it; base and
 * target may be the same table. Caller frees with guotu_voucher_destroy. */
GUOTU_API int guotu_voucher_create(guotu_context *ctx, const guotu_voucher_options *opts,
                                   const guotu_coefficients *base_coefficients,
                                   const guotu_coefficients *target_coefficients, guotu_voucher **out);

GUOTU_API void guotu_voucher_destroy(guotu_context *ctx, guotu_voucher *v);

/* Adds a zone with its land area (ellipsoidal ha), GDP (yuan) and population (persons)
 * of the target year. GUOTU_ERR_DATA naming the zone for a duplicate or empty id, a
 * non-finite or negative GDP, or a population or area that is not positive. */
GUOTU_API int guotu_voucher_add_zone(guotu_context *ctx, guotu_voucher *v, const char *zone_id, const char *name,
                                     double area_ha, double gdp_yuan, double population);

/* Takes the class areas of a finished tally over the same zones: year 0 = base, 1 = target.
 * GUOTU_ERR_DATA when the tally names a zone that was not added. */
GUOTU_API int guotu_voucher_add_tally(guotu_context *ctx, guotu_voucher *v, int year, const guotu_tally *t);

/* One piece of the base ∩ target overlay inside a zone (guotu_convert pieces), with the line
 * it lies in (GUOTU_LINE_REDLINE or GUOTU_LINE_FARMLAND; the red line wins where both
 * cover it; other lines are ignored), its class codes and area (ha, the method of the
 * tallies). Its change of standard forest, area × (k_target(to) − k_base(from)) with k 0
 * for a code the table does not list, goes to *dm_ha (may be NULL) and to the zone's
 * ΔM inside that line; inside the red line a piece whose dm is negative is a loss of
 * ecological land (a violation). Needs options.lines; before compute. GUOTU_ERR_DATA for a
 * zone the account does not have or an area that is not a number >= 0. */
GUOTU_API int guotu_voucher_add_line_piece(guotu_context *ctx, guotu_voucher *v, const char *zone_id, int line,
                                           const char *from_code, const char *to_code, double area_ha, double *dm_ha);

/* Marks a zone as a county in a national key ecological function zone (国家重点生态功能区):
 * its account is computed, and unless options.key_function_in_market it is kept out of the
 * market (in_market 0) and out of the supply and demand totals. Before compute.
 * GUOTU_ERR_DATA for a zone the account does not have. */
GUOTU_API int guotu_voucher_mark_key_function(guotu_context *ctx, guotu_voucher *v, const char *zone_id);

/* Computes M_0, M_t, E and roles. Call once, after both years were added. */
GUOTU_API int guotu_voucher_compute(guotu_context *ctx, guotu_voucher *v);

typedef enum guotu_role { GUOTU_ROLE_BALANCED = 0, GUOTU_ROLE_SUPPLY = 1, GUOTU_ROLE_DEMAND = 2 } guotu_role;

/* "supply", "demand" or "balanced". Borrowed, static. */
GUOTU_API const char *guotu_role_name(int role);

typedef struct guotu_voucher_zone {
    const char *zone_id; /* borrowed, live as long as the account */
    const char *zone_name;
    double area_ha, m0_ha, mt_ha, dm_ha, g_ratio, p_ratio, e_ha;
    int role;           /* guotu_role */
    double amount_yuan; /* E × price; NaN when no price was given (0 would read as E = 0) */
    /* Within the bottom lines (NaN without lines): ΔM inside the red line and inside
     * permanent farmland (outside the red line), standard-forest ha lost inside the red line
     * (Σ −dm of its pieces with dm < 0, >= 0) and the land area of those pieces. */
    double dm_redline_ha, dm_farmland_ha, redline_loss_ha, redline_loss_area_ha;
    /* The ΔM that E is computed from: dm_ha + redline_loss_ha when red-line losses are
     * excluded, else dm_ha. E = dm_tradable_ha · G · P. */
    double dm_tradable_ha;
    int violation;    /* 1: standard forest was lost inside the red line */
    int key_function; /* 1: in a national key ecological function zone */
    int in_market;    /* 0: kept out of the market (key function zone) */
} guotu_voucher_zone;

/* Zones in the order they were added; valid after compute. */
GUOTU_API size_t guotu_voucher_zone_count(const guotu_voucher *v);
GUOTU_API int guotu_voucher_zone_result(guotu_context *ctx, const guotu_voucher *v, size_t i, guotu_voucher_zone *out);

/* Per zone and class: a0/at areas (ha) and k (NaN when the table does not list the code). */
typedef struct guotu_voucher_class_row {
    const char *zone_id;
    const char *class_code;
    double a0_ha, at_ha, k;
} guotu_voucher_class_row;
GUOTU_API size_t guotu_voucher_class_count(const guotu_voucher *v);
GUOTU_API int guotu_voucher_class_result(guotu_context *ctx, const guotu_voucher *v, size_t i,
                                         guotu_voucher_class_row *out);

/* Codes the coefficient table does not list, with their area over all zones, per year. */
typedef struct guotu_voucher_unknown {
    const char *class_code;
    int year; /* 0 base, 1 target */
    double area_ha;
} guotu_voucher_unknown;
GUOTU_API size_t guotu_voucher_unknown_count(const guotu_voucher *v);
GUOTU_API int guotu_voucher_unknown_result(guotu_context *ctx, const guotu_voucher *v, size_t i,
                                           guotu_voucher_unknown *out);

typedef struct guotu_voucher_summary {
    double m0_total_ha, mt_total_ha;
    double supply_ha, demand_ha; /* Σ E over suppliers; Σ |E| over buyers */
    double reference_gdp_per_capita, reference_pop_density, protection_rate;
    int reference_from_zones;
    /* supply_ha and demand_ha count the zones in the market; the E of zones kept out
     * (key function zones) is here: Σ E > 0 and Σ |E| of E < 0. */
    double key_function_supply_ha, key_function_demand_ha;
    int key_function_zones, zones_out_of_market;
    /* Bottom lines (NaN without lines): Σ over zones of the zone figures above. */
    double dm_redline_ha, dm_farmland_ha, redline_loss_ha, redline_loss_area_ha;
    int violation_zones;
    int lines, redline_loss, key_function_in_market; /* the options used */
} guotu_voucher_summary;
GUOTU_API int guotu_voucher_get_summary(guotu_context *ctx, const guotu_voucher *v, guotu_voucher_summary *out);

/* ---- National reference values (SPEC §3) -------------------------------- */
/* G and P are ratios to national values of the target year. They come from a table by year,
 * one row per year with its source, that users extend from each year's NBS statistical
 * communiqué. Columns, by name, in any order:
 *   year, gdp_per_capita_yuan, source, and either pop_density_per_km2 or population +
 *   land_area_km2 (persons, km²; density = population ÷ land area). A non-empty
 *   pop_density_per_km2 wins over the other two.
 * Other columns are ignored. */
typedef struct guotu_national_reference {
    int year;
    int line;              /* line of the table the row is on (the header is line 1) */
    double gdp_per_capita; /* yuan per person */
    double population;     /* persons; NaN when the row gives the density only */
    double land_area_km2;  /* km²; NaN when the row gives the density only */
    double pop_density;    /* persons per km² */
    char source[512];      /* the row's source, UTF-8, cut at a character boundary */
} guotu_national_reference;

/* Finds the row of `year`. GUOTU_ERR_DATA naming the table (`label`) and the line for a bad
 * header, a year that is not a whole number or appears twice, a value that is not a positive
 * number or an empty source; and, when every row is sound but none is for `year`, naming the
 * table and the years it has (never another year's values). */
GUOTU_API int guotu_national_reference_find(guotu_context *ctx, const char *csv_text, size_t csv_size,
                                            const char *label, int year, guotu_national_reference *out);

/* ---- Attribution of ecological units to counties ------------------------- */
/* Ecological units may cross county lines, but trading subjects are county governments:
 * each unit's E is split over the counties it overlaps by area share,
 *   E_county = Σ_unit E_unit · area(unit ∩ county) / area(unit).
 * `overlap` is a finished tally whose zones are the counties and whose land-use polygons
 * are the units with their zone id as class code (so its rows are area(unit ∩ county)).
 * Area of a unit outside every county is reported, not silently dropped. */
typedef struct guotu_attribution guotu_attribution;

GUOTU_API int guotu_voucher_attribute(guotu_context *ctx, const guotu_voucher *v, const guotu_tally *overlap,
                                      guotu_attribution **out);
GUOTU_API void guotu_attribution_destroy(guotu_context *ctx, guotu_attribution *a);

typedef struct guotu_county_voucher {
    const char *county_id; /* borrowed; lives as long as the attribution */
    double e_ha;
    int role;
    int units; /* number of units contributing */
} guotu_county_voucher;

/* Counties in the order of the overlap tally's zones that received a share. */
GUOTU_API size_t guotu_attribution_count(const guotu_attribution *a);
GUOTU_API int guotu_attribution_result(guotu_context *ctx, const guotu_attribution *a, size_t i,
                                       guotu_county_voucher *out);
/* E (ha, signed sum) of unit area that lies in no county. */
GUOTU_API double guotu_attribution_unattributed(const guotu_attribution *a);

/* ---- Market ------------------------------------------------------------ */
typedef enum guotu_allocation {
    GUOTU_ALLOCATION_PRO_RATA = 0, /* every seller and buyer in proportion to its volume */
    GUOTU_ALLOCATION_NEAREST = 1   /* closest seller-buyer pairs first */
} guotu_allocation;

typedef enum guotu_settlement {
    GUOTU_SETTLEMENT_PAYMENT = 0, /* direct sale */
    GUOTU_SETTLEMENT_EQUITY = 1   /* enclave (飞地): the amount is an equity share */
} guotu_settlement;

typedef struct guotu_market_options {
    double price;       /* fixed price per ha; > 0 selects fixed-price mode */
    double floor_price; /* government floor price; used when price <= 0 */
    double cap_ha;      /* annual cap on the traded volume; < 0 = no cap */
    guotu_allocation allocation;
    guotu_settlement settlement;
} guotu_market_options;

/* Defaults: no price (must be set), no cap, pro-rata, payment. */
GUOTU_API void guotu_market_options_init(guotu_market_options *opts);

typedef struct guotu_market guotu_market;

GUOTU_API int guotu_market_create(guotu_context *ctx, const guotu_market_options *opts, guotu_market **out);
GUOTU_API void guotu_market_destroy(guotu_context *ctx, guotu_market *m);

/* Adds a zone: id (copied), E in ha (> 0 sells, < 0 buys), its ask (sellers) or bid
 * (buyers) in yuan/ha or NaN for none, and a point (x, y) for the nearest rule and maps.
 * A seller without ask accepts the floor; a buyer without bid must buy at any price.
 * Asks or bids need floor-price mode. */
GUOTU_API int guotu_market_add(guotu_context *ctx, guotu_market *m, const char *zone_id, double e_ha, double ask,
                               double bid, double x, double y);

/* Clears the market: the uniform clearing price (fixed price; or the floor; or, with asks
 * and bids, the price at or above the floor that trades the most, then balances supply
 * and demand best, then is lowest), the traded volume min(supply, demand, cap) at that
 * price, and the trades. */
GUOTU_API int guotu_market_clear(guotu_context *ctx, guotu_market *m);

typedef struct guotu_trade {
    const char *seller_id, *buyer_id; /* borrowed */
    double volume_ha, price_yuan_per_ha, amount_yuan;
    double seller_x, seller_y, buyer_x, buyer_y;
} guotu_trade;
GUOTU_API size_t guotu_market_trade_count(const guotu_market *m);
GUOTU_API int guotu_market_trade(guotu_context *ctx, const guotu_market *m, size_t i, guotu_trade *out);

/* The market need not clear (SPEC §3): E is not conserved, so supply and demand of a region
 * rarely match; only traded volumes balance. Unmet demand and unsold supply are reported,
 * never forced to zero. */
typedef struct guotu_market_summary {
    double supply_ha, demand_ha; /* offered and asked at the clearing price */
    double traded_ha, clearing_price, traded_amount_yuan;
    int sellers, buyers;
    double total_supply_ha, total_demand_ha;  /* Σ E of all sellers, Σ |E| of all buyers, any price */
    double unsold_supply_ha, unmet_demand_ha; /* total − traded */
    /* Offered and asked at the floor price (at the fixed price in fixed-price mode), and
     * whether demand there exceeds supply (then the floor does not bind: scarcity, or the
     * buyers' bids, set the price; and demand is left unmet). */
    double floor_supply_ha, floor_demand_ha;
    int demand_exceeds_supply_at_floor;
} guotu_market_summary;
GUOTU_API int guotu_market_get_summary(guotu_context *ctx, const guotu_market *m, guotu_market_summary *out);

/* ---- Accounts over years ------------------------------------------------ */
/* An account per zone, carried from period to period (issue 16, 生态指标账户 in spirit):
 *   position = opening + E          what the zone brings to the period's market
 *   closing  = position + bought − sold
 * and the closing balance opens the next period. A zone kept out of the market (in_market 0)
 * neither buys nor sells: its closing is its position. */
typedef struct guotu_accounts guotu_accounts;

/* An empty ledger: every zone opens at 0. Caller frees with guotu_accounts_destroy. */
GUOTU_API int guotu_accounts_create(guotu_context *ctx, guotu_accounts **out);
GUOTU_API void guotu_accounts_destroy(guotu_context *ctx, guotu_accounts *l);

/* Sets the balance a zone opens the next period with (ha; e.g. an earlier run's closing).
 * GUOTU_ERR_DATA for an empty id or a balance that is not a number. */
GUOTU_API int guotu_accounts_set_balance(guotu_context *ctx, guotu_accounts *l, const char *zone_id, double balance_ha);

/* The zone's balance now (0 for a zone the ledger has not seen). */
GUOTU_API double guotu_accounts_balance(const guotu_accounts *l, const char *zone_id);

/* Posts a period: every zone of the computed account `v`, with what it bought and sold in the
 * cleared market `m` (NULL: no market), which must have taken each zone in the market at its
 * position, balance + E. Then every zone's balance is its closing. year_from may be 0 (not
 * known). `v` and `m` are only read during the call. */
GUOTU_API int guotu_accounts_post(guotu_context *ctx, guotu_accounts *l, int year_from, int year_to,
                                  const guotu_voucher *v, const guotu_market *m);

typedef struct guotu_account_row {
    const char *zone_id, *zone_name; /* borrowed; live as long as the ledger */
    int period;                      /* 1, 2, … in the order posted */
    int year_from, year_to;          /* year_from 0: not known */
    double opening_ha, dm_ha, e_ha, position_ha, bought_ha, sold_ha, closing_ha;
    int in_market;
    /* Within the bottom lines: standard forest lost inside the red line in the period, and
     * whether that is a violation (NaN and -1 without the lines). */
    double redline_loss_ha;
    int violation;
} guotu_account_row;

/* Rows by period, then in the order of the account's zones. */
GUOTU_API size_t guotu_accounts_row_count(const guotu_accounts *l);
GUOTU_API int guotu_accounts_result(guotu_context *ctx, const guotu_accounts *l, size_t i, guotu_account_row *out);

#ifdef __cplusplus
}
#endif

#endif /* GUOTU_VOUCHER_H */
