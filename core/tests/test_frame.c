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

#include "guotu/guotu.h"

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

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_catalogue_check),
        cmocka_unit_test(test_submitting_city_outside_catalogue),
        cmocka_unit_test(test_bad_catalogues),
        cmocka_unit_test(test_cancel),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
