/* lines_job.c — the three-lines check from files (guotu_lines_job_run): the three lines and
 * the admin units from a workspace or as delivered (or the units made from the land use's
 * codes), every layer read in the admin units' CRS (geographic units: the Gauss-Krüger zone
 * of the data), the targets and the tallies of 2020 urban land and cultivated land by unit,
 * the workspace's exceptions, the core's rules; the issues, statistics and notes written to a
 * GeoPackage (and the statistics to CSV) through temporary files renamed at the end.
 * Progress and cancel through the context, also while reading; notes and the finished check
 * through the job's callbacks; nothing is printed. */
#include <errno.h>
#include <cpl_conv.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "code_units.h"
#include "gpkg_writer.h"
#include "guotu/guotu.h"
#include "guotu/guotu_io.h"
#include "io_temp.h"
#include "io_util.h"
#include "job_checks.h"
#include "metric_zone.h"
#include "resources.h"
#include "table_schema.h"
#include "tally_runner.h"
#include "vector_source.h"

/* The four layers of a check: from the workspace, or each from its own file. */
enum { SRC_REDLINE = 0, SRC_FARMLAND, SRC_URBAN, SRC_ADMIN, NSOURCES };
/* The admin layer's value fields (guotu_admin_values order). */
enum { T_REDLINE = 0, T_FARMLAND, T_URBAN_2020, T_CAP, NTARGETS };

static const char *const source_tables[NSOURCES] = {"ecological_redline", "permanent_farmland", "urban_boundary",
                                                    "admin_units"};
static const char *const source_options[NSOURCES] = {"--redline", "--farmland", "--urban", "--admin"};
static const char *const source_roles[NSOURCES] = {"red line", "permanent farmland", "urban boundary", "admin units"};
static const char *const target_defaults[NTARGETS] = {"erl_target_ha", "pbf_target_ha", "urban_2020_ha",
                                                      "expansion_cap"};
static const char *const target_options[NTARGETS] = {"--redline-target", "--farmland-target", "--urban-2020-field",
                                                     "--expansion-cap-field"};
#define DEFAULT_ADMIN_ID "XZQDM"
#define DEFAULT_ADMIN_NAME "XZQMC"
/* Features read between two calls of the context's progress callback (which may cancel). */
#define READ_PROGRESS_EVERY 1000

/* The job as the run reads it: names resolved to their defaults, "given" when the caller
 * named a field (a named field must exist; a default one may be missing). */
typedef struct check_args {
    const char *workspace, *landuse, *landuse_layer, *class_field, *system, *urban_2020, *output, *stats_csv, *area;
    int csv_field_names;
    const char *path[NSOURCES], *layer[NSOURCES]; /* a source given on its own; NULL: the workspace's */
    const char *admin_id, *admin_name, *target[NTARGETS];
    int admin_id_given, admin_name_given, target_given[NTARGETS];
    const char *crs_mismatch; /* "reproject" (to the admin units' CRS, with a note) or "fail" */
    const char *encoding;     /* attribute encoding of Shapefiles without a .cpg, or NULL */
    const char *admin_code_field;
    int admin_code_length;
    const char *deduction;
    char units_path[128]; /* the units' polygons, in GDAL's memory */
    guotu_lines_options o;
} check_args;

typedef struct exception_row {
    char fingerprint[17];
    char reason[256];
} exception_row;

/* What the run could not check, and what it changed on the way (layers reprojected), for the
 * reader: printed, and written to the table `notes` of the output. */
typedef struct note_row {
    char rule[8];
    char zh[768], en[768];
} note_row;

typedef struct check_run {
    check_args a;
    const guotu_lines_job *job;
    guotu_context *ctx;
    int status; /* of a failed run: GUOTU_ERR_IO unless said otherwise */
    guotu_lines *lines;
    char *crs;                   /* WKT of the admin units' CRS: every layer is read in it */
    OGRSpatialReferenceH target; /* the same, as OGR's (NULL when the admin units have no CRS) */
    int zone; /* the admin units are geographic: target is the Gauss-Krüger zone of the data (SPEC §8) */
    OGRSpatialReferenceH admin_srs; /* with zone: the admin units' own CRS */
    char layer_name[NSOURCES][256]; /* the layer each source was read from */
    char field[2 + NTARGETS][256];  /* admin id, name and value fields as the layer spells them; "" absent */
    exception_row *exceptions;
    size_t nexceptions;
    note_row *notes;
    size_t nnotes, notes_cap;
    int skipped[15]; /* rules L11-L14 not checked at all for want of their target */
    gpkg_writer *out;
    char stats_temp[1300]; /* the statistics CSV while it is written; "" when none */
    /* The columns of issues, line_stats and notes (resources/schemas), read before the run and alive
     * until the output is committed, and where each value goes. */
    table_schema *issues_schema, *stats_schema, *notes_schema;
    int issue_slots[15], stats_slots[19], notes_slots[3];
    int issues_layer, points_layer;
    int counts[15][3]; /* rule L01..L14 x severity error/warning/minor */
    int accepted;
    int64_t units;            /* admin units made from the land use's codes */
    char deduction_field[64]; /* the land use's 田坎 coefficient field cultivated land is net of, "" none */
    char err[2048];
} check_run;

/* `hint` (or NULL) follows the printed note only: how to give what is missing on the command line. */
static int add_note(check_run *r, const char *rule, const char *zh, const char *en, const char *hint) {
    if (io_reserve(&r->notes, &r->notes_cap, r->nnotes + 1, sizeof *r->notes, 8)) {
        snprintf(r->err, sizeof r->err, "out of memory");
        return 1;
    }
    note_row *n = &r->notes[r->nnotes++];
    snprintf(n->rule, sizeof n->rule, "%s", rule);
    snprintf(n->zh, sizeof n->zh, "%s", zh);
    snprintf(n->en, sizeof n->en, "%s", en);
    if (r->job->table_note) r->job->table_note(n->rule, n->zh, n->en, hint, r->job->table_note_user);
    return 0;
}

/* At the first feature of a layer and every READ_PROGRESS_EVERY after: the context's progress
 * callback, which may cancel the run. */
static int read_progress(check_run *r, int64_t count, const char *role, const char *layer) {
    /* features 1, 1001, 2001 ... */
    if (!job_read_progress(r->ctx, count - 1, READ_PROGRESS_EVERY, role, layer, r->err, sizeof r->err)) return 0;
    r->status = GUOTU_ERR_CANCELLED;
    return 1;
}

static int rule_wanted(const check_run *r, int rule) { return !r->a.o.rules || (r->a.o.rules & (1u << rule)); }

/* Where source k comes from: its own file (and layer, or the file's only polygon layer) or
 * the workspace's table. */
static void source_of(const check_run *r, int k, const char **path, const char **layer) {
    *path = r->a.path[k] ? r->a.path[k] : r->a.workspace;
    *layer = r->a.path[k] ? r->a.layer[k] : source_tables[k];
}

