/*
 * guotu_indicators.h — binding plan indicators (约束性指标) per admin unit: the measured value
 * of each indicator against the target the higher-level plan hands down (SPEC §12).
 *
 * The comparison only: the caller measures (areas by class group from a tally, permanent
 * farmland inside each unit, the change between two survey years from a conversion) and
 * reads the targets; the core states the rule, compares and says why an indicator was not
 * compared. Life cycle (each step returns a guotu_status):
 *   guotu_indicators_create(ctx, tolerance, &ind);
 *   guotu_indicators_add_unit(...)                for every admin unit, in output order
 *   guotu_indicators_set_target / _add_measured   any subset, any order (or the class-area
 *   and transition helpers below, with the class groups of a preset)
 *   guotu_indicators_finish(ctx, ind);
 *   guotu_indicators_row_count / guotu_indicators_row / guotu_indicators_unit_summary
 *   guotu_indicators_destroy(ctx, ind);
 * Areas are hectares; forest cover is a percentage of the unit's area.
 */
#ifndef GUOTU_INDICATORS_H
#define GUOTU_INDICATORS_H

#ifndef GUOTU_H
#error "include <guotu/guotu.h>, not this file"
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* The indicators, in the order of the output table. */
typedef enum guotu_indicator {
    GUOTU_IND_CULTIVATED = 0,        /* 耕地保有量 (ha, floor): cultivated land, net of 田坎 */
    GUOTU_IND_FARMLAND = 1,          /* 永久基本农田保护任务 (ha, floor): permanent farmland in the unit */
    GUOTU_IND_CONSTRUCTION = 2,      /* 建设用地总规模 (ha, ceiling) */
    GUOTU_IND_URBAN_RURAL = 3,       /* 城乡建设用地规模 (ha, ceiling) */
    GUOTU_IND_NEW_ON_CULTIVATED = 4, /* 新增建设占用耕地规模 (ha, ceiling): cultivated → construction */
    GUOTU_IND_FOREST_COVER = 5,      /* 森林覆盖率 (%, floor): forest land ÷ unit area */
    GUOTU_IND_FOREST = 6,            /* 林地保有量 (ha, floor) */
    GUOTU_IND_FOREST_TAKEN = 7,      /* 占用征收林地 (ha, ceiling): forest → construction */
    GUOTU_INDICATOR_COUNT = 8
} guotu_indicator;

/* Outcome of one (unit, indicator). */
typedef enum guotu_indicator_status {
    GUOTU_IND_PASS = 0,
    GUOTU_IND_FAIL = 1,
    GUOTU_IND_NO_TARGET = 2,   /* skipped: the unit has no target for it (never a pass) */
    GUOTU_IND_NOT_MEASURED = 3 /* skipped: a target but no measured value (an input is missing) */
} guotu_indicator_status;

/* Static descriptions of an indicator (NULL for an index out of range): its key
 * ("cultivated_land" …, the names of the CLI options and fields), its Chinese name, its
 * unit ("ha" or "%") and its rule (">=" for a floor, "<=" for a ceiling). Borrowed. */
GUOTU_API const char *guotu_indicator_key(int indicator);
GUOTU_API const char *guotu_indicator_name_zh(int indicator);
GUOTU_API const char *guotu_indicator_unit(int indicator);
GUOTU_API const char *guotu_indicator_rule(int indicator);
/* The indicator whose key is `key`, or -1. */
GUOTU_API int guotu_indicator_from_key(const char *key);
/* "pass", "fail", "no_target", "not_measured"; NULL out of range. Borrowed. */
GUOTU_API const char *guotu_indicator_status_name(int status);

typedef struct guotu_indicators guotu_indicators;

/* Creates an empty comparison. `tolerance` (>= 0, a share of the target; 0 compares
 * exactly): a floor passes when measured >= target × (1 − tolerance), a ceiling when
 * measured <= target × (1 + tolerance). GUOTU_ERR_ARGUMENT for a negative or non-finite
 * tolerance. On success *out is set; caller frees with guotu_indicators_destroy. */
GUOTU_API int guotu_indicators_create(guotu_context *ctx, double tolerance, guotu_indicators **out);

/* Frees the comparison and everything it returned. NULL is ignored. */
GUOTU_API void guotu_indicators_destroy(guotu_context *ctx, guotu_indicators *ind);

/* Adds an admin unit: its code (UTF-8, non-empty, unique), name (may be NULL or "") and
 * area in ha (> 0, ellipsoidal: forest cover is forest land ÷ this area). Strings are
 * copied. GUOTU_ERR_DATA for an empty or duplicate code or an area that is not > 0. */
GUOTU_API int guotu_indicators_add_unit(guotu_context *ctx, guotu_indicators *ind, const char *code, const char *name,
                                        double area_ha);

/* The target of an indicator in a unit (ha; % for forest cover), finite and >= 0
 * (GUOTU_ERR_DATA otherwise, naming unit and indicator). GUOTU_ERR_ARGUMENT for an
 * unknown unit code or indicator. A unit without a target for an indicator skips it. */
GUOTU_API int guotu_indicators_set_target(guotu_context *ctx, guotu_indicators *ind, const char *code, int indicator,
                                          double value);

/* Adds `value` (ha, finite and >= 0) to the measured value of an indicator in a unit and
 * marks it measured there. Forest cover is not measured: it is computed from the forest
 * land (GUOTU_IND_FOREST) and the unit's area; adding to it is GUOTU_ERR_ARGUMENT. An
 * indicator never measured in a unit (e.g. no second survey year) is "not_measured". */
