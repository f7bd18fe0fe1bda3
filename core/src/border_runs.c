/* border_runs.c — statuses along one shared border: the border is cut at every place
 * where an element starts or stops facing or reaching it, each piece is classified (see
 * guotu_border.h), and neighbouring pieces with the same status and categories are
 * reported as one segment, with the gap, discontinuity and mismatch conflicts. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "area.h"
#include "border_pair.h"
#include "polygon_input.h"

enum { ST_OVERLAP, ST_COORDINATED, ST_MISMATCH, ST_GAP, ST_DISCONTINUITY, ST_NONE };
static const char *const status_names[] = {"overlap", "coordinated",   "category_mismatch",
                                           "gap",     "discontinuity", "none"};
enum { MAX_CATS = 16, SIDE_NONE = -1, SIDE_BOTH = 2 };

typedef struct run_key {
    int status;
    int side; /* the side without an element at the border (gap, discontinuity), SIDE_BOTH or SIDE_NONE */
    int ncat[2];
    int32_t cat[2][MAX_CATS];
} run_key;

typedef struct run {
    int open, part;
    double s0, s1;
    run_key key;
} run;

static void sort_by_text(const guotu_border *b, int32_t *v, int n) {
    /* Insertion sort: a handful of categories, and no global state (the library is reentrant). */
    for (int i = 1; i < n; i++) {
        int32_t x = v[i];
        int j = i - 1;
        while (j >= 0 && strcmp(b->strings.strings[v[j]], b->strings.strings[x]) > 0) {
            v[j + 1] = v[j];
            j--;
        }
        v[j + 1] = x;
    }
}

static void add_unique(int32_t *v, int *n, int max, int32_t x) {
    for (int i = 0; i < *n; i++)
        if (v[i] == x) return;
    if (*n < max) v[(*n)++] = x;
}

static void classify(const pair_work *w, int part, double m, run_key *k) {
    memset(k, 0, sizeof *k);
    int face[2] = {0, 0};
    for (size_t i = 0; i < w->nhits; i++) {
        const border_hit *h = &w->hits[i];
        if (gt_ivals_contains(&h->at, part, m))
            add_unique(k->cat[h->side], &k->ncat[h->side], MAX_CATS, w->b->elements[h->element].category);
        if (!face[h->side] && gt_ivals_contains(&h->face, part, m)) face[h->side] = 1;
    }
    for (int s = 0; s < 2; s++)
        sort_by_text(w->b, k->cat[s], k->ncat[s]);
    k->side = SIDE_NONE;
    if (gt_ivals_contains(&w->over, part, m)) {
        k->status = ST_OVERLAP;
    } else if (k->ncat[0] && k->ncat[1]) {
        int common = 0;
        for (int i = 0; i < k->ncat[0] && !common; i++)
            for (int j = 0; j < k->ncat[1] && !common; j++)
                common = k->cat[0][i] == k->cat[1][j];
        k->status = common ? ST_COORDINATED : ST_MISMATCH;
    } else if (k->ncat[0] || k->ncat[1]) {
        int other = k->ncat[0] ? 1 : 0;
        k->status = face[other] ? ST_GAP : ST_DISCONTINUITY;
        k->side = other;
    } else if (face[0] && face[1]) {
        k->status = ST_GAP;
        k->side = SIDE_BOTH;
    } else {
        k->status = ST_NONE;
    }
}

static int same_key(const run_key *a, const run_key *b) {
    if (a->status != b->status || a->side != b->side) return 0;
    for (int s = 0; s < 2; s++) {
        if (a->ncat[s] != b->ncat[s]) return 0;
        for (int i = 0; i < a->ncat[s]; i++)
            if (a->cat[s][i] != b->cat[s][i]) return 0;
    }
    return 1;
}

/* "a,b,c" of strings by index into buf, truncated with "..." when it does not fit. */
static const char *join(const guotu_border *b, const int32_t *v, int n, char *buf, size_t size) {
    size_t used = 0;
    buf[0] = '\0';
    for (int i = 0; i < n; i++) {
        const char *s = b->strings.strings[v[i]];
        if (!s[0]) continue;
        size_t need = strlen(s) + (used ? 1 : 0);
        if (used + need + 4 >= size) {
            snprintf(buf + used, size - used, "%s...", used ? "," : "");
            break;
        }
        used += (size_t)snprintf(buf + used, size - used, "%s%s", used ? "," : "", s);
    }
    return buf;
}

