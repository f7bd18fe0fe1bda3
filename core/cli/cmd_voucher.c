/* cmd_voucher.c — `guotu voucher`: ecological voucher accounting and market from files. */
#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "commands.h"
#include "guotu/guotu.h"
#include "progress_bar.h"
#include "code_units.h"
#include "tally_runner.h"
#include "voucher_inputs.h"
#include "voucher_ledger.h"
#include "voucher_lines.h"
#include "voucher_output.h"
#include "zone_names.h"

/* "201,202" -> "CZCSXM LIKE '201%' OR CZCSXM LIKE '202%'" (an A suffix marks a unit's independent
 * industrial land: 201A is city land too). 1 on a code that is not digits (+ A). */
static int czcsxm_filter(const char *codes, char *where, size_t size) {
    char copy[256];
    snprintf(copy, sizeof copy, "%s", codes);
    size_t used = 0;
    where[0] = '\0';
    int n = 0;
    for (char *code = strtok(copy, ","); code; code = strtok(NULL, ",")) {
        while (*code == ' ')
            code++;
        size_t len = strcspn(code, " ");
        code[len] = '\0';
        if (!len || len > 4) return 1;
        for (size_t i = 0; i < len; i++)
            if (!(code[i] >= '0' && code[i] <= '9') && !(i == len - 1 && i > 0 && (code[i] == 'A' || code[i] == 'a')))
                return 1;
        int w = snprintf(where + used, size - used, "%sCZCSXM LIKE '%s%%'", n ? " OR " : "", code);
        if (w < 0 || (size_t)w >= size - used) return 1;
        used += (size_t)w;
        n++;
    }
    return n == 0;
}

static const char *const voucher_usage =
    "usage: guotu voucher --zones FILE [--zones-layer NAME] --zone-id FIELD [--zone-name FIELD]\n"
    "         --gdp-field FIELD --pop-field FIELD [--zone-table CSV]\n"
    "       (or --zone-code-field FIELD --zone-code-length N --zone-table CSV [--zone-id COLUMN]\n"
    "         [--zone-names FILE [--zone-names-layer L] [--zone-names-id F] [--zone-names-name F]])\n"
    "         --base FILE [--base-layer NAME] [--base-class-field F] [--base-system S]\n"
    "         --target FILE [--target-layer NAME] [--target-class-field F] [--target-system S]\n"
    "         [--coefficients PRESET|CSV] [--base-coefficients PRESET|CSV] [--target-coefficients PRESET|CSV]\n"
    "         [--esv-reference CODE]\n"
    "         [--reference national|zones|entered] [--target-year YEAR] [--reference-table CSV]\n"
    "         [--national-gdp-per-capita X --national-pop-density Y]\n"
    "         [--baseline base-year|protection-rate] [--protection-rate R] [--mask FILE | --mask-czcsxm CODES]\n"
    "         [--price P | --floor-price P] [--cap V] [--allocation pro-rata|nearest]\n"
    "         [--settlement payment|enclave] [--ask-field F] [--bid-field F]\n"
    "         [--area ellipsoidal|planar] [--invalid repair|fail] [--raster-mode exact|centre]\n"
    "         [--counties FILE [--counties-layer NAME] --county-id FIELD [--county-name FIELD]]\n"
    "         [--workspace GPKG] [--redline FILE [--redline-layer L]] [--farmland FILE [--farmland-layer L]]\n"
    "         [--redline-loss exclude|count]\n"
    "         [--key-function-field F] [--key-function-ids ID,ID...] [--key-function-in-market]\n"
    "         [--crs-mismatch fail|reproject] [--encoding NAME] [--threads N] -o OUT.gpkg\n"
    "       guotu voucher … --base FILE [--base-year YEAR]\n"
    "         --period YEAR=FILE [--period-layer L] [--period-fields GDP,POP] (one per later survey, in order)\n"
    "         [--caps V,V,...] [--opening CSV] -o OUT.gpkg\n"
    "\n"
    "Ecological vouchers (生态券, SPEC §3): standard-forest ha M = Σ A·k of ecological land\n"
    "outside --mask in the base and target years, E = (M_t − M_0)·G·P with G and P the zone's\n"
    "GDP per capita and population density over the reference values, then a market.\n"
    "Reference values (G and P are ratios to them): --reference national (default) takes\n"
    "the national GDP per capita and population density of --target-year (default: the\n"
    "year the target data's SJNF states, else 2020)\n"
    "from --reference-table (default: the preset national_reference.csv, one row per year\n"
    "with its source: year,gdp_per_capita_yuan,population,land_area_km2,source; add years\n"
    "from each year's NBS statistical communiqué); a year the table lacks is an error.\n"
    "--reference zones computes them over the zones given (Σ GDP ÷ Σ population,\n"
    "Σ population ÷ Σ km²); --reference entered takes --national-gdp-per-capita and\n"
    "--national-pop-density (giving them implies entered).\n"
    "Units: GDP in yuan, population in persons, --national-gdp-per-capita in yuan per person,\n"
    "--national-pop-density in persons per km² (a zone's density uses its ellipsoidal area).\n"
    "Systems: CAS_LUCC (default), SANDIAO_WORK, GBT21010_2017, YDYH_2023; each names the\n"
    "coefficient preset used unless --coefficients gives a table (code,k or code,esv with\n"
    "--esv-reference). --zone-table takes GDP and population from a CSV joined by zone id.\n"
    "Zones from the base survey's own unit codes, without a zones layer: --zone-code-field (三调\n"
    "ZLDWDM) and --zone-code-length (6 county, 9 town, 12 village; 0 the whole code) make each\n"
    "unit the union of the base survey's parcels whose code starts with it; GDP and population\n"
    "then come from --zone-table, joined by the unit code in its column --zone-id (default\n"
    "zone_id), e.g. a yearbook keyed by XZQDM. --zone-names names the units from a layer as\n"
    "delivered, as for guotu tally: --zone-names-id (default XZQDM) and --zone-names-name (default\n"
    "XZQMC) of XZQ, or ZLDWDM/ZLDWMC of CJDCQ or of the survey itself for villages (a code padded\n"
    "with zeros names the unit it starts with). OUT.gpkg's voucher layer has the units' polygons.\n"
    "--mask-czcsxm 201,202 takes the urban space from the target survey's own 城镇村属性码\n"
    "(三调 CZCSXM: 201 city, 202 town, 203 village …; 201A counts as 201) instead of a --mask layer;\n"
    "with --period, each period's own survey; the bottom lines and --counties take it as a layer.\n"
    "With --price every trade is at that price; with --floor-price, zones' --ask-field and\n"
    "--bid-field prices (yuan/ha) set a uniform clearing price at or above the floor.\n"
    "--cap limits the traded volume (ha). --settlement enclave (飞地) records trades as\n"
    "equity shares. E is not conserved and the market need not clear: the summary gives\n"
    "ΣΔM, ΣE of supply and demand, the traded volume, unmet demand and unsold supply, and\n"
    "what demand beyond supply at the floor price does to the clearing price.\n"
    "Within the plan's bottom lines: with --workspace (a three-lines GeoPackage, layers\n"
    "ecological_redline and permanent_farmland) or --redline and --farmland (the layers as\n"
    "delivered; either replaces the workspace's), ΔM inside the red line and inside\n"
    "permanent farmland are reported per zone (dm_redline_ha, dm_farmland_ha; the red line\n"
    "wins where both cover land). A loss of ecological land inside the red line is a\n"
    "violation (layer violations: the pieces, their classes before and after, area), not\n"
    "demand to buy: --redline-loss exclude (default) computes E without it, count counts it\n"
    "in E and flags it. Raster land use is cut by the lines cell by cell (its cells as\n"
    "polygons, no-data cells left out).\n"
    "Counties in national key ecological function zones (--key-function-field, values 1/0,\n"
    "or --key-function-ids) are marked; their accounts are computed but they are kept out of\n"
    "the market (they receive fiscal transfers) unless --key-function-in-market.\n"
    "With --counties, the zones are ecological units: each unit's E goes to\n"
    "the counties it overlaps by area share, and the counties trade (voucher_counties).\n"
    "OUT.gpkg holds the layers voucher, voucher_classes, summary, trades, unknown_codes and,\n"
    "with the lines, violations,\n"
    "with every input and parameter in its metadata.\n"
    "--threads: raster land use is split over N threads (default: one per CPU); the\n"
    "results do not depend on it.\n"
    "Accounts over years (an account per zone): --period YEAR=FILE, once per later survey\n"
    "in order of year (e.g. --period 2020=a.gdb --period 2021=b.gdb --period 2022=c.gdb),\n"
    "replaces --target; each period runs from the previous survey to its own, with the\n"
    "national values of its own year, --target-class-field and --target-system; --period-layer\n"
    "names the layer of the --period before it, --period-fields the zones' GDP and population\n"
    "fields of that year (default --gdp-field and --pop-field). Per zone and period: opening\n"
    "balance, dM, E, position = opening + E (what the zone brings to that period's market),\n"
    "bought, sold and closing = position + bought - sold, the opening of the next period.\n"
    "The market clears period by period under each period's cap (--caps, one per period;\n"
    "or --cap for every period). The base year is --base-year, else the year every feature's\n"
    "SJNF states (三调: 2019, its standard time 2019-12-31). --opening takes the balances the\n"
    "first period opens with (a CSV zone_id,balance_ha; or an earlier run's OUT.gpkg or ledger\n"
    "CSV: its latest closing_ha), so that runs can be chained. OUT.gpkg holds the tables\n"
    "ledger and ledger_trades (one period without --period); with --period the ledger is also\n"
    "written beside it as OUT_ledger.csv, and the other layers are the last period's.\n";

