/* convert_job.c — guotu_convert_job_run (guotu_io.h): the land-use conversion read from
 * files, overlaid on worker threads and written to a GeoPackage. The guotu tool's
 * `convert` parses its options into a job; the QGIS plugin fills one for layers backed by
 * files. */
#include <cpl_conv.h>
#include <cpl_error.h>
#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "convert_raster.h"
#include "gpkg_writer.h"
#include "guotu/guotu_io.h"
#include "io_temp.h"
#include "io_util.h"
#include "raster_source.h"
#include "resources.h"
#include "table_schema.h"
#include "row_queue.h"
#include "unit_matrix.h"
#include "vector_source.h"

struct job_run;

/* One thread's share: its own context, overlay and file handles (the core and GDAL are
 * used by one thread each); it takes every count-th "after" feature from index. */
typedef struct convert_worker {
    struct job_run *run;
    int index, count;
    guotu_context *ctx;
    guotu_convert *cv;
    vector_source before, after, zones;
    int failed;
    int status; /* the core's status of the failure; 0: a file could not be read (GUOTU_ERR_IO) */
    char err[2048];
    pthread_t thread;
    row_batch *batch; /* pieces on their way to the writer */
} convert_worker;

typedef struct job_run {
    const guotu_convert_job *j;
    guotu_context *ctx; /* the caller's: tables, errors, the user's progress callback */
    convert_worker *workers;
    int nworkers;
    atomic_int stop;           /* a worker failed or the user cancelled: every worker stops */
    atomic_int user_cancelled; /* the user's progress callback asked to stop */
    row_queue *queue;          /* pieces from the workers to the writer (the calling thread) */
    guotu_category_map *maps[2];
    guotu_policy *policy;
    guotu_coefficients *k[2];
    char sources[5][1200];
    int rasters;                             /* both inputs are rasters */
    char status_tif[1100], status_tmp[1120]; /* rasters: the status GeoTIFF, and while writing */
    guotu_convert *cv;                       /* the merged overlay (worker 0's, or the raster one) */
    guotu_context *cv_ctx;                   /* the context cv was made on */
    gpkg_writer *out;
    int pieces_layer;
    unit_matrix *units; /* matrices per unit of the before parcels' codes, or NULL */
    /* The output tables' columns (resources/schemas/<table>.csv), alive until the output is
     * committed, and where each value of a piece goes in the conversions layer. */
    table_schema *schemas[5];
    int slots[5][11];
    int status; /* of the first failure */
    char err[2048];
} job_run;

static int fail(job_run *r, int status, const char *message) {
    if (!r->err[0]) {
        snprintf(r->err, sizeof r->err, "%s", message);
        r->status = status;
    }
    return 1;
}

/* The tables, in the order of job_run.schemas, and the values the writers fill in each. */
enum { T_CONVERSIONS, T_TRANSITIONS, T_STATUS_SUMMARY, T_UNKNOWN_CODES, T_LINE_SUMMARY };
static const char *const table_names[] = {"conversions", "transitions", "status_summary", "unknown_codes",
                                          "line_summary"};
enum {
    P_FROM_CODE,
    P_TO_CODE,
    P_FROM_CATEGORY,
    P_TO_CATEGORY,
    P_STATUS,
    P_PATH_ZH,
    P_PATH_EN,
    P_AREA_HA,
    P_DM_HA,
    P_ZONE_ID,
    P_LINE
};
static const char *const piece_names[] = {"from_code", "to_code", "from_category", "to_category", "status", "path_zh",
                                          "path_en",   "area_ha", "dm_ha",         "zone_id",     "line"};
static const char *const transition_names[] = {"zone_id", "level",   "from_class", "to_class",
                                               "status",  "area_ha", "dm_ha"};
static const char *const status_names[] = {"zone_id", "status", "area_ha"};
static const char *const unknown_names[] = {"class_code", "layer", "area_ha"};
static const char *const line_names[] = {"zone_id", "line", "status", "area_ha"};
static const char *const *const filled[] = {piece_names, transition_names, status_names, unknown_names, line_names};
static const int nfilled[] = {11, 7, 3, 3, 4};

/* Reads every table's schema (the option "lines" with a three-lines workspace) and resolves
 * the slots of the values the writers fill: before the run, so that a schema the writers do
 * not match stops it at once. */
