/* Reading an audit log line back (core/audit.h). The log is a local file, but one that
 * anybody with the account could have edited: every string is made display-safe. */
#include <cJSON.h>
#include <stdio.h>
#include <string.h>

#include "core/audit.h"
#include "core/safetext.h"
#include "core/timeutil.h"

static void safe_copy(char *dst, size_t n, const char *src)
{
    safetext_format(dst, n, "%s", src);
}

static void take(AuditEntry *e, const cJSON *m)
{
    if (e->n >= AUDIT_FIELDS_MAX || !m->string)
        return;
    AuditField *f = &e->f[e->n];
    memset(f, 0, sizeof *f);
    safe_copy(f->key, sizeof f->key, m->string);
    if (cJSON_IsString(m)) {
        f->kind = AT_STRING;
        safe_copy(f->text, sizeof f->text, m->valuestring);
    } else if (cJSON_IsNumber(m)) {
        f->kind = AT_NUMBER;
        f->num = m->valuedouble;
        snprintf(f->text, sizeof f->text, "%.15g", m->valuedouble);
    } else if (cJSON_IsBool(m)) {
        f->kind = AT_BOOLEAN;
        f->num = cJSON_IsTrue(m);
        snprintf(f->text, sizeof f->text, "%s", cJSON_IsTrue(m) ? "true" : "false");
    } else if (cJSON_IsNull(m)) {
        f->kind = AT_NULL;
    } else {
        return; /* regdesk writes no nested values: not kept */
    }
    e->n++;
}

bool audit_parse(const char *line, size_t len, AuditEntry *out)
{
    memset(out, 0, sizeof *out);
    const char *end = NULL;
    cJSON *j = cJSON_ParseWithLengthOpts(line, len, &end, false);
    bool ok = cJSON_IsObject(j);
    while (ok && end && end < line + len && (*end == ' ' || *end == '\r' || *end == '\n'))
        end++;
    ok = ok && end == line + len; /* one object, nothing after it */
    const cJSON *m;
    if (ok)
        cJSON_ArrayForEach(m, j) take(out, m);
    cJSON_Delete(j);
    const char *t = audit_entry_text(out, "time");
    return ok && *audit_entry_text(out, "action") && time_parse_iso(t, &out->time_ms);
}

const char *audit_entry_text(const AuditEntry *e, const char *key)
{
    for (size_t i = 0; i < e->n; i++)
        if (!strcmp(e->f[i].key, key))
            return e->f[i].text;
    return "";
}
