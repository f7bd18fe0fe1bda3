/* test_tally_vector.c — vector tally on a fixture whose areas are worked out by hand.
 *
 * Zones (planar metres): A = [0,1000]x[0,1000], B = [1000,2000]x[0,1000].
 * Land use:
 *   f1 "21" [100,500]x[100,500]     inside A            -> A/21 = 400*400      = 16 ha
 *   f2 "12" [800,1200]x[0,1000]     cut by the A|B line -> A/12 = 200*1000     = 20 ha, B/12 = 20 ha
 *   f3 "21" [1500,2500]x[500,1500]  half out of B       -> B/21 = 500*500      = 25 ha
 *   f4 ""   [0,100]x[900,1000]      empty class, in A   -> A/"" = 100*100      =  1 ha
 *   f7 "31" bow-tie (1200 0,1400 200,1400 0,1200 200): two triangles of 100*200/2 = 2 ha in B
 *   f8 "10" [1900,1950]x[0,100] -> 0.5 ha; f9 "2" [1950,2000]x[0,100] -> 0.5 ha (sorting)
 * Total inside zones: 16 + 20 + 1 + 20 + 25 + 2 + 0.5 + 0.5 = 85 ha.
 */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "guotu/guotu.h"
#include "test_support.h"

static const char *bowtie = "POLYGON((1200 0,1400 200,1400 0,1200 200,1200 0))";

static guotu_tally *new_tally(guotu_context *ctx, guotu_invalid_policy invalid, const char *crs,
                              guotu_area_method method) {
    guotu_tally_options o;
    guotu_tally_options_init(&o);
    o.crs = crs;
    o.area_method = method;
    o.invalid = invalid;
    o.zones_label = "counties";
    o.landuse_label = "parcels";
    guotu_tally *t = NULL;
    assert_int_equal(guotu_tally_create(ctx, &o, &t), GUOTU_OK);
    return t;
}

static void add_fixture_zones(guotu_context *ctx, guotu_tally *t, double dx, double dy) {
    char w[256];
    assert_int_equal(add_zone_wkt(ctx, t, "A", 1, box_wkt(w, sizeof w, dx, dy, dx + 1000, dy + 1000)), GUOTU_OK);
    assert_int_equal(add_zone_wkt(ctx, t, "B", 2, box_wkt(w, sizeof w, dx + 1000, dy, dx + 2000, dy + 1000)), GUOTU_OK);
}

static void add_fixture_landuse(guotu_context *ctx, guotu_tally *t) {
    char w[256];
    assert_int_equal(add_landuse_wkt(ctx, t, "21", 1, box_wkt(w, sizeof w, 100, 100, 500, 500)), GUOTU_OK);
    assert_int_equal(add_landuse_wkt(ctx, t, "12", 2, box_wkt(w, sizeof w, 800, 0, 1200, 1000)), GUOTU_OK);
    assert_int_equal(add_landuse_wkt(ctx, t, "21", 3, box_wkt(w, sizeof w, 1500, 500, 2500, 1500)), GUOTU_OK);
    assert_int_equal(add_landuse_wkt(ctx, t, "", 4, box_wkt(w, sizeof w, 0, 900, 100, 1000)), GUOTU_OK);
    assert_int_equal(add_landuse_wkt(ctx, t, "31", 7, bowtie), GUOTU_OK);
    assert_int_equal(add_landuse_wkt(ctx, t, "10", 8, box_wkt(w, sizeof w, 1900, 0, 1950, 100)), GUOTU_OK);
    assert_int_equal(add_landuse_wkt(ctx, t, "2", 9, box_wkt(w, sizeof w, 1950, 0, 2000, 100)), GUOTU_OK);
}

