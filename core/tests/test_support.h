/* test_support.h — helpers shared by the C unit tests. */
#ifndef GUOTU_TEST_SUPPORT_H
#define GUOTU_TEST_SUPPORT_H

#include <stddef.h>
#include <stdint.h>

#include "guotu/guotu.h"

/* |a - b| <= epsilon in double precision. (cmocka's assert_float_equal converts to float,
 * which would make a 1e-9 tolerance on 16 ha mean about 2e-6.) */
#define assert_close(a, b, epsilon)                                                                                    \
    assert_close_impl((double)(a), (double)(b), (double)(epsilon), #a, __FILE__, __LINE__)
void assert_close_impl(double a, double b, double epsilon, const char *what, const char *file, int line);

/* The text of a file of resources/ (e.g. "presets/conversion/policy.csv"), NUL-terminated;
 * *size is its length. Caller frees with free(). Fails the test when it cannot be read. */
char *read_resource(const char *relative, size_t *size);

/* A preset of resources/presets/ parsed (system e.g. "CAS_LUCC"); fails the test when it does
 * not parse. Caller frees with the type's guotu_*_destroy. */
guotu_category_map *preset_category_map(guotu_context *ctx, const char *system);
guotu_policy *preset_policy(guotu_context *ctx);
guotu_coefficients *preset_coefficients(guotu_context *ctx, const char *system);
guotu_project_types *preset_project_types(guotu_context *ctx);

/* What a conversion test runs with: a context, the CAS_LUCC categories and coefficients and the
 * preset policy. cmocka set-up and tear-down (the fixture is *state). */
typedef struct convert_fixture {
    guotu_context *ctx;
    guotu_category_map *map;
    guotu_policy *policy;
    guotu_coefficients *k;
} convert_fixture;
int convert_fixture_setup(void **state);
int convert_fixture_teardown(void **state);

/* WKB of a WKT geometry; caller frees with free(). Aborts the test on bad WKT. */
unsigned char *wkt_to_wkb(const char *wkt, size_t *size);

/* Box polygon as WKT into buf. */
const char *box_wkt(char *buf, size_t size, double x0, double y0, double x1, double y1);

/* Adds a zone / land-use polygon from WKT; returns the guotu status. */
int add_zone_wkt(guotu_context *ctx, guotu_tally *t, const char *id, int64_t fid, const char *wkt);
int add_mask_wkt(guotu_context *ctx, guotu_tally *t, int64_t fid, const char *wkt);
int add_landuse_wkt(guotu_context *ctx, guotu_tally *t, const char *code, int64_t fid, const char *wkt);

int add_zone_wkt_convert(guotu_context *ctx, guotu_convert *cv, const char *id, int64_t fid, const char *wkt);

/* Area in ha of (zone, class) in a finished tally; 0 when the pair has no row. */
double result_ha(guotu_context *ctx, const guotu_tally *t, const char *zone, const char *code);

#endif
