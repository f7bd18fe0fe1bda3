/* table_writer.h — writes a result table as CSV or as a GeoPackage attribute table,
 * atomically: into a temporary file beside the target, renamed over it at the end. */
#ifndef GUOTU_IO_TABLE_WRITER_H
#define GUOTU_IO_TABLE_WRITER_H

#include <stddef.h>

typedef enum column_type { COLUMN_TEXT, COLUMN_REAL, COLUMN_INTEGER } column_type;

typedef struct table_column {
    const char *name;
    column_type type;
    int width;         /* text width, 0 = unbounded */
    const char *alias; /* shown instead of the name in QGIS forms (e.g. Chinese), or NULL */
} table_column;

/* A key/value pair recorded with the output so a result can be audited: inputs and
 * parameters. GeoPackage only: a CSV keeps exactly its columns. */
typedef struct table_meta {
    const char *key;
    const char *value;
} table_meta;

typedef struct table_writer table_writer;

/* Starts a table at `path` (.csv or .gpkg, by extension) named `table` inside a
 * GeoPackage. 1 with a message on failure. */
int table_writer_open(table_writer **out, const char *path, const char *table, const table_column *columns,
                      int ncolumns, char *err, size_t err_size);

/* One row; texts[i] for text columns and reals[i] for real columns (index by column). */
int table_writer_row(table_writer *w, const char *const *texts, const double *reals, char *err, size_t err_size);

/* Commits: closes the temporary file and renames it over `path`. With metadata (GeoPackage
 * only) recorded first. 1 with a message; the target is then untouched. */
int table_writer_commit(table_writer *w, const table_meta *meta, int nmeta, char *err, size_t err_size);

/* Discards an unfinished table (removes the temporary file). NULL is ignored. */
void table_writer_abort(table_writer *w);

#endif
