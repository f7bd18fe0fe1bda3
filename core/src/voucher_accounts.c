/* voucher_accounts.c — voucher accounts over years: balances carried from period to period.
 *
 * Invariants the tests check: closing = opening + E + bought − sold for every row; a zone
 * out of the market buys and sells nothing; the next period opens at the last closing. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

typedef struct account {
    char *id;
    double balance;
} account;

typedef struct stored_row {
    guotu_account_row row;
    char *zone_id, *zone_name;
} stored_row;

struct guotu_accounts {
    account *accounts;
    size_t count, cap;
    stored_row *rows;
    size_t row_count, row_cap;
    int periods;
};

int guotu_accounts_create(guotu_context *ctx, guotu_accounts **out) {
    if (!ctx) return GUOTU_ERR_ARGUMENT;
    gt_clear_error(ctx);
    if (!out) return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "guotu_accounts_create: NULL argument");
    *out = calloc(1, sizeof **out);
    return *out ? GUOTU_OK : gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
}

void guotu_accounts_destroy(guotu_context *ctx, guotu_accounts *l) {
    (void)ctx;
    if (!l) return;
    for (size_t i = 0; i < l->count; i++)
        free(l->accounts[i].id);
    for (size_t i = 0; i < l->row_count; i++) {
        free(l->rows[i].zone_id);
        free(l->rows[i].zone_name);
    }
    free(l->accounts);
    free(l->rows);
    free(l);
}

static account *find(const guotu_accounts *l, const char *zone_id) {
    for (size_t i = 0; i < l->count; i++)
        if (strcmp(l->accounts[i].id, zone_id) == 0) return &l->accounts[i];
    return NULL;
}

static account *find_or_add(guotu_accounts *l, const char *zone_id) {
    account *a = find(l, zone_id);
    if (a) return a;
    if (gt_reserve(&l->accounts, &l->cap, l->count + 1, sizeof *l->accounts, 64)) return NULL;
    a = &l->accounts[l->count];
    a->id = gt_strdup(zone_id);
    if (!a->id) return NULL;
    a->balance = 0;
    l->count++;
    return a;
}

int guotu_accounts_set_balance(guotu_context *ctx, guotu_accounts *l, const char *zone_id, double balance_ha) {
    if (!ctx) return GUOTU_ERR_ARGUMENT;
    gt_clear_error(ctx);
    if (!l || !zone_id) return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "guotu_accounts_set_balance: NULL argument");
    if (!*zone_id) return gt_fail(ctx, GUOTU_ERR_DATA, "a balance needs a zone id");
    if (!isfinite(balance_ha)) return gt_fail(ctx, GUOTU_ERR_DATA, "zone '%s': the balance is not a number", zone_id);
    account *a = find_or_add(l, zone_id);
    if (!a) return gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
    a->balance = balance_ha;
    return GUOTU_OK;
}

double guotu_accounts_balance(const guotu_accounts *l, const char *zone_id) {
    const account *a = l && zone_id ? find(l, zone_id) : NULL;
    return a ? a->balance : 0.0;
}

typedef struct zone_index {
    const char *id;
    size_t row; /* index of the zone's new row */
} zone_index;

static int by_id(const void *a, const void *b) {
    return strcmp(((const zone_index *)a)->id, ((const zone_index *)b)->id);
}

int guotu_accounts_post(guotu_context *ctx, guotu_accounts *l, int year_from, int year_to, const guotu_voucher *v,
                        const guotu_market *m) {
    if (!ctx) return GUOTU_ERR_ARGUMENT;
    gt_clear_error(ctx);
    if (!l || !v) return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "guotu_accounts_post: NULL argument");
    size_t n = guotu_voucher_zone_count(v), first = l->row_count;
    if (gt_reserve(&l->rows, &l->row_cap, l->row_count + n, sizeof *l->rows, 64))
        return gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
    zone_index *index = malloc((n ? n : 1) * sizeof *index);
    if (!index) return gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
    int period = l->periods + 1, status = GUOTU_OK;
    for (size_t i = 0; i < n && !status; i++) {
        guotu_voucher_zone z;
        status = guotu_voucher_zone_result(ctx, v, i, &z);
        if (status) break;
        stored_row *s = &l->rows[first + i];
        memset(s, 0, sizeof *s);
        s->zone_id = gt_strdup(z.zone_id);
        s->zone_name = gt_strdup(z.zone_name ? z.zone_name : "");
        l->row_count++; /* owned from here on, freed with the ledger */
        if (!s->zone_id || !s->zone_name) {
            status = gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
            break;
        }
        guotu_account_row *r = &s->row;
        r->period = period;
        r->year_from = year_from;
        r->year_to = year_to;
        r->opening_ha = guotu_accounts_balance(l, z.zone_id);
        r->dm_ha = z.dm_ha;
        r->e_ha = z.e_ha;
        r->position_ha = r->opening_ha + z.e_ha;
        r->in_market = z.in_market;
        r->redline_loss_ha = z.redline_loss_ha;
        r->violation = isnan(z.redline_loss_ha) ? -1 : z.violation;
        index[i] = (zone_index){s->zone_id, first + i};
    }
    if (!status && m) {
        qsort(index, n, sizeof *index, by_id);
        size_t trades = guotu_market_trade_count(m);
        for (size_t t = 0; t < trades && !status; t++) {
            guotu_trade trade;
            status = guotu_market_trade(ctx, m, t, &trade);
            for (int side = 0; !status && side < 2; side++) {
                zone_index key = {side ? trade.buyer_id : trade.seller_id, 0};
                zone_index *hit = bsearch(&key, index, n, sizeof *index, by_id);
                if (!hit) {
                    status = gt_fail(ctx, GUOTU_ERR_DATA,
                                     "the market traded zone '%s', which the account does not have", key.id);
                    break;
                }
                guotu_account_row *r = &l->rows[hit->row].row;
                if (!r->in_market) {
                    status = gt_fail(ctx, GUOTU_ERR_DATA, "zone '%s' is out of the market but traded", key.id);
                    break;
                }
                if (side)
                    r->bought_ha += trade.volume_ha;
                else
                    r->sold_ha += trade.volume_ha;
            }
        }
    }
    free(index);
    if (status) {
        /* Nothing of a failed period stays in the ledger. */
        for (size_t i = first; i < l->row_count; i++) {
            free(l->rows[i].zone_id);
            free(l->rows[i].zone_name);
        }
        l->row_count = first;
        return status;
    }
    for (size_t i = first; i < l->row_count; i++) {
        guotu_account_row *r = &l->rows[i].row;
        r->closing_ha = r->position_ha + r->bought_ha - r->sold_ha;
    }
    for (size_t i = first; i < l->row_count; i++) {
        account *a = find_or_add(l, l->rows[i].zone_id);
        if (!a) return gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
        a->balance = l->rows[i].row.closing_ha;
    }
    l->periods = period;
    return GUOTU_OK;
}

size_t guotu_accounts_row_count(const guotu_accounts *l) { return l ? l->row_count : 0; }

int guotu_accounts_result(guotu_context *ctx, const guotu_accounts *l, size_t i, guotu_account_row *out) {
    if (!ctx) return GUOTU_ERR_ARGUMENT;
    gt_clear_error(ctx);
    if (!l || !out) return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "guotu_accounts_result: NULL argument");
    if (i >= l->row_count) return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "ledger row %zu of %zu", i, l->row_count);
    *out = l->rows[i].row;
    out->zone_id = l->rows[i].zone_id;
    out->zone_name = l->rows[i].zone_name;
    return GUOTU_OK;
}
