/* test_table_schema.c — output table columns read from resources/schemas (core/io/table_schema.c). */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "table_schema.h"

static const char header[] = "name,type,width,title_zh,only_with\n";

static table_schema *parse(const char *body, const char *options, char *err, size_t err_size) {
    char text[2048];
    snprintf(text, sizeof text, "%s%s", header, body);
    table_schema *s = NULL;
    int failed = table_schema_parse(text, strlen(text), "t.csv", options, &s, err, err_size);
    assert_true(failed ? s == NULL : s != NULL);
    return s;
}

static void test_columns_types_titles_and_options(void **state) {
    (void)state;
    char err[512] = "";
    const char *body = "zone_id,text,12,行政区代码,\n"
                       "zone_name,text,0,,zone_names\n"
                       "\n"
                       "\"area, ha\",real,0,\"面积（公顷）\",\n"
                       "n,integer,0,,\n";
    table_schema *s = parse(body, NULL, err, sizeof err);
    assert_int_equal(table_schema_count(s), 3);
    const table_column *c = table_schema_columns(s);
    assert_string_equal(c[0].name, "zone_id");
    assert_int_equal(c[0].type, COLUMN_TEXT);
    assert_int_equal(c[0].width, 12);
    assert_string_equal(c[0].alias, "行政区代码");
    assert_string_equal(c[1].name, "area, ha");
    assert_int_equal(c[1].type, COLUMN_REAL);
    assert_string_equal(c[1].alias, "面积（公顷）");
    assert_int_equal(c[2].type, COLUMN_INTEGER);
    assert_null(c[2].alias);
    table_schema_free(s);
    s = parse(body, "lines,zone_names", err, sizeof err);
    assert_int_equal(table_schema_count(s), 4);
    assert_string_equal(table_schema_columns(s)[1].name, "zone_name");
    table_schema_free(s);
    s = parse(body, "zone_name", err, sizeof err); /* options match whole words */
    assert_int_equal(table_schema_count(s), 3);
    table_schema_free(s);
    char text[256]; /* a byte-order mark before the header, as spreadsheet programs write it */
    snprintf(text, sizeof text, "\xEF\xBB\xBF%sa,text,0,,\r\nb,real,0,,", header);
    assert_int_equal(table_schema_parse(text, strlen(text), "t.csv", NULL, &s, err, sizeof err), 0);
    assert_int_equal(table_schema_count(s), 2);
    assert_string_equal(table_schema_columns(s)[1].name, "b");
    table_schema_free(s);
}

static void test_slots_follow_the_schema_and_refuse_a_mismatch(void **state) {
    (void)state;
    char err[512] = "";
    table_schema *s = parse("c,real,0,,\nb,text,0,,opt\na,text,0,,\n", NULL, err, sizeof err);
    const char *const names[] = {"a", "b", "c"};
    int slots[3];
    assert_int_equal(table_schema_slots(s, names, 3, slots, err, sizeof err), 0);
    assert_int_equal(slots[0], 1);
    assert_int_equal(slots[1], -1); /* left out by the option */
    assert_int_equal(slots[2], 0);
    table_row row;
    table_row_clear(&row);
    table_row_text(&row, slots[0], "A");
    table_row_text(&row, slots[1], "B");
    table_row_real(&row, slots[2], 2.5);
    assert_string_equal(row.texts[1], "A");
    assert_true(row.reals[0] == 2.5);
    assert_null(row.texts[0]);
    assert_null(row.texts[2]);
    const char *const unknown[] = {"a", "b", "c", "d"};
    assert_int_equal(table_schema_slots(s, unknown, 4, slots, err, sizeof err), 1);
    assert_string_equal(err, "table schema 't.csv' has no column 'd'");
    const char *const short_of_c[] = {"a", "b"};
    assert_int_equal(table_schema_slots(s, short_of_c, 2, slots, err, sizeof err), 1);
    assert_string_equal(err, "table schema 't.csv' has a column 'c' this writer does not fill");
    table_schema_free(s);
}

