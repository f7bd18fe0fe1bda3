/* cmd_voucher.c — `guotu voucher`: ecological voucher accounting and market from files. Parses the
 * options into a guotu_voucher_job (the I/O library runs it: core/io/voucher_job.c) and prints the
 * summary and the ledger from the job's report. */
#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "commands.h"
#include "guotu/guotu.h"
#include "guotu/guotu_io.h"
#include "progress_bar.h"
#include "resources.h"      /* classification_system_known */
#include "voucher_args.h"   /* voucher_args */
#include "voucher_inputs.h" /* zone_fields, voucher_czcsxm_filter */
#include "voucher_ledger.h" /* voucher_base_year_from_data */
#include "zone_names.h"

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
    else if (a->mask_czcsxm && voucher_czcsxm_filter(a->mask_czcsxm, a->mask_where, sizeof a->mask_where))
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

/* What the summary is printed from: the finished run, handed to the job's report. */
typedef struct voucher_view {
    const voucher_args *a;
    guotu_context *ctx;
    const guotu_voucher *voucher;
    const guotu_market *market;
    const guotu_attribution *attribution;
    const guotu_accounts *ledger;
    const guotu_voucher_job_info *info;
    guotu_voucher_summary summary;
    guotu_market_summary market_summary;
    int fixed_price;    /* --price (every trade at it); else --floor-price */
    double floor_price; /* the floor, else the fixed price */
} voucher_view;

static int lines_given(const voucher_args *a) { return a->workspace || a->redline || a->farmland; }

/* Top zones by E, for the printed summary. */
static void print_ranked(voucher_view *r, int sign, const char *title) {
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
static void print_reference(voucher_view *r, const guotu_voucher_summary *s) {
    const char *how = r->a->reference;
    if (strcmp(how, "national") == 0) {
        printf("  reference: national values of %d: %.2f yuan/person, %.2f persons/km2 (table %s, line %d)\n",
               r->info->national.year, s->reference_gdp_per_capita, s->reference_pop_density, r->info->reference_table,
               r->info->national.line);
        printf("    source: %s\n", r->info->national.source);
    } else {
        printf("  reference: %.2f yuan/person, %.2f persons/km2 (%s)\n", s->reference_gdp_per_capita,
               s->reference_pop_density, strcmp(how, "zones") == 0 ? "over all zones" : "entered");
    }
}

/* E is not conserved and the market need not clear (SPEC §3): never a balance that is not there. */
static void print_balance(voucher_view *r) {
    const guotu_voucher_summary *s = &r->summary;
    const guotu_market_summary *m = &r->market_summary;
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
           strcmp(r->a->settlement, "enclave") == 0 ? "enclave equity" : "payment", m->sellers, m->buyers);
    printf("  not cleared: unmet demand %.2f ha (demand %.2f - traded %.2f), unsold supply %.2f ha (supply %.2f - "
           "traded %.2f)\n",
           m->unmet_demand_ha, m->total_demand_ha, m->traded_ha, m->unsold_supply_ha, m->total_supply_ha, m->traded_ha);
    const char *effect = r->info->price_effect;
    const char *at = r->fixed_price ? "fixed" : "floor";
    if (strncmp(effect, "demand_exceeds", 14) == 0)
        printf("  demand exceeds supply at the %s price (%.2f ha asked, %.2f ha offered at %.2f yuan/ha): ", at,
               m->floor_demand_ha, m->floor_supply_ha, r->floor_price);
    if (strcmp(effect, "demand_exceeds_supply_price_raised") == 0)
        printf("the buyers' bids raised the clearing price to %.2f yuan/ha, %.2f above the floor\n", m->clearing_price,
               m->clearing_price - r->floor_price);
    else if (strcmp(effect, "demand_exceeds_supply_price_at_floor") == 0)
        printf("the floor does not bind and scarcity would raise the price, but no buyer's bid sets a higher one, so "
               "the clearing price stays at the floor; the unmet demand must be met outside these zones\n");
    else if (strcmp(effect, "demand_exceeds_supply_at_fixed_price") == 0)
        printf("the fixed price cannot rise to ration it; the unmet demand must be met outside these zones\n");
    else if (strncmp(effect, "supply_exceeds", 14) == 0)
        printf("  supply exceeds demand at the %s price (%.2f ha offered, %.2f ha asked at %.2f yuan/ha)\n", at,
               m->floor_supply_ha, m->floor_demand_ha, r->floor_price);
}

