/* priorities_common.c — code prefixes and indexed polygon sets for the priorities. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "priorities_internal.h"

int gt_prefixes_parse(gt_prefixes *p, const char *text) {
    memset(p, 0, sizeof *p);
    size_t cap = 0;
    const char *s = text ? text : "";
    while (*s) {
        while (*s == ';' || *s == ' ' || *s == ',' || *s == '\t')
            s++;
        size_t len = strcspn(s, "; ,\t");
        if (!len) break;
        if (gt_reserve(&p->items, &cap, p->count + 1, sizeof *p->items, 8)) return -1;
        char *item = malloc(len + 1);
        if (!item) return -1;
        memcpy(item, s, len);
        item[len] = '\0';
        p->items[p->count++] = item;
        s += len;
    }
    return 0;
}

int gt_prefixes_match(const gt_prefixes *p, const char *code) {
    if (!code) return 0;
    for (size_t i = 0; i < p->count; i++)
        if (!strncmp(code, p->items[i], strlen(p->items[i]))) return 1;
    return 0;
}

void gt_prefixes_free(gt_prefixes *p) {
    for (size_t i = 0; i < p->count; i++)
        free(p->items[i]);
    free(p->items);
    memset(p, 0, sizeof *p);
}

int gt_polyset_add(guotu_context *ctx, gt_polyset *s, int64_t fid, GEOSGeometry *g) {
    if (s->tree) {
        GEOSGeom_destroy_r(ctx->geos, g);
        return gt_fail(ctx, GUOTU_ERR_STATE, "polygons added after the first query");
    }
    if (gt_reserve(&s->members, &s->cap, s->count + 1, sizeof *s->members, 64)) {
        GEOSGeom_destroy_r(ctx->geos, g);
        return gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
    }
    s->members[s->count++] = (gt_polyset_member){g, NULL, fid};
    return GUOTU_OK;
}

static void collect(void *item, void *user) {
    gt_polyset *s = user;
    if (s->nhits < s->hits_cap) s->hits[s->nhits++] = (size_t)(uintptr_t)item - 1;
}

static int compare_size(const void *a, const void *b) {
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    return (x > y) - (x < y);
}

int gt_polyset_query(guotu_context *ctx, gt_polyset *s, const GEOSGeometry *g) {
    s->nhits = 0;
    if (!s->count) return 0;
    if (!s->tree) {
        s->tree = GEOSSTRtree_create_r(ctx->geos, 10);
        s->hits = malloc(s->count * sizeof *s->hits);
        if (!s->tree || !s->hits) return gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory"), -1;
        s->hits_cap = s->count;
        for (size_t i = 0; i < s->count; i++)
            GEOSSTRtree_insert_r(ctx->geos, s->tree, s->members[i].geom, (void *)(uintptr_t)(i + 1));
    }
    GEOSSTRtree_query_r(ctx->geos, s->tree, g, collect, s);
    qsort(s->hits, s->nhits, sizeof *s->hits, compare_size);
    for (size_t h = 0; h < s->nhits; h++) {
        size_t i = s->hits[h];
        gt_polyset_member *m = &s->members[i];
        if (!m->prepared) m->prepared = GEOSPrepare_r(ctx->geos, m->geom);
        if (!m->prepared) return gt_fail_geos(ctx, GUOTU_ERR_GEOMETRY, "cannot prepare a polygon"), -1;
    }
    return 0;
}

void gt_polyset_free(guotu_context *ctx, gt_polyset *s) {
    if (s->tree) GEOSSTRtree_destroy_r(ctx->geos, s->tree);
    for (size_t i = 0; i < s->count; i++) {
        if (s->members[i].prepared) GEOSPreparedGeom_destroy_r(ctx->geos, s->members[i].prepared);
        GEOSGeom_destroy_r(ctx->geos, s->members[i].geom);
    }
    free(s->members);
    free(s->hits);
    memset(s, 0, sizeof *s);
}
