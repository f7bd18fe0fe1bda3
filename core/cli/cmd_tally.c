/* cmd_tally.c — `guotu tally`: area by zone and land-use class, from files. */
#include <cpl_conv.h>
#include <getopt.h>
#include <libgen.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli.h"
#include "guotu/guotu.h"
#include "progress_bar.h"
#include "raster_source.h"
#include "table_writer.h"
#include "vector_source.h"

typedef struct tally_args {
    const char *zones, *zones_layer, *zone_id;
    const char *landuse, *landuse_layer, *class_field;
    const char *mask, *mask_layer;
    const char *area, *invalid, *raster_mode, *crs_mismatch, *encoding, *output;
} tally_args;

static const char *const tally_usage =
    "usage: guotu tally --zones FILE [--zones-layer NAME] --zone-id FIELD\n"
    "                   --landuse FILE [--landuse-layer NAME] [--class-field FIELD]\n"
    "                   [--mask FILE [--mask-layer NAME]] [--area ellipsoidal|planar]\n"
    "                   [--invalid repair|fail] [--raster-mode exact|centre]\n"
    "                   [--crs-mismatch reproject|fail] [--encoding NAME] -o OUT.csv|OUT.gpkg\n"
    "\n"
    "Area in hectares of each land-use class inside each zone. Land use is a polygon layer\n"
    "with a class field, or a categorical raster (no --class-field). Areas are ellipsoidal\n"
    "(on the CRS's own ellipsoid, as the Third National Land Survey reports them) unless\n"
    "--area planar. Area inside --mask polygons (e.g. urban space) is excluded.\n"
    "Inputs in another CRS than the zones are reprojected (a raster is never resampled:\n"
    "the zones are reprojected to it instead); --crs-mismatch fail stops instead.\n"
    "--encoding sets the attribute encoding of Shapefiles without a .cpg (e.g. GBK).\n"
    "OUT.csv has the columns zone_id,class_code,area_ha; OUT.gpkg a table 'tally' with\n"
    "the same columns and the inputs and parameters in its metadata.\n";

static int parse_tally_args(int argc, char **argv, tally_args *a)
{
    static const struct option options[] = {
        {"zones", required_argument, 0, 'z'},        {"zones-layer", required_argument, 0, 'Z'},
        {"zone-id", required_argument, 0, 'i'},      {"landuse", required_argument, 0, 'l'},
        {"landuse-layer", required_argument, 0, 'L'}, {"class-field", required_argument, 0, 'c'},
        {"mask", required_argument, 0, 'm'},         {"mask-layer", required_argument, 0, 'M'},
        {"area", required_argument, 0, 'a'},         {"invalid", required_argument, 0, 'v'},
        {"raster-mode", required_argument, 0, 'r'},  {"crs-mismatch", required_argument, 0, 'x'},
        {"encoding", required_argument, 0, 'e'},     {"output", required_argument, 0, 'o'},
        {"help", no_argument, 0, 'h'},               {0, 0, 0, 0}};
    memset(a, 0, sizeof *a);
    a->area = "ellipsoidal";
    a->invalid = "repair";
    a->raster_mode = "exact";
    a->crs_mismatch = "reproject";
    optind = 1;
    opterr = 0;
    int c;
    while ((c = getopt_long(argc, argv, "o:h", options, NULL)) != -1) {
        switch (c) {
        case 'z': a->zones = optarg; break;
        case 'Z': a->zones_layer = optarg; break;
        case 'i': a->zone_id = optarg; break;
        case 'l': a->landuse = optarg; break;
        case 'L': a->landuse_layer = optarg; break;
        case 'c': a->class_field = optarg; break;
        case 'm': a->mask = optarg; break;
        case 'M': a->mask_layer = optarg; break;
        case 'a': a->area = optarg; break;
        case 'v': a->invalid = optarg; break;
        case 'r': a->raster_mode = optarg; break;
        case 'x': a->crs_mismatch = optarg; break;
        case 'e': a->encoding = optarg; break;
        case 'o': a->output = optarg; break;
        case 'h': fputs(tally_usage, stdout); return -1;
        default:
            fprintf(stderr, "guotu tally: unknown or incomplete option '%s'\n%s", argv[optind - 1], tally_usage);
            return 1;
        }
    }
    if (optind < argc) return cli_usage_error("tally", tally_usage, "unexpected argument '%s'", argv[optind]);
    if (!a->zones || !a->zone_id || !a->landuse || !a->output)
        return cli_usage_error("tally", tally_usage, "--zones, --zone-id, --landuse and -o are required");
    if (strcmp(a->area, "ellipsoidal") && strcmp(a->area, "planar"))
        return cli_usage_error("tally", tally_usage, "--area must be ellipsoidal or planar, not '%s'", a->area);
    if (strcmp(a->invalid, "repair") && strcmp(a->invalid, "fail"))
        return cli_usage_error("tally", tally_usage, "--invalid must be repair or fail, not '%s'", a->invalid);
    if (strcmp(a->raster_mode, "exact") && strcmp(a->raster_mode, "centre") && strcmp(a->raster_mode, "center"))
        return cli_usage_error("tally", tally_usage, "--raster-mode must be exact or centre, not '%s'",
                               a->raster_mode);
    if (strcmp(a->crs_mismatch, "reproject") && strcmp(a->crs_mismatch, "fail"))
        return cli_usage_error("tally", tally_usage, "--crs-mismatch must be reproject or fail, not '%s'",
                               a->crs_mismatch);
    return 0;
}