/* Names of the elements of `side` reaching (or, with `facing`, facing) the run. */
static const char *names_of(const pair_work *w, const run *r, int side, int facing, char *buf, size_t size) {
    enum { MAX_NAMES = 64 };
    int32_t names[MAX_NAMES];
    int n = 0;
    for (size_t i = 0; i < w->nhits; i++) {
        const border_hit *h = &w->hits[i];
        if (h->side != side || !gt_ivals_meets(facing ? &h->face : &h->at, r->part, r->s0, r->s1)) continue;
        add_unique(names, &n, MAX_NAMES, w->b->elements[h->element].name);
    }
    sort_by_text(w->b, names, n);
    return join(w->b, names, n, buf, size);
}

/* Ground somebody protects meeting `area`: the union of the clipped elements and overlaps
 * that meet it (*out NULL when none). Only those: a union of the whole corridor would cost more
 * than all the gaps of a border, and for a one-sided gap the area is the strip's own unit, so
 * the other side's elements away from the border are left out too. */
static int covered_in(guotu_context *ctx, pair_work *w, const GEOSGeometry *area, GEOSGeometry **out) {
    *out = NULL;
    if (!w->ncovered) return GUOTU_OK;
    const GEOSPreparedGeometry *prepared = GEOSPrepare_r(ctx->geos, area);
    GEOSGeometry **copies = malloc(w->ncovered * sizeof *copies);
    if (!prepared || !copies) {
        if (prepared) GEOSPreparedGeom_destroy_r(ctx->geos, prepared);
        free(copies);
        return gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
    }
    unsigned int n = 0;
    for (size_t i = 0; i < w->ncovered; i++)
        if (GEOSPreparedIntersects_r(ctx->geos, prepared, w->covered[i]) != 0) {
            copies[n] = GEOSGeom_clone_r(ctx->geos, w->covered[i]);
            if (copies[n]) n++;
        }
    GEOSPreparedGeom_destroy_r(ctx->geos, prepared);
    if (!n) {
        free(copies);
        return GUOTU_OK;
    }
    GEOSGeometry *all = GEOSGeom_createCollection_r(ctx->geos, GEOS_GEOMETRYCOLLECTION, copies, n);
    free(copies);
    if (!all) return gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
    *out = GEOSUnaryUnion_r(ctx->geos, all);
    GEOSGeom_destroy_r(ctx->geos, all);
    return *out ? GUOTU_OK : gt_fail_geos(ctx, GUOTU_ERR_GEOMETRY, "cannot union the elements along a gap");
}

/* The pieces of `piece` (polygonal) within snap of the border run; appended to kept[]. A
 * piece without width (thinner than LOOSE_M on average) is rounding noise where the strip's
 * edge runs along an element's, not a strip. */
static int keep_touching(guotu_context *ctx, pair_work *w, const GEOSGeometry *piece, const GEOSGeometry *line,
                         GEOSGeometry **kept, unsigned int *n, unsigned int cap) {
    int count = GEOSGetNumGeometries_r(ctx->geos, piece);
    for (int i = 0; i < count; i++) {
        const GEOSGeometry *p = GEOSGetGeometryN_r(ctx->geos, piece, i);
        double d = 0, area = 0, perimeter = 0;
        if (GEOSGeomTypeId_r(ctx->geos, p) != GEOS_POLYGON || GEOSArea_r(ctx->geos, p, &area) != 1 ||
            GEOSLength_r(ctx->geos, p, &perimeter) != 1 || 2 * area < LOOSE_M * perimeter ||
            GEOSDistance_r(ctx->geos, p, line, &d) != 1)
            continue;
        if (d > w->b->o.snap_m + 1e-9 || *n >= cap) continue;
        kept[*n] = GEOSGeom_clone_r(ctx->geos, p);
        if (!kept[*n]) return gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
        (*n)++;
    }
    return GUOTU_OK;
}

#define GAP_GRID_M 1e-4

/* The unprotected strip of a gap: the corridor along the run (flat ends) on the side(s)
 * without an element at the border, less what somebody protects, the pieces touching it. */
