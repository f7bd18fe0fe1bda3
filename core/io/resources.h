/* resources.h — presets shipped with Guotu (coefficients, category maps, the policy). */
#ifndef GUOTU_IO_RESOURCES_H
#define GUOTU_IO_RESOURCES_H

#include <stddef.h>

#include "guotu/guotu.h"

/* Directory of presets and styles: $GUOTU_RESOURCES, else the source tree's resources/. */
const char *resources_dir(void);

/* 1 when `system` is CAS_LUCC, SANDIAO_WORK, GBT21010_2017 or YDYH_2023. */
int classification_system_known(const char *system);

/* Text of a table: `spec` is a file path, or a preset name looked up as
 * <resources>/presets/<kind>/<spec>.csv. The path used goes to `path`. Caller frees the
 * text with free(); NULL with a message when neither exists or it cannot be read. */
char *table_text_load(const char *spec, const char *kind, char *path, size_t path_size, size_t *size, char *err,
                      size_t err_size);
/* The same with the presets looked up in `resources` (NULL: resources_dir()). */
char *table_text_load_from(const char *resources, const char *spec, const char *kind, char *path, size_t path_size,
                           size_t *size, char *err, size_t err_size);

/* The category map (presets/conversion) and the standard-forest coefficients (presets/voucher)
 * of classification `system`, presets looked up in `resources` (NULL: resources_dir()). 0 when
 * both are loaded (the caller destroys them with guotu_category_map_destroy and
 * guotu_coefficients_destroy); 1 otherwise: with the message in `err` (an unknown system, a file
 * that cannot be read) and *core_status 0, or with a table that does not parse, the core's
 * status in *core_status and its message in ctx. */
int resources_load_system(guotu_context *ctx, const char *resources, const char *system, guotu_category_map **map,
                          guotu_coefficients **coefficients, int *core_status, char *err, size_t err_size);

/* The codes column of `system`'s row in the preset table <resources>/presets/KIND/NAME.csv
 * (rows "SYSTEM,codes,..."; NULL resources: resources_dir()) into `out`, "" when the system
 * has no row. 0, or 1 with a message when the table cannot be read. */
int resources_preset_codes(const char *resources, const char *name, const char *kind, const char *system, char *out,
                           size_t out_size, char *err, size_t err_size);

#endif
