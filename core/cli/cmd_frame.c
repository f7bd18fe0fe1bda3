/* cmd_frame.c — `guotu framework catalogue` and `guotu framework indicators`: the provincial
 * element catalogue (名录) against the elements the cities submitted, and the transmission
 * indicators of the catalogue's elements (SPEC §10). Parses the options, runs the I/O
 * library's guotu_frame_catalogue_job_run / guotu_frame_indicators_job_run
 * (core/io/frame_job.c) and prints the summary. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "commands.h"
#include "frame_cli.h"
#include "guotu/guotu_io.h"
#include "io_util.h"
#include "progress_bar.h"

static const char *const catalogue_usage =
    "usage: guotu framework catalogue --catalogue CSV --elements FILE [--elements-layer L]\n"
    "         --city-field F --element-field F [--name-field F] [--counties CSV] [--encoding NAME]\n"
    "         -o OUT.gpkg\n"
    "\n"
    "Checks the cities' submitted elements against the province's catalogue of cross-city\n"
    "ecological elements (名录, SPEC §10). The catalogue is a CSV (UTF-8) with the columns\n"
    "element_id, name, type, cities, indicators: the cities an element spans are admin ids\n"
    "separated by ; , | 、 or ；, the indicators are names of the framework (area,\n"
    "elevation_min, elevation_mean, elevation_max, slope_mean, slope_share, forest_share).\n"
    "Each submitted feature names its city (--city-field, the admin id) and the catalogue id\n"
    "it stands for (--element-field). Findings, per city:\n"
    "  not_submitted     a catalogue element listing the city that the city did not submit\n"
    "  not_in_catalogue  a submitted feature whose element id is in no catalogue entry\n"
    "  city_not_listed   a submitted catalogue element the catalogue does not list for the city\n"
    "  no_city           a submitted feature without a city id\n"
    "Writes OUT.gpkg: catalogue_findings (with the submitted geometry where there is one) and\n"
    "catalogue_cities (per city: elements listed, submitted, not submitted, features, features\n"
    "matching no entry or not listed for the city). --encoding sets the attribute encoding\n"
    "of Shapefiles without a .cpg (e.g. CP936 for GBK). --counties (CSV: county, city): features\n"
    "submitted under a county's code count for its city (county -> city roll-up); the layer\n"
    "county_rollup counts each county's features and catalogue elements.\n";

/* The options fill the job's members of the same names. */
typedef guotu_frame_catalogue_job catalogue_args;

enum { O_CATALOGUE = 256, O_ELEMENTS, O_ELEMENTS_LAYER, O_CITY, O_ELEMENT, O_NAME, O_ENCODING, O_COUNTIES };

static int parse_catalogue(int argc, char **argv, catalogue_args *a) {
    static const struct option options[] = {{"catalogue", 1, 0, O_CATALOGUE},
                                            {"elements", 1, 0, O_ELEMENTS},
                                            {"elements-layer", 1, 0, O_ELEMENTS_LAYER},
                                            {"city-field", 1, 0, O_CITY},
                                            {"element-field", 1, 0, O_ELEMENT},
                                            {"name-field", 1, 0, O_NAME},
                                            {"encoding", 1, 0, O_ENCODING},
                                            {"counties", 1, 0, O_COUNTIES},
                                            {"output", 1, 0, 'o'},
                                            {"help", 0, 0, 'h'},
                                            {0, 0, 0, 0}};
    memset(a, 0, sizeof *a);
    optind = 1;
    opterr = 0;
    int c;
    while ((c = getopt_long(argc, argv, "o:h", options, NULL)) != -1) {
        switch (c) {
        case O_CATALOGUE: a->catalogue = optarg; break;
        case O_ELEMENTS: a->elements = optarg; break;
        case O_ELEMENTS_LAYER: a->elements_layer = optarg; break;
        case O_CITY: a->city_field = optarg; break;
        case O_ELEMENT: a->element_field = optarg; break;
        case O_NAME: a->name_field = optarg; break;
        case O_ENCODING: a->encoding = optarg; break;
        case O_COUNTIES: a->counties = optarg; break;
        case 'o': a->output = optarg; break;
        case 'h': fputs(catalogue_usage, stdout); return -1;
        default:
            return cli_usage_error("framework catalogue", catalogue_usage, "unknown or incomplete option '%s'",
                                   argv[optind - 1]);
        }
    }
    const char *u = NULL;
    if (optind < argc)
        u = "unexpected argument";
    else if (!a->catalogue)
        u = "--catalogue is required";
    else if (!a->elements || !a->city_field || !a->element_field)
        u = "--elements, --city-field and --element-field are required";
    else if (!a->output)
        u = "-o is required";
    else if (strlen(a->output) < 5 || strcmp(a->output + strlen(a->output) - 5, ".gpkg"))
        u = "-o must be a .gpkg file";
    if (u) return cli_usage_error("framework catalogue", catalogue_usage, "%s", u);
    return 0;
}

