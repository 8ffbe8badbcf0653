#ifndef REGDESK_CORE_TIMEUTIL_H
#define REGDESK_CORE_TIMEUTIL_H
/* Times are int64 milliseconds since the Unix epoch, UTC, everywhere in regdesk. */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Accepts "2024-12-02T17:05:36.788Z", without ms, with +hh:mm / -hhmm offsets,
 * "2026-09-09 22:14:14" (resend-link's format, taken as UTC) and a bare "2025-05-01"
 * (midnight UTC). Rejects out-of-range fields. */
bool time_parse_iso(const char *s, int64_t *out_ms);

/* "2025-05-24T14:00:00.000Z"; buf needs 25 bytes. */
void time_format_iso(int64_t ms, char *buf, size_t n);
/* "2025-05-24 14:00" (UTC), buf needs 17 bytes. */
void time_format_short(int64_t ms, char *buf, size_t n);

/* Compact age for a list column: "45s", "12m", "5h", "30h" below 48 h, then "3d", "9w".
 * Negative ages (clock skew) print as "0s". */
void time_format_age(int64_t age_ms, char *buf, size_t n);

/* "90s", "15m", "12h", "2d", "1w" → milliseconds. */
bool time_parse_duration(const char *s, size_t len, int64_t *out_ms);

/* Days since 1970-01-01 for a proleptic Gregorian date (exact, no libc, no TZ). */
int64_t time_days_from_civil(int64_t y, unsigned m, unsigned d);

int64_t time_now_ms(void);

/* The one monotonic clock (CLOCK_MONOTONIC), for timers, timeouts and measuring: it
 * never jumps when the wall clock is set. Not a time of day. */
int64_t time_mono_ms(void);
int64_t time_mono_us(void);
/* The earlier of two deadlines, where 0 means none. */
int64_t time_earliest(int64_t a, int64_t b);

#endif
