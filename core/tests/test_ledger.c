/* test_ledger.c — the unit ledger on fixtures worked out by hand (planar metres, SANDIAO_WORK).
 *
 * Parcels are 100 m squares (1 ha) on y ∈ [0,100] at x0 = the number given. Unit polygons
 * U1 [0,1000] and U2 [1000,2000]; red line [0,50] and [1300,1500]; river beach [1200,1300]×[0,50].
 *   id  x0    current→planned  KCXS      GDDB     farmland  project / type
 *   A   0     0103→0103        .10→.05   5→(5)    1→1       (a code unchanged in the red line: fine)
 *   B   100   0103→0702        .20       7        1→0
 *   C   200   0702→0103        →.10      →4       0→1       PJ1 拆旧复垦
 *   D   300   0702→0301                                     PJ1 拆旧复垦
 *   E   400   0404→0103                  →6
 *   F   1000  0103→0601        .10       3        1→0
 *   G   1100  0201→0103                  →9       0→1
 *   H   1200  0702→0103                  →8                 PJ2 拆旧复垦 (half on the beach)
 *   I   1300  0301→0103                  →8                 农用地整理 (in the red line)
 *   J   1400  0404→0301                                     生态保护修复 (in the red line: allowed)
 * U1: cultivated opening A .9 + B .8 = 1.7; lost to construction .8 (B); gained from
 *   construction .9 (C) and grassland 1 (E); 田坎 change +.05 (A); closing .95 + .9 + 1 = 2.85.
 *   田坎 opening .1 + .2 = .3, closing .05 + .1 = .15. Grades: opening 5:.9, 7:.8, mean
 *   10.1/1.7; closing 5:.95, 4:.9, 6:1, mean 14.35/2.85. Farmland out .8 (grade 7), in .9
 *   (grade 4), ratio 1.125. Construction 2 → 1, reclaimed 2, built 1, balance 1. Standard
 *   forest .19 (E) → 1 (D). Every rule passes.
 * U2: cultivated .9 → 3 (lost .9 to construction; gained 1 each from garden, construction,
 *   forest); mean grade 3 → 25/3: quality fails. Farmland out .9 (grade 3), in 1 (grade 9):
 *   ratio 1/.9 passes, quality fails. Construction 1 → 1 (reclaimed 1, built 1): passes; the
 *   linkage balance is 0 but H is on a river beach (.5 ha): fails. Standard forest I 1 + J .19
 *   = 1.19 → J 1: fails. Red line: I changed inside (1 ha), J is restoration: fails.
 * Certificates: PJ1-0001 C (cultivated .9, 田坎 .1, standard forest 0), PJ1-0002 D (forest 1,
 *   standard forest 1), PJ2-0001 H (on a river beach: not issuable).
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

typedef struct fixture {
    guotu_context *ctx;
    guotu_project_types *types;
    guotu_category_map *map;
    guotu_coefficients *k;
} fixture;

static int setup(void **state) {
    fixture *fx = calloc(1, sizeof *fx);
    fx->ctx = guotu_context_create();
    fx->types = preset_project_types(fx->ctx);
    fx->map = preset_category_map(fx->ctx, "SANDIAO_WORK");
    fx->k = preset_coefficients(fx->ctx, "SANDIAO_WORK");
    *state = fx;
    return 0;
}

static int teardown(void **state) {
    fixture *fx = *state;
    guotu_coefficients_destroy(fx->ctx, fx->k);
    guotu_category_map_destroy(fx->ctx, fx->map);
    guotu_project_types_destroy(fx->ctx, fx->types);
    guotu_context_destroy(fx->ctx);
    free(fx);
    return 0;
}

typedef enum layer { UNIT, REDLINE, BEACH } layer;

static void add_box(fixture *fx, guotu_ledger *l, layer which, const char *id, double x0, double y0, double x1,
                    double y1) {
    char w[256];
    size_t n = 0;
    unsigned char *wkb = wkt_to_wkb(box_wkt(w, sizeof w, x0, y0, x1, y1), &n);
    int status = which == UNIT      ? guotu_ledger_add_unit(fx->ctx, l, id, "", 1, wkb, n)
                 : which == REDLINE ? guotu_ledger_add_redline(fx->ctx, l, 1, wkb, n)
                                    : guotu_ledger_add_river_beach(fx->ctx, l, 1, wkb, n);
    assert_int_equal(status, GUOTU_OK);
    free(wkb);
}

typedef struct row {
    const char *id, *unit, *project, *type, *cur, *plan;
    double x0, kc0, kc1, g0, g1;
    int f0, f1;
    double area_m2;
} row;

static int add_row(fixture *fx, guotu_ledger *l, const row *r, int64_t fid) {
    char w[256];
    size_t n = 0;
    unsigned char *wkb = wkt_to_wkb(box_wkt(w, sizeof w, r->x0, 0, r->x0 + 100, 100), &n);
    guotu_ledger_parcel in = {r->id,
                              r->unit ? r->unit : "",
                              r->project ? r->project : "",
                              r->type ? r->type : "",
                              r->cur,
                              r->plan,
                              r->area_m2 > 0 ? r->area_m2 : NAN,
                              r->kc0,
                              r->kc1,
                              r->g0,
                              r->g1,
                              r->f0,
                              r->f1,
                              fid};
    int status = guotu_ledger_add_parcel(fx->ctx, l, &in, wkb, n);
    free(wkb);
    return status;
}

static guotu_ledger *make(fixture *fx, const guotu_ledger_options *opts, int with_k) {
    guotu_ledger_options o;
    guotu_ledger_options_init(&o);
    if (opts) o = *opts;
    o.area_method = GUOTU_AREA_PLANAR;
    o.crs = "EPSG:4527";
    guotu_ledger *l = NULL;
    assert_int_equal(
        guotu_ledger_create(fx->ctx, &o, fx->map, fx->map, with_k ? fx->k : NULL, with_k ? fx->k : NULL, fx->types, &l),
        GUOTU_OK);
    return l;
}

static void test_balance_sheet(void **state) {
    fixture *fx = *state;
    guotu_ledger *l = make(fx, NULL, 1);
    add_box(fx, l, UNIT, "U1", 0, -10, 1000, 110);
    add_box(fx, l, UNIT, "U2", 1000, -10, 2000, 110);
    add_box(fx, l, REDLINE, NULL, 0, 0, 50, 100);
    add_box(fx, l, REDLINE, NULL, 1300, 0, 1500, 100);
    add_box(fx, l, BEACH, NULL, 1200, 0, 1300, 50);
    const row rows[] = {
        {"A", 0, 0, 0, "0103", "0103", 0, .10, .05, 5, NAN, 1, 1, 0},
        {"B", 0, 0, 0, "0103", "0702", 100, .20, NAN, 7, NAN, 1, 0, 0},
        {"C", 0, "PJ1", "拆旧复垦", "0702", "0103", 200, NAN, .10, NAN, 4, 0, 1, 0},
        {"D", 0, "PJ1", "拆旧复垦", "0702", "0301", 300, NAN, NAN, NAN, NAN, 0, 0, 0},
        {"E", 0, 0, 0, "0404", "0103", 400, NAN, NAN, NAN, 6, 0, 0, 0},
        {"F", 0, 0, 0, "0103", "0601", 1000, .10, NAN, 3, NAN, 1, 0, 0},
        {"G", 0, 0, 0, "0201", "0103", 1100, NAN, NAN, NAN, 9, 0, 1, 0},
        {"H", 0, "PJ2", "拆旧复垦", "0702", "0103", 1200, NAN, NAN, NAN, 8, 0, 0, 0},
        {"I", 0, 0, "农用地整理", "0301", "0103", 1300, NAN, NAN, NAN, 8, 0, 0, 0},
        {"J", 0, 0, "生态保护修复", "0404", "0301", 1400, NAN, NAN, NAN, NAN, 0, 0, 0},
    };
    for (size_t i = 0; i < sizeof rows / sizeof *rows; i++)
        assert_int_equal(add_row(fx, l, &rows[i], (int64_t)i + 1), GUOTU_OK);
    assert_int_equal(guotu_ledger_run(fx->ctx, l), GUOTU_OK);
    assert_int_equal(guotu_ledger_unit_count(l), 2);

    guotu_ledger_unit u;
    assert_int_equal(guotu_ledger_unit_at(fx->ctx, l, 0, &u), GUOTU_OK);
    assert_string_equal(u.unit_id, "U1");
    assert_int_equal(u.parcels, 5);
    assert_close(u.area_ha, 5, 1e-9);
    assert_close(u.cultivated_opening_ha, 1.7, 1e-9);
    assert_close(u.cultivated_lost_ha[9], .8, 1e-9);
    assert_close(u.cultivated_gained_ha[9], .9, 1e-9);
    assert_close(u.cultivated_gained_ha[3], 1.0, 1e-9);
    assert_close(u.tiankan_change_ha, .05, 1e-9);
    assert_close(u.cultivated_closing_ha, 2.85, 1e-9);
    assert_close(u.tiankan_opening_ha, .3, 1e-9);
    assert_close(u.tiankan_closing_ha, .15, 1e-9);
    assert_int_equal(u.quantity_ok, 1);
    assert_close(u.grade_opening_ha[5], .9, 1e-9);
    assert_close(u.grade_opening_ha[7], .8, 1e-9);
    assert_close(u.grade_closing_ha[5], .95, 1e-9);
    assert_close(u.grade_closing_ha[4], .9, 1e-9);
    assert_close(u.grade_closing_ha[6], 1.0, 1e-9);
    assert_close(u.grade_opening_ha[0] + u.grade_closing_ha[0], 0, 1e-12);
    assert_close(u.grade_opening_mean, 10.1 / 1.7, 1e-9);
    assert_close(u.grade_closing_mean, 14.35 / 2.85, 1e-9);
    assert_int_equal(u.quality_ok, 1);
    assert_close(u.farmland_out_ha, .8, 1e-9);
    assert_close(u.farmland_in_ha, .9, 1e-9);
    assert_close(u.farmland_ratio, 1.125, 1e-9);
    assert_close(u.farmland_out_grade, 7, 1e-9);
    assert_close(u.farmland_in_grade, 4, 1e-9);
    assert_int_equal(u.farmland_ok, 1);
    assert_int_equal(u.farmland_quality_ok, 1);
    assert_close(u.construction_opening_ha, 2, 1e-9);
    assert_close(u.construction_closing_ha, 1, 1e-9);
    assert_close(u.reclaimed_ha, 2, 1e-9);
    assert_close(u.built_ha, 1, 1e-9);
    assert_close(u.linkage_balance_ha, 1, 1e-9);
    assert_int_equal(u.construction_ok, 1);
    assert_int_equal(u.linkage_ok, 1);
    assert_int_equal(u.beach_parcels, 0);
    assert_close(u.forest_opening_ha, .19, 1e-9);
    assert_close(u.forest_closing_ha, 1.0, 1e-9);
    assert_int_equal(u.forest_ok, 1);
    assert_int_equal(u.redline_ok, 1);
    assert_int_equal(u.verdict, 1);
    assert_string_equal(u.reasons_en, "");

    assert_int_equal(guotu_ledger_unit_at(fx->ctx, l, 1, &u), GUOTU_OK);
    assert_string_equal(u.unit_id, "U2");
    assert_close(u.cultivated_opening_ha, .9, 1e-9);
    assert_close(u.cultivated_lost_ha[9], .9, 1e-9);
    assert_close(u.cultivated_gained_ha[1], 1, 1e-9);
    assert_close(u.cultivated_gained_ha[9], 1, 1e-9);
    assert_close(u.cultivated_gained_ha[2], 1, 1e-9);
    assert_close(u.cultivated_closing_ha, 3, 1e-9);
    assert_int_equal(u.quantity_ok, 1);
    assert_close(u.grade_opening_mean, 3, 1e-9);
    assert_close(u.grade_closing_mean, 25.0 / 3, 1e-9);
    assert_int_equal(u.quality_ok, 0);
    assert_close(u.farmland_ratio, 1 / .9, 1e-9);
    assert_int_equal(u.farmland_ok, 1);
    assert_int_equal(u.farmland_quality_ok, 0);
    assert_int_equal(u.construction_ok, 1);
    assert_close(u.linkage_balance_ha, 0, 1e-9);
    assert_int_equal(u.beach_parcels, 1);
    assert_close(u.beach_ha, .5, 1e-9);
    assert_string_equal(u.beach_parcel_ids, "H");
    assert_int_equal(u.linkage_ok, 0);
    assert_close(u.forest_opening_ha, 1.19, 1e-9);
    assert_close(u.forest_closing_ha, 1.0, 1e-9);
    assert_int_equal(u.forest_ok, 0);
    assert_int_equal(u.redline_parcels, 1);
    assert_close(u.redline_changed_ha, 1, 1e-9);
    assert_string_equal(u.redline_parcel_ids, "I");
    assert_int_equal(u.redline_ok, 0);
    assert_int_equal(u.verdict, 0);
    assert_non_null(strstr(u.reasons_en, "L2 cultivated land quality"));
    assert_non_null(strstr(u.reasons_zh, "L7 生态保护红线"));

    assert_int_equal(guotu_ledger_certificate_count(l), 3);
    guotu_ledger_certificate c;
    assert_int_equal(guotu_ledger_certificate_at(fx->ctx, l, 0, &c), GUOTU_OK);
    assert_string_equal(c.number, "PJ1-0001");
    assert_string_equal(c.parcel_id, "C");
    assert_string_equal(c.unit_id, "U1");
    assert_close(c.cultivated_ha, .9, 1e-9);
    assert_close(c.tiankan_ha, .1, 1e-9);
    assert_close(c.standard_forest_ha, 0, 1e-12);
    assert_int_equal(c.issuable, 1);
    assert_int_equal(guotu_ledger_certificate_at(fx->ctx, l, 1, &c), GUOTU_OK);
    assert_string_equal(c.number, "PJ1-0002");
    assert_close(c.forest_ha, 1, 1e-9);
    assert_close(c.standard_forest_ha, 1, 1e-9);
    assert_int_equal(guotu_ledger_certificate_at(fx->ctx, l, 2, &c), GUOTU_OK);
    assert_string_equal(c.number, "PJ2-0001");
    assert_string_equal(c.unit_id, "U2");
    assert_int_equal(c.on_river_beach, 1);
    assert_int_equal(c.issuable, 0);
    assert_int_equal(guotu_ledger_project_count(l), 2);
    guotu_ledger_project p;
    assert_int_equal(guotu_ledger_project_at(fx->ctx, l, 0, &p), GUOTU_OK);
    assert_string_equal(p.project_id, "PJ1");
    assert_int_equal(p.certificates, 2);
    assert_int_equal(p.issuable, 2);
    assert_close(p.area_ha, 2, 1e-9);
    assert_close(p.cultivated_ha, .9, 1e-9);
    assert_close(p.forest_ha, 1, 1e-9);
    assert_close(p.standard_forest_ha, 1, 1e-9);
    assert_int_equal(guotu_ledger_project_at(fx->ctx, l, 1, &p), GUOTU_OK);
    assert_int_equal(p.issuable, 0);
    assert_close(p.area_ha, 0, 1e-12);
    guotu_ledger_destroy(fx->ctx, l);
}

/* Farmland out 1 ha (B, official area 10 000 m²); in C's official area: 10 500 m² = 1.05 ×
 * out passes, 10 400 m² fails; with --farmland-gain-min 1 the 10 400 passes. The units come
 * from the parcels' unit field; without coefficients L6 is not checked, without a red line L7
 * neither: the verdict is undetermined where nothing fails. */