static int cmd_frame_catalogue(int argc, char **argv) {
    catalogue_args a;
    int parsed = parse_catalogue(argc, argv, &a);
    if (parsed) return parsed < 0 ? 0 : 2;
    char err[2048] = "";
    const char *inputs[] = {a.catalogue, a.elements, a.counties};
    if (io_refuse_overwrite(inputs, a.counties ? 3 : 2, &a.output, 1, err, sizeof err)) return cli_error("%s", err);
    guotu_context *ctx = guotu_context_create();
    if (!ctx) {
        fprintf(stderr, "guotu framework catalogue: error: out of memory\n");
        return 1;
    }
    guotu_frame_catalogue_job_info info;
    int failed = guotu_frame_catalogue_job_run(ctx, &a, &info) != GUOTU_OK;
    if (!failed) {
        printf("Catalogue check: %lld submitted features, %lld cities\n", (long long)info.features,
               (long long)info.cities);
        printf("  findings: %lld not submitted, %lld not in the catalogue, %lld city not listed, %lld without city\n",
               (long long)info.not_submitted, (long long)info.not_in_catalogue, (long long)info.city_not_listed,
               (long long)info.no_city);
        printf("  written: %s\n", a.output);
    } else {
        fprintf(stderr, "guotu framework catalogue: error: %s\n", guotu_context_last_error(ctx));
    }
    guotu_context_destroy(ctx);
    return failed ? 1 : 0;
}

/* ---- guotu framework indicators ------------------------------------------------------ */

