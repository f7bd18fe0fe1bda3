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
    assert_int_equal(guotu_indicators_add_measured(ctx, ind, u, GUOTU_IND_CULTIVATED, 120), GUOTU_OK);
    assert_int_equal(guotu_indicators_set_target(ctx, ind, u, GUOTU_IND_FARMLAND, 80), GUOTU_OK);
    assert_int_equal(guotu_indicators_add_measured(ctx, ind, u, GUOTU_IND_FARMLAND, 79.5), GUOTU_OK);
    assert_int_equal(guotu_indicators_set_target(ctx, ind, u, GUOTU_IND_CONSTRUCTION, 50), GUOTU_OK);
    assert_int_equal(guotu_indicators_add_measured(ctx, ind, u, GUOTU_IND_CONSTRUCTION, 50), GUOTU_OK);
    assert_int_equal(guotu_indicators_set_target(ctx, ind, u, GUOTU_IND_URBAN_RURAL, 40), GUOTU_OK);
    assert_int_equal(guotu_indicators_add_measured(ctx, ind, u, GUOTU_IND_URBAN_RURAL, 40.1), GUOTU_OK);
    assert_int_equal(guotu_indicators_set_target(ctx, ind, u, GUOTU_IND_NEW_ON_CULTIVATED, 2), GUOTU_OK);
    assert_int_equal(guotu_indicators_set_target(ctx, ind, u, GUOTU_IND_FOREST, 240), GUOTU_OK);
    assert_int_equal(guotu_indicators_add_measured(ctx, ind, u, GUOTU_IND_FOREST, 250), GUOTU_OK);
    assert_int_equal(guotu_indicators_set_target(ctx, ind, u, GUOTU_IND_FOREST_COVER, 30), GUOTU_OK);
    assert_int_equal(guotu_indicators_add_measured(ctx, ind, u, GUOTU_IND_FOREST_TAKEN, 1), GUOTU_OK);
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
    assert_int_equal(guotu_indicators_add_measured(ctx, ind, "1", GUOTU_IND_FOREST_COVER, 1), GUOTU_ERR_ARGUMENT);
    assert_int_equal(guotu_indicators_add_measured(ctx, ind, "1", GUOTU_IND_FOREST, 2), GUOTU_OK);
    assert_int_equal(guotu_indicators_add_measured(ctx, ind, "1", GUOTU_IND_FOREST, 3), GUOTU_OK);
    assert_int_equal(guotu_indicators_finish(ctx, ind), GUOTU_OK);
    assert_int_equal(guotu_indicators_set_target(ctx, ind, "1", GUOTU_IND_FOREST, 1), GUOTU_ERR_STATE);
    assert_int_equal(guotu_indicator_from_key("forest_cover"), GUOTU_IND_FOREST_COVER);
    assert_int_equal(guotu_indicator_from_key("nope"), -1);
    assert_string_equal(guotu_indicator_rule(GUOTU_IND_CONSTRUCTION), "<=");
    assert_string_equal(guotu_indicator_rule(GUOTU_IND_CULTIVATED), ">=");
    guotu_indicators_destroy(ctx, ind);
    guotu_context_destroy(ctx);
}

/* The preset's groups on hand-made rows of unit "1" (area 100 ha):
 *   land use: "101" (an integer field's 0101) 10 ha cultivated; 0301 5 ha forest; 0702 3 ha
 *   urban-rural and construction; 1003 2 ha construction only; 1203 田坎 1 ha none; 1006 0.5 ha
 *   none (agricultural); "9999" 0.25 ha listed nowhere.
 *   change: 0103 → 0701 1.5 ha and 0101 → 1003 0.5 ha new construction on cultivated (2 ha);
 *   0301 → 1003 0.7 ha forest taken; 0101 → 0301 and 0301 → 0101 neither.
 * Measured: cultivated 10, forest 5 (cover 5 %), construction 5, urban-rural 3, new 2, taken 0.7. */