static void run_farmland(fixture *fx, double in_m2, double gain_min, int expect_ok, int expect_verdict) {
    guotu_ledger_options o;
    guotu_ledger_options_init(&o);
    o.farmland_gain_min = gain_min;
    guotu_ledger *l = make(fx, &o, 0);
    const row rows[] = {
        {"B", "V1", 0, 0, "0103", "0103", 0, NAN, NAN, 5, NAN, 1, 0, 10000},
        {"C", "V1", 0, 0, "0103", "0103", 100, NAN, NAN, 5, NAN, 0, 1, in_m2},
    };
    for (size_t i = 0; i < 2; i++)
        assert_int_equal(add_row(fx, l, &rows[i], (int64_t)i), GUOTU_OK);
    assert_int_equal(guotu_ledger_run(fx->ctx, l), GUOTU_OK);
    guotu_ledger_unit u;
    assert_int_equal(guotu_ledger_unit_at(fx->ctx, l, 0, &u), GUOTU_OK);
    assert_string_equal(u.unit_id, "V1");
    assert_close(u.farmland_out_ha, 1, 1e-12);
    assert_close(u.farmland_in_ha, in_m2 / 10000, 1e-12);
    assert_int_equal(u.farmland_ok, expect_ok);
    assert_int_equal(u.forest_ok, -1);
    assert_int_equal(u.redline_ok, -1);
    assert_int_equal(u.verdict, expect_verdict);
    guotu_ledger_destroy(fx->ctx, l);
}

