/* lines_check.c — `guotu lines check`: the three-lines rules on a workspace GeoPackage. Parses
 * the options into a guotu_lines_job (lines_job.c in the I/O library reads, checks and
 * writes) and prints its notes and summary. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "commands.h"
#include "guotu/guotu.h"
#include "guotu/guotu_io.h"
#include "progress_bar.h"
#include "resources.h"
#include "zone_names.h"

/* The four layers of a check: from the workspace, or each from its own file. */
enum { SRC_REDLINE = 0, SRC_FARMLAND, SRC_URBAN, SRC_ADMIN, NSOURCES };
/* The admin layer's value fields (guotu_admin_values order). */
enum { T_REDLINE = 0, T_FARMLAND, T_URBAN_2020, T_CAP, NTARGETS };

static const char *const source_options[NSOURCES] = {"--redline", "--farmland", "--urban", "--admin"};
#define DEFAULT_ADMIN_ID "XZQDM"
#define DEFAULT_ADMIN_NAME "XZQMC"

typedef struct check_args {
    const char *workspace, *landuse, *landuse_layer, *class_field, *system, *urban_2020, *output, *stats_csv, *area;
    const char *csv_headers; /* "chinese" (the table's Chinese names) or "names" (the field names) */
    const char *path[NSOURCES], *layer[NSOURCES]; /* a source given on its own; NULL: the workspace's */
    const char *admin_id, *admin_name, *target[NTARGETS];
    int admin_id_given, admin_name_given, target_given[NTARGETS];
    const char *crs_mismatch; /* "reproject" (to the admin units' CRS, with a note) or "fail" */
    const char *encoding;     /* attribute encoding of Shapefiles without a .cpg, or NULL */
    /* Admin units from the land use's own unit codes (三调 ZLDWDM) instead of a layer: the
     * field, how many characters make the unit, and a layer naming the units. */
    const char *admin_code_field;
    int admin_code_length;
    const char *names, *names_layer, *names_id, *names_name;
    /* 田坎 of the land use (L14's cultivated land): "auto" (KCXS when the layer has it), "none"
     * or the coefficient field, as `guotu tally --deduction`. */
    const char *deduction;
    guotu_lines_options o;
} check_args;

