/* cli_common.c — what every command of the guotu tool uses: messages, number parsing and
 * the audit description of a file (growing arrays, the output-over-input guard and the
 * number of worker threads are the I/O library's, io_util.c). Kept apart from main.c so that the commands depend on
 * this file and main.c on the commands, never the other way round. */
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "io_util.h"

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

int cli_parse_nonnegative(const char *text, double *out) {
    char *end = NULL;
    *out = strtod(text, &end);
    return !*text || *end || !(*out >= 0) || !isfinite(*out);
}

int cli_parse_threads(const char *text, int *out) {
    char *end = NULL;
    long n = strtol(text, &end, 10);
    if (!*text || *end || n < 1 || n > 64) return 1;
    *out = (int)n;
    return 0;
}

void cli_csv_quoted(FILE *f, const char *text) { io_csv_quoted(f, text); }

void cli_describe_file(const char *path, char *buf, size_t size) { io_describe_file(path, buf, size); }

void cli_note(const char *message, void *user) {
    (void)user;
    fprintf(stderr, "guotu: note: %s\n", message);
}

int cli_run_job(const char *command, progress_bar *bar, int (*run)(guotu_context *ctx, const void *job),
                const void *job) {
    guotu_context *ctx = guotu_context_create();
    if (!ctx) return cli_error("out of memory");
    progress_bar_init(bar);
    guotu_context_set_progress(ctx, progress_bar_update, bar);
    int failed = run(ctx, job) != GUOTU_OK;
    progress_bar_done(bar);
    if (failed) fprintf(stderr, "guotu %s: error: %s\n", command, guotu_context_last_error(ctx));
    guotu_context_destroy(ctx);
    return failed ? 1 : 0;
}
