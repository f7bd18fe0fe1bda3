/* tally_job.c — guotu_tally_job_run (guotu_io.h): the tally runner behind the library's
 * public entry, for callers that hold file names (the QGIS plugin's file layers). */
#include <stdio.h>
#include <string.h>

#include "guotu/guotu_io.h"
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

int guotu_tally_job_run(guotu_context *ctx, const guotu_tally_job *job, guotu_tally **out, guotu_tally_job_info *info) {
    if (!ctx) return GUOTU_ERR_ARGUMENT;
    if (out) *out = NULL;
    if (!job || !out || !job->landuse || (!job->zones && !job->zone_code_field) || (job->zones && !job->zone_id_field))
        return guotu_context_fail(ctx, GUOTU_ERR_ARGUMENT,
                                  "guotu_tally_job_run: the land use and the zones (a layer with its id field, or "
                                  "a zone code field) are required");
    tally_inputs in;
    memset(&in, 0, sizeof in);
    in.zones = job->zones;
    in.zones_layer = job->zones_layer;
    in.zones_where = job->zones_where;
    in.zone_id = job->zone_id_field;
    in.zone_code_field = job->zone_code_field;
    in.zone_code_length = job->zone_code_length;
    in.landuse = job->landuse;
    in.landuse_layer = job->landuse_layer;
    in.landuse_where = job->landuse_where;
    in.class_field = job->class_field;
    in.class_option = "the class field";
    in.mask = job->mask;
    in.mask_layer = job->mask_layer;
    in.mask_where = job->mask_where;
    in.area = job->area_method == GUOTU_AREA_PLANAR ? "planar" : "ellipsoidal";
    in.invalid = job->invalid == GUOTU_INVALID_FAIL ? "fail" : "repair";
    in.raster_mode = job->raster_mode == GUOTU_RASTER_CENTRE ? "centre" : "exact";
    in.crs_mismatch = job->crs_mismatch_fail ? "fail" : "reproject";
    in.encoding = job->encoding;
    in.threads = job->threads;
    in.deduction = job->deduction_field ? job->deduction_field : "none";
    in.deducted_class = job->deducted_class ? job->deducted_class : "1203";
    in.area_check_field = job->area_check_field;
    in.area_check_abs = job->area_check_abs;
    in.area_check_rel = job->area_check_rel;
    finding_relay relay = {job};
    if (job->area_finding) {
        in.area_finding = relay_finding;
        in.area_finding_user = &relay;
    }
    in.note = job->note;
    in.note_user = job->note_user;
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
