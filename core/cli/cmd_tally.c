/* cmd_tally.c — `guotu tally`: area by zone and land-use class, from files. */
#include <getopt.h>
#include <libgen.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli.h"
#include "commands.h"
#include "guotu/guotu.h"
#include "progress_bar.h"
#include "table_writer.h"
#include "tally_runner.h"

typedef struct tally_args {
    tally_inputs in;
    const char *output;
} tally_args;

static const char *const tally_usage =
    "usage: guotu tally (--zones FILE [--zones-layer NAME] --zone-id FIELD |\n"
    "                    --zone-code-field FIELD [--zone-code-length N])\n"
    "                   --landuse FILE [--landuse-layer NAME] [--class-field FIELD]\n"
    "                   [--mask FILE [--mask-layer NAME]] [--area ellipsoidal|planar]\n"
    "                   [--invalid repair|fail] [--raster-mode exact|centre]\n"
    "                   [--crs-mismatch reproject|fail] [--encoding NAME] [--threads N]\n"
    "                   [--deduction auto|none|FIELD] [--deducted-class CODE]\n"
    "                   -o OUT.csv|OUT.gpkg\n"
    "\n"
    "Area in hectares of each land-use class inside each zone. Land use is a polygon layer\n"
    "with a class field, or a categorical raster (no --class-field). Areas are ellipsoidal\n"
    "(on the CRS's own ellipsoid, as the Third National Land Survey reports them) unless\n"
    "--area planar. Area inside --mask polygons (e.g. urban space) is excluded.\n"
    "Inputs in another CRS than the zones are reprojected (a raster is never resampled:\n"
    "the zones are reprojected to it instead); --crs-mismatch fail stops instead.\n"
    "--encoding sets the attribute encoding of Shapefiles without a .cpg (e.g. GBK).\n"
    "--threads: raster land use is split over N threads (default: one per CPU).\n"
    "--deduction: 田坎 as the Third National Land Survey records it — a parcel with deduction\n"
    "coefficient k counts A*(1-k) as its class and A*k as --deducted-class (default 1203).\n"
    "auto (default) uses a field named KCXS when the land use has one; none switches it off.\n"
    "--zone-code-field: no zones layer; each parcel's zone is the first --zone-code-length\n"
    "characters of its own code (三调 ZLDWDM: 6 county, 9 town, 12 village; 0 the whole code).\n"
    "OUT.csv has the columns zone_id,class_code,area_ha; OUT.gpkg a table 'tally' with\n"
    "the same columns and the inputs and parameters in its metadata.\n";

static int parse_tally_args(int argc, char **argv, tally_args *a) {
    static const struct option options[] = {{"zones", required_argument, 0, 'z'},
                                            {"zones-layer", required_argument, 0, 'Z'},
                                            {"zone-id", required_argument, 0, 'i'},
                                            {"landuse", required_argument, 0, 'l'},
                                            {"landuse-layer", required_argument, 0, 'L'},
                                            {"class-field", required_argument, 0, 'c'},
                                            {"mask", required_argument, 0, 'm'},
                                            {"mask-layer", required_argument, 0, 'M'},
                                            {"area", required_argument, 0, 'a'},
                                            {"invalid", required_argument, 0, 'v'},
                                            {"raster-mode", required_argument, 0, 'r'},
                                            {"crs-mismatch", required_argument, 0, 'x'},
                                            {"encoding", required_argument, 0, 'e'},
                                            {"output", required_argument, 0, 'o'},
                                            {"threads", required_argument, 0, 't'},
                                            {"deduction", required_argument, 0, 'k'},
                                            {"zone-code-field", required_argument, 0, 'g'},
                                            {"zone-code-length", required_argument, 0, 'G'},
                                            {"deducted-class", required_argument, 0, 'K'},
                                            {"help", no_argument, 0, 'h'},
                                            {0, 0, 0, 0}};
    memset(a, 0, sizeof *a);
    tally_inputs *in = &a->in;
    in->area = "ellipsoidal";
    in->invalid = "repair";
    in->raster_mode = "exact";
    in->crs_mismatch = "reproject";
    in->class_option = "--class-field";
    in->deduction = "auto";
    in->deducted_class = "1203";
    optind = 1;
    opterr = 0;
    int c;
    while ((c = getopt_long(argc, argv, "o:h", options, NULL)) != -1) {
        switch (c) {
        case 'z': in->zones = optarg; break;
        case 'Z': in->zones_layer = optarg; break;
        case 'i': in->zone_id = optarg; break;
        case 'l': in->landuse = optarg; break;
        case 'L': in->landuse_layer = optarg; break;
        case 'k': in->deduction = optarg; break;
        case 'g': in->zone_code_field = optarg; break;
        case 'G': {
            char *end = NULL;
            long n = strtol(optarg, &end, 10);
            if (!*optarg || *end || n < 0 || n > 64)
                return cli_usage_error("tally", tally_usage,
                                       "--zone-code-length needs a whole number from 0 to 64, "
                                       "not '%s'",
                                       optarg);
            in->zone_code_length = (int)n;
            break;
        }
        case 'K': in->deducted_class = optarg; break;
        case 'c': in->class_field = optarg; break;
        case 'm': in->mask = optarg; break;
        case 'M': in->mask_layer = optarg; break;
        case 'a': in->area = optarg; break;
        case 'v': in->invalid = optarg; break;
        case 'r': in->raster_mode = optarg; break;
        case 'x': in->crs_mismatch = optarg; break;
        case 'e': in->encoding = optarg; break;
        case 'o': a->output = optarg; break;
        case 't':
            if (cli_parse_threads(optarg, &in->threads))
                return cli_usage_error("tally", tally_usage, "--threads needs a whole number from 1 to 64, not '%s'",
                                       optarg);
            break;
        case 'h': fputs(tally_usage, stdout); return -1;
        default: return cli_usage_error("tally", tally_usage, "unknown or incomplete option '%s'", argv[optind - 1]);
        }
    }
    if (optind < argc) return cli_usage_error("tally", tally_usage, "unexpected argument '%s'", argv[optind]);
    if (in->zone_code_field && (in->zones || in->zone_id))
        return cli_usage_error("tally", tally_usage, "give either --zones with --zone-id, or --zone-code-field");
    if ((!in->zone_code_field && (!in->zones || !in->zone_id)) || !in->landuse || !a->output)
        return cli_usage_error("tally", tally_usage,
                               "--zones and --zone-id (or --zone-code-field), --landuse and -o are required");
    char err[256];
    if (tally_inputs_check(in, err, sizeof err)) return cli_usage_error("tally", tally_usage, "%s", err);
    return 0;
}

