/* The shared field labels. */
#include "core/labels.h"

#include <ctype.h>
#include <stdio.h>

/* Each label, and its capitalised form once asked for (the pane and show run on the main
 * thread). */
static struct {
    const char *text;
    char title[24];
} labels[LBL__COUNT] = {
#define X(id, text) [LBL_##id] = { text, "" },
    FIELD_LABELS(X)
#undef X
};

const char *label(Label l)
{
    return l < LBL__COUNT ? labels[l].text : "";
}

const char *label_title(Label l)
{
    if (l >= LBL__COUNT)
        return "";
    char *t = labels[l].title;
    if (!t[0]) {
        snprintf(t, sizeof labels[l].title, "%s", labels[l].text);
        t[0] = (char)toupper((unsigned char)t[0]);
    }
    return t;
}
