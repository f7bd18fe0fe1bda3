/* indicators_job.c — guotu_indicators_job_run (guotu_io.h): binding plan indicators (约束性指标)
 * per admin unit from files (SPEC §12). Reads the class groups, the admin units and their
 * targets (fields of the admin layer or a CSV), measures the land use and the permanent
 * farmland by a tally per unit and the change between two survey years by the conversion
 * overlay, compares in the core and writes the tables (indicators_output.c). Errors,
 * progress and cancel go through the caller's context; notes through the job's callback (and
 * into the notes table); nothing is printed. */
#include <cpl_conv.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "indicators_job.h"
#include "io_temp.h"
#include "io_util.h"
#include "resources.h"
#include "tally_runner.h"
#include "vector_source.h"

enum { NIND = GUOTU_INDICATOR_COUNT };

/* Features read between two calls of the context's progress callback (which may cancel). */
enum { READ_PROGRESS_EVERY = 4096 };

void guotu_indicators_job_init(guotu_indicators_job *job) {
    if (!job) return;
    memset(job, 0, sizeof *job);
    job->admin_code_field = "XZQDM";
    job->admin_name_field = "XZQMC";
    job->class_field = "DLBM";
    job->deduction = "auto";
    job->targets_code_field = "XZQDM";
    job->classes = "SANDIAO_WORK";
}

static int add_note(ind_run *r, const char *en, const char *zh) {
    if (io_reserve(&r->notes, &r->cap_notes, r->n_notes + 1, sizeof *r->notes, 8)) {
        snprintf(r->err, sizeof r->err, "out of memory");
        r->status = GUOTU_ERR_NOMEM;
        return 1;
    }
    snprintf(r->notes[r->n_notes].en, sizeof r->notes[0].en, "%s", en);
    snprintf(r->notes[r->n_notes].zh, sizeof r->notes[0].zh, "%s", zh);
    r->n_notes++;
    if (r->job->note) r->job->note(en, r->job->note_user);
    return 0;
}

/* The core's message (and its status) as the run's error. */
static int core_failed(ind_run *r, int status) {
    snprintf(r->err, sizeof r->err, "%s", guotu_context_last_error(r->ctx));
    r->status = status ? status : GUOTU_ERR_DATA;
    return 1;
}

static int data_error(ind_run *r) {
    r->status = GUOTU_ERR_DATA;
    return 1;
}

/* The context's progress callback at a stage of the run (and every READ_PROGRESS_EVERY
 * features of a layer read here): it may cancel. */
static int stage(ind_run *r, double fraction, const char *what) {
    if (guotu_context_report_progress(r->ctx, fraction, what) == GUOTU_OK) return 0;
    snprintf(r->err, sizeof r->err, "cancelled while %s", what);
    r->status = GUOTU_ERR_CANCELLED;
    return 1;
}

static int read_progress(ind_run *r, int64_t count, const char *what) {
    return count % READ_PROGRESS_EVERY ? 0 : stage(r, 0.0, what);
}

/* A target value: 1 set, 0 NULL/empty, -1 text that is not a number (message in err). */
static int parse_target(ind_run *r, const char *text, const char *where, const char *field, double *out) {
    while (*text == ' ')
        text++;
    if (!*text) return 0;
    char *end = NULL;
    *out = strtod(text, &end);
    if (*end || !(*out >= 0) || !isfinite(*out)) {
        snprintf(r->err, sizeof r->err, "%s, field '%s': the target '%.60s' is not a number >= 0", where, field, text);
        return -data_error(r);
    }
    return 1;
}

static double target_scale(const ind_run *r, int k) {
    return k != GUOTU_IND_FOREST_COVER && r->job->targets_in_mu ? 1.0 / 15.0 : 1.0;
}

/* Reads the admin units: code, name, geometry, ellipsoidal area, and the targets that are
 * fields of the layer. */
