#!/usr/bin/env bash
# make-deb.sh BUILD_DIR OUT_DIR: the one-folder build as a Debian package. The program goes
# to /opt/catalogue-app (a frozen build keeps its libraries beside it), with a command in
# /usr/bin, a menu entry and an icon.
set -euo pipefail
build="$1"
out="$2"
here="$(cd "$(dirname "$0")" && pwd)"
version=$("$build/catalogue-app" --version | cut -d' ' -f2)
arch=$(dpkg --print-architecture)
root=$(mktemp -d)
chmod 755 "$root"
trap 'rm -rf "$root"' EXIT

mkdir -p "$root/opt" "$root/usr/bin" "$root/usr/share/applications" \
         "$root/usr/share/icons/hicolor/scalable/apps" "$root/DEBIAN"
cp -a "$build" "$root/opt/catalogue-app"
ln -s /opt/catalogue-app/catalogue-app "$root/usr/bin/catalogue-app"
install -m 644 "$here/../catalogue-app.desktop" "$root/usr/share/applications/"
install -m 644 "$here/../catalogue-app.svg" "$root/usr/share/icons/hicolor/scalable/apps/"
sed -e "s/@VERSION@/$version/" -e "s/@ARCH@/$arch/" \
    -e "s/@SIZE@/$(du -sk "$root" | cut -f1)/" "$here/control.in" > "$root/DEBIAN/control"
dpkg-deb --root-owner-group -Zzstd --build "$root" "$out/catalogue-app_${version}_${arch}.deb" >/dev/null