static void test_farmland_threshold(void **state) {
    fixture *fx = *state;
    run_farmland(fx, 10500, 1.05, 1, -1);
    run_farmland(fx, 10400, 1.05, 0, 0);
    run_farmland(fx, 10400, 1.00, 1, -1);
}

static void test_bad_inputs(void **state) {
    fixture *fx = *state;
    guotu_ledger *l = make(fx, NULL, 1);
    row r = {"X", 0, 0, 0, "0103", "9999", 0, NAN, NAN, NAN, NAN, 0, 0, 0};
    assert_int_equal(add_row(fx, l, &r, 7), GUOTU_ERR_DATA);
    assert_non_null(strstr(guotu_context_last_error(fx->ctx), "planned code '9999'"));
    row k = {"Y", 0, 0, 0, "0103", "0103", 0, 1.5, NAN, NAN, NAN, 0, 0, 0};
    assert_int_equal(add_row(fx, l, &k, 8), GUOTU_ERR_DATA);
    assert_non_null(strstr(guotu_context_last_error(fx->ctx), "parcel 'Y'"));
    row g = {"Z", 0, 0, 0, "0103", "0103", 0, NAN, NAN, 16, NAN, 0, 0, 0};
    assert_int_equal(add_row(fx, l, &g, 9), GUOTU_ERR_DATA);
    /* New cultivated land without a grade: quality cannot be judged. */
    row n = {"N", 0, 0, 0, "0404", "0103", 0, NAN, NAN, NAN, NAN, 0, 0, 0};
    assert_int_equal(add_row(fx, l, &n, 10), GUOTU_OK);
    assert_int_equal(guotu_ledger_run(fx->ctx, l), GUOTU_OK);
    guotu_ledger_unit u;
    assert_int_equal(guotu_ledger_unit_at(fx->ctx, l, 0, &u), GUOTU_OK);
    assert_string_equal(u.unit_id, "");
    assert_close(u.grade_closing_ha[0], 1, 1e-9);
    assert_int_equal(u.quality_ok, -1);
    assert_int_equal(add_row(fx, l, &n, 11), GUOTU_ERR_STATE);
    guotu_ledger_destroy(fx->ctx, l);
}