static int read_admins(ind_run *r) {
    const guotu_indicators_job *job = r->job;
    vector_source src;
    if (vector_source_open(&src, job->admin, job->admin_layer, job->encoding, r->err, sizeof r->err)) return 1;
    int failed = 1;
    guotu_area_calc *calc = NULL;
    OGRSpatialReferenceH srs = vector_source_crs(&src);
    if (!srs) {
        snprintf(r->err, sizeof r->err,
                 "the admin layer '%s' has no CRS: areas and forest cover need one; assign it first", src.layer_name);
        r->status = GUOTU_ERR_CRS;
        goto done;
    }
    if (OSRExportToWkt(srs, &r->crs_wkt) != OGRERR_NONE) {
        snprintf(r->err, sizeof r->err, "cannot describe the CRS of the admin layer '%s'", src.layer_name);
        r->status = GUOTU_ERR_CRS;
        goto done;
    }
    int status = guotu_area_calc_create(r->ctx, r->crs_wkt, GUOTU_AREA_ELLIPSOIDAL, &calc);
    if (status) {
        core_failed(r, status);
        goto done;
    }
    if (vector_source_use_field(&src, r->admin_code, r->err, sizeof r->err)) {
        size_t used = strlen(r->err);
        snprintf(r->err + used, sizeof r->err - used, "; name the admin code field with --admin-code");
        r->status = GUOTU_ERR_ARGUMENT;
        goto done;
    }
    char ferr[1024];
    int name_field = r->admin_name ? vector_source_field(&src, r->admin_name, ferr, sizeof ferr) : -1;
    if (name_field < 0 && r->admin_name && job->admin_name_required) {
        snprintf(r->err, sizeof r->err, "%s (named by --admin-name)", ferr);
        r->status = GUOTU_ERR_ARGUMENT;
        goto done;
    }
    if (name_field < 0 && r->admin_name) {
        char en[512], zh[512];
        snprintf(en, sizeof en, "the admin units have no field '%.100s': they are named by their codes", r->admin_name);
        snprintf(zh, sizeof zh, "行政区没有字段 %.100s：以行政区代码代替名称", r->admin_name);
        if (add_note(r, en, zh)) goto done;
    }
    int field[NIND];
    for (int k = 0; k < NIND; k++) {
        field[k] = -1;
        if (!job->target[k] || job->targets) continue;
        field[k] = vector_source_field(&src, job->target[k], ferr, sizeof ferr);
        if (field[k] < 0) {
            snprintf(r->err, sizeof r->err, "%s (the target of %s)", ferr, guotu_indicator_key(k));
            r->status = GUOTU_ERR_ARGUMENT;
            goto done;
        }
    }
    for (;;) {
        int64_t fid;
        char code[256];
        const unsigned char *wkb;
        size_t size;
        int got = vector_source_next(&src, &fid, code, sizeof code, &wkb, &size, r->err, sizeof r->err);
        if (got < 0) goto done;
        if (!got) break;
        char where[512];
        snprintf(where, sizeof where, "admin layer '%.100s', feature %lld", src.layer_name, (long long)fid);
        if (!code[0]) {
            snprintf(r->err, sizeof r->err, "%s: the admin code (field '%s') is empty", where, r->admin_code);
            data_error(r);
            goto done;
        }
        if (!wkb || !size) {
            snprintf(r->err, sizeof r->err, "%s (admin unit '%s') has no geometry", where, code);
            data_error(r);
            goto done;
        }
        double m2 = 0;
        status = guotu_area_of_wkb(r->ctx, calc, wkb, size, &m2);
        if (status) {
            core_failed(r, status);
            goto done;
        }
        const char *name = name_field >= 0 ? vector_source_text(&src, name_field) : "";
        status = guotu_indicators_add_unit(r->ctx, r->ind, code, name && *name ? name : code, m2 / 10000.0);
        if (status) {
            snprintf(r->err, sizeof r->err, "%s: %s", where, guotu_context_last_error(r->ctx));
            r->status = status;
            goto done;
        }
        if (io_reserve(&r->units, &r->cap_units, r->n_units + 1, sizeof *r->units, 64)) goto nomem;
        ind_unit *u = &r->units[r->n_units];
        u->code = strdup(code);
        u->name = strdup(name && *name ? name : code);
        u->wkb = malloc(size);
        u->wkb_size = size;
        u->fid = fid;
        r->n_units++;
        if (!u->code || !u->name || !u->wkb) goto nomem;
        memcpy(u->wkb, wkb, size);
        for (int k = 0; k < NIND; k++) {
            if (field[k] < 0) continue;
            double v;
            int set = parse_target(r, vector_source_text(&src, field[k]), where, job->target[k], &v);
            if (set < 0) goto done;
            status = set ? guotu_indicators_set_target(r->ctx, r->ind, code, k, v * target_scale(r, k)) : GUOTU_OK;
            if (status) {
                core_failed(r, status);
                goto done;
            }
        }
        if (read_progress(r, (int64_t)r->n_units, "reading the admin units")) goto done;
    }
    if (!r->n_units) {
        snprintf(r->err, sizeof r->err, "the admin layer '%s' has no features", src.layer_name);
        data_error(r);
        goto done;
    }
    failed = 0;
    goto done;
nomem:
    snprintf(r->err, sizeof r->err, "out of memory");
    r->status = GUOTU_ERR_NOMEM;
done:
    guotu_area_calc_destroy(r->ctx, calc);
    vector_source_close(&src);
    return failed;
}

