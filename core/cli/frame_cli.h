/* frame_cli.h — the subcommands of `guotu framework` in files of their own. */
#ifndef GUOTU_CLI_FRAME_H
#define GUOTU_CLI_FRAME_H

int cmd_frame_rounds(int argc, char **argv);

#endif
