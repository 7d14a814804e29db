"""Wrap the built bundle (dist/tawsim) into dist/tawsim-VERSION-linux-ARCH.tar.gz.

    python packaging/tarball.py [--bundle dist/tawsim] [--out dist]     (`make package`)

The tarball unpacks into one folder, tawsim-VERSION/:

    tawsim/                     the PyInstaller bundle; tawsim/tawsim starts Tawsim
    INSTALL.txt                 how to install, run and uninstall
    install.sh, uninstall.sh    put the bundle, menu entry and icons under ~/.local, or remove them
    LICENSE
    share/applications/org.tawsim.Tawsim.desktop
    share/metainfo/org.tawsim.Tawsim.metainfo.xml
    share/icons/hicolor/NxN/apps/org.tawsim.Tawsim.png, .../scalable/apps/org.tawsim.Tawsim.svg

The menu entry and AppStream file are checked first (desktop-file-validate and
appstreamcli, when installed). Entries are sorted, owned by root and dated
SOURCE_DATE_EPOCH when set, so two builds of the same bundle give the same archive.
"""

from __future__ import annotations

import argparse
import gzip
import io
import os
import platform
import re
import shutil
import subprocess
import sys
import tarfile
import time
from pathlib import Path

PACKAGING = Path(__file__).resolve().parent
ROOT = PACKAGING.parent
APP_ID = "org.tawsim.Tawsim"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def app_version() -> str:
    text = (ROOT / "core" / "version.py").read_text(encoding="utf-8")
    match = re.search(r'^APP_VERSION = "([^"]+)"', text, re.MULTILINE)
    if not match:
        raise SystemExit("core/version.py has no APP_VERSION")
    return match.group(1)


def arch() -> str:
    return platform.machine().lower() or "unknown"


def tarball_name(version: str) -> str:
    return f"tawsim-{version}-linux-{arch()}.tar.gz"


def built_on() -> tuple[str, str]:
    """The system this runs on (its name, its glibc version), for the install note."""
    name = "Linux"
    try:
        for line in Path("/etc/os-release").read_text(encoding="utf-8").splitlines():
            if line.startswith("PRETTY_NAME="):
                name = line.split("=", 1)[1].strip().strip('"')
    except OSError:
        pass
    return name, platform.libc_ver()[1] or "unknown"


def check_metadata() -> list[str]:
    """Problems the validators find in the menu entry and the AppStream file (an empty
    list when they are fine or the validators are not installed)."""
    problems = []
    checks = [
        ("desktop-file-validate", PACKAGING / f"{APP_ID}.desktop"),
        ("appstreamcli", PACKAGING / f"{APP_ID}.metainfo.xml"),
    ]
    for tool, path in checks:
        if not shutil.which(tool):
            continue
        command = [tool, path.as_posix()]
        if tool == "appstreamcli":
            command[1:1] = ["validate", "--no-net"]
        result = subprocess.run(command, capture_output=True, text=True)
        if result.returncode != 0:
            problems.append(f"{path.name}: {result.stdout.strip()} {result.stderr.strip()}")
    return problems


def install_note(version: str) -> bytes:
    system, glibc = built_on()
    text = (PACKAGING / "INSTALL.txt").read_text(encoding="utf-8")
    for key, value in {
        "VERSION": version,
        "ARCH": arch(),
        "BUILT_ON": system,
        "GLIBC": glibc,
    }.items():
        text = text.replace(f"@{key}@", value)
    return text.encode("utf-8")


def extra_files(version: str) -> list[tuple[str, bytes | Path, int]]:
    """(path in the tarball, content or source file, mode) for everything but the bundle."""
    icons = PACKAGING / "icons"
    files: list[tuple[str, bytes | Path, int]] = [
        ("INSTALL.txt", install_note(version), 0o644),
        ("install.sh", PACKAGING / "install.sh", 0o755),
        ("uninstall.sh", PACKAGING / "uninstall.sh", 0o755),
        ("LICENSE", ROOT / "LICENSE", 0o644),
        (f"share/applications/{APP_ID}.desktop", PACKAGING / f"{APP_ID}.desktop", 0o644),
        (f"share/metainfo/{APP_ID}.metainfo.xml", PACKAGING / f"{APP_ID}.metainfo.xml", 0o644),
        (f"share/icons/hicolor/scalable/apps/{APP_ID}.svg", icons / "tawsim.svg", 0o644),
    ]
    files += [
        (f"share/icons/hicolor/{n}x{n}/apps/{APP_ID}.png", icons / f"tawsim-{n}.png", 0o644)
        for n in ICON_SIZES
    ]
    return files


def build_tarball(bundle: Path, out_dir: Path, version: str | None = None) -> Path:
    """Write the tarball for `bundle` (a folder holding the `tawsim` executable) into
    `out_dir`, replacing an older one whole; return its path."""
    version = version or app_version()
    if not (bundle / "tawsim").is_file():
        raise SystemExit(f"{bundle}/tawsim is missing: build the bundle first (make package)")
    problems = check_metadata()
    if problems:
        raise SystemExit("\n".join(problems))
    top = f"tawsim-{version}"
    mtime = int(os.environ.get("SOURCE_DATE_EPOCH") or time.time())

    def normalise(info: tarfile.TarInfo) -> tarfile.TarInfo:
        info.uid = info.gid = 0
        info.uname = info.gname = ""
        info.mtime = mtime
        return info

    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / tarball_name(version)
    partial = target.with_name(target.name + ".partial")
    with (
        open(partial, "wb") as raw,
        gzip.GzipFile(filename="", mode="wb", fileobj=raw, compresslevel=6, mtime=mtime) as zipped,
        tarfile.open(fileobj=zipped, mode="w", format=tarfile.PAX_FORMAT) as tar,
    ):
        for directory in (top, f"{top}/tawsim"):
            tar.addfile(normalise(_directory(directory)))
        for path in sorted(bundle.rglob("*")):
            name = f"{top}/tawsim/{path.relative_to(bundle).as_posix()}"
            tar.add(path, arcname=name, recursive=False, filter=normalise)
        for name, source, mode in extra_files(version):
            data = source if isinstance(source, bytes) else source.read_bytes()
            info = tarfile.TarInfo(f"{top}/{name}")
            info.size, info.mode = len(data), mode
            tar.addfile(normalise(info), io.BytesIO(data))
    partial.replace(target)
    return target


def _directory(name: str) -> tarfile.TarInfo:
    info = tarfile.TarInfo(name)
    info.type, info.mode = tarfile.DIRTYPE, 0o755
    return info


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bundle", type=Path, default=ROOT / "dist" / "tawsim")
    parser.add_argument("--out", type=Path, default=ROOT / "dist")
    args = parser.parse_args(argv)
    target = build_tarball(args.bundle, args.out)
    print(f"wrote {target} ({target.stat().st_size / 2**20:.1f} MiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
