/* cmd_ledger.c — `guotu ledger`: the balance sheet of every planning or consolidation unit
 * between the current and the planned land use, and the reclamation certificates (SPEC §9).
 * The options fill a guotu_ledger_job; the run (read, compute, write) is the I/O library's
 * guotu_ledger_job_run (core/io/ledger_job.c); this file prints its summary. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "commands.h"
#include "guotu/guotu_io.h"
#include "progress_bar.h"

static const char *const ledger_usage =
    "usage: guotu ledger (--parcels FILE [--parcels-layer NAME]\n"
    "                     | --current FILE [--current-layer NAME] --planned FILE [--planned-layer NAME])\n"
    "         --parcel-id F\n"
    "         --current-field F --current-system S --planned-field F --planned-system S\n"
    "         [--unit-field F [--unit-prefix N] | --units FILE [--units-layer L] --unit-id F [--unit-name F]]\n"
    "         [--project-field F] [--type-field F [--types CSV]] [--area-field F]\n"
    "         [--kcxs-field F] [--planned-kcxs-field F] [--grade-field F] [--planned-grade-field F]\n"
    "         [--farmland-field F] [--planned-farmland-field F]\n"
    "         [--redline FILE [--redline-layer L]] [--river-beaches FILE [--river-beaches-layer L]]\n"
    "         [--beach-codes \"1106 ...\"] [--tolerance M2] [--farmland-gain-min X] [--linkage-min X]\n"
    "         [--grade-tolerance X] [--area ellipsoidal|planar] [--encoding NAME] [--xlsx FILE.xlsx]\n"
    "         -o OUT.gpkg\n"
    "\n"
    "The unit ledger (资源、权益\"双挂钩\", SPEC §9): per unit (--unit-field, e.g. a unit code or\n"
    "ZLDWDM, of which --unit-prefix keeps the first N characters: 12 village, 9 town; or --units\n"
    "polygons, each parcel in the one it overlaps most) between the current\n"
    "and the planned land use of each parcel (or two survey years), the balance sheet:\n"
    "  L1 cultivated land (耕地: the codes of presets/ledger/cultivated_codes.csv) net of 田坎\n"
    "     (--kcxs-field, e.g. KCXS; the planned one defaults to it):\n"
    "     opening, lost by cause, gained by cause, 田坎 change, closing; closing >= opening\n"
    "  L2 quality (--grade-field, e.g. GDDB, 1 best..15): area by grade and mean grade, not worse\n"
    "     by more than --grade-tolerance (0); not checked while some cultivated land has no grade\n"
    "  L3 permanent farmland (--farmland-field / --planned-farmland-field, 1 = inside): adjusted in\n"
    "     >= --farmland-gain-min (1.05) x adjusted out, mean grade of what comes in not worse\n"
    "  L4 construction land reclaimed (拆旧) and newly built (建新): total not increasing\n"
    "  L5 linkage (增减挂钩): reclaimed >= --linkage-min (1) x newly built, no reclaimed parcel on a\n"
    "     river beach (--river-beaches polygons, or the current codes of the system's preset)\n"
    "  L6 standard forest (the voucher coefficients of both systems) not decreasing\n"
    "  L7 nothing changed inside the ecological red line (--redline) except ecological\n"
    "     restoration (--type-field and --types); not checked without --redline\n"
    "The unit's verdict is the conjunction: 通过 pass, 不通过 fail, 待定 undetermined when a rule\n"
    "could not be checked. Reclaimed parcels planned as cultivated, garden, forest or grassland get\n"
    "reclamation certificates numbered <project>-<n> (not issuable on a river beach).\n"
    "Two survey years (or the plan) as separate layers: --current and --planned instead of\n"
    "--parcels. The layers are overlaid (as `guotu convert` does) and every piece is a parcel\n"
    "<current id>/<planned id> with its computed area: --current-field, --kcxs-field,\n"
    "--grade-field and --farmland-field are read from the current layer, the --planned-* fields\n"
    "from the planned one, --parcel-id from both, --unit-field, --project-field and --type-field\n"
    "from the planned layer (the current one where the planned one has none or lacks the field).\n"
    "Refused when some polygon of either layer is not covered by the other by more than\n"
    "--tolerance m² (pieces smaller than that are overlay slivers, left out and counted);\n"
    "--area-field is refused (an official area belongs to a whole parcel).\n"
    "OUT.gpkg holds unit_ledger, unit_grades, certificates and project_certificates; --xlsx the\n"
    "same tables with Chinese headers.\n";

enum {
    O_PARCELS = 256,
    O_PARCELS_LAYER,
    O_CUR_FILE,
    O_CUR_LAYER,
    O_PLAN_FILE,
    O_PLAN_LAYER,
    O_ID,
    O_CURRENT,
    O_CURRENT_SYSTEM,
    O_PLANNED,
    O_PLANNED_SYSTEM,
    O_UNIT_FIELD,
    O_UNIT_PREFIX,
    O_UNITS,
    O_UNITS_LAYER,
    O_UNIT_ID,
    O_UNIT_NAME,
    O_PROJECT,
    O_TYPE,
    O_TYPES,
    O_AREA_FIELD,
    O_KCXS,
    O_PKCXS,
    O_GRADE,
    O_PGRADE,
    O_FARM,
    O_PFARM,
    O_REDLINE,
    O_REDLINE_LAYER,
    O_BEACHES,
    O_BEACHES_LAYER,
    O_BEACH_CODES,
    O_TOL,
    O_GAIN,
    O_LINK,
    O_GRADE_TOL,
    O_AREA,
    O_ENCODING,
    O_XLSX
};

static int parse(int argc, char **argv, guotu_ledger_job *a) {
    static const struct option options[] = {{"parcels", 1, 0, O_PARCELS},
                                            {"parcels-layer", 1, 0, O_PARCELS_LAYER},
                                            {"current", 1, 0, O_CUR_FILE},
                                            {"current-layer", 1, 0, O_CUR_LAYER},
                                            {"planned", 1, 0, O_PLAN_FILE},
                                            {"planned-layer", 1, 0, O_PLAN_LAYER},
                                            {"parcel-id", 1, 0, O_ID},
                                            {"current-field", 1, 0, O_CURRENT},
                                            {"current-system", 1, 0, O_CURRENT_SYSTEM},
                                            {"planned-field", 1, 0, O_PLANNED},
                                            {"planned-system", 1, 0, O_PLANNED_SYSTEM},
                                            {"unit-field", 1, 0, O_UNIT_FIELD},
                                            {"unit-prefix", 1, 0, O_UNIT_PREFIX},
                                            {"units", 1, 0, O_UNITS},
                                            {"units-layer", 1, 0, O_UNITS_LAYER},
                                            {"unit-id", 1, 0, O_UNIT_ID},
                                            {"unit-name", 1, 0, O_UNIT_NAME},
                                            {"project-field", 1, 0, O_PROJECT},
                                            {"type-field", 1, 0, O_TYPE},
                                            {"types", 1, 0, O_TYPES},
                                            {"area-field", 1, 0, O_AREA_FIELD},
                                            {"kcxs-field", 1, 0, O_KCXS},
                                            {"planned-kcxs-field", 1, 0, O_PKCXS},
                                            {"grade-field", 1, 0, O_GRADE},
                                            {"planned-grade-field", 1, 0, O_PGRADE},
                                            {"farmland-field", 1, 0, O_FARM},
                                            {"planned-farmland-field", 1, 0, O_PFARM},
                                            {"redline", 1, 0, O_REDLINE},
                                            {"redline-layer", 1, 0, O_REDLINE_LAYER},
                                            {"river-beaches", 1, 0, O_BEACHES},
                                            {"river-beaches-layer", 1, 0, O_BEACHES_LAYER},
                                            {"beach-codes", 1, 0, O_BEACH_CODES},
                                            {"tolerance", 1, 0, O_TOL},
                                            {"farmland-gain-min", 1, 0, O_GAIN},
                                            {"linkage-min", 1, 0, O_LINK},
                                            {"grade-tolerance", 1, 0, O_GRADE_TOL},
                                            {"area", 1, 0, O_AREA},
                                            {"encoding", 1, 0, O_ENCODING},
                                            {"xlsx", 1, 0, O_XLSX},
                                            {"output", 1, 0, 'o'},
                                            {"help", 0, 0, 'h'},
                                            {0, 0, 0, 0}};
    guotu_ledger_job_init(a);
    const char *area = "ellipsoidal";
    optind = 1;
    opterr = 0;
    int c;
    while ((c = getopt_long(argc, argv, "o:h", options, NULL)) != -1) {
        double *number = NULL;
        switch (c) {
        case O_PARCELS: a->parcels = optarg; break;
        case O_PARCELS_LAYER: a->parcels_layer = optarg; break;
        case O_CUR_FILE: a->current = optarg; break;
        case O_CUR_LAYER: a->current_layer = optarg; break;
        case O_PLAN_FILE: a->planned = optarg; break;
        case O_PLAN_LAYER: a->planned_layer = optarg; break;
        case O_ID: a->parcel_id_field = optarg; break;
        case O_CURRENT: a->current_field = optarg; break;
        case O_CURRENT_SYSTEM: a->current_system = optarg; break;
        case O_PLANNED: a->planned_field = optarg; break;
        case O_PLANNED_SYSTEM: a->planned_system = optarg; break;
        case O_UNIT_FIELD: a->unit_field = optarg; break;
        case O_UNIT_PREFIX: {
            char *end = NULL;
            long n = strtol(optarg, &end, 10);
            if (!optarg[0] || *end || n < 1 || n > 64)
                return cli_usage_error("ledger", ledger_usage, "--unit-prefix needs a whole number 1-64, not '%s'",
                                       optarg);
            a->unit_prefix = (int)n;
            break;
        }
        case O_UNITS: a->units = optarg; break;
        case O_UNITS_LAYER: a->units_layer = optarg; break;
        case O_UNIT_ID: a->unit_id_field = optarg; break;
        case O_UNIT_NAME: a->unit_name_field = optarg; break;
        case O_PROJECT: a->project_field = optarg; break;
        case O_TYPE: a->type_field = optarg; break;
        case O_TYPES: a->project_types = optarg; break;
        case O_AREA_FIELD: a->area_field = optarg; break;
        case O_KCXS: a->kcxs_field = optarg; break;
        case O_PKCXS: a->planned_kcxs_field = optarg; break;
        case O_GRADE: a->grade_field = optarg; break;
        case O_PGRADE: a->planned_grade_field = optarg; break;
        case O_FARM: a->farmland_field = optarg; break;
        case O_PFARM: a->planned_farmland_field = optarg; break;
        case O_REDLINE: a->redline = optarg; break;
        case O_REDLINE_LAYER: a->redline_layer = optarg; break;
        case O_BEACHES: a->river_beaches = optarg; break;
        case O_BEACHES_LAYER: a->river_beaches_layer = optarg; break;
        case O_BEACH_CODES: a->river_beach_codes = optarg; break;
        case O_TOL: number = &a->tolerance_m2; break;
        case O_GAIN: number = &a->farmland_gain_min; break;
        case O_LINK: number = &a->linkage_min; break;
        case O_GRADE_TOL: number = &a->grade_tolerance; break;
        case O_AREA: area = optarg; break;
        case O_ENCODING: a->encoding = optarg; break;
        case O_XLSX: a->xlsx = optarg; break;
        case 'o': a->output = optarg; break;
        case 'h': fputs(ledger_usage, stdout); return -1;
        default: return cli_usage_error("ledger", ledger_usage, "unknown or incomplete option '%s'", argv[optind - 1]);
        }
        if (number && cli_parse_nonnegative(optarg, number))
            return cli_usage_error("ledger", ledger_usage, "%s needs a number >= 0, not '%s'", argv[optind - 2],
                                   optarg);
    }
    const char *u = NULL;
    if (optind < argc)
        u = "unexpected argument";
    else if (a->parcels && (a->current || a->planned))
        u = "give either --parcels (one layer carrying both land uses) or --current and --planned, not both";
    else if (!a->parcels && (!a->current || !a->planned))
        u = a->current || a->planned ? "--current and --planned go together"
                                     : "--parcels (or --current and --planned) is required";
    else if ((a->parcels_layer && !a->parcels) || (a->current_layer && !a->current) ||
             (a->planned_layer && !a->planned))
        u = "a --*-layer option needs its file";
    else if (a->current && a->area_field)
        u = "--area-field is refused with --current/--planned: the pieces of the overlay get their computed area";
    else if (!a->parcel_id_field || !a->current_field || !a->planned_field || !a->current_system ||
             !a->planned_system || !a->output)
        u = "--parcel-id, --current-field, --current-system, --planned-field, --planned-system and -o are "
            "required";
    else if (a->units && a->unit_field)
        u = "give the units either by --unit-field or by --units polygons, not both";
    else if (a->unit_prefix && !a->unit_field)
        u = "--unit-prefix needs --unit-field";
    else if (a->units && !a->unit_id_field)
        u = "--units needs --unit-id";
    else if ((a->planned_farmland_field != NULL) != (a->farmland_field != NULL))
        u = "--farmland-field and --planned-farmland-field go together (in permanent farmland now and after)";
    else if (a->planned_kcxs_field && !a->kcxs_field)
        u = "--planned-kcxs-field needs --kcxs-field";
    else if (a->planned_grade_field && !a->grade_field)
        u = "--planned-grade-field needs --grade-field";
    else if (strcmp(area, "ellipsoidal") && strcmp(area, "planar"))
        u = "--area must be ellipsoidal or planar";
    else if (strlen(a->output) < 5 || strcmp(a->output + strlen(a->output) - 5, ".gpkg"))
        u = "-o must be a .gpkg file";
    else if (a->xlsx && (strlen(a->xlsx) < 5 || strcmp(a->xlsx + strlen(a->xlsx) - 5, ".xlsx")))
        u = "--xlsx must be a .xlsx file";
    if (u) return cli_usage_error("ledger", ledger_usage, "%s", u);
    a->area_method = strcmp(area, "planar") == 0 ? GUOTU_AREA_PLANAR : GUOTU_AREA_ELLIPSOIDAL;
    return 0;
}

static const char *verdict_zh(int v) { return v == 1 ? "通过" : v == 0 ? "不通过" : "待定"; }
static const char *verdict_en(int v) { return v == 1 ? "pass" : v == 0 ? "fail" : "undetermined"; }

/* The job and the terminal's progress bar. */
typedef struct ledger_cli {
    guotu_ledger_job job;
    progress_bar bar;
} ledger_cli;

