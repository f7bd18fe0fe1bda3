/* border_measure.c — positions along a shared border: building it from GEOS lines,
 * projecting vertices onto it, intervals and substrings. Measures are planar metres from
 * the start of each merged part, computed here rather than with GEOSProject so that a
 * vertex is matched to its nearest segment through an index (borders have thousands of
 * vertices and elements tens of thousands). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "border_internal.h"

typedef struct border_seg {
    int part;
    size_t i; /* from vertex i to i + 1 */
} border_seg;

int gt_ivals_add(gt_ivals *set, int part, double s0, double s1) {
    if (!(s1 - s0 > 1e-9)) return 0;
    if (gt_reserve(&set->v, &set->cap, set->n + 1, sizeof *set->v, 8)) return 1;
    set->v[set->n++] = (gt_ival){part, s0, s1};
    return 0;
}

int gt_ivals_contains(const gt_ivals *set, int part, double s) {
    for (size_t i = 0; i < set->n; i++)
        if (set->v[i].part == part && set->v[i].s0 <= s && s <= set->v[i].s1) return 1;
    return 0;
}

int gt_ivals_meets(const gt_ivals *set, int part, double s0, double s1) {
    for (size_t i = 0; i < set->n; i++)
        if (set->v[i].part == part && set->v[i].s0 + GT_IVAL_NOISE_M < s1 && s0 + GT_IVAL_NOISE_M < set->v[i].s1)
            return 1;
    return 0;
}

static int compare_ival(const void *a, const void *b) {
    const gt_ival *x = a, *y = b;
    if (x->part != y->part) return x->part < y->part ? -1 : 1;
    return x->s0 < y->s0 ? -1 : x->s0 > y->s0;
}

void gt_ivals_normalize(gt_ivals *set) {
    if (set->n < 2) return;
    qsort(set->v, set->n, sizeof *set->v, compare_ival);
    size_t m = 0;
    for (size_t i = 1; i < set->n; i++) {
        gt_ival *last = &set->v[m];
        if (set->v[i].part == last->part && set->v[i].s0 <= last->s1) {
            if (set->v[i].s1 > last->s1) last->s1 = set->v[i].s1;
        } else {
            set->v[++m] = set->v[i];
        }
    }
    set->n = m + 1;
}

double gt_ivals_length(const gt_ivals *set) {
    double total = 0;
    for (size_t i = 0; i < set->n; i++)
        total += set->v[i].s1 - set->v[i].s0;
    return total;
}

void gt_ivals_free(gt_ivals *set) {
    free(set->v);
    memset(set, 0, sizeof *set);
}

/* ---- building ---- */

static int turns_away(const double *xy, size_t k) {
    double ax = xy[2 * k] - xy[2 * k - 2], ay = xy[2 * k + 1] - xy[2 * k - 1];
    double bx = xy[2 * k + 2] - xy[2 * k], by = xy[2 * k + 3] - xy[2 * k + 1];
    double na = hypot(ax, ay), nb = hypot(bx, by);
    return na > 0 && nb > 0 && (ax * bx + ay * by) / (na * nb) < 0.70710678118654752; /* cos 45° */
}

/* Cuts a stub at each end of an open part: the part starts at the farthest vertex within
 * `stub` of its start where it turns by more than 45°, and likewise at its end. */
static void trim(const double *xy, size_t n, double stub, size_t *first, size_t *last) {
    *first = 0;
    *last = n - 1;
    double run = 0;
    for (size_t k = 1; k + 1 < n; k++) {
        run += hypot(xy[2 * k] - xy[2 * k - 2], xy[2 * k + 1] - xy[2 * k - 1]);
        if (run > stub) break;
        if (turns_away(xy, k)) *first = k;
    }
    run = 0;
    for (size_t k = n - 2; k > *first; k--) {
        run += hypot(xy[2 * k + 2] - xy[2 * k], xy[2 * k + 3] - xy[2 * k + 1]);
        if (run > stub) break;
        if (turns_away(xy, k)) *last = k;
    }
}

