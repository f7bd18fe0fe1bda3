/* test_priorities.c — ruling objective, non-dominated sorting and site objectives on
 * hand-computed fixtures (planar metres, EPSG:4527, so that the areas are exact).
 *
 * Rule table: 水源涵养 1 water conservation controls 01;02 (cultivated, garden),
 *                      2 biodiversity controls 03 (forest);
 *             生物多样性维护 1 biodiversity controls 0301;04.
 * Zones: Z1 水源涵养 [0,1000]x[0,1200] 120 ha; Z2 生物多样性维护 [1000,2000]x[0,1000];
 *        Z3 "未列" (no row) [0,100]x[2000,2100].
 * Admin: A1 [0,1500]x[0,1000], A2 [1500,2000]x[0,1000] (Z1 above y = 1000 is in no unit).
 * Land:  L1 0101 KCXS 0.1 [800,1200]x[0,500]: 10 ha in Z1 (net 9), nothing in Z2 (not controlled);
 *        L2 0301 [0,200]x[600,800]: 4 ha in Z1, ruled by rank 2 (rank 1 says nothing of forest);
 *        L3 0401 [1400,1600]x[0,100]: 2 ha in Z2, 1 ha in A1 and 1 ha in A2;
 *        L4 0102 [2500,2600]x[0,100]: in no zone; L5 0101 in Z3: no rule;
 *        L6 0202 [900,1100]x[900,1100]: 2 ha in Z1, 1 ha in A1 and 1 ha in no unit.
 * Z1: 16 ha controlled, net 15, 4 pieces; Z2: 2 ha, 2 pieces; A1 16 ha; A2 1 ha.
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

static const char rules_csv[] = "zone_type,rank,objective,controls,rule,note\n"
                                "水源涵养,2,biodiversity,03,forest kept,judgement\n"
                                "水源涵养,1,water conservation,01;02,cultivated and garden land to be controlled,x\n"
                                "生物多样性维护,1,biodiversity,0301 04,habitat kept,x\n";

static int add_wkt(guotu_context *ctx, int kind, void *obj, int64_t fid, const char *code, const char *wkt) {
    size_t n = 0;
    unsigned char *wkb = wkt_to_wkb(wkt, &n);
    int status = kind == 0   ? guotu_rule_run_add_zone(ctx, obj, fid, code, wkb, n)
                 : kind == 1 ? guotu_rule_run_add_admin(ctx, obj, fid, code, code, wkb, n)
                 : kind == 2 ? guotu_sites_add_landuse(ctx, obj, fid, code, fid == 1 ? 0.1 : 0, wkb, n)
                 : kind == 3 ? guotu_sites_add_redline(ctx, obj, fid, wkb, n)
                             : guotu_sites_add_site(ctx, obj, fid, wkb, n);
    free(wkb);
    return status;
}

typedef struct seen {
    int count;
    double sum_ha, net_ha;
    double by_land[8][2]; /* landuse fid -> area, rank */
    double outside_ha;    /* pieces in no admin unit */
    char objective_of_2[64];
} seen;

static int on_piece(const guotu_rule_piece *p, void *user) {
    seen *s = user;
    s->count++;
    s->sum_ha += p->area_ha;
    s->net_ha += p->net_ha;
    s->by_land[p->landuse_fid][0] += p->area_ha;
    s->by_land[p->landuse_fid][1] = p->rank;
    if (p->admin_fid < 0) s->outside_ha += p->area_ha;
    if (p->landuse_fid == 2) snprintf(s->objective_of_2, sizeof s->objective_of_2, "%s", p->objective);
    return 0;
}

