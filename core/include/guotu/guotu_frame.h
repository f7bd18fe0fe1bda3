/*
 * guotu_frame.h — the provincial transmission framework (省级定框架, SPEC §10): the
 * catalogue (名录) of cross-city ecological elements and what the cities submitted
 * against it.
 *
 * The province lists elements in a catalogue: element id (unique, non-empty), name, type
 * (mountain, river, corridor ...), the cities it spans (their admin ids) and the indicators
 * that apply. Cities submit the elements they drew, each naming the catalogue id it
 * stands for. The catalogue check reports, per city:
 *  - "not_submitted": a catalogue element listing the city of which the city submitted no
 *    feature (one finding per element and city; no feature, fid -1);
 *  - "not_in_catalogue": a submitted feature whose element id is no catalogue id (an empty
 *    element id included: it matches nothing);
 *  - "city_not_listed": a submitted feature whose element is in the catalogue, but the
 *    catalogue does not list the submitting city for it;
 *  - "no_city": a submitted feature with an empty city id (it cannot be counted for any city).
 * Ids are compared exactly (after trimming blanks at both ends); an element submitted as
 * several features counts once for the city.
 *
 * Catalogue lists (cities, indicators) are separated by ';' ',' '|' '、' or '；'. The
 * indicators are the framework's names: area, elevation_min, elevation_mean, elevation_max,
 * slope_mean, slope_share, forest_share; any other name is refused (GUOTU_ERR_DATA), so a
 * misspelt indicator is never silently left unchecked.
 */
#ifndef GUOTU_FRAME_H
#define GUOTU_FRAME_H

#ifndef GUOTU_H
#error "include <guotu/guotu.h>, not this file"
#endif

