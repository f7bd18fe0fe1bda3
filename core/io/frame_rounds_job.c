/* frame_rounds_job.c — guotu_frame_rounds_job_run (guotu_io.h): round n against round n+1 of
 * the three-down-three-up check (SPEC §10) from files. Reads the conflict lines and findings
 * of each round's GeoPackages (as written or as reviewed), runs the core's comparison
 * (guotu_rounds) and writes round_comparison, return_list and return_summary. Errors,
 * progress and cancel go through the caller's context; nothing is printed. */
#include <cpl_conv.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "gpkg_styles.h"
#include "gpkg_writer.h"
#include "guotu/guotu_io.h"
#include "io_util.h"
#include "table_schema.h"
#include "vector_source.h"

/* Items read or written between two calls of the context's progress callback. */
enum { PROGRESS_EVERY = 4096 };

void guotu_frame_rounds_job_init(guotu_frame_rounds_job *job) {
    if (!job) return;
    memset(job, 0, sizeof *job);
    guotu_rounds_options_init(&job->options);
}

/* Text of field `name` of f, "" when the layer has no such field or it is NULL. */
static const char *text_of(OGRFeatureH f, const char *name) {
    int i = OGR_F_GetFieldIndex(f, name);
    return i >= 0 && OGR_F_IsFieldSetAndNotNull(f, i) ? OGR_F_GetFieldAsString(f, i) : "";
}

static double real_of(OGRFeatureH f, const char *name) {
    int i = OGR_F_GetFieldIndex(f, name);
    return i >= 0 && OGR_F_IsFieldSetAndNotNull(f, i) ? OGR_F_GetFieldAsDouble(f, i) : 0;
}

/* One source layer of a round: how its rows become round items. */
typedef enum { SRC_CONFLICT, SRC_INDICATOR, SRC_CATALOGUE } source_kind;
static const char *const source_layers[] = {"border_conflict_lines", "indicator_findings", "catalogue_findings"};
static const char *const source_names[] = {"conflict", "indicator", "catalogue"};

/* The values each table's rows fill, by column name, in the order of the writers below; the
 * columns themselves, their order and their Chinese titles are resources/schemas/<table>.csv
 * (the layer names). */
static const char *const comparison_names[] = {"status",      "source",      "kind",           "key",
                                               "cities",      "label",       "length_m",       "area_m2",
                                               "material",    "returned",    "review_status",  "review_note",
                                               "reviewed_by", "reviewed_at", "previous_index", "current_index"};
enum { NCOMPARISON = 16 };
static const char *const return_names[] = {"city_id", "status",   "source",  "kind",       "key",
                                           "label",   "length_m", "area_m2", "review_note"};
enum { NRETURN = 9 };
static const char *const summary_names[] = {"city_id", "returned", "returned_new", "returned_persisting"};
enum { NSUMMARY = 4 };

enum { T_COMPARISON, T_RETURNS, T_SUMMARY, ROUND_TABLES };
static const char *const round_table_names[ROUND_TABLES] = {"round_comparison", "return_list", "return_summary"};

typedef struct city_count {
    char id[256];
    int64_t returned, returned_new, returned_persisting;
} city_count;

typedef struct rounds_run {
    const guotu_frame_rounds_job *job;
    guotu_context *ctx;
    guotu_rounds *rounds;
    /* The tables' schemas (loaded before the rounds are read) and where each value goes. */
    table_schema *schemas[ROUND_TABLES];
    int slots[ROUND_TABLES][TABLE_SCHEMA_MAX_COLUMNS];
    OGRSpatialReferenceH srs; /* of the first conflict lines read: the comparison's lines are theirs */
    gpkg_writer *out;
    int comparison, returns, summary;
    city_count *cities;
    size_t ncities, cap;
    int64_t items[2];
    int64_t counts[3]; /* new, persisting, resolved */
    int64_t results;
    int failed; /* the writer failed (its message in err) */
    int status; /* the status a failure ends with: GUOTU_ERR_IO unless said otherwise */
    char err[2048];
} rounds_run;

/* The context's progress callback, which may cancel: 1 with the message when it did. */
static int progress(rounds_run *r, double fraction, const char *what) {
    if (guotu_context_report_progress(r->ctx, fraction, what) == GUOTU_OK) return 0;
    snprintf(r->err, sizeof r->err, "cancelled while %s", what);
    r->status = GUOTU_ERR_CANCELLED;
    return 1;
}