static void test_groups(void **state) {
    (void)state;
    guotu_context *ctx = guotu_context_create();
    size_t size = 0;
    char *text = read_resource("presets/indicators/SANDIAO_WORK.csv", &size);
    guotu_class_groups *g = NULL;
    assert_int_equal(guotu_class_groups_parse(ctx, text, size, "SANDIAO_WORK", &g), GUOTU_OK);
    free(text);
    assert_int_equal(guotu_class_groups_lookup(g, "301"), GUOTU_GROUP_FOREST);
    assert_int_equal(guotu_class_groups_lookup(g, "1203"), GUOTU_GROUP_OTHER);
    assert_int_equal(guotu_class_groups_lookup(g, "9999"), -1);
    const char *first = NULL;
    assert_int_equal(guotu_class_groups_count(g), 69);
    assert_int_equal(guotu_class_groups_entry(g, 0, &first), GUOTU_GROUP_CULTIVATED);
    assert_string_equal(first, "0101");
    assert_int_equal(guotu_class_groups_entry(g, 69, &first), -1);
    assert_null(first);
    guotu_indicators *ind = NULL;
    assert_int_equal(guotu_indicators_create(ctx, 0, &ind), GUOTU_OK);
    assert_int_equal(guotu_indicators_add_unit(ctx, ind, "1", "u", 100), GUOTU_OK);
    static const char *const codes[] = {"101", "0301", "0702", "1003", "1203", "1006", "9999"};
    static const double areas[] = {10, 5, 3, 2, 1, 0.5, 0.25};
    for (int i = 0; i < 7; i++)
        assert_int_equal(guotu_indicators_add_class_area(ctx, ind, g, "1", codes[i], areas[i]), GUOTU_OK);
    assert_int_equal(guotu_indicators_add_transition(ctx, ind, g, "1", "0103", "0701", 1.5), GUOTU_OK);
    assert_int_equal(guotu_indicators_add_transition(ctx, ind, g, "1", "0101", "1003", 0.5), GUOTU_OK);
    assert_int_equal(guotu_indicators_add_transition(ctx, ind, g, "1", "0301", "1003", 0.7), GUOTU_OK);
    assert_int_equal(guotu_indicators_add_transition(ctx, ind, g, "1", "0101", "0301", 2), GUOTU_OK);
    assert_int_equal(guotu_indicators_add_transition(ctx, ind, g, "1", "0301", "0101", 2), GUOTU_OK);
    for (int k = 0; k < GUOTU_INDICATOR_COUNT; k++) {
        assert_int_equal(guotu_indicators_set_target(ctx, ind, "1", k, 1), GUOTU_OK);
        if (k != GUOTU_IND_FOREST_COVER && k != GUOTU_IND_FARMLAND)
            assert_int_equal(guotu_indicators_measured_everywhere(ctx, ind, k), GUOTU_OK);
    }
    assert_int_equal(guotu_indicators_finish(ctx, ind), GUOTU_OK);
    static const double expect[] = {10, NAN, 5, 3, 2, 5, 5, 0.7};
    for (int k = 0; k < GUOTU_INDICATOR_COUNT; k++) {
        double m;
        int s;
        assert_int_equal(guotu_indicators_row(ctx, ind, (size_t)k, 0, 0, 0, &s, 0, &m, 0, 0), GUOTU_OK);
        if (k == GUOTU_IND_FARMLAND)
            assert_int_equal(s, GUOTU_IND_NOT_MEASURED);
        else
            assert_close(m, expect[k], 1e-12);
    }
    assert_int_equal(guotu_indicators_unknown_count(ind), 1);
    const char *code;
    double area;
    assert_int_equal(guotu_indicators_unknown(ctx, ind, 0, &code, &area), GUOTU_OK);
    assert_string_equal(code, "9999");
    assert_close(area, 0.25, 1e-12);
    guotu_indicators_destroy(ctx, ind);
    guotu_class_groups_destroy(ctx, g);
    assert_int_equal(guotu_class_groups_parse(ctx, "code,group\n0101,farm\n", 21, "bad", &g), GUOTU_ERR_DATA);
    assert_non_null(strstr(guotu_context_last_error(ctx), "unknown group 'farm'"));
    guotu_context_destroy(ctx);
}

int main(void) {
    const struct CMUnitTest tests[] = {cmocka_unit_test(test_rows), cmocka_unit_test(test_tolerance),
                                       cmocka_unit_test(test_refusals), cmocka_unit_test(test_groups)};
    return cmocka_run_group_tests(tests, NULL, NULL);
}