static int polygon_like(OGRLayerH layer) {
    OGRwkbGeometryType t = wkbFlatten(OGR_L_GetGeomType(layer));
    return t == wkbPolygon || t == wkbMultiPolygon || t == wkbCurvePolygon || t == wkbMultiSurface || t == wkbUnknown;
}

static void crs_label(OGRSpatialReferenceH srs, char *buf, size_t size) {
    const char *name = OSRGetName(srs), *auth = OSRGetAuthorityName(srs, NULL), *code = OSRGetAuthorityCode(srs, NULL);
    if (auth && code)
        snprintf(buf, size, "%s:%s (%s)", auth, code, name ? name : "?");
    else
        snprintf(buf, size, "%s", name ? name : "an unnamed CRS");
}

/* Puts a line layer into the admin units' CRS: the same, reprojected with a note, or refused
 * (--crs-mismatch fail, or one of the two without a CRS). */
static int align_crs(check_run *r, vector_source *src, int k) {
    char words[300];
    snprintf(words, sizeof words, "the admin units '%.200s'", r->layer_name[SRC_ADMIN]);
    layer_crs_target t = {.srs = r->target,
                          .own = r->zone ? r->admin_srs : NULL,
                          .words = words,
                          .plural = 1,
                          .refuse = !strcmp(r->a.crs_mismatch, "fail")};
    OGRSpatialReferenceH have = vector_source_crs(src);
    int reprojected = 0;
    if (layer_crs_align(&t, src, source_roles[k], &reprojected, r->err, sizeof r->err)) return 1;
    if (!reprojected) return 0;
    char from[300], to[300];
    crs_label(have, from, sizeof from);
    crs_label(r->target, to, sizeof to);
    char zh[768], en[768];
    snprintf(en, sizeof en, "the %s layer '%.100s' was reprojected from %.200s to %.200s, %s", source_roles[k],
             src->layer_name, from, to,
             r->zone ? "the Gauss-Krüger zone of the data's centre" : "the CRS of the admin units");
    static const char *const roles_zh[NSOURCES] = {"生态保护红线", "永久基本农田", "城镇开发边界", "行政区"};
    snprintf(zh, sizeof zh, "%s图层 %.100s 已从 %.200s 投影转换到%s %.200s", roles_zh[k], src->layer_name, from,
             r->zone ? "数据中心所在的高斯-克吕格投影带" : "行政区的坐标系", to);
    return add_note(r, "", zh, en, NULL);
}

/* Opens source k; the admin units (opened first) set the CRS every other layer is read in. */
static int open_source(check_run *r, vector_source *src, int k) {
    const char *path, *layer;
    source_of(r, k, &path, &layer);
    if (vector_source_open(src, path, layer, r->a.encoding, r->err, sizeof r->err)) {
        if (!r->a.path[k]) workspace_layer_message(r->err, sizeof r->err, layer);
        return 1;
    }
    if (!layer) {
        /* A file of several polygon layers (a File Geodatabase, a planning database): taking
         * the first would be a guess. */
        int polygons = 0;
        char names[600] = "";
        for (int i = 0; i < GDALDatasetGetLayerCount(src->dataset); i++) {
            OGRLayerH l = GDALDatasetGetLayer(src->dataset, i);
            if (!polygon_like(l)) continue;
            size_t used = strlen(names);
            snprintf(names + used, sizeof names - used, "%s%s", polygons++ ? ", " : "", OGR_L_GetName(l));
        }
        if (polygons > 1) {
            snprintf(r->err, sizeof r->err, "'%s' holds several polygon layers (%s): choose the %s layer with %s-layer",
                     path, names, source_roles[k], source_options[k]);
            return 1;
        }
    }
    snprintf(r->layer_name[k], sizeof r->layer_name[k], "%s", src->layer_name);
    if (k != SRC_ADMIN) return align_crs(r, src, k);
    OGRSpatialReferenceH srs = vector_source_crs(src);
    if (!srs) return 0;
    r->target = OSRClone(srs);
    /* Geographic admin units: the run works in the Gauss-Krüger zone of all the layers' centre. */
    if (OSRIsGeographic(srs)) {
        metric_extent e;
        metric_extent_init(&e);
        metric_extent_add_layer(&e, src->layer, srs, srs);
        for (int j = 0; j < NSOURCES; j++) {
            const char *p, *l;
            source_of(r, j, &p, &l);
            if (j != SRC_ADMIN && metric_extent_add_file(&e, p, l, srs, r->err, sizeof r->err)) return 1;
        }
        char what[700], en[768], zh[768];
        snprintf(what, sizeof what, "the admin units '%.200s' of '%.400s'", src->layer_name, src->path);
        OGRSpatialReferenceH zone = NULL;
        if (metric_zone_choose(srs, &e, what, &zone, en, sizeof en, zh, sizeof zh, r->err, sizeof r->err)) return 1;
        if (zone) {
            r->admin_srs = r->target; /* the admin units' own CRS */
            r->target = zone;
            r->zone = 1;
            if (add_note(r, "", zh, en, NULL) || vector_source_reproject_to(src, zone, r->err, sizeof r->err)) return 1;
            srs = zone;
        }
    }
    const char *opts[] = {"FORMAT=WKT2_2019", NULL};
    if (OSRExportToWktEx(srs, &r->crs, opts) != OGRERR_NONE) {
        snprintf(r->err, sizeof r->err, "cannot describe the CRS of the admin units '%s'", src->layer_name);
        return 1;
    }
    return 0;
}

static double field_number(const vector_source *src, int index) {
    double v = NAN;
    if (index < 0 || !vector_source_real(src, index, &v)) return NAN;
    return v;
}

/* Per-admin values from a tally of another layer by admin unit, e.g. 2020 urban land or
 * cultivated land (the codes whose conversion category is "cultivated"). */
