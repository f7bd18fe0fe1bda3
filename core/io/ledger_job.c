/* ledger_job.c — guotu_ledger_job_run (guotu_io.h): the unit ledger from files (SPEC §9):
 * the balance sheet of every planning or consolidation unit between the current and the
 * planned land use, and the reclamation certificates. Reads the presets, the parcels (one
 * layer with both land uses, or two survey years overlaid by the core), the units, the red
 * line and the river beaches, runs the core's ledger and writes its tables atomically.
 * Errors, progress and cancel go through the caller's context; notes through the job's
 * callback; nothing is printed. */
#include <cpl_conv.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gpkg_styles.h"
#include "gpkg_writer.h"
#include "guotu/guotu_io.h"
#include "io_util.h"
#include "job_checks.h"
#include "resources.h"
#include "table_schema.h"
#include "vector_source.h"

/* The job's inputs under the names the run reads them by, with the defaults filled in. */
typedef struct ledger_args {
    const char *current, *current_layer, *planned, *planned_layer; /* two layers instead of --parcels */
    const char *parcels, *parcels_layer, *parcel_id, *current_field, *current_system, *planned_field, *planned_system;
    const char *unit_field, *units, *units_layer, *unit_id, *unit_name;
    const char *project_field, *type_field, *types, *area_field;
    const char *kcxs, *planned_kcxs, *grade, *planned_grade, *farmland, *planned_farmland;
    const char *redline, *redline_layer, *beaches, *beaches_layer, *beach_codes;
    const char *area, *encoding, *xlsx, *output;
    int unit_prefix; /* > 0: the unit is the first N characters of --unit-field (ZLDWDM: 12 village, 9 town) */
    guotu_ledger_options o;
} ledger_args;

typedef struct ledger_run {
    ledger_args a;
    guotu_context *ctx;
    guotu_ledger *ledger;
    guotu_category_map *maps[2];
    guotu_coefficients *k[2];
    guotu_project_types *types;
    char beach_codes[256], cultivated_codes[2][256];
    OGRSpatialReferenceH srs;
    char *crs_wkt;
    /* Geometries kept for the outputs: the unit polygons, and the parcels that may get a
     * certificate (current construction, planned not), by parcel index. */
    unsigned char **unit_wkb;
    size_t *unit_wkb_size, unit_count;
    unsigned char **parcel_wkb;
    size_t *parcel_wkb_size, parcel_count, parcel_cap;
    /* The output tables' columns (resources/schemas: unit_ledger, unit_grades, certificates,
     * project_certificates), loaded before the run, and where each value goes. */
    table_schema *schemas[4];
    int slots[4][TABLE_SCHEMA_MAX_COLUMNS];
    const guotu_ledger_job *job;
    int status; /* the status a failure ends with: GUOTU_ERR_IO unless said otherwise */
    char err[2048];
} ledger_run;

/* A core call refused the data: its message, after `what` when given. */
static int core_error(ledger_run *r, const char *what) {
    snprintf(r->err, sizeof r->err, "%s%s%s", what ? what : "", what ? ": " : "", guotu_context_last_error(r->ctx));
    r->status = GUOTU_ERR_DATA;
    return 1;
}

/* Progress while reading through the context, whose callback may cancel the run. */
static int read_progress(ledger_run *r, double fraction, const char *message, const char *layer) {
    if (guotu_context_report_progress(r->ctx, fraction, message) == GUOTU_OK) return 0;
    snprintf(r->err, sizeof r->err, "cancelled while reading the layer '%s'", layer);
    r->status = GUOTU_ERR_CANCELLED;
    return 1;
}

/* The codes column of a system's row in presets/KIND/NAME.csv ("" when the system has no row). */
static int preset_codes(ledger_run *r, const char *name, const char *kind, const char *system, char *out,
                        size_t out_size) {
    return resources_preset_codes(r->job->resources, name, kind, system, out, out_size, r->err, sizeof r->err);
}

static int load_tables(ledger_run *r) {
    const ledger_args *a = &r->a;
    char source[1200];
    size_t n = 0;
    const char *systems[2] = {a->current_system, a->planned_system};
    for (int side = 0; side < 2; side++) {
        int core = 0;
        if (resources_load_system(r->ctx, r->job->resources, systems[side], &r->maps[side], &r->k[side], &core, r->err,
                                  sizeof r->err))
            return core ? core_error(r, NULL) : 1;
    }
    char *text =
        table_text_load_from(r->job->resources, a->types, "parcels", source, sizeof source, &n, r->err, sizeof r->err);
    if (!text) return 1;
    int status = guotu_project_types_parse(r->ctx, text, n, source, &r->types);
    free(text);
    if (status) return core_error(r, NULL);
    for (int side = 0; side < 2; side++)
        if (preset_codes(r, "cultivated_codes", "ledger", systems[side], r->cultivated_codes[side],
                         sizeof r->cultivated_codes[side]))
            return 1;
    if (a->beach_codes) {
        snprintf(r->beach_codes, sizeof r->beach_codes, "%s", a->beach_codes);
        return 0;
    }
    return preset_codes(r, "river_beach_codes", "parcels", a->current_system, r->beach_codes, sizeof r->beach_codes);
}

static int open_aligned(ledger_run *r, vector_source *src, const char *path, const char *layer, const char *role) {
    if (vector_source_open(src, path, layer, r->a.encoding, r->err, sizeof r->err)) return 1;
    layer_crs_target t = {
        .srs = r->srs, .words = "the parcels", .plural = 1, .note = r->job->note, .note_user = r->job->note_user};
    return layer_crs_align(&t, src, role, NULL, r->err, sizeof r->err);
}

