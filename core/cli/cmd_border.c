/* cmd_border.c — `guotu border`: conflicts along the shared borders of adjacent cities. */
#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "commands.h"
#include "guotu/guotu_io.h"
#include "io_util.h"
#include "progress_bar.h"

static const char *const usage =
    "usage: guotu border --admin FILE [--admin-layer L] --admin-id F [--admin-name F]\n"
    "         --elements FILE [--elements-layer L] (--city-field F | --city-from-layer)\n"
    "         --category-field F [--name-field F]\n"
    "         [--corridor M] [--reach M] [--snap M] [--min-length M] [--min-area M2]\n"
    "         [--basemap-min M2] [--weights OVERLAP,MISMATCH,GAP,DISCONTINUITY]\n"
    "         [--area ellipsoidal|planar] [--crs CRS] [--encoding NAME] [--threads N] -o OUT.gpkg\n"
    "\n"
    "Cross-city boundary conflicts (SPEC §6). Finds the adjacent admin units (cities or\n"
    "counties) robustly (small gaps and overlaps between neighbours within --snap, default\n"
    "1 m, still give one shared border; the base map's own overlaps, gaps and invalid\n"
    "geometry are reported), then compares the ecological elements the two sides submitted\n"
    "within a corridor of --corridor metres (default 200) on each side of every border:\n"
    "  overlap            an element beyond its own city, or both cities' elements on the\n"
    "                     same ground (area at least --min-area, default 100 m²)\n"
    "  gap                one side's element reaches the border (within --reach, default 5 m),\n"
    "                     the other's stops short inside the corridor: an unprotected strip\n"
    "  discontinuity      one side's element reaches the border, the other side has nothing\n"
    "  category_mismatch  both reach the border with different categories\n"
    "(gaps, discontinuities and mismatches at least --min-length long, default 10 m).\n"
    "Elements come in one layer with a city field (the admin id) and a category field, or\n"
    "with --city-from-layer one layer per city named by its admin id (every polygon layer of\n"
    "--elements). Elements with no city or an unknown city are reported, not compared.\n"
    "Every layer is reprojected to the admin layer's CRS or --crs. Distances are metres: with\n"
    "geographic CGCS2000 or WGS 84 data (e.g. EPSG:4490) the run works in the 3-degree\n"
    "Gauss-Krüger zone of the admin units' and elements' centre (EPSG:4534-4554,\n"
    "CM = 3*round(lon/3)), says so in a note and writes the outputs in that zone.\n"
    "Writes OUT.gpkg: border_conflicts (polygons), border_conflict_lines (border segments of\n"
    "each conflict), shared_borders (every border segment with its status), pair_summary\n"
    "(lengths, areas and a score per pair), basemap_issues and basemap_issue_points.\n"
    "Score = 100 x weighted conflict length / border length faced by an element, weights\n"
    "default 1,1,0.75,0.5. --encoding sets the attribute encoding of Shapefiles without a\n"
    ".cpg (e.g. CP936 for GBK). --threads: pairs of units are shared among N threads\n"
    "(default one per CPU, at most 8); the results, their order and the conflict ids do\n"
    "not depend on it.\n";

typedef struct border_args {
    guotu_border_job job;
    const char *area;
} border_args;

enum {
    O_ADMIN = 256,
    O_ADMIN_LAYER,
    O_ADMIN_ID,
    O_ADMIN_NAME,
    O_ELEMENTS,
    O_ELEMENTS_LAYER,
    O_CITY,
    O_CITY_LAYER,
    O_CATEGORY,
    O_NAME,
    O_CORRIDOR,
    O_REACH,
    O_SNAP,
    O_MIN_LENGTH,
    O_MIN_AREA,
    O_BASEMAP_MIN,
    O_WEIGHTS,
    O_AREA,
    O_CRS,
    O_ENCODING,
    O_THREADS
};

