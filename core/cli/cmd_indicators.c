/* cmd_indicators.c — `guotu indicators`: binding plan indicators (约束性指标) per admin unit,
 * measured from land use and compared with the targets of the higher-level plan (SPEC §12). */
#include <cpl_conv.h>
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "cli.h"
#include "commands.h"
#include "gpkg_styles.h"
#include "gpkg_writer.h"
#include "guotu/guotu_io.h"
#include "io_temp.h"
#include "resources.h"
#include "tally_runner.h"
#include "table_schema.h"
#include "vector_source.h"

enum { NIND = GUOTU_INDICATOR_COUNT };

typedef struct ind_args {
    const char *admin, *admin_layer, *admin_code, *admin_name;
    const char *landuse, *landuse_layer, *class_field, *deduction;
    const char *before, *before_layer, *before_class_field;
    const char *farmland, *farmland_layer, *workspace;
    const char *target[NIND]; /* field (admin layer) or column (targets CSV) of each target, NULL none */
    const char *targets, *targets_code;
    const char *target_unit; /* "ha" or "mu" (the area targets; forest cover is always %) */
    const char *classes, *encoding, *crs_mismatch, *csv_headers;
    const char *output, *csv, *xlsx;
    double tolerance;
    int admin_name_given;
} ind_args;

static const char *const ind_usage =
    "usage: guotu indicators (--admin FILE [--admin-layer L] | --workspace W.gpkg)\n"
    "         [--admin-code FIELD] [--admin-name FIELD]\n"
    "         --landuse FILE [--landuse-layer L] [--class-field FIELD] [--deduction auto|none|FIELD]\n"
    "         [--before FILE [--before-layer L] [--before-class-field FIELD]]\n"
    "         [--farmland FILE [--farmland-layer L]] [--workspace W.gpkg]\n"
    "         [--target KEY=FIELD ...] [--targets FILE.csv [--targets-code COLUMN]]\n"
    "         [--target-unit ha|mu] [--tolerance SHARE] [--classes FILE.csv]\n"
    "         [--encoding NAME] [--crs-mismatch reproject|fail]\n"
    "         -o OUT.gpkg [--csv FILE.csv] [--xlsx FILE.xlsx] [--csv-headers chinese|names]\n"
    "\n"
    "Binding plan indicators (约束性指标, SPEC §12) of every admin unit: the measured value\n"
    "against the target handed down, with the rule. KEY is one of\n"
    "  cultivated_land                 耕地保有量          >= target (ha)\n"
    "  permanent_farmland              永久基本农田保护任务  >= target (ha)\n"
    "  construction_land               建设用地总规模        <= target (ha)\n"
    "  urban_rural_construction        城乡建设用地规模      <= target (ha)\n"
    "  new_construction_on_cultivated  新增建设占用耕地规模  <= target (ha)\n"
    "  forest_cover                    森林覆盖率          >= target (%)\n"
    "  forest_land                     林地保有量          >= target (ha)\n"
    "  forest_land_taken               占用征收林地          <= target (ha)\n"
    "Targets are fields of the admin layer (--target KEY=FIELD, repeated; any subset), or\n"
    "columns of --targets FILE.csv keyed by the admin code in --targets-code (default XZQDM).\n"
    "A unit without a target (NULL, or no row in the CSV) skips that indicator with a note:\n"
    "never a pass. --target-unit mu reads the area targets in mu (15 mu = 1 ha).\n"
    "--tolerance SHARE (default 0): a floor passes at target x (1 - SHARE), a ceiling at\n"
    "target x (1 + SHARE).\n"
    "\n"
    "Measured, with ellipsoidal areas inside each unit: cultivated land, forest land,\n"
    "construction land and urban-rural construction land from --landuse by the class groups\n"
    "of --classes (default the preset indicators/SANDIAO_WORK for 三调 DLBM codes);\n"
    "cultivated land net of 田坎 (--deduction auto uses KCXS when the layer has it); forest\n"
    "cover = forest land / the unit's ellipsoidal area. Permanent farmland from --farmland\n"
    "(or the workspace's permanent_farmland). The change-based indicators from the earlier\n"
    "survey year --before to --landuse, overlaid per unit: cultivated -> construction land,\n"
    "and forest -> construction land (gross of 田坎: the overlay keeps whole parcels).\n"
    "Without --before or a farmland layer, their indicators are 'not measured'.\n"
    "--workspace without --admin also takes the admin units from the workspace (fields xzqdm,\n"
    "xzqmc; the farmland target pbf_target_ha unless --target permanent_farmland= names one).\n"
    "\n"
    "Writes OUT.gpkg: indicator_units (the units with the number of failed, passed and\n"
    "skipped indicators, styled for a map), indicators (one row per unit and indicator:\n"
    "target, measured, difference, ratio, result, rule, note) and notes. --csv and --xlsx\n"
    "write the indicators table for the meeting, headed by the Chinese column names\n"
    "(default) or, with --csv-headers names, by the field names.\n";

