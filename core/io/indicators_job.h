/* indicators_job.h — what the binding indicators' run (indicators_job.c,
 * guotu_indicators_job_run in guotu_io.h) and its writers (indicators_output.c) share. */
#ifndef GUOTU_IO_INDICATORS_JOB_H
#define GUOTU_IO_INDICATORS_JOB_H

#include <limits.h>
#include <stddef.h>
#include <stdint.h>

#include "guotu/guotu_io.h"
#include "table_schema.h"

/* An admin unit as read: its geometry goes to indicator_units unchanged. */
typedef struct ind_unit {
    char *code, *name;
    unsigned char *wkb;
    size_t wkb_size;
    int64_t fid;
} ind_unit;

/* A note in both languages (a row of the notes table). */
typedef struct ind_note {
    char en[512], zh[512];
} ind_note;

enum { IND_SCHEMAS = 3 };

typedef struct ind_run {
    const guotu_indicators_job *job;
    /* The job's names resolved with their defaults. */
    const char *admin_code, *admin_name, *class_field, *before_class_field, *deduction, *targets_code, *classes;
    const char *target_unit; /* "ha" or "mu" */
    guotu_context *ctx;
    guotu_indicators *ind;
    guotu_class_groups *groups;
    ind_unit *units;
    size_t n_units, cap_units;
    char *crs_wkt; /* the admin units' CRS */
    char classes_path[PATH_MAX];
    ind_note *notes;
    size_t n_notes, cap_notes;
    /* The output tables' columns (resources/schemas: indicators, indicator_units,
     * indicator_notes), loaded before the run, and where each value goes. */
    table_schema *schemas[IND_SCHEMAS];
    int slots[IND_SCHEMAS][TABLE_SCHEMA_MAX_COLUMNS];
    int status; /* the status a failure ends with: GUOTU_ERR_IO unless said otherwise */
    char err[2048];
} ind_run;

/* Reads the three tables' schemas and checks the writers fill them (before the run);
 * indicators_free_schemas frees them (again harmless). */
int indicators_load_schemas(ind_run *r);
void indicators_free_schemas(ind_run *r);

/* Writes the GeoPackage, the CSV and the workbook of the finished comparison: the meeting
 * tables first, the GeoPackage last. 1 with a message in r->err. */
int indicators_write(ind_run *r);

#endif
