/* priorities_job.c — guotu_priorities_rule_job_run and guotu_priorities_rank_job_run
 * (guotu_io.h): the priorities between objectives (SPEC §11) from files. The rule run reads the
 * zones, admin units and land use and writes controlled_land, zone_summary and admin_summary;
 * the rank run reads the sites, land use and red line, ranks the sites by Pareto fronts (and a
 * lexicographic order) and writes ranked_sites. The first layer read sets the run's CRS, the
 * others are reprojected to it. Errors, notes, progress and cancel go through the caller's
 * context and the job's callbacks; nothing is printed. */
#include <cpl_conv.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gpkg_styles.h"
#include "gpkg_writer.h"
#include "guotu/guotu_io.h"
#include "io_util.h"
#include "job_checks.h"
#include "metric_zone.h"
#include "resources.h"
#include "table_schema.h"
#include "vector_source.h"

enum { MAX_OBJECTIVES = 16 };

typedef struct layer_arg {
    const char *path, *layer;
} layer_arg;

/* The job's inputs with their defaults filled in. */
typedef struct prio_args {
    int rank; /* 0 rule, 1 rank */
    layer_arg zones, landuse, admin, sites, redline;
    const char *type_field, *class_field, *deduction_field, *admin_id, *admin_name;
    const char *rules, *area, *encoding, *output, *target, *coefficients, *cultivated, *lexicographic, *site_id;
    const char *const *objectives;
    int nobjectives;
    const char *resources;
    guotu_note_fn note, crs_note;
    void *note_user, *crs_note_user;
    guotu_priorities_rule_report_fn report;
    void *report_user;
} prio_args;

typedef struct prio_run {
    prio_args a;
    guotu_context *ctx;
    OGRSpatialReferenceH srs;
    char *crs_wkt;
    char zone_note[512]; /* the Gauss-Krüger zone geographic data was reprojected to; "" none */
    int status;          /* the status a failure ends with: GUOTU_ERR_IO unless said otherwise */
    char err[2048];
    guotu_priorities_rank_job_info *info; /* of a rank run; may be NULL */
} prio_run;

/* Features read between two calls of the context's progress callback. */
enum { PROGRESS_EVERY = 4096 };

/* A stage of a run through the context's progress callback: 0 to go on, 1 when cancelled. */
static int stage(prio_run *r, double fraction, const char *what) {
    if (guotu_context_report_progress(r->ctx, fraction, what) == GUOTU_OK) return 0;
    snprintf(r->err, sizeof r->err, "cancelled while %s", what);
    r->status = GUOTU_ERR_CANCELLED;
    return 1;
}

static int core_error(prio_run *r, const char *what) {
    snprintf(r->err, sizeof r->err, "%s%s%s", what ? what : "", what ? ": " : "", guotu_context_last_error(r->ctx));
    return 1;
}

/* Opens a layer; the first one opened sets the CRS of the run, the others are reprojected to it. */
static int open_layer(prio_run *r, vector_source *src, const layer_arg *l, const char *role) {
    memset(src, 0, sizeof *src);
    if (vector_source_open(src, l->path, l->layer, r->a.encoding, r->err, sizeof r->err)) return 1;
    OGRSpatialReferenceH have = vector_source_crs(src);
    if (!r->srs && !r->crs_wkt) {
        if (have) {
            const char *wkt_opts[] = {"FORMAT=WKT2_2019", NULL};
            r->srs = OSRClone(have);
            /* Distances to the red line are metres: geographic data is ranked in the Gauss-Krüger
             * zone of all the layers' centre (SPEC §8). */
            if (r->a.rank && r->a.redline.path && OSRIsGeographic(have)) {
                metric_extent e;
                metric_extent_init(&e);
                const layer_arg *all[] = {&r->a.sites, &r->a.redline, &r->a.landuse};
                for (int i = 0; i < 3; i++)
                    if (all[i]->path &&
                        metric_extent_add_file(&e, all[i]->path, all[i]->layer, have, r->err, sizeof r->err))
                        return 1;
                char what[1200], zh[768];
                snprintf(what, sizeof what, "the %s layer '%.200s' of '%.600s'", role, src->layer_name, src->path);
                OGRSpatialReferenceH zone = NULL;
                if (metric_zone_choose(have, &e, what, &zone, r->zone_note, sizeof r->zone_note, zh, sizeof zh, r->err,
                                       sizeof r->err))
                    return 1;
                if (zone) {
                    OSRDestroySpatialReference(r->srs);
                    r->srs = zone;
                    if (r->a.crs_note) r->a.crs_note(r->zone_note, r->a.crs_note_user);
                    OSRExportToWktEx(zone, &r->crs_wkt, wkt_opts);
                    return vector_source_reproject_to(src, zone, r->err, sizeof r->err);
                }
            }
            OSRExportToWktEx(have, &r->crs_wkt, wkt_opts);
        } else {
            r->crs_wkt = CPLStrdup("");
        }
        return 0;
    }
    layer_crs_target t = {.srs = r->srs, .words = "the first layer", .note = r->a.note, .note_user = r->a.note_user};
    return layer_crs_align(&t, src, role, NULL, r->err, sizeof r->err);
}

