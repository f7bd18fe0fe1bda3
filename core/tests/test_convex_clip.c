/* test_convex_clip.c — the two direct clips against GEOS's own overlay: the same piece,
 * for random convex polygons (convex_clip.c) and random non-convex ones (polygon_clip.c),
 * and for the degenerate cases (touching, nested, identical, collinear points, either
 * orientation), which the second must leave to GEOS. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "convex_clip.h"
#include "polygon_clip.h"
#include "test_support.h"

typedef struct fixture {
    guotu_context *ctx;
    gt_ring a, b, out, scratch;
    gt_clip_work work;
} fixture;

static int setup(void **state) {
    fixture *f = calloc(1, sizeof *f);
    f->ctx = guotu_context_create();
    *state = f;
    return 0;
}

static int teardown(void **state) {
    fixture *f = *state;
    gt_ring_free(&f->a);
    gt_ring_free(&f->b);
    gt_ring_free(&f->out);
    gt_ring_free(&f->scratch);
    gt_clip_work_free(&f->work);
    guotu_context_destroy(f->ctx);
    free(f);
    return 0;
}

/* 1 when g is read as a convex one-ring polygon. */
static int read_convex(fixture *f, const GEOSGeometry *g, gt_ring *ring) {
    int convex = 0;
    return gt_ring_read(f->ctx, g, ring, &convex) == 1 && convex;
}

static GEOSGeometry *from_wkt(fixture *f, const char *wkt) {
    GEOSWKTReader *r = GEOSWKTReader_create_r(f->ctx->geos);
    GEOSGeometry *g = GEOSWKTReader_read_r(f->ctx->geos, r, wkt);
    GEOSWKTReader_destroy_r(f->ctx->geos, r);
    assert_non_null(g);
    return g;
}

/* The piece a clip made (owned, destroyed here; NULL when it found nothing) against GEOS's
 * intersection `want`: valid, the same area to 1e-9 of `scale`, nothing apart. */
static void assert_same_as_geos(fixture *f, GEOSGeometry *piece, const GEOSGeometry *want, double scale) {
    GEOSContextHandle_t h = f->ctx->geos;
    double want_area = 0;
    GEOSArea_r(h, want, &want_area);
    if (!piece) {
        if (want_area > 1e-9 * scale) fail_msg("no piece, but GEOS finds %.9g", want_area);
        return;
    }
    assert_int_equal(GEOSisValid_r(h, piece), 1);
    double got_area = 0, apart = 0;
    GEOSArea_r(h, piece, &got_area);
    GEOSGeometry *diff = GEOSSymDifference_r(h, piece, want);
    GEOSArea_r(h, diff, &apart);
    if (fabs(got_area - want_area) > 1e-9 * scale || apart > 1e-9 * scale)
        fail_msg("piece %.9g m² vs GEOS %.9g m², apart %.3g m²", got_area, want_area, apart);
    GEOSGeom_destroy_r(h, diff);
    GEOSGeom_destroy_r(h, piece);
}

typedef int (*pair_check)(fixture *f, GEOSGeometry *ga, GEOSGeometry *gb);

static int check_wkt_with(fixture *f, pair_check check, const char *a, const char *b) {
    GEOSGeometry *ga = from_wkt(f, a), *gb = from_wkt(f, b);
    int r = check(f, ga, gb);
    GEOSGeom_destroy_r(f->ctx->geos, ga);
    GEOSGeom_destroy_r(f->ctx->geos, gb);
    return r;
}

/* Clips a by b both ways round and checks the piece against GEOSIntersection: same area
 * (to 1e-9 of the inputs) and nothing in one that is not in the other. Returns the clip's
 * result code. */
static int check_pair(fixture *f, GEOSGeometry *ga, GEOSGeometry *gb) {
    GEOSContextHandle_t h = f->ctx->geos;
    assert_int_equal(read_convex(f, ga, &f->a), 1);
    assert_int_equal(read_convex(f, gb, &f->b), 1);
    GEOSGeometry *want = GEOSIntersection_r(h, ga, gb);
    double area_a = 0;
    GEOSArea_r(h, ga, &area_a);
    int result = 0;
    for (int round = 0; round < 2; round++) {
        int got = round ? gt_ring_clip_convex(&f->b, &f->a, &f->out, &f->scratch)
                        : gt_ring_clip_convex(&f->a, &f->b, &f->out, &f->scratch);
        assert_true(got == 0 || got == 1);
        GEOSGeometry *piece = got ? gt_ring_polygon(f->ctx, &f->out, &f->scratch) : NULL;
        if (got) assert_non_null(piece);
        assert_same_as_geos(f, piece, want, area_a);
        result = got;
    }
    GEOSGeom_destroy_r(h, want);
    return result;
}

