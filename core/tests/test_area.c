/* test_area.c — ellipsoidal and planar area against independent values.
 *
 * Reference values were computed with pyproj 3.4.1 (Geod.polygon_area_perimeter, and a
 * Transformer from EPSG:4527 to EPSG:4490 with always_xy=True), an implementation
 * independent of this library's use of PROJ's geodesic routines; the parallel-bounded
 * 1°x1° cell uses the closed-form area of an ellipsoidal zone between two parallels. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <geodesic.h>

#include "area.h"
#include "guotu/guotu.h"
#include "test_support.h"

static double area_m2(const char *crs, guotu_area_method method, const char *wkt) {
    guotu_context *ctx = guotu_context_create();
    guotu_area_calc *calc = NULL;
    assert_int_equal(guotu_area_calc_create(ctx, crs, method, &calc), GUOTU_OK);
    size_t n = 0;
    unsigned char *wkb = wkt_to_wkb(wkt, &n);
    double a = -1;
    assert_int_equal(guotu_area_of_wkb(ctx, calc, wkb, n, &a), GUOTU_OK);
    free(wkb);
    guotu_area_calc_destroy(ctx, calc);
    guotu_context_destroy(ctx);
    return a;
}

static void assert_relative(double got, double want, double tolerance) {
    if (fabs(got - want) > tolerance * fabs(want))
        fail_msg("got %.6f, want %.6f (relative %.3g)", got, want, (got - want) / want);
}

static const char *equator_cell = "POLYGON((0 0,1 0,1 1,0 1,0 0))";

static void test_equator_cell_wgs84_and_cgcs2000(void **state) {
    (void)state;
    /* Geodesic 1°x1° cell: pyproj gives 12308778361.469 m² (WGS84), 12308778361.064 m² (GRS80). */
    assert_relative(area_m2("EPSG:4326", GUOTU_AREA_ELLIPSOIDAL, equator_cell), 12308778361.469452, 1e-9);
    assert_relative(area_m2("EPSG:4490", GUOTU_AREA_ELLIPSOIDAL, equator_cell), 12308778361.063599, 1e-9);
    /* The cell bounded by parallels has 12308463893.98 m² in closed form; geodesic top and
     * bottom edges bulge poleward by ~4 m, 2.6e-5 of the area. */
    assert_relative(area_m2("EPSG:4326", GUOTU_AREA_ELLIPSOIDAL, equator_cell), 12308463893.975204, 3e-5);
}

static void test_axis_order_of_geographic_crs(void **state) {
    (void)state;
    /* EPSG:4490 is officially lat/lon; files store lon/lat. Swapped axes would put
     * latitude 117° and fail, so success with this value proves the order is right. */
    assert_relative(area_m2("EPSG:4490", GUOTU_AREA_ELLIPSOIDAL, "POLYGON((117 39,118 39,118 40,117 40,117 39))"),
                    9549468853.860168, 1e-9);
}

static void test_gauss_kruger_square(void **state) {
    (void)state;
    /* A 1 km square 100 km east of the central meridian of CGCS2000 / 3° GK zone 39:
     * the projection enlarges it, so its ellipsoidal area is 999751.452 m², not 1e6. */
    const char *square = "POLYGON((39600000 4400000,39601000 4400000,39601000 4401000,39600000 4401000,"
                         "39600000 4400000))";
    assert_relative(area_m2("EPSG:4527", GUOTU_AREA_ELLIPSOIDAL, square), 999751.4521052241, 1e-9);
    assert_relative(area_m2("EPSG:4527", GUOTU_AREA_PLANAR, square), 1e6, 1e-12);
    assert_relative(area_m2(NULL, GUOTU_AREA_PLANAR, square), 1e6, 1e-12);
}

/* Small rings (under 0.05°) are measured on a conformal sphere fitted to them, larger ones
 * by geodesics: over random parcels of 20 m to 4 km at latitudes from -70° to 80°, the two
 * agree to 1e-9 of the area plus 10 cm². */
