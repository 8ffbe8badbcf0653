#include <criterion/criterion.h>
#include <string.h>

#include "core/timeutil.h"

Test(time, parses_every_documented_format)
{
    int64_t ms;
    cr_assert(time_parse_iso("2024-12-02T17:05:36.788Z", &ms));
    cr_assert_eq(ms, 1733159136788LL);
    cr_assert(time_parse_iso("2024-12-02T17:05:36Z", &ms));
    cr_assert_eq(ms, 1733159136000LL);
    cr_assert(time_parse_iso("2024-12-02T12:05:36.788-05:00", &ms));
    cr_assert_eq(ms, 1733159136788LL);
    cr_assert(time_parse_iso("2024-12-02T18:05:36.788+0100", &ms));
    cr_assert_eq(ms, 1733159136788LL);
    cr_assert(time_parse_iso("2026-09-09 22:14:14", &ms), "resend-link's expiresAt format");
    cr_assert_eq(ms, 1788992054000LL);
    cr_assert(time_parse_iso("2025-05-01", &ms));
    cr_assert_eq(ms, 1746057600000LL);
    cr_assert(time_parse_iso("1969-12-31T23:59:59.999Z", &ms), "before the epoch");
    cr_assert_eq(ms, -1LL);
}

Test(time, rejects_impossible_dates_and_garbage)
{
    int64_t ms;
    const char *bad[] = { "", "2025", "2025-02-29", "2024-13-01", "2024-12-32", "2024-12-02T24:00Z",
                          "2024-12-02T17:60Z", "2024-12-02X", "2024-12-02T17:05:36.Z",
                          "2024-12-02T17:05:36Zjunk", "yesterday", "2024/12/02" };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
        cr_assert_not(time_parse_iso(bad[i], &ms), "accepted '%s'", bad[i]);
    cr_assert(time_parse_iso("2024-02-29", &ms), "leap day");
}

Test(time, formats_round_trip)
{
    char buf[32];
    int64_t ms;
    for (int64_t t = -86400000LL * 400; t < 86400000LL * 365 * 80; t += 86400000LL * 37 + 12345) {
        time_format_iso(t, buf, sizeof buf);
        cr_assert(time_parse_iso(buf, &ms), "%s", buf);
        cr_assert_eq(ms, t, "%s", buf);
    }
    time_format_short(1733159136788LL, buf, sizeof buf);
    cr_assert_str_eq(buf, "2024-12-02 17:05");
}

Test(time, ages_are_compact)
{
    char buf[16];
    struct { int64_t ms; const char *want; } cases[] = {
        { -5000, "0s" }, { 59000, "59s" }, { 60000, "1m" }, { 3599000, "59m" },
        { 3600000, "1h" }, { 30 * 3600000LL, "30h" }, { 48 * 3600000LL, "2d" },
        { 13 * 86400000LL, "13d" }, { 15 * 86400000LL, "2w" },
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        time_format_age(cases[i].ms, buf, sizeof buf);
        cr_assert_str_eq(buf, cases[i].want, "age %lld", (long long)cases[i].ms);
    }
}

Test(time, durations)
{
    int64_t ms;
    cr_assert(time_parse_duration("2d", 2, &ms));
    cr_assert_eq(ms, 2 * 86400000LL);
    cr_assert(time_parse_duration("12h", 3, &ms));
    cr_assert_eq(ms, 12 * 3600000LL);
    cr_assert(time_parse_duration("1w", 2, &ms));
    cr_assert_eq(ms, 7 * 86400000LL);
    cr_assert_not(time_parse_duration("2", 1, &ms));
    cr_assert_not(time_parse_duration("d", 1, &ms));
    cr_assert_not(time_parse_duration("2x", 2, &ms));
    cr_assert_not(time_parse_duration("2dd", 3, &ms));
    cr_assert_not(time_parse_duration("99999999999d", 12, &ms));
}

/* The one monotonic clock: never goes back, and its two units agree. */
Test(time, the_monotonic_clock_only_moves_forward)
{
    int64_t us = time_mono_us(), ms = time_mono_ms();
    cr_assert_geq(ms, us / 1000);
    cr_assert_lt(ms - us / 1000, 1000, "ms and us read the same clock");
    int64_t prev = time_mono_us();
    for (int i = 0; i < 1000; i++) {
        int64_t t = time_mono_us();
        cr_assert_geq(t, prev);
        prev = t;
    }
}

Test(time, the_earlier_deadline_and_none)
{
    cr_assert_eq(time_earliest(0, 0), 0);
    cr_assert_eq(time_earliest(0, 5), 5);
    cr_assert_eq(time_earliest(7, 0), 7, "0 is no deadline, not the earliest");
    cr_assert_eq(time_earliest(7, 5), 5);
}
