/*
 * guotu_area.h — ellipsoidal (椭球面积) and planar area of polygons.
 *
 * Ellipsoidal area (SPEC §2): every vertex is mapped from the layer CRS to geographic
 * coordinates on that CRS's own ellipsoid (CGCS2000 for EPSG:4490 and 4491–4554), and
 * the area is that of the geodesic polygon on the ellipsoid (Karney's algorithm, as in
 * PROJ's geodesic.h). Rings spanning under 0.05° (about 5 km: parcels, pieces of an
 * overlay) are measured on Gauss's conformal sphere fitted at their latitude, where a
 * geodesic is a great circle and area is kept to second order: the same area to 1e-9 of
 * it plus 10 cm² at most (checked against GeographicLib), several times faster. Planar
 * area is the shoelace area in CRS units squared and must be asked for explicitly.
 */
#ifndef GUOTU_AREA_H
#define GUOTU_AREA_H

#ifndef GUOTU_H
#error "include <guotu/guotu.h>, not this file"
#endif

#ifdef __cplusplus
extern "C" {
#endif

typedef enum guotu_area_method { GUOTU_AREA_ELLIPSOIDAL = 0, GUOTU_AREA_PLANAR = 1 } guotu_area_method;

typedef struct guotu_area_calc guotu_area_calc;

/* Creates an area calculator for geometries in the CRS `crs` (anything PROJ accepts:
 * "EPSG:4527", WKT, PROJJSON). For GUOTU_AREA_PLANAR `crs` may be NULL; then areas are
 * in squared CRS units, which the caller must know to be metres.
 * Fails with GUOTU_ERR_CRS when the CRS is unknown or has no ellipsoid.
 * On success *out is set; caller frees with guotu_area_calc_destroy. */
GUOTU_API int guotu_area_calc_create(guotu_context *ctx, const char *crs, guotu_area_method method,
                                     guotu_area_calc **out);

/* Frees the calculator. NULL is ignored. */
GUOTU_API void guotu_area_calc_destroy(guotu_context *ctx, guotu_area_calc *calc);

/* Area in square metres of a Polygon or MultiPolygon given as WKB (other geometry types
 * have area 0; a GeometryCollection sums its polygons). Holes are subtracted.
 * The geometry is not validated: an invalid polygon gets the signed-ring-sum area. An area
 * beyond the Earth's (coordinates out of range: a damaged file) fails with GUOTU_ERR_GEOMETRY. */
GUOTU_API int guotu_area_of_wkb(guotu_context *ctx, guotu_area_calc *calc, const unsigned char *wkb, size_t wkb_size,
                                double *area_m2);

/* Ellipsoidal area in square metres of one ring given as `n` coordinate pairs in the
 * calculator's CRS (xy interleaved; closing point optional). The result is positive
 * whatever the ring's orientation. With a planar calculator, the shoelace area. */
GUOTU_API int guotu_area_of_ring(guotu_context *ctx, guotu_area_calc *calc, const double *xy, size_t n,
                                 double *area_m2);

/* Describes the method, e.g. "ellipsoidal on CGCS2000 (a=6378137, 1/f=298.257222101)" or
 * "planar". Borrowed; valid until the calculator is destroyed. */
GUOTU_API const char *guotu_area_calc_describe(const guotu_area_calc *calc);

/* The CRS to compute in where metres are needed (SPEC §8), for data in `crs` (any text PROJ
 * reads) covering the extent xmin, ymin – xmax, ymax in that CRS (x east: for a geographic CRS
 * longitude, y latitude, in degrees — GDAL's and QGIS's order):
 * - a projected CRS in metres, or no CRS (NULL or ""): *epsg = 0, work in it as it is;
 * - geographic CGCS2000 (EPSG:4490, 4480 …): *epsg = the 3-degree Gauss-Krüger zone without
 *   zone prefix whose central meridian is nearest to the extent's centre, CM = 3·round(lon/3)
 *   (a centre exactly half way goes east), EPSG = 4534 + (CM − 75)/3, e.g. 117.2°E → 4548 (CM 117E; 4527 is the same
 *   meridian's zone 39 with the prefix);
 * - geographic WGS 84: the same CGCS2000 zone (the two datums agree to a few centimetres);
 * - GUOTU_ERR_CRS with a message for any other geographic datum, an extent that is no
 *   longitude/latitude, one whose zone falls outside China's (CM 75°E – 135°E, naming the
 *   extent), an empty extent, a projected CRS not in metres (feet) and an unknown CRS.
 * `note` (may be NULL; `note_size` bytes, 512 are enough) receives, when *epsg is set, the line
 * to record, e.g. "reprojected from EPSG:4490 to EPSG:4548 (CGCS2000 / 3-degree Gauss-Kruger CM
 * 117E), the zone of the data's centre"; "" otherwise. Nothing is allocated; the caller
 * reprojects the data (the algorithms keep requiring metres). */
GUOTU_API int guotu_crs_metric_zone(guotu_context *ctx, const char *crs, double xmin, double ymin, double xmax,
                                    double ymax, int *epsg, char *note, size_t note_size);

#ifdef __cplusplus
}
#endif

#endif /* GUOTU_AREA_H */
