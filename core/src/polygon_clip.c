/* polygon_clip.c — intersection of two simple polygons along their clean crossings. */
#include "polygon_clip.h"

#include "area.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

typedef struct clip_crossing {
    size_t edge[2]; /* the edge of a and of b it lies on */
    double t[2];    /* where along each edge, 0..1 */
    double x, y;
    int entering; /* a enters b here (a's next vertex is inside b) */
    size_t pos[2];
    int visited;
} clip_crossing;

typedef struct clip_node {
    double x, y;
    long crossing; /* its index in the crossings, or -1 for a vertex of the ring */
} clip_node;

void gt_clip_work_free(gt_clip_work *w) {
    free(w->crossings);
    free(w->nodes[0]);
    free(w->nodes[1]);
    free(w->keys);
    gt_ring_free(&w->rings);
    free(w->ring_ends);
    free(w->marks);
    free(w->near[0]);
    free(w->near[1]);
    free(w->pairs);
    free(w->sweep);
    memset(w, 0, sizeof *w);
}

/* The side of r from the line p -> q: 1 left, -1 right, 0 when floating point cannot
 * tell (the bound is far above the rounding of the products, so a sign given is right). */
static int side_of(const double *p, const double *q, const double *r, double *value) {
    double l = (q[0] - p[0]) * (r[1] - p[1]), m = (q[1] - p[1]) * (r[0] - p[0]);
    *value = l - m;
    double bound = 1e-12 * (fabs(l) + fabs(m));
    return *value > bound ? 1 : (*value < -bound ? -1 : 0);
}

/* fmin/fmax are library calls that also order NaNs; coordinates here are finite (read
 * through gt_read_polygon), and these two are on the hottest path of the overlay. */
static double lo(double a, double b) { return a < b ? a : b; }
static double hi(double a, double b) { return a < b ? b : a; }

static void ring_box(const gt_ring *r, double *box) {
    box[0] = box[2] = r->xy[0];
    box[1] = box[3] = r->xy[1];
    for (size_t i = 1; i < r->n; i++) {
        box[0] = lo(box[0], r->xy[2 * i]);
        box[1] = lo(box[1], r->xy[2 * i + 1]);
        box[2] = hi(box[2], r->xy[2 * i]);
        box[3] = hi(box[3], r->xy[2 * i + 1]);
    }
}

/* The edges of r (i -> i+1) whose box meets `box` (the other ring's), in ring order: only
 * these can touch the other ring. Two parcels of a coverage overlap in their boxes near
 * their shared boundary only, so this keeps a small part of each ring. -2 when out of
 * memory. */
static int near_edges(const gt_ring *r, const double *box, gt_clip_work *w, int side) {
    if (gt_reserve(&w->near[side], &w->near_cap[side], r->n, sizeof *w->near[side], 64)) return -2;
    size_t k = 0;
    for (size_t i = 0; i < r->n; i++) {
        const double *p = &r->xy[2 * i], *q = &r->xy[2 * ((i + 1) % r->n)];
        if (hi(p[0], q[0]) < box[0] || lo(p[0], q[0]) > box[2] || hi(p[1], q[1]) < box[1] || lo(p[1], q[1]) > box[3])
            continue;
        w->near[side][k++] = i;
    }
    w->nnear[side] = k;
    return 0;
}

/* A near edge in the sweep: its smallest and largest x, its ring (0 a, 1 b) and index. */
typedef struct sweep_entry {
    double xmin, xmax;
    size_t side, edge;
} sweep_entry;

static int cmp_sweep(const void *pa, const void *pb) {
    const sweep_entry *a = pa, *b = pb;
    if (a->xmin != b->xmin) return a->xmin < b->xmin ? -1 : 1;
    if (a->side != b->side) return a->side < b->side ? -1 : 1;
    return a->edge < b->edge ? -1 : (a->edge > b->edge);
}

static int cmp_pair(const void *pa, const void *pb) {
    const size_t *a = pa, *b = pb;
    if (a[0] != b[0]) return a[0] < b[0] ? -1 : 1;
    return a[1] < b[1] ? -1 : (a[1] > b[1]);
}

static int boxes_apart(const double *a0, const double *a1, const double *b0, const double *b1) {
    return hi(b0[0], b1[0]) < lo(a0[0], a1[0]) || lo(b0[0], b1[0]) > hi(a0[0], a1[0]) ||
           hi(b0[1], b1[1]) < lo(a0[1], a1[1]) || lo(b0[1], b1[1]) > hi(a0[1], a1[1]);
}

