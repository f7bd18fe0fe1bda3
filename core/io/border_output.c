/* border_output.c — writes what guotu_border_run reports into the layers of OUT.gpkg. */
#include "border_output.h"

#include "gpkg_styles.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The values each layer's rows fill, by column name; the columns (order, types, widths, Chinese
 * titles) are resources/schemas/border_conflicts.csv (both conflict layers), shared_borders.csv,
 * basemap_issues.csv (both issue layers) and pair_summary.csv. */
enum { T_CONFLICTS, T_SEGMENTS, T_ISSUES, T_SUMMARY };
static const char *const table_names[] = {"border_conflicts", "shared_borders", "basemap_issues", "pair_summary"};
enum {
    C_ID,
    C_KIND,
    C_DETAIL,
    C_ADMIN_A,
    C_NAME_A,
    C_ADMIN_B,
    C_NAME_B,
    C_SIDE,
    C_CATEGORIES_A,
    C_CATEGORIES_B,
    C_ELEMENTS_A,
    C_ELEMENTS_B,
    C_FID_A,
    C_FID_B,
    C_LENGTH_M,
    C_AREA_M2,
    C_AREA_HA,
    NCONFLICT
};
static const char *const conflict_names[NCONFLICT] = {
    "conflict_id",  "kind",       "detail",     "admin_a", "name_a", "admin_b",  "name_b",  "side",   "categories_a",
    "categories_b", "elements_a", "elements_b", "fid_a",   "fid_b",  "length_m", "area_m2", "area_ha"};
enum {
    S_ADMIN_A,
    S_NAME_A,
    S_ADMIN_B,
    S_NAME_B,
    S_STATUS,
    S_CATEGORIES_A,
    S_CATEGORIES_B,
    S_ELEMENTS_A,
    S_ELEMENTS_B,
    S_LENGTH_M,
    S_CONFLICT_ID,
    NSEGMENT
};
static const char *const segment_names[NSEGMENT] = {"admin_a",    "name_a",       "admin_b",      "name_b",
                                                    "status",     "categories_a", "categories_b", "elements_a",
                                                    "elements_b", "length_m",     "conflict_id"};
enum { I_KIND, I_ADMIN_A, I_ADMIN_B, I_FEATURE_ID, I_CITY_ID, I_AREA_M2, I_MESSAGE_ZH, I_MESSAGE_EN, NISSUE };
static const char *const issue_names[NISSUE] = {"kind",    "admin_a", "admin_b",    "feature_id",
                                                "city_id", "area_m2", "message_zh", "message_en"};
enum { NSUMMARY = 18 };
static const char *const summary_names[NSUMMARY] = {"admin_a",
                                                    "name_a",
                                                    "admin_b",
                                                    "name_b",
                                                    "border_m",
                                                    "coordinated_m",
                                                    "overlap_m",
                                                    "gap_m",
                                                    "discontinuity_m",
                                                    "mismatch_m",
                                                    "none_m",
                                                    "overlap_area_m2",
                                                    "gap_area_m2",
                                                    "admin_overlap_m2",
                                                    "admin_gap_m2",
                                                    "conflicts",
                                                    "weighted_conflict_m",
                                                    "score"};
static const char *const *const filled[] = {conflict_names, segment_names, issue_names, summary_names};
static const int nfilled[] = {NCONFLICT, NSEGMENT, NISSUE, NSUMMARY};

static const table_column *columns(const border_output *o, int t) { return table_schema_columns(o->schemas[t]); }
static int ncolumns(const border_output *o, int t) { return table_schema_count(o->schemas[t]); }

static const char *name_of(const border_output *o, const char *id) {
    for (size_t i = 0; i < o->nadmins; i++)
        if (!strcmp(o->ids[i], id)) return o->names[i];
    return "";
}