static int admin_areas(check_run *r, const char *path, const char *class_field, const char *cultivated_system,
                       char codes[][64], double *out, size_t n) {
    tally_inputs in;
    memset(&in, 0, sizeof in);
    source_of(r, SRC_ADMIN, &in.zones, &in.zones_layer);
    in.zones_layer = r->layer_name[SRC_ADMIN];
    in.zone_id = r->field[0];
    in.landuse = path;
    in.landuse_layer = cultivated_system ? r->a.landuse_layer : NULL;
    in.class_field = class_field;
    in.class_option = "--class-field";
    in.area = r->a.area;
    in.crs_mismatch = r->a.crs_mismatch;
    in.encoding = r->a.encoding;
    in.role = cultivated_system ? "land-use" : "2020 urban land";
    in.whole_area = class_field == NULL; /* 2020 urban land: all of it counts */
    /* L14 compares farmland with cultivated land net of 田坎 (KCXS of a 三调 layer) */
    in.deduction = cultivated_system ? r->a.deduction : "none";
    in.deducted_class = "1203";
    in.note = r->job->note;
    in.note_user = r->job->note_user;
    in.work_crs = r->zone ? r->crs : NULL; /* the Gauss-Krüger zone of geographic admin units */
    guotu_tally *t = NULL;
    tally_info info;
    guotu_category_map *map = NULL;
    if (cultivated_system) {
        char source[1200];
        size_t size = 0;
        char *text =
            table_text_load(cultivated_system, "conversion", source, sizeof source, &size, r->err, sizeof r->err);
        if (!text) return 1;
        int status = guotu_category_map_parse(r->ctx, text, size, source, &map);
        free(text);
        if (status) {
            snprintf(r->err, sizeof r->err, "%s", guotu_context_last_error(r->ctx));
            return 1;
        }
    }
    memset(&info, 0, sizeof info);
    int failed = tally_runner_run(r->ctx, &in, &t, &info, r->err, sizeof r->err);
    if (failed)
        r->status = info.status                           ? info.status
                    : !strncmp(r->err, "cancelled: ", 11) ? GUOTU_ERR_CANCELLED
                                                          : GUOTU_ERR_IO;
    if (!failed && cultivated_system)
        snprintf(r->deduction_field, sizeof r->deduction_field, "%s", info.deduction_field);
    for (size_t i = 0; i < n; i++)
        out[i] = failed ? NAN : 0;
    for (size_t k = 0; !failed && k < guotu_tally_result_count(t); k++) {
        const char *zone, *code, *category = NULL;
        double ha;
        guotu_tally_result(r->ctx, t, k, &zone, &code, &ha);
        if (map && (!guotu_category_map_lookup(map, code, &category) || strcmp(category, "cultivated"))) continue;
        /* 田坎 belongs to the cultivated category of the conversion policy, but cultivated land is
         * counted net of it (SPEC §8): the deducted share is left out. */
        if (map && !strcmp(code, in.deducted_class)) continue;
        for (size_t i = 0; i < n; i++)
            if (!strcmp(codes[i], zone)) out[i] += ha;
    }
    guotu_tally_destroy(r->ctx, t);
    guotu_category_map_destroy(r->ctx, map);
    return failed;
}

/* Finds field `name` (any case) of the admin units: its index, or -1. A field named on the
 * command line must exist (1 with a message); a default one may be missing. */
static int admin_field(check_run *r, vector_source *src, const char *name, int given, const char *option, int slot,
                       int *index) {
    char err[1024];
    r->field[slot][0] = '\0';
    *index = -1;
    if (given && !name[0]) return 0; /* none chosen (see switch_off) */
    *index = vector_source_field(src, name, err, sizeof err);
    if (*index >= 0) {
        snprintf(r->field[slot], sizeof r->field[slot], "%s",
                 OGR_Fld_GetNameRef(OGR_FD_GetFieldDefn(OGR_L_GetLayerDefn(src->layer), *index)));
        return 0;
    }
    if (!given) return 0;
    snprintf(r->err, sizeof r->err, "%s (named by %s)", err, option);
    return 1;
}

/* Whether target k was switched off with an empty field name. */
static int no_target_field(const check_run *r, int k) { return r->a.target_given[k] && !r->a.target[k][0]; }

/* An empty field name (the admin name or a target) switches the field off when the admin units
 * have a field of its known name; when they have none it means what leaving the option out
 * means (the known name, missing, with its note), as guotu:threelinescheck does. */
static void switch_off(vector_source *src, const char **name, int *given, const char *known) {
    char err[1024];
    if (*given && !(*name)[0] && vector_source_field(src, known, err, sizeof err) < 0) {
        *name = known;
        *given = 0;
    }
}

/* The notes of rules that cannot be checked at all for want of their target. */
static int rule_notes(check_run *r) {
    char zh[768], en[768];
    const char *f = r->a.target[T_REDLINE];
    r->skipped[13] = !r->field[2 + T_REDLINE][0];
    r->skipped[12] = !r->field[2 + T_FARMLAND][0];
    r->skipped[11] = !r->field[2 + T_URBAN_2020][0] && !r->a.urban_2020;
    r->skipped[14] = !r->a.landuse;
    if (rule_wanted(r, 13) && r->skipped[13] && no_target_field(r, T_REDLINE)) {
        if (add_note(r, "L13", "L13 生态保护红线低于保护任务：未检查，未选择保护任务字段",
                     "L13 red line below target: not checked, no target field was chosen",
                     "name the field with --redline-target"))
            return 1;
    } else if (rule_wanted(r, 13) && r->skipped[13]) {
        snprintf(en, sizeof en, "L13 red line below target: not checked, the admin units have no field '%s'", f);
        snprintf(zh, sizeof zh, "L13 生态保护红线低于保护任务：未检查，行政区没有字段 %s", f);
        if (add_note(r, "L13", zh, en, "name the field with --redline-target")) return 1;
    }
    f = r->a.target[T_FARMLAND];
    if (rule_wanted(r, 12) && r->skipped[12] && no_target_field(r, T_FARMLAND)) {
        if (add_note(r, "L12", "L12 永久基本农田低于保护任务：未检查，未选择保护任务字段",
                     "L12 farmland below target: not checked, no target field was chosen",
                     "name the field with --farmland-target"))
            return 1;
    } else if (rule_wanted(r, 12) && r->skipped[12]) {
        snprintf(en, sizeof en, "L12 farmland below target: not checked, the admin units have no field '%s'", f);
        snprintf(zh, sizeof zh, "L12 永久基本农田低于保护任务：未检查，行政区没有字段 %s", f);
        if (add_note(r, "L12", zh, en, "name the field with --farmland-target")) return 1;
    }
    f = r->a.target[T_URBAN_2020];
    if (rule_wanted(r, 11) && r->skipped[11] && no_target_field(r, T_URBAN_2020)) {
        if (add_note(r, "L11",
                     "L11 城镇开发边界扩展倍数超过上限：未检查，没有2020年城镇建设用地（未选择其字段，"
                     "也未给出2020年城镇建设用地图层）",
                     "L11 urban expansion over the cap: not checked, no 2020 urban construction land (no field of "
                     "it was chosen and no 2020 urban land layer was given)",
                     "name the field with --urban-2020-field, or give the layer with --urban-2020"))
            return 1;
    } else if (rule_wanted(r, 11) && r->skipped[11]) {
        snprintf(en, sizeof en,
                 "L11 urban expansion over the cap: not checked, no 2020 urban construction land (the admin units "
                 "have no field '%s' and no 2020 urban land layer was given)",
                 f);
        snprintf(zh, sizeof zh,
                 "L11 城镇开发边界扩展倍数超过上限：未检查，没有2020年城镇建设用地（行政区没有字段 %s，"
                 "也未给出2020年城镇建设用地图层）",
                 f);
        if (add_note(r, "L11", zh, en, "name the field with --urban-2020-field, or give the layer with --urban-2020"))
            return 1;
    } else if (rule_wanted(r, 11) && !r->field[2 + T_CAP][0] && no_target_field(r, T_CAP)) {
        snprintf(en, sizeof en, "L11: no expansion cap field was chosen; the cap %g applies to every unit",
                 r->a.o.expansion_cap);
        snprintf(zh, sizeof zh, "L11：未选择扩展倍数上限字段，各行政区的扩展倍数上限均为 %g", r->a.o.expansion_cap);
        if (add_note(r, "L11", zh, en,
                     "name the field with --expansion-cap-field, or set the cap with --expansion-cap"))
            return 1;
    } else if (rule_wanted(r, 11) && !r->field[2 + T_CAP][0]) {
        f = r->a.target[T_CAP];
        snprintf(en, sizeof en, "L11: the admin units have no field '%s'; the cap %g applies to every unit", f,
                 r->a.o.expansion_cap);
        snprintf(zh, sizeof zh, "L11：行政区没有字段 %s，各行政区的扩展倍数上限均为 %g", f, r->a.o.expansion_cap);
        if (add_note(r, "L11", zh, en,
                     "name the field with --expansion-cap-field, or set the cap with --expansion-cap"))
            return 1;
    }
    if (rule_wanted(r, 14) && r->skipped[14]) {
        if (add_note(r, "L14", "L14 永久基本农田占耕地比例不足：未检查，未给出用于计算耕地的土地利用图层",
                     "L14 farmland below the share of cultivated land: not checked, no land use was given for the "
                     "cultivated land",
                     "give the land use with --landuse and --class-field"))
            return 1;
    }
    if (!r->field[1][0] && r->a.admin_name_given && !r->a.admin_name[0]) {
        if (add_note(r, "", "未选择行政区名称字段：以行政区代码代替名称",
                     "no admin name field was chosen: the units are named by their codes", NULL))
            return 1;
    } else if (!r->field[1][0]) {
        snprintf(en, sizeof en, "the admin units have no field '%s': they are named by their codes", r->a.admin_name);
        snprintf(zh, sizeof zh, "行政区没有字段 %s：以行政区代码代替名称", r->a.admin_name);
        if (add_note(r, "", zh, en, NULL)) return 1;
    }
    return 0;
}

