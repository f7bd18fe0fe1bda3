/* cmd_frame_rounds.c — `guotu framework rounds`: round n against round n+1 of the
 * three-down-three-up check (SPEC §10): conflicts and findings resolved, persisting or new,
 * reviews carried over, the return list per city (退回清单). Parses the options, runs the I/O
 * library's guotu_frame_rounds_job_run (core/io/frame_rounds_job.c) and prints the summary. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "frame_cli.h"
#include "guotu/guotu_io.h"
#include "io_util.h"

static const char *const rounds_usage =
    "usage: guotu framework rounds --previous FILE.gpkg [--previous FILE.gpkg ...]\n"
    "         --current FILE.gpkg [--current FILE.gpkg ...] [--match M] [--min-length M]\n"
    "         [--min-area M2] -o OUT.gpkg\n"
    "\n"
    "Compares round n (--previous) with round n+1 (--current) of the three-down-three-up\n"
    "check (三下三上, SPEC §10). Each round is one or more outputs of `guotu border` (layer\n"
    "border_conflict_lines) and `guotu framework indicators` / `catalogue` (indicator_findings,\n"
    "catalogue_findings), as written or as reviewed in QGIS (review_status, review_note,\n"
    "reviewed_by, reviewed_at). A conflict of round n+1 is the same as one of round n when\n"
    "kind and city pair agree and their border lines lie within --match metres (default 50);\n"
    "a finding when kind, element, cities and indicator agree. Each is resolved, persisting\n"
    "or new; a persisting item keeps round n's review and note. The return list (退回清单)\n"
    "names, per responsible city, every new or persisting item not agreed or accepted as an\n"
    "exception that is material: a conflict at least --min-length long (default 100 m) or\n"
    "--min-area large (default 10000 m²); findings without length or area always are.\n"
    "Writes OUT.gpkg: round_comparison (every item with its status; conflicts with their\n"
    "border line), return_list (one row per city and item) and return_summary (per city).\n";

enum { MAX_FILES = 16 };

typedef struct rounds_args {
    const char *files[2][MAX_FILES];
    int nfiles[2];
    const char *output;
    guotu_rounds_options o;
} rounds_args;

enum { O_PREVIOUS = 256, O_CURRENT, O_MATCH, O_MIN_LENGTH, O_MIN_AREA };

static int parse_rounds(int argc, char **argv, rounds_args *a) {
    static const struct option options[] = {{"previous", 1, 0, O_PREVIOUS},
                                            {"current", 1, 0, O_CURRENT},
                                            {"match", 1, 0, O_MATCH},
                                            {"min-length", 1, 0, O_MIN_LENGTH},
                                            {"min-area", 1, 0, O_MIN_AREA},
                                            {"output", 1, 0, 'o'},
                                            {"help", 0, 0, 'h'},
                                            {0, 0, 0, 0}};
    memset(a, 0, sizeof *a);
    guotu_rounds_options_init(&a->o);
    optind = 1;
    opterr = 0;
    int c;
    const char *cmd = "framework rounds";
    while ((c = getopt_long(argc, argv, "o:h", options, NULL)) != -1) {
        double *number = NULL;
        switch (c) {
        case O_PREVIOUS:
        case O_CURRENT: {
            int k = c == O_CURRENT;
            if (a->nfiles[k] == MAX_FILES)
                return cli_usage_error(cmd, rounds_usage, "at most %d files per round", MAX_FILES);
            a->files[k][a->nfiles[k]++] = optarg;
            break;
        }
        case O_MATCH: number = &a->o.match_m; break;
        case O_MIN_LENGTH: number = &a->o.min_length_m; break;
        case O_MIN_AREA: number = &a->o.min_area_m2; break;
        case 'o': a->output = optarg; break;
        case 'h': fputs(rounds_usage, stdout); return -1;
        default: return cli_usage_error(cmd, rounds_usage, "unknown or incomplete option '%s'", argv[optind - 1]);
        }
        if (number && cli_parse_nonnegative(optarg, number))
            return cli_usage_error(cmd, rounds_usage, "%s needs a number >= 0, not '%s'", argv[optind - 2], optarg);
    }
    const char *u = NULL;
    if (optind < argc)
        u = "unexpected argument";
    else if (!a->nfiles[0] || !a->nfiles[1])
        u = "--previous and --current are required";
    else if (!a->output)
        u = "-o is required";
    else if (strlen(a->output) < 5 || strcmp(a->output + strlen(a->output) - 5, ".gpkg"))
        u = "-o must be a .gpkg file";
    if (u) return cli_usage_error(cmd, rounds_usage, "%s", u);
    return 0;
}

int cmd_frame_rounds(int argc, char **argv) {
    rounds_args a;
    int parsed = parse_rounds(argc, argv, &a);
    if (parsed) return parsed < 0 ? 0 : 2;
    char err[2048] = "";
    const char *inputs[2 * MAX_FILES];
    int nin = 0;
    for (int k = 0; k < 2; k++)
        for (int i = 0; i < a.nfiles[k]; i++)
            inputs[nin++] = a.files[k][i];
    if (io_refuse_overwrite(inputs, nin, &a.output, 1, err, sizeof err)) return cli_error("%s", err);
    guotu_frame_rounds_job job;
    guotu_frame_rounds_job_init(&job);
    job.previous = a.files[0];
    job.previous_count = a.nfiles[0];
    job.current = a.files[1];
    job.current_count = a.nfiles[1];
    job.options = a.o;
    job.output = a.output;
    guotu_context *ctx = guotu_context_create();
    if (!ctx) {
        fprintf(stderr, "guotu framework rounds: error: out of memory\n");
        return 1;
    }
    guotu_frame_rounds_job_info info;
    int failed = guotu_frame_rounds_job_run(ctx, &job, &info) != GUOTU_OK;
    if (!failed) {
        printf("Rounds: %lld items in round n, %lld in round n+1\n", (long long)info.items_previous,
               (long long)info.items_current);
        printf("  %lld resolved, %lld persisting, %lld new; %lld returns to %lld cities\n", (long long)info.resolved,
               (long long)info.persisting, (long long)info.new_items, (long long)info.returned,
               (long long)info.return_cities);
        printf("  written: %s\n", a.output);
    } else {
        fprintf(stderr, "guotu framework rounds: error: %s\n", guotu_context_last_error(ctx));
    }
    guotu_context_destroy(ctx);
    return failed ? 1 : 0;
}
