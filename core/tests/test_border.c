/* test_border.c — cross-city border conflicts on a fixture where each kind occurs once.
 *
 * Planar metres from the GK-39 origin (X, Y), EPSG:4527, planar areas; corridor 200 m,
 * reach 5 m, snap 1 m. Admin units:
 *   A [0,1000]², B [1000,2000]x[0,1000]: border x = 1000, y 0..1000, 1000 m (A's boundary
 *     also runs 1 m along y = 0 and y = 1000 within the snap of B: those stubs are cut).
 *   C [3000,4000]x[0,1000], D [4000.5,5000]x[0,1000]: a 0.5 m sliver between them,
 *     0.5 x 1000 = 500 m² (admin_gap); E [3000,4000]x[998,2000] overlaps C by 1000 x 2 =
 *     2000 m² (admin_overlap); D and E come within 0.5 m over 2.9 m only: not neighbours.
 *   F: a bow-tie (admin_invalid), alone.
 * Elements along A|B (y ranges are border stretches):
 *   y 100-200  coordinated: red line A [900,1000] and red line B [1000,1100]       100 m
 *   y 250-350  category_mismatch: red line A, farmland B                          100 m
 *   y 400-500  discontinuity: red line A [850,1000], nothing in B                 100 m
 *   y 550-700  gap: red line A to the border, red line B [1050,1150]: the strip
 *              [1000,1050] x 150 m = 7500 m² in B is unprotected                  150 m
 *   y 750-850  overlap: red line A [900,1040] crosses 40 m into B (40 x 100 = 4000 m²);
 *              farmland B [1000,1100]x[800,850] double-claims 40 x 50 = 2000 m²     100 m
 *   elsewhere  none                                                               450 m
 * Weighted conflict 100 + 100 + 0.75·150 + 0.5·100 = 362.5 m over 550 m faced:
 * score 65.909. Bad input: an element with no city, one of city "Z", a bow-tie element.
 */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "border_internal.h"
#include "guotu/guotu.h"
#include "test_support.h"

#define X 39500000.0
#define Y 4400000.0

typedef struct log {
    int segments, conflicts, issues;
    double status_m[6];
    char kind[32][24], detail[32][16], side[32][8], cats_a[32][64], cats_b[32][64], names_a[32][64];
    double length[32], area[32];
    int has_line[32], has_area[32];
    char issue_kind[32][24];
    double issue_area[32];
    int stop_after; /* cancel at this conflict (0 = never) */
    int64_t id[32];
    int any_id; /* conflict ids of a part: not 1, 2, 3... */
} log_t;

static const char *const statuses[6] = {"overlap", "coordinated", "category_mismatch", "gap", "discontinuity", "none"};

static int on_segment(const guotu_border_segment *s, void *user) {
    log_t *log = user;
    assert_non_null(s->wkb);
    if (strcmp(s->admin_a, "A")) return 0;
    int k = 0;
    while (k < 6 && strcmp(statuses[k], s->status))
        k++;
    assert_true(k < 6);
    log->status_m[k] += s->length_m;
    log->segments++;
    if (!strcmp(s->status, "coordinated")) {
        assert_string_equal(s->names_a, "Taihang-A");
        assert_string_equal(s->names_b, "Taihang-B");
    }
    return 0;
}

static int on_conflict(const guotu_border_conflict *c, void *user) {
    log_t *log = user;
    int i = log->conflicts++;
    assert_true(i < 32);
    snprintf(log->kind[i], sizeof log->kind[i], "%s", c->kind);
    snprintf(log->detail[i], sizeof log->detail[i], "%s", c->detail);
    snprintf(log->side[i], sizeof log->side[i], "%s", c->side);
    snprintf(log->cats_a[i], sizeof log->cats_a[i], "%s", c->categories_a);
    snprintf(log->cats_b[i], sizeof log->cats_b[i], "%s", c->categories_b);
    snprintf(log->names_a[i], sizeof log->names_a[i], "%s", c->names_a);
    log->length[i] = c->length_m;
    log->area[i] = c->area_m2;
    log->has_line[i] = c->line_wkb != NULL;
    log->has_area[i] = c->area_wkb != NULL;
    log->id[i] = c->id;
    if (!log->any_id) assert_int_equal(c->id, i + 1);
    return log->stop_after && log->conflicts >= log->stop_after;
}

static int on_conflict_any_id(const guotu_border_conflict *c, void *user) {
    ((log_t *)user)->any_id = 1;
    return on_conflict(c, user);
}

