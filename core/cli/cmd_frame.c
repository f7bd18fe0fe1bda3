/* cmd_frame.c — `guotu framework catalogue`: the provincial element catalogue (名录) against
 * the elements the cities submitted (SPEC §10). */
#include <cpl_conv.h>
#include <gdal/gdal_utils.h>
#include <getopt.h>
#include <pthread.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli.h"
#include "commands.h"
#include "frame_cli.h"
#include "gpkg_styles.h"
#include "gpkg_writer.h"
#include "guotu/guotu.h"
#include "io_util.h"
#include "metric_zone.h"
#include "progress_bar.h"
#include "resources.h"
#include "table_schema.h"
#include "vector_source.h"

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

typedef struct catalogue_args {
    const char *catalogue, *elements, *elements_layer, *city_field, *element_field, *name_field, *encoding;
    const char *counties;
    const char *output;
} catalogue_args;

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

/* The values each table's rows fill, by column name, in the order of the writers below; the
 * columns themselves, their order and their Chinese titles are resources/schemas/<table>.csv
 * (the layer names). */
static const char *const finding_names[] = {"kind",   "city_id",    "element_id", "element_name", "element_type",
                                            "cities", "feature_id", "message_zh", "message_en"};
enum { NFINDING = 9 };
static const char *const city_names[] = {"city_id",  "listed",           "submitted",      "not_submitted",
                                         "features", "not_in_catalogue", "city_not_listed"};
enum { NCITY = 7 };
static const char *const county_names[] = {"county_id", "city_id", "features", "elements", "not_in_catalogue"};
enum { NCOUNTY = 5 };
static const char *const indicator_names[] = {
    "element_id",    "element_name",   "element_type",  "zone",       "city_id",     "other_city_id", "area_m2",
    "elevation_min", "elevation_mean", "elevation_max", "slope_mean", "slope_share", "forest_share",  "dem_share"};
enum { NINDICATOR = 14 };
static const char *const ifinding_names[] = {
    "kind",        "element_id", "element_name", "element_type", "city_id",   "other_city_id", "indicator", "value",
    "other_value", "min",        "max",          "other_min",    "other_max", "message_zh",    "message_en"};
enum { NIFINDING = 15 };

enum { T_FINDINGS, T_CITIES, T_COUNTIES, T_INDICATORS, T_IFINDINGS, FRAME_TABLES };
static const char *const frame_table_names[FRAME_TABLES] = {"catalogue_findings", "catalogue_cities", "county_rollup",
                                                            "element_indicators", "indicator_findings"};

/* The tables' schemas and where each value goes (loaded before a run reads anything). */
typedef struct frame_tables {
    table_schema *schemas[FRAME_TABLES];
    int slots[FRAME_TABLES][TABLE_SCHEMA_MAX_COLUMNS];
} frame_tables;

static int frame_tables_load(frame_tables *t, char *err, size_t err_size) {
    static const char *const *const names[FRAME_TABLES] = {finding_names, city_names, county_names, indicator_names,
                                                           ifinding_names};
    static const int counts[FRAME_TABLES] = {NFINDING, NCITY, NCOUNTY, NINDICATOR, NIFINDING};
    for (int k = 0; k < FRAME_TABLES; k++)
        if (table_schema_use(NULL, frame_table_names[k], NULL, names[k], counts[k], &t->schemas[k], t->slots[k], err,
                             err_size))
            return 1;
    return 0;
}

static void frame_tables_free(frame_tables *t) {
    for (int k = 0; k < FRAME_TABLES; k++)
        table_schema_free(t->schemas[k]);
}

/* The layer of table k (named as the table) with the schema's columns; -1 with a message. */
static int frame_add_layer(const frame_tables *t, int k, gpkg_writer *w, OGRwkbGeometryType geometry,
                           OGRSpatialReferenceH srs, char *err, size_t err_size) {
    return gpkg_writer_add_layer(w, frame_table_names[k], geometry, srs, table_schema_columns(t->schemas[k]),
                                 table_schema_count(t->schemas[k]), err, err_size);
}

/* One row of table k, its n values given in k's names order, written in the schema's. */
static int frame_row(const frame_tables *t, int k, int n, gpkg_writer *w, int layer, const char *const *texts,
                     const double *reals, const unsigned char *wkb, size_t size, char *err, size_t err_size) {
    table_row row;
    table_row_clear(&row);
    for (int i = 0; i < n; i++) {
        table_row_text(&row, t->slots[k][i], texts[i]);
        table_row_real(&row, t->slots[k][i], reals[i]);
    }
    return gpkg_writer_row(w, layer, row.texts, row.reals, wkb, size, err, err_size);
}

typedef struct catalogue_out {
    const frame_tables *t;
    gpkg_writer *out;
    int findings, cities;
    int64_t counts[4];
    char *err;
    size_t err_size;
    int failed;
} catalogue_out;

static const char *const finding_kinds[] = {"not_submitted", "not_in_catalogue", "city_not_listed", "no_city"};

static int write_finding(const guotu_frame_finding *x, void *user) {
    catalogue_out *o = user;
    for (int k = 0; k < 4; k++)
        if (!strcmp(x->kind, finding_kinds[k])) o->counts[k]++;
    const char *texts[NFINDING] = {x->kind,   x->city_id, x->element_id, x->element_name, x->element_type,
                                   x->cities, NULL,       x->message_zh, x->message_en};
    double reals[NFINDING];
    for (int i = 0; i < NFINDING; i++)
        reals[i] = NAN;
    if (x->fid >= 0) reals[6] = (double)x->fid;
    if (frame_row(o->t, T_FINDINGS, NFINDING, o->out, o->findings, texts, reals, x->wkb, x->wkb_size, o->err,
                  o->err_size))
        o->failed = 1;
    return o->failed;
}

/* Feeds the submitted features of an open source into the check (city, element id, name), counting
 * them, and closes the source. 0, or 1 with a message in err. */
