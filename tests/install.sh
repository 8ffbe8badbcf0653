#!/bin/sh
# make install, checked (make test-install; make test runs it after the release build):
#   1. make install DESTDIR=D installs exactly the files listed below, nothing else, and
#      make uninstall DESTDIR=D removes every one of them;
#   2. every manual page renders with man --warnings without a warning;
#   3. the completions load in bash and zsh and complete what the programs accept: their
#      word lists are compared with the programs' own tables (--help and the sentences
#      that list the sort keys, formats and columns), so neither can drift;
#   4. installed under a PREFIX of its own, regdesk finds its installed themes and runs
#      the dashboard (headless, scripted) with one against the installed regdesk-sim,
#      from a folder where no source tree's themes/ can be reached.
set -u
cd "$(dirname "$0")/.."
src=$PWD
export LC_ALL=C.UTF-8 TZ=UTC
work=$(mktemp -d "${TMPDIR:-/tmp}/regdesk-install.XXXXXX") || exit 1
sim=""
cleanup() {
    [ -n "$sim" ] && kill "$sim" 2>/dev/null && wait "$sim" 2>/dev/null
    rm -rf "$work"
    make -s all >/dev/null 2>&1 # the PREFIX of step 4 back to the default
}
trap cleanup EXIT
trap 'exit 130' INT TERM HUP
fail() { echo "install test: $*" >&2; exit 1; }
step() { echo "install test: $*"; }

