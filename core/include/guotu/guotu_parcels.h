/*
 * guotu_parcels.h — rectification parcel check for comprehensive land consolidation
 * (全域土地综合整治, SPEC §5).
 *
 * Every rectification parcel (整治地块) has a project type, a current and a planned land-use
 * code. The check lays the parcels over the three control lines (and river beaches, villages
 * and consolidation units when given) and gives each parcel a verdict — pass (通过), pass
 * with conditions (有条件通过) or fail (不通过) — with every reason, its rule id, area and
 * share. Per consolidation unit (or project) it checks the new cultivated land, the farmland
 * balance and the standard-forest ecological land; per village it sums the parcels.
 *
 * Parcel rules (a reason's severity is "fail", "condition" or "info"; info never changes
 * the verdict):
 *   P01 invalid geometry (fail; checked as repaired)
 *   P02 unknown project type (fail)
 *   P03 current or planned code not in its classification (fail: the conversion cannot be judged)
 *   P10 inside the ecological red line (fail; info for ecological restoration)
 *   P11 planned construction inside permanent farmland (fail)
 *   P12 conversion prohibited by the policy table (fail)
 *   P13 conversion is a policy gap: needs special approval (condition)
 *   P14 conversion is conditional (condition)
 *   P15 conversion has a legal path (info: the procedure)
 *   P16 new cultivated land (reclamation) on a river beach (fail)
 *   P17 new construction (planned construction on land not built now) outside the urban
 *       development boundary (condition)
 *   P18 overlaps another parcel: double counting (fail)
 * Unit rules (per consolidation unit, or per project when no units are given):
 *   U01 net new cultivated land ≥ new_cultivated_min × original cultivated land
 *   U02 new cultivated land outside farmland ≥ farmland_gain_min × farmland adjusted out
 *   U03 standard-forest ecological land does not decrease
 * Overlaps smaller than the tolerance (m²) are slivers of digitising and are ignored.
 */
#ifndef GUOTU_PARCELS_H
#define GUOTU_PARCELS_H

#ifndef GUOTU_H
#error "include <guotu/guotu.h>, not this file"
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* ---- Project types ------------------------------------------------------ */
typedef enum guotu_project_kind {
    GUOTU_PROJECT_FARMLAND_CONSOLIDATION = 0,   /* 农用地整理 */
    GUOTU_PROJECT_CONSTRUCTION_RECLAMATION = 1, /* 建设用地整理 / 拆旧复垦 */
    GUOTU_PROJECT_ECOLOGICAL_RESTORATION = 2,   /* 生态保护修复 */
    GUOTU_PROJECT_HIGH_STANDARD_FARMLAND = 3    /* 高标准农田 */
} guotu_project_kind;

/* "farmland_consolidation", "construction_reclamation", "ecological_restoration",
 * "high_standard_farmland"; "" out of range. Static. */
GUOTU_API const char *guotu_project_kind_name(int kind);

typedef struct guotu_project_types guotu_project_types;

/* Parses CSV text with columns `value` (what the type field holds, e.g. 拆旧复垦) and
 * `kind` (one of the four kind names); other columns are ignored. GUOTU_ERR_DATA naming
 * the line for an unknown kind, an empty or duplicate value, a missing column.
 * Caller frees with guotu_project_types_destroy. */
GUOTU_API int guotu_project_types_parse(guotu_context *ctx, const char *csv_text, size_t csv_size, const char *label,
                                        guotu_project_types **out);
GUOTU_API void guotu_project_types_destroy(guotu_context *ctx, guotu_project_types *t);
/* Kind of a type value (surrounding spaces ignored); -1 when the table does not list it. */
GUOTU_API int guotu_project_types_lookup(const guotu_project_types *t, const char *value);

