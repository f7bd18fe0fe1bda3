/* convex_clip.h — the intersection of two convex polygons without holes, computed
 * directly (Sutherland–Hodgman against each edge of one of them) instead of by a general
 * overlay. Land-use parcels are often convex (fields, plots, the cells of a grid), and
 * for two small polygons a general overlay spends nearly all its time building and
 * validating its graph, not on the few intersection points. Anything that is not the
 * plain convex case is left to GEOS by the caller. */
#ifndef GUOTU_CONVEX_CLIP_H
#define GUOTU_CONVEX_CLIP_H

#include <stddef.h>

#include "internal.h"

/* A ring as x,y pairs, counter-clockwise, not closed (the first point is not repeated),
 * without consecutive duplicate points. `xy` holds 2 * cap doubles; free it with free(). */
typedef struct gt_ring {
    double *xy;
    size_t n, cap;
} gt_ring;

/* Reads the shell of `g` into `ring` when `g` is a Polygon without holes (valid, as
 * gt_read_polygon gives it): counter-clockwise, without repeated points. *convex (may be
 * NULL when the caller knows) says whether it is convex: every turn to the same side,
 * points on a straight edge allowed. Returns 1 (read), 0 (not a one-ring polygon) or -1
 * (out of memory). */
int gt_ring_read(guotu_context *ctx, const GEOSGeometry *g, gt_ring *ring, int *convex);

/* The intersection of two convex rings (from gt_ring_read) into `out`, using
 * `scratch` as working space. Returns 1 when the intersection is a polygon with area
 * (out: counter-clockwise, convex), 0 when it has no area (disjoint, or touching along
 * an edge or at a point), -1 when the computed ring is not convex — a near-degenerate
 * case that floating point cannot settle here, for the caller to give to GEOS — and -2
 * when out of memory. */
int gt_ring_clip_convex(const gt_ring *subject, const gt_ring *clip, gt_ring *out, gt_ring *scratch);

/* A new GEOS Polygon from `ring` (closed, shell clockwise as GEOS's overlay gives it);
 * NULL on failure with the error in ctx. Caller destroys it with GEOSGeom_destroy_r. */
GEOSGeometry *gt_ring_polygon(guotu_context *ctx, const gt_ring *ring, gt_ring *scratch);

/* 1 when rings a and b (from gt_ring_read: no repeated points) have the same points in the
 * same order, starting anywhere: the same parcel in two years or two layers. */
int gt_ring_same(const gt_ring *a, const gt_ring *b);

/* Reads the shell of `g` (a Polygon, or a MultiPolygon of one part, holes allowed) as
 * gt_ring_read reads a polygon without holes: 1 read, 0 not such a polygon, -1 out of memory. */
int gt_ring_read_shell(guotu_context *ctx, const GEOSGeometry *g, gt_ring *ring);

/* Frees the ring's points; the ring is empty again. */
void gt_ring_free(gt_ring *ring);

#endif
