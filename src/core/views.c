/* The built-in saved views, and the list they make with the config's. */
#include "core/views.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define OVERDUE_FILTER "status:review waiting>"

static const SavedView builtin[] = {
    { "All", "", "-created", "every registration loaded, newest first" },
    { "Needs review", "status:review", "age", "the review queue, oldest first" },
    { "Failed", "status:failed", "-created", "registrations that failed, newest first" },
    { "Flagged", "flags>0", "-flags", "registrations with red flags, most flags first" },
    { "Today", "created:today", "-created", "created today (UTC), newest first" },
    { "Overdue", OVERDUE_FILTER "24h", "age", "in review longer than the SLA (24 h; set sla)" },
    { "Stuck", "status:started,ongoing idle>1d", "updated", "started or ongoing, no progress for a day" },
    { "Expired", "status:expired", "-created", "sessions that expired before finishing" },
    { "Bad data", "invalid:yes", "-created", "records the API sent with malformed fields" },
};
enum { N_BUILTIN = sizeof builtin / sizeof *builtin };

const SavedView *views_builtin(size_t *n)
{
    *n = N_BUILTIN;
    return builtin;
}

enum { OVERDUE = 5 }; /* builtin[OVERDUE] */

void views_follow_sla(SavedView *v, size_t n, long sla_seconds, char *buf, size_t cap)
{
    for (size_t i = 0; i < n; i++) {
        if (v[i].filter != builtin[OVERDUE].filter) /* a config view of that name stays as written */
            continue;
        if (sla_seconds % 3600 == 0)
            snprintf(buf, cap, OVERDUE_FILTER "%ldh", sla_seconds / 3600);
        else if (sla_seconds % 60 == 0)
            snprintf(buf, cap, OVERDUE_FILTER "%ldm", sla_seconds / 60);
        else
            snprintf(buf, cap, OVERDUE_FILTER "%lds", sla_seconds);
        v[i].filter = buf;
    }
}

static int by_name(const SavedView *v, size_t n, const char *name)
{
    for (size_t i = 0; i < n; i++)
        if (!strcasecmp(v[i].name, name))
            return (int)i;
    return -1;
}

size_t views_combine(bool builtins, const SavedView *user, size_t nuser, SavedView *out, size_t cap)
{
    size_t n = 0;
    for (size_t i = 0; builtins && i < N_BUILTIN && n < cap; i++)
        out[n++] = builtin[i];
    for (size_t i = 0; i < nuser; i++) {
        int at = by_name(out, n, user[i].name);
        if (at >= 0)
            out[at] = user[i];
        else if (n < cap)
            out[n++] = user[i];
    }
    return n;
}

int views_find(const SavedView *v, size_t n, const char *name)
{
    char *end;
    long k = strtol(name, &end, 10);
    if (*name >= '1' && *name <= '9' && !*end)
        return k >= 1 && (size_t)k <= n ? (int)k - 1 : -1;
    return by_name(v, n, name);
}

SortSpec views_sort(const SavedView *v)
{
    SortSpec s = { SORT_CREATED, true };
    if (v->sort && *v->sort)
        sort_parse(v->sort, &s);
    return s;
}

void views_markdown(StrBuf *out)
{
    strbuf_puts(out, "| Key | View | Filter | Sort | Shows |\n| --- | --- | --- | --- | --- |\n");
    for (int i = 0; i < N_BUILTIN; i++) {
        const SavedView *v = &builtin[i];
        strbuf_printf(out, "| `%d` | %s | %s%s%s | `%s` | %s |\n", i + 1, v->name, *v->filter ? "`" : "",
                      *v->filter ? v->filter : "(none)", *v->filter ? "`" : "", v->sort, v->why);
    }
}
