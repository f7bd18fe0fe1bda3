/* test_layer_crs.c — bringing an input layer into a run's CRS (core/io/layer_crs.c): the same
 * CRS read as it is, another reprojected with a note or refused, a missing CRS refused, and a
 * layer in the own CRS of the layer that chose the run's zone read in the zone silently. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "vector_source.h"

/* A GeoPackage in GDAL's memory with one layer 'f' (EPSG `epsg`, 0 for none) holding a
 * 2 x 2 square with its lower left corner at x, y. */
static void write_layer(const char *path, int epsg, double x, double y) {
    GDALAllRegister();
    GDALDatasetH ds = GDALCreate(GDALGetDriverByName("GPKG"), path, 0, 0, 0, GDT_Unknown, NULL);
    assert_non_null(ds);
    OGRSpatialReferenceH srs = NULL;
    if (epsg) {
        srs = OSRNewSpatialReference(NULL);
        assert_int_equal(OSRImportFromEPSG(srs, epsg), OGRERR_NONE);
    }
    OGRLayerH layer = GDALDatasetCreateLayer(ds, "f", srs, wkbPolygon, NULL);
    assert_non_null(layer);
    char wkt[256];
    snprintf(wkt, sizeof wkt, "POLYGON((%.9f %.9f,%.9f %.9f,%.9f %.9f,%.9f %.9f,%.9f %.9f))", x, y, x + 2, y, x + 2,
             y + 2, x, y + 2, x, y);
    char *text = wkt;
    OGRGeometryH g = NULL;
    assert_int_equal(OGR_G_CreateFromWkt(&text, NULL, &g), OGRERR_NONE);
    OGRFeatureH f = OGR_F_Create(OGR_L_GetLayerDefn(layer));
    OGR_F_SetGeometryDirectly(f, g);
    assert_int_equal(OGR_L_CreateFeature(layer, f), OGRERR_NONE);
    OGR_F_Destroy(f);
    if (srs) OSRDestroySpatialReference(srs);
    GDALClose(ds);
}

static OGRSpatialReferenceH epsg(int code) {
    OGRSpatialReferenceH srs = OSRNewSpatialReference(NULL);
    assert_int_equal(OSRImportFromEPSG(srs, code), OGRERR_NONE);
    OSRSetAxisMappingStrategy(srs, OAMS_TRADITIONAL_GIS_ORDER);
    return srs;
}

static char notes[4][1200];
static int nnotes;
static void note(const char *message, void *user) {
    (void)user;
    if (nnotes < 4) snprintf(notes[nnotes], sizeof notes[nnotes], "%s", message);
    nnotes++;
}

/* The first vertex of the layer's first feature as read. */
static void first_vertex(vector_source *src, double *x, double *y) {
    int64_t fid;
    char value[8], err[512];
    const unsigned char *wkb;
    size_t size;
    assert_int_equal(vector_source_next(src, &fid, value, sizeof value, &wkb, &size, err, sizeof err), 1);
    OGRGeometryH g = NULL;
    assert_int_equal(OGR_G_CreateFromWkb(wkb, NULL, &g, (int)size), OGRERR_NONE);
    OGRGeometryH ring = OGR_G_GetGeometryRef(g, 0);
    *x = OGR_G_GetX(ring, 0);
    *y = OGR_G_GetY(ring, 0);
    OGR_G_DestroyGeometry(g);
}

static void test_the_same_crs_is_read_as_it_is(void **state) {
    (void)state;
    write_layer("/vsimem/same.gpkg", 4527, 39500000, 3000000);
    vector_source src;
    char err[1024] = "";
    assert_int_equal(vector_source_open(&src, "/vsimem/same.gpkg", NULL, NULL, err, sizeof err), 0);
    OGRSpatialReferenceH run = epsg(4527);
    nnotes = 0;
    int reprojected = -1;
    layer_crs_target t = {.srs = run, .words = "the parcels", .plural = 1, .refuse = 1, .note = note};
    assert_int_equal(layer_crs_align(&t, &src, "villages", &reprojected, err, sizeof err), 0);
    assert_int_equal(reprojected, 0);
    assert_int_equal(nnotes, 0);
    double x, y;
    first_vertex(&src, &x, &y);
    assert_true(x == 39500000 && y == 3000000);
    vector_source_close(&src);
    OSRDestroySpatialReference(run);
    VSIUnlink("/vsimem/same.gpkg");
}