static int add_pair(gt_clip_work *w, size_t i, size_t j) {
    if (gt_reserve(&w->pairs, &w->pair_cap, 2 * (w->npairs + 1), sizeof *w->pairs, 64)) return -2;
    w->pairs[2 * w->npairs] = i;
    w->pairs[2 * w->npairs + 1] = j;
    w->npairs++;
    return 0;
}

/* Below this many near-edge pairs every pair is compared; above it the near edges of both
 * rings are swept by x (long shared boundaries of large zones). */
enum { SWEEP_OVER = 4096 };

/* Every pair (edge of a, edge of b) whose boxes meet, by a's edge then b's — the order in
 * which every pair would be compared, so crossings come out in the same order either way. */
static int edge_pairs(const gt_ring *a, const gt_ring *b, gt_clip_work *w) {
    w->npairs = 0;
    size_t na = w->nnear[0], nb = w->nnear[1];
    if (na * nb <= SWEEP_OVER) {
        if (gt_reserve(&w->pairs, &w->pair_cap, 2 * na * nb + 2, sizeof *w->pairs, 64)) return -2;
        size_t *pairs = w->pairs, n = 0;
        for (size_t u = 0; u < na; u++) {
            size_t i = w->near[0][u];
            const double *a0 = &a->xy[2 * i], *a1 = &a->xy[2 * ((i + 1) % a->n)];
            for (size_t v = 0; v < nb; v++) {
                size_t j = w->near[1][v];
                if (boxes_apart(a0, a1, &b->xy[2 * j], &b->xy[2 * ((j + 1) % b->n)])) continue;
                pairs[2 * n] = i;
                pairs[2 * n + 1] = j;
                n++;
            }
        }
        w->npairs = n;
        return 0;
    }
    if (gt_reserve(&w->sweep, &w->sweep_cap, na + nb, sizeof *w->sweep, 64)) return -2;
    const gt_ring *rings[2] = {a, b};
    size_t n = 0;
    for (size_t side = 0; side < 2; side++)
        for (size_t u = 0; u < w->nnear[side]; u++) {
            const gt_ring *r = rings[side];
            size_t e = w->near[side][u];
            const double *p = &r->xy[2 * e], *q = &r->xy[2 * ((e + 1) % r->n)];
            w->sweep[n++] = (sweep_entry){lo(p[0], q[0]), hi(p[0], q[0]), side, e};
        }
    qsort(w->sweep, n, sizeof *w->sweep, cmp_sweep);
    for (size_t k = 0; k < n; k++) {
        const sweep_entry *s = &w->sweep[k];
        for (size_t l = k + 1; l < n && w->sweep[l].xmin <= s->xmax; l++) {
            const sweep_entry *o = &w->sweep[l];
            if (o->side == s->side) continue;
            size_t i = s->side == 0 ? s->edge : o->edge, j = s->side == 0 ? o->edge : s->edge;
            if (boxes_apart(&a->xy[2 * i], &a->xy[2 * ((i + 1) % a->n)], &b->xy[2 * j], &b->xy[2 * ((j + 1) % b->n)]))
                continue;
            if (add_pair(w, i, j)) return -2;
        }
    }
    qsort(w->pairs, w->npairs, 2 * sizeof *w->pairs, cmp_pair);
    return 0;
}

static int add_crossing(gt_clip_work *w, const clip_crossing *c) {
    if (gt_reserve(&w->crossings, &w->cross_cap, w->ncross + 1, sizeof *w->crossings, 16)) return -2;
    w->crossings[w->ncross++] = *c;
    return 0;
}

/* Every crossing of a's edges with b's (the pairs whose boxes meet, found before); -1 at
 * any contact that is not a clean crossing. */