static void test_hand_computed_areas(void **state) {
    (void)state;
    guotu_context *ctx = guotu_context_create();
    guotu_tally *t = new_tally(ctx, GUOTU_INVALID_REPAIR, NULL, GUOTU_AREA_PLANAR);
    add_fixture_zones(ctx, t, 0, 0);
    assert_int_equal(guotu_tally_prepare(ctx, t), GUOTU_OK);
    add_fixture_landuse(ctx, t);
    assert_int_equal(guotu_tally_finish(ctx, t), GUOTU_OK);

    assert_int_equal(guotu_tally_result_count(t), 8);
    assert_close(result_ha(ctx, t, "A", "21"), 16.0, 1e-9);
    assert_close(result_ha(ctx, t, "A", "12"), 20.0, 1e-9);
    assert_close(result_ha(ctx, t, "A", ""), 1.0, 1e-9);
    assert_close(result_ha(ctx, t, "B", "12"), 20.0, 1e-9);
    assert_close(result_ha(ctx, t, "B", "21"), 25.0, 1e-9);
    assert_close(result_ha(ctx, t, "B", "31"), 2.0, 1e-9);
    assert_close(result_ha(ctx, t, "B", "10"), 0.5, 1e-9);
    assert_close(result_ha(ctx, t, "B", "2"), 0.5, 1e-9);

    /* Order: zones as added; classes "" first, then numerically. */
    const char *want_zone[] = {"A", "A", "A", "B", "B", "B", "B", "B"};
    const char *want_code[] = {"", "12", "21", "2", "10", "12", "21", "31"};
    for (size_t i = 0; i < 8; i++) {
        const char *z, *c;
        double ha;
        assert_int_equal(guotu_tally_result(ctx, t, i, &z, &c, &ha), GUOTU_OK);
        assert_string_equal(z, want_zone[i]);
        assert_string_equal(c, want_code[i]);
    }
    const char *z, *c;
    double ha;
    assert_int_equal(guotu_tally_result(ctx, t, 8, &z, &c, &ha), GUOTU_ERR_ARGUMENT);

    guotu_tally_stats st;
    assert_int_equal(guotu_tally_get_stats(ctx, t, &st), GUOTU_OK);
    assert_int_equal(st.zones, 2);
    assert_int_equal(st.landuse_features, 7);
    assert_int_equal(st.repaired_landuse, 1);
    assert_int_equal(st.repaired_zones, 0);
    assert_int_equal(st.empty_class_features, 1);
    assert_close(st.empty_class_area_ha, 1.0, 1e-9);
    assert_close(st.zones_area_ha, 200.0, 1e-9);
    assert_close(st.tallied_area_ha, 85.0, 1e-9);
    /* All land use: 16 + 40 + 100 + 1 + 2 + 0.5 + 0.5 ha, inside zones or not. */
    assert_close(st.landuse_area_ha, 160.0, 1e-9);
    guotu_tally_destroy(ctx, t);
    guotu_context_destroy(ctx);
}

static void test_mask_excludes_area(void **state) {
    (void)state;
    guotu_context *ctx = guotu_context_create();
    guotu_tally *t = new_tally(ctx, GUOTU_INVALID_REPAIR, NULL, GUOTU_AREA_PLANAR);
    add_fixture_zones(ctx, t, 0, 0);
    char w[256];
    /* Two overlapping mask parts covering x < 500 of zone A: unioned, not counted twice. */
    assert_int_equal(add_mask_wkt(ctx, t, 1, box_wkt(w, sizeof w, 0, 0, 300, 1000)), GUOTU_OK);
    assert_int_equal(add_mask_wkt(ctx, t, 2, box_wkt(w, sizeof w, 200, 0, 500, 1000)), GUOTU_OK);
    assert_int_equal(guotu_tally_prepare(ctx, t), GUOTU_OK);
    add_fixture_landuse(ctx, t);
    assert_int_equal(guotu_tally_finish(ctx, t), GUOTU_OK);
    assert_close(result_ha(ctx, t, "A", "21"), 0.0, 1e-9);
    assert_close(result_ha(ctx, t, "A", ""), 0.0, 1e-9);
    assert_close(result_ha(ctx, t, "A", "12"), 20.0, 1e-9);
    assert_close(result_ha(ctx, t, "B", "21"), 25.0, 1e-9);
    guotu_tally_stats st;
    guotu_tally_get_stats(ctx, t, &st);
    assert_int_equal(st.mask_features, 2);
    assert_close(st.zones_area_ha, 150.0, 1e-9);
    guotu_tally_destroy(ctx, t);
    guotu_context_destroy(ctx);
}

static void test_ellipsoidal_matches_pyproj(void **state) {
    (void)state;
    /* The fixture moved into CGCS2000 / GK zone 39 at (39500000, 4400000); pyproj 3.4.1
     * gives 15.99999996444602 ha for f1 and 19.99999964067801 ha for A's part of f2. */
    guotu_context *ctx = guotu_context_create();
    guotu_tally *t = new_tally(ctx, GUOTU_INVALID_REPAIR, "EPSG:4527", GUOTU_AREA_ELLIPSOIDAL);
    add_fixture_zones(ctx, t, 39500000, 4400000);
    assert_int_equal(guotu_tally_prepare(ctx, t), GUOTU_OK);
    char w[256];
    assert_int_equal(add_landuse_wkt(ctx, t, "21", 1, box_wkt(w, sizeof w, 39500100, 4400100, 39500500, 4400500)),
                     GUOTU_OK);
    assert_int_equal(add_landuse_wkt(ctx, t, "12", 2, box_wkt(w, sizeof w, 39500800, 4400000, 39501200, 4401000)),
                     GUOTU_OK);
    assert_int_equal(guotu_tally_finish(ctx, t), GUOTU_OK);
    assert_close(result_ha(ctx, t, "A", "21"), 15.99999996444602, 1e-8);
    assert_close(result_ha(ctx, t, "A", "12"), 19.99999964067801, 1e-8);
    guotu_tally_destroy(ctx, t);
    guotu_context_destroy(ctx);
}

