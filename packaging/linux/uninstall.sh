#!/bin/sh
# Remove Desktop CRM installed by install.sh (the program, its menu entry, icon and command).
# Your data stays: ~/.local/share/desktop-crm (the database, backups, attachments, log); delete that
# folder yourself if you want it gone too.
set -eu

DATA_HOME=${XDG_DATA_HOME:-$HOME/.local/share}
TARGET=${DESKTOP_CRM_INSTALL_DIR:-$HOME/.local/opt/desktop-crm}

rm -f "$DATA_HOME/applications/desktop-crm.desktop"
for size in 16 24 32 48 64 128 256 512; do
    rm -f "$DATA_HOME/icons/hicolor/${size}x$size/apps/desktop-crm.png"
done
if [ -L "$HOME/.local/bin/desktop-crm" ]; then
    rm -f "$HOME/.local/bin/desktop-crm"
fi
case "$TARGET" in
    */desktop-crm) rm -rf "$TARGET" ;;
    *) echo "uninstall.sh: not removing $TARGET (unexpected folder name)" >&2 ;;
esac
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$DATA_HOME/applications" || true
command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t "$DATA_HOME/icons/hicolor" || true
echo "Desktop CRM removed. Your data is still in ${DESKTOP_CRM_HOME:-$DATA_HOME/desktop-crm}."
