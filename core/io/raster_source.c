/* raster_source.c — GDAL adapter of the I/O library (the CLI and the plugin's file runs). */
#include "raster_source.h"

#include "io_util.h"

#include <cpl_conv.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int raster_source_probe(const char *path) {
    GDALDatasetH ds = GDALOpenEx(path, GDAL_OF_RASTER | GDAL_OF_READONLY, NULL, NULL, NULL);
    if (!ds) return 0;
    int is_raster = GDALGetRasterCount(ds) > 0 && GDALDatasetGetLayerCount(ds) == 0;
    GDALClose(ds);
    return is_raster;
}

int raster_source_open(raster_source *src, const char *path, char *err, size_t err_size) {
    memset(src, 0, sizeof *src);
    snprintf(src->path, sizeof src->path, "%s", path);
    /* Each block is read once, row band after row band, so GDAL's cache (5 % of RAM by
     * default) would only hold what is never read again; keep it small unless the user
     * chose a size. */
    if (!CPLGetConfigOption("GDAL_CACHEMAX", NULL)) GDALSetCacheMax64(64LL * 1024 * 1024);
    src->dataset = GDALOpenEx(path, GDAL_OF_RASTER | GDAL_OF_READONLY, NULL, NULL, NULL);
    if (!src->dataset) {
        char reason[256];
        snprintf(err, err_size, "cannot open '%s' as a raster: %s", path,
                 io_gdal_reason(path, 0, reason, sizeof reason));
        return 1;
    }
    src->band = GDALGetRasterBand(src->dataset, 1);
    GDALDataType type = GDALGetRasterDataType(src->band);
    if (GDALDataTypeIsFloating(type) || GDALDataTypeIsComplex(type) || GDALGetDataTypeSizeBits(type) > 32 ||
        type == GDT_UInt32) {
        snprintf(err, err_size, "band 1 of '%s' is %s; land-use classes need an integer band of at most 32 bits", path,
                 GDALGetDataTypeName(type));
        return 1;
    }
    if (GDALGetGeoTransform(src->dataset, src->geotransform) != CE_None) {
        snprintf(err, err_size, "'%s' has no geotransform (it is not georeferenced)", path);
        return 1;
    }
    src->width = GDALGetRasterXSize(src->dataset);
    src->height = GDALGetRasterYSize(src->dataset);
    int has = 0;
    double nodata = GDALGetRasterNoDataValue(src->band, &has);
    src->has_nodata = has && isfinite(nodata) && nodata == floor(nodata);
    src->nodata = src->has_nodata ? (int64_t)nodata : 0;
    int bx = 0, by = 0;
    GDALGetBlockSize(src->band, &bx, &by);
    /* Windows of whole blocks so each block is decoded once, capped so that memory stays
     * a few megabytes whatever the raster's width or height. */
    if (bx <= 0) bx = 256;
    if (by <= 0) by = 256;
    src->window_cols = bx >= 4096 ? bx : (4096 / bx) * bx;
    if (src->window_cols > src->width) src->window_cols = (int)src->width;
    src->window_rows = by;
    if ((int64_t)src->window_rows * src->window_cols > 16LL * 1024 * 1024) src->window_rows = 1;
    if (src->window_rows < 64) src->window_rows = 64; /* striped files: a few strips at once */
    if (src->window_rows > src->height) src->window_rows = (int)src->height;
    src->buffer = malloc((size_t)src->window_rows * (size_t)src->window_cols * sizeof(int32_t));
    if (!src->buffer) {
        snprintf(err, err_size, "out of memory for a %d x %d window of '%s'", src->window_rows, src->window_cols, path);
        return 1;
    }
    return 0;
}

OGRSpatialReferenceH raster_source_crs(const raster_source *src) { return GDALGetSpatialRef(src->dataset); }

int raster_source_next(raster_source *src, int64_t *row0, int64_t *col0, int64_t *nrows, int64_t *ncols, char *err,
                       size_t err_size) {
    if (src->next_col >= src->width) {
        src->next_col = 0;
        src->next_row += (int64_t)src->window_rows * (src->band_step > 1 ? src->band_step : 1);
    }
    if (src->next_row >= src->height) return 0;
    int64_t rows = src->height - src->next_row, cols = src->width - src->next_col;
    if (rows > src->window_rows) rows = src->window_rows;
    if (cols > src->window_cols) cols = src->window_cols;
    CPLErr e = GDALRasterIO(src->band, GF_Read, (int)src->next_col, (int)src->next_row, (int)cols, (int)rows,
                            src->buffer, (int)cols, (int)rows, GDT_Int32, 0, 0);
    if (e != CE_None) {
        snprintf(err, err_size, "cannot read rows %lld-%lld, columns %lld-%lld of '%s': %s", (long long)src->next_row,
                 (long long)(src->next_row + rows - 1), (long long)src->next_col, (long long)(src->next_col + cols - 1),
                 src->path, CPLGetLastErrorMsg());
        return -1;
    }
    *row0 = src->next_row;
    *col0 = src->next_col;
    *nrows = rows;
    *ncols = cols;
    src->next_col += cols;
    return 1;
}

int raster_source_read(raster_source *src, int64_t row0, int64_t col0, int64_t nrows, int64_t ncols, int32_t *out,
                       char *err, size_t err_size) {
    CPLErr e = GDALRasterIO(src->band, GF_Read, (int)col0, (int)row0, (int)ncols, (int)nrows, out, (int)ncols,
                            (int)nrows, GDT_Int32, 0, 0);
    if (e == CE_None) return 0;
    snprintf(err, err_size, "cannot read rows %lld-%lld, columns %lld-%lld of '%s': %s", (long long)row0,
             (long long)(row0 + nrows - 1), (long long)col0, (long long)(col0 + ncols - 1), src->path,
             CPLGetLastErrorMsg());
    return 1;
}

void raster_source_select_bands(raster_source *src, int band_first, int band_step) {
    src->band_step = band_step;
    src->next_row = (int64_t)band_first * src->window_rows;
    src->next_col = 0;
}

void raster_source_close(raster_source *src) {
    if (src->dataset) GDALClose(src->dataset);
    free(src->buffer);
    memset(src, 0, sizeof *src);
}
