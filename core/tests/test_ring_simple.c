/* test_ring_simple.c — the quick validity answer (ring_simple.c) against GEOS's own check:
 * whatever it calls valid GEOS calls valid, over hand-made invalid shapes and thousands of
 * random rings of both kinds; and typical parcels (simple rings of many vertices, straight
 * runs of collinear points, repeated points) are answered without GEOS. Also the vertex
 * cache's keys. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "ring_simple.h"
#include "test_support.h"
#include "vertex_cache.h"

typedef struct fixture {
    guotu_context *ctx;
    gt_ring scratch;
} fixture;

static int setup(void **state) {
    fixture *f = calloc(1, sizeof *f);
    f->ctx = guotu_context_create();
    *state = f;
    return 0;
}

static int teardown(void **state) {
    fixture *f = *state;
    gt_ring_free(&f->scratch);
    guotu_context_destroy(f->ctx);
    free(f);
    return 0;
}

static GEOSGeometry *from_wkt(fixture *f, const char *wkt) {
    GEOSWKTReader *r = GEOSWKTReader_create_r(f->ctx->geos);
    GEOSGeometry *g = GEOSWKTReader_read_r(f->ctx->geos, r, wkt);
    GEOSWKTReader_destroy_r(f->ctx->geos, r);
    assert_non_null(g);
    return g;
}

/* The quick answer for a WKT polygon (GEOS's check must agree when it says valid). */
static int surely_valid(fixture *f, const char *wkt) {
    GEOSGeometry *g = from_wkt(f, wkt);
    int quick = gt_polygon_surely_valid(f->ctx, g, &f->scratch);
    if (quick && GEOSisValid_r(f->ctx->geos, g) != 1) fail_msg("called valid but GEOS says not: %s", wkt);
    GEOSGeom_destroy_r(f->ctx->geos, g);
    return quick;
}

static void test_hand_made_shapes(void **state) {
    fixture *f = *state;
    /* valid, answered here */
    assert_true(surely_valid(f, "POLYGON((0 0,10 0,10 10,0 10,0 0))"));
    assert_true(surely_valid(f, "POLYGON((0 0,0 10,10 10,10 0,0 0))"));        /* clockwise */
    assert_true(surely_valid(f, "POLYGON((0 0,5 0,10 0,10 10,0 10,0 0))"));    /* straight run */
    assert_true(surely_valid(f, "POLYGON((0 0,10 0,10 0,10 10,0 10,0 0))"));   /* repeated point */
    assert_true(surely_valid(f, "POLYGON((0 0,10 0,5 1,10 10,0 10,0 0))"));    /* not convex */
    assert_true(surely_valid(f, "MULTIPOLYGON(((0 0,10 0,10 10,0 10,0 0)))")); /* one part */
    assert_true(surely_valid(f, "POLYGON((0 0,3 0,0 4,0 0))"));                /* triangle */
    /* invalid: never called valid (GEOS decides and says invalid) */
    assert_false(surely_valid(f, "POLYGON((0 0,10 10,10 0,0 10,0 0))"));             /* bow tie */
    assert_false(surely_valid(f, "POLYGON((0 0,10 0,10 10,5 0,0 10,0 0))"));         /* vertex on an edge */
    assert_false(surely_valid(f, "POLYGON((0 0,10 0,10 10,20 10,10 10,0 10,0 0))")); /* spike */
    assert_false(surely_valid(f, "POLYGON((0 0,10 0,10 5,10 2,10 10,0 10,0 0))"));   /* edge doubling back */
    assert_false(surely_valid(f, "POLYGON((0 0,10 0,10 10,5 5,10 10,0 10,0 0))"));   /* ring touching itself */
    assert_false(surely_valid(f, "POLYGON((0 0,10 0,20 0,0 0))"));                   /* no area */
    /* holes and several parts go to GEOS even when valid */
    assert_false(surely_valid(f, "POLYGON((0 0,10 0,10 10,0 10,0 0),(2 2,2 4,4 4,4 2,2 2))"));
    assert_false(surely_valid(f, "MULTIPOLYGON(((0 0,1 0,1 1,0 1,0 0)),((5 5,6 5,6 6,5 6,5 5)))"));
}

/* A small linear congruential generator (rand_r is POSIX, not C11): 31 random bits. */
static unsigned lcg(unsigned *state) {
    *state = *state * 1103515245u + 12345u;
    return (*state >> 1) & 0x7fffffffu;
}

/* A random ring of n vertices around (cx, cy): star-shaped (a valid, wiggly parcel) or with
 * its vertices in random order (nearly always self-crossing). Coordinates with Gauss-Krüger
 * false eastings, as delivered data has them. */