enum {
    O_ADMIN = 256,
    O_ADMIN_LAYER,
    O_ADMIN_CODE,
    O_ADMIN_NAME,
    O_LANDUSE,
    O_LANDUSE_LAYER,
    O_CLASS,
    O_DEDUCTION,
    O_BEFORE,
    O_BEFORE_LAYER,
    O_BEFORE_CLASS,
    O_FARMLAND,
    O_FARMLAND_LAYER,
    O_WORKSPACE,
    O_TARGET,
    O_TARGETS,
    O_TARGETS_CODE,
    O_TARGET_UNIT,
    O_TOLERANCE,
    O_CLASSES,
    O_ENCODING,
    O_CRS_MISMATCH,
    O_CSV,
    O_XLSX,
    O_CSV_HEADERS
};

static int parse(int argc, char **argv, ind_args *a) {
    static const struct option options[] = {{"admin", 1, 0, O_ADMIN},
                                            {"admin-layer", 1, 0, O_ADMIN_LAYER},
                                            {"admin-code", 1, 0, O_ADMIN_CODE},
                                            {"admin-name", 1, 0, O_ADMIN_NAME},
                                            {"landuse", 1, 0, O_LANDUSE},
                                            {"landuse-layer", 1, 0, O_LANDUSE_LAYER},
                                            {"class-field", 1, 0, O_CLASS},
                                            {"deduction", 1, 0, O_DEDUCTION},
                                            {"before", 1, 0, O_BEFORE},
                                            {"before-layer", 1, 0, O_BEFORE_LAYER},
                                            {"before-class-field", 1, 0, O_BEFORE_CLASS},
                                            {"farmland", 1, 0, O_FARMLAND},
                                            {"farmland-layer", 1, 0, O_FARMLAND_LAYER},
                                            {"workspace", 1, 0, O_WORKSPACE},
                                            {"target", 1, 0, O_TARGET},
                                            {"targets", 1, 0, O_TARGETS},
                                            {"targets-code", 1, 0, O_TARGETS_CODE},
                                            {"target-unit", 1, 0, O_TARGET_UNIT},
                                            {"tolerance", 1, 0, O_TOLERANCE},
                                            {"classes", 1, 0, O_CLASSES},
                                            {"encoding", 1, 0, O_ENCODING},
                                            {"crs-mismatch", 1, 0, O_CRS_MISMATCH},
                                            {"csv", 1, 0, O_CSV},
                                            {"xlsx", 1, 0, O_XLSX},
                                            {"csv-headers", 1, 0, O_CSV_HEADERS},
                                            {"output", 1, 0, 'o'},
                                            {"help", 0, 0, 'h'},
                                            {0, 0, 0, 0}};
    memset(a, 0, sizeof *a);
    a->admin_code = "XZQDM";
    a->admin_name = "XZQMC";
    a->class_field = "DLBM";
    a->before_class_field = NULL;
    a->deduction = "auto";
    a->targets_code = "XZQDM";
    a->target_unit = "ha";
    a->classes = "SANDIAO_WORK";
    a->crs_mismatch = "reproject";
    a->csv_headers = "chinese";
    optind = 1;
    opterr = 0;
    int c;
    while ((c = getopt_long(argc, argv, "o:h", options, NULL)) != -1) {
        switch (c) {
        case O_ADMIN: a->admin = optarg; break;
        case O_ADMIN_LAYER: a->admin_layer = optarg; break;
        case O_ADMIN_CODE: a->admin_code = optarg; break;
        case O_ADMIN_NAME:
            a->admin_name = optarg;
            a->admin_name_given = 1;
            break;
        case O_LANDUSE: a->landuse = optarg; break;
        case O_LANDUSE_LAYER: a->landuse_layer = optarg; break;
        case O_CLASS: a->class_field = optarg; break;
        case O_DEDUCTION: a->deduction = optarg; break;
        case O_BEFORE: a->before = optarg; break;
        case O_BEFORE_LAYER: a->before_layer = optarg; break;
        case O_BEFORE_CLASS: a->before_class_field = optarg; break;
        case O_FARMLAND: a->farmland = optarg; break;
        case O_FARMLAND_LAYER: a->farmland_layer = optarg; break;
        case O_WORKSPACE: a->workspace = optarg; break;
        case O_TARGET: {
            const char *eq = strchr(optarg, '=');
            char key[64];
            if (!eq || eq == optarg || !eq[1] || (size_t)(eq - optarg) >= sizeof key)
                return cli_usage_error("indicators", ind_usage, "--target needs KEY=FIELD, not '%s'", optarg);
            snprintf(key, sizeof key, "%.*s", (int)(eq - optarg), optarg);
            int k = guotu_indicator_from_key(key);
            if (k < 0)
                return cli_usage_error("indicators", ind_usage,
                                       "--target: unknown indicator '%s' (the keys are listed below)", key);
            a->target[k] = eq + 1;
            break;
        }
        case O_TARGETS: a->targets = optarg; break;
        case O_TARGETS_CODE: a->targets_code = optarg; break;
        case O_TARGET_UNIT: a->target_unit = optarg; break;
        case O_TOLERANCE:
            if (cli_parse_nonnegative(optarg, &a->tolerance) || a->tolerance >= 1)
                return cli_usage_error("indicators", ind_usage, "--tolerance needs a share from 0 to below 1, not '%s'",
                                       optarg);
            break;
        case O_CLASSES: a->classes = optarg; break;
        case O_ENCODING: a->encoding = optarg; break;
        case O_CRS_MISMATCH: a->crs_mismatch = optarg; break;
        case O_CSV: a->csv = optarg; break;
        case O_XLSX: a->xlsx = optarg; break;
        case O_CSV_HEADERS: a->csv_headers = optarg; break;
        case 'o': a->output = optarg; break;
        case 'h': fputs(ind_usage, stdout); return -1;
        default: return cli_usage_error("indicators", ind_usage, "unknown or incomplete option '%s'", argv[optind - 1]);
        }
    }
    const char *u = NULL;
    if (optind < argc) return cli_usage_error("indicators", ind_usage, "unexpected argument '%s'", argv[optind]);
    if (!a->admin && a->workspace) {
        a->admin = a->workspace;
        a->admin_layer = "admin_units";
        if (!a->target[GUOTU_IND_FARMLAND] && !a->targets) a->target[GUOTU_IND_FARMLAND] = "pbf_target_ha";
    }
    if (a->workspace && !a->farmland) {
        a->farmland = a->workspace;
        a->farmland_layer = "permanent_farmland";
    }
    if (!a->before_class_field) a->before_class_field = a->class_field;
    int targets = 0;
    for (int k = 0; k < NIND; k++)
        targets += a->target[k] != NULL;
    if (!a->admin || !a->landuse || !a->output)
        u = "--admin (or --workspace), --landuse and -o are required";
    else if (!targets)
        u = "no target: name at least one with --target KEY=FIELD";
    else if (!io_ends_with(a->output, ".gpkg"))
        u = "-o must be a .gpkg file";
    else if (a->csv && !io_ends_with(a->csv, ".csv"))
        u = "--csv must be a .csv file";
    else if (a->xlsx && !io_ends_with(a->xlsx, ".xlsx"))
        u = "--xlsx must be a .xlsx file";
    else if (strcmp(a->csv_headers, "chinese") && strcmp(a->csv_headers, "names"))
        u = "--csv-headers must be chinese or names";
    else if (strcmp(a->target_unit, "ha") && strcmp(a->target_unit, "mu"))
        u = "--target-unit must be ha or mu";
    else if (strcmp(a->crs_mismatch, "reproject") && strcmp(a->crs_mismatch, "fail"))
        u = "--crs-mismatch must be reproject or fail";
    else if (!*a->admin_code || !*a->admin_name || !*a->class_field)
        u = "--admin-code, --admin-name and --class-field need a field name";
    if (u) return cli_usage_error("indicators", ind_usage, "%s", u);
    const char *inputs[] = {a->admin, a->landuse, a->before, a->farmland, a->targets, a->classes};
    const char *outputs[] = {a->output, a->csv, a->xlsx};
    char err[1024];
    if (io_refuse_overwrite(inputs, 6, outputs, 3, err, sizeof err))
        return cli_usage_error("indicators", ind_usage, "%s", err);
    return 0;
}

