/* collections.c — open-addressing index map and string interning. */
#include "collections.h"

#include <stdlib.h>
#include <string.h>

static uint64_t mix64(uint64_t x) {
    /* splitmix64 finaliser: spreads packed (zone, class) keys over the table. */
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ULL;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebULL;
    x ^= x >> 31;
    return x;
}

void gt_index_map_free(gt_index_map *m) {
    free(m->keys);
    free(m->slots);
    memset(m, 0, sizeof *m);
}

int32_t gt_index_map_find(const gt_index_map *m, uint64_t key) {
    if (!m->capacity) return -1;
    size_t mask = m->capacity - 1;
    for (size_t i = mix64(key) & mask;; i = (i + 1) & mask) {
        if (m->slots[i] < 0) return -1;
        if (m->keys[i] == key) return m->slots[i];
    }
}

static int grow(gt_index_map *m) {
    size_t capacity = m->capacity ? m->capacity * 2 : 64;
    uint64_t *keys = malloc(capacity * sizeof *keys);
    int32_t *slots = malloc(capacity * sizeof *slots);
    if (!keys || !slots) {
        free(keys);
        free(slots);
        return -1;
    }
    for (size_t i = 0; i < capacity; i++)
        slots[i] = -1;
    size_t mask = capacity - 1;
    for (size_t i = 0; i < m->capacity; i++) {
        if (m->slots[i] < 0) continue;
        size_t j = mix64(m->keys[i]) & mask;
        while (slots[j] >= 0)
            j = (j + 1) & mask;
        keys[j] = m->keys[i];
        slots[j] = m->slots[i];
    }
    free(m->keys);
    free(m->slots);
    m->keys = keys;
    m->slots = slots;
    m->capacity = capacity;
    return 0;
}

int32_t gt_index_map_insert(gt_index_map *m, uint64_t key, int *inserted) {
    *inserted = 0;
    if ((m->count + 1) * 2 > m->capacity && grow(m) != 0) return -1;
    if (m->count >= INT32_MAX) return -1;
    size_t mask = m->capacity - 1;
    size_t i = mix64(key) & mask;
    for (; m->slots[i] >= 0; i = (i + 1) & mask)
        if (m->keys[i] == key) return m->slots[i];
    m->keys[i] = key;
    m->slots[i] = (int32_t)m->count++;
    *inserted = 1;
    return m->slots[i];
}

static uint64_t hash_string(const char *s) {
    uint64_t h = 1469598103934665603ULL; /* FNV-1a */
    for (; *s; s++) {
        h ^= (unsigned char)*s;
        h *= 1099511628211ULL;
    }
    return h;
}

void gt_string_table_free(gt_string_table *t) {
    for (size_t i = 0; i < t->count; i++)
        free(t->strings[i]);
    free(t->strings);
    free(t->slots);
    free(t->hashes);
    memset(t, 0, sizeof *t);
}

/* Slot holding s, or the empty slot where it would go. */
static size_t probe(const gt_string_table *t, const char *s, uint64_t h) {
    size_t mask = t->capacity - 1;
    size_t i = mix64(h) & mask;
    for (; t->slots[i] >= 0; i = (i + 1) & mask) {
        int32_t k = t->slots[i];
        if (t->hashes[k] == h && strcmp(t->strings[k], s) == 0) break;
    }
    return i;
}

int32_t gt_string_table_find(const gt_string_table *t, const char *s) {
    if (!t->capacity) return -1;
    return t->slots[probe(t, s, hash_string(s))];
}

static int grow_strings(gt_string_table *t) {
    size_t capacity = t->capacity ? t->capacity * 2 : 32;
    char **strings = realloc(t->strings, capacity / 2 * sizeof *strings);
    if (!strings) return -1;
    t->strings = strings;
    uint64_t *hashes = realloc(t->hashes, capacity / 2 * sizeof *hashes);
    if (!hashes) return -1;
    t->hashes = hashes;
    int32_t *slots = malloc(capacity * sizeof *slots);
    if (!slots) return -1;
    for (size_t i = 0; i < capacity; i++)
        slots[i] = -1;
    free(t->slots);
    t->slots = slots;
    t->capacity = capacity;
    for (size_t k = 0; k < t->count; k++)
        t->slots[probe(t, t->strings[k], t->hashes[k])] = (int32_t)k;
    return 0;
}

int32_t gt_string_table_intern(gt_string_table *t, const char *s) {
    uint64_t h = hash_string(s);
    if (t->capacity) {
        int32_t found = t->slots[probe(t, s, h)];
        if (found >= 0) return found;
    }
    if ((t->count + 1) * 2 > t->capacity && grow_strings(t) != 0) return -1;
    if (t->count >= INT32_MAX) return -1;
    size_t n = strlen(s) + 1;
    char *copy = malloc(n);
    if (!copy) return -1;
    memcpy(copy, s, n);
    int32_t index = (int32_t)t->count++;
    t->strings[index] = copy;
    t->hashes[index] = h;
    t->slots[probe(t, s, h)] = index;
    return index;
}
