/* frame.c — the element catalogue of the provincial transmission framework and the check of
 * the cities' submissions against it (see guotu_frame.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csv_table.h"
#include "frame_internal.h"

const char *const gt_frame_indicator_names[GT_FRAME_NINDICATORS] = {
    "area", "elevation_min", "elevation_mean", "elevation_max", "slope_mean", "slope_share", "forest_share"};
enum { NINDICATORS = GT_FRAME_NINDICATORS };
#define indicator_names gt_frame_indicator_names

int guotu_frame_create(guotu_context *ctx, guotu_frame **out) {
    if (!ctx) return GUOTU_ERR_ARGUMENT;
    gt_clear_error(ctx);
    if (!out) return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "guotu_frame_create: out is NULL");
    *out = calloc(1, sizeof **out);
    return *out ? GUOTU_OK : gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
}

static void free_entry(frame_entry *e) {
    free(e->id);
    free(e->name);
    free(e->type);
    free(e->cities_joined);
    for (size_t i = 0; i < e->ncities; i++)
        free(e->cities[i]);
    free(e->cities);
}

/* What the indicators hold (frame_indicators.c fills it), freed with the frame: here, so that this
 * file needs nothing of frame_indicators.c. */
static void free_indicators(guotu_context *ctx, guotu_frame *f) {
    for (size_t i = 0; i < f->nzones; i++) {
        frame_zone *z = &f->zones[i];
        if (ctx) {
            if (z->prepared) GEOSPreparedGeom_destroy_r(ctx->geos, z->prepared);
            if (z->geom) GEOSGeom_destroy_r(ctx->geos, z->geom);
        }
        free(z->wkb);
    }
    free(f->zones);
    if (ctx && f->tree) GEOSSTRtree_destroy_r(ctx->geos, f->tree);
    for (size_t i = 0; i < f->nthresholds; i++) {
        free(f->thresholds[i].city);
        free(f->thresholds[i].type);
    }
    free(f->thresholds);
    for (size_t i = 0; i < f->nforest_codes; i++)
        free(f->forest_codes[i]);
    free(f->forest_codes);
    if (f->cell_area_ready) gt_cell_area_free(&f->cell_area);
    if (f->landuse_cell_area_ready) gt_cell_area_free(&f->landuse_cell_area);
    free(f->forest_values);
    if (f->calc) guotu_area_calc_destroy(ctx, f->calc);
    free(f->crs);
    free(f->rows_done);
    free(f->slope);
    free(f->gx);
    free(f->gy);
    free(f->band_zones);
    free(f->spans);
    free(f->cover);
    free(f->scratch);
    free(f->areas);
}

void guotu_frame_destroy(guotu_context *ctx, guotu_frame *f) {
    if (!f) return;
    free_indicators(ctx, f);
    for (size_t i = 0; i < f->nentries; i++)
        free_entry(&f->entries[i]);
    for (size_t i = 0; i < f->nsubs; i++) {
        free(f->subs[i].city);
        free(f->subs[i].element);
        free(f->subs[i].name);
        free(f->subs[i].county);
        free(f->subs[i].wkb);
    }
    for (size_t i = 0; i < f->ncounties; i++) {
        free(f->counties[i].county);
        free(f->counties[i].city);
    }
    free(f->counties);
    free(f->entries);
    free(f->subs);
    free(f->cities);
    free(f->flags);
    free(f);
}

