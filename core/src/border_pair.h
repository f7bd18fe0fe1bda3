/* border_pair.h — the working state of one adjacent pair, shared by border_pair.c (the
 * border, the base map, the elements and overlaps) and border_runs.c (statuses along the
 * border, segments, gaps and the summary). */
#ifndef GUOTU_BORDER_PAIR_H
#define GUOTU_BORDER_PAIR_H

#include "border_internal.h"

/* Crossings thinner than this (m) are rounding noise, not an element beyond its unit; so are
 * pieces of a gap strip thinner than this on average (twice the area over the perimeter). */
#define LOOSE_M 1e-4

/* An element of one side with its stretches of border: where it faces and reaches it. */
typedef struct border_hit {
    size_t element;
    int side; /* 0 = unit a, 1 = unit b */
    gt_ivals at, face;
} border_hit;

typedef struct pair_work {
    guotu_border *b;
    border_admin *unit[2];
    border_line line;
    GEOSGeometry *corridor, *reach;
    GEOSGeometry *side_corridor[2], *side_reach[2];
    /* side_corridor, side_reach and their prepared forms are made when an element needs them */
    const GEOSPreparedGeometry *prep_corridor, *prep_reach, *prep_side_corridor[2], *prep_side_reach[2];
    /* side_corridor, side_reach, the corridor and the reach band cut into boxes */
    border_local local_corridor[2], local_reach[2], local_corridor_all, local_reach_all;
    /* The corridor less the other unit shrunk by a hair: elements that only touch the
     * border lie properly inside it, which a prepared geometry answers fast. */
    GEOSGeometry *side_loose[2];
    const GEOSPreparedGeometry *prep_side_loose[2];
    border_hit *hits;
    size_t nhits, hit_cap;
    GEOSGeometry **covered; /* clipped elements and reported overlaps: ground somebody protects */
    size_t ncovered, covered_cap;
    GEOSGeometry **overlaps; /* borrowed from covered: the reported overlap polygons */
    size_t noverlaps, overlap_cap;
    gt_ivals over; /* border faced by reported overlaps */
    guotu_border_pair *row;
    int units_apart;                    /* the two units share no area (the base map has no overlap here) */
    size_t direct_tries, direct_misses; /* elements asked of the direct clip, and not told apart */
} pair_work;

/* Appends a geometry the work owns from now on. 1 when out of memory (g is destroyed). */
int pair_keep(guotu_context *ctx, pair_work *w, GEOSGeometry *g, int is_overlap);

/* Reports a conflict (id assigned here) with its line and area geometries (either may be NULL). */
int pair_emit_conflict(guotu_context *ctx, pair_work *w, guotu_border_conflict *c, const GEOSGeometry *line,
                       const GEOSGeometry *area);

/* The border faced by `ivals` as a (Multi)LineString; NULL when empty or on failure. */
GEOSGeometry *pair_lines_of(guotu_context *ctx, const pair_work *w, const gt_ivals *ivals);

/* Splits the border into segments by status, reports them with the gap, discontinuity and
 * mismatch conflicts, and fills the pair's lengths, gap area and score. */
int pair_report_runs(guotu_context *ctx, pair_work *w);

#endif
