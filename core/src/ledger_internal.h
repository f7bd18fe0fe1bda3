/* ledger_internal.h — what ledger_years.c (two survey years as layers) needs of a ledger. */
#ifndef GUOTU_LEDGER_INTERNAL_H
#define GUOTU_LEDGER_INTERNAL_H

#include "internal.h"

typedef struct lg_years lg_years;

/* A view of a ledger's settings; everything borrowed from the ledger. */
typedef struct gt_ledger_setup {
    const guotu_category_map *maps[2];
    const guotu_coefficients *k[2];
    const char *crs; /* NULL without one */
    guotu_area_method area_method;
    double tolerance_m2;
    const char *label;
    guotu_area_calc *calc;
    size_t parcel_count; /* parcels added so far */
    int ran;
    guotu_ledger_piece_fn piece_fn;
    void *piece_user;
} gt_ledger_setup;

/* What a ledger calls of its two-years state. ledger_years.c hands it over with the state, so
 * that ledger.c knows this header only (and the two files call each other in one direction). */
typedef struct gt_ledger_years_ops {
    /* 1 while the two-years state is adding its pieces as parcels. */
    int (*feeding)(const lg_years *y);
    /* Before the run: the coverage check (see guotu_ledger.h). */
    int (*finish)(guotu_context *ctx, lg_years *y, double tolerance_m2);
    /* The pieces left out as slivers (below tolerance_m2). */
    int (*slivers)(const lg_years *y, int64_t *count, double *area_m2);
    void (*free)(guotu_context *ctx, lg_years *y);
} gt_ledger_years_ops;

/* Fills *setup and returns the ledger's slot for its two-years state (NULL until created);
 * `ops` (static, not copied) are what the ledger calls of the state put in the slot. */
lg_years **gt_ledger_years_slot(guotu_ledger *l, gt_ledger_setup *setup, const gt_ledger_years_ops *ops);

#endif
