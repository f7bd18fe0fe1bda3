/* polygon_clip.h — the intersection of two simple polygons without holes, traced along
 * the points where their boundaries cross (Greiner–Hormann), for the pairs that are not
 * both convex (convex_clip.h handles those). It answers when every contact between the two
 * boundaries is a clean crossing — no shared edges, no vertex on the other boundary, no
 * crossing the floating-point orientation test cannot settle — and, without tracing, when
 * the two are neighbours of a coverage: boundaries touching only at exactly shared vertices
 * and edges, interiors apart (no area in common). Everything else (nesting with shared
 * edges, T-junctions, near misses) goes to GEOS's robust overlay. */
#ifndef GUOTU_POLYGON_CLIP_H
#define GUOTU_POLYGON_CLIP_H

#include "convex_clip.h"

/* Working space reused from pair to pair; zero it before first use, free with
 * gt_clip_work_free. */
typedef struct gt_clip_work {
    struct clip_crossing *crossings;
    size_t ncross, cross_cap;
    struct clip_node *nodes[2];
    size_t nnodes[2], node_cap[2];
    struct edge_key *keys; /* crossings sorted along one ring */
    size_t key_cap;
    gt_ring rings;     /* the result rings' points, one after another */
    size_t *ring_ends; /* where each result ring ends in `rings` (exclusive) */
    size_t nrings, ring_cap;
    unsigned char *marks; /* shared vertices and edges of the two rings being compared */
    size_t mark_cap;
    size_t *near[2]; /* edges of each ring that reach the other's box, in ring order */
    size_t nnear[2], near_cap[2];
    size_t *pairs; /* (edge of a, edge of b) whose boxes meet, by a's edge then b's */
    size_t npairs, pair_cap;
    struct sweep_entry *sweep; /* near edges of both rings by their smallest x */
    size_t sweep_cap;
} gt_clip_work;

void gt_clip_work_free(gt_clip_work *w);

/* Limit on (vertices of a) x (vertices of b) where every vertex of one must be tested
 * against every edge of the other (boundaries that neither cross nor touch): above it that
 * pair goes to GEOS, whose indexed tests beat it. */
#define GT_CLIP_MAX_EDGE_PAIRS 40000

/* The intersection of rings a and b (from gt_ring_read: counter-clockwise, simple).
 * Returns the number of result rings (0: no area in common), each counter-clockwise in
 * w->rings up to w->ring_ends[i]; -1 when the pair is for GEOS (see above); -2 when out of
 * memory. */
int gt_ring_clip_simple(const gt_ring *a, const gt_ring *b, gt_clip_work *w);

/* The result of gt_ring_clip_simple as a new GEOS Polygon or MultiPolygon (shells
 * clockwise, as GEOS's overlay gives them); NULL on failure with the error in ctx. Caller
 * destroys it with GEOSGeom_destroy_r. */
GEOSGeometry *gt_clip_work_geometry(guotu_context *ctx, const gt_clip_work *w, gt_ring *scratch);

#endif
