/* priorities_pareto.c — non-dominated sorting with crowding distance, and the lexicographic
 * order (帕累托最优 / 次序最优 between candidate sites, SPEC §11). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "priorities_internal.h"

/* Scores turned to minimisation: m[i * k + j]. */
typedef struct scores {
    const double *m;
    size_t k;
    const int *order; /* objectives compared, in this order */
    size_t norder;
} scores;

static int compare_sites(const scores *s, size_t a, size_t b) {
    for (size_t t = 0; t < s->norder; t++) {
        size_t j = s->order[t];
        double x = s->m[a * s->k + j], y = s->m[b * s->k + j];
        if (x < y) return -1;
        if (x > y) return 1;
    }
    return 0;
}

/* A stable merge sort of site indices (qsort has no context argument and is not stable). */
static void merge_sort(const scores *s, size_t *idx, size_t *tmp, size_t n) {
    for (size_t width = 1; width < n; width *= 2) {
        for (size_t lo = 0; lo < n; lo += 2 * width) {
            size_t mid = lo + width < n ? lo + width : n, hi = lo + 2 * width < n ? lo + 2 * width : n;
            size_t i = lo, j = mid, o = lo;
            while (i < mid && j < hi)
                tmp[o++] = compare_sites(s, idx[j], idx[i]) < 0 ? idx[j++] : idx[i++];
            while (i < mid)
                tmp[o++] = idx[i++];
            while (j < hi)
                tmp[o++] = idx[j++];
        }
        memcpy(idx, tmp, n * sizeof *idx);
    }
}

/* Checks every value and copies the scores as minimisation into *out (caller frees). */
static int prepare(guotu_context *ctx, const double *values, size_t n, size_t k, const int *directions,
                   const int64_t *fids, const char *const *names, double **out) {
    *out = NULL;
    if (!values || !directions || k < 1 || k > 64)
        return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "ranking needs 1 to 64 objectives and their directions");
    for (size_t j = 0; j < k; j++)
        if (directions[j] != GUOTU_MINIMISE && directions[j] != GUOTU_MAXIMISE)
            return gt_fail(ctx, GUOTU_ERR_ARGUMENT,
                           "objective %zu: direction %d is neither minimise (-1) nor "
                           "maximise (1)",
                           j + 1, directions[j]);
    if (n > SIZE_MAX / k / sizeof(double)) return gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
    double *m = malloc((n > 0 ? n * k : 1) * sizeof *m);
    if (!m) return gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < k; j++) {
            double v = values[i * k + j];
            if (!isfinite(v)) {
                free(m);
                char site[64], objective[256];
                gt_textf(site, sizeof site, fids ? "feature %lld" : "row %lld",
                         (long long)(fids ? fids[i] : (int64_t)i + 1));
                if (names && names[j])
                    gt_textf(objective, sizeof objective, "'%s'", names[j]);
                else
                    gt_textf(objective, sizeof objective, "%zu", j + 1);
                return gt_fail(ctx, GUOTU_ERR_DATA,
                               "site %s: objective %s has no value (%s): a site without a score "
                               "cannot be ranked",
                               site, objective, isnan(v) ? "empty" : "infinite");
            }
            m[i * k + j] = directions[j] == GUOTU_MAXIMISE ? -v : v;
        }
    *out = m;
    return GUOTU_OK;
}

static int dominates(const double *m, size_t k, size_t a, size_t b) {
    int better = 0;
    for (size_t j = 0; j < k; j++) {
        double x = m[a * k + j], y = m[b * k + j];
        if (x > y) return 0;
        if (x < y) better = 1;
    }
    return better;
}

static int equal_scores(const double *m, size_t k, size_t a, size_t b) {
    for (size_t j = 0; j < k; j++)
        if (m[a * k + j] != m[b * k + j]) return 0;
    return 1;
}

/* 1 when a is at least as good as b on every objective but the first. */
static int weakly_better_after_first(const double *m, size_t k, size_t a, size_t b) {
    for (size_t j = 1; j < k; j++)
        if (m[a * k + j] > m[b * k + j]) return 0;
    return 1;
}