static int read_admins(check_run *r, vector_source *src) {
    int id = -1, name = -1, value[NTARGETS];
    if (admin_field(r, src, r->a.admin_id, r->a.admin_id_given, "--admin-id", 0, &id)) return 1;
    if (id < 0) { /* the known name, and the layer spells its code otherwise */
        vector_source_field(src, r->a.admin_id, r->err, sizeof r->err);
        size_t used = strlen(r->err);
        snprintf(r->err + used, sizeof r->err - used, "; name the admin code field with --admin-id");
        return 1;
    }
    switch_off(src, &r->a.admin_name, &r->a.admin_name_given, DEFAULT_ADMIN_NAME);
    for (int k = 0; k < NTARGETS; k++)
        switch_off(src, &r->a.target[k], &r->a.target_given[k], target_defaults[k]);
    if (vector_source_use_field(src, r->field[0], r->err, sizeof r->err) ||
        admin_field(r, src, r->a.admin_name, r->a.admin_name_given, "--admin-name", 1, &name))
        return 1;
    for (int k = 0; k < NTARGETS; k++)
        if (admin_field(r, src, r->a.target[k], r->a.target_given[k], target_options[k], 2 + k, &value[k])) return 1;
    if (rule_notes(r)) return 1;
    size_t n = (size_t)vector_source_count(src);
    char(*codes)[64] = calloc(n ? n : 1, sizeof *codes);
    guotu_admin_values *values = calloc(n ? n : 1, sizeof *values);
    char(*names)[128] = calloc(n ? n : 1, sizeof *names);
    unsigned char **wkbs = calloc(n ? n : 1, sizeof *wkbs);
    size_t *sizes = calloc(n ? n : 1, sizeof *sizes);
    int64_t *fids = calloc(n ? n : 1, sizeof *fids);
    int failed = !codes || !values || !names || !wkbs || !sizes || !fids;
    size_t count = 0;
    char code[1024];
    const unsigned char *wkb;
    int more = 0;
    while (!failed && count < n &&
           (more = vector_source_next(src, &fids[count], code, sizeof code, &wkb, &sizes[count], r->err,
                                      sizeof r->err)) == 1) {
        snprintf(codes[count], sizeof codes[count], "%.63s", code);
        snprintf(names[count], sizeof names[count], "%s", vector_source_text(src, name));
        double v[NTARGETS];
        for (int k = 0; k < NTARGETS; k++) {
            v[k] = field_number(src, value[k]);
            const char *text = value[k] >= 0 ? vector_source_text(src, value[k]) : "";
            if (isnan(v[k]) && text[0] && strspn(text, " ") < strlen(text)) {
                char zh[768], en[768];
                snprintf(en, sizeof en,
                         "feature %lld of layer '%.100s': '%.200s' in field '%.100s' is not a number; the rules that "
                         "need it are skipped for admin unit '%.63s'",
                         (long long)fids[count], r->layer_name[SRC_ADMIN], text, r->field[2 + k], code);
                snprintf(zh, sizeof zh,
                         "图层 %.100s 要素 %lld：字段 %.100s 的值“%.200s”不是数字，行政区 %.63s 跳过需要它的规则",
                         r->layer_name[SRC_ADMIN], (long long)fids[count], r->field[2 + k], text, code);
                if (add_note(r, "", zh, en, NULL)) failed = 1;
            }
        }
        values[count] = (guotu_admin_values){v[T_REDLINE], v[T_FARMLAND], v[T_URBAN_2020], v[T_CAP], NAN};
        wkbs[count] = malloc(sizes[count] ? sizes[count] : 1);
        if (!wkbs[count] || !wkb) {
            snprintf(r->err, sizeof r->err, "admin unit feature %lld of layer '%s' has no geometry",
                     (long long)fids[count], r->layer_name[SRC_ADMIN]);
            failed = 1;
            break;
        }
        memcpy(wkbs[count], wkb, sizes[count]);
        count++;
        if (read_progress(r, (int64_t)count, "admin units", r->layer_name[SRC_ADMIN])) {
            failed = 1;
            break;
        }
    }
    if (more < 0) failed = 1;
    double *extra = !failed && count ? calloc(count, sizeof *extra) : NULL;
    if (!failed && count && r->a.urban_2020) {
        failed = !extra || admin_areas(r, r->a.urban_2020, NULL, NULL, codes, extra, count);
        for (size_t i = 0; !failed && i < count; i++)
            values[i].urban_2020_ha = extra[i];
    }
    if (!failed && count && r->a.landuse) {
        failed = !extra || admin_areas(r, r->a.landuse, r->a.class_field, r->a.system, codes, extra, count);
        for (size_t i = 0; !failed && i < count; i++)
            values[i].cultivated_ha = extra[i];
    }
    for (size_t i = 0; !failed && i < count; i++) {
        if (guotu_lines_add_admin(r->ctx, r->lines, codes[i], names[i], &values[i], fids[i], wkbs[i], sizes[i])) {
            snprintf(r->err, sizeof r->err, "layer '%s': %s%s", r->layer_name[SRC_ADMIN],
                     guotu_context_last_error(r->ctx),
                     strstr(guotu_context_last_error(r->ctx), "UTF-8")
                         ? " (a GBK shapefile without its .cpg? give --encoding CP936)"
                         : "");
            failed = 1;
        }
    }
    for (size_t i = 0; i < count; i++)
        free(wkbs[i]);
    free(extra);
    free(codes);
    free(values);
    free(names);
    free(wkbs);
    free(sizes);
    free(fids);
    return failed;
}