static unsigned char *copy_wkb(const unsigned char *wkb, size_t size) {
    unsigned char *c = malloc(size ? size : 1);
    if (c) memcpy(c, wkb, size);
    return c;
}

typedef enum context_layer { LAYER_UNITS, LAYER_REDLINE, LAYER_BEACHES } context_layer;

static int read_context(ledger_run *r, context_layer kind) {
    const ledger_args *a = &r->a;
    const char *path = kind == LAYER_UNITS ? a->units : kind == LAYER_REDLINE ? a->redline : a->beaches;
    const char *layer = kind == LAYER_UNITS     ? a->units_layer
                        : kind == LAYER_REDLINE ? a->redline_layer
                                                : a->beaches_layer;
    const char *role = kind == LAYER_UNITS ? "units" : kind == LAYER_REDLINE ? "ecological red line" : "river beaches";
    if (!path) return 0;
    vector_source src;
    memset(&src, 0, sizeof src);
    int failed = open_aligned(r, &src, path, layer, role) ||
                 (kind == LAYER_UNITS && vector_source_use_field(&src, a->unit_id, r->err, sizeof r->err));
    int name = !failed && kind == LAYER_UNITS && a->unit_name
                   ? vector_source_field(&src, a->unit_name, r->err, sizeof r->err)
                   : -1;
    if (kind == LAYER_UNITS && a->unit_name && name < 0) failed = 1;
    char id[512];
    int64_t fid;
    const unsigned char *wkb;
    size_t size;
    int more = 0, count = 0;
    while (!failed && (more = vector_source_next(&src, &fid, id, sizeof id, &wkb, &size, r->err, sizeof r->err)) == 1) {
        if (!wkb) continue;
        count++;
        int status;
        if (kind == LAYER_UNITS) {
            status = guotu_ledger_add_unit(r->ctx, r->ledger, id, name >= 0 ? vector_source_text(&src, name) : "", fid,
                                           wkb, size);
            if (!status) {
                unsigned char **w = realloc(r->unit_wkb, (r->unit_count + 1) * sizeof *w);
                if (w) r->unit_wkb = w;
                size_t *s = realloc(r->unit_wkb_size, (r->unit_count + 1) * sizeof *s);
                if (s) r->unit_wkb_size = s;
                unsigned char *copy = w && s ? copy_wkb(wkb, size) : NULL;
                if (!copy) {
                    snprintf(r->err, sizeof r->err, "out of memory");
                    failed = 1;
                    break;
                }
                r->unit_wkb[r->unit_count] = copy;
                r->unit_wkb_size[r->unit_count++] = size;
            }
        } else if (kind == LAYER_REDLINE)
            status = guotu_ledger_add_redline(r->ctx, r->ledger, fid, wkb, size);
        else
            status = guotu_ledger_add_river_beach(r->ctx, r->ledger, fid, wkb, size);
        if (status) {
            char where[600];
            snprintf(where, sizeof where, "layer '%s' of '%s'", src.layer_name, path);
            failed = core_error(r, where);
        }
    }
    if (more < 0) failed = 1;
    if (!failed && !count && kind == LAYER_UNITS) {
        snprintf(r->err, sizeof r->err, "the units layer '%s' has no features", path);
        failed = 1;
    }
    vector_source_close(&src);
    return failed;
}

/* A number field of the current parcel: NaN when empty; 1 with a message when the text is
 * not a number (garbled text is not a value). */
static int read_number(ledger_run *r, vector_source *src, int field, const char *name, const char *id, double *out) {
    *out = NAN;
    if (field < 0) return 0;
    const char *text = vector_source_text(src, field);
    if (!text[0]) return 0;
    double v = 0;
    if (!vector_source_real(src, field, &v) || !isfinite(v)) {
        snprintf(r->err, sizeof r->err, "parcels layer '%s', parcel '%s': field %s holds '%.100s', not a number",
                 src->layer_name, id, name, text);
        return 1;
    }
    *out = v;
    return 0;
}

/* A farmland flag: 1/0, 是/否, Y/N, true/false, yes/no; empty = 0. */
static int read_flag(ledger_run *r, vector_source *src, int field, const char *name, const char *id, int *out) {
    *out = 0;
    if (field < 0) return 0;
    const char *t = vector_source_text(src, field);
    static const char *const yes[] = {"1", "是", "Y", "y", "true", "TRUE", "True", "yes", "YES"};
    static const char *const no[] = {"", "0", "否", "N", "n", "false", "FALSE", "False", "no", "NO"};
    for (size_t i = 0; i < sizeof yes / sizeof *yes; i++)
        if (!strcmp(t, yes[i])) return *out = 1, 0;
    for (size_t i = 0; i < sizeof no / sizeof *no; i++)
        if (!strcmp(t, no[i])) return 0;
    double v = 0;
    if (vector_source_real(src, field, &v) && (v == 0 || v == 1)) {
        *out = v == 1;
        return 0;
    }
    snprintf(r->err, sizeof r->err,
             "parcels layer '%s', parcel '%s': field %s holds '%.100s'; permanent farmland flags are 1/0 (是/否)",
             src->layer_name, id, name, t);
    return 1;
}

/* The first n characters (UTF-8 code points) of s into out. */
static const char *prefix_of(const char *s, int n, char *out, size_t out_size) {
    size_t i = 0;
    for (int k = 0; s[i] && k < n; k++) {
        size_t len = 1;
        while ((s[i + len] & 0xC0) == 0x80)
            len++;
        if (i + len >= out_size) break;
        i += len;
    }
    memcpy(out, s, i);
    out[i] = '\0';
    return out;
}

