/* test_convert_before.c — one "before" layer shared by the overlays of several threads
 * (guotu_convert_before_*, guotu_convert_use_before): filled in parts, sealed once, borrowed
 * read-only; the tables must equal those of one overlay given the same features with
 * guotu_convert_add_before, to the last bit.
 *
 * The strips of test_convert.c (planar metres; both layers cover [0,600] x [0,100] = 6 ha):
 *   before: B1 21 [0,100]   B2 12 [100,200]  B3 41 [200,300]  B4 21 [300,400]  B5 12 [400,500]  B6 12 [500,600]
 *   after:  A1 51 [0,150]   A2 41 [150,200]  A3 12 [200,300]  A4 11 [300,400]  A5 12 [400,500]  A6 77 [500,600]
 *   path 1.5 ha (B1∩A1 forest→construction 1.0, B2∩A1 cultivated→construction 0.5), gap 0.5
 *   (B2∩A2), prohibited 1.0 (B3∩A3), conditional 1.0 (B4∩A4), same 1.0 (B5∩A5), unknown 1.0 (B6∩A6).
 *
 * The grid (test_threads_*): before = 30 x 30 squares of 100 m on [0,3000]², codes cycling; the
 * square of row 5, column 5 has a hole [525,575]² filled by an island parcel (so GEOS's overlay
 * is used, not only the direct clips); after = 30 x 30 squares of 100 m shifted by (37, 23):
 * [37,3037] x [23,3023]. Overlap of the two extents: 2963 m × 2977 m = 8,820,851 m² = 882.0851 ha;
 * before 900 ha in 901 parcels.
 */
#include <pthread.h>
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

static guotu_convert_options planar(void) {
    guotu_convert_options o;
    guotu_convert_options_init(&o);
    o.area_method = GUOTU_AREA_PLANAR;
    o.before_label = "DLTB_2019";
    return o;
}

/* ---- the features of both fixtures ---- */

typedef struct feature {
    char code[8];
    int64_t fid;
    char wkt[512];
} feature;

static const char *const strip_before[] = {"21", "12", "41", "21", "12", "12"};
static const double strip_after_x[] = {0, 150, 200, 300, 400, 500, 600};
static const char *const strip_after[] = {"51", "41", "12", "11", "12", "77"};

static size_t strips(int side, feature *out) {
    for (int i = 0; i < 6; i++) {
        double x0 = side ? strip_after_x[i] : i * 100, x1 = side ? strip_after_x[i + 1] : i * 100 + 100;
        snprintf(out[i].code, sizeof out[i].code, "%s", side ? strip_after[i] : strip_before[i]);
        out[i].fid = i + 1;
        box_wkt(out[i].wkt, sizeof out[i].wkt, x0, 0, x1, 100);
    }
    return 6;
}

enum { GRID = 30 };
static size_t grid(int side, feature *out) {
    static const char *const codes[2][5] = {{"21", "12", "41", "11", "51"}, {"12", "12", "21", "77", "41"}};
    double dx = side ? 37 : 0, dy = side ? 23 : 0;
    size_t n = 0;
    for (int r = 0; r < GRID; r++)
        for (int c = 0; c < GRID; c++) {
            feature *f = &out[n];
            snprintf(f->code, sizeof f->code, "%s", codes[side][(r * 7 + c * 3) % 5]);
            f->fid = 1000 + (int64_t)n;
            double x0 = c * 100 + dx, y0 = r * 100 + dy;
            if (!side && r == 5 && c == 5)
                snprintf(f->wkt, sizeof f->wkt,
                         "POLYGON((%g %g,%g %g,%g %g,%g %g,%g %g),(525 525,575 525,575 575,525 575,525 525))", x0, y0,
                         x0 + 100, y0, x0 + 100, y0 + 100, x0, y0 + 100, x0, y0);
            else
                box_wkt(f->wkt, sizeof f->wkt, x0, y0, x0 + 100, y0 + 100);
            n++;
        }
    if (!side) { /* the island in the hole */
        snprintf(out[n].code, sizeof out[n].code, "41");
        out[n].fid = 99;
        box_wkt(out[n].wkt, sizeof out[n].wkt, 525, 525, 575, 575);
        n++;
    }
    return n;
}

static int add_before_part(guotu_context *ctx, guotu_convert_before_part *part, int64_t position, const feature *f) {
    size_t n = 0;
    unsigned char *wkb = wkt_to_wkb(f->wkt, &n);
    int status = guotu_convert_before_add(ctx, part, position, f->code, f->fid, wkb, n);
    free(wkb);
    return status;
}

