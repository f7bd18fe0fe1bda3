/* raster_source.c — GDAL adapter for the CLI. */
#include "raster_source.h"

#include <cpl_conv.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int raster_source_probe(const char *path)
{
    GDALDatasetH ds = GDALOpenEx(path, GDAL_OF_RASTER | GDAL_OF_READONLY, NULL, NULL, NULL);
    if (!ds) return 0;
    int is_raster = GDALGetRasterCount(ds) > 0 && GDALDatasetGetLayerCount(ds) == 0;
    GDALClose(ds);
    return is_raster;
}

int raster_source_open(raster_source *src, const char *path, char *err, size_t err_size)
{
    memset(src, 0, sizeof *src);
    snprintf(src->path, sizeof src->path, "%s", path);
    src->dataset = GDALOpenEx(path, GDAL_OF_RASTER | GDAL_OF_READONLY, NULL, NULL, NULL);
    if (!src->dataset) {
        snprintf(err, err_size, "cannot open '%s' as a raster: %s", path, CPLGetLastErrorMsg());
        return 1;
    }
    src->band = GDALGetRasterBand(src->dataset, 1);
    GDALDataType type = GDALGetRasterDataType(src->band);
    if (GDALDataTypeIsFloating(type) || GDALDataTypeIsComplex(type) || GDALGetDataTypeSizeBits(type) > 32 ||
        type == GDT_UInt32) {
        snprintf(err, err_size, "band 1 of '%s' is %s; land-use classes need an integer band of at most 32 bits",
                 path, GDALGetDataTypeName(type));
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
    /* Read whole rows of blocks so each block is decoded once; cap the band's height so
     * memory stays bounded for striped files with huge strips. */
    src->band_rows = by > 0 ? by : 256;
    if ((int64_t)src->band_rows * src->width > 64LL * 1024 * 1024) src->band_rows = 1;
    if (src->band_rows < 64 && (int64_t)64 * src->width <= 64LL * 1024 * 1024) src->band_rows = 64;
    src->buffer = malloc((size_t)src->band_rows * (size_t)src->width * sizeof(int32_t));
    if (!src->buffer) {
        snprintf(err, err_size, "out of memory for %d rows of '%s'", src->band_rows, path);
        return 1;
    }
    return 0;
}

OGRSpatialReferenceH raster_source_crs(const raster_source *src)
{
    return GDALGetSpatialRef(src->dataset);
}

int raster_source_next(raster_source *src, int64_t *row0, int64_t *nrows, char *err, size_t err_size)
{
    if (src->next_row >= src->height) return 0;
    int64_t n = src->height - src->next_row;
    if (n > src->band_rows) n = src->band_rows;
    CPLErr e = GDALRasterIO(src->band, GF_Read, 0, (int)src->next_row, (int)src->width, (int)n, src->buffer,
                            (int)src->width, (int)n, GDT_Int32, 0, 0);
    if (e != CE_None) {
        snprintf(err, err_size, "cannot read rows %lld-%lld of '%s': %s", (long long)src->next_row,
                 (long long)(src->next_row + n - 1), src->path, CPLGetLastErrorMsg());
        return -1;
    }
    *row0 = src->next_row;
    *nrows = n;
    src->next_row += n;
    return 1;
}

void raster_source_close(raster_source *src)
{
    if (src->dataset) GDALClose(src->dataset);
    free(src->buffer);
    memset(src, 0, sizeof *src);
}
