#include "sim/sim_stats.h"

#include <stdio.h>

static const char *const route_names[R__COUNT] = {
    "list", "retrieve", "create", "sync", "resendLink", "delete", "statistics",
    "emailLogin", "emailLoginConfirm", "projects", "unknown",
};

const char *sim_route_name(SimRoute r)
{
    return r >= 0 && r < R__COUNT ? route_names[r] : "unknown";
}

void sim_stats_reset(SimStats *s)
{
    atomic_store(&s->requests, 0);
    atomic_store(&s->connections, 0);
    atomic_store(&s->latency, 0);
    atomic_store(&s->with_authorization, 0);
    atomic_store(&s->max_concurrent, atomic_load(&s->open_connections));
    for (int i = 0; i < R__COUNT; i++)
        atomic_store(&s->by_route[i], 0);
    for (int i = 0; i < SIM_MAX_STATUS; i++)
        atomic_store(&s->by_status[i], 0);
    for (int i = 0; i < FK__COUNT; i++)
        atomic_store(&s->faults[i], 0);
}

void sim_stats_connection(SimStats *s, bool opened)
{
    if (!opened) {
        atomic_fetch_sub(&s->open_connections, 1);
        return;
    }
    atomic_fetch_add(&s->connections, 1);
    unsigned long now = atomic_fetch_add(&s->open_connections, 1) + 1;
    unsigned long max = atomic_load(&s->max_concurrent);
    while (now > max && !atomic_compare_exchange_weak(&s->max_concurrent, &max, now))
        ;
}

void sim_stats_request(SimStats *s, SimRoute r, bool authorization)
{
    atomic_fetch_add(&s->requests, 1);
    if (authorization)
        atomic_fetch_add(&s->with_authorization, 1);
    atomic_fetch_add(&s->by_route[r], 1);
}

void sim_stats_status(SimStats *s, unsigned status)
{
    if (status < SIM_MAX_STATUS)
        atomic_fetch_add(&s->by_status[status], 1);
}

void sim_stats_fault(SimStats *s, SimFaultKind k)
{
    atomic_fetch_add(&s->faults[k], 1);
}

void sim_stats_json(SimStats *s, JsonW *w, size_t live_records)
{
    jw_obj(w);
    jw_kint(w, "requests", (long long)atomic_load(&s->requests));
    jw_kint(w, "connections", (long long)atomic_load(&s->connections));
    jw_kint(w, "openConnections", (long long)atomic_load(&s->open_connections));
    jw_kint(w, "maxConcurrentConnections", (long long)atomic_load(&s->max_concurrent));
    jw_kint(w, "records", (long long)live_records);
    jw_kint(w, "withAuthorization", (long long)atomic_load(&s->with_authorization));
    jw_kobj(w, "routes");
    for (int i = 0; i < R__COUNT; i++)
        jw_kint(w, route_names[i], (long long)atomic_load(&s->by_route[i]));
    jw_obj_end(w);
    jw_kobj(w, "statuses");
    for (int i = 0; i < SIM_MAX_STATUS; i++) {
        unsigned long n = atomic_load(&s->by_status[i]);
        char key[16];
        snprintf(key, sizeof key, "%d", i);
        if (n)
            jw_kint(w, key, (long long)n);
    }
    jw_obj_end(w);
    jw_kobj(w, "faults");
    jw_kint(w, "latency", (long long)atomic_load(&s->latency));
    for (int k = FK_ERROR; k < FK__COUNT; k++)
        jw_kint(w, sim_fault_name((SimFaultKind)k), (long long)atomic_load(&s->faults[k]));
    jw_obj_end(w);
    jw_obj_end(w);
}