static int parse_weights(const char *text, guotu_border_options *o) {
    double w[4];
    char *end = NULL;
    const char *p = text;
    for (int i = 0; i < 4; i++) {
        w[i] = strtod(p, &end);
        if (end == p || !(w[i] >= 0) || !isfinite(w[i])) return 1;
        if (i < 3 && *end != ',') return 1;
        p = end + 1;
    }
    if (*end) return 1;
    o->weight_overlap = w[0];
    o->weight_mismatch = w[1];
    o->weight_gap = w[2];
    o->weight_discontinuity = w[3];
    return 0;
}

static int parse(int argc, char **argv, border_args *a) {
    static const struct option options[] = {{"admin", 1, 0, O_ADMIN},
                                            {"admin-layer", 1, 0, O_ADMIN_LAYER},
                                            {"admin-id", 1, 0, O_ADMIN_ID},
                                            {"admin-name", 1, 0, O_ADMIN_NAME},
                                            {"elements", 1, 0, O_ELEMENTS},
                                            {"elements-layer", 1, 0, O_ELEMENTS_LAYER},
                                            {"city-field", 1, 0, O_CITY},
                                            {"city-from-layer", 0, 0, O_CITY_LAYER},
                                            {"category-field", 1, 0, O_CATEGORY},
                                            {"name-field", 1, 0, O_NAME},
                                            {"corridor", 1, 0, O_CORRIDOR},
                                            {"reach", 1, 0, O_REACH},
                                            {"snap", 1, 0, O_SNAP},
                                            {"min-length", 1, 0, O_MIN_LENGTH},
                                            {"min-area", 1, 0, O_MIN_AREA},
                                            {"basemap-min", 1, 0, O_BASEMAP_MIN},
                                            {"weights", 1, 0, O_WEIGHTS},
                                            {"area", 1, 0, O_AREA},
                                            {"crs", 1, 0, O_CRS},
                                            {"encoding", 1, 0, O_ENCODING},
                                            {"threads", 1, 0, O_THREADS},
                                            {"output", 1, 0, 'o'},
                                            {"help", 0, 0, 'h'},
                                            {0, 0, 0, 0}};
    memset(a, 0, sizeof *a);
    guotu_border_job_init(&a->job);
    a->area = "ellipsoidal";
    optind = 1;
    opterr = 0;
    int c;
    while ((c = getopt_long(argc, argv, "o:h", options, NULL)) != -1) {
        double *number = NULL;
        switch (c) {
        case O_ADMIN: a->job.admin = optarg; break;
        case O_ADMIN_LAYER: a->job.admin_layer = optarg; break;
        case O_ADMIN_ID: a->job.admin_id_field = optarg; break;
        case O_ADMIN_NAME: a->job.admin_name_field = optarg; break;
        case O_ELEMENTS: a->job.elements = optarg; break;
        case O_ELEMENTS_LAYER: a->job.elements_layer = optarg; break;
        case O_CITY: a->job.city_field = optarg; break;
        case O_CITY_LAYER: a->job.city_from_layer = 1; break;
        case O_CATEGORY: a->job.category_field = optarg; break;
        case O_NAME: a->job.name_field = optarg; break;
        case O_CORRIDOR: number = &a->job.options.corridor_m; break;
        case O_REACH: number = &a->job.options.reach_m; break;
        case O_SNAP: number = &a->job.options.snap_m; break;
        case O_MIN_LENGTH: number = &a->job.options.min_length_m; break;
        case O_MIN_AREA: number = &a->job.options.min_area_m2; break;
        case O_BASEMAP_MIN: number = &a->job.options.basemap_min_m2; break;
        case O_WEIGHTS:
            if (parse_weights(optarg, &a->job.options))
                return cli_usage_error("border", usage, "--weights takes four numbers >= 0 like 1,1,0.75,0.5, not '%s'",
                                       optarg);
            break;
        case O_AREA: a->area = optarg; break;
        case O_CRS: a->job.crs = optarg; break;
        case O_ENCODING: a->job.encoding = optarg; break;
        case O_THREADS:
            if (cli_parse_threads(optarg, &a->job.threads))
                return cli_usage_error("border", usage, "--threads needs a whole number from 1 to 64, not '%s'",
                                       optarg);
            break;
        case 'o': a->job.output = optarg; break;
        case 'h': fputs(usage, stdout); return -1;
        default: return cli_usage_error("border", usage, "unknown or incomplete option '%s'", argv[optind - 1]);
        }
        if (number && cli_parse_nonnegative(optarg, number))
            return cli_usage_error("border", usage, "%s needs a number >= 0, not '%s'", argv[optind - 2], optarg);
    }
    const char *u = NULL;
    if (optind < argc)
        u = "unexpected argument";
    else if (!a->job.admin || !a->job.admin_id_field)
        u = "--admin and --admin-id are required";
    else if (!a->job.elements || !a->job.category_field)
        u = "--elements and --category-field are required";
    else if (!a->job.city_field == !a->job.city_from_layer)
        u = "give either --city-field or --city-from-layer";
    else if (a->job.city_from_layer && a->job.elements_layer)
        u = "--city-from-layer reads every layer: no --elements-layer";
    else if (!a->job.output)
        u = "-o is required";
    else if (strcmp(a->area, "ellipsoidal") && strcmp(a->area, "planar"))
        u = "--area must be ellipsoidal or planar";
    else if (strlen(a->job.output) < 5 || strcmp(a->job.output + strlen(a->job.output) - 5, ".gpkg"))
        u = "-o must be a .gpkg file";
    if (u) return cli_usage_error("border", usage, "%s", u);
    a->job.options.area_method = strcmp(a->area, "planar") == 0 ? GUOTU_AREA_PLANAR : GUOTU_AREA_ELLIPSOIDAL;
    return 0;
}