/* Targets from a CSV keyed by admin code (read as text: codes keep their leading zeros). */
static int read_target_table(ind_run *r) {
    const guotu_indicators_job *job = r->job;
    const char *open_options[] = {"AUTODETECT_TYPE=NO", "KEEP_SOURCE_COLUMNS=NO", NULL};
    GDALDatasetH ds = GDALOpenEx(job->targets, GDAL_OF_VECTOR | GDAL_OF_READONLY, NULL, open_options, NULL);
    if (!ds) {
        snprintf(r->err, sizeof r->err, "cannot open the targets table '%s'", job->targets);
        return 1;
    }
    int failed = 1;
    OGRLayerH layer = GDALDatasetGetLayerCount(ds) ? GDALDatasetGetLayer(ds, 0) : NULL;
    OGRFeatureDefnH defn = layer ? OGR_L_GetLayerDefn(layer) : NULL;
    int code_field = defn ? OGR_FD_GetFieldIndex(defn, r->targets_code) : -1;
    int field[NIND];
    char *seen = NULL;
    if (code_field < 0) {
        snprintf(r->err, sizeof r->err,
                 "the targets table '%s' has no column '%s' (name the admin code column with "
                 "--targets-code)",
                 job->targets, r->targets_code);
        r->status = GUOTU_ERR_ARGUMENT;
        goto done;
    }
    for (int k = 0; k < NIND; k++) {
        field[k] = job->target[k] ? OGR_FD_GetFieldIndex(defn, job->target[k]) : -1;
        if (job->target[k] && field[k] < 0) {
            snprintf(r->err, sizeof r->err, "the targets table '%s' has no column '%s' (the target of %s)",
                     job->targets, job->target[k], guotu_indicator_key(k));
            r->status = GUOTU_ERR_ARGUMENT;
            goto done;
        }
    }
    seen = calloc(r->n_units ? r->n_units : 1, 1);
    if (!seen) {
        snprintf(r->err, sizeof r->err, "out of memory");
        r->status = GUOTU_ERR_NOMEM;
        goto done;
    }
    OGR_L_ResetReading(layer);
    OGRFeatureH f;
    int64_t row = 0, unmatched = 0;
    char first_unmatched[64] = "";
    for (;;) {
        int got = ogr_next_feature(layer, job->targets, row, &f, r->err, sizeof r->err);
        if (got < 0) goto done;
        if (!got) break;
        row++;
        const char *code = OGR_F_GetFieldAsString(f, code_field);
        size_t unit = r->n_units;
        for (size_t i = 0; i < r->n_units; i++)
            if (!strcmp(r->units[i].code, code)) unit = i;
        if (unit == r->n_units) {
            if (!unmatched++) snprintf(first_unmatched, sizeof first_unmatched, "%.60s", code);
            OGR_F_Destroy(f);
            continue;
        }
        if (seen[unit]) {
            snprintf(r->err, sizeof r->err, "the targets table '%s' has admin code '%s' twice (row %lld)", job->targets,
                     code, (long long)row + 1);
            data_error(r);
            OGR_F_Destroy(f);
            goto done;
        }
        seen[unit] = 1;
        char where[512];
        snprintf(where, sizeof where, "targets table '%.200s', row %lld (admin code '%.40s')", job->targets,
                 (long long)row + 1, code);
        for (int k = 0; k < NIND; k++) {
            if (field[k] < 0 || !OGR_F_IsFieldSetAndNotNull(f, field[k])) continue;
            double v;
            int set = parse_target(r, OGR_F_GetFieldAsString(f, field[k]), where, job->target[k], &v);
            int status = set > 0 ? guotu_indicators_set_target(r->ctx, r->ind, code, k, v * target_scale(r, k)) : 0;
            if (set < 0 || status) {
                if (status) core_failed(r, status);
                OGR_F_Destroy(f);
                goto done;
            }
        }
        OGR_F_Destroy(f);
        if (read_progress(r, row, "reading the targets table")) goto done;
    }
    char en[512], zh[512];
    size_t missing = 0;
    for (size_t i = 0; i < r->n_units; i++)
        missing += !seen[i];
    if (missing) {
        snprintf(en, sizeof en, "%zu of %zu admin units have no row in the targets table: their indicators are skipped",
                 missing, r->n_units);
        snprintf(zh, sizeof zh, "%zu 个行政区（共 %zu 个）在目标表中没有记录：其指标未比较", missing, r->n_units);
        if (add_note(r, en, zh)) goto done;
    }
    if (unmatched) {
        snprintf(en, sizeof en, "%lld rows of the targets table name no admin unit (the first: '%s')",
                 (long long)unmatched, first_unmatched);
        snprintf(zh, sizeof zh, "目标表中 %lld 条记录的行政区代码不在行政区图层中（第一条：%s）", (long long)unmatched,
                 first_unmatched);
        if (add_note(r, en, zh)) goto done;
    }
    failed = 0;
done:
    free(seen);
    GDALClose(ds);
    return failed;
}