static int load_schemas(job_run *r) {
    char err[2048];
    for (int t = 0; t < 5; t++)
        if (table_schema_load(r->j->resources, table_names[t], r->j->workspace ? "lines" : NULL, &r->schemas[t], err,
                              sizeof err) ||
            table_schema_slots(r->schemas[t], filled[t], nfilled[t], r->slots[t], err, sizeof err))
            return fail(r, GUOTU_ERR_IO, err);
    return 0;
}

static int core_error(job_run *r, guotu_context *ctx, int status) {
    return fail(r, status ? status : GUOTU_ERR_DATA, guotu_context_last_error(ctx));
}

static void note(const job_run *r, const char *fmt, const char *a, const char *b, const char *c, const char *d) {
    if (!r->j->note) return;
    char text[1400];
    snprintf(text, sizeof text, fmt, a, b, c, d);
    r->j->note(text, r->j->note_user);
}

static int load_tables(job_run *r) {
    const guotu_convert_job *j = r->j;
    const char *maps[2] = {j->before_categories ? j->before_categories : j->before_system,
                           j->after_categories ? j->after_categories : j->after_system};
    const char *coefficients[2] = {j->before_coefficients ? j->before_coefficients : j->before_system,
                                   j->after_coefficients ? j->after_coefficients : j->after_system};
    char err[1400];
    for (int side = 0; side < 2; side++) {
        size_t n = 0;
        char *text = table_text_load_from(j->resources, maps[side], "conversion", r->sources[side],
                                          sizeof r->sources[side], &n, err, sizeof err);
        if (!text) return fail(r, GUOTU_ERR_IO, err);
        int status = guotu_category_map_parse(r->ctx, text, n, r->sources[side], &r->maps[side]);
        free(text);
        if (status) return core_error(r, r->ctx, status);
        /* Standard-forest change per piece uses each system's voucher preset. */
        text = table_text_load_from(j->resources, coefficients[side], "voucher", r->sources[3 + side],
                                    sizeof r->sources[3 + side], &n, err, sizeof err);
        if (!text) return fail(r, GUOTU_ERR_IO, err);
        status = guotu_coefficients_parse(r->ctx, text, n, r->sources[3 + side], NULL, &r->k[side]);
        free(text);
        if (status) return core_error(r, r->ctx, status);
    }
    size_t n = 0;
    char *text = table_text_load_from(j->resources, j->policy ? j->policy : "policy", "conversion", r->sources[2],
                                      sizeof r->sources[2], &n, err, sizeof err);
    if (!text) return fail(r, GUOTU_ERR_IO, err);
    int status = guotu_policy_parse(r->ctx, text, n, r->sources[2], &r->policy);
    free(text);
    return status ? core_error(r, r->ctx, status) : 0;
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
    if (w->run->j->crs_mismatch_fail) {
        snprintf(w->err, sizeof w->err,
                 "the %s layer '%s' is in %s but the before layer is in %s (--crs-mismatch fail)", role,
                 src->layer_name, OSRGetName(have), OSRGetName(want));
        return 1;
    }
    if (w->index == 0)
        note(w->run, "reprojecting the %s layer '%s' from %s to %s", role, src->layer_name, OSRGetName(have),
             OSRGetName(want));
    return vector_source_reproject_to(src, want, w->err, sizeof w->err);
}

static int open_layer(convert_worker *w, vector_source *src, const char *path, const char *layer, const char *where,
                      const char *field) {
    const guotu_convert_job *j = w->run->j;
    return vector_source_open(src, path, layer, j->encoding, w->err, sizeof w->err) ||
           vector_source_filter(src, where, w->err, sizeof w->err) ||
           vector_source_use_field(src, field, w->err, sizeof w->err);
}

static int open_inputs(convert_worker *w) {
    const guotu_convert_job *j = w->run->j;
    if (!j->before_class_field || !j->after_class_field) {
        snprintf(w->err, sizeof w->err, "vector land use needs --before-class-field and --after-class-field");
        return 1;
    }
    if (open_layer(w, &w->before, j->before, j->before_layer, j->before_where, j->before_class_field) ||
        open_layer(w, &w->after, j->after, j->after_layer, j->after_where, j->after_class_field) ||
        align(w, &w->after, "after"))
        return 1;
    if (j->zones && (open_layer(w, &w->zones, j->zones, j->zones_layer, j->zones_where, j->zone_id_field) ||
                     align(w, &w->zones, "zones")))
        return 1;
    return 0;
}

