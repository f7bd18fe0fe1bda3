/* direct_overlap.h — the area two polygonal features have in common without GEOS's overlay,
 * for the pairs met when layers are drawn on the same parcel boundaries (lines drawn on
 * parcels, rectification parcels against those lines): the same parcel in both, coverage
 * neighbours touching along shared edges, clean crossings (polygon_clip.h), a parcel that
 * fills a hole of the other exactly or lies apart from its holes. Everything else is left to
 * the caller's GEOS overlay. */
#ifndef GUOTU_DIRECT_OVERLAP_H
#define GUOTU_DIRECT_OVERLAP_H

#include "polygon_clip.h"

/* Working space reused from pair to pair; zero it before first use, free with
 * gt_direct_work_free. */
typedef struct gt_direct_work {
    gt_ring rings[4];
    gt_clip_work clip;
    GEOSGeometry **pieces;
    size_t npieces, piece_cap;
} gt_direct_work;

void gt_direct_work_free(guotu_context *ctx, gt_direct_work *w);

/* The intersection of a and b (valid Polygons or MultiPolygons). Polygons of a valid
 * MultiPolygon share no area, so the pieces of every pair of polygons together are the
 * intersection. Returns 1 answered (*out a new geometry the caller destroys, or NULL when no
 * area is in common: the features only touch or are apart), 0 when the pair is for GEOS,
 * -1 when out of memory or a piece could not be built. */
int gt_direct_overlap(guotu_context *ctx, gt_direct_work *w, const GEOSGeometry *a, const GEOSGeometry *b,
                      GEOSGeometry **out);

#endif