static int on_issue(const guotu_border_issue *is, void *user) {
    log_t *log = user;
    int i = log->issues++;
    assert_true(i < 32);
    assert_true(strlen(is->message_en) > 0 && strlen(is->message_zh) > 0);
    snprintf(log->issue_kind[i], sizeof log->issue_kind[i], "%s", is->kind);
    log->issue_area[i] = is->area_m2;
    return 0;
}

static int find(const log_t *log, const char *kind, const char *detail) {
    for (int i = 0; i < log->conflicts; i++)
        if (!strcmp(log->kind[i], kind) && (!detail || !strcmp(log->detail[i], detail))) return i;
    fail_msg("no conflict %s %s", kind, detail ? detail : "");
    return -1;
}

static int count_issues(const log_t *log, const char *kind) {
    int n = 0;
    for (int i = 0; i < log->issues; i++)
        n += !strcmp(log->issue_kind[i], kind);
    return n;
}

static double issue_area(const log_t *log, const char *kind) {
    for (int i = 0; i < log->issues; i++)
        if (!strcmp(log->issue_kind[i], kind)) return log->issue_area[i];
    fail_msg("no issue %s", kind);
    return NAN;
}

static int add_wkt(guotu_context *ctx, guotu_border *b, const char *admin, const char *city, const char *category,
                   const char *name, int64_t fid, const char *wkt) {
    size_t n = 0;
    unsigned char *wkb = wkt ? wkt_to_wkb(wkt, &n) : NULL;
    int status = admin ? guotu_border_add_admin(ctx, b, admin, name, fid, wkb, n)
                       : guotu_border_add_element(ctx, b, city, category, name, fid, wkb, n);
    free(wkb);
    return status;
}

static const char *bx(char *w, double x0, double y0, double x1, double y1) {
    return box_wkt(w, 256, X + x0, Y + y0, X + x1, Y + y1);
}

static const char *bowtie(char *w, double x0) {
    snprintf(w, 256, "POLYGON((%f %f,%f %f,%f %f,%f %f,%f %f))", X + x0, Y, X + x0 + 200, Y + 200, X + x0 + 200, Y,
             X + x0, Y + 200, X + x0, Y);
    return w;
}

static guotu_border *fixture_part(guotu_context *ctx, int part, int parts) {
    guotu_border_options o;
    guotu_border_options_init(&o);
    o.crs = "EPSG:4527";
    o.area_method = GUOTU_AREA_PLANAR;
    o.part = part;
    o.parts = parts;
    guotu_border *b = NULL;
    assert_int_equal(guotu_border_create(ctx, &o, &b), GUOTU_OK);
    char w[256];
    const char *red = "ecological_redline", *farm = "permanent_farmland";
    /* Elements first: cities are matched at run time. */
    assert_int_equal(add_wkt(ctx, b, NULL, "A", red, "Taihang-A", 1, bx(w, 900, 100, 1000, 200)), GUOTU_OK);
    assert_int_equal(add_wkt(ctx, b, NULL, "B", red, "Taihang-B", 2, bx(w, 1000, 100, 1100, 200)), GUOTU_OK);
    assert_int_equal(add_wkt(ctx, b, NULL, "A", red, "Hills-A", 3, bx(w, 900, 250, 1000, 350)), GUOTU_OK);
    assert_int_equal(add_wkt(ctx, b, NULL, "B", farm, "Fields-B", 4, bx(w, 1000, 250, 1100, 350)), GUOTU_OK);
    assert_int_equal(add_wkt(ctx, b, NULL, "A", red, "River-A", 5, bx(w, 850, 400, 1000, 500)), GUOTU_OK);
    assert_int_equal(add_wkt(ctx, b, NULL, "A", red, "Gap-A", 6, bx(w, 900, 550, 1000, 700)), GUOTU_OK);
    assert_int_equal(add_wkt(ctx, b, NULL, "B", red, "Gap-B", 7, bx(w, 1050, 550, 1150, 700)), GUOTU_OK);
    assert_int_equal(add_wkt(ctx, b, NULL, "A", red, "Forest-A", 8, bx(w, 900, 750, 1040, 850)), GUOTU_OK);
    assert_int_equal(add_wkt(ctx, b, NULL, "B", farm, "Claim-B", 9, bx(w, 1000, 800, 1100, 850)), GUOTU_OK);
    assert_int_equal(add_wkt(ctx, b, NULL, "A", red, "Far-A", 10, bx(w, 0, 0, 100, 100)), GUOTU_OK);
    assert_int_equal(add_wkt(ctx, b, NULL, "", red, "Orphan", 11, bx(w, 100, 100, 200, 200)), GUOTU_OK);
    assert_int_equal(add_wkt(ctx, b, NULL, "Z", red, "Stranger", 12, bx(w, 100, 300, 200, 400)), GUOTU_OK);
    assert_int_equal(add_wkt(ctx, b, NULL, "A", farm, "", 13, bowtie(w, 200)), GUOTU_OK);
    assert_int_equal(add_wkt(ctx, b, NULL, "A", farm, NULL, 14, NULL), GUOTU_OK);
    assert_int_equal(add_wkt(ctx, b, "A", NULL, NULL, "甲市", 1, bx(w, 0, 0, 1000, 1000)), GUOTU_OK);
    assert_int_equal(add_wkt(ctx, b, "B", NULL, NULL, "乙市", 2, bx(w, 1000, 0, 2000, 1000)), GUOTU_OK);
    assert_int_equal(add_wkt(ctx, b, "C", NULL, NULL, "丙市", 3, bx(w, 3000, 0, 4000, 1000)), GUOTU_OK);
    assert_int_equal(add_wkt(ctx, b, "D", NULL, NULL, "丁市", 4, bx(w, 4000.5, 0, 5000, 1000)), GUOTU_OK);
    assert_int_equal(add_wkt(ctx, b, "E", NULL, NULL, "戊市", 5, bx(w, 3000, 998, 4000, 2000)), GUOTU_OK);
    assert_int_equal(add_wkt(ctx, b, "F", NULL, NULL, "己市", 6, bowtie(w, 7000)), GUOTU_OK);
    return b;
}