/* A copy of s without blanks at both ends ("" for NULL); NULL when out of memory. */
static char *trimmed(const char *s) {
    if (!s) s = "";
    while (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n')
        s++;
    size_t n = strlen(s);
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r' || s[n - 1] == '\n'))
        n--;
    char *out = malloc(n + 1);
    if (!out) return NULL;
    memcpy(out, s, n);
    out[n] = 0;
    return out;
}

/* Length of the list separator at p (';' ',' '|' '、' '；'), 0 when none. */
static size_t separator(const char *p) {
    if (*p == ';' || *p == ',' || *p == '|') return 1;
    if (!strncmp(p, "\xe3\x80\x81", 3) || !strncmp(p, "\xef\xbc\x9b", 3)) return 3; /* 、 ； */
    return 0;
}

/* Calls fn on each trimmed non-empty item of a list; stops at its first non-zero result. */
int gt_frame_each_item(const char *list, int (*fn)(const char *item, void *user), void *user) {
    char item[GT_CSV_MAX_FIELD];
    const char *p = list ? list : "";
    while (*p) {
        const char *start = p;
        size_t sep = 0;
        while (*p && !(sep = separator(p)))
            p++;
        size_t n = (size_t)(p - start);
        if (n >= sizeof item) n = sizeof item - 1;
        memcpy(item, start, n);
        item[n] = 0;
        char *t = trimmed(item);
        if (!t) return -1;
        int r = t[0] ? fn(t, user) : 0;
        free(t);
        if (r) return r;
        p += sep;
    }
    return 0;
}

typedef struct entry_build {
    guotu_context *ctx;
    frame_entry *e;
    int status;
} entry_build;

static int add_city(const char *item, void *user) {
    entry_build *b = user;
    for (size_t i = 0; i < b->e->ncities; i++)
        if (!strcmp(b->e->cities[i], item)) return 0;
    char **grown = realloc(b->e->cities, (b->e->ncities + 1) * sizeof *grown);
    if (!grown) return b->status = gt_fail(b->ctx, GUOTU_ERR_NOMEM, "out of memory");
    b->e->cities = grown;
    if (!(grown[b->e->ncities] = gt_strdup(item))) return b->status = gt_fail(b->ctx, GUOTU_ERR_NOMEM, "out of memory");
    b->e->ncities++;
    return 0;
}

static int add_indicator(const char *item, void *user) {
    entry_build *b = user;
    for (int i = 0; i < NINDICATORS; i++)
        if (!strcmp(indicator_names[i], item)) {
            b->e->indicators |= 1u << i;
            return 0;
        }
    char msg[GUOTU_MSG_SIZE];
    gt_textf(msg, sizeof msg,
             "catalogue element '%s': unknown indicator '%s' (the framework's indicators are area, elevation_min, "
             "elevation_mean, elevation_max, slope_mean, slope_share, forest_share)",
             b->e->id, item);
    return b->status = gt_fail(b->ctx, GUOTU_ERR_DATA, "%s", msg);
}

static char *join_cities(const frame_entry *e) {
    size_t n = 1;
    for (size_t i = 0; i < e->ncities; i++)
        n += strlen(e->cities[i]) + 1;
    char *out = malloc(n);
    if (!out) return NULL;
    out[0] = 0;
    for (size_t i = 0; i < e->ncities; i++) {
        if (i) strcat(out, ";");
        strcat(out, e->cities[i]);
    }
    return out;
}

int guotu_frame_add_entry(guotu_context *ctx, guotu_frame *f, const char *element_id, const char *name,
                          const char *type, const char *cities, const char *indicators) {
    if (!ctx) return GUOTU_ERR_ARGUMENT;
    gt_clear_error(ctx);
    if (!f) return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "guotu_frame_add_entry: frame is NULL");
    if (f->prepared) return gt_fail(ctx, GUOTU_ERR_STATE, "guotu_frame_add_entry after guotu_frame_prepare");
    const char *texts[] = {element_id, name, type, cities, indicators};
    for (int i = 0; i < 5; i++)
        if (texts[i] && !gt_utf8_valid(texts[i]))
            return gt_fail(ctx, GUOTU_ERR_DATA,
                           "catalogue: an element's text is not valid UTF-8 (a GBK file read as "
                           "UTF-8?)");
    if (gt_reserve(&f->entries, &f->entries_cap, f->nentries + 1, sizeof *f->entries, 16))
        return gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
    frame_entry e;
    memset(&e, 0, sizeof e);
    entry_build b = {ctx, &e, GUOTU_OK};
    e.id = trimmed(element_id);
    e.name = trimmed(name);
    e.type = trimmed(type);
    if (!e.id || !e.name || !e.type) {
        free_entry(&e);
        return gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
    }
    char msg[GUOTU_MSG_SIZE] = "";
    if (!e.id[0]) gt_textf(msg, sizeof msg, "catalogue: an element (name '%s') has an empty element id", e.name);
    for (size_t i = 0; !msg[0] && i < f->nentries; i++)
        if (!strcmp(f->entries[i].id, e.id))
            gt_textf(msg, sizeof msg, "catalogue: element id '%s' is listed twice ('%s' and '%s')", e.id,
                     f->entries[i].name, e.name);
    if (!msg[0] && !e.type[0]) gt_textf(msg, sizeof msg, "catalogue element '%s': the type is empty", e.id);
    if (msg[0]) {
        free_entry(&e);
        return gt_fail(ctx, GUOTU_ERR_DATA, "%s", msg);
    }
    if (gt_frame_each_item(cities, add_city, &b) || gt_frame_each_item(indicators, add_indicator, &b)) {
        free_entry(&e);
        return b.status ? b.status : gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
    }
    if (!e.ncities) {
        gt_textf(msg, sizeof msg, "catalogue element '%s': no city is listed (the cities it spans, e.g. 3201;3202)",
                 e.id);
        free_entry(&e);
        return gt_fail(ctx, GUOTU_ERR_DATA, "%s", msg);
    }
    if (!(e.cities_joined = join_cities(&e))) {
        free_entry(&e);
        return gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
    }
    f->entries[f->nentries++] = e;
    return GUOTU_OK;
}

