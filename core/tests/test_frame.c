/* test_frame.c — the element catalogue against the cities' submissions.
 *
 * Catalogue (4 elements):
 *   M01 紫金山 mountain, cities 3201;3202        indicators slope_mean;forest_share
 *   R01 秦淮河 river,    cities 3201、3203        area
 *   C01 生态廊道 corridor, cities 3202；3203
 *   R02 滁河   river,    cities 3201|3202|3203
 * Submissions:
 *   3201: M01 (two features), R01, X99 (no such element)
 *   3202: M01, R01 (3202 is not listed for R01)
 *   3203: C01, "" (no element id)
 *   "":   M01 (no city)
 * Expected: not_submitted (3202, C01), (3201, R02), (3202, R02), (3203, R01), (3203, R02) = 5;
 * not_in_catalogue: X99 and the empty id = 2; city_not_listed: 3202/R01 = 1; no_city = 1.
 * Cities: 3201 listed 3 (M01 R01 R02) submitted 2; 3202 listed 3 (M01 C01 R02) submitted 1;
 *         3203 listed 3 (R01 C01 R02) submitted 1.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <math.h>

#include <geos_c.h>

#include "guotu/guotu.h"
#include "test_support.h"

static const char catalogue[] = "\xef\xbb\xbf"
                                "element_id,name,type,cities,indicators,note\r\n"
                                "M01,紫金山,mountain,3201;3202,slope_mean;forest_share,x\r\n"
                                "R01,秦淮河,river,3201、3203,area,\r\n"
                                "C01,生态廊道,corridor,3202；3203,,\r\n"
                                "\r\n"
                                "R02,滁河,river,\"3201|3202| 3203 \",,\r\n";

typedef struct seen {
    int count;
    char lines[16][160];
} seen;

static int record(const guotu_frame_finding *x, void *user) {
    seen *s = user;
    if (s->count < 16)
        snprintf(s->lines[s->count], sizeof s->lines[0], "%s %s %s %lld %s %d", x->kind, x->city_id, x->element_id,
                 (long long)x->fid, x->cities, x->wkb != NULL);
    s->count++;
    return 0;
}

static const unsigned char point[] = {1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 240, 63, 0, 0, 0, 0, 0, 0, 0, 64};

static guotu_frame *loaded(guotu_context *ctx) {
    guotu_frame *f = NULL;
    assert_int_equal(guotu_frame_create(ctx, &f), GUOTU_OK);
    assert_int_equal(guotu_frame_load_catalogue(ctx, f, catalogue, sizeof catalogue - 1, "cat.csv"), GUOTU_OK);
    return f;
}

static void test_catalogue_check(void **state) {
    (void)state;
    guotu_context *ctx = guotu_context_create();
    guotu_frame *f = loaded(ctx);
    const char *subs[][3] = {{"3201", "M01", "a"}, {"3201", " M01", "b"}, {"3201", "R01", "c"},
                             {"3201", "X99", "d"}, {"3202", "M01", "e"},  {"3202", "R01", "f"},
                             {"3203", "C01", "g"}, {"3203", "", "h"},     {"", "M01", "i"}};
    for (int i = 0; i < 9; i++)
        assert_int_equal(guotu_frame_add_submission(ctx, f, subs[i][0], subs[i][1], subs[i][2], 10 + i,
                                                    i == 3 ? point : NULL, i == 3 ? sizeof point : 0),
                         GUOTU_OK);
    seen s = {0};
    assert_int_equal(guotu_frame_check_catalogue(ctx, f, record, &s), GUOTU_OK);
    const char *expected[] = {"not_submitted 3202 C01 -1 3202;3203 0",
                              "not_submitted 3201 R02 -1 3201;3202;3203 0",
                              "not_submitted 3202 R02 -1 3201;3202;3203 0",
                              "not_submitted 3203 R02 -1 3201;3202;3203 0",
                              "not_submitted 3203 R01 -1 3201;3203 0",
                              "not_in_catalogue 3201 X99 13  1",
                              "city_not_listed 3202 R01 15 3201;3203 0",
                              "not_in_catalogue 3203  17  0",
                              "no_city  M01 18  0"};
    /* not_submitted come by entry, then the entry's cities: R01's 3203 before C01's 3202. */
    const char *ordered[] = {expected[4], expected[0], expected[1], expected[2], expected[3],
                             expected[5], expected[6], expected[7], expected[8]};
    assert_int_equal(s.count, 9);
    for (int i = 0; i < 9; i++)
        assert_string_equal(s.lines[i], ordered[i]);
    assert_int_equal(guotu_frame_city_count(f), 3);
    const int64_t rows[3][6] = {{3, 2, 1, 4, 1, 0}, {3, 1, 2, 2, 0, 1}, {3, 1, 2, 2, 1, 0}};
    const char *ids[] = {"3201", "3202", "3203"};
    for (size_t i = 0; i < 3; i++) {
        guotu_frame_city c;
        assert_int_equal(guotu_frame_city_row(ctx, f, i, &c), GUOTU_OK);
        assert_string_equal(c.city_id, ids[i]);
        const int64_t got[6] = {c.listed,   c.submitted,        c.not_submitted,
                                c.features, c.not_in_catalogue, c.city_not_listed};
        for (int k = 0; k < 6; k++)
            assert_int_equal(got[k], rows[i][k]);
    }
    /* A second check after another add: 3203 now submits R01. */
    assert_int_equal(guotu_frame_add_submission(ctx, f, "3203", "R01", "j", 30, NULL, 0), GUOTU_OK);
    s.count = 0;
    assert_int_equal(guotu_frame_check_catalogue(ctx, f, record, &s), GUOTU_OK);
    assert_int_equal(s.count, 8);
    guotu_frame_destroy(ctx, f);
    guotu_context_destroy(ctx);
}

static void test_submitting_city_outside_catalogue(void **state) {
    (void)state;
    guotu_context *ctx = guotu_context_create();
    guotu_frame *f = loaded(ctx);
    assert_int_equal(guotu_frame_add_submission(ctx, f, "3299", "M01", "z", 1, NULL, 0), GUOTU_OK);
    assert_int_equal(guotu_frame_check_catalogue(ctx, f, NULL, NULL), GUOTU_OK);
    assert_int_equal(guotu_frame_city_count(f), 4);
    guotu_frame_city c;
    assert_int_equal(guotu_frame_city_row(ctx, f, 3, &c), GUOTU_OK);
    assert_string_equal(c.city_id, "3299");
    assert_int_equal(c.listed, 0);
    assert_int_equal(c.city_not_listed, 1);
    guotu_frame_destroy(ctx, f);
    guotu_context_destroy(ctx);
}

static void expect_refused(const char *csv, const char *part) {
    guotu_context *ctx = guotu_context_create();
    guotu_frame *f = NULL;
    assert_int_equal(guotu_frame_create(ctx, &f), GUOTU_OK);
    assert_int_equal(guotu_frame_load_catalogue(ctx, f, csv, strlen(csv), "bad.csv"), GUOTU_ERR_DATA);
    if (!strstr(guotu_context_last_error(ctx), part)) fail_msg("'%s' lacks '%s'", guotu_context_last_error(ctx), part);
    guotu_frame_destroy(ctx, f);
    guotu_context_destroy(ctx);
}

