/* cmd_lines.c — `guotu lines init`: a new three-lines workspace GeoPackage. */
#include <gdal/gdal.h>
#include <gdal/ogr_api.h>
#include <gdal/ogr_srs_api.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "guotu/guotu.h"
#include "commands.h"
#include "gpkg_styles.h"
#include "gpkg_writer.h"
#include "metric_zone.h"
#include "resources.h"

static const char *const lines_usage =
    "usage: guotu lines init OUT.gpkg --crs CRS [--zone-from FILE]\n"
    "       guotu lines check --workspace W.gpkg ... -o ISSUES.gpkg   (guotu lines check --help)\n"
    "       guotu lines check --redline F --farmland F --urban F --admin F [--admin-id FIELD ...] -o ISSUES.gpkg\n"
    "\n"
    "Creates a three-lines workspace (三区三线): one GeoPackage with the layers\n"
    "ecological_redline, permanent_farmland, urban_boundary, eco_units and admin_units\n"
    "(MultiPolygon, in CRS, e.g. EPSG:4527) and the table exceptions. Fields, their Chinese\n"
    "names and who fills them are in resources/presets/lines/workspace_schema.csv; each layer\n"
    "carries its default style, so the workspace opens styled in QGIS anywhere. An existing\n"
    "file is never replaced: a workspace holds drawing work. Widths and gaps are metres: with a\n"
    "geographic CRS (CGCS2000 or WGS 84, e.g. EPSG:4490) give --zone-from FILE, the data the\n"
    "workspace is for (e.g. the admin units); the workspace is then made in the 3-degree\n"
    "Gauss-Krüger zone of that data's centre (EPSG:4534-4554, CM = 3*round(lon/3)), said in a note.\n";

enum { MAX_COLUMNS = 32, MAX_LAYERS = 8 };

typedef struct schema_layer {
    char name[64];
    table_column columns[MAX_COLUMNS];
    char names[MAX_COLUMNS][64], aliases[MAX_COLUMNS][128];
    int ncolumns;
} schema_layer;

/* Reads the schema CSV (through OGR's CSV driver) into layers in file order. */
static int read_schema(schema_layer *layers, int *nlayers, char *err, size_t err_size) {
    char path[1200];
    snprintf(path, sizeof path, "%.1000s/presets/lines/workspace_schema.csv", resources_dir());
    GDALDatasetH ds = GDALOpenEx(path, GDAL_OF_VECTOR | GDAL_OF_READONLY, NULL, NULL, NULL);
    OGRLayerH csv = ds ? GDALDatasetGetLayer(ds, 0) : NULL;
    if (!csv) {
        snprintf(err, err_size, "cannot read the workspace schema '%.900s'", path);
        if (ds) GDALClose(ds);
        return 1;
    }
    *nlayers = 0;
    OGRFeatureH f;
    int failed = 0;
    while (!failed && (f = OGR_L_GetNextFeature(csv))) {
        const char *layer = OGR_F_GetFieldAsString(f, OGR_F_GetFieldIndex(f, "layer"));
        int k = 0;
        while (k < *nlayers && strcmp(layers[k].name, layer))
            k++;
        if (k == *nlayers) {
            if (k == MAX_LAYERS)
                failed = 1;
            else
                snprintf(layers[(*nlayers)++].name, sizeof layers[k].name, "%s", layer);
        }
        schema_layer *l = &layers[k];
        if (failed || l->ncolumns == MAX_COLUMNS) {
            snprintf(err, err_size, "the workspace schema has too many layers or fields");
            failed = 1;
        } else {
            int c = l->ncolumns++;
            const char *type = OGR_F_GetFieldAsString(f, OGR_F_GetFieldIndex(f, "type"));
            snprintf(l->names[c], sizeof l->names[c], "%s", OGR_F_GetFieldAsString(f, OGR_F_GetFieldIndex(f, "field")));
            snprintf(l->aliases[c], sizeof l->aliases[c], "%s",
                     OGR_F_GetFieldAsString(f, OGR_F_GetFieldIndex(f, "name_zh")));
            l->columns[c].name = l->names[c];
            l->columns[c].alias = l->aliases[c];
            l->columns[c].type = !strcmp(type, "real")      ? COLUMN_REAL
                                 : !strcmp(type, "integer") ? COLUMN_INTEGER
                                                            : COLUMN_TEXT;
            l->columns[c].width = OGR_F_GetFieldAsInteger(f, OGR_F_GetFieldIndex(f, "width"));
        }
        OGR_F_Destroy(f);
    }
    GDALClose(ds);
    return failed;
}

/* The default style of each layer, in the table QGIS reads styles from (layer_styles). */
static int add_styles(gpkg_writer *w, const schema_layer *layers, int nlayers, char *err, size_t err_size) {
    const char *names[16];
    int n = 0;
    for (int k = 0; k < nlayers && n < 16; k++)
        names[n++] = layers[k].name;
    return gpkg_writer_add_styles(w, "lines", names, n, err, err_size);
}

