/* border_pair.c — one adjacent pair: its shared border, the base map between the two
 * units, the elements of both sides in the corridor and the overlaps (see guotu_border.h
 * for the definitions; the statuses along the border are in border_runs.c). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "area.h"
#include "border_pair.h"
#include "polygon_input.h"

/* 1 when g and h share no area as the direct clip tells without GEOS's overlay (polygon_clip.h):
 * they lie apart, or touch only along exactly shared vertices and edges — coverage neighbours,
 * such as the elements on either side of a border drawn on the same parcel boundaries. 0 when
 * the clip cannot tell or they share area: the caller's overlay then decides as it always did,
 * so the answer is the overlay's either way. -1 when out of memory. */
static int share_no_area(guotu_context *ctx, guotu_border *b, const GEOSGeometry *g, const GEOSGeometry *h) {
    GEOSGeometry *x = NULL;
    int answered = gt_direct_overlap(ctx, &b->direct, g, h, &x);
    if (x) GEOSGeom_destroy_r(ctx->geos, x);
    return answered < 0 ? -1 : answered == 1 && !x;
}

/* ---- the base map ---- */

static int admin_overlap(guotu_context *ctx, pair_work *w) {
    guotu_border *b = w->b;
    border_admin *a = w->unit[0], *u = w->unit[1];
    int apart = share_no_area(ctx, b, a->geom, u->geom);
    if (apart < 0) return gt_fail_geos(ctx, GUOTU_ERR_GEOMETRY, "cannot overlay admin units %s and %s", a->id, u->id);
    w->units_apart = apart;
    if (apart) return GUOTU_OK;
    GEOSGeometry *both = GEOSIntersection_r(ctx->geos, a->geom, u->geom);
    if (!both) return gt_fail_geos(ctx, GUOTU_ERR_GEOMETRY, "cannot overlay admin units %s and %s", a->id, u->id);
    GEOSGeometry *poly = gt_polygonal_part(ctx, both);
    GEOSGeom_destroy_r(ctx->geos, both);
    w->units_apart = !poly;
    double area = 0;
    int status = poly ? gt_area_of_geom(ctx, b->calc, poly, &area) : GUOTU_OK;
    if (!status && poly && area >= b->o.basemap_min_m2 && area > 0) {
        w->row->admin_overlap_m2 = area;
        char zh[320], en[320];
        gt_textf(zh, sizeof zh, "行政区 %s 与 %s 重叠 %.2f 平方米（底图问题）", a->id, u->id, area);
        gt_textf(en, sizeof en, "admin units %s and %s overlap by %.2f m² (base map)", a->id, u->id, area);
        guotu_border_issue issue = {"admin_overlap", a->id, u->id, -1, "", area, zh, en, NULL, 0};
        status = border_emit_issue(ctx, b, &issue, poly);
    }
    if (poly) GEOSGeom_destroy_r(ctx->geos, poly);
    return status;
}

/* Vertices of the rings of `g` (Polygon or MultiPolygon) as a callback; stops at non-zero. */
static int each_vertex(guotu_context *ctx, const GEOSGeometry *g, int (*fn)(double x, double y, void *user),
                       void *user) {
    int type = GEOSGeomTypeId_r(ctx->geos, g);
    if (type == GEOS_MULTIPOLYGON || type == GEOS_GEOMETRYCOLLECTION) {
        int n = GEOSGetNumGeometries_r(ctx->geos, g);
        for (int i = 0; i < n; i++) {
            int stop = each_vertex(ctx, GEOSGetGeometryN_r(ctx->geos, g, i), fn, user);
            if (stop) return stop;
        }
        return 0;
    }
    if (type != GEOS_POLYGON) return 0;
    int holes = GEOSGetNumInteriorRings_r(ctx->geos, g);
    for (int r = -1; r < holes; r++) {
        const GEOSGeometry *ring =
            r < 0 ? GEOSGetExteriorRing_r(ctx->geos, g) : GEOSGetInteriorRingN_r(ctx->geos, g, r);
        const GEOSCoordSequence *seq = ring ? GEOSGeom_getCoordSeq_r(ctx->geos, ring) : NULL;
        unsigned int n = 0;
        if (!seq || !GEOSCoordSeq_getSize_r(ctx->geos, seq, &n)) return -1;
        for (unsigned int k = 0; k < n; k++) {
            double x, y;
            GEOSCoordSeq_getXY_r(ctx->geos, seq, k, &x, &y);
            int stop = fn(x, y, user);
            if (stop) return stop;
        }
    }
    return 0;
}