static void test_bad_catalogues(void **state) {
    (void)state;
    expect_refused("element_id,name,type,cities,indicators\nM01,a,mountain,3201,slope\n",
                   "line 2: catalogue element 'M01': unknown indicator 'slope'");
    expect_refused("element_id,name,type,cities,indicators\nM01,a,mountain,3201,\nM01,b,river,3202,\n",
                   "line 3: catalogue: element id 'M01' is listed twice");
    expect_refused("element_id,name,type,cities,indicators\nM01,a,mountain, ; ,\n", "no city is listed");
    expect_refused("element_id,name,type,cities,indicators\n,a,mountain,3201,\n", "empty element id");
    expect_refused("element_id,name,type,cities,indicators\nM01,a,,3201,\n", "the type is empty");
    expect_refused("element_id,name,type,cities\nM01,a,river,3201\n", "the header needs the columns");
    expect_refused("element_id,name,type,cities,indicators\n", "lists no element");
    /* The check refuses to run without a catalogue. */
    guotu_context *ctx = guotu_context_create();
    guotu_frame *f = NULL;
    assert_int_equal(guotu_frame_create(ctx, &f), GUOTU_OK);
    assert_int_equal(guotu_frame_check_catalogue(ctx, f, NULL, NULL), GUOTU_ERR_STATE);
    guotu_frame_destroy(ctx, f);
    guotu_context_destroy(ctx);
}

static int stop(const guotu_frame_finding *x, void *user) {
    (void)x;
    (void)user;
    return 1;
}

static void test_cancel(void **state) {
    (void)state;
    guotu_context *ctx = guotu_context_create();
    guotu_frame *f = loaded(ctx);
    assert_int_equal(guotu_frame_check_catalogue(ctx, f, stop, NULL), GUOTU_ERR_CANCELLED);
    guotu_frame_destroy(ctx, f);
    guotu_context_destroy(ctx);
}

/* ---- transmission indicators ----------------------------------------------------------
 * A 100 x 100 DEM of 10 m cells in EPSG:4527, local x = X - X0 (0..1000 east), y = Y - Y0
 * (0..1000 north), north-up. Plane: z = 0.1·x at cell centres. Planar areas unless said.
 * M01 (mountain, cities A;B, indicators elevation_mean;slope_mean;forest_share):
 *   A = [200,400]x[200,800] (120,000 m²): z of centres 20.5..39.5, mean 30; B = [400,600] x
 *   [200,800]: 40.5..59.5, mean 50; whole: mean 40. Slope everywhere atan(0.1) = 5.710593°.
 *   Band 100: A's strip [300,400] (mean 35), B's [400,500] (mean 45): a jump of 10 > 5.
 * Land use: forest 0301 [200,250]x[200,800] (30,000 m² in A), forest 0305 [350,450]x[200,300]
 *   (5,000 m² each side), 0101 elsewhere: forest share A 35,000/120,000, B 5,000/120,000;
 *   the strips 5,000/60,000 each (no jump).
 * Thresholds (mountain): A elevation_mean 0..100, slope_mean <= 5 (5.71: outside), forest >= 0.3
 *   (0.2917: outside); B slope_mean <= 10 (differs from A), forest >= 0.3 (0.0417: outside),
 *   no elevation_mean (missing).
 */
#define FX0 39500000.0
#define FY0 4400000.0

static char *lwkt(char *buf, size_t size, double x0, double y0, double x1, double y1) {
    return (char *)box_wkt(buf, size, FX0 + x0, FY0 + y0, FX0 + x1, FY0 + y1);
}

static void add_box(guotu_context *ctx, guotu_frame *f, const char *city, const char *element, int64_t fid, double x0,
                    double y0, double x1, double y1) {
    char wkt[256];
    size_t size = 0;
    unsigned char *wkb = wkt_to_wkb(lwkt(wkt, sizeof wkt, x0, y0, x1, y1), &size);
    assert_int_equal(guotu_frame_add_submission(ctx, f, city, element, element, fid, wkb, size), GUOTU_OK);
    free(wkb);
}

static void add_landuse_box(guotu_context *ctx, guotu_frame *f, const char *code, int64_t fid, double x0, double y0,
                            double x1, double y1) {
    char wkt[256];
    size_t size = 0;
    unsigned char *wkb = wkt_to_wkb(lwkt(wkt, sizeof wkt, x0, y0, x1, y1), &size);
    assert_int_equal(guotu_frame_add_landuse(ctx, f, code, fid, wkb, size), GUOTU_OK);
    free(wkb);
}

typedef double (*surface_fn)(double x, double y);

/* Streams the DEM in bands of `band` rows, each with its halo rows. */
static void stream_dem(guotu_context *ctx, guotu_frame *f, double x_origin, surface_fn z, int band) {
    guotu_frame_dem dem = {{x_origin, 10, 0, FY0 + 1000, 0, -10}, 100, 100, 1, -9999};
    assert_int_equal(guotu_frame_set_dem(ctx, f, &dem), GUOTU_OK);
    float *rows = malloc(sizeof(float) * 100 * (size_t)(band + 2));
    for (int64_t r0 = 0; r0 < 100; r0 += band) {
        int64_t n = r0 + band <= 100 ? band : 100 - r0;
        int64_t first = r0 > 0 ? r0 - 1 : 0, last = r0 + n < 100 ? r0 + n + 1 : 100;
        for (int64_t r = first; r < last; r++)
            for (int c = 0; c < 100; c++)
                rows[(r - first) * 100 + c] = (float)z(c * 10 + 5.0, 1000 - (r * 10 + 5.0));
        assert_int_equal(guotu_frame_add_dem_rows(ctx, f, r0, n, rows), GUOTU_OK);
    }
    free(rows);
}

static double plane(double x, double y) {
    (void)y;
    return 0.1 * x;
}

static double cone(double x, double y) { return 1000 - 0.5 * hypot(x - 500, y - 500); }

typedef struct ind_log {
    int count;
    char lines[16][200];
} ind_log;

static int log_indicator(const guotu_frame_indicator_finding *x, void *user) {
    ind_log *l = user;
    if (l->count < 16)
        snprintf(l->lines[l->count], sizeof l->lines[0], "%s %s %s/%s %s %.4f %.4f", x->kind, x->element_id, x->city_id,
                 x->other_city_id, x->indicator, x->value, x->other_value);
    l->count++;
    return 0;
}

static guotu_frame *two_city_frame(guotu_context *ctx, guotu_area_method method, double tol_elevation) {
    static const char cat[] = "element_id,name,type,cities,indicators\n"
                              "M01,Hills,mountain,A;B,elevation_mean;slope_mean;forest_share\n";
    guotu_frame *f = NULL;
    assert_int_equal(guotu_frame_create(ctx, &f), GUOTU_OK);
    assert_int_equal(guotu_frame_load_catalogue(ctx, f, cat, sizeof cat - 1, "cat"), GUOTU_OK);
    guotu_frame_options o;
    guotu_frame_options_init(&o);
    o.crs = "EPSG:4527";
    o.area_method = method;
    o.band_m = 100;
    o.tolerance_elevation_m = tol_elevation;
    assert_int_equal(guotu_frame_set_options(ctx, f, &o), GUOTU_OK);
    add_box(ctx, f, "A", "M01", 1, 200, 200, 400, 800);
    add_box(ctx, f, "B", "M01", 2, 400, 200, 600, 800);
    return f;
}

static void read_rows(guotu_context *ctx, guotu_frame *f, guotu_frame_indicators *rows, size_t n) {
    assert_int_equal(guotu_frame_indicator_count(f), n);
    for (size_t i = 0; i < n; i++)
        assert_int_equal(guotu_frame_indicator_row(ctx, f, i, &rows[i]), GUOTU_OK);
}

