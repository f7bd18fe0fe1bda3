/* parcels_output.c — the layers and tables the parcel check writes (guotu_parcels_job_run). */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "gpkg_styles.h"
#include "io_temp.h"
#include "io_util.h"
#include "parcels_job.h"

enum { PARCEL_COLUMNS = 22, REASON_COLUMNS = 8, PROJECT_COLUMNS = 23, VILLAGE_COLUMNS = 11 };

/* The values each table's rows fill, by column name, in the order of the code below; the
 * columns themselves, their order and their Chinese titles are resources/schemas/<table>.csv. */
static const char *const parcel_names[PARCEL_COLUMNS] = {
    "parcel_id",        "project_type",     "kind",   "project_id", "village_id", "current_code", "planned_code",
    "current_category", "planned_category", "status", "path_zh",    "area_ha",    "area_mu",      "redline_ha",
    "farmland_ha",      "outside_urban_ha", "dm_ha",  "verdict",    "verdict_en", "rule_ids",     "reasons_zh",
    "reasons_en"};
static const char *const reason_names[REASON_COLUMNS] = {"parcel_id", "rule_id",         "severity",   "area_ha",
                                                         "share",     "other_parcel_id", "message_zh", "message_en"};
static const char *const project_names[PROJECT_COLUMNS] = {"project_id",
                                                           "name",
                                                           "parcels",
                                                           "area_ha",
                                                           "original_cultivated_ha",
                                                           "new_cultivated_ha",
                                                           "lost_cultivated_ha",
                                                           "new_cultivated_ratio",
                                                           "new_cultivated_ok",
                                                           "farmland_out_ha",
                                                           "farmland_added_ha",
                                                           "farmland_ratio",
                                                           "farmland_ok",
                                                           "dm_ha",
                                                           "ecology_ok",
                                                           "pass_count",
                                                           "conditional_count",
                                                           "fail_count",
                                                           "verdict",
                                                           "verdict_en",
                                                           "tolerance_m2",
                                                           "reasons_zh",
                                                           "reasons_en"};
static const char *const village_names[VILLAGE_COLUMNS] = {
    "village_id",         "name",       "parcels", "pass_count",
    "conditional_count",  "fail_count", "area_ha", "new_cultivated_ha",
    "lost_cultivated_ha", "dm_ha",      "area_mu"};

/* Schema index: parcel_checks, project_checks, village_totals (the meeting tables' order), then
 * parcel_reasons. */
enum { SCHEMA_PARCELS, SCHEMA_PROJECTS, SCHEMA_VILLAGES, SCHEMA_REASONS };
static const char *const schema_tables[PARCELS_SCHEMAS] = {"parcel_checks", "project_checks", "village_totals",
                                                           "parcel_reasons"};

int parcels_load_schemas(parcels_run *r) {
    static const char *const *const names[PARCELS_SCHEMAS] = {parcel_names, project_names, village_names, reason_names};
    static const int counts[PARCELS_SCHEMAS] = {PARCEL_COLUMNS, PROJECT_COLUMNS, VILLAGE_COLUMNS, REASON_COLUMNS};
    for (int t = 0; t < PARCELS_SCHEMAS; t++)
        if (table_schema_use(r->a.job->resources, schema_tables[t], NULL, names[t], counts[t], &r->schemas[t],
                             r->slots[t], r->err, sizeof r->err))
            return 1;
    return 0;
}

void parcels_free_schemas(parcels_run *r) {
    for (int t = 0; t < PARCELS_SCHEMAS; t++) {
        table_schema_free(r->schemas[t]);
        r->schemas[t] = NULL;
    }
}

/* The row of schema t from values given in its names' order. */
static void fill_row(const parcels_run *r, int t, int n, const char *const *texts, const double *reals,
                     table_row *row) {
    table_row_clear(row);
    for (int k = 0; k < n; k++) {
        table_row_text(row, r->slots[t][k], texts[k]);
        table_row_real(row, r->slots[t][k], reals[k]);
    }
}

static int add_layer(parcels_run *r, gpkg_writer *w, int t, OGRwkbGeometryType geometry, OGRSpatialReferenceH srs) {
    return gpkg_writer_add_layer(w, schema_tables[t], geometry, srs, table_schema_columns(r->schemas[t]),
                                 table_schema_count(r->schemas[t]), r->err, sizeof r->err);
}

int parcels_open_output(parcels_run *r) {
    if (gpkg_writer_open(&r->out, r->a.job->output, r->err, sizeof r->err)) return 1;
    r->parcel_layer = add_layer(r, r->out, SCHEMA_PARCELS, wkbMultiPolygon, r->srs);
    if (r->parcel_layer < 0) return 1;
    r->reason_layer = add_layer(r, r->out, SCHEMA_REASONS, wkbMultiPolygon, r->srs);
    return r->reason_layer < 0;
}

