/* market.c — voucher market: clearing price, capped volume, seller-buyer allocation.
 *
 * Invariants the tests check: traded ≤ min(supply, demand, cap); each seller sells ≤ E;
 * each buyer buys ≤ |E|; volume sold = volume bought = traded.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

typedef struct participant {
    char *id;
    double e, ask, bid, x, y;
    double eligible; /* volume offered (sellers) or asked (buyers) at the clearing price */
} participant;

typedef struct trade_row {
    int32_t seller, buyer;
    double volume;
} trade_row;

struct guotu_market {
    guotu_market_options opts;
    participant *people;
    size_t count, cap;
    trade_row *trades;
    size_t trade_count, trade_cap;
    guotu_market_summary summary;
    int cleared;
};

void guotu_market_options_init(guotu_market_options *opts) {
    if (!opts) return;
    memset(opts, 0, sizeof *opts);
    opts->cap_ha = -1;
    opts->allocation = GUOTU_ALLOCATION_PRO_RATA;
    opts->settlement = GUOTU_SETTLEMENT_PAYMENT;
}

int guotu_market_create(guotu_context *ctx, const guotu_market_options *opts, guotu_market **out) {
    if (!ctx) return GUOTU_ERR_ARGUMENT;
    gt_clear_error(ctx);
    if (!opts || !out) return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "guotu_market_create: NULL argument");
    *out = NULL;
    if (!(opts->price > 0) && !(opts->floor_price > 0))
        return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "the market needs a price or a floor price above 0 (yuan per ha)");
    if (!isfinite(opts->price) || !isfinite(opts->floor_price) || isnan(opts->cap_ha))
        return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "market prices and cap must be numbers");
    if (opts->allocation != GUOTU_ALLOCATION_PRO_RATA && opts->allocation != GUOTU_ALLOCATION_NEAREST)
        return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "unknown allocation rule %d", (int)opts->allocation);
    if (opts->settlement != GUOTU_SETTLEMENT_PAYMENT && opts->settlement != GUOTU_SETTLEMENT_EQUITY)
        return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "unknown settlement %d", (int)opts->settlement);
    guotu_market *m = calloc(1, sizeof *m);
    if (!m) return gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
    m->opts = *opts;
    *out = m;
    return GUOTU_OK;
}

void guotu_market_destroy(guotu_context *ctx, guotu_market *m) {
    (void)ctx;
    if (!m) return;
    for (size_t i = 0; i < m->count; i++)
        free(m->people[i].id);
    free(m->people);
    free(m->trades);
    free(m);
}

int guotu_market_add(guotu_context *ctx, guotu_market *m, const char *zone_id, double e_ha, double ask, double bid,
                     double x, double y) {
    if (!ctx) return GUOTU_ERR_ARGUMENT;
    gt_clear_error(ctx);
    if (!m || !zone_id) return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "guotu_market_add: NULL argument");
    if (m->cleared) return gt_fail(ctx, GUOTU_ERR_STATE, "the market was already cleared");
    if (!isfinite(e_ha)) return gt_fail(ctx, GUOTU_ERR_DATA, "zone '%s': E is not a number", zone_id);
    if ((!isnan(ask) && !(ask >= 0 && isfinite(ask))) || (!isnan(bid) && !(bid >= 0 && isfinite(bid))))
        return gt_fail(ctx, GUOTU_ERR_DATA, "zone '%s': ask and bid prices must be numbers >= 0", zone_id);
    if ((!isnan(ask) || !isnan(bid)) && m->opts.price > 0)
        return gt_fail(ctx, GUOTU_ERR_ARGUMENT,
                       "zone '%s' has an ask or bid price, but the market has a fixed price: use a floor price "
                       "instead to let asks and bids set the price",
                       zone_id);
    if (gt_reserve(&m->people, &m->cap, m->count + 1, sizeof *m->people, 64))
        return gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
    participant *p = &m->people[m->count];
    memset(p, 0, sizeof *p);
    p->id = gt_strdup(zone_id);
    if (!p->id) return gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
    p->e = e_ha;
    p->ask = ask;
    p->bid = bid;
    p->x = x;
    p->y = y;
    m->count++;
    return GUOTU_OK;
}

static int sells_at(const participant *p, double price) { return p->e > 0 && (isnan(p->ask) || p->ask <= price); }
static int buys_at(const participant *p, double price) { return p->e < 0 && (isnan(p->bid) || p->bid >= price); }

