/* cmd_convert.c — `guotu convert`: land-use conversion map between two polygon layers.
 * The options become a guotu_convert_job (guotu_io.h), which the I/O library runs; this
 * file parses, shows progress and prints the summary. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli.h"
#include "commands.h"
#include "guotu/guotu_io.h"
#include "progress_bar.h"
#include "raster_source.h"
#include "resources.h"
#include "zone_names.h"

static const char *const convert_usage =
    "usage: guotu convert --before FILE [--before-layer NAME] --before-class-field F --before-system S\n"
    "         --after FILE [--after-layer NAME] --after-class-field F --after-system S\n"
    "         [--zones FILE [--zones-layer NAME] --zone-id F | --zone-code-field F --zone-code-length N\n"
    "          [--zone-names FILE [--zone-names-layer L] [--zone-names-id F] [--zone-names-name F]]]\n"
    "         [--workspace W.gpkg] [--policy CSV]\n"
    "         [--before-categories CSV] [--after-categories CSV]\n"
    "         [--area ellipsoidal|planar] [--invalid repair|fail] [--crs-mismatch reproject|fail]\n"
    "         [--encoding NAME] [--threads N] [--resample-to before|after] -o OUT.gpkg\n"
    "         [--before-where SQL] [--after-where SQL] [--zones-where SQL]\n"
    "\n"
    "Land-use conversion map (用途转用, SPEC §4): the two layers are overlaid as vectors; every\n"
    "piece gets its codes, their policy categories (from each system's preset, or your own\n"
    "code,category table), the policy status — same, path, conditional, prohibited, gap — with\n"
    "its legal paths in Chinese and English, its area and the change in standard-forest ha\n"
    "(voucher coefficients). Systems: CAS_LUCC, SANDIAO_WORK, GBT21010_2017, YDYH_2023.\n"
    "--policy replaces the 10 x 10 policy table (columns from,to,status,paths_zh,paths_en).\n"
    "--before-where, --after-where and --zones-where read only the features matching an\n"
    "attribute filter (an OGR SQL WHERE clause, e.g. \"ZLDWDM LIKE '330106%'\").\n"
    "--threads splits the after layer over N overlay threads while one more writes the\n"
    "output (default: one per CPU).\n"
    "--workspace takes a three-lines workspace (`guotu lines init`): pieces are split by the\n"
    "red line, permanent farmland and urban boundary (the red line wins where they overlap,\n"
    "then farmland), conversions gets a field `line` and OUT.gpkg a table line_summary\n"
    "(area by zone, line and status).\n"
    "--zone-code-field (三调 ZLDWDM) and --zone-code-length (6 county, 9 town, 12 village; 0 the\n"
    "whole code): a matrix per survey unit without a zones layer — each piece belongs to the unit\n"
    "of the before-year parcel it comes from (its zone_id); OUT.gpkg gains the table\n"
    "unit_transitions (unit_id, unit_name, from_code, to_code, categories, status, area_ha,\n"
    "dm_ha), whose sums over the units are the whole matrix. --zone-names names the units from a\n"
    "layer as delivered, as `guotu tally` does: XZQ (--zone-names-id XZQDM, --zone-names-name\n"
    "XZQMC, the defaults) for counties and towns, CJDCQ or the survey itself (ZLDWDM, ZLDWMC)\n"
    "for villages; a code padded with zeros names the unit it starts with (unit_name is empty\n"
    "for a unit without a name).\n"
    "OUT.gpkg holds conversions (polygons), transitions (by category and by code, per zone\n"
    "and for all zones '*'), status_summary and unknown_codes.\n"
    "\n"
    "Rasters: when both inputs are categorical rasters (GeoTIFF) on the same grid (CRS,\n"
    "geotransform, size), every cell counts with its ellipsoidal area for its pair (before\n"
    "value, after value); the tables are as above and, instead of polygons, OUT_conversions.tif\n"
    "(next to OUT.gpkg) holds each cell's status (1 same, 2 path, 3 conditional, 4 prohibited,\n"
    "5 gap, 6 unknown; 0 nodata) with a colour table. Rasters on different grids are refused\n"
    "unless --resample-to before|after (nearest neighbour onto that raster's grid). A raster\n"
    "with a vector layer, and --zones or --workspace with rasters, are refused.\n";

typedef struct convert_args {
    const char *before, *before_layer, *before_where, *before_class, *before_system;
    const char *after, *after_layer, *after_where, *after_class, *after_system;
    const char *zones, *zones_layer, *zones_where, *zone_id, *workspace;
    const char *policy, *before_categories, *after_categories;
    const char *area, *invalid, *crs_mismatch, *encoding, *output;
    const char *resample_to;
    int threads;
    const char *zone_code_field; /* matrices per unit of the before parcels' codes */
    int zone_code_length;
    const char *names, *names_layer, *names_id, *names_name; /* --zone-names: the units' names */
} convert_args;

