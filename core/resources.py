"""Where bundled data (fonts, schema presets, lexicons) lives."""

from __future__ import annotations

from pathlib import Path

RESOURCES_DIR = Path(__file__).resolve().parent.parent / "resources"
SEEDS_DIR = Path(__file__).resolve().parent.parent / "seeds"


def resource_path(*parts: str) -> Path:
    return RESOURCES_DIR.joinpath(*parts)
