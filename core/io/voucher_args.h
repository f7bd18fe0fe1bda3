#ifndef GUOTU_IO_VOUCHER_ARGS_H
#define GUOTU_IO_VOUCHER_ARGS_H

#include "voucher_inputs.h" /* zone_fields */

/* The voucher run's inputs and parameters in words, as the outputs' metadata records them: what
 * the tool's options parse into and what the voucher job (voucher_job.c) runs from, one
 * definition for both (the job fills it from a guotu_voucher_job). */
typedef struct voucher_args {
    zone_fields zone;
    zone_fields county; /* path NULL when the zones are the trading subjects */
    const char *base, *base_layer, *base_class, *base_system;
    const char *target, *target_layer, *target_class, *target_system;
    const char *coefficients, *base_coefficients, *target_coefficients, *esv_reference;
    const char *national_gdp, *national_density, *reference, *target_year, *reference_table;
    const char *baseline, *protection_rate, *mask;
    /* --mask-czcsxm: urban space from the target survey's 城镇村属性码 (e.g. "201,202"), and the
     * OGR SQL filter built from it */
    const char *mask_czcsxm;
    char mask_where[512];
    const char *price, *floor_price, *cap, *allocation, *settlement;
    const char *invalid, *raster_mode, *crs_mismatch;
    const char *workspace, *redline, *redline_layer, *farmland, *farmland_layer, *redline_loss;
    const char *key_function_field, *key_function_ids;
    int key_function_in_market;
    int threads; /* raster tallies: worker threads, 0 = one per CPU */
    const char *output;
    /* Zones from the base survey's unit codes (三调 ZLDWDM) instead of a zones layer. */
    const char *zone_code_field;
    int zone_code_length;
    const char *names, *names_layer, *names_id, *names_name; /* --zone-names */
    /* Accounts over years: the later surveys, in order of year. */
    struct {
        const char *path, *layer;
        char year[16], gdp[128], pop[128]; /* gdp and pop empty: the zones' --gdp-field, --pop-field */
    } periods[32];
    int nperiods;
    const char *base_year, *opening, *caps;
    int target_year_given;
} voucher_args;

#endif
