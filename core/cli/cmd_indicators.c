/* cmd_indicators.c — `guotu indicators`: binding plan indicators (约束性指标) per admin unit,
 * measured from land use and compared with the targets of the higher-level plan (SPEC §12).
 * Parses the options, runs the I/O library's guotu_indicators_job_run (core/io/indicators_job.c)
 * and prints the summary. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "commands.h"
#include "guotu/guotu_io.h"

enum { NIND = GUOTU_INDICATOR_COUNT };

typedef struct ind_args {
    const char *admin, *admin_layer, *admin_code, *admin_name;
    const char *landuse, *landuse_layer, *class_field, *deduction;
    const char *before, *before_layer, *before_class_field;
    const char *farmland, *farmland_layer, *workspace;
    const char *target[NIND]; /* field (admin layer) or column (targets CSV) of each target, NULL none */
    const char *targets, *targets_code;
    const char *target_unit; /* "ha" or "mu" (the area targets; forest cover is always %) */
    const char *classes, *encoding, *crs_mismatch, *csv_headers;
    const char *output, *csv, *xlsx;
    double tolerance;
    int admin_name_given;
} ind_args;

static const char *const ind_usage =
    "usage: guotu indicators (--admin FILE [--admin-layer L] | --workspace W.gpkg)\n"
    "         [--admin-code FIELD] [--admin-name FIELD]\n"
    "         --landuse FILE [--landuse-layer L] [--class-field FIELD] [--deduction auto|none|FIELD]\n"
    "         [--before FILE [--before-layer L] [--before-class-field FIELD]]\n"
    "         [--farmland FILE [--farmland-layer L]] [--workspace W.gpkg]\n"
    "         [--target KEY=FIELD ...] [--targets FILE.csv [--targets-code COLUMN]]\n"
    "         [--target-unit ha|mu] [--tolerance SHARE] [--classes FILE.csv]\n"
    "         [--encoding NAME] [--crs-mismatch reproject|fail]\n"
    "         -o OUT.gpkg [--csv FILE.csv] [--xlsx FILE.xlsx] [--csv-headers chinese|names]\n"
    "\n"
    "Binding plan indicators (约束性指标, SPEC §12) of every admin unit: the measured value\n"
    "against the target handed down, with the rule. KEY is one of\n"
    "  cultivated_land                 耕地保有量          >= target (ha)\n"
    "  permanent_farmland              永久基本农田保护任务  >= target (ha)\n"
    "  construction_land               建设用地总规模        <= target (ha)\n"
    "  urban_rural_construction        城乡建设用地规模      <= target (ha)\n"
    "  new_construction_on_cultivated  新增建设占用耕地规模  <= target (ha)\n"
    "  forest_cover                    森林覆盖率          >= target (%)\n"
    "  forest_land                     林地保有量          >= target (ha)\n"
    "  forest_land_taken               占用征收林地          <= target (ha)\n"
    "Targets are fields of the admin layer (--target KEY=FIELD, repeated; any subset), or\n"
    "columns of --targets FILE.csv keyed by the admin code in --targets-code (default XZQDM).\n"
    "A unit without a target (NULL, or no row in the CSV) skips that indicator with a note:\n"
    "never a pass. --target-unit mu reads the area targets in mu (15 mu = 1 ha).\n"
    "--tolerance SHARE (default 0): a floor passes at target x (1 - SHARE), a ceiling at\n"
    "target x (1 + SHARE).\n"
    "\n"
    "Measured, with ellipsoidal areas inside each unit: cultivated land, forest land,\n"
    "construction land and urban-rural construction land from --landuse by the class groups\n"
    "of --classes (default the preset indicators/SANDIAO_WORK for 三调 DLBM codes);\n"
    "cultivated land net of 田坎 (--deduction auto uses KCXS when the layer has it); forest\n"
    "cover = forest land / the unit's ellipsoidal area. Permanent farmland from --farmland\n"
    "(or the workspace's permanent_farmland). The change-based indicators from the earlier\n"
    "survey year --before to --landuse, overlaid per unit: cultivated -> construction land,\n"
    "and forest -> construction land (gross of 田坎: the overlay keeps whole parcels).\n"
    "Without --before or a farmland layer, their indicators are 'not measured'.\n"
    "--workspace without --admin also takes the admin units from the workspace (fields xzqdm,\n"
    "xzqmc; the farmland target pbf_target_ha unless --target permanent_farmland= names one).\n"
    "\n"
    "Writes OUT.gpkg: indicator_units (the units with the number of failed, passed and\n"
    "skipped indicators, styled for a map), indicators (one row per unit and indicator:\n"
    "target, measured, difference, ratio, result, rule, note) and notes. --csv and --xlsx\n"
    "write the indicators table for the meeting, headed by the Chinese column names\n"
    "(default) or, with --csv-headers names, by the field names.\n";

