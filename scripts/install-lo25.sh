#!/usr/bin/env bash
# Unpacks LibreOffice 25.2 (Debian bookworm-backports) into a prefix beside the
# system's LibreOffice 7.4, so that the tests can run in both offices.
#
#   scripts/install-lo25.sh [PREFIX]     (default /opt/dealerkpi/libreoffice-25.2)
#
# apt keeps 7.4 as the system office: backports are only downloaded and unpacked
# with dpkg -x, never installed. Debian's files point back into /usr/lib/libreoffice
# and /etc; they are re-pointed into the prefix so that the 25.2 office loads none of
# 7.4's pieces. Idempotent: a prefix that holds the wanted version is left alone.
set -euo pipefail
PREFIX=${1:-/opt/dealerkpi/libreoffice-25.2}
STAMP=$PREFIX/.dealerkpi-version
packages=(
  libreoffice-core libreoffice-common libreoffice-calc libreoffice-base-core
  libreoffice-uiconfig-common libreoffice-uiconfig-calc libreoffice-style-colibre
  fonts-opensymbol libuno-cppu3 libuno-cppuhelpergcc3-3 libuno-purpenvhelpergcc3-3
  libuno-sal3 libuno-salhelpergcc3-3 uno-libs-private ure python3-uno
  libreoffice-l10n-zh-cn  # the zh-CN UI, for the real-window tests (tests/window)
)
extra=(libzxcvbn0)  # the one library 25.2 needs that 7.4 does not pull in

if [ -f "$STAMP" ] && [ -d "$PREFIX/usr/lib/libreoffice/program/resource/zh_CN" ]; then
  echo "LibreOffice $(cat "$STAMP") already unpacked in $PREFIX"
  exit 0
fi

loud() {
  echo "" >&2
  echo "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!" >&2
  echo "!!! LibreOffice 25.2 NOT installed: $*" >&2
  echo "!!! Every lo25.2 test will FAIL (they are not skipped)." >&2
  echo "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!" >&2
  exit 1
}

SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
SRC=/etc/apt/sources.list.d/dealerkpi-bookworm-backports.sources
if ! grep -rqs "bookworm-backports" /etc/apt/sources.list /etc/apt/sources.list.d/; then
  $SUDO tee "$SRC" >/dev/null <<'SOURCES'
Types: deb
URIs: http://deb.debian.org/debian
Suites: bookworm-backports
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SOURCES
fi
$SUDO apt-get update -qq || loud "apt-get update failed (is bookworm-backports reachable?)"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(
  cd "$work"
  # apt-get download as root warns about the _apt sandbox; the folder is ours.
  chmod 777 "$work"
  apt-get download -qq "${packages[@]/%//bookworm-backports}" "${extra[@]}" 2>&1 | grep -v "^W: Download is performed unsandboxed" || true
) || true
for p in "${packages[@]}" "${extra[@]}"; do
  ls "$work/${p}_"*.deb >/dev/null 2>&1 || loud "could not download $p from bookworm-backports"
done

tmp=$PREFIX.new
$SUDO rm -rf "$tmp"
$SUDO mkdir -p "$tmp"
for deb in "$work"/*.deb; do
  $SUDO dpkg -x "$deb" "$tmp"
done

lo=$tmp/usr/lib/libreoffice
final_lo=$PREFIX/usr/lib/libreoffice
# Re-point what Debian points into the system install.
$SUDO sed -i "s|^BRAND_BASE_DIR=.*|BRAND_BASE_DIR=file://$final_lo|" "$lo/program/fundamentalrc"
# sofficerc names /etc/libreoffice/sofficerc: the package's own copy goes into the prefix.
if [ -L "$lo/program/sofficerc" ] || grep -q "/etc/libreoffice" "$lo/program/sofficerc" 2>/dev/null; then
  $SUDO rm -f "$lo/program/sofficerc"
  $SUDO cp "$tmp/etc/libreoffice/sofficerc" "$lo/program/sofficerc"
fi
# unopkg's Python path, and uno.py's own sys.path and URE_BOOTSTRAP (Debian's
# python3-uno names the system office there).
$SUDO sed -i "s|/usr/lib/libreoffice/program|$final_lo/program|g" "$lo/program/unopkg" \
  "$tmp/usr/lib/python3/dist-packages/uno.py"
$SUDO rm -f "$lo/share/registry/main.xcd"
$SUDO cp "$lo/share/.registry/main.xcd" "$lo/share/registry/main.xcd"
if [ -e "$tmp/etc/libreoffice/psprint.conf" ]; then
  $SUDO rm -f "$lo/share/psprint/psprint.conf"
  $SUDO cp "$tmp/etc/libreoffice/psprint.conf" "$lo/share/psprint/psprint.conf"
fi
$SUDO rm -rf "$lo/share/prereg/bundled" "$lo/share/uno_packages/cache"
$SUDO mkdir -p "$lo/share/prereg/bundled" "$lo/share/uno_packages/cache"
# Nothing may still point at the system office.
left=$(grep -lsP '(?<![\w.+-])/usr/lib/libreoffice' "$lo/program"/*rc "$lo/program/soffice" "$lo/program/unopkg" \
  "$tmp/usr/lib/python3/dist-packages"/*.py || true)
left+=$(find "$lo" -type l -lname '/etc/libreoffice*' -o -type l -lname '/var/lib/libreoffice*' -o -type l -lname '/usr/lib/libreoffice*' | head -20)
if [ -n "$left" ]; then
  echo "$left" >&2
  loud "files in the prefix still point at the system install"
fi
VERSION=$(dpkg-deb -f "$work"/libreoffice-core_*.deb Version)
case "$VERSION" in *:25.2.*) ;; *) loud "bookworm-backports has LibreOffice $VERSION, not 25.2" ;; esac
echo "$VERSION" | $SUDO tee "$tmp/.dealerkpi-version" >/dev/null
# the fundamentalrc edit used the final path; move into place
$SUDO rm -rf "$PREFIX"
$SUDO mv "$tmp" "$PREFIX"
echo "LibreOffice 25.2 unpacked in $PREFIX"
