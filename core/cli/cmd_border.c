/* cmd_border.c — `guotu border`: conflicts along the shared borders of adjacent cities. */
#include <cpl_conv.h>
#include <getopt.h>
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "border_output.h"
#include "cli.h"
#include "commands.h"
#include "guotu/guotu.h"
#include "metric_zone.h"
#include "progress_bar.h"
#include "vector_source.h"

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
    const char *admin, *admin_layer, *admin_id, *admin_name;
    const char *elements, *elements_layer, *city_field, *category_field, *name_field;
    const char *area, *crs, *encoding, *output;
    int city_from_layer, threads;
    char weights[64];
    guotu_border_options o;
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
    guotu_border_options_init(&a->o);
    a->area = "ellipsoidal";
    optind = 1;
    opterr = 0;
    int c;
    while ((c = getopt_long(argc, argv, "o:h", options, NULL)) != -1) {
        double *number = NULL;
        switch (c) {
        case O_ADMIN: a->admin = optarg; break;
        case O_ADMIN_LAYER: a->admin_layer = optarg; break;
        case O_ADMIN_ID: a->admin_id = optarg; break;
        case O_ADMIN_NAME: a->admin_name = optarg; break;
        case O_ELEMENTS: a->elements = optarg; break;
        case O_ELEMENTS_LAYER: a->elements_layer = optarg; break;
        case O_CITY: a->city_field = optarg; break;
        case O_CITY_LAYER: a->city_from_layer = 1; break;
        case O_CATEGORY: a->category_field = optarg; break;
        case O_NAME: a->name_field = optarg; break;
        case O_CORRIDOR: number = &a->o.corridor_m; break;
        case O_REACH: number = &a->o.reach_m; break;
        case O_SNAP: number = &a->o.snap_m; break;
        case O_MIN_LENGTH: number = &a->o.min_length_m; break;
        case O_MIN_AREA: number = &a->o.min_area_m2; break;
        case O_BASEMAP_MIN: number = &a->o.basemap_min_m2; break;
        case O_WEIGHTS:
            snprintf(a->weights, sizeof a->weights, "%s", optarg);
            if (parse_weights(optarg, &a->o))
                return cli_usage_error("border", usage, "--weights takes four numbers >= 0 like 1,1,0.75,0.5, not '%s'",
                                       optarg);
            break;
        case O_AREA: a->area = optarg; break;
        case O_CRS: a->crs = optarg; break;
        case O_ENCODING: a->encoding = optarg; break;
        case O_THREADS:
            if (cli_parse_threads(optarg, &a->threads))
                return cli_usage_error("border", usage, "--threads needs a whole number from 1 to 64, not '%s'",
                                       optarg);
            break;
        case 'o': a->output = optarg; break;
        case 'h': fputs(usage, stdout); return -1;
        default: return cli_usage_error("border", usage, "unknown or incomplete option '%s'", argv[optind - 1]);
        }
        if (number && cli_parse_nonnegative(optarg, number))
            return cli_usage_error("border", usage, "%s needs a number >= 0, not '%s'", argv[optind - 2], optarg);
    }
    if (!a->weights[0]) snprintf(a->weights, sizeof a->weights, "1,1,0.75,0.5");
    const char *u = NULL;
    if (optind < argc)
        u = "unexpected argument";
    else if (!a->admin || !a->admin_id)
        u = "--admin and --admin-id are required";
    else if (!a->elements || !a->category_field)
        u = "--elements and --category-field are required";
    else if (!a->city_field == !a->city_from_layer)
        u = "give either --city-field or --city-from-layer";
    else if (a->city_from_layer && a->elements_layer)
        u = "--city-from-layer reads every layer: no --elements-layer";
    else if (!a->output)
        u = "-o is required";
    else if (strcmp(a->area, "ellipsoidal") && strcmp(a->area, "planar"))
        u = "--area must be ellipsoidal or planar";
    else if (strlen(a->output) < 5 || strcmp(a->output + strlen(a->output) - 5, ".gpkg"))
        u = "-o must be a .gpkg file";
    if (u) return cli_usage_error("border", usage, "%s", u);
    a->o.area_method = strcmp(a->area, "planar") == 0 ? GUOTU_AREA_PLANAR : GUOTU_AREA_ELLIPSOIDAL;
    return 0;
}

typedef struct border_run border_run;

/* One thread's share: its own context and border object with all the inputs, comparing
 * the pairs of its part (see guotu_border_options.parts). */
typedef struct border_worker {
    border_run *run;
    int index;
    guotu_context *ctx;
    guotu_border *border;
    pthread_t thread;
    int failed;
    char err[2048];
} border_worker;