/* One tally of a layer by admin unit; rows go to the indicators by class (or, with
 * indicator >= 0, every row's area to that indicator: the farmland). */
static int tally_layer(ind_run *r, const char *path, const char *layer, const char *class_field, int indicator,
                       const char *role) {
    const guotu_indicators_job *job = r->job;
    tally_inputs in;
    memset(&in, 0, sizeof in);
    in.note = job->note;
    in.note_user = job->note_user;
    in.zones = job->admin;
    in.zones_layer = job->admin_layer;
    in.zone_id = r->admin_code;
    in.landuse = path;
    in.landuse_layer = layer;
    in.class_field = class_field;
    in.whole_area = class_field == NULL;
    in.area = "ellipsoidal";
    in.invalid = "repair";
    in.raster_mode = "exact";
    in.crs_mismatch = job->crs_mismatch_fail ? "fail" : "reproject";
    in.encoding = job->encoding;
    in.role = role;
    in.class_option = "--class-field";
    in.deduction = class_field ? r->deduction : "none";
    in.deducted_class = "1203";
    /* in.progress stays NULL: the context's own progress callback (and cancel) is the one used */
    if (tally_inputs_check(&in, r->err, sizeof r->err)) {
        r->status = GUOTU_ERR_ARGUMENT;
        return 1;
    }
    guotu_tally *t = NULL;
    tally_info info;
    memset(&info, 0, sizeof info);
    if (tally_runner_run(r->ctx, &in, &t, &info, r->err, sizeof r->err)) {
        r->status = info.status ? info.status : GUOTU_ERR_IO;
        return 1;
    }
    if (class_field) {
        char en[512], zh[512];
        if (info.deduction_field[0]) {
            snprintf(en, sizeof en, "cultivated land is net of 田坎: deduction coefficient from field '%s'",
                     info.deduction_field);
            snprintf(zh, sizeof zh, "耕地为扣除田坎后的面积：扣除系数取自字段 %s", info.deduction_field);
        } else {
            snprintf(en, sizeof en, "the land use has no deduction field (KCXS): cultivated land is its gross area");
            snprintf(zh, sizeof zh, "土地利用图层没有扣除系数字段（KCXS）：耕地按图斑面积计，未扣除田坎");
        }
        if (add_note(r, en, zh)) {
            guotu_tally_destroy(r->ctx, t);
            return 1;
        }
    }
    int failed = 0;
    for (size_t i = 0; !failed && i < guotu_tally_result_count(t); i++) {
        const char *zone, *cls;
        double ha;
        int status = guotu_tally_result(r->ctx, t, i, &zone, &cls, &ha);
        if (!status)
            status = indicator >= 0 ? guotu_indicators_add_measured(r->ctx, r->ind, zone, indicator, ha)
                                    : guotu_indicators_add_class_area(r->ctx, r->ind, r->groups, zone, cls, ha);
        if (status) failed = core_failed(r, status);
    }
    guotu_tally_destroy(r->ctx, t);
    if (failed) return 1;
    static const int by_class[] = {GUOTU_IND_CULTIVATED, GUOTU_IND_CONSTRUCTION, GUOTU_IND_URBAN_RURAL,
                                   GUOTU_IND_FOREST};
    for (int k = 0; k < (indicator >= 0 ? 1 : 4); k++) {
        int status = guotu_indicators_measured_everywhere(r->ctx, r->ind, indicator >= 0 ? indicator : by_class[k]);
        if (status) return core_failed(r, status);
    }
    return 0;
}

