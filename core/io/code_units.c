/* code_units.c — see code_units.h. */
#include "code_units.h"

#include <gdal/cpl_vsi.h>
#include <gdal/gdal.h>
#include <gdal/ogr_api.h>
#include <gdal/ogr_srs_api.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vector_source.h"

int code_unit_of(const char *code, int length, int64_t fid, const char *layer, const char *field, char *unit,
                 size_t unit_size, char *err, size_t err_size) {
    size_t want = length > 0 ? (size_t)length : 0, have = strlen(code);
    if (want && have < want) {
        snprintf(err, err_size,
                 "feature %lld of layer '%.200s': the zone code '%.200s' of field '%.100s' has %zu characters; %zu are "
                 "needed",
                 (long long)fid, layer, code, field, have, want);
        return 1;
    }
    size_t n = want ? want : have;
    if (n >= unit_size) {
        snprintf(err, err_size, "feature %lld of layer '%.200s': the zone code '%.200s' of field '%.100s' is too long",
                 (long long)fid, layer, code, field);
        return 1;
    }
    memcpy(unit, code, n);
    unit[n] = '\0';
    return 0;
}

typedef struct unit_parts {
    char *code;
    OGRGeometryH parts; /* a MultiPolygon of the unit's parcels */
} unit_parts;

static int by_code(const void *a, const void *b) {
    return strcmp(((const unit_parts *)a)->code, ((const unit_parts *)b)->code);
}

typedef struct unit_list {
    unit_parts *items;
    size_t count, cap;
    size_t last; /* parcels of a unit come together in most layers: the last unit used */
} unit_list;

static void unit_list_free(unit_list *l) {
    for (size_t i = 0; i < l->count; i++) {
        free(l->items[i].code);
        if (l->items[i].parts) OGR_G_DestroyGeometry(l->items[i].parts);
    }
    free(l->items);
}

static unit_parts *unit_get(unit_list *l, const char *code) {
    if (l->count && !strcmp(l->items[l->last].code, code)) return &l->items[l->last];
    for (size_t i = 0; i < l->count; i++)
        if (!strcmp(l->items[i].code, code)) {
            l->last = i;
            return &l->items[i];
        }
    if (l->count == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 64;
        unit_parts *grown = realloc(l->items, cap * sizeof *grown);
        if (!grown) return NULL;
        l->items = grown;
        l->cap = cap;
    }
    unit_parts *u = &l->items[l->count];
    u->code = strdup(code);
    u->parts = OGR_G_CreateGeometry(wkbMultiPolygon);
    if (!u->code || !u->parts) {
        free(u->code);
        if (u->parts) OGR_G_DestroyGeometry(u->parts);
        return NULL;
    }
    l->last = l->count++;
    return u;
}

/* Adds the polygons of `g` (Polygon or MultiPolygon; taken) to the unit's parts. */
static int add_parts(unit_parts *u, OGRGeometryH g) {
    OGRwkbGeometryType type = wkbFlatten(OGR_G_GetGeometryType(g));
    if (type == wkbPolygon) return OGR_G_AddGeometryDirectly(u->parts, g) != OGRERR_NONE;
    if (type == wkbMultiPolygon) {
        int n = OGR_G_GetGeometryCount(g), failed = 0;
        for (int i = 0; i < n && !failed; i++)
            failed = OGR_G_AddGeometry(u->parts, OGR_G_GetGeometryRef(g, i)) != OGRERR_NONE;
        OGR_G_DestroyGeometry(g);
        return failed;
    }
    OGR_G_DestroyGeometry(g);
    return 0; /* not a polygon: covers no area */
}

static int read_units(const code_units_request *req, vector_source *src, unit_list *l, int64_t *parcels, char *err,
                      size_t err_size) {
    char code[256], unit[256];
    int64_t fid;
    const unsigned char *wkb;
    size_t size;
    int more;
    while ((more = vector_source_next(src, &fid, code, sizeof code, &wkb, &size, err, err_size)) == 1) {
        if (!wkb) continue;
        if (!code[0]) {
            snprintf(err, err_size, "feature %lld of layer '%s' has no unit code (field '%s')", (long long)fid,
                     src->layer_name, req->code_field);
            return 1;
        }
        if (code_unit_of(code, req->code_length, fid, src->layer_name, req->code_field, unit, sizeof unit, err,
                         err_size))
            return 1;
        OGRGeometryH g = NULL;
        if (OGR_G_CreateFromWkb(wkb, NULL, &g, (int)size) != OGRERR_NONE) {
            snprintf(err, err_size, "feature %lld of layer '%s' has a geometry that cannot be read", (long long)fid,
                     src->layer_name);
            return 1;
        }
        unit_parts *u = unit_get(l, unit);
        if (!u || add_parts(u, g)) {
            if (!u) OGR_G_DestroyGeometry(g);
            snprintf(err, err_size, "out of memory");
            return 1;
        }
        (*parcels)++;
    }
    return more < 0;
}

