/* test_voucher.c — voucher accounting and market on a fixture worked out by hand.
 *
 * k: 21 → 1.00, 22 → 0.89, 31 → 0.33, 41 → 2.10, 12 → 0, 51 → 0; "99" is not listed.
 * Zones (area ha, GDP yuan, population):
 *   Z1 10000, 2e9,   100000  → GDP/cap 20000, density 1000/km²
 *   Z2 20000, 1.2e10, 300000 → GDP/cap 40000, density 1500/km²
 *   Z3 10000, 1e9,   100000  → GDP/cap 10000, density 1000/km²
 * Reference over zones: 1.5e10 / 500000 = 30000 yuan/person; 500000 / 400 km² = 1250/km².
 *   G = 2/3, 4/3, 1/3;  P = 0.8, 1.2, 0.8
 * Class areas, base → target (ha):
 *   Z1: 21 1000→1200, 12 5000→4800          M0 = 1000, Mt = 1200, ΔM = +200
 *   Z2: 21 3000→2500, 41 100→100, 51 1000→1500
 *                                            M0 = 3000 + 210 = 3210, Mt = 2500 + 210 = 2710, ΔM = −500
 *   Z3: 31 2000→2300, 22 100→100, 99 50→50  M0 = 660 + 89 = 749, Mt = 759 + 89 = 848, ΔM = +99
 *   E1 = 200·(2/3)·0.8 = 106.666…  (supply)
 *   E2 = −500·(4/3)·1.2 = −800       (demand)
 *   E3 = 99·(1/3)·0.8 = 26.4         (supply)
 * At 1000 yuan/ha: amounts 106666.67, −800000, 26400.
 */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "guotu/guotu.h"
#include "test_support.h"

static const char *table_csv =
    "code,name_zh,k,note\n21,有林地,1.00,x\n22,灌木林,0.89,x\n31,\"高覆盖度草地, 高\",0.33,x\n"
    "41,河渠,2.10,x\n12,旱地,0,x\n51,城镇用地,0,x\n";

static guotu_coefficients *parse(guotu_context *ctx, const char *csv, const char *reference, int expect) {
    guotu_coefficients *c = NULL;
    assert_int_equal(guotu_coefficients_parse(ctx, csv, strlen(csv), "test.csv", reference, &c), expect);
    return c;
}

/* A finished planar tally holding the given (zone, code, ha) rows, made of unit-height boxes. */
static guotu_tally *tally_of(guotu_context *ctx, const char *rows[][2], const double *ha, int n) {
    guotu_tally_options o;
    guotu_tally_options_init(&o);
    o.area_method = GUOTU_AREA_PLANAR;
    guotu_tally *t = NULL;
    assert_int_equal(guotu_tally_create(ctx, &o, &t), GUOTU_OK);
    char w[256];
    const char *zones[] = {"Z1", "Z2", "Z3"};
    for (int z = 0; z < 3; z++)
        assert_int_equal(add_zone_wkt(ctx, t, zones[z], z, box_wkt(w, sizeof w, z * 1e8, 0, (z + 1) * 1e8, 1)),
                         GUOTU_OK);
    assert_int_equal(guotu_tally_prepare(ctx, t), GUOTU_OK);
    double used[3] = {0, 0, 0};
    for (int i = 0; i < n; i++) {
        int z = rows[i][0][1] - '1';
        double width = ha[i] * 1e4; /* 1 m high, so width m² = ha · 1e4 */
        double x0 = z * 1e8 + used[z];
        used[z] += width;
        assert_int_equal(add_landuse_wkt(ctx, t, rows[i][1], i, box_wkt(w, sizeof w, x0, 0, x0 + width, 1)), GUOTU_OK);
    }
    assert_int_equal(guotu_tally_finish(ctx, t), GUOTU_OK);
    return t;
}

static const char *base_rows[][2] = {{"Z1", "21"}, {"Z1", "12"}, {"Z2", "21"}, {"Z2", "41"},
                                     {"Z2", "51"}, {"Z3", "31"}, {"Z3", "22"}, {"Z3", "99"}};
static const double base_ha[] = {1000, 5000, 3000, 100, 1000, 2000, 100, 50};
static const double target_ha[] = {1200, 4800, 2500, 100, 1500, 2300, 100, 50};

typedef void (*account_hook)(guotu_context *ctx, guotu_voucher *v);