typedef struct catalogue_reader {
    guotu_frame *f;
    const char *label;
} catalogue_reader;

static int read_entry(guotu_context *ctx, const gt_csv_fields fields, const int *columns, int line, void *user) {
    catalogue_reader *r = user;
    int status = guotu_frame_add_entry(ctx, r->f, fields[columns[0]], fields[columns[1]], fields[columns[2]],
                                       fields[columns[3]], fields[columns[4]]);
    if (status) {
        char msg[GUOTU_MSG_SIZE];
        gt_textf(msg, sizeof msg, "catalogue '%s', line %d: %s", r->label, line, guotu_context_last_error(ctx));
        gt_fail(ctx, status, "%s", msg);
    }
    return status;
}

int guotu_frame_load_catalogue(guotu_context *ctx, guotu_frame *f, const char *text, size_t size, const char *label) {
    if (!ctx) return GUOTU_ERR_ARGUMENT;
    gt_clear_error(ctx);
    if (!f || (!text && size)) return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "guotu_frame_load_catalogue: NULL argument");
    static const char *const names[] = {"element_id", "name", "type", "cities", "indicators"};
    catalogue_reader r = {f, label ? label : "(catalogue)"};
    size_t before = f->nentries;
    int status = gt_csv_rows(ctx, text ? text : "", size, "catalogue", r.label, names, 5, read_entry, &r);
    if (!status && f->nentries == before)
        status = gt_fail(ctx, GUOTU_ERR_DATA, "catalogue '%s' lists no element", r.label);
    return status;
}

int guotu_frame_add_submission(guotu_context *ctx, guotu_frame *f, const char *city_id, const char *element_id,
                               const char *name, int64_t fid, const unsigned char *wkb, size_t wkb_size) {
    if (!ctx) return GUOTU_ERR_ARGUMENT;
    gt_clear_error(ctx);
    if (!f || (!wkb && wkb_size)) return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "guotu_frame_add_submission: NULL argument");
    if (f->prepared) return gt_fail(ctx, GUOTU_ERR_STATE, "guotu_frame_add_submission after guotu_frame_prepare");
    const char *texts[] = {city_id, element_id, name};
    for (int i = 0; i < 3; i++)
        if (texts[i] && !gt_utf8_valid(texts[i]))
            return gt_fail(ctx, GUOTU_ERR_DATA,
                           "submitted feature %lld: a text is not valid UTF-8 (a GBK file read as UTF-8?)",
                           (long long)fid);
    if (gt_reserve(&f->subs, &f->subs_cap, f->nsubs + 1, sizeof *f->subs, 64))
        return gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
    frame_submission s = {trimmed(city_id), trimmed(element_id), trimmed(name), NULL, fid, NULL, 0};
    if (wkb && wkb_size && (s.wkb = malloc(wkb_size)) != NULL) {
        memcpy(s.wkb, wkb, wkb_size);
        s.wkb_size = wkb_size;
    }
    if (!s.city || !s.element || !s.name || (wkb_size && !s.wkb)) {
        free(s.city);
        free(s.element);
        free(s.name);
        free(s.wkb);
        return gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
    }
    f->subs[f->nsubs++] = s;
    return GUOTU_OK;
}

static frame_county *county_of(guotu_frame *f, const char *id) {
    for (size_t i = 0; i < f->ncounties; i++)
        if (!strcmp(f->counties[i].county, id)) return &f->counties[i];
    return NULL;
}

/* Moves the submissions of counties to their cities (once per submission) and clears the
 * counties' counts. */
