/* frame_indicators.c — transmission indicators of the catalogue elements per city part and
 * per border strip: area, elevation and slope from DEM rows (streamed, exact cell
 * fractions as the tally), forest share from land use; the thresholds of the cities and the
 * findings (see guotu_frame.h). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "area.h"
#include "coverage.h"
#include "csv_table.h"
#include "frame_internal.h"
#include "polygon_input.h"

#define PI 3.14159265358979323846

void guotu_frame_options_init(guotu_frame_options *o) {
    if (!o) return;
    memset(o, 0, sizeof *o);
    o->area_method = GUOTU_AREA_ELLIPSOIDAL;
    o->slope_threshold_deg = 25;
    o->band_m = 500;
    o->tolerance_elevation_m = 100;
    o->tolerance_slope_deg = 5;
    o->tolerance_forest_share = 0.2;
}

static const char *const default_forest[] = {"0301", "0302", "0305", "0307"};

int guotu_frame_set_options(guotu_context *ctx, guotu_frame *f, const guotu_frame_options *o) {
    if (!ctx) return GUOTU_ERR_ARGUMENT;
    gt_clear_error(ctx);
    if (!f || !o) return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "guotu_frame_set_options: NULL argument");
    if (f->prepared) return gt_fail(ctx, GUOTU_ERR_STATE, "guotu_frame_set_options after guotu_frame_prepare");
    const double numbers[] = {o->slope_threshold_deg, o->band_m, o->tolerance_elevation_m, o->tolerance_slope_deg,
                              o->tolerance_forest_share};
    const char *names[] = {"slope_threshold_deg", "band_m", "tolerance_elevation_m", "tolerance_slope_deg",
                           "tolerance_forest_share"};
    for (int i = 0; i < 5; i++)
        if (!isfinite(numbers[i]) || numbers[i] < 0)
            return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "%s must be a finite number >= 0, not %g", names[i], numbers[i]);
    if (o->slope_threshold_deg >= 90)
        return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "slope_threshold_deg must be below 90, not %g", o->slope_threshold_deg);
    if (!o->crs || !o->crs[0])
        return gt_fail(ctx, GUOTU_ERR_CRS, "the transmission indicators need the CRS of the elements and the DEM");
    int status = gt_require_metres(ctx, o->crs, "the transmission indicators (border strips and slope)");
    if (status) return status;
    guotu_area_calc *calc = NULL;
    status = guotu_area_calc_create(ctx, o->crs, o->area_method, &calc);
    if (status) return status;
    char *crs = gt_strdup(o->crs);
    if (!crs) {
        guotu_area_calc_destroy(ctx, calc);
        return gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
    }
    if (f->calc) guotu_area_calc_destroy(ctx, f->calc);
    free(f->crs);
    f->calc = calc;
    f->crs = crs;
    f->opts = *o;
    f->opts.crs = f->crs;
    f->has_options = 1;
    return GUOTU_OK;
}

static int indicator_index(const char *name) {
    for (int i = 0; i < GT_FRAME_NINDICATORS; i++)
        if (!strcmp(gt_frame_indicator_names[i], name)) return i;
    return -1;
}

static const frame_threshold *threshold_of(const guotu_frame *f, const char *city, const char *type, int indicator) {
    for (size_t i = 0; i < f->nthresholds; i++) {
        const frame_threshold *t = &f->thresholds[i];
        if (t->indicator == indicator && !strcmp(t->city, city) && !strcmp(t->type, type)) return t;
    }
    return NULL;
}

int guotu_frame_add_threshold(guotu_context *ctx, guotu_frame *f, const char *city_id, const char *element_type,
                              const char *indicator, double min, double max) {
    if (!ctx) return GUOTU_ERR_ARGUMENT;
    gt_clear_error(ctx);
    if (!f || !city_id || !element_type || !indicator)
        return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "guotu_frame_add_threshold: NULL argument");
    if (!gt_utf8_valid(city_id) || !gt_utf8_valid(element_type) || !gt_utf8_valid(indicator))
        return gt_fail(ctx, GUOTU_ERR_DATA, "threshold: a text is not valid UTF-8 (a GBK file read as UTF-8?)");
    char msg[GUOTU_MSG_SIZE] = "";
    int k = indicator_index(indicator);
    if (!city_id[0] || !element_type[0])
        gt_textf(msg, sizeof msg, "threshold: the city and the element type must not be empty");
    else if (k < 0)
        gt_textf(msg, sizeof msg,
                 "threshold of city %s for %s: unknown indicator '%s' (the framework's indicators are area, "
                 "elevation_min, elevation_mean, elevation_max, slope_mean, slope_share, forest_share)",
                 city_id, element_type, indicator);
    else if (isnan(min) && isnan(max))
        gt_textf(msg, sizeof msg, "threshold of city %s for %s, %s: neither a min nor a max", city_id, element_type,
                 indicator);
    else if (isinf(min) || isinf(max) || (!isnan(min) && !isnan(max) && min > max))
        gt_textf(msg, sizeof msg, "threshold of city %s for %s, %s: min %g is above max %g (or not finite)", city_id,
                 element_type, indicator, min, max);
    else if ((k == IND_SLOPE_SHARE || k == IND_FOREST_SHARE) && ((!isnan(min) && min > 1) || (!isnan(max) && max > 1)))
        gt_textf(msg, sizeof msg,
                 "threshold of city %s for %s, %s: a share is a fraction from 0 to 1 (0.4 for 40 %%), not %g", city_id,
                 element_type, indicator, !isnan(max) && max > 1 ? max : min);
    else if (threshold_of(f, city_id, element_type, k))
        gt_textf(msg, sizeof msg, "threshold of city %s for %s, %s is given twice", city_id, element_type, indicator);
    if (msg[0]) return gt_fail(ctx, GUOTU_ERR_DATA, "%s", msg);
    if (gt_reserve(&f->thresholds, &f->thresholds_cap, f->nthresholds + 1, sizeof *f->thresholds, 16))
        return gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
    frame_threshold t = {gt_strdup(city_id), gt_strdup(element_type), k, min, max};
    if (!t.city || !t.type) {
        free(t.city);
        free(t.type);
        return gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
    }
    f->thresholds[f->nthresholds++] = t;
    return GUOTU_OK;
}

/* An empty field is NaN (open); else a number, or 1. */
static int parse_bound(const char *text, double *out) {
    if (!text[0]) {
        *out = NAN;
        return 0;
    }
    char *end = NULL;
    *out = strtod(text, &end);
    return end == text || *end || !isfinite(*out);
}

typedef struct threshold_reader {
    guotu_frame *f;
    const char *label;
} threshold_reader;

static int read_threshold(guotu_context *ctx, const gt_csv_fields fields, const int *columns, int line, void *user) {
    threshold_reader *r = user;
    double min, max;
    char msg[GUOTU_MSG_SIZE];
    if (parse_bound(fields[columns[3]], &min) || parse_bound(fields[columns[4]], &max)) {
        gt_textf(msg, sizeof msg, "thresholds '%s', line %d: min and max must be numbers or empty, not '%s' / '%s'",
                 r->label, line, fields[columns[3]], fields[columns[4]]);
        return gt_fail(ctx, GUOTU_ERR_DATA, "%s", msg);
    }
    int status =
        guotu_frame_add_threshold(ctx, r->f, fields[columns[0]], fields[columns[1]], fields[columns[2]], min, max);
    if (status) {
        gt_textf(msg, sizeof msg, "thresholds '%s', line %d: %s", r->label, line, guotu_context_last_error(ctx));
        gt_fail(ctx, status, "%s", msg);
    }
    return status;
}

int guotu_frame_load_thresholds(guotu_context *ctx, guotu_frame *f, const char *text, size_t size, const char *label) {
    if (!ctx) return GUOTU_ERR_ARGUMENT;
    gt_clear_error(ctx);
    if (!f || (!text && size)) return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "guotu_frame_load_thresholds: NULL argument");
    static const char *const names[] = {"city", "element_type", "indicator", "min", "max"};
    threshold_reader r = {f, label ? label : "(thresholds)"};
    return gt_csv_rows(ctx, text ? text : "", size, "thresholds", r.label, names, 5, read_threshold, &r);
}

typedef struct code_list {
    char **codes;
    size_t n;
    int failed;
} code_list;

static int add_code(const char *item, void *user) {
    code_list *l = user;
    char **grown = realloc(l->codes, (l->n + 1) * sizeof *grown);
    if (!grown) return l->failed = 1;
    l->codes = grown;
    if (!(grown[l->n] = gt_strdup(item))) return l->failed = 1;
    l->n++;
    return 0;
}

static void free_codes(char **codes, size_t n) {
    for (size_t i = 0; i < n; i++)
        free(codes[i]);
    free(codes);
}