static const char *const indicators_usage =
    "usage: guotu framework indicators --catalogue CSV --elements FILE [--elements-layer L]\n"
    "         --city-field F --element-field F [--name-field F] [--counties CSV] [--thresholds CSV]\n"
    "         [--dem DEM.tif] [--landuse FILE [--landuse-layer L] [--landuse-code F]]\n"
    "         [--forest-codes \"0301;0302;0305;0307\"] [--slope-threshold DEG] [--band M]\n"
    "         [--tolerance-elevation M] [--tolerance-slope DEG] [--tolerance-forest SHARE]\n"
    "         [--area ellipsoidal|planar] [--crs CRS] [--encoding NAME] [--threads N] -o OUT.gpkg\n"
    "\n"
    "Transmission indicators of the catalogue's cross-city elements (SPEC §10), per element,\n"
    "per city part (the city's submitted features of the element) and per border strip (each\n"
    "part within --band metres of another city's part, default 500): area, elevation min /\n"
    "mean / max and slope mean / share steeper than --slope-threshold (default 25 degrees)\n"
    "from the DEM (slope by Horn's method on the ground size of the cells, exact cell\n"
    "fractions at the boundary, the DEM read in bands of rows), forest share from the land\n"
    "use (the --forest-codes classes, default the 三调 forest classes): polygons with the class\n"
    "field --landuse-code, or without it a raster of class values (0301 matches the value 301;\n"
    "exact cell fractions at the boundary; in the work CRS, never resampled; its no-data cells\n"
    "have no class). Each city part is\n"
    "compared with the city's thresholds (CSV: city, element_type, indicator, min, max; an\n"
    "empty bound is open; shares are fractions). Findings: outside_threshold, threshold_missing\n"
    "(the city set no value for an indicator the element lists), threshold_differs (two cities\n"
    "of one element hold it to different values), value_jump (the strips on the two sides\n"
    "differ by more than --tolerance-elevation, default 100 m, --tolerance-slope, default 5\n"
    "degrees, or --tolerance-forest, default 0.2), dem_incomplete (the DEM misses part of a\n"
    "part), landuse_incomplete (the land-use raster has no class on part of a part). The\n"
    "catalogue check (see `guotu framework catalogue`) runs as well.\n"
    "The work CRS is the DEM's (else the elements' or --crs); the elements and land use are\n"
    "reprojected to it. Strips and slopes are metres: a geographic (CGCS2000 or WGS 84) work CRS\n"
    "becomes the 3-degree Gauss-Krüger zone of the data's centre, a geographic DEM is warped to\n"
    "it (bilinear), with a note; the outputs are in that zone. Writes OUT.gpkg: element_indicators,\n"
    "indicator_findings, catalogue_findings and catalogue_cities. --threads: the DEM's bands of\n"
    "rows are shared among N threads (default one per CPU, at most 8); sums then add up in\n"
    "another order, so values may differ in their last digits (not beyond 1e-12 relative).\n";

typedef struct indicators_args {
    catalogue_args c;
    const char *thresholds, *dem, *landuse, *landuse_layer, *landuse_code, *forest_codes, *area, *crs;
    int threads;
    guotu_frame_options o;
} indicators_args;

enum {
    O_THRESHOLDS = 300,
    O_DEM,
    O_LANDUSE,
    O_LANDUSE_LAYER,
    O_LANDUSE_CODE,
    O_FOREST,
    O_SLOPE,
    O_BAND,
    O_TOL_ELEVATION,
    O_TOL_SLOPE,
    O_TOL_FOREST,
    O_AREA,
    O_CRS,
    O_THREADS
};

