/* test_convert.c — conversion overlay on a fixture worked out by hand (planar metres).
 *
 * Strips 100 m high; "before" and "after" both cover [0,600] x [0,100] = 6 ha:
 *   before: B1 21 [0,100]   B2 12 [100,200]  B3 41 [200,300]  B4 21 [300,400]  B5 12 [400,500]  B6 12 [500,600]
 *   after:  A1 51 [0,150]   A2 41 [150,200]  A3 12 [200,300]  A4 11 [300,400]  A5 12 [400,500]  A6 77 [500,600]
 * CAS categories: 21 forest, 12/11 cultivated, 41 river_water, 51 construction; 77 is unknown.
 *   B1∩A1 1.0 ha forest→construction        path          dM = 1.0·(0 − 1.00) = −1.0
 *   B2∩A1 0.5 ha cultivated→construction    path          dM = 0
 *   B2∩A2 0.5 ha cultivated→river_water     gap           dM = 0.5·(2.10 − 0) = +1.05
 *   B3∩A3 1.0 ha river_water→cultivated     prohibited    dM = 1.0·(0 − 2.10) = −2.1
 *   B4∩A4 1.0 ha forest→cultivated          conditional   dM = −1.0
 *   B5∩A5 1.0 ha cultivated→cultivated      same
 *   B6∩A6 1.0 ha cultivated→(77)            unknown
 * Zones Z1 = [0,250], Z2 = [250,550]; [550,600] lies in no zone ("").
 *   Z1: path 1.5, gap 0.5, prohibited 0.5      Z2: prohibited 0.5, conditional 1, same 1, unknown 0.5
 *   "": unknown 0.5                            all ("*"): 6 ha in total
 *
 * Three lines (test_lines_*): red line R = [250,350] x [0,100], farmland F = [200,450] x
 * [0,50] (overlapping R on [250,350] x [0,50]: R wins), urban boundary U = [0,150] x [0,100].
 *   R: prohibited [250,300] 0.5, conditional [300,350] 0.5
 *   F: prohibited [200,250]x[0,50] 0.25, conditional [350,400]x[0,50] 0.25, same [400,450]x[0,50] 0.25
 *   U: path 1.0 + 0.5 = 1.5
 *   outside: prohibited 0.25, conditional 0.25, same 0.75, gap 0.5, unknown 1.0 (2.75 in all)
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

typedef convert_fixture fixture;

static int add_wkt(guotu_context *ctx, guotu_convert *cv, int side, const char *code, int64_t fid, const char *wkt) {
    size_t n = 0;
    unsigned char *wkb = wkt_to_wkb(wkt, &n);
    int status = side ? guotu_convert_add_after(ctx, cv, code, fid, wkb, n)
                      : guotu_convert_add_before(ctx, cv, code, fid, wkb, n);
    free(wkb);
    return status;
}

typedef struct piece_log {
    int count;
    double area, dm;
    int stop_after;
    /* the first 32 pieces: status, line, area */
    char status[32][16], line[32][24];
    double piece_area[32];
} piece_log;

static int log_piece(const guotu_conversion_piece *p, void *user) {
    piece_log *log = user;
    if (log->count < 32) {
        snprintf(log->status[log->count], sizeof log->status[0], "%s", p->status);
        snprintf(log->line[log->count], sizeof log->line[0], "%s", p->line);
        log->piece_area[log->count] = p->area_ha;
    }
    log->count++;
    log->area += p->area_ha;
    log->dm += p->dm_ha;
    assert_non_null(p->wkb);
    assert_true(p->wkb_size > 0);
    if (!strcmp(p->from_code, "41") && !strcmp(p->to_code, "12")) {
        assert_string_equal(p->status, "prohibited");
        assert_string_equal(p->from_category, "river_water");
        assert_non_null(strstr(p->paths_zh, "禁止围湖造田"));
    }
    return log->stop_after > 0 && log->count >= log->stop_after;
}

typedef struct line_box {
    guotu_line line;
    double x0, y0, x1, y1;
} line_box;