static void test_invalid_fail_names_layer_and_feature(void **state) {
    (void)state;
    guotu_context *ctx = guotu_context_create();
    guotu_tally *t = new_tally(ctx, GUOTU_INVALID_FAIL, NULL, GUOTU_AREA_PLANAR);
    add_fixture_zones(ctx, t, 0, 0);
    assert_int_equal(guotu_tally_prepare(ctx, t), GUOTU_OK);
    assert_int_equal(add_landuse_wkt(ctx, t, "31", 7, bowtie), GUOTU_ERR_INVALID_GEOMETRY);
    const char *msg = guotu_context_last_error(ctx);
    assert_non_null(strstr(msg, "parcels"));
    assert_non_null(strstr(msg, "feature 7"));
    assert_non_null(strstr(msg, "Self-intersection"));
    guotu_tally_destroy(ctx, t);

    /* An invalid zone is repaired by default and counted. */
    t = new_tally(ctx, GUOTU_INVALID_REPAIR, NULL, GUOTU_AREA_PLANAR);
    assert_int_equal(add_zone_wkt(ctx, t, "X", 3, bowtie), GUOTU_OK);
    assert_int_equal(guotu_tally_prepare(ctx, t), GUOTU_OK);
    guotu_tally_stats st;
    guotu_tally_get_stats(ctx, t, &st);
    assert_int_equal(st.repaired_zones, 1);
    assert_close(st.zones_area_ha, 2.0, 1e-9);
    guotu_tally_destroy(ctx, t);
    guotu_context_destroy(ctx);
}

static void test_bad_input_is_reported(void **state) {
    (void)state;
    guotu_context *ctx = guotu_context_create();
    char w[256];
    guotu_tally *t = new_tally(ctx, GUOTU_INVALID_REPAIR, NULL, GUOTU_AREA_PLANAR);
    /* No zones at all. */
    assert_int_equal(guotu_tally_prepare(ctx, t), GUOTU_ERR_DATA);
    assert_non_null(strstr(guotu_context_last_error(ctx), "counties"));
    guotu_tally_destroy(ctx, t);

    t = new_tally(ctx, GUOTU_INVALID_REPAIR, NULL, GUOTU_AREA_PLANAR);
    assert_int_equal(add_landuse_wkt(ctx, t, "1", 1, box_wkt(w, sizeof w, 0, 0, 1, 1)), GUOTU_ERR_STATE);
    assert_int_equal(add_zone_wkt(ctx, t, "A", 11, box_wkt(w, sizeof w, 0, 0, 1, 1)), GUOTU_OK);
    assert_int_equal(add_zone_wkt(ctx, t, "A", 12, box_wkt(w, sizeof w, 1, 0, 2, 1)), GUOTU_ERR_DATA);
    const char *msg = guotu_context_last_error(ctx);
    assert_non_null(strstr(msg, "'A'"));
    assert_non_null(strstr(msg, "11"));
    assert_non_null(strstr(msg, "12"));
    guotu_tally_destroy(ctx, t);

    t = new_tally(ctx, GUOTU_INVALID_REPAIR, NULL, GUOTU_AREA_PLANAR);
    assert_int_equal(add_zone_wkt(ctx, t, "", 5, box_wkt(w, sizeof w, 0, 0, 1, 1)), GUOTU_ERR_DATA);
    assert_non_null(strstr(guotu_context_last_error(ctx), "feature 5"));
    guotu_tally_destroy(ctx, t);

    t = new_tally(ctx, GUOTU_INVALID_REPAIR, NULL, GUOTU_AREA_PLANAR);
    assert_int_equal(add_zone_wkt(ctx, t, "L", 6, "LINESTRING(0 0,1 1)"), GUOTU_ERR_GEOMETRY);
    assert_non_null(strstr(guotu_context_last_error(ctx), "LineString"));
    guotu_tally_destroy(ctx, t);

    t = new_tally(ctx, GUOTU_INVALID_REPAIR, NULL, GUOTU_AREA_PLANAR);
    add_fixture_zones(ctx, t, 0, 0);
    assert_int_equal(guotu_tally_prepare(ctx, t), GUOTU_OK);
    /* "国" in GBK bytes: not UTF-8, so it cannot become a class code. */
    assert_int_equal(add_landuse_wkt(ctx, t, "\xb9\xfa", 9, box_wkt(w, sizeof w, 0, 0, 1, 1)), GUOTU_ERR_DATA);
    assert_non_null(strstr(guotu_context_last_error(ctx), "UTF-8"));
    assert_non_null(strstr(guotu_context_last_error(ctx), "feature 9"));
    guotu_tally_destroy(ctx, t);

    t = new_tally(ctx, GUOTU_INVALID_REPAIR, NULL, GUOTU_AREA_PLANAR);
    add_fixture_zones(ctx, t, 0, 0);
    assert_int_equal(guotu_tally_prepare(ctx, t), GUOTU_OK);
    const unsigned char junk[] = {1, 3, 0, 0, 0, 1};
    assert_int_equal(guotu_tally_add_landuse(ctx, t, "1", 4, junk, sizeof junk), GUOTU_ERR_GEOMETRY);
    assert_non_null(strstr(guotu_context_last_error(ctx), "feature 4"));
    guotu_tally_destroy(ctx, t);
    guotu_context_destroy(ctx);
}