/* Fronts of the sites in lexicographic order `idx`: a site can only be dominated by a site
 * before it, and the fronts holding a dominator of it are 1 … f (a dominator in front f is
 * itself dominated by one in f − 1), so a binary search over fronts finds its own. With two
 * objectives the last site put in a front has that front's least second score, so it alone
 * decides (a sweep); with more, the front's members are tested from the latest back. */
static int sort_fronts(guotu_context *ctx, const double *m, size_t n, size_t k, const size_t *idx, int *front) {
    size_t *last = malloc((n ? n : 1) * sizeof *last);                /* latest member of each front */
    size_t *next = k > 2 ? malloc((n ? n : 1) * sizeof *next) : NULL; /* earlier member of the same front */
    if (!last || (k > 2 && !next)) {
        free(last);
        free(next);
        return gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
    }
    size_t nfronts = 0;
    for (size_t t = 0; t < n; t++) {
        size_t p = idx[t];
        if (t % 65536 == 65535 && gt_report_progress(ctx, (double)t / (double)n, "sorting sites into fronts")) {
            free(last);
            free(next);
            return GUOTU_ERR_CANCELLED;
        }
        if (k > 2 && t > 0 && equal_scores(m, k, idx[t - 1], p)) {
            /* Equal to the site before (equal sites are neighbours in the order): its front. */
            size_t q = idx[t - 1];
            int f = front[q] - 1;
            next[p] = last[f];
            last[f] = p;
            front[p] = front[q];
            continue;
        }
        size_t lo = 0, hi = nfronts; /* first front with no dominator of p */
        while (lo < hi) {
            size_t f = lo + (hi - lo) / 2, dominated = 0;
            if (k <= 2) {
                dominated = dominates(m, k, last[f], p);
            } else {
                /* Every earlier site is at least as good on the first objective and, equal sites
                 * having been placed above, differs from p: it dominates p when it is at least as
                 * good on the others. */
                for (size_t q = last[f]; q != (size_t)-1 && !dominated; q = next[q])
                    dominated = weakly_better_after_first(m, k, q, p);
            }
            if (dominated)
                lo = f + 1;
            else
                hi = f;
        }
        if (lo == nfronts) {
            nfronts++;
            if (next) next[p] = (size_t)-1;
        } else if (next) {
            next[p] = last[lo];
        }
        last[lo] = p;
        front[p] = (int)lo + 1;
    }
    free(last);
    free(next);
    return GUOTU_OK;
}

/* Three objectives. In lexicographic order every earlier site q has q1 <= p1, so q dominates a
 * site p that differs from it exactly when q2 <= p2 and q3 <= p3. Each front keeps the
 * staircase of its members' (second, third) scores that no other member's pair is below: sorted
 * by the second score, the third strictly falling. The front holds a dominator of p exactly when
 * the last step with a second score <= p2 has a third score <= p3. Sites equal on every
 * objective are neighbours in the order: the first of a group is placed, the rest follow it (an
 * equal site does not dominate). A binary search over fronts as in sort_fronts. */
typedef struct step {
    double y, z;
} step;

typedef struct staircase {
    step *steps;
    size_t n, cap;
} staircase;

static int staircase_below(const staircase *s, double y, double z) {
    size_t lo = 0, hi = s->n; /* first step with y > the site's */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (s->steps[mid].y <= y)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo > 0 && s->steps[lo - 1].z <= z;
}

static int staircase_add(staircase *s, double y, double z) {
    size_t lo = 0, hi = s->n; /* first step with y >= the site's */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (s->steps[mid].y < y)
            lo = mid + 1;
        else
            hi = mid;
    }
    size_t end = lo; /* the steps the new one covers: y >= its y and z >= its z */
    while (end < s->n && s->steps[end].z >= z)
        end++;
    if (end == lo && gt_reserve(&s->steps, &s->cap, s->n + 1, sizeof *s->steps, 8)) return -1;
    size_t removed = end - lo;
    if (removed != 1) memmove(&s->steps[lo + 1], &s->steps[end], (s->n - end) * sizeof *s->steps);
    s->n = s->n + 1 - removed;
    s->steps[lo] = (step){y, z};
    return 0;
}