typedef struct coincide_check {
    guotu_context *ctx;
    const border_line *line;
    double snap, x0, y0, x1, y1;
} coincide_check;

/* A vertex of B's boundary within snap of the border but not on it: the boundaries part. */
static int parts_from_border(double x, double y, void *user) {
    coincide_check *c = user;
    if (x < c->x0 || x > c->x1 || y < c->y0 || y > c->y1) return 0;
    double d = 0;
    if (border_distance(c->ctx, c->line, x, y, c->snap, &d)) return -1;
    return d <= c->snap && d > 1e-6;
}

/* 1 when B's boundary runs exactly along the shared border: every vertex of the border is
 * on B's boundary and every vertex of B's boundary near the border is on the border. A gap
 * between the two needs their boundaries to part at some vertex, so then there is none and
 * its overlays can be skipped (most base maps share their vertices). */
static int borders_coincide(guotu_context *ctx, pair_work *w) {
    const GEOSGeometry *boundary = border_admin_boundary(ctx, w->b, w->unit[1]);
    const GEOSPreparedGeometry *prepared = boundary ? GEOSPrepare_r(ctx->geos, boundary) : NULL;
    if (!prepared) return 0;
    int same = 1;
    for (int p = 0; same && p < w->line.nparts; p++)
        for (size_t k = 0; same && k < w->line.npts[p]; k++) {
            GEOSGeometry *pt = GEOSGeom_createPointFromXY_r(ctx->geos, w->line.xy[p][2 * k], w->line.xy[p][2 * k + 1]);
            double d = 1;
            same = pt && GEOSPreparedDistance_r(ctx->geos, prepared, pt, &d) == 1 && d <= 1e-6;
            if (pt) GEOSGeom_destroy_r(ctx->geos, pt);
        }
    GEOSPreparedGeom_destroy_r(ctx->geos, prepared);
    if (!same) return 0;
    coincide_check c = {ctx, &w->line, w->b->o.snap_m, 0, 0, 0, 0};
    GEOSGeom_getXMin_r(ctx->geos, w->line.geom, &c.x0);
    GEOSGeom_getYMin_r(ctx->geos, w->line.geom, &c.y0);
    GEOSGeom_getXMax_r(ctx->geos, w->line.geom, &c.x1);
    GEOSGeom_getYMax_r(ctx->geos, w->line.geom, &c.y1);
    c.x0 -= c.snap;
    c.y0 -= c.snap;
    c.x1 += c.snap;
    c.y1 += c.snap;
    return each_vertex(ctx, w->unit[1]->geom, parts_from_border, &c) == 0;
}

/* The pieces of a (Multi)Polygon longer than `length` across (envelope side): a sliver
 * between neighbours runs along their border, while a piece no longer than the corner
 * contacts that do not make neighbours (with room for sharp angles) is the lens where
 * two boundaries part. */
static GEOSGeometry *long_pieces(guotu_context *ctx, const GEOSGeometry *g, double length) {
    int n = GEOSGetNumGeometries_r(ctx->geos, g);
    GEOSGeometry **kept = malloc((size_t)(n > 0 ? n : 1) * sizeof *kept);
    if (!kept) return NULL;
    unsigned int m = 0;
    for (int i = 0; i < n; i++) {
        const GEOSGeometry *p = GEOSGetGeometryN_r(ctx->geos, g, i);
        double x0, y0, x1, y1;
        if (GEOSGeom_getXMin_r(ctx->geos, p, &x0) != 1 || GEOSGeom_getYMin_r(ctx->geos, p, &y0) != 1 ||
            GEOSGeom_getXMax_r(ctx->geos, p, &x1) != 1 || GEOSGeom_getYMax_r(ctx->geos, p, &y1) != 1)
            continue;
        if (x1 - x0 <= length && y1 - y0 <= length) continue;
        kept[m] = GEOSGeom_clone_r(ctx->geos, p);
        if (kept[m]) m++;
    }
    GEOSGeometry *out = m ? GEOSGeom_createCollection_r(ctx->geos, GEOS_MULTIPOLYGON, kept, m) : NULL;
    free(kept);
    return out;
}

