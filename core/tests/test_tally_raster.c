/* test_tally_raster.c — raster tally on a 10 x 10 grid of 10 m cells worked out by hand.
 *
 * Grid: x from 0 to 100, y from 100 down to 0 (north-up). Columns 0-4 hold class 1,
 * columns 5-9 class 2; cell (row 0, col 0) is nodata (255). Each cell is 100 m².
 * Zones: A = [0,57]x[0,100], B = [57,100]x[0,100] — the boundary cuts column 5 at 0.7.
 *   exact:  A/1 = 49 cells = 0.49 ha; A/2 = 10 x 0.7 cells = 0.07 ha; B/2 = 10 x 4.3 = 0.43 ha
 *   centre: column 5's centre (x = 55) is in A: A/2 = 0.10 ha, B/2 = 0.40 ha
 */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "guotu/guotu.h"
#include "test_support.h"

static int32_t values[100];

static void fill_values(void) {
    for (int r = 0; r < 10; r++)
        for (int c = 0; c < 10; c++)
            values[r * 10 + c] = c < 5 ? 1 : 2;
    values[0] = 255;
}

static guotu_raster_grid grid(double x0, double y0, double cell) {
    guotu_raster_grid g = {{x0, cell, 0, y0, 0, -cell}, 10, 10, 1, 255};
    return g;
}

static guotu_tally *prepared(guotu_context *ctx, guotu_raster_mode mode, const char *mask_wkt, const char *crs,
                             guotu_area_method method, double x0, double y0, double scale) {
    guotu_tally_options o;
    guotu_tally_options_init(&o);
    o.area_method = method;
    o.crs = crs;
    o.raster_mode = mode;
    guotu_tally *t = NULL;
    assert_int_equal(guotu_tally_create(ctx, &o, &t), GUOTU_OK);
    char w[256];
    assert_int_equal(add_zone_wkt(ctx, t, "A", 1, box_wkt(w, sizeof w, x0, y0, x0 + 57 * scale, y0 + 100 * scale)),
                     GUOTU_OK);
    assert_int_equal(
        add_zone_wkt(ctx, t, "B", 2, box_wkt(w, sizeof w, x0 + 57 * scale, y0, x0 + 100 * scale, y0 + 100 * scale)),
        GUOTU_OK);
    if (mask_wkt) assert_int_equal(add_mask_wkt(ctx, t, 1, mask_wkt), GUOTU_OK);
    assert_int_equal(guotu_tally_prepare(ctx, t), GUOTU_OK);
    return t;
}

static void test_exact_one_block(void **state) {
    (void)state;
    fill_values();
    guotu_context *ctx = guotu_context_create();
    guotu_tally *t = prepared(ctx, GUOTU_RASTER_EXACT, NULL, NULL, GUOTU_AREA_PLANAR, 0, 0, 1);
    guotu_raster_grid g = grid(0, 100, 10);
    assert_int_equal(guotu_tally_set_raster(ctx, t, &g), GUOTU_OK);
    assert_int_equal(guotu_tally_add_raster_block(ctx, t, 0, 0, 10, 10, values, 10), GUOTU_OK);
    assert_int_equal(guotu_tally_finish(ctx, t), GUOTU_OK);
    assert_int_equal(guotu_tally_result_count(t), 3);
    assert_close(result_ha(ctx, t, "A", "1"), 0.49, 1e-7);
    assert_close(result_ha(ctx, t, "A", "2"), 0.07, 1e-7);
    assert_close(result_ha(ctx, t, "B", "2"), 0.43, 1e-7);
    guotu_tally_stats st;
    guotu_tally_get_stats(ctx, t, &st);
    assert_int_equal(st.raster_cells, 100);
    assert_int_equal(st.nodata_cells, 1);
    assert_close(st.landuse_area_ha, 0.99, 1e-9);
    assert_close(st.tallied_area_ha, 0.99, 1e-7);
    guotu_tally_destroy(ctx, t);
    guotu_context_destroy(ctx);
}

static void test_blocks_give_the_same_result(void **state) {
    (void)state;
    fill_values();
    guotu_context *ctx = guotu_context_create();
    guotu_tally *t = prepared(ctx, GUOTU_RASTER_EXACT, NULL, NULL, GUOTU_AREA_PLANAR, 0, 0, 1);
    guotu_raster_grid g = grid(0, 100, 10);
    assert_int_equal(guotu_tally_set_raster(ctx, t, &g), GUOTU_OK);
    /* Four 5 x 5 blocks taken out of the same array with a stride of 10. */
    for (int br = 0; br < 10; br += 5)
        for (int bc = 0; bc < 10; bc += 5)
            assert_int_equal(guotu_tally_add_raster_block(ctx, t, br, bc, 5, 5, values + br * 10 + bc, 10), GUOTU_OK);
    assert_int_equal(guotu_tally_finish(ctx, t), GUOTU_OK);
    assert_close(result_ha(ctx, t, "A", "1"), 0.49, 1e-7);
    assert_close(result_ha(ctx, t, "A", "2"), 0.07, 1e-7);
    assert_close(result_ha(ctx, t, "B", "2"), 0.43, 1e-7);
    guotu_tally_destroy(ctx, t);
    guotu_context_destroy(ctx);
}

