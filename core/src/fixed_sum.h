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

/* The largest magnitude one value may have: 2^52 units (4.5e15 m², nine times the Earth's
 * surface). A larger or non-finite area can only come from coordinates out of range; refusing
 * it keeps the conversion defined (2^52 · 2^60 fits in 128 bits) and leaves room for 2^74
 * such values in one sum. */
#define GT_FIXED_MAX_VALUE 4503599627370496.0

/* Whether `value` may be converted by gt_to_fixed. Callers refuse a value that may not,
 * naming the feature: converting it would be undefined behaviour. */
static inline int gt_fixed_fits(double value) { return value > -GT_FIXED_MAX_VALUE && value < GT_FIXED_MAX_VALUE; }

/* `value` in fixed point, rounded to the nearest step (values for which gt_fixed_fits only). */
static inline gt_fixed gt_to_fixed(double value) {
    double scaled = value * GT_FIXED_ONE; /* exact: a power of two */
    return (gt_fixed)(scaled < 0 ? scaled - 0.5 : scaled + 0.5);
}

static inline double gt_from_fixed(gt_fixed value) { return (double)value / GT_FIXED_ONE; }

#endif
