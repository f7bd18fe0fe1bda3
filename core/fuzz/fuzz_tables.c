/* fuzz_tables.c — libFuzzer target: untrusted bytes as the CSV tables users may replace (a
 * category map, the conversion policy, a coefficient table, project types). Each parser must
 * answer with a table or a status and a message naming the line — never crash, leak or read
 * past the bytes it was given. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "guotu/guotu.h"
#include "guotu/guotu_convert.h"
#include "guotu/guotu_parcels.h"
#include "guotu/guotu_voucher.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    guotu_context *ctx = guotu_context_create();
    if (!ctx) return 0;
    /* An exact-size copy: any read past `size` is a finding under AddressSanitizer. */
    char *text = malloc(size ? size : 1);
    if (!text) {
        guotu_context_destroy(ctx);
        return 0;
    }
    if (size) memcpy(text, data, size);
    guotu_category_map *map = NULL;
    if (guotu_category_map_parse(ctx, text, size, "fuzz.csv", &map) == GUOTU_OK) {
        const char *category = NULL;
        guotu_category_map_lookup(map, "0101", &category);
        guotu_category_map_destroy(ctx, map);
    }
    guotu_policy *policy = NULL;
    if (guotu_policy_parse(ctx, text, size, "fuzz.csv", &policy) == GUOTU_OK) guotu_policy_destroy(ctx, policy);
    guotu_coefficients *k = NULL;
    if (guotu_coefficients_parse(ctx, text, size, "fuzz.csv", "21", &k) == GUOTU_OK) guotu_coefficients_destroy(ctx, k);
    guotu_project_types *types = NULL;
    if (guotu_project_types_parse(ctx, text, size, "fuzz.csv", &types) == GUOTU_OK) {
        guotu_project_types_lookup(types, "拆旧复垦");
        guotu_project_types_destroy(ctx, types);
    }
    free(text);
    guotu_context_destroy(ctx);
    return 0;
}
