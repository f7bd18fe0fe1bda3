/* border_output.c — writes what guotu_border_run reports into the layers of OUT.gpkg. */
#include "border_output.h"

#include "gpkg_styles.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

static const table_column conflict_columns[] = {{"conflict_id", COLUMN_INTEGER, 0, "冲突编号"},
                                                {"kind", COLUMN_TEXT, 24, "冲突类型"},
                                                {"detail", COLUMN_TEXT, 16, "细分"},
                                                {"admin_a", COLUMN_TEXT, 0, "行政区A代码"},
                                                {"name_a", COLUMN_TEXT, 0, "行政区A名称"},
                                                {"admin_b", COLUMN_TEXT, 0, "行政区B代码"},
                                                {"name_b", COLUMN_TEXT, 0, "行政区B名称"},
                                                {"side", COLUMN_TEXT, 0, "责任方"},
                                                {"categories_a", COLUMN_TEXT, 0, "A侧类别"},
                                                {"categories_b", COLUMN_TEXT, 0, "B侧类别"},
                                                {"elements_a", COLUMN_TEXT, 0, "A侧要素名称"},
                                                {"elements_b", COLUMN_TEXT, 0, "B侧要素名称"},
                                                {"fid_a", COLUMN_INTEGER, 0, "A侧要素编号"},
                                                {"fid_b", COLUMN_INTEGER, 0, "B侧要素编号"},
                                                {"length_m", COLUMN_REAL, 0, "边界长度（米）"},
                                                {"area_m2", COLUMN_REAL, 0, "面积（平方米）"},
                                                {"area_ha", COLUMN_REAL, 0, "面积（公顷）"}};
enum { NCONFLICT = 17 };

static const table_column segment_columns[] = {
    {"admin_a", COLUMN_TEXT, 0, "行政区A代码"},    {"name_a", COLUMN_TEXT, 0, "行政区A名称"},
    {"admin_b", COLUMN_TEXT, 0, "行政区B代码"},    {"name_b", COLUMN_TEXT, 0, "行政区B名称"},
    {"status", COLUMN_TEXT, 24, "状态"},           {"categories_a", COLUMN_TEXT, 0, "A侧类别"},
    {"categories_b", COLUMN_TEXT, 0, "B侧类别"},   {"elements_a", COLUMN_TEXT, 0, "A侧要素名称"},
    {"elements_b", COLUMN_TEXT, 0, "B侧要素名称"}, {"length_m", COLUMN_REAL, 0, "长度（米）"},
    {"conflict_id", COLUMN_INTEGER, 0, "冲突编号"}};
enum { NSEGMENT = 11 };

static const table_column issue_columns[] = {
    {"kind", COLUMN_TEXT, 24, "问题类型"},      {"admin_a", COLUMN_TEXT, 0, "行政区A代码"},
    {"admin_b", COLUMN_TEXT, 0, "行政区B代码"}, {"feature_id", COLUMN_INTEGER, 0, "要素编号"},
    {"city_id", COLUMN_TEXT, 0, "城市代码"},    {"area_m2", COLUMN_REAL, 0, "面积（平方米）"},
    {"message_zh", COLUMN_TEXT, 0, "说明"},     {"message_en", COLUMN_TEXT, 0, "Message"}};
enum { NISSUE = 8 };

static const table_column summary_columns[] = {{"admin_a", COLUMN_TEXT, 0, "行政区A代码"},
                                               {"name_a", COLUMN_TEXT, 0, "行政区A名称"},
                                               {"admin_b", COLUMN_TEXT, 0, "行政区B代码"},
                                               {"name_b", COLUMN_TEXT, 0, "行政区B名称"},
                                               {"border_m", COLUMN_REAL, 0, "共同边界（米）"},
                                               {"coordinated_m", COLUMN_REAL, 0, "已协调（米）"},
                                               {"overlap_m", COLUMN_REAL, 0, "重叠（米）"},
                                               {"gap_m", COLUMN_REAL, 0, "缝隙（米）"},
                                               {"discontinuity_m", COLUMN_REAL, 0, "不连续（米）"},
                                               {"mismatch_m", COLUMN_REAL, 0, "类别不一致（米）"},
                                               {"none_m", COLUMN_REAL, 0, "两侧均无要素（米）"},
                                               {"overlap_area_m2", COLUMN_REAL, 0, "重叠面积（平方米）"},
                                               {"gap_area_m2", COLUMN_REAL, 0, "缝隙面积（平方米）"},
                                               {"admin_overlap_m2", COLUMN_REAL, 0, "底图重叠（平方米）"},
                                               {"admin_gap_m2", COLUMN_REAL, 0, "底图缝隙（平方米）"},
                                               {"conflicts", COLUMN_INTEGER, 0, "冲突数"},
                                               {"weighted_conflict_m", COLUMN_REAL, 0, "加权冲突长度（米）"},
                                               {"score", COLUMN_REAL, 0, "冲突得分"}};
