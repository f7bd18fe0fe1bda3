/*
 * guotu_priorities.h — priorities between objectives (SPEC §11, co-governance paper §4.1).
 *
 * With a preference order (次序最优): a rule table gives, per zone type, its objectives in
 * order and the land-use classes each objective puts under control. Read against a zoning
 * layer (a type per zone) and land use, every piece of land of a controlled class inside a
 * zone is flagged with the objective that rules it — the highest-ranked objective of the
 * zone's type that controls the piece's class (rank 1 is the zone's own ruling objective;
 * a lower rank rules only a class the higher ones say nothing about) — with its rule and its
 * area, and summed per zone and per admin unit.
 *
 * Without an order (帕累托最优): candidate sites scored on several objectives, each to be
 * minimised or maximised, are sorted into non-dominated fronts (front 1 = the Pareto front)
 * with Deb's crowding distance inside each front; or ranked lexicographically when the user
 * gives an order. The core also computes site objectives from land use and the red line
 * (guotu_sites): area, standard-forest gain if restored to a target class, cultivated land
 * lost or gained, distance to and contact with the red line.
 */
#ifndef GUOTU_PRIORITIES_H
#define GUOTU_PRIORITIES_H

#ifndef GUOTU_H
#error "include <guotu/guotu.h>, not this file"
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* ---- Rule table ---------------------------------------------------------------------- */
typedef struct guotu_rule_table guotu_rule_table;

/* Parses a rule table from CSV text with the columns zone_type, rank (1 = highest),
 * objective, controls (land-use codes or code prefixes separated by ';' or spaces: "01;02"
 * controls 0101 … 0204; "" controls nothing) and rule (the text shown with each flagged
 * piece); other columns (a note, Chinese names) are ignored. Fails with GUOTU_ERR_DATA
 * naming the table and line on a missing column, a rank that is not a whole number >= 1,
 * or the same rank twice for one zone type. `label` names the table in messages.
 * Caller frees *out with guotu_rule_table_destroy. */
GUOTU_API int guotu_rule_table_parse(guotu_context *ctx, const char *csv_text, size_t csv_size, const char *label,
                                     guotu_rule_table **out);
GUOTU_API void guotu_rule_table_destroy(guotu_context *ctx, guotu_rule_table *t);
/* Number of rows (objectives over all zone types). */
GUOTU_API size_t guotu_rule_table_count(const guotu_rule_table *t);

/* ---- Ruling objective ----------------------------------------------------------------- */
typedef struct guotu_rule_options {
    const char *crs;               /* CRS of every geometry; borrowed during create */
    guotu_area_method area_method; /* default ellipsoidal */
    guotu_invalid_policy invalid;  /* default GUOTU_INVALID_REPAIR */
} guotu_rule_options;

GUOTU_API void guotu_rule_options_init(guotu_rule_options *opts);

typedef struct guotu_rule_run guotu_rule_run;

/* `table` is borrowed and must outlive the run. Caller frees *out with guotu_rule_run_destroy. */
GUOTU_API int guotu_rule_run_create(guotu_context *ctx, const guotu_rule_options *opts, const guotu_rule_table *table,
                                    guotu_rule_run **out);
GUOTU_API void guotu_rule_run_destroy(guotu_context *ctx, guotu_rule_run *r);

/* A zone of the zoning layer with its type (e.g. 水源涵养). All zones, and admin units if
 * any, come before the first land-use feature (GUOTU_ERR_STATE otherwise). */
GUOTU_API int guotu_rule_run_add_zone(guotu_context *ctx, guotu_rule_run *r, int64_t fid, const char *zone_type,
                                      const unsigned char *wkb, size_t wkb_size);
/* An admin unit; pieces are split by the units they lie in. Optional. */
GUOTU_API int guotu_rule_run_add_admin(guotu_context *ctx, guotu_rule_run *r, int64_t fid, const char *code,
                                       const char *name, const unsigned char *wkb, size_t wkb_size);

