/* cmd_lines.c — `guotu lines init`: a new three-lines workspace GeoPackage. The command parses
 * its arguments and prints the summary; guotu_lines_workspace_job_run (core/io) writes it. */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "commands.h"
#include "guotu/guotu_io.h"

static const char *const lines_usage =
    "usage: guotu lines init OUT.gpkg --crs CRS [--zone-from FILE]\n"
    "       guotu lines check --workspace W.gpkg ... -o ISSUES.gpkg   (guotu lines check --help)\n"
    "       guotu lines check --redline F --farmland F --urban F --admin F [--admin-id FIELD ...] -o ISSUES.gpkg\n"
    "\n"
    "Creates a three-lines workspace (三区三线): one GeoPackage with the layers\n"
    "ecological_redline, permanent_farmland, urban_boundary, eco_units and admin_units\n"
    "(MultiPolygon, in CRS, e.g. EPSG:4527) and the table exceptions. Fields, their Chinese\n"
    "names and who fills them are in resources/presets/lines/workspace_schema.csv; each layer\n"
    "carries its default style, so the workspace opens styled in QGIS anywhere. An existing\n"
    "file is never replaced: a workspace holds drawing work. Widths and gaps are metres: with a\n"
    "geographic CRS (CGCS2000 or WGS 84, e.g. EPSG:4490) give --zone-from FILE, the data the\n"
    "workspace is for (e.g. the admin units); the workspace is then made in the 3-degree\n"
    "Gauss-Krüger zone of that data's centre (EPSG:4534-4554, CM = 3*round(lon/3)), said in a note.\n";

/* The job's note, as the tool says it. */
static void print_note(const char *message, void *user_data) {
    (void)user_data;
    fprintf(stderr, "guotu lines init: note: %s\n", message);
}

/* Runs guotu_lines_workspace_job_run (guotu_io.h) and prints its summary. */
static int lines_init(const char *out, const char *crs, const char *zone_from) {
    guotu_lines_workspace_job job;
    guotu_lines_workspace_job_init(&job);
    job.output = out;
    job.crs = crs;
    job.zone_from = zone_from;
    job.note = print_note;
    guotu_lines_workspace_job_info info;
    guotu_context *ctx = guotu_context_create();
    if (!ctx) return cli_error("out of memory");
    if (guotu_lines_workspace_job_run(ctx, &job, &info) != GUOTU_OK) {
        int failed = cli_error("%s", guotu_context_last_error(ctx));
        guotu_context_destroy(ctx);
        return failed;
    }
    guotu_context_destroy(ctx);
    printf("Three-lines workspace %s (%s):", out, info.zone_crs[0] ? info.zone_crs : crs);
    if (info.layer_names[0]) printf(" %s", info.layer_names);
    printf("\n");
    return 0;
}

int cmd_lines(int argc, char **argv) {
    if (argc >= 2 && (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h"))) {
        fputs(lines_usage, stdout);
        return 0;
    }
    const char *out = NULL, *crs = NULL, *zone_from = NULL;
    if (argc >= 2 && !strcmp(argv[1], "init")) {
        for (int i = 2; i < argc; i++) {
            if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
                fputs(lines_usage, stdout);
                return 0;
            }
            if (!strcmp(argv[i], "--crs") && i + 1 < argc)
                crs = argv[++i];
            else if (!strcmp(argv[i], "--zone-from") && i + 1 < argc)
                zone_from = argv[++i];
            else if (argv[i][0] != '-' && !out)
                out = argv[i];
            else
                return cli_usage_error("lines", lines_usage, "unexpected argument '%s'", argv[i]), 2;
        }
        if (!out || !crs) return cli_usage_error("lines", lines_usage, "init needs OUT.gpkg and --crs"), 2;
        if (strlen(out) < 5 || strcmp(out + strlen(out) - 5, ".gpkg"))
            return cli_usage_error("lines", lines_usage, "the workspace must be a .gpkg file"), 2;
        return lines_init(out, crs, zone_from);
    }
    if (argc >= 2 && !strcmp(argv[1], "check")) return cmd_lines_check(argc - 1, argv + 1);
    return cli_usage_error("lines", lines_usage, "unknown lines command (init, check)"), 2;
}