/* The fixture's account; `hook` (may be NULL) adds line pieces and marks before compute. */
static guotu_voucher *account_hooked(guotu_context *ctx, const guotu_coefficients *c, const guotu_voucher_options *o,
                                     account_hook hook) {
    guotu_voucher *v = NULL;
    assert_int_equal(guotu_voucher_create(ctx, o, c, c, &v), GUOTU_OK);
    assert_int_equal(guotu_voucher_add_zone(ctx, v, "Z1", "一县", 10000, 2e9, 100000), GUOTU_OK);
    assert_int_equal(guotu_voucher_add_zone(ctx, v, "Z2", "二县", 20000, 1.2e10, 300000), GUOTU_OK);
    assert_int_equal(guotu_voucher_add_zone(ctx, v, "Z3", "三县", 10000, 1e9, 100000), GUOTU_OK);
    guotu_tally *t0 = tally_of(ctx, base_rows, base_ha, 8), *t1 = tally_of(ctx, base_rows, target_ha, 8);
    assert_int_equal(guotu_voucher_add_tally(ctx, v, 0, t0), GUOTU_OK);
    assert_int_equal(guotu_voucher_add_tally(ctx, v, 1, t1), GUOTU_OK);
    guotu_tally_destroy(ctx, t0);
    guotu_tally_destroy(ctx, t1);
    if (hook) hook(ctx, v);
    assert_int_equal(guotu_voucher_compute(ctx, v), GUOTU_OK);
    return v;
}

static guotu_voucher *account(guotu_context *ctx, const guotu_coefficients *c, const guotu_voucher_options *o) {
    return account_hooked(ctx, c, o, NULL);
}

static guotu_voucher_zone zone(guotu_context *ctx, const guotu_voucher *v, size_t i) {
    guotu_voucher_zone z;
    assert_int_equal(guotu_voucher_zone_result(ctx, v, i, &z), GUOTU_OK);
    return z;
}

static void test_hand_computed_account(void **state) {
    (void)state;
    guotu_context *ctx = guotu_context_create();
    guotu_coefficients *c = parse(ctx, table_csv, NULL, GUOTU_OK);
    guotu_voucher_options o;
    guotu_voucher_options_init(&o);
    o.price = 1000;
    guotu_voucher *v = account(ctx, c, &o);
    assert_int_equal(guotu_voucher_zone_count(v), 3);
    guotu_voucher_zone z1 = zone(ctx, v, 0), z2 = zone(ctx, v, 1), z3 = zone(ctx, v, 2);
    assert_string_equal(z1.zone_id, "Z1");
    assert_string_equal(z1.zone_name, "一县");
    assert_close(z1.m0_ha, 1000, 1e-6);
    assert_close(z1.mt_ha, 1200, 1e-6);
    assert_close(z1.dm_ha, 200, 1e-6);
    assert_close(z1.g_ratio, 2.0 / 3.0, 1e-12);
    assert_close(z1.p_ratio, 0.8, 1e-12);
    assert_close(z1.e_ha, 200.0 * 2 / 3 * 0.8, 1e-6);
    assert_int_equal(z1.role, GUOTU_ROLE_SUPPLY);
    assert_close(z1.amount_yuan, 106666.6667, 1e-3);
    assert_close(z2.m0_ha, 3210, 1e-6);
    assert_close(z2.mt_ha, 2710, 1e-6);
    assert_close(z2.e_ha, -800, 1e-6);
    assert_int_equal(z2.role, GUOTU_ROLE_DEMAND);
    assert_string_equal(guotu_role_name(z2.role), "demand");
    assert_close(z2.amount_yuan, -800000, 1e-3);
    assert_close(z3.m0_ha, 749, 1e-6);
    assert_close(z3.mt_ha, 848, 1e-6);
    assert_close(z3.e_ha, 26.4, 1e-6);

    guotu_voucher_summary s;
    assert_int_equal(guotu_voucher_get_summary(ctx, v, &s), GUOTU_OK);
    assert_close(s.reference_gdp_per_capita, 30000, 1e-6);
    assert_close(s.reference_pop_density, 1250, 1e-9);
    assert_close(s.supply_ha, 106.6666667 + 26.4, 1e-6);
    assert_close(s.demand_ha, 800, 1e-6);
    assert_close(s.m0_total_ha, 1000 + 3210 + 749, 1e-6);

    /* The unlisted code 99 is reported with its area for both years, never dropped. */
    assert_int_equal(guotu_voucher_unknown_count(v), 2);
    guotu_voucher_unknown u;
    assert_int_equal(guotu_voucher_unknown_result(ctx, v, 0, &u), GUOTU_OK);
    assert_string_equal(u.class_code, "99");
    assert_close(u.area_ha, 50, 1e-6);

    /* Class breakdown: one row per (zone, code), k NaN for the unknown one. */
    assert_int_equal(guotu_voucher_class_count(v), 8);
    int seen_unknown = 0;
    for (size_t i = 0; i < 8; i++) {
        guotu_voucher_class_row r;
        assert_int_equal(guotu_voucher_class_result(ctx, v, i, &r), GUOTU_OK);
        if (strcmp(r.class_code, "99") == 0) seen_unknown = isnan(r.k);
        if (strcmp(r.zone_id, "Z2") == 0 && strcmp(r.class_code, "41") == 0) assert_close(r.k, 2.1, 1e-12);
    }
    assert_true(seen_unknown);
    guotu_voucher_destroy(ctx, v);
    guotu_coefficients_destroy(ctx, c);
    guotu_context_destroy(ctx);
}

