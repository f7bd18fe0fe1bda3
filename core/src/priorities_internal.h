/* priorities_internal.h — what the priorities sources share (rule table, polygon sets). */
#ifndef GUOTU_PRIORITIES_INTERNAL_H
#define GUOTU_PRIORITIES_INTERNAL_H

#include "internal.h"

/* Code prefixes ("01;02" or "01 02") parsed into a NUL-separated list; 1 when `code` starts
 * with one of them. */
typedef struct gt_prefixes {
    char **items;
    size_t count;
} gt_prefixes;
int gt_prefixes_parse(gt_prefixes *p, const char *text); /* 0, or -1 out of memory */
int gt_prefixes_match(const gt_prefixes *p, const char *code);
void gt_prefixes_free(gt_prefixes *p);

/* Polygons with their prepared forms and an STR tree, filled then queried. */
typedef struct gt_polyset_member {
    GEOSGeometry *geom;
    const GEOSPreparedGeometry *prepared; /* made when a query first finds it */
    int64_t fid;
} gt_polyset_member;
typedef struct gt_polyset {
    gt_polyset_member *members;
    size_t count, cap;
    GEOSSTRtree *tree; /* built at the first query */
    size_t *hits;      /* indices found by the last query, in increasing order */
    size_t nhits, hits_cap;
} gt_polyset;
/* Takes `g` (owned from now on, also on failure). */
int gt_polyset_add(guotu_context *ctx, gt_polyset *s, int64_t fid, GEOSGeometry *g);
/* Members whose envelope meets that of `g`, into s->hits (sorted); -1 on failure. */
int gt_polyset_query(guotu_context *ctx, gt_polyset *s, const GEOSGeometry *g);
void gt_polyset_free(guotu_context *ctx, gt_polyset *s);

#endif
