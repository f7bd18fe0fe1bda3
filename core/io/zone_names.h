/* zone_names.h — names of zones looked up by code, from a layer as delivered (三调 XZQ:
 * XZQDM → XZQMC; CJDCQ: ZLDWDM → ZLDWMC), for tables of zones known only by their codes. */
#ifndef GUOTU_IO_ZONE_NAMES_H
#define GUOTU_IO_ZONE_NAMES_H

#include <stddef.h>

typedef struct zone_names zone_names;

/* Reads every (code, name) pair of `layer` of `path` (NULL: its only or first polygon layer);
 * `encoding` as vector_source_open takes it. The same code with two different names is an
 * error naming both (which name would be right cannot be told); repeated identical pairs are
 * one. Returns the table (free with zone_names_free), or NULL with a message in err. */
zone_names *zone_names_read(const char *path, const char *layer, const char *code_field, const char *name_field,
                            const char *encoding, char *err, size_t err_size);

/* The name of zone `code`: the entry with that code, else the one whose code is `code`
 * followed only by zeros (三调 unit codes are padded to 19 characters: a village 12 digits +
 * "0000000"). NULL when there is none. Borrowed from the table. */
const char *zone_names_find(const zone_names *names, const char *code);

/* The layer the names came from (borrowed). */
const char *zone_names_layer(const zone_names *names);

void zone_names_free(zone_names *names);

#endif