/* Ground within snap of both units and alongside their shared border (a band with flat
 * ends: the lens where two boundaries part, at the edge of the map, lies beyond the ends),
 * covered by no admin unit. */
static int admin_gap(guotu_context *ctx, pair_work *w) {
    guotu_border *b = w->b;
    border_admin *a = w->unit[0], *u = w->unit[1];
    const GEOSGeometry *ga = border_admin_grown(ctx, b, a), *gu = border_admin_grown(ctx, b, u);
    if (!ga || !gu) return gt_fail_geos(ctx, GUOTU_ERR_GEOMETRY, "cannot grow admin units %s and %s", a->id, u->id);
    GEOSGeometry *band =
        GEOSBufferWithStyle_r(ctx->geos, w->line.geom, b->o.snap_m, 8, GEOSBUF_CAP_FLAT, GEOSBUF_JOIN_ROUND, 5.0);
    /* The thin band first: overlays clip the big grown units to its neighbourhood. */
    GEOSGeometry *near = band ? GEOSIntersection_r(ctx->geos, band, ga) : NULL;
    GEOSGeometry *region = near ? GEOSIntersection_r(ctx->geos, near, gu) : NULL;
    if (band) GEOSGeom_destroy_r(ctx->geos, band);
    if (near) GEOSGeom_destroy_r(ctx->geos, near);
    for (size_t k = 0; region && k < b->admin_count; k++) {
        if (GEOSisEmpty_r(ctx->geos, region) == 1) break;
        /* A predicate that fails (2) is not read as "no": the overlay decides, or fails with a message. */
        if (GEOSPreparedIntersects_r(ctx->geos, b->admins[k].prepared, region) == 0) continue;
        GEOSGeometry *less = GEOSDifference_r(ctx->geos, region, b->admins[k].geom);
        GEOSGeom_destroy_r(ctx->geos, region);
        region = less;
    }
    if (!region)
        return gt_fail_geos(ctx, GUOTU_ERR_GEOMETRY, "cannot find gaps between admin units %s and %s", a->id, u->id);
    GEOSGeometry *all = gt_polygonal_part(ctx, region);
    GEOSGeom_destroy_r(ctx->geos, region);
    GEOSGeometry *poly = all ? long_pieces(ctx, all, 10 * b->o.snap_m) : NULL;
    if (all) GEOSGeom_destroy_r(ctx->geos, all);
    double area = 0;
    int status = poly ? gt_area_of_geom(ctx, b->calc, poly, &area) : GUOTU_OK;
    if (!status && poly && area >= b->o.basemap_min_m2 && area > 0) {
        w->row->admin_gap_m2 = area;
        char zh[320], en[320];
        gt_textf(zh, sizeof zh, "行政区 %s 与 %s 之间有 %.2f 平方米的缝隙（底图问题，容差 %.2f 米）", a->id, u->id,
                 area, b->o.snap_m);
        gt_textf(en, sizeof en, "a gap of %.2f m² lies between admin units %s and %s (base map, tolerance %.2f m)",
                 area, a->id, u->id, b->o.snap_m);
        guotu_border_issue issue = {"admin_gap", a->id, u->id, -1, "", area, zh, en, NULL, 0};
        status = border_emit_issue(ctx, b, &issue, poly);
    }
    if (poly) GEOSGeom_destroy_r(ctx->geos, poly);
    return status;
}

/* ---- elements ---- */

typedef struct found {
    size_t *items;
    size_t count, cap;
    int oom;
} found;

static void collect_element(void *item, void *user) {
    found *f = user;
    if (gt_reserve(&f->items, &f->cap, f->count + 1, sizeof *f->items, 64)) {
        f->oom = 1;
        return;
    }
    f->items[f->count++] = (size_t)(intptr_t)item - 1;
}

static int compare_size(const void *a, const void *b) {
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    return x < y ? -1 : x > y;
}

