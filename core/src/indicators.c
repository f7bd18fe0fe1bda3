/* indicators.c — binding plan indicators per admin unit: target against measured (SPEC §12). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "collections.h"
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
    gt_string_table codes; /* code -> unit index (interned in unit order) */
    int finished;
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

int guotu_indicators_set_measured(guotu_context *ctx, guotu_indicators *ind, const char *code, int indicator,
                                  double value) {
    if (indicator == GUOTU_IND_FOREST_COVER && ctx && ind)
        return gt_fail(ctx, GUOTU_ERR_ARGUMENT,
                       "indicators: forest cover is computed from the forest land and the unit's area, not set");
    unit_values *u = NULL;
    int rc = find_value_slot(ctx, ind, code, indicator, value, "measured value", &u);
    if (rc) return rc;
    u->measured[indicator] = value;
    u->has_measured[indicator] = 1;
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