int guotu_frame_set_forest_codes(guotu_context *ctx, guotu_frame *f, const char *codes) {
    if (!ctx) return GUOTU_ERR_ARGUMENT;
    gt_clear_error(ctx);
    if (!f || !codes) return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "guotu_frame_set_forest_codes: NULL argument");
    code_list l = {NULL, 0, 0};
    gt_frame_each_item(codes, add_code, &l);
    if (l.failed) {
        free_codes(l.codes, l.n);
        return gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
    }
    if (!l.n) return gt_fail(ctx, GUOTU_ERR_DATA, "the forest codes are empty (e.g. 0301;0302;0305;0307)");
    free_codes(f->forest_codes, f->nforest_codes);
    f->forest_codes = l.codes;
    f->nforest_codes = l.n;
    return GUOTU_OK;
}

/* ---- zones ----------------------------------------------------------------------------- */

static int add_zone(guotu_context *ctx, guotu_frame *f, size_t entry, int kind, const char *city, const char *other,
                    GEOSGeometry *geom) {
    if (gt_reserve(&f->zones, &f->zones_cap, f->nzones + 1, sizeof *f->zones, 64)) {
        GEOSGeom_destroy_r(ctx->geos, geom);
        return gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
    }
    frame_zone *z = &f->zones[f->nzones];
    memset(z, 0, sizeof *z);
    z->entry = entry;
    z->kind = kind;
    z->city = city;
    z->other = other;
    z->geom = geom;
    z->zmin = INFINITY;
    z->zmax = -INFINITY;
    f->nzones++;
    if (!GEOSGeom_getXMin_r(ctx->geos, geom, &z->xmin) || !GEOSGeom_getYMin_r(ctx->geos, geom, &z->ymin) ||
        !GEOSGeom_getXMax_r(ctx->geos, geom, &z->xmax) || !GEOSGeom_getYMax_r(ctx->geos, geom, &z->ymax))
        return gt_fail_geos(ctx, GUOTU_ERR_GEOMETRY, "cannot read the extent of element %s", f->entries[entry].id);
    z->prepared = GEOSPrepare_r(ctx->geos, geom);
    if (!z->prepared) return gt_fail_geos(ctx, GUOTU_ERR_GEOMETRY, "cannot prepare element %s", f->entries[entry].id);
    return gt_area_of_geom(ctx, f->calc, geom, &z->area_m2);
}

/* Union of the polygons (taken over); NULL with the context's error on failure. */
static GEOSGeometry *union_of(guotu_context *ctx, GEOSGeometry **parts, size_t n, const char *what) {
    GEOSGeometry *collection = GEOSGeom_createCollection_r(ctx->geos, GEOS_GEOMETRYCOLLECTION, parts, (unsigned)n);
    if (!collection) {
        for (size_t i = 0; i < n; i++)
            GEOSGeom_destroy_r(ctx->geos, parts[i]);
        gt_fail_geos(ctx, GUOTU_ERR_GEOMETRY, "cannot collect %s", what);
        return NULL;
    }
    GEOSGeometry *u = GEOSUnaryUnion_r(ctx->geos, collection);
    GEOSGeom_destroy_r(ctx->geos, collection);
    GEOSGeometry *poly = u ? gt_polygonal_part(ctx, u) : NULL;
    if (u) GEOSGeom_destroy_r(ctx->geos, u);
    if (!u) gt_fail_geos(ctx, GUOTU_ERR_GEOMETRY, "cannot merge %s", what);
    return poly;
}

/* The city part of entry e for its k-th city: the union of the matching submissions;
 * *out NULL when the city submitted nothing with a geometry. */
static int build_part(guotu_context *ctx, guotu_frame *f, size_t e, size_t k, const long *sub_entry,
                      const long *sub_listed, GEOSGeometry **out) {
    *out = NULL;
    size_t n = 0, cap = 0;
    GEOSGeometry **parts = NULL;
    int status = GUOTU_OK;
    for (size_t i = 0; !status && i < f->nsubs; i++) {
        if (sub_entry[i] != (long)e || sub_listed[i] != (long)k || !f->subs[i].wkb) continue;
        GEOSGeometry *g = NULL;
        int repaired = 0;
        status = gt_read_polygon(ctx, GUOTU_INVALID_REPAIR, "submitted elements", f->subs[i].fid, f->subs[i].wkb,
                                 f->subs[i].wkb_size, &g, &repaired);
        if (status) break;
        if (gt_reserve(&parts, &cap, n + 1, sizeof *parts, 8)) {
            GEOSGeom_destroy_r(ctx->geos, g);
            status = gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
            break;
        }
        parts[n++] = g;
    }
    if (status) {
        for (size_t i = 0; i < n; i++)
            GEOSGeom_destroy_r(ctx->geos, parts[i]);
    } else if (n) {
        char what[256];
        gt_textf(what, sizeof what, "the features of element %s of city %s", f->entries[e].id, f->entries[e].cities[k]);
        *out = union_of(ctx, parts, n, what);
        if (!*out && ctx->last_error[0]) status = GUOTU_ERR_GEOMETRY;
    }
    free(parts);
    return status;
}

/* Part a within band_m of part b, as a new polygon or NULL. */
static int strip_of(guotu_context *ctx, guotu_frame *f, const GEOSGeometry *a, const GEOSGeometry *b, const char *id,
                    GEOSGeometry **out) {
    *out = NULL;
    GEOSGeometry *near = GEOSBuffer_r(ctx->geos, b, f->opts.band_m, 16);
    if (!near) return gt_fail_geos(ctx, GUOTU_ERR_GEOMETRY, "cannot buffer a part of element %s", id);
    int status = gt_overlay_polygonal(ctx, a, near, 0, out, "the border strip of element %s", id);
    GEOSGeom_destroy_r(ctx->geos, near);
    return status;
}

int guotu_frame_prepare(guotu_context *ctx, guotu_frame *f) {
    if (!ctx) return GUOTU_ERR_ARGUMENT;
    gt_clear_error(ctx);
    if (!f) return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "guotu_frame_prepare: frame is NULL");
    if (f->prepared) return gt_fail(ctx, GUOTU_ERR_STATE, "guotu_frame_prepare is called once");
    if (!f->has_options) return gt_fail(ctx, GUOTU_ERR_STATE, "guotu_frame_prepare needs guotu_frame_set_options");
    if (!f->nentries) return gt_fail(ctx, GUOTU_ERR_STATE, "the catalogue is empty: load it before prepare");
    f->prepared = 1;
    if (!f->forest_codes) {
        code_list l = {NULL, 0, 0};
        for (int i = 0; i < 4 && !l.failed; i++)
            add_code(default_forest[i], &l);
        if (l.failed) {
            free_codes(l.codes, l.n);
            return gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
        }
        f->forest_codes = l.codes;
        f->nforest_codes = l.n;
    }
    int rolled = gt_frame_roll_up(ctx, f);
    if (rolled) return rolled;
    long *sub_entry = malloc((f->nsubs ? f->nsubs : 1) * sizeof *sub_entry);
    long *sub_listed = malloc((f->nsubs ? f->nsubs : 1) * sizeof *sub_listed);
    GEOSGeometry **parts = NULL;
    int status = (!sub_entry || !sub_listed) ? gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory") : GUOTU_OK;
    for (size_t i = 0; !status && i < f->nsubs; i++)
        sub_entry[i] = f->subs[i].city[0] ? gt_frame_find(f, f->subs[i].element, f->subs[i].city, &sub_listed[i]) : -1;
    for (size_t e = 0; !status && e < f->nentries; e++) {
        frame_entry *en = &f->entries[e];
        free(parts);
        parts = calloc(en->ncities, sizeof *parts);
        if (!parts) {
            status = gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
            break;
        }
        size_t have = 0;
        for (size_t k = 0; !status && k < en->ncities; k++) {
            status = build_part(ctx, f, e, k, sub_entry, sub_listed, &parts[k]);
            have += parts[k] != NULL;
        }
        if (status || !have) {
            for (size_t k = 0; k < en->ncities; k++)
                if (parts[k]) GEOSGeom_destroy_r(ctx->geos, parts[k]);
            continue;
        }
        /* The whole element, then its parts (the zones take the part geometries over). */
        GEOSGeometry **copies = malloc(have * sizeof *copies);
        size_t n = 0;
        for (size_t k = 0; copies && k < en->ncities; k++)
            if (parts[k]) copies[n++] = GEOSGeom_clone_r(ctx->geos, parts[k]);
        GEOSGeometry *whole = copies ? union_of(ctx, copies, n, en->id) : NULL;
        int collected = copies != NULL;
        free(copies);
        if (!whole && (!collected || ctx->last_error[0])) {
            status = ctx->last_error[0] ? GUOTU_ERR_GEOMETRY : gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
        } else if (!whole) { /* the parts have no area */
            for (size_t k = 0; k < en->ncities; k++)
                if (parts[k]) GEOSGeom_destroy_r(ctx->geos, parts[k]);
            continue;
        } else {
            status = add_zone(ctx, f, e, ZONE_WHOLE, "", "", whole);
        }
        size_t first_part = f->nzones;
        for (size_t k = 0; k < en->ncities; k++) {
            if (!parts[k]) continue;
            if (!status)
                status = add_zone(ctx, f, e, ZONE_PART, en->cities[k], "", parts[k]);
            else
                GEOSGeom_destroy_r(ctx->geos, parts[k]);
            parts[k] = NULL;
        }
        size_t last_part = f->nzones;
        /* Parts whose interiors do not overlap cover every cell of the whole exactly as much as
         * the whole does (cell fractions add up): the whole's DEM sums are then theirs. */
        int disjoint = !status;
        for (size_t a = first_part; disjoint && a < last_part; a++)
            for (size_t b = a + 1; disjoint && b < last_part; b++)
                disjoint = GEOSRelatePattern_r(ctx->geos, f->zones[a].geom, f->zones[b].geom, "2********") == 0;
        if (disjoint) {
            frame_zone *whole_zone = &f->zones[first_part - 1];
            whole_zone->from_parts = 1;
            whole_zone->parts_from = first_part;
            whole_zone->parts_to = last_part;
        }
        for (size_t a = first_part; !status && a < last_part; a++)
            for (size_t b = a + 1; !status && b < last_part; b++) {
                double d = 0;
                if (!GEOSDistance_r(ctx->geos, f->zones[a].geom, f->zones[b].geom, &d)) {
                    status = gt_fail_geos(ctx, GUOTU_ERR_GEOMETRY, "cannot measure the parts of element %s", en->id);
                    break;
                }
                if (d > f->opts.band_m) continue;
                GEOSGeometry *sa = NULL, *sb = NULL;
                status = strip_of(ctx, f, f->zones[a].geom, f->zones[b].geom, en->id, &sa);
                if (!status) status = strip_of(ctx, f, f->zones[b].geom, f->zones[a].geom, en->id, &sb);
                if (!status && sa && sb) {
                    const char *ca = f->zones[a].city, *cb = f->zones[b].city;
                    status = add_zone(ctx, f, e, ZONE_STRIP, ca, cb, sa);
                    sa = NULL;
                    if (!status) status = add_zone(ctx, f, e, ZONE_STRIP, cb, ca, sb);
                    sb = NULL;
                }
                if (sa) GEOSGeom_destroy_r(ctx->geos, sa);
                if (sb) GEOSGeom_destroy_r(ctx->geos, sb);
            }
        if (!status && gt_report_progress(ctx, (double)(e + 1) / (double)f->nentries, "building element parts"))
            status = GUOTU_ERR_CANCELLED;
    }
    free(parts);
    free(sub_entry);
    free(sub_listed);
    return status;
}

