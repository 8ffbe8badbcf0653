/* The slots' names. */
#include "core/slot.h"

static const char *const slot_names[SL__COUNT] = {
#define X(id, name) [SL_##id] = name,
    THEME_SLOTS(X)
#undef X
};

const char *slot_name(Slot s)
{
    return s < SL__COUNT ? slot_names[s] : "";
}