static int add_layer_items(rounds_run *r, int round, GDALDatasetH ds, const char *path, source_kind kind) {
    OGRLayerH layer = GDALDatasetGetLayerByName(ds, source_layers[kind]);
    if (!layer) return 0;
    OGR_L_ResetReading(layer);
    OGRFeatureH f = NULL;
    int64_t read = 0;
    int more;
    while ((more = ogr_next_feature(layer, path, read, &f, r->err, sizeof r->err)) == 1) {
        read++;
        char key[1024], cities[512], label[1024];
        const char *k = text_of(f, "kind");
        double length = 0, area = 0;
        if (kind == SRC_CONFLICT) {
            const char *a = text_of(f, "admin_a"), *b = text_of(f, "admin_b"), *side = text_of(f, "side");
            snprintf(key, sizeof key, "%s|%s", a, b);
            if (side[0])
                snprintf(cities, sizeof cities, "%s", side);
            else
                snprintf(cities, sizeof cities, "%s;%s", a, b);
            snprintf(label, sizeof label, "%s %s %s|%s %s/%s", k, text_of(f, "detail"), a, b, text_of(f, "elements_a"),
                     text_of(f, "elements_b"));
            length = real_of(f, "length_m");
            area = real_of(f, "area_m2");
        } else if (kind == SRC_INDICATOR) {
            const char *city = text_of(f, "city_id"), *other = text_of(f, "other_city_id");
            snprintf(key, sizeof key, "%s|%s|%s|%s", text_of(f, "element_id"), city, other, text_of(f, "indicator"));
            if (other[0])
                snprintf(cities, sizeof cities, "%s;%s", city, other);
            else
                snprintf(cities, sizeof cities, "%s", city);
            snprintf(label, sizeof label, "%s %s %s", text_of(f, "element_id"), text_of(f, "element_name"),
                     text_of(f, "indicator"));
        } else {
            snprintf(key, sizeof key, "%s|%s|%s", text_of(f, "element_id"), text_of(f, "city_id"),
                     text_of(f, "element_id")[0] ? "" : text_of(f, "element_name"));
            snprintf(cities, sizeof cities, "%s", text_of(f, "city_id"));
            snprintf(label, sizeof label, "%s %s", text_of(f, "element_id"), text_of(f, "element_name"));
        }
        unsigned char *wkb = NULL;
        size_t size = 0;
        OGRGeometryH g = OGR_F_GetGeometryRef(f);
        if (g && !OGR_G_IsEmpty(g)) {
            size = (size_t)OGR_G_WkbSize(g);
            wkb = malloc(size);
            if (!wkb) {
                OGR_F_Destroy(f);
                snprintf(r->err, sizeof r->err, "out of memory");
                r->status = GUOTU_ERR_NOMEM;
                return 1;
            }
            OGR_G_ExportToIsoWkb(g, wkbNDR, wkb);
        }
        const unsigned char *line = kind == SRC_CONFLICT ? wkb : NULL;
        guotu_round_item it = {source_names[kind],
                               k,
                               key,
                               cities,
                               label,
                               length,
                               area,
                               text_of(f, "review_status"),
                               text_of(f, "review_note"),
                               text_of(f, "reviewed_by"),
                               text_of(f, "reviewed_at"),
                               line,
                               line ? size : 0,
                               wkb,
                               size};
        int status = guotu_rounds_add(r->ctx, r->rounds, round, &it);
        free(wkb);
        OGR_F_Destroy(f);
        if (status) {
            snprintf(r->err, sizeof r->err, "layer '%s' of '%s', feature %lld: %s", source_layers[kind], path,
                     (long long)read, guotu_context_last_error(r->ctx));
            r->status = status;
            return 1;
        }
        r->items[round]++;
        if (r->items[round] % PROGRESS_EVERY == 0 && progress(r, 0.0, round ? "reading round n+1" : "reading round n"))
            return 1;
    }
    return more < 0;
}

