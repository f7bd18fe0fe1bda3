/* indicators.c — binding plan indicators per admin unit: target against measured (SPEC §12). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "code_table.h"
#include "collections.h"
#include "csv_table.h"
#include "internal.h"

typedef struct indicator_info {
    const char *key, *name_zh, *unit;
    int ceiling; /* 1: the measured value may not exceed the target; 0: it may not fall below */
} indicator_info;

static const indicator_info infos[GUOTU_INDICATOR_COUNT] = {
    {"cultivated_land", "耕地保有量", "ha", 0},
    {"permanent_farmland", "永久基本农田保护任务", "ha", 0},
    {"construction_land", "建设用地总规模", "ha", 1},
    {"urban_rural_construction", "城乡建设用地规模", "ha", 1},
    {"new_construction_on_cultivated", "新增建设占用耕地规模", "ha", 1},
    {"forest_cover", "森林覆盖率", "%", 0},
    {"forest_land", "林地保有量", "ha", 0},
    {"forest_land_taken", "占用征收林地", "ha", 1},
};

static const char *const status_names[] = {"pass", "fail", "no_target", "not_measured"};

typedef struct unit_values {
    char *code, *name;
    double area_ha;
    double target[GUOTU_INDICATOR_COUNT], measured[GUOTU_INDICATOR_COUNT];
    unsigned char has_target[GUOTU_INDICATOR_COUNT], has_measured[GUOTU_INDICATOR_COUNT];
    int status[GUOTU_INDICATOR_COUNT];
    int passed, failed, skipped;
} unit_values;

struct guotu_indicators {
    double tolerance;
    unit_values *units;
    size_t n_units, cap_units;
    gt_string_table codes;   /* code -> unit index (interned in unit order) */
    gt_string_table unknown; /* class codes no group lists, in the order met */
    double *unknown_ha;
    size_t unknown_cap;
    int finished;
};

static const char *const group_names[] = {"cultivated", "forest", "urban_rural", "other_construction", "other"};
enum { N_GROUPS = (int)(sizeof group_names / sizeof group_names[0]) };

struct guotu_class_groups {
    gt_code_table codes;
    int8_t *group; /* by code index */
    size_t cap;
};

const char *guotu_indicator_key(int i) { return i >= 0 && i < GUOTU_INDICATOR_COUNT ? infos[i].key : NULL; }
const char *guotu_indicator_name_zh(int i) { return i >= 0 && i < GUOTU_INDICATOR_COUNT ? infos[i].name_zh : NULL; }
const char *guotu_indicator_unit(int i) { return i >= 0 && i < GUOTU_INDICATOR_COUNT ? infos[i].unit : NULL; }
const char *guotu_indicator_rule(int i) {
    return i >= 0 && i < GUOTU_INDICATOR_COUNT ? (infos[i].ceiling ? "<=" : ">=") : NULL;
}
const char *guotu_indicator_status_name(int s) {
    return s >= 0 && s <= GUOTU_IND_NOT_MEASURED ? status_names[s] : NULL;
}

int guotu_indicator_from_key(const char *key) {
    if (!key) return -1;
    for (int i = 0; i < GUOTU_INDICATOR_COUNT; i++)
        if (!strcmp(key, infos[i].key)) return i;
    return -1;
}

int guotu_indicators_create(guotu_context *ctx, double tolerance, guotu_indicators **out) {
    if (!ctx) return GUOTU_ERR_ARGUMENT;
    gt_clear_error(ctx);
    if (!out) return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "indicators: NULL output pointer");
    *out = NULL;
    if (!isfinite(tolerance) || tolerance < 0)
        return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "indicators: the tolerance must be a share >= 0, not %g", tolerance);
    guotu_indicators *ind = calloc(1, sizeof *ind);
    if (!ind) return gt_fail(ctx, GUOTU_ERR_NOMEM, "indicators: out of memory");
    ind->tolerance = tolerance;
    *out = ind;
    return GUOTU_OK;
}

