/* vector_source.c — OGR adapter of the I/O library (the CLI and the plugin's file runs). */
#include "vector_source.h"

#include "io_util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int is_polygon_layer(OGRLayerH layer) {
    OGRwkbGeometryType t = wkbFlatten(OGR_L_GetGeomType(layer));
    return t == wkbPolygon || t == wkbMultiPolygon || t == wkbCurvePolygon || t == wkbMultiSurface || t == wkbUnknown;
}

static void list_layers(GDALDatasetH ds, char *buf, size_t size) {
    buf[0] = '\0';
    int n = GDALDatasetGetLayerCount(ds);
    for (int i = 0; i < n; i++) {
        size_t used = strlen(buf);
        snprintf(buf + used, size - used, "%s%s", i ? ", " : "", OGR_L_GetName(GDALDatasetGetLayer(ds, i)));
    }
}

int vector_source_open(vector_source *src, const char *path, const char *layer_name, const char *encoding, char *err,
                       size_t err_size) {
    memset(src, 0, sizeof *src);
    src->field_index = -1;
    snprintf(src->path, sizeof src->path, "%s", path);
    char option[128];
    const char *open_options[2] = {NULL, NULL};
    if (encoding && encoding[0]) {
        /* Only drivers that take it (shapefiles, …): others warn about an unknown option. */
        GDALDriverH driver = GDALIdentifyDriverEx(path, GDAL_OF_VECTOR, NULL, NULL);
        const char *known = driver ? GDALGetMetadataItem(driver, GDAL_DMD_OPENOPTIONLIST, NULL) : NULL;
        if (!driver || (known && strstr(known, "name='ENCODING'"))) {
            snprintf(option, sizeof option, "ENCODING=%s", encoding);
            open_options[0] = option;
        }
    }
    src->dataset = GDALOpenEx(path, GDAL_OF_VECTOR | GDAL_OF_READONLY, NULL, open_options, NULL);
    if (!src->dataset) {
        char reason[256];
        snprintf(err, err_size, "cannot open '%s' as a vector file: %s", path,
                 io_gdal_reason(path, 0, reason, sizeof reason));
        return 1;
    }
    if (layer_name) {
        src->layer = GDALDatasetGetLayerByName(src->dataset, layer_name);
        if (!src->layer) {
            char names[512];
            list_layers(src->dataset, names, sizeof names);
            snprintf(err, err_size, "'%s' has no layer '%s' (layers: %s)", path, layer_name, names);
            return 1;
        }
    } else {
        int n = GDALDatasetGetLayerCount(src->dataset);
        for (int i = 0; i < n && !src->layer; i++) {
            OGRLayerH candidate = GDALDatasetGetLayer(src->dataset, i);
            if (is_polygon_layer(candidate)) src->layer = candidate;
        }
        if (!src->layer) {
            snprintf(err, err_size, "'%s' has no polygon layer", path);
            return 1;
        }
    }
    snprintf(src->layer_name, sizeof src->layer_name, "%s", OGR_L_GetName(src->layer));
    if (!is_polygon_layer(src->layer)) {
        snprintf(err, err_size, "layer '%s' of '%s' holds %s geometries; polygons are needed", src->layer_name, path,
                 OGRGeometryTypeToName(OGR_L_GetGeomType(src->layer)));
        return 1;
    }
    return 0;
}

int vector_source_use_field(vector_source *src, const char *field, char *err, size_t err_size) {
    src->field_index = vector_source_field(src, field, err, err_size);
    return src->field_index < 0;
}

int vector_source_field(vector_source *src, const char *field, char *err, size_t err_size) {
    OGRFeatureDefnH defn = OGR_L_GetLayerDefn(src->layer);
    int index = OGR_FD_GetFieldIndex(defn, field);
    if (index >= 0) return index;
    char names[600] = "";
    for (int i = 0; i < OGR_FD_GetFieldCount(defn); i++) {
        size_t used = strlen(names);
        snprintf(names + used, sizeof names - used, "%s%s", i ? ", " : "",
                 OGR_Fld_GetNameRef(OGR_FD_GetFieldDefn(defn, i)));
    }
    snprintf(err, err_size, "layer '%s' of '%s' has no field '%s' (fields: %s)", src->layer_name, src->path, field,
             names[0] ? names : "none");
    return -1;
}