/* Bytes a fuzzer made: a degenerate shell and a hole out at 2.7e67, whose repair reaches out
 * there too (a hole escapes the shell's envelope, so only the repaired zone shows it). */
static const unsigned char far_hole_wkb[] = {
    0x01, 0x03, 0x00, 0x00, 0x00, 0x02, 0x00, 0x00, 0x00, 0x05, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x24,
    0x37, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x24, 0x40, 0x00, 0x10, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00, 0x00, 0x24, 0x40, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x24, 0x40, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x05, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x40, 0x00, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00, 0x40, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x40, 0x00, 0x00, 0x00, 0x00, 0xfe,
    0xff, 0xef, 0x4d, 0xff, 0xff, 0xff, 0xff, 0x00, 0x00, 0x10, 0x40, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x10,
    0x40, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x10, 0x40, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x40, 0x00,
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x40, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x40,
};

/* A parcel whose area no land can have (coordinates out of range, as a damaged file gives) is
 * refused naming the layer: converting it to the fixed-point sums would be undefined. */
static void test_area_beyond_the_earth_refused(void **state) {
    (void)state;
    guotu_context *ctx = guotu_context_create();
    char w[1024];
    guotu_tally *t = new_tally(ctx, GUOTU_INVALID_REPAIR, NULL, GUOTU_AREA_PLANAR);
    assert_int_equal(add_zone_wkt(ctx, t, "A", 1, box_wkt(w, sizeof w, 0, 0, 1e9, 1e9)), GUOTU_OK);
    assert_int_equal(guotu_tally_prepare(ctx, t), GUOTU_OK);
    assert_int_equal(add_landuse_wkt(ctx, t, "1", 2, box_wkt(w, sizeof w, 0, 0, 1e9, 1e9)), GUOTU_ERR_GEOMETRY);
    assert_non_null(strstr(guotu_context_last_error(ctx), "parcels"));
    assert_non_null(strstr(guotu_context_last_error(ctx), "out of range"));
    guotu_tally_destroy(ctx, t);
    /* An area of a whole province still sums. */
    t = new_tally(ctx, GUOTU_INVALID_REPAIR, NULL, GUOTU_AREA_PLANAR);
    assert_int_equal(add_zone_wkt(ctx, t, "A", 1, box_wkt(w, sizeof w, 0, 0, 4e5, 4e5)), GUOTU_OK);
    assert_int_equal(guotu_tally_prepare(ctx, t), GUOTU_OK);
    assert_int_equal(add_landuse_wkt(ctx, t, "1", 3, box_wkt(w, sizeof w, 0, 0, 4e5, 4e5)), GUOTU_OK);
    guotu_tally_destroy(ctx, t);
    t = new_tally(ctx, GUOTU_INVALID_REPAIR, NULL, GUOTU_AREA_PLANAR);
    assert_int_equal(guotu_tally_add_zone(ctx, t, "Z", 4, far_hole_wkb, sizeof far_hole_wkb), GUOTU_ERR_GEOMETRY);
    assert_non_null(strstr(guotu_context_last_error(ctx), "feature 4"));
    assert_non_null(strstr(guotu_context_last_error(ctx), "beyond any position"));
    guotu_tally_destroy(ctx, t);
    guotu_context_destroy(ctx);
}

static void test_utf8_codes_kept(void **state) {
    (void)state;
    guotu_context *ctx = guotu_context_create();
    guotu_tally *t = new_tally(ctx, GUOTU_INVALID_REPAIR, NULL, GUOTU_AREA_PLANAR);
    char w[256];
    assert_int_equal(add_zone_wkt(ctx, t, "北京市海淀区", 1, box_wkt(w, sizeof w, 0, 0, 100, 100)), GUOTU_OK);
    assert_int_equal(guotu_tally_prepare(ctx, t), GUOTU_OK);
    assert_int_equal(add_landuse_wkt(ctx, t, "有林地", 1, box_wkt(w, sizeof w, 0, 0, 100, 50)), GUOTU_OK);
    assert_int_equal(guotu_tally_finish(ctx, t), GUOTU_OK);
    assert_close(result_ha(ctx, t, "北京市海淀区", "有林地"), 0.5, 1e-12);
    guotu_tally_destroy(ctx, t);
    guotu_context_destroy(ctx);
}

/* 田坎: a cultivated parcel with KCXS k counts A·(1 − k) as its class and A·k as 1203, in
 * every zone it crosses; k = 0 is the plain call; k outside [0, 1) is refused naming it. */