/* Two tallies (as two threads would run them) each take half the blocks; merged, they
 * equal one tally over all blocks. */
static void test_split_and_merge(void **state) {
    (void)state;
    fill_values();
    guotu_context *a = guotu_context_create(), *b = guotu_context_create();
    guotu_tally *ta = prepared(a, GUOTU_RASTER_EXACT, NULL, NULL, GUOTU_AREA_PLANAR, 0, 0, 1);
    guotu_tally *tb = prepared(b, GUOTU_RASTER_EXACT, NULL, NULL, GUOTU_AREA_PLANAR, 0, 0, 1);
    guotu_raster_grid g = grid(0, 100, 10);
    assert_int_equal(guotu_tally_set_raster(a, ta, &g), GUOTU_OK);
    assert_int_equal(guotu_tally_set_raster(b, tb, &g), GUOTU_OK);
    assert_int_equal(guotu_tally_add_raster_block(a, ta, 0, 0, 5, 10, values, 10), GUOTU_OK);
    assert_int_equal(guotu_tally_add_raster_block(b, tb, 5, 0, 5, 10, values + 50, 10), GUOTU_OK);
    assert_int_equal(guotu_tally_merge(a, ta, tb), GUOTU_OK);
    assert_int_equal(guotu_tally_finish(a, ta), GUOTU_OK);
    assert_close(result_ha(a, ta, "A", "1"), 0.49, 1e-7);
    assert_close(result_ha(a, ta, "A", "2"), 0.07, 1e-7);
    assert_close(result_ha(a, ta, "B", "2"), 0.43, 1e-7);
    guotu_tally_stats st;
    guotu_tally_get_stats(a, ta, &st);
    assert_int_equal(st.raster_cells, 100);
    assert_int_equal(st.nodata_cells, 1);
    /* Different zones cannot merge; a finished tally cannot take more. */
    guotu_tally *tc = NULL;
    guotu_tally_options o;
    guotu_tally_options_init(&o);
    o.area_method = GUOTU_AREA_PLANAR;
    assert_int_equal(guotu_tally_create(b, &o, &tc), GUOTU_OK);
    char w[256];
    assert_int_equal(add_zone_wkt(b, tc, "X", 1, box_wkt(w, sizeof w, 0, 0, 1, 1)), GUOTU_OK);
    assert_int_equal(guotu_tally_prepare(b, tc), GUOTU_OK);
    assert_int_equal(guotu_tally_merge(a, ta, tc), GUOTU_ERR_STATE);
    guotu_tally_destroy(a, ta);
    ta = prepared(a, GUOTU_RASTER_EXACT, NULL, NULL, GUOTU_AREA_PLANAR, 0, 0, 1);
    assert_int_equal(guotu_tally_merge(a, ta, tc), GUOTU_ERR_ARGUMENT);
    assert_non_null(strstr(guotu_context_last_error(a), "zones"));
    guotu_tally_destroy(b, tc);
    guotu_tally_destroy(a, ta);
    guotu_tally_destroy(b, tb);
    guotu_context_destroy(a);
    guotu_context_destroy(b);
}

static void test_centre_mode(void **state) {
    (void)state;
    fill_values();
    guotu_context *ctx = guotu_context_create();
    guotu_tally *t = prepared(ctx, GUOTU_RASTER_CENTRE, NULL, NULL, GUOTU_AREA_PLANAR, 0, 0, 1);
    guotu_raster_grid g = grid(0, 100, 10);
    assert_int_equal(guotu_tally_set_raster(ctx, t, &g), GUOTU_OK);
    assert_int_equal(guotu_tally_add_raster_block(ctx, t, 0, 0, 10, 10, values, 10), GUOTU_OK);
    assert_int_equal(guotu_tally_finish(ctx, t), GUOTU_OK);
    assert_close(result_ha(ctx, t, "A", "1"), 0.49, 1e-9);
    assert_close(result_ha(ctx, t, "A", "2"), 0.10, 1e-9);
    assert_close(result_ha(ctx, t, "B", "2"), 0.40, 1e-9);
    guotu_tally_destroy(ctx, t);
    guotu_context_destroy(ctx);
}

