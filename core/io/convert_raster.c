/* convert_raster.c — `guotu convert` on two categorical rasters (see convert_raster.h). */
#include "convert_raster.h"

#include <cpl_conv.h>
#include <cpl_string.h>
#include <gdal_utils.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "raster_source.h"
#include "vector_source.h"

/* Status colours and names, as the plugin's conversion style (conversion_style.py). */
static const struct {
    short r, g, b, a;
    const char *name;
} cell_styles[7] = {
    {0, 0, 0, 0, "无数据 nodata"},
    {0xe3, 0xe3, 0xe3, 255, "未转用 same (not a conversion)"},
    {0x4a, 0x90, 0xc8, 255, "路径 path"},
    {0xff, 0xd9, 0x2f, 255, "有条件 conditional"},
    {0xd7, 0x19, 0x1c, 255, "禁止 prohibited"},
    {0xf2, 0x8e, 0x2b, 255, "政策空白 policy gap"},
    {0x8a, 0x8a, 0x8a, 255, "未知 unknown (code in no category table)"},
};

static void describe_grid(const raster_source *s, char *out, size_t size) {
    OGRSpatialReferenceH srs = raster_source_crs(s);
    const double *t = s->geotransform;
    snprintf(out, size, "%lld x %lld cells of %g x %g from (%.3f, %.3f), %s", (long long)s->width, (long long)s->height,
             t[1], t[5], t[0], t[3], srs ? OSRGetName(srs) : "no CRS");
}

static int same_crs(OGRSpatialReferenceH a, OGRSpatialReferenceH b) {
    if (!a || !b) return !a && !b;
    return layer_crs_same(a, b, 0);
}

/* Same CRS, size and geotransform (origin within a millionth of a cell). */
static int same_grid(const raster_source *a, const raster_source *b) {
    if (a->width != b->width || a->height != b->height) return 0;
    const double *s = a->geotransform, *t = b->geotransform;
    double cx = fabs(s[1]), cy = fabs(s[5]);
    if (fabs(s[1] - t[1]) > 1e-9 * cx || fabs(s[5] - t[5]) > 1e-9 * cy || s[2] != t[2] || s[4] != t[4]) return 0;
    if (fabs(s[0] - t[0]) > 1e-6 * cx || fabs(s[3] - t[3]) > 1e-6 * cy) return 0;
    return same_crs(raster_source_crs(a), raster_source_crs(b));
}

/* Warps `from` (nearest neighbour) onto the grid of `onto` as a virtual raster in memory,
 * read on demand block by block; `from` is then replaced by it. */
static int resample(raster_source *from, const raster_source *onto, const char *vrt, char *err, size_t err_size) {
    OGRSpatialReferenceH target = raster_source_crs(onto), source = raster_source_crs(from);
    if (!target != !source) {
        snprintf(err, err_size, "cannot resample '%s' onto '%s': %s has no CRS", from->path, onto->path,
                 target ? from->path : onto->path);
        return 1;
    }
    const double *t = onto->geotransform;
    double x0 = t[0], x1 = t[0] + (double)onto->width * t[1], y0 = t[3], y1 = t[3] + (double)onto->height * t[5];
    char te[4][40], ts[2][24], nodata[24];
    snprintf(te[0], sizeof te[0], "%.17g", fmin(x0, x1));
    snprintf(te[1], sizeof te[1], "%.17g", fmin(y0, y1));
    snprintf(te[2], sizeof te[2], "%.17g", fmax(x0, x1));
    snprintf(te[3], sizeof te[3], "%.17g", fmax(y0, y1));
    snprintf(ts[0], sizeof ts[0], "%lld", (long long)onto->width);
    snprintf(ts[1], sizeof ts[1], "%lld", (long long)onto->height);
    char *wkt = NULL;
    const char *wkt_opts[] = {"FORMAT=WKT2_2019", NULL};
    if (target) OSRExportToWktEx(target, &wkt, wkt_opts);
    char **argv = NULL;
    argv = CSLAddString(argv, "-of");
    argv = CSLAddString(argv, "VRT");
    argv = CSLAddString(argv, "-r");
    argv = CSLAddString(argv, "near");
    argv = CSLAddString(argv, "-te");
    for (int i = 0; i < 4; i++)
        argv = CSLAddString(argv, te[i]);
    argv = CSLAddString(argv, "-ts");
    argv = CSLAddString(argv, ts[0]);
    argv = CSLAddString(argv, ts[1]);
    if (wkt) {
        argv = CSLAddString(argv, "-t_srs");
        argv = CSLAddString(argv, wkt);
    }
    if (!from->has_nodata) {
        /* Cells beyond the source must not become a class: give them a nodata value no
         * class uses. */
        snprintf(nodata, sizeof nodata, "%d", -2147483647 - 1);
        argv = CSLAddString(argv, "-ot");
        argv = CSLAddString(argv, "Int32");
        argv = CSLAddString(argv, "-dstnodata");
        argv = CSLAddString(argv, nodata);
    }
    CPLFree(wkt);
    GDALWarpAppOptions *opts = GDALWarpAppOptionsNew(argv, NULL);
    CSLDestroy(argv);
    int usage_error = 0;
    GDALDatasetH src = from->dataset;
    GDALDatasetH out = opts ? GDALWarp(vrt, NULL, 1, &src, opts, &usage_error) : NULL;
    GDALWarpAppOptionsFree(opts);
    if (!out) {
        snprintf(err, err_size, "cannot resample '%s' onto the grid of '%s': %s", from->path, onto->path,
                 CPLGetLastErrorMsg());
        return 1;
    }
    GDALClose(out); /* written to /vsimem; reopened below like any raster */
    char label[1024];
    snprintf(label, sizeof label, "%s", from->path);
    raster_source_close(from);
    if (raster_source_open(from, vrt, err, err_size)) return 1;
    snprintf(from->path, sizeof from->path, "%.1000s (resampled)", label);
    if (!same_grid(from, onto)) {
        snprintf(err, err_size, "resampling '%s' did not give the grid of '%s'", label, onto->path);
        return 1;
    }
    return 0;
}

