/* regdesk audit [--since DATE] [--format table|json]: the audit log, read back. */
#include <stdio.h>
#include <string.h>

#include "cli/cli_internal.h"
#include "cli/clirun.h"
#include "core/audit.h"
#include "core/jsonw.h"
#include "core/timeutil.h"
#include "local/audit.h"

enum { BAD_LINES_SHOWN = 5 };

typedef struct Reader {
    int64_t since;  /* TIME_NONE: every line */
    bool json;
    StrBuf out;
    size_t shown, bad;
    bool write_failed;
} Reader;

/* --since: an ISO date or time, or a duration back from now ("7d", "-24h"). */
static bool parse_since(const char *s, int64_t *out)
{
    int64_t d;
    if (time_parse_iso(s, out))
        return true;
    const char *p = s + (*s == '-');
    if (!time_parse_duration(p, strlen(p), &d))
        return false;
    *out = time_now_ms() - d;
    return true;
}

/* "from → to", "→ to", or "" */
static void change(const AuditEntry *e, char *buf, size_t n)
{
    const char *from = audit_entry_text(e, "from"), *to = audit_entry_text(e, "to");
    snprintf(buf, n, "%s%s%s", from, *from || *to ? (*from ? " → " : "→ ") : "", to);
}

/* The action's own keys as "key=value …". */
static void extras(const AuditEntry *e, StrBuf *b)
{
    for (size_t i = 0; i < e->n; i++) {
        const AuditField *f = &e->f[i];
        if (audit_key_fixed(f->key))
            continue;
        strbuf_printf(b, "  %s=%s", f->key, f->kind == AT_NULL ? "null" : f->text);
    }
}

static void table_header(StrBuf *b)
{
    strbuf_printf(b, "%-16s  %-11s  %-8s  %-4s  %-24s  %-46s  %s\n", "TIME (UTC)", "ACTION", "OUTCOME", "HTTP", "ID",
                  "CHANGE", "BY");
}

static void table_row(const AuditEntry *e, StrBuf *b)
{
    char when[24], what[120];
    time_format_short(e->time_ms, when, sizeof when);
    change(e, what, sizeof what);
    const char *http = audit_entry_text(e, "http"), *id = audit_entry_text(e, "id");
    /* Columns are padded by characters, not bytes: the arrow is three bytes wide. */
    int pad = 46 + (strstr(what, "→") ? 2 : 0);
    strbuf_printf(b, "%-16s  %-11s  %-8s  %-4s  %-24s  %-*s  %s@%s (%s)", when, audit_entry_text(e, "action"),
                  audit_entry_text(e, "outcome"), *http ? http : "-", *id ? id : "-", pad, *what ? what : "-",
                  audit_entry_text(e, "user"), audit_entry_text(e, "host"), audit_entry_text(e, "via"));
    extras(e, b);
    strbuf_putc(b, '\n');
}

static void json_row(const AuditEntry *e, bool first, StrBuf *b)
{
    strbuf_puts(b, first ? "\n  " : ",\n  ");
    JsonOut w;
    jo_init(&w, b);
    jo_object(&w, NULL);
    for (size_t i = 0; i < e->n; i++) {
        const AuditField *f = &e->f[i];
        switch (f->kind) {
        case AT_STRING: jo_str(&w, f->key, f->text); break;
        case AT_NUMBER: jo_num(&w, f->key, f->num); break;
        case AT_BOOLEAN: jo_bool(&w, f->key, f->num != 0); break;
        case AT_NULL: jo_null(&w, f->key); break;
        }
    }
    jo_end(&w, '}');
}

static bool on_line(void *ctx, size_t lineno, const char *line, size_t len)
{
    Reader *r = ctx;
    if (len == 0)
        return true;
    AuditEntry e;
    if (!audit_parse(line, len, &e)) {
        if (++r->bad <= BAD_LINES_SHOWN)
            cli_error("audit log line %zu is not a regdesk audit record (cut short, or edited); skipped", lineno);
        return true;
    }
    if (r->since != TIME_NONE && e.time_ms < r->since)
        return true;
    if (r->json)
        json_row(&e, r->shown == 0, &r->out);
    else
        table_row(&e, &r->out);
    r->shown++;
    if (r->out.len > 1 << 16) { /* stream: a year of decisions is not held in memory */
        r->write_failed |= !cli_write(stdout, &r->out);
        strbuf_reset(&r->out);
    }
    return !r->write_failed;
}

int cmd_audit(int argc, char **argv, const CliSettings *s)
{
    const char *since = NULL, *format = NULL;
    const CliOpt opts[] = { { "--since", &since, NULL }, { "--format", &format, NULL } };
    size_t npos;
    if (!cli_options(argc, argv, opts, 2, NULL, 0, &npos))
        return EXIT_USAGE;
    Reader r = { .since = TIME_NONE, .out = STRBUF_INIT };
    if (format && strcmp(format, "table") && strcmp(format, "json")) {
        cli_error("unknown format \"%s\" for audit; use table or json", format);
        return EXIT_USAGE;
    }
    r.json = format && !strcmp(format, "json");
    if (since && !parse_since(since, &r.since)) {
        cli_error("--since takes a date or time (2026-12-01, 2026-12-01T09:00:00Z) or a duration back from now "
                  "(24h, 7d), not \"%s\"", since);
        return EXIT_USAGE;
    }
    if (r.json)
        strbuf_putc(&r.out, '[');
    else
        table_header(&r.out);
    bool missing;
    char err[600];
    bool ok = audit_read(s->audit_log, on_line, &r, &missing, err, sizeof err);
    if (!ok)
        cli_error("%s", err);
    if (missing)
        cli_error("there is no audit log at %s yet: nothing has been decided, resent, created or copied from here",
                  s->audit_log);
    if (r.json)
        strbuf_puts(&r.out, r.shown ? "\n]\n" : "]\n");
    r.write_failed |= !cli_write(stdout, &r.out);
    strbuf_free(&r.out);
    int rc = cli_finish_output(stdout);
    if (r.bad > BAD_LINES_SHOWN)
        cli_error("%zu lines in all are not audit records", r.bad);
    if (!ok || r.bad || r.write_failed)
        return EXIT_INTERNAL;
    return rc;
}
