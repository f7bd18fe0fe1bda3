/* area.c — ellipsoidal (geodesic, on the CRS's own ellipsoid) and planar polygon area. */
#include <geodesic.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "area.h"
#include "vertex_cache.h"

struct guotu_area_calc {
    guotu_area_method method;
    PJ *to_lonlat; /* layer CRS (x east, y north) -> geographic lon/lat degrees, same datum */
    struct geod_geodesic geod;
    double a, e, e2; /* the ellipsoid, for small rings (conformal_sphere_area) */
    char description[256];
    double *buffer; /* scratch ring coordinates, grown on demand */
    size_t capacity;
    gt_vertex_cache cache; /* lon, lat and isometric latitude of vertices seen (ellipsoidal) */
    int cache_failed;      /* the cache could not be allocated: every vertex is computed */
    double *vertex_work;   /* per ring: isometric latitudes, then the vertices to compute */
    size_t *vertex_at;
    size_t vertex_capacity;
};

/* 2^16 vertices (3 MB per calculator): the vertices of about a thousand parcels, enough for
 * neighbours read near each other in a file to find the ones they share; a larger table
 * found few more (56 % of lookups against 54 % on a county's conversion) and missed the
 * processor's caches more often, which cost more than it saved. */
#define VERTEX_CACHE_BITS 16
#define GT_AREA_BEYOND_EARTH 4.5e15 /* m²: nine times the Earth's surface */

int gt_area_is_planar(const guotu_area_calc *calc) { return calc->method == GUOTU_AREA_PLANAR; }

static int proj_failure(guotu_context *ctx, const char *what, const char *crs) {
    int err = proj_context_errno(ctx->proj);
    const char *detail = err ? proj_context_errno_string(ctx->proj, err) : "no detail";
    return gt_fail(ctx, GUOTU_ERR_CRS, "%s for CRS '%.200s': %s", what, crs ? crs : "(none)", detail);
}

/* Builds the lon/lat transformation and the geodesic on the CRS's own ellipsoid. */
static int setup_ellipsoidal(guotu_context *ctx, guotu_area_calc *calc, const char *crs_text) {
    int status = GUOTU_OK;
    PJ *crs = NULL, *geodetic = NULL, *ellipsoid = NULL, *raw = NULL;
    crs = proj_create(ctx->proj, crs_text);
    if (!crs) return proj_failure(ctx, "cannot read the CRS", crs_text);
    geodetic = proj_crs_get_geodetic_crs(ctx->proj, crs);
    ellipsoid = proj_get_ellipsoid(ctx->proj, crs);
    if (!geodetic || !ellipsoid) {
        status = proj_failure(ctx, "no ellipsoid (ellipsoidal area needs one; use planar area)", crs_text);
        goto done;
    }
    double a = 0, b = 0, inv_f = 0;
    int b_computed = 0;
    if (!proj_ellipsoid_get_parameters(ctx->proj, ellipsoid, &a, &b, &b_computed, &inv_f) || !(a > 0)) {
        status = proj_failure(ctx, "cannot read ellipsoid parameters", crs_text);
        goto done;
    }
    double f = (a - b) / a;
    geod_init(&calc->geod, a, f);
    calc->a = a;
    calc->e2 = f * (2 - f);
    calc->e = sqrt(calc->e2);
    raw = proj_create_crs_to_crs_from_pj(ctx->proj, crs, geodetic, NULL, NULL);
    if (!raw) {
        status = proj_failure(ctx, "cannot map coordinates to the ellipsoid", crs_text);
        goto done;
    }
    /* Axis order: callers pass x/y (east, north) as GIS files store them, and geodesics
     * want lon/lat; normalising makes both hold whatever the CRS's official order. */
    calc->to_lonlat = proj_normalize_for_visualization(ctx->proj, raw);
    if (!calc->to_lonlat) {
        status = proj_failure(ctx, "cannot normalise axis order", crs_text);
        goto done;
    }
    const char *ell_name = proj_get_name(ellipsoid);
    const char *datum_name = proj_get_name(geodetic);
    snprintf(calc->description, sizeof calc->description, "ellipsoidal on %s (%s, a=%.3f, 1/f=%.9f)",
             datum_name ? datum_name : "?", ell_name ? ell_name : "?", a, f > 0 ? 1.0 / f : 0.0);
done:
    proj_destroy(raw);
    proj_destroy(ellipsoid);
    proj_destroy(geodetic);
    proj_destroy(crs);
    return status;
}

