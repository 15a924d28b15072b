#!/usr/bin/env bash
# Build the macOS disk image: the app plus an Applications link to drag it onto.
#
#   packaging/macos/build-dmg.sh ["dist/Pairing Wizard.app"] [dist/PairingWizard-VERSION.dmg]
#
# Run after PyInstaller; `sign-and-notarize.sh release` runs it between signing the app
# and notarizing the image, so the app inside is the signed one. Needs macOS (hdiutil, ditto).
set -euo pipefail
cd "$(dirname "$0")/../.."

APP="${1:-dist/Pairing Wizard.app}"
VERSION="$(python3 -c 'import tomllib; print(tomllib.load(open("pyproject.toml", "rb"))["project"]["version"])')"
OUT="${2:-dist/PairingWizard-$VERSION.dmg}"

[ -d "$APP" ] || { echo "build-dmg: $APP not found: build it first (pyinstaller packaging/pairing-wizard.spec)" >&2; exit 1; }
command -v hdiutil >/dev/null || { echo "build-dmg: hdiutil not found: this runs on macOS only" >&2; exit 1; }

STAGE="$(mktemp -d)"
trap 'rm -rf "$STAGE"' EXIT
# ditto keeps symlinks, extended attributes and code signatures intact (cp -R may not).
ditto "$APP" "$STAGE/$(basename "$APP")"
ln -s /Applications "$STAGE/Applications"

rm -f "$OUT"
hdiutil create -volname "Pairing Wizard $VERSION" -srcfolder "$STAGE" -fs HFS+ \
    -format UDZO -imagekey zlib-level=9 -ov "$OUT"
hdiutil verify "$OUT"
echo "build-dmg: $OUT ($(du -h "$OUT" | cut -f1))"
