/* polygon_input.c — WKB in, a valid polygonal GEOS geometry out (or a message). */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "polygon_input.h"
#include "ring_simple.h"

#define GT_MAX_COORDINATE 1e10 /* metres or degrees: far beyond any real coordinate */

static const char *geom_type_name(guotu_context *ctx, const GEOSGeometry *g, char *buf, size_t size) {
    char *name = GEOSGeomType_r(ctx->geos, g);
    snprintf(buf, size, "%s", name ? name : "unknown");
    if (name) GEOSFree_r(ctx->geos, name);
    return buf;
}

/* GUOTU_OK when every coordinate of g is finite and within GT_MAX_COORDINATE; otherwise a
 * message naming the feature. No CRS on the Earth has coordinates beyond a few times 10^7
 * (metres with a zone prefix): beyond that the file is damaged or in wrong units, and areas
 * and distances would overflow (a square of 1e300 has an infinite area). The envelope is the
 * shells': a hole outside its shell escapes it, so a repaired geometry is checked again. */
static int check_coordinates(guotu_context *ctx, const GEOSGeometry *g, const char *label, int64_t fid) {
    double bounds[4] = {0, 0, 0, 0};
    if (GEOSisEmpty_r(ctx->geos, g) != 1 &&
        (GEOSGeom_getXMin_r(ctx->geos, g, &bounds[0]) != 1 || GEOSGeom_getYMin_r(ctx->geos, g, &bounds[1]) != 1 ||
         GEOSGeom_getXMax_r(ctx->geos, g, &bounds[2]) != 1 || GEOSGeom_getYMax_r(ctx->geos, g, &bounds[3]) != 1 ||
         !isfinite(bounds[0]) || !isfinite(bounds[1]) || !isfinite(bounds[2]) || !isfinite(bounds[3])))
        return gt_fail(ctx, GUOTU_ERR_GEOMETRY,
                       "feature %lld of layer '%s' has coordinates that are not finite numbers", (long long)fid, label);
    for (int i = 0; i < 4; i++)
        if (fabs(bounds[i]) > GT_MAX_COORDINATE)
            return gt_fail(ctx, GUOTU_ERR_GEOMETRY,
                           "feature %lld of layer '%s' has a coordinate of %g, beyond any position on the Earth "
                           "(|x|, |y| <= %g): the file is damaged or its coordinates are in wrong units",
                           (long long)fid, label, bounds[i], GT_MAX_COORDINATE);
    return GUOTU_OK;
}

int gt_read_polygon(guotu_context *ctx, guotu_invalid_policy invalid, const char *label, int64_t fid,
                    const unsigned char *wkb, size_t wkb_size, GEOSGeometry **out, int *repaired) {
    return gt_read_polygon_detail(ctx, invalid, label, fid, wkb, wkb_size, out, repaired, NULL, 0, NULL);
}

