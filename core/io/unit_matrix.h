/* unit_matrix.h — the conversion matrix per survey unit known only by the before-year parcels'
 * own codes (三调 ZLDWDM: the first 6, 9 or 12 characters are the county, town and village, SPEC
 * §8): each piece of the overlay belongs to the unit of the before-year parcel it comes from, and
 * its area and standard-forest change are summed per (unit, from code, to code). */
#ifndef GUOTU_IO_UNIT_MATRIX_H
#define GUOTU_IO_UNIT_MATRIX_H

#include <stddef.h>
#include <stdint.h>

typedef struct unit_matrix unit_matrix;

typedef struct unit_matrix_row {
    const char *unit, *from_code, *to_code, *from_category, *to_category, *status;
    double area_ha, dm_ha;
} unit_matrix_row;

/* Reads the unit of every feature of the before layer (`where`: its attribute filter, as the
 * overlay reads it; `encoding` as vector_source_open takes it): the first `code_length`
 * characters (0: the whole code) of `code_field`. A feature without a code, or a code shorter
 * than that, is an error naming it. Returns the matrix (free with unit_matrix_free), or NULL
 * with a message in err. */
unit_matrix *unit_matrix_read(const char *path, const char *layer, const char *where, const char *encoding,
                              const char *code_field, int code_length, char *err, size_t err_size);

/* The unit of before-year feature `fid` (borrowed), NULL when the layer had no such feature.
 * Safe to call from several threads at once (the map is not changed after reading). */
const char *unit_matrix_unit_of(const unit_matrix *m, int64_t fid);

/* Adds a piece to (unit, from, to); the categories and status are those of the pair. One
 * thread at a time. 1 when out of memory. */
int unit_matrix_add(unit_matrix *m, const char *unit, const char *from_code, const char *to_code,
                    const char *from_category, const char *to_category, const char *status, double area_ha,
                    double dm_ha);

/* Sorts the rows by unit, from code, to code; then rows [0, count) are read with
 * unit_matrix_row_at (borrowed from the matrix). */
void unit_matrix_sort(unit_matrix *m);
size_t unit_matrix_count(const unit_matrix *m);
unit_matrix_row unit_matrix_row_at(const unit_matrix *m, size_t i);

/* Units read from the before layer, and features read. */
size_t unit_matrix_units(const unit_matrix *m);
int64_t unit_matrix_features(const unit_matrix *m);

void unit_matrix_free(unit_matrix *m);

#endif
