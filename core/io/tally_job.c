/* tally_job.c — guotu_tally_job_run (guotu_io.h): the tally runner behind the library's
 * public entry, for callers that hold file names (the QGIS plugin's file layers). */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <string.h>

#include "guotu/guotu_io.h"
#include "io_util.h"
#include "tally_output.h"
#include "tally_runner.h"

void guotu_tally_job_init(guotu_tally_job *job) {
    if (!job) return;
    memset(job, 0, sizeof *job);
    job->area_method = GUOTU_AREA_ELLIPSOIDAL;
    job->invalid = GUOTU_INVALID_REPAIR;
    job->raster_mode = GUOTU_RASTER_EXACT;
    job->area_check_abs = 0.1;
    job->area_check_rel = 1e-6;
}

/* The runner's finding callback, handing the finding to the job's. */
typedef struct finding_relay {
    const guotu_tally_job *job;
} finding_relay;

static int relay_finding(const area_finding *f, void *user, char *err, size_t err_size) {
    const finding_relay *relay = user;
    guotu_area_finding out = {f->fid, f->bsm, f->tbbh, f->class_code, f->official_m2, f->computed_m2};
    if (!relay->job->area_finding(&out, relay->job->area_finding_user)) return 0;
    snprintf(err, err_size, "cancelled: stopped by the area check's receiver");
    return 1;
}

static void copy_info(const tally_info *from, guotu_tally_job_info *to) {
    memset(to, 0, sizeof *to);
    to->raster = from->raster;
    snprintf(to->deduction_field, sizeof to->deduction_field, "%s", from->deduction_field);
    snprintf(to->landuse_layer, sizeof to->landuse_layer, "%s", from->landuse_layer);
    snprintf(to->area_check_field, sizeof to->area_check_field, "%s", from->area_check_field);
    snprintf(to->area_check_method, sizeof to->area_check_method, "%s", from->area_check_method);
    to->area_checked = from->area_checked;
    to->area_findings = from->area_findings;
    to->area_no_official = from->area_no_official;
    memcpy(to->area_no_official_fids, from->area_no_official_fids, sizeof to->area_no_official_fids);
    to->area_largest_m2 = from->area_largest_m2;
    to->area_largest_fid = from->area_largest_fid;
}

/* The runner's inputs for `job` (its finding callback relayed through `relay`). */
static void fill_inputs(const guotu_tally_job *job, tally_inputs *in_, finding_relay *relay) {
    memset(in_, 0, sizeof *in_);
    in_->zones = job->zones;
    in_->zones_layer = job->zones_layer;
    in_->zones_where = job->zones_where;
    in_->zone_id = job->zone_id_field;
    in_->zone_code_field = job->zone_code_field;
    in_->zone_code_length = job->zone_code_length;
    in_->landuse = job->landuse;
    in_->landuse_layer = job->landuse_layer;
    in_->landuse_where = job->landuse_where;
    in_->class_field = job->class_field;
    in_->class_option = "the class field";
    in_->mask = job->mask;
    in_->mask_layer = job->mask_layer;
    in_->mask_where = job->mask_where;
    in_->area = job->area_method == GUOTU_AREA_PLANAR ? "planar" : "ellipsoidal";
    in_->invalid = job->invalid == GUOTU_INVALID_FAIL ? "fail" : "repair";
    in_->raster_mode = job->raster_mode == GUOTU_RASTER_CENTRE ? "centre" : "exact";
    in_->crs_mismatch = job->crs_mismatch_fail ? "fail" : "reproject";
    in_->encoding = job->encoding;
    in_->threads = job->threads;
    in_->deduction = job->deduction_field ? job->deduction_field : "none";
    in_->deducted_class = job->deducted_class ? job->deducted_class : "1203";
    in_->area_check_field = job->area_check_field;
    in_->area_check_abs = job->area_check_abs;
    in_->area_check_rel = job->area_check_rel;
    if (job->area_finding) {
        in_->area_finding = relay_finding;
        in_->area_finding_user = relay;
    }
    in_->note = job->note;
    in_->note_user = job->note_user;
}

int guotu_tally_job_run(guotu_context *ctx, const guotu_tally_job *job, guotu_tally **out, guotu_tally_job_info *info) {
    if (!ctx) return GUOTU_ERR_ARGUMENT;
    if (out) *out = NULL;
    if (!job || !out || !job->landuse || (!job->zones && !job->zone_code_field) || (job->zones && !job->zone_id_field))
        return guotu_context_fail(ctx, GUOTU_ERR_ARGUMENT,
                                  "guotu_tally_job_run: the land use and the zones (a layer with its id field, or "
                                  "a zone code field) are required");
    tally_inputs in;
    finding_relay relay = {job};
    fill_inputs(job, &in, &relay);
    /* in.progress stays NULL: the context's own progress callback (and cancel) is the one used */
    tally_info run_info;
    char err[2048] = "";
    guotu_tally *t = NULL;
    if (tally_runner_run(ctx, &in, &t, &run_info, err, sizeof err)) {
        int status = run_info.status                    ? run_info.status
                     : !strncmp(err, "cancelled: ", 11) ? GUOTU_ERR_CANCELLED
                                                        : GUOTU_ERR_IO;
        return guotu_context_fail(ctx, status, err);
    }
    if (info) copy_info(&run_info, info);
    *out = t;
    return GUOTU_OK;
}

