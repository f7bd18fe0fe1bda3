/* border_pair_output.c — what the comparison of a pair hands out: the geometries it keeps
 * (ground somebody protects, reported overlaps), the border faced by a set of intervals, and
 * each conflict with its WKB. Apart from border_pair.c and border_runs.c, which both use it. */
#include <stdlib.h>

#include "border_pair.h"

int pair_keep(guotu_context *ctx, pair_work *w, GEOSGeometry *g, int is_overlap) {
    if (gt_reserve(&w->covered, &w->covered_cap, w->ncovered + 1, sizeof *w->covered, 64)) {
        GEOSGeom_destroy_r(ctx->geos, g);
        return 1;
    }
    w->covered[w->ncovered++] = g;
    if (!is_overlap) return 0;
    if (gt_reserve(&w->overlaps, &w->overlap_cap, w->noverlaps + 1, sizeof *w->overlaps, 16)) return 1;
    w->overlaps[w->noverlaps++] = g;
    return 0;
}

static unsigned char *to_wkb(guotu_context *ctx, pair_work *w, const GEOSGeometry *g, size_t *size) {
    *size = 0;
    return g ? GEOSWKBWriter_write_r(ctx->geos, w->b->writer, g, size) : NULL;
}

int pair_emit_conflict(guotu_context *ctx, pair_work *w, guotu_border_conflict *c, const GEOSGeometry *line,
                       const GEOSGeometry *area) {
    guotu_border *b = w->b;
    c->id = b->next_conflict;
    b->next_conflict += b->o.parts > 1 ? b->o.parts : 1;
    w->row->conflicts++;
    if (!b->cb.conflict) return GUOTU_OK;
    unsigned char *lw = to_wkb(ctx, w, line, &c->line_wkb_size), *aw = to_wkb(ctx, w, area, &c->area_wkb_size);
    c->line_wkb = lw;
    c->area_wkb = aw;
    int status = (line && !lw) || (area && !aw) ? gt_fail_geos(ctx, GUOTU_ERR_GEOMETRY, "cannot write WKB") : GUOTU_OK;
    if (!status && b->cb.conflict(c, b->user))
        status = gt_fail(ctx, GUOTU_ERR_CANCELLED, "stopped by the conflict callback");
    if (lw) GEOSFree_r(ctx->geos, lw);
    if (aw) GEOSFree_r(ctx->geos, aw);
    return status;
}

GEOSGeometry *pair_lines_of(guotu_context *ctx, const pair_work *w, const gt_ivals *ivals) {
    if (!ivals->n) return NULL;
    GEOSGeometry **lines = malloc(ivals->n * sizeof *lines);
    if (!lines) return NULL;
    unsigned int n = 0;
    for (size_t i = 0; i < ivals->n; i++) {
        GEOSGeometry *l = border_substring(ctx, &w->line, ivals->v[i].part, ivals->v[i].s0, ivals->v[i].s1);
        if (l) lines[n++] = l;
    }
    GEOSGeometry *out = n == 1 ? lines[0]
                        : n    ? GEOSGeom_createCollection_r(ctx->geos, GEOS_MULTILINESTRING, lines, n)
                               : NULL;
    free(lines);
    return out;
}