static int read_lines(check_run *r) {
    int64_t total = 0;
    for (int line = 0; line < 3; line++) {
        vector_source src;
        if (open_source(r, &src, line)) {
            vector_source_close(&src);
            return 1;
        }
        char value[8];
        int64_t fid;
        const unsigned char *wkb;
        size_t size;
        int more;
        while ((more = vector_source_next(&src, &fid, value, sizeof value, &wkb, &size, r->err, sizeof r->err)) == 1) {
            if (read_progress(r, src.read, source_roles[line], src.layer_name)) {
                vector_source_close(&src);
                return 1;
            }
            if (!wkb) continue; /* a feature without geometry has nothing to check */
            total++;
            int status = guotu_lines_add(r->ctx, r->lines, (guotu_line)line, fid, wkb, size);
            if (status) {
                snprintf(r->err, sizeof r->err, "%s", guotu_context_last_error(r->ctx));
                r->status = status;
                vector_source_close(&src);
                return 1;
            }
        }
        vector_source_close(&src);
        if (more < 0) return 1;
    }
    if (total == 0) {
        snprintf(r->err, sizeof r->err, "the layers %s, %s and %s have no features: nothing to check",
                 r->layer_name[SRC_REDLINE], r->layer_name[SRC_FARMLAND], r->layer_name[SRC_URBAN]);
        return 1;
    }
    return 0;
}

static int read_exceptions(check_run *r) {
    if (!r->a.workspace)
        return add_note(r, "", "没有例外表：所有问题均为未处理（open）", "no exceptions table: every issue is open",
                        "no workspace given: its exceptions table holds the accepted exceptions");
    GDALDatasetH ds = GDALOpenEx(r->a.workspace, GDAL_OF_VECTOR | GDAL_OF_READONLY, NULL, NULL, NULL);
    OGRLayerH layer = ds ? GDALDatasetGetLayerByName(ds, "exceptions") : NULL;
    if (!layer) {
        if (ds) GDALClose(ds);
        return 0; /* a workspace without exceptions table simply has none */
    }
    OGRFeatureH f;
    int fp = OGR_FD_GetFieldIndex(OGR_L_GetLayerDefn(layer), "fingerprint");
    int reason = OGR_FD_GetFieldIndex(OGR_L_GetLayerDefn(layer), "reason");
    int got = 0;
    while (fp >= 0 &&
           (got = ogr_next_feature(layer, r->a.workspace, (int64_t)r->nexceptions, &f, r->err, sizeof r->err)) == 1) {
        /* An exception that cannot be kept would show its issue as open again: an error, not a skip. */
        exception_row *grown = realloc(r->exceptions, (r->nexceptions + 1) * sizeof *grown);
        if (!grown) {
            OGR_F_Destroy(f);
            snprintf(r->err, sizeof r->err, "out of memory");
            got = -1;
            break;
        }
        r->exceptions = grown;
        exception_row *e = &grown[r->nexceptions++];
        snprintf(e->fingerprint, sizeof e->fingerprint, "%s", OGR_F_GetFieldAsString(f, fp));
        snprintf(e->reason, sizeof e->reason, "%s", reason >= 0 ? OGR_F_GetFieldAsString(f, reason) : "");
        OGR_F_Destroy(f);
    }
    GDALClose(ds);
    return got < 0;
}

/* ---- writing ---- */

/* The values of an issue row, in the order of on_issue; the columns of issues and issue_points
 * are resources/schemas/line_issues.csv. */
static const char *const issue_names[15] = {"rule_id",       "severity",    "status",          "layer_a",
                                            "fid_a",         "layer_b",     "fid_b",           "admin_code",
                                            "value",         "message_zh",  "message_en",      "suggestion_zh",
                                            "suggestion_en", "fingerprint", "exception_reason"};

static int on_issue(const guotu_line_issue *i, void *user) {
    check_run *r = user;
    /* Accepted while the features involved are unchanged: their fingerprint still matches. */
    const char *reason = "";
    int accepted = 0;
    for (size_t k = 0; k < r->nexceptions && !accepted; k++)
        if (!strcmp(r->exceptions[k].fingerprint, i->fingerprint)) {
            accepted = 1;
            reason = r->exceptions[k].reason;
        }
    r->accepted += accepted;
    int rule = atoi(i->rule_id + 1);
    int sev = !strcmp(i->severity, "error") ? 0 : !strcmp(i->severity, "warning") ? 1 : 2;
    if (rule >= 1 && rule <= 14) r->counts[rule][sev]++;
    const char *texts[15] = {i->rule_id,
                             i->severity,
                             accepted ? "accepted" : "open",
                             guotu_line_name(i->line_a),
                             0,
                             guotu_line_name(i->line_b),
                             0,
                             i->admin_code,
                             0,
                             i->message_zh,
                             i->message_en,
                             i->suggestion_zh,
                             i->suggestion_en,
                             i->fingerprint,
                             reason};
    double reals[15] = {0, 0, 0, 0, (double)i->fid_a, 0, i->line_b >= 0 ? (double)i->fid_b : NAN, 0, i->value, 0, 0,
                        0, 0, 0, 0};
    if (i->line_a < 0) reals[4] = NAN;
    table_row row;
    table_row_clear(&row);
    for (int k = 0; k < 15; k++) {
        table_row_text(&row, r->issue_slots[k], texts[k]);
        table_row_real(&row, r->issue_slots[k], reals[k]);
    }
    /* Points (an invalid geometry's location) and areas go to two layers, as QGIS wants one
     * geometry type per layer. */
    OGRGeometryH g = NULL;
    int point = 0;
    if (OGR_G_CreateFromWkb(i->wkb, NULL, &g, (int)i->wkb_size) == OGRERR_NONE) {
        point = wkbFlatten(OGR_G_GetGeometryType(g)) == wkbPoint;
        OGR_G_DestroyGeometry(g);
    }
    return gpkg_writer_row(r->out, point ? r->points_layer : r->issues_layer, row.texts, row.reals, i->wkb, i->wkb_size,
                           r->err, sizeof r->err);
}

