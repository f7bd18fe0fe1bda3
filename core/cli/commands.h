/* commands.h — the guotu tool's commands, one run function each (argv[0] is the command's
 * name; the return value is the process exit status: 0 done, 1 failed, 2 bad usage). */
#ifndef GUOTU_CLI_COMMANDS_H
#define GUOTU_CLI_COMMANDS_H

int cmd_tally(int argc, char **argv);
int cmd_voucher(int argc, char **argv);
int cmd_convert(int argc, char **argv);
int cmd_lines(int argc, char **argv);
int cmd_lines_check(int argc, char **argv);
int cmd_parcels(int argc, char **argv);
int cmd_border(int argc, char **argv);
int cmd_priorities(int argc, char **argv);
int cmd_framework(int argc, char **argv);
int cmd_ledger(int argc, char **argv);
int cmd_indicators(int argc, char **argv);

#endif
