/* lines_check.c — `guotu lines check`: the three-lines rules on a workspace GeoPackage. */
#include <errno.h>
#include <cpl_conv.h>
#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "io_temp.h"
#include "commands.h"
#include "gpkg_writer.h"
#include "guotu/guotu.h"
#include "progress_bar.h"
#include "resources.h"
#include "tally_runner.h"
#include "vector_source.h"

typedef struct check_args {
    const char *workspace, *landuse, *class_field, *system, *urban_2020, *output, *stats_csv, *area;
    const char *csv_headers; /* "chinese" (the table's Chinese names) or "names" (the field names) */
    guotu_lines_options o;
} check_args;

static const char *const check_usage =
    "usage: guotu lines check --workspace W.gpkg [--landuse FILE --class-field F --system S]\n"
    "         [--urban-2020 FILE] [--area ellipsoidal|planar] [--sliver-width M] [--min-patch M2]\n"
    "         [--minor-overlap M2] [--expansion-cap X] [--farmland-share X] [--gap-min M]\n"
    "         [--gap-max M] [--rules L04,L05,...] [--stats-csv FILE [--csv-headers chinese|names]]\n"
    "         -o ISSUES.gpkg\n"
    "\n"
    "Checks the three control lines of a workspace (see `guotu lines init`): L01 invalid\n"
    "geometry, L02 duplicates, L03 overlaps within a line, L04-L06 overlaps between lines\n"
    "(with SPEC's resolution: the urban boundary yields to both, farmland to the red line),\n"
    "L07 slivers, L08 tiny patches, L09 gaps between features of one line wider than\n"
    "--gap-min and at most --gap-max (default 0 and 1 m), L10 features across admin\n"
    "boundaries, and per admin\n"
    "unit L11 the urban expansion multiple over its cap (2020 urban land from admin_units or\n"
    "--urban-2020), L12/L13 farmland and red line below target, L14 farmland below the\n"
    "share of cultivated land (cultivated land from --landuse). Defaults follow SPEC §2:\n"
    "sliver width 1 m, minimum patch 50 m², cap 1.3, share 0.8; overlaps under 1 m² are\n"
    "'minor'. Issues whose fingerprint is in the workspace's exceptions table are 'accepted'.\n"
    "Writes ISSUES.gpkg (issues, issue_points, line_stats); exit status 0 with a summary.\n"
    "--stats-csv also writes line_stats as CSV for the meeting, headed by the Chinese column\n"
    "names (default) or, with --csv-headers names, by the field names.\n";

enum {
    O_WS = 256,
    O_LANDUSE,
    O_CLASS,
    O_SYSTEM,
    O_URBAN,
    O_AREA,
    O_SLIVER,
    O_PATCH,
    O_MINOR,
    O_CAP,
    O_SHARE,
    O_CSV,
    O_GAP_MIN,
    O_GAP_MAX,
    O_RULES,
    O_CSV_HEADERS
};

