/* cmd_parcels.c — `guotu parcels check`: rectification parcels of land consolidation
 * against the three lines, the conversion policy and the unit rules (SPEC §5). */
#include <cpl_conv.h>
#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "commands.h"
#include "parcels_cli.h"
#include "resources.h"

static const char *const parcels_usage =
    "usage: guotu parcels check --parcels FILE [--parcels-layer NAME] --parcel-id F --type-field F\n"
    "         --current-field F --current-system S --planned-field F --planned-system S\n"
    "         (--workspace W.gpkg | --redline F --farmland F --urban F) [--project-field F]\n"
    "         [--redline FILE [--redline-layer L]] [--farmland FILE [--farmland-layer L]]\n"
    "         [--urban FILE [--urban-layer L]]\n"
    "         [--villages FILE [--villages-layer L] --village-id F [--village-name F]]\n"
    "         [--units FILE [--units-layer L] --unit-id F [--unit-name F] [--unit-cultivated-field F]]\n"
    "         [--river-beaches FILE [--river-beaches-layer L]] [--beach-codes \"1106 ...\"]\n"
    "         [--types CSV] [--policy CSV]\n"
    "         [--tolerance M2] [--new-cultivated-min X] [--farmland-gain-min X]\n"
    "         [--area ellipsoidal|planar] [--encoding NAME] [--xlsx FILE.xlsx] [--csv-dir DIR]\n"
    "         -o OUT.gpkg\n"
    "\n"
    "Checks every rectification parcel (整治地块) of a land consolidation project (SPEC §5) and\n"
    "gives it a verdict — 通过 pass, 有条件通过 pass with conditions, 不通过 fail — with every\n"
    "reason: P01 invalid geometry, P02 unknown project type, P03 unknown land-use code, P10\n"
    "inside the red line (allowed for ecological restoration), P11 planned construction on\n"
    "permanent farmland, P12 prohibited / P13 policy gap / P14 conditional / P15 path of the\n"
    "current -> planned conversion, P16 reclamation on a river beach (from --river-beaches or\n"
    "the current codes of the system's preset), P17 new construction outside the urban\n"
    "boundary, P18 parcels overlapping each other. Per consolidation unit (--units, by most\n"
    "area) or project (--project-field; otherwise one project '*'): U01 net new cultivated\n"
    "land >= --new-cultivated-min (0.05) of the original, U02 new cultivated land outside\n"
    "farmland >= --farmland-gain-min (1.05) x farmland adjusted out, U03 standard-forest\n"
    "land does not decrease. Overlaps under --tolerance m² (default 1) are ignored.\n"
    "Project types come from --types (columns value,kind; default the preset with 农用地整理,\n"
    "建设用地整理, 拆旧复垦, 生态保护修复, 高标准农田). Other layers are reprojected into the\n"
    "parcels' CRS. The three lines come from a workspace (see `guotu lines init`) or as\n"
    "delivered: --redline, --farmland and --urban each take a layer (GeoPackage, File\n"
    "Geodatabase, shapefile ...; --X-layer names the layer) in place of the workspace's; with\n"
    "all three the workspace may be left out. OUT.gpkg holds parcel_checks, parcel_reasons, project_checks and\n"
    "village_totals; --xlsx and --csv-dir write the tables for the review meeting.\n";

enum {
    O_PARCELS = 256,
    O_PARCELS_LAYER,
    O_VILLAGES_LAYER,
    O_UNITS_LAYER,
    O_BEACHES_LAYER,
    O_ID,
    O_TYPE,
    O_PROJECT,
    O_CURRENT,
    O_CURRENT_SYSTEM,
    O_PLANNED,
    O_PLANNED_SYSTEM,
    O_WS,
    O_VILLAGES,
    O_VILLAGE_ID,
    O_VILLAGE_NAME,
    O_UNITS,
    O_UNIT_ID,
    O_UNIT_NAME,
    O_UNIT_CULT,
    O_BEACHES,
    O_BEACH_CODES,
    O_TYPES,
    O_POLICY,
    O_TOL,
    O_NEWMIN,
    O_GAIN,
    O_AREA,
    O_ENCODING,
    O_XLSX,
    O_CSV,
    O_REDLINE,
    O_REDLINE_LAYER,
    O_FARMLAND,
    O_FARMLAND_LAYER,
    O_URBAN,
    O_URBAN_LAYER
};

