#ifndef REGDESK_LOCAL_SAFEFILE_H
#define REGDESK_LOCAL_SAFEFILE_H
/* Writing a file that is either whole or not there: for the token file, exports, and
 * any file regdesk writes (a log appends whole records with files_append_record, files.h).
 *
 * safefile_open creates a temporary file beside the target (same directory, so the
 * final rename is atomic; mode 0600), safefile_write streams into it, and
 * safefile_commit fsyncs it, renames it over the target and fsyncs the directory. Any
 * failure on the way (a read-only directory, a full disk, a file size limit, /dev/full
 * or another target that is not a regular file) refuses the action with one sentence
 * naming the file and what to do, removes the temporary file, and leaves the target as
 * it was. SIGXFSZ must be ignored (process_harden does) so that a file size limit is an
 * error, not a kill. Paths are quoted with QS in the sentences (core/msg.h). */
#include <stdbool.h>
#include <stddef.h>

typedef struct SafeFile SafeFile;

enum {
    SAFEFILE_EXCL = 1u << 0, /* refuse to replace an existing file (checked atomically at commit) */
};

SafeFile *safefile_open(const char *path, unsigned flags, char *err, size_t n);
bool safefile_write(SafeFile *f, const void *data, size_t len, char *err, size_t n);
/* Makes the file whole at its path; frees f either way. */
bool safefile_commit(SafeFile *f, char *err, size_t n);
/* Drops the temporary file; the target is untouched. Frees f. */
void safefile_abort(SafeFile *f);

/* open + one write + commit. */
bool safefile_write_all(const char *path, const void *data, size_t len, unsigned flags, char *err, size_t n);

#endif
