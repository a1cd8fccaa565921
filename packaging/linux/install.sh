#!/usr/bin/env bash
# Install the Linux bundle (dist/iam-desk, from `make bundle`) for every user of this computer:
# the folder in /opt/iam-desk, the menu entry and the icon. Run as root:  sudo packaging/linux/install.sh [BUNDLE]
# Remove with:  sudo rm -rf /opt/iam-desk /usr/share/applications/iam-desk.desktop \
#                 /usr/share/icons/hicolor/256x256/apps/iam-desk.png
# The desks' data stay in each user's ~/.local/share/iam-desk and are never touched here.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
bundle="${1:-$here/../../dist/iam-desk}"
[ -x "$bundle/iam-desk" ] || { echo "no bundle at $bundle: run 'make bundle' first" >&2; exit 1; }
rm -rf /opt/iam-desk.new
cp -a "$bundle" /opt/iam-desk.new
rm -rf /opt/iam-desk
mv /opt/iam-desk.new /opt/iam-desk
install -D -m 644 "$here/iam-desk.desktop" /usr/share/applications/iam-desk.desktop
install -D -m 644 "$bundle/_internal/resources/icons/iam-desk.png" /usr/share/icons/hicolor/256x256/apps/iam-desk.png
command -v update-desktop-database >/dev/null && update-desktop-database -q /usr/share/applications || true
command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q /usr/share/icons/hicolor || true
echo "installed: /opt/iam-desk/iam-desk ($(/opt/iam-desk/iam-desk --version))"
