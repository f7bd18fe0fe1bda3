/* test_coverage.c — exact cell coverage against GEOS overlay, centre mode against
 * point-in-polygon, and lattice cell areas against per-cell exact areas. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "area.h"
#include "cell_area.h"
#include "coverage.h"
#include "test_support.h"

#ifndef M_PI
#define M_PI 3.14159265358979323846
#endif

static GEOSGeometry *read_wkt(guotu_context *ctx, const char *wkt) {
    GEOSWKTReader *r = GEOSWKTReader_create_r(ctx->geos);
    GEOSGeometry *g = GEOSWKTReader_read_r(ctx->geos, r, wkt);
    GEOSWKTReader_destroy_r(ctx->geos, r);
    assert_non_null(g);
    return g;
}

static double overlay_fraction(guotu_context *ctx, const GEOSGeometry *poly, const gt_grid *g, int64_t row,
                               int64_t col) {
    double x0 = g->x0 + (double)col * g->dx, y0 = g->y0 + (double)row * g->dy;
    GEOSGeometry *cell = GEOSGeom_createRectangle_r(ctx->geos, fmin(x0, x0 + g->dx), fmin(y0, y0 + g->dy),
                                                    fmax(x0, x0 + g->dx), fmax(y0, y0 + g->dy));
    GEOSGeometry *part = GEOSIntersection_r(ctx->geos, cell, poly);
    double a = 0;
    GEOSArea_r(ctx->geos, part, &a);
    GEOSGeom_destroy_r(ctx->geos, part);
    GEOSGeom_destroy_r(ctx->geos, cell);
    return a / fabs(g->dx * g->dy);
}

/* Checks every cell of a window against GEOS, returns the number of partial cells seen. */
static int check_exact(const char *wkt, const gt_grid *g, int64_t row0, int64_t col0, int64_t nr, int64_t nc) {
    guotu_context *ctx = guotu_context_create();
    GEOSGeometry *poly = read_wkt(ctx, wkt);
    double *scratch = malloc((size_t)(nr * (nc + 1)) * sizeof *scratch);
    float *cover = malloc((size_t)(nr * nc) * sizeof *cover);
    assert_int_equal(gt_coverage(ctx, poly, g, GT_COVERAGE_EXACT, row0, col0, nr, nc, scratch, cover), GUOTU_OK);
    int partial = 0;
    for (int64_t r = 0; r < nr; r++)
        for (int64_t c = 0; c < nc; c++) {
            double want = overlay_fraction(ctx, poly, g, row0 + r, col0 + c);
            double got = cover[r * nc + c];
            if (fabs(got - want) > 2e-6)
                fail_msg("%s: cell (%lld, %lld) covered %.7f, GEOS says %.7f", wkt, (long long)(row0 + r),
                         (long long)(col0 + c), got, want);
            partial += want > 1e-6 && want < 1 - 1e-6;
        }
    free(scratch);
    free(cover);
    GEOSGeom_destroy_r(ctx->geos, poly);
    guotu_context_destroy(ctx);
    return partial;
}

static const gt_grid north_up = {1000, 10, 2000, -10, 40, 30};
static const gt_grid south_up = {1000, 10, 1700, 10, 40, 30};

static const char *shapes[] = {
    "POLYGON((1013 1987,1187 1902,1061 1781,1013 1987))",
    "POLYGON((1005 1995,1295 1995,1295 1745,1005 1745,1005 1995),(1101 1901,1101 1801,1203 1801,1101 1901))",
    "MULTIPOLYGON(((1003 1777,1044 1777,1044 1703,1003 1777)),((1333 1999,1399 1911,1302 1932,1333 1999)))",
    "POLYGON((900 2100,1500 2100,1500 1500,900 1500,900 2100))",          /* covers everything */
    "POLYGON((950 1950.5,1450 1962,1420 1890.3,970 1850,950 1950.5))",    /* leaves the window left and right */
    "POLYGON((1013 1987,1061 1781,1187 1902,1013 1987))",                 /* clockwise twin of the first */
    "POLYGON((1101.2 1801.3,1104.7 1801.3,1104.7 1804.1,1101.2 1801.3))", /* inside one cell */
    "POLYGON((1010 1990,1050 1990,1050 1950,1010 1950,1010 1990))",       /* on cell lines exactly */
};

static void test_exact_matches_overlay(void **state) {
    (void)state;
    int partial = 0;
    for (size_t i = 0; i < sizeof shapes / sizeof shapes[0]; i++) {
        partial += check_exact(shapes[i], &north_up, 0, 0, 30, 40);
        partial += check_exact(shapes[i], &north_up, 7, 5, 11, 13); /* a window inside the grid */
    }
    assert_true(partial > 100); /* the fixtures do exercise cut cells */
}

static void test_exact_on_south_up_grid(void **state) {
    (void)state;
    const char *shape = "POLYGON((1013 1713,1187 1798,1061 1919,1013 1713))";
    assert_true(check_exact(shape, &south_up, 0, 0, 30, 40) > 10);
}