static int is_category(const guotu_category_map *m, const char *code, const char *category) {
    const char *c = NULL;
    return guotu_category_map_lookup(m, code, &c) && c && !strcmp(c, category);
}

/* Keeps the geometry of parcel number parcel_count when it may get a certificate (current
 * construction, planned not): the certificates layer is drawn from it. */
static int keep_parcel(ledger_run *r, const char *current_code, const char *planned_code, const unsigned char *wkb,
                       size_t size) {
    if (r->parcel_count == r->parcel_cap) {
        size_t cap = r->parcel_cap ? r->parcel_cap * 2 : 1024;
        unsigned char **w = realloc(r->parcel_wkb, cap * sizeof *w);
        if (w) r->parcel_wkb = w;
        size_t *s = realloc(r->parcel_wkb_size, cap * sizeof *s);
        if (s) r->parcel_wkb_size = s;
        if (!w || !s) {
            snprintf(r->err, sizeof r->err, "out of memory");
            return 1;
        }
        r->parcel_cap = cap;
    }
    unsigned char *keep = NULL;
    if (is_category(r->maps[0], current_code, "construction") &&
        !is_category(r->maps[1], planned_code, "construction") && !(keep = copy_wkb(wkb, size))) {
        snprintf(r->err, sizeof r->err, "out of memory");
        return 1;
    }
    r->parcel_wkb[r->parcel_count] = keep;
    r->parcel_wkb_size[r->parcel_count++] = keep ? size : 0;
    return 0;
}

static int read_parcels(ledger_run *r, vector_source *src) {
    const ledger_args *a = &r->a;
    if (vector_source_use_field(src, a->parcel_id, r->err, sizeof r->err)) return 1;
    const char *names[] = {a->current_field, a->planned_field, a->unit_field, a->project_field,
                           a->type_field,    a->area_field,    a->kcxs,       a->planned_kcxs,
                           a->grade,         a->planned_grade, a->farmland,   a->planned_farmland};
    enum { N = sizeof names / sizeof *names };
    int f[N];
    for (int i = 0; i < N; i++) {
        f[i] = -1;
        if (names[i] && (f[i] = vector_source_field(src, names[i], r->err, sizeof r->err)) < 0) return 1;
    }
    char id[512];
    int64_t fid;
    const unsigned char *wkb;
    size_t size;
    int more;
    int64_t total = vector_source_count(src);
    while ((more = vector_source_next(src, &fid, id, sizeof id, &wkb, &size, r->err, sizeof r->err)) == 1) {
        if (!wkb) {
            snprintf(r->err, sizeof r->err, "parcels layer '%s', feature %lld (parcel '%s'): no geometry",
                     src->layer_name, (long long)fid, id);
            return 1;
        }
        guotu_ledger_parcel in;
        memset(&in, 0, sizeof in);
        in.parcel_id = id;
        in.fid = fid;
        in.current_code = vector_source_text(src, f[0]);
        in.planned_code = vector_source_text(src, f[1]);
        char unit[512];
        in.unit_id = f[2] < 0             ? ""
                     : a->unit_prefix > 0 ? prefix_of(vector_source_text(src, f[2]), a->unit_prefix, unit, sizeof unit)
                                          : vector_source_text(src, f[2]);
        in.project_id = f[3] >= 0 ? vector_source_text(src, f[3]) : "";
        in.project_type = f[4] >= 0 ? vector_source_text(src, f[4]) : "";
        if (read_number(r, src, f[5], names[5], id, &in.area_m2) ||
            read_number(r, src, f[6], names[6], id, &in.current_kcxs) ||
            read_number(r, src, f[7], names[7], id, &in.planned_kcxs) ||
            read_number(r, src, f[8], names[8], id, &in.current_grade) ||
            read_number(r, src, f[9], names[9], id, &in.planned_grade) ||
            read_flag(r, src, f[10], names[10], id, &in.current_farmland) ||
            read_flag(r, src, f[11], names[11], id, &in.planned_farmland))
            return 1;
        if (guotu_ledger_add_parcel(r->ctx, r->ledger, &in, wkb, size)) return core_error(r, NULL);
        if (keep_parcel(r, in.current_code, in.planned_code, wkb, size)) return 1;
        if ((r->parcel_count & 4095) == 0 && total > 0 &&
            read_progress(r, 0.5 * (double)r->parcel_count / (double)total, "reading parcels", src->layer_name))
            return 1;
    }
    return more < 0;
}

/* Two survey years: the pieces the core makes are the parcels. */
static int on_piece(const guotu_ledger_parcel *piece, const unsigned char *wkb, size_t size, void *user_data) {
    ledger_run *r = user_data;
    return keep_parcel(r, piece->current_code, piece->planned_code, wkb, size);
}

/* A field of a year's layer that it may lack (-1 then): unit, project and type. */
static int optional_field(vector_source *src, const char *name) {
    char ignored[256];
    return name ? vector_source_field(src, name, ignored, sizeof ignored) : -1;
}

/* One layer of two survey years: side 0 current (--current-field, --kcxs-field, --grade-field,
 * --farmland-field), 1 planned (the --planned-* fields). */
