/* io_util.h — small helpers of the I/O library (and of the guotu tool, which links it). */
#ifndef GUOTU_IO_UTIL_H
#define GUOTU_IO_UTIL_H

#include <stddef.h>
#include <stdio.h>

/* The most worker threads any run starts. */
#define IO_MAX_THREADS 8

/* 1 when `path` ends with `suffix`, in any case (".gpkg" matches "OUT.GPKG"). */
int io_ends_with(const char *path, const char *suffix);

/* Writes `text` as one CSV cell, always quoted, quotes doubled (names with commas, quotes
 * or line breaks stay one cell). */
void io_csv_quoted(FILE *f, const char *text);

/* 1 when both paths exist and are the same file. */
int io_same_file(const char *a, const char *b);

/* Refuses outputs that would replace an input (or each other): 1 with a message naming the
 * output and the input, 0 when every output is a new path. NULL entries are skipped. Every
 * run passes all its inputs and all its outputs (GeoPackage, CSV, XLSX, rasters). */
int io_refuse_overwrite(const char *const *inputs, int ninputs, const char *const *outputs, int noutputs, char *err,
                        size_t err_size);

/* Worker threads for a run: `asked` when > 0, else one per CPU the process may run on (its
 * affinity: `taskset -c 0` is one) less `spare` (threads the
 * run keeps busy otherwise, e.g. a writer); between 1 and IO_MAX_THREADS. */
int io_thread_count(int asked, int spare);

/* Makes room for `need` items of `item_size` bytes in the array whose pointer is at
 * `items_address` (a `T **`) with capacity *cap: doubling, from `initial`. Returns 0, or 1
 * when out of memory or the size would overflow (array and *cap unchanged). The adapters'
 * twin of the core's gt_reserve, which the core does not export. */
int io_reserve(void *items_address, size_t *cap, size_t need, size_t item_size, size_t initial);

/* GDAL's last error as a reason a user can read, in buf (returned; never empty): for a write
 * (`writing` 1) to `path`, that the disk is full when its folder has under 1 MB left; for a
 * read, that `path` does not exist; that a GeoPackage is damaged; SQLite's messages without
 * the SQL statement they quote. */
const char *io_gdal_reason(const char *path, int writing, char *buf, size_t size);

/* "path (N bytes, modified T)" for the audit trail of an output, "(none)" for NULL, the path
 * alone when it cannot be read; written into buf (always terminated). */
void io_describe_file(const char *path, char *buf, size_t size);

#endif