/* The red-line loss choice in words, as every output states it. */
static const char *redline_loss_words(const voucher_args *a) {
    return strcmp(a->redline_loss, "count") == 0
               ? "count (a loss of ecological land inside the red line is counted in E and flagged as a violation)"
               : "exclude (a loss of ecological land inside the red line is a violation, left out of E: not demand "
                 "to buy)";
}

/* Bottom lines and key function zones (SPEC §3). */
static void print_bottom_lines(voucher_view *r, const guotu_voucher_summary *s) {
    const voucher_args *a = r->a;
    if (lines_given(a)) {
        printf("  bottom lines: dM inside the red line %.2f ha, inside permanent farmland %.2f ha\n", s->dm_redline_ha,
               s->dm_farmland_ha);
        printf("  violations: %.2f ha of standard forest (%.2f ha of land, %zu pieces) lost inside the red line in "
               "%d zones; red-line loss: %s\n",
               s->redline_loss_ha, s->redline_loss_area_ha, (size_t)r->info->violations, s->violation_zones,
               redline_loss_words(a));
        size_t n = guotu_voucher_zone_count(r->voucher);
        for (size_t i = 0; i < n; i++) {
            guotu_voucher_zone z;
            guotu_voucher_zone_result(r->ctx, r->voucher, i, &z);
            if (z.violation)
                printf("    violation: %s %s lost %.2f ha of standard forest (%.2f ha of land) inside the red line\n",
                       z.zone_id, z.zone_name, z.redline_loss_ha, z.redline_loss_area_ha);
        }
    }
    int marked = r->info->key_function_marked;
    if (marked || a->key_function_field || a->key_function_ids) {
        printf("  key ecological function zones: %d (%s)", marked,
               a->key_function_in_market ? "in the market" : "accounts computed, kept out of the market");
        if (marked) printf(" %s", r->info->key_function_ids);
        printf("\n");
    }
}

/* OUT_ledger.csv beside OUT.gpkg. */
static void ledger_csv_path(const char *output, char *out, size_t size) {
    snprintf(out, size, "%.*s_ledger.csv", (int)(strlen(output) - 5), output);
}

/* The accounts over years, period by period. */
static void print_ledger(voucher_view *r, const char *csv) {
    /* A plain run's ledger is its account: only where it is kept. */
    if (!r->a->nperiods && !r->a->opening) {
        printf("  ledger: %s (table ledger)\n", r->a->output);
        return;
    }
    if (r->info->base_year)
        printf("  base year: %d (%s)\n", r->info->base_year,
               r->a->base_year              ? "--base-year"
               : r->info->base_year == 2019 ? "the data's SJNF: the 三调 standard time, 2019-12-31"
                                            : "the data's SJNF");
    /* Every zone's line for a few zones; for many, the balances in sum. */
    int each = (size_t)r->info->zones <= 20;
    size_t count = guotu_accounts_row_count(r->ledger);
    for (size_t i = 0; i < count;) {
        guotu_account_row first, row;
        guotu_accounts_result(r->ctx, r->ledger, i, &first);
        double traded = first.period >= 1 && first.period <= 32 ? r->info->period_traded_ha[first.period - 1] : 0;
        double held = 0, owed = 0;
        int holders = 0, debtors = 0;
        size_t end = i;
        for (; end < count; end++) {
            guotu_accounts_result(r->ctx, r->ledger, end, &row);
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
            guotu_accounts_result(r->ctx, r->ledger, i, &row);
            printf("    %s: opening %.2f, E %.2f, bought %.2f, sold %.2f, closing %.2f ha\n", row.zone_id,
                   row.opening_ha, row.e_ha, row.bought_ha, row.sold_ha, row.closing_ha);
        }
        i = end;
    }
    if (csv)
        printf("  ledger: %s (table ledger) and %s\n", r->a->output, csv);
    else
        printf("  ledger: %s (table ledger)\n", r->a->output);
}

