/* tally_output.h — where a tally from files goes (`guotu tally`): the table 'tally' (zone,
 * class, hectares; the zone's name with a names layer) and, with the area check, the findings
 * 'area_check', in one GeoPackage or as CSV files, with the run's inputs and counts as metadata
 * and the default styles. Opened before the run, so that findings are written as found, and
 * published atomically at the end (io_temp). Never prints. */
#ifndef GUOTU_IO_TALLY_OUTPUT_H
#define GUOTU_IO_TALLY_OUTPUT_H

#include <stddef.h>

#include "gpkg_writer.h"
#include "guotu/guotu.h"
#include "table_schema.h"
#include "table_writer.h"
#include "tally_runner.h"
#include "zone_names.h"

/* What a tally writes; every pointer borrowed until the output is committed or aborted. */
typedef struct tally_output_spec {
    const tally_inputs *in;       /* the run's inputs (named in the metadata) */
    const char *output;           /* OUT.gpkg, or OUT.csv */
    const char *check_csv;        /* with a CSV output and the area check: the findings' CSV; else NULL */
    const zone_names *zone_names; /* names of the zones (a column zone_name), or NULL */
    const char *names_path, *names_id, *names_name; /* where the names came from, for the metadata */
} tally_output_spec;

/* Where the results go: a GeoPackage holds the table 'tally' and, with --area-check, the
 * table 'area_check'; a CSV output is the tally, its findings go beside it. Both are opened
 * before the run so that findings are written as they are found. */
typedef struct tally_output {
    gpkg_writer *gpkg;
    int tally_layer, check_layer;
    table_writer *csv, *check_csv;
    /* The columns, from resources/schemas/tally.csv and area_check.csv, and where each value goes. */
    table_schema *tally_schema, *check_schema;
    int tally_slots[4], check_slots[8];
    tally_output_spec spec; /* as opened (its strings borrowed) */
} tally_output;

/* Opens the outputs (temporaries beside them). 0, or 1 with a message (nothing left behind). */
int tally_output_open(tally_output *o, const tally_output_spec *spec, char *err, size_t err_size);

/* tally_runner's area_finding_fn (user: the tally_output): one row of the findings table. */
int tally_output_finding(const area_finding *finding, void *user, char *err, size_t err_size);

/* Writes the finished tally's rows, the metadata (the run took `seconds`) and the styles, and
 * commits every output. 0, or 1 with a message; then call tally_output_abort. */
int tally_output_write(guotu_context *ctx, const guotu_tally *t, tally_output *o, const tally_info *info,
                       const guotu_tally_stats *st, double seconds, char *err, size_t err_size);

/* Removes whatever was not committed and frees the output (safe after a commit). */
void tally_output_abort(tally_output *o);

/* Zones of the result `names` does not name; the first of them into `first` (may be size 0). */
size_t tally_output_unnamed_zones(guotu_context *ctx, const guotu_tally *t, const zone_names *names, char *first,
                                  size_t first_size);

/* The area check's tolerance as said to the user: "0.1 m² + 1e-06 × |TBMJ|". */
void tally_output_tolerance_text(const tally_inputs *in, const tally_info *info, char *buf, size_t size);

#endif