static int find_crossings(const gt_ring *a, const gt_ring *b, gt_clip_work *w) {
    for (size_t k = 0; k < w->npairs; k++) {
        size_t i = w->pairs[2 * k], j = w->pairs[2 * k + 1];
        const double *a0 = &a->xy[2 * i], *a1 = &a->xy[2 * ((i + 1) % a->n)];
        const double *b0 = &b->xy[2 * j], *b1 = &b->xy[2 * ((j + 1) % b->n)];
        double va0, va1, vb0, vb1;
        int sa0 = side_of(b0, b1, a0, &va0), sa1 = side_of(b0, b1, a1, &va1);
        if (sa0 == sa1 && sa0 != 0) continue; /* a's edge wholly on one side of b's line */
        int sb0 = side_of(a0, a1, b0, &vb0), sb1 = side_of(a0, a1, b1, &vb1);
        if (sb0 == sb1 && sb0 != 0) continue;
        if (!sa0 || !sa1 || !sb0 || !sb1) return -1; /* touching, collinear or too close to call */
        clip_crossing c = {{i, j}, {va0 / (va0 - va1), vb0 / (vb0 - vb1)}, 0, 0, sa1 > 0, {0, 0}, 0};
        c.x = a0[0] + c.t[0] * (a1[0] - a0[0]);
        c.y = a0[1] + c.t[0] * (a1[1] - a0[1]);
        if (add_crossing(w, &c)) return -2;
    }
    return 0;
}

/* Even-odd test; p is known not to be on (or within rounding of) the ring. */
static int inside_ring(const double *p, const gt_ring *r) {
    int in = 0;
    for (size_t i = 0, j = r->n - 1; i < r->n; j = i++) {
        const double *s = &r->xy[2 * i], *e = &r->xy[2 * j];
        if ((s[1] > p[1]) != (e[1] > p[1]) && p[0] < (e[0] - s[0]) * (p[1] - s[1]) / (e[1] - s[1]) + s[0]) in = !in;
    }
    return in;
}

/* Even-odd test for a point that may lie near the ring: 1 inside, 0 outside, -1 too close to
 * call. Each crossing is decided by side_of, the predicate the contact test uses, so that a
 * point it called clear of an edge is put on the side it found (the division of inside_ring
 * rounds the crossing by up to an ulp of the coordinates: 5e-10 m at Gauss-Krüger eastings,
 * more than side_of's margin on short edges). */
static int inside_ring_sure(const double *p, const gt_ring *r) {
    int in = 0;
    double value;
    for (size_t i = 0, j = r->n - 1; i < r->n; j = i++) {
        const double *s = &r->xy[2 * j], *e = &r->xy[2 * i];
        if (s[1] == p[1] && e[1] == p[1]) {
            if (lo(s[0], e[0]) <= p[0] && p[0] <= hi(s[0], e[0])) return -1; /* on a level edge */
            continue;
        }
        if ((s[1] > p[1]) == (e[1] > p[1])) continue;
        int side = side_of(s, e, p, &value);
        if (side == 0) return -1;
        if ((e[1] > s[1]) == (side > 0)) in = !in; /* left of an upward edge, right of a downward one */
    }
    return in;
}

/* 1 when every vertex of r is inside other, 0 when none is, -1 when they differ. */
static int vertices_inside(const gt_ring *r, const gt_ring *other) {
    size_t in = 0;
    for (size_t i = 0; i < r->n; i++)
        in += (size_t)inside_ring(&r->xy[2 * i], other);
    return in == r->n ? 1 : in == 0 ? 0 : -1;
}

static int same_point(const double *p, const double *q) { return p[0] == q[0] && p[1] == q[1]; }

/* Two edges the orientation test found in contact: 0 when they are the same edge or meet
 * only at an end point both have exactly (the contacts of neighbours in a coverage, which
 * share their boundary vertex for vertex); -1 for anything else — a vertex inside the other
 * edge, edges overlapping in part, a contact too close to call. */
static int exact_contact(const double *a0, const double *a1, const double *b0, const double *b1) {
    if ((same_point(a0, b0) && same_point(a1, b1)) || (same_point(a0, b1) && same_point(a1, b0))) return 0;
    const double *p, *q, *r; /* the shared end, a's other end, b's other end */
    if (same_point(a0, b0))
        p = a0, q = a1, r = b1;
    else if (same_point(a0, b1))
        p = a0, q = a1, r = b0;
    else if (same_point(a1, b0))
        p = a1, q = a0, r = b1;
    else if (same_point(a1, b1))
        p = a1, q = a0, r = b0;
    else
        return -1;
    double v;
    if (side_of(p, q, r, &v) != 0) return 0; /* not collinear: they part at p */
    /* In line (or too close to call): apart only when they leave p in opposite directions. */
    return (q[0] - p[0]) * (r[0] - p[0]) + (q[1] - p[1]) * (r[1] - p[1]) < 0 ? 0 : -1;
}