static int check_wkt(fixture *f, const char *a, const char *b) { return check_wkt_with(f, check_pair, a, b); }

static void test_cases(void **state) {
    fixture *f = *state;
    const char *square = "POLYGON((0 0,10 0,10 10,0 10,0 0))";
    /* overlapping corner, 25 m² */
    assert_int_equal(check_wkt(f, square, "POLYGON((5 5,15 5,15 15,5 15,5 5))"), 1);
    /* clockwise input, a point on an edge (collinear), Gauss-Krüger sized coordinates */
    assert_int_equal(check_wkt(f,
                               "POLYGON((39500000 4400000,39500000 4400600,39500600 4400600,39500600 4400300,"
                               "39500600 4400000,39500000 4400000))",
                               "POLYGON((39500300 4399800,39500900 4400100,39500500 4400900,39500300 4399800))"),
                     1);
    /* identical; nested; sharing an edge only (no area); touching at a corner; disjoint */
    assert_int_equal(check_wkt(f, square, square), 1);
    assert_int_equal(check_wkt(f, square, "POLYGON((2 2,4 2,3 5,2 2))"), 1);
    assert_int_equal(check_wkt(f, square, "POLYGON((10 0,20 0,20 10,10 10,10 0))"), 0);
    assert_int_equal(check_wkt(f, square, "POLYGON((10 10,20 10,20 20,10 10))"), 0);
    assert_int_equal(check_wkt(f, square, "POLYGON((30 30,40 30,40 40,30 30))"), 0);
    /* a vertex of one exactly on an edge of the other, and a shared diagonal */
    assert_int_equal(check_wkt(f, square, "POLYGON((5 10,8 14,2 14,5 10))"), 0);
    assert_int_equal(check_wkt(f, square, "POLYGON((0 0,10 10,0 10,0 0))"), 1);
}

static void test_not_convex_is_refused(void **state) {
    fixture *f = *state;
    const char *refused[] = {
        "POLYGON((0 0,10 0,10 10,5 4,0 10,0 0))",                /* a notch */
        "POLYGON((0 0,10 0,10 10,0 10,0 0),(2 2,3 2,3 3,2 2))",  /* a hole */
        "MULTIPOLYGON(((0 0,1 0,1 1,0 0)),((5 5,6 5,6 6,5 5)))", /* two parts */
        "LINESTRING(0 0,1 1)",                                   /* not a polygon */
        "POLYGON EMPTY",
    };
    for (size_t i = 0; i < sizeof refused / sizeof *refused; i++) {
        GEOSGeometry *g = from_wkt(f, refused[i]);
        if (read_convex(f, g, &f->a)) fail_msg("read as convex: %s", refused[i]);
        GEOSGeom_destroy_r(f->ctx->geos, g);
    }
}

/* A random convex polygon: points on an ellipse at sorted random angles, jittered inwards
 * only along the radius of a circle would break convexity, so the ellipse is sampled. */
static GEOSGeometry *random_convex(fixture *f, double cx, double cy, double size) {
    double angles[12], xy[26];
    int n = 3 + rand() % 10;
    for (int i = 0; i < n; i++)
        angles[i] = 6.283185307179586 * rand() / RAND_MAX;
    for (int i = 1; i < n; i++)
        for (int j = i; j > 0 && angles[j] < angles[j - 1]; j--) {
            double t = angles[j];
            angles[j] = angles[j - 1];
            angles[j - 1] = t;
        }
    double rx = size * (0.3 + rand() / (double)RAND_MAX), ry = size * (0.3 + rand() / (double)RAND_MAX);
    for (int i = 0; i < n; i++) {
        xy[2 * i] = cx + rx * cos(angles[i]);
        xy[2 * i + 1] = cy + ry * sin(angles[i]);
    }
    xy[2 * n] = xy[0];
    xy[2 * n + 1] = xy[1];
    GEOSContextHandle_t h = f->ctx->geos;
    GEOSCoordSequence *seq = GEOSCoordSeq_copyFromBuffer_r(h, xy, (unsigned)n + 1, 0, 0);
    GEOSGeometry *g = GEOSGeom_createPolygon_r(h, GEOSGeom_createLinearRing_r(h, seq), NULL, 0);
    return g;
}