static const char *crs_text(const prio_run *r) { return r->crs_wkt && r->crs_wkt[0] ? r->crs_wkt : NULL; }

/* ---------------------------------------------------------------- rule */

typedef struct rule_out {
    prio_run *r;
    gpkg_writer *w;
    int layer;
    int failed;
    /* The columns of controlled_land and of both summaries (resources/schemas/controlled_land.csv,
     * rule_summary.csv), alive until the output is committed, and where each value goes. */
    table_schema *pieces, *summary;
    int piece_slots[10], summary_slots[8];
} rule_out;

/* The values the rows fill, by column name, in the order of the code below. */
static const char *const piece_names[] = {"landuse_fid", "zone_fid", "zone_type",  "land_class", "objective",
                                          "rank",        "rule",     "admin_code", "area_ha",    "net_ha"};
enum { NPIECE = sizeof piece_names / sizeof piece_names[0] };
static const char *const summary_names[] = {"fid_in",  "code",          "name",   "objective",
                                            "area_ha", "controlled_ha", "net_ha", "pieces"};
enum { NSUMMARY = sizeof summary_names / sizeof summary_names[0] };

static int write_piece(const guotu_rule_piece *p, void *user) {
    rule_out *o = user;
    char rank[16];
    snprintf(rank, sizeof rank, "%d", p->rank);
    const char *texts[NPIECE] = {NULL, NULL, p->zone_type, p->land_class, p->objective, NULL, p->rule, p->admin_code};
    double reals[NPIECE] = {
        (double)p->landuse_fid, (double)p->zone_fid, NAN, NAN, NAN, p->rank, NAN, NAN, p->area_ha, p->net_ha};
    table_row row;
    table_row_clear(&row);
    for (int k = 0; k < NPIECE; k++) {
        table_row_text(&row, o->piece_slots[k], texts[k]);
        table_row_real(&row, o->piece_slots[k], reals[k]);
    }
    if (gpkg_writer_row(o->w, o->layer, row.texts, row.reals, p->wkb, p->wkb_size, o->r->err, sizeof o->r->err)) {
        o->failed = 1;
        return 1;
    }
    return 0;
}

static int add_units(prio_run *r, guotu_rule_run *run, int zones) {
    vector_source src;
    const layer_arg *l = zones ? &r->a.zones : &r->a.admin;
    const char *role = zones ? "zones" : "admin";
    if (open_layer(r, &src, l, role) ||
        vector_source_use_field(&src, zones ? r->a.type_field : r->a.admin_id, r->err, sizeof r->err)) {
        vector_source_close(&src);
        return 1;
    }
    int name_index = -1;
    if (!zones && !r->a.admin_name) {
        char absent[256]; /* the delivered XZQMC when the layer has it, as QGIS's default; else no names */
        name_index = vector_source_field(&src, "XZQMC", absent, sizeof absent);
    } else if (!zones && strcmp(r->a.admin_name, "none") &&
               (name_index = vector_source_field(&src, r->a.admin_name, r->err, sizeof r->err)) < 0) {
        vector_source_close(&src);
        return 1;
    }
    char value[512];
    int64_t fid;
    const unsigned char *wkb;
    size_t size;
    int more, failed = 0;
    while (!failed &&
           (more = vector_source_next(&src, &fid, value, sizeof value, &wkb, &size, r->err, sizeof r->err)) == 1) {
        if (!wkb) continue;
        if (zones && !value[0]) {
            snprintf(r->err, sizeof r->err, "zones layer '%s', feature %lld: field '%s' is empty", src.layer_name,
                     (long long)fid, r->a.type_field);
            r->status = GUOTU_ERR_DATA;
            failed = 1;
        } else if ((r->status =
                        zones ? guotu_rule_run_add_zone(r->ctx, run, fid, value, wkb, size)
                              : guotu_rule_run_add_admin(r->ctx, run, fid, value,
                                                         name_index >= 0 ? vector_source_text(&src, name_index) : "",
                                                         wkb, size)) != GUOTU_OK) {
            failed = core_error(r, src.layer_name);
        }
    }
    vector_source_close(&src);
    return failed || more < 0;
}

/* Land use, feature by feature, through `add` (the rule run or the sites). */
typedef int (*land_fn)(prio_run *r, void *target, int64_t fid, const char *code, double deduction,
                       const unsigned char *wkb, size_t size);

/* Class codes are matched as text by prefix ("01" finds 0101): a numeric field has lost the
 * leading zeros (0101 read as 101) and would match nothing, a silent wrong answer. */
static int refuse_numeric_codes(prio_run *r, vector_source *src) {
    OGRFieldDefnH field = OGR_FD_GetFieldDefn(OGR_L_GetLayerDefn(src->layer), src->field_index);
    OGRFieldType type = field ? OGR_Fld_GetType(field) : OFTString;
    if (type != OFTInteger && type != OFTInteger64 && type != OFTReal) return 0;
    snprintf(r->err, sizeof r->err,
             "land-use layer '%s': the class field '%s' is numeric, so codes such as 0101 have lost their leading "
             "zero and would match no rule; use the text field of the codes (DLBM in 三调 data)",
             src->layer_name, r->a.class_field);
    r->status = GUOTU_ERR_DATA;
    return 1;
}

