/* The slots' names and parents. */
#include "core/slot.h"

#include <ctype.h>

static const char *const slot_names[SL__COUNT] = {
#define X(id, name, parent) [SL_##id] = name,
    THEME_SLOTS(X)
#undef X
};

static const Slot parents[SL__COUNT] = {
#define X(id, name, parent) [SL_##id] = SL_##parent,
    THEME_SLOTS(X)
#undef X
};

const char *slot_name(Slot s)
{
    return s < SL__COUNT ? slot_names[s] : "";
}

const char *const *slot_names_all(void)
{
    return slot_names;
}

Slot slot_parent(Slot s)
{
    return s < SL__COUNT ? parents[s] : SL_NORMAL;
}

/* Case-insensitive, and - equals _, as the config language compares names. */
static bool same_name(const char *a, const char *b)
{
    for (; *a && *b; a++, b++) {
        char x = *a == '_' ? '-' : (char)tolower((unsigned char)*a);
        if (x != *b)
            return false;
    }
    return !*a && !*b;
}

int slot_find(const char *name)
{
    for (int s = 0; s < SL__COUNT; s++)
        if (same_name(name, slot_names[s]))
            return s;
    return -1;
}