typedef struct guotu_rule_piece {
    int64_t landuse_fid, zone_fid, admin_fid; /* admin_fid -1 when no unit holds the piece */
    const char *zone_type, *land_class;
    const char *objective;    /* the ruling objective */
    int rank;                 /* its rank in the zone type's order (1 = the zone's ruling objective) */
    const char *rule;         /* the rule text of the table */
    const char *admin_code;   /* "" when no admin unit holds the piece */
    double area_ha;           /* area of the piece */
    double net_ha;            /* area_ha × (1 − deduction): cultivated land net of 田坎 */
    const unsigned char *wkb; /* the piece; borrowed during the callback */
    size_t wkb_size;
} guotu_rule_piece;

/* Return non-zero to stop (the call then returns GUOTU_ERR_CANCELLED). */
typedef int (*guotu_rule_piece_fn)(const guotu_rule_piece *piece, void *user_data);

/* A land-use feature with its class code and deduction coefficient (KCXS of 三调; 0 when
 * none, NaN is taken as 0; must be in [0, 1)). Every piece of it inside a zone whose type
 * controls its class goes to `fn` at once (nothing is kept but the sums). */
GUOTU_API int guotu_rule_run_add_landuse(guotu_context *ctx, guotu_rule_run *r, int64_t fid, const char *land_class,
                                         double deduction, const unsigned char *wkb, size_t wkb_size,
                                         guotu_rule_piece_fn fn, void *user_data);

typedef struct guotu_rule_summary {
    int64_t fid;           /* the zone's or admin unit's fid */
    const char *code;      /* zone type, or admin code */
    const char *name;      /* "" for zones; the admin unit's name */
    const char *objective; /* zones: the type's rank-1 objective, "" when the table has no row for the type */
    double area_ha;        /* zones and admin units: their own area */
    double controlled_ha;  /* area of the flagged pieces in it */
    double net_ha;         /* the same net of deductions */
    int64_t pieces;        /* number of flagged pieces */
} guotu_rule_summary;

/* Zones and admin units in the order added, with their sums so far (final after the last
 * land-use feature). A zone whose type has no row in the table has objective "". */
GUOTU_API size_t guotu_rule_run_zone_count(const guotu_rule_run *r);
GUOTU_API int guotu_rule_run_zone(guotu_context *ctx, const guotu_rule_run *r, size_t i, guotu_rule_summary *out);
GUOTU_API size_t guotu_rule_run_admin_count(const guotu_rule_run *r);
GUOTU_API int guotu_rule_run_admin(guotu_context *ctx, const guotu_rule_run *r, size_t i, guotu_rule_summary *out);

/* ---- Pareto and lexicographic ranking ---------------------------------------------------- */
typedef enum guotu_direction { GUOTU_MINIMISE = -1, GUOTU_MAXIMISE = 1 } guotu_direction;

/* Non-dominated sorting of `n` sites scored on `k` objectives (values row-major: site i,
 * objective j at values[i * k + j]; directions[j] is GUOTU_MINIMISE or GUOTU_MAXIMISE).
 * Site a dominates b when a is at least as good on every objective and better on one; sites
 * with equal scores on every objective do not dominate each other and share a front.
 * front[i] gets 1 for the non-dominated sites, 2 for those dominated only by front 1, and
 * so on; crowding[i] (may be NULL) Deb's crowding distance inside its front, summed over
 * objectives of (next − previous) ÷ (max − min of the front), INFINITY at the ends of an
 * objective, computed on distinct scores so that equal sites get equal values.
 * Two objectives: a sweep in O(n log n). Three: the same sweep keeping, per front, the
 * staircase of its members' last two scores (binary searches; the staircases hold at most n
 * steps in all). More: the efficient non-dominated sort with binary search over fronts
 * (O(k n log n) at best, O(k n²) at worst), memory O(n).
 * A value that is NaN or infinite fails with GUOTU_ERR_DATA naming the site (fids[i] when
 * `fids` is given, else the row) and the objective (names[j] when given). */