/* ---- The check ---------------------------------------------------------- */
typedef struct guotu_parcels_options {
    const char *crs;               /* CRS of every geometry; borrowed during create */
    guotu_area_method area_method; /* default ellipsoidal */
    double tolerance_m2;           /* overlaps below this are ignored; default 1 */
    double new_cultivated_min;     /* U01 share; default 0.05 (SPEC §5) */
    double farmland_gain_min;      /* U02 ratio; default 1.05 (SPEC §5) */
    const char *river_beach_codes; /* comma-separated current codes that are river beaches
                                      (e.g. "1106"); NULL or "" for none; borrowed during create */
    const char *parcels_label;     /* layer name for messages; default "parcels" */
} guotu_parcels_options;

GUOTU_API void guotu_parcels_options_init(guotu_parcels_options *opts);

typedef struct guotu_parcels guotu_parcels;

/* Creates a check. The type table, category maps and policy are borrowed and must outlive
 * it; the standard-forest coefficient tables (either may be NULL: U03 is then not checked)
 * likewise. Caller frees with guotu_parcels_destroy. */
GUOTU_API int guotu_parcels_create(guotu_context *ctx, const guotu_parcels_options *opts,
                                   const guotu_project_types *types, const guotu_category_map *current_map,
                                   const guotu_category_map *planned_map, const guotu_policy *policy,
                                   const guotu_coefficients *current_k, const guotu_coefficients *planned_k,
                                   guotu_parcels **out);
GUOTU_API void guotu_parcels_destroy(guotu_context *ctx, guotu_parcels *p);

/* Context layers, before run: a feature of one of the three lines; a river-beach polygon;
 * a village (id unique, non-empty); a consolidation unit (id unique, non-empty; original
 * cultivated land in ha, NaN = the parcels' current cultivated land). Invalid geometry of
 * these layers is repaired. */
GUOTU_API int guotu_parcels_add_line(guotu_context *ctx, guotu_parcels *p, guotu_line line, int64_t fid,
                                     const unsigned char *wkb, size_t wkb_size);
GUOTU_API int guotu_parcels_add_river_beach(guotu_context *ctx, guotu_parcels *p, int64_t fid, const unsigned char *wkb,
                                            size_t wkb_size);
GUOTU_API int guotu_parcels_add_village(guotu_context *ctx, guotu_parcels *p, const char *id, const char *name,
                                        int64_t fid, const unsigned char *wkb, size_t wkb_size);
GUOTU_API int guotu_parcels_add_unit(guotu_context *ctx, guotu_parcels *p, const char *id, const char *name,
                                     double original_cultivated_ha, int64_t fid, const unsigned char *wkb,
                                     size_t wkb_size);

/* A rectification parcel. Strings are copied. parcel_id must be unique and non-empty
 * (GUOTU_ERR_DATA otherwise); project_id groups parcels when no units are given ("" = one
 * project "*"). An unknown type or code, or invalid geometry, becomes a fail reason. */
typedef struct guotu_parcel_input {
    const char *parcel_id;
    const char *type;
    const char *project_id;
    const char *current_code, *planned_code;
    int64_t fid;
} guotu_parcel_input;
GUOTU_API int guotu_parcels_add(guotu_context *ctx, guotu_parcels *p, const guotu_parcel_input *parcel,
                                const unsigned char *wkb, size_t wkb_size);

/* One reason behind a verdict. Strings and wkb (the area at fault: the part inside the
 * red line, the overlap...; NULL for reasons about the whole record) are borrowed for the
 * call. Return non-zero to stop (GUOTU_ERR_CANCELLED). */
typedef struct guotu_parcel_reason {
    const char *parcel_id;
    int64_t fid;
    const char *rule_id;         /* "P10" */
    const char *severity;        /* "fail", "condition", "info" */
    double area_ha;              /* area at fault; the whole parcel for code and conversion rules */
    double share;                /* area_ha ÷ parcel area */
    const char *other_parcel_id; /* P18: the other parcel; "" otherwise */
    const char *message_zh, *message_en;
    const unsigned char *wkb;
    size_t wkb_size;
} guotu_parcel_reason;
typedef int (*guotu_parcel_reason_fn)(const guotu_parcel_reason *reason, void *user_data);

/* Runs every rule, calling `fn` (may be NULL) for each reason, then the unit and village
 * sums. Once; nothing may be added afterwards. The results below are readable only after a
 * run that returned GUOTU_OK (after a failed or cancelled run they are GUOTU_ERR_STATE). */
