/* policy.c — category maps (code → policy category) and the 10 × 10 conversion policy. */
#include <stdlib.h>
#include <string.h>

#include "code_table.h"
#include "csv.h"
#include "internal.h"
#include "policy.h"

static const char *const categories[GT_CATEGORIES] = {
    "cultivated", "garden",      "forest", "grassland", "farm_water", "aquaculture_water",
    "river_water", "other_unused", "sea",   "construction"};
static const char *const statuses[] = {"same", "path", "conditional", "prohibited", "gap"};

int gt_category_index(const char *name)
{
    for (int i = 0; i < GT_CATEGORIES; i++)
        if (strcmp(categories[i], name) == 0) return i;
    return -1;
}

const char *gt_category_name(int index) { return index >= 0 && index < GT_CATEGORIES ? categories[index] : ""; }

struct guotu_category_map {
    gt_code_table codes;
    int8_t *category; /* by code index */
    size_t cap;
};

void guotu_category_map_destroy(guotu_context *ctx, guotu_category_map *m)
{
    (void)ctx;
    if (!m) return;
    gt_code_table_free(&m->codes);
    free(m->category);
    free(m);
}

int gt_category_of(const guotu_category_map *m, const char *code)
{
    int32_t i = m ? gt_code_table_find(&m->codes, code) : -1;
    return i < 0 ? -1 : m->category[i];
}

int guotu_category_map_lookup(const guotu_category_map *m, const char *code, const char **category)
{
    int c = code ? gt_category_of(m, code) : -1;
    if (c < 0) return 0;
    if (category) *category = categories[c];
    return 1;
}

static void list_categories(char *buf, size_t size)
{
    buf[0] = '\0';
    for (int i = 0; i < GT_CATEGORIES; i++) {
        size_t used = strlen(buf);
        snprintf(buf + used, size - used, "%s%s", i ? ", " : "", categories[i]);
    }
}

int guotu_category_map_parse(guotu_context *ctx, const char *csv_text, size_t csv_size, const char *label,
                             guotu_category_map **out)
{
    if (!ctx) return GUOTU_ERR_ARGUMENT;
    gt_clear_error(ctx);
    if (!csv_text || !out) return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "guotu_category_map_parse: NULL argument");
    *out = NULL;
    if (!label) label = "categories";
    const char *p = csv_text, *end = csv_text + csv_size;
    static const char *const names[] = {"code", "category"};
    int col[2];
    if (gt_csv_header(&p, end, names, 2, col) < 0 || col[0] < 0 || col[1] < 0)
        return gt_fail(ctx, GUOTU_ERR_DATA, "category map '%s': the header needs 'code' and 'category' columns", label);
    guotu_category_map *m = calloc(1, sizeof *m);
    if (!m) return gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
    gt_csv_fields f;
    int status = GUOTU_OK;
    for (int line = 2; !status && p < end; line++) {
        int n = gt_csv_record(&p, end, f);
        if (gt_csv_blank(n, f)) continue;
        if (n < 0 || n <= col[0] || n <= col[1]) {
            status = gt_fail(ctx, GUOTU_ERR_DATA, "category map '%s', line %d: too few or too long fields", label, line);
            break;
        }
        const char *code = f[col[0]], *category = f[col[1]];
        int c = gt_category_index(category);
        if (!code[0] || !gt_utf8_valid(code)) {
            status = gt_fail(ctx, GUOTU_ERR_DATA, "category map '%s', line %d: empty or non-UTF-8 code", label, line);
        } else if (gt_code_table_find_exact(&m->codes, code) >= 0) {
            status = gt_fail(ctx, GUOTU_ERR_DATA, "category map '%s', line %d: code '%s' is listed twice", label, line,
                             code);
        } else if (c < 0) {
            char known[256];
            list_categories(known, sizeof known);
            status = gt_fail(ctx, GUOTU_ERR_DATA, "category map '%s', line %d: unknown category '%s' (categories: %s)",
                             label, line, category, known);
        } else {
            int32_t i = gt_code_table_add(&m->codes, code);
            if (i >= 0 && (size_t)i >= m->cap) {
                size_t cap = m->cap ? m->cap * 2 : 64;
                int8_t *grown = realloc(m->category, cap);
                if (grown) {
                    m->category = grown;
                    m->cap = cap;
                } else {
                    i = -1;
                }
            }
            if (i < 0) status = gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
            else m->category[i] = (int8_t)c;
        }
    }
    if (!status && !m->codes.codes.count) status = gt_fail(ctx, GUOTU_ERR_DATA, "category map '%s' lists no codes", label);
    if (status) {
        guotu_category_map_destroy(ctx, m);
        return status;
    }
    *out = m;
    return GUOTU_OK;
}

typedef struct rule {
    int status; /* index into statuses, -1 = not given */
    char *zh, *en;
} rule;

struct guotu_policy {
    rule rules[GT_CATEGORIES][GT_CATEGORIES];
};

