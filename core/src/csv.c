/* csv.c — CSV records for the lookup tables. */
#include "csv.h"

#include <string.h>

static void trim(char *s) {
    size_t n = strlen(s);
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
        s[--n] = '\0';
    size_t i = 0;
    while (s[i] == ' ' || s[i] == '\t')
        i++;
    if (i) memmove(s, s + i, n - i + 1);
}

int gt_csv_record(const char **p, const char *end, gt_csv_fields fields) {
    int n = 0;
    size_t len = 0;
    int quoted = 0;
    const char *s = *p;
    fields[0][0] = '\0';
    while (s < end) {
        char c = *s++;
        if (quoted) {
            if (c == '"' && s < end && *s == '"')
                c = *s++;
            else if (c == '"') {
                quoted = 0;
                continue;
            }
        } else if (c == '"') {
            quoted = 1;
            continue;
        } else if (c == ',' || c == '\n' || c == '\r') {
            fields[n][len] = '\0';
            if (c == '\r' && s < end && *s == '\n') s++;
            if (c != ',') break;
            if (++n == GT_CSV_MAX_FIELDS) return -1;
            len = 0;
            fields[n][0] = '\0';
            continue;
        }
        if (len + 1 >= GT_CSV_MAX_FIELD) return -1;
        fields[n][len++] = c;
        fields[n][len] = '\0';
    }
    *p = s;
    for (int i = 0; i <= n; i++)
        trim(fields[i]);
    return n + 1;
}

int gt_csv_header(const char **p, const char *end, const char *const *names, int n, int *columns) {
    gt_csv_fields fields;
    int count = gt_csv_record(p, end, fields);
    for (int k = 0; k < n; k++)
        columns[k] = -1;
    if (count < 0) return -1;
    /* Spreadsheet exports often start with a UTF-8 byte-order mark. */
    if ((unsigned char)fields[0][0] == 0xEF && (unsigned char)fields[0][1] == 0xBB &&
        (unsigned char)fields[0][2] == 0xBF)
        memmove(fields[0], fields[0] + 3, strlen(fields[0] + 3) + 1);
    for (int i = 0; i < count; i++)
        for (int k = 0; k < n; k++)
            if (columns[k] < 0 && strcmp(fields[i], names[k]) == 0) columns[k] = i;
    return count;
}

int gt_csv_blank(int nfields, gt_csv_fields fields) { return nfields == 1 && fields[0][0] == '\0'; }
