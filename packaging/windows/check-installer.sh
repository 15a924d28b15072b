#!/usr/bin/env bash
# Compile the Windows installer with makensis on Linux (Debian: apt-get install nsis):
# against dist/pairing-wizard when `make bundle` built it (a Linux folder: the files
# differ from Windows', the script's work is the same), else against a stand-in folder.
#
#   packaging/windows/check-installer.sh [DIST]
set -euo pipefail
cd "$(dirname "$0")/../.."
command -v makensis >/dev/null || { echo "check-installer: makensis not found (apt-get install nsis)" >&2; exit 1; }

VERSION="$(python3 -c 'import tomllib; print(tomllib.load(open("pyproject.toml", "rb"))["project"]["version"])')"
DIST="${1:-dist/pairing-wizard}"
OUT="$PWD/build/installer-check"
rm -rf "$OUT"; mkdir -p "$OUT"
if [ ! -d "$DIST" ]; then
    DIST="$OUT/stand-in/pairing-wizard"
    mkdir -p "$DIST/_internal"
    printf 'MZ' > "$DIST/pairing-wizard.exe"; printf 'MZ' > "$DIST/pairing-wizard-cli.exe"
    cp -r resources "$DIST/_internal/resources"
    echo "check-installer: no bundle, compiling against a stand-in folder"
fi
DIST="$(cd "$DIST" && pwd)"
SETUP="$OUT/PairingWizard-$VERSION-setup.exe"
makensis -V2 "-DVERSION=$VERSION" "-DDIST=$DIST" "-DOUTFILE=$SETUP" packaging/windows/installer.nsi
echo "check-installer: $SETUP ($(du -h "$SETUP" | cut -f1)) from $DIST"
