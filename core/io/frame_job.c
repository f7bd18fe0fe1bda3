/* frame_job.c — guotu_frame_catalogue_job_run and guotu_frame_indicators_job_run (guotu_io.h):
 * the provincial transmission framework (SPEC §10) from files. The catalogue check reads the
 * element catalogue, the county roll-up and the cities' submitted elements and writes
 * catalogue_findings, catalogue_cities and county_rollup; the indicators read the DEM in bands
 * of rows (shared among threads, each with a frame of its own) and the land use (polygons or a
 * raster of classes) in the work CRS, and write element_indicators and indicator_findings with
 * the catalogue's tables. Errors, notes, progress and cancel go through the caller's context
 * and the job's callbacks; nothing is printed. */
#include <cpl_conv.h>
#include <gdal/gdal_utils.h>
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "gpkg_styles.h"
#include "gpkg_writer.h"
#include "guotu/guotu_io.h"
#include "io_util.h"
#include "job_checks.h"
#include "metric_zone.h"
#include "resources.h"
#include "table_schema.h"
#include "vector_source.h"

/* Features read between two calls of the context's progress callback. */
enum { PROGRESS_EVERY = 4096 };

typedef guotu_frame_catalogue_job catalogue_args;
typedef guotu_frame_indicators_job indicators_args;

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

static int frame_tables_load(frame_tables *t, const char *resources, char *err, size_t err_size) {
    static const char *const *const names[FRAME_TABLES] = {finding_names, city_names, county_names, indicator_names,
                                                           ifinding_names};
    static const int counts[FRAME_TABLES] = {NFINDING, NCITY, NCOUNTY, NINDICATOR, NIFINDING};
    for (int k = 0; k < FRAME_TABLES; k++)
        if (table_schema_use(resources, frame_table_names[k], NULL, names[k], counts[k], &t->schemas[k], t->slots[k],
                             err, err_size))
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
    int status; /* the status a failure ends with: GUOTU_ERR_IO unless said otherwise */
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
                            int64_t *count, int *status, char *err, size_t err_size) {
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
        int st = guotu_frame_add_submission(ctx, f, city, vector_source_text(src, element),
                                            name >= 0 ? vector_source_text(src, name) : "", fid, wkb, size);
        if (st) {
            snprintf(err, err_size, "layer '%s' of '%s': %s", src->layer_name, src->path,
                     guotu_context_last_error(ctx));
            *status = st;
            failed = 1;
        }
        (*count)++;
        if (!failed && job_read_progress(ctx, *count, PROGRESS_EVERY, "elements", src->layer_name, err, err_size)) {
            *status = GUOTU_ERR_CANCELLED;
            failed = 1;
        }
    }
    if (more < 0) failed = 1;
    vector_source_close(src);
    return failed;
}

/* Reads the submitted features into the catalogue check, in their own CRS (returned in *srs). */
static int read_submissions(guotu_context *ctx, guotu_frame *f, const catalogue_args *a, OGRSpatialReferenceH *srs,
                            int64_t *count, int *status, char *err, size_t err_size) {
    vector_source src;
    if (vector_source_open(&src, a->elements, a->elements_layer, a->encoding, err, err_size)) return 1;
    if (vector_source_crs(&src)) *srs = OSRClone(vector_source_crs(&src));
    return feed_submissions(ctx, f, a, &src, count, status, err, err_size);
}

/* The county table into the frame (when given) and the layer of its roll-up. */
static int load_counties(guotu_context *ctx, guotu_frame *f, const char *resources, const char *spec, int *status,
                         char *err, size_t err_size) {
    if (!spec) return 0;
    char path[1024];
    size_t size = 0;
    char *text = table_text_load_from(resources, spec, "counties", path, sizeof path, &size, err, err_size);
    if (!text) return 1;
    int failed = guotu_frame_load_counties(ctx, f, text, size, path);
    if (failed) {
        snprintf(err, err_size, "%s", guotu_context_last_error(ctx));
        if (status) *status = failed;
    }
    free(text);
    return failed != 0;
}

