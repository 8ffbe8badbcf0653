#ifndef REGDESK_LOCAL_WHOLEFILE_H
#define REGDESK_LOCAL_WHOLEFILE_H
/* A file that is either whole at its path or not there (the dashboard's export).
 *
 * wholefile_open creates a temporary file beside the target (same directory, so the
 * final rename is atomic; mode 0600, O_EXCL), wholefile_write streams into it, and
 * wholefile_commit fsyncs it, renames it to the target (with WHOLEFILE_EXCL, never over
 * an existing file: renameat2 RENAME_NOREPLACE, or link + unlink where the file system
 * lacks it) and fsyncs the directory. A failure on the way is one sentence naming the
 * file and what to do; the temporary file is removed and the target left as it was.
 *
 * The same four calls as local/safefile.h on the hardening branch: once that lands, the
 * export can take it in place of this file, and this file goes. */
#include <stdbool.h>
#include <stddef.h>

typedef struct WholeFile WholeFile;

enum {
    WHOLEFILE_EXCL = 1u << 0, /* refuse to replace an existing file (checked again at commit) */
};

WholeFile *wholefile_open(const char *path, unsigned flags, char *err, size_t n);
bool wholefile_write(WholeFile *f, const void *data, size_t len, char *err, size_t n);
/* Makes the file whole at its path; frees f either way. */
bool wholefile_commit(WholeFile *f, char *err, size_t n);
/* Drops the temporary file; the target is untouched. Frees f. */
void wholefile_abort(WholeFile *f);

#endif
