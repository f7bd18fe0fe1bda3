/* voucher_inputs.c — zones with economic fields, and coefficient tables, from files. */
#include "voucher_inputs.h"

#include <gdal/gdal.h>
#include <gdal/ogr_api.h>
#include <cpl_conv.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "resources.h"
#include "vector_source.h"

int coefficients_load(guotu_context *ctx, const char *spec, const char *esv_reference, guotu_coefficients **out,
                      char *source, size_t source_size, char *err, size_t err_size) {
    *out = NULL;
    size_t size = 0;
    char *text = table_text_load(spec, "voucher", source, source_size, &size, err, err_size);
    if (!text) return 1;
    int status = guotu_coefficients_parse(ctx, text, size, source, esv_reference, out);
    free(text);
    if (status) snprintf(err, err_size, "%s", guotu_context_last_error(ctx));
    return status != GUOTU_OK;
}

void zone_set_free(zone_set *s) {
    for (size_t i = 0; i < s->count; i++) {
        free(s->zones[i].id);
        free(s->zones[i].name);
        free(s->zones[i].wkb);
    }
    free(s->zones);
    if (s->srs) OSRDestroySpatialReference(s->srs);
    memset(s, 0, sizeof *s);
}

/* GDP and population from a CSV joined by zone id: fills the zones' gdp and population. */
static int join_table(const zone_fields *f, zone_set *s, char *err, size_t err_size) {
    GDALDatasetH ds = GDALOpenEx(f->table, GDAL_OF_VECTOR | GDAL_OF_READONLY, NULL, NULL, NULL);
    OGRLayerH layer = ds ? GDALDatasetGetLayer(ds, 0) : NULL;
    if (!layer) {
        snprintf(err, err_size, "cannot read the zone table '%s'", f->table);
        if (ds) GDALClose(ds);
        return 1;
    }
    OGRFeatureDefnH defn = OGR_L_GetLayerDefn(layer);
    const char *names[3] = {f->id, f->gdp, f->pop};
    int idx[3];
    for (int i = 0; i < 3; i++) {
        idx[i] = OGR_FD_GetFieldIndex(defn, names[i]);
        if (idx[i] < 0) {
            snprintf(err, err_size, "the zone table '%s' has no column '%s'", f->table, names[i]);
            GDALClose(ds);
            return 1;
        }
    }
    for (size_t z = 0; z < s->count; z++)
        s->zones[z].gdp = s->zones[z].population = NAN;
    /* Which zones have a row (NAN cannot say it: "nan" is text strtod reads). */
    unsigned char *seen = calloc(s->count ? s->count : 1, 1);
    if (!seen) {
        snprintf(err, err_size, "out of memory");
        GDALClose(ds);
        return 1;
    }
    OGRFeatureH feature;
    int failed = 0, got;
    int64_t read = 0;
    while (!failed && (got = ogr_next_feature(layer, f->table, read++, &feature, err, err_size)) != 0) {
        if (got < 0) {
            failed = 1;
            break;
        }
        const char *id = OGR_F_GetFieldAsString(feature, idx[0]);
        for (size_t z = 0; z < s->count; z++) {
            if (strcmp(s->zones[z].id, id) != 0) continue;
            char *end1 = NULL, *end2 = NULL;
            const char *g = OGR_F_GetFieldAsString(feature, idx[1]), *p = OGR_F_GetFieldAsString(feature, idx[2]);
            double gdp = strtod(g, &end1), population = strtod(p, &end2);
            /* Two rows for one zone: the same numbers twice are harmless, different ones are
             * a table to fix — never "the last row wins". */
            if (seen[z] && (s->zones[z].gdp != gdp || s->zones[z].population != population)) {
                snprintf(err, err_size,
                         "the zone table '%s' has two rows for zone '%s' with different values (GDP %.17g and %.17g, "
                         "population %.17g and %.17g)",
                         f->table, id, s->zones[z].gdp, gdp, s->zones[z].population, population);
                failed = 1;
                break;
            }
            seen[z] = 1;
            s->zones[z].gdp = gdp;
            s->zones[z].population = population;
            if (!*g || *end1 || !*p || *end2 || !isfinite(gdp) || !isfinite(population)) {
                snprintf(err, err_size,
                         "the zone table '%s': zone '%s' has GDP '%s' and population '%s'; numbers are "
                         "needed",
                         f->table, id, g, p);
                failed = 1;
            }
        }
        OGR_F_Destroy(feature);
    }
    GDALClose(ds);
    for (size_t z = 0; !failed && z < s->count; z++)
        if (!seen[z]) {
            snprintf(err, err_size, "the zone table '%s' has no row for zone '%s' (%lld rows read)", f->table,
                     s->zones[z].id, (long long)(read - 1));
            failed = 1;
        }
    free(seen);
    return failed;
}