typedef struct change_sink {
    ind_run *r;
    int failed;
} change_sink;

static void change_report(guotu_context *ctx, const guotu_convert *cv, void *user) {
    change_sink *s = user;
    for (size_t i = 0; !s->failed && i < guotu_convert_code_count(cv); i++) {
        guotu_transition t;
        int status = guotu_convert_code_row(ctx, cv, i, &t);
        if (status) {
            s->failed = core_failed(s->r, status);
            break;
        }
        if (!t.zone_id[0] || !strcmp(t.zone_id, "*")) continue; /* outside every unit; the total of all */
        status =
            guotu_indicators_add_transition(s->r->ctx, s->r->ind, s->r->groups, t.zone_id, t.from, t.to, t.area_ha);
        if (status) s->failed = core_failed(s->r, status);
    }
}

/* Appends `text` to the growing string *buf (capacity *cap); 1 when out of memory. */
static int append(char **buf, size_t *len, size_t *cap, const char *text) {
    size_t n = strlen(text);
    if (io_reserve(buf, cap, *len + n + 1, 1, 1024)) return 1;
    memcpy(*buf + *len, text, n + 1);
    *len += n;
    return 0;
}

/* An attribute filter (OGR SQL) on the class field of a layer keeping the classes of the groups
 * `mask` (bits of guotu_class_group): quoted codes for a text field (and the code without its
 * leading zeros, as an integer field exported to text has it), integers for a numeric one.
 * The change-based indicators only look at cultivated and forest land of the earlier year that
 * is construction land in the later one: overlaying the rest would only cost time. The
 * unfiltered classes of the earlier year are checked apart (unknown_before_codes). */
static char *class_filter(ind_run *r, const char *path, const char *layer, const char *field, unsigned mask) {
    vector_source src;
    if (vector_source_open(&src, path, layer, r->job->encoding, r->err, sizeof r->err)) return NULL;
    int index = vector_source_field(&src, field, r->err, sizeof r->err);
    OGRFieldType type = OFTString;
    char quoted[160];
    if (index >= 0) {
        OGRFieldDefnH defn = OGR_FD_GetFieldDefn(OGR_L_GetLayerDefn(src.layer), index);
        type = OGR_Fld_GetType(defn);
        snprintf(quoted, sizeof quoted, "\"%.150s\"", OGR_Fld_GetNameRef(defn));
    }
    vector_source_close(&src);
    if (index < 0) {
        r->status = GUOTU_ERR_ARGUMENT;
        return NULL;
    }
    int numeric = type == OFTInteger || type == OFTInteger64 || type == OFTReal;
    char *buf = NULL;
    size_t len = 0, cap = 0;
    int failed = append(&buf, &len, &cap, quoted) || append(&buf, &len, &cap, " IN (");
    int n = 0;
    for (size_t i = 0; !failed && i < guotu_class_groups_count(r->groups); i++) {
        const char *code;
        int group = guotu_class_groups_entry(r->groups, i, &code);
        if (group < 0 || !(mask & (1u << group))) continue;
        char *end = NULL;
        long long value = strtoll(code, &end, 10);
        int digits = *code && *end == '\0' && code[0] != '-' && code[0] != '+';
        char item[160];
        if (numeric) {
            if (!digits) continue; /* "05H1" is never the value of a number field */
            snprintf(item, sizeof item, "%s%lld", n ? "," : "", value);
        } else if (digits && code[0] == '0') {
            snprintf(item, sizeof item, "%s'%s','%lld'", n ? "," : "", code, value);
        } else {
            snprintf(item, sizeof item, "%s'%s'", n ? "," : "", code); /* codes are letters and digits */
        }
        failed = append(&buf, &len, &cap, item);
        n++;
    }
    if (!failed && !n) failed = append(&buf, &len, &cap, numeric ? "-1" : "''");
    if (failed || append(&buf, &len, &cap, ")")) {
        free(buf);
        snprintf(r->err, sizeof r->err, "out of memory");
        r->status = GUOTU_ERR_NOMEM;
        return NULL;
    }
    return buf;
}

/* The classes of the earlier year that no group lists (the change overlay sees only the listed
 * ones): a note each, so that a class missing from the table is never dropped unsaid. */