/* The finding goes to the findings table, then to the job's own receiver (if any). */
typedef struct file_finding {
    tally_output *output;
    finding_relay relay;
} file_finding;

static int file_finding_write(const area_finding *f, void *user, char *err, size_t err_size) {
    file_finding *ff = user;
    if (tally_output_finding(f, ff->output, err, err_size)) return 1;
    return ff->relay.job->area_finding ? relay_finding(f, &ff->relay, err, err_size) : 0;
}

int guotu_tally_file_job_run(guotu_context *ctx, const guotu_tally_file_job *job, guotu_tally_job_info *info) {
    if (!ctx) return GUOTU_ERR_ARGUMENT;
    if (info) memset(info, 0, sizeof *info);
    const guotu_tally_job *tj = job ? job->tally : NULL;
    if (!job || !tj || !tj->landuse || (!tj->zones && !tj->zone_code_field) || (tj->zones && !tj->zone_id_field))
        return guotu_context_fail(ctx, GUOTU_ERR_ARGUMENT,
                                  "guotu_tally_file_job_run: the land use and the zones (a layer with its id field, "
                                  "or a zone code field) are required");
    if (!job->output || !(io_ends_with(job->output, ".gpkg") || io_ends_with(job->output, ".csv")))
        return guotu_context_fail(ctx, GUOTU_ERR_ARGUMENT,
                                  "guotu_tally_file_job_run: the output must be a .gpkg or "
                                  "a .csv file");
    if (job->names && (!job->names_id_field || !job->names_name_field))
        return guotu_context_fail(ctx, GUOTU_ERR_ARGUMENT,
                                  "guotu_tally_file_job_run: zone names need their code "
                                  "and name fields");
    char err[2400] = "", check_csv[PATH_MAX] = "";
    size_t n = strlen(job->output);
    if (tj->area_check_field && io_ends_with(job->output, ".csv") &&
        snprintf(check_csv, sizeof check_csv, "%.*s_area_check.csv", (int)(n - 4), job->output) >=
            (int)sizeof check_csv)
        return guotu_context_fail(ctx, GUOTU_ERR_ARGUMENT, "guotu_tally_file_job_run: the output's name is too long");
    const char *inputs[] = {tj->zones, tj->landuse, tj->mask, job->names};
    const char *outputs[] = {job->output, check_csv[0] ? check_csv : NULL};
    if (io_refuse_overwrite(inputs, 4, outputs, 2, err, sizeof err))
        return guotu_context_fail(ctx, GUOTU_ERR_ARGUMENT, err);
    zone_names *names = NULL;
    if (job->names && !(names = zone_names_read(job->names, job->names_layer, job->names_id_field,
                                                job->names_name_field, tj->encoding, err, sizeof err)))
        return guotu_context_fail(ctx, GUOTU_ERR_IO, err);
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    tally_inputs in;
    file_finding ff;
    ff.relay.job = tj;
    fill_inputs(tj, &in, &ff.relay);
    tally_output out;
    tally_output_spec spec = {&in,
                              job->output,
                              check_csv[0] ? check_csv : NULL,
                              names,
                              job->names,
                              job->names_id_field,
                              job->names_name_field};
    int status = GUOTU_ERR_IO;
    guotu_tally *t = NULL;
    tally_info run_info;
    memset(&run_info, 0, sizeof run_info);
    int failed = tally_output_open(&out, &spec, err, sizeof err);
    if (!failed) {
        ff.output = &out;
        in.area_finding = file_finding_write;
        in.area_finding_user = &ff;
        failed = tally_runner_run(ctx, &in, &t, &run_info, err, sizeof err);
        if (failed)
            status = run_info.status                    ? run_info.status
                     : !strncmp(err, "cancelled: ", 11) ? GUOTU_ERR_CANCELLED
                                                        : GUOTU_ERR_IO;
    }
    if (!failed) {
        clock_gettime(CLOCK_MONOTONIC, &t1);
        double seconds = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
        guotu_tally_stats st;
        memset(&st, 0, sizeof st);
        guotu_tally_get_stats(ctx, t, &st);
        failed = tally_output_write(ctx, t, &out, &run_info, &st, seconds, err, sizeof err);
    }
    tally_output_abort(&out); /* whatever was not committed */
    guotu_tally_destroy(ctx, t);
    zone_names_free(names);
    if (failed) return guotu_context_fail(ctx, status, err);
    if (info) copy_info(&run_info, info);
    return GUOTU_OK;
}
