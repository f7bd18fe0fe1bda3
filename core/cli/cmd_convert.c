/* cmd_convert.c — `guotu convert`: land-use conversion map between two polygon layers. */
#include <cpl_conv.h>
#include <getopt.h>
#include <math.h>
#include <pthread.h>
#include <unistd.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli.h"
#include "cli_temp.h"
#include "commands.h"
#include "convert_raster.h"
#include "gpkg_writer.h"
#include "guotu/guotu.h"
#include "progress_bar.h"
#include "raster_source.h"
#include "resources.h"
#include "row_queue.h"
#include "vector_source.h"

static const char *const convert_usage =
    "usage: guotu convert --before FILE [--before-layer NAME] --before-class-field F --before-system S\n"
    "         --after FILE [--after-layer NAME] --after-class-field F --after-system S\n"
    "         [--zones FILE [--zones-layer NAME] --zone-id F] [--workspace W.gpkg] [--policy CSV]\n"
    "         [--before-categories CSV] [--after-categories CSV]\n"
    "         [--area ellipsoidal|planar] [--invalid repair|fail] [--crs-mismatch reproject|fail]\n"
    "         [--encoding NAME] [--threads N] [--resample-to before|after] -o OUT.gpkg\n"
    "\n"
    "Land-use conversion map (用途转用, SPEC §4): the two layers are overlaid as vectors; every\n"
    "piece gets its codes, their policy categories (from each system's preset, or your own\n"
    "code,category table), the policy status — same, path, conditional, prohibited, gap — with\n"
    "its legal paths in Chinese and English, its area and the change in standard-forest ha\n"
    "(voucher coefficients). Systems: CAS_LUCC, SANDIAO_WORK, GBT21010_2017, YDYH_2023.\n"
    "--policy replaces the 10 x 10 policy table (columns from,to,status,paths_zh,paths_en).\n"
    "--threads splits the after layer over N overlay threads while one more writes the\n"
    "output (default: one per CPU).\n"
    "--workspace takes a three-lines workspace (`guotu lines init`): pieces are split by the\n"
    "red line, permanent farmland and urban boundary (the red line wins where they overlap,\n"
    "then farmland), conversions gets a field `line` and OUT.gpkg a table line_summary\n"
    "(area by zone, line and status).\n"
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
    const char *before, *before_layer, *before_class, *before_system;
    const char *after, *after_layer, *after_class, *after_system;
    const char *zones, *zones_layer, *zone_id, *workspace;
    const char *policy, *before_categories, *after_categories;
    const char *area, *invalid, *crs_mismatch, *encoding, *output;
    const char *resample_to;
    int threads;
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
    O_RESAMPLE
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

struct convert_run;

/* One thread's share: its own context, overlay and file handles (the core and GDAL are
 * used by one thread each); it takes every count-th "after" feature from index. */
typedef struct convert_worker {
    struct convert_run *run;
    int index, count;
    guotu_context *ctx;
    guotu_convert *cv;
    vector_source before, after, zones;
    int failed;
    char err[2048];
    pthread_t thread;
    row_batch *batch; /* pieces on their way to the writer */
} convert_worker;

typedef struct convert_run {
    convert_args a;
    guotu_context *ctx;
    convert_worker *workers;
    int nworkers;
    row_queue *queue; /* pieces from the workers to the writer (the main thread) */
    guotu_category_map *maps[2];
    guotu_policy *policy;
    guotu_coefficients *k[2];
    char sources[5][1200];
    int rasters;                             /* both inputs are rasters */
    char status_tif[1100], status_tmp[1120]; /* rasters: the status GeoTIFF, and while writing */
    guotu_convert *cv;                       /* worker 0's, which the others merge into; rasters: the grid overlay */
    gpkg_writer *out;
    int pieces_layer;
    progress_bar bar;
    char err[2048];
} convert_run;