/* The union of a unit's parcels, as a MultiPolygon (taken from u->parts). */
static OGRGeometryH dissolve(unit_parts *u) {
    OGRGeometryH merged = OGR_G_UnionCascaded(u->parts);
    if (!merged) return NULL;
    if (wkbFlatten(OGR_G_GetGeometryType(merged)) != wkbMultiPolygon) merged = OGR_G_ForceToMultiPolygon(merged);
    return merged;
}

static int write_units(const code_units_request *req, OGRSpatialReferenceH srs, unit_list *l, char *err,
                       size_t err_size) {
    GDALDriverH driver = GDALGetDriverByName("GPKG");
    GDALDatasetH ds = driver ? GDALCreate(driver, req->output, 0, 0, 0, GDT_Unknown, NULL) : NULL;
    OGRLayerH layer = ds ? GDALDatasetCreateLayer(ds, "units", srs, wkbMultiPolygon, NULL) : NULL;
    int failed = !layer;
    if (failed) snprintf(err, err_size, "cannot create the units layer in '%s'", req->output);
    const char *fields[2] = {req->id_field, req->name_field};
    for (int i = 0; i < 2 && !failed; i++) {
        OGRFieldDefnH f = OGR_Fld_Create(fields[i], OFTString);
        failed = OGR_L_CreateField(layer, f, 1) != OGRERR_NONE;
        OGR_Fld_Destroy(f);
        if (failed) snprintf(err, err_size, "cannot create the field '%s' of the units layer", fields[i]);
    }
    if (!failed) failed = OGR_L_StartTransaction(layer) != OGRERR_NONE;
    for (size_t i = 0; i < l->count && !failed; i++) {
        unit_parts *u = &l->items[i];
        OGRGeometryH g = dissolve(u);
        if (!g) {
            snprintf(err, err_size, "the parcels of unit '%s' could not be merged into one polygon", u->code);
            failed = 1;
            break;
        }
        OGRFeatureH feature = OGR_F_Create(OGR_L_GetLayerDefn(layer));
        const char *name = req->name ? req->name(u->code, req->name_user) : NULL;
        OGR_F_SetFieldString(feature, 0, u->code);
        OGR_F_SetFieldString(feature, 1, name ? name : "");
        OGR_F_SetGeometryDirectly(feature, g);
        failed = OGR_L_CreateFeature(layer, feature) != OGRERR_NONE;
        OGR_F_Destroy(feature);
        if (failed) snprintf(err, err_size, "cannot write unit '%s' into '%s'", u->code, req->output);
    }
    if (!failed) failed = OGR_L_CommitTransaction(layer) != OGRERR_NONE;
    if (ds) GDALClose(ds);
    return failed;
}

int code_units_write(const code_units_request *req, int64_t *units, int64_t *parcels, char *err, size_t err_size) {
    int64_t read = 0;
    unit_list l;
    memset(&l, 0, sizeof l);
    vector_source src;
    memset(&src, 0, sizeof src);
    int failed = vector_source_open(&src, req->landuse, req->landuse_layer, req->encoding, err, err_size) ||
                 vector_source_use_field(&src, req->code_field, err, err_size) ||
                 read_units(req, &src, &l, &read, err, err_size);
    if (!failed && !l.count) {
        snprintf(err, err_size, "layer '%s' of '%s' has no parcel with a geometry to make units of", src.layer_name,
                 req->landuse);
        failed = 1;
    }
    if (!failed) {
        qsort(l.items, l.count, sizeof *l.items, by_code);
        failed = write_units(req, vector_source_crs(&src), &l, err, err_size);
    }
    if (units) *units = (int64_t)l.count;
    if (parcels) *parcels = read;
    unit_list_free(&l);
    vector_source_close(&src);
    return failed;
}

void code_units_discard(const char *path) {
    if (path && path[0]) VSIUnlink(path);
}
