/*
 * guotu_lines.h — named rule checks of the three control lines (三区三线, SPEC §2).
 *
 * The red line (生态保护红线), permanent basic farmland (永久基本农田) and the urban
 * development boundary (城镇开发边界) must not overlap; each line must be clean geometry;
 * and per admin unit the lines must meet the targets of the higher-level plan. Features
 * and admin units go in as WKB; every problem comes out through a callback with a stable
 * rule id, a severity, Chinese and English messages, the features involved, the geometry
 * of the problem and a fingerprint that changes when those features change (so a
 * reviewer's accepted exception can lapse when the drawing changes).
 *
 * Rules: L01 invalid geometry; L02 duplicate features in one line; L03 overlapping
 * features in one line; L04 red line ∩ farmland; L05 red line ∩ urban boundary; L06
 * farmland ∩ urban boundary; L07 sliver; L08 tiny patch; L09 narrow gap between two
 * features of one line; L10 feature crossing an admin
 * boundary; L11 urban expansion multiple over its cap; L12 farmland below target; L13 red
 * line below target; L14 farmland below the share of cultivated land.
 */
#ifndef GUOTU_LINES_H
#define GUOTU_LINES_H

#ifndef GUOTU_H
#error "include <guotu/guotu.h>, not this file"
#endif

#ifdef __cplusplus
extern "C" {
#endif

typedef enum guotu_line {
    GUOTU_LINE_REDLINE = 0,  /* ecological_redline */
    GUOTU_LINE_FARMLAND = 1, /* permanent_farmland */
    GUOTU_LINE_URBAN = 2     /* urban_boundary */
} guotu_line;

/* "ecological_redline", "permanent_farmland", "urban_boundary". Static. */
GUOTU_API const char *guotu_line_name(int line);

typedef struct guotu_lines_options {
    const char *crs;               /* CRS of every geometry; borrowed during create */
    guotu_area_method area_method; /* default ellipsoidal */
    double minor_overlap_m2;       /* overlaps below this are "minor" (reported); default 1 */
    double sliver_width_m;         /* mean width 2A/P below this is a sliver; default 1 (SPEC) */
    double min_patch_m2;           /* smaller parts are tiny patches; default 50 (SPEC) */
    double gap_min_m, gap_max_m;   /* gaps between features of one line wider than min and at
                                      most max are suspicious (L09); default 0 and 1 m */
    double expansion_cap;          /* urban boundary ÷ 2020 urban land; default 1.3 (SPEC) */
    double farmland_share;         /* farmland ÷ cultivated land at least; default 0.8 (SPEC) */
    uint32_t rules;                /* bit n set = run rule Ln (1 << 4 for L04); 0 = every rule */
} guotu_lines_options;

GUOTU_API void guotu_lines_options_init(guotu_lines_options *opts);

typedef struct guotu_lines guotu_lines;

/* Caller frees with guotu_lines_destroy. */
GUOTU_API int guotu_lines_create(guotu_context *ctx, const guotu_lines_options *opts, guotu_lines **out);
GUOTU_API void guotu_lines_destroy(guotu_context *ctx, guotu_lines *l);

/* An admin unit with the values the rules compare against; NaN where not known (its rule
 * is then skipped and its pass/fail is -1). expansion_cap NaN = the option's cap. */
typedef struct guotu_admin_values {
    double redline_target_ha, farmland_target_ha, urban_2020_ha, expansion_cap, cultivated_ha;
} guotu_admin_values;

GUOTU_API int guotu_lines_add_admin(guotu_context *ctx, guotu_lines *l, const char *code, const char *name,
                                    const guotu_admin_values *values, int64_t fid, const unsigned char *wkb,
                                    size_t wkb_size);

/* A feature of a line. Invalid geometry is reported (L01) and checked repaired. */
GUOTU_API int guotu_lines_add(guotu_context *ctx, guotu_lines *l, guotu_line line, int64_t fid,
                              const unsigned char *wkb, size_t wkb_size);

typedef struct guotu_line_issue {
    const char *rule_id;  /* "L04" */
    const char *severity; /* "error", "warning" or "minor" */
    int line_a;           /* guotu_line, or -1 for admin-unit rules */
    int64_t fid_a;
    int line_b; /* -1 when one feature is involved */
    int64_t fid_b;
    const char *admin_code; /* "" when not tied to one unit */
    double value;           /* area in ha, width in m or a ratio, by rule */
    const char *message_zh, *message_en;
    const char *suggestion_zh, *suggestion_en; /* "" when none */
    const char *fingerprint;                   /* 16 hex digits */
    const unsigned char *wkb;                  /* the problem: overlap, sliver, point...; borrowed */
    size_t wkb_size;
} guotu_line_issue;

/* Return non-zero to stop (GUOTU_ERR_CANCELLED). */
typedef int (*guotu_issue_fn)(const guotu_line_issue *issue, void *user_data);

/* Runs every rule, calling `fn` for each issue, then computes the statistics. Once. */
GUOTU_API int guotu_lines_run(guotu_context *ctx, guotu_lines *l, guotu_issue_fn fn, void *user_data);

typedef struct guotu_line_stats {
    const char *admin_code, *admin_name;
    double redline_ha, farmland_ha, urban_ha; /* area of each line inside the unit */
    guotu_admin_values values;
    double expansion;                                    /* urban_ha ÷ urban_2020_ha, NaN when unknown */
    double farmland_share;                               /* farmland_ha ÷ cultivated_ha, NaN when unknown */
    int redline_ok, farmland_ok, expansion_ok, share_ok; /* 1 pass, 0 fail, -1 not checked */
} guotu_line_stats;

/* Admin units in the order added; valid after run. */
GUOTU_API size_t guotu_lines_stats_count(const guotu_lines *l);
GUOTU_API int guotu_lines_stats_row(guotu_context *ctx, const guotu_lines *l, size_t i, guotu_line_stats *out);

#ifdef __cplusplus
}
#endif

#endif /* GUOTU_LINES_H */