static int add_part(border_line *bl, const double *xy, size_t n, int closed) {
    int p = bl->nparts;
    double **pxy = realloc(bl->xy, (size_t)(p + 1) * sizeof *pxy);
    if (pxy) bl->xy = pxy;
    double **pcum = realloc(bl->cum, (size_t)(p + 1) * sizeof *pcum);
    if (pcum) bl->cum = pcum;
    size_t *pn = realloc(bl->npts, (size_t)(p + 1) * sizeof *pn);
    if (pn) bl->npts = pn;
    int *pc = realloc(bl->closed, (size_t)(p + 1) * sizeof *pc);
    if (pc) bl->closed = pc;
    if (!pxy || !pcum || !pn || !pc) return 1;
    double *copy = malloc(2 * n * sizeof *copy), *cum = malloc(n * sizeof *cum);
    if (!copy || !cum) {
        free(copy);
        free(cum);
        return 1;
    }
    memcpy(copy, xy, 2 * n * sizeof *copy);
    cum[0] = 0;
    for (size_t k = 1; k < n; k++)
        cum[k] = cum[k - 1] + hypot(xy[2 * k] - xy[2 * k - 2], xy[2 * k + 1] - xy[2 * k - 1]);
    bl->xy[p] = copy;
    bl->cum[p] = cum;
    bl->npts[p] = n;
    bl->closed[p] = closed;
    bl->length += cum[n - 1];
    bl->nparts++;
    return 0;
}

static int read_line(guotu_context *ctx, const GEOSGeometry *line, double stub, border_line *bl) {
    const GEOSCoordSequence *seq = GEOSGeom_getCoordSeq_r(ctx->geos, line);
    unsigned int n = 0;
    if (!seq || !GEOSCoordSeq_getSize_r(ctx->geos, seq, &n)) return 1;
    if (n < 2) return 0;
    double *xy = malloc(2 * (size_t)n * sizeof *xy);
    if (!xy) return 1;
    for (unsigned int k = 0; k < n; k++)
        GEOSCoordSeq_getXY_r(ctx->geos, seq, k, &xy[2 * k], &xy[2 * k + 1]);
    int closed = n >= 4 && xy[0] == xy[2 * n - 2] && xy[1] == xy[2 * n - 1];
    size_t first = 0, last = n - 1;
    if (!closed) trim(xy, n, stub, &first, &last);
    int failed = last > first ? add_part(bl, xy + 2 * first, last - first + 1, closed) : 0;
    free(xy);
    return failed;
}

static int collect_lines(guotu_context *ctx, const GEOSGeometry *g, double stub, border_line *bl) {
    int type = GEOSGeomTypeId_r(ctx->geos, g);
    if (type == GEOS_LINESTRING || type == GEOS_LINEARRING) return read_line(ctx, g, stub, bl);
    if (type == GEOS_MULTILINESTRING || type == GEOS_GEOMETRYCOLLECTION) {
        int count = GEOSGetNumGeometries_r(ctx->geos, g);
        for (int i = 0; i < count; i++)
            if (collect_lines(ctx, GEOSGetGeometryN_r(ctx->geos, g, i), stub, bl)) return 1;
    }
    return 0;
}

static GEOSGeometry *part_line(guotu_context *ctx, const double *xy, size_t n) {
    GEOSCoordSequence *seq = GEOSCoordSeq_copyFromBuffer_r(ctx->geos, xy, (unsigned int)n, 0, 0);
    return seq ? GEOSGeom_createLineString_r(ctx->geos, seq) : NULL;
}

static int index_segments(guotu_context *ctx, border_line *bl) {
    size_t total = 0;
    for (int p = 0; p < bl->nparts; p++)
        total += bl->npts[p] - 1;
    bl->segs = malloc((total ? total : 1) * sizeof *bl->segs);
    bl->seg_boxes = calloc(total ? total : 1, sizeof *bl->seg_boxes);
    bl->tree = GEOSSTRtree_create_r(ctx->geos, 10);
    GEOSGeometry **lines = malloc((size_t)(bl->nparts ? bl->nparts : 1) * sizeof *lines);
    if (!bl->segs || !bl->seg_boxes || !bl->tree || !lines) {
        free(lines);
        return 1;
    }
    int made = 0;
    for (int p = 0; p < bl->nparts; p++) {
        const double *xy = bl->xy[p];
        for (size_t k = 0; k + 1 < bl->npts[p]; k++) {
            GEOSGeometry *box = GEOSGeom_createRectangle_r(
                ctx->geos, fmin(xy[2 * k], xy[2 * k + 2]), fmin(xy[2 * k + 1], xy[2 * k + 3]),
                fmax(xy[2 * k], xy[2 * k + 2]), fmax(xy[2 * k + 1], xy[2 * k + 3]));
            if (!box) {
                for (int q = 0; q < made; q++)
                    GEOSGeom_destroy_r(ctx->geos, lines[q]);
                free(lines);
                return 1;
            }
            bl->segs[bl->nsegs] = (border_seg){p, k};
            bl->seg_boxes[bl->nsegs] = box;
            GEOSSTRtree_insert_r(ctx->geos, bl->tree, box, &bl->segs[bl->nsegs]);
            bl->nsegs++;
        }
        lines[made] = part_line(ctx, xy, bl->npts[p]);
        if (!lines[made]) {
            for (int q = 0; q < made; q++)
                GEOSGeom_destroy_r(ctx->geos, lines[q]);
            free(lines);
            return 1;
        }
        made++;
    }
    bl->geom = GEOSGeom_createCollection_r(ctx->geos, GEOS_MULTILINESTRING, lines, (unsigned int)made);
    free(lines);
    return bl->geom == NULL;
}