static void test_another_crs_is_reprojected_with_a_note(void **state) {
    (void)state;
    /* lon 117 (the central meridian of zone 39, EPSG:4527), lat 35: easting 500 km + the zone's
     * 39 000 km on the meridian itself */
    write_layer("/vsimem/lonlat.gpkg", 4490, 117, 35);
    vector_source src;
    char err[1024] = "";
    assert_int_equal(vector_source_open(&src, "/vsimem/lonlat.gpkg", NULL, NULL, err, sizeof err), 0);
    OGRSpatialReferenceH run = epsg(4527);
    nnotes = 0;
    int reprojected = 0;
    layer_crs_target t = {.srs = run, .words = "the parcels", .plural = 1, .note = note};
    assert_int_equal(layer_crs_align(&t, &src, "villages", &reprojected, err, sizeof err), 0);
    assert_int_equal(reprojected, 1);
    assert_int_equal(nnotes, 1);
    assert_string_equal(notes[0], "reprojecting the villages layer 'f' from China Geodetic Coordinate System 2000 "
                                  "(EPSG:4490) to CGCS2000 / 3-degree Gauss-Kruger zone 39 (EPSG:4527)");
    double x, y;
    first_vertex(&src, &x, &y);
    assert_true(fabs(x - 39500000.0) < 1e-6);
    assert_true(y > 3.87e6 && y < 3.88e6); /* the meridian arc to 35° N, about 3 874 km */
    vector_source_close(&src);
    OSRDestroySpatialReference(run);
    VSIUnlink("/vsimem/lonlat.gpkg");
}

static void test_another_crs_is_refused_under_crs_mismatch_fail(void **state) {
    (void)state;
    write_layer("/vsimem/lonlat2.gpkg", 4490, 117, 35);
    vector_source src;
    char err[1024] = "";
    assert_int_equal(vector_source_open(&src, "/vsimem/lonlat2.gpkg", NULL, NULL, err, sizeof err), 0);
    OGRSpatialReferenceH run = epsg(4527);
    nnotes = 0;
    layer_crs_target t = {.srs = run, .words = "the zones", .plural = 1, .refuse = 1, .note = note};
    assert_int_equal(layer_crs_align(&t, &src, "land-use", NULL, err, sizeof err), 1);
    assert_string_equal(err, "the land-use layer 'f' of '/vsimem/lonlat2.gpkg' is in China Geodetic Coordinate "
                             "System 2000 (EPSG:4490), another CRS than the zones (CGCS2000 / 3-degree Gauss-Kruger "
                             "zone 39 (EPSG:4527)) (--crs-mismatch fail)");
    assert_int_equal(nnotes, 0);
    /* In the own CRS of the layer that made the run work in the zone: read in the zone like
     * it, neither refused nor noted. */
    OGRSpatialReferenceH own = epsg(4490);
    t.own = own;
    int reprojected = 0;
    assert_int_equal(layer_crs_align(&t, &src, "land-use", &reprojected, err, sizeof err), 0);
    assert_int_equal(reprojected, 1);
    assert_int_equal(nnotes, 0);
    double x, y;
    first_vertex(&src, &x, &y);
    assert_true(fabs(x - 39500000.0) < 1e-6);
    vector_source_close(&src);
    OSRDestroySpatialReference(run);
    OSRDestroySpatialReference(own);
    VSIUnlink("/vsimem/lonlat2.gpkg");
}

static void test_a_missing_crs_is_refused_on_either_side(void **state) {
    (void)state;
    write_layer("/vsimem/none.gpkg", 0, 0, 0);
    write_layer("/vsimem/some.gpkg", 4527, 39500000, 3000000);
    vector_source none, some;
    char err[1024] = "";
    assert_int_equal(vector_source_open(&none, "/vsimem/none.gpkg", NULL, NULL, err, sizeof err), 0);
    assert_int_equal(vector_source_open(&some, "/vsimem/some.gpkg", NULL, NULL, err, sizeof err), 0);
    OGRSpatialReferenceH run = epsg(4527);
    layer_crs_target t = {.srs = run, .words = "the before layer 'DLTB'"};
    assert_int_equal(layer_crs_align(&t, &none, "after", NULL, err, sizeof err), 1);
    assert_string_equal(err, "the after layer 'f' of '/vsimem/none.gpkg' has no CRS but the before layer 'DLTB' is "
                             "in CGCS2000 / 3-degree Gauss-Kruger zone 39 (EPSG:4527): give both a CRS");
    t.srs = NULL;
    assert_int_equal(layer_crs_align(&t, &some, "after", NULL, err, sizeof err), 1);
    assert_string_equal(err, "the after layer 'f' of '/vsimem/some.gpkg' is in CGCS2000 / 3-degree Gauss-Kruger zone "
                             "39 (EPSG:4527) but the before layer 'DLTB' has none: give both a CRS");
    /* neither has one: read as it is */
    int reprojected = -1;
    assert_int_equal(layer_crs_align(&t, &none, "after", &reprojected, err, sizeof err), 0);
    assert_int_equal(reprojected, 0);
    vector_source_close(&none);
    vector_source_close(&some);
    OSRDestroySpatialReference(run);
    VSIUnlink("/vsimem/none.gpkg");
    VSIUnlink("/vsimem/some.gpkg");
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_the_same_crs_is_read_as_it_is),
        cmocka_unit_test(test_another_crs_is_reprojected_with_a_note),
        cmocka_unit_test(test_another_crs_is_refused_under_crs_mismatch_fail),
        cmocka_unit_test(test_a_missing_crs_is_refused_on_either_side),
    };
    int failed = cmocka_run_group_tests(tests, NULL, NULL);
    GDALDestroyDriverManager();
    OSRCleanup();
    return failed;
}
