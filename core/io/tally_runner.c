/* tally_runner.c — one tally from files (see tally_runner.h). */
#include "tally_runner.h"

#include <cpl_conv.h>
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "code_units.h"
#include "io_util.h"
#include "raster_source.h"
#include "vector_source.h"

typedef struct tally_run {
    const tally_inputs *in;
    vector_source zones, landuse, mask;
    int deduction_index; /* the land use's KCXS field, -1 for none */
    int zone_code_index; /* the land use's zone code field (tally by code), -1 for none */
    raster_source raster;
    int raster_input, has_mask;
    OGRSpatialReferenceH target_crs; /* borrowed from the zones or the raster, or work_srs */
    OGRSpatialReferenceH work_srs;   /* in->work_crs (owned), NULL without */
    OGRSpatialReferenceH zones_own;  /* with work_srs: the zones' own CRS (borrowed) */
    char *crs_text;
    guotu_context *ctx;
    guotu_tally *tally;
    char *err;
    size_t err_size;
    /* The area check: the official area's field, BSM and TBBH (-1 when absent), the core's
     * calculator in the land use's own CRS, and the land use's reprojection to the tally's
     * CRS, taken from its vector_source so that each parcel is measured as read and then
     * reprojected here (handed back before the source is closed). */
    tally_info *info;
    int check_index, bsm_index, tbbh_index;
    guotu_area_calc *check_calc;
    OGRCoordinateTransformationH check_transform;
    unsigned char *check_wkb;
    size_t check_wkb_cap;
} tally_run;

/* The KCXS field of the land use, when the 田坎 deduction applies. */
static int open_deduction(tally_run *run) {
    const char *d = run->in->deduction;
    run->deduction_index = -1;
    if (!d || !strcmp(d, "none")) return 0;
    if (!strcmp(d, "auto")) {
        run->deduction_index = OGR_FD_GetFieldIndex(OGR_L_GetLayerDefn(run->landuse.layer), "KCXS");
        return 0;
    }
    run->deduction_index = vector_source_field(&run->landuse, d, run->err, run->err_size);
    return run->deduction_index < 0;
}

int tally_inputs_check(const tally_inputs *in, char *err, size_t err_size) {
    struct {
        const char *name, *value, *a, *b, *c;
    } words[] = {
        {"--area", in->area, "ellipsoidal", "planar", NULL},
        {"--invalid", in->invalid, "repair", "fail", NULL},
        {"--raster-mode", in->raster_mode, "exact", "centre", "center"},
        {"--crs-mismatch", in->crs_mismatch, "reproject", "fail", NULL},
    };
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
        const char *v = words[i].value;
        if (!v || !strcmp(v, words[i].a) || !strcmp(v, words[i].b) || (words[i].c && !strcmp(v, words[i].c))) continue;
        snprintf(err, err_size, "%s must be %s or %s, not '%s'", words[i].name, words[i].a, words[i].b, v);
        return 1;
    }
    if (in->area_check_field && (!(in->area_check_abs >= 0) || !(in->area_check_rel >= 0) ||
                                 !isfinite(in->area_check_abs) || !isfinite(in->area_check_rel))) {
        snprintf(err, err_size, "the area check's tolerances must be finite numbers >= 0");
        return 1;
    }
    return 0;
}

/* Makes a vector input's coordinates match the target CRS, or explains why not. */
static int align_crs(tally_run *run, vector_source *src, const char *role) {
    layer_crs_target t = {.srs = run->target_crs,
                          .own = run->zones_own,
                          .words = run->raster_input ? "the land-use raster" : "the zones",
                          .plural = !run->raster_input,
                          .refuse = run->in->crs_mismatch && strcmp(run->in->crs_mismatch, "fail") == 0,
                          .note = run->in->note,
                          .note_user = run->in->note_user};
    return layer_crs_align(&t, src, role, NULL, run->err, run->err_size);
}

