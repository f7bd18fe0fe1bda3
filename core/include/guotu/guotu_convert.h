/*
 * guotu_convert.h — land-use conversion (用途转用) maps between two land-use layers (SPEC §4).
 *
 * Each class code of each layer maps to one of ten policy categories (cultivated, garden,
 * forest, grassland, farm_water, aquaculture_water, river_water, other_unused, sea,
 * construction) through a category map of its own classification system; the policy table
 * gives every (from, to) pair of categories a status — same, path, conditional, prohibited,
 * gap — and its legal paths in Chinese and English.
 *
 * The overlay intersects every "after" polygon with the "before" polygons (and the zones,
 * when given) and hands each piece to a callback as it is made, so a caller can write
 * millions of pieces with bounded memory; the transition and status tables are summed
 * as it goes.
 *
 * With the three control lines of a workspace (guotu_convert_add_line), every piece is
 * also split by the lines, so that each piece lies wholly inside the red line, inside
 * the permanent farmland, inside the urban boundary or outside all three, and says which.
 */
#ifndef GUOTU_CONVERT_H
#define GUOTU_CONVERT_H

#ifndef GUOTU_H
#error "include <guotu/guotu.h>, not this file"
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* ---- Category maps and the policy table -------------------------------- */
typedef struct guotu_category_map guotu_category_map;

/* Parses CSV text with columns `code` and `category` (others ignored). GUOTU_ERR_DATA
 * naming the line for an unknown category, a duplicate or empty code, a missing column.
 * Caller frees with guotu_category_map_destroy. */
GUOTU_API int guotu_category_map_parse(guotu_context *ctx, const char *csv_text, size_t csv_size, const char *label,
                                       guotu_category_map **out);
GUOTU_API void guotu_category_map_destroy(guotu_context *ctx, guotu_category_map *m);

/* Category of a code (exact, then by integer value as in guotu_coefficients_lookup);
 * 1 and *category (borrowed, static) when found, 0 when the map does not list it. */
GUOTU_API int guotu_category_map_lookup(const guotu_category_map *m, const char *code, const char **category);

typedef struct guotu_policy guotu_policy;

/* Parses CSV text with columns from,to,status,paths_zh,paths_en. Every one of the 100
 * (from, to) pairs must be present once; statuses are same, path, conditional,
 * prohibited, gap. GUOTU_ERR_DATA naming the line or the first missing pair otherwise.
 * Caller frees with guotu_policy_destroy. */
GUOTU_API int guotu_policy_parse(guotu_context *ctx, const char *csv_text, size_t csv_size, const char *label,
                                 guotu_policy **out);
GUOTU_API void guotu_policy_destroy(guotu_context *ctx, guotu_policy *p);

typedef struct guotu_policy_rule {
    const char *status; /* borrowed from the policy */
    const char *paths_zh, *paths_en;
} guotu_policy_rule;

/* The rule for a pair of categories; 0 when either is not a category. */
GUOTU_API int guotu_policy_lookup(const guotu_policy *p, const char *from_category, const char *to_category,
                                  guotu_policy_rule *out);

/* ---- Overlay ------------------------------------------------------------ */
typedef struct guotu_convert_options {
    const char *crs;                                      /* CRS of all geometries; borrowed during create */
    guotu_area_method area_method;                        /* default ellipsoidal */
    guotu_invalid_policy invalid;                         /* default repair */
    const char *before_label, *after_label, *zones_label; /* layer names for messages */
} guotu_convert_options;

GUOTU_API void guotu_convert_options_init(guotu_convert_options *opts);

typedef struct guotu_convert guotu_convert;

/* One piece of the overlay: before ∩ after (∩ zone). zone_id is "" without zones. The
 * rule fields come from the policy ("" status "unknown" when a code has no category).
 * wkb is borrowed for the call. Return non-zero to stop (GUOTU_ERR_CANCELLED). */
