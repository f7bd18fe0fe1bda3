/* vertex_cache.c — see vertex_cache.h. */
#include <stdlib.h>
#include <string.h>

#include "vertex_cache.h"

/* Bits, not values: -0.0 and 0.0 are different keys, so a value found is exactly the value
 * the same input would give. */
static uint64_t bits_of(double v) {
    uint64_t b;
    memcpy(&b, &v, sizeof b);
    return b;
}

int gt_vertex_cache_init(gt_vertex_cache *c, unsigned bits) {
    size_t n = (size_t)1 << bits;
    c->slots = calloc(n, sizeof *c->slots);
    c->mask = c->slots ? n - 1 : 0;
    return c->slots ? 0 : -1;
}

void gt_vertex_cache_free(gt_vertex_cache *c) {
    free(c->slots);
    c->slots = NULL;
    c->mask = 0;
}

gt_vertex_entry *gt_vertex_cache_slot(const gt_vertex_cache *c, double x, double y) {
    uint64_t h = bits_of(x) * 0x9E3779B97F4A7C15u ^ bits_of(y) * 0xC2B2AE3D27D4EB4Fu;
    h ^= h >> 31;
    h *= 0xD6E8FEB86659FD93u;
    h ^= h >> 32;
    return &c->slots[h & c->mask];
}

int gt_vertex_cache_holds(const gt_vertex_entry *slot, double x, double y) {
    return slot->filled && slot->x == bits_of(x) && slot->y == bits_of(y);
}

void gt_vertex_cache_keep(gt_vertex_entry *slot, double x, double y, double lon, double lat, double psi) {
    *slot = (gt_vertex_entry){bits_of(x), bits_of(y), lon, lat, psi, 1};
}