static GDALDatasetH create_status_tif(const char *path, const raster_source *grid, char *err, size_t err_size) {
    GDALDriverH driver = GDALGetDriverByName("GTiff");
    const char *options[] = {"TILED=YES", "COMPRESS=DEFLATE", NULL};
    GDALDatasetH ds =
        driver ? GDALCreate(driver, path, (int)grid->width, (int)grid->height, 1, GDT_Byte, (char **)options) : NULL;
    if (!ds) {
        snprintf(err, err_size, "cannot create '%s': %s", path, CPLGetLastErrorMsg());
        return NULL;
    }
    GDALSetGeoTransform(ds, (double *)grid->geotransform);
    OGRSpatialReferenceH srs = raster_source_crs(grid);
    if (srs) GDALSetSpatialRef(ds, srs);
    GDALRasterBandH band = GDALGetRasterBand(ds, 1);
    GDALSetRasterNoDataValue(band, GUOTU_CELL_NODATA);
    GDALColorTableH colors = GDALCreateColorTable(GPI_RGB);
    char *names[8] = {0};
    for (int i = 0; i < 7; i++) {
        GDALColorEntry e = {cell_styles[i].r, cell_styles[i].g, cell_styles[i].b, cell_styles[i].a};
        GDALSetColorEntry(colors, i, &e);
        names[i] = (char *)cell_styles[i].name;
    }
    GDALSetRasterColorTable(band, colors);
    GDALDestroyColorTable(colors);
    GDALSetRasterCategoryNames(band, names);
    GDALSetDescription(band, "conversion status");
    return ds;
}

/* Streams the windows of `before` (whole blocks) with the same windows of `after`. */
static int stream(guotu_context *ctx, guotu_convert *cv, raster_source *before, raster_source *after, GDALDatasetH tif,
                  char *err, size_t err_size) {
    size_t cells = (size_t)before->window_rows * (size_t)before->window_cols;
    int32_t *after_values = malloc(cells * sizeof *after_values);
    uint8_t *codes = malloc(cells);
    if (!after_values || !codes) {
        free(after_values);
        free(codes);
        snprintf(err, err_size, "out of memory");
        return 1;
    }
    GDALRasterBandH out = GDALGetRasterBand(tif, 1);
    int64_t row0, col0, nrows, ncols;
    int more, failed = 0;
    while (!failed && (more = raster_source_next(before, &row0, &col0, &nrows, &ncols, err, err_size)) == 1) {
        failed = raster_source_read(after, row0, col0, nrows, ncols, after_values, err, err_size);
        if (!failed && guotu_convert_add_cells(ctx, cv, row0, col0, nrows, ncols, before->buffer, after_values, ncols,
                                               codes) != GUOTU_OK) {
            snprintf(err, err_size, "%s", guotu_context_last_error(ctx));
            failed = 1;
        }
        if (!failed && GDALRasterIO(out, GF_Write, (int)col0, (int)row0, (int)ncols, (int)nrows, codes, (int)ncols,
                                    (int)nrows, GDT_Byte, 0, 0) != CE_None) {
            snprintf(err, err_size, "cannot write the status raster: %s", CPLGetLastErrorMsg());
            failed = 1;
        }
    }
    free(after_values);
    free(codes);
    return failed || more < 0;
}

