/*
 * guotu_io.h — runs that read their inputs from files and write a GeoPackage: the core's
 * algorithms fed by GDAL/OGR without a feature ever passing through the caller. Link
 * libguotu_io (which links libguotu and GDAL); include this header, which includes guotu.h.
 *
 * For callers that hold file names rather than features: the guotu tool, and the QGIS
 * plugin for layers backed by files with nothing the file does not hold (no unsaved edits,
 * no selection-only run). A run reads each input once per worker thread, overlays on all
 * CPUs while one more thread writes, and publishes its GeoPackage atomically (a temporary
 * beside it, renamed at the end): a failed or cancelled run leaves nothing behind.
 *
 * Errors go through the context (guotu_context_last_error) like the core's own; progress
 * and cancellation through the context's progress callback. The library never prints,
 * exits or installs signal handlers; notes (e.g. "reprojecting layer X") go to the job's
 * note callback.
 */
#ifndef GUOTU_IO_H
#define GUOTU_IO_H

#include "guotu.h"
#include "guotu_ledger.h"
#include "guotu_lines.h"
#include "guotu_parcels.h"
#include "guotu_tally.h"
#include "guotu_voucher.h"

#ifdef __cplusplus
extern "C" {
#endif

#if defined(_WIN32)
#ifdef GUOTU_BUILDING_IO_LIBRARY
#define GUOTU_IO_API __declspec(dllexport)
#else
#define GUOTU_IO_API __declspec(dllimport)
#endif
#else
#define GUOTU_IO_API __attribute__((visibility("default")))
#endif

/* A note for the user (UTF-8, one sentence), e.g. that a layer is reprojected. */
typedef void (*guotu_note_fn)(const char *message, void *user_data);

/* ---- Land-use conversion from files (guotu_convert.h) ------------------- */

/* Called once after a successful run, before the run frees its tables: `cv` is the
 * finished overlay, read with guotu_convert_category_row and the other readers of
 * guotu_convert.h on `ctx` (both borrowed for the call only). */
typedef void (*guotu_convert_report_fn)(guotu_context *ctx, const guotu_convert *cv, void *user_data);

/* The name of survey unit `unit` (e.g. from XZQ, CJDCQ or the survey's own ZLDWMC), or NULL
 * when it has none. The string is borrowed: it must stay valid until the next call. */
typedef const char *(*guotu_unit_name_fn)(const char *unit, void *user_data);

/* Every string is borrowed for the duration of guotu_convert_job_run; NULL means "not
 * given" unless said otherwise. Start from guotu_convert_job_init. */
typedef struct guotu_convert_job {
    /* The two land-use layers: a file GDAL opens (GeoPackage, shapefile, File Geodatabase …;
     * or two categorical GeoTIFFs on one grid), the layer (NULL: the only or first layer with
     * polygons), an attribute filter (an OGR SQL WHERE clause, as a QGIS subset string of a
     * file layer is), the class-code field and the classification system (CAS_LUCC,
     * SANDIAO_WORK, GBT21010_2017, YDYH_2023). Required: file, field (vectors) and system. */
    const char *before, *before_layer, *before_where, *before_class_field, *before_system;
    const char *after, *after_layer, *after_where, *after_class_field, *after_system;
    /* Optional zones: a matrix per zone. zone_id_field is required with zones. */
    const char *zones, *zones_layer, *zones_where, *zone_id_field;
    /* Or matrices per survey unit without a zones layer: each piece belongs to the unit of its
     * before-year parcel, the first zone_code_length characters (三调 ZLDWDM: 6 county, 9 town,
     * 12 village; 0 the whole code) of this field of the before layer; the pieces' zone_id is
     * that unit and the output gains the table unit_transitions (unit × from × to). Not with
     * zones or rasters. */
    const char *zone_code_field;
    int zone_code_length;
    /* Optional three-lines workspace (GeoPackage): pieces split by the lines. */
    const char *workspace;
    /* Tables: a CSV file or a preset name. NULL: the system's category map, the system's
     * voucher coefficients, the provincial policy table "policy". */
    const char *before_categories, *after_categories;
    const char *before_coefficients, *after_coefficients;
    const char *policy;
    /* Folder holding presets/ (NULL: $GUOTU_RESOURCES, else the tool's installed or
     * source-tree folder). */
    const char *resources;
    guotu_area_method area_method;
    guotu_invalid_policy invalid;
    int crs_mismatch_fail;   /* 1: refuse a layer in another CRS than the before layer; 0: reproject it */
    const char *encoding;    /* text encoding for drivers that take one (e.g. "GBK"); NULL: the file's own */
    const char *resample_to; /* rasters on different grids: "before" or "after"; NULL: refuse */
    int threads;             /* overlay threads; 0: one per CPU */
    /* The GeoPackage written (required, ".gpkg"; never one of the inputs): conversions,
     * transitions, status_summary, unknown_codes, line_summary with a workspace and
     * unit_transitions with zone_code_field. Two
     * rasters also give OUTPUT_conversions.tif beside it. */
    const char *output;
    guotu_note_fn note; /* may be NULL */
    void *note_user;
    guotu_convert_report_fn report; /* may be NULL */
    void *report_user;
    /* With zone_code_field: the names of the units in unit_transitions' column unit_name
     * ("" for a unit without one, and every unit when NULL). Called once per unit, from the
     * thread that runs the job, after the overlay. */
    guotu_unit_name_fn unit_name;
    void *unit_name_user;
} guotu_convert_job;

/* Defaults: ellipsoidal areas, repair invalid geometries, reproject, threads per CPU. */
GUOTU_IO_API void guotu_convert_job_init(guotu_convert_job *job);

/* Runs the job. GUOTU_OK: the output is in place and job->report was called. Otherwise
 * nothing is written and the context's last error says why: GUOTU_ERR_ARGUMENT (a bad
 * job), GUOTU_ERR_IO (a file that cannot be read — a damaged layer is never taken for a
 * shorter one — or written), GUOTU_ERR_CANCELLED, or the core's own status
 * (GUOTU_ERR_DATA, GUOTU_ERR_CRS …). The context's progress callback may be called from
 * the run's worker threads (one at a time). */
GUOTU_IO_API int guotu_convert_job_run(guotu_context *ctx, const guotu_convert_job *job);

/* ---- Area by zone and land-use class from files (guotu_tally.h) -------- */

/* A parcel whose ellipsoidal area, computed from its geometry as read, differs from its
 * official area (三调 TBMJ) beyond the tolerance. Strings are borrowed for the call. */
typedef struct guotu_area_finding {
    int64_t fid;
    const char *bsm, *tbbh; /* the parcel's BSM / TBBH, "" when the layer has none */
    const char *class_code; /* the class field's value */
    double official_m2, computed_m2;
} guotu_area_finding;

/* Receives each finding as it is found (from the calling thread); nonzero stops the run
 * with GUOTU_ERR_CANCELLED. */
typedef int (*guotu_area_finding_fn)(const guotu_area_finding *finding, void *user_data);

/* Every string is borrowed for the duration of guotu_tally_job_run; NULL means "not
 * given" unless said otherwise. Start from guotu_tally_job_init. */
typedef struct guotu_tally_job {
    /* Zones: a polygon layer with an id field (required unless zone_code_field is given),
     * with an optional attribute filter (an OGR SQL WHERE clause, as a QGIS subset string). */
    const char *zones, *zones_layer, *zones_where, *zone_id_field;
    /* Or no zones layer: each parcel's zone is the first zone_code_length characters of its
     * own code in this field (三调 ZLDWDM: 6 county, 9 town, 12 village; 0 the whole code). */
    const char *zone_code_field;
    int zone_code_length;
    /* Land use: a polygon layer with its class field, or a categorical raster (class_field
     * NULL, layer NULL). Required. */
    const char *landuse, *landuse_layer, *landuse_where, *class_field;
    /* Optional mask: area inside it is left out of every zone. */
    const char *mask, *mask_layer, *mask_where;
    guotu_area_method area_method;
    guotu_invalid_policy invalid;
    guotu_raster_mode raster_mode;
    int crs_mismatch_fail; /* 1: refuse a layer in another CRS than the zones; 0: reproject it */
    const char *encoding;  /* text encoding for drivers that take one (e.g. "GBK"); NULL: the file's own */
    int threads;           /* raster land use: worker threads; 0: one per CPU */
    /* 田坎 deduction: the coefficient field (三调 KCXS); NULL: none. The deducted share of a
     * parcel counts as deducted_class (NULL: "1203"). */
    const char *deduction_field, *deducted_class;
    /* Area check: the official area's field (三调 TBMJ, m²); NULL: none. A finding when
     * |computed − official| > area_check_abs + area_check_rel × |official|. */
    const char *area_check_field;
    double area_check_abs, area_check_rel;
    guotu_area_finding_fn area_finding; /* may be NULL (the counts are still kept) */
    void *area_finding_user;
    guotu_note_fn note; /* may be NULL */
    void *note_user;
} guotu_tally_job;

/* What a tally job found beside the table. */
typedef struct guotu_tally_job_info {
    int raster;                  /* the land use was a raster */
    char deduction_field[64];    /* the field deducted by, as the layer spells it; "" when none */
    char landuse_layer[256];     /* the land-use layer read (or the raster's path) */
    char area_check_field[64];   /* as the layer spells it; "" without a check */
    char area_check_method[160]; /* the core's description of the areas checked */
    int64_t area_checked, area_findings, area_no_official;
    int64_t area_no_official_fids[5]; /* the first of the parcels without an official area */
    double area_largest_m2;           /* the largest |difference| of any checked parcel */
    int64_t area_largest_fid;         /* -1 when none was checked */
} guotu_tally_job_info;

/* Defaults: ellipsoidal areas, repair invalid geometries, exact raster cells, reproject,
 * threads per CPU, area check tolerances 0.1 m² and 1e-6. */
GUOTU_IO_API void guotu_tally_job_init(guotu_tally_job *job);

/* Runs the job to a finished tally. GUOTU_OK: *out is the tally (read it with
 * guotu_tally_result and the other readers of guotu_tally.h; the caller frees it with
 * guotu_tally_destroy) and *info (may be NULL) is filled. Otherwise *out is NULL and the
 * context's last error says why: GUOTU_ERR_IO (an input that cannot be read — a damaged
 * layer is never taken for a shorter one), GUOTU_ERR_CANCELLED, or the core's own status. */
GUOTU_IO_API int guotu_tally_job_run(guotu_context *ctx, const guotu_tally_job *job, guotu_tally **out,
                                     guotu_tally_job_info *info);

/* ---- Rectification parcel check from files (guotu_parcels.h) ---------- */

/* Called once after a successful run, after the outputs are in place and before the run
 * frees the check: `check` is the finished check, read with guotu_parcels_result,
 * guotu_parcels_unit, guotu_parcels_village and the counts of guotu_parcels.h on `ctx`
 * (both borrowed for the call only). */
typedef void (*guotu_parcels_report_fn)(guotu_context *ctx, const guotu_parcels *check, void *user_data);

/* Every string is borrowed for the duration of guotu_parcels_job_run; NULL means "not
 * given" unless said otherwise. Start from guotu_parcels_job_init. */
typedef struct guotu_parcels_job {
    /* The rectification parcels (整治地块): a file GDAL opens (GeoPackage, shapefile, File
     * Geodatabase …), the layer (NULL: the only or first layer), the id, project type, current
     * and planned land-use code fields, and the two codes' classification systems (CAS_LUCC,
     * SANDIAO_WORK, GBT21010_2017, YDYH_2023). All required but the layer and project_field
     * (the project of each parcel; NULL: one project "*" unless units are given). */
    const char *parcels, *parcels_layer, *parcel_id_field, *type_field, *project_field;
    const char *current_field, *current_system, *planned_field, *planned_system;
    /* The three lines: a workspace GeoPackage (`guotu lines init`), or each line as delivered
     * (a file and its layer, NULL: the only or first) in place of the workspace's. The
     * workspace is required unless all three files are given. */
    const char *workspace;
    const char *redline, *redline_layer, *farmland, *farmland_layer, *urban, *urban_layer;
    /* Optional villages (village_id_field required with them) for village_totals. */
    const char *villages, *villages_layer, *village_id_field, *village_name_field;
    /* Optional consolidation units (unit_id_field required with them); the original
     * cultivated land in ha from unit_cultivated_field (NULL: the parcels' own). */
    const char *units, *units_layer, *unit_id_field, *unit_name_field, *unit_cultivated_field;
    /* Optional river-beach polygons; and the current codes that are river beaches, comma or
     * space separated (NULL: the current system's from presets/parcels/river_beach_codes.csv). */
    const char *river_beaches, *river_beaches_layer, *river_beach_codes;
    /* Tables: a CSV file or a preset name. NULL: "project_types" and the provincial "policy". */
    const char *project_types, *policy;
    /* Folder holding presets/ and schemas/ (NULL: $GUOTU_RESOURCES, else the tool's installed
     * or source-tree folder). */
    const char *resources;
    const char *encoding; /* text encoding for drivers that take one (e.g. "GBK"); NULL: the file's own */
    guotu_area_method area_method;
    double tolerance_m2;       /* overlaps below this are ignored */
    double new_cultivated_min; /* U01 share */
    double farmland_gain_min;  /* U02 ratio */
    /* The GeoPackage written (required, ".gpkg"; never one of the inputs): parcel_checks,
     * parcel_reasons, project_checks and village_totals, styled. Optional meeting tables: an
     * XLSX workbook (".xlsx") and a folder of CSV files (UTF-8 with BOM) of parcel_checks,
     * project_checks and village_totals. */
    const char *output, *xlsx, *csv_dir;
    guotu_note_fn note; /* may be NULL */
    void *note_user;
    guotu_parcels_report_fn report; /* may be NULL */
    void *report_user;
} guotu_parcels_job;

/* Defaults: those of guotu_parcels_options_init (ellipsoidal areas, tolerance 1 m², U01
 * 0.05, U02 1.05). */
GUOTU_IO_API void guotu_parcels_job_init(guotu_parcels_job *job);

/* Runs the check. GUOTU_OK: every output is in place and job->report was called. Otherwise
 * the GeoPackage is not written (each output goes to a temporary file renamed at the end; the
 * meeting tables land just before the GeoPackage, so only a failure to write the GeoPackage
 * itself can leave them) and the context's last error says why, naming the layer, feature and field at fault:
 * GUOTU_ERR_ARGUMENT (a bad job), GUOTU_ERR_IO (a file that cannot be read — a damaged layer
 * is never taken for a shorter one — or written), GUOTU_ERR_CANCELLED (the context's
 * progress callback asked to stop, while reading or checking), or the core's own status. */
GUOTU_IO_API int guotu_parcels_job_run(guotu_context *ctx, const guotu_parcels_job *job);

/* ---- Unit ledger from files (guotu_ledger.h) --------------------------- */

/* Called once after a successful run, after the outputs are in place and before the run
 * frees the ledger: `ledger` is the finished ledger, read with guotu_ledger_unit_at,
 * guotu_ledger_slivers and the other readers of guotu_ledger.h on `ctx` (both borrowed for
 * the call only). */
typedef void (*guotu_ledger_report_fn)(guotu_context *ctx, const guotu_ledger *ledger, void *user_data);

/* Every string is borrowed for the duration of guotu_ledger_job_run; NULL means "not
 * given" unless said otherwise. Start from guotu_ledger_job_init. */
typedef struct guotu_ledger_job {
    /* The parcels: one layer carrying both land uses (parcels), or two survey years (current
     * and planned, overlaid by the core; not with area_field). A file GDAL opens and its layer
     * (NULL: the only or first). */
    const char *parcels, *parcels_layer, *current, *current_layer, *planned, *planned_layer;
    /* Required: the parcel id, the current and planned code fields and their classification
     * systems (CAS_LUCC, SANDIAO_WORK, GBT21010_2017, YDYH_2023). */
    const char *parcel_id_field, *current_field, *current_system, *planned_field, *planned_system;
    /* The units: a field of the parcels (unit_prefix > 0: its first N characters, 1–64; 三调
     * ZLDWDM: 12 village, 9 town), or polygons with their id (and name) field; neither: one
     * unit. */
    const char *unit_field;
    int unit_prefix;
    const char *units, *units_layer, *unit_id_field, *unit_name_field;
    /* Optional: the project and project-type fields, the project types table (a CSV file or a
     * preset name; NULL: "project_types"), the official area field (m²; one layer only). */
    const char *project_field, *type_field, *project_types, *area_field;
    /* Optional fields of each side: 田坎 coefficient (KCXS), quality grade, in permanent
     * farmland (the two farmland fields go together; a planned one needs the current one). */
    const char *kcxs_field, *planned_kcxs_field, *grade_field, *planned_grade_field;
    const char *farmland_field, *planned_farmland_field;
    /* Optional red line and river beaches (each a file and its layer), and the current codes
     * of river beaches (NULL: the current system's preset). */
    const char *redline, *redline_layer, *river_beaches, *river_beaches_layer, *river_beach_codes;
    /* Folder holding presets/ and schemas/ (NULL: $GUOTU_RESOURCES, else the tool's installed
     * or source-tree folder). */
    const char *resources;
    const char *encoding; /* text encoding for drivers that take one (e.g. "GBK"); NULL: the file's own */
    guotu_area_method area_method;
    /* As guotu_ledger_options: slivers and overlaps below tolerance_m2 are left out; L3
     * in >= farmland_gain_min x out; L5 reclaimed >= linkage_min x newly built; L2/L3 the mean
     * grade may rise by grade_tolerance. */
    double tolerance_m2, farmland_gain_min, linkage_min, grade_tolerance;
    /* The GeoPackage written (required, ".gpkg"; never one of the inputs): unit_ledger,
     * unit_grades, certificates and project_certificates; optionally the same tables as an
     * XLSX workbook (".xlsx") with Chinese headers. */
    const char *output, *xlsx;
    guotu_note_fn note; /* may be NULL */
    void *note_user;
    guotu_ledger_report_fn report; /* may be NULL */
    void *report_user;
} guotu_ledger_job;

/* Defaults: those of guotu_ledger_options_init. */
GUOTU_IO_API void guotu_ledger_job_init(guotu_ledger_job *job);

/* Runs the ledger. GUOTU_OK: the outputs are in place and job->report was called. Otherwise
 * the GeoPackage is not written (each output goes to a temporary file renamed at the end; the
 * workbook lands just before the GeoPackage, so only a failure to write the GeoPackage itself
 * can leave it) and the context's last error says why, naming the layer, parcel and field at fault:
 * GUOTU_ERR_ARGUMENT (a bad job), GUOTU_ERR_IO (a file that cannot be read or written),
 * GUOTU_ERR_DATA (data the core refused), GUOTU_ERR_CANCELLED (the context's progress
 * callback asked to stop, while reading or computing), or the core's own status of the run. */
GUOTU_IO_API int guotu_ledger_job_run(guotu_context *ctx, const guotu_ledger_job *job);

/* ---- Binding plan indicators from files (guotu_indicators.h) ----------- */

/* Called once after a successful run, after the outputs are in place and before the run
 * frees the comparison: `ind` is finished, read with guotu_indicators_row,
 * guotu_indicators_unit_summary and the other readers of guotu_indicators.h on `ctx` (both
 * borrowed for the call only). */
typedef void (*guotu_indicators_report_fn)(guotu_context *ctx, const guotu_indicators *ind, void *user_data);

/* Every string is borrowed for the duration of guotu_indicators_job_run; NULL means "not
 * given" unless said otherwise. Start from guotu_indicators_job_init (三调 field names). */
typedef struct guotu_indicators_job {
    /* The admin units (行政区): a file GDAL opens and its layer (NULL: the only or first), the
     * code field (init: XZQDM; required) and the name field (init: XZQMC; NULL: none). A layer
     * without the name field has its units named by their codes, with a note, unless
     * admin_name_required is 1 (then it is an error). */
    const char *admin, *admin_layer, *admin_code_field, *admin_name_field;
    int admin_name_required;
    /* The land use measured and its class field (init: DLBM), both required; the 田坎 deduction:
     * NULL or "auto" by a field named KCXS when the layer has one, "none" none, otherwise the
     * name of the coefficient field. */
    const char *landuse, *landuse_layer, *class_field, *deduction;
    /* Optional earlier survey year for the change-based indicators (class field NULL: the land
     * use's class_field), and optional permanent farmland polygons. */
    const char *before, *before_layer, *before_class_field;
    const char *farmland, *farmland_layer;
    /* The target of each indicator (guotu_indicator order; at least one): a field of the admin
     * layer, or, with `targets` (a CSV file), a column of it keyed by the admin code in column
     * targets_code_field (init: XZQDM; required with targets). NULL: no target. A unit
     * without a value skips it. */
    const char *target[GUOTU_INDICATOR_COUNT];
    const char *targets, *targets_code_field;
    int targets_in_mu; /* 1: the area targets are in mu (15 mu = 1 ha); 0: ha. Forest cover is % */
    double tolerance;  /* a share of the target, 0 to below 1 (guotu_indicators_create) */
    /* The class groups: a CSV file or a preset name of presets/indicators (init and NULL:
     * SANDIAO_WORK); the folder holding presets/ and schemas/ (NULL: $GUOTU_RESOURCES, else
     * the tool's installed or source-tree folder). */
    const char *classes, *resources;
    const char *encoding;  /* text encoding for drivers that take one (e.g. "GBK"); NULL: the file's own */
    int crs_mismatch_fail; /* 1: refuse a layer in another CRS than the admin units; 0: reproject it */
    /* The GeoPackage written (required, ".gpkg"; never one of the inputs): indicator_units
     * (styled), indicators and notes. Optional meeting tables of indicators: a CSV file
     * (".csv", UTF-8 with BOM) and an XLSX workbook (".xlsx"), headed by the Chinese column
     * names, or by the field names when field_name_headers is 1. */
    const char *output, *csv, *xlsx;
    int field_name_headers;
    guotu_note_fn note; /* may be NULL; every note is also a row of the notes table */
    void *note_user;
    guotu_indicators_report_fn report; /* may be NULL */
    void *report_user;
} guotu_indicators_job;

/* Defaults: the 三调 field names above, deduction "auto", targets in ha, tolerance 0, the
 * SANDIAO_WORK class groups, reproject. */
GUOTU_IO_API void guotu_indicators_job_init(guotu_indicators_job *job);

/* Runs the indicators. GUOTU_OK: every output is in place and job->report was called.
 * Otherwise the GeoPackage is not written (each output goes to a temporary file renamed at
 * the end; the meeting tables land just before the GeoPackage, so only a failure to write the
 * GeoPackage itself can leave them) and the
 * context's last error says why, naming the layer, feature and field at fault:
 * GUOTU_ERR_ARGUMENT (a bad job), GUOTU_ERR_IO (a file that cannot be read — a damaged layer
 * is never taken for a shorter one — or written), GUOTU_ERR_DATA (a target that is not a
 * number, an admin unit without code or geometry …), GUOTU_ERR_CANCELLED (the context's
 * progress callback asked to stop: it is called at each stage and by the tallies and the
 * change overlay, whose fractions start again from 0), or the core's own status. */
GUOTU_IO_API int guotu_indicators_job_run(guotu_context *ctx, const guotu_indicators_job *job);

/* ---- Framework rounds from files (guotu_frame.h) ----------------------- */

/* Every string is borrowed for the duration of guotu_frame_rounds_job_run. Start from
 * guotu_frame_rounds_job_init. */
typedef struct guotu_frame_rounds_job {
    /* Round n (previous) and round n+1 (current) of the three-down-three-up check: each one
     * or more files (at least one per round), outputs of `guotu border` (layer
     * border_conflict_lines) and `guotu framework indicators` / `catalogue`
     * (indicator_findings, catalogue_findings), as written or as reviewed in QGIS. */
    const char *const *previous;
    int previous_count;
    const char *const *current;
    int current_count;
    guotu_rounds_options options; /* matching and materiality (guotu_rounds_options_init) */
    /* Folder holding schemas/ (NULL: $GUOTU_RESOURCES, else the tool's installed or
     * source-tree folder). */
    const char *resources;
    /* The GeoPackage written (required, ".gpkg"; never one of the inputs): round_comparison
     * (every item with its status; conflicts with their border line), return_list and
     * return_summary, styled. */
    const char *output;
} guotu_frame_rounds_job;

/* What a rounds job found, for its summary. */
typedef struct guotu_frame_rounds_job_info {
    int64_t items_previous, items_current; /* items read from each round */
    int64_t resolved, persisting, new_items;
    int64_t returned;      /* rows of return_list: an item returned to each of its cities */
    int64_t return_cities; /* rows of return_summary: the cities with a return */
} guotu_frame_rounds_job_info;

/* Defaults: those of guotu_rounds_options_init. */
GUOTU_IO_API void guotu_frame_rounds_job_init(guotu_frame_rounds_job *job);

/* Runs the comparison. GUOTU_OK: the GeoPackage is in place and *info (may be NULL) is
 * filled. Otherwise nothing is written (the GeoPackage goes to a temporary file renamed at
 * the end) and the context's last error says why, naming the file, layer and feature at
 * fault: GUOTU_ERR_ARGUMENT (a bad job, a file that is no round's output), GUOTU_ERR_IO (a
 * file that cannot be read or written), GUOTU_ERR_CANCELLED (the context's progress callback,
 * called for each file read, every few thousand items and while writing, asked to stop), or
 * the core's own status. */
GUOTU_IO_API int guotu_frame_rounds_job_run(guotu_context *ctx, const guotu_frame_rounds_job *job,
                                            guotu_frame_rounds_job_info *info);
/* ---- Three-lines check from files (guotu_lines.h) ---------------------- */

/* What a finished three-lines check counted, for its summary. */
typedef struct guotu_lines_job_summary {
    /* The layer each source was read from: red line, permanent farmland, urban boundary,
     * admin units (guotu_line order, then the admin units). */
    char layer_names[4][256];
    int issues[15][3]; /* issues of rule Ln (n 1..14; row 0 unused) as error, warning, minor */
    int accepted;      /* issues accepted as exceptions of the workspace */
    int notes;         /* rows of the table 'notes' */
    uint32_t skipped;  /* bit n: rule Ln (11..14) asked for but not checked at all, for want of its target */
    int64_t units;     /* with admin_code_field: the admin units made from the codes; else 0 */
} guotu_lines_job_summary;

/* Called once after a successful run, after the outputs are in place and before the run
 * frees the check: `lines` is the finished check (guotu_lines_stats_count and
 * guotu_lines_stats_row of guotu_lines.h on `ctx`); all borrowed for the call only. */
typedef void (*guotu_lines_report_fn)(guotu_context *ctx, const guotu_lines *lines,
                                      const guotu_lines_job_summary *summary, void *user_data);

/* A note of the three-lines check, also written to the output's table 'notes': its rule
 * ("L11", or "" for a note on the inputs), the text in Chinese and English, and `hint` (NULL
 * for none): which of the guotu tool's options gives what is missing. */
typedef void (*guotu_lines_note_fn)(const char *rule, const char *zh, const char *en, const char *hint,
                                    void *user_data);

/* Every string is borrowed for the duration of guotu_lines_job_run; NULL means "not given"
 * unless said otherwise. Start from guotu_lines_job_init. */
typedef struct guotu_lines_job {
    /* A workspace GeoPackage (`guotu lines init`): its ecological_redline, permanent_farmland,
     * urban_boundary and admin_units tables, and its exceptions. Required unless all four
     * layers are given below. */
    const char *workspace;
    /* Each source as delivered, in place of the workspace's table: a file and its layer
     * (NULL: the file's only polygon layer). guotu_line order, then the admin units. */
    const char *source[4], *source_layer[4];
    /* The admin units' code and name fields (NULL: XZQDM and XZQMC; the name may be missing,
     * the units are then named by their codes; "" for the name: none) and their target
     * fields: red line and farmland targets (ha), 2020 urban land (ha) and expansion cap.
     * NULL: erl_target_ha, pbf_target_ha, urban_2020_ha, expansion_cap, each may be missing
     * (its rule is then not checked, with a note); "": none chosen. */
    const char *admin_id_field, *admin_name_field, *target_field[4];
    /* Admin units from the land use's own unit codes (三调 ZLDWDM) instead of a layer: the
     * field, how many characters make a unit (0: the whole code), and their names (NULL:
     * the units carry their codes as names). Not with source[3]; needs the land use. */
    const char *admin_code_field;
    int admin_code_length;
    guotu_unit_name_fn unit_name;
    void *unit_name_user;
    /* The land use for L14 (cultivated land by admin unit): a file, its layer, its code field
     * and classification system (NULL: SANDIAO_WORK), and the 田坎 deduction as `guotu tally
     * --deduction` takes it (NULL: "auto"). The land use and its field go together. */
    const char *landuse, *landuse_layer, *class_field, *system, *deduction;
    const char *urban_2020;      /* a layer of 2020 urban land tallied by admin unit for L11 */
    int crs_mismatch_fail;       /* refuse a layer in another CRS than the admin units instead of reprojecting it */
    const char *encoding;        /* text encoding for drivers that take one (e.g. "GBK"); NULL: the file's own */
    guotu_lines_options options; /* rules and thresholds (options.crs is set by the run) */
    /* The GeoPackage written (required, ".gpkg"; never one of the inputs): issues,
     * issue_points, line_stats and notes. Optional: line_stats as CSV (UTF-8 with BOM) headed
     * by the Chinese column names, or by the field names when csv_field_names. */
    const char *output, *stats_csv;
    int csv_field_names;
    guotu_lines_note_fn table_note; /* each note of the table 'notes' as it is made; may be NULL */
    void *table_note_user;
    guotu_note_fn note; /* the other notes (a tally's layer reprojected); may be NULL */
    void *note_user;
    guotu_lines_report_fn report; /* may be NULL */
    void *report_user;
} guotu_lines_job;

/* Defaults: those of guotu_lines_options_init, every other member NULL or 0. */
GUOTU_IO_API void guotu_lines_job_init(guotu_lines_job *job);

/* Runs the check. GUOTU_OK: every output is in place and job->report was called. Otherwise
 * nothing is written (the GeoPackage and the CSV go to temporary files renamed at the end)
 * and the context's last error says why, naming the layer, feature and field at fault:
 * GUOTU_ERR_ARGUMENT (a bad job), GUOTU_ERR_IO (a file that cannot be read or written),
 * GUOTU_ERR_CANCELLED (the context's progress callback asked to stop, while reading or
 * checking), or the core's own status. */
GUOTU_IO_API int guotu_lines_job_run(guotu_context *ctx, const guotu_lines_job *job);

/* ---- Framework catalogue and indicators from files (guotu_frame.h) ----- */

/* Every string is borrowed for the duration of guotu_frame_catalogue_job_run; NULL means
 * "not given" unless said otherwise. Start from guotu_frame_catalogue_job_init. */
typedef struct guotu_frame_catalogue_job {
    /* The province's element catalogue (名录): a CSV file (element_id, name, type, cities,
     * indicators) or a preset name of <resources>/presets/catalogue (required). */
    const char *catalogue;
    /* The cities' submitted elements: a file and its layer (NULL: the first polygon layer),
     * the city (admin id) and catalogue id fields (required) and the name field (NULL:
     * none); the attribute encoding of Shapefiles without a .cpg (NULL: the file's own). */
    const char *elements, *elements_layer, *city_field, *element_field, *name_field, *encoding;
    /* County -> city roll-up (CSV: county, city, or a preset name); NULL: none. */
    const char *counties;
    /* Folder holding schemas/ and presets/ (NULL: $GUOTU_RESOURCES, else the tool's
     * installed or source-tree folder). */
    const char *resources;
    /* The GeoPackage written (required, ".gpkg"; never one of the inputs): catalogue_findings,
     * catalogue_cities and, with counties, county_rollup, styled. */
    const char *output;
} guotu_frame_catalogue_job;

/* What a catalogue check found, for its summary. */
typedef struct guotu_frame_catalogue_job_info {
    int64_t features;                                                  /* submitted features read */
    int64_t cities;                                                    /* rows of catalogue_cities */
    int64_t not_submitted, not_in_catalogue, city_not_listed, no_city; /* findings by kind */
} guotu_frame_catalogue_job_info;

/* Every member NULL. */
GUOTU_IO_API void guotu_frame_catalogue_job_init(guotu_frame_catalogue_job *job);

/* Runs the catalogue check. GUOTU_OK: the GeoPackage is in place and *info (may be NULL) is
 * filled. Otherwise nothing is written (the GeoPackage goes to a temporary file renamed at
 * the end) and the context's last error says why, naming the file, layer and field at fault:
 * GUOTU_ERR_ARGUMENT (a bad job), GUOTU_ERR_IO (a file that cannot be read or written),
 * GUOTU_ERR_CANCELLED (the context's progress callback, called at each stage and every few
 * thousand features read, asked to stop), or the core's own status (a catalogue that does
 * not parse …). */
GUOTU_IO_API int guotu_frame_catalogue_job_run(guotu_context *ctx, const guotu_frame_catalogue_job *job,
                                               guotu_frame_catalogue_job_info *info);

/* Every string is borrowed for the duration of guotu_frame_indicators_job_run; NULL means
 * "not given" unless said otherwise. Start from guotu_frame_indicators_job_init. */
typedef struct guotu_frame_indicators_job {
    /* The catalogue check's inputs (run as well); catalogue.output is this job's output:
     * element_indicators, indicator_findings, catalogue_findings, catalogue_cities and, with
     * counties, county_rollup, styled. */
    guotu_frame_catalogue_job catalogue;
    const char *thresholds; /* CSV: city, element_type, indicator, min, max (or a preset); NULL: none */
    /* The DEM (a raster GDAL opens, band 1); NULL: no elevation and slope. */
    const char *dem;
    /* The land use: a layer of polygons with the class field landuse_code, or without
     * landuse_code a raster of class values; NULL: no forest share. */
    const char *landuse, *landuse_layer, *landuse_code;
    const char *forest_codes; /* the classes counted as forest; NULL: 0301;0302;0305;0307 */
    /* The work CRS as GDAL reads it (e.g. "EPSG:4527"); NULL: the DEM's, else the elements'.
     * A geographic one becomes the 3-degree Gauss-Krüger zone of the data's centre. */
    const char *crs;
    int threads;                 /* DEM readers; 0: one per CPU, at most 8 */
    guotu_frame_options options; /* guotu_frame_options_init's; options.crs is set by the run */
    guotu_note_fn note;          /* a layer reprojected to the work CRS; may be NULL */
    void *note_user;
    /* The work CRS chosen (a Gauss-Krüger zone for geographic data) and the DEM warped to
     * it; may be NULL. */
    guotu_note_fn crs_note;
    void *crs_note_user;
} guotu_frame_indicators_job;

/* What an indicators run found, for its summary. */
typedef struct guotu_frame_indicators_job_info {
    guotu_frame_catalogue_job_info catalogue;
    int64_t zones; /* rows of element_indicators: elements, city parts, border strips */
    /* indicator findings by kind */
    int64_t outside_threshold, threshold_missing, threshold_differs, value_jump, dem_incomplete, landuse_incomplete;
} guotu_frame_indicators_job_info;

/* Defaults: those of guotu_frame_options_init, every other member NULL or 0. */
GUOTU_IO_API void guotu_frame_indicators_job_init(guotu_frame_indicators_job *job);

/* Runs the indicators and the catalogue check. GUOTU_OK: the GeoPackage is in place and
 * *info (may be NULL) is filled. Otherwise nothing is written and the context's last error
 * says why, naming the file, layer and field at fault: GUOTU_ERR_ARGUMENT (a bad job),
 * GUOTU_ERR_IO (a file that cannot be read or written), GUOTU_ERR_CRS (no CRS, a work CRS
 * not in metres, a DEM or land-use raster in another CRS), GUOTU_ERR_CANCELLED (the
 * context's progress callback asked to stop: it is called at each stage, every few thousand
 * features read and by the core while it reads the DEM and computes), or the core's own
 * status. */
GUOTU_IO_API int guotu_frame_indicators_job_run(guotu_context *ctx, const guotu_frame_indicators_job *job,
                                                guotu_frame_indicators_job_info *info);

/* ---- Priorities from files (guotu_priorities.h) ------------------------ */

/* Called once after a successful rule run, after the GeoPackage is in place and before the
 * run frees its tables: `run` is the finished run (guotu_rule_run_zone_count,
 * guotu_rule_run_zone … of guotu_priorities.h on `ctx`); both borrowed for the call only. */
typedef void (*guotu_priorities_rule_report_fn)(guotu_context *ctx, const guotu_rule_run *run, void *user_data);

/* Every string is borrowed for the duration of guotu_priorities_rule_job_run; NULL means "not
 * given" unless said otherwise. Start from guotu_priorities_rule_job_init. */
typedef struct guotu_priorities_rule_job {
    /* The zones (e.g. the red line's patches): a file, its layer (NULL: the first polygon
     * layer) and the field of their type (required). The first layer read: the run's CRS. */
    const char *zones, *zones_layer, *type_field;
    /* The land use (required): a file, its layer, the class-code field (NULL: DLBM; a text
     * field, a numeric one is refused) and the deduction coefficient's field (NULL: KCXS when
     * the layer has it, with a note; "none": gross areas). */
    const char *landuse, *landuse_layer, *class_field, *deduction_field;
    /* Admin units summed over (NULL: none): a file, its layer, the code field (NULL: XZQDM) and
     * the name field (NULL: XZQMC when the layer has it; "none": no names). */
    const char *admin, *admin_layer, *admin_id_field, *admin_name_field;
    /* The rule table: a CSV (zone_type, rank, objective, controls, rule) or a preset name of
     * <resources>/presets/priorities (NULL: redline_functions). */
    const char *rules;
    guotu_area_method area_method; /* default ellipsoidal */
    const char *encoding;          /* text encoding for drivers that take one (e.g. "GBK"); NULL: the file's own */
    const char *resources;         /* folder of schemas/ and presets/ (NULL: $GUOTU_RESOURCES or the built-in) */
    /* The GeoPackage written (required, ".gpkg"; never one of the inputs): controlled_land,
     * zone_summary and admin_summary, styled. */
    const char *output;
    guotu_note_fn note; /* a layer reprojected, the deduction field taken; may be NULL */
    void *note_user;
    guotu_priorities_rule_report_fn report; /* may be NULL */
    void *report_user;
} guotu_priorities_rule_job;

/* Every member NULL or 0 (the defaults above). */
GUOTU_IO_API void guotu_priorities_rule_job_init(guotu_priorities_rule_job *job);

/* Runs the ruling objective of each zone. GUOTU_OK: the GeoPackage is in place and
 * job->report was called. Otherwise nothing is written (the GeoPackage goes to a temporary
 * file renamed at the end) and the context's last error says why, naming the layer, feature
 * and field at fault: GUOTU_ERR_ARGUMENT (a bad job), GUOTU_ERR_IO (a file that cannot be read
 * or written, a field it lacks), GUOTU_ERR_DATA (a zone without type, a numeric class field),
 * GUOTU_ERR_CANCELLED (the context's progress callback, called while the land use is read,
 * asked to stop), or the core's own status. */
GUOTU_IO_API int guotu_priorities_rule_job_run(guotu_context *ctx, const guotu_priorities_rule_job *job);

/* Every string is borrowed for the duration of guotu_priorities_rank_job_run; NULL means "not
 * given" unless said otherwise. Start from guotu_priorities_rank_job_init. */
typedef struct guotu_priorities_rank_job {
    /* The candidate sites (required): a file, its layer and the field copied as site_id (NULL:
     * none). The first layer read: the run's CRS. */
    const char *sites, *sites_layer, *site_id_field;
    /* The objectives, each "NAME:min" or "NAME:max" (1 to 16): area_ha, forest_gain_ha,
     * cultivated_change_ha (need the land use and target), redline_distance_m,
     * redline_contact_m (need the red line), or a numeric field of the sites. */
    const char *const *objectives;
    int objective_count;
    const char *lexicographic; /* objective names separated by commas: adds lex_rank; NULL: none */
    /* The land use (NULL: none; then target is not needed): a file, its layer, the class and
     * deduction fields as in guotu_priorities_rule_job, the class a site becomes (required with
     * the land use), the standard-forest coefficients (a CSV or a system of the voucher presets;
     * NULL: SANDIAO_WORK) and the cultivated classes (NULL: "01"). */
    const char *landuse, *landuse_layer, *class_field, *deduction_field, *target, *coefficients, *cultivated;
    const char *redline, *redline_layer; /* the red line (NULL: none) */
    guotu_area_method area_method;       /* default ellipsoidal */
    const char *encoding;                /* NULL: the files' own */
    const char *resources;               /* NULL: $GUOTU_RESOURCES or the built-in */
    /* The GeoPackage written (required, ".gpkg"; never one of the inputs): ranked_sites,
     * styled by front. */
    const char *output;
    guotu_note_fn note; /* a layer reprojected, the deduction field taken; may be NULL */
    void *note_user;
    /* Geographic layers ranked with a red line: the Gauss-Krüger zone chosen; may be NULL. */
    guotu_note_fn crs_note;
    void *crs_note_user;
} guotu_priorities_rank_job;

/* What a rank run found, for its summary. */
typedef struct guotu_priorities_rank_job_info {
    int64_t sites;    /* rows of ranked_sites */
    int64_t on_front; /* sites on the first (Pareto) front */
    int fronts;       /* the number of fronts */
} guotu_priorities_rank_job_info;

/* Every member NULL or 0 (the defaults above). */
GUOTU_IO_API void guotu_priorities_rank_job_init(guotu_priorities_rank_job *job);

/* Ranks the sites. GUOTU_OK: the GeoPackage is in place and *info (may be NULL) is filled.
 * Otherwise nothing is written and the context's last error says why, naming the layer,
 * feature and field at fault: GUOTU_ERR_ARGUMENT (a bad job or objective), GUOTU_ERR_IO (a
 * file that cannot be read or written, a field it lacks), GUOTU_ERR_CANCELLED (the context's
 * progress callback asked to stop), or the core's own status. */
GUOTU_IO_API int guotu_priorities_rank_job_run(guotu_context *ctx, const guotu_priorities_rank_job *job,
                                               guotu_priorities_rank_job_info *info);
/* ---- Ecological voucher accounting and market from files (guotu_voucher.h) ---- */

/* One later survey of accounts over years: the survey's year, the file and its layer (NULL:
 * the only or first), and the zones' GDP and population fields of that year (NULL: the job's
 * gdp_field and pop_field). */
typedef struct guotu_voucher_period {
    int year;
    const char *path, *layer, *gdp_field, *pop_field;
} guotu_voucher_period;

/* What a voucher job found, for its summary; handed to the report with the finished account. */
typedef struct guotu_voucher_job_info {
    int64_t zones;                     /* the accounting zones (of the last period) */
    int64_t units;                     /* zones made from the base survey's codes; 0 with a zones layer */
    char reference[16];                /* "national", "zones" or "entered" */
    guotu_national_reference national; /* reference national: the table's row used */
    char reference_table[1400];        /* reference national: the table it came from */
    int64_t violations;                /* pieces of ecological land lost inside the red line */
    int key_function_marked;           /* trading subjects in key ecological function zones */
    const char *key_function_ids;      /* their ids, separated by spaces (borrowed for the report) */
    char price_effect[48];             /* with a market: what the price did (summary table's price_effect) */
    int base_year;                     /* 0: not known */
    int period_count;                  /* periods run (1 without periods) */
    double period_traded_ha[32];       /* the volume traded in each period */
    const char *ledger_csv;            /* the ledger written as CSV beside the output, or NULL */
} guotu_voucher_job_info;

/* Called once after a successful run, after the outputs are in place and before the run frees
 * them: the last period's account `v`, its cleared market `m` (NULL without a price), the
 * attribution to counties `a` (NULL without counties) and the accounts over years `ledger`
 * (NULL with counties); read them with guotu_voucher.h's readers on `ctx`. All borrowed for
 * the call only. */
typedef void (*guotu_voucher_report_fn)(guotu_context *ctx, const guotu_voucher *v, const guotu_market *m,
                                        const guotu_attribution *a, const guotu_accounts *ledger,
                                        const guotu_voucher_job_info *info, void *user_data);

/* Every string is borrowed for the duration of guotu_voucher_job_run; NULL means "not given"
 * and a number NaN "not given" unless said otherwise. Start from guotu_voucher_job_init. */
typedef struct guotu_voucher_job {
    /* The zones: a polygon layer with its id, name (NULL: none), GDP (yuan) and population
     * fields; zone_table (a CSV joined by zone id) may hold GDP and population instead. Asks
     * and bids (yuan/ha) of the trading subjects for a floor-price market, and the key
     * ecological function field (values 1/0). */
    const char *zones, *zones_layer, *zone_id_field, *zone_name_field, *gdp_field, *pop_field, *zone_table;
    const char *ask_field, *bid_field, *key_function_field;
    /* Or zones from the base survey's unit codes (三调 ZLDWDM): the first zone_code_length
     * characters (0: the whole code) of this field; GDP and population then come from
     * zone_table (its column zone_id_field, NULL: "zone_id"). unit_name names the units (NULL:
     * none) and unit_names_source says where the names came from, as recorded. */
    const char *zone_code_field;
    int zone_code_length;
    guotu_unit_name_fn unit_name;
    void *unit_name_user;
    const char *unit_names_source;
    /* The base and target land use: a file, its layer, its class field (NULL: a categorical
     * raster) and classification system (CAS_LUCC, SANDIAO_WORK, GBT21010_2017, YDYH_2023). */
    const char *base, *base_layer, *base_class_field, *base_system;
    const char *target, *target_layer, *target_class_field, *target_system;
    /* Coefficient tables (a CSV file or a preset; NULL: the system's), and the ESV reference
     * class (NULL: 21 for CAS_LUCC, else 0301). */
    const char *coefficients, *base_coefficients, *target_coefficients, *esv_reference;
    /* Reference values: "national" (the target year's row of reference_table, NULL: the preset
     * national_reference), "zones" or "entered" (national_gdp_per_capita, national_pop_density).
     * NULL: entered when the two values are given, else national. target_year: 0 takes the
     * year the target data states (SJNF), else 2020; a given year the data contradicts is an
     * error. */
    const char *reference, *reference_table;
    int target_year;
    double national_gdp_per_capita, national_pop_density;
    guotu_baseline baseline;
    double protection_rate;
    /* Urban space left out: a mask layer, or the target survey's parcels of these 城镇村属性码
     * (三调 CZCSXM, e.g. "201,202"). */
    const char *mask, *mask_czcsxm;
    /* The market: a fixed price or a floor price (yuan/ha; neither: no market), a cap (ha). */
    double price, floor_price, cap;
    guotu_allocation allocation;
    guotu_settlement settlement;
    guotu_area_method area_method;
    guotu_invalid_policy invalid;
    guotu_raster_mode raster_mode;
    int crs_mismatch_fail; /* 1 (init): refuse a layer in another CRS than the zones; 0: reproject it */
    const char *encoding;  /* text encoding for drivers that take one (e.g. "GBK"); NULL: the file's own */
    int threads;           /* raster land use: worker threads; 0: one per CPU */
    /* Counties that trade the ecological units' vouchers by area share. */
    const char *counties, *counties_layer, *county_id_field, *county_name_field;
    /* The plan's bottom lines: a three-lines workspace, or the red line and farmland as
     * delivered (either replaces the workspace's). */
    const char *workspace, *redline, *redline_layer, *farmland, *farmland_layer;
    guotu_redline_loss redline_loss;
    const char *key_function_ids; /* comma separated ids of key ecological function subjects */
    int key_function_in_market;
    /* Accounts over years: the later surveys in order of year (replacing target), the base
     * year (0: the year the base data states), the opening balances (a CSV or an earlier
     * run's output) and one cap per period ("V,V,..."; NULL: cap for every period). */
    const guotu_voucher_period *periods;
    int period_count;
    int base_year;
    const char *opening, *caps;
    /* The GeoPackage written (required, ".gpkg"; never one of the inputs): voucher,
     * voucher_classes, summary, trades, unknown_codes, ledger, ledger_trades and, as given,
     * voucher_counties and violations. With periods also OUT_ledger.csv beside it. */
    const char *output;
    guotu_note_fn note; /* may be NULL */
    void *note_user;
    guotu_note_fn stage; /* a stage worth telling (the units made from codes); may be NULL */
    void *stage_user;
    guotu_voucher_report_fn report; /* may be NULL */
    void *report_user;
} guotu_voucher_job;

/* Defaults: CAS_LUCC for both years, base-year baseline, protection rate, prices, cap and
 * national values NaN, pro-rata allocation, payment, ellipsoidal areas, repair invalid
 * geometries, exact raster cells, refuse a CRS mismatch, red-line losses excluded. */
GUOTU_IO_API void guotu_voucher_job_init(guotu_voucher_job *job);

/* Runs the accounting (period by period with periods) and the market. GUOTU_OK: every output
 * is in place and job->report was called. Otherwise nothing is written (the GeoPackage and
 * the CSV go to temporary files renamed at the end) and the context's last error says why,
 * naming the layer, feature and field at fault: GUOTU_ERR_ARGUMENT (a bad job),
 * GUOTU_ERR_IO (a file that cannot be read or written, a table the run refused),
 * GUOTU_ERR_CANCELLED (the context's progress callback asked to stop), or the core's status. */
GUOTU_IO_API int guotu_voucher_job_run(guotu_context *ctx, const guotu_voucher_job *job);

/* ---- Three-lines workspace (guotu lines init) ----------------------------- */

/* Every string is borrowed for the duration of guotu_lines_workspace_job_run. Start from
 * guotu_lines_workspace_job_init. */
typedef struct guotu_lines_workspace_job {
    /* The workspace GeoPackage to create (required, ".gpkg"). An existing file is never
     * replaced: a workspace holds drawing work. */
    const char *output;
    /* Its CRS (required): any text GDAL reads, e.g. "EPSG:4527". Widths and gaps are metres:
     * a geographic CRS is refused unless zone_from is given. */
    const char *crs;
    /* With a geographic crs: a file GDAL opens (the data the workspace is for, e.g. the admin
     * units); the workspace is then made in the 3-degree Gauss-Krüger zone of that data's
     * centre (EPSG:4534-4554), told through note. NULL: none. */
    const char *zone_from;
    guotu_note_fn note; /* may be NULL */
    void *note_user;
} guotu_lines_workspace_job;

/* What a workspace job made, for its summary. */
typedef struct guotu_lines_workspace_job_info {
    char zone_crs[32];     /* "EPSG:NNNN" when made in a Gauss-Krüger zone, "" when in job->crs */
    int32_t layers;        /* the layers and tables made (resources/presets/lines/workspace_schema.csv) */
    char layer_names[512]; /* their names in schema order, separated by one space */
} guotu_lines_workspace_job_info;

/* Nothing given. */
GUOTU_IO_API void guotu_lines_workspace_job_init(guotu_lines_workspace_job *job);

/* Creates the workspace: the layers ecological_redline, permanent_farmland, urban_boundary,
 * eco_units and admin_units (MultiPolygon, empty) and the table exceptions, with the fields
 * and Chinese names of the workspace schema, each carrying its default style. GUOTU_OK: the
 * GeoPackage is in place and *info (may be NULL) is filled. Otherwise nothing is written (a
 * temporary beside it, renamed at the end) and the context's last error says why:
 * GUOTU_ERR_ARGUMENT (a bad job, an output that exists, zone_from that cannot be placed in a
 * zone), GUOTU_ERR_CRS (a CRS GDAL does not know, or not in metres), GUOTU_ERR_IO (a file that
 * cannot be read or written), GUOTU_ERR_CANCELLED (the context's progress callback, called
 * before each layer, asked to stop). */
GUOTU_IO_API int guotu_lines_workspace_job_run(guotu_context *ctx, const guotu_lines_workspace_job *job,
                                               guotu_lines_workspace_job_info *info);

/* ---- A tally from files to files (guotu tally) --------------------------- */

/* Every string is borrowed for the duration of guotu_tally_file_job_run. */
typedef struct guotu_tally_file_job {
    const guotu_tally_job *tally; /* the inputs and options (required; guotu_tally_job_init) */
    /* The output (required): OUT.gpkg (tables tally and, with the area check, area_check,
     * styled) or OUT.csv (the findings then in OUT_area_check.csv beside it); never one of the
     * inputs. The inputs, options and counts go with it as metadata. */
    const char *output;
    /* Optional zone names looked up by code (三调 XZQ: XZQDM -> XZQMC): the file, its layer
     * (NULL: its only or first), the code and the name fields; a column zone_name then. */
    const char *names, *names_layer, *names_id_field, *names_name_field;
} guotu_tally_file_job;

/* Runs the tally and writes it as `guotu tally` does. GUOTU_OK: every output is in place and
 * *info (may be NULL) is filled. Otherwise nothing is written (temporaries renamed at the end)
 * and the context's last error says why: GUOTU_ERR_ARGUMENT (a bad job, an output over an
 * input), GUOTU_ERR_IO (a file that cannot be read or written), GUOTU_ERR_CANCELLED (the
 * context's progress callback or the job's area_finding asked to stop), or the core's status. */
GUOTU_IO_API int guotu_tally_file_job_run(guotu_context *ctx, const guotu_tally_file_job *job,
                                          guotu_tally_job_info *info);
/* ---- Cross-city border conflicts from files (guotu_border.h) ---------- */

/* What a finished border run counted, for its summary. */
typedef struct guotu_border_job_info {
    guotu_border_stats stats; /* guotu_border_get_stats of the merged run */
    int64_t pairs;            /* adjacent pairs of admin units (rows of pair_summary) */
    int64_t conflicts[4];     /* conflicts written by kind: overlap, gap, discontinuity, category_mismatch */
    int64_t issues;           /* base-map and input issues written */
    char crs_name[256];       /* the working CRS's name; "(none)" without one */
    char zone_note[512];      /* the Gauss-Krüger zone geographic data went to; "" none */
} guotu_border_job_info;

/* Every string is borrowed for the duration of guotu_border_job_run; NULL means "not given"
 * unless said otherwise. Start from guotu_border_job_init. */
typedef struct guotu_border_job {
    /* The admin units (cities or counties): a file GDAL opens, its layer (NULL: the first
     * polygon layer), the id field (required) and the name field (NULL: none). */
    const char *admin, *admin_layer, *admin_id_field, *admin_name_field;
    /* The ecological elements the cities submitted: a file and its layer (NULL: the first
     * polygon layer) with a city field holding the admin id; or with city_from_layer one
     * polygon layer per city named by its admin id (every polygon layer of the file; no layer
     * and no city field then). The category field is required; the name field optional. */
    const char *elements, *elements_layer, *city_field;
    int city_from_layer;
    const char *category_field, *name_field;
    /* The working CRS as GDAL reads it (e.g. "EPSG:4526"); NULL: the admin layer's. A
     * geographic CRS works in the Gauss-Krüger zone of the data's centre (crs_note says so). */
    const char *crs;
    const char *encoding;         /* text encoding for drivers that take one (e.g. "GBK"); NULL: the file's own */
    int threads;                  /* worker threads; 0: one per CPU, at most 8. The outputs do not depend on it. */
    guotu_border_options options; /* distances, weights, area method (crs, part and parts are set by the run) */
    /* The GeoPackage written (required, ".gpkg"; never one of the inputs): border_conflicts,
     * border_conflict_lines, shared_borders, pair_summary, basemap_issues and
     * basemap_issue_points, styled. */
    const char *output;
    guotu_note_fn note; /* a layer reprojected into the working CRS; may be NULL */
    void *note_user;
    guotu_note_fn crs_note; /* the Gauss-Krüger zone geographic data is worked in; may be NULL */
    void *crs_note_user;
} guotu_border_job;

/* Defaults: those of guotu_border_options_init, every other member NULL or 0. */
GUOTU_IO_API void guotu_border_job_init(guotu_border_job *job);

/* Runs the comparison. GUOTU_OK: the GeoPackage is in place and *info (may be NULL) is
 * filled. Otherwise nothing is written (the GeoPackage goes to a temporary file renamed at
 * the end) and the context's last error says why, naming the layer, feature and field at
 * fault: GUOTU_ERR_ARGUMENT (a bad job), GUOTU_ERR_IO (a file that cannot be read or
 * written), GUOTU_ERR_DATA (an admin unit without geometry or id, an element without
 * category, an empty layer), GUOTU_ERR_CANCELLED (the context's progress callback, called
 * while reading and comparing, asked to stop), or the core's own status. */
GUOTU_IO_API int guotu_border_job_run(guotu_context *ctx, const guotu_border_job *job, guotu_border_job_info *info);

#ifdef __cplusplus
}
#endif

#endif /* GUOTU_IO_H */
