/* test_context.c — context life cycle, versions, errors, progress and cancel. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "guotu/guotu.h"
#include "internal.h"
#include "test_support.h"

static void test_versions(void **state) {
    (void)state;
    char expected[32];
    snprintf(expected, sizeof expected, "%d.%d.%d", GUOTU_VERSION_MAJOR, GUOTU_VERSION_MINOR, GUOTU_VERSION_PATCH);
    assert_string_equal(guotu_version(), expected);
    assert_string_equal(GUOTU_VERSION_STRING, expected);
    assert_int_equal(guotu_abi_version(), GUOTU_ABI_VERSION);
    guotu_context *ctx = guotu_context_create();
    assert_non_null(ctx);
    const char *deps = guotu_dependency_versions(ctx);
    assert_non_null(strstr(deps, "GEOS 3."));
    assert_non_null(strstr(deps, "PROJ "));
    guotu_context_destroy(ctx);
}

static void test_status_names(void **state) {
    (void)state;
    assert_string_equal(guotu_status_name(GUOTU_OK), "GUOTU_OK");
    assert_string_equal(guotu_status_name(GUOTU_ERR_CRS), "GUOTU_ERR_CRS");
    assert_string_equal(guotu_status_name(GUOTU_ERR_CANCELLED), "GUOTU_ERR_CANCELLED");
    assert_string_equal(guotu_status_name(999), "GUOTU_ERR_UNKNOWN");
}

static void test_null_arguments_are_errors_not_crashes(void **state) {
    (void)state;
    guotu_context_destroy(NULL);
    assert_string_equal(guotu_context_last_error(NULL), "");
    assert_int_equal(guotu_tally_create(NULL, NULL, NULL), GUOTU_ERR_ARGUMENT);
    guotu_context *ctx = guotu_context_create();
    assert_string_equal(guotu_context_last_error(ctx), "");
    assert_int_equal(guotu_tally_create(ctx, NULL, NULL), GUOTU_ERR_ARGUMENT);
    assert_true(strlen(guotu_context_last_error(ctx)) > 0);
    assert_int_equal(guotu_tally_add_zone(ctx, NULL, "a", 1, NULL, 0), GUOTU_ERR_ARGUMENT);
    assert_int_equal(guotu_area_of_wkb(ctx, NULL, NULL, 0, NULL), GUOTU_ERR_ARGUMENT);
    guotu_tally_destroy(ctx, NULL);
    guotu_area_calc_destroy(ctx, NULL);
    assert_int_equal(guotu_tally_result_count(NULL), 0);
    guotu_context_destroy(ctx);
}

static void test_unknown_crs_is_a_message(void **state) {
    (void)state;
    guotu_context *ctx = guotu_context_create();
    guotu_area_calc *calc = NULL;
    assert_int_equal(guotu_area_calc_create(ctx, "EPSG:999999", GUOTU_AREA_ELLIPSOIDAL, &calc), GUOTU_ERR_CRS);
    assert_null(calc);
    assert_non_null(strstr(guotu_context_last_error(ctx), "EPSG:999999"));
    assert_int_equal(guotu_area_calc_create(ctx, NULL, GUOTU_AREA_ELLIPSOIDAL, &calc), GUOTU_ERR_CRS);
    assert_non_null(strstr(guotu_context_last_error(ctx), "planar"));
    guotu_context_destroy(ctx);
}

typedef struct progress_log {
    int calls;
    int cancel_at;
    double last;
    char phase[64];
} progress_log;

/* Fractions run from 0 to 1 within each phase (the message names the phase). */
static int record_progress(double fraction, const char *message, void *user) {
    progress_log *log = user;
    log->calls++;
    if (!message || strcmp(message, log->phase) != 0) log->last = 0;
    snprintf(log->phase, sizeof log->phase, "%s", message ? message : "");
    assert_true(fraction >= log->last);
    assert_true(fraction <= 1.0);
    log->last = fraction;
    return log->cancel_at > 0 && log->calls >= log->cancel_at;
}

static guotu_tally *tally_with_zone(guotu_context *ctx) {
    guotu_tally_options o;
    guotu_tally_options_init(&o);
    o.area_method = GUOTU_AREA_PLANAR;
    guotu_tally *t = NULL;
    assert_int_equal(guotu_tally_create(ctx, &o, &t), GUOTU_OK);
    char wkt[256];
    assert_int_equal(add_zone_wkt(ctx, t, "Z", 1, box_wkt(wkt, sizeof wkt, 0, 0, 1000, 1000)), GUOTU_OK);
    assert_int_equal(guotu_tally_prepare(ctx, t), GUOTU_OK);
    return t;
}