/* The run's open inputs, closed together whatever happened. */
typedef struct tally_run {
    tally_args args;
    vector_source zones, landuse, mask;
    raster_source raster;
    int raster_mode_input, has_mask;
    OGRSpatialReferenceH target_crs; /* borrowed from zones or raster */
    char *crs_text;
    guotu_context *ctx;
    guotu_tally *tally;
    progress_bar bar;
    char err[2048];
} tally_run;

static void close_run(tally_run *run)
{
    guotu_tally_destroy(run->ctx, run->tally);
    guotu_context_destroy(run->ctx);
    vector_source_close(&run->zones);
    vector_source_close(&run->landuse);
    vector_source_close(&run->mask);
    raster_source_close(&run->raster);
    CPLFree(run->crs_text);
}

static const char *crs_name(OGRSpatialReferenceH srs, char *buf, size_t size)
{
    const char *auth = OSRGetAuthorityName(srs, NULL), *code = OSRGetAuthorityCode(srs, NULL);
    const char *name = OSRGetName(srs);
    if (auth && code) snprintf(buf, size, "%s (%s:%s)", name ? name : "unnamed", auth, code);
    else snprintf(buf, size, "%s", name ? name : "unnamed CRS");
    return buf;
}

/* Makes a vector input's coordinates match the target CRS, or explains why not. */
static int align_crs(tally_run *run, vector_source *src, const char *role)
{
    OGRSpatialReferenceH have = vector_source_crs(src), want = run->target_crs;
    const char *target_role = run->raster_mode_input ? "land-use raster" : "zones";
    if (!have && !want) return 0;
    if (!have || !want) {
        snprintf(run->err, sizeof run->err, "the %s layer '%s' %s, but the %s %s; assign the missing CRS first", role,
                 src->layer_name, have ? "has a CRS" : "has no CRS", target_role,
                 run->raster_mode_input ? (want ? "has one" : "has none") : (want ? "have one" : "have none"));
        return 1;
    }
    const char *same_opts[] = {"IGNORE_DATA_AXIS_TO_SRS_AXIS_MAPPING=YES", NULL};
    if (OSRIsSameEx(have, want, same_opts)) return 0;
    char a[256], b[256];
    crs_name(have, a, sizeof a);
    crs_name(want, b, sizeof b);
    if (strcmp(run->args.crs_mismatch, "fail") == 0) {
        snprintf(run->err, sizeof run->err, "the %s layer '%s' is in %s but the %s %s in %s (--crs-mismatch fail)",
                 role, src->layer_name, a, target_role, run->raster_mode_input ? "is" : "are", b);
        return 1;
    }
    fprintf(stderr, "guotu: note: reprojecting the %s layer '%s' from %s to %s\n", role, src->layer_name, a, b);
    return vector_source_reproject_to(src, want, run->err, sizeof run->err);
}

