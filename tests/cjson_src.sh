#!/bin/sh
# Prints the directory of Debian's own cJSON source, the same version as the installed
# libcjson1 with its CVE patches, fetching it the first time into build/fuzz/cjson/.
# Exit status 1, and nothing printed, when it cannot be had (offline, no dpkg-dev).
#
# Used where a tool must see inside cJSON: libFuzzer's coverage (tests/fuzz/fuzz.sh) and
# ThreadSanitizer on list --file (tests/run.sh): Debian's libcjson.so is not
# instrumented. It is fetched with `apt-get source` through a private sources list under
# build/fuzz/apt/; the system's apt configuration is not touched.
set -u
cd "$(dirname "$0")/.."
out=build/fuzz
cjson_dir=$PWD/$out/cjson
fetch_cjson() {
    ver=$(dpkg-query -W -f='${source:Version}' libcjson1 2>/dev/null) || return 1
    codename=$(. /etc/os-release && echo "${VERSION_CODENAME:-bookworm}")
    apt=$PWD/$out/apt
    rm -rf "$apt" && mkdir -p "$apt/lists/partial" "$apt/cache/archives/partial" "$apt/src" || return 1
    key=/usr/share/keyrings/debian-archive-keyring.gpg
    {
        echo "deb-src [signed-by=$key] http://deb.debian.org/debian $codename main"
        echo "deb-src [signed-by=$key] http://deb.debian.org/debian $codename-updates main"
        echo "deb-src [signed-by=$key] http://deb.debian.org/debian-security $codename-security main"
    } >"$apt/sources.list"
    o="-o Dir::Etc::SourceList=$apt/sources.list -o Dir::Etc::SourceParts=/dev/null"
    o="$o -o Dir::State::Lists=$apt/lists -o Dir::Cache=$apt/cache -o Debug::NoLocking=1"
    echo "regdesk fuzz: fetching Debian's cjson $ver source (private apt lists in $apt)"
    # shellcheck disable=SC2086
    apt-get $o -q update >"$apt/log" 2>&1 || return 1
    # shellcheck disable=SC2086
    (cd "$apt/src" && apt-get $o -q source --download-only "cjson=$ver") >>"$apt/log" 2>&1 || return 1
    command -v dpkg-source >/dev/null 2>&1 || return 1
    rm -rf "$cjson_dir"
    (cd "$apt/src" && dpkg-source -x ./cjson_*.dsc "$cjson_dir") >>"$apt/log" 2>&1 || return 1
    [ -f "$cjson_dir/cJSON.c" ]
}
if [ -f "$cjson_dir/cJSON.c" ] || fetch_cjson >&2; then
    echo "$cjson_dir"
else
    exit 1
fi