GUOTU_API int guotu_indicators_add_measured(guotu_context *ctx, guotu_indicators *ind, const char *code, int indicator,
                                            double value);

/* Marks an indicator measured in every unit (0 ha where nothing was added): call it when the
 * input that measures it was read in full (a unit without cultivated land has 0 ha of it). */
GUOTU_API int guotu_indicators_measured_everywhere(guotu_context *ctx, guotu_indicators *ind, int indicator);

/* ---- Class groups: which land-use classes measure which indicator ---------------------- */
/* Groups of a class: "cultivated" (耕地), "forest" (林地), "urban_rural" (城乡建设用地, also
 * 建设用地), "other_construction" (建设用地 outside 城乡: regional infrastructure, mining,
 * special use) and "other". */
typedef enum guotu_class_group {
    GUOTU_GROUP_CULTIVATED = 0,
    GUOTU_GROUP_FOREST = 1,
    GUOTU_GROUP_URBAN_RURAL = 2,
    GUOTU_GROUP_OTHER_CONSTRUCTION = 3,
    GUOTU_GROUP_OTHER = 4
} guotu_class_group;

typedef struct guotu_class_groups guotu_class_groups;

/* Parses CSV text with columns `code` and `group` (others ignored; the preset is
 * resources/presets/indicators/SANDIAO_WORK.csv). GUOTU_ERR_DATA naming `label` and the line
 * for an empty or repeated code or an unknown group. Caller frees with
 * guotu_class_groups_destroy. */
GUOTU_API int guotu_class_groups_parse(guotu_context *ctx, const char *csv_text, size_t csv_size, const char *label,
                                       guotu_class_groups **out);
GUOTU_API void guotu_class_groups_destroy(guotu_context *ctx, guotu_class_groups *g);
/* The group of a code (exact, else by integer value: "301" finds "0301"), or -1. */
GUOTU_API int guotu_class_groups_lookup(const guotu_class_groups *g, const char *code);
/* The codes listed, in the table's order: the number, and code i (borrowed from the table)
 * with its group as the return value (-1 when i is out of range, *code then NULL). */
GUOTU_API size_t guotu_class_groups_count(const guotu_class_groups *g);
GUOTU_API int guotu_class_groups_entry(const guotu_class_groups *g, size_t i, const char **code);

/* Land use of one class in a unit (ha, net of 田坎 for cultivated classes — a tally with the
 * deduction gives that): cultivated land, forest land, construction land and urban-rural
 * construction land by the class's group. A code no group lists is kept apart (see
 * guotu_indicators_unknown) rather than dropped. `groups` is borrowed for the call. */
GUOTU_API int guotu_indicators_add_class_area(guotu_context *ctx, guotu_indicators *ind,
                                              const guotu_class_groups *groups, const char *code,
                                              const char *class_code, double area_ha);

/* Change between two survey years in a unit: `area_ha` went from class `from_code` to
 * `to_code`. Cultivated → construction (either construction group) adds to new construction
 * on cultivated land; forest → construction to forest land taken. Codes no group lists are
 * kept apart as in guotu_indicators_add_class_area. */
GUOTU_API int guotu_indicators_add_transition(guotu_context *ctx, guotu_indicators *ind,
                                              const guotu_class_groups *groups, const char *code, const char *from_code,
                                              const char *to_code, double area_ha);

/* Class codes met that no group lists, with their area summed (ha), in the order met.
 * Borrowed strings. GUOTU_ERR_ARGUMENT out of range. */
GUOTU_API size_t guotu_indicators_unknown_count(const guotu_indicators *ind);
GUOTU_API int guotu_indicators_unknown(guotu_context *ctx, const guotu_indicators *ind, size_t i,
                                       const char **class_code, double *area_ha);

/* Compares every (unit, indicator). No calls but the readers after it. */
GUOTU_API int guotu_indicators_finish(guotu_context *ctx, guotu_indicators *ind);

/* Rows after finish: units × GUOTU_INDICATOR_COUNT (unit by unit, indicators in enum
 * order); 0 before. */
GUOTU_API size_t guotu_indicators_row_count(const guotu_indicators *ind);

/* Row i: the unit's code and name (borrowed from the comparison), the indicator, its status,
 * and, where they exist, target, measured, difference (measured − target) and ratio
 * (measured ÷ target); a value that does not exist is NaN (no target; not measured; the
 * ratio of a zero target). Any out pointer may be NULL. GUOTU_ERR_ARGUMENT out of range. */
GUOTU_API int guotu_indicators_row(guotu_context *ctx, const guotu_indicators *ind, size_t i, const char **code,
                                   const char **name, int *indicator, int *status, double *target, double *measured,
                                   double *difference, double *ratio);

/* Number of units added. */
GUOTU_API size_t guotu_indicators_unit_count(const guotu_indicators *ind);

/* Unit i after finish: code, name (borrowed), area in ha and how many indicators passed,
 * failed and were skipped (no target or not measured). Any out pointer may be NULL. */
GUOTU_API int guotu_indicators_unit_summary(guotu_context *ctx, const guotu_indicators *ind, size_t i,
                                            const char **code, const char **name, double *area_ha, int *passed,
                                            int *failed, int *skipped);

#ifdef __cplusplus
}
#endif

#endif /* GUOTU_INDICATORS_H */