static void test_progress_reports_and_cancel_stops(void **state) {
    (void)state;
    guotu_context *ctx = guotu_context_create();
    progress_log log = {0, 0, 0, ""};
    guotu_context_set_progress(ctx, record_progress, &log);
    guotu_tally *t = tally_with_zone(ctx);
    assert_int_equal(guotu_tally_set_expected(ctx, t, 400), GUOTU_OK);
    char wkt[256];
    for (int i = 0; i < 400; i++)
        assert_int_equal(add_landuse_wkt(ctx, t, "1", i, box_wkt(wkt, sizeof wkt, i, 0, i + 1, 1)), GUOTU_OK);
    assert_true(log.calls >= 100);
    assert_true(log.last > 0.99);
    guotu_tally_destroy(ctx, t);

    /* Cancel: the callback's non-zero return stops the call, and the tally refuses more. */
    progress_log cancel = {0, 3, 0, ""};
    guotu_context_set_progress(ctx, record_progress, &cancel);
    t = tally_with_zone(ctx);
    assert_int_equal(guotu_tally_set_expected(ctx, t, 400), GUOTU_OK);
    int status = GUOTU_OK;
    int added = 0;
    for (int i = 0; i < 400 && status == GUOTU_OK; i++, added++)
        status = add_landuse_wkt(ctx, t, "1", i, box_wkt(wkt, sizeof wkt, i, 0, i + 1, 1));
    assert_int_equal(status, GUOTU_ERR_CANCELLED);
    assert_true(added < 400);
    assert_non_null(strstr(guotu_context_last_error(ctx), "cancel"));
    assert_int_equal(add_landuse_wkt(ctx, t, "1", 999, box_wkt(wkt, sizeof wkt, 0, 0, 1, 1)), GUOTU_ERR_STATE);
    assert_int_equal(guotu_tally_finish(ctx, t), GUOTU_ERR_STATE);
    guotu_tally_destroy(ctx, t);

    /* prepare reports per zone and can be cancelled too. */
    progress_log at_prepare = {0, 1, 0, ""};
    guotu_context_set_progress(ctx, record_progress, &at_prepare);
    guotu_tally_options o;
    guotu_tally_options_init(&o);
    o.area_method = GUOTU_AREA_PLANAR;
    assert_int_equal(guotu_tally_create(ctx, &o, &t), GUOTU_OK);
    assert_int_equal(add_zone_wkt(ctx, t, "Z", 1, box_wkt(wkt, sizeof wkt, 0, 0, 10, 10)), GUOTU_OK);
    assert_int_equal(add_zone_wkt(ctx, t, "Y", 2, box_wkt(wkt, sizeof wkt, 10, 0, 20, 10)), GUOTU_OK);
    assert_int_equal(guotu_tally_prepare(ctx, t), GUOTU_ERR_CANCELLED);
    assert_int_equal(at_prepare.calls, 1);
    guotu_tally_destroy(ctx, t);
    guotu_context_destroy(ctx);
}

static void test_two_contexts_are_independent(void **state) {
    (void)state;
    guotu_context *a = guotu_context_create(), *b = guotu_context_create();
    guotu_area_calc *calc = NULL;
    assert_int_equal(guotu_area_calc_create(a, "EPSG:999999", GUOTU_AREA_ELLIPSOIDAL, &calc), GUOTU_ERR_CRS);
    assert_true(strlen(guotu_context_last_error(a)) > 0);
    assert_string_equal(guotu_context_last_error(b), "");
    guotu_context_destroy(a);
    guotu_context_destroy(b);
}

/* gt_reserve, behind every growing array of the core: capacity from `initial`, doubling,
 * contents kept, and an impossible size refused with the array left as it was. */
static void test_reserve_grows_and_refuses_overflow(void **state) {
    (void)state;
    int *items = NULL;
    size_t cap = 0;
    assert_int_equal(gt_reserve(&items, &cap, 1, sizeof *items, 4), 0);
    assert_int_equal(cap, 4);
    for (int i = 0; i < 4; i++)
        items[i] = 10 * i;
    assert_int_equal(gt_reserve(&items, &cap, 4, sizeof *items, 4), 0);
    assert_int_equal(cap, 4); /* room enough: unchanged */
    assert_int_equal(gt_reserve(&items, &cap, 5, sizeof *items, 4), 0);
    assert_int_equal(cap, 8);
    assert_int_equal(gt_reserve(&items, &cap, 33, sizeof *items, 4), 0);
    assert_int_equal(cap, 64); /* a jump past double still fits */
    assert_int_equal(items[3], 30);
    int *before = items;
    assert_int_equal(gt_reserve(&items, &cap, SIZE_MAX / 2, sizeof *items, 4), -1);
    assert_int_equal(gt_reserve(&items, &cap, SIZE_MAX, 1, 4), -1);
    assert_ptr_equal(items, before);
    assert_int_equal(cap, 64);
    assert_int_equal(items[2], 20);
    free(items);
}

/* Messages with user text are cut at a character boundary, never inside a character. */
static void test_textf_cuts_between_characters(void **state) {
    (void)state;
    char buf[8];
    gt_textf(buf, sizeof buf, "id %s", "中文名"); /* "id " + 9 bytes: the second character does not fit */
    assert_string_equal(buf, "id 中");
    assert_true(gt_utf8_valid(buf));
    gt_textf(buf, sizeof buf, "%s", "ab中"); /* fits: 5 bytes */
    assert_string_equal(buf, "ab中");
    gt_textf(buf, 6, "%s", "abcd中"); /* one byte of room for a three-byte character */
    assert_string_equal(buf, "abcd");
    char four[6];
    gt_textf(four, sizeof four, "a%s", "\xF0\x9F\x98\x80\xF0\x9F\x98\x80"); /* 4-byte characters */
    assert_string_equal(four, "a\xF0\x9F\x98\x80");
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_versions),
        cmocka_unit_test(test_status_names),
        cmocka_unit_test(test_null_arguments_are_errors_not_crashes),
        cmocka_unit_test(test_unknown_crs_is_a_message),
        cmocka_unit_test(test_progress_reports_and_cancel_stops),
        cmocka_unit_test(test_two_contexts_are_independent),
        cmocka_unit_test(test_reserve_grows_and_refuses_overflow),
        cmocka_unit_test(test_textf_cuts_between_characters),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