static guotu_convert *run_with_lines(fixture *fx, int with_zones, const line_box *lines, size_t nlines,
                                     piece_log *log) {
    guotu_convert_options o;
    guotu_convert_options_init(&o);
    o.area_method = GUOTU_AREA_PLANAR;
    guotu_convert *cv = NULL;
    assert_int_equal(guotu_convert_create(fx->ctx, &o, fx->map, fx->map, fx->policy, fx->k, fx->k, &cv), GUOTU_OK);
    char w[256];
    if (with_zones) {
        assert_int_equal(add_zone_wkt_convert(fx->ctx, cv, "Z1", 1, box_wkt(w, sizeof w, 0, 0, 250, 100)), GUOTU_OK);
        assert_int_equal(add_zone_wkt_convert(fx->ctx, cv, "Z2", 2, box_wkt(w, sizeof w, 250, 0, 550, 100)), GUOTU_OK);
    }
    const char *before[] = {"21", "12", "41", "21", "12", "12"};
    for (int i = 0; i < 6; i++)
        assert_int_equal(
            add_wkt(fx->ctx, cv, 0, before[i], i + 1, box_wkt(w, sizeof w, i * 100, 0, i * 100 + 100, 100)), GUOTU_OK);
    for (size_t i = 0; i < nlines; i++) {
        const line_box *l = &lines[i];
        size_t n = 0;
        unsigned char *wkb = wkt_to_wkb(box_wkt(w, sizeof w, l->x0, l->y0, l->x1, l->y1), &n);
        assert_int_equal(guotu_convert_add_line(fx->ctx, cv, l->line, (int64_t)i + 1, wkb, n), GUOTU_OK);
        free(wkb);
    }
    assert_int_equal(guotu_convert_prepare(fx->ctx, cv), GUOTU_OK);
    guotu_convert_set_piece_callback(cv, log_piece, log);
    const double after_x[] = {0, 150, 200, 300, 400, 500, 600};
    const char *after[] = {"51", "41", "12", "11", "12", "77"};
    for (int i = 0; i < 6; i++) {
        int status = add_wkt(fx->ctx, cv, 1, after[i], i + 1, box_wkt(w, sizeof w, after_x[i], 0, after_x[i + 1], 100));
        if (status) {
            assert_int_equal(status, GUOTU_ERR_CANCELLED);
            return cv;
        }
    }
    assert_int_equal(guotu_convert_finish(fx->ctx, cv), GUOTU_OK);
    return cv;
}

static guotu_convert *run(fixture *fx, int with_zones, piece_log *log) {
    return run_with_lines(fx, with_zones, NULL, 0, log);
}

static double status_area(fixture *fx, const guotu_convert *cv, const char *zone, const char *status) {
    for (size_t i = 0; i < guotu_convert_status_count(cv); i++) {
        guotu_status_area s;
        assert_int_equal(guotu_convert_status_row(fx->ctx, cv, i, &s), GUOTU_OK);
        if (!strcmp(s.zone_id, zone) && !strcmp(s.status, status)) return s.area_ha;
    }
    return 0;
}

static void test_hand_computed_transitions(void **state) {
    fixture *fx = *state;
    piece_log log = {.count = 0};
    guotu_convert *cv = run(fx, 0, &log);
    assert_int_equal(log.count, 7);
    assert_close(log.area, 6.0, 1e-9);
    assert_close(log.dm, -1.0 + 1.05 - 2.1 - 1.0, 1e-9);
    assert_close(status_area(fx, cv, "", "path"), 1.5, 1e-9);
    assert_close(status_area(fx, cv, "", "gap"), 0.5, 1e-9);
    assert_close(status_area(fx, cv, "", "prohibited"), 1.0, 1e-9);
    assert_close(status_area(fx, cv, "", "conditional"), 1.0, 1e-9);
    assert_close(status_area(fx, cv, "", "same"), 1.0, 1e-9);
    assert_close(status_area(fx, cv, "", "unknown"), 1.0, 1e-9);
    /* Category matrix: forest → construction 1 ha with dM −1; cultivated → construction 0.5 ha. */
    int seen = 0;
    for (size_t i = 0; i < guotu_convert_category_count(cv); i++) {
        guotu_transition t;
        guotu_convert_category_row(fx->ctx, cv, i, &t);
        if (!strcmp(t.from, "forest") && !strcmp(t.to, "construction")) {
            assert_close(t.area_ha, 1.0, 1e-9);
            assert_close(t.dm_ha, -1.0, 1e-9);
            assert_string_equal(t.status, "path");
            seen++;
        }
        if (!strcmp(t.from, "cultivated") && !strcmp(t.to, "")) {
            assert_string_equal(t.status, "unknown");
            seen++;
        }
    }
    assert_int_equal(seen, 2);
    /* Code matrix keeps the original codes, naturally ordered: 11 before 12 and 21. */
    assert_int_equal(guotu_convert_code_count(cv), 7);
    guotu_transition first;
    guotu_convert_code_row(fx->ctx, cv, 0, &first);
    assert_string_equal(first.from, "12");
    assert_int_equal(guotu_convert_unknown_count(cv), 1);
    guotu_unknown_code u;
    guotu_convert_unknown_row(fx->ctx, cv, 0, &u);
    assert_string_equal(u.code, "77");
    assert_int_equal(u.side, 1);
    assert_close(u.area_ha, 1.0, 1e-9);
    guotu_convert_stats st;
    guotu_convert_get_stats(fx->ctx, cv, &st);
    assert_int_equal(st.before_features, 6);
    assert_int_equal(st.after_features, 6);
    assert_close(st.overlaid_area_ha, 6.0, 1e-9);
    assert_close(st.before_area_ha, 6.0, 1e-9);
    guotu_convert_destroy(fx->ctx, cv);
}