/* Bottom lines by hand (SPEC §3). Pieces of base ∩ target:
 *   Z2 red line 21 → 51, 300 ha: dm = 300·(0 − 1) = −300 (a loss: violation of 300 ha)
 *   Z2 red line 31 → 21, 100 ha: dm = 100·(1 − 0.33) = +67          → ΔM red line −233
 *   Z1 farmland 12 → 21,  50 ha: dm = +50                           → ΔM farmland +50
 *   Z1 urban    21 → 51,  10 ha: ignored (not a bottom line here)
 * Z3 is in a key ecological function zone.
 * Excluded (default): Z2's E from ΔM −500 + 300 = −200: E2 = −200·(4/3)·1.2 = −320.
 * Counted: E2 = −800 as before, flagged. Z3 (E 26.4) out of the market by default. */
static void add_bottom_lines(guotu_context *ctx, guotu_voucher *v) {
    double dm = 0;
    assert_int_equal(guotu_voucher_add_line_piece(ctx, v, "Z2", GUOTU_LINE_REDLINE, "21", "51", 300, &dm), GUOTU_OK);
    assert_close(dm, -300, 1e-9);
    assert_int_equal(guotu_voucher_add_line_piece(ctx, v, "Z2", GUOTU_LINE_REDLINE, "31", "21", 100, &dm), GUOTU_OK);
    assert_close(dm, 67, 1e-9);
    assert_int_equal(guotu_voucher_add_line_piece(ctx, v, "Z1", GUOTU_LINE_FARMLAND, "12", "21", 50, NULL), GUOTU_OK);
    assert_int_equal(guotu_voucher_add_line_piece(ctx, v, "Z1", GUOTU_LINE_URBAN, "21", "51", 10, NULL), GUOTU_OK);
    assert_int_equal(guotu_voucher_add_line_piece(ctx, v, "Z9", GUOTU_LINE_REDLINE, "21", "51", 1, NULL),
                     GUOTU_ERR_DATA);
    assert_int_equal(guotu_voucher_mark_key_function(ctx, v, "Z3"), GUOTU_OK);
    assert_int_equal(guotu_voucher_mark_key_function(ctx, v, "Z9"), GUOTU_ERR_DATA);
    assert_non_null(strstr(guotu_context_last_error(ctx), "Z9"));
}

static void test_bottom_lines(void **state) {
    (void)state;
    guotu_context *ctx = guotu_context_create();
    guotu_coefficients *c = parse(ctx, table_csv, NULL, GUOTU_OK);
    guotu_voucher_options o;
    guotu_voucher_options_init(&o);
    assert_int_equal(o.redline_loss, GUOTU_REDLINE_LOSS_EXCLUDE);
    assert_int_equal(o.key_function_in_market, 0);
    o.lines = 1;
    guotu_voucher *v = account_hooked(ctx, c, &o, add_bottom_lines);
    guotu_voucher_zone z1 = zone(ctx, v, 0), z2 = zone(ctx, v, 1), z3 = zone(ctx, v, 2);
    assert_close(z2.dm_ha, -500, 1e-6);
    assert_close(z2.dm_redline_ha, -233, 1e-9);
    assert_close(z2.redline_loss_ha, 300, 1e-9);
    assert_close(z2.redline_loss_area_ha, 300, 1e-9);
    assert_int_equal(z2.violation, 1);
    assert_close(z2.dm_tradable_ha, -200, 1e-6);
    assert_close(z2.e_ha, -320, 1e-6);
    assert_int_equal(z2.role, GUOTU_ROLE_DEMAND);
    assert_close(z1.dm_farmland_ha, 50, 1e-9);
    assert_close(z1.dm_redline_ha, 0, 0);
    assert_int_equal(z1.violation, 0);
    assert_close(z1.e_ha, 200.0 * 2 / 3 * 0.8, 1e-6);
    assert_int_equal(z3.key_function, 1);
    assert_int_equal(z3.in_market, 0);
    assert_close(z3.e_ha, 26.4, 1e-6); /* its account is still computed */
    assert_int_equal(z1.in_market, 1);
    guotu_voucher_summary s;
    assert_int_equal(guotu_voucher_get_summary(ctx, v, &s), GUOTU_OK);
    assert_close(s.supply_ha, 200.0 * 2 / 3 * 0.8, 1e-6); /* Z3 out of the market */
    assert_close(s.key_function_supply_ha, 26.4, 1e-6);
    assert_close(s.demand_ha, 320, 1e-6);
    assert_int_equal(s.key_function_zones, 1);
    assert_int_equal(s.zones_out_of_market, 1);
    assert_close(s.dm_redline_ha, -233, 1e-9);
    assert_close(s.dm_farmland_ha, 50, 1e-9);
    assert_close(s.redline_loss_ha, 300, 1e-9);
    assert_int_equal(s.violation_zones, 1);
    assert_int_equal(s.lines, 1);
    assert_string_equal(guotu_redline_loss_name(s.redline_loss), "exclude");
    guotu_voucher_destroy(ctx, v);

    /* The other choices: the loss counted (and flagged), key function zones in the market. */
    o.redline_loss = GUOTU_REDLINE_LOSS_COUNT;
    o.key_function_in_market = 1;
    v = account_hooked(ctx, c, &o, add_bottom_lines);
    z2 = zone(ctx, v, 1);
    z3 = zone(ctx, v, 2);
    assert_close(z2.e_ha, -800, 1e-6);
    assert_close(z2.dm_tradable_ha, -500, 1e-6);
    assert_int_equal(z2.violation, 1);
    assert_int_equal(z3.in_market, 1);
    assert_int_equal(z3.key_function, 1);
    assert_int_equal(guotu_voucher_get_summary(ctx, v, &s), GUOTU_OK);
    assert_close(s.supply_ha, 106.6666667 + 26.4, 1e-6);
    assert_close(s.demand_ha, 800, 1e-6);
    assert_int_equal(s.zones_out_of_market, 0);
    assert_string_equal(guotu_redline_loss_name(s.redline_loss), "count");
    guotu_voucher_destroy(ctx, v);

    /* Without lines the figures are NaN and pieces are refused. */
    guotu_voucher_options_init(&o);
    v = account(ctx, c, &o);
    z2 = zone(ctx, v, 1);
    assert_true(isnan(z2.dm_redline_ha));
    assert_close(z2.e_ha, -800, 1e-6);
    assert_int_equal(guotu_voucher_add_line_piece(ctx, v, "Z2", GUOTU_LINE_REDLINE, "21", "51", 1, NULL),
                     GUOTU_ERR_STATE);
    guotu_voucher_destroy(ctx, v);
    guotu_coefficients_destroy(ctx, c);
    guotu_context_destroy(ctx);
}