static int read_landuse(prio_run *r, land_fn add, void *target) {
    vector_source src;
    if (open_layer(r, &src, &r->a.landuse, "land-use") ||
        vector_source_use_field(&src, r->a.class_field, r->err, sizeof r->err) || refuse_numeric_codes(r, &src)) {
        vector_source_close(&src);
        return 1;
    }
    int ded = -1;
    if (!r->a.deduction_field) {
        char absent[256]; /* the delivered KCXS when the layer has it, as QGIS's default; else gross areas */
        if ((ded = vector_source_field(&src, "KCXS", absent, sizeof absent)) >= 0)
            if (r->a.note)
                r->a.note("cultivated land net of 田坎: deduction coefficient from the land use's field KCXS "
                          "(--deduction-field none for gross areas)",
                          r->a.note_user);
    } else if (strcmp(r->a.deduction_field, "none") &&
               (ded = vector_source_field(&src, r->a.deduction_field, r->err, sizeof r->err)) < 0) {
        vector_source_close(&src);
        return 1;
    }
    char value[512];
    int64_t fid;
    const unsigned char *wkb;
    size_t size;
    int more, failed = 0;
    int64_t total = vector_source_count(&src), done = 0;
    while (!failed &&
           (more = vector_source_next(&src, &fid, value, sizeof value, &wkb, &size, r->err, sizeof r->err)) == 1) {
        double d = 0;
        if (ded >= 0 && !vector_source_real(&src, ded, &d)) d = 0;
        if (wkb && (r->status = add(r, target, fid, value, d, wkb, size)) != GUOTU_OK)
            failed = core_error(r, src.layer_name);
        if (!failed && ++done % PROGRESS_EVERY == 0 && total > 0 &&
            guotu_context_report_progress(r->ctx, (double)done / (double)total, "land use") != GUOTU_OK) {
            snprintf(r->err, sizeof r->err, "cancelled while reading the land-use layer '%s'", src.layer_name);
            r->status = GUOTU_ERR_CANCELLED;
            failed = 1;
        }
    }
    vector_source_close(&src);
    return failed || more < 0;
}

typedef struct rule_land {
    guotu_rule_run *run;
    rule_out *out;
} rule_land;

static int rule_add_land(prio_run *r, void *target, int64_t fid, const char *code, double deduction,
                         const unsigned char *wkb, size_t size) {
    rule_land *t = target;
    return guotu_rule_run_add_landuse(r->ctx, t->run, fid, code, deduction, wkb, size, write_piece, t->out);
}

static int write_summaries(prio_run *r, gpkg_writer *w, guotu_rule_run *run, const rule_out *out) {
    const table_column *columns = table_schema_columns(out->summary);
    int ncolumns = table_schema_count(out->summary), layers[2];
    layers[0] = gpkg_writer_add_layer(w, "zone_summary", wkbNone, NULL, columns, ncolumns, r->err, sizeof r->err);
    layers[1] = layers[0] < 0 ? -1
                              : gpkg_writer_add_layer(w, "admin_summary", wkbNone, NULL, columns, ncolumns, r->err,
                                                      sizeof r->err);
    if (layers[1] < 0) return 1;
    for (int kind = 0; kind < 2; kind++) {
        size_t n = kind ? guotu_rule_run_admin_count(run) : guotu_rule_run_zone_count(run);
        for (size_t i = 0; i < n; i++) {
            guotu_rule_summary s;
            if ((r->status = kind ? guotu_rule_run_admin(r->ctx, run, i, &s)
                                  : guotu_rule_run_zone(r->ctx, run, i, &s)) != GUOTU_OK)
                return core_error(r, NULL);
            const char *texts[NSUMMARY] = {NULL, s.code, s.name, s.objective};
            double reals[NSUMMARY] = {(double)s.fid,   NAN, NAN, NAN, s.area_ha, s.controlled_ha, s.net_ha,
                                      (double)s.pieces};
            table_row row;
            table_row_clear(&row);
            for (int k = 0; k < NSUMMARY; k++) {
                table_row_text(&row, out->summary_slots[k], texts[k]);
                table_row_real(&row, out->summary_slots[k], reals[k]);
            }
            if (gpkg_writer_row(w, layers[kind], row.texts, row.reals, NULL, 0, r->err, sizeof r->err)) return 1;
        }
    }
    return 0;
}

