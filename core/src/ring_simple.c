/* ring_simple.c — see ring_simple.h. */
#include <math.h>
#include <stdlib.h>

#include "ring_simple.h"

/* The side of r from the line p -> q: 1 left, -1 right, 0 when floating point cannot tell
 * (the bound is far above the rounding of the two products, so a sign given is right). */
static int side(const double *p, const double *q, const double *r) {
    double l = (q[0] - p[0]) * (r[1] - p[1]), m = (q[1] - p[1]) * (r[0] - p[0]);
    double v = l - m, bound = 1e-12 * (fabs(l) + fabs(m));
    return v > bound ? 1 : (v < -bound ? -1 : 0);
}

static double lo(double a, double b) { return a < b ? a : b; }
static double hi(double a, double b) { return a < b ? b : a; }

/* Edges i -> i+1 sorted by their smallest x, for a sweep; qsort carries no user data, so each
 * entry holds its key. */
typedef struct edge_entry {
    double xmin;
    size_t i;
} edge_entry;

static int cmp_edge(const void *pa, const void *pb) {
    const edge_entry *a = pa, *b = pb;
    return a->xmin < b->xmin ? -1 : (a->xmin > b->xmin ? 1 : (a->i < b->i ? -1 : (a->i > b->i)));
}

/* Up to this many edges an insertion sort, in line, beats qsort's call per comparison. */
enum { INSERTION_SORT_MAX = 96 };

static void sort_edges(edge_entry *order, size_t n) {
    if (n > INSERTION_SORT_MAX) {
        qsort(order, n, sizeof *order, cmp_edge);
        return;
    }
    for (size_t i = 1; i < n; i++) {
        edge_entry e = order[i];
        size_t j = i;
        for (; j > 0 && cmp_edge(&e, &order[j - 1]) < 0; j--)
            order[j] = order[j - 1];
        order[j] = e;
    }
}

/* Two edges that share no vertex: 1 when certainly apart (one lies wholly on one side of the
 * other's line), 0 when they touch, cross or cannot be told apart. */
static int apart(const double *a0, const double *a1, const double *b0, const double *b1) {
    int s0 = side(b0, b1, a0), s1 = side(b0, b1, a1);
    if (s0 == s1 && s0 != 0) return 1;
    s0 = side(a0, a1, b0), s1 = side(a0, a1, b1);
    return s0 == s1 && s0 != 0;
}

int gt_ring_surely_simple(const gt_ring *r) {
    size_t n = r->n;
    if (n < 3) return 0;
    for (size_t i = 0; i < 2 * n; i++)
        if (!isfinite(r->xy[i])) return 0;
    /* Neighbouring edges meet only at their shared vertex unless the ring turns back on
     * itself there (a spike): a certain turn, or going straight on, is fine. */
    for (size_t i = 0; i < n; i++) {
        const double *p = &r->xy[2 * ((i + n - 1) % n)], *v = &r->xy[2 * i], *q = &r->xy[2 * ((i + 1) % n)];
        if (side(p, v, q) != 0) continue;
        if ((p[0] - v[0]) * (q[0] - v[0]) + (p[1] - v[1]) * (q[1] - v[1]) >= 0) return 0;
    }
    if (n == 3) return 1; /* a triangle's edges are all neighbours */
    edge_entry *order = malloc(n * sizeof *order);
    if (!order) return 0;
    for (size_t i = 0; i < n; i++) {
        const double *a0 = &r->xy[2 * i], *a1 = &r->xy[2 * ((i + 1) % n)];
        order[i] = (edge_entry){lo(a0[0], a1[0]), i};
    }
    sort_edges(order, n);
    int simple = 1;
    for (size_t k = 0; simple && k < n; k++) {
        size_t i = order[k].i;
        const double *a0 = &r->xy[2 * i], *a1 = &r->xy[2 * ((i + 1) % n)];
        double ax1 = hi(a0[0], a1[0]), ay0 = lo(a0[1], a1[1]), ay1 = hi(a0[1], a1[1]);
        /* Edges further on start at or right of this one's start; those starting right of
         * its end cannot meet it (boxes that only touch are still tested). */
        for (size_t l = k + 1; l < n && order[l].xmin <= ax1; l++) {
            size_t j = order[l].i;
            if (j == (i + 1) % n || i == (j + 1) % n) continue; /* neighbours: checked above */
            const double *b0 = &r->xy[2 * j], *b1 = &r->xy[2 * ((j + 1) % n)];
            if (hi(b0[1], b1[1]) < ay0 || lo(b0[1], b1[1]) > ay1) continue;
            if (!apart(a0, a1, b0, b1)) {
                simple = 0;
                break;
            }
        }
    }
    free(order);
    return simple;
}

int gt_polygon_surely_valid(guotu_context *ctx, const GEOSGeometry *g, gt_ring *scratch) {
    return gt_ring_read(ctx, g, scratch, NULL) == 1 && gt_ring_surely_simple(scratch);
}