/* A tally by zone code: only the land use, its CRS the tally's. */
static int open_by_code(tally_run *run) {
    const tally_inputs *in = run->in;
    if (in->mask) {
        snprintf(run->err, run->err_size, "a mask needs zone polygons: give --zones, or drop --mask");
        return 1;
    }
    if (vector_source_open(&run->landuse, in->landuse, in->landuse_layer, in->encoding, run->err, run->err_size) ||
        vector_source_filter(&run->landuse, in->landuse_where, run->err, run->err_size) ||
        (in->class_field && vector_source_use_field(&run->landuse, in->class_field, run->err, run->err_size)))
        return 1;
    run->zone_code_index = vector_source_field(&run->landuse, in->zone_code_field, run->err, run->err_size);
    if (run->zone_code_index < 0 || open_deduction(run)) return 1;
    run->target_crs = vector_source_crs(&run->landuse);
    const char *wkt_opts[] = {"FORMAT=WKT2_2019", NULL};
    if (run->target_crs && OSRExportToWktEx(run->target_crs, &run->crs_text, wkt_opts) != OGRERR_NONE) {
        snprintf(run->err, run->err_size, "cannot describe the CRS of the inputs");
        return 1;
    }
    return 0;
}

static int open_inputs(tally_run *run) {
    const tally_inputs *in = run->in;
    const char *role = in->role ? in->role : "land-use";
    if (in->zone_code_field) return open_by_code(run);
    if (vector_source_open(&run->zones, in->zones, in->zones_layer, in->encoding, run->err, run->err_size) ||
        vector_source_filter(&run->zones, in->zones_where, run->err, run->err_size) ||
        vector_source_use_field(&run->zones, in->zone_id, run->err, run->err_size))
        return 1;
    if (vector_source_count(&run->zones) == 0) {
        snprintf(run->err, run->err_size, "the zones layer '%s' of '%s' has no features", run->zones.layer_name,
                 in->zones);
        return 1;
    }
    run->raster_input = !in->landuse_layer && raster_source_probe(in->landuse);
    if (run->raster_input) {
        if (in->class_field) {
            snprintf(run->err, run->err_size, "'%s' is a raster: its cell values are the classes, so drop %s",
                     in->landuse, in->class_option ? in->class_option : "the class field");
            return 1;
        }
        if (raster_source_open(&run->raster, in->landuse, run->err, run->err_size)) return 1;
        run->target_crs = raster_source_crs(&run->raster);
        if (align_crs(run, &run->zones, "zones")) return 1;
    } else {
        if (!in->class_field && !in->whole_area && !strchr(in->landuse, ':') && access(in->landuse, F_OK) != 0) {
            snprintf(run->err, run->err_size, "the %s layer '%s' does not exist", role, in->landuse);
            return 1;
        }
        if (!in->class_field && !in->whole_area) {
            snprintf(run->err, run->err_size,
                     "the %s layer '%s' is vector data and needs %s (the field with the class code)", role, in->landuse,
                     in->class_option ? in->class_option : "a class field");
            return 1;
        }
        if (vector_source_open(&run->landuse, in->landuse, in->landuse_layer, in->encoding, run->err, run->err_size) ||
            vector_source_filter(&run->landuse, in->landuse_where, run->err, run->err_size) ||
            (in->class_field && vector_source_use_field(&run->landuse, in->class_field, run->err, run->err_size)))
            return 1;
        if (vector_source_count(&run->landuse) == 0) {
            snprintf(run->err, run->err_size, "the %s layer '%s' of '%s' has no features", role,
                     run->landuse.layer_name, in->landuse);
            return 1;
        }
        if (open_deduction(run)) return 1;
        run->target_crs = vector_source_crs(&run->zones);
        if (in->work_crs && run->target_crs) {
            run->work_srs = OSRNewSpatialReference(NULL);
            if (OSRSetFromUserInput(run->work_srs, in->work_crs) != OGRERR_NONE) {
                snprintf(run->err, run->err_size, "unknown work CRS '%.200s'", in->work_crs);
                return 1;
            }
            OSRSetAxisMappingStrategy(run->work_srs, OAMS_TRADITIONAL_GIS_ORDER);
            run->zones_own = run->target_crs;
            if (vector_source_reproject_to(&run->zones, run->work_srs, run->err, run->err_size)) return 1;
            run->target_crs = run->work_srs;
        }
        if (align_crs(run, &run->landuse, role)) return 1;
    }
    if (in->mask) {
        run->has_mask = 1;
        if (vector_source_open(&run->mask, in->mask, in->mask_layer, in->encoding, run->err, run->err_size) ||
            vector_source_filter(&run->mask, in->mask_where, run->err, run->err_size) ||
            align_crs(run, &run->mask, "mask"))
            return 1;
    }
    if (run->target_crs) {
        const char *wkt_opts[] = {"FORMAT=WKT2_2019", NULL};
        if (OSRExportToWktEx(run->target_crs, &run->crs_text, wkt_opts) != OGRERR_NONE) {
            snprintf(run->err, run->err_size, "cannot describe the CRS of the inputs");
            return 1;
        }
    }
    return 0;
}