static void test_deduction_splits_the_area(void **state) {
    (void)state;
    guotu_context *ctx = guotu_context_create();
    guotu_tally *t = new_tally(ctx, GUOTU_INVALID_REPAIR, NULL, GUOTU_AREA_PLANAR);
    add_fixture_zones(ctx, t, 0, 0);
    assert_int_equal(guotu_tally_prepare(ctx, t), GUOTU_OK);
    char w[256];
    size_t n = 0;
    /* 40 ha across A and B (20 ha each), KCXS 0.1 */
    unsigned char *wkb = wkt_to_wkb(box_wkt(w, sizeof w, 800, 0, 1200, 1000), &n);
    assert_int_equal(guotu_tally_add_landuse_deducted(ctx, t, "0103", "1203", 0.1, 1, wkb, n), GUOTU_OK);
    free(wkb);
    wkb = wkt_to_wkb(box_wkt(w, sizeof w, 100, 100, 500, 500), &n); /* 16 ha in A, no deduction */
    assert_int_equal(guotu_tally_add_landuse_deducted(ctx, t, "0301", "1203", 0.0, 2, wkb, n), GUOTU_OK);
    assert_int_equal(guotu_tally_add_landuse_deducted(ctx, t, "0103", "1203", 1.0, 3, wkb, n), GUOTU_ERR_DATA);
    assert_non_null(strstr(guotu_context_last_error(ctx), "feature 3 of layer 'parcels'"));
    assert_int_equal(guotu_tally_add_landuse_deducted(ctx, t, "0103", "1203", -0.1, 4, wkb, n), GUOTU_ERR_DATA);
    free(wkb);
    assert_int_equal(guotu_tally_finish(ctx, t), GUOTU_OK);
    assert_close(result_ha(ctx, t, "A", "0103"), 18.0, 1e-9);
    assert_close(result_ha(ctx, t, "A", "1203"), 2.0, 1e-9);
    assert_close(result_ha(ctx, t, "B", "0103"), 18.0, 1e-9);
    assert_close(result_ha(ctx, t, "B", "1203"), 2.0, 1e-9);
    assert_close(result_ha(ctx, t, "A", "0301"), 16.0, 1e-9);
    assert_int_equal(guotu_tally_result_count(t), 5);
    guotu_tally_destroy(ctx, t);
    guotu_context_destroy(ctx);
}

/* Zones from the parcels' own codes (ZLDWDM prefixes): whole areas summed per (code, class),
 * 田坎 deducted, no zone polygons; a tally by code takes no mask, no zone polygons, and no
 * land use without its code. */
/* A box [x0,x1]x[y0,y1] with `per_side` vertices on each side: a zone as large in vertices as a
 * village dissolved from survey parcels (the tally clips such zones to each parcel's box). */
static char *dense_box(double x0, double y0, double x1, double y1, int per_side) {
    size_t cap = (size_t)per_side * 4 * 64 + 64, used = 0;
    char *w = malloc(cap);
    used += (size_t)snprintf(w + used, cap - used, "POLYGON((");
    const double xs[5] = {x0, x1, x1, x0, x0}, ys[5] = {y0, y0, y1, y1, y0};
    for (int side = 0; side < 4; side++)
        for (int k = 0; k < per_side; k++) {
            double f = (double)k / per_side;
            used += (size_t)snprintf(w + used, cap - used, "%.6f %.6f,", xs[side] + f * (xs[side + 1] - xs[side]),
                                     ys[side] + f * (ys[side + 1] - ys[side]));
        }
    snprintf(w + used, cap - used, "%.6f %.6f))", x0, y0);
    return w;
}

/* Parcels touching large zones from inside, on the line between two zones, and crossing it;
 * then the same parcel in two overlapping zones (counted in both: no early exit there). */
