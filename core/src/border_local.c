/* border_local.c — a big polygonal geometry (the corridor or the reach band of one side of a
 * border) cut into boxes on demand, so that the overlay of an element with it reads only the
 * ground around the element. GEOS's overlay clips both inputs to their common envelope before
 * noding, which walks every vertex of the big one: thousands per element along a border. */
#include <stdlib.h>
#include <string.h>

#include "border_internal.h"

/* Deep enough for elements of a few metres along a border of tens of kilometres; a node
 * whose ground has few vertices is not cut further (the overlay's own clip is cheap there).
 * Cutting a node is an overlay of its whole ground with four boxes, while an element's overlay
 * with that ground only walks its vertices once (GEOS clips it to the element's envelope): a
 * node is cut only after it has served BORDER_LOCAL_SPLIT_USES elements, so a band that few
 * elements need (short borders, elements mostly answered by the direct clip) is read whole,
 * and only the boxes many elements ask for are made. */
enum { LOCAL_MAX_DEPTH = 12, LOCAL_FEW_POINTS = 64 };

struct border_local_node {
    double x0, y0, x1, y1; /* the node's box */
    GEOSGeometry *geom;    /* the whole within the box grown by a quarter on each side */
    int made;              /* geom made (or failed: then the parent's is used) */
    int points;
    int uses;                 /* elements this node's ground served (or was asked for) */
    border_local_node *child; /* four, NULL until first needed */
};

void border_local_init(border_local *l, const GEOSGeometry *whole) {
    memset(l, 0, sizeof *l);
    l->whole = whole;
}

static void free_node(guotu_context *ctx, border_local_node *n) {
    if (n->geom) GEOSGeom_destroy_r(ctx->geos, n->geom);
    if (!n->child) return;
    for (int i = 0; i < 4; i++)
        free_node(ctx, &n->child[i]);
    free(n->child);
}

void border_local_free(guotu_context *ctx, border_local *l) {
    if (l->root) {
        free_node(ctx, l->root);
        free(l->root);
    }
    memset(l, 0, sizeof *l);
}

static int bounds(guotu_context *ctx, const GEOSGeometry *g, double *x0, double *y0, double *x1, double *y1) {
    return GEOSGeom_getXMin_r(ctx->geos, g, x0) == 1 && GEOSGeom_getYMin_r(ctx->geos, g, y0) == 1 &&
           GEOSGeom_getXMax_r(ctx->geos, g, x1) == 1 && GEOSGeom_getYMax_r(ctx->geos, g, y1) == 1;
}

/* The box a node's geometry covers: its own box grown by a quarter of its size on each side,
 * so that an element near the edge of a box still fits in one. */
static void grown_box(const border_local_node *n, double *x0, double *y0, double *x1, double *y1) {
    double mx = 0.25 * (n->x1 - n->x0), my = 0.25 * (n->y1 - n->y0);
    *x0 = n->x0 - mx;
    *y0 = n->y0 - my;
    *x1 = n->x1 + mx;
    *y1 = n->y1 + my;
}

/* Makes the node's geometry from its parent's: the parent's ground within the grown box
 * (an overlay with the box, which keeps every vertex inside it as it is). */
static void make_node(guotu_context *ctx, border_local_node *n, const GEOSGeometry *parent) {
    n->made = 1;
    double x0, y0, x1, y1;
    grown_box(n, &x0, &y0, &x1, &y1);
    GEOSGeometry *box = GEOSGeom_createRectangle_r(ctx->geos, x0, y0, x1, y1);
    n->geom = box ? GEOSIntersection_r(ctx->geos, parent, box) : NULL;
    if (box) GEOSGeom_destroy_r(ctx->geos, box);
    n->points = n->geom ? GEOSGetNumCoordinates_r(ctx->geos, n->geom) : 0;
}

const GEOSGeometry *border_local_part(guotu_context *ctx, border_local *l, const GEOSGeometry *g) {
    double ex0, ey0, ex1, ey1;
    if (!l->whole || !bounds(ctx, g, &ex0, &ey0, &ex1, &ey1)) return l->whole;
    if (!l->root) {
        l->root = calloc(1, sizeof *l->root);
        if (!l->root) return l->whole;
        border_local_node *r = l->root;
        if (!bounds(ctx, l->whole, &r->x0, &r->y0, &r->x1, &r->y1)) r->x0 = r->x1 = r->y0 = r->y1 = 0;
        r->made = 1;
        r->points = GEOSGetNumCoordinates_r(ctx->geos, l->whole);
    }
    /* The element must lie inside a node's grown box by a margin: the box's own edges never
     * touch it, so its overlay with the node's ground is the overlay with the whole. */
    const double margin = 1.0;
    border_local_node *n = l->root;
    const GEOSGeometry *ground = l->whole;
    for (int depth = 0; depth < LOCAL_MAX_DEPTH && n->points > LOCAL_FEW_POINTS && n->uses++ >= BORDER_LOCAL_SPLIT_USES;
         depth++) {
        double mx = 0.5 * (n->x0 + n->x1), my = 0.5 * (n->y0 + n->y1);
        if (!n->child) {
            n->child = calloc(4, sizeof *n->child);
            if (!n->child) break;
            for (int i = 0; i < 4; i++) {
                border_local_node *c = &n->child[i];
                c->x0 = i & 1 ? mx : n->x0;
                c->x1 = i & 1 ? n->x1 : mx;
                c->y0 = i & 2 ? my : n->y0;
                c->y1 = i & 2 ? n->y1 : my;
            }
        }
        double cx = 0.5 * (ex0 + ex1), cy = 0.5 * (ey0 + ey1);
        border_local_node *c = &n->child[(cx >= mx ? 1 : 0) + (cy >= my ? 2 : 0)];
        double gx0, gy0, gx1, gy1;
        grown_box(c, &gx0, &gy0, &gx1, &gy1);
        if (ex0 - margin <= gx0 || ey0 - margin <= gy0 || ex1 + margin >= gx1 || ey1 + margin >= gy1) break;
        if (!c->made) make_node(ctx, c, ground);
        if (!c->geom) break; /* the overlay with the box failed: the parent's ground serves */
        n = c;
        ground = c->geom;
    }
    return ground;
}