typedef struct voucher_args {
    zone_fields zone;
    zone_fields county; /* path NULL when the zones are the trading subjects */
    const char *base, *base_layer, *base_class, *base_system;
    const char *target, *target_layer, *target_class, *target_system;
    const char *coefficients, *base_coefficients, *target_coefficients, *esv_reference;
    const char *national_gdp, *national_density, *reference, *target_year, *reference_table;
    const char *baseline, *protection_rate, *mask;
    /* --mask-czcsxm: urban space from the target survey's 城镇村属性码 (e.g. "201,202"), and the
     * OGR SQL filter built from it */
    const char *mask_czcsxm;
    char mask_where[512];
    const char *price, *floor_price, *cap, *allocation, *settlement;
    const char *invalid, *raster_mode, *crs_mismatch;
    const char *workspace, *redline, *redline_layer, *farmland, *farmland_layer, *redline_loss;
    const char *key_function_field, *key_function_ids;
    int key_function_in_market;
    int threads; /* raster tallies: worker threads, 0 = one per CPU */
    const char *output;
    /* Zones from the base survey's unit codes (三调 ZLDWDM) instead of a zones layer. */
    const char *zone_code_field;
    int zone_code_length;
    const char *names, *names_layer, *names_id, *names_name; /* --zone-names */
    /* Accounts over years: the later surveys, in order of year. */
    struct {
        const char *path, *layer;
        char year[16], gdp[128], pop[128]; /* gdp and pop empty: the zones' --gdp-field, --pop-field */
    } periods[32];
    int nperiods;
    const char *base_year, *opening, *caps;
    int target_year_given;
} voucher_args;

enum {
    OPT_ZONES = 256,
    OPT_ZONES_LAYER,
    OPT_ZONE_ID,
    OPT_ZONE_NAME,
    OPT_GDP,
    OPT_POP,
    OPT_ZONE_TABLE,
    OPT_BASE,
    OPT_BASE_LAYER,
    OPT_BASE_CLASS,
    OPT_BASE_SYSTEM,
    OPT_TARGET,
    OPT_TARGET_LAYER,
    OPT_TARGET_CLASS,
    OPT_TARGET_SYSTEM,
    OPT_COEFF,
    OPT_BASE_COEFF,
    OPT_TARGET_COEFF,
    OPT_ESV_REF,
    OPT_NAT_GDP,
    OPT_NAT_DENSITY,
    OPT_REFERENCE,
    OPT_TARGET_YEAR,
    OPT_REFERENCE_TABLE,
    OPT_BASELINE,
    OPT_RATE,
    OPT_MASK,
    OPT_MASK_CZCSXM,
    OPT_PRICE,
    OPT_FLOOR,
    OPT_CAP,
    OPT_ALLOCATION,
    OPT_SETTLEMENT,
    OPT_ASK,
    OPT_BID,
    OPT_AREA,
    OPT_INVALID,
    OPT_RASTER_MODE,
    OPT_CRS_MISMATCH,
    OPT_ENCODING,
    OPT_THREADS,
    OPT_COUNTIES,
    OPT_COUNTIES_LAYER,
    OPT_COUNTY_ID,
    OPT_COUNTY_NAME,
    OPT_WORKSPACE,
    OPT_REDLINE,
    OPT_REDLINE_LAYER,
    OPT_FARMLAND,
    OPT_FARMLAND_LAYER,
    OPT_REDLINE_LOSS,
    OPT_KEY_FIELD,
    OPT_KEY_IDS,
    OPT_KEY_IN_MARKET,
    OPT_PERIOD,
    OPT_PERIOD_LAYER,
    OPT_PERIOD_FIELDS,
    OPT_BASE_YEAR,
    OPT_OPENING,
    OPT_CAPS,
    OPT_ZONE_CODE_FIELD,
    OPT_ZONE_CODE_LENGTH,
    OPT_ZONE_NAMES,
    OPT_ZONE_NAMES_LAYER,
    OPT_ZONE_NAMES_ID,
    OPT_ZONE_NAMES_NAME
};

static int parse_number_arg(const char *option, const char *text, double *out) {
    char *end = NULL;
    *out = strtod(text, &end);
    if (!*text || *end || !isfinite(*out)) {
        cli_usage_error("voucher", voucher_usage, "%s needs a number, not '%s'", option, text);
        return 1;
    }
    return 0;
}

static int one_of(const char *value, const char *a, const char *b) { return !strcmp(value, a) || !strcmp(value, b); }

