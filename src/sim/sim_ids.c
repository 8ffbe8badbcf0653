#include "sim/sim_ids.h"

#include <string.h>

#include "sim/sim_rng.h"

static void put_hex(char *out, uint32_t v, int digits)
{
    static const char hex[] = "0123456789abcdef";
    for (int i = digits - 1; i >= 0; i--, v >>= 4)
        out[i] = hex[v & 15];
}

void sim_id(char *out, uint64_t seed, unsigned kind, uint32_t counter, int64_t ms)
{
    int64_t secs = ms / 1000;
    put_hex(out, (uint32_t)(secs > 0 ? secs : 0), 8);
    put_hex(out + 8, (uint32_t)sim_mix2(seed, kind), 8);
    put_hex(out + 16, kind & 0xff, 2);
    put_hex(out + 18, counter & SIM_ID_MAX_COUNTER, 6);
    out[SIM_ID_LEN] = '\0';
}

static int hexval(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

bool sim_id_parse(const char *id, unsigned *kind, uint32_t *counter)
{
    if (strlen(id) != SIM_ID_LEN)
        return false;
    uint32_t k = 0, c = 0;
    for (int i = 0; i < SIM_ID_LEN; i++) {
        int v = hexval(id[i]);
        if (v < 0)
            return false;
        if (i >= 16 && i < 18)
            k = k << 4 | (uint32_t)v;
        else if (i >= 18)
            c = c << 4 | (uint32_t)v;
    }
    *kind = k;
    *counter = c;
    return true;
}
