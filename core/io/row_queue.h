/* row_queue.h — rows (texts, numbers, a WKB geometry) handed from the threads that compute
 * them to the one thread that writes them, in batches.
 *
 * `guotu convert` makes millions of pieces; with the overlay fast, writing them into the
 * GeoPackage is as much work as computing them. A queue lets the two run on separate cores
 * without the computing threads ever waiting on SQLite (only when the writer is a few
 * batches behind), and keeps the file written by a single thread.
 *
 * The rows are written in the order of their sequence numbers whatever thread computed them
 * and whenever: a producer numbers the rows of each unit of its work (the conversion: a batch
 * of consecutive "after" features) and ends each sequence; the writer holds a sequence that
 * arrives early until the ones before it are written. The output is then the same file for
 * any number of threads. Sequences are numbered 0, 1, 2 … without gaps over all producers. */
#ifndef GUOTU_IO_ROW_QUEUE_H
#define GUOTU_IO_ROW_QUEUE_H

#include <stddef.h>

enum { ROW_QUEUE_MAX_COLUMNS = 16 };

typedef struct row_queue row_queue;
typedef struct row_batch row_batch; /* a producer's batch being filled; NULL to start */

/* A queue for `columns` columns (at most ROW_QUEUE_MAX_COLUMNS) fed by `producers` threads.
 * Returns NULL when out of memory. Free with row_queue_free once drained. */
row_queue *row_queue_create(int columns, int producers);
void row_queue_free(row_queue *q);

enum { ROW_QUEUE_STOPPED = 1, ROW_QUEUE_NOMEM = 2 };

/* Producer: copies one row of sequence `seq` into *batch (texts[i] may be NULL; reals[i] per
 * column; wkb may be NULL) and hands the batch over when full. Every row of one sequence comes
 * from one producer. Returns 0, or when the producer must stop ROW_QUEUE_STOPPED (the writer
 * has failed and says why) or ROW_QUEUE_NOMEM. */
int row_queue_add(row_queue *q, row_batch **batch, long long seq, const char *const *texts, const double *reals,
                  const unsigned char *wkb, size_t wkb_size);

/* Producer: sequence `seq` is complete (it may have no rows): hands over what is left of it.
 * Returns 0, ROW_QUEUE_STOPPED or ROW_QUEUE_NOMEM as row_queue_add. */
int row_queue_end_sequence(row_queue *q, row_batch **batch, long long seq);

/* Producer: hands over what is left in *batch and says this producer is done. Call once
 * per producer, also after a failure. */
void row_queue_done(row_queue *q, row_batch **batch);

/* What the writer does with a row; returns 0, or 1 on failure. */
typedef int (*row_sink)(void *user, const char *const *texts, const double *reals, const unsigned char *wkb,
                        size_t wkb_size);

/* What the writer does once a sequence is complete (`done`: sequences written so far): report
 * progress on the writer's thread, notice a cancel. Returns 0, or 1 to stop as a failed sink. */
typedef int (*row_progress)(void *user, long long done);

/* Writer: passes every row to `sink`, in sequence order, until all producers are done, and calls
 * `progress` (may be NULL) after each complete sequence. After a failure of either the
 * producers are told to stop and the remaining rows are dropped. Returns 0, or 1 when the sink
 * or `progress` failed. */
int row_queue_drain(row_queue *q, row_sink sink, row_progress progress, void *user);

#endif