int border_line_build(guotu_context *ctx, const GEOSGeometry *lines, double stub, double search, border_line *bl) {
    memset(bl, 0, sizeof *bl);
    bl->search = search > 0 ? search : 1;
    GEOSGeometry *merged = GEOSLineMerge_r(ctx->geos, lines);
    if (!merged) return gt_fail_geos(ctx, GUOTU_ERR_GEOMETRY, "cannot merge a shared border") != 0;
    int failed = collect_lines(ctx, merged, stub, bl);
    GEOSGeom_destroy_r(ctx->geos, merged);
    if (!failed) failed = index_segments(ctx, bl);
    if (failed) {
        border_line_free(ctx, bl);
        return gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory measuring a shared border") != 0;
    }
    return 0;
}

void border_line_free(guotu_context *ctx, border_line *bl) {
    for (int p = 0; p < bl->nparts; p++) {
        free(bl->xy[p]);
        free(bl->cum[p]);
    }
    free(bl->xy);
    free(bl->cum);
    free(bl->npts);
    free(bl->closed);
    if (bl->tree) GEOSSTRtree_destroy_r(ctx->geos, bl->tree);
    for (size_t k = 0; k < bl->nsegs; k++)
        GEOSGeom_destroy_r(ctx->geos, bl->seg_boxes[k]);
    free(bl->seg_boxes);
    free(bl->segs);
    if (bl->geom) GEOSGeom_destroy_r(ctx->geos, bl->geom);
    memset(bl, 0, sizeof *bl);
}

/* ---- projecting ---- */

typedef struct nearest {
    const border_line *bl;
    double x, y;
    double best; /* squared distance */
    int part;
    double s;
} nearest;

static void visit_segment(void *item, void *user) {
    nearest *q = user;
    const border_seg *seg = item;
    const double *xy = q->bl->xy[seg->part] + 2 * seg->i;
    double dx = xy[2] - xy[0], dy = xy[3] - xy[1];
    double len2 = dx * dx + dy * dy;
    double t = len2 > 0 ? ((q->x - xy[0]) * dx + (q->y - xy[1]) * dy) / len2 : 0;
    t = t < 0 ? 0 : (t > 1 ? 1 : t);
    double px = xy[0] + t * dx - q->x, py = xy[1] + t * dy - q->y;
    double d2 = px * px + py * py;
    if (d2 < q->best) {
        q->best = d2;
        q->part = seg->part;
        q->s = q->bl->cum[seg->part][seg->i] + t * sqrt(len2);
    }
}

/* Nearest border point of (x, y): a box query, widened until the nearest segment found
 * is inside the box's radius (then no segment outside the box can be nearer). */
static int project(guotu_context *ctx, const border_line *bl, double x, double y, int *part, double *s) {
    nearest q = {bl, x, y, INFINITY, -1, 0};
    for (double r = bl->search; r < 1e12; r *= 4) {
        GEOSGeometry *box = GEOSGeom_createRectangle_r(ctx->geos, x - r, y - r, x + r, y + r);
        if (!box) return 1;
        GEOSSTRtree_query_r(ctx->geos, bl->tree, box, visit_segment, &q);
        GEOSGeom_destroy_r(ctx->geos, box);
        if (q.part >= 0 && q.best <= r * r) break;
    }
    *part = q.part;
    *s = q.s;
    return q.part < 0;
}

int border_distance(guotu_context *ctx, const border_line *bl, double x, double y, double radius, double *d) {
    nearest q = {bl, x, y, INFINITY, -1, 0};
    GEOSGeometry *box = GEOSGeom_createRectangle_r(ctx->geos, x - radius, y - radius, x + radius, y + radius);
    if (!box) return 1;
    GEOSSTRtree_query_r(ctx->geos, bl->tree, box, visit_segment, &q);
    GEOSGeom_destroy_r(ctx->geos, box);
    *d = sqrt(q.best);
    return 0;
}