static guotu_border *fixture(guotu_context *ctx) { return fixture_part(ctx, 0, 1); }

static const guotu_border_callbacks callbacks = {on_segment, on_conflict, on_issue};
static const guotu_border_callbacks callbacks_any_id = {on_segment, on_conflict_any_id, on_issue};

static void test_each_conflict_once(void **state) {
    (void)state;
    guotu_context *ctx = guotu_context_create();
    guotu_border *b = fixture(ctx);
    log_t log;
    memset(&log, 0, sizeof log);
    assert_int_equal(guotu_border_run(ctx, b, &callbacks, &log), GUOTU_OK);

    assert_int_equal(log.conflicts, 5);
    int i = find(&log, "overlap", "crossing");
    assert_close(log.area[i], 4000, 1e-6);
    assert_close(log.length[i], 100, 1e-6);
    assert_string_equal(log.side[i], "A");
    assert_string_equal(log.names_a[i], "Forest-A");
    assert_true(log.has_area[i] && log.has_line[i]);
    i = find(&log, "overlap", "double_claim");
    assert_close(log.area[i], 2000, 1e-6);
    assert_close(log.length[i], 50, 1e-6);
    assert_string_equal(log.cats_b[i], "permanent_farmland");
    i = find(&log, "category_mismatch", NULL);
    assert_close(log.length[i], 100, 1e-6);
    assert_string_equal(log.cats_a[i], "ecological_redline");
    assert_string_equal(log.cats_b[i], "permanent_farmland");
    assert_true(log.has_line[i] && !log.has_area[i]);
    i = find(&log, "discontinuity", NULL);
    assert_close(log.length[i], 100, 1e-6);
    assert_string_equal(log.side[i], "B");
    assert_string_equal(log.names_a[i], "River-A");
    i = find(&log, "gap", "one_side");
    assert_close(log.length[i], 150, 1e-6);
    assert_close(log.area[i], 7500, 1e-6);
    assert_string_equal(log.side[i], "B");
    assert_true(log.has_line[i] && log.has_area[i]);

    /* Statuses along A|B add up to the border. */
    const double expect[6] = {100, 100, 100, 150, 100, 450};
    for (int k = 0; k < 6; k++)
        if (fabs(log.status_m[k] - expect[k]) > 1e-6)
            fail_msg("%s: %.9f m, expected %.1f", statuses[k], log.status_m[k], expect[k]);

    /* Base map and input issues. */
    assert_int_equal(count_issues(&log, "admin_invalid"), 1);
    assert_int_equal(count_issues(&log, "admin_overlap"), 1);
    assert_close(issue_area(&log, "admin_overlap"), 2000, 1e-6);
    assert_int_equal(count_issues(&log, "admin_gap"), 1);
    assert_close(issue_area(&log, "admin_gap"), 500, 1e-6);
    assert_int_equal(count_issues(&log, "element_no_city"), 1);
    assert_int_equal(count_issues(&log, "element_unknown_city"), 1);
    assert_int_equal(count_issues(&log, "element_invalid"), 1);
    assert_int_equal(count_issues(&log, "element_no_geometry"), 1);
    assert_int_equal(log.issues, 7);

    /* Pairs: A|B, C|D, C|E (D and E only meet at a corner). */
    assert_int_equal(guotu_border_pair_count(b), 3);
    guotu_border_pair p;
    assert_int_equal(guotu_border_pair_row(ctx, b, 0, &p), GUOTU_OK);
    assert_string_equal(p.admin_a, "A");
    assert_string_equal(p.admin_b, "B");
    assert_string_equal(p.name_b, "乙市");
    assert_close(p.border_m, 1000, 1e-6);
    assert_close(p.coordinated_m, 100, 1e-6);
    assert_close(p.mismatch_m, 100, 1e-6);
    assert_close(p.discontinuity_m, 100, 1e-6);
    assert_close(p.gap_m, 150, 1e-6);
    assert_close(p.overlap_m, 100, 1e-6);
    assert_close(p.none_m, 450, 1e-6);
    assert_close(p.overlap_area_m2, 4000, 1e-6);
    assert_close(p.gap_area_m2, 7500, 1e-6);
    assert_int_equal(p.conflicts, 5);
    assert_close(p.weighted_conflict_m, 362.5, 1e-6);
    assert_close(p.score, 100 * 362.5 / 550, 1e-6);
    assert_close(p.admin_overlap_m2, 0, 0);
    assert_int_equal(guotu_border_pair_row(ctx, b, 1, &p), GUOTU_OK);
    assert_string_equal(p.admin_a, "C");
    assert_string_equal(p.admin_b, "D");
    assert_close(p.border_m, 1000, 1e-6);
    assert_close(p.none_m, 1000, 1e-6);
    assert_close(p.admin_gap_m2, 500, 1e-6);
    assert_close(p.score, 0, 0);
    assert_int_equal(guotu_border_pair_row(ctx, b, 2, &p), GUOTU_OK);
    assert_string_equal(p.admin_b, "E");
    assert_close(p.admin_overlap_m2, 2000, 1e-6);
    assert_close(p.border_m, 1000, 1e-6);

    guotu_border_stats st;
    assert_int_equal(guotu_border_get_stats(ctx, b, &st), GUOTU_OK);
    assert_int_equal(st.admins, 6);
    assert_int_equal(st.elements, 14);
    assert_int_equal(st.elements_no_city, 1);
    assert_int_equal(st.elements_unknown_city, 1);
    assert_int_equal(st.admins_invalid, 1);
    assert_int_equal(guotu_border_run(ctx, b, &callbacks, &log), GUOTU_ERR_STATE);
    guotu_border_destroy(ctx, b);
    guotu_context_destroy(ctx);
}

