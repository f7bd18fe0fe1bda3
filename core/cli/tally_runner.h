/* tally_runner.h — one tally from files: opens the inputs, aligns their CRSs, feeds the
 * core. Shared by `guotu tally` and `guotu voucher` (which runs one per year). */
#ifndef GUOTU_CLI_TALLY_RUNNER_H
#define GUOTU_CLI_TALLY_RUNNER_H

#include <stddef.h>
#include <stdint.h>

#include "guotu/guotu.h"

typedef struct tally_inputs {
    const char *zones, *zones_layer, *zone_id;
    const char *landuse, *landuse_layer, *class_field;
    const char *mask, *mask_layer;
    const char *area;         /* "ellipsoidal" | "planar" */
    const char *invalid;      /* "repair" | "fail" */
    const char *raster_mode;  /* "exact" | "centre" */
    const char *crs_mismatch; /* "reproject" | "fail" */
    const char *encoding;     /* attribute encoding for Shapefiles, or NULL */
    const char *role;         /* what the land use is, for messages ("land-use", "base-year") */
    const char *class_option; /* the option naming the class field, for messages */
    int threads;              /* raster land use: worker threads, 0 = one per CPU (at most 8) */
    int whole_area;           /* vector land use without classes: every feature counts as class "" */
    /* 田坎 deduction (vector land use): NULL or "none", none; "auto", by a field named KCXS when
     * the layer has one; otherwise the name of the coefficient field. The deducted share of a
     * parcel goes to `deducted_class` (default "1203"). */
    const char *deduction, *deducted_class;
    /* Zones from the land use's own code instead of a zones layer (三调: ZLDWDM): the field, and
     * how many leading characters make the zone (6 county, 9 town, 12 village; 0 the whole code). */
    const char *zone_code_field;
    int zone_code_length;
    guotu_progress_fn progress; /* optional; installed on the context (scaled when threaded) */
    void *progress_user;
} tally_inputs;

typedef struct tally_info {
    int raster;               /* land use was a raster */
    char deduction_field[64]; /* the KCXS field deducted by, "" when none */
    int64_t raster_width, raster_height;
    char landuse_layer[256];
} tally_info;

/* Runs the tally to the end (finished, results readable). On success *out is set; caller
 * frees with guotu_tally_destroy. 1 with a message in err on failure. */
int tally_runner_run(guotu_context *ctx, const tally_inputs *in, guotu_tally **out, tally_info *info, char *err,
                     size_t err_size);

/* Validates the option words of tally_inputs; 1 with a message on a bad word. */
int tally_inputs_check(const tally_inputs *in, char *err, size_t err_size);

#endif
