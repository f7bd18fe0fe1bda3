/* metric_zone.h — the CRS a run computes metres in when its data is geographic (SPEC §8):
 * one 3-degree Gauss-Krüger zone chosen from the union of all its inputs' extents
 * (guotu_crs_metric_zone), so that every command picks the same zone for the same data. */
#ifndef GUOTU_IO_METRIC_ZONE_H
#define GUOTU_IO_METRIC_ZONE_H

#include <gdal/gdal.h>
#include <gdal/ogr_api.h>
#include <gdal/ogr_srs_api.h>
#include <stddef.h>

typedef struct metric_extent {
    double xmin, ymin, xmax, ymax; /* in the run's CRS, x east; empty while xmin > xmax */
} metric_extent;

/* An empty extent. */
void metric_extent_init(metric_extent *e);

/* Adds the extent of `layer` (in `layer_srs`, borrowed, NULL = no CRS) to `e`, transformed
 * into `crs` (borrowed) when the two differ. An empty layer adds nothing. */
void metric_extent_add_layer(metric_extent *e, OGRLayerH layer, OGRSpatialReferenceH layer_srs,
                             OGRSpatialReferenceH crs);

/* Adds the polygon layers of the file `path` (only `layer` when not NULL) to `e`; 1 with a
 * message when the file cannot be opened. */
int metric_extent_add_file(metric_extent *e, const char *path, const char *layer, OGRSpatialReferenceH crs, char *err,
                           size_t err_size);

/* Adds the extent of a raster (a DEM) in `crs`. */
void metric_extent_add_raster(metric_extent *e, GDALDatasetH ds, OGRSpatialReferenceH crs);

/* The zone for data in `crs` (borrowed) over `e`: *zone = NULL when `crs` is NULL or not
 * geographic (the run keeps it; the algorithms check it is metres); otherwise a new SRS (the
 * caller destroys it with OSRDestroySpatialReference; x east) and, in `note_en` and `note_zh`
 * (512 bytes each are enough), the line to record. 1 with a message (naming `what`, e.g.
 * "the admin units 'XZQ' of 'a.gdb'") when the data cannot be placed in a zone. */
int metric_zone_choose(OGRSpatialReferenceH crs, const metric_extent *e, const char *what, OGRSpatialReferenceH *zone,
                       char *note_en, size_t en_size, char *note_zh, size_t zh_size, char *err, size_t err_size);

#endif