/* Halving the corridor to 40 m puts Gap-B (50 m from the border) out of reach: the gap
 * becomes a discontinuity. */
static void test_corridor_width_decides_gap_or_discontinuity(void **state) {
    (void)state;
    guotu_context *ctx = guotu_context_create();
    guotu_border_options o;
    guotu_border_options_init(&o);
    o.crs = "EPSG:4527";
    o.area_method = GUOTU_AREA_PLANAR;
    o.corridor_m = 40;
    guotu_border *b = NULL;
    assert_int_equal(guotu_border_create(ctx, &o, &b), GUOTU_OK);
    char w[256];
    assert_int_equal(add_wkt(ctx, b, "A", NULL, NULL, "", 1, bx(w, 0, 0, 1000, 1000)), GUOTU_OK);
    assert_int_equal(add_wkt(ctx, b, "B", NULL, NULL, "", 2, bx(w, 1000, 0, 2000, 1000)), GUOTU_OK);
    assert_int_equal(add_wkt(ctx, b, NULL, "A", "red", "Gap-A", 6, bx(w, 900, 550, 1000, 700)), GUOTU_OK);
    assert_int_equal(add_wkt(ctx, b, NULL, "B", "red", "Gap-B", 7, bx(w, 1050, 550, 1150, 700)), GUOTU_OK);
    log_t log;
    memset(&log, 0, sizeof log);
    assert_int_equal(guotu_border_run(ctx, b, &callbacks, &log), GUOTU_OK);
    assert_int_equal(log.conflicts, 1);
    assert_string_equal(log.kind[0], "discontinuity");
    assert_close(log.length[0], 150, 1e-6);
    guotu_border_destroy(ctx, b);
    guotu_context_destroy(ctx);
}

