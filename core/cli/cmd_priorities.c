/* cmd_priorities.c — `guotu priorities rule` (the ruling objective of each zone) and
 * `guotu priorities rank` (Pareto fronts or a lexicographic order of candidate sites),
 * SPEC §11. Parses the options, runs the I/O library's guotu_priorities_rule_job_run /
 * guotu_priorities_rank_job_run (core/io/priorities_job.c) and prints the summary. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "commands.h"
#include "guotu/guotu_io.h"
#include "progress_bar.h"

static const char *const priorities_usage =
    "usage: guotu priorities rule --zones FILE [--zones-layer L] --type-field F\n"
    "         --landuse FILE [--landuse-layer L] [--class-field DLBM] [--deduction-field KCXS|none]\n"
    "         [--admin FILE [--admin-layer L] [--admin-id XZQDM] [--admin-name XZQMC|none]]\n"
    "         [--rules CSV|PRESET] [--area ellipsoidal|planar] [--encoding NAME] -o OUT.gpkg\n"
    "       guotu priorities rank --sites FILE [--sites-layer L] [--site-id F] --objective NAME:min|max ...\n"
    "         [--lexicographic NAME,NAME...]\n"
    "         [--landuse FILE [--landuse-layer L] [--class-field DLBM] [--deduction-field KCXS|none]\n"
    "          --target CODE [--coefficients CSV|SYSTEM] [--cultivated \"01\"]]\n"
    "         [--redline FILE [--redline-layer L]] [--area ellipsoidal|planar] [--encoding NAME] -o OUT.gpkg\n"
    "\n"
    "Priorities between objectives (SPEC §11).\n"
    "rule: a rule table (columns zone_type, rank, objective, controls, rule; default the preset\n"
    "  redline_functions for the red line's function types, every row a judgement call) gives per\n"
    "  zone type its objectives in order and the land-use codes (or code prefixes) each puts under\n"
    "  control. Every piece of controlled land inside a zone is flagged with the objective that\n"
    "  rules it (the highest-ranked one of the zone's type controlling its class), the rule and\n"
    "  its area in ha (net_ha: net of the deduction coefficient, 田坎). OUT.gpkg holds\n"
    "  controlled_land, zone_summary and admin_summary. Zones whose type has no row are named.\n"
    "rank: candidate sites scored on objectives, each to minimise or maximise: area_ha,\n"
    "  forest_gain_ha (standard-forest ha gained if restored to --target, coefficients of the\n"
    "  voucher presets, default SANDIAO_WORK), cultivated_change_ha (+ land gained when --target is\n"
    "  cultivated, else − cultivated land lost, net of deductions), redline_distance_m and\n"
    "  redline_contact_m (need --redline; geographic CGCS2000 or WGS 84 layers are ranked in the\n"
    "  3-degree Gauss-Krüger zone of all the layers' centre, with a note, and ranked_sites is\n"
    "  written in that zone), or any numeric field of the sites.\n"
    "  Non-dominated sorting gives each site its front (1 = the Pareto front) and crowding\n"
    "  distance; --lexicographic adds lex_rank by the objectives in the order given. OUT.gpkg\n"
    "  holds ranked_sites (with the sites' --site-id as site_id), styled by front. Other layers are\n"
    "  reprojected into the first layer's CRS.\n"
    "Without --deduction-field the land use's KCXS is the deduction coefficient when the layer has\n"
    "it (as in QGIS; --deduction-field none: gross areas); without --admin-name the admin layer's\n"
    "XZQMC names the units when it has one (--admin-name none: no names).\n";

enum { MAX_OBJECTIVES = 16 };

typedef struct layer_arg {
    const char *path, *layer;
} layer_arg;

typedef struct prio_args {
    int rank; /* 0 rule, 1 rank */
    layer_arg zones, landuse, admin, sites, redline;
    const char *type_field, *class_field, *deduction_field, *admin_id, *admin_name;
    const char *rules, *area, *encoding, *output, *target, *coefficients, *cultivated, *lexicographic, *site_id;
    const char *objectives[MAX_OBJECTIVES];
    int nobjectives;
} prio_args;

enum {
    O_ZONES = 256,
    O_ZONES_LAYER,
    O_TYPE,
    O_LANDUSE,
    O_LANDUSE_LAYER,
    O_CLASS,
    O_DEDUCTION,
    O_ADMIN,
    O_ADMIN_LAYER,
    O_ADMIN_ID,
    O_ADMIN_NAME,
    O_RULES,
    O_AREA,
    O_ENCODING,
    O_SITES,
    O_SITES_LAYER,
    O_OBJECTIVE,
    O_LEX,
    O_TARGET,
    O_COEFF,
    O_CULT,
    O_REDLINE,
    O_REDLINE_LAYER,
    O_SITE_ID
};

static int usage(const prio_args *a, const char *fmt, const char *what) {
    cli_usage_error(a->rank ? "priorities rank" : "priorities rule", priorities_usage, fmt, what);
    return 2;
}