static void test_zones_split_pieces_and_keep_the_rest(void **state) {
    fixture *fx = *state;
    piece_log log = {.count = 0};
    guotu_convert *cv = run(fx, 1, &log);
    assert_close(log.area, 6.0, 1e-9); /* area conserved with zones and a remainder */
    assert_close(status_area(fx, cv, "Z1", "path"), 1.5, 1e-9);
    assert_close(status_area(fx, cv, "Z1", "gap"), 0.5, 1e-9);
    assert_close(status_area(fx, cv, "Z1", "prohibited"), 0.5, 1e-9);
    assert_close(status_area(fx, cv, "Z2", "prohibited"), 0.5, 1e-9);
    assert_close(status_area(fx, cv, "Z2", "conditional"), 1.0, 1e-9);
    assert_close(status_area(fx, cv, "Z2", "same"), 1.0, 1e-9);
    assert_close(status_area(fx, cv, "Z2", "unknown"), 0.5, 1e-9);
    assert_close(status_area(fx, cv, "", "unknown"), 0.5, 1e-9);
    assert_close(status_area(fx, cv, "*", "prohibited"), 1.0, 1e-9);
    double all = 0;
    for (size_t i = 0; i < guotu_convert_status_count(cv); i++) {
        guotu_status_area s;
        guotu_convert_status_row(fx->ctx, cv, i, &s);
        if (!strcmp(s.zone_id, "*")) all += s.area_ha;
    }
    assert_close(all, 6.0, 1e-9);
    /* Rows come zone by zone in input order, then "", then "*". */
    guotu_status_area first, last;
    guotu_convert_status_row(fx->ctx, cv, 0, &first);
    guotu_convert_status_row(fx->ctx, cv, guotu_convert_status_count(cv) - 1, &last);
    assert_string_equal(first.zone_id, "Z1");
    assert_string_equal(last.zone_id, "*");
    guotu_convert_destroy(fx->ctx, cv);
}

/* The "after" strips split between two overlays (as two threads would), then merged:
 * the same tables as one overlay. */
static void test_split_and_merge(void **state) {
    fixture *fx = *state;
    guotu_context *other = guotu_context_create();
    guotu_convert_options o;
    guotu_convert_options_init(&o);
    o.area_method = GUOTU_AREA_PLANAR;
    guotu_convert *cv[2] = {NULL, NULL};
    guotu_context *ctx[2] = {fx->ctx, other};
    char w[256];
    const char *before[] = {"21", "12", "41", "21", "12", "12"};
    for (int k = 0; k < 2; k++) {
        assert_int_equal(guotu_convert_create(ctx[k], &o, fx->map, fx->map, fx->policy, fx->k, fx->k, &cv[k]),
                         GUOTU_OK);
        assert_int_equal(add_zone_wkt_convert(ctx[k], cv[k], "Z1", 1, box_wkt(w, sizeof w, 0, 0, 250, 100)), GUOTU_OK);
        assert_int_equal(add_zone_wkt_convert(ctx[k], cv[k], "Z2", 2, box_wkt(w, sizeof w, 250, 0, 550, 100)),
                         GUOTU_OK);
        for (int i = 0; i < 6; i++)
            assert_int_equal(
                add_wkt(ctx[k], cv[k], 0, before[i], i + 1, box_wkt(w, sizeof w, i * 100, 0, i * 100 + 100, 100)),
                GUOTU_OK);
        assert_int_equal(guotu_convert_prepare(ctx[k], cv[k]), GUOTU_OK);
    }
    const double after_x[] = {0, 150, 200, 300, 400, 500, 600};
    const char *after[] = {"51", "41", "12", "11", "12", "77"};
    for (int i = 0; i < 6; i++)
        assert_int_equal(add_wkt(ctx[i % 2], cv[i % 2], 1, after[i], i + 1,
                                 box_wkt(w, sizeof w, after_x[i], 0, after_x[i + 1], 100)),
                         GUOTU_OK);
    assert_int_equal(guotu_convert_merge(fx->ctx, cv[0], cv[1]), GUOTU_OK);
    assert_int_equal(guotu_convert_finish(fx->ctx, cv[0]), GUOTU_OK);
    assert_close(status_area(fx, cv[0], "Z1", "path"), 1.5, 1e-9);
    assert_close(status_area(fx, cv[0], "Z1", "prohibited"), 0.5, 1e-9);
    assert_close(status_area(fx, cv[0], "Z2", "unknown"), 0.5, 1e-9);
    assert_close(status_area(fx, cv[0], "", "unknown"), 0.5, 1e-9);
    assert_close(status_area(fx, cv[0], "*", "conditional"), 1.0, 1e-9);
    assert_int_equal(guotu_convert_unknown_count(cv[0]), 1);
    guotu_convert_stats st;
    guotu_convert_get_stats(fx->ctx, cv[0], &st);
    assert_int_equal(st.after_features, 6);
    assert_close(st.overlaid_area_ha, 6.0, 1e-9);
    /* The code table found codes only the second overlay had seen ("77" went to it). */
    int found = 0;
    for (size_t i = 0; i < guotu_convert_code_count(cv[0]); i++) {
        guotu_transition t;
        guotu_convert_code_row(fx->ctx, cv[0], i, &t);
        found += !strcmp(t.to, "77") && !strcmp(t.zone_id, "*");
    }
    assert_int_equal(found, 1);
    assert_int_equal(guotu_convert_merge(fx->ctx, cv[0], cv[1]), GUOTU_ERR_STATE); /* finished */
    guotu_convert_destroy(fx->ctx, cv[0]);
    guotu_convert_destroy(other, cv[1]);
    guotu_context_destroy(other);
}