static void test_plane_parts_strips_and_findings(void **state) {
    (void)state;
    guotu_context *ctx = guotu_context_create();
    guotu_frame *f = two_city_frame(ctx, GUOTU_AREA_PLANAR, 5);
    static const char thresholds[] = "city,element_type,indicator,min,max\n"
                                     "A,mountain,elevation_mean,0,100\n"
                                     "A,mountain,slope_mean,,5\n"
                                     "A,mountain,forest_share,0.3,\n"
                                     "B,mountain,slope_mean,,10\n"
                                     "B,mountain,forest_share,0.3,\n";
    assert_int_equal(guotu_frame_load_thresholds(ctx, f, thresholds, sizeof thresholds - 1, "thr"), GUOTU_OK);
    assert_int_equal(guotu_frame_prepare(ctx, f), GUOTU_OK);
    stream_dem(ctx, f, FX0, plane, 7); /* bands of 7 rows: the halo rows cross the bands */
    add_landuse_box(ctx, f, "0301", 1, 200, 200, 250, 800);
    add_landuse_box(ctx, f, "0305", 2, 350, 200, 450, 300);
    add_landuse_box(ctx, f, "0101", 3, 250, 300, 600, 800);
    ind_log log = {0};
    assert_int_equal(guotu_frame_finish(ctx, f, log_indicator, &log), GUOTU_OK);
    guotu_frame_indicators rows[5];
    read_rows(ctx, f, rows, 5); /* whole, A, B, A's strip, B's strip */
    const char *cities[5][2] = {{"", ""}, {"A", ""}, {"B", ""}, {"A", "B"}, {"B", "A"}};
    const double areas[5] = {240000, 120000, 120000, 60000, 60000};
    const double means[5] = {40, 30, 50, 35, 45}, mins[5] = {20.5, 20.5, 40.5, 30.5, 40.5};
    const double maxs[5] = {59.5, 39.5, 59.5, 39.5, 49.5};
    const double forest[5] = {40000.0 / 240000, 35000.0 / 120000, 5000.0 / 120000, 5000.0 / 60000, 5000.0 / 60000};
    double slope = atan(0.1) * 180 / 3.14159265358979323846;
    for (int i = 0; i < 5; i++) {
        assert_string_equal(rows[i].city_id, cities[i][0]);
        assert_string_equal(rows[i].other_city_id, cities[i][1]);
        assert_close(rows[i].area_m2, areas[i], 1e-6);
        assert_close(rows[i].elevation_mean, means[i], 1e-4);
        assert_close(rows[i].elevation_min, mins[i], 1e-4);
        assert_close(rows[i].elevation_max, maxs[i], 1e-4);
        assert_close(rows[i].slope_mean, slope, 1e-5);
        assert_close(rows[i].slope_share, 0, 0);
        assert_close(rows[i].forest_share, forest[i], 1e-9);
        assert_close(rows[i].dem_share, 1, 1e-9);
        assert_non_null(rows[i].wkb);
    }
    const char *expected[] = {
        "outside_threshold M01 A/ slope_mean 5.7106 nan",      "outside_threshold M01 A/ forest_share 0.2917 nan",
        "threshold_missing M01 B/ elevation_mean 50.0000 nan", "outside_threshold M01 B/ forest_share 0.0417 nan",
        "threshold_differs M01 A/B slope_mean nan nan",        "value_jump M01 A/B elevation_mean 35.0000 45.0000",
    };
    assert_int_equal(log.count, 6);
    for (int i = 0; i < 6; i++)
        assert_string_equal(log.lines[i], expected[i]);
    guotu_frame_destroy(ctx, f);
    guotu_context_destroy(ctx);
}

/* Exact cell fractions: an element [205,215] x [200,800] covers half of the cells of
 * columns 20 (z 20.5) and 21 (z 21.5): mean 21 with equal weights. */
static void test_exact_fractions(void **state) {
    (void)state;
    guotu_context *ctx = guotu_context_create();
    static const char cat[] = "element_id,name,type,cities,indicators\nS01,Strip,corridor,A,elevation_mean\n";
    guotu_frame *f = NULL;
    assert_int_equal(guotu_frame_create(ctx, &f), GUOTU_OK);
    assert_int_equal(guotu_frame_load_catalogue(ctx, f, cat, sizeof cat - 1, "cat"), GUOTU_OK);
    guotu_frame_options o;
    guotu_frame_options_init(&o);
    o.crs = "EPSG:4527";
    o.area_method = GUOTU_AREA_PLANAR;
    assert_int_equal(guotu_frame_set_options(ctx, f, &o), GUOTU_OK);
    add_box(ctx, f, "A", "S01", 1, 205, 200, 215, 800);
    assert_int_equal(guotu_frame_prepare(ctx, f), GUOTU_OK);
    int64_t r0 = -1, r1 = -1;
    stream_dem(ctx, f, FX0, plane, 100);
    assert_int_equal(guotu_frame_dem_rows_needed(ctx, f, &r0, &r1), GUOTU_OK);
    assert_int_equal(r0, 20); /* y 800 .. 200 is rows 20 .. 79 */
    assert_int_equal(r1, 80);
    assert_int_equal(guotu_frame_finish(ctx, f, NULL, NULL), GUOTU_OK);
    guotu_frame_indicators rows[2];
    read_rows(ctx, f, rows, 2);
    assert_close(rows[1].elevation_mean, 21.0, 1e-6);
    assert_close(rows[1].elevation_min, 20.5, 1e-6);
    assert_close(rows[1].elevation_max, 21.5, 1e-6);
    assert_close(rows[1].area_m2, 6000, 1e-6);
    assert_true(isnan(rows[1].forest_share)); /* no land use given */
    guotu_frame_destroy(ctx, f);
    guotu_context_destroy(ctx);
}

/* A cone z = 1000 - 0.5 r around (500,500), element the disk r <= 300 (a 720-gon):
 * mean elevation over a disk = 1000 - 0.5 · (2/3) · 300 = 900; slope atan(0.5) = 26.565°
 * except at the apex; share steeper than 25° about 1, than 30° 0; max at the cells next to
 * the apex (centres 7.07 m away): 1000 - 3.536 = 996.464. */
/* The DEM queries refuse the same way: NULL outputs are an argument error, a frame without its DEM
 * a state error, each message naming the entry point called. */
static void test_dem_queries_refuse_alike(void **state) {
    (void)state;
    guotu_context *ctx = guotu_context_create();
    guotu_frame *f = NULL;
    assert_int_equal(guotu_frame_create(ctx, &f), GUOTU_OK);
    int64_t r0 = 0, r1 = 0, spans[4];
    size_t count = 0;
    assert_int_equal(guotu_frame_dem_rows_needed(ctx, f, &r0, &r1), GUOTU_ERR_STATE);
    assert_non_null(strstr(guotu_context_last_error(ctx), "guotu_frame_dem_rows_needed before guotu_frame_set_dem"));
    assert_int_equal(guotu_frame_dem_columns_needed(ctx, f, 0, 1, spans, 2, &count), GUOTU_ERR_STATE);
    assert_non_null(strstr(guotu_context_last_error(ctx), "guotu_frame_dem_columns_needed before guotu_frame_set_dem"));
    assert_int_equal(guotu_frame_dem_rows_needed(ctx, f, NULL, &r1), GUOTU_ERR_ARGUMENT);
    assert_non_null(strstr(guotu_context_last_error(ctx), "guotu_frame_dem_rows_needed: NULL argument"));
    assert_int_equal(guotu_frame_dem_columns_needed(ctx, f, 0, 1, NULL, 2, &count), GUOTU_ERR_ARGUMENT);
    assert_non_null(strstr(guotu_context_last_error(ctx), "guotu_frame_dem_columns_needed: NULL argument"));
    assert_int_equal(guotu_frame_dem_columns_needed(ctx, NULL, 0, 1, spans, 2, &count), GUOTU_ERR_ARGUMENT);
    assert_int_equal(guotu_frame_dem_columns_needed(NULL, f, 0, 1, spans, 2, &count), GUOTU_ERR_ARGUMENT);
    guotu_frame_destroy(ctx, f);
    guotu_context_destroy(ctx);
}

