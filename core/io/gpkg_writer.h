/* gpkg_writer.h — a GeoPackage of several layers (tables or geometries), written to a
 * temporary file beside the target and renamed over it only when complete. */
#ifndef GUOTU_IO_GPKG_WRITER_H
#define GUOTU_IO_GPKG_WRITER_H

#include <gdal/ogr_api.h>
#include <gdal/ogr_srs_api.h>
#include <stddef.h>

#include "table_writer.h"

typedef struct gpkg_writer gpkg_writer;

int gpkg_writer_open(gpkg_writer **out, const char *path, char *err, size_t err_size);
/* The same with another OGR driver (e.g. "XLSX": one sheet per table; no transactions). */
int gpkg_writer_open_as(gpkg_writer **out, const char *path, const char *driver_name, char *err, size_t err_size);

/* Adds a layer; geometry wkbNone makes an attribute table. Returns its index, or -1
 * with a message. `srs` is copied (may be NULL). */
int gpkg_writer_add_layer(gpkg_writer *w, const char *name, OGRwkbGeometryType geometry, OGRSpatialReferenceH srs,
                          const table_column *columns, int ncolumns, char *err, size_t err_size);

/* Like gpkg_writer_add_layer for a MultiPolygon layer of many features (GeoPackage only):
 * its rows go straight through SQLite and its spatial index is packed once at commit
 * (gpkg_bulk.h). gpkg_writer_row takes its rows as for any layer. */
int gpkg_writer_add_bulk_layer(gpkg_writer *w, const char *name, OGRSpatialReferenceH srs, const table_column *columns,
                               int ncolumns, char *err, size_t err_size);

/* One feature of layer `layer`: texts[i] / reals[i] by column (a NaN real is written as
 * NULL), and WKB (or NULL). 1 with a message on failure. */
int gpkg_writer_row(gpkg_writer *w, int layer, const char *const *texts, const double *reals, const unsigned char *wkb,
                    size_t wkb_size, char *err, size_t err_size);

/* Records key/value metadata on a layer (inputs and parameters, for audit). */
void gpkg_writer_meta(gpkg_writer *w, int layer, const table_meta *meta, int nmeta);

/* Closes the temporary file and renames it over the target. 1 with a message; the
 * target is then untouched. Frees the writer either way. */
int gpkg_writer_commit(gpkg_writer *w, char *err, size_t err_size);

/* Discards everything (removes the temporary file). NULL is ignored. */
void gpkg_writer_abort(gpkg_writer *w);

#endif
