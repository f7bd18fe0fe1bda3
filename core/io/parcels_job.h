/* parcels_job.h — what the parcel check's run (parcels_job.c, guotu_parcels_job_run in
 * guotu_io.h) and its writers (parcels_output.c) share. */
#ifndef GUOTU_IO_PARCELS_JOB_H
#define GUOTU_IO_PARCELS_JOB_H

#include <gdal/ogr_srs_api.h>

#include "gpkg_writer.h"
#include "guotu/guotu_io.h"
#include "table_schema.h"
#include "vector_source.h"

/* The job's inputs resolved: the three lines indexed by guotu_line, the tables' names with
 * their defaults, the area method's name (recorded in the output). */
typedef struct parcels_args {
    const guotu_parcels_job *job;
    const char *line_file[3], *line_layer[3];
    const char *types, *policy, *area;
    guotu_parcels_options o;
} parcels_args;

enum { PARCELS_SCHEMAS = 4 };

typedef struct parcels_run {
    parcels_args a;
    guotu_context *ctx;
    guotu_parcels *check;
    guotu_project_types *types;
    guotu_category_map *maps[2];
    guotu_policy *policy;
    guotu_coefficients *k[2];
    char beach_codes[256];
    OGRSpatialReferenceH srs; /* the parcels' CRS: the other layers are reprojected into it */
    char *crs_wkt;
    /* Each parcel's geometry as read, in the order given to the check (results come back
     * in that order): parcel_checks keeps the user's geometry. */
    unsigned char **parcel_wkb;
    size_t *parcel_wkb_size;
    int64_t *parcel_fids;
    size_t parcel_count, parcel_cap;
    size_t reason_cursor; /* the parcel of the last reason written (see parcels_write_reason) */
    gpkg_writer *out;
    int parcel_layer, reason_layer;
    /* The four tables' columns (resources/schemas: parcel_checks, project_checks, village_totals,
     * parcel_reasons), loaded before the run, and where each value goes. */
    table_schema *schemas[PARCELS_SCHEMAS];
    int slots[PARCELS_SCHEMAS][TABLE_SCHEMA_MAX_COLUMNS];
    int64_t reasons_by_severity[3];
    int status; /* the status a failure ends with: GUOTU_ERR_IO unless the core said otherwise */
    char err[2048];
} parcels_run;

/* Reads the four tables' schemas and checks the writers fill them (before the run starts);
 * parcels_free_schemas frees them (again harmless). */
int parcels_load_schemas(parcels_run *r);
void parcels_free_schemas(parcels_run *r);
/* Writes parcel_checks, parcel_reasons, project_checks and village_totals into r->out
 * (parcel_reasons rows come from the run's reason callback, parcels_write_reason). */
int parcels_open_output(parcels_run *r);
int parcels_write_reason(const guotu_parcel_reason *reason, void *user);
int parcels_write_results(parcels_run *r);
/* The same tables for the review meeting: XLSX sheets and/or CSV files (UTF-8 with BOM). */
int parcels_write_tables(parcels_run *r);

#endif
