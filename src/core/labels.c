/* The shared field labels. */
#include "core/labels.h"

#include <ctype.h>
#include <stdio.h>

#include "core/strbuf.h"

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

const char *failkind_label(FailKind k)
{
    return k == FAIL_BIO ? "liveness" : failkind_name(k);
}

void ref_state_text(Ref r, char *buf, size_t n)
{
    switch (r.st) {
    case REF_ABSENT: snprintf(buf, n, "the API did not send it"); break;
    case REF_NULL: snprintf(buf, n, "not done yet"); break;
    case REF_ID: fmt_bounded(buf, n, "the API sent only its id (%s), not the object", *r.id ? r.id : "none"); break;
    case REF_INVALID: snprintf(buf, n, "invalid (the API sent a value of the wrong type)"); break;
    default: snprintf(buf, n, "%s", ""); break;
    }
}

const char *flow_lacks(const Detail *d, bool limit)
{
    if (d->flow.ref.st == REF_POPULATED)
        return limit ? "the flow sets no limit" : "the flow sets no minimum";
    return "the API did not send the flow in full";
}
