#include "core/timeutil.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

int64_t time_days_from_civil(int64_t y, unsigned m, unsigned d)
{
    /* Howard Hinnant's days_from_civil algorithm. */
    y -= m <= 2;
    const int64_t era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = (unsigned)(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + (int64_t)doe - 719468;
}

static void civil_from_days(int64_t z, int64_t *y, unsigned *m, unsigned *d)
{
    z += 719468;
    const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = (unsigned)(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    *d = doy - (153 * mp + 2) / 5 + 1;
    *m = mp < 10 ? mp + 3 : mp - 9;
    *y = (int64_t)yoe + era * 400 + (*m <= 2);
}

static bool digits(const char *s, int n, int *out)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return false;
        v = v * 10 + (s[i] - '0');
    }
    *out = v;
    return true;
}

static bool leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int month_days(int y, int m)
{
    static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    return m == 2 && leap(y) ? 29 : days[m - 1];
}

/* Parses the part after the seconds: fraction, then Z / offset / nothing. */
static bool parse_tail(const char *p, int64_t *ms_part, int64_t *offset_ms)
{
    *ms_part = 0;
    *offset_ms = 0;
    if (*p == '.') {
        p++;
        int64_t scale = 100;
        if (*p < '0' || *p > '9')
            return false;
        while (*p >= '0' && *p <= '9') {
            *ms_part += (*p - '0') * scale;
            scale /= 10;
            p++;
        }
    }
    if (*p == 'Z' || *p == 'z') {
        p++;
    } else if (*p == '+' || *p == '-') {
        int sign = *p == '-' ? -1 : 1, hh, mm = 0;
        p++;
        if (!digits(p, 2, &hh))
            return false;
        p += 2;
        if (*p == ':')
            p++;
        if (*p && !digits(p, 2, &mm))
            return false;
        if (*p)
            p += 2;
        if (hh > 23 || mm > 59)
            return false;
        *offset_ms = sign * ((int64_t)hh * 3600 + mm * 60) * 1000;
    }
    return *p == '\0';
}

bool time_parse_iso(const char *s, int64_t *out_ms)
{
    int y, mo, d, h = 0, mi = 0, sec = 0;
    if (!s || strlen(s) < 10 || !digits(s, 4, &y) || s[4] != '-' || !digits(s + 5, 2, &mo) ||
        s[7] != '-' || !digits(s + 8, 2, &d))
        return false;
    if (mo < 1 || mo > 12 || d < 1 || d > month_days(y, mo))
        return false;
    const char *p = s + 10;
    int64_t frac = 0, offset = 0;
    if (*p == 'T' || *p == 't' || *p == ' ') {
        p++;
        if (!digits(p, 2, &h) || p[2] != ':' || !digits(p + 3, 2, &mi))
            return false;
        p += 5;
        if (*p == ':') {
            if (!digits(p + 1, 2, &sec))
                return false;
            p += 3;
        }
        if (h > 23 || mi > 59 || sec > 60)
            return false;
        if (!parse_tail(p, &frac, &offset))
            return false;
    } else if (*p != '\0') {
        return false;
    }
    int64_t days = time_days_from_civil(y, (unsigned)mo, (unsigned)d);
    *out_ms = ((days * 24 + h) * 60 + mi) * 60000 + (int64_t)sec * 1000 + frac - offset;
    return true;
}

static void split(int64_t ms, int64_t *y, unsigned *mo, unsigned *d, int *h, int *mi, int *s,
                  int *milli)
{
    int64_t days = ms >= 0 ? ms / 86400000 : -((-ms + 86399999) / 86400000);
    int64_t rem = ms - days * 86400000;
    civil_from_days(days, y, mo, d);
    *h = (int)(rem / 3600000);
    *mi = (int)(rem / 60000 % 60);
    *s = (int)(rem / 1000 % 60);
    *milli = (int)(rem % 1000);
}

void time_format_iso(int64_t ms, char *buf, size_t n)
{
    int64_t y;
    unsigned mo, d;
    int h, mi, s, milli;
    split(ms, &y, &mo, &d, &h, &mi, &s, &milli);
    snprintf(buf, n, "%04lld-%02u-%02uT%02d:%02d:%02d.%03dZ", (long long)y, mo, d, h, mi, s,
             milli);
}

void time_format_short(int64_t ms, char *buf, size_t n)
{
    int64_t y;
    unsigned mo, d;
    int h, mi, s, milli;
    split(ms, &y, &mo, &d, &h, &mi, &s, &milli);
    snprintf(buf, n, "%04lld-%02u-%02u %02d:%02d", (long long)y, mo, d, h, mi);
}

void time_format_age(int64_t age_ms, char *buf, size_t n)
{
    int64_t s = age_ms > 0 ? age_ms / 1000 : 0;
    if (s < 60)
        snprintf(buf, n, "%llds", (long long)s);
    else if (s < 3600)
        snprintf(buf, n, "%lldm", (long long)(s / 60));
    else if (s < 48 * 3600)
        snprintf(buf, n, "%lldh", (long long)(s / 3600));
    else if (s < 14 * 86400)
        snprintf(buf, n, "%lldd", (long long)(s / 86400));
    else
        snprintf(buf, n, "%lldw", (long long)(s / (7 * 86400)));
}

bool time_parse_duration(const char *s, size_t len, int64_t *out_ms)
{
    if (len < 2)
        return false;
    int64_t v = 0;
    size_t i = 0;
    for (; i < len && s[i] >= '0' && s[i] <= '9'; i++) {
        if (v > 1000000000)
            return false;
        v = v * 10 + (s[i] - '0');
    }
    if (i == 0 || i != len - 1)
        return false;
    int64_t unit;
    switch (s[i]) {
    case 's': unit = 1000; break;
    case 'm': unit = 60000; break;
    case 'h': unit = 3600000; break;
    case 'd': unit = 86400000; break;
    case 'w': unit = 7 * 86400000LL; break;
    default: return false;
    }
    *out_ms = v * unit;
    return true;
}

int64_t time_now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

int64_t time_mono_us(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

int64_t time_mono_ms(void)
{
    return time_mono_us() / 1000;
}

int64_t time_earliest(int64_t a, int64_t b)
{
    return !a ? b : !b ? a : a < b ? a : b;
}