struct border_run {
    border_args a;
    OGRSpatialReferenceH srs; /* the working CRS; NULL when the admin layer has none */
    char *crs_wkt;
    char zone_note[512]; /* the Gauss-Krüger zone geographic data was reprojected to; "" none */
    border_output out;   /* shared by the workers; its callbacks lock */
    int64_t admins, elements;
    border_worker *workers;
    int nworkers;
    progress_bar bar;
    char err[2048];
};

/* Reprojects a layer into the working CRS when it is in another; refuses a layer without
 * a CRS next to one with a CRS. */
static int align(border_run *r, vector_source *src, const char *role, int quiet, char *err, size_t err_size) {
    layer_crs_target t = {.srs = r->srs, .words = "the working CRS", .equivalent = 1, .note = quiet ? NULL : cli_note};
    return layer_crs_align(&t, src, role, NULL, err, err_size);
}

static int core_failed(border_worker *w, const char *layer, const char *path) {
    if (layer)
        snprintf(w->err, sizeof w->err, "layer '%s' of '%s': %s", layer, path, guotu_context_last_error(w->ctx));
    else
        snprintf(w->err, sizeof w->err, "%s", guotu_context_last_error(w->ctx));
    return 1;
}

/* Admin id -> name for the output's name columns, read before the workers start (their
 * callbacks write rows with names). */
static int name_table(border_run *r, vector_source *src) {
    if (vector_source_use_field(src, r->a.admin_id, r->err, sizeof r->err)) return 1;
    int name = r->a.admin_name ? vector_source_field(src, r->a.admin_name, r->err, sizeof r->err) : -1;
    if (r->a.admin_name && name < 0) return 1;
    size_t count = (size_t)vector_source_count(src);
    r->out.ids = calloc(count ? count : 1, sizeof *r->out.ids);
    r->out.names = calloc(count ? count : 1, sizeof *r->out.names);
    if (!r->out.ids || !r->out.names) return snprintf(r->err, sizeof r->err, "out of memory") > 0;
    char id[1024];
    int64_t fid;
    const unsigned char *wkb;
    size_t size;
    int more = 0;
    while (r->out.nadmins < count &&
           (more = vector_source_next(src, &fid, id, sizeof id, &wkb, &size, r->err, sizeof r->err)) == 1) {
        r->out.ids[r->out.nadmins] = CPLStrdup(id);
        r->out.names[r->out.nadmins] = CPLStrdup(name >= 0 ? vector_source_text(src, name) : "");
        r->out.nadmins++;
    }
    return more < 0;
}

/* The working CRS: --crs, else the admin layer's; and the name table. */
static int working_crs(border_run *r) {
    vector_source src;
    int failed = vector_source_open(&src, r->a.admin, r->a.admin_layer, r->a.encoding, r->err, sizeof r->err);
    if (!failed && r->a.crs) {
        r->srs = OSRNewSpatialReference(NULL);
        if (OSRSetFromUserInput(r->srs, r->a.crs) != OGRERR_NONE) {
            snprintf(r->err, sizeof r->err, "--crs: unknown CRS '%s'", r->a.crs);
            failed = 1;
        }
    } else if (!failed && vector_source_crs(&src)) {
        r->srs = OSRClone(vector_source_crs(&src));
    }
    /* Geographic data: the run works in the Gauss-Krüger zone of the admin units' and the
     * elements' centre (SPEC §8). */
    if (!failed && r->srs && OSRIsGeographic(r->srs)) {
        metric_extent e;
        metric_extent_init(&e);
        metric_extent_add_layer(&e, src.layer, vector_source_crs(&src), r->srs);
        failed = metric_extent_add_file(&e, r->a.elements, r->a.city_from_layer ? NULL : r->a.elements_layer, r->srs,
                                        r->err, sizeof r->err);
        char what[1200], zh[768];
        snprintf(what, sizeof what, "the admin layer '%.200s' of '%.600s'%s", src.layer_name, src.path,
                 r->a.crs ? " (--crs)" : "");
        OGRSpatialReferenceH zone = NULL;
        if (!failed)
            failed = metric_zone_choose(r->srs, &e, what, &zone, r->zone_note, sizeof r->zone_note, zh, sizeof zh,
                                        r->err, sizeof r->err);
        if (zone) {
            OSRDestroySpatialReference(r->srs);
            r->srs = zone;
            fprintf(stderr, "guotu border: note: %s\n", r->zone_note);
        }
    }
    if (!failed && r->srs) {
        OSRSetAxisMappingStrategy(r->srs, OAMS_TRADITIONAL_GIS_ORDER);
        const char *opts[] = {"FORMAT=WKT2_2019", NULL};
        OSRExportToWktEx(r->srs, &r->crs_wkt, opts);
    }
    if (!failed) failed = name_table(r, &src);
    vector_source_close(&src);
    return failed;
}

