#!/bin/sh
# Install Tawsim for the current user, from the unpacked tarball:
#   the application    ~/.local/lib/tawsim/          (a copy of ./tawsim/)
#   the command        ~/.local/bin/tawsim           (a link to it)
#   the menu entry     ~/.local/share/applications/org.tawsim.Tawsim.desktop
#   the icons          ~/.local/share/icons/hicolor/*/apps/org.tawsim.Tawsim.{png,svg}
#   AppStream data     ~/.local/share/metainfo/org.tawsim.Tawsim.metainfo.xml
# PREFIX=DIR installs under DIR instead of ~/.local. No root needed; run it again to
# update. The files it wrote are listed in ~/.local/lib/tawsim/installed-files.txt,
# which ~/.local/lib/tawsim/uninstall.sh reads to remove exactly those.
set -eu

APP_ID=org.tawsim.Tawsim
HERE=$(cd "$(dirname "$0")" && pwd)
PREFIX=${PREFIX:-$HOME/.local}
LIB=$PREFIX/lib/tawsim
BIN=$PREFIX/bin
SHARE=$PREFIX/share

if [ ! -x "$HERE/tawsim/tawsim" ] || [ ! -d "$HERE/share" ]; then
    echo "install.sh: run it from the unpacked tarball (next to the tawsim/ folder)" >&2
    exit 1
fi
case "$LIB" in
    *[\"\`\$\\%]* | *"
"*)
        echo "install.sh: the folder $LIB has a character a menu entry cannot hold;" \
            "choose another with PREFIX=DIR" >&2
        exit 1 ;;
esac

# the application: copied next to the old one, then swapped in
mkdir -p "$PREFIX/lib" "$BIN"
rm -rf "$LIB.new"
cp -R "$HERE/tawsim" "$LIB.new"
cp "$HERE/uninstall.sh" "$LIB.new/uninstall.sh"
if [ -d "$LIB" ]; then
    rm -rf "$LIB.old"
    mv "$LIB" "$LIB.old"
fi
mv "$LIB.new" "$LIB"
rm -rf "$LIB.old"
ln -sfn "$LIB/tawsim" "$BIN/tawsim"
list=$LIB/installed-files.txt
echo "$BIN/tawsim" > "$list"

# the menu entry, starting the installed copy by its full path
mkdir -p "$SHARE/applications"
sed -e "s|^Exec=.*|Exec=\"$LIB/tawsim\"|" -e "s|^TryExec=.*|TryExec=$LIB/tawsim|" \
    "$HERE/share/applications/$APP_ID.desktop" > "$SHARE/applications/$APP_ID.desktop"
echo "$SHARE/applications/$APP_ID.desktop" >> "$list"

# icons and AppStream data, as laid out in share/
(cd "$HERE/share" && find icons metainfo -type f) | while IFS= read -r file; do
    mkdir -p "$(dirname "$SHARE/$file")"
    cp "$HERE/share/$file" "$SHARE/$file"
    echo "$SHARE/$file" >> "$list"
done

# let the desktop notice (these tools are optional)
if command -v update-desktop-database >/dev/null 2>&1; then
    update-desktop-database -q "$SHARE/applications" || true
fi
if command -v gtk-update-icon-cache >/dev/null 2>&1 && [ -f "$SHARE/icons/hicolor/index.theme" ]; then
    gtk-update-icon-cache -q "$SHARE/icons/hicolor" || true
fi

echo "Tawsim is installed: look for it in the applications menu."
case ":$PATH:" in
    *":$BIN:"*) echo "From a terminal: tawsim (tawsim --help lists the commands)." ;;
    *) echo "From a terminal: $BIN/tawsim (add $BIN to PATH to type just tawsim)." ;;
esac
echo "To remove it: $LIB/uninstall.sh (your projects and settings are kept)."