/* The three lines of the workspace, reprojected like the other layers. */
static int feed_lines(convert_worker *w) {
    static const char *const layers[3] = {"ecological_redline", "permanent_farmland", "urban_boundary"};
    const char *path = w->run->j->workspace;
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
    job_run *r = w->run;
    const char *zone = p->zone_id;
    if (r->units) { /* the unit of the before parcel: the map is read-only here, shared by the workers */
        zone = unit_matrix_unit_of(r->units, p->before_fid);
        if (!zone) {
            snprintf(w->err, sizeof w->err, "a piece of before-year feature %lld has no unit",
                     (long long)p->before_fid);
            return 1;
        }
    }
    const int *slot = r->slots[T_CONVERSIONS];
    table_row row;
    table_row_clear(&row);
    table_row_text(&row, slot[P_FROM_CODE], p->from_code);
    table_row_text(&row, slot[P_TO_CODE], p->to_code);
    table_row_text(&row, slot[P_FROM_CATEGORY], p->from_category);
    table_row_text(&row, slot[P_TO_CATEGORY], p->to_category);
    table_row_text(&row, slot[P_STATUS], p->status);
    table_row_text(&row, slot[P_PATH_ZH], p->paths_zh);
    table_row_text(&row, slot[P_PATH_EN], p->paths_en);
    table_row_real(&row, slot[P_AREA_HA], p->area_ha);
    table_row_real(&row, slot[P_DM_HA], p->dm_ha);
    table_row_text(&row, slot[P_ZONE_ID], zone);
    table_row_text(&row, slot[P_LINE], p->line);
    int stop = row_queue_add(r->queue, &w->batch, row.texts, row.reals, p->wkb, p->wkb_size);
    if (stop == ROW_QUEUE_NOMEM) snprintf(w->err, sizeof w->err, "out of memory");
    return stop; /* ROW_QUEUE_STOPPED: the writer's own error is the one reported */
}

/* The writer's end of the queue: one piece into the GeoPackage. */
static int store_piece(void *user, const char *const *texts, const double *reals, const unsigned char *wkb,
                       size_t wkb_size) {
    job_run *r = user;
    char err[2048];
    /* the writer is one thread: the per-unit sums are kept here */
    if (r->units &&
        unit_matrix_add(r->units, texts[9], texts[0], texts[1], texts[2], texts[3], texts[4], reals[7], reals[8]))
        return fail(r, GUOTU_ERR_NOMEM, "out of memory");
    if (!gpkg_writer_row(r->out, r->pieces_layer, texts, reals, wkb, wkb_size, err, sizeof err)) return 0;
    return fail(r, GUOTU_ERR_IO, err);
}

/* Each worker's progress callback: worker 0 reports to the user (whose callback may
 * cancel); every worker stops once another has failed or the user cancelled. */
static int worker_progress(double fraction, const char *message, void *user) {
    convert_worker *w = user;
    job_run *r = w->run;
    if (atomic_load(&r->stop)) return 1;
    if (w->index == 0 && guotu_context_report_progress(r->ctx, fraction, message) != GUOTU_OK) {
        atomic_store(&r->user_cancelled, 1);
        atomic_store(&r->stop, 1);
        return 1;
    }
    return 0;
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
            w->status = status;
            return 1; /* a write error from the piece callback keeps its own text */
        }
        /* Reading the layers is not the core's work: look for a stop between features too. */
        if ((i & 1023) == 0 && atomic_load(&w->run->stop)) {
            snprintf(w->err, sizeof w->err, "cancelled by the user");
            w->status = GUOTU_ERR_CANCELLED;
            return 1;
        }
    }
    return more < 0;
}

static int worker_run(convert_worker *w) {
    job_run *r = w->run;
    const guotu_convert_job *j = r->j;
    if (open_inputs(w)) return 1;
    guotu_convert_options o;
    guotu_convert_options_init(&o);
    char *crs = NULL;
    OGRSpatialReferenceH srs = vector_source_crs(&w->before);
    const char *wkt_opts[] = {"FORMAT=WKT2_2019", NULL};
    if (srs) OSRExportToWktEx(srs, &crs, wkt_opts);
    o.crs = crs;
    o.area_method = j->area_method;
    o.invalid = j->invalid;
    o.before_label = w->before.layer_name;
    o.after_label = w->after.layer_name;
    o.zones_label = w->zones.layer_name;
    int status = guotu_convert_create(w->ctx, &o, r->maps[0], r->maps[1], r->policy, r->k[0], r->k[1], &w->cv);
    CPLFree(crs);
    if (status) {
        snprintf(w->err, sizeof w->err, "%s", guotu_context_last_error(w->ctx));
        w->status = status;
        return 1;
    }
    if ((j->zones && feed(w, &w->zones, 2)) || feed(w, &w->before, 0) || (j->workspace && feed_lines(w))) return 1;
    status = guotu_convert_prepare(w->ctx, w->cv);
    if (status) {
        snprintf(w->err, sizeof w->err, "%s", guotu_context_last_error(w->ctx));
        w->status = status;
        return 1;
    }
    guotu_convert_set_expected(w->ctx, w->cv, vector_source_count(&w->after) / w->count);
    guotu_convert_set_piece_callback(w->cv, write_piece, w);
    return feed(w, &w->after, 1);
}

