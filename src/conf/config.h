#ifndef REGDESK_CONF_CONFIG_H
#define REGDESK_CONF_CONFIG_H
/* Every setting regdesk has, in one table: name, type, built-in default, limits and a
 * line of documentation. The config's `set`, the environment and the command line all
 * go through the same typed parser, and every value remembers where it came from
 * (built-in, config file:line:column, environment variable, flag) for --print-config.
 * Precedence is the caller's: apply the config, then the environment, then the flags.
 *
 * Adding a setting is one line here; its consumer reads it with config_num/_str/…
 * The token is never a setting: it only ever lives in the worker's memory. */
#include <stdbool.h>
#include <stddef.h>

#include "core/arena.h"
#include "conf/conf.h"
#include "core/strbuf.h"

typedef enum SettingType {
    ST_TEXT,     /* one line of text */
    ST_URL,      /* http:// or https:// (net/url checks the rest where it is used) */
    ST_PATH,     /* a file; ~/ at the start is the home folder */
    ST_BOOL,     /* yes/no, true/false, on/off, 1/0 */
    ST_INT,      /* a whole number within the limits */
    ST_DURATION, /* a number in the setting's unit, or with units (90s, 15m, 1h30m, 2d);
                    kept in seconds, within the limits */
    ST_LIST,     /* comma-separated items; "…" keeps a comma inside one */
    ST_FLAGS,    /* comma-separated words from the choices, or none, or all: kept as bits
                    (bit i = the i-th choice) */
    ST_FILTER,   /* the filter language (core/filter.h) */
    ST_SORT,     /* a sort key (core/sort.h), - for descending */
} SettingType;

typedef struct SettingLimits {
    long lo, hi;         /* numbers, durations (seconds) */
    long unit;           /* durations: seconds in a bare number */
    const char *choices; /* flags: blank-separated words */
} SettingLimits;

#define NOLIMIT { 0, 0, 1, NULL }
#define RANGE(lo, hi) { lo, hi, 1, NULL }
#define IN_SECONDS(lo, hi) { lo, hi, 1, NULL }
#define IN_MINUTES(lo, hi) { (lo) * 60L, (hi) * 60L, 60, NULL }
#define IN_HOURS(lo, hi) { (lo) * 3600L, (hi) * 3600L, 3600, NULL }
#define CHOICES(words) { 0, 0, 1, words }

#define SETTING_REASON_LABELS \
    "document unreadable, document expired, face mismatch, liveness failed, name mismatch, " \
    "duplicate registration, suspected fraud, verified manually"

#define DEFAULT_API "https://api.verifik.co"

/* clang-format off */
#define SETTINGS(X) \
    X(API,             "api",             ST_URL,      DEFAULT_API, NOLIMIT, \
      "the Verifik API's address (http:// only for loopback, or with allow_http)") \
    X(TOKEN_FILE,      "token_file",      ST_PATH,     "",        NOLIMIT, \
      "the token file (empty: $XDG_CONFIG_HOME/regdesk/token); yours, mode 0600") \
    X(CACERT,          "cacert",          ST_PATH,     "",        NOLIMIT, \
      "an extra CA bundle for the API's certificate") \
    X(ALLOW_HTTP,      "allow_http",      ST_BOOL,     "no",      NOLIMIT, \
      "allow plain http:// to a host that is not loopback") \
    X(PARALLEL,        "parallel",        ST_INT,      "4",       RANGE(1, 16), \
      "pages fetched at once") \
    X(PAGE_SIZE,       "page_size",       ST_INT,      "100",     RANGE(1, 100), \
      "records per page") \
    X(RETRIES,         "retries",         ST_INT,      "4",       RANGE(0, 10), \
      "retries of a failed request (0: fail at the first error)") \
    X(CONNECT_TIMEOUT, "connect_timeout", ST_DURATION, "10s",     IN_SECONDS(1, 300), \
      "time to connect to the API") \
    X(TIMEOUT,         "timeout",         ST_DURATION, "60s",     IN_SECONDS(1, 3600), \
      "one request, start to end") \
    X(MAX_RESPONSE_MB, "max_response_mb", ST_INT,      "32",      RANGE(1, 4096), \
      "the largest answer accepted, in MiB (after decompression; a larger one is not fetched again)") \
    X(MAX_RECORDS,     "max_records",     ST_INT,      "5000000", RANGE(1000, 100000000), \
      "a full load stops after this many registrations, with a sentence") \
    X(MAX_MEMORY_MB,   "max_memory_mb",   ST_INT,      "2048",    RANGE(16, 1048576), \
      "a full load also stops when its registrations take this much memory, in MiB") \
    X(THEME,           "theme",           ST_TEXT,     "default", NOLIMIT, \
      "a theme's name (default, light, high-contrast, solarized, monochrome…) or a theme file") \
    X(MOUSE,           "mouse",           ST_BOOL,     "yes",     NOLIMIT, \
      "click to select, wheel to scroll; no leaves the mouse to the terminal") \
    X(COLUMNS,         "columns",         ST_LIST,     "",        NOLIMIT, \
      "the list's columns, in order (empty: the dashboard's choice for the width)") \
    X(START_VIEW,      "start_view",      ST_TEXT,     "",        NOLIMIT, \
      "the saved view the dashboard opens on: its name or its key (1-9)") \
    X(FILTER,          "filter",          ST_FILTER,   "",        NOLIMIT, \
      "the dashboard's filter at start (over the start view's)") \
    X(SORT,            "sort",            ST_SORT,     "",        NOLIMIT, \
      "the dashboard's sort at start (over the start view's)") \
    X(BUILTIN_VIEWS,   "builtin_views",   ST_BOOL,     "yes",     NOLIMIT, \
      "the built-in views come first on 1-9; no leaves the keys to the config's views") \
    X(REFRESH,         "refresh",         ST_DURATION, "60s",     IN_SECONDS(0, 86400), \
      "how often the live queue asks for what changed (0: never; --refresh SECONDS overrides it)") \
    X(SLA,             "sla",             ST_DURATION, "24h",     IN_HOURS(1, 8760), \
      "a registration waiting for review longer than this is overdue (colour, counts, the Overdue view)") \
    X(MASK,            "mask",            ST_FLAGS,    "email,phone,document,ip", \
      CHOICES("email phone document ip name"), \
      "personal data masked on screen, and by list and show on a terminal (none: nothing, all: names too)") \
    X(REVEAL,          "reveal",          ST_DURATION, "60s",     IN_SECONDS(5, 3600), \
      "how long a revealed registration stays unmasked (u in the dashboard)") \
    X(IDLE_LOCK,       "idle_lock",       ST_DURATION, "15m",     IN_MINUTES(0, 1440), \
      "the dashboard's lock screen after this long without a key (0: never); a privacy screen") \
    X(REASON_LABELS,   "reason_labels",   ST_LIST,     SETTING_REASON_LABELS, NOLIMIT, \
      "the reason labels the decision dialog offers; picking one begins the note")