static int unknown_before_codes(ind_run *r) {
    const guotu_indicators_job *job = r->job;
    vector_source src;
    if (vector_source_open(&src, job->before, job->before_layer, job->encoding, r->err, sizeof r->err)) return 1;
    int failed = vector_source_use_field(&src, r->before_class_field, r->err, sizeof r->err);
    if (failed) r->status = GUOTU_ERR_ARGUMENT;
    const char *ignored[] = {"OGR_GEOMETRY", NULL}; /* the codes only */
    if (!failed) OGR_L_SetIgnoredFields(src.layer, ignored);
    char seen[64][48];
    int nseen = 0;
    int64_t count = 0;
    while (!failed) {
        int64_t fid;
        char value[256];
        const unsigned char *wkb;
        size_t size;
        int got = vector_source_next(&src, &fid, value, sizeof value, &wkb, &size, r->err, sizeof r->err);
        if (got <= 0) {
            failed = got < 0;
            break;
        }
        if (read_progress(r, ++count, "reading the earlier survey year's codes")) {
            failed = 1;
            break;
        }
        if (guotu_class_groups_lookup(r->groups, value) >= 0) continue;
        int known = 0;
        for (int i = 0; i < nseen && !known; i++)
            known = !strcmp(seen[i], value);
        if (known || nseen >= 64) continue;
        snprintf(seen[nseen++], sizeof seen[0], "%.40s", value);
        char en[512], zh[512];
        snprintf(en, sizeof en,
                 "class code '%.40s' of the earlier survey year is in no group of the class table '%.200s': its "
                 "parcels count in no change-based indicator",
                 value, r->classes_path);
        snprintf(zh, sizeof zh, "前一期地类编码 %.40s 不在分组表 %.200s 中：其图斑未计入变化类指标", value,
                 r->classes_path);
        failed = add_note(r, en, zh);
    }
    vector_source_close(&src);
    return failed;
}

/* Whether the earlier year has a feature of a class that can count (`where`): 1 yes, 0 no,
 * -1 on a read error (r->err). A district without cultivated or forest land has nothing to
 * overlay, and the conversion would refuse an empty layer. */
static int any_counting(ind_run *r, const char *where) {
    const guotu_indicators_job *job = r->job;
    vector_source src;
    if (vector_source_open(&src, job->before, job->before_layer, job->encoding, r->err, sizeof r->err)) return -1;
    int found = -1;
    if (!vector_source_filter(&src, where, r->err, sizeof r->err)) {
        const char *ignored[] = {"OGR_GEOMETRY", NULL};
        OGR_L_SetIgnoredFields(src.layer, ignored);
        OGRFeatureH f = NULL;
        found = ogr_next_feature(src.layer, job->before, 0, &f, r->err, sizeof r->err);
        if (f) OGR_F_Destroy(f);
    }
    vector_source_close(&src);
    if (found < 0) r->status = GUOTU_ERR_IO;
    return found;
}

/* The change between the two survey years, per unit, through the conversion overlay (its
 * GeoPackage is a temporary removed afterwards), on the classes that can count only. */
