/*
 * guotu_frame.h — the provincial transmission framework (省级定框架, SPEC §10): the
 * catalogue (名录) of cross-city ecological elements and what the cities submitted
 * against it.
 *
 * The province lists elements in a catalogue: element id (unique, non-empty), name, type
 * (mountain, river, corridor ...), the cities it spans (their admin ids) and the indicators
 * that apply. Cities submit the elements they drew, each naming the catalogue id it
 * stands for. The catalogue check reports, per city:
 *  - "not_submitted": a catalogue element listing the city of which the city submitted no
 *    feature (one finding per element and city; no feature, fid -1);
 *  - "not_in_catalogue": a submitted feature whose element id is no catalogue id (an empty
 *    element id included: it matches nothing);
 *  - "city_not_listed": a submitted feature whose element is in the catalogue, but the
 *    catalogue does not list the submitting city for it;
 *  - "no_city": a submitted feature with an empty city id (it cannot be counted for any city).
 * Ids are compared exactly (after trimming blanks at both ends); an element submitted as
 * several features counts once for the city.
 *
 * Catalogue lists (cities, indicators) are separated by ';' ',' '|' '、' or '；'. The
 * indicators are the framework's names: area, elevation_min, elevation_mean, elevation_max,
 * slope_mean, slope_share, forest_share; any other name is refused (GUOTU_ERR_DATA), so a
 * misspelt indicator is never silently left unchecked.
 */
#ifndef GUOTU_FRAME_H
#define GUOTU_FRAME_H

#ifndef GUOTU_H
#error "include <guotu/guotu.h>, not this file"
#endif

#ifdef __cplusplus
extern "C" {
#endif

typedef struct guotu_frame guotu_frame;

/* Caller frees with guotu_frame_destroy. */
GUOTU_API int guotu_frame_create(guotu_context *ctx, guotu_frame **out);
GUOTU_API void guotu_frame_destroy(guotu_context *ctx, guotu_frame *f);

/* One catalogue entry; strings are copied. `element_id` non-empty and unique, `type`
 * non-empty, `cities` at least one id (GUOTU_ERR_DATA otherwise, naming the element);
 * `name` and `indicators` may be NULL or "". */
GUOTU_API int guotu_frame_add_entry(guotu_context *ctx, guotu_frame *f, const char *element_id, const char *name,
                                    const char *type, const char *cities, const char *indicators);

/* A catalogue as CSV text (UTF-8, header with the columns element_id, name, type, cities,
 * indicators; other columns are ignored). Each record goes through guotu_frame_add_entry;
 * errors name `label` and the line. `text` is borrowed for the call. */
GUOTU_API int guotu_frame_load_catalogue(guotu_context *ctx, guotu_frame *f, const char *text, size_t size,
                                         const char *label);

/* A submitted feature of city `city_id` standing for catalogue element `element_id` (either
 * may be "" or NULL: a finding, not a failure); `name` may be NULL. The WKB (may be NULL) is
 * copied and handed back with the feature's findings. Entries and submissions may come in
 * any order. */
GUOTU_API int guotu_frame_add_submission(guotu_context *ctx, guotu_frame *f, const char *city_id,
                                         const char *element_id, const char *name, int64_t fid,
                                         const unsigned char *wkb, size_t wkb_size);

typedef struct guotu_frame_finding {
    const char *kind;         /* "not_submitted", "not_in_catalogue", "city_not_listed", "no_city" */
    const char *city_id;      /* the city concerned ("" for no_city) */
    const char *element_id;   /* the catalogue id, or the id as submitted */
    const char *element_name; /* the catalogue's name, else the submitted name */
    const char *element_type; /* the catalogue's type, "" when not in the catalogue */
    const char *cities;       /* the catalogue's cities, ";" joined, "" when not in the catalogue */
    int64_t fid;              /* the submitted feature, -1 for not_submitted */
    const char *message_zh, *message_en;
    const unsigned char *wkb; /* the submitted geometry as given, or NULL */
    size_t wkb_size;
} guotu_frame_finding;

/* Returns 0 to go on, non-zero to stop (the check then fails with GUOTU_ERR_CANCELLED).
 * Strings and WKB are borrowed for the duration of the call. */
typedef int (*guotu_frame_finding_fn)(const guotu_frame_finding *finding, void *user_data);

/* Compares the submissions with the catalogue; findings in this order: not_submitted by
 * catalogue entry then by the entry's cities, then the submissions' findings in the order
 * added. May be called again after more adds. `fn` may be NULL (counts only). */
GUOTU_API int guotu_frame_check_catalogue(guotu_context *ctx, guotu_frame *f, guotu_frame_finding_fn fn,
                                          void *user_data);

/* Per city, after the check: every city of the catalogue (in order of first listing), then
 * the submitting cities the catalogue does not list (in order of first submission). */
typedef struct guotu_frame_city {
    const char *city_id;
    int64_t listed;                            /* catalogue elements listing the city */
    int64_t submitted;                         /* of those, how many the city submitted (at least one feature) */
    int64_t not_submitted;                     /* listed - submitted */
    int64_t features;                          /* features the city submitted */
    int64_t not_in_catalogue, city_not_listed; /* features with these findings */
} guotu_frame_city;

/* Valid after guotu_frame_check_catalogue. Strings borrowed until the next check or destroy. */
GUOTU_API size_t guotu_frame_city_count(const guotu_frame *f);
GUOTU_API int guotu_frame_city_row(guotu_context *ctx, const guotu_frame *f, size_t i, guotu_frame_city *out);

#ifdef __cplusplus
}
#endif

#endif /* GUOTU_FRAME_H */