static int core_error(convert_run *r) {
    snprintf(r->err, sizeof r->err, "%s", guotu_context_last_error(r->ctx));
    return 1;
}

static int load_tables(convert_run *r) {
    const convert_args *a = &r->a;
    const char *maps[2] = {a->before_categories ? a->before_categories : a->before_system,
                           a->after_categories ? a->after_categories : a->after_system};
    for (int side = 0; side < 2; side++) {
        size_t n = 0;
        char *text = table_text_load(maps[side], "conversion", r->sources[side], sizeof r->sources[side], &n, r->err,
                                     sizeof r->err);
        if (!text) return 1;
        int status = guotu_category_map_parse(r->ctx, text, n, r->sources[side], &r->maps[side]);
        free(text);
        if (status) return core_error(r);
        /* Standard-forest change per piece uses each system's voucher preset. */
        const char *system = side ? a->after_system : a->before_system;
        text = table_text_load(system, "voucher", r->sources[3 + side], sizeof r->sources[3 + side], &n, r->err,
                               sizeof r->err);
        if (!text) return 1;
        status = guotu_coefficients_parse(r->ctx, text, n, r->sources[3 + side], NULL, &r->k[side]);
        free(text);
        if (status) return core_error(r);
    }
    size_t n = 0;
    char *text =
        table_text_load(a->policy, "conversion", r->sources[2], sizeof r->sources[2], &n, r->err, sizeof r->err);
    if (!text) return 1;
    int status = guotu_policy_parse(r->ctx, text, n, r->sources[2], &r->policy);
    free(text);
    return status ? core_error(r) : 0;
}

/* Reprojects `src` into the before layer's CRS when they differ (or refuses). */
static int align(convert_worker *w, vector_source *src, const char *role) {
    OGRSpatialReferenceH want = vector_source_crs(&w->before), have = vector_source_crs(src);
    if (!have && !want) return 0;
    if (!have || !want) {
        snprintf(w->err, sizeof w->err, "the %s layer '%s' %s a CRS but the before layer '%s' %s", role,
                 src->layer_name, have ? "has" : "has no", w->before.layer_name, want ? "has one" : "has none");
        return 1;
    }
    const char *same_opts[] = {"IGNORE_DATA_AXIS_TO_SRS_AXIS_MAPPING=YES", NULL};
    if (OSRIsSameEx(have, want, same_opts)) return 0;
    if (strcmp(w->run->a.crs_mismatch, "fail") == 0) {
        snprintf(w->err, sizeof w->err,
                 "the %s layer '%s' is in %s but the before layer is in %s (--crs-mismatch fail)", role,
                 src->layer_name, OSRGetName(have), OSRGetName(want));
        return 1;
    }
    if (w->index == 0)
        fprintf(stderr, "guotu: note: reprojecting the %s layer '%s' from %s to %s\n", role, src->layer_name,
                OSRGetName(have), OSRGetName(want));
    return vector_source_reproject_to(src, want, w->err, sizeof w->err);
}

static int open_inputs(convert_worker *w) {
    const convert_args *a = &w->run->a;
    if (!a->before_class || !a->after_class) {
        snprintf(w->err, sizeof w->err, "vector land use needs --before-class-field and --after-class-field");
        return 1;
    }
    if (vector_source_open(&w->before, a->before, a->before_layer, a->encoding, w->err, sizeof w->err) ||
        vector_source_use_field(&w->before, a->before_class, w->err, sizeof w->err) ||
        vector_source_open(&w->after, a->after, a->after_layer, a->encoding, w->err, sizeof w->err) ||
        vector_source_use_field(&w->after, a->after_class, w->err, sizeof w->err) || align(w, &w->after, "after"))
        return 1;
    if (a->zones &&
        (vector_source_open(&w->zones, a->zones, a->zones_layer, a->encoding, w->err, sizeof w->err) ||
         vector_source_use_field(&w->zones, a->zone_id, w->err, sizeof w->err) || align(w, &w->zones, "zones")))
        return 1;
    return 0;
}

