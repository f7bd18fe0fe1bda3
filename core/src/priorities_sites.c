/* priorities_sites.c — objectives of candidate sites computed from land use and the red line
 * (SPEC §11 with the standard-forest coefficients of §3). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "area.h"
#include "polygon_input.h"
#include "priorities_internal.h"

typedef struct land_attr {
    char *code;
    double deduction;
    double k; /* standard-forest coefficient, NaN without a table */
} land_attr;

struct guotu_sites {
    guotu_area_calc *calc;
    guotu_invalid_policy invalid;
    const guotu_coefficients *coefficients;
    double target_k;
    int target_cultivated;
    gt_prefixes cultivated;
    char *crs;
    gt_polyset land, redline, sites;
    land_attr *attrs;
    size_t attr_cap;
    guotu_site_scores *scores;
    int ran;
};

void guotu_sites_options_init(guotu_sites_options *opts) {
    if (!opts) return;
    memset(opts, 0, sizeof *opts);
    opts->area_method = GUOTU_AREA_ELLIPSOIDAL;
    opts->invalid = GUOTU_INVALID_REPAIR;
    opts->cultivated = "01";
}

void guotu_sites_destroy(guotu_context *ctx, guotu_sites *s) {
    if (!s) return;
    guotu_area_calc_destroy(ctx, s->calc);
    for (size_t i = 0; i < s->land.count; i++)
        free(s->attrs[i].code);
    free(s->attrs);
    gt_polyset_free(ctx, &s->land);
    gt_polyset_free(ctx, &s->redline);
    gt_polyset_free(ctx, &s->sites);
    gt_prefixes_free(&s->cultivated);
    free(s->scores);
    free(s->crs);
    free(s);
}

int guotu_sites_create(guotu_context *ctx, const guotu_sites_options *opts, guotu_sites **out) {
    if (!ctx) return GUOTU_ERR_ARGUMENT;
    gt_clear_error(ctx);
    if (!opts || !out) return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "guotu_sites_create: NULL argument");
    *out = NULL;
    guotu_sites *s = calloc(1, sizeof *s);
    if (!s) return gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
    s->invalid = opts->invalid;
    s->coefficients = opts->coefficients;
    s->target_k = NAN;
    int status = guotu_area_calc_create(ctx, opts->crs, opts->area_method, &s->calc);
    if (!status && gt_prefixes_parse(&s->cultivated, opts->cultivated ? opts->cultivated : "01"))
        status = gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
    if (!status && opts->crs && !(s->crs = gt_strdup(opts->crs)))
        status = gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
    if (!status && (opts->coefficients || opts->target_class)) {
        const char *target = opts->target_class ? opts->target_class : "";
        if (!opts->coefficients || !target[0])
            status = gt_fail(ctx, GUOTU_ERR_ARGUMENT,
                             "the standard-forest gain needs both a coefficient table and a target class");
        else if (!guotu_coefficients_lookup(opts->coefficients, target, &s->target_k))
            status = gt_fail(ctx, GUOTU_ERR_DATA, "target class '%s' is not in the coefficient table", target);
        s->target_cultivated = gt_prefixes_match(&s->cultivated, target);
    }
    if (status) {
        guotu_sites_destroy(ctx, s);
        return status;
    }
    *out = s;
    return GUOTU_OK;
}

static int begin_add(guotu_context *ctx, guotu_sites *s, const unsigned char *wkb) {
    if (!ctx) return GUOTU_ERR_ARGUMENT;
    gt_clear_error(ctx);
    if (!s || !wkb) return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "guotu_sites_add: NULL argument");
    if (s->ran) return gt_fail(ctx, GUOTU_ERR_STATE, "features added after guotu_sites_run");
    return GUOTU_OK;
}

