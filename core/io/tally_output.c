/* tally_output.c — see tally_output.h. */
#include "tally_output.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "gpkg_styles.h"
#include "io_util.h"

/* The values the writers fill, by column name; the columns themselves (order, types,
 * titles) are resources/schemas/tally.csv (zone_name only with --zone-names) and, for the
 * findings of the area check, area_check.csv: the parcel, its official and computed areas,
 * the difference computed − official in m² and in parts per million of the official area. */
enum { T_ZONE_ID, T_ZONE_NAME, T_CLASS_CODE, T_AREA_HA };
static const char *const tally_names[] = {"zone_id", "zone_name", "class_code", "area_ha"};
enum { C_FID, C_BSM, C_TBBH, C_CLASS_CODE, C_OFFICIAL, C_COMPUTED, C_DIFFERENCE, C_PPM };
static const char *const check_names[] = {"fid",         "bsm",         "tbbh",          "class_code",
                                          "official_m2", "computed_m2", "difference_m2", "difference_ppm"};

void tally_output_abort(tally_output *o) {
    gpkg_writer_abort(o->gpkg);
    table_writer_abort(o->csv);
    table_writer_abort(o->check_csv);
    table_schema_free(o->tally_schema);
    table_schema_free(o->check_schema);
    memset(o, 0, sizeof *o);
}

int tally_output_open(tally_output *o, const tally_output_spec *a, char *err, size_t err_size) {
    memset(o, 0, sizeof *o);
    o->spec = *a;
    int check = a->in->area_check_field != NULL, failed;
    failed = table_schema_load(NULL, "tally", a->zone_names ? "zone_names" : NULL, &o->tally_schema, err, err_size) ||
             table_schema_slots(o->tally_schema, tally_names, 4, o->tally_slots, err, err_size) ||
             (check && (table_schema_load(NULL, "area_check", NULL, &o->check_schema, err, err_size) ||
                        table_schema_slots(o->check_schema, check_names, 8, o->check_slots, err, err_size)));
    if (failed) {
        tally_output_abort(o);
        return failed;
    }
    const table_column *columns = table_schema_columns(o->tally_schema);
    int ncolumns = table_schema_count(o->tally_schema);
    const table_column *check_columns = check ? table_schema_columns(o->check_schema) : NULL;
    int check_count = check ? table_schema_count(o->check_schema) : 0;
    if (io_ends_with(a->output, ".gpkg")) {
        failed = gpkg_writer_open(&o->gpkg, a->output, err, err_size) ||
                 (o->tally_layer =
                      gpkg_writer_add_layer(o->gpkg, "tally", wkbNone, NULL, columns, ncolumns, err, err_size)) < 0 ||
                 (check && (o->check_layer = gpkg_writer_add_layer(o->gpkg, "area_check", wkbNone, NULL, check_columns,
                                                                   check_count, err, err_size)) < 0);
    } else {
        failed = table_writer_open(&o->csv, a->output, "tally", columns, ncolumns, err, err_size) ||
                 (check && table_writer_open(&o->check_csv, a->check_csv, "area_check", check_columns, check_count, err,
                                             err_size));
    }
    if (failed) tally_output_abort(o);
    return failed;
}

/* The runner's area_finding: one row of the findings table. */
int tally_output_finding(const area_finding *f, void *user, char *err, size_t err_size) {
    tally_output *o = user;
    char fid[32];
    snprintf(fid, sizeof fid, "%lld", (long long)f->fid);
    double difference = f->computed_m2 - f->official_m2;
    const int *slot = o->check_slots;
    table_row row;
    table_row_clear(&row);
    table_row_text(&row, slot[C_FID], fid);
    table_row_real(&row, slot[C_FID], (double)f->fid);
    table_row_text(&row, slot[C_BSM], f->bsm);
    table_row_text(&row, slot[C_TBBH], f->tbbh);
    table_row_text(&row, slot[C_CLASS_CODE], f->class_code);
    table_row_real(&row, slot[C_OFFICIAL], f->official_m2);
    table_row_real(&row, slot[C_COMPUTED], f->computed_m2);
    table_row_real(&row, slot[C_DIFFERENCE], difference);
    table_row_real(&row, slot[C_PPM], f->official_m2 != 0 ? difference / f->official_m2 * 1e6 : NAN);
    return o->gpkg ? gpkg_writer_row(o->gpkg, o->check_layer, row.texts, row.reals, NULL, 0, err, err_size)
                   : table_writer_row(o->check_csv, row.texts, row.reals, err, err_size);
}

/* Zones of the result the names layer does not name; the first of them into `first`. */
size_t tally_output_unnamed_zones(guotu_context *ctx, const guotu_tally *t, const zone_names *names, char *first,
                                  size_t first_size) {
    size_t count = 0;
    const char *previous = NULL;
    if (first_size) first[0] = '\0';
    for (size_t i = 0; i < guotu_tally_result_count(t); i++) {
        const char *zone, *code;
        double ha;
        guotu_tally_result(ctx, t, i, &zone, &code, &ha);
        if ((previous && !strcmp(previous, zone)) || zone_names_find(names, zone)) {
            previous = zone;
            continue;
        }
        if (!count && first_size) snprintf(first, first_size, "%s", zone);
        previous = zone;
        count++;
    }
    return count;
}

/* "0.1 m² + 1e-06 × |TBMJ|" */
void tally_output_tolerance_text(const tally_inputs *in, const tally_info *info, char *buf, size_t size) {
    snprintf(buf, size, "%g m² + %g × |%s|", in->area_check_abs, in->area_check_rel, info->area_check_field);
}

