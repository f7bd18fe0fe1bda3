/* test_parcels.c — rectification parcel check on a fixture worked out by hand (planar metres).
 *
 * Parcels are 100 m squares (1 ha) on y ∈ [0,100] unless noted; SANDIAO_WORK codes on both sides.
 * Lines: red line [0,50]×[0,200] and a 0.5 m² sliver [1499.995,1510]×[0,100]; farmland
 * [100,200]×[0,100]; urban boundary [300,350]×[0,100]. River beach layer [400,500]×[0,50].
 *   id  x          type          current→planned   reasons (verdict)
 *   A   [0,100]    农用地整理     0404→0103 gr→cult  P10 fail 0.5 ha, P14 conditional   (fail)
 *   A2  [0,100]×[100,200] 生态保护修复 0103→0301  P10 info 0.5 ha, P15 path        (pass)
 *   B   [100,200]  建设用地整理   0103→0702          P11 fail 1 ha, P15, P17 1 ha     (fail)
 *   C   [200,300]  拆旧复垦       0702→0103          P15                               (pass)
 *   D   [300,400]  农用地整理     0103→0601          P15, P17 0.5 ha                   (conditional)
 *   E   [400,500]  拆旧复垦       0702→0103          P15, P16 0.5 ha (beach layer)     (fail)
 *   G   [500,600]  高标准农田     1106→0103          P12 prohibited, P16 1 ha (code)   (fail)
 *   H   [600,700]  未知类型       0103→0103          P02                               (fail)
 *   I   [700,800]  农用地整理     0103→9999          P03                               (fail)
 *   J   [800,900], K [850,950]  农用地整理 0103→0103  P18 0.5 ha each                 (fail)
 *   L   [1000,1100] 农用地整理    0103→0201 cult→garden  P13 gap                      (conditional)
 *   M   bow-tie in [1200,1300]  0103→0103          P01 (repaired: two triangles, 0.5 ha) (fail)
 *   N   [1400,1500] 农用地整理    0103→0103          red-line sliver 0.5 m² ignored    (pass)
 * Project P1 = A, A2, B, D, L: original cultivated (current 0103) 4 ha; new 1 (A); lost 4
 *   (A2, B, D, L); ratio (1 − 4)/4 = −0.75 → U01 fail. Farmland out 1 (B); added 1 (A) →
 *   ratio 1.0 < 1.05 → U02 fail. dM = A 1·(0 − 0.19) + A2 1·(1.00 − 0) = +0.81 → U03 pass.
 * Project P2 = the rest: original 1+1+1+1+0.5+1 = 5.5 (H, I, J, K, M, N); new 3 (C, E, G);
 *   lost 0 → ratio 3/5.5 → U01 pass; no farmland out → U02 −1; I's 9999 has no k → U03 −1.
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
    guotu_policy *policy;
    guotu_coefficients *k;
} fixture;

static int setup(void **state) {
    fixture *fx = calloc(1, sizeof *fx);
    fx->ctx = guotu_context_create();
    fx->types = preset_project_types(fx->ctx);
    fx->map = preset_category_map(fx->ctx, "SANDIAO_WORK");
    fx->policy = preset_policy(fx->ctx);
    fx->k = preset_coefficients(fx->ctx, "SANDIAO_WORK");
    *state = fx;
    return 0;
}

static int teardown(void **state) {
    fixture *fx = *state;
    guotu_coefficients_destroy(fx->ctx, fx->k);
    guotu_policy_destroy(fx->ctx, fx->policy);
    guotu_category_map_destroy(fx->ctx, fx->map);
    guotu_project_types_destroy(fx->ctx, fx->types);
    guotu_context_destroy(fx->ctx);
    free(fx);
    return 0;
}

static void add_line(fixture *fx, guotu_parcels *p, guotu_line line, int64_t fid, double x0, double y0, double x1,
                     double y1) {
    char w[256];
    size_t n = 0;
    unsigned char *wkb = wkt_to_wkb(box_wkt(w, sizeof w, x0, y0, x1, y1), &n);
    assert_int_equal(guotu_parcels_add_line(fx->ctx, p, line, fid, wkb, n), GUOTU_OK);
    free(wkb);
}

static int add_parcel_wkt(fixture *fx, guotu_parcels *p, const char *id, const char *type, const char *project,
                          const char *current, const char *planned, int64_t fid, const char *wkt) {
    size_t n = 0;
    unsigned char *wkb = wkt_to_wkb(wkt, &n);
    guotu_parcel_input in = {id, type, project, current, planned, fid};
    int status = guotu_parcels_add(fx->ctx, p, &in, wkb, n);
    free(wkb);
    return status;
}

static void add_box(fixture *fx, guotu_parcels *p, const char *id, const char *type, const char *project,
                    const char *current, const char *planned, double x0, double y0, double x1, double y1) {
    static int64_t fid = 0;
    char w[256];
    assert_int_equal(
        add_parcel_wkt(fx, p, id, type, project, current, planned, ++fid, box_wkt(w, sizeof w, x0, y0, x1, y1)),
        GUOTU_OK);
}

typedef struct reason_log {
    int count, with_geometry;
    double p16_area, p18_area;
    char p18_other[16];
} reason_log;

static int log_reason(const guotu_parcel_reason *r, void *user) {
    reason_log *log = user;
    log->count++;
    if (r->wkb) log->with_geometry++;
    if (!strcmp(r->rule_id, "P16")) log->p16_area += r->area_ha;
    if (!strcmp(r->rule_id, "P18") && !strcmp(r->parcel_id, "J")) {
        log->p18_area = r->area_ha;
        snprintf(log->p18_other, sizeof log->p18_other, "%s", r->other_parcel_id);
        assert_non_null(r->wkb);
        assert_string_equal(r->severity, "fail");
    }
    return 0;
}

static guotu_parcels *build(fixture *fx, const guotu_parcels_options *opts) {
    guotu_parcels *p = NULL;
    assert_int_equal(guotu_parcels_create(fx->ctx, opts, fx->types, fx->map, fx->map, fx->policy, fx->k, fx->k, &p),
                     GUOTU_OK);
    add_line(fx, p, GUOTU_LINE_REDLINE, 1, 0, 0, 50, 200);
    add_line(fx, p, GUOTU_LINE_REDLINE, 2, 1499.995, 0, 1510, 100);
    add_line(fx, p, GUOTU_LINE_FARMLAND, 1, 100, 0, 200, 100);
    add_line(fx, p, GUOTU_LINE_URBAN, 1, 300, 0, 350, 100);
    char w[256];
    size_t n = 0;
    unsigned char *wkb = wkt_to_wkb(box_wkt(w, sizeof w, 400, 0, 500, 50), &n);
    assert_int_equal(guotu_parcels_add_river_beach(fx->ctx, p, 1, wkb, n), GUOTU_OK);
    free(wkb);
    add_box(fx, p, "A", "农用地整理", "P1", "0404", "0103", 0, 0, 100, 100);
    add_box(fx, p, "A2", "生态保护修复", "P1", "0103", "0301", 0, 100, 100, 200);
    add_box(fx, p, "B", "建设用地整理", "P1", "0103", "0702", 100, 0, 200, 100);
    add_box(fx, p, "C", "拆旧复垦", "P2", "0702", "0103", 200, 0, 300, 100);
    add_box(fx, p, "D", " 农用地整理 ", "P1", "0103", "0601", 300, 0, 400, 100);
    add_box(fx, p, "E", "拆旧复垦", "P2", "0702", "0103", 400, 0, 500, 100);
    add_box(fx, p, "G", "高标准农田", "P2", "1106", "0103", 500, 0, 600, 100);
    add_box(fx, p, "H", "未知类型", "P2", "0103", "0103", 600, 0, 700, 100);
    add_box(fx, p, "I", "农用地整理", "P2", "0103", "9999", 700, 0, 800, 100);
    add_box(fx, p, "J", "农用地整理", "P2", "0103", "0103", 800, 0, 900, 100);
    add_box(fx, p, "K", "农用地整理", "P2", "0103", "0103", 850, 0, 950, 100);
    add_box(fx, p, "L", "农用地整理", "P1", "0103", "0201", 1000, 0, 1100, 100);
    assert_int_equal(add_parcel_wkt(fx, p, "M", "农用地整理", "P2", "0103", "0103", 99,
                                    "POLYGON((1200 0,1300 100,1300 0,1200 100,1200 0))"),
                     GUOTU_OK);
    add_box(fx, p, "N", "农用地整理", "P2", "0103", "0103", 1400, 0, 1500, 100);
    return p;
}

static guotu_parcel_result find(fixture *fx, guotu_parcels *p, const char *id) {
    guotu_parcel_result r;
    for (size_t i = 0; i < guotu_parcels_count(p); i++) {
        assert_int_equal(guotu_parcels_result(fx->ctx, p, i, &r), GUOTU_OK);
        if (!strcmp(r.parcel_id, id)) return r;
    }
    fail_msg("no parcel %s", id);
    return r;
}

static void expect(fixture *fx, guotu_parcels *p, const char *id, int verdict, const char *rules) {
    guotu_parcel_result r = find(fx, p, id);
    if (r.verdict != verdict || strcmp(r.rule_ids, rules))
        fail_msg("parcel %s: verdict %d rules '%s', expected %d '%s' (%s)", id, r.verdict, r.rule_ids, verdict, rules,
                 r.reasons_en);
}

static void test_parcel_verdicts(void **state) {
    fixture *fx = *state;
    guotu_parcels_options o;
    guotu_parcels_options_init(&o);
    o.area_method = GUOTU_AREA_PLANAR;
    o.river_beach_codes = "1106";
    guotu_parcels *p = build(fx, &o);
    reason_log log = {0};
    assert_int_equal(guotu_parcels_run(fx->ctx, p, log_reason, &log), GUOTU_OK);
    assert_int_equal(guotu_parcels_count(p), 14);
    expect(fx, p, "A", GUOTU_VERDICT_FAIL, "P10,P14");
    expect(fx, p, "A2", GUOTU_VERDICT_PASS, "P10,P15");
    expect(fx, p, "B", GUOTU_VERDICT_FAIL, "P11,P15,P17");
    expect(fx, p, "C", GUOTU_VERDICT_PASS, "P15");
    expect(fx, p, "D", GUOTU_VERDICT_CONDITIONAL, "P15,P17");
    expect(fx, p, "E", GUOTU_VERDICT_FAIL, "P15,P16");
    expect(fx, p, "G", GUOTU_VERDICT_FAIL, "P12,P16");
    expect(fx, p, "H", GUOTU_VERDICT_FAIL, "P02");
    expect(fx, p, "I", GUOTU_VERDICT_FAIL, "P03");
    expect(fx, p, "J", GUOTU_VERDICT_FAIL, "P18");
    expect(fx, p, "K", GUOTU_VERDICT_FAIL, "P18");
    expect(fx, p, "L", GUOTU_VERDICT_CONDITIONAL, "P13");
    expect(fx, p, "M", GUOTU_VERDICT_FAIL, "P01");
    expect(fx, p, "N", GUOTU_VERDICT_PASS, "");

    guotu_parcel_result a = find(fx, p, "A");
    assert_close(a.area_ha, 1.0, 1e-9);
    assert_close(a.redline_ha, 0.5, 1e-9);
    assert_string_equal(a.status, "conditional");
    assert_string_equal(a.kind, "farmland_consolidation");
    assert_string_equal(a.project_id, "P1");
    assert_close(a.dm_ha, -0.19, 1e-9);
    assert_non_null(strstr(a.reasons_zh, "生态保护红线"));
    assert_non_null(strstr(a.reasons_en, "0.5000 ha (50.0%)"));
    guotu_parcel_result b = find(fx, p, "B");
    assert_close(b.farmland_ha, 1.0, 1e-9);
    assert_close(b.outside_urban_ha, 1.0, 1e-9);
    guotu_parcel_result d = find(fx, p, "D");
    assert_close(d.outside_urban_ha, 0.5, 1e-9);
    assert_string_equal(d.kind, "farmland_consolidation"); /* spaces around the type ignored */
    guotu_parcel_result h = find(fx, p, "H");
    assert_string_equal(h.kind, "");
    guotu_parcel_result i = find(fx, p, "I");
    assert_string_equal(i.status, "unknown");
    assert_true(isnan(i.dm_ha));
    guotu_parcel_result m = find(fx, p, "M");
    assert_close(m.area_ha, 0.5, 1e-9);
    guotu_parcel_result n = find(fx, p, "N");
    assert_close(n.redline_ha, 0.00005, 1e-9); /* measured, but below the tolerance */
    assert_string_equal(find(fx, p, "G").status, "prohibited");

    assert_close(log.p16_area, 1.5, 1e-9); /* E 0.5 (layer) + G 1.0 (code) */
    assert_close(log.p18_area, 0.5, 1e-9);
    assert_string_equal(log.p18_other, "K");
    /* A P10 P14, A2 P10 P15, B P11 P15 P17, C P15, D P15 P17, E P15 P16, G P12 P16, H, I, J, K, L, M */
    assert_int_equal(log.count, 20);
    /* geometry for P10 ×2, P11, P17 ×2, P16 (layer), P18 ×2 */
    assert_int_equal(log.with_geometry, 8);

    assert_int_equal(guotu_parcels_unit_count(p), 2);
    guotu_unit_result u;
    assert_int_equal(guotu_parcels_unit(fx->ctx, p, 0, &u), GUOTU_OK);
    assert_string_equal(u.project_id, "P1");
    assert_int_equal(u.parcels, 5);
    assert_close(u.original_cultivated_ha, 4.0, 1e-9);
    assert_close(u.new_cultivated_ha, 1.0, 1e-9);
    assert_close(u.lost_cultivated_ha, 4.0, 1e-9);
    assert_close(u.new_cultivated_ratio, -0.75, 1e-9);
    assert_int_equal(u.new_cultivated_ok, 0);
    assert_close(u.farmland_out_ha, 1.0, 1e-9);
    assert_close(u.farmland_added_ha, 1.0, 1e-9);
    assert_int_equal(u.farmland_ok, 0);
    assert_close(u.dm_ha, 0.81, 1e-9);
    assert_int_equal(u.ecology_ok, 1);
    assert_int_equal(u.verdict, GUOTU_VERDICT_FAIL);
    assert_int_equal(u.fail_count, 2);
    assert_int_equal(u.conditional_count, 2);
    assert_int_equal(u.pass_count, 1);
    assert_non_null(strstr(u.reasons_en, "below 5%"));
    assert_int_equal(guotu_parcels_unit(fx->ctx, p, 1, &u), GUOTU_OK);
    assert_string_equal(u.project_id, "P2");
    assert_close(u.original_cultivated_ha, 5.5, 1e-9);
    assert_close(u.new_cultivated_ha, 3.0, 1e-9);
    assert_close(u.new_cultivated_ratio, 3.0 / 5.5, 1e-9);
    assert_int_equal(u.new_cultivated_ok, 1);
    assert_int_equal(u.farmland_ok, -1);
    assert_int_equal(u.ecology_ok, -1);
    assert_true(isnan(u.dm_ha));
    assert_int_equal(u.verdict, GUOTU_VERDICT_PASS);

    /* No villages given: one "" row holds every parcel. */
    assert_int_equal(guotu_parcels_village_count(p), 1);
    guotu_village_result v;
    assert_int_equal(guotu_parcels_village(fx->ctx, p, 0, &v), GUOTU_OK);
    assert_string_equal(v.village_id, "");
    assert_int_equal(v.parcels, 14);
    assert_close(v.area_ha, 13.5, 1e-9);
    guotu_parcels_destroy(fx->ctx, p);
}