/* ---- DEM ------------------------------------------------------------------------------- */

int guotu_frame_set_dem(guotu_context *ctx, guotu_frame *f, const guotu_frame_dem *dem) {
    if (!ctx) return GUOTU_ERR_ARGUMENT;
    gt_clear_error(ctx);
    if (!f || !dem) return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "guotu_frame_set_dem: NULL argument");
    if (!f->prepared || f->has_dem || f->finished)
        return gt_fail(ctx, GUOTU_ERR_STATE, "guotu_frame_set_dem comes once, after guotu_frame_prepare");
    const double *g = dem->geotransform;
    if (g[2] != 0 || g[4] != 0)
        return gt_fail(ctx, GUOTU_ERR_ARGUMENT,
                       "rotated rasters are not supported (geotransform terms 2 and 4 are %g and %g); warp the DEM "
                       "north-up first",
                       g[2], g[4]);
    if (!(g[1] != 0) || !(g[5] != 0) || !isfinite(g[0]) || !isfinite(g[3]) || dem->width <= 0 || dem->height <= 0)
        return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "the DEM grid is empty or has zero-size cells");
    f->grid.x0 = g[0];
    f->grid.dx = g[1];
    f->grid.y0 = g[3];
    f->grid.dy = g[5];
    f->grid.width = dem->width;
    f->grid.height = dem->height;
    f->has_nodata = dem->has_nodata;
    f->nodata = dem->nodata;
    f->rows_done = calloc((size_t)dem->height, 1);
    if (!f->rows_done) return gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
    int status = gt_cell_area_init(ctx, &f->cell_area, &f->grid, f->calc);
    if (status) return status;
    f->cell_area_ready = 1;
    f->has_dem = 1;
    int64_t r0, r1;
    guotu_frame_dem_rows_needed(ctx, f, &r0, &r1);
    f->rows_needed = r1 > r0 ? r1 - r0 : 0;
    return GUOTU_OK;
}

/* Zone box in cell indices, clipped to [row0, row1) x [col0, col1); 0 when it misses. */
static int zone_window(const gt_grid *g, const frame_zone *z, int64_t row0, int64_t row1, int64_t col0, int64_t col1,
                       int64_t w[4]) {
    double c_a = (z->xmin - g->x0) / g->dx, c_b = (z->xmax - g->x0) / g->dx;
    double r_a = (z->ymin - g->y0) / g->dy, r_b = (z->ymax - g->y0) / g->dy;
    double cmin = floor(fmin(c_a, c_b)), cmax = ceil(fmax(c_a, c_b));
    double rmin = floor(fmin(r_a, r_b)), rmax = ceil(fmax(r_a, r_b));
    w[0] = (int64_t)fmin(fmax(rmin, (double)row0), (double)row1);
    w[1] = (int64_t)fmin(fmax(rmax, (double)row0), (double)row1);
    w[2] = (int64_t)fmin(fmax(cmin, (double)col0), (double)col1);
    w[3] = (int64_t)fmin(fmax(cmax, (double)col0), (double)col1);
    return w[0] < w[1] && w[2] < w[3];
}

/* The checks the DEM's "…_needed" queries share: the frame and the outputs given (outputs_given),
 * the DEM set; the message names the entry point. */
static int dem_query_ready(guotu_context *ctx, const guotu_frame *f, int outputs_given, const char *entry) {
    if (!f || !outputs_given) return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "%s: NULL argument", entry);
    if (!f->has_dem) return gt_fail(ctx, GUOTU_ERR_STATE, "%s before guotu_frame_set_dem", entry);
    return GUOTU_OK;
}

int guotu_frame_dem_rows_needed(guotu_context *ctx, const guotu_frame *f, int64_t *row0, int64_t *row1) {
    if (!ctx) return GUOTU_ERR_ARGUMENT;
    gt_clear_error(ctx);
    int status = dem_query_ready(ctx, f, row0 && row1, "guotu_frame_dem_rows_needed");
    if (status) return status;
    *row0 = f->grid.height;
    *row1 = 0;
    for (size_t i = 0; i < f->nzones; i++) {
        int64_t w[4];
        if (!zone_window(&f->grid, &f->zones[i], 0, f->grid.height, 0, f->grid.width, w)) continue;
        if (w[0] < *row0) *row0 = w[0];
        if (w[1] > *row1) *row1 = w[1];
    }
    return GUOTU_OK;
}

static int grow(void *items_address, size_t *cap, size_t need, size_t size, guotu_context *ctx) {
    if (need <= *cap) return GUOTU_OK;
    void **items = items_address;
    void *grown = realloc(*items, need * size);
    if (!grown) return gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory for a DEM window of %zu cells", need);
    *items = grown;
    *cap = need;
    return GUOTU_OK;
}

static int compare_span(const void *a, const void *b) {
    const int64_t *x = a, *y = b;
    return x[0] < y[0] ? -1 : x[0] > y[0];
}

/* The zones meeting rows [row0, row0 + nrows) into *zones (their indices) and the columns
 * they need (their windows widened by one column for the slope, clipped to the grid,
 * sorted and merged) into *spans as pairs [c0, c1). */
static int band_columns(guotu_context *ctx, const guotu_frame *f, int64_t row0, int64_t nrows, size_t **zones,
                        size_t *zones_cap, size_t *nzones, int64_t **spans, size_t *spans_cap, size_t *nspans) {
    size_t n = 0;
    int status = grow(zones, zones_cap, f->nzones ? f->nzones : 1, sizeof **zones, ctx);
    if (!status) status = grow(spans, spans_cap, 2 * (f->nzones ? f->nzones : 1), sizeof **spans, ctx);
    if (status) return status;
    int64_t width = f->grid.width;
    for (size_t i = 0; i < f->nzones; i++) {
        int64_t w[4];
        if (f->zones[i].from_parts || !zone_window(&f->grid, &f->zones[i], row0, row0 + nrows, 0, width, w)) continue;
        (*zones)[n] = i;
        (*spans)[2 * n] = w[2] > 0 ? w[2] - 1 : 0;
        (*spans)[2 * n + 1] = w[3] < width ? w[3] + 1 : width;
        n++;
    }
    *nzones = n;
    qsort(*spans, n, 2 * sizeof **spans, compare_span);
    size_t m = 0;
    for (size_t k = 0; k < n; k++) {
        int64_t c0 = (*spans)[2 * k], c1 = (*spans)[2 * k + 1];
        if (m && c0 <= (*spans)[2 * m - 1]) {
            if (c1 > (*spans)[2 * m - 1]) (*spans)[2 * m - 1] = c1;
        } else {
            (*spans)[2 * m] = c0;
            (*spans)[2 * m + 1] = c1;
            m++;
        }
    }
    *nspans = m;
    return GUOTU_OK;
}

