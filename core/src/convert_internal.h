/* convert_internal.h — what the conversion overlay's files share (convert.c: polygons,
 * convert_grid.c: raster cells on one grid). */
#ifndef GUOTU_CONVERT_INTERNAL_H
#define GUOTU_CONVERT_INTERNAL_H

#include "area.h"
#include "cell_area.h"
#include "code_table.h"
#include "collections.h"
#include "convex_clip.h"
#include "fixed_sum.h"
#include "polygon_clip.h"
#include "policy.h"

enum { UNKNOWN_CATEGORY = GT_CATEGORIES, STATUS_UNKNOWN = 5 };
extern const char *const gt_status_names[6]; /* same, path, conditional, prohibited, gap, unknown */

/* Zone keys in the tables: 0 = all zones ("*"), 1 = no zone (""), 2 + i = zone i. */
enum { ZONE_ALL = 0, ZONE_NONE = 1, ZONE_FIRST = 2 };
/* Line keys: guotu_line 0..2, then "outside the three lines". */
enum { LINE_COUNT = 3, LINE_NONE = 3 };

/* A polygon without holes can be clipped directly: by gt_ring_clip_convex when both of a
 * pair are convex, else by gt_ring_clip_simple; anything else goes to GEOS. */
enum { SHAPE_OTHER = 0, SHAPE_SIMPLE = 1, SHAPE_CONVEX = 2 };

typedef struct before_poly {
    GEOSGeometry *geom;
    int32_t code;
    int8_t category;
    int8_t shape; /* SHAPE_*: how a pair with it can be clipped without GEOS */
    int64_t fid;
} before_poly;

typedef struct zone_poly {
    char *id;
    int64_t fid;
    GEOSGeometry *geom;
    const GEOSPreparedGeometry *prepared;
} zone_poly;

/* A feature of one of the three lines; sorted by line (red line first) at prepare, so a
 * lower index has priority where lines overlap. */
typedef struct line_poly {
    GEOSGeometry *geom;
    const GEOSPreparedGeometry *prepared;
    int line;
    int64_t fid;
} line_poly;

/* Sums are kept in fixed point, 2^-60 ha (about 1e-14 m²) per step (fixed_sum.h). */

/* A table summed by a packed key: dense rows, each with its key parts and sums. */
typedef struct sum_table {
    gt_index_map index;
    int32_t (*keys)[3];
    gt_fixed (*sums)[2];
    size_t cap;
    size_t *order; /* sorted at finish */
} sum_table;

/* The "before" layer read once for the overlays of several threads (convert_before.c): its
 * polygons, codes and spatial index, sealed and then only read (guotu_convert_use_before). */
struct guotu_convert_before {
    guotu_area_method area_method;
    guotu_invalid_policy invalid;
    char *label, *crs;
    const guotu_category_map *map;
    struct guotu_convert_before_part **parts; /* while filling; freed by the seal */
    size_t part_count, part_cap;
    int phase;           /* 0 filling, 1 sealed, 3 failed */
    before_poly *before; /* by position in the layer; codes index `codes` */
    size_t count;
    gt_string_table codes;
    GEOSSTRtree *tree;
    int64_t repaired;
    double area_ha; /* summed in position order, as guotu_convert_add_before sums it */
};

struct guotu_convert {
    guotu_area_method area_method;
    guotu_invalid_policy invalid;
    char *before_label, *after_label, *zones_label;
    guotu_area_calc *calc;
    const guotu_category_map *maps[2];
    const guotu_policy *policy;
    const guotu_coefficients *k[2];
    int phase; /* 0 loading, 1 overlaying, 2 finished, 3 failed */
    before_poly *before;
    size_t before_count, before_cap;
    zone_poly *zones;
    size_t zone_count, zone_cap;
    gt_string_table zone_ids;
    line_poly *lines;
    size_t line_count, line_cap;
    GEOSSTRtree *before_tree, *zone_tree, *line_tree;
    gt_string_table codes;
    GEOSWKBWriter *writer;
    guotu_piece_fn on_piece;
    void *piece_user;
    int32_t *candidates;
    size_t candidate_count, candidate_cap;
    int candidate_oom;
    gt_ring rings[4]; /* before, after, piece, scratch: for the pairs clipped without GEOS */
    gt_clip_work clip;
    sum_table categories, code_rows, statuses, unknown, line_statuses;
    guotu_convert_stats stats;
    gt_fixed overlaid_fixed;            /* stats.overlaid_area_ha in fixed point: the same for any split */
    const guotu_convert_before *shared; /* borrowed "before" layer (before, before_tree are its) */
    int64_t expected;
    struct gt_convert_grid *grid; /* raster mode (convert_grid.c); NULL for polygons */
};

/* Which piece is being summed: the codes and categories of both sides. */
typedef struct piece_source {
    const before_poly *b;
    int32_t to_code;
    int to_category;
    int64_t after_fid;
} piece_source;

/* Sums `ha` of a piece in zone key zk and line key into every table and the stats; the
 * rule of the pair and its status index come back in *rule and *status_index (may be
 * NULL). *dm_ha (may be NULL) gets the standard-forest change. */
int gt_convert_sum(guotu_context *ctx, guotu_convert *cv, int zk, int line, const piece_source *src, double ha,
                   guotu_policy_rule *rule, int *status_index, double *dm_ha);

/* Frees a sum table's arrays (the table is left empty). */
void gt_sum_table_free(sum_table *t);
/* Adds (a, b) to the row of key parts k0..k2 packed into `key`; -1 when out of memory. */
int gt_sum_add(sum_table *t, uint64_t key, int32_t k0, int32_t k1, int32_t k2, double a, double b);
/* The same with sums already in fixed point (merging two tables). */
int gt_sum_add_fixed(sum_table *t, uint64_t key, int32_t k0, int32_t k1, int32_t k2, gt_fixed a, gt_fixed b);
/* Sum i (0 or 1) of row r, in hectares. */
double gt_sum_value(const sum_table *t, size_t r, int i);

/* Status index (0..5 in gt_status_names) of a pair of categories (UNKNOWN_CATEGORY too). */
int gt_convert_status_index(const guotu_convert *cv, int from_category, int to_category, guotu_policy_rule *rule);

/* Marks the overlay failed when status is non-zero; returns status. */
int gt_convert_failed(guotu_convert *cv, int status);
int gt_convert_in_phase(guotu_context *ctx, const guotu_convert *cv, int phase, const char *call);
int32_t gt_convert_intern_code(guotu_context *ctx, guotu_convert *cv, const char *code, const char *label, int64_t fid);
/* The same into any code table (a shared before layer's parts). */
int32_t gt_intern_class_code(guotu_context *ctx, gt_string_table *codes, const char *code, const char *label,
                             int64_t fid);

/* Frees the raster-mode state (convert_grid.c). */
void gt_convert_grid_free(guotu_context *ctx, guotu_convert *cv);

#endif
