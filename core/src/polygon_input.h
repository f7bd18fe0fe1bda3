/* polygon_input.h — reading polygon features for the algorithms. */
#ifndef GUOTU_POLYGON_INPUT_H
#define GUOTU_POLYGON_INPUT_H

#include "internal.h"

/* Reads WKB of feature `fid` of layer `label`, checks it is a Polygon or MultiPolygon with
 * finite coordinates, and repairs it (GEOSMakeValid, *repaired = 1) or rejects it
 * (GUOTU_ERR_INVALID_GEOMETRY naming layer, feature and reason) by the policy.
 * On success *out is owned by the caller (GEOSGeom_destroy_r). */
int gt_read_polygon(guotu_context *ctx, guotu_invalid_policy invalid, const char *label, int64_t fid,
                    const unsigned char *wkb, size_t wkb_size, GEOSGeometry **out, int *repaired);

/* Like gt_read_polygon, and when the input was invalid (and repaired) also says why and
 * where: the reason into `reason` and a point into *location (caller destroys; may be NULL). */
int gt_read_polygon_detail(guotu_context *ctx, guotu_invalid_policy invalid, const char *label, int64_t fid,
                           const unsigned char *wkb, size_t wkb_size, GEOSGeometry **out, int *repaired, char *reason,
                           size_t reason_size, GEOSGeometry **location);

/* The polygonal part of an overlay result (which may hold lines and points where the
 * inputs touched), as a new Polygon or MultiPolygon; NULL when it has no area. */
GEOSGeometry *gt_polygonal_part(guotu_context *ctx, const GEOSGeometry *geom);

/* The polygonal part of a ∩ b (difference 0) or a − b (difference 1): GEOS's robust overlay,
 * retried snap-rounded at 1 mm. *out gets a new Polygon or MultiPolygon (caller destroys it
 * with GEOSGeom_destroy_r), or NULL when the result has no area. Returns GUOTU_OK, or
 * GUOTU_ERR_GEOMETRY with the message "cannot intersect <fmt ...>: <GEOS's reason>"
 * ("cannot subtract" for a difference), or GUOTU_ERR_NOMEM. */
int gt_overlay_polygonal(guotu_context *ctx, const GEOSGeometry *a, const GEOSGeometry *b, int difference,
                         GEOSGeometry **out, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 6, 7)))
#endif
    ;

#endif