/* 设施农用地 (1202) is of the conversion category "cultivated" but is not cultivated land: with
 * the list of cultivated codes, K 0103→1202 (KCXS .1) loses .9 ha to category 0 (not
 * cultivated land); L 1202→0103 gains 1 ha; without the list both count as cultivated. */
static void test_cultivated_codes(void **state) {
    fixture *fx = *state;
    for (int listed = 0; listed < 2; listed++) {
        guotu_ledger_options o;
        guotu_ledger_options_init(&o);
        o.current_cultivated_codes = o.planned_cultivated_codes = listed ? "0101 0102 0103" : NULL;
        guotu_ledger *l = make(fx, &o, 1);
        const row rows[] = {{"K", "V", 0, 0, "0103", "1202", 0, .10, NAN, 5, NAN, 0, 0, 0},
                            {"L", "V", 0, 0, "1202", "0103", 100, NAN, NAN, NAN, 5, 0, 0, 0}};
        for (size_t i = 0; i < 2; i++)
            assert_int_equal(add_row(fx, l, &rows[i], (int64_t)i), GUOTU_OK);
        assert_int_equal(guotu_ledger_run(fx->ctx, l), GUOTU_OK);
        guotu_ledger_unit u;
        assert_int_equal(guotu_ledger_unit_at(fx->ctx, l, 0, &u), GUOTU_OK);
        if (listed) {
            assert_close(u.cultivated_opening_ha, .9, 1e-9);
            assert_close(u.cultivated_lost_ha[0], .9, 1e-9);
            assert_close(u.cultivated_gained_ha[0], 1, 1e-9);
            assert_close(u.cultivated_closing_ha, 1, 1e-9);
        } else {
            assert_close(u.cultivated_opening_ha, 1.9, 1e-9);
            assert_close(u.cultivated_closing_ha, 1.9, 1e-9); /* K keeps KCXS .1: .9; L 1 */
        }
        guotu_ledger_destroy(fx->ctx, l);
    }
}

