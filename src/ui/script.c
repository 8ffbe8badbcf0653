/* The scripted test mode and the screen dump. */
#include "core/timeutil.h"
#include "ui/script.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "core/strbuf.h"
#include "core/utf8.h"
#include "core/xalloc.h"
#include "ui/draw.h"

typedef enum StepKind { S_KEYS, S_WAIT_LOADED, S_WAIT_ROWS, S_WAIT_DETAIL, S_SLEEP, S_RESIZE, S_DUMP, S_DUMP_ATTRS, S_QUIT } StepKind;

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
    } else if (!strcmp(cmd, "wait-rows") || !strcmp(cmd, "sleep")) {
        char *end;
        long v = strtol(arg, &end, 10);
        if (!*arg || *end || v < 0)
            return false;
        add(s, cmd[0] == 'w' ? S_WAIT_ROWS : S_SLEEP, line)->arg1 = v;
    } else if (!strcmp(cmd, "resize")) {
        long c, r;
        if (sscanf(arg, "%ld %ld", &c, &r) != 2 && sscanf(arg, "%ldx%ld", &c, &r) != 2)
            return false;
        Step *st = add(s, S_RESIZE, line);
        st->arg1 = c;
        st->arg2 = r;
    } else if (!strcmp(cmd, "dump") || !strcmp(cmd, "dump-attrs")) {
        if (!*arg)
            return false;
        add(s, cmd[4] ? S_DUMP_ATTRS : S_DUMP, line)->path = xstrdup(arg);
    } else if (!strcmp(cmd, "quit")) {
        add(s, S_QUIT, line);
    } else {
        return false;
    }
    return true;
}