static void test_random_pairs_match_geos(void **state) {
    fixture *f = *state;
    srand(11);
    int pieces = 0, tested = 0;
    for (int k = 0; k < 3000; k++) {
        double x0 = 39500000 + 1000.0 * rand() / RAND_MAX, y0 = 4400000 + 1000.0 * rand() / RAND_MAX;
        GEOSGeometry *a = random_convex(f, x0, y0, 300), *b = random_convex(f, x0 + 200, y0 + 100, 300);
        /* duplicate or too-close angles can make a degenerate ring: GEOS decides those */
        if (GEOSisValid_r(f->ctx->geos, a) == 1 && GEOSisValid_r(f->ctx->geos, b) == 1 && read_convex(f, a, &f->a) &&
            read_convex(f, b, &f->b)) {
            pieces += check_pair(f, a, b);
            tested++;
        }
        GEOSGeom_destroy_r(f->ctx->geos, a);
        GEOSGeom_destroy_r(f->ctx->geos, b);
    }
    /* most pairs overlap, some do not: both branches were exercised */
    assert_true(tested > 2500);
    assert_true(pieces > tested / 2 && pieces < tested);
}

/* gt_ring_clip_simple of a and b against GEOSIntersection: returns the clip's result code
 * (rings, 0, or -1 for GEOS); when it answers, the same area and nothing apart, valid. */
static int check_simple(fixture *f, GEOSGeometry *ga, GEOSGeometry *gb) {
    GEOSContextHandle_t h = f->ctx->geos;
    int convex = 0;
    assert_int_equal(gt_ring_read(f->ctx, ga, &f->a, &convex), 1);
    assert_int_equal(gt_ring_read(f->ctx, gb, &f->b, &convex), 1);
    int got = gt_ring_clip_simple(&f->a, &f->b, &f->work);
    assert_true(got >= -1);
    if (got < 0) return got;
    GEOSGeometry *want = GEOSIntersection_r(h, ga, gb);
    double area_a = 0;
    GEOSArea_r(h, ga, &area_a);
    GEOSGeometry *piece = got ? gt_clip_work_geometry(f->ctx, &f->work, &f->scratch) : NULL;
    if (got) {
        assert_non_null(piece);
        assert_int_equal(GEOSGetNumGeometries_r(h, piece), got);
    }
    assert_same_as_geos(f, piece, want, area_a);
    GEOSGeom_destroy_r(h, want);
    return got;
}

static int check_simple_wkt(fixture *f, const char *a, const char *b) { return check_wkt_with(f, check_simple, a, b); }

static void test_simple_cases(void **state) {
    fixture *f = *state;
    const char *u_shape = "POLYGON((0 0,30 0,30 30,20 30,20 10,10 10,10 30,0 30,0 0))";
    /* a bar across both arms of a U: two pieces (a MultiPolygon) */
    assert_int_equal(check_simple_wkt(f, u_shape, "POLYGON((-5 20,35 20,35 25,-5 25,-5 20))"), 2);
    /* a bar across the base only: one piece; nested; apart */
    assert_int_equal(check_simple_wkt(f, u_shape, "POLYGON((-5 2,35 2,35 5,-5 5,-5 2))"), 1);
    assert_int_equal(check_simple_wkt(f, u_shape, "POLYGON((1 1,4 1,4 4,1 1))"), 1);
    assert_int_equal(check_simple_wkt(f, "POLYGON((1 1,4 1,4 4,1 1))", u_shape), 1);
    assert_int_equal(check_simple_wkt(f, u_shape, "POLYGON((12 15,18 15,18 28,12 15))"), 0);
    /* neighbours sharing an edge exactly, or a vertex only: apart, answered without GEOS */
    assert_int_equal(check_simple_wkt(f, u_shape, "POLYGON((30 0,40 0,40 30,30 30,30 0))"), 0);
    assert_int_equal(check_simple_wkt(f, u_shape, "POLYGON((30 30,40 30,40 40,30 30))"), 0);
    /* the inner side of the U, touching both arms and the base along whole edges: apart */
    assert_int_equal(check_simple_wkt(f, u_shape, "POLYGON((10 10,20 10,20 30,10 30,10 10))"), 0);
    /* nested and sharing edges (a parcel split in two the next year, or two merged): the
     * inner one, answered here, both ways round */
    const char *whole = "POLYGON((0 0,5 0,10 0,10 10,5 10,0 10,0 0))", *left = "POLYGON((0 0,5 0,5 10,0 10,0 0))";
    assert_int_equal(check_simple_wkt(f, whole, left), 1);
    assert_int_equal(check_simple_wkt(f, left, whole), 1);
    assert_int_equal(check_simple_wkt(f, "POLYGON((0 0,10 0,10 10,0 10,0 0))", "POLYGON((0 0,10 0,5 5,0 0))"), 1);
    assert_int_equal(check_simple_wkt(f, whole, "POLYGON((0 0,5 0,5 10,0 10,0 0))"), 1);
    /* overlapping through a chord between shared vertices, sharing only part of an edge, or
     * the split line ending inside an edge of the whole (a T-junction): GEOS decides */
    assert_int_equal(check_simple_wkt(f, u_shape, "POLYGON((0 0,10 0,10 10,0 0))"), -1);
    assert_int_equal(check_simple_wkt(f, "POLYGON((0 0,10 0,10 10,0 10,0 0))", left), -1);
    assert_int_equal(check_simple_wkt(f, "POLYGON((0 0,10 0,10 10,0 10,0 0))", "POLYGON((0 0,10 10,20 -5,0 0))"), -1);
    assert_int_equal(check_simple_wkt(f, u_shape, "POLYGON((30 5,40 5,40 30,30 30,30 5))"), -1);
    /* contacts that are not clean crossings go to GEOS: a vertex on an edge */
    assert_int_equal(check_simple_wkt(f, u_shape, "POLYGON((15 5,26 -5,35 5,15 5))"), 1);
    assert_int_equal(check_simple_wkt(f, u_shape, "POLYGON((15 0,25 -5,35 5,15 0))"), -1);
    /* the same polygon in both years (from another start, the other way round): itself */
    assert_int_equal(check_simple_wkt(f, u_shape, "POLYGON((20 30,30 30,30 0,0 0,0 30,10 30,10 10,20 10,20 30))"), 1);
    assert_int_equal(f->work.ring_ends[0], 8);
}

