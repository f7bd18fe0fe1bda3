/* direct_overlap.c — the area two polygonal features have in common, answered by the direct
 * clip (polygon_clip.h) where their polygons allow it (see direct_overlap.h). */
#include <stdlib.h>
#include <string.h>

#include "direct_overlap.h"

void gt_direct_work_free(guotu_context *ctx, gt_direct_work *w) {
    for (int i = 0; i < 4; i++)
        gt_ring_free(&w->rings[i]);
    gt_clip_work_free(&w->clip);
    for (size_t i = 0; i < w->npieces; i++)
        GEOSGeom_destroy_r(ctx->geos, w->pieces[i]);
    free(w->pieces);
}

static int keep_piece(gt_direct_work *w, GEOSGeometry *piece) {
    if (gt_reserve(&w->pieces, &w->piece_cap, w->npieces + 1, sizeof *w->pieces, 8)) return -1;
    w->pieces[w->npieces++] = piece;
    return 0;
}

static int boxes_meet(guotu_context *ctx, const GEOSGeometry *a, const GEOSGeometry *b) {
    double ax0, ay0, ax1, ay1, bx0, by0, bx1, by1;
    if (!GEOSGeom_getXMin_r(ctx->geos, a, &ax0) || !GEOSGeom_getYMin_r(ctx->geos, a, &ay0) ||
        !GEOSGeom_getXMax_r(ctx->geos, a, &ax1) || !GEOSGeom_getYMax_r(ctx->geos, a, &ay1) ||
        !GEOSGeom_getXMin_r(ctx->geos, b, &bx0) || !GEOSGeom_getYMin_r(ctx->geos, b, &by0) ||
        !GEOSGeom_getXMax_r(ctx->geos, b, &bx1) || !GEOSGeom_getYMax_r(ctx->geos, b, &by1))
        return 1; /* empty or unknown: let the clip decide */
    return ax0 <= bx1 && bx0 <= ax1 && ay0 <= by1 && by0 <= ay1;
}

/* A polygon made of one ring of g (a hole), read as a ring: 1, 0 not readable, -1 out of memory. */
static int hole_ring(guotu_context *ctx, const GEOSGeometry *hole, gt_ring *ring) {
    GEOSGeometry *shell = GEOSGeom_clone_r(ctx->geos, hole);
    GEOSGeometry *polygon = shell ? GEOSGeom_createPolygon_r(ctx->geos, shell, NULL, 0) : NULL;
    if (!polygon) {
        if (shell) GEOSGeom_destroy_r(ctx->geos, shell);
        return -1;
    }
    int read = gt_ring_read(ctx, polygon, ring, NULL);
    GEOSGeom_destroy_r(ctx->geos, polygon);
    return read;
}

static int keep_clip_pieces(guotu_context *ctx, gt_direct_work *w, int rings) {
    size_t made = 0;
    for (size_t from = 0; made < (size_t)rings; from = w->clip.ring_ends[made++]) {
        gt_ring view = {w->clip.rings.xy + 2 * from, w->clip.ring_ends[made] - from, 0};
        GEOSGeometry *piece = gt_ring_polygon(ctx, &view, &w->rings[2]);
        if (!piece || keep_piece(w, piece)) {
            if (piece) GEOSGeom_destroy_r(ctx->geos, piece);
            return -1;
        }
    }
    return 1;
}

/* The simple ring w->rings[0] with `holed`, a polygon with holes: its holes are islands of
 * a coverage (parcels of their own) or lie apart from the ring. When the ring fills a hole
 * exactly there is no area in common; when it shares no area with any hole the common area
 * is the ring's with the shell. Anything else is for GEOS (0). */
static int simple_with_holed(guotu_context *ctx, gt_direct_work *w, const GEOSGeometry *holed) {
    int holes = GEOSGetNumInteriorRings_r(ctx->geos, holed);
    if (holes < 1) return 0;
    const gt_ring *r = &w->rings[0];
    double x0 = r->xy[0], y0 = r->xy[1], x1 = x0, y1 = y0;
    for (size_t i = 1; i < r->n; i++) {
        double x = r->xy[2 * i], y = r->xy[2 * i + 1];
        x0 = x < x0 ? x : x0;
        x1 = x > x1 ? x : x1;
        y0 = y < y0 ? y : y0;
        y1 = y > y1 ? y : y1;
    }
    for (int h = 0; h < holes; h++) {
        const GEOSGeometry *hole = GEOSGetInteriorRingN_r(ctx->geos, holed, h);
        double hx0, hy0, hx1, hy1;
        if (!hole || !GEOSGeom_getXMin_r(ctx->geos, hole, &hx0) || !GEOSGeom_getYMin_r(ctx->geos, hole, &hy0) ||
            !GEOSGeom_getXMax_r(ctx->geos, hole, &hx1) || !GEOSGeom_getYMax_r(ctx->geos, hole, &hy1))
            return 0;
        if (hx0 > x1 || x0 > hx1 || hy0 > y1 || y0 > hy1) continue; /* apart */
        int read = hole_ring(ctx, hole, &w->rings[1]);
        if (read != 1) return read < 0 ? -1 : 0;
        if (gt_ring_same(&w->rings[0], &w->rings[1])) return 1;
        int rings = gt_ring_clip_simple(&w->rings[0], &w->rings[1], &w->clip);
        if (rings == -2) return -1;
        if (rings != 0) return 0;
    }
    int read = gt_ring_read_shell(ctx, holed, &w->rings[1]);
    if (read != 1) return read < 0 ? -1 : 0;
    int rings = gt_ring_clip_simple(&w->rings[0], &w->rings[1], &w->clip);
    if (rings == -2) return -1;
    if (rings < 0) return 0;
    return keep_clip_pieces(ctx, w, rings);
}