static int parse(int argc, char **argv, parcels_args *a) {
    static const struct option options[] = {{"parcels", 1, 0, O_PARCELS},
                                            {"parcels-layer", 1, 0, O_PARCELS_LAYER},
                                            {"parcel-id", 1, 0, O_ID},
                                            {"type-field", 1, 0, O_TYPE},
                                            {"project-field", 1, 0, O_PROJECT},
                                            {"current-field", 1, 0, O_CURRENT},
                                            {"current-system", 1, 0, O_CURRENT_SYSTEM},
                                            {"planned-field", 1, 0, O_PLANNED},
                                            {"planned-system", 1, 0, O_PLANNED_SYSTEM},
                                            {"workspace", 1, 0, O_WS},
                                            {"villages", 1, 0, O_VILLAGES},
                                            {"village-id", 1, 0, O_VILLAGE_ID},
                                            {"village-name", 1, 0, O_VILLAGE_NAME},
                                            {"units", 1, 0, O_UNITS},
                                            {"unit-id", 1, 0, O_UNIT_ID},
                                            {"unit-name", 1, 0, O_UNIT_NAME},
                                            {"unit-cultivated-field", 1, 0, O_UNIT_CULT},
                                            {"river-beaches", 1, 0, O_BEACHES},
                                            {"beach-codes", 1, 0, O_BEACH_CODES},
                                            {"types", 1, 0, O_TYPES},
                                            {"policy", 1, 0, O_POLICY},
                                            {"tolerance", 1, 0, O_TOL},
                                            {"new-cultivated-min", 1, 0, O_NEWMIN},
                                            {"farmland-gain-min", 1, 0, O_GAIN},
                                            {"area", 1, 0, O_AREA},
                                            {"encoding", 1, 0, O_ENCODING},
                                            {"xlsx", 1, 0, O_XLSX},
                                            {"villages-layer", 1, 0, O_VILLAGES_LAYER},
                                            {"units-layer", 1, 0, O_UNITS_LAYER},
                                            {"river-beaches-layer", 1, 0, O_BEACHES_LAYER},
                                            {"csv-dir", 1, 0, O_CSV},
                                            {"redline", 1, 0, O_REDLINE},
                                            {"redline-layer", 1, 0, O_REDLINE_LAYER},
                                            {"farmland", 1, 0, O_FARMLAND},
                                            {"farmland-layer", 1, 0, O_FARMLAND_LAYER},
                                            {"urban", 1, 0, O_URBAN},
                                            {"urban-layer", 1, 0, O_URBAN_LAYER},
                                            {"output", 1, 0, 'o'},
                                            {"help", 0, 0, 'h'},
                                            {0, 0, 0, 0}};
    memset(a, 0, sizeof *a);
    guotu_parcels_options_init(&a->o);
    a->types = "project_types";
    a->policy = "policy";
    a->area = "ellipsoidal";
    optind = 1;
    opterr = 0;
    int c;
    while ((c = getopt_long(argc, argv, "o:h", options, NULL)) != -1) {
        double *number = NULL;
        switch (c) {
        case O_PARCELS: a->parcels = optarg; break;
        case O_PARCELS_LAYER: a->parcels_layer = optarg; break;
        case O_ID: a->parcel_id = optarg; break;
        case O_TYPE: a->type_field = optarg; break;
        case O_PROJECT: a->project_field = optarg; break;
        case O_CURRENT: a->current_field = optarg; break;
        case O_CURRENT_SYSTEM: a->current_system = optarg; break;
        case O_PLANNED: a->planned_field = optarg; break;
        case O_PLANNED_SYSTEM: a->planned_system = optarg; break;
        case O_WS: a->workspace = optarg; break;
        case O_VILLAGES: a->villages = optarg; break;
        case O_VILLAGE_ID: a->village_id = optarg; break;
        case O_VILLAGE_NAME: a->village_name = optarg; break;
        case O_UNITS: a->units = optarg; break;
        case O_UNIT_ID: a->unit_id = optarg; break;
        case O_UNIT_NAME: a->unit_name = optarg; break;
        case O_UNIT_CULT: a->unit_cultivated = optarg; break;
        case O_BEACHES: a->beaches = optarg; break;
        case O_BEACH_CODES: a->beach_codes = optarg; break;
        case O_TYPES: a->types = optarg; break;
        case O_POLICY: a->policy = optarg; break;
        case O_TOL: number = &a->o.tolerance_m2; break;
        case O_NEWMIN: number = &a->o.new_cultivated_min; break;
        case O_GAIN: number = &a->o.farmland_gain_min; break;
        case O_AREA: a->area = optarg; break;
        case O_ENCODING: a->encoding = optarg; break;
        case O_XLSX: a->xlsx = optarg; break;
        case O_CSV: a->csv_dir = optarg; break;
        case O_VILLAGES_LAYER: a->villages_layer = optarg; break;
        case O_UNITS_LAYER: a->units_layer = optarg; break;
        case O_BEACHES_LAYER: a->beaches_layer = optarg; break;
        case O_REDLINE: a->line_file[GUOTU_LINE_REDLINE] = optarg; break;
        case O_REDLINE_LAYER: a->line_layer[GUOTU_LINE_REDLINE] = optarg; break;
        case O_FARMLAND: a->line_file[GUOTU_LINE_FARMLAND] = optarg; break;
        case O_FARMLAND_LAYER: a->line_layer[GUOTU_LINE_FARMLAND] = optarg; break;
        case O_URBAN: a->line_file[GUOTU_LINE_URBAN] = optarg; break;
        case O_URBAN_LAYER: a->line_layer[GUOTU_LINE_URBAN] = optarg; break;
        case 'o': a->output = optarg; break;
        case 'h': fputs(parcels_usage, stdout); return -1;
        default:
            return cli_usage_error("parcels check", parcels_usage, "unknown or incomplete option '%s'",
                                   argv[optind - 1]);
        }
        if (number && cli_parse_nonnegative(optarg, number))
            return cli_usage_error("parcels check", parcels_usage, "%s needs a number >= 0, not '%s'", argv[optind - 2],
                                   optarg);
    }
    const char *u = NULL;
    if (optind < argc)
        u = "unexpected argument";
    else if (!a->parcels || !a->parcel_id || !a->type_field || !a->current_field || !a->planned_field ||
             !a->current_system || !a->planned_system || !a->output)
        u = "--parcels, --parcel-id, --type-field, --current-field, --current-system, --planned-field, "
            "--planned-system and -o are required";
    else if (!a->workspace && (!a->line_file[0] || !a->line_file[1] || !a->line_file[2]))
        u = "give --workspace, or all three of --redline, --farmland and --urban";
    else if (a->villages && !a->village_id)
        u = "--villages needs --village-id";
    else if (a->units && !a->unit_id)
        u = "--units needs --unit-id";
    else if (strcmp(a->area, "ellipsoidal") && strcmp(a->area, "planar"))
        u = "--area must be ellipsoidal or planar";
    else if (strlen(a->output) < 5 || strcmp(a->output + strlen(a->output) - 5, ".gpkg"))
        u = "-o must be a .gpkg file";
    else if (a->xlsx && (strlen(a->xlsx) < 5 || strcmp(a->xlsx + strlen(a->xlsx) - 5, ".xlsx")))
        u = "--xlsx must be a .xlsx file";
    if (u) return cli_usage_error("parcels check", parcels_usage, "%s", u);
    a->o.area_method = strcmp(a->area, "planar") == 0 ? GUOTU_AREA_PLANAR : GUOTU_AREA_ELLIPSOIDAL;
    return 0;
}

