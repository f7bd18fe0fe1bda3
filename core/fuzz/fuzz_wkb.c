/* fuzz_wkb.c — libFuzzer target: untrusted bytes as WKB into the core, the way every adapter
 * hands geometries over. Area (planar and ellipsoidal), then a tally that takes the bytes as
 * a zone and as land use (reading, repair of invalid polygons, overlay, 田坎 deduction).
 * Anything but a status and a message — a crash, a leak, undefined behaviour — is a finding.
 * The context and the area calculators are made once (PROJ's set-up would dominate). */
#include <stddef.h>
#include <stdint.h>

#include "guotu/guotu.h"
#include "guotu/guotu_area.h"
#include "guotu/guotu_tally.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static guotu_context *ctx;
static guotu_area_calc *planar, *ellipsoidal;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (!ctx) {
        ctx = guotu_context_create();
        if (!ctx || guotu_area_calc_create(ctx, NULL, GUOTU_AREA_PLANAR, &planar) ||
            guotu_area_calc_create(ctx, "EPSG:4527", GUOTU_AREA_ELLIPSOIDAL, &ellipsoidal))
            return 0;
    }
    double area = 0;
    guotu_area_of_wkb(ctx, planar, data, size, &area);
    guotu_area_of_wkb(ctx, ellipsoidal, data, size, &area);
    guotu_tally_options o;
    guotu_tally_options_init(&o);
    o.area_method = GUOTU_AREA_PLANAR;
    guotu_tally *t = NULL;
    if (guotu_tally_create(ctx, &o, &t) == GUOTU_OK) {
        guotu_tally_add_zone(ctx, t, "Z", 1, data, size);
        if (guotu_tally_prepare(ctx, t) == GUOTU_OK) {
            guotu_tally_add_landuse(ctx, t, "0101", 2, data, size);
            guotu_tally_add_landuse_deducted(ctx, t, "0103", "1203", 0.1, 3, data, size);
            guotu_tally_finish(ctx, t);
        }
        guotu_tally_destroy(ctx, t);
    }
    return 0;
}