static void *worker_thread(void *arg) {
    convert_worker *w = arg;
    /* GDAL's messages are read back into our own; the thread's handler keeps them from
     * being printed (or logged by a host application) a second time. */
    CPLPushErrorHandler(CPLQuietErrorHandler);
    w->failed = worker_run(w);
    CPLPopErrorHandler();
    if (w->failed) atomic_store(&w->run->stop, 1);
    row_queue_done(w->run->queue, &w->batch);
    return NULL;
}

/* Opens the output, runs the workers on threads while this one writes their pieces, merges. */
static int overlay(job_run *r) {
    const guotu_convert_job *j = r->j;
    char err[2048];
    const table_schema *pieces = r->schemas[T_CONVERSIONS];
    /* One worker per CPU: on real-shaped data the overlay, not the writer, is the work (two
     * workers on two cores: 1.6x one worker on a 三调-shaped county). */
    r->nworkers = io_thread_count(j->threads, 0);
    r->workers = calloc((size_t)r->nworkers, sizeof *r->workers);
    if (!r->workers) return fail(r, GUOTU_ERR_NOMEM, "out of memory");
    for (int k = 0; k < r->nworkers; k++) {
        convert_worker *w = &r->workers[k];
        w->run = r;
        w->index = k;
        w->count = r->nworkers;
        w->ctx = guotu_context_create();
        if (!w->ctx) return fail(r, GUOTU_ERR_NOMEM, "out of memory");
        guotu_context_set_progress(w->ctx, worker_progress, w);
    }
    /* The output's CRS is the before layer's: read it from a handle of our own. */
    vector_source probe;
    if (vector_source_open(&probe, j->before, j->before_layer, j->encoding, err, sizeof err))
        return fail(r, GUOTU_ERR_IO, err);
    int failed = gpkg_writer_open(&r->out, j->output, err, sizeof err);
    if (!failed) {
        /* Millions of pieces: written straight through SQLite, the spatial index packed at the end. */
        r->pieces_layer =
            gpkg_writer_add_bulk_layer(r->out, "conversions", vector_source_crs(&probe), table_schema_columns(pieces),
                                       table_schema_count(pieces), err, sizeof err);
        failed = r->pieces_layer < 0;
    }
    vector_source_close(&probe);
    if (failed) return fail(r, GUOTU_ERR_IO, err);
    r->queue = row_queue_create(table_schema_count(pieces), r->nworkers);
    if (!r->queue) return fail(r, GUOTU_ERR_NOMEM, "out of memory");
    int started = 0;
    for (int k = 0; k < r->nworkers; k++, started++)
        if (pthread_create(&r->workers[k].thread, NULL, worker_thread, &r->workers[k]) != 0) break;
    for (int k = started; k < r->nworkers; k++)
        row_queue_done(r->queue, &r->workers[k].batch); /* never started: nothing will come */
    /* This thread writes while the workers overlay. */
    failed = row_queue_drain(r->queue, store_piece, r);
    if (failed) atomic_store(&r->stop, 1);
    for (int k = 0; k < started; k++)
        pthread_join(r->workers[k].thread, NULL);
    if (!failed && atomic_load(&r->user_cancelled)) return fail(r, GUOTU_ERR_CANCELLED, "cancelled by the user");
    /* The worker that failed for a reason says why; the others only stopped because of it
     * (their core calls then end as "cancelled"). */
    for (int pass = 0; pass < 2 && !failed; pass++)
        for (int k = 0; k < started && !failed; k++) {
            convert_worker *w = &r->workers[k];
            if (w->failed && (pass || w->status != GUOTU_ERR_CANCELLED))
                failed = fail(r, w->status ? w->status : GUOTU_ERR_IO, w->err);
        }
    if (!failed && started < r->nworkers) failed = fail(r, GUOTU_ERR_IO, "cannot start worker threads");
    if (failed) return 1;
    r->cv = r->workers[0].cv;
    r->cv_ctx = r->workers[0].ctx;
    for (int k = 1; k < r->nworkers; k++)
        if (guotu_convert_merge(r->cv_ctx, r->cv, r->workers[k].cv) != GUOTU_OK)
            return core_error(r, r->cv_ctx, GUOTU_ERR_DATA);
    if (guotu_convert_finish(r->cv_ctx, r->cv) != GUOTU_OK) return core_error(r, r->cv_ctx, GUOTU_ERR_DATA);
    return 0;
}