static void test_protection_rate_and_entered_references(void **state) {
    (void)state;
    guotu_context *ctx = guotu_context_create();
    guotu_coefficients *c = parse(ctx, table_csv, NULL, GUOTU_OK);
    guotu_voucher_options o;
    guotu_voucher_options_init(&o);
    o.baseline = GUOTU_BASELINE_PROTECTION_RATE;
    /* Rate of the whole layer at the base year: 4959 / 40000 = 0.123975. Z1: M0 = 1239.75,
     * ΔM = −39.75, E = −39.75 · (2/3) · 0.8 = −21.2. */
    guotu_voucher *v = account(ctx, c, &o);
    guotu_voucher_zone z1 = zone(ctx, v, 0);
    assert_close(z1.m0_ha, 1239.75, 1e-6);
    assert_close(z1.e_ha, -21.2, 1e-6);
    guotu_voucher_summary s;
    guotu_voucher_get_summary(ctx, v, &s);
    assert_close(s.protection_rate, 0.123975, 1e-12);
    guotu_voucher_destroy(ctx, v);

    /* Entered: 50000 yuan/person and 1000 persons/km² → Z1 G = 0.4, P = 1, E = 200·0.4 = 80. */
    guotu_voucher_options_init(&o);
    o.reference_from_zones = 0;
    o.reference_gdp_per_capita = 50000;
    o.reference_pop_density = 1000;
    v = account(ctx, c, &o);
    assert_close(zone(ctx, v, 0).e_ha, 80, 1e-9);
    assert_true(isnan(zone(ctx, v, 0).amount_yuan)); /* no price, no amount (not 0) */
    guotu_voucher_destroy(ctx, v);

    o.reference_gdp_per_capita = 0;
    guotu_voucher *bad = NULL;
    assert_int_equal(guotu_voucher_create(ctx, &o, c, c, &bad), GUOTU_ERR_ARGUMENT);
    guotu_coefficients_destroy(ctx, c);
    guotu_context_destroy(ctx);
}

