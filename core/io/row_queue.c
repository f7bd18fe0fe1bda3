/* row_queue.c — batches of rows from computing threads to the writing thread. */
#include "row_queue.h"

#include "io_util.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* A batch goes to the writer when it holds this many rows or bytes of texts and
 * geometries, whichever comes first: memory stays bounded whatever the pieces' size,
 * and offsets fit in 32 bits. */
#define BATCH_BYTES ((size_t)64 << 20)

enum {
    BATCH_ROWS = 4096,
    MAX_WAITING = 8, /* full batches queued before producers wait for the writer */
    NO_TEXT = UINT32_MAX
};

typedef struct row_record {
    uint32_t text[ROW_QUEUE_MAX_COLUMNS]; /* offsets into the arena, or NO_TEXT */
    double real[ROW_QUEUE_MAX_COLUMNS];
    size_t wkb, wkb_size; /* offset and size; size 0 = no geometry */
} row_record;

struct row_batch {
    row_batch *next;
    long long seq; /* the sequence its rows belong to */
    int ends_seq;  /* the last batch of that sequence */
    size_t count;
    row_record rows[BATCH_ROWS];
    unsigned char *arena; /* the rows' texts and geometries, by offset */
    size_t used, cap;
};

struct row_queue {
    pthread_mutex_t lock;
    pthread_cond_t changed;
    int columns, producers;
    int failed; /* the writer failed: producers stop */
    row_batch *head, *tail;
    size_t waiting;
    row_batch *spare; /* emptied batches for reuse */
};

row_queue *row_queue_create(int columns, int producers) {
    if (columns < 0 || columns > ROW_QUEUE_MAX_COLUMNS) return NULL;
    row_queue *q = calloc(1, sizeof *q);
    if (!q) return NULL;
    pthread_mutex_init(&q->lock, NULL);
    pthread_cond_init(&q->changed, NULL);
    q->columns = columns;
    q->producers = producers;
    return q;
}

static void free_batches(row_batch *b) {
    while (b) {
        row_batch *next = b->next;
        free(b->arena);
        free(b);
        b = next;
    }
}

void row_queue_free(row_queue *q) {
    if (!q) return;
    free_batches(q->head);
    free_batches(q->spare);
    pthread_cond_destroy(&q->changed);
    pthread_mutex_destroy(&q->lock);
    free(q);
}

/* Copies n bytes into the batch's arena; returns the offset, or SIZE_MAX when out of memory. */
static size_t keep(row_batch *b, const void *data, size_t n) {
    if (n > SIZE_MAX - b->used || io_reserve(&b->arena, &b->cap, b->used + n, 1, (size_t)1 << 20)) return SIZE_MAX;
    memcpy(b->arena + b->used, data, n);
    b->used += n;
    return b->used - n;
}

/* Queues a full batch (waiting while the writer is behind); returns 1 when it failed. */
static int hand_over(row_queue *q, row_batch *b) {
    pthread_mutex_lock(&q->lock);
    while (q->waiting >= MAX_WAITING && !q->failed)
        pthread_cond_wait(&q->changed, &q->lock);
    int failed = q->failed;
    b->next = NULL;
    if (q->tail)
        q->tail->next = b;
    else
        q->head = b;
    q->tail = b;
    q->waiting++;
    pthread_cond_broadcast(&q->changed);
    pthread_mutex_unlock(&q->lock);
    return failed;
}

static row_batch *take_batch(row_queue *q) {
    pthread_mutex_lock(&q->lock);
    row_batch *b = q->spare;
    if (b) q->spare = b->next;
    pthread_mutex_unlock(&q->lock);
    if (!b) b = calloc(1, sizeof *b);
    if (b) {
        b->count = b->used = 0;
        b->ends_seq = 0;
    }
    return b;
}

int row_queue_add(row_queue *q, row_batch **batch, long long seq, const char *const *texts, const double *reals,
                  const unsigned char *wkb, size_t wkb_size) {
    if (!*batch && !(*batch = take_batch(q))) return ROW_QUEUE_NOMEM;
    row_batch *b = *batch;
    b->seq = seq;
    row_record *r = &b->rows[b->count];
    for (int i = 0; i < q->columns; i++) {
        r->real[i] = reals[i];
        r->text[i] = NO_TEXT;
        if (texts[i]) {
            size_t at = keep(b, texts[i], strlen(texts[i]) + 1);
            if (at == SIZE_MAX || at >= NO_TEXT) return ROW_QUEUE_NOMEM;
            r->text[i] = (uint32_t)at;
        }
    }
    r->wkb_size = wkb ? wkb_size : 0;
    if (wkb && (r->wkb = keep(b, wkb, wkb_size)) == SIZE_MAX) return ROW_QUEUE_NOMEM;
    if (++b->count < BATCH_ROWS && b->used < BATCH_BYTES) return 0;
    *batch = NULL;
    return hand_over(q, b) ? ROW_QUEUE_STOPPED : 0;
}

