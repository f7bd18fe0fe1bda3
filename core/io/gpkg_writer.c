/* gpkg_writer.c — multi-layer GeoPackage output, atomic. */
#include "gpkg_writer.h"

#include "io_temp.h"
#include "io_util.h"
#include "gpkg_bulk.h"

#include <errno.h>
#include <gdal/gdal.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

enum { MAX_LAYERS = 16 };

struct gpkg_writer {
    char path[1024];
    char temp[1100];
    GDALDatasetH dataset;
    OGRLayerH layers[MAX_LAYERS];
    const table_column *columns[MAX_LAYERS];
    int ncolumns[MAX_LAYERS];
    int nlayers;
    int in_transaction;
    gpkg_bulk *bulk; /* at most one bulk layer */
    int bulk_layer;
};

/* Why GDAL failed to write w's file, in a buffer of the calling statement. */
#define REASON(w) io_gdal_reason((w)->path, 1, (char[256]){0}, 256)

int gpkg_writer_open(gpkg_writer **out, const char *path, char *err, size_t err_size) {
    return gpkg_writer_open_as(out, path, "GPKG", err, err_size);
}

int gpkg_writer_open_as(gpkg_writer **out, const char *path, const char *driver_name, char *err, size_t err_size) {
    *out = NULL;
    gpkg_writer *w = calloc(1, sizeof *w);
    if (!w) {
        snprintf(err, err_size, "out of memory");
        return 1;
    }
    snprintf(w->path, sizeof w->path, "%s", path);
    /* The temporary file keeps the target's extension, once: the XLSX driver goes by it and
     * reads "a.xlsx.tmp.xlsx" as a path inside the zip "a.xlsx". */
    if (io_temp_path(path, w->temp, sizeof w->temp)) {
        snprintf(err, err_size, "the output path '%s' is too long", path);
        free(w);
        return 1;
    }
    GDALDriverH driver = GDALGetDriverByName(driver_name);
    w->dataset = driver ? GDALCreate(driver, w->temp, 0, 0, 0, GDT_Unknown, NULL) : NULL;
    if (!w->dataset) {
        char reason[256];
        snprintf(err, err_size, "cannot create '%s': %s", path, io_gdal_reason(path, 1, reason, sizeof reason));
        io_temp_discard(w->temp);
        free(w);
        return 1;
    }
    *out = w;
    return 0;
}

int gpkg_writer_add_layer(gpkg_writer *w, const char *name, OGRwkbGeometryType geometry, OGRSpatialReferenceH srs,
                          const table_column *columns, int ncolumns, char *err, size_t err_size) {
    if (w->nlayers == MAX_LAYERS) {
        snprintf(err, err_size, "too many layers");
        return -1;
    }
    /* GeoPackage transactions cover the whole file: close the open one before a new table. */
    if (w->bulk && gpkg_bulk_end_rows(w->bulk, err, err_size)) return -1;
    if (w->in_transaction && GDALDatasetCommitTransaction(w->dataset) != OGRERR_NONE) {
        snprintf(err, err_size, "cannot write '%s': %s", w->path, REASON(w));
        return -1;
    }
    w->in_transaction = 0;
    const char *options[] = {"SPATIAL_INDEX=YES", NULL};
    OGRLayerH layer =
        GDALDatasetCreateLayer(w->dataset, name, srs, geometry, geometry == wkbNone ? NULL : (char **)options);
    for (int i = 0; layer && i < ncolumns; i++) {
        OGRFieldType type = columns[i].type == COLUMN_REAL      ? OFTReal
                            : columns[i].type == COLUMN_INTEGER ? OFTInteger
                                                                : OFTString;
        OGRFieldDefnH fd = OGR_Fld_Create(columns[i].name, type);
        if (columns[i].width > 0) OGR_Fld_SetWidth(fd, columns[i].width);
        if (columns[i].alias) OGR_Fld_SetAlternativeName(fd, columns[i].alias);
        if (OGR_L_CreateField(layer, fd, 1) != OGRERR_NONE) layer = NULL;
        OGR_Fld_Destroy(fd);
    }
    if (!layer) {
        snprintf(err, err_size, "cannot create layer '%s' in '%s': %s", name, w->path, REASON(w));
        return -1;
    }
    /* Inserts inside one transaction are orders of magnitude faster in SQLite. */
    w->in_transaction = GDALDatasetStartTransaction(w->dataset, 0) == OGRERR_NONE;
    w->layers[w->nlayers] = layer;
    w->columns[w->nlayers] = columns;
    w->ncolumns[w->nlayers] = ncolumns;
    return w->nlayers++;
}