static void print_summary(voucher_view *r) {
    const guotu_voucher_summary *s = &r->summary;
    printf("Ecological vouchers (生态券), %s baseline, %s area\n", r->a->baseline, r->a->zone.area);
    printf("  zones: %zu\n", (size_t)r->info->zones);
    printf("  standard forest: %.2f ha (base) -> %.2f ha (target)\n", s->m0_total_ha, s->mt_total_ha);
    printf("  supply %.2f ha, demand %.2f ha, net %.2f ha\n", s->supply_ha, s->demand_ha, s->supply_ha - s->demand_ha);
    print_reference(r, s);
    print_ranked(r, 1, "main sellers");
    print_ranked(r, -1, "main buyers");
    if (r->attribution)
        printf("  ecological units attributed to %zu counties by area share; E outside every county: %.2f ha\n",
               guotu_attribution_count(r->attribution), guotu_attribution_unattributed(r->attribution));
    print_bottom_lines(r, s);
    print_balance(r);
    size_t unknown = guotu_voucher_unknown_count(r->voucher);
    for (size_t i = 0; i < unknown; i++) {
        guotu_voucher_unknown u;
        guotu_voucher_unknown_result(r->ctx, r->voucher, i, &u);
        printf("  note: class code '%s' (%s year, %.2f ha) is not in the coefficient table; counted as k = 0\n",
               u.class_code, u.year ? "target" : "base", u.area_ha);
    }
    printf("  written: %s\n", r->a->output);
}

/* The job's report: the summary on stdout. */
static void report(guotu_context *ctx, const guotu_voucher *v, const guotu_market *m, const guotu_attribution *attr,
                   const guotu_accounts *ledger, const guotu_voucher_job_info *info, void *user) {
    voucher_view r;
    memset(&r, 0, sizeof r);
    r.a = user;
    r.ctx = ctx;
    r.voucher = v;
    r.market = m;
    r.attribution = attr;
    r.ledger = ledger;
    r.info = info;
    guotu_voucher_get_summary(ctx, v, &r.summary);
    if (m) guotu_market_get_summary(ctx, m, &r.market_summary);
    r.fixed_price = r.a->price != NULL;
    if (r.a->price) r.floor_price = strtod(r.a->price, NULL);
    if (r.a->floor_price) r.floor_price = strtod(r.a->floor_price, NULL);
    print_summary(&r);
    if (ledger) print_ledger(&r, info->ledger_csv);
}

/* A step of the run worth telling (the units made from codes), as the summary's lines. */
static void stage(const char *message, void *user) {
    (void)user;
    printf("  %s\n", message);
}

static const char *unit_name(const char *unit, void *user) { return zone_names_find((const zone_names *)user, unit); }

static double number_or_nan(const char *text) { return text ? strtod(text, NULL) : NAN; }

