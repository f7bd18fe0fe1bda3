/*
 * guotu_border.h — cross-city boundary conflicts (三下三上 coordination, SPEC §6).
 *
 * Adjacent admin units (cities or counties) submit ecological elements: red lines,
 * farmland, urban boundaries or named element types (a free-text category). Along every
 * shared border the submissions of the two sides are compared within a corridor, and the
 * base map itself is checked. Admin units and elements go in as WKB; results come out
 * through callbacks (border segments, conflicts, issues) and per-pair summary rows.
 *
 * Distances are metres: the CRS must be projected (a Gauss-Krüger zone such as EPSG:4527;
 * reproject geographic data such as EPSG:4490 first). Lengths are planar in that CRS;
 * areas follow `area_method` (ellipsoidal by default, SPEC §2).
 *
 * Definitions (the numbers in brackets are the options below):
 *
 * Shared border of units A and B (A added before B): the part of A's boundary within
 * [snap_m] of B, line-merged. Where a part starts or ends with a stub that turns away by more
 * than 45° within 4 × [snap_m] of its end (A's boundary leaving B at a corner), the stub is cut
 * off. A and B are adjacent when what is left is at least 4 × [snap_m] long, so units that
 * meet at a corner are not neighbours. Small gaps and overlaps between neighbours thus still
 * give one border.
 *
 * Base map issues: "admin_invalid" (a unit's geometry is invalid; repaired and used, the
 * point says where), "admin_empty" (a unit without ground: no neighbours, its elements are
 * not compared; no geometry), "admin_overlap" (A ∩ B, with its area), "admin_gap" (ground within
 * [snap_m] of both A and B and of their shared border, not beyond its ends, covered by no
 * admin unit: the sliver between neighbours; pieces no longer than 10 × [snap_m] across are
 * the lens where two boundaries part and are left out), each reported when at least
 * [basemap_min_m2].
 * Input issues: "element_invalid" (repaired and used), "element_no_city" (empty city id) and
 * "element_unknown_city" (a city id that is no admin unit's id): these two elements cannot be
 * compared and are reported with their geometry, never dropped silently;
 * "element_no_geometry" (an element without geometry).
 *
 * Along a shared border, with the corridor = the ground within [corridor_m] of the border:
 *  - an element of S "faces" a point p of the border when its side part (its part in the
 *    corridor outside the other unit) projects onto p (the nearest border points of the
 *    vertices of its outline span p);
 *  - it "reaches" the border at p when its part within [reach_m] of the border faces p.
 * Each point of the border gets one status, in this order:
 *  - "overlap": an overlap polygon (below) faces p;
 *  - "coordinated": elements of both sides reach p and share a category;
 *  - "category_mismatch": elements of both sides reach p with no category in common
 *    (red line against farmland...);
 *  - "gap": one side reaches p and the other only faces it (its element stops short of
 *    the border inside the corridor), or neither reaches p and both face it: a strip that
 *    nobody protects between elements running towards each other;
 *  - "discontinuity": one side reaches p and the other side has nothing facing p: the
 *    element stops at the border;
 *  - "none": nothing of the above (no element of either side, or one side's element ends
 *    short of the border with nothing on the other side).
 * The border is split into segments where the status or the categories reaching it on
 * either side change.
 *
 * Conflicts (kinds of SPEC §6):
 *  - "overlap", detail "crossing": an element of one side beyond its unit into the other
 *    (element ∩ other unit), area at least [min_area_m2]; detail "double_claim": elements
 *    of the two sides covering the same ground (element ∩ element), area at least
 *    [min_area_m2]. The polygon is the overlap; the line is the border it faces. Only
 *    elements meeting the corridor are checked (an element crossing a border meets it), and
 *    only into the neighbour of that border; crossings thinner than 0.1 mm are rounding.
 *  - "gap": each gap segment at least [min_length_m] long; its polygon is the unprotected
 *    strip: the corridor along the segment (flat ends) on the side(s) not reaching the
 *    border, less the elements of both sides, the pieces that touch the border.
 *  - "discontinuity", "category_mismatch": each such segment at least [min_length_m] long
 *    (a line, no area).
 *
 * Per pair summary: border length and the length of each status; overlap area (union of
 * the reported overlap polygons), gap area; the base map's overlap and gap areas; and
 *   weighted_conflict_m = w_o·overlap_m + w_c·category_mismatch_m + w_g·gap_m + w_d·discontinuity_m
 *   score = 100 × weighted_conflict_m ÷ (border_m − none_m)   (0 when nothing faces the border)
 * with the weights [weight_*] (default 1, 1, 0.75, 0.5: a crossing or a contradiction is
 * worse than an unprotected strip, which is worse than an element that stops where the
 * neighbour has nothing — that may be a real edge). Reviewers sort by score (how badly the
 * coordinated part disagrees) or by weighted_conflict_m (how much).
 */