static void test_small_rings_match_geodesic_area(void **state) {
    (void)state;
    guotu_context *ctx = guotu_context_create();
    guotu_area_calc *calc = NULL;
    assert_int_equal(guotu_area_calc_create(ctx, "EPSG:4490", GUOTU_AREA_ELLIPSOIDAL, &calc), GUOTU_OK);
    struct geod_geodesic g;
    geod_init(&g, 6378137.0, 1 / 298.257222101);
    srand(7);
    double worst = 0;
    for (int k = 0; k < 2000; k++) {
        double lat0 = -70 + 150.0 * rand() / RAND_MAX, lon0 = -180 + 360.0 * rand() / RAND_MAX;
        double size = pow(10, -3.7 + 2.0 * rand() / RAND_MAX); /* 0.0002° .. 0.02° */
        double xy[10], lat[5], lon[5];
        int n = 3 + k % 3;
        for (int i = 0; i < n; i++) {
            double angle = 2 * 3.141592653589793 * (i + 0.8 * rand() / RAND_MAX) / n;
            double r = size * (0.3 + 0.7 * rand() / RAND_MAX);
            lon[i] = xy[2 * i] = lon0 + r * cos(angle);
            lat[i] = xy[2 * i + 1] = lat0 + r * sin(angle);
        }
        double want = 0, got = 0;
        geod_polygonarea(&g, lat, lon, n, &want, NULL);
        assert_int_equal(guotu_area_of_ring(ctx, calc, xy, (size_t)n, &got), GUOTU_OK);
        /* relative to the area, plus a 10 cm² floor for parcels of a few hundred m² */
        double excess = fabs(got - fabs(want)) / (1e-9 * fabs(want) + 1e-3);
        if (excess > worst) worst = excess;
    }
    if (worst > 1) fail_msg("small rings differ from geodesic area by %.3g times the tolerance", worst);
    guotu_area_calc_destroy(ctx, calc);
    guotu_context_destroy(ctx);
}

static void test_holes_multipolygons_and_orientation(void **state) {
    (void)state;
    const char *with_hole = "POLYGON((39600000 4400000,39601000 4400000,39601000 4401000,39600000 4401000,"
                            "39600000 4400000),(39600250 4400250,39600250 4400750,39600750 4400750,39600750 4400250,"
                            "39600250 4400250))";
    assert_relative(area_m2(NULL, GUOTU_AREA_PLANAR, with_hole), 750000, 1e-12);
    /* Ellipsoidal: the hole takes a quarter of the square's (near-uniform) scale. */
    assert_relative(area_m2("EPSG:4527", GUOTU_AREA_ELLIPSOIDAL, with_hole), 0.75 * 999751.4521052241, 1e-6);
    const char *clockwise = "POLYGON((0 0,0 1,1 1,1 0,0 0))";
    assert_relative(area_m2("EPSG:4490", GUOTU_AREA_ELLIPSOIDAL, clockwise), 12308778361.063599, 1e-9);
    const char *multi = "MULTIPOLYGON(((0 0,10 0,10 10,0 10,0 0)),((20 0,30 0,30 5,20 5,20 0)))";
    assert_relative(area_m2(NULL, GUOTU_AREA_PLANAR, multi), 150, 1e-12);
    assert_relative(area_m2(NULL, GUOTU_AREA_PLANAR, "LINESTRING(0 0,1 1)") + 1, 1, 1e-12);
}