static void test_mask_on_raster(void **state) {
    (void)state;
    fill_values();
    guotu_context *ctx = guotu_context_create();
    char w[256];
    /* The mask takes the top half (rows 0-4), including the nodata cell. */
    guotu_tally *t =
        prepared(ctx, GUOTU_RASTER_EXACT, box_wkt(w, sizeof w, -10, 50, 110, 110), NULL, GUOTU_AREA_PLANAR, 0, 0, 1);
    guotu_raster_grid g = grid(0, 100, 10);
    assert_int_equal(guotu_tally_set_raster(ctx, t, &g), GUOTU_OK);
    assert_int_equal(guotu_tally_add_raster_block(ctx, t, 0, 0, 10, 10, values, 10), GUOTU_OK);
    assert_int_equal(guotu_tally_finish(ctx, t), GUOTU_OK);
    assert_close(result_ha(ctx, t, "A", "1"), 0.25, 1e-7);
    assert_close(result_ha(ctx, t, "A", "2"), 0.035, 1e-7);
    assert_close(result_ha(ctx, t, "B", "2"), 0.215, 1e-7);
    guotu_tally_destroy(ctx, t);
    guotu_context_destroy(ctx);
}

/* The same fixture in CGCS2000 / GK zone 39, 100 km east of the meridian, and the same
 * classes as polygons: exact raster and vector tallies agree. */
static void test_raster_agrees_with_vector_ellipsoidal(void **state) {
    (void)state;
    fill_values();
    values[0] = 1;                                   /* no nodata here: the polygons cover every cell */
    const double x0 = 39600000, y0 = 4400000, s = 3; /* 30 m cells */
    guotu_context *ctx = guotu_context_create();
    guotu_tally *r = prepared(ctx, GUOTU_RASTER_EXACT, NULL, "EPSG:4527", GUOTU_AREA_ELLIPSOIDAL, x0, y0, s);
    guotu_raster_grid g = grid(x0, y0 + 300, 30);
    assert_int_equal(guotu_tally_set_raster(ctx, r, &g), GUOTU_OK);
    assert_int_equal(guotu_tally_add_raster_block(ctx, r, 0, 0, 10, 10, values, 10), GUOTU_OK);
    assert_int_equal(guotu_tally_finish(ctx, r), GUOTU_OK);

    guotu_tally *v = prepared(ctx, GUOTU_RASTER_EXACT, NULL, "EPSG:4527", GUOTU_AREA_ELLIPSOIDAL, x0, y0, s);
    char w[256];
    assert_int_equal(add_landuse_wkt(ctx, v, "1", 1, box_wkt(w, sizeof w, x0, y0, x0 + 150, y0 + 300)), GUOTU_OK);
    assert_int_equal(add_landuse_wkt(ctx, v, "2", 2, box_wkt(w, sizeof w, x0 + 150, y0, x0 + 300, y0 + 300)), GUOTU_OK);
    assert_int_equal(guotu_tally_finish(ctx, v), GUOTU_OK);
    const char *pairs[][2] = {{"A", "1"}, {"A", "2"}, {"B", "2"}};
    for (int i = 0; i < 3; i++) {
        double want = result_ha(ctx, v, pairs[i][0], pairs[i][1]);
        double got = result_ha(ctx, r, pairs[i][0], pairs[i][1]);
        assert_true(want > 0);
        if (fabs(got - want) > 1e-7 * want)
            fail_msg("%s/%s raster %.10f vector %.10f", pairs[i][0], pairs[i][1], got, want);
    }
    guotu_tally_destroy(ctx, r);
    guotu_tally_destroy(ctx, v);
    guotu_context_destroy(ctx);
}

static void test_bad_grids_and_blocks(void **state) {
    (void)state;
    fill_values();
    guotu_context *ctx = guotu_context_create();
    guotu_tally *t = prepared(ctx, GUOTU_RASTER_EXACT, NULL, NULL, GUOTU_AREA_PLANAR, 0, 0, 1);
    guotu_raster_grid rotated = {{0, 10, 0.5, 100, 0, -10}, 10, 10, 0, 0};
    assert_int_equal(guotu_tally_set_raster(ctx, t, &rotated), GUOTU_ERR_ARGUMENT);
    assert_non_null(strstr(guotu_context_last_error(ctx), "rotated"));
    guotu_tally_destroy(ctx, t);

    t = prepared(ctx, GUOTU_RASTER_EXACT, NULL, NULL, GUOTU_AREA_PLANAR, 0, 0, 1);
    guotu_raster_grid g = grid(0, 100, 10);
    assert_int_equal(guotu_tally_add_raster_block(ctx, t, 0, 0, 10, 10, values, 10), GUOTU_ERR_STATE);
    assert_int_equal(guotu_tally_set_raster(ctx, t, &g), GUOTU_OK);
    assert_int_equal(guotu_tally_add_raster_block(ctx, t, 5, 5, 10, 10, values, 10), GUOTU_ERR_ARGUMENT);
    assert_non_null(strstr(guotu_context_last_error(ctx), "outside"));
    guotu_tally_destroy(ctx, t);
    guotu_context_destroy(ctx);
}