static void test_callback_can_stop(void **state) {
    fixture *fx = *state;
    piece_log log = {.stop_after = 2};
    guotu_convert *cv = run(fx, 0, &log);
    assert_int_equal(log.count, 2);
    assert_int_equal(guotu_convert_finish(fx->ctx, cv), GUOTU_ERR_STATE);
    guotu_convert_destroy(fx->ctx, cv);
}

static void test_area_conserved_on_two_different_tilings(void **state) {
    fixture *fx = *state;
    guotu_convert_options o;
    guotu_convert_options_init(&o);
    o.area_method = GUOTU_AREA_PLANAR;
    guotu_convert *cv = NULL;
    assert_int_equal(guotu_convert_create(fx->ctx, &o, fx->map, fx->map, fx->policy, NULL, NULL, &cv), GUOTU_OK);
    char w[256];
    /* 7 x 7 squares of 137 m against 11 x 11 of 87.2 m (959.2 m vs 959 m a side): they
     * overlap on [0,959] x [0,959]. */
    for (int i = 0; i < 49; i++)
        assert_int_equal(
            add_wkt(fx->ctx, cv, 0, i % 2 ? "21" : "12", i,
                    box_wkt(w, sizeof w, (i % 7) * 137.0, (i / 7) * 137.0, (i % 7 + 1) * 137.0, (i / 7 + 1) * 137.0)),
            GUOTU_OK);
    assert_int_equal(guotu_convert_prepare(fx->ctx, cv), GUOTU_OK);
    for (int i = 0; i < 121; i++)
        assert_int_equal(
            add_wkt(fx->ctx, cv, 1, i % 3 ? "51" : "31", i,
                    box_wkt(w, sizeof w, (i % 11) * 87.2, (i / 11) * 87.2, (i % 11 + 1) * 87.2, (i / 11 + 1) * 87.2)),
            GUOTU_OK);
    assert_int_equal(guotu_convert_finish(fx->ctx, cv), GUOTU_OK);
    guotu_convert_stats st;
    guotu_convert_get_stats(fx->ctx, cv, &st);
    assert_close(st.overlaid_area_ha, 959.0 * 959.0 / 1e4, 1e-7);
    double matrix = 0;
    for (size_t i = 0; i < guotu_convert_category_count(cv); i++) {
        guotu_transition t;
        guotu_convert_category_row(fx->ctx, cv, i, &t);
        matrix += t.area_ha;
    }
    assert_close(matrix, 959.0 * 959.0 / 1e4, 1e-7);
    guotu_convert_destroy(fx->ctx, cv);
}

static double line_area(fixture *fx, const guotu_convert *cv, const char *zone, const char *line, const char *status) {
    double sum = 0;
    for (size_t i = 0; i < guotu_convert_line_count(cv); i++) {
        guotu_line_status_area s;
        assert_int_equal(guotu_convert_line_row(fx->ctx, cv, i, &s), GUOTU_OK);
        if (!strcmp(s.zone_id, zone) && !strcmp(s.line, line) && (!status || !strcmp(s.status, status)))
            sum += s.area_ha;
    }
    return sum;
}

