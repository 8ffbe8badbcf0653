#ifndef REGDESK_LOCAL_FILES_H
#define REGDESK_LOCAL_FILES_H
/* regdesk's own files on this machine: private directories, and a log that takes whole
 * records or nothing. The failures are sentences (why) that name the cause and what to
 * do, for the caller to put after the file's name. */
#include <stdbool.h>
#include <stddef.h>

/* strerror(e) and what to do about it ("No space left on device; the disk is full; free
 * some space and try again"), for every sentence about a file that cannot be written. */
void files_cause(char *why, size_t n, int e);
/* mkdir -p for the directory file is in: the directories it creates get mode 0700. The
 * last one must be a directory of yours that nobody else may write to. */
bool files_make_private_dirs(const char *file, char *why, size_t n);
/* Opens (creating it with mode 0600) a log for appending: O_APPEND, no symbolic link,
 * a regular file of yours; one that other people may read or write is put back to 0600.
 * The descriptor, or -1. */
int files_open_append(const char *path, char *why, size_t n);
/* Appends one record with one write(2) and fsyncs it. A record that cannot be
 * written whole is taken back (ftruncate to the old length): the log never holds half
 * of one. */
bool files_append_record(const char *path, const char *data, size_t len, char *why, size_t n);

#endif
