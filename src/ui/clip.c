/* OSC 52 (clip.h). */
#include "ui/clip.h"

#include <curses.h>
#include <string.h>

#include "core/base64.h"
#include "core/strbuf.h"

bool clip_copy(const char *text)
{
    StrBuf b = STRBUF_INIT;
    strbuf_puts(&b, "\033]52;c;");
    base64_append(&b, text, strlen(text)); /* the payload is letters, digits, + / =: nothing a terminal acts on */
    strbuf_putc(&b, '\a');
    bool ok = putp(strbuf_cstr(&b)) != ERR;
    strbuf_free(&b);
    return ok;
}