/* A red line over half of the prohibited piece (41 -> 12 on [200,300]) and half of the
 * conditional one ([300,400]): each is cut in two pieces of 0.5 ha. */
static void test_lines_split_a_piece_half_inside_the_red_line(void **state) {
    fixture *fx = *state;
    piece_log log;
    memset(&log, 0, sizeof log);
    const line_box red = {GUOTU_LINE_REDLINE, 250, 0, 350, 100};
    guotu_convert *cv = run_with_lines(fx, 0, &red, 1, &log);
    assert_int_equal(log.count, 9); /* 7 pieces, two of them cut in two */
    assert_close(log.area, 6.0, 1e-9);
    int prohibited_in = 0, prohibited_out = 0;
    for (int i = 0; i < log.count; i++) {
        if (strcmp(log.status[i], "prohibited")) continue;
        assert_close(log.piece_area[i], 0.5, 1e-9);
        if (!strcmp(log.line[i], "ecological_redline"))
            prohibited_in++;
        else if (!strcmp(log.line[i], ""))
            prohibited_out++;
    }
    assert_int_equal(prohibited_in, 1);
    assert_int_equal(prohibited_out, 1);
    assert_close(line_area(fx, cv, "", "ecological_redline", "prohibited"), 0.5, 1e-9);
    assert_close(line_area(fx, cv, "", "ecological_redline", "conditional"), 0.5, 1e-9);
    assert_close(line_area(fx, cv, "", "ecological_redline", NULL), 1.0, 1e-9);
    assert_close(line_area(fx, cv, "", "", NULL), 5.0, 1e-9);
    /* The status table is the same as without lines. */
    assert_close(status_area(fx, cv, "", "prohibited"), 1.0, 1e-9);
    assert_close(status_area(fx, cv, "", "conditional"), 1.0, 1e-9);
    guotu_convert_stats st;
    guotu_convert_get_stats(fx->ctx, cv, &st);
    assert_int_equal(st.line_features, 1);
    assert_close(st.overlaid_area_ha, 6.0, 1e-9);
    guotu_convert_destroy(fx->ctx, cv);
}

/* Three lines, the farmland overlapping the red line: red line first, then farmland. */
static void test_lines_priority_and_area_by_line(void **state) {
    fixture *fx = *state;
    piece_log log;
    memset(&log, 0, sizeof log);
    /* Given urban first and farmland before the red line: the order of input must not matter. */
    const line_box lines[] = {{GUOTU_LINE_URBAN, 0, 0, 150, 100},
                              {GUOTU_LINE_FARMLAND, 200, 0, 450, 50},
                              {GUOTU_LINE_REDLINE, 250, 0, 350, 100}};
    guotu_convert *cv = run_with_lines(fx, 0, lines, 3, &log);
    assert_close(log.area, 6.0, 1e-9);
    assert_close(line_area(fx, cv, "", "ecological_redline", "prohibited"), 0.5, 1e-9);
    assert_close(line_area(fx, cv, "", "ecological_redline", "conditional"), 0.5, 1e-9);
    assert_close(line_area(fx, cv, "", "ecological_redline", NULL), 1.0, 1e-9);
    assert_close(line_area(fx, cv, "", "permanent_farmland", "prohibited"), 0.25, 1e-9);
    assert_close(line_area(fx, cv, "", "permanent_farmland", "conditional"), 0.25, 1e-9);
    assert_close(line_area(fx, cv, "", "permanent_farmland", "same"), 0.25, 1e-9);
    assert_close(line_area(fx, cv, "", "permanent_farmland", NULL), 0.75, 1e-9);
    assert_close(line_area(fx, cv, "", "urban_boundary", "path"), 1.5, 1e-9);
    assert_close(line_area(fx, cv, "", "urban_boundary", NULL), 1.5, 1e-9);
    assert_close(line_area(fx, cv, "", "", "prohibited"), 0.25, 1e-9);
    assert_close(line_area(fx, cv, "", "", "same"), 0.75, 1e-9);
    assert_close(line_area(fx, cv, "", "", NULL), 2.75, 1e-9);
    /* Rows: red line, farmland, urban boundary, then outside. */
    guotu_line_status_area first, last;
    guotu_convert_line_row(fx->ctx, cv, 0, &first);
    guotu_convert_line_row(fx->ctx, cv, guotu_convert_line_count(cv) - 1, &last);
    assert_string_equal(first.line, "ecological_redline");
    assert_string_equal(last.line, "");
    guotu_convert_destroy(fx->ctx, cv);

    /* With zones Z1 = [0,250], Z2 = [250,550]: the red line lies in Z2. */
    memset(&log, 0, sizeof log);
    cv = run_with_lines(fx, 1, lines, 3, &log);
    assert_close(log.area, 6.0, 1e-9);
    assert_close(line_area(fx, cv, "Z2", "ecological_redline", NULL), 1.0, 1e-9);
    assert_close(line_area(fx, cv, "Z1", "ecological_redline", NULL), 0.0, 1e-9);
    assert_close(line_area(fx, cv, "Z1", "permanent_farmland", "prohibited"), 0.25, 1e-9);
    assert_close(line_area(fx, cv, "*", "ecological_redline", "prohibited"), 0.5, 1e-9);
    assert_close(line_area(fx, cv, "", "", "unknown"), 0.5, 1e-9);
    guotu_convert_destroy(fx->ctx, cv);
}