/* Marks kept while two rings are compared: a vertex both rings have, an edge both have. */
enum { MARK_VERTEX = 1, MARK_EDGE = 2 };

static int in_box(const double *p, const double *box) {
    return p[0] >= box[0] && p[0] <= box[2] && p[1] >= box[1] && p[1] <= box[3];
}

/* Where r's boundary lies off other's: 1 all inside other, 0 all outside, -1 some of each or
 * nothing to test (r's boundary all shared). With boundaries that touch only at shared
 * vertices and edges and never cross, each stretch of r's boundary between shared vertices
 * lies wholly inside or wholly outside other, and holds a vertex r does not share or is one
 * edge between two shared vertices that is not itself shared: of each stretch, the first two
 * such vertices or that edge's midpoint are tested (a point too close to other's boundary to
 * call, or two points disagreeing, leave it to GEOS). */
static int arcs_side(const gt_ring *r, const unsigned char *marks, const gt_ring *other, const double *box) {
    enum { TESTS_PER_STRETCH = 2 };
    int inside = 0, outside = 0, tested = 0;
    for (size_t i = 0; i < r->n && !(inside && outside); i++) {
        size_t next = i + 1 < r->n ? i + 1 : 0;
        const double *p = &r->xy[2 * i], *q = &r->xy[2 * next];
        double mid[2];
        const double *point = NULL;
        if (!(marks[i] & MARK_VERTEX)) {
            if (tested++ < TESTS_PER_STRETCH) point = p;
        } else {
            tested = 0; /* a shared vertex ends a stretch */
            if ((marks[next] & MARK_VERTEX) && !(marks[i] & MARK_EDGE)) {
                mid[0] = (p[0] + q[0]) / 2;
                mid[1] = (p[1] + q[1]) / 2;
                point = mid;
            }
        }
        if (!point) continue;
        int in = in_box(point, box) ? inside_ring_sure(point, other) : 0;
        if (in < 0) return -1;
        if (in)
            inside = 1;
        else
            outside = 1;
    }
    return inside && !outside ? 1 : (outside && !inside ? 0 : -1);
}

static int copy_ring(gt_clip_work *w, const gt_ring *r);

static int touching_boundaries(const gt_ring *a, const gt_ring *b, const double *box_a, const double *box_b,
                               gt_clip_work *w) {
    if (gt_reserve(&w->marks, &w->mark_cap, a->n + b->n, 1, 64)) return -2;
    unsigned char *ma = w->marks, *mb = w->marks + a->n;
    memset(w->marks, 0, a->n + b->n);
    int contacts = 0;
    for (size_t k = 0; k < w->npairs; k++) {
        size_t i = w->pairs[2 * k], i1 = (i + 1) % a->n, j = w->pairs[2 * k + 1], j1 = (j + 1) % b->n;
        const double *a0 = &a->xy[2 * i], *a1 = &a->xy[2 * i1];
        const double *b0 = &b->xy[2 * j], *b1 = &b->xy[2 * j1];
        double value; /* not needed: only the sides are */
        int sa0 = side_of(b0, b1, a0, &value), sa1 = side_of(b0, b1, a1, &value);
        if (sa0 == sa1 && sa0 != 0) continue;
        int sb0 = side_of(a0, a1, b0, &value), sb1 = side_of(a0, a1, b1, &value);
        if (sb0 == sb1 && sb0 != 0) continue;
        if (sa0 && sa1 && sb0 && sb1) return -1; /* a clean crossing: not mere neighbours */
        if (exact_contact(a0, a1, b0, b1)) return -1;
        contacts = 1;
        /* mark what the two edges share: both ends (the same edge) or one */
        if ((same_point(a0, b0) && same_point(a1, b1)) || (same_point(a0, b1) && same_point(a1, b0))) {
            ma[i] |= MARK_EDGE | MARK_VERTEX;
            ma[i1] |= MARK_VERTEX;
            mb[j] |= MARK_EDGE | MARK_VERTEX;
            mb[j1] |= MARK_VERTEX;
        } else {
            if (same_point(a0, b0) || same_point(a0, b1)) ma[i] |= MARK_VERTEX;
            if (same_point(a1, b0) || same_point(a1, b1)) ma[i1] |= MARK_VERTEX;
            if (same_point(b0, a0) || same_point(b0, a1)) mb[j] |= MARK_VERTEX;
            if (same_point(b1, a0) || same_point(b1, a1)) mb[j1] |= MARK_VERTEX;
        }
    }
    if (!contacts) return -1;
    int a_side = arcs_side(a, ma, b, box_b), b_side = a_side < 0 ? -1 : arcs_side(b, mb, a, box_a);
    if (a_side == 0 && b_side == 0) return 0;
    double area_a = gt_ring_twice_area(a->xy, a->n), area_b = gt_ring_twice_area(b->xy, b->n);
    if (a_side == 1 && b_side == 0 && area_a <= area_b) return copy_ring(w, a);
    if (b_side == 1 && a_side == 0 && area_b <= area_a) return copy_ring(w, b);
    return -1;
}

