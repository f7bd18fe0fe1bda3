/* voucher_inputs.h — what `guotu voucher` reads besides land use: the zones with their
 * economic fields, geometry and area, and the coefficient tables. */
#ifndef GUOTU_IO_VOUCHER_INPUTS_H
#define GUOTU_IO_VOUCHER_INPUTS_H

#include <gdal/ogr_srs_api.h>
#include <stddef.h>

#include "guotu/guotu.h"
#include "resources.h"

typedef struct zone_record {
    char *id, *name;
    double gdp, population, area_ha;
    double ask, bid;  /* NaN when absent */
    double x, y;      /* a point inside the zone, for trade lines and the nearest rule */
    int key_function; /* 1: in a national key ecological function zone (field or list of ids) */
    unsigned char *wkb;
    size_t wkb_size;
} zone_record;

typedef struct zone_set {
    zone_record *zones;
    size_t count;
    OGRSpatialReferenceH srs; /* owned clone, or NULL */
    char layer_name[256];
} zone_set;

typedef struct zone_fields {
    const char *path, *layer, *encoding;
    const char *id, *name, *gdp, *pop, *ask, *bid; /* gdp, pop, name, ask, bid may be NULL */
    const char *table;                             /* optional CSV with id, gdp and pop columns, joined by id */
    const char *area;                              /* "ellipsoidal" | "planar" */
    const char *key_function;                      /* field marking key ecological function zones, or NULL */
} zone_fields;

/* A key-function field's value: 1 for 1, true, yes, y, 是; 0 for 0, false, no, n, 否 and empty
 * (any case); -1 for anything else. */
int key_function_value(const char *text);

/* Marks the zones whose ids are in `ids` (comma-separated; spaces around an id ignored).
 * 1 with a message naming an id that is no zone of the layer. */
int zone_set_mark_ids(zone_set *s, const char *ids, char *err, size_t err_size);

/* Reads every zone; fails naming the layer, feature and field for a missing field, an
 * empty id, or GDP/population that is NULL or not a number. */
int zone_set_read(guotu_context *ctx, const zone_fields *f, zone_set *out, char *err, size_t err_size);
void zone_set_free(zone_set *s);

/* Loads a coefficient table: `spec` is a CSV path or a preset name (CAS_LUCC, SANDIAO_WORK,
 * GBT21010_2017, YDYH_2023) found under the resources directory. */
int coefficients_load(guotu_context *ctx, const char *spec, const char *esv_reference, guotu_coefficients **out,
                      char *source, size_t source_size, char *err, size_t err_size);

/* "201,202" -> "CZCSXM LIKE '201%' OR CZCSXM LIKE '202%'": the OGR SQL filter of --mask-czcsxm
 * (an A suffix marks a unit's independent industrial land: 201A is city land too), written
 * into `where`. 1 on a code that is not digits (+ A), none, or a filter longer than `size`. */
int voucher_czcsxm_filter(const char *codes, char *where, size_t size);

#endif