static void test_bad_zones(void **state) {
    (void)state;
    guotu_context *ctx = guotu_context_create();
    guotu_coefficients *c = parse(ctx, table_csv, NULL, GUOTU_OK);
    guotu_voucher_options o;
    guotu_voucher_options_init(&o);
    guotu_voucher *v = NULL;
    assert_int_equal(guotu_voucher_create(ctx, &o, c, c, &v), GUOTU_OK);
    assert_int_equal(guotu_voucher_add_zone(ctx, v, "Z1", "", 100, 1e9, 1000), GUOTU_OK);
    assert_int_equal(guotu_voucher_add_zone(ctx, v, "Z1", "", 100, 1e9, 1000), GUOTU_ERR_DATA);
    assert_non_null(strstr(guotu_context_last_error(ctx), "'Z1' appears twice"));
    assert_int_equal(guotu_voucher_add_zone(ctx, v, "Z9", "", 100, 1e9, 0), GUOTU_ERR_DATA);
    assert_non_null(strstr(guotu_context_last_error(ctx), "population"));
    assert_int_equal(guotu_voucher_add_zone(ctx, v, "Z9", "", 100, 1e9, -5), GUOTU_ERR_DATA);
    assert_int_equal(guotu_voucher_add_zone(ctx, v, "Z9", "", 0, 1e9, 5), GUOTU_ERR_DATA);
    assert_non_null(strstr(guotu_context_last_error(ctx), "area"));
    assert_int_equal(guotu_voucher_add_zone(ctx, v, "Z9", "", 10, NAN, 5), GUOTU_ERR_DATA);
    assert_non_null(strstr(guotu_context_last_error(ctx), "GDP"));
    assert_int_equal(guotu_voucher_compute(ctx, v), GUOTU_ERR_STATE); /* no tallies */
    /* A tally with zones the account lacks fails part-way (Z1 is added, Z2 is not): the
     * account is then refused, never computed from half a year. */
    guotu_tally *t = tally_of(ctx, base_rows, base_ha, 8);
    assert_int_equal(guotu_voucher_add_tally(ctx, v, 0, t), GUOTU_ERR_DATA);
    assert_non_null(strstr(guotu_context_last_error(ctx), "zone 'Z2', which the account does not have"));
    assert_int_equal(guotu_voucher_add_tally(ctx, v, 0, t), GUOTU_ERR_STATE);
    assert_int_equal(guotu_voucher_add_tally(ctx, v, 1, t), GUOTU_ERR_STATE);
    assert_int_equal(guotu_voucher_compute(ctx, v), GUOTU_ERR_STATE);
    assert_non_null(strstr(guotu_context_last_error(ctx), "failed part-way"));
    guotu_tally_destroy(ctx, t);
    guotu_voucher_destroy(ctx, v);
    guotu_coefficients_destroy(ctx, c);
    guotu_context_destroy(ctx);
}

static void test_coefficient_tables(void **state) {
    (void)state;
    guotu_context *ctx = guotu_context_create();
    double k = 0;
    /* esv tables: k = esv / esv(reference); byte-order mark and CRLF tolerated. */
    guotu_coefficients *c = parse(ctx,
                                  "\xEF\xBB\xBF"
                                  "code,esv\r\n21,39065\r\n22,34858\r\n",
                                  "21", GUOTU_OK);
    assert_true(guotu_coefficients_lookup(c, "22", &k));
    assert_close(k, 34858.0 / 39065.0, 1e-12);
    assert_false(guotu_coefficients_lookup(c, "23", &k));
    guotu_coefficients_destroy(ctx, c);
    parse(ctx, "code,esv\n21,39065\n", "99", GUOTU_ERR_DATA);
    assert_non_null(strstr(guotu_context_last_error(ctx), "'99'"));
    /* Integer fields lose leading zeros: "301" finds "0301". */
    c = parse(ctx, "code,k\n0301,1.00\n0305,0.89\n05H1,0\n", NULL, GUOTU_OK);
    assert_true(guotu_coefficients_lookup(c, "301", &k));
    assert_close(k, 1.0, 0);
    assert_true(guotu_coefficients_lookup(c, "05H1", &k));
    assert_int_equal(guotu_coefficients_count(c), 3);
    guotu_coefficients_destroy(ctx, c);
    parse(ctx, "code,k\n21,1\n22,0.9\n21,0.8\n", NULL, GUOTU_ERR_DATA);
    assert_non_null(strstr(guotu_context_last_error(ctx), "line 4"));
    assert_non_null(strstr(guotu_context_last_error(ctx), "'21' is listed twice"));
    parse(ctx, "code,k\n21,one\n", NULL, GUOTU_ERR_DATA);
    assert_non_null(strstr(guotu_context_last_error(ctx), "line 2"));
    assert_non_null(strstr(guotu_context_last_error(ctx), "'one'"));
    parse(ctx, "code,k\n21,-1\n", NULL, GUOTU_ERR_DATA);
    parse(ctx, "class,value\n21,1\n", NULL, GUOTU_ERR_DATA);
    assert_non_null(strstr(guotu_context_last_error(ctx), "'code'"));
    parse(ctx, "code,k\n", NULL, GUOTU_ERR_DATA);
    parse(ctx, "code,k\n,1\n", NULL, GUOTU_ERR_DATA);
    guotu_context_destroy(ctx);
}

/* Units Z1–Z3 of the hand account over counties C1 = [0, 1.5e8] and C2 = [1.5e8, 3.6e8]
 * (1 m high strips, so width in m = area in m²): Z1 (10000 ha) lies in C1; Z2 (20000 ha)
 * has 5000 ha in C1 and 15000 ha in C2; Z3 (10000 ha) has 6000 ha in C2 and 4000 ha in
 * no county.
 *   C1 = E1·1 + E2·0.25 = 106.667 − 200 = −93.333
 *   C2 = E2·0.75 + E3·0.6 = −600 + 15.84 = −584.16;  unattributed = E3·0.4 = 10.56 */