/* The summary of the finished ledger (guotu_ledger_report_fn). */
static void print_summary(guotu_context *ctx, const guotu_ledger *ledger, void *user) {
    ledger_cli *cli = user;
    const guotu_ledger_job *a = &cli->job;
    progress_bar_done(&cli->bar);
    printf("Unit ledger of %s%s%s (%zu units, %zu reclamation certificates)\n", a->parcels ? a->parcels : a->current,
           a->parcels ? "" : " -> ", a->parcels ? "" : a->planned, guotu_ledger_unit_count(ledger),
           guotu_ledger_certificate_count(ledger));
    int64_t slivers = 0;
    double sliver_m2 = 0;
    if (guotu_ledger_slivers(ledger, &slivers, &sliver_m2))
        printf("  %lld overlay slivers below %g m² left out (%.6f m² in all)\n", (long long)slivers, a->tolerance_m2,
               sliver_m2);
    for (size_t i = 0; i < guotu_ledger_unit_count(ledger); i++) {
        guotu_ledger_unit u;
        if (guotu_ledger_unit_at(ctx, ledger, i, &u)) continue;
        printf("  %s %s: %s %s; cultivated %.4f -> %.4f ha%s%s\n", u.unit_id[0] ? u.unit_id : "(no unit)", u.name,
               verdict_zh(u.verdict), verdict_en(u.verdict), u.cultivated_opening_ha, u.cultivated_closing_ha,
               u.reasons_en[0] ? " — " : "", u.reasons_en);
    }
    printf("  written: %s\n", a->output);
    if (a->xlsx) printf("  written: %s\n", a->xlsx);
}

static int run_job(guotu_context *ctx, const void *job) { return guotu_ledger_job_run(ctx, job); }

int cmd_ledger(int argc, char **argv) {
    ledger_cli cli;
    int parsed = parse(argc, argv, &cli.job);
    if (parsed) return parsed < 0 ? 0 : 2;
    cli.job.note = cli_note;
    cli.job.report = print_summary;
    cli.job.report_user = &cli;
    return cli_run_job("ledger", &cli.bar, run_job, &cli.job);
}