static int parse_indicators(int argc, char **argv, indicators_args *a) {
    static const struct option options[] = {{"catalogue", 1, 0, O_CATALOGUE},
                                            {"elements", 1, 0, O_ELEMENTS},
                                            {"elements-layer", 1, 0, O_ELEMENTS_LAYER},
                                            {"city-field", 1, 0, O_CITY},
                                            {"element-field", 1, 0, O_ELEMENT},
                                            {"name-field", 1, 0, O_NAME},
                                            {"encoding", 1, 0, O_ENCODING},
                                            {"counties", 1, 0, O_COUNTIES},
                                            {"thresholds", 1, 0, O_THRESHOLDS},
                                            {"dem", 1, 0, O_DEM},
                                            {"landuse", 1, 0, O_LANDUSE},
                                            {"landuse-layer", 1, 0, O_LANDUSE_LAYER},
                                            {"landuse-code", 1, 0, O_LANDUSE_CODE},
                                            {"forest-codes", 1, 0, O_FOREST},
                                            {"slope-threshold", 1, 0, O_SLOPE},
                                            {"band", 1, 0, O_BAND},
                                            {"tolerance-elevation", 1, 0, O_TOL_ELEVATION},
                                            {"tolerance-slope", 1, 0, O_TOL_SLOPE},
                                            {"tolerance-forest", 1, 0, O_TOL_FOREST},
                                            {"area", 1, 0, O_AREA},
                                            {"crs", 1, 0, O_CRS},
                                            {"threads", 1, 0, O_THREADS},
                                            {"output", 1, 0, 'o'},
                                            {"help", 0, 0, 'h'},
                                            {0, 0, 0, 0}};
    memset(a, 0, sizeof *a);
    guotu_frame_options_init(&a->o);
    a->area = "ellipsoidal";
    optind = 1;
    opterr = 0;
    int c;
    const char *cmd = "framework indicators";
    while ((c = getopt_long(argc, argv, "o:h", options, NULL)) != -1) {
        double *number = NULL;
        switch (c) {
        case O_CATALOGUE: a->c.catalogue = optarg; break;
        case O_ELEMENTS: a->c.elements = optarg; break;
        case O_ELEMENTS_LAYER: a->c.elements_layer = optarg; break;
        case O_CITY: a->c.city_field = optarg; break;
        case O_ELEMENT: a->c.element_field = optarg; break;
        case O_NAME: a->c.name_field = optarg; break;
        case O_ENCODING: a->c.encoding = optarg; break;
        case O_COUNTIES: a->c.counties = optarg; break;
        case O_THRESHOLDS: a->thresholds = optarg; break;
        case O_DEM: a->dem = optarg; break;
        case O_LANDUSE: a->landuse = optarg; break;
        case O_LANDUSE_LAYER: a->landuse_layer = optarg; break;
        case O_LANDUSE_CODE: a->landuse_code = optarg; break;
        case O_FOREST: a->forest_codes = optarg; break;
        case O_SLOPE: number = &a->o.slope_threshold_deg; break;
        case O_BAND: number = &a->o.band_m; break;
        case O_TOL_ELEVATION: number = &a->o.tolerance_elevation_m; break;
        case O_TOL_SLOPE: number = &a->o.tolerance_slope_deg; break;
        case O_TOL_FOREST: number = &a->o.tolerance_forest_share; break;
        case O_AREA: a->area = optarg; break;
        case O_CRS: a->crs = optarg; break;
        case O_THREADS:
            if (cli_parse_threads(optarg, &a->threads))
                return cli_usage_error(cmd, indicators_usage, "--threads needs a whole number from 1 to 64, not '%s'",
                                       optarg);
            break;
        case 'o': a->c.output = optarg; break;
        case 'h': fputs(indicators_usage, stdout); return -1;
        default: return cli_usage_error(cmd, indicators_usage, "unknown or incomplete option '%s'", argv[optind - 1]);
        }
        if (number && cli_parse_nonnegative(optarg, number))
            return cli_usage_error(cmd, indicators_usage, "%s needs a number >= 0, not '%s'", argv[optind - 2], optarg);
    }
    const char *u = NULL;
    if (optind < argc)
        u = "unexpected argument";
    else if (!a->c.catalogue)
        u = "--catalogue is required";
    else if (!a->c.elements || !a->c.city_field || !a->c.element_field)
        u = "--elements, --city-field and --element-field are required";
    else if (a->landuse_code && !a->landuse)
        u = "--landuse-code needs --landuse";
    else if (!a->c.output)
        u = "-o is required";
    else if (strcmp(a->area, "ellipsoidal") && strcmp(a->area, "planar"))
        u = "--area must be ellipsoidal or planar";
    else if (strlen(a->c.output) < 5 || strcmp(a->c.output + strlen(a->c.output) - 5, ".gpkg"))
        u = "-o must be a .gpkg file";
    if (u) return cli_usage_error(cmd, indicators_usage, "%s", u);
    a->o.area_method = strcmp(a->area, "planar") == 0 ? GUOTU_AREA_PLANAR : GUOTU_AREA_ELLIPSOIDAL;
    return 0;
}

/* The notes on the work CRS, as the command prints them; the layers reprojected go to cli_note. */
static void indicators_crs_note(const char *message, void *user) {
    (void)user;
    fprintf(stderr, "guotu framework indicators: note: %s\n", message);
}

