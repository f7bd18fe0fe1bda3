/* border_output.h — the GeoPackage of `guotu border`: one layer per geometry type, as QGIS
 * wants, written through the core's callbacks. */
#ifndef GUOTU_CLI_BORDER_OUTPUT_H
#define GUOTU_CLI_BORDER_OUTPUT_H

#include <pthread.h>
#include <stddef.h>

#include "gpkg_writer.h"
#include "table_schema.h"
#include "guotu/guotu.h"

typedef struct border_output {
    gpkg_writer *out;
    int conflicts, conflict_lines, segments, issues, issue_points, summary;
    /* admin id -> name, for the name columns */
    char **ids, **names;
    size_t nadmins;
    int64_t counts[4];    /* conflicts by kind: overlap, gap, discontinuity, category_mismatch */
    int64_t issue_counts; /* base-map and input issues */
    char *err;
    size_t err_size;
    int failed;           /* a write failed: err holds why */
    pthread_mutex_t lock; /* the callbacks come from several threads */
    /* The layers' columns (resources/schemas), alive until the output is committed, and where
     * each value of a row goes. */
    table_schema *schemas[4];
    int slots[4][18];
} border_output;

/* Makes the layers (in `srs`, may be NULL). 1 with a message in o->err. */
int border_output_open(border_output *o, const char *path, OGRSpatialReferenceH srs);

/* Frees the schemas border_output_open read (after the output was committed or aborted). */
void border_output_free(border_output *o);

/* Callbacks for guotu_border_run with `o` as user data. */
extern const guotu_border_callbacks border_output_callbacks;

/* The pair_summary table, then metadata on every layer. */
int border_output_summary(border_output *o, guotu_context *ctx, const guotu_border *b, const table_meta *meta,
                          int nmeta);

#endif