static void test_lines_bad_calls(void **state) {
    fixture *fx = *state;
    guotu_convert_options o;
    guotu_convert_options_init(&o);
    o.area_method = GUOTU_AREA_PLANAR;
    guotu_convert *cv = NULL;
    assert_int_equal(guotu_convert_create(fx->ctx, &o, fx->map, fx->map, fx->policy, NULL, NULL, &cv), GUOTU_OK);
    char w[256];
    size_t n = 0;
    unsigned char *wkb = wkt_to_wkb(box_wkt(w, sizeof w, 0, 0, 10, 10), &n);
    assert_int_equal(guotu_convert_add_line(fx->ctx, cv, (guotu_line)7, 1, wkb, n), GUOTU_ERR_ARGUMENT);
    assert_int_equal(add_wkt(fx->ctx, cv, 0, "21", 1, w), GUOTU_OK);
    assert_int_equal(guotu_convert_prepare(fx->ctx, cv), GUOTU_OK);
    assert_int_equal(guotu_convert_add_line(fx->ctx, cv, GUOTU_LINE_REDLINE, 1, wkb, n), GUOTU_ERR_STATE);
    free(wkb);
    guotu_convert_destroy(fx->ctx, cv);
}

/* Two 3 x 4 rasters of 10 m cells (planar: 100 m² = 0.01 ha each), nodata 255:
 *   before  21 21 12 12      after  51 21 12 51      status  path same same path
 *           41 41 12 12             12 12 12 77              proh proh same unknown
 *           12 21 255 12            12 255 12 12             same nodata nodata same
 * path 0.02 ha, same 0.05, prohibited 0.02, unknown 0.01; 10 cells counted, 2 skipped;
 * 11 cells have a before value and 11 an after value (0.11 ha each).
 * dM: 21→51 0.01·(0 − 1.00) + 41→12 0.02·(0 − 2.10) = −0.052. */
