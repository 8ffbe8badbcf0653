/* The prompt's line editor and history. */
#include "ui/lineedit.h"

#include <stdlib.h>
#include <string.h>

#include "core/safetext.h"
#include "core/utf8.h"
#include "core/xalloc.h"

void le_set(LineEdit *e, const char *text)
{
    size_t n = utf8_prefix(text, strlen(text), LINEEDIT_MAX);
    memcpy(e->buf, text, n);
    e->buf[n] = '\0';
    e->len = e->cur = n;
}

bool le_insert(LineEdit *e, uint32_t cp)
{
    if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0) || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return false;
    char u[4];
    size_t k = utf8_encode(cp, u);
    if (!safetext_is_safe(u, k, SAFE_LINE)) /* bidi, invisible…: what is typed stays visible */
        return false;
    if (e->len + k > LINEEDIT_MAX)
        return false;
    memmove(e->buf + e->cur + k, e->buf + e->cur, e->len - e->cur + 1);
    memcpy(e->buf + e->cur, u, k);
    e->len += k;
    e->cur += k;
    return true;
}

static size_t prev_char(const LineEdit *e, size_t at)
{
    if (at == 0)
        return 0;
    at--;
    while (at > 0 && ((unsigned char)e->buf[at] & 0xC0) == 0x80)
        at--;
    return at;
}

static size_t next_char(const LineEdit *e, size_t at)
{
    if (at >= e->len)
        return e->len;
    at++;
    while (at < e->len && ((unsigned char)e->buf[at] & 0xC0) == 0x80)
        at++;
    return at;
}

static void cut(LineEdit *e, size_t from, size_t to)
{
    memmove(e->buf + from, e->buf + to, e->len - to + 1);
    e->len -= to - from;
    e->cur = from;
}

void le_left(LineEdit *e)
{
    e->cur = prev_char(e, e->cur);
}

void le_right(LineEdit *e)
{
    e->cur = next_char(e, e->cur);
}

void le_home(LineEdit *e)
{
    e->cur = 0;
}

void le_end(LineEdit *e)
{
    e->cur = e->len;
}

void le_backspace(LineEdit *e)
{
    if (e->cur > 0)
        cut(e, prev_char(e, e->cur), e->cur);
}

void le_delete(LineEdit *e)
{
    if (e->cur < e->len) {
        size_t c = e->cur;
        cut(e, c, next_char(e, c));
    }
}

void le_kill_start(LineEdit *e)
{
    cut(e, 0, e->cur);
}

void le_kill_end(LineEdit *e)
{
    e->buf[e->cur] = '\0';
    e->len = e->cur;
}

void le_kill_word(LineEdit *e)
{
    size_t at = e->cur;
    while (at > 0 && e->buf[at - 1] == ' ')
        at--;
    while (at > 0 && e->buf[at - 1] != ' ')
        at--;
    cut(e, at, e->cur);
}

size_t le_cursor_chars(const LineEdit *e)
{
    size_t n = 0;
    for (size_t i = 0; i < e->cur; i++)
        n += ((unsigned char)e->buf[i] & 0xC0) != 0x80;
    return n;
}

void history_add(History *h, const char *text)
{
    if (!*text || (h->n && !strcmp(h->items[h->n - 1], text))) {
        history_reset(h);
        return;
    }
    if (h->n == LINEEDIT_HISTORY) {
        free(h->items[0]);
        memmove(h->items, h->items + 1, (LINEEDIT_HISTORY - 1) * sizeof *h->items);
        h->n--;
    }
    h->items[h->n++] = xstrdup(text);
    history_reset(h);
}

void history_free(History *h)
{
    for (int i = 0; i < h->n; i++)
        free(h->items[i]);
    memset(h, 0, sizeof *h);
}

void history_reset(History *h)
{
    h->pos = h->n;
    h->draft[0] = '\0';
}

bool history_move(History *h, LineEdit *e, int dir)
{
    int to = h->pos + dir;
    if (to < 0 || to > h->n)
        return false;
    if (h->pos == h->n)
        memcpy(h->draft, e->buf, e->len + 1);
    h->pos = to;
    le_set(e, to == h->n ? h->draft : h->items[to]);
    return true;
}
