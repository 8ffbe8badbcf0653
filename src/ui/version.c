#include "ui/version.h"

#include <curses.h>

const char *ui_library_version(void)
{
    return curses_version();
}