void guotu_indicators_destroy(guotu_context *ctx, guotu_indicators *ind) {
    (void)ctx;
    if (!ind) return;
    for (size_t i = 0; i < ind->n_units; i++) {
        free(ind->units[i].code);
        free(ind->units[i].name);
    }
    free(ind->units);
    gt_string_table_free(&ind->codes);
    gt_string_table_free(&ind->unknown);
    free(ind->unknown_ha);
    free(ind);
}

static int check_open(guotu_context *ctx, const guotu_indicators *ind) {
    if (!ctx) return GUOTU_ERR_ARGUMENT;
    gt_clear_error(ctx);
    if (!ind) return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "indicators: NULL handle");
    if (ind->finished) return gt_fail(ctx, GUOTU_ERR_STATE, "indicators: already finished");
    return GUOTU_OK;
}

int guotu_indicators_add_unit(guotu_context *ctx, guotu_indicators *ind, const char *code, const char *name,
                              double area_ha) {
    int rc = check_open(ctx, ind);
    if (rc) return rc;
    if (!code || !*code || !gt_utf8_valid(code))
        return gt_fail(ctx, GUOTU_ERR_DATA, "indicators: an admin unit has an empty or non-UTF-8 code");
    if (name && !gt_utf8_valid(name))
        return gt_fail(ctx, GUOTU_ERR_DATA, "indicators: admin unit '%s' has a non-UTF-8 name", code);
    if (gt_string_table_find(&ind->codes, code) >= 0)
        return gt_fail(ctx, GUOTU_ERR_DATA, "indicators: admin unit code '%s' is given twice", code);
    if (!isfinite(area_ha) || area_ha <= 0)
        return gt_fail(ctx, GUOTU_ERR_DATA, "indicators: admin unit '%s' has no area (%g ha)", code, area_ha);
    if (gt_reserve(&ind->units, &ind->cap_units, ind->n_units + 1, sizeof *ind->units, 16))
        return gt_fail(ctx, GUOTU_ERR_NOMEM, "indicators: out of memory");
    unit_values *u = &ind->units[ind->n_units];
    memset(u, 0, sizeof *u);
    u->code = gt_strdup(code);
    u->name = gt_strdup(name ? name : "");
    if (!u->code || !u->name || gt_string_table_intern(&ind->codes, code) != (int32_t)ind->n_units) {
        free(u->code);
        free(u->name);
        return gt_fail(ctx, GUOTU_ERR_NOMEM, "indicators: out of memory");
    }
    u->area_ha = area_ha;
    ind->n_units++;
    return GUOTU_OK;
}

static int find_value_slot(guotu_context *ctx, guotu_indicators *ind, const char *code, int indicator, double value,
                           const char *what, unit_values **unit) {
    int rc = check_open(ctx, ind);
    if (rc) return rc;
    if (indicator < 0 || indicator >= GUOTU_INDICATOR_COUNT)
        return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "indicators: unknown indicator %d", indicator);
    int32_t i = code ? gt_string_table_find(&ind->codes, code) : -1;
    if (i < 0)
        return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "indicators: no admin unit with code '%s'", code ? code : "(null)");
    if (!isfinite(value) || value < 0)
        return gt_fail(ctx, GUOTU_ERR_DATA,
                       "indicators: admin unit '%s', %s (%s): the %s must be a number >= 0, not %g", code,
                       infos[indicator].key, infos[indicator].name_zh, what, value);
    *unit = &ind->units[i];
    return GUOTU_OK;
}

int guotu_indicators_set_target(guotu_context *ctx, guotu_indicators *ind, const char *code, int indicator,
                                double value) {
    unit_values *u = NULL;
    int rc = find_value_slot(ctx, ind, code, indicator, value, "target", &u);
    if (rc) return rc;
    u->target[indicator] = value;
    u->has_target[indicator] = 1;
    return GUOTU_OK;
}