/* 0 parsed, -1 help printed, 2 bad usage. */
static int parse(int argc, char **argv, prio_args *a) {
    static const struct option options[] = {{"zones", 1, 0, O_ZONES},
                                            {"zones-layer", 1, 0, O_ZONES_LAYER},
                                            {"type-field", 1, 0, O_TYPE},
                                            {"landuse", 1, 0, O_LANDUSE},
                                            {"landuse-layer", 1, 0, O_LANDUSE_LAYER},
                                            {"class-field", 1, 0, O_CLASS},
                                            {"deduction-field", 1, 0, O_DEDUCTION},
                                            {"admin", 1, 0, O_ADMIN},
                                            {"admin-layer", 1, 0, O_ADMIN_LAYER},
                                            {"admin-id", 1, 0, O_ADMIN_ID},
                                            {"admin-name", 1, 0, O_ADMIN_NAME},
                                            {"rules", 1, 0, O_RULES},
                                            {"area", 1, 0, O_AREA},
                                            {"encoding", 1, 0, O_ENCODING},
                                            {"sites", 1, 0, O_SITES},
                                            {"sites-layer", 1, 0, O_SITES_LAYER},
                                            {"objective", 1, 0, O_OBJECTIVE},
                                            {"lexicographic", 1, 0, O_LEX},
                                            {"target", 1, 0, O_TARGET},
                                            {"coefficients", 1, 0, O_COEFF},
                                            {"cultivated", 1, 0, O_CULT},
                                            {"redline", 1, 0, O_REDLINE},
                                            {"redline-layer", 1, 0, O_REDLINE_LAYER},
                                            {"site-id", 1, 0, O_SITE_ID},
                                            {"output", 1, 0, 'o'},
                                            {"help", 0, 0, 'h'},
                                            {0, 0, 0, 0}};
    a->class_field = "DLBM";
    a->admin_id = "XZQDM";
    a->rules = "redline_functions";
    a->area = "ellipsoidal";
    a->coefficients = "SANDIAO_WORK";
    a->cultivated = "01";
    optind = 1;
    opterr = 0;
    int c;
    while ((c = getopt_long(argc, argv, "o:h", options, NULL)) != -1) {
        switch (c) {
        case O_ZONES: a->zones.path = optarg; break;
        case O_ZONES_LAYER: a->zones.layer = optarg; break;
        case O_TYPE: a->type_field = optarg; break;
        case O_LANDUSE: a->landuse.path = optarg; break;
        case O_LANDUSE_LAYER: a->landuse.layer = optarg; break;
        case O_CLASS: a->class_field = optarg; break;
        case O_DEDUCTION: a->deduction_field = optarg; break;
        case O_ADMIN: a->admin.path = optarg; break;
        case O_ADMIN_LAYER: a->admin.layer = optarg; break;
        case O_ADMIN_ID: a->admin_id = optarg; break;
        case O_ADMIN_NAME: a->admin_name = optarg; break;
        case O_RULES: a->rules = optarg; break;
        case O_AREA: a->area = optarg; break;
        case O_ENCODING: a->encoding = optarg; break;
        case O_SITES: a->sites.path = optarg; break;
        case O_SITES_LAYER: a->sites.layer = optarg; break;
        case O_OBJECTIVE:
            if (a->nobjectives == MAX_OBJECTIVES) return usage(a, "%s", "at most 16 objectives");
            a->objectives[a->nobjectives++] = optarg;
            break;
        case O_LEX: a->lexicographic = optarg; break;
        case O_TARGET: a->target = optarg; break;
        case O_COEFF: a->coefficients = optarg; break;
        case O_CULT: a->cultivated = optarg; break;
        case O_REDLINE: a->redline.path = optarg; break;
        case O_REDLINE_LAYER: a->redline.layer = optarg; break;
        case O_SITE_ID: a->site_id = optarg; break;
        case 'o': a->output = optarg; break;
        case 'h': fputs(priorities_usage, stdout); return -1;
        default: return usage(a, "unknown or incomplete option '%s'", argv[optind - 1]);
        }
    }
    if (optind < argc) return usage(a, "unexpected argument '%s'", argv[optind]);
    if (!a->output) return usage(a, "%s", "-o OUT.gpkg is needed");
    if (strlen(a->output) < 5 || strcmp(a->output + strlen(a->output) - 5, ".gpkg"))
        return usage(a, "%s", "the output must be a .gpkg file");
    if (strcmp(a->area, "ellipsoidal") && strcmp(a->area, "planar"))
        return usage(a, "--area is ellipsoidal or planar, not '%s'", a->area);
    if (!a->rank) {
        if (!a->zones.path || !a->type_field || !a->landuse.path)
            return usage(a, "%s", "rule needs --zones, --type-field and --landuse");
    } else {
        if (!a->sites.path || !a->nobjectives) return usage(a, "%s", "rank needs --sites and at least one --objective");
        if (a->landuse.path && !a->target) return usage(a, "%s", "--landuse needs --target (the class a site becomes)");
    }
    return 0;
}

/* The summary of a finished rule run: zones whose type the table does not list, then the
 * totals. */