/* ---- The run ---------------------------------------------------------------------------- */

typedef struct admin_unit {
    char *code, *name;
    unsigned char *wkb;
    size_t wkb_size;
    int64_t fid;
} admin_unit;

typedef struct ind_note {
    char en[512], zh[512];
} ind_note;

enum { IND_SCHEMAS = 3 };

typedef struct ind_run {
    ind_args a;
    guotu_context *ctx;
    guotu_indicators *ind;
    guotu_class_groups *groups;
    admin_unit *units;
    size_t n_units, cap_units;
    char *crs_wkt; /* the admin units' CRS */
    char classes_path[PATH_MAX];
    ind_note *notes;
    size_t n_notes, cap_notes;
    /* The output tables' columns (resources/schemas: indicators, indicator_units, indicator_notes),
     * loaded before the run, and where each value goes. */
    table_schema *schemas[IND_SCHEMAS];
    int slots[IND_SCHEMAS][TABLE_SCHEMA_MAX_COLUMNS];
    char err[2048];
} ind_run;

static int add_note(ind_run *r, const char *en, const char *zh) {
    if (io_reserve(&r->notes, &r->cap_notes, r->n_notes + 1, sizeof *r->notes, 8)) {
        snprintf(r->err, sizeof r->err, "out of memory");
        return 1;
    }
    snprintf(r->notes[r->n_notes].en, sizeof r->notes[0].en, "%s", en);
    snprintf(r->notes[r->n_notes].zh, sizeof r->notes[0].zh, "%s", zh);
    r->n_notes++;
    fprintf(stderr, "guotu: note: %s\n", en);
    return 0;
}