int guotu_indicators_add_measured(guotu_context *ctx, guotu_indicators *ind, const char *code, int indicator,
                                  double value) {
    if (indicator == GUOTU_IND_FOREST_COVER && ctx && ind)
        return gt_fail(ctx, GUOTU_ERR_ARGUMENT,
                       "indicators: forest cover is computed from the forest land and the unit's area, not measured");
    unit_values *u = NULL;
    int rc = find_value_slot(ctx, ind, code, indicator, value, "measured value", &u);
    if (rc) return rc;
    u->measured[indicator] += value;
    u->has_measured[indicator] = 1;
    return GUOTU_OK;
}

int guotu_indicators_measured_everywhere(guotu_context *ctx, guotu_indicators *ind, int indicator) {
    int rc = check_open(ctx, ind);
    if (rc) return rc;
    if (indicator < 0 || indicator >= GUOTU_INDICATOR_COUNT || indicator == GUOTU_IND_FOREST_COVER)
        return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "indicators: indicator %d cannot be measured", indicator);
    for (size_t i = 0; i < ind->n_units; i++)
        ind->units[i].has_measured[indicator] = 1;
    return GUOTU_OK;
}

/* ---- Class groups ---- */

void guotu_class_groups_destroy(guotu_context *ctx, guotu_class_groups *g) {
    (void)ctx;
    if (!g) return;
    gt_code_table_free(&g->codes);
    free(g->group);
    free(g);
}

typedef struct groups_reader {
    guotu_class_groups *g;
    const char *label;
} groups_reader;

static int read_group(guotu_context *ctx, const gt_csv_fields f, const int *col, int line, void *user) {
    groups_reader *r = user;
    const char *code = f[col[0]], *group = f[col[1]];
    if (!code[0] || !gt_utf8_valid(code))
        return gt_fail(ctx, GUOTU_ERR_DATA, "class groups '%s', line %d: empty or non-UTF-8 code", r->label, line);
    if (gt_code_table_find_exact(&r->g->codes, code) >= 0)
        return gt_fail(ctx, GUOTU_ERR_DATA, "class groups '%s', line %d: code '%s' is listed twice", r->label, line,
                       code);
    int k = -1;
    for (int i = 0; i < N_GROUPS; i++)
        if (!strcmp(group, group_names[i])) k = i;
    if (k < 0)
        return gt_fail(ctx, GUOTU_ERR_DATA,
                       "class groups '%s', line %d: unknown group '%s' (groups: cultivated, forest, urban_rural, "
                       "other_construction, other)",
                       r->label, line, group);
    int32_t i = gt_code_table_add(&r->g->codes, code);
    if (i < 0 || gt_reserve(&r->g->group, &r->g->cap, (size_t)i + 1, sizeof *r->g->group, 64))
        return gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
    r->g->group[i] = (int8_t)k;
    return GUOTU_OK;
}

int guotu_class_groups_parse(guotu_context *ctx, const char *csv_text, size_t csv_size, const char *label,
                             guotu_class_groups **out) {
    if (!ctx) return GUOTU_ERR_ARGUMENT;
    gt_clear_error(ctx);
    if (!csv_text || !out) return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "guotu_class_groups_parse: NULL argument");
    *out = NULL;
    if (!label) label = "class groups";
    guotu_class_groups *g = calloc(1, sizeof *g);
    if (!g) return gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
    static const char *const names[] = {"code", "group"};
    groups_reader reader = {g, label};
    int status = gt_csv_rows(ctx, csv_text, csv_size, "class groups", label, names, 2, read_group, &reader);
    if (!status && !g->codes.codes.count)
        status = gt_fail(ctx, GUOTU_ERR_DATA, "class groups '%s' list no codes", label);
    if (status) {
        guotu_class_groups_destroy(ctx, g);
        return status;
    }
    *out = g;
    return GUOTU_OK;
}

int guotu_class_groups_lookup(const guotu_class_groups *g, const char *code) {
    if (!g || !code) return -1;
    int32_t i = gt_code_table_find(&g->codes, code);
    return i < 0 ? -1 : g->group[i];
}