int gt_frame_roll_up(guotu_context *ctx, guotu_frame *f) {
    for (size_t i = 0; i < f->ncounties; i++) {
        memset(&f->counties[i].row, 0, sizeof f->counties[i].row);
        f->counties[i].row.county_id = f->counties[i].county;
        f->counties[i].row.city_id = f->counties[i].city;
    }
    for (size_t i = 0; i < f->nsubs; i++) {
        frame_submission *s = &f->subs[i];
        frame_county *c = s->county ? NULL : county_of(f, s->city);
        if (!c) continue;
        char *city = gt_strdup(c->city);
        if (!city) return gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
        s->county = s->city;
        s->city = city;
    }
    return GUOTU_OK;
}

int guotu_frame_add_county(guotu_context *ctx, guotu_frame *f, const char *county_id, const char *city_id) {
    if (!ctx) return GUOTU_ERR_ARGUMENT;
    gt_clear_error(ctx);
    if (!f || !county_id || !city_id) return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "guotu_frame_add_county: NULL argument");
    if (f->prepared) return gt_fail(ctx, GUOTU_ERR_STATE, "guotu_frame_add_county after guotu_frame_prepare");
    if (!gt_utf8_valid(county_id) || !gt_utf8_valid(city_id))
        return gt_fail(ctx, GUOTU_ERR_DATA, "county table: a text is not valid UTF-8");
    char msg[GUOTU_MSG_SIZE] = "";
    if (!county_id[0] || !city_id[0])
        gt_textf(msg, sizeof msg, "county table: a county or city id is empty");
    else if (county_of(f, county_id))
        gt_textf(msg, sizeof msg, "county table: county %s is listed twice", county_id);
    if (msg[0]) return gt_fail(ctx, GUOTU_ERR_DATA, "%s", msg);
    if (gt_reserve(&f->counties, &f->counties_cap, f->ncounties + 1, sizeof *f->counties, 16))
        return gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
    frame_county c;
    memset(&c, 0, sizeof c);
    c.county = gt_strdup(county_id);
    c.city = gt_strdup(city_id);
    if (!c.county || !c.city) {
        free(c.county);
        free(c.city);
        return gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
    }
    f->counties[f->ncounties++] = c;
    return GUOTU_OK;
}

typedef struct county_reader {
    guotu_frame *f;
    const char *label;
} county_reader;

static int read_county(guotu_context *ctx, const gt_csv_fields fields, const int *columns, int line, void *user) {
    county_reader *r = user;
    int status = guotu_frame_add_county(ctx, r->f, fields[columns[0]], fields[columns[1]]);
    if (status) {
        char msg[GUOTU_MSG_SIZE];
        gt_textf(msg, sizeof msg, "counties '%s', line %d: %s", r->label, line, guotu_context_last_error(ctx));
        gt_fail(ctx, status, "%s", msg);
    }
    return status;
}

int guotu_frame_load_counties(guotu_context *ctx, guotu_frame *f, const char *text, size_t size, const char *label) {
    if (!ctx) return GUOTU_ERR_ARGUMENT;
    gt_clear_error(ctx);
    if (!f || (!text && size)) return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "guotu_frame_load_counties: NULL argument");
    static const char *const names[] = {"county", "city"};
    county_reader r = {f, label ? label : "(counties)"};
    return gt_csv_rows(ctx, text ? text : "", size, "counties", r.label, names, 2, read_county, &r);
}

size_t guotu_frame_county_count(const guotu_frame *f) {
    size_t n = 0;
    for (size_t i = 0; f && i < f->ncounties; i++)
        n += f->counties[i].row.features > 0;
    return n;
}

int guotu_frame_county_row(guotu_context *ctx, const guotu_frame *f, size_t i, guotu_frame_county *out) {
    if (!ctx) return GUOTU_ERR_ARGUMENT;
    gt_clear_error(ctx);
    for (size_t k = 0; f && out && k < f->ncounties; k++) {
        if (f->counties[k].row.features <= 0) continue;
        if (i-- == 0) {
            *out = f->counties[k].row;
            return GUOTU_OK;
        }
    }
    return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "guotu_frame_county_row: no such row");
}

/* Index of the city row of `id`, added when new; -1 when out of memory. */
static long city_row(guotu_frame *f, char *id) {
    for (size_t i = 0; i < f->ncities; i++)
        if (!strcmp(f->cities[i].id, id)) return (long)i;
    if (gt_reserve(&f->cities, &f->cities_cap, f->ncities + 1, sizeof *f->cities, 16)) return -1;
    frame_city_row *c = &f->cities[f->ncities];
    memset(c, 0, sizeof *c);
    c->id = id;
    c->row.city_id = id;
    return (long)f->ncities++;
}