static int core_failed(tally_run *run, int status) {
    if (run->info) run->info->status = status;
    snprintf(run->err, run->err_size, "%s%s", status == GUOTU_ERR_CANCELLED ? "cancelled: " : "",
             guotu_context_last_error(run->ctx));
    return 1;
}

/* The area check's field and calculator (in the land use's own CRS), when asked for. */
static int open_area_check(tally_run *run) {
    const tally_inputs *in = run->in;
    tally_info *info = run->info;
    if (!in->area_check_field) return 0;
    if (run->raster_input) {
        snprintf(run->err, run->err_size,
                 "the area check compares each parcel's area with its field '%s', but the land use '%s' is a "
                 "raster: give a polygon layer, or drop --area-check",
                 in->area_check_field, in->landuse);
        return 1;
    }
    run->check_index = vector_source_field(&run->landuse, in->area_check_field, run->err, run->err_size);
    if (run->check_index < 0) return 1;
    OGRFeatureDefnH defn = OGR_L_GetLayerDefn(run->landuse.layer);
    run->bsm_index = OGR_FD_GetFieldIndex(defn, "BSM");
    run->tbbh_index = OGR_FD_GetFieldIndex(defn, "TBBH");
    snprintf(info->area_check_field, sizeof info->area_check_field, "%s",
             OGR_Fld_GetNameRef(OGR_FD_GetFieldDefn(defn, run->check_index)));
    OGRSpatialReferenceH crs = vector_source_crs(&run->landuse);
    char *wkt = NULL;
    const char *wkt_opts[] = {"FORMAT=WKT2_2019", NULL};
    if (!crs) {
        snprintf(run->err, run->err_size,
                 "the area check measures each parcel on the ellipsoid of its CRS, but the land-use layer '%s' has "
                 "no CRS; assign it first",
                 run->landuse.layer_name);
        return 1;
    }
    if (OSRExportToWktEx(crs, &wkt, wkt_opts) != OGRERR_NONE) {
        CPLFree(wkt);
        snprintf(run->err, run->err_size, "cannot describe the CRS of the land-use layer '%s'",
                 run->landuse.layer_name);
        return 1;
    }
    int status = guotu_area_calc_create(run->ctx, wkt, GUOTU_AREA_ELLIPSOIDAL, &run->check_calc);
    CPLFree(wkt);
    if (status) return core_failed(run, status);
    snprintf(info->area_check_method, sizeof info->area_check_method, "%s", guotu_area_calc_describe(run->check_calc));
    run->check_transform = run->landuse.transform;
    run->landuse.transform = NULL;
    return 0;
}

/* Compares one parcel's computed ellipsoidal area with its official area. */
static int check_area(tally_run *run, int64_t fid, const char *class_code, const unsigned char *wkb, size_t size) {
    const tally_inputs *in = run->in;
    tally_info *info = run->info;
    double official = 0, computed = 0;
    if (!vector_source_real(&run->landuse, run->check_index, &official) || !isfinite(official)) {
        if (info->area_no_official < (int64_t)(sizeof info->area_no_official_fids / sizeof(int64_t)))
            info->area_no_official_fids[info->area_no_official] = fid;
        info->area_no_official++;
        return 0;
    }
    if (size) {
        int status = guotu_area_of_wkb(run->ctx, run->check_calc, wkb, size, &computed);
        if (status) return core_failed(run, status);
    }
    info->area_checked++;
    double difference = fabs(computed - official);
    if (info->area_largest_fid < 0 || difference > info->area_largest_m2) {
        info->area_largest_m2 = difference;
        info->area_largest_fid = fid;
    }
    if (!(difference > in->area_check_abs + in->area_check_rel * fabs(official))) return 0;
    info->area_findings++;
    if (!in->area_finding) return 0;
    /* a number field's text lives in the feature's one scratch buffer: copy it first */
    char bsm[256];
    snprintf(bsm, sizeof bsm, "%s", vector_source_text(&run->landuse, run->bsm_index));
    area_finding f = {fid, bsm, vector_source_text(&run->landuse, run->tbbh_index), class_code, official, computed};
    return in->area_finding(&f, in->area_finding_user, run->err, run->err_size);
}

