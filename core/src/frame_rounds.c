/* frame_rounds.c — round n against round n+1 of the three-down-three-up check: conflicts
 * and findings matched (resolved, persisting, new), reviews carried over, the return list
 * (see guotu_frame.h). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

typedef struct round_item {
    guotu_round_item item; /* strings and WKB owned */
    GEOSGeometry *line;    /* parsed line_wkb, or NULL */
    int64_t match;         /* index in the other round, -1 */
} round_item;

struct guotu_rounds {
    guotu_rounds_options opts;
    round_item *items[2];
    size_t count[2], cap[2];
};

void guotu_rounds_options_init(guotu_rounds_options *o) {
    if (!o) return;
    o->match_m = 50;
    o->min_length_m = 100;
    o->min_area_m2 = 10000;
}

int guotu_rounds_create(guotu_context *ctx, const guotu_rounds_options *opts, guotu_rounds **out) {
    if (!ctx) return GUOTU_ERR_ARGUMENT;
    gt_clear_error(ctx);
    if (!opts || !out) return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "guotu_rounds_create: NULL argument");
    const double v[] = {opts->match_m, opts->min_length_m, opts->min_area_m2};
    for (int i = 0; i < 3; i++)
        if (!isfinite(v[i]) || v[i] < 0)
            return gt_fail(ctx, GUOTU_ERR_ARGUMENT,
                           "the rounds' match distance and materiality thresholds must be "
                           "finite numbers >= 0");
    *out = calloc(1, sizeof **out);
    if (!*out) return gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
    (*out)->opts = *opts;
    return GUOTU_OK;
}

static void free_item(guotu_context *ctx, round_item *it) {
    guotu_round_item *x = &it->item;
    free((char *)x->source);
    free((char *)x->kind);
    free((char *)x->key);
    free((char *)x->cities);
    free((char *)x->label);
    free((char *)x->review_status);
    free((char *)x->review_note);
    free((char *)x->reviewed_by);
    free((char *)x->reviewed_at);
    free((unsigned char *)x->line_wkb);
    free((unsigned char *)x->wkb);
    if (it->line && ctx) GEOSGeom_destroy_r(ctx->geos, it->line);
}

void guotu_rounds_destroy(guotu_context *ctx, guotu_rounds *r) {
    if (!r) return;
    for (int k = 0; k < 2; k++) {
        for (size_t i = 0; i < r->count[k]; i++)
            free_item(ctx, &r->items[k][i]);
        free(r->items[k]);
    }
    free(r);
}

static char *copy_text(const char *s, int *failed) {
    char *out = gt_strdup(s ? s : "");
    if (!out) *failed = 1;
    return out;
}

static unsigned char *copy_bytes(const unsigned char *p, size_t n, int *failed) {
    if (!p || !n) return NULL;
    unsigned char *out = malloc(n);
    if (!out) {
        *failed = 1;
        return NULL;
    }
    memcpy(out, p, n);
    return out;
}

int guotu_rounds_add(guotu_context *ctx, guotu_rounds *r, int round, const guotu_round_item *x) {
    if (!ctx) return GUOTU_ERR_ARGUMENT;
    gt_clear_error(ctx);
    if (!r || !x || (round != 0 && round != 1))
        return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "guotu_rounds_add: NULL argument or a round other than 0 and 1");
    if (!x->source || !x->source[0] || !x->kind || !x->kind[0])
        return gt_fail(ctx, GUOTU_ERR_DATA, "a round's item needs a source and a kind");
    const char *texts[] = {x->source,        x->kind,        x->key,         x->cities,     x->label,
                           x->review_status, x->review_note, x->reviewed_by, x->reviewed_at};
    for (int i = 0; i < 9; i++)
        if (texts[i] && !gt_utf8_valid(texts[i]))
            return gt_fail(ctx, GUOTU_ERR_DATA, "a round's item (%s %s): a text is not valid UTF-8", x->source,
                           x->kind);
    if (!isfinite(x->length_m) || !isfinite(x->area_m2))
        return gt_fail(ctx, GUOTU_ERR_DATA, "a round's item (%s %s) has a length or area that is not a number",
                       x->source, x->kind);
    if (gt_reserve(&r->items[round], &r->cap[round], r->count[round] + 1, sizeof *r->items[round], 64))
        return gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
    round_item it;
    memset(&it, 0, sizeof it);
    it.match = -1;
    int failed = 0;
    guotu_round_item *c = &it.item;
    c->source = copy_text(x->source, &failed);
    c->kind = copy_text(x->kind, &failed);
    c->key = copy_text(x->key, &failed);
    c->cities = copy_text(x->cities, &failed);
    c->label = copy_text(x->label, &failed);
    c->review_status = copy_text(x->review_status, &failed);
    c->review_note = copy_text(x->review_note, &failed);
    c->reviewed_by = copy_text(x->reviewed_by, &failed);
    c->reviewed_at = copy_text(x->reviewed_at, &failed);
    c->length_m = x->length_m;
    c->area_m2 = x->area_m2;
    c->line_wkb = copy_bytes(x->line_wkb, x->line_wkb_size, &failed);
    c->line_wkb_size = c->line_wkb ? x->line_wkb_size : 0;
    c->wkb = copy_bytes(x->wkb, x->wkb_size, &failed);
    c->wkb_size = c->wkb ? x->wkb_size : 0;
    if (failed) {
        free_item(ctx, &it);
        return gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
    }
    if (c->line_wkb) {
        it.line = GEOSGeomFromWKB_buf_r(ctx->geos, c->line_wkb, c->line_wkb_size);
        if (!it.line) {
            free_item(ctx, &it);
            return gt_fail_geos(ctx, GUOTU_ERR_GEOMETRY, "a round's item (%s %s) has an unreadable line", x->source,
                                x->kind);
        }
    }
    r->items[round][r->count[round]++] = it;
    return GUOTU_OK;
}