enum { NSUMMARY = 18 };

static const char *name_of(const border_output *o, const char *id) {
    for (size_t i = 0; i < o->nadmins; i++)
        if (!strcmp(o->ids[i], id)) return o->names[i];
    return "";
}

int border_output_open(border_output *o, const char *path, OGRSpatialReferenceH srs) {
    if (gpkg_writer_open(&o->out, path, o->err, o->err_size)) return 1;
    o->conflicts = gpkg_writer_add_layer(o->out, "border_conflicts", wkbMultiPolygon, srs, conflict_columns, NCONFLICT,
                                         o->err, o->err_size);
    if (o->conflicts >= 0)
        o->conflict_lines = gpkg_writer_add_layer(o->out, "border_conflict_lines", wkbMultiLineString, srs,
                                                  conflict_columns, NCONFLICT, o->err, o->err_size);
    if (o->conflicts >= 0 && o->conflict_lines >= 0)
        o->segments = gpkg_writer_add_layer(o->out, "shared_borders", wkbMultiLineString, srs, segment_columns,
                                            NSEGMENT, o->err, o->err_size);
    if (o->conflicts >= 0 && o->conflict_lines >= 0 && o->segments >= 0)
        o->issues = gpkg_writer_add_layer(o->out, "basemap_issues", wkbMultiPolygon, srs, issue_columns, NISSUE, o->err,
                                          o->err_size);
    if (o->conflicts >= 0 && o->conflict_lines >= 0 && o->segments >= 0 && o->issues >= 0)
        o->issue_points = gpkg_writer_add_layer(o->out, "basemap_issue_points", wkbPoint, srs, issue_columns, NISSUE,
                                                o->err, o->err_size);
    return o->conflicts < 0 || o->conflict_lines < 0 || o->segments < 0 || o->issues < 0 || o->issue_points < 0;
}

static int write_conflict(const guotu_border_conflict *c, void *user) {
    border_output *o = user;
    static const char *const kinds[4] = {"overlap", "gap", "discontinuity", "category_mismatch"};
    for (int k = 0; k < 4; k++)
        if (!strcmp(c->kind, kinds[k])) o->counts[k]++;
    const char *texts[NCONFLICT] = {0,
                                    c->kind,
                                    c->detail,
                                    c->admin_a,
                                    name_of(o, c->admin_a),
                                    c->admin_b,
                                    name_of(o, c->admin_b),
                                    c->side,
                                    c->categories_a,
                                    c->categories_b,
                                    c->names_a,
                                    c->names_b};
    double reals[NCONFLICT] = {(double)c->id,
                               0,
                               0,
                               0,
                               0,
                               0,
                               0,
                               0,
                               0,
                               0,
                               0,
                               0,
                               c->fid_a >= 0 ? (double)c->fid_a : NAN,
                               c->fid_b >= 0 ? (double)c->fid_b : NAN,
                               c->length_m,
                               c->area_m2,
                               c->area_m2 / 10000.0};
    if (c->area_wkb &&
        gpkg_writer_row(o->out, o->conflicts, texts, reals, c->area_wkb, c->area_wkb_size, o->err, o->err_size))
        return 1;
    return c->line_wkb &&
           gpkg_writer_row(o->out, o->conflict_lines, texts, reals, c->line_wkb, c->line_wkb_size, o->err, o->err_size);
}

