/* gpkg_bulk.c — bulk rows and a packed R-tree for one GeoPackage feature table. */
#include "gpkg_bulk.h"

#include "io_util.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { MAX_TRIGGERS = 32 }; /* GDAL makes at most 9 on a feature table */

/* One R-tree cell: a row (leaf level) or a child node (index within the level below). */
typedef struct rtree_cell {
    int64_t id;
    float minx, maxx, miny, maxy;
} rtree_cell;

struct gpkg_bulk {
    sqlite3 *db; /* GDAL's connection, used only between begin and end_rows */
    sqlite3_stmt *insert;
    char table[256], rtree[600];
    int srs_id;
    const table_column *columns;
    int ncolumns;
    char *triggers[MAX_TRIGGERS]; /* the table's CREATE TRIGGER statements, restored at finish */
    char *trigger_names[MAX_TRIGGERS];
    size_t ntriggers;
    rtree_cell *cells; /* one per row with a geometry */
    size_t count, cap;
    double extent[4]; /* minx, maxx, miny, maxy */
    unsigned char *blob;
    size_t blob_cap;
};

static int db_error(sqlite3 *db, const char *what, char *err, size_t err_size) {
    snprintf(err, err_size, "%s: %s", what, db ? sqlite3_errmsg(db) : "cannot open");
    return 1;
}

static int exec(sqlite3 *db, const char *sql, char *err, size_t err_size) {
    char *msg = NULL;
    if (sqlite3_exec(db, sql, NULL, NULL, &msg) == SQLITE_OK) return 0;
    snprintf(err, err_size, "SQLite: %s (in: %.200s)", msg ? msg : "error", sql);
    sqlite3_free(msg);
    return 1;
}

/* Keeps and drops the table's triggers (the R-tree ones and GDAL's feature count ones). */
static int save_triggers(gpkg_bulk *b, char *err, size_t err_size) {
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(b->db,
                           "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND lower(tbl_name) = lower(?)",
                           -1, &st, NULL) != SQLITE_OK)
        return db_error(b->db, "cannot read the triggers", err, err_size);
    sqlite3_bind_text(st, 1, b->table, -1, SQLITE_TRANSIENT);
    int failed = 0;
    while (!failed && sqlite3_step(st) == SQLITE_ROW) {
        const char *name = (const char *)sqlite3_column_text(st, 0), *sql = (const char *)sqlite3_column_text(st, 1);
        if (!name || !sql || b->ntriggers == MAX_TRIGGERS) {
            failed = 1;
            break;
        }
        b->triggers[b->ntriggers] = strdup(sql);
        b->trigger_names[b->ntriggers] = strdup(name);
        if (!b->triggers[b->ntriggers++] || !b->trigger_names[b->ntriggers - 1]) failed = 1;
    }
    sqlite3_finalize(st);
    if (failed) {
        snprintf(err, err_size, "cannot keep the triggers of '%s'", b->table);
        return 1;
    }
    for (size_t i = 0; i < b->ntriggers; i++) {
        char *sql = sqlite3_mprintf("DROP TRIGGER \"%w\"", b->trigger_names[i]);
        int bad = !sql || exec(b->db, sql, err, err_size);
        sqlite3_free(sql);
        if (bad) return 1;
    }
    return 0;
}

