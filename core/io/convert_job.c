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

/* Features taken from a layer shared by the workers: read under the layer's lock, a batch of
 * consecutive features at a time (neighbours stay together: the area's vertex cache keeps
 * hitting), then worked on without it. */
enum { BATCH_FEATURES = 128 };
typedef struct feature_batch {
    size_t count;
    int64_t first; /* place of the first feature in the layer (0, 1, 2 ...) */
    int64_t fid[BATCH_FEATURES];
    size_t code_at[BATCH_FEATURES], wkb_at[BATCH_FEATURES], wkb_size[BATCH_FEATURES];
    unsigned char *bytes; /* codes (NUL-terminated) and WKB, packed */
    size_t used, cap;
} feature_batch;

/* One thread's share: its own context, overlay and zones reader (the core is used by one
 * thread each); it fills a part of the shared before layer, then overlays batches of "after"
 * features, both layers read through the run's shared readers. */
typedef struct convert_worker {
    struct job_run *run;
    int index, count;
    guotu_context *ctx;
    guotu_convert *cv;
    guotu_convert_before_part *part; /* its share of the before layer (owned by the layer) */
    vector_source zones;
    feature_batch batch_in;
    int failed;
    int status; /* the core's status of the failure; 0: a file could not be read (GUOTU_ERR_IO) */
    char err[2048];
    pthread_t thread;
    row_batch *batch; /* pieces on their way to the writer */
    long long seq;    /* the writer's sequence of the after batch being overlaid */
} convert_worker;

/* A layer read by every worker in turn. */
typedef struct shared_layer {
    vector_source src;
    int open;
    pthread_mutex_t lock;
    int64_t next; /* place of the next feature */
    int done;     /* the end, or a read error, was met */
} shared_layer;