static int parse(int argc, char **argv, check_args *a) {
    static const struct option options[] = {{"workspace", 1, 0, O_WS},
                                            {"landuse", 1, 0, O_LANDUSE},
                                            {"class-field", 1, 0, O_CLASS},
                                            {"system", 1, 0, O_SYSTEM},
                                            {"urban-2020", 1, 0, O_URBAN},
                                            {"area", 1, 0, O_AREA},
                                            {"sliver-width", 1, 0, O_SLIVER},
                                            {"min-patch", 1, 0, O_PATCH},
                                            {"minor-overlap", 1, 0, O_MINOR},
                                            {"expansion-cap", 1, 0, O_CAP},
                                            {"farmland-share", 1, 0, O_SHARE},
                                            {"stats-csv", 1, 0, O_CSV},
                                            {"csv-headers", 1, 0, O_CSV_HEADERS},
                                            {"gap-min", 1, 0, O_GAP_MIN},
                                            {"gap-max", 1, 0, O_GAP_MAX},
                                            {"rules", 1, 0, O_RULES},
                                            {"output", 1, 0, 'o'},
                                            {"help", 0, 0, 'h'},
                                            {0, 0, 0, 0}};
    memset(a, 0, sizeof *a);
    guotu_lines_options_init(&a->o);
    a->area = "ellipsoidal";
    a->csv_headers = "chinese";
    a->system = "SANDIAO_WORK";
    optind = 1;
    opterr = 0;
    int c;
    double *number = NULL;
    while ((c = getopt_long(argc, argv, "o:h", options, NULL)) != -1) {
        number = NULL;
        switch (c) {
        case O_WS: a->workspace = optarg; break;
        case O_LANDUSE: a->landuse = optarg; break;
        case O_CLASS: a->class_field = optarg; break;
        case O_SYSTEM: a->system = optarg; break;
        case O_URBAN: a->urban_2020 = optarg; break;
        case O_AREA: a->area = optarg; break;
        case O_SLIVER: number = &a->o.sliver_width_m; break;
        case O_PATCH: number = &a->o.min_patch_m2; break;
        case O_MINOR: number = &a->o.minor_overlap_m2; break;
        case O_CAP: number = &a->o.expansion_cap; break;
        case O_SHARE: number = &a->o.farmland_share; break;
        case O_GAP_MIN: number = &a->o.gap_min_m; break;
        case O_GAP_MAX: number = &a->o.gap_max_m; break;
        case O_CSV: a->stats_csv = optarg; break;
        case O_CSV_HEADERS: a->csv_headers = optarg; break;
        case O_RULES: {
            /* "L04,L05" -> bits 4 and 5 */
            char list[256];
            snprintf(list, sizeof list, "%s", optarg);
            for (char *tok = strtok(list, ", "); tok; tok = strtok(NULL, ", ")) {
                int n = (tok[0] == 'L' || tok[0] == 'l') ? atoi(tok + 1) : 0;
                if (n < 1 || n > 14)
                    return cli_usage_error("lines check", check_usage, "--rules takes rule ids L01..L14, not '%s'",
                                           tok);
                a->o.rules |= 1u << n;
            }
            break;
        }
        case 'o': a->output = optarg; break;
        case 'h': fputs(check_usage, stdout); return -1;
        default:
            return cli_usage_error("lines check", check_usage, "unknown or incomplete option '%s'", argv[optind - 1]);
        }
        if (number && cli_parse_nonnegative(optarg, number))
            return cli_usage_error("lines check", check_usage, "%s needs a number >= 0, not '%s'", argv[optind - 2],
                                   optarg);
    }
    const char *u = NULL;
    if (optind < argc)
        u = "unexpected argument";
    else if (!a->workspace || !a->output)
        u = "--workspace and -o are required";
    else if (!a->landuse != !a->class_field)
        u = "--landuse and --class-field go together (L14 compares farmland with the cultivated land of the "
            "land use)";
    else if (a->landuse && !classification_system_known(a->system))
        u = "--system must be a known classification";
    else if (strcmp(a->area, "ellipsoidal") && strcmp(a->area, "planar"))
        u = "--area must be ellipsoidal or planar";
    else if (strlen(a->output) < 5 || strcmp(a->output + strlen(a->output) - 5, ".gpkg"))
        u = "-o must be a .gpkg file";
    else if (strcmp(a->csv_headers, "chinese") && strcmp(a->csv_headers, "names"))
        u = "--csv-headers must be chinese or names";
    if (u) return cli_usage_error("lines check", check_usage, "%s", u);
    a->o.area_method = strcmp(a->area, "planar") == 0 ? GUOTU_AREA_PLANAR : GUOTU_AREA_ELLIPSOIDAL;
    return 0;
}

/* ---- reading the workspace ---- */

static const char *const line_layers[3] = {"ecological_redline", "permanent_farmland", "urban_boundary"};

