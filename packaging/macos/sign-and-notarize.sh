#!/usr/bin/env bash
# Sign the app, then notarize and staple the disk image.
#
#   packaging/macos/sign-and-notarize.sh sign "dist/Pairing Wizard.app"
#   packaging/macos/build-dmg.sh
#   packaging/macos/sign-and-notarize.sh notarize dist/PairingWizard-VERSION.dmg
#
# Signing (hardened runtime, secure timestamp, packaging/macos/entitlements.plist):
#   MACOS_SIGNING_IDENTITY      "Developer ID Application: Example Ltd (TEAMID1234)"
#   MACOS_CERTIFICATE_P12_BASE64, MACOS_CERTIFICATE_PASSWORD   (CI only, optional): the
#                               Developer ID certificate as a base64 .p12, imported into a
#                               temporary keychain; locally the login keychain is used.
# Notarization, either a stored notarytool profile
#   NOTARY_KEYCHAIN_PROFILE     (xcrun notarytool store-credentials NAME ...)
# or an Apple ID with an app-specific password:
#   APPLE_ID, APPLE_TEAM_ID, APPLE_APP_PASSWORD
#
# Without these variables each step says what it skipped and exits 0: an unsigned
# build still runs (macOS 15+: System Settings > Privacy & Security > Open Anyway), it is
# just not notarized.
set -euo pipefail
cd "$(dirname "$0")/../.."
ENTITLEMENTS="packaging/macos/entitlements.plist"

usage() { echo "usage: $0 sign APP | notarize DMG" >&2; exit 2; }
[ $# -eq 2 ] || usage
step="$1"; target="$2"
[ -e "$target" ] || { echo "sign-and-notarize: $target not found" >&2; exit 1; }

import_certificate() {
    [ -n "${MACOS_CERTIFICATE_P12_BASE64:-}" ] || return 0
    local keychain="$RUNNER_TEMP_DIR/signing.keychain-db" password
    password="$(openssl rand -hex 16)"
    echo "$MACOS_CERTIFICATE_P12_BASE64" | base64 --decode > "$RUNNER_TEMP_DIR/cert.p12"
    security create-keychain -p "$password" "$keychain"
    security set-keychain-settings -lut 21600 "$keychain"
    security unlock-keychain -p "$password" "$keychain"
    security import "$RUNNER_TEMP_DIR/cert.p12" -k "$keychain" \
        -P "${MACOS_CERTIFICATE_PASSWORD:-}" -T /usr/bin/codesign
    security set-key-partition-list -S apple-tool:,apple: -s -k "$password" "$keychain" >/dev/null
    # Search our keychain first, then the user's.
    security list-keychains -d user -s "$keychain" $(security list-keychains -d user | tr -d '"')
    rm -f "$RUNNER_TEMP_DIR/cert.p12"
}

sign_app() {
    local app="$1"
    if [ -z "${MACOS_SIGNING_IDENTITY:-}" ]; then
        echo "sign-and-notarize: MACOS_SIGNING_IDENTITY is not set: NOT signing $app."
        echo "  The app runs, but Gatekeeper blocks it on other Macs (Privacy & Security > Open Anyway)."
        return 0
    fi
    RUNNER_TEMP_DIR="$(mktemp -d)"
    trap 'rm -rf "$RUNNER_TEMP_DIR"' EXIT
    import_certificate
    local sign=(codesign --force --timestamp --options runtime
                --entitlements "$ENTITLEMENTS" --sign "$MACOS_SIGNING_IDENTITY")
    # Inside out: every Mach-O file (Python extensions, Qt libraries and plugins), then
    # the bundle itself. --deep is avoided: it signs in the wrong order and misses files
    # that are not in the standard places.
    local count=0
    while IFS= read -r -d '' file; do
        if file -b "$file" | grep -q "Mach-O"; then
            "${sign[@]}" "$file" >/dev/null
            count=$((count + 1))
        fi
    done < <(find "$app/Contents" -type f \( -name "*.so" -o -name "*.dylib" -o -perm -u+x \) -print0)
    "${sign[@]}" "$app"
    codesign --verify --strict --deep --verbose=2 "$app"
    echo "sign-and-notarize: signed $count libraries and $app as $MACOS_SIGNING_IDENTITY"
}

notarize() {
    local dmg="$1" auth=()
    if [ -n "${NOTARY_KEYCHAIN_PROFILE:-}" ]; then
        auth=(--keychain-profile "$NOTARY_KEYCHAIN_PROFILE")
    elif [ -n "${APPLE_ID:-}" ] && [ -n "${APPLE_TEAM_ID:-}" ] && [ -n "${APPLE_APP_PASSWORD:-}" ]; then
        auth=(--apple-id "$APPLE_ID" --team-id "$APPLE_TEAM_ID" --password "$APPLE_APP_PASSWORD")
    else
        echo "sign-and-notarize: no notarization credentials (NOTARY_KEYCHAIN_PROFILE, or"
        echo "  APPLE_ID + APPLE_TEAM_ID + APPLE_APP_PASSWORD): NOT notarizing $dmg."
        return 0
    fi
    if [ -n "${MACOS_SIGNING_IDENTITY:-}" ]; then
        codesign --force --timestamp --sign "$MACOS_SIGNING_IDENTITY" "$dmg"
    else
        echo "sign-and-notarize: notarization needs a signed app: set MACOS_SIGNING_IDENTITY" >&2
        exit 1
    fi
    xcrun notarytool submit "$dmg" "${auth[@]}" --wait --timeout 30m
    xcrun stapler staple "$dmg"
    xcrun stapler validate "$dmg"
    spctl --assess --type open --context context:primary-signature --verbose=2 "$dmg" || true
    echo "sign-and-notarize: $dmg is notarized and stapled"
}

case "$step" in
    sign) sign_app "$target" ;;
    notarize) notarize "$target" ;;
    *) usage ;;
esac