static const char *const check_usage =
    "usage: guotu lines check --workspace W.gpkg\n"
    "         [--landuse FILE [--landuse-layer L] --class-field F --system S [--deduction auto|none|FIELD]]\n"
    "         [--redline FILE [--redline-layer L]] [--farmland FILE [--farmland-layer L]]\n"
    "         [--urban FILE [--urban-layer L]] [--admin FILE [--admin-layer L]]\n"
    "         [--admin-id FIELD] [--admin-name FIELD] [--redline-target FIELD] [--farmland-target FIELD]\n"
    "         [--urban-2020-field FIELD] [--expansion-cap-field FIELD] [--crs-mismatch reproject|fail]\n"
    "         [--encoding NAME] [--urban-2020 FILE] [--area ellipsoidal|planar] [--sliver-width M]\n"
    "         [--min-patch M2] [--minor-overlap M2] [--expansion-cap X] [--farmland-share X] [--gap-min M]\n"
    "         [--gap-max M] [--rules L04,L05,...] [--stats-csv FILE [--csv-headers chinese|names]]\n"
    "         [--admin-code-field F --admin-code-length N [--admin-names FILE [--admin-names-layer L]\n"
    "          [--admin-names-id F] [--admin-names-name F]]]\n"
    "         -o ISSUES.gpkg\n"
    "\n"
    "Checks the three control lines of a workspace (see `guotu lines init`): L01 invalid\n"
    "geometry, L02 duplicates, L03 overlaps within a line, L04-L06 overlaps between lines\n"
    "(with SPEC's resolution: the urban boundary yields to both, farmland to the red line),\n"
    "L07 slivers, L08 tiny patches, L09 gaps between features of one line wider than\n"
    "--gap-min and at most --gap-max (default 0 and 1 m), L10 features across admin\n"
    "boundaries, and per admin\n"
    "unit L11 the urban expansion multiple over its cap (2020 urban land from admin_units or\n"
    "--urban-2020), L12/L13 farmland and red line below target, L14 farmland below the\n"
    "share of cultivated land (cultivated land from --landuse, net of 田坎: --deduction auto,\n"
    "the default, deducts by KCXS when the layer has it, FIELD by that field, none not at all).\n"
    "Defaults follow SPEC §2:\n"
    "sliver width 1 m, minimum patch 50 m², cap 1.3, share 0.8; overlaps under 1 m² are\n"
    "'minor'. Issues whose fingerprint is in the workspace's exceptions table are 'accepted'.\n"
    "\n"
    "Your own layers: --redline, --farmland, --urban and --admin each take a layer as\n"
    "delivered (GeoPackage, File Geodatabase, shapefile ...; --X-layer names the layer of a\n"
    "file that holds several) in place of the workspace's; with all four the workspace may\n"
    "be left out (then there is no exceptions table and every issue is open). Fields of the\n"
    "admin layer, matched in any case: --admin-id the admin code (default XZQDM), --admin-name\n"
    "(default XZQMC), --redline-target and --farmland-target the protection targets in ha\n"
    "(default erl_target_ha, pbf_target_ha), --urban-2020-field the 2020 urban land in ha\n"
    "(default urban_2020_ha), --expansion-cap-field the cap per unit (default expansion_cap).\n"
    "A field named on the command line must exist (an empty name, e.g. --redline-target '',\n"
    "means no field); a default one may be missing: a rule\n"
    "without its target (L11 without 2020 urban land, L12 without a farmland target, L13\n"
    "without a red-line target, L14 without --landuse) is not checked, and says so in a\n"
    "note; without a cap field the cap of --expansion-cap applies to every unit. Layers in\n"
    "another CRS than the admin units are reprojected to theirs with a note\n"
    "(--crs-mismatch fail refuses them instead). Widths and gaps are metres: with geographic\n"
    "(CGCS2000 or WGS 84) admin units every layer is reprojected to the 3-degree Gauss-Krüger\n"
    "zone of all the layers' centre (EPSG:4534-4554, CM = 3*round(lon/3)), with a note, and the\n"
    "outputs are in that zone. --encoding sets the attribute encoding of Shapefiles without a .cpg\n"
    "(e.g. CP936 for GBK).\n"
    "Admin units from the land use's own codes, without an admin layer: --admin-code-field\n"
    "(三调 ZLDWDM of --landuse) and --admin-code-length (6 county, 9 town, 12 village; 0 the\n"
    "whole code) make each unit the union of the land use's parcels whose code starts with it;\n"
    "such units carry no targets (L11-L13 are then not checked, with a note). --admin-names\n"
    "names them from a layer as delivered (--admin-names-id default XZQDM, --admin-names-name\n"
    "default XZQMC; a code padded with zeros names the unit it starts with).\n"
    "\n"
    "Writes ISSUES.gpkg (issues, issue_points, line_stats with the inputs in its metadata, and\n"
    "notes: the rules not checked and why, layers reprojected); exit status 0 with a summary.\n"
    "--stats-csv also writes line_stats as CSV for the meeting, headed by the Chinese column\n"
    "names (default) or, with --csv-headers names, by the field names.\n";

enum {
    O_WS = 256,
    O_LANDUSE,
    O_CLASS,
    O_SYSTEM,
    O_URBAN,
    O_AREA,
    O_SLIVER,
    O_PATCH,
    O_MINOR,
    O_CAP,
    O_SHARE,
    O_CSV,
    O_GAP_MIN,
    O_GAP_MAX,
    O_RULES,
    O_CSV_HEADERS,
    O_SOURCE,                             /* + SRC_*: --redline ... --admin */
    O_SOURCE_LAYER = O_SOURCE + NSOURCES, /* + SRC_*: --redline-layer ... */
    O_TARGET = O_SOURCE_LAYER + NSOURCES, /* + T_*: --redline-target ... */
    O_ADMIN_ID = O_TARGET + NTARGETS,
    O_ADMIN_NAME,
    O_CRS_MISMATCH,
    O_ENCODING,
    O_LANDUSE_LAYER,
    O_ADMIN_CODE_FIELD,
    O_ADMIN_CODE_LENGTH,
    O_ADMIN_NAMES,
    O_ADMIN_NAMES_LAYER,
    O_ADMIN_NAMES_ID,
    O_ADMIN_NAMES_NAME,
    O_DEDUCTION
};