/* Elements of unit `side` whose geometry meets the corridor, in input order. */
static int corridor_elements(guotu_context *ctx, pair_work *w, int side, found *f) {
    f->count = 0;
    GEOSSTRtree *tree = w->unit[side]->elements;
    if (!tree) return GUOTU_OK;
    GEOSGeometry *env = GEOSEnvelope_r(ctx->geos, w->corridor);
    if (!env) return gt_fail_geos(ctx, GUOTU_ERR_GEOMETRY, "cannot bound a corridor");
    GEOSSTRtree_query_r(ctx->geos, tree, env, collect_element, f);
    GEOSGeom_destroy_r(ctx->geos, env);
    if (f->oom) return gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
    if (f->count > 1) qsort(f->items, f->count, sizeof *f->items, compare_size);
    size_t m = 0;
    for (size_t k = 0; k < f->count; k++)
        if (GEOSPreparedIntersects_r(ctx->geos, w->prep_corridor, w->b->elements[f->items[k]].geom) != 0)
            f->items[m++] = f->items[k];
    f->count = m;
    return GUOTU_OK;
}

/* Keeps the hit, which takes over its intervals (freed here when it cannot be kept). */
static int add_hit(pair_work *w, border_hit *h) {
    if (gt_reserve(&w->hits, &w->hit_cap, w->nhits + 1, sizeof *w->hits, 64)) {
        gt_ivals_free(&h->face);
        gt_ivals_free(&h->at);
        return 1;
    }
    w->hits[w->nhits++] = *h;
    return 0;
}

/* The polygonal part of a ∩ b (NULL when none) and its area. */
static int overlay_area(guotu_context *ctx, pair_work *w, const GEOSGeometry *a, const GEOSGeometry *b,
                        GEOSGeometry **out, double *area) {
    *out = NULL;
    *area = 0;
    GEOSGeometry *x = GEOSIntersection_r(ctx->geos, a, b);
    if (!x) return gt_fail_geos(ctx, GUOTU_ERR_GEOMETRY, "cannot overlay two geometries");
    *out = gt_polygonal_part(ctx, x);
    GEOSGeom_destroy_r(ctx->geos, x);
    return *out ? gt_area_of_geom(ctx, w->b->calc, *out, area) : GUOTU_OK;
}

static const char *text(const guotu_border *b, int32_t index) { return b->strings.strings[index]; }

/* An overlap conflict: `x` (owned from here) is the overlap of element ea of side 0 / eb
 * of side 1 (either may be absent for a crossing: SIZE_MAX). */
static int report_overlap(guotu_context *ctx, pair_work *w, GEOSGeometry *x, double area, const char *detail, size_t ea,
                          size_t eb, int crossing_side) {
    guotu_border *b = w->b;
    gt_ivals faced = {0};
    int status = border_shadow(ctx, &w->line, x, &faced) ? gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory") : GUOTU_OK;
    gt_ivals_normalize(&faced);
    for (size_t i = 0; !status && i < faced.n; i++)
        if (gt_ivals_add(&w->over, faced.v[i].part, faced.v[i].s0, faced.v[i].s1))
            status = gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
    GEOSGeometry *line = status ? NULL : pair_lines_of(ctx, w, &faced);
    const border_element *a = ea != SIZE_MAX ? &b->elements[ea] : NULL, *u = eb != SIZE_MAX ? &b->elements[eb] : NULL;
    guotu_border_conflict c;
    memset(&c, 0, sizeof c);
    c.kind = "overlap";
    c.detail = detail;
    c.admin_a = w->unit[0]->id;
    c.admin_b = w->unit[1]->id;
    c.side = crossing_side >= 0 ? w->unit[crossing_side]->id : "";
    c.categories_a = a ? text(b, a->category) : "";
    c.categories_b = u ? text(b, u->category) : "";
    c.names_a = a ? text(b, a->name) : "";
    c.names_b = u ? text(b, u->name) : "";
    c.fid_a = a ? a->fid : -1;
    c.fid_b = u ? u->fid : -1;
    c.length_m = gt_ivals_length(&faced);
    c.area_m2 = area;
    if (!status) status = pair_emit_conflict(ctx, w, &c, line, x);
    if (line) GEOSGeom_destroy_r(ctx->geos, line);
    gt_ivals_free(&faced);
    if (pair_keep(ctx, w, x, 1) && !status) status = gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
    return status;
}

/* Each side's part of the corridor and of the reach band (the band less the other unit), made
 * when an element first needs them: elements with no area in the other unit are clipped to the
 * whole bands, which is the same ground. */