GUOTU_API int guotu_parcels_run(guotu_context *ctx, guotu_parcels *p, guotu_parcel_reason_fn fn, void *user_data);

typedef enum guotu_verdict {
    GUOTU_VERDICT_PASS = 0,
    GUOTU_VERDICT_CONDITIONAL = 1,
    GUOTU_VERDICT_FAIL = 2
} guotu_verdict;
/* "pass" / "conditional" / "fail" and "通过" / "有条件通过" / "不通过". Static. */
GUOTU_API const char *guotu_verdict_name(int verdict);
GUOTU_API const char *guotu_verdict_name_zh(int verdict);

/* A parcel's result; strings borrowed until the check is destroyed. */
typedef struct guotu_parcel_result {
    const char *parcel_id, *type, *kind; /* kind "" when the type is unknown */
    const char *project_id;              /* the unit it lies in (most area) or its project */
    const char *village_id;              /* "" outside every village */
    const char *current_code, *planned_code;
    const char *current_category, *planned_category; /* "" when unknown */
    const char *status;                              /* policy status, "unknown" when a category is */
    const char *paths_zh, *paths_en;
    int64_t fid;
    double area_ha;
    double redline_ha, farmland_ha, outside_urban_ha; /* outside_urban: planned construction only */
    double dm_ha;                        /* standard-forest change area × (k_planned − k_current); NaN without k */
    int verdict;                         /* guotu_verdict */
    const char *rule_ids;                /* "P10,P13", in rule order; "" for a plain pass */
    const char *reasons_zh, *reasons_en; /* every reason, "；" / "; " separated */
} guotu_parcel_result;
GUOTU_API size_t guotu_parcels_count(const guotu_parcels *p);
/* Parcels in the order added; valid after run. */
GUOTU_API int guotu_parcels_result(guotu_context *ctx, const guotu_parcels *p, size_t i, guotu_parcel_result *out);

/* A consolidation unit's (or project's) checks; 1 pass, 0 fail, -1 not checked. */
typedef struct guotu_unit_result {
    const char *project_id, *name;
    int64_t parcels;
    double area_ha;
    double original_cultivated_ha; /* given, or the parcels' current cultivated land */
    double new_cultivated_ha, lost_cultivated_ha;
    double new_cultivated_ratio; /* (new − lost) ÷ original; NaN when original is 0 */
    int new_cultivated_ok;       /* U01 */
    double farmland_out_ha;      /* permanent farmland planned for another use */
    double farmland_added_ha;    /* new cultivated land outside permanent farmland */
    double farmland_ratio;       /* added ÷ out; NaN when nothing goes out */
    int farmland_ok;             /* U02; -1 when no farmland goes out */
    double dm_ha;                /* standard-forest change; NaN without k or with a code k lacks */
    int ecology_ok;              /* U03 */
    int64_t pass_count, conditional_count, fail_count;
    int verdict; /* fail when a check fails, else pass */
    const char *reasons_zh, *reasons_en;
} guotu_unit_result;
GUOTU_API size_t guotu_parcels_unit_count(const guotu_parcels *p);
/* Units in the order added (then projects in order of first parcel, and "" for parcels in
 * no unit); valid after run. */
GUOTU_API int guotu_parcels_unit(guotu_context *ctx, const guotu_parcels *p, size_t i, guotu_unit_result *out);

typedef struct guotu_village_result {
    const char *village_id, *name; /* "" for parcels in no village */
    int64_t parcels, pass_count, conditional_count, fail_count;
    double area_ha, new_cultivated_ha, lost_cultivated_ha, dm_ha;
} guotu_village_result;
GUOTU_API size_t guotu_parcels_village_count(const guotu_parcels *p);
/* Villages in the order added, then "" when some parcel lies in none; valid after run. */
GUOTU_API int guotu_parcels_village(guotu_context *ctx, const guotu_parcels *p, size_t i, guotu_village_result *out);

#ifdef __cplusplus
}
#endif

#endif /* GUOTU_PARCELS_H */