static int feed_submissions(guotu_context *ctx, guotu_frame *f, const catalogue_args *a, vector_source *src,
                            int64_t *count, char *err, size_t err_size) {
    int failed = vector_source_use_field(src, a->city_field, err, err_size);
    int element = failed ? -1 : vector_source_field(src, a->element_field, err, err_size);
    int name = -1;
    if (!failed && element < 0) failed = 1;
    if (!failed && a->name_field) failed = (name = vector_source_field(src, a->name_field, err, err_size)) < 0;
    char city[1024];
    int64_t fid;
    const unsigned char *wkb;
    size_t size;
    int more = 0;
    while (!failed && (more = vector_source_next(src, &fid, city, sizeof city, &wkb, &size, err, err_size)) == 1) {
        if (guotu_frame_add_submission(ctx, f, city, vector_source_text(src, element),
                                       name >= 0 ? vector_source_text(src, name) : "", fid, wkb, size)) {
            snprintf(err, err_size, "layer '%s' of '%s': %s", src->layer_name, src->path,
                     guotu_context_last_error(ctx));
            failed = 1;
        }
        (*count)++;
    }
    if (more < 0) failed = 1;
    vector_source_close(src);
    return failed;
}

/* Reads the submitted features into the catalogue check, in their own CRS (returned in *srs). */
static int read_submissions(guotu_context *ctx, guotu_frame *f, const catalogue_args *a, OGRSpatialReferenceH *srs,
                            int64_t *count, char *err, size_t err_size) {
    vector_source src;
    if (vector_source_open(&src, a->elements, a->elements_layer, a->encoding, err, err_size)) return 1;
    if (vector_source_crs(&src)) *srs = OSRClone(vector_source_crs(&src));
    return feed_submissions(ctx, f, a, &src, count, err, err_size);
}

/* The county table into the frame (when given) and the layer of its roll-up. */
static int load_counties(guotu_context *ctx, guotu_frame *f, const char *spec, char *err, size_t err_size) {
    if (!spec) return 0;
    char path[1024];
    size_t size = 0;
    char *text = table_text_load(spec, "counties", path, sizeof path, &size, err, err_size);
    if (!text) return 1;
    int failed = guotu_frame_load_counties(ctx, f, text, size, path);
    if (failed) snprintf(err, err_size, "%s", guotu_context_last_error(ctx));
    free(text);
    return failed != 0;
}

static int write_counties(catalogue_out *o, int layer, guotu_context *ctx, guotu_frame *f) {
    for (size_t i = 0; i < guotu_frame_county_count(f); i++) {
        guotu_frame_county c;
        if (guotu_frame_county_row(ctx, f, i, &c))
            return snprintf(o->err, o->err_size, "%s", guotu_context_last_error(ctx)) > 0;
        const char *texts[NCOUNTY] = {c.county_id, c.city_id};
        const double reals[NCOUNTY] = {NAN, NAN, (double)c.features, (double)c.elements, (double)c.not_in_catalogue};
        if (frame_row(o->t, T_COUNTIES, NCOUNTY, o->out, layer, texts, reals, NULL, 0, o->err, o->err_size)) return 1;
    }
    return 0;
}

static int write_cities(catalogue_out *o, guotu_context *ctx, guotu_frame *f) {
    for (size_t i = 0; i < guotu_frame_city_count(f); i++) {
        guotu_frame_city c;
        if (guotu_frame_city_row(ctx, f, i, &c))
            return snprintf(o->err, o->err_size, "%s", guotu_context_last_error(ctx)) > 0;
        const char *texts[NCITY] = {c.city_id};
        const double reals[NCITY] = {NAN,
                                     (double)c.listed,
                                     (double)c.submitted,
                                     (double)c.not_submitted,
                                     (double)c.features,
                                     (double)c.not_in_catalogue,
                                     (double)c.city_not_listed};
        if (frame_row(o->t, T_CITIES, NCITY, o->out, o->cities, texts, reals, NULL, 0, o->err, o->err_size)) return 1;
    }
    return 0;
}