/* Units group by area (a parcel straddling two goes to the larger share), an entered
 * original cultivated area replaces the parcels' own, villages sum their parcels. */
static void test_units_and_villages(void **state) {
    fixture *fx = *state;
    guotu_parcels_options o;
    guotu_parcels_options_init(&o);
    o.area_method = GUOTU_AREA_PLANAR;
    o.new_cultivated_min = 0.10;
    guotu_parcels *p = NULL;
    assert_int_equal(guotu_parcels_create(fx->ctx, &o, fx->types, fx->map, fx->map, fx->policy, fx->k, fx->k, &p),
                     GUOTU_OK);
    char w[256];
    size_t n = 0;
    unsigned char *wkb = wkt_to_wkb(box_wkt(w, sizeof w, 0, 0, 230, 100), &n);
    assert_int_equal(guotu_parcels_add_unit(fx->ctx, p, "U1", "东片", 20.0, 1, wkb, n), GUOTU_OK);
    assert_int_equal(guotu_parcels_add_village(fx->ctx, p, "V1", "甲村", 1, wkb, n), GUOTU_OK);
    assert_int_equal(guotu_parcels_add_unit(fx->ctx, p, "U1", "again", NAN, 2, wkb, n), GUOTU_ERR_DATA);
    assert_non_null(strstr(guotu_context_last_error(fx->ctx), "'U1' is used twice"));
    free(wkb);
    wkb = wkt_to_wkb(box_wkt(w, sizeof w, 230, 0, 1000, 100), &n);
    assert_int_equal(guotu_parcels_add_unit(fx->ctx, p, "U2", "西片", NAN, 2, wkb, n), GUOTU_OK);
    free(wkb);
    /* U1: new 1 ha (C) + [200,300] straddles at 230 → 70 % in U2. Original 20 → 5 % < 10 %. */
    add_box(fx, p, "C", "拆旧复垦", "", "0702", "0103", 0, 0, 100, 100);
    add_box(fx, p, "F", "生态保护修复", "", "0301", "0404", 100, 0, 200, 100); /* dM 1·(0.19 − 1) */
    add_box(fx, p, "S", "农用地整理", "", "0103", "0103", 200, 0, 300, 100);
    add_box(fx, p, "Z", "农用地整理", "", "0103", "0103", 2000, 0, 2100, 100); /* in no unit, no village */
    /* An existing village kept as it is, outside any urban boundary: no new construction, no P17. */
    add_box(fx, p, "W", "建设用地整理", "", "0702", "0702", 3000, 0, 3100, 100);
    assert_int_equal(add_parcel_wkt(fx, p, "C", "农用地整理", "", "0103", "0103", 50, "POLYGON((0 0,1 0,1 1,0 0))"),
                     GUOTU_ERR_DATA);
    assert_non_null(strstr(guotu_context_last_error(fx->ctx), "'C' is used twice"));
    assert_int_equal(guotu_parcels_run(fx->ctx, p, NULL, NULL), GUOTU_OK);
    assert_string_equal(find(fx, p, "S").project_id, "U2");
    assert_string_equal(find(fx, p, "S").village_id, "V1");
    assert_string_equal(find(fx, p, "Z").project_id, "");
    assert_string_equal(find(fx, p, "W").rule_ids, "");
    assert_int_equal(find(fx, p, "W").verdict, GUOTU_VERDICT_PASS);
    assert_int_equal(guotu_parcels_unit_count(p), 3);
    guotu_unit_result u;
    assert_int_equal(guotu_parcels_unit(fx->ctx, p, 0, &u), GUOTU_OK);
    assert_string_equal(u.project_id, "U1");
    assert_string_equal(u.name, "东片");
    assert_close(u.original_cultivated_ha, 20.0, 1e-12);
    assert_close(u.new_cultivated_ratio, 0.05, 1e-12);
    assert_int_equal(u.new_cultivated_ok, 0);
    assert_close(u.dm_ha, -0.81, 1e-9);
    assert_int_equal(u.ecology_ok, 0);
    assert_int_equal(u.verdict, GUOTU_VERDICT_FAIL);
    assert_non_null(strstr(u.reasons_zh, "减少"));
    assert_int_equal(guotu_parcels_unit(fx->ctx, p, 2, &u), GUOTU_OK);
    assert_string_equal(u.project_id, "");
    assert_int_equal(u.parcels, 2);
    assert_int_equal(guotu_parcels_village_count(p), 2);
    guotu_village_result v;
    assert_int_equal(guotu_parcels_village(fx->ctx, p, 0, &v), GUOTU_OK);
    assert_string_equal(v.name, "甲村");
    assert_int_equal(v.parcels, 3);
    assert_close(v.new_cultivated_ha, 1.0, 1e-9);
    assert_close(v.dm_ha, -0.81, 1e-9);
    assert_int_equal(guotu_parcels_village(fx->ctx, p, 1, &v), GUOTU_OK);
    assert_string_equal(v.village_id, "");
    assert_int_equal(v.parcels, 2);
    /* Nothing may be added after the run. */
    assert_int_equal(add_parcel_wkt(fx, p, "Q", "农用地整理", "", "0103", "0103", 51, "POLYGON((0 0,1 0,1 1,0 0))"),
                     GUOTU_ERR_STATE);
    guotu_parcels_destroy(fx->ctx, p);
}

