/* parcels_output.c — the layers and tables `guotu parcels check` writes. */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "io_temp.h"
#include "gpkg_styles.h"
#include "parcels_cli.h"

enum { PARCEL_COLUMNS = 22, REASON_COLUMNS = 8, PROJECT_COLUMNS = 23, VILLAGE_COLUMNS = 11 };

static const table_column parcel_columns[PARCEL_COLUMNS] = {
    {"parcel_id", COLUMN_TEXT, 64, "地块编号"},
    {"project_type", COLUMN_TEXT, 40, "整治类型"},
    {"kind", COLUMN_TEXT, 32, "类型归类"},
    {"project_id", COLUMN_TEXT, 64, "项目/整治单元"},
    {"village_id", COLUMN_TEXT, 64, "所在村"},
    {"current_code", COLUMN_TEXT, 16, "现状地类编码"},
    {"planned_code", COLUMN_TEXT, 16, "规划地类编码"},
    {"current_category", COLUMN_TEXT, 20, "现状用途类别"},
    {"planned_category", COLUMN_TEXT, 20, "规划用途类别"},
    {"status", COLUMN_TEXT, 12, "转换状态"},
    {"path_zh", COLUMN_TEXT, 0, "转换路径"},
    {"area_ha", COLUMN_REAL, 0, "面积（公顷）"},
    {"area_mu", COLUMN_REAL, 0, "面积（亩）"},
    {"redline_ha", COLUMN_REAL, 0, "红线内面积（公顷）"},
    {"farmland_ha", COLUMN_REAL, 0, "永久基本农田内面积（公顷）"},
    {"outside_urban_ha", COLUMN_REAL, 0, "开发边界外建设面积（公顷）"},
    {"dm_ha", COLUMN_REAL, 0, "标准林地变化（公顷）"},
    {"verdict", COLUMN_TEXT, 8, "审查结论"},
    {"verdict_en", COLUMN_TEXT, 12, "verdict"},
    {"rule_ids", COLUMN_TEXT, 64, "规则"},
    {"reasons_zh", COLUMN_TEXT, 0, "原因"},
    {"reasons_en", COLUMN_TEXT, 0, "reasons"}};

static const table_column reason_columns[REASON_COLUMNS] = {
    {"parcel_id", COLUMN_TEXT, 64, "地块编号"}, {"rule_id", COLUMN_TEXT, 4, "规则"},
    {"severity", COLUMN_TEXT, 10, "性质"},      {"area_ha", COLUMN_REAL, 0, "面积（公顷）"},
    {"share", COLUMN_REAL, 0, "占地块比例"},    {"other_parcel_id", COLUMN_TEXT, 64, "重叠地块"},
    {"message_zh", COLUMN_TEXT, 0, "说明"},     {"message_en", COLUMN_TEXT, 0, "message"}};

static const table_column project_columns[PROJECT_COLUMNS] = {
    {"project_id", COLUMN_TEXT, 64, "项目/整治单元"},
    {"name", COLUMN_TEXT, 100, "名称"},
    {"parcels", COLUMN_INTEGER, 0, "地块数"},
    {"area_ha", COLUMN_REAL, 0, "整治面积（公顷）"},
    {"original_cultivated_ha", COLUMN_REAL, 0, "原有耕地（公顷）"},
    {"new_cultivated_ha", COLUMN_REAL, 0, "新增耕地（公顷）"},
    {"lost_cultivated_ha", COLUMN_REAL, 0, "减少耕地（公顷）"},
    {"new_cultivated_ratio", COLUMN_REAL, 0, "净新增耕地比例"},
    {"new_cultivated_ok", COLUMN_TEXT, 4, "U01"},
    {"farmland_out_ha", COLUMN_REAL, 0, "调出永久基本农田（公顷）"},
    {"farmland_added_ha", COLUMN_REAL, 0, "可补划新增耕地（公顷）"},
    {"farmland_ratio", COLUMN_REAL, 0, "补划比例"},
    {"farmland_ok", COLUMN_TEXT, 4, "U02"},
    {"dm_ha", COLUMN_REAL, 0, "标准林地变化（公顷）"},
    {"ecology_ok", COLUMN_TEXT, 4, "U03"},
    {"pass_count", COLUMN_INTEGER, 0, "通过"},
    {"conditional_count", COLUMN_INTEGER, 0, "有条件通过"},
    {"fail_count", COLUMN_INTEGER, 0, "不通过"},
    {"verdict", COLUMN_TEXT, 8, "审查结论"},
    {"verdict_en", COLUMN_TEXT, 12, "verdict"},
    {"tolerance_m2", COLUMN_REAL, 0, "忽略碎片容差（平方米）"},
    {"reasons_zh", COLUMN_TEXT, 0, "说明"},
    {"reasons_en", COLUMN_TEXT, 0, "notes"}};

static const table_column village_columns[VILLAGE_COLUMNS] = {
    {"village_id", COLUMN_TEXT, 64, "村编号"},
    {"name", COLUMN_TEXT, 100, "村名"},
    {"parcels", COLUMN_INTEGER, 0, "地块数"},
    {"pass_count", COLUMN_INTEGER, 0, "通过"},
    {"conditional_count", COLUMN_INTEGER, 0, "有条件通过"},
    {"fail_count", COLUMN_INTEGER, 0, "不通过"},
    {"area_ha", COLUMN_REAL, 0, "整治面积（公顷）"},
    {"new_cultivated_ha", COLUMN_REAL, 0, "新增耕地（公顷）"},
    {"lost_cultivated_ha", COLUMN_REAL, 0, "减少耕地（公顷）"},
    {"dm_ha", COLUMN_REAL, 0, "标准林地变化（公顷）"},
    {"area_mu", COLUMN_REAL, 0, "整治面积（亩）"}};

