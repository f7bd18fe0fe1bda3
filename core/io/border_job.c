/* border_job.c — guotu_border_job_run (guotu_io.h): cross-city border conflicts from files
 * (SPEC §6). Chooses the working CRS (the admin layer's, the job's, or the Gauss-Krüger zone of
 * geographic data), then N workers each read the admin units and elements into their own
 * border object and compare their share of the pairs; the rows they report are kept and
 * written in pair order when all have ended (border_output.c), so the output does not depend
 * on the threads. Errors, progress and cancel go through the caller's context (worker 0 runs
 * on it; the others stop when it fails); notes through the job's callbacks; nothing is printed. */
#include <cpl_conv.h>
#include <math.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "border_output.h"
#include "guotu/guotu_io.h"
#include "io_util.h"
#include "job_checks.h"
#include "metric_zone.h"
#include "vector_source.h"

/* Features read between two looks at the progress callback (worker 0) or the stop flag. */
enum { READ_PROGRESS_EVERY = 4096 };

void guotu_border_job_init(guotu_border_job *job) {
    if (!job) return;
    memset(job, 0, sizeof *job);
    guotu_border_options_init(&job->options);
}

typedef struct border_run border_run;

/* One thread's share: its own context (worker 0: the caller's) and border object with all
 * the inputs, comparing the pairs of its part (see guotu_border_options.parts). */
typedef struct border_worker {
    border_run *run;
    int index;
    guotu_context *ctx;
    guotu_border *border;
    pthread_t thread;
    int failed, status;
    char err[2048];
} border_worker;

struct border_run {
    const guotu_border_job *job;
    OGRSpatialReferenceH srs; /* the working CRS; NULL when the admin layer has none */
    char *crs_wkt;
    char zone_note[512]; /* the Gauss-Krüger zone geographic data was reprojected to; "" none */
    border_output out;   /* shared by the workers; its callbacks lock */
    border_worker *workers;
    int nworkers;
    atomic_int stop; /* worker 0 failed or was cancelled: the others stop */
    int status;
    char err[2048];
};

/* The workers other than the first stop at their next progress call once worker 0 failed. */
static int worker_progress(double fraction, const char *message, void *user) {
    (void)fraction;
    (void)message;
    border_run *r = user;
    return atomic_load(&r->stop) ? GUOTU_ERR_CANCELLED : GUOTU_OK;
}

/* Reprojects a layer into the working CRS when it is in another; refuses a layer without
 * a CRS next to one with a CRS. Only the first worker notes it. */
static int align(border_worker *w, vector_source *src, const char *role) {
    border_run *r = w->run;
    layer_crs_target t = {.srs = r->srs,
                          .words = "the working CRS",
                          .equivalent = 1,
                          .note = w->index ? NULL : r->job->note,
                          .note_user = r->job->note_user};
    if (!layer_crs_align(&t, src, role, NULL, w->err, sizeof w->err)) return 0;
    if (!vector_source_crs(src) != !r->srs) w->status = GUOTU_ERR_CRS;
    return 1;
}

static int core_failed(border_worker *w, int status, const char *layer, const char *path) {
    w->status = status;
    if (layer)
        snprintf(w->err, sizeof w->err, "layer '%s' of '%s': %s", layer, path, guotu_context_last_error(w->ctx));
    else
        snprintf(w->err, sizeof w->err, "%s", guotu_context_last_error(w->ctx));
    return 1;
}

/* Every READ_PROGRESS_EVERY features: worker 0 asks the caller's progress callback (which may
 * cancel), the others look at the stop flag. */
static int read_tick(border_worker *w, int64_t count, const char *role, const char *layer) {
    if (w->index == 0) {
        if (!job_read_progress(w->ctx, count, READ_PROGRESS_EVERY, role, layer, w->err, sizeof w->err)) return 0;
    } else if (count % READ_PROGRESS_EVERY || !atomic_load(&w->run->stop)) {
        return 0;
    } else {
        snprintf(w->err, sizeof w->err, "stopped");
    }
    w->status = GUOTU_ERR_CANCELLED;
    return 1;
}