size_t guotu_class_groups_count(const guotu_class_groups *g) { return g ? g->codes.codes.count : 0; }

int guotu_class_groups_entry(const guotu_class_groups *g, size_t i, const char **code) {
    if (code) *code = NULL;
    if (!g || i >= g->codes.codes.count) return -1;
    if (code) *code = g->codes.codes.strings[i];
    return g->group[i];
}

/* The group of a class, or -1 after adding its area to the unknown codes. */
static int group_of(guotu_context *ctx, guotu_indicators *ind, const guotu_class_groups *groups, const char *class_code,
                    double area_ha, int *status) {
    *status = GUOTU_OK;
    int k = guotu_class_groups_lookup(groups, class_code ? class_code : "");
    if (k >= 0) return k;
    size_t before = ind->unknown.count;
    int32_t i = gt_string_table_intern(&ind->unknown, class_code ? class_code : "");
    if (i < 0 || gt_reserve(&ind->unknown_ha, &ind->unknown_cap, (size_t)i + 1, sizeof *ind->unknown_ha, 16)) {
        *status = gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
        return -1;
    }
    if (ind->unknown.count > before) ind->unknown_ha[i] = 0;
    ind->unknown_ha[i] += area_ha;
    return -1;
}

static int is_construction(int group) {
    return group == GUOTU_GROUP_URBAN_RURAL || group == GUOTU_GROUP_OTHER_CONSTRUCTION;
}

int guotu_indicators_add_class_area(guotu_context *ctx, guotu_indicators *ind, const guotu_class_groups *groups,
                                    const char *code, const char *class_code, double area_ha) {
    unit_values *u = NULL;
    int rc = find_value_slot(ctx, ind, code, GUOTU_IND_CULTIVATED, area_ha, "class area", &u);
    if (rc) return rc;
    if (!groups) return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "indicators: NULL class groups");
    int k = group_of(ctx, ind, groups, class_code, area_ha, &rc);
    if (rc) return rc;
    if (k == GUOTU_GROUP_CULTIVATED) u->measured[GUOTU_IND_CULTIVATED] += area_ha;
    if (k == GUOTU_GROUP_FOREST) u->measured[GUOTU_IND_FOREST] += area_ha;
    if (is_construction(k)) u->measured[GUOTU_IND_CONSTRUCTION] += area_ha;
    if (k == GUOTU_GROUP_URBAN_RURAL) u->measured[GUOTU_IND_URBAN_RURAL] += area_ha;
    return GUOTU_OK;
}

int guotu_indicators_add_transition(guotu_context *ctx, guotu_indicators *ind, const guotu_class_groups *groups,
                                    const char *code, const char *from_code, const char *to_code, double area_ha) {
    unit_values *u = NULL;
    int rc = find_value_slot(ctx, ind, code, GUOTU_IND_NEW_ON_CULTIVATED, area_ha, "changed area", &u);
    if (rc) return rc;
    if (!groups) return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "indicators: NULL class groups");
    int from = group_of(ctx, ind, groups, from_code, area_ha, &rc);
    if (rc) return rc;
    int to = group_of(ctx, ind, groups, to_code, area_ha, &rc);
    if (rc) return rc;
    if (from == GUOTU_GROUP_CULTIVATED && is_construction(to)) u->measured[GUOTU_IND_NEW_ON_CULTIVATED] += area_ha;
    if (from == GUOTU_GROUP_FOREST && is_construction(to)) u->measured[GUOTU_IND_FOREST_TAKEN] += area_ha;
    return GUOTU_OK;
}

size_t guotu_indicators_unknown_count(const guotu_indicators *ind) { return ind ? ind->unknown.count : 0; }