int gt_read_polygon_detail(guotu_context *ctx, guotu_invalid_policy invalid, const char *label, int64_t fid,
                           const unsigned char *wkb, size_t wkb_size, GEOSGeometry **out, int *repaired, char *reason,
                           size_t reason_size, GEOSGeometry **location) {
    if (location) *location = NULL;
    if (reason && reason_size) reason[0] = '\0';
    *out = NULL;
    *repaired = 0;
    if (!wkb || !wkb_size)
        return gt_fail(ctx, GUOTU_ERR_GEOMETRY, "feature %lld of layer '%s' has no geometry", (long long)fid, label);
    GEOSGeometry *g = GEOSGeomFromWKB_buf_r(ctx->geos, wkb, wkb_size);
    if (!g)
        return gt_fail_geos(ctx, GUOTU_ERR_GEOMETRY, "cannot read the geometry of feature %lld of layer '%s'",
                            (long long)fid, label);
    int type = GEOSGeomTypeId_r(ctx->geos, g);
    if (type != GEOS_POLYGON && type != GEOS_MULTIPOLYGON) {
        char name[64];
        gt_fail(ctx, GUOTU_ERR_GEOMETRY, "feature %lld of layer '%s' is a %s; polygons are needed", (long long)fid,
                label, geom_type_name(ctx, g, name, sizeof name));
        GEOSGeom_destroy_r(ctx->geos, g);
        return GUOTU_ERR_GEOMETRY;
    }
    int status = check_coordinates(ctx, g, label, fid);
    if (status) {
        GEOSGeom_destroy_r(ctx->geos, g);
        return status;
    }
    /* Most parcels are one ring that a few orientation tests show simple; GEOS's check (a
     * noded graph per polygon) is kept for the rest, and for every invalid one. */
    gt_ring ring = {0};
    char valid = gt_polygon_surely_valid(ctx, g, &ring) ? 1 : GEOSisValid_r(ctx->geos, g);
    gt_ring_free(&ring);
    if (valid == 1) {
        *out = g;
        return GUOTU_OK;
    }
    if (valid != 0) {
        GEOSGeom_destroy_r(ctx->geos, g);
        return gt_fail_geos(ctx, GUOTU_ERR_GEOMETRY, "cannot check feature %lld of layer '%s'", (long long)fid, label);
    }
    char *why = NULL;
    GEOSGeometry *where = NULL;
    GEOSisValidDetail_r(ctx->geos, g, 0, &why, &where);
    /* NaN coordinates pass envelope checks (comparisons with NaN are false) but GEOS calls
     * them invalid coordinates: no repair can give them a meaning. */
    int non_finite = why && strstr(why, "Invalid Coordinate") != NULL;
    if (reason && reason_size) snprintf(reason, reason_size, "%s", why ? why : "invalid");
    if (why) GEOSFree_r(ctx->geos, why);
    if (location && !non_finite)
        *location = where;
    else if (where)
        GEOSGeom_destroy_r(ctx->geos, where);
    if (non_finite) {
        GEOSGeom_destroy_r(ctx->geos, g);
        return gt_fail(ctx, GUOTU_ERR_GEOMETRY,
                       "feature %lld of layer '%s' has coordinates that are not finite numbers", (long long)fid, label);
    }
    if (invalid == GUOTU_INVALID_FAIL) {
        char *text = GEOSisValidReason_r(ctx->geos, g);
        gt_fail(ctx, GUOTU_ERR_INVALID_GEOMETRY, "invalid geometry in layer '%s', feature %lld: %s", label,
                (long long)fid, text ? text : "invalid");
        if (text) GEOSFree_r(ctx->geos, text);
        GEOSGeom_destroy_r(ctx->geos, g);
        if (location && *location) {
            GEOSGeom_destroy_r(ctx->geos, *location);
            *location = NULL;
        }
        return GUOTU_ERR_INVALID_GEOMETRY;
    }
    /* The "structure" method keeps polygonal input polygonal and drops collapsed parts,
     * which is what an area statistic wants. */
    GEOSMakeValidParams *params = GEOSMakeValidParams_create_r(ctx->geos);
    GEOSGeometry *fixed = NULL;
    if (params) {
        GEOSMakeValidParams_setMethod_r(ctx->geos, params, GEOS_MAKE_VALID_STRUCTURE);
        GEOSMakeValidParams_setKeepCollapsed_r(ctx->geos, params, 0);
        fixed = GEOSMakeValidWithParams_r(ctx->geos, g, params);
        GEOSMakeValidParams_destroy_r(ctx->geos, params);
    }
    GEOSGeom_destroy_r(ctx->geos, g);
    if (!fixed) {
        if (location && *location) {
            GEOSGeom_destroy_r(ctx->geos, *location);
            *location = NULL;
        }
        return gt_fail_geos(ctx, GUOTU_ERR_INVALID_GEOMETRY, "cannot repair feature %lld of layer '%s'", (long long)fid,
                            label);
    }
    status = check_coordinates(ctx, fixed, label, fid);
    if (status) {
        GEOSGeom_destroy_r(ctx->geos, fixed);
        if (location && *location) {
            GEOSGeom_destroy_r(ctx->geos, *location);
            *location = NULL;
        }
        return status;
    }
    *out = fixed;
    *repaired = 1;
    return GUOTU_OK;
}

