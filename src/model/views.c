/* The built-in saved views. */
#include "model/views.h"

#include <stdio.h>
#include <string.h>

#include "core/timeutil.h"

static const SavedView views[VIEWS_MAX] = {
    { "All", "", "-created", "every registration loaded, newest first" },
    { "Needs review", "status:review", "age", "the review queue, oldest first" },
    { "Failed", "status:failed", "-created", "registrations that failed, newest first" },
    { "Flagged", "flags>0", "-flags", "registrations with red flags, most flags first" },
    { "Today", "created:%TODAY%", "-created", "created today (UTC), newest first" },
    { "Overdue", "status:review age>24h", "age", "waiting for review for more than 24 h (the SLA)" },
    { "Stuck", "status:started,ongoing idle>1d", "updated", "started or ongoing, no progress for a day" },
    { "Expired", "status:expired", "-created", "sessions that expired before finishing" },
    { "Bad data", "invalid:yes", "-created", "records the API sent with malformed fields" },
};

const SavedView *views_get(int n)
{
    return n >= 1 && n <= VIEWS_MAX && views[n - 1].name ? &views[n - 1] : NULL;
}

static void substitute(const SavedView *v, const char *today, char *buf, size_t n)
{
    const char *at = strstr(v->filter, "%TODAY%");
    if (!at)
        snprintf(buf, n, "%s", v->filter);
    else
        snprintf(buf, n, "%.*s%s%s", (int)(at - v->filter), v->filter, today, at + strlen("%TODAY%"));
}

void views_filter(const SavedView *v, int64_t now_ms, char *buf, size_t n)
{
    char day[32];
    time_format_iso(now_ms, day, sizeof day);
    day[10] = '\0';
    substitute(v, day, buf, n);
}

void views_filter_label(const SavedView *v, char *buf, size_t n)
{
    substitute(v, "<today>", buf, n);
}

SortSpec views_sort(const SavedView *v)
{
    SortSpec s = { SORT_CREATED, true };
    sort_parse(v->sort, &s);
    return s;
}

void views_markdown(StrBuf *out)
{
    strbuf_puts(out, "| Key | View | Filter | Sort | Shows |\n| --- | --- | --- | --- | --- |\n");
    for (int i = 0; i < VIEWS_MAX; i++) {
        const SavedView *v = &views[i];
        if (!v->name)
            continue;
        char label[200];
        views_filter_label(v, label, sizeof label);
        strbuf_printf(out, "| `%d` | %s | %s%s%s | `%s` | %s |\n", i + 1, v->name, *label ? "`" : "",
                      *label ? label : "(none)", *label ? "`" : "", v->sort, v->why);
    }
}