static void test_large_zones_border_parcels(void **state) {
    (void)state;
    guotu_context *ctx = guotu_context_create();
    guotu_tally *t = new_tally(ctx, GUOTU_INVALID_REPAIR, NULL, GUOTU_AREA_PLANAR);
    char *a = dense_box(0, 0, 1000, 1000, 300), *b = dense_box(1000, 0, 2000, 1000, 300);
    assert_int_equal(add_zone_wkt(ctx, t, "A", 1, a), GUOTU_OK);
    assert_int_equal(add_zone_wkt(ctx, t, "B", 2, b), GUOTU_OK);
    assert_int_equal(guotu_tally_prepare(ctx, t), GUOTU_OK);
    char w[256];
    /* in A's corner, touching its boundary on two sides */
    assert_int_equal(add_landuse_wkt(ctx, t, "01", 1, box_wkt(w, sizeof w, 0, 0, 100, 100)), GUOTU_OK);
    /* in B, along the A|B line */
    assert_int_equal(add_landuse_wkt(ctx, t, "02", 2, box_wkt(w, sizeof w, 1000, 0, 1100, 100)), GUOTU_OK);
    /* across the line: half in each */
    assert_int_equal(add_landuse_wkt(ctx, t, "03", 3, box_wkt(w, sizeof w, 950, 400, 1050, 500)), GUOTU_OK);
    /* a notched parcel on A's edge whose box is all inside A: an L of 3/4 of 100x100 */
    assert_int_equal(add_landuse_wkt(ctx, t, "04", 4, "POLYGON((0 500,100 500,100 550,50 550,50 600,0 600,0 500))"),
                     GUOTU_OK);
    assert_int_equal(guotu_tally_finish(ctx, t), GUOTU_OK);
    assert_close(result_ha(ctx, t, "A", "01"), 1.0, 1e-9);
    assert_close(result_ha(ctx, t, "B", "02"), 1.0, 1e-9);
    assert_close(result_ha(ctx, t, "A", "03"), 0.5, 1e-9);
    assert_close(result_ha(ctx, t, "B", "03"), 0.5, 1e-9);
    assert_close(result_ha(ctx, t, "A", "04"), 0.75, 1e-9);
    assert_int_equal(guotu_tally_result_count(t), 5); /* no zero rows for the neighbours touched */
    guotu_tally_stats stats;
    assert_int_equal(guotu_tally_get_stats(ctx, t, &stats), GUOTU_OK);
    assert_int_equal(stats.overlapping_zone_pairs, 0); /* sharing 300 vertices of one line: touching */
    guotu_tally_destroy(ctx, t);

    /* A large zone with a hole ([400,600]x[400,600]): a parcel in the hole is in no zone, one across
     * the hole's edge counts only its part outside the hole. */
    t = new_tally(ctx, GUOTU_INVALID_REPAIR, NULL, GUOTU_AREA_PLANAR);
    char *hole = dense_box(400, 400, 600, 600, 100);
    size_t n = strlen(a) + strlen(hole) + 16;
    char *holed = malloc(n);
    /* "POLYGON((shell))" + ",(hole)" : the hole's ring goes inside the shell's polygon */
    snprintf(holed, n, "%.*s,%s", (int)(strlen(a) - 1), a, hole + strlen("POLYGON("));
    assert_int_equal(add_zone_wkt(ctx, t, "H", 4, holed), GUOTU_OK);
    assert_int_equal(guotu_tally_prepare(ctx, t), GUOTU_OK);
    assert_int_equal(add_landuse_wkt(ctx, t, "06", 6, box_wkt(w, sizeof w, 450, 450, 550, 550)), GUOTU_OK);
    assert_int_equal(add_landuse_wkt(ctx, t, "07", 7, box_wkt(w, sizeof w, 350, 450, 450, 550)), GUOTU_OK);
    assert_int_equal(guotu_tally_finish(ctx, t), GUOTU_OK);
    assert_close(result_ha(ctx, t, "H", "07"), 0.5, 1e-9);
    assert_int_equal(guotu_tally_result_count(t), 1); /* nothing of the parcel in the hole */
    guotu_tally_destroy(ctx, t);
    free(hole);
    free(holed);

    t = new_tally(ctx, GUOTU_INVALID_REPAIR, NULL, GUOTU_AREA_PLANAR);
    char *c = dense_box(500, 0, 1500, 1000, 300);
    assert_int_equal(add_zone_wkt(ctx, t, "A", 1, a), GUOTU_OK);
    assert_int_equal(add_zone_wkt(ctx, t, "C", 3, c), GUOTU_OK);
    assert_int_equal(guotu_tally_prepare(ctx, t), GUOTU_OK);
    assert_int_equal(add_landuse_wkt(ctx, t, "05", 5, box_wkt(w, sizeof w, 600, 0, 700, 100)), GUOTU_OK);
    assert_int_equal(guotu_tally_finish(ctx, t), GUOTU_OK);
    assert_close(result_ha(ctx, t, "A", "05"), 1.0, 1e-9);
    assert_close(result_ha(ctx, t, "C", "05"), 1.0, 1e-9);
    assert_int_equal(guotu_tally_get_stats(ctx, t, &stats), GUOTU_OK);
    assert_int_equal(stats.overlapping_zone_pairs, 1); /* [500,1000] x [0,1000] counted twice: 50 ha */
    assert_close(stats.zone_overlap_area_ha, 50.0, 1e-9);
    guotu_tally_destroy(ctx, t);
    free(a);
    free(b);
    free(c);
    guotu_context_destroy(ctx);
}

/* A second tally prepared like a first one takes its zones less the mask, their overlap and
 * the zone counters, and sums as if it had been given the zones and the mask itself.
 * Zones A = [0,1000]x[0,1000] and C = [500,1500]x[0,1000] overlap on [500,1000]x[0,1000]
 * (50 ha); the mask [0,100]x[0,1000] takes 10 ha from A: zones 90 + 100 = 190 ha. */
