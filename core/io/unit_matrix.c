/* unit_matrix.c — see unit_matrix.h. */
#include "unit_matrix.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "code_units.h"
#include "vector_source.h"

/* A string set: each distinct string stored once, found by hash. */
typedef struct strings {
    char **items;
    size_t count, cap;
    size_t *slots; /* index + 1 into items; 0 empty */
    size_t nslots;
} strings;

static uint64_t hash_text(const char *s) {
    uint64_t h = 1469598103934665603ULL;
    for (; *s; s++) {
        h ^= (unsigned char)*s;
        h *= 1099511628211ULL;
    }
    return h;
}

static int strings_grow(strings *s) {
    size_t n = s->nslots ? s->nslots * 2 : 1024;
    size_t *slots = calloc(n, sizeof *slots);
    if (!slots) return 1;
    for (size_t i = 0; i < s->count; i++) {
        size_t k = (size_t)(hash_text(s->items[i]) & (n - 1));
        while (slots[k])
            k = (k + 1) & (n - 1);
        slots[k] = i + 1;
    }
    free(s->slots);
    s->slots = slots;
    s->nslots = n;
    return 0;
}

/* The index of `text` in the set, added when new; -1 when out of memory. */
static long strings_index(strings *s, const char *text) {
    if ((s->count + 1) * 2 > s->nslots && strings_grow(s)) return -1;
    size_t k = (size_t)(hash_text(text) & (s->nslots - 1));
    while (s->slots[k]) {
        if (!strcmp(s->items[s->slots[k] - 1], text)) return (long)(s->slots[k] - 1);
        k = (k + 1) & (s->nslots - 1);
    }
    if (s->count == s->cap) {
        size_t cap = s->cap ? s->cap * 2 : 256;
        char **grown = realloc(s->items, cap * sizeof *grown);
        if (!grown) return -1;
        s->items = grown;
        s->cap = cap;
    }
    s->items[s->count] = strdup(text);
    if (!s->items[s->count]) return -1;
    s->slots[k] = ++s->count;
    return (long)(s->count - 1);
}

static void strings_free(strings *s) {
    for (size_t i = 0; i < s->count; i++)
        free(s->items[i]);
    free(s->items);
    free(s->slots);
}

typedef struct cell {
    long unit, from, to, from_category, to_category, status; /* indexes into the string sets */
    double area_ha, dm_ha;
} cell;

typedef struct fid_unit {
    int64_t fid;
    long unit;
} fid_unit;

struct unit_matrix {
    strings units, texts; /* unit codes; class codes, categories and statuses */
    fid_unit *fids;
    size_t nfids;
    strings keys; /* "unit\x1ffrom\x1fto" of each cell, in the order of cells */
    cell *cells;
    size_t ncells, cap;
    size_t *order; /* after sort: cells by unit, from, to */
};

static int by_fid(const void *a, const void *b) {
    int64_t x = ((const fid_unit *)a)->fid, y = ((const fid_unit *)b)->fid;
    return (x > y) - (x < y);
}

unit_matrix *unit_matrix_read(const char *path, const char *layer, const char *where, const char *encoding,
                              const char *code_field, int code_length, char *err, size_t err_size) {
    unit_matrix *m = calloc(1, sizeof *m);
    if (!m) {
        snprintf(err, err_size, "out of memory");
        return NULL;
    }
    vector_source src;
    memset(&src, 0, sizeof src);
    int failed = vector_source_open(&src, path, layer, encoding, err, err_size) ||
                 vector_source_filter(&src, where, err, err_size) ||
                 vector_source_use_field(&src, code_field, err, err_size);
    int64_t n = failed ? 0 : vector_source_count(&src);
    size_t cap = n > 0 ? (size_t)n : 64;
    m->fids = failed ? NULL : malloc(cap * sizeof *m->fids);
    if (!failed && !m->fids) {
        snprintf(err, err_size, "out of memory");
        failed = 1;
    }
    char code[256], unit[256];
    int64_t fid;
    const unsigned char *wkb;
    size_t size;
    int more = 0;
    while (!failed && (more = vector_source_next(&src, &fid, code, sizeof code, &wkb, &size, err, err_size)) == 1) {
        if (!code[0]) {
            snprintf(err, err_size, "feature %lld of layer '%s' has no unit code (field '%s')", (long long)fid,
                     src.layer_name, code_field);
            failed = 1;
            break;
        }
        if (code_unit_of(code, code_length, fid, src.layer_name, code_field, unit, sizeof unit, err, err_size)) {
            failed = 1;
            break;
        }
        long index = strings_index(&m->units, unit);
        if (m->nfids == cap) {
            cap *= 2;
            fid_unit *grown = realloc(m->fids, cap * sizeof *grown);
            if (!grown) index = -1;
            if (grown) m->fids = grown;
        }
        if (index < 0) {
            snprintf(err, err_size, "out of memory");
            failed = 1;
            break;
        }
        m->fids[m->nfids].fid = fid;
        m->fids[m->nfids++].unit = index;
    }
    vector_source_close(&src);
    if (failed || more < 0) {
        unit_matrix_free(m);
        return NULL;
    }
    qsort(m->fids, m->nfids, sizeof *m->fids, by_fid);
    return m;
}

