/* progress_bar.h — a one-line progress bar on stderr, only when stderr is a terminal. */
#ifndef GUOTU_CLI_PROGRESS_BAR_H
#define GUOTU_CLI_PROGRESS_BAR_H

typedef struct progress_bar {
    int enabled;
    int last_percent;
} progress_bar;

void progress_bar_init(progress_bar *bar);
/* A guotu_progress_fn: user_data is the progress_bar. Never cancels. */
int progress_bar_update(double fraction, const char *message, void *user_data);
/* Ends the line if anything was drawn. */
void progress_bar_done(progress_bar *bar);

#endif
