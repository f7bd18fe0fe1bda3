/* job_checks.h — the argument checks the jobs of guotu_io.h share: the entry (a context and a
 * job, or a refusal naming the function) and the options every job writing a GeoPackage has. */
#ifndef GUOTU_IO_JOB_CHECKS_H
#define GUOTU_IO_JOB_CHECKS_H

#include "guotu/guotu.h"
#include "guotu/guotu_area.h"

#include <stddef.h>
#include <stdint.h>

/* The entry of a job's run function `function`: GUOTU_OK when it can run; GUOTU_ERR_ARGUMENT
 * without a context; with one, the status of a refusal ("FUNCTION: no job", "FUNCTION:
 * PROBLEM") put into it when `job` is NULL or `problem` (what the job lacks; NULL for
 * nothing) is set. */
int job_entry(guotu_context *ctx, const char *function, const void *job, const char *problem);

/* The options every job writing a GeoPackage checks, in this order: the area method, the
 * `n` numbers (each finite and >= 0, else `numbers_problem`), the output (a .gpkg) and the
 * meeting workbook (NULL for none, else a .xlsx). NULL when all pass, else the problem. */
const char *job_output_problem(guotu_area_method area_method, const double *numbers, size_t n,
                               const char *numbers_problem, const char *output, const char *xlsx);

/* Progress while a job reads a layer, through the context's progress callback (which may
 * cancel): called with the count of features read, it reports "reading the ROLE" when `count`
 * is a multiple of `every`. 0 to go on; 1 when cancelled, with "cancelled while reading the
 * ROLE layer 'LAYER'" in err (the job's status is then GUOTU_ERR_CANCELLED). */
int job_read_progress(guotu_context *ctx, int64_t count, int64_t every, const char *role, const char *layer, char *err,
                      size_t err_size);

#endif
