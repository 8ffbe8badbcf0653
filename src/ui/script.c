/* The scripted test mode: reading a script, and deciding its next step from the model. */
#include "ui/script.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/utf8.h"
#include "core/xalloc.h"

typedef enum StepKind {
    S_KEYS, S_WAIT_LOADED, S_WAIT_ROWS, S_WAIT_DETAIL, S_WAIT_ACTION, S_WAIT_REFRESH, S_WAIT_FILE, S_WAIT_MESSAGE,
    S_SLEEP, S_RESIZE, S_DUMP, S_QUIT
} StepKind;

typedef struct Step {
    StepKind kind;
    int line;
    Key *keys;
    int nkeys;
    long arg1, arg2;
    char *path;
} Step;

struct Script {
    Step *steps;
    size_t n, cap, cur;
    int64_t wait_start, sleep_until;
    long timeout_ms;
};

void script_free(Script *s)
{
    if (!s)
        return;
    for (size_t i = 0; i < s->n; i++) {
        free(s->steps[i].keys);
        free(s->steps[i].path);
    }
    free(s->steps);
    free(s);
}

static Step *add(Script *s, StepKind kind, int line)
{
    s->steps = xgrow(s->steps, &s->cap, s->n + 1, sizeof *s->steps);
    Step *st = &s->steps[s->n++];
    memset(st, 0, sizeof *st);
    st->kind = kind;
    st->line = line;
    return st;
}

/* Every character of text as a key. */
static void typed(Step *st, const char *text)
{
    size_t len = strlen(text);
    st->keys = xcalloc(len + 1, sizeof *st->keys);
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        size_t k = utf8_decode(text + i, len - i, &cp);
        st->keys[st->nkeys++] = (Key)cp;
        i += k ? k : 1;
    }
}

static bool key_names(Step *st, const char *text)
{
    size_t len = strlen(text);
    st->keys = xcalloc(len + 1, sizeof *st->keys);
    st->nkeys = key_parse_list(text, st->keys, (int)len + 1);
    return st->nkeys > 0;
}

static bool command(Script *s, const char *cmd, const char *arg, int line)
{
    if (!strcmp(cmd, "type")) {
        typed(add(s, S_KEYS, line), arg);
    } else if (!strcmp(cmd, "key")) {
        return key_names(add(s, S_KEYS, line), arg);
    } else if (!strcmp(cmd, "wait-loaded")) {
        add(s, S_WAIT_LOADED, line);
    } else if (!strcmp(cmd, "wait-detail")) {
        add(s, S_WAIT_DETAIL, line);
    } else if (!strcmp(cmd, "wait-action")) {
        add(s, S_WAIT_ACTION, line);
    } else if (!strcmp(cmd, "wait-file")) {
        if (!*arg)
            return false;
        add(s, S_WAIT_FILE, line)->path = xstrdup(arg);
    } else if (!strcmp(cmd, "wait-message")) { /* until the status bar says this */
        if (!*arg)
            return false;
        add(s, S_WAIT_MESSAGE, line)->path = xstrdup(arg);
    } else if (!strcmp(cmd, "wait-rows") || !strcmp(cmd, "sleep") || !strcmp(cmd, "wait-refresh")) {
        char *end;
        long v = strtol(arg, &end, 10);
        if (!*arg || *end || v < 0)
            return false;
        StepKind k = !strcmp(cmd, "sleep") ? S_SLEEP : !strcmp(cmd, "wait-rows") ? S_WAIT_ROWS : S_WAIT_REFRESH;
        add(s, k, line)->arg1 = v;
    } else if (!strcmp(cmd, "resize")) {
        long c, r;
        if (sscanf(arg, "%ld %ld", &c, &r) != 2 && sscanf(arg, "%ldx%ld", &c, &r) != 2)
            return false;
        Step *st = add(s, S_RESIZE, line);
        st->arg1 = c;
        st->arg2 = r;
    } else if (!strcmp(cmd, "dump") || !strcmp(cmd, "dump-attrs") || !strcmp(cmd, "dump-looks")) {
        if (!*arg)
            return false;
        Step *st = add(s, S_DUMP, line);
        st->path = xstrdup(arg);
        st->arg1 = !cmd[4] ? DUMP_TEXT : cmd[5] == 'a' ? DUMP_SLOTS : DUMP_LOOKS;
    } else if (!strcmp(cmd, "quit")) {
        add(s, S_QUIT, line);
    } else {
        return false;
    }
    return true;
}

