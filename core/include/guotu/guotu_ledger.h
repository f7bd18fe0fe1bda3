/*
 * guotu_ledger.h — the unit ledger (资源、权益"双挂钩", SPEC §9 and §7): per planning or
 * consolidation unit, the balance sheet between the current and the planned land use (or two
 * survey years), and the reclamation certificates (复垦券) of the reclaimed parcels.
 *
 * Every parcel has a current and a planned land-use code (classified into the ten conversion
 * categories by two category maps), optionally the 田坎 deduction coefficient (KCXS) and the
 * cultivated-land grade (GDDB, 1 best … 15) of each side, and whether it lies in permanent
 * farmland now and after the adjustment plan. Per unit the ledger gives:
 *   L1 cultivated land quantity (net of 田坎, SPEC §8): opening, lost by the planned category
 *      it goes to, gained by the current category it comes from (construction = reclamation),
 *      the change of the 田坎 deduction on land that stays cultivated, closing; closing ≥ opening.
 *   L2 cultivated land quality: area by grade and area-weighted mean grade, opening and
 *      closing; closing mean ≤ opening mean + grade_tolerance (a lower grade number is better).
 *      Not checked (-1) while some cultivated land has no grade.
 *   L3 permanent farmland adjusted in ≥ farmland_gain_min × adjusted out (rule of the 2019
 *      consolidation pilot notice, default 1.05), and the mean grade of what comes in not worse
 *      than of what goes out.
 *   L4 construction land: reclaimed (拆旧: construction now, not planned) and newly built (建新);
 *      closing ≤ opening.
 *   L5 the linkage (增减挂钩): reclaimed ≥ linkage_min × newly built (default 1), and no
 *      reclaimed parcel on a river beach (a river-beach polygon, or a current code listed as
 *      river beach: the parcel check's P16); those parcels are listed.
 *   L6 standard forest (SPEC §3, Σ area × k): closing ≥ opening. Not checked without the
 *      coefficient tables or when a code is not in them.
 *   L7 ecological red line: no parcel whose code changes lies inside (more than tolerance_m2)
 *      unless it belongs to an ecological restoration project. Not checked without red-line
 *      polygons.
 * The unit's verdict is the conjunction: fail when a rule fails, pass when every rule passes,
 * undetermined (-1) when none fails but some could not be checked.
 *
 * Reclamation certificates: each reclaimed parcel whose planned category is cultivated, garden,
 * forest or grassland gets a certificate numbered "<project>-<n>" (n from 1 in the order the
 * parcels were given; project "*" when none), with the area reclaimed to each of the four
 * (cultivated net of the planned 田坎) and its standard-forest ha; a parcel on a river beach is
 * not issuable. Per project the certificates are summed.
 */
#ifndef GUOTU_LEDGER_H
#define GUOTU_LEDGER_H

#ifndef GUOTU_H
#error "include <guotu/guotu.h>, not this file"
#endif