static int lines_init(const char *out, const char *crs, const char *zone_from) {
    struct stat st;
    if (stat(out, &st) == 0)
        return cli_error("'%s' exists: a workspace holds drawing work, so it is never replaced; choose another name",
                         out);
    OGRSpatialReferenceH srs = OSRNewSpatialReference(NULL);
    if (OSRSetFromUserInput(srs, crs) != OGRERR_NONE) {
        OSRDestroySpatialReference(srs);
        return cli_error("'%s' is not a CRS GDAL knows (try EPSG:4527)", crs);
    }
    char zone_crs[32] = "";
    if (OSRIsGeographic(srs) && zone_from) {
        /* The Gauss-Krüger zone of the data the workspace is for (SPEC §8). */
        OSRSetAxisMappingStrategy(srs, OAMS_TRADITIONAL_GIS_ORDER);
        metric_extent e;
        metric_extent_init(&e);
        char err[1500], what[1200], en[600], zh[768];
        snprintf(what, sizeof what, "--zone-from '%.1000s'", zone_from);
        OGRSpatialReferenceH zone = NULL;
        if (metric_extent_add_file(&e, zone_from, NULL, srs, err, sizeof err) ||
            metric_zone_choose(srs, &e, what, &zone, en, sizeof en, zh, sizeof zh, err, sizeof err)) {
            OSRDestroySpatialReference(srs);
            return cli_error("%s", err);
        }
        if (zone) {
            snprintf(zone_crs, sizeof zone_crs, "EPSG:%s", OSRGetAuthorityCode(zone, NULL));
            fprintf(stderr,
                    "guotu lines init: note: the workspace is made in %s (%s), the Gauss-Krüger zone of the centre "
                    "of '%s', instead of %s (degrees)\n",
                    zone_crs, OSRGetName(zone), zone_from, crs);
            OSRDestroySpatialReference(srs);
            srs = zone;
            crs = zone_crs;
        }
    }
    /* Sliver widths, gaps and patch sizes are metres: a workspace in degrees could not be checked. */
    guotu_context *ctx = guotu_context_create();
    int metres = ctx ? guotu_crs_require_metres(ctx, crs, "a three-lines workspace") : GUOTU_ERR_NOMEM;
    if (metres) {
        char why[1200];
        snprintf(why, sizeof why, "%s%s", ctx ? guotu_context_last_error(ctx) : "out of memory",
                 OSRIsGeographic(srs) ? "; or give --zone-from FILE (the data the workspace is for) to make it in the "
                                        "Gauss-Krüger zone of that data's centre"
                                      : "");
        guotu_context_destroy(ctx);
        OSRDestroySpatialReference(srs);
        return cli_error("%s", why);
    }
    guotu_context_destroy(ctx);
    schema_layer layers[MAX_LAYERS];
    memset(layers, 0, sizeof layers);
    int nlayers = 0;
    char err[1024] = "";
    gpkg_writer *w = NULL;
    int failed = read_schema(layers, &nlayers, err, sizeof err) || gpkg_writer_open(&w, out, err, sizeof err);
    for (int k = 0; !failed && k < nlayers; k++) {
        OGRwkbGeometryType g = strcmp(layers[k].name, "exceptions") == 0 ? wkbNone : wkbMultiPolygon;
        failed = gpkg_writer_add_layer(w, layers[k].name, g, g == wkbNone ? NULL : srs, layers[k].columns,
                                       layers[k].ncolumns, err, sizeof err) < 0;
    }
    if (!failed) failed = add_styles(w, layers, nlayers, err, sizeof err);
    if (!failed) {
        failed = gpkg_writer_commit(w, err, sizeof err);
        w = NULL;
    }
    gpkg_writer_abort(w);
    OSRDestroySpatialReference(srs);
    if (failed) return cli_error("%s", err);
    printf("Three-lines workspace %s (%s):", out, crs);
    for (int k = 0; k < nlayers; k++)
        printf(" %s", layers[k].name);
    printf("\n");
    return 0;
}

int cmd_lines(int argc, char **argv) {
    if (argc >= 2 && (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h"))) {
        fputs(lines_usage, stdout);
        return 0;
    }
    const char *out = NULL, *crs = NULL, *zone_from = NULL;
    if (argc >= 2 && !strcmp(argv[1], "init")) {
        for (int i = 2; i < argc; i++) {
            if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
                fputs(lines_usage, stdout);
                return 0;
            }
            if (!strcmp(argv[i], "--crs") && i + 1 < argc)
                crs = argv[++i];
            else if (!strcmp(argv[i], "--zone-from") && i + 1 < argc)
                zone_from = argv[++i];
            else if (argv[i][0] != '-' && !out)
                out = argv[i];
            else
                return cli_usage_error("lines", lines_usage, "unexpected argument '%s'", argv[i]), 2;
        }
        if (!out || !crs) return cli_usage_error("lines", lines_usage, "init needs OUT.gpkg and --crs"), 2;
        if (strlen(out) < 5 || strcmp(out + strlen(out) - 5, ".gpkg"))
            return cli_usage_error("lines", lines_usage, "the workspace must be a .gpkg file"), 2;
        return lines_init(out, crs, zone_from);
    }
    if (argc >= 2 && !strcmp(argv[1], "check")) return cmd_lines_check(argc - 1, argv + 1);
    return cli_usage_error("lines", lines_usage, "unknown lines command (init, check)"), 2;
}
