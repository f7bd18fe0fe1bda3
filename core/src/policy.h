/* policy.h — category indices shared by the policy table and the overlay. */
#ifndef GUOTU_POLICY_H
#define GUOTU_POLICY_H

#include <stdio.h>

#include "internal.h"

#define GT_CATEGORIES 10

/* Index 0..9 of a category name, -1 for an unknown name. */
int gt_category_index(const char *name);
/* Name of category `index`, "" when out of range. Static. */
const char *gt_category_name(int index);
/* Category index of a code in a map, -1 when not listed. */
int gt_category_of(const guotu_category_map *m, const char *code);
/* The rule for two category indices; 0 when out of range. */
int gt_policy_rule(const guotu_policy *p, int from, int to, guotu_policy_rule *out);

#endif