/* The three lines of the workspace, reprojected like the other layers. */
static int feed_lines(convert_worker *w) {
    static const char *const layers[3] = {"ecological_redline", "permanent_farmland", "urban_boundary"};
    const char *path = w->run->a.workspace;
    for (int line = 0; line < 3; line++) {
        vector_source src;
        if (vector_source_open(&src, path, layers[line], NULL, w->err, sizeof w->err)) {
            workspace_layer_message(w->err, sizeof w->err, layers[line]);
            return 1;
        }
        int failed = align(w, &src, layers[line]);
        int64_t fid;
        const unsigned char *wkb;
        size_t size;
        char value[8];
        int more = 0;
        while (!failed &&
               (more = vector_source_next(&src, &fid, value, sizeof value, &wkb, &size, w->err, sizeof w->err)) == 1)
            if (guotu_convert_add_line(w->ctx, w->cv, (guotu_line)line, fid, wkb, size)) {
                snprintf(w->err, sizeof w->err, "%s", guotu_context_last_error(w->ctx));
                failed = 1;
            }
        vector_source_close(&src);
        if (failed || more < 0) return 1;
    }
    return 0;
}

static int write_piece(const guotu_conversion_piece *p, void *user) {
    convert_worker *w = user;
    convert_run *r = w->run;
    const char *texts[11] = {
        p->from_code, p->to_code, p->from_category, p->to_category, p->status, p->paths_zh, p->paths_en, 0, 0,
        p->zone_id,   p->line};
    double reals[11] = {0, 0, 0, 0, 0, 0, 0, p->area_ha, p->dm_ha, 0, 0};
    int stop = row_queue_add(r->queue, &w->batch, texts, reals, p->wkb, p->wkb_size);
    if (stop == ROW_QUEUE_NOMEM) snprintf(w->err, sizeof w->err, "out of memory");
    return stop; /* ROW_QUEUE_STOPPED: the writer's own error is the one reported */
}

/* The writer's end of the queue: one piece into the GeoPackage. */
static int store_piece(void *user, const char *const *texts, const double *reals, const unsigned char *wkb,
                       size_t wkb_size) {
    convert_run *r = user;
    return gpkg_writer_row(r->out, r->pieces_layer, texts, reals, wkb, wkb_size, r->err, sizeof r->err);
}

/* Feeds a layer to the worker's overlay; "after" features only every count-th one. */
static int feed(convert_worker *w, vector_source *src, int side) {
    char value[1024];
    int64_t fid;
    const unsigned char *wkb;
    size_t size;
    int more;
    for (int64_t i = 0;
         (more = vector_source_next(src, &fid, value, sizeof value, &wkb, &size, w->err, sizeof w->err)) == 1; i++) {
        if (side == 1 && i % w->count != w->index) continue;
        int status = side == 2   ? guotu_convert_add_zone(w->ctx, w->cv, value, fid, wkb, size)
                     : side == 0 ? guotu_convert_add_before(w->ctx, w->cv, value, fid, wkb, size)
                                 : guotu_convert_add_after(w->ctx, w->cv, value, fid, wkb, size);
        if (status) {
            if (!w->err[0]) snprintf(w->err, sizeof w->err, "%s", guotu_context_last_error(w->ctx));
            return 1; /* a write error from the piece callback keeps its own text */
        }
    }
    return more < 0;
}