int guotu_sites_add_landuse(guotu_context *ctx, guotu_sites *s, int64_t fid, const char *land_class, double deduction,
                            const unsigned char *wkb, size_t wkb_size) {
    int status = begin_add(ctx, s, wkb);
    if (status) return status;
    if (!land_class || !gt_utf8_valid(land_class))
        return gt_fail(ctx, GUOTU_ERR_DATA, "land use, feature %lld: the class code is not UTF-8 text", (long long)fid);
    if (isnan(deduction)) deduction = 0;
    if (!(deduction >= 0 && deduction < 1))
        return gt_fail(ctx, GUOTU_ERR_DATA, "land use, feature %lld: deduction coefficient %g is not in [0, 1)",
                       (long long)fid, deduction);
    double k = NAN;
    if (s->coefficients && !guotu_coefficients_lookup(s->coefficients, land_class, &k)) {
        gt_textf(ctx->scratch, sizeof ctx->scratch,
                 "land use, feature %lld: class '%s' is not in the coefficient table (choose the table of the "
                 "layer's classification)",
                 (long long)fid, land_class);
        return gt_fail(ctx, GUOTU_ERR_DATA, "%s", ctx->scratch);
    }
    GEOSGeometry *g = NULL;
    int repaired = 0;
    status = gt_read_polygon(ctx, s->invalid, "land use", fid, wkb, wkb_size, &g, &repaired);
    if (status) return status;
    if (gt_reserve(&s->attrs, &s->attr_cap, s->land.count + 1, sizeof *s->attrs, 64)) {
        GEOSGeom_destroy_r(ctx->geos, g);
        return gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
    }
    land_attr *a = &s->attrs[s->land.count];
    *a = (land_attr){gt_strdup(land_class), deduction, k};
    if (!a->code) {
        GEOSGeom_destroy_r(ctx->geos, g);
        return gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
    }
    status = gt_polyset_add(ctx, &s->land, fid, g);
    if (status) {
        free(a->code);
        a->code = NULL;
    }
    return status;
}

int guotu_sites_add_redline(guotu_context *ctx, guotu_sites *s, int64_t fid, const unsigned char *wkb,
                            size_t wkb_size) {
    int status = begin_add(ctx, s, wkb);
    if (status) return status;
    if (!s->redline.count && (status = gt_require_metres(ctx, s->crs, "the distance of sites to the red line")))
        return status;
    GEOSGeometry *g = NULL;
    int repaired = 0;
    status = gt_read_polygon(ctx, s->invalid, "red line", fid, wkb, wkb_size, &g, &repaired);
    return status ? status : gt_polyset_add(ctx, &s->redline, fid, g);
}

int guotu_sites_add_site(guotu_context *ctx, guotu_sites *s, int64_t fid, const unsigned char *wkb, size_t wkb_size) {
    int status = begin_add(ctx, s, wkb);
    if (status) return status;
    GEOSGeometry *g = NULL;
    int repaired = 0;
    status = gt_read_polygon(ctx, s->invalid, "sites", fid, wkb, wkb_size, &g, &repaired);
    return status ? status : gt_polyset_add(ctx, &s->sites, fid, g);
}

/* Land use inside site i: area, forest gain, cultivated change. */
static int score_land(guotu_context *ctx, guotu_sites *s, const GEOSGeometry *site, const GEOSPreparedGeometry *prep,
                      guotu_site_scores *out) {
    double land = 0, gain = 0, cultivated = 0, other = 0;
    if (gt_polyset_query(ctx, &s->land, site)) return GUOTU_ERR_GEOMETRY;
    int status = GUOTU_OK;
    for (size_t h = 0; !status && h < s->land.nhits; h++) {
        size_t i = s->land.hits[h];
        gt_polyset_member *m = &s->land.members[i];
        if (GEOSPreparedIntersects_r(ctx->geos, prep, m->geom) != 1) continue;
        double a = 0;
        if (GEOSPreparedContains_r(ctx->geos, prep, m->geom) == 1) {
            status = gt_area_of_geom(ctx, s->calc, m->geom, &a);
        } else {
            GEOSGeometry *piece = NULL;
            status = gt_overlay_polygonal(ctx, m->geom, site, 0, &piece, "land-use feature %lld with site %lld",
                                          (long long)m->fid, (long long)out->fid);
            if (!status && piece) status = gt_area_of_geom(ctx, s->calc, piece, &a);
            if (piece) GEOSGeom_destroy_r(ctx->geos, piece);
        }
        if (status) break;
        a /= 1e4;
        const land_attr *attr = &s->attrs[i];
        land += a;
        if (s->coefficients) gain += a * (s->target_k - attr->k);
        if (gt_prefixes_match(&s->cultivated, attr->code))
            cultivated += a * (1 - attr->deduction);
        else
            other += a;
    }
    out->landuse_ha = land;
    out->forest_gain_ha = s->coefficients ? gain : NAN;
    out->cultivated_change_ha = s->target_cultivated ? other : -cultivated;
    return status;
}