static void test_ruling_objective(void **state) {
    (void)state;
    guotu_context *ctx = guotu_context_create();
    guotu_rule_table *t = NULL;
    assert_int_equal(guotu_rule_table_parse(ctx, rules_csv, strlen(rules_csv), "rules", &t), GUOTU_OK);
    assert_int_equal(guotu_rule_table_count(t), 3);
    guotu_rule_options o;
    guotu_rule_options_init(&o);
    o.crs = "EPSG:4527";
    o.area_method = GUOTU_AREA_PLANAR;
    guotu_rule_run *r = NULL;
    assert_int_equal(guotu_rule_run_create(ctx, &o, t, &r), GUOTU_OK);
    char b[256];
    assert_int_equal(add_wkt(ctx, 0, r, 1, "水源涵养", box_wkt(b, sizeof b, 0, 0, 1000, 1200)), GUOTU_OK);
    assert_int_equal(add_wkt(ctx, 0, r, 2, "生物多样性维护", box_wkt(b, sizeof b, 1000, 0, 2000, 1000)), GUOTU_OK);
    assert_int_equal(add_wkt(ctx, 0, r, 3, "未列", box_wkt(b, sizeof b, 0, 2000, 100, 2100)), GUOTU_OK);
    assert_int_equal(add_wkt(ctx, 1, r, 11, "A1", box_wkt(b, sizeof b, 0, 0, 1500, 1000)), GUOTU_OK);
    assert_int_equal(add_wkt(ctx, 1, r, 12, "A2", box_wkt(b, sizeof b, 1500, 0, 2000, 1000)), GUOTU_OK);
    seen s;
    memset(&s, 0, sizeof s);
    struct {
        const char *code;
        double deduction, x0, y0, x1, y1;
    } land[] = {{"0101", 0.1, 800, 0, 1200, 500}, {"0301", 0, 0, 600, 200, 800},   {"0401", 0, 1400, 0, 1600, 100},
                {"0102", 0, 2500, 0, 2600, 100},  {"0101", 0, 0, 2000, 100, 2100}, {"0202", 0, 900, 900, 1100, 1100}};
    for (int i = 0; i < 6; i++) {
        size_t n = 0;
        unsigned char *wkb = wkt_to_wkb(box_wkt(b, sizeof b, land[i].x0, land[i].y0, land[i].x1, land[i].y1), &n);
        assert_int_equal(
            guotu_rule_run_add_landuse(ctx, r, i + 1, land[i].code, land[i].deduction, wkb, n, on_piece, &s), GUOTU_OK);
        free(wkb);
    }
    assert_int_equal(s.count, 6);
    assert_close(s.sum_ha, 18, 1e-9);
    assert_close(s.net_ha, 17, 1e-9);
    assert_close(s.by_land[1][0], 10, 1e-9);
    assert_close(s.by_land[1][1], 1, 0);
    assert_close(s.by_land[2][0], 4, 1e-9);
    assert_close(s.by_land[2][1], 2, 0);
    assert_string_equal(s.objective_of_2, "biodiversity");
    assert_close(s.by_land[3][0], 2, 1e-9);
    assert_close(s.by_land[6][0], 2, 1e-9);
    assert_close(s.outside_ha, 1, 1e-9);
    guotu_rule_summary z;
    assert_int_equal(guotu_rule_run_zone_count(r), 3);
    assert_int_equal(guotu_rule_run_zone(ctx, r, 0, &z), GUOTU_OK);
    assert_string_equal(z.objective, "water conservation");
    assert_close(z.area_ha, 120, 1e-9);
    assert_close(z.controlled_ha, 16, 1e-9);
    assert_close(z.net_ha, 15, 1e-9);
    assert_int_equal(z.pieces, 4);
    assert_int_equal(guotu_rule_run_zone(ctx, r, 1, &z), GUOTU_OK);
    assert_close(z.controlled_ha, 2, 1e-9);
    assert_int_equal(guotu_rule_run_zone(ctx, r, 2, &z), GUOTU_OK);
    assert_string_equal(z.objective, "");
    assert_close(z.controlled_ha, 0, 0);
    assert_int_equal(guotu_rule_run_admin(ctx, r, 0, &z), GUOTU_OK);
    assert_string_equal(z.code, "A1");
    assert_close(z.controlled_ha, 16, 1e-9);
    assert_int_equal(guotu_rule_run_admin(ctx, r, 1, &z), GUOTU_OK);
    assert_close(z.controlled_ha, 1, 1e-9);
    /* zones after land use: refused */
    assert_int_equal(add_wkt(ctx, 0, r, 4, "水源涵养", box_wkt(b, sizeof b, 0, 0, 1, 1)), GUOTU_ERR_STATE);
    guotu_rule_run_destroy(ctx, r);
    guotu_rule_table_destroy(ctx, t);
    guotu_context_destroy(ctx);
}