static int open_inputs(tally_run *run)
{
    tally_args *a = &run->args;
    if (vector_source_open(&run->zones, a->zones, a->zones_layer, a->encoding, run->err, sizeof run->err) ||
        vector_source_use_field(&run->zones, a->zone_id, run->err, sizeof run->err))
        return 1;
    if (vector_source_count(&run->zones) == 0) {
        snprintf(run->err, sizeof run->err, "the zones layer '%s' of '%s' has no features", run->zones.layer_name,
                 a->zones);
        return 1;
    }
    run->raster_mode_input = !a->landuse_layer && raster_source_probe(a->landuse);
    if (run->raster_mode_input) {
        if (a->class_field) {
            snprintf(run->err, sizeof run->err, "'%s' is a raster: its cell values are the classes, so drop --class-field",
                     a->landuse);
            return 1;
        }
        if (raster_source_open(&run->raster, a->landuse, run->err, sizeof run->err)) return 1;
        run->target_crs = raster_source_crs(&run->raster);
        if (align_crs(run, &run->zones, "zones")) return 1;
    } else {
        if (!a->class_field) {
            snprintf(run->err, sizeof run->err, "vector land use needs --class-field (the field holding the class code)");
            return 1;
        }
        if (vector_source_open(&run->landuse, a->landuse, a->landuse_layer, a->encoding, run->err, sizeof run->err) ||
            vector_source_use_field(&run->landuse, a->class_field, run->err, sizeof run->err))
            return 1;
        run->target_crs = vector_source_crs(&run->zones);
        if (align_crs(run, &run->landuse, "land-use")) return 1;
    }
    if (a->mask) {
        run->has_mask = 1;
        if (vector_source_open(&run->mask, a->mask, a->mask_layer, a->encoding, run->err, sizeof run->err) ||
            align_crs(run, &run->mask, "mask"))
            return 1;
    }
    if (run->target_crs) {
        const char *wkt_opts[] = {"FORMAT=WKT2_2019", NULL};
        if (OSRExportToWktEx(run->target_crs, &run->crs_text, wkt_opts) != OGRERR_NONE) {
            snprintf(run->err, sizeof run->err, "cannot describe the CRS of the inputs");
            return 1;
        }
    }
    return 0;
}

/* Core failures become "layer/feature" messages already; prefix the status name. */
static int core_failed(tally_run *run, int status)
{
    snprintf(run->err, sizeof run->err, "%s%s", status == GUOTU_ERR_CANCELLED ? "cancelled: " : "",
             guotu_context_last_error(run->ctx));
    return 1;
}

static int feed_zones_and_mask(tally_run *run)
{
    char value[1024];
    int64_t fid;
    const unsigned char *wkb;
    size_t size;
    int more;
    while ((more = vector_source_next(&run->zones, &fid, value, sizeof value, &wkb, &size, run->err,
                                      sizeof run->err)) == 1) {
        int status = guotu_tally_add_zone(run->ctx, run->tally, value, fid, wkb, size);
        if (status) return core_failed(run, status);
    }
    if (more < 0) return 1;
    while (run->has_mask && (more = vector_source_next(&run->mask, &fid, value, sizeof value, &wkb, &size, run->err,
                                                        sizeof run->err)) == 1) {
        int status = guotu_tally_add_mask(run->ctx, run->tally, fid, wkb, size);
        if (status) return core_failed(run, status);
    }
    if (run->has_mask && more < 0) return 1;
    int status = guotu_tally_prepare(run->ctx, run->tally);
    return status ? core_failed(run, status) : 0;
}