int guotu_frame_dem_columns_needed(guotu_context *ctx, const guotu_frame *f, int64_t row0, int64_t nrows,
                                   int64_t *spans, size_t max_spans, size_t *count) {
    if (!ctx) return GUOTU_ERR_ARGUMENT;
    gt_clear_error(ctx);
    int status = dem_query_ready(ctx, f, count && (spans || !max_spans), "guotu_frame_dem_columns_needed");
    if (status) return status;
    if (row0 < 0 || nrows <= 0 || row0 + nrows > f->grid.height)
        return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "DEM rows %lld+%lld are outside the %lld rows of the grid",
                       (long long)row0, (long long)nrows, (long long)f->grid.height);
    size_t *zones = NULL, zones_cap = 0, nzones = 0, nspans = 0, spans_cap = 0;
    int64_t *all = NULL;
    status = band_columns(ctx, f, row0, nrows, &zones, &zones_cap, &nzones, &all, &spans_cap, &nspans);
    if (!status) {
        for (size_t k = 0; k < nspans && k < max_spans; k++) {
            spans[2 * k] = all[2 * k];
            spans[2 * k + 1] = all[2 * k + 1];
        }
        *count = nspans;
    }
    free(zones);
    free(all);
    return status;
}

static int has_value(const guotu_frame *f, float v) {
    return !isnan(v) && !(f->has_nodata && (double)v == (double)(float)f->nodata);
}

/* Ground distance between the centres of cells (r1, c1) and (r2, c2). */
static int centre_distance(guotu_context *ctx, guotu_frame *f, double r1, double c1, double r2, double c2,
                           double *out) {
    const gt_grid *g = &f->grid;
    return gt_ground_distance(ctx, f->calc, g->x0 + (c1 + 0.5) * g->dx, g->y0 + (r1 + 0.5) * g->dy,
                              g->x0 + (c2 + 0.5) * g->dx, g->y0 + (r2 + 0.5) * g->dy, out);
}

/* The ground size of a cell of each row [row0, row0+nrows) into f->gx / f->gy (along the row
 * and along the column: half the geodesic distance between the centres of the neighbours on
 * either side, at the grid's middle column); 0 where a row has no slope (the grid's first
 * and last rows). Slopes are then computed only for the cells a zone covers (f->slope holds
 * SLOPE_UNKNOWN until then), as elements cover a small part of a large DEM. */
#define SLOPE_UNKNOWN (-1.0f)

static int row_sizes(guotu_context *ctx, guotu_frame *f, int64_t row0, int64_t nrows) {
    int64_t width = f->grid.width, height = f->grid.height;
    double cm = (double)(width / 2);
    for (int64_t r = row0; r < row0 + nrows; r++) {
        double gx = 0, gy = 0;
        if (r > 0 && r < height - 1 && width >= 3) {
            int status = centre_distance(ctx, f, (double)r, cm - 1, (double)r, cm + 1, &gx);
            if (!status) status = centre_distance(ctx, f, (double)r - 1, cm, (double)r + 1, cm, &gy);
            if (status) return status;
        }
        f->gx[r - row0] = gx / 2;
        f->gy[r - row0] = gy / 2;
    }
    return GUOTU_OK;
}

/* Horn's slope in degrees of cell (r, c), NaN when a neighbour is missing; `values` starts at
 * row `first`, gx / gy the cell's ground size. */
static float slope_at(const guotu_frame *f, const float *values, int64_t first, int64_t r, int64_t c, double gx,
                      double gy) {
    int64_t width = f->grid.width;
    if (!(gx > 0) || !(gy > 0) || c < 1 || c >= width - 1) return NAN;
    const float *up = values + (r - 1 - first) * width, *mid = up + width, *down = mid + width;
    float a = up[c - 1], b = up[c], cc = up[c + 1], d = mid[c - 1], ff = mid[c + 1];
    float g = down[c - 1], h = down[c], i = down[c + 1];
    if (!has_value(f, a) || !has_value(f, b) || !has_value(f, cc) || !has_value(f, d) || !has_value(f, ff) ||
        !has_value(f, g) || !has_value(f, h) || !has_value(f, i))
        return NAN;
    double dzdx = (((double)cc + 2.0 * ff + i) - ((double)a + 2.0 * d + g)) / (8.0 * gx);
    double dzdy = (((double)g + 2.0 * h + i) - ((double)a + 2.0 * b + cc)) / (8.0 * gy);
    return (float)(atan(sqrt(dzdx * dzdx + dzdy * dzdy)) * 180.0 / PI);
}

enum { DEM_TILE = 256 };
enum { TILE_OUTSIDE, TILE_INSIDE, TILE_CUT };

static int tile_relation(guotu_context *ctx, const guotu_frame *f, const frame_zone *z, const int64_t w[4]) {
    const gt_grid *g = &f->grid;
    double xa = g->x0 + (double)w[2] * g->dx, xb = g->x0 + (double)w[3] * g->dx;
    double ya = g->y0 + (double)w[0] * g->dy, yb = g->y0 + (double)w[1] * g->dy;
    GEOSGeometry *box = GEOSGeom_createRectangle_r(ctx->geos, fmin(xa, xb), fmin(ya, yb), fmax(xa, xb), fmax(ya, yb));
    if (!box) return TILE_CUT;
    int relation = TILE_CUT;
    if (GEOSPreparedIntersects_r(ctx->geos, z->prepared, box) == 0)
        relation = TILE_OUTSIDE;
    else if (GEOSPreparedContainsProperly_r(ctx->geos, z->prepared, box) == 1)
        relation = TILE_INSIDE;
    GEOSGeom_destroy_r(ctx->geos, box);
    return relation;
}

static int zone_window_stats(guotu_context *ctx, guotu_frame *f, frame_zone *z, const int64_t w[4], int64_t row0,
                             const float *values, int64_t first, int inside) {
    int64_t nr = w[1] - w[0], nc = w[3] - w[2], width = f->grid.width;
    int status = grow(&f->cover, &f->cover_cap, (size_t)(nr * nc), sizeof *f->cover, ctx);
    if (!status) status = grow(&f->scratch, &f->scratch_cap, (size_t)(nr * (nc + 1)), sizeof *f->scratch, ctx);
    if (status) return status;
    if (inside) {
        for (int64_t i = 0; i < nr * nc; i++)
            f->cover[i] = 1.0f;
    } else {
        status = gt_coverage(ctx, z->geom, &f->grid, GT_COVERAGE_EXACT, w[0], w[2], nr, nc, f->scratch, f->cover);
        if (status) return status;
    }
    double thr = f->opts.slope_threshold_deg;
    /* The sums in locals (the compiler cannot keep the zone's fields in registers, as the
     * rows are written through pointers too); added in the same order as cell by cell. */
    double sw = z->w, swz = z->wz, sws = z->ws, swss = z->wss, swsteep = z->wsteep;
    float zmin = (float)z->zmin, zmax = (float)z->zmax;
    int seen = 0;
    for (int64_t r = 0; r < nr; r++) {
        const float *cover = f->cover + r * nc;
        const float *z_row = values + (w[0] + r - first) * width + w[2];
        float *s_row = f->slope + (w[0] + r - row0) * width + w[2];
        double gx = f->gx[w[0] + r - row0], gy = f->gy[w[0] + r - row0];
        const double *a_row = f->areas + (w[0] + r - row0) * width + w[2];
        for (int64_t c = 0; c < nc; c++) {
            if (!(cover[c] > 0)) continue;
            float v = z_row[c];
            if (!has_value(f, v)) continue;
            double wt = (double)cover[c] * a_row[c];
            sw += wt;
            swz += wt * v;
            if (v < zmin) zmin = v;
            if (v > zmax) zmax = v;
            seen = 1;
            float s = s_row[c];
            if (s == SLOPE_UNKNOWN) s = s_row[c] = slope_at(f, values, first, w[0] + r, w[2] + c, gx, gy);
            if (isnan(s)) continue;
            sws += wt;
            swss += wt * s;
            if (s > thr) swsteep += wt;
        }
    }
    z->w = sw;
    z->wz = swz;
    z->ws = sws;
    z->wss = swss;
    z->wsteep = swsteep;
    if (seen) {
        if (zmin < z->zmin) z->zmin = zmin;
        if (zmax > z->zmax) z->zmax = zmax;
    }
    return GUOTU_OK;
}

