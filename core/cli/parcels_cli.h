/* parcels_cli.h — what `guotu parcels check`'s files share. */
#ifndef GUOTU_CLI_PARCELS_H
#define GUOTU_CLI_PARCELS_H

#include <gdal/ogr_srs_api.h>

#include "gpkg_writer.h"
#include "guotu/guotu.h"
#include "progress_bar.h"
#include "table_schema.h"
#include "vector_source.h"

typedef struct parcels_args {
    const char *parcels, *parcels_layer, *parcel_id, *type_field, *project_field;
    const char *current_field, *current_system, *planned_field, *planned_system;
    const char *workspace, *villages, *villages_layer, *village_id, *village_name;
    /* The three lines as delivered (indexed by guotu_line), in place of the workspace's. */
    const char *line_file[3], *line_layer[3];
    const char *units, *units_layer, *unit_id, *unit_name, *unit_cultivated;
    const char *beaches, *beaches_layer, *types, *policy, *beach_codes;
    const char *area, *encoding, *output, *xlsx, *csv_dir;
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
    progress_bar bar;
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
