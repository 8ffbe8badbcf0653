/* Audit records as JSON lines (audit.h). */
#include "core/audit.h"

#include <string.h>

#include "core/jsonw.h"
#include "core/timeutil.h"

static const char *const outcome_names[AO__COUNT] = { "ok", "failed", "conflict", "unknown" };

/* The keys every line has, in the order they are written. */
static const char *const fixed_keys[] = { "time", "user", "host", "via", "api", "action",
                                          "id",   "from", "to",   "outcome", "http" };

const char *audit_outcome_name(AuditOutcome o)
{
    return o >= 0 && o < AO__COUNT ? outcome_names[o] : "unknown";
}

const char *const *audit_fixed_keys(size_t *n)
{
    *n = sizeof fixed_keys / sizeof *fixed_keys;
    return fixed_keys;
}

bool audit_key_fixed(const char *key)
{
    for (size_t i = 0; i < sizeof fixed_keys / sizeof *fixed_keys; i++)
        if (!strcmp(key, fixed_keys[i]))
            return true;
    return false;
}

/* An action's key is code's, never data: lower-case words, not a fixed key. */
static bool key_ok(const char *key)
{
    if (!key || !*key || strlen(key) >= AUDIT_KEY_MAX || audit_key_fixed(key))
        return false;
    for (const char *p = key; *p; p++)
        if (!((*p >= 'a' && *p <= 'z') || *p == '_'))
            return false;
    return true;
}

static void add(AuditEvent *ev, AuditExtra x)
{
    if (ev->n_extra < AUDIT_EXTRA_MAX && key_ok(x.key))
        ev->extra[ev->n_extra++] = x;
}

void audit_extra_text(AuditEvent *ev, const char *key, const char *text)
{
    add(ev, (AuditExtra){ .key = key, .kind = AV_TEXT, .text = text });
}

void audit_extra_num(AuditEvent *ev, const char *key, long long num)
{
    add(ev, (AuditExtra){ .key = key, .kind = AV_NUM, .num = num });
}

void audit_extra_bool(AuditEvent *ev, const char *key, bool v)
{
    add(ev, (AuditExtra){ .key = key, .kind = AV_BOOL, .num = v });
}

void audit_format(const AuditStamp *st, const AuditEvent *ev, StrBuf *out)
{
    JsonOut w;
    jo_init(&w, out);
    jo_object(&w, NULL);
    jo_time(&w, "time", st->time_ms);
    jo_text(&w, "user", st->user);
    jo_text(&w, "host", st->host);
    jo_text(&w, "via", st->via);
    jo_text(&w, "api", st->api);
    jo_text(&w, "action", ev->action);
    jo_text(&w, "id", ev->id);
    jo_text(&w, "from", ev->from);
    jo_text(&w, "to", ev->to);
    jo_str(&w, "outcome", audit_outcome_name(ev->outcome));
    if (ev->http > 0)
        jo_int(&w, "http", ev->http);
    else
        jo_null(&w, "http");
    for (size_t i = 0; i < ev->n_extra && i < AUDIT_EXTRA_MAX; i++) {
        const AuditExtra *x = &ev->extra[i];
        if (!key_ok(x->key))
            continue;
        if (x->kind == AV_TEXT)
            jo_text(&w, x->key, x->text);
        else if (x->kind == AV_BOOL)
            jo_bool(&w, x->key, x->num != 0);
        else
            jo_int(&w, x->key, x->num);
    }
    jo_end(&w, '}');
    strbuf_putc(out, '\n');
}