static int run_rule(prio_run *r) {
    const prio_args *a = &r->a;
    const char *inputs[] = {a->zones.path, a->landuse.path, a->admin.path, a->rules};
    const char *outputs[] = {a->output};
    if (io_refuse_overwrite(inputs, 4, outputs, 1, r->err, sizeof r->err)) {
        r->status = GUOTU_ERR_ARGUMENT;
        return 1;
    }
    char source[1200];
    size_t n = 0;
    char *text =
        table_text_load_from(a->resources, a->rules, "priorities", source, sizeof source, &n, r->err, sizeof r->err);
    if (!text) return 1;
    guotu_rule_table *table = NULL;
    int status = guotu_rule_table_parse(r->ctx, text, n, source, &table);
    free(text);
    if ((r->status = status) != GUOTU_OK) return core_error(r, NULL);
    guotu_rule_run *run = NULL;
    gpkg_writer *w = NULL;
    int failed = stage(r, 0.0, "reading the zones");
    vector_source probe; /* the zones set the CRS */
    memset(&probe, 0, sizeof probe);
    if (!failed) failed = open_layer(r, &probe, &a->zones, "zones");
    vector_source_close(&probe);
    guotu_rule_options o;
    guotu_rule_options_init(&o);
    o.crs = crs_text(r);
    o.area_method = strcmp(a->area, "planar") ? GUOTU_AREA_ELLIPSOIDAL : GUOTU_AREA_PLANAR;
    if (!failed && (r->status = guotu_rule_run_create(r->ctx, &o, table, &run)) != GUOTU_OK)
        failed = core_error(r, NULL);
    if (!failed) failed = add_units(r, run, 1) || (a->admin.path && add_units(r, run, 0));
    rule_out out = {r, NULL, -1, 0, NULL, NULL, {0}, {0}};
    if (!failed)
        failed = table_schema_load(a->resources, "controlled_land", NULL, &out.pieces, r->err, sizeof r->err) ||
                 table_schema_slots(out.pieces, piece_names, NPIECE, out.piece_slots, r->err, sizeof r->err) ||
                 table_schema_load(a->resources, "rule_summary", NULL, &out.summary, r->err, sizeof r->err) ||
                 table_schema_slots(out.summary, summary_names, NSUMMARY, out.summary_slots, r->err, sizeof r->err);
    if (!failed) failed = gpkg_writer_open(&w, a->output, r->err, sizeof r->err);
    out.w = w;
    if (!failed) {
        out.layer = gpkg_writer_add_bulk_layer(w, "controlled_land", r->srs, table_schema_columns(out.pieces),
                                               table_schema_count(out.pieces), r->err, sizeof r->err);
        failed = out.layer < 0;
    }
    rule_land land = {run, &out};
    if (!failed) failed = read_landuse(r, rule_add_land, &land);
    if (out.failed) failed = 1;
    if (!failed) failed = write_summaries(r, w, run, &out);
    if (!failed) {
        static const char *const styled[] = {"controlled_land", "zone_summary", "admin_summary"};
        failed = gpkg_writer_add_styles(w, "priorities", styled, 3, r->err, sizeof r->err);
    }
    if (!failed) {
        char method[256];
        snprintf(method, sizeof method, "%s", a->area);
        table_meta meta[] = {
            {"rules", source}, {"zones", a->zones.path}, {"landuse", a->landuse.path}, {"area_method", method}};
        gpkg_writer_meta(w, out.layer, meta, 4);
        failed = stage(r, 1.0, "writing the controlled land");
    }
    if (!failed) {
        failed = gpkg_writer_commit(w, r->err, sizeof r->err);
        w = NULL;
    }
    if (!failed && a->report) a->report(r->ctx, run, a->report_user);
    gpkg_writer_abort(w);
    table_schema_free(out.pieces);
    table_schema_free(out.summary);
    guotu_rule_run_destroy(r->ctx, run);
    guotu_rule_table_destroy(r->ctx, table);
    return failed;
}

/* ---------------------------------------------------------------- rank */

static const char *const computed_names[] = {"area_ha", "forest_gain_ha", "cultivated_change_ha", "redline_distance_m",
                                             "redline_contact_m"};
enum { NCOMPUTED = 5 };

typedef struct objective {
    char name[128];
    int direction;
    int computed; /* index into computed_names, or -1 for a field of the sites */
    int field;    /* field index in the sites layer */
} objective;

static int parse_objectives(prio_run *r, objective *obj, int n) {
    for (int i = 0; i < n; i++) {
        const char *spec = r->a.objectives[i], *colon = strrchr(spec, ':');
        if (!colon || colon == spec || (strcmp(colon + 1, "min") && strcmp(colon + 1, "max"))) {
            snprintf(r->err, sizeof r->err, "--objective '%s': write NAME:min or NAME:max", spec);
            return 1;
        }
        snprintf(obj[i].name, sizeof obj[i].name, "%.*s", (int)(colon - spec), spec);
        obj[i].direction = strcmp(colon + 1, "max") ? GUOTU_MINIMISE : GUOTU_MAXIMISE;
        obj[i].computed = -1;
        obj[i].field = -1;
        for (int c = 0; c < NCOMPUTED; c++)
            if (!strcmp(obj[i].name, computed_names[c])) obj[i].computed = c;
        for (int j = 0; j < i; j++)
            if (!strcmp(obj[i].name, obj[j].name)) {
                snprintf(r->err, sizeof r->err, "objective '%.127s' is given twice", obj[i].name);
                return 1;
            }
        if ((obj[i].computed == 1 || obj[i].computed == 2) && !r->a.landuse.path) {
            snprintf(r->err, sizeof r->err, "objective '%.127s' needs --landuse and --target", obj[i].name);
            return 1;
        }
        if (obj[i].computed >= 3 && !r->a.redline.path) {
            snprintf(r->err, sizeof r->err, "objective '%.127s' needs --redline", obj[i].name);
            return 1;
        }
    }
    return 0;
}

