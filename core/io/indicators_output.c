/* indicators_output.c — the tables of the binding indicators (guotu_indicators_job_run):
 * indicator_units (the units' map, styled), indicators and notes in the GeoPackage, and the
 * indicators table for the meeting as CSV and XLSX. Columns and Chinese titles come from
 * resources/schemas; the values from the finished comparison. */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gpkg_styles.h"
#include "gpkg_writer.h"
#include "indicators_job.h"
#include "io_temp.h"
#include "io_util.h"

/* The values each table's rows fill, by column name, in the order of the code below; the
 * columns themselves, their order and their Chinese titles are resources/schemas/<table>.csv. */
static const char *const row_names[] = {"admin_code", "admin_name", "indicator", "indicator_zh", "unit",
                                        "rule",       "target",     "measured",  "difference",   "ratio",
                                        "result",     "result_zh",  "note",      "note_zh"};
static const char *const unit_names[] = {"admin_code", "admin_name", "area_ha", "failed", "passed", "skipped"};
static const char *const note_names[] = {"note", "note_zh"};
enum { ROW_COLUMNS = 14, UNIT_COLUMNS = 6, NOTE_COLUMNS = 2 };
static const char *const schema_tables[IND_SCHEMAS] = {"indicators", "indicator_units", "indicator_notes"};

int indicators_load_schemas(ind_run *r) {
    static const char *const *const names[IND_SCHEMAS] = {row_names, unit_names, note_names};
    static const int counts[IND_SCHEMAS] = {ROW_COLUMNS, UNIT_COLUMNS, NOTE_COLUMNS};
    for (int t = 0; t < IND_SCHEMAS; t++)
        if (table_schema_use(r->job->resources, schema_tables[t], NULL, names[t], counts[t], &r->schemas[t],
                             r->slots[t], r->err, sizeof r->err))
            return 1;
    return 0;
}

void indicators_free_schemas(ind_run *r) {
    for (int t = 0; t < IND_SCHEMAS; t++) {
        table_schema_free(r->schemas[t]);
        r->schemas[t] = NULL;
    }
}

/* A row of schema t from values given in its names' order. */
static void fill_row(const ind_run *r, int t, int n, const char *const *texts, const double *reals, table_row *row) {
    table_row_clear(row);
    for (int k = 0; k < n; k++) {
        table_row_text(row, r->slots[t][k], texts[k]);
        table_row_real(row, r->slots[t][k], reals[k]);
    }
}

static int add_layer(ind_run *r, gpkg_writer *w, int t, OGRwkbGeometryType geometry, OGRSpatialReferenceH srs) {
    return gpkg_writer_add_layer(w, schema_tables[t], geometry, srs, table_schema_columns(r->schemas[t]),
                                 table_schema_count(r->schemas[t]), r->err, sizeof r->err);
}

/* The texts of a row: result and note in both languages. */
static void row_texts(const ind_run *r, int k, int status, const char **result_zh, char *en, size_t en_size, char *zh,
                      size_t zh_size) {
    static const char *const result_zh_of[] = {"达标", "未达标", "未比较", "未比较"};
    *result_zh = result_zh_of[status];
    en[0] = zh[0] = '\0';
    const char *rule = guotu_indicator_rule(k);
    int floor = rule[0] == '>';
    double tolerance = r->job->tolerance;
    if (status == GUOTU_IND_PASS || status == GUOTU_IND_FAIL) {
        snprintf(en, en_size, "measured %s target%s",
                 floor ? ">=" : "<=", tolerance > 0 ? (floor ? " x (1 - tolerance)" : " x (1 + tolerance)") : "");
        snprintf(zh, zh_size, "实测值%s目标值%s", floor ? "不低于" : "不高于", tolerance > 0 ? "（含容差）" : "");
    } else if (status == GUOTU_IND_NO_TARGET) {
        snprintf(en, en_size, "no target: not compared");
        snprintf(zh, zh_size, "无目标值：未比较");
    } else if (k == GUOTU_IND_FARMLAND) {
        snprintf(en, en_size, "not measured: no permanent farmland layer (--farmland or --workspace)");
        snprintf(zh, zh_size, "未测算：未给出永久基本农田图层");
    } else {
        snprintf(en, en_size, "not measured: no earlier survey year (--before)");
        snprintf(zh, zh_size, "未测算：未给出前一期调查数据");
    }
}