/* clang-format on */

typedef enum SettingId {
#define X(id, name, type, def, limits, doc) SET_##id,
    SETTINGS(X)
#undef X
    SET__COUNT
} SettingId;

typedef struct SettingInfo {
    const char *name;
    SettingType type;
    const char *def; /* as the config would write it */
    SettingLimits limits;
    const char *doc;
} SettingInfo;

typedef enum SettingOrigin { FROM_BUILTIN, FROM_CONFIG, FROM_ENV, FROM_FLAG } SettingOrigin;

typedef struct SettingSource {
    SettingOrigin origin;
    ConfPos pos;      /* FROM_CONFIG */
    const char *name; /* FROM_ENV: the variable; FROM_FLAG: the option */
} SettingSource;

typedef struct SettingValue {
    long num;                  /* INT, DURATION (seconds), BOOL (0/1), FLAGS (bits) */
    const char *text;          /* TEXT, URL, PATH (expanded), FILTER, SORT */
    const char *const *items;  /* LIST */
    size_t nitems;
} SettingValue;

typedef struct Config {
    SettingValue v[SET__COUNT];
    SettingSource src[SET__COUNT];
    const char *home; /* for ~/ in paths; may be NULL */
    Arena arena;
} Config;

const SettingInfo *config_info(SettingId id);
/* The setting called name (case-insensitive, - equals _), or -1. */
int config_find(const char *name);
/* Every setting's name, for suggestions. */
const char *const *config_names(void);

/* Built-in defaults. home: the home folder for ~/ (NULL: ~/ stays as written). */
void config_init(Config *s, const char *home);
void config_free(Config *s);

static inline SettingSource setting_from_env(const char *var)
{
    return (SettingSource){ FROM_ENV, { NULL, 0, 0 }, var };
}
static inline SettingSource setting_from_flag(const char *flag)
{
    return (SettingSource){ FROM_FLAG, { NULL, 0, 0 }, flag };
}

/* One value from the environment or the command line (the same syntax as the config's
 * `set`); false with why filled (a sentence naming the setting and what it takes), and
 * the old value kept, when it is not acceptable. */
bool config_set(Config *s, SettingId id, const char *value, SettingSource src, char *why, size_t n);
/* Every `set` in d, in order; a bad one is a warning in d at its position (at the term
 * of a filter that does not compile) and leaves the value as it was. */
void config_apply(Config *s, ConfDoc *d);

long config_num(const Config *s, SettingId id);
bool config_bool(const Config *s, SettingId id);
const char *config_str(const Config *s, SettingId id);
const char *const *config_list(const Config *s, SettingId id, size_t *n);
const SettingSource *config_source(const Config *s, SettingId id);

/* The value as the config writes it ("15m", "email, phone", "\"a b\""). */
void config_format(const Config *s, SettingId id, StrBuf *out);
/* Seconds as the config writes a duration: "90s" → "1m30s", 86400 → "1d", 0 → "0". */
void config_duration_text(long secs, char *buf, size_t n);
/* "built-in", "environment REGDESK_API", "flag --api", "FILE:LINE:COL". */
void config_source_format(const SettingSource *src, char *buf, size_t n);
/* --print-config: every setting as a `set` line the config can hold, with its source as
 * a comment. */
void config_print(const Config *s, StrBuf *out);
/* The README's and the manual's table of settings (Markdown). */
void config_markdown(StrBuf *out);

#endif
