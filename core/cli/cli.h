/* cli.h — what the guotu command's files share (cli_common.c). */
#ifndef GUOTU_CLI_H
#define GUOTU_CLI_H

#include <stddef.h>
#include <stdio.h>

#include "guotu/guotu.h"
#include "io_util.h" /* growing arrays, same-file and overwrite checks, thread counts */
#include "progress_bar.h"

/* The helpers every command shares (cli_common.c). The commands themselves are declared in
 * commands.h, which only main.c and the command that forwards to another include. */

/* Reads --threads: a whole number from 1 to 64 (the whole text) into *out; 1 otherwise. */
int cli_parse_threads(const char *text, int *out);

/* Writes `text` as one CSV cell, always quoted, quotes doubled (names with commas, quotes
 * or line breaks stay one cell). */
void cli_csv_quoted(FILE *f, const char *text);

/* "path (N bytes, modified T)" for the audit trail of an output, "(none)" for NULL, the path
 * alone when it cannot be read; written into buf (always terminated). */
void cli_describe_file(const char *path, char *buf, size_t size);

/* Prints "guotu: error: ..." to stderr; returns 1. */
int cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* A run's note for the user (guotu_note_fn): "guotu: note: MESSAGE" on stderr. */
void cli_note(const char *message, void *user);
/* Prints "guotu CMD: ...", then the usage; returns 1 (callers map it to exit status 2). */
int cli_usage_error(const char *cmd, const char *usage, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* Runs a job of the I/O library: a context whose progress goes to `bar` (initialised here;
 * the job's report may end it), `run(ctx, job)`, and its error as "guotu COMMAND: error: ..."
 * on stderr. Returns the exit status: 0, or 1 when the job failed or no context was had. */
int cli_run_job(const char *command, progress_bar *bar, int (*run)(guotu_context *ctx, const void *job),
                const void *job);

/* Reads a finite number >= 0 from the whole of `text` into *out; returns 0, or 1 when the
 * text is empty, has anything after the number, or is negative, infinite or not a number. */
int cli_parse_nonnegative(const char *text, double *out);

#endif