static void test_bad_rows_are_named_by_line(void **state) {
    (void)state;
    static const struct {
        const char *body, *message;
    } cases[] = {
        {"a,text,0,,\nb,float,0,,\n",
         "table schema 't.csv', line 3: the row has a type other than text, real or integer"},
        {"a,text,x,,\n", "table schema 't.csv', line 2: the row has a width that is not a whole number >= 0"},
        {"a,text,-1,,\n", "table schema 't.csv', line 2: the row has a width that is not a whole number >= 0"},
        {"a,text,0,,\na,real,0,,\n", "table schema 't.csv', line 3: the row declares a column a second time"},
        {"a,text,0\n", "table schema 't.csv', line 2: the row needs the 5 fields name,type,width,title_zh,only_with"},
        {"a,text,0,,,\n",
         "table schema 't.csv', line 2: the row needs the 5 fields name,type,width,title_zh,only_with"},
        {",text,0,,\n", "table schema 't.csv', line 2: the row has no column name"},
        {"a,text,0,,opt\n", "table schema 't.csv' declares no column"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char err[512] = "";
        assert_null(parse(cases[i].body, NULL, err, sizeof err));
        assert_string_equal(err, cases[i].message);
    }
    char err[512] = "";
    table_schema *s = NULL;
    assert_int_equal(table_schema_parse("name,kind\n", 10, "t.csv", NULL, &s, err, sizeof err), 1);
    assert_null(s);
    assert_string_equal(err, "table schema 't.csv': the header must be name,type,width,title_zh,only_with");
    assert_int_equal(table_schema_load(GUOTU_TEST_RESOURCES, "no_such_table", NULL, &s, err, sizeof err), 1);
    assert_non_null(strstr(err, "cannot read the table schema '"));
    assert_non_null(strstr(err, "schemas/no_such_table.csv'"));
    table_schema_free(NULL);
}

static void test_shipped_schemas_load(void **state) {
    (void)state;
    static const struct {
        const char *table, *options;
        int count;
        const char *first, *last;
    } tables[] = {
        {"tally", NULL, 3, "zone_id", "area_ha"},
        {"tally", "zone_names", 4, "zone_id", "area_ha"},
        {"area_check", NULL, 8, "fid", "difference_ppm"},
        {"conversions", NULL, 10, "from_code", "zone_id"},
        {"conversions", "lines", 11, "from_code", "line"},
        {"transitions", NULL, 7, "zone_id", "dm_ha"},
        {"status_summary", NULL, 3, "zone_id", "area_ha"},
        {"unknown_codes", NULL, 3, "class_code", "area_ha"},
        {"line_summary", NULL, 4, "zone_id", "area_ha"},
        {"border_conflicts", NULL, 17, "conflict_id", "area_ha"},
        {"border_conflicts", "review", 21, "conflict_id", "reviewed_at"},
        {"shared_borders", NULL, 11, "admin_a", "conflict_id"},
        {"basemap_issues", NULL, 8, "kind", "message_en"},
        {"pair_summary", NULL, 18, "admin_a", "score"},
        {"controlled_land", NULL, 10, "landuse_fid", "net_ha"},
        {"rule_summary", NULL, 8, "fid_in", "pieces"},
        {"line_stats", NULL, 19, "admin_code", "share_ok"},
        {"line_issues", NULL, 15, "rule_id", "exception_reason"},
        {"line_notes", NULL, 3, "rule_id", "note_en"},
        {"parcel_checks", NULL, 22, "parcel_id", "reasons_en"},
        {"parcel_reasons", NULL, 8, "parcel_id", "message_en"},
        {"project_checks", NULL, 23, "project_id", "reasons_en"},
        {"village_totals", NULL, 11, "village_id", "area_mu"},
        {"unit_ledger", NULL, 54, "unit_id", "reasons_zh"},
        {"unit_grades", NULL, 4, "unit_id", "closing_ha"},
        {"certificates", NULL, 17, "number", "status_en"},
        {"project_certificates", NULL, 10, "project_id", "standard_forest_ha"},
        {"indicators", NULL, 14, "admin_code", "note_zh"},
        {"indicator_units", NULL, 6, "admin_code", "skipped"},
        {"indicator_notes", NULL, 2, "note", "note_zh"},
        {"catalogue_findings", NULL, 9, "kind", "message_en"},
        {"catalogue_cities", NULL, 7, "city_id", "city_not_listed"},
        {"county_rollup", NULL, 5, "county_id", "not_in_catalogue"},
        {"element_indicators", NULL, 14, "element_id", "dem_share"},
        {"indicator_findings", NULL, 15, "kind", "message_en"},
        {"round_comparison", NULL, 16, "status", "current_index"},
        {"return_list", NULL, 9, "city_id", "review_note"},
        {"return_summary", NULL, 4, "city_id", "returned_persisting"},
        {"voucher", NULL, 19, "zone_id", "in_market"},
        {"voucher_counties", NULL, 9, "county_id", "in_market"},
        {"voucher_violations", NULL, 9, "zone_id", "counted_in_e"},
        {"voucher_classes", NULL, 5, "zone_id", "k"},
        {"voucher_unknown_codes", NULL, 3, "class_code", "area_ha"},
        {"voucher_summary", NULL, 3, "item", "text"},
        {"voucher_trades", NULL, 5, "seller_id", "amount_yuan"},
        {"voucher_ledger", NULL, 15, "period", "violation"},
        {"voucher_ledger_trades", NULL, 7, "period", "amount_yuan"},
        {"ranked_sites", NULL, 6, "site_fid", "lex_rank"},
    };
    for (size_t i = 0; i < sizeof tables / sizeof tables[0]; i++) {
        char err[512] = "";
        table_schema *s = NULL;
        assert_int_equal(
            table_schema_load(GUOTU_TEST_RESOURCES, tables[i].table, tables[i].options, &s, err, sizeof err), 0);
        int n = table_schema_count(s);
        assert_int_equal(n, tables[i].count);
        assert_string_equal(table_schema_columns(s)[0].name, tables[i].first);
        assert_string_equal(table_schema_columns(s)[n - 1].name, tables[i].last);
        table_schema_free(s);
    }
}

/* table_schema_use: the schema resolved for a writer in one call; a mismatch leaves no schema. */
static void test_use_loads_and_resolves_or_leaves_nothing(void **state) {
    (void)state;
    static const char *const names[] = {"area_ha", "zone_id", "zone_name", "class_code"};
    int slots[4];
    char err[512] = "";
    table_schema *s = NULL;
    assert_int_equal(table_schema_use(GUOTU_TEST_RESOURCES, "tally", NULL, names, 4, &s, slots, err, sizeof err), 0);
    assert_non_null(s);
    assert_int_equal(slots[0], 2);
    assert_int_equal(slots[1], 0);
    assert_int_equal(slots[2], -1); /* zone_name: only with zone names */
    assert_int_equal(slots[3], 1);
    table_schema_free(s);
    s = NULL;
    assert_int_equal(table_schema_use(GUOTU_TEST_RESOURCES, "tally", NULL, names, 3, &s, slots, err, sizeof err), 1);
    assert_null(s);
    assert_non_null(strstr(err, "has a column 'class_code' this writer does not fill"));
    assert_int_equal(
        table_schema_use(GUOTU_TEST_RESOURCES, "no_such_table", NULL, names, 4, &s, slots, err, sizeof err), 1);
    assert_null(s);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_columns_types_titles_and_options),
        cmocka_unit_test(test_slots_follow_the_schema_and_refuse_a_mismatch),
        cmocka_unit_test(test_bad_rows_are_named_by_line),
        cmocka_unit_test(test_shipped_schemas_load),
        cmocka_unit_test(test_use_loads_and_resolves_or_leaves_nothing),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
