/* test_lines.c — three-lines checks on a fixture that triggers every rule once.
 *
 * Planar metres (CGCS2000 / GK 39 for a projected CRS). Admin units:
 *   A1 "110101" [0,1000]²: red-line target 30 ha, farmland target 50 ha, 2020 urban land
 *      3 ha (cap: the default 1.3), cultivated land 100 ha.  A2 "110102" [1000,2000]x[0,1000].
 * Red line:  R1 [0,200]x[0,1000] 20 ha; R2 [900,1100]x[800,900] 2 ha across A1|A2 (L10);
 *            R3 bow-tie in A2 (L01), 2 ha once repaired.
 * Farmland:  F1 [150,400]x[0,1000] 25 ha, overlaps R1 by 50x1000 m = 5 ha (L04);
 *            F2 [400,600]x[0,400] 8 ha; F3 = F4 = [550,650]x[0,400] 4 ha: F3/F4 duplicates
 *            (L02), each overlaps F2 by 2 ha (L03 x2); F5 [700,705]x[0,5] 25 m² (L08);
 *            F6 [700,1000]x[100,100.5] mean width 2·150/601 = 0.4992 m (L07);
 *            F7 [1500,1600]x[0,100], F8 [1599.995,1700]x[0,100]: 0.5 m² overlap, minor (L03);
 *            F9 [1500,1600]x[100.4,200]: 0.4 m from F7 (L09; F8 is 0.4 m away too, but only from
 *            x = 1599.995: both pairs are within the 1 m band, so L09 twice).
 * Urban:     U1 [300,500]x[500,700] 4 ha overlaps F1 by 2 ha (L06); U2 [50,100]x[950,1000]
 *            0.25 ha inside R1 (L05).
 * A1: red line 20 + 1 (half of R2) = 21 ha < 30 (L13); farmland 25 + 8 + 4 + 4 + 0.0025 +
 *     0.015 = 41.0175 ha < 50 (L12) and 41.0175 % of 100 ha < 80 % (L14); urban 4.25 ha ÷
 *     3 ha = 1.4167 > 1.3 (L11).
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

#define X 39500000.0
#define Y 4400000.0

typedef struct issue_log {
    int count;
    char rules[64][4];
    char severity[64][8];
    double value[64];
    char fingerprint[64][17];
    int64_t fid_a[64], fid_b[64];
} issue_log;

static int log_issue(const guotu_line_issue *i, void *user) {
    issue_log *log = user;
    assert_true(log->count < 64);
    assert_non_null(i->wkb);
    assert_true(strlen(i->message_zh) > 0 && strlen(i->message_en) > 0);
    snprintf(log->rules[log->count], 4, "%s", i->rule_id);
    snprintf(log->severity[log->count], 8, "%s", i->severity);
    snprintf(log->fingerprint[log->count], 17, "%s", i->fingerprint);
    log->value[log->count] = i->value;
    log->fid_a[log->count] = i->fid_a;
    log->fid_b[log->count] = i->fid_b;
    log->count++;
    return 0;
}

static int count_rule(const issue_log *log, const char *rule) {
    int n = 0;
    for (int i = 0; i < log->count; i++)
        n += !strcmp(log->rules[i], rule);
    return n;
}

static int find(const issue_log *log, const char *rule, int nth) {
    for (int i = 0; i < log->count; i++)
        if (!strcmp(log->rules[i], rule) && nth-- == 0) return i;
    fail_msg("no issue %s", rule);
    return -1;
}

static int add(guotu_context *ctx, guotu_lines *l, guotu_line line, int64_t fid, const char *wkt) {
    size_t n = 0;
    unsigned char *wkb = wkt_to_wkb(wkt, &n);
    int status = guotu_lines_add(ctx, l, line, fid, wkb, n);
    free(wkb);
    return status;
}

static const char *b(char *w, double x0, double y0, double x1, double y1) {
    return box_wkt(w, 256, X + x0, Y + y0, X + x1, Y + y1);
}

static guotu_lines *fixture(guotu_context *ctx, double f1_right) {
    guotu_lines_options o;
    guotu_lines_options_init(&o);
    o.crs = "EPSG:4527";
    o.area_method = GUOTU_AREA_PLANAR;
    guotu_lines *l = NULL;
    assert_int_equal(guotu_lines_create(ctx, &o, &l), GUOTU_OK);
    char w[256];
    guotu_admin_values a1 = {30, 50, 3, NAN, 100}, a2 = {NAN, NAN, NAN, NAN, NAN};
    size_t n = 0;
    unsigned char *wkb = wkt_to_wkb(b(w, 0, 0, 1000, 1000), &n);
    assert_int_equal(guotu_lines_add_admin(ctx, l, "110101", "甲区", &a1, 1, wkb, n), GUOTU_OK);
    free(wkb);
    wkb = wkt_to_wkb(b(w, 1000, 0, 2000, 1000), &n);
    assert_int_equal(guotu_lines_add_admin(ctx, l, "110102", "乙区", &a2, 2, wkb, n), GUOTU_OK);
    free(wkb);
    assert_int_equal(add(ctx, l, GUOTU_LINE_REDLINE, 1, b(w, 0, 0, 200, 1000)), GUOTU_OK);
    assert_int_equal(add(ctx, l, GUOTU_LINE_REDLINE, 2, b(w, 900, 800, 1100, 900)), GUOTU_OK);
    char bowtie[256];
    snprintf(bowtie, sizeof bowtie, "POLYGON((%f %f,%f %f,%f %f,%f %f,%f %f))", X + 1200, Y, X + 1400, Y + 200,
             X + 1400, Y, X + 1200, Y + 200, X + 1200, Y);
    assert_int_equal(add(ctx, l, GUOTU_LINE_REDLINE, 3, bowtie), GUOTU_OK);
    assert_int_equal(add(ctx, l, GUOTU_LINE_FARMLAND, 1, b(w, 150, 0, f1_right, 1000)), GUOTU_OK);
    assert_int_equal(add(ctx, l, GUOTU_LINE_FARMLAND, 2, b(w, 400, 0, 600, 400)), GUOTU_OK);
    assert_int_equal(add(ctx, l, GUOTU_LINE_FARMLAND, 3, b(w, 550, 0, 650, 400)), GUOTU_OK);
    assert_int_equal(add(ctx, l, GUOTU_LINE_FARMLAND, 4, b(w, 550, 0, 650, 400)), GUOTU_OK);
    assert_int_equal(add(ctx, l, GUOTU_LINE_FARMLAND, 5, b(w, 700, 0, 705, 5)), GUOTU_OK);
    assert_int_equal(add(ctx, l, GUOTU_LINE_FARMLAND, 6, b(w, 700, 100, 1000, 100.5)), GUOTU_OK);
    assert_int_equal(add(ctx, l, GUOTU_LINE_FARMLAND, 7, b(w, 1500, 0, 1600, 100)), GUOTU_OK);
    assert_int_equal(add(ctx, l, GUOTU_LINE_FARMLAND, 8, b(w, 1599.995, 0, 1700, 100)), GUOTU_OK);
    assert_int_equal(add(ctx, l, GUOTU_LINE_FARMLAND, 9, b(w, 1500, 100.4, 1600, 200)), GUOTU_OK);
    assert_int_equal(add(ctx, l, GUOTU_LINE_URBAN, 1, b(w, 300, 500, 500, 700)), GUOTU_OK);
    assert_int_equal(add(ctx, l, GUOTU_LINE_URBAN, 2, b(w, 50, 950, 100, 1000)), GUOTU_OK);
    return l;
}

static void test_every_rule_once(void **state) {
    (void)state;
    guotu_context *ctx = guotu_context_create();
    guotu_lines *l = fixture(ctx, 400);
    issue_log log;
    memset(&log, 0, sizeof log);
    assert_int_equal(guotu_lines_run(ctx, l, log_issue, &log), GUOTU_OK);
    const char *once[] = {"L01", "L02", "L04", "L05", "L06", "L07", "L08", "L10", "L11", "L12", "L13", "L14"};
    for (size_t i = 0; i < sizeof once / sizeof once[0]; i++)
        if (count_rule(&log, once[i]) != 1) fail_msg("%s reported %d times", once[i], count_rule(&log, once[i]));
    assert_int_equal(count_rule(&log, "L03"), 3);
    assert_int_equal(count_rule(&log, "L09"), 2);
    assert_close(log.value[find(&log, "L09", 0)], 0.4, 1e-6);
    assert_close(log.value[find(&log, "L09", 1)], 0.4, 1e-6);
    assert_int_equal(log.count, 17);
    assert_close(log.value[find(&log, "L04", 0)], 5.0, 1e-9);
    assert_close(log.value[find(&log, "L05", 0)], 0.25, 1e-9);
    assert_close(log.value[find(&log, "L06", 0)], 2.0, 1e-9);
    assert_close(log.value[find(&log, "L07", 0)], 300.0 / 601.0, 1e-6);
    assert_close(log.value[find(&log, "L08", 0)], 25e-4, 1e-9);
    assert_close(log.value[find(&log, "L11", 0)], 4.25 / 3.0, 1e-9);
    assert_close(log.value[find(&log, "L12", 0)], 41.0175 - 50.0, 1e-6);
    assert_close(log.value[find(&log, "L13", 0)], 21.0 - 30.0, 1e-9);
    assert_close(log.value[find(&log, "L14", 0)], 0.410175, 1e-6);
    int minor = 0, errors = 0;
    for (int i = 0; i < log.count; i++) {
        if (strcmp(log.rules[i], "L03")) continue;
        if (!strcmp(log.severity[i], "minor")) {
            minor++;
            assert_close(log.value[i], 0.5e-4, 1e-9);
        } else {
            errors++;
            assert_close(log.value[i], 2.0, 1e-9);
        }
    }
    assert_int_equal(minor, 1);
    assert_int_equal(errors, 2);
    assert_int_equal(guotu_lines_stats_count(l), 2);
    guotu_line_stats st;
    assert_int_equal(guotu_lines_stats_row(ctx, l, 0, &st), GUOTU_OK);
    assert_string_equal(st.admin_code, "110101");
    assert_close(st.redline_ha, 21.0, 1e-9);
    assert_close(st.farmland_ha, 41.0175, 1e-6);
    assert_close(st.urban_ha, 4.25, 1e-9);
    assert_int_equal(st.expansion_ok, 0);
    assert_int_equal(st.redline_ok, 0);
    assert_int_equal(st.farmland_ok, 0);
    assert_int_equal(st.share_ok, 0);
    assert_close(st.values.expansion_cap, 1.3, 0);
    assert_int_equal(guotu_lines_stats_row(ctx, l, 1, &st), GUOTU_OK);
    assert_close(st.redline_ha, 3.0, 1e-9);
    assert_int_equal(st.redline_ok, -1); /* no target given: not checked */
    assert_int_equal(guotu_lines_run(ctx, l, log_issue, &log), GUOTU_ERR_STATE);
    guotu_lines_destroy(ctx, l);
    guotu_context_destroy(ctx);
}