/* A gap strip ends at the element facing the border, even when the element's edge lies a
 * hair (0.5 µm, below the 1 µm at which two places along the border are one) inside the
 * strip's flat end. A [0,1000]², B [1000,2000]x[0,1000]; B's red line [1000,1100]x[100,200]
 * reaches the border, A's red line [900,960]x[100,200 - hair] faces it 40 m off. The strip in A
 * is the corridor [800,1000]x[100,200] less the element: [960,1000]x[100,200] = 40 x 100 =
 * 4000 m² at the border. The ground behind the element, [800,900]x[100,200] (10000 m²), is
 * joined to it only by the hair-thin band across the element's top: an exact overlay made it
 * one 14000 m² strip (what the old synthetic data's pairs showed, up to 64 % more gap area); it
 * is not part of the gap. The same with the element's edge exactly on the strip's end. */
static void test_gap_strip_stops_at_the_element(void **state) {
    (void)state;
    const double hairs[2] = {5e-7, 0};
    for (int k = 0; k < 2; k++) {
        guotu_context *ctx = guotu_context_create();
        guotu_border_options o;
        guotu_border_options_init(&o);
        o.crs = "EPSG:4527";
        o.area_method = GUOTU_AREA_PLANAR;
        guotu_border *b = NULL;
        assert_int_equal(guotu_border_create(ctx, &o, &b), GUOTU_OK);
        char w[256];
        assert_int_equal(add_wkt(ctx, b, "A", NULL, NULL, "", 1, bx(w, 0, 0, 1000, 1000)), GUOTU_OK);
        assert_int_equal(add_wkt(ctx, b, "B", NULL, NULL, "", 2, bx(w, 1000, 0, 2000, 1000)), GUOTU_OK);
        assert_int_equal(add_wkt(ctx, b, NULL, "B", "red", "Ridge-B", 1, bx(w, 1000, 100, 1100, 200)), GUOTU_OK);
        double top = Y + 200 - hairs[k];
        snprintf(w, sizeof w, "POLYGON((%.9f %.9f,%.9f %.9f,%.9f %.9f,%.9f %.9f,%.9f %.9f))", X + 900, Y + 100, X + 960,
                 Y + 100, X + 960, top, X + 900, top, X + 900, Y + 100);
        assert_true(hairs[k] == 0 || top < Y + 200);
        assert_int_equal(add_wkt(ctx, b, NULL, "A", "red", "Ridge-A", 2, w), GUOTU_OK);
        log_t log;
        memset(&log, 0, sizeof log);
        assert_int_equal(guotu_border_run(ctx, b, &callbacks, &log), GUOTU_OK);
        assert_int_equal(log.conflicts, 1);
        assert_string_equal(log.kind[0], "gap");
        assert_string_equal(log.detail[0], "one_side");
        assert_string_equal(log.side[0], "A");
        assert_close(log.length[0], 100, 1e-6);
        assert_close(log.area[0], 4000, 1e-3);
        guotu_border_destroy(ctx, b);
        guotu_context_destroy(ctx);
    }
}

/* An element crossing into the other unit by less than the minimum overlap area (100 m²) is not
 * reported, but the ground it claims there is protected: a gap strip in that unit is less it.
 * A's red line [900,1000.1]x[100,200] crosses 0.1 m into B (10 m²); B's red line
 * [1050,1150]x[100,200] faces the border 50 m off. The strip in B: [1000,1050] x 100 m = 5000 m²
 * less the 10 m² A's element claims = 4990 m². */
static void test_gap_strip_less_a_small_crossing(void **state) {
    (void)state;
    guotu_context *ctx = guotu_context_create();
    guotu_border_options o;
    guotu_border_options_init(&o);
    o.crs = "EPSG:4527";
    o.area_method = GUOTU_AREA_PLANAR;
    guotu_border *b = NULL;
    assert_int_equal(guotu_border_create(ctx, &o, &b), GUOTU_OK);
    char w[256];
    assert_int_equal(add_wkt(ctx, b, "A", NULL, NULL, "", 1, bx(w, 0, 0, 1000, 1000)), GUOTU_OK);
    assert_int_equal(add_wkt(ctx, b, "B", NULL, NULL, "", 2, bx(w, 1000, 0, 2000, 1000)), GUOTU_OK);
    assert_int_equal(add_wkt(ctx, b, NULL, "A", "red", "Ridge-A", 1, bx(w, 900, 100, 1000.1, 200)), GUOTU_OK);
    assert_int_equal(add_wkt(ctx, b, NULL, "B", "red", "Ridge-B", 2, bx(w, 1050, 100, 1150, 200)), GUOTU_OK);
    log_t log;
    memset(&log, 0, sizeof log);
    assert_int_equal(guotu_border_run(ctx, b, &callbacks, &log), GUOTU_OK);
    assert_int_equal(log.conflicts, 1);
    assert_string_equal(log.kind[0], "gap");
    assert_string_equal(log.side[0], "B");
    assert_close(log.length[0], 100, 1e-6);
    assert_close(log.area[0], 4990, 1e-3);
    guotu_border_destroy(ctx, b);
    guotu_context_destroy(ctx);
}