static int read_admins(border_worker *w) {
    border_run *r = w->run;
    vector_source src;
    int failed = vector_source_open(&src, r->a.admin, r->a.admin_layer, r->a.encoding, w->err, sizeof w->err) ||
                 vector_source_use_field(&src, r->a.admin_id, w->err, sizeof w->err) ||
                 align(r, &src, "admin", w->index > 0, w->err, sizeof w->err);
    int name = -1;
    if (!failed && r->a.admin_name) {
        name = vector_source_field(&src, r->a.admin_name, w->err, sizeof w->err);
        failed = name < 0;
    }
    if (!failed) {
        guotu_border_options o = r->a.o;
        o.crs = r->crs_wkt;
        o.part = w->index;
        o.parts = r->nworkers;
        if (guotu_border_create(w->ctx, &o, &w->border)) {
            failed = core_failed(w, NULL, NULL);
        }
    }
    /* The first worker keeps the id -> name table of the output. */
    char id[1024];
    int64_t fid, admins = 0;
    const unsigned char *wkb;
    size_t size;
    int more = 0;
    while (!failed && (more = vector_source_next(&src, &fid, id, sizeof id, &wkb, &size, w->err, sizeof w->err)) == 1) {
        if (!wkb) {
            snprintf(w->err, sizeof w->err, "feature %lld of the admin layer '%s' of '%s' has no geometry",
                     (long long)fid, src.layer_name, src.path);
            failed = 1;
            break;
        }
        if (!id[0]) {
            snprintf(w->err, sizeof w->err, "feature %lld of the admin layer '%s' has an empty id field '%s'",
                     (long long)fid, src.layer_name, r->a.admin_id);
            failed = 1;
            break;
        }
        const char *nm = name >= 0 ? vector_source_text(&src, name) : "";
        if (guotu_border_add_admin(w->ctx, w->border, id, nm, fid, wkb, size)) {
            failed = core_failed(w, src.layer_name, src.path);
            break;
        }
        admins++;
    }
    if (more < 0) failed = 1;
    if (!failed && !admins) {
        snprintf(w->err, sizeof w->err, "the admin layer '%s' of '%s' has no features", src.layer_name, src.path);
        failed = 1;
    }
    if (!w->index) r->admins = admins;
    vector_source_close(&src);
    return failed;
}

/* One layer of elements; `city` is the layer's city id with --city-from-layer, else NULL. */
static int read_element_layer(border_worker *w, const char *layer, const char *city, int64_t *count) {
    border_run *r = w->run;
    vector_source src;
    int failed = vector_source_open(&src, r->a.elements, layer, r->a.encoding, w->err, sizeof w->err);
    if (!failed && !city) failed = vector_source_use_field(&src, r->a.city_field, w->err, sizeof w->err);
    int category = failed ? -1 : vector_source_field(&src, r->a.category_field, w->err, sizeof w->err);
    int name = -1;
    if (!failed && category < 0) failed = 1;
    if (!failed && r->a.name_field) {
        name = vector_source_field(&src, r->a.name_field, w->err, sizeof w->err);
        failed = name < 0;
    }
    if (!failed) failed = align(r, &src, "elements", w->index > 0, w->err, sizeof w->err);
    char value[1024];
    int64_t fid;
    const unsigned char *wkb;
    size_t size;
    int more = 0;
    while (!failed &&
           (more = vector_source_next(&src, &fid, value, sizeof value, &wkb, &size, w->err, sizeof w->err)) == 1) {
        const char *cat = vector_source_text(&src, category);
        if (!cat[0]) {
            snprintf(w->err, sizeof w->err,
                     "feature %lld of the elements layer '%s' of '%s' has an empty category field '%s'", (long long)fid,
                     src.layer_name, src.path, r->a.category_field);
            failed = 1;
            break;
        }
        if (guotu_border_add_element(w->ctx, w->border, city ? city : value, cat,
                                     name >= 0 ? vector_source_text(&src, name) : "", fid, wkb, size)) {
            failed = core_failed(w, src.layer_name, src.path);
            break;
        }
        (*count)++;
    }
    if (more < 0) failed = 1;
    vector_source_close(&src);
    return failed;
}