/* Row i of the indicators table in the schema's order; en and zh hold its note texts. */
static void indicator_row(const ind_run *r, size_t i, table_row *row, char *en, size_t en_size, char *zh,
                          size_t zh_size) {
    const char *code, *name, *result_zh;
    int k, s;
    double reals[ROW_COLUMNS] = {0};
    guotu_indicators_row(r->ctx, r->ind, i, &code, &name, &k, &s, &reals[6], &reals[7], &reals[8], &reals[9]);
    row_texts(r, k, s, &result_zh, en, en_size, zh, zh_size);
    const char *texts[ROW_COLUMNS] = {code,
                                      name,
                                      guotu_indicator_key(k),
                                      guotu_indicator_name_zh(k),
                                      guotu_indicator_unit(k),
                                      guotu_indicator_rule(k),
                                      0,
                                      0,
                                      0,
                                      0,
                                      guotu_indicator_status_name(s),
                                      result_zh,
                                      en,
                                      zh};
    fill_row(r, 0, ROW_COLUMNS, texts, reals, row);
}

static int write_csv(ind_run *r) {
    const char *path = r->job->csv;
    char tmp[PATH_MAX];
    if (io_temp_path(path, tmp, sizeof tmp)) {
        snprintf(r->err, sizeof r->err, "the output path '%.1000s' is too long", path);
        return 1;
    }
    FILE *f = fopen(tmp, "wb");
    if (!f) {
        snprintf(r->err, sizeof r->err, "cannot write '%.1000s': %s", path, strerror(errno));
        io_temp_discard(tmp);
        return 1;
    }
    fputs("\xEF\xBB\xBF", f); /* a BOM so that Excel reads the Chinese names as UTF-8 */
    int names = r->job->field_name_headers;
    const table_column *columns = table_schema_columns(r->schemas[0]);
    int ncolumns = table_schema_count(r->schemas[0]);
    for (int c = 0; c < ncolumns; c++)
        fprintf(f, "%s%s", c ? "," : "", names || !columns[c].alias ? columns[c].name : columns[c].alias);
    fputc('\n', f);
    for (size_t i = 0; i < guotu_indicators_row_count(r->ind); i++) {
        table_row row;
        char en[256], zh[256];
        indicator_row(r, i, &row, en, sizeof en, zh, sizeof zh);
        for (int c = 0; c < ncolumns; c++) {
            if (c) fputc(',', f);
            if (columns[c].type == COLUMN_TEXT)
                io_csv_quoted(f, row.texts[c] ? row.texts[c] : "");
            else if (!isnan(row.reals[c]))
                fprintf(f, "%.17g", row.reals[c]);
        }
        fputc('\n', f);
    }
    if (fclose(f) != 0 || rename(tmp, path) != 0) {
        snprintf(r->err, sizeof r->err, "cannot write '%.1000s': %s", path, strerror(errno));
        io_temp_discard(tmp);
        return 1;
    }
    io_temp_release(tmp);
    return 0;
}

static int write_rows(ind_run *r, gpkg_writer *w, int layer) {
    for (size_t i = 0; i < guotu_indicators_row_count(r->ind); i++) {
        table_row row;
        char en[256], zh[256];
        indicator_row(r, i, &row, en, sizeof en, zh, sizeof zh);
        if (gpkg_writer_row(w, layer, row.texts, row.reals, NULL, 0, r->err, sizeof r->err)) return 1;
    }
    return 0;
}

static int write_xlsx(ind_run *r) {
    gpkg_writer *w = NULL;
    if (gpkg_writer_open_as(&w, r->job->xlsx, "XLSX", r->err, sizeof r->err)) return 1;
    table_column named[TABLE_SCHEMA_MAX_COLUMNS];
    int names = r->job->field_name_headers;
    const table_column *columns = table_schema_columns(r->schemas[0]);
    int ncolumns = table_schema_count(r->schemas[0]);
    for (int c = 0; c < ncolumns; c++) {
        named[c] = columns[c];
        if (!names && named[c].alias) named[c].name = named[c].alias;
        named[c].alias = NULL;
    }
    int layer = gpkg_writer_add_layer(w, names ? "indicators" : "约束性指标", wkbNone, NULL, named, ncolumns, r->err,
                                      sizeof r->err);
    if (layer < 0 || write_rows(r, w, layer)) {
        gpkg_writer_abort(w);
        return 1;
    }
    return gpkg_writer_commit(w, r->err, sizeof r->err);
}

