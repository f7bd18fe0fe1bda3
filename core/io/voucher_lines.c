/* voucher_lines.c — the red line and permanent farmland cut the base ∩ target pieces of each
 * zone (guotu_convert with the lines); the account takes each piece's change of standard
 * forest inside a line; losses inside the red line are kept as violations (SPEC §3). */
#include "voucher_lines.h"

#include <gdal/gdal.h>
#include <gdal/gdal_alg.h>
#include <gdal/ogr_api.h>
#include <cpl_conv.h>
#include <cpl_vsi.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "resources.h"
#include "vector_source.h"

typedef struct lines_run {
    guotu_context *ctx;
    const voucher_lines_inputs *in;
    guotu_voucher *voucher;
    voucher_lines_result *out;
    OGRSpatialReferenceH crs; /* the zones' */
    char *err;
    size_t err_size;
    int failed; /* set by the piece callback */
} lines_run;

void voucher_lines_free(voucher_lines_result *r) {
    for (size_t i = 0; i < r->count; i++) {
        free(r->items[i].zone_id);
        free(r->items[i].from_code);
        free(r->items[i].to_code);
        free(r->items[i].wkb);
    }
    free(r->items);
    memset(r, 0, sizeof *r);
}

/* Opens a vector input in the zones' CRS: the same, or reprojected unless --crs-mismatch fail. */
static int open_aligned(lines_run *run, vector_source *src, const char *path, const char *layer, const char *role) {
    if (vector_source_open(src, path, layer, run->in->encoding, run->err, run->err_size)) {
        if (layer && run->in->workspace && strcmp(path, run->in->workspace) == 0)
            workspace_layer_message(run->err, run->err_size, layer);
        size_t used = strlen(run->err);
        snprintf(run->err + used, run->err_size - used, " (%s, read for the bottom lines)", role);
        return 1;
    }
    layer_crs_target t = {.srs = run->crs,
                          .words = "the zones",
                          .plural = 1,
                          .refuse = strcmp(run->in->crs_mismatch, "fail") == 0,
                          .note = run->in->note,
                          .note_user = run->in->note_user};
    return layer_crs_align(&t, src, role, NULL, run->err, run->err_size);
}

static int core_error(lines_run *run, const char *what) {
    snprintf(run->err, run->err_size, "%s: %s", what, guotu_context_last_error(run->ctx));
    return 1;
}

/* Union of the mask polygons (urban space), or NULL without a mask or features. */
static int read_mask(lines_run *run, OGRGeometryH *out) {
    *out = NULL;
    if (!run->in->mask) return 0;
    vector_source src;
    if (open_aligned(run, &src, run->in->mask, run->in->mask_layer, "mask") ||
        vector_source_filter(&src, run->in->mask_where, run->err, run->err_size)) {
        vector_source_close(&src);
        return 1;
    }
    OGRGeometryH all = OGR_G_CreateGeometry(wkbMultiPolygon);
    int64_t fid;
    char value[8];
    const unsigned char *wkb;
    size_t size;
    int more;
    while ((more = vector_source_next(&src, &fid, value, sizeof value, &wkb, &size, run->err, run->err_size)) == 1) {
        OGRGeometryH g = NULL;
        if (!wkb || OGR_G_CreateFromWkb(wkb, NULL, &g, (int)size) != OGRERR_NONE) continue;
        OGRGeometryH valid = OGR_G_MakeValid(g);
        OGR_G_DestroyGeometry(g);
        if (!valid) continue;
        OGRGeometryH polygons = OGR_G_ForceToMultiPolygon(valid);
        for (int i = 0; polygons && i < OGR_G_GetGeometryCount(polygons); i++)
            OGR_G_AddGeometry(all, OGR_G_GetGeometryRef(polygons, i));
        if (polygons) OGR_G_DestroyGeometry(polygons);
    }
    vector_source_close(&src);
    if (more < 0) {
        OGR_G_DestroyGeometry(all);
        return 1;
    }
    *out = OGR_G_UnionCascaded(all);
    OGR_G_DestroyGeometry(all);
    return 0;
}