int guotu_frame_add_dem_rows(guotu_context *ctx, guotu_frame *f, int64_t row0, int64_t nrows, const float *values) {
    if (!ctx) return GUOTU_ERR_ARGUMENT;
    gt_clear_error(ctx);
    if (!f || !values) return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "guotu_frame_add_dem_rows: NULL argument");
    if (!f->has_dem || f->finished)
        return gt_fail(ctx, GUOTU_ERR_STATE, "guotu_frame_add_dem_rows between guotu_frame_set_dem and finish");
    int64_t height = f->grid.height, width = f->grid.width;
    if (row0 < 0 || nrows <= 0 || row0 + nrows > height)
        return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "DEM rows %lld+%lld are outside the %lld rows of the grid",
                       (long long)row0, (long long)nrows, (long long)height);
    for (int64_t r = row0; r < row0 + nrows; r++)
        if (f->rows_done[r]) return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "DEM row %lld was added twice", (long long)r);
    int64_t first = row0 > 0 ? row0 - 1 : 0;
    size_t cells = (size_t)(nrows * width);
    int status = grow(&f->slope, &f->slope_cap, cells, sizeof *f->slope, ctx);
    if (!status) status = grow(&f->areas, &f->areas_cap, cells, sizeof *f->areas, ctx);
    if (!status) status = grow(&f->gx, &f->gx_cap, (size_t)nrows, sizeof *f->gx, ctx);
    if (!status) status = grow(&f->gy, &f->gy_cap, (size_t)nrows, sizeof *f->gy, ctx);
    if (!status) status = row_sizes(ctx, f, row0, nrows);
    /* The zones these rows meet, found once for all the tiles of the band, and the columns
     * they need: slopes and cell areas are set up there only (the caller may have read no
     * other cells). */
    size_t nband = 0, nspans = 0;
    if (!status)
        status = band_columns(ctx, f, row0, nrows, &f->band_zones, &f->band_zones_cap, &nband, &f->spans, &f->spans_cap,
                              &nspans);
    for (size_t k = 0; !status && k < nspans; k++) {
        int64_t c0 = f->spans[2 * k], c1 = f->spans[2 * k + 1];
        for (int64_t r = 0; !status && r < nrows; r++) {
            float *s_row = f->slope + r * width;
            for (int64_t c = c0; c < c1; c++)
                s_row[c] = SLOPE_UNKNOWN;
            status = gt_cell_area_row(ctx, &f->cell_area, row0 + r, c0, c1 - c0, f->areas + r * width + c0);
        }
    }
    for (int64_t tr = row0; !status && tr < row0 + nrows; tr += DEM_TILE) {
        int64_t tr1 = tr + DEM_TILE < row0 + nrows ? tr + DEM_TILE : row0 + nrows;
        for (int64_t tc = 0; !status && tc < width; tc += DEM_TILE) {
            int64_t tc1 = tc + DEM_TILE < width ? tc + DEM_TILE : width;
            for (size_t k = 0; !status && k < nband; k++) {
                size_t i = f->band_zones[k];
                int64_t w[4];
                if (!zone_window(&f->grid, &f->zones[i], tr, tr1, tc, tc1, w)) continue;
                int relation = tile_relation(ctx, f, &f->zones[i], w);
                if (relation == TILE_OUTSIDE) continue;
                status = zone_window_stats(ctx, f, &f->zones[i], w, row0, values, first, relation == TILE_INSIDE);
            }
        }
    }
    if (status) return status;
    for (int64_t r = row0; r < row0 + nrows; r++)
        f->rows_done[r] = 1;
    f->rows_added += nrows;
    double total = f->rows_needed > 0 ? (double)f->rows_needed : (double)height;
    if (gt_report_progress(ctx, fmin(1.0, (double)f->rows_added / total), "DEM rows against the elements"))
        return GUOTU_ERR_CANCELLED;
    return GUOTU_OK;
}

int guotu_frame_merge_dem(guotu_context *ctx, guotu_frame *into, const guotu_frame *from) {
    if (!ctx) return GUOTU_ERR_ARGUMENT;
    gt_clear_error(ctx);
    if (!into || !from) return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "guotu_frame_merge_dem: NULL argument");
    if (!into->has_dem || !from->has_dem || into->finished)
        return gt_fail(ctx, GUOTU_ERR_STATE, "guotu_frame_merge_dem needs two frames with a DEM, not finished");
    const gt_grid *a = &into->grid, *b = &from->grid;
    if (into->nzones != from->nzones || a->x0 != b->x0 || a->y0 != b->y0 || a->dx != b->dx || a->dy != b->dy ||
        a->width != b->width || a->height != b->height)
        return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "guotu_frame_merge_dem: the frames have other zones or DEM grids");
    for (size_t i = 0; i < into->nzones; i++)
        if (into->zones[i].entry != from->zones[i].entry || strcmp(into->zones[i].city, from->zones[i].city) ||
            strcmp(into->zones[i].other, from->zones[i].other))
            return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "guotu_frame_merge_dem: the frames have other zones");
    for (int64_t r = 0; r < a->height; r++)
        if (into->rows_done[r] && from->rows_done[r])
            return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "DEM row %lld was added to both frames", (long long)r);
    for (size_t i = 0; i < into->nzones; i++) {
        frame_zone *z = &into->zones[i];
        const frame_zone *o = &from->zones[i];
        z->w += o->w;
        z->wz += o->wz;
        z->ws += o->ws;
        z->wss += o->wss;
        z->wsteep += o->wsteep;
        if (o->zmin < z->zmin) z->zmin = o->zmin;
        if (o->zmax > z->zmax) z->zmax = o->zmax;
    }
    for (int64_t r = 0; r < a->height; r++)
        into->rows_done[r] |= from->rows_done[r];
    into->rows_added += from->rows_added;
    return GUOTU_OK;
}

/* ---- land use -------------------------------------------------------------------------- */

static int is_forest(const guotu_frame *f, const char *code) {
    for (size_t i = 0; i < f->nforest_codes; i++)
        if (!strcmp(f->forest_codes[i], code)) return 1;
    return 0;
}

typedef struct hit_list {
    frame_zone **items;
    size_t n, cap;
    int failed;
} hit_list;

static void collect_hit(void *item, void *user) {
    hit_list *h = user;
    if (gt_reserve(&h->items, &h->cap, h->n + 1, sizeof *h->items, 16)) {
        h->failed = 1;
        return;
    }
    h->items[h->n++] = item;
}

int guotu_frame_add_landuse(guotu_context *ctx, guotu_frame *f, const char *code, int64_t fid, const unsigned char *wkb,
                            size_t wkb_size) {
    if (!ctx) return GUOTU_ERR_ARGUMENT;
    gt_clear_error(ctx);
    if (!f || !code) return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "guotu_frame_add_landuse: NULL argument");
    if (!f->prepared || f->finished)
        return gt_fail(ctx, GUOTU_ERR_STATE, "guotu_frame_add_landuse between guotu_frame_prepare and finish");
    if (f->landuse_raster) return gt_fail(ctx, GUOTU_ERR_STATE, "land use comes as polygons or as a raster, not both");
    f->has_landuse = 1;
    f->landuse_polygons = 1;
    if (!is_forest(f, code) || !wkb || !wkb_size || !f->nzones) return GUOTU_OK;
    if (!f->tree) {
        f->tree = GEOSSTRtree_create_r(ctx->geos, 10);
        if (!f->tree) return gt_fail_geos(ctx, GUOTU_ERR_GEOMETRY, "cannot index the element zones");
        for (size_t i = 0; i < f->nzones; i++)
            GEOSSTRtree_insert_r(ctx->geos, f->tree, f->zones[i].geom, &f->zones[i]); /* fixed after prepare */
    }
    GEOSGeometry *g = NULL;
    int repaired = 0;
    int status = gt_read_polygon(ctx, GUOTU_INVALID_REPAIR, "land use", fid, wkb, wkb_size, &g, &repaired);
    if (status) return status;
    hit_list hits = {NULL, 0, 0, 0};
    GEOSSTRtree_query_r(ctx->geos, f->tree, g, collect_hit, &hits);
    if (hits.failed) status = gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
    for (size_t k = 0; !status && k < hits.n; k++) {
        frame_zone *z = hits.items[k];
        if (GEOSPreparedIntersects_r(ctx->geos, z->prepared, g) != 1) continue;
        double area = 0;
        if (GEOSPreparedContains_r(ctx->geos, z->prepared, g) == 1) {
            status = gt_area_of_geom(ctx, f->calc, g, &area);
        } else {
            GEOSGeometry *piece = NULL;
            status = gt_overlay_polygonal(ctx, z->geom, g, 0, &piece, "land-use feature %lld with element %s",
                                          (long long)fid, f->entries[z->entry].id);
            if (!status && piece) {
                status = gt_area_of_geom(ctx, f->calc, piece, &area);
                GEOSGeom_destroy_r(ctx->geos, piece);
            }
        }
        z->forest_m2 += area;
    }
    free(hits.items);
    GEOSGeom_destroy_r(ctx->geos, g);
    return status;
}

/* ---- land use as a raster ------------------------------------------------------------- */

/* A code as a whole number (blanks around allowed): 1 and *out, else 0. */
static int code_number(const char *code, int32_t *out) {
    while (*code == ' ')
        code++;
    if (!(*code >= '0' && *code <= '9')) return 0;
    char *end = NULL;
    long long v = strtoll(code, &end, 10);
    while (*end == ' ')
        end++;
    if (*end || v > INT32_MAX) return 0;
    *out = (int32_t)v;
    return 1;
}

