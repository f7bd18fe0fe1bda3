/* io_util.c — small helpers of the I/O library: growing arrays, comparing files, refusing
 * an output over an input, the number of worker threads. */
#define _GNU_SOURCE /* sched_getaffinity, CPU_COUNT */
#include "io_util.h"

#include <sched.h>

#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <time.h>
#include <unistd.h>

#include <cpl_error.h>

int io_reserve(void *items_address, size_t *cap, size_t need, size_t item_size, size_t initial) {
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

int io_same_file(const char *a, const char *b) {
    char ra[PATH_MAX], rb[PATH_MAX];
    if (!a || !b || !realpath(a, ra) || !realpath(b, rb)) return 0;
    return strcmp(ra, rb) == 0;
}

int io_refuse_overwrite(const char *const *inputs, int ninputs, const char *const *outputs, int noutputs, char *err,
                        size_t err_size) {
    for (int o = 0; o < noutputs; o++) {
        if (!outputs[o]) continue;
        for (int i = 0; i < ninputs; i++)
            if (inputs[i] && (io_same_file(inputs[i], outputs[o]) || strcmp(inputs[i], outputs[o]) == 0)) {
                snprintf(err, err_size, "refusing to write the output '%s' over the input '%s'", outputs[o], inputs[i]);
                return 1;
            }
        for (int p = 0; p < o; p++)
            if (outputs[p] && (io_same_file(outputs[p], outputs[o]) || strcmp(outputs[p], outputs[o]) == 0)) {
                snprintf(err, err_size, "two outputs are the same file '%s'", outputs[o]);
                return 1;
            }
    }
    return 0;
}

int io_thread_count(int asked, int spare) {
    if (asked > 0) return asked > IO_MAX_THREADS ? IO_MAX_THREADS : asked;
    /* The CPUs this process may run on (taskset, a container's cpuset), not all the machine's:
     * more workers than those only take turns on them, each evicting the other's data. */
    long cpus = sysconf(_SC_NPROCESSORS_ONLN);
    cpu_set_t allowed;
    if (sched_getaffinity(0, sizeof allowed, &allowed) == 0 && CPU_COUNT(&allowed) > 0) cpus = CPU_COUNT(&allowed);
    long n = (cpus > 0 ? cpus : 1) - spare;
    return n > IO_MAX_THREADS ? IO_MAX_THREADS : (n < 1 ? 1 : (int)n);
}

/* The folder of `path` ("." for a bare name) into buf. */
static void folder_of(const char *path, char *buf, size_t size) {
    snprintf(buf, size, "%s", path);
    char *slash = strrchr(buf, '/');
    if (!slash)
        snprintf(buf, size, ".");
    else if (slash == buf)
        buf[1] = '\0';
    else
        *slash = '\0';
}

const char *io_gdal_reason(const char *path, int writing, char *buf, size_t size) {
    const char *msg = CPLGetLastErrorMsg();
    if (writing && path) {
        char folder[PATH_MAX];
        struct statvfs fs;
        folder_of(path, folder, sizeof folder);
        /* SQLite's "disk is full" is often followed by errors about the tables it could not
         * create; the free space says what happened. */
        if (statvfs(folder, &fs) == 0 && (unsigned long long)fs.f_bavail * fs.f_frsize < 1024ULL * 1024) {
            snprintf(buf, size, "the disk is full (%llu kB free in '%s')",
                     (unsigned long long)fs.f_bavail * fs.f_frsize / 1024, folder);
            return buf;
        }
    }
    if (!writing && path && access(path, F_OK) != 0) {
        snprintf(buf, size, "no such file");
        return buf;
    }
    if (strstr(msg, "malformed") || strstr(msg, "file is not a database")) {
        snprintf(buf, size, "the file is damaged (SQLite: %s)",
                 strstr(msg, "malformed") ? "database disk image is malformed" : "file is not a database");
        return buf;
    }
    /* GDAL's SQLite messages quote the whole statement: keep what failed, not the SQL. */
    const char *failed = strstr(msg, ") failed: ");
    if (failed && strstr(msg, "sqlite3_")) msg = failed + strlen(") failed: ");
    if (!msg[0]) {
        snprintf(buf, size, "%s", writing ? "GDAL gave no reason" : "it is empty, damaged or in no format GDAL reads");
        return buf;
    }
    snprintf(buf, size, "%s", msg);
    return buf;
}

int io_ends_with(const char *path, const char *suffix) {
    size_t n = strlen(path), m = strlen(suffix);
    return n >= m && strcasecmp(path + n - m, suffix) == 0;
}

void io_csv_quoted(FILE *f, const char *text) {
    fputc('"', f);
    for (; *text; text++) {
        if (*text == '"') fputc('"', f);
        fputc(*text, f);
    }
    fputc('"', f);
}

void io_describe_file(const char *path, char *buf, size_t size) {
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
    struct tm utc;
    strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", gmtime_r(&st.st_mtime, &utc));
    snprintf(buf, size, "%s (%lld bytes, modified %s)", path, (long long)st.st_size, when);
}
