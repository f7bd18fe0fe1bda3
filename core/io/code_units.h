/* code_units.h — survey units known only by the land use's own codes (三调 ZLDWDM: the first 6
 * characters are the county, 9 the town, 12 the village, SPEC §8). Shared by the tally by code
 * and by the commands that need the units as polygons (vouchers: mask, lines, counties and the
 * market all work on zone polygons). */
#ifndef GUOTU_IO_CODE_UNITS_H
#define GUOTU_IO_CODE_UNITS_H

#include <stddef.h>
#include <stdint.h>

/* The unit of `code`: its first `length` characters (0: the whole code), into `unit`. Returns
 * 0; 1 with a message naming the feature, layer and field when the code is shorter than
 * `length` or the unit does not fit `unit_size`. */
int code_unit_of(const char *code, int length, int64_t fid, const char *layer, const char *field, char *unit,
                 size_t unit_size, char *err, size_t err_size);

/* Looks up a unit's name; returns NULL when there is none. */
typedef const char *(*code_unit_name_fn)(const char *unit, void *user);

typedef struct code_units_request {
    const char *landuse, *landuse_layer, *encoding; /* the survey whose parcels make the units */
    const char *code_field;                         /* ZLDWDM */
    int code_length;                                /* 6, 9, 12; 0 the whole code */
    const char *output;                             /* a GeoPackage path (e.g. under /vsimem/) written from scratch */
    const char *id_field;                           /* the units layer's id field */
    const char *name_field;                         /* its name field */
    code_unit_name_fn name;                         /* optional: the name of each unit ("" when NULL or none) */
    void *name_user;
} code_units_request;

/* Writes the layer "units" of `output`: one MultiPolygon per unit, the union of the unit's
 * parcels, in the land use's CRS, with the unit code and name; units in order of code. The
 * number of units and parcels go to *units and *parcels (may be NULL). Parcels without a
 * geometry are skipped (they cover nothing); a parcel without a code is an error naming it.
 * Returns 0, or 1 with a message. */
int code_units_write(const code_units_request *req, int64_t *units, int64_t *parcels, char *err, size_t err_size);

/* Removes a GeoPackage code_units_write wrote (its file or GDAL in-memory file). */
void code_units_discard(const char *path);

#endif