static void test_bad_input(void **state) {
    (void)state;
    guotu_context *ctx = guotu_context_create();
    guotu_border_options o;
    guotu_border_options_init(&o);
    guotu_border *b = NULL;
    o.crs = "EPSG:4490"; /* geographic CGCS2000: metres mean nothing */
    assert_int_equal(guotu_border_create(ctx, &o, &b), GUOTU_ERR_CRS);
    assert_non_null(strstr(guotu_context_last_error(ctx), "projected"));
    o.crs = NULL;
    assert_int_equal(guotu_border_create(ctx, &o, &b), GUOTU_ERR_CRS);
    o.crs = "EPSG:4527";
    o.corridor_m = -1;
    assert_int_equal(guotu_border_create(ctx, &o, &b), GUOTU_ERR_ARGUMENT);
    o.corridor_m = 200;
    assert_int_equal(guotu_border_create(ctx, &o, &b), GUOTU_OK);
    char w[256];
    assert_int_equal(add_wkt(ctx, b, "A", NULL, NULL, "", 1, bx(w, 0, 0, 1000, 1000)), GUOTU_OK);
    assert_int_equal(add_wkt(ctx, b, "A", NULL, NULL, "", 7, bx(w, 1000, 0, 2000, 1000)), GUOTU_ERR_DATA);
    assert_non_null(strstr(guotu_context_last_error(ctx), "appears twice"));
    assert_int_equal(add_wkt(ctx, b, "", NULL, NULL, "", 8, bx(w, 1000, 0, 2000, 1000)), GUOTU_ERR_DATA);
    char line[128];
    snprintf(line, sizeof line, "LINESTRING(%f %f,%f %f)", X, Y, X + 10, Y);
    assert_int_equal(add_wkt(ctx, b, NULL, "A", "red", "", 9, line), GUOTU_ERR_GEOMETRY);
    assert_non_null(strstr(guotu_context_last_error(ctx), "feature 9"));
    assert_int_equal(add_wkt(ctx, b, NULL, "A", "", "", 10, bx(w, 0, 0, 10, 10)), GUOTU_ERR_DATA);
    assert_non_null(strstr(guotu_context_last_error(ctx), "no category"));
    guotu_border_destroy(ctx, b);
    /* An admin unit without ground is reported. */
    assert_int_equal(guotu_border_create(ctx, &o, &b), GUOTU_OK);
    assert_int_equal(add_wkt(ctx, b, "A", NULL, NULL, "", 1, bx(w, 0, 0, 1000, 1000)), GUOTU_OK);
    assert_int_equal(add_wkt(ctx, b, "G", NULL, NULL, "", 2, "POLYGON EMPTY"), GUOTU_OK);
    log_t log;
    memset(&log, 0, sizeof log);
    assert_int_equal(guotu_border_run(ctx, b, &callbacks, &log), GUOTU_OK);
    assert_int_equal(log.issues, 1);
    assert_string_equal(log.issue_kind[0], "admin_empty");
    assert_int_equal(guotu_border_pair_count(b), 0);
    guotu_border_destroy(ctx, b);
    /* No admin units at all. */
    assert_int_equal(guotu_border_create(ctx, &o, &b), GUOTU_OK);
    assert_int_equal(guotu_border_run(ctx, b, NULL, NULL), GUOTU_ERR_DATA);
    guotu_border_destroy(ctx, b);
    guotu_context_destroy(ctx);
}

/* An enclave: B inside a hole of A, so the shared border is a closed ring (4000 m) and an
 * element at a corner of the hole faces both ends of the ring. A's red lines reach the
 * ring on [1200,1500] of its west side (300 m) and, from the south-west corner,
 * [1000,1100] (100 m): 400 m of discontinuity, the rest none. */