static void test_ring_api_and_description(void **state) {
    (void)state;
    guotu_context *ctx = guotu_context_create();
    guotu_area_calc *calc = NULL;
    assert_int_equal(guotu_area_calc_create(ctx, "EPSG:4490", GUOTU_AREA_ELLIPSOIDAL, &calc), GUOTU_OK);
    assert_non_null(strstr(guotu_area_calc_describe(calc), "ellipsoidal"));
    assert_non_null(strstr(guotu_area_calc_describe(calc), "6378137"));
    const double ring[] = {0, 0, 1, 0, 1, 1, 0, 1};
    double a = 0;
    assert_int_equal(guotu_area_of_ring(ctx, calc, ring, 4, &a), GUOTU_OK);
    assert_relative(a, 12308778361.063599, 1e-9);
    /* Latitude beyond the pole is a CRS mistake, reported, not computed. */
    const double bad[] = {0, 100, 1, 100, 1, 101};
    assert_int_not_equal(guotu_area_of_ring(ctx, calc, bad, 3, &a), GUOTU_OK);
    assert_true(strlen(guotu_context_last_error(ctx)) > 0);
    guotu_area_calc_destroy(ctx, calc);
    guotu_context_destroy(ctx);
}

static void test_unreadable_wkb(void **state) {
    (void)state;
    guotu_context *ctx = guotu_context_create();
    guotu_area_calc *calc = NULL;
    assert_int_equal(guotu_area_calc_create(ctx, NULL, GUOTU_AREA_PLANAR, &calc), GUOTU_OK);
    const unsigned char junk[] = {1, 3, 0, 0, 0, 9, 9};
    double a = 0;
    assert_int_equal(guotu_area_of_wkb(ctx, calc, junk, sizeof junk, &a), GUOTU_ERR_GEOMETRY);
    assert_non_null(strstr(guotu_context_last_error(ctx), "WKB"));
    /* A hole out at 2.7e67 (bytes a fuzzer made): the signed sum is -2.7e67 m², no area at all. */
    size_t n = 0;
    unsigned char *wkb = wkt_to_wkb("POLYGON((0 0,0 0,0 10,0 10,0 0),(2 2,2 2.69599209561419e67,4 4,4 2,2 2))", &n);
    assert_int_equal(guotu_area_of_wkb(ctx, calc, wkb, n, &a), GUOTU_ERR_GEOMETRY);
    assert_non_null(strstr(guotu_context_last_error(ctx), "out of range"));
    free(wkb);
    guotu_area_calc_destroy(ctx, calc);
    guotu_context_destroy(ctx);
}

/* Degrees are never metres: planar area and every metre check refuse a geographic CRS, or a
 * projected one in feet, naming the CRS and the Gauss-Krüger zones. */
static void test_metres_required(void **state) {
    (void)state;
    guotu_context *ctx = guotu_context_create();
    assert_int_equal(guotu_crs_require_metres(ctx, "EPSG:4527", "x"), GUOTU_OK);
    assert_int_equal(guotu_crs_require_metres(ctx, "EPSG:3857", "x"), GUOTU_OK);
    assert_int_equal(guotu_crs_require_metres(ctx, NULL, "x"), GUOTU_OK);
    assert_int_equal(guotu_crs_require_metres(ctx, "EPSG:4490", "planar area"), GUOTU_ERR_CRS);
    const char *message = guotu_context_last_error(ctx);
    assert_non_null(strstr(message, "planar area needs metres"));
    assert_non_null(strstr(message, "geographic (degrees)"));
    assert_non_null(strstr(message, "Gauss-Krüger"));
    assert_int_equal(guotu_crs_require_metres(ctx, "EPSG:2263", "x"), GUOTU_ERR_CRS); /* US survey feet */
    assert_non_null(strstr(guotu_context_last_error(ctx), "not in metres"));
    assert_int_equal(guotu_crs_require_metres(ctx, "no such crs", "x"), GUOTU_ERR_CRS);
    guotu_area_calc *calc = NULL;
    assert_int_equal(guotu_area_calc_create(ctx, "EPSG:4490", GUOTU_AREA_PLANAR, &calc), GUOTU_ERR_CRS);
    assert_null(calc);
    assert_int_equal(guotu_area_calc_create(ctx, "EPSG:4490", GUOTU_AREA_ELLIPSOIDAL, &calc), GUOTU_OK);
    guotu_area_calc_destroy(ctx, calc);
    guotu_context_destroy(ctx);
}