/* Crossings are ordered by (edge, position along it) on one side, then by index. */
typedef struct edge_key {
    size_t edge;
    double t;
    size_t index;
} edge_key;

static int cmp_key(const void *pa, const void *pb) {
    const edge_key *a = pa, *b = pb;
    if (a->edge != b->edge) return a->edge < b->edge ? -1 : 1;
    if (a->t != b->t) return a->t < b->t ? -1 : 1;
    return a->index < b->index ? -1 : (a->index > b->index);
}

/* The ring's vertices with its crossings inserted in order along each edge. */
static int build_nodes(const gt_ring *r, int side, gt_clip_work *w) {
    size_t total = r->n + w->ncross;
    if (gt_reserve(&w->nodes[side], &w->node_cap[side], total, sizeof *w->nodes[side], 64)) return -2;
    if (gt_reserve(&w->keys, &w->key_cap, w->ncross, sizeof *w->keys, 16)) return -2;
    edge_key *keys = w->keys;
    for (size_t c = 0; c < w->ncross; c++)
        keys[c] = (edge_key){w->crossings[c].edge[side], w->crossings[c].t[side], c};
    qsort(keys, w->ncross, sizeof *keys, cmp_key);
    int status = 0;
    for (size_t c = 1; c < w->ncross; c++)
        if (keys[c].edge == keys[c - 1].edge && keys[c].t - keys[c - 1].t < 1e-9) status = -1; /* order unsure */
    clip_node *nodes = w->nodes[side];
    size_t k = 0, next = 0;
    for (size_t i = 0; !status && i < r->n; i++) {
        nodes[k++] = (clip_node){r->xy[2 * i], r->xy[2 * i + 1], -1};
        for (; next < w->ncross && keys[next].edge == i; next++) {
            clip_crossing *c = &w->crossings[keys[next].index];
            c->pos[side] = k;
            nodes[k++] = (clip_node){c->x, c->y, (long)keys[next].index};
        }
    }
    w->nnodes[side] = k;
    return status;
}

static int push_point(gt_clip_work *w, double x, double y) {
    if (gt_reserve(&w->rings.xy, &w->rings.cap, w->rings.n + 1, 2 * sizeof *w->rings.xy, 64)) return -2;
    w->rings.xy[2 * w->rings.n] = x;
    w->rings.xy[2 * w->rings.n + 1] = y;
    w->rings.n++;
    return 0;
}

static int end_ring(gt_clip_work *w) {
    if (gt_reserve(&w->ring_ends, &w->ring_cap, w->nrings + 1, sizeof *w->ring_ends, 4)) return -2;
    w->ring_ends[w->nrings++] = w->rings.n;
    return 0;
}

static int copy_ring(gt_clip_work *w, const gt_ring *r) {
    for (size_t i = 0; i < r->n; i++)
        if (push_point(w, r->xy[2 * i], r->xy[2 * i + 1])) return -2;
    return end_ring(w) ? -2 : 1;
}

/* Follows a inside b from each entry, switching rings at every crossing. */
static int trace(gt_clip_work *w) {
    size_t limit = w->nnodes[0] + w->nnodes[1] + 4, steps = 0;
    for (size_t start = 0; start < w->ncross; start++) {
        if (!w->crossings[start].entering || w->crossings[start].visited) continue;
        size_t c = start;
        int side = 0;
        do {
            clip_crossing *cr = &w->crossings[c];
            cr->visited = 1;
            if (push_point(w, cr->x, cr->y)) return -2;
            size_t k = cr->pos[side];
            for (;;) {
                k = (k + 1) % w->nnodes[side];
                const clip_node *node = &w->nodes[side][k];
                if (++steps > limit) return -1;
                if (node->crossing >= 0) {
                    c = (size_t)node->crossing;
                    break;
                }
                if (push_point(w, node->x, node->y)) return -2;
            }
            /* Along a (inside b) the next crossing is an exit; along b, an entry. */
            if (w->crossings[c].entering != (side == 1)) return -1;
            side = 1 - side;
        } while (!(c == start && side == 0));
        if (end_ring(w)) return -2;
    }
    for (size_t c = 0; c < w->ncross; c++)
        if (!w->crossings[c].visited) return -1;
    return (int)w->nrings;
}