static const char *verdict(int ok) { return ok == 1 ? "pass" : ok == 0 ? "fail" : ""; }

/* The inputs and fields of the run on the statistics table, for audit. */
static void write_meta(check_run *r, int layer) {
    static const char *const keys[NSOURCES] = {"redline", "farmland", "urban_boundary", "admin_units"};
    static const char *const field_keys[2 + NTARGETS] = {"admin_id_field",       "admin_name_field",
                                                         "redline_target_field", "farmland_target_field",
                                                         "urban_2020_field",     "expansion_cap_field"};
    char sources[NSOURCES][1400], skipped[64] = "";
    table_meta meta[32];
    int n = 0;
    meta[n++] = (table_meta){"workspace", r->a.workspace ? r->a.workspace : "(none)"};
    for (int k = 0; k < NSOURCES; k++) {
        const char *path, *layer_name;
        source_of(r, k, &path, &layer_name);
        snprintf(sources[k], sizeof sources[k], "%.1000s|layername=%s", path, r->layer_name[k]);
        if (k == SRC_ADMIN && r->a.admin_code_field) /* made from the land use's codes, not a file */
            snprintf(sources[k], sizeof sources[k],
                     "units of the first %d characters of %.100s of the land use %.900s, each the union of its parcels",
                     r->a.admin_code_length, r->a.admin_code_field, r->a.landuse);
        meta[n++] = (table_meta){keys[k], sources[k]};
    }
    for (int k = 0; k < 2 + NTARGETS; k++)
        meta[n++] = (table_meta){field_keys[k], r->field[k][0] ? r->field[k] : "(none)"};
    for (int rule = 11; rule <= 14; rule++)
        if (rule_wanted(r, rule) && r->skipped[rule]) {
            size_t used = strlen(skipped);
            snprintf(skipped + used, sizeof skipped - used, "%sL%02d", used ? "," : "", rule);
        }
    meta[n++] = (table_meta){"rules_not_checked", skipped[0] ? skipped : "(none)"};
    meta[n++] = (table_meta){"landuse", r->a.landuse ? r->a.landuse : "(none)"};
    meta[n++] = (table_meta){"tiankan_deduction", r->deduction_field[0] ? r->deduction_field : "(none)"};
    meta[n++] = (table_meta){"urban_2020", r->a.urban_2020 ? r->a.urban_2020 : "(none)"};
    meta[n++] = (table_meta){"area", r->a.area};
    meta[n++] = (table_meta){"crs_mismatch", r->a.crs_mismatch};
    meta[n++] = (table_meta){"encoding", r->a.encoding ? r->a.encoding : "(the files' own)"};
    gpkg_writer_meta(r->out, layer, meta, n);
}

/* The values line_stats and notes fill, in the order of the code below. */
static const char *const stats_names[19] = {"admin_code",         "admin_name",     "redline_ha",    "redline_mu",
                                            "redline_target_ha",  "redline_ok",     "farmland_ha",   "farmland_mu",
                                            "farmland_target_ha", "farmland_ok",    "urban_ha",      "urban_mu",
                                            "urban_2020_ha",      "expansion",      "expansion_cap", "expansion_ok",
                                            "cultivated_ha",      "farmland_share", "share_ok"};
static const char *const notes_names[3] = {"rule_id", "note_zh", "note_en"};

static int load_schemas(check_run *r) {
    return table_schema_load(NULL, "line_issues", NULL, &r->issues_schema, r->err, sizeof r->err) ||
           table_schema_slots(r->issues_schema, issue_names, 15, r->issue_slots, r->err, sizeof r->err) ||
           table_schema_load(NULL, "line_stats", NULL, &r->stats_schema, r->err, sizeof r->err) ||
           table_schema_slots(r->stats_schema, stats_names, 19, r->stats_slots, r->err, sizeof r->err) ||
           table_schema_load(NULL, "line_notes", NULL, &r->notes_schema, r->err, sizeof r->err) ||
           table_schema_slots(r->notes_schema, notes_names, 3, r->notes_slots, r->err, sizeof r->err);
}

static int write_stats(check_run *r) {
    const table_column *columns = table_schema_columns(r->stats_schema);
    int ncolumns = table_schema_count(r->stats_schema);
    int layer = gpkg_writer_add_layer(r->out, "line_stats", wkbNone, NULL, columns, ncolumns, r->err, sizeof r->err);
    if (layer < 0) return 1;
    write_meta(r, layer);
    FILE *csv = NULL;
    if (r->a.stats_csv) {
        if (io_temp_path(r->a.stats_csv, r->stats_temp, sizeof r->stats_temp)) {
            snprintf(r->err, sizeof r->err, "the output path '%.1000s' is too long", r->a.stats_csv);
            return 1;
        }
        csv = fopen(r->stats_temp, "wb");
        if (!csv) {
            snprintf(r->err, sizeof r->err, "cannot write '%.1000s': %s", r->a.stats_csv, strerror(errno));
            return 1;
        }
    }
    if (csv) {
        fputs("\xEF\xBB\xBF", csv); /* a BOM so that Excel reads the Chinese names as UTF-8 */
        int names = r->a.csv_field_names;
        for (int c = 0; c < ncolumns; c++)
            fprintf(csv, "%s%s", c ? "," : "", names || !columns[c].alias ? columns[c].name : columns[c].alias);
        fputc('\n', csv);
    }
    for (size_t i = 0; i < guotu_lines_stats_count(r->lines); i++) {
        guotu_line_stats s;
        guotu_lines_stats_row(r->ctx, r->lines, i, &s);
        const char *texts[19] = {s.admin_code,
                                 s.admin_name,
                                 0,
                                 0,
                                 0,
                                 verdict(s.redline_ok),
                                 0,
                                 0,
                                 0,
                                 verdict(s.farmland_ok),
                                 0,
                                 0,
                                 0,
                                 0,
                                 0,
                                 verdict(s.expansion_ok),
                                 0,
                                 0,
                                 verdict(s.share_ok)};
        double reals[19] = {0,
                            0,
                            s.redline_ha,
                            s.redline_ha * 15,
                            s.values.redline_target_ha,
                            0,
                            s.farmland_ha,
                            s.farmland_ha * 15,
                            s.values.farmland_target_ha,
                            0,
                            s.urban_ha,
                            s.urban_ha * 15,
                            s.values.urban_2020_ha,
                            s.expansion,
                            s.values.expansion_cap,
                            0,
                            s.values.cultivated_ha,
                            s.farmland_share,
                            0};
        table_row row;
        table_row_clear(&row);
        for (int k = 0; k < 19; k++) {
            table_row_text(&row, r->stats_slots[k], texts[k]);
            table_row_real(&row, r->stats_slots[k], reals[k]);
        }
        if (gpkg_writer_row(r->out, layer, row.texts, row.reals, NULL, 0, r->err, sizeof r->err)) {
            if (csv) fclose(csv);
            return 1;
        }
        for (int c = 0; csv && c < ncolumns; c++) {
            if (c) fputc(',', csv);
            if (columns[c].type == COLUMN_TEXT)
                io_csv_quoted(csv, row.texts[c] ? row.texts[c] : "");
            else if (!isnan(row.reals[c]))
                fprintf(csv, "%.4f", row.reals[c]);
        }
        if (csv) fputc('\n', csv);
    }
    if (csv && fclose(csv) != 0) {
        snprintf(r->err, sizeof r->err, "cannot write '%.1000s': %s", r->a.stats_csv, strerror(errno));
        return 1;
    }
    return 0;
}