const char *unit_matrix_unit_of(const unit_matrix *m, int64_t fid) {
    size_t lo = 0, hi = m->nfids;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (m->fids[mid].fid < fid)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < m->nfids && m->fids[lo].fid == fid ? m->units.items[m->fids[lo].unit] : NULL;
}

int unit_matrix_add(unit_matrix *m, const char *unit, const char *from_code, const char *to_code,
                    const char *from_category, const char *to_category, const char *status, double area_ha,
                    double dm_ha) {
    char key[800];
    snprintf(key, sizeof key, "%.255s\x1f%.255s\x1f%.255s", unit, from_code, to_code);
    size_t before = m->keys.count;
    long k = strings_index(&m->keys, key);
    if (k < 0) return 1;
    if (m->keys.count > before) { /* a new cell */
        if (m->ncells == m->cap) {
            size_t cap = m->cap ? m->cap * 2 : 256;
            cell *grown = realloc(m->cells, cap * sizeof *grown);
            if (!grown) return 1;
            m->cells = grown;
            m->cap = cap;
        }
        cell *c = &m->cells[m->ncells++];
        memset(c, 0, sizeof *c);
        c->unit = strings_index(&m->texts, unit);
        c->from = strings_index(&m->texts, from_code);
        c->to = strings_index(&m->texts, to_code);
        c->from_category = strings_index(&m->texts, from_category);
        c->to_category = strings_index(&m->texts, to_category);
        c->status = strings_index(&m->texts, status);
        if (c->unit < 0 || c->from < 0 || c->to < 0 || c->from_category < 0 || c->to_category < 0 || c->status < 0)
            return 1;
    }
    m->cells[k].area_ha += area_ha;
    m->cells[k].dm_ha += dm_ha;
    return 0;
}

static const unit_matrix *sorting; /* qsort has no user pointer in C11; sort runs on one thread */

/* Codes in natural order: numerically where both are integers, else as text. */
static int compare_codes(const char *a, const char *b) {
    char *ea = NULL, *eb = NULL;
    long long x = strtoll(a, &ea, 10), y = strtoll(b, &eb, 10);
    if (*a && *b && !*ea && !*eb && x != y) return (x > y) - (x < y);
    return strcmp(a, b);
}

static int by_cell(const void *pa, const void *pb) {
    const cell *a = &sorting->cells[*(const size_t *)pa], *b = &sorting->cells[*(const size_t *)pb];
    char *const *t = sorting->texts.items;
    int c = strcmp(t[a->unit], t[b->unit]);
    if (!c) c = compare_codes(t[a->from], t[b->from]);
    if (!c) c = compare_codes(t[a->to], t[b->to]);
    return c;
}

void unit_matrix_sort(unit_matrix *m) {
    free(m->order);
    m->order = malloc((m->ncells ? m->ncells : 1) * sizeof *m->order);
    if (!m->order) return;
    for (size_t i = 0; i < m->ncells; i++)
        m->order[i] = i;
    sorting = m;
    qsort(m->order, m->ncells, sizeof *m->order, by_cell);
    sorting = NULL;
}

size_t unit_matrix_count(const unit_matrix *m) { return m && m->order ? m->ncells : 0; }

unit_matrix_row unit_matrix_row_at(const unit_matrix *m, size_t i) {
    const cell *c = &m->cells[m->order[i]];
    char *const *t = m->texts.items;
    unit_matrix_row row = {t[c->unit],        t[c->from],   t[c->to],   t[c->from_category],
                           t[c->to_category], t[c->status], c->area_ha, c->dm_ha};
    return row;
}

size_t unit_matrix_units(const unit_matrix *m) { return m ? m->units.count : 0; }
int64_t unit_matrix_features(const unit_matrix *m) { return m ? (int64_t)m->nfids : 0; }

void unit_matrix_free(unit_matrix *m) {
    if (!m) return;
    strings_free(&m->units);
    strings_free(&m->texts);
    strings_free(&m->keys);
    free(m->fids);
    free(m->cells);
    free(m->order);
    free(m);
}