static int read_year(ledger_run *r, vector_source *src, int side, int64_t *done, int64_t total) {
    const ledger_args *a = &r->a;
    if (vector_source_use_field(src, a->parcel_id, r->err, sizeof r->err)) return 1;
    const char *names[] = {side ? a->planned_field : a->current_field, side ? a->planned_kcxs : a->kcxs,
                           side ? a->planned_grade : a->grade, side ? a->planned_farmland : a->farmland};
    enum { N = sizeof names / sizeof *names };
    int f[N];
    for (int i = 0; i < N; i++) {
        f[i] = -1;
        if (names[i] && (f[i] = vector_source_field(src, names[i], r->err, sizeof r->err)) < 0) return 1;
    }
    int unit = optional_field(src, a->unit_field), project = optional_field(src, a->project_field),
        type = optional_field(src, a->type_field);
    char id[512];
    int64_t fid;
    const unsigned char *wkb;
    size_t size;
    int more;
    while ((more = vector_source_next(src, &fid, id, sizeof id, &wkb, &size, r->err, sizeof r->err)) == 1) {
        if (!wkb) {
            snprintf(r->err, sizeof r->err, "%s layer '%s', feature %lld (parcel '%s'): no geometry",
                     side ? "planned" : "current", src->layer_name, (long long)fid, id);
            return 1;
        }
        guotu_ledger_parcel in;
        memset(&in, 0, sizeof in);
        in.parcel_id = id;
        in.fid = fid;
        char unit_text[512];
        in.unit_id = unit < 0 ? ""
                     : a->unit_prefix > 0
                         ? prefix_of(vector_source_text(src, unit), a->unit_prefix, unit_text, sizeof unit_text)
                         : vector_source_text(src, unit);
        in.project_id = project >= 0 ? vector_source_text(src, project) : "";
        in.project_type = type >= 0 ? vector_source_text(src, type) : "";
        const char *code = vector_source_text(src, f[0]);
        double kcxs = NAN, grade = NAN;
        int farmland = 0;
        if (read_number(r, src, f[1], names[1], id, &kcxs) || read_number(r, src, f[2], names[2], id, &grade) ||
            read_flag(r, src, f[3], names[3], id, &farmland))
            return 1;
        in.area_m2 = NAN;
        in.current_kcxs = in.planned_kcxs = in.current_grade = in.planned_grade = NAN;
        int status;
        if (side) {
            in.planned_code = code;
            in.planned_kcxs = kcxs;
            in.planned_grade = grade;
            in.planned_farmland = farmland;
            status = guotu_ledger_add_planned(r->ctx, r->ledger, &in, wkb, size);
        } else {
            in.current_code = code;
            in.current_kcxs = kcxs;
            in.current_grade = grade;
            in.current_farmland = farmland;
            status = guotu_ledger_add_current(r->ctx, r->ledger, &in, wkb, size);
        }
        if (status) {
            char where[700];
            snprintf(where, sizeof where, "%s layer '%.200s', parcel '%.200s'", side ? "planned" : "current",
                     src->layer_name, id);
            return core_error(r, where);
        }
        if ((++*done & 1023) == 0 && total > 0 &&
            read_progress(r, 0.5 * (double)*done / (double)total, "reading the two land uses", src->layer_name))
            return 1;
    }
    return more < 0;
}

static int read_years(ledger_run *r, vector_source *current) {
    const ledger_args *a = &r->a;
    vector_source planned;
    memset(&planned, 0, sizeof planned);
    if (open_aligned(r, &planned, a->planned, a->planned_layer, "planned land use")) {
        vector_source_close(&planned);
        return 1;
    }
    int missing = 0;
    const char *optional[] = {a->unit_field, a->project_field, a->type_field};
    for (int i = 0; i < 3 && !missing; i++)
        if (optional[i] && optional_field(current, optional[i]) < 0 && optional_field(&planned, optional[i]) < 0) {
            snprintf(r->err, sizeof r->err, "neither the current layer '%s' nor the planned layer '%s' has a field %s",
                     current->layer_name, planned.layer_name, optional[i]);
            missing = 1;
        }
    int64_t done = 0, total = vector_source_count(current) + vector_source_count(&planned);
    guotu_ledger_set_piece_callback(r->ledger, on_piece, r);
    int failed = missing || read_year(r, current, 0, &done, total) || read_year(r, &planned, 1, &done, total);
    if (!failed && !done) {
        snprintf(r->err, sizeof r->err, "the current and planned layers have no features");
        failed = 1;
    }
    vector_source_close(&planned);
    return failed;
}

/* ---- Outputs ---------------------------------------------------------------- */

enum { UNIT_COLUMNS = 54, GRADE_COLUMNS = 4, CERT_COLUMNS = 17, PROJECT_COLUMNS = 10 };

/* The values each table's rows fill, by column name, in the order of write_rows below; the
 * columns themselves, their order and their Chinese titles are resources/schemas/<table>.csv. */
static const char *const unit_names[UNIT_COLUMNS] = {"unit_id",
                                                     "name",
                                                     "parcels",
                                                     "area_ha",
                                                     "cultivated_opening_ha",
                                                     "lost_construction_ha",
                                                     "lost_garden_ha",
                                                     "lost_forest_ha",
                                                     "lost_grassland_ha",
                                                     "lost_other_ha",
                                                     "gained_reclamation_ha",
                                                     "gained_garden_ha",
                                                     "gained_forest_ha",
                                                     "gained_grassland_ha",
                                                     "gained_other_ha",
                                                     "tiankan_change_ha",
                                                     "cultivated_closing_ha",
                                                     "tiankan_opening_ha",
                                                     "tiankan_closing_ha",
                                                     "quantity_ok",
                                                     "grade_opening_mean",
                                                     "grade_closing_mean",
                                                     "ungraded_opening_ha",
                                                     "ungraded_closing_ha",
                                                     "grade_tolerance",
                                                     "quality_ok",
                                                     "farmland_out_ha",
                                                     "farmland_in_ha",
                                                     "farmland_ratio",
                                                     "farmland_gain_min",
                                                     "farmland_out_grade",
                                                     "farmland_in_grade",
                                                     "farmland_ok",
                                                     "farmland_quality_ok",
                                                     "construction_opening_ha",
                                                     "reclaimed_ha",
                                                     "built_ha",
                                                     "construction_closing_ha",
                                                     "construction_ok",
                                                     "linkage_min",
                                                     "linkage_balance_ha",
                                                     "beach_parcels",
                                                     "beach_ha",
                                                     "beach_parcel_ids",
                                                     "linkage_ok",
                                                     "forest_opening_ha",
                                                     "forest_closing_ha",
                                                     "forest_ok",
                                                     "redline_parcels",
                                                     "redline_changed_ha",
                                                     "redline_ok",
                                                     "verdict",
                                                     "verdict_en",
                                                     "reasons_zh"};