/* Two parcels of a province's land use, each cut along the same county boundary (the before
 * parcel from one county's package, the after parcel from its neighbour's, as read from the
 * files): the after parcel's cut edge lies on the before parcel's edge within rounding, so no
 * crossing is found and a vertex on that edge is no test of nesting. They have no area in
 * common (GEOS: a sliver of zero area); the clip once returned the whole after parcel. */
static void test_parcels_cut_along_one_boundary(void **state) {
    fixture *f = *state;
    static const char *before = "01030000000100000007000000e75f8efb7dd48241b7b3aa0c259d50415418d7cf6fd48241a39479fe"
                                "5b9d5041616132956fd482414cb7d50d6b9d50417d7a073b77d48241b6ca21577d9d5041d71729407fd4"
                                "8241de67a8697d9d504126eada6a7fd482418de20ab5829d5041e75f8efb7dd48241b7b3aa0c259d5041";
    static const char *after = "010300000001000000060000003c6e5e4358d482412ff5ecd6799d50412e5828a75dd48241ddf2bf31f8"
                               "9d504135e4b3fe6ed48241cdda4005f89d504147a201c473d482413bc3340e759d50417a69a5aa70d48241"
                               "81b23ba56d9d50413c6e5e4358d482412ff5ecd6799d5041";
    GEOSContextHandle_t h = f->ctx->geos;
    GEOSWKBReader *r = GEOSWKBReader_create_r(h);
    GEOSGeometry *ga = GEOSWKBReader_readHEX_r(h, r, (const unsigned char *)before, strlen(before));
    GEOSGeometry *gb = GEOSWKBReader_readHEX_r(h, r, (const unsigned char *)after, strlen(after));
    GEOSWKBReader_destroy_r(h, r);
    assert_non_null(ga);
    assert_non_null(gb);
    /* answered as apart (0) or left to GEOS (-1); check_simple compares an answer with GEOS */
    int got = check_simple(f, ga, gb);
    assert_true(got == 0 || got == -1);
    got = check_simple(f, gb, ga);
    assert_true(got == 0 || got == -1);
    GEOSGeom_destroy_r(h, ga);
    GEOSGeom_destroy_r(h, gb);
}