typedef struct guotu_conversion_piece {
    const char *zone_id;
    const char *from_code, *to_code;
    const char *from_category, *to_category; /* "" when the code is not in its map */
    const char *status, *paths_zh, *paths_en;
    int64_t before_fid, after_fid;
    double area_ha;
    double dm_ha; /* change in standard-forest ha: area × (k_after − k_before); 0 without tables */
    const unsigned char *wkb;
    size_t wkb_size;
    const char *line; /* "ecological_redline", "permanent_farmland", "urban_boundary"; "" outside all
                         (and always "" without lines) */
} guotu_conversion_piece;
typedef int (*guotu_piece_fn)(const guotu_conversion_piece *piece, void *user_data);

/* Creates an overlay. Maps and the policy are borrowed and must outlive it; the voucher
 * coefficient tables (may be NULL) give the standard-forest change per piece. */
GUOTU_API int guotu_convert_create(guotu_context *ctx, const guotu_convert_options *opts,
                                   const guotu_category_map *before_map, const guotu_category_map *after_map,
                                   const guotu_policy *policy, const guotu_coefficients *before_k,
                                   const guotu_coefficients *after_k, guotu_convert **out);
GUOTU_API void guotu_convert_destroy(guotu_context *ctx, guotu_convert *cv);

/* Optional zones (matrices per zone): unique non-empty ids, polygons. Before prepare. */
GUOTU_API int guotu_convert_add_zone(guotu_context *ctx, guotu_convert *cv, const char *zone_id, int64_t fid,
                                     const unsigned char *wkb, size_t wkb_size);
/* Every "before" polygon with its class code. Before prepare; kept until destroy. */
GUOTU_API int guotu_convert_add_before(guotu_context *ctx, guotu_convert *cv, const char *code, int64_t fid,
                                       const unsigned char *wkb, size_t wkb_size);
/* Optional: one feature of a three-lines workspace (the layers of `guotu lines init`).
 * Before prepare; kept until destroy. Pieces are then split by the lines: a piece's part
 * inside the red line is the red line's, the rest inside farmland is the farmland's, the
 * rest inside the urban boundary is the boundary's, and what is left is outside all —
 * where lines overlap the red line wins, then farmland (SPEC §2: the urban boundary
 * yields to both, farmland to the red line). Area is conserved. Invalid polygons follow
 * the invalid policy (label: the line's layer name). GUOTU_ERR_ARGUMENT for a bad line. */
GUOTU_API int guotu_convert_add_line(guotu_context *ctx, guotu_convert *cv, guotu_line line, int64_t fid,
                                     const unsigned char *wkb, size_t wkb_size);
/* Builds the spatial indexes. */
GUOTU_API int guotu_convert_prepare(guotu_context *ctx, guotu_convert *cv);
/* Tells how many "after" polygons will come, for progress. Optional. */
GUOTU_API int guotu_convert_set_expected(guotu_context *ctx, guotu_convert *cv, int64_t n_features);
/* Receives every piece from now on; NULL for tables only. */
GUOTU_API void guotu_convert_set_piece_callback(guotu_convert *cv, guotu_piece_fn fn, void *user_data);
/* One "after" polygon: overlays it and sums its pieces. */
GUOTU_API int guotu_convert_add_after(guotu_context *ctx, guotu_convert *cv, const char *code, int64_t fid,
                                      const unsigned char *wkb, size_t wkb_size);
GUOTU_API int guotu_convert_finish(guotu_context *ctx, guotu_convert *cv);

/* Adds the tables and counters of `from` into `into`, so that "after" polygons can be
 * split between threads: one context and one overlay per thread, each given the same zones
 * (same order) and the same "before" polygons (or borrowing the same shared before layer,
 * below), then merged before `into` is finished. Both must be prepared and not finished;
 * GUOTU_ERR_ARGUMENT when the zones or the shared before layers differ. */
GUOTU_API int guotu_convert_merge(guotu_context *ctx, guotu_convert *into, const guotu_convert *from);

/* ---- One "before" layer shared by the overlays of several threads -------- */
/* Instead of giving each thread's overlay the same "before" polygons (every thread then reads,
 * repairs, measures and indexes all of them), the threads share the work on one layer: each
 * fills a part with its own context, one thread seals the layer (the parts joined in the
 * layer's order, one spatial index), then each thread's overlay borrows it read-only with
 * guotu_convert_use_before. An overlay gets exactly what guotu_convert_add_before of the same
 * features in the same order gives it; guotu_convert_merge joins the overlays as before. */