int border_output_open(border_output *o, const char *path, OGRSpatialReferenceH srs) {
    for (int t = 0; t < 4; t++)
        if (table_schema_load(NULL, table_names[t], NULL, &o->schemas[t], o->err, o->err_size) ||
            table_schema_slots(o->schemas[t], filled[t], nfilled[t], o->slots[t], o->err, o->err_size))
            return 1;
    if (gpkg_writer_open(&o->out, path, o->err, o->err_size)) return 1;
    o->conflicts = gpkg_writer_add_layer(o->out, "border_conflicts", wkbMultiPolygon, srs, columns(o, T_CONFLICTS),
                                         ncolumns(o, T_CONFLICTS), o->err, o->err_size);
    if (o->conflicts >= 0)
        o->conflict_lines =
            gpkg_writer_add_layer(o->out, "border_conflict_lines", wkbMultiLineString, srs, columns(o, T_CONFLICTS),
                                  ncolumns(o, T_CONFLICTS), o->err, o->err_size);
    if (o->conflicts >= 0 && o->conflict_lines >= 0)
        o->segments = gpkg_writer_add_layer(o->out, "shared_borders", wkbMultiLineString, srs, columns(o, T_SEGMENTS),
                                            ncolumns(o, T_SEGMENTS), o->err, o->err_size);
    if (o->conflicts >= 0 && o->conflict_lines >= 0 && o->segments >= 0)
        o->issues = gpkg_writer_add_layer(o->out, "basemap_issues", wkbMultiPolygon, srs, columns(o, T_ISSUES),
                                          ncolumns(o, T_ISSUES), o->err, o->err_size);
    if (o->conflicts >= 0 && o->conflict_lines >= 0 && o->segments >= 0 && o->issues >= 0)
        o->issue_points = gpkg_writer_add_layer(o->out, "basemap_issue_points", wkbPoint, srs, columns(o, T_ISSUES),
                                                ncolumns(o, T_ISSUES), o->err, o->err_size);
    return o->conflicts < 0 || o->conflict_lines < 0 || o->segments < 0 || o->issues < 0 || o->issue_points < 0;
}

static int write_conflict(const guotu_border_conflict *c, void *user) {
    border_output *o = user;
    static const char *const kinds[4] = {"overlap", "gap", "discontinuity", "category_mismatch"};
    for (int k = 0; k < 4; k++)
        if (!strcmp(c->kind, kinds[k])) o->counts[k]++;
    const int *slot = o->slots[T_CONFLICTS];
    table_row row;
    table_row_clear(&row);
    table_row_real(&row, slot[C_ID], (double)c->id);
    table_row_text(&row, slot[C_KIND], c->kind);
    table_row_text(&row, slot[C_DETAIL], c->detail);
    table_row_text(&row, slot[C_ADMIN_A], c->admin_a);
    table_row_text(&row, slot[C_NAME_A], name_of(o, c->admin_a));
    table_row_text(&row, slot[C_ADMIN_B], c->admin_b);
    table_row_text(&row, slot[C_NAME_B], name_of(o, c->admin_b));
    table_row_text(&row, slot[C_SIDE], c->side);
    table_row_text(&row, slot[C_CATEGORIES_A], c->categories_a);
    table_row_text(&row, slot[C_CATEGORIES_B], c->categories_b);
    table_row_text(&row, slot[C_ELEMENTS_A], c->names_a);
    table_row_text(&row, slot[C_ELEMENTS_B], c->names_b);
    table_row_real(&row, slot[C_FID_A], c->fid_a >= 0 ? (double)c->fid_a : NAN);
    table_row_real(&row, slot[C_FID_B], c->fid_b >= 0 ? (double)c->fid_b : NAN);
    table_row_real(&row, slot[C_LENGTH_M], c->length_m);
    table_row_real(&row, slot[C_AREA_M2], c->area_m2);
    table_row_real(&row, slot[C_AREA_HA], c->area_m2 / 10000.0);
    const char *const *texts = row.texts;
    const double *reals = row.reals;
    if (c->area_wkb &&
        gpkg_writer_row(o->out, o->conflicts, texts, reals, c->area_wkb, c->area_wkb_size, o->err, o->err_size))
        return 1;
    return c->line_wkb &&
           gpkg_writer_row(o->out, o->conflict_lines, texts, reals, c->line_wkb, c->line_wkb_size, o->err, o->err_size);
}

