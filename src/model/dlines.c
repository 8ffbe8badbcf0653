/* Building the detail pane's lines: spans fitted to the width, wrapping, sections. */
#include "model/dlines.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/fold.h"
#include "core/safetext.h"
#include "core/xalloc.h"
#include "core/glyphs.h"

enum { DL_MAX_LINES = 50000 }; /* a pathological record cannot eat the memory */

void dl_init(DLines *d)
{
    memset(d, 0, sizeof *d);
}

void dl_free(DLines *d)
{
    strbuf_free(&d->text);
    free(d->spans);
    free(d->lines);
    memset(d, 0, sizeof *d);
}

void dl_reset(DLines *d, int width, uint32_t collapsed)
{
    strbuf_reset(&d->text);
    d->nspans = d->n = 0;
    d->width = width < 1 ? 1 : width;
    d->collapsed = collapsed;
    d->section = SEC_TOP;
    d->skipping = d->open = d->full = false;
    d->col = 0;
}

static void push_span(DLines *d, const char *s, size_t len, Slot slot)
{
    if (!len)
        return;
    d->spans = xgrow(d->spans, &d->capspans, d->nspans + 1, sizeof *d->spans);
    d->spans[d->nspans++] = (DSpan){ (uint32_t)d->text.len, (uint32_t)len, (uint8_t)slot };
    strbuf_append(&d->text, s, len);
    strbuf_putc(&d->text, '\0'); /* so a span can be drawn as a C string */
    d->lines[d->n - 1].nspans++;
}

static bool new_line(DLines *d, bool header)
{
    if (d->n >= DL_MAX_LINES)
        return false;
    d->lines = xgrow(d->lines, &d->cap, d->n + 1, sizeof *d->lines);
    d->lines[d->n++] = (DLine){ (uint32_t)d->nspans, 0, (uint8_t)d->section, header, -1 };
    d->open = true;
    d->full = false;
    d->col = 0;
    return true;
}

void dl_begin(DLines *d, int indent)
{
    if (d->skipping)
        return;
    if (d->open)
        dl_end(d);
    if (!new_line(d, false))
        return;
    if (indent > 0) {
        char pad[64];
        int k = indent < (int)sizeof pad - 1 ? indent : (int)sizeof pad - 1;
        if (k > d->width)
            k = d->width;
        memset(pad, ' ', (size_t)k);
        push_span(d, pad, (size_t)k, SL_NORMAL);
        d->col = k;
    }
}

void dl_add(DLines *d, Slot slot, const char *text)
{
    if (d->skipping || !d->open || d->full || !text || !*text)
        return;
    TextCut c = text_cut(text, d->width - d->col);
    push_span(d, text, c.bytes, slot);
    if (!text[c.bytes]) {
        d->col += c.cols;
        return;
    }
    if (c.ellipsis)
        push_span(d, glyph(GL_ELLIPSIS), strlen(glyph(GL_ELLIPSIS)), SL_DIM);
    d->col = d->width; /* cut: nothing more fits on this line */
    d->full = true;
}

void dl_addf(DLines *d, Slot slot, const char *fmt, ...)
{
    if (d->skipping || !d->open)
        return;
    char buf[512];
    va_list ap;
    va_start(ap, fmt);
    vfmt_bounded(buf, sizeof buf, fmt, ap); /* a cut keeps characters whole */
    va_end(ap);
    dl_add(d, slot, buf);
}

void dl_end(DLines *d)
{
    d->open = false;
}

void dl_link(DLines *d, long rec)
{
    if (d->open && d->n)
        d->lines[d->n - 1].link = (int32_t)rec;
}

bool dl_section(DLines *d, SectionId s, const char *title, const char *note)
{
    if (d->open)
        dl_end(d);
    d->section = s;
    d->skipping = false;
    bool collapsed = d->collapsed & (1u << s);
    if (!new_line(d, true))
        return false;
    d->lines[d->n - 1].header = true;
    dl_add(d, SL_SECTION, glyph(collapsed ? GL_CLOSED : GL_OPEN));
    dl_add(d, SL_SECTION, " ");
    dl_add(d, SL_SECTION, title);
    if (note && *note) {
        dl_add(d, SL_DIM, "  ");
        dl_add(d, SL_DIM, note);
    }
    dl_end(d);
    d->skipping = collapsed;
    return !collapsed;
}

void dl_plain_section(DLines *d, SectionId s)
{
    if (d->open)
        dl_end(d);
    d->section = s;
    d->skipping = false;
}

void dl_blank(DLines *d)
{
    dl_begin(d, 0);
    dl_end(d);
}

/* Emits one wrapped paragraph line by line; text has no LF. */
static void wrap_one(DLines *d, int indent, int hang, Slot slot, const char *text)
{
    bool first = true;
    do {
        int ind = first ? indent : indent + hang;
        if (ind >= d->width)
            ind = 0;
        int room = d->width - ind;
        dl_begin(d, ind);
        size_t fit = safetext_fit(text, room, NULL);
        size_t take = fit;
        if (text[fit] && fit > 0) { /* break at the last blank that fits, if any */
            size_t b = fit;
            while (b > 0 && text[b] != ' ')
                b--;
            if (b > 0)
                take = b;
        }
        if (take == 0) /* a character wider than the room: show it cut */
            take = strlen(text);
        char *piece = xstrndup(text, take);
        dl_add(d, slot, piece);
        free(piece);
        dl_end(d);
        text += take;
        while (*text == ' ')
            text++;
        first = false;
    } while (*text && !d->skipping && d->n < DL_MAX_LINES);
}

