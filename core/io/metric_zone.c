/* metric_zone.c — see metric_zone.h. */
#include "metric_zone.h"

#include <cpl_conv.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "guotu/guotu.h"
#include "vector_source.h"

void metric_extent_init(metric_extent *e) {
    e->xmin = e->ymin = HUGE_VAL;
    e->xmax = e->ymax = -HUGE_VAL;
}

static void add_box(metric_extent *e, double xmin, double ymin, double xmax, double ymax) {
    if (!(xmin <= xmax && ymin <= ymax)) return;
    e->xmin = fmin(e->xmin, xmin);
    e->ymin = fmin(e->ymin, ymin);
    e->xmax = fmax(e->xmax, xmax);
    e->ymax = fmax(e->ymax, ymax);
}

static void add_transformed(metric_extent *e, double xmin, double ymin, double xmax, double ymax,
                            OGRSpatialReferenceH from_srs, OGRSpatialReferenceH crs) {
    if (!from_srs || !crs || layer_crs_same(from_srs, crs, 1)) {
        add_box(e, xmin, ymin, xmax, ymax);
        return;
    }
    OGRSpatialReferenceH from = OSRClone(from_srs), to = OSRClone(crs);
    OSRSetAxisMappingStrategy(from, OAMS_TRADITIONAL_GIS_ORDER);
    OSRSetAxisMappingStrategy(to, OAMS_TRADITIONAL_GIS_ORDER);
    OGRCoordinateTransformationH ct = OCTNewCoordinateTransformation(from, to);
    double x0, y0, x1, y1;
    /* the bounds of the transformed box, edges densified (a box in metres bends in degrees) */
    if (ct && OCTTransformBounds(ct, xmin, ymin, xmax, ymax, &x0, &y0, &x1, &y1, 21)) add_box(e, x0, y0, x1, y1);
    if (ct) OCTDestroyCoordinateTransformation(ct);
    OSRDestroySpatialReference(from);
    OSRDestroySpatialReference(to);
}

void metric_extent_add_layer(metric_extent *e, OGRLayerH layer, OGRSpatialReferenceH layer_srs,
                             OGRSpatialReferenceH crs) {
    OGREnvelope env;
    if (OGR_L_GetExtent(layer, &env, 1) != OGRERR_NONE) return;
    add_transformed(e, env.MinX, env.MinY, env.MaxX, env.MaxY, layer_srs, crs);
}

static int polygon_like(OGRLayerH layer) {
    OGRwkbGeometryType t = wkbFlatten(OGR_L_GetGeomType(layer));
    return t == wkbPolygon || t == wkbMultiPolygon || t == wkbCurvePolygon || t == wkbMultiSurface || t == wkbUnknown;
}

int metric_extent_add_file(metric_extent *e, const char *path, const char *layer, OGRSpatialReferenceH crs, char *err,
                           size_t err_size) {
    GDALDatasetH ds = GDALOpenEx(path, GDAL_OF_VECTOR | GDAL_OF_READONLY, NULL, NULL, NULL);
    if (!ds) {
        snprintf(err, err_size, "cannot open '%s' to find the extent of its data", path);
        return 1;
    }
    int n = GDALDatasetGetLayerCount(ds);
    for (int i = 0; i < n; i++) {
        OGRLayerH l = GDALDatasetGetLayer(ds, i);
        if (layer ? strcmp(OGR_L_GetName(l), layer) != 0 : !polygon_like(l)) continue;
        if (wkbFlatten(OGR_L_GetGeomType(l)) == wkbNone) continue;
        metric_extent_add_layer(e, l, OGR_L_GetSpatialRef(l), crs);
    }
    GDALClose(ds);
    return 0;
}

void metric_extent_add_raster(metric_extent *e, GDALDatasetH ds, OGRSpatialReferenceH crs) {
    double gt[6];
    if (GDALGetGeoTransform(ds, gt) != CE_None) return;
    double w = GDALGetRasterXSize(ds), h = GDALGetRasterYSize(ds);
    double xs[4] = {gt[0], gt[0] + w * gt[1], gt[0] + h * gt[2], gt[0] + w * gt[1] + h * gt[2]};
    double ys[4] = {gt[3], gt[3] + w * gt[4], gt[3] + h * gt[5], gt[3] + w * gt[4] + h * gt[5]};
    double x0 = xs[0], x1 = xs[0], y0 = ys[0], y1 = ys[0];
    for (int i = 1; i < 4; i++) {
        x0 = fmin(x0, xs[i]);
        x1 = fmax(x1, xs[i]);
        y0 = fmin(y0, ys[i]);
        y1 = fmax(y1, ys[i]);
    }
    add_transformed(e, x0, y0, x1, y1, GDALGetSpatialRef(ds), crs);
}

int metric_zone_choose(OGRSpatialReferenceH crs, const metric_extent *e, const char *what, OGRSpatialReferenceH *zone,
                       char *note_en, size_t en_size, char *note_zh, size_t zh_size, char *err, size_t err_size) {
    *zone = NULL;
    if (note_en && en_size) note_en[0] = '\0';
    if (note_zh && zh_size) note_zh[0] = '\0';
    if (!crs || !OSRIsGeographic(crs)) return 0;
    char *wkt = NULL;
    const char *opts[] = {"FORMAT=WKT2_2019", NULL};
    if (OSRExportToWktEx(crs, &wkt, opts) != OGRERR_NONE) {
        CPLFree(wkt);
        snprintf(err, err_size, "cannot describe the CRS of %s", what);
        return 1;
    }
    guotu_context *ctx = guotu_context_create();
    if (!ctx) {
        CPLFree(wkt);
        snprintf(err, err_size, "out of memory");
        return 1;
    }
    int epsg = 0;
    char note[512];
    int status = guotu_crs_metric_zone(ctx, wkt, e->xmin, e->ymin, e->xmax, e->ymax, &epsg, note, sizeof note);
    CPLFree(wkt);
    if (status) {
        snprintf(err, err_size, "%s: %s", what, guotu_context_last_error(ctx));
        guotu_context_destroy(ctx);
        return 1;
    }
    guotu_context_destroy(ctx);
    if (!epsg) return 0;
    *zone = OSRNewSpatialReference(NULL);
    if (OSRImportFromEPSG(*zone, epsg) != OGRERR_NONE) {
        OSRDestroySpatialReference(*zone);
        *zone = NULL;
        snprintf(err, err_size, "GDAL does not know EPSG:%d, the Gauss-Krüger zone of %s", epsg, what);
        return 1;
    }
    OSRSetAxisMappingStrategy(*zone, OAMS_TRADITIONAL_GIS_ORDER);
    if (note_en && en_size) snprintf(note_en, en_size, "%s; outputs are in EPSG:%d", note, epsg);
    if (note_zh && zh_size) {
        const char *from = strstr(note, "from "), *to = strstr(note, " to ");
        char source[256] = "";
        if (from && to && to > from) snprintf(source, sizeof source, "%.*s", (int)(to - from - 5), from + 5);
        const char *name = OSRGetName(*zone);
        int cm = 75 + 3 * (epsg - 4534);
        snprintf(note_zh, zh_size,
                 "已从 %s 投影转换到 EPSG:%d（%s），即数据中心所在的中央经线 %d°E 高斯-克吕格 3 度带%s；"
                 "输出为 EPSG:%d",
                 source, epsg, name ? name : "", cm,
                 strstr(note, "WGS 84") ? "（WGS 84 按 CGCS2000 处理，两者相差仅几厘米）" : "", epsg);
    }
    return 0;
}