static int write_segment(const guotu_border_segment *s, void *user) {
    border_output *o = user;
    const int *slot = o->slots[T_SEGMENTS];
    table_row row;
    table_row_clear(&row);
    table_row_text(&row, slot[S_ADMIN_A], s->admin_a);
    table_row_text(&row, slot[S_NAME_A], name_of(o, s->admin_a));
    table_row_text(&row, slot[S_ADMIN_B], s->admin_b);
    table_row_text(&row, slot[S_NAME_B], name_of(o, s->admin_b));
    table_row_text(&row, slot[S_STATUS], s->status);
    table_row_text(&row, slot[S_CATEGORIES_A], s->categories_a);
    table_row_text(&row, slot[S_CATEGORIES_B], s->categories_b);
    table_row_text(&row, slot[S_ELEMENTS_A], s->names_a);
    table_row_text(&row, slot[S_ELEMENTS_B], s->names_b);
    table_row_real(&row, slot[S_LENGTH_M], s->length_m);
    table_row_real(&row, slot[S_CONFLICT_ID], s->conflict_id >= 0 ? (double)s->conflict_id : NAN);
    const char *const *texts = row.texts;
    const double *reals = row.reals;
    return gpkg_writer_row(o->out, o->segments, texts, reals, s->wkb, s->wkb_size, o->err, o->err_size);
}

static int write_issue(const guotu_border_issue *i, void *user) {
    border_output *o = user;
    o->issue_counts++;
    const int *slot = o->slots[T_ISSUES];
    table_row row;
    table_row_clear(&row);
    table_row_text(&row, slot[I_KIND], i->kind);
    table_row_text(&row, slot[I_ADMIN_A], i->admin_a);
    table_row_text(&row, slot[I_ADMIN_B], i->admin_b);
    table_row_real(&row, slot[I_FEATURE_ID], i->fid >= 0 ? (double)i->fid : NAN);
    table_row_text(&row, slot[I_CITY_ID], i->city_id);
    table_row_real(&row, slot[I_AREA_M2], i->area_m2);
    table_row_text(&row, slot[I_MESSAGE_ZH], i->message_zh);
    table_row_text(&row, slot[I_MESSAGE_EN], i->message_en);
    const char *const *texts = row.texts;
    const double *reals = row.reals;
    /* Points (where a geometry is invalid) and areas go to two layers; an element without
     * geometry is a row without geometry in basemap_issues. */
    int layer = o->issues;
    if (i->wkb && i->wkb_size >= 5) {
        unsigned type = i->wkb[0] == 1 ? (unsigned)i->wkb[1] | (unsigned)i->wkb[2] << 8 : (unsigned)i->wkb[4];
        if (type % 1000 == 1) layer = o->issue_points;
    }
    return gpkg_writer_row(o->out, layer, texts, reals, i->wkb, i->wkb_size, o->err, o->err_size);
}

/* ---- rows kept until the run ends ----
 * The workers share the pairs by a hash and report as they go, so the order of the rows (and
 * the core's conflict ids, which step by the number of parts) depend on the threads. A row
 * keeps its own copy of every string and WKB; `seq` is the order of arrival, which keeps a
 * pair's rows in the order its one worker reported them. */
enum { H_CONFLICT, H_SEGMENT, H_ISSUE };

struct border_held {
    int what;       /* H_CONFLICT, H_SEGMENT or H_ISSUE */
    int64_t rank_a; /* index of admin_a, admin_b in the admin layer; -1, -1 for the inputs' issues */
    int64_t rank_b;
    size_t seq;
    union {
        guotu_border_conflict c;
        guotu_border_segment s;
        guotu_border_issue i;
    } u;
    char *texts;          /* the strings of u, one block */
    unsigned char *blobs; /* the WKB of u, one block */
};