/* Each reason with the area at fault, or the parcel itself for whole-parcel reasons. */
int parcels_write_reason(const guotu_parcel_reason *x, void *user) {
    parcels_run *r = user;
    int sev = !strcmp(x->severity, "fail") ? 2 : !strcmp(x->severity, "condition") ? 1 : 0;
    r->reasons_by_severity[sev]++;
    const char *texts[REASON_COLUMNS] = {x->parcel_id,       x->rule_id,    x->severity,  0, 0,
                                         x->other_parcel_id, x->message_zh, x->message_en};
    double reals[REASON_COLUMNS] = {0, 0, 0, x->area_ha, x->share, 0, 0, 0};
    const unsigned char *wkb = x->wkb;
    size_t size = x->wkb_size;
    if (!wkb && r->parcel_count) {
        /* Reasons come parcel by parcel in the order the parcels were given: search on from
         * the last parcel found (once round), not from the start, so a million parcels with
         * a reason each cost a million steps, not a million squared. */
        size_t k = r->reason_cursor < r->parcel_count ? r->reason_cursor : 0;
        for (size_t n = 0; n < r->parcel_count; n++, k = (k + 1) % r->parcel_count)
            if (r->parcel_fids[k] == x->fid) {
                wkb = r->parcel_wkb[k];
                size = r->parcel_wkb_size[k];
                r->reason_cursor = k;
                break;
            }
    }
    table_row row;
    fill_row(r, SCHEMA_REASONS, REASON_COLUMNS, texts, reals, &row);
    return gpkg_writer_row(r->out, r->reason_layer, row.texts, row.reals, wkb, size, r->err, sizeof r->err);
}

static const char *ok_text(int ok) { return ok == 1 ? "pass" : ok == 0 ? "fail" : ""; }

/* Rows of the four tables, shared by the GeoPackage and the meeting tables. */
typedef int (*row_fn)(parcels_run *r, int table, const char *const *texts, const double *reals,
                      const unsigned char *wkb, size_t wkb_size, void *user);

static int each_row(parcels_run *r, int with_parcels, row_fn fn, void *user) {
    for (size_t i = 0; with_parcels && i < guotu_parcels_count(r->check); i++) {
        guotu_parcel_result p;
        if (guotu_parcels_result(r->ctx, r->check, i, &p)) return 1;
        const char *texts[PARCEL_COLUMNS] = {p.parcel_id,
                                             p.type,
                                             p.kind,
                                             p.project_id,
                                             p.village_id,
                                             p.current_code,
                                             p.planned_code,
                                             p.current_category,
                                             p.planned_category,
                                             p.status,
                                             p.paths_zh,
                                             0,
                                             0,
                                             0,
                                             0,
                                             0,
                                             0,
                                             guotu_verdict_name_zh(p.verdict),
                                             guotu_verdict_name(p.verdict),
                                             p.rule_ids,
                                             p.reasons_zh,
                                             p.reasons_en};
        double reals[PARCEL_COLUMNS] = {0};
        reals[11] = p.area_ha;
        reals[12] = p.area_ha * 15;
        reals[13] = p.redline_ha;
        reals[14] = p.farmland_ha;
        reals[15] = p.outside_urban_ha;
        reals[16] = p.dm_ha;
        table_row row;
        fill_row(r, SCHEMA_PARCELS, PARCEL_COLUMNS, texts, reals, &row);
        if (fn(r, 0, row.texts, row.reals, r->parcel_wkb[i], r->parcel_wkb_size[i], user)) return 1;
    }
    for (size_t i = 0; i < guotu_parcels_unit_count(r->check); i++) {
        guotu_unit_result u;
        if (guotu_parcels_unit(r->ctx, r->check, i, &u)) return 1;
        const char *texts[PROJECT_COLUMNS] = {u.project_id,
                                              u.name,
                                              0,
                                              0,
                                              0,
                                              0,
                                              0,
                                              0,
                                              ok_text(u.new_cultivated_ok),
                                              0,
                                              0,
                                              0,
                                              ok_text(u.farmland_ok),
                                              0,
                                              ok_text(u.ecology_ok),
                                              0,
                                              0,
                                              0,
                                              guotu_verdict_name_zh(u.verdict),
                                              guotu_verdict_name(u.verdict),
                                              0,
                                              u.reasons_zh,
                                              u.reasons_en};
        double reals[PROJECT_COLUMNS] = {0,
                                         0,
                                         (double)u.parcels,
                                         u.area_ha,
                                         u.original_cultivated_ha,
                                         u.new_cultivated_ha,
                                         u.lost_cultivated_ha,
                                         u.new_cultivated_ratio,
                                         0,
                                         u.farmland_out_ha,
                                         u.farmland_added_ha,
                                         u.farmland_ratio,
                                         0,
                                         u.dm_ha,
                                         0,
                                         (double)u.pass_count,
                                         (double)u.conditional_count,
                                         (double)u.fail_count,
                                         0,
                                         0,
                                         r->a.o.tolerance_m2,
                                         0,
                                         0};
        table_row row;
        fill_row(r, SCHEMA_PROJECTS, PROJECT_COLUMNS, texts, reals, &row);
        if (fn(r, 1, row.texts, row.reals, NULL, 0, user)) return 1;
    }
    for (size_t i = 0; i < guotu_parcels_village_count(r->check); i++) {
        guotu_village_result v;
        if (guotu_parcels_village(r->ctx, r->check, i, &v)) return 1;
        const char *texts[VILLAGE_COLUMNS] = {v.village_id, v.name};
        double reals[VILLAGE_COLUMNS] = {0,
                                         0,
                                         (double)v.parcels,
                                         (double)v.pass_count,
                                         (double)v.conditional_count,
                                         (double)v.fail_count,
                                         v.area_ha,
                                         v.new_cultivated_ha,
                                         v.lost_cultivated_ha,
                                         v.dm_ha,
                                         v.area_ha * 15};
        table_row row;
        fill_row(r, SCHEMA_VILLAGES, VILLAGE_COLUMNS, texts, reals, &row);
        if (fn(r, 2, row.texts, row.reals, NULL, 0, user)) return 1;
    }
    return 0;
}