/* Reprojects a parcel measured as read into the tally's CRS, as vector_source would have. */
static int reproject_checked(tally_run *run, int64_t fid, const unsigned char **wkb, size_t *size) {
    if (!run->check_transform || !*size) return 0;
    OGRGeometryH g = NULL;
    if (OGR_G_CreateFromWkb(*wkb, NULL, &g, (int)*size) != OGRERR_NONE ||
        OGR_G_Transform(g, run->check_transform) != OGRERR_NONE) {
        if (g) OGR_G_DestroyGeometry(g);
        snprintf(run->err, run->err_size, "cannot reproject feature %lld of layer '%s'", (long long)fid,
                 run->landuse.layer_name);
        return 1;
    }
    size_t n = (size_t)OGR_G_WkbSize(g);
    if (io_reserve(&run->check_wkb, &run->check_wkb_cap, n, 1, 256)) {
        OGR_G_DestroyGeometry(g);
        snprintf(run->err, run->err_size, "out of memory");
        return 1;
    }
    OGR_G_ExportToIsoWkb(g, wkbNDR, run->check_wkb);
    OGR_G_DestroyGeometry(g);
    *wkb = run->check_wkb;
    *size = n;
    return 0;
}

static int new_tally(tally_run *run, guotu_context *ctx, guotu_tally **out) {
    const tally_inputs *in = run->in;
    guotu_tally_options o;
    guotu_tally_options_init(&o);
    o.crs = run->crs_text;
    o.area_method = in->area && strcmp(in->area, "planar") == 0 ? GUOTU_AREA_PLANAR : GUOTU_AREA_ELLIPSOIDAL;
    o.invalid = in->invalid && strcmp(in->invalid, "fail") == 0 ? GUOTU_INVALID_FAIL : GUOTU_INVALID_REPAIR;
    o.raster_mode =
        !in->raster_mode || strcmp(in->raster_mode, "exact") == 0 ? GUOTU_RASTER_EXACT : GUOTU_RASTER_CENTRE;
    o.zones_label = in->zone_code_field ? in->zone_code_field : run->zones.layer_name;
    o.landuse_label = run->raster_input ? in->landuse : run->landuse.layer_name;
    o.mask_label = run->mask.layer_name;
    return guotu_tally_create(ctx, &o, out);
}

static int create_tally(tally_run *run) {
    int status = new_tally(run, run->ctx, &run->tally);
    return status ? core_failed(run, status) : 0;
}

static int feed_zones_and_mask(tally_run *run) {
    if (run->in->zone_code_field) {
        int status = guotu_tally_prepare_by_code(run->ctx, run->tally);
        return status ? core_failed(run, status) : 0;
    }
    if (guotu_tally_can_prepare_like(run->tally, run->in->prepared_zones)) {
        int status = guotu_tally_prepare_like(run->ctx, run->tally, run->in->prepared_zones);
        return status ? core_failed(run, status) : 0;
    }
    char value[1024];
    int64_t fid;
    const unsigned char *wkb;
    size_t size;
    int more;
    while ((more = vector_source_next(&run->zones, &fid, value, sizeof value, &wkb, &size, run->err, run->err_size)) ==
           1) {
        int status = guotu_tally_add_zone(run->ctx, run->tally, value, fid, wkb, size);
        if (status) return core_failed(run, status);
    }
    if (more < 0) return 1;
    while (run->has_mask && (more = vector_source_next(&run->mask, &fid, value, sizeof value, &wkb, &size, run->err,
                                                       run->err_size)) == 1) {
        int status = guotu_tally_add_mask(run->ctx, run->tally, fid, wkb, size);
        if (status) return core_failed(run, status);
    }
    if (run->has_mask && more < 0) return 1;
    int status = guotu_tally_prepare(run->ctx, run->tally);
    return status ? core_failed(run, status) : 0;
}

static guotu_raster_grid grid_of(const raster_source *r) {
    guotu_raster_grid grid;
    memcpy(grid.geotransform, r->geotransform, sizeof grid.geotransform);
    grid.width = r->width;
    grid.height = r->height;
    grid.has_nodata = r->has_nodata;
    grid.nodata = r->nodata;
    return grid;
}

/* Feeds every window `src` yields to `tally`; 0, or 1 with a message in err. */
static int feed_windows(guotu_context *ctx, guotu_tally *tally, raster_source *src, char *err, size_t err_size) {
    int64_t row0, col0, nrows, ncols;
    int more;
    while ((more = raster_source_next(src, &row0, &col0, &nrows, &ncols, err, err_size)) == 1) {
        int status = guotu_tally_add_raster_block(ctx, tally, row0, col0, nrows, ncols, src->buffer, ncols);
        if (status) {
            snprintf(err, err_size, "%s", guotu_context_last_error(ctx));
            return 1;
        }
    }
    return more < 0;
}

