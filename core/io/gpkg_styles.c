/* gpkg_styles.c — the layer_styles table QGIS reads default styles from. */
#include "gpkg_styles.h"

#include <stdio.h>
#include <stdlib.h>

#include "resources.h"

static char *read_text(const char *path) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *text = n >= 0 ? malloc((size_t)n + 1) : NULL;
    if (text) text[fread(text, 1, (size_t)n, f)] = '\0';
    fclose(f);
    return text;
}

int gpkg_writer_add_styles(gpkg_writer *w, const char *folder, const char *const *layers, int nlayers, char *err,
                           size_t err_size) {
    static const table_column columns[] = {{"f_table_catalog", COLUMN_TEXT, 256, NULL},
                                           {"f_table_schema", COLUMN_TEXT, 256, NULL},
                                           {"f_table_name", COLUMN_TEXT, 256, NULL},
                                           {"f_geometry_column", COLUMN_TEXT, 256, NULL},
                                           {"styleName", COLUMN_TEXT, 30, NULL},
                                           {"styleQML", COLUMN_TEXT, 0, NULL},
                                           {"styleSLD", COLUMN_TEXT, 0, NULL},
                                           {"useAsDefault", COLUMN_INTEGER, 0, NULL},
                                           {"description", COLUMN_TEXT, 0, NULL},
                                           {"owner", COLUMN_TEXT, 30, NULL},
                                           {"ui", COLUMN_TEXT, 30, NULL},
                                           {"update_time", COLUMN_TEXT, 0, NULL}};
    int table = gpkg_writer_add_layer(w, "layer_styles", wkbNone, NULL, columns, 12, err, err_size);
    if (table < 0) return 1;
    for (int k = 0; k < nlayers; k++) {
        char path[1300];
        snprintf(path, sizeof path, "%.1000s/styles/%.64s/%.64s.qml", resources_dir(), folder, layers[k]);
        char *qml = read_text(path);
        if (!qml) continue; /* no style for this layer */
        const char *texts[12] = {"", "", layers[k], "geom", layers[k], qml, "", 0, "Guotu default style", "", "", ""};
        double reals[12] = {0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0};
        int failed = gpkg_writer_row(w, table, texts, reals, NULL, 0, err, err_size);
        free(qml);
        if (failed) return 1;
    }
    return 0;
}