static int side_bands(guotu_context *ctx, pair_work *w, int s) {
    if (w->prep_side_corridor[s]) return GUOTU_OK;
    w->side_corridor[s] = GEOSDifference_r(ctx->geos, w->corridor, w->unit[1 - s]->geom);
    w->side_reach[s] = w->side_corridor[s] ? GEOSDifference_r(ctx->geos, w->reach, w->unit[1 - s]->geom) : NULL;
    const GEOSPreparedGeometry *corridor = w->side_reach[s] ? GEOSPrepare_r(ctx->geos, w->side_corridor[s]) : NULL;
    if (corridor) w->prep_side_reach[s] = GEOSPrepare_r(ctx->geos, w->side_reach[s]);
    if (!w->prep_side_reach[s]) {
        if (corridor) GEOSPreparedGeom_destroy_r(ctx->geos, corridor);
        return gt_fail_geos(ctx, GUOTU_ERR_GEOMETRY, "cannot build the corridor in admin unit %s", w->unit[s]->id);
    }
    w->prep_side_corridor[s] = corridor;
    border_local_init(&w->local_corridor[s], w->side_corridor[s]);
    border_local_init(&w->local_reach[s], w->side_reach[s]);
    return GUOTU_OK;
}

/* The corridor less the other unit shrunk by a hair, made when an element first needs it.
 * The negative buffer is of the whole other unit, which meets each of its neighbours: it is
 * made once per unit and kept with it (not once per pair and side). */
static int side_loose(guotu_context *ctx, pair_work *w, int s) {
    if (w->prep_side_loose[s]) return GUOTU_OK;
    border_admin *other = w->unit[1 - s];
    if (!other->shrunk) other->shrunk = GEOSBuffer_r(ctx->geos, other->geom, -LOOSE_M, 8);
    w->side_loose[s] = other->shrunk ? GEOSDifference_r(ctx->geos, w->corridor, other->shrunk) : NULL;
    if (w->side_loose[s]) w->prep_side_loose[s] = GEOSPrepare_r(ctx->geos, w->side_loose[s]);
    return w->prep_side_loose[s] ? GUOTU_OK : gt_fail_geos(ctx, GUOTU_ERR_GEOMETRY, "cannot build a corridor");
}

/* One element of `side` in the corridor: its crossing into the other unit, and where it
 * faces and reaches the border. */