static int core_error(parcels_run *r, const char *what) {
    snprintf(r->err, sizeof r->err, "%s%s%s", what ? what : "", what ? ": " : "", guotu_context_last_error(r->ctx));
    return 1;
}

/* The river-beach codes of a system from presets/parcels/river_beach_codes.csv. */
static int preset_beach_codes(parcels_run *r, const char *system) {
    char path[1200];
    size_t n = 0;
    char *text = table_text_load("river_beach_codes", "parcels", path, sizeof path, &n, r->err, sizeof r->err);
    if (!text) return 1;
    r->beach_codes[0] = '\0';
    size_t len = strlen(system);
    for (char *line = strtok(text, "\r\n"); line; line = strtok(NULL, "\r\n"))
        if (!strncmp(line, system, len) && line[len] == ',') {
            char *codes = line + len + 1;
            codes[strcspn(codes, ",")] = '\0';
            snprintf(r->beach_codes, sizeof r->beach_codes, "%s", codes);
        }
    free(text);
    return 0;
}

static int load_tables(parcels_run *r) {
    const parcels_args *a = &r->a;
    char source[1200];
    size_t n = 0;
    const char *systems[2] = {a->current_system, a->planned_system};
    for (int side = 0; side < 2; side++) {
        if (!classification_system_known(systems[side])) {
            snprintf(r->err, sizeof r->err,
                     "unknown classification system '%s' (CAS_LUCC, SANDIAO_WORK, "
                     "GBT21010_2017, YDYH_2023)",
                     systems[side]);
            return 1;
        }
        char *text = table_text_load(systems[side], "conversion", source, sizeof source, &n, r->err, sizeof r->err);
        if (!text) return 1;
        int status = guotu_category_map_parse(r->ctx, text, n, source, &r->maps[side]);
        free(text);
        if (status) return core_error(r, NULL);
        text = table_text_load(systems[side], "voucher", source, sizeof source, &n, r->err, sizeof r->err);
        if (!text) return 1;
        status = guotu_coefficients_parse(r->ctx, text, n, source, NULL, &r->k[side]);
        free(text);
        if (status) return core_error(r, NULL);
    }
    char *text = table_text_load(a->policy, "conversion", source, sizeof source, &n, r->err, sizeof r->err);
    if (!text) return 1;
    int status = guotu_policy_parse(r->ctx, text, n, source, &r->policy);
    free(text);
    if (status) return core_error(r, NULL);
    text = table_text_load(a->types, "parcels", source, sizeof source, &n, r->err, sizeof r->err);
    if (!text) return 1;
    status = guotu_project_types_parse(r->ctx, text, n, source, &r->types);
    free(text);
    if (status) return core_error(r, NULL);
    if (a->beach_codes)
        snprintf(r->beach_codes, sizeof r->beach_codes, "%s", a->beach_codes);
    else if (preset_beach_codes(r, a->current_system))
        return 1;
    return 0;
}

