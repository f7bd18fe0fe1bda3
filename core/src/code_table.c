/* code_table.c — codes with exact and integer-value lookup. */
#include "code_table.h"
#include "internal.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

static int integer_code(const char *s, long long *out) {
    if (!*s || strlen(s) > 15) return 0;
    for (const char *c = s; *c; c++)
        if (*c < '0' || *c > '9') return 0;
    *out = strtoll(s, NULL, 10);
    return 1;
}

int32_t gt_code_table_add(gt_code_table *t, const char *code) {
    int32_t i = gt_string_table_intern(&t->codes, code);
    long long value;
    if (i < 0 || !integer_code(code, &value)) return i;
    /* Room before the insert: the map never holds a value without its code. */
    if (gt_reserve(&t->numeric_code, &t->numeric_cap, t->numeric.count + 1, sizeof *t->numeric_code, 64)) return -1;
    int inserted = 0;
    int32_t slot = gt_index_map_insert(&t->numeric, (uint64_t)value, &inserted);
    if (slot < 0) return -1;
    if (inserted) t->numeric_code[slot] = i; /* the first code with this value wins */
    return i;
}

int32_t gt_code_table_find_exact(const gt_code_table *t, const char *code) {
    return gt_string_table_find(&t->codes, code);
}

int32_t gt_code_table_find(const gt_code_table *t, const char *code) {
    int32_t i = gt_string_table_find(&t->codes, code);
    long long value;
    if (i >= 0 || !integer_code(code, &value)) return i;
    int32_t slot = gt_index_map_find(&t->numeric, (uint64_t)value);
    return slot < 0 ? -1 : t->numeric_code[slot];
}

void gt_code_table_free(gt_code_table *t) {
    gt_string_table_free(&t->codes);
    gt_index_map_free(&t->numeric);
    free(t->numeric_code);
    memset(t, 0, sizeof *t);
}

/* Integer codes sort numerically ("2" before "10"); "" first; text after numbers. */
static int parse_long(const char *s, long long *value) {
    if (!*s) return 0;
    char *end = NULL;
    errno = 0;
    *value = strtoll(s, &end, 10);
    return errno == 0 && end && *end == '\0';
}

int gt_compare_codes(const char *a, const char *b) {
    long long va, vb;
    int ia = parse_long(a, &va), ib = parse_long(b, &vb);
    if (ia && ib && va != vb) return va < vb ? -1 : 1;
    if (ia != ib) {
        if (!*a || !*b) return *a ? 1 : -1;
        return ia ? -1 : 1;
    }
    return strcmp(a, b);
}