int convert_raster_run(guotu_context *ctx, const convert_raster_args *a, const guotu_category_map *const maps[2],
                       const guotu_policy *policy, const guotu_coefficients *const k[2], guotu_convert **out,
                       char *note, size_t note_size, char *err, size_t err_size) {
    *out = NULL;
    note[0] = 0;
    raster_source src[2];
    memset(src, 0, sizeof src);
    guotu_convert *cv = NULL;
    GDALDatasetH tif = NULL;
    char vrt[96];
    snprintf(vrt, sizeof vrt, "/vsimem/guotu_convert_%ld_%p.vrt", (long)getpid(), (void *)src);
    int failed =
        raster_source_open(&src[0], a->before, err, err_size) || raster_source_open(&src[1], a->after, err, err_size);
    if (!failed && !same_grid(&src[0], &src[1])) {
        if (!a->resample_to) {
            char g0[400], g1[400];
            describe_grid(&src[0], g0, sizeof g0);
            describe_grid(&src[1], g1, sizeof g1);
            snprintf(err, err_size,
                     "the rasters are on different grids: before '%s' is %s; after '%s' is %s. Pass "
                     "--resample-to before or --resample-to after to resample the other one (nearest neighbour)",
                     a->before, g0, a->after, g1);
            failed = 1;
        } else {
            int onto = strcmp(a->resample_to, "after") == 0;
            failed = resample(&src[1 - onto], &src[onto], vrt, err, err_size);
            if (!failed)
                snprintf(note, note_size, "resampled the %s raster '%s' onto the grid of '%s' (nearest neighbour)",
                         onto ? "before" : "after", onto ? a->before : a->after, onto ? a->after : a->before);
        }
    }
    /* The grid, CRS and status raster follow `after` when it is the target, else `before`. */
    const raster_source *grid = &src[a->resample_to && strcmp(a->resample_to, "after") == 0 ? 1 : 0];
    if (!failed) {
        guotu_convert_options o;
        guotu_convert_options_init(&o);
        char *crs = NULL;
        const char *wkt_opts[] = {"FORMAT=WKT2_2019", NULL};
        if (raster_source_crs(grid)) OSRExportToWktEx(raster_source_crs(grid), &crs, wkt_opts);
        o.crs = crs;
        o.area_method = strcmp(a->area, "planar") == 0 ? GUOTU_AREA_PLANAR : GUOTU_AREA_ELLIPSOIDAL;
        o.before_label = a->before;
        o.after_label = a->after;
        guotu_convert_grid g;
        memcpy(g.geotransform, grid->geotransform, sizeof g.geotransform);
        g.width = grid->width;
        g.height = grid->height;
        for (int side = 0; side < 2; side++) {
            g.has_nodata[side] = src[side].has_nodata;
            g.nodata[side] = src[side].nodata;
        }
        if (guotu_convert_create(ctx, &o, maps[0], maps[1], policy, k[0], k[1], &cv) != GUOTU_OK ||
            guotu_convert_set_grid(ctx, cv, &g) != GUOTU_OK) {
            snprintf(err, err_size, "%s", guotu_context_last_error(ctx));
            failed = 1;
        }
        CPLFree(crs);
    }
    if (!failed) failed = !(tif = create_status_tif(a->status_tif, grid, err, err_size));
    if (!failed) failed = stream(ctx, cv, &src[0], &src[1], tif, err, err_size);
    if (!failed && guotu_convert_finish(ctx, cv) != GUOTU_OK) {
        snprintf(err, err_size, "%s", guotu_context_last_error(ctx));
        failed = 1;
    }
    if (tif) {
        CPLErrorReset();
        GDALClose(tif); /* returns void before GDAL 3.8: look at the error state */
    }
    if (tif && CPLGetLastErrorType() >= CE_Failure && !failed) {
        snprintf(err, err_size, "cannot write '%s': %s", a->status_tif, CPLGetLastErrorMsg());
        failed = 1;
    }
    raster_source_close(&src[0]);
    raster_source_close(&src[1]);
    VSIUnlink(vrt);
    if (failed) {
        guotu_convert_destroy(ctx, cv);
        unlink(a->status_tif);
        return 1;
    }
    *out = cv;
    return 0;
}
