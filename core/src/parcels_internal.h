/* parcels_internal.h — what the parcel check's source files share (see guotu_parcels.h). */
#ifndef GUOTU_PARCELS_INTERNAL_H
#define GUOTU_PARCELS_INTERNAL_H

#include "area.h"
#include "code_table.h"
#include "direct_overlap.h"
#include "internal.h"
#include "policy.h"

enum { PARCEL_LINES = 3 };
enum { SEV_INFO = 0, SEV_CONDITION = 1, SEV_FAIL = 2 };

typedef struct pc_feature {
    GEOSGeometry *geom;
    int64_t fid;
} pc_feature;

/* Polygons of one context layer with their index (built by run). */
typedef struct pc_layer {
    pc_feature *items;
    size_t count, cap;
    GEOSSTRtree *tree;
} pc_layer;

typedef struct pc_reason {
    char rule[4];
    int severity;
    double area_ha, share;
    char *other; /* P18's other parcel id, else NULL */
    char *zh, *en;
    GEOSGeometry *geom; /* owned; NULL for whole-record reasons */
} pc_reason;

typedef struct pc_parcel {
    char *id, *type, *project, *current, *planned;
    int64_t fid;
    GEOSGeometry *geom;
    int repaired;
    char invalid_reason[160];
    int kind, cur_cat, plan_cat;
    guotu_policy_rule rule; /* status "unknown" when a category is */
    double area_m2, redline_m2, farmland_m2, outside_urban_m2, dm_ha;
    double new_cultivated_m2, lost_cultivated_m2, farmland_out_m2, farmland_added_m2;
    int village, group; /* indices; village -1 = none */
    pc_reason *reasons;
    size_t reason_count, reason_cap;
    int verdict;
    char *rule_ids, *reasons_zh, *reasons_en;
} pc_parcel;

/* A village or a consolidation unit (or a project named by the parcels), with its sums. */
typedef struct pc_region {
    char *id, *name;
    double original_ha; /* units: given or NaN */
    int64_t fid;
    GEOSGeometry *geom;                   /* NULL for projects and for the "no village" row */
    const GEOSPreparedGeometry *prepared; /* of geom, made when first needed */
    int64_t parcels, verdicts[3];
    double area_m2, cultivated_m2, new_m2, lost_m2, farmland_out_m2, farmland_added_m2, dm_ha;
    int dm_known;
    guotu_unit_result unit;
    char *reasons_zh, *reasons_en;
} pc_region;

typedef struct pc_regions {
    pc_region *items;
    size_t count, cap;
} pc_regions;

struct guotu_parcels {
    guotu_parcels_options o;
    char *label;
    guotu_area_calc *calc;
    const guotu_project_types *types;
    const guotu_category_map *current_map, *planned_map;
    const guotu_policy *policy;
    const guotu_coefficients *current_k, *planned_k;
    gt_code_table beach_codes;
    pc_layer lines[PARCEL_LINES], beaches;
    pc_regions villages, units, projects;
    pc_parcel *parcels;
    size_t parcel_count, parcel_cap;
    gt_string_table parcel_ids;
    GEOSWKBWriter *writer;
    gt_direct_work direct; /* the direct clip's working space (parcels against the lines) */
    int ran;               /* the run started: nothing more may be added */
    int done;              /* the run returned GUOTU_OK: the results are complete */
};

/* Adds a reason to a parcel, formatting the two messages; the geometry is taken over
 * (destroyed on failure too). GUOTU_ERR_NOMEM on allocation failure. */
int pc_add_reason(guotu_context *ctx, pc_parcel *parcel, const char *rule, int severity, double area_m2,
                  const char *other, GEOSGeometry *geom, const char *zh, const char *en);

/* Sums the parcels into their units and villages and runs U01–U03. */
int pc_sum_regions(guotu_context *ctx, guotu_parcels *p);

/* Adds a region with a copy of id and name and takes over the geometry; its index. -1 when
 * out of memory: nothing is added and the geometry stays the caller's. */
int pc_regions_add(pc_regions *r, const char *id, const char *name, double original_ha, int64_t fid,
                   GEOSGeometry *geom);
void pc_regions_free(guotu_context *ctx, pc_regions *r);

#endif