static int add_feature(guotu_context *ctx, guotu_convert *cv, int side, const feature *f) {
    size_t n = 0;
    unsigned char *wkb = wkt_to_wkb(f->wkt, &n);
    int status = side ? guotu_convert_add_after(ctx, cv, f->code, f->fid, wkb, n)
                      : guotu_convert_add_before(ctx, cv, f->code, f->fid, wkb, n);
    free(wkb);
    return status;
}

static void add_zones(guotu_context *ctx, guotu_convert *cv) {
    char w[256];
    assert_int_equal(add_zone_wkt_convert(ctx, cv, "Z1", 1, box_wkt(w, sizeof w, 0, 0, 250, 100)), GUOTU_OK);
    assert_int_equal(add_zone_wkt_convert(ctx, cv, "Z2", 2, box_wkt(w, sizeof w, 250, 0, 550, 100)), GUOTU_OK);
}

/* One overlay given every before feature itself: the reference. */
static guotu_convert *single(fixture *fx, const feature *before, size_t nb, const feature *after, size_t na,
                             int zones) {
    guotu_convert_options o = planar();
    guotu_convert *cv = NULL;
    assert_int_equal(guotu_convert_create(fx->ctx, &o, fx->map, fx->map, fx->policy, fx->k, fx->k, &cv), GUOTU_OK);
    if (zones) add_zones(fx->ctx, cv);
    for (size_t i = 0; i < nb; i++)
        assert_int_equal(add_feature(fx->ctx, cv, 0, &before[i]), GUOTU_OK);
    assert_int_equal(guotu_convert_prepare(fx->ctx, cv), GUOTU_OK);
    for (size_t i = 0; i < na; i++)
        assert_int_equal(add_feature(fx->ctx, cv, 1, &after[i]), GUOTU_OK);
    assert_int_equal(guotu_convert_finish(fx->ctx, cv), GUOTU_OK);
    return cv;
}

/* Every table row and stat of a and b equal to the last bit. */
static void assert_same_tables(guotu_context *ctx, const guotu_convert *a, const guotu_convert *b) {
    assert_int_equal(guotu_convert_category_count(a), guotu_convert_category_count(b));
    for (size_t i = 0; i < guotu_convert_category_count(a); i++) {
        guotu_transition x, y;
        assert_int_equal(guotu_convert_category_row(ctx, a, i, &x), GUOTU_OK);
        assert_int_equal(guotu_convert_category_row(ctx, b, i, &y), GUOTU_OK);
        assert_string_equal(x.zone_id, y.zone_id);
        assert_string_equal(x.from, y.from);
        assert_string_equal(x.to, y.to);
        assert_true(x.area_ha == y.area_ha && x.dm_ha == y.dm_ha);
    }
    assert_int_equal(guotu_convert_code_count(a), guotu_convert_code_count(b));
    for (size_t i = 0; i < guotu_convert_code_count(a); i++) {
        guotu_transition x, y;
        assert_int_equal(guotu_convert_code_row(ctx, a, i, &x), GUOTU_OK);
        assert_int_equal(guotu_convert_code_row(ctx, b, i, &y), GUOTU_OK);
        assert_string_equal(x.zone_id, y.zone_id);
        assert_string_equal(x.from, y.from);
        assert_string_equal(x.to, y.to);
        assert_true(x.area_ha == y.area_ha && x.dm_ha == y.dm_ha);
    }
    assert_int_equal(guotu_convert_status_count(a), guotu_convert_status_count(b));
    for (size_t i = 0; i < guotu_convert_status_count(a); i++) {
        guotu_status_area x, y;
        assert_int_equal(guotu_convert_status_row(ctx, a, i, &x), GUOTU_OK);
        assert_int_equal(guotu_convert_status_row(ctx, b, i, &y), GUOTU_OK);
        assert_string_equal(x.zone_id, y.zone_id);
        assert_string_equal(x.status, y.status);
        assert_true(x.area_ha == y.area_ha);
    }
    assert_int_equal(guotu_convert_unknown_count(a), guotu_convert_unknown_count(b));
    guotu_convert_stats x, y;
    assert_int_equal(guotu_convert_get_stats(ctx, a, &x), GUOTU_OK);
    assert_int_equal(guotu_convert_get_stats(ctx, b, &y), GUOTU_OK);
    assert_int_equal(x.before_features, y.before_features);
    assert_int_equal(x.after_features, y.after_features);
    assert_int_equal(x.pieces, y.pieces);
    assert_int_equal(x.repaired_before, y.repaired_before);
    assert_true(x.before_area_ha == y.before_area_ha);
    assert_true(x.overlaid_area_ha == y.overlaid_area_ha);
}