static int core_failed(ind_run *r) {
    snprintf(r->err, sizeof r->err, "%s", guotu_context_last_error(r->ctx));
    return 1;
}

/* A target value: 1 set, 0 NULL/empty, -1 text that is not a number (message in err). */
static int parse_target(ind_run *r, const char *text, const char *where, const char *field, double *out) {
    while (*text == ' ')
        text++;
    if (!*text) return 0;
    if (cli_parse_nonnegative(text, out)) {
        snprintf(r->err, sizeof r->err, "%s, field '%s': the target '%.60s' is not a number >= 0", where, field, text);
        return -1;
    }
    return 1;
}

static double target_scale(const ind_run *r, int k) {
    return k != GUOTU_IND_FOREST_COVER && !strcmp(r->a.target_unit, "mu") ? 1.0 / 15.0 : 1.0;
}

/* Reads the admin units: code, name, geometry, ellipsoidal area, and the targets that are
 * fields of the layer. */
static int read_admins(ind_run *r) {
    vector_source src;
    if (vector_source_open(&src, r->a.admin, r->a.admin_layer, r->a.encoding, r->err, sizeof r->err)) return 1;
    int failed = 1;
    guotu_area_calc *calc = NULL;
    OGRSpatialReferenceH srs = vector_source_crs(&src);
    if (!srs) {
        snprintf(r->err, sizeof r->err,
                 "the admin layer '%s' has no CRS: areas and forest cover need one; assign it first", src.layer_name);
        goto done;
    }
    if (OSRExportToWkt(srs, &r->crs_wkt) != OGRERR_NONE) {
        snprintf(r->err, sizeof r->err, "cannot describe the CRS of the admin layer '%s'", src.layer_name);
        goto done;
    }
    if (guotu_area_calc_create(r->ctx, r->crs_wkt, GUOTU_AREA_ELLIPSOIDAL, &calc)) {
        core_failed(r);
        goto done;
    }
    if (vector_source_use_field(&src, r->a.admin_code, r->err, sizeof r->err)) {
        size_t used = strlen(r->err);
        snprintf(r->err + used, sizeof r->err - used, "; name the admin code field with --admin-code");
        goto done;
    }
    char ferr[1024];
    int name_field = vector_source_field(&src, r->a.admin_name, ferr, sizeof ferr);
    if (name_field < 0 && r->a.admin_name_given) {
        snprintf(r->err, sizeof r->err, "%s (named by --admin-name)", ferr);
        goto done;
    }
    if (name_field < 0) {
        char en[512], zh[512];
        snprintf(en, sizeof en, "the admin units have no field '%.100s': they are named by their codes",
                 r->a.admin_name);
        snprintf(zh, sizeof zh, "行政区没有字段 %.100s：以行政区代码代替名称", r->a.admin_name);
        if (add_note(r, en, zh)) goto done;
    }
    int field[NIND];
    for (int k = 0; k < NIND; k++) {
        field[k] = -1;
        if (!r->a.target[k] || r->a.targets) continue;
        field[k] = vector_source_field(&src, r->a.target[k], ferr, sizeof ferr);
        if (field[k] < 0) {
            snprintf(r->err, sizeof r->err, "%s (the target of %s)", ferr, guotu_indicator_key(k));
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
            snprintf(r->err, sizeof r->err, "%s: the admin code (field '%s') is empty", where, r->a.admin_code);
            goto done;
        }
        if (!wkb || !size) {
            snprintf(r->err, sizeof r->err, "%s (admin unit '%s') has no geometry", where, code);
            goto done;
        }
        double m2 = 0;
        if (guotu_area_of_wkb(r->ctx, calc, wkb, size, &m2)) {
            core_failed(r);
            goto done;
        }
        const char *name = name_field >= 0 ? vector_source_text(&src, name_field) : "";
        if (guotu_indicators_add_unit(r->ctx, r->ind, code, name && *name ? name : code, m2 / 10000.0)) {
            snprintf(r->err, sizeof r->err, "%s: %s", where, guotu_context_last_error(r->ctx));
            goto done;
        }
        if (io_reserve(&r->units, &r->cap_units, r->n_units + 1, sizeof *r->units, 64)) goto nomem;
        admin_unit *u = &r->units[r->n_units];
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
            int set = parse_target(r, vector_source_text(&src, field[k]), where, r->a.target[k], &v);
            if (set < 0) goto done;
            if (set && guotu_indicators_set_target(r->ctx, r->ind, code, k, v * target_scale(r, k))) {
                core_failed(r);
                goto done;
            }
        }
    }
    if (!r->n_units) {
        snprintf(r->err, sizeof r->err, "the admin layer '%s' has no features", src.layer_name);
        goto done;
    }
    failed = 0;
    goto done;
nomem:
    snprintf(r->err, sizeof r->err, "out of memory");
done:
    guotu_area_calc_destroy(r->ctx, calc);
    vector_source_close(&src);
    return failed;
}