int parcels_open_output(parcels_run *r) {
    if (gpkg_writer_open(&r->out, r->a.output, r->err, sizeof r->err)) return 1;
    r->parcel_layer = gpkg_writer_add_layer(r->out, "parcel_checks", wkbMultiPolygon, r->srs, parcel_columns,
                                            PARCEL_COLUMNS, r->err, sizeof r->err);
    if (r->parcel_layer < 0) return 1;
    r->reason_layer = gpkg_writer_add_layer(r->out, "parcel_reasons", wkbMultiPolygon, r->srs, reason_columns,
                                            REASON_COLUMNS, r->err, sizeof r->err);
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
    return gpkg_writer_row(r->out, r->reason_layer, texts, reals, wkb, size, r->err, sizeof r->err);
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
        if (fn(r, 0, texts, reals, r->parcel_wkb[i], r->parcel_wkb_size[i], user)) return 1;
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
        if (fn(r, 1, texts, reals, NULL, 0, user)) return 1;
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
        if (fn(r, 2, texts, reals, NULL, 0, user)) return 1;
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
                               {"parcels", r->a.parcels},
                               {"workspace", r->a.workspace ? r->a.workspace : ""},
                               {"redline", r->a.line_file[0] ? r->a.line_file[0] : ""},
                               {"farmland", r->a.line_file[1] ? r->a.line_file[1] : ""},
                               {"urban", r->a.line_file[2] ? r->a.line_file[2] : ""},
                               {"current_system", r->a.current_system},
                               {"planned_system", r->a.planned_system},
                               {"policy", r->a.policy},
                               {"project_types", r->a.types},
                               {"river_beach_codes", r->beach_codes},
                               {"river_beaches", r->a.beaches ? r->a.beaches : ""},
                               {"villages", r->a.villages ? r->a.villages : ""},
                               {"units", r->a.units ? r->a.units : ""},
                               {"tolerance_m2", tol},
                               {"new_cultivated_min", newmin},
                               {"farmland_gain_min", gain},
                               {"area", r->a.area}};
    gpkg_writer_meta(w, layer, meta, (int)(sizeof meta / sizeof *meta));
}

int parcels_write_results(parcels_run *r) {
    sink s = {r->out, {r->parcel_layer, -1, -1}, 0};
    s.layers[1] = gpkg_writer_add_layer(r->out, "project_checks", wkbNone, NULL, project_columns, PROJECT_COLUMNS,
                                        r->err, sizeof r->err);
    if (s.layers[1] < 0) return 1;
    s.layers[2] = gpkg_writer_add_layer(r->out, "village_totals", wkbNone, NULL, village_columns, VILLAGE_COLUMNS,
                                        r->err, sizeof r->err);
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

static const table_column *const table_columns[3] = {parcel_columns, project_columns, village_columns};
static const int table_ncolumns[3] = {PARCEL_COLUMNS, PROJECT_COLUMNS, VILLAGE_COLUMNS};
static const char *const table_names[3] = {"parcel_checks", "project_checks", "village_totals"};

static int to_csv(parcels_run *r, int table, const char *const *texts, const double *reals, const unsigned char *wkb,
                  size_t wkb_size, void *user) {
    (void)r;
    (void)wkb;
    (void)wkb_size;
    FILE *f = ((csv_sink *)user)->files[table];
    for (int c = 0; c < table_ncolumns[table]; c++) {
        if (c) fputc(',', f);
        if (table_columns[table][c].type == COLUMN_TEXT)
            cli_csv_quoted(f, texts[c] ? texts[c] : "");
        else if (!isnan(reals[c]))
            fprintf(f, table_columns[table][c].type == COLUMN_INTEGER ? "%.0f" : "%.6f", reals[c]);
    }
    fputc('\n', f);
    return ferror(f) != 0;
}

static int write_csvs(parcels_run *r) {
    csv_sink s = {{NULL, NULL, NULL}};
    char paths[3][1100], temps[3][1200];
    int failed = 0;
    for (int t = 0; t < 3 && !failed; t++) {
        snprintf(paths[t], sizeof paths[t], "%.1000s/%s.csv", r->a.csv_dir, table_names[t]);
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
        for (int c = 0; c < table_ncolumns[t]; c++) {
            if (c) fputc(',', s.files[t]);
            cli_csv_quoted(s.files[t],
                           table_columns[t][c].alias ? table_columns[t][c].alias : table_columns[t][c].name);
        }
        fputc('\n', s.files[t]);
    }
    if (!failed && each_row(r, 1, to_csv, &s)) {
        if (!r->err[0]) snprintf(r->err, sizeof r->err, "cannot write the CSV tables in '%s'", r->a.csv_dir);
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
    if (gpkg_writer_open_as(&w, r->a.xlsx, "XLSX", r->err, sizeof r->err)) return 1;
    sink s = {w, {-1, -1, -1}, 1};
    /* The sheets are read in the review meeting: their headers are the Chinese names. */
    static table_column named[3][PROJECT_COLUMNS];
    for (int t = 0; t < 3; t++) {
        for (int c = 0; c < table_ncolumns[t]; c++) {
            named[t][c] = table_columns[t][c];
            if (named[t][c].alias) named[t][c].name = named[t][c].alias;
            named[t][c].alias = NULL;
        }
        s.layers[t] =
            gpkg_writer_add_layer(w, table_names[t], wkbNone, NULL, named[t], table_ncolumns[t], r->err, sizeof r->err);
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
    if (r->a.xlsx && write_xlsx(r)) return 1;
    if (r->a.csv_dir && write_csvs(r)) return 1;
    return 0;
}
