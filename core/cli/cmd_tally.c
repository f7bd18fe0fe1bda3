/* cmd_tally.c — `guotu tally`: area by zone and land-use class, from files. */
#include <getopt.h>
#include <libgen.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "cli.h"
#include "commands.h"
#include "guotu/guotu.h"
#include "progress_bar.h"
#include "tally_output.h"
#include "tally_runner.h"
#include "zone_names.h"

typedef struct tally_args {
    tally_inputs in;
    const char *output;
    /* --zone-names: a layer naming the zones by their codes (三调 XZQ, CJDCQ) */
    const char *names, *names_layer, *names_id, *names_name;
    zone_names *zone_names;
    int check_abs_given, check_rel_given;
    char check_csv[PATH_MAX]; /* with a CSV output and --area-check: <stem>_area_check.csv */
} tally_args;

static const char *const tally_usage =
    "usage: guotu tally (--zones FILE [--zones-layer NAME] --zone-id FIELD |\n"
    "                    --zone-code-field FIELD [--zone-code-length N])\n"
    "                   --landuse FILE [--landuse-layer NAME] [--class-field FIELD]\n"
    "                   [--mask FILE [--mask-layer NAME]] [--area ellipsoidal|planar]\n"
    "                   [--invalid repair|fail] [--raster-mode exact|centre]\n"
    "                   [--crs-mismatch reproject|fail] [--encoding NAME] [--threads N]\n"
    "                   [--deduction auto|none|FIELD] [--deducted-class CODE]\n"
    "                   [--area-check FIELD [--area-check-abs M2] [--area-check-rel R]]\n"
    "                   [--zone-names FILE [--zone-names-layer L] [--zone-names-id F]\n"
    "                    [--zone-names-name F]]\n"
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
    "--area-check: every parcel's ellipsoidal area, computed on the parcel as read (its own\n"
    "CRS, whatever --area says), against its official area in FIELD (三调 TBMJ, m²): beyond\n"
    "--area-check-abs (default 0.1 m²) + --area-check-rel (default 1e-6) x TBMJ is a finding\n"
    "(geometry edited after the survey, or a wrong CRS). Findings go to the table\n"
    "'area_check' of OUT.gpkg, or to OUT_area_check.csv beside OUT.csv; parcels without an\n"
    "official area (NULL or not a number) are counted apart.\n"
    "--zone-names: each zone's name looked up by its code in a layer as delivered: FIELD\n"
    "--zone-names-id (default XZQDM) and --zone-names-name (default XZQMC) of the XZQ layer of a\n"
    "三调 package for towns or counties, or ZLDWDM/ZLDWMC of its CJDCQ layer for villages (a\n"
    "code padded with zeros names the zone it starts with); it may be the zones layer itself.\n"
    "OUT.csv has the columns zone_id,class_code,area_ha (zone_id,zone_name,class_code,area_ha\n"
    "with --zone-names); OUT.gpkg a table 'tally' with the same columns and the inputs and\n"
    "parameters in its metadata.\n";

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
                                            {"area-check", required_argument, 0, 'q'},
                                            {"area-check-abs", required_argument, 0, 'Q'},
                                            {"area-check-rel", required_argument, 0, 'R'},
                                            {"zone-names", required_argument, 0, 'n'},
                                            {"zone-names-layer", required_argument, 0, 'N'},
                                            {"zone-names-id", required_argument, 0, 'j'},
                                            {"zone-names-name", required_argument, 0, 'J'},
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
    in->area_check_abs = 0.1;
    in->area_check_rel = 1e-6;
    in->note = cli_note;
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
        case 'n': a->names = optarg; break;
        case 'N': a->names_layer = optarg; break;
        case 'j': a->names_id = optarg; break;
        case 'J': a->names_name = optarg; break;
        case 'q': in->area_check_field = optarg; break;
        case 'Q':
        case 'R':
            if (cli_parse_nonnegative(optarg, c == 'Q' ? &in->area_check_abs : &in->area_check_rel))
                return cli_usage_error("tally", tally_usage, "%s needs a number >= 0, not '%s'",
                                       c == 'Q' ? "--area-check-abs" : "--area-check-rel", optarg);
            *(c == 'Q' ? &a->check_abs_given : &a->check_rel_given) = 1;
            break;
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
    if ((a->names_layer || a->names_id || a->names_name) && !a->names)
        return cli_usage_error("tally", tally_usage, "--zone-names-layer, -id and -name go with --zone-names FILE");
    if (!a->names_id) a->names_id = "XZQDM";
    if (!a->names_name) a->names_name = "XZQMC";
    if ((a->check_abs_given || a->check_rel_given) && !in->area_check_field)
        return cli_usage_error("tally", tally_usage, "%s needs --area-check FIELD (e.g. TBMJ)",
                               a->check_abs_given ? "--area-check-abs" : "--area-check-rel");
    if (in->area_check_field && !*in->area_check_field)
        return cli_usage_error("tally", tally_usage, "--area-check needs a field name (e.g. TBMJ)");
    char err[256];
    if (tally_inputs_check(in, err, sizeof err)) return cli_usage_error("tally", tally_usage, "%s", err);
    size_t n = strlen(a->output);
    if (in->area_check_field && n >= 4 && !strcasecmp(a->output + n - 4, ".csv") &&
        snprintf(a->check_csv, sizeof a->check_csv, "%.*s_area_check.csv", (int)(n - 4), a->output) >=
            (int)sizeof a->check_csv)
        return cli_usage_error("tally", tally_usage, "the output path '%s' is too long", a->output);
    return 0;
}