static void test_prepare_like_shares_prepared_zones(void **state) {
    (void)state;
    guotu_context *ctx = guotu_context_create();
    char w[256];
    guotu_tally *p = new_tally(ctx, GUOTU_INVALID_REPAIR, NULL, GUOTU_AREA_PLANAR);
    assert_int_equal(add_zone_wkt(ctx, p, "A", 1, box_wkt(w, sizeof w, 0, 0, 1000, 1000)), GUOTU_OK);
    assert_int_equal(add_zone_wkt(ctx, p, "C", 3, box_wkt(w, sizeof w, 500, 0, 1500, 1000)), GUOTU_OK);
    assert_int_equal(add_mask_wkt(ctx, p, 7, box_wkt(w, sizeof w, 0, 0, 100, 1000)), GUOTU_OK);
    guotu_tally *q = new_tally(ctx, GUOTU_INVALID_REPAIR, NULL, GUOTU_AREA_PLANAR);
    assert_int_equal(guotu_tally_can_prepare_like(q, p), 0); /* p is not prepared yet */
    assert_int_equal(guotu_tally_prepare_like(ctx, q, p), GUOTU_ERR_ARGUMENT);
    guotu_tally_destroy(ctx, q);
    assert_int_equal(guotu_tally_prepare(ctx, p), GUOTU_OK);
    /* the first tally may be fed and finished before the second is prepared from it */
    assert_int_equal(add_landuse_wkt(ctx, p, "09", 9, box_wkt(w, sizeof w, 0, 0, 1500, 1000)), GUOTU_OK);
    assert_int_equal(guotu_tally_finish(ctx, p), GUOTU_OK);

    q = new_tally(ctx, GUOTU_INVALID_REPAIR, NULL, GUOTU_AREA_PLANAR);
    assert_int_equal(guotu_tally_can_prepare_like(q, p), 1);
    assert_int_equal(guotu_tally_prepare_like(ctx, q, p), GUOTU_OK);
    guotu_tally_destroy(ctx, p); /* q owns its own copies */
    guotu_tally_stats st;
    assert_int_equal(guotu_tally_get_stats(ctx, q, &st), GUOTU_OK);
    assert_int_equal(st.zones, 2);
    assert_int_equal(st.mask_features, 1);
    assert_close(st.zones_area_ha, 190.0, 1e-9);
    assert_int_equal(st.overlapping_zone_pairs, 1);
    assert_close(st.zone_overlap_area_ha, 50.0, 1e-9);
    assert_int_equal(st.landuse_features, 0); /* the first tally's land use is not taken */
    const char *za = NULL, *zb = NULL;
    double ha = 0;
    assert_int_equal(guotu_tally_zone_overlap(ctx, q, 0, &za, &zb, &ha), GUOTU_OK);
    assert_string_equal(za, "A");
    assert_string_equal(zb, "C");
    assert_close(ha, 50.0, 1e-9);
    /* [0,200]x[0,100]: half under the mask, 1 ha in A; [600,700]x[0,100] in both zones: 1 ha each;
     * [1400,1600]x[0,100]: half outside C, 1 ha in C */
    assert_int_equal(add_landuse_wkt(ctx, q, "01", 1, box_wkt(w, sizeof w, 0, 0, 200, 100)), GUOTU_OK);
    assert_int_equal(add_landuse_wkt(ctx, q, "02", 2, box_wkt(w, sizeof w, 600, 0, 700, 100)), GUOTU_OK);
    assert_int_equal(add_landuse_wkt(ctx, q, "03", 3, box_wkt(w, sizeof w, 1400, 0, 1600, 100)), GUOTU_OK);
    assert_int_equal(guotu_tally_finish(ctx, q), GUOTU_OK);
    assert_close(result_ha(ctx, q, "A", "01"), 1.0, 1e-9);
    assert_close(result_ha(ctx, q, "A", "02"), 1.0, 1e-9);
    assert_close(result_ha(ctx, q, "C", "02"), 1.0, 1e-9);
    assert_close(result_ha(ctx, q, "C", "03"), 1.0, 1e-9);
    assert_int_equal(guotu_tally_result_count(q), 4);

    /* Refused: another CRS or area method, zones already added, a tally by code, itself. */
    guotu_tally *r = new_tally(ctx, GUOTU_INVALID_REPAIR, NULL, GUOTU_AREA_PLANAR);
    assert_int_equal(add_zone_wkt(ctx, r, "A", 1, box_wkt(w, sizeof w, 0, 0, 1000, 1000)), GUOTU_OK);
    assert_int_equal(guotu_tally_prepare(ctx, r), GUOTU_OK);
    guotu_tally *other = new_tally(ctx, GUOTU_INVALID_REPAIR, "EPSG:4547", GUOTU_AREA_PLANAR);
    assert_int_equal(guotu_tally_can_prepare_like(other, r), 0);
    assert_int_equal(guotu_tally_prepare_like(ctx, other, r), GUOTU_ERR_ARGUMENT);
    assert_non_null(strstr(guotu_context_last_error(ctx), "differ"));
    guotu_tally_destroy(ctx, other);
    other = new_tally(ctx, GUOTU_INVALID_FAIL, NULL, GUOTU_AREA_PLANAR);
    assert_int_equal(guotu_tally_can_prepare_like(other, r), 0);
    guotu_tally_destroy(ctx, other);
    other = new_tally(ctx, GUOTU_INVALID_REPAIR, NULL, GUOTU_AREA_PLANAR);
    assert_int_equal(add_zone_wkt(ctx, other, "B", 2, box_wkt(w, sizeof w, 0, 0, 10, 10)), GUOTU_OK);
    assert_int_equal(guotu_tally_can_prepare_like(other, r), 0);
    guotu_tally_destroy(ctx, other);
    other = new_tally(ctx, GUOTU_INVALID_REPAIR, NULL, GUOTU_AREA_PLANAR);
    guotu_tally *by_code = new_tally(ctx, GUOTU_INVALID_REPAIR, NULL, GUOTU_AREA_PLANAR);
    assert_int_equal(guotu_tally_prepare_by_code(ctx, by_code), GUOTU_OK);
    assert_int_equal(guotu_tally_can_prepare_like(other, by_code), 0);
    assert_int_equal(guotu_tally_can_prepare_like(other, NULL), 0);
    assert_int_equal(guotu_tally_can_prepare_like(r, r), 0);
    assert_int_equal(guotu_tally_prepare_like(ctx, other, NULL), GUOTU_ERR_ARGUMENT);
    guotu_tally_destroy(ctx, by_code);
    guotu_tally_destroy(ctx, other);
    guotu_tally_destroy(ctx, r);
    guotu_tally_destroy(ctx, q);
    guotu_context_destroy(ctx);
}