static void test_fingerprints_follow_the_features(void **state) {
    (void)state;
    guotu_context *ctx = guotu_context_create();
    issue_log a, b2, c;
    memset(&a, 0, sizeof a);
    memset(&b2, 0, sizeof b2);
    memset(&c, 0, sizeof c);
    guotu_lines *l = fixture(ctx, 400);
    assert_int_equal(guotu_lines_run(ctx, l, log_issue, &a), GUOTU_OK);
    guotu_lines_destroy(ctx, l);
    l = fixture(ctx, 400);
    assert_int_equal(guotu_lines_run(ctx, l, log_issue, &b2), GUOTU_OK);
    guotu_lines_destroy(ctx, l);
    /* F1 redrawn (now up to 420 m): its overlaps get new fingerprints, the others keep theirs. */
    l = fixture(ctx, 420);
    assert_int_equal(guotu_lines_run(ctx, l, log_issue, &c), GUOTU_OK);
    guotu_lines_destroy(ctx, l);
    assert_string_equal(a.fingerprint[find(&a, "L04", 0)], b2.fingerprint[find(&b2, "L04", 0)]);
    assert_string_not_equal(a.fingerprint[find(&a, "L04", 0)], c.fingerprint[find(&c, "L04", 0)]);
    assert_string_equal(a.fingerprint[find(&a, "L05", 0)], c.fingerprint[find(&c, "L05", 0)]);
    /* F3 and F4 are identical polygons, yet F2∩F3 and F2∩F4 are two issues to accept. */
    int first = -1, second = -1;
    for (int i = 0; i < a.count; i++)
        if (!strcmp(a.rules[i], "L03") && !strcmp(a.severity[i], "error")) {
            if (first < 0)
                first = i;
            else
                second = i;
        }
    assert_true(first >= 0 && second >= 0);
    assert_string_not_equal(a.fingerprint[first], a.fingerprint[second]);
    guotu_context_destroy(ctx);
}