/* A worker thread: its own context, tally and raster handle (nothing is shared, as the
 * core and GDAL require), over every n-th row band. */
typedef struct raster_worker {
    tally_run *run;
    int index, count;
    guotu_context *ctx;
    guotu_tally *tally;
    raster_source src;
    int failed;
    char err[1024];
    pthread_t thread;
} raster_worker;

static int worker_setup(raster_worker *w) {
    tally_run *run = w->run;
    w->ctx = guotu_context_create();
    if (!w->ctx || new_tally(run, w->ctx, &w->tally)) {
        snprintf(w->err, sizeof w->err, "%s", w->ctx ? guotu_context_last_error(w->ctx) : "out of memory");
        return 1;
    }
    /* The zones as the main tally prepared them (mask removed, overlaps found): not again. */
    int status = guotu_tally_prepare_like(w->ctx, w->tally, run->tally);
    guotu_raster_grid grid = grid_of(&run->raster);
    if (!status) status = guotu_tally_set_raster(w->ctx, w->tally, &grid);
    if (status) {
        snprintf(w->err, sizeof w->err, "%s", guotu_context_last_error(w->ctx));
        return 1;
    }
    if (raster_source_open(&w->src, run->in->landuse, w->err, sizeof w->err)) return 1;
    raster_source_select_bands(&w->src, w->index, w->count);
    return 0;
}

static void *worker_main(void *arg) {
    raster_worker *w = arg;
    w->failed = feed_windows(w->ctx, w->tally, &w->src, w->err, sizeof w->err);
    return NULL;
}

/* The main thread's progress covers 1/n of the raster: scale it to the whole. */
typedef struct scaled_progress {
    guotu_progress_fn fn;
    void *user;
    int factor;
} scaled_progress;

static int scaled_report(double fraction, const char *message, void *user) {
    scaled_progress *s = user;
    double f = fraction * s->factor;
    return s->fn(f > 1 ? 1 : f, message, s->user);
}

static int thread_count(const tally_inputs *in, const raster_source *r) {
    int n = io_thread_count(in->threads, 0);
    int64_t bands = (r->height + r->window_rows - 1) / r->window_rows;
    if (n > bands) n = (int)bands;
    return n < 1 ? 1 : n;
}

static int feed_raster(tally_run *run) {
    raster_source *r = &run->raster;
    guotu_raster_grid grid = grid_of(r);
    int status = guotu_tally_set_raster(run->ctx, run->tally, &grid);
    if (status) return core_failed(run, status);
    int n = thread_count(run->in, r);
    if (n == 1) return feed_windows(run->ctx, run->tally, r, run->err, run->err_size);
    raster_worker *workers = calloc((size_t)n, sizeof *workers);
    if (!workers) {
        snprintf(run->err, run->err_size, "out of memory");
        return 1;
    }
    int failed = 0, started = 0;
    for (int k = 1; k < n && !failed; k++) {
        raster_worker *w = &workers[k];
        w->run = run;
        w->index = k;
        w->count = n;
        failed = worker_setup(w);
        if (failed)
            snprintf(run->err, run->err_size, "%s", w->err);
        else if (pthread_create(&w->thread, NULL, worker_main, w) != 0) {
            snprintf(run->err, run->err_size, "cannot start a worker thread");
            failed = 1;
        } else {
            started = k;
        }
    }
    scaled_progress scaled = {run->in->progress, run->in->progress_user, n};
    if (run->in->progress) guotu_context_set_progress(run->ctx, scaled_report, &scaled);
    raster_source_select_bands(r, 0, n);
    if (!failed) failed = feed_windows(run->ctx, run->tally, r, run->err, run->err_size);
    if (run->in->progress) guotu_context_set_progress(run->ctx, run->in->progress, run->in->progress_user);
    for (int k = 1; k <= started; k++) {
        raster_worker *w = &workers[k];
        pthread_join(w->thread, NULL);
        if (!failed && w->failed) {
            snprintf(run->err, run->err_size, "%s", w->err);
            failed = 1;
        }
        if (!failed && guotu_tally_merge(run->ctx, run->tally, w->tally) != GUOTU_OK) failed = core_failed(run, 1);
    }
    for (int k = 1; k < n; k++) {
        guotu_tally_destroy(workers[k].ctx, workers[k].tally);
        guotu_context_destroy(workers[k].ctx);
        raster_source_close(&workers[k].src);
    }
    free(workers);
    return failed;
}

