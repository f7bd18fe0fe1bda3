/* cli.h — what the guotu command's files share (cli_common.c). */
#ifndef GUOTU_CLI_H
#define GUOTU_CLI_H

#include <stddef.h>
#include <stdio.h>

/* The helpers every command shares (cli_common.c). The commands themselves are declared in
 * commands.h, which only main.c and the command that forwards to another include. */

/* The most worker threads any command starts. */
#define CLI_MAX_THREADS 8

/* 1 when both paths exist and are the same file. */
int cli_same_file(const char *a, const char *b);

/* Reads --threads: a whole number from 1 to 64 (the whole text) into *out; 1 otherwise. */
int cli_parse_threads(const char *text, int *out);

/* Refuses outputs that would replace an input (or each other): 1 with a message naming the
 * output and the input, 0 when every output is a new path. NULL entries are skipped. Every
 * command passes all its inputs and all its outputs (GeoPackage, CSV, XLSX, rasters). */
int cli_refuse_overwrite(const char *const *inputs, int ninputs, const char *const *outputs, int noutputs, char *err,
                         size_t err_size);

/* Writes `text` as one CSV cell, always quoted, quotes doubled (names with commas, quotes
 * or line breaks stay one cell). */
void cli_csv_quoted(FILE *f, const char *text);

/* "path (N bytes, modified T)" for the audit trail of an output, "(none)" for NULL, the path
 * alone when it cannot be read; written into buf (always terminated). */
void cli_describe_file(const char *path, char *buf, size_t size);

/* Worker threads for a run: `asked` when > 0, else one per CPU less `spare` (threads the
 * command keeps busy otherwise, e.g. a writer); between 1 and CLI_MAX_THREADS. */
int cli_thread_count(int asked, int spare);

/* Prints "guotu: error: ..." to stderr; returns 1. */
int cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Prints "guotu CMD: ...", then the usage; returns 1 (callers map it to exit status 2). */
int cli_usage_error(const char *cmd, const char *usage, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* Makes room for `need` items of `item_size` bytes in the array whose pointer is at
 * `items_address` (a `T **`) with capacity *cap: doubling, from `initial`. Returns 0, or 1
 * when out of memory or the size would overflow (array and *cap unchanged). The CLI's
 * twin of the library's gt_reserve, which the library does not export. */
int cli_reserve(void *items_address, size_t *cap, size_t need, size_t item_size, size_t initial);

/* Reads a finite number >= 0 from the whole of `text` into *out; returns 0, or 1 when the
 * text is empty, has anything after the number, or is negative, infinite or not a number. */
int cli_parse_nonnegative(const char *text, double *out);

#endif