typedef struct sink {
    gpkg_writer *w;
    int layers[3];
    int no_geometry; /* spreadsheets keep attributes only */
} sink;

static int to_writer(parcels_run *r, int table, const char *const *texts, const double *reals, const unsigned char *wkb,
                     size_t wkb_size, void *user) {
    sink *s = user;
    return gpkg_writer_row(s->w, s->layers[table], texts, reals, s->no_geometry ? NULL : wkb, wkb_size, r->err,
                           sizeof r->err);
}

static void record_parameters(parcels_run *r, gpkg_writer *w, int layer) {
    char tol[64], newmin[64], gain[64];
    snprintf(tol, sizeof tol, "%g", r->a.o.tolerance_m2);
    snprintf(newmin, sizeof newmin, "%g", r->a.o.new_cultivated_min);
    snprintf(gain, sizeof gain, "%g", r->a.o.farmland_gain_min);
    const table_meta meta[] = {{"guotu_version", guotu_version()},
                               {"parcels", r->a.job->parcels},
                               {"workspace", r->a.job->workspace ? r->a.job->workspace : ""},
                               {"redline", r->a.line_file[0] ? r->a.line_file[0] : ""},
                               {"farmland", r->a.line_file[1] ? r->a.line_file[1] : ""},
                               {"urban", r->a.line_file[2] ? r->a.line_file[2] : ""},
                               {"current_system", r->a.job->current_system},
                               {"planned_system", r->a.job->planned_system},
                               {"policy", r->a.policy},
                               {"project_types", r->a.types},
                               {"river_beach_codes", r->beach_codes},
                               {"river_beaches", r->a.job->river_beaches ? r->a.job->river_beaches : ""},
                               {"villages", r->a.job->villages ? r->a.job->villages : ""},
                               {"units", r->a.job->units ? r->a.job->units : ""},
                               {"tolerance_m2", tol},
                               {"new_cultivated_min", newmin},
                               {"farmland_gain_min", gain},
                               {"area", r->a.area}};
    gpkg_writer_meta(w, layer, meta, (int)(sizeof meta / sizeof *meta));
}

int parcels_write_results(parcels_run *r) {
    sink s = {r->out, {r->parcel_layer, -1, -1}, 0};
    s.layers[1] = add_layer(r, r->out, SCHEMA_PROJECTS, wkbNone, NULL);
    if (s.layers[1] < 0) return 1;
    s.layers[2] = add_layer(r, r->out, SCHEMA_VILLAGES, wkbNone, NULL);
    if (s.layers[2] < 0) return 1;
    record_parameters(r, r->out, r->parcel_layer);
    if (each_row(r, 1, to_writer, &s)) return 1;
    /* The layers open styled by verdict, with their Chinese field names. */
    static const char *const styled[] = {"parcel_checks", "parcel_reasons", "project_checks", "village_totals"};
    return gpkg_writer_add_styles(r->out, "parcels", styled, 4, r->err, sizeof r->err);
}