static void test_units_attributed_to_counties(void **state) {
    (void)state;
    guotu_context *ctx = guotu_context_create();
    guotu_coefficients *c = parse(ctx, table_csv, NULL, GUOTU_OK);
    guotu_voucher_options o;
    guotu_voucher_options_init(&o);
    guotu_voucher *v = account(ctx, c, &o);
    guotu_tally_options to;
    guotu_tally_options_init(&to);
    to.area_method = GUOTU_AREA_PLANAR;
    guotu_tally *overlap = NULL;
    assert_int_equal(guotu_tally_create(ctx, &to, &overlap), GUOTU_OK);
    char w[256];
    assert_int_equal(add_zone_wkt(ctx, overlap, "C1", 1, box_wkt(w, sizeof w, 0, 0, 1.5e8, 1)), GUOTU_OK);
    assert_int_equal(add_zone_wkt(ctx, overlap, "C2", 2, box_wkt(w, sizeof w, 1.5e8, 0, 3.6e8, 1)), GUOTU_OK);
    assert_int_equal(guotu_tally_prepare(ctx, overlap), GUOTU_OK);
    assert_int_equal(add_landuse_wkt(ctx, overlap, "Z1", 1, box_wkt(w, sizeof w, 0, 0, 1e8, 1)), GUOTU_OK);
    assert_int_equal(add_landuse_wkt(ctx, overlap, "Z2", 2, box_wkt(w, sizeof w, 1e8, 0, 3e8, 1)), GUOTU_OK);
    assert_int_equal(add_landuse_wkt(ctx, overlap, "Z3", 3, box_wkt(w, sizeof w, 3e8, 0, 4e8, 1)), GUOTU_OK);
    assert_int_equal(guotu_tally_finish(ctx, overlap), GUOTU_OK);
    guotu_attribution *a = NULL;
    assert_int_equal(guotu_voucher_attribute(ctx, v, overlap, &a), GUOTU_OK);
    assert_int_equal(guotu_attribution_count(a), 2);
    guotu_county_voucher c1, c2;
    assert_int_equal(guotu_attribution_result(ctx, a, 0, &c1), GUOTU_OK);
    assert_int_equal(guotu_attribution_result(ctx, a, 1, &c2), GUOTU_OK);
    assert_string_equal(c1.county_id, "C1");
    assert_close(c1.e_ha, 106.0 + 2.0 / 3.0 - 200.0, 1e-6);
    assert_int_equal(c1.units, 2);
    assert_int_equal(c1.role, GUOTU_ROLE_DEMAND);
    assert_close(c2.e_ha, -600.0 + 15.84, 1e-6);
    assert_close(guotu_attribution_unattributed(a), 10.56, 1e-6);
    guotu_attribution_destroy(ctx, a);
    guotu_tally_destroy(ctx, overlap);
    guotu_voucher_destroy(ctx, v);
    guotu_coefficients_destroy(ctx, c);
    guotu_context_destroy(ctx);
}

/* ---- market ---- */

static guotu_market *market_of(guotu_context *ctx, const guotu_market_options *o, int with_prices) {
    guotu_market *m = NULL;
    assert_int_equal(guotu_market_create(ctx, o, &m), GUOTU_OK);
    double none = NAN;
    assert_int_equal(guotu_market_add(ctx, m, "Z1", 106.0 + 2.0 / 3.0, with_prices ? 800 : none, none, 0, 0), GUOTU_OK);
    assert_int_equal(guotu_market_add(ctx, m, "Z3", 26.4, with_prices ? 1200 : none, none, 100, 0), GUOTU_OK);
    assert_int_equal(guotu_market_add(ctx, m, "Z2", -800, none, with_prices ? 1000 : none, 10, 0), GUOTU_OK);
    assert_int_equal(guotu_market_add(ctx, m, "Z4", -50, none, with_prices ? 600 : none, 95, 0), GUOTU_OK);
    assert_int_equal(guotu_market_add(ctx, m, "Z5", 0, none, none, 50, 0), GUOTU_OK);
    assert_int_equal(guotu_market_clear(ctx, m), GUOTU_OK);
    return m;
}

/* The invariants every cleared market must satisfy, whatever the rule. */
static void check_invariants(guotu_context *ctx, const guotu_market *m, double cap) {
    const char *ids[] = {"Z1", "Z3", "Z2", "Z4", "Z5"};
    const double e[] = {106.0 + 2.0 / 3.0, 26.4, -800, -50, 0};
    double moved[5] = {0, 0, 0, 0, 0}, sold = 0, bought = 0;
    guotu_market_summary s;
    assert_int_equal(guotu_market_get_summary(ctx, m, &s), GUOTU_OK);
    for (size_t i = 0; i < guotu_market_trade_count(m); i++) {
        guotu_trade t;
        assert_int_equal(guotu_market_trade(ctx, m, i, &t), GUOTU_OK);
        assert_true(t.volume_ha > 0);
        assert_close(t.amount_yuan, t.volume_ha * t.price_yuan_per_ha, 1e-6);
        for (int z = 0; z < 5; z++) {
            if (strcmp(t.seller_id, ids[z]) == 0) moved[z] += t.volume_ha, sold += t.volume_ha;
            if (strcmp(t.buyer_id, ids[z]) == 0) moved[z] += t.volume_ha, bought += t.volume_ha;
        }
        assert_true(strcmp(t.seller_id, t.buyer_id) != 0);
    }
    for (int z = 0; z < 5; z++)
        assert_true(moved[z] <= fabs(e[z]) + 1e-9);
    assert_close(sold, bought, 1e-9);
    assert_close(sold, s.traded_ha, 1e-9);
    assert_true(s.traded_ha <= fmin(s.supply_ha, s.demand_ha) + 1e-9);
    if (cap >= 0) assert_true(s.traded_ha <= cap + 1e-9);
}