static int sites_add_land(prio_run *r, void *target, int64_t fid, const char *code, double deduction,
                          const unsigned char *wkb, size_t size) {
    return guotu_sites_add_landuse(r->ctx, target, fid, code, deduction, wkb, size);
}

typedef struct site_rows {
    int64_t *fids;
    char **ids; /* the --site-id of each site ("" without one) */
    unsigned char **wkb;
    size_t *wkb_size;
    double *values; /* n × k */
    size_t n, cap;
} site_rows;

static void site_rows_free(site_rows *s) {
    for (size_t i = 0; i < s->n; i++) {
        free(s->wkb[i]);
        free(s->ids[i]);
    }
    free(s->ids);
    free(s->fids);
    free(s->wkb);
    free(s->wkb_size);
    free(s->values);
}

static int read_sites(prio_run *r, guotu_sites *sites, objective *obj, int k, site_rows *rows) {
    vector_source src;
    if (open_layer(r, &src, &r->a.sites, "sites") ||
        (r->a.site_id && vector_source_use_field(&src, r->a.site_id, r->err, sizeof r->err))) {
        vector_source_close(&src);
        return 1;
    }
    for (int j = 0; j < k; j++)
        if (obj[j].computed < 0 && (obj[j].field = vector_source_field(&src, obj[j].name, r->err, sizeof r->err)) < 0) {
            vector_source_close(&src);
            return 1;
        }
    char value[512];
    int64_t fid;
    const unsigned char *wkb;
    size_t size;
    int more, failed = 0;
    while (!failed &&
           (more = vector_source_next(&src, &fid, value, sizeof value, &wkb, &size, r->err, sizeof r->err)) == 1) {
        if (!wkb) {
            snprintf(r->err, sizeof r->err, "sites layer '%s', feature %lld has no geometry", src.layer_name,
                     (long long)fid);
            failed = 1;
            break;
        }
        size_t cap = rows->cap;
        if (io_reserve(&rows->fids, &cap, rows->n + 1, sizeof *rows->fids, 1024) ||
            (cap != rows->cap && (!(rows->wkb = realloc(rows->wkb, cap * sizeof *rows->wkb)) ||
                                  !(rows->ids = realloc(rows->ids, cap * sizeof *rows->ids)) ||
                                  !(rows->wkb_size = realloc(rows->wkb_size, cap * sizeof *rows->wkb_size)) ||
                                  !(rows->values = realloc(rows->values, cap * (size_t)k * sizeof *rows->values))))) {
            snprintf(r->err, sizeof r->err, "out of memory");
            failed = 1;
            break;
        }
        rows->cap = cap;
        size_t i = rows->n;
        rows->fids[i] = fid;
        rows->wkb[i] = malloc(size);
        rows->ids[i] = strdup(r->a.site_id ? value : "");
        if (!rows->wkb[i] || !rows->ids[i]) {
            free(rows->wkb[i]);
            free(rows->ids[i]);
            snprintf(r->err, sizeof r->err, "out of memory");
            failed = 1;
            break;
        }
        memcpy(rows->wkb[i], wkb, size);
        rows->wkb_size[i] = size;
        rows->n++;
        for (int j = 0; j < k; j++) {
            double v = NAN;
            if (obj[j].computed < 0 && !vector_source_real(&src, obj[j].field, &v)) v = NAN;
            rows->values[i * (size_t)k + (size_t)j] = v;
        }
        if ((r->status = guotu_sites_add_site(r->ctx, sites, fid, wkb, size)) != GUOTU_OK)
            failed = core_error(r, src.layer_name);
    }
    vector_source_close(&src);
    return failed || more < 0;
}

static int read_redline(prio_run *r, guotu_sites *sites) {
    vector_source src;
    if (open_layer(r, &src, &r->a.redline, "red line")) {
        vector_source_close(&src);
        return 1;
    }
    char value[8];
    int64_t fid;
    const unsigned char *wkb;
    size_t size;
    int more, failed = 0;
    while (!failed &&
           (more = vector_source_next(&src, &fid, value, sizeof value, &wkb, &size, r->err, sizeof r->err)) == 1)
        if (wkb && (r->status = guotu_sites_add_redline(r->ctx, sites, fid, wkb, size)) != GUOTU_OK)
            failed = core_error(r, src.layer_name);
    vector_source_close(&src);
    return failed || more < 0;
}