static const char *const grade_names[GRADE_COLUMNS] = {"unit_id", "grade", "opening_ha", "closing_ha"};
static const char *const cert_names[CERT_COLUMNS] = {
    "number",         "parcel_id",  "project_id", "unit_id",   "current_code", "planned_code",       "area_ha",
    "cultivated_ha",  "tiankan_ha", "garden_ha",  "forest_ha", "grass_ha",     "standard_forest_ha", "area_mu",
    "on_river_beach", "issuable",   "status_en"};
static const char *const project_names[PROJECT_COLUMNS] = {
    "project_id", "certificates", "issuable",  "area_ha",  "cultivated_ha",
    "tiankan_ha", "garden_ha",    "forest_ha", "grass_ha", "standard_forest_ha"};

static const char *const table_names[4] = {"unit_ledger", "unit_grades", "certificates", "project_certificates"};
static const char *const *const table_fills[4] = {unit_names, grade_names, cert_names, project_names};
static const int table_nnames[4] = {UNIT_COLUMNS, GRADE_COLUMNS, CERT_COLUMNS, PROJECT_COLUMNS};

/* Reads the four tables' schemas and checks write_rows fills them, before the run starts. */
static int load_schemas(ledger_run *r) {
    for (int t = 0; t < 4; t++)
        if (table_schema_use(r->job->resources, table_names[t], NULL, table_fills[t], table_nnames[t], &r->schemas[t],
                             r->slots[t], r->err, sizeof r->err))
            return 1;
    return 0;
}

static const char *ok_text(int ok) { return ok == 1 ? "pass" : ok == 0 ? "fail" : "not_checked"; }
static const char *verdict_zh(int v) { return v == 1 ? "通过" : v == 0 ? "不通过" : "待定"; }
static const char *verdict_en(int v) { return v == 1 ? "pass" : v == 0 ? "fail" : "undetermined"; }

typedef struct sink {
    gpkg_writer *w;
    int layers[4];
    int no_geometry;
} sink;

/* One row of table t, its values given in t's names order, written in the schema's. */
static int put_row(ledger_run *r, sink *s, int t, const char *const *texts, const double *reals,
                   const unsigned char *wkb, size_t size) {
    table_row row;
    table_row_clear(&row);
    for (int k = 0; k < table_nnames[t]; k++) {
        table_row_text(&row, r->slots[t][k], texts[k]);
        table_row_real(&row, r->slots[t][k], reals[k]);
    }
    return gpkg_writer_row(s->w, s->layers[t], row.texts, row.reals, wkb, size, r->err, sizeof r->err);
}