static double status_area(fixture *fx, const guotu_convert *cv, const char *zone, const char *status) {
    for (size_t i = 0; i < guotu_convert_status_count(cv); i++) {
        guotu_status_area s;
        assert_int_equal(guotu_convert_status_row(fx->ctx, cv, i, &s), GUOTU_OK);
        if (!strcmp(s.zone_id, zone) && !strcmp(s.status, status)) return s.area_ha;
    }
    return 0;
}

/* The strips: the before layer in two parts (part 0 gets positions 4, 2, 0 in that order,
 * part 1 gets 1, 3, 5), two overlays borrowing it with the after strips split between them,
 * merged: the hand-computed areas, and the same tables as one overlay. */
static void test_parts_and_two_overlays_equal_one_overlay(void **state) {
    fixture *fx = *state;
    feature before[6], after[6];
    strips(0, before);
    strips(1, after);
    guotu_context *ctx[2] = {guotu_context_create(), guotu_context_create()};
    guotu_convert_options o = planar();
    guotu_convert_before *layer = NULL;
    assert_int_equal(guotu_convert_before_create(fx->ctx, &o, fx->map, &layer), GUOTU_OK);
    guotu_convert_before_part *part[2] = {NULL, NULL};
    for (int k = 0; k < 2; k++)
        assert_int_equal(guotu_convert_before_add_part(ctx[k], layer, &part[k]), GUOTU_OK);
    const int64_t order[2][3] = {{4, 2, 0}, {1, 3, 5}};
    for (int k = 0; k < 2; k++)
        for (int i = 0; i < 3; i++)
            assert_int_equal(add_before_part(ctx[k], part[k], order[k][i], &before[order[k][i]]), GUOTU_OK);
    assert_int_equal(guotu_convert_before_seal(fx->ctx, layer), GUOTU_OK);
    guotu_convert *cv[2] = {NULL, NULL};
    for (int k = 0; k < 2; k++) {
        assert_int_equal(guotu_convert_create(ctx[k], &o, fx->map, fx->map, fx->policy, fx->k, fx->k, &cv[k]),
                         GUOTU_OK);
        add_zones(ctx[k], cv[k]);
        assert_int_equal(guotu_convert_use_before(ctx[k], cv[k], layer), GUOTU_OK);
        assert_int_equal(guotu_convert_prepare(ctx[k], cv[k]), GUOTU_OK);
    }
    for (int i = 0; i < 6; i++)
        assert_int_equal(add_feature(ctx[i / 3], cv[i / 3], 1, &after[i]), GUOTU_OK);
    assert_int_equal(guotu_convert_merge(fx->ctx, cv[0], cv[1]), GUOTU_OK);
    assert_int_equal(guotu_convert_finish(fx->ctx, cv[0]), GUOTU_OK);
    assert_close(status_area(fx, cv[0], "*", "path"), 1.5, 1e-12);
    assert_close(status_area(fx, cv[0], "*", "gap"), 0.5, 1e-12);
    assert_close(status_area(fx, cv[0], "*", "prohibited"), 1.0, 1e-12);
    assert_close(status_area(fx, cv[0], "*", "conditional"), 1.0, 1e-12);
    assert_close(status_area(fx, cv[0], "*", "same"), 1.0, 1e-12);
    assert_close(status_area(fx, cv[0], "*", "unknown"), 1.0, 1e-12);
    assert_close(status_area(fx, cv[0], "Z1", "path"), 1.5, 1e-12);
    assert_close(status_area(fx, cv[0], "", "unknown"), 0.5, 1e-12);
    guotu_convert_stats st;
    assert_int_equal(guotu_convert_get_stats(fx->ctx, cv[0], &st), GUOTU_OK);
    assert_int_equal(st.before_features, 6);
    assert_int_equal(st.after_features, 6);
    assert_close(st.before_area_ha, 6.0, 1e-12);
    guotu_convert *one = single(fx, before, 6, after, 6, 1);
    assert_same_tables(fx->ctx, cv[0], one);
    guotu_convert_destroy(fx->ctx, one);
    for (int k = 0; k < 2; k++)
        guotu_convert_destroy(ctx[k], cv[k]);
    guotu_convert_before_destroy(fx->ctx, layer);
    for (int k = 0; k < 2; k++)
        guotu_context_destroy(ctx[k]);
}