/* ---- meeting tables ---- */

typedef struct csv_sink {
    FILE *files[3];
} csv_sink;

static const char *const *const table_names = schema_tables;

static int to_csv(parcels_run *r, int table, const char *const *texts, const double *reals, const unsigned char *wkb,
                  size_t wkb_size, void *user) {
    (void)wkb;
    (void)wkb_size;
    FILE *f = ((csv_sink *)user)->files[table];
    const table_column *columns = table_schema_columns(r->schemas[table]);
    for (int c = 0; c < table_schema_count(r->schemas[table]); c++) {
        if (c) fputc(',', f);
        if (columns[c].type == COLUMN_TEXT)
            io_csv_quoted(f, texts[c] ? texts[c] : "");
        else if (!isnan(reals[c]))
            fprintf(f, columns[c].type == COLUMN_INTEGER ? "%.0f" : "%.6f", reals[c]);
    }
    fputc('\n', f);
    return ferror(f) != 0;
}

static int write_csvs(parcels_run *r) {
    csv_sink s = {{NULL, NULL, NULL}};
    char paths[3][1100], temps[3][1200];
    int failed = 0;
    for (int t = 0; t < 3 && !failed; t++) {
        snprintf(paths[t], sizeof paths[t], "%.1000s/%s.csv", r->a.job->csv_dir, table_names[t]);
        if (io_temp_path(paths[t], temps[t], sizeof temps[t])) {
            snprintf(r->err, sizeof r->err, "the output path '%.1000s' is too long", paths[t]);
            failed = 1;
            break;
        }
        s.files[t] = fopen(temps[t], "wb");
        if (!s.files[t]) {
            snprintf(r->err, sizeof r->err, "cannot write '%.1000s' (does the folder exist?)", paths[t]);
            io_temp_discard(temps[t]);
            failed = 1;
            break;
        }
        fputs("\xEF\xBB\xBF", s.files[t]); /* a BOM so that Excel reads the Chinese as UTF-8 */
        const table_column *columns = table_schema_columns(r->schemas[t]);
        for (int c = 0; c < table_schema_count(r->schemas[t]); c++) {
            if (c) fputc(',', s.files[t]);
            io_csv_quoted(s.files[t], columns[c].alias ? columns[c].alias : columns[c].name);
        }
        fputc('\n', s.files[t]);
    }
    if (!failed && each_row(r, 1, to_csv, &s)) {
        if (!r->err[0]) snprintf(r->err, sizeof r->err, "cannot write the CSV tables in '%s'", r->a.job->csv_dir);
        failed = 1;
    }
    for (int t = 0; t < 3; t++)
        if (s.files[t] && fclose(s.files[t]) != 0) failed = 1;
    for (int t = 0; t < 3; t++) {
        if (!s.files[t]) continue;
        if (failed)
            io_temp_discard(temps[t]);
        else if (rename(temps[t], paths[t]) != 0) {
            snprintf(r->err, sizeof r->err, "cannot write '%.1000s': %s", paths[t], strerror(errno));
            io_temp_discard(temps[t]);
            failed = 1;
        } else
            io_temp_release(temps[t]);
    }
    return failed;
}

static int write_xlsx(parcels_run *r) {
    gpkg_writer *w = NULL;
    if (gpkg_writer_open_as(&w, r->a.job->xlsx, "XLSX", r->err, sizeof r->err)) return 1;
    sink s = {w, {-1, -1, -1}, 1};
    /* The sheets are read in the review meeting: their headers are the Chinese names. */
    table_column named[3][TABLE_SCHEMA_MAX_COLUMNS];
    for (int t = 0; t < 3; t++) {
        const table_column *columns = table_schema_columns(r->schemas[t]);
        int n = table_schema_count(r->schemas[t]);
        for (int c = 0; c < n; c++) {
            named[t][c] = columns[c];
            if (named[t][c].alias) named[t][c].name = named[t][c].alias;
            named[t][c].alias = NULL;
        }
        s.layers[t] = gpkg_writer_add_layer(w, table_names[t], wkbNone, NULL, named[t], n, r->err, sizeof r->err);
        if (s.layers[t] < 0) {
            gpkg_writer_abort(w);
            return 1;
        }
    }
    if (each_row(r, 1, to_writer, &s)) {
        gpkg_writer_abort(w);
        return 1;
    }
    return gpkg_writer_commit(w, r->err, sizeof r->err);
}

int parcels_write_tables(parcels_run *r) {
    if (r->a.job->xlsx && write_xlsx(r)) return 1;
    if (r->a.job->csv_dir && write_csvs(r)) return 1;
    return 0;
}