static void test_enclave_ring(void **state) {
    (void)state;
    guotu_context *ctx = guotu_context_create();
    guotu_border_options o;
    guotu_border_options_init(&o);
    o.crs = "EPSG:4527";
    o.area_method = GUOTU_AREA_PLANAR;
    guotu_border *b = NULL;
    assert_int_equal(guotu_border_create(ctx, &o, &b), GUOTU_OK);
    char w[512], hole[256];
    box_wkt(hole, sizeof hole, X + 1000, Y + 1000, X + 2000, Y + 2000);
    snprintf(w, sizeof w, "POLYGON((%f %f,%f %f,%f %f,%f %f,%f %f),%s", X, Y, X + 3000, Y, X + 3000, Y + 3000, X,
             Y + 3000, X, Y, strchr(hole, '(') + 1);
    assert_int_equal(add_wkt(ctx, b, "A", NULL, NULL, "", 1, w), GUOTU_OK);
    assert_int_equal(add_wkt(ctx, b, "B", NULL, NULL, "", 2, bx(w, 1000, 1000, 2000, 2000)), GUOTU_OK);
    assert_int_equal(add_wkt(ctx, b, NULL, "A", "red", "west", 1, bx(w, 900, 1200, 1000, 1500)), GUOTU_OK);
    assert_int_equal(add_wkt(ctx, b, NULL, "A", "red", "corner", 2, bx(w, 900, 900, 1000, 1100)), GUOTU_OK);
    log_t log;
    memset(&log, 0, sizeof log);
    assert_int_equal(guotu_border_run(ctx, b, &callbacks, &log), GUOTU_OK);
    guotu_border_pair p;
    assert_int_equal(guotu_border_pair_count(b), 1);
    assert_int_equal(guotu_border_pair_row(ctx, b, 0, &p), GUOTU_OK);
    assert_close(p.border_m, 4000, 1e-6);
    assert_close(p.discontinuity_m, 400, 1e-6);
    assert_close(p.none_m, 3600, 1e-6);
    assert_int_equal(log.conflicts, 2);
    guotu_border_destroy(ctx, b);
    guotu_context_destroy(ctx);
}

/* Two parts on two contexts, merged: the same pairs, conflicts and issues as one run. */
static void test_parts_merge_to_the_whole(void **state) {
    (void)state;
    guotu_context *ctx[2] = {guotu_context_create(), guotu_context_create()};
    guotu_border *b[2];
    log_t log[2];
    int64_t ids[64];
    int nids = 0;
    for (int k = 0; k < 2; k++) {
        b[k] = fixture_part(ctx[k], k, 2);
        memset(&log[k], 0, sizeof log[k]);
        assert_int_equal(guotu_border_run(ctx[k], b[k], &callbacks_any_id, &log[k]), GUOTU_OK);
        for (int i = 0; i < log[k].conflicts; i++)
            ids[nids++] = log[k].id[i];
    }
    assert_int_equal(log[0].conflicts + log[1].conflicts, 5);
    assert_int_equal(log[0].issues + log[1].issues, 7);
    for (int i = 0; i < nids; i++)
        for (int j = i + 1; j < nids; j++)
            assert_true(ids[i] != ids[j]);
    for (int st = 0; st < 6; st++) {
        double whole[6] = {100, 100, 100, 150, 100, 450};
        assert_close(log[0].status_m[st] + log[1].status_m[st], whole[st], 1e-6);
    }
    assert_int_equal(guotu_border_merge(ctx[0], b[0], b[1]), GUOTU_OK);
    guotu_border_destroy(ctx[1], b[1]);
    assert_int_equal(guotu_border_pair_count(b[0]), 3);
    const char *order[3][2] = {{"A", "B"}, {"C", "D"}, {"C", "E"}};
    for (size_t i = 0; i < 3; i++) {
        guotu_border_pair p;
        assert_int_equal(guotu_border_pair_row(ctx[0], b[0], i, &p), GUOTU_OK);
        assert_string_equal(p.admin_a, order[i][0]);
        assert_string_equal(p.admin_b, order[i][1]);
        if (i == 0) assert_close(p.score, 100 * 362.5 / 550, 1e-6);
    }
    guotu_border_destroy(ctx[0], b[0]);
    guotu_context_destroy(ctx[0]);
    guotu_context_destroy(ctx[1]);
}

static int cancel_at_once(double fraction, const char *message, void *user) {
    (void)fraction;
    (void)message;
    (void)user;
    return 1;
}