void guotu_policy_destroy(guotu_context *ctx, guotu_policy *p)
{
    (void)ctx;
    if (!p) return;
    for (int i = 0; i < GT_CATEGORIES; i++)
        for (int j = 0; j < GT_CATEGORIES; j++) {
            free(p->rules[i][j].zh);
            free(p->rules[i][j].en);
        }
    free(p);
}

static int status_index(const char *s)
{
    for (size_t i = 0; i < sizeof statuses / sizeof statuses[0]; i++)
        if (strcmp(statuses[i], s) == 0) return (int)i;
    return -1;
}

enum { P_FROM, P_TO, P_STATUS, P_ZH, P_EN };

static int read_rule(guotu_context *ctx, guotu_policy *p, const char *label, int line, int n, gt_csv_fields f,
                     const int *col)
{
    for (int k = 0; k < 5; k++)
        if (n <= col[k]) return gt_fail(ctx, GUOTU_ERR_DATA, "policy '%s', line %d: too few fields", label, line);
    int from = gt_category_index(f[col[P_FROM]]), to = gt_category_index(f[col[P_TO]]);
    int st = status_index(f[col[P_STATUS]]);
    if (from < 0 || to < 0)
        return gt_fail(ctx, GUOTU_ERR_DATA, "policy '%s', line %d: unknown category '%s'", label, line,
                       from < 0 ? f[col[P_FROM]] : f[col[P_TO]]);
    if (st < 0)
        return gt_fail(ctx, GUOTU_ERR_DATA,
                       "policy '%s', line %d: unknown status '%s' (same, path, conditional, prohibited, gap)", label,
                       line, f[col[P_STATUS]]);
    rule *r = &p->rules[from][to];
    if (r->status >= 0)
        return gt_fail(ctx, GUOTU_ERR_DATA, "policy '%s', line %d: %s -> %s is given twice", label, line,
                       categories[from], categories[to]);
    r->status = st;
    r->zh = gt_strdup(f[col[P_ZH]]);
    r->en = gt_strdup(f[col[P_EN]]);
    if (!r->zh || !r->en) return gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
    return GUOTU_OK;
}

int guotu_policy_parse(guotu_context *ctx, const char *csv_text, size_t csv_size, const char *label,
                       guotu_policy **out)
{
    if (!ctx) return GUOTU_ERR_ARGUMENT;
    gt_clear_error(ctx);
    if (!csv_text || !out) return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "guotu_policy_parse: NULL argument");
    *out = NULL;
    if (!label) label = "policy";
    const char *p = csv_text, *end = csv_text + csv_size;
    static const char *const names[] = {"from", "to", "status", "paths_zh", "paths_en"};
    int col[5];
    if (gt_csv_header(&p, end, names, 5, col) < 0 || col[0] < 0 || col[1] < 0 || col[2] < 0 || col[3] < 0 ||
        col[4] < 0)
        return gt_fail(ctx, GUOTU_ERR_DATA, "policy '%s': the header needs from,to,status,paths_zh,paths_en", label);
    guotu_policy *pol = calloc(1, sizeof *pol);
    if (!pol) return gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
    for (int i = 0; i < GT_CATEGORIES; i++)
        for (int j = 0; j < GT_CATEGORIES; j++) pol->rules[i][j].status = -1;
    gt_csv_fields f;
    int status = GUOTU_OK;
    for (int line = 2; !status && p < end; line++) {
        int n = gt_csv_record(&p, end, f);
        if (gt_csv_blank(n, f)) continue;
        status = n < 0 ? gt_fail(ctx, GUOTU_ERR_DATA, "policy '%s', line %d: a field is too long", label, line)
                       : read_rule(ctx, pol, label, line, n, f, col);
    }
    for (int i = 0; !status && i < GT_CATEGORIES; i++)
        for (int j = 0; !status && j < GT_CATEGORIES; j++)
            if (pol->rules[i][j].status < 0)
                status = gt_fail(ctx, GUOTU_ERR_DATA, "policy '%s' has no rule for %s -> %s (all 100 pairs are needed)",
                                 label, categories[i], categories[j]);
    if (status) {
        guotu_policy_destroy(ctx, pol);
        return status;
    }
    *out = pol;
    return GUOTU_OK;
}

int gt_policy_rule(const guotu_policy *p, int from, int to, guotu_policy_rule *out)
{
    if (!p || from < 0 || to < 0 || from >= GT_CATEGORIES || to >= GT_CATEGORIES) return 0;
    const rule *r = &p->rules[from][to];
    out->status = statuses[r->status];
    out->paths_zh = r->zh;
    out->paths_en = r->en;
    return 1;
}

int guotu_policy_lookup(const guotu_policy *p, const char *from_category, const char *to_category,
                        guotu_policy_rule *out)
{
    if (!from_category || !to_category || !out) return 0;
    return gt_policy_rule(p, gt_category_index(from_category), gt_category_index(to_category), out);
}
