/* io_temp.h — temporary files of the outputs being written: their names, their removal when
 * the run is interrupted (SIGINT, SIGTERM, SIGHUP) and the removal of those left by a run that
 * was killed outright. Every output is written to a temporary file beside it and renamed over
 * the target at the end, so an interrupted or failed run publishes nothing partial and leaves
 * nothing behind. */
#ifndef GUOTU_IO_TEMP_H
#define GUOTU_IO_TEMP_H

#include <stddef.h>

/* Writes into `temp` the temporary path for the output `path`: "STEM.tmp-PID.EXT" in the same
 * folder (the extension kept once: GDAL picks the driver by it), removes temporaries of the
 * same target left by processes that no longer run, and registers the new one (with its
 * SQLite -journal, -wal and -shm companions) for removal on a signal. Returns 0, or 1 when
 * the path does not fit `size` or too many temporaries are registered. */
int io_temp_path(const char *path, char *temp, size_t size);

/* Removes `temp` and its SQLite companions if they exist, and forgets it. */
void io_temp_discard(const char *temp);

/* Forgets `temp` after it was renamed into place. */
void io_temp_release(const char *temp);

/* Installs the handler that removes the registered temporaries on SIGINT, SIGTERM and SIGHUP,
 * then dies of the same signal (so the shell sees the interruption). Called once by main. */
void io_temp_install_signal_cleanup(void);

#endif
