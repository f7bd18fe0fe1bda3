/* main.c — the guotu command: dispatches to subcommands. */
#include <gdal/gdal.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "guotu/guotu.h"

static const char *const main_usage =
    "guotu — territorial spatial planning tools (国土空间规划)\n"
    "\n"
    "usage: guotu COMMAND [OPTIONS]\n"
    "\n"
    "commands:\n"
    "  tally     area in hectares of each land-use class inside each zone\n"
    "  voucher   ecological voucher (生态券) accounting and market between two years\n"
    "  convert   land-use conversion map: transitions with their policy paths (用途转用)\n"
    "  lines     three control lines (三区三线): `lines init` makes a workspace, `lines check` checks it\n"
    "  parcels   rectification parcels of land consolidation (整治地块): `parcels check`\n"
    "  border    cross-city boundary conflicts: where adjacent cities' submissions disagree\n"
    "  help      this text, or `guotu help COMMAND` for a command's options\n"
    "\n"
    "options:\n"
    "  --version print the versions of guotu, GEOS, PROJ and GDAL\n";

int cli_error(const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    fputs("guotu: error: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    return 1;
}

int cli_usage_error(const char *cmd, const char *usage, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "guotu %s: ", cmd);
    vfprintf(stderr, fmt, ap);
    fprintf(stderr, "\n\n%s", usage);
    va_end(ap);
    return 1;
}

int cli_reserve(void *items_address, size_t *cap, size_t need, size_t item_size, size_t initial) {
    if (need <= *cap) return 0;
    size_t n = *cap ? *cap : (initial ? initial : 1);
    while (n < need) {
        if (n > SIZE_MAX / 2) return 1;
        n *= 2;
    }
    if (!item_size || n > SIZE_MAX / item_size) return 1;
    void *items; /* through memcpy: any T ** without reading a T * as a void * */
    memcpy(&items, items_address, sizeof items);
    void *grown = realloc(items, n * item_size);
    if (!grown) return 1;
    memcpy(items_address, &grown, sizeof grown);
    *cap = n;
    return 0;
}

int cli_parse_nonnegative(const char *text, double *out) {
    char *end = NULL;
    *out = strtod(text, &end);
    return !*text || *end || !(*out >= 0) || !isfinite(*out);
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
        fputs(main_usage, stderr);
        return 2;
    }
    const char *cmd = argv[1];
    if (strcmp(cmd, "--version") == 0 || strcmp(cmd, "version") == 0) return print_version();
    if (strcmp(cmd, "help") == 0 || strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0) {
        if (argc > 2 && strcmp(argv[2], "tally") == 0) {
            char *args[] = {"tally", "--help", NULL};
            return cmd_tally(2, args);
        }
        if (argc > 2 && strcmp(argv[2], "voucher") == 0) {
            char *args[] = {"voucher", "--help", NULL};
            return cmd_voucher(2, args);
        }
        if (argc > 2 && strcmp(argv[2], "lines") == 0) {
            char *args[] = {"lines", "--help", NULL};
            return cmd_lines(2, args);
        }
        if (argc > 2 && strcmp(argv[2], "parcels") == 0) {
            char *args[] = {"parcels", "--help", NULL};
            return cmd_parcels(2, args);
        }
        if (argc > 2 && strcmp(argv[2], "border") == 0) {
            char *args[] = {"border", "--help", NULL};
            return cmd_border(2, args);
        }
        if (argc > 2 && strcmp(argv[2], "convert") == 0) {
            char *args[] = {"convert", "--help", NULL};
            return cmd_convert(2, args);
        }
        fputs(main_usage, stdout);
        return 0;
    }
    GDALAllRegister();
    CPLSetErrorHandler(silent_gdal_errors);
    if (strcmp(cmd, "tally") == 0) return cmd_tally(argc - 1, argv + 1);
    if (strcmp(cmd, "voucher") == 0) return cmd_voucher(argc - 1, argv + 1);
    if (strcmp(cmd, "convert") == 0) return cmd_convert(argc - 1, argv + 1);
    if (strcmp(cmd, "lines") == 0) return cmd_lines(argc - 1, argv + 1);
    if (strcmp(cmd, "parcels") == 0) return cmd_parcels(argc - 1, argv + 1);
    if (strcmp(cmd, "border") == 0) return cmd_border(argc - 1, argv + 1);
    fprintf(stderr, "guotu: unknown command '%s'\n\n%s", cmd, main_usage);
    return 2;
}
