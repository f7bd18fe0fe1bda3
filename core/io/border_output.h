/* border_output.h — the GeoPackage of guotu_border_job_run (`guotu border`): one layer per
 * geometry type, as QGIS wants, written through the core's callbacks. */
#ifndef GUOTU_IO_BORDER_OUTPUT_H
#define GUOTU_IO_BORDER_OUTPUT_H

#include <pthread.h>
#include <stddef.h>

#include "gpkg_writer.h"
#include "table_schema.h"
#include "guotu/guotu.h"

/* A row the workers reported, kept until the run ends (see border_output_summary). */
typedef struct border_held border_held;

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
    /* The rows of the conflict, segment and issue layers as the workers report them (in an
     * order that depends on the threads); written sorted by pair when the run has ended. */
    border_held *held;
    size_t nheld, held_cap;
} border_output;

/* Makes the layers (in `srs`, may be NULL). 1 with a message in o->err. */
int border_output_open(border_output *o, const char *path, OGRSpatialReferenceH srs);

/* Frees the schemas border_output_open read and the kept rows (after the output was
 * committed or aborted). */
void border_output_free(border_output *o);

/* Callbacks for guotu_border_run with `o` as user data: they keep the rows; nothing is
 * written before border_output_summary. */
extern const guotu_border_callbacks border_output_callbacks;

/* Writes the kept rows in an order that does not depend on the threads: first the inputs'
 * issues, then pair by pair (the order of the admin units, as pair_summary), each pair's rows
 * in the order its worker reported them; conflict ids 1, 2, ... in that order (a segment's
 * conflict_id follows). With one thread that is the order and the ids the core reports. Then the
 * pair_summary table, then metadata on every layer. */
int border_output_summary(border_output *o, guotu_context *ctx, const guotu_border *b, const table_meta *meta,
                          int nmeta);

#endif