#ifndef GUOTU_BORDER_H
#define GUOTU_BORDER_H

#ifndef GUOTU_H
#error "include <guotu/guotu.h>, not this file"
#endif

#ifdef __cplusplus
extern "C" {
#endif

typedef struct guotu_border_options {
    const char *crs;               /* projected CRS of every geometry; borrowed during create */
    guotu_area_method area_method; /* default ellipsoidal */
    double corridor_m;             /* width of the search corridor on each side; default 200 */
    double reach_m;                /* an element this close to the border reaches it; default 5 */
    double snap_m;                 /* tolerance of the admin base map; default 1 */
    double min_length_m;           /* shorter gap / discontinuity / mismatch segments are not
                                      conflicts (still in the segments); default 10 */
    double min_area_m2;            /* smaller overlaps are not conflicts; default 100 */
    double basemap_min_m2;         /* smaller admin overlaps / gaps are not reported; default 1 */
    double weight_overlap, weight_mismatch, weight_gap, weight_discontinuity; /* 1, 1, 0.75, 0.5 */
    /* Share of the work, to use several threads: with parts > 1 this object compares only the
     * pairs of part `part` (0 .. parts-1; a fixed hash of the pair) and only part 0 reports
     * the input issues. Give each thread its own context and object with the same inputs,
     * run them, then guotu_border_merge them into part 0's. Default 0 of 1 (everything). */
    int part, parts;
} guotu_border_options;

GUOTU_API void guotu_border_options_init(guotu_border_options *opts);

typedef struct guotu_border guotu_border;

/* Fails with GUOTU_ERR_CRS for a geographic or unknown CRS. Caller frees with guotu_border_destroy. */
GUOTU_API int guotu_border_create(guotu_context *ctx, const guotu_border_options *opts, guotu_border **out);
GUOTU_API void guotu_border_destroy(guotu_context *ctx, guotu_border *b);

/* An admin unit. `id` must be non-empty and unique (GUOTU_ERR_DATA naming both features);
 * `name` may be NULL. Invalid geometry is repaired and reported ("admin_invalid"). */
GUOTU_API int guotu_border_add_admin(guotu_context *ctx, guotu_border *b, const char *id, const char *name, int64_t fid,
                                     const unsigned char *wkb, size_t wkb_size);

/* An element submitted by city `city_id` (an admin id; checked at run time, so admins and
 * elements may come in any order), of `category` (non-empty), `name` may be NULL or "".
 * A non-polygon geometry fails (GUOTU_ERR_GEOMETRY naming the feature); no geometry is an
 * issue, not a failure. */
GUOTU_API int guotu_border_add_element(guotu_context *ctx, guotu_border *b, const char *city_id, const char *category,
                                       const char *name, int64_t fid, const unsigned char *wkb, size_t wkb_size);

/* A piece of a shared border with one status (see the definitions above). Strings and WKB
 * are borrowed for the duration of the callback. */
typedef struct guotu_border_segment {
    const char *admin_a, *admin_b;           /* ids; a was added before b */
    const char *status;                      /* "coordinated", "overlap", "gap", "discontinuity",
                                                "category_mismatch" or "none" */
    const char *categories_a, *categories_b; /* categories reaching the border, sorted, "," joined */
    const char *names_a, *names_b;           /* element names reaching (for gaps: facing) it */
    double length_m;
    int64_t conflict_id;      /* the conflict reported for this segment, or -1 */
    const unsigned char *wkb; /* LineString */
    size_t wkb_size;
} guotu_border_segment;

typedef struct guotu_border_conflict {
    int64_t id;                              /* 1, 2, ... in the order reported (see `parts`) */
    const char *kind;                        /* "overlap", "gap", "discontinuity", "category_mismatch" */
    const char *detail;                      /* overlap: "crossing" / "double_claim"; gap: "one_side" /
                                                "both_sides"; otherwise "" */
    const char *admin_a, *admin_b;           /* the pair (ids) */
    const char *side;                        /* id of the unit whose element crosses (overlap crossing),
                                                whose side is unprotected (gap) or has nothing (discontinuity);
                                                "" when both or neither */
    const char *categories_a, *categories_b; /* as in the segment; for overlaps the elements' categories */
    const char *names_a, *names_b;
    int64_t fid_a, fid_b;          /* elements of an overlap (-1 when not one), else -1 */
    double length_m;               /* border length of the conflict (for overlaps: the border it faces) */
    double area_m2;                /* overlap or gap area; 0 for the line kinds */
    const unsigned char *line_wkb; /* border segment(s) (LineString / MultiLineString) or NULL */
    size_t line_wkb_size;
    const unsigned char *area_wkb; /* Polygon / MultiPolygon or NULL */
    size_t area_wkb_size;
} guotu_border_conflict;

typedef struct guotu_border_issue {
    const char *kind;              /* see the definitions above */
    const char *admin_a, *admin_b; /* units involved ("" when none) */
    int64_t fid;                   /* admin or element feature id, -1 for pair issues */
    const char *city_id;           /* of an element issue, as given; else "" */
    double area_m2;                /* admin overlap / gap area, else 0 */
    const char *message_zh, *message_en;
    const unsigned char *wkb; /* Point (invalid geometry), Polygon / MultiPolygon, or NULL */
    size_t wkb_size;
} guotu_border_issue;

/* Each returns 0 to go on, non-zero to stop (the run then fails with GUOTU_ERR_CANCELLED).
 * Any may be NULL. */
typedef struct guotu_border_callbacks {
    int (*segment)(const guotu_border_segment *s, void *user_data);
    int (*conflict)(const guotu_border_conflict *c, void *user_data);
    int (*issue)(const guotu_border_issue *i, void *user_data);
} guotu_border_callbacks;

/* Finds the neighbours and compares every shared border; reports progress ("comparing
 * borders"). Once. */
GUOTU_API int guotu_border_run(guotu_context *ctx, guotu_border *b, const guotu_border_callbacks *callbacks,
                               void *user_data);

typedef struct guotu_border_pair {
    const char *admin_a, *admin_b, *name_a, *name_b;
    double border_m, coordinated_m, overlap_m, gap_m, discontinuity_m, mismatch_m, none_m;
    double overlap_area_m2, gap_area_m2;   /* of the reported conflicts */
    double admin_overlap_m2, admin_gap_m2; /* base map */
    int64_t conflicts;                     /* conflicts reported for the pair */
    double weighted_conflict_m, score;
} guotu_border_pair;

/* Adjacent pairs in the order found (by a, then b); valid after run. Strings borrowed
 * until destroy. */
GUOTU_API size_t guotu_border_pair_count(const guotu_border *b);
GUOTU_API int guotu_border_pair_row(guotu_context *ctx, const guotu_border *b, size_t i, guotu_border_pair *out);

/* Merges the pair rows and counts of `other` (another part, same inputs, run) into `b`;
 * rows are then ordered by a, then b, as one object would have found them. Conflict ids
 * stay unique: part k numbers its conflicts k+1, k+1+parts, ... `other` may be destroyed
 * afterwards. */
GUOTU_API int guotu_border_merge(guotu_context *ctx, guotu_border *b, const guotu_border *other);

typedef struct guotu_border_stats {
    int64_t admins, elements, elements_compared; /* compared = near some shared border */
    int64_t elements_no_city, elements_unknown_city, elements_invalid, elements_no_geometry;
    int64_t admins_invalid;
} guotu_border_stats;

/* Counts; valid after run. */
GUOTU_API int guotu_border_get_stats(guotu_context *ctx, const guotu_border *b, guotu_border_stats *out);

#ifdef __cplusplus
}
#endif

#endif /* GUOTU_BORDER_H */
