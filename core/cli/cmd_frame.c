/* cmd_frame.c — `guotu framework catalogue`: the provincial element catalogue (名录) against
 * the elements the cities submitted (SPEC §10). */
#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli.h"
#include "commands.h"
#include "gpkg_styles.h"
#include "gpkg_writer.h"
#include "guotu/guotu.h"
#include "io_util.h"
#include "resources.h"
#include "vector_source.h"

static const char *const catalogue_usage =
    "usage: guotu framework catalogue --catalogue CSV --elements FILE [--elements-layer L]\n"
    "         --city-field F --element-field F [--name-field F] [--encoding NAME] -o OUT.gpkg\n"
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
    "of Shapefiles without a .cpg (e.g. CP936 for GBK).\n";

typedef struct catalogue_args {
    const char *catalogue, *elements, *elements_layer, *city_field, *element_field, *name_field, *encoding;
    const char *output;
} catalogue_args;

enum { O_CATALOGUE = 256, O_ELEMENTS, O_ELEMENTS_LAYER, O_CITY, O_ELEMENT, O_NAME, O_ENCODING };

static int parse_catalogue(int argc, char **argv, catalogue_args *a) {
    static const struct option options[] = {{"catalogue", 1, 0, O_CATALOGUE},
                                            {"elements", 1, 0, O_ELEMENTS},
                                            {"elements-layer", 1, 0, O_ELEMENTS_LAYER},
                                            {"city-field", 1, 0, O_CITY},
                                            {"element-field", 1, 0, O_ELEMENT},
                                            {"name-field", 1, 0, O_NAME},
                                            {"encoding", 1, 0, O_ENCODING},
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

static const table_column finding_columns[] = {{"kind", COLUMN_TEXT, 24, "问题类型"},
                                               {"city_id", COLUMN_TEXT, 0, "城市代码"},
                                               {"element_id", COLUMN_TEXT, 0, "要素编号"},
                                               {"element_name", COLUMN_TEXT, 0, "要素名称"},
                                               {"element_type", COLUMN_TEXT, 0, "要素类型"},
                                               {"cities", COLUMN_TEXT, 0, "名录城市"},
                                               {"feature_id", COLUMN_INTEGER, 0, "报送要素编号"},
                                               {"message_zh", COLUMN_TEXT, 0, "说明"},
                                               {"message_en", COLUMN_TEXT, 0, "Message"}};
enum { NFINDING = 9 };

static const table_column city_columns[] = {{"city_id", COLUMN_TEXT, 0, "城市代码"},
                                            {"listed", COLUMN_INTEGER, 0, "名录要素数"},
                                            {"submitted", COLUMN_INTEGER, 0, "已报送"},
                                            {"not_submitted", COLUMN_INTEGER, 0, "未报送"},
                                            {"features", COLUMN_INTEGER, 0, "报送图斑数"},
                                            {"not_in_catalogue", COLUMN_INTEGER, 0, "名录外图斑"},
                                            {"city_not_listed", COLUMN_INTEGER, 0, "非名录城市报送"}};
enum { NCITY = 7 };

typedef struct catalogue_out {
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
    if (gpkg_writer_row(o->out, o->findings, texts, reals, x->wkb, x->wkb_size, o->err, o->err_size)) o->failed = 1;
    return o->failed;
}

/* Reads the submitted features into the catalogue check. */
static int read_submissions(guotu_context *ctx, guotu_frame *f, const catalogue_args *a, OGRSpatialReferenceH *srs,
                            int64_t *count, char *err, size_t err_size) {
    vector_source src;
    if (vector_source_open(&src, a->elements, a->elements_layer, a->encoding, err, err_size)) return 1;
    int failed = vector_source_use_field(&src, a->city_field, err, err_size);
    int element = failed ? -1 : vector_source_field(&src, a->element_field, err, err_size);
    int name = -1;
    if (!failed && element < 0) failed = 1;
    if (!failed && a->name_field) failed = (name = vector_source_field(&src, a->name_field, err, err_size)) < 0;
    if (!failed && vector_source_crs(&src)) *srs = OSRClone(vector_source_crs(&src));
    char city[1024];
    int64_t fid;
    const unsigned char *wkb;
    size_t size;
    int more = 0;
    while (!failed && (more = vector_source_next(&src, &fid, city, sizeof city, &wkb, &size, err, err_size)) == 1) {
        if (guotu_frame_add_submission(ctx, f, city, vector_source_text(&src, element),
                                       name >= 0 ? vector_source_text(&src, name) : "", fid, wkb, size)) {
            snprintf(err, err_size, "layer '%s' of '%s': %s", src.layer_name, src.path, guotu_context_last_error(ctx));
            failed = 1;
        }
        (*count)++;
    }
    if (more < 0) failed = 1;
    vector_source_close(&src);
    return failed;
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
        if (gpkg_writer_row(o->out, o->cities, texts, reals, NULL, 0, o->err, o->err_size)) return 1;
    }
    return 0;
}

static int cmd_frame_catalogue(int argc, char **argv) {
    catalogue_args a;
    int parsed = parse_catalogue(argc, argv, &a);
    if (parsed) return parsed < 0 ? 0 : 2;
    char err[2048] = "", path[1024];
    const char *inputs[] = {a.catalogue, a.elements};
    if (io_refuse_overwrite(inputs, 2, &a.output, 1, err, sizeof err)) return cli_error("%s", err);
    guotu_context *ctx = guotu_context_create();
    guotu_frame *f = NULL;
    OGRSpatialReferenceH srs = NULL;
    catalogue_out o = {NULL, -1, -1, {0}, err, sizeof err, 0};
    int64_t features = 0;
    size_t size = 0;
    char *text = table_text_load(a.catalogue, "catalogue", path, sizeof path, &size, err, sizeof err);
    int failed = !ctx || !text;
    if (!ctx) snprintf(err, sizeof err, "out of memory");
    if (!failed && (guotu_frame_create(ctx, &f) || guotu_frame_load_catalogue(ctx, f, text, size, path)))
        failed = snprintf(err, sizeof err, "%s", guotu_context_last_error(ctx)) > 0;
    if (!failed) failed = read_submissions(ctx, f, &a, &srs, &features, err, sizeof err);
    if (!failed) failed = gpkg_writer_open(&o.out, a.output, err, sizeof err);
    if (!failed) {
        o.findings = gpkg_writer_add_layer(o.out, "catalogue_findings", wkbMultiPolygon, srs, finding_columns, NFINDING,
                                           err, sizeof err);
        o.cities = o.findings < 0 ? -1
                                  : gpkg_writer_add_layer(o.out, "catalogue_cities", wkbNone, NULL, city_columns, NCITY,
                                                          err, sizeof err);
        failed = o.findings < 0 || o.cities < 0;
    }
    if (!failed && guotu_frame_check_catalogue(ctx, f, write_finding, &o)) {
        if (!o.failed) snprintf(err, sizeof err, "%s", guotu_context_last_error(ctx));
        failed = 1;
    }
    if (!failed) failed = write_cities(&o, ctx, f);
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
    guotu_frame_destroy(ctx, f);
    guotu_context_destroy(ctx);
    free(text);
    if (srs) OSRDestroySpatialReference(srs);
    return failed ? 1 : 0;
}

static const char *const framework_usage =
    "usage: guotu framework catalogue [OPTIONS]   (guotu help framework catalogue)\n"
    "\n"
    "The provincial transmission framework (省级定框架, SPEC §10):\n"
    "  catalogue   the cities' submitted elements against the province's element catalogue (名录)\n";

int cmd_framework(int argc, char **argv) {
    if (argc >= 2 && !strcmp(argv[1], "catalogue")) return cmd_frame_catalogue(argc - 1, argv + 1);
    if (argc >= 2 && (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h") || !strcmp(argv[1], "help"))) {
        fputs(framework_usage, stdout);
        return 0;
    }
    fprintf(stderr, "guotu framework: expected `framework catalogue`\n\n%s", framework_usage);
    return 2;
}