static int read_number(const vector_source *src, int index, const char *field, const char *what, int64_t fid,
                       double *out, char *err, size_t err_size) {
    if (vector_source_real(src, index, out)) return 0;
    const char *text = vector_source_text(src, index);
    snprintf(err, err_size, "feature %lld of layer '%s': %s field '%s' is %s%s%s; a number is needed", (long long)fid,
             src->layer_name, what, field, text[0] ? "'" : "empty", text, text[0] ? "'" : "");
    return 1;
}

static int optional_price(const vector_source *src, int index, double *out) {
    *out = NAN;
    if (index < 0) return 0;
    double v;
    if (vector_source_real(src, index, &v)) *out = v;
    return 0;
}

int key_function_value(const char *text) {
    static const char *const yes[] = {"1", "true", "yes", "y", "是"}, *const no[] = {"0", "false", "no", "n", "否", ""};
    for (size_t i = 0; i < sizeof yes / sizeof yes[0]; i++)
        if (strcasecmp(text, yes[i]) == 0) return 1;
    for (size_t i = 0; i < sizeof no / sizeof no[0]; i++)
        if (strcasecmp(text, no[i]) == 0) return 0;
    return -1;
}

int zone_set_mark_ids(zone_set *s, const char *ids, char *err, size_t err_size) {
    const char *p = ids;
    while (*p) {
        while (*p == ' ' || *p == ',')
            p++;
        const char *end = p;
        while (*end && *end != ',')
            end++;
        size_t n = (size_t)(end - p);
        while (n && p[n - 1] == ' ')
            n--;
        if (n) {
            int found = 0;
            for (size_t z = 0; z < s->count; z++)
                if (strlen(s->zones[z].id) == n && strncmp(s->zones[z].id, p, n) == 0)
                    found = s->zones[z].key_function = 1;
            if (!found) {
                snprintf(err, err_size,
                         "key ecological function zone '%.*s' (--key-function-ids) is not a zone of layer '%s'", (int)n,
                         p, s->layer_name);
                return 1;
            }
        }
        p = end;
    }
    return 0;
}

static int add_zone(guotu_context *ctx, guotu_area_calc *calc, const zone_fields *f, vector_source *src,
                    const int idx[7], int64_t fid, const char *id, const unsigned char *wkb, size_t size, zone_set *s,
                    char *err, size_t err_size) {
    zone_record *z = &s->zones[s->count];
    memset(z, 0, sizeof *z);
    z->id = strdup(id);
    z->name = strdup(idx[1] >= 0 ? vector_source_text(src, idx[1]) : "");
    z->wkb = malloc(size ? size : 1);
    if (!z->id || !z->name || !z->wkb) {
        snprintf(err, err_size, "out of memory");
        return 1;
    }
    s->count++;
    memcpy(z->wkb, wkb, size);
    z->wkb_size = size;
    z->gdp = z->population = NAN;
    if (!f->table && f->gdp && read_number(src, idx[2], f->gdp, "the GDP", fid, &z->gdp, err, err_size)) return 1;
    if (!f->table && f->pop && read_number(src, idx[3], f->pop, "the population", fid, &z->population, err, err_size))
        return 1;
    optional_price(src, idx[4], &z->ask);
    optional_price(src, idx[5], &z->bid);
    if (idx[6] >= 0) {
        const char *text = vector_source_text(src, idx[6]);
        z->key_function = key_function_value(text);
        if (z->key_function < 0) {
            snprintf(err, err_size,
                     "feature %lld of layer '%s': key function field '%s' is '%s'; use 1 or 0 (yes/no, true/false, "
                     "是/否)",
                     (long long)fid, src->layer_name, f->key_function, text);
            return 1;
        }
    }
    if (guotu_area_of_wkb(ctx, calc, wkb, size, &z->area_ha)) {
        snprintf(err, err_size, "zone '%s': %s", id, guotu_context_last_error(ctx));
        return 1;
    }
    z->area_ha /= 10000.0;
    OGRGeometryH g = NULL, point = NULL;
    if (OGR_G_CreateFromWkb(wkb, NULL, &g, (int)size) == OGRERR_NONE) point = OGR_G_PointOnSurface(g);
    if (point) {
        z->x = OGR_G_GetX(point, 0);
        z->y = OGR_G_GetY(point, 0);
    }
    if (point) OGR_G_DestroyGeometry(point);
    if (g) OGR_G_DestroyGeometry(g);
    return 0;
}