enum {
    O_BEFORE = 256,
    O_BEFORE_LAYER,
    O_BEFORE_CLASS,
    O_BEFORE_SYSTEM,
    O_AFTER,
    O_AFTER_LAYER,
    O_AFTER_CLASS,
    O_AFTER_SYSTEM,
    O_ZONES,
    O_ZONES_LAYER,
    O_ZONE_ID,
    O_POLICY,
    O_BEFORE_CATS,
    O_AFTER_CATS,
    O_AREA,
    O_INVALID,
    O_CRS,
    O_ENCODING,
    O_THREADS,
    O_WORKSPACE,
    O_RESAMPLE,
    O_BEFORE_WHERE,
    O_AFTER_WHERE,
    O_ZONES_WHERE,
    O_ZONE_CODE_FIELD,
    O_ZONE_CODE_LENGTH,
    O_NAMES,
    O_NAMES_LAYER,
    O_NAMES_ID,
    O_NAMES_NAME
};

static int parse_convert_args(int argc, char **argv, convert_args *a) {
    static const struct option options[] = {{"before", 1, 0, O_BEFORE},
                                            {"before-layer", 1, 0, O_BEFORE_LAYER},
                                            {"before-class-field", 1, 0, O_BEFORE_CLASS},
                                            {"before-system", 1, 0, O_BEFORE_SYSTEM},
                                            {"after", 1, 0, O_AFTER},
                                            {"after-layer", 1, 0, O_AFTER_LAYER},
                                            {"after-class-field", 1, 0, O_AFTER_CLASS},
                                            {"after-system", 1, 0, O_AFTER_SYSTEM},
                                            {"zones", 1, 0, O_ZONES},
                                            {"zones-layer", 1, 0, O_ZONES_LAYER},
                                            {"zone-id", 1, 0, O_ZONE_ID},
                                            {"policy", 1, 0, O_POLICY},
                                            {"before-categories", 1, 0, O_BEFORE_CATS},
                                            {"after-categories", 1, 0, O_AFTER_CATS},
                                            {"area", 1, 0, O_AREA},
                                            {"invalid", 1, 0, O_INVALID},
                                            {"crs-mismatch", 1, 0, O_CRS},
                                            {"encoding", 1, 0, O_ENCODING},
                                            {"output", 1, 0, 'o'},
                                            {"threads", 1, 0, O_THREADS},
                                            {"workspace", 1, 0, O_WORKSPACE},
                                            {"resample-to", 1, 0, O_RESAMPLE},
                                            {"before-where", 1, 0, O_BEFORE_WHERE},
                                            {"after-where", 1, 0, O_AFTER_WHERE},
                                            {"zones-where", 1, 0, O_ZONES_WHERE},
                                            {"zone-code-field", 1, 0, O_ZONE_CODE_FIELD},
                                            {"zone-code-length", 1, 0, O_ZONE_CODE_LENGTH},
                                            {"zone-names", 1, 0, O_NAMES},
                                            {"zone-names-layer", 1, 0, O_NAMES_LAYER},
                                            {"zone-names-id", 1, 0, O_NAMES_ID},
                                            {"zone-names-name", 1, 0, O_NAMES_NAME},
                                            {"help", 0, 0, 'h'},
                                            {0, 0, 0, 0}};
    memset(a, 0, sizeof *a);
    a->policy = "policy";
    a->area = "ellipsoidal";
    a->invalid = "repair";
    a->crs_mismatch = "reproject";
    optind = 1;
    opterr = 0;
    int c;
    while ((c = getopt_long(argc, argv, "o:h", options, NULL)) != -1) {
        switch (c) {
        case O_BEFORE: a->before = optarg; break;
        case O_BEFORE_LAYER: a->before_layer = optarg; break;
        case O_BEFORE_CLASS: a->before_class = optarg; break;
        case O_BEFORE_SYSTEM: a->before_system = optarg; break;
        case O_AFTER: a->after = optarg; break;
        case O_AFTER_LAYER: a->after_layer = optarg; break;
        case O_AFTER_CLASS: a->after_class = optarg; break;
        case O_AFTER_SYSTEM: a->after_system = optarg; break;
        case O_ZONES: a->zones = optarg; break;
        case O_ZONES_LAYER: a->zones_layer = optarg; break;
        case O_ZONE_ID: a->zone_id = optarg; break;
        case O_POLICY: a->policy = optarg; break;
        case O_BEFORE_CATS: a->before_categories = optarg; break;
        case O_AFTER_CATS: a->after_categories = optarg; break;
        case O_AREA: a->area = optarg; break;
        case O_INVALID: a->invalid = optarg; break;
        case O_CRS: a->crs_mismatch = optarg; break;
        case O_ENCODING: a->encoding = optarg; break;
        case O_THREADS:
            if (cli_parse_threads(optarg, &a->threads))
                return cli_usage_error("convert", convert_usage,
                                       "--threads needs a whole number from 1 to 64, not '%s'", optarg);
            break;
        case O_WORKSPACE: a->workspace = optarg; break;
        case O_RESAMPLE: a->resample_to = optarg; break;
        case O_BEFORE_WHERE: a->before_where = optarg; break;
        case O_AFTER_WHERE: a->after_where = optarg; break;
        case O_ZONES_WHERE: a->zones_where = optarg; break;
        case O_ZONE_CODE_FIELD: a->zone_code_field = optarg; break;
        case O_NAMES: a->names = optarg; break;
        case O_NAMES_LAYER: a->names_layer = optarg; break;
        case O_NAMES_ID: a->names_id = optarg; break;
        case O_NAMES_NAME: a->names_name = optarg; break;
        case O_ZONE_CODE_LENGTH: {
            char *end = NULL;
            long n = strtol(optarg, &end, 10);
            if (!*optarg || *end || n < 0 || n > 64)
                return cli_usage_error("convert", convert_usage,
                                       "--zone-code-length needs a whole number from 0 to 64, not '%s'", optarg);
            a->zone_code_length = (int)n;
            break;
        }
        case 'o': a->output = optarg; break;
        case 'h': fputs(convert_usage, stdout); return -1;
        default:
            return cli_usage_error("convert", convert_usage, "unknown or incomplete option '%s'", argv[optind - 1]);
        }
    }
    const char *u = NULL;
    if (optind < argc)
        u = "unexpected argument";
    else if (!a->before || !a->after || !a->before_system || !a->after_system || !a->output)
        u = "--before, --after, --before-system, --after-system and -o are required";
    else if (!classification_system_known(a->before_system) || !classification_system_known(a->after_system))
        u = "systems must be CAS_LUCC, SANDIAO_WORK, GBT21010_2017 or YDYH_2023";
    else if (!a->zones != !a->zone_id)
        u = "--zones and --zone-id go together";
    else if (a->zone_code_field && a->zones)
        u = "give --zones (polygons) or --zone-code-field (the before parcels' unit codes), not both";
    else if (a->zone_code_length && !a->zone_code_field)
        u = "--zone-code-length goes with --zone-code-field";
    else if (a->names && !a->zone_code_field)
        u = "--zone-names names the units of --zone-code-field";
    else if ((a->names_layer || a->names_id || a->names_name) && !a->names)
        u = "--zone-names-layer, -id and -name go with --zone-names FILE";
    else if (strcmp(a->area, "ellipsoidal") && strcmp(a->area, "planar"))
        u = "--area must be ellipsoidal or planar";
    else if (strcmp(a->invalid, "repair") && strcmp(a->invalid, "fail"))
        u = "--invalid must be repair or fail";
    else if (strcmp(a->crs_mismatch, "reproject") && strcmp(a->crs_mismatch, "fail"))
        u = "--crs-mismatch must be reproject or fail";
    else if (strlen(a->output) < 5 || strcmp(a->output + strlen(a->output) - 5, ".gpkg") != 0)
        u = "the output must be a .gpkg file";
    else if (a->resample_to && strcmp(a->resample_to, "before") && strcmp(a->resample_to, "after"))
        u = "--resample-to must be before or after";
    if (u) return cli_usage_error("convert", convert_usage, "%s", u);
    return 0;
}