int gpkg_bulk_begin(sqlite3 *db, const char *table, const table_column *columns, int ncolumns, gpkg_bulk **out,
                    char *err, size_t err_size) {
    *out = NULL;
    gpkg_bulk *b = calloc(1, sizeof *b);
    if (!b) {
        snprintf(err, err_size, "out of memory");
        return 1;
    }
    b->db = db;
    b->columns = columns;
    b->ncolumns = ncolumns;
    b->extent[0] = b->extent[2] = INFINITY;
    b->extent[1] = b->extent[3] = -INFINITY;
    snprintf(b->table, sizeof b->table, "%s", table);
    sqlite3_stmt *st = NULL;
    char geom[256] = "";
    if (sqlite3_prepare_v2(db,
                           "SELECT column_name, srs_id FROM gpkg_geometry_columns WHERE lower(table_name) = lower(?)",
                           -1, &st, NULL) == SQLITE_OK) {
        sqlite3_bind_text(st, 1, table, -1, SQLITE_TRANSIENT);
        if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0)) {
            snprintf(geom, sizeof geom, "%s", (const char *)sqlite3_column_text(st, 0));
            b->srs_id = sqlite3_column_int(st, 1);
        }
    }
    sqlite3_finalize(st);
    int failed = 0;
    if ((size_t)snprintf(b->rtree, sizeof b->rtree, "rtree_%s_%s", table, geom) >= sizeof b->rtree ||
        strlen(table) >= sizeof b->table) {
        snprintf(err, err_size, "the table name '%.100s...' is too long for a bulk layer", table);
        failed = 1;
    } else if (!geom[0]) {
        snprintf(err, err_size, "'%s' is not a feature table of this GeoPackage", table);
        failed = 1;
    }
    /* The R-tree must exist (created empty by GDAL) for its node tables to be filled. */
    char *sql = failed ? NULL : sqlite3_mprintf("SELECT count(*) FROM \"%w_node\"", b->rtree);
    if (!failed && (!sql || sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)) {
        snprintf(err, err_size, "table '%s' has no spatial index to fill", table);
        failed = 1;
    } else if (!failed) {
        sqlite3_finalize(st);
    }
    sqlite3_free(sql);
    if (!failed) failed = save_triggers(b, err, err_size);
    if (!failed) {
        /* INSERT INTO "t" ("geom", "c1", ...) VALUES (?, ?, ...) */
        char *q = sqlite3_mprintf("INSERT INTO \"%w\" (\"%w\"", table, geom);
        for (int i = 0; q && i < ncolumns; i++) {
            char *next = sqlite3_mprintf("%s, \"%w\"", q, columns[i].name);
            sqlite3_free(q);
            q = next;
        }
        char *next = q ? sqlite3_mprintf("%s) VALUES (?", q) : NULL;
        sqlite3_free(q);
        q = next;
        for (int i = 0; q && i < ncolumns; i++) {
            next = sqlite3_mprintf("%s, ?", q);
            sqlite3_free(q);
            q = next;
        }
        next = q ? sqlite3_mprintf("%s)", q) : NULL;
        sqlite3_free(q);
        if (!next || sqlite3_prepare_v2(db, next, -1, &b->insert, NULL) != SQLITE_OK)
            failed = db_error(db, "cannot prepare the insert", err, err_size);
        sqlite3_free(next);
    }
    if (failed) {
        gpkg_bulk_free(b);
        return 1;
    }
    *out = b;
    return 0;
}

/* ---- WKB: bounds of a Polygon / MultiPolygon, read with bounds checks ---- */

typedef struct wkb_reader {
    const unsigned char *p, *end;
} wkb_reader;

