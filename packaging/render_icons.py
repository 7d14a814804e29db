"""Render Tawsim's icon (packaging/icons/tawsim.svg) to the files installers need.

    python packaging/render_icons.py           # rewrite the PNGs, tawsim.ico and tawsim.icns
    python packaging/render_icons.py --check   # exit 1 if a committed file is out of date

PNG sizes 16...512 go into the Linux icon theme (hicolor), tawsim.ico is the Windows
executable's icon and tawsim.icns the macOS app bundle's. The SVG is rendered by Qt's
own SVG renderer (QtSvg, part of PySide6), so no other tool is needed; it runs offscreen.
.ico and .icns are written here (PNG images in the simple containers both formats
allow), because Qt's writers put only one size in a file.
"""

from __future__ import annotations

import argparse
import os
import struct
import sys
from pathlib import Path

ICONS_DIR = Path(__file__).resolve().parent / "icons"
SVG = ICONS_DIR / "tawsim.svg"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# icns element types holding PNG data, by pixel size (@2x types are the larger sizes again)
ICNS_TYPES = (
    (b"icp4", 16),
    (b"icp5", 32),
    (b"ic11", 32),
    (b"icp6", 64),
    (b"ic12", 64),
    (b"ic07", 128),
    (b"ic08", 256),
    (b"ic13", 256),
    (b"ic09", 512),
    (b"ic14", 512),
    (b"ic10", 1024),
)


def png_path(size: int) -> Path:
    return ICONS_DIR / f"tawsim-{size}.png"


def render_png(size: int) -> bytes:
    """The SVG drawn on a transparent square of `size` pixels, as PNG bytes."""
    from PySide6 import QtCore, QtGui, QtSvg

    renderer = QtSvg.QSvgRenderer(str(SVG))
    if not renderer.isValid():
        raise SystemExit(f"cannot read {SVG}")
    image = QtGui.QImage(size, size, QtGui.QImage.Format.Format_ARGB32)
    image.fill(QtCore.Qt.GlobalColor.transparent)
    painter = QtGui.QPainter(image)
    painter.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QtCore.QByteArray()
    buffer = QtCore.QBuffer(data)
    buffer.open(QtCore.QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """A Windows .ico holding one PNG per size (read by Windows Vista and later)."""
    header = struct.pack("<HHH", 0, 1, len(ICO_SIZES))
    offset = 6 + 16 * len(ICO_SIZES)
    entries, images = b"", b""
    for size in ICO_SIZES:
        data = pngs[size]
        side = size % 256  # 0 means 256
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(data), offset)
        images += data
        offset += len(data)
    return header + entries + images


def icns_bytes(pngs: dict[int, bytes]) -> bytes:
    """A macOS .icns: a header and one PNG element per type."""
    body = b"".join(
        kind + struct.pack(">I", 8 + len(pngs[size])) + pngs[size] for kind, size in ICNS_TYPES
    )
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def rendered() -> dict[Path, bytes]:
    """Every file this script writes, with its content."""
    pngs = {size: render_png(size) for size in {*PNG_SIZES, *ICO_SIZES, 1024}}
    files = {png_path(size): pngs[size] for size in PNG_SIZES}
    files[ICONS_DIR / "tawsim.ico"] = ico_bytes(pngs)
    files[ICONS_DIR / "tawsim.icns"] = icns_bytes(pngs)
    return files


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only compare, write nothing")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6 import QtGui

    _app = QtGui.QGuiApplication.instance() or QtGui.QGuiApplication([])
    stale = []
    for path, data in rendered().items():
        if path.exists() and path.read_bytes() == data:
            continue
        stale.append(path)
        if not args.check:
            path.write_bytes(data)
    for path in stale:
        print(f"{'out of date' if args.check else 'wrote'}: {path.relative_to(ICONS_DIR.parent)}")
    return 1 if args.check and stale else 0


if __name__ == "__main__":
    sys.exit(main())