/* Both inputs are rasters: refuses what raster mode cannot do, then overlays cell by cell. */
static int raster_overlay(job_run *r) {
    const guotu_convert_job *j = r->j;
    char err[2048];
    if (j->zones || j->workspace) {
        snprintf(err, sizeof err,
                 "%s with raster land use is not supported yet: run without it, or polygonize both rasters "
                 "(gdal_polygonize) to overlay them as vectors",
                 j->zones ? "--zones" : "--workspace");
        return fail(r, GUOTU_ERR_ARGUMENT, err);
    }
    size_t n = strlen(j->output) - 5; /* ".gpkg" */
    snprintf(r->status_tif, sizeof r->status_tif, "%.*s_conversions.tif", (int)(n < 1000 ? n : 1000), j->output);
    if (io_same_file(r->status_tif, j->before) || io_same_file(r->status_tif, j->after)) {
        snprintf(err, sizeof err, "refusing to write the status raster over the input '%s'", r->status_tif);
        return fail(r, GUOTU_ERR_ARGUMENT, err);
    }
    if (io_temp_path(r->status_tif, r->status_tmp, sizeof r->status_tmp)) {
        snprintf(err, sizeof err, "the output path '%.1000s' is too long", r->status_tif);
        return fail(r, GUOTU_ERR_ARGUMENT, err);
    }
    if (gpkg_writer_open(&r->out, j->output, err, sizeof err)) return fail(r, GUOTU_ERR_IO, err);
    r->pieces_layer = -1;
    const char *area = j->area_method == GUOTU_AREA_PLANAR ? "planar" : "ellipsoidal";
    convert_raster_args ra = {j->before, j->after, j->resample_to, area, r->status_tmp};
    const guotu_category_map *maps[2] = {r->maps[0], r->maps[1]};
    const guotu_coefficients *k[2] = {r->k[0], r->k[1]};
    char text[1400];
    if (convert_raster_run(r->ctx, &ra, maps, r->policy, k, &r->cv, text, sizeof text, err, sizeof err))
        return fail(r, strstr(err, "cancelled") ? GUOTU_ERR_CANCELLED : GUOTU_ERR_DATA, err);
    r->cv_ctx = r->ctx;
    if (text[0]) note(r, "%s", text, "", "", "");
    return 0;
}

/* Table `t` of the output, its columns from its schema; the layer, or -1. */
static int add_table(job_run *r, int t) {
    char err[2048];
    int layer = gpkg_writer_add_layer(r->out, table_names[t], wkbNone, NULL, table_schema_columns(r->schemas[t]),
                                      table_schema_count(r->schemas[t]), err, sizeof err);
    if (layer < 0) fail(r, GUOTU_ERR_IO, err);
    return layer;
}

static int add_row(job_run *r, int table, const table_row *row) {
    char err[2048];
    return gpkg_writer_row(r->out, table, row->texts, row->reals, NULL, 0, err, sizeof err) ? fail(r, GUOTU_ERR_IO, err)
                                                                                            : 0;
}

/* The conversion matrix per unit of the before parcels' codes: unit × from × to, its columns
 * from resources/schemas/unit_transitions.csv. */