# 1. The tree.
dest=$work/dest
make -s install DESTDIR="$dest" >"$work/install.log" 2>&1 || { cat "$work/install.log"; fail "make install failed"; }
(cd "$dest" && find . ! -type d | sed 's|^\./||' | sort) >"$work/tree"
{
    printf '%s\n' usr/local/bin/regdesk usr/local/bin/regdesk-sim \
        usr/local/share/man/man1/regdesk.1 usr/local/share/man/man1/regdesk-sim.1 \
        usr/local/share/man/man5/regdesk-config.5 \
        usr/local/share/bash-completion/completions/regdesk \
        usr/local/share/bash-completion/completions/regdesk-sim \
        usr/local/share/zsh/site-functions/_regdesk
    for t in themes/*.theme; do echo "usr/local/share/regdesk/themes/${t#themes/}"; done
} | sort >"$work/want"
diff -u "$work/want" "$work/tree" || fail "make install DESTDIR=… installed other files than these (- expected, + installed)"
[ "$(wc -l <"$work/want")" -ge 13 ] || fail "the expected tree lists too little"
for f in usr/local/bin/regdesk usr/local/bin/regdesk-sim; do
    [ -x "$dest/$f" ] || fail "$f is not executable"
done
make -s uninstall DESTDIR="$dest" >"$work/uninstall.log" 2>&1 || { cat "$work/uninstall.log"; fail "make uninstall failed"; }
left=$(cd "$dest" && find . ! -type d)
[ -z "$left" ] || fail "make uninstall left: $left"
[ ! -e "$dest/usr/local/share/regdesk" ] || fail "make uninstall left share/regdesk behind"
step "make install DESTDIR installs the $(wc -l <"$work/want") files listed, make uninstall removes them"

# 2. The manual pages.
for page in src/cli/regdesk.1 src/sim/regdesk-sim.1 src/cli/regdesk-config.5; do
    MANWIDTH=80 man --warnings -l "$page" >"$work/page.txt" 2>"$work/page.err" || fail "man cannot render $page"
    [ ! -s "$work/page.err" ] || { cat "$work/page.err"; fail "man --warnings: $page has warnings (above)"; }
    [ "$(wc -l <"$work/page.txt")" -gt 40 ] || fail "$page renders to almost nothing"
    grep -q "^\.TH [^ ]* [0-9] [0-9-]* \"regdesk $(sed -n 's/^VERSION *:= *//p' Makefile)\"" "$page" \
        || fail "$page's .TH line does not name this version"
done
step "every manual page renders without a warning"

# 3. The completions, against the programs' own tables.
bin=build/regdesk
help=$("$bin" --help)
words() { tr ' ,|' '\n\n\n' | sed -e 's/[().]*$//' -e '/^$/d' | sort -u; }
same() { # name, the program's words (file), the completion's words (file)
    diff -u "$2" "$3" >"$work/diff" || { cat "$work/diff"; fail "$1: the completion and the program differ (- program, + completion)"; }
}
bashvar() { bash -c ". completion/regdesk.bash; printf '%s\n' \$$1" | sort -u; }
zsharr() { sed -n "s/^ *$1=(\(.*\))\$/\1/p" completion/_regdesk | words; }
# the sort keys, the list formats and the columns, from the sentences that list them
"$bin" --api http://127.0.0.1:9 list --sort x 2>&1 | sed -n 's/.*use \(.*\), with - for.*/\1/p' | sed 's/ or /,/' | words >"$work/p.sort"
"$bin" --api http://127.0.0.1:9 list --format x 2>&1 | sed -n 's/.*use \(.*\)$/\1/p' | sed 's/ or /,/' | words >"$work/p.format"
"$bin" --api http://127.0.0.1:9 list --columns x 2>&1 | sed -n 's/.*the columns are //p' | tr -d '()' | words >"$work/p.columns"
"$bin" --api http://127.0.0.1:9 override x --status x --note y 2>&1 | sed -n 's/.*--status must be \(.*\), not.*/\1/p' | sed 's/ or /,/' | words >"$work/p.status"
for f in sort format columns status; do [ "$(wc -l <"$work/p.$f")" -ge 2 ] || fail "could not read the $f words from regdesk"; done
bashvar _regdesk_sort_keys >"$work/b.sort"; same "bash --sort keys" "$work/p.sort" "$work/b.sort"
bashvar _regdesk_list_formats >"$work/b.format"; same "bash --format values" "$work/p.format" "$work/b.format"
bashvar _regdesk_columns >"$work/b.columns"; same "bash --columns names" "$work/p.columns" "$work/b.columns"
bashvar _regdesk_statuses >"$work/b.status"; same "bash --status values" "$work/p.status" "$work/b.status"
zsharr sort_keys >"$work/z.sort"; same "zsh --sort keys" "$work/p.sort" "$work/z.sort"
zsharr list_formats >"$work/z.format"; same "zsh --format values" "$work/p.format" "$work/z.format"
zsharr columns >"$work/z.columns"; same "zsh --columns names" "$work/p.columns" "$work/z.columns"
zsharr statuses >"$work/z.status"; same "zsh --status values" "$work/p.status" "$work/z.status"
# the commands: the help's "Commands:" section, two spaces then a name
printf '%s\n' "$help" | sed -n '/^Commands:/,/^$/s/^  \([a-z][a-z-]*\) .*/\1/p' | { cat; echo help; } | sort -u >"$work/p.cmds"
bashvar _regdesk_commands >"$work/b.cmds"; same "bash commands" "$work/p.cmds" "$work/b.cmds"
sed -n "/^  commands=(/,/^  )/s/^ *'\([a-z-]*\):.*/\1/p" completion/_regdesk | sort -u >"$work/z.cmds"
same "zsh commands" "$work/p.cmds" "$work/z.cmds"
# every option the help names is completed somewhere, in both shells
printf '%s\n' "$help" | grep -o -- '--[a-z][a-z-]*' | sort -u >"$work/p.opts"
build/regdesk-sim --help | grep -o -- '--[a-z][a-z-]*' | sort -u >"$work/p.simopts"
for o in $(cat "$work/p.opts" "$work/p.simopts"); do
    for f in completion/regdesk.bash completion/_regdesk; do
        grep -Eq -- "(^|[^a-z-])$o([^a-z-]|\$)" $f || fail "$f does not offer $o"
    done
done
bashvar _regdesk_sim_options >"$work/b.simopts"; same "bash regdesk-sim options" "$work/p.simopts" "$work/b.simopts"
step "the completions' words are the programs' ($(cat "$work"/p.* | wc -l) words compared)"

# 4. Installed under its own PREFIX: the completions complete, regdesk finds its themes.
prefix=$work/prefix
make -s install PREFIX="$prefix" >"$work/install2.log" 2>&1 || { cat "$work/install2.log"; fail "make install PREFIX=… failed"; }
comp=$prefix/share/bash-completion/completions/regdesk
out=$(bash --norc --noprofile -c '
    . "$1" || exit 1
    complete -p regdesk regdesk-sim >/dev/null || exit 2
    COMP_WORDS=(regdesk li); COMP_CWORD=1; _regdesk; printf "cmd:%s\n" "${COMPREPLY[@]}"
    COMP_WORDS=(regdesk list --format c); COMP_CWORD=3; _regdesk; printf "fmt:%s\n" "${COMPREPLY[@]}"
    COMP_WORDS=(regdesk --theme so); COMP_CWORD=2; _regdesk; printf "theme:%s\n" "${COMPREPLY[@]}"
    COMP_WORDS=(regdesk --sort -fl); COMP_CWORD=2; _regdesk; printf "sort:%s\n" "${COMPREPLY[@]}"
    COMP_WORDS=(regdesk list --columns status,na); COMP_CWORD=3; _regdesk; printf "col:%s\n" "${COMPREPLY[@]}"
    COMP_WORDS=(regdesk-sim --he); COMP_CWORD=1; _regdesk_sim; printf "sim:%s\n" "${COMPREPLY[@]}"
    COMP_WORDS=(regdesk-sim --fault latency=300,er); COMP_CWORD=2; _regdesk_sim; printf "fault:%s\n" "${COMPREPLY[@]}"
' sh "$comp" 2>&1) || fail "the bash completion does not load: $out"
want="cmd:list
fmt:csv
fmt:count
theme:solarized
sort:-flags
col:status,name
sim:--help
fault:latency=300,error="
[ "$out" = "$want" ] || fail "bash completes
$out
instead of
$want"
step "bash: the installed completion loads and completes commands, formats, themes, sort keys, columns"
zout=$(cd "$work" && HOME=$work TERM=dumb ZDOTDIR=$work zsh -f -c '
    zmodload zsh/zpty || exit 3
    zpty z zsh -f -i
    zpty -w z "PS1=; fpath=($1 \$fpath); autoload -U compinit; compinit -u -D; regdesk() { :; }"
    zpty -w z "print READY"
    zpty -r -m z line "*READY*" || exit 4
    zpty -n -w z "regdesk resend-l	"
    sleep 1
    zpty -w z ""
    zpty -w z "print DONE"
    out=""; while zpty -r -t z line; do out+=$line; [[ $line == *DONE* ]] && break; done
    zpty -d z
    print -r -- "$out"
' sh "$prefix/share/zsh/site-functions" 2>&1)
case $zout in
*"regdesk resend-link"*) ;;
*) fail "zsh did not complete 'regdesk resend-l' to resend-link; it printed: $zout" ;;
esac
step "zsh: the installed completion loads and completes a command"

"$prefix/bin/regdesk" --version >"$work/version" || fail "regdesk --version failed"
grep -q "themes: .*$prefix/share/regdesk/themes\$" "$work/version" || fail "regdesk --version names other theme folders: $(cat "$work/version")"
if grep -q "$src" "$work/version"; then fail "the installed regdesk looks for themes in the build tree"; fi
for lib in ncurses libcurl cJSON; do grep -q "^  $lib [0-9]" "$work/version" || fail "--version does not give $lib's version"; done
"$prefix/bin/regdesk-sim" --version | grep -q "^regdesk-sim [0-9]" || fail "regdesk-sim --version"
"$prefix/bin/regdesk-sim" --help | grep -q -- "--fault" || fail "regdesk-sim --help"
run=$work/run && mkdir -p "$run"
: >"$run/sim.out"
"$prefix/bin/regdesk-sim" --count 200 --seed 7 --now 2025-05-25T12:00:00Z >>"$run/sim.out" 2>"$run/sim.err" &
sim=$!
url=""
for i in $(seq 100); do
    url=$(sed -n '1s/^listening on //p' "$run/sim.out")
    [ -n "$url" ] && break
    kill -0 "$sim" 2>/dev/null || break
    sleep 0.1
done
[ -n "$url" ] || fail "the installed regdesk-sim did not start: $(cat "$run/sim.err")"
printf '%s\n' ':wait-loaded' ":dump-looks $run/screen.txt" ':quit' >"$run/script"
(cd "$run" && HOME=$run XDG_CONFIG_HOME=$run/config VERIFIK_TOKEN=demo-token REGDESK_HEADLESS=100x30 \
    REGDESK_SCRIPT=$run/script REGDESK_NOW=2025-05-25T12:00:00Z \
    "$prefix/bin/regdesk" --api "$url" --theme solarized) >"$run/out" 2>&1 \
    || fail "the installed regdesk did not run with the installed theme solarized: $(cat "$run/out")"
grep -q "^ *200 loaded " "$run/screen.txt" || fail "the dashboard did not load the simulator's 200 records: $(head -5 "$run/screen.txt")"
HOME=$run XDG_CONFIG_HOME=$run/config "$prefix/bin/regdesk" --theme solarized --print-config 2>&1 \
    | grep -q "^# theme: solarized, from $prefix/share/regdesk/themes/solarized.theme" \
    || fail "regdesk --print-config does not read solarized from the installed themes"
step "the installed regdesk runs the dashboard with the installed theme solarized"
make -s uninstall PREFIX="$prefix" >/dev/null 2>&1 || fail "make uninstall PREFIX=… failed"
left=$(cd "$prefix" && find . ! -type d)
[ -z "$left" ] || fail "make uninstall PREFIX=… left: $left"
step "passed"