static int measure_change(ind_run *r) {
    const guotu_indicators_job *job = r->job;
    char tmp[PATH_MAX], base[PATH_MAX];
    if (snprintf(base, sizeof base, "%.*s_change.gpkg", (int)(strlen(job->output) - 5), job->output) >=
            (int)sizeof base ||
        io_temp_path(base, tmp, sizeof tmp)) {
        snprintf(r->err, sizeof r->err, "the output path '%.1000s' is too long", job->output);
        r->status = GUOTU_ERR_ARGUMENT;
        return 1;
    }
    guotu_convert_job cv;
    guotu_convert_job_init(&cv);
    cv.before = job->before;
    cv.before_layer = job->before_layer;
    cv.before_class_field = r->before_class_field;
    cv.before_system = "SANDIAO_WORK";
    cv.after = job->landuse;
    cv.after_layer = job->landuse_layer;
    cv.after_class_field = r->class_field;
    cv.after_system = "SANDIAO_WORK";
    cv.zones = job->admin;
    cv.zones_layer = job->admin_layer;
    cv.zone_id_field = r->admin_code;
    cv.resources = job->resources;
    cv.encoding = job->encoding;
    cv.crs_mismatch_fail = job->crs_mismatch_fail;
    cv.output = tmp;
    const unsigned from = 1u << GUOTU_GROUP_CULTIVATED | 1u << GUOTU_GROUP_FOREST;
    const unsigned to = 1u << GUOTU_GROUP_URBAN_RURAL | 1u << GUOTU_GROUP_OTHER_CONSTRUCTION;
    char *before_where = class_filter(r, job->before, job->before_layer, r->before_class_field, from);
    char *after_where = before_where ? class_filter(r, job->landuse, job->landuse_layer, r->class_field, to) : NULL;
    if (!after_where) {
        free(before_where);
        io_temp_discard(tmp);
        return 1;
    }
    cv.before_where = before_where;
    cv.after_where = after_where;
    cv.note = job->note;
    cv.note_user = job->note_user;
    change_sink sink = {r, 0};
    cv.report = change_report;
    cv.report_user = &sink;
    int counting = any_counting(r, before_where);
    if (counting == 0) {
        /* Nothing can count: fine for a district without cultivated or forest land, but when no
         * code of the earlier year is in the class table at all, the field holds something else
         * (names, another classification) and 0 would be a wrong answer. */
        char *listed = class_filter(r, job->before, job->before_layer, r->before_class_field,
                                    (1u << (GUOTU_GROUP_OTHER + 1)) - 1u); /* every group */
        counting = listed ? any_counting(r, listed) : -1;
        free(listed);
        if (counting == 0) {
            snprintf(r->err, sizeof r->err,
                     "none of the class codes of the earlier survey year (field '%.100s' of '%.400s') is in the "
                     "class table '%.400s': check that the field holds 三调 codes (DLBM), not names (DLMC)",
                     r->before_class_field, job->before, r->classes_path);
            r->status = GUOTU_ERR_DATA;
            counting = -1;
        } else if (counting > 0) {
            counting = 0;
        }
    }
    if (counting < 0) {
        free(before_where);
        free(after_where);
        io_temp_discard(tmp);
        return 1;
    }
    int rc = counting ? guotu_convert_job_run(r->ctx, &cv) : 0;
    io_temp_discard(tmp);
    free(before_where);
    free(after_where);
    if (rc) {
        snprintf(r->err, sizeof r->err, "the change from '%.400s' to '%.400s': %s", job->before, job->landuse,
                 guotu_context_last_error(r->ctx));
        r->status = rc;
        return 1;
    }
    if (sink.failed || unknown_before_codes(r)) return 1;
    static const int changes[] = {GUOTU_IND_NEW_ON_CULTIVATED, GUOTU_IND_FOREST_TAKEN};
    for (int k = 0; k < 2; k++) {
        int status = guotu_indicators_measured_everywhere(r->ctx, r->ind, changes[k]);
        if (status) return core_failed(r, status);
    }
    return add_note(r,
                    "new construction on cultivated land and forest land taken: the change between the two survey "
                    "years counts whole cultivated parcels (gross of 田坎)",
                    "新增建设占用耕地、占用征收林地：两期调查之间的变化按整个耕地图斑计（未扣除田坎）");
}

static int unknown_notes(ind_run *r) {
    for (size_t i = 0; i < guotu_indicators_unknown_count(r->ind); i++) {
        const char *code;
        double ha;
        guotu_indicators_unknown(r->ctx, r->ind, i, &code, &ha);
        char en[512], zh[512];
        snprintf(en, sizeof en,
                 "class code '%.40s' is in no group of the class table '%.200s' (%.4f ha, counted in no "
                 "indicator)",
                 code, r->classes_path, ha);
        snprintf(zh, sizeof zh, "地类编码 %.40s 不在分组表 %.200s 中（%.4f 公顷，未计入任何指标）", code,
                 r->classes_path, ha);
        if (add_note(r, en, zh)) return 1;
    }
    return 0;
}

static int load_groups(ind_run *r) {
    size_t size = 0;
    char *text = table_text_load_from(r->job->resources, r->classes, "indicators", r->classes_path,
                                      sizeof r->classes_path, &size, r->err, sizeof r->err);
    if (!text) return 1;
    int status = guotu_class_groups_parse(r->ctx, text, size, r->classes_path, &r->groups);
    free(text);
    if (!status) status = guotu_indicators_create(r->ctx, r->job->tolerance, &r->ind);
    return status ? core_failed(r, status) : 0;
}