GUOTU_API int guotu_pareto_rank(guotu_context *ctx, const double *values, size_t n, size_t k, const int *directions,
                                const int64_t *fids, const char *const *names, int *front, double *crowding);

/* Lexicographic order: objectives order[0], order[1] … (m of them, indices into the k
 * columns) with their directions; rank[i] gets the site's place, 1 = best, equal scores on
 * the m objectives share a rank and the next rank skips (1, 2, 2, 4). Same checks. */
GUOTU_API int guotu_lexicographic_rank(guotu_context *ctx, const double *values, size_t n, size_t k,
                                       const int *directions, const int *order, size_t m, const int64_t *fids,
                                       const char *const *names, int *rank);

/* ---- Site objectives ---------------------------------------------------------------------- */
typedef struct guotu_sites_options {
    const char *crs;                        /* CRS of every geometry; borrowed during create */
    guotu_area_method area_method;          /* default ellipsoidal */
    guotu_invalid_policy invalid;           /* default GUOTU_INVALID_REPAIR */
    const guotu_coefficients *coefficients; /* standard-forest k by code; borrowed; NULL = no forest gain */
    const char *target_class;               /* the class a site is restored to (its k must be in the table) */
    const char *cultivated;                 /* cultivated codes or prefixes separated by ';' (default "01") */
} guotu_sites_options;

GUOTU_API void guotu_sites_options_init(guotu_sites_options *opts);

typedef struct guotu_sites guotu_sites;

/* Distances need metres: with red-line features the CRS must be projected in metres
 * (GUOTU_ERR_CRS otherwise, at the first red-line feature). Caller frees with guotu_sites_destroy. */
GUOTU_API int guotu_sites_create(guotu_context *ctx, const guotu_sites_options *opts, guotu_sites **out);
GUOTU_API void guotu_sites_destroy(guotu_context *ctx, guotu_sites *s);

/* Land use (class code, deduction coefficient as in guotu_rule_run_add_landuse), the red
 * line, and the candidate sites, in any order before guotu_sites_run. */
GUOTU_API int guotu_sites_add_landuse(guotu_context *ctx, guotu_sites *s, int64_t fid, const char *land_class,
                                      double deduction, const unsigned char *wkb, size_t wkb_size);
GUOTU_API int guotu_sites_add_redline(guotu_context *ctx, guotu_sites *s, int64_t fid, const unsigned char *wkb,
                                      size_t wkb_size);
GUOTU_API int guotu_sites_add_site(guotu_context *ctx, guotu_sites *s, int64_t fid, const unsigned char *wkb,
                                   size_t wkb_size);

/* Computes the objectives of every site. Once. */
GUOTU_API int guotu_sites_run(guotu_context *ctx, guotu_sites *s);

typedef struct guotu_site_scores {
    int64_t fid;
    double area_ha;              /* the site's area */
    double landuse_ha;           /* area of land use inside the site */
    double forest_gain_ha;       /* Σ area × (k_target − k_class) in standard-forest ha; NaN without coefficients */
    double cultivated_change_ha; /* target cultivated: + non-cultivated land inside; else − cultivated land
                                    inside (net of deductions) */
    double redline_distance_m;   /* shortest distance to the red line (0 touching or inside); NaN without one */
    double redline_contact_m;    /* length of the site's boundary on or inside the red line; NaN without one */
} guotu_site_scores;

/* Sites in the order added; valid after run. */
GUOTU_API size_t guotu_sites_count(const guotu_sites *s);
GUOTU_API int guotu_sites_row(guotu_context *ctx, const guotu_sites *s, size_t i, guotu_site_scores *out);

#ifdef __cplusplus
}
#endif

#endif /* GUOTU_PRIORITIES_H */