static void volumes_at(const guotu_market *m, double price, double *supply, double *demand) {
    *supply = *demand = 0;
    for (size_t i = 0; i < m->count; i++) {
        if (sells_at(&m->people[i], price)) *supply += m->people[i].e;
        if (buys_at(&m->people[i], price)) *demand -= m->people[i].e;
    }
}

static double capped(const guotu_market *m, double supply, double demand) {
    double q = fmin(supply, demand);
    return m->opts.cap_ha >= 0 ? fmin(q, m->opts.cap_ha) : q;
}

/* Uniform price: fixed; else among the floor and every ask/bid at or above it, the price
 * that trades the most, then leaves the least excess, then is lowest. */
static double clearing_price(const guotu_market *m) {
    if (m->opts.price > 0) return m->opts.price;
    double best = m->opts.floor_price, best_q = -1, best_gap = INFINITY;
    for (size_t i = 0; i <= 2 * m->count; i++) {
        double p = m->opts.floor_price;
        if (i > 0) {
            const participant *who = &m->people[(i - 1) / 2];
            p = (i - 1) % 2 == 0 ? who->ask : who->bid;
        }
        if (isnan(p) || p < m->opts.floor_price) continue;
        double s, d;
        volumes_at(m, p, &s, &d);
        double q = capped(m, s, d), gap = fabs(s - d);
        int better = q > best_q + 1e-12 || (fabs(q - best_q) <= 1e-12 &&
                                            (gap < best_gap - 1e-12 || (fabs(gap - best_gap) <= 1e-12 && p < best)));
        if (better) {
            best = p;
            best_q = q;
            best_gap = gap;
        }
    }
    return best;
}

static int add_trade(guotu_context *ctx, guotu_market *m, size_t seller, size_t buyer, double volume) {
    if (!(volume > 1e-12)) return GUOTU_OK;
    if (gt_reserve(&m->trades, &m->trade_cap, m->trade_count + 1, sizeof *m->trades, 128))
        return gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
    m->trades[m->trade_count++] = (trade_row){(int32_t)seller, (int32_t)buyer, volume};
    return GUOTU_OK;
}

/* Every seller sells q·S_i/S and every buyer buys q·D_j/D; the flow between them is the
 * product, so both margins hold exactly. */
static int allocate_pro_rata(guotu_context *ctx, guotu_market *m, double q, double supply, double demand) {
    for (size_t i = 0; i < m->count; i++) {
        if (!(m->people[i].eligible > 0) || m->people[i].e < 0) continue;
        for (size_t j = 0; j < m->count; j++) {
            if (!(m->people[j].eligible > 0) || m->people[j].e > 0) continue;
            double volume = q * (m->people[i].eligible / supply) * (m->people[j].eligible / demand);
            int status = add_trade(ctx, m, i, j, volume);
            if (status) return status;
        }
    }
    return GUOTU_OK;
}

typedef struct pair_distance {
    double d2;
    int32_t seller, buyer;
} pair_distance;

static int by_distance(const void *a, const void *b) {
    const pair_distance *x = a, *y = b;
    if (x->d2 != y->d2) return x->d2 < y->d2 ? -1 : 1;
    if (x->seller != y->seller) return x->seller < y->seller ? -1 : 1;
    return x->buyer < y->buyer ? -1 : (x->buyer > y->buyer);
}

/* Closest seller-buyer pairs trade first, each as much as both still have. */
static int allocate_nearest(guotu_context *ctx, guotu_market *m, double q) {
    size_t n = 0;
    for (size_t i = 0; i < m->count; i++)
        for (size_t j = 0; j < m->count; j++)
            n += m->people[i].eligible > 0 && m->people[i].e > 0 && m->people[j].eligible > 0 && m->people[j].e < 0;
    pair_distance *pairs = malloc((n ? n : 1) * sizeof *pairs);
    double *left = malloc((m->count ? m->count : 1) * sizeof *left);
    if (!pairs || !left) {
        free(pairs);
        free(left);
        return gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
    }
    size_t k = 0;
    for (size_t i = 0; i < m->count; i++) {
        left[i] = m->people[i].eligible;
        if (!(m->people[i].eligible > 0) || m->people[i].e < 0) continue;
        for (size_t j = 0; j < m->count; j++) {
            if (!(m->people[j].eligible > 0) || m->people[j].e > 0) continue;
            double dx = m->people[i].x - m->people[j].x, dy = m->people[i].y - m->people[j].y;
            pairs[k++] = (pair_distance){dx * dx + dy * dy, (int32_t)i, (int32_t)j};
        }
    }
    qsort(pairs, n, sizeof *pairs, by_distance);
    int status = GUOTU_OK;
    double remaining = q;
    for (size_t p = 0; p < n && remaining > 1e-12 && !status; p++) {
        int32_t s = pairs[p].seller, b = pairs[p].buyer;
        double volume = fmin(remaining, fmin(left[s], left[b]));
        if (!(volume > 0)) continue;
        left[s] -= volume;
        left[b] -= volume;
        remaining -= volume;
        status = add_trade(ctx, m, (size_t)s, (size_t)b, volume);
    }
    free(pairs);
    free(left);
    return status;
}

