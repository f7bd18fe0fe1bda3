/* raster_source.h — GDAL adapter: streams a categorical band in row bands of blocks. */
#ifndef GUOTU_IO_RASTER_SOURCE_H
#define GUOTU_IO_RASTER_SOURCE_H

#include <gdal/gdal.h>
#include <gdal/ogr_srs_api.h>
#include <stddef.h>
#include <stdint.h>

typedef struct raster_source {
    GDALDatasetH dataset;
    GDALRasterBandH band;
    char path[1024];
    double geotransform[6];
    int64_t width, height;
    int has_nodata;
    int64_t nodata;
    int window_rows, window_cols; /* a window: whole blocks, at most 4096 columns */
    int32_t *buffer;              /* window_rows x window_cols values */
    int64_t next_row, next_col;
    int band_step;
} raster_source;

/* 1 when `path` opens as a raster and not as a vector file. */
int raster_source_probe(const char *path);

/* Opens band 1 of `path`; refuses non-integer bands. 1 with a message on failure. */
int raster_source_open(raster_source *src, const char *path, char *err, size_t err_size);

OGRSpatialReferenceH raster_source_crs(const raster_source *src);

/* Reads the next window, row-major, into src->buffer (row stride *ncols): *row0, *col0,
 * *nrows and *ncols say which. Returns 1 for a window, 0 at the end, -1 on error.
 * With `band_step` > 1 only every band_step-th row band from `band_first` is read (for
 * worker threads, each with its own source); 1 and 0 read everything. */
int raster_source_next(raster_source *src, int64_t *row0, int64_t *col0, int64_t *nrows, int64_t *ncols, char *err,
                       size_t err_size);
void raster_source_select_bands(raster_source *src, int band_first, int band_step);

/* Reads any window of band 1 into out (row stride ncols), e.g. the window another raster
 * on the same grid just returned. 1 with a message on failure. */
int raster_source_read(raster_source *src, int64_t row0, int64_t col0, int64_t nrows, int64_t ncols, int32_t *out,
                       char *err, size_t err_size);

void raster_source_close(raster_source *src);

#endif