/* The three tables into a GeoPackage left open (committed by the caller). */
static int write_gpkg(ind_run *r, gpkg_writer **out) {
    gpkg_writer *w = NULL;
    if (gpkg_writer_open(&w, r->job->output, r->err, sizeof r->err)) return 1;
    OGRSpatialReferenceH srs = OSRNewSpatialReference(r->crs_wkt);
    int units = add_layer(r, w, 1, wkbMultiPolygon, srs);
    OSRDestroySpatialReference(srs);
    int rows = units < 0 ? -1 : add_layer(r, w, 0, wkbNone, NULL);
    int notes = -1;
    if (rows >= 0)
        notes = gpkg_writer_add_layer(w, "notes", wkbNone, NULL, table_schema_columns(r->schemas[2]),
                                      table_schema_count(r->schemas[2]), r->err, sizeof r->err);
    if (notes < 0) goto fail;
    const guotu_indicators_job *job = r->job;
    char tol[32], described[4][1100];
    snprintf(tol, sizeof tol, "%g", job->tolerance);
    io_describe_file(job->admin, described[0], sizeof described[0]);
    io_describe_file(job->landuse, described[1], sizeof described[1]);
    io_describe_file(job->before, described[2], sizeof described[2]);
    io_describe_file(job->farmland, described[3], sizeof described[3]);
    table_meta meta[] = {{"admin_units", described[0]},
                         {"landuse", described[1]},
                         {"before", described[2]},
                         {"farmland", described[3]},
                         {"targets", job->targets ? job->targets : "(admin layer fields)"},
                         {"classes", r->classes_path},
                         {"target_unit", r->target_unit},
                         {"tolerance", tol},
                         {"area", "ellipsoidal"}};
    gpkg_writer_meta(w, rows, meta, (int)(sizeof meta / sizeof meta[0]));
    for (size_t i = 0; i < r->n_units; i++) {
        const char *code, *name;
        int passed, failed, skipped;
        double area;
        guotu_indicators_unit_summary(r->ctx, r->ind, i, &code, &name, &area, &passed, &failed, &skipped);
        const char *texts[UNIT_COLUMNS] = {code, name, 0, 0, 0, 0};
        double reals[UNIT_COLUMNS] = {0, 0, area, failed, passed, skipped};
        table_row row;
        fill_row(r, 1, UNIT_COLUMNS, texts, reals, &row);
        if (gpkg_writer_row(w, units, row.texts, row.reals, r->units[i].wkb, r->units[i].wkb_size, r->err,
                            sizeof r->err))
            goto fail;
    }
    if (write_rows(r, w, rows)) goto fail;
    for (size_t i = 0; i < r->n_notes; i++) {
        const char *texts[NOTE_COLUMNS] = {r->notes[i].en, r->notes[i].zh};
        double reals[NOTE_COLUMNS] = {0, 0};
        table_row row;
        fill_row(r, 2, NOTE_COLUMNS, texts, reals, &row);
        if (gpkg_writer_row(w, notes, row.texts, row.reals, NULL, 0, r->err, sizeof r->err)) goto fail;
    }
    static const char *const styled[] = {"indicator_units"};
    if (gpkg_writer_add_styles(w, "indicators", styled, 1, r->err, sizeof r->err)) goto fail;
    *out = w;
    return 0;
fail:
    gpkg_writer_abort(w);
    return 1;
}

int indicators_write(ind_run *r) {
    gpkg_writer *w = NULL;
    if (write_gpkg(r, &w)) return 1;
    /* The meeting tables first: the GeoPackage lands only when everything was written. */
    if ((r->job->csv && write_csv(r)) || (r->job->xlsx && write_xlsx(r))) {
        gpkg_writer_abort(w);
        return 1;
    }
    return gpkg_writer_commit(w, r->err, sizeof r->err);
}