static int feed_landuse(tally_run *run)
{
    int status;
    if (run->raster_mode_input) {
        raster_source *r = &run->raster;
        guotu_raster_grid grid;
        memcpy(grid.geotransform, r->geotransform, sizeof grid.geotransform);
        grid.width = r->width;
        grid.height = r->height;
        grid.has_nodata = r->has_nodata;
        grid.nodata = r->nodata;
        status = guotu_tally_set_raster(run->ctx, run->tally, &grid);
        if (status) return core_failed(run, status);
        int64_t row0, nrows;
        int more;
        while ((more = raster_source_next(r, &row0, &nrows, run->err, sizeof run->err)) == 1) {
            status = guotu_tally_add_raster_block(run->ctx, run->tally, row0, 0, nrows, r->width, r->buffer, r->width);
            if (status) return core_failed(run, status);
        }
        return more < 0;
    }
    guotu_tally_set_expected(run->ctx, run->tally, vector_source_count(&run->landuse));
    char value[1024];
    int64_t fid;
    const unsigned char *wkb;
    size_t size;
    int more;
    while ((more = vector_source_next(&run->landuse, &fid, value, sizeof value, &wkb, &size, run->err,
                                      sizeof run->err)) == 1) {
        status = guotu_tally_add_landuse(run->ctx, run->tally, value, fid, wkb, size);
        if (status) return core_failed(run, status);
    }
    return more < 0;
}

static int write_output(tally_run *run, const guotu_tally_stats *st, double seconds)
{
    static const table_column columns[] = {
        {"zone_id", COLUMN_TEXT}, {"class_code", COLUMN_TEXT}, {"area_ha", COLUMN_REAL}};
    table_writer *w = NULL;
    if (table_writer_open(&w, run->args.output, "tally", columns, 3, run->err, sizeof run->err)) return 1;
    size_t n = guotu_tally_result_count(run->tally);
    for (size_t i = 0; i < n; i++) {
        const char *texts[3] = {NULL, NULL, NULL};
        double reals[3] = {0, 0, 0};
        guotu_tally_result(run->ctx, run->tally, i, &texts[0], &texts[1], &reals[2]);
        if (table_writer_row(w, texts, reals, run->err, sizeof run->err)) {
            table_writer_abort(w);
            return 1;
        }
    }
    char repaired[96], seconds_text[32], when[32];
    snprintf(repaired, sizeof repaired, "zones %lld, land use %lld, mask %lld", (long long)st->repaired_zones,
             (long long)st->repaired_landuse, (long long)st->repaired_mask);
    snprintf(seconds_text, sizeof seconds_text, "%.3f", seconds);
    time_t now = time(NULL);
    strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", gmtime(&now));
    const tally_args *a = &run->args;
    const table_meta meta[] = {
        {"guotu_version", guotu_version()},
        {"created_utc", when},
        {"zones", a->zones},
        {"zone_id_field", a->zone_id},
        {"landuse", a->landuse},
        {"class_field", a->class_field ? a->class_field : "(raster values)"},
        {"mask", a->mask ? a->mask : "(none)"},
        {"area_method", a->area},
        {"invalid_policy", a->invalid},
        {"raster_mode", run->raster_mode_input ? a->raster_mode : "(vector)"},
        {"repaired_geometries", repaired},
        {"seconds", seconds_text},
    };
    return table_writer_commit(w, meta, (int)(sizeof meta / sizeof meta[0]), run->err, sizeof run->err);
}