Script *script_parse(const char *text, long timeout_ms, char *err, size_t n)
{
    Script *s = xcalloc(1, sizeof *s);
    s->timeout_ms = timeout_ms > 0 ? timeout_ms : 20000;
    int line = 0;
    while (*text) {
        size_t len = strcspn(text, "\n");
        char *ln = xstrndup(text, len);
        text += len + (text[len] == '\n');
        line++;
        if (len && ln[len - 1] == '\r')
            ln[--len] = '\0';
        const char *p = ln;
        bool ok = true;
        if (*p == ':') {
            const char *sp = strchr(p, ' ');
            char *cmd = xstrndup(p + 1, sp ? (size_t)(sp - p - 1) : strlen(p + 1));
            ok = command(s, cmd, sp ? sp + 1 : "", line);
            free(cmd);
        } else if (*p && *p != '#') {
            ok = key_names(add(s, S_KEYS, line), p);
        }
        if (!ok) {
            fmt_bounded(err, n, "script line %d: cannot read \"%s\"", line, ln);
            free(ln);
            script_free(s);
            return NULL;
        }
        free(ln);
    }
    return s;
}

/* ---- running ---------------------------------------------------------------------------- */

static bool satisfied(const Model *m, const Step *st)
{
    switch (st->kind) {
    case S_WAIT_LOADED: return m->load.started && !m->load.active;
    case S_WAIT_ROWS: return (long)m->store.n >= st->arg1;
    case S_WAIT_MESSAGE: return strstr(m->msg.text, st->path) != NULL;
    case S_WAIT_DETAIL: {
        DetailState ds = model_detail_state(m);
        return !m->det.follow_due && m->det.rec >= 0 && (ds == DS_LOADED || ds == DS_ERROR);
    }
    case S_WAIT_ACTION: return !model_decide_busy(m) && m->rs.state != RS_SENDING && m->cr.state != CS_SENDING;
    case S_WAIT_REFRESH: return (long)m->ref.done >= st->arg1;
    case S_WAIT_FILE: return access(st->path, F_OK) == 0;
    default: return true;
    }
}

static bool is_wait(const Step *st)
{
    return st->kind >= S_WAIT_LOADED && st->kind <= S_WAIT_MESSAGE;
}

bool script_ready(const Script *s, const Model *m)
{
    return s->cur < s->n && is_wait(&s->steps[s->cur]) && satisfied(m, &s->steps[s->cur]);
}

static bool fail(ScriptAct *out, const Step *st, const char *why)
{
    *out = (ScriptAct){ .kind = SCRIPT_FAIL, .line = st->line, .why = why };
    return true;
}

/* A wait step: true when it is over (satisfied, or failed into *out). */
static bool wait_over(Script *s, const Model *m, const Step *st, int64_t now, ScriptAct *out, bool *failed)
{
    *failed = false;
    if (st->kind == S_WAIT_DETAIL && m->det.rec < 0 && !m->det.follow_due && !view_has_pending(&m->view))
        return *failed = fail(out, st, "waiting for a detail, but no registration is selected");
    if (satisfied(m, st)) {
        s->wait_start = 0;
        return true;
    }
    if (!s->wait_start)
        s->wait_start = now;
    if (now - s->wait_start > s->timeout_ms)
        return *failed = fail(out, st, "timed out waiting");
    return false;
}

bool script_next(Script *s, const Model *m, ScriptAct *out)
{
    int64_t now = model_mono(m);
    while (s->cur < s->n) {
        Step *st = &s->steps[s->cur];
        if (is_wait(st)) {
            bool failed;
            if (!wait_over(s, m, st, now, out, &failed))
                return false;
            s->cur++;
            if (failed)
                return true;
            continue;
        }
        switch (st->kind) {
        case S_SLEEP:
            if (!s->sleep_until)
                s->sleep_until = now + st->arg1;
            if (now < s->sleep_until)
                return false;
            s->sleep_until = 0;
            s->cur++;
            continue;
        case S_DUMP:
            if (m->det.follow_due)
                return false; /* a screen at rest: the detail pane follows the selection first */
            *out = (ScriptAct){ .kind = SCRIPT_DUMP, .path = st->path, .dump = (DumpKind)st->arg1, .line = st->line };
            break;
        case S_KEYS: *out = (ScriptAct){ .kind = SCRIPT_KEYS, .keys = st->keys, .nkeys = st->nkeys, .line = st->line }; break;
        case S_RESIZE:
            *out = (ScriptAct){ .kind = SCRIPT_RESIZE, .cols = (int)st->arg1, .rows = (int)st->arg2, .line = st->line };
            break;
        default: *out = (ScriptAct){ .kind = SCRIPT_QUIT, .line = st->line }; break;
        }
        s->cur++;
        return true;
    }
    *out = (ScriptAct){ .kind = SCRIPT_QUIT }; /* the end of the script quits too */
    return true;
}

int script_timeout_ms(const Script *s, const Model *m)
{
    if (s->cur >= s->n)
        return -1;
    if (s->sleep_until) {
        int64_t left = s->sleep_until - model_mono(m);
        return left < 0 ? 0 : (int)left;
    }
    return 50; /* waits are re-checked, and timed out, from the loop */
}
