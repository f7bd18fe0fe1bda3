/* table_writer.c — one result table as CSV, or as a GeoPackage table through gpkg_writer;
 * written atomically either way. */
#include "table_writer.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "io_temp.h"
#include "gpkg_writer.h"
#include "io_util.h"

struct table_writer {
    char path[1024];
    char temp[1100];
    const table_column *columns;
    int ncolumns;
    FILE *csv;
    gpkg_writer *gpkg;
    int layer;
};

static void csv_field(FILE *f, const char *s) {
    if (!strpbrk(s, ",\"\r\n")) {
        fputs(s, f);
        return;
    }
    fputc('"', f);
    for (; *s; s++) {
        if (*s == '"') fputc('"', f);
        fputc(*s, f);
    }
    fputc('"', f);
}

int table_writer_open(table_writer **out, const char *path, const char *table, const table_column *columns,
                      int ncolumns, char *err, size_t err_size) {
    *out = NULL;
    if (!io_ends_with(path, ".csv") && !io_ends_with(path, ".gpkg")) {
        snprintf(err, err_size, "output '%s' must end in .csv or .gpkg", path);
        return 1;
    }
    table_writer *w = calloc(1, sizeof *w);
    if (!w) {
        snprintf(err, err_size, "out of memory");
        return 1;
    }
    snprintf(w->path, sizeof w->path, "%s", path);
    w->columns = columns;
    w->ncolumns = ncolumns;
    if (io_ends_with(path, ".gpkg")) {
        if (gpkg_writer_open(&w->gpkg, path, err, err_size)) {
            free(w);
            return 1;
        }
        w->layer = gpkg_writer_add_layer(w->gpkg, table, wkbNone, NULL, columns, ncolumns, err, err_size);
        if (w->layer < 0) {
            table_writer_abort(w);
            return 1;
        }
        *out = w;
        return 0;
    }
    if (io_temp_path(path, w->temp, sizeof w->temp)) {
        snprintf(err, err_size, "the output path '%s' is too long", path);
        free(w);
        return 1;
    }
    w->csv = fopen(w->temp, "wb");
    if (!w->csv) {
        snprintf(err, err_size, "cannot write '%s': %s", path, strerror(errno));
        io_temp_discard(w->temp);
        free(w);
        return 1;
    }
    for (int i = 0; i < ncolumns; i++) {
        if (i) fputc(',', w->csv);
        csv_field(w->csv, columns[i].name);
    }
    fputc('\n', w->csv);
    *out = w;
    return 0;
}

int table_writer_row(table_writer *w, const char *const *texts, const double *reals, char *err, size_t err_size) {
    if (w->gpkg) return gpkg_writer_row(w->gpkg, w->layer, texts, reals, NULL, 0, err, err_size);
    for (int i = 0; i < w->ncolumns; i++) {
        if (i) fputc(',', w->csv);
        if (w->columns[i].type == COLUMN_REAL) {
            if (!isnan(reals[i])) fprintf(w->csv, "%.6f", reals[i]); /* NaN: an empty cell, as NULL */
        } else if (w->columns[i].type == COLUMN_INTEGER && !texts[i]) {
            /* Whole numbers given as reals (as in GeoPackages); NaN is an empty cell. */
            if (!isnan(reals[i])) fprintf(w->csv, "%.0f", reals[i]);
        } else
            csv_field(w->csv, texts[i] ? texts[i] : "");
    }
    fputc('\n', w->csv);
    if (ferror(w->csv)) {
        snprintf(err, err_size, "cannot write '%s': %s", w->path, strerror(errno));
        return 1;
    }
    return 0;
}

int table_writer_commit(table_writer *w, const table_meta *meta, int nmeta, char *err, size_t err_size) {
    if (w->gpkg) {
        gpkg_writer_meta(w->gpkg, w->layer, meta, nmeta);
        int failed = gpkg_writer_commit(w->gpkg, err, err_size);
        free(w);
        return failed;
    }
    /* A full disk shows at the close: the temporary file goes whatever failed. */
    int failed = fclose(w->csv) != 0;
    w->csv = NULL;
    if (failed || rename(w->temp, w->path) != 0) {
        snprintf(err, err_size, "cannot write '%s': %s", w->path, strerror(errno));
        io_temp_discard(w->temp);
        free(w);
        return 1;
    }
    io_temp_release(w->temp);
    free(w);
    return 0;
}

void table_writer_abort(table_writer *w) {
    if (!w) return;
    if (w->gpkg) gpkg_writer_abort(w->gpkg);
    if (w->csv) {
        fclose(w->csv);
        io_temp_discard(w->temp);
    }
    free(w);
}
