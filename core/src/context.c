/* context.c — the context handle: GEOS and PROJ contexts, errors, progress. */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

const char *guotu_version(void) { return GUOTU_VERSION_STRING; }

int guotu_abi_version(void) { return GUOTU_ABI_VERSION; }

const char *guotu_status_name(int status) {
    switch (status) {
    case GUOTU_OK: return "GUOTU_OK";
    case GUOTU_ERR_ARGUMENT: return "GUOTU_ERR_ARGUMENT";
    case GUOTU_ERR_NOMEM: return "GUOTU_ERR_NOMEM";
    case GUOTU_ERR_GEOMETRY: return "GUOTU_ERR_GEOMETRY";
    case GUOTU_ERR_INVALID_GEOMETRY: return "GUOTU_ERR_INVALID_GEOMETRY";
    case GUOTU_ERR_CRS: return "GUOTU_ERR_CRS";
    case GUOTU_ERR_STATE: return "GUOTU_ERR_STATE";
    case GUOTU_ERR_CANCELLED: return "GUOTU_ERR_CANCELLED";
    case GUOTU_ERR_DATA: return "GUOTU_ERR_DATA";
    case GUOTU_ERR_IO: return "GUOTU_ERR_IO";
    default: return "GUOTU_ERR_UNKNOWN";
    }
}

/* GEOS calls these instead of printing; keep the text for the failing call to report. */
static void geos_message_handler(const char *message, void *user_data) {
    guotu_context *ctx = user_data;
    snprintf(ctx->geos_message, sizeof ctx->geos_message, "%s", message ? message : "");
}

static void geos_notice_handler(const char *message, void *user_data) {
    /* Notices (e.g. "Self-intersection at ...") explain a later validity failure. */
    geos_message_handler(message, user_data);
}

/* PROJ logs to stderr by default; a library must not print. */
static void proj_silent_logger(void *user_data, int level, const char *message) {
    (void)user_data;
    (void)level;
    (void)message;
}

guotu_context *guotu_context_create(void) {
    guotu_context *ctx = calloc(1, sizeof *ctx);
    if (!ctx) return NULL;
    ctx->geos = GEOS_init_r();
    ctx->proj = proj_context_create();
    if (!ctx->geos || !ctx->proj) {
        guotu_context_destroy(ctx);
        return NULL;
    }
    GEOSContext_setErrorMessageHandler_r(ctx->geos, geos_message_handler, ctx);
    GEOSContext_setNoticeMessageHandler_r(ctx->geos, geos_notice_handler, ctx);
    proj_log_func(ctx->proj, NULL, proj_silent_logger);
    proj_log_level(ctx->proj, PJ_LOG_NONE);
    return ctx;
}

void guotu_context_destroy(guotu_context *ctx) {
    if (!ctx) return;
    if (ctx->geos) GEOS_finish_r(ctx->geos);
    if (ctx->proj) proj_context_destroy(ctx->proj);
    free(ctx);
}

const char *guotu_context_last_error(const guotu_context *ctx) { return ctx ? ctx->last_error : ""; }

void guotu_context_set_progress(guotu_context *ctx, guotu_progress_fn fn, void *user_data) {
    if (!ctx) return;
    ctx->progress = fn;
    ctx->progress_user = user_data;
}

const char *guotu_dependency_versions(guotu_context *ctx) {
    if (!ctx) return "";
    PJ_INFO info = proj_info();
    snprintf(ctx->scratch, sizeof ctx->scratch, "GEOS %s, PROJ %s", GEOSversion(), info.version);
    return ctx->scratch;
}

static void vformat(char *buf, size_t size, const char *fmt, va_list ap) { vsnprintf(buf, size, fmt, ap); }

int gt_fail(guotu_context *ctx, int status, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    vformat(ctx->last_error, sizeof ctx->last_error, fmt, ap);
    va_end(ap);
    return status;
}