/* A random star-shaped (so simple) polygon: sorted angles, random radii. */
static GEOSGeometry *random_star(fixture *f, double cx, double cy, double size, int n) {
    double angles[40], xy[82];
    for (int i = 0; i < n; i++)
        angles[i] = 6.283185307179586 * (i + 0.9 * rand() / (double)RAND_MAX) / n;
    for (int i = 0; i < n; i++) {
        double r = size * (0.2 + rand() / (double)RAND_MAX);
        xy[2 * i] = cx + r * cos(angles[i]);
        xy[2 * i + 1] = cy + r * sin(angles[i]);
    }
    xy[2 * n] = xy[0];
    xy[2 * n + 1] = xy[1];
    GEOSContextHandle_t h = f->ctx->geos;
    GEOSCoordSequence *seq = GEOSCoordSeq_copyFromBuffer_r(h, xy, (unsigned)n + 1, 0, 0);
    return GEOSGeom_createPolygon_r(h, GEOSGeom_createLinearRing_r(h, seq), NULL, 0);
}

static void test_simple_random_pairs_match_geos(void **state) {
    fixture *f = *state;
    srand(5);
    int answered = 0, multi = 0, tested = 0;
    for (int k = 0; k < 4000; k++) {
        double x0 = 39500000 + 1000.0 * rand() / RAND_MAX, y0 = 4400000 + 1000.0 * rand() / RAND_MAX;
        GEOSGeometry *a = random_star(f, x0, y0, 300, 3 + k % 30);
        GEOSGeometry *b = random_star(f, x0 + 150.0 * rand() / RAND_MAX, y0 + 100, 250, 3 + (k / 7) % 25);
        if (GEOSisValid_r(f->ctx->geos, a) == 1 && GEOSisValid_r(f->ctx->geos, b) == 1) {
            int got = check_simple(f, a, b);
            tested++;
            answered += got >= 0;
            multi += got > 1;
        }
        GEOSGeom_destroy_r(f->ctx->geos, a);
        GEOSGeom_destroy_r(f->ctx->geos, b);
    }
    /* nearly every random pair crosses cleanly, and many intersections come in parts */
    assert_true(tested > 3500);
    assert_true(answered > tested * 99 / 100);
    assert_true(multi > tested / 40);
}

/* A number in [0, 1] from a state that is stepped (xorshift): the same key, the same numbers. */
static double next01(unsigned *state) {
    unsigned x = *state ? *state : 1u;
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    *state = x;
    return x / 4294967295.0;
}

/* Vertex (i, j) of a jittered grid whose edges wiggle: each edge's inner vertices come from
 * the edge alone, so the cells on both sides share them exactly, as in a land-use coverage. */
static void grid_node(int i, int j, double *xy) {
    unsigned seed = (unsigned)(i * 7919 + j * 104729 + 13);
    xy[0] = 100.0 * i + 30.0 * (next01(&seed) - 0.5);
    xy[1] = 100.0 * j + 30.0 * (next01(&seed) - 0.5);
}

/* The WIGGLE inner vertices of the edge from node p to node q (p before q in a fixed order). */
enum { WIGGLE = 9 };
static void grid_edge(const double *p, const double *q, unsigned key, double *out) {
    for (int m = 0; m < WIGGLE; m++) {
        double t = (m + 1.0) / (WIGGLE + 1), off = 0.1 * (next01(&key) - 0.5) * sin(3.14159 * t);
        out[2 * m] = p[0] + t * (q[0] - p[0]) - off * (q[1] - p[1]);
        out[2 * m + 1] = p[1] + t * (q[1] - p[1]) + off * (q[0] - p[0]);
    }
}

/* Cell (i, j) as a polygon of 4 * (WIGGLE + 1) vertices, counter-clockwise. */
static GEOSGeometry *grid_cell(fixture *f, int i, int j) {
    double n[4][2], xy[2 * (4 * (WIGGLE + 1) + 1)], inner[2 * WIGGLE];
    grid_node(i, j, n[0]);
    grid_node(i + 1, j, n[1]);
    grid_node(i + 1, j + 1, n[2]);
    grid_node(i, j + 1, n[3]);
    /* bottom and top run west to east, left and right south to north; keys name the edge */
    const int from[4] = {0, 1, 3, 0}, to[4] = {1, 2, 2, 3}, reversed[4] = {0, 0, 1, 1};
    const unsigned keys[4] = {(unsigned)(i * 1000 + j) * 2, (unsigned)((i + 1) * 1000 + j) * 2 + 1,
                              (unsigned)(i * 1000 + j + 1) * 2, (unsigned)(i * 1000 + j) * 2 + 1};
    size_t k = 0;
    for (int e = 0; e < 4; e++) {
        grid_edge(n[from[e]], n[to[e]], keys[e], inner);
        const double *start = reversed[e] ? n[to[e]] : n[from[e]];
        xy[k++] = start[0];
        xy[k++] = start[1];
        for (int m = 0; m < WIGGLE; m++) {
            int at = reversed[e] ? WIGGLE - 1 - m : m;
            xy[k++] = inner[2 * at];
            xy[k++] = inner[2 * at + 1];
        }
    }
    xy[k++] = xy[0];
    xy[k++] = xy[1];
    GEOSContextHandle_t h = f->ctx->geos;
    GEOSCoordSequence *seq = GEOSCoordSeq_copyFromBuffer_r(h, xy, k / 2, 0, 0);
    return GEOSGeom_createPolygon_r(h, GEOSGeom_createLinearRing_r(h, seq), NULL, 0);
}