/* The lexicographic order: names among the objectives. */
static int parse_lex(prio_run *r, const objective *obj, int k, int *order, int *m) {
    *m = 0;
    if (!r->a.lexicographic) return 0;
    char list[1024];
    snprintf(list, sizeof list, "%s", r->a.lexicographic);
    for (char *name = strtok(list, ","); name; name = strtok(NULL, ",")) {
        int found = -1;
        for (int j = 0; j < k; j++)
            if (!strcmp(obj[j].name, name)) found = j;
        if (found < 0) {
            snprintf(r->err, sizeof r->err, "--lexicographic names '%s', which is not one of the --objective names",
                     name);
            return 1;
        }
        order[(*m)++] = found;
        if (*m == MAX_OBJECTIVES) break;
    }
    return 0;
}

/* The values a ranked site fills, by column name; "{objectives}" stands for one real column
 * per objective, in the order given (resources/schemas/ranked_sites.csv places them). */
static const char *const ranked_names[] = {"site_fid", "site_id", "{objectives}", "front", "crowding", "lex_rank"};
enum { NRANKED = 6, RANKED_OBJECTIVES = 2 };

/* The schema of ranked_sites, resolved for the values above; 1 with a message. */
static int load_ranked_schema(prio_run *r, table_schema **schema, int *slots) {
    if (table_schema_use(r->a.resources, "ranked_sites", NULL, ranked_names, NRANKED, schema, slots, r->err,
                         sizeof r->err))
        return 1;
    for (int i = 0; i < NRANKED; i++)
        if (slots[i] < 0 || (i == RANKED_OBJECTIVES && table_schema_columns(*schema)[slots[i]].type != COLUMN_REAL)) {
            snprintf(r->err, sizeof r->err,
                     "table schema 'ranked_sites': the column '%s' is always written%s (no only_with)", ranked_names[i],
                     i == RANKED_OBJECTIVES ? ", of type real" : "");
            table_schema_free(*schema);
            *schema = NULL;
            return 1;
        }
    return 0;
}

static int write_ranked(prio_run *r, const table_schema *schema, const int *slots, const objective *obj, int k,
                        const site_rows *rows, const int *front, const double *crowding, const int *lex) {
    const table_column *schema_columns = table_schema_columns(schema);
    int nschema = table_schema_count(schema);
    /* The layer's columns: the schema's, the objectives expanded where it places them. */
    table_column cols[TABLE_SCHEMA_MAX_COLUMNS + MAX_OBJECTIVES];
    int at[NRANKED], nc = 0; /* at[i]: the layer column of ranked_names[i] (the first objective's) */
    for (int c = 0; c < nschema; c++) {
        for (int i = 0; i < NRANKED; i++)
            if (slots[i] == c) at[i] = nc;
        if (c == slots[RANKED_OBJECTIVES]) {
            for (int j = 0; j < k; j++)
                cols[nc++] = (table_column){obj[j].name, COLUMN_REAL, 0, NULL};
        } else {
            cols[nc++] = schema_columns[c];
        }
    }
    gpkg_writer *w = NULL;
    if (gpkg_writer_open(&w, r->a.output, r->err, sizeof r->err)) return 1;
    int layer = gpkg_writer_add_bulk_layer(w, "ranked_sites", r->srs, cols, nc, r->err, sizeof r->err);
    int failed = layer < 0;
    double reals[TABLE_SCHEMA_MAX_COLUMNS + MAX_OBJECTIVES];
    const char *texts[TABLE_SCHEMA_MAX_COLUMNS + MAX_OBJECTIVES] = {NULL};
    for (size_t i = 0; !failed && i < rows->n; i++) {
        reals[at[0]] = (double)rows->fids[i];
        texts[at[1]] = rows->ids[i];
        reals[at[1]] = NAN;
        for (int j = 0; j < k; j++)
            reals[at[RANKED_OBJECTIVES] + j] = rows->values[i * (size_t)k + (size_t)j];
        reals[at[3]] = front[i];
        /* The ends of a front have infinite crowding: stored as a large finite number would
         * lie; NULL would read as "unknown". The GeoPackage keeps IEEE infinity. */
        reals[at[4]] = crowding[i];
        reals[at[5]] = lex ? lex[i] : NAN;
        failed = gpkg_writer_row(w, layer, texts, reals, rows->wkb[i], rows->wkb_size[i], r->err, sizeof r->err);
    }
    if (!failed) {
        static const char *const styled[] = {"ranked_sites"};
        failed = gpkg_writer_add_styles(w, "priorities", styled, 1, r->err, sizeof r->err);
    }
    if (!failed) {
        char objectives[4096] = "";
        for (int j = 0; j < k; j++) {
            size_t used = strlen(objectives);
            snprintf(objectives + used, sizeof objectives - used, "%s%.127s:%s", j ? " " : "", obj[j].name,
                     obj[j].direction == GUOTU_MAXIMISE ? "max" : "min");
        }
        table_meta meta[] = {{"objectives", objectives},
                             {"lexicographic", r->a.lexicographic ? r->a.lexicographic : ""},
                             {"sites", r->a.sites.path},
                             {"area_method", r->a.area},
                             {"crs_note", r->zone_note[0] ? r->zone_note : "(none)"}};
        gpkg_writer_meta(w, layer, meta, 5);
        failed = stage(r, 1.0, "writing the ranked sites");
    }
    if (!failed) {
        failed = gpkg_writer_commit(w, r->err, sizeof r->err);
        w = NULL;
    }
    gpkg_writer_abort(w);
    return failed;
}