enum {
    O_ADMIN = 256,
    O_ADMIN_LAYER,
    O_ADMIN_CODE,
    O_ADMIN_NAME,
    O_LANDUSE,
    O_LANDUSE_LAYER,
    O_CLASS,
    O_DEDUCTION,
    O_BEFORE,
    O_BEFORE_LAYER,
    O_BEFORE_CLASS,
    O_FARMLAND,
    O_FARMLAND_LAYER,
    O_WORKSPACE,
    O_TARGET,
    O_TARGETS,
    O_TARGETS_CODE,
    O_TARGET_UNIT,
    O_TOLERANCE,
    O_CLASSES,
    O_ENCODING,
    O_CRS_MISMATCH,
    O_CSV,
    O_XLSX,
    O_CSV_HEADERS
};

static int parse(int argc, char **argv, ind_args *a) {
    static const struct option options[] = {{"admin", 1, 0, O_ADMIN},
                                            {"admin-layer", 1, 0, O_ADMIN_LAYER},
                                            {"admin-code", 1, 0, O_ADMIN_CODE},
                                            {"admin-name", 1, 0, O_ADMIN_NAME},
                                            {"landuse", 1, 0, O_LANDUSE},
                                            {"landuse-layer", 1, 0, O_LANDUSE_LAYER},
                                            {"class-field", 1, 0, O_CLASS},
                                            {"deduction", 1, 0, O_DEDUCTION},
                                            {"before", 1, 0, O_BEFORE},
                                            {"before-layer", 1, 0, O_BEFORE_LAYER},
                                            {"before-class-field", 1, 0, O_BEFORE_CLASS},
                                            {"farmland", 1, 0, O_FARMLAND},
                                            {"farmland-layer", 1, 0, O_FARMLAND_LAYER},
                                            {"workspace", 1, 0, O_WORKSPACE},
                                            {"target", 1, 0, O_TARGET},
                                            {"targets", 1, 0, O_TARGETS},
                                            {"targets-code", 1, 0, O_TARGETS_CODE},
                                            {"target-unit", 1, 0, O_TARGET_UNIT},
                                            {"tolerance", 1, 0, O_TOLERANCE},
                                            {"classes", 1, 0, O_CLASSES},
                                            {"encoding", 1, 0, O_ENCODING},
                                            {"crs-mismatch", 1, 0, O_CRS_MISMATCH},
                                            {"csv", 1, 0, O_CSV},
                                            {"xlsx", 1, 0, O_XLSX},
                                            {"csv-headers", 1, 0, O_CSV_HEADERS},
                                            {"output", 1, 0, 'o'},
                                            {"help", 0, 0, 'h'},
                                            {0, 0, 0, 0}};
    memset(a, 0, sizeof *a);
    a->admin_code = "XZQDM";
    a->admin_name = "XZQMC";
    a->class_field = "DLBM";
    a->before_class_field = NULL;
    a->deduction = "auto";
    a->targets_code = "XZQDM";
    a->target_unit = "ha";
    a->classes = "SANDIAO_WORK";
    a->crs_mismatch = "reproject";
    a->csv_headers = "chinese";
    optind = 1;
    opterr = 0;
    int c;
    while ((c = getopt_long(argc, argv, "o:h", options, NULL)) != -1) {
        switch (c) {
        case O_ADMIN: a->admin = optarg; break;
        case O_ADMIN_LAYER: a->admin_layer = optarg; break;
        case O_ADMIN_CODE: a->admin_code = optarg; break;
        case O_ADMIN_NAME:
            a->admin_name = optarg;
            a->admin_name_given = 1;
            break;
        case O_LANDUSE: a->landuse = optarg; break;
        case O_LANDUSE_LAYER: a->landuse_layer = optarg; break;
        case O_CLASS: a->class_field = optarg; break;
        case O_DEDUCTION: a->deduction = optarg; break;
        case O_BEFORE: a->before = optarg; break;
        case O_BEFORE_LAYER: a->before_layer = optarg; break;
        case O_BEFORE_CLASS: a->before_class_field = optarg; break;
        case O_FARMLAND: a->farmland = optarg; break;
        case O_FARMLAND_LAYER: a->farmland_layer = optarg; break;
        case O_WORKSPACE: a->workspace = optarg; break;
        case O_TARGET: {
            const char *eq = strchr(optarg, '=');
            char key[64];
            if (!eq || eq == optarg || !eq[1] || (size_t)(eq - optarg) >= sizeof key)
                return cli_usage_error("indicators", ind_usage, "--target needs KEY=FIELD, not '%s'", optarg);
            snprintf(key, sizeof key, "%.*s", (int)(eq - optarg), optarg);
            int k = guotu_indicator_from_key(key);
            if (k < 0)
                return cli_usage_error("indicators", ind_usage,
                                       "--target: unknown indicator '%s' (the keys are listed below)", key);
            a->target[k] = eq + 1;
            break;
        }
        case O_TARGETS: a->targets = optarg; break;
        case O_TARGETS_CODE: a->targets_code = optarg; break;
        case O_TARGET_UNIT: a->target_unit = optarg; break;
        case O_TOLERANCE:
            if (cli_parse_nonnegative(optarg, &a->tolerance) || a->tolerance >= 1)
                return cli_usage_error("indicators", ind_usage, "--tolerance needs a share from 0 to below 1, not '%s'",
                                       optarg);
            break;
        case O_CLASSES: a->classes = optarg; break;
        case O_ENCODING: a->encoding = optarg; break;
        case O_CRS_MISMATCH: a->crs_mismatch = optarg; break;
        case O_CSV: a->csv = optarg; break;
        case O_XLSX: a->xlsx = optarg; break;
        case O_CSV_HEADERS: a->csv_headers = optarg; break;
        case 'o': a->output = optarg; break;
        case 'h': fputs(ind_usage, stdout); return -1;
        default: return cli_usage_error("indicators", ind_usage, "unknown or incomplete option '%s'", argv[optind - 1]);
        }
    }
    const char *u = NULL;
    if (optind < argc) return cli_usage_error("indicators", ind_usage, "unexpected argument '%s'", argv[optind]);
    if (!a->admin && a->workspace) {
        a->admin = a->workspace;
        a->admin_layer = "admin_units";
        if (!a->target[GUOTU_IND_FARMLAND] && !a->targets) a->target[GUOTU_IND_FARMLAND] = "pbf_target_ha";
    }
    if (a->workspace && !a->farmland) {
        a->farmland = a->workspace;
        a->farmland_layer = "permanent_farmland";
    }
    if (!a->before_class_field) a->before_class_field = a->class_field;
    int targets = 0;
    for (int k = 0; k < NIND; k++)
        targets += a->target[k] != NULL;
    if (!a->admin || !a->landuse || !a->output)
        u = "--admin (or --workspace), --landuse and -o are required";
    else if (!targets)
        u = "no target: name at least one with --target KEY=FIELD";
    else if (!io_ends_with(a->output, ".gpkg"))
        u = "-o must be a .gpkg file";
    else if (a->csv && !io_ends_with(a->csv, ".csv"))
        u = "--csv must be a .csv file";
    else if (a->xlsx && !io_ends_with(a->xlsx, ".xlsx"))
        u = "--xlsx must be a .xlsx file";
    else if (strcmp(a->csv_headers, "chinese") && strcmp(a->csv_headers, "names"))
        u = "--csv-headers must be chinese or names";
    else if (strcmp(a->target_unit, "ha") && strcmp(a->target_unit, "mu"))
        u = "--target-unit must be ha or mu";
    else if (strcmp(a->crs_mismatch, "reproject") && strcmp(a->crs_mismatch, "fail"))
        u = "--crs-mismatch must be reproject or fail";
    else if (!*a->admin_code || !*a->admin_name || !*a->class_field)
        u = "--admin-code, --admin-name and --class-field need a field name";
    if (u) return cli_usage_error("indicators", ind_usage, "%s", u);
    const char *inputs[] = {a->admin, a->landuse, a->before, a->farmland, a->targets, a->classes};
    const char *outputs[] = {a->output, a->csv, a->xlsx};
    char err[1024];
    if (io_refuse_overwrite(inputs, 6, outputs, 3, err, sizeof err))
        return cli_usage_error("indicators", ind_usage, "%s", err);
    return 0;
}

