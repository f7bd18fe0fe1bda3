/* convert_sums.c — what an overlay keeps and both of its kinds (polygons in convert.c, raster
 * cells in convert_grid.c) add to: the sum tables, the status of a pair of categories, the codes,
 * and the state of the overlay. Kept apart so that both depend on it and not on each other. */
#include <stdlib.h>
#include <string.h>

#include "convert_internal.h"

const char *const gt_status_names[6] = {"same", "path", "conditional", "prohibited", "gap", "unknown"};

void gt_sum_table_free(sum_table *t) {
    gt_index_map_free(&t->index);
    free(t->keys);
    free(t->sums);
    free(t->order);
    memset(t, 0, sizeof *t);
}

double gt_sum_value(const sum_table *t, size_t r, int i) { return gt_from_fixed(t->sums[r][i]); }

int gt_sum_add(sum_table *t, uint64_t key, int32_t k0, int32_t k1, int32_t k2, double a, double b) {
    return gt_sum_add_fixed(t, key, k0, k1, k2, gt_to_fixed(a), gt_to_fixed(b));
}

int gt_sum_add_fixed(sum_table *t, uint64_t key, int32_t k0, int32_t k1, int32_t k2, gt_fixed a, gt_fixed b) {
    int inserted = 0;
    int32_t r = gt_index_map_insert(&t->index, key, &inserted);
    if (r < 0) return -1;
    if (inserted) {
        if ((size_t)r >= t->cap) {
            size_t cap = t->cap ? t->cap * 2 : 128;
            int32_t(*keys)[3] = realloc(t->keys, cap * sizeof *keys);
            if (keys) t->keys = keys;
            gt_fixed(*sums)[2] = realloc(t->sums, cap * sizeof *sums);
            if (sums) t->sums = sums;
            if (!keys || !sums) return -1;
            t->cap = cap;
        }
        t->keys[r][0] = k0;
        t->keys[r][1] = k1;
        t->keys[r][2] = k2;
        t->sums[r][0] = t->sums[r][1] = 0;
    }
    t->sums[r][0] += a;
    t->sums[r][1] += b;
    return 0;
}

int gt_convert_failed(guotu_convert *cv, int status) {
    if (status) cv->phase = 3;
    return status;
}

int gt_convert_in_phase(guotu_context *ctx, const guotu_convert *cv, int phase, const char *call) {
    if (cv->phase == phase) return GUOTU_OK;
    return gt_fail(ctx, GUOTU_ERR_STATE,
                   cv->phase == 3 ? "%s: an earlier call failed; destroy the overlay" : "%s called out of order", call);
}

int32_t gt_intern_class_code(guotu_context *ctx, gt_string_table *codes, const char *code, const char *label,
                             int64_t fid) {
    if (!gt_utf8_valid(code)) {
        gt_fail(ctx, GUOTU_ERR_DATA, "the class value of feature %lld of layer '%s' is not UTF-8 text", (long long)fid,
                label);
        return -1;
    }
    int32_t c = gt_string_table_intern(codes, code);
    if (c < 0) gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
    if (c >= (1 << 20)) {
        gt_fail(ctx, GUOTU_ERR_DATA, "more than a million distinct class codes: is the class field right?");
        return -1;
    }
    return c;
}

int32_t gt_convert_intern_code(guotu_context *ctx, guotu_convert *cv, const char *code, const char *label,
                               int64_t fid) {
    return gt_intern_class_code(ctx, &cv->codes, code, label, fid);
}

static int sum_piece(guotu_context *ctx, guotu_convert *cv, int zk, int line, const piece_source *src, int status_index,
                     double area_ha, double dm_ha) {
    int from = src->b->category, to = src->to_category;
    int err = gt_sum_add(&cv->categories, ((uint64_t)zk << 16) | ((uint64_t)from << 8) | (uint64_t)to, zk, from, to,
                         area_ha, dm_ha);
    err |= gt_sum_add(&cv->code_rows, ((uint64_t)zk << 40) | ((uint64_t)src->b->code << 20) | (uint64_t)src->to_code,
                      zk, src->b->code, src->to_code, area_ha, dm_ha);
    err |= gt_sum_add(&cv->statuses, ((uint64_t)zk << 8) | (uint64_t)status_index, zk, status_index, 0, area_ha, 0);
    err |= gt_sum_add(&cv->line_statuses, ((uint64_t)zk << 16) | ((uint64_t)line << 8) | (uint64_t)status_index, zk,
                      line, status_index, area_ha, 0);
    return err ? gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory") : GUOTU_OK;
}

static double k_of(const guotu_coefficients *table, const char *code) {
    double k = 0;
    return table && guotu_coefficients_lookup(table, code, &k) ? k : 0;
}

int gt_convert_status_index(const guotu_convert *cv, int from_category, int to_category, guotu_policy_rule *rule) {
    *rule = (guotu_policy_rule){"unknown", "", ""};
    int st = STATUS_UNKNOWN;
    if (gt_policy_rule(cv->policy, from_category, to_category, rule))
        for (int i = 0; i < STATUS_UNKNOWN; i++)
            if (strcmp(gt_status_names[i], rule->status) == 0) st = i;
    return st;
}

int gt_convert_sum(guotu_context *ctx, guotu_convert *cv, int zk, int line, const piece_source *src, double ha,
                   guotu_policy_rule *rule_out, int *status_out, double *dm_out) {
    const char *from_code = cv->codes.strings[src->b->code], *to_code = cv->codes.strings[src->to_code];
    double dm = ha * (k_of(cv->k[1], to_code) - k_of(cv->k[0], from_code));
    /* Fixed-point sums cannot hold NaN, infinity or areas beyond the Earth's (converting them is
     * undefined): such a piece is an error naming the feature, never a silent 0 or a wrapped sum. */
    if (!gt_fixed_fits(ha) || !gt_fixed_fits(dm))
        return gt_fail(ctx, GUOTU_ERR_GEOMETRY,
                       "the area of a piece of feature %lld of '%s' is %g ha, not a finite area on the Earth "
                       "(coordinates out of range for the CRS?)",
                       (long long)src->b->fid, cv->before_label, ha);
    guotu_policy_rule rule;
    int st = gt_convert_status_index(cv, src->b->category, src->to_category, &rule);
    int status = sum_piece(ctx, cv, zk, line, src, st, ha, dm);
    if (!status && cv->zone_count) status = sum_piece(ctx, cv, ZONE_ALL, line, src, st, ha, dm);
    if (!status && src->b->category == UNKNOWN_CATEGORY &&
        gt_sum_add(&cv->unknown, ((uint64_t)src->b->code << 1), ZONE_FIRST, src->b->code, 0, ha, 0))
        status = gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
    if (!status && src->to_category == UNKNOWN_CATEGORY &&
        gt_sum_add(&cv->unknown, ((uint64_t)src->to_code << 1) | 1, ZONE_FIRST, src->to_code, 1, ha, 0))
        status = gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
    if (status) return status;
    cv->overlaid_fixed += gt_to_fixed(ha);
    cv->stats.overlaid_area_ha = gt_from_fixed(cv->overlaid_fixed);
    if (rule_out) *rule_out = rule;
    if (status_out) *status_out = st;
    if (dm_out) *dm_out = dm;
    return GUOTU_OK;
}