/* Catalogue entries by id, for the submissions' look-up. */
static int by_id(const void *a, const void *b) {
    return strcmp((*(const frame_entry *const *)a)->id, (*(const frame_entry *const *)b)->id);
}

static frame_entry *find_entry(frame_entry **sorted, size_t n, const char *id) {
    frame_entry key = {0}, *k = &key;
    key.id = (char *)id;
    frame_entry **hit = n ? bsearch(&k, sorted, n, sizeof *sorted, by_id) : NULL;
    return hit ? *hit : NULL;
}

static long listed_index(const frame_entry *e, const char *city) {
    for (size_t i = 0; i < e->ncities; i++)
        if (!strcmp(e->cities[i], city)) return (long)i;
    return -1;
}

static int report(guotu_context *ctx, guotu_frame_finding_fn fn, void *user, guotu_frame_finding *x) {
    if (!fn || !fn(x, user)) return GUOTU_OK;
    return gt_fail(ctx, GUOTU_ERR_CANCELLED, "the catalogue check was stopped");
}

int guotu_frame_check_catalogue(guotu_context *ctx, guotu_frame *f, guotu_frame_finding_fn fn, void *user_data) {
    if (!ctx) return GUOTU_ERR_ARGUMENT;
    gt_clear_error(ctx);
    if (!f) return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "guotu_frame_check_catalogue: frame is NULL");
    if (!f->nentries) return gt_fail(ctx, GUOTU_ERR_STATE, "the catalogue is empty: load it before the check");
    int rolled = gt_frame_roll_up(ctx, f);
    if (rolled) return rolled;
    f->ncities = 0;
    size_t nflags = 0;
    for (size_t i = 0; i < f->nentries; i++) {
        f->entries[i].flag0 = nflags;
        nflags += f->entries[i].ncities;
    }
    free(f->flags);
    f->flags = calloc(nflags ? nflags : 1, 1);
    frame_entry **sorted = malloc(f->nentries * sizeof *sorted);
    long *sub_city = malloc((f->nsubs ? f->nsubs : 1) * sizeof *sub_city);
    unsigned char *sub_kind = malloc(f->nsubs ? f->nsubs : 1); /* 0 matched, 1 not in catalogue, 2 not listed,
                                                                   3 no city */
    int status =
        (!f->flags || !sorted || !sub_city || !sub_kind) ? gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory") : GUOTU_OK;
    for (size_t i = 0; !status && i < f->nentries; i++) {
        sorted[i] = &f->entries[i];
        for (size_t k = 0; !status && k < f->entries[i].ncities; k++) {
            long c = city_row(f, f->entries[i].cities[k]);
            if (c < 0)
                status = gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
            else
                f->cities[c].row.listed++;
        }
    }
    if (!status) qsort(sorted, f->nentries, sizeof *sorted, by_id);
    /* Which listed (element, city) were submitted; each feature's own finding. */
    for (size_t i = 0; !status && i < f->nsubs; i++) {
        frame_submission *s = &f->subs[i];
        sub_city[i] = -1;
        if (!s->city[0]) {
            sub_kind[i] = 3;
            continue;
        }
        if ((sub_city[i] = city_row(f, s->city)) < 0) {
            status = gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
            break;
        }
        f->cities[sub_city[i]].row.features++;
        frame_entry *e = find_entry(sorted, f->nentries, s->element);
        long k = e ? listed_index(e, s->city) : -1;
        sub_kind[i] = !e ? 1 : k < 0 ? 2 : 0;
        if (k >= 0) f->flags[e->flag0 + (size_t)k] = 1;
        if (sub_kind[i] == 1) f->cities[sub_city[i]].row.not_in_catalogue++;
        frame_county *cty = s->county ? county_of(f, s->county) : NULL;
        if (cty) {
            cty->row.features++;
            if (sub_kind[i] == 1) cty->row.not_in_catalogue++;
            /* A listed element counts once per county: only its first feature from the county. */
            int first = sub_kind[i] == 0;
            for (size_t j = 0; first && j < i; j++)
                first = !(f->subs[j].county && !strcmp(f->subs[j].county, s->county) &&
                          !strcmp(f->subs[j].element, s->element));
            if (first) cty->row.elements++;
        }
        if (sub_kind[i] == 2) f->cities[sub_city[i]].row.city_not_listed++;
    }
    char zh[GUOTU_MSG_SIZE], en[GUOTU_MSG_SIZE];
    for (size_t i = 0; !status && i < f->nentries; i++) {
        frame_entry *e = &f->entries[i];
        for (size_t k = 0; !status && k < e->ncities; k++) {
            frame_city_row *c = &f->cities[city_row(f, e->cities[k])];
            if (f->flags[e->flag0 + k]) {
                c->row.submitted++;
                continue;
            }
            c->row.not_submitted++;
            gt_textf(zh, sizeof zh, "名录要素 %s（%s，%s）涉及城市 %s，但该市未报送", e->id, e->name, e->type,
                     e->cities[k]);
            gt_textf(en, sizeof en, "catalogue element %s (%s, %s) spans city %s, which did not submit it", e->id,
                     e->name, e->type, e->cities[k]);
            guotu_frame_finding x = {
                "not_submitted", e->cities[k], e->id, e->name, e->type, e->cities_joined, -1, zh, en, NULL, 0};
            status = report(ctx, fn, user_data, &x);
        }
    }
    for (size_t i = 0; !status && i < f->nsubs; i++) {
        if (!sub_kind[i]) continue;
        frame_submission *s = &f->subs[i];
        frame_entry *e = sub_kind[i] == 2 ? find_entry(sorted, f->nentries, s->element) : NULL;
        const char *kind = sub_kind[i] == 1 ? "not_in_catalogue" : sub_kind[i] == 2 ? "city_not_listed" : "no_city";
        if (sub_kind[i] == 1 && !s->element[0]) {
            gt_textf(zh, sizeof zh, "城市 %s 报送的要素 %lld（%s）没有要素编号，无法对应名录", s->city,
                     (long long)s->fid, s->name);
            gt_textf(en, sizeof en,
                     "feature %lld (%s) submitted by city %s has no element id: it matches no catalogue "
                     "entry",
                     (long long)s->fid, s->name, s->city);
        } else if (sub_kind[i] == 1) {
            gt_textf(zh, sizeof zh, "城市 %s 报送的要素 %lld（%s）的编号 %s 不在名录中", s->city, (long long)s->fid,
                     s->name, s->element);
            gt_textf(en, sizeof en,
                     "feature %lld (%s) submitted by city %s has element id %s, which is not in the "
                     "catalogue",
                     (long long)s->fid, s->name, s->city, s->element);
        } else if (sub_kind[i] == 2) {
            gt_textf(zh, sizeof zh, "城市 %s 报送了名录要素 %s（%s），但名录未列该市（名录城市：%s）", s->city, e->id,
                     e->name, e->cities_joined);
            gt_textf(en, sizeof en,
                     "city %s submitted catalogue element %s (%s), but the catalogue does not list "
                     "it for that city (listed: %s)",
                     s->city, e->id, e->name, e->cities_joined);
        } else {
            gt_textf(zh, sizeof zh, "报送要素 %lld（%s）没有城市代码，无法计入任何城市", (long long)s->fid, s->name);
            gt_textf(en, sizeof en, "submitted feature %lld (%s) has no city id: it counts for no city",
                     (long long)s->fid, s->name);
        }
        guotu_frame_finding x = {
            kind, s->city, s->element, e ? e->name : s->name, e ? e->type : "", e ? e->cities_joined : "", s->fid, zh,
            en,   s->wkb,  s->wkb_size};
        status = report(ctx, fn, user_data, &x);
    }
    free(sorted);
    free(sub_city);
    free(sub_kind);
    return status;
}

long gt_frame_find(const guotu_frame *f, const char *id, const char *city, long *listed) {
    *listed = -1;
    for (size_t i = 0; i < f->nentries; i++)
        if (!strcmp(f->entries[i].id, id)) {
            *listed = listed_index(&f->entries[i], city);
            return (long)i;
        }
    return -1;
}

size_t guotu_frame_city_count(const guotu_frame *f) { return f ? f->ncities : 0; }

int guotu_frame_city_row(guotu_context *ctx, const guotu_frame *f, size_t i, guotu_frame_city *out) {
    if (!ctx) return GUOTU_ERR_ARGUMENT;
    gt_clear_error(ctx);
    if (!f || !out || i >= f->ncities) return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "guotu_frame_city_row: no row %zu", i);
    *out = f->cities[i].row;
    return GUOTU_OK;
}
