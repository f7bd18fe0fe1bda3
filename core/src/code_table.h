/* code_table.h — class codes with a payload index, looked up exactly or by integer value
 * ("301" finds "0301": integer attribute fields lose leading zeros). */
#ifndef GUOTU_CODE_TABLE_H
#define GUOTU_CODE_TABLE_H

#include "collections.h"

typedef struct gt_code_table {
    gt_string_table codes;
    gt_index_map numeric;  /* integer value -> dense slot */
    int32_t *numeric_code; /* dense slot -> code index */
    size_t numeric_cap;
} gt_code_table;

/* Adds a code not yet in the table; its index, or -1 on allocation failure. */
int32_t gt_code_table_add(gt_code_table *t, const char *code);
/* Index of a code: exact match, else a numeric code of the same integer value; -1 if none. */
int32_t gt_code_table_find(const gt_code_table *t, const char *code);
/* Index by exact match only. */
int32_t gt_code_table_find_exact(const gt_code_table *t, const char *code);
void gt_code_table_free(gt_code_table *t);

/* Natural order of class codes: "" first, integers numerically ("2" before "10"), then text. */
int gt_compare_codes(const char *a, const char *b);

#endif