const char *vector_source_text(const vector_source *src, int index) {
    if (!src->current || index < 0 || !OGR_F_IsFieldSetAndNotNull(src->current, index)) return "";
    return OGR_F_GetFieldAsString(src->current, index);
}

int vector_source_real(const vector_source *src, int index, double *out) {
    if (!src->current || index < 0 || !OGR_F_IsFieldSetAndNotNull(src->current, index)) return 0;
    OGRFieldType type = OGR_Fld_GetType(OGR_F_GetFieldDefnRef(src->current, index));
    if (type == OFTReal || type == OFTInteger || type == OFTInteger64) {
        *out = OGR_F_GetFieldAsDouble(src->current, index);
        return 1;
    }
    const char *text = OGR_F_GetFieldAsString(src->current, index);
    char *end = NULL;
    *out = strtod(text, &end);
    return *text && end && *end == '\0';
}

OGRSpatialReferenceH vector_source_crs(const vector_source *src) {
    OGRSpatialReferenceH srs = OGR_L_GetSpatialRef(src->layer);
    /* A GeoPackage written without a CRS reports srs_id 0 or -1 as an "Undefined
     * geographic/Cartesian SRS": that is no CRS, not a CRS to reproject from. */
    const char *name = srs ? OSRGetName(srs) : NULL;
    if (name && strncmp(name, "Undefined ", 10) == 0 && !OSRGetAuthorityCode(srs, NULL)) return NULL;
    return srs;
}

int vector_source_reproject_to(vector_source *src, OGRSpatialReferenceH target, char *err, size_t err_size) {
    OGRSpatialReferenceH from = OSRClone(vector_source_crs(src));
    OGRSpatialReferenceH to = OSRClone(target);
    /* Files store x = easting/longitude whatever the CRS's official axis order. */
    OSRSetAxisMappingStrategy(from, OAMS_TRADITIONAL_GIS_ORDER);
    OSRSetAxisMappingStrategy(to, OAMS_TRADITIONAL_GIS_ORDER);
    src->transform = OCTNewCoordinateTransformation(from, to);
    OSRDestroySpatialReference(from);
    OSRDestroySpatialReference(to);
    if (!src->transform) {
        snprintf(err, err_size, "cannot reproject layer '%s': %s", src->layer_name, CPLGetLastErrorMsg());
        return 1;
    }
    return 0;
}

int64_t vector_source_count(vector_source *src) { return OGR_L_GetFeatureCount(src->layer, 1); }

int vector_source_filter(vector_source *src, const char *where, char *err, size_t err_size) {
    if (!where || !where[0]) return 0;
    CPLErrorReset();
    if (OGR_L_SetAttributeFilter(src->layer, where) != OGRERR_NONE) {
        snprintf(err, err_size, "the filter \"%s\" cannot be applied to layer '%s' of '%s': %s", where, src->layer_name,
                 src->path, CPLGetLastErrorMsg());
        return 1;
    }
    src->filtered = 1;
    return 0;
}

int ogr_next_feature(OGRLayerH layer, const char *path, int64_t read, OGRFeatureH *out, char *err, size_t err_size) {
    CPLErrorReset();
    *out = OGR_L_GetNextFeature(layer);
    if (*out) return 1;
    if (CPLGetLastErrorType() < CE_Failure) return 0;
    snprintf(err, err_size,
             "cannot read layer '%s' of '%s' after %lld features: %s — the file is damaged or unreadable; nothing "
             "was computed from it",
             OGR_L_GetName(layer), path, (long long)read, CPLGetLastErrorMsg());
    return -1;
}

/* A driver that stops early without an error (or whose error was swallowed) leaves fewer
 * features read than the layer says it holds. Only GeoPackage and SQLite keep a count that
 * is exact without reading the table (shapefiles count records flagged deleted). */