static int run(ind_run *r) {
    const guotu_indicators_job *job = r->job;
    const char *inputs[] = {job->admin, job->landuse, job->before, job->farmland, job->targets, r->classes};
    const char *outputs[] = {job->output, job->csv, job->xlsx};
    if (io_refuse_overwrite(inputs, 6, outputs, 3, r->err, sizeof r->err)) {
        r->status = GUOTU_ERR_ARGUMENT;
        return 1;
    }
    if (indicators_load_schemas(r) || load_groups(r)) return 1;
    if (stage(r, 0.0, "reading the admin units") || read_admins(r)) return 1;
    if (job->targets && (stage(r, 0.0, "reading the targets table") || read_target_table(r))) return 1;
    if (stage(r, 0.0, "measuring the land use") ||
        tally_layer(r, job->landuse, job->landuse_layer, r->class_field, -1, "land-use"))
        return 1;
    if (job->farmland &&
        (stage(r, 0.0, "measuring the permanent farmland") ||
         tally_layer(r, job->farmland, job->farmland_layer, NULL, GUOTU_IND_FARMLAND, "permanent farmland")))
        return 1;
    if (job->before && (stage(r, 0.0, "measuring the change between the survey years") || measure_change(r))) return 1;
    if (unknown_notes(r)) return 1;
    int status = guotu_indicators_finish(r->ctx, r->ind);
    if (status) return core_failed(r, status);
    if (stage(r, 1.0, "writing the tables")) return 1;
    return indicators_write(r);
}

/* What the job lacks, or NULL when it can run. */
static const char *job_problem(const guotu_indicators_job *job) {
    int targets = 0;
    for (int k = 0; k < NIND; k++)
        targets += job->target[k] != NULL;
    if (!job->admin || !job->landuse || !job->output)
        return "the admin units, the land use and the output are required";
    if (!targets) return "no target: name at least one";
    if (!job->admin_code_field || !*job->admin_code_field || (job->admin_name_field && !*job->admin_name_field) ||
        !job->class_field || !*job->class_field || (job->before_class_field && !*job->before_class_field))
        return "the admin code, admin name and class fields need a field name";
    if (job->targets && (!job->targets_code_field || !*job->targets_code_field))
        return "a targets table needs its admin code column";
    if (job->admin_name_required && !job->admin_name_field) return "a required admin name field needs its name";
    if (!(job->tolerance >= 0 && job->tolerance < 1)) return "the tolerance must be a share from 0 to below 1";
    if (!io_ends_with(job->output, ".gpkg")) return "the output must be a .gpkg file";
    if (job->csv && !io_ends_with(job->csv, ".csv")) return "the meeting table must be a .csv file";
    if (job->xlsx && !io_ends_with(job->xlsx, ".xlsx")) return "the meeting workbook must be a .xlsx file";
    return NULL;
}

static void run_free(ind_run *r) {
    for (size_t i = 0; i < r->n_units; i++) {
        free(r->units[i].code);
        free(r->units[i].name);
        free(r->units[i].wkb);
    }
    free(r->units);
    free(r->notes);
    CPLFree(r->crs_wkt);
    guotu_indicators_destroy(r->ctx, r->ind);
    guotu_class_groups_destroy(r->ctx, r->groups);
    indicators_free_schemas(r);
}

int guotu_indicators_job_run(guotu_context *ctx, const guotu_indicators_job *job) {
    if (!ctx) return GUOTU_ERR_ARGUMENT;
    if (!job) return guotu_context_fail(ctx, GUOTU_ERR_ARGUMENT, "guotu_indicators_job_run: no job");
    const char *problem = job_problem(job);
    if (problem) {
        char message[512];
        snprintf(message, sizeof message, "guotu_indicators_job_run: %s", problem);
        return guotu_context_fail(ctx, GUOTU_ERR_ARGUMENT, message);
    }
    GDALAllRegister();
    ind_run *r = calloc(1, sizeof *r);
    if (!r) return guotu_context_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
    r->ctx = ctx;
    r->job = job;
    r->status = GUOTU_ERR_IO;
    r->admin_code = job->admin_code_field;
    r->admin_name = job->admin_name_field;
    r->class_field = job->class_field;
    r->before_class_field = job->before_class_field ? job->before_class_field : r->class_field;
    r->deduction = job->deduction ? job->deduction : "auto";
    r->targets_code = job->targets_code_field;
    r->classes = job->classes ? job->classes : "SANDIAO_WORK";
    r->target_unit = job->targets_in_mu ? "mu" : "ha";
    int status = GUOTU_OK;
    if (run(r))
        status = guotu_context_fail(ctx, r->status ? r->status : GUOTU_ERR_IO, r->err[0] ? r->err : "out of memory");
    else if (job->report)
        job->report(ctx, r->ind, job->report_user);
    run_free(r);
    free(r);
    return status;
}
