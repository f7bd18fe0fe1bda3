/* vertex_cache.h — what the ellipsoidal area works out for a vertex (its longitude, latitude
 * and isometric latitude), remembered by the vertex's exact coordinates. Parcels of a land-use
 * coverage share every boundary vertex with their neighbours, and two survey years share
 * most of them again, so an overlay measures each vertex several times: the inverse
 * projection and the isometric latitude, the costly part of an area, are then done once.
 * Direct-mapped and of fixed size: a newer vertex takes an older one's slot, so memory stays
 * bounded whatever the data, and a value found is always the value that would be computed. */
#ifndef GUOTU_VERTEX_CACHE_H
#define GUOTU_VERTEX_CACHE_H

#include <stddef.h>
#include <stdint.h>

typedef struct gt_vertex_entry {
    uint64_t x, y; /* the projected coordinates' bits; slot empty while `filled` is 0 */
    double lon, lat, psi;
    int filled;
} gt_vertex_entry;

typedef struct gt_vertex_cache {
    gt_vertex_entry *slots;
    size_t mask; /* slots - 1 (a power of two) */
} gt_vertex_cache;

/* Allocates 2^bits empty slots; 0, or -1 when out of memory (the cache stays unusable and
 * callers compute every vertex). */
int gt_vertex_cache_init(gt_vertex_cache *c, unsigned bits);

void gt_vertex_cache_free(gt_vertex_cache *c);

/* The slot where vertex (x, y) is, or would be, kept. */
gt_vertex_entry *gt_vertex_cache_slot(const gt_vertex_cache *c, double x, double y);

/* 1 when `slot` holds vertex (x, y). */
int gt_vertex_cache_holds(const gt_vertex_entry *slot, double x, double y);

/* Keeps the vertex's values in `slot` (replacing what was there). */
void gt_vertex_cache_keep(gt_vertex_entry *slot, double x, double y, double lon, double lat, double psi);

#endif
