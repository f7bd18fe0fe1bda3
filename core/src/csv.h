/* csv.h — the small CSV reader the lookup tables share (RFC 4180 quoting, BOM, CRLF). */
#ifndef GUOTU_CSV_H
#define GUOTU_CSV_H

#include <stddef.h>

enum { GT_CSV_MAX_FIELDS = 32, GT_CSV_MAX_FIELD = 512 };
typedef char gt_csv_fields[GT_CSV_MAX_FIELDS][GT_CSV_MAX_FIELD];

/* Reads one record at *p (advanced past it), fields trimmed of blanks. Returns the number
 * of fields, or -1 when a field is too long or there are too many. */
int gt_csv_record(const char **p, const char *end, gt_csv_fields fields);

/* Reads the header record and finds the columns named in `names` (columns[i] = -1 when
 * absent); a UTF-8 byte-order mark is skipped. Returns the number of header fields or -1. */
int gt_csv_header(const char **p, const char *end, const char *const *names, int n, int *columns);

/* 1 when the record is an empty line. */
int gt_csv_blank(int nfields, gt_csv_fields fields);

#endif
