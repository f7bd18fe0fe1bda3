/* table_schema.c — output table columns read from resources/schemas/<table>.csv. */
#include "table_schema.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "resources.h"

enum { FIELD_MAX = 256, SCHEMA_FIELDS = 5 };

struct table_schema {
    table_column columns[TABLE_SCHEMA_MAX_COLUMNS];
    int count;
    char label[512];
    /* every name declared, kept or not, to tell "left out by an option" from "unknown" */
    char *declared[TABLE_SCHEMA_MAX_COLUMNS];
    int ndeclared;
};

/* One CSV record at *p (advanced past it) into at most `max` fields; quotes as RFC 4180.
 * Returns the number of fields, or -1 when a field is too long or there are too many. */
static int read_record(const char **p, const char *end, char fields[][FIELD_MAX], int max) {
    int n = 0;
    const char *s = *p;
    for (;;) {
        if (n == max) return -1;
        size_t len = 0;
        int quoted = s < end && *s == '"';
        if (quoted) s++;
        while (s < end) {
            if (quoted && *s == '"') {
                if (s + 1 < end && s[1] == '"') {
                    s++;
                } else {
                    quoted = 0;
                    s++;
                    continue;
                }
            } else if (!quoted && (*s == ',' || *s == '\n' || *s == '\r')) {
                break;
            }
            if (len + 1 >= FIELD_MAX) return -1;
            fields[n][len++] = *s++;
        }
        fields[n][len] = '\0';
        n++;
        if (s < end && *s == ',') {
            s++;
            continue;
        }
        if (s < end && *s == '\r') s++;
        if (s < end && *s == '\n') s++;
        *p = s;
        return n;
    }
}

static int has_option(const char *options, const char *option) {
    size_t n = strlen(option);
    for (const char *o = options; o && *o;) {
        const char *comma = strchr(o, ',');
        size_t len = comma ? (size_t)(comma - o) : strlen(o);
        if (len == n && strncmp(o, option, n) == 0) return 1;
        o = comma ? comma + 1 : NULL;
    }
    return 0;
}

static char *copy(const char *s) {
    size_t n = strlen(s) + 1;
    char *c = malloc(n);
    if (c) memcpy(c, s, n);
    return c;
}

void table_schema_free(table_schema *s) {
    if (!s) return;
    for (int i = 0; i < s->ndeclared; i++)
        free(s->declared[i]);
    for (int i = 0; i < s->count; i++)
        free((char *)s->columns[i].alias);
    free(s);
}

int table_schema_parse(const char *text, size_t size, const char *label, const char *options, table_schema **out,
                       char *err, size_t err_size) {
    static const char *const header[SCHEMA_FIELDS] = {"name", "type", "width", "title_zh", "only_with"};
    *out = NULL;
    const char *p = text, *end = text + size;
    if (end - p >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0) p += 3;
    char fields[SCHEMA_FIELDS][FIELD_MAX];
    int n = read_record(&p, end, fields, SCHEMA_FIELDS);
    int ok = n == SCHEMA_FIELDS;
    for (int i = 0; ok && i < SCHEMA_FIELDS; i++)
        ok = strcmp(fields[i], header[i]) == 0;
    if (!ok) {
        snprintf(err, err_size, "table schema '%s': the header must be name,type,width,title_zh,only_with", label);
        return 1;
    }
    table_schema *s = calloc(1, sizeof *s);
    if (!s) {
        snprintf(err, err_size, "out of memory");
        return 1;
    }
    snprintf(s->label, sizeof s->label, "%s", label);
    for (int line = 2; p < end; line++) {
        n = read_record(&p, end, fields, SCHEMA_FIELDS);
        if (n == 1 && fields[0][0] == '\0') continue; /* a blank line */
        const char *problem = NULL;
        column_type type = COLUMN_TEXT;
        char *rest = NULL;
        long width = 0;
        if (n != SCHEMA_FIELDS)
            problem = "needs the 5 fields name,type,width,title_zh,only_with";
        else if (!fields[0][0])
            problem = "has no column name";
        else if (strcmp(fields[1], "text") && strcmp(fields[1], "real") && strcmp(fields[1], "integer"))
            problem = "has a type other than text, real or integer";
        else if ((width = strtol(fields[2], &rest, 10)) < 0 || rest == fields[2] || *rest)
            problem = "has a width that is not a whole number >= 0";
        else if (s->ndeclared == TABLE_SCHEMA_MAX_COLUMNS)
            problem = "is one column too many";
        for (int i = 0; !problem && i < s->ndeclared; i++)
            if (strcmp(s->declared[i], fields[0]) == 0) problem = "declares a column a second time";
        if (problem) {
            snprintf(err, err_size, "table schema '%s', line %d: the row %s", label, line, problem);
            table_schema_free(s);
            return 1;
        }
        if (!strcmp(fields[1], "real")) type = COLUMN_REAL;
        if (!strcmp(fields[1], "integer")) type = COLUMN_INTEGER;
        if (!(s->declared[s->ndeclared] = copy(fields[0]))) {
            table_schema_free(s);
            snprintf(err, err_size, "out of memory");
            return 1;
        }
        s->ndeclared++;
        if (fields[4][0] && !has_option(options, fields[4])) continue;
        table_column *c = &s->columns[s->count];
        c->name = s->declared[s->ndeclared - 1];
        c->type = type;
        c->width = (int)width;
        c->alias = NULL;
        if (fields[3][0] && !(c->alias = copy(fields[3]))) {
            table_schema_free(s);
            snprintf(err, err_size, "out of memory");
            return 1;
        }
        s->count++;
    }
    if (!s->count) {
        snprintf(err, err_size, "table schema '%s' declares no column", label);
        table_schema_free(s);
        return 1;
    }
    *out = s;
    return 0;
}

