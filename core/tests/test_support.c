/* test_support.c — WKT fixtures for the C unit tests. */
#include "test_support.h"

#include <geos_c.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <math.h>
#include <string.h>
#include <cmocka.h>

void assert_close_impl(double a, double b, double epsilon, const char *what, const char *file, int line) {
    if (fabs(a - b) <= epsilon) return;
    char message[512];
    snprintf(message, sizeof message, "%s = %.12g, expected %.12g (tolerance %g)", what, a, b, epsilon);
    print_error("%s\n", message);
    _fail(file, line);
}

/* Reads the resource at `path` and runs `call` (a parse call on `text`, `n`); fails the test,
 * printing the core's message, when it does not parse. */
#define PARSE_PRESET(path, call)                                                                                       \
    do {                                                                                                               \
        size_t n = 0;                                                                                                  \
        char *text = read_resource(path, &n);                                                                          \
        int status = call;                                                                                             \
        if (status) print_error("%s: %s\n", path, guotu_context_last_error(ctx));                                      \
        free(text);                                                                                                    \
        assert_int_equal(status, GUOTU_OK);                                                                            \
    } while (0)

guotu_category_map *preset_category_map(guotu_context *ctx, const char *system) {
    char path[256];
    snprintf(path, sizeof path, "presets/conversion/%s.csv", system);
    guotu_category_map *m = NULL;
    PARSE_PRESET(path, guotu_category_map_parse(ctx, text, n, system, &m));
    return m;
}

guotu_policy *preset_policy(guotu_context *ctx) {
    guotu_policy *p = NULL;
    PARSE_PRESET("presets/conversion/policy.csv", guotu_policy_parse(ctx, text, n, "policy", &p));
    return p;
}

guotu_coefficients *preset_coefficients(guotu_context *ctx, const char *system) {
    char path[256];
    snprintf(path, sizeof path, "presets/voucher/%s.csv", system);
    guotu_coefficients *k = NULL;
    PARSE_PRESET(path, guotu_coefficients_parse(ctx, text, n, "k", NULL, &k));
    return k;
}

guotu_project_types *preset_project_types(guotu_context *ctx) {
    guotu_project_types *t = NULL;
    PARSE_PRESET("presets/parcels/project_types.csv", guotu_project_types_parse(ctx, text, n, "types", &t));
    return t;
}

unsigned char *wkt_to_wkb(const char *wkt, size_t *size) {
    GEOSContextHandle_t h = GEOS_init_r();
    GEOSWKTReader *reader = GEOSWKTReader_create_r(h);
    GEOSGeometry *g = GEOSWKTReader_read_r(h, reader, wkt);
    assert_non_null(g);
    GEOSWKBWriter *writer = GEOSWKBWriter_create_r(h);
    unsigned char *geos_wkb = GEOSWKBWriter_write_r(h, writer, g, size);
    unsigned char *copy = malloc(*size);
    memcpy(copy, geos_wkb, *size);
    GEOSFree_r(h, geos_wkb);
    GEOSWKBWriter_destroy_r(h, writer);
    GEOSGeom_destroy_r(h, g);
    GEOSWKTReader_destroy_r(h, reader);
    GEOS_finish_r(h);
    return copy;
}

const char *box_wkt(char *buf, size_t size, double x0, double y0, double x1, double y1) {
    snprintf(buf, size, "POLYGON((%.6f %.6f,%.6f %.6f,%.6f %.6f,%.6f %.6f,%.6f %.6f))", x0, y0, x1, y0, x1, y1, x0, y1,
             x0, y0);
    return buf;
}

int add_zone_wkt(guotu_context *ctx, guotu_tally *t, const char *id, int64_t fid, const char *wkt) {
    size_t n = 0;
    unsigned char *wkb = wkt_to_wkb(wkt, &n);
    int status = guotu_tally_add_zone(ctx, t, id, fid, wkb, n);
    free(wkb);
    return status;
}

int add_zone_wkt_convert(guotu_context *ctx, guotu_convert *cv, const char *id, int64_t fid, const char *wkt) {
    size_t n = 0;
    unsigned char *wkb = wkt_to_wkb(wkt, &n);
    int status = guotu_convert_add_zone(ctx, cv, id, fid, wkb, n);
    free(wkb);
    return status;
}

int add_mask_wkt(guotu_context *ctx, guotu_tally *t, int64_t fid, const char *wkt) {
    size_t n = 0;
    unsigned char *wkb = wkt_to_wkb(wkt, &n);
    int status = guotu_tally_add_mask(ctx, t, fid, wkb, n);
    free(wkb);
    return status;
}

int add_landuse_wkt(guotu_context *ctx, guotu_tally *t, const char *code, int64_t fid, const char *wkt) {
    size_t n = 0;
    unsigned char *wkb = wkt_to_wkb(wkt, &n);
    int status = guotu_tally_add_landuse(ctx, t, code, fid, wkb, n);
    free(wkb);
    return status;
}

double result_ha(guotu_context *ctx, const guotu_tally *t, const char *zone, const char *code) {
    size_t n = guotu_tally_result_count(t);
    for (size_t i = 0; i < n; i++) {
        const char *z, *c;
        double ha;
        assert_int_equal(guotu_tally_result(ctx, t, i, &z, &c, &ha), GUOTU_OK);
        if (strcmp(z, zone) == 0 && strcmp(c, code) == 0) return ha;
    }
    return 0;
}

char *read_resource(const char *relative, size_t *size) {
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", GUOTU_TEST_RESOURCES, relative);
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc((size_t)n + 1);
    assert_non_null(buf);
    *size = fread(buf, 1, (size_t)n, f);
    buf[*size] = '\0';
    fclose(f);
    return buf;
}

int convert_fixture_setup(void **state) {
    convert_fixture *fx = calloc(1, sizeof *fx);
    fx->ctx = guotu_context_create();
    fx->map = preset_category_map(fx->ctx, "CAS_LUCC");
    fx->policy = preset_policy(fx->ctx);
    fx->k = preset_coefficients(fx->ctx, "CAS_LUCC");
    *state = fx;
    return 0;
}

int convert_fixture_teardown(void **state) {
    convert_fixture *fx = *state;
    guotu_coefficients_destroy(fx->ctx, fx->k);
    guotu_policy_destroy(fx->ctx, fx->policy);
    guotu_category_map_destroy(fx->ctx, fx->map);
    guotu_context_destroy(fx->ctx);
    free(fx);
    return 0;
}