int zone_set_read(guotu_context *ctx, const zone_fields *f, zone_set *out, char *err, size_t err_size) {
    memset(out, 0, sizeof *out);
    vector_source src;
    if (vector_source_open(&src, f->path, f->layer, f->encoding, err, err_size) ||
        vector_source_use_field(&src, f->id, err, err_size)) {
        vector_source_close(&src);
        return 1;
    }
    snprintf(out->layer_name, sizeof out->layer_name, "%s", src.layer_name);
    const char *names[7] = {f->id,  f->name, f->table ? NULL : f->gdp, f->table ? NULL : f->pop,
                            f->ask, f->bid,  f->key_function};
    int idx[7];
    for (int i = 0; i < 7; i++) {
        idx[i] = -1;
        if (names[i] && (idx[i] = vector_source_field(&src, names[i], err, err_size)) < 0) {
            vector_source_close(&src);
            return 1;
        }
    }
    OGRSpatialReferenceH srs = vector_source_crs(&src);
    out->srs = srs ? OSRClone(srs) : NULL;
    char *crs_text = NULL;
    const char *wkt_opts[] = {"FORMAT=WKT2_2019", NULL};
    if (srs) OSRExportToWktEx(srs, &crs_text, wkt_opts);
    guotu_area_calc *calc = NULL;
    int failed = 0;
    if (guotu_area_calc_create(ctx, crs_text,
                               strcmp(f->area, "planar") == 0 ? GUOTU_AREA_PLANAR : GUOTU_AREA_ELLIPSOIDAL, &calc)) {
        snprintf(err, err_size, "zones layer '%s': %s", src.layer_name, guotu_context_last_error(ctx));
        failed = 1;
    }
    CPLFree(crs_text);
    int64_t n = vector_source_count(&src);
    out->zones = calloc((size_t)(n > 0 ? n : 1), sizeof *out->zones);
    if (!failed && !out->zones) {
        snprintf(err, err_size, "out of memory");
        failed = 1;
    }
    char id[1024];
    int64_t fid;
    const unsigned char *wkb;
    size_t size;
    int more = 0;
    while (!failed && (size_t)n > out->count &&
           (more = vector_source_next(&src, &fid, id, sizeof id, &wkb, &size, err, err_size)) == 1) {
        if (!id[0]) {
            snprintf(err, err_size, "feature %lld of layer '%s' has an empty zone id (field '%s')", (long long)fid,
                     src.layer_name, f->id);
            failed = 1;
        } else if (!wkb) {
            snprintf(err, err_size, "feature %lld of layer '%s' has no geometry", (long long)fid, src.layer_name);
            failed = 1;
        } else {
            failed = add_zone(ctx, calc, f, &src, idx, fid, id, wkb, size, out, err, err_size);
        }
    }
    if (more < 0) failed = 1;
    if (!failed && out->count == 0) {
        snprintf(err, err_size, "the zones layer '%s' of '%s' has no features", src.layer_name, f->path);
        failed = 1;
    }
    if (!failed && f->table) failed = join_table(f, out, err, err_size);
    guotu_area_calc_destroy(ctx, calc);
    vector_source_close(&src);
    if (failed) zone_set_free(out);
    return failed;
}

/* "201,202" -> "CZCSXM LIKE '201%' OR CZCSXM LIKE '202%'" (an A suffix marks a unit's independent
 * industrial land: 201A is city land too). 1 on a code that is not digits (+ A). */
int voucher_czcsxm_filter(const char *codes, char *where, size_t size) {
    char copy[256];
    snprintf(copy, sizeof copy, "%s", codes);
    size_t used = 0;
    where[0] = '\0';
    int n = 0;
    for (char *code = strtok(copy, ","); code; code = strtok(NULL, ",")) {
        while (*code == ' ')
            code++;
        size_t len = strcspn(code, " ");
        code[len] = '\0';
        if (!len || len > 4) return 1;
        for (size_t i = 0; i < len; i++)
            if (!(code[i] >= '0' && code[i] <= '9') && !(i == len - 1 && i > 0 && (code[i] == 'A' || code[i] == 'a')))
                return 1;
        int w = snprintf(where + used, size - used, "%sCZCSXM LIKE '%s%%'", n ? " OR " : "", code);
        if (w < 0 || (size_t)w >= size - used) return 1;
        used += (size_t)w;
        n++;
    }
    return n == 0;
}
