/* project_types.c — the table of rectification project types (type value → kind). */
#include <stdlib.h>
#include <string.h>

#include "collections.h"
#include "csv_table.h"
#include "internal.h"

enum { KINDS = 4 };
static const char *const kind_names[KINDS] = {"farmland_consolidation", "construction_reclamation",
                                              "ecological_restoration", "high_standard_farmland"};

const char *guotu_project_kind_name(int kind) { return kind >= 0 && kind < KINDS ? kind_names[kind] : ""; }

struct guotu_project_types {
    gt_string_table values;
    int8_t *kind; /* by value index */
    size_t cap;
};

void guotu_project_types_destroy(guotu_context *ctx, guotu_project_types *t) {
    (void)ctx;
    if (!t) return;
    gt_string_table_free(&t->values);
    free(t->kind);
    free(t);
}

static int kind_index(const char *name) {
    for (int i = 0; i < KINDS; i++)
        if (strcmp(kind_names[i], name) == 0) return i;
    return -1;
}

/* Copies `value` without surrounding ASCII blanks into buf (truncating). */
static void trimmed(const char *value, char *buf, size_t size) {
    while (*value == ' ' || *value == '\t')
        value++;
    size_t n = strlen(value);
    while (n && (value[n - 1] == ' ' || value[n - 1] == '\t' || value[n - 1] == '\r' || value[n - 1] == '\n'))
        n--;
    if (n >= size) n = size - 1;
    memcpy(buf, value, n);
    buf[n] = '\0';
}

int guotu_project_types_lookup(const guotu_project_types *t, const char *value) {
    if (!t || !value) return -1;
    char buf[GT_CSV_MAX_FIELD];
    trimmed(value, buf, sizeof buf);
    int32_t i = gt_string_table_find(&t->values, buf);
    return i < 0 ? -1 : t->kind[i];
}

static int add_value(guotu_project_types *t, const char *value, int kind) {
    int32_t i = gt_string_table_intern(&t->values, value);
    if (i < 0) return -1;
    if (gt_reserve(&t->kind, &t->cap, (size_t)i + 1, sizeof *t->kind, 16)) return -1;
    t->kind[i] = (int8_t)kind;
    return 0;
}

typedef struct types_reader {
    guotu_project_types *t;
    const char *label;
} types_reader;

static int read_type(guotu_context *ctx, const gt_csv_fields f, const int *col, int line, void *user) {
    types_reader *r = user;
    const char *value = f[col[0]], *kind = f[col[1]];
    int k = kind_index(kind);
    if (!value[0] || !gt_utf8_valid(value))
        return gt_fail(ctx, GUOTU_ERR_DATA, "project types '%s', line %d: empty or non-UTF-8 value", r->label, line);
    if (gt_string_table_find(&r->t->values, value) >= 0)
        return gt_fail(ctx, GUOTU_ERR_DATA, "project types '%s', line %d: value '%s' is listed twice", r->label, line,
                       value);
    if (k < 0)
        return gt_fail(ctx, GUOTU_ERR_DATA,
                       "project types '%s', line %d: unknown kind '%s' (kinds: farmland_consolidation, "
                       "construction_reclamation, ecological_restoration, high_standard_farmland)",
                       r->label, line, kind);
    return add_value(r->t, value, k) ? gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory") : GUOTU_OK;
}

int guotu_project_types_parse(guotu_context *ctx, const char *csv_text, size_t csv_size, const char *label,
                              guotu_project_types **out) {
    if (!ctx) return GUOTU_ERR_ARGUMENT;
    gt_clear_error(ctx);
    if (!csv_text || !out) return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "guotu_project_types_parse: NULL argument");
    *out = NULL;
    if (!label) label = "project types";
    guotu_project_types *t = calloc(1, sizeof *t);
    if (!t) return gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
    static const char *const names[] = {"value", "kind"};
    types_reader reader = {t, label};
    int status = gt_csv_rows(ctx, csv_text, csv_size, "project types", label, names, 2, read_type, &reader);
    if (!status && !t->values.count) status = gt_fail(ctx, GUOTU_ERR_DATA, "project types '%s' lists no values", label);
    if (status) {
        guotu_project_types_destroy(ctx, t);
        return status;
    }
    *out = t;
    return GUOTU_OK;
}
