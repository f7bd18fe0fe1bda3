/* table_schema.h — the columns of an output table, declared once as data in
 * resources/schemas/<table>.csv (name, type, width, title_zh, only_with) and read by the tool's
 * writers and by the plugin alike, so that both write the same columns in the same order. */
#ifndef GUOTU_IO_TABLE_SCHEMA_H
#define GUOTU_IO_TABLE_SCHEMA_H

#include <stddef.h>

#include "table_writer.h"

enum { TABLE_SCHEMA_MAX_COLUMNS = 64 };

typedef struct table_schema table_schema;

/* Reads <resources>/schemas/<table>.csv (`resources` NULL: resources_dir()). A column whose
 * only_with names an option is kept only when `options` (a comma-separated list, or NULL)
 * holds it. 1 with a message naming the file and line on failure; *out is then NULL.
 * The caller frees the schema with table_schema_free. */
int table_schema_load(const char *resources, const char *table, const char *options, table_schema **out, char *err,
                      size_t err_size);

/* The same from the CSV text itself; `label` names it in messages. */
int table_schema_parse(const char *text, size_t size, const char *label, const char *options, table_schema **out,
                       char *err, size_t err_size);

/* The kept columns, in the file's order (borrowed from the schema), and their number. */
const table_column *table_schema_columns(const table_schema *s);
int table_schema_count(const table_schema *s);

/* Resolves the columns a writer fills: slots[i] is the position of names[i] in the schema,
 * or -1 when an option left it out. A name the file does not declare at all, or a kept
 * column no name fills, is an error naming the table (the writer and the schema disagree). */
int table_schema_slots(const table_schema *s, const char *const *names, int n, int *slots, char *err, size_t err_size);

/* table_schema_load then table_schema_slots: the schema of `table` resolved for a writer that
 * fills `names` (n of them, at most TABLE_SCHEMA_MAX_COLUMNS). 1 with a message on failure;
 * *out is then NULL. The caller frees *out with table_schema_free. */
int table_schema_use(const char *resources, const char *table, const char *options, const char *const *names, int n,
                     table_schema **out, int *slots, char *err, size_t err_size);

/* Frees the schema; NULL is ignored. */
void table_schema_free(table_schema *s);

/* A row as the writers take it: texts and reals indexed by column, filled through slots
 * (a slot of -1 is skipped). table_row_clear sets every text to NULL and every real to 0. */
typedef struct table_row {
    const char *texts[TABLE_SCHEMA_MAX_COLUMNS];
    double reals[TABLE_SCHEMA_MAX_COLUMNS];
} table_row;

void table_row_clear(table_row *row);
void table_row_text(table_row *row, int slot, const char *value);
void table_row_real(table_row *row, int slot, double value);

#endif