/* The area calculator remembers the vertices it has mapped to the ellipsoid (neighbouring
 * parcels share them): a ring measured from remembered vertices has exactly the area it has
 * when every vertex is computed, to the last bit, and a bad vertex is never remembered. */
static void test_remembered_vertices_same_area(void **state) {
    (void)state;
    guotu_context *ctx = guotu_context_create();
    guotu_area_calc *fresh = NULL, *warm = NULL;
    assert_int_equal(guotu_area_calc_create(ctx, "EPSG:4527", GUOTU_AREA_ELLIPSOIDAL, &fresh), GUOTU_OK);
    assert_int_equal(guotu_area_calc_create(ctx, "EPSG:4527", GUOTU_AREA_ELLIPSOIDAL, &warm), GUOTU_OK);
    enum { N = 60 };
    double ring[2 * N], neighbour[2 * (N + 1)];
    for (int i = 0; i < N; i++) { /* a wiggly parcel of about 1 ha with a Gauss-Krüger false easting */
        double t = 2 * 3.141592653589793 * i / N, r = 55 + 7 * sin(5 * t);
        ring[2 * i] = 39512345.678 + r * cos(t);
        ring[2 * i + 1] = 4412345.678 + r * sin(t);
    }
    /* the neighbour has every vertex of the ring (backwards) and one of its own */
    for (int i = 0; i < N; i++) {
        neighbour[2 * i] = ring[2 * (N - 1 - i)];
        neighbour[2 * i + 1] = ring[2 * (N - 1 - i) + 1];
    }
    neighbour[2 * N] = 39512345.678 + 200;
    neighbour[2 * N + 1] = 4412345.678;
    double computed = 0, again = 0, remembered = 0, other = 0;
    assert_int_equal(guotu_area_of_ring(ctx, fresh, ring, N, &computed), GUOTU_OK);
    assert_int_equal(guotu_area_of_ring(ctx, fresh, ring, N, &again), GUOTU_OK);
    assert_int_equal(guotu_area_of_ring(ctx, warm, neighbour, N + 1, &other), GUOTU_OK);
    assert_int_equal(guotu_area_of_ring(ctx, warm, ring, N, &remembered), GUOTU_OK);
    assert_true(computed > 9000 && computed < 11000);
    assert_true(again == computed);
    assert_true(remembered == computed);
    /* a lone ring (the raster lattice's cells) skips the cache: the same area to the bit, on a
     * calculator that remembers the ring's vertices and on one that has not seen them */
    guotu_area_calc *lone = NULL;
    assert_int_equal(guotu_area_calc_create(ctx, "EPSG:4527", GUOTU_AREA_ELLIPSOIDAL, &lone), GUOTU_OK);
    double copy[2 * N], lone_warm = 0, lone_cold = 0, lone_again = 0;
    memcpy(copy, ring, sizeof copy);
    assert_int_equal(gt_area_of_lone_ring_inplace(ctx, warm, copy, N, &lone_warm), GUOTU_OK);
    memcpy(copy, ring, sizeof copy);
    assert_int_equal(gt_area_of_lone_ring_inplace(ctx, lone, copy, N, &lone_cold), GUOTU_OK);
    memcpy(copy, ring, sizeof copy);
    assert_int_equal(gt_area_of_ring_inplace(ctx, lone, copy, N, &lone_again), GUOTU_OK);
    assert_true(lone_warm == computed);
    assert_true(lone_cold == computed);
    assert_true(lone_again == computed);
    guotu_area_calc_destroy(ctx, lone);
    /* a vertex beyond the ellipsoid fails every time, also after its neighbours were kept */
    guotu_area_calc *geo = NULL;
    assert_int_equal(guotu_area_calc_create(ctx, "EPSG:4490", GUOTU_AREA_ELLIPSOIDAL, &geo), GUOTU_OK);
    const double bad[] = {0, 0, 1, 0, 1, 100};
    double a = 0;
    assert_int_not_equal(guotu_area_of_ring(ctx, geo, bad, 3, &a), GUOTU_OK);
    assert_int_not_equal(guotu_area_of_ring(ctx, geo, bad, 3, &a), GUOTU_OK);
    guotu_area_calc_destroy(ctx, geo);
    guotu_area_calc_destroy(ctx, fresh);
    guotu_area_calc_destroy(ctx, warm);
    guotu_context_destroy(ctx);
}

