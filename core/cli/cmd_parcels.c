/* cmd_parcels.c — `guotu parcels check`: rectification parcels of land consolidation
 * against the three lines, the conversion policy and the unit rules (SPEC §5). The options
 * fill a guotu_parcels_job; the run (read, check, write) is the I/O library's
 * guotu_parcels_job_run (core/io/parcels_job.c); this file prints its summary. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "commands.h"
#include "guotu/guotu_io.h"
#include "progress_bar.h"

static const char *const parcels_usage =
    "usage: guotu parcels check --parcels FILE [--parcels-layer NAME] --parcel-id F --type-field F\n"
    "         --current-field F --current-system S --planned-field F --planned-system S\n"
    "         (--workspace W.gpkg | --redline F --farmland F --urban F) [--project-field F]\n"
    "         [--redline FILE [--redline-layer L]] [--farmland FILE [--farmland-layer L]]\n"
    "         [--urban FILE [--urban-layer L]]\n"
    "         [--villages FILE [--villages-layer L] --village-id F [--village-name F]]\n"
    "         [--units FILE [--units-layer L] --unit-id F [--unit-name F] [--unit-cultivated-field F]]\n"
    "         [--river-beaches FILE [--river-beaches-layer L]] [--beach-codes \"1106 ...\"]\n"
    "         [--types CSV] [--policy CSV]\n"
    "         [--tolerance M2] [--new-cultivated-min X] [--farmland-gain-min X]\n"
    "         [--area ellipsoidal|planar] [--encoding NAME] [--xlsx FILE.xlsx] [--csv-dir DIR]\n"
    "         -o OUT.gpkg\n"
    "\n"
    "Checks every rectification parcel (整治地块) of a land consolidation project (SPEC §5) and\n"
    "gives it a verdict — 通过 pass, 有条件通过 pass with conditions, 不通过 fail — with every\n"
    "reason: P01 invalid geometry, P02 unknown project type, P03 unknown land-use code, P10\n"
    "inside the red line (allowed for ecological restoration), P11 planned construction on\n"
    "permanent farmland, P12 prohibited / P13 policy gap / P14 conditional / P15 path of the\n"
    "current -> planned conversion, P16 reclamation on a river beach (from --river-beaches or\n"
    "the current codes of the system's preset), P17 new construction outside the urban\n"
    "boundary, P18 parcels overlapping each other. Per consolidation unit (--units, by most\n"
    "area) or project (--project-field; otherwise one project '*'): U01 net new cultivated\n"
    "land >= --new-cultivated-min (0.05) of the original, U02 new cultivated land outside\n"
    "farmland >= --farmland-gain-min (1.05) x farmland adjusted out, U03 standard-forest\n"
    "land does not decrease. Overlaps under --tolerance m² (default 1) are ignored.\n"
    "Project types come from --types (columns value,kind; default the preset with 农用地整理,\n"
    "建设用地整理, 拆旧复垦, 生态保护修复, 高标准农田). Other layers are reprojected into the\n"
    "parcels' CRS. The three lines come from a workspace (see `guotu lines init`) or as\n"
    "delivered: --redline, --farmland and --urban each take a layer (GeoPackage, File\n"
    "Geodatabase, shapefile ...; --X-layer names the layer) in place of the workspace's; with\n"
    "all three the workspace may be left out. OUT.gpkg holds parcel_checks, parcel_reasons, project_checks and\n"
    "village_totals; --xlsx and --csv-dir write the tables for the review meeting.\n";

enum {
    O_PARCELS = 256,
    O_PARCELS_LAYER,
    O_VILLAGES_LAYER,
    O_UNITS_LAYER,
    O_BEACHES_LAYER,
    O_ID,
    O_TYPE,
    O_PROJECT,
    O_CURRENT,
    O_CURRENT_SYSTEM,
    O_PLANNED,
    O_PLANNED_SYSTEM,
    O_WS,
    O_VILLAGES,
    O_VILLAGE_ID,
    O_VILLAGE_NAME,
    O_UNITS,
    O_UNIT_ID,
    O_UNIT_NAME,
    O_UNIT_CULT,
    O_BEACHES,
    O_BEACH_CODES,
    O_TYPES,
    O_POLICY,
    O_TOL,
    O_NEWMIN,
    O_GAIN,
    O_AREA,
    O_ENCODING,
    O_XLSX,
    O_CSV,
    O_REDLINE,
    O_REDLINE_LAYER,
    O_FARMLAND,
    O_FARMLAND_LAYER,
    O_URBAN,
    O_URBAN_LAYER
};

static int parse(int argc, char **argv, guotu_parcels_job *a) {
    static const struct option options[] = {{"parcels", 1, 0, O_PARCELS},
                                            {"parcels-layer", 1, 0, O_PARCELS_LAYER},
                                            {"parcel-id", 1, 0, O_ID},
                                            {"type-field", 1, 0, O_TYPE},
                                            {"project-field", 1, 0, O_PROJECT},
                                            {"current-field", 1, 0, O_CURRENT},
                                            {"current-system", 1, 0, O_CURRENT_SYSTEM},
                                            {"planned-field", 1, 0, O_PLANNED},
                                            {"planned-system", 1, 0, O_PLANNED_SYSTEM},
                                            {"workspace", 1, 0, O_WS},
                                            {"villages", 1, 0, O_VILLAGES},
                                            {"village-id", 1, 0, O_VILLAGE_ID},
                                            {"village-name", 1, 0, O_VILLAGE_NAME},
                                            {"units", 1, 0, O_UNITS},
                                            {"unit-id", 1, 0, O_UNIT_ID},
                                            {"unit-name", 1, 0, O_UNIT_NAME},
                                            {"unit-cultivated-field", 1, 0, O_UNIT_CULT},
                                            {"river-beaches", 1, 0, O_BEACHES},
                                            {"beach-codes", 1, 0, O_BEACH_CODES},
                                            {"types", 1, 0, O_TYPES},
                                            {"policy", 1, 0, O_POLICY},
                                            {"tolerance", 1, 0, O_TOL},
                                            {"new-cultivated-min", 1, 0, O_NEWMIN},
                                            {"farmland-gain-min", 1, 0, O_GAIN},
                                            {"area", 1, 0, O_AREA},
                                            {"encoding", 1, 0, O_ENCODING},
                                            {"xlsx", 1, 0, O_XLSX},
                                            {"villages-layer", 1, 0, O_VILLAGES_LAYER},
                                            {"units-layer", 1, 0, O_UNITS_LAYER},
                                            {"river-beaches-layer", 1, 0, O_BEACHES_LAYER},
                                            {"csv-dir", 1, 0, O_CSV},
                                            {"redline", 1, 0, O_REDLINE},
                                            {"redline-layer", 1, 0, O_REDLINE_LAYER},
                                            {"farmland", 1, 0, O_FARMLAND},
                                            {"farmland-layer", 1, 0, O_FARMLAND_LAYER},
                                            {"urban", 1, 0, O_URBAN},
                                            {"urban-layer", 1, 0, O_URBAN_LAYER},
                                            {"output", 1, 0, 'o'},
                                            {"help", 0, 0, 'h'},
                                            {0, 0, 0, 0}};
    guotu_parcels_job_init(a);
    const char *area = "ellipsoidal";
    optind = 1;
    opterr = 0;
    int c;
    while ((c = getopt_long(argc, argv, "o:h", options, NULL)) != -1) {
        double *number = NULL;
        switch (c) {
        case O_PARCELS: a->parcels = optarg; break;
        case O_PARCELS_LAYER: a->parcels_layer = optarg; break;
        case O_ID: a->parcel_id_field = optarg; break;
        case O_TYPE: a->type_field = optarg; break;
        case O_PROJECT: a->project_field = optarg; break;
        case O_CURRENT: a->current_field = optarg; break;
        case O_CURRENT_SYSTEM: a->current_system = optarg; break;
        case O_PLANNED: a->planned_field = optarg; break;
        case O_PLANNED_SYSTEM: a->planned_system = optarg; break;
        case O_WS: a->workspace = optarg; break;
        case O_VILLAGES: a->villages = optarg; break;
        case O_VILLAGE_ID: a->village_id_field = optarg; break;
        case O_VILLAGE_NAME: a->village_name_field = optarg; break;
        case O_UNITS: a->units = optarg; break;
        case O_UNIT_ID: a->unit_id_field = optarg; break;
        case O_UNIT_NAME: a->unit_name_field = optarg; break;
        case O_UNIT_CULT: a->unit_cultivated_field = optarg; break;
        case O_BEACHES: a->river_beaches = optarg; break;
        case O_BEACH_CODES: a->river_beach_codes = optarg; break;
        case O_TYPES: a->project_types = optarg; break;
        case O_POLICY: a->policy = optarg; break;
        case O_TOL: number = &a->tolerance_m2; break;
        case O_NEWMIN: number = &a->new_cultivated_min; break;
        case O_GAIN: number = &a->farmland_gain_min; break;
        case O_AREA: area = optarg; break;
        case O_ENCODING: a->encoding = optarg; break;
        case O_XLSX: a->xlsx = optarg; break;
        case O_CSV: a->csv_dir = optarg; break;
        case O_VILLAGES_LAYER: a->villages_layer = optarg; break;
        case O_UNITS_LAYER: a->units_layer = optarg; break;
        case O_BEACHES_LAYER: a->river_beaches_layer = optarg; break;
        case O_REDLINE: a->redline = optarg; break;
        case O_REDLINE_LAYER: a->redline_layer = optarg; break;
        case O_FARMLAND: a->farmland = optarg; break;
        case O_FARMLAND_LAYER: a->farmland_layer = optarg; break;
        case O_URBAN: a->urban = optarg; break;
        case O_URBAN_LAYER: a->urban_layer = optarg; break;
        case 'o': a->output = optarg; break;
        case 'h': fputs(parcels_usage, stdout); return -1;
        default:
            return cli_usage_error("parcels check", parcels_usage, "unknown or incomplete option '%s'",
                                   argv[optind - 1]);
        }
        if (number && cli_parse_nonnegative(optarg, number))
            return cli_usage_error("parcels check", parcels_usage, "%s needs a number >= 0, not '%s'", argv[optind - 2],
                                   optarg);
    }
    const char *u = NULL;
    if (optind < argc)
        u = "unexpected argument";
    else if (!a->parcels || !a->parcel_id_field || !a->type_field || !a->current_field || !a->planned_field ||
             !a->current_system || !a->planned_system || !a->output)
        u = "--parcels, --parcel-id, --type-field, --current-field, --current-system, --planned-field, "
            "--planned-system and -o are required";
    else if (!a->workspace && (!a->redline || !a->farmland || !a->urban))
        u = "give --workspace, or all three of --redline, --farmland and --urban";
    else if (a->villages && !a->village_id_field)
        u = "--villages needs --village-id";
    else if (a->units && !a->unit_id_field)
        u = "--units needs --unit-id";
    else if (strcmp(area, "ellipsoidal") && strcmp(area, "planar"))
        u = "--area must be ellipsoidal or planar";
    else if (strlen(a->output) < 5 || strcmp(a->output + strlen(a->output) - 5, ".gpkg"))
        u = "-o must be a .gpkg file";
    else if (a->xlsx && (strlen(a->xlsx) < 5 || strcmp(a->xlsx + strlen(a->xlsx) - 5, ".xlsx")))
        u = "--xlsx must be a .xlsx file";
    if (u) return cli_usage_error("parcels check", parcels_usage, "%s", u);
    a->area_method = strcmp(area, "planar") == 0 ? GUOTU_AREA_PLANAR : GUOTU_AREA_ELLIPSOIDAL;
    return 0;
}

/* The job and the terminal's progress bar. */
typedef struct parcels_cli {
    guotu_parcels_job job;
    progress_bar bar;
} parcels_cli;