/* Targets from a CSV keyed by admin code (read as text: codes keep their leading zeros). */
static int read_target_table(ind_run *r) {
    const char *open_options[] = {"AUTODETECT_TYPE=NO", "KEEP_SOURCE_COLUMNS=NO", NULL};
    GDALDatasetH ds = GDALOpenEx(r->a.targets, GDAL_OF_VECTOR | GDAL_OF_READONLY, NULL, open_options, NULL);
    if (!ds) {
        snprintf(r->err, sizeof r->err, "cannot open the targets table '%s'", r->a.targets);
        return 1;
    }
    int failed = 1;
    OGRLayerH layer = GDALDatasetGetLayerCount(ds) ? GDALDatasetGetLayer(ds, 0) : NULL;
    OGRFeatureDefnH defn = layer ? OGR_L_GetLayerDefn(layer) : NULL;
    int code_field = defn ? OGR_FD_GetFieldIndex(defn, r->a.targets_code) : -1;
    int field[NIND];
    if (code_field < 0) {
        snprintf(r->err, sizeof r->err,
                 "the targets table '%s' has no column '%s' (name the admin code column with "
                 "--targets-code)",
                 r->a.targets, r->a.targets_code);
        goto done;
    }
    for (int k = 0; k < NIND; k++) {
        field[k] = r->a.target[k] ? OGR_FD_GetFieldIndex(defn, r->a.target[k]) : -1;
        if (r->a.target[k] && field[k] < 0) {
            snprintf(r->err, sizeof r->err, "the targets table '%s' has no column '%s' (the target of %s)",
                     r->a.targets, r->a.target[k], guotu_indicator_key(k));
            goto done;
        }
    }
    char *seen = calloc(r->n_units ? r->n_units : 1, 1);
    if (!seen) goto done;
    OGR_L_ResetReading(layer);
    OGRFeatureH f;
    int64_t row = 0, unmatched = 0;
    char first_unmatched[64] = "";
    for (;;) {
        int got = ogr_next_feature(layer, r->a.targets, row, &f, r->err, sizeof r->err);
        if (got < 0) {
            free(seen);
            goto done;
        }
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
            snprintf(r->err, sizeof r->err, "the targets table '%s' has admin code '%s' twice (row %lld)", r->a.targets,
                     code, (long long)row + 1);
            OGR_F_Destroy(f);
            free(seen);
            goto done;
        }
        seen[unit] = 1;
        char where[512];
        snprintf(where, sizeof where, "targets table '%.200s', row %lld (admin code '%.40s')", r->a.targets,
                 (long long)row + 1, code);
        for (int k = 0; k < NIND; k++) {
            if (field[k] < 0 || !OGR_F_IsFieldSetAndNotNull(f, field[k])) continue;
            double v;
            int set = parse_target(r, OGR_F_GetFieldAsString(f, field[k]), where, r->a.target[k], &v);
            if (set < 0 || (set && guotu_indicators_set_target(r->ctx, r->ind, code, k, v * target_scale(r, k)))) {
                if (set > 0) core_failed(r);
                OGR_F_Destroy(f);
                free(seen);
                goto done;
            }
        }
        OGR_F_Destroy(f);
    }
    char en[512], zh[512];
    size_t missing = 0;
    for (size_t i = 0; i < r->n_units; i++)
        missing += !seen[i];
    free(seen);
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
    GDALClose(ds);
    return failed;
}

/* One tally of a layer by admin unit; rows go to the indicators by class (or, with
 * indicator >= 0, every row's area to that indicator: the farmland). */
static int tally_layer(ind_run *r, const char *path, const char *layer, const char *class_field, int indicator,
                       const char *role) {
    tally_inputs in;
    memset(&in, 0, sizeof in);
    in.note = cli_note;
    in.zones = r->a.admin;
    in.zones_layer = r->a.admin_layer;
    in.zone_id = r->a.admin_code;
    in.landuse = path;
    in.landuse_layer = layer;
    in.class_field = class_field;
    in.whole_area = class_field == NULL;
    in.area = "ellipsoidal";
    in.invalid = "repair";
    in.raster_mode = "exact";
    in.crs_mismatch = r->a.crs_mismatch;
    in.encoding = r->a.encoding;
    in.role = role;
    in.class_option = "--class-field";
    in.deduction = class_field ? r->a.deduction : "none";
    in.deducted_class = "1203";
    if (tally_inputs_check(&in, r->err, sizeof r->err)) return 1;
    guotu_tally *t = NULL;
    tally_info info;
    memset(&info, 0, sizeof info);
    if (tally_runner_run(r->ctx, &in, &t, &info, r->err, sizeof r->err)) return 1;
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
        if (guotu_tally_result(r->ctx, t, i, &zone, &cls, &ha))
            failed = core_failed(r);
        else if (indicator >= 0)
            failed = guotu_indicators_add_measured(r->ctx, r->ind, zone, indicator, ha) ? core_failed(r) : 0;
        else
            failed = guotu_indicators_add_class_area(r->ctx, r->ind, r->groups, zone, cls, ha) ? core_failed(r) : 0;
    }
    guotu_tally_destroy(r->ctx, t);
    if (failed) return 1;
    if (indicator >= 0) return guotu_indicators_measured_everywhere(r->ctx, r->ind, indicator) ? core_failed(r) : 0;
    static const int by_class[] = {GUOTU_IND_CULTIVATED, GUOTU_IND_CONSTRUCTION, GUOTU_IND_URBAN_RURAL,
                                   GUOTU_IND_FOREST};
    for (int k = 0; k < 4; k++)
        if (guotu_indicators_measured_everywhere(r->ctx, r->ind, by_class[k])) return core_failed(r);
    return 0;
}