int gt_require_metres(guotu_context *ctx, const char *crs, const char *what) {
    if (!crs || !crs[0]) return GUOTU_OK;
    PJ *pj = proj_create(ctx->proj, crs);
    if (!pj) return gt_fail(ctx, GUOTU_ERR_CRS, "unknown CRS '%.200s'", crs);
    PJ_TYPE type = proj_get_type(pj);
    const char *name = proj_get_name(pj);
    char label[256];
    gt_textf(label, sizeof label, "%s", name ? name : crs);
    int metres = 0;
    if (type == PJ_TYPE_PROJECTED_CRS) {
        PJ *cs = proj_crs_get_coordinate_system(ctx->proj, pj);
        double factor = 0;
        metres =
            cs && proj_cs_get_axis_info(ctx->proj, cs, 0, NULL, NULL, NULL, &factor, NULL, NULL, NULL) && factor == 1.0;
        proj_destroy(cs);
    }
    proj_destroy(pj);
    if (metres) return GUOTU_OK;
    return gt_fail(ctx, GUOTU_ERR_CRS,
                   "%s needs metres, but the CRS %s is %s: reproject the data to a projected CRS in metres — "
                   "CGCS2000 data to the 3-degree Gauss-Krüger zone of its central meridian (EPSG:4534–4554, "
                   "EPSG:4534 + (CM − 75)/3; e.g. EPSG:4527 with the zone prefix for 117°E)",
                   what, label,
                   type == PJ_TYPE_GEOGRAPHIC_2D_CRS || type == PJ_TYPE_GEOGRAPHIC_3D_CRS ? "geographic (degrees)"
                                                                                          : "not in metres");
}

int guotu_crs_require_metres(guotu_context *ctx, const char *crs, const char *what) {
    if (!ctx) return GUOTU_ERR_ARGUMENT;
    gt_clear_error(ctx);
    return gt_require_metres(ctx, crs, what && what[0] ? what : "this computation");
}

int guotu_area_calc_create(guotu_context *ctx, const char *crs, guotu_area_method method, guotu_area_calc **out) {
    if (!ctx) return GUOTU_ERR_ARGUMENT;
    gt_clear_error(ctx);
    if (!out) return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "guotu_area_calc_create: out is NULL");
    *out = NULL;
    if (method != GUOTU_AREA_ELLIPSOIDAL && method != GUOTU_AREA_PLANAR)
        return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "unknown area method %d", (int)method);
    if (method == GUOTU_AREA_ELLIPSOIDAL && (!crs || !crs[0]))
        return gt_fail(ctx, GUOTU_ERR_CRS,
                       "ellipsoidal area needs the layer's CRS, and none was given (assign a CRS, or ask for "
                       "planar area)");
    /* Shoelace areas in degrees² are no areas: planar area needs metres. */
    if (method == GUOTU_AREA_PLANAR) {
        int status = gt_require_metres(ctx, crs, "planar area");
        if (status) return status;
    }
    guotu_area_calc *calc = calloc(1, sizeof *calc);
    if (!calc) return gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
    calc->method = method;
    if (method == GUOTU_AREA_PLANAR) {
        snprintf(calc->description, sizeof calc->description, "planar");
    } else {
        int status = setup_ellipsoidal(ctx, calc, crs);
        if (status != GUOTU_OK) {
            guotu_area_calc_destroy(ctx, calc);
            return status;
        }
    }
    *out = calc;
    return GUOTU_OK;
}

void guotu_area_calc_destroy(guotu_context *ctx, guotu_area_calc *calc) {
    (void)ctx;
    if (!calc) return;
    proj_destroy(calc->to_lonlat);
    free(calc->buffer);
    gt_vertex_cache_free(&calc->cache);
    free(calc->vertex_work);
    free(calc->vertex_at);
    free(calc);
}

const char *guotu_area_calc_describe(const guotu_area_calc *calc) { return calc ? calc->description : ""; }

double gt_ring_twice_area(const double *xy, size_t n) {
    /* Shifting to the first vertex keeps precision with Gauss-Krüger false eastings
     * of tens of millions of metres. */
    double x0 = xy[0], y0 = xy[1], twice = 0;
    for (size_t i = 0; i < n; i++) {
        size_t j = (i + 1) % n;
        twice += (xy[2 * i] - x0) * (xy[2 * j + 1] - y0) - (xy[2 * j] - x0) * (xy[2 * i + 1] - y0);
    }
    return twice;
}

/* Rings spanning less than this many degrees (about 5 km) are measured on a conformal
 * sphere fitted to them; larger ones by geodesics on the ellipsoid (GeographicLib). */
#define SMALL_RING_DEGREES 0.05
#define DEGREE 0.017453292519943295 /* pi / 180 */