int table_schema_load(const char *resources, const char *table, const char *options, table_schema **out, char *err,
                      size_t err_size) {
    char path[4096];
    snprintf(path, sizeof path, "%s/schemas/%s.csv", resources ? resources : resources_dir(), table);
    *out = NULL;
    FILE *f = fopen(path, "rb");
    if (!f) {
        snprintf(err, err_size, "cannot read the table schema '%s'", path);
        return 1;
    }
    char text[16384];
    size_t size = fread(text, 1, sizeof text, f);
    int failed = ferror(f) || !feof(f);
    fclose(f);
    if (failed) {
        snprintf(err, err_size, "cannot read the table schema '%s' (unreadable or over %zu bytes)", path, sizeof text);
        return 1;
    }
    return table_schema_parse(text, size, path, options, out, err, err_size);
}

const table_column *table_schema_columns(const table_schema *s) { return s->columns; }

int table_schema_count(const table_schema *s) { return s->count; }

int table_schema_slots(const table_schema *s, const char *const *names, int n, int *slots, char *err, size_t err_size) {
    int filled[TABLE_SCHEMA_MAX_COLUMNS] = {0};
    for (int i = 0; i < n; i++) {
        int declared = 0;
        for (int d = 0; d < s->ndeclared && !declared; d++)
            declared = strcmp(s->declared[d], names[i]) == 0;
        if (!declared) {
            snprintf(err, err_size, "table schema '%s' has no column '%s'", s->label, names[i]);
            return 1;
        }
        slots[i] = -1;
        for (int c = 0; c < s->count; c++)
            if (strcmp(s->columns[c].name, names[i]) == 0) {
                slots[i] = c;
                filled[c] = 1;
            }
    }
    for (int c = 0; c < s->count; c++)
        if (!filled[c]) {
            snprintf(err, err_size, "table schema '%s' has a column '%s' this writer does not fill", s->label,
                     s->columns[c].name);
            return 1;
        }
    return 0;
}

int table_schema_use(const char *resources, const char *table, const char *options, const char *const *names, int n,
                     table_schema **out, int *slots, char *err, size_t err_size) {
    if (table_schema_load(resources, table, options, out, err, err_size)) return 1;
    if (!table_schema_slots(*out, names, n, slots, err, err_size)) return 0;
    table_schema_free(*out);
    *out = NULL;
    return 1;
}

void table_row_clear(table_row *row) {
    for (int i = 0; i < TABLE_SCHEMA_MAX_COLUMNS; i++) {
        row->texts[i] = NULL;
        row->reals[i] = 0;
    }
}

void table_row_text(table_row *row, int slot, const char *value) {
    if (slot >= 0) row->texts[slot] = value;
}

void table_row_real(table_row *row, int slot, double value) {
    if (slot >= 0) row->reals[slot] = value;
}