/* Copies n strings into one block and points v[] at the copies; NULL when out of memory. */
static char *copy_texts(const char **v[], int n) {
    size_t size = 0;
    for (int k = 0; k < n; k++)
        size += strlen(*v[k] ? *v[k] : "") + 1;
    char *block = malloc(size ? size : 1), *at = block;
    if (!block) return NULL;
    for (int k = 0; k < n; k++) {
        const char *t = *v[k] ? *v[k] : "";
        size_t len = strlen(t) + 1;
        memcpy(at, t, len);
        *v[k] = at;
        at += len;
    }
    return block;
}

/* Copies n WKB (may be NULL) into one block and points v[] at the copies. */
static int copy_blobs(const unsigned char **v[], const size_t *sizes, int n, unsigned char **block) {
    size_t size = 0;
    for (int k = 0; k < n; k++)
        size += *v[k] ? sizes[k] : 0;
    *block = NULL;
    if (!size) return 0;
    unsigned char *at = *block = malloc(size);
    if (!at) return 1;
    for (int k = 0; k < n; k++)
        if (*v[k]) {
            memcpy(at, *v[k], sizes[k]);
            *v[k] = at;
            at += sizes[k];
        }
    return 0;
}

typedef struct admin_rank {
    const char *id;
    int64_t rank;
} admin_rank;

static int compare_ids(const void *x, const void *y) {
    return strcmp(((const admin_rank *)x)->id, ((const admin_rank *)y)->id);
}

/* The admin unit's index in the layer: ids[] are in the layer's order, unique (the core
 * refuses a repeated id); -1 for "" (no unit). */
static int64_t rank_of(const border_output *o, const admin_rank *sorted, const char *id) {
    if (!id || !id[0]) return -1;
    admin_rank key = {id, 0};
    const admin_rank *r = bsearch(&key, sorted, o->nadmins, sizeof *sorted, compare_ids);
    return r ? r->rank : (int64_t)o->nadmins; /* not an admin id (never expected): after every pair */
}

static border_held *hold(border_output *o, int what) {
    if (o->nheld == o->held_cap) {
        size_t cap = o->held_cap ? 2 * o->held_cap : 1024;
        border_held *grown = realloc(o->held, cap * sizeof *grown);
        if (!grown) return NULL;
        o->held = grown;
        o->held_cap = cap;
    }
    border_held *h = &o->held[o->nheld];
    memset(h, 0, sizeof *h);
    h->what = what;
    h->seq = o->nheld;
    return h;
}

static int hold_conflict(const guotu_border_conflict *c, void *user) {
    border_output *o = user;
    border_held *h = hold(o, H_CONFLICT);
    if (!h) return snprintf(o->err, o->err_size, "out of memory") > 0;
    h->u.c = *c;
    guotu_border_conflict *k = &h->u.c;
    const char **texts[] = {&k->kind,         &k->detail,       &k->admin_a, &k->admin_b, &k->side,
                            &k->categories_a, &k->categories_b, &k->names_a, &k->names_b};
    const unsigned char **blobs[] = {&k->line_wkb, &k->area_wkb};
    const size_t sizes[] = {k->line_wkb_size, k->area_wkb_size};
    h->texts = copy_texts(texts, 9);
    if (!h->texts || copy_blobs(blobs, sizes, 2, &h->blobs)) {
        free(h->texts);
        return snprintf(o->err, o->err_size, "out of memory") > 0;
    }
    o->nheld++;
    return 0;
}

static int hold_segment(const guotu_border_segment *s, void *user) {
    border_output *o = user;
    border_held *h = hold(o, H_SEGMENT);
    if (!h) return snprintf(o->err, o->err_size, "out of memory") > 0;
    h->u.s = *s;
    guotu_border_segment *k = &h->u.s;
    const char **texts[] = {&k->admin_a,      &k->admin_b, &k->status, &k->categories_a,
                            &k->categories_b, &k->names_a, &k->names_b};
    const unsigned char **blobs[] = {&k->wkb};
    const size_t sizes[] = {k->wkb_size};
    h->texts = copy_texts(texts, 7);
    if (!h->texts || copy_blobs(blobs, sizes, 1, &h->blobs)) {
        free(h->texts);
        return snprintf(o->err, o->err_size, "out of memory") > 0;
    }
    o->nheld++;
    return 0;
}