static void test_bad_input(void **state) {
    (void)state;
    guotu_context *ctx = guotu_context_create();
    guotu_lines_options o;
    guotu_lines_options_init(&o);
    o.area_method = GUOTU_AREA_PLANAR;
    guotu_lines *l = NULL;
    assert_int_equal(guotu_lines_create(ctx, &o, &l), GUOTU_OK);
    guotu_admin_values v = {NAN, NAN, NAN, NAN, NAN};
    size_t n = 0;
    unsigned char *wkb = wkt_to_wkb("POLYGON((0 0,1 0,1 1,0 1,0 0))", &n);
    assert_int_equal(guotu_lines_add_admin(ctx, l, "1", "x", &v, 1, wkb, n), GUOTU_OK);
    assert_int_equal(guotu_lines_add_admin(ctx, l, "1", "y", &v, 2, wkb, n), GUOTU_ERR_DATA);
    assert_non_null(strstr(guotu_context_last_error(ctx), "appears twice"));
    /* A negative or infinite target is refused, and the unit is not added. */
    guotu_admin_values negative = {-5.0, NAN, NAN, NAN, NAN}, infinite = {NAN, NAN, NAN, INFINITY, NAN};
    assert_int_equal(guotu_lines_add_admin(ctx, l, "2", "z", &negative, 3, wkb, n), GUOTU_ERR_DATA);
    assert_string_equal(
        guotu_context_last_error(ctx),
        "admin unit '2' (feature 3): its red-line target (ha) is -5; it cannot be negative or infinite");
    assert_int_equal(guotu_lines_add_admin(ctx, l, "2", "z", &infinite, 3, wkb, n), GUOTU_ERR_DATA);
    assert_non_null(strstr(guotu_context_last_error(ctx), "its expansion cap is inf"));
    v.redline_target_ha = 0.0; /* zero is a target */
    assert_int_equal(guotu_lines_add_admin(ctx, l, "2", "z", &v, 3, wkb, n), GUOTU_OK);
    free(wkb);
    assert_int_equal(add(ctx, l, GUOTU_LINE_URBAN, 9, "LINESTRING(0 0,1 1)"), GUOTU_ERR_GEOMETRY);
    assert_non_null(strstr(guotu_context_last_error(ctx), "urban_boundary"));
    assert_int_equal(guotu_lines_add(ctx, l, (guotu_line)7, 1, NULL, 0), GUOTU_ERR_ARGUMENT);
    guotu_lines_destroy(ctx, l);
    guotu_context_destroy(ctx);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_rule_once),
        cmocka_unit_test(test_fingerprints_follow_the_features),
        cmocka_unit_test(test_bad_input),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