static int check_complete(vector_source *src, char *err, size_t err_size) {
    const char *driver = GDALGetDriverShortName(GDALGetDatasetDriver(src->dataset));
    if (strcmp(driver, "GPKG") != 0 && strcmp(driver, "SQLite") != 0) return 0;
    /* With a filter the count is a query of its own (forced); without, the stored count. */
    GIntBig expected = OGR_L_GetFeatureCount(src->layer, src->filtered);
    if (expected < 0 || expected == src->read) return 0;
    snprintf(err, err_size,
             "layer '%s' of '%s' holds %lld features but only %lld could be read — the file is damaged; nothing was "
             "computed from it",
             src->layer_name, src->path, (long long)expected, (long long)src->read);
    return 1;
}

int vector_source_next(vector_source *src, int64_t *fid, char *value, size_t value_size, const unsigned char **wkb,
                       size_t *wkb_size, char *err, size_t err_size) {
    if (src->current) OGR_F_Destroy(src->current);
    src->current = NULL;
    OGRFeatureH f = NULL;
    int got = ogr_next_feature(src->layer, src->path, src->read, &f, err, err_size);
    if (got <= 0) return got < 0 || check_complete(src, err, err_size) ? -1 : 0;
    src->current = f;
    src->read++;
    *fid = OGR_F_GetFID(f);
    value[0] = '\0';
    if (src->field_index >= 0 && OGR_F_IsFieldSetAndNotNull(f, src->field_index)) {
        const char *text = OGR_F_GetFieldAsString(f, src->field_index);
        /* A cut id or code would silently merge distinct values: too long is an error. */
        if (strlen(text) >= value_size) {
            snprintf(err, err_size,
                     "feature %lld of layer '%s': the value of field '%s' is %zu bytes long; at most %zu fit",
                     (long long)*fid, src->layer_name, OGR_Fld_GetNameRef(OGR_F_GetFieldDefnRef(f, src->field_index)),
                     strlen(text), value_size - 1);
            return -1;
        }
        snprintf(value, value_size, "%s", text);
    }
    *wkb = NULL;
    *wkb_size = 0;
    OGRGeometryH g = OGR_F_GetGeometryRef(f);
    OGRGeometryH linear = NULL;
    int status = 1;
    if (g && OGR_G_HasCurveGeometry(g, 1)) g = linear = OGR_G_GetLinearGeometry(g, 0, NULL);
    if (g && src->transform && OGR_G_Transform(g, src->transform) != OGRERR_NONE) {
        snprintf(err, err_size, "cannot reproject feature %lld of layer '%s'", (long long)*fid, src->layer_name);
        status = -1;
    } else if (g) {
        size_t n = (size_t)OGR_G_WkbSize(g);
        if (n > src->wkb_cap) {
            unsigned char *grown = realloc(src->wkb, n);
            if (!grown) {
                snprintf(err, err_size, "out of memory");
                status = -1;
            } else {
                src->wkb = grown;
                src->wkb_cap = n;
            }
        }
        if (status == 1) {
            OGR_G_ExportToIsoWkb(g, wkbNDR, src->wkb);
            *wkb = src->wkb;
            *wkb_size = n;
        }
    }
    if (linear) OGR_G_DestroyGeometry(linear);
    return status;
}

void vector_source_close(vector_source *src) {
    if (src->current) OGR_F_Destroy(src->current);
    if (src->transform) OCTDestroyCoordinateTransformation(src->transform);
    if (src->dataset) GDALClose(src->dataset);
    free(src->wkb);
    memset(src, 0, sizeof *src);
}

void workspace_layer_message(char *err, size_t err_size, const char *layer) {
    if (!strstr(err, "has no layer")) return;
    char detail[1024];
    snprintf(detail, sizeof detail, "%.1000s", err);
    snprintf(err, err_size,
             "the workspace is missing the layer '%.64s' (%.900s); make workspaces with `guotu lines init`", layer,
             detail);
}