static int write_output(guotu_context *ctx, const guotu_tally *t, const tally_args *a, const tally_info *info,
                        const guotu_tally_stats *st, double seconds, char *err, size_t err_size) {
    static const table_column columns[] = {
        {"zone_id", COLUMN_TEXT, 0, NULL}, {"class_code", COLUMN_TEXT, 0, NULL}, {"area_ha", COLUMN_REAL, 0, NULL}};
    table_writer *w = NULL;
    if (table_writer_open(&w, a->output, "tally", columns, 3, err, err_size)) return 1;
    size_t n = guotu_tally_result_count(t);
    for (size_t i = 0; i < n; i++) {
        const char *texts[3] = {NULL, NULL, NULL};
        double reals[3] = {0, 0, 0};
        guotu_tally_result(ctx, t, i, &texts[0], &texts[1], &reals[2]);
        if (table_writer_row(w, texts, reals, err, err_size)) {
            table_writer_abort(w);
            return 1;
        }
    }
    char repaired[96], seconds_text[32], when[32];
    snprintf(repaired, sizeof repaired, "zones %lld, land use %lld, mask %lld", (long long)st->repaired_zones,
             (long long)st->repaired_landuse, (long long)st->repaired_mask);
    snprintf(seconds_text, sizeof seconds_text, "%.3f", seconds);
    time_t now = time(NULL);
    strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", gmtime(&now));
    const tally_inputs *in = &a->in;
    char zone_length[16], overlaps[128];
    snprintf(zone_length, sizeof zone_length, "%d", in->zone_code_length);
    snprintf(overlaps, sizeof overlaps, "%lld pairs, %.6f ha", (long long)st->overlapping_zone_pairs,
             st->zone_overlap_area_ha);
    const table_meta meta[] = {
        {"guotu_version", guotu_version()},
        {"created_utc", when},
        {"zones", in->zones ? in->zones : "(the land use's own zone codes)"},
        {"zone_id_field", in->zone_id ? in->zone_id : "(none)"},
        {"zone_code_field", in->zone_code_field ? in->zone_code_field : "(none)"},
        {"zone_code_length", zone_length},
        {"landuse", in->landuse},
        {"class_field", in->class_field ? in->class_field : "(raster values)"},
        {"mask", in->mask ? in->mask : "(none)"},
        {"area_method", in->area},
        {"invalid_policy", in->invalid},
        {"raster_mode", info->raster ? in->raster_mode : "(vector)"},
        {"tiankan_deduction", info->deduction_field[0] ? info->deduction_field : "(none)"},
        {"deducted_class", info->deduction_field[0] ? in->deducted_class : "(none)"},
        {"repaired_geometries", repaired},
        {"overlapping_zones", overlaps},
        {"seconds", seconds_text},
    };
    return table_writer_commit(w, meta, (int)(sizeof meta / sizeof meta[0]), err, err_size);
}

