/* ring_simple.h — a quick answer to "is this polygon valid?" for the common case of a land-use
 * parcel: one ring, no holes, no two edges in contact except neighbours at their shared vertex.
 * GEOS's validity check builds a noded graph of every polygon, which for a county of small
 * parcels costs more than reading them; this test answers "surely valid" with plain
 * orientation tests or says it cannot tell, and then GEOS decides. It never says "invalid". */
#ifndef GUOTU_RING_SIMPLE_H
#define GUOTU_RING_SIMPLE_H

#include "convex_clip.h"

/* 1 when ring r (from gt_ring_read: no repeated points, not closed) is certainly a simple
 * ring: finite coordinates, every turn certain or straight on, every pair of edges that are
 * not neighbours certainly apart. 0 when it is not or when floating point cannot settle it
 * (the caller then asks GEOS). Uses malloc for an edge order; 0 when that fails. */
int gt_ring_surely_simple(const gt_ring *r);

/* 1 when g (a Polygon, or a MultiPolygon of one part) has one ring and no holes and that ring
 * is surely simple (above): then GEOS would call it valid. 0 in every other case, meaning
 * "ask GEOS". `scratch` is working space (free it with gt_ring_free). */
int gt_polygon_surely_valid(guotu_context *ctx, const GEOSGeometry *g, gt_ring *scratch);

#endif
