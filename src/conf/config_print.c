/* Config as text: values as the config writes them, sources, --print-config, docs. */
#include <stdio.h>
#include <string.h>

#include "core/safetext.h"
#include "conf/config.h"

/* The i-th word of a blank-separated list. */
static void word_at(const char *list, size_t i, StrBuf *out)
{
    for (size_t k = 0; *list; k++) {
        size_t len = strcspn(list, " ");
        if (k == i) {
            strbuf_append(out, list, len);
            return;
        }
        list += len + (list[len] == ' ');
    }
}

static void format_flags(long bits, const char *choices, StrBuf *out)
{
    if (!bits) {
        strbuf_puts(out, "none");
        return;
    }
    bool first = true;
    for (size_t i = 0; i < 16; i++) {
        if (!(bits & (1L << i)))
            continue;
        if (!first)
            strbuf_puts(out, ",");
        word_at(choices, i, out);
        first = false;
    }
}

void config_format(const Config *s, SettingId id, StrBuf *out)
{
    const SettingInfo *info = config_info(id);
    const SettingValue *v = &s->v[id];
    char buf[64];
    switch (info->type) {
    case ST_BOOL:
        strbuf_puts(out, v->num ? "yes" : "no");
        break;
    case ST_INT:
        strbuf_printf(out, "%ld", v->num);
        break;
    case ST_DURATION:
        config_duration_text(v->num, buf, sizeof buf);
        strbuf_puts(out, buf);
        break;
    case ST_FLAGS:
        format_flags(v->num, info->limits.choices, out);
        break;
    case ST_LIST:
        for (size_t i = 0; i < v->nitems; i++) {
            if (i)
                strbuf_puts(out, ", ");
            conf_quote(out, v->items[i], QUOTE_ITEM);
        }
        break;
    default:
        if (v->text && *v->text)
            conf_quote(out, v->text, QUOTE_VALUE);
    }
}

void config_source_format(const SettingSource *src, char *buf, size_t n)
{
    switch (src->origin) {
    case FROM_CONFIG:
        safetext_format(buf, n, "%s:%d:%d", src->pos.file ? src->pos.file : "", src->pos.line, src->pos.col);
        break;
    case FROM_ENV:
        safetext_format(buf, n, "environment %s", src->name ? src->name : "");
        break;
    case FROM_FLAG:
        safetext_format(buf, n, "flag %s", src->name ? src->name : "");
        break;
    default:
        snprintf(buf, n, "built-in");
    }
}

void config_print(const Config *s, StrBuf *out)
{
    strbuf_puts(out, "# regdesk's effective settings, each with where its value came from\n"
                     "# (flags > environment > config file > built-in). The token is never shown.\n");
    StrBuf line = STRBUF_INIT;
    for (int i = 0; i < SET__COUNT; i++) {
        char src[600];
        strbuf_reset(&line);
        strbuf_printf(&line, "set %s = ", config_info((SettingId)i)->name);
        config_format(s, (SettingId)i, &line);
        config_source_format(&s->src[i], src, sizeof src);
        /* the value is display-safe: config text is checked, flags and environment too */
        strbuf_printf(out, "%-48s # %s\n", strbuf_cstr(&line), src);
    }
    strbuf_free(&line);
}

static const char *type_text(const SettingInfo *info, char *buf, size_t n)
{
    const SettingLimits *l = &info->limits;
    char lo[32], hi[32];
    switch (info->type) {
    case ST_BOOL:
        return "yes or no";
    case ST_INT:
        snprintf(buf, n, "%ld to %ld", l->lo, l->hi);
        return buf;
    case ST_DURATION:
        config_duration_text(l->lo, lo, sizeof lo);
        config_duration_text(l->hi, hi, sizeof hi);
        snprintf(buf, n, "%s to %s (a bare number is in %s)", lo, hi,
                 l->unit == 3600 ? "hours" : l->unit == 60 ? "minutes" : "seconds");
        return buf;
    case ST_FLAGS:
        snprintf(buf, n, "a list of %s; or none, all", l->choices);
        return buf;
    case ST_LIST:
        return "a comma-separated list";
    case ST_URL:
        return "an address";
    case ST_PATH:
        return "a file (~/ is your home)";
    case ST_FILTER:
        return "a filter";
    case ST_SORT:
        return "a sort key";
    default:
        return "text";
    }
}

void config_markdown(StrBuf *out)
{
    strbuf_puts(out, "| Setting | Value | Default | What it does |\n| --- | --- | --- | --- |\n");
    for (int i = 0; i < SET__COUNT; i++) {
        const SettingInfo *info = config_info((SettingId)i);
        char buf[160];
        strbuf_printf(out, "| `%s` | %s | %s%s%s | %s |\n", info->name, type_text(info, buf, sizeof buf),
                      *info->def ? "`" : "", *info->def ? info->def : "(none)", *info->def ? "`" : "", info->doc);
    }
}