static int read_elements(border_worker *w) {
    border_run *r = w->run;
    int64_t count = 0;
    int failed = 0;
    if (!r->a.city_from_layer) {
        failed = read_element_layer(w, r->a.elements_layer, NULL, &count);
    } else {
        GDALDatasetH ds = GDALOpenEx(r->a.elements, GDAL_OF_VECTOR | GDAL_OF_READONLY, NULL, NULL, NULL);
        if (!ds) {
            snprintf(w->err, sizeof w->err, "cannot open '%s' as a vector file: %s", r->a.elements,
                     CPLGetLastErrorMsg());
            return 1;
        }
        int n = GDALDatasetGetLayerCount(ds), used = 0;
        for (int i = 0; !failed && i < n; i++) {
            OGRLayerH layer = GDALDatasetGetLayer(ds, i);
            OGRwkbGeometryType t = wkbFlatten(OGR_L_GetGeomType(layer));
            if (t != wkbPolygon && t != wkbMultiPolygon && t != wkbUnknown) continue;
            char name[256];
            snprintf(name, sizeof name, "%s", OGR_L_GetName(layer));
            failed = read_element_layer(w, name, name, &count);
            used++;
        }
        GDALClose(ds);
        if (!failed && !used) {
            snprintf(w->err, sizeof w->err, "'%s' has no polygon layers (one per city is expected)", r->a.elements);
            failed = 1;
        }
    }
    if (!w->index) r->elements = count;
    return failed;
}

static int worker_run(border_worker *w) {
    if (read_admins(w) || read_elements(w)) return 1;
    if (guotu_border_run(w->ctx, w->border, &border_output_callbacks, &w->run->out)) {
        /* A write error from a callback keeps its own text. */
        if (w->run->out.failed)
            snprintf(w->err, sizeof w->err, "%s", w->run->err);
        else
            core_failed(w, NULL, NULL);
        return 1;
    }
    return 0;
}

static void *worker_thread(void *arg) {
    border_worker *w = arg;
    w->failed = worker_run(w);
    return NULL;
}

/* Runs the workers (the first here, the others on threads) and merges them into the first. */
static int run_workers(border_run *r) {
    r->nworkers = io_thread_count(r->a.threads, 0);
    r->workers = calloc((size_t)r->nworkers, sizeof *r->workers);
    if (!r->workers) return snprintf(r->err, sizeof r->err, "out of memory") > 0;
    for (int k = 0; k < r->nworkers; k++) {
        border_worker *w = &r->workers[k];
        w->run = r;
        w->index = k;
        w->ctx = guotu_context_create();
        if (!w->ctx) return snprintf(r->err, sizeof r->err, "out of memory") > 0;
    }
    guotu_context_set_progress(r->workers[0].ctx, progress_bar_update, &r->bar);
    int started = 0;
    for (int k = 1; k < r->nworkers; k++) {
        if (pthread_create(&r->workers[k].thread, NULL, worker_thread, &r->workers[k]) != 0) break;
        started = k;
    }
    int failed = worker_run(&r->workers[0]);
    if (failed) snprintf(r->err, sizeof r->err, "%s", r->workers[0].err);
    for (int k = 1; k <= started; k++) {
        pthread_join(r->workers[k].thread, NULL);
        if (!failed && r->workers[k].failed) {
            snprintf(r->err, sizeof r->err, "%s", r->workers[k].err);
            failed = 1;
        }
    }
    if (!failed && started < r->nworkers - 1) failed = snprintf(r->err, sizeof r->err, "cannot start threads") > 0;
    for (int k = 1; !failed && k < r->nworkers; k++)
        if (guotu_border_merge(r->workers[0].ctx, r->workers[0].border, r->workers[k].border)) {
            snprintf(r->err, sizeof r->err, "%s", guotu_context_last_error(r->workers[0].ctx));
            failed = 1;
        }
    return failed;
}
static int write_summary(border_run *r) {
    char admin[1200], elements[1200], when[32], numbers[8][32];
    cli_describe_file(r->a.admin, admin, sizeof admin);
    cli_describe_file(r->a.elements, elements, sizeof elements);
    time_t now = time(NULL);
    strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", gmtime(&now));
    const double values[] = {r->a.o.corridor_m,   r->a.o.reach_m,     r->a.o.snap_m,
                             r->a.o.min_length_m, r->a.o.min_area_m2, r->a.o.basemap_min_m2};
    for (int i = 0; i < 6; i++)
        snprintf(numbers[i], sizeof numbers[i], "%g", values[i]);
    const table_meta meta[] = {{"guotu_version", guotu_version()},
                               {"created_utc", when},
                               {"admin", admin},
                               {"admin_layer", r->a.admin_layer ? r->a.admin_layer : "(first polygon layer)"},
                               {"admin_id_field", r->a.admin_id},
                               {"admin_name_field", r->a.admin_name ? r->a.admin_name : "(none)"},
                               {"elements", elements},
                               {"elements_layer", r->a.city_from_layer  ? "(one layer per city)"
                                                  : r->a.elements_layer ? r->a.elements_layer
                                                                        : "(first polygon layer)"},
                               {"city_field", r->a.city_from_layer ? "(layer name)" : r->a.city_field},
                               {"category_field", r->a.category_field},
                               {"name_field", r->a.name_field ? r->a.name_field : "(none)"},
                               {"corridor_m", numbers[0]},
                               {"reach_m", numbers[1]},
                               {"snap_m", numbers[2]},
                               {"min_length_m", numbers[3]},
                               {"min_area_m2", numbers[4]},
                               {"basemap_min_m2", numbers[5]},
                               {"weights_overlap_mismatch_gap_discontinuity", r->a.weights},
                               {"area_method", r->a.area},
                               {"crs", r->srs ? OSRGetName(r->srs) : "(none)"},
                               {"crs_note", r->zone_note[0] ? r->zone_note : "(none)"},
                               {"encoding", r->a.encoding ? r->a.encoding : "(the files' own)"}};
    return border_output_summary(&r->out, r->workers[0].ctx, r->workers[0].border, meta,
                                 (int)(sizeof meta / sizeof meta[0]));
}