static void test_grid_cells_hand_computed(void **state) {
    fixture *fx = *state;
    guotu_convert_options o;
    guotu_convert_options_init(&o);
    o.area_method = GUOTU_AREA_PLANAR;
    guotu_convert *cv = NULL;
    assert_int_equal(guotu_convert_create(fx->ctx, &o, fx->map, fx->map, fx->policy, fx->k, fx->k, &cv), GUOTU_OK);
    guotu_convert_grid grid = {{0, 10, 0, 30, 0, -10}, 4, 3, {1, 1}, {255, 255}};
    assert_int_equal(guotu_convert_set_grid(fx->ctx, cv, &grid), GUOTU_OK);
    const int32_t before[12] = {21, 21, 12, 12, 41, 41, 12, 12, 12, 21, 255, 12};
    const int32_t after[12] = {51, 21, 12, 51, 12, 12, 12, 77, 12, 255, 12, 12};
    uint8_t cells[12];
    memset(cells, 99, sizeof cells);
    /* Two blocks: rows 0-1, then row 2 (the stride stays 4). */
    assert_int_equal(guotu_convert_add_cells(fx->ctx, cv, 0, 0, 2, 4, before, after, 4, cells), GUOTU_OK);
    assert_int_equal(guotu_convert_add_cells(fx->ctx, cv, 2, 0, 1, 4, before + 8, after + 8, 4, cells + 8), GUOTU_OK);
    const uint8_t expected[12] = {GUOTU_CELL_PATH,       GUOTU_CELL_SAME,       GUOTU_CELL_SAME,   GUOTU_CELL_PATH,
                                  GUOTU_CELL_PROHIBITED, GUOTU_CELL_PROHIBITED, GUOTU_CELL_SAME,   GUOTU_CELL_UNKNOWN,
                                  GUOTU_CELL_SAME,       GUOTU_CELL_NODATA,     GUOTU_CELL_NODATA, GUOTU_CELL_SAME};
    assert_memory_equal(cells, expected, sizeof cells);
    assert_int_equal(guotu_convert_add_after(fx->ctx, cv, "12", 1, (const unsigned char *)"x", 1), GUOTU_ERR_STATE);
    assert_int_equal(guotu_convert_finish(fx->ctx, cv), GUOTU_OK);
    assert_close(status_area(fx, cv, "", "path"), 0.02, 1e-12);
    assert_close(status_area(fx, cv, "", "same"), 0.05, 1e-12);
    assert_close(status_area(fx, cv, "", "prohibited"), 0.02, 1e-12);
    assert_close(status_area(fx, cv, "", "unknown"), 0.01, 1e-12);
    double dm = 0, codes_41_12 = 0;
    for (size_t i = 0; i < guotu_convert_category_count(cv); i++) {
        guotu_transition t;
        guotu_convert_category_row(fx->ctx, cv, i, &t);
        dm += t.dm_ha;
    }
    for (size_t i = 0; i < guotu_convert_code_count(cv); i++) {
        guotu_transition t;
        guotu_convert_code_row(fx->ctx, cv, i, &t);
        if (!strcmp(t.from, "41") && !strcmp(t.to, "12")) codes_41_12 += t.area_ha;
    }
    assert_close(dm, -0.052, 1e-12);
    assert_close(codes_41_12, 0.02, 1e-12);
    assert_int_equal(guotu_convert_unknown_count(cv), 1);
    guotu_unknown_code u;
    guotu_convert_unknown_row(fx->ctx, cv, 0, &u);
    assert_string_equal(u.code, "77");
    guotu_convert_stats st;
    guotu_convert_get_stats(fx->ctx, cv, &st);
    assert_int_equal(st.cells, 10);
    assert_int_equal(st.nodata_cells, 2);
    assert_close(st.overlaid_area_ha, 0.10, 1e-12);
    assert_close(st.before_area_ha, 0.11, 1e-12);
    assert_close(st.after_area_ha, 0.11, 1e-12);
    guotu_convert_destroy(fx->ctx, cv);
}

static void test_grid_refusals(void **state) {
    fixture *fx = *state;
    guotu_convert_options o;
    guotu_convert_options_init(&o);
    o.area_method = GUOTU_AREA_PLANAR;
    guotu_convert *cv = NULL;
    assert_int_equal(guotu_convert_create(fx->ctx, &o, fx->map, fx->map, fx->policy, NULL, NULL, &cv), GUOTU_OK);
    guotu_convert_grid rotated = {{0, 10, 1, 30, 0, -10}, 4, 3, {0, 0}, {0, 0}};
    assert_int_equal(guotu_convert_set_grid(fx->ctx, cv, &rotated), GUOTU_ERR_ARGUMENT);
    char w[256];
    assert_int_equal(add_zone_wkt_convert(fx->ctx, cv, "Z1", 1, box_wkt(w, sizeof w, 0, 0, 10, 10)), GUOTU_OK);
    guotu_convert_grid grid = {{0, 10, 0, 30, 0, -10}, 4, 3, {0, 0}, {0, 0}};
    assert_int_equal(guotu_convert_set_grid(fx->ctx, cv, &grid), GUOTU_ERR_STATE); /* zones given */
    guotu_convert_destroy(fx->ctx, cv);
    assert_int_equal(guotu_convert_create(fx->ctx, &o, fx->map, fx->map, fx->policy, NULL, NULL, &cv), GUOTU_OK);
    assert_int_equal(guotu_convert_set_grid(fx->ctx, cv, &grid), GUOTU_OK);
    int32_t v[4] = {1, 2, 3, 4};
    assert_int_equal(guotu_convert_add_cells(fx->ctx, cv, 2, 0, 2, 2, v, v, 2, NULL),
                     GUOTU_ERR_ARGUMENT); /* off the grid */
    guotu_convert_destroy(fx->ctx, cv);
}