static void test_market_fixed_price_pro_rata(void **state) {
    (void)state;
    guotu_context *ctx = guotu_context_create();
    guotu_market_options o;
    guotu_market_options_init(&o);
    o.price = 1000;
    guotu_market *m = market_of(ctx, &o, 0);
    check_invariants(ctx, m, -1);
    guotu_market_summary s;
    guotu_market_get_summary(ctx, m, &s);
    /* Supply 133.0667 < demand 850: every seller sells out, buyers share 800:50. */
    assert_close(s.traded_ha, 133.0 + 1.0 / 15.0, 1e-9);
    assert_close(s.clearing_price, 1000, 0);
    assert_int_equal(guotu_market_trade_count(m), 4);
    for (size_t i = 0; i < 4; i++) {
        guotu_trade t;
        guotu_market_trade(ctx, m, i, &t);
        if (!strcmp(t.seller_id, "Z1") && !strcmp(t.buyer_id, "Z4"))
            assert_close(t.volume_ha, (106.0 + 2.0 / 3.0) * 50.0 / 850.0, 1e-9);
    }
    guotu_market_destroy(ctx, m);

    o.cap_ha = 100;
    m = market_of(ctx, &o, 0);
    check_invariants(ctx, m, 100);
    guotu_market_get_summary(ctx, m, &s);
    assert_close(s.traded_ha, 100, 1e-9);
    guotu_market_destroy(ctx, m);
    guotu_context_destroy(ctx);
}

static void test_market_nearest(void **state) {
    (void)state;
    guotu_context *ctx = guotu_context_create();
    guotu_market_options o;
    guotu_market_options_init(&o);
    o.price = 1000;
    o.allocation = GUOTU_ALLOCATION_NEAREST;
    guotu_market *m = market_of(ctx, &o, 0);
    check_invariants(ctx, m, -1);
    /* Z3 (x=100) is 5 from Z4 (x=95): trades 26.4 there first; Z1 (x=0) is 10 from Z2. */
    assert_int_equal(guotu_market_trade_count(m), 2);
    guotu_trade a, b;
    guotu_market_trade(ctx, m, 0, &a);
    guotu_market_trade(ctx, m, 1, &b);
    assert_string_equal(a.seller_id, "Z3");
    assert_string_equal(a.buyer_id, "Z4");
    assert_close(a.volume_ha, 26.4, 1e-9);
    assert_string_equal(b.seller_id, "Z1");
    assert_string_equal(b.buyer_id, "Z2");
    assert_close(b.volume_ha, 106.0 + 2.0 / 3.0, 1e-9);
    guotu_market_destroy(ctx, m);
    guotu_context_destroy(ctx);
}

static void test_market_call_auction(void **state) {
    (void)state;
    guotu_context *ctx = guotu_context_create();
    guotu_market_options o;
    guotu_market_options_init(&o);
    o.floor_price = 500;
    /* Asks Z1 800, Z3 1200; bids Z2 1000, Z4 600. At 800 Z1 sells 106.67 to Z2 (bid 1000);
     * at 1000 the same; at 1200 nobody buys. Most volume, least excess, lowest: 800. */
    guotu_market *m = market_of(ctx, &o, 1);
    check_invariants(ctx, m, -1);
    guotu_market_summary s;
    guotu_market_get_summary(ctx, m, &s);
    assert_close(s.clearing_price, 800, 0);
    assert_close(s.traded_ha, 106.0 + 2.0 / 3.0, 1e-9);
    assert_int_equal(s.sellers, 1);
    assert_int_equal(s.buyers, 1);
    guotu_market_destroy(ctx, m);

    /* Asks and bids need floor-price mode; a market needs some price. */
    o.floor_price = 0;
    guotu_market *bad = NULL;
    assert_int_equal(guotu_market_create(ctx, &o, &bad), GUOTU_ERR_ARGUMENT);
    o.price = 100;
    assert_int_equal(guotu_market_create(ctx, &o, &bad), GUOTU_OK);
    assert_int_equal(guotu_market_add(ctx, bad, "Z1", 5, 90, NAN, 0, 0), GUOTU_ERR_ARGUMENT);
    assert_non_null(strstr(guotu_context_last_error(ctx), "floor price"));
    guotu_market_destroy(ctx, bad);
    guotu_context_destroy(ctx);
}

