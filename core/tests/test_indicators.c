/* test_indicators.c — the comparison of binding indicators, on hand-made values.
 *
 * Unit "110101" (area 1000 ha), tolerance 0:
 *   cultivated 120 ha vs target 100 (floor): pass, difference +20, ratio 1.2
 *   farmland 79.5 vs 80 (floor): fail, difference −0.5
 *   construction 50 vs 50 (ceiling): pass (equal is within a ceiling)
 *   urban-rural 40.1 vs 40 (ceiling): fail
 *   new construction on cultivated: target 2, never measured: not_measured
 *   forest land 250 ha vs 240: pass; forest cover 250 / 1000 = 25 % vs 30 %: fail
 *   forest taken: no target: no_target (never a pass), even though measured
 * Unit "110102" (area 500 ha): no targets at all: 8 skipped.
 * With tolerance 0.01 the farmland floor is 79.2 (pass) and the urban-rural ceiling 40.4 (pass).
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

static guotu_indicators *fixture(guotu_context *ctx, double tolerance) {
    guotu_indicators *ind = NULL;
    assert_int_equal(guotu_indicators_create(ctx, tolerance, &ind), GUOTU_OK);
    assert_int_equal(guotu_indicators_add_unit(ctx, ind, "110101", "甲县", 1000.0), GUOTU_OK);
    assert_int_equal(guotu_indicators_add_unit(ctx, ind, "110102", NULL, 500.0), GUOTU_OK);
    const char *u = "110101";
    assert_int_equal(guotu_indicators_set_target(ctx, ind, u, GUOTU_IND_CULTIVATED, 100), GUOTU_OK);
    assert_int_equal(guotu_indicators_set_measured(ctx, ind, u, GUOTU_IND_CULTIVATED, 120), GUOTU_OK);
    assert_int_equal(guotu_indicators_set_target(ctx, ind, u, GUOTU_IND_FARMLAND, 80), GUOTU_OK);
    assert_int_equal(guotu_indicators_set_measured(ctx, ind, u, GUOTU_IND_FARMLAND, 79.5), GUOTU_OK);
    assert_int_equal(guotu_indicators_set_target(ctx, ind, u, GUOTU_IND_CONSTRUCTION, 50), GUOTU_OK);
    assert_int_equal(guotu_indicators_set_measured(ctx, ind, u, GUOTU_IND_CONSTRUCTION, 50), GUOTU_OK);
    assert_int_equal(guotu_indicators_set_target(ctx, ind, u, GUOTU_IND_URBAN_RURAL, 40), GUOTU_OK);
    assert_int_equal(guotu_indicators_set_measured(ctx, ind, u, GUOTU_IND_URBAN_RURAL, 40.1), GUOTU_OK);
    assert_int_equal(guotu_indicators_set_target(ctx, ind, u, GUOTU_IND_NEW_ON_CULTIVATED, 2), GUOTU_OK);
    assert_int_equal(guotu_indicators_set_target(ctx, ind, u, GUOTU_IND_FOREST, 240), GUOTU_OK);
    assert_int_equal(guotu_indicators_set_measured(ctx, ind, u, GUOTU_IND_FOREST, 250), GUOTU_OK);
    assert_int_equal(guotu_indicators_set_target(ctx, ind, u, GUOTU_IND_FOREST_COVER, 30), GUOTU_OK);
    assert_int_equal(guotu_indicators_set_measured(ctx, ind, u, GUOTU_IND_FOREST_TAKEN, 1), GUOTU_OK);
    assert_int_equal(guotu_indicators_finish(ctx, ind), GUOTU_OK);
    return ind;
}

static void test_rows(void **state) {
    (void)state;
    guotu_context *ctx = guotu_context_create();
    guotu_indicators *ind = fixture(ctx, 0);
    assert_int_equal(guotu_indicators_row_count(ind), 16);
    static const int expect[8] = {GUOTU_IND_PASS,         GUOTU_IND_FAIL, GUOTU_IND_PASS, GUOTU_IND_FAIL,
                                  GUOTU_IND_NOT_MEASURED, GUOTU_IND_FAIL, GUOTU_IND_PASS, GUOTU_IND_NO_TARGET};
    for (size_t i = 0; i < 8; i++) {
        const char *code, *name;
        int k, s;
        double t, m, d, r;
        assert_int_equal(guotu_indicators_row(ctx, ind, i, &code, &name, &k, &s, &t, &m, &d, &r), GUOTU_OK);
        assert_string_equal(code, "110101");
        assert_string_equal(name, "甲县");
        assert_int_equal(k, (int)i);
        assert_int_equal(s, expect[i]);
        if (i == GUOTU_IND_CULTIVATED) {
            assert_close(d, 20, 1e-12);
            assert_close(r, 1.2, 1e-12);
        }
        if (i == GUOTU_IND_FARMLAND) assert_close(d, -0.5, 1e-12);
        if (i == GUOTU_IND_FOREST_COVER) {
            assert_close(m, 25, 1e-12);
            assert_close(t, 30, 1e-12);
            assert_close(r, 25.0 / 30.0, 1e-12);
        }
        if (i == GUOTU_IND_NEW_ON_CULTIVATED) assert_true(isnan(m) && isnan(d) && isnan(r) && t == 2);
        if (i == GUOTU_IND_FOREST_TAKEN) assert_true(isnan(t) && m == 1 && isnan(d) && isnan(r));
    }
    for (size_t i = 8; i < 16; i++) {
        int s;
        assert_int_equal(guotu_indicators_row(ctx, ind, i, NULL, NULL, NULL, &s, NULL, NULL, NULL, NULL), GUOTU_OK);
        assert_int_equal(s, GUOTU_IND_NO_TARGET);
    }
    int passed, failed, skipped;
    double area;
    assert_int_equal(guotu_indicators_unit_summary(ctx, ind, 0, NULL, NULL, &area, &passed, &failed, &skipped), 0);
    assert_int_equal(passed, 3);
    assert_int_equal(failed, 3);
    assert_int_equal(skipped, 2);
    assert_close(area, 1000, 0);
    assert_int_equal(guotu_indicators_unit_summary(ctx, ind, 1, NULL, NULL, NULL, &passed, &failed, &skipped), 0);
    assert_int_equal(passed + failed, 0);
    assert_int_equal(skipped, 8);
    assert_int_equal(guotu_indicators_row(ctx, ind, 16, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
                     GUOTU_ERR_ARGUMENT);
    guotu_indicators_destroy(ctx, ind);
    guotu_context_destroy(ctx);
}

static void test_tolerance(void **state) {
    (void)state;
    guotu_context *ctx = guotu_context_create();
    guotu_indicators *ind = fixture(ctx, 0.01);
    int s;
    assert_int_equal(guotu_indicators_row(ctx, ind, GUOTU_IND_FARMLAND, 0, 0, 0, &s, 0, 0, 0, 0), GUOTU_OK);
    assert_int_equal(s, GUOTU_IND_PASS);
    assert_int_equal(guotu_indicators_row(ctx, ind, GUOTU_IND_URBAN_RURAL, 0, 0, 0, &s, 0, 0, 0, 0), GUOTU_OK);
    assert_int_equal(s, GUOTU_IND_PASS);
    guotu_indicators_destroy(ctx, ind);
    guotu_context_destroy(ctx);
}

static void test_refusals(void **state) {
    (void)state;
    guotu_context *ctx = guotu_context_create();
    guotu_indicators *ind = NULL;
    assert_int_equal(guotu_indicators_create(ctx, -0.1, &ind), GUOTU_ERR_ARGUMENT);
    assert_int_equal(guotu_indicators_create(ctx, 0, &ind), GUOTU_OK);
    assert_int_equal(guotu_indicators_add_unit(ctx, ind, "1", "a", 10), GUOTU_OK);
    assert_int_equal(guotu_indicators_add_unit(ctx, ind, "1", "b", 10), GUOTU_ERR_DATA);
    assert_non_null(strstr(guotu_context_last_error(ctx), "'1' is given twice"));
    assert_int_equal(guotu_indicators_add_unit(ctx, ind, "", "b", 10), GUOTU_ERR_DATA);
    assert_int_equal(guotu_indicators_add_unit(ctx, ind, "2", "b", 0), GUOTU_ERR_DATA);
    assert_int_equal(guotu_indicators_set_target(ctx, ind, "9", GUOTU_IND_FOREST, 1), GUOTU_ERR_ARGUMENT);
    assert_int_equal(guotu_indicators_set_target(ctx, ind, "1", GUOTU_INDICATOR_COUNT, 1), GUOTU_ERR_ARGUMENT);
    assert_int_equal(guotu_indicators_set_target(ctx, ind, "1", GUOTU_IND_FOREST, -1), GUOTU_ERR_DATA);
    assert_non_null(strstr(guotu_context_last_error(ctx), "forest_land"));
    assert_int_equal(guotu_indicators_set_target(ctx, ind, "1", GUOTU_IND_FOREST, NAN), GUOTU_ERR_DATA);
    assert_int_equal(guotu_indicators_set_measured(ctx, ind, "1", GUOTU_IND_FOREST_COVER, 1), GUOTU_ERR_ARGUMENT);
    assert_int_equal(guotu_indicators_finish(ctx, ind), GUOTU_OK);
    assert_int_equal(guotu_indicators_set_target(ctx, ind, "1", GUOTU_IND_FOREST, 1), GUOTU_ERR_STATE);
    assert_int_equal(guotu_indicator_from_key("forest_cover"), GUOTU_IND_FOREST_COVER);
    assert_int_equal(guotu_indicator_from_key("nope"), -1);
    assert_string_equal(guotu_indicator_rule(GUOTU_IND_CONSTRUCTION), "<=");
    assert_string_equal(guotu_indicator_rule(GUOTU_IND_CULTIVATED), ">=");
    guotu_indicators_destroy(ctx, ind);
    guotu_context_destroy(ctx);
}

int main(void) {
    const struct CMUnitTest tests[] = {cmocka_unit_test(test_rows), cmocka_unit_test(test_tolerance),
                                       cmocka_unit_test(test_refusals)};
    return cmocka_run_group_tests(tests, NULL, NULL);
}
