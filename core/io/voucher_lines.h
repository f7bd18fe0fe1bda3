/* voucher_lines.h — `guotu voucher` within the plan's bottom lines (SPEC §3): the red line and
 * permanent farmland (a three-lines workspace, or the layers as delivered) cut the pieces of
 * base ∩ target inside each zone; the account gets each piece's change of standard forest
 * inside a line, and the pieces that lost standard forest inside the red line are kept as the
 * violations layer. */
#ifndef GUOTU_IO_VOUCHER_LINES_H
#define GUOTU_IO_VOUCHER_LINES_H

#include <stddef.h>
#include <stdint.h>

#include "guotu/guotu.h"
#include "voucher_inputs.h"

typedef struct voucher_lines_inputs {
    /* The workspace (layers ecological_redline and permanent_farmland), and files that
     * replace either of its layers; at least a red line and a farmland from one of them. */
    const char *workspace, *redline, *redline_layer, *farmland, *farmland_layer;
    const char *base, *base_layer, *base_class, *target, *target_layer, *target_class;
    const char *mask;                          /* urban space: not ecological land, cut off the zones */
    const char *area, *invalid, *crs_mismatch; /* as for the tallies */
    const char *encoding;
    const zone_set *zones; /* the accounting zones, in their layer's CRS (the run's CRS) */
    /* The mask's layer (NULL: its only or first) and attribute filter (NULL: every feature),
     * e.g. the target survey's parcels of some 城镇村属性码 (--mask-czcsxm). */
    const char *mask_layer, *mask_where;
    void (*note)(const char *message, void *user); /* notes (a layer reprojected); may be NULL */
    void *note_user;
} voucher_lines_inputs;

/* A piece of lost ecological land inside the red line: a violation, not demand. */
typedef struct voucher_violation {
    char *zone_id, *from_code, *to_code;
    int64_t base_fid, target_fid;
    double area_ha, dm_ha; /* land area, and its change of standard forest (< 0) */
    unsigned char *wkb;
    size_t wkb_size;
} voucher_violation;

typedef struct voucher_lines_result {
    voucher_violation *items;
    size_t count, cap;
    char redline_source[1400], farmland_source[1400]; /* "file (layer)" as recorded */
} voucher_lines_result;

/* Runs the overlay and feeds the account (created with options.lines = 1, zones added, not
 * computed). 1 with a message in err. */
int voucher_lines_run(guotu_context *ctx, const voucher_lines_inputs *in, guotu_voucher *v, voucher_lines_result *out,
                      char *err, size_t err_size);
void voucher_lines_free(voucher_lines_result *r);

#endif
