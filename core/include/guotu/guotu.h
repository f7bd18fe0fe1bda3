/*
 * guotu.h — public C API of libguotu, the computing core of Guotu (国土).
 *
 * Conventions (modelled on GEOS's reentrant C API and PROJ's proj.h):
 *  - Every object is an opaque handle. Every function takes the context first.
 *  - Every fallible function returns a guotu_status; GUOTU_OK is 0. On failure the
 *    context holds a UTF-8 message, read with guotu_context_last_error().
 *  - Ownership is stated on each function: "caller frees with X" or "borrowed".
 *  - The library never prints, never exits or aborts, and keeps no global state:
 *    all state lives in a context, and a context must be used by one thread at a
 *    time (use one context per thread).
 *  - Strings are UTF-8. Geometries cross the API as ISO or extended WKB.
 */
#ifndef GUOTU_H
#define GUOTU_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(_WIN32)
#if defined(GUOTU_BUILDING_LIBRARY)
#define GUOTU_API __declspec(dllexport)
#else
#define GUOTU_API __declspec(dllimport)
#endif
#else
#define GUOTU_API __attribute__((visibility("default")))
#endif

/* ---- Version ----------------------------------------------------------- */
/* GUOTU_VERSION_MAJOR/MINOR/PATCH/STRING, GUOTU_VERSION_AT_LEAST(major, minor, patch) and
 * GUOTU_ABI_VERSION, generated from guotu_version.h.in. */
#include "guotu/guotu_version.h"

/* "MAJOR.MINOR.PATCH" of the library actually loaded. Borrowed, static. */
GUOTU_API const char *guotu_version(void);
/* GUOTU_ABI_VERSION of the library actually loaded. */
GUOTU_API int guotu_abi_version(void);

/* ---- Status codes ------------------------------------------------------ */
typedef enum guotu_status {
    GUOTU_OK = 0,
    GUOTU_ERR_ARGUMENT = 1,         /* a NULL handle, bad option, out-of-range value */
    GUOTU_ERR_NOMEM = 2,            /* allocation failed */
    GUOTU_ERR_GEOMETRY = 3,         /* unreadable WKB, wrong geometry type, GEOS failure */
    GUOTU_ERR_INVALID_GEOMETRY = 4, /* invalid geometry and the policy is "fail" */
    GUOTU_ERR_CRS = 5,              /* unknown CRS, no ellipsoid, PROJ failure */
    GUOTU_ERR_STATE = 6,            /* call out of order (e.g. add after finish) */
    GUOTU_ERR_CANCELLED = 7,        /* the progress callback asked to stop */
    GUOTU_ERR_DATA = 8,             /* bad attribute data (duplicate id, empty layer...) */
    GUOTU_ERR_IO = 9                /* a file could not be read or written (I/O library only) */
} guotu_status;

/* Short English name of a status code ("GUOTU_ERR_CRS"). Borrowed, static. */
GUOTU_API const char *guotu_status_name(int status);

/* ---- Context ----------------------------------------------------------- */
typedef struct guotu_context guotu_context;

/* Progress callback: fraction in [0, 1] of the current phase, and a short English message
 * naming the phase (e.g. "preparing zones", then "land use against zones"); the fraction
 * starts again from 0 when the phase changes.
 * Return 0 to go on, non-zero to cancel: the running call then returns
 * GUOTU_ERR_CANCELLED and the object it worked on may only be destroyed. */
typedef int (*guotu_progress_fn)(double fraction, const char *message, void *user_data);

/* Creates a context with its own GEOS and PROJ contexts.
 * Returns NULL only when memory is exhausted. Caller frees with guotu_context_destroy. */
GUOTU_API guotu_context *guotu_context_create(void);
/* Frees the context. NULL is ignored. Every object created with it must be destroyed first. */
GUOTU_API void guotu_context_destroy(guotu_context *ctx);

/* Message of the last failure on this context ("" if none). Borrowed; valid until the
 * next call that takes this context. */
GUOTU_API const char *guotu_context_last_error(const guotu_context *ctx);

/* Sets (or, with fn == NULL, clears) the progress callback. Long calls report at most
 * a few hundred times, so the callback may be slow (e.g. a Python function). */
GUOTU_API void guotu_context_set_progress(guotu_context *ctx, guotu_progress_fn fn, void *user_data);

/* Records `message` (copied, truncated to the context's buffer) as the last error of `ctx`
 * and returns `status`: the one error funnel for code built on the library, such as the I/O
 * library's file runs, so that every failure is read back with guotu_context_last_error. */
GUOTU_API int guotu_context_fail(guotu_context *ctx, int status, const char *message);

/* Calls the context's progress callback (if any) as the library's own long calls do:
 * GUOTU_OK to go on, GUOTU_ERR_CANCELLED (with the context's error set) when it asked to
 * stop. For code built on the library that runs long loops of its own. */
GUOTU_API int guotu_context_report_progress(guotu_context *ctx, double fraction, const char *message);

/* Versions of GEOS and PROJ the library runs with, e.g. "GEOS 3.11.1-CAPI-1.17.1, PROJ 9.1.1".
 * Borrowed; valid until the next call that takes this context. */
GUOTU_API const char *guotu_dependency_versions(guotu_context *ctx);

/* GUOTU_OK when `crs` (any text PROJ reads: "EPSG:4527", WKT, PROJJSON) is a projected CRS in
 * metres; otherwise GUOTU_ERR_CRS with a message saying that `what` (e.g. "planar area", a
 * layer's name) needs metres and naming the Gauss-Krüger zones to project CGCS2000 data to.
 * Every algorithm with metre parameters or planar areas runs this check, so degrees are
 * refused the same way everywhere. An empty or NULL `crs` passes. Nothing is allocated. */
GUOTU_API int guotu_crs_require_metres(guotu_context *ctx, const char *crs, const char *what);

#ifdef __cplusplus
}
#endif

#include "guotu_area.h"
#include "guotu_tally.h"
#include "guotu_voucher.h"
#include "guotu_lines.h" /* before guotu_convert.h: conversions use guotu_line */
#include "guotu_convert.h"
#include "guotu_parcels.h"
#include "guotu_border.h"
#include "guotu_priorities.h"
#include "guotu_frame.h"
#include "guotu_ledger.h"
#include "guotu_indicators.h"

#endif /* GUOTU_H */