static int scan_element(guotu_context *ctx, pair_work *w, int side, size_t index) {
    guotu_border *b = w->b;
    border_element *e = &b->elements[index];
    border_admin *other = w->unit[1 - side];
    e->compared = 1;
    int status = GUOTU_OK, crossing = 0;
    /* Most elements lie properly inside their own unit: no overlay needed to know they do
     * not cross (ContainsProperly is fully prepared; Intersects is true for those that only
     * touch the border, so it cannot tell). Most of the others are drawn on the border's own
     * vertices and only touch the other unit, which the direct clip tells; the rest are
     * tested against the corridor less the other unit shrunk by a hair, then overlaid. */
    int inside = GEOSPreparedContainsProperly_r(ctx->geos, w->unit[side]->prepared, e->geom) == 1;
    /* `clean`: no area in the other unit (inside its own unit when the units share no area, or
     * told by the direct clip). Its part of the corridor (or of the reach band) on its own side
     * is then its part of the whole corridor (band), which the direct clip traces where the
     * boundaries cross cleanly — the corridor's edge 200 m out, the band's 5 m out. */
    int clean = inside && w->units_apart;
    /* Elements not drawn on the border's vertices (clipped to a unit with their own points)
     * leave the direct clip to GEOS: after a few such, the pair stops asking it. */
    if (!clean && (w->direct_tries < 32 || 2 * w->direct_misses < w->direct_tries)) {
        clean = share_no_area(ctx, b, e->geom, other->geom);
        if (clean < 0)
            return gt_fail_geos(ctx, GUOTU_ERR_GEOMETRY, "cannot compare element %lld with admin unit %s",
                                (long long)e->fid, other->id);
        w->direct_tries++;
        w->direct_misses += !clean;
    }
    inside = inside || clean;
    if (!inside) {
        status = side_loose(ctx, w, side);
        if (status) return status;
        inside = GEOSPreparedContainsProperly_r(ctx->geos, w->prep_side_loose[side], e->geom) == 1;
    }
    if (!inside && GEOSPreparedIntersects_r(ctx->geos, other->prepared, e->geom) == 1) {
        GEOSGeometry *x = NULL;
        double area = 0;
        status = overlay_area(ctx, w, e->geom, other->geom, &x, &area);
        crossing = x != NULL;
        if (!status && x && area >= b->o.min_area_m2 && area > 0)
            status = report_overlap(ctx, w, x, area, "crossing", side == 0 ? index : SIZE_MAX,
                                    side == 1 ? index : SIZE_MAX, side);
        else if (!status && x && pair_keep(ctx, w, x, 0))
            /* Too small to report, but still ground the element claims: a gap strip in the
             * other unit is what nobody protects, so it is less this part too. */
            status = gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
        else if (status && x)
            GEOSGeom_destroy_r(ctx->geos, x);
        if (status) return status;
    }
    GEOSGeometry *clip = NULL;
    int answered = 0;
    /* Inside the corridor and not into the other unit: the element is its own side part
     * (ContainsProperly is fully prepared, Contains is not for elements on the border). */
    if (!crossing && GEOSPreparedContainsProperly_r(ctx->geos, w->prep_corridor, e->geom) == 1) {
        clip = GEOSGeom_clone_r(ctx->geos, e->geom);
        if (!clip) return gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
        answered = 1;
    } else if (clean) {
        const GEOSGeometry *ground = border_local_part(ctx, &w->local_corridor_all, e->geom);
        answered = ground ? gt_direct_overlap(ctx, &b->direct, e->geom, ground, &clip) : -1;
        if (answered < 0)
            return gt_fail_geos(ctx, GUOTU_ERR_GEOMETRY, "cannot clip element %lld to a corridor", (long long)e->fid);
    }
    if (!answered && (status = side_bands(ctx, w, side)) != GUOTU_OK) return status;
    if (answered) {
        /* done: a clean element, or the element itself */
    } else if (GEOSPreparedContains_r(ctx->geos, w->prep_side_corridor[side], e->geom) == 1) {
        clip = GEOSGeom_clone_r(ctx->geos, e->geom);
        if (!clip) return gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
        clean = 1; /* within the side corridor: nothing in the other unit */
    } else {
        const GEOSGeometry *ground = border_local_part(ctx, &w->local_corridor[side], e->geom);
        GEOSGeometry *x = ground ? GEOSIntersection_r(ctx->geos, e->geom, ground) : NULL;
        if (!x)
            return gt_fail_geos(ctx, GUOTU_ERR_GEOMETRY, "cannot clip element %lld to a corridor", (long long)e->fid);
        clip = gt_polygonal_part(ctx, x);
        GEOSGeom_destroy_r(ctx->geos, x);
        clean = 1; /* a part of the side corridor: nothing in the other unit */
    }
    if (!clip) return GUOTU_OK;
    /* A clip with no area in the other unit meets its side's reach band where it meets the
     * whole band (the rest of the band lies in the other unit); the direct clip traces it. */
    GEOSGeometry *near = NULL;
    answered = 0;
    if (clean && GEOSPreparedIntersects_r(ctx->geos, w->prep_reach, clip) == 1) {
        const GEOSGeometry *ground = border_local_part(ctx, &w->local_reach_all, clip);
        answered = ground ? gt_direct_overlap(ctx, &b->direct, clip, ground, &near) : -1;
    } else if (clean) {
        answered = 1; /* apart from the band */
    }
    if (answered <= 0) status = side_bands(ctx, w, side);
    if (!status && !answered && GEOSPreparedIntersects_r(ctx->geos, w->prep_side_reach[side], clip) == 1) {
        const GEOSGeometry *ground = border_local_part(ctx, &w->local_reach[side], clip);
        GEOSGeometry *x = ground ? GEOSIntersection_r(ctx->geos, clip, ground) : NULL;
        near = x ? gt_polygonal_part(ctx, x) : NULL;
        if (x)
            GEOSGeom_destroy_r(ctx->geos, x);
        else
            answered = -1;
    }
    if (!status && answered < 0)
        status = gt_fail_geos(ctx, GUOTU_ERR_GEOMETRY, "cannot clip element %lld to the reach of a border",
                              (long long)e->fid);
    if (status) {
        if (near) GEOSGeom_destroy_r(ctx->geos, near);
        GEOSGeom_destroy_r(ctx->geos, clip);
        return status;
    }
    border_hit h;
    memset(&h, 0, sizeof h);
    h.element = index;
    h.side = side;
    int failed = border_shadow(ctx, &w->line, clip, &h.face);
    if (near) {
        if (!failed) failed = border_shadow(ctx, &w->line, near, &h.at);
        GEOSGeom_destroy_r(ctx->geos, near);
    }
    gt_ivals_normalize(&h.face);
    gt_ivals_normalize(&h.at);
    if (!failed && h.face.n)
        failed = add_hit(w, &h);
    else {
        gt_ivals_free(&h.face);
        gt_ivals_free(&h.at);
    }
    if (failed) {
        GEOSGeom_destroy_r(ctx->geos, clip);
        return gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory comparing element %lld", (long long)e->fid);
    }
    return pair_keep(ctx, w, clip, 0) ? gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory") : GUOTU_OK;
}