/* The area check: checked, findings, largest difference; parcels without an official area. */
static void print_area_check(const tally_args *a, const tally_info *info) {
    char tolerance[160];
    tally_output_tolerance_text(&a->in, info, tolerance, sizeof tolerance);
    printf("  area check against %s (%s; tolerance %s): parcels checked: %lld, findings: %lld", info->area_check_field,
           info->area_check_method, tolerance, (long long)info->area_checked, (long long)info->area_findings);
    if (info->area_largest_fid >= 0)
        printf(", largest difference: %.3f m² (fid %lld)", info->area_largest_m2, (long long)info->area_largest_fid);
    printf("\n");
    if (info->area_findings && a->check_csv[0])
        printf("  findings: %s\n", a->check_csv);
    else if (info->area_findings)
        printf("  findings: table 'area_check' of %s\n", a->output);
    if (!info->area_no_official) return;
    int64_t kept = (int64_t)(sizeof info->area_no_official_fids / sizeof info->area_no_official_fids[0]);
    printf("  parcels without an official area (%s NULL or not a number): %lld (fid", info->area_check_field,
           (long long)info->area_no_official);
    for (int64_t i = 0; i < info->area_no_official && i < kept; i++)
        printf("%s%lld", i ? ", " : " ", (long long)info->area_no_official_fids[i]);
    printf("%s)\n", info->area_no_official > kept ? ", …" : "");
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
    if (a->in.area_check_field) print_area_check(a, info);
    if (a->zone_names) {
        char first[256];
        size_t unnamed = tally_output_unnamed_zones(ctx, t, a->zone_names, first, sizeof first);
        printf("  zone names: %s of layer %s\n", a->names_name, zone_names_layer(a->zone_names));
        if (unnamed)
            fprintf(stderr,
                    "guotu: warning: %zu zones have no name in layer '%s' (the first: '%s'): their zone_name is "
                    "empty\n",
                    unnamed, zone_names_layer(a->zone_names), first);
    }
    printf("  written: %s\n", a->output);
    if (a->check_csv[0]) printf("  written: %s\n", a->check_csv);
}

int cmd_tally(int argc, char **argv) {
    tally_args a;
    int parsed = parse_tally_args(argc, argv, &a);
    if (parsed) return parsed < 0 ? 0 : 2;
    const char *inputs[] = {a.in.zones, a.in.landuse, a.in.mask, a.names};
    const char *outputs[] = {a.output, a.check_csv[0] ? a.check_csv : NULL};
    char refused[2400];
    if (io_refuse_overwrite(inputs, 4, outputs, 2, refused, sizeof refused)) return cli_error("%s", refused);
    if (a.names && !(a.zone_names = zone_names_read(a.names, a.names_layer, a.names_id, a.names_name, a.in.encoding,
                                                    refused, sizeof refused)))
        return cli_error("%s", refused);

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
    memset(&info, 0, sizeof info);
    tally_output out;
    tally_output_spec spec = {&a.in,      a.output,    a.check_csv[0] ? a.check_csv : NULL, a.zone_names, a.names,
                              a.names_id, a.names_name};
    int failed = tally_output_open(&out, &spec, err, sizeof err);
    if (!failed) {
        a.in.area_finding = tally_output_finding;
        a.in.area_finding_user = &out;
        failed = tally_runner_run(ctx, &a.in, &t, &info, err, sizeof err);
    }
    progress_bar_done(&bar);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double seconds = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
    guotu_tally_stats st;
    memset(&st, 0, sizeof st);
    if (!failed) {
        guotu_tally_get_stats(ctx, t, &st);
        failed = tally_output_write(ctx, t, &out, &info, &st, seconds, err, sizeof err);
    }
    tally_output_abort(&out); /* whatever was not committed */
    if (!failed)
        print_summary(ctx, t, &a, &info, &st, seconds);
    else
        fprintf(stderr, "guotu tally: error: %s\n", err);
    guotu_tally_destroy(ctx, t);
    guotu_context_destroy(ctx);
    zone_names_free(a.zone_names);
    return failed ? 1 : 0;
}