/* Opens a layer and brings it into the parcels' CRS. */
static int open_aligned(parcels_run *r, vector_source *src, const char *path, const char *layer, const char *role) {
    if (vector_source_open(src, path, layer, r->a.encoding, r->err, sizeof r->err)) return 1;
    OGRSpatialReferenceH have = vector_source_crs(src);
    if (!have && !r->srs) return 0;
    if (!have || !r->srs) {
        snprintf(r->err, sizeof r->err, "the %s layer '%s' %s but the parcels %s: give both a CRS", role,
                 src->layer_name, have ? "has a CRS" : "has no CRS", r->srs ? "have one" : "have none");
        return 1;
    }
    const char *same_opts[] = {"IGNORE_DATA_AXIS_TO_SRS_AXIS_MAPPING=YES", NULL};
    if (OSRIsSameEx(have, r->srs, same_opts)) return 0;
    fprintf(stderr, "guotu: note: reprojecting the %s layer '%s' from %s to %s\n", role, src->layer_name,
            OSRGetName(have), OSRGetName(r->srs));
    return vector_source_reproject_to(src, r->srs, r->err, sizeof r->err);
}

/* Each line from its own layer when given (--redline ...), otherwise from the workspace. */
static int read_lines(parcels_run *r) {
    static const char *const layers[3] = {"ecological_redline", "permanent_farmland", "urban_boundary"};
    static const char *const roles[3] = {"red line", "farmland", "urban boundary"};
    for (int line = 0; line < 3; line++) {
        vector_source src;
        memset(&src, 0, sizeof src);
        const char *own = r->a.line_file[line];
        if (own ? open_aligned(r, &src, own, r->a.line_layer[line], roles[line])
                : open_aligned(r, &src, r->a.workspace, layers[line], "workspace")) {
            if (!own) workspace_layer_message(r->err, sizeof r->err, layers[line]);
            vector_source_close(&src);
            return 1;
        }
        char value[8];
        int64_t fid;
        const unsigned char *wkb;
        size_t size;
        int more;
        while ((more = vector_source_next(&src, &fid, value, sizeof value, &wkb, &size, r->err, sizeof r->err)) == 1) {
            if (wkb && guotu_parcels_add_line(r->ctx, r->check, (guotu_line)line, fid, wkb, size)) {
                vector_source_close(&src);
                return core_error(r, layers[line]);
            }
        }
        vector_source_close(&src);
        if (more < 0) return 1;
    }
    return 0;
}

