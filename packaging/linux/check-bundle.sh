#!/usr/bin/env bash
# Check a frozen build the way a support engineer's machine would run it: that every
# library it needs resolves, its --self-test (keychain, TLS, resources, Qt's ICU data,
# sandbox, one pairing per provider) and a --demo --smoke run offscreen, from outside
# the source tree, then its size.
#
#   packaging/linux/check-bundle.sh [dist/pairing-wizard]
#
# When dbus-run-session and gnome-keyring-daemon are installed (Debian: dbus,
# gnome-keyring), the self-test runs against a real, throwaway Secret Service and
# must store, read and delete a secret in it: keyring inside the frozen app, for real.
# Without them the keychain check can only warn (no Secret Service on this machine).
set -euo pipefail

DIST="$(cd "${1:-dist/pairing-wizard}" && pwd)"
EXE="$DIST/pairing-wizard"
[ -x "$EXE" ] || { echo "check-bundle: $EXE not found: run make bundle" >&2; exit 1; }

# A throwaway home: the smoke run writes logs and settings, and must not need the repo.
SCRATCH="$(mktemp -d)"
trap 'rm -rf "$SCRATCH"' EXIT
export HOME="$SCRATCH/home" XDG_CONFIG_HOME="$SCRATCH/config" XDG_DATA_HOME="$SCRATCH/data" \
       XDG_STATE_HOME="$SCRATCH/state" XDG_CACHE_HOME="$SCRATCH/cache"
mkdir -p "$HOME"
cd "$SCRATCH"
unset PYTHONPATH PYTHONHOME VIRTUAL_ENV PYTHON_KEYRING_BACKEND

# The spec leaves out libraries: those nothing links to, and those every system that can
# run the bundle has (libstdc++, libdbus-1, ...). Every library's dependencies must still
# resolve, from the bundle (as its loader sees it: LD_LIBRARY_PATH=_internal) or the system.
echo "== libraries: every dependency of every bundled library resolves"
unresolved="$(find "$DIST" -type f -name '*.so*' -print0 |
    LD_LIBRARY_PATH="$DIST/_internal" xargs -0 -n 1 sh -c \
        'ldd "$0" 2>/dev/null | sed -n "s|^[[:space:]]*\([^ ]*\) => not found.*|$0: \1|p"')"
if [ -n "$unresolved" ]; then
    echo "check-bundle: libraries the bundle needs are neither in it nor on this system" \
         "(install them, e.g. make packaging-deps, and build again so that it bundles them):" >&2
    echo "$unresolved" | sed "s|$DIST/||" | sort -u >&2
    exit 1
fi
# Qt's ICU data is trimmed by the spec (packaging/linux/trim_icu.py); the self-test's
# qt-icu check proves what is left works. Under CI the full 31 MB must not come back.
icudata="$(find "$DIST" -name 'libicudata.so.*' -type f | head -n 1)"
if [ -n "$icudata" ]; then
    icu_mb=$(( $(stat -c %s "$icudata") / 1048576 ))
    echo "   ICU data: $icu_mb MB ($(basename "$icudata"))"
    if [ "$icu_mb" -ge 10 ] && [ "${CI:-}" = true ]; then
        echo "check-bundle: Qt's ICU data was not trimmed (icu-devtools missing?)" >&2
        exit 1
    fi
fi

echo "== self-test: $EXE --self-test"
if command -v dbus-run-session >/dev/null && command -v gnome-keyring-daemon >/dev/null; then
    echo "   (with a throwaway Secret Service: gnome-keyring on a private D-Bus session)"
    # shellcheck disable=SC2016
    dbus-run-session -- sh -c 'printf selftest | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1
                               exec "$0" --self-test' "$EXE" 2>/dev/null | tee "$SCRATCH/self-test.txt"
    grep -q '^PASS keychain:' "$SCRATCH/self-test.txt" || {
        echo "check-bundle: a Secret Service was running, but the frozen app could not use it" >&2
        exit 1; }
else
    echo "   (no dbus-run-session/gnome-keyring-daemon: the keychain check can only warn)"
    "$EXE" --self-test
fi

echo "== smoke: QT_QPA_PLATFORM=offscreen $EXE --demo --smoke"
smoke="$(QT_QPA_PLATFORM=offscreen timeout 120 "$EXE" --demo --smoke)"
echo "$smoke"
echo "$smoke" | grep -q '"first_paint_ms"' || { echo "check-bundle: no first paint" >&2; exit 1; }

echo "== size"
echo "bundle: $DIST $(du -sh "$DIST" | cut -f1) ($(find "$DIST" -type f | wc -l) files);" \
     "compressed (tar.gz) $(tar -C "$(dirname "$DIST")" -czf - "$(basename "$DIST")" | wc -c | awk '{printf "%.0f MB", $1/1048576}')"