/* Two survey years as layers (guotu_ledger_add_current/_planned), cut differently:
 *   current P1 [0,200] 0103 KCXS .1 GDDB 5 farmland; P2 [200,300] 0702 (unit "U" on both)
 *   planned Q1 [0,100] 0103 KCXS .1 GDDB 5 farmland; Q2 [100,250] 0702; Q3 [250,300] 0103 KCXS .2
 *           GDDB 6, PJ1 拆旧复垦 (unit only on the current side)
 * Pieces P1/Q1 1 ha, P1/Q2 1 ha, P2/Q2 .5 ha, P2/Q3 .5 ha. Cultivated 1.8 → .9 + .4 = 1.3, lost
 * .9 to construction, gained .4 by reclamation; mean grade 5 → 6.9/1.3; farmland out .9, in 0;
 * construction 1 → 1.5 (reclaimed .5, built 1); certificate PJ1-0001 for P2/Q3 (cultivated .4,
 * 田坎 .1). With Q3 shortened to [250,290], 0.1 ha of P2 is in no planned polygon: refused. */
typedef struct year_box {
    const char *id, *unit, *project, *type, *code;
    double x0, x1, kcxs, grade;
    int farmland;
} year_box;

static int pieces_seen;
static int count_piece(const guotu_ledger_parcel *p, const unsigned char *wkb, size_t size, void *user) {
    (void)wkb;
    (void)user;
    assert_true(size > 0);
    assert_non_null(strchr(p->parcel_id, '/'));
    pieces_seen++;
    return 0;
}