typedef enum region_kind { REGION_VILLAGE, REGION_UNIT, REGION_BEACH } region_kind;

static int read_regions(parcels_run *r, region_kind kind) {
    const parcels_args *a = &r->a;
    const char *path = kind == REGION_VILLAGE ? a->villages : kind == REGION_UNIT ? a->units : a->beaches;
    const char *layer = kind == REGION_VILLAGE ? a->villages_layer
                        : kind == REGION_UNIT  ? a->units_layer
                                               : a->beaches_layer;
    const char *id_field = kind == REGION_VILLAGE ? a->village_id : kind == REGION_UNIT ? a->unit_id : NULL;
    const char *name_field = kind == REGION_VILLAGE ? a->village_name : kind == REGION_UNIT ? a->unit_name : NULL;
    const char *role = kind == REGION_VILLAGE ? "villages"
                       : kind == REGION_UNIT  ? "consolidation units"
                                              : "river beaches";
    if (!path) return 0;
    vector_source src;
    memset(&src, 0, sizeof src);
    int failed = open_aligned(r, &src, path, layer, role) ||
                 (id_field && vector_source_use_field(&src, id_field, r->err, sizeof r->err));
    int name = !failed && name_field ? vector_source_field(&src, name_field, r->err, sizeof r->err) : -1;
    int cult = !failed && kind == REGION_UNIT && a->unit_cultivated
                   ? vector_source_field(&src, a->unit_cultivated, r->err, sizeof r->err)
                   : -1;
    if ((name_field && name < 0) || (kind == REGION_UNIT && a->unit_cultivated && cult < 0)) failed = 1;
    char id[512];
    int64_t fid;
    const unsigned char *wkb;
    size_t size;
    int more = 0, count = 0;
    while (!failed && (more = vector_source_next(&src, &fid, id, sizeof id, &wkb, &size, r->err, sizeof r->err)) == 1) {
        if (!wkb) continue;
        count++;
        int status;
        if (kind == REGION_BEACH) {
            status = guotu_parcels_add_river_beach(r->ctx, r->check, fid, wkb, size);
        } else if (kind == REGION_VILLAGE) {
            status = guotu_parcels_add_village(r->ctx, r->check, id, name >= 0 ? vector_source_text(&src, name) : "",
                                               fid, wkb, size);
        } else {
            double original = NAN;
            if (cult >= 0 && !vector_source_real(&src, cult, &original)) original = NAN;
            status = guotu_parcels_add_unit(r->ctx, r->check, id, name >= 0 ? vector_source_text(&src, name) : "",
                                            original, fid, wkb, size);
        }
        if (status) {
            char where[600];
            snprintf(where, sizeof where, "layer '%s' of '%s'", src.layer_name, path);
            failed = core_error(r, where);
        }
    }
    if (more < 0) failed = 1;
    if (!failed && !count) {
        snprintf(r->err, sizeof r->err, "the %s layer '%s' has no features", role, path);
        failed = 1;
    }
    vector_source_close(&src);
    return failed;
}

