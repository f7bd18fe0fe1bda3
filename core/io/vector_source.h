/* vector_source.h — OGR adapter: reads polygons and one attribute from a vector layer,
 * optionally reprojected, and hands them over as WKB. The algorithms never see OGR. */
#ifndef GUOTU_IO_VECTOR_SOURCE_H
#define GUOTU_IO_VECTOR_SOURCE_H

#include <gdal/ogr_api.h>
#include <gdal/ogr_srs_api.h>
#include <gdal/gdal.h>
#include <stddef.h>
#include <stdint.h>

typedef struct vector_source {
    GDALDatasetH dataset;
    OGRLayerH layer;
    char path[1024];
    char layer_name[256];
    int field_index;                        /* the attribute vector_source_next returns; -1 for none */
    OGRFeatureH current;                    /* the feature last returned, alive until the next call */
    OGRCoordinateTransformationH transform; /* NULL when already in the target CRS */
    unsigned char *wkb;
    size_t wkb_cap;
    int64_t read; /* features returned so far: checked against the layer's count at the end */
    int filtered; /* an attribute filter is set (vector_source_filter) */
} vector_source;

/* Opens `path` (layer `layer_name`, or the only/first layer with polygons when NULL).
 * `encoding` (e.g. "GBK"; NULL = the file's own) is passed to drivers that take one.
 * Returns 0, or 1 with a message in err. */
int vector_source_open(vector_source *src, const char *path, const char *layer_name, const char *encoding, char *err,
                       size_t err_size);

/* Selects the attribute read with each feature; 1 with a message naming the layer and
 * its fields when the field is missing. */
int vector_source_use_field(vector_source *src, const char *field, char *err, size_t err_size);

/* Reads only the features matching `where` (an OGR SQL WHERE clause, as a QGIS subset
 * string of a file layer; NULL or "" reads all). 1 with a message naming the layer when the
 * driver refuses the clause. */
int vector_source_filter(vector_source *src, const char *where, char *err, size_t err_size);

/* The layer's CRS (borrowed) or NULL when it has none. */
OGRSpatialReferenceH vector_source_crs(const vector_source *src);

/* Reprojects every geometry read from now on into `target`. 1 with a message on failure. */
int vector_source_reproject_to(vector_source *src, OGRSpatialReferenceH target, char *err, size_t err_size);

int64_t vector_source_count(vector_source *src);

/* Reads the next feature: its id, attribute (UTF-8, "" when NULL or no field) and WKB
 * (borrowed until the next call). Returns 1 for a feature, 0 at the end, -1 on error —
 * including a read error of a damaged file and a GeoPackage whose table ends before the
 * count it reports: a damaged layer is never taken for a shorter one. */
int vector_source_next(vector_source *src, int64_t *fid, char *value, size_t value_size, const unsigned char **wkb,
                       size_t *wkb_size, char *err, size_t err_size);

/* Index of another field, read from the current feature with the getters below; -1 with
 * a message naming the layer and its fields when it is missing. */
int vector_source_field(vector_source *src, const char *field, char *err, size_t err_size);

/* Text of field `index` of the current feature, "" when NULL. Borrowed until the next call. */
const char *vector_source_text(const vector_source *src, int index);

/* Number in field `index` of the current feature: 1 when set, numeric (or numeric text);
 * 0 when NULL or not a number. */
int vector_source_real(const vector_source *src, int index, double *out);

void vector_source_close(vector_source *src);

/* OGR_L_GetNextFeature telling the end of `layer` from a read error (OGR returns NULL for
 * both; only its error state tells them apart). `path` and `read` (features read so far) go
 * into the message. Returns 1 with *out (the caller destroys it), 0 at the end, -1 with a
 * message in err. */
int ogr_next_feature(OGRLayerH layer, const char *path, int64_t read, OGRFeatureH *out, char *err, size_t err_size);

/* After vector_source_open failed on a layer of a three-lines workspace: a missing layer's
 * message says which layer and how workspaces are made; other messages are left as they are. */
void workspace_layer_message(char *err, size_t err_size, const char *layer);

/* Bringing a layer into the CRS of a run (layer_crs.c). */
typedef struct layer_crs_target {
    OGRSpatialReferenceH srs; /* the run's CRS (borrowed); NULL when the run has none */
    /* Borrowed, NULL for none: the geographic CRS of the layer that made the run work in a
     * Gauss-Krüger zone (`srs`). A layer in it is read in the zone like that layer: no refusal,
     * no note. */
    OGRSpatialReferenceH own;
    const char *words; /* what the messages call the run's CRS: "the parcels", "the before layer 'DLTB'" */
    int plural;        /* `words` takes "are"/"have" */
    int equivalent;    /* another definition of the same CRS counts as the same (CRITERION=EQUIVALENT) */
    int refuse;        /* --crs-mismatch fail: a layer in another CRS is refused instead of reprojected */
    void (*note)(const char *message, void *user); /* the note on a reprojection; NULL for none */
    void *note_user;
} layer_crs_target;

/* Aligns `src` (opened, nothing read yet) to `t`: nothing when both have the same CRS or
 * neither has one; otherwise reprojects it (note through t->note, *reprojected = 1 when not
 * NULL) or refuses. 1 with a message naming the role, layer, file and both CRSs in err. */
int layer_crs_align(const layer_crs_target *t, vector_source *src, const char *role, int *reprojected, char *err,
                    size_t err_size);

/* 1 when `a` and `b` are the same CRS whatever the axis order of the data (both borrowed). */
int layer_crs_same(OGRSpatialReferenceH a, OGRSpatialReferenceH b, int equivalent);

/* "CGCS2000 / 3-degree Gauss-Kruger CM 120E (EPSG:4549)": the CRS as the messages name it. */
const char *layer_crs_name(OGRSpatialReferenceH srs, char *buf, size_t size);

#endif