typedef struct guotu_convert_before guotu_convert_before;
typedef struct guotu_convert_before_part guotu_convert_before_part;

/* An empty layer. The CRS, area method, invalid policy and before_label of opts are used as
 * guotu_convert_create uses them (opts is read during the call only); before_map is borrowed
 * and must outlive the layer. Caller frees with guotu_convert_before_destroy, after every
 * overlay that borrows the layer. */
GUOTU_API int guotu_convert_before_create(guotu_context *ctx, const guotu_convert_options *opts,
                                          const guotu_category_map *before_map, guotu_convert_before **out);
GUOTU_API void guotu_convert_before_destroy(guotu_context *ctx, guotu_convert_before *layer);

/* A new part of an unsealed layer, filled with part_ctx only (its area calculator is made on
 * it): part_ctx must stay alive until the layer is sealed or destroyed. Make every part before
 * the threads start filling them (this call changes the layer). *out is owned by the layer. */
GUOTU_API int guotu_convert_before_add_part(guotu_context *part_ctx, guotu_convert_before *layer,
                                            guotu_convert_before_part **out);

/* One feature into a part, as guotu_convert_add_before takes it: its code, its polygon
 * repaired or refused by the invalid policy (GUOTU_ERR_DATA/GEOMETRY naming the feature and the
 * layer) and measured. `position` is the feature's place in the layer (0, 1, 2 …): over all
 * parts each position from 0 to n − 1 comes exactly once, in any order. Different parts may be
 * filled at the same time on different threads, each with its own context; after a failure the
 * part takes nothing more and the seal fails. */
GUOTU_API int guotu_convert_before_add(guotu_context *ctx, guotu_convert_before_part *part, int64_t position,
                                       const char *code, int64_t fid, const unsigned char *wkb, size_t wkb_size);

/* Joins the parts in position order (the layer's codes and area as guotu_convert_add_before
 * would make them) and builds the spatial index; the parts are freed. Once, when no thread fills
 * a part any more. GUOTU_ERR_DATA for an empty layer or a position beyond the layer or given
 * twice (naming the feature), GUOTU_ERR_STATE when a part failed; the layer is then unusable. */
GUOTU_API int guotu_convert_before_seal(guotu_context *ctx, guotu_convert_before *layer);

/* Instead of guotu_convert_add_before: the overlay borrows the sealed layer, which must outlive
 * it. Before prepare and before any "after" polygon; zones and lines may come before or after.
 * The overlay must have been created with the layer's category map, area method and invalid
 * policy (GUOTU_ERR_ARGUMENT otherwise) and the same CRS. Any number of overlays on any number
 * of threads may borrow one layer at the same time: they only read it. */
GUOTU_API int guotu_convert_use_before(guotu_context *ctx, guotu_convert *cv, const guotu_convert_before *layer);

/* ---- Raster land use on one grid ----------------------------------------- */
/* Both layers as categorical rasters on the same grid (same CRS, geotransform and size).
 * Instead of polygons and prepare: create, guotu_convert_set_grid, then blocks of both
 * rasters' values with guotu_convert_add_cells, then finish. Each cell counts with its own
 * area (ellipsoidal: the exact lattice cell areas of the raster tally; or planar) for the
 * pair (before value, after value), whose codes are the values as decimal text ("12").
 * The tables are those of the polygon overlay, with zone ""; no pieces are made. Zones,
 * lines and polygons cannot be added in this mode. */
typedef struct guotu_convert_grid {
    double geotransform[6]; /* GDAL's (x0, cell width, 0, y0, 0, cell height); no rotation */
    int64_t width, height;  /* columns, rows */
    int has_nodata[2];      /* before, after: a cell with the nodata value on either side */
    int64_t nodata[2];      /* is skipped and counted in stats.nodata_cells */
} guotu_convert_grid;

/* Per-cell status codes written by guotu_convert_add_cells. */
enum {
    GUOTU_CELL_NODATA = 0,
    GUOTU_CELL_SAME = 1,
    GUOTU_CELL_PATH = 2,
    GUOTU_CELL_CONDITIONAL = 3,
    GUOTU_CELL_PROHIBITED = 4,
    GUOTU_CELL_GAP = 5,
    GUOTU_CELL_UNKNOWN = 6
};