int guotu_market_clear(guotu_context *ctx, guotu_market *m) {
    if (!ctx) return GUOTU_ERR_ARGUMENT;
    gt_clear_error(ctx);
    if (!m) return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "guotu_market_clear: market is NULL");
    if (m->cleared) return gt_fail(ctx, GUOTU_ERR_STATE, "the market was already cleared");
    double price = clearing_price(m);
    double supply, demand;
    volumes_at(m, price, &supply, &demand);
    double q = capped(m, supply, demand);
    guotu_market_summary *s = &m->summary;
    for (size_t i = 0; i < m->count; i++) {
        participant *p = &m->people[i];
        p->eligible = sells_at(p, price) ? p->e : (buys_at(p, price) ? -p->e : 0);
        s->sellers += p->e > 0 && p->eligible > 0;
        s->buyers += p->e < 0 && p->eligible > 0;
    }
    int status = GUOTU_OK;
    if (q > 0)
        status = m->opts.allocation == GUOTU_ALLOCATION_NEAREST ? allocate_nearest(ctx, m, q)
                                                                : allocate_pro_rata(ctx, m, q, supply, demand);
    if (status) return status;
    s->supply_ha = supply;
    s->demand_ha = demand;
    s->clearing_price = price;
    s->traded_ha = 0;
    for (size_t t = 0; t < m->trade_count; t++)
        s->traded_ha += m->trades[t].volume;
    s->traded_amount_yuan = s->traded_ha * price;
    /* The region need not balance: what is left over on either side, whatever the price. */
    s->total_supply_ha = s->total_demand_ha = 0;
    for (size_t i = 0; i < m->count; i++) {
        if (m->people[i].e > 0) s->total_supply_ha += m->people[i].e;
        if (m->people[i].e < 0) s->total_demand_ha -= m->people[i].e;
    }
    s->unsold_supply_ha = fmax(0.0, s->total_supply_ha - s->traded_ha);
    s->unmet_demand_ha = fmax(0.0, s->total_demand_ha - s->traded_ha);
    volumes_at(m, m->opts.price > 0 ? m->opts.price : m->opts.floor_price, &s->floor_supply_ha, &s->floor_demand_ha);
    s->demand_exceeds_supply_at_floor = s->floor_demand_ha > s->floor_supply_ha + 1e-9;
    m->cleared = 1;
    return GUOTU_OK;
}

size_t guotu_market_trade_count(const guotu_market *m) { return m && m->cleared ? m->trade_count : 0; }

int guotu_market_trade(guotu_context *ctx, const guotu_market *m, size_t i, guotu_trade *out) {
    if (!ctx) return GUOTU_ERR_ARGUMENT;
    gt_clear_error(ctx);
    if (!m || !out) return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "guotu_market_trade: NULL argument");
    if (!m->cleared || i >= m->trade_count) return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "trade %zu out of range", i);
    const trade_row *t = &m->trades[i];
    const participant *s = &m->people[t->seller], *b = &m->people[t->buyer];
    out->seller_id = s->id;
    out->buyer_id = b->id;
    out->volume_ha = t->volume;
    out->price_yuan_per_ha = m->summary.clearing_price;
    out->amount_yuan = t->volume * m->summary.clearing_price;
    out->seller_x = s->x;
    out->seller_y = s->y;
    out->buyer_x = b->x;
    out->buyer_y = b->y;
    return GUOTU_OK;
}

int guotu_market_get_summary(guotu_context *ctx, const guotu_market *m, guotu_market_summary *out) {
    if (!ctx) return GUOTU_ERR_ARGUMENT;
    gt_clear_error(ctx);
    if (!m || !out) return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "guotu_market_get_summary: NULL argument");
    if (!m->cleared) return gt_fail(ctx, GUOTU_ERR_STATE, "clear the market first");
    *out = m->summary;
    return GUOTU_OK;
}
