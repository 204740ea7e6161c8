#!/usr/bin/env bash
# Build a compressed disk image with Plume.app and a shortcut to /Applications (macOS only).
#
#   packaging/macos/build_dmg.sh dist/Plume.app out/Plume-0.1.0-macos-arm64.dmg
#
# Signing/notarization (optional, when secrets exist): PyInstaller signs the bundle with
# PLUME_CODESIGN_IDENTITY (ad-hoc otherwise); set NOTARY_PROFILE to a `xcrun notarytool
# store-credentials` profile to notarize and staple the .dmg.
set -euo pipefail
APP=${1:?usage: build_dmg.sh APP_BUNDLE OUT.dmg}
DMG=${2:?usage: build_dmg.sh APP_BUNDLE OUT.dmg}
[ "$(uname)" = Darwin ] || { echo "build_dmg.sh needs macOS (hdiutil)" >&2; exit 1; }
[ -d "$APP/Contents/MacOS" ] || { echo "no app bundle at $APP" >&2; exit 1; }

STAGE=$(mktemp -d)
trap 'rm -rf "$STAGE"' EXIT
ditto "$APP" "$STAGE/Plume.app"          # ditto keeps signatures, symlinks and xattrs
ln -s /Applications "$STAGE/Applications"
mkdir -p "$(dirname "$DMG")"
rm -f "$DMG"
hdiutil create -volname "Plume" -srcfolder "$STAGE" -fs HFS+ -format UDZO -imagekey zlib-level=9 \
    -ov "$DMG"
codesign --verify --deep --strict "$APP" && echo "signature OK: $APP"
if [ -n "${NOTARY_PROFILE:-}" ]; then
    xcrun notarytool submit "$DMG" --keychain-profile "$NOTARY_PROFILE" --wait
    xcrun stapler staple "$DMG"
fi
hdiutil verify "$DMG"
echo "$DMG"
