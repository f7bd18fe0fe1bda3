/* tally_runner.h — one tally from files: opens the inputs, aligns their CRSs, feeds the
 * core. Shared by `guotu tally`, `guotu voucher` (which runs one per year), `guotu lines
 * check` and guotu_tally_job_run (guotu_io.h, the QGIS plugin's path for file layers).
 * Never prints: notes go to tally_inputs.note. */
#ifndef GUOTU_IO_TALLY_RUNNER_H
#define GUOTU_IO_TALLY_RUNNER_H

#include <stddef.h>
#include <stdint.h>

#include "guotu/guotu.h"

/* A parcel whose ellipsoidal area, computed from its geometry, differs from its official
 * area (三调 TBMJ) by more than the tolerance (SPEC §8). Strings are borrowed for the call. */
typedef struct area_finding {
    int64_t fid;
    const char *bsm, *tbbh; /* the parcel's BSM / TBBH, "" when the layer has no such field */
    const char *class_code; /* the class field's value */
    double official_m2, computed_m2;
} area_finding;

/* Receives each finding as it is found; 0, or 1 with a message in err (the run stops). */
typedef int (*area_finding_fn)(const area_finding *finding, void *user, char *err, size_t err_size);

typedef struct tally_inputs {
    const char *zones, *zones_layer, *zone_id;
    const char *landuse, *landuse_layer, *class_field;
    const char *mask, *mask_layer;
    /* Attribute filters (OGR SQL WHERE clauses, a QGIS layer's subset string); NULL: all. */
    const char *zones_where, *landuse_where, *mask_where;
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
    /* Area check (vector land use): NULL for none; else the field with the official area in m²
     * (三调 TBMJ). Every parcel's ellipsoidal area is computed by the core on the parcel as read,
     * in the land use's own CRS before any reprojection, whatever `area` says; a parcel is a
     * finding when |computed − official| > area_check_abs + area_check_rel × |official|, and
     * goes to `area_finding` (may be NULL). A NULL or non-numeric official area is counted as
     * "no official area". Zeroed fields (as `guotu voucher` leaves them) switch it off. */
    const char *area_check_field;
    double area_check_abs, area_check_rel;
    area_finding_fn area_finding;
    void *area_finding_user;
    guotu_progress_fn progress; /* optional; installed on the context (scaled when threaded) */
    void *progress_user;
    /* Notes for the user (e.g. a layer reprojected); NULL: none. */
    void (*note)(const char *message, void *user);
    void *note_user;
    /* Vector land use: NULL, the tally is in the zones' CRS; else the CRS (any text GDAL reads) the
     * zones and the land use are read in — the Gauss-Krüger zone a run chose for geographic data
     * (SPEC §8); layers in the zones' own CRS are then no --crs-mismatch. */
    const char *work_crs;
    /* Optional: a finished or prepared tally of the same zones layer, zone id field, filters and
     * mask (borrowed; e.g. the base year's, for the target year). When the core can take its
     * prepared zones (same CRS, area method and invalid-geometry policy), the zones and the mask
     * are not read, subtracted, measured or compared again; otherwise they are, as without it. */
    const guotu_tally *prepared_zones;
} tally_inputs;

typedef struct tally_info {
    int status;               /* after a failure: the core's status, 0 for an input that could not be read */
    int raster;               /* land use was a raster */
    char deduction_field[64]; /* the KCXS field deducted by, "" when none */
    int64_t raster_width, raster_height;
    char landuse_layer[256];
    /* The area check, when asked for: the field as the layer spells it ("" when none), the
     * method the areas were computed with, parcels checked (with an official area), findings,
     * parcels without an official area (the first few fids kept), and the largest absolute
     * difference of any checked parcel (with its fid, -1 when none was checked). */
    char area_check_field[64];
    char area_check_method[160];
    int64_t area_checked, area_findings, area_no_official;
    int64_t area_no_official_fids[5];
    double area_largest_m2;
    int64_t area_largest_fid;
} tally_info;

/* Runs the tally to the end (finished, results readable). On success *out is set; caller
 * frees with guotu_tally_destroy. 1 with a message in err on failure. */
int tally_runner_run(guotu_context *ctx, const tally_inputs *in, guotu_tally **out, tally_info *info, char *err,
                     size_t err_size);

/* Validates the option words of tally_inputs; 1 with a message on a bad word. */
int tally_inputs_check(const tally_inputs *in, char *err, size_t err_size);

#endif