/* The zones, less the mask: the tallies count no ecological land inside it, nor may the lines. */
static int add_zones(lines_run *run, guotu_convert *cv) {
    OGRGeometryH mask = NULL;
    if (read_mask(run, &mask)) return 1;
    const zone_set *zones = run->in->zones;
    int failed = 0;
    for (size_t i = 0; !failed && i < zones->count; i++) {
        const zone_record *z = &zones->zones[i];
        OGRGeometryH g = NULL, cut = NULL;
        unsigned char *wkb = NULL;
        size_t size = z->wkb_size;
        if (mask && OGR_G_CreateFromWkb(z->wkb, NULL, &g, (int)z->wkb_size) == OGRERR_NONE) {
            OGRGeometryH valid = OGR_G_MakeValid(g);
            cut = valid ? OGR_G_Difference(valid, mask) : NULL;
            if (valid) OGR_G_DestroyGeometry(valid);
            if (cut && !OGR_G_IsEmpty(cut)) {
                OGRGeometryH multi = OGR_G_ForceToMultiPolygon(cut);
                cut = multi;
                size = (size_t)OGR_G_WkbSize(cut);
                wkb = malloc(size);
                if (wkb) OGR_G_ExportToIsoWkb(cut, wkbNDR, wkb);
            }
        }
        if (!mask || wkb) {
            if (guotu_convert_add_zone(run->ctx, cv, z->id, (int64_t)i, wkb ? wkb : z->wkb, size))
                failed = core_error(run, "bottom lines");
        } else if (!cut) {
            snprintf(run->err, run->err_size, "zone '%s': cannot cut the mask off it for the bottom lines", z->id);
            failed = 1;
        } /* else the mask covers the whole zone: nothing of it lies in a line */
        free(wkb);
        if (cut) OGR_G_DestroyGeometry(cut);
        if (g) OGR_G_DestroyGeometry(g);
    }
    if (mask) OGR_G_DestroyGeometry(mask);
    return failed;
}

/* A land-use raster as polygons for the lines: band 1 polygonized (cells of one class joined,
 * no-data cells left out) into a GeoPackage in memory, field class_code. The lines then cut the
 * raster's cells exactly, as the exact raster mode counts them. 1 with a message. */
static int polygonize_raster(lines_run *run, const char *path, int year, char *out, size_t out_size) {
    GDALDatasetH ds = GDALOpen(path, GA_ReadOnly);
    GDALRasterBandH band = ds ? GDALGetRasterBand(ds, 1) : NULL;
    if (!band) {
        snprintf(run->err, run->err_size, "cannot read the land-use raster '%s' for the bottom lines", path);
        if (ds) GDALClose(ds);
        return 1;
    }
    snprintf(out, out_size, "/vsimem/guotu_voucher_lines_%p_%d.gpkg", (void *)run, year);
    GDALDriverH driver = GDALGetDriverByName("GPKG");
    GDALDatasetH polygons = driver ? GDALCreate(driver, out, 0, 0, 0, GDT_Unknown, NULL) : NULL;
    OGRLayerH layer =
        polygons ? GDALDatasetCreateLayer(polygons, "landuse", GDALGetSpatialRef(ds), wkbPolygon, NULL) : NULL;
    int failed = !layer;
    if (layer) {
        OGRFieldDefnH field = OGR_Fld_Create("class_code", OFTInteger);
        failed = OGR_L_CreateField(layer, field, TRUE) != OGRERR_NONE;
        OGR_Fld_Destroy(field);
    }
    if (!failed) {
        GDALDatasetStartTransaction(polygons, FALSE);
        failed = GDALPolygonize(band, GDALGetMaskBand(band), layer, 0, NULL, NULL, NULL) != CE_None;
        if (!failed) failed = GDALDatasetCommitTransaction(polygons) != OGRERR_NONE;
    }
    if (failed)
        snprintf(run->err, run->err_size,
                 "cannot turn the cells of the land-use raster '%s' into polygons for the "
                 "bottom lines: %s",
                 path, CPLGetLastErrorMsg());
    if (polygons) GDALClose(polygons);
    GDALClose(ds);
    if (failed) VSIUnlink(out);
    return failed;
}