/* The zone to work in (SPEC §8): CM = 3·round(lon/3) of the extent's centre, EPSG 4534 +
 * (CM − 75)/3; metric CRSs kept; other datums, feet and extents outside China refused. */
static int zone_of(guotu_context *ctx, const char *crs, double xmin, double ymin, double xmax, double ymax) {
    int epsg = -1;
    char note[512] = "x";
    int status = guotu_crs_metric_zone(ctx, crs, xmin, ymin, xmax, ymax, &epsg, note, sizeof note);
    if (status) {
        assert_int_equal(epsg, 0);
        return -status;
    }
    assert_true(epsg ? note[0] != '\0' : note[0] == '\0');
    return epsg;
}

static void test_metric_zone(void **state) {
    (void)state;
    guotu_context *ctx = guotu_context_create();
    /* 117.2°E → CM 117 → 4548; 118.6°E → CM 120 → 4549 (a county straddling 118.5°E). No zone
     * prefix: 4527 and 4528 are the same meridians' zones 39 and 40 with the prefix. */
    assert_int_equal(zone_of(ctx, "EPSG:4490", 117.1, 39.0, 117.3, 39.2), 4548);
    assert_int_equal(zone_of(ctx, "EPSG:4490", 118.4, 30.0, 118.8, 30.3), 4549);
    /* The ends: 75°E → 4534, 135°E → 4554. */
    assert_int_equal(zone_of(ctx, "EPSG:4490", 74.0, 39.0, 76.0, 40.0), 4534);
    assert_int_equal(zone_of(ctx, "EPSG:4490", 134.0, 47.0, 136.0, 48.0), 4554);
    /* 1.5° off a CM: just west stays, just east goes to the next zone; exactly half way goes east. */
    assert_int_equal(zone_of(ctx, "EPSG:4490", 115.49, 30, 115.49, 30), 4547);
    assert_int_equal(zone_of(ctx, "EPSG:4490", 115.51, 30, 115.51, 30), 4548);
    assert_int_equal(zone_of(ctx, "EPSG:4490", 115.0, 30, 116.0, 30), 4548);
    assert_int_equal(zone_of(ctx, "EPSG:4490", 118.49999, 30, 118.49999, 30), 4548);
    /* The zone of the centre (119°E → CM 120), not of the west edge (117°E). */
    assert_int_equal(zone_of(ctx, "EPSG:4490", 117.0, 30, 121.0, 31), 4549);
    /* The note names the CRS, the zone and why. */
    int epsg = 0;
    char note[512];
    assert_int_equal(guotu_crs_metric_zone(ctx, "EPSG:4490", 117.1, 39.0, 117.3, 39.2, &epsg, note, sizeof note),
                     GUOTU_OK);
    assert_string_equal(note, "reprojected from EPSG:4490 to EPSG:4548 (CGCS2000 / 3-degree Gauss-Kruger CM 117E), "
                              "the zone of the data's centre");
    /* CGCS2000 3D and WGS 84 (taken as CGCS2000, said so) get the same zone; a NULL note is fine. */
    assert_int_equal(zone_of(ctx, "EPSG:4480", 117.1, 39.0, 117.3, 39.2), 4548);
    assert_int_equal(guotu_crs_metric_zone(ctx, "EPSG:4326", 117.1, 39.0, 117.3, 39.2, &epsg, note, sizeof note),
                     GUOTU_OK);
    assert_int_equal(epsg, 4548);
    assert_non_null(strstr(note, "WGS 84 taken as CGCS2000"));
    assert_int_equal(guotu_crs_metric_zone(ctx, "EPSG:4490", 117.1, 39.0, 117.3, 39.2, &epsg, NULL, 0), GUOTU_OK);
    /* A WKT without authority codes (as an ESRI .prj reads) is recognised by its datum. */
    const char *wkt = "GEOGCS[\"GCS_China_Geodetic_Coordinate_System_2000\",DATUM[\"D_China_2000\","
                      "SPHEROID[\"CGCS2000\",6378137.0,298.257222101]],PRIMEM[\"Greenwich\",0.0],"
                      "UNIT[\"Degree\",0.0174532925199433]]";
    assert_int_equal(zone_of(ctx, wkt, 117.1, 39.0, 117.3, 39.2), 4548);
    /* Metric CRSs and no CRS: kept (0). */
    assert_int_equal(zone_of(ctx, "EPSG:4527", 39.5e6, 4.3e6, 39.6e6, 4.4e6), 0);
    assert_int_equal(zone_of(ctx, "EPSG:3857", 0, 0, 1, 1), 0);
    assert_int_equal(zone_of(ctx, NULL, 0, 0, 1, 1), 0);
    /* Refusals, each with its reason. */
    assert_int_equal(zone_of(ctx, "EPSG:2263", 0, 0, 1, 1), -GUOTU_ERR_CRS); /* US survey feet */
    assert_non_null(strstr(guotu_context_last_error(ctx), "not in metres"));
    assert_int_equal(zone_of(ctx, "EPSG:4214", 117.1, 39.0, 117.3, 39.2), -GUOTU_ERR_CRS); /* Beijing 1954 */
    assert_non_null(strstr(guotu_context_last_error(ctx), "only CGCS2000 and WGS 84"));
    assert_int_equal(zone_of(ctx, "EPSG:4490", 2.0, 48.0, 2.5, 48.5), -GUOTU_ERR_CRS); /* Paris */
    const char *message = guotu_context_last_error(ctx);
    assert_non_null(strstr(message, "longitude 2.000000° – 2.500000°"));
    assert_non_null(strstr(message, "outside China's 3-degree Gauss-Krüger zones"));
    assert_int_equal(zone_of(ctx, "EPSG:4490", 136.6, 40, 137, 41), -GUOTU_ERR_CRS);           /* CM 138 */
    assert_int_equal(zone_of(ctx, "EPSG:4490", 39.5e6, 4.3e6, 39.6e6, 4.4e6), -GUOTU_ERR_CRS); /* metres as degrees */
    assert_non_null(strstr(guotu_context_last_error(ctx), "not longitude and latitude"));
    assert_int_equal(zone_of(ctx, "EPSG:4490", NAN, NAN, NAN, NAN), -GUOTU_ERR_CRS);
    assert_non_null(strstr(guotu_context_last_error(ctx), "no extent"));
    assert_int_equal(zone_of(ctx, "EPSG:4490", 118, 30, 117, 31), -GUOTU_ERR_CRS); /* inverted */
    assert_int_equal(zone_of(ctx, "no such crs", 0, 0, 1, 1), -GUOTU_ERR_CRS);
    assert_int_equal(guotu_crs_metric_zone(ctx, "EPSG:4490", 0, 0, 1, 1, NULL, NULL, 0), GUOTU_ERR_ARGUMENT);
    assert_int_equal(guotu_crs_metric_zone(NULL, "EPSG:4490", 0, 0, 1, 1, &epsg, NULL, 0), GUOTU_ERR_ARGUMENT);
    guotu_context_destroy(ctx);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_equator_cell_wgs84_and_cgcs2000),
        cmocka_unit_test(test_axis_order_of_geographic_crs),
        cmocka_unit_test(test_gauss_kruger_square),
        cmocka_unit_test(test_small_rings_match_geodesic_area),
        cmocka_unit_test(test_holes_multipolygons_and_orientation),
        cmocka_unit_test(test_ring_api_and_description),
        cmocka_unit_test(test_unreadable_wkb),
        cmocka_unit_test(test_metres_required),
        cmocka_unit_test(test_remembered_vertices_same_area),
        cmocka_unit_test(test_metric_zone),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