static void test_rule_table_errors(void **state) {
    (void)state;
    guotu_context *ctx = guotu_context_create();
    guotu_rule_table *t = NULL;
    const char *twice = "zone_type,rank,objective,controls,rule\nA,1,x,01,r\nA,1,y,02,r\n";
    assert_int_equal(guotu_rule_table_parse(ctx, twice, strlen(twice), "t.csv", &t), GUOTU_ERR_DATA);
    assert_non_null(strstr(guotu_context_last_error(ctx), "rank 1 twice"));
    const char *bad_rank = "zone_type,rank,objective,controls,rule\nA,first,x,01,r\n";
    assert_int_equal(guotu_rule_table_parse(ctx, bad_rank, strlen(bad_rank), "t.csv", &t), GUOTU_ERR_DATA);
    assert_non_null(strstr(guotu_context_last_error(ctx), "line 2"));
    const char *no_col = "zone_type,rank,objective,rule\nA,1,x,r\n";
    assert_int_equal(guotu_rule_table_parse(ctx, no_col, strlen(no_col), "t.csv", &t), GUOTU_ERR_DATA);
    assert_non_null(strstr(guotu_context_last_error(ctx), "'controls'"));
    assert_null(t);
    guotu_context_destroy(ctx);
}

/* Two objectives, both minimised; fronts known by construction:
 *  F1 (1,5) (2,3) (2,3) (4,1)   — a duplicate pair;
 *  F2 (1,6) (2,4) (4,2)        — (1,6) ties (1,5) on the first objective;
 *  F3 (3,4)                     — dominated by (2,4) (equal second score);
 *  F4 (5,5)                     — dominated by (3,4).
 * Crowding in F1: distinct (1,5) (2,3) (4,1): ends ∞, (2,3) gets 3/3 + 4/4 = 2 (its duplicate too);
 * F2: (2,4) gets 3/3 + 4/4 = 2; single-site fronts ∞. */
static const double pts[9][2] = {{1, 5}, {2, 3}, {4, 1}, {2, 3}, {3, 4}, {5, 5}, {1, 6}, {4, 2}, {2, 4}};
static const int fronts[9] = {1, 1, 1, 1, 3, 4, 2, 2, 2};

static void test_fronts_by_construction(void **state) {
    (void)state;
    guotu_context *ctx = guotu_context_create();
    int front[9];
    double crowd[9];
    int dirs[3] = {GUOTU_MINIMISE, GUOTU_MINIMISE, GUOTU_MINIMISE};
    assert_int_equal(guotu_pareto_rank(ctx, &pts[0][0], 9, 2, dirs, NULL, NULL, front, crowd), GUOTU_OK);
    for (int i = 0; i < 9; i++)
        assert_int_equal(front[i], fronts[i]);
    assert_true(isinf(crowd[0]) && isinf(crowd[2]) && isinf(crowd[6]) && isinf(crowd[7]));
    assert_close(crowd[1], 2, 1e-12);
    assert_close(crowd[3], 2, 1e-12);
    assert_close(crowd[8], 2, 1e-12);
    assert_true(isinf(crowd[4]) && isinf(crowd[5]));
    /* The second objective maximised on negated scores: the same fronts. */
    double neg[9][2];
    for (int i = 0; i < 9; i++)
        neg[i][0] = pts[i][0], neg[i][1] = -pts[i][1];
    int dirs_max[2] = {GUOTU_MINIMISE, GUOTU_MAXIMISE};
    assert_int_equal(guotu_pareto_rank(ctx, &neg[0][0], 9, 2, dirs_max, NULL, NULL, front, NULL), GUOTU_OK);
    for (int i = 0; i < 9; i++)
        assert_int_equal(front[i], fronts[i]);
    /* A third objective where only (5,5) is best puts it on the first front; the rest stay. */
    double three[9][3];
    for (int i = 0; i < 9; i++)
        three[i][0] = pts[i][0], three[i][1] = pts[i][1], three[i][2] = i == 5 ? -1 : 0;
    assert_int_equal(guotu_pareto_rank(ctx, &three[0][0], 9, 3, dirs, NULL, NULL, front, crowd), GUOTU_OK);
    for (int i = 0; i < 9; i++)
        assert_int_equal(front[i], i == 5 ? 1 : fronts[i]);
    /* Lexicographic: first objective, then second; equal scores share a rank. */
    int order[2] = {0, 1}, rank[9];
    const int expected[9] = {1, 3, 7, 3, 6, 9, 2, 8, 5};
    assert_int_equal(guotu_lexicographic_rank(ctx, &pts[0][0], 9, 2, dirs, order, 2, NULL, NULL, rank), GUOTU_OK);
    for (int i = 0; i < 9; i++)
        assert_int_equal(rank[i], expected[i]);
    /* A missing score is named. */
    double nan_pts[2][2] = {{1, 2}, {NAN, 1}};
    int64_t fids[2] = {10, 20};
    const char *names[2] = {"cost", "gain"};
    assert_int_equal(guotu_pareto_rank(ctx, &nan_pts[0][0], 2, 2, dirs, fids, names, front, crowd), GUOTU_ERR_DATA);
    assert_non_null(strstr(guotu_context_last_error(ctx), "feature 20"));
    assert_non_null(strstr(guotu_context_last_error(ctx), "'cost'"));
    guotu_context_destroy(ctx);
}