static void test_cone(void **state) {
    (void)state;
    guotu_context *ctx = guotu_context_create();
    static const char cat[] = "element_id,name,type,cities,indicators\n"
                              "K01,Peak,mountain,A,elevation_min;elevation_mean;elevation_max;slope_share\n";
    guotu_frame *f = NULL;
    assert_int_equal(guotu_frame_create(ctx, &f), GUOTU_OK);
    assert_int_equal(guotu_frame_load_catalogue(ctx, f, cat, sizeof cat - 1, "cat"), GUOTU_OK);
    guotu_frame_options o;
    guotu_frame_options_init(&o);
    o.crs = "EPSG:4527";
    o.area_method = GUOTU_AREA_PLANAR;
    assert_int_equal(guotu_frame_set_options(ctx, f, &o), GUOTU_OK);
    size_t cap = 720 * 64 + 64, used = 0;
    char *wkt = malloc(cap);
    used += (size_t)snprintf(wkt, cap, "POLYGON((");
    for (int i = 0; i <= 720; i++) {
        double a = (i % 720) * 2 * 3.14159265358979323846 / 720;
        used += (size_t)snprintf(wkt + used, cap - used, "%s%.6f %.6f", i ? "," : "", FX0 + 500 + 300 * cos(a),
                                 FY0 + 500 + 300 * sin(a));
    }
    snprintf(wkt + used, cap - used, "))");
    size_t size = 0;
    unsigned char *wkb = wkt_to_wkb(wkt, &size);
    assert_int_equal(guotu_frame_add_submission(ctx, f, "A", "K01", "Peak", 1, wkb, size), GUOTU_OK);
    free(wkb);
    free(wkt);
    assert_int_equal(guotu_frame_prepare(ctx, f), GUOTU_OK);
    stream_dem(ctx, f, FX0, cone, 16);
    assert_int_equal(guotu_frame_finish(ctx, f, NULL, NULL), GUOTU_OK);
    guotu_frame_indicators rows[2];
    read_rows(ctx, f, rows, 2);
    assert_close(rows[1].elevation_mean, 900, 0.1);
    assert_close(rows[1].elevation_max, 1000 - 0.5 * sqrt(50.0), 1e-3);
    assert_true(rows[1].elevation_min > 1000 - 0.5 * 308 && rows[1].elevation_min < 1000 - 0.5 * 299);
    assert_close(rows[1].slope_mean, atan(0.5) * 180 / 3.14159265358979323846, 0.1);
    assert_true(rows[1].slope_share > 0.99);
    guotu_frame_destroy(ctx, f);
    guotu_context_destroy(ctx);
}

/* The slope on the ground size of the cells: 150 km east of the central meridian the
 * Gauss-Krüger scale k = 1 + x²/(2R²) ≈ 1.000277 makes ground distances shorter than grid
 * distances, so the plane's ground gradient is 0.1·k: its slope exceeds atan(0.1) by about
 * 0.1·(k-1)/(1+0.01) rad = 0.00157°. Planar areas keep the grid distances. */
static void test_slope_on_the_ellipsoid(void **state) {
    (void)state;
    double slopes[2];
    for (int m = 0; m < 2; m++) {
        guotu_context *ctx = guotu_context_create();
        static const char cat[] = "element_id,name,type,cities,indicators\nE01,East,mountain,A,slope_mean\n";
        guotu_frame *f = NULL;
        assert_int_equal(guotu_frame_create(ctx, &f), GUOTU_OK);
        assert_int_equal(guotu_frame_load_catalogue(ctx, f, cat, sizeof cat - 1, "cat"), GUOTU_OK);
        guotu_frame_options o;
        guotu_frame_options_init(&o);
        o.crs = "EPSG:4527";
        o.area_method = m ? GUOTU_AREA_ELLIPSOIDAL : GUOTU_AREA_PLANAR;
        assert_int_equal(guotu_frame_set_options(ctx, f, &o), GUOTU_OK);
        add_box(ctx, f, "A", "E01", 1, 150000 + 200, 200, 150000 + 800, 800);
        assert_int_equal(guotu_frame_prepare(ctx, f), GUOTU_OK);
        stream_dem(ctx, f, FX0 + 150000, plane, 50);
        assert_int_equal(guotu_frame_finish(ctx, f, NULL, NULL), GUOTU_OK);
        guotu_frame_indicators rows[2];
        read_rows(ctx, f, rows, 2);
        slopes[m] = rows[1].slope_mean;
        guotu_frame_destroy(ctx, f);
        guotu_context_destroy(ctx);
    }
    double deg = 180 / 3.14159265358979323846;
    assert_close(slopes[0], atan(0.1) * deg, 1e-6);
    double k = 1 + 150500.0 * 150500.0 / (2 * 6371000.0 * 6371000.0);
    assert_close(slopes[1], atan(0.1 * k) * deg, 2e-4);
    assert_true(slopes[1] - slopes[0] > 0.0013);
}