static int run_rank(prio_run *r) {
    const prio_args *a = &r->a;
    const char *inputs[] = {a->sites.path, a->landuse.path, a->redline.path};
    const char *outputs[] = {a->output};
    if (io_refuse_overwrite(inputs, 3, outputs, 1, r->err, sizeof r->err)) {
        r->status = GUOTU_ERR_ARGUMENT;
        return 1;
    }
    objective obj[MAX_OBJECTIVES];
    int k = a->nobjectives, order[MAX_OBJECTIVES], m = 0, ranked_slots[NRANKED];
    if (parse_objectives(r, obj, k) || parse_lex(r, obj, k, order, &m)) {
        r->status = GUOTU_ERR_ARGUMENT;
        return 1;
    }
    table_schema *ranked = NULL;
    if (load_ranked_schema(r, &ranked, ranked_slots)) return 1;
    guotu_coefficients *coefficients = NULL;
    char source[1200] = "";
    if (a->landuse.path) {
        size_t n = 0;
        char *text = table_text_load_from(a->resources, a->coefficients, "voucher", source, sizeof source, &n, r->err,
                                          sizeof r->err);
        int loaded = text != NULL;
        if (loaded) r->status = guotu_coefficients_parse(r->ctx, text, n, source, NULL, &coefficients);
        free(text);
        if (!loaded || r->status) {
            table_schema_free(ranked);
            return loaded ? core_error(r, NULL) : 1;
        }
    }
    vector_source probe; /* the sites set the CRS */
    memset(&probe, 0, sizeof probe);
    int failed = stage(r, 0.0, "reading the sites") || open_layer(r, &probe, &a->sites, "sites");
    vector_source_close(&probe);
    guotu_sites_options o;
    guotu_sites_options_init(&o);
    o.crs = crs_text(r);
    o.area_method = strcmp(a->area, "planar") ? GUOTU_AREA_ELLIPSOIDAL : GUOTU_AREA_PLANAR;
    o.coefficients = coefficients;
    o.target_class = a->landuse.path ? a->target : NULL;
    o.cultivated = a->cultivated;
    guotu_sites *sites = NULL;
    site_rows rows;
    memset(&rows, 0, sizeof rows);
    if (!failed && (r->status = guotu_sites_create(r->ctx, &o, &sites)) != GUOTU_OK) failed = core_error(r, NULL);
    if (!failed) failed = read_sites(r, sites, obj, k, &rows);
    if (!failed && a->landuse.path) failed = read_landuse(r, sites_add_land, sites);
    if (!failed && a->redline.path) failed = read_redline(r, sites);
    if (!failed && (r->status = guotu_sites_run(r->ctx, sites)) != GUOTU_OK) failed = core_error(r, NULL);
    for (size_t i = 0; !failed && i < rows.n; i++) {
        guotu_site_scores s;
        if ((r->status = guotu_sites_row(r->ctx, sites, i, &s)) != GUOTU_OK) {
            failed = core_error(r, NULL);
            break;
        }
        double computed[NCOMPUTED] = {s.area_ha, s.forest_gain_ha, s.cultivated_change_ha, s.redline_distance_m,
                                      s.redline_contact_m};
        for (int j = 0; j < k; j++)
            if (obj[j].computed >= 0) rows.values[i * (size_t)k + (size_t)j] = computed[obj[j].computed];
    }
    int *front = malloc((rows.n ? rows.n : 1) * sizeof *front);
    int *lex = m ? malloc((rows.n ? rows.n : 1) * sizeof *lex) : NULL;
    double *crowding = malloc((rows.n ? rows.n : 1) * sizeof *crowding);
    int directions[MAX_OBJECTIVES];
    const char *names[MAX_OBJECTIVES];
    for (int j = 0; j < k; j++) {
        directions[j] = obj[j].direction;
        names[j] = obj[j].name;
    }
    if (!failed && (!front || !crowding || (m && !lex))) failed = snprintf(r->err, sizeof r->err, "out of memory") > 0;
    if (!failed && (r->status = guotu_pareto_rank(r->ctx, rows.values, rows.n, (size_t)k, directions, rows.fids, names,
                                                  front, crowding)) != GUOTU_OK)
        failed = core_error(r, "sites");
    if (!failed && m &&
        (r->status = guotu_lexicographic_rank(r->ctx, rows.values, rows.n, (size_t)k, directions, order, (size_t)m,
                                              rows.fids, names, lex)) != GUOTU_OK)
        failed = core_error(r, "sites");
    if (!failed) failed = write_ranked(r, ranked, ranked_slots, obj, k, &rows, front, crowding, lex);
    if (!failed) {
        size_t on_front = 0;
        int nfronts = 0;
        for (size_t i = 0; i < rows.n; i++) {
            on_front += front[i] == 1;
            if (front[i] > nfronts) nfronts = front[i];
        }
        if (r->info) {
            r->info->sites = (int64_t)rows.n;
            r->info->on_front = (int64_t)on_front;
            r->info->fronts = nfronts;
        }
    }
    free(front);
    free(lex);
    free(crowding);
    site_rows_free(&rows);
    table_schema_free(ranked);
    guotu_sites_destroy(r->ctx, sites);
    guotu_coefficients_destroy(r->ctx, coefficients);
    return failed;
}