/* Rules L11-L14 that ran but could not be decided in some admin units (a target or base
 * without a value there): named with the units, never a silent pass. */
static int unit_notes(check_run *r) {
    static const char *const why_en[4] = {"no 2020 urban land", "no farmland target", "no red-line target",
                                          "no cultivated land"};
    static const char *const why_zh[4] = {"没有2020年城镇建设用地", "没有永久基本农田保护任务",
                                          "没有生态保护红线保护任务", "没有耕地"};
    size_t n = guotu_lines_stats_count(r->lines);
    for (int rule = 11; rule <= 14; rule++) {
        if (!rule_wanted(r, rule) || r->skipped[rule]) continue;
        char codes[512] = "";
        size_t missing = 0;
        for (size_t i = 0; i < n; i++) {
            guotu_line_stats s;
            guotu_lines_stats_row(r->ctx, r->lines, i, &s);
            int ok = rule == 11 ? s.expansion_ok : rule == 12 ? s.farmland_ok : rule == 13 ? s.redline_ok : s.share_ok;
            if (ok != -1) continue;
            size_t used = strlen(codes);
            if (missing < 10) snprintf(codes + used, sizeof codes - used, "%s%.40s", missing ? ", " : "", s.admin_code);
            missing++;
        }
        if (!missing) continue;
        if (missing > 10) strcat(codes, ", …");
        char rule_id[8], zh[768], en[768];
        snprintf(rule_id, sizeof rule_id, "L%02d", rule);
        snprintf(en, sizeof en, "%s not checked in %zu of %zu admin units (%s): %s", rule_id, missing, n,
                 why_en[rule - 11], codes);
        snprintf(zh, sizeof zh, "%s：%zu 个行政区中 %zu 个未检查（%s）：%s", rule_id, n, missing, why_zh[rule - 11],
                 codes);
        if (add_note(r, rule_id, zh, en, NULL)) return 1;
    }
    return 0;
}

static int write_notes(check_run *r) {
    int layer = gpkg_writer_add_layer(r->out, "notes", wkbNone, NULL, table_schema_columns(r->notes_schema),
                                      table_schema_count(r->notes_schema), r->err, sizeof r->err);
    if (layer < 0) return 1;
    for (size_t i = 0; i < r->nnotes; i++) {
        const char *texts[3] = {r->notes[i].rule, r->notes[i].zh, r->notes[i].en};
        table_row row;
        table_row_clear(&row);
        for (int k = 0; k < 3; k++)
            table_row_text(&row, r->notes_slots[k], texts[k]);
        if (gpkg_writer_row(r->out, layer, row.texts, row.reals, NULL, 0, r->err, sizeof r->err)) return 1;
    }
    return 0;
}

/* Admin units from the land use's codes: the union of each unit's parcels, written to a
 * GeoPackage in GDAL's memory that stands for the admin layer, its fields named as the admin
 * id and name fields say. */
static int make_units(check_run *r) {
    check_args *a = &r->a;
    code_units_request req = {.landuse = a->landuse,
                              .landuse_layer = a->landuse_layer,
                              .encoding = a->encoding,
                              .code_field = a->admin_code_field,
                              .code_length = a->admin_code_length,
                              .output = a->units_path,
                              .id_field = a->admin_id,
                              .name_field = a->admin_name,
                              .name = r->job->unit_name,
                              .name_user = r->job->unit_name_user};
    return code_units_write(&req, &r->units, NULL, r->err, sizeof r->err);
}

/* The job as the run reads it (check_args). */
static void take_job(check_args *a, const guotu_lines_job *job, const void *run) {
    a->workspace = job->workspace;
    for (int k = 0; k < NSOURCES; k++) {
        a->path[k] = job->source[k];
        a->layer[k] = job->source_layer[k];
    }
    a->admin_id_given = job->admin_id_field != NULL;
    a->admin_id = job->admin_id_field ? job->admin_id_field : DEFAULT_ADMIN_ID;
    a->admin_name_given = job->admin_name_field != NULL;
    a->admin_name = job->admin_name_field ? job->admin_name_field : DEFAULT_ADMIN_NAME;
    for (int k = 0; k < NTARGETS; k++) {
        a->target_given[k] = job->target_field[k] != NULL;
        a->target[k] = job->target_field[k] ? job->target_field[k] : target_defaults[k];
    }
    a->landuse = job->landuse;
    a->landuse_layer = job->landuse_layer;
    a->class_field = job->class_field;
    a->system = job->system ? job->system : "SANDIAO_WORK";
    a->deduction = job->deduction ? job->deduction : "auto";
    a->urban_2020 = job->urban_2020;
    a->crs_mismatch = job->crs_mismatch_fail ? "fail" : "reproject";
    a->encoding = job->encoding;
    a->o = job->options;
    a->area = a->o.area_method == GUOTU_AREA_PLANAR ? "planar" : "ellipsoidal";
    a->output = job->output;
    a->stats_csv = job->stats_csv;
    a->csv_field_names = job->csv_field_names;
    a->admin_code_field = job->admin_code_field;
    a->admin_code_length = job->admin_code_length;
    if (a->admin_code_field) {
        /* written by make_units before the run; one name per run, also with several at once */
        snprintf(a->units_path, sizeof a->units_path, "/vsimem/guotu_lines_units_%ld_%p.gpkg", (long)getpid(), run);
        a->path[SRC_ADMIN] = a->units_path;
        a->layer[SRC_ADMIN] = "units";
    }
}

/* The summary of the finished check for the report. */
static void summarise(const check_run *r, guotu_lines_job_summary *s) {
    memset(s, 0, sizeof *s);
    for (int k = 0; k < NSOURCES; k++)
        snprintf(s->layer_names[k], sizeof s->layer_names[k], "%s", r->layer_name[k]);
    memcpy(s->issues, r->counts, sizeof s->issues);
    s->accepted = r->accepted;
    s->notes = (int)r->nnotes;
    for (int rule = 11; rule <= 14; rule++)
        if (rule_wanted(r, rule) && r->skipped[rule]) s->skipped |= 1u << rule;
    s->units = r->units;
}

