/* area.h — area of GEOS geometries and coordinate rings, shared by the algorithms. */
#ifndef GUOTU_AREA_INTERNAL_H
#define GUOTU_AREA_INTERNAL_H

#include "internal.h"

/* Area in m² of the polygons in `geom` (Polygon, MultiPolygon, GeometryCollection; other
 * types count 0). Ellipsoidal or planar as the calculator says. */
int gt_area_of_geom(guotu_context *ctx, guotu_area_calc *calc, const GEOSGeometry *geom, double *area_m2);

/* Area in m² of one ring of n xy pairs (closing point optional), always >= 0.
 * `xy` is used as scratch space and holds lon/lat on return for ellipsoidal calculators. */
int gt_area_of_ring_inplace(guotu_context *ctx, guotu_area_calc *calc, double *xy, size_t n, double *area_m2);

/* The same for a ring whose vertices no other ring shares (the cells of a raster's lattice of
 * cell areas): the vertex cache is neither asked nor filled, the area is the same to the bit. */
int gt_area_of_lone_ring_inplace(guotu_context *ctx, guotu_area_calc *calc, double *xy, size_t n, double *area_m2);

int gt_area_is_planar(const guotu_area_calc *calc);

/* Distance in metres on the ground between two points of the calculator's CRS: geodesic on
 * the ellipsoid (so a projection's scale error and degrees of a geographic CRS are
 * accounted for), or straight-line in CRS units for a planar calculator. */
int gt_ground_distance(guotu_context *ctx, guotu_area_calc *calc, double x1, double y1, double x2, double y2,
                       double *metres);

/* Twice the signed planar area of a ring of n xy pairs (closing point optional), positive
 * when counter-clockwise; computed relative to the first point for precision. */
double gt_ring_twice_area(const double *xy, size_t n);

#endif
