/* io_temp.c — see io_temp.h. The registry is process state on purpose: a signal handler
 * can reach nothing else. It holds ready-made paths so that the handler only calls unlink,
 * which is async-signal-safe. Inside QGIS no handler is installed, but several runs may
 * register at once from their threads: a mutex guards the updates. */
#include "io_temp.h"

#include <dirent.h>
#include <pthread.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>

enum { MAX_TEMPS = 16, TEMP_PATH = 1300, COMPANIONS = 4 };

static const char *const companion_suffix[COMPANIONS] = {"", "-journal", "-wal", "-shm"};

typedef struct temp_entry {
    volatile sig_atomic_t used;
    char paths[COMPANIONS][TEMP_PATH + 16];
} temp_entry;

static temp_entry registry[MAX_TEMPS];
static pthread_mutex_t registry_lock = PTHREAD_MUTEX_INITIALIZER;

static void unlink_with_companions(const char *temp) {
    char companion[TEMP_PATH + 320];
    for (int k = 0; k < COMPANIONS; k++) {
        snprintf(companion, sizeof companion, "%s%s", temp, companion_suffix[k]);
        unlink(companion);
    }
}

/* Removes "STEM.tmp-PID.EXT" files in the target's folder whose PID no longer runs. */
static void remove_stale(const char *path, const char *stem_end, const char *ext) {
    const char *slash = strrchr(path, '/');
    char folder[TEMP_PATH];
    snprintf(folder, sizeof folder, "%.*s", slash ? (int)(slash - path) : 1, slash ? path : ".");
    if (slash == path) snprintf(folder, sizeof folder, "/");
    const char *stem = slash ? slash + 1 : path;
    char prefix[TEMP_PATH];
    snprintf(prefix, sizeof prefix, "%.*s.tmp-", (int)(stem_end - stem), stem);
    size_t prefix_len = strlen(prefix);
    DIR *dir = opendir(folder);
    if (!dir) return;
    struct dirent *entry;
    while ((entry = readdir(dir)) != NULL) {
        const char *name = entry->d_name;
        if (strncmp(name, prefix, prefix_len) != 0) continue;
        char *end = NULL;
        long pid = strtol(name + prefix_len, &end, 10);
        if (end == name + prefix_len || pid <= 0 || strcmp(end, ext) != 0) continue;
        if (pid == (long)getpid() || kill((pid_t)pid, 0) == 0 || errno != ESRCH) continue;
        char stale[TEMP_PATH + 300]; /* folder (< TEMP_PATH) + a file name (<= 255) */
        snprintf(stale, sizeof stale, "%s/%s", folder, name);
        unlink_with_companions(stale);
    }
    closedir(dir);
}

int io_temp_path(const char *path, char *temp, size_t size) {
    const char *dot = strrchr(path, '.');
    if (!dot || strchr(dot, '/')) dot = path + strlen(path);
    int n = snprintf(temp, size, "%.*s.tmp-%ld%s", (int)(dot - path), path, (long)getpid(), dot);
    if (n < 0 || (size_t)n >= size || (size_t)n >= TEMP_PATH) return 1;
    remove_stale(path, dot, dot);
    int full = 1;
    pthread_mutex_lock(&registry_lock);
    for (int i = 0; i < MAX_TEMPS && full; i++) {
        if (registry[i].used) continue;
        for (int k = 0; k < COMPANIONS; k++)
            snprintf(registry[i].paths[k], sizeof registry[i].paths[k], "%s%s", temp, companion_suffix[k]);
        registry[i].used = 1;
        full = 0;
    }
    pthread_mutex_unlock(&registry_lock);
    return full;
}

static void forget(const char *temp) {
    pthread_mutex_lock(&registry_lock);
    for (int i = 0; i < MAX_TEMPS; i++)
        if (registry[i].used && strcmp(registry[i].paths[0], temp) == 0) registry[i].used = 0;
    pthread_mutex_unlock(&registry_lock);
}

void io_temp_discard(const char *temp) {
    unlink_with_companions(temp);
    forget(temp);
}

void io_temp_release(const char *temp) { forget(temp); }

static void on_signal(int sig) {
    for (int i = 0; i < MAX_TEMPS; i++)
        if (registry[i].used)
            for (int k = 0; k < COMPANIONS; k++)
                unlink(registry[i].paths[k]);
    signal(sig, SIG_DFL);
    raise(sig);
}

void io_temp_install_signal_cleanup(void) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = on_signal;
    sigemptyset(&action.sa_mask);
    sigaction(SIGINT, &action, NULL);
    sigaction(SIGTERM, &action, NULL);
    sigaction(SIGHUP, &action, NULL);
}