int row_queue_end_sequence(row_queue *q, row_batch **batch, long long seq) {
    if (!*batch && !(*batch = take_batch(q))) return ROW_QUEUE_NOMEM;
    row_batch *b = *batch;
    b->seq = seq;
    b->ends_seq = 1;
    *batch = NULL;
    return hand_over(q, b) ? ROW_QUEUE_STOPPED : 0;
}

void row_queue_done(row_queue *q, row_batch **batch) {
    if (*batch && (*batch)->count) {
        hand_over(q, *batch);
    } else if (*batch) {
        free((*batch)->arena);
        free(*batch);
    }
    *batch = NULL;
    pthread_mutex_lock(&q->lock);
    q->producers--;
    pthread_cond_broadcast(&q->changed);
    pthread_mutex_unlock(&q->lock);
}

/* Tells the producers to stop (the writer failed, or the user cancelled). */
static void stop_producers(row_queue *q) {
    pthread_mutex_lock(&q->lock);
    q->failed = 1;
    pthread_cond_broadcast(&q->changed);
    pthread_mutex_unlock(&q->lock);
}

/* Passes the rows of b to the sink (none after a failure); then b goes back to the spares. */
static int write_batch(row_queue *q, row_batch *b, row_sink sink, void *user, int failed) {
    const char *texts[ROW_QUEUE_MAX_COLUMNS];
    for (size_t k = 0; !failed && k < b->count; k++) {
        const row_record *r = &b->rows[k];
        for (int i = 0; i < q->columns; i++)
            texts[i] = r->text[i] == NO_TEXT ? NULL : (const char *)b->arena + r->text[i];
        if (sink(user, texts, r->real, r->wkb_size ? b->arena + r->wkb : NULL, r->wkb_size)) {
            failed = 1;
            stop_producers(q);
        }
    }
    pthread_mutex_lock(&q->lock);
    b->next = q->spare;
    q->spare = b;
    pthread_mutex_unlock(&q->lock);
    return failed;
}

int row_queue_drain(row_queue *q, row_sink sink, row_progress progress, void *user) {
    int failed = 0;
    long long next = 0;                         /* the sequence written now */
    row_batch *held = NULL, **held_end = &held; /* batches of later sequences, in arrival order */
    for (;;) {
        pthread_mutex_lock(&q->lock);
        while (!q->head && q->producers > 0)
            pthread_cond_wait(&q->changed, &q->lock);
        row_batch *b = q->head;
        if (b) {
            q->head = b->next;
            if (!q->head) q->tail = NULL;
            q->waiting--; /* held batches do not count: the producers of earlier sequences go on */
            pthread_cond_broadcast(&q->changed);
        }
        pthread_mutex_unlock(&q->lock);
        if (!b) break; /* every producer done and nothing left */
        if (b->seq != next) {
            b->next = NULL;
            *held_end = b;
            held_end = &b->next;
            continue;
        }
        int ended = b->ends_seq;
        failed = write_batch(q, b, sink, user, failed);
        /* The held batches of the next sequences, as they become due. */
        while (ended) {
            next++;
            ended = 0;
            if (!failed && progress && progress(user, next)) {
                failed = 1;
                stop_producers(q);
            }
            for (row_batch **at = &held; *at;) {
                row_batch *h = *at;
                if (h->seq != next) {
                    at = &h->next;
                    continue;
                }
                *at = h->next;
                if (!*at) held_end = at;
                ended = h->ends_seq;
                failed = write_batch(q, h, sink, user, failed);
                if (ended) break;
            }
        }
    }
    /* With every sequence complete nothing is held now. Were one missing (a producer that
     * stopped early: the run has failed and its output is dropped), the rest goes in arrival
     * order rather than being lost. */
    while (held) {
        row_batch *h = held;
        held = h->next;
        failed = write_batch(q, h, sink, user, failed);
    }
    return failed;
}