/* Area of a small ring of lon/lat degrees on Gauss's conformal sphere fitted at the
 * ring's latitude φ0: radius √(M0·N0), longitudes scaled by C = √(1 + e²cos⁴φ0/(1-e²)).
 * That sphere's scale is 1 at φ0 and stationary there, so over a few kilometres a
 * geodesic of the ellipsoid maps to a great circle and areas keep their size, both to
 * second order (~1e-10 relative; tests/test_area.c checks against GeographicLib). The
 * area is the sum of each edge's signed area to the equator, tan(E/2) = tan(ΔΛ/2)(t1 + t2)
 * /(1 + t1 t2) with t = tan(χ/2) — far cheaper than solving a geodesic per edge, which
 * dominated the overlay of small parcels. */
/* The isometric latitude ψ of a latitude in degrees on the calculator's ellipsoid. */
static double isometric_latitude(const guotu_area_calc *calc, double lat) {
    return asinh(tan(lat * DEGREE)) - calc->e * atanh(calc->e * sin(lat * DEGREE));
}

static double conformal_sphere_area(const guotu_area_calc *calc, const double *xy, const double *psi, size_t n,
                                    double lat0) {
    double e2 = calc->e2, s0 = sin(lat0 * DEGREE), c0 = cos(lat0 * DEGREE);
    double c = sqrt(1 + e2 * c0 * c0 * c0 * c0 / (1 - e2));
    double radius = calc->a * sqrt(1 - e2) / (1 - e2 * s0 * s0);
    double chi0 = asin(s0 / c);
    /* isometric latitude ψ on the ellipsoid; on the sphere u = C(ψ - ψ0) + ψs(χ0); t = tanh(u/2) */
    double psi0 = isometric_latitude(calc, lat0), shift = asinh(tan(chi0));
    double sum = 0, lon1 = xy[2 * (n - 1)];
    double t1 = tanh((c * (psi[n - 1] - psi0) + shift) / 2);
    for (size_t i = 0; i < n; i++) {
        double lon2 = xy[2 * i];
        double t2 = tanh((c * (psi[i] - psi0) + shift) / 2);
        double dlon = c * remainder(lon2 - lon1, 360.0) * DEGREE;
        sum += 2 * atan2(tan(dlon / 2) * (t1 + t2), 1 + t1 * t2);
        t1 = t2;
        lon1 = lon2;
    }
    return fabs(sum) * radius * radius;
}

/* Maps the ring's n vertices in place to lon/lat degrees and returns their isometric
 * latitudes in *psi (the calculator's scratch), taking from the vertex cache what it holds
 * (when `cached`) and computing the rest in one call to PROJ. */
static int to_ellipsoid(guotu_context *ctx, guotu_area_calc *calc, double *xy, size_t n, double **psi, int cached) {
    if (n > calc->vertex_capacity) {
        double *work = realloc(calc->vertex_work, 5 * n * sizeof *work);
        if (work) calc->vertex_work = work;
        size_t *at = work ? realloc(calc->vertex_at, n * sizeof *at) : NULL;
        if (at) calc->vertex_at = at;
        if (!work || !at) return gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
        calc->vertex_capacity = n;
    }
    if (cached && !calc->cache.slots && !calc->cache_failed && gt_vertex_cache_init(&calc->cache, VERTEX_CACHE_BITS))
        calc->cache_failed = 1;
    cached = cached && calc->cache.slots;
    double *lat_iso = calc->vertex_work, *keys = lat_iso + n, *lonlat = keys + 2 * n;
    size_t misses = 0;
    for (size_t i = 0; i < n; i++) {
        double x = xy[2 * i], y = xy[2 * i + 1];
        if (cached) {
            const gt_vertex_entry *slot = gt_vertex_cache_slot(&calc->cache, x, y);
            if (gt_vertex_cache_holds(slot, x, y)) {
                xy[2 * i] = slot->lon;
                xy[2 * i + 1] = slot->lat;
                lat_iso[i] = slot->psi;
                continue;
            }
        }
        keys[2 * misses] = lonlat[2 * misses] = x;
        keys[2 * misses + 1] = lonlat[2 * misses + 1] = y;
        calc->vertex_at[misses++] = i;
    }
    *psi = lat_iso;
    if (!misses) return GUOTU_OK;
    size_t done = proj_trans_generic(calc->to_lonlat, PJ_FWD, lonlat, 2 * sizeof(double), misses, lonlat + 1,
                                     2 * sizeof(double), misses, NULL, 0, 0, NULL, 0, 0);
    if (done != misses) return proj_failure(ctx, "cannot map coordinates to the ellipsoid", "layer");
    for (size_t k = 0; k < misses; k++) {
        double lon = lonlat[2 * k], lat = lonlat[2 * k + 1];
        if (!isfinite(lon) || !isfinite(lat) || fabs(lat) > 90.0)
            return gt_fail(ctx, GUOTU_ERR_CRS,
                           "a coordinate cannot be placed on the ellipsoid (is the layer's CRS right?)");
        size_t i = calc->vertex_at[k];
        xy[2 * i] = lon;
        xy[2 * i + 1] = lat;
        lat_iso[i] = isometric_latitude(calc, lat);
        if (cached)
            gt_vertex_cache_keep(gt_vertex_cache_slot(&calc->cache, keys[2 * k], keys[2 * k + 1]), keys[2 * k],
                                 keys[2 * k + 1], lon, lat, lat_iso[i]);
    }
    return GUOTU_OK;
}