void dl_wrap(DLines *d, int indent, int hang, Slot slot, const char *text)
{
    if (d->skipping || !text)
        return;
    if (!*text) {
        dl_blank(d);
        return;
    }
    while (*text) {
        size_t nl = strcspn(text, "\n");
        char *line = xstrndup(text, nl);
        if (*line)
            wrap_one(d, indent, hang, slot, line);
        else
            dl_blank(d);
        free(line);
        text += nl;
        if (*text == '\n')
            text++;
    }
}

void dl_kv_as(DLines *d, int indent, int label_w, Slot label_slot, const char *label, Slot slot, const char *value)
{
    if (d->skipping)
        return;
    int lcols = safetext_width(label);
    int col = lcols > label_w ? lcols : label_w;
    int vx = indent + col + 1;
    if (vx + 8 > d->width) { /* too narrow for a label column: value on its own line */
        dl_wrap(d, indent, 2, label_slot, label);
        dl_wrap(d, indent + 2, 0, slot, value);
        return;
    }
    /* First line: label, padding, then as much of the value as fits. */
    int room = d->width - vx;
    size_t fit = safetext_fit(value, room, NULL);
    size_t nl = strcspn(value, "\n");
    size_t take = fit < nl ? fit : nl;
    if (value[take] && value[take] != '\n' && take > 0) {
        size_t b = take;
        while (b > 0 && value[b] != ' ')
            b--;
        if (b > 0)
            take = b;
    }
    dl_begin(d, indent);
    dl_add(d, label_slot, label);
    dl_addf(d, SL_NORMAL, "%*s", col - lcols + 1, "");
    char *piece = xstrndup(value, take);
    dl_add(d, slot, piece);
    free(piece);
    dl_end(d);
    const char *rest = value + take;
    while (*rest == ' ' || *rest == '\n')
        rest++;
    if (*rest)
        dl_wrap(d, vx, 0, slot, rest);
}

void dl_kv(DLines *d, int indent, const char *label, Slot slot, const char *value)
{
    dl_kv_as(d, indent, DL_LABEL_W, SL_LABEL, label, slot, value);
}

bool dl_fits(const DLines *d, const char *text)
{
    return d->open && !d->full && safetext_width(text) <= d->width - d->col;
}

void dl_add_wrap(DLines *d, Slot slot, const char *text, int hang)
{
    if (d->skipping || !d->open || !text)
        return;
    if (hang >= d->width - 8)
        hang = 0;
    while (*text && d->open) { /* not open: the line cap was reached */
        size_t fit = safetext_fit(text, d->width - d->col, NULL);
        size_t take = fit;
        if (text[fit]) { /* break at the last blank that fits */
            while (take > 0 && text[take] != ' ')
                take--;
            if (take == 0 && d->col > hang) { /* nothing fits here: try a fresh line */
                dl_begin(d, hang);
                continue;
            }
        }
        if (take == 0) { /* one word wider than a whole line: cut it */
            dl_add(d, slot, text);
            return;
        }
        char *piece = xstrndup(text, take);
        dl_add(d, slot, piece);
        free(piece);
        text += take;
        while (*text == ' ')
            text++;
        if (*text)
            dl_begin(d, hang);
    }
}

void dl_line_text(const DLines *d, size_t i, StrBuf *out)
{
    if (i >= d->n)
        return;
    const DLine *l = &d->lines[i];
    for (size_t k = 0; k < l->nspans; k++) {
        const DSpan *sp = &d->spans[l->span0 + k];
        strbuf_append(out, d->text.s + sp->off, sp->len);
    }
}

long dl_section_line(const DLines *d, SectionId s)
{
    for (size_t i = 0; i < d->n; i++)
        if (d->lines[i].section == s)
            return (long)i;
    return -1;
}

/* ---- finding text ------------------------------------------------------------------------ */

void dfind_clear(DFind *f)
{
    free(f->folded);
    f->folded = NULL;
    f->text[0] = '\0';
}

void dfind_set(DFind *f, const char *text)
{
    dfind_clear(f);
    snprintf(f->text, sizeof f->text, "%s", text);
    if (*f->text)
        f->folded = fold_string(f->text);
}

bool dfind_active(const DFind *f)
{
    return f->folded && *f->folded;
}

static bool line_has(const DFind *f, const DLines *d, size_t i, StrBuf *buf)
{
    strbuf_reset(buf);
    dl_line_text(d, i, buf);
    return fold_find(strbuf_cstr(buf), f->folded) >= 0;
}

long dfind_line(const DFind *f, const DLines *d, long from, int dir, bool *wrapped)
{
    *wrapped = false;
    long n = (long)d->n;
    if (!dfind_active(f) || !n)
        return -1;
    StrBuf buf = STRBUF_INIT;
    long at = -1;
    for (long k = 0; k < n && at < 0; k++) {
        long i = ((from + dir * k) % n + n) % n;
        if (line_has(f, d, (size_t)i, &buf)) {
            at = i;
            *wrapped = dir > 0 ? i < from : i > from;
        }
    }
    strbuf_free(&buf);
    return at;
}

size_t dfind_count(const DFind *f, const DLines *d)
{
    if (!dfind_active(f))
        return 0;
    StrBuf buf = STRBUF_INIT;
    size_t count = 0;
    for (size_t i = 0; i < d->n; i++)
        count += line_has(f, d, i, &buf);
    strbuf_free(&buf);
    return count;
}

long dfind_in(const DFind *f, const char *s, size_t at, size_t *len)
{
    if (!dfind_active(f) || at > strlen(s))
        return -1;
    long off = fold_find_len(s + at, f->folded, len);
    return off < 0 || !*len ? -1 : (long)at + off;
}