static int sort_fronts3(guotu_context *ctx, const double *m, size_t n, const size_t *idx, int *front) {
    staircase *stairs = calloc(n ? n : 1, sizeof *stairs);
    if (!stairs) return gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
    size_t nfronts = 0;
    int status = GUOTU_OK;
    for (size_t t = 0; t < n && !status; t++) {
        size_t p = idx[t];
        const double *v = &m[p * 3];
        if (t > 0) {
            const double *u = &m[idx[t - 1] * 3];
            if (u[0] == v[0] && u[1] == v[1] && u[2] == v[2]) { /* equal to the site before */
                front[p] = front[idx[t - 1]];
                continue;
            }
        }
        if (t % 65536 == 65535 && gt_report_progress(ctx, (double)t / (double)n, "sorting sites into fronts")) {
            status = GUOTU_ERR_CANCELLED;
            break;
        }
        size_t lo = 0, hi = nfronts;
        while (lo < hi) {
            size_t f = lo + (hi - lo) / 2;
            if (staircase_below(&stairs[f], v[1], v[2]))
                lo = f + 1;
            else
                hi = f;
        }
        if (lo == nfronts) nfronts++;
        if (staircase_add(&stairs[lo], v[1], v[2])) status = gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
        front[p] = (int)lo + 1;
    }
    for (size_t f = 0; f < nfronts; f++)
        free(stairs[f].steps);
    free(stairs);
    return status;
}

/* Crowding distance of each front's distinct scores (equal sites get the value of their
 * group). idx is the lexicographic order, where equal sites are neighbours. */
static int crowding_distance(guotu_context *ctx, const double *m, size_t n, size_t k, const size_t *idx,
                             const int *front, double *crowd) {
    int nfronts = 0;
    for (size_t i = 0; i < n; i++)
        if (front[i] > nfronts) nfronts = front[i];
    size_t *start = calloc((size_t)nfronts + 2, sizeof *start);
    size_t *by_front = malloc((n ? n : 1) * sizeof *by_front), *rep = malloc((n ? n : 1) * sizeof *rep);
    size_t *sorted = malloc((n ? n : 1) * sizeof *sorted), *tmp = malloc((n ? n : 1) * sizeof *tmp);
    int *objective = malloc(sizeof *objective);
    int status = GUOTU_OK;
    if (!start || !by_front || !rep || !sorted || !tmp || !objective) {
        status = gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
        goto done;
    }
    for (size_t i = 0; i < n; i++)
        start[front[i] + 1]++;
    for (int f = 1; f <= nfronts + 1; f++)
        start[f] += start[f - 1];
    for (size_t t = 0; t < n; t++) /* buckets in lexicographic order */
        by_front[start[front[idx[t]]]++] = idx[t];
    for (int f = nfronts; f >= 1; f--) /* back to each bucket's beginning */
        start[f] = start[f - 1];
    start[0] = 0;
    for (int f = 1; f <= nfronts; f++) {
        size_t b = start[f], e = f < nfronts ? start[f + 1] : n, nrep = 0;
        for (size_t t = b; t < e; t++) {
            size_t p = by_front[t];
            crowd[p] = 0;
            int equal = nrep > 0;
            for (size_t j = 0; equal && j < k; j++)
                equal = m[rep[nrep - 1] * k + j] == m[p * k + j];
            if (!equal) rep[nrep++] = p;
        }
        for (size_t j = 0; j < k && nrep > 0; j++) {
            memcpy(sorted, rep, nrep * sizeof *sorted);
            *objective = (int)j;
            scores one = {m, k, objective, 1};
            merge_sort(&one, sorted, tmp, nrep);
            double lo = m[sorted[0] * k + j], hi = m[sorted[nrep - 1] * k + j];
            if (!(hi > lo)) continue; /* every site of the front scores the same: no spread to measure */
            for (size_t a = 0; a < nrep;) {
                size_t z = a; /* [a, z) share one value */
                double v = m[sorted[a] * k + j];
                while (z < nrep && m[sorted[z] * k + j] == v)
                    z++;
                double gap =
                    v == lo || v == hi ? INFINITY : (m[sorted[z] * k + j] - m[sorted[a - 1] * k + j]) / (hi - lo);
                for (size_t t = a; t < z; t++)
                    crowd[sorted[t]] += gap;
                a = z;
            }
        }
        /* Equal sites take their group's value: the group's first is its representative. */
        for (size_t t = b + 1; t < e; t++) {
            size_t p = by_front[t], q = by_front[t - 1];
            int equal = 1;
            for (size_t j = 0; equal && j < k; j++)
                equal = m[p * k + j] == m[q * k + j];
            if (equal) crowd[p] = crowd[q];
        }
        if (nrep <= 2)
            for (size_t t = b; t < e; t++)
                crowd[by_front[t]] = INFINITY;
    }
done:
    free(start);
    free(by_front);
    free(rep);
    free(sorted);
    free(tmp);
    free(objective);
    return status;
}