int guotu_indicators_unknown(guotu_context *ctx, const guotu_indicators *ind, size_t i, const char **class_code,
                             double *area_ha) {
    if (!ctx) return GUOTU_ERR_ARGUMENT;
    gt_clear_error(ctx);
    if (!ind || i >= ind->unknown.count)
        return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "indicators: unknown class %zu out of range", i);
    if (class_code) *class_code = ind->unknown.strings[i];
    if (area_ha) *area_ha = ind->unknown_ha[i];
    return GUOTU_OK;
}

int guotu_indicators_finish(guotu_context *ctx, guotu_indicators *ind) {
    int rc = check_open(ctx, ind);
    if (rc) return rc;
    for (size_t i = 0; i < ind->n_units; i++) {
        unit_values *u = &ind->units[i];
        if (u->has_measured[GUOTU_IND_FOREST]) {
            u->measured[GUOTU_IND_FOREST_COVER] = 100.0 * u->measured[GUOTU_IND_FOREST] / u->area_ha;
            u->has_measured[GUOTU_IND_FOREST_COVER] = 1;
        }
        for (int k = 0; k < GUOTU_INDICATOR_COUNT; k++) {
            int s;
            if (!u->has_target[k])
                s = GUOTU_IND_NO_TARGET;
            else if (!u->has_measured[k])
                s = GUOTU_IND_NOT_MEASURED;
            else if (infos[k].ceiling)
                s = u->measured[k] <= u->target[k] * (1.0 + ind->tolerance) ? GUOTU_IND_PASS : GUOTU_IND_FAIL;
            else
                s = u->measured[k] >= u->target[k] * (1.0 - ind->tolerance) ? GUOTU_IND_PASS : GUOTU_IND_FAIL;
            u->status[k] = s;
            if (s == GUOTU_IND_PASS)
                u->passed++;
            else if (s == GUOTU_IND_FAIL)
                u->failed++;
            else
                u->skipped++;
        }
    }
    ind->finished = 1;
    return GUOTU_OK;
}

size_t guotu_indicators_row_count(const guotu_indicators *ind) {
    return ind && ind->finished ? ind->n_units * GUOTU_INDICATOR_COUNT : 0;
}

size_t guotu_indicators_unit_count(const guotu_indicators *ind) { return ind ? ind->n_units : 0; }

int guotu_indicators_row(guotu_context *ctx, const guotu_indicators *ind, size_t i, const char **code,
                         const char **name, int *indicator, int *status, double *target, double *measured,
                         double *difference, double *ratio) {
    if (!ctx) return GUOTU_ERR_ARGUMENT;
    gt_clear_error(ctx);
    if (!ind || i >= guotu_indicators_row_count(ind))
        return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "indicators: row %zu out of range", i);
    const unit_values *u = &ind->units[i / GUOTU_INDICATOR_COUNT];
    int k = (int)(i % GUOTU_INDICATOR_COUNT);
    double t = u->has_target[k] ? u->target[k] : NAN, m = u->has_measured[k] ? u->measured[k] : NAN;
    if (code) *code = u->code;
    if (name) *name = u->name;
    if (indicator) *indicator = k;
    if (status) *status = u->status[k];
    if (target) *target = t;
    if (measured) *measured = m;
    if (difference) *difference = m - t;
    if (ratio) *ratio = t > 0 ? m / t : NAN;
    return GUOTU_OK;
}

int guotu_indicators_unit_summary(guotu_context *ctx, const guotu_indicators *ind, size_t i, const char **code,
                                  const char **name, double *area_ha, int *passed, int *failed, int *skipped) {
    if (!ctx) return GUOTU_ERR_ARGUMENT;
    gt_clear_error(ctx);
    if (!ind || !ind->finished || i >= ind->n_units)
        return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "indicators: unit %zu out of range (or not finished)", i);
    const unit_values *u = &ind->units[i];
    if (code) *code = u->code;
    if (name) *name = u->name;
    if (area_ha) *area_ha = u->area_ha;
    if (passed) *passed = u->passed;
    if (failed) *failed = u->failed;
    if (skipped) *skipped = u->skipped;
    return GUOTU_OK;
}
