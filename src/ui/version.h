#ifndef REGDESK_UI_VERSION_H
#define REGDESK_UI_VERSION_H
/* The curses library the dashboard runs with: "ncurses 6.5.20250216". For --version. */

const char *ui_library_version(void);

#endif