int guotu_frame_set_landuse_grid(guotu_context *ctx, guotu_frame *f, const guotu_raster_grid *grid) {
    if (!ctx) return GUOTU_ERR_ARGUMENT;
    gt_clear_error(ctx);
    if (!f || !grid) return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "guotu_frame_set_landuse_grid: NULL argument");
    if (!f->prepared || f->finished || f->landuse_raster)
        return gt_fail(ctx, GUOTU_ERR_STATE, "guotu_frame_set_landuse_grid comes once, after guotu_frame_prepare");
    if (f->landuse_polygons)
        return gt_fail(ctx, GUOTU_ERR_STATE, "land use comes as polygons or as a raster, not both");
    const double *g = grid->geotransform;
    if (g[2] != 0 || g[4] != 0)
        return gt_fail(ctx, GUOTU_ERR_ARGUMENT,
                       "rotated rasters are not supported (geotransform terms 2 and 4 are %g and %g); warp the land "
                       "use north-up first",
                       g[2], g[4]);
    if (!(g[1] != 0) || !(g[5] != 0) || !isfinite(g[0]) || !isfinite(g[3]) || grid->width <= 0 || grid->height <= 0)
        return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "the land-use grid is empty or has zero-size cells");
    size_t n = 0;
    int32_t *values = malloc((f->nforest_codes ? f->nforest_codes : 1) * sizeof *values);
    if (!values) return gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
    for (size_t i = 0; i < f->nforest_codes; i++)
        if (code_number(f->forest_codes[i], &values[n])) n++;
    if (!n) {
        free(values);
        return gt_fail(ctx, GUOTU_ERR_DATA,
                       "none of the forest codes is a whole number, so no cell of a land-use raster can match them "
                       "(e.g. 0301;0302;0305;0307)");
    }
    gt_grid lg = {g[0], g[1], g[3], g[5], grid->width, grid->height};
    int status = gt_cell_area_init(ctx, &f->landuse_cell_area, &lg, f->calc);
    if (status) {
        gt_cell_area_free(&f->landuse_cell_area);
        free(values);
        return status;
    }
    f->landuse_cell_area_ready = 1;
    f->landuse_grid = lg;
    f->landuse_has_nodata = grid->has_nodata;
    f->landuse_nodata = grid->nodata;
    f->forest_values = values;
    f->nforest_values = n;
    f->landuse_raster = 1;
    f->has_landuse = 1;
    return GUOTU_OK;
}

int guotu_frame_add_landuse_block(guotu_context *ctx, guotu_frame *f, int64_t row0, int64_t col0, int64_t nrows,
                                  int64_t ncols, const int32_t *values, int64_t row_stride) {
    if (!ctx) return GUOTU_ERR_ARGUMENT;
    gt_clear_error(ctx);
    if (!f || !values) return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "guotu_frame_add_landuse_block: NULL argument");
    if (!f->landuse_raster || f->finished)
        return gt_fail(ctx, GUOTU_ERR_STATE,
                       "guotu_frame_add_landuse_block between guotu_frame_set_landuse_grid and finish");
    const gt_grid *g = &f->landuse_grid;
    if (row0 < 0 || col0 < 0 || nrows <= 0 || ncols <= 0 || row0 + nrows > g->height || col0 + ncols > g->width ||
        row_stride < ncols)
        return gt_fail(ctx, GUOTU_ERR_ARGUMENT,
                       "land-use block rows %lld+%lld, columns %lld+%lld (stride %lld) is outside the %lld x %lld grid",
                       (long long)row0, (long long)nrows, (long long)col0, (long long)ncols, (long long)row_stride,
                       (long long)g->height, (long long)g->width);
    int status = GUOTU_OK;
    for (size_t i = 0; !status && i < f->nzones; i++) {
        frame_zone *z = &f->zones[i];
        int64_t w[4];
        if (!zone_window(g, z, row0, row0 + nrows, col0, col0 + ncols, w)) continue;
        int64_t nr = w[1] - w[0], nc = w[3] - w[2];
        status = grow(&f->cover, &f->cover_cap, (size_t)(nr * nc), sizeof *f->cover, ctx);
        if (!status) status = grow(&f->scratch, &f->scratch_cap, (size_t)(nr * (nc + 1)), sizeof *f->scratch, ctx);
        if (!status) status = grow(&f->areas, &f->areas_cap, (size_t)nc, sizeof *f->areas, ctx);
        if (!status) status = gt_coverage(ctx, z->geom, g, GT_COVERAGE_EXACT, w[0], w[2], nr, nc, f->scratch, f->cover);
        for (int64_t r = 0; !status && r < nr; r++) {
            const float *cover = f->cover + r * nc;
            const int32_t *v_row = values + (w[0] + r - row0) * row_stride + (w[2] - col0);
            status = gt_cell_area_row(ctx, &f->landuse_cell_area, w[0] + r, w[2], nc, f->areas);
            double lw = 0, forest = 0;
            for (int64_t c = 0; !status && c < nc; c++) {
                if (!(cover[c] > 0)) continue;
                int32_t v = v_row[c];
                if (f->landuse_has_nodata && (int64_t)v == f->landuse_nodata) continue;
                double wt = (double)cover[c] * f->areas[c];
                lw += wt;
                for (size_t k = 0; k < f->nforest_values; k++)
                    if (v == f->forest_values[k]) {
                        forest += wt;
                        break;
                    }
            }
            z->landuse_w += lw;
            z->forest_m2 += forest;
        }
    }
    if (status) return status;
    f->landuse_cells += nrows * ncols;
    double total = (double)g->width * (double)g->height;
    if (gt_report_progress(ctx, fmin(1.0, (double)f->landuse_cells / total), "land-use cells against the elements"))
        return GUOTU_ERR_CANCELLED;
    return GUOTU_OK;
}

int guotu_frame_landuse_windows_needed(guotu_context *ctx, const guotu_frame *f, int64_t block_rows, int64_t block_cols,
                                       int64_t *windows, size_t max_windows, size_t *count) {
    if (!ctx) return GUOTU_ERR_ARGUMENT;
    gt_clear_error(ctx);
    if (!f || !count || (!windows && max_windows))
        return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "guotu_frame_landuse_windows_needed: NULL argument");
    if (!f->landuse_raster || f->finished)
        return gt_fail(ctx, GUOTU_ERR_STATE,
                       "guotu_frame_landuse_windows_needed between guotu_frame_set_landuse_grid and finish");
    if (block_rows <= 0 || block_cols <= 0)
        return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "land-use blocks of %lld x %lld cells", (long long)block_rows,
                       (long long)block_cols);
    const gt_grid *g = &f->landuse_grid;
    int64_t nbr = (g->height + block_rows - 1) / block_rows, nbc = (g->width + block_cols - 1) / block_cols;
    if ((double)nbr * (double)nbc > (double)SIZE_MAX / 2)
        return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "land-use blocks of %lld x %lld cells are too small for the grid",
                       (long long)block_rows, (long long)block_cols);
    unsigned char *meets = calloc((size_t)(nbr * nbc), 1); /* one flag per block */
    if (!meets) return gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory for %lld land-use blocks", (long long)(nbr * nbc));
    for (size_t i = 0; i < f->nzones; i++) {
        const frame_zone *z = &f->zones[i];
        int64_t w[4];
        if (!zone_window(g, z, 0, g->height, 0, g->width, w)) continue;
        for (int64_t br = w[0] / block_rows; br <= (w[1] - 1) / block_rows; br++)
            for (int64_t bc = w[2] / block_cols; bc <= (w[3] - 1) / block_cols; bc++) {
                unsigned char *flag = &meets[br * nbc + bc];
                if (*flag) continue;
                /* The block's cells as a rectangle: skipped when the zone does not meet it. */
                double xa = g->x0 + (double)(bc * block_cols) * g->dx;
                double xb =
                    g->x0 + (double)((bc + 1) * block_cols < g->width ? (bc + 1) * block_cols : g->width) * g->dx;
                double ya = g->y0 + (double)(br * block_rows) * g->dy;
                double yb =
                    g->y0 + (double)((br + 1) * block_rows < g->height ? (br + 1) * block_rows : g->height) * g->dy;
                GEOSGeometry *box =
                    GEOSGeom_createRectangle_r(ctx->geos, fmin(xa, xb), fmin(ya, yb), fmax(xa, xb), fmax(ya, yb));
                *flag = !box || GEOSPreparedIntersects_r(ctx->geos, z->prepared, box) != 0;
                if (box) GEOSGeom_destroy_r(ctx->geos, box);
            }
    }
    size_t n = 0;
    for (int64_t br = 0; br < nbr; br++)
        for (int64_t bc = 0; bc < nbc; bc++) {
            if (!meets[br * nbc + bc]) continue;
            int64_t end = bc;
            while (end + 1 < nbc && meets[br * nbc + end + 1])
                end++;
            if (n < max_windows) {
                int64_t *x = windows + 4 * n;
                x[0] = br * block_rows;
                x[1] = bc * block_cols;
                x[2] = ((br + 1) * block_rows < g->height ? (br + 1) * block_rows : g->height) - x[0];
                x[3] = ((end + 1) * block_cols < g->width ? (end + 1) * block_cols : g->width) - x[1];
            }
            n++;
            bc = end;
        }
    free(meets);
    *count = n;
    return GUOTU_OK;
}