static int parse(int argc, char **argv, check_args *a) {
    static const struct option options[] = {{"workspace", 1, 0, O_WS},
                                            {"landuse", 1, 0, O_LANDUSE},
                                            {"landuse-layer", 1, 0, O_LANDUSE_LAYER},
                                            {"class-field", 1, 0, O_CLASS},
                                            {"system", 1, 0, O_SYSTEM},
                                            {"urban-2020", 1, 0, O_URBAN},
                                            {"area", 1, 0, O_AREA},
                                            {"sliver-width", 1, 0, O_SLIVER},
                                            {"min-patch", 1, 0, O_PATCH},
                                            {"minor-overlap", 1, 0, O_MINOR},
                                            {"expansion-cap", 1, 0, O_CAP},
                                            {"farmland-share", 1, 0, O_SHARE},
                                            {"stats-csv", 1, 0, O_CSV},
                                            {"csv-headers", 1, 0, O_CSV_HEADERS},
                                            {"gap-min", 1, 0, O_GAP_MIN},
                                            {"gap-max", 1, 0, O_GAP_MAX},
                                            {"rules", 1, 0, O_RULES},
                                            {"redline", 1, 0, O_SOURCE + SRC_REDLINE},
                                            {"farmland", 1, 0, O_SOURCE + SRC_FARMLAND},
                                            {"urban", 1, 0, O_SOURCE + SRC_URBAN},
                                            {"admin", 1, 0, O_SOURCE + SRC_ADMIN},
                                            {"redline-layer", 1, 0, O_SOURCE_LAYER + SRC_REDLINE},
                                            {"farmland-layer", 1, 0, O_SOURCE_LAYER + SRC_FARMLAND},
                                            {"urban-layer", 1, 0, O_SOURCE_LAYER + SRC_URBAN},
                                            {"admin-layer", 1, 0, O_SOURCE_LAYER + SRC_ADMIN},
                                            {"redline-target", 1, 0, O_TARGET + T_REDLINE},
                                            {"farmland-target", 1, 0, O_TARGET + T_FARMLAND},
                                            {"urban-2020-field", 1, 0, O_TARGET + T_URBAN_2020},
                                            {"expansion-cap-field", 1, 0, O_TARGET + T_CAP},
                                            {"admin-id", 1, 0, O_ADMIN_ID},
                                            {"admin-name", 1, 0, O_ADMIN_NAME},
                                            {"admin-code-field", 1, 0, O_ADMIN_CODE_FIELD},
                                            {"admin-code-length", 1, 0, O_ADMIN_CODE_LENGTH},
                                            {"admin-names", 1, 0, O_ADMIN_NAMES},
                                            {"admin-names-layer", 1, 0, O_ADMIN_NAMES_LAYER},
                                            {"admin-names-id", 1, 0, O_ADMIN_NAMES_ID},
                                            {"admin-names-name", 1, 0, O_ADMIN_NAMES_NAME},
                                            {"deduction", 1, 0, O_DEDUCTION},
                                            {"crs-mismatch", 1, 0, O_CRS_MISMATCH},
                                            {"encoding", 1, 0, O_ENCODING},
                                            {"output", 1, 0, 'o'},
                                            {"help", 0, 0, 'h'},
                                            {0, 0, 0, 0}};
    memset(a, 0, sizeof *a);
    guotu_lines_options_init(&a->o);
    a->area = "ellipsoidal";
    a->csv_headers = "chinese";
    a->system = "SANDIAO_WORK";
    a->crs_mismatch = "reproject";
    a->deduction = "auto";
    a->admin_id = DEFAULT_ADMIN_ID;
    a->admin_name = DEFAULT_ADMIN_NAME;
    /* the targets not named stay NULL: the run's known names */
    optind = 1;
    opterr = 0;
    int c;
    double *number = NULL;
    while ((c = getopt_long(argc, argv, "o:h", options, NULL)) != -1) {
        number = NULL;
        if (c >= O_SOURCE && c < O_SOURCE + NSOURCES) {
            a->path[c - O_SOURCE] = optarg;
            continue;
        }
        if (c >= O_SOURCE_LAYER && c < O_SOURCE_LAYER + NSOURCES) {
            a->layer[c - O_SOURCE_LAYER] = optarg;
            continue;
        }
        if (c >= O_TARGET && c < O_TARGET + NTARGETS) {
            a->target[c - O_TARGET] = optarg;
            a->target_given[c - O_TARGET] = 1;
            continue;
        }
        switch (c) {
        case O_WS: a->workspace = optarg; break;
        case O_LANDUSE: a->landuse = optarg; break;
        case O_LANDUSE_LAYER: a->landuse_layer = optarg; break;
        case O_DEDUCTION: a->deduction = optarg; break;
        case O_CLASS: a->class_field = optarg; break;
        case O_SYSTEM: a->system = optarg; break;
        case O_URBAN: a->urban_2020 = optarg; break;
        case O_AREA: a->area = optarg; break;
        case O_SLIVER: number = &a->o.sliver_width_m; break;
        case O_PATCH: number = &a->o.min_patch_m2; break;
        case O_MINOR: number = &a->o.minor_overlap_m2; break;
        case O_CAP: number = &a->o.expansion_cap; break;
        case O_SHARE: number = &a->o.farmland_share; break;
        case O_GAP_MIN: number = &a->o.gap_min_m; break;
        case O_GAP_MAX: number = &a->o.gap_max_m; break;
        case O_CSV: a->stats_csv = optarg; break;
        case O_CSV_HEADERS: a->csv_headers = optarg; break;
        case O_ADMIN_ID:
            a->admin_id = optarg;
            a->admin_id_given = 1;
            break;
        case O_ADMIN_NAME:
            a->admin_name = optarg;
            a->admin_name_given = 1;
            break;
        case O_CRS_MISMATCH: a->crs_mismatch = optarg; break;
        case O_ADMIN_CODE_FIELD: a->admin_code_field = optarg; break;
        case O_ADMIN_CODE_LENGTH: {
            char *end = NULL;
            long n = strtol(optarg, &end, 10);
            if (!*optarg || *end || n < 0 || n > 64)
                return cli_usage_error("lines check", check_usage,
                                       "--admin-code-length needs a whole number from 0 to 64, not '%s'", optarg);
            a->admin_code_length = (int)n;
            break;
        }
        case O_ADMIN_NAMES: a->names = optarg; break;
        case O_ADMIN_NAMES_LAYER: a->names_layer = optarg; break;
        case O_ADMIN_NAMES_ID: a->names_id = optarg; break;
        case O_ADMIN_NAMES_NAME: a->names_name = optarg; break;
        case O_ENCODING: a->encoding = optarg; break;
        case O_RULES: {
            /* "L04,L05" -> bits 4 and 5 */
            char list[256];
            snprintf(list, sizeof list, "%s", optarg);
            for (char *tok = strtok(list, ", "); tok; tok = strtok(NULL, ", ")) {
                int n = (tok[0] == 'L' || tok[0] == 'l') ? atoi(tok + 1) : 0;
                if (n < 1 || n > 14)
                    return cli_usage_error("lines check", check_usage, "--rules takes rule ids L01..L14, not '%s'",
                                           tok);
                a->o.rules |= 1u << n;
            }
            break;
        }
        case 'o': a->output = optarg; break;
        case 'h': fputs(check_usage, stdout); return -1;
        default:
            return cli_usage_error("lines check", check_usage, "unknown or incomplete option '%s'", argv[optind - 1]);
        }
        if (number && cli_parse_nonnegative(optarg, number))
            return cli_usage_error("lines check", check_usage, "%s needs a number >= 0, not '%s'", argv[optind - 2],
                                   optarg);
    }
    const char *u = NULL;
    if (a->admin_code_field) {
        if (a->path[SRC_ADMIN] || a->layer[SRC_ADMIN])
            return cli_usage_error("lines check", check_usage,
                                   "--admin-code-field makes the admin units from the land use's codes: leave --admin "
                                   "out");
        if (!a->landuse)
            return cli_usage_error("lines check", check_usage,
                                   "--admin-code-field reads the unit codes of --landuse: give the land use");
    } else if (a->admin_code_length || a->names) {
        return cli_usage_error("lines check", check_usage,
                               "--admin-code-length and --admin-names go with --admin-code-field");
    }
    if ((a->names_layer || a->names_id || a->names_name) && !a->names)
        return cli_usage_error("lines check", check_usage,
                               "--admin-names-layer, -id and -name go with --admin-names FILE");
    char missing[128] = "";
    for (int k = 0; k < NSOURCES; k++) {
        if (a->layer[k] && !a->path[k])
            return cli_usage_error("lines check", check_usage, "%s-layer names a layer of the file given with %s",
                                   source_options[k], source_options[k]);
        if (!a->path[k] && !(k == SRC_ADMIN && a->admin_code_field)) { /* the units made from the codes */
            size_t used = strlen(missing);
            snprintf(missing + used, sizeof missing - used, "%s%s", used ? ", " : "", source_options[k]);
        }
    }
    /* An empty target or name field means none: its rule is not checked (with a note). */
    if (!a->admin_id[0])
        u = "--admin-id needs a field name";
    else if (!a->deduction[0])
        u = "--deduction must be auto, none or a field name";
    else if (optind < argc)
        u = "unexpected argument";
    else if (!a->output)
        u = "-o is required";
    else if (!a->workspace && missing[0])
        return cli_usage_error("lines check", check_usage,
                               "give --workspace, or all four layers: %s %s missing (the workspace holds the layers "
                               "not given)",
                               missing, strchr(missing, ',') ? "are" : "is");
    else if (!a->landuse != !a->class_field)
        u = "--landuse and --class-field go together (L14 compares farmland with the cultivated land of the "
            "land use)";
    else if (a->landuse && !classification_system_known(a->system))
        u = "--system must be a known classification";
    else if (strcmp(a->area, "ellipsoidal") && strcmp(a->area, "planar"))
        u = "--area must be ellipsoidal or planar";
    else if (strcmp(a->crs_mismatch, "reproject") && strcmp(a->crs_mismatch, "fail"))
        u = "--crs-mismatch must be reproject or fail";
    else if (strlen(a->output) < 5 || strcmp(a->output + strlen(a->output) - 5, ".gpkg"))
        u = "-o must be a .gpkg file";
    else if (strcmp(a->csv_headers, "chinese") && strcmp(a->csv_headers, "names"))
        u = "--csv-headers must be chinese or names";
    if (u) return cli_usage_error("lines check", check_usage, "%s", u);
    a->o.area_method = strcmp(a->area, "planar") == 0 ? GUOTU_AREA_PLANAR : GUOTU_AREA_ELLIPSOIDAL;
    return 0;
}