int gpkg_writer_add_bulk_layer(gpkg_writer *w, const char *name, OGRSpatialReferenceH srs, const table_column *columns,
                               int ncolumns, char *err, size_t err_size) {
    if (w->bulk) {
        snprintf(err, err_size, "one bulk layer per file");
        return -1;
    }
    int layer = gpkg_writer_add_layer(w, name, wkbMultiPolygon, srs, columns, ncolumns, err, err_size);
    if (layer < 0) return -1;
    /* The table, its R-tree and triggers exist once synced; then they are filled directly.
     * A GDAL that does not hand out its SQLite connection gets the rows the usual way. */
    sqlite3 *db = (sqlite3 *)GDALGetInternalHandle(w->dataset, "SQLITE_HANDLE");
    if (!db) return layer;
    if (OGR_L_SyncToDisk(w->layers[layer]) != OGRERR_NONE) {
        snprintf(err, err_size, "cannot create layer '%s' in '%s': %s", name, w->path, REASON(w));
        return -1;
    }
    if (gpkg_bulk_begin(db, name, columns, ncolumns, &w->bulk, err, err_size)) return -1;
    w->bulk_layer = layer;
    return layer;
}

int gpkg_writer_row(gpkg_writer *w, int layer, const char *const *texts, const double *reals, const unsigned char *wkb,
                    size_t wkb_size, char *err, size_t err_size) {
    if (w->bulk && layer == w->bulk_layer) return gpkg_bulk_row(w->bulk, texts, reals, wkb, wkb_size, err, err_size);
    OGRLayerH l = w->layers[layer];
    OGRFeatureH f = OGR_F_Create(OGR_L_GetLayerDefn(l));
    for (int i = 0; i < w->ncolumns[layer]; i++) {
        if (w->columns[layer][i].type != COLUMN_TEXT) {
            if (isnan(reals[i]))
                OGR_F_SetFieldNull(f, i);
            else if (w->columns[layer][i].type == COLUMN_INTEGER)
                OGR_F_SetFieldInteger64(f, i, (GIntBig)reals[i]);
            else
                OGR_F_SetFieldDouble(f, i, reals[i]);
        } else {
            OGR_F_SetFieldString(f, i, texts[i] ? texts[i] : "");
        }
    }
    OGRErr e = OGRERR_NONE;
    if (wkb) {
        OGRGeometryH g = NULL;
        e = OGR_G_CreateFromWkb(wkb, NULL, &g, (int)wkb_size);
        if (e == OGRERR_NONE) {
            /* Zones may be Polygon or MultiPolygon; the layer is declared MultiPolygon. */
            if (OGR_L_GetGeomType(l) == wkbMultiPolygon && wkbFlatten(OGR_G_GetGeometryType(g)) == wkbPolygon)
                g = OGR_G_ForceToMultiPolygon(g);
            else if (OGR_L_GetGeomType(l) == wkbMultiLineString &&
                     wkbFlatten(OGR_G_GetGeometryType(g)) == wkbLineString)
                g = OGR_G_ForceToMultiLineString(g);
            e = OGR_F_SetGeometryDirectly(f, g);
        }
    }
    if (e == OGRERR_NONE) e = OGR_L_CreateFeature(l, f);
    OGR_F_Destroy(f);
    if (e != OGRERR_NONE) {
        snprintf(err, err_size, "cannot write a feature of layer '%s' in '%s': %s", OGR_L_GetName(l), w->path,
                 REASON(w));
        return 1;
    }
    return 0;
}

void gpkg_writer_meta(gpkg_writer *w, int layer, const table_meta *meta, int nmeta) {
    for (int i = 0; i < nmeta; i++)
        GDALSetMetadataItem((GDALMajorObjectH)w->layers[layer], meta[i].key, meta[i].value, NULL);
}

int gpkg_writer_commit(gpkg_writer *w, char *err, size_t err_size) {
    int failed = w->bulk && gpkg_bulk_end_rows(w->bulk, err, err_size); /* err set */
    if (!failed && w->in_transaction && GDALDatasetCommitTransaction(w->dataset) != OGRERR_NONE) {
        snprintf(err, err_size, "cannot write '%s': %s", w->path, REASON(w));
        failed = 1;
    }
    GDALClose(w->dataset);
    w->dataset = NULL;
    if (!failed && w->bulk) failed = gpkg_bulk_finish(w->bulk, w->temp, err, err_size); /* err set */
    if (!failed && rename(w->temp, w->path) != 0) {
        snprintf(err, err_size, "cannot write '%s': %s", w->path, strerror(errno));
        failed = 1;
    }
    if (failed) {
        gpkg_writer_abort(w);
        return 1;
    }
    io_temp_release(w->temp);
    gpkg_bulk_free(w->bulk);
    free(w);
    return 0;
}

void gpkg_writer_abort(gpkg_writer *w) {
    if (!w) return;
    gpkg_bulk_free(w->bulk); /* its statement goes before GDAL closes the connection */
    if (w->dataset) GDALClose(w->dataset);
    io_temp_discard(w->temp);
    free(w);
}