static int write_rows(ledger_run *r, sink *s) {
    for (size_t i = 0; i < guotu_ledger_unit_count(r->ledger); i++) {
        guotu_ledger_unit u;
        if (guotu_ledger_unit_at(r->ctx, r->ledger, i, &u)) return core_error(r, NULL);
        const char *t[UNIT_COLUMNS] = {0};
        double v[UNIT_COLUMNS];
        for (int c = 0; c < UNIT_COLUMNS; c++)
            v[c] = NAN;
        t[0] = u.unit_id;
        t[1] = u.name;
        v[2] = (double)u.parcels;
        v[3] = u.area_ha;
        v[4] = u.cultivated_opening_ha;
        double lost_other = 0, gained_other = 0;
        for (int c = 0; c < GUOTU_LEDGER_CATEGORIES; c++)
            if (c != 1 && c != 2 && c != 3 && c != 9) {
                lost_other += u.cultivated_lost_ha[c];
                gained_other += u.cultivated_gained_ha[c];
            }
        v[5] = u.cultivated_lost_ha[9];
        v[6] = u.cultivated_lost_ha[1];
        v[7] = u.cultivated_lost_ha[2];
        v[8] = u.cultivated_lost_ha[3];
        v[9] = lost_other;
        v[10] = u.cultivated_gained_ha[9];
        v[11] = u.cultivated_gained_ha[1];
        v[12] = u.cultivated_gained_ha[2];
        v[13] = u.cultivated_gained_ha[3];
        v[14] = gained_other;
        v[15] = u.tiankan_change_ha;
        v[16] = u.cultivated_closing_ha;
        v[17] = u.tiankan_opening_ha;
        v[18] = u.tiankan_closing_ha;
        t[19] = ok_text(u.quantity_ok);
        v[20] = u.grade_opening_mean;
        v[21] = u.grade_closing_mean;
        v[22] = u.grade_opening_ha[0];
        v[23] = u.grade_closing_ha[0];
        v[24] = r->a.o.grade_tolerance;
        t[25] = ok_text(u.quality_ok);
        v[26] = u.farmland_out_ha;
        v[27] = u.farmland_in_ha;
        v[28] = u.farmland_ratio;
        v[29] = r->a.o.farmland_gain_min;
        v[30] = u.farmland_out_grade;
        v[31] = u.farmland_in_grade;
        t[32] = ok_text(u.farmland_ok);
        t[33] = ok_text(u.farmland_quality_ok);
        v[34] = u.construction_opening_ha;
        v[35] = u.reclaimed_ha;
        v[36] = u.built_ha;
        v[37] = u.construction_closing_ha;
        t[38] = ok_text(u.construction_ok);
        v[39] = r->a.o.linkage_min;
        v[40] = u.linkage_balance_ha;
        v[41] = (double)u.beach_parcels;
        v[42] = u.beach_ha;
        t[43] = u.beach_parcel_ids;
        t[44] = ok_text(u.linkage_ok);
        v[45] = u.forest_opening_ha;
        v[46] = u.forest_closing_ha;
        t[47] = ok_text(u.forest_ok);
        v[48] = (double)u.redline_parcels;
        v[49] = u.redline_changed_ha;
        t[50] = ok_text(u.redline_ok);
        t[51] = verdict_zh(u.verdict);
        t[52] = verdict_en(u.verdict);
        t[53] = u.reasons_zh;
        const unsigned char *wkb = NULL;
        size_t size = 0;
        if (!s->no_geometry && i < r->unit_count && u.unit_id[0]) {
            wkb = r->unit_wkb[i];
            size = r->unit_wkb_size[i];
        }
        if (put_row(r, s, 0, t, v, wkb, size)) return 1;
        for (int g = 0; g < GUOTU_LEDGER_GRADES; g++) {
            if (!(u.grade_opening_ha[g] > 0) && !(u.grade_closing_ha[g] > 0)) continue;
            const char *gt[GRADE_COLUMNS] = {u.unit_id};
            double gv[GRADE_COLUMNS] = {NAN, g, u.grade_opening_ha[g], u.grade_closing_ha[g]};
            if (put_row(r, s, 1, gt, gv, NULL, 0)) return 1;
        }
    }
    for (size_t i = 0; i < guotu_ledger_certificate_count(r->ledger); i++) {
        guotu_ledger_certificate c;
        if (guotu_ledger_certificate_at(r->ctx, r->ledger, i, &c)) return core_error(r, NULL);
        const char *t[CERT_COLUMNS] = {c.number,
                                       c.parcel_id,
                                       c.project_id,
                                       c.unit_id,
                                       c.current_code,
                                       c.planned_code,
                                       0,
                                       0,
                                       0,
                                       0,
                                       0,
                                       0,
                                       0,
                                       0,
                                       c.on_river_beach ? "是" : "否",
                                       c.issuable ? "是" : "否",
                                       c.issuable ? "issuable" : "river_beach"};
        double v[CERT_COLUMNS] = {NAN,
                                  NAN,
                                  NAN,
                                  NAN,
                                  NAN,
                                  NAN,
                                  c.area_ha,
                                  c.cultivated_ha,
                                  c.tiankan_ha,
                                  c.garden_ha,
                                  c.forest_ha,
                                  c.grass_ha,
                                  c.standard_forest_ha,
                                  c.area_ha * 15,
                                  NAN,
                                  NAN,
                                  NAN};
        const unsigned char *wkb = s->no_geometry ? NULL : r->parcel_wkb[c.parcel_index];
        size_t size = s->no_geometry ? 0 : r->parcel_wkb_size[c.parcel_index];
        if (put_row(r, s, 2, t, v, wkb, size)) return 1;
    }
    for (size_t i = 0; i < guotu_ledger_project_count(r->ledger); i++) {
        guotu_ledger_project p;
        if (guotu_ledger_project_at(r->ctx, r->ledger, i, &p)) return core_error(r, NULL);
        const char *t[PROJECT_COLUMNS] = {p.project_id};
        double v[PROJECT_COLUMNS] = {NAN,
                                     (double)p.certificates,
                                     (double)p.issuable,
                                     p.area_ha,
                                     p.cultivated_ha,
                                     p.tiankan_ha,
                                     p.garden_ha,
                                     p.forest_ha,
                                     p.grass_ha,
                                     p.standard_forest_ha};
        if (put_row(r, s, 3, t, v, NULL, 0)) return 1;
    }
    return 0;
}

static void record_parameters(ledger_run *r, gpkg_writer *w, int layer) {
    char tol[64], gain[64], link[64], grade[64], unit_prefix[16], slivers[96] = "";
    int64_t sliver_count = 0;
    double sliver_m2 = 0;
    if (guotu_ledger_slivers(r->ledger, &sliver_count, &sliver_m2))
        snprintf(slivers, sizeof slivers, "%lld pieces below %g m2, %.6f m2 in all", (long long)sliver_count,
                 r->a.o.tolerance_m2, sliver_m2);
    snprintf(unit_prefix, sizeof unit_prefix, "%d", r->a.unit_prefix);
    snprintf(tol, sizeof tol, "%g", r->a.o.tolerance_m2);
    snprintf(gain, sizeof gain, "%g", r->a.o.farmland_gain_min);
    snprintf(link, sizeof link, "%g", r->a.o.linkage_min);
    snprintf(grade, sizeof grade, "%g", r->a.o.grade_tolerance);
    const ledger_args *a = &r->a;
    const table_meta meta[] = {{"guotu_version", guotu_version()},
                               {"parcels", a->parcels ? a->parcels : ""},
                               {"current", a->current ? a->current : ""},
                               {"planned", a->planned ? a->planned : ""},
                               {"overlay_slivers_left_out", slivers},
                               {"current_system", a->current_system},
                               {"planned_system", a->planned_system},
                               {"units", a->units        ? a->units
                                         : a->unit_field ? a->unit_field
                                                         : ""},
                               {"kcxs_field", a->kcxs ? a->kcxs : ""},
                               {"grade_field", a->grade ? a->grade : ""},
                               {"farmland_fields", a->farmland ? a->farmland : ""},
                               {"redline", a->redline ? a->redline : ""},
                               {"river_beaches", a->beaches ? a->beaches : ""},
                               {"river_beach_codes", r->beach_codes},
                               {"current_cultivated_codes", r->cultivated_codes[0]},
                               {"planned_cultivated_codes", r->cultivated_codes[1]},
                               {"project_types", a->types},
                               {"tolerance_m2", tol},
                               {"farmland_gain_min", gain},
                               {"linkage_min", link},
                               {"grade_tolerance", grade},
                               {"area", a->area}};
    gpkg_writer_meta(w, layer, meta, (int)(sizeof meta / sizeof *meta));
}