static int keep_geometry(parcels_run *r, int64_t fid, const unsigned char *wkb, size_t size) {
    if (r->parcel_count == r->parcel_cap) {
        size_t cap = r->parcel_cap ? r->parcel_cap * 2 : 256;
        unsigned char **w = realloc(r->parcel_wkb, cap * sizeof *w);
        if (w) r->parcel_wkb = w;
        size_t *s = realloc(r->parcel_wkb_size, cap * sizeof *s);
        if (s) r->parcel_wkb_size = s;
        int64_t *f = realloc(r->parcel_fids, cap * sizeof *f);
        if (f) r->parcel_fids = f;
        if (!w || !s || !f) return 1;
        r->parcel_cap = cap;
    }
    unsigned char *copy = malloc(size);
    if (!copy) return 1;
    memcpy(copy, wkb, size);
    r->parcel_wkb[r->parcel_count] = copy;
    r->parcel_wkb_size[r->parcel_count] = size;
    r->parcel_fids[r->parcel_count++] = fid;
    return 0;
}

static int read_parcels(parcels_run *r, vector_source *src) {
    const parcels_args *a = &r->a;
    if (vector_source_use_field(src, a->parcel_id, r->err, sizeof r->err)) return 1;
    int type = vector_source_field(src, a->type_field, r->err, sizeof r->err);
    int current = type < 0 ? -1 : vector_source_field(src, a->current_field, r->err, sizeof r->err);
    int planned = current < 0 ? -1 : vector_source_field(src, a->planned_field, r->err, sizeof r->err);
    int project =
        planned < 0 || !a->project_field ? -1 : vector_source_field(src, a->project_field, r->err, sizeof r->err);
    if (type < 0 || current < 0 || planned < 0 || (a->project_field && project < 0)) return 1;
    char id[512];
    int64_t fid;
    const unsigned char *wkb;
    size_t size;
    int more;
    while ((more = vector_source_next(src, &fid, id, sizeof id, &wkb, &size, r->err, sizeof r->err)) == 1) {
        if (!wkb) {
            snprintf(r->err, sizeof r->err, "parcels layer '%s', feature %lld (parcel '%s'): no geometry",
                     src->layer_name, (long long)fid, id);
            return 1;
        }
        guotu_parcel_input in = {id,
                                 vector_source_text(src, type),
                                 project >= 0 ? vector_source_text(src, project) : "",
                                 vector_source_text(src, current),
                                 vector_source_text(src, planned),
                                 fid};
        if (guotu_parcels_add(r->ctx, r->check, &in, wkb, size)) return core_error(r, NULL);
        if (keep_geometry(r, fid, wkb, size)) {
            snprintf(r->err, sizeof r->err, "out of memory");
            return 1;
        }
    }
    return more < 0;
}

static void print_summary(parcels_run *r) {
    int64_t verdicts[3] = {0, 0, 0};
    for (size_t i = 0; i < guotu_parcels_count(r->check); i++) {
        guotu_parcel_result p;
        if (!guotu_parcels_result(r->ctx, r->check, i, &p)) verdicts[p.verdict]++;
    }
    printf("Rectification parcel check of %s (%zu parcels, tolerance %g m²)\n", r->a.parcels,
           guotu_parcels_count(r->check), r->a.o.tolerance_m2);
    printf("  通过 pass %lld, 有条件通过 conditional %lld, 不通过 fail %lld\n", (long long)verdicts[0],
           (long long)verdicts[1], (long long)verdicts[2]);
    for (size_t i = 0; i < guotu_parcels_unit_count(r->check); i++) {
        guotu_unit_result u;
        if (guotu_parcels_unit(r->ctx, r->check, i, &u)) continue;
        printf("  %s %s: %s — %s\n", u.project_id[0] ? u.project_id : "(no unit)", u.name,
               guotu_verdict_name(u.verdict), u.reasons_en);
    }
    printf("  written: %s\n", r->a.output);
    if (r->a.xlsx) printf("  written: %s\n", r->a.xlsx);
    if (r->a.csv_dir) printf("  written: %s/{parcel_checks,project_checks,village_totals}.csv\n", r->a.csv_dir);
}

static void run_free(parcels_run *r) {
    gpkg_writer_abort(r->out);
    parcels_free_schemas(r);
    guotu_parcels_destroy(r->ctx, r->check);
    guotu_project_types_destroy(r->ctx, r->types);
    for (int s = 0; s < 2; s++) {
        guotu_category_map_destroy(r->ctx, r->maps[s]);
        guotu_coefficients_destroy(r->ctx, r->k[s]);
    }
    guotu_policy_destroy(r->ctx, r->policy);
    guotu_context_destroy(r->ctx);
    for (size_t i = 0; i < r->parcel_count; i++)
        free(r->parcel_wkb[i]);
    free(r->parcel_wkb);
    free(r->parcel_wkb_size);
    free(r->parcel_fids);
    if (r->srs) OSRDestroySpatialReference(r->srs);
    CPLFree(r->crs_wkt);
}