static int read_u32(wkb_reader *r, int little, uint32_t *v) {
    if (r->end - r->p < 4) return 1;
    const unsigned char *p = r->p;
    *v = little ? (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24
                : (uint32_t)p[3] | (uint32_t)p[2] << 8 | (uint32_t)p[1] << 16 | (uint32_t)p[0] << 24;
    r->p += 4;
    return 0;
}

static int read_f64(wkb_reader *r, int little, double *v) {
    if (r->end - r->p < 8) return 1;
    unsigned char b[8];
    for (int i = 0; i < 8; i++)
        b[i] = little ? r->p[i] : r->p[7 - i];
    uint64_t u = 0;
    for (int i = 7; i >= 0; i--)
        u = u << 8 | b[i];
    memcpy(v, &u, sizeof *v);
    r->p += 8;
    return 0;
}

/* Reads a polygon (header included) and widens bounds b = {minx, maxx, miny, maxy}. */
static int polygon_bounds(wkb_reader *r, double b[4]) {
    if (r->p >= r->end) return 1;
    int little = *r->p++ == 1;
    uint32_t type, rings;
    if (read_u32(r, little, &type) || type != 3 || read_u32(r, little, &rings)) return 1;
    for (uint32_t i = 0; i < rings; i++) {
        uint32_t n;
        if (read_u32(r, little, &n) || (size_t)(r->end - r->p) / 16 < n) return 1;
        for (uint32_t k = 0; k < n; k++) {
            double x, y;
            read_f64(r, little, &x);
            read_f64(r, little, &y);
            if (x < b[0]) b[0] = x;
            if (x > b[1]) b[1] = x;
            if (y < b[2]) b[2] = y;
            if (y > b[3]) b[3] = y;
        }
    }
    return 0;
}

/* The type (3 Polygon, 6 MultiPolygon) and bounds of a 2D WKB; 1 when it is neither. */
static int wkb_bounds(const unsigned char *wkb, size_t size, uint32_t *type, double b[4]) {
    wkb_reader r = {wkb, wkb + size};
    b[0] = b[2] = INFINITY;
    b[1] = b[3] = -INFINITY;
    if (size < 9) return 1;
    int little = wkb[0] == 1;
    wkb_reader head = {wkb + 1, wkb + size};
    if (read_u32(&head, little, type)) return 1;
    if (*type == 3) return polygon_bounds(&r, b) || r.p != r.end;
    if (*type != 6) return 1;
    uint32_t parts;
    r.p = head.p;
    if (read_u32(&r, little, &parts)) return 1;
    for (uint32_t i = 0; i < parts; i++)
        if (polygon_bounds(&r, b)) return 1;
    return r.p != r.end;
}

static void put_u32le(unsigned char *p, uint32_t v) {
    for (int i = 0; i < 4; i++)
        p[i] = (unsigned char)(v >> (8 * i));
}

static void put_f64le(unsigned char *p, double v) {
    uint64_t u;
    memcpy(&u, &v, sizeof u);
    for (int i = 0; i < 8; i++)
        p[i] = (unsigned char)(u >> (8 * i));
}

/* R-tree bounds are floats that must contain the double bounds. */
static float float_down(double v) {
    float f = (float)v;
    return (double)f > v ? nextafterf(f, -INFINITY) : f;
}

static float float_up(double v) {
    float f = (float)v;
    return (double)f < v ? nextafterf(f, INFINITY) : f;
}

int gpkg_bulk_row(gpkg_bulk *b, const char *const *texts, const double *reals, const unsigned char *wkb,
                  size_t wkb_size, char *err, size_t err_size) {
    sqlite3_stmt *st = b->insert;
    double box[4];
    uint32_t type = 0;
    int has_geometry = wkb != NULL;
    if (has_geometry && wkb_bounds(wkb, wkb_size, &type, box)) {
        snprintf(err, err_size, "a geometry for '%s' is not a 2D Polygon or MultiPolygon", b->table);
        return 1;
    }
    if (has_geometry) {
        /* GeoPackage binary: "GP", version 0, flags (little-endian, xy envelope), srs id,
         * envelope, then the WKB — a Polygon wrapped as a MultiPolygon of one part. */
        size_t wrap = type == 3 ? 9 : 0, size = 8 + 32 + wrap + wkb_size;
        if (io_reserve(&b->blob, &b->blob_cap, size, 1, 4096)) {
            snprintf(err, err_size, "out of memory");
            return 1;
        }
        unsigned char *p = b->blob;
        p[0] = 'G';
        p[1] = 'P';
        p[2] = 0;
        int empty = !(box[0] <= box[1]);
        p[3] = empty ? 0x11 : 0x03; /* empty: flag set, no envelope */
        put_u32le(p + 4, (uint32_t)b->srs_id);
        for (int i = 0; !empty && i < 4; i++)
            put_f64le(p + 8 + 8 * i, box[i]);
        p += empty ? 8 : 40;
        size -= empty ? 32 : 0;
        if (wrap) {
            p[0] = 1;
            put_u32le(p + 1, 6);
            put_u32le(p + 5, 1);
            p += 9;
        }
        memcpy(p, wkb, wkb_size);
        sqlite3_bind_blob(st, 1, b->blob, (int)size, SQLITE_STATIC);
    } else {
        sqlite3_bind_null(st, 1);
    }
    for (int i = 0; i < b->ncolumns; i++) {
        int k = i + 2;
        if (b->columns[i].type == COLUMN_TEXT)
            sqlite3_bind_text(st, k, texts[i] ? texts[i] : "", -1, SQLITE_STATIC);
        else if (isnan(reals[i]))
            sqlite3_bind_null(st, k);
        else if (b->columns[i].type == COLUMN_INTEGER)
            sqlite3_bind_int64(st, k, (sqlite3_int64)reals[i]);
        else
            sqlite3_bind_double(st, k, reals[i]);
    }
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    if (rc != SQLITE_DONE) return db_error(b->db, "cannot write a feature", err, err_size);
    if (!has_geometry || !(box[0] <= box[1])) return 0; /* no geometry or empty: not in the R-tree */
    if (io_reserve(&b->cells, &b->cap, b->count + 1, sizeof *b->cells, 1024)) {
        snprintf(err, err_size, "out of memory");
        return 1;
    }
    b->cells[b->count++] = (rtree_cell){sqlite3_last_insert_rowid(b->db), float_down(box[0]), float_up(box[1]),
                                        float_down(box[2]), float_up(box[3])};
    if (box[0] < b->extent[0]) b->extent[0] = box[0];
    if (box[1] > b->extent[1]) b->extent[1] = box[1];
    if (box[2] < b->extent[2]) b->extent[2] = box[2];
    if (box[3] > b->extent[3]) b->extent[3] = box[3];
    return 0;
}

int gpkg_bulk_end_rows(gpkg_bulk *b, char *err, size_t err_size) {
    (void)err;
    (void)err_size;
    sqlite3_finalize(b->insert);
    b->insert = NULL;
    b->db = NULL;
    return 0;
}

/* ---- the packed R-tree (Sort-Tile-Recursive) ---- */

static int by_x(const void *pa, const void *pb) {
    const rtree_cell *a = pa, *b = pb;
    double x = (double)a->minx + a->maxx, y = (double)b->minx + b->maxx;
    return x < y ? -1 : x > y;
}

static int by_y(const void *pa, const void *pb) {
    const rtree_cell *a = pa, *b = pb;
    double x = (double)a->miny + a->maxy, y = (double)b->miny + b->maxy;
    return x < y ? -1 : x > y;
}

/* One level of the tree: its cells, sorted so that each node's cells are consecutive,
 * and where each node starts (nodes + 1 offsets). */
typedef struct rtree_level {
    rtree_cell *cells;
    size_t n;
    size_t *starts;
    size_t nodes;
} rtree_level;

/* Tiles `level` into nodes of at most m cells, and makes the cells of the level above. */
static int tile(rtree_level *level, size_t m, rtree_level *above) {
    size_t n = level->n, nodes = (n + m - 1) / m;
    size_t slices = (size_t)ceil(sqrt((double)nodes)), per_slice = slices * m;
    qsort(level->cells, n, sizeof *level->cells, by_x);
    level->starts = malloc((nodes + slices + 1) * sizeof *level->starts);
    if (!level->starts) return 1;
    level->nodes = 0;
    for (size_t s = 0; s < n; s += per_slice) {
        size_t len = n - s < per_slice ? n - s : per_slice;
        qsort(level->cells + s, len, sizeof *level->cells, by_y);
        for (size_t k = 0; k < len; k += m)
            level->starts[level->nodes++] = s + k;
    }
    level->starts[level->nodes] = n;
    above->n = level->nodes;
    above->cells = malloc(above->n * sizeof *above->cells);
    if (!above->cells) return 1;
    for (size_t j = 0; j < level->nodes; j++) {
        rtree_cell box = {(int64_t)j, INFINITY, -INFINITY, INFINITY, -INFINITY};
        for (size_t i = level->starts[j]; i < level->starts[j + 1]; i++) {
            const rtree_cell *c = &level->cells[i];
            box.minx = fminf(box.minx, c->minx);
            box.maxx = fmaxf(box.maxx, c->maxx);
            box.miny = fminf(box.miny, c->miny);
            box.maxy = fmaxf(box.maxy, c->maxy);
        }
        above->cells[j] = box;
    }
    return 0;
}

static void put_be(unsigned char *p, uint64_t v, int bytes) {
    for (int i = 0; i < bytes; i++)
        p[i] = (unsigned char)(v >> (8 * (bytes - 1 - i)));
}

static void put_float_be(unsigned char *p, float f) {
    uint32_t u;
    memcpy(&u, &f, sizeof u);
    put_be(p, u, 4);
}

typedef struct rtree_writer {
    sqlite3_stmt *node, *rowid, *parent;
    unsigned char *blob;
    int node_size;
} rtree_writer;

static int step_reset(sqlite3_stmt *st) {
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    return rc != SQLITE_DONE;
}

/* Writes the nodes of `levels` (levels[0] the leaves; the top one holds one node, which
 * becomes node 1, the root). base[l] is the node number of level l's first node. */
static int write_levels(rtree_writer *w, rtree_level *levels, int nlevels, const int64_t *base) {
    for (int l = nlevels - 1; l >= 0; l--) {
        rtree_level *lv = &levels[l];
        for (size_t j = 0; j < lv->nodes; j++) {
            int64_t nodeno = base[l] + (int64_t)j;
            size_t first = lv->starts[j], count = lv->starts[j + 1] - first;
            memset(w->blob, 0, (size_t)w->node_size);
            put_be(w->blob, l == nlevels - 1 ? (uint64_t)(nlevels - 1) : 0, 2); /* depth, in the root */
            put_be(w->blob + 2, count, 2);
            for (size_t i = 0; i < count; i++) {
                const rtree_cell *c = &lv->cells[first + i];
                int64_t id = l == 0 ? c->id : base[l - 1] + c->id;
                unsigned char *p = w->blob + 4 + 24 * i;
                put_be(p, (uint64_t)id, 8);
                put_float_be(p + 8, c->minx);
                put_float_be(p + 12, c->maxx);
                put_float_be(p + 16, c->miny);
                put_float_be(p + 20, c->maxy);
                sqlite3_stmt *map = l == 0 ? w->rowid : w->parent;
                sqlite3_bind_int64(map, 1, id);
                sqlite3_bind_int64(map, 2, nodeno);
                if (step_reset(map)) return 1;
            }
            sqlite3_bind_int64(w->node, 1, nodeno);
            sqlite3_bind_blob(w->node, 2, w->blob, w->node_size, SQLITE_STATIC);
            if (step_reset(w->node)) return 1;
        }
    }
    return 0;
}

static int build_rtree(gpkg_bulk *b, sqlite3 *db, char *err, size_t err_size) {
    sqlite3_stmt *st = NULL;
    char *sql = sqlite3_mprintf("SELECT length(data) FROM \"%w_node\" WHERE nodeno = 1", b->rtree);
    int node_size = 0;
    if (sql && sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
        node_size = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
    sqlite3_free(sql);
    size_t m = node_size > 4 ? (size_t)(node_size - 4) / 24 : 0; /* 8-byte id + 4 floats per cell */
    if (m < 4) {
        snprintf(err, err_size, "unexpected R-tree node size %d in '%s'", node_size, b->rtree);
        return 1;
    }
    if (m > 51) m = 51; /* SQLite's RTREE_MAXCELLS */
    /* GDAL's empty root has told the node size; the packed tree replaces it. */
    sql = sqlite3_mprintf("DELETE FROM \"%w_node\"; DELETE FROM \"%w_rowid\"; DELETE FROM \"%w_parent\"", b->rtree,
                          b->rtree, b->rtree);
    if (!sql) {
        snprintf(err, err_size, "out of memory");
        return 1;
    }
    int cleared = !exec(db, sql, err, err_size);
    sqlite3_free(sql);
    if (!cleared) return 1;
    rtree_level levels[33]; /* up to 32 levels, and the cells above the last */
    memset(levels, 0, sizeof levels);
    int nlevels = 1, failed = 0;
    levels[0].cells = b->cells;
    levels[0].n = b->count;
    const char *problem = NULL;
    while (!problem) {
        if (tile(&levels[nlevels - 1], m, &levels[nlevels])) problem = "out of memory";
        if (problem || levels[nlevels - 1].nodes == 1) break;
        if (++nlevels == 32) problem = "more than 32 levels"; /* 51^31 rows: not reached */
    }
    failed = problem != NULL;
    free(levels[nlevels].cells); /* the cells above the root: not a level */
    int64_t base[32];
    if (!failed) {
        int64_t next = 1;
        for (int l = nlevels - 1; l >= 0; l--) {
            base[l] = next;
            next += (int64_t)levels[l].nodes;
        }
    }
    rtree_writer w = {NULL, NULL, NULL, calloc(1, (size_t)node_size), node_size};
    char *q[3] = {sqlite3_mprintf("INSERT OR REPLACE INTO \"%w_node\" (nodeno, data) VALUES (?, ?)", b->rtree),
                  sqlite3_mprintf("INSERT INTO \"%w_rowid\" (rowid, nodeno) VALUES (?, ?)", b->rtree),
                  sqlite3_mprintf("INSERT INTO \"%w_parent\" (nodeno, parentnode) VALUES (?, ?)", b->rtree)};
    sqlite3_stmt **stmts[3] = {&w.node, &w.rowid, &w.parent};
    for (int i = 0; !failed && i < 3; i++)
        if (!q[i] || sqlite3_prepare_v2(db, q[i], -1, stmts[i], NULL) != SQLITE_OK) failed = 1;
    if (!problem && !w.blob) problem = "out of memory";
    for (int i = 0; !problem && i < 3; i++)
        if (!q[i]) problem = "out of memory";
    if (problem || failed) {
        snprintf(err, err_size, "cannot build the spatial index of '%s': %s", b->table,
                 problem ? problem : sqlite3_errmsg(db));
        failed = 1;
    } else if (write_levels(&w, levels, nlevels, base)) {
        failed = db_error(db, "cannot write the spatial index", err, err_size);
    }
    for (int i = 0; i < 3; i++) {
        sqlite3_finalize(*stmts[i]);
        sqlite3_free(q[i]);
    }
    free(w.blob);
    for (int l = 0; l < nlevels; l++) {
        free(levels[l].starts);
        if (l > 0) free(levels[l].cells);
    }
    return failed;
}

int gpkg_bulk_finish(gpkg_bulk *b, const char *path, char *err, size_t err_size) {
    sqlite3 *db = NULL;
    if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK) {
        int failed = db_error(db, "cannot reopen the output", err, err_size);
        sqlite3_close(db);
        return failed;
    }
    int failed = exec(db, "PRAGMA synchronous = OFF; BEGIN", err, err_size);
    if (!failed && b->count) failed = build_rtree(b, db, err, err_size);
    for (size_t i = 0; !failed && i < b->ntriggers; i++) {
        char *sql = sqlite3_mprintf("DROP TRIGGER IF EXISTS \"%w\"", b->trigger_names[i]);
        failed = !sql || exec(db, sql, err, err_size) || exec(db, b->triggers[i], err, err_size);
        sqlite3_free(sql);
    }
    if (!failed && b->count) {
        char *sql =
            sqlite3_mprintf("UPDATE gpkg_contents SET min_x = %.17g, max_x = %.17g, min_y = %.17g, max_y = %.17g "
                            "WHERE lower(table_name) = lower('%q')",
                            b->extent[0], b->extent[1], b->extent[2], b->extent[3], b->table);
        failed = !sql || exec(db, sql, err, err_size);
        sqlite3_free(sql);
    }
    if (!failed) {
        /* GDAL's own feature count table, when the file has it. */
        sqlite3_stmt *st = NULL;
        if (sqlite3_prepare_v2(db, "SELECT 1 FROM sqlite_master WHERE name = 'gpkg_ogr_contents'", -1, &st, NULL) ==
                SQLITE_OK &&
            sqlite3_step(st) == SQLITE_ROW) {
            sqlite3_finalize(st);
            st = NULL;
            char *sql = sqlite3_mprintf("UPDATE gpkg_ogr_contents SET feature_count = (SELECT count(*) FROM \"%w\") "
                                        "WHERE lower(table_name) = lower('%q')",
                                        b->table, b->table);
            failed = !sql || exec(db, sql, err, err_size);
            sqlite3_free(sql);
        }
        sqlite3_finalize(st);
    }
    if (!failed) failed = exec(db, "COMMIT", err, err_size);
    if (sqlite3_close(db) != SQLITE_OK && !failed) failed = db_error(db, "cannot close the output", err, err_size);
    return failed;
}

void gpkg_bulk_free(gpkg_bulk *b) {
    if (!b) return;
    sqlite3_finalize(b->insert);
    for (size_t i = 0; i < b->ntriggers; i++) {
        free(b->triggers[i]);
        free(b->trigger_names[i]);
    }
    free(b->cells);
    free(b->blob);
    free(b);
}
