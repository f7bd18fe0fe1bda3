/* table_writer.c — CSV or GeoPackage attribute table, written atomically. */
#include "table_writer.h"

#include <gdal/gdal.h>
#include <gdal/ogr_api.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

struct table_writer {
    char path[1024];
    char temp[1100];
    int is_gpkg;
    const table_column *columns;
    int ncolumns;
    FILE *csv;
    GDALDatasetH dataset;
    OGRLayerH layer;
};

static int ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcasecmp(s + n - m, suffix) == 0;
}

static void csv_field(FILE *f, const char *s)
{
    if (!strpbrk(s, ",\"\r\n")) {
        fputs(s, f);
        return;
    }
    fputc('"', f);
    for (; *s; s++) {
        if (*s == '"') fputc('"', f);
        fputc(*s, f);
    }
    fputc('"', f);
}

int table_writer_open(table_writer **out, const char *path, const char *table, const table_column *columns,
                      int ncolumns, char *err, size_t err_size)
{
    *out = NULL;
    table_writer *w = calloc(1, sizeof *w);
    if (!w) {
        snprintf(err, err_size, "out of memory");
        return 1;
    }
    snprintf(w->path, sizeof w->path, "%s", path);
    w->columns = columns;
    w->ncolumns = ncolumns;
    if (ends_with(path, ".csv")) {
        snprintf(w->temp, sizeof w->temp, "%s.tmp-%ld.csv", path, (long)getpid());
        w->csv = fopen(w->temp, "wb");
        if (!w->csv) {
            snprintf(err, err_size, "cannot write '%s'", w->temp);
            free(w);
            return 1;
        }
        for (int i = 0; i < ncolumns; i++) {
            if (i) fputc(',', w->csv);
            csv_field(w->csv, columns[i].name);
        }
        fputc('\n', w->csv);
    } else if (ends_with(path, ".gpkg")) {
        w->is_gpkg = 1;
        snprintf(w->temp, sizeof w->temp, "%s.tmp-%ld.gpkg", path, (long)getpid());
        GDALDriverH driver = GDALGetDriverByName("GPKG");
        w->dataset = driver ? GDALCreate(driver, w->temp, 0, 0, 0, GDT_Unknown, NULL) : NULL;
        if (w->dataset) w->layer = GDALDatasetCreateLayer(w->dataset, table, NULL, wkbNone, NULL);
        for (int i = 0; w->layer && i < ncolumns; i++) {
            OGRFieldDefnH fd = OGR_Fld_Create(columns[i].name, columns[i].type == COLUMN_REAL ? OFTReal : OFTString);
            if (OGR_L_CreateField(w->layer, fd, 1) != OGRERR_NONE) w->layer = NULL;
            OGR_Fld_Destroy(fd);
        }
        if (!w->layer) {
            snprintf(err, err_size, "cannot create '%s': %s", w->temp, CPLGetLastErrorMsg());
            table_writer_abort(w);
            return 1;
        }
        GDALDatasetStartTransaction(w->dataset, 0);
    } else {
        snprintf(err, err_size, "output '%s' must end in .csv or .gpkg", path);
        free(w);
        return 1;
    }
    *out = w;
    return 0;
}

int table_writer_row(table_writer *w, const char *const *texts, const double *reals, char *err, size_t err_size)
{
    if (!w->is_gpkg) {
        for (int i = 0; i < w->ncolumns; i++) {
            if (i) fputc(',', w->csv);
            if (w->columns[i].type == COLUMN_REAL) fprintf(w->csv, "%.6f", reals[i]);
            else csv_field(w->csv, texts[i] ? texts[i] : "");
        }
        fputc('\n', w->csv);
        if (ferror(w->csv)) {
            snprintf(err, err_size, "cannot write '%s'", w->temp);
            return 1;
        }
        return 0;
    }
    OGRFeatureH f = OGR_F_Create(OGR_L_GetLayerDefn(w->layer));
    for (int i = 0; i < w->ncolumns; i++) {
        if (w->columns[i].type == COLUMN_REAL) OGR_F_SetFieldDouble(f, i, reals[i]);
        else OGR_F_SetFieldString(f, i, texts[i] ? texts[i] : "");
    }
    OGRErr e = OGR_L_CreateFeature(w->layer, f);
    OGR_F_Destroy(f);
    if (e != OGRERR_NONE) {
        snprintf(err, err_size, "cannot write a row to '%s': %s", w->temp, CPLGetLastErrorMsg());
        return 1;
    }
    return 0;
}

int table_writer_commit(table_writer *w, const table_meta *meta, int nmeta, char *err, size_t err_size)
{
    int failed = 0;
    if (w->is_gpkg) {
        for (int i = 0; i < nmeta; i++) GDALSetMetadataItem((GDALMajorObjectH)w->layer, meta[i].key, meta[i].value, NULL);
        failed = GDALDatasetCommitTransaction(w->dataset) != OGRERR_NONE;
        GDALClose(w->dataset);
        w->dataset = NULL;
    } else {
        failed = fclose(w->csv) != 0;
        w->csv = NULL;
    }
    if (failed || rename(w->temp, w->path) != 0) {
        snprintf(err, err_size, "cannot finish '%s'", w->path);
        table_writer_abort(w);
        return 1;
    }
    free(w);
    return 0;
}

void table_writer_abort(table_writer *w)
{
    if (!w) return;
    if (w->csv) fclose(w->csv);
    if (w->dataset) GDALClose(w->dataset);
    unlink(w->temp);
    free(w);
}