static int cmd_frame_catalogue(int argc, char **argv) {
    catalogue_args a;
    int parsed = parse_catalogue(argc, argv, &a);
    if (parsed) return parsed < 0 ? 0 : 2;
    char err[2048] = "", path[1024];
    const char *inputs[] = {a.catalogue, a.elements, a.counties};
    if (io_refuse_overwrite(inputs, a.counties ? 3 : 2, &a.output, 1, err, sizeof err)) return cli_error("%s", err);
    guotu_context *ctx = guotu_context_create();
    guotu_frame *f = NULL;
    OGRSpatialReferenceH srs = NULL;
    frame_tables tables;
    memset(&tables, 0, sizeof tables);
    catalogue_out o = {&tables, NULL, -1, -1, {0}, err, sizeof err, 0};
    int64_t features = 0;
    size_t size = 0;
    int failed = frame_tables_load(&tables, err, sizeof err);
    char *text = failed ? NULL : table_text_load(a.catalogue, "catalogue", path, sizeof path, &size, err, sizeof err);
    if (!failed) failed = !ctx || !text;
    if (!ctx) snprintf(err, sizeof err, "out of memory");
    if (!failed && (guotu_frame_create(ctx, &f) || guotu_frame_load_catalogue(ctx, f, text, size, path)))
        failed = snprintf(err, sizeof err, "%s", guotu_context_last_error(ctx)) > 0;
    if (!failed) failed = load_counties(ctx, f, a.counties, err, sizeof err);
    if (!failed) failed = read_submissions(ctx, f, &a, &srs, &features, err, sizeof err);
    if (!failed) failed = gpkg_writer_open(&o.out, a.output, err, sizeof err);
    if (!failed) {
        o.findings = frame_add_layer(&tables, T_FINDINGS, o.out, wkbMultiPolygon, srs, err, sizeof err);
        o.cities = o.findings < 0 ? -1 : frame_add_layer(&tables, T_CITIES, o.out, wkbNone, NULL, err, sizeof err);
        failed = o.findings < 0 || o.cities < 0;
    }
    int counties = -1;
    if (!failed && a.counties)
        failed = (counties = frame_add_layer(&tables, T_COUNTIES, o.out, wkbNone, NULL, err, sizeof err)) < 0;
    if (!failed && guotu_frame_check_catalogue(ctx, f, write_finding, &o)) {
        if (!o.failed) snprintf(err, sizeof err, "%s", guotu_context_last_error(ctx));
        failed = 1;
    }
    if (!failed) failed = write_cities(&o, ctx, f);
    if (!failed && counties >= 0) failed = write_counties(&o, counties, ctx, f);
    if (!failed) {
        char catalogue[1200], elements[1200], when[32];
        cli_describe_file(path, catalogue, sizeof catalogue);
        cli_describe_file(a.elements, elements, sizeof elements);
        time_t now = time(NULL);
        strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", gmtime(&now));
        const table_meta meta[] = {{"guotu_version", guotu_version()},
                                   {"created_utc", when},
                                   {"catalogue", catalogue},
                                   {"elements", elements},
                                   {"elements_layer", a.elements_layer ? a.elements_layer : "(first polygon layer)"},
                                   {"city_field", a.city_field},
                                   {"element_field", a.element_field},
                                   {"name_field", a.name_field ? a.name_field : "(none)"},
                                   {"encoding", a.encoding ? a.encoding : "(the files' own)"}};
        gpkg_writer_meta(o.out, o.findings, meta, (int)(sizeof meta / sizeof meta[0]));
        gpkg_writer_meta(o.out, o.cities, meta, (int)(sizeof meta / sizeof meta[0]));
        static const char *const styled[] = {"catalogue_findings", "catalogue_cities"};
        failed = gpkg_writer_add_styles(o.out, "framework", styled, 2, err, sizeof err);
    }
    if (!failed) {
        failed = gpkg_writer_commit(o.out, err, sizeof err); /* frees the writer either way */
        o.out = NULL;
    }
    if (!failed) {
        size_t ncities = guotu_frame_city_count(f);
        printf("Catalogue check: %lld submitted features, %zu cities\n", (long long)features, ncities);
        printf("  findings: %lld not submitted, %lld not in the catalogue, %lld city not listed, %lld without city\n",
               (long long)o.counts[0], (long long)o.counts[1], (long long)o.counts[2], (long long)o.counts[3]);
        printf("  written: %s\n", a.output);
    } else {
        fprintf(stderr, "guotu framework catalogue: error: %s\n", err);
    }
    gpkg_writer_abort(o.out);
    frame_tables_free(&tables);
    guotu_frame_destroy(ctx, f);
    guotu_context_destroy(ctx);
    free(text);
    if (srs) OSRDestroySpatialReference(srs);
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

typedef struct indicators_out {
    catalogue_out cat;
    int indicators, ifindings;
    int64_t counts[6];
} indicators_out;

static const char *const ifinding_kinds[] = {"outside_threshold", "threshold_missing", "threshold_differs",
                                             "value_jump",        "dem_incomplete",    "landuse_incomplete"};

static int write_ifinding(const guotu_frame_indicator_finding *x, void *user) {
    indicators_out *o = user;
    for (int k = 0; k < 6; k++)
        if (!strcmp(x->kind, ifinding_kinds[k])) o->counts[k]++;
    const char *texts[NIFINDING] = {x->kind,
                                    x->element_id,
                                    x->element_name,
                                    x->element_type,
                                    x->city_id,
                                    x->other_city_id,
                                    x->indicator,
                                    NULL,
                                    NULL,
                                    NULL,
                                    NULL,
                                    NULL,
                                    NULL,
                                    x->message_zh,
                                    x->message_en};
    const double reals[NIFINDING] = {
        NAN,    NAN,    NAN,          NAN,          NAN, NAN, NAN, x->value, x->other_value,
        x->min, x->max, x->other_min, x->other_max, NAN, NAN};
    if (frame_row(o->cat.t, T_IFINDINGS, NIFINDING, o->cat.out, o->ifindings, texts, reals, x->wkb, x->wkb_size,
                  o->cat.err, o->cat.err_size))
        o->cat.failed = 1;
    return o->cat.failed;
}

/* Reads a file layer in the work CRS: opens, checks the CRS and reprojects. */
static int open_in_crs(vector_source *src, const char *path, const char *layer, const char *encoding,
                       OGRSpatialReferenceH srs, const char *role, char *err, size_t err_size) {
    if (vector_source_open(src, path, layer, encoding, err, err_size)) return 1;
    layer_crs_target t = {.srs = srs, .words = "the work CRS", .equivalent = 1, .note = role ? cli_note : NULL};
    return layer_crs_align(&t, src, role ? role : "elements", NULL, err, err_size);
}

static int read_submissions_as(guotu_context *ctx, guotu_frame *f, const catalogue_args *a, OGRSpatialReferenceH srs,
                               int64_t *count, char *err, size_t err_size, int quiet) {
    vector_source src;
    if (open_in_crs(&src, a->elements, a->elements_layer, a->encoding, srs, quiet ? NULL : "elements", err, err_size)) {
        vector_source_close(&src);
        return 1;
    }
    return feed_submissions(ctx, f, a, &src, count, err, err_size);
}

static int read_submissions_in_crs(guotu_context *ctx, guotu_frame *f, const catalogue_args *a,
                                   OGRSpatialReferenceH srs, int64_t *count, char *err, size_t err_size) {
    return read_submissions_as(ctx, f, a, srs, count, err, err_size, 0);
}

static int read_submissions_quiet(guotu_context *ctx, guotu_frame *f, const catalogue_args *a, OGRSpatialReferenceH srs,
                                  int64_t *count, char *err, size_t err_size) {
    return read_submissions_as(ctx, f, a, srs, count, err, err_size, 1);
}

static int read_landuse(guotu_context *ctx, guotu_frame *f, const indicators_args *a, OGRSpatialReferenceH srs,
                        char *err, size_t err_size) {
    vector_source src;
    int failed = open_in_crs(&src, a->landuse, a->landuse_layer, a->c.encoding, srs, "land-use", err, err_size) ||
                 vector_source_use_field(&src, a->landuse_code, err, err_size);
    char code[256];
    int64_t fid;
    const unsigned char *wkb;
    size_t size;
    int more = 0;
    while (!failed && (more = vector_source_next(&src, &fid, code, sizeof code, &wkb, &size, err, err_size)) == 1)
        if (guotu_frame_add_landuse(ctx, f, code, fid, wkb, size)) {
            snprintf(err, err_size, "land-use layer '%s' of '%s': %s", src.layer_name, src.path,
                     guotu_context_last_error(ctx));
            failed = 1;
        }
    if (more < 0) failed = 1;
    vector_source_close(&src);
    return failed;
}

/* Land use as a raster of class values (band 1), in the work CRS, read only in the blocks
 * the elements meet. */
static int read_landuse_raster(guotu_context *ctx, guotu_frame *f, GDALDatasetH ds, OGRSpatialReferenceH srs,
                               const char *path, char *err, size_t err_size) {
    if (!GDALGetSpatialRef(ds))
        return snprintf(err, err_size, "the land-use raster '%s' has no CRS: assign it the work CRS %s", path,
                        OSRGetName(srs)) > 0;
    if (!layer_crs_same(GDALGetSpatialRef(ds), srs, 1))
        return snprintf(err, err_size,
                        "the land-use raster '%s' is in %s, not the work CRS %s: warp it first (gdalwarp -t_srs ... "
                        "-r near), class rasters are never resampled here",
                        path, OSRGetName(GDALGetSpatialRef(ds)), OSRGetName(srs)) > 0;
    GDALRasterBandH band = GDALGetRasterBand(ds, 1);
    GDALDataType type = GDALGetRasterDataType(band);
    if (type == GDT_Float32 || type == GDT_Float64 || GDALDataTypeIsComplex(type))
        return snprintf(err, err_size,
                        "the land-use raster '%s' holds %s values, not class codes (a whole-number type is needed)",
                        path, GDALGetDataTypeName(type)) > 0;
    guotu_raster_grid grid;
    memset(&grid, 0, sizeof grid);
    if (GDALGetGeoTransform(ds, grid.geotransform) != CE_None)
        return snprintf(err, err_size, "'%s' has no geotransform (it is not georeferenced)", path) > 0;
    grid.width = GDALGetRasterXSize(ds);
    grid.height = GDALGetRasterYSize(ds);
    int has = 0;
    double nodata = GDALGetRasterNoDataValue(band, &has);
    grid.has_nodata = has && nodata == floor(nodata) && fabs(nodata) < 9.2e18;
    grid.nodata = grid.has_nodata ? (int64_t)nodata : 0;
    if (guotu_frame_set_landuse_grid(ctx, f, &grid))
        return snprintf(err, err_size, "land-use raster '%s': %s", path, guotu_context_last_error(ctx)) > 0;
    /* Only the blocks the elements meet are read (GDAL decodes whole blocks): the core names
     * them as windows of whole blocks, consecutive blocks of a block row merged. */
    int bx = 0, by = 0;
    GDALGetBlockSize(band, &bx, &by);
    int64_t block_rows = by > 0 ? by : 64, block_cols = bx > 0 ? bx : grid.width;
    size_t nwindows = 0;
    if (guotu_frame_landuse_windows_needed(ctx, f, block_rows, block_cols, NULL, 0, &nwindows))
        return snprintf(err, err_size, "land-use raster '%s': %s", path, guotu_context_last_error(ctx)) > 0;
    int64_t *windows = malloc(sizeof(int64_t) * 4 * (nwindows ? nwindows : 1));
    if (!windows) return snprintf(err, err_size, "out of memory for %zu land-use windows", nwindows) > 0;
    int failed = 0;
    if (guotu_frame_landuse_windows_needed(ctx, f, block_rows, block_cols, windows, nwindows, &nwindows))
        failed = snprintf(err, err_size, "land-use raster '%s': %s", path, guotu_context_last_error(ctx)) > 0;
    int32_t *buffer = NULL;
    size_t buffer_cells = 0;
    for (size_t k = 0; !failed && k < nwindows; k++) {
        const int64_t *w = windows + 4 * k;
        size_t cells = (size_t)w[2] * (size_t)w[3];
        if (cells > buffer_cells) {
            int32_t *grown = realloc(buffer, sizeof(int32_t) * cells);
            if (!grown) {
                failed = snprintf(err, err_size, "out of memory for %zu land-use cells", cells) > 0;
                break;
            }
            buffer = grown;
            buffer_cells = cells;
        }
        if (GDALRasterIO(band, GF_Read, (int)w[1], (int)w[0], (int)w[3], (int)w[2], buffer, (int)w[3], (int)w[2],
                         GDT_Int32, 0, 0) != CE_None)
            failed = snprintf(err, err_size,
                              "cannot read rows %lld-%lld, columns %lld-%lld of the land-use raster "
                              "'%s': %s",
                              (long long)w[0], (long long)(w[0] + w[2] - 1), (long long)w[1],
                              (long long)(w[1] + w[3] - 1), path, CPLGetLastErrorMsg()) > 0;
        else if (guotu_frame_add_landuse_block(ctx, f, w[0], w[1], w[2], w[3], buffer, w[3]))
            failed = snprintf(err, err_size, "land-use raster '%s': %s", path, guotu_context_last_error(ctx)) > 0;
    }
    free(buffer);
    free(windows);
    return failed;
}

/* One thread's share of the DEM: its own context, frame (built from the same inputs) and
 * dataset, the bands first, first + step, ... */
typedef struct dem_worker {
    guotu_context *ctx;
    guotu_frame *frame;
    const char *path;
    GDALDatasetH ds; /* the caller's for worker 0, else its own */
    int64_t r0, r1, rows, height, width;
    int first, step;
    pthread_t thread;
    int failed;
    char err[2048];
} dem_worker;

/* Reads DEM rows [read0, read0 + read_n) into `buffer` (whole rows from row `first`) in the
 * columns guotu_frame_dem_columns_needed names for rows [ask0, ask0 + ask_n). */
static int read_spans(dem_worker *w, GDALRasterBandH band, int64_t ask0, int64_t ask_n, int64_t read0, int64_t read_n,
                      int64_t first, float *buffer, int64_t **spans, size_t *cap) {
    size_t n = 0;
    if (guotu_frame_dem_columns_needed(w->ctx, w->frame, ask0, ask_n, *spans, *cap, &n))
        return snprintf(w->err, sizeof w->err, "DEM: %s", guotu_context_last_error(w->ctx)) > 0;
    if (n > *cap) {
        int64_t *grown = realloc(*spans, 2 * n * sizeof *grown);
        if (!grown) return snprintf(w->err, sizeof w->err, "out of memory") > 0;
        *spans = grown;
        *cap = n;
        guotu_frame_dem_columns_needed(w->ctx, w->frame, ask0, ask_n, *spans, *cap, &n);
    }
    for (size_t k = 0; k < n; k++) {
        int64_t c0 = (*spans)[2 * k], nc = (*spans)[2 * k + 1] - c0;
        if (GDALRasterIO(band, GF_Read, (int)c0, (int)read0, (int)nc, (int)read_n,
                         buffer + (read0 - first) * w->width + c0, (int)nc, (int)read_n, GDT_Float32, 0,
                         (GSpacing)w->width * (GSpacing)sizeof *buffer) != CE_None)
            return snprintf(w->err, sizeof w->err, "cannot read DEM rows %lld-%lld: %s", (long long)read0,
                            (long long)(read0 + read_n - 1), CPLGetLastErrorMsg()) > 0;
    }
    return 0;
}

static int dem_bands(dem_worker *w) {
    GDALRasterBandH band = GDALGetRasterBand(w->ds, 1);
    float *buffer = malloc(sizeof(float) * (size_t)w->width * (size_t)(w->rows + 2));
    if (!buffer) return snprintf(w->err, sizeof w->err, "out of memory for %lld DEM rows", (long long)w->rows + 2) > 0;
    int failed = 0;
    int64_t index = 0, *spans = NULL;
    size_t spans_cap = 0;
    for (int64_t row = w->r0; !failed && row < w->r1; row += w->rows, index++) {
        if (index % w->step != w->first) continue;
        int64_t n = row + w->rows <= w->r1 ? w->rows : w->r1 - row;
        int64_t first = row > 0 ? row - 1 : 0, last = row + n < w->height ? row + n + 1 : w->height;
        /* Only the columns the elements need (GDAL decodes the blocks these windows meet): the
         * band's rows, then the row above and the row below in the columns of the zones
         * meeting the band's first and last row. */
        failed = read_spans(w, band, row, n, row, n, first, buffer, &spans, &spans_cap) ||
                 (row > 0 && read_spans(w, band, row, 1, row - 1, 1, first, buffer, &spans, &spans_cap)) ||
                 (last > row + n && read_spans(w, band, row + n - 1, 1, row + n, 1, first, buffer, &spans, &spans_cap));
        if (failed) continue;
        if (guotu_frame_add_dem_rows(w->ctx, w->frame, row, n, buffer)) {
            snprintf(w->err, sizeof w->err, "DEM: %s", guotu_context_last_error(w->ctx));
            failed = 1;
        }
    }
    free(buffer);
    free(spans);
    return failed;
}

static void *dem_thread(void *arg) {
    dem_worker *w = arg;
    w->ds = GDALOpenEx(w->path, GDAL_OF_RASTER | GDAL_OF_READONLY, NULL, NULL, NULL);
    if (!w->ds)
        w->failed =
            snprintf(w->err, sizeof w->err, "cannot open '%s' as a raster: %s", w->path, CPLGetLastErrorMsg()) > 0;
    else
        w->failed = dem_bands(w);
    if (w->ds) GDALClose(w->ds);
    return NULL;
}

/* A frame for another thread: the same catalogue, counties, options and submissions as the
 * first, prepared, with the DEM's grid. */
typedef struct frame_inputs {
    const indicators_args *a;
    const char *text, *path;
    size_t size;
    OGRSpatialReferenceH srs;
    const guotu_frame_dem *dem;
} frame_inputs;

static int other_frame(dem_worker *w, const frame_inputs *in) {
    int64_t features = 0;
    w->ctx = guotu_context_create();
    if (!w->ctx) return snprintf(w->err, sizeof w->err, "out of memory") > 0;
    if (guotu_frame_create(w->ctx, &w->frame) ||
        guotu_frame_load_catalogue(w->ctx, w->frame, in->text, in->size, in->path))
        return snprintf(w->err, sizeof w->err, "%s", guotu_context_last_error(w->ctx)) > 0;
    if (load_counties(w->ctx, w->frame, in->a->c.counties, w->err, sizeof w->err)) return 1;
    if (guotu_frame_set_options(w->ctx, w->frame, &in->a->o))
        return snprintf(w->err, sizeof w->err, "%s", guotu_context_last_error(w->ctx)) > 0;
    if (read_submissions_quiet(w->ctx, w->frame, &in->a->c, in->srs, &features, w->err, sizeof w->err)) return 1;
    if (guotu_frame_prepare(w->ctx, w->frame) || guotu_frame_set_dem(w->ctx, w->frame, in->dem))
        return snprintf(w->err, sizeof w->err, "%s", guotu_context_last_error(w->ctx)) > 0;
    return 0;
}

/* Streams the DEM's rows that the zones meet, in bands of whole blocks with their halo
 * rows; with several threads each takes every n-th band in a frame of its own, merged into
 * the first at the end. */
static int read_dem(guotu_context *ctx, guotu_frame *f, GDALDatasetH ds, const frame_inputs *in, int threads, char *err,
                    size_t err_size) {
    GDALRasterBandH band = GDALGetRasterBand(ds, 1);
    guotu_frame_dem dem;
    memset(&dem, 0, sizeof dem);
    GDALGetGeoTransform(ds, dem.geotransform);
    dem.width = GDALGetRasterXSize(ds);
    dem.height = GDALGetRasterYSize(ds);
    int has = 0;
    dem.nodata = GDALGetRasterNoDataValue(band, &has);
    dem.has_nodata = has;
    if (guotu_frame_set_dem(ctx, f, &dem)) return snprintf(err, err_size, "DEM: %s", guotu_context_last_error(ctx)) > 0;
    int64_t r0 = 0, r1 = 0;
    guotu_frame_dem_rows_needed(ctx, f, &r0, &r1);
    int bx = 0, by = 0;
    GDALGetBlockSize(band, &bx, &by);
    /* Bands of whole blocks (so each is decoded once), about 2 M cells each. */
    int64_t rows = by > 1 ? by : 64;
    while (rows * 2 * dem.width <= 2 * 1024 * 1024 && rows < 4096)
        rows *= 2;
    while (rows > 1 && rows * dem.width > 8 * 1024 * 1024)
        rows /= 2;
    /* Bands start on a block boundary, so that a band's blocks are not split with the next. */
    if (by > 1 && r1 > r0) r0 -= r0 % by;
    int64_t bands = r1 > r0 ? (r1 - r0 + rows - 1) / rows : 0;
    int n = threads < 1 ? 1 : threads;
    if (n > bands) n = bands > 0 ? (int)bands : 1;
    dem_worker *workers = calloc((size_t)n, sizeof *workers);
    if (!workers) return snprintf(err, err_size, "out of memory") > 0;
    frame_inputs local = *in;
    local.dem = &dem;
    int failed = 0;
    for (int k = 0; k < n; k++) {
        dem_worker *w = &workers[k];
        *w = (dem_worker){.path = in->a->dem,
                          .r0 = r0,
                          .r1 = r1,
                          .rows = rows,
                          .height = dem.height,
                          .width = dem.width,
                          .first = k,
                          .step = n};
        if (k == 0) {
            w->ctx = ctx;
            w->frame = f;
            w->ds = ds;
        } else if (!failed && other_frame(w, &local)) {
            snprintf(err, err_size, "%s", w->err);
            failed = 1;
        }
    }
    int started = 0;
    for (int k = 1; !failed && k < n; k++) {
        if (pthread_create(&workers[k].thread, NULL, dem_thread, &workers[k]) != 0) {
            failed = snprintf(err, err_size, "cannot start threads") > 0;
            break;
        }
        started = k;
    }
    if (!failed && dem_bands(&workers[0])) failed = snprintf(err, err_size, "%s", workers[0].err) > 0;
    for (int k = 1; k <= started; k++) {
        pthread_join(workers[k].thread, NULL);
        if (!failed && workers[k].failed) failed = snprintf(err, err_size, "%s", workers[k].err) > 0;
    }
    for (int k = 1; !failed && k < n; k++)
        if (guotu_frame_merge_dem(ctx, f, workers[k].frame))
            failed = snprintf(err, err_size, "DEM: %s", guotu_context_last_error(ctx)) > 0;
    for (int k = 1; k < n; k++) {
        guotu_frame_destroy(workers[k].ctx, workers[k].frame);
        guotu_context_destroy(workers[k].ctx);
    }
    free(workers);
    return failed;
}

static int write_indicator_rows(indicators_out *o, guotu_context *ctx, guotu_frame *f) {
    for (size_t i = 0; i < guotu_frame_indicator_count(f); i++) {
        guotu_frame_indicators r;
        if (guotu_frame_indicator_row(ctx, f, i, &r))
            return snprintf(o->cat.err, o->cat.err_size, "%s", guotu_context_last_error(ctx)) > 0;
        const char *zone = !r.city_id[0] ? "element" : r.other_city_id[0] ? "strip" : "part";
        const char *texts[NINDICATOR] = {r.element_id, r.element_name, r.element_type,
                                         zone,         r.city_id,      r.other_city_id};
        const double reals[NINDICATOR] = {NAN,
                                          NAN,
                                          NAN,
                                          NAN,
                                          NAN,
                                          NAN,
                                          r.area_m2,
                                          r.elevation_min,
                                          r.elevation_mean,
                                          r.elevation_max,
                                          r.slope_mean,
                                          r.slope_share,
                                          r.forest_share,
                                          r.dem_share};
        if (frame_row(o->cat.t, T_INDICATORS, NINDICATOR, o->cat.out, o->indicators, texts, reals, r.wkb, r.wkb_size,
                      o->cat.err, o->cat.err_size))
            return 1;
    }
    return 0;
}

/* Replaces *dem by a virtual raster of it warped to `srs` (bilinear; cells outside the DEM
 * are nodata), keeping the file open in *source. 1 with a message on failure. */
static int warp_dem(GDALDatasetH *dem, GDALDatasetH *source, OGRSpatialReferenceH srs, const char *path, char *err,
                    size_t err_size) {
    char *wkt = NULL;
    const char *wkt_opts[] = {"FORMAT=WKT2_2019", NULL};
    OSRExportToWktEx(srs, &wkt, wkt_opts);
    int has = 0;
    double nodata = GDALGetRasterNoDataValue(GDALGetRasterBand(*dem, 1), &has);
    char nd[64];
    snprintf(nd, sizeof nd, "%.17g", has ? nodata : -32768.0);
    char *argv[] = {"-of", "VRT", "-t_srs", wkt, "-r", "bilinear", "-dstnodata", nd, NULL};
    GDALWarpAppOptions *opts = GDALWarpAppOptionsNew(argv, NULL);
    int usage = 0;
    GDALDatasetH in[1] = {*dem};
    GDALDatasetH warped = opts ? GDALWarp("", NULL, 1, in, opts, &usage) : NULL;
    GDALWarpAppOptionsFree(opts);
    CPLFree(wkt);
    if (!warped) return snprintf(err, err_size, "cannot warp the DEM '%s': %s", path, CPLGetLastErrorMsg()) > 0;
    *source = *dem;
    *dem = warped;
    return 0;
}

static int cmd_frame_indicators(int argc, char **argv) {
    indicators_args a;
    int parsed = parse_indicators(argc, argv, &a);
    if (parsed) return parsed < 0 ? 0 : 2;
    char err[2048] = "", path[1024], tpath[1024] = "";
    const char *inputs[] = {a.c.catalogue, a.c.elements, a.thresholds, a.dem, a.landuse};
    const char *in[5];
    int nin = 0;
    for (int i = 0; i < 5; i++)
        if (inputs[i]) in[nin++] = inputs[i];
    if (io_refuse_overwrite(in, nin, &a.c.output, 1, err, sizeof err)) return cli_error("%s", err);
    guotu_context *ctx = guotu_context_create();
    guotu_frame *f = NULL;
    OGRSpatialReferenceH srs = NULL;
    GDALDatasetH dem = NULL, dem_source = NULL; /* dem_source: the DEM file under a warped dem */
    char *crs_wkt = NULL, *text = NULL, *ttext = NULL;
    frame_tables tables;
    memset(&tables, 0, sizeof tables);
    char zone_note[600] = "";
    indicators_out o;
    memset(&o, 0, sizeof o);
    o.cat.t = &tables;
    o.cat.err = err;
    o.cat.err_size = sizeof err;
    o.cat.findings = o.cat.cities = o.indicators = o.ifindings = -1;
    int64_t features = 0;
    size_t size = 0, tsize = 0;
    progress_bar bar;
    progress_bar_init(&bar);
    int failed = !ctx;
    if (!ctx) snprintf(err, sizeof err, "out of memory");
    if (!failed) failed = frame_tables_load(&tables, err, sizeof err);
    if (!failed)
        failed = !(text = table_text_load(a.c.catalogue, "catalogue", path, sizeof path, &size, err, sizeof err));
    if (!failed && a.thresholds)
        failed = !(ttext = table_text_load(a.thresholds, "thresholds", tpath, sizeof tpath, &tsize, err, sizeof err));
    /* The work CRS: --crs, else the DEM's, else the elements'. */
    if (!failed && a.dem) {
        /* Each block is read once, band after band of rows: GDAL's cache (5 % of RAM by default)
         * would only hold what is never read again; keep it small unless the user chose a size. */
        if (!CPLGetConfigOption("GDAL_CACHEMAX", NULL)) GDALSetCacheMax64(64LL * 1024 * 1024);
        dem = GDALOpenEx(a.dem, GDAL_OF_RASTER | GDAL_OF_READONLY, NULL, NULL, NULL);
        double gt[6];
        if (!dem || GDALGetRasterCount(dem) < 1)
            failed = snprintf(err, sizeof err, "cannot open '%s' as a raster: %s", a.dem, CPLGetLastErrorMsg()) > 0;
        else if (GDALGetGeoTransform(dem, gt) != CE_None)
            failed = snprintf(err, sizeof err, "'%s' has no geotransform (it is not georeferenced)", a.dem) > 0;
    }
    if (!failed) {
        if (a.crs) {
            srs = OSRNewSpatialReference(NULL);
            if (OSRSetFromUserInput(srs, a.crs) != OGRERR_NONE)
                failed = snprintf(err, sizeof err, "--crs: unknown CRS '%s'", a.crs) > 0;
        } else if (dem && GDALGetSpatialRef(dem)) {
            srs = OSRClone(GDALGetSpatialRef(dem));
        } else {
            vector_source src;
            if (vector_source_open(&src, a.c.elements, a.c.elements_layer, a.c.encoding, err, sizeof err))
                failed = 1;
            else if (vector_source_crs(&src))
                srs = OSRClone(vector_source_crs(&src));
            vector_source_close(&src);
        }
    }
    if (!failed && !srs) failed = snprintf(err, sizeof err, "the elements and the DEM have no CRS: pass --crs") > 0;
    /* Border strips and slopes are metres: geographic data works in the Gauss-Krüger zone of
     * the elements', DEM's and land use's centre (SPEC §8); a geographic DEM is warped to it. */
    if (!failed && OSRIsGeographic(srs)) {
        metric_extent e;
        metric_extent_init(&e);
        failed = metric_extent_add_file(&e, a.c.elements, a.c.elements_layer, srs, err, sizeof err) ||
                 (a.landuse && a.landuse_code &&
                  metric_extent_add_file(&e, a.landuse, a.landuse_layer, srs, err, sizeof err));
        if (dem) metric_extent_add_raster(&e, dem, srs);
        char what[1200], zh[768];
        snprintf(what, sizeof what, "the %s '%.600s'%s", dem && !a.crs ? "DEM" : "elements of",
                 dem && !a.crs ? a.dem : a.c.elements, a.crs ? " (--crs)" : "");
        OGRSpatialReferenceH zone = NULL;
        if (!failed)
            failed =
                metric_zone_choose(srs, &e, what, &zone, zone_note, sizeof zone_note, zh, sizeof zh, err, sizeof err);
        if (zone) {
            OSRDestroySpatialReference(srs);
            srs = zone;
            fprintf(stderr, "guotu framework indicators: note: %s\n", zone_note);
        }
        if (zone && dem && GDALGetSpatialRef(dem) && OSRIsGeographic(GDALGetSpatialRef(dem)) &&
            !layer_crs_same(GDALGetSpatialRef(dem), srs, 1)) {
            failed = warp_dem(&dem, &dem_source, srs, a.dem, err, sizeof err);
            if (!failed) {
                size_t used = strlen(zone_note);
                snprintf(zone_note + used, sizeof zone_note - used, "; the DEM warped to it (bilinear)");
                fprintf(stderr, "guotu framework indicators: note: the DEM '%s' is warped to %s (bilinear)\n", a.dem,
                        OSRGetName(srs));
            }
        }
    }
    if (!failed && dem && GDALGetSpatialRef(dem)) {
        if (!layer_crs_same(GDALGetSpatialRef(dem), srs, 1))
            failed = snprintf(err, sizeof err,
                              "the DEM '%s' is in %s, not the work CRS %s: warp it first (gdalwarp -t_srs ...)", a.dem,
                              OSRGetName(GDALGetSpatialRef(dem)), OSRGetName(srs)) > 0;
    }
    if (!failed) {
        OSRSetAxisMappingStrategy(srs, OAMS_TRADITIONAL_GIS_ORDER);
        const char *opts[] = {"FORMAT=WKT2_2019", NULL};
        OSRExportToWktEx(srs, &crs_wkt, opts);
        a.o.crs = crs_wkt;
    }
    if (!failed && (guotu_frame_create(ctx, &f) || guotu_frame_load_catalogue(ctx, f, text, size, path) ||
                    (ttext && guotu_frame_load_thresholds(ctx, f, ttext, tsize, tpath)) ||
                    (a.forest_codes && guotu_frame_set_forest_codes(ctx, f, a.forest_codes))))
        failed = snprintf(err, sizeof err, "%s", guotu_context_last_error(ctx)) > 0;
    if (!failed) failed = load_counties(ctx, f, a.c.counties, err, sizeof err);
    if (!failed && guotu_frame_set_options(ctx, f, &a.o)) {
        snprintf(err, sizeof err, "%s", guotu_context_last_error(ctx));
        if (strstr(err, "metres")) {
            size_t used = strlen(err);
            snprintf(err + used, sizeof err - used, " (pass --crs, e.g. --crs EPSG:4527, with a DEM in it)");
        }
        failed = 1;
    }
    if (!failed) failed = read_submissions_in_crs(ctx, f, &a.c, srs, &features, err, sizeof err);
    if (!failed) failed = gpkg_writer_open(&o.cat.out, a.c.output, err, sizeof err);
    if (!failed) {
        o.indicators = frame_add_layer(&tables, T_INDICATORS, o.cat.out, wkbMultiPolygon, srs, err, sizeof err);
        if (o.indicators >= 0)
            o.ifindings = frame_add_layer(&tables, T_IFINDINGS, o.cat.out, wkbMultiPolygon, srs, err, sizeof err);
        if (o.ifindings >= 0)
            o.cat.findings = frame_add_layer(&tables, T_FINDINGS, o.cat.out, wkbMultiPolygon, srs, err, sizeof err);
        if (o.cat.findings >= 0)
            o.cat.cities = frame_add_layer(&tables, T_CITIES, o.cat.out, wkbNone, NULL, err, sizeof err);
        failed = o.cat.cities < 0;
    }
    int counties = -1;
    if (!failed && a.c.counties)
        failed = (counties = frame_add_layer(&tables, T_COUNTIES, o.cat.out, wkbNone, NULL, err, sizeof err)) < 0;
    if (!failed && guotu_frame_check_catalogue(ctx, f, write_finding, &o.cat)) {
        if (!o.cat.failed) snprintf(err, sizeof err, "%s", guotu_context_last_error(ctx));
        failed = 1;
    }
    if (!failed) failed = write_cities(&o.cat, ctx, f);
    if (!failed && counties >= 0) failed = write_counties(&o.cat, counties, ctx, f);
    guotu_context_set_progress(ctx, progress_bar_update, &bar);
    if (!failed && guotu_frame_prepare(ctx, f))
        failed = snprintf(err, sizeof err, "%s", guotu_context_last_error(ctx)) > 0;
    if (!failed && dem) {
        frame_inputs in = {&a, text, path, size, srs, NULL};
        failed = read_dem(ctx, f, dem, &in, io_thread_count(a.threads, 0), err, sizeof err);
    }
    if (!failed && a.landuse && a.landuse_code) failed = read_landuse(ctx, f, &a, srs, err, sizeof err);
    if (!failed && a.landuse && !a.landuse_code) {
        GDALDatasetH lu = GDALOpenEx(a.landuse, GDAL_OF_RASTER | GDAL_OF_READONLY, NULL, NULL, NULL);
        if (!lu || GDALGetRasterCount(lu) < 1)
            failed = snprintf(err, sizeof err,
                              "cannot open '%s' as a land-use raster (give --landuse-code for a layer of polygons)",
                              a.landuse) > 0;
        else
            failed = read_landuse_raster(ctx, f, lu, srs, a.landuse, err, sizeof err);
        if (lu) GDALClose(lu);
    }
    if (!failed && guotu_frame_finish(ctx, f, write_ifinding, &o)) {
        if (!o.cat.failed) snprintf(err, sizeof err, "%s", guotu_context_last_error(ctx));
        failed = 1;
    }
    progress_bar_done(&bar);
    if (!failed) failed = write_indicator_rows(&o, ctx, f);
    if (!failed) {
        char catalogue[1200], elements[1200], dem_text[1200] = "(none)", thr[1200] = "(none)", lu[1200] = "(none)";
        char when[32], numbers[5][32];
        cli_describe_file(path, catalogue, sizeof catalogue);
        cli_describe_file(a.c.elements, elements, sizeof elements);
        if (a.dem) cli_describe_file(a.dem, dem_text, sizeof dem_text);
        if (a.thresholds) cli_describe_file(tpath, thr, sizeof thr);
        if (a.landuse) cli_describe_file(a.landuse, lu, sizeof lu);
        const double values[] = {a.o.slope_threshold_deg, a.o.band_m, a.o.tolerance_elevation_m,
                                 a.o.tolerance_slope_deg, a.o.tolerance_forest_share};
        for (int i = 0; i < 5; i++)
            snprintf(numbers[i], sizeof numbers[i], "%g", values[i]);
        time_t now = time(NULL);
        strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", gmtime(&now));
        const table_meta meta[] = {{"guotu_version", guotu_version()},
                                   {"created_utc", when},
                                   {"catalogue", catalogue},
                                   {"elements", elements},
                                   {"city_field", a.c.city_field},
                                   {"element_field", a.c.element_field},
                                   {"thresholds", thr},
                                   {"dem", dem_text},
                                   {"landuse", lu},
                                   {"landuse_code_field", a.landuse_code ? a.landuse_code
                                                          : a.landuse    ? "(raster values)"
                                                                         : "(none)"},
                                   {"forest_codes", a.forest_codes ? a.forest_codes : "0301;0302;0305;0307"},
                                   {"slope_threshold_deg", numbers[0]},
                                   {"band_m", numbers[1]},
                                   {"tolerance_elevation_m", numbers[2]},
                                   {"tolerance_slope_deg", numbers[3]},
                                   {"tolerance_forest_share", numbers[4]},
                                   {"area_method", a.area},
                                   {"crs", OSRGetName(srs)},
                                   {"crs_note", zone_note[0] ? zone_note : "(none)"}};
        const int layers[] = {o.indicators, o.ifindings, o.cat.findings, o.cat.cities};
        for (int k = 0; k < 4; k++)
            gpkg_writer_meta(o.cat.out, layers[k], meta, (int)(sizeof meta / sizeof meta[0]));
        static const char *const styled[] = {"element_indicators", "indicator_findings", "catalogue_findings",
                                             "catalogue_cities"};
        failed = gpkg_writer_add_styles(o.cat.out, "framework", styled, 4, err, sizeof err);
    }
    if (!failed) {
        failed = gpkg_writer_commit(o.cat.out, err, sizeof err);
        o.cat.out = NULL;
    }
    if (!failed) {
        printf("Transmission indicators: %lld submitted features, %zu zones (elements, city parts, border strips)\n",
               (long long)features, guotu_frame_indicator_count(f));
        printf("  indicator findings: %lld outside threshold, %lld threshold missing, %lld thresholds differ, %lld "
               "value jumps, %lld DEM incomplete\n",
               (long long)o.counts[0], (long long)o.counts[1], (long long)o.counts[2], (long long)o.counts[3],
               (long long)o.counts[4]);
        if (a.landuse && !a.landuse_code)
            printf("  land use: a raster of classes; %lld parts where it has no class on part of the area\n",
                   (long long)o.counts[5]);
        printf("  catalogue findings: %lld not submitted, %lld not in the catalogue, %lld city not listed, %lld "
               "without city\n",
               (long long)o.cat.counts[0], (long long)o.cat.counts[1], (long long)o.cat.counts[2],
               (long long)o.cat.counts[3]);
        printf("  written: %s\n", a.c.output);
    } else {
        fprintf(stderr, "guotu framework indicators: error: %s\n", err);
    }
    gpkg_writer_abort(o.cat.out);
    frame_tables_free(&tables);
    guotu_frame_destroy(ctx, f);
    guotu_context_destroy(ctx);
    if (dem) GDALClose(dem);
    if (dem_source) GDALClose(dem_source);
    free(text);
    free(ttext);
    CPLFree(crs_wkt);
    if (srs) OSRDestroySpatialReference(srs);
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
