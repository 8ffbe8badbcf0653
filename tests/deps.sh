#!/bin/sh
# Checks for (and, as root, installs) the Debian packages regdesk needs.
#   deps.sh check PKG...    install only when something is missing
#   deps.sh install PKG...  always run apt-get for the listed packages
# Not root: print the exact command and fail, so nothing half-works later.
set -u
mode=$1; shift
pkgs="$*"

missing() {
    command -v cc >/dev/null 2>&1 || return 0
    command -v pkg-config >/dev/null 2>&1 || return 0
    command -v tmux >/dev/null 2>&1 || return 0
    command -v python3 >/dev/null 2>&1 || return 0
    command -v zsh >/dev/null 2>&1 || return 0 # the completion and install tests
    command -v man >/dev/null 2>&1 || return 0
    for pc in ncursesw libcurl libcjson criterion libmicrohttpd; do
        pkg-config --exists "$pc" || return 0
    done
    return 1
}

if [ "$mode" = check ] && ! missing; then
    exit 0
fi

cmd="apt-get update && apt-get install -y $pkgs"
if [ "$(id -u)" -ne 0 ]; then
    echo "regdesk needs Debian packages that are not installed. Run as root:" >&2
    echo "  $cmd" >&2
    exit 1
fi
echo "regdesk: installing build and test packages: $pkgs"
export DEBIAN_FRONTEND=noninteractive
apt-get update && apt-get install -y $pkgs
