/* border_admin.c — per admin unit, computed once when a pair first needs it (the unit grown by
 * the snap distance, its boundary), and the base-map issues handed to the caller. Apart from
 * border.c so that the run (border.c) and the pair comparison (border_pair.c) both use it
 * without depending on each other. */
#include "border_internal.h"

const GEOSGeometry *border_admin_grown(guotu_context *ctx, guotu_border *b, border_admin *a) {
    if (!a->grown) a->grown = GEOSBuffer_r(ctx->geos, a->geom, b->o.snap_m, 8);
    return a->grown;
}

const GEOSGeometry *border_admin_boundary(guotu_context *ctx, guotu_border *b, border_admin *a) {
    (void)b;
    if (!a->boundary) a->boundary = GEOSBoundary_r(ctx->geos, a->geom);
    return a->boundary;
}

int border_emit_issue(guotu_context *ctx, guotu_border *b, const guotu_border_issue *issue, const GEOSGeometry *where) {
    if (!b->cb.issue) return GUOTU_OK;
    guotu_border_issue copy = *issue;
    unsigned char *wkb = NULL;
    if (where) {
        wkb = GEOSWKBWriter_write_r(ctx->geos, b->writer, where, &copy.wkb_size);
        if (!wkb) return gt_fail_geos(ctx, GUOTU_ERR_GEOMETRY, "cannot write WKB");
        copy.wkb = wkb;
    }
    int stop = b->cb.issue(&copy, b->user);
    if (wkb) GEOSFree_r(ctx->geos, wkb);
    return stop ? gt_fail(ctx, GUOTU_ERR_CANCELLED, "stopped by the issue callback") : GUOTU_OK;
}
