#ifndef REGDESK_NET_TOKEN_H
#define REGDESK_NET_TOKEN_H
/* The API token. It comes from VERIFIK_TOKEN or a token file that must be a regular
 * file owned by the user with mode 0600 (refused otherwise, as ssh refuses keys), and it
 * is never accepted on the command line. Buffers that held it are wiped. */
#include <stdbool.h>
#include <stddef.h>

/* Default token file: config_dir_path("token") (core/paths.h). */
void token_default_path(char *buf, size_t n);

/* Where the token came from, so that a refusal can say what to change: a refused
 * VERIFIK_TOKEN wins over the token file, and `regdesk login` alone does not replace it. */
typedef enum TokenSource { TOKEN_FROM_NOWHERE, TOKEN_FROM_ENV, TOKEN_FROM_FILE } TokenSource;
typedef struct TokenOrigin {
    TokenSource source;
    char path[512]; /* TOKEN_FROM_FILE: the file */
} TokenOrigin;

/* Reads VERIFIK_TOKEN (then wipes it from the environment, so children and
 * /proc/PID/environ do not see it) or, if unset, `file` (NULL = default path).
 * Returns a malloc'd token to be released with token_free, or NULL with one sentence in
 * err ("token file ~/.config/regdesk/token is readable by others (mode 0644); run chmod
 * 600 on it"). *missing is set when there simply is no token anywhere. *origin (when not
 * NULL) says where the token came from. */
char *token_load(const char *file, TokenOrigin *origin, bool *missing, char *err, size_t n);
/* The one sentence for a token the API refused (HTTP status and what the API said), for
 * where it came from: "the API refused the token in VERIFIK_TOKEN (HTTP 401: …); that
 * variable wins over the token file, so set it to a valid token or unset it (`regdesk
 * login` alone will not help)", or for a file "… run `regdesk login` for a new one". */
void token_refused_sentence(const TokenOrigin *o, int http, const char *said, char *buf, size_t n);
/* Writes the token atomically with mode 0600, creating the directory with 0700. */
bool token_save(const char *file, const char *token, char *err, size_t n);
void token_free(char *token);

#endif
