/* cli.h — what the guotu command's files share. */
#ifndef GUOTU_CLI_H
#define GUOTU_CLI_H

#include <stddef.h>

/* Subcommands: argv[0] is the subcommand name. Return the process exit status. */
int cmd_tally(int argc, char **argv);
int cmd_voucher(int argc, char **argv);
int cmd_convert(int argc, char **argv);
int cmd_lines(int argc, char **argv);
int cmd_lines_check(int argc, char **argv);
int cmd_parcels(int argc, char **argv);
int cmd_border(int argc, char **argv);

/* 1 when both paths exist and are the same file. */
int cli_same_file(const char *a, const char *b);

/* Prints "guotu: error: ..." to stderr; returns 1. */
int cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Prints "guotu CMD: ...", then the usage; returns 1 (callers map it to exit status 2). */
int cli_usage_error(const char *cmd, const char *usage, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* Makes room for `need` items of `item_size` bytes in the array whose pointer is at
 * `items_address` (a `T **`) with capacity *cap: doubling, from `initial`. Returns 0, or 1
 * when out of memory or the size would overflow (array and *cap unchanged). The CLI's
 * twin of the library's gt_reserve, which the library does not export. */
int cli_reserve(void *items_address, size_t *cap, size_t need, size_t item_size, size_t initial);

/* Reads a finite number >= 0 from the whole of `text` into *out; returns 0, or 1 when the
 * text is empty, has anything after the number, or is negative, infinite or not a number. */
int cli_parse_nonnegative(const char *text, double *out);

#endif