/* ---- finish ---------------------------------------------------------------------------- */

static void zone_values(const guotu_frame *f, const frame_zone *z, double v[GT_FRAME_NINDICATORS], double *dem_share) {
    v[IND_AREA] = z->area_m2;
    int dem = f->has_dem && z->w > 0;
    v[IND_ELEVATION_MIN] = dem ? z->zmin : NAN;
    v[IND_ELEVATION_MAX] = dem ? z->zmax : NAN;
    v[IND_ELEVATION_MEAN] = dem ? z->wz / z->w : NAN;
    v[IND_SLOPE_MEAN] = f->has_dem && z->ws > 0 ? z->wss / z->ws : NAN;
    v[IND_SLOPE_SHARE] = f->has_dem && z->ws > 0 ? z->wsteep / z->ws : NAN;
    if (f->landuse_raster)
        v[IND_FOREST_SHARE] = z->landuse_w > 0 ? fmin(1.0, z->forest_m2 / z->landuse_w) : NAN;
    else
        v[IND_FOREST_SHARE] = f->has_landuse && z->area_m2 > 0 ? fmin(1.0, z->forest_m2 / z->area_m2) : NAN;
    *dem_share = f->has_dem && z->area_m2 > 0 ? z->w / z->area_m2 : NAN;
}

static int zone_wkb(guotu_context *ctx, frame_zone *z) {
    if (z->wkb) return GUOTU_OK;
    GEOSWKBWriter *w = GEOSWKBWriter_create_r(ctx->geos);
    if (!w) return gt_fail_geos(ctx, GUOTU_ERR_GEOMETRY, "cannot write WKB");
    size_t size = 0;
    unsigned char *data = GEOSWKBWriter_write_r(ctx->geos, w, z->geom, &size);
    GEOSWKBWriter_destroy_r(ctx->geos, w);
    if (!data) return gt_fail_geos(ctx, GUOTU_ERR_GEOMETRY, "cannot write WKB");
    z->wkb = malloc(size);
    if (z->wkb) memcpy(z->wkb, data, size);
    GEOSFree_r(ctx->geos, data);
    if (!z->wkb) return gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
    z->wkb_size = size;
    return GUOTU_OK;
}

typedef struct reporter {
    guotu_context *ctx;
    guotu_frame_indicator_fn fn;
    void *user;
    unsigned char *wkb; /* owned scratch for unions of two zones */
    size_t wkb_size;
} reporter;

/* WKB of the union of zones a and b (either may be NULL) into r->wkb. */
static int pair_wkb(reporter *r, frame_zone *a, frame_zone *b, const unsigned char **wkb, size_t *size) {
    guotu_context *ctx = r->ctx;
    *wkb = NULL;
    *size = 0;
    if (!a || !b) {
        frame_zone *z = a ? a : b;
        if (!z) return GUOTU_OK;
        int status = zone_wkb(ctx, z);
        *wkb = z->wkb;
        *size = z->wkb_size;
        return status;
    }
    GEOSGeometry *u = GEOSUnion_r(ctx->geos, a->geom, b->geom);
    if (!u) return gt_fail_geos(ctx, GUOTU_ERR_GEOMETRY, "cannot merge two element parts");
    GEOSWKBWriter *w = GEOSWKBWriter_create_r(ctx->geos);
    unsigned char *data = w ? GEOSWKBWriter_write_r(ctx->geos, w, u, size) : NULL;
    if (w) GEOSWKBWriter_destroy_r(ctx->geos, w);
    GEOSGeom_destroy_r(ctx->geos, u);
    if (!data) return gt_fail_geos(ctx, GUOTU_ERR_GEOMETRY, "cannot write WKB");
    free(r->wkb);
    r->wkb = malloc(*size);
    if (r->wkb) memcpy(r->wkb, data, *size);
    GEOSFree_r(ctx->geos, data);
    if (!r->wkb) return gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
    *wkb = r->wkb;
    return GUOTU_OK;
}

static int emit(reporter *r, guotu_frame_indicator_finding *x) {
    if (!r->fn || !r->fn(x, r->user)) return GUOTU_OK;
    return gt_fail(r->ctx, GUOTU_ERR_CANCELLED, "the indicator check was stopped");
}

static frame_zone *part_of(guotu_frame *f, size_t entry, const char *city) {
    for (size_t i = 0; i < f->nzones; i++)
        if (f->zones[i].entry == entry && f->zones[i].kind == ZONE_PART && !strcmp(f->zones[i].city, city))
            return &f->zones[i];
    return NULL;
}

static int same_bound(double a, double b) { return (isnan(a) && isnan(b)) || a == b; }

static void bound_text(char *buf, size_t size, double min, double max) {
    if (isnan(min))
        snprintf(buf, size, "<= %g", max);
    else if (isnan(max))
        snprintf(buf, size, ">= %g", min);
    else
        snprintf(buf, size, "%g to %g", min, max);
}