static void test_tally_by_zone_code(void **state) {
    (void)state;
    guotu_context *ctx = guotu_context_create();
    guotu_tally *t = new_tally(ctx, GUOTU_INVALID_REPAIR, NULL, GUOTU_AREA_PLANAR);
    assert_int_equal(guotu_tally_prepare_by_code(ctx, t), GUOTU_OK);
    char w[256];
    size_t n = 0;
    struct {
        const char *zone, *code;
        double share, x0, x1;                             /* a 1000 m tall strip from x0 to x1 */
    } parcels[] = {{"130101100", "0103", 0.1, 0, 100},    /* 10 ha: 9 + 1 (田坎) */
                   {"130101100", "0301", 0.0, 100, 300},  /* 20 ha */
                   {"130101101", "0103", 0.0, 300, 350},  /* 5 ha */
                   {"130101100", "0103", 0.0, 350, 360}}; /* 1 ha */
    unsigned char *wkb = wkt_to_wkb(box_wkt(w, sizeof w, 0, 0, 100, 1000), &n);
    assert_int_equal(guotu_tally_add_landuse(ctx, t, "0101", 9, wkb, n), GUOTU_ERR_STATE);
    assert_int_equal(guotu_tally_add_landuse_in_zone(ctx, t, "", "0101", NULL, 0, 9, wkb, n), GUOTU_ERR_DATA);
    assert_non_null(strstr(guotu_context_last_error(ctx), "feature 9 of layer 'parcels'"));
    free(wkb);
    guotu_tally_destroy(ctx, t); /* the empty zone code failed the tally: a new one */
    t = new_tally(ctx, GUOTU_INVALID_REPAIR, NULL, GUOTU_AREA_PLANAR);
    assert_int_equal(guotu_tally_prepare_by_code(ctx, t), GUOTU_OK);
    for (size_t i = 0; i < 4; i++) {
        unsigned char *wkb = wkt_to_wkb(box_wkt(w, sizeof w, parcels[i].x0, 0, parcels[i].x1, 1000), &n);
        assert_int_equal(guotu_tally_add_landuse_in_zone(ctx, t, parcels[i].zone, parcels[i].code, "1203",
                                                         parcels[i].share, (int64_t)i, wkb, n),
                         GUOTU_OK);
        free(wkb);
    }
    assert_int_equal(guotu_tally_finish(ctx, t), GUOTU_OK);
    assert_int_equal(guotu_tally_result_count(t), 4);
    assert_close(result_ha(ctx, t, "130101100", "0103"), 10.0, 1e-9);
    assert_close(result_ha(ctx, t, "130101100", "1203"), 1.0, 1e-9);
    assert_close(result_ha(ctx, t, "130101100", "0301"), 20.0, 1e-9);
    assert_close(result_ha(ctx, t, "130101101", "0103"), 5.0, 1e-9);
    guotu_tally_stats st;
    assert_int_equal(guotu_tally_get_stats(ctx, t, &st), GUOTU_OK);
    assert_int_equal(st.zones, 2);
    assert_close(st.tallied_area_ha, 36.0, 1e-9);
    guotu_tally_destroy(ctx, t);
    /* no mask, no zone polygons */
    t = new_tally(ctx, GUOTU_INVALID_REPAIR, NULL, GUOTU_AREA_PLANAR);
    assert_int_equal(add_zone_wkt(ctx, t, "A", 1, box_wkt(w, sizeof w, 0, 0, 10, 10)), GUOTU_OK);
    assert_int_equal(guotu_tally_prepare_by_code(ctx, t), GUOTU_ERR_STATE);
    guotu_tally_destroy(ctx, t);
    guotu_context_destroy(ctx);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_hand_computed_areas),
        cmocka_unit_test(test_mask_excludes_area),
        cmocka_unit_test(test_ellipsoidal_matches_pyproj),
        cmocka_unit_test(test_invalid_fail_names_layer_and_feature),
        cmocka_unit_test(test_bad_input_is_reported),
        cmocka_unit_test(test_utf8_codes_kept),
        cmocka_unit_test(test_deduction_splits_the_area),
        cmocka_unit_test(test_tally_by_zone_code),
        cmocka_unit_test(test_large_zones_border_parcels),
        cmocka_unit_test(test_prepare_like_shares_prepared_zones),
        cmocka_unit_test(test_area_beyond_the_earth_refused),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