static int ring_area_inplace(guotu_context *ctx, guotu_area_calc *calc, double *xy, size_t n, double *area_m2,
                             int cached) {
    *area_m2 = 0;
    if (n < 3) return GUOTU_OK;
    if (calc->method == GUOTU_AREA_PLANAR) {
        *area_m2 = fabs(gt_ring_twice_area(xy, n)) / 2.0;
        return GUOTU_OK;
    }
    double *psi = NULL;
    int status = to_ellipsoid(ctx, calc, xy, n, &psi, cached);
    if (status) return status;
    double lon_min = INFINITY, lon_max = -INFINITY, lat_min = INFINITY, lat_max = -INFINITY;
    for (size_t i = 0; i < n; i++) {
        double lon = xy[2 * i], lat = xy[2 * i + 1];
        lon_min = fmin(lon_min, lon);
        lon_max = fmax(lon_max, lon);
        lat_min = fmin(lat_min, lat);
        lat_max = fmax(lat_max, lat);
    }
    if (lon_max - lon_min < SMALL_RING_DEGREES && lat_max - lat_min < SMALL_RING_DEGREES && fabs(lat_min) < 85 &&
        fabs(lat_max) < 85) {
        *area_m2 = conformal_sphere_area(calc, xy, psi, n, (lat_min + lat_max) / 2);
        return GUOTU_OK;
    }
    struct geod_polygon polygon;
    geod_polygon_init(&polygon, 0);
    for (size_t i = 0; i < n; i++)
        geod_polygon_addpoint(&calc->geod, &polygon, xy[2 * i + 1], xy[2 * i]);
    double area = 0;
    geod_polygon_compute(&calc->geod, &polygon, 0, 1, &area, NULL);
    *area_m2 = fabs(area);
    return GUOTU_OK;
}

int gt_area_of_ring_inplace(guotu_context *ctx, guotu_area_calc *calc, double *xy, size_t n, double *area_m2) {
    return ring_area_inplace(ctx, calc, xy, n, area_m2, 1);
}

int gt_area_of_lone_ring_inplace(guotu_context *ctx, guotu_area_calc *calc, double *xy, size_t n, double *area_m2) {
    return ring_area_inplace(ctx, calc, xy, n, area_m2, 0);
}

int guotu_area_of_ring(guotu_context *ctx, guotu_area_calc *calc, const double *xy, size_t n, double *area_m2) {
    if (!ctx) return GUOTU_ERR_ARGUMENT;
    gt_clear_error(ctx);
    if (!calc || !area_m2 || (!xy && n)) return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "guotu_area_of_ring: NULL argument");
    if (n > calc->capacity) {
        double *grown = realloc(calc->buffer, 2 * n * sizeof(double));
        if (!grown) return gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
        calc->buffer = grown;
        calc->capacity = n;
    }
    if (n) memcpy(calc->buffer, xy, 2 * n * sizeof(double));
    return gt_area_of_ring_inplace(ctx, calc, calc->buffer, n, area_m2);
}

static int ring_area(guotu_context *ctx, guotu_area_calc *calc, const GEOSGeometry *ring, double *area) {
    const GEOSCoordSequence *seq = GEOSGeom_getCoordSeq_r(ctx->geos, ring);
    unsigned int n = 0;
    if (!seq || !GEOSCoordSeq_getSize_r(ctx->geos, seq, &n))
        return gt_fail_geos(ctx, GUOTU_ERR_GEOMETRY, "cannot read a ring");
    if (n > calc->capacity) {
        double *grown = realloc(calc->buffer, 2 * (size_t)n * sizeof(double));
        if (!grown) return gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
        calc->buffer = grown;
        calc->capacity = n;
    }
    if (!GEOSCoordSeq_copyToBuffer_r(ctx->geos, seq, calc->buffer, 0, 0))
        return gt_fail_geos(ctx, GUOTU_ERR_GEOMETRY, "cannot read ring coordinates");
    return gt_area_of_ring_inplace(ctx, calc, calc->buffer, n, area);
}