/* Appends clones of the polygons in g to parts[] (capacity cap); returns the new count. */
static unsigned int collect_polygons(guotu_context *ctx, const GEOSGeometry *g, GEOSGeometry **parts, unsigned int n,
                                     unsigned int cap) {
    int type = GEOSGeomTypeId_r(ctx->geos, g);
    if (type == GEOS_POLYGON) {
        if (n < cap && GEOSisEmpty_r(ctx->geos, g) == 0) parts[n++] = GEOSGeom_clone_r(ctx->geos, g);
        return n;
    }
    if (type == GEOS_MULTIPOLYGON || type == GEOS_GEOMETRYCOLLECTION) {
        int count = GEOSGetNumGeometries_r(ctx->geos, g);
        for (int i = 0; i < count; i++)
            n = collect_polygons(ctx, GEOSGetGeometryN_r(ctx->geos, g, i), parts, n, cap);
    }
    return n;
}

static unsigned int count_polygons(guotu_context *ctx, const GEOSGeometry *g) {
    int type = GEOSGeomTypeId_r(ctx->geos, g);
    if (type == GEOS_POLYGON) return 1;
    if (type != GEOS_MULTIPOLYGON && type != GEOS_GEOMETRYCOLLECTION) return 0;
    unsigned int n = 0;
    int count = GEOSGetNumGeometries_r(ctx->geos, g);
    for (int i = 0; i < count; i++)
        n += count_polygons(ctx, GEOSGetGeometryN_r(ctx->geos, g, i));
    return n;
}

GEOSGeometry *gt_polygonal_part(guotu_context *ctx, const GEOSGeometry *geom) {
    int type = GEOSGeomTypeId_r(ctx->geos, geom);
    if (GEOSisEmpty_r(ctx->geos, geom) == 1) return NULL;
    if (type == GEOS_POLYGON || type == GEOS_MULTIPOLYGON) return GEOSGeom_clone_r(ctx->geos, geom);
    unsigned int cap = count_polygons(ctx, geom);
    if (!cap) return NULL;
    GEOSGeometry **parts = malloc(cap * sizeof *parts);
    if (!parts) return NULL;
    unsigned int n = collect_polygons(ctx, geom, parts, 0, cap);
    GEOSGeometry *out = NULL;
    if (n == 1)
        out = parts[0];
    else if (n > 1)
        out = GEOSGeom_createCollection_r(ctx->geos, GEOS_MULTIPOLYGON, parts, n);
    free(parts);
    return out;
}

int gt_overlay_polygonal(guotu_context *ctx, const GEOSGeometry *a, const GEOSGeometry *b, int difference,
                         GEOSGeometry **out, const char *fmt, ...) {
    *out = NULL;
    GEOSGeometry *r = difference ? GEOSDifference_r(ctx->geos, a, b) : GEOSIntersection_r(ctx->geos, a, b);
    /* OverlayNG is robust; a snap-rounded retry at 1 mm keeps one odd vertex from stopping
     * a run over a million parcels. */
    if (!r)
        r = difference ? GEOSDifferencePrec_r(ctx->geos, a, b, 1e-3) : GEOSIntersectionPrec_r(ctx->geos, a, b, 1e-3);
    if (!r) {
        char what[GUOTU_MSG_SIZE];
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(what, sizeof what, fmt, ap);
        va_end(ap);
        gt_utf8_trim(what);
        return gt_fail_geos(ctx, GUOTU_ERR_GEOMETRY, "cannot %s %s", difference ? "subtract" : "intersect", what);
    }
    int type = GEOSGeomTypeId_r(ctx->geos, r);
    if ((type == GEOS_POLYGON || type == GEOS_MULTIPOLYGON) && GEOSisEmpty_r(ctx->geos, r) == 0) {
        *out = r; /* the usual case: already polygonal, no copy needed */
        return GUOTU_OK;
    }
    *out = gt_polygonal_part(ctx, r);
    double area = 0;
    /* No polygonal part although the result has area: the copy failed. */
    int failed = !*out && GEOSArea_r(ctx->geos, r, &area) && area > 0;
    GEOSGeom_destroy_r(ctx->geos, r);
    return failed ? gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory") : GUOTU_OK;
}