static void test_indicator_input_errors(void **state) {
    (void)state;
    guotu_context *ctx = guotu_context_create();
    guotu_frame *f = two_city_frame(ctx, GUOTU_AREA_PLANAR, 5);
    static const char *bad[][2] = {
        {"city,element_type,indicator,min,max\nA,mountain,slope,,5\n", "line 2: threshold of city A for mountain: "
                                                                       "unknown indicator 'slope'"},
        {"city,element_type,indicator,min,max\nA,mountain,forest_share,40,\n", "a share is a fraction"},
        {"city,element_type,indicator,min,max\nA,mountain,slope_mean,10,5\n", "min 10 is above max 5"},
        {"city,element_type,indicator,min,max\nA,mountain,slope_mean,,\n", "neither a min nor a max"},
        {"city,element_type,indicator,min,max\nA,mountain,slope_mean,x,\n", "must be numbers or empty"},
        {"city,element_type,indicator,min,max\nB,river,area,1,\nB,river,area,2,\n", "line 3: threshold of city B for "
                                                                                    "river, area is given twice"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        assert_int_equal(guotu_frame_load_thresholds(ctx, f, bad[i][0], strlen(bad[i][0]), "thr"), GUOTU_ERR_DATA);
        if (!strstr(guotu_context_last_error(ctx), bad[i][1]))
            fail_msg("'%s' lacks '%s'", guotu_context_last_error(ctx), bad[i][1]);
    }
    guotu_frame_options o;
    guotu_frame_options_init(&o);
    o.crs = "EPSG:4490"; /* degrees */
    assert_int_equal(guotu_frame_set_options(ctx, f, &o), GUOTU_ERR_CRS);
    o.crs = "EPSG:4527";
    o.band_m = -1;
    assert_int_equal(guotu_frame_set_options(ctx, f, &o), GUOTU_ERR_ARGUMENT);
    guotu_frame_dem dem = {{FX0, 10, 0, FY0 + 1000, 0, -10}, 100, 100, 0, 0};
    assert_int_equal(guotu_frame_set_dem(ctx, f, &dem), GUOTU_ERR_STATE); /* before prepare */
    assert_int_equal(guotu_frame_prepare(ctx, f), GUOTU_OK);
    assert_int_equal(guotu_frame_add_submission(ctx, f, "A", "M01", "", 9, NULL, 0), GUOTU_ERR_STATE);
    assert_int_equal(guotu_frame_set_dem(ctx, f, &dem), GUOTU_OK);
    float rows[300] = {0};
    assert_int_equal(guotu_frame_add_dem_rows(ctx, f, 0, 1, rows), GUOTU_OK);
    assert_int_equal(guotu_frame_add_dem_rows(ctx, f, 0, 1, rows), GUOTU_ERR_ARGUMENT); /* twice */
    guotu_frame_destroy(ctx, f);
    guotu_context_destroy(ctx);
}

/* A DEM that does not cover a part: dem_incomplete, and the values of the covered cells. */
static void test_dem_not_covering(void **state) {
    (void)state;
    guotu_context *ctx = guotu_context_create();
    guotu_frame *f = two_city_frame(ctx, GUOTU_AREA_PLANAR, 1000);
    assert_int_equal(guotu_frame_prepare(ctx, f), GUOTU_OK);
    /* The DEM starts at x = 300: A ([200,400]) is half on it, B wholly. */
    guotu_frame_dem dem = {{FX0 + 300, 10, 0, FY0 + 1000, 0, -10}, 70, 100, 0, 0};
    assert_int_equal(guotu_frame_set_dem(ctx, f, &dem), GUOTU_OK);
    float *rows = malloc(sizeof(float) * 70 * 100);
    for (int r = 0; r < 100; r++)
        for (int c = 0; c < 70; c++)
            rows[r * 70 + c] = (float)(0.1 * (300 + c * 10 + 5.0));
    assert_int_equal(guotu_frame_add_dem_rows(ctx, f, 0, 100, rows), GUOTU_OK);
    free(rows);
    ind_log log = {0};
    assert_int_equal(guotu_frame_finish(ctx, f, log_indicator, &log), GUOTU_OK);
    assert_true(log.count >= 1);
    assert_string_equal(log.lines[0], "dem_incomplete M01 A/ elevation_mean 0.5000 nan");
    guotu_frame_indicators r[5];
    read_rows(ctx, f, r, 5);
    assert_close(r[1].elevation_mean, 35, 1e-4);
    assert_close(r[1].dem_share, 0.5, 1e-9);
    guotu_frame_destroy(ctx, f);
    guotu_context_destroy(ctx);
}

/* ---- rounds ----------------------------------------------------------------------------
 * Round n: gap A|B on x = 1000, y 100..250 (150 m, reviewed "exception", note "river bed");
 *          overlap A|B, y 500..600 (100 m, 4,000 m², open, note "check");
 *          indicator outside_threshold M01 A slope_mean.
 * Round n+1: the gap redrawn 5 m away (persisting: its exception carries over, not returned);
 *          the overlap fixed (resolved); a new discontinuity y 700..760 (60 m < 100 m: not
 *          material); the indicator finding again (persisting, returned: no length or area);
 *          a new gap y 300..600 of 300 m charged to B (returned to B); a gap of the same pair
 *          far away (y 900..990 at x = 1000 vs round n's at 100..250: 650 m apart, > 50 m)
 *          is new, not the persisting one.
 */
static void add_item(guotu_context *ctx, guotu_rounds *r, int round, const char *source, const char *kind,
                     const char *key, const char *cities, double length, double area, const char *review,
                     const char *note, double x, double y0, double y1) {
    char wkt[256];
    size_t size = 0;
    unsigned char *wkb = NULL;
    if (y1 > y0) {
        snprintf(wkt, sizeof wkt, "LINESTRING(%f %f,%f %f)", x, y0, x, y1);
        wkb = wkt_to_wkb(wkt, &size);
    }
    guotu_round_item it = {source, kind, key, cities, "", length, area, review, note, "", "", wkb, size, wkb, size};
    assert_int_equal(guotu_rounds_add(ctx, r, round, &it), GUOTU_OK);
    free(wkb);
}

typedef struct round_log {
    int count;
    char lines[12][160];
} round_log;

static int log_round(const guotu_round_result *x, void *user) {
    round_log *l = user;
    if (l->count < 12)
        snprintf(l->lines[l->count], sizeof l->lines[0], "%s %s %s %lld/%lld %s '%s' m%d r%d", x->status,
                 x->item->source, x->item->kind, (long long)x->index0, (long long)x->index1, x->item->review_status,
                 x->item->review_note, x->material, x->returned);
    l->count++;
    return 0;
}

static void test_rounds(void **state) {
    (void)state;
    guotu_context *ctx = guotu_context_create();
    guotu_rounds_options o;
    guotu_rounds_options_init(&o);
    guotu_rounds *r = NULL;
    assert_int_equal(guotu_rounds_create(ctx, &o, &r), GUOTU_OK);
    add_item(ctx, r, 0, "conflict", "gap", "A|B", "A", 150, 7500, "exception", "river bed", 1000, 100, 250);
    add_item(ctx, r, 0, "conflict", "overlap", "A|B", "A;B", 100, 4000, "open", "check", 1000, 500, 600);
    add_item(ctx, r, 0, "indicator", "outside_threshold", "M01|A||slope_mean", "A", 0, 0, "", "", 0, 0, 0);
    add_item(ctx, r, 1, "conflict", "gap", "A|B", "A", 150, 7500, "", "", 1005, 100, 250);
    add_item(ctx, r, 1, "conflict", "discontinuity", "A|B", "B", 60, 0, "", "", 1000, 700, 760);
    add_item(ctx, r, 1, "indicator", "outside_threshold", "M01|A||slope_mean", "A", 0, 0, "", "", 0, 0, 0);
    add_item(ctx, r, 1, "conflict", "gap", "A|B", "B", 300, 15000, "", "", 1000, 300, 600);
    add_item(ctx, r, 1, "conflict", "gap", "A|B", "B", 90, 4500, "", "", 1000, 900, 990);
    round_log log = {0};
    assert_int_equal(guotu_rounds_run(ctx, r, log_round, &log), GUOTU_OK);
    const char *expected[] = {"persisting conflict gap 0/0 exception 'river bed' m1 r0",
                              "new conflict discontinuity -1/1  '' m0 r0",
                              "persisting indicator outside_threshold 2/2  '' m1 r1",
                              "new conflict gap -1/3  '' m1 r1",
                              "new conflict gap -1/4  '' m0 r0",
                              "resolved conflict overlap 1/-1 open 'check' m1 r0"};
    assert_int_equal(log.count, 6);
    for (int i = 0; i < 6; i++)
        assert_string_equal(log.lines[i], expected[i]);
    guotu_rounds_destroy(ctx, r);
    guotu_context_destroy(ctx);
}

/* County roll-up: counties 320101, 320102 of city 3201 and 320301 of 3203 submit; 320101 M01
 * (two features) and X99, 320102 R01; 320301 C01. As cities: 3201 submitted M01 and R01 (not
 * R02), 3203 C01 (not R01, R02); 3202 nothing. */
static void test_county_rollup(void **state) {
    (void)state;
    guotu_context *ctx = guotu_context_create();
    guotu_frame *f = loaded(ctx);
    static const char counties[] = "county,city\n320101,3201\n320102,3201\n320301,3203\n320999,3201\n";
    assert_int_equal(guotu_frame_load_counties(ctx, f, counties, sizeof counties - 1, "counties"), GUOTU_OK);
    const char *subs[][2] = {
        {"320101", "M01"}, {"320101", "M01"}, {"320101", "X99"}, {"320102", "R01"}, {"320301", "C01"}};
    for (int i = 0; i < 5; i++)
        assert_int_equal(guotu_frame_add_submission(ctx, f, subs[i][0], subs[i][1], "", i, NULL, 0), GUOTU_OK);
    seen s = {0};
    assert_int_equal(guotu_frame_check_catalogue(ctx, f, record, &s), GUOTU_OK);
    /* not submitted: M01/3202, R01/3203, C01/3202, R02 x 3; not in catalogue: X99 (as 3201). */
    assert_int_equal(s.count, 7);
    assert_string_equal(s.lines[6], "not_in_catalogue 3201 X99 2  0");
    guotu_frame_city c;
    assert_int_equal(guotu_frame_city_row(ctx, f, 0, &c), GUOTU_OK);
    assert_string_equal(c.city_id, "3201");
    assert_int_equal(c.submitted, 2);
    assert_int_equal(c.features, 4);
    assert_int_equal(guotu_frame_county_count(f), 3); /* 320999 submitted nothing */
    const char *ids[3][2] = {{"320101", "3201"}, {"320102", "3201"}, {"320301", "3203"}};
    const int64_t rows[3][3] = {{3, 1, 1}, {1, 1, 0}, {1, 1, 0}};
    for (size_t i = 0; i < 3; i++) {
        guotu_frame_county k;
        assert_int_equal(guotu_frame_county_row(ctx, f, i, &k), GUOTU_OK);
        assert_string_equal(k.county_id, ids[i][0]);
        assert_string_equal(k.city_id, ids[i][1]);
        assert_int_equal(k.features, rows[i][0]);
        assert_int_equal(k.elements, rows[i][1]);
        assert_int_equal(k.not_in_catalogue, rows[i][2]);
    }
    static const char twice[] = "county,city\n320101,3202\n";
    assert_int_equal(guotu_frame_load_counties(ctx, f, twice, sizeof twice - 1, "c2"), GUOTU_ERR_DATA);
    assert_non_null(strstr(guotu_context_last_error(ctx), "line 2: county table: county 320101 is listed twice"));
    guotu_frame_destroy(ctx, f);
    guotu_context_destroy(ctx);
}

/* ---- the DEM read by column spans, against a brute-force computation ----------------------
 *
 * A rough surface (sums of sines) on an 80 x 60 grid of 10 m cells with a block of no-data
 * cells and a NaN; element E1 of cities A (a 7-gon) and B (a polygon with a hole), whose
 * whole is summed from its parts (they do not overlap), element E2 of cities A (two
 * triangles on the grid's west edge) and B (a triangle overlapping A's), whose whole is
 * taken cell by cell. The DEM is streamed in bands of 7 rows filling only the columns
 * guotu_frame_dem_columns_needed names: every other cell holds 1e6, which would show in
 * every mean if it were read. The brute force takes each
 * zone's geometry as handed back and, for every cell of the grid, its exact coverage from
 * a GEOS intersection, the value, and Horn's slope of the 3 x 3 window on 10 m cells (none
 * at the grid's edge or next to no data): results equal to 1e-9 relative. */
#define BW 80
#define BH 60

static float rough(int64_t r, int64_t c) {
    if (r >= 30 && r < 33 && c >= 50 && c < 54) return -9999.0f; /* no data */
    if (r == 12 && c == 20) return NAN;
    double x = c * 10 + 5.0, y = 600 - (r * 10 + 5.0);
    return (float)(300 + 40 * sin(x / 37.0) * cos(y / 53.0) + 25 * sin((x + y) / 91.0) + 3 * cos(x / 11.0));
}

static int cell_has_value(float v) { return !isnan(v) && v != -9999.0f; }

static float brute_slope(int64_t r, int64_t c) {
    if (r < 1 || r >= BH - 1 || c < 1 || c >= BW - 1) return NAN;
    float k[3][3];
    for (int i = 0; i < 3; i++)
        for (int j = 0; j < 3; j++) {
            k[i][j] = rough(r - 1 + i, c - 1 + j);
            if (!cell_has_value(k[i][j])) return NAN;
        }
    double dzdx = (((double)k[0][2] + 2.0 * k[1][2] + k[2][2]) - ((double)k[0][0] + 2.0 * k[1][0] + k[2][0])) / 80.0;
    double dzdy = (((double)k[2][0] + 2.0 * k[2][1] + k[2][2]) - ((double)k[0][0] + 2.0 * k[0][1] + k[0][2])) / 80.0;
    return (float)(atan(sqrt(dzdx * dzdx + dzdy * dzdy)) * 180.0 / 3.14159265358979323846);
}

static void add_wkt_submission(guotu_context *ctx, guotu_frame *f, const char *city, const char *element, int64_t fid,
                               const char *wkt) {
    size_t size = 0;
    unsigned char *wkb = wkt_to_wkb(wkt, &size);
    assert_int_equal(guotu_frame_add_submission(ctx, f, city, element, element, fid, wkb, size), GUOTU_OK);
    free(wkb);
}

static void assert_relative(double got, double want, const char *what) {
    if (isnan(want)) {
        if (!isnan(got)) fail_msg("%s: %.17g, expected no value", what, got);
        return;
    }
    double scale = fmax(fabs(want), 1e-300);
    if (!(fabs(got - want) <= 1e-9 * scale)) fail_msg("%s: %.17g, brute force %.17g", what, got, want);
}

static void test_dem_spans_against_brute_force(void **state) {
    (void)state;
    guotu_context *ctx = guotu_context_create();
    static const char cat[] = "element_id,name,type,cities,indicators\n"
                              "E1,Ridge,mountain,A;B,elevation_mean;slope_mean\n"
                              "E2,Edge,river,A;B,elevation_min\n";
    guotu_frame *f = NULL;
    assert_int_equal(guotu_frame_create(ctx, &f), GUOTU_OK);
    assert_int_equal(guotu_frame_load_catalogue(ctx, f, cat, sizeof cat - 1, "cat"), GUOTU_OK);
    guotu_frame_options o;
    guotu_frame_options_init(&o);
    o.crs = "EPSG:4527";
    o.area_method = GUOTU_AREA_PLANAR;
    o.band_m = 60;
    o.slope_threshold_deg = 12;
    assert_int_equal(guotu_frame_set_options(ctx, f, &o), GUOTU_OK);
    char wkt[1024];
#define P(x, y) FX0 + (x), FY0 + (y)
    snprintf(wkt, sizeof wkt,
             "POLYGON((%.3f %.3f,%.3f %.3f,%.3f %.3f,%.3f %.3f,%.3f %.3f,%.3f %.3f,%.3f %.3f,%.3f %.3f))",
             P(123.4, 77.7), P(401.3, 61.9), P(447.1, 250.2), P(402.6, 402.6), P(300.05, 535.5), P(151.7, 481.1),
             P(88.8, 300.3), P(123.4, 77.7));
    add_wkt_submission(ctx, f, "A", "E1", 1, wkt);
    snprintf(wkt, sizeof wkt,
             "POLYGON((%.3f %.3f,%.3f %.3f,%.3f %.3f,%.3f %.3f,%.3f %.3f),(%.3f %.3f,%.3f %.3f,%.3f %.3f,%.3f %.3f))",
             P(447.1, 250.2), P(401.3, 61.9), P(733.3, 44.4), P(761.1, 377.7), P(447.1, 250.2), P(560.2, 150.5),
             P(640.4, 180.8), P(600.6, 260.1), P(560.2, 150.5));
    add_wkt_submission(ctx, f, "B", "E1", 2, wkt);
    snprintf(wkt, sizeof wkt,
             "MULTIPOLYGON(((%.3f %.3f,%.3f %.3f,%.3f %.3f,%.3f %.3f)),((%.3f %.3f,%.3f %.3f,%.3f %.3f,%.3f %.3f)))",
             P(0, 520), P(50, 590), P(0, 600), P(0, 520), P(0, 300.5), P(30.5, 330.2), P(0, 360.7), P(0, 300.5));
    add_wkt_submission(ctx, f, "A", "E2", 3, wkt);
    /* B's part of E2 overlaps A's: the whole is then taken cell by cell, not from the parts. */
    snprintf(wkt, sizeof wkt, "POLYGON((%.3f %.3f,%.3f %.3f,%.3f %.3f,%.3f %.3f))", P(0, 540.2), P(44.4, 600),
             P(0, 585.5), P(0, 540.2));
    add_wkt_submission(ctx, f, "B", "E2", 4, wkt);
#undef P
    assert_int_equal(guotu_frame_prepare(ctx, f), GUOTU_OK);
    guotu_frame_dem dem = {{FX0, 10, 0, FY0 + 600, 0, -10}, BW, BH, 1, -9999};
    assert_int_equal(guotu_frame_set_dem(ctx, f, &dem), GUOTU_OK);
    size_t count = 99;
    assert_int_equal(guotu_frame_dem_columns_needed(ctx, f, 0, BH + 1, NULL, 0, &count), GUOTU_ERR_ARGUMENT);
    int64_t spans[2 * 16];
    float *rows = malloc(sizeof(float) * BW * (7 + 2));
    int64_t read_cells = 0;
    for (int64_t r0 = 0; r0 < BH; r0 += 7) {
        int64_t n = r0 + 7 <= BH ? 7 : BH - r0;
        int64_t first = r0 > 0 ? r0 - 1 : 0;
        for (size_t i = 0; i < BW * (7 + 2); i++)
            rows[i] = 1e6f;
        /* The band's rows in its columns; the row above in those of the band's first row, the
         * row below in those of its last row. */
        const int64_t reads[3][3] = {{r0, n, r0}, {r0, 1, r0 - 1}, {r0 + n - 1, 1, r0 + n}};
        for (int part = 0; part < 3; part++) {
            if (reads[part][2] < 0 || reads[part][2] >= BH) continue;
            assert_int_equal(guotu_frame_dem_columns_needed(ctx, f, reads[part][0], reads[part][1], spans, 16, &count),
                             GUOTU_OK);
            assert_true(count <= 16);
            int64_t from = reads[part][2], to = from + (part ? 1 : n);
            for (size_t k = 0; k < count; k++) {
                assert_true(spans[2 * k] >= 0 && spans[2 * k] < spans[2 * k + 1] && spans[2 * k + 1] <= BW);
                if (k) assert_true(spans[2 * k] > spans[2 * k - 1]); /* sorted, disjoint, not touching */
                for (int64_t r = from; r < to; r++)
                    for (int64_t c = spans[2 * k]; c < spans[2 * k + 1]; c++)
                        rows[(r - first) * BW + c] = rough(r, c);
                read_cells += (to - from) * (spans[2 * k + 1] - spans[2 * k]);
            }
        }
        assert_int_equal(guotu_frame_add_dem_rows(ctx, f, r0, n, rows), GUOTU_OK);
    }
    free(rows);
    /* Rows 0-6 meet E2 (x 0-50: columns 0-4, widened to 0-5) and E1's part A (x 88.8-447.1:
     * columns 8-44, widened to 7-45; E1's parts do not overlap, so its whole is not read). */
    assert_int_equal(guotu_frame_dem_columns_needed(ctx, f, 0, 7, spans, 16, &count), GUOTU_OK);
    assert_int_equal(count, 2);
    assert_int_equal(spans[0], 0);
    assert_int_equal(spans[1], 6);
    assert_int_equal(spans[2], 7);
    assert_int_equal(spans[3], 46);
    assert_int_equal(guotu_frame_finish(ctx, f, NULL, NULL), GUOTU_OK);

    GEOSContextHandle_t h = GEOS_init_r();
    size_t nz = guotu_frame_indicator_count(f);
    assert_int_equal(nz, 10); /* E1 and E2: whole, A, B, the two strips */
    for (size_t i = 0; i < nz; i++) {
        guotu_frame_indicators row;
        assert_int_equal(guotu_frame_indicator_row(ctx, f, i, &row), GUOTU_OK);
        GEOSGeometry *zone = GEOSGeomFromWKB_buf_r(h, row.wkb, row.wkb_size);
        assert_non_null(zone);
        double area = 0, w = 0, wz = 0, ws = 0, wss = 0, wsteep = 0, zmin = INFINITY, zmax = -INFINITY;
        assert_true(GEOSArea_r(h, zone, &area));
        for (int64_t r = 0; r < BH; r++)
            for (int64_t c = 0; c < BW; c++) {
                double x0 = FX0 + c * 10.0, y1 = FY0 + 600 - r * 10.0;
                GEOSGeometry *cell = GEOSGeom_createRectangle_r(h, x0, y1 - 10, x0 + 10, y1);
                GEOSGeometry *cut = GEOSIntersection_r(h, cell, zone);
                double a = 0;
                assert_true(GEOSArea_r(h, cut, &a));
                GEOSGeom_destroy_r(h, cut);
                GEOSGeom_destroy_r(h, cell);
                double share = a / 100.0;
                float cover = (float)(share < 1e-9 ? 0.0 : share > 1 ? 1.0 : share);
                float v = rough(r, c);
                if (!(cover > 0) || !cell_has_value(v)) continue;
                double wt = (double)cover * 100.0;
                w += wt;
                wz += wt * v;
                zmin = fmin(zmin, v);
                zmax = fmax(zmax, v);
                float s = brute_slope(r, c);
                if (isnan(s)) continue;
                ws += wt;
                wss += wt * s;
                if (s > 12) wsteep += wt;
            }
        GEOSGeom_destroy_r(h, zone);
        char what[64];
        snprintf(what, sizeof what, "zone %zu (%s %s/%s)", i, row.element_id, row.city_id, row.other_city_id);
        assert_relative(row.area_m2, area, what);
        assert_relative(row.elevation_mean, wz / w, what);
        assert_relative(row.elevation_min, zmin, what);
        assert_relative(row.elevation_max, zmax, what);
        assert_relative(row.slope_mean, wss / ws, what);
        assert_relative(row.slope_share, wsteep / ws, what);
        assert_relative(row.dem_share, w / area, what);
    }
    GEOS_finish_r(h);
    guotu_frame_destroy(ctx, f);
    guotu_context_destroy(ctx);
    assert_true(read_cells < (BH + 2 * 9) * BW); /* fewer cells than whole rows would be */
}

/* Forest share from a raster of class values: 20 m cells from x 5 (local), so the parts'
 * sides x 200 / 400 / 600 cut cells; rows from y 1000, so y 200 and 800 are row edges.
 * Columns 9-13 (x 185-285) hold 301, column 14 (x 285-305) 302, the others 101; cells of
 * rows 10-12, columns 15-17 (x 305-365, y 740-800, inside A) are no data (-1).
 * A [200,400] x [200,800]: forest x 200-305 = 105 x 600 = 63,000 m² over 120,000 - 3,600 m²
 * with a class: 0.541237...; it has a class on 116,400 / 120,000 = 0.97 of its area, a
 * landuse_incomplete finding. B [400,600]: 0. The whole: 63,000 / 236,400. A's strip (within
 * 100 m of B: x 300-400): 5 x 600 = 3,000 / (60,000 - 3,600); B's strip: 0. */
static void test_forest_share_from_raster(void **state) {
    (void)state;
    guotu_context *ctx = guotu_context_create();
    guotu_frame *f = two_city_frame(ctx, GUOTU_AREA_PLANAR, 5);
    assert_int_equal(guotu_frame_set_forest_codes(ctx, f, "0301;0302;0305;0307;03XX"), GUOTU_OK);
    assert_int_equal(guotu_frame_prepare(ctx, f), GUOTU_OK);
    guotu_raster_grid grid = {{FX0 + 5, 20, 0, FY0 + 1000, 0, -20}, 50, 50, 1, -1};
    assert_int_equal(guotu_frame_set_landuse_grid(ctx, f, &grid), GUOTU_OK);
    int32_t values[50 * 50];
    for (int r = 0; r < 50; r++)
        for (int c = 0; c < 50; c++)
            values[r * 50 + c] = (r >= 10 && r <= 12 && c >= 15 && c <= 17) ? -1
                                 : (c >= 9 && c <= 13)                      ? 301
                                 : c == 14                                  ? 302
                                                                            : 101;
    /* In two blocks: rows 0-24 and 25-49 (the parts span both). */
    assert_int_equal(guotu_frame_add_landuse_block(ctx, f, 0, 0, 25, 50, values, 50), GUOTU_OK);
    assert_int_equal(guotu_frame_add_landuse_block(ctx, f, 25, 0, 25, 50, values + 25 * 50, 50), GUOTU_OK);
    assert_int_equal(guotu_frame_add_landuse_block(ctx, f, 40, 0, 11, 50, values, 50), GUOTU_ERR_ARGUMENT);
    size_t wkb_size = 0;
    char wkt[256];
    unsigned char *wkb = wkt_to_wkb(lwkt(wkt, sizeof wkt, 200, 200, 250, 800), &wkb_size);
    assert_int_equal(guotu_frame_add_landuse(ctx, f, "0301", 1, wkb, wkb_size), GUOTU_ERR_STATE); /* not both */
    free(wkb);
    ind_log log = {0};
    assert_int_equal(guotu_frame_finish(ctx, f, log_indicator, &log), GUOTU_OK);
    guotu_frame_indicators rows[5];
    read_rows(ctx, f, rows, 5); /* whole, A, B, A's strip, B's strip */
    const double forest[5] = {63000.0 / 236400, 63000.0 / 116400, 0, 3000.0 / 56400, 0};
    for (int i = 0; i < 5; i++)
        assert_close(rows[i].forest_share, forest[i], 1e-12);
    int incomplete = 0;
    for (int i = 0; i < log.count && i < 16; i++)
        if (!strncmp(log.lines[i], "landuse_incomplete", 18)) {
            assert_string_equal(log.lines[i], "landuse_incomplete M01 A/ forest_share 0.9700 nan");
            incomplete++;
        }
    assert_int_equal(incomplete, 1);
    guotu_frame_destroy(ctx, f);
    guotu_context_destroy(ctx);

    /* Codes that are not whole numbers match no cell: refused rather than a share of 0. */
    ctx = guotu_context_create();
    f = two_city_frame(ctx, GUOTU_AREA_PLANAR, 5);
    assert_int_equal(guotu_frame_set_forest_codes(ctx, f, "林地;03A"), GUOTU_OK);
    assert_int_equal(guotu_frame_prepare(ctx, f), GUOTU_OK);
    assert_int_equal(guotu_frame_set_landuse_grid(ctx, f, &grid), GUOTU_ERR_DATA);
    assert_non_null(strstr(guotu_context_last_error(ctx), "none of the forest codes is a whole number"));
    guotu_frame_destroy(ctx, f);
    guotu_context_destroy(ctx);
}

/* The land-use windows the zones meet (the parts x 200-600 m, y 200-800 m are columns 9-29
 * and rows 10-39 of the 20 m grid) in whole blocks, clipped to the grid; read only there,
 * with every other cell a forest code, the shares are those of the whole raster. */
static void test_landuse_windows(void **state) {
    (void)state;
    guotu_context *ctx = guotu_context_create();
    guotu_frame *f = two_city_frame(ctx, GUOTU_AREA_PLANAR, 5);
    assert_int_equal(guotu_frame_set_forest_codes(ctx, f, "0301;0302;0305;0307"), GUOTU_OK);
    assert_int_equal(guotu_frame_prepare(ctx, f), GUOTU_OK);
    size_t count = 0;
    assert_int_equal(guotu_frame_landuse_windows_needed(ctx, f, 30, 30, NULL, 0, &count), GUOTU_ERR_STATE);
    guotu_raster_grid grid = {{FX0 + 5, 20, 0, FY0 + 1000, 0, -20}, 50, 50, 1, -1};
    assert_int_equal(guotu_frame_set_landuse_grid(ctx, f, &grid), GUOTU_OK);
    assert_int_equal(guotu_frame_landuse_windows_needed(ctx, f, 0, 30, NULL, 0, &count), GUOTU_ERR_ARGUMENT);
    /* Blocks of 30: block rows 0 (rows 0-29) and 1 (30-49, clipped), block column 0. */
    int64_t w[4 * 4];
    assert_int_equal(guotu_frame_landuse_windows_needed(ctx, f, 30, 30, NULL, 0, &count), GUOTU_OK);
    assert_int_equal(count, 2);
    assert_int_equal(guotu_frame_landuse_windows_needed(ctx, f, 30, 30, w, 1, &count), GUOTU_OK);
    assert_int_equal(count, 2); /* one written */
    assert_int_equal(guotu_frame_landuse_windows_needed(ctx, f, 30, 30, w, 4, &count), GUOTU_OK);
    const int64_t by30[8] = {0, 0, 30, 30, 30, 0, 20, 30};
    for (int i = 0; i < 8; i++)
        assert_int_equal(w[i], by30[i]);
    /* Blocks of 8: block rows 1-4 (rows 8-39), block columns 1-3 merged (columns 8-31). */
    assert_int_equal(guotu_frame_landuse_windows_needed(ctx, f, 8, 8, w, 4, &count), GUOTU_OK);
    assert_int_equal(count, 4);
    for (int k = 0; k < 4; k++) {
        const int64_t expect[4] = {8 + 8 * k, 8, 8, 24};
        for (int i = 0; i < 4; i++)
            assert_int_equal(w[4 * k + i], expect[i]);
    }
    /* Blocks of 8 x 5 (rows x columns): columns 5-29 as block columns 1-5, 5 cells each. */
    assert_int_equal(guotu_frame_landuse_windows_needed(ctx, f, 8, 5, w, 4, &count), GUOTU_OK);
    assert_int_equal(count, 4);
    assert_int_equal(w[1], 5);
    assert_int_equal(w[3], 25);
    /* The raster of test_forest_share_from_raster, added only in the 8 x 8 windows; every
     * cell outside them is forest, so reading one would change the shares. */
    int32_t values[50 * 50];
    for (int r = 0; r < 50; r++)
        for (int c = 0; c < 50; c++)
            values[r * 50 + c] = (r >= 10 && r <= 12 && c >= 15 && c <= 17) ? -1
                                 : (c >= 9 && c <= 13)                      ? 301
                                 : c == 14                                  ? 302
                                                                            : 101;
    assert_int_equal(guotu_frame_landuse_windows_needed(ctx, f, 8, 8, w, 4, &count), GUOTU_OK);
    int32_t poisoned[50 * 50];
    for (int i = 0; i < 50 * 50; i++)
        poisoned[i] = 301;
    for (size_t k = 0; k < count; k++)
        for (int64_t r = w[4 * k]; r < w[4 * k] + w[4 * k + 2]; r++)
            for (int64_t c = w[4 * k + 1]; c < w[4 * k + 1] + w[4 * k + 3]; c++)
                poisoned[r * 50 + c] = values[r * 50 + c];
    for (size_t k = 0; k < count; k++)
        assert_int_equal(guotu_frame_add_landuse_block(ctx, f, w[4 * k], w[4 * k + 1], w[4 * k + 2], w[4 * k + 3],
                                                       poisoned + w[4 * k] * 50 + w[4 * k + 1], 50),
                         GUOTU_OK);
    ind_log log = {0};
    assert_int_equal(guotu_frame_finish(ctx, f, log_indicator, &log), GUOTU_OK);
    assert_int_equal(guotu_frame_landuse_windows_needed(ctx, f, 8, 8, w, 4, &count), GUOTU_ERR_STATE);
    guotu_frame_indicators rows[5];
    read_rows(ctx, f, rows, 5); /* whole, A, B, A's strip, B's strip: as from the whole raster */
    const double forest[5] = {63000.0 / 236400, 63000.0 / 116400, 0, 3000.0 / 56400, 0};
    for (int i = 0; i < 5; i++)
        assert_close(rows[i].forest_share, forest[i], 1e-12);
    guotu_frame_destroy(ctx, f);
    guotu_context_destroy(ctx);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_catalogue_check),
        cmocka_unit_test(test_submitting_city_outside_catalogue),
        cmocka_unit_test(test_bad_catalogues),
        cmocka_unit_test(test_cancel),
        cmocka_unit_test(test_plane_parts_strips_and_findings),
        cmocka_unit_test(test_exact_fractions),
        cmocka_unit_test(test_dem_queries_refuse_alike),
        cmocka_unit_test(test_cone),
        cmocka_unit_test(test_slope_on_the_ellipsoid),
        cmocka_unit_test(test_indicator_input_errors),
        cmocka_unit_test(test_dem_not_covering),
        cmocka_unit_test(test_rounds),
        cmocka_unit_test(test_county_rollup),
        cmocka_unit_test(test_dem_spans_against_brute_force),
        cmocka_unit_test(test_forest_share_from_raster),
        cmocka_unit_test(test_landuse_windows),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