static int gap_area(guotu_context *ctx, pair_work *w, const GEOSGeometry *line, int side, GEOSGeometry **out,
                    double *area) {
    *out = NULL;
    *area = 0;
    GEOSGeometry *band =
        GEOSBufferWithStyle_r(ctx->geos, line, w->b->o.corridor_m, 8, GEOSBUF_CAP_FLAT, GEOSBUF_JOIN_ROUND, 5.0);
    if (!band) return gt_fail_geos(ctx, GUOTU_ERR_GEOMETRY, "cannot build a gap band");
    /* Both sides: what is protected anywhere in the band; one side: what meets its unit's strip. */
    GEOSGeometry *covered = NULL;
    int status = side == SIDE_BOTH ? covered_in(ctx, w, band, &covered) : GUOTU_OK;
    enum { CAP = 256 };
    GEOSGeometry *kept[CAP];
    unsigned int n = 0;
    for (int s = 0; !status && s < 2; s++) {
        if (side != s && side != SIDE_BOTH) continue;
        GEOSGeometry *in_unit = GEOSIntersection_r(ctx->geos, band, w->unit[s]->geom);
        if (in_unit && GEOSGeomTypeId_r(ctx->geos, in_unit) == GEOS_GEOMETRYCOLLECTION) {
            /* Lines and points where the band only touches the unit: the fixed-grid overlay
             * below refuses mixed dimensions, and only the strip's area counts. */
            GEOSGeometry *polygons = gt_polygonal_part(ctx, in_unit);
            GEOSGeom_destroy_r(ctx->geos, in_unit);
            if (!polygons) continue; /* the band has no area in this unit: no strip on this side */
            in_unit = polygons;
        }
        if (in_unit && side != SIDE_BOTH) status = covered_in(ctx, w, in_unit, &covered);
        /* On a 0.1 mm grid: coordinates through degrees and back differ by nanometres, and an
         * element's edge a nanometre off the band's would leave a sliver joining the strip beyond
         * the element to the one at the border. */
        GEOSGeometry *open = in_unit && covered ? GEOSDifferencePrec_r(ctx->geos, in_unit, covered, GAP_GRID_M)
                                                : (in_unit ? GEOSGeom_clone_r(ctx->geos, in_unit) : NULL);
        GEOSGeometry *poly = open ? gt_polygonal_part(ctx, open) : NULL;
        if (status)
            ;
        else if (!open)
            status = gt_fail_geos(ctx, GUOTU_ERR_GEOMETRY, "cannot compute a gap strip");
        else if (poly)
            status = keep_touching(ctx, w, poly, line, kept, &n, CAP);
        GEOSGeometry *tmp[3] = {in_unit, open, poly};
        for (int k = 0; k < 3; k++)
            if (tmp[k]) GEOSGeom_destroy_r(ctx->geos, tmp[k]);
    }
    GEOSGeom_destroy_r(ctx->geos, band);
    if (covered) GEOSGeom_destroy_r(ctx->geos, covered);
    if (status || !n) {
        for (unsigned int k = 0; k < n; k++)
            GEOSGeom_destroy_r(ctx->geos, kept[k]);
        return status;
    }
    *out = n == 1 ? kept[0] : GEOSGeom_createCollection_r(ctx->geos, GEOS_MULTIPOLYGON, kept, n);
    if (!*out) return gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
    return gt_area_of_geom(ctx, w->b->calc, *out, area);
}

static int flush(guotu_context *ctx, pair_work *w, run *r) {
    if (!r->open) return GUOTU_OK;
    r->open = 0;
    guotu_border *b = w->b;
    guotu_border_pair *row = w->row;
    double length = r->s1 - r->s0;
    const run_key *k = &r->key;
    double *lengths[] = {&row->overlap_m, &row->coordinated_m,   &row->mismatch_m,
                         &row->gap_m,     &row->discontinuity_m, &row->none_m};
    *lengths[k->status] += length;
    GEOSGeometry *line = border_substring(ctx, &w->line, r->part, r->s0, r->s1);
    if (!line) return gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
    char cats[2][512], names[2][1024];
    for (int s = 0; s < 2; s++) {
        join(b, k->cat[s], k->ncat[s], cats[s], sizeof cats[s]);
        int facing = k->status == ST_GAP && !k->ncat[s];
        names_of(w, r, s, facing, names[s], sizeof names[s]);
    }
    int status = GUOTU_OK;
    int64_t conflict_id = -1;
    int is_conflict = k->status == ST_GAP || k->status == ST_DISCONTINUITY || k->status == ST_MISMATCH;
    if (is_conflict && length >= b->o.min_length_m) {
        guotu_border_conflict c;
        memset(&c, 0, sizeof c);
        c.kind = status_names[k->status];
        c.detail = k->status == ST_GAP ? (k->side == SIDE_BOTH ? "both_sides" : "one_side") : "";
        c.admin_a = w->unit[0]->id;
        c.admin_b = w->unit[1]->id;
        c.side = k->side == 0 || k->side == 1 ? w->unit[k->side]->id : "";
        c.categories_a = cats[0];
        c.categories_b = cats[1];
        c.names_a = names[0];
        c.names_b = names[1];
        c.fid_a = c.fid_b = -1;
        c.length_m = length;
        GEOSGeometry *strip = NULL;
        if (k->status == ST_GAP) status = gap_area(ctx, w, line, k->side, &strip, &c.area_m2);
        if (!status) status = pair_emit_conflict(ctx, w, &c, line, strip);
        row->gap_area_m2 += c.area_m2;
        conflict_id = c.id;
        if (strip) GEOSGeom_destroy_r(ctx->geos, strip);
    }
    if (!status && b->cb.segment) {
        guotu_border_segment seg = {w->unit[0]->id,
                                    w->unit[1]->id,
                                    status_names[k->status],
                                    cats[0],
                                    cats[1],
                                    names[0],
                                    names[1],
                                    length,
                                    conflict_id,
                                    NULL,
                                    0};
        unsigned char *wkb = GEOSWKBWriter_write_r(ctx->geos, b->writer, line, &seg.wkb_size);
        seg.wkb = wkb;
        if (!wkb)
            status = gt_fail_geos(ctx, GUOTU_ERR_GEOMETRY, "cannot write WKB");
        else if (b->cb.segment(&seg, b->user))
            status = gt_fail(ctx, GUOTU_ERR_CANCELLED, "stopped by the segment callback");
        if (wkb) GEOSFree_r(ctx->geos, wkb);
    }
    GEOSGeom_destroy_r(ctx->geos, line);
    return status;
}