static int worker_run(convert_worker *w) {
    convert_run *r = w->run;
    if (open_inputs(w)) return 1;
    guotu_convert_options o;
    guotu_convert_options_init(&o);
    char *crs = NULL;
    OGRSpatialReferenceH srs = vector_source_crs(&w->before);
    const char *wkt_opts[] = {"FORMAT=WKT2_2019", NULL};
    if (srs) OSRExportToWktEx(srs, &crs, wkt_opts);
    o.crs = crs;
    o.area_method = strcmp(r->a.area, "planar") == 0 ? GUOTU_AREA_PLANAR : GUOTU_AREA_ELLIPSOIDAL;
    o.invalid = strcmp(r->a.invalid, "fail") == 0 ? GUOTU_INVALID_FAIL : GUOTU_INVALID_REPAIR;
    o.before_label = w->before.layer_name;
    o.after_label = w->after.layer_name;
    o.zones_label = w->zones.layer_name;
    int status = guotu_convert_create(w->ctx, &o, r->maps[0], r->maps[1], r->policy, r->k[0], r->k[1], &w->cv);
    CPLFree(crs);
    if (status) {
        snprintf(w->err, sizeof w->err, "%s", guotu_context_last_error(w->ctx));
        return 1;
    }
    if ((r->a.zones && feed(w, &w->zones, 2)) || feed(w, &w->before, 0) || (r->a.workspace && feed_lines(w))) return 1;
    status = guotu_convert_prepare(w->ctx, w->cv);
    if (status) {
        snprintf(w->err, sizeof w->err, "%s", guotu_context_last_error(w->ctx));
        return 1;
    }
    guotu_convert_set_expected(w->ctx, w->cv, vector_source_count(&w->after) / w->count);
    guotu_convert_set_piece_callback(w->cv, write_piece, w);
    return feed(w, &w->after, 1);
}

static void *worker_thread(void *arg) {
    convert_worker *w = arg;
    w->failed = worker_run(w);
    row_queue_done(w->run->queue, &w->batch);
    return NULL;
}

/* Opens the output, runs the workers on threads while this one writes their pieces, merges. */
static int overlay(convert_run *r) {
    static const table_column columns[] = {
        {"from_code", COLUMN_TEXT, 0, NULL},     {"to_code", COLUMN_TEXT, 0, NULL},
        {"from_category", COLUMN_TEXT, 0, NULL}, {"to_category", COLUMN_TEXT, 0, NULL},
        {"status", COLUMN_TEXT, 0, NULL},        {"path_zh", COLUMN_TEXT, 0, NULL},
        {"path_en", COLUMN_TEXT, 0, NULL},       {"area_ha", COLUMN_REAL, 0, NULL},
        {"dm_ha", COLUMN_REAL, 0, NULL},         {"zone_id", COLUMN_TEXT, 0, NULL},
        {"line", COLUMN_TEXT, 0, NULL}};
    /* One worker per CPU: on real-shaped data the overlay, not the writer, is the work (two
     * workers on two cores: 1.6x one worker on a 三调-shaped county). */
    r->nworkers = cli_thread_count(r->a.threads, 0);
    r->workers = calloc((size_t)r->nworkers, sizeof *r->workers);
    if (!r->workers) {
        snprintf(r->err, sizeof r->err, "out of memory");
        return 1;
    }
    for (int k = 0; k < r->nworkers; k++) {
        convert_worker *w = &r->workers[k];
        w->run = r;
        w->index = k;
        w->count = r->nworkers;
        w->ctx = k == 0 ? r->ctx : guotu_context_create();
        if (!w->ctx) {
            snprintf(r->err, sizeof r->err, "out of memory");
            return 1;
        }
    }
    /* The output's CRS is the before layer's: read it from a handle of our own. */
    vector_source probe;
    if (vector_source_open(&probe, r->a.before, r->a.before_layer, r->a.encoding, r->err, sizeof r->err)) return 1;
    int failed = gpkg_writer_open(&r->out, r->a.output, r->err, sizeof r->err);
    if (!failed) {
        /* Millions of pieces: written straight through SQLite, the spatial index packed at the end. */
        r->pieces_layer = gpkg_writer_add_bulk_layer(r->out, "conversions", vector_source_crs(&probe), columns,
                                                     r->a.workspace ? 11 : 10, r->err, sizeof r->err);
        failed = r->pieces_layer < 0;
    }
    vector_source_close(&probe);
    if (failed) return 1;
    r->queue = row_queue_create(r->a.workspace ? 11 : 10, r->nworkers);
    if (!r->queue) {
        snprintf(r->err, sizeof r->err, "out of memory");
        return 1;
    }
    int started = 0;
    for (int k = 0; k < r->nworkers; k++, started++)
        if (pthread_create(&r->workers[k].thread, NULL, worker_thread, &r->workers[k]) != 0) break;
    for (int k = started; k < r->nworkers; k++)
        row_queue_done(r->queue, &r->workers[k].batch); /* never started: nothing will come */
    /* This thread writes while the workers overlay. */
    failed = row_queue_drain(r->queue, store_piece, r);
    for (int k = 0; k < started; k++) {
        pthread_join(r->workers[k].thread, NULL);
        if (!failed && r->workers[k].failed) {
            snprintf(r->err, sizeof r->err, "%s", r->workers[k].err);
            failed = 1;
        }
    }
    if (!failed && started < r->nworkers) {
        snprintf(r->err, sizeof r->err, "cannot start worker threads");
        failed = 1;
    }
    r->cv = r->workers[0].cv;
    for (int k = 1; !failed && k < r->nworkers; k++)
        if (guotu_convert_merge(r->ctx, r->cv, r->workers[k].cv) != GUOTU_OK) failed = core_error(r);
    if (!failed && guotu_convert_finish(r->ctx, r->cv) != GUOTU_OK) failed = core_error(r);
    return failed;
}