static int add_landuse(lines_run *run, guotu_convert *cv, int year) {
    const voucher_lines_inputs *in = run->in;
    const char *path = year ? in->target : in->base, *layer = year ? in->target_layer : in->base_layer;
    const char *field = year ? in->target_class : in->base_class;
    const char *role = year ? "target-year land-use" : "base-year land-use";
    char cells[256] = "";
    if (!field) {
        /* Raster land use: its cells, as polygons. */
        if (polygonize_raster(run, path, year, cells, sizeof cells)) return 1;
        path = cells;
        layer = "landuse";
        field = "class_code";
    }
    vector_source src;
    int failed =
        open_aligned(run, &src, path, layer, role) || vector_source_use_field(&src, field, run->err, run->err_size);
    if (!failed && year) guotu_convert_set_expected(run->ctx, cv, vector_source_count(&src));
    int64_t fid;
    char code[512];
    const unsigned char *wkb;
    size_t size;
    int more = 0;
    while (!failed &&
           (more = vector_source_next(&src, &fid, code, sizeof code, &wkb, &size, run->err, run->err_size)) == 1) {
        if (!wkb) continue;
        int status = year ? guotu_convert_add_after(run->ctx, cv, code, fid, wkb, size)
                          : guotu_convert_add_before(run->ctx, cv, code, fid, wkb, size);
        if (status) failed = run->failed ? 1 : core_error(run, "bottom lines");
    }
    if (more < 0) failed = 1;
    vector_source_close(&src);
    if (cells[0]) VSIUnlink(cells);
    return failed;
}

static int add_line(lines_run *run, guotu_convert *cv, guotu_line line) {
    const voucher_lines_inputs *in = run->in;
    const char *file = line == GUOTU_LINE_REDLINE ? in->redline : in->farmland;
    const char *layer = line == GUOTU_LINE_REDLINE ? in->redline_layer : in->farmland_layer;
    const char *name = line == GUOTU_LINE_REDLINE ? "ecological_redline" : "permanent_farmland";
    if (!file) {
        file = in->workspace;
        layer = name;
    }
    char *source = line == GUOTU_LINE_REDLINE ? run->out->redline_source : run->out->farmland_source;
    vector_source src;
    int failed = open_aligned(run, &src, file, layer, line == GUOTU_LINE_REDLINE ? "red line" : "farmland");
    if (!failed) snprintf(source, sizeof run->out->redline_source, "%s (layer %s)", file, src.layer_name);
    int64_t fid;
    char value[8];
    const unsigned char *wkb;
    size_t size;
    int more = 0;
    while (!failed &&
           (more = vector_source_next(&src, &fid, value, sizeof value, &wkb, &size, run->err, run->err_size)) == 1)
        if (wkb && guotu_convert_add_line(run->ctx, cv, line, fid, wkb, size)) failed = core_error(run, "bottom lines");
    if (more < 0) failed = 1;
    vector_source_close(&src);
    return failed;
}

static char *dup_text(const char *s) { return strdup(s ? s : ""); }