static int cmd_frame_indicators(int argc, char **argv) {
    indicators_args a;
    int parsed = parse_indicators(argc, argv, &a);
    if (parsed) return parsed < 0 ? 0 : 2;
    char err[2048] = "";
    const char *inputs[] = {a.c.catalogue, a.c.elements, a.thresholds, a.dem, a.landuse};
    const char *in[5];
    int nin = 0;
    for (int i = 0; i < 5; i++)
        if (inputs[i]) in[nin++] = inputs[i];
    if (io_refuse_overwrite(in, nin, &a.c.output, 1, err, sizeof err)) return cli_error("%s", err);
    guotu_frame_indicators_job job;
    guotu_frame_indicators_job_init(&job);
    job.catalogue = a.c;
    job.thresholds = a.thresholds;
    job.dem = a.dem;
    job.landuse = a.landuse;
    job.landuse_layer = a.landuse_layer;
    job.landuse_code = a.landuse_code;
    job.forest_codes = a.forest_codes;
    job.crs = a.crs;
    job.threads = a.threads;
    job.options = a.o;
    job.note = cli_note;
    job.crs_note = indicators_crs_note;
    guotu_context *ctx = guotu_context_create();
    if (!ctx) {
        fprintf(stderr, "guotu framework indicators: error: out of memory\n");
        return 1;
    }
    progress_bar bar;
    progress_bar_init(&bar);
    guotu_context_set_progress(ctx, progress_bar_update, &bar);
    guotu_frame_indicators_job_info info;
    int failed = guotu_frame_indicators_job_run(ctx, &job, &info) != GUOTU_OK;
    progress_bar_done(&bar);
    if (!failed) {
        printf("Transmission indicators: %lld submitted features, %lld zones (elements, city parts, border strips)\n",
               (long long)info.catalogue.features, (long long)info.zones);
        printf("  indicator findings: %lld outside threshold, %lld threshold missing, %lld thresholds differ, %lld "
               "value jumps, %lld DEM incomplete\n",
               (long long)info.outside_threshold, (long long)info.threshold_missing, (long long)info.threshold_differs,
               (long long)info.value_jump, (long long)info.dem_incomplete);
        if (a.landuse && !a.landuse_code)
            printf("  land use: a raster of classes; %lld parts where it has no class on part of the area\n",
                   (long long)info.landuse_incomplete);
        printf("  catalogue findings: %lld not submitted, %lld not in the catalogue, %lld city not listed, %lld "
               "without city\n",
               (long long)info.catalogue.not_submitted, (long long)info.catalogue.not_in_catalogue,
               (long long)info.catalogue.city_not_listed, (long long)info.catalogue.no_city);
        printf("  written: %s\n", a.c.output);
    } else {
        fprintf(stderr, "guotu framework indicators: error: %s\n", guotu_context_last_error(ctx));
    }
    guotu_context_destroy(ctx);
    return failed ? 1 : 0;
}

static const char *const framework_usage =
    "usage: guotu framework catalogue|indicators|rounds [OPTIONS]   (guotu help framework SUBCOMMAND)\n"
    "\n"
    "The provincial transmission framework (省级定框架, SPEC §10):\n"
    "  catalogue   the cities' submitted elements against the province's element catalogue (名录)\n"
    "  indicators  elevation, slope and forest share of each element, city part and border strip\n"
    "              against the cities' thresholds\n"
    "  rounds      round n against round n+1: resolved, persisting, new; the return list per city\n";

int cmd_framework(int argc, char **argv) {
    if (argc >= 2 && !strcmp(argv[1], "catalogue")) return cmd_frame_catalogue(argc - 1, argv + 1);
    if (argc >= 2 && !strcmp(argv[1], "indicators")) return cmd_frame_indicators(argc - 1, argv + 1);
    if (argc >= 2 && !strcmp(argv[1], "rounds")) return cmd_frame_rounds(argc - 1, argv + 1);
    if (argc >= 2 && (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h") || !strcmp(argv[1], "help"))) {
        fputs(framework_usage, stdout);
        return 0;
    }
    fprintf(stderr,
            "guotu framework: expected `framework catalogue`, `framework indicators` or `framework rounds`\n\n%s",
            framework_usage);
    return 2;
}