/* Both inputs are rasters: refuses what raster mode cannot do, then overlays cell by cell. */
static int raster_overlay(convert_run *r) {
    const convert_args *a = &r->a;
    if (a->zones || a->workspace) {
        snprintf(r->err, sizeof r->err,
                 "%s with raster land use is not supported yet: run without it, or polygonize both rasters "
                 "(gdal_polygonize) to overlay them as vectors",
                 a->zones ? "--zones" : "--workspace");
        return 1;
    }
    size_t n = strlen(a->output) - 5; /* ".gpkg" */
    snprintf(r->status_tif, sizeof r->status_tif, "%.*s_conversions.tif", (int)(n < 1000 ? n : 1000), a->output);
    if (cli_same_file(r->status_tif, a->before) || cli_same_file(r->status_tif, a->after)) {
        snprintf(r->err, sizeof r->err, "refusing to write the status raster over the input '%s'", r->status_tif);
        return 1;
    }
    if (cli_temp_path(r->status_tif, r->status_tmp, sizeof r->status_tmp)) {
        snprintf(r->err, sizeof r->err, "the output path '%.1000s' is too long", r->status_tif);
        return 1;
    }
    if (gpkg_writer_open(&r->out, a->output, r->err, sizeof r->err)) return 1;
    r->pieces_layer = -1;
    convert_raster_args ra = {a->before, a->after, a->resample_to, a->area, r->status_tmp};
    const guotu_category_map *maps[2] = {r->maps[0], r->maps[1]};
    const guotu_coefficients *k[2] = {r->k[0], r->k[1]};
    char note[1400];
    if (convert_raster_run(r->ctx, &ra, maps, r->policy, k, &r->cv, note, sizeof note, r->err, sizeof r->err)) return 1;
    if (note[0]) fprintf(stderr, "guotu: note: %s\n", note);
    return 0;
}

