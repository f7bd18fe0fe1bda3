/*
 * guotu_tally.h — area in hectares of each land-use class inside each zone.
 *
 * Life cycle of a tally (each step returns a guotu_status):
 *   guotu_tally_options_init(&o);   set o.crs, o.area_method, ...
 *   guotu_tally_create(ctx, &o, &t);
 *   guotu_tally_add_zone(...)      for every zone polygon
 *   guotu_tally_add_mask(...)      optional: area inside the mask is excluded everywhere
 *   guotu_tally_prepare(ctx, t);   builds the spatial index and prepared geometries
 *   then EITHER guotu_tally_add_landuse(...) for every land-use polygon
 *       OR     guotu_tally_set_raster(...) and guotu_tally_add_raster_block(...) for blocks
 *   guotu_tally_finish(ctx, t);
 *   guotu_tally_result_count / guotu_tally_result / guotu_tally_get_stats
 *   guotu_tally_destroy(ctx, t);
 * All geometries are in the CRS given in the options: reprojection is the caller's job.
 * After any failure the tally may only be destroyed.
 */
#ifndef GUOTU_TALLY_H
#define GUOTU_TALLY_H

#ifndef GUOTU_H
#error "include <guotu/guotu.h>, not this file"
#endif

#ifdef __cplusplus
extern "C" {
#endif

typedef enum guotu_invalid_policy {
    GUOTU_INVALID_REPAIR = 0, /* repair with GEOSMakeValid and count it in the stats */
    GUOTU_INVALID_FAIL = 1    /* stop with GUOTU_ERR_INVALID_GEOMETRY naming layer and feature */
} guotu_invalid_policy;

typedef enum guotu_raster_mode {
    GUOTU_RASTER_EXACT = 0, /* cells cut by a zone boundary count by their covered fraction */
    GUOTU_RASTER_CENTRE = 1 /* a cell counts whole if its centre is inside the zone */
} guotu_raster_mode;

typedef struct guotu_tally_options {
    const char *crs;               /* CRS of every geometry (PROJ string/WKT); borrowed during create */
    guotu_area_method area_method; /* default GUOTU_AREA_ELLIPSOIDAL */
    guotu_invalid_policy invalid;  /* default GUOTU_INVALID_REPAIR */
    guotu_raster_mode raster_mode; /* default GUOTU_RASTER_EXACT */
    const char *zones_label;       /* layer names used in messages; default "zones" */
    const char *landuse_label;     /* default "landuse" */
    const char *mask_label;        /* default "mask" */
} guotu_tally_options;

/* Fills `opts` with the defaults above (crs = NULL). */
GUOTU_API void guotu_tally_options_init(guotu_tally_options *opts);

typedef struct guotu_tally guotu_tally;

/* Creates an empty tally. Strings in `opts` are copied. On success *out is set;
 * caller frees with guotu_tally_destroy. */
GUOTU_API int guotu_tally_create(guotu_context *ctx, const guotu_tally_options *opts, guotu_tally **out);

/* Frees the tally and everything it returned. NULL is ignored. */
GUOTU_API void guotu_tally_destroy(guotu_context *ctx, guotu_tally *t);

/* Adds a zone: a non-empty UTF-8 id unique among zones, the source feature id (for
 * messages), and a Polygon/MultiPolygon as WKB (copied). Fails with GUOTU_ERR_DATA on a
 * duplicate or empty id, GUOTU_ERR_GEOMETRY on unreadable or non-polygonal WKB. */
GUOTU_API int guotu_tally_add_zone(guotu_context *ctx, guotu_tally *t, const char *zone_id, int64_t fid,
                                   const unsigned char *wkb, size_t wkb_size);

/* Adds a mask polygon (e.g. urban space): its area is excluded from every zone. */
GUOTU_API int guotu_tally_add_mask(guotu_context *ctx, guotu_tally *t, int64_t fid, const unsigned char *wkb,
                                   size_t wkb_size);

/* Ends the zone/mask phase: subtracts the mask from the zones, builds the spatial index
 * and prepared geometries, reporting progress per zone (and stopping with
 * GUOTU_ERR_CANCELLED when the callback asks). Fails with GUOTU_ERR_DATA when no zone
 * was added. */
GUOTU_API int guotu_tally_prepare(guotu_context *ctx, guotu_tally *t);

/* Prepares `t` (created, no zone and no mask added) with the zones of `prepared`, a tally
 * of the same zones and mask already prepared with guotu_tally_prepare (borrowed, only read,
 * and it may since have been fed or finished): the same zones with the mask removed, their
 * overlaps and the zone counters of the stats (zones, mask features, repairs, zone area,
 * overlaps), without reading, subtracting, measuring or comparing the zones again — for a
 * second year or a worker thread over the same zones. Both tallies must have been created
 * with the same CRS, area method and invalid-geometry policy (GUOTU_ERR_ARGUMENT otherwise;
 * guotu_tally_can_prepare_like tells beforehand). The caller keeps `prepared` unchanged while
 * this runs; afterwards the two are independent. Reports progress once and honours a cancel. */
GUOTU_API int guotu_tally_prepare_like(guotu_context *ctx, guotu_tally *t, const guotu_tally *prepared);

/* 1 when guotu_tally_prepare_like(ctx, t, prepared) would accept the pair, 0 otherwise (NULL
 * included). Needs no context; reads both. */
GUOTU_API int guotu_tally_can_prepare_like(const guotu_tally *t, const guotu_tally *prepared);

/* Tells how many land-use features (vector) the caller will add, so that progress can be
 * reported as a fraction. Optional; for rasters the grid size is used. */
GUOTU_API int guotu_tally_set_expected(guotu_context *ctx, guotu_tally *t, int64_t n_features);

/* Adds one land-use polygon with its class code (UTF-8; NULL or "" is the empty class,
 * reported as ""). Its area inside each zone (less the mask) is added to (zone, class). */
GUOTU_API int guotu_tally_add_landuse(guotu_context *ctx, guotu_tally *t, const char *class_code, int64_t fid,
                                      const unsigned char *wkb, size_t wkb_size);

/* guotu_tally_add_landuse with a deduction, as the Third National Land Survey records 田坎
 * (ridges between cultivated fields): of the polygon's area A inside each zone, its own class
 * gets A·(1 − deducted_share) and `deducted_code` (e.g. "1203") gets A·deducted_share, so a
 * cultivated parcel counts net. `deducted_share` is the parcel's KCXS, from 0 up to (not
 * including) 1; 0 is guotu_tally_add_landuse. GUOTU_ERR_DATA naming the feature for a share
 * outside that range. Strings are copied. */
GUOTU_API int guotu_tally_add_landuse_deducted(guotu_context *ctx, guotu_tally *t, const char *class_code,
                                               const char *deducted_code, double deducted_share, int64_t fid,
                                               const unsigned char *wkb, size_t wkb_size);

/* Zones from the land use itself, as 三调 data carries them (the first 6, 9 or 12 digits of
 * ZLDWDM are county, town and village): instead of adding zone polygons and calling
 * guotu_tally_prepare, call this (no zones and no mask may have been added), then give each
 * polygon its zone code with guotu_tally_add_landuse_in_zone. Its whole area goes to (zone,
 * class) — no overlay, as each parcel lies in the unit its code names. */
GUOTU_API int guotu_tally_prepare_by_code(guotu_context *ctx, guotu_tally *t);

/* One land-use polygon of a tally by code: `zone_id` (UTF-8, not empty) is its zone, created
 * on first use (results list zones in that order); the 田坎 deduction as in
 * guotu_tally_add_landuse_deducted (deducted_share 0 for none). */
GUOTU_API int guotu_tally_add_landuse_in_zone(guotu_context *ctx, guotu_tally *t, const char *zone_id,
                                              const char *class_code, const char *deducted_code, double deducted_share,
                                              int64_t fid, const unsigned char *wkb, size_t wkb_size);

/* Raster land use: the grid of the raster, in the tally's CRS. The geotransform is GDAL's
 * (x0, pixel width, 0, y0, 0, pixel height); rotation terms must be 0. */
typedef struct guotu_raster_grid {
    double geotransform[6];
    int64_t width;  /* columns */
    int64_t height; /* rows */
    int has_nodata;
    int64_t nodata; /* cells with this value are skipped (and counted in the stats) */
} guotu_raster_grid;

/* Switches the tally to raster mode with this grid. Call once, after prepare. */
GUOTU_API int guotu_tally_set_raster(guotu_context *ctx, guotu_tally *t, const guotu_raster_grid *grid);

/* Adds a block of class values: rows [row0, row0+nrows) and columns [col0, col0+ncols) of
 * the grid; value of (r, c) at values[(r-row0)*row_stride + (c-col0)]. Blocks must not
 * overlap; together they should cover the grid. The block is not kept after the call. */
GUOTU_API int guotu_tally_add_raster_block(guotu_context *ctx, guotu_tally *t, int64_t row0, int64_t col0,
                                           int64_t nrows, int64_t ncols, const int32_t *values, int64_t row_stride);

/* Adds what `from` has tallied so far into `into`, so that land use can be split between
 * threads: one context and one tally per thread, the same zones and mask added to each in
 * the same order, then merged before `into` is finished. Both must be past prepare and
 * not finished; fails with GUOTU_ERR_ARGUMENT when their zones differ. `from` is left
 * unchanged and is still destroyed by the caller. */
GUOTU_API int guotu_tally_merge(guotu_context *ctx, guotu_tally *into, const guotu_tally *from);

/* Ends the land-use phase and sorts the results: zones in the order they were added,
 * classes in natural order (numerically where both codes are integers). */
GUOTU_API int guotu_tally_finish(guotu_context *ctx, guotu_tally *t);

/* Number of (zone, class) pairs with a non-zero area. 0 before finish. */
GUOTU_API size_t guotu_tally_result_count(const guotu_tally *t);

/* Result row i (0-based, < result_count). The strings are borrowed and live as long as
 * the tally. Fails with GUOTU_ERR_ARGUMENT when i is out of range. */
GUOTU_API int guotu_tally_result(guotu_context *ctx, const guotu_tally *t, size_t i, const char **zone_id,
                                 const char **class_code, double *area_ha);

typedef struct guotu_tally_stats {
    int64_t zones;            /* zones added */
    int64_t mask_features;    /* mask polygons added */
    int64_t landuse_features; /* land-use polygons added */
    int64_t repaired_zones;   /* invalid geometries repaired, per layer */
    int64_t repaired_mask;
    int64_t repaired_landuse;
    int64_t empty_class_features; /* land-use features with an empty class */
    double empty_class_area_ha;   /* their area inside zones */
    double zones_area_ha;         /* area of all zones, mask excluded */
    double landuse_area_ha;       /* area of all land use (features or valid cells) */
    double tallied_area_ha;       /* sum of all result rows */
    int64_t raster_cells;         /* cells seen in blocks */
    int64_t nodata_cells;         /* cells skipped as nodata */
    /* Zones whose interiors overlap by at least GUOTU_ZONE_OVERLAP_MIN_M2 (found by prepare):
     * each zone's own rows are right, but a total over the zones counts that ground twice. */
    int64_t overlapping_zone_pairs;
    double zone_overlap_area_ha; /* sum of those overlaps */
} guotu_tally_stats;

/* The smallest overlap of two zones that counts (m²): below it, digitising noise. */
#define GUOTU_ZONE_OVERLAP_MIN_M2 1.0

/* Copies the counters into *stats (valid at any time; complete after finish). */
GUOTU_API int guotu_tally_get_stats(guotu_context *ctx, const guotu_tally *t, guotu_tally_stats *stats);

/* The i-th pair of overlapping zones (0 <= i < stats.overlapping_zone_pairs, largest overlap
 * first): both ids (borrowed from the tally) and the overlap in ha. */
GUOTU_API int guotu_tally_zone_overlap(guotu_context *ctx, const guotu_tally *t, size_t i, const char **zone_a,
                                       const char **zone_b, double *area_ha);

#ifdef __cplusplus
}
#endif

#endif /* GUOTU_TALLY_H */