int cmd_voucher(int argc, char **argv) {
    voucher_args a;
    int parsed = parse_voucher_args(argc, argv, &a);
    if (parsed) return parsed < 0 ? 0 : 2;
    char err[2048];
    /* A --target-year that contradicts the year the target data states (SJNF) would take
     * another year's national values. */
    if (!a.nperiods && a.target_year_given) {
        int stated = 0;
        if (voucher_base_year_from_data(a.target, a.target_layer, &stated, err, sizeof err) < 0)
            stated = 0; /* several years in the data: it does not say */
        if (stated && stated != atoi(a.target_year))
            return cli_error("the target-year land use '%s' states the data year %d (SJNF), not --target-year %s",
                             a.target, stated, a.target_year);
    }
    zone_names *names = NULL;
    char names_source[1200] = "no names";
    if (a.zone_code_field) {
        const char *names_id = a.names_id ? a.names_id : "XZQDM";
        const char *names_name = a.names_name ? a.names_name : "XZQMC";
        if (a.names && !(names = zone_names_read(a.names, a.names_layer, names_id, names_name, a.zone.encoding, err,
                                                 sizeof err))) {
            fprintf(stderr, "guotu voucher: error: %s\n", err);
            return 1;
        }
        if (names)
            snprintf(names_source, sizeof names_source, "names %.300s of layer %.200s of %.600s", names_name,
                     zone_names_layer(names), a.names);
    }
    const char *inputs[16 + 32] = {a.zone.path,
                                   a.base,
                                   a.target,
                                   a.mask,
                                   a.zone.table,
                                   a.county.path,
                                   a.coefficients,
                                   a.base_coefficients,
                                   a.target_coefficients,
                                   a.reference_table,
                                   a.workspace,
                                   a.redline,
                                   a.farmland,
                                   a.opening};
    int ninputs = 14;
    for (int k = 0; k < a.nperiods; k++)
        inputs[ninputs++] = a.periods[k].path;
    char csv[1400];
    ledger_csv_path(a.output, csv, sizeof csv);
    const char *outputs[2] = {a.output, csv};
    if (io_refuse_overwrite(inputs, ninputs, outputs, 2, err, sizeof err)) {
        zone_names_free(names);
        return cli_error("%s", err);
    }
    guotu_voucher_period periods[32];
    for (int k = 0; k < a.nperiods; k++)
        periods[k] = (guotu_voucher_period){atoi(a.periods[k].year), a.periods[k].path, a.periods[k].layer,
                                            a.periods[k].gdp[0] ? a.periods[k].gdp : NULL,
                                            a.periods[k].pop[0] ? a.periods[k].pop : NULL};
    guotu_voucher_job job;
    guotu_voucher_job_init(&job);
    job.zones = a.zone.path;
    job.zones_layer = a.zone.layer;
    job.zone_id_field = a.zone.id;
    job.zone_name_field = a.zone.name;
    job.gdp_field = a.zone.gdp;
    job.pop_field = a.zone.pop;
    job.zone_table = a.zone.table;
    /* parse_voucher_args gave the counties the asks, bids and key function field */
    job.ask_field = a.county.path ? a.county.ask : a.zone.ask;
    job.bid_field = a.county.path ? a.county.bid : a.zone.bid;
    job.key_function_field = a.key_function_field;
    job.zone_code_field = a.zone_code_field;
    job.zone_code_length = a.zone_code_length;
    job.unit_name = names ? unit_name : NULL;
    job.unit_name_user = names;
    job.unit_names_source = names_source;
    job.base = a.base;
    job.base_layer = a.base_layer;
    job.base_class_field = a.base_class;
    job.base_system = a.base_system;
    job.target = a.target;
    job.target_layer = a.target_layer;
    job.target_class_field = a.target_class;
    job.target_system = a.target_system;
    job.coefficients = a.coefficients;
    job.base_coefficients = a.base_coefficients;
    job.target_coefficients = a.target_coefficients;
    job.esv_reference = a.esv_reference;
    job.reference = a.reference;
    job.reference_table = a.reference_table;
    job.target_year = a.target_year_given ? atoi(a.target_year) : 0;
    job.national_gdp_per_capita = number_or_nan(a.national_gdp);
    job.national_pop_density = number_or_nan(a.national_density);
    job.baseline =
        strcmp(a.baseline, "protection-rate") == 0 ? GUOTU_BASELINE_PROTECTION_RATE : GUOTU_BASELINE_BASE_YEAR;
    job.protection_rate = number_or_nan(a.protection_rate);
    job.mask = a.mask;
    job.mask_czcsxm = a.mask_czcsxm;
    job.price = number_or_nan(a.price);
    job.floor_price = number_or_nan(a.floor_price);
    job.cap = number_or_nan(a.cap);
    job.allocation = strcmp(a.allocation, "nearest") == 0 ? GUOTU_ALLOCATION_NEAREST : GUOTU_ALLOCATION_PRO_RATA;
    job.settlement = strcmp(a.settlement, "enclave") == 0 ? GUOTU_SETTLEMENT_EQUITY : GUOTU_SETTLEMENT_PAYMENT;
    job.area_method = strcmp(a.zone.area, "planar") == 0 ? GUOTU_AREA_PLANAR : GUOTU_AREA_ELLIPSOIDAL;
    job.invalid = strcmp(a.invalid, "fail") == 0 ? GUOTU_INVALID_FAIL : GUOTU_INVALID_REPAIR;
    job.raster_mode = strcmp(a.raster_mode, "centre") == 0 ? GUOTU_RASTER_CENTRE : GUOTU_RASTER_EXACT;
    job.crs_mismatch_fail = strcmp(a.crs_mismatch, "reproject") != 0;
    job.encoding = a.zone.encoding;
    job.threads = a.threads;
    job.counties = a.county.path;
    job.counties_layer = a.county.layer;
    job.county_id_field = a.county.id;
    job.county_name_field = a.county.name;
    job.workspace = a.workspace;
    job.redline = a.redline;
    job.redline_layer = a.redline_layer;
    job.farmland = a.farmland;
    job.farmland_layer = a.farmland_layer;
    job.redline_loss = strcmp(a.redline_loss, "count") == 0 ? GUOTU_REDLINE_LOSS_COUNT : GUOTU_REDLINE_LOSS_EXCLUDE;
    job.key_function_ids = a.key_function_ids;
    job.key_function_in_market = a.key_function_in_market;
    job.periods = periods;
    job.period_count = a.nperiods;
    job.base_year = a.base_year ? atoi(a.base_year) : 0;
    job.opening = a.opening;
    job.caps = a.caps;
    job.output = a.output;
    job.note = cli_note;
    job.stage = stage;
    job.report = report;
    job.report_user = &a;
    progress_bar bar;
    int status = cli_run_job("voucher", &bar, (int (*)(guotu_context *, const void *))guotu_voucher_job_run, &job);
    zone_names_free(names);
    return status;
}