typedef struct exception_row {
    char fingerprint[17];
    char reason[256];
} exception_row;

typedef struct check_run {
    check_args a;
    guotu_context *ctx;
    guotu_lines *lines;
    char *crs;
    exception_row *exceptions;
    size_t nexceptions;
    gpkg_writer *out;
    char stats_temp[1300]; /* the statistics CSV while it is written; "" when none */
    int issues_layer, points_layer;
    int counts[15][3]; /* rule L01..L14 x severity error/warning/minor */
    int accepted;
    progress_bar bar;
    char err[2048];
} check_run;

/* Opens a workspace layer, refusing a missing layer, a non-polygon layer or another CRS. */
static int open_layer(check_run *r, vector_source *src, const char *name) {
    if (vector_source_open(src, r->a.workspace, name, NULL, r->err, sizeof r->err)) {
        workspace_layer_message(r->err, sizeof r->err, name);
        return 1;
    }
    OGRSpatialReferenceH srs = vector_source_crs(src);
    char *wkt = NULL;
    const char *opts[] = {"FORMAT=WKT2_2019", NULL};
    if (srs) OSRExportToWktEx(srs, &wkt, opts);
    if (!r->crs && wkt) {
        r->crs = wkt;
        return 0;
    }
    int same = (!wkt && !r->crs) || (wkt && r->crs && !strcmp(wkt, r->crs));
    if (!same) {
        snprintf(r->err, sizeof r->err,
                 "layer '%s' of the workspace is in %s, another CRS than the layers before it; "
                 "the three lines must share one CRS",
                 name, srs ? OSRGetName(srs) : "no CRS");
    }
    CPLFree(wkt);
    return !same;
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
    in.zones = r->a.workspace;
    in.zones_layer = "admin_units";
    in.zone_id = "xzqdm";
    in.landuse = path;
    in.class_field = class_field;
    in.class_option = "--class-field";
    in.area = r->a.area;
    in.crs_mismatch = "reproject";
    in.role = cultivated_system ? "land-use" : "2020 urban land";
    in.whole_area = class_field == NULL; /* 2020 urban land: all of it counts */
    /* L14 compares farmland with cultivated land net of 田坎 (KCXS of a 三调 layer) */
    in.deduction = cultivated_system ? "auto" : "none";
    in.deducted_class = "1203";
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
    int failed = tally_runner_run(r->ctx, &in, &t, &info, r->err, sizeof r->err);
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

static int read_admins(check_run *r) {
    vector_source src;
    if (open_layer(r, &src, "admin_units") || vector_source_use_field(&src, "xzqdm", r->err, sizeof r->err)) {
        vector_source_close(&src);
        return 1;
    }
    int name = vector_source_field(&src, "xzqmc", r->err, sizeof r->err);
    int erl = vector_source_field(&src, "erl_target_ha", r->err, sizeof r->err);
    int pbf = vector_source_field(&src, "pbf_target_ha", r->err, sizeof r->err);
    int urban = vector_source_field(&src, "urban_2020_ha", r->err, sizeof r->err);
    int cap = vector_source_field(&src, "expansion_cap", r->err, sizeof r->err);
    if (name < 0 || erl < 0 || pbf < 0 || urban < 0 || cap < 0) {
        vector_source_close(&src);
        return 1;
    }
    size_t n = (size_t)vector_source_count(&src);
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
           (more = vector_source_next(&src, &fids[count], code, sizeof code, &wkb, &sizes[count], r->err,
                                      sizeof r->err)) == 1) {
        snprintf(codes[count], sizeof codes[count], "%.63s", code);
        snprintf(names[count], sizeof names[count], "%s", vector_source_text(&src, name));
        values[count] = (guotu_admin_values){field_number(&src, erl), field_number(&src, pbf),
                                             field_number(&src, urban), field_number(&src, cap), NAN};
        wkbs[count] = malloc(sizes[count] ? sizes[count] : 1);
        if (!wkbs[count] || !wkb) {
            snprintf(r->err, sizeof r->err, "admin unit feature %lld has no geometry", (long long)fids[count]);
            failed = 1;
            break;
        }
        memcpy(wkbs[count], wkb, sizes[count]);
        count++;
    }
    if (more < 0) failed = 1;
    vector_source_close(&src);
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
            snprintf(r->err, sizeof r->err, "layer 'admin_units': %s", guotu_context_last_error(r->ctx));
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
        if (open_layer(r, &src, line_layers[line])) {
            vector_source_close(&src);
            return 1;
        }
        char value[8];
        int64_t fid;
        const unsigned char *wkb;
        size_t size;
        int more;
        while ((more = vector_source_next(&src, &fid, value, sizeof value, &wkb, &size, r->err, sizeof r->err)) == 1) {
            if (!wkb) continue; /* a feature without geometry has nothing to check */
            total++;
            if (guotu_lines_add(r->ctx, r->lines, (guotu_line)line, fid, wkb, size)) {
                snprintf(r->err, sizeof r->err, "%s", guotu_context_last_error(r->ctx));
                vector_source_close(&src);
                return 1;
            }
        }
        vector_source_close(&src);
        if (more < 0) return 1;
    }
    if (total == 0) {
        snprintf(r->err, sizeof r->err,
                 "the workspace '%s' has no features in ecological_redline, "
                 "permanent_farmland or urban_boundary: nothing to check",
                 r->a.workspace);
        return 1;
    }
    return 0;
}