typedef struct job_run {
    const guotu_convert_job *j;
    guotu_context *ctx; /* the caller's: tables, errors, the user's progress callback */
    convert_worker *workers;
    int nworkers;
    shared_layer layers[2];       /* before, after: read once, shared by the workers */
    char *crs;                    /* the before layer's CRS (WKT), for the core */
    guotu_convert_before *before; /* read, repaired, measured and indexed once for all workers */
    int64_t after_count;          /* for progress */
    pthread_mutex_t srs_lock;     /* the before layer's CRS, compared by the workers' readers one at a time */
    atomic_int stop;              /* a worker failed or the user cancelled: every worker stops */
    atomic_int user_cancelled;    /* the user's progress callback asked to stop */
    int writer_reports;           /* overlaying: the writer (the caller's thread) calls the user's callback */
    row_queue *queue;             /* pieces from the workers to the writer (the calling thread) */
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

/* Reprojects `src` into the before layer's CRS when they differ (or refuses); messages into
 * err, the note about a reprojection only when `say`. */
static int align_locked(job_run *r, vector_source *src, const char *role, int say, char *err, size_t err_size) {
    const vector_source *before = &r->layers[0].src;
    char words[300];
    snprintf(words, sizeof words, "the before layer '%.200s'", before->layer_name);
    layer_crs_target t = {.srs = vector_source_crs(before),
                          .words = words,
                          .refuse = r->j->crs_mismatch_fail,
                          .note = say ? r->j->note : NULL,
                          .note_user = r->j->note_user};
    return layer_crs_align(&t, src, role, NULL, err, err_size);
}

static int align(job_run *r, vector_source *src, const char *role, int say, char *err, size_t err_size) {
    pthread_mutex_lock(&r->srs_lock);
    int failed = align_locked(r, src, role, say, err, err_size);
    pthread_mutex_unlock(&r->srs_lock);
    return failed;
}

static int open_layer(const guotu_convert_job *j, vector_source *src, const char *path, const char *layer,
                      const char *where, const char *field, char *err, size_t err_size) {
    return vector_source_open(src, path, layer, j->encoding, err, err_size) ||
           vector_source_filter(src, where, err, err_size) || vector_source_use_field(src, field, err, err_size);
}

/* The before and after layers, opened once for all workers (the after layer in the before
 * layer's CRS), and the before layer's CRS as WKT for the core. */
static int open_inputs(job_run *r) {
    const guotu_convert_job *j = r->j;
    char err[2048];
    if (!j->before_class_field || !j->after_class_field)
        return fail(r, GUOTU_ERR_IO, "vector land use needs --before-class-field and --after-class-field");
    const char *paths[2] = {j->before, j->after}, *names[2] = {j->before_layer, j->after_layer};
    const char *wheres[2] = {j->before_where, j->after_where};
    const char *fields[2] = {j->before_class_field, j->after_class_field};
    for (int side = 0; side < 2; side++) {
        shared_layer *l = &r->layers[side];
        if (open_layer(j, &l->src, paths[side], names[side], wheres[side], fields[side], err, sizeof err))
            return fail(r, GUOTU_ERR_IO, err);
        l->open = 1;
    }
    if (align(r, &r->layers[1].src, "after", 1, err, sizeof err)) return fail(r, GUOTU_ERR_IO, err);
    OGRSpatialReferenceH srs = vector_source_crs(&r->layers[0].src);
    const char *wkt_opts[] = {"FORMAT=WKT2_2019", NULL};
    if (srs) OSRExportToWktEx(srs, &r->crs, wkt_opts);
    return 0;
}

/* The next batch of consecutive features of a shared layer into b (none at the end): 0, or 1
 * with the reason in err. After a failure every worker finds the layer at its end. */
static int take_batch(shared_layer *l, feature_batch *b, char *err, size_t err_size) {
    b->count = 0;
    b->used = 0;
    int failed = 0;
    pthread_mutex_lock(&l->lock);
    b->first = l->next;
    while (!l->done && b->count < BATCH_FEATURES) {
        char value[1024];
        int64_t fid;
        const unsigned char *wkb;
        size_t size;
        int more = vector_source_next(&l->src, &fid, value, sizeof value, &wkb, &size, err, err_size);
        if (more != 1) {
            l->done = 1;
            failed = more < 0;
            break;
        }
        size_t text = strlen(value) + 1;
        if (b->used + text + size > b->cap) {
            size_t cap = b->cap ? b->cap : 1 << 16;
            while (cap < b->used + text + size)
                cap *= 2;
            unsigned char *grown = realloc(b->bytes, cap);
            if (!grown) {
                snprintf(err, err_size, "out of memory");
                l->done = 1;
                failed = 1;
                break;
            }
            b->bytes = grown;
            b->cap = cap;
        }
        size_t k = b->count++;
        b->fid[k] = fid;
        b->code_at[k] = b->used;
        memcpy(b->bytes + b->used, value, text);
        b->used += text;
        b->wkb_at[k] = b->used;
        b->wkb_size[k] = size;
        if (size) memcpy(b->bytes + b->used, wkb, size);
        b->used += size;
    }
    l->next += (int64_t)b->count;
    pthread_mutex_unlock(&l->lock);
    return failed;
}

static int worker_failed(convert_worker *w, int status) {
    if (!w->err[0]) snprintf(w->err, sizeof w->err, "%s", guotu_context_last_error(w->ctx));
    w->status = status;
    return 1;
}

/* Looks for a stop (another worker failed, or the user cancelled) between batches; worker 0
 * asks the user's progress callback, which is how a cancel arrives while no core call reports. */
static int stopped(convert_worker *w, double fraction, const char *what) {
    job_run *r = w->run;
    if (w->index == 0 && !atomic_load(&r->stop) && guotu_context_report_progress(r->ctx, fraction, what) != GUOTU_OK) {
        atomic_store(&r->user_cancelled, 1);
        atomic_store(&r->stop, 1);
    }
    if (!atomic_load(&r->stop)) return 0;
    snprintf(w->err, sizeof w->err, "cancelled by the user");
    w->status = GUOTU_ERR_CANCELLED;
    return 1;
}

/* Takes batches of one shared layer until its end: side 0 into the worker's part of the before
 * layer, side 1 through its overlay. */
static int feed_shared(convert_worker *w, int side) {
    shared_layer *l = &w->run->layers[side];
    feature_batch *b = &w->batch_in;
    for (;;) {
        if (side == 0 && stopped(w, 0, "reading the before layer")) return 1;
        if (side == 1 && atomic_load(&w->run->stop) && stopped(w, 0, "overlaying land use")) return 1;
        if (take_batch(l, b, w->err, sizeof w->err)) return 1; /* status 0: the file could not be read */
        if (!b->count) return 0;
        /* The pieces of each batch of after features are one sequence of the writer, numbered
         * by the batch's place in the layer: the file is the same for any number of threads. */
        w->seq = (long long)(b->first / BATCH_FEATURES);
        for (size_t k = 0; k < b->count; k++) {
            const char *code = (const char *)b->bytes + b->code_at[k];
            const unsigned char *wkb = b->bytes + b->wkb_at[k];
            int status = side == 0 ? guotu_convert_before_add(w->ctx, w->part, b->first + (int64_t)k, code, b->fid[k],
                                                              wkb, b->wkb_size[k])
                                   : guotu_convert_add_after(w->ctx, w->cv, code, b->fid[k], wkb, b->wkb_size[k]);
            if (status) return worker_failed(w, status); /* a write error from the piece callback keeps its text */
        }
        int ended = side == 1 ? row_queue_end_sequence(w->run->queue, &w->batch, w->seq) : 0;
        if (ended == ROW_QUEUE_NOMEM) {
            snprintf(w->err, sizeof w->err, "out of memory");
            return 1;
        }
        if (ended) return 1; /* ROW_QUEUE_STOPPED: the writer's own error is the one reported */
    }
}

/* Feeds the zones (the worker's own reader) to its overlay. */
static int feed_zones(convert_worker *w) {
    char value[1024];
    int64_t fid;
    const unsigned char *wkb;
    size_t size;
    int more;
    for (int64_t i = 0;
         (more = vector_source_next(&w->zones, &fid, value, sizeof value, &wkb, &size, w->err, sizeof w->err)) == 1;
         i++)
        if (guotu_convert_add_zone(w->ctx, w->cv, value, fid, wkb, size)) return worker_failed(w, GUOTU_ERR_DATA);
    return more < 0;
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
        int failed = align(w->run, &src, layers[line], w->index == 0, w->err, sizeof w->err);
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
    int stop = row_queue_add(r->queue, &w->batch, w->seq, row.texts, row.reals, p->wkb, p->wkb_size);
    if (stop == ROW_QUEUE_NOMEM) snprintf(w->err, sizeof w->err, "out of memory");
    return stop; /* ROW_QUEUE_STOPPED: the writer's own error is the one reported */
}

/* The writer's report after each batch of after features written: the user's callback runs on
 * the caller's thread, and a cancel is seen even when one worker has taken every batch. */
static int writer_progress(void *user, long long batches) {
    job_run *r = user;
    double fraction = r->after_count > 0 ? (double)batches * BATCH_FEATURES / (double)r->after_count : 0;
    if (guotu_context_report_progress(r->ctx, fraction < 1 ? fraction : 1, "overlaying land use") == GUOTU_OK) return 0;
    atomic_store(&r->user_cancelled, 1);
    atomic_store(&r->stop, 1);
    return 1;
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
    if (w->index == 0 && !r->writer_reports && guotu_context_report_progress(r->ctx, fraction, message) != GUOTU_OK) {
        atomic_store(&r->user_cancelled, 1);
        atomic_store(&r->stop, 1);
        return 1;
    }
    return 0;
}

/* First stage of a worker: its overlay with the zones, and its share of the before layer. */
static int worker_prepare(convert_worker *w) {
    job_run *r = w->run;
    const guotu_convert_job *j = r->j;
    if (j->zones &&
        (open_layer(j, &w->zones, j->zones, j->zones_layer, j->zones_where, j->zone_id_field, w->err, sizeof w->err) ||
         align(r, &w->zones, "zones", w->index == 0, w->err, sizeof w->err)))
        return 1;
    guotu_convert_options o;
    guotu_convert_options_init(&o);
    o.crs = r->crs;
    o.area_method = j->area_method;
    o.invalid = j->invalid;
    o.before_label = r->layers[0].src.layer_name;
    o.after_label = r->layers[1].src.layer_name;
    o.zones_label = w->zones.layer_name;
    int status = guotu_convert_create(w->ctx, &o, r->maps[0], r->maps[1], r->policy, r->k[0], r->k[1], &w->cv);
    if (status) return worker_failed(w, status);
    if (j->zones && feed_zones(w)) return 1;
    return feed_shared(w, 0);
}

/* Second stage, once the before layer is sealed: the lines, then batches of after features. */
static int worker_overlay(convert_worker *w) {
    job_run *r = w->run;
    int status = guotu_convert_use_before(w->ctx, w->cv, r->before);
    if (status) return worker_failed(w, status);
    if (r->j->workspace && feed_lines(w)) return 1;
    status = guotu_convert_prepare(w->ctx, w->cv);
    if (status) return worker_failed(w, status);
    guotu_convert_set_expected(w->ctx, w->cv, r->after_count / w->count);
    guotu_convert_set_piece_callback(w->cv, write_piece, w);
    return feed_shared(w, 1);
}

static void *prepare_thread(void *arg) {
    convert_worker *w = arg;
    /* GDAL's messages are read back into our own; the thread's handler keeps them from
     * being printed (or logged by a host application) a second time. */
    CPLPushErrorHandler(CPLQuietErrorHandler);
    w->failed = worker_prepare(w);
    CPLPopErrorHandler();
    if (w->failed) atomic_store(&w->run->stop, 1);
    return NULL;
}

static void *overlay_thread(void *arg) {
    convert_worker *w = arg;
    CPLPushErrorHandler(CPLQuietErrorHandler);
    w->failed = worker_overlay(w);
    CPLPopErrorHandler();
    if (w->failed) atomic_store(&w->run->stop, 1);
    row_queue_done(w->run->queue, &w->batch);
    return NULL;
}

/* Runs one stage on every worker's thread and waits for them (the writer drains the queue
 * meanwhile in the overlay stage); 0, or 1 with the failure that says why in r. */
static int run_stage(job_run *r, void *(*stage)(void *), int drain) {
    int started = 0, failed = 0;
    for (int k = 0; k < r->nworkers; k++, started++)
        if (pthread_create(&r->workers[k].thread, NULL, stage, &r->workers[k]) != 0) break;
    if (drain) {
        for (int k = started; k < r->nworkers; k++)
            row_queue_done(r->queue, &r->workers[k].batch); /* never started: nothing will come */
        /* This thread writes while the workers overlay. */
        failed = row_queue_drain(r->queue, store_piece, writer_progress, r);
    }
    if (failed || started < r->nworkers) atomic_store(&r->stop, 1);
    for (int k = 0; k < started; k++)
        pthread_join(r->workers[k].thread, NULL);
    if (atomic_load(&r->user_cancelled)) return fail(r, GUOTU_ERR_CANCELLED, "cancelled by the user");
    /* The worker that failed for a reason says why; the others only stopped because of it
     * (their core calls then end as "cancelled"). */
    for (int pass = 0; pass < 2 && !failed; pass++)
        for (int k = 0; k < started && !failed; k++) {
            convert_worker *w = &r->workers[k];
            if (w->failed && (pass || w->status != GUOTU_ERR_CANCELLED))
                failed = fail(r, w->status ? w->status : GUOTU_ERR_IO, w->err);
        }
    if (!failed && started < r->nworkers) failed = fail(r, GUOTU_ERR_IO, "cannot start worker threads");
    return failed;
}

/* Opens the output, runs the workers on threads while this one writes their pieces, merges. */
static int overlay(job_run *r) {
    const guotu_convert_job *j = r->j;
    char err[2048];
    const table_schema *pieces = r->schemas[T_CONVERSIONS];
    /* One worker per CPU: on real-shaped data the overlay, not the writer, is the work. The
     * workers share both layers' reading and the before layer's preparation, then the after
     * features, a batch at a time. */
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
    if (open_inputs(r)) return 1;
    r->after_count = vector_source_count(&r->layers[1].src);
    guotu_convert_options o;
    guotu_convert_options_init(&o);
    o.crs = r->crs;
    o.area_method = j->area_method;
    o.invalid = j->invalid;
    o.before_label = r->layers[0].src.layer_name;
    int status = guotu_convert_before_create(r->ctx, &o, r->maps[0], &r->before);
    for (int k = 0; !status && k < r->nworkers; k++)
        if ((status = guotu_convert_before_add_part(r->workers[k].ctx, r->before, &r->workers[k].part)))
            return core_error(r, r->workers[k].ctx, status);
    if (status) return core_error(r, r->ctx, status);
    /* The output's CRS is the before layer's. */
    int failed = gpkg_writer_open(&r->out, j->output, err, sizeof err);
    if (!failed) {
        /* Millions of pieces: written straight through SQLite, the spatial index packed at the end. */
        r->pieces_layer =
            gpkg_writer_add_bulk_layer(r->out, "conversions", vector_source_crs(&r->layers[0].src),
                                       table_schema_columns(pieces), table_schema_count(pieces), err, sizeof err);
        failed = r->pieces_layer < 0;
    }
    if (failed) return fail(r, GUOTU_ERR_IO, err);
    if (run_stage(r, prepare_thread, 0)) return 1;
    status = guotu_convert_before_seal(r->ctx, r->before);
    if (status) return core_error(r, r->ctx, status);
    r->queue = row_queue_create(table_schema_count(pieces), r->nworkers);
    if (!r->queue) return fail(r, GUOTU_ERR_NOMEM, "out of memory");
    r->writer_reports = 1; /* set before the threads start: they only read it */
    if (run_stage(r, overlay_thread, 1)) return 1;
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
    for (int side = 0; side < 2; side++)
        pthread_mutex_init(&r->layers[side].lock, NULL);
    pthread_mutex_init(&r->srs_lock, NULL);
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
        vector_source_close(&w->zones);
        free(w->batch_in.bytes);
    }
    /* after the overlays that borrow it, before the contexts its parts were made with */
    guotu_convert_before_destroy(r->ctx, r->before);
    for (int k = 0; k < r->nworkers; k++)
        guotu_context_destroy(r->workers[k].ctx);
    free(r->workers);
    for (int side = 0; side < 2; side++) {
        if (r->layers[side].open) vector_source_close(&r->layers[side].src);
        pthread_mutex_destroy(&r->layers[side].lock);
    }
    pthread_mutex_destroy(&r->srs_lock);
    CPLFree(r->crs);
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