static int same_identity(const guotu_round_item *a, const guotu_round_item *b) {
    return !strcmp(a->source, b->source) && !strcmp(a->kind, b->kind) && !strcmp(a->key, b->key);
}

static int accepted(const guotu_round_item *x) {
    return !strcmp(x->review_status, "exception") || !strcmp(x->review_status, "agreed");
}

static int material(const guotu_rounds *r, const guotu_round_item *x) {
    if (x->length_m <= 0 && x->area_m2 <= 0) return 1;
    return (x->length_m > 0 && x->length_m >= r->opts.min_length_m) ||
           (x->area_m2 > 0 && x->area_m2 >= r->opts.min_area_m2);
}

/* Matches round n+1's items to round n's: identity, then the nearest line within match_m. */
static int match_items(guotu_context *ctx, guotu_rounds *r) {
    for (size_t j = 0; j < r->count[1]; j++) {
        round_item *b = &r->items[1][j];
        int64_t best = -1;
        double best_d = INFINITY;
        for (size_t i = 0; i < r->count[0]; i++) {
            round_item *a = &r->items[0][i];
            if (a->match >= 0 || !same_identity(&a->item, &b->item)) continue;
            double d = 0;
            if (a->line && b->line) {
                if (!GEOSDistance_r(ctx->geos, a->line, b->line, &d))
                    return gt_fail_geos(ctx, GUOTU_ERR_GEOMETRY, "cannot measure between two conflicts' lines");
                if (d > r->opts.match_m) continue;
            } else if (a->line || b->line) {
                continue; /* a conflict's line against an item without one: not the same thing */
            }
            if (d < best_d) {
                best_d = d;
                best = (int64_t)i;
            }
        }
        if (best >= 0) {
            b->match = best;
            r->items[0][best].match = (int64_t)j;
        }
    }
    return GUOTU_OK;
}

int guotu_rounds_run(guotu_context *ctx, guotu_rounds *r, guotu_round_result_fn fn, void *user_data) {
    if (!ctx) return GUOTU_ERR_ARGUMENT;
    gt_clear_error(ctx);
    if (!r) return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "guotu_rounds_run: NULL argument");
    for (int k = 0; k < 2; k++)
        for (size_t i = 0; i < r->count[k]; i++)
            r->items[k][i].match = -1;
    int status = match_items(ctx, r);
    for (size_t j = 0; !status && j < r->count[1]; j++) {
        round_item *b = &r->items[1][j];
        guotu_round_item x = b->item;
        const guotu_round_item *a = b->match >= 0 ? &r->items[0][b->match].item : NULL;
        int own_review = x.review_status[0] && strcmp(x.review_status, "open");
        if (a && !own_review && a->review_status[0]) {
            x.review_status = a->review_status;
            x.review_note = a->review_note;
            x.reviewed_by = a->reviewed_by;
            x.reviewed_at = a->reviewed_at;
        } else if (a && !x.review_note[0] && a->review_note[0]) {
            x.review_note = a->review_note; /* the reviewers' note carries over */
        }
        guotu_round_result res = {a ? "persisting" : "new", b->match, (int64_t)j, &x, material(r, &x), 0};
        res.returned = res.material && !accepted(&x);
        if (fn && fn(&res, user_data)) status = gt_fail(ctx, GUOTU_ERR_CANCELLED, "the round comparison was stopped");
    }
    for (size_t i = 0; !status && i < r->count[0]; i++) {
        round_item *a = &r->items[0][i];
        if (a->match >= 0) continue;
        guotu_round_result res = {"resolved", (int64_t)i, -1, &a->item, material(r, &a->item), 0};
        if (fn && fn(&res, user_data)) status = gt_fail(ctx, GUOTU_ERR_CANCELLED, "the round comparison was stopped");
    }
    return status;
}
