/* collections.h — the two lookup tables the algorithms need, nothing more. */
#ifndef GUOTU_COLLECTIONS_H
#define GUOTU_COLLECTIONS_H

#include <stddef.h>
#include <stdint.h>

/* Open-addressing map from a 64-bit key to a dense index 0, 1, 2... in insertion order. */
typedef struct gt_index_map {
    uint64_t *keys;
    int32_t *slots;  /* -1 = empty, else the dense index */
    size_t capacity; /* power of two */
    size_t count;
} gt_index_map;

void gt_index_map_free(gt_index_map *m);
/* Index of key, or -1 when absent. */
int32_t gt_index_map_find(const gt_index_map *m, uint64_t key);
/* Index of key, inserting it with the next dense index when absent; -1 on allocation failure.
 * *inserted is set to 1 when the key is new. */
int32_t gt_index_map_insert(gt_index_map *m, uint64_t key, int *inserted);

/* Interned UTF-8 strings: each distinct string gets a dense index. */
typedef struct gt_string_table {
    char **strings; /* owned copies, by index */
    size_t count;
    int32_t *slots;   /* open addressing over indices; -1 = empty */
    uint64_t *hashes; /* hash of each string, by index */
    size_t capacity;  /* of slots, power of two; strings hold capacity / 2 */
} gt_string_table;

void gt_string_table_free(gt_string_table *t);
/* Index of s, or -1 when absent. */
int32_t gt_string_table_find(const gt_string_table *t, const char *s);
/* Index of s, adding a copy when absent; -1 on allocation failure. */
int32_t gt_string_table_intern(gt_string_table *t, const char *s);

#endif