static void test_far_away_and_non_finite_zones(void **state) {
    (void)state;
    fill_values();
    guotu_context *ctx = guotu_context_create();
    guotu_tally_options o;
    guotu_tally_options_init(&o);
    o.area_method = GUOTU_AREA_PLANAR;
    guotu_tally *t = NULL;
    assert_int_equal(guotu_tally_create(ctx, &o, &t), GUOTU_OK);
    char w[1024]; /* 1e20 printed with six decimals is long */
    /* Beyond any position on the Earth (a damaged file, wrong units): refused, naming it. */
    assert_int_equal(add_zone_wkt(ctx, t, "beyond", 9, box_wkt(w, sizeof w, 1e20, -1e20, 2e20, -5e19)),
                     GUOTU_ERR_GEOMETRY);
    assert_non_null(strstr(guotu_context_last_error(ctx), "beyond any position on the Earth"));
    guotu_tally_destroy(ctx, t);
    assert_int_equal(guotu_tally_create(ctx, &o, &t), GUOTU_OK);
    /* Zones in the wrong CRS can sit 1e9 m away: no overflow, just nothing covered. */
    assert_int_equal(add_zone_wkt(ctx, t, "far", 1, box_wkt(w, sizeof w, 1e9, -1e9, 2e9, -5e8)), GUOTU_OK);
    assert_int_equal(add_zone_wkt(ctx, t, "A", 2, box_wkt(w, sizeof w, 0, 0, 100, 100)), GUOTU_OK);
    /* WKB by hand: WKT readers refuse NaN, but files can hold it. */
    unsigned char wkb[1 + 4 + 4 + 4 + 4 * 16];
    size_t n = 0;
    wkb[n++] = 1;                         /* little endian */
    const uint32_t header[3] = {3, 1, 4}; /* polygon, one ring, four points */
    for (int i = 0; i < 3; i++, n += 4)
        memcpy(wkb + n, &header[i], 4);
    const double xy[8] = {0, 0, 1, 0, 1, NAN, 0, 0};
    memcpy(wkb + n, xy, sizeof xy);
    n += sizeof xy;
    assert_int_equal(guotu_tally_add_zone(ctx, t, "nan", 3, wkb, n), GUOTU_ERR_GEOMETRY);
    assert_non_null(strstr(guotu_context_last_error(ctx), "not finite"));
    guotu_tally_destroy(ctx, t);
    assert_int_equal(guotu_tally_create(ctx, &o, &t), GUOTU_OK);
    assert_int_equal(add_zone_wkt(ctx, t, "far", 1, box_wkt(w, sizeof w, 1e9, -1e9, 2e9, -5e8)), GUOTU_OK);
    assert_int_equal(add_zone_wkt(ctx, t, "A", 2, box_wkt(w, sizeof w, 0, 0, 100, 100)), GUOTU_OK);
    assert_int_equal(guotu_tally_prepare(ctx, t), GUOTU_OK);
    guotu_raster_grid g = grid(0, 100, 10);
    assert_int_equal(guotu_tally_set_raster(ctx, t, &g), GUOTU_OK);
    assert_int_equal(guotu_tally_add_raster_block(ctx, t, 0, 0, 10, 10, values, 10), GUOTU_OK);
    assert_int_equal(guotu_tally_finish(ctx, t), GUOTU_OK);
    assert_close(result_ha(ctx, t, "A", "1"), 0.49, 1e-7);
    assert_close(result_ha(ctx, t, "far", "1"), 0, 0);
    guotu_tally_destroy(ctx, t);
    guotu_context_destroy(ctx);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_exact_one_block),      cmocka_unit_test(test_blocks_give_the_same_result),
        cmocka_unit_test(test_split_and_merge),      cmocka_unit_test(test_centre_mode),
        cmocka_unit_test(test_mask_on_raster),       cmocka_unit_test(test_raster_agrees_with_vector_ellipsoidal),
        cmocka_unit_test(test_bad_grids_and_blocks), cmocka_unit_test(test_far_away_and_non_finite_zones),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