static void test_exact_on_many_vertex_polygon(void **state) {
    (void)state;
    /* A deterministic star with 300 vertices, some edges nearly horizontal or vertical. */
    char wkt[20000] = "POLYGON((";
    unsigned int seed = 12345;
    double first_x = 0, first_y = 0;
    for (int i = 0; i < 300; i++) {
        seed = seed * 1103515245u + 12345u;
        double radius = 60 + (double)(seed >> 16 & 0x7fff) / 32767.0 * 80;
        double angle = 2 * M_PI * i / 300;
        double x = 1200 + radius * cos(angle), y = 1850 + radius * sin(angle);
        if (i == 0) first_x = x, first_y = y;
        size_t used = strlen(wkt);
        snprintf(wkt + used, sizeof wkt - used, "%s%.4f %.4f", i ? "," : "", x, y);
    }
    size_t used = strlen(wkt);
    snprintf(wkt + used, sizeof wkt - used, ",%.4f %.4f))", first_x, first_y);
    assert_true(check_exact(wkt, &north_up, 0, 0, 30, 40) > 50);
}

static void test_centre_matches_point_in_polygon(void **state) {
    (void)state;
    guotu_context *ctx = guotu_context_create();
    const char *wkt = "POLYGON((1003.3 1996.1,1391.7 1911.9,1250.2 1702.2,1099.9 1811.1,1003.3 1996.1),"
                      "(1200.1 1850.7,1260.3 1850.7,1230.2 1800.9,1200.1 1850.7))";
    GEOSGeometry *poly = read_wkt(ctx, wkt);
    const GEOSPreparedGeometry *prep = GEOSPrepare_r(ctx->geos, poly);
    int64_t nr = 30, nc = 40;
    double *scratch = malloc((size_t)(nr * (nc + 1)) * sizeof *scratch);
    float *cover = malloc((size_t)(nr * nc) * sizeof *cover);
    assert_int_equal(gt_coverage(ctx, poly, &north_up, GT_COVERAGE_CENTRE, 0, 0, nr, nc, scratch, cover), GUOTU_OK);
    int inside = 0;
    for (int64_t r = 0; r < nr; r++)
        for (int64_t c = 0; c < nc; c++) {
            GEOSGeometry *pt = GEOSGeom_createPointFromXY_r(ctx->geos, 1000 + 10 * (c + 0.5), 2000 - 10 * (r + 0.5));
            int want = GEOSPreparedContains_r(ctx->geos, prep, pt) == 1;
            GEOSGeom_destroy_r(ctx->geos, pt);
            assert_int_equal((int)cover[r * nc + c], want);
            inside += want;
        }
    assert_true(inside > 100);
    free(scratch);
    free(cover);
    GEOSPreparedGeom_destroy_r(ctx->geos, prep);
    GEOSGeom_destroy_r(ctx->geos, poly);
    guotu_context_destroy(ctx);
}

static void test_lattice_cell_area_matches_exact(void **state) {
    (void)state;
    guotu_context *ctx = guotu_context_create();
    guotu_area_calc *calc = NULL;
    assert_int_equal(guotu_area_calc_create(ctx, "EPSG:4527", GUOTU_AREA_ELLIPSOIDAL, &calc), GUOTU_OK);
    /* 600 km x 600 km of 30 m cells, 300 km either side of the central meridian. */
    gt_grid g = {39200000, 30, 4700000, -30, 20000, 20000};
    gt_cell_area ca;
    assert_int_equal(gt_cell_area_init(ctx, &ca, &g, calc), GUOTU_OK);
    double row[97];
    double worst = 0;
    for (int64_t r = 0; r < 20000; r += 1237) {
        int64_t c0 = (r * 7) % 19900;
        assert_int_equal(gt_cell_area_row(ctx, &ca, r, c0, 97, row), GUOTU_OK);
        for (int k = 0; k < 97; k += 5) {
            double exact = 0;
            assert_int_equal(gt_cell_area_exact(ctx, &ca, r, c0 + k, &exact), GUOTU_OK);
            double rel = fabs(row[k] - exact) / exact;
            if (rel > worst) worst = rel;
        }
    }
    assert_true(worst < 1e-8);
    /* The scale factor really varies over this grid: cells far from the meridian differ. */
    double near = 0, far = 0;
    gt_cell_area_exact(ctx, &ca, 10000, 10000, &near);
    gt_cell_area_exact(ctx, &ca, 10000, 0, &far);
    assert_true(fabs(near - far) / near > 1e-3);
    gt_cell_area_free(&ca);
    guotu_area_calc_destroy(ctx, calc);
    guotu_context_destroy(ctx);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_exact_matches_overlay),           cmocka_unit_test(test_exact_on_south_up_grid),
        cmocka_unit_test(test_exact_on_many_vertex_polygon),    cmocka_unit_test(test_centre_matches_point_in_polygon),
        cmocka_unit_test(test_lattice_cell_area_matches_exact),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