static void print_summary(tally_run *run, const guotu_tally_stats *st, double seconds)
{
    size_t n = guotu_tally_result_count(run->tally);
    printf("Area by zone and land-use class (%s area)\n", run->args.area);
    printf("  zones: %lld, %.2f ha (mask excluded)\n", (long long)st->zones, st->zones_area_ha);
    if (run->raster_mode_input)
        printf("  land use: raster %lld x %lld, %lld nodata cells, %.2f ha\n", (long long)run->raster.width,
               (long long)run->raster.height, (long long)st->nodata_cells, st->landuse_area_ha);
    else
        printf("  land use: %lld polygons, %.2f ha\n", (long long)st->landuse_features, st->landuse_area_ha);
    if (st->repaired_zones || st->repaired_landuse || st->repaired_mask)
        printf("  repaired invalid geometries: zones %lld, land use %lld, mask %lld\n", (long long)st->repaired_zones,
               (long long)st->repaired_landuse, (long long)st->repaired_mask);
    if (st->empty_class_features)
        printf("  empty class: %lld polygons, %.2f ha inside zones (reported as class '')\n",
               (long long)st->empty_class_features, st->empty_class_area_ha);
    printf("  tallied: %.2f ha in %zu (zone, class) rows, %.1f s\n", st->tallied_area_ha, n, seconds);
    /* Region-wide total per class: the first thing a planner checks against the survey. */
    const char *codes[256];
    double areas[256];
    int nclasses = 0;
    for (size_t i = 0; i < n; i++) {
        const char *zone, *code;
        double ha;
        guotu_tally_result(run->ctx, run->tally, i, &zone, &code, &ha);
        int k = 0;
        while (k < nclasses && strcmp(codes[k], code) != 0) k++;
        if (k == nclasses) {
            if (nclasses == 256) continue;
            codes[k] = code;
            areas[k] = 0;
            nclasses++;
        }
        areas[k] += ha;
    }
    printf("  %-12s %16s\n", "class_code", "area_ha");
    for (int k = 0; k < nclasses; k++) printf("  %-12s %16.2f\n", codes[k][0] ? codes[k] : "''", areas[k]);
    printf("  written: %s\n", run->args.output);
}

static int same_file(const char *a, const char *b)
{
    char ra[PATH_MAX], rb[PATH_MAX];
    if (!realpath(a, ra) || !realpath(b, rb)) return 0;
    return strcmp(ra, rb) == 0;
}

int cmd_tally(int argc, char **argv)
{
    tally_run run;
    memset(&run, 0, sizeof run);
    int parsed = parse_tally_args(argc, argv, &run.args);
    if (parsed) return parsed < 0 ? 0 : 2;
    const tally_args *a = &run.args;
    const char *inputs[] = {a->zones, a->landuse, a->mask};
    for (int i = 0; i < 3; i++)
        if (inputs[i] && same_file(inputs[i], a->output))
            return cli_error("refusing to write the output over the input '%s'", inputs[i]);

    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    int failed = open_inputs(&run);
    run.ctx = failed ? NULL : guotu_context_create();
    if (!failed && !run.ctx) {
        snprintf(run.err, sizeof run.err, "out of memory");
        failed = 1;
    }
    if (!failed) {
        progress_bar_init(&run.bar);
        guotu_context_set_progress(run.ctx, progress_bar_update, &run.bar);
        guotu_tally_options o;
        guotu_tally_options_init(&o);
        o.crs = run.crs_text;
        o.area_method = strcmp(a->area, "planar") == 0 ? GUOTU_AREA_PLANAR : GUOTU_AREA_ELLIPSOIDAL;
        o.invalid = strcmp(a->invalid, "fail") == 0 ? GUOTU_INVALID_FAIL : GUOTU_INVALID_REPAIR;
        o.raster_mode = strcmp(a->raster_mode, "exact") == 0 ? GUOTU_RASTER_EXACT : GUOTU_RASTER_CENTRE;
        o.zones_label = run.zones.layer_name;
        o.landuse_label = run.raster_mode_input ? a->landuse : run.landuse.layer_name;
        o.mask_label = run.mask.layer_name;
        int status = guotu_tally_create(run.ctx, &o, &run.tally);
        failed = status ? core_failed(&run, status) : 0;
    }
    if (!failed) failed = feed_zones_and_mask(&run);
    if (!failed) failed = feed_landuse(&run);
    if (!failed) {
        int status = guotu_tally_finish(run.ctx, run.tally);
        failed = status ? core_failed(&run, status) : 0;
    }
    progress_bar_done(&run.bar);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double seconds = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
    guotu_tally_stats st;
    memset(&st, 0, sizeof st);
    if (!failed) {
        guotu_tally_get_stats(run.ctx, run.tally, &st);
        failed = write_output(&run, &st, seconds);
    }
    if (!failed) print_summary(&run, &st, seconds);
    else fprintf(stderr, "guotu tally: error: %s\n", run.err);
    close_run(&run);
    return failed ? 1 : 0;
}
