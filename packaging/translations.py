"""The interface's catalogues: extract the texts with pyside6-lupdate, compile with lrelease.

    python packaging/translations.py update          (`make translations`)
    python packaging/translations.py compile [DIR]   (every catalogue, into DIR)
    python packaging/translations.py compile-one TS QM   (`make` does it where needed)

`update` brings resources/translations/tawsim_ar.ts up to date with the code, keeping
every translation made: new texts come in unfinished, texts gone from the code are
dropped. tawsim_en.ts holds only the English plural forms ("1 document", "2 documents"),
which the code writes once as "%n document(s)". `compile` writes the .qm files the
application loads (into DIR, default beside the .ts). docs/translating.md says how to
translate, with the glossary.

The same command extracts the texts for tests/ui/test_translations.py, which fails when
a text has no finished Arabic translation.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import PySide6

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "resources" / "translations"
SOURCES = ("main.py", "ui", "core", "models")  # where texts are (cli prints English)
# the catalogues: (language, only the plural forms)
CATALOGUES = (("ar", False), ("en", True))


def tool(name: str) -> str:
    """A Qt tool PySide6 ships beside its modules (lupdate, lrelease)."""
    suffix = ".exe" if sys.platform == "win32" else ""
    return str(Path(PySide6.__file__).resolve().parent / f"{name}{suffix}")


def catalogue(language: str, folder: Path = TRANSLATIONS) -> Path:
    return folder / f"tawsim_{language}.ts"


def lupdate(ts: Path, language: str, plural_only: bool = False) -> None:
    """Write or update `ts` with every translatable text of the sources (texts gone from
    them are dropped, with their translations)."""
    command = [
        tool("lupdate"),
        "-silent",
        "-extensions",
        "py",
        # core's messages: Message("...") is marked like Qt's QT_TR_NOOP (models/messages.py)
        "-tr-function-alias",
        "QT_TR_NOOP+=Message",
        "-source-language",
        "en",
        "-target-language",
        language,
        "-locations",
        "relative",
        "-no-obsolete",
        *(["-pluralonly"] if plural_only else []),
        *SOURCES,
        "-ts",
        str(ts),
    ]
    subprocess.run(command, cwd=ROOT, check=True)


def lrelease(ts: Path, qm: Path) -> None:
    subprocess.run([tool("lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)


def update() -> None:
    for language, plural_only in CATALOGUES:
        lupdate(catalogue(language), language, plural_only)


def compile_all(folder: Path = TRANSLATIONS) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for language, _ in CATALOGUES:
        qm = folder / f"tawsim_{language}.qm"
        lrelease(catalogue(language), qm)
        written.append(qm)
    return written


def main(argv: list[str]) -> int:
    if argv[:1] == ["update"]:
        update()
    elif argv[:1] == ["compile"] and len(argv) <= 2:
        compile_all(Path(argv[1]) if len(argv) == 2 else TRANSLATIONS)
    elif argv[:1] == ["compile-one"] and len(argv) == 3:
        lrelease(Path(argv[1]), Path(argv[2]))
    else:
        print(__doc__, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
