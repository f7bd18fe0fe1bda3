/* cmd_frame_rounds.c — `guotu framework rounds`: round n against round n+1 of the
 * three-down-three-up check (SPEC §10): conflicts and findings resolved, persisting or new,
 * reviews carried over, the return list per city (退回清单). */
#include <cpl_conv.h>
#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli.h"
#include "frame_cli.h"
#include "gpkg_styles.h"
#include "gpkg_writer.h"
#include "guotu/guotu.h"
#include "io_util.h"
#include "table_schema.h"
#include "vector_source.h"

static const char *const rounds_usage =
    "usage: guotu framework rounds --previous FILE.gpkg [--previous FILE.gpkg ...]\n"
    "         --current FILE.gpkg [--current FILE.gpkg ...] [--match M] [--min-length M]\n"
    "         [--min-area M2] -o OUT.gpkg\n"
    "\n"
    "Compares round n (--previous) with round n+1 (--current) of the three-down-three-up\n"
    "check (三下三上, SPEC §10). Each round is one or more outputs of `guotu border` (layer\n"
    "border_conflict_lines) and `guotu framework indicators` / `catalogue` (indicator_findings,\n"
    "catalogue_findings), as written or as reviewed in QGIS (review_status, review_note,\n"
    "reviewed_by, reviewed_at). A conflict of round n+1 is the same as one of round n when\n"
    "kind and city pair agree and their border lines lie within --match metres (default 50);\n"
    "a finding when kind, element, cities and indicator agree. Each is resolved, persisting\n"
    "or new; a persisting item keeps round n's review and note. The return list (退回清单)\n"
    "names, per responsible city, every new or persisting item not agreed or accepted as an\n"
    "exception that is material: a conflict at least --min-length long (default 100 m) or\n"
    "--min-area large (default 10000 m²); findings without length or area always are.\n"
    "Writes OUT.gpkg: round_comparison (every item with its status; conflicts with their\n"
    "border line), return_list (one row per city and item) and return_summary (per city).\n";

enum { MAX_FILES = 16 };

typedef struct rounds_args {
    const char *files[2][MAX_FILES];
    int nfiles[2];
    const char *output;
    guotu_rounds_options o;
} rounds_args;

enum { O_PREVIOUS = 256, O_CURRENT, O_MATCH, O_MIN_LENGTH, O_MIN_AREA };

