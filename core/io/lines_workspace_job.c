/* lines_workspace_job.c — guotu_lines_workspace_job_run (guotu_io.h): a new three-lines
 * workspace GeoPackage (三区三线, SPEC §8). Reads the workspace schema
 * (resources/presets/lines/workspace_schema.csv), places a workspace asked for in degrees in
 * the Gauss-Krüger zone of the data it is for, and writes the empty layers, the exceptions
 * table and their default styles. Errors, progress and cancel go through the caller's
 * context; nothing is printed. */
#include <gdal/gdal.h>
#include <gdal/ogr_api.h>
#include <gdal/ogr_srs_api.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "gpkg_styles.h"
#include "gpkg_writer.h"
#include "guotu/guotu_io.h"
#include "io_util.h"
#include "job_checks.h"
#include "metric_zone.h"
#include "resources.h"

enum { MAX_COLUMNS = 32, MAX_LAYERS = 8 };

static const char *const function_name = "guotu_lines_workspace_job_run";

typedef struct schema_layer {
    char name[64];
    table_column columns[MAX_COLUMNS];
    char names[MAX_COLUMNS][64], aliases[MAX_COLUMNS][128];
    int ncolumns;
} schema_layer;

void guotu_lines_workspace_job_init(guotu_lines_workspace_job *job) {
    if (job) memset(job, 0, sizeof *job);
}

/* Reads the schema CSV (through OGR's CSV driver) into layers in file order. */
static int read_schema(schema_layer *layers, int *nlayers, char *err, size_t err_size) {
    char path[1200];
    snprintf(path, sizeof path, "%.1000s/presets/lines/workspace_schema.csv", resources_dir());
    GDALDatasetH ds = GDALOpenEx(path, GDAL_OF_VECTOR | GDAL_OF_READONLY, NULL, NULL, NULL);
    OGRLayerH csv = ds ? GDALDatasetGetLayer(ds, 0) : NULL;
    if (!csv) {
        snprintf(err, err_size, "cannot read the workspace schema '%.900s'", path);
        if (ds) GDALClose(ds);
        return 1;
    }
    *nlayers = 0;
    OGRFeatureH f;
    int failed = 0;
    while (!failed && (f = OGR_L_GetNextFeature(csv))) {
        const char *layer = OGR_F_GetFieldAsString(f, OGR_F_GetFieldIndex(f, "layer"));
        int k = 0;
        while (k < *nlayers && strcmp(layers[k].name, layer))
            k++;
        if (k == *nlayers) {
            if (k == MAX_LAYERS)
                failed = 1;
            else
                snprintf(layers[(*nlayers)++].name, sizeof layers[k].name, "%s", layer);
        }
        if (failed || layers[k].ncolumns == MAX_COLUMNS) {
            snprintf(err, err_size, "the workspace schema has too many layers or fields");
            failed = 1;
        } else {
            schema_layer *l = &layers[k];
            int c = l->ncolumns++;
            const char *type = OGR_F_GetFieldAsString(f, OGR_F_GetFieldIndex(f, "type"));
            snprintf(l->names[c], sizeof l->names[c], "%s", OGR_F_GetFieldAsString(f, OGR_F_GetFieldIndex(f, "field")));
            snprintf(l->aliases[c], sizeof l->aliases[c], "%s",
                     OGR_F_GetFieldAsString(f, OGR_F_GetFieldIndex(f, "name_zh")));
            l->columns[c].name = l->names[c];
            l->columns[c].alias = l->aliases[c];
            l->columns[c].type = !strcmp(type, "real")      ? COLUMN_REAL
                                 : !strcmp(type, "integer") ? COLUMN_INTEGER
                                                            : COLUMN_TEXT;
            l->columns[c].width = OGR_F_GetFieldAsInteger(f, OGR_F_GetFieldIndex(f, "width"));
        }
        OGR_F_Destroy(f);
    }
    GDALClose(ds);
    return failed;
}

/* The CRS of the workspace into *srs (x east): job->crs, or, when that is geographic and
 * job->zone_from is given, the Gauss-Krüger zone of that data's centre (zone_crs set to its
 * "EPSG:NNNN", with a note). GUOTU_OK or a status with the context's error set. */