static int write_tables(convert_run *r, const table_meta *meta, int nmeta) {
    static const table_column tcols[] = {{"zone_id", COLUMN_TEXT, 0, NULL},    {"level", COLUMN_TEXT, 0, NULL},
                                         {"from_class", COLUMN_TEXT, 0, NULL}, {"to_class", COLUMN_TEXT, 0, NULL},
                                         {"status", COLUMN_TEXT, 0, NULL},     {"area_ha", COLUMN_REAL, 0, NULL},
                                         {"dm_ha", COLUMN_REAL, 0, NULL}};
    int t = gpkg_writer_add_layer(r->out, "transitions", wkbNone, NULL, tcols, 7, r->err, sizeof r->err);
    if (t < 0) return 1;
    for (int level = 0; level < 2; level++) {
        size_t n = level ? guotu_convert_code_count(r->cv) : guotu_convert_category_count(r->cv);
        for (size_t i = 0; i < n; i++) {
            guotu_transition row;
            if (level)
                guotu_convert_code_row(r->ctx, r->cv, i, &row);
            else
                guotu_convert_category_row(r->ctx, r->cv, i, &row);
            const char *texts[7] = {row.zone_id, level ? "code" : "category", row.from, row.to, row.status, 0, 0};
            double reals[7] = {0, 0, 0, 0, 0, row.area_ha, row.dm_ha};
            if (gpkg_writer_row(r->out, t, texts, reals, NULL, 0, r->err, sizeof r->err)) return 1;
        }
    }
    gpkg_writer_meta(r->out, t, meta, nmeta);
    static const table_column scols[] = {
        {"zone_id", COLUMN_TEXT, 0, NULL}, {"status", COLUMN_TEXT, 0, NULL}, {"area_ha", COLUMN_REAL, 0, NULL}};
    int s = gpkg_writer_add_layer(r->out, "status_summary", wkbNone, NULL, scols, 3, r->err, sizeof r->err);
    if (s < 0) return 1;
    for (size_t i = 0; i < guotu_convert_status_count(r->cv); i++) {
        guotu_status_area row;
        guotu_convert_status_row(r->ctx, r->cv, i, &row);
        const char *texts[3] = {row.zone_id, row.status, 0};
        double reals[3] = {0, 0, row.area_ha};
        if (gpkg_writer_row(r->out, s, texts, reals, NULL, 0, r->err, sizeof r->err)) return 1;
    }
    static const table_column ucols[] = {
        {"class_code", COLUMN_TEXT, 0, NULL}, {"layer", COLUMN_TEXT, 0, NULL}, {"area_ha", COLUMN_REAL, 0, NULL}};
    int u = gpkg_writer_add_layer(r->out, "unknown_codes", wkbNone, NULL, ucols, 3, r->err, sizeof r->err);
    if (u < 0) return 1;
    for (size_t i = 0; i < guotu_convert_unknown_count(r->cv); i++) {
        guotu_unknown_code row;
        guotu_convert_unknown_row(r->ctx, r->cv, i, &row);
        const char *texts[3] = {row.code, row.side ? "after" : "before", 0};
        double reals[3] = {0, 0, row.area_ha};
        if (gpkg_writer_row(r->out, u, texts, reals, NULL, 0, r->err, sizeof r->err)) return 1;
    }
    if (r->a.workspace) {
        static const table_column lcols[] = {{"zone_id", COLUMN_TEXT, 0, NULL},
                                             {"line", COLUMN_TEXT, 0, NULL},
                                             {"status", COLUMN_TEXT, 0, NULL},
                                             {"area_ha", COLUMN_REAL, 0, NULL}};
        int l = gpkg_writer_add_layer(r->out, "line_summary", wkbNone, NULL, lcols, 4, r->err, sizeof r->err);
        if (l < 0) return 1;
        for (size_t i = 0; i < guotu_convert_line_count(r->cv); i++) {
            guotu_line_status_area row;
            guotu_convert_line_row(r->ctx, r->cv, i, &row);
            const char *texts[4] = {row.zone_id, row.line, row.status, 0};
            double reals[4] = {0, 0, 0, row.area_ha};
            if (gpkg_writer_row(r->out, l, texts, reals, NULL, 0, r->err, sizeof r->err)) return 1;
        }
        gpkg_writer_meta(r->out, l, meta, nmeta);
    }
    if (r->pieces_layer >= 0) gpkg_writer_meta(r->out, r->pieces_layer, meta, nmeta);
    return 0;
}

