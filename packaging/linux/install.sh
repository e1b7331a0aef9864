#!/bin/sh
# Install Desktop CRM for the current user; no administrator rights needed.
#   ./install.sh            (from the unpacked desktop-crm folder)
# The program goes to ~/.local/opt/desktop-crm, its menu entry to ~/.local/share/applications, its icon
# to ~/.local/share/icons/hicolor, and a "desktop-crm" command to ~/.local/bin. Running it again upgrades
# in place. Your data (~/.local/share/desktop-crm) is never touched. Undo with ./uninstall.sh.
set -eu

SOURCE=$(cd "$(dirname "$0")" && pwd)
DATA_HOME=${XDG_DATA_HOME:-$HOME/.local/share}
TARGET=${DESKTOP_CRM_INSTALL_DIR:-$HOME/.local/opt/desktop-crm}
APPS=$DATA_HOME/applications
ICONS=$DATA_HOME/icons/hicolor
BIN=$HOME/.local/bin

if [ ! -x "$SOURCE/desktop-crm" ]; then
    echo "install.sh: run me from the unpacked desktop-crm folder (desktop-crm not found in $SOURCE)" >&2
    exit 1
fi

if [ "$SOURCE" != "$TARGET" ]; then
    mkdir -p "$(dirname "$TARGET")"
    rm -rf "$TARGET.new"
    cp -R "$SOURCE" "$TARGET.new"
    rm -rf "$TARGET"
    mv "$TARGET.new" "$TARGET"
fi

mkdir -p "$APPS" "$BIN"
for size in 16 24 32 48 64 128 256 512; do
    png="$TARGET/_internal/resources/icons/desktop-crm-$size.png"
    if [ -f "$png" ]; then
        mkdir -p "$ICONS/${size}x$size/apps"
        cp "$png" "$ICONS/${size}x$size/apps/desktop-crm.png"
    fi
done
sed -e "s|@TARGET@|$TARGET|g" "$TARGET/desktop-crm.desktop" > "$APPS/desktop-crm.desktop"
chmod 644 "$APPS/desktop-crm.desktop"
ln -sf "$TARGET/desktop-crm" "$BIN/desktop-crm"

# Refresh the menus' caches where the tools exist (harmless when they do not).
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$APPS" || true
command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t "$ICONS" || true

echo "Desktop CRM $(cat "$TARGET/VERSION" 2>/dev/null || echo '') installed in $TARGET"
echo "Start it from the applications menu (Desktop CRM / 销售客户管理) or with: $TARGET/desktop-crm"
