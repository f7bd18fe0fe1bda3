/* convex_clip.c — intersection of two convex polygons without a general overlay. */
#include "convex_clip.h"

#include "area.h"

#include <stdlib.h>
#include <string.h>

void gt_ring_free(gt_ring *ring) {
    free(ring->xy);
    ring->xy = NULL;
    ring->n = ring->cap = 0;
}

static int ring_reserve(gt_ring *ring, size_t n) {
    return gt_reserve(&ring->xy, &ring->cap, n, 2 * sizeof *ring->xy, 16);
}

/* Drops consecutive duplicate points and a repeated first point at the end. */
static void drop_duplicates(gt_ring *r) {
    size_t k = 0;
    for (size_t i = 0; i < r->n; i++) {
        double x = r->xy[2 * i], y = r->xy[2 * i + 1];
        if (k && x == r->xy[2 * (k - 1)] && y == r->xy[2 * (k - 1) + 1]) continue;
        r->xy[2 * k] = x;
        r->xy[2 * k + 1] = y;
        k++;
    }
    while (k > 1 && r->xy[0] == r->xy[2 * (k - 1)] && r->xy[1] == r->xy[2 * (k - 1) + 1])
        k--;
    r->n = k;
}

/* 1 when every turn of the counter-clockwise ring is to the left or straight on. */
static int turns_left(const gt_ring *r) {
    for (size_t i = 0; i < r->n; i++) {
        const double *a = &r->xy[2 * ((i + r->n - 1) % r->n)], *b = &r->xy[2 * i], *c = &r->xy[2 * ((i + 1) % r->n)];
        double cross = (b[0] - a[0]) * (c[1] - b[1]) - (b[1] - a[1]) * (c[0] - b[0]);
        if (cross < 0) return 0;
    }
    return 1;
}

int gt_ring_read(guotu_context *ctx, const GEOSGeometry *g, gt_ring *ring, int *convex) {
    if (convex) *convex = 0;
    /* Delivered land use is MultiPolygon throughout (三调 packages, GeoPackages written by GIS
     * tools), nearly always of one part: that part is the polygon. */
    if (GEOSGeomTypeId_r(ctx->geos, g) == GEOS_MULTIPOLYGON && GEOSGetNumGeometries_r(ctx->geos, g) == 1)
        g = GEOSGetGeometryN_r(ctx->geos, g, 0);
    if (!g || GEOSGeomTypeId_r(ctx->geos, g) != GEOS_POLYGON || GEOSGetNumInteriorRings_r(ctx->geos, g) != 0) return 0;
    const GEOSGeometry *shell = GEOSGetExteriorRing_r(ctx->geos, g);
    const GEOSCoordSequence *seq = shell ? GEOSGeom_getCoordSeq_r(ctx->geos, shell) : NULL;
    unsigned int n = 0;
    if (!seq || !GEOSCoordSeq_getSize_r(ctx->geos, seq, &n) || n < 4) return 0;
    if (ring_reserve(ring, n)) return -1;
    if (!GEOSCoordSeq_copyToBuffer_r(ctx->geos, seq, ring->xy, 0, 0)) return 0;
    ring->n = n;
    drop_duplicates(ring);
    if (ring->n < 3) return 0;
    double a2 = gt_ring_twice_area(ring->xy, ring->n);
    if (a2 == 0) return 0;
    if (a2 < 0)
        for (size_t i = 0, j = ring->n - 1; i < j; i++, j--) {
            double x = ring->xy[2 * i], y = ring->xy[2 * i + 1];
            ring->xy[2 * i] = ring->xy[2 * j];
            ring->xy[2 * i + 1] = ring->xy[2 * j + 1];
            ring->xy[2 * j] = x;
            ring->xy[2 * j + 1] = y;
        }
    /* A valid ring that only ever turns left is convex. */
    if (convex) *convex = turns_left(ring);
    return 1;
}

/* Keeps the part of `in` on the left of (or on) the line a -> b, into `out`. */
static int clip_half_plane(const gt_ring *in, const double *a, const double *b, gt_ring *out) {
    out->n = 0;
    if (ring_reserve(out, 2 * in->n + 2)) return -1;
    double dx = b[0] - a[0], dy = b[1] - a[1];
    for (size_t i = 0; i < in->n; i++) {
        const double *s = &in->xy[2 * ((i + in->n - 1) % in->n)], *e = &in->xy[2 * i];
        double ds = dx * (s[1] - a[1]) - dy * (s[0] - a[0]);
        double de = dx * (e[1] - a[1]) - dy * (e[0] - a[0]);
        if ((ds < 0) != (de < 0) && ds != de) {
            /* The edge crosses the line: its crossing point, from the side it starts on. */
            double t = ds / (ds - de);
            double *p = &out->xy[2 * out->n++];
            p[0] = s[0] + t * (e[0] - s[0]);
            p[1] = s[1] + t * (e[1] - s[1]);
        }
        if (de >= 0) {
            double *p = &out->xy[2 * out->n++];
            p[0] = e[0];
            p[1] = e[1];
        }
    }
    return 0;
}