/* Switches a new overlay (nothing added yet) to raster mode on `grid` (copied); it takes
 * the place of guotu_convert_prepare. GUOTU_ERR_STATE after polygons, zones or lines;
 * GUOTU_ERR_ARGUMENT for an empty or rotated grid. */
GUOTU_API int guotu_convert_set_grid(guotu_context *ctx, guotu_convert *cv, const guotu_convert_grid *grid);

/* Cells of rows [row0, row0+nrows) and columns [col0, col0+ncols): the value of cell (r, c)
 * is before[(r-row0)*row_stride + (c-col0)], likewise after. status_out (NULL, or the same
 * layout) receives each cell's GUOTU_CELL_* code. Blocks must not overlap; nothing is kept
 * after the call. Reports progress by rows; cancelling returns GUOTU_ERR_CANCELLED. */
GUOTU_API int guotu_convert_add_cells(guotu_context *ctx, guotu_convert *cv, int64_t row0, int64_t col0, int64_t nrows,
                                      int64_t ncols, const int32_t *before, const int32_t *after, int64_t row_stride,
                                      uint8_t *status_out);

/* Transitions: area by (zone, from, to), both by category and by original code. */
typedef struct guotu_transition {
    const char *zone_id;
    const char *from, *to; /* categories, or codes */
    const char *status;    /* for category rows; "" for code rows */
    double area_ha, dm_ha;
} guotu_transition;
GUOTU_API size_t guotu_convert_category_count(const guotu_convert *cv);
GUOTU_API int guotu_convert_category_row(guotu_context *ctx, const guotu_convert *cv, size_t i, guotu_transition *out);
GUOTU_API size_t guotu_convert_code_count(const guotu_convert *cv);
GUOTU_API int guotu_convert_code_row(guotu_context *ctx, const guotu_convert *cv, size_t i, guotu_transition *out);

/* Area by (zone, status); status "unknown" collects pieces with a code no map lists. */
typedef struct guotu_status_area {
    const char *zone_id, *status;
    double area_ha;
} guotu_status_area;
GUOTU_API size_t guotu_convert_status_count(const guotu_convert *cv);
GUOTU_API int guotu_convert_status_row(guotu_context *ctx, const guotu_convert *cv, size_t i, guotu_status_area *out);

/* Area by (zone, line, status): line is a layer name of guotu_line_name, or "" for the
 * area outside the three lines (all of it without lines). Zones as in the status rows. */
typedef struct guotu_line_status_area {
    const char *zone_id, *line, *status;
    double area_ha;
} guotu_line_status_area;
GUOTU_API size_t guotu_convert_line_count(const guotu_convert *cv);
GUOTU_API int guotu_convert_line_row(guotu_context *ctx, const guotu_convert *cv, size_t i,
                                     guotu_line_status_area *out);

/* Codes a category map does not list, with the overlaid area: side 0 before, 1 after. */
typedef struct guotu_unknown_code {
    const char *code;
    int side;
    double area_ha;
} guotu_unknown_code;
GUOTU_API size_t guotu_convert_unknown_count(const guotu_convert *cv);
GUOTU_API int guotu_convert_unknown_row(guotu_context *ctx, const guotu_convert *cv, size_t i, guotu_unknown_code *out);

typedef struct guotu_convert_stats {
    int64_t before_features, after_features, pieces;
    int64_t repaired_before, repaired_after, repaired_zones;
    double before_area_ha, after_area_ha;  /* each layer's own area */
    double overlaid_area_ha;               /* sum of all pieces */
    int64_t line_features, repaired_lines; /* three-lines features given, and repaired */
    int64_t cells, nodata_cells;           /* raster mode: cells counted, cells skipped as nodata */
} guotu_convert_stats;
GUOTU_API int guotu_convert_get_stats(guotu_context *ctx, const guotu_convert *cv, guotu_convert_stats *out);

#ifdef __cplusplus
}
#endif

#endif /* GUOTU_CONVERT_H */
