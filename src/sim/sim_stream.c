#include "sim/sim_stream.h"

#include <microhttpd.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/xalloc.h"

typedef struct Stream {
    Sim *sim;
    char *body;
    size_t len, cut;          /* truncated: bytes sent before the connection drops */
    size_t tick_bytes;        /* slow: bytes per tick */
    unsigned tick_ms;
} Stream;

static void stream_free(void *cls)
{
    Stream *s = cls;
    free(s->body);
    free(s);
}

static Stream *stream_new(Sim *sim, char *body, size_t len)
{
    Stream *s = xcalloc(1, sizeof *s);
    s->sim = sim;
    s->body = body;
    s->len = len;
    return s;
}

static ssize_t read_truncated(void *cls, uint64_t pos, char *buf, size_t max)
{
    Stream *s = cls;
    if (pos >= s->cut)
        return MHD_CONTENT_READER_END_WITH_ERROR; /* MHD closes the connection */
    size_t n = s->cut - (size_t)pos < max ? s->cut - (size_t)pos : max;
    memcpy(buf, s->body + pos, n);
    return (ssize_t)n;
}

struct MHD_Response *sim_stream_truncated(char *body, size_t len, uint64_t seq)
{
    Stream *s = stream_new(NULL, body, len);
    s->cut = len / 2;
    /* odd requests announce the full length, even ones go chunked */
    uint64_t size = seq % 2 ? (uint64_t)len : MHD_SIZE_UNKNOWN;
    return MHD_create_response_from_callback(size, 4096, read_truncated, s, stream_free);
}

static ssize_t read_slow(void *cls, uint64_t pos, char *buf, size_t max)
{
    Stream *s = cls;
    if (atomic_load(&s->sim->stopping))
        return MHD_CONTENT_READER_END_WITH_ERROR;
    if (pos >= s->len)
        return MHD_CONTENT_READER_END_OF_STREAM;
    for (unsigned slept = 0; slept < s->tick_ms && !atomic_load(&s->sim->stopping); slept += 50) {
        unsigned step = s->tick_ms - slept < 50 ? s->tick_ms - slept : 50;
        struct timespec ts = { 0, (long)step * 1000000L };
        nanosleep(&ts, NULL);
    }
    size_t n = s->len - (size_t)pos;
    if (n > s->tick_bytes)
        n = s->tick_bytes;
    if (n > max)
        n = max;
    memcpy(buf, s->body + pos, n);
    return (ssize_t)n;
}

struct MHD_Response *sim_stream_slow(Sim *sim, char *body, size_t len)
{
    Stream *s = stream_new(sim, body, len);
    s->tick_ms = 20;
    size_t ticks = sim->cfg.fault.slow_ms / s->tick_ms;
    s->tick_bytes = ticks ? (len + ticks - 1) / ticks : len;
    if (s->tick_bytes == 0)
        s->tick_bytes = 1;
    return MHD_create_response_from_callback(len, 1024, read_slow, s, stream_free);
}

/* One byte every trickle-ms: a body that never stalls long enough for an idle timeout. */
struct MHD_Response *sim_stream_trickle(Sim *sim, char *body, size_t len)
{
    Stream *s = stream_new(sim, body, len);
    s->tick_ms = sim->cfg.fault.trickle_ms;
    s->tick_bytes = 1;
    return MHD_create_response_from_callback(len, 1, read_slow, s, stream_free);
}

/* ---- the huge body: prefix, padding spaces, k identical elements, suffix ------------- */

static const char HUGE_PREFIX[] = "{\"data\":[";
static const char HUGE_ITEM[] =
    "{\"_id\":\"000000000000000000000000\",\"status\":\"COMPLETED\",\"currentStep\":\"end\","
    "\"fullName\":\"Huge Body\",\"padding\":\"................................................"
    "..................................................\"},";
static const char HUGE_SUFFIX[] =
    "{\"_id\":\"000000000000000000000001\"}],\"total\":1,\"limit\":10,\"page\":1,\"pages\":1}";

typedef struct Huge {
    uint64_t size, pad, items; /* layout of the body */
} Huge;

static char huge_byte(const Huge *h, uint64_t pos)
{
    const uint64_t pl = sizeof HUGE_PREFIX - 1, il = sizeof HUGE_ITEM - 1;
    if (pos < pl)
        return HUGE_PREFIX[pos];
    pos -= pl;
    if (pos < h->pad)
        return ' ';
    pos -= h->pad;
    if (pos < h->items * il)
        return HUGE_ITEM[pos % il];
    return HUGE_SUFFIX[pos - h->items * il];
}

static ssize_t read_huge(void *cls, uint64_t pos, char *buf, size_t max)
{
    const Huge *h = cls;
    if (pos >= h->size)
        return MHD_CONTENT_READER_END_OF_STREAM;
    size_t n = h->size - pos < max ? (size_t)(h->size - pos) : max;
    for (size_t i = 0; i < n; i++)
        buf[i] = huge_byte(h, pos + i);
    return (ssize_t)n;
}

struct MHD_Response *sim_stream_huge(unsigned huge_mb)
{
    Huge *h = xcalloc(1, sizeof *h);
    const uint64_t fixed = sizeof HUGE_PREFIX - 1 + sizeof HUGE_SUFFIX - 1;
    h->size = (uint64_t)huge_mb << 20;
    h->items = (h->size - fixed) / (sizeof HUGE_ITEM - 1);
    h->pad = h->size - fixed - h->items * (sizeof HUGE_ITEM - 1);
    return MHD_create_response_from_callback(h->size, 64 * 1024, read_huge, h, free);
}
