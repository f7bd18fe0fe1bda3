/* tally_internal.h — the tally object, shared by tally.c, tally_vector.c, tally_raster.c. */
#ifndef GUOTU_TALLY_INTERNAL_H
#define GUOTU_TALLY_INTERNAL_H

#include "cell_area.h"
#include "collections.h"
#include "fixed_sum.h"
#include "internal.h"
#include "polygon_clip.h"

typedef enum tally_phase {
    PHASE_ZONES = 0,  /* adding zones and masks */
    PHASE_VECTOR = 1, /* prepared; adding land-use polygons (or about to set a raster) */
    PHASE_RASTER = 2, /* raster grid set; adding blocks */
    PHASE_DONE = 3,   /* finished; results readable */
    PHASE_FAILED = 4  /* a call failed: only destroy is allowed */
} tally_phase;

typedef struct gt_zone {
    char *id;
    int64_t fid;
    GEOSGeometry *geom;      /* as given (repaired if needed) */
    GEOSGeometry *effective; /* geom less the mask; == geom when nothing was removed */
    const GEOSPreparedGeometry *prepared;
    double xmin, ymin, xmax, ymax;
    int ncoords; /* vertices of `effective`: a large zone is clipped to each parcel's box first */
} gt_zone;

struct guotu_tally {
    guotu_area_method area_method;
    guotu_invalid_policy invalid;
    guotu_raster_mode raster_mode;
    char *zones_label, *landuse_label, *mask_label;
    char *crs; /* the CRS the tally was created with (NULL: none given), for guotu_tally_prepare_like */
    guotu_area_calc *calc;
    tally_phase phase;
    int by_code; /* zones are codes given with each land-use polygon (guotu_tally_prepare_by_code) */

    gt_zone *zones;
    size_t zone_count, zone_cap;
    gt_string_table zone_ids;
    GEOSGeometry **masks;
    size_t mask_count, mask_cap;
    GEOSSTRtree *tree;
    int32_t *candidates;
    size_t candidate_count, candidate_cap;
    int candidate_oom; /* the index query could not grow the candidate list */
    gt_ring rings[2];  /* a parcel on a zone's border and the zone near it, for the direct clip */
    gt_clip_work clip;

    gt_string_table classes;
    /* (zone << 32 | class) -> dense pair index; areas in m² by pair index. */
    gt_index_map pairs;
    int32_t *pair_zone, *pair_class;
    gt_fixed *pair_area; /* m² in fixed point (fixed_sum.h): the same bits whatever the threads */
    size_t pair_cap;

    /* Zones whose interiors overlap (prepare): pairs of zone indices and the overlap in m². */
    struct gt_zone_overlap {
        int32_t a, b;
        double area_m2;
    } * overlaps;
    size_t overlap_count, overlap_cap;

    size_t *order; /* result rows: pair indices with area > 0, sorted */
    size_t result_count;
    guotu_tally_stats stats;
    int64_t expected;

    /* Raster mode. */
    gt_grid grid;
    int has_nodata;
    int64_t nodata;
    gt_cell_area cell_area;
    int cell_area_ready;
    gt_index_map raster_values; /* raster value -> dense k; value_class[k] = class index */
    int32_t *value_class;
    size_t value_class_cap;
    float *cover;
    double *scratch, *row_area, *class_sums, *block_area;
    size_t window_cap, row_cap, class_sums_cap, block_area_cap;
};

/* Adds m² to (zone, class). */
int gt_tally_add_area(guotu_context *ctx, guotu_tally *t, int32_t zone, int32_t class_index, double area_m2);
/* The same with an area already in fixed point (merging tallies). */
int gt_tally_add_fixed(guotu_context *ctx, guotu_tally *t, int32_t zone, int32_t class_index, gt_fixed area);

/* Marks the tally failed and passes the status through. */
int gt_tally_failed(guotu_tally *t, int status);

#endif