static void test_bad_input(void **state) {
    fixture *fx = *state;
    guotu_project_types *t = NULL;
    const char *bad_kind = "value,kind\n农用地整理,farmland\n";
    assert_int_equal(guotu_project_types_parse(fx->ctx, bad_kind, strlen(bad_kind), "my.csv", &t), GUOTU_ERR_DATA);
    assert_non_null(strstr(guotu_context_last_error(fx->ctx), "line 2: unknown kind 'farmland'"));
    const char *twice = "value,kind\nA,ecological_restoration\nA,ecological_restoration\n";
    assert_int_equal(guotu_project_types_parse(fx->ctx, twice, strlen(twice), "my.csv", &t), GUOTU_ERR_DATA);
    assert_non_null(strstr(guotu_context_last_error(fx->ctx), "listed twice"));
    const char *no_column = "type,kind\nA,ecological_restoration\n";
    assert_int_equal(guotu_project_types_parse(fx->ctx, no_column, strlen(no_column), "my.csv", &t), GUOTU_ERR_DATA);
    assert_non_null(strstr(guotu_context_last_error(fx->ctx),
                           "project types 'my.csv': the header needs the columns 'value', 'kind'"));
    assert_null(t);

    guotu_parcels_options o;
    guotu_parcels_options_init(&o);
    o.area_method = GUOTU_AREA_PLANAR;
    guotu_parcels *p = NULL;
    o.tolerance_m2 = -1;
    assert_int_equal(guotu_parcels_create(fx->ctx, &o, fx->types, fx->map, fx->map, fx->policy, NULL, NULL, &p),
                     GUOTU_ERR_ARGUMENT);
    o.tolerance_m2 = 1;
    assert_int_equal(guotu_parcels_create(fx->ctx, &o, fx->types, fx->map, fx->map, fx->policy, NULL, NULL, &p),
                     GUOTU_OK);
    assert_int_equal(guotu_parcels_run(fx->ctx, p, NULL, NULL), GUOTU_ERR_DATA);
    assert_non_null(strstr(guotu_context_last_error(fx->ctx), "parcels has no features"));
    guotu_parcels_destroy(fx->ctx, p);

    assert_int_equal(guotu_parcels_create(fx->ctx, &o, fx->types, fx->map, fx->map, fx->policy, NULL, NULL, &p),
                     GUOTU_OK);
    assert_int_equal(add_parcel_wkt(fx, p, "", "农用地整理", "", "0103", "0103", 7, "POLYGON((0 0,1 0,1 1,0 0))"),
                     GUOTU_ERR_DATA);
    assert_non_null(strstr(guotu_context_last_error(fx->ctx), "feature 7: the parcel id is empty"));
    assert_int_equal(
        add_parcel_wkt(fx, p, "X", "\xb8\xfb\xb5\xd8", "", "0103", "0103", 8, "POLYGON((0 0,1 0,1 1,0 0))"),
        GUOTU_ERR_DATA);
    assert_non_null(strstr(guotu_context_last_error(fx->ctx), "GBK"));
    assert_int_equal(add_parcel_wkt(fx, p, "X", "农用地整理", "", "0103", "0103", 9, "LINESTRING(0 0,1 1)"),
                     GUOTU_ERR_GEOMETRY);
    /* Without coefficient tables U03 is not checked rather than passed. */
    assert_int_equal(
        add_parcel_wkt(fx, p, "X", "农用地整理", "", "0103", "0301", 10, "POLYGON((0 0,100 0,100 100,0 0))"), GUOTU_OK);
    assert_int_equal(guotu_parcels_run(fx->ctx, p, NULL, NULL), GUOTU_OK);
    guotu_unit_result u;
    assert_int_equal(guotu_parcels_unit(fx->ctx, p, 0, &u), GUOTU_OK);
    assert_string_equal(u.project_id, "*");
    assert_int_equal(u.ecology_ok, -1);
    assert_non_null(strstr(u.reasons_en, "not checked"));
    assert_int_equal(guotu_parcels_run(fx->ctx, p, NULL, NULL), GUOTU_ERR_STATE);
    guotu_parcels_destroy(fx->ctx, p);
}