/* ---- the run ---- */

/* A note of the check (guotu_lines_note_fn), with the option that gives what is missing. */
static void print_note(const char *rule, const char *zh, const char *en, const char *hint, void *user) {
    (void)rule;
    (void)zh;
    (void)user;
    fprintf(stderr, "guotu lines check: note: %s%s%s%s\n", en, hint ? " (" : "", hint ? hint : "", hint ? ")" : "");
}

typedef struct check_cli {
    check_args a;
    guotu_lines_job job;
    progress_bar bar;
} check_cli;

/* The summary of the finished check (guotu_lines_report_fn). */
static void print_summary(guotu_context *ctx, const guotu_lines *lines, const guotu_lines_job_summary *s, void *user) {
    check_cli *cli = user;
    const check_args *a = &cli->a;
    progress_bar_done(&cli->bar);
    static const char *const rules[15] = {"",
                                          "invalid geometry",
                                          "duplicate features",
                                          "overlaps within a line",
                                          "red line x farmland",
                                          "red line x urban boundary",
                                          "farmland x urban boundary",
                                          "slivers",
                                          "tiny patches",
                                          "narrow gaps within a line",
                                          "across admin boundaries",
                                          "urban expansion over cap",
                                          "farmland below target",
                                          "red line below target",
                                          "farmland below share of cultivated land"};
    if (a->admin_code_field)
        printf("  admin units: %lld units from the first %d characters of %s of the land use\n", (long long)s->units,
               a->admin_code_length, a->admin_code_field);
    int total = 0;
    if (a->workspace)
        printf("Three-lines check of %s\n", a->workspace);
    else
        printf("Three-lines check of the layers %s, %s, %s and %s\n", s->layer_names[SRC_REDLINE],
               s->layer_names[SRC_FARMLAND], s->layer_names[SRC_URBAN], s->layer_names[SRC_ADMIN]);
    for (int k = 1; k <= 14; k++) {
        int n = s->issues[k][0] + s->issues[k][1] + s->issues[k][2];
        total += n;
        if (n)
            printf("  L%02d %-42s %4d (error %d, warning %d, minor %d)\n", k, rules[k], n, s->issues[k][0],
                   s->issues[k][1], s->issues[k][2]);
    }
    printf("  %d issues, %d accepted as exceptions\n", total, s->accepted);
    for (size_t i = 0; i < guotu_lines_stats_count(lines); i++) {
        guotu_line_stats st;
        guotu_lines_stats_row(ctx, lines, i, &st);
        /* One line per unit: a newline or tab inside a name is printed as a space. */
        char name[256];
        snprintf(name, sizeof name, "%s", st.admin_name ? st.admin_name : "");
        for (char *c = name; *c; c++)
            if ((unsigned char)*c < 0x20) *c = ' ';
        printf("  %s %s: red line %.2f ha, farmland %.2f ha (%.1f mu), urban boundary %.2f ha\n", st.admin_code, name,
               st.redline_ha, st.farmland_ha, st.farmland_ha * 15, st.urban_ha);
    }
    char skipped[64] = "";
    for (int rule = 11; rule <= 14; rule++)
        if (s->skipped & (1u << rule)) {
            size_t used = strlen(skipped);
            snprintf(skipped + used, sizeof skipped - used, " L%02d", rule);
        }
    if (skipped[0]) printf("  not checked:%s (no target: see the notes)\n", skipped);
    if (s->notes) printf("  %d notes in the table 'notes'\n", s->notes);
    printf("  written: %s\n", a->output);
}