/* Every pair of neighbouring cells (edge and corner neighbours) of a 12 x 12 coverage: apart,
 * answered without GEOS, and GEOS agrees (nothing in common); a cell with itself is itself. */
static void test_coverage_neighbours_are_answered(void **state) {
    fixture *f = *state;
    int pairs = 0;
    for (int i = 0; i < 12; i++)
        for (int j = 0; j < 12; j++) {
            GEOSGeometry *a = grid_cell(f, i, j);
            assert_int_equal(GEOSisValid_r(f->ctx->geos, a), 1);
            assert_int_equal(check_simple(f, a, a), 1);
            for (int di = -1; di <= 1; di++)
                for (int dj = -1; dj <= 1; dj++) {
                    if (!di && !dj) continue;
                    GEOSGeometry *b = grid_cell(f, i + di, j + dj);
                    assert_int_equal(check_simple(f, a, b), 0);
                    pairs++;
                    GEOSGeom_destroy_r(f->ctx->geos, b);
                }
            GEOSGeom_destroy_r(f->ctx->geos, a);
        }
    assert_int_equal(pairs, 144 * 8);
}

/* A square [x0, x1] x [y0, y1] with `per_side` vertices on each side (a large zone). */
static char *dense_square(double x0, double y0, double x1, double y1, int per_side) {
    size_t cap = (size_t)per_side * 4 * 48 + 32, used = 0;
    char *w = malloc(cap);
    used += (size_t)snprintf(w, cap, "POLYGON((");
    const double corner[5][2] = {{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}, {x0, y0}};
    for (int side = 0; side < 4; side++)
        for (int k = 0; k < per_side; k++) {
            double t = (double)k / per_side;
            used += (size_t)snprintf(w + used, cap - used, "%.6f %.6f,",
                                     corner[side][0] + t * (corner[side + 1][0] - corner[side][0]),
                                     corner[side][1] + t * (corner[side + 1][1] - corner[side][1]));
        }
    snprintf(w + used, cap - used, "%.6f %.6f))", x0, y0);
    return w;
}

/* Rings of hundreds of vertices (zones): their edges near each other are swept by x instead
 * of compared pair by pair; the answers are the same as GEOS's. */
static void test_large_rings_are_swept(void **state) {
    fixture *f = *state;
    char *a = dense_square(0, 0, 1000, 1000, 200), *b = dense_square(1000, 0, 2000, 1000, 200);
    char *c = dense_square(500.3, 250.7, 1500.3, 750.7, 150), *d = dense_square(0, 0, 500, 1000, 100);
    assert_int_equal(check_simple_wkt(f, a, b), 0); /* neighbours sharing 201 vertices */
    assert_int_equal(check_simple_wkt(f, a, c), 1); /* crossing, not at a vertex */
    assert_int_equal(check_simple_wkt(f, c, b), 1);
    assert_int_equal(check_simple_wkt(f, d, a),
                     -1); /* the left half, its vertices every 10 m on a side where a has them every 5 m: GEOS */
    assert_true(f->work.npairs > 0);
    free(a);
    free(b);
    free(c);
    free(d);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_cases, setup, teardown),
        cmocka_unit_test_setup_teardown(test_not_convex_is_refused, setup, teardown),
        cmocka_unit_test_setup_teardown(test_random_pairs_match_geos, setup, teardown),
        cmocka_unit_test_setup_teardown(test_simple_cases, setup, teardown),
        cmocka_unit_test_setup_teardown(test_simple_random_pairs_match_geos, setup, teardown),
        cmocka_unit_test_setup_teardown(test_coverage_neighbours_are_answered, setup, teardown),
        cmocka_unit_test_setup_teardown(test_parcels_cut_along_one_boundary, setup, teardown),
        cmocka_unit_test_setup_teardown(test_large_rings_are_swept, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
