#ifndef REGDESK_CORE_BUILDINFO_H
#define REGDESK_CORE_BUILDINFO_H
/* What the build fixed, from the Makefile (generated as build/gen/buildinfo*.c): the
 * version, the data folder themes are installed under (DATADIR/regdesk/themes), and the
 * source tree whose themes/ an uninstalled build/regdesk also reads ("" in the programs
 * make install installs, which never look inside a build tree). */

extern const char buildinfo_version[];
extern const char buildinfo_datadir[];
extern const char buildinfo_srcdir[];

#endif