static void test_bad_tables(void **state) {
    fixture *fx = *state;
    guotu_context *ctx = fx->ctx;
    guotu_category_map *m = NULL;
    const char *bad_cat = "code,category\n21,woodland\n";
    assert_int_equal(guotu_category_map_parse(ctx, bad_cat, strlen(bad_cat), "mine.csv", &m), GUOTU_ERR_DATA);
    assert_non_null(strstr(guotu_context_last_error(ctx), "line 2"));
    assert_non_null(strstr(guotu_context_last_error(ctx), "'woodland'"));
    const char *dup = "code,category\n21,forest\n21,grassland\n";
    assert_int_equal(guotu_category_map_parse(ctx, dup, strlen(dup), "mine.csv", &m), GUOTU_ERR_DATA);
    assert_non_null(strstr(guotu_context_last_error(ctx), "listed twice"));

    size_t n = 0;
    char *policy = read_resource("presets/conversion/policy.csv", &n);
    guotu_policy *p = NULL;
    /* Drop the last line: one pair goes missing. */
    size_t cut = n - 1;
    while (cut && policy[cut - 1] != '\n')
        cut--;
    assert_int_equal(guotu_policy_parse(ctx, policy, cut, "short.csv", &p), GUOTU_ERR_DATA);
    assert_non_null(strstr(guotu_context_last_error(ctx), "no rule for"));
    free(policy);
    const char *bad_status = "from,to,status,paths_zh,paths_en\ncultivated,garden,maybe,x,y\n";
    assert_int_equal(guotu_policy_parse(ctx, bad_status, strlen(bad_status), "p.csv", &p), GUOTU_ERR_DATA);
    assert_non_null(strstr(guotu_context_last_error(ctx), "'maybe'"));
    const char *bad_cat2 = "from,to,status,paths_zh,paths_en\nwetland,garden,gap,x,y\n";
    assert_int_equal(guotu_policy_parse(ctx, bad_cat2, strlen(bad_cat2), "p.csv", &p), GUOTU_ERR_DATA);
    assert_non_null(strstr(guotu_context_last_error(ctx), "'wetland'"));
    const char *twice = "from,to,status,paths_zh,paths_en\ncultivated,garden,gap,x,y\ncultivated,garden,path,x,y\n";
    assert_int_equal(guotu_policy_parse(ctx, twice, strlen(twice), "p.csv", &p), GUOTU_ERR_DATA);
    assert_non_null(strstr(guotu_context_last_error(ctx), "given twice"));
    const char *no_paths = "from,to,status\ncultivated,garden,gap\n";
    assert_int_equal(guotu_policy_parse(ctx, no_paths, strlen(no_paths), "p.csv", &p), GUOTU_ERR_DATA);
    assert_non_null(
        strstr(guotu_context_last_error(ctx),
               "policy 'p.csv': the header needs the columns 'from', 'to', 'status', 'paths_zh', 'paths_en'"));
    const char *short_row = "from,to,status,paths_zh,paths_en\ncultivated,garden,gap\n";
    assert_int_equal(guotu_policy_parse(ctx, short_row, strlen(short_row), "p.csv", &p), GUOTU_ERR_DATA);
    assert_non_null(strstr(guotu_context_last_error(ctx), "policy 'p.csv', line 2: too few or too long fields"));
    assert_null(p);
    guotu_policy_rule r;
    assert_true(guotu_policy_lookup(fx->policy, "river_water", "cultivated", &r));
    assert_string_equal(r.status, "prohibited");
    assert_false(guotu_policy_lookup(fx->policy, "wetland", "cultivated", &r));
    const char *cat = NULL;
    assert_true(guotu_category_map_lookup(fx->map, "46", &cat));
    assert_string_equal(cat, "river_water");
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_hand_computed_transitions, convert_fixture_setup,
                                        convert_fixture_teardown),
        cmocka_unit_test_setup_teardown(test_zones_split_pieces_and_keep_the_rest, convert_fixture_setup,
                                        convert_fixture_teardown),
        cmocka_unit_test_setup_teardown(test_split_and_merge, convert_fixture_setup, convert_fixture_teardown),
        cmocka_unit_test_setup_teardown(test_callback_can_stop, convert_fixture_setup, convert_fixture_teardown),
        cmocka_unit_test_setup_teardown(test_area_conserved_on_two_different_tilings, convert_fixture_setup,
                                        convert_fixture_teardown),
        cmocka_unit_test_setup_teardown(test_lines_split_a_piece_half_inside_the_red_line, convert_fixture_setup,
                                        convert_fixture_teardown),
        cmocka_unit_test_setup_teardown(test_lines_priority_and_area_by_line, convert_fixture_setup,
                                        convert_fixture_teardown),
        cmocka_unit_test_setup_teardown(test_lines_bad_calls, convert_fixture_setup, convert_fixture_teardown),
        cmocka_unit_test_setup_teardown(test_grid_cells_hand_computed, convert_fixture_setup, convert_fixture_teardown),
        cmocka_unit_test_setup_teardown(test_grid_refusals, convert_fixture_setup, convert_fixture_teardown),
        cmocka_unit_test_setup_teardown(test_bad_tables, convert_fixture_setup, convert_fixture_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
