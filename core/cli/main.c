/* main.c — the guotu command: the table of commands, `help`, `--version`, and dispatch.
 * Everything else lives in the commands (cmd_*.c) and the shared helpers (cli_common.c). */
#include <gdal/gdal.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "io_temp.h"
#include "commands.h"
#include "guotu/guotu.h"

typedef struct cli_command {
    const char *name;
    int (*run)(int argc, char **argv);
    const char *summary;
} cli_command;

static const cli_command commands[] = {
    {"tally", cmd_tally, "area in hectares of each land-use class inside each zone"},
    {"voucher", cmd_voucher, "ecological voucher (生态券) accounting and market between two years"},
    {"convert", cmd_convert, "land-use conversion map: transitions with their policy paths (用途转用)"},
    {"lines", cmd_lines, "three control lines (三区三线): `lines init` makes a workspace, `lines check` checks it"},
    {"parcels", cmd_parcels, "rectification parcels of land consolidation (整治地块): `parcels check`"},
    {"border", cmd_border, "cross-city boundary conflicts: where adjacent cities' submissions disagree"},
    {"priorities", cmd_priorities,
     "priorities between objectives: `priorities rule` (ruling objective per zone), "
     "`priorities rank` (Pareto fronts of candidate sites)"},
    {"framework", cmd_framework, "provincial transmission framework (省级定框架): `framework catalogue`"},
    {"ledger", cmd_ledger, "unit ledger (双挂钩): balance sheet per unit and reclamation certificates"},
    {"indicators", cmd_indicators, "binding plan indicators (约束性指标) per admin unit: measured against the targets"},
};
enum { NCOMMANDS = sizeof commands / sizeof commands[0] };

static const cli_command *find_command(const char *name) {
    for (int k = 0; k < NCOMMANDS; k++)
        if (strcmp(commands[k].name, name) == 0) return &commands[k];
    return NULL;
}

static void print_usage(FILE *out) {
    fputs("guotu — territorial spatial planning tools (国土空间规划)\n\n"
          "usage: guotu COMMAND [OPTIONS]\n\ncommands:\n",
          out);
    for (int k = 0; k < NCOMMANDS; k++)
        fprintf(out, "  %-11s %s\n", commands[k].name, commands[k].summary);
    fputs("  help      this text, or `guotu help COMMAND [SUBCOMMAND]` for a command's options\n\n"
          "options:\n"
          "  --version print the versions of guotu, GEOS, PROJ and GDAL\n",
          out);
}

/* `guotu help lines check` and `guotu help "lines check"`: the command's own --help, with
 * its subcommand when it has one. */
static int print_help(int argc, char **argv) {
    char words[256] = "";
    for (int i = 0; i < argc; i++) {
        size_t used = strlen(words);
        snprintf(words + used, sizeof words - used, "%s%s", used ? " " : "", argv[i]);
    }
    char *args[4];
    int nargs = 0;
    for (char *word = strtok(words, " "); word && nargs < 2; word = strtok(NULL, " "))
        args[nargs++] = word;
    const cli_command *command = nargs ? find_command(args[0]) : NULL;
    if (!nargs) {
        print_usage(stdout);
        return 0;
    }
    if (!command) {
        fprintf(stderr, "guotu help: unknown command '%s'\n\n", args[0]);
        print_usage(stderr);
        return 2;
    }
    args[nargs++] = "--help";
    args[nargs] = NULL;
    return command->run(nargs, args);
}

static int print_version(void) {
    guotu_context *ctx = guotu_context_create();
    printf("guotu %s (%s, GDAL %s)\n", guotu_version(), ctx ? guotu_dependency_versions(ctx) : "?",
           GDALVersionInfo("RELEASE_NAME"));
    guotu_context_destroy(ctx);
    return 0;
}

static void silent_gdal_errors(CPLErr level, CPLErrorNum num, const char *message) {
    /* GDAL's messages are read back with CPLGetLastErrorMsg and put in our own; printing
     * them as well would show the user the same failure twice. */
    (void)level;
    (void)num;
    (void)message;
}

int main(int argc, char **argv) {
    if (argc < 2) {
        print_usage(stderr);
        return 2;
    }
    const char *name = argv[1];
    if (strcmp(name, "--version") == 0 || strcmp(name, "version") == 0) return print_version();
    if (strcmp(name, "help") == 0 || strcmp(name, "--help") == 0 || strcmp(name, "-h") == 0)
        return print_help(argc - 2, argv + 2);
    const cli_command *command = find_command(name);
    if (!command) {
        fprintf(stderr, "guotu: unknown command '%s'\n\n", name);
        print_usage(stderr);
        return 2;
    }
    GDALAllRegister();
    CPLSetErrorHandler(silent_gdal_errors);
    io_temp_install_signal_cleanup();
    return command->run(argc - 1, argv + 1);
}