static int add_year(fixture *fx, guotu_ledger *l, int side, const year_box *b, int64_t fid) {
    char w[256];
    size_t n = 0;
    unsigned char *wkb = wkt_to_wkb(box_wkt(w, sizeof w, b->x0, 0, b->x1, 100), &n);
    guotu_ledger_parcel in;
    memset(&in, 0, sizeof in);
    in.parcel_id = b->id;
    in.unit_id = b->unit ? b->unit : "";
    in.project_id = b->project ? b->project : "";
    in.project_type = b->type ? b->type : "";
    in.fid = fid;
    in.area_m2 = in.current_kcxs = in.planned_kcxs = in.current_grade = in.planned_grade = NAN;
    if (side == 0) {
        in.current_code = b->code;
        in.current_kcxs = b->kcxs;
        in.current_grade = b->grade;
        in.current_farmland = b->farmland;
    } else {
        in.planned_code = b->code;
        in.planned_kcxs = b->kcxs;
        in.planned_grade = b->grade;
        in.planned_farmland = b->farmland;
    }
    int status = side == 0 ? guotu_ledger_add_current(fx->ctx, l, &in, wkb, n)
                           : guotu_ledger_add_planned(fx->ctx, l, &in, wkb, n);
    free(wkb);
    return status;
}