#ifdef __cplusplus
extern "C" {
#endif

typedef struct guotu_frame guotu_frame;

/* Caller frees with guotu_frame_destroy. */
GUOTU_API int guotu_frame_create(guotu_context *ctx, guotu_frame **out);
GUOTU_API void guotu_frame_destroy(guotu_context *ctx, guotu_frame *f);

/* One catalogue entry; strings are copied. `element_id` non-empty and unique, `type`
 * non-empty, `cities` at least one id (GUOTU_ERR_DATA otherwise, naming the element);
 * `name` and `indicators` may be NULL or "". */
GUOTU_API int guotu_frame_add_entry(guotu_context *ctx, guotu_frame *f, const char *element_id, const char *name,
                                    const char *type, const char *cities, const char *indicators);

/* A catalogue as CSV text (UTF-8, header with the columns element_id, name, type, cities,
 * indicators; other columns are ignored). Each record goes through guotu_frame_add_entry;
 * errors name `label` and the line. `text` is borrowed for the call. */
GUOTU_API int guotu_frame_load_catalogue(guotu_context *ctx, guotu_frame *f, const char *text, size_t size,
                                         const char *label);

/* A submitted feature of city `city_id` standing for catalogue element `element_id` (either
 * may be "" or NULL: a finding, not a failure); `name` may be NULL. The WKB (may be NULL) is
 * copied and handed back with the feature's findings. Entries and submissions may come in
 * any order. */
GUOTU_API int guotu_frame_add_submission(guotu_context *ctx, guotu_frame *f, const char *city_id,
                                         const char *element_id, const char *name, int64_t fid,
                                         const unsigned char *wkb, size_t wkb_size);

typedef struct guotu_frame_finding {
    const char *kind;         /* "not_submitted", "not_in_catalogue", "city_not_listed", "no_city" */
    const char *city_id;      /* the city concerned ("" for no_city) */
    const char *element_id;   /* the catalogue id, or the id as submitted */
    const char *element_name; /* the catalogue's name, else the submitted name */
    const char *element_type; /* the catalogue's type, "" when not in the catalogue */
    const char *cities;       /* the catalogue's cities, ";" joined, "" when not in the catalogue */
    int64_t fid;              /* the submitted feature, -1 for not_submitted */
    const char *message_zh, *message_en;
    const unsigned char *wkb; /* the submitted geometry as given, or NULL */
    size_t wkb_size;
} guotu_frame_finding;

/* Returns 0 to go on, non-zero to stop (the check then fails with GUOTU_ERR_CANCELLED).
 * Strings and WKB are borrowed for the duration of the call. */
typedef int (*guotu_frame_finding_fn)(const guotu_frame_finding *finding, void *user_data);

/* Compares the submissions with the catalogue; findings in this order: not_submitted by
 * catalogue entry then by the entry's cities, then the submissions' findings in the order
 * added. May be called again after more adds. `fn` may be NULL (counts only). */
GUOTU_API int guotu_frame_check_catalogue(guotu_context *ctx, guotu_frame *f, guotu_frame_finding_fn fn,
                                          void *user_data);

/* Per city, after the check: every city of the catalogue (in order of first listing), then
 * the submitting cities the catalogue does not list (in order of first submission). */
typedef struct guotu_frame_city {
    const char *city_id;
    int64_t listed;                            /* catalogue elements listing the city */
    int64_t submitted;                         /* of those, how many the city submitted (at least one feature) */
    int64_t not_submitted;                     /* listed - submitted */
    int64_t features;                          /* features the city submitted */
    int64_t not_in_catalogue, city_not_listed; /* features with these findings */
} guotu_frame_city;

/* Valid after guotu_frame_check_catalogue. Strings borrowed until the next check or destroy. */
GUOTU_API size_t guotu_frame_city_count(const guotu_frame *f);
GUOTU_API int guotu_frame_city_row(guotu_context *ctx, const guotu_frame *f, size_t i, guotu_frame_city *out);

/* County -> city roll-up: counties draw the boundaries (县级定边界) and submit them under their
 * own code; a submission whose city id is a county added here counts for that county's city
 * (in the catalogue check, the city parts and everything after). A county listed twice fails
 * (GUOTU_ERR_DATA). Before the check; strings copied. */
GUOTU_API int guotu_frame_add_county(guotu_context *ctx, guotu_frame *f, const char *county_id, const char *city_id);

/* The county table as CSV text with the columns county, city. Errors name `label` and the line. */
GUOTU_API int guotu_frame_load_counties(guotu_context *ctx, guotu_frame *f, const char *text, size_t size,
                                        const char *label);

typedef struct guotu_frame_county {
    const char *county_id, *city_id;
    int64_t features;         /* features the county submitted */
    int64_t elements;         /* distinct catalogue elements among them listed for its city */
    int64_t not_in_catalogue; /* features whose element id is in no catalogue entry */
} guotu_frame_county;

/* After guotu_frame_check_catalogue: every county added that submitted, in the order added. */
GUOTU_API size_t guotu_frame_county_count(const guotu_frame *f);
GUOTU_API int guotu_frame_county_row(guotu_context *ctx, const guotu_frame *f, size_t i, guotu_frame_county *out);

/* ---- Transmission indicators (SPEC §10) ----------------------------------------------
 *
 * After the catalogue and the submissions: options, the cities' threshold table, prepare,
 * then the DEM by rows and land use by features, then finish.
 *
 * Zones. For each catalogue element with a submitted feature: the whole element (the union
 * of all its submitted features, city ""), each city part (the union of that city's
 * features of the element, only cities the catalogue lists for it), and for each pair of
 * parts that come within [band_m] of each other, the two border strips: part A within
 * [band_m] of part B, and part B within [band_m] of part A. Invalid geometry is repaired;
 * features of findings of the catalogue check are not part of any zone.
 *
 * Indicators of a zone, with w = the share of a cell the zone covers (exact, as the tally)
 * x the cell's ground area (ellipsoidal or planar as area_method):
 *   area            the zone's area (m², ellipsoidal or planar);
 *   elevation_min/max over cells it covers with a value (not nodata);
 *   elevation_mean  Σ w·z ÷ Σ w over those cells;
 *   slope_mean      Σ w·s ÷ Σ w over cells with a slope, s in degrees by Horn's 3x3 method on
 *                   the ground size of the cell: the geodesic distance between neighbouring
 *                   cell centres along its row and its column (degrees of a geographic DEM
 *                   and the scale error of a projection accounted for); a cell on the grid's
 *                   edge or next to nodata has no slope;
 *   slope_share     Σ w over cells with s > [slope_threshold_deg] ÷ Σ w over cells with a slope;
 *   forest_share    area of forest land use in the zone ÷ the zone's area (forest = the land-use
 *                   codes set by guotu_frame_set_forest_codes; default 0301;0302;0305;0307, the
 *                   三调 forest classes), NaN when no land use was added; from a land-use raster
 *                   see guotu_frame_set_landuse_grid.
 * dem_share = Σ w over cells with a value ÷ zone area: below 0.999 the DEM does not cover the
 * zone (a finding "dem_incomplete" for a part).
 * Without a DEM, or where it has no value, the DEM indicators are NaN.
 *
 * Findings (guotu_frame_finish):
 *  - "outside_threshold": a city part whose value for an indicator the catalogue lists for
 *    the element is below the city's min or above its max for the element's type;
 *  - "threshold_missing": the city has no threshold row for (type, indicator) of an
 *    indicator the element lists (the city did not set its standard: 市级定标准);
 *  - "threshold_differs": two cities listed for the same element hold it to different
 *    min / max for an indicator (one finding per pair and indicator, whether or not parts
 *    were submitted);
 *  - "value_jump": across a border strip pair, elevation_mean, slope_mean or forest_share of
 *    the two strips differ by more than [tolerance_*] (the element changes at the border);
 *  - "dem_incomplete": see dem_share;
 *  - "landuse_incomplete": see guotu_frame_set_landuse_grid.
 */
typedef struct guotu_frame_options {
    const char *crs;               /* CRS of all geometries and of the DEM; borrowed during the call */
    guotu_area_method area_method; /* default ellipsoidal */
    double slope_threshold_deg;    /* default 25 (slope_share counts steeper ground) */
    double band_m;                 /* width of the border strips; default 500 */
    double tolerance_elevation_m;  /* default 100 */
    double tolerance_slope_deg;    /* default 5 */
    double tolerance_forest_share; /* default 0.2 */
} guotu_frame_options;

GUOTU_API void guotu_frame_options_init(guotu_frame_options *opts);

/* Before guotu_frame_prepare. The CRS must be projected in metres (the band and the strips
 * are metres; warp a geographic DEM and reproject the elements first): GUOTU_ERR_CRS
 * otherwise. Numbers must be finite and >= 0 (GUOTU_ERR_ARGUMENT). */
GUOTU_API int guotu_frame_set_options(guotu_context *ctx, guotu_frame *f, const guotu_frame_options *opts);

/* A threshold of city `city_id` for elements of `element_type`: `indicator` one of the
 * framework's names, min / max NaN when open (not both). A second row for the same city,
 * type and indicator fails (GUOTU_ERR_DATA). Shares are fractions (0.4, not 40). */
GUOTU_API int guotu_frame_add_threshold(guotu_context *ctx, guotu_frame *f, const char *city_id,
                                        const char *element_type, const char *indicator, double min, double max);

/* The threshold table as CSV text with the columns city, element_type, indicator, min, max
 * (an empty min or max is open). Errors name `label` and the line. */
GUOTU_API int guotu_frame_load_thresholds(guotu_context *ctx, guotu_frame *f, const char *text, size_t size,
                                          const char *label);

/* Land-use codes counted as forest (a list as in the catalogue); replaces the default. */
GUOTU_API int guotu_frame_set_forest_codes(guotu_context *ctx, guotu_frame *f, const char *codes);

/* Builds the zones (needs the options). Reports progress ("building element parts"). Once;
 * no catalogue entries or submissions may be added after it. */
GUOTU_API int guotu_frame_prepare(guotu_context *ctx, guotu_frame *f);

/* The DEM's grid, in the frame's CRS: GDAL's geotransform (rotation terms 0). */
typedef struct guotu_frame_dem {
    double geotransform[6];
    int64_t width, height;
    int has_nodata;
    double nodata; /* cells with this value (or NaN) have no elevation */
} guotu_frame_dem;

/* After prepare, once. */
GUOTU_API int guotu_frame_set_dem(guotu_context *ctx, guotu_frame *f, const guotu_frame_dem *dem);

/* Rows [row0, row0 + nrows) of the DEM. `values` holds whole rows (row stride = width) from
 * row max(0, row0 - 1) to row min(height, row0 + nrows + 1) - 1: the rows asked and the row
 * above and below where the grid has them (for the slope). Each row may be added once
 * (GUOTU_ERR_ARGUMENT otherwise); only the zones' rows matter, so the caller may skip
 * rows that no zone meets (guotu_frame_dem_rows_needed). Only the columns that
 * guotu_frame_dem_columns_needed names are read: in the rows asked, those it names for
 * (row0, nrows); in the row above, those for (row0, 1); in the row below, those for
 * (row0 + nrows - 1, 1) (the slope's neighbours of the zones meeting the band's first and
 * last row). The caller may fill just those and leave the other cells as they are.
 * Memory stays what one call needs. */
GUOTU_API int guotu_frame_add_dem_rows(guotu_context *ctx, guotu_frame *f, int64_t row0, int64_t nrows,
                                       const float *values);

/* Adds the DEM rows `from` has taken into `into`, so that the rows can be shared between
 * threads: one context and one frame per thread, built from the same inputs (catalogue,
 * counties, options, submissions in the same order), prepared and given the same DEM grid,
 * each adding its own rows; then merged before `into` is finished. A row added to both
 * fails (GUOTU_ERR_ARGUMENT), as do frames whose zones or grids differ. Sums are added in
 * another order than one frame would have: results may differ in the last bits. `from` is
 * left unchanged and is still destroyed by the caller. */
GUOTU_API int guotu_frame_merge_dem(guotu_context *ctx, guotu_frame *into, const guotu_frame *from);

/* The first and one-past-last DEM row any zone meets (after set_dem); *row1 <= *row0 when
 * none. */
GUOTU_API int guotu_frame_dem_rows_needed(guotu_context *ctx, const guotu_frame *f, int64_t *row0, int64_t *row1);

/* The columns of DEM rows [row0, row0 + nrows) that guotu_frame_add_dem_rows reads for the
 * same rows: the columns of the zones meeting those rows with one column on either side
 * (the slope's neighbours), clipped to the grid, as sorted, disjoint spans
 * [spans[2k], spans[2k + 1]). *count gets the number of spans, of which the first
 * min(*count, max_spans) are written into `spans` (caller-owned, 2 * max_spans values; may
 * be NULL when max_spans is 0): call again with more room when *count > max_spans.
 * Elements cover a small part of a large DEM, so a reader that decodes only these columns
 * (GDAL decodes the blocks a window meets) saves most of the decoding. After set_dem. */
GUOTU_API int guotu_frame_dem_columns_needed(guotu_context *ctx, const guotu_frame *f, int64_t row0, int64_t nrows,
                                             int64_t *spans, size_t max_spans, size_t *count);

/* A land-use polygon of class `code` (after prepare): only forest codes count; others are
 * skipped. The WKB is read during the call. */
GUOTU_API int guotu_frame_add_landuse(guotu_context *ctx, guotu_frame *f, const char *code, int64_t fid,
                                      const unsigned char *wkb, size_t wkb_size);

/* Land use as a raster of class values instead of polygons (after prepare, before finish;
 * not with guotu_frame_add_landuse: GUOTU_ERR_STATE). `grid` is the raster's grid in the
 * frame's CRS (guotu_tally.h; rotation terms 0); cells with its nodata value have no class.
 * A cell is forest when its value equals a forest code read as a whole number (0301 is
 * 301, as class rasters store 三调 codes without the leading zero); codes that are not
 * whole numbers match no cell. Each zone adds, for every cell with a class, w = the share
 * of the cell the zone covers (exact, as the tally) x the cell's ground area; then
 *   forest_share = Σ w of forest cells ÷ Σ w of cells with a class,
 * and a part of an element that lists forest_share whose cells with a class cover less
 * than 0.999 of its area is a finding "landuse_incomplete" (value: that share). */
GUOTU_API int guotu_frame_set_landuse_grid(guotu_context *ctx, guotu_frame *f, const guotu_raster_grid *grid);

/* A block of class values: rows [row0, row0 + nrows), columns [col0, col0 + ncols); value
 * of (r, c) at values[(r - row0) * row_stride + (c - col0)]. Blocks must not overlap (each
 * cell is counted once per block it comes in); only cells some zone meets matter. The
 * values are read during the call. */
GUOTU_API int guotu_frame_add_landuse_block(guotu_context *ctx, guotu_frame *f, int64_t row0, int64_t col0,
                                            int64_t nrows, int64_t ncols, const int32_t *values, int64_t row_stride);

/* The windows of the land-use grid that the zones meet (after guotu_frame_set_landuse_grid,
 * before finish): the blocks of block_rows x block_cols cells (the reader's tiling, from row
 * 0 and column 0; GDAL decodes whole blocks) that some zone meets, consecutive blocks of a
 * block row merged into one window, clipped to the grid, in row then column order. Window k
 * is rows [windows[4k], + windows[4k + 2]), columns [windows[4k + 1], + windows[4k + 3]).
 * *count gets the number of windows, of which the first min(*count, max_windows) are written
 * into `windows` (caller-owned, 4 * max_windows values; may be NULL when max_windows is 0):
 * call again with more room when *count > max_windows. The windows are disjoint, so adding
 * each as a block (guotu_frame_add_landuse_block) gives the results of the whole raster while
 * the cells no zone meets are never read. Memory: one byte per block of the grid. */
GUOTU_API int guotu_frame_landuse_windows_needed(guotu_context *ctx, const guotu_frame *f, int64_t block_rows,
                                                 int64_t block_cols, int64_t *windows, size_t max_windows,
                                                 size_t *count);

typedef struct guotu_frame_indicator_finding {
    const char *kind; /* see above */
    const char *element_id, *element_name, *element_type;
    const char *city_id, *other_city_id;   /* other: threshold_differs / value_jump, else "" */
    const char *indicator;                 /* one of the framework's names */
    double value, other_value;             /* the part's (strip's) values, NaN when none */
    double min, max, other_min, other_max; /* the thresholds (NaN when open or none) */
    const char *message_zh, *message_en;
    const unsigned char *wkb; /* part (both strips for a jump; both parts for
                                 threshold_differs when submitted) or NULL */
    size_t wkb_size;
} guotu_frame_indicator_finding;

typedef int (*guotu_frame_indicator_fn)(const guotu_frame_indicator_finding *finding, void *user_data);

/* Computes the indicators and reports the findings in order of catalogue entries (parts by
 * the entry's cities, then pairs), indicator by indicator. Once, after prepare. */
GUOTU_API int guotu_frame_finish(guotu_context *ctx, guotu_frame *f, guotu_frame_indicator_fn fn, void *user_data);

typedef struct guotu_frame_indicators {
    const char *element_id, *element_name, *element_type;
    const char *city_id;       /* "" for the whole element */
    const char *other_city_id; /* for a border strip: the city across; else "" */
    double area_m2;
    double elevation_min, elevation_mean, elevation_max, slope_mean, slope_share, forest_share;
    double dem_share;
    const unsigned char *wkb; /* the zone */
    size_t wkb_size;
} guotu_frame_indicators;

/* Zones after finish: per element, the whole, its parts, then its strips. Strings and WKB
 * borrowed until destroy. */
GUOTU_API size_t guotu_frame_indicator_count(const guotu_frame *f);
GUOTU_API int guotu_frame_indicator_row(guotu_context *ctx, const guotu_frame *f, size_t i,
                                        guotu_frame_indicators *out);

/* ---- Rounds (三下三上, SPEC §10) -------------------------------------------------------
 *
 * The findings of round n and round n+1 (border conflicts of guotu_border, indicator and
 * catalogue findings of the framework) are matched: an item of round n+1 matches an
 * unmatched item of round n with the same source, kind and key (the caller's text: for a
 * conflict its pair, for a finding its element, cities and indicator) and, when both have a
 * line (a conflict's border segment), lines within [match_m] of each other (the nearest one
 * first). Each item is then "persisting" (matched), "new" (round n+1 only) or "resolved"
 * (round n only). A persisting item keeps round n's review (status, note, who, when) unless
 * round n+1 has its own; an item reviewed "exception" (an accepted exception) or "agreed"
 * is not returned.
 * Return list (退回清单): each new or persisting item not accepted, that is material — a
 * conflict at least [min_length_m] long or [min_area_m2] in area (either suffices; an item
 * with neither length nor area, e.g. a threshold finding, is always material) — is returned
 * to each of its responsible cities (one row per city).
 */
typedef struct guotu_rounds_options {
    double match_m;      /* default 50 */
    double min_length_m; /* default 100 */
    double min_area_m2;  /* default 10000 */
} guotu_rounds_options;

GUOTU_API void guotu_rounds_options_init(guotu_rounds_options *opts);

typedef struct guotu_rounds guotu_rounds;

/* Caller frees with guotu_rounds_destroy. */
GUOTU_API int guotu_rounds_create(guotu_context *ctx, const guotu_rounds_options *opts, guotu_rounds **out);
GUOTU_API void guotu_rounds_destroy(guotu_context *ctx, guotu_rounds *r);

typedef struct guotu_round_item {
    const char *source;                                  /* "conflict", "indicator", "catalogue" ... (non-empty) */
    const char *kind;                                    /* e.g. "gap", "outside_threshold" (non-empty) */
    const char *key;                                     /* what identifies it apart from its line (may be "") */
    const char *cities;                                  /* responsible cities, ";" separated ("" when none) */
    const char *label;                                   /* a short description for the return list (may be "") */
    double length_m, area_m2;                            /* 0 when not measured */
    const char *review_status;                           /* "", "open", "agreed", "exception" */
    const char *review_note, *reviewed_by, *reviewed_at; /* may be NULL */
    const unsigned char *line_wkb;                       /* LineString / MultiLineString or NULL */
    size_t line_wkb_size;
    const unsigned char *wkb; /* the item's geometry to hand back (any type) or NULL */
    size_t wkb_size;
} guotu_round_item;

/* An item of round 0 (n) or 1 (n+1); strings and WKB are copied. */
GUOTU_API int guotu_rounds_add(guotu_context *ctx, guotu_rounds *r, int round, const guotu_round_item *item);

typedef struct guotu_round_result {
    const char *status;           /* "persisting", "new", "resolved" */
    int64_t index0, index1;       /* the items in each round in the order added, -1 when none */
    const guotu_round_item *item; /* round n+1's item (round n's for resolved); review fields as
                                     carried over */
    int material;                 /* 1 when material (see above) */
    int returned;                 /* 1 when on the return list */
} guotu_round_result;

/* Results in order: round n+1's items as added, then the resolved ones in round n's order.
 * `fn` returns 0 to go on (non-zero stops: GUOTU_ERR_CANCELLED); borrowed for the call. */
typedef int (*guotu_round_result_fn)(const guotu_round_result *result, void *user_data);
GUOTU_API int guotu_rounds_run(guotu_context *ctx, guotu_rounds *r, guotu_round_result_fn fn, void *user_data);

#ifdef __cplusplus
}
#endif

#endif /* GUOTU_FRAME_H */
