/* fixed_sum.h — sums that do not depend on their order. Areas are added in fixed point,
 * 2^-60 of a unit per step, in 128-bit integers: integer addition is associative, so a result
 * is the same to the last bit whatever the number of threads and however their work was
 * merged. Each value is rounded once, the same way whichever thread adds it. Used by the
 * conversion tables (hectares) and the tally (square metres). */
#ifndef GUOTU_FIXED_SUM_H
#define GUOTU_FIXED_SUM_H

__extension__ typedef __int128 gt_fixed;
/* 2^60 steps per unit: sums up to 2^67 units, far below the precision of one double value. */
#define GT_FIXED_ONE 1152921504606846976.0

/* `value` in fixed point, rounded to the nearest step (finite values only). */
static inline gt_fixed gt_to_fixed(double value) {
    double scaled = value * GT_FIXED_ONE; /* exact: a power of two */
    return (gt_fixed)(scaled < 0 ? scaled - 0.5 : scaled + 0.5);
}

static inline double gt_from_fixed(gt_fixed value) { return (double)value / GT_FIXED_ONE; }

#endif
