/* internal.h — what the library's source files share; not installed. */
#ifndef GUOTU_INTERNAL_H
#define GUOTU_INTERNAL_H

#ifndef GEOS_USE_ONLY_R_API
#define GEOS_USE_ONLY_R_API
#endif
#include <geos_c.h>
#include <stdarg.h>
#include <proj.h>

#include "guotu/guotu.h"

#define GUOTU_MSG_SIZE 1024

struct guotu_context {
    GEOSContextHandle_t geos;
    PJ_CONTEXT *proj;
    char last_error[GUOTU_MSG_SIZE];
    /* GEOS reports errors through a handler; it lands here and is folded into
     * last_error by the function that sees the failing GEOS call. */
    char geos_message[GUOTU_MSG_SIZE];
    char scratch[GUOTU_MSG_SIZE];
    guotu_progress_fn progress;
    void *progress_user;
};

/* Sets ctx->last_error from a printf format and returns `status`, so that failure
 * paths read `return gt_fail(ctx, GUOTU_ERR_X, "...", ...);`. */
int gt_fail(guotu_context *ctx, int status, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

/* Like gt_fail, appending the last GEOS message (": <geos message>") when there is one. */
int gt_fail_geos(guotu_context *ctx, int status, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

/* gt_fail_geos with a va_list, for functions that take a message format themselves. */
int gt_vfail_geos(guotu_context *ctx, int status, const char *fmt, va_list ap);

/* Clears last_error and the pending GEOS message at the start of a public call. */
void gt_clear_error(guotu_context *ctx);

/* Calls the progress callback; returns non-zero when the caller must stop
 * (last_error is then set and the caller returns GUOTU_ERR_CANCELLED). */
int gt_report_progress(guotu_context *ctx, double fraction, const char *message);

/* 1 when s is valid UTF-8. */
int gt_utf8_valid(const char *s);

/* Cuts a UTF-8 sequence left incomplete at the end of s (by a truncating snprintf). */
void gt_utf8_trim(char *s);

/* snprintf for a message of user text: truncated at a character boundary, never mid-character. */
void gt_textf(char *buf, size_t size, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

/* GUOTU_OK when `crs` is a projected CRS whose axes are in metres; otherwise a GUOTU_ERR_CRS
 * failure saying that `what` (e.g. "planar area") needs metres, naming the CRS and the
 * Gauss-Krüger zones to project CGCS2000 data to. Degrees are never taken for metres. A NULL
 * or empty `crs` passes (data without a CRS is the caller's business). */
int gt_require_metres(guotu_context *ctx, const char *crs, const char *what);

/* strdup that returns NULL on NULL input or on allocation failure. */
char *gt_strdup(const char *s);

/* Makes room for `need` items of `item_size` bytes in the array whose pointer is at
 * `items_address` (a `T **`) and whose capacity is *cap: the capacity doubles, from `initial`
 * when the array is empty. Returns 0, or -1 when out of memory or the size would overflow;
 * the array and *cap are then unchanged. The caller frees the array with free(). */
int gt_reserve(void *items_address, size_t *cap, size_t need, size_t item_size, size_t initial);

#endif /* GUOTU_INTERNAL_H */
