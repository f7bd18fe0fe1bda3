/* coefficients.c — standard-forest coefficient tables (code → k) parsed from CSV text. */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "collections.h"
#include "internal.h"

struct guotu_coefficients {
    gt_string_table codes;
    double *k;
    size_t cap;
    /* Purely numeric codes by integer value, so "301" (an integer field that lost its
     * leading zero) finds "0301": value -> dense slot; numeric_code[slot] = code index. */
    gt_index_map numeric;
    int32_t *numeric_code;
    size_t numeric_cap;
};

enum { MAX_FIELDS = 32, MAX_FIELD = 512 };

/* One CSV record: fields split on commas, with "quoted, fields" and "" escapes. Returns
 * the number of fields, or -1 when a field is too long; *p advances past the line. */
static int read_record(const char **p, const char *end, char fields[MAX_FIELDS][MAX_FIELD])
{
    int n = 0;
    size_t len = 0;
    int quoted = 0;
    const char *s = *p;
    fields[0][0] = '\0';
    while (s < end) {
        char c = *s++;
        if (quoted) {
            if (c == '"' && s < end && *s == '"') c = *s++;
            else if (c == '"') {
                quoted = 0;
                continue;
            }
        } else if (c == '"') {
            quoted = 1;
            continue;
        } else if (c == ',' || c == '\n' || c == '\r') {
            fields[n][len] = '\0';
            if (c == '\r' && s < end && *s == '\n') s++;
            if (c != ',') break;
            if (++n == MAX_FIELDS) return -1;
            len = 0;
            fields[n][0] = '\0';
            continue;
        }
        if (len + 1 >= MAX_FIELD) return -1;
        fields[n][len++] = c;
        fields[n][len] = '\0';
    }
    *p = s;
    return n + 1;
}

static void trim(char *s)
{
    size_t n = strlen(s);
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t')) s[--n] = '\0';
    size_t i = 0;
    while (s[i] == ' ' || s[i] == '\t') i++;
    if (i) memmove(s, s + i, n - i + 1);
}

static int parse_number(const char *s, double *out)
{
    char *end = NULL;
    errno = 0;
    *out = strtod(s, &end);
    return *s && errno == 0 && end && *end == '\0' && isfinite(*out);
}

static int integer_code(const char *s, long long *out)
{
    if (!*s) return 0;
    for (const char *c = s; *c; c++)
        if (*c < '0' || *c > '9') return 0;
    if (strlen(s) > 15) return 0;
    *out = strtoll(s, NULL, 10);
    return 1;
}

void guotu_coefficients_destroy(guotu_context *ctx, guotu_coefficients *c)
{
    (void)ctx;
    if (!c) return;
    gt_string_table_free(&c->codes);
    gt_index_map_free(&c->numeric);
    free(c->numeric_code);
    free(c->k);
    free(c);
}

size_t guotu_coefficients_count(const guotu_coefficients *c) { return c ? c->codes.count : 0; }

int guotu_coefficients_lookup(const guotu_coefficients *c, const char *code, double *k)
{
    if (!c || !code) return 0;
    int32_t i = gt_string_table_find(&c->codes, code);
    long long value;
    if (i < 0 && integer_code(code, &value)) {
        int32_t slot = gt_index_map_find(&c->numeric, (uint64_t)value);
        if (slot >= 0) i = c->numeric_code[slot];
    }
    if (i < 0) return 0;
    if (k) *k = c->k[i];
    return 1;
}

static int add_code(guotu_context *ctx, guotu_coefficients *c, const char *code, double k)
{
    int32_t i = gt_string_table_intern(&c->codes, code);
    if (i < 0) return gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
    if ((size_t)i >= c->cap) {
        size_t cap = c->cap ? c->cap * 2 : 64;
        double *grown = realloc(c->k, cap * sizeof *grown);
        if (!grown) return gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
        c->k = grown;
        c->cap = cap;
    }
    c->k[i] = k;
    long long value;
    if (integer_code(code, &value)) {
        int inserted = 0;
        int32_t slot = gt_index_map_insert(&c->numeric, (uint64_t)value, &inserted);
        if (slot < 0) return gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
        if (inserted) {
            if ((size_t)slot >= c->numeric_cap) {
                size_t cap = c->numeric_cap ? c->numeric_cap * 2 : 64;
                int32_t *grown = realloc(c->numeric_code, cap * sizeof *grown);
                if (!grown) return gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
                c->numeric_code = grown;
                c->numeric_cap = cap;
            }
            c->numeric_code[slot] = i;
        }
    }
    return GUOTU_OK;
}

/* Column positions found in the header. */
typedef struct header {
    int code, k, esv, count;
} header;