static int read_exceptions(check_run *r) {
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

static const table_column issue_columns[] = {
    {"rule_id", COLUMN_TEXT, 8, NULL},         {"severity", COLUMN_TEXT, 8, NULL},
    {"status", COLUMN_TEXT, 10, NULL},         {"layer_a", COLUMN_TEXT, 32, NULL},
    {"fid_a", COLUMN_INTEGER, 0, NULL},        {"layer_b", COLUMN_TEXT, 32, NULL},
    {"fid_b", COLUMN_INTEGER, 0, NULL},        {"admin_code", COLUMN_TEXT, 12, NULL},
    {"value", COLUMN_REAL, 0, NULL},           {"message_zh", COLUMN_TEXT, 0, NULL},
    {"message_en", COLUMN_TEXT, 0, NULL},      {"suggestion_zh", COLUMN_TEXT, 0, NULL},
    {"suggestion_en", COLUMN_TEXT, 0, NULL},   {"fingerprint", COLUMN_TEXT, 16, NULL},
    {"exception_reason", COLUMN_TEXT, 0, NULL}};

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
    /* Points (an invalid geometry's location) and areas go to two layers, as QGIS wants one
     * geometry type per layer. */
    OGRGeometryH g = NULL;
    int point = 0;
    if (OGR_G_CreateFromWkb(i->wkb, NULL, &g, (int)i->wkb_size) == OGRERR_NONE) {
        point = wkbFlatten(OGR_G_GetGeometryType(g)) == wkbPoint;
        OGR_G_DestroyGeometry(g);
    }
    return gpkg_writer_row(r->out, point ? r->points_layer : r->issues_layer, texts, reals, i->wkb, i->wkb_size, r->err,
                           sizeof r->err);
}

static const char *verdict(int ok) { return ok == 1 ? "pass" : ok == 0 ? "fail" : ""; }