/* Against the definition on random scores with many ties: front f = 1 + the largest front
 * of the sites dominating it. */
static void test_fronts_match_definition(void **state) {
    (void)state;
    guotu_context *ctx = guotu_context_create();
    enum { N = 400 };
    static double v[N * 4];
    static int front[N];
    static double crowd[N];
    int dirs[4] = {GUOTU_MINIMISE, GUOTU_MAXIMISE, GUOTU_MINIMISE, GUOTU_MAXIMISE};
    unsigned seed = 12345;
    for (size_t k = 1; k <= 4; k++) {
        for (int i = 0; i < N * (int)k; i++) {
            seed = seed * 1103515245u + 12345u;
            v[i] = (double)((seed >> 16) % 12);
        }
        assert_int_equal(guotu_pareto_rank(ctx, v, N, k, dirs, NULL, NULL, front, crowd), GUOTU_OK);
        /* brute force, by increasing front: repeat until stable */
        static int ref[N];
        for (int i = 0; i < N; i++)
            ref[i] = 1;
        for (int changed = 1; changed;) {
            changed = 0;
            for (int p = 0; p < N; p++)
                for (int q = 0; q < N; q++) {
                    int le = 1, lt = 0;
                    for (size_t j = 0; j < k; j++) {
                        double a = v[q * k + j] * -dirs[j], b = v[p * k + j] * -dirs[j];
                        le &= a <= b;
                        lt |= a < b;
                    }
                    if (le && lt && ref[p] <= ref[q]) {
                        ref[p] = ref[q] + 1;
                        changed = 1;
                    }
                }
        }
        for (int i = 0; i < N; i++)
            assert_int_equal(front[i], ref[i]);
        for (int i = 0; i < N; i++)
            assert_true(crowd[i] >= 0);
    }
    guotu_context_destroy(ctx);
}

/* Sites: land L1 0101 (KCXS 0.1) [0,100]², L2 0401 [100,200]x[0,100]; red line [300,400]x[0,100].
 * Target 0301 (k 1); k 0101 = 0, 0401 = 0.5.
 *  S1 [50,150]x[0,100]: 1 ha; half of each: gain 0.5·1 + 0.5·0.5 = 0.75; cultivated −0.5·0.9 = −0.45;
 *     150 m from the red line, no contact.
 *  S2 [250,300]x[0,100]: touches the red line along 100 m; no land use.
 *  S3 [350,360]x[10,20] inside the red line: distance 0, its whole boundary (40 m) inside. */