/* The summary of the finished check (guotu_parcels_report_fn). */
static void print_summary(guotu_context *ctx, const guotu_parcels *check, void *user) {
    parcels_cli *cli = user;
    const guotu_parcels_job *job = &cli->job;
    progress_bar_done(&cli->bar);
    int64_t verdicts[3] = {0, 0, 0};
    for (size_t i = 0; i < guotu_parcels_count(check); i++) {
        guotu_parcel_result p;
        if (!guotu_parcels_result(ctx, check, i, &p)) verdicts[p.verdict]++;
    }
    printf("Rectification parcel check of %s (%zu parcels, tolerance %g m²)\n", job->parcels,
           guotu_parcels_count(check), job->tolerance_m2);
    printf("  通过 pass %lld, 有条件通过 conditional %lld, 不通过 fail %lld\n", (long long)verdicts[0],
           (long long)verdicts[1], (long long)verdicts[2]);
    for (size_t i = 0; i < guotu_parcels_unit_count(check); i++) {
        guotu_unit_result u;
        if (guotu_parcels_unit(ctx, check, i, &u)) continue;
        printf("  %s %s: %s — %s\n", u.project_id[0] ? u.project_id : "(no unit)", u.name,
               guotu_verdict_name(u.verdict), u.reasons_en);
    }
    printf("  written: %s\n", job->output);
    if (job->xlsx) printf("  written: %s\n", job->xlsx);
    if (job->csv_dir) printf("  written: %s/{parcel_checks,project_checks,village_totals}.csv\n", job->csv_dir);
}

static int run_job(guotu_context *ctx, const void *job) { return guotu_parcels_job_run(ctx, job); }

int cmd_parcels(int argc, char **argv) {
    if (argc < 2 || strcmp(argv[1], "check") != 0) {
        if (argc >= 2 && (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h") || !strcmp(argv[1], "help"))) {
            fputs(parcels_usage, stdout);
            return 0;
        }
        fprintf(stderr, "guotu parcels: expected `parcels check`\n\n%s", parcels_usage);
        return 2;
    }
    parcels_cli cli;
    int parsed = parse(argc - 1, argv + 1, &cli.job);
    if (parsed) return parsed < 0 ? 0 : 2;
    cli.job.note = cli_note;
    cli.job.report = print_summary;
    cli.job.report_user = &cli;
    return cli_run_job("parcels check", &cli.bar, run_job, &cli.job);
}