static int hold_issue(const guotu_border_issue *i, void *user) {
    border_output *o = user;
    border_held *h = hold(o, H_ISSUE);
    if (!h) return snprintf(o->err, o->err_size, "out of memory") > 0;
    h->u.i = *i;
    guotu_border_issue *k = &h->u.i;
    const char **texts[] = {&k->kind, &k->admin_a, &k->admin_b, &k->city_id, &k->message_zh, &k->message_en};
    const unsigned char **blobs[] = {&k->wkb};
    const size_t sizes[] = {k->wkb_size};
    h->texts = copy_texts(texts, 6);
    if (!h->texts || copy_blobs(blobs, sizes, 1, &h->blobs)) {
        free(h->texts);
        return snprintf(o->err, o->err_size, "out of memory") > 0;
    }
    o->nheld++;
    return 0;
}

/* An input issue (no pair: an admin unit's or an element's own) ranks before every pair. */
static void rank_held(const border_output *o, const admin_rank *sorted, border_held *h) {
    const char *a = "", *b = "";
    if (h->what == H_CONFLICT) a = h->u.c.admin_a, b = h->u.c.admin_b;
    if (h->what == H_SEGMENT) a = h->u.s.admin_a, b = h->u.s.admin_b;
    if (h->what == H_ISSUE) a = h->u.i.admin_a, b = h->u.i.admin_b;
    int is_pair = a[0] && b[0];
    h->rank_a = is_pair ? rank_of(o, sorted, a) : -1;
    h->rank_b = is_pair ? rank_of(o, sorted, b) : -1;
}

static int compare_held(const void *x, const void *y) {
    const border_held *a = x, *b = y;
    if (a->rank_a != b->rank_a) return a->rank_a < b->rank_a ? -1 : 1;
    if (a->rank_b != b->rank_b) return a->rank_b < b->rank_b ? -1 : 1;
    return a->seq < b->seq ? -1 : a->seq > b->seq;
}

typedef struct id_map {
    int64_t from, to;
} id_map;

static int compare_map(const void *x, const void *y) {
    int64_t a = ((const id_map *)x)->from, b = ((const id_map *)y)->from;
    return a < b ? -1 : a > b;
}

/* Sorts the kept rows, numbers the conflicts 1, 2, ... and writes every row. */
static int write_held(border_output *o) {
    if (!o->nheld) return 0;
    admin_rank *sorted = malloc((o->nadmins ? o->nadmins : 1) * sizeof *sorted);
    if (!sorted) return snprintf(o->err, o->err_size, "out of memory") > 0;
    for (size_t k = 0; k < o->nadmins; k++)
        sorted[k] = (admin_rank){o->ids[k], (int64_t)k};
    qsort(sorted, o->nadmins, sizeof *sorted, compare_ids);
    size_t nconflicts = 0;
    for (size_t k = 0; k < o->nheld; k++) {
        rank_held(o, sorted, &o->held[k]);
        nconflicts += o->held[k].what == H_CONFLICT;
    }
    free(sorted);
    qsort(o->held, o->nheld, sizeof *o->held, compare_held);
    id_map *map = malloc((nconflicts ? nconflicts : 1) * sizeof *map);
    if (!map) return snprintf(o->err, o->err_size, "out of memory") > 0;
    size_t n = 0;
    for (size_t k = 0; k < o->nheld; k++)
        if (o->held[k].what == H_CONFLICT) {
            map[n].from = o->held[k].u.c.id;
            map[n].to = (int64_t)n + 1;
            o->held[k].u.c.id = map[n].to;
            n++;
        }
    qsort(map, n, sizeof *map, compare_map);
    int failed = 0;
    for (size_t k = 0; !failed && k < o->nheld; k++) {
        border_held *h = &o->held[k];
        if (h->what == H_CONFLICT) {
            failed = write_conflict(&h->u.c, o);
        } else if (h->what == H_SEGMENT) {
            if (h->u.s.conflict_id >= 0) {
                id_map key = {h->u.s.conflict_id, -1};
                const id_map *m = bsearch(&key, map, n, sizeof *map, compare_map);
                h->u.s.conflict_id = m ? m->to : -1;
            }
            failed = write_segment(&h->u.s, o);
        } else {
            failed = write_issue(&h->u.i, o);
        }
    }
    free(map);
    return failed;
}