int guotu_pareto_rank(guotu_context *ctx, const double *values, size_t n, size_t k, const int *directions,
                      const int64_t *fids, const char *const *names, int *front, double *crowding) {
    if (!ctx) return GUOTU_ERR_ARGUMENT;
    gt_clear_error(ctx);
    if (!front) return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "guotu_pareto_rank: NULL front");
    if (n > (size_t)1 << 30) return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "too many sites (%zu)", n);
    double *m = NULL;
    int status = prepare(ctx, values, n, k, directions, fids, names, &m);
    if (status) return status;
    size_t *idx = malloc((n ? n : 1) * sizeof *idx), *tmp = malloc((n ? n : 1) * sizeof *tmp);
    int *order = malloc(k * sizeof *order);
    if (!idx || !tmp || !order) {
        status = gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
    } else {
        for (size_t i = 0; i < n; i++)
            idx[i] = i;
        for (size_t j = 0; j < k; j++)
            order[j] = (int)j;
        scores s = {m, k, order, k};
        merge_sort(&s, idx, tmp, n);
        status = k == 3 ? sort_fronts3(ctx, m, n, idx, front) : sort_fronts(ctx, m, n, k, idx, front);
        if (!status && crowding) status = crowding_distance(ctx, m, n, k, idx, front, crowding);
    }
    free(idx);
    free(tmp);
    free(order);
    free(m);
    return status;
}

int guotu_lexicographic_rank(guotu_context *ctx, const double *values, size_t n, size_t k, const int *directions,
                             const int *order, size_t norder, const int64_t *fids, const char *const *names,
                             int *rank) {
    if (!ctx) return GUOTU_ERR_ARGUMENT;
    gt_clear_error(ctx);
    if (!rank || !order || norder < 1)
        return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "guotu_lexicographic_rank: no order of objectives given");
    for (size_t t = 0; t < norder; t++)
        if (order[t] < 0 || (size_t)order[t] >= k)
            return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "lexicographic order: objective %d is not one of the %zu",
                           order[t] + 1, k);
    double *m = NULL;
    int status = prepare(ctx, values, n, k, directions, fids, names, &m);
    if (status) return status;
    size_t *idx = malloc((n ? n : 1) * sizeof *idx), *tmp = malloc((n ? n : 1) * sizeof *tmp);
    if (!idx || !tmp) {
        status = gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
    } else {
        for (size_t i = 0; i < n; i++)
            idx[i] = i;
        scores s = {m, k, order, norder};
        merge_sort(&s, idx, tmp, n);
        for (size_t t = 0; t < n; t++)
            rank[idx[t]] = t > 0 && compare_sites(&s, idx[t - 1], idx[t]) == 0 ? rank[idx[t - 1]] : (int)t + 1;
    }
    free(idx);
    free(tmp);
    free(m);
    return status;
}