static int feed_vector(tally_run *run) {
    guotu_tally_set_expected(run->ctx, run->tally, vector_source_count(&run->landuse));
    char value[1024];
    int64_t fid;
    const unsigned char *wkb;
    size_t size;
    int more;
    while ((more = vector_source_next(&run->landuse, &fid, value, sizeof value, &wkb, &size, run->err,
                                      run->err_size)) == 1) {
        if (run->check_calc && (check_area(run, fid, value, wkb, size) || reproject_checked(run, fid, &wkb, &size)))
            return 1;
        double share = 0;
        if (run->deduction_index >= 0 && !vector_source_real(&run->landuse, run->deduction_index, &share)) {
            const char *text = vector_source_text(&run->landuse, run->deduction_index);
            if (text[0]) { /* empty: no deduction; anything else must be a number */
                snprintf(run->err, run->err_size,
                         "feature %lld of layer '%s': the deduction coefficient field '%s' is '%s'; a number is "
                         "needed",
                         (long long)fid, run->landuse.layer_name,
                         OGR_Fld_GetNameRef(
                             OGR_FD_GetFieldDefn(OGR_L_GetLayerDefn(run->landuse.layer), run->deduction_index)),
                         text);
                return 1;
            }
            share = 0;
        }
        const char *deducted = run->in->deducted_class ? run->in->deducted_class : "1203";
        int status;
        if (run->zone_code_index >= 0) {
            /* the zone is the code's first characters: 6 county, 9 town, 12 village of ZLDWDM */
            char zone[256];
            if (code_unit_of(vector_source_text(&run->landuse, run->zone_code_index), run->in->zone_code_length, fid,
                             run->landuse.layer_name, run->in->zone_code_field, zone, sizeof zone, run->err,
                             run->err_size))
                return 1;
            status =
                guotu_tally_add_landuse_in_zone(run->ctx, run->tally, zone, value, deducted, share, fid, wkb, size);
        } else {
            status = guotu_tally_add_landuse_deducted(run->ctx, run->tally, value, deducted, share, fid, wkb, size);
        }
        if (status) return core_failed(run, status);
    }
    return more < 0;
}

int tally_runner_run(guotu_context *ctx, const tally_inputs *in, guotu_tally **out, tally_info *info, char *err,
                     size_t err_size) {
    *out = NULL;
    memset(info, 0, sizeof *info);
    tally_run run;
    memset(&run, 0, sizeof run);
    run.deduction_index = -1;
    run.zone_code_index = -1;
    run.check_index = run.bsm_index = run.tbbh_index = -1;
    info->area_largest_fid = -1;
    run.info = info;
    run.in = in;
    run.ctx = ctx;
    run.err = err;
    run.err_size = err_size;
    if (in->progress) guotu_context_set_progress(ctx, in->progress, in->progress_user);
    int failed = tally_inputs_check(in, err, err_size) || open_inputs(&run) || open_area_check(&run) ||
                 create_tally(&run) || feed_zones_and_mask(&run) ||
                 (run.raster_input ? feed_raster(&run) : feed_vector(&run));
    if (!failed) {
        int status = guotu_tally_finish(ctx, run.tally);
        failed = status ? core_failed(&run, status) : 0;
    }
    info->raster = run.raster_input;
    if (!run.raster_input && run.deduction_index >= 0)
        snprintf(info->deduction_field, sizeof info->deduction_field, "%s",
                 OGR_Fld_GetNameRef(OGR_FD_GetFieldDefn(OGR_L_GetLayerDefn(run.landuse.layer), run.deduction_index)));
    info->raster_width = run.raster.width;
    info->raster_height = run.raster.height;
    snprintf(info->landuse_layer, sizeof info->landuse_layer, "%s",
             run.raster_input ? in->landuse : run.landuse.layer_name);
    if (failed)
        guotu_tally_destroy(ctx, run.tally);
    else
        *out = run.tally;
    guotu_area_calc_destroy(ctx, run.check_calc);
    free(run.check_wkb);
    if (run.check_transform) run.landuse.transform = run.check_transform; /* the source destroys it */
    vector_source_close(&run.zones);
    vector_source_close(&run.landuse);
    vector_source_close(&run.mask);
    raster_source_close(&run.raster);
    if (run.work_srs) OSRDestroySpatialReference(run.work_srs);
    CPLFree(run.crs_text);
    return failed;
}
