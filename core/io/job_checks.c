/* job_checks.c — the argument checks the jobs of guotu_io.h share. */
#include "job_checks.h"

#include "io_util.h"

#include <math.h>
#include <stdio.h>

int job_entry(guotu_context *ctx, const char *function, const void *job, const char *problem) {
    if (!ctx) return GUOTU_ERR_ARGUMENT;
    if (!job) problem = "no job";
    if (!problem) return GUOTU_OK;
    char message[512];
    snprintf(message, sizeof message, "%s: %s", function, problem);
    return guotu_context_fail(ctx, GUOTU_ERR_ARGUMENT, message);
}

int job_read_progress(guotu_context *ctx, int64_t count, int64_t every, const char *role, const char *layer, char *err,
                      size_t err_size) {
    if (count % every) return 0;
    char message[96];
    snprintf(message, sizeof message, "reading the %s", role);
    if (guotu_context_report_progress(ctx, 0.0, message) == GUOTU_OK) return 0;
    snprintf(err, err_size, "cancelled while reading the %s layer '%s'", role, layer);
    return 1;
}

const char *job_output_problem(guotu_area_method area_method, const double *numbers, size_t n,
                               const char *numbers_problem, const char *output, const char *xlsx) {
    if (area_method != GUOTU_AREA_ELLIPSOIDAL && area_method != GUOTU_AREA_PLANAR)
        return "the area method must be ellipsoidal or planar";
    for (size_t i = 0; i < n; i++)
        if (!(numbers[i] >= 0) || isinf(numbers[i])) return numbers_problem;
    if (!output || !io_ends_with(output, ".gpkg")) return "the output must be a .gpkg file";
    if (xlsx && !io_ends_with(xlsx, ".xlsx")) return "the meeting workbook must be a .xlsx file";
    return NULL;
}