typedef struct change_sink {
    ind_run *r;
    int failed;
} change_sink;

static void change_note(const char *message, void *user) {
    (void)user;
    fprintf(stderr, "guotu: note: %s\n", message);
}

static void change_report(guotu_context *ctx, const guotu_convert *cv, void *user) {
    change_sink *s = user;
    for (size_t i = 0; !s->failed && i < guotu_convert_code_count(cv); i++) {
        guotu_transition t;
        if (guotu_convert_code_row(ctx, cv, i, &t)) {
            s->failed = core_failed(s->r);
            break;
        }
        if (!t.zone_id[0] || !strcmp(t.zone_id, "*")) continue; /* outside every unit; the total of all */
        if (guotu_indicators_add_transition(s->r->ctx, s->r->ind, s->r->groups, t.zone_id, t.from, t.to, t.area_ha))
            s->failed = core_failed(s->r);
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
    if (vector_source_open(&src, path, layer, r->a.encoding, r->err, sizeof r->err)) return NULL;
    int index = vector_source_field(&src, field, r->err, sizeof r->err);
    OGRFieldType type = OFTString;
    char quoted[160];
    if (index >= 0) {
        OGRFieldDefnH defn = OGR_FD_GetFieldDefn(OGR_L_GetLayerDefn(src.layer), index);
        type = OGR_Fld_GetType(defn);
        snprintf(quoted, sizeof quoted, "\"%.150s\"", OGR_Fld_GetNameRef(defn));
    }
    vector_source_close(&src);
    if (index < 0) return NULL;
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
        return NULL;
    }
    return buf;
}

/* The classes of the earlier year that no group lists (the change overlay sees only the listed
 * ones): a note each, so that a class missing from the table is never dropped unsaid. */