static int write_unit_table(job_run *r, const table_meta *meta, int nmeta) {
    static const char *const names[] = {"unit_id",     "unit_name", "from_code", "to_code", "from_category",
                                        "to_category", "status",    "area_ha",   "dm_ha"};
    char err[2048];
    table_schema *schema = NULL;
    int slots[9];
    if (table_schema_load(r->j->resources, "unit_transitions", NULL, &schema, err, sizeof err) ||
        table_schema_slots(schema, names, 9, slots, err, sizeof err)) {
        table_schema_free(schema);
        return fail(r, GUOTU_ERR_IO, err);
    }
    int t = gpkg_writer_add_layer(r->out, "unit_transitions", wkbNone, NULL, table_schema_columns(schema),
                                  table_schema_count(schema), err, sizeof err);
    unit_matrix_sort(r->units);
    const char *unit = NULL; /* the rows come sorted by unit: its name is looked up once */
    char name[512] = "";
    for (size_t i = 0; t >= 0 && i < unit_matrix_count(r->units); i++) {
        unit_matrix_row u = unit_matrix_row_at(r->units, i);
        if (!unit || strcmp(unit, u.unit)) {
            const char *found = r->j->unit_name ? r->j->unit_name(u.unit, r->j->unit_name_user) : NULL;
            snprintf(name, sizeof name, "%s", found ? found : "");
            unit = u.unit;
        }
        table_row row;
        table_row_clear(&row);
        const char *texts[7] = {u.unit, name, u.from_code, u.to_code, u.from_category, u.to_category, u.status};
        for (int k = 0; k < 7; k++)
            table_row_text(&row, slots[k], texts[k]);
        table_row_real(&row, slots[7], u.area_ha);
        table_row_real(&row, slots[8], u.dm_ha);
        if (gpkg_writer_row(r->out, t, row.texts, row.reals, NULL, 0, err, sizeof err)) t = -1;
    }
    table_schema_free(schema);
    if (t < 0) return fail(r, GUOTU_ERR_IO, err);
    gpkg_writer_meta(r->out, t, meta, nmeta);
    return 0;
}

static int write_tables(job_run *r, const table_meta *meta, int nmeta) {
    const int *ts = r->slots[T_TRANSITIONS], *ss = r->slots[T_STATUS_SUMMARY], *us = r->slots[T_UNKNOWN_CODES],
              *ls = r->slots[T_LINE_SUMMARY];
    guotu_context *ctx = r->cv_ctx;
    table_row row;
    int t = add_table(r, T_TRANSITIONS);
    if (t < 0) return 1;
    for (int level = 0; level < 2; level++) {
        size_t n = level ? guotu_convert_code_count(r->cv) : guotu_convert_category_count(r->cv);
        for (size_t i = 0; i < n; i++) {
            guotu_transition tr;
            if (level)
                guotu_convert_code_row(ctx, r->cv, i, &tr);
            else
                guotu_convert_category_row(ctx, r->cv, i, &tr);
            table_row_clear(&row);
            table_row_text(&row, ts[0], tr.zone_id);
            table_row_text(&row, ts[1], level ? "code" : "category");
            table_row_text(&row, ts[2], tr.from);
            table_row_text(&row, ts[3], tr.to);
            table_row_text(&row, ts[4], tr.status);
            table_row_real(&row, ts[5], tr.area_ha);
            table_row_real(&row, ts[6], tr.dm_ha);
            if (add_row(r, t, &row)) return 1;
        }
    }
    gpkg_writer_meta(r->out, t, meta, nmeta);
    int s = add_table(r, T_STATUS_SUMMARY);
    if (s < 0) return 1;
    for (size_t i = 0; i < guotu_convert_status_count(r->cv); i++) {
        guotu_status_area sa;
        guotu_convert_status_row(ctx, r->cv, i, &sa);
        table_row_clear(&row);
        table_row_text(&row, ss[0], sa.zone_id);
        table_row_text(&row, ss[1], sa.status);
        table_row_real(&row, ss[2], sa.area_ha);
        if (add_row(r, s, &row)) return 1;
    }
    int u = add_table(r, T_UNKNOWN_CODES);
    if (u < 0) return 1;
    for (size_t i = 0; i < guotu_convert_unknown_count(r->cv); i++) {
        guotu_unknown_code uc;
        guotu_convert_unknown_row(ctx, r->cv, i, &uc);
        table_row_clear(&row);
        table_row_text(&row, us[0], uc.code);
        table_row_text(&row, us[1], uc.side ? "after" : "before");
        table_row_real(&row, us[2], uc.area_ha);
        if (add_row(r, u, &row)) return 1;
    }
    if (r->j->workspace) {
        int l = add_table(r, T_LINE_SUMMARY);
        if (l < 0) return 1;
        for (size_t i = 0; i < guotu_convert_line_count(r->cv); i++) {
            guotu_line_status_area la;
            guotu_convert_line_row(ctx, r->cv, i, &la);
            table_row_clear(&row);
            table_row_text(&row, ls[0], la.zone_id);
            table_row_text(&row, ls[1], la.line);
            table_row_text(&row, ls[2], la.status);
            table_row_real(&row, ls[3], la.area_ha);
            if (add_row(r, l, &row)) return 1;
        }
        gpkg_writer_meta(r->out, l, meta, nmeta);
    }
    if (r->units && write_unit_table(r, meta, nmeta)) return 1;
    if (r->pieces_layer >= 0) gpkg_writer_meta(r->out, r->pieces_layer, meta, nmeta);
    return 0;
}