/* ---- two real threads ---- */

typedef struct thread_job {
    guotu_context *ctx;
    guotu_convert_before_part *part;
    guotu_convert *cv;
    const feature *features;
    size_t count;
    int index;
    int status;
} thread_job;

/* Stage 1: the thread's share of the before layer (every other batch of 7 features). */
static void *fill_part(void *arg) {
    thread_job *t = arg;
    for (size_t i = 0; i < t->count && !t->status; i++)
        if ((i / 7) % 2 == (size_t)t->index) {
            size_t n = 0;
            unsigned char *wkb = wkt_to_wkb(t->features[i].wkt, &n);
            t->status =
                guotu_convert_before_add(t->ctx, t->part, (int64_t)i, t->features[i].code, t->features[i].fid, wkb, n);
            free(wkb);
        }
    return NULL;
}

/* Stage 2: the thread's share of the after layer through its overlay. */
static void *overlay_share(void *arg) {
    thread_job *t = arg;
    for (size_t i = 0; i < t->count && !t->status; i++)
        if ((i / 5) % 2 == (size_t)t->index) {
            size_t n = 0;
            unsigned char *wkb = wkt_to_wkb(t->features[i].wkt, &n);
            t->status = guotu_convert_add_after(t->ctx, t->cv, t->features[i].code, t->features[i].fid, wkb, n);
            free(wkb);
        }
    return NULL;
}

static void test_threads_fill_and_overlay_one_layer(void **state) {
    fixture *fx = *state;
    feature *before = calloc(GRID * GRID + 1, sizeof *before), *after = calloc(GRID * GRID, sizeof *after);
    size_t nb = grid(0, before), na = grid(1, after);
    assert_int_equal(nb, 901);
    guotu_convert_options o = planar();
    guotu_convert_before *layer = NULL;
    assert_int_equal(guotu_convert_before_create(fx->ctx, &o, fx->map, &layer), GUOTU_OK);
    thread_job t[2];
    pthread_t th[2];
    for (int k = 0; k < 2; k++) {
        t[k] = (thread_job){guotu_context_create(), NULL, NULL, before, nb, k, 0};
        assert_int_equal(guotu_convert_before_add_part(t[k].ctx, layer, &t[k].part), GUOTU_OK);
    }
    for (int k = 0; k < 2; k++)
        assert_int_equal(pthread_create(&th[k], NULL, fill_part, &t[k]), 0);
    for (int k = 0; k < 2; k++) {
        pthread_join(th[k], NULL);
        assert_int_equal(t[k].status, GUOTU_OK);
    }
    assert_int_equal(guotu_convert_before_seal(fx->ctx, layer), GUOTU_OK);
    for (int k = 0; k < 2; k++) {
        assert_int_equal(guotu_convert_create(t[k].ctx, &o, fx->map, fx->map, fx->policy, fx->k, fx->k, &t[k].cv),
                         GUOTU_OK);
        assert_int_equal(guotu_convert_use_before(t[k].ctx, t[k].cv, layer), GUOTU_OK);
        assert_int_equal(guotu_convert_prepare(t[k].ctx, t[k].cv), GUOTU_OK);
        t[k].features = after;
        t[k].count = na;
    }
    for (int k = 0; k < 2; k++)
        assert_int_equal(pthread_create(&th[k], NULL, overlay_share, &t[k]), 0);
    for (int k = 0; k < 2; k++) {
        pthread_join(th[k], NULL);
        assert_int_equal(t[k].status, GUOTU_OK);
    }
    assert_int_equal(guotu_convert_merge(fx->ctx, t[0].cv, t[1].cv), GUOTU_OK);
    assert_int_equal(guotu_convert_finish(fx->ctx, t[0].cv), GUOTU_OK);
    guotu_convert_stats st;
    assert_int_equal(guotu_convert_get_stats(fx->ctx, t[0].cv, &st), GUOTU_OK);
    assert_int_equal(st.before_features, 901);
    assert_int_equal(st.after_features, 900);
    assert_close(st.before_area_ha, 900.0, 1e-9);
    assert_close(st.overlaid_area_ha, 882.0851, 1e-9);
    guotu_convert *one = single(fx, before, nb, after, na, 0);
    assert_same_tables(fx->ctx, t[0].cv, one);
    guotu_convert_destroy(fx->ctx, one);
    for (int k = 0; k < 2; k++)
        guotu_convert_destroy(t[k].ctx, t[k].cv);
    guotu_convert_before_destroy(fx->ctx, layer);
    for (int k = 0; k < 2; k++)
        guotu_context_destroy(t[k].ctx);
    free(before);
    free(after);
}