/* ---- The run: the I/O library's job ------------------------------------------------------ */

/* The summary of the finished comparison (guotu_indicators_report_fn). */
static void print_summary(guotu_context *ctx, const guotu_indicators *ind, void *user) {
    const guotu_indicators_job *job = user;
    size_t n_units = guotu_indicators_unit_count(ind);
    int failed_units = 0, fails = 0, passes = 0, skips = 0;
    for (size_t i = 0; i < n_units; i++) {
        int p, f, s;
        guotu_indicators_unit_summary(ctx, ind, i, NULL, NULL, NULL, &p, &f, &s);
        failed_units += f > 0;
        fails += f;
        passes += p;
        skips += s;
    }
    printf("Binding indicators of %zu admin units: %d passed, %d failed (in %d units), %d not compared\n", n_units,
           passes, fails, failed_units, skips);
    printf("  written: %s", job->output);
    if (job->csv) printf(", %s", job->csv);
    if (job->xlsx) printf(", %s", job->xlsx);
    printf("\n");
}

int cmd_indicators(int argc, char **argv) {
    ind_args a;
    int p = parse(argc, argv, &a);
    if (p < 0) return 0;
    if (p) return 2;
    guotu_indicators_job job;
    guotu_indicators_job_init(&job);
    job.admin = a.admin;
    job.admin_layer = a.admin_layer;
    job.admin_code_field = a.admin_code;
    job.admin_name_field = a.admin_name;
    job.admin_name_required = a.admin_name_given;
    job.landuse = a.landuse;
    job.landuse_layer = a.landuse_layer;
    job.class_field = a.class_field;
    job.deduction = a.deduction;
    job.before = a.before;
    job.before_layer = a.before_layer;
    job.before_class_field = a.before_class_field;
    job.farmland = a.farmland;
    job.farmland_layer = a.farmland_layer;
    for (int k = 0; k < NIND; k++)
        job.target[k] = a.target[k];
    job.targets = a.targets;
    job.targets_code_field = a.targets_code;
    job.targets_in_mu = !strcmp(a.target_unit, "mu");
    job.tolerance = a.tolerance;
    job.classes = a.classes;
    job.encoding = a.encoding;
    job.crs_mismatch_fail = !strcmp(a.crs_mismatch, "fail");
    job.output = a.output;
    job.csv = a.csv;
    job.xlsx = a.xlsx;
    job.field_name_headers = !strcmp(a.csv_headers, "names");
    job.note = cli_note;
    job.report = print_summary;
    job.report_user = &job;
    guotu_context *ctx = guotu_context_create();
    if (!ctx) return cli_error("out of memory");
    int failed = guotu_indicators_job_run(ctx, &job) != GUOTU_OK;
    if (failed) cli_error("%s", guotu_context_last_error(ctx));
    guotu_context_destroy(ctx);
    return failed;
}