static int check(check_run *r) {
    if (r->a.admin_code_field && make_units(r)) return 1;
    const char *inputs[] = {r->a.workspace, r->a.landuse, r->a.urban_2020, r->a.path[0],
                            r->a.path[1],   r->a.path[2], r->a.path[3]};
    const char *outputs[] = {r->a.output, r->a.stats_csv};
    if (io_refuse_overwrite(inputs, 7, outputs, 2, r->err, sizeof r->err)) {
        r->status = GUOTU_ERR_ARGUMENT;
        return 1;
    }
    /* The admin units set the CRS: every line layer is read in it. */
    vector_source admin;
    int failed = load_schemas(r) || open_source(r, &admin, SRC_ADMIN);
    if (!failed) {
        r->a.o.crs = r->crs;
        int status = guotu_lines_create(r->ctx, &r->a.o, &r->lines);
        if (status) {
            snprintf(r->err, sizeof r->err, "%s", guotu_context_last_error(r->ctx));
            r->status = status;
            failed = 1;
        }
    }
    if (!failed) failed = read_lines(r) || read_admins(r, &admin) || read_exceptions(r);
    vector_source_close(&admin);
    if (!failed) failed = gpkg_writer_open(&r->out, r->a.output, r->err, sizeof r->err);
    if (!failed) {
        OGRSpatialReferenceH srs = OSRNewSpatialReference(NULL);
        if (r->crs) OSRSetFromUserInput(srs, r->crs);
        const table_column *columns = table_schema_columns(r->issues_schema);
        int ncolumns = table_schema_count(r->issues_schema);
        r->issues_layer = gpkg_writer_add_layer(r->out, "issues", wkbMultiPolygon, r->crs ? srs : NULL, columns,
                                                ncolumns, r->err, sizeof r->err);
        r->points_layer = r->issues_layer < 0
                              ? -1
                              : gpkg_writer_add_layer(r->out, "issue_points", wkbPoint, r->crs ? srs : NULL, columns,
                                                      ncolumns, r->err, sizeof r->err);
        OSRDestroySpatialReference(srs);
        failed = r->points_layer < 0;
    }
    /* Issues go to two layers made before the run; GeoPackage rows of both go in one
     * transaction, which the writer keeps open across layers it already made. */
    if (!failed) {
        int status = guotu_lines_run(r->ctx, r->lines, on_issue, r);
        if (status) {
            if (!r->err[0]) { /* else writing an issue failed: r->err says why */
                snprintf(r->err, sizeof r->err, "%s", guotu_context_last_error(r->ctx));
                r->status = status;
            }
            failed = 1;
        }
    }
    if (!failed) failed = unit_notes(r) || write_stats(r) || write_notes(r);
    if (!failed) {
        failed = gpkg_writer_commit(r->out, r->err, sizeof r->err);
        r->out = NULL;
    }
    /* The statistics are published only with the issues they belong to. */
    if (!failed && r->stats_temp[0]) {
        if (rename(r->stats_temp, r->a.stats_csv) != 0) {
            snprintf(r->err, sizeof r->err, "cannot write '%.1000s': %s", r->a.stats_csv, strerror(errno));
            failed = 1;
        } else
            io_temp_release(r->stats_temp);
    }
    if (r->stats_temp[0] && failed) io_temp_discard(r->stats_temp);
    return failed;
}

static void run_free(check_run *r) {
    gpkg_writer_abort(r->out);
    table_schema_free(r->issues_schema);
    table_schema_free(r->stats_schema);
    table_schema_free(r->notes_schema);
    guotu_lines_destroy(r->ctx, r->lines);
    CPLFree(r->crs);
    if (r->target) OSRDestroySpatialReference(r->target);
    if (r->admin_srs) OSRDestroySpatialReference(r->admin_srs);
    free(r->exceptions);
    free(r->notes);
    if (r->a.admin_code_field) code_units_discard(r->a.units_path);
}

void guotu_lines_job_init(guotu_lines_job *job) {
    if (!job) return;
    memset(job, 0, sizeof *job);
    guotu_lines_options_init(&job->options);
}

/* What the job lacks or holds twice, or NULL when it can run. */
static const char *job_problem(const guotu_lines_job *job) {
    int missing = 0;
    for (int k = 0; k < NSOURCES; k++) {
        if (job->source_layer[k] && !job->source[k]) return "a layer name needs its file";
        if (!job->source[k] && !(k == SRC_ADMIN && job->admin_code_field)) missing = 1;
    }
    if (!job->workspace && missing)
        return "give the workspace, or all four layers (the workspace holds the layers not given)";
    if (job->admin_code_field && (job->source[SRC_ADMIN] || job->source_layer[SRC_ADMIN]))
        return "the admin units are made from the land use's codes or read from a layer, not both";
    if (job->admin_code_field && !job->landuse) return "admin units from the land use's codes need the land use";
    if (!job->admin_code_field && (job->admin_code_length || job->unit_name))
        return "the admin code length and the unit names go with the admin code field";
    if (job->admin_code_length < 0 || job->admin_code_length > 64)
        return "the admin code length must be 0 to 64 characters";
    if (job->admin_id_field && !job->admin_id_field[0]) return "the admin id field needs a name";
    if (job->deduction && !job->deduction[0]) return "the deduction must be auto, none or a field name";
    if (!job->landuse != !job->class_field)
        return "the land use and its class field go together (L14 compares farmland with the cultivated land of "
               "the land use)";
    if (job->landuse && job->system && !classification_system_known(job->system))
        return "the classification system must be a known one";
    if (job->options.rules & ~(uint32_t)0x7FFE) return "the rules are L01 to L14 (bits 1 to 14)";
    const guotu_lines_options *o = &job->options;
    const double numbers[] = {o->minor_overlap_m2, o->sliver_width_m, o->min_patch_m2,  o->gap_min_m,
                              o->gap_max_m,        o->expansion_cap,  o->farmland_share};
    return job_output_problem(o->area_method, numbers, 7, "the thresholds must be numbers >= 0", job->output, NULL);
}

int guotu_lines_job_run(guotu_context *ctx, const guotu_lines_job *job) {
    int refused = job_entry(ctx, "guotu_lines_job_run", job, job ? job_problem(job) : NULL);
    if (refused) return refused;
    check_run *r = calloc(1, sizeof *r);
    if (!r) return guotu_context_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
    GDALAllRegister();
    r->ctx = ctx;
    r->job = job;
    r->status = GUOTU_ERR_IO;
    take_job(&r->a, job, r);
    int status = GUOTU_OK;
    if (check(r))
        status = guotu_context_fail(ctx, r->status ? r->status : GUOTU_ERR_IO, r->err);
    else if (job->report) {
        guotu_lines_job_summary summary;
        summarise(r, &summary);
        job->report(ctx, r->lines, &summary, job->report_user);
    }
    run_free(r);
    free(r);
    return status;
}
