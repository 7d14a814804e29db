"""The installer (packaging/): what it is made of, and the built bundle run as a user runs it.

The first tests need no bundle and run in `make test`: resources are found from the
source tree and from a frozen bundle, the icons are up to date, the menu entry and
AppStream file are valid, the tarball's install and uninstall scripts do exactly their
job (on a stand-in bundle), and the window's close-when-shown hook the smoke test
relies on works from the source tree.

The tests marked `bundle` run the real bundle and tarball. `make package-test` builds
them (`make package`) and sets TAWSIM_BUNDLE=dist/tawsim; without it they are skipped.
The bundle then runs with a minimal environment: PATH=/usr/bin:/bin, no PYTHONPATH, a
fresh HOME and TAWSIM_HOME, nothing of the venv.
"""

from __future__ import annotations

import configparser
import json
import os
import shutil
import subprocess
import sys
import tarfile
import time
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from core.documents.demo import DEMO_PROJECT_NAME
from core.version import APP_VERSION
from tests.conftest import ROOT, load_script

TRANSLATIONS = load_script("translations.py")

pytestmark = pytest.mark.slow

PACKAGING = ROOT / "packaging"
APP_ID = "org.tawsim.Tawsim"
BUNDLE = os.environ.get("TAWSIM_BUNDLE")
bundle_only = pytest.mark.skipif(
    not BUNDLE, reason="needs the built bundle: make package-test (TAWSIM_BUNDLE=dist/tawsim)"
)
# what Qt's offscreen platform says on any run (pyproject.toml's qt_log_ignore)
OFFSCREEN_NOTES = (
    "This plugin does not support propagateSizeHints",
    "This plugin does not support raise",
)


def user_env(home: Path, **extra: str) -> dict[str, str]:
    """The environment of a user who has never run Tawsim: no venv, no PYTHONPATH."""
    env = {"PATH": "/usr/bin:/bin", "HOME": str(home), "TAWSIM_HOME": str(home / "tawsim")}
    env.update(extra)
    return env


def known_annotator(home: Path) -> None:
    """The annotator's name already chosen (the first start asks for it in a dialog)."""
    config = home / "tawsim" / "config"
    config.mkdir(parents=True, exist_ok=True)
    (config / "state.json").write_text('{"annotator": "Salma"}', encoding="utf-8")


def unexpected_stderr(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line and not line.startswith(OFFSCREEN_NOTES)]


def check_window_run(result: subprocess.CompletedProcess[str], home: Path) -> None:
    """The window opened on the demo project (built from the seeds), Help > About named
    the version and both licences, and closing the window ended the program cleanly."""
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert f"window: {DEMO_PROJECT_NAME} — Tawsim" in lines
    about = next(line for line in lines if line.startswith("dialog: "))
    assert f"Tawsim {APP_VERSION}" in about
    assert "GPL-3.0-or-later" in about and "Open Font License" in about
    assert (home / "tawsim" / "data" / "demo.tawsim").is_file()
    assert unexpected_stderr(result.stderr) == []


# ------------------------------------------------------------- without the bundle


def test_resources_are_found_in_the_source_tree():
    from core import resources

    assert resources.data_root() == ROOT
    assert resources.RESOURCES_DIR == ROOT / "resources"
    assert resources.SEEDS_DIR == ROOT / "seeds"
    assert resources.resource_path("fonts", "OFL.txt").is_file()


def test_resources_are_found_in_a_frozen_bundle(monkeypatch, tmp_path):
    from core import resources

    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert resources.data_root() == ROOT  # not frozen: _MEIPASS alone means nothing
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert resources.data_root() == tmp_path


def test_bundle_counts_its_own_x11_libraries_as_present(monkeypatch, tmp_path):
    """The bundle carries libxcb-cursor and libxkbcommon-x11, which many desktops lack;
    the start-up check must not send its users to apt-get for them."""
    import ctypes.util

    import main

    monkeypatch.setattr(ctypes.util, "find_library", lambda name: None)  # the system lacks them
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setenv("DISPLAY", ":0")
    monkeypatch.setattr(sys, "platform", "linux")
    problem = main.display_problem()
    assert problem and "libxcb-cursor0 libxkbcommon-x11-0" in problem  # from the source tree

    for name in ("libxcb-cursor.so.0", "libxkbcommon-x11.so.0"):
        (tmp_path / name).write_bytes(b"")
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert main.display_problem() is None


