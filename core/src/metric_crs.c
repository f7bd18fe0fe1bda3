/* metric_crs.c — the CRS to measure metres in (SPEC §8): a projected CRS in metres as it is,
 * geographic CGCS2000 (or WGS 84) data in the 3-degree Gauss-Krüger zone of its centre. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "internal.h"

/* 3-degree zones of China: central meridians 75°E … 135°E, EPSG:4534 … 4554 (no zone prefix). */
#define GK_FIRST_CM 75
#define GK_LAST_CM 135
#define GK_FIRST_EPSG 4534

typedef enum { DATUM_OTHER, DATUM_CGCS2000, DATUM_WGS84 } datum_kind;

static int contains(const char *text, const char *part) { return text && strstr(text, part) != NULL; }

/* The datum of a geographic CRS: CGCS2000 (EPSG:1043), WGS 84 (EPSG:6326, the ensemble or a
 * realization) or another, by authority code first and by name for WKT without one (ESRI .prj). */
static datum_kind datum_of(guotu_context *ctx, PJ *geographic, char *name, size_t name_size) {
    PJ *datum = proj_crs_get_datum_forced(ctx->proj, geographic);
    datum_kind kind = DATUM_OTHER;
    name[0] = '\0';
    if (!datum) return kind;
    const char *label = proj_get_name(datum);
    const char *auth = proj_get_id_auth_name(datum, 0), *code = proj_get_id_code(datum, 0);
    gt_textf(name, name_size, "%s", label ? label : "an unnamed datum");
    int epsg = auth && code && !strcmp(auth, "EPSG");
    if ((epsg && !strcmp(code, "1043")) || contains(label, "China 2000") || contains(label, "China_2000") ||
        contains(label, "CGCS2000") || contains(label, "CGCS_2000"))
        kind = DATUM_CGCS2000;
    else if ((epsg && !strcmp(code, "6326")) || contains(label, "World Geodetic System 1984") ||
             contains(label, "WGS_1984") || contains(label, "WGS 84"))
        kind = DATUM_WGS84;
    proj_destroy(datum);
    return kind;
}

/* "EPSG:4490" when the CRS has an authority code, else its name. */
static void crs_label(const PJ *pj, const char *crs, char *buf, size_t size) {
    const char *auth = proj_get_id_auth_name(pj, 0), *code = proj_get_id_code(pj, 0);
    const char *name = proj_get_name(pj);
    if (auth && code)
        gt_textf(buf, size, "%s:%s", auth, code);
    else
        gt_textf(buf, size, "%.200s", name ? name : crs);
}

int guotu_crs_metric_zone(guotu_context *ctx, const char *crs, double xmin, double ymin, double xmax, double ymax,
                          int *epsg, char *note, size_t note_size) {
    if (!ctx) return GUOTU_ERR_ARGUMENT;
    gt_clear_error(ctx);
    if (!epsg) return gt_fail(ctx, GUOTU_ERR_ARGUMENT, "guotu_crs_metric_zone: epsg is NULL");
    *epsg = 0;
    if (note && note_size) note[0] = '\0';
    if (!crs || !crs[0]) return GUOTU_OK;
    PJ *pj = proj_create(ctx->proj, crs);
    if (!pj) return gt_fail(ctx, GUOTU_ERR_CRS, "unknown CRS '%.200s'", crs);
    PJ *base = NULL; /* a BoundCRS (WKT with TOWGS84) is its source CRS */
    if (proj_get_type(pj) == PJ_TYPE_BOUND_CRS) base = proj_get_source_crs(ctx->proj, pj);
    PJ *geo = base ? base : pj;
    PJ_TYPE type = proj_get_type(geo);
    char from[256];
    crs_label(geo, crs, from, sizeof from);
    if (type != PJ_TYPE_GEOGRAPHIC_2D_CRS && type != PJ_TYPE_GEOGRAPHIC_3D_CRS) {
        proj_destroy(base);
        proj_destroy(pj);
        /* projected in metres: work in it as it is; anything else (feet, geocentric …) refused */
        return gt_require_metres(ctx, crs, "this computation");
    }
    char datum[256];
    datum_kind kind = datum_of(ctx, geo, datum, sizeof datum);
    proj_destroy(base);
    proj_destroy(pj);
    if (kind == DATUM_OTHER)
        return gt_fail(ctx, GUOTU_ERR_CRS,
                       "the data is in %s, geographic (degrees) on the datum %s: only CGCS2000 and WGS 84 data are "
                       "placed in a CGCS2000 3-degree Gauss-Krüger zone; reproject it to a projected CRS in metres",
                       from, datum);
    if (!isfinite(xmin) || !isfinite(ymin) || !isfinite(xmax) || !isfinite(ymax) || xmin > xmax || ymin > ymax)
        return gt_fail(ctx, GUOTU_ERR_CRS,
                       "the data in %s has no extent (no features?): no Gauss-Krüger zone can be chosen for it", from);
    if (xmin < -180 || xmax > 180 || ymin < -90 || ymax > 90)
        return gt_fail(ctx, GUOTU_ERR_CRS,
                       "the extent %.6f, %.6f – %.6f, %.6f of the data is not longitude and latitude in degrees, as "
                       "%s says: the CRS assigned to the data is wrong",
                       xmin, ymin, xmax, ymax, from);
    double centre = (xmin + xmax) / 2;
    double cm = 3 * round(centre / 3); /* the nearest central meridian; a centre half way goes east */
    if (cm < GK_FIRST_CM || cm > GK_LAST_CM)
        return gt_fail(ctx, GUOTU_ERR_CRS,
                       "the data's extent (longitude %.6f° – %.6f°, latitude %.6f° – %.6f°, centre %.6f°) lies outside "
                       "China's 3-degree Gauss-Krüger zones (central meridians 75°E – 135°E): no zone can be chosen; "
                       "reproject it to a projected CRS in metres",
                       xmin, xmax, ymin, ymax, centre);
    int code = GK_FIRST_EPSG + ((int)cm - GK_FIRST_CM) / 3;
    *epsg = code;
    if (note && note_size) {
        char target[32];
        snprintf(target, sizeof target, "EPSG:%d", code);
        PJ *zone = proj_create(ctx->proj, target);
        const char *name = zone ? proj_get_name(zone) : NULL;
        char zone_name[128];
        if (name)
            gt_textf(zone_name, sizeof zone_name, "%s", name);
        else
            snprintf(zone_name, sizeof zone_name, "CGCS2000 / 3-degree Gauss-Kruger CM %dE", (int)cm);
        proj_destroy(zone);
        gt_textf(note, note_size, "reprojected from %s to %s (%s), the zone of the data's centre%s", from, target,
                 zone_name, kind == DATUM_WGS84 ? "; WGS 84 taken as CGCS2000 (they agree to a few centimetres)" : "");
    }
    return GUOTU_OK;
}