static int score_redline(guotu_context *ctx, const GEOSGeometry *site, const GEOSGeometry *redline,
                         const GEOSPreparedGeometry *prep_red, guotu_site_scores *out) {
    double d = 0;
    if (!GEOSPreparedDistance_r(ctx->geos, prep_red, site, &d))
        return gt_fail_geos(ctx, GUOTU_ERR_GEOMETRY, "site %lld: cannot measure its distance to the red line",
                            (long long)out->fid);
    out->redline_distance_m = d;
    out->redline_contact_m = 0;
    if (d > 0) return GUOTU_OK;
    GEOSGeometry *boundary = GEOSBoundary_r(ctx->geos, site);
    GEOSGeometry *on = boundary ? GEOSIntersection_r(ctx->geos, boundary, redline) : NULL;
    double length = 0;
    int ok = on && GEOSLength_r(ctx->geos, on, &length);
    if (on) GEOSGeom_destroy_r(ctx->geos, on);
    if (boundary) GEOSGeom_destroy_r(ctx->geos, boundary);
    if (!ok)
        return gt_fail_geos(ctx, GUOTU_ERR_GEOMETRY, "site %lld: cannot measure its boundary on the red line",
                            (long long)out->fid);
    out->redline_contact_m = length;
    return GUOTU_OK;
}

int guotu_sites_run(guotu_context *ctx, guotu_sites *s) {
    if (!ctx) return GUOTU_ERR_ARGUMENT;
    gt_clear_error(ctx);
    if (!s) return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "guotu_sites_run: NULL argument");
    if (s->ran) return gt_fail(ctx, GUOTU_ERR_STATE, "guotu_sites_run called twice");
    s->ran = 1;
    size_t n = s->sites.count;
    s->scores = calloc(n ? n : 1, sizeof *s->scores);
    if (!s->scores) return gt_fail(ctx, GUOTU_ERR_NOMEM, "out of memory");
    GEOSGeometry *redline = NULL;
    const GEOSPreparedGeometry *prep_red = NULL;
    int status = GUOTU_OK;
    if (s->redline.count) {
        GEOSGeometry **parts = malloc(s->redline.count * sizeof *parts);
        size_t made = 0; /* the collection takes copies */
        for (; parts && made < s->redline.count; made++)
            if (!(parts[made] = GEOSGeom_clone_r(ctx->geos, s->redline.members[made].geom))) break;
        if (parts && made < s->redline.count) {
            for (size_t i = 0; i < made; i++)
                GEOSGeom_destroy_r(ctx->geos, parts[i]);
            free(parts);
            parts = NULL;
        }
        GEOSGeometry *all =
            parts ? GEOSGeom_createCollection_r(ctx->geos, GEOS_GEOMETRYCOLLECTION, parts, (unsigned)s->redline.count)
                  : NULL;
        if (all) {
            redline = GEOSUnaryUnion_r(ctx->geos, all);
            GEOSGeom_destroy_r(ctx->geos, all);
        }
        free(parts);
        prep_red = redline ? GEOSPrepare_r(ctx->geos, redline) : NULL;
        if (!prep_red) status = gt_fail_geos(ctx, GUOTU_ERR_GEOMETRY, "cannot merge the red line's features");
    }
    for (size_t i = 0; !status && i < n; i++) {
        gt_polyset_member *site = &s->sites.members[i];
        guotu_site_scores *sc = &s->scores[i];
        sc->fid = site->fid;
        sc->redline_distance_m = sc->redline_contact_m = NAN;
        if (i % 256 == 0 && gt_report_progress(ctx, (double)i / (double)n, "scoring sites")) {
            status = GUOTU_ERR_CANCELLED;
            break;
        }
        double area = 0;
        status = gt_area_of_geom(ctx, s->calc, site->geom, &area);
        sc->area_ha = area / 1e4;
        const GEOSPreparedGeometry *prep = status ? NULL : GEOSPrepare_r(ctx->geos, site->geom);
        if (!status && !prep)
            status = gt_fail_geos(ctx, GUOTU_ERR_GEOMETRY, "cannot prepare site %lld", (long long)site->fid);
        if (!status) status = score_land(ctx, s, site->geom, prep, sc);
        if (!status && prep_red) status = score_redline(ctx, site->geom, redline, prep_red, sc);
        if (prep) GEOSPreparedGeom_destroy_r(ctx->geos, prep);
    }
    if (prep_red) GEOSPreparedGeom_destroy_r(ctx->geos, prep_red);
    if (redline) GEOSGeom_destroy_r(ctx->geos, redline);
    return status;
}

size_t guotu_sites_count(const guotu_sites *s) { return s ? s->sites.count : 0; }

int guotu_sites_row(guotu_context *ctx, const guotu_sites *s, size_t i, guotu_site_scores *out) {
    if (!ctx) return GUOTU_ERR_ARGUMENT;
    if (!s || !out || !s->ran || !s->scores || i >= s->sites.count)
        return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "site row %zu: out of range or not run", i);
    *out = s->scores[i];
    return GUOTU_OK;
}