static void print_summary(convert_run *r, double seconds) {
    guotu_convert_stats st;
    guotu_convert_get_stats(r->ctx, r->cv, &st);
    printf("Land-use conversion %s (%s) -> %s (%s), %s area\n", r->a.before, r->a.before_system, r->a.after,
           r->a.after_system, r->a.area);
    if (r->rasters) {
        printf("  before: %.2f ha with data; after: %.2f ha with data\n", st.before_area_ha, st.after_area_ha);
        printf("  overlaid: %.2f ha in %lld cells (%lld cells without data on either side skipped), %.1f s\n",
               st.overlaid_area_ha, (long long)st.cells, (long long)st.nodata_cells, seconds);
    } else {
        printf("  before: %lld polygons, %.2f ha; after: %lld polygons, %.2f ha\n", (long long)st.before_features,
               st.before_area_ha, (long long)st.after_features, st.after_area_ha);
        printf("  overlaid: %.2f ha in %lld pieces, %.1f s\n", st.overlaid_area_ha, (long long)st.pieces, seconds);
    }
    const char *all = r->a.zones ? "*" : "";
    for (size_t i = 0; i < guotu_convert_status_count(r->cv); i++) {
        guotu_status_area row;
        guotu_convert_status_row(r->ctx, r->cv, i, &row);
        if (!strcmp(row.zone_id, all)) printf("  %-12s %14.2f ha\n", row.status, row.area_ha);
    }
    if (r->a.workspace) {
        printf("  three lines: %lld features\n", (long long)st.line_features);
        for (size_t i = 0; i < guotu_convert_line_count(r->cv); i++) {
            guotu_line_status_area row;
            guotu_convert_line_row(r->ctx, r->cv, i, &row);
            if (!strcmp(row.zone_id, all) && row.line[0])
                printf("  in %-19s %-12s %14.2f ha\n", row.line, row.status, row.area_ha);
        }
    }
    for (size_t i = 0; i < guotu_convert_unknown_count(r->cv); i++) {
        guotu_unknown_code u;
        guotu_convert_unknown_row(r->ctx, r->cv, i, &u);
        printf("  note: code '%s' of the %s layer has no category (%.2f ha reported as 'unknown')\n", u.code,
               u.side ? "after" : "before", u.area_ha);
    }
    printf("  written: %s\n", r->a.output);
    if (r->rasters) printf("  written: %s (status per cell)\n", r->status_tif);
}