static void random_ring(char *wkt, size_t size, unsigned *seed, size_t n, int star) {
    double cx = 39500000.0 + lcg(seed) % 1000, cy = 4400000.0 + lcg(seed) % 1000;
    double angles[400];
    for (size_t i = 0; i < n; i++)
        angles[i] = star ? 2 * 3.141592653589793 * ((double)i + 0.8 * lcg(seed) / 2147483647.0) / (double)n
                         : 2 * 3.141592653589793 * lcg(seed) / 2147483647.0;
    size_t len = (size_t)snprintf(wkt, size, "POLYGON((");
    double x0 = 0, y0 = 0;
    for (size_t i = 0; i < n; i++) {
        double r = 50 + 100.0 * lcg(seed) / 2147483647.0;
        double x = round((cx + r * cos(angles[i])) * 1000) / 1000, y = round((cy + r * sin(angles[i])) * 1000) / 1000;
        if (!i) x0 = x, y0 = y;
        len += (size_t)snprintf(wkt + len, size - len, "%.3f %.3f,", x, y);
    }
    snprintf(wkt + len, size - len, "%.3f %.3f))", x0, y0);
}

static void test_random_rings_agree_with_geos(void **state) {
    fixture *f = *state;
    unsigned seed = 7;
    static char wkt[400 * 48];
    size_t stars = 0, stars_answered = 0, shuffled = 0, shuffled_invalid = 0;
    for (int k = 0; k < 3000; k++) {
        size_t n = 3 + (size_t)(lcg(&seed) % 200);
        int star = k % 2;
        random_ring(wkt, sizeof wkt, &seed, n, star);
        GEOSGeometry *g = from_wkt(f, wkt);
        int geos = GEOSisValid_r(f->ctx->geos, g), quick = gt_polygon_surely_valid(f->ctx, g, &f->scratch);
        if (quick && geos != 1) fail_msg("called valid but GEOS says not: %s", wkt);
        if (star) {
            stars++;
            stars_answered += (size_t)quick;
        } else {
            shuffled++;
            shuffled_invalid += (size_t)(geos == 0);
        }
        GEOSGeom_destroy_r(f->ctx->geos, g);
    }
    /* every star-shaped ring is simple and answered without GEOS; the shuffled ones test the
     * other side (most cross themselves) */
    assert_int_equal(stars_answered, stars);
    assert_true(shuffled_invalid > shuffled / 2);
}

static void test_vertex_cache_keys(void **state) {
    (void)state;
    gt_vertex_cache c = {0};
    assert_int_equal(gt_vertex_cache_init(&c, 4), 0);
    gt_vertex_entry *s = gt_vertex_cache_slot(&c, 1.5, 2.5);
    assert_false(gt_vertex_cache_holds(s, 1.5, 2.5)); /* empty at first, also for (0, 0) */
    assert_false(gt_vertex_cache_holds(gt_vertex_cache_slot(&c, 0.0, 0.0), 0.0, 0.0));
    gt_vertex_cache_keep(s, 1.5, 2.5, 120.0, 30.0, 0.5);
    assert_true(gt_vertex_cache_holds(s, 1.5, 2.5));
    assert_false(gt_vertex_cache_holds(s, 1.5, 2.5000000000000004)); /* exact keys only */
    gt_vertex_entry *z = gt_vertex_cache_slot(&c, 0.0, 0.0);
    gt_vertex_cache_keep(z, 0.0, 0.0, 1, 2, 3);
    assert_false(gt_vertex_cache_holds(z, -0.0, 0.0)); /* -0.0 is another key */
    /* 16 slots and 1,000 vertices: every one found right after it is kept, none confused */
    for (int i = 0; i < 1000; i++) {
        double x = 39500000.0 + i * 0.25, y = 4400000.0 - i;
        gt_vertex_entry *slot = gt_vertex_cache_slot(&c, x, y);
        if (gt_vertex_cache_holds(slot, x, y)) fail_msg("vertex %d found before it was kept", i);
        gt_vertex_cache_keep(slot, x, y, x / 1e6, y / 1e6, i);
        assert_true(gt_vertex_cache_holds(gt_vertex_cache_slot(&c, x, y), x, y));
        assert_true(gt_vertex_cache_slot(&c, x, y)->psi == i);
    }
    gt_vertex_cache_free(&c);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_hand_made_shapes, setup, teardown),
        cmocka_unit_test_setup_teardown(test_random_rings_agree_with_geos, setup, teardown),
        cmocka_unit_test(test_vertex_cache_keys),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
