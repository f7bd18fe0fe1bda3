/* frame_internal.h — what the catalogue (frame.c) and the transmission indicators
 * (frame_indicators.c) share. */
#ifndef GUOTU_FRAME_INTERNAL_H
#define GUOTU_FRAME_INTERNAL_H

#include "cell_area.h"
#include "internal.h"

enum { GT_FRAME_NINDICATORS = 7 };
extern const char *const gt_frame_indicator_names[GT_FRAME_NINDICATORS];
enum {
    IND_AREA,
    IND_ELEVATION_MIN,
    IND_ELEVATION_MEAN,
    IND_ELEVATION_MAX,
    IND_SLOPE_MEAN,
    IND_SLOPE_SHARE,
    IND_FOREST_SHARE
};

typedef struct frame_entry {
    char *id, *name, *type, *cities_joined;
    char **cities;
    size_t ncities;
    unsigned indicators; /* bit i: gt_frame_indicator_names[i] */
    size_t flag0;        /* first of its cities' flags in frame->flags */
} frame_entry;

typedef struct frame_submission {
    char *city, *element, *name;
    char *county; /* the county it was submitted by, when rolled up to its city; else NULL */
    int64_t fid;
    unsigned char *wkb;
    size_t wkb_size;
} frame_submission;

typedef struct frame_city_row {
    guotu_frame_city row;
    char *id; /* borrowed from an entry or a submission */
} frame_city_row;

typedef struct frame_threshold {
    char *city, *type;
    int indicator;
    double min, max;
} frame_threshold;

enum { ZONE_WHOLE, ZONE_PART, ZONE_STRIP };

typedef struct frame_zone {
    size_t entry;
    int kind;
    const char *city, *other; /* borrowed from the entry; "" when none */
    GEOSGeometry *geom;
    const GEOSPreparedGeometry *prepared;
    double xmin, ymin, xmax, ymax;
    double area_m2;
    double w, wz, zmin, zmax; /* DEM: covered weight with a value, Σ w·z, extremes */
    double ws, wss, wsteep;   /* slope: weight with a slope, Σ w·s, weight steeper than the threshold */
    double forest_m2;
    double landuse_w; /* land-use raster: covered weight of the cells with a class */
    /* A whole element whose parts do not overlap: its DEM sums are its parts' (zones
     * [parts_from, parts_to)), added up at finish instead of being taken cell by cell. */
    int from_parts;
    size_t parts_from, parts_to;
    unsigned char *wkb;
    size_t wkb_size;
} frame_zone;

typedef struct frame_county {
    char *county, *city;
    guotu_frame_county row;
} frame_county;

struct guotu_frame {
    frame_county *counties;
    size_t ncounties, counties_cap;
    frame_entry *entries;
    size_t nentries, entries_cap;
    frame_submission *subs;
    size_t nsubs, subs_cap;
    frame_city_row *cities;
    size_t ncities, cities_cap;
    unsigned char *flags; /* submitted (per entry and listed city) */
    /* indicators */
    int has_options, prepared, finished;
    guotu_frame_options opts;
    char *crs;
    guotu_area_calc *calc;
    frame_threshold *thresholds;
    size_t nthresholds, thresholds_cap;
    char **forest_codes;
    size_t nforest_codes;
    frame_zone *zones;
    size_t nzones, zones_cap;
    /* DEM */
    int has_dem, has_landuse;
    gt_grid grid;
    double nodata;
    int has_nodata;
    gt_cell_area cell_area;
    int cell_area_ready;
    unsigned char *rows_done;
    int64_t rows_added, rows_needed;
    float *slope, *cover;
    double *scratch, *areas, *gx, *gy;
    size_t slope_cap, cover_cap, scratch_cap, areas_cap, gx_cap, gy_cap;
    size_t *band_zones; /* zones meeting the rows of the current add_dem_rows */
    size_t band_zones_cap;
    int64_t *spans; /* column spans [spans[2k], spans[2k+1]) the band's zones need */
    size_t spans_cap;
    GEOSSTRtree *tree;
    /* land use as a raster */
    int landuse_raster, landuse_polygons;
    gt_grid landuse_grid;
    int landuse_has_nodata;
    int64_t landuse_nodata;
    gt_cell_area landuse_cell_area;
    int landuse_cell_area_ready;
    int32_t *forest_values; /* the forest codes that are whole numbers */
    size_t nforest_values;
    int64_t landuse_cells;
};

/* Index of a catalogue entry by id (-1 when none); `listed` gets the city's index in the
 * entry's cities (-1 when the entry does not list it). */
long gt_frame_find(const guotu_frame *f, const char *id, const char *city, long *listed);

/* Moves the submissions of the counties added to their cities (see guotu_frame_add_county). */
int gt_frame_roll_up(guotu_context *ctx, guotu_frame *f);

/* Splits a list (separators ; , | 、 ；) and calls fn on each trimmed non-empty item. */
int gt_frame_each_item(const char *list, int (*fn)(const char *item, void *user), void *user);

#endif