/* ---------------------------------------------------------------- the jobs */

void guotu_priorities_rule_job_init(guotu_priorities_rule_job *job) {
    if (job) memset(job, 0, sizeof *job);
}

void guotu_priorities_rank_job_init(guotu_priorities_rank_job *job) {
    if (job) memset(job, 0, sizeof *job);
}

static const char *area_name(guotu_area_method method) {
    return method == GUOTU_AREA_PLANAR ? "planar" : "ellipsoidal";
}

/* Runs a filled run: its status, the message in ctx. */
static int finish(prio_run *r, int failed) {
    int status = failed ? guotu_context_fail(r->ctx, r->status ? r->status : GUOTU_ERR_IO, r->err) : GUOTU_OK;
    if (r->srs) OSRDestroySpatialReference(r->srs);
    CPLFree(r->crs_wkt);
    free(r);
    return status;
}

static const char *rule_problem(const guotu_priorities_rule_job *job) {
    if (!job->zones || !job->type_field || !job->landuse)
        return "the zones, their type field and the land use are required";
    return job_output_problem(job->area_method, NULL, 0, NULL, job->output, NULL);
}

int guotu_priorities_rule_job_run(guotu_context *ctx, const guotu_priorities_rule_job *job) {
    int entry = job_entry(ctx, "guotu_priorities_rule_job_run", job, job ? rule_problem(job) : NULL);
    if (entry) return entry;
    prio_run *r = calloc(1, sizeof *r);
    if (!r) return guotu_context_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
    r->ctx = ctx;
    prio_args *a = &r->a;
    a->zones = (layer_arg){job->zones, job->zones_layer};
    a->landuse = (layer_arg){job->landuse, job->landuse_layer};
    a->admin = (layer_arg){job->admin, job->admin_layer};
    a->type_field = job->type_field;
    a->class_field = job->class_field ? job->class_field : "DLBM";
    a->deduction_field = job->deduction_field;
    a->admin_id = job->admin_id_field ? job->admin_id_field : "XZQDM";
    a->admin_name = job->admin_name_field;
    a->rules = job->rules ? job->rules : "redline_functions";
    a->area = area_name(job->area_method);
    a->encoding = job->encoding;
    a->resources = job->resources;
    a->output = job->output;
    a->note = job->note;
    a->note_user = job->note_user;
    a->report = job->report;
    a->report_user = job->report_user;
    GDALAllRegister();
    return finish(r, run_rule(r));
}

static const char *rank_problem(const guotu_priorities_rank_job *job) {
    if (!job->sites) return "the sites are required";
    if (job->objective_count < 1 || job->objective_count > MAX_OBJECTIVES || !job->objectives)
        return "1 to 16 objectives are needed";
    for (int i = 0; i < job->objective_count; i++)
        if (!job->objectives[i]) return "an objective is NULL";
    if (job->landuse && !job->target) return "the land use needs the target class (the class a site becomes)";
    return job_output_problem(job->area_method, NULL, 0, NULL, job->output, NULL);
}

int guotu_priorities_rank_job_run(guotu_context *ctx, const guotu_priorities_rank_job *job,
                                  guotu_priorities_rank_job_info *info) {
    if (info) memset(info, 0, sizeof *info);
    int entry = job_entry(ctx, "guotu_priorities_rank_job_run", job, job ? rank_problem(job) : NULL);
    if (entry) return entry;
    prio_run *r = calloc(1, sizeof *r);
    if (!r) return guotu_context_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
    guotu_priorities_rank_job_info found;
    memset(&found, 0, sizeof found);
    r->ctx = ctx;
    r->info = &found;
    prio_args *a = &r->a;
    a->rank = 1;
    a->sites = (layer_arg){job->sites, job->sites_layer};
    a->landuse = (layer_arg){job->landuse, job->landuse_layer};
    a->redline = (layer_arg){job->redline, job->redline_layer};
    a->site_id = job->site_id_field;
    a->objectives = job->objectives;
    a->nobjectives = job->objective_count;
    a->lexicographic = job->lexicographic;
    a->class_field = job->class_field ? job->class_field : "DLBM";
    a->deduction_field = job->deduction_field;
    a->target = job->target;
    a->coefficients = job->coefficients ? job->coefficients : "SANDIAO_WORK";
    a->cultivated = job->cultivated ? job->cultivated : "01";
    a->area = area_name(job->area_method);
    a->encoding = job->encoding;
    a->resources = job->resources;
    a->output = job->output;
    a->note = job->note;
    a->note_user = job->note_user;
    a->crs_note = job->crs_note;
    a->crs_note_user = job->crs_note_user;
    GDALAllRegister();
    int status = finish(r, run_rank(r));
    if (status == GUOTU_OK && info) *info = found;
    return status;
}