/* Reads every file of both rounds into the comparison. */
static int read_rounds(rounds_run *r) {
    const guotu_frame_rounds_job *job = r->job;
    for (int k = 0; k < 2; k++) {
        const char *const *files = k ? job->current : job->previous;
        int nfiles = k ? job->current_count : job->previous_count;
        for (int i = 0; i < nfiles; i++) {
            if (progress(r, 0.0, k ? "reading round n+1" : "reading round n")) return 1;
            GDALDatasetH ds = GDALOpenEx(files[i], GDAL_OF_VECTOR | GDAL_OF_READONLY, NULL, NULL, NULL);
            if (!ds) {
                snprintf(r->err, sizeof r->err, "cannot open '%s' as a vector file: %s", files[i],
                         CPLGetLastErrorMsg());
                return 1;
            }
            int failed = 0;
            for (int s = 0; !failed && s < 3; s++)
                failed = add_layer_items(r, k, ds, files[i], (source_kind)s);
            int known = 0;
            for (int s = 0; s < 3; s++)
                known |= GDALDatasetGetLayerByName(ds, source_layers[s]) != NULL;
            OGRLayerH lines = GDALDatasetGetLayerByName(ds, source_layers[0]);
            if (!r->srs && lines && OGR_L_GetSpatialRef(lines)) r->srs = OSRClone(OGR_L_GetSpatialRef(lines));
            GDALClose(ds);
            if (failed) return 1;
            if (!known) {
                snprintf(r->err, sizeof r->err,
                         "'%s' has none of the layers border_conflict_lines, indicator_findings, catalogue_findings "
                         "(an output of guotu border or guotu framework)",
                         files[i]);
                r->status = GUOTU_ERR_ARGUMENT;
                return 1;
            }
        }
    }
    return 0;
}

static city_count *city_counter(rounds_run *r, const char *id) {
    for (size_t i = 0; i < r->ncities; i++)
        if (!strcmp(r->cities[i].id, id)) return &r->cities[i];
    if (io_reserve(&r->cities, &r->cap, r->ncities + 1, sizeof *r->cities, 16)) return NULL;
    city_count *c = &r->cities[r->ncities++];
    memset(c, 0, sizeof *c);
    snprintf(c->id, sizeof c->id, "%s", id);
    return c;
}

/* One row of table t, its n values given in t's names order, written in the schema's. */
static int round_row(rounds_run *r, int t, int n, int layer, const char *const *texts, const double *reals,
                     const unsigned char *wkb, size_t size) {
    table_row row;
    table_row_clear(&row);
    for (int i = 0; i < n; i++) {
        table_row_text(&row, r->slots[t][i], texts[i]);
        table_row_real(&row, r->slots[t][i], reals[i]);
    }
    return gpkg_writer_row(r->out, layer, row.texts, row.reals, wkb, size, r->err, sizeof r->err);
}

static int round_layer(rounds_run *r, int t, OGRwkbGeometryType geometry, OGRSpatialReferenceH srs) {
    return gpkg_writer_add_layer(r->out, round_table_names[t], geometry, srs, table_schema_columns(r->schemas[t]),
                                 table_schema_count(r->schemas[t]), r->err, sizeof r->err);
}

static int write_result(const guotu_round_result *x, void *user) {
    rounds_run *r = user;
    const guotu_round_item *it = x->item;
    r->counts[!strcmp(x->status, "persisting") ? 1 : !strcmp(x->status, "new") ? 0 : 2]++;
    const char *texts[NCOMPARISON] = {
        x->status, it->source, it->kind,          it->key,         it->cities,      it->label,       NULL, NULL,
        NULL,      NULL,       it->review_status, it->review_note, it->reviewed_by, it->reviewed_at, NULL, NULL};
    const double reals[NCOMPARISON] = {NAN,
                                       NAN,
                                       NAN,
                                       NAN,
                                       NAN,
                                       NAN,
                                       it->length_m,
                                       it->area_m2,
                                       x->material,
                                       x->returned,
                                       NAN,
                                       NAN,
                                       NAN,
                                       NAN,
                                       x->index0 >= 0 ? (double)x->index0 : NAN,
                                       x->index1 >= 0 ? (double)x->index1 : NAN};
    if (round_row(r, T_COMPARISON, NCOMPARISON, r->comparison, texts, reals, it->line_wkb, it->line_wkb_size))
        return r->failed = 1;
    if (++r->results % PROGRESS_EVERY == 0 && progress(r, 0.5, "writing the comparison")) return r->failed = 1;
    if (!x->returned) return 0;
    char cities[1024];
    snprintf(cities, sizeof cities, "%s", it->cities);
    for (char *save = NULL, *city = strtok_r(cities, ";", &save); city; city = strtok_r(NULL, ";", &save)) {
        city_count *c = city_counter(r, city);
        if (!c) {
            snprintf(r->err, sizeof r->err, "out of memory");
            r->status = GUOTU_ERR_NOMEM;
            return r->failed = 1;
        }
        c->returned++;
        if (!strcmp(x->status, "new"))
            c->returned_new++;
        else
            c->returned_persisting++;
        const char *rt[NRETURN] = {city,      x->status, it->source, it->kind,       it->key,
                                   it->label, NULL,      NULL,       it->review_note};
        const double rr[NRETURN] = {NAN, NAN, NAN, NAN, NAN, NAN, it->length_m, it->area_m2, NAN};
        if (round_row(r, T_RETURNS, NRETURN, r->returns, rt, rr, NULL, 0)) return r->failed = 1;
    }
    return 0;
}

