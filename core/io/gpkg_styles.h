/* gpkg_styles.h — default QGIS styles stored in a GeoPackage being written, so that its
 * layers open styled (and with their Chinese field names as aliases) in any QGIS. */
#ifndef GUOTU_IO_GPKG_STYLES_H
#define GUOTU_IO_GPKG_STYLES_H

#include <stddef.h>

#include "gpkg_writer.h"

/* Adds the table layer_styles with, for each layer in `layers`, the QML file
 * <resources>/styles/<folder>/<layer>.qml as its default style; a layer without a file is
 * skipped. 1 with a message on failure. */
int gpkg_writer_add_styles(gpkg_writer *w, const char *folder, const char *const *layers, int nlayers, char *err,
                           size_t err_size);

#endif