static int write_counties(catalogue_out *o, int layer, guotu_context *ctx, guotu_frame *f) {
    for (size_t i = 0; i < guotu_frame_county_count(f); i++) {
        guotu_frame_county c;
        if ((o->status = guotu_frame_county_row(ctx, f, i, &c)) != GUOTU_OK)
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
        if ((o->status = guotu_frame_city_row(ctx, f, i, &c)) != GUOTU_OK)
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

/* Reads a file layer in the work CRS: opens, checks the CRS and reprojects, saying so through
 * `note` (NULL: silently). A layer that cannot be in the work CRS sets *status GUOTU_ERR_CRS. */
static int open_in_crs(vector_source *src, const char *path, const char *layer, const char *encoding,
                       OGRSpatialReferenceH srs, const char *role, guotu_note_fn note, void *note_user, int *status,
                       char *err, size_t err_size) {
    if (vector_source_open(src, path, layer, encoding, err, err_size)) return 1;
    layer_crs_target t = {.srs = srs, .words = "the work CRS", .equivalent = 1, .note = note, .note_user = note_user};
    if (!layer_crs_align(&t, src, role, NULL, err, err_size)) return 0;
    if (!strstr(err, "reproject")) *status = GUOTU_ERR_CRS;
    return 1;
}

/* The submitted elements in the work CRS; `note` NULL for the DEM workers' own frames. */
static int read_submissions_in_crs(guotu_context *ctx, guotu_frame *f, const indicators_args *a,
                                   OGRSpatialReferenceH srs, guotu_note_fn note, int64_t *count, int *status, char *err,
                                   size_t err_size) {
    const catalogue_args *c = &a->catalogue;
    vector_source src;
    if (open_in_crs(&src, c->elements, c->elements_layer, c->encoding, srs, "elements", note, a->note_user, status, err,
                    err_size)) {
        vector_source_close(&src);
        return 1;
    }
    return feed_submissions(ctx, f, c, &src, count, status, err, err_size);
}

static int read_landuse(guotu_context *ctx, guotu_frame *f, const indicators_args *a, OGRSpatialReferenceH srs,
                        int *status, char *err, size_t err_size) {
    vector_source src;
    int failed = open_in_crs(&src, a->landuse, a->landuse_layer, a->catalogue.encoding, srs, "land-use", a->note,
                             a->note_user, status, err, err_size) ||
                 vector_source_use_field(&src, a->landuse_code, err, err_size);
    char code[256];
    int64_t fid;
    const unsigned char *wkb;
    size_t size;
    int more = 0;
    while (!failed && (more = vector_source_next(&src, &fid, code, sizeof code, &wkb, &size, err, err_size)) == 1)
        if ((*status = guotu_frame_add_landuse(ctx, f, code, fid, wkb, size)) != GUOTU_OK) {
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
                               const char *path, int *status, char *err, size_t err_size) {
    *status = GUOTU_ERR_CRS;
    if (!GDALGetSpatialRef(ds))
        return snprintf(err, err_size, "the land-use raster '%s' has no CRS: assign it the work CRS %s", path,
                        OSRGetName(srs)) > 0;
    if (!layer_crs_same(GDALGetSpatialRef(ds), srs, 1))
        return snprintf(err, err_size,
                        "the land-use raster '%s' is in %s, not the work CRS %s: warp it first (gdalwarp -t_srs ... "
                        "-r near), class rasters are never resampled here",
                        path, OSRGetName(GDALGetSpatialRef(ds)), OSRGetName(srs)) > 0;
    *status = GUOTU_ERR_DATA;
    GDALRasterBandH band = GDALGetRasterBand(ds, 1);
    GDALDataType type = GDALGetRasterDataType(band);
    if (type == GDT_Float32 || type == GDT_Float64 || GDALDataTypeIsComplex(type))
        return snprintf(err, err_size,
                        "the land-use raster '%s' holds %s values, not class codes (a whole-number type is needed)",
                        path, GDALGetDataTypeName(type)) > 0;
    guotu_raster_grid grid;
    memset(&grid, 0, sizeof grid);
    *status = 0; /* a read error from here on, or the core's status */
    if (GDALGetGeoTransform(ds, grid.geotransform) != CE_None)
        return snprintf(err, err_size, "'%s' has no geotransform (it is not georeferenced)", path) > 0;
    grid.width = GDALGetRasterXSize(ds);
    grid.height = GDALGetRasterYSize(ds);
    int has = 0;
    double nodata = GDALGetRasterNoDataValue(band, &has);
    grid.has_nodata = has && nodata == floor(nodata) && fabs(nodata) < 9.2e18;
    grid.nodata = grid.has_nodata ? (int64_t)nodata : 0;
    if ((*status = guotu_frame_set_landuse_grid(ctx, f, &grid)) != GUOTU_OK)
        return snprintf(err, err_size, "land-use raster '%s': %s", path, guotu_context_last_error(ctx)) > 0;
    /* Only the blocks the elements meet are read (GDAL decodes whole blocks): the core names
     * them as windows of whole blocks, consecutive blocks of a block row merged. */
    int bx = 0, by = 0;
    GDALGetBlockSize(band, &bx, &by);
    int64_t block_rows = by > 0 ? by : 64, block_cols = bx > 0 ? bx : grid.width;
    size_t nwindows = 0;
    if ((*status = guotu_frame_landuse_windows_needed(ctx, f, block_rows, block_cols, NULL, 0, &nwindows)) != GUOTU_OK)
        return snprintf(err, err_size, "land-use raster '%s': %s", path, guotu_context_last_error(ctx)) > 0;
    int64_t *windows = malloc(sizeof(int64_t) * 4 * (nwindows ? nwindows : 1));
    if (!windows) return snprintf(err, err_size, "out of memory for %zu land-use windows", nwindows) > 0;
    int failed = 0;
    if ((*status = guotu_frame_landuse_windows_needed(ctx, f, block_rows, block_cols, windows, nwindows, &nwindows)) !=
        GUOTU_OK)
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
        else if ((*status = guotu_frame_add_landuse_block(ctx, f, w[0], w[1], w[2], w[3], buffer, w[3])) != GUOTU_OK)
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
    int status; /* the core's status when it failed, else 0 */
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
        if ((w->status = guotu_frame_add_dem_rows(w->ctx, w->frame, row, n, buffer)) != GUOTU_OK) {
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
    guotu_frame_options opts; /* the job's, with the work CRS */
} frame_inputs;

static int other_frame(dem_worker *w, const frame_inputs *in) {
    int64_t features = 0;
    w->ctx = guotu_context_create();
    if (!w->ctx) return snprintf(w->err, sizeof w->err, "out of memory") > 0;
    if (guotu_frame_create(w->ctx, &w->frame) ||
        guotu_frame_load_catalogue(w->ctx, w->frame, in->text, in->size, in->path))
        return snprintf(w->err, sizeof w->err, "%s", guotu_context_last_error(w->ctx)) > 0;
    if (load_counties(w->ctx, w->frame, in->a->catalogue.resources, in->a->catalogue.counties, NULL, w->err,
                      sizeof w->err))
        return 1;
    if (guotu_frame_set_options(w->ctx, w->frame, &in->opts))
        return snprintf(w->err, sizeof w->err, "%s", guotu_context_last_error(w->ctx)) > 0;
    int status = 0;
    if (read_submissions_in_crs(w->ctx, w->frame, in->a, in->srs, NULL, &features, &status, w->err, sizeof w->err))
        return 1;
    if (guotu_frame_prepare(w->ctx, w->frame) || guotu_frame_set_dem(w->ctx, w->frame, in->dem))
        return snprintf(w->err, sizeof w->err, "%s", guotu_context_last_error(w->ctx)) > 0;
    return 0;
}

/* Streams the DEM's rows that the zones meet, in bands of whole blocks with their halo
 * rows; with several threads each takes every n-th band in a frame of its own, merged into
 * the first at the end. */
static int read_dem(guotu_context *ctx, guotu_frame *f, GDALDatasetH ds, const frame_inputs *in, int threads,
                    int *status, char *err, size_t err_size) {
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
    if (!failed && dem_bands(&workers[0])) {
        failed = snprintf(err, err_size, "%s", workers[0].err) > 0;
        if (workers[0].status) *status = workers[0].status;
    }
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

/* ---- the catalogue check ------------------------------------------------------------- */

void guotu_frame_catalogue_job_init(guotu_frame_catalogue_job *job) {
    if (job) memset(job, 0, sizeof *job);
}

/* What a catalogue check lacks, or NULL when it can run. */
static const char *catalogue_problem(const guotu_frame_catalogue_job *job) {
    if (!job->catalogue) return "the catalogue is required";
    if (!job->elements || !job->city_field || !job->element_field)
        return "the elements, their city field and their element field are required";
    return job_output_problem(GUOTU_AREA_ELLIPSOIDAL, NULL, 0, NULL, job->output, NULL);
}

/* A stage of a run through the context's progress callback: 0 to go on, 1 when cancelled
 * (with the message in err and *status GUOTU_ERR_CANCELLED). */
static int stage(guotu_context *ctx, double fraction, const char *what, int *status, char *err, size_t err_size) {
    if (guotu_context_report_progress(ctx, fraction, what) == GUOTU_OK) return 0;
    snprintf(err, err_size, "cancelled while %s", what);
    *status = GUOTU_ERR_CANCELLED;
    return 1;
}

static void catalogue_info(const catalogue_out *o, int64_t features, size_t cities,
                           guotu_frame_catalogue_job_info *info) {
    info->features = features;
    info->cities = (int64_t)cities;
    info->not_submitted = o->counts[0];
    info->not_in_catalogue = o->counts[1];
    info->city_not_listed = o->counts[2];
    info->no_city = o->counts[3];
}

int guotu_frame_catalogue_job_run(guotu_context *ctx, const guotu_frame_catalogue_job *job,
                                  guotu_frame_catalogue_job_info *info) {
    if (info) memset(info, 0, sizeof *info);
    int entry = job_entry(ctx, "guotu_frame_catalogue_job_run", job, job ? catalogue_problem(job) : NULL);
    if (entry) return entry;
    const catalogue_args *a = job;
    char err[2048] = "", path[1024];
    const char *inputs[] = {a->catalogue, a->elements, a->counties};
    if (io_refuse_overwrite(inputs, a->counties ? 3 : 2, &a->output, 1, err, sizeof err))
        return guotu_context_fail(ctx, GUOTU_ERR_ARGUMENT, err);
    GDALAllRegister();
    guotu_frame *f = NULL;
    OGRSpatialReferenceH srs = NULL;
    frame_tables tables;
    memset(&tables, 0, sizeof tables);
    catalogue_out o = {&tables, NULL, -1, -1, {0}, err, sizeof err, 0, 0};
    int64_t features = 0;
    size_t size = 0;
    int st = 0;
    int failed = frame_tables_load(&tables, a->resources, err, sizeof err) ||
                 stage(ctx, 0.0, "reading the catalogue", &o.status, err, sizeof err);
    char *text = failed ? NULL
                        : table_text_load_from(a->resources, a->catalogue, "catalogue", path, sizeof path, &size, err,
                                               sizeof err);
    if (!failed) failed = !text;
    if (!failed &&
        ((st = guotu_frame_create(ctx, &f)) || (st = guotu_frame_load_catalogue(ctx, f, text, size, path)))) {
        failed = snprintf(err, sizeof err, "%s", guotu_context_last_error(ctx)) > 0;
        o.status = st;
    }
    if (!failed) failed = load_counties(ctx, f, a->resources, a->counties, &o.status, err, sizeof err);
    if (!failed) failed = stage(ctx, 0.0, "reading the elements", &o.status, err, sizeof err);
    if (!failed) failed = read_submissions(ctx, f, a, &srs, &features, &o.status, err, sizeof err);
    if (!failed) failed = stage(ctx, 0.5, "checking the catalogue", &o.status, err, sizeof err);
    if (!failed) failed = gpkg_writer_open(&o.out, a->output, err, sizeof err);
    if (!failed) {
        o.findings = frame_add_layer(&tables, T_FINDINGS, o.out, wkbMultiPolygon, srs, err, sizeof err);
        o.cities = o.findings < 0 ? -1 : frame_add_layer(&tables, T_CITIES, o.out, wkbNone, NULL, err, sizeof err);
        failed = o.findings < 0 || o.cities < 0;
    }
    int counties = -1;
    if (!failed && a->counties)
        failed = (counties = frame_add_layer(&tables, T_COUNTIES, o.out, wkbNone, NULL, err, sizeof err)) < 0;
    if (!failed && (st = guotu_frame_check_catalogue(ctx, f, write_finding, &o)) != GUOTU_OK) {
        if (!o.failed) {
            snprintf(err, sizeof err, "%s", guotu_context_last_error(ctx));
            o.status = st;
        }
        failed = 1;
    }
    if (!failed) failed = write_cities(&o, ctx, f);
    if (!failed && counties >= 0) failed = write_counties(&o, counties, ctx, f);
    if (!failed) {
        char catalogue[1200], elements[1200], when[32];
        io_describe_file(path, catalogue, sizeof catalogue);
        io_describe_file(a->elements, elements, sizeof elements);
        time_t now = time(NULL);
        struct tm utc;
        strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", gmtime_r(&now, &utc));
        const table_meta meta[] = {{"guotu_version", guotu_version()},
                                   {"created_utc", when},
                                   {"catalogue", catalogue},
                                   {"elements", elements},
                                   {"elements_layer", a->elements_layer ? a->elements_layer : "(first polygon layer)"},
                                   {"city_field", a->city_field},
                                   {"element_field", a->element_field},
                                   {"name_field", a->name_field ? a->name_field : "(none)"},
                                   {"encoding", a->encoding ? a->encoding : "(the files' own)"}};
        gpkg_writer_meta(o.out, o.findings, meta, (int)(sizeof meta / sizeof meta[0]));
        gpkg_writer_meta(o.out, o.cities, meta, (int)(sizeof meta / sizeof meta[0]));
        static const char *const styled[] = {"catalogue_findings", "catalogue_cities"};
        failed = gpkg_writer_add_styles(o.out, "framework", styled, 2, err, sizeof err);
    }
    if (!failed) failed = stage(ctx, 1.0, "writing the findings", &o.status, err, sizeof err);
    if (!failed) {
        failed = gpkg_writer_commit(o.out, err, sizeof err); /* frees the writer either way */
        o.out = NULL;
    }
    if (!failed && info) catalogue_info(&o, features, guotu_frame_city_count(f), info);
    int status = failed ? guotu_context_fail(ctx, o.status ? o.status : GUOTU_ERR_IO, err) : GUOTU_OK;
    gpkg_writer_abort(o.out);
    frame_tables_free(&tables);
    guotu_frame_destroy(ctx, f);
    free(text);
    if (srs) OSRDestroySpatialReference(srs);
    return status;
}

/* ---- the indicators ------------------------------------------------------------------ */

void guotu_frame_indicators_job_init(guotu_frame_indicators_job *job) {
    if (!job) return;
    memset(job, 0, sizeof *job);
    guotu_frame_options_init(&job->options);
}

/* What an indicators run lacks, or NULL when it can run. */
static const char *indicators_problem(const guotu_frame_indicators_job *job) {
    const char *problem = catalogue_problem(&job->catalogue);
    if (problem) return problem;
    if (job->landuse_code && !job->landuse) return "the land-use code field needs the land use";
    if (job->threads < 0 || job->threads > 64) return "the threads must be 0 (one per CPU) to 64";
    const guotu_frame_options *o = &job->options;
    const double numbers[] = {o->slope_threshold_deg, o->band_m, o->tolerance_elevation_m, o->tolerance_slope_deg,
                              o->tolerance_forest_share};
    return job_output_problem(o->area_method, numbers, 5,
                              "the slope threshold, band and tolerances must be numbers >= 0", job->catalogue.output,
                              NULL);
}

/* The run's state apart from the frame: what is freed at the end. */
typedef struct indicators_run {
    const indicators_args *a;
    guotu_context *ctx;
    guotu_frame *f;
    OGRSpatialReferenceH srs;
    GDALDatasetH dem, dem_source; /* dem_source: the DEM file under a warped dem */
    char *crs_wkt, *text, *ttext;
    frame_tables tables;
    char zone_note[600];
    indicators_out o;
    guotu_frame_options opts;
    int64_t features;
    size_t size, tsize;
    int status;
    char err[2048], path[1024], tpath[1024];
} indicators_run;

static void crs_note(const indicators_run *r, const char *message) {
    if (r->a->crs_note) r->a->crs_note(message, r->a->crs_note_user);
}

/* The work CRS: the job's, else the DEM's, else the elements'; a geographic one becomes the
 * Gauss-Krüger zone of the data's centre (SPEC §8), a geographic DEM is warped to it. */
static int choose_crs(indicators_run *r) {
    const indicators_args *a = r->a;
    char *err = r->err;
    size_t err_size = sizeof r->err;
    int failed = 0;
    r->status = GUOTU_ERR_CRS;
    if (a->crs) {
        r->srs = OSRNewSpatialReference(NULL);
        if (OSRSetFromUserInput(r->srs, a->crs) != OGRERR_NONE)
            failed = snprintf(err, err_size, "--crs: unknown CRS '%s'", a->crs) > 0;
    } else if (r->dem && GDALGetSpatialRef(r->dem)) {
        r->srs = OSRClone(GDALGetSpatialRef(r->dem));
    } else {
        vector_source src;
        if (vector_source_open(&src, a->catalogue.elements, a->catalogue.elements_layer, a->catalogue.encoding, err,
                               err_size)) {
            failed = 1;
            r->status = GUOTU_ERR_IO;
        } else if (vector_source_crs(&src))
            r->srs = OSRClone(vector_source_crs(&src));
        vector_source_close(&src);
    }
    if (!failed && !r->srs) failed = snprintf(err, err_size, "the elements and the DEM have no CRS: pass --crs") > 0;
    /* Border strips and slopes are metres: geographic data works in the Gauss-Krüger zone of
     * the elements', DEM's and land use's centre (SPEC §8); a geographic DEM is warped to it. */
    if (!failed && OSRIsGeographic(r->srs)) {
        metric_extent e;
        metric_extent_init(&e);
        failed =
            metric_extent_add_file(&e, a->catalogue.elements, a->catalogue.elements_layer, r->srs, err, err_size) ||
            (a->landuse && a->landuse_code &&
             metric_extent_add_file(&e, a->landuse, a->landuse_layer, r->srs, err, err_size));
        if (r->dem) metric_extent_add_raster(&e, r->dem, r->srs);
        char what[1200], zh[768];
        snprintf(what, sizeof what, "the %s '%.600s'%s", r->dem && !a->crs ? "DEM" : "elements of",
                 r->dem && !a->crs ? a->dem : a->catalogue.elements, a->crs ? " (--crs)" : "");
        OGRSpatialReferenceH zone = NULL;
        if (!failed)
            failed = metric_zone_choose(r->srs, &e, what, &zone, r->zone_note, sizeof r->zone_note, zh, sizeof zh, err,
                                        err_size);
        if (zone) {
            OSRDestroySpatialReference(r->srs);
            r->srs = zone;
            crs_note(r, r->zone_note);
        }
        if (zone && r->dem && GDALGetSpatialRef(r->dem) && OSRIsGeographic(GDALGetSpatialRef(r->dem)) &&
            !layer_crs_same(GDALGetSpatialRef(r->dem), r->srs, 1)) {
            failed = warp_dem(&r->dem, &r->dem_source, r->srs, a->dem, err, err_size);
            if (failed) r->status = GUOTU_ERR_IO;
            if (!failed) {
                size_t used = strlen(r->zone_note);
                snprintf(r->zone_note + used, sizeof r->zone_note - used, "; the DEM warped to it (bilinear)");
                char message[1400];
                snprintf(message, sizeof message, "the DEM '%s' is warped to %s (bilinear)", a->dem,
                         OSRGetName(r->srs));
                crs_note(r, message);
            }
        }
    }
    if (!failed && r->dem && GDALGetSpatialRef(r->dem)) {
        if (!layer_crs_same(GDALGetSpatialRef(r->dem), r->srs, 1))
            failed = snprintf(err, err_size,
                              "the DEM '%s' is in %s, not the work CRS %s: warp it first (gdalwarp -t_srs ...)", a->dem,
                              OSRGetName(GDALGetSpatialRef(r->dem)), OSRGetName(r->srs)) > 0;
    }
    if (!failed) {
        OSRSetAxisMappingStrategy(r->srs, OAMS_TRADITIONAL_GIS_ORDER);
        const char *opts[] = {"FORMAT=WKT2_2019", NULL};
        OSRExportToWktEx(r->srs, &r->crs_wkt, opts);
        r->opts.crs = r->crs_wkt;
        r->status = 0;
    }
    return failed;
}

/* The inputs and the parameters, for audit, on each table, and the tables' styles. */
static int record_indicator_parameters(indicators_run *r) {
    const indicators_args *a = r->a;
    char catalogue[1200], elements[1200], dem_text[1200] = "(none)", thr[1200] = "(none)", lu[1200] = "(none)";
    char when[32], numbers[5][32];
    io_describe_file(r->path, catalogue, sizeof catalogue);
    io_describe_file(a->catalogue.elements, elements, sizeof elements);
    if (a->dem) io_describe_file(a->dem, dem_text, sizeof dem_text);
    if (a->thresholds) io_describe_file(r->tpath, thr, sizeof thr);
    if (a->landuse) io_describe_file(a->landuse, lu, sizeof lu);
    const double values[] = {r->opts.slope_threshold_deg, r->opts.band_m, r->opts.tolerance_elevation_m,
                             r->opts.tolerance_slope_deg, r->opts.tolerance_forest_share};
    for (int i = 0; i < 5; i++)
        snprintf(numbers[i], sizeof numbers[i], "%g", values[i]);
    time_t now = time(NULL);
    struct tm utc;
    strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", gmtime_r(&now, &utc));
    const table_meta meta[] = {{"guotu_version", guotu_version()},
                               {"created_utc", when},
                               {"catalogue", catalogue},
                               {"elements", elements},
                               {"city_field", a->catalogue.city_field},
                               {"element_field", a->catalogue.element_field},
                               {"thresholds", thr},
                               {"dem", dem_text},
                               {"landuse", lu},
                               {"landuse_code_field", a->landuse_code ? a->landuse_code
                                                      : a->landuse    ? "(raster values)"
                                                                      : "(none)"},
                               {"forest_codes", a->forest_codes ? a->forest_codes : "0301;0302;0305;0307"},
                               {"slope_threshold_deg", numbers[0]},
                               {"band_m", numbers[1]},
                               {"tolerance_elevation_m", numbers[2]},
                               {"tolerance_slope_deg", numbers[3]},
                               {"tolerance_forest_share", numbers[4]},
                               {"area_method", r->opts.area_method == GUOTU_AREA_PLANAR ? "planar" : "ellipsoidal"},
                               {"crs", OSRGetName(r->srs)},
                               {"crs_note", r->zone_note[0] ? r->zone_note : "(none)"}};
    const int layers[] = {r->o.indicators, r->o.ifindings, r->o.cat.findings, r->o.cat.cities};
    for (int k = 0; k < 4; k++)
        gpkg_writer_meta(r->o.cat.out, layers[k], meta, (int)(sizeof meta / sizeof meta[0]));
    static const char *const styled[] = {"element_indicators", "indicator_findings", "catalogue_findings",
                                         "catalogue_cities"};
    return gpkg_writer_add_styles(r->o.cat.out, "framework", styled, 4, r->err, sizeof r->err);
}

/* The core's last error into the run's message; 1. */
static int core_failed(indicators_run *r, int status) {
    snprintf(r->err, sizeof r->err, "%s", guotu_context_last_error(r->ctx));
    r->status = status;
    return 1;
}

static int run_indicators(indicators_run *r) {
    const indicators_args *a = r->a;
    const catalogue_args *c = &a->catalogue;
    guotu_context *ctx = r->ctx;
    char *err = r->err;
    size_t err_size = sizeof r->err;
    int st;
    if (frame_tables_load(&r->tables, c->resources, err, err_size)) return 1;
    if (stage(ctx, 0.0, "reading the catalogue", &r->status, err, err_size)) return 1;
    if (!(r->text = table_text_load_from(c->resources, c->catalogue, "catalogue", r->path, sizeof r->path, &r->size,
                                         err, err_size)))
        return 1;
    if (a->thresholds && !(r->ttext = table_text_load_from(c->resources, a->thresholds, "thresholds", r->tpath,
                                                           sizeof r->tpath, &r->tsize, err, err_size)))
        return 1;
    if (a->dem) {
        /* Each block is read once, band after band of rows: GDAL's cache (5 % of RAM by default)
         * would only hold what is never read again; keep it small unless the user chose a size. */
        if (!CPLGetConfigOption("GDAL_CACHEMAX", NULL)) GDALSetCacheMax64(64LL * 1024 * 1024);
        r->dem = GDALOpenEx(a->dem, GDAL_OF_RASTER | GDAL_OF_READONLY, NULL, NULL, NULL);
        double gt[6];
        if (!r->dem || GDALGetRasterCount(r->dem) < 1)
            return snprintf(err, err_size, "cannot open '%s' as a raster: %s", a->dem, CPLGetLastErrorMsg()) > 0;
        if (GDALGetGeoTransform(r->dem, gt) != CE_None) {
            r->status = GUOTU_ERR_CRS;
            return snprintf(err, err_size, "'%s' has no geotransform (it is not georeferenced)", a->dem) > 0;
        }
    }
    if (choose_crs(r)) return 1;
    if ((st = guotu_frame_create(ctx, &r->f)) ||
        (st = guotu_frame_load_catalogue(ctx, r->f, r->text, r->size, r->path)) ||
        (r->ttext && (st = guotu_frame_load_thresholds(ctx, r->f, r->ttext, r->tsize, r->tpath))) ||
        (a->forest_codes && (st = guotu_frame_set_forest_codes(ctx, r->f, a->forest_codes))))
        return core_failed(r, st);
    if (load_counties(ctx, r->f, c->resources, c->counties, &r->status, err, err_size)) return 1;
    if ((st = guotu_frame_set_options(ctx, r->f, &r->opts)) != GUOTU_OK) {
        core_failed(r, st);
        if (strstr(err, "metres")) {
            size_t used = strlen(err);
            snprintf(err + used, err_size - used, " (pass --crs, e.g. --crs EPSG:4527, with a DEM in it)");
        }
        return 1;
    }
    if (stage(ctx, 0.0, "reading the elements", &r->status, err, err_size)) return 1;
    if (read_submissions_in_crs(ctx, r->f, a, r->srs, a->note, &r->features, &r->status, err, err_size)) return 1;
    indicators_out *o = &r->o;
    if (gpkg_writer_open(&o->cat.out, c->output, err, err_size)) return 1;
    o->indicators = frame_add_layer(&r->tables, T_INDICATORS, o->cat.out, wkbMultiPolygon, r->srs, err, err_size);
    if (o->indicators >= 0)
        o->ifindings = frame_add_layer(&r->tables, T_IFINDINGS, o->cat.out, wkbMultiPolygon, r->srs, err, err_size);
    if (o->ifindings >= 0)
        o->cat.findings = frame_add_layer(&r->tables, T_FINDINGS, o->cat.out, wkbMultiPolygon, r->srs, err, err_size);
    if (o->cat.findings >= 0)
        o->cat.cities = frame_add_layer(&r->tables, T_CITIES, o->cat.out, wkbNone, NULL, err, err_size);
    if (o->cat.cities < 0) return 1;
    int counties = -1;
    if (c->counties &&
        (counties = frame_add_layer(&r->tables, T_COUNTIES, o->cat.out, wkbNone, NULL, err, err_size)) < 0)
        return 1;
    if ((st = guotu_frame_check_catalogue(ctx, r->f, write_finding, &o->cat)) != GUOTU_OK)
        return o->cat.failed ? 1 : core_failed(r, st);
    if (write_cities(&o->cat, ctx, r->f)) return 1;
    if (counties >= 0 && write_counties(&o->cat, counties, ctx, r->f)) return 1;
    if ((st = guotu_frame_prepare(ctx, r->f)) != GUOTU_OK) return core_failed(r, st);
    if (r->dem) {
        frame_inputs in = {a, r->text, r->path, r->size, r->srs, NULL, r->opts};
        if (read_dem(ctx, r->f, r->dem, &in, io_thread_count(a->threads, 0), &r->status, err, err_size)) return 1;
    }
    if (a->landuse && a->landuse_code && read_landuse(ctx, r->f, a, r->srs, &r->status, err, err_size)) return 1;
    if (a->landuse && !a->landuse_code) {
        GDALDatasetH lu = GDALOpenEx(a->landuse, GDAL_OF_RASTER | GDAL_OF_READONLY, NULL, NULL, NULL);
        int failed = 0;
        if (!lu || GDALGetRasterCount(lu) < 1)
            failed = snprintf(err, err_size,
                              "cannot open '%s' as a land-use raster (give --landuse-code for a layer of polygons)",
                              a->landuse) > 0;
        else
            failed = read_landuse_raster(ctx, r->f, lu, r->srs, a->landuse, &r->status, err, err_size);
        if (lu) GDALClose(lu);
        if (failed) return 1;
    }
    if ((st = guotu_frame_finish(ctx, r->f, write_ifinding, o)) != GUOTU_OK)
        return o->cat.failed ? 1 : core_failed(r, st);
    if (write_indicator_rows(o, ctx, r->f)) return 1;
    if (record_indicator_parameters(r)) return 1;
    if (stage(ctx, 1.0, "writing the indicators", &r->status, err, err_size)) return 1;
    int failed = gpkg_writer_commit(o->cat.out, err, err_size);
    o->cat.out = NULL;
    return failed;
}

int guotu_frame_indicators_job_run(guotu_context *ctx, const guotu_frame_indicators_job *job,
                                   guotu_frame_indicators_job_info *info) {
    if (info) memset(info, 0, sizeof *info);
    int entry = job_entry(ctx, "guotu_frame_indicators_job_run", job, job ? indicators_problem(job) : NULL);
    if (entry) return entry;
    indicators_run *r = calloc(1, sizeof *r);
    if (!r) return guotu_context_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
    r->a = job;
    r->ctx = ctx;
    r->opts = job->options;
    r->o.cat.t = &r->tables;
    r->o.cat.err = r->err;
    r->o.cat.err_size = sizeof r->err;
    r->o.cat.findings = r->o.cat.cities = r->o.indicators = r->o.ifindings = -1;
    const catalogue_args *c = &job->catalogue;
    const char *inputs[] = {c->catalogue, c->elements, job->thresholds, job->dem, job->landuse, c->counties};
    const char *in[6];
    int nin = 0;
    for (int i = 0; i < 6; i++)
        if (inputs[i]) in[nin++] = inputs[i];
    int failed;
    if (io_refuse_overwrite(in, nin, &c->output, 1, r->err, sizeof r->err)) {
        r->status = GUOTU_ERR_ARGUMENT;
        failed = 1;
    } else {
        GDALAllRegister();
        failed = run_indicators(r);
    }
    if (!failed && info) {
        catalogue_info(&r->o.cat, r->features, guotu_frame_city_count(r->f), &info->catalogue);
        info->zones = (int64_t)guotu_frame_indicator_count(r->f);
        int64_t *kinds[] = {&info->outside_threshold, &info->threshold_missing, &info->threshold_differs,
                            &info->value_jump,        &info->dem_incomplete,    &info->landuse_incomplete};
        for (int k = 0; k < 6; k++)
            *kinds[k] = r->o.counts[k];
    }
    int status = GUOTU_OK;
    if (failed) {
        int why = r->status ? r->status : r->o.cat.status ? r->o.cat.status : GUOTU_ERR_IO;
        status = guotu_context_fail(ctx, why, r->err);
    }
    gpkg_writer_abort(r->o.cat.out);
    frame_tables_free(&r->tables);
    guotu_frame_destroy(ctx, r->f);
    if (r->dem) GDALClose(r->dem);
    if (r->dem_source) GDALClose(r->dem_source);
    free(r->text);
    free(r->ttext);
    CPLFree(r->crs_wkt);
    if (r->srs) OSRDestroySpatialReference(r->srs);
    free(r);
    return status;
}