static int year_text_valid(const char *text) {
    char *end = NULL;
    long year = strtol(text, &end, 10);
    return *text && !*end && year >= 1 && year <= 9999;
}

static int parse_voucher_args(int argc, char **argv, voucher_args *a) {
    static const struct option options[] = {{"zones", 1, 0, OPT_ZONES},
                                            {"zones-layer", 1, 0, OPT_ZONES_LAYER},
                                            {"zone-id", 1, 0, OPT_ZONE_ID},
                                            {"zone-name", 1, 0, OPT_ZONE_NAME},
                                            {"gdp-field", 1, 0, OPT_GDP},
                                            {"pop-field", 1, 0, OPT_POP},
                                            {"zone-table", 1, 0, OPT_ZONE_TABLE},
                                            {"base", 1, 0, OPT_BASE},
                                            {"base-layer", 1, 0, OPT_BASE_LAYER},
                                            {"base-class-field", 1, 0, OPT_BASE_CLASS},
                                            {"base-system", 1, 0, OPT_BASE_SYSTEM},
                                            {"target", 1, 0, OPT_TARGET},
                                            {"target-layer", 1, 0, OPT_TARGET_LAYER},
                                            {"target-class-field", 1, 0, OPT_TARGET_CLASS},
                                            {"target-system", 1, 0, OPT_TARGET_SYSTEM},
                                            {"coefficients", 1, 0, OPT_COEFF},
                                            {"base-coefficients", 1, 0, OPT_BASE_COEFF},
                                            {"target-coefficients", 1, 0, OPT_TARGET_COEFF},
                                            {"esv-reference", 1, 0, OPT_ESV_REF},
                                            {"national-gdp-per-capita", 1, 0, OPT_NAT_GDP},
                                            {"national-pop-density", 1, 0, OPT_NAT_DENSITY},
                                            {"reference", 1, 0, OPT_REFERENCE},
                                            {"target-year", 1, 0, OPT_TARGET_YEAR},
                                            {"reference-table", 1, 0, OPT_REFERENCE_TABLE},
                                            {"baseline", 1, 0, OPT_BASELINE},
                                            {"protection-rate", 1, 0, OPT_RATE},
                                            {"mask", 1, 0, OPT_MASK},
                                            {"mask-czcsxm", 1, 0, OPT_MASK_CZCSXM},
                                            {"price", 1, 0, OPT_PRICE},
                                            {"floor-price", 1, 0, OPT_FLOOR},
                                            {"cap", 1, 0, OPT_CAP},
                                            {"allocation", 1, 0, OPT_ALLOCATION},
                                            {"settlement", 1, 0, OPT_SETTLEMENT},
                                            {"ask-field", 1, 0, OPT_ASK},
                                            {"bid-field", 1, 0, OPT_BID},
                                            {"area", 1, 0, OPT_AREA},
                                            {"invalid", 1, 0, OPT_INVALID},
                                            {"raster-mode", 1, 0, OPT_RASTER_MODE},
                                            {"crs-mismatch", 1, 0, OPT_CRS_MISMATCH},
                                            {"encoding", 1, 0, OPT_ENCODING},
                                            {"threads", 1, 0, OPT_THREADS},
                                            {"output", 1, 0, 'o'},
                                            {"counties", 1, 0, OPT_COUNTIES},
                                            {"counties-layer", 1, 0, OPT_COUNTIES_LAYER},
                                            {"county-id", 1, 0, OPT_COUNTY_ID},
                                            {"county-name", 1, 0, OPT_COUNTY_NAME},
                                            {"workspace", 1, 0, OPT_WORKSPACE},
                                            {"redline", 1, 0, OPT_REDLINE},
                                            {"redline-layer", 1, 0, OPT_REDLINE_LAYER},
                                            {"farmland", 1, 0, OPT_FARMLAND},
                                            {"farmland-layer", 1, 0, OPT_FARMLAND_LAYER},
                                            {"redline-loss", 1, 0, OPT_REDLINE_LOSS},
                                            {"key-function-field", 1, 0, OPT_KEY_FIELD},
                                            {"key-function-ids", 1, 0, OPT_KEY_IDS},
                                            {"key-function-in-market", 0, 0, OPT_KEY_IN_MARKET},
                                            {"period", 1, 0, OPT_PERIOD},
                                            {"period-layer", 1, 0, OPT_PERIOD_LAYER},
                                            {"period-fields", 1, 0, OPT_PERIOD_FIELDS},
                                            {"base-year", 1, 0, OPT_BASE_YEAR},
                                            {"opening", 1, 0, OPT_OPENING},
                                            {"caps", 1, 0, OPT_CAPS},
                                            {"zone-code-field", 1, 0, OPT_ZONE_CODE_FIELD},
                                            {"zone-code-length", 1, 0, OPT_ZONE_CODE_LENGTH},
                                            {"zone-names", 1, 0, OPT_ZONE_NAMES},
                                            {"zone-names-layer", 1, 0, OPT_ZONE_NAMES_LAYER},
                                            {"zone-names-id", 1, 0, OPT_ZONE_NAMES_ID},
                                            {"zone-names-name", 1, 0, OPT_ZONE_NAMES_NAME},
                                            {"help", 0, 0, 'h'},
                                            {0, 0, 0, 0}};
    memset(a, 0, sizeof *a);
    a->zone.area = "ellipsoidal";
    a->base_system = a->target_system = "CAS_LUCC";
    a->target_year = "2020";
    a->baseline = "base-year";
    a->allocation = "pro-rata";
    a->settlement = "payment";
    a->invalid = "repair";
    a->raster_mode = "exact";
    /* Base and target layers in different CRSs are a mistake to report (issue 3), so this
     * command reprojects only when asked. */
    a->crs_mismatch = "fail";
    a->redline_loss = "exclude";
    optind = 1;
    opterr = 0;
    int c;
    while ((c = getopt_long(argc, argv, "o:h", options, NULL)) != -1) {
        switch (c) {
        case OPT_ZONES: a->zone.path = optarg; break;
        case OPT_ZONES_LAYER: a->zone.layer = optarg; break;
        case OPT_ZONE_ID: a->zone.id = optarg; break;
        case OPT_ZONE_NAME: a->zone.name = optarg; break;
        case OPT_GDP: a->zone.gdp = optarg; break;
        case OPT_POP: a->zone.pop = optarg; break;
        case OPT_ZONE_TABLE: a->zone.table = optarg; break;
        case OPT_BASE: a->base = optarg; break;
        case OPT_BASE_LAYER: a->base_layer = optarg; break;
        case OPT_BASE_CLASS: a->base_class = optarg; break;
        case OPT_BASE_SYSTEM: a->base_system = optarg; break;
        case OPT_TARGET: a->target = optarg; break;
        case OPT_TARGET_LAYER: a->target_layer = optarg; break;
        case OPT_TARGET_CLASS: a->target_class = optarg; break;
        case OPT_TARGET_SYSTEM: a->target_system = optarg; break;
        case OPT_COEFF: a->coefficients = optarg; break;
        case OPT_BASE_COEFF: a->base_coefficients = optarg; break;
        case OPT_TARGET_COEFF: a->target_coefficients = optarg; break;
        case OPT_ESV_REF: a->esv_reference = optarg; break;
        case OPT_NAT_GDP: a->national_gdp = optarg; break;
        case OPT_NAT_DENSITY: a->national_density = optarg; break;
        case OPT_REFERENCE: a->reference = optarg; break;
        case OPT_TARGET_YEAR:
            a->target_year = optarg;
            a->target_year_given = 1;
            break;
        case OPT_REFERENCE_TABLE: a->reference_table = optarg; break;
        case OPT_BASELINE: a->baseline = optarg; break;
        case OPT_RATE: a->protection_rate = optarg; break;
        case OPT_MASK: a->mask = optarg; break;
        case OPT_MASK_CZCSXM: a->mask_czcsxm = optarg; break;
        case OPT_PRICE: a->price = optarg; break;
        case OPT_FLOOR: a->floor_price = optarg; break;
        case OPT_CAP: a->cap = optarg; break;
        case OPT_ALLOCATION: a->allocation = optarg; break;
        case OPT_SETTLEMENT: a->settlement = optarg; break;
        case OPT_ASK: a->zone.ask = optarg; break;
        case OPT_BID: a->zone.bid = optarg; break;
        case OPT_AREA: a->zone.area = optarg; break;
        case OPT_INVALID: a->invalid = optarg; break;
        case OPT_RASTER_MODE: a->raster_mode = optarg; break;
        case OPT_CRS_MISMATCH: a->crs_mismatch = optarg; break;
        case OPT_ENCODING: a->zone.encoding = optarg; break;
        case OPT_THREADS:
            if (cli_parse_threads(optarg, &a->threads))
                return cli_usage_error("voucher", voucher_usage,
                                       "--threads needs a whole number from 1 to 64, not '%s'", optarg);
            break;
        case OPT_COUNTIES: a->county.path = optarg; break;
        case OPT_COUNTIES_LAYER: a->county.layer = optarg; break;
        case OPT_COUNTY_ID: a->county.id = optarg; break;
        case OPT_COUNTY_NAME: a->county.name = optarg; break;
        case OPT_WORKSPACE: a->workspace = optarg; break;
        case OPT_REDLINE: a->redline = optarg; break;
        case OPT_REDLINE_LAYER: a->redline_layer = optarg; break;
        case OPT_FARMLAND: a->farmland = optarg; break;
        case OPT_FARMLAND_LAYER: a->farmland_layer = optarg; break;
        case OPT_REDLINE_LOSS: a->redline_loss = optarg; break;
        case OPT_KEY_FIELD: a->key_function_field = optarg; break;
        case OPT_KEY_IDS: a->key_function_ids = optarg; break;
        case OPT_KEY_IN_MARKET: a->key_function_in_market = 1; break;
        case OPT_PERIOD: {
            const char *eq = strchr(optarg, '=');
            if (a->nperiods == (int)(sizeof a->periods / sizeof a->periods[0]))
                return cli_usage_error("voucher", voucher_usage, "at most 32 --period options");
            if (!eq || eq == optarg || !eq[1] || (size_t)(eq - optarg) >= 16)
                return cli_usage_error("voucher", voucher_usage, "--period needs YEAR=FILE, not '%s'", optarg);
            int k = a->nperiods++;
            snprintf(a->periods[k].year, sizeof a->periods[k].year, "%.*s", (int)(eq - optarg), optarg);
            a->periods[k].path = eq + 1;
            break;
        }
        case OPT_PERIOD_LAYER:
        case OPT_PERIOD_FIELDS:
            if (!a->nperiods)
                return cli_usage_error("voucher", voucher_usage, "%s follows the --period it belongs to",
                                       c == OPT_PERIOD_LAYER ? "--period-layer" : "--period-fields");
            if (c == OPT_PERIOD_LAYER) {
                a->periods[a->nperiods - 1].layer = optarg;
            } else {
                const char *comma = strchr(optarg, ',');
                if (!comma || comma == optarg || !comma[1] || (size_t)(comma - optarg) >= 128 ||
                    strlen(comma + 1) >= 128)
                    return cli_usage_error("voucher", voucher_usage, "--period-fields needs GDP,POP, not '%s'", optarg);
                snprintf(a->periods[a->nperiods - 1].gdp, 128, "%.*s", (int)(comma - optarg), optarg);
                snprintf(a->periods[a->nperiods - 1].pop, 128, "%s", comma + 1);
            }
            break;
        case OPT_BASE_YEAR: a->base_year = optarg; break;
        case OPT_OPENING: a->opening = optarg; break;
        case OPT_CAPS: a->caps = optarg; break;
        case OPT_ZONE_CODE_FIELD: a->zone_code_field = optarg; break;
        case OPT_ZONE_CODE_LENGTH: {
            char *end = NULL;
            long n = strtol(optarg, &end, 10);
            if (!*optarg || *end || n < 0 || n > 64)
                return cli_usage_error("voucher", voucher_usage,
                                       "--zone-code-length needs a whole number from 0 to 64, not '%s'", optarg);
            a->zone_code_length = (int)n;
            break;
        }
        case OPT_ZONE_NAMES: a->names = optarg; break;
        case OPT_ZONE_NAMES_LAYER: a->names_layer = optarg; break;
        case OPT_ZONE_NAMES_ID: a->names_id = optarg; break;
        case OPT_ZONE_NAMES_NAME: a->names_name = optarg; break;
        case 'o': a->output = optarg; break;
        case 'h': fputs(voucher_usage, stdout); return -1;
        default:
            return cli_usage_error("voucher", voucher_usage, "unknown or incomplete option '%s'", argv[optind - 1]);
        }
    }
    const char *u = NULL;
    if (a->zone_code_field && !a->zone.id) a->zone.id = "zone_id"; /* the zone table's code column */
    if (optind < argc)
        u = "unexpected argument";
    else if (a->zone_code_field && (a->zone.path || a->zone.layer || a->zone.name))
        u = "--zone-code-field makes the zones from the base survey's codes: leave --zones, --zones-layer and "
            "--zone-name out (names come from --zone-names)";
    else if (a->zone_code_field && !a->zone.table)
        u = "zones from codes have no GDP or population fields: give them with --zone-table CSV, joined by the "
            "unit code in its column --zone-id";
    else if (a->zone_code_field && (a->zone.ask || a->zone.bid || a->key_function_field))
        u = "--ask-field, --bid-field and --key-function-field are fields of a zones layer; with --zone-code-field "
            "use --price and --key-function-ids";
    else if (!a->zone_code_field && (a->names || a->zone_code_length))
        u = "--zone-names and --zone-code-length go with --zone-code-field";
    else if ((a->names_layer || a->names_id || a->names_name) && !a->names)
        u = "--zone-names-layer, -id and -name go with --zone-names FILE";
    else if (a->mask_czcsxm && a->mask)
        u = "give --mask (a layer) or --mask-czcsxm (codes of the target survey), not both";
    else if (a->mask_czcsxm && czcsxm_filter(a->mask_czcsxm, a->mask_where, sizeof a->mask_where))
        u = "--mask-czcsxm takes 城镇村属性码 separated by commas, e.g. 201,202 (digits, optionally with the A of "
            "independent industrial land)";
    else if (a->nperiods && (a->target || a->target_layer))
        u = "--period replaces --target: give the later surveys as --period YEAR=FILE only";
    else if (a->nperiods && a->target_year_given)
        u = "with --period every period takes the national values of its own year: leave --target-year out";
    else if (a->nperiods && a->county.path)
        u = "accounts over years (--period) are kept for zones that trade themselves; with --counties run each "
            "period on its own";
    else if (a->opening && a->county.path)
        u = "--opening gives the balances of zones that trade themselves; it does not go with --counties";
    else if (a->caps && !a->nperiods)
        u = "--caps gives one cap per --period; for a single period use --cap";
    else if (a->caps && a->cap)
        u = "give --caps (one per period) or --cap (every period), not both";
    else if (a->base_year && !year_text_valid(a->base_year))
        u = "--base-year must be a year such as 2019";
    else if ((!a->zone.path && !a->zone_code_field) || !a->zone.id || !a->zone.gdp || !a->zone.pop || !a->base ||
             (!a->target && !a->nperiods) || !a->output)
        u = "--zones (or --zone-code-field), --zone-id, --gdp-field, --pop-field, --base, --target (or --period) and "
            "-o are required";
    else if (!classification_system_known(a->base_system) || !classification_system_known(a->target_system))
        u = "--base-system and --target-system must be CAS_LUCC, SANDIAO_WORK, GBT21010_2017 or YDYH_2023";
    else if (!one_of(a->baseline, "base-year", "protection-rate"))
        u = "--baseline must be base-year or protection-rate";
    else if (!one_of(a->allocation, "pro-rata", "nearest"))
        u = "--allocation must be pro-rata or nearest";
    else if (!one_of(a->settlement, "payment", "enclave"))
        u = "--settlement must be payment or enclave";
    else if (a->price && a->floor_price)
        u = "give --price or --floor-price, not both";
    else if (a->reference && strcmp(a->reference, "national") != 0 && !one_of(a->reference, "zones", "entered"))
        u = "--reference must be national, zones or entered";
    else if (!a->national_gdp != !a->national_density)
        u = "--national-gdp-per-capita and --national-pop-density go together";
    else if (a->national_gdp && a->reference && strcmp(a->reference, "entered") != 0)
        u = "--national-gdp-per-capita and --national-pop-density are entered reference values: use them with "
            "--reference entered (or leave --reference out)";
    else if (!a->national_gdp && a->reference && strcmp(a->reference, "entered") == 0)
        u = "--reference entered needs --national-gdp-per-capita and --national-pop-density";
    else if (a->reference_table && a->reference && strcmp(a->reference, "national") != 0)
        u = "--reference-table is the table of national values: use it with --reference national";
    else if (!year_text_valid(a->target_year))
        u = "--target-year must be a year such as 2020";
    else if ((a->zone.ask || a->zone.bid) && !a->floor_price)
        u = "--ask-field and --bid-field need --floor-price";
    else if (!a->county.path != !a->county.id)
        u = "--counties and --county-id go together";
    else if (!one_of(a->redline_loss, "exclude", "count"))
        u = "--redline-loss must be exclude or count";
    else if ((a->redline || a->farmland) && !a->workspace && !(a->redline && a->farmland))
        u = "the bottom lines need the red line and the farmland: give --workspace, or both --redline and --farmland";
    else if ((a->redline_layer && !a->redline) || (a->farmland_layer && !a->farmland))
        u = "--redline-layer and --farmland-layer name a layer of --redline and --farmland";
    else if (strlen(a->output) < 5 || strcmp(a->output + strlen(a->output) - 5, ".gpkg") != 0)
        u = "the output must be a .gpkg file";
    for (int k = 0; !u && k < a->nperiods; k++) {
        int previous = k ? atoi(a->periods[k - 1].year) : (a->base_year ? atoi(a->base_year) : 0);
        if (!year_text_valid(a->periods[k].year))
            u = "--period needs YEAR=FILE with a year such as 2020";
        else if (atoi(a->periods[k].year) <= previous)
            u = "the --period surveys must come in order of year, each after the one before (and after --base-year)";
    }
    if (u) return cli_usage_error("voucher", voucher_usage, "%s", u);
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
    const char *numeric[][2] = {{"--price", a->price},
                                {"--floor-price", a->floor_price},
                                {"--cap", a->cap},
                                {"--protection-rate", a->protection_rate},
                                {"--national-gdp-per-capita", a->national_gdp},
                                {"--national-pop-density", a->national_density}};
    for (size_t i = 0; i < sizeof numeric / sizeof numeric[0]; i++) {
        double ignored;
        if (numeric[i][1] && parse_number_arg(numeric[i][0], numeric[i][1], &ignored)) return 1;
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
    char target_year_text[16];         /* the target year the data states (SJNF) */
    char periods_text[4096];           /* the periods as recorded in the metadata */
    char units_path[128];              /* zones from codes: the units' polygons (in GDAL's memory) */
    char units_text[1400];             /* how they were made, as recorded in the metadata */
    zone_names *names;                 /* --zone-names */
    int64_t nunits;
    progress_bar bar;
    char err[2048];
    voucher_tables tables; /* the output tables' schemas, loaded before anything is read */
} voucher_run;

static const char *unit_name(const char *unit, void *user) { return zone_names_find((const zone_names *)user, unit); }

/* Zones from the base survey's unit codes: the union of each unit's parcels, written to a
 * GeoPackage in GDAL's memory that stands for the zones layer from then on. */
static int make_units(voucher_run *r) {
    voucher_args *a = &r->a;
    if (!a->names_id) a->names_id = "XZQDM";
    if (!a->names_name) a->names_name = "XZQMC";
    if (a->names && !(r->names = zone_names_read(a->names, a->names_layer, a->names_id, a->names_name, a->zone.encoding,
                                                 r->err, sizeof r->err)))
        return 1;
    snprintf(r->units_path, sizeof r->units_path, "/vsimem/guotu_voucher_units_%ld.gpkg", (long)getpid());
    code_units_request req = {.landuse = a->base,
                              .landuse_layer = a->base_layer,
                              .encoding = a->zone.encoding,
                              .code_field = a->zone_code_field,
                              .code_length = a->zone_code_length,
                              .output = r->units_path,
                              .id_field = a->zone.id,
                              .name_field = "zone_name",
                              .name = r->names ? unit_name : NULL,
                              .name_user = r->names};
    int64_t parcels = 0;
    if (code_units_write(&req, &r->nunits, &parcels, r->err, sizeof r->err)) return 1;
    a->zone.path = r->units_path;
    a->zone.layer = "units";
    a->zone.name = "zone_name";
    char names[1200] = "no names";
    if (r->names)
        snprintf(names, sizeof names, "names %.300s of layer %.200s of %.600s", a->names_name,
                 zone_names_layer(r->names), a->names);
    snprintf(r->units_text, sizeof r->units_text,
             "%lld units: the first %d characters of %.100s of the base survey %.700s (%lld parcels), each the union "
             "of its parcels; %.300s",
             (long long)r->nunits, a->zone_code_length, a->zone_code_field, a->base, (long long)parcels, names);
    printf("  zones: %lld units from the first %d characters of %s of the base survey\n", (long long)r->nunits,
           a->zone_code_length, a->zone_code_field);
    return 0;
}

static int run_tallies(voucher_run *r) {
    const voucher_args *a = &r->a;
    for (int year = 0; year < 2; year++) {
        tally_inputs in;
        memset(&in, 0, sizeof in);
        in.note = cli_note;
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
        in.progress = progress_bar_update;
        in.progress_user = &r->bar;
        in.prepared_zones = year ? r->tally[0] : NULL; /* the same zones and mask: prepared once */
        tally_info info;
        if (tally_runner_run(r->ctx, &in, &r->tally[year], &info, r->err, sizeof r->err)) return 1;
        progress_bar_done(&r->bar);
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
    in.note = cli_note;
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
    if (tally_runner_run(r->ctx, &in, &r->overlap, &info, r->err, sizeof r->err)) return 1;
    progress_bar_done(&r->bar);
    int status = guotu_voucher_attribute(r->ctx, r->voucher, r->overlap, &r->attribution);
    if (status) {
        snprintf(r->err, sizeof r->err, "%s", guotu_context_last_error(r->ctx));
        return 1;
    }
    return 0;
}

static int core_failed(voucher_run *r, int status) {
    (void)status;
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
    if (a->protection_rate && parse_number_arg("--protection-rate", a->protection_rate, &o.protection_rate)) return 1;
    if (strcmp(a->reference, "national") == 0) {
        if (national_reference(r)) return 1;
        o.reference_from_zones = 0;
        o.reference_gdp_per_capita = r->national.gdp_per_capita;
        o.reference_pop_density = r->national.pop_density;
    } else if (a->national_gdp) {
        o.reference_from_zones = 0;
        if (parse_number_arg("--national-gdp-per-capita", a->national_gdp, &o.reference_gdp_per_capita) ||
            parse_number_arg("--national-pop-density", a->national_density, &o.reference_pop_density))
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
            NULL};
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
    if (a->price && parse_number_arg("--price", a->price, &o.price)) return 1;
    if (a->floor_price && parse_number_arg("--floor-price", a->floor_price, &o.floor_price)) return 1;
    if (a->cap && parse_number_arg("--cap", a->cap, &o.cap_ha)) return 1;
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

/* Top zones by E, for the printed summary. */
static void print_ranked(voucher_run *r, int sign, const char *title) {
    size_t n = guotu_voucher_zone_count(r->voucher);
    int shown[5] = {-1, -1, -1, -1, -1};
    printf("  %s:", title);
    for (int k = 0; k < 5; k++) {
        double best = 0;
        for (size_t i = 0; i < n; i++) {
            guotu_voucher_zone z;
            guotu_voucher_zone_result(r->ctx, r->voucher, i, &z);
            int taken = 0;
            for (int j = 0; j < k; j++)
                taken |= shown[j] == (int)i;
            if (!taken && z.e_ha * sign > best) {
                best = z.e_ha * sign;
                shown[k] = (int)i;
            }
        }
        if (shown[k] < 0) break;
        guotu_voucher_zone z;
        guotu_voucher_zone_result(r->ctx, r->voucher, (size_t)shown[k], &z);
        printf("%s %s %s (%.1f ha)", k ? "," : "", z.zone_id, z.zone_name, fabs(z.e_ha));
    }
    printf("\n");
}

/* The reference used, with its source row when national. */
static void print_reference(voucher_run *r, const guotu_voucher_summary *s) {
    const char *how = r->a.reference;
    if (strcmp(how, "national") == 0) {
        printf("  reference: national values of %d: %.2f yuan/person, %.2f persons/km2 (table %s, line %d)\n",
               r->national.year, s->reference_gdp_per_capita, s->reference_pop_density, r->reference_table,
               r->national.line);
        printf("    source: %s\n", r->national.source);
    } else {
        printf("  reference: %.2f yuan/person, %.2f persons/km2 (%s)\n", s->reference_gdp_per_capita,
               s->reference_pop_density, strcmp(how, "zones") == 0 ? "over all zones" : "entered");
    }
}

/* E is not conserved and the market need not clear (SPEC §3): never a balance that is not there. */
static void print_balance(voucher_run *r, const voucher_result *res) {
    const guotu_voucher_summary *s = &res->summary;
    const guotu_market_summary *m = &res->market_summary;
    printf("  raw change of standard forest: sum dM = %.2f ha; sum E = %.2f ha (E is weighted by G*P, not "
           "conserved)\n",
           s->mt_total_ha - s->m0_total_ha, s->supply_ha - s->demand_ha);
    if (!r->market) {
        if (s->demand_ha > s->supply_ha)
            printf("  demand exceeds supply by %.2f ha: a market inside these zones cannot meet it\n",
                   s->demand_ha - s->supply_ha);
        else if (s->supply_ha > s->demand_ha)
            printf("  supply exceeds demand by %.2f ha: a market inside these zones cannot sell it\n",
                   s->supply_ha - s->demand_ha);
        return;
    }
    printf("  market: %.2f ha traded at %.2f yuan/ha = %.2f yuan (%s, %d sellers, %d buyers)\n", m->traded_ha,
           m->clearing_price, m->traded_amount_yuan,
           strcmp(r->a.settlement, "enclave") == 0 ? "enclave equity" : "payment", m->sellers, m->buyers);
    printf("  not cleared: unmet demand %.2f ha (demand %.2f - traded %.2f), unsold supply %.2f ha (supply %.2f - "
           "traded %.2f)\n",
           m->unmet_demand_ha, m->total_demand_ha, m->traded_ha, m->unsold_supply_ha, m->total_supply_ha, m->traded_ha);
    const char *effect = voucher_price_effect(res);
    const char *at = res->fixed_price ? "fixed" : "floor";
    if (strncmp(effect, "demand_exceeds", 14) == 0)
        printf("  demand exceeds supply at the %s price (%.2f ha asked, %.2f ha offered at %.2f yuan/ha): ", at,
               m->floor_demand_ha, m->floor_supply_ha, res->floor_price);
    if (strcmp(effect, "demand_exceeds_supply_price_raised") == 0)
        printf("the buyers' bids raised the clearing price to %.2f yuan/ha, %.2f above the floor\n", m->clearing_price,
               m->clearing_price - res->floor_price);
    else if (strcmp(effect, "demand_exceeds_supply_price_at_floor") == 0)
        printf("the floor does not bind and scarcity would raise the price, but no buyer's bid sets a higher one, so "
               "the clearing price stays at the floor; the unmet demand must be met outside these zones\n");
    else if (strcmp(effect, "demand_exceeds_supply_at_fixed_price") == 0)
        printf("the fixed price cannot rise to ration it; the unmet demand must be met outside these zones\n");
    else if (strncmp(effect, "supply_exceeds", 14) == 0)
        printf("  supply exceeds demand at the %s price (%.2f ha offered, %.2f ha asked at %.2f yuan/ha)\n", at,
               m->floor_supply_ha, m->floor_demand_ha, res->floor_price);
}

/* The red-line loss choice in words, as every output states it. */
static const char *redline_loss_words(const voucher_args *a) {
    return strcmp(a->redline_loss, "count") == 0
               ? "count (a loss of ecological land inside the red line is counted in E and flagged as a violation)"
               : "exclude (a loss of ecological land inside the red line is a violation, left out of E: not demand "
                 "to buy)";
}

/* Bottom lines and key function zones (SPEC §3). */
static void print_bottom_lines(voucher_run *r, const guotu_voucher_summary *s) {
    const voucher_args *a = &r->a;
    if (lines_given(a)) {
        printf("  bottom lines: dM inside the red line %.2f ha, inside permanent farmland %.2f ha\n", s->dm_redline_ha,
               s->dm_farmland_ha);
        printf("  violations: %.2f ha of standard forest (%.2f ha of land, %zu pieces) lost inside the red line in "
               "%d zones; red-line loss: %s\n",
               s->redline_loss_ha, s->redline_loss_area_ha, r->lines.count, s->violation_zones, redline_loss_words(a));
        size_t n = guotu_voucher_zone_count(r->voucher);
        for (size_t i = 0; i < n; i++) {
            guotu_voucher_zone z;
            guotu_voucher_zone_result(r->ctx, r->voucher, i, &z);
            if (z.violation)
                printf("    violation: %s %s lost %.2f ha of standard forest (%.2f ha of land) inside the red line\n",
                       z.zone_id, z.zone_name, z.redline_loss_ha, z.redline_loss_area_ha);
        }
    }
    const zone_set *subjects = a->county.path ? &r->counties : &r->zones;
    int marked = 0;
    for (size_t i = 0; i < subjects->count; i++)
        marked += subjects->zones[i].key_function;
    if (marked || a->key_function_field || a->key_function_ids) {
        printf("  key ecological function zones: %d (%s)", marked,
               a->key_function_in_market ? "in the market" : "accounts computed, kept out of the market");
        for (size_t i = 0; i < subjects->count; i++)
            if (subjects->zones[i].key_function) printf(" %s", subjects->zones[i].id);
        printf("\n");
    }
}

/* OUT_ledger.csv beside OUT.gpkg. */
static void ledger_csv_path(const char *output, char *out, size_t size) {
    snprintf(out, size, "%.*s_ledger.csv", (int)(strlen(output) - 5), output);
}

/* The accounts over years, period by period. */
static void print_ledger(voucher_run *r, const char *csv) {
    const voucher_ledger *l = &r->ledger;
    /* A plain run's ledger is its account: only where it is kept. */
    if (!r->a.nperiods && !r->a.opening) {
        printf("  ledger: %s (table ledger)\n", r->a.output);
        return;
    }
    if (r->base_year)
        printf("  base year: %d (%s)\n", r->base_year,
               r->a.base_year         ? "--base-year"
               : r->base_year == 2019 ? "the data's SJNF: the 三调 standard time, 2019-12-31"
                                      : "the data's SJNF");
    /* Every zone's line for a few zones; for many, the balances in sum. */
    int each = r->zones.count <= 20;
    size_t count = guotu_accounts_row_count(l->core);
    for (size_t i = 0; i < count;) {
        guotu_account_row first, row;
        guotu_accounts_result(r->ctx, l->core, i, &first);
        double traded = 0, held = 0, owed = 0;
        int holders = 0, debtors = 0;
        for (size_t t = 0; t < l->trade_count; t++)
            if (l->trades[t].period == first.period) traded += l->trades[t].volume_ha;
        size_t end = i;
        for (; end < count; end++) {
            guotu_accounts_result(r->ctx, l->core, end, &row);
            if (row.period != first.period) break;
            if (row.closing_ha > 0) {
                held += row.closing_ha;
                holders++;
            } else if (row.closing_ha < 0) {
                owed -= row.closing_ha;
                debtors++;
            }
        }
        if (first.year_from)
            printf("  period %d (%d -> %d): traded %.2f ha", first.period, first.year_from, first.year_to, traded);
        else
            printf("  period %d (-> %d): traded %.2f ha", first.period, first.year_to, traded);
        printf("; closing balances: %.2f ha held by %d zones, %.2f ha owed by %d zones\n", held, holders, owed,
               debtors);
        for (; each && i < end; i++) {
            guotu_accounts_result(r->ctx, l->core, i, &row);
            printf("    %s: opening %.2f, E %.2f, bought %.2f, sold %.2f, closing %.2f ha\n", row.zone_id,
                   row.opening_ha, row.e_ha, row.bought_ha, row.sold_ha, row.closing_ha);
        }
        i = end;
    }
    if (csv)
        printf("  ledger: %s (table ledger) and %s\n", r->a.output, csv);
    else
        printf("  ledger: %s (table ledger)\n", r->a.output);
}

static void print_summary(voucher_run *r, const voucher_result *res) {
    const guotu_voucher_summary *s = &res->summary;
    printf("Ecological vouchers (生态券), %s baseline, %s area\n", r->a.baseline, r->a.zone.area);
    printf("  zones: %zu\n", r->zones.count);
    printf("  standard forest: %.2f ha (base) -> %.2f ha (target)\n", s->m0_total_ha, s->mt_total_ha);
    printf("  supply %.2f ha, demand %.2f ha, net %.2f ha\n", s->supply_ha, s->demand_ha, s->supply_ha - s->demand_ha);
    print_reference(r, s);
    print_ranked(r, 1, "main sellers");
    print_ranked(r, -1, "main buyers");
    if (r->attribution)
        printf("  ecological units attributed to %zu counties by area share; E outside every county: %.2f ha\n",
               guotu_attribution_count(r->attribution), guotu_attribution_unattributed(r->attribution));
    print_bottom_lines(r, s);
    print_balance(r, res);
    size_t unknown = guotu_voucher_unknown_count(r->voucher);
    for (size_t i = 0; i < unknown; i++) {
        guotu_voucher_unknown u;
        guotu_voucher_unknown_result(r->ctx, r->voucher, i, &u);
        printf("  note: class code '%s' (%s year, %.2f ha) is not in the coefficient table; counted as k = 0\n",
               u.class_code, u.year ? "target" : "base", u.area_ha);
    }
    printf("  written: %s\n", r->a.output);
}

static int write_result(voucher_run *r) {
    const voucher_args *a = &r->a;
    char files[7][1400], when[32], national[4][64], base_year[16];
    cli_describe_file(a->opening, files[6], sizeof files[6]);
    if (r->base_year)
        snprintf(base_year, sizeof base_year, "%d", r->base_year);
    else
        snprintf(base_year, sizeof base_year, "(not known)");
    cli_describe_file(a->zone.path, files[0], sizeof files[0]);
    if (a->zone_code_field) snprintf(files[0], sizeof files[0], "%s", r->units_text);
    cli_describe_file(a->base, files[1], sizeof files[1]);
    cli_describe_file(a->target, files[2], sizeof files[2]);
    cli_describe_file(a->mask, files[3], sizeof files[3]);
    if (a->mask_czcsxm) /* the urban space is the target survey's parcels of these codes */
        snprintf(files[3], sizeof files[3], "parcels of the target survey where %.400s", a->mask_where);
    cli_describe_file(a->zone.table, files[4], sizeof files[4]);
    cli_describe_file(a->county.path, files[5], sizeof files[5]);
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
    if (a->price) parse_number_arg("--price", a->price, &res.floor_price);
    if (a->floor_price) parse_number_arg("--floor-price", a->floor_price, &res.floor_price);
    if (voucher_output_write(a->output, &res, r->err, sizeof r->err)) return 1;
    char csv[1400];
    ledger_csv_path(a->output, csv, sizeof csv);
    /* Over several periods the ledger is also a CSV beside the GeoPackage. */
    int with_csv = res.ledger && a->nperiods;
    if (with_csv && voucher_ledger_write_csv(&r->ledger, r->ctx, csv, r->tables.schemas[VT_LEDGER],
                                             r->tables.slots[VT_LEDGER], r->err, sizeof r->err))
        return 1;
    print_summary(r, &res);
    if (res.ledger) print_ledger(r, with_csv ? csv : NULL);
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

int cmd_voucher(int argc, char **argv) {
    voucher_run r;
    memset(&r, 0, sizeof r);
    int parsed = parse_voucher_args(argc, argv, &r.a);
    if (parsed) return parsed < 0 ? 0 : 2;
    /* One period: the target year is the one the target data states (SJNF), when it does; a
     * --target-year that contradicts it would take another year's national values. */
    if (!r.a.nperiods) {
        int stated = 0;
        if (voucher_base_year_from_data(r.a.target, r.a.target_layer, &stated, r.err, sizeof r.err) < 0)
            stated = 0; /* several years in the data: it does not say */
        if (stated && stated != atoi(r.a.target_year)) {
            if (r.a.target_year_given)
                return cli_error("the target-year land use '%s' states the data year %d (SJNF), not --target-year %s",
                                 r.a.target, stated, r.a.target_year);
            snprintf(r.target_year_text, sizeof r.target_year_text, "%d", stated);
            r.a.target_year = r.target_year_text;
        }
    }
    if (r.a.zone_code_field && make_units(&r)) {
        fprintf(stderr, "guotu voucher: error: %s\n", r.err);
        zone_names_free(r.names);
        return 1;
    }
    const voucher_args given = r.a;
    const char *inputs[16 + 32] = {r.a.zone.path,
                                   r.a.base,
                                   r.a.target,
                                   r.a.mask,
                                   r.a.zone.table,
                                   r.a.county.path,
                                   r.a.coefficients,
                                   r.a.base_coefficients,
                                   r.a.target_coefficients,
                                   r.a.reference_table,
                                   r.a.workspace,
                                   r.a.redline,
                                   r.a.farmland,
                                   r.a.opening};
    int ninputs = 14;
    for (int k = 0; k < r.a.nperiods; k++)
        inputs[ninputs++] = r.a.periods[k].path;
    char csv[1400];
    ledger_csv_path(r.a.output, csv, sizeof csv);
    const char *outputs[2] = {r.a.output, csv};
    if (io_refuse_overwrite(inputs, ninputs, outputs, 2, r.err, sizeof r.err)) return cli_error("%s", r.err);
    r.ctx = guotu_context_create();
    if (!r.ctx) return cli_error("out of memory");
    progress_bar_init(&r.bar);
    guotu_context_set_progress(r.ctx, progress_bar_update, &r.bar);
    int failed = voucher_tables_load(&r.tables, r.err, sizeof r.err) ||
                 voucher_ledger_init(&r.ledger, r.ctx, r.err, sizeof r.err) ||
                 zone_set_read(r.ctx, &r.a.zone, &r.zones, r.err, sizeof r.err);
    if (!failed && r.a.opening)
        failed = voucher_opening_read(r.a.opening, &r.zones, r.ctx, &r.ledger, r.err, sizeof r.err);
    if (!failed) {
        /* The base year: given, else what the data says (三调's SJNF); needed over several periods. */
        if (r.a.base_year)
            r.base_year = atoi(r.a.base_year);
        else if (voucher_base_year_from_data(r.a.base, r.a.base_layer, &r.base_year, r.err, sizeof r.err) < 0)
            failed = 1;
        if (!failed && r.a.nperiods && !r.base_year) {
            snprintf(r.err, sizeof r.err,
                     "the base year of '%s' is not in the data (no SJNF field): give it with --base-year", r.a.base);
            failed = 1;
        }
        if (!failed && r.a.nperiods && r.base_year >= atoi(r.a.periods[0].year)) {
            snprintf(r.err, sizeof r.err, "the base year %d is not before the first --period %s", r.base_year,
                     r.a.periods[0].year);
            failed = 1;
        }
    }
    /* A survey whose data states another year than its --period is a mislabelled survey. */
    for (int k = 0; !failed && k < r.a.nperiods; k++) {
        int stated = 0;
        if (voucher_base_year_from_data(r.a.periods[k].path, r.a.periods[k].layer, &stated, r.err, sizeof r.err) < 0)
            failed = 1;
        else if (stated && stated != atoi(r.a.periods[k].year)) {
            snprintf(r.err, sizeof r.err, "--period %s=%s: the survey's data year (SJNF) is %d, not %s",
                     r.a.periods[k].year, r.a.periods[k].path, stated, r.a.periods[k].year);
            failed = 1;
        }
    }
    describe_periods(&r, &given);
    int periods = r.a.nperiods ? r.a.nperiods : 1;
    for (int k = 0; !failed && k < periods; k++) {
        if (k) free_period(&r);
        if (r.a.nperiods && enter_period(&r, &given, k)) {
            failed = 1;
            break;
        }
        failed = load_coefficients(&r) || run_tallies(&r) || account(&r) || attribute_to_counties(&r) || trade(&r);
        if (failed) break;
        int year_from = k ? atoi(given.periods[k - 1].year) : r.base_year;
        if (!r.attribution)
            failed = voucher_ledger_post(&r.ledger, r.ctx, r.voucher, r.market, year_from, atoi(r.a.target_year), r.err,
                                         sizeof r.err);
    }
    if (!failed) failed = write_result(&r);
    progress_bar_done(&r.bar);
    if (failed) fprintf(stderr, "guotu voucher: error: %s\n", r.err);
    free_period(&r);
    voucher_ledger_free(&r.ledger, r.ctx);
    voucher_tables_free(&r.tables);
    guotu_attribution_destroy(r.ctx, r.attribution);
    guotu_tally_destroy(r.ctx, r.overlap);
    zone_set_free(&r.counties);
    zone_set_free(&r.zones);
    guotu_context_destroy(r.ctx);
    if (r.units_path[0]) code_units_discard(r.units_path);
    zone_names_free(r.names);
    return failed ? 1 : 0;
}
