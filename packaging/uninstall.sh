#!/bin/sh
# Remove what install.sh installed (PREFIX=DIR if it was given one there): the files
# listed in ~/.local/lib/tawsim/installed-files.txt, then that folder. Projects,
# settings and the demo project (~/.config/Tawsim, ~/.local/share/Tawsim) are kept.
set -eu

PREFIX=${PREFIX:-$HOME/.local}
LIB=$PREFIX/lib/tawsim
list=$LIB/installed-files.txt

if [ ! -f "$list" ] || [ ! -x "$LIB/tawsim" ]; then
    echo "uninstall.sh: Tawsim is not installed in $LIB" >&2
    exit 1
fi

while IFS= read -r file; do
    case "$file" in
        "$PREFIX"/*) rm -f "$file" ;;  # only what install.sh wrote under PREFIX
    esac
done < "$list"
rm -rf "$LIB"
# folders install.sh may have created, if nothing else is in them
for dir in "$PREFIX"/share/icons/hicolor/*/apps "$PREFIX"/share/icons/hicolor/* \
    "$PREFIX/share/metainfo"; do
    rmdir "$dir" 2>/dev/null || true
done

if command -v update-desktop-database >/dev/null 2>&1; then
    update-desktop-database -q "$PREFIX/share/applications" 2>/dev/null || true
fi
echo "Tawsim is removed. Your projects and settings are still there" \
    "(~/.config/Tawsim, ~/.local/share/Tawsim); delete those folders to remove them too."