static void test_cancel(void **state) {
    (void)state;
    guotu_context *ctx = guotu_context_create();
    guotu_border *b = fixture(ctx);
    log_t log;
    memset(&log, 0, sizeof log);
    log.stop_after = 2;
    assert_int_equal(guotu_border_run(ctx, b, &callbacks, &log), GUOTU_ERR_CANCELLED);
    assert_int_equal(log.conflicts, 2);
    guotu_border_destroy(ctx, b);
    b = fixture(ctx);
    guotu_context_set_progress(ctx, cancel_at_once, NULL);
    assert_int_equal(guotu_border_run(ctx, b, NULL, NULL), GUOTU_ERR_CANCELLED);
    guotu_border_destroy(ctx, b);
    guotu_context_destroy(ctx);
}

/* A band cut into boxes (border_local.c): the first elements get the whole band (cutting it
 * would cost more than it saves for a band few elements need); once a box has served
 * BORDER_LOCAL_SPLIT_USES elements it is cut, and the ground handed out for a small element is
 * smaller than the band with the same overlay with the element; a big element gets the whole
 * band. */
static void test_local_band_parts(void **state) {
    (void)state;
    guotu_context *ctx = guotu_context_create();
    GEOSContextHandle_t h = ctx->geos;
    /* A zigzag border 4 km long (a vertex every 50 m, ±20 m) and its 200 m corridor. */
    double xy[2 * 81];
    for (int i = 0; i <= 80; i++) {
        xy[2 * i] = X + 50.0 * i;
        xy[2 * i + 1] = Y + (i % 2 ? 20.0 : -20.0);
    }
    GEOSGeometry *line = GEOSGeom_createLineString_r(h, GEOSCoordSeq_copyFromBuffer_r(h, xy, 81, 0, 0));
    GEOSGeometry *band = GEOSBuffer_r(h, line, 200, 8);
    assert_non_null(band);
    border_local local;
    border_local_init(&local, band);
    int whole_points = GEOSGetNumCoordinates_r(h, band), smaller = 0, whole = 0, asked = 0;
    /* The same 40 elements asked for 20 times: 800 elements along the border. */
    for (int round = 0; round < 20; round++) {
        for (int k = 0; k < 40; k++) {
            /* 30 m squares across the corridor's edge and across the border */
            double x0 = X + 97.0 * k + 3, y0 = Y + (k % 2 ? 185.0 : -15.0);
            GEOSGeometry *e = GEOSGeom_createRectangle_r(h, x0, y0, x0 + 30, y0 + 30);
            const GEOSGeometry *part = border_local_part(ctx, &local, e);
            assert_non_null(part);
            if (asked++ < BORDER_LOCAL_SPLIT_USES) whole += part == band;
            if (round == 19) smaller += GEOSGetNumCoordinates_r(h, part) < whole_points / 4;
            GEOSGeometry *a = GEOSIntersection_r(h, e, part), *b = GEOSIntersection_r(h, e, band);
            double area_a = 0, area_b = 0;
            GEOSArea_r(h, a, &area_a);
            GEOSArea_r(h, b, &area_b);
            assert_true(area_b > 0 && area_b <= 900.0 + 1e-6);
            assert_true(fabs(area_a - area_b) <= 1e-9 * area_b);
            GEOSGeom_destroy_r(h, a);
            GEOSGeom_destroy_r(h, b);
            GEOSGeom_destroy_r(h, e);
        }
    }
    assert_int_equal(whole, BORDER_LOCAL_SPLIT_USES);
    assert_int_equal(smaller, 40);
    GEOSGeometry *big = GEOSGeom_createRectangle_r(h, X - 10, Y - 300, X + 4010, Y + 300);
    assert_ptr_equal(border_local_part(ctx, &local, big), band);
    GEOSGeom_destroy_r(h, big);
    border_local_free(ctx, &local);
    GEOSGeom_destroy_r(h, band);
    GEOSGeom_destroy_r(h, line);
    guotu_context_destroy(ctx);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_each_conflict_once),
        cmocka_unit_test(test_corridor_width_decides_gap_or_discontinuity),
        cmocka_unit_test(test_gap_strip_stops_at_the_element),
        cmocka_unit_test(test_gap_strip_less_a_small_crossing),
        cmocka_unit_test(test_bad_input),
        cmocka_unit_test(test_cancel),
        cmocka_unit_test(test_parts_merge_to_the_whole),
        cmocka_unit_test(test_enclave_ring),
        cmocka_unit_test(test_local_band_parts),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