/* Accounts over years on the fixture's account (E1 = 106.666…, E2 = −800, E3 = 26.4), Z3 opening at −30:
 * positions 106.666…, −800, −3.6; at 1000 yuan/ha under a cap of 50 ha, pro rata: Z1 sells 50, Z2 buys
 * 50·800/803.6 and Z3 50·3.6/803.6. Closings: 56.666…, −800 + 49.776…, −3.6 + 0.2239…; a second period
 * without a market adds E again. */
static void test_ledger_over_periods(void **state) {
    (void)state;
    guotu_context *ctx = guotu_context_create();
    guotu_coefficients *c = parse(ctx, table_csv, NULL, GUOTU_OK);
    guotu_voucher_options o;
    guotu_voucher_options_init(&o);
    guotu_voucher *v = account(ctx, c, &o);
    guotu_accounts *l = NULL;
    assert_int_equal(guotu_accounts_create(ctx, &l), GUOTU_OK);
    assert_int_equal(guotu_accounts_set_balance(ctx, l, "Z3", -30), GUOTU_OK);
    assert_int_equal(guotu_accounts_set_balance(ctx, l, "Z9", NAN), GUOTU_ERR_DATA);
    guotu_market_options mo;
    guotu_market_options_init(&mo);
    mo.price = 1000;
    mo.cap_ha = 50;
    guotu_market *m = NULL;
    assert_int_equal(guotu_market_create(ctx, &mo, &m), GUOTU_OK);
    for (size_t i = 0; i < 3; i++) {
        guotu_voucher_zone z = zone(ctx, v, i);
        double position = guotu_accounts_balance(l, z.zone_id) + z.e_ha;
        assert_int_equal(guotu_market_add(ctx, m, z.zone_id, position, NAN, NAN, (double)i, 0), GUOTU_OK);
    }
    assert_int_equal(guotu_market_clear(ctx, m), GUOTU_OK);
    assert_int_equal(guotu_accounts_post(ctx, l, 2019, 2020, v, m), GUOTU_OK);
    guotu_market_destroy(ctx, m);
    assert_int_equal(guotu_accounts_row_count(l), 3);
    const double e1 = 200.0 * 2.0 / 3.0 * 0.8, demand = 800 + 3.6;
    const double opening[3] = {0, 0, -30}, bought[3] = {0, 50 * 800 / demand, 50 * 3.6 / demand};
    const double sold[3] = {50, 0, 0}, e[3] = {e1, -800, 26.4};
    for (size_t i = 0; i < 3; i++) {
        guotu_account_row r;
        assert_int_equal(guotu_accounts_result(ctx, l, i, &r), GUOTU_OK);
        assert_int_equal(r.period, 1);
        assert_int_equal(r.year_from, 2019);
        assert_int_equal(r.year_to, 2020);
        assert_close(r.opening_ha, opening[i], 1e-9);
        assert_close(r.e_ha, e[i], 1e-9);
        assert_close(r.position_ha, opening[i] + e[i], 1e-9);
        assert_close(r.bought_ha, bought[i], 1e-9);
        assert_close(r.sold_ha, sold[i], 1e-9);
        assert_close(r.closing_ha, opening[i] + e[i] + bought[i] - sold[i], 1e-9);
        assert_close(guotu_accounts_balance(l, r.zone_id), r.closing_ha, 0);
        assert_int_equal(r.violation, -1); /* no lines */
        assert_true(isnan(r.redline_loss_ha));
    }
    guotu_account_row z2;
    guotu_accounts_result(ctx, l, 1, &z2);
    assert_string_equal(z2.zone_id, "Z2");
    assert_string_equal(z2.zone_name, "二县");
    /* A second period without a market: the closing is the opening plus E. */
    assert_int_equal(guotu_accounts_post(ctx, l, 2020, 2021, v, NULL), GUOTU_OK);
    assert_int_equal(guotu_accounts_row_count(l), 6);
    guotu_account_row r;
    guotu_accounts_result(ctx, l, 3, &r);
    assert_int_equal(r.period, 2);
    assert_close(r.opening_ha, e1 - 50, 1e-9);
    assert_close(r.closing_ha, e1 - 50 + e1, 1e-9);
    assert_close(r.bought_ha + r.sold_ha, 0, 0);
    assert_int_equal(guotu_accounts_result(ctx, l, 6, &r), GUOTU_ERR_ARGUMENT);
    guotu_accounts_destroy(ctx, l);
    guotu_voucher_destroy(ctx, v);
    guotu_coefficients_destroy(ctx, c);
    guotu_context_destroy(ctx);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_hand_computed_account),
        cmocka_unit_test(test_bottom_lines),
        cmocka_unit_test(test_protection_rate_and_entered_references),
        cmocka_unit_test(test_bad_zones),
        cmocka_unit_test(test_coefficient_tables),
        cmocka_unit_test(test_units_attributed_to_counties),
        cmocka_unit_test(test_market_fixed_price_pro_rata),
        cmocka_unit_test(test_market_nearest),
        cmocka_unit_test(test_market_call_auction),
        cmocka_unit_test(test_ledger_over_periods),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