static int check(parcels_run *r) {
    const parcels_args *a = &r->a;
    const char *inputs[] = {a->parcels, a->workspace, a->villages,     a->units,        a->beaches,
                            a->types,   a->policy,    a->line_file[0], a->line_file[1], a->line_file[2]};
    char csvs[3][1100];
    static const char *const csv_names[3] = {"parcel_checks", "project_checks", "village_totals"};
    for (int t = 0; t < 3; t++)
        snprintf(csvs[t], sizeof csvs[t], "%.1000s/%s.csv", a->csv_dir ? a->csv_dir : "", csv_names[t]);
    const char *outputs[] = {a->output, a->xlsx, a->csv_dir ? csvs[0] : NULL, a->csv_dir ? csvs[1] : NULL,
                             a->csv_dir ? csvs[2] : NULL};
    if (io_refuse_overwrite(inputs, 10, outputs, 5, r->err, sizeof r->err)) return 1;
    if (parcels_load_schemas(r) || load_tables(r)) return 1;
    vector_source parcels;
    memset(&parcels, 0, sizeof parcels);
    if (vector_source_open(&parcels, a->parcels, a->parcels_layer, a->encoding, r->err, sizeof r->err)) return 1;
    OGRSpatialReferenceH srs = vector_source_crs(&parcels);
    const char *wkt_opts[] = {"FORMAT=WKT2_2019", NULL};
    if (srs) {
        r->srs = OSRClone(srs);
        OSRExportToWktEx(srs, &r->crs_wkt, wkt_opts);
    }
    r->a.o.crs = r->crs_wkt;
    r->a.o.river_beach_codes = r->beach_codes;
    r->a.o.parcels_label = parcels.layer_name;
    int failed =
        guotu_parcels_create(r->ctx, &r->a.o, r->types, r->maps[0], r->maps[1], r->policy, r->k[0], r->k[1], &r->check)
            ? core_error(r, NULL)
            : read_parcels(r, &parcels);
    vector_source_close(&parcels);
    if (failed) return 1;
    if (read_lines(r) || read_regions(r, REGION_VILLAGE) || read_regions(r, REGION_UNIT) ||
        read_regions(r, REGION_BEACH))
        return 1;
    if (parcels_open_output(r)) return 1;
    int status = guotu_parcels_run(r->ctx, r->check, parcels_write_reason, r);
    progress_bar_done(&r->bar);
    if (status) {
        if (!r->err[0]) core_error(r, NULL);
        return 1;
    }
    if (parcels_write_results(r)) return 1;
    /* The meeting tables first: the GeoPackage lands only when everything was written. */
    if (parcels_write_tables(r)) return 1;
    failed = gpkg_writer_commit(r->out, r->err, sizeof r->err);
    r->out = NULL;
    return failed;
}

int cmd_parcels(int argc, char **argv) {
    if (argc < 2 || strcmp(argv[1], "check") != 0) {
        if (argc >= 2 && (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h") || !strcmp(argv[1], "help"))) {
            fputs(parcels_usage, stdout);
            return 0;
        }
        fprintf(stderr, "guotu parcels: expected `parcels check`\n\n%s", parcels_usage);
        return 2;
    }
    parcels_run r;
    memset(&r, 0, sizeof r);
    int parsed = parse(argc - 1, argv + 1, &r.a);
    if (parsed) return parsed < 0 ? 0 : 2;
    r.ctx = guotu_context_create();
    if (!r.ctx) return cli_error("out of memory");
    progress_bar_init(&r.bar);
    guotu_context_set_progress(r.ctx, progress_bar_update, &r.bar);
    int failed = check(&r);
    if (!failed)
        print_summary(&r);
    else
        fprintf(stderr, "guotu parcels check: error: %s\n", r.err);
    run_free(&r);
    return failed ? 1 : 0;
}
