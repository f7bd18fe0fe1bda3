/* csv_table.h — reading a lookup table whose header names its columns: the checks every
 * table parser makes (required columns, short or over-long records, blank lines) in one place. */
#ifndef GUOTU_CSV_TABLE_H
#define GUOTU_CSV_TABLE_H

#include "csv.h"
#include "internal.h"

/* One record: the fields and, by required column, its index in `fields`. Returns a status
 * (set with gt_fail, naming `line`) to stop. */
typedef int (*gt_csv_row_fn)(guotu_context *ctx, const gt_csv_fields fields, const int *columns, int line, void *user);

/* Reads the header, which must have every column of `names` (else GUOTU_ERR_DATA "<what>
 * '<label>': the header needs the columns a, b, ..."), then hands every non-blank record that
 * has all of them to `fn` (a shorter or over-long record is GUOTU_ERR_DATA naming the line). */
int gt_csv_rows(guotu_context *ctx, const char *text, size_t size, const char *what, const char *label,
                const char *const *names, int n, gt_csv_row_fn fn, void *user);

#endif