/* What a job must hold before anything is opened; messages name the option as the guotu
 * tool spells it (the plugin checks its own parameters first). */
static int check_job(job_run *r) {
    const guotu_convert_job *j = r->j;
    const char *u = NULL;
    size_t n = j->output ? strlen(j->output) : 0;
    if (!j->before || !j->after || !j->before_system || !j->after_system || !j->output)
        u = "--before, --after, --before-system, --after-system and -o are required";
    else if (!classification_system_known(j->before_system) || !classification_system_known(j->after_system))
        u = "systems must be CAS_LUCC, SANDIAO_WORK, GBT21010_2017 or YDYH_2023";
    else if (!j->zones != !j->zone_id_field)
        u = "--zones and --zone-id go together";
    else if (j->zone_code_field && j->zones)
        u = "give --zones (polygons) or --zone-code-field (the before parcels' unit codes), not both";
    else if (j->zone_code_length < 0)
        u = "--zone-code-length must be 0 or more";
    else if (j->area_method != GUOTU_AREA_ELLIPSOIDAL && j->area_method != GUOTU_AREA_PLANAR)
        u = "--area must be ellipsoidal or planar";
    else if (j->invalid != GUOTU_INVALID_REPAIR && j->invalid != GUOTU_INVALID_FAIL)
        u = "--invalid must be repair or fail";
    else if (n < 5 || strcmp(j->output + n - 5, ".gpkg") != 0)
        u = "the output must be a .gpkg file";
    else if (j->resample_to && strcmp(j->resample_to, "before") && strcmp(j->resample_to, "after"))
        u = "--resample-to must be before or after";
    if (u) return fail(r, GUOTU_ERR_ARGUMENT, u);
    const char *inputs[] = {j->before,
                            j->after,
                            j->zones,
                            j->workspace,
                            j->before_categories,
                            j->after_categories,
                            j->before_coefficients,
                            j->after_coefficients,
                            j->policy};
    char err[2048];
    if (io_refuse_overwrite(inputs, 9, &j->output, 1, err, sizeof err)) return fail(r, GUOTU_ERR_ARGUMENT, err);
    return 0;
}

static int run(job_run *r) {
    const guotu_convert_job *j = r->j;
    char err[2048];
    if (check_job(r)) return 1;
    int raster[2] = {raster_source_probe(j->before), raster_source_probe(j->after)};
    if (raster[0] != raster[1]) {
        snprintf(err, sizeof err,
                 "'%s' is a raster and '%s' a vector layer: both inputs must be polygons, or both rasters "
                 "(polygonize the raster with gdal_polygonize, or rasterize the polygons onto the raster's grid "
                 "with gdal_rasterize)",
                 raster[0] ? j->before : j->after, raster[0] ? j->after : j->before);
        return fail(r, GUOTU_ERR_ARGUMENT, err);
    }
    if (j->resample_to && !raster[0]) {
        snprintf(err, sizeof err, "--resample-to is for two rasters; '%s' and '%s' are vector layers", j->before,
                 j->after);
        return fail(r, GUOTU_ERR_ARGUMENT, err);
    }
    r->rasters = raster[0] && raster[1];
    if (r->rasters && j->zone_code_field) {
        snprintf(err, sizeof err,
                 "--zone-code-field needs the before layer's parcels and their codes; '%s' is a raster", j->before);
        return fail(r, GUOTU_ERR_ARGUMENT, err);
    }
    if (j->zone_code_field && !(r->units = unit_matrix_read(j->before, j->before_layer, j->before_where, j->encoding,
                                                            j->zone_code_field, j->zone_code_length, err, sizeof err)))
        return fail(r, strstr(err, "out of memory") ? GUOTU_ERR_NOMEM : GUOTU_ERR_IO, err);
    char unit_text[160] = "(none)";
    if (j->zone_code_field)
        snprintf(unit_text, sizeof unit_text, "the first %d characters of %.100s of the before parcels (%zu units)",
                 j->zone_code_length, j->zone_code_field, unit_matrix_units(r->units));
    if (load_schemas(r) || load_tables(r) || (r->rasters ? raster_overlay(r) : overlay(r))) return 1;
    char when[32];
    time_t now = time(NULL);
    struct tm utc;
    strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", gmtime_r(&now, &utc));
    const char *area = j->area_method == GUOTU_AREA_PLANAR ? "planar" : "ellipsoidal";
    const table_meta meta[] = {{"guotu_version", guotu_version()},
                               {"created_utc", when},
                               {"before", j->before},
                               {"before_filter", j->before_where ? j->before_where : "(none)"},
                               {"before_class_field", j->before_class_field ? j->before_class_field : "(none)"},
                               {"before_system", j->before_system},
                               {"before_categories", r->sources[0]},
                               {"after", j->after},
                               {"after_filter", j->after_where ? j->after_where : "(none)"},
                               {"after_class_field", j->after_class_field ? j->after_class_field : "(none)"},
                               {"after_system", j->after_system},
                               {"after_categories", r->sources[1]},
                               {"policy", r->sources[2]},
                               {"zones", j->zones ? j->zones : "(none)"},
                               {"units_from_codes", unit_text},
                               {"area_method", area},
                               {"invalid_policy", j->invalid == GUOTU_INVALID_FAIL ? "fail" : "repair"},
                               {"workspace", j->workspace ? j->workspace : "(none)"},
                               {"resample_to", j->resample_to ? j->resample_to : "(none)"},
                               {"conversions_raster", r->rasters ? r->status_tif : "(none: polygons in conversions)"}};
    if (write_tables(r, meta, (int)(sizeof meta / sizeof meta[0]))) return 1;
    int failed = gpkg_writer_commit(r->out, err, sizeof err); /* frees the writer either way */
    r->out = NULL;
    if (failed) return fail(r, GUOTU_ERR_IO, err);
    if (r->rasters) {
        /* GDAL keeps the category names in a sidecar .aux.xml: it moves along. */
        char aux_tmp[1200], aux[1200];
        snprintf(aux_tmp, sizeof aux_tmp, "%s.aux.xml", r->status_tmp);
        snprintf(aux, sizeof aux, "%s.aux.xml", r->status_tif);
        if (access(aux_tmp, F_OK) == 0)
            rename(aux_tmp, aux);
        else
            unlink(aux); /* an older run's names would not match */
        if (rename(r->status_tmp, r->status_tif) != 0) {
            snprintf(err, sizeof err, "cannot write the status raster '%.1000s': %s", r->status_tif, strerror(errno));
            return fail(r, GUOTU_ERR_IO, err);
        }
        io_temp_release(r->status_tmp);
    }
    if (j->report) j->report(r->cv_ctx, r->cv, j->report_user);
    return 0;
}