/* Findings of one entry: thresholds of its cities, parts against them, pairs, jumps. */
static int entry_findings(guotu_frame *f, reporter *r, size_t e) {
    guotu_context *ctx = r->ctx;
    frame_entry *en = &f->entries[e];
    char zh[GUOTU_MSG_SIZE], en_msg[GUOTU_MSG_SIZE], range[64], other_range[64];
    int status = GUOTU_OK;
    for (size_t k = 0; !status && k < en->ncities; k++) {
        const char *city = en->cities[k];
        frame_zone *part = part_of(f, e, city);
        double v[GT_FRAME_NINDICATORS], dem_share = NAN;
        if (part) zone_values(f, part, v, &dem_share);
        unsigned dem_bits = (1u << IND_ELEVATION_MIN) | (1u << IND_ELEVATION_MEAN) | (1u << IND_ELEVATION_MAX) |
                            (1u << IND_SLOPE_MEAN) | (1u << IND_SLOPE_SHARE);
        if (part && f->has_dem && (en->indicators & dem_bits) && !(dem_share >= 0.999)) {
            status = zone_wkb(ctx, part);
            gt_textf(zh, sizeof zh, "要素 %s（%s）%s 部分仅 %.1f%% 的面积有 DEM 高程值，指标不完整", en->id, en->name,
                     city, 100.0 * (isnan(dem_share) ? 0 : dem_share));
            gt_textf(en_msg, sizeof en_msg,
                     "element %s (%s), part of city %s: the DEM has values on only %.1f %% of its area; its DEM "
                     "indicators are incomplete",
                     en->id, en->name, city, 100.0 * (isnan(dem_share) ? 0 : dem_share));
            guotu_frame_indicator_finding x = {
                "dem_incomplete", en->id,    en->name,      en->type, city, "",  "elevation_mean",
                dem_share,        NAN,       NAN,           NAN,      NAN,  NAN, zh,
                en_msg,           part->wkb, part->wkb_size};
            if (!status) status = emit(r, &x);
        }
        double landuse_share = part && part->area_m2 > 0 ? part->landuse_w / part->area_m2 : NAN;
        if (!status && part && f->landuse_raster && (en->indicators & (1u << IND_FOREST_SHARE)) &&
            !(landuse_share >= 0.999)) {
            status = zone_wkb(ctx, part);
            double pct = 100.0 * (isnan(landuse_share) ? 0 : landuse_share);
            gt_textf(zh, sizeof zh, "要素 %s（%s）%s 部分仅 %.1f%% 的面积有土地利用栅格的地类值，森林覆盖占比不完整",
                     en->id, en->name, city, pct);
            gt_textf(en_msg, sizeof en_msg,
                     "element %s (%s), part of city %s: the land-use raster has a class on only %.1f %% of its area; "
                     "its forest share is incomplete",
                     en->id, en->name, city, pct);
            guotu_frame_indicator_finding x = {"landuse_incomplete",
                                               en->id,
                                               en->name,
                                               en->type,
                                               city,
                                               "",
                                               "forest_share",
                                               landuse_share,
                                               NAN,
                                               NAN,
                                               NAN,
                                               NAN,
                                               NAN,
                                               zh,
                                               en_msg,
                                               part->wkb,
                                               part->wkb_size};
            if (!status) status = emit(r, &x);
        }
        for (int i = 0; !status && i < GT_FRAME_NINDICATORS; i++) {
            if (!(en->indicators & (1u << i))) continue;
            const frame_threshold *t = threshold_of(f, city, en->type, i);
            const char *name = gt_frame_indicator_names[i];
            if (!t) {
                if (part) status = zone_wkb(ctx, part);
                gt_textf(zh, sizeof zh, "城市 %s 未给出 %s 类要素指标 %s 的阈值（要素 %s %s）", city, en->type, name,
                         en->id, en->name);
                gt_textf(en_msg, sizeof en_msg,
                         "city %s set no threshold of %s for elements of type %s (element %s, %s)", city, name,
                         en->type, en->id, en->name);
                guotu_frame_indicator_finding x = {"threshold_missing",
                                                   en->id,
                                                   en->name,
                                                   en->type,
                                                   city,
                                                   "",
                                                   name,
                                                   part ? v[i] : NAN,
                                                   NAN,
                                                   NAN,
                                                   NAN,
                                                   NAN,
                                                   NAN,
                                                   zh,
                                                   en_msg,
                                                   part ? part->wkb : NULL,
                                                   part ? part->wkb_size : 0};
                if (!status) status = emit(r, &x);
                continue;
            }
            if (!part || isnan(v[i])) continue;
            if (!((!isnan(t->min) && v[i] < t->min) || (!isnan(t->max) && v[i] > t->max))) continue;
            status = zone_wkb(ctx, part);
            bound_text(range, sizeof range, t->min, t->max);
            gt_textf(zh, sizeof zh, "要素 %s（%s）%s 部分的 %s 为 %.4g，超出该市阈值 %s", en->id, en->name, city, name,
                     v[i], range);
            gt_textf(en_msg, sizeof en_msg, "element %s (%s), part of city %s: %s is %.4g, outside the city's %s",
                     en->id, en->name, city, name, v[i], range);
            guotu_frame_indicator_finding x = {"outside_threshold",
                                               en->id,
                                               en->name,
                                               en->type,
                                               city,
                                               "",
                                               name,
                                               v[i],
                                               NAN,
                                               t->min,
                                               t->max,
                                               NAN,
                                               NAN,
                                               zh,
                                               en_msg,
                                               part->wkb,
                                               part->wkb_size};
            if (!status) status = emit(r, &x);
        }
    }
    /* The same element held to different standards by two of its cities. */
    for (size_t a = 0; !status && a < en->ncities; a++)
        for (size_t b = a + 1; !status && b < en->ncities; b++)
            for (int i = 0; !status && i < GT_FRAME_NINDICATORS; i++) {
                if (!(en->indicators & (1u << i))) continue;
                const frame_threshold *ta = threshold_of(f, en->cities[a], en->type, i);
                const frame_threshold *tb = threshold_of(f, en->cities[b], en->type, i);
                if (!ta || !tb || (same_bound(ta->min, tb->min) && same_bound(ta->max, tb->max))) continue;
                const unsigned char *wkb = NULL;
                size_t size = 0;
                status = pair_wkb(r, part_of(f, e, en->cities[a]), part_of(f, e, en->cities[b]), &wkb, &size);
                const char *name = gt_frame_indicator_names[i];
                bound_text(range, sizeof range, ta->min, ta->max);
                bound_text(other_range, sizeof other_range, tb->min, tb->max);
                gt_textf(zh, sizeof zh, "要素 %s（%s）的 %s 阈值两侧不一致：%s 为 %s，%s 为 %s", en->id, en->name, name,
                         en->cities[a], range, en->cities[b], other_range);
                gt_textf(en_msg, sizeof en_msg,
                         "element %s (%s) is held to different %s thresholds: %s by city %s, %s by city %s", en->id,
                         en->name, name, range, en->cities[a], other_range, en->cities[b]);
                guotu_frame_indicator_finding x = {"threshold_differs",
                                                   en->id,
                                                   en->name,
                                                   en->type,
                                                   en->cities[a],
                                                   en->cities[b],
                                                   name,
                                                   NAN,
                                                   NAN,
                                                   ta->min,
                                                   ta->max,
                                                   tb->min,
                                                   tb->max,
                                                   zh,
                                                   en_msg,
                                                   wkb,
                                                   size};
                if (!status) status = emit(r, &x);
            }
    /* Values that jump across the border: strips come in pairs (a's strip, then b's). */
    static const int jump_indicators[] = {IND_ELEVATION_MEAN, IND_SLOPE_MEAN, IND_FOREST_SHARE};
    for (size_t i = 0; !status && i + 1 < f->nzones; i++) {
        frame_zone *sa = &f->zones[i], *sb = &f->zones[i + 1];
        if (sa->entry != e || sa->kind != ZONE_STRIP || sb->kind != ZONE_STRIP || sb->entry != e ||
            strcmp(sa->city, sb->other) || strcmp(sb->city, sa->other))
            continue;
        i++; /* the pair's second strip */
        double va[GT_FRAME_NINDICATORS], vb[GT_FRAME_NINDICATORS], da, db;
        zone_values(f, sa, va, &da);
        zone_values(f, sb, vb, &db);
        for (int k = 0; !status && k < 3; k++) {
            int ind = jump_indicators[k];
            unsigned family = ind == IND_ELEVATION_MEAN
                                  ? (1u << IND_ELEVATION_MIN) | (1u << IND_ELEVATION_MEAN) | (1u << IND_ELEVATION_MAX)
                              : ind == IND_SLOPE_MEAN ? (1u << IND_SLOPE_MEAN) | (1u << IND_SLOPE_SHARE)
                                                      : (1u << IND_FOREST_SHARE);
            if (!(en->indicators & family) || isnan(va[ind]) || isnan(vb[ind])) continue;
            double tol = ind == IND_ELEVATION_MEAN ? f->opts.tolerance_elevation_m
                         : ind == IND_SLOPE_MEAN   ? f->opts.tolerance_slope_deg
                                                   : f->opts.tolerance_forest_share;
            if (!(fabs(va[ind] - vb[ind]) > tol)) continue;
            const unsigned char *wkb = NULL;
            size_t size = 0;
            status = pair_wkb(r, sa, sb, &wkb, &size);
            const char *name = gt_frame_indicator_names[ind];
            gt_textf(zh, sizeof zh, "要素 %s（%s）在 %s 与 %s 交界处 %s 跳变：%.4g 对 %.4g（容差 %g）", en->id,
                     en->name, sa->city, sb->city, name, va[ind], vb[ind], tol);
            gt_textf(en_msg, sizeof en_msg,
                     "element %s (%s) jumps at the border of cities %s and %s: %s %.4g against %.4g (tolerance %g)",
                     en->id, en->name, sa->city, sb->city, name, va[ind], vb[ind], tol);
            guotu_frame_indicator_finding x = {"value_jump", en->id,  en->name, en->type, sa->city, sb->city,
                                               name,         va[ind], vb[ind],  NAN,      NAN,      NAN,
                                               NAN,          zh,      en_msg,   wkb,      size};
            if (!status) status = emit(r, &x);
        }
    }
    return status;
}

int guotu_frame_finish(guotu_context *ctx, guotu_frame *f, guotu_frame_indicator_fn fn, void *user_data) {
    if (!ctx) return GUOTU_ERR_ARGUMENT;
    gt_clear_error(ctx);
    if (!f) return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "guotu_frame_finish: frame is NULL");
    if (!f->prepared || f->finished)
        return gt_fail(ctx, GUOTU_ERR_STATE, "guotu_frame_finish comes once, after guotu_frame_prepare");
    f->finished = 1;
    for (size_t i = 0; i < f->nzones; i++) {
        frame_zone *z = &f->zones[i];
        if (!z->from_parts) continue;
        for (size_t k = z->parts_from; k < z->parts_to; k++) {
            const frame_zone *p = &f->zones[k];
            z->w += p->w;
            z->wz += p->wz;
            z->ws += p->ws;
            z->wss += p->wss;
            z->wsteep += p->wsteep;
            if (p->zmin < z->zmin) z->zmin = p->zmin;
            if (p->zmax > z->zmax) z->zmax = p->zmax;
        }
    }
    reporter r = {ctx, fn, user_data, NULL, 0};
    int status = GUOTU_OK;
    for (size_t e = 0; !status && e < f->nentries; e++)
        status = entry_findings(f, &r, e);
    for (size_t i = 0; !status && i < f->nzones; i++)
        status = zone_wkb(ctx, &f->zones[i]);
    free(r.wkb);
    return status;
}

size_t guotu_frame_indicator_count(const guotu_frame *f) { return f && f->finished ? f->nzones : 0; }

int guotu_frame_indicator_row(guotu_context *ctx, const guotu_frame *f, size_t i, guotu_frame_indicators *out) {
    if (!ctx) return GUOTU_ERR_ARGUMENT;
    gt_clear_error(ctx);
    if (!f || !out || !f->finished || i >= f->nzones)
        return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "guotu_frame_indicator_row: no row %zu", i);
    const frame_zone *z = &f->zones[i];
    const frame_entry *e = &f->entries[z->entry];
    double v[GT_FRAME_NINDICATORS], dem_share;
    zone_values(f, z, v, &dem_share);
    out->element_id = e->id;
    out->element_name = e->name;
    out->element_type = e->type;
    out->city_id = z->city;
    out->other_city_id = z->other;
    out->area_m2 = v[IND_AREA];
    out->elevation_min = v[IND_ELEVATION_MIN];
    out->elevation_mean = v[IND_ELEVATION_MEAN];
    out->elevation_max = v[IND_ELEVATION_MAX];
    out->slope_mean = v[IND_SLOPE_MEAN];
    out->slope_share = v[IND_SLOPE_SHARE];
    out->forest_share = v[IND_FOREST_SHARE];
    out->dem_share = dem_share;
    out->wkb = z->wkb;
    out->wkb_size = z->wkb_size;
    return GUOTU_OK;
}