/* One polygon of each feature: 1 answered (its pieces added to w->pieces), 0 for GEOS,
 * -1 out of memory or a piece that could not be built (message in ctx). */
static int direct_parts(guotu_context *ctx, gt_direct_work *w, const GEOSGeometry *pa, const GEOSGeometry *pb) {
    if (!boxes_meet(ctx, pa, pb)) return 1;
    int ra = gt_ring_read(ctx, pa, &w->rings[0], NULL), rb = ra == 1 ? gt_ring_read(ctx, pb, &w->rings[1], NULL) : 0;
    if (ra < 0 || rb < 0) return -1;
    if (ra == 1 && rb == 1) {
        if (gt_ring_same(&w->rings[0], &w->rings[1])) {
            /* The same parcel in both lines (lines drawn on the same parcels): the overlap is it. */
            GEOSGeometry *piece = GEOSGeom_clone_r(ctx->geos, pb);
            if (!piece || keep_piece(w, piece)) {
                if (piece) GEOSGeom_destroy_r(ctx->geos, piece);
                return -1;
            }
            return 1;
        }
        int rings = gt_ring_clip_simple(&w->rings[0], &w->rings[1], &w->clip);
        if (rings == -2) return -1;
        if (rings < 0) return 0;
        return keep_clip_pieces(ctx, w, rings);
    }
    /* A polygon with holes (an island inside it): answered when the other is simple and
     * lies apart from every hole or fills one exactly, when the shells share no area, or
     * when the two are exactly the same polygon. */
    if (GEOSGeomTypeId_r(ctx->geos, pa) != GEOS_POLYGON || GEOSGeomTypeId_r(ctx->geos, pb) != GEOS_POLYGON) return 0;
    if (ra == 1 && rb == 0) return simple_with_holed(ctx, w, pb);
    if (ra == 0) {
        int simple_b = gt_ring_read(ctx, pb, &w->rings[0], NULL);
        if (simple_b < 0) return -1;
        if (simple_b == 1) return simple_with_holed(ctx, w, pa);
    }
    ra = gt_ring_read_shell(ctx, pa, &w->rings[0]);
    rb = ra == 1 ? gt_ring_read_shell(ctx, pb, &w->rings[1]) : 0;
    if (ra < 0 || rb < 0) return -1;
    if (ra != 1 || rb != 1) return 0;
    if (!gt_ring_same(&w->rings[0], &w->rings[1])) {
        int rings = gt_ring_clip_simple(&w->rings[0], &w->rings[1], &w->clip);
        if (rings == -2) return -1;
        return rings == 0 ? 1 : 0;
    }
    if (GEOSEqualsExact_r(ctx->geos, pa, pb, 0.0) != 1) return 0;
    GEOSGeometry *piece = GEOSGeom_clone_r(ctx->geos, pb);
    if (!piece || keep_piece(w, piece)) {
        if (piece) GEOSGeom_destroy_r(ctx->geos, piece);
        return -1;
    }
    return 1;
}

int gt_direct_overlap(guotu_context *ctx, gt_direct_work *w, const GEOSGeometry *a, const GEOSGeometry *b,
                      GEOSGeometry **out) {
    *out = NULL;
    int ta = GEOSGeomTypeId_r(ctx->geos, a), tb = GEOSGeomTypeId_r(ctx->geos, b);
    if ((ta != GEOS_POLYGON && ta != GEOS_MULTIPOLYGON) || (tb != GEOS_POLYGON && tb != GEOS_MULTIPOLYGON)) return 0;
    int na = ta == GEOS_POLYGON ? 1 : GEOSGetNumGeometries_r(ctx->geos, a);
    int nb = tb == GEOS_POLYGON ? 1 : GEOSGetNumGeometries_r(ctx->geos, b);
    int answered = na >= 0 && nb >= 0;
    for (int i = 0; answered == 1 && i < na; i++) {
        const GEOSGeometry *pa = ta == GEOS_POLYGON ? a : GEOSGetGeometryN_r(ctx->geos, a, i);
        if (na > 1 && !boxes_meet(ctx, pa, b)) continue;
        for (int j = 0; answered == 1 && j < nb; j++)
            answered = direct_parts(ctx, w, pa, tb == GEOS_POLYGON ? b : GEOSGetGeometryN_r(ctx->geos, b, j));
    }
    if (answered == 1 && w->npieces) {
        if (w->npieces == 1) {
            *out = w->pieces[0];
        } else {
            /* GEOS owns the pieces from here on, also when it fails. */
            *out = GEOSGeom_createCollection_r(ctx->geos, GEOS_MULTIPOLYGON, w->pieces, (unsigned int)w->npieces);
            if (!*out) answered = -1;
        }
        w->npieces = 0;
    }
    for (size_t i = 0; i < w->npieces; i++)
        GEOSGeom_destroy_r(ctx->geos, w->pieces[i]);
    w->npieces = 0;
    return answered;
}
