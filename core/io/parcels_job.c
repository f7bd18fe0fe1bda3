/* parcels_job.c — guotu_parcels_job_run (guotu_io.h): the rectification parcel check from
 * files (SPEC §5). Reads the presets, the parcels, the three lines, the villages, units and
 * river beaches (each reprojected into the parcels' CRS), runs the core's check and writes
 * its tables (parcels_output.c). Errors, progress and cancel go through the caller's context;
 * notes through the job's callback; nothing is printed. */
#include <cpl_conv.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io_util.h"
#include "job_checks.h"
#include "parcels_job.h"
#include "resources.h"

/* Features read between two calls of the context's progress callback (which may cancel). */
enum { READ_PROGRESS_EVERY = 4096 };

void guotu_parcels_job_init(guotu_parcels_job *job) {
    if (!job) return;
    memset(job, 0, sizeof *job);
    guotu_parcels_options o;
    guotu_parcels_options_init(&o);
    job->area_method = o.area_method;
    job->tolerance_m2 = o.tolerance_m2;
    job->new_cultivated_min = o.new_cultivated_min;
    job->farmland_gain_min = o.farmland_gain_min;
}

static int core_error(parcels_run *r, int status, const char *what) {
    snprintf(r->err, sizeof r->err, "%s%s%s", what ? what : "", what ? ": " : "", guotu_context_last_error(r->ctx));
    r->status = status;
    return 1;
}

/* Every READ_PROGRESS_EVERY features of a layer: the context's progress callback, which may
 * cancel the run. */
static int read_progress(parcels_run *r, int64_t count, const char *role, const char *layer) {
    if (!job_read_progress(r->ctx, count, READ_PROGRESS_EVERY, role, layer, r->err, sizeof r->err)) return 0;
    r->status = GUOTU_ERR_CANCELLED;
    return 1;
}

/* The river-beach codes of a system from presets/parcels/river_beach_codes.csv. */
static int preset_beach_codes(parcels_run *r, const char *system) {
    return resources_preset_codes(r->a.job->resources, "river_beach_codes", "parcels", system, r->beach_codes,
                                  sizeof r->beach_codes, r->err, sizeof r->err);
}

static int load_tables(parcels_run *r) {
    const parcels_args *a = &r->a;
    char source[1200];
    size_t n = 0;
    const char *systems[2] = {a->job->current_system, a->job->planned_system};
    for (int side = 0; side < 2; side++) {
        int core = 0;
        if (resources_load_system(r->ctx, r->a.job->resources, systems[side], &r->maps[side], &r->k[side], &core,
                                  r->err, sizeof r->err)) {
            if (core) return core_error(r, core, NULL);
            if (!classification_system_known(systems[side])) r->status = GUOTU_ERR_ARGUMENT;
            return 1;
        }
    }
    char *text = table_text_load_from(r->a.job->resources, a->policy, "conversion", source, sizeof source, &n, r->err,
                                      sizeof r->err);
    if (!text) return 1;
    int status = guotu_policy_parse(r->ctx, text, n, source, &r->policy);
    free(text);
    if (status) return core_error(r, status, NULL);
    text = table_text_load_from(r->a.job->resources, a->types, "parcels", source, sizeof source, &n, r->err,
                                sizeof r->err);
    if (!text) return 1;
    status = guotu_project_types_parse(r->ctx, text, n, source, &r->types);
    free(text);
    if (status) return core_error(r, status, NULL);
    if (a->job->river_beach_codes)
        snprintf(r->beach_codes, sizeof r->beach_codes, "%s", a->job->river_beach_codes);
    else if (preset_beach_codes(r, a->job->current_system))
        return 1;
    return 0;
}

/* Opens a layer and brings it into the parcels' CRS. */
static int open_aligned(parcels_run *r, vector_source *src, const char *path, const char *layer, const char *role) {
    if (vector_source_open(src, path, layer, r->a.job->encoding, r->err, sizeof r->err)) return 1;
    layer_crs_target t = {
        .srs = r->srs, .words = "the parcels", .plural = 1, .note = r->a.job->note, .note_user = r->a.job->note_user};
    if (!layer_crs_align(&t, src, role, NULL, r->err, sizeof r->err)) return 0;
    if (!vector_source_crs(src) != !r->srs) r->status = GUOTU_ERR_CRS;
    return 1;
}

