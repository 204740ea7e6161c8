#!/usr/bin/env bash
# Build plume_<version>_<arch>.deb from the PyInstaller one-folder bundle.
#
#   packaging/linux/build_deb.sh dist/plume 0.1.0 out/            # release: xz
#   DEB_COMPRESS="-Zgzip -z1" packaging/linux/build_deb.sh ...     # CI: fast, bigger
#
# Layout: /opt/plume/ (bundle), /usr/bin/plume -> /opt/plume/plume, desktop entry,
# AppStream metainfo, hicolor icons (PNG 16-512 + SVG), /usr/share/doc/plume/copyright.
# Depends: the system libraries the spec leaves out of the bundle (packaging/bundle_rules.py)
# plus what Qt's xcb/wayland plugins load; packaging/linux/check_deb.py proves the list covers
# every library the bundle links to (ldd + dpkg -S on the build host).
set -euo pipefail

BUNDLE=${1:?usage: build_deb.sh BUNDLE_DIR VERSION OUT_DIR}
VERSION=${2:?usage: build_deb.sh BUNDLE_DIR VERSION OUT_DIR}
OUT=${3:?usage: build_deb.sh BUNDLE_DIR VERSION OUT_DIR}
COMPRESS=${DEB_COMPRESS:--Zxz}
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
APP_ID=io.github.plumestudio.Plume
ICONS=$ROOT/packaging/icons/build/png
ARCH=$(dpkg --print-architecture)
VERSION=${VERSION#v}

[ -x "$BUNDLE/plume" ] || { echo "no bundle at $BUNDLE (run pyinstaller first)" >&2; exit 1; }
[ -f "$ICONS/plume-256.png" ] || { echo "icons missing: run packaging/icons/make_icons.py" >&2; exit 1; }

STAGE=$(mktemp -d)
trap 'rm -rf "$STAGE"' EXIT
chmod 755 "$STAGE"  # mktemp's 0700 would become the package root's mode
PKG=$STAGE/pkg

install -d "$PKG/opt" "$PKG/usr/bin" "$PKG/usr/share/applications" "$PKG/usr/share/metainfo" \
    "$PKG/usr/share/doc/plume" "$PKG/DEBIAN"
cp -a "$BUNDLE" "$PKG/opt/plume"
ln -s /opt/plume/plume "$PKG/usr/bin/plume"
install -m 644 "$HERE/$APP_ID.desktop" "$PKG/usr/share/applications/$APP_ID.desktop"
sed -e "s/@VERSION@/$VERSION/" -e "s/@DATE@/$(date -u +%Y-%m-%d)/" \
    "$HERE/$APP_ID.metainfo.xml" > "$PKG/usr/share/metainfo/$APP_ID.metainfo.xml"
chmod 644 "$PKG/usr/share/metainfo/$APP_ID.metainfo.xml"
for size in 16 22 24 32 48 64 128 256 512; do
    dir=$PKG/usr/share/icons/hicolor/${size}x${size}/apps
    install -d "$dir"
    install -m 644 "$ICONS/plume-$size.png" "$dir/$APP_ID.png"
done
install -d "$PKG/usr/share/icons/hicolor/scalable/apps"
install -m 644 "$ROOT/resources/icons/plume.svg" "$PKG/usr/share/icons/hicolor/scalable/apps/$APP_ID.svg"
cat > "$PKG/usr/share/doc/plume/copyright" <<EOF
Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: Plume
Comment: /opt/plume bundles Python, Qt 6 (LGPL-3.0) through PySide6 (LGPL-3.0) and the
 Python libraries listed in /opt/plume/_internal/*.dist-info, under their own licences.

Files: *
Copyright: Plume developers
License: MIT
EOF
chmod 644 "$PKG/usr/share/doc/plume/copyright"
find "$PKG" -type d -exec chmod 755 {} +

# Libraries the bundle expects from the system (see _SYSTEM_LIBRARIES in bundle_rules.py)
# and those Qt's platform plugins load (xcb, wayland, fonts, input methods, D-Bus).
# The newest glibc symbol version any bundled binary asks for sets the libc6 floor.
GLIBC_MIN=$(find "$BUNDLE" -type f \( -name '*.so*' -o -name plume \) -print0 \
    | xargs -0 grep -aoh 'GLIBC_2\.[0-9]*' | sort -uV | tail -1 | sed 's/GLIBC_//')
STATIC_DEPENDS="libc6 (>= ${GLIBC_MIN:-2.34}), libstdc++6, libgcc-s1, libglib2.0-0, libdbus-1-3, \
libfontconfig1, libfreetype6, libpng16-16, libexpat1, libx11-6, libx11-xcb1, libxcb1, \
libxcb-cursor0, libxcb-icccm4, libxcb-image0, libxcb-keysyms1, libxcb-randr0, \
libxcb-render-util0, libxcb-render0, libxcb-shape0, libxcb-shm0, libxcb-sync1, libxcb-util1, \
libxcb-xfixes0, libxcb-xkb1, libxkbcommon0, libxkbcommon-x11-0, libwayland-client0, \
libwayland-cursor0, libegl1, libgl1, libopengl0, libuuid1, libzstd1"

DEPENDS=$(echo "$STATIC_DEPENDS" | tr -s " ")

INSTALLED_KB=$(du -sk "$PKG" | cut -f1)
cat > "$PKG/DEBIAN/control" <<EOF
Package: plume
Version: $VERSION
Architecture: $ARCH
Maintainer: Plume developers <plume@users.noreply.github.com>
Installed-Size: $INSTALLED_KB
Depends: $DEPENDS
Recommends: gnome-keyring | kwalletmanager | keepassxc
Suggests: ollama
Section: editors
Priority: optional
Description: local-first studio for SEO writing with open models
 Plume drafts complete SEO articles (title, meta description, slug, outline,
 sections, FAQ) in French or English with an open model running on your own
 machine through Ollama, scores readability and SEO live, and exports
 Markdown or HTML. Works offline; nothing leaves your computer.
EOF

mkdir -p "$OUT"
DEB=$OUT/plume_${VERSION}_${ARCH}.deb
# shellcheck disable=SC2086
dpkg-deb --root-owner-group $COMPRESS --build "$PKG" "$DEB" >/dev/null
echo "$DEB"