static int write_segment(const guotu_border_segment *s, void *user) {
    border_output *o = user;
    const char *texts[NSEGMENT] = {s->admin_a, name_of(o, s->admin_a), s->admin_b,      name_of(o, s->admin_b),
                                   s->status,  s->categories_a,        s->categories_b, s->names_a,
                                   s->names_b};
    double reals[NSEGMENT] = {
        0, 0, 0, 0, 0, 0, 0, 0, 0, s->length_m, s->conflict_id >= 0 ? (double)s->conflict_id : NAN};
    return gpkg_writer_row(o->out, o->segments, texts, reals, s->wkb, s->wkb_size, o->err, o->err_size);
}

static int write_issue(const guotu_border_issue *i, void *user) {
    border_output *o = user;
    o->issue_counts++;
    const char *texts[NISSUE] = {i->kind, i->admin_a, i->admin_b, 0, i->city_id, 0, i->message_zh, i->message_en};
    double reals[NISSUE] = {0, 0, 0, i->fid >= 0 ? (double)i->fid : NAN, 0, i->area_m2, 0, 0};
    /* Points (where a geometry is invalid) and areas go to two layers; an element without
     * geometry is a row without geometry in basemap_issues. */
    int layer = o->issues;
    if (i->wkb && i->wkb_size >= 5) {
        unsigned type = i->wkb[0] == 1 ? (unsigned)i->wkb[1] | (unsigned)i->wkb[2] << 8 : (unsigned)i->wkb[4];
        if (type % 1000 == 1) layer = o->issue_points;
    }
    return gpkg_writer_row(o->out, layer, texts, reals, i->wkb, i->wkb_size, o->err, o->err_size);
}

/* The callbacks come from the worker threads: one row at a time, and after a failed write
 * every thread stops. */
#define LOCKED(name, type)                                                                                             \
    static int on_##name(const type *item, void *user) {                                                               \
        border_output *o = user;                                                                                       \
        pthread_mutex_lock(&o->lock);                                                                                  \
        int failed = o->failed || write_##name(item, user);                                                            \
        if (failed) o->failed = 1;                                                                                     \
        pthread_mutex_unlock(&o->lock);                                                                                \
        return failed;                                                                                                 \
    }
LOCKED(segment, guotu_border_segment)
LOCKED(conflict, guotu_border_conflict)
LOCKED(issue, guotu_border_issue)

const guotu_border_callbacks border_output_callbacks = {on_segment, on_conflict, on_issue};

int border_output_summary(border_output *o, guotu_context *ctx, const guotu_border *b, const table_meta *meta,
                          int nmeta) {
    o->summary =
        gpkg_writer_add_layer(o->out, "pair_summary", wkbNone, NULL, summary_columns, NSUMMARY, o->err, o->err_size);
    if (o->summary < 0) return 1;
    for (size_t i = 0; i < guotu_border_pair_count(b); i++) {
        guotu_border_pair p;
        guotu_border_pair_row(ctx, b, i, &p);
        const char *texts[NSUMMARY] = {p.admin_a, p.name_a, p.admin_b, p.name_b};
        double reals[NSUMMARY] = {0,
                                  0,
                                  0,
                                  0,
                                  p.border_m,
                                  p.coordinated_m,
                                  p.overlap_m,
                                  p.gap_m,
                                  p.discontinuity_m,
                                  p.mismatch_m,
                                  p.none_m,
                                  p.overlap_area_m2,
                                  p.gap_area_m2,
                                  p.admin_overlap_m2,
                                  p.admin_gap_m2,
                                  (double)p.conflicts,
                                  p.weighted_conflict_m,
                                  p.score};
        if (gpkg_writer_row(o->out, o->summary, texts, reals, NULL, 0, o->err, o->err_size)) return 1;
    }
    const int layers[] = {o->conflicts, o->conflict_lines, o->segments, o->issues, o->issue_points, o->summary};
    for (size_t k = 0; k < sizeof layers / sizeof layers[0]; k++)
        gpkg_writer_meta(o->out, layers[k], meta, nmeta);
    /* The layers open styled by status and kind, with their Chinese field names. */
    static const char *const styled[] = {"border_conflicts", "border_conflict_lines", "shared_borders",
                                         "basemap_issues",   "basemap_issue_points",  "pair_summary"};
    return gpkg_writer_add_styles(o->out, "border", styled, 6, o->err, o->err_size);
}