/* Elements of the two sides covering the same ground. */
static int double_claims(guotu_context *ctx, pair_work *w, const found *of_a) {
    guotu_border *b = w->b;
    GEOSSTRtree *tree_b = w->unit[1]->elements;
    if (!tree_b) return GUOTU_OK;
    found f = {NULL, 0, 0, 0};
    int status = GUOTU_OK;
    for (size_t k = 0; !status && k < of_a->count; k++) {
        const border_element *e = &b->elements[of_a->items[k]];
        f.count = 0;
        GEOSSTRtree_query_r(ctx->geos, tree_b, e->geom, collect_element, &f);
        if (f.oom) status = gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
        if (f.count > 1) qsort(f.items, f.count, sizeof *f.items, compare_size);
        const GEOSPreparedGeometry *prepared = f.count ? GEOSPrepare_r(ctx->geos, e->geom) : NULL;
        for (size_t j = 0; !status && prepared && j < f.count; j++) {
            const border_element *u = &b->elements[f.items[j]];
            if (GEOSPreparedIntersects_r(ctx->geos, prepared, u->geom) == 0) continue;
            /* The two sides' parcels along a border drawn on their boundaries only touch. */
            int apart = share_no_area(ctx, b, e->geom, u->geom);
            if (apart < 0) {
                status = gt_fail_geos(ctx, GUOTU_ERR_GEOMETRY, "cannot compare elements %lld and %lld",
                                      (long long)e->fid, (long long)u->fid);
                break;
            }
            if (apart) continue;
            GEOSGeometry *x = NULL;
            double area = 0;
            status = overlay_area(ctx, w, e->geom, u->geom, &x, &area);
            if (!status && x && area >= b->o.min_area_m2 && area > 0)
                status = report_overlap(ctx, w, x, area, "double_claim", of_a->items[k], f.items[j], -1);
            else if (x)
                GEOSGeom_destroy_r(ctx->geos, x);
        }
        if (prepared) GEOSPreparedGeom_destroy_r(ctx->geos, prepared);
    }
    free(f.items);
    return status;
}

/* ---- the pair ---- */

static int add_pair_row(guotu_context *ctx, pair_work *w, size_t a, size_t u) {
    guotu_border *b = w->b;
    if (gt_reserve(&b->pairs, &b->pair_cap, b->pair_count + 1, sizeof *b->pairs, 64))
        return gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
    border_pair_row *r = &b->pairs[b->pair_count++];
    memset(r, 0, sizeof *r);
    r->a = a;
    r->b = u;
    r->row.admin_a = w->unit[0]->id;
    r->row.admin_b = w->unit[1]->id;
    r->row.name_a = w->unit[0]->name;
    r->row.name_b = w->unit[1]->name;
    r->row.border_m = w->line.length;
    w->row = &r->row;
    return GUOTU_OK;
}

/* The corridor and reach bands along the border and each side's part of them: the band
 * less the other unit. */
static int make_bands(guotu_context *ctx, pair_work *w) {
    const guotu_border_options *o = &w->b->o;
    w->corridor = GEOSBuffer_r(ctx->geos, w->line.geom, o->corridor_m, 8);
    w->reach = GEOSBuffer_r(ctx->geos, w->line.geom, o->reach_m > 0 ? o->reach_m : 1e-6, 8);
    w->prep_corridor = w->corridor ? GEOSPrepare_r(ctx->geos, w->corridor) : NULL;
    w->prep_reach = w->reach ? GEOSPrepare_r(ctx->geos, w->reach) : NULL;
    if (!w->prep_corridor || !w->prep_reach) return gt_fail_geos(ctx, GUOTU_ERR_GEOMETRY, "cannot build a corridor");
    border_local_init(&w->local_corridor_all, w->corridor);
    border_local_init(&w->local_reach_all, w->reach);
    return GUOTU_OK;
}