Script *script_parse(const char *text, char *err, size_t n)
{
    Script *s = xcalloc(1, sizeof *s);
    s->timeout_ms = 20000;
    const char *t = getenv("REGDESK_SCRIPT_TIMEOUT");
    if (t && atol(t) > 0)
        s->timeout_ms = atol(t);
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

bool script_from_env(Script **out, char *err, size_t n)
{
    *out = NULL;
    const char *path = getenv("REGDESK_SCRIPT"), *inline_text = getenv("REGDESK_KEYS");
    if (path && *path) {
        FILE *f = fopen(path, "r");
        if (!f) {
            fmt_bounded(err, n, "cannot read the script %s", path);
            return false;
        }
        StrBuf b = STRBUF_INIT;
        char buf[4096];
        size_t k;
        while ((k = fread(buf, 1, sizeof buf, f)) > 0)
            strbuf_append(&b, buf, k);
        fclose(f);
        *out = script_parse(strbuf_cstr(&b), err, n);
        strbuf_free(&b);
        return *out != NULL;
    }
    if (inline_text && *inline_text) {
        *out = script_parse(inline_text, err, n);
        return *out != NULL;
    }
    return true;
}

/* ---- running ---------------------------------------------------------------------------- */

static bool satisfied(App *a, const Step *st)
{
    switch (st->kind) {
    case S_WAIT_LOADED: return a->load.started && !a->load.active;
    case S_WAIT_ROWS: return (long)a->store.n >= st->arg1;
    case S_WAIT_DETAIL: {
        DetailState ds = detail_state(a);
        return !a->det.follow_due && a->det.rec >= 0 && (ds == DS_LOADED || ds == DS_ERROR);
    }
    default: return true;
    }
}

static bool is_wait(const Step *st)
{
    return st->kind == S_WAIT_LOADED || st->kind == S_WAIT_ROWS || st->kind == S_WAIT_DETAIL;
}

bool script_ready(App *a)
{
    Script *s = a->script;
    return s && s->cur < s->n && is_wait(&s->steps[s->cur]) && satisfied(a, &s->steps[s->cur]);
}

static void fail(App *a, const Step *st, const char *what)
{
    fprintf(stderr, "regdesk: script line %d: %s\n", st->line, what);
    a->exit_code = UI_EXIT_INTERNAL;
    a->quit = true;
}

/* Returns false when the step must wait. */
static bool step(App *a, Step *st)
{
    Script *s = a->script;
    int64_t now = time_mono_ms();
    if (is_wait(st)) {
        if (st->kind == S_WAIT_DETAIL && a->det.rec < 0 && !a->det.follow_due && !view_has_pending(&a->view)) {
            fail(a, st, "waiting for a detail, but no registration is selected");
            return false;
        }
        if (satisfied(a, st)) {
            s->wait_start = 0;
            return true;
        }
        if (!s->wait_start)
            s->wait_start = now;
        if (now - s->wait_start > s->timeout_ms)
            fail(a, st, "timed out waiting");
        return false;
    }
    switch (st->kind) {
    case S_KEYS:
        for (int i = 0; i < st->nkeys && !a->quit; i++) {
            app_flush(a);
            command_key(a, st->keys[i]);
        }
        break;
    case S_SLEEP:
        if (!s->sleep_until)
            s->sleep_until = now + st->arg1;
        if (now < s->sleep_until)
            return false;
        s->sleep_until = 0;
        break;
    case S_RESIZE:
        resizeterm((int)st->arg2, (int)st->arg1);
        a->dirty |= D_LAYOUT;
        break;
    case S_DUMP: case S_DUMP_ATTRS:
        if (a->det.follow_due)
            return false; /* a screen at rest: the detail pane follows the selection first */
        if (!screen_dump(a, st->path, st->kind == S_DUMP_ATTRS))
            fail(a, st, "cannot write the dump");
        break;
    case S_QUIT:
        a->quit = true;
        break;
    default:
        break;
    }
    return true;
}

void script_run(App *a)
{
    Script *s = a->script;
    while (s && !a->quit && s->cur < s->n) {
        if (!step(a, &s->steps[s->cur]))
            return;
        s->cur++;
    }
    if (s && s->cur >= s->n)
        a->quit = true;
}

int script_timeout_ms(App *a)
{
    Script *s = a->script;
    if (!s || s->cur >= s->n)
        return -1;
    if (s->sleep_until) {
        int64_t left = s->sleep_until - time_mono_ms();
        return left < 0 ? 0 : (int)left;
    }
    return 50; /* waits are re-checked, and timed out, from the loop */
}

/* ---- the dump ---------------------------------------------------------------------------- */

static void put_row_text(FILE *f, int y, int cols)
{
    wchar_t buf[1024];
    int n = mvwinnwstr(curscr, y, 0, buf, cols < 1023 ? cols : 1023);
    if (n < 0)
        n = 0;
    while (n > 0 && buf[n - 1] == L' ')
        n--;
    for (int i = 0; i < n; i++) {
        char u[4];
        uint32_t cp = (uint32_t)buf[i];
        if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            cp = 0xFFFD;
        fwrite(u, 1, utf8_encode(cp, u), f);
    }
    fputc('\n', f);
}

static char slot_letter(int slot)
{
    static const char letters[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    if (slot == SL_NORMAL)
        return '.';
    if (slot < 0 || slot - 1 >= (int)sizeof letters - 1)
        return '?';
    return letters[slot - 1];
}

static void put_row_attrs(FILE *f, int y, int cols)
{
    char row[1024];
    int n = 0;
    for (int x = 0; x < cols && n < (int)sizeof row - 1; x++) {
        cchar_t c;
        wchar_t wch[CCHARW_MAX + 1];
        attr_t attr;
        short pair;
        mvwin_wch(curscr, y, x, &c);
        getcchar(&c, wch, &attr, &pair, NULL);
        row[n++] = slot_letter(theme_slot_of(attr, pair));
    }
    while (n > 0 && row[n - 1] == '.')
        n--;
    row[n] = '\0';
    fprintf(f, "%s\n", row);
}

bool screen_dump(App *a, const char *path, bool attrs)
{
    app_flush(a);
    app_render(a);
    FILE *f = fopen(path, "w");
    if (!f)
        return false;
    int rows = getmaxy(curscr), cols = getmaxx(curscr);
    for (int y = 0; y < rows; y++)
        put_row_text(f, y, cols);
    if (attrs) {
        fprintf(f, "-- colour slots (. normal, ? none of the theme's):");
        for (int s = 1; s < SL__COUNT; s++)
            fprintf(f, "%s %c=%s", s % 6 == 1 ? "\n--" : "", slot_letter(s), slot_name((Slot)s));
        fputc('\n', f);
        for (int y = 0; y < rows; y++)
            put_row_attrs(f, y, cols);
    }
    return fclose(f) == 0;
}
