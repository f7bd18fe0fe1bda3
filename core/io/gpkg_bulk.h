/* gpkg_bulk.h — the rows of one GeoPackage feature table written straight through SQLite,
 * and its R-tree spatial index packed in one pass at the end.
 *
 * For tables of millions of pieces (`guotu convert`), GDAL's per-feature path and its
 * one-by-one R-tree insertions were most of the run. GDAL still creates the table, its
 * columns, the R-tree and its triggers (so the file is a GeoPackage exactly as GDAL
 * makes it); this adapter only fills them:
 *   1. gpkg_bulk_begin on GDAL's own connection, inside its transaction: keeps and drops
 *      the table's triggers (they would update the R-tree row by row), prepares the insert;
 *   2. gpkg_bulk_row for every feature;
 *   3. gpkg_bulk_end_rows before GDAL commits;
 *   4. gpkg_bulk_finish on the closed file: writes the packed R-tree (Sort-Tile-Recursive)
 *      into the R-tree's node tables in SQLite's own node format, restores the triggers,
 *      sets the extent and the feature count.
 * Checked by SQLite's rtreecheck() and by reading the file back with GDAL in the tests. */
#ifndef GUOTU_GPKG_BULK_H
#define GUOTU_GPKG_BULK_H

#include <sqlite3.h>
#include <stddef.h>

#include "table_writer.h"

typedef struct gpkg_bulk gpkg_bulk;

/* Starts bulk writing into the empty feature table `table` (created by GDAL with a
 * spatial index) through `db`, GDAL's connection to the file. `columns` (ncolumns) are
 * the table's attribute columns in order; the caller keeps them alive. Returns 0 and
 * *out (free with gpkg_bulk_free), or 1 with a message. */
int gpkg_bulk_begin(sqlite3 *db, const char *table, const table_column *columns, int ncolumns, gpkg_bulk **out,
                    char *err, size_t err_size);

/* Writes one row: texts[i] for text columns (NULL = ""), reals[i] for numeric ones (NaN =
 * NULL); `wkb` is a Polygon or MultiPolygon (stored as MultiPolygon). Returns 0 or 1. */
int gpkg_bulk_row(gpkg_bulk *b, const char *const *texts, const double *reals, const unsigned char *wkb,
                  size_t wkb_size, char *err, size_t err_size);

/* Finishes the inserts on GDAL's connection (call before GDAL commits). Returns 0 or 1. */
int gpkg_bulk_end_rows(gpkg_bulk *b, char *err, size_t err_size);

/* On the file at `path`, after GDAL has closed it: the packed R-tree, the triggers back,
 * the extent and feature count. Returns 0 or 1. */
int gpkg_bulk_finish(gpkg_bulk *b, const char *path, char *err, size_t err_size);

/* Frees the bulk writer (NULL is fine). */
void gpkg_bulk_free(gpkg_bulk *b);

#endif