/* ---- refusals: errors name the layer and the feature ---- */

static void test_refusals(void **state) {
    fixture *fx = *state;
    feature before[6], after[6];
    strips(0, before);
    strips(1, after);
    guotu_convert_options o = planar();
    guotu_context *other = guotu_context_create();
    guotu_convert_before *layer = NULL;
    guotu_convert_before_part *part = NULL;

    /* A position given twice, named with the feature and the layer; the layer is then unusable. */
    assert_int_equal(guotu_convert_before_create(fx->ctx, &o, fx->map, &layer), GUOTU_OK);
    assert_int_equal(guotu_convert_before_add_part(fx->ctx, layer, &part), GUOTU_OK);
    assert_int_equal(add_before_part(other, part, 0, &before[0]), GUOTU_ERR_ARGUMENT); /* not its context */
    assert_int_equal(add_before_part(fx->ctx, part, -1, &before[0]), GUOTU_ERR_ARGUMENT);
    assert_int_equal(add_before_part(fx->ctx, part, 0, &before[0]), GUOTU_OK);
    assert_int_equal(add_before_part(fx->ctx, part, 0, &before[1]), GUOTU_OK);
    assert_int_equal(guotu_convert_before_seal(fx->ctx, layer), GUOTU_ERR_DATA);
    assert_non_null(strstr(guotu_context_last_error(fx->ctx), "layer 'DLTB_2019': feature "));
    assert_non_null(strstr(guotu_context_last_error(fx->ctx), "taken by another feature"));
    guotu_convert *cv = NULL;
    assert_int_equal(guotu_convert_create(fx->ctx, &o, fx->map, fx->map, fx->policy, NULL, NULL, &cv), GUOTU_OK);
    assert_int_equal(guotu_convert_use_before(fx->ctx, cv, layer), GUOTU_ERR_STATE);
    guotu_convert_destroy(fx->ctx, cv);
    guotu_convert_before_destroy(fx->ctx, layer);

    /* A position beyond the layer (positions 0 and 5 of two features). */
    assert_int_equal(guotu_convert_before_create(fx->ctx, &o, fx->map, &layer), GUOTU_OK);
    assert_int_equal(guotu_convert_before_add_part(fx->ctx, layer, &part), GUOTU_OK);
    assert_int_equal(add_before_part(fx->ctx, part, 0, &before[0]), GUOTU_OK);
    assert_int_equal(add_before_part(fx->ctx, part, 5, &before[5]), GUOTU_OK);
    assert_int_equal(guotu_convert_before_seal(fx->ctx, layer), GUOTU_ERR_DATA);
    assert_non_null(strstr(guotu_context_last_error(fx->ctx), "feature 6 came at position 5, beyond the layer"));
    guotu_convert_before_destroy(fx->ctx, layer);

    /* An empty layer. */
    assert_int_equal(guotu_convert_before_create(fx->ctx, &o, fx->map, &layer), GUOTU_OK);
    assert_int_equal(guotu_convert_before_seal(fx->ctx, layer), GUOTU_ERR_DATA);
    assert_non_null(strstr(guotu_context_last_error(fx->ctx), "layer 'DLTB_2019' has no polygons"));
    guotu_convert_before_destroy(fx->ctx, layer);

    /* An invalid polygon under --invalid fail: the part's error names the feature and the
     * layer; the part takes nothing more and the seal fails. */
    guotu_convert_options strict = o;
    strict.invalid = GUOTU_INVALID_FAIL;
    assert_int_equal(guotu_convert_before_create(fx->ctx, &strict, fx->map, &layer), GUOTU_OK);
    assert_int_equal(guotu_convert_before_add_part(fx->ctx, layer, &part), GUOTU_OK);
    feature bowtie = {"21", 42, "POLYGON((0 0,100 100,100 0,0 100,0 0))"};
    assert_int_not_equal(add_before_part(fx->ctx, part, 0, &bowtie), GUOTU_OK);
    assert_non_null(strstr(guotu_context_last_error(fx->ctx), "42"));
    assert_non_null(strstr(guotu_context_last_error(fx->ctx), "DLTB_2019"));
    assert_int_equal(add_before_part(fx->ctx, part, 1, &before[1]), GUOTU_ERR_STATE);
    assert_int_equal(guotu_convert_before_seal(fx->ctx, layer), GUOTU_ERR_STATE);
    assert_non_null(strstr(guotu_context_last_error(fx->ctx), "a part of layer 'DLTB_2019' failed"));
    guotu_convert_before_destroy(fx->ctx, layer);

    /* A sealed layer: no more parts or features; an overlay with another map, or one that has
     * before polygons of its own, cannot borrow it; an overlay that borrows it takes no
     * before polygons of its own; two overlays with different layers do not merge. */
    assert_int_equal(guotu_convert_before_create(fx->ctx, &o, fx->map, &layer), GUOTU_OK);
    assert_int_equal(guotu_convert_before_add_part(fx->ctx, layer, &part), GUOTU_OK);
    for (int i = 0; i < 6; i++)
        assert_int_equal(add_before_part(fx->ctx, part, i, &before[i]), GUOTU_OK);
    assert_int_equal(guotu_convert_before_seal(fx->ctx, layer), GUOTU_OK);
    guotu_convert_before_part *late = NULL;
    assert_int_equal(guotu_convert_before_add_part(fx->ctx, layer, &late), GUOTU_ERR_STATE);
    assert_int_equal(guotu_convert_before_seal(fx->ctx, layer), GUOTU_ERR_STATE);
    guotu_category_map *gbt = preset_category_map(fx->ctx, "GBT21010_2017");
    assert_int_equal(guotu_convert_create(fx->ctx, &o, gbt, fx->map, fx->policy, NULL, NULL, &cv), GUOTU_OK);
    assert_int_equal(guotu_convert_use_before(fx->ctx, cv, layer), GUOTU_ERR_ARGUMENT);
    guotu_convert_destroy(fx->ctx, cv);
    guotu_category_map_destroy(fx->ctx, gbt);
    assert_int_equal(guotu_convert_create(fx->ctx, &o, fx->map, fx->map, fx->policy, NULL, NULL, &cv), GUOTU_OK);
    assert_int_equal(add_feature(fx->ctx, cv, 0, &before[0]), GUOTU_OK);
    assert_int_equal(guotu_convert_use_before(fx->ctx, cv, layer), GUOTU_ERR_STATE);
    guotu_convert_destroy(fx->ctx, cv);
    guotu_convert *mine = NULL, *theirs = NULL;
    assert_int_equal(guotu_convert_create(fx->ctx, &o, fx->map, fx->map, fx->policy, NULL, NULL, &mine), GUOTU_OK);
    assert_int_equal(guotu_convert_use_before(fx->ctx, mine, layer), GUOTU_OK);
    assert_int_equal(add_feature(fx->ctx, mine, 0, &before[0]), GUOTU_ERR_STATE);
    assert_int_equal(guotu_convert_use_before(fx->ctx, mine, layer), GUOTU_ERR_STATE);
    assert_int_equal(guotu_convert_prepare(fx->ctx, mine), GUOTU_OK);
    assert_int_equal(guotu_convert_create(fx->ctx, &o, fx->map, fx->map, fx->policy, NULL, NULL, &theirs), GUOTU_OK);
    for (int i = 0; i < 6; i++)
        assert_int_equal(add_feature(fx->ctx, theirs, 0, &before[i]), GUOTU_OK);
    assert_int_equal(guotu_convert_prepare(fx->ctx, theirs), GUOTU_OK);
    assert_int_equal(guotu_convert_merge(fx->ctx, mine, theirs), GUOTU_ERR_ARGUMENT);
    assert_non_null(strstr(guotu_context_last_error(fx->ctx), "different before layers"));
    guotu_convert_destroy(fx->ctx, theirs);
    guotu_convert_destroy(fx->ctx, mine);
    guotu_convert_before_destroy(fx->ctx, layer);
    guotu_context_destroy(other);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_parts_and_two_overlays_equal_one_overlay, convert_fixture_setup,
                                        convert_fixture_teardown),
        cmocka_unit_test_setup_teardown(test_threads_fill_and_overlay_one_layer, convert_fixture_setup,
                                        convert_fixture_teardown),
        cmocka_unit_test_setup_teardown(test_refusals, convert_fixture_setup, convert_fixture_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
