/* csv_table.c — a lookup table read record by record (see csv_table.h). */
#include "csv_table.h"

#include <stdio.h>
#include <string.h>

enum { MAX_COLUMNS = 8 };

int gt_csv_rows(guotu_context *ctx, const char *text, size_t size, const char *what, const char *label,
                const char *const *names, int n, gt_csv_row_fn fn, void *user) {
    if (n < 1 || n > MAX_COLUMNS) return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "gt_csv_rows: %d columns", n);
    const char *p = text, *end = text + size;
    int columns[MAX_COLUMNS];
    int header = gt_csv_header(&p, end, names, n, columns);
    int missing = header < 0;
    for (int k = 0; k < n; k++)
        missing |= columns[k] < 0;
    if (missing) {
        char list[256] = "";
        for (int k = 0; k < n; k++) {
            size_t used = strlen(list);
            snprintf(list + used, sizeof list - used, "%s'%s'", k ? ", " : "", names[k]);
        }
        return gt_fail(ctx, GUOTU_ERR_DATA, "%s '%s': the header needs the columns %s", what, label, list);
    }
    gt_csv_fields fields;
    int status = GUOTU_OK;
    for (int line = 2; !status && p < end; line++) {
        int count = gt_csv_record(&p, end, fields);
        if (gt_csv_blank(count, fields)) continue;
        int short_record = count < 0;
        for (int k = 0; k < n && !short_record; k++)
            short_record = count <= columns[k];
        status = short_record
                     ? gt_fail(ctx, GUOTU_ERR_DATA, "%s '%s', line %d: too few or too long fields", what, label, line)
                     : fn(ctx, (const char(*)[GT_CSV_MAX_FIELD])fields, columns, line, user);
    }
    return status;
}