static int compare_double(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

/* The shadow of one ring or line on every part it projects onto. */
static int shadow_coords(guotu_context *ctx, const border_line *bl, const GEOSCoordSequence *seq, gt_ivals *out) {
    unsigned int n = 0;
    if (!GEOSCoordSeq_getSize_r(ctx->geos, seq, &n) || n == 0) return 0;
    int *parts = malloc(n * sizeof *parts);
    double *s = malloc(n * sizeof *s), *sorted = malloc(n * sizeof *sorted);
    int failed = !parts || !s || !sorted;
    for (unsigned int k = 0; !failed && k < n; k++) {
        double x, y;
        GEOSCoordSeq_getXY_r(ctx->geos, seq, k, &x, &y);
        failed = project(ctx, bl, x, y, &parts[k], &s[k]);
    }
    for (int p = 0; !failed && p < bl->nparts; p++) {
        size_t m = 0;
        for (unsigned int k = 0; k < n; k++)
            if (parts[k] == p) sorted[m++] = s[k];
        if (!m) continue;
        qsort(sorted, m, sizeof *sorted, compare_double);
        double len = bl->cum[p][bl->npts[p] - 1];
        if (!bl->closed[p]) {
            failed = gt_ivals_add(out, p, sorted[0], sorted[m - 1]);
            continue;
        }
        /* Around a ring: everything but the largest empty arc (which may wrap past 0). */
        size_t gap_after = m - 1;
        double largest = sorted[0] + len - sorted[m - 1];
        for (size_t k = 0; k + 1 < m; k++)
            if (sorted[k + 1] - sorted[k] > largest) {
                largest = sorted[k + 1] - sorted[k];
                gap_after = k;
            }
        if (gap_after == m - 1) {
            failed = gt_ivals_add(out, p, sorted[0], sorted[m - 1]);
        } else {
            failed = gt_ivals_add(out, p, sorted[gap_after + 1], len) || gt_ivals_add(out, p, 0, sorted[gap_after]);
        }
    }
    free(parts);
    free(s);
    free(sorted);
    return failed;
}

int border_shadow(guotu_context *ctx, const border_line *bl, const GEOSGeometry *g, gt_ivals *out) {
    if (!g || !bl->nparts) return 0;
    int type = GEOSGeomTypeId_r(ctx->geos, g);
    if (type == GEOS_POLYGON) {
        if (GEOSisEmpty_r(ctx->geos, g) == 1) return 0;
        const GEOSGeometry *ring = GEOSGetExteriorRing_r(ctx->geos, g);
        const GEOSCoordSequence *seq = ring ? GEOSGeom_getCoordSeq_r(ctx->geos, ring) : NULL;
        return seq ? shadow_coords(ctx, bl, seq, out) : 1;
    }
    if (type == GEOS_LINESTRING || type == GEOS_LINEARRING) {
        const GEOSCoordSequence *seq = GEOSGeom_getCoordSeq_r(ctx->geos, g);
        return seq ? shadow_coords(ctx, bl, seq, out) : 1;
    }
    if (type == GEOS_MULTIPOLYGON || type == GEOS_MULTILINESTRING || type == GEOS_GEOMETRYCOLLECTION) {
        int count = GEOSGetNumGeometries_r(ctx->geos, g);
        for (int i = 0; i < count; i++)
            if (border_shadow(ctx, bl, GEOSGetGeometryN_r(ctx->geos, g, i), out)) return 1;
    }
    return 0;
}

GEOSGeometry *border_substring(guotu_context *ctx, const border_line *bl, int part, double s0, double s1) {
    const double *xy = bl->xy[part], *cum = bl->cum[part];
    size_t n = bl->npts[part];
    double *out = malloc(2 * (n + 2) * sizeof *out);
    if (!out) return NULL;
    size_t m = 0;
    for (size_t k = 0; k + 1 < n; k++) {
        double a = cum[k], b = cum[k + 1];
        if (b < s0 || a > s1 || b <= a) continue;
        double t0 = s0 > a ? (s0 - a) / (b - a) : 0, t1 = s1 < b ? (s1 - a) / (b - a) : 1;
        double x0 = xy[2 * k] + t0 * (xy[2 * k + 2] - xy[2 * k]),
               y0 = xy[2 * k + 1] + t0 * (xy[2 * k + 3] - xy[2 * k + 1]);
        double x1 = xy[2 * k] + t1 * (xy[2 * k + 2] - xy[2 * k]),
               y1 = xy[2 * k + 1] + t1 * (xy[2 * k + 3] - xy[2 * k + 1]);
        if (m == 0 || out[2 * m - 2] != x0 || out[2 * m - 1] != y0) {
            out[2 * m] = x0;
            out[2 * m + 1] = y0;
            m++;
        }
        out[2 * m] = x1;
        out[2 * m + 1] = y1;
        m++;
        if (m + 2 > n + 2) break;
    }
    GEOSGeometry *line = m >= 2 ? part_line(ctx, out, m) : NULL;
    free(out);
    return line;
}
