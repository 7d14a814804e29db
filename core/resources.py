"""Where bundled data (fonts, schema presets, lexicons, translations, the seed corpus) lives.

From the source tree, that is the folder above core/. In the installed application
(a PyInstaller bundle, see packaging/tawsim.spec) the data files sit in the bundle's
data folder, which PyInstaller names in sys._MEIPASS (dist/tawsim/_internal on Linux
and Windows, the .app's Contents/Frameworks on macOS, with links to Resources).
"""

from __future__ import annotations

import sys
from pathlib import Path

SOURCE_ROOT = Path(__file__).resolve().parent.parent


def data_root() -> Path:
    """The folder holding resources/ and seeds/."""
    bundle = getattr(sys, "_MEIPASS", None)
    if getattr(sys, "frozen", False) and bundle:
        return Path(bundle)
    return SOURCE_ROOT


RESOURCES_DIR = data_root() / "resources"
SEEDS_DIR = data_root() / "seeds"


def resource_path(*parts: str) -> Path:
    return RESOURCES_DIR.joinpath(*parts)
