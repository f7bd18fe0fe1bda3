/* progress_bar.c — terminal progress for the CLI. */
#include "progress_bar.h"

#include <stdio.h>
#include <unistd.h>

void progress_bar_init(progress_bar *bar) {
    bar->enabled = isatty(STDERR_FILENO);
    bar->last_percent = -1;
}

int progress_bar_update(double fraction, const char *message, void *user_data) {
    progress_bar *bar = user_data;
    int percent = (int)(fraction * 100.0);
    if (!bar->enabled || percent == bar->last_percent) return 0;
    bar->last_percent = percent;
    char cells[41];
    int filled = percent * 40 / 100;
    for (int i = 0; i < 40; i++)
        cells[i] = i < filled ? '#' : '.';
    cells[40] = '\0';
    fprintf(stderr, "\r[%s] %3d%% %-32.32s", cells, percent, message ? message : "");
    fflush(stderr);
    return 0;
}

void progress_bar_done(progress_bar *bar) {
    if (bar->enabled && bar->last_percent >= 0) fputc('\n', stderr);
    bar->last_percent = -1;
}