/* The inputs and the parameters, for audit, on each table. */
static void record_parameters(rounds_run *r) {
    const guotu_frame_rounds_job *job = r->job;
    char numbers[3][32], when[32], previous[2048] = "", current[2048] = "";
    snprintf(numbers[0], sizeof numbers[0], "%g", job->options.match_m);
    snprintf(numbers[1], sizeof numbers[1], "%g", job->options.min_length_m);
    snprintf(numbers[2], sizeof numbers[2], "%g", job->options.min_area_m2);
    for (int k = 0; k < 2; k++) {
        const char *const *files = k ? job->current : job->previous;
        int nfiles = k ? job->current_count : job->previous_count;
        for (int i = 0; i < nfiles; i++) {
            char *dst = k ? current : previous, one[1200];
            io_describe_file(files[i], one, sizeof one);
            size_t used = strlen(dst);
            snprintf(dst + used, sizeof previous - used, "%s%s", i ? "; " : "", one);
        }
    }
    time_t now = time(NULL);
    struct tm utc;
    strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", gmtime_r(&now, &utc));
    const table_meta meta[] = {{"guotu_version", guotu_version()},
                               {"created_utc", when},
                               {"previous", previous},
                               {"current", current},
                               {"match_m", numbers[0]},
                               {"min_length_m", numbers[1]},
                               {"min_area_m2", numbers[2]}};
    const int layers[] = {r->comparison, r->returns, r->summary};
    for (int k = 0; k < 3; k++)
        gpkg_writer_meta(r->out, layers[k], meta, 7);
}

static int run(rounds_run *r) {
    const guotu_frame_rounds_job *job = r->job;
    static const char *const *const names[ROUND_TABLES] = {comparison_names, return_names, summary_names};
    static const int counts[ROUND_TABLES] = {NCOMPARISON, NRETURN, NSUMMARY};
    for (int t = 0; t < ROUND_TABLES; t++)
        if (table_schema_use(job->resources, round_table_names[t], NULL, names[t], counts[t], &r->schemas[t],
                             r->slots[t], r->err, sizeof r->err))
            return 1;
    int status = guotu_rounds_create(r->ctx, &job->options, &r->rounds);
    if (status) {
        snprintf(r->err, sizeof r->err, "%s", guotu_context_last_error(r->ctx));
        r->status = status;
        return 1;
    }
    if (read_rounds(r)) return 1;
    if (progress(r, 0.5, "comparing the rounds")) return 1;
    if (gpkg_writer_open(&r->out, job->output, r->err, sizeof r->err)) return 1;
    r->comparison = round_layer(r, T_COMPARISON, wkbMultiLineString, r->srs);
    r->returns = r->comparison < 0 ? -1 : round_layer(r, T_RETURNS, wkbNone, NULL);
    r->summary = r->returns < 0 ? -1 : round_layer(r, T_SUMMARY, wkbNone, NULL);
    if (r->summary < 0) return 1;
    status = guotu_rounds_run(r->ctx, r->rounds, write_result, r);
    if (status) {
        if (!r->failed) {
            snprintf(r->err, sizeof r->err, "%s", guotu_context_last_error(r->ctx));
            r->status = status;
        }
        return 1;
    }
    for (size_t i = 0; i < r->ncities; i++) {
        const char *t[NSUMMARY] = {r->cities[i].id};
        const double v[NSUMMARY] = {NAN, (double)r->cities[i].returned, (double)r->cities[i].returned_new,
                                    (double)r->cities[i].returned_persisting};
        if (round_row(r, T_SUMMARY, NSUMMARY, r->summary, t, v, NULL, 0)) return 1;
    }
    record_parameters(r);
    static const char *const styled[] = {"round_comparison", "return_list", "return_summary"};
    if (gpkg_writer_add_styles(r->out, "framework", styled, 3, r->err, sizeof r->err)) return 1;
    if (progress(r, 1.0, "writing the comparison")) return 1;
    int failed = gpkg_writer_commit(r->out, r->err, sizeof r->err);
    r->out = NULL;
    return failed;
}