int gt_ring_clip_simple(const gt_ring *a, const gt_ring *b, gt_clip_work *w) {
    w->ncross = w->nrings = w->rings.n = 0;
    if (a->n < 3 || b->n < 3) return -1;
    if (gt_ring_same(a, b)) return copy_ring(w, a);
    double box_a[4], box_b[4];
    ring_box(a, box_a);
    ring_box(b, box_b);
    if (near_edges(a, box_b, w, 0) || near_edges(b, box_a, w, 1) || edge_pairs(a, b, w)) return -2;
    int status = find_crossings(a, b, w);
    /* Neighbours that share boundary vertices but no area — most candidate pairs of two
     * coverages of the same ground — are answered here instead of by a general overlay. */
    if (status == -1) return touching_boundaries(a, b, box_a, box_b, w);
    if (status) return status;
    if (w->ncross == 0) {
        /* No crossing found: one inside the other, or apart. A vertex lying on the other's
         * edge within rounding (edges of two parcels cut along the same boundary) is on
         * neither side for certain, so every vertex is asked, and a nesting must be possible
         * by area; anything undecided goes to GEOS. */
        if (a->n > GT_CLIP_MAX_EDGE_PAIRS / b->n) return -1; /* a->n * b->n, without overflow */
        int a_in = vertices_inside(a, b), b_in = vertices_inside(b, a);
        double area_a = gt_ring_twice_area(a->xy, a->n), area_b = gt_ring_twice_area(b->xy, b->n);
        if (a_in == 1 && b_in == 0 && area_a <= area_b) return copy_ring(w, a);
        if (b_in == 1 && a_in == 0 && area_b <= area_a) return copy_ring(w, b);
        return a_in == 0 && b_in == 0 ? 0 : -1;
    }
    if (w->ncross % 2) return -1;
    if ((status = build_nodes(a, 0, w)) || (status = build_nodes(b, 1, w))) return status;
    int rings = trace(w);
    if (rings <= 0) return rings < 0 ? rings : -1;
    /* What was traced must be rings with area, together no larger than either input. */
    double total = 0, limit = lo(gt_ring_twice_area(a->xy, a->n), gt_ring_twice_area(b->xy, b->n)) * (1 + 1e-9);
    for (size_t i = 0, from = 0; i < w->nrings; from = w->ring_ends[i++]) {
        size_t n = w->ring_ends[i] - from;
        double area2 = n >= 3 ? gt_ring_twice_area(&w->rings.xy[2 * from], n) : 0;
        if (!(area2 > 0)) return -1;
        total += area2;
    }
    return total <= limit ? rings : -1;
}

GEOSGeometry *gt_clip_work_geometry(guotu_context *ctx, const gt_clip_work *w, gt_ring *scratch) {
    GEOSGeometry *local[8], **parts = w->nrings <= 8 ? local : malloc(w->nrings * sizeof *parts);
    if (!parts) {
        gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
        return NULL;
    }
    size_t made = 0;
    for (size_t from = 0; made < w->nrings; from = w->ring_ends[made++]) {
        gt_ring view = {w->rings.xy + 2 * from, w->ring_ends[made] - from, 0};
        if (!(parts[made] = gt_ring_polygon(ctx, &view, scratch))) break;
    }
    GEOSGeometry *g = NULL;
    if (made == w->nrings)
        g = made == 1 ? parts[0] : GEOSGeom_createCollection_r(ctx->geos, GEOS_MULTIPOLYGON, parts, (unsigned int)made);
    if (made < w->nrings) /* a part failed (its message is set): the others are still ours */
        for (size_t i = 0; i < made; i++)
            GEOSGeom_destroy_r(ctx->geos, parts[i]);
    else if (!g) /* GEOS took the parts over, also in failing */
        gt_fail_geos(ctx, GUOTU_ERR_GEOMETRY, "cannot build a piece");
    if (parts != local) free(parts);
    return g;
}