int gt_ring_clip_convex(const gt_ring *subject, const gt_ring *clip, gt_ring *out, gt_ring *scratch) {
    if (ring_reserve(out, subject->n)) return -2;
    memcpy(out->xy, subject->xy, 2 * subject->n * sizeof *out->xy);
    out->n = subject->n;
    for (size_t i = 0; i < clip->n && out->n >= 3; i++) {
        const double *a = &clip->xy[2 * i], *b = &clip->xy[2 * ((i + 1) % clip->n)];
        if (clip_half_plane(out, a, b, scratch)) return -2;
        gt_ring swap = *out;
        *out = *scratch;
        *scratch = swap;
        drop_duplicates(out);
    }
    if (out->n < 3 || !(gt_ring_twice_area(out->xy, out->n) > 0)) return 0;
    return turns_left(out) ? 1 : -1;
}

GEOSGeometry *gt_ring_polygon(guotu_context *ctx, const gt_ring *ring, gt_ring *scratch) {
    if (ring_reserve(scratch, ring->n + 1)) {
        gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
        return NULL;
    }
    /* Clockwise and closed, as GEOS's own overlay gives shells. */
    for (size_t i = 0; i < ring->n; i++) {
        scratch->xy[2 * i] = ring->xy[2 * (ring->n - 1 - i)];
        scratch->xy[2 * i + 1] = ring->xy[2 * (ring->n - 1 - i) + 1];
    }
    scratch->xy[2 * ring->n] = scratch->xy[0];
    scratch->xy[2 * ring->n + 1] = scratch->xy[1];
    /* GEOS takes the sequence and the shell over, also when it fails with them. */
    GEOSCoordSequence *seq = GEOSCoordSeq_copyFromBuffer_r(ctx->geos, scratch->xy, (unsigned int)ring->n + 1, 0, 0);
    GEOSGeometry *shell = seq ? GEOSGeom_createLinearRing_r(ctx->geos, seq) : NULL;
    GEOSGeometry *poly = shell ? GEOSGeom_createPolygon_r(ctx->geos, shell, NULL, 0) : NULL;
    if (!poly) gt_fail_geos(ctx, GUOTU_ERR_GEOMETRY, "cannot build a piece polygon");
    return poly;
}

int gt_ring_same(const gt_ring *a, const gt_ring *b) {
    if (a->n != b->n || a->n < 3) return 0;
    size_t n = a->n, start = n;
    for (size_t j = 0; j < n; j++)
        if (b->xy[2 * j] == a->xy[0] && b->xy[2 * j + 1] == a->xy[1]) {
            start = j;
            break;
        }
    if (start == n) return 0;
    for (size_t i = 0; i < n; i++) {
        size_t j = (start + i) % n;
        if (a->xy[2 * i] != b->xy[2 * j] || a->xy[2 * i + 1] != b->xy[2 * j + 1]) return 0;
    }
    return 1;
}

int gt_ring_read_shell(guotu_context *ctx, const GEOSGeometry *g, gt_ring *ring) {
    if (GEOSGeomTypeId_r(ctx->geos, g) == GEOS_MULTIPOLYGON) {
        if (GEOSGetNumGeometries_r(ctx->geos, g) != 1) return 0;
        g = GEOSGetGeometryN_r(ctx->geos, g, 0);
    }
    if (!g || GEOSGeomTypeId_r(ctx->geos, g) != GEOS_POLYGON) return 0;
    const GEOSGeometry *exterior = GEOSGetExteriorRing_r(ctx->geos, g);
    GEOSGeometry *shell = exterior ? GEOSGeom_clone_r(ctx->geos, exterior) : NULL;
    GEOSGeometry *polygon = shell ? GEOSGeom_createPolygon_r(ctx->geos, shell, NULL, 0) : NULL;
    if (!polygon) {
        if (shell) GEOSGeom_destroy_r(ctx->geos, shell);
        return -1;
    }
    int read = gt_ring_read(ctx, polygon, ring, NULL);
    GEOSGeom_destroy_r(ctx->geos, polygon);
    return read;
}