/* The callbacks come from the worker threads: one row at a time, and after a failed copy
 * every thread stops. */
#define LOCKED(name, type)                                                                                             \
    static int on_##name(const type *item, void *user) {                                                               \
        border_output *o = user;                                                                                       \
        pthread_mutex_lock(&o->lock);                                                                                  \
        int failed = o->failed || hold_##name(item, user);                                                             \
        if (failed) o->failed = 1;                                                                                     \
        pthread_mutex_unlock(&o->lock);                                                                                \
        return failed;                                                                                                 \
    }
LOCKED(segment, guotu_border_segment)
LOCKED(conflict, guotu_border_conflict)
LOCKED(issue, guotu_border_issue)

const guotu_border_callbacks border_output_callbacks = {on_segment, on_conflict, on_issue};

int border_output_summary(border_output *o, guotu_context *ctx, const guotu_border *b, const table_meta *meta,
                          int nmeta) {
    if (write_held(o)) return 1;
    o->summary = gpkg_writer_add_layer(o->out, "pair_summary", wkbNone, NULL, columns(o, T_SUMMARY),
                                       ncolumns(o, T_SUMMARY), o->err, o->err_size);
    if (o->summary < 0) return 1;
    for (size_t i = 0; i < guotu_border_pair_count(b); i++) {
        guotu_border_pair p;
        guotu_border_pair_row(ctx, b, i, &p);
        const double values[NSUMMARY] = {0,
                                         0,
                                         0,
                                         0,
                                         p.border_m,
                                         p.coordinated_m,
                                         p.overlap_m,
                                         p.gap_m,
                                         p.discontinuity_m,
                                         p.mismatch_m,
                                         p.none_m,
                                         p.overlap_area_m2,
                                         p.gap_area_m2,
                                         p.admin_overlap_m2,
                                         p.admin_gap_m2,
                                         (double)p.conflicts,
                                         p.weighted_conflict_m,
                                         p.score};
        const char *names[4] = {p.admin_a, p.name_a, p.admin_b, p.name_b};
        const int *slot = o->slots[T_SUMMARY];
        table_row row;
        table_row_clear(&row);
        for (int k = 0; k < NSUMMARY; k++)
            if (k < 4)
                table_row_text(&row, slot[k], names[k]);
            else
                table_row_real(&row, slot[k], values[k]);
        const char *const *texts = row.texts;
        const double *reals = row.reals;
        if (gpkg_writer_row(o->out, o->summary, texts, reals, NULL, 0, o->err, o->err_size)) return 1;
    }
    const int layers[] = {o->conflicts, o->conflict_lines, o->segments, o->issues, o->issue_points, o->summary};
    for (size_t k = 0; k < sizeof layers / sizeof layers[0]; k++)
        gpkg_writer_meta(o->out, layers[k], meta, nmeta);
    /* The layers open styled by status and kind, with their Chinese field names. */
    static const char *const styled[] = {"border_conflicts", "border_conflict_lines", "shared_borders",
                                         "basemap_issues",   "basemap_issue_points",  "pair_summary"};
    return gpkg_writer_add_styles(o->out, "border", styled, 6, o->err, o->err_size);
}

void border_output_free(border_output *o) {
    for (size_t k = 0; k < o->nheld; k++) {
        free(o->held[k].texts);
        free(o->held[k].blobs);
    }
    free(o->held);
    o->held = NULL;
    o->nheld = o->held_cap = 0;
    for (int t = 0; t < 4; t++) {
        table_schema_free(o->schemas[t]);
        o->schemas[t] = NULL;
    }
}