static void print_summary(border_run *r) {
    guotu_border_stats st;
    guotu_border_get_stats(r->workers[0].ctx, r->workers[0].border, &st);
    size_t pairs = guotu_border_pair_count(r->workers[0].border);
    printf("Cross-city borders: %lld admin units, %zu adjacent pairs, %lld elements (%lld near a shared border)\n",
           (long long)st.admins, pairs, (long long)st.elements, (long long)st.elements_compared);
    printf("  conflicts: %lld overlap, %lld gap, %lld discontinuity, %lld category mismatch\n",
           (long long)r->out.counts[0], (long long)r->out.counts[1], (long long)r->out.counts[2],
           (long long)r->out.counts[3]);
    if (st.admins_invalid) printf("  note: %lld admin units were invalid (repaired)\n", (long long)st.admins_invalid);
    if (st.elements_no_city || st.elements_unknown_city || st.elements_no_geometry)
        printf("  note: not compared: %lld elements without city, %lld with a city id not in the admin layer, %lld "
               "without geometry (see basemap_issues)\n",
               (long long)st.elements_no_city, (long long)st.elements_unknown_city, (long long)st.elements_no_geometry);
    if (st.elements_invalid) printf("  note: %lld elements were invalid (repaired)\n", (long long)st.elements_invalid);
    printf("  %lld base-map and input issues\n", (long long)r->out.issue_counts);
    printf("  written: %s\n", r->a.output);
}

int cmd_border(int argc, char **argv) {
    border_run r;
    memset(&r, 0, sizeof r);
    int parsed = parse(argc, argv, &r.a);
    if (parsed) return parsed < 0 ? 0 : 2;
    const char *inputs[] = {r.a.admin, r.a.elements};
    if (io_refuse_overwrite(inputs, 2, &r.a.output, 1, r.err, sizeof r.err)) return cli_error("%s", r.err);
    r.out.err = r.err;
    r.out.err_size = sizeof r.err;
    pthread_mutex_init(&r.out.lock, NULL);
    progress_bar_init(&r.bar);
    int failed = working_crs(&r) || border_output_open(&r.out, r.a.output, r.srs) || run_workers(&r);
    progress_bar_done(&r.bar);
    if (!failed) failed = write_summary(&r);
    if (!failed) {
        failed = gpkg_writer_commit(r.out.out, r.err, sizeof r.err); /* frees the writer either way */
        r.out.out = NULL;
    }
    if (!failed)
        print_summary(&r);
    else
        fprintf(stderr, "guotu border: error: %s\n", r.err);
    gpkg_writer_abort(r.out.out);
    border_output_free(&r.out);
    for (int k = 0; k < r.nworkers; k++) {
        guotu_border_destroy(r.workers[k].ctx, r.workers[k].border);
        guotu_context_destroy(r.workers[k].ctx);
    }
    free(r.workers);
    pthread_mutex_destroy(&r.out.lock);
    for (size_t i = 0; i < r.out.nadmins; i++) {
        CPLFree(r.out.ids[i]);
        CPLFree(r.out.names[i]);
    }
    free(r.out.ids);
    free(r.out.names);
    CPLFree(r.crs_wkt);
    if (r.srs) OSRDestroySpatialReference(r.srs);
    return failed ? 1 : 0;
}
