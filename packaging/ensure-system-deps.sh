#!/bin/sh
# Make sure the shared libraries Qt (PySide6) loads, Python's venv module and
# PostgreSQL's server (team mode; its tests start a throwaway server of their own)
# are present on Debian/Ubuntu. As root, install what is missing; otherwise
# print the exact apt-get line and stop. Other systems: report and go on.
set -eu

PYTHON="${PYTHON:-python3}"

# soname -> Debian package
LIBS="
libEGL.so.1:libegl1
libGL.so.1:libgl1
libX11.so.6:libx11-6
libX11-xcb.so.1:libx11-xcb1
libdbus-1.so.3:libdbus-1-3
libfontconfig.so.1:libfontconfig1
libfreetype.so.6:libfreetype6
libglib-2.0.so.0:libglib2.0-0
libpng16.so.16:libpng16-16
libxcb.so.1:libxcb1
libxcb-cursor.so.0:libxcb-cursor0
libxcb-icccm.so.4:libxcb-icccm4
libxcb-image.so.0:libxcb-image0
libxcb-keysyms.so.1:libxcb-keysyms1
libxcb-randr.so.0:libxcb-randr0
libxcb-render.so.0:libxcb-render0
libxcb-render-util.so.0:libxcb-render-util0
libxcb-shape.so.0:libxcb-shape0
libxcb-shm.so.0:libxcb-shm0
libxcb-sync.so.1:libxcb-sync1
libxcb-util.so.1:libxcb-util1
libxcb-xfixes.so.0:libxcb-xfixes0
libxcb-xkb.so.1:libxcb-xkb1
libxkbcommon.so.0:libxkbcommon0
libxkbcommon-x11.so.0:libxkbcommon-x11-0
"

if [ "$(uname -s)" != "Linux" ]; then
    exit 0
fi

LDCONFIG=$(command -v ldconfig || echo /sbin/ldconfig)
known_libs=$("$LDCONFIG" -p 2>/dev/null || true)

missing=""
for entry in $LIBS; do
    soname=${entry%%:*}
    package=${entry#*:}
    if ! printf '%s\n' "$known_libs" | grep -q "[[:space:]]$soname[[:space:]]"; then
        missing="$missing $package"
    fi
done
if ! "$PYTHON" -c 'import ensurepip, venv' >/dev/null 2>&1; then
    pyver=$("$PYTHON" -c 'import sys; print("%d.%d" % sys.version_info[:2])')
    missing="$missing python$pyver-venv"
fi

if ! command -v initdb >/dev/null 2>&1 && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    missing="$missing postgresql"
fi

[ -z "$missing" ] && exit 0

if ! command -v apt-get >/dev/null 2>&1; then
    echo "Note: Tawsim may need these system packages, which were not found:$missing" >&2
    echo "Install their equivalents with your system's package manager." >&2
    exit 0
fi

# Ubuntu 24.04 renamed some libraries with a t64 suffix.
resolve() {
    if apt-cache show --no-all-versions "$1" >/dev/null 2>&1; then echo "$1";
    elif apt-cache show --no-all-versions "${1}t64" >/dev/null 2>&1; then echo "${1}t64";
    else echo "$1"; fi
}

if [ "$(id -u)" = "0" ]; then
    echo "Installing system packages:$missing"
    apt-get update -qq
    packages=""
    for p in $missing; do packages="$packages $(resolve "$p")"; done
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $packages
else
    echo "Tawsim needs system packages that are missing. Run:" >&2
    echo "  sudo apt-get install -y$missing" >&2
    exit 1
fi