/* What the job lacks, or NULL when it can run. */
static const char *job_problem(const guotu_frame_rounds_job *job) {
    if (job->previous_count < 1 || job->current_count < 1 || !job->previous || !job->current)
        return "round n and round n+1 need at least one file each";
    for (int k = 0; k < 2; k++)
        for (int i = 0; i < (k ? job->current_count : job->previous_count); i++)
            if (!(k ? job->current : job->previous)[i]) return "a round's file is NULL";
    if (!job->output) return "the output is required";
    if (!io_ends_with(job->output, ".gpkg")) return "the output must be a .gpkg file";
    const guotu_rounds_options *o = &job->options;
    if (!(o->match_m >= 0) || !(o->min_length_m >= 0) || !(o->min_area_m2 >= 0) || isinf(o->match_m) ||
        isinf(o->min_length_m) || isinf(o->min_area_m2))
        return "the match distance, minimum length and minimum area must be numbers >= 0";
    return NULL;
}

int guotu_frame_rounds_job_run(guotu_context *ctx, const guotu_frame_rounds_job *job,
                               guotu_frame_rounds_job_info *info) {
    if (!ctx) return GUOTU_ERR_ARGUMENT;
    if (info) memset(info, 0, sizeof *info);
    if (!job) return guotu_context_fail(ctx, GUOTU_ERR_ARGUMENT, "guotu_frame_rounds_job_run: no job");
    const char *problem = job_problem(job);
    if (problem) {
        char message[512];
        snprintf(message, sizeof message, "guotu_frame_rounds_job_run: %s", problem);
        return guotu_context_fail(ctx, GUOTU_ERR_ARGUMENT, message);
    }
    rounds_run *r = calloc(1, sizeof *r);
    if (!r) return guotu_context_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
    r->ctx = ctx;
    r->job = job;
    r->status = GUOTU_ERR_IO;
    int n = job->previous_count + job->current_count;
    const char **inputs = malloc((size_t)n * sizeof *inputs);
    int status = GUOTU_OK;
    if (!inputs) {
        status = guotu_context_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
    } else {
        memcpy(inputs, job->previous, (size_t)job->previous_count * sizeof *inputs);
        memcpy(inputs + job->previous_count, job->current, (size_t)job->current_count * sizeof *inputs);
        if (io_refuse_overwrite(inputs, n, &job->output, 1, r->err, sizeof r->err)) {
            status = guotu_context_fail(ctx, GUOTU_ERR_ARGUMENT, r->err);
        } else {
            GDALAllRegister();
            if (run(r)) status = guotu_context_fail(ctx, r->status ? r->status : GUOTU_ERR_IO, r->err);
        }
        free(inputs);
    }
    if (status == GUOTU_OK && info) {
        info->items_previous = r->items[0];
        info->items_current = r->items[1];
        info->new_items = r->counts[0];
        info->persisting = r->counts[1];
        info->resolved = r->counts[2];
        for (size_t i = 0; i < r->ncities; i++)
            info->returned += r->cities[i].returned;
        info->return_cities = (int64_t)r->ncities;
    }
    gpkg_writer_abort(r->out);
    for (int t = 0; t < ROUND_TABLES; t++)
        table_schema_free(r->schemas[t]);
    guotu_rounds_destroy(ctx, r->rounds);
    free(r->cities);
    if (r->srs) OSRRelease(r->srs);
    free(r);
    return status;
}