static int write_stats(check_run *r) {
    static const table_column columns[] = {{"admin_code", COLUMN_TEXT, 12, "行政区代码"},
                                           {"admin_name", COLUMN_TEXT, 100, "行政区名称"},
                                           {"redline_ha", COLUMN_REAL, 0, "生态保护红线（公顷）"},
                                           {"redline_mu", COLUMN_REAL, 0, "生态保护红线（亩）"},
                                           {"redline_target_ha", COLUMN_REAL, 0, "红线保护任务（公顷）"},
                                           {"redline_ok", COLUMN_TEXT, 4, "红线达标"},
                                           {"farmland_ha", COLUMN_REAL, 0, "永久基本农田（公顷）"},
                                           {"farmland_mu", COLUMN_REAL, 0, "永久基本农田（亩）"},
                                           {"farmland_target_ha", COLUMN_REAL, 0, "农田保护任务（公顷）"},
                                           {"farmland_ok", COLUMN_TEXT, 4, "农田达标"},
                                           {"urban_ha", COLUMN_REAL, 0, "城镇开发边界（公顷）"},
                                           {"urban_mu", COLUMN_REAL, 0, "城镇开发边界（亩）"},
                                           {"urban_2020_ha", COLUMN_REAL, 0, "2020年城镇建设用地（公顷）"},
                                           {"expansion", COLUMN_REAL, 0, "扩展倍数"},
                                           {"expansion_cap", COLUMN_REAL, 0, "扩展倍数上限"},
                                           {"expansion_ok", COLUMN_TEXT, 4, "扩展倍数达标"},
                                           {"cultivated_ha", COLUMN_REAL, 0, "耕地（公顷）"},
                                           {"farmland_share", COLUMN_REAL, 0, "农田占耕地比例"},
                                           {"share_ok", COLUMN_TEXT, 4, "占比达标"}};
    int layer = gpkg_writer_add_layer(r->out, "line_stats", wkbNone, NULL, columns, 19, r->err, sizeof r->err);
    if (layer < 0) return 1;
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
        int names = strcmp(r->a.csv_headers, "names") == 0;
        for (int c = 0; c < 19; c++)
            fprintf(csv, "%s%s", c ? "," : "", names ? columns[c].name : columns[c].alias);
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
        if (gpkg_writer_row(r->out, layer, texts, reals, NULL, 0, r->err, sizeof r->err)) {
            if (csv) fclose(csv);
            return 1;
        }
        for (int c = 0; csv && c < 19; c++) {
            if (c) fputc(',', csv);
            if (columns[c].type == COLUMN_TEXT)
                cli_csv_quoted(csv, texts[c] ? texts[c] : "");
            else if (!isnan(reals[c]))
                fprintf(csv, "%.4f", reals[c]);
        }
        if (csv) fputc('\n', csv);
    }
    if (csv && fclose(csv) != 0) {
        snprintf(r->err, sizeof r->err, "cannot write '%.1000s': %s", r->a.stats_csv, strerror(errno));
        return 1;
    }
    return 0;
}

static void print_summary(check_run *r) {
    static const char *const rules[15] = {"",
                                          "invalid geometry",
                                          "duplicate features",
                                          "overlaps within a line",
                                          "red line x farmland",
                                          "red line x urban boundary",
                                          "farmland x urban boundary",
                                          "slivers",
                                          "tiny patches",
                                          "narrow gaps within a line",
                                          "across admin boundaries",
                                          "urban expansion over cap",
                                          "farmland below target",
                                          "red line below target",
                                          "farmland below share of cultivated land"};
    int total = 0;
    printf("Three-lines check of %s\n", r->a.workspace);
    for (int k = 1; k <= 14; k++) {
        int n = r->counts[k][0] + r->counts[k][1] + r->counts[k][2];
        total += n;
        if (n)
            printf("  L%02d %-42s %4d (error %d, warning %d, minor %d)\n", k, rules[k], n, r->counts[k][0],
                   r->counts[k][1], r->counts[k][2]);
    }
    printf("  %d issues, %d accepted as exceptions\n", total, r->accepted);
    for (size_t i = 0; i < guotu_lines_stats_count(r->lines); i++) {
        guotu_line_stats s;
        guotu_lines_stats_row(r->ctx, r->lines, i, &s);
        printf("  %s %s: red line %.2f ha, farmland %.2f ha (%.1f mu), urban boundary %.2f ha\n", s.admin_code,
               s.admin_name, s.redline_ha, s.farmland_ha, s.farmland_ha * 15, s.urban_ha);
    }
    printf("  written: %s\n", r->a.output);
}

