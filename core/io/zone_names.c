/* zone_names.c — see zone_names.h. */
#include "zone_names.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vector_source.h"

typedef struct entry {
    char *code, *name;
} entry;

struct zone_names {
    entry *entries;
    size_t count, cap;
    char layer[256];
};

static int by_code(const void *a, const void *b) { return strcmp(((const entry *)a)->code, ((const entry *)b)->code); }

void zone_names_free(zone_names *names) {
    if (!names) return;
    for (size_t i = 0; i < names->count; i++) {
        free(names->entries[i].code);
        free(names->entries[i].name);
    }
    free(names->entries);
    free(names);
}

static int add(zone_names *names, const char *code, const char *name) {
    if (names->count == names->cap) {
        size_t cap = names->cap ? names->cap * 2 : 64;
        entry *grown = realloc(names->entries, cap * sizeof *grown);
        if (!grown) return 1;
        names->entries = grown;
        names->cap = cap;
    }
    entry *e = &names->entries[names->count];
    e->code = strdup(code);
    e->name = strdup(name);
    if (!e->code || !e->name) {
        free(e->code);
        free(e->name);
        return 1;
    }
    names->count++;
    return 0;
}

/* Sorts by code, folds identical pairs, refuses one code with two names. */
static int settle(zone_names *names, const char *code_field, char *err, size_t err_size) {
    qsort(names->entries, names->count, sizeof *names->entries, by_code);
    size_t kept = 0;
    for (size_t i = 0; i < names->count; i++) {
        entry *e = &names->entries[i];
        if (kept && !strcmp(names->entries[kept - 1].code, e->code)) {
            int differ = strcmp(names->entries[kept - 1].name, e->name) != 0;
            if (differ)
                snprintf(err, err_size, "layer '%s': %s '%s' is named both '%s' and '%s'; one name per code is needed",
                         names->layer, code_field, e->code, names->entries[kept - 1].name, e->name);
            free(e->code);
            free(e->name);
            if (differ) {
                for (size_t j = i + 1; j < names->count; j++) {
                    free(names->entries[j].code);
                    free(names->entries[j].name);
                }
                names->count = kept;
                return 1;
            }
            continue;
        }
        names->entries[kept++] = *e;
    }
    names->count = kept;
    return 0;
}

zone_names *zone_names_read(const char *path, const char *layer, const char *code_field, const char *name_field,
                            const char *encoding, char *err, size_t err_size) {
    zone_names *names = calloc(1, sizeof *names);
    if (!names) {
        snprintf(err, err_size, "out of memory");
        return NULL;
    }
    vector_source src;
    memset(&src, 0, sizeof src);
    int failed = vector_source_open(&src, path, layer, encoding, err, err_size) ||
                 vector_source_use_field(&src, code_field, err, err_size);
    int name_index = failed ? -1 : vector_source_field(&src, name_field, err, err_size);
    failed = failed || name_index < 0;
    if (!failed) snprintf(names->layer, sizeof names->layer, "%s", src.layer_name);
    char code[256];
    int64_t fid;
    const unsigned char *wkb;
    size_t size;
    int more = 0;
    while (!failed && (more = vector_source_next(&src, &fid, code, sizeof code, &wkb, &size, err, err_size)) == 1) {
        if (!code[0]) continue; /* a feature without a code names nothing */
        if (add(names, code, vector_source_text(&src, name_index))) {
            snprintf(err, err_size, "out of memory");
            failed = 1;
        }
    }
    vector_source_close(&src);
    if (failed || more < 0 || settle(names, code_field, err, err_size)) {
        zone_names_free(names);
        return NULL;
    }
    return names;
}

static int all_zeros(const char *s) {
    for (; *s; s++)
        if (*s != '0') return 0;
    return 1;
}

const char *zone_names_find(const zone_names *names, const char *code) {
    if (!names || !code) return NULL;
    /* the first entry not below `code`: the exact one, or the padded ones after it */
    size_t lo = 0, hi = names->count, len = strlen(code);
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (strcmp(names->entries[mid].code, code) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (size_t i = lo; i < names->count && !strncmp(names->entries[i].code, code, len); i++)
        if (all_zeros(names->entries[i].code + len)) return names->entries[i].name;
    return NULL;
}

const char *zone_names_layer(const zone_names *names) { return names ? names->layer : ""; }