/* Each line from its own layer when given (redline ...), otherwise from the workspace. */
static int read_lines(parcels_run *r) {
    static const char *const layers[3] = {"ecological_redline", "permanent_farmland", "urban_boundary"};
    static const char *const roles[3] = {"red line", "farmland", "urban boundary"};
    for (int line = 0; line < 3; line++) {
        vector_source src;
        memset(&src, 0, sizeof src);
        const char *own = r->a.line_file[line];
        if (own ? open_aligned(r, &src, own, r->a.line_layer[line], roles[line])
                : open_aligned(r, &src, r->a.job->workspace, layers[line], "workspace")) {
            if (!own) workspace_layer_message(r->err, sizeof r->err, layers[line]);
            vector_source_close(&src);
            return 1;
        }
        char value[8];
        int64_t fid, count = 0;
        const unsigned char *wkb;
        size_t size;
        int more;
        while ((more = vector_source_next(&src, &fid, value, sizeof value, &wkb, &size, r->err, sizeof r->err)) == 1) {
            int status = wkb ? guotu_parcels_add_line(r->ctx, r->check, (guotu_line)line, fid, wkb, size) : GUOTU_OK;
            if (status || read_progress(r, ++count, roles[line], src.layer_name)) {
                if (status) core_error(r, status, layers[line]);
                vector_source_close(&src);
                return 1;
            }
        }
        vector_source_close(&src);
        if (more < 0) return 1;
    }
    return 0;
}

typedef enum region_kind { REGION_VILLAGE, REGION_UNIT, REGION_BEACH } region_kind;

static int read_regions(parcels_run *r, region_kind kind) {
    const guotu_parcels_job *a = r->a.job;
    const char *path = kind == REGION_VILLAGE ? a->villages : kind == REGION_UNIT ? a->units : a->river_beaches;
    const char *layer = kind == REGION_VILLAGE ? a->villages_layer
                        : kind == REGION_UNIT  ? a->units_layer
                                               : a->river_beaches_layer;
    const char *id_field = kind == REGION_VILLAGE ? a->village_id_field : kind == REGION_UNIT ? a->unit_id_field : NULL;
    const char *name_field = kind == REGION_VILLAGE ? a->village_name_field
                             : kind == REGION_UNIT  ? a->unit_name_field
                                                    : NULL;
    const char *role = kind == REGION_VILLAGE ? "villages"
                       : kind == REGION_UNIT  ? "consolidation units"
                                              : "river beaches";
    if (!path) return 0;
    vector_source src;
    memset(&src, 0, sizeof src);
    int failed = open_aligned(r, &src, path, layer, role) ||
                 (id_field && vector_source_use_field(&src, id_field, r->err, sizeof r->err));
    int name = !failed && name_field ? vector_source_field(&src, name_field, r->err, sizeof r->err) : -1;
    int cult = !failed && kind == REGION_UNIT && a->unit_cultivated_field
                   ? vector_source_field(&src, a->unit_cultivated_field, r->err, sizeof r->err)
                   : -1;
    if ((name_field && name < 0) || (kind == REGION_UNIT && a->unit_cultivated_field && cult < 0)) failed = 1;
    char id[512];
    int64_t fid;
    const unsigned char *wkb;
    size_t size;
    int more = 0, count = 0;
    while (!failed && (more = vector_source_next(&src, &fid, id, sizeof id, &wkb, &size, r->err, sizeof r->err)) == 1) {
        if (!wkb) continue;
        count++;
        int status;
        if (kind == REGION_BEACH) {
            status = guotu_parcels_add_river_beach(r->ctx, r->check, fid, wkb, size);
        } else if (kind == REGION_VILLAGE) {
            status = guotu_parcels_add_village(r->ctx, r->check, id, name >= 0 ? vector_source_text(&src, name) : "",
                                               fid, wkb, size);
        } else {
            double original = NAN;
            if (cult >= 0 && !vector_source_real(&src, cult, &original)) original = NAN;
            status = guotu_parcels_add_unit(r->ctx, r->check, id, name >= 0 ? vector_source_text(&src, name) : "",
                                            original, fid, wkb, size);
        }
        if (status) {
            char where[600];
            snprintf(where, sizeof where, "layer '%s' of '%s'", src.layer_name, path);
            failed = core_error(r, status, where);
        } else
            failed = read_progress(r, count, role, src.layer_name);
    }
    if (more < 0) failed = 1;
    if (!failed && !count) {
        snprintf(r->err, sizeof r->err, "the %s layer '%s' has no features", role, path);
        r->status = GUOTU_ERR_DATA;
        failed = 1;
    }
    vector_source_close(&src);
    return failed;
}