int cmd_lines_check(int argc, char **argv) {
    check_run r;
    memset(&r, 0, sizeof r);
    int parsed = parse(argc, argv, &r.a);
    if (parsed) return parsed < 0 ? 0 : 2;
    const char *inputs[] = {r.a.workspace, r.a.landuse, r.a.urban_2020};
    const char *outputs[] = {r.a.output, r.a.stats_csv};
    if (io_refuse_overwrite(inputs, 3, outputs, 2, r.err, sizeof r.err)) return cli_error("%s", r.err);
    r.ctx = guotu_context_create();
    if (!r.ctx) return cli_error("out of memory");
    progress_bar_init(&r.bar);
    guotu_context_set_progress(r.ctx, progress_bar_update, &r.bar);
    /* The CRS comes from the workspace's first line layer. */
    vector_source first;
    int failed = open_layer(&r, &first, line_layers[0]);
    vector_source_close(&first);
    if (!failed) {
        r.a.o.crs = r.crs;
        if (guotu_lines_create(r.ctx, &r.a.o, &r.lines)) {
            snprintf(r.err, sizeof r.err, "%s", guotu_context_last_error(r.ctx));
            failed = 1;
        }
    }
    if (!failed) failed = read_lines(&r) || read_admins(&r) || read_exceptions(&r);
    if (!failed) failed = gpkg_writer_open(&r.out, r.a.output, r.err, sizeof r.err);
    if (!failed) {
        OGRSpatialReferenceH srs = OSRNewSpatialReference(NULL);
        if (r.crs) OSRSetFromUserInput(srs, r.crs);
        r.issues_layer = gpkg_writer_add_layer(r.out, "issues", wkbMultiPolygon, r.crs ? srs : NULL, issue_columns, 15,
                                               r.err, sizeof r.err);
        r.points_layer = r.issues_layer < 0 ? -1
                                            : gpkg_writer_add_layer(r.out, "issue_points", wkbPoint, r.crs ? srs : NULL,
                                                                    issue_columns, 15, r.err, sizeof r.err);
        OSRDestroySpatialReference(srs);
        failed = r.points_layer < 0;
    }
    /* Issues go to two layers made before the run; GeoPackage rows of both go in one
     * transaction, which the writer keeps open across layers it already made. */
    if (!failed && guotu_lines_run(r.ctx, r.lines, on_issue, &r)) {
        if (!r.err[0]) snprintf(r.err, sizeof r.err, "%s", guotu_context_last_error(r.ctx));
        failed = 1;
    }
    progress_bar_done(&r.bar);
    if (!failed) failed = write_stats(&r);
    if (!failed) {
        failed = gpkg_writer_commit(r.out, r.err, sizeof r.err);
        r.out = NULL;
    }
    /* The statistics are published only with the issues they belong to. */
    if (!failed && r.stats_temp[0]) {
        if (rename(r.stats_temp, r.a.stats_csv) != 0) {
            snprintf(r.err, sizeof r.err, "cannot write '%.1000s': %s", r.a.stats_csv, strerror(errno));
            failed = 1;
        } else
            io_temp_release(r.stats_temp);
    }
    if (r.stats_temp[0] && failed) io_temp_discard(r.stats_temp);
    if (!failed)
        print_summary(&r);
    else
        fprintf(stderr, "guotu lines check: error: %s\n", r.err);
    gpkg_writer_abort(r.out);
    guotu_lines_destroy(r.ctx, r.lines);
    guotu_context_destroy(r.ctx);
    CPLFree(r.crs);
    free(r.exceptions);
    return failed ? 1 : 0;
}