static const char *unit_name(const char *unit, void *user) { return zone_names_find((const zone_names *)user, unit); }

static int run_job(guotu_context *ctx, const void *job) { return guotu_lines_job_run(ctx, job); }

int cmd_lines_check(int argc, char **argv) {
    check_cli cli;
    memset(&cli, 0, sizeof cli);
    check_args *a = &cli.a;
    int parsed = parse(argc, argv, a);
    if (parsed) return parsed < 0 ? 0 : 2;
    /* The job refuses them too; here with the tool's other refusals of a path. */
    const char *inputs[] = {a->workspace, a->landuse, a->urban_2020, a->path[0], a->path[1], a->path[2], a->path[3]};
    const char *outputs[] = {a->output, a->stats_csv};
    char err[2048];
    if (io_refuse_overwrite(inputs, 7, outputs, 2, err, sizeof err)) return cli_error("%s", err);
    guotu_lines_job *job = &cli.job;
    guotu_lines_job_init(job);
    job->workspace = a->workspace;
    for (int k = 0; k < NSOURCES; k++) {
        job->source[k] = a->path[k];
        job->source_layer[k] = a->layer[k];
    }
    job->admin_id_field = a->admin_id_given ? a->admin_id : NULL;
    job->admin_name_field = a->admin_name_given ? a->admin_name : NULL;
    for (int k = 0; k < NTARGETS; k++)
        job->target_field[k] = a->target_given[k] ? a->target[k] : NULL;
    job->admin_code_field = a->admin_code_field;
    job->admin_code_length = a->admin_code_length;
    job->landuse = a->landuse;
    job->landuse_layer = a->landuse_layer;
    job->class_field = a->class_field;
    job->system = a->system;
    job->deduction = a->deduction;
    job->urban_2020 = a->urban_2020;
    job->crs_mismatch_fail = strcmp(a->crs_mismatch, "fail") == 0;
    job->encoding = a->encoding;
    job->options = a->o;
    job->output = a->output;
    job->stats_csv = a->stats_csv;
    job->csv_field_names = strcmp(a->csv_headers, "names") == 0;
    job->table_note = print_note;
    job->note = cli_note;
    job->report = print_summary;
    job->report_user = &cli;
    zone_names *names = NULL;
    if (a->names) {
        if (!(names = zone_names_read(a->names, a->names_layer, a->names_id ? a->names_id : "XZQDM",
                                      a->names_name ? a->names_name : "XZQMC", a->encoding, err, sizeof err)))
            return cli_error("%s", err);
        job->unit_name = unit_name;
        job->unit_name_user = names;
    }
    int status = cli_run_job("lines check", &cli.bar, run_job, job);
    zone_names_free(names);
    return status;
}