static int compare_double(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

/* Every place along `part` where something starts or stops. */
static double *breakpoints(const pair_work *w, int part, size_t *count) {
    size_t cap = 2 + 2 * w->over.n;
    for (size_t i = 0; i < w->nhits; i++)
        cap += 2 * (w->hits[i].at.n + w->hits[i].face.n);
    double *v = malloc(cap * sizeof *v);
    if (!v) return NULL;
    size_t n = 0;
    v[n++] = 0;
    v[n++] = w->line.cum[part][w->line.npts[part] - 1];
    const gt_ivals *sets[2];
    for (size_t i = 0; i <= w->nhits; i++) {
        int nsets = 0;
        if (i == w->nhits)
            sets[nsets++] = &w->over;
        else {
            sets[nsets++] = &w->hits[i].at;
            sets[nsets++] = &w->hits[i].face;
        }
        for (int s = 0; s < nsets; s++)
            for (size_t j = 0; j < sets[s]->n; j++)
                if (sets[s]->v[j].part == part) {
                    v[n++] = sets[s]->v[j].s0;
                    v[n++] = sets[s]->v[j].s1;
                }
    }
    qsort(v, n, sizeof *v, compare_double);
    *count = n;
    return v;
}

static int part_runs(guotu_context *ctx, pair_work *w, int part) {
    size_t n = 0;
    double *v = breakpoints(w, part, &n);
    if (!v) return gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
    run r;
    memset(&r, 0, sizeof r);
    int status = GUOTU_OK;
    for (size_t i = 0; !status && i + 1 < n; i++) {
        double u = v[i], x = v[i + 1];
        if (x - u < GT_IVAL_NOISE_M) {
            /* Noise between two ends that are one place: part of the run going on. */
            if (r.open) r.s1 = x;
            continue;
        }
        run_key k;
        classify(w, part, 0.5 * (u + x), &k);
        if (r.open && same_key(&r.key, &k)) {
            r.s1 = x;
            continue;
        }
        status = flush(ctx, w, &r);
        r = (run){1, part, u, x, k};
    }
    if (!status) status = flush(ctx, w, &r);
    free(v);
    return status;
}

static int overlap_area(guotu_context *ctx, pair_work *w) {
    if (!w->noverlaps) return GUOTU_OK;
    GEOSGeometry **copies = malloc(w->noverlaps * sizeof *copies);
    if (!copies) return gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
    unsigned int n = 0;
    for (size_t i = 0; i < w->noverlaps; i++) {
        copies[n] = GEOSGeom_clone_r(ctx->geos, w->overlaps[i]);
        if (copies[n]) n++;
    }
    GEOSGeometry *all = GEOSGeom_createCollection_r(ctx->geos, GEOS_GEOMETRYCOLLECTION, copies, n);
    free(copies);
    GEOSGeometry *u = all ? GEOSUnaryUnion_r(ctx->geos, all) : NULL;
    if (all) GEOSGeom_destroy_r(ctx->geos, all);
    if (!u) return gt_fail_geos(ctx, GUOTU_ERR_GEOMETRY, "cannot union the overlaps of a border");
    int status = gt_area_of_geom(ctx, w->b->calc, u, &w->row->overlap_area_m2);
    GEOSGeom_destroy_r(ctx->geos, u);
    return status;
}

int pair_report_runs(guotu_context *ctx, pair_work *w) {
    int status = GUOTU_OK;
    for (int p = 0; !status && p < w->line.nparts; p++)
        status = part_runs(ctx, w, p);
    if (!status) status = overlap_area(ctx, w);
    guotu_border_pair *row = w->row;
    const guotu_border_options *o = &w->b->o;
    row->weighted_conflict_m = o->weight_overlap * row->overlap_m + o->weight_mismatch * row->mismatch_m +
                               o->weight_gap * row->gap_m + o->weight_discontinuity * row->discontinuity_m;
    double faced = row->border_m - row->none_m;
    row->score = faced > 1e-9 ? 100.0 * row->weighted_conflict_m / faced : 0;
    return status;
}