def test_icons_are_rendered_from_the_svg():
    result = subprocess.run(
        [sys.executable, str(PACKAGING / "render_icons.py"), "--check"],
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    for size in load_script("render_icons.py").PNG_SIZES:
        data = (PACKAGING / "icons" / f"tawsim-{size}.png").read_bytes()
        assert data[:8] == b"\x89PNG\r\n\x1a\n"
        assert int.from_bytes(data[16:20], "big") == int.from_bytes(data[20:24], "big") == size


def test_menu_entry_names_the_icon_and_the_command():
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(PACKAGING / f"{APP_ID}.desktop", encoding="utf-8")
    desktop = entry["Desktop Entry"]
    assert desktop["Type"] == "Application"
    assert desktop["Exec"] == "tawsim"  # install.sh writes the installed path here
    assert desktop["Icon"] == APP_ID
    assert desktop["Name[ar]"] == "توسيم"
    if shutil.which("desktop-file-validate"):
        validate = ["desktop-file-validate", str(PACKAGING / f"{APP_ID}.desktop")]
        result = subprocess.run(validate, capture_output=True, text=True)
        assert result.returncode == 0 and result.stdout == "", result.stdout


def test_appstream_metadata_matches_the_app():
    root = ET.parse(PACKAGING / f"{APP_ID}.metainfo.xml").getroot()
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable") == f"{APP_ID}.desktop"
    assert root.find("releases/release").get("version") == APP_VERSION  # type: ignore[union-attr]
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert pyproject["project"]["version"] == APP_VERSION
    if shutil.which("appstreamcli"):
        validate = [
            "appstreamcli",
            "validate",
            "--no-net",
            str(PACKAGING / f"{APP_ID}.metainfo.xml"),
        ]
        result = subprocess.run(validate, capture_output=True, text=True)
        assert result.returncode == 0, result.stdout


def fake_bundle(folder: Path) -> Path:
    """A stand-in for dist/tawsim: a `tawsim` program that says who it is."""
    folder.mkdir()
    program = folder / "tawsim"
    program.write_text('#!/bin/sh\necho "stand-in Tawsim $*"\n', encoding="utf-8")
    program.chmod(0o755)
    (folder / "_internal").mkdir()
    (folder / "_internal" / "data.txt").write_text("data", encoding="utf-8")
    return folder


def unpack(tarball: Path, into: Path) -> Path:
    with tarfile.open(tarball) as tar:
        tar.extractall(into, filter="tar")
    (top,) = into.iterdir()
    return top


def installed_files(home: Path) -> set[str]:
    return {str(p.relative_to(home)) for p in home.rglob("*") if p.is_file() or p.is_symlink()}


def test_tarball_installs_into_local_share_and_uninstalls(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764806400")
    tarball_module = load_script("tarball.py")
    tarball = tarball_module.build_tarball(fake_bundle(tmp_path / "bundle"), tmp_path / "dist")
    assert tarball.name == f"tawsim-{APP_VERSION}-linux-{tarball_module.arch()}.tar.gz"
    # the same bundle gives the same archive
    again = tarball_module.build_tarball(tmp_path / "bundle", tmp_path / "again")
    assert again.read_bytes() == tarball.read_bytes()

    top = unpack(tarball, tmp_path / "unpacked")
    assert top.name == f"tawsim-{APP_VERSION}"
    note = (top / "INSTALL.txt").read_text(encoding="utf-8")
    assert "./install.sh" in note and "uninstall.sh" in note and "@" not in note

    home = tmp_path / "home"
    home.mkdir()
    env = user_env(home)
    for _ in range(2):  # installing again updates in place
        result = subprocess.run(
            ["./install.sh"], cwd=top, env=env, capture_output=True, text=True, timeout=60
        )
        assert result.returncode == 0, result.stderr
    local = home / ".local"
    launcher = local / "bin" / "tawsim"
    assert subprocess.run([launcher, "--version"], capture_output=True, text=True).stdout == (
        "stand-in Tawsim --version\n"
    )
    entry = local / "share" / "applications" / f"{APP_ID}.desktop"
    lines = entry.read_text(encoding="utf-8").splitlines()
    assert f'Exec="{local}/lib/tawsim/tawsim"' in lines
    assert f"TryExec={local}/lib/tawsim/tawsim" in lines
    if shutil.which("desktop-file-validate"):
        assert subprocess.run(["desktop-file-validate", entry]).returncode == 0
    icons = local / "share" / "icons" / "hicolor"
    for size in tarball_module.ICON_SIZES:
        assert (icons / f"{size}x{size}" / "apps" / f"{APP_ID}.png").is_file()
    assert (icons / "scalable" / "apps" / f"{APP_ID}.svg").is_file()
    assert (local / "share" / "metainfo" / f"{APP_ID}.metainfo.xml").is_file()
    assert (local / "lib" / "tawsim" / "_internal" / "data.txt").is_file()

    # the user's own work, which uninstalling keeps
    user_data = local / "share" / "Tawsim" / "demo.tawsim"
    user_data.parent.mkdir(parents=True)
    user_data.write_bytes(b"project")
    uninstall = local / "lib" / "tawsim" / "uninstall.sh"
    result = subprocess.run([uninstall], env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    left = {name for name in installed_files(home) if not name.endswith("mimeinfo.cache")}
    assert left == {".local/share/Tawsim/demo.tawsim"}


def test_install_refuses_to_run_outside_the_unpacked_tarball(tmp_path):
    result = subprocess.run(
        ["sh", str(PACKAGING / "install.sh")],
        env=user_env(tmp_path),
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1
    assert "unpacked tarball" in result.stderr
    assert not (tmp_path / ".local").exists()


def test_window_closes_itself_when_asked_from_the_source_tree(tmp_path):
    """The hook the bundle's smoke test uses, run from the source tree."""
    known_annotator(tmp_path)
    env = user_env(tmp_path, LANG="C.UTF-8", QT_QPA_PLATFORM="offscreen")
    env["TAWSIM_CLOSE_WHEN_SHOWN"] = "1"
    result = subprocess.run(
        [sys.executable, str(ROOT / "main.py")],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    check_window_run(result, tmp_path)


# ------------------------------------------------------------- the built bundle


@pytest.fixture
def bundle() -> Path:
    path = Path(BUNDLE or "").resolve()
    assert (path / "tawsim").is_file(), f"no bundle in {path}: run make package"
    return path


def run_bundle(bundle: Path, home: Path, *args: str, **extra: str):
    return subprocess.run(
        [str(bundle / "tawsim"), *args],
        cwd=home,
        env=user_env(home, **extra),
        capture_output=True,
        text=True,
        timeout=180,
    )


@bundle_only
def test_bundle_prints_its_version(bundle, tmp_path):
    result = run_bundle(bundle, tmp_path, "--version")
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"Tawsim {APP_VERSION}\n"


@bundle_only
def test_bundle_carries_fonts_presets_lexicon_seeds_translations_and_licences(bundle):
    data = bundle / "_internal"
    for folder in ("resources/fonts", "resources/schemas", "resources/lexicon", "seeds"):
        expected = {p.name for p in (ROOT / folder).iterdir() if p.is_file()}
        assert {p.name for p in (data / folder).iterdir()} == expected, folder
    catalogues = {f"tawsim_{language}.qm" for language, _ in TRANSLATIONS.CATALOGUES}
    bundled = {p.name for p in (data / "resources" / "translations").glob("*.qm")}
    assert bundled == catalogues  # compiled by the spec from the .ts
    assert (data / "LICENSE").read_bytes() == (ROOT / "LICENSE").read_bytes()
    assert "PySide6_Essentials" in (data / "THIRD-PARTY.txt").read_text(encoding="utf-8")


@bundle_only
def test_bundle_connects_to_a_team_project(bundle, tmp_path, team_server):
    """The server's revisions (alembic's migration files) travel in the bundle: a
    curator pulls a desktop copy of a team project (a throwaway PostgreSQL)."""
    out = tmp_path / "pulled.tawsim"
    result = run_bundle(bundle, tmp_path, "server", "pull", "--db", team_server.url("lead"),
                        "--out", str(out))  # fmt: skip
    assert result.returncode == 0, result.stderr
    result = run_bundle(bundle, tmp_path, "stats", "--project", str(out), "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["documents"] == 5


@bundle_only
def test_bundle_creates_imports_and_exports_headless(bundle, tmp_path):
    project = tmp_path / "p.tawsim"
    assert run_bundle(bundle, tmp_path, "new", str(project)).returncode == 0
    result = run_bundle(bundle, tmp_path, "import", "--project", str(project), str(ROOT / "seeds"))
    assert result.returncode == 0, result.stderr
    assert "5 document(s) added" in result.stdout

    # an annotator's entities on seed 003, as a doccano file, so the export has content
    seed = json.loads((ROOT / "tests" / "data" / "annotated-seed-003.json").read_text("utf-8"))
    text = (ROOT / "seeds" / "003_b59a1d41979cc60f.txt").read_text(encoding="utf-8")
    entities = [
        {"id": n, "label": e["label"], "start_offset": e["start"], "end_offset": e["end"]}
        for n, e in enumerate(seed["entities"])
    ]
    line = {"text": text, "entities": entities, "relations": []}
    doccano = tmp_path / "salma.jsonl"
    doccano.write_text(json.dumps(line, ensure_ascii=False) + "\n", encoding="utf-8")
    result = run_bundle(
        bundle, tmp_path, "import-annotations", "--project", str(project),
        "--format", "doccano", "--annotator", "Salma", str(doccano),
    )  # fmt: skip
    assert result.returncode == 0, result.stderr

    out = tmp_path / "salma.xlsx"
    result = run_bundle(
        bundle, tmp_path, "export", "--project", str(project),
        "--format", "xlsx", "--set", "Salma", "--out", str(out),
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    from openpyxl import load_workbook

    workbook = load_workbook(out, read_only=True)
    rows = list(workbook["Entities"].iter_rows(values_only=True))
    assert len(rows) - 1 == len(entities)
    assert "ميتا" in {cell for row in rows for cell in row}


def mapped_files(pid: int) -> set[str]:
    try:
        maps = Path(f"/proc/{pid}/maps").read_text()
    except OSError:  # ended meanwhile
        return set()
    fields = (line.split(maxsplit=5) for line in maps.splitlines())
    return {parts[5].strip() for parts in fields if len(parts) == 6}


@bundle_only
def test_bundle_opens_its_window_on_the_demo_project_and_quits(bundle, tmp_path):
    known_annotator(tmp_path)
    env = user_env(tmp_path, LANG="C.UTF-8", QT_QPA_PLATFORM="offscreen")
    env["TAWSIM_CLOSE_WHEN_SHOWN"] = "1"
    process = subprocess.Popen(
        [str(bundle / "tawsim")],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    loaded: set[str] = set()
    while process.poll() is None:  # what the program has loaded, while it runs
        loaded |= mapped_files(process.pid)
        time.sleep(0.05)
    stdout, stderr = process.communicate(timeout=180)
    check_window_run(
        subprocess.CompletedProcess(process.args, process.returncode, stdout, stderr), tmp_path
    )
    # nothing came from the venv or the Python installation it was made from
    outside = {Path(sys.prefix).resolve(), Path(sys.base_prefix).resolve()}
    assert loaded, "the program ended before its memory map could be read"
    assert not [f for f in loaded if any(f.startswith(f"{p}/") for p in outside)]
    assert any(f.startswith(f"{bundle}/") and "libQt6Widgets" in f for f in loaded)


@bundle_only
def test_bundle_starts_in_arabic_on_an_arabic_system(bundle, tmp_path):
    known_annotator(tmp_path)
    env = user_env(tmp_path, LANG="ar_EG.UTF-8", QT_QPA_PLATFORM="offscreen")
    # the characters stay UTF-8 where the Arabic locale is not generated (else Qt warns
    # that the "C" locale is not UTF-8): only the language comes from the system
    env["LC_CTYPE"] = "C.UTF-8"
    env["TAWSIM_CLOSE_WHEN_SHOWN"] = "1"
    result = subprocess.run(
        [str(bundle / "tawsim")], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=180
    )
    assert result.returncode == 0, result.stderr
    about = next(line for line in result.stdout.splitlines() if line.startswith("dialog: "))
    assert f"توسيم {APP_VERSION}" in about and "GPL-3.0-or-later" in about  # About, in Arabic
    assert unexpected_stderr(result.stderr) == []


@bundle_only
def test_tarball_installs_the_bundle_for_the_user(bundle, tmp_path):
    tarball = bundle.parent / load_script("tarball.py").tarball_name(APP_VERSION)
    assert tarball.is_file(), f"{tarball} is missing: run make package"
    top = unpack(tarball, tmp_path / "unpacked")
    home = tmp_path / "home"
    home.mkdir()
    result = subprocess.run(
        ["./install.sh"], cwd=top, env=user_env(home), capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr
    shutil.rmtree(top)  # the installed copy stands alone
    result = run_bundle(home / ".local" / "bin", home, "--version")
    assert result.stdout == f"Tawsim {APP_VERSION}\n", result.stderr
    uninstall = home / ".local" / "lib" / "tawsim" / "uninstall.sh"
    assert subprocess.run([uninstall], env=user_env(home), capture_output=True).returncode == 0
    assert not (home / ".local" / "lib" / "tawsim").exists()
