/* resources.c — finding and reading preset tables. */
#include "resources.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef GUOTU_RESOURCE_DIR
#define GUOTU_RESOURCE_DIR "resources"
#endif

static const char *const systems[] = {"CAS_LUCC", "SANDIAO_WORK", "GBT21010_2017", "YDYH_2023"};

int classification_system_known(const char *system) {
    for (size_t i = 0; i < sizeof systems / sizeof systems[0]; i++)
        if (strcmp(systems[i], system) == 0) return 1;
    return 0;
}

/* $GUOTU_RESOURCES; else <prefix>/share/guotu/resources when installed (found from the
 * binary's own path); else the source tree the binary was built from. */
const char *resources_dir(void) {
    static char installed[4096]; /* the guotu tool's; the plugin names its own folder (table_text_load_from) */
    const char *env = getenv("GUOTU_RESOURCES");
    if (env && env[0]) return env;
    char exe[4000];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) {
        exe[n] = '\0';
        char *slash = strrchr(exe, '/');
        if (slash) {
            *slash = '\0';
            struct stat st;
            snprintf(installed, sizeof installed, "%s/../share/guotu/resources", exe);
            if (stat(installed, &st) == 0 && S_ISDIR(st.st_mode)) return installed;
        }
    }
    return GUOTU_RESOURCE_DIR;
}

static char *read_file(const char *path, size_t *size) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    char *buf = NULL;
    if (fseek(f, 0, SEEK_END) == 0) {
        long n = ftell(f);
        if (n >= 0 && fseek(f, 0, SEEK_SET) == 0 && (buf = malloc((size_t)n + 1))) {
            *size = fread(buf, 1, (size_t)n, f);
            buf[*size] = '\0';
        }
    }
    fclose(f);
    return buf;
}

char *table_text_load(const char *spec, const char *kind, char *path, size_t path_size, size_t *size, char *err,
                      size_t err_size) {
    return table_text_load_from(NULL, spec, kind, path, path_size, size, err, err_size);
}

char *table_text_load_from(const char *resources, const char *spec, const char *kind, char *path, size_t path_size,
                           size_t *size, char *err, size_t err_size) {
    struct stat st;
    if (stat(spec, &st) == 0) {
        snprintf(path, path_size, "%s", spec);
    } else {
        snprintf(path, path_size, "%s/presets/%s/%s.csv", resources ? resources : resources_dir(), kind, spec);
        if (stat(path, &st) != 0) {
            snprintf(err, err_size,
                     "'%s' is neither a file nor a %s preset (CAS_LUCC, SANDIAO_WORK, GBT21010_2017, "
                     "YDYH_2023%s)",
                     spec, kind, strcmp(kind, "conversion") == 0 ? ", policy" : "");
            return NULL;
        }
    }
    char *text = read_file(path, size);
    if (!text) snprintf(err, err_size, "cannot read '%s'", path);
    return text;
}

int resources_load_system(guotu_context *ctx, const char *resources, const char *system, guotu_category_map **map,
                          guotu_coefficients **coefficients, int *core_status, char *err, size_t err_size) {
    *core_status = 0;
    if (!classification_system_known(system)) {
        snprintf(err, err_size, "unknown classification system '%s' (CAS_LUCC, SANDIAO_WORK, GBT21010_2017, YDYH_2023)",
                 system);
        return 1;
    }
    char source[1200];
    size_t n = 0;
    char *text = table_text_load_from(resources, system, "conversion", source, sizeof source, &n, err, err_size);
    if (!text) return 1;
    *core_status = guotu_category_map_parse(ctx, text, n, source, map);
    free(text);
    if (*core_status) return 1;
    text = table_text_load_from(resources, system, "voucher", source, sizeof source, &n, err, err_size);
    if (!text) return 1;
    *core_status = guotu_coefficients_parse(ctx, text, n, source, NULL, coefficients);
    free(text);
    return *core_status != 0;
}

int resources_preset_codes(const char *resources, const char *name, const char *kind, const char *system, char *out,
                           size_t out_size, char *err, size_t err_size) {
    char source[1200];
    size_t n = 0;
    char *text = table_text_load_from(resources, name, kind, source, sizeof source, &n, err, err_size);
    if (!text) return 1;
    out[0] = '\0';
    size_t len = strlen(system);
    char *rest = NULL; /* strtok_r: jobs run on several threads of one plugin at once */
    for (char *line = strtok_r(text, "\r\n", &rest); line; line = strtok_r(NULL, "\r\n", &rest))
        if (!strncmp(line, system, len) && line[len] == ',') {
            char *codes = line + len + 1;
            codes[strcspn(codes, ",")] = '\0';
            snprintf(out, out_size, "%s", codes);
        }
    free(text);
    return 0;
}