int cmd_convert(int argc, char **argv) {
    convert_run r;
    memset(&r, 0, sizeof r);
    int parsed = parse_convert_args(argc, argv, &r.a);
    if (parsed) return parsed < 0 ? 0 : 2;
    const char *inputs[] = {r.a.before,           r.a.after, r.a.zones, r.a.workspace, r.a.before_categories,
                            r.a.after_categories, r.a.policy};
    if (cli_refuse_overwrite(inputs, 7, &r.a.output, 1, r.err, sizeof r.err)) return cli_error("%s", r.err);
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    r.ctx = guotu_context_create();
    if (!r.ctx) return cli_error("out of memory");
    progress_bar_init(&r.bar);
    guotu_context_set_progress(r.ctx, progress_bar_update, &r.bar);
    int raster[2] = {raster_source_probe(r.a.before), raster_source_probe(r.a.after)};
    int failed = 0;
    if (raster[0] != raster[1]) {
        snprintf(r.err, sizeof r.err,
                 "'%s' is a raster and '%s' a vector layer: both inputs must be polygons, or both rasters "
                 "(polygonize the raster with gdal_polygonize, or rasterize the polygons onto the raster's grid "
                 "with gdal_rasterize)",
                 raster[0] ? r.a.before : r.a.after, raster[0] ? r.a.after : r.a.before);
        failed = 1;
    } else if (r.a.resample_to && !raster[0]) {
        snprintf(r.err, sizeof r.err, "--resample-to is for two rasters; '%s' and '%s' are vector layers", r.a.before,
                 r.a.after);
        failed = 1;
    }
    r.rasters = raster[0] && raster[1];
    if (!failed) failed = load_tables(&r) || (r.rasters ? raster_overlay(&r) : overlay(&r));
    progress_bar_done(&r.bar);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double seconds = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
    if (!failed) {
        char when[32];
        time_t now = time(NULL);
        strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", gmtime(&now));
        const table_meta meta[] = {
            {"guotu_version", guotu_version()},
            {"created_utc", when},
            {"before", r.a.before},
            {"before_class_field", r.a.before_class},
            {"before_system", r.a.before_system},
            {"before_categories", r.sources[0]},
            {"after", r.a.after},
            {"after_class_field", r.a.after_class},
            {"after_system", r.a.after_system},
            {"after_categories", r.sources[1]},
            {"policy", r.sources[2]},
            {"zones", r.a.zones ? r.a.zones : "(none)"},
            {"area_method", r.a.area},
            {"invalid_policy", r.a.invalid},
            {"workspace", r.a.workspace ? r.a.workspace : "(none)"},
            {"resample_to", r.a.resample_to ? r.a.resample_to : "(none)"},
            {"conversions_raster", r.rasters ? r.status_tif : "(none: polygons in conversions)"}};
        failed = write_tables(&r, meta, (int)(sizeof meta / sizeof meta[0]));
        if (!failed) {
            failed = gpkg_writer_commit(r.out, r.err, sizeof r.err); /* frees the writer either way */
            r.out = NULL;
        }
        if (!failed && r.rasters) {
            /* GDAL keeps the category names in a sidecar .aux.xml: it moves along. */
            char aux_tmp[1200], aux[1200];
            snprintf(aux_tmp, sizeof aux_tmp, "%s.aux.xml", r.status_tmp);
            snprintf(aux, sizeof aux, "%s.aux.xml", r.status_tif);
            if (access(aux_tmp, F_OK) == 0)
                rename(aux_tmp, aux);
            else
                unlink(aux); /* an older run's names would not match */
        }
        if (!failed && r.rasters && rename(r.status_tmp, r.status_tif) != 0) {
            snprintf(r.err, sizeof r.err, "cannot write the status raster '%.1000s': %s", r.status_tif,
                     strerror(errno));
            failed = 1;
        }
        if (!failed) print_summary(&r, seconds);
    }
    if (failed) fprintf(stderr, "guotu convert: error: %s\n", r.err);
    gpkg_writer_abort(r.out);
    if (r.rasters) {
        char aux_tmp[1200];
        snprintf(aux_tmp, sizeof aux_tmp, "%s.aux.xml", r.status_tmp);
        unlink(aux_tmp);
        cli_temp_discard(r.status_tmp); /* only still there after a failure */
        guotu_convert_destroy(r.ctx, r.cv);
    }
    for (int k = 0; k < r.nworkers; k++) {
        convert_worker *w = &r.workers[k];
        guotu_convert_destroy(w->ctx, w->cv);
        vector_source_close(&w->before);
        vector_source_close(&w->after);
        vector_source_close(&w->zones);
        if (k > 0) guotu_context_destroy(w->ctx);
    }
    free(r.workers);
    row_queue_free(r.queue);
    for (int i = 0; i < 2; i++) {
        guotu_category_map_destroy(r.ctx, r.maps[i]);
        guotu_coefficients_destroy(r.ctx, r.k[i]);
    }
    guotu_policy_destroy(r.ctx, r.policy);
    guotu_context_destroy(r.ctx);
    return failed ? 1 : 0;
}