/* The job, its summary and the terminal's progress bar. */
typedef struct border_cli {
    border_args a;
    guotu_border_job_info info;
    progress_bar bar;
} border_cli;

/* The working CRS's Gauss-Krüger zone, as the command prints it; reprojected layers go to
 * cli_note. */
static void border_crs_note(const char *message, void *user) {
    (void)user;
    fprintf(stderr, "guotu border: note: %s\n", message);
}

static void print_summary(const border_cli *cli) {
    const guotu_border_stats *st = &cli->info.stats;
    const int64_t *counts = cli->info.conflicts;
    printf("Cross-city borders: %lld admin units, %lld adjacent pairs, %lld elements (%lld near a shared border)\n",
           (long long)st->admins, (long long)cli->info.pairs, (long long)st->elements,
           (long long)st->elements_compared);
    printf("  conflicts: %lld overlap, %lld gap, %lld discontinuity, %lld category mismatch\n", (long long)counts[0],
           (long long)counts[1], (long long)counts[2], (long long)counts[3]);
    if (st->admins_invalid) printf("  note: %lld admin units were invalid (repaired)\n", (long long)st->admins_invalid);
    if (st->elements_no_city || st->elements_unknown_city || st->elements_no_geometry)
        printf("  note: not compared: %lld elements without city, %lld with a city id not in the admin layer, %lld "
               "without geometry (see basemap_issues)\n",
               (long long)st->elements_no_city, (long long)st->elements_unknown_city,
               (long long)st->elements_no_geometry);
    if (st->elements_invalid)
        printf("  note: %lld elements were invalid (repaired)\n", (long long)st->elements_invalid);
    printf("  %lld base-map and input issues\n", (long long)cli->info.issues);
    printf("  written: %s\n", cli->a.job.output);
}

static int run_job(guotu_context *ctx, const void *p) {
    border_cli *cli = (border_cli *)p;
    return guotu_border_job_run(ctx, &cli->a.job, &cli->info);
}

int cmd_border(int argc, char **argv) {
    border_cli cli;
    memset(&cli, 0, sizeof cli);
    int parsed = parse(argc, argv, &cli.a);
    if (parsed) return parsed < 0 ? 0 : 2;
    /* Refused before the run as the tool always did, in its own words (the job refuses too). */
    char err[2048];
    const char *inputs[] = {cli.a.job.admin, cli.a.job.elements};
    if (io_refuse_overwrite(inputs, 2, &cli.a.job.output, 1, err, sizeof err)) return cli_error("%s", err);
    cli.a.job.note = cli_note;
    cli.a.job.crs_note = border_crs_note;
    int status = cli_run_job("border", &cli.bar, run_job, &cli);
    if (!status) print_summary(&cli);
    return status;
}