static int workspace_crs(guotu_context *ctx, const guotu_lines_workspace_job *job, OGRSpatialReferenceH *out,
                         char *zone_crs, size_t zone_size) {
    char err[1500];
    OGRSpatialReferenceH srs = OSRNewSpatialReference(NULL);
    if (!srs) return guotu_context_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
    if (OSRSetFromUserInput(srs, job->crs) != OGRERR_NONE) {
        OSRDestroySpatialReference(srs);
        snprintf(err, sizeof err, "'%.1000s' is not a CRS GDAL knows (try EPSG:4527)", job->crs);
        return guotu_context_fail(ctx, GUOTU_ERR_CRS, err);
    }
    const char *crs = job->crs;
    if (OSRIsGeographic(srs) && job->zone_from) {
        /* The Gauss-Krüger zone of the data the workspace is for (SPEC §8). */
        OSRSetAxisMappingStrategy(srs, OAMS_TRADITIONAL_GIS_ORDER);
        metric_extent e;
        metric_extent_init(&e);
        char what[1200], en[600], zh[768];
        snprintf(what, sizeof what, "--zone-from '%.1000s'", job->zone_from);
        OGRSpatialReferenceH zone = NULL;
        if (metric_extent_add_file(&e, job->zone_from, NULL, srs, err, sizeof err)) {
            OSRDestroySpatialReference(srs);
            return guotu_context_fail(ctx, GUOTU_ERR_IO, err);
        }
        if (metric_zone_choose(srs, &e, what, &zone, en, sizeof en, zh, sizeof zh, err, sizeof err)) {
            OSRDestroySpatialReference(srs);
            return guotu_context_fail(ctx, GUOTU_ERR_ARGUMENT, err);
        }
        if (zone) {
            snprintf(zone_crs, zone_size, "EPSG:%s", OSRGetAuthorityCode(zone, NULL));
            if (job->note) {
                char note[2400];
                snprintf(note, sizeof note,
                         "the workspace is made in %s (%s), the Gauss-Krüger zone of the centre of '%.1000s', "
                         "instead of %.1000s (degrees)",
                         zone_crs, OSRGetName(zone), job->zone_from, job->crs);
                job->note(note, job->note_user);
            }
            OSRDestroySpatialReference(srs);
            srs = zone;
            crs = zone_crs;
        }
    }
    /* Sliver widths, gaps and patch sizes are metres: a workspace in degrees could not be checked. */
    int status = guotu_crs_require_metres(ctx, crs, "a three-lines workspace");
    if (status != GUOTU_OK) {
        char why[1200];
        snprintf(why, sizeof why, "%s%s", guotu_context_last_error(ctx),
                 OSRIsGeographic(srs) ? "; or give --zone-from FILE (the data the workspace is for) to make it in the "
                                        "Gauss-Krüger zone of that data's centre"
                                      : "");
        OSRDestroySpatialReference(srs);
        return guotu_context_fail(ctx, status, why);
    }
    *out = srs;
    return GUOTU_OK;
}

int guotu_lines_workspace_job_run(guotu_context *ctx, const guotu_lines_workspace_job *job,
                                  guotu_lines_workspace_job_info *info) {
    if (info) memset(info, 0, sizeof *info);
    const char *problem = !job                                                  ? NULL
                          : !job->output || !io_ends_with(job->output, ".gpkg") ? "the workspace must be a .gpkg file"
                          : !job->crs || !*job->crs                             ? "no CRS"
                                                                                : NULL;
    int status = job_entry(ctx, function_name, job, problem);
    if (status != GUOTU_OK) return status;
    char err[1500] = "";
    struct stat st;
    if (stat(job->output, &st) == 0) {
        snprintf(err, sizeof err,
                 "'%.1000s' exists: a workspace holds drawing work, so it is never replaced; choose another name",
                 job->output);
        return guotu_context_fail(ctx, GUOTU_ERR_ARGUMENT, err);
    }
    GDALAllRegister();
    OGRSpatialReferenceH srs = NULL;
    char zone_crs[32] = "";
    status = workspace_crs(ctx, job, &srs, zone_crs, sizeof zone_crs);
    if (status != GUOTU_OK) return status;
    schema_layer *layers = calloc(MAX_LAYERS, sizeof *layers);
    if (!layers) {
        OSRDestroySpatialReference(srs);
        return guotu_context_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
    }
    int nlayers = 0;
    gpkg_writer *w = NULL;
    status = GUOTU_ERR_IO;
    int failed = read_schema(layers, &nlayers, err, sizeof err) || gpkg_writer_open(&w, job->output, err, sizeof err);
    for (int k = 0; !failed && k < nlayers; k++) {
        if (guotu_context_report_progress(ctx, (double)k / (nlayers + 1), "writing the workspace") != GUOTU_OK) {
            snprintf(err, sizeof err, "cancelled while writing the workspace '%.1000s'", job->output);
            status = GUOTU_ERR_CANCELLED;
            failed = 1;
            break;
        }
        OGRwkbGeometryType g = strcmp(layers[k].name, "exceptions") == 0 ? wkbNone : wkbMultiPolygon;
        failed = gpkg_writer_add_layer(w, layers[k].name, g, g == wkbNone ? NULL : srs, layers[k].columns,
                                       layers[k].ncolumns, err, sizeof err) < 0;
    }
    if (!failed) {
        const char *names[MAX_LAYERS];
        for (int k = 0; k < nlayers; k++)
            names[k] = layers[k].name;
        failed = gpkg_writer_add_styles(w, "lines", names, nlayers, err, sizeof err);
    }
    if (!failed &&
        guotu_context_report_progress(ctx, (double)nlayers / (nlayers + 1), "writing the workspace") != GUOTU_OK) {
        snprintf(err, sizeof err, "cancelled while writing the workspace '%.1000s'", job->output);
        status = GUOTU_ERR_CANCELLED;
        failed = 1;
    }
    if (!failed) {
        failed = gpkg_writer_commit(w, err, sizeof err);
        w = NULL;
    }
    gpkg_writer_abort(w);
    OSRDestroySpatialReference(srs);
    if (!failed && info) {
        snprintf(info->zone_crs, sizeof info->zone_crs, "%s", zone_crs);
        info->layers = nlayers;
        for (int k = 0; k < nlayers; k++) {
            size_t used = strlen(info->layer_names);
            if (used + strlen(layers[k].name) + 2 > sizeof info->layer_names) break;
            snprintf(info->layer_names + used, sizeof info->layer_names - used, "%s%s", k ? " " : "", layers[k].name);
        }
    }
    free(layers);
    if (failed) return guotu_context_fail(ctx, status, err);
    return GUOTU_OK;
}