static int cancel_now(double fraction, const char *message, void *user) {
    (void)fraction;
    (void)message;
    (void)user;
    return 1;
}

static void test_cancel(void **state) {
    fixture *fx = *state;
    guotu_parcels_options o;
    guotu_parcels_options_init(&o);
    o.area_method = GUOTU_AREA_PLANAR;
    guotu_parcels *p = build(fx, &o);
    guotu_context_set_progress(fx->ctx, cancel_now, NULL);
    assert_int_equal(guotu_parcels_run(fx->ctx, p, NULL, NULL), GUOTU_ERR_CANCELLED);
    guotu_context_set_progress(fx->ctx, NULL, NULL);
    /* A stopped run has no results to read (parcels it did not reach have no verdict). */
    guotu_parcel_result r;
    assert_int_equal(guotu_parcels_result(fx->ctx, p, 0, &r), GUOTU_ERR_STATE);
    assert_non_null(strstr(guotu_context_last_error(fx->ctx), "has not run to the end"));
    assert_int_equal(guotu_parcels_unit_count(p), 0);
    assert_int_equal(guotu_parcels_village_count(p), 0);
    assert_int_equal(guotu_parcels_run(fx->ctx, p, NULL, NULL), GUOTU_ERR_STATE);
    guotu_parcels_destroy(fx->ctx, p);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_parcel_verdicts, setup, teardown),
        cmocka_unit_test_setup_teardown(test_units_and_villages, setup, teardown),
        cmocka_unit_test_setup_teardown(test_bad_input, setup, teardown),
        cmocka_unit_test_setup_teardown(test_cancel, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