typedef struct convert_cli {
    convert_args a;
    zone_names *names; /* --zone-names */
    size_t unnamed;    /* units without a name there, and the first of them */
    char first_unnamed[256];
    int rasters;
    double t0;
} convert_cli;

static double now_seconds(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* The run's report callback: the summary from the finished tables. */
static void print_summary(guotu_context *ctx, const guotu_convert *cv, void *user) {
    const convert_cli *c = user;
    const convert_args *a = &c->a;
    double seconds = now_seconds() - c->t0;
    guotu_convert_stats st;
    guotu_convert_get_stats(ctx, cv, &st);
    printf("Land-use conversion %s (%s) -> %s (%s), %s area\n", a->before, a->before_system, a->after, a->after_system,
           a->area);
    if (c->rasters) {
        printf("  before: %.2f ha with data; after: %.2f ha with data\n", st.before_area_ha, st.after_area_ha);
        printf("  overlaid: %.2f ha in %lld cells (%lld cells without data on either side skipped), %.1f s\n",
               st.overlaid_area_ha, (long long)st.cells, (long long)st.nodata_cells, seconds);
    } else {
        printf("  before: %lld polygons, %.2f ha; after: %lld polygons, %.2f ha\n", (long long)st.before_features,
               st.before_area_ha, (long long)st.after_features, st.after_area_ha);
        printf("  overlaid: %.2f ha in %lld pieces, %.1f s\n", st.overlaid_area_ha, (long long)st.pieces, seconds);
    }
    const char *all = a->zones ? "*" : "";
    for (size_t i = 0; i < guotu_convert_status_count(cv); i++) {
        guotu_status_area row;
        guotu_convert_status_row(ctx, cv, i, &row);
        if (!strcmp(row.zone_id, all)) printf("  %-12s %14.2f ha\n", row.status, row.area_ha);
    }
    if (a->workspace) {
        printf("  three lines: %lld features\n", (long long)st.line_features);
        for (size_t i = 0; i < guotu_convert_line_count(cv); i++) {
            guotu_line_status_area row;
            guotu_convert_line_row(ctx, cv, i, &row);
            if (!strcmp(row.zone_id, all) && row.line[0])
                printf("  in %-19s %-12s %14.2f ha\n", row.line, row.status, row.area_ha);
        }
    }
    for (size_t i = 0; i < guotu_convert_unknown_count(cv); i++) {
        guotu_unknown_code u;
        guotu_convert_unknown_row(ctx, cv, i, &u);
        printf("  note: code '%s' of the %s layer has no category (%.2f ha reported as 'unknown')\n", u.code,
               u.side ? "after" : "before", u.area_ha);
    }
    if (a->zone_code_field)
        printf("  per unit (first %d characters of %s of the before parcels): table unit_transitions\n",
               a->zone_code_length, a->zone_code_field);
    if (c->names) printf("  unit names: %s of layer %s of %s\n", a->names_name, zone_names_layer(c->names), a->names);
    printf("  written: %s\n", a->output);
    if (c->rasters) {
        size_t n = strlen(a->output) - 5; /* ".gpkg" */
        printf("  written: %.*s_conversions.tif (status per cell)\n", (int)n, a->output);
    }
}

static const char *unit_name(const char *unit, void *user) {
    convert_cli *c = user;
    const char *name = zone_names_find(c->names, unit);
    if (!name && !c->unnamed++) snprintf(c->first_unnamed, sizeof c->first_unnamed, "%s", unit);
    return name;
}

static int run_job(guotu_context *ctx, const void *job) { return guotu_convert_job_run(ctx, job); }

int cmd_convert(int argc, char **argv) {
    convert_cli c;
    memset(&c, 0, sizeof c);
    int parsed = parse_convert_args(argc, argv, &c.a);
    if (parsed) return parsed < 0 ? 0 : 2;
    const convert_args *a = &c.a;
    guotu_convert_job job;
    guotu_convert_job_init(&job);
    job.before = a->before;
    job.before_layer = a->before_layer;
    job.before_where = a->before_where;
    job.before_class_field = a->before_class;
    job.before_system = a->before_system;
    job.after = a->after;
    job.after_layer = a->after_layer;
    job.after_where = a->after_where;
    job.after_class_field = a->after_class;
    job.after_system = a->after_system;
    job.zones = a->zones;
    job.zones_layer = a->zones_layer;
    job.zones_where = a->zones_where;
    job.zone_id_field = a->zone_id;
    job.zone_code_field = a->zone_code_field;
    job.zone_code_length = a->zone_code_length;
    job.workspace = a->workspace;
    job.before_categories = a->before_categories;
    job.after_categories = a->after_categories;
    job.policy = a->policy;
    job.area_method = strcmp(a->area, "planar") == 0 ? GUOTU_AREA_PLANAR : GUOTU_AREA_ELLIPSOIDAL;
    job.invalid = strcmp(a->invalid, "fail") == 0 ? GUOTU_INVALID_FAIL : GUOTU_INVALID_REPAIR;
    job.crs_mismatch_fail = strcmp(a->crs_mismatch, "fail") == 0;
    job.encoding = a->encoding;
    job.resample_to = a->resample_to;
    job.threads = a->threads;
    job.output = a->output;
    job.note = cli_note;
    job.report = print_summary;
    job.report_user = &c;
    if (a->names) {
        char err[2048];
        if (!(c.names = zone_names_read(a->names, a->names_layer, a->names_id ? a->names_id : "XZQDM",
                                        a->names_name ? a->names_name : "XZQMC", a->encoding, err, sizeof err)))
            return cli_error("%s", err);
        c.a.names_name = a->names_name ? a->names_name : "XZQMC";
        job.unit_name = unit_name;
        job.unit_name_user = &c;
    }
    c.rasters = raster_source_probe(a->before) && raster_source_probe(a->after);
    c.t0 = now_seconds();
    progress_bar bar;
    int status = cli_run_job("convert", &bar, run_job, &job);
    if (!status && c.unnamed)
        fprintf(stderr,
                "guotu: warning: %zu units have no name in layer '%s' (the first: '%s'): their unit_name is empty\n",
                c.unnamed, zone_names_layer(c.names), c.first_unnamed);
    zone_names_free(c.names);
    return status;
}