/* Admin id -> name for the output's name columns, read before the workers start (their
 * callbacks write rows with names). */
static int name_table(border_run *r, vector_source *src) {
    const guotu_border_job *job = r->job;
    if (vector_source_use_field(src, job->admin_id_field, r->err, sizeof r->err)) return 1;
    int name = job->admin_name_field ? vector_source_field(src, job->admin_name_field, r->err, sizeof r->err) : -1;
    if (job->admin_name_field && name < 0) return 1;
    size_t count = (size_t)vector_source_count(src);
    r->out.ids = calloc(count ? count : 1, sizeof *r->out.ids);
    r->out.names = calloc(count ? count : 1, sizeof *r->out.names);
    if (!r->out.ids || !r->out.names) {
        r->status = GUOTU_ERR_NOMEM;
        return snprintf(r->err, sizeof r->err, "out of memory") > 0;
    }
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

/* The working CRS: the job's, else the admin layer's; and the name table. */
static int working_crs(border_run *r) {
    const guotu_border_job *job = r->job;
    vector_source src;
    memset(&src, 0, sizeof src);
    int failed = vector_source_open(&src, job->admin, job->admin_layer, job->encoding, r->err, sizeof r->err);
    if (!failed && job->crs) {
        r->srs = OSRNewSpatialReference(NULL);
        if (OSRSetFromUserInput(r->srs, job->crs) != OGRERR_NONE) {
            snprintf(r->err, sizeof r->err, "--crs: unknown CRS '%s'", job->crs);
            r->status = GUOTU_ERR_CRS;
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
        failed = metric_extent_add_file(&e, job->elements, job->city_from_layer ? NULL : job->elements_layer, r->srs,
                                        r->err, sizeof r->err);
        char what[1200], zh[768];
        snprintf(what, sizeof what, "the admin layer '%.200s' of '%.600s'%s", src.layer_name, src.path,
                 job->crs ? " (--crs)" : "");
        OGRSpatialReferenceH zone = NULL;
        if (!failed) {
            failed = metric_zone_choose(r->srs, &e, what, &zone, r->zone_note, sizeof r->zone_note, zh, sizeof zh,
                                        r->err, sizeof r->err);
            if (failed) r->status = GUOTU_ERR_CRS;
        }
        if (zone) {
            OSRDestroySpatialReference(r->srs);
            r->srs = zone;
            if (job->crs_note) job->crs_note(r->zone_note, job->crs_note_user);
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
    const guotu_border_job *job = r->job;
    vector_source src;
    memset(&src, 0, sizeof src);
    int failed = vector_source_open(&src, job->admin, job->admin_layer, job->encoding, w->err, sizeof w->err) ||
                 vector_source_use_field(&src, job->admin_id_field, w->err, sizeof w->err) || align(w, &src, "admin");
    int name = -1;
    if (!failed && job->admin_name_field) {
        name = vector_source_field(&src, job->admin_name_field, w->err, sizeof w->err);
        failed = name < 0;
    }
    if (!failed) {
        guotu_border_options o = job->options;
        o.crs = r->crs_wkt;
        o.part = w->index;
        o.parts = r->nworkers;
        int status = guotu_border_create(w->ctx, &o, &w->border);
        if (status) failed = core_failed(w, status, NULL, NULL);
    }
    char id[1024];
    int64_t fid, admins = 0;
    const unsigned char *wkb;
    size_t size;
    int more = 0;
    while (!failed && (more = vector_source_next(&src, &fid, id, sizeof id, &wkb, &size, w->err, sizeof w->err)) == 1) {
        if (!wkb) {
            snprintf(w->err, sizeof w->err, "feature %lld of the admin layer '%s' of '%s' has no geometry",
                     (long long)fid, src.layer_name, src.path);
            w->status = GUOTU_ERR_DATA;
            failed = 1;
            break;
        }
        if (!id[0]) {
            snprintf(w->err, sizeof w->err, "feature %lld of the admin layer '%s' has an empty id field '%s'",
                     (long long)fid, src.layer_name, job->admin_id_field);
            w->status = GUOTU_ERR_DATA;
            failed = 1;
            break;
        }
        const char *nm = name >= 0 ? vector_source_text(&src, name) : "";
        int status = guotu_border_add_admin(w->ctx, w->border, id, nm, fid, wkb, size);
        if (status) {
            failed = core_failed(w, status, src.layer_name, src.path);
            break;
        }
        failed = read_tick(w, ++admins, "admin units", src.layer_name);
    }
    if (more < 0) failed = 1;
    if (!failed && !admins) {
        snprintf(w->err, sizeof w->err, "the admin layer '%s' of '%s' has no features", src.layer_name, src.path);
        w->status = GUOTU_ERR_DATA;
        failed = 1;
    }
    vector_source_close(&src);
    return failed;
}

/* One layer of elements; `city` is the layer's city id with city_from_layer, else NULL. */
static int read_element_layer(border_worker *w, const char *layer, const char *city, int64_t *count) {
    border_run *r = w->run;
    const guotu_border_job *job = r->job;
    vector_source src;
    memset(&src, 0, sizeof src);
    int failed = vector_source_open(&src, job->elements, layer, job->encoding, w->err, sizeof w->err);
    if (!failed && !city) failed = vector_source_use_field(&src, job->city_field, w->err, sizeof w->err);
    int category = failed ? -1 : vector_source_field(&src, job->category_field, w->err, sizeof w->err);
    int name = -1;
    if (!failed && category < 0) failed = 1;
    if (!failed && job->name_field) {
        name = vector_source_field(&src, job->name_field, w->err, sizeof w->err);
        failed = name < 0;
    }
    if (!failed) failed = align(w, &src, "elements");
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
                     src.layer_name, src.path, job->category_field);
            w->status = GUOTU_ERR_DATA;
            failed = 1;
            break;
        }
        int status = guotu_border_add_element(w->ctx, w->border, city ? city : value, cat,
                                              name >= 0 ? vector_source_text(&src, name) : "", fid, wkb, size);
        if (status) {
            failed = core_failed(w, status, src.layer_name, src.path);
            break;
        }
        failed = read_tick(w, ++*count, "elements", src.layer_name);
    }
    if (more < 0) failed = 1;
    vector_source_close(&src);
    return failed;
}

static int read_elements(border_worker *w) {
    const guotu_border_job *job = w->run->job;
    int64_t count = 0;
    int failed = 0;
    if (!job->city_from_layer) return read_element_layer(w, job->elements_layer, NULL, &count);
    GDALDatasetH ds = GDALOpenEx(job->elements, GDAL_OF_VECTOR | GDAL_OF_READONLY, NULL, NULL, NULL);
    if (!ds) {
        snprintf(w->err, sizeof w->err, "cannot open '%s' as a vector file: %s", job->elements, CPLGetLastErrorMsg());
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
        snprintf(w->err, sizeof w->err, "'%s' has no polygon layers (one per city is expected)", job->elements);
        w->status = GUOTU_ERR_DATA;
        failed = 1;
    }
    return failed;
}

static int worker_run(border_worker *w) {
    if (read_admins(w) || read_elements(w)) return 1;
    int status = guotu_border_run(w->ctx, w->border, &border_output_callbacks, &w->run->out);
    if (status) {
        /* A write error from a callback keeps its own text. */
        if (w->run->out.failed) {
            snprintf(w->err, sizeof w->err, "%s", w->run->err);
            w->status = GUOTU_ERR_NOMEM;
        } else {
            core_failed(w, status, NULL, NULL);
        }
        return 1;
    }
    return 0;
}

static void *worker_thread(void *arg) {
    border_worker *w = arg;
    w->failed = worker_run(w);
    return NULL;
}

/* Runs the workers (the first here on the caller's context, the others on threads) and
 * merges them into the first. */
static int run_workers(border_run *r, guotu_context *ctx) {
    r->nworkers = io_thread_count(r->job->threads, 0);
    r->workers = calloc((size_t)r->nworkers, sizeof *r->workers);
    if (!r->workers) {
        r->status = GUOTU_ERR_NOMEM;
        return snprintf(r->err, sizeof r->err, "out of memory") > 0;
    }
    for (int k = 0; k < r->nworkers; k++) {
        border_worker *w = &r->workers[k];
        w->run = r;
        w->index = k;
        w->status = GUOTU_ERR_IO;
        w->ctx = k ? guotu_context_create() : ctx;
        if (!w->ctx) {
            r->status = GUOTU_ERR_NOMEM;
            return snprintf(r->err, sizeof r->err, "out of memory") > 0;
        }
        if (k) guotu_context_set_progress(w->ctx, worker_progress, r);
    }
    int started = 0;
    for (int k = 1; k < r->nworkers; k++) {
        if (pthread_create(&r->workers[k].thread, NULL, worker_thread, &r->workers[k]) != 0) break;
        started = k;
    }
    int failed = worker_run(&r->workers[0]);
    if (failed) {
        atomic_store(&r->stop, 1);
        snprintf(r->err, sizeof r->err, "%s", r->workers[0].err);
        r->status = r->workers[0].status;
    }
    for (int k = 1; k <= started; k++) {
        pthread_join(r->workers[k].thread, NULL);
        if (!failed && r->workers[k].failed) {
            snprintf(r->err, sizeof r->err, "%s", r->workers[k].err);
            r->status = r->workers[k].status;
            failed = 1;
        }
    }
    if (!failed && started < r->nworkers - 1) failed = snprintf(r->err, sizeof r->err, "cannot start threads") > 0;
    for (int k = 1; !failed && k < r->nworkers; k++) {
        int status = guotu_border_merge(ctx, r->workers[0].border, r->workers[k].border);
        if (status) {
            snprintf(r->err, sizeof r->err, "%s", guotu_context_last_error(ctx));
            r->status = status;
            failed = 1;
        }
    }
    return failed;
}

static int write_summary(border_run *r, guotu_context *ctx) {
    const guotu_border_job *job = r->job;
    const guotu_border_options *o = &job->options;
    char admin[1200], elements[1200], when[32], numbers[6][32], weights[160];
    io_describe_file(job->admin, admin, sizeof admin);
    io_describe_file(job->elements, elements, sizeof elements);
    time_t now = time(NULL);
    strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", gmtime(&now));
    const double values[] = {o->corridor_m, o->reach_m, o->snap_m, o->min_length_m, o->min_area_m2, o->basemap_min_m2};
    for (int i = 0; i < 6; i++)
        snprintf(numbers[i], sizeof numbers[i], "%g", values[i]);
    snprintf(weights, sizeof weights, "%g,%g,%g,%g", o->weight_overlap, o->weight_mismatch, o->weight_gap,
             o->weight_discontinuity);
    const table_meta meta[] = {{"guotu_version", guotu_version()},
                               {"created_utc", when},
                               {"admin", admin},
                               {"admin_layer", job->admin_layer ? job->admin_layer : "(first polygon layer)"},
                               {"admin_id_field", job->admin_id_field},
                               {"admin_name_field", job->admin_name_field ? job->admin_name_field : "(none)"},
                               {"elements", elements},
                               {"elements_layer", job->city_from_layer  ? "(one layer per city)"
                                                  : job->elements_layer ? job->elements_layer
                                                                        : "(first polygon layer)"},
                               {"city_field", job->city_from_layer ? "(layer name)" : job->city_field},
                               {"category_field", job->category_field},
                               {"name_field", job->name_field ? job->name_field : "(none)"},
                               {"corridor_m", numbers[0]},
                               {"reach_m", numbers[1]},
                               {"snap_m", numbers[2]},
                               {"min_length_m", numbers[3]},
                               {"min_area_m2", numbers[4]},
                               {"basemap_min_m2", numbers[5]},
                               {"weights_overlap_mismatch_gap_discontinuity", weights},
                               {"area_method", o->area_method == GUOTU_AREA_PLANAR ? "planar" : "ellipsoidal"},
                               {"crs", r->srs ? OSRGetName(r->srs) : "(none)"},
                               {"crs_note", r->zone_note[0] ? r->zone_note : "(none)"},
                               {"encoding", job->encoding ? job->encoding : "(the files' own)"}};
    return border_output_summary(&r->out, ctx, r->workers[0].border, meta, (int)(sizeof meta / sizeof meta[0]));
}

static int run(border_run *r, guotu_context *ctx) {
    const guotu_border_job *job = r->job;
    const char *inputs[] = {job->admin, job->elements};
    if (io_refuse_overwrite(inputs, 2, &job->output, 1, r->err, sizeof r->err)) {
        r->status = GUOTU_ERR_ARGUMENT;
        return 1;
    }
    if (working_crs(r) || border_output_open(&r->out, job->output, r->srs) || run_workers(r, ctx) ||
        write_summary(r, ctx))
        return 1;
    int failed = gpkg_writer_commit(r->out.out, r->err, sizeof r->err); /* frees the writer either way */
    r->out.out = NULL;
    return failed;
}

static void fill_info(border_run *r, guotu_context *ctx, guotu_border_job_info *info) {
    memset(info, 0, sizeof *info);
    guotu_border_get_stats(ctx, r->workers[0].border, &info->stats);
    info->pairs = (int64_t)guotu_border_pair_count(r->workers[0].border);
    for (int k = 0; k < 4; k++)
        info->conflicts[k] = r->out.counts[k];
    info->issues = r->out.issue_counts;
    snprintf(info->crs_name, sizeof info->crs_name, "%s", r->srs ? OSRGetName(r->srs) : "(none)");
    snprintf(info->zone_note, sizeof info->zone_note, "%s", r->zone_note);
}

static void run_free(border_run *r) {
    gpkg_writer_abort(r->out.out);
    border_output_free(&r->out);
    for (int k = 0; k < r->nworkers; k++) {
        if (!r->workers[k].ctx) continue;
        guotu_border_destroy(r->workers[k].ctx, r->workers[k].border);
        if (k) guotu_context_destroy(r->workers[k].ctx);
    }
    free(r->workers);
    pthread_mutex_destroy(&r->out.lock);
    for (size_t i = 0; i < r->out.nadmins; i++) {
        CPLFree(r->out.ids[i]);
        CPLFree(r->out.names[i]);
    }
    free(r->out.ids);
    free(r->out.names);
    CPLFree(r->crs_wkt);
    if (r->srs) OSRDestroySpatialReference(r->srs);
}

/* What the job lacks, or NULL when it can run. */
static const char *job_problem(const guotu_border_job *job) {
    if (!job->admin || !job->admin_id_field) return "the admin units and their id field are required";
    if (!job->elements || !job->category_field) return "the elements and their category field are required";
    if (!job->city_field == !job->city_from_layer) return "give either the city field or city_from_layer";
    if (job->city_from_layer && job->elements_layer) return "city_from_layer reads every layer: no elements layer";
    if (job->threads < 0 || job->threads > 64) return "threads must be 0 (one per CPU) to 64";
    const guotu_border_options *o = &job->options;
    const double numbers[] = {
        o->corridor_m,     o->reach_m,        o->snap_m,          o->min_length_m, o->min_area_m2,
        o->basemap_min_m2, o->weight_overlap, o->weight_mismatch, o->weight_gap,   o->weight_discontinuity};
    return job_output_problem(o->area_method, numbers, 10, "the distances, areas and weights must be numbers >= 0",
                              job->output, NULL);
}

int guotu_border_job_run(guotu_context *ctx, const guotu_border_job *job, guotu_border_job_info *info) {
    int refused = job_entry(ctx, "guotu_border_job_run", job, job ? job_problem(job) : NULL);
    if (refused) return refused;
    border_run *r = calloc(1, sizeof *r);
    if (!r) return guotu_context_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
    r->job = job;
    r->status = GUOTU_ERR_IO;
    atomic_init(&r->stop, 0);
    r->out.err = r->err;
    r->out.err_size = sizeof r->err;
    pthread_mutex_init(&r->out.lock, NULL);
    int status = GUOTU_OK;
    if (run(r, ctx))
        status = guotu_context_fail(ctx, r->status ? r->status : GUOTU_ERR_IO, r->err);
    else if (info)
        fill_info(r, ctx, info);
    run_free(r);
    free(r);
    return status;
}