static int read_header(guotu_context *ctx, const char **p, const char *end, const char *label, header *h)
{
    char fields[MAX_FIELDS][MAX_FIELD];
    int n = read_record(p, end, fields);
    h->code = h->k = h->esv = -1;
    h->count = n;
    for (int i = 0; i < n; i++) {
        char *name = fields[i];
        /* Spreadsheet exports often start with a UTF-8 byte-order mark. */
        if (i == 0 && (unsigned char)name[0] == 0xEF && (unsigned char)name[1] == 0xBB &&
            (unsigned char)name[2] == 0xBF)
            memmove(name, name + 3, strlen(name + 3) + 1);
        trim(name);
        if (strcmp(name, "code") == 0) h->code = i;
        else if (strcmp(name, "k") == 0) h->k = i;
        else if (strcmp(name, "esv") == 0 || strcmp(name, "esv_yuan_per_ha") == 0) h->esv = i;
    }
    if (n < 0 || h->code < 0 || (h->k < 0 && h->esv < 0))
        return gt_fail(ctx, GUOTU_ERR_DATA,
                       "coefficient table '%s': the header needs a 'code' column and a 'k' or 'esv' column", label);
    return GUOTU_OK;
}

int guotu_coefficients_parse(guotu_context *ctx, const char *csv_text, size_t csv_size, const char *label,
                             const char *reference_code, guotu_coefficients **out)
{
    if (!ctx) return GUOTU_ERR_ARGUMENT;
    gt_clear_error(ctx);
    if (!csv_text || !out) return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "guotu_coefficients_parse: NULL argument");
    *out = NULL;
    if (!label) label = "coefficients";
    const char *p = csv_text, *end = csv_text + csv_size;
    header h;
    int status = read_header(ctx, &p, end, label, &h);
    if (status) return status;
    int use_k = h.k >= 0; /* k wins when a table has both */
    int column = use_k ? h.k : h.esv;
    guotu_coefficients *c = calloc(1, sizeof *c);
    if (!c) return gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
    char fields[MAX_FIELDS][MAX_FIELD];
    for (int line = 2; !status && p < end; line++) {
        int n = read_record(&p, end, fields);
        if (n == 1 && fields[0][0] == '\0') continue; /* blank line */
        if (n < 0) {
            status = gt_fail(ctx, GUOTU_ERR_DATA, "coefficient table '%s', line %d: a field is too long", label, line);
            break;
        }
        if (n <= h.code || n <= column) {
            status = gt_fail(ctx, GUOTU_ERR_DATA, "coefficient table '%s', line %d: %d fields, %d expected", label,
                             line, n, h.count);
            break;
        }
        char *code = fields[h.code], *text = fields[column];
        trim(code);
        trim(text);
        double value = 0;
        if (!code[0]) status = gt_fail(ctx, GUOTU_ERR_DATA, "coefficient table '%s', line %d: empty code", label, line);
        else if (!gt_utf8_valid(code))
            status = gt_fail(ctx, GUOTU_ERR_DATA, "coefficient table '%s', line %d: the code is not UTF-8 text", label,
                             line);
        else if (gt_string_table_find(&c->codes, code) >= 0)
            status = gt_fail(ctx, GUOTU_ERR_DATA, "coefficient table '%s', line %d: code '%s' is listed twice", label,
                             line, code);
        else if (!parse_number(text, &value) || value < 0)
            status = gt_fail(ctx, GUOTU_ERR_DATA,
                             "coefficient table '%s', line %d: %s of code '%s' is '%s', not a number >= 0", label,
                             line, use_k ? "k" : "esv", code, text);
        else status = add_code(ctx, c, code, value);
    }
    if (!status && !c->codes.count)
        status = gt_fail(ctx, GUOTU_ERR_DATA, "coefficient table '%s' lists no codes", label);
    if (!status && !use_k) {
        /* k = esv ÷ esv of the reference class (the paper's 有林地). */
        double reference = 0;
        int32_t r = reference_code ? gt_string_table_find(&c->codes, reference_code) : -1;
        if (r < 0 || !((reference = c->k[r]) > 0))
            status = gt_fail(ctx, GUOTU_ERR_DATA,
                             "coefficient table '%s' gives esv values, so it needs the reference class '%s' with an "
                             "esv above 0",
                             label, reference_code ? reference_code : "(none given)");
        for (size_t i = 0; !status && i < c->codes.count; i++) c->k[i] /= reference;
    }
    if (status) {
        guotu_coefficients_destroy(ctx, c);
        return status;
    }
    *out = c;
    return GUOTU_OK;
}