static int keep_geometry(parcels_run *r, int64_t fid, const unsigned char *wkb, size_t size) {
    if (r->parcel_count == r->parcel_cap) {
        size_t cap = r->parcel_cap ? r->parcel_cap * 2 : 256;
        unsigned char **w = realloc(r->parcel_wkb, cap * sizeof *w);
        if (w) r->parcel_wkb = w;
        size_t *s = realloc(r->parcel_wkb_size, cap * sizeof *s);
        if (s) r->parcel_wkb_size = s;
        int64_t *f = realloc(r->parcel_fids, cap * sizeof *f);
        if (f) r->parcel_fids = f;
        if (!w || !s || !f) return 1;
        r->parcel_cap = cap;
    }
    unsigned char *copy = malloc(size);
    if (!copy) return 1;
    memcpy(copy, wkb, size);
    r->parcel_wkb[r->parcel_count] = copy;
    r->parcel_wkb_size[r->parcel_count] = size;
    r->parcel_fids[r->parcel_count++] = fid;
    return 0;
}

static int read_parcels(parcels_run *r, vector_source *src) {
    const guotu_parcels_job *a = r->a.job;
    if (vector_source_use_field(src, a->parcel_id_field, r->err, sizeof r->err)) return 1;
    int type = vector_source_field(src, a->type_field, r->err, sizeof r->err);
    int current = type < 0 ? -1 : vector_source_field(src, a->current_field, r->err, sizeof r->err);
    int planned = current < 0 ? -1 : vector_source_field(src, a->planned_field, r->err, sizeof r->err);
    int project =
        planned < 0 || !a->project_field ? -1 : vector_source_field(src, a->project_field, r->err, sizeof r->err);
    if (type < 0 || current < 0 || planned < 0 || (a->project_field && project < 0)) return 1;
    char id[512];
    int64_t fid;
    const unsigned char *wkb;
    size_t size;
    int more;
    while ((more = vector_source_next(src, &fid, id, sizeof id, &wkb, &size, r->err, sizeof r->err)) == 1) {
        if (!wkb) {
            snprintf(r->err, sizeof r->err, "parcels layer '%s', feature %lld (parcel '%s'): no geometry",
                     src->layer_name, (long long)fid, id);
            r->status = GUOTU_ERR_DATA;
            return 1;
        }
        guotu_parcel_input in = {id,
                                 vector_source_text(src, type),
                                 project >= 0 ? vector_source_text(src, project) : "",
                                 vector_source_text(src, current),
                                 vector_source_text(src, planned),
                                 fid};
        int status = guotu_parcels_add(r->ctx, r->check, &in, wkb, size);
        if (status) return core_error(r, status, NULL);
        if (keep_geometry(r, fid, wkb, size)) {
            snprintf(r->err, sizeof r->err, "out of memory");
            r->status = GUOTU_ERR_NOMEM;
            return 1;
        }
        if (read_progress(r, (int64_t)r->parcel_count, "parcels", src->layer_name)) return 1;
    }
    return more < 0;
}

static void run_free(parcels_run *r) {
    gpkg_writer_abort(r->out);
    parcels_free_schemas(r);
    guotu_parcels_destroy(r->ctx, r->check);
    guotu_project_types_destroy(r->ctx, r->types);
    for (int s = 0; s < 2; s++) {
        guotu_category_map_destroy(r->ctx, r->maps[s]);
        guotu_coefficients_destroy(r->ctx, r->k[s]);
    }
    guotu_policy_destroy(r->ctx, r->policy);
    for (size_t i = 0; i < r->parcel_count; i++)
        free(r->parcel_wkb[i]);
    free(r->parcel_wkb);
    free(r->parcel_wkb_size);
    free(r->parcel_fids);
    if (r->srs) OSRDestroySpatialReference(r->srs);
    CPLFree(r->crs_wkt);
}