static int unknown_before_codes(ind_run *r) {
    vector_source src;
    if (vector_source_open(&src, r->a.before, r->a.before_layer, r->a.encoding, r->err, sizeof r->err)) return 1;
    int failed = vector_source_use_field(&src, r->a.before_class_field, r->err, sizeof r->err);
    const char *ignored[] = {"OGR_GEOMETRY", NULL}; /* the codes only */
    if (!failed) OGR_L_SetIgnoredFields(src.layer, ignored);
    char seen[64][48];
    int nseen = 0;
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

/* The change between the two survey years, per unit, through the conversion overlay (its
 * GeoPackage is a temporary removed afterwards), on the classes that can count only. */
static int measure_change(ind_run *r) {
    char tmp[PATH_MAX], base[PATH_MAX];
    if (snprintf(base, sizeof base, "%.*s_change.gpkg", (int)(strlen(r->a.output) - 5), r->a.output) >=
            (int)sizeof base ||
        io_temp_path(base, tmp, sizeof tmp)) {
        snprintf(r->err, sizeof r->err, "the output path '%.1000s' is too long", r->a.output);
        return 1;
    }
    guotu_convert_job job;
    guotu_convert_job_init(&job);
    job.before = r->a.before;
    job.before_layer = r->a.before_layer;
    job.before_class_field = r->a.before_class_field;
    job.before_system = "SANDIAO_WORK";
    job.after = r->a.landuse;
    job.after_layer = r->a.landuse_layer;
    job.after_class_field = r->a.class_field;
    job.after_system = "SANDIAO_WORK";
    job.zones = r->a.admin;
    job.zones_layer = r->a.admin_layer;
    job.zone_id_field = r->a.admin_code;
    job.encoding = r->a.encoding;
    job.crs_mismatch_fail = !strcmp(r->a.crs_mismatch, "fail");
    job.output = tmp;
    const unsigned from = 1u << GUOTU_GROUP_CULTIVATED | 1u << GUOTU_GROUP_FOREST;
    const unsigned to = 1u << GUOTU_GROUP_URBAN_RURAL | 1u << GUOTU_GROUP_OTHER_CONSTRUCTION;
    char *before_where = class_filter(r, r->a.before, r->a.before_layer, r->a.before_class_field, from);
    char *after_where = before_where ? class_filter(r, r->a.landuse, r->a.landuse_layer, r->a.class_field, to) : NULL;
    if (!after_where) {
        free(before_where);
        io_temp_discard(tmp);
        return 1;
    }
    job.before_where = before_where;
    job.after_where = after_where;
    job.note = change_note;
    change_sink sink = {r, 0};
    job.report = change_report;
    job.report_user = &sink;
    int rc = guotu_convert_job_run(r->ctx, &job);
    io_temp_discard(tmp);
    free(before_where);
    free(after_where);
    if (rc) {
        snprintf(r->err, sizeof r->err, "the change from '%.400s' to '%.400s': %s", r->a.before, r->a.landuse,
                 guotu_context_last_error(r->ctx));
        return 1;
    }
    if (sink.failed || unknown_before_codes(r)) return 1;
    if (guotu_indicators_measured_everywhere(r->ctx, r->ind, GUOTU_IND_NEW_ON_CULTIVATED) ||
        guotu_indicators_measured_everywhere(r->ctx, r->ind, GUOTU_IND_FOREST_TAKEN))
        return core_failed(r);
    return add_note(r,
                    "new construction on cultivated land and forest land taken: the change between the two survey "
                    "years counts whole cultivated parcels (gross of 田坎)",
                    "新增建设占用耕地、占用征收林地：两期调查之间的变化按整个耕地图斑计（未扣除田坎）");
}

/* ---- Output ------------------------------------------------------------------------------ */

/* The values each table's rows fill, by column name, in the order of the code below; the
 * columns themselves, their order and their Chinese titles are resources/schemas/<table>.csv. */
static const char *const row_names[] = {"admin_code", "admin_name", "indicator", "indicator_zh", "unit",
                                        "rule",       "target",     "measured",  "difference",   "ratio",
                                        "result",     "result_zh",  "note",      "note_zh"};
static const char *const unit_names[] = {"admin_code", "admin_name", "area_ha", "failed", "passed", "skipped"};
static const char *const note_names[] = {"note", "note_zh"};
enum { ROW_COLUMNS = 14, UNIT_COLUMNS = 6, NOTE_COLUMNS = 2 };
static const char *const schema_tables[IND_SCHEMAS] = {"indicators", "indicator_units", "indicator_notes"};

/* Reads the three tables' schemas and checks the writers below fill them, before the run. */
static int load_schemas(ind_run *r) {
    static const char *const *const names[IND_SCHEMAS] = {row_names, unit_names, note_names};
    static const int counts[IND_SCHEMAS] = {ROW_COLUMNS, UNIT_COLUMNS, NOTE_COLUMNS};
    for (int t = 0; t < IND_SCHEMAS; t++)
        if (table_schema_use(NULL, schema_tables[t], NULL, names[t], counts[t], &r->schemas[t], r->slots[t], r->err,
                             sizeof r->err))
            return 1;
    return 0;
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

/* The texts of row i: result and note in both languages. */
static void row_texts(const ind_run *r, int k, int status, const char **result_zh, char *en, size_t en_size, char *zh,
                      size_t zh_size) {
    static const char *const result_zh_of[] = {"达标", "未达标", "未比较", "未比较"};
    *result_zh = result_zh_of[status];
    en[0] = zh[0] = '\0';
    const char *rule = guotu_indicator_rule(k);
    int floor = rule[0] == '>';
    if (status == GUOTU_IND_PASS || status == GUOTU_IND_FAIL) {
        snprintf(en, en_size, "measured %s target%s",
                 floor ? ">=" : "<=", r->a.tolerance > 0 ? (floor ? " x (1 - tolerance)" : " x (1 + tolerance)") : "");
        snprintf(zh, zh_size, "实测值%s目标值%s", floor ? "不低于" : "不高于", r->a.tolerance > 0 ? "（含容差）" : "");
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
static void indicator_row(ind_run *r, size_t i, table_row *row, char *en, size_t en_size, char *zh, size_t zh_size) {
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
    char tmp[PATH_MAX];
    if (io_temp_path(r->a.csv, tmp, sizeof tmp)) {
        snprintf(r->err, sizeof r->err, "the output path '%.1000s' is too long", r->a.csv);
        return 1;
    }
    FILE *f = fopen(tmp, "wb");
    if (!f) {
        snprintf(r->err, sizeof r->err, "cannot write '%.1000s': %s", r->a.csv, strerror(errno));
        io_temp_discard(tmp);
        return 1;
    }
    fputs("\xEF\xBB\xBF", f); /* a BOM so that Excel reads the Chinese names as UTF-8 */
    int names = !strcmp(r->a.csv_headers, "names");
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
                cli_csv_quoted(f, row.texts[c] ? row.texts[c] : "");
            else if (!isnan(row.reals[c]))
                fprintf(f, "%.17g", row.reals[c]);
        }
        fputc('\n', f);
    }
    if (fclose(f) != 0 || rename(tmp, r->a.csv) != 0) {
        snprintf(r->err, sizeof r->err, "cannot write '%.1000s': %s", r->a.csv, strerror(errno));
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
    if (gpkg_writer_open_as(&w, r->a.xlsx, "XLSX", r->err, sizeof r->err)) return 1;
    table_column named[TABLE_SCHEMA_MAX_COLUMNS];
    int names = !strcmp(r->a.csv_headers, "names");
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

static int write_gpkg(ind_run *r) {
    gpkg_writer *w = NULL;
    if (gpkg_writer_open(&w, r->a.output, r->err, sizeof r->err)) return 1;
    OGRSpatialReferenceH srs = OSRNewSpatialReference(r->crs_wkt);
    int units = add_layer(r, w, 1, wkbMultiPolygon, srs);
    OSRDestroySpatialReference(srs);
    int rows = units < 0 ? -1 : add_layer(r, w, 0, wkbNone, NULL);
    int notes = -1;
    if (rows >= 0)
        notes = gpkg_writer_add_layer(w, "notes", wkbNone, NULL, table_schema_columns(r->schemas[2]),
                                      table_schema_count(r->schemas[2]), r->err, sizeof r->err);
    if (notes < 0) goto fail;
    char tol[32], described[4][1100];
    snprintf(tol, sizeof tol, "%g", r->a.tolerance);
    cli_describe_file(r->a.admin, described[0], sizeof described[0]);
    cli_describe_file(r->a.landuse, described[1], sizeof described[1]);
    cli_describe_file(r->a.before, described[2], sizeof described[2]);
    cli_describe_file(r->a.farmland, described[3], sizeof described[3]);
    table_meta meta[] = {{"admin_units", described[0]},
                         {"landuse", described[1]},
                         {"before", described[2]},
                         {"farmland", described[3]},
                         {"targets", r->a.targets ? r->a.targets : "(admin layer fields)"},
                         {"classes", r->classes_path},
                         {"target_unit", r->a.target_unit},
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
    return gpkg_writer_commit(w, r->err, sizeof r->err);
fail:
    gpkg_writer_abort(w);
    return 1;
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

static void print_summary(const ind_run *r) {
    int failed_units = 0, fails = 0, passes = 0, skips = 0;
    for (size_t i = 0; i < r->n_units; i++) {
        int p, f, s;
        guotu_indicators_unit_summary(r->ctx, r->ind, i, NULL, NULL, NULL, &p, &f, &s);
        failed_units += f > 0;
        fails += f;
        passes += p;
        skips += s;
    }
    printf("Binding indicators of %zu admin units: %d passed, %d failed (in %d units), %d not compared\n", r->n_units,
           passes, fails, failed_units, skips);
    printf("  written: %s", r->a.output);
    if (r->a.csv) printf(", %s", r->a.csv);
    if (r->a.xlsx) printf(", %s", r->a.xlsx);
    printf("\n");
}

int cmd_indicators(int argc, char **argv) {
    ind_run r;
    memset(&r, 0, sizeof r);
    int p = parse(argc, argv, &r.a);
    if (p < 0) return 0;
    if (p) return 2;
    GDALAllRegister();
    r.ctx = guotu_context_create();
    if (!r.ctx) return cli_error("out of memory");
    int failed = 1;
    size_t size = 0;
    if (load_schemas(&r)) goto done;
    char *text =
        table_text_load(r.a.classes, "indicators", r.classes_path, sizeof r.classes_path, &size, r.err, sizeof r.err);
    if (!text) goto done;
    int rc = guotu_class_groups_parse(r.ctx, text, size, r.classes_path, &r.groups);
    free(text);
    if (rc || guotu_indicators_create(r.ctx, r.a.tolerance, &r.ind)) {
        core_failed(&r);
        goto done;
    }
    if (read_admins(&r) || (r.a.targets && read_target_table(&r))) goto done;
    if (tally_layer(&r, r.a.landuse, r.a.landuse_layer, r.a.class_field, -1, "land-use")) goto done;
    if (r.a.farmland &&
        tally_layer(&r, r.a.farmland, r.a.farmland_layer, NULL, GUOTU_IND_FARMLAND, "permanent farmland"))
        goto done;
    if (r.a.before && measure_change(&r)) goto done;
    if (unknown_notes(&r)) goto done;
    if (guotu_indicators_finish(r.ctx, r.ind)) {
        core_failed(&r);
        goto done;
    }
    if (write_gpkg(&r) || (r.a.csv && write_csv(&r)) || (r.a.xlsx && write_xlsx(&r))) goto done;
    print_summary(&r);
    failed = 0;
done:
    if (failed) cli_error("%s", r.err[0] ? r.err : "out of memory");
    for (size_t i = 0; i < r.n_units; i++) {
        free(r.units[i].code);
        free(r.units[i].name);
        free(r.units[i].wkb);
    }
    free(r.units);
    free(r.notes);
    CPLFree(r.crs_wkt);
    guotu_indicators_destroy(r.ctx, r.ind);
    guotu_class_groups_destroy(r.ctx, r.groups);
    guotu_context_destroy(r.ctx);
    for (int t = 0; t < IND_SCHEMAS; t++)
        table_schema_free(r.schemas[t]);
    return failed;
}