static void print_summary(guotu_context *ctx, const guotu_tally *t, const tally_args *a, const tally_info *info,
                          const guotu_tally_stats *st, double seconds) {
    size_t n = guotu_tally_result_count(t);
    printf("Area by zone and land-use class (%s area)\n", a->in.area);
    if (a->in.zone_code_field)
        printf("  zones: %lld codes from field %s (first %d characters)\n", (long long)st->zones, a->in.zone_code_field,
               a->in.zone_code_length);
    else
        printf("  zones: %lld, %.2f ha (mask excluded)\n", (long long)st->zones, st->zones_area_ha);
    if (info->raster)
        printf("  land use: raster %lld x %lld, %lld nodata cells, %.2f ha\n", (long long)info->raster_width,
               (long long)info->raster_height, (long long)st->nodata_cells, st->landuse_area_ha);
    else
        printf("  land use: %lld polygons, %.2f ha\n", (long long)st->landuse_features, st->landuse_area_ha);
    if (info->deduction_field[0])
        printf("  田坎 deducted by field %s: the deducted share of each parcel is class %s\n", info->deduction_field,
               a->in.deducted_class);
    if (st->repaired_zones || st->repaired_landuse || st->repaired_mask)
        printf("  repaired invalid geometries: zones %lld, land use %lld, mask %lld\n", (long long)st->repaired_zones,
               (long long)st->repaired_landuse, (long long)st->repaired_mask);
    if (st->empty_class_features)
        printf("  empty class: %lld polygons, %.2f ha inside zones (reported as class '')\n",
               (long long)st->empty_class_features, st->empty_class_area_ha);
    printf("  tallied: %.2f ha in %zu (zone, class) rows, %.1f s\n", st->tallied_area_ha, n, seconds);
    if (st->overlapping_zone_pairs) {
        const char *za, *zb;
        double ha = 0;
        guotu_tally_zone_overlap(ctx, t, 0, &za, &zb, &ha);
        fprintf(stderr,
                "guotu: warning: %lld pairs of zones overlap (%.4f ha in all; the largest: '%s' and '%s', %.4f ha): "
                "each zone's rows are right, but a total over the zones counts that ground twice\n",
                (long long)st->overlapping_zone_pairs, st->zone_overlap_area_ha, za, zb, ha);
    }
    /* Region-wide total per class: the first thing a planner checks against the survey. */
    const char *codes[256];
    double areas[256];
    int nclasses = 0;
    for (size_t i = 0; i < n; i++) {
        const char *zone, *code;
        double ha;
        guotu_tally_result(ctx, t, i, &zone, &code, &ha);
        int k = 0;
        while (k < nclasses && strcmp(codes[k], code) != 0)
            k++;
        if (k == nclasses) {
            if (nclasses == 256) continue;
            codes[k] = code;
            areas[k] = 0;
            nclasses++;
        }
        areas[k] += ha;
    }
    printf("  %-12s %16s\n", "class_code", "area_ha");
    for (int k = 0; k < nclasses; k++)
        printf("  %-12s %16.2f\n", codes[k][0] ? codes[k] : "''", areas[k]);
    printf("  written: %s\n", a->output);
}

int cmd_tally(int argc, char **argv) {
    tally_args a;
    int parsed = parse_tally_args(argc, argv, &a);
    if (parsed) return parsed < 0 ? 0 : 2;
    const char *inputs[] = {a.in.zones, a.in.landuse, a.in.mask};
    char refused[2400];
    if (io_refuse_overwrite(inputs, 3, &a.output, 1, refused, sizeof refused)) return cli_error("%s", refused);

    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    char err[2048] = "";
    guotu_context *ctx = guotu_context_create();
    if (!ctx) return cli_error("out of memory");
    progress_bar bar;
    progress_bar_init(&bar);
    a.in.progress = progress_bar_update;
    a.in.progress_user = &bar;
    guotu_tally *t = NULL;
    tally_info info;
    int failed = tally_runner_run(ctx, &a.in, &t, &info, err, sizeof err);
    progress_bar_done(&bar);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double seconds = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
    guotu_tally_stats st;
    memset(&st, 0, sizeof st);
    if (!failed) {
        guotu_tally_get_stats(ctx, t, &st);
        failed = write_output(ctx, t, &a, &info, &st, seconds, err, sizeof err);
    }
    if (!failed)
        print_summary(ctx, t, &a, &info, &st, seconds);
    else
        fprintf(stderr, "guotu tally: error: %s\n", err);
    guotu_tally_destroy(ctx, t);
    guotu_context_destroy(ctx);
    return failed ? 1 : 0;
}