static int polygon_area(guotu_context *ctx, guotu_area_calc *calc, const GEOSGeometry *poly, double *area) {
    *area = 0;
    if (GEOSisEmpty_r(ctx->geos, poly) == 1) return GUOTU_OK;
    double ring = 0;
    int status = ring_area(ctx, calc, GEOSGetExteriorRing_r(ctx->geos, poly), &ring);
    if (status) return status;
    *area = ring;
    int holes = GEOSGetNumInteriorRings_r(ctx->geos, poly);
    for (int i = 0; i < holes; i++) {
        status = ring_area(ctx, calc, GEOSGetInteriorRingN_r(ctx->geos, poly, i), &ring);
        if (status) return status;
        *area -= ring;
    }
    return GUOTU_OK;
}

int gt_area_of_geom(guotu_context *ctx, guotu_area_calc *calc, const GEOSGeometry *geom, double *area_m2) {
    *area_m2 = 0;
    int type = GEOSGeomTypeId_r(ctx->geos, geom);
    if (type == GEOS_POLYGON) {
        if (calc->method == GUOTU_AREA_PLANAR) {
            if (!GEOSArea_r(ctx->geos, geom, area_m2)) return gt_fail_geos(ctx, GUOTU_ERR_GEOMETRY, "GEOSArea failed");
            return GUOTU_OK;
        }
        return polygon_area(ctx, calc, geom, area_m2);
    }
    if (type == GEOS_MULTIPOLYGON || type == GEOS_GEOMETRYCOLLECTION) {
        int n = GEOSGetNumGeometries_r(ctx->geos, geom);
        for (int i = 0; i < n; i++) {
            double part = 0;
            int status = gt_area_of_geom(ctx, calc, GEOSGetGeometryN_r(ctx->geos, geom, i), &part);
            if (status) return status;
            *area_m2 += part;
        }
    }
    return GUOTU_OK;
}

int guotu_area_of_wkb(guotu_context *ctx, guotu_area_calc *calc, const unsigned char *wkb, size_t wkb_size,
                      double *area_m2) {
    if (!ctx) return GUOTU_ERR_ARGUMENT;
    gt_clear_error(ctx);
    if (!calc || !wkb || !area_m2) return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "guotu_area_of_wkb: NULL argument");
    GEOSGeometry *geom = GEOSGeomFromWKB_buf_r(ctx->geos, wkb, wkb_size);
    if (!geom) return gt_fail_geos(ctx, GUOTU_ERR_GEOMETRY, "cannot read WKB");
    int status = gt_area_of_geom(ctx, calc, geom, area_m2);
    GEOSGeom_destroy_r(ctx->geos, geom);
    /* No land is larger than the Earth (5.1e14 m²): a larger or non-finite area comes from
     * coordinates out of range (a damaged file), never a number to report. */
    if (!status && !(fabs(*area_m2) < GT_AREA_BEYOND_EARTH))
        status = gt_fail(ctx, GUOTU_ERR_GEOMETRY,
                         "an area of %g m², beyond the Earth's: the geometry's coordinates are out of range (a "
                         "damaged file?)",
                         *area_m2);
    return status;
}

int gt_ground_distance(guotu_context *ctx, guotu_area_calc *calc, double x1, double y1, double x2, double y2,
                       double *metres) {
    if (calc->method == GUOTU_AREA_PLANAR) {
        *metres = hypot(x2 - x1, y2 - y1);
        return GUOTU_OK;
    }
    double xy[4] = {x1, y1, x2, y2};
    size_t done = proj_trans_generic(calc->to_lonlat, PJ_FWD, xy, 2 * sizeof(double), 2, xy + 1, 2 * sizeof(double), 2,
                                     NULL, 0, 0, NULL, 0, 0);
    if (done != 2 || !isfinite(xy[0]) || !isfinite(xy[1]) || !isfinite(xy[2]) || !isfinite(xy[3]))
        return proj_failure(ctx, "cannot map coordinates to the ellipsoid", "layer");
    double s12 = 0;
    geod_inverse(&calc->geod, xy[1], xy[0], xy[3], xy[2], &s12, NULL, NULL);
    *metres = s12;
    return GUOTU_OK;
}
