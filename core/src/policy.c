/* policy.c — category maps (code → policy category) and the 10 × 10 conversion policy. */
#include <stdlib.h>
#include <string.h>

#include "code_table.h"
#include "csv_table.h"
#include "internal.h"
#include "policy.h"

static const char *const categories[GT_CATEGORIES] = {
    "cultivated",        "garden",      "forest",       "grassland", "farm_water",
    "aquaculture_water", "river_water", "other_unused", "sea",       "construction"};
static const char *const statuses[] = {"same", "path", "conditional", "prohibited", "gap"};

int gt_category_index(const char *name) {
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

void guotu_category_map_destroy(guotu_context *ctx, guotu_category_map *m) {
    (void)ctx;
    if (!m) return;
    gt_code_table_free(&m->codes);
    free(m->category);
    free(m);
}

int gt_category_of(const guotu_category_map *m, const char *code) {
    int32_t i = m ? gt_code_table_find(&m->codes, code) : -1;
    return i < 0 ? -1 : m->category[i];
}

int guotu_category_map_lookup(const guotu_category_map *m, const char *code, const char **category) {
    int c = code ? gt_category_of(m, code) : -1;
    if (c < 0) return 0;
    if (category) *category = categories[c];
    return 1;
}

static void list_categories(char *buf, size_t size) {
    buf[0] = '\0';
    for (int i = 0; i < GT_CATEGORIES; i++) {
        size_t used = strlen(buf);
        snprintf(buf + used, size - used, "%s%s", i ? ", " : "", categories[i]);
    }
}

typedef struct map_reader {
    guotu_category_map *m;
    const char *label;
} map_reader;

static int read_category(guotu_context *ctx, const gt_csv_fields f, const int *col, int line, void *user) {
    map_reader *r = user;
    guotu_category_map *m = r->m;
    const char *code = f[col[0]], *category = f[col[1]];
    int c = gt_category_index(category);
    if (!code[0] || !gt_utf8_valid(code))
        return gt_fail(ctx, GUOTU_ERR_DATA, "category map '%s', line %d: empty or non-UTF-8 code", r->label, line);
    if (gt_code_table_find_exact(&m->codes, code) >= 0)
        return gt_fail(ctx, GUOTU_ERR_DATA, "category map '%s', line %d: code '%s' is listed twice", r->label, line,
                       code);
    if (c < 0) {
        char known[256];
        list_categories(known, sizeof known);
        return gt_fail(ctx, GUOTU_ERR_DATA, "category map '%s', line %d: unknown category '%s' (categories: %s)",
                       r->label, line, category, known);
    }
    int32_t i = gt_code_table_add(&m->codes, code);
    if (i < 0 || gt_reserve(&m->category, &m->cap, (size_t)i + 1, sizeof *m->category, 64))
        return gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
    m->category[i] = (int8_t)c;
    return GUOTU_OK;
}

int guotu_category_map_parse(guotu_context *ctx, const char *csv_text, size_t csv_size, const char *label,
                             guotu_category_map **out) {
    if (!ctx) return GUOTU_ERR_ARGUMENT;
    gt_clear_error(ctx);
    if (!csv_text || !out) return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "guotu_category_map_parse: NULL argument");
    *out = NULL;
    if (!label) label = "categories";
    guotu_category_map *m = calloc(1, sizeof *m);
    if (!m) return gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
    static const char *const names[] = {"code", "category"};
    map_reader reader = {m, label};
    int status = gt_csv_rows(ctx, csv_text, csv_size, "category map", label, names, 2, read_category, &reader);
    if (!status && !m->codes.codes.count)
        status = gt_fail(ctx, GUOTU_ERR_DATA, "category map '%s' lists no codes", label);
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

void guotu_policy_destroy(guotu_context *ctx, guotu_policy *p) {
    (void)ctx;
    if (!p) return;
    for (int i = 0; i < GT_CATEGORIES; i++)
        for (int j = 0; j < GT_CATEGORIES; j++) {
            free(p->rules[i][j].zh);
            free(p->rules[i][j].en);
        }
    free(p);
}

static int status_index(const char *s) {
    for (size_t i = 0; i < sizeof statuses / sizeof statuses[0]; i++)
        if (strcmp(statuses[i], s) == 0) return (int)i;
    return -1;
}

enum { P_FROM, P_TO, P_STATUS, P_ZH, P_EN };

typedef struct policy_reader {
    guotu_policy *p;
    const char *label;
} policy_reader;

static int read_rule(guotu_context *ctx, const gt_csv_fields f, const int *col, int line, void *user) {
    policy_reader *reader = user;
    const char *label = reader->label;
    int from = gt_category_index(f[col[P_FROM]]), to = gt_category_index(f[col[P_TO]]);
    int st = status_index(f[col[P_STATUS]]);
    if (from < 0 || to < 0)
        return gt_fail(ctx, GUOTU_ERR_DATA, "policy '%s', line %d: unknown category '%s'", label, line,
                       from < 0 ? f[col[P_FROM]] : f[col[P_TO]]);
    if (st < 0)
        return gt_fail(ctx, GUOTU_ERR_DATA,
                       "policy '%s', line %d: unknown status '%s' (same, path, conditional, prohibited, gap)", label,
                       line, f[col[P_STATUS]]);
    rule *r = &reader->p->rules[from][to];
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
                       guotu_policy **out) {
    if (!ctx) return GUOTU_ERR_ARGUMENT;
    gt_clear_error(ctx);
    if (!csv_text || !out) return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "guotu_policy_parse: NULL argument");
    *out = NULL;
    if (!label) label = "policy";
    guotu_policy *pol = calloc(1, sizeof *pol);
    if (!pol) return gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
    for (int i = 0; i < GT_CATEGORIES; i++)
        for (int j = 0; j < GT_CATEGORIES; j++)
            pol->rules[i][j].status = -1;
    static const char *const names[] = {"from", "to", "status", "paths_zh", "paths_en"};
    policy_reader reader = {pol, label};
    int status = gt_csv_rows(ctx, csv_text, csv_size, "policy", label, names, 5, read_rule, &reader);
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

int gt_policy_rule(const guotu_policy *p, int from, int to, guotu_policy_rule *out) {
    if (!p || from < 0 || to < 0 || from >= GT_CATEGORIES || to >= GT_CATEGORIES) return 0;
    const rule *r = &p->rules[from][to];
    out->status = statuses[r->status];
    out->paths_zh = r->zh;
    out->paths_en = r->en;
    return 1;
}

int guotu_policy_lookup(const guotu_policy *p, const char *from_category, const char *to_category,
                        guotu_policy_rule *out) {
    if (!from_category || !to_category || !out) return 0;
    return gt_policy_rule(p, gt_category_index(from_category), gt_category_index(to_category), out);
}