static int check(parcels_run *r) {
    const guotu_parcels_job *a = r->a.job;
    const char *inputs[] = {a->parcels, a->workspace, a->villages,       a->units,          a->river_beaches,
                            r->a.types, r->a.policy,  r->a.line_file[0], r->a.line_file[1], r->a.line_file[2]};
    char csvs[3][1100];
    static const char *const csv_names[3] = {"parcel_checks", "project_checks", "village_totals"};
    for (int t = 0; t < 3; t++)
        snprintf(csvs[t], sizeof csvs[t], "%.1000s/%s.csv", a->csv_dir ? a->csv_dir : "", csv_names[t]);
    const char *outputs[] = {a->output, a->xlsx, a->csv_dir ? csvs[0] : NULL, a->csv_dir ? csvs[1] : NULL,
                             a->csv_dir ? csvs[2] : NULL};
    if (io_refuse_overwrite(inputs, 10, outputs, 5, r->err, sizeof r->err)) {
        r->status = GUOTU_ERR_ARGUMENT;
        return 1;
    }
    if (parcels_load_schemas(r) || load_tables(r)) return 1;
    vector_source parcels;
    memset(&parcels, 0, sizeof parcels);
    if (vector_source_open(&parcels, a->parcels, a->parcels_layer, a->encoding, r->err, sizeof r->err)) return 1;
    OGRSpatialReferenceH srs = vector_source_crs(&parcels);
    const char *wkt_opts[] = {"FORMAT=WKT2_2019", NULL};
    if (srs) {
        r->srs = OSRClone(srs);
        OSRExportToWktEx(srs, &r->crs_wkt, wkt_opts);
    }
    r->a.o.crs = r->crs_wkt;
    r->a.o.river_beach_codes = r->beach_codes;
    r->a.o.parcels_label = parcels.layer_name;
    int status =
        guotu_parcels_create(r->ctx, &r->a.o, r->types, r->maps[0], r->maps[1], r->policy, r->k[0], r->k[1], &r->check);
    int failed = status ? core_error(r, status, NULL) : read_parcels(r, &parcels);
    vector_source_close(&parcels);
    if (failed) return 1;
    if (read_lines(r) || read_regions(r, REGION_VILLAGE) || read_regions(r, REGION_UNIT) ||
        read_regions(r, REGION_BEACH))
        return 1;
    if (parcels_open_output(r)) return 1;
    status = guotu_parcels_run(r->ctx, r->check, parcels_write_reason, r);
    if (status) {
        /* A reason the writer could not write left its own message (a file error). */
        if (!r->err[0]) core_error(r, status, NULL);
        return 1;
    }
    if (parcels_write_results(r)) return 1;
    /* The meeting tables first: the GeoPackage lands only when everything was written. */
    if (parcels_write_tables(r)) return 1;
    failed = gpkg_writer_commit(r->out, r->err, sizeof r->err);
    r->out = NULL;
    return failed;
}

/* What the job lacks, or NULL when it can run. */
static const char *job_problem(const guotu_parcels_job *job) {
    if (!job->parcels || !job->parcel_id_field || !job->type_field || !job->current_field || !job->planned_field ||
        !job->current_system || !job->planned_system || !job->output)
        return "the parcels, their id, type, current and planned code fields, the two classification "
               "systems and the output are required";
    if (!job->workspace && (!job->redline || !job->farmland || !job->urban))
        return "the three lines need a workspace, or all three of the red line, farmland and urban boundary";
    if (job->villages && !job->village_id_field) return "the villages need their id field";
    if (job->units && !job->unit_id_field) return "the consolidation units need their id field";
    const double numbers[] = {job->tolerance_m2, job->new_cultivated_min, job->farmland_gain_min};
    return job_output_problem(
        job->area_method, numbers, 3,
        "the tolerance, the new cultivated minimum and the farmland gain minimum must be numbers >= 0", job->output,
        job->xlsx);
}

int guotu_parcels_job_run(guotu_context *ctx, const guotu_parcels_job *job) {
    int refused = job_entry(ctx, "guotu_parcels_job_run", job, job ? job_problem(job) : NULL);
    if (refused) return refused;
    parcels_run *r = calloc(1, sizeof *r);
    if (!r) return guotu_context_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
    r->ctx = ctx;
    r->status = GUOTU_ERR_IO;
    r->a.job = job;
    r->a.line_file[GUOTU_LINE_REDLINE] = job->redline;
    r->a.line_layer[GUOTU_LINE_REDLINE] = job->redline_layer;
    r->a.line_file[GUOTU_LINE_FARMLAND] = job->farmland;
    r->a.line_layer[GUOTU_LINE_FARMLAND] = job->farmland_layer;
    r->a.line_file[GUOTU_LINE_URBAN] = job->urban;
    r->a.line_layer[GUOTU_LINE_URBAN] = job->urban_layer;
    r->a.types = job->project_types ? job->project_types : "project_types";
    r->a.policy = job->policy ? job->policy : "policy";
    r->a.area = job->area_method == GUOTU_AREA_PLANAR ? "planar" : "ellipsoidal";
    guotu_parcels_options_init(&r->a.o);
    r->a.o.area_method = job->area_method;
    r->a.o.tolerance_m2 = job->tolerance_m2;
    r->a.o.new_cultivated_min = job->new_cultivated_min;
    r->a.o.farmland_gain_min = job->farmland_gain_min;
    int status = GUOTU_OK;
    if (check(r))
        status = guotu_context_fail(ctx, r->status ? r->status : GUOTU_ERR_IO, r->err);
    else if (job->report)
        job->report(ctx, r->check, job->report_user);
    run_free(r);
    free(r);
    return status;
}