static void free_work(guotu_context *ctx, pair_work *w) {
    border_line_free(ctx, &w->line);
    border_local_free(ctx, &w->local_corridor_all);
    border_local_free(ctx, &w->local_reach_all);
    for (int s = 0; s < 2; s++) {
        border_local_free(ctx, &w->local_corridor[s]);
        border_local_free(ctx, &w->local_reach[s]);
        if (w->prep_side_loose[s]) GEOSPreparedGeom_destroy_r(ctx->geos, w->prep_side_loose[s]);
        if (w->side_loose[s]) GEOSGeom_destroy_r(ctx->geos, w->side_loose[s]);
        if (w->prep_side_corridor[s]) GEOSPreparedGeom_destroy_r(ctx->geos, w->prep_side_corridor[s]);
        if (w->prep_side_reach[s]) GEOSPreparedGeom_destroy_r(ctx->geos, w->prep_side_reach[s]);
        if (w->side_corridor[s]) GEOSGeom_destroy_r(ctx->geos, w->side_corridor[s]);
        if (w->side_reach[s]) GEOSGeom_destroy_r(ctx->geos, w->side_reach[s]);
    }
    if (w->prep_corridor) GEOSPreparedGeom_destroy_r(ctx->geos, w->prep_corridor);
    if (w->prep_reach) GEOSPreparedGeom_destroy_r(ctx->geos, w->prep_reach);
    if (w->corridor) GEOSGeom_destroy_r(ctx->geos, w->corridor);
    if (w->reach) GEOSGeom_destroy_r(ctx->geos, w->reach);
    for (size_t i = 0; i < w->nhits; i++) {
        gt_ivals_free(&w->hits[i].at);
        gt_ivals_free(&w->hits[i].face);
    }
    free(w->hits);
    for (size_t i = 0; i < w->ncovered; i++)
        GEOSGeom_destroy_r(ctx->geos, w->covered[i]);
    free(w->covered);
    free(w->overlaps);
    gt_ivals_free(&w->over);
}

int border_compare_pair(guotu_context *ctx, guotu_border *b, size_t a, size_t u) {
    pair_work w;
    memset(&w, 0, sizeof w);
    w.b = b;
    w.unit[0] = &b->admins[a];
    w.unit[1] = &b->admins[u];
    const GEOSGeometry *boundary = border_admin_boundary(ctx, b, w.unit[0]);
    const GEOSGeometry *grown = border_admin_grown(ctx, b, w.unit[1]);
    GEOSGeometry *lines = boundary && grown ? GEOSIntersection_r(ctx->geos, boundary, grown) : NULL;
    if (!lines)
        return gt_fail_geos(ctx, GUOTU_ERR_GEOMETRY, "cannot find the border of admin units %s and %s", w.unit[0]->id,
                            w.unit[1]->id);
    double stub = 4 * b->o.snap_m;
    int status =
        border_line_build(ctx, lines, stub, b->o.corridor_m + b->o.snap_m, &w.line) ? GUOTU_ERR_GEOMETRY : GUOTU_OK;
    GEOSGeom_destroy_r(ctx->geos, lines);
    if (status || w.line.length < stub) {
        free_work(ctx, &w); /* corner contact: not neighbours */
        return status;
    }
    status = add_pair_row(ctx, &w, a, u);
    if (!status) status = admin_overlap(ctx, &w);
    if (!status && (w.row->admin_overlap_m2 > 0 || !borders_coincide(ctx, &w))) status = admin_gap(ctx, &w);
    if (!status) status = make_bands(ctx, &w);
    found f[2] = {{NULL, 0, 0, 0}, {NULL, 0, 0, 0}};
    for (int s = 0; !status && s < 2; s++) {
        status = corridor_elements(ctx, &w, s, &f[s]);
        for (size_t k = 0; !status && k < f[s].count; k++)
            status = scan_element(ctx, &w, s, f[s].items[k]);
    }
    if (!status) status = double_claims(ctx, &w, &f[0]);
    free(f[0].items);
    free(f[1].items);
    if (!status) {
        gt_ivals_normalize(&w.over);
        status = pair_report_runs(ctx, &w);
    }
    free_work(ctx, &w);
    return status;
}
