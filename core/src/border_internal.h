/* border_internal.h — what the border-conflict source files share (see guotu_border.h). */
#ifndef GUOTU_BORDER_INTERNAL_H
#define GUOTU_BORDER_INTERNAL_H

#include "collections.h"
#include "direct_overlap.h"
#include "internal.h"

/* ---- intervals along the parts of a border (border_measure.c) ---- */

typedef struct gt_ival {
    int part;
    double s0, s1; /* s0 < s1, metres from the part's start */
} gt_ival;

typedef struct gt_ivals {
    gt_ival *v;
    size_t n, cap;
} gt_ivals;

/* Appends an interval; empty ones (s1 - s0 below a nanometre) are ignored. 1 when out of memory. */
int gt_ivals_add(gt_ivals *set, int part, double s0, double s1);
int gt_ivals_contains(const gt_ivals *set, int part, double s);
/* Ends of intervals closer than this (m) are one place: rounding noise of the projections. */
#define GT_IVAL_NOISE_M 1e-6

/* 1 when some interval of the set meets the open interval (s0, s1) of `part` along more than
 * GT_IVAL_NOISE_M. */
int gt_ivals_meets(const gt_ivals *set, int part, double s0, double s1);
/* Sorts by part and start and merges overlapping intervals, so lengths add up. */
void gt_ivals_normalize(gt_ivals *set);
double gt_ivals_length(const gt_ivals *set);
void gt_ivals_free(gt_ivals *set);

/* A shared border as coordinate arrays, one per merged part, with an index of its
 * segments to find the nearest border point of any vertex. */
typedef struct border_line {
    int nparts;
    double **xy;  /* per part: x0 y0 x1 y1 ... */
    size_t *npts; /* per part */
    double **cum; /* per part: length from the start to each vertex */
    int *closed;
    double length; /* of all parts */
    struct border_seg *segs;
    size_t nsegs;
    GEOSGeometry **seg_boxes; /* alive as long as the tree */
    GEOSSTRtree *tree;
    GEOSGeometry *geom; /* the parts as a MultiLineString */
    double search;      /* first search radius for the nearest segment */
} border_line;

/* Builds the border from A's boundary ∩ the grown B: line-merges it, cuts stubs turning away
 * by more than 45° within `stub` metres of a part's end, drops empty parts. 1 on failure
 * (message set). An empty result has nparts == 0. */
int border_line_build(guotu_context *ctx, const GEOSGeometry *lines, double stub, double search, border_line *bl);
void border_line_free(guotu_context *ctx, border_line *bl);

/* The stretch of border each component of `g` faces: its vertices (exterior rings of
 * polygons, all vertices of lines) projected onto their nearest border points, from the
 * first to the last along each part (on a closed part: around the ring, leaving out the
 * largest empty arc). Appended to `out`. 1 on failure. */
int border_shadow(guotu_context *ctx, const border_line *bl, const GEOSGeometry *g, gt_ivals *out);

/* Distance from (x, y) to the border when it is at most `radius`, else something larger
 * (INFINITY). 1 on failure. */
int border_distance(guotu_context *ctx, const border_line *bl, double x, double y, double radius, double *d);

/* The part of the border between s0 and s1 of `part` as a LineString; NULL on failure. */
GEOSGeometry *border_substring(guotu_context *ctx, const border_line *bl, int part, double s0, double s1);

/* ---- a big geometry cut into boxes around the elements (border_local.c) ---- */

typedef struct border_local_node border_local_node;

typedef struct border_local {
    const GEOSGeometry *whole; /* borrowed */
    border_local_node *root;   /* made on first use */
} border_local;

void border_local_init(border_local *l, const GEOSGeometry *whole);
void border_local_free(guotu_context *ctx, border_local *l);

/* A box is cut into four only after it has served this many elements (border_local.c). */
enum { BORDER_LOCAL_SPLIT_USES = 16 };

/* The ground of the whole to overlay with `g`: the whole clipped to a box that holds g's
 * envelope with room to spare (cut once the box above it has served BORDER_LOCAL_SPLIT_USES
 * elements, then kept), or the whole itself when g is too big for any box, the whole has not
 * served that many elements yet or a cut failed. Within g's envelope it is the whole's ground with the
 * whole's own vertices, so the overlay of g with it is the overlay with the whole. Borrowed
 * from `l` (alive until border_local_free). */
const GEOSGeometry *border_local_part(guotu_context *ctx, border_local *l, const GEOSGeometry *g);

/* ---- the run (border.c) and one pair (border_pair.c) ---- */

typedef struct border_admin {
    char *id, *name;
    int64_t fid;
    GEOSGeometry *geom;
    const GEOSPreparedGeometry *prepared;
    GEOSGeometry *boundary, *grown; /* made when first needed */
    GEOSGeometry *shrunk;           /* shrunk by a hair (border_pair.c), made when first needed */
    int repaired;
    char reason[160];
    GEOSGeometry *location;
    GEOSSTRtree *elements; /* of this city's elements, items = element index + 1 */
} border_admin;

typedef struct border_element {
    int32_t city_text, category, name; /* string table indices */
    int32_t city;                      /* admin index, -1 when unknown or empty */
    int64_t fid;
    GEOSGeometry *geom; /* NULL when the feature had none */
    int repaired;
    char reason[160];
    GEOSGeometry *location;
    int compared; /* met the corridor of some shared border */
} border_element;

typedef struct border_pair_row {
    size_t a, b;
    guotu_border_pair row;
} border_pair_row;

struct guotu_border {
    guotu_border_options o;
    guotu_area_calc *calc;
    border_admin *admins;
    size_t admin_count, admin_cap;
    border_element *elements;
    size_t element_count, element_cap;
    gt_string_table strings; /* city ids, categories and names */
    border_pair_row *pairs;
    size_t pair_count, pair_cap;
    guotu_border_stats stats;
    GEOSWKBWriter *writer;
    guotu_border_callbacks cb;
    void *user;
    int64_t next_conflict;
    int ran;
    /* The direct clip's working space: pairs of polygons that only touch (coverage
     * neighbours) are answered without GEOS's overlay. */
    gt_direct_work direct;
};

/* Grown (by snap) and boundary of an admin unit, made once. NULL on failure. */
const GEOSGeometry *border_admin_grown(guotu_context *ctx, guotu_border *b, border_admin *a);
const GEOSGeometry *border_admin_boundary(guotu_context *ctx, guotu_border *b, border_admin *a);

/* Reports an issue through the callback (wkb of `where` when given). */
int border_emit_issue(guotu_context *ctx, guotu_border *b, const guotu_border_issue *issue, const GEOSGeometry *where);

/* Compares units a < b: when adjacent, adds a pair row and reports everything along their
 * border. */
int border_compare_pair(guotu_context *ctx, guotu_border *b, size_t a, size_t bi);

#endif