static void test_site_objectives(void **state) {
    (void)state;
    guotu_context *ctx = guotu_context_create();
    const char *k_csv = "code,k\n0101,0\n0301,1\n0401,0.5\n";
    guotu_coefficients *c = NULL;
    assert_int_equal(guotu_coefficients_parse(ctx, k_csv, strlen(k_csv), "k", NULL, &c), GUOTU_OK);
    guotu_sites_options o;
    guotu_sites_options_init(&o);
    o.crs = "EPSG:4527";
    o.area_method = GUOTU_AREA_PLANAR;
    o.coefficients = c;
    o.target_class = "0301";
    guotu_sites *s = NULL;
    assert_int_equal(guotu_sites_create(ctx, &o, &s), GUOTU_OK);
    char b[256];
    assert_int_equal(add_wkt(ctx, 2, s, 1, "0101", box_wkt(b, sizeof b, 0, 0, 100, 100)), GUOTU_OK);
    assert_int_equal(add_wkt(ctx, 2, s, 2, "0401", box_wkt(b, sizeof b, 100, 0, 200, 100)), GUOTU_OK);
    assert_int_equal(add_wkt(ctx, 2, s, 3, "9999", box_wkt(b, sizeof b, 0, 0, 1, 1)), GUOTU_ERR_DATA);
    assert_non_null(strstr(guotu_context_last_error(ctx), "'9999'"));
    assert_int_equal(add_wkt(ctx, 3, s, 1, NULL, box_wkt(b, sizeof b, 300, 0, 400, 100)), GUOTU_OK);
    assert_int_equal(add_wkt(ctx, 4, s, 101, NULL, box_wkt(b, sizeof b, 50, 0, 150, 100)), GUOTU_OK);
    assert_int_equal(add_wkt(ctx, 4, s, 102, NULL, box_wkt(b, sizeof b, 250, 0, 300, 100)), GUOTU_OK);
    assert_int_equal(add_wkt(ctx, 4, s, 103, NULL, box_wkt(b, sizeof b, 350, 10, 360, 20)), GUOTU_OK);
    assert_int_equal(guotu_sites_run(ctx, s), GUOTU_OK);
    guotu_site_scores sc;
    assert_int_equal(guotu_sites_row(ctx, s, 0, &sc), GUOTU_OK);
    assert_int_equal(sc.fid, 101);
    assert_close(sc.area_ha, 1, 1e-12);
    assert_close(sc.landuse_ha, 1, 1e-12);
    assert_close(sc.forest_gain_ha, 0.75, 1e-12);
    assert_close(sc.cultivated_change_ha, -0.45, 1e-12);
    assert_close(sc.redline_distance_m, 150, 1e-9);
    assert_close(sc.redline_contact_m, 0, 0);
    assert_int_equal(guotu_sites_row(ctx, s, 1, &sc), GUOTU_OK);
    assert_close(sc.redline_distance_m, 0, 0);
    assert_close(sc.redline_contact_m, 100, 1e-9);
    assert_close(sc.forest_gain_ha, 0, 0);
    assert_int_equal(guotu_sites_row(ctx, s, 2, &sc), GUOTU_OK);
    assert_close(sc.redline_contact_m, 40, 1e-9);
    guotu_sites_destroy(ctx, s);
    /* Distances in degrees are refused. */
    o.crs = "EPSG:4490";
    o.area_method = GUOTU_AREA_ELLIPSOIDAL;
    assert_int_equal(guotu_sites_create(ctx, &o, &s), GUOTU_OK);
    assert_int_equal(add_wkt(ctx, 3, s, 1, NULL, box_wkt(b, sizeof b, 116, 39, 116.1, 39.1)), GUOTU_ERR_CRS);
    guotu_sites_destroy(ctx, s);
    /* A target not in the table is refused. */
    o.target_class = "0999";
    assert_int_equal(guotu_sites_create(ctx, &o, &s), GUOTU_ERR_DATA);
    guotu_coefficients_destroy(ctx, c);
    guotu_context_destroy(ctx);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_ruling_objective),       cmocka_unit_test(test_rule_table_errors),
        cmocka_unit_test(test_fronts_by_construction), cmocka_unit_test(test_fronts_match_definition),
        cmocka_unit_test(test_site_objectives),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
