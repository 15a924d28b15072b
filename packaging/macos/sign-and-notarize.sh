#!/usr/bin/env bash
# Sign the app, build the disk image, sign and notarize it, staple: in ONE run, because
# the temporary keychain that holds the certificate on CI exists only until `cleanup`.
#
#   packaging/macos/sign-and-notarize.sh release "dist/Pairing Wizard.app" dist/PairingWizard-VERSION.dmg
#   packaging/macos/sign-and-notarize.sh cleanup        # CI: an always-run step
#
# Signing (hardened runtime, secure timestamp, packaging/macos/entitlements.plist):
#   MACOS_SIGNING_IDENTITY      "Developer ID Application: Example Ltd (TEAMID1234)"
#   MACOS_CERTIFICATE_P12_BASE64, MACOS_CERTIFICATE_PASSWORD   (CI only, optional): the
#                               Developer ID certificate as a base64 .p12, imported into a
#                               temporary keychain in $RUNNER_TEMP (deleted by `cleanup`);
#                               locally the login keychain is used.
# Notarization (notarytool), with an App Store Connect API key (preferred on CI):
#   APPLE_API_KEY_ID, APPLE_API_ISSUER, APPLE_API_KEY_P8_BASE64 (the .p8 file, base64)
# or an Apple ID with an app-specific password:
#   APPLE_ID, APPLE_TEAM_ID, APPLE_APP_PASSWORD
# (A notarytool keychain profile is not used: it exists only on the Mac that stored it.)
#
# Without these variables each part says what it skipped and the disk image is still
# built: an unsigned build runs (macOS 15+: System Settings > Privacy & Security > Open
# Anyway), it is just not notarized.
set -euo pipefail
cd "$(dirname "$0")/../.."
ENTITLEMENTS="packaging/macos/entitlements.plist"

KEYCHAIN="${RUNNER_TEMP:-${TMPDIR:-/tmp}}/pairing-wizard-signing.keychain-db"

usage() { echo "usage: $0 release APP DMG | cleanup" >&2; exit 2; }
[ $# -ge 1 ] || usage
step="$1"

import_certificate() {
    [ -n "${MACOS_CERTIFICATE_P12_BASE64:-}" ] || return 0
    local keychain="$KEYCHAIN" password
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
    trap 'rm -rf "$RUNNER_TEMP_DIR"' EXIT  # the .p12 copy; the keychain stays until cleanup
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
    if [ -n "${APPLE_API_KEY_ID:-}" ] && [ -n "${APPLE_API_ISSUER:-}" ] && [ -n "${APPLE_API_KEY_P8_BASE64:-}" ]; then
        local key="${RUNNER_TEMP:-${TMPDIR:-/tmp}}/AuthKey_$APPLE_API_KEY_ID.p8"
        echo "$APPLE_API_KEY_P8_BASE64" | base64 --decode > "$key"
        auth=(--key "$key" --key-id "$APPLE_API_KEY_ID" --issuer "$APPLE_API_ISSUER")
    elif [ -n "${APPLE_ID:-}" ] && [ -n "${APPLE_TEAM_ID:-}" ] && [ -n "${APPLE_APP_PASSWORD:-}" ]; then
        auth=(--apple-id "$APPLE_ID" --team-id "$APPLE_TEAM_ID" --password "$APPLE_APP_PASSWORD")
    else
        echo "sign-and-notarize: no notarization credentials (APPLE_API_KEY_ID + APPLE_API_ISSUER"
        echo "  + APPLE_API_KEY_P8_BASE64, or APPLE_ID + APPLE_TEAM_ID + APPLE_APP_PASSWORD):"
        echo "  NOT notarizing $dmg."
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

cleanup() {
    rm -f "${RUNNER_TEMP:-${TMPDIR:-/tmp}}"/AuthKey_*.p8
    if [ -e "$KEYCHAIN" ]; then
        security delete-keychain "$KEYCHAIN"
        echo "sign-and-notarize: deleted the temporary keychain"
    fi
}

case "$step" in
    release)
        [ $# -eq 3 ] || usage
        app="$2"; dmg="$3"
        [ -d "$app" ] || { echo "sign-and-notarize: $app not found: build it first" >&2; exit 1; }
        sign_app "$app"
        packaging/macos/build-dmg.sh "$app" "$dmg"
        notarize "$dmg" ;;
    cleanup) cleanup ;;
    *) usage ;;
esac