#ifdef __cplusplus
extern "C" {
#endif

enum { GUOTU_LEDGER_CATEGORIES = 10, GUOTU_LEDGER_GRADES = 16 };

typedef struct guotu_ledger_options {
    const char *crs;               /* CRS of every geometry; borrowed during create */
    guotu_area_method area_method; /* default ellipsoidal */
    double tolerance_m2;           /* red-line and river-beach overlaps below this are ignored; default 1 */
    double farmland_gain_min;      /* L3: in ≥ this × out; default 1.05 */
    double linkage_min;            /* L5: reclaimed ≥ this × newly built; default 1 */
    double grade_tolerance;        /* L2/L3: mean grade may rise by this much; default 0 */
    const char *river_beach_codes; /* comma-separated current codes of river beaches; NULL or "" for none;
                                      borrowed during create */
    const char *parcels_label;     /* layer name for messages; default "parcels" */
    /* Comma-separated codes of cultivated land (耕地) on each side, e.g. "0101,0102,0103": the
     * conversion category "cultivated" also holds 设施农用地 and 田坎, which are not cultivated
     * land in a ledger. NULL or "" = every code of category cultivated. Borrowed during create. */
    const char *current_cultivated_codes, *planned_cultivated_codes;
} guotu_ledger_options;

GUOTU_API void guotu_ledger_options_init(guotu_ledger_options *opts);

typedef struct guotu_ledger guotu_ledger;

/* Creates a ledger. The category maps are borrowed and must outlive it; so are the
 * standard-forest coefficient tables and the project-type table (each may be NULL: without
 * coefficients L6 is not checked; without types no parcel counts as ecological restoration).
 * Caller frees with guotu_ledger_destroy. */
GUOTU_API int guotu_ledger_create(guotu_context *ctx, const guotu_ledger_options *opts,
                                  const guotu_category_map *current_map, const guotu_category_map *planned_map,
                                  const guotu_coefficients *current_k, const guotu_coefficients *planned_k,
                                  const guotu_project_types *types, guotu_ledger **out);
GUOTU_API void guotu_ledger_destroy(guotu_context *ctx, guotu_ledger *l);

/* A unit polygon (id unique and non-empty): parcels without a unit id go to the unit they
 * overlap most. A red-line polygon; a river-beach polygon. Invalid geometry is repaired.
 * These context layers come before the parcels (GUOTU_ERR_STATE after the first parcel):
 * a parcel keeps its geometry only for the overlays it will need. */
GUOTU_API int guotu_ledger_add_unit(guotu_context *ctx, guotu_ledger *l, const char *id, const char *name, int64_t fid,
                                    const unsigned char *wkb, size_t wkb_size);
GUOTU_API int guotu_ledger_add_redline(guotu_context *ctx, guotu_ledger *l, int64_t fid, const unsigned char *wkb,
                                       size_t wkb_size);
GUOTU_API int guotu_ledger_add_river_beach(guotu_context *ctx, guotu_ledger *l, int64_t fid, const unsigned char *wkb,
                                           size_t wkb_size);

/* A parcel. Strings are copied. parcel_id unique and non-empty; unit_id "" = by the unit
 * polygons (the unit "" when it lies in none). Codes must be in their category maps
 * (GUOTU_ERR_DATA naming parcel and code otherwise). area_m2: the official area (TBMJ), NaN
 * or ≤ 0 = the computed one. kcxs: the 田坎 coefficient in [0, 1), NaN = none (0);
 * planned_kcxs NaN = the current one. grade: 1–15, NaN or 0 = none; planned_grade NaN or 0 =
 * the current one on land that stays cultivated, none on new cultivated land. farmland flags
 * 0/1: in permanent farmland now / after the adjustment plan. */
typedef struct guotu_ledger_parcel {
    const char *parcel_id, *unit_id, *project_id, *project_type;
    const char *current_code, *planned_code;
    double area_m2;
    double current_kcxs, planned_kcxs;
    double current_grade, planned_grade;
    int current_farmland, planned_farmland;
    int64_t fid;
} guotu_ledger_parcel;
GUOTU_API int guotu_ledger_add_parcel(guotu_context *ctx, guotu_ledger *l, const guotu_ledger_parcel *parcel,
                                      const unsigned char *wkb, size_t wkb_size);

/* ---- Two survey years as separate layers ----------------------------------------
 * Instead of parcels carrying both years' codes, the current land use (e.g. the base survey's
 * DLTB) and the planned or later land use (a plan's parcels, or the next survey) as two
 * polygon layers: every current polygon with guotu_ledger_add_current, then every planned
 * polygon with guotu_ledger_add_planned, which overlays it with the current polygons by the
 * conversion's overlay (guotu_convert.h) and adds each piece (current ∩ planned) as a parcel
 * carrying both sides. Units, red line and river beaches come first as always; the two
 * kinds of input do not mix with guotu_ledger_add_parcel.
 *
 * add_current reads parcel_id (non-empty), unit_id, project_id, project_type, current_code,
 * current_kcxs, current_grade, current_farmland and fid; add_planned reads parcel_id,
 * unit_id, project_id, project_type, planned_code, planned_kcxs, planned_grade,
 * planned_farmland and fid (other fields are ignored). A piece is the parcel
 * "<current id>/<planned id>" with the computed area of the piece (an official area
 * belongs to a whole polygon, not to a piece), the unit, project and project type of the
 * planned polygon (the current one's where the planned one has none), the current side's
 * code, 田坎 coefficient, grade and farmland flag and the planned side's, and the planned
 * polygon's fid. Pieces are added in the order of the planned polygons.
 *
 * A piece smaller than tolerance_m2 is not a parcel: the overlay of boundaries that both years
 * share but with vertices a hair apart leaves slivers (1e-20 m² … ), which would otherwise
 * become certificates and red-line findings; their number and area are told by
 * guotu_ledger_slivers and count for the coverage below.
 *
 * guotu_ledger_run then refuses (GUOTU_ERR_DATA) when the two layers do not cover the same
 * land: when the part of some polygon of either layer that no polygon of the other covers
 * exceeds tolerance_m2, naming how many polygons, their area and the first one.
 *
 * Ownership: the parcel and its strings and the WKB are borrowed for the call (what is kept
 * is copied); the overlay and the pieces belong to the ledger until guotu_ledger_destroy. */
GUOTU_API int guotu_ledger_add_current(guotu_context *ctx, guotu_ledger *l, const guotu_ledger_parcel *parcel,
                                       const unsigned char *wkb, size_t wkb_size);
GUOTU_API int guotu_ledger_add_planned(guotu_context *ctx, guotu_ledger *l, const guotu_ledger_parcel *parcel,
                                       const unsigned char *wkb, size_t wkb_size);
/* Two survey years: the pieces left out as slivers (count, m²); returns 1, or 0 (and zeros)
 * for a ledger of parcels carrying both land uses. */
GUOTU_API int guotu_ledger_slivers(const guotu_ledger *l, int64_t *count, double *area_m2);
/* Receives every piece as it is added (the parcel as guotu_ledger_add_parcel gets it; all
 * borrowed for the call), e.g. to keep the geometries of reclaimed pieces for the
 * certificates. Return non-zero to stop (GUOTU_ERR_CANCELLED). NULL for none. */
typedef int (*guotu_ledger_piece_fn)(const guotu_ledger_parcel *piece, const unsigned char *wkb, size_t wkb_size,
                                     void *user_data);
/* fn and user_data are borrowed: they must stay valid while polygons are added. */
GUOTU_API void guotu_ledger_set_piece_callback(guotu_ledger *l, guotu_ledger_piece_fn fn, void *user_data);

/* Assigns the parcels, overlays them and sums the units. Once; nothing may be added
 * afterwards. Results are readable after a run that returned GUOTU_OK. */
GUOTU_API int guotu_ledger_run(guotu_context *ctx, guotu_ledger *l);

/* A unit's balance sheet; strings borrowed until the ledger is destroyed. Areas in ha.
 * Rule results: 1 pass, 0 fail, -1 not checked. Arrays by category index (0 cultivated,
 * 1 garden, 2 forest, 3 grassland, 4 farm water works, 5 aquaculture water, 6 river/lake
 * water, 7 other unused, 8 sea, 9 construction) and by grade (0 = no grade). */
typedef struct guotu_ledger_unit {
    const char *unit_id, *name;
    int64_t parcels;
    double area_ha;
    double cultivated_opening_ha, cultivated_closing_ha;
    double cultivated_lost_ha[GUOTU_LEDGER_CATEGORIES];
    double cultivated_gained_ha[GUOTU_LEDGER_CATEGORIES];
    double tiankan_change_ha; /* + when the 田坎 deduction of land staying cultivated shrinks */
    double tiankan_opening_ha, tiankan_closing_ha;
    int quantity_ok;
    double grade_opening_ha[GUOTU_LEDGER_GRADES], grade_closing_ha[GUOTU_LEDGER_GRADES];
    double grade_opening_mean, grade_closing_mean; /* NaN without graded land */
    int quality_ok;
    double farmland_out_ha, farmland_in_ha, farmland_ratio; /* ratio NaN when nothing goes out */
    double farmland_out_grade, farmland_in_grade;           /* mean grades; NaN when none */
    int farmland_ok, farmland_quality_ok;
    double construction_opening_ha, construction_closing_ha, reclaimed_ha, built_ha;
    int construction_ok;
    double linkage_balance_ha; /* reclaimed − linkage_min × built */
    int linkage_ok;
    int64_t beach_parcels;
    double beach_ha;
    const char *beach_parcel_ids;                /* comma-separated */
    double forest_opening_ha, forest_closing_ha; /* standard-forest ha; NaN when not checked */
    int forest_ok;
    int64_t redline_parcels;
    double redline_changed_ha;
    const char *redline_parcel_ids;
    int redline_ok;
    int verdict;                         /* 1 pass, 0 fail, -1 undetermined */
    const char *reasons_zh, *reasons_en; /* every failed or unchecked rule with its numbers */
} guotu_ledger_unit;
GUOTU_API size_t guotu_ledger_unit_count(const guotu_ledger *l);
/* Unit polygons in the order added, then units named only by parcels in order of first
 * parcel, then "" for parcels in no unit. */
GUOTU_API int guotu_ledger_unit_at(guotu_context *ctx, const guotu_ledger *l, size_t i, guotu_ledger_unit *out);

/* A reclamation certificate; strings borrowed until the ledger is destroyed. */
typedef struct guotu_ledger_certificate {
    const char *number, *parcel_id, *project_id, *unit_id, *current_code, *planned_code;
    int64_t fid;
    size_t parcel_index; /* the parcel's position in the order added */
    int planned_category;
    double area_ha;
    double cultivated_ha, tiankan_ha, garden_ha, forest_ha, grass_ha;
    double standard_forest_ha; /* area × (k planned − k current); NaN without k */
    int on_river_beach;
    int issuable; /* 0 on a river beach */
} guotu_ledger_certificate;
GUOTU_API size_t guotu_ledger_certificate_count(const guotu_ledger *l);
GUOTU_API int guotu_ledger_certificate_at(guotu_context *ctx, const guotu_ledger *l, size_t i,
                                          guotu_ledger_certificate *out);

/* A project's certificates summed (issuable ones only in the areas; all counted). */
typedef struct guotu_ledger_project {
    const char *project_id;
    int64_t certificates, issuable;
    double area_ha, cultivated_ha, tiankan_ha, garden_ha, forest_ha, grass_ha, standard_forest_ha;
} guotu_ledger_project;
GUOTU_API size_t guotu_ledger_project_count(const guotu_ledger *l);
GUOTU_API int guotu_ledger_project_at(guotu_context *ctx, const guotu_ledger *l, size_t i, guotu_ledger_project *out);

#ifdef __cplusplus
}
#endif

#endif /* GUOTU_LEDGER_H */