void guotu_convert_job_init(guotu_convert_job *job) {
    if (!job) return;
    memset(job, 0, sizeof *job);
    job->area_method = GUOTU_AREA_ELLIPSOIDAL;
    job->invalid = GUOTU_INVALID_REPAIR;
}

int guotu_convert_job_run(guotu_context *ctx, const guotu_convert_job *job) {
    if (!ctx) return GUOTU_ERR_ARGUMENT;
    if (!job) return guotu_context_fail(ctx, GUOTU_ERR_ARGUMENT, "no job given");
    job_run *r = calloc(1, sizeof *r);
    if (!r) return guotu_context_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
    r->j = job;
    r->ctx = ctx;
    atomic_init(&r->stop, 0);
    atomic_init(&r->user_cancelled, 0);
    GDALAllRegister();
    CPLPushErrorHandler(CPLQuietErrorHandler);
    int failed = run(r);
    CPLPopErrorHandler();
    gpkg_writer_abort(r->out);
    for (int t = 0; t < 5; t++)
        table_schema_free(r->schemas[t]);
    if (r->rasters) {
        char aux_tmp[1200];
        snprintf(aux_tmp, sizeof aux_tmp, "%s.aux.xml", r->status_tmp);
        unlink(aux_tmp);
        if (failed && r->status_tmp[0]) io_temp_discard(r->status_tmp);
        guotu_convert_destroy(r->ctx, r->cv);
    }
    for (int k = 0; k < r->nworkers; k++) {
        convert_worker *w = &r->workers[k];
        guotu_convert_destroy(w->ctx, w->cv);
        vector_source_close(&w->before);
        vector_source_close(&w->after);
        vector_source_close(&w->zones);
        guotu_context_destroy(w->ctx);
    }
    free(r->workers);
    row_queue_free(r->queue);
    for (int i = 0; i < 2; i++) {
        guotu_category_map_destroy(r->ctx, r->maps[i]);
        guotu_coefficients_destroy(r->ctx, r->k[i]);
    }
    guotu_policy_destroy(r->ctx, r->policy);
    unit_matrix_free(r->units);
    int status = failed ? (r->status ? r->status : GUOTU_ERR_DATA) : GUOTU_OK;
    if (failed) guotu_context_fail(ctx, status, r->err);
    free(r);
    return status;
}