static int on_piece(const guotu_conversion_piece *piece, void *user) {
    lines_run *run = user;
    int line = strcmp(piece->line, "ecological_redline") == 0   ? GUOTU_LINE_REDLINE
               : strcmp(piece->line, "permanent_farmland") == 0 ? GUOTU_LINE_FARMLAND
                                                                : -1;
    if (line < 0 || !piece->zone_id[0]) return 0;
    double dm = 0;
    if (guotu_voucher_add_line_piece(run->ctx, run->voucher, piece->zone_id, line, piece->from_code, piece->to_code,
                                     piece->area_ha, &dm)) {
        run->failed = core_error(run, "bottom lines");
        return 1;
    }
    if (line != GUOTU_LINE_REDLINE || !(dm < 0)) return 0;
    voucher_lines_result *out = run->out;
    if (out->count == out->cap) {
        size_t cap = out->cap ? out->cap * 2 : 64;
        voucher_violation *grown = realloc(out->items, cap * sizeof *grown);
        if (!grown) goto nomem;
        out->items = grown;
        out->cap = cap;
    }
    voucher_violation *vi = &out->items[out->count];
    memset(vi, 0, sizeof *vi);
    vi->zone_id = dup_text(piece->zone_id);
    vi->from_code = dup_text(piece->from_code);
    vi->to_code = dup_text(piece->to_code);
    vi->wkb = malloc(piece->wkb_size ? piece->wkb_size : 1);
    out->count++;
    if (!vi->zone_id || !vi->from_code || !vi->to_code || !vi->wkb) goto nomem;
    memcpy(vi->wkb, piece->wkb, piece->wkb_size);
    vi->wkb_size = piece->wkb_size;
    vi->base_fid = piece->before_fid;
    vi->target_fid = piece->after_fid;
    vi->area_ha = piece->area_ha;
    vi->dm_ha = dm;
    return 0;
nomem:
    snprintf(run->err, run->err_size, "out of memory");
    run->failed = 1;
    return 1;
}

int voucher_lines_run(guotu_context *ctx, const voucher_lines_inputs *in, guotu_voucher *v, voucher_lines_result *out,
                      char *err, size_t err_size) {
    memset(out, 0, sizeof *out);
    lines_run run = {ctx, in, v, out, in->zones->srs, err, err_size, 0};
    /* Categories and the policy are not used here; the overlay needs them all the same (a map
     * of one code no land use has). */
    static const char empty_map[] = "code,category\n(none),cultivated\n";
    guotu_category_map *map = NULL;
    guotu_policy *policy = NULL;
    guotu_convert *cv = NULL;
    char policy_path[1400], *crs_text = NULL;
    size_t size = 0;
    char *policy_text = table_text_load("policy", "conversion", policy_path, sizeof policy_path, &size, err, err_size);
    if (!policy_text) return 1;
    int failed = 0;
    if (guotu_category_map_parse(ctx, empty_map, sizeof empty_map - 1, "(none)", &map) ||
        guotu_policy_parse(ctx, policy_text, size, policy_path, &policy))
        failed = core_error(&run, "bottom lines");
    free(policy_text);
    const char *wkt_opts[] = {"FORMAT=WKT2_2019", NULL};
    if (in->zones->srs) OSRExportToWktEx(in->zones->srs, &crs_text, wkt_opts);
    guotu_convert_options o;
    guotu_convert_options_init(&o);
    o.crs = crs_text;
    o.area_method = strcmp(in->area, "planar") == 0 ? GUOTU_AREA_PLANAR : GUOTU_AREA_ELLIPSOIDAL;
    o.invalid = strcmp(in->invalid, "fail") == 0 ? GUOTU_INVALID_FAIL : GUOTU_INVALID_REPAIR;
    o.before_label = "base-year land use";
    o.after_label = "target-year land use";
    o.zones_label = in->zones->layer_name;
    if (!failed && guotu_convert_create(ctx, &o, map, map, policy, NULL, NULL, &cv))
        failed = core_error(&run, "bottom lines");
    CPLFree(crs_text);
    if (!failed)
        failed = add_zones(&run, cv) || add_landuse(&run, cv, 0) || add_line(&run, cv, GUOTU_LINE_REDLINE) ||
                 add_line(&run, cv, GUOTU_LINE_FARMLAND);
    if (!failed && guotu_convert_prepare(ctx, cv)) failed = core_error(&run, "bottom lines");
    if (!failed) {
        guotu_convert_set_piece_callback(cv, on_piece, &run);
        failed = add_landuse(&run, cv, 1);
    }
    if (!failed && guotu_convert_finish(ctx, cv)) failed = core_error(&run, "bottom lines");
    guotu_convert_destroy(ctx, cv);
    guotu_policy_destroy(ctx, policy);
    guotu_category_map_destroy(ctx, map);
    if (failed) voucher_lines_free(out);
    return failed;
}