static void print_rule_summary(guotu_context *ctx, const guotu_rule_run *run, void *user) {
    const prio_args *a = user;
    double total = 0, net = 0;
    int64_t pieces = 0;
    size_t unmatched = 0;
    for (size_t i = 0; i < guotu_rule_run_zone_count(run); i++) {
        guotu_rule_summary s;
        if (guotu_rule_run_zone(ctx, run, i, &s)) continue;
        total += s.controlled_ha;
        net += s.net_ha;
        pieces += s.pieces;
        if (!s.objective[0]) {
            if (unmatched++ < 10)
                fprintf(stderr,
                        "guotu: warning: zone %lld has type '%s', which the rule table does not list: "
                        "nothing in it is flagged\n",
                        (long long)s.fid, s.code);
        }
    }
    if (unmatched > 10)
        fprintf(stderr, "guotu: warning: %zu zones in all have a type the table does not list\n", unmatched);
    printf("Ruling objective: %lld pieces of controlled land in %zu zones, %.4f ha (%.4f ha net of deductions) -> %s\n",
           (long long)pieces, guotu_rule_run_zone_count(run), total, net, a->output);
}

/* The note on the Gauss-Krüger zone of geographic layers, as the command prints it. */
static void priorities_crs_note(const char *message, void *user) {
    (void)user;
    fprintf(stderr, "guotu priorities: note: %s\n", message);
}

static int run_rule(guotu_context *ctx, const prio_args *a) {
    guotu_priorities_rule_job job;
    guotu_priorities_rule_job_init(&job);
    job.zones = a->zones.path;
    job.zones_layer = a->zones.layer;
    job.type_field = a->type_field;
    job.landuse = a->landuse.path;
    job.landuse_layer = a->landuse.layer;
    job.class_field = a->class_field;
    job.deduction_field = a->deduction_field;
    job.admin = a->admin.path;
    job.admin_layer = a->admin.layer;
    job.admin_id_field = a->admin_id;
    job.admin_name_field = a->admin_name;
    job.rules = a->rules;
    job.area_method = strcmp(a->area, "planar") ? GUOTU_AREA_ELLIPSOIDAL : GUOTU_AREA_PLANAR;
    job.encoding = a->encoding;
    job.output = a->output;
    job.note = cli_note;
    job.report = print_rule_summary;
    job.report_user = (void *)a;
    return guotu_priorities_rule_job_run(ctx, &job) != GUOTU_OK;
}

static int run_rank(guotu_context *ctx, const prio_args *a) {
    guotu_priorities_rank_job job;
    guotu_priorities_rank_job_init(&job);
    job.sites = a->sites.path;
    job.sites_layer = a->sites.layer;
    job.site_id_field = a->site_id;
    job.objectives = a->objectives;
    job.objective_count = a->nobjectives;
    job.lexicographic = a->lexicographic;
    job.landuse = a->landuse.path;
    job.landuse_layer = a->landuse.layer;
    job.class_field = a->class_field;
    job.deduction_field = a->deduction_field;
    job.target = a->target;
    job.coefficients = a->coefficients;
    job.cultivated = a->cultivated;
    job.redline = a->redline.path;
    job.redline_layer = a->redline.layer;
    job.area_method = strcmp(a->area, "planar") ? GUOTU_AREA_ELLIPSOIDAL : GUOTU_AREA_PLANAR;
    job.encoding = a->encoding;
    job.output = a->output;
    job.note = cli_note;
    job.crs_note = priorities_crs_note;
    guotu_priorities_rank_job_info info;
    if (guotu_priorities_rank_job_run(ctx, &job, &info) != GUOTU_OK) return 1;
    printf("Pareto ranking: %lld sites on %d objectives, %lld on the first front, %d fronts -> %s\n",
           (long long)info.sites, a->nobjectives, (long long)info.on_front, info.fronts, a->output);
    return 0;
}

int cmd_priorities(int argc, char **argv) {
    int rank = argc >= 2 && !strcmp(argv[1], "rank");
    if (argc < 2 || (!rank && strcmp(argv[1], "rule"))) {
        if (argc >= 2 && (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h") || !strcmp(argv[1], "help"))) {
            fputs(priorities_usage, stdout);
            return 0;
        }
        fprintf(stderr, "guotu priorities: expected `priorities rule` or `priorities rank`\n\n%s", priorities_usage);
        return 2;
    }
    prio_args a;
    memset(&a, 0, sizeof a);
    a.rank = rank;
    int parsed = parse(argc - 1, argv + 1, &a);
    if (parsed) return parsed < 0 ? 0 : 2;
    guotu_context *ctx = guotu_context_create();
    if (!ctx) return cli_error("out of memory");
    progress_bar bar;
    progress_bar_init(&bar);
    guotu_context_set_progress(ctx, progress_bar_update, &bar);
    int failed = rank ? run_rank(ctx, &a) : run_rule(ctx, &a);
    progress_bar_done(&bar);
    if (failed)
        fprintf(stderr, "guotu priorities %s: error: %s\n", rank ? "rank" : "rule", guotu_context_last_error(ctx));
    guotu_context_destroy(ctx);
    return failed ? 1 : 0;
}
