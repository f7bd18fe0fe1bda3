/* coefficients.c — standard-forest coefficient tables (code → k) parsed from CSV text. */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "code_table.h"
#include "csv.h"
#include "internal.h"

struct guotu_coefficients {
    gt_code_table codes;
    double *k; /* by code index */
    size_t cap;
};

static int parse_number(const char *s, double *out) {
    char *end = NULL;
    errno = 0;
    *out = strtod(s, &end);
    return *s && errno == 0 && end && *end == '\0' && isfinite(*out);
}

void guotu_coefficients_destroy(guotu_context *ctx, guotu_coefficients *c) {
    (void)ctx;
    if (!c) return;
    gt_code_table_free(&c->codes);
    free(c->k);
    free(c);
}

size_t guotu_coefficients_count(const guotu_coefficients *c) { return c ? c->codes.codes.count : 0; }

int guotu_coefficients_lookup(const guotu_coefficients *c, const char *code, double *k) {
    if (!c || !code) return 0;
    int32_t i = gt_code_table_find(&c->codes, code);
    if (i < 0) return 0;
    if (k) *k = c->k[i];
    return 1;
}

static int add_code(guotu_context *ctx, guotu_coefficients *c, const char *code, double k) {
    int32_t i = gt_code_table_add(&c->codes, code);
    if (i >= 0 && gt_reserve(&c->k, &c->cap, (size_t)i + 1, sizeof *c->k, 64))
        return gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
    if (i < 0) return gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
    c->k[i] = k;
    return GUOTU_OK;
}

enum { COL_CODE, COL_K, COL_ESV, COL_ESV_LONG };

int guotu_coefficients_parse(guotu_context *ctx, const char *csv_text, size_t csv_size, const char *label,
                             const char *reference_code, guotu_coefficients **out) {
    if (!ctx) return GUOTU_ERR_ARGUMENT;
    gt_clear_error(ctx);
    if (!csv_text || !out) return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "guotu_coefficients_parse: NULL argument");
    *out = NULL;
    if (!label) label = "coefficients";
    const char *p = csv_text, *end = csv_text + csv_size;
    static const char *const names[] = {"code", "k", "esv", "esv_yuan_per_ha"};
    int col[4];
    int header = gt_csv_header(&p, end, names, 4, col);
    if (col[COL_ESV] < 0) col[COL_ESV] = col[COL_ESV_LONG];
    if (header < 0 || col[COL_CODE] < 0 || (col[COL_K] < 0 && col[COL_ESV] < 0))
        return gt_fail(ctx, GUOTU_ERR_DATA,
                       "coefficient table '%s': the header needs a 'code' column and a 'k' or 'esv' column", label);
    int use_k = col[COL_K] >= 0; /* k wins when a table has both */
    int value_col = use_k ? col[COL_K] : col[COL_ESV];
    guotu_coefficients *c = calloc(1, sizeof *c);
    if (!c) return gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
    gt_csv_fields fields;
    int status = GUOTU_OK;
    for (int line = 2; !status && p < end; line++) {
        int n = gt_csv_record(&p, end, fields);
        if (gt_csv_blank(n, fields)) continue;
        if (n < 0) {
            status = gt_fail(ctx, GUOTU_ERR_DATA, "coefficient table '%s', line %d: a field is too long", label, line);
            break;
        }
        if (n <= col[COL_CODE] || n <= value_col) {
            status = gt_fail(ctx, GUOTU_ERR_DATA, "coefficient table '%s', line %d: %d fields, %d expected", label,
                             line, n, header);
            break;
        }
        const char *code = fields[col[COL_CODE]], *text = fields[value_col];
        double value = 0;
        if (!code[0])
            status = gt_fail(ctx, GUOTU_ERR_DATA, "coefficient table '%s', line %d: empty code", label, line);
        else if (!gt_utf8_valid(code))
            status = gt_fail(ctx, GUOTU_ERR_DATA, "coefficient table '%s', line %d: the code is not UTF-8 text", label,
                             line);
        else if (gt_code_table_find_exact(&c->codes, code) >= 0)
            status = gt_fail(ctx, GUOTU_ERR_DATA, "coefficient table '%s', line %d: code '%s' is listed twice", label,
                             line, code);
        else if (!parse_number(text, &value) || value < 0)
            status = gt_fail(ctx, GUOTU_ERR_DATA,
                             "coefficient table '%s', line %d: %s of code '%s' is '%s', not a number >= 0", label, line,
                             use_k ? "k" : "esv", code, text);
        else
            status = add_code(ctx, c, code, value);
    }
    size_t count = c->codes.codes.count;
    if (!status && !count) status = gt_fail(ctx, GUOTU_ERR_DATA, "coefficient table '%s' lists no codes", label);
    if (!status && !use_k) {
        /* k = esv ÷ esv of the reference class (the paper's 有林地). */
        double reference = 0;
        int32_t r = reference_code ? gt_code_table_find_exact(&c->codes, reference_code) : -1;
        if (r < 0 || !((reference = c->k[r]) > 0))
            status = gt_fail(ctx, GUOTU_ERR_DATA,
                             "coefficient table '%s' gives esv values, so it needs the reference class '%s' with an "
                             "esv above 0",
                             label, reference_code ? reference_code : "(none given)");
        for (size_t i = 0; !status && i < count; i++)
            c->k[i] /= reference;
    }
    if (status) {
        guotu_coefficients_destroy(ctx, c);
        return status;
    }
    *out = c;
    return GUOTU_OK;
}