static void check_result_text(const tally_info *info, char *buf, size_t size) {
    snprintf(buf, size, "%lld parcels checked, %lld findings, %lld without an official area",
             (long long)info->area_checked, (long long)info->area_findings, (long long)info->area_no_official);
    size_t used = strlen(buf);
    if (info->area_largest_fid >= 0)
        snprintf(buf + used, size - used, ", largest difference %.6f m² (fid %lld)", info->area_largest_m2,
                 (long long)info->area_largest_fid);
}

int tally_output_write(guotu_context *ctx, const guotu_tally *t, tally_output *o, const tally_info *info,
                       const guotu_tally_stats *st, double seconds, char *err, size_t err_size) {
    const tally_output_spec *a = &o->spec;
    size_t n = guotu_tally_result_count(t);
    const int *slot = o->tally_slots;
    for (size_t i = 0; i < n; i++) {
        const char *zone, *code;
        double ha;
        guotu_tally_result(ctx, t, i, &zone, &code, &ha);
        table_row row;
        table_row_clear(&row);
        table_row_text(&row, slot[T_ZONE_ID], zone);
        if (a->zone_names) {
            const char *name = zone_names_find(a->zone_names, zone);
            table_row_text(&row, slot[T_ZONE_NAME], name ? name : "");
        }
        table_row_text(&row, slot[T_CLASS_CODE], code);
        table_row_real(&row, slot[T_AREA_HA], ha);
        if (o->gpkg ? gpkg_writer_row(o->gpkg, o->tally_layer, row.texts, row.reals, NULL, 0, err, err_size)
                    : table_writer_row(o->csv, row.texts, row.reals, err, err_size))
            return 1;
    }
    char repaired[96], seconds_text[32], when[32];
    snprintf(repaired, sizeof repaired, "zones %lld, land use %lld, mask %lld", (long long)st->repaired_zones,
             (long long)st->repaired_landuse, (long long)st->repaired_mask);
    snprintf(seconds_text, sizeof seconds_text, "%.3f", seconds);
    time_t now = time(NULL);
    strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", gmtime(&now));
    const tally_inputs *in = a->in;
    char zone_length[16], overlaps[128], tolerance[160], checked[256];
    snprintf(zone_length, sizeof zone_length, "%d", in->zone_code_length);
    snprintf(overlaps, sizeof overlaps, "%lld pairs, %.6f ha", (long long)st->overlapping_zone_pairs,
             st->zone_overlap_area_ha);
    char names_text[1400];
    snprintf(names_text, sizeof names_text, "(none)");
    if (a->zone_names)
        snprintf(names_text, sizeof names_text, "%.900s (layer %.200s, %s -> %s), %zu zones without a name",
                 a->names_path, zone_names_layer(a->zone_names), a->names_id, a->names_name,
                 tally_output_unnamed_zones(ctx, t, a->zone_names, NULL, 0));
    int check = in->area_check_field != NULL;
    if (check) {
        tally_output_tolerance_text(in, info, tolerance, sizeof tolerance);
        check_result_text(info, checked, sizeof checked);
    }
    const table_meta meta[] = {
        {"guotu_version", guotu_version()},
        {"created_utc", when},
        {"zones", in->zones ? in->zones : "(the land use's own zone codes)"},
        {"zone_id_field", in->zone_id ? in->zone_id : "(none)"},
        {"zone_code_field", in->zone_code_field ? in->zone_code_field : "(none)"},
        {"zone_code_length", zone_length},
        {"landuse", in->landuse},
        {"class_field", in->class_field ? in->class_field : "(raster values)"},
        {"mask", in->mask ? in->mask : "(none)"},
        {"area_method", in->area},
        {"invalid_policy", in->invalid},
        {"raster_mode", info->raster ? in->raster_mode : "(vector)"},
        {"tiankan_deduction", info->deduction_field[0] ? info->deduction_field : "(none)"},
        {"deducted_class", info->deduction_field[0] ? in->deducted_class : "(none)"},
        {"repaired_geometries", repaired},
        {"overlapping_zones", overlaps},
        {"area_check_field", check ? info->area_check_field : "(none)"},
        {"area_check_tolerance", check ? tolerance : "(none)"},
        {"area_check_method", check ? info->area_check_method : "(none)"},
        {"area_check", check ? checked : "(none)"},
        {"zone_names", names_text},
        {"seconds", seconds_text},
    };
    int nmeta = (int)(sizeof meta / sizeof meta[0]);
    if (o->gpkg) {
        gpkg_writer_meta(o->gpkg, o->tally_layer, meta, nmeta);
        if (check) gpkg_writer_meta(o->gpkg, o->check_layer, meta, nmeta);
        /* the Chinese column titles as aliases (GDAL 3.6 stores no alternative names in a GeoPackage) */
        static const char *const styled[] = {"tally", "area_check"};
        if (gpkg_writer_add_styles(o->gpkg, "tally", styled, check ? 2 : 1, err, err_size)) return 1;
        int failed = gpkg_writer_commit(o->gpkg, err, err_size);
        o->gpkg = NULL;
        return failed;
    }
    int failed = table_writer_commit(o->csv, meta, nmeta, err, err_size);
    o->csv = NULL;
    if (!failed && o->check_csv)
        failed = table_writer_commit(o->check_csv, meta, nmeta, err, err_size);
    else
        table_writer_abort(o->check_csv);
    o->check_csv = NULL;
    return failed;
}