static int write_output(ledger_run *r) {
    sink s = {NULL, {-1, -1, -1, -1}, 0};
    if (gpkg_writer_open(&s.w, r->a.output, r->err, sizeof r->err)) return 1;
    OGRwkbGeometryType geoms[4] = {r->a.units ? wkbMultiPolygon : wkbNone, wkbNone, wkbMultiPolygon, wkbNone};
    int failed = 0;
    for (int t = 0; t < 4 && !failed; t++) {
        s.layers[t] = gpkg_writer_add_layer(s.w, table_names[t], geoms[t], geoms[t] == wkbNone ? NULL : r->srs,
                                            table_schema_columns(r->schemas[t]), table_schema_count(r->schemas[t]),
                                            r->err, sizeof r->err);
        failed = s.layers[t] < 0;
    }
    if (!failed) {
        record_parameters(r, s.w, s.layers[0]);
        failed = write_rows(r, &s) || gpkg_writer_add_styles(s.w, "ledger", table_names, 4, r->err, sizeof r->err);
    }
    if (failed) {
        gpkg_writer_abort(s.w);
        return 1;
    }
    return gpkg_writer_commit(s.w, r->err, sizeof r->err);
}

static int write_xlsx(ledger_run *r) {
    sink s = {NULL, {-1, -1, -1, -1}, 1};
    if (gpkg_writer_open_as(&s.w, r->a.xlsx, "XLSX", r->err, sizeof r->err)) return 1;
    /* Sheets for the meeting: Chinese headers. */
    table_column named[4][TABLE_SCHEMA_MAX_COLUMNS];
    for (int t = 0; t < 4; t++) {
        const table_column *columns = table_schema_columns(r->schemas[t]);
        int n = table_schema_count(r->schemas[t]);
        for (int c = 0; c < n; c++) {
            named[t][c] = columns[c];
            if (named[t][c].alias) named[t][c].name = named[t][c].alias;
            named[t][c].alias = NULL;
        }
        s.layers[t] = gpkg_writer_add_layer(s.w, table_names[t], wkbNone, NULL, named[t], n, r->err, sizeof r->err);
        if (s.layers[t] < 0) {
            gpkg_writer_abort(s.w);
            return 1;
        }
    }
    if (write_rows(r, &s)) {
        gpkg_writer_abort(s.w);
        return 1;
    }
    return gpkg_writer_commit(s.w, r->err, sizeof r->err);
}

static void run_free(ledger_run *r) {
    for (int t = 0; t < 4; t++)
        table_schema_free(r->schemas[t]);
    guotu_ledger_destroy(r->ctx, r->ledger);
    guotu_project_types_destroy(r->ctx, r->types);
    for (int s = 0; s < 2; s++) {
        guotu_category_map_destroy(r->ctx, r->maps[s]);
        guotu_coefficients_destroy(r->ctx, r->k[s]);
    }
    for (size_t i = 0; i < r->unit_count; i++)
        free(r->unit_wkb[i]);
    free(r->unit_wkb);
    free(r->unit_wkb_size);
    for (size_t i = 0; i < r->parcel_count; i++)
        free(r->parcel_wkb[i]);
    free(r->parcel_wkb);
    free(r->parcel_wkb_size);
    if (r->srs) OSRDestroySpatialReference(r->srs);
    CPLFree(r->crs_wkt);
}

static int run(ledger_run *r) {
    const ledger_args *a = &r->a;
    const char *inputs[] = {
        a->parcels ? a->parcels : a->current, a->planned, a->units, a->redline, a->beaches, a->types};
    const char *outputs[] = {a->output, a->xlsx};
    if (io_refuse_overwrite(inputs, 6, outputs, 2, r->err, sizeof r->err)) {
        r->status = GUOTU_ERR_ARGUMENT;
        return 1;
    }
    if (load_schemas(r) || load_tables(r)) return 1;
    vector_source parcels;
    memset(&parcels, 0, sizeof parcels);
    if (vector_source_open(&parcels, a->parcels ? a->parcels : a->current,
                           a->parcels ? a->parcels_layer : a->current_layer, a->encoding, r->err, sizeof r->err))
        return 1;
    OGRSpatialReferenceH srs = vector_source_crs(&parcels);
    const char *wkt_opts[] = {"FORMAT=WKT2_2019", NULL};
    if (srs) {
        r->srs = OSRClone(srs);
        OSRExportToWktEx(srs, &r->crs_wkt, wkt_opts);
    }
    r->a.o.crs = r->crs_wkt;
    r->a.o.river_beach_codes = r->beach_codes;
    r->a.o.current_cultivated_codes = r->cultivated_codes[0];
    r->a.o.planned_cultivated_codes = r->cultivated_codes[1];
    r->a.o.parcels_label = parcels.layer_name;
    int failed = guotu_ledger_create(r->ctx, &r->a.o, r->maps[0], r->maps[1], r->k[0], r->k[1], r->types, &r->ledger)
                     ? core_error(r, NULL)
                     : read_context(r, LAYER_UNITS) || read_context(r, LAYER_REDLINE) ||
                           read_context(r, LAYER_BEACHES) ||
                           (a->parcels ? read_parcels(r, &parcels) : read_years(r, &parcels));
    vector_source_close(&parcels);
    if (failed) return 1;
    int status = guotu_ledger_run(r->ctx, r->ledger);
    if (status) {
        core_error(r, NULL);
        r->status = status;
        return 1;
    }
    /* The meeting tables first: the GeoPackage lands only when everything was written. */
    if (a->xlsx && write_xlsx(r)) return 1;
    return write_output(r);
}