static int parse_rounds(int argc, char **argv, rounds_args *a) {
    static const struct option options[] = {{"previous", 1, 0, O_PREVIOUS},
                                            {"current", 1, 0, O_CURRENT},
                                            {"match", 1, 0, O_MATCH},
                                            {"min-length", 1, 0, O_MIN_LENGTH},
                                            {"min-area", 1, 0, O_MIN_AREA},
                                            {"output", 1, 0, 'o'},
                                            {"help", 0, 0, 'h'},
                                            {0, 0, 0, 0}};
    memset(a, 0, sizeof *a);
    guotu_rounds_options_init(&a->o);
    optind = 1;
    opterr = 0;
    int c;
    const char *cmd = "framework rounds";
    while ((c = getopt_long(argc, argv, "o:h", options, NULL)) != -1) {
        double *number = NULL;
        switch (c) {
        case O_PREVIOUS:
        case O_CURRENT: {
            int k = c == O_CURRENT;
            if (a->nfiles[k] == MAX_FILES)
                return cli_usage_error(cmd, rounds_usage, "at most %d files per round", MAX_FILES);
            a->files[k][a->nfiles[k]++] = optarg;
            break;
        }
        case O_MATCH: number = &a->o.match_m; break;
        case O_MIN_LENGTH: number = &a->o.min_length_m; break;
        case O_MIN_AREA: number = &a->o.min_area_m2; break;
        case 'o': a->output = optarg; break;
        case 'h': fputs(rounds_usage, stdout); return -1;
        default: return cli_usage_error(cmd, rounds_usage, "unknown or incomplete option '%s'", argv[optind - 1]);
        }
        if (number && cli_parse_nonnegative(optarg, number))
            return cli_usage_error(cmd, rounds_usage, "%s needs a number >= 0, not '%s'", argv[optind - 2], optarg);
    }
    const char *u = NULL;
    if (optind < argc)
        u = "unexpected argument";
    else if (!a->nfiles[0] || !a->nfiles[1])
        u = "--previous and --current are required";
    else if (!a->output)
        u = "-o is required";
    else if (strlen(a->output) < 5 || strcmp(a->output + strlen(a->output) - 5, ".gpkg"))
        u = "-o must be a .gpkg file";
    if (u) return cli_usage_error(cmd, rounds_usage, "%s", u);
    return 0;
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

static int add_layer_items(guotu_context *ctx, guotu_rounds *r, int round, GDALDatasetH ds, const char *path,
                           source_kind kind, int64_t *count, char *err, size_t err_size) {
    OGRLayerH layer = GDALDatasetGetLayerByName(ds, source_layers[kind]);
    if (!layer) return 0;
    OGR_L_ResetReading(layer);
    OGRFeatureH f = NULL;
    int64_t read = 0;
    int more;
    while ((more = ogr_next_feature(layer, path, read, &f, err, err_size)) == 1) {
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
            if (wkb) OGR_G_ExportToIsoWkb(g, wkbNDR, wkb);
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
        int failed = guotu_rounds_add(ctx, r, round, &it);
        free(wkb);
        OGR_F_Destroy(f);
        if (failed)
            return snprintf(err, err_size, "layer '%s' of '%s', feature %lld: %s", source_layers[kind], path,
                            (long long)read, guotu_context_last_error(ctx)) > 0;
        (*count)++;
    }
    return more < 0;
}

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

typedef struct rounds_out {
    /* The tables' schemas (loaded before the rounds are read) and where each value goes. */
    table_schema *schemas[ROUND_TABLES];
    int slots[ROUND_TABLES][TABLE_SCHEMA_MAX_COLUMNS];
    gpkg_writer *out;
    int comparison, returns, summary;
    city_count *cities;
    size_t ncities, cap;
    int64_t counts[3];
    char *err;
    size_t err_size;
    int failed;
} rounds_out;

static city_count *city_counter(rounds_out *o, const char *id) {
    for (size_t i = 0; i < o->ncities; i++)
        if (!strcmp(o->cities[i].id, id)) return &o->cities[i];
    if (io_reserve(&o->cities, &o->cap, o->ncities + 1, sizeof *o->cities, 16)) return NULL;
    city_count *c = &o->cities[o->ncities++];
    memset(c, 0, sizeof *c);
    snprintf(c->id, sizeof c->id, "%s", id);
    return c;
}

/* One row of table t, its n values given in t's names order, written in the schema's. */
static int round_row(rounds_out *o, int t, int n, int layer, const char *const *texts, const double *reals,
                     const unsigned char *wkb, size_t size) {
    table_row row;
    table_row_clear(&row);
    for (int i = 0; i < n; i++) {
        table_row_text(&row, o->slots[t][i], texts[i]);
        table_row_real(&row, o->slots[t][i], reals[i]);
    }
    return gpkg_writer_row(o->out, layer, row.texts, row.reals, wkb, size, o->err, o->err_size);
}

static int round_layer(rounds_out *o, int t, OGRwkbGeometryType geometry, OGRSpatialReferenceH srs) {
    return gpkg_writer_add_layer(o->out, round_table_names[t], geometry, srs, table_schema_columns(o->schemas[t]),
                                 table_schema_count(o->schemas[t]), o->err, o->err_size);
}

static int write_result(const guotu_round_result *x, void *user) {
    rounds_out *o = user;
    const guotu_round_item *it = x->item;
    o->counts[!strcmp(x->status, "persisting") ? 1 : !strcmp(x->status, "new") ? 0 : 2]++;
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
    if (round_row(o, T_COMPARISON, NCOMPARISON, o->comparison, texts, reals, it->line_wkb, it->line_wkb_size))
        return o->failed = 1;
    if (!x->returned) return 0;
    char cities[1024];
    snprintf(cities, sizeof cities, "%s", it->cities);
    for (char *save = NULL, *city = strtok_r(cities, ";", &save); city; city = strtok_r(NULL, ";", &save)) {
        city_count *c = city_counter(o, city);
        if (!c) {
            snprintf(o->err, o->err_size, "out of memory");
            return o->failed = 1;
        }
        c->returned++;
        if (!strcmp(x->status, "new"))
            c->returned_new++;
        else
            c->returned_persisting++;
        const char *rt[NRETURN] = {city,      x->status, it->source, it->kind,       it->key,
                                   it->label, NULL,      NULL,       it->review_note};
        const double rr[NRETURN] = {NAN, NAN, NAN, NAN, NAN, NAN, it->length_m, it->area_m2, NAN};
        if (round_row(o, T_RETURNS, NRETURN, o->returns, rt, rr, NULL, 0)) return o->failed = 1;
    }
    return 0;
}

int cmd_frame_rounds(int argc, char **argv) {
    rounds_args a;
    int parsed = parse_rounds(argc, argv, &a);
    if (parsed) return parsed < 0 ? 0 : 2;
    char err[2048] = "";
    const char *inputs[2 * MAX_FILES];
    int nin = 0;
    for (int k = 0; k < 2; k++)
        for (int i = 0; i < a.nfiles[k]; i++)
            inputs[nin++] = a.files[k][i];
    if (io_refuse_overwrite(inputs, nin, &a.output, 1, err, sizeof err)) return cli_error("%s", err);
    guotu_context *ctx = guotu_context_create();
    guotu_rounds *r = NULL;
    rounds_out o;
    memset(&o, 0, sizeof o);
    o.err = err;
    o.err_size = sizeof err;
    int64_t items[2] = {0, 0};
    OGRSpatialReferenceH srs = NULL; /* of the first conflict lines read: the comparison's lines are theirs */
    static const char *const *const names[ROUND_TABLES] = {comparison_names, return_names, summary_names};
    static const int counts[ROUND_TABLES] = {NCOMPARISON, NRETURN, NSUMMARY};
    int failed = 0;
    for (int t = 0; !failed && t < ROUND_TABLES; t++)
        failed = table_schema_use(NULL, round_table_names[t], NULL, names[t], counts[t], &o.schemas[t], o.slots[t], err,
                                  sizeof err);
    if (!failed && (failed = !ctx || guotu_rounds_create(ctx, &a.o, &r)))
        snprintf(err, sizeof err, "%s", ctx ? guotu_context_last_error(ctx) : "out of memory");
    for (int k = 0; !failed && k < 2; k++)
        for (int i = 0; !failed && i < a.nfiles[k]; i++) {
            GDALDatasetH ds = GDALOpenEx(a.files[k][i], GDAL_OF_VECTOR | GDAL_OF_READONLY, NULL, NULL, NULL);
            if (!ds) {
                snprintf(err, sizeof err, "cannot open '%s' as a vector file: %s", a.files[k][i], CPLGetLastErrorMsg());
                failed = 1;
                break;
            }
            for (int s = 0; !failed && s < 3; s++)
                failed = add_layer_items(ctx, r, k, ds, a.files[k][i], (source_kind)s, &items[k], err, sizeof err);
            int known = 0;
            for (int s = 0; s < 3; s++)
                known |= GDALDatasetGetLayerByName(ds, source_layers[s]) != NULL;
            OGRLayerH lines = GDALDatasetGetLayerByName(ds, source_layers[0]);
            if (!srs && lines && OGR_L_GetSpatialRef(lines)) srs = OSRClone(OGR_L_GetSpatialRef(lines));
            GDALClose(ds);
            if (!failed && !known) {
                snprintf(err, sizeof err,
                         "'%s' has none of the layers border_conflict_lines, indicator_findings, catalogue_findings "
                         "(an output of guotu border or guotu framework)",
                         a.files[k][i]);
                failed = 1;
            }
        }
    if (!failed) failed = gpkg_writer_open(&o.out, a.output, err, sizeof err);
    if (!failed) {
        o.comparison = round_layer(&o, T_COMPARISON, wkbMultiLineString, srs);
        o.returns = o.comparison < 0 ? -1 : round_layer(&o, T_RETURNS, wkbNone, NULL);
        o.summary = o.returns < 0 ? -1 : round_layer(&o, T_SUMMARY, wkbNone, NULL);
        failed = o.summary < 0;
    }
    if (!failed && guotu_rounds_run(ctx, r, write_result, &o)) {
        if (!o.failed) snprintf(err, sizeof err, "%s", guotu_context_last_error(ctx));
        failed = 1;
    }
    for (size_t i = 0; !failed && i < o.ncities; i++) {
        const char *t[NSUMMARY] = {o.cities[i].id};
        const double v[NSUMMARY] = {NAN, (double)o.cities[i].returned, (double)o.cities[i].returned_new,
                                    (double)o.cities[i].returned_persisting};
        failed = round_row(&o, T_SUMMARY, NSUMMARY, o.summary, t, v, NULL, 0);
    }
    if (!failed) {
        char numbers[3][32], when[32], previous[2048] = "", current[2048] = "";
        snprintf(numbers[0], sizeof numbers[0], "%g", a.o.match_m);
        snprintf(numbers[1], sizeof numbers[1], "%g", a.o.min_length_m);
        snprintf(numbers[2], sizeof numbers[2], "%g", a.o.min_area_m2);
        for (int k = 0; k < 2; k++)
            for (int i = 0; i < a.nfiles[k]; i++) {
                char *dst = k ? current : previous, one[1200];
                cli_describe_file(a.files[k][i], one, sizeof one);
                size_t used = strlen(dst);
                snprintf(dst + used, sizeof previous - used, "%s%s", i ? "; " : "", one);
            }
        time_t now = time(NULL);
        strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", gmtime(&now));
        const table_meta meta[] = {{"guotu_version", guotu_version()},
                                   {"created_utc", when},
                                   {"previous", previous},
                                   {"current", current},
                                   {"match_m", numbers[0]},
                                   {"min_length_m", numbers[1]},
                                   {"min_area_m2", numbers[2]}};
        const int layers[] = {o.comparison, o.returns, o.summary};
        for (int k = 0; k < 3; k++)
            gpkg_writer_meta(o.out, layers[k], meta, 7);
        static const char *const styled[] = {"round_comparison", "return_list", "return_summary"};
        failed = gpkg_writer_add_styles(o.out, "framework", styled, 3, err, sizeof err);
    }
    if (!failed) {
        failed = gpkg_writer_commit(o.out, err, sizeof err);
        o.out = NULL;
    }
    if (!failed) {
        int64_t returned = 0;
        for (size_t i = 0; i < o.ncities; i++)
            returned += o.cities[i].returned;
        printf("Rounds: %lld items in round n, %lld in round n+1\n", (long long)items[0], (long long)items[1]);
        printf("  %lld resolved, %lld persisting, %lld new; %lld returns to %zu cities\n", (long long)o.counts[2],
               (long long)o.counts[1], (long long)o.counts[0], (long long)returned, o.ncities);
        printf("  written: %s\n", a.output);
    } else {
        fprintf(stderr, "guotu framework rounds: error: %s\n", err);
    }
    gpkg_writer_abort(o.out);
    for (int t = 0; t < ROUND_TABLES; t++)
        table_schema_free(o.schemas[t]);
    guotu_rounds_destroy(ctx, r);
    guotu_context_destroy(ctx);
    free(o.cities);
    if (srs) OSRRelease(srs);
    return failed ? 1 : 0;
}