int gt_vfail_geos(guotu_context *ctx, int status, const char *fmt, va_list ap) {
    vformat(ctx->last_error, sizeof ctx->last_error, fmt, ap);
    if (ctx->geos_message[0]) {
        size_t used = strlen(ctx->last_error);
        snprintf(ctx->last_error + used, sizeof ctx->last_error - used, ": %s", ctx->geos_message);
    }
    return status;
}

int gt_fail_geos(guotu_context *ctx, int status, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    gt_vfail_geos(ctx, status, fmt, ap);
    va_end(ap);
    return status;
}

void gt_clear_error(guotu_context *ctx) {
    ctx->last_error[0] = '\0';
    ctx->geos_message[0] = '\0';
}

int gt_report_progress(guotu_context *ctx, double fraction, const char *message) {
    if (!ctx->progress) return 0;
    if (fraction < 0) fraction = 0;
    if (fraction > 1) fraction = 1;
    if (ctx->progress(fraction, message, ctx->progress_user) != 0) {
        gt_fail(ctx, GUOTU_ERR_CANCELLED, "cancelled by the user");
        return 1;
    }
    return 0;
}

int guotu_context_fail(guotu_context *ctx, int status, const char *message) {
    if (!ctx) return status;
    snprintf(ctx->last_error, sizeof ctx->last_error, "%s", message ? message : "");
    ctx->geos_message[0] = '\0';
    return status;
}

int guotu_context_report_progress(guotu_context *ctx, double fraction, const char *message) {
    if (!ctx) return 0;
    return gt_report_progress(ctx, fraction, message ? message : "") ? GUOTU_ERR_CANCELLED : GUOTU_OK;
}

char *gt_strdup(const char *s) {
    if (!s) return NULL;
    size_t n = strlen(s) + 1;
    char *copy = malloc(n);
    if (copy) memcpy(copy, s, n);
    return copy;
}

int gt_reserve(void *items_address, size_t *cap, size_t need, size_t item_size, size_t initial) {
    if (need <= *cap) return 0;
    size_t n = *cap ? *cap : (initial ? initial : 1);
    while (n < need) {
        if (n > SIZE_MAX / 2) return -1;
        n *= 2;
    }
    if (!item_size || n > SIZE_MAX / item_size) return -1;
    /* The pointer travels through memcpy: any T ** is accepted without a cast that would
     * read a T * as a void *. */
    void *items;
    memcpy(&items, items_address, sizeof items);
    void *grown = realloc(items, n * item_size);
    if (!grown) return -1;
    memcpy(items_address, &grown, sizeof grown);
    *cap = n;
    return 0;
}

void gt_utf8_trim(char *s) {
    size_t n = strlen(s), k = n;
    /* Back over at most three continuation bytes to the sequence's lead byte. */
    while (k > 0 && n - k < 3 && ((unsigned char)s[k - 1] & 0xC0) == 0x80)
        k--;
    if (k == 0) return;
    unsigned char lead = (unsigned char)s[k - 1];
    size_t want = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
    if (lead >= 0xC0 && n - (k - 1) < want) s[k - 1] = '\0';
}

void gt_textf(char *buf, size_t size, const char *fmt, ...) {
    if (!size) return;
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf, size, fmt, ap);
    va_end(ap);
    if (n >= 0 && (size_t)n >= size) gt_utf8_trim(buf);
}

int gt_utf8_valid(const char *s) {
    const unsigned char *p = (const unsigned char *)s;
    while (*p) {
        int extra;
        if (*p < 0x80)
            extra = 0;
        else if ((*p & 0xE0) == 0xC0 && *p >= 0xC2)
            extra = 1;
        else if ((*p & 0xF0) == 0xE0)
            extra = 2;
        else if ((*p & 0xF8) == 0xF0 && *p <= 0xF4)
            extra = 3;
        else
            return 0;
        p++;
        for (int i = 0; i < extra; i++, p++)
            if ((*p & 0xC0) != 0x80) return 0;
    }
    return 1;
}