void guotu_ledger_job_init(guotu_ledger_job *job) {
    if (!job) return;
    memset(job, 0, sizeof *job);
    guotu_ledger_options o;
    guotu_ledger_options_init(&o);
    job->area_method = o.area_method;
    job->tolerance_m2 = o.tolerance_m2;
    job->farmland_gain_min = o.farmland_gain_min;
    job->linkage_min = o.linkage_min;
    job->grade_tolerance = o.grade_tolerance;
}

/* What the job lacks or holds twice, or NULL when it can run. */
static const char *job_problem(const guotu_ledger_job *j) {
    if (j->parcels && (j->current || j->planned))
        return "give either the parcels (one layer carrying both land uses) or the current and planned layers, "
               "not both";
    if (!j->parcels && (!j->current || !j->planned))
        return j->current || j->planned ? "the current and planned layers go together"
                                        : "the parcels (or the current and planned layers) are required";
    if ((j->parcels_layer && !j->parcels) || (j->current_layer && !j->current) || (j->planned_layer && !j->planned))
        return "a layer name needs its file";
    if (j->current && j->area_field)
        return "an official area field is refused with two survey years: the pieces of the overlay get their "
               "computed area";
    if (!j->parcel_id_field || !j->current_field || !j->planned_field || !j->current_system || !j->planned_system ||
        !j->output)
        return "the parcel id, the current and planned code fields and systems and the output are required";
    if (j->units && j->unit_field) return "give the units either by a unit field or by unit polygons, not both";
    if (j->unit_prefix < 0 || j->unit_prefix > 64) return "the unit prefix must be 0 to 64 characters";
    if (j->unit_prefix && !j->unit_field) return "the unit prefix needs the unit field";
    if (j->units && !j->unit_id_field) return "the units need their id field";
    if ((j->planned_farmland_field != NULL) != (j->farmland_field != NULL))
        return "the current and planned permanent-farmland fields go together";
    if (j->planned_kcxs_field && !j->kcxs_field) return "the planned KCXS field needs the current one";
    if (j->planned_grade_field && !j->grade_field) return "the planned grade field needs the current one";
    const double numbers[] = {j->tolerance_m2, j->farmland_gain_min, j->linkage_min, j->grade_tolerance};
    return job_output_problem(j->area_method, numbers, 4,
                              "the tolerance, farmland gain, linkage and grade tolerance must be numbers >= 0",
                              j->output, j->xlsx);
}

int guotu_ledger_job_run(guotu_context *ctx, const guotu_ledger_job *job) {
    int refused = job_entry(ctx, "guotu_ledger_job_run", job, job ? job_problem(job) : NULL);
    if (refused) return refused;
    ledger_run *r = calloc(1, sizeof *r);
    if (!r) return guotu_context_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
    r->ctx = ctx;
    r->job = job;
    r->status = GUOTU_ERR_IO;
    ledger_args *a = &r->a;
    a->current = job->current;
    a->current_layer = job->current_layer;
    a->planned = job->planned;
    a->planned_layer = job->planned_layer;
    a->parcels = job->parcels;
    a->parcels_layer = job->parcels_layer;
    a->parcel_id = job->parcel_id_field;
    a->current_field = job->current_field;
    a->current_system = job->current_system;
    a->planned_field = job->planned_field;
    a->planned_system = job->planned_system;
    a->unit_field = job->unit_field;
    a->unit_prefix = job->unit_prefix;
    a->units = job->units;
    a->units_layer = job->units_layer;
    a->unit_id = job->unit_id_field;
    a->unit_name = job->unit_name_field;
    a->project_field = job->project_field;
    a->type_field = job->type_field;
    a->types = job->project_types ? job->project_types : "project_types";
    a->area_field = job->area_field;
    a->kcxs = job->kcxs_field;
    a->planned_kcxs = job->planned_kcxs_field;
    a->grade = job->grade_field;
    a->planned_grade = job->planned_grade_field;
    a->farmland = job->farmland_field;
    a->planned_farmland = job->planned_farmland_field;
    a->redline = job->redline;
    a->redline_layer = job->redline_layer;
    a->beaches = job->river_beaches;
    a->beaches_layer = job->river_beaches_layer;
    a->beach_codes = job->river_beach_codes;
    a->area = job->area_method == GUOTU_AREA_PLANAR ? "planar" : "ellipsoidal";
    a->encoding = job->encoding;
    a->xlsx = job->xlsx;
    a->output = job->output;
    guotu_ledger_options_init(&a->o);
    a->o.area_method = job->area_method;
    a->o.tolerance_m2 = job->tolerance_m2;
    a->o.farmland_gain_min = job->farmland_gain_min;
    a->o.linkage_min = job->linkage_min;
    a->o.grade_tolerance = job->grade_tolerance;
    int status = GUOTU_OK;
    if (run(r))
        status = guotu_context_fail(ctx, r->status ? r->status : GUOTU_ERR_IO, r->err);
    else if (job->report)
        job->report(ctx, r->ledger, job->report_user);
    run_free(r);
    free(r);
    return status;
}
