/* cli_common.c — what every command of the guotu tool uses: messages, growing arrays,
 * number parsing, the output-over-input guard, the audit description of a file and the
 * number of worker threads. Kept apart from main.c so that the commands depend on this
 * file and main.c on the commands, never the other way round. */
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"

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

int cli_parse_threads(const char *text, int *out) {
    char *end = NULL;
    long n = strtol(text, &end, 10);
    if (!*text || *end || n < 1 || n > 64) return 1;
    *out = (int)n;
    return 0;
}

int cli_same_file(const char *a, const char *b) {
    char ra[PATH_MAX], rb[PATH_MAX];
    if (!a || !b || !realpath(a, ra) || !realpath(b, rb)) return 0;
    return strcmp(ra, rb) == 0;
}

int cli_refuse_overwrite(const char *const *inputs, int ninputs, const char *const *outputs, int noutputs, char *err,
                         size_t err_size) {
    for (int o = 0; o < noutputs; o++) {
        if (!outputs[o]) continue;
        for (int i = 0; i < ninputs; i++)
            if (inputs[i] && (cli_same_file(inputs[i], outputs[o]) || strcmp(inputs[i], outputs[o]) == 0)) {
                snprintf(err, err_size, "refusing to write the output '%s' over the input '%s'", outputs[o], inputs[i]);
                return 1;
            }
        for (int p = 0; p < o; p++)
            if (outputs[p] && (cli_same_file(outputs[p], outputs[o]) || strcmp(outputs[p], outputs[o]) == 0)) {
                snprintf(err, err_size, "two outputs are the same file '%s'", outputs[o]);
                return 1;
            }
    }
    return 0;
}

void cli_csv_quoted(FILE *f, const char *text) {
    fputc('"', f);
    for (; *text; text++) {
        if (*text == '"') fputc('"', f);
        fputc(*text, f);
    }
    fputc('"', f);
}

void cli_describe_file(const char *path, char *buf, size_t size) {
    struct stat st;
    if (!path) {
        snprintf(buf, size, "(none)");
        return;
    }
    if (stat(path, &st) != 0) {
        snprintf(buf, size, "%s", path);
        return;
    }
    char when[32];
    strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", gmtime(&st.st_mtime));
    snprintf(buf, size, "%s (%lld bytes, modified %s)", path, (long long)st.st_size, when);
}

int cli_thread_count(int asked, int spare) {
    if (asked > 0) return asked > CLI_MAX_THREADS ? CLI_MAX_THREADS : asked;
    long cpus = sysconf(_SC_NPROCESSORS_ONLN);
    long n = (cpus > 0 ? cpus : 1) - spare;
    return n > CLI_MAX_THREADS ? CLI_MAX_THREADS : (n < 1 ? 1 : (int)n);
}
