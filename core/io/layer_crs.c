/* layer_crs.c — one rule for bringing an input layer into the CRS of a run: the same CRS is
 * read as it is, another CRS is reprojected (with a note) or refused (--crs-mismatch fail), and a
 * layer without a CRS next to a run with one (or the other way round) is refused. Every job
 * and command that reads several vector layers uses it, so that they say the same thing. */
#include "vector_source.h"

#include <stdio.h>
#include <string.h>

const char *layer_crs_name(OGRSpatialReferenceH srs, char *buf, size_t size) {
    const char *auth = OSRGetAuthorityName(srs, NULL), *code = OSRGetAuthorityCode(srs, NULL);
    const char *name = OSRGetName(srs);
    if (auth && code)
        snprintf(buf, size, "%s (%s:%s)", name ? name : "unnamed", auth, code);
    else
        snprintf(buf, size, "%s", name ? name : "unnamed CRS");
    return buf;
}

int layer_crs_same(OGRSpatialReferenceH a, OGRSpatialReferenceH b, int equivalent) {
    /* Files store x = easting/longitude whatever the CRS's official axis order. */
    const char *strict[] = {"IGNORE_DATA_AXIS_TO_SRS_AXIS_MAPPING=YES", NULL};
    const char *loose[] = {"IGNORE_DATA_AXIS_TO_SRS_AXIS_MAPPING=YES", "CRITERION=EQUIVALENT", NULL};
    return OSRIsSameEx(a, b, equivalent ? loose : strict);
}

int layer_crs_align(const layer_crs_target *t, vector_source *src, const char *role, int *reprojected, char *err,
                    size_t err_size) {
    if (reprojected) *reprojected = 0;
    OGRSpatialReferenceH have = vector_source_crs(src), want = t->srs;
    const char *words = t->words ? t->words : "the run";
    char a[300], b[300];
    if (!have && !want) return 0;
    if (!have) {
        snprintf(err, err_size, "the %s layer '%.200s' of '%.600s' has no CRS but %.200s %s in %s: give both a CRS",
                 role, src->layer_name, src->path, words, t->plural ? "are" : "is", layer_crs_name(want, b, sizeof b));
        return 1;
    }
    if (!want) {
        snprintf(err, err_size, "the %s layer '%.200s' of '%.600s' is in %s but %.200s %s none: give both a CRS", role,
                 src->layer_name, src->path, layer_crs_name(have, a, sizeof a), words, t->plural ? "have" : "has");
        return 1;
    }
    if (layer_crs_same(have, want, t->equivalent)) return 0;
    /* In the own CRS of the layer that chose the run's metric zone: read in that zone like it. */
    int own = t->own && layer_crs_same(have, t->own, t->equivalent);
    layer_crs_name(have, a, sizeof a);
    layer_crs_name(want, b, sizeof b);
    if (!own && t->refuse) {
        snprintf(err, err_size,
                 "the %s layer '%.200s' of '%.600s' is in %s, another CRS than %.200s (%s) (--crs-mismatch fail)", role,
                 src->layer_name, src->path, a, words, b);
        return 1;
    }
    if (!own && t->note) {
        char message[1200];
        snprintf(message, sizeof message, "reprojecting the %s layer '%.200s' from %s to %s", role, src->layer_name, a,
                 b);
        t->note(message, t->note_user);
    }
    if (vector_source_reproject_to(src, want, err, err_size)) return 1;
    if (reprojected) *reprojected = 1;
    return 0;
}