static void test_two_years(void **state) {
    fixture *fx = *state;
    const year_box current[] = {{"P1", "U", 0, 0, "0103", 0, 200, .1, 5, 1},
                                {"P2", "U", 0, 0, "0702", 200, 300, NAN, NAN, 0}};
    const year_box planned[] = {{"Q1", 0, 0, 0, "0103", 0, 100, .1, 5, 1},
                                {"Q2", 0, 0, 0, "0702", 100, 250, NAN, NAN, 0},
                                {"Q3", 0, "PJ1", "拆旧复垦", "0103", 250, 300, .2, 6, 0}};
    for (int gap = 0; gap < 2; gap++) {
        guotu_ledger *l = make(fx, NULL, 1);
        pieces_seen = 0;
        guotu_ledger_set_piece_callback(l, count_piece, NULL);
        for (int i = 0; i < 2; i++)
            assert_int_equal(add_year(fx, l, 0, &current[i], i + 1), GUOTU_OK);
        for (int i = 0; i < 3; i++) {
            year_box b = planned[i];
            if (gap && i == 2) b.x1 = 290;
            assert_int_equal(add_year(fx, l, 1, &b, i + 1), GUOTU_OK);
        }
        /* The kinds of input do not mix; no current polygon after a planned one. */
        row r = {"X", 0, 0, 0, "0103", "0103", 500, NAN, NAN, NAN, NAN, 0, 0, 0};
        assert_int_equal(add_row(fx, l, &r, 9), GUOTU_ERR_STATE);
        assert_int_equal(add_year(fx, l, 0, &current[0], 9), GUOTU_ERR_STATE);
        assert_int_equal(pieces_seen, 4);
        if (gap) {
            assert_int_equal(guotu_ledger_run(fx->ctx, l), GUOTU_ERR_DATA);
            const char *e = guotu_context_last_error(fx->ctx);
            assert_non_null(strstr(e, "1 current polygon(s) have 0.1000 ha"));
            assert_non_null(strstr(e, "'P2'"));
            guotu_ledger_destroy(fx->ctx, l);
            continue;
        }
        assert_int_equal(guotu_ledger_run(fx->ctx, l), GUOTU_OK);
        assert_int_equal(guotu_ledger_unit_count(l), 1);
        guotu_ledger_unit u;
        assert_int_equal(guotu_ledger_unit_at(fx->ctx, l, 0, &u), GUOTU_OK);
        assert_string_equal(u.unit_id, "U");
        assert_int_equal(u.parcels, 4);
        assert_close(u.area_ha, 3, 1e-9);
        assert_close(u.cultivated_opening_ha, 1.8, 1e-9);
        assert_close(u.cultivated_lost_ha[9], .9, 1e-9);
        assert_close(u.cultivated_gained_ha[9], .4, 1e-9);
        assert_close(u.cultivated_closing_ha, 1.3, 1e-9);
        assert_close(u.tiankan_opening_ha, .2, 1e-9);
        assert_close(u.tiankan_closing_ha, .2, 1e-9);
        assert_close(u.grade_opening_mean, 5, 1e-9);
        assert_close(u.grade_closing_mean, 6.9 / 1.3, 1e-9);
        assert_close(u.farmland_out_ha, .9, 1e-9);
        assert_close(u.farmland_in_ha, 0, 1e-9);
        assert_close(u.construction_opening_ha, 1, 1e-9);
        assert_close(u.construction_closing_ha, 1.5, 1e-9);
        assert_close(u.reclaimed_ha, .5, 1e-9);
        assert_close(u.built_ha, 1, 1e-9);
        assert_int_equal(u.quantity_ok, 0);
        assert_int_equal(u.construction_ok, 0);
        assert_int_equal(u.verdict, 0);
        assert_int_equal(guotu_ledger_certificate_count(l), 1);
        guotu_ledger_certificate c;
        assert_int_equal(guotu_ledger_certificate_at(fx->ctx, l, 0, &c), GUOTU_OK);
        assert_string_equal(c.number, "PJ1-0001");
        assert_string_equal(c.parcel_id, "P2/Q3");
        assert_int_equal(c.fid, 3);
        assert_close(c.cultivated_ha, .4, 1e-9);
        assert_close(c.tiankan_ha, .1, 1e-9);
        guotu_ledger_destroy(fx->ctx, l);
    }
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_balance_sheet, setup, teardown),
        cmocka_unit_test_setup_teardown(test_farmland_threshold, setup, teardown),
        cmocka_unit_test_setup_teardown(test_bad_inputs, setup, teardown),
        cmocka_unit_test_setup_teardown(test_cultivated_codes, setup, teardown),
        cmocka_unit_test_setup_teardown(test_two_years, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
