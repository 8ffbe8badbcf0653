/* The shared field labels. */
#include "core/labels.h"

#include <ctype.h>
#include <stdio.h>

static const char *const texts[LBL__COUNT] = {
#define X(id, text) [LBL_##id] = text,
    FIELD_LABELS(X)
#undef X
};

const char *label(Label l)
{
    return l < LBL__COUNT ? texts[l] : "";
}

const char *label_title(Label l)
{
    /* Built on first use from the one table (the pane and show run on the main thread). */
    static char titles[LBL__COUNT][32];
    if (l >= LBL__COUNT)
        return "";
    if (!titles[l][0]) {
        snprintf(titles[l], sizeof titles[l], "%s", texts[l]);
        titles[l][0] = (char)toupper((unsigned char)titles[l][0]);
    }
    return titles[l];
}
