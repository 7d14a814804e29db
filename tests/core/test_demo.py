import json

from sqlalchemy import select

from core.documents.demo import (
    create_demo_project,
    demo_project_path,
    seed_manifest,
    startup_project_path,
)
from core.project.appstate import AppState, load_state, save_state
from core.text.canonical import canonicalize
from models.tables import Document
from tests.conftest import ROOT


def test_manifest_lists_the_five_seed_files_with_first_lines_as_titles():
    entries = seed_manifest()
    assert len(entries) == 5
    assert sorted(e["file"] for e in entries) == sorted(
        p.name for p in (ROOT / "seeds").glob("*.txt")
    )
    for entry in entries:
        text = (ROOT / "seeds" / entry["file"]).read_text(encoding="utf-8")
        first = next(line for line in text.splitlines() if line.strip())
        assert entry["title"] == " ".join(first.split())
        assert entry["language"] == "ar"


def test_demo_project_holds_exactly_the_seeds_character_for_character(tmp_path):
    project = create_demo_project(tmp_path / "demo.tawsim")
    with project.read() as conn:
        rows = conn.execute(
            select(Document.title, Document.source, Document.text).order_by(Document.id)
        ).all()
    project.close()
    entries = seed_manifest()
    assert [r.source for r in rows] == [e["file"] for e in entries]
    assert [r.title for r in rows] == [e["title"] for e in entries]
    for row, entry in zip(rows, entries, strict=True):
        raw = (ROOT / "seeds" / entry["file"]).read_bytes()
        assert row.text == canonicalize(raw.decode("utf-8"))


def test_first_start_creates_the_demo_and_later_starts_reopen_the_last_project(tmp_path):
    assert not demo_project_path().exists()
    assert startup_project_path() == demo_project_path()
    assert demo_project_path().exists()
    other = tmp_path / "mine.tawsim"
    create_demo_project(other).close()
    state = load_state()
    state.remember_project(other)
    save_state(state)
    assert startup_project_path() == other.resolve()
    other.unlink()  # a vanished last project falls back to the demo
    assert startup_project_path() == demo_project_path()


def test_app_state_survives_garbage(tawsim_home):
    path = tawsim_home / "config" / "state.json"
    path.parent.mkdir(parents=True)
    path.write_text("{not json")
    assert load_state() == AppState()
    save_state(AppState(["/x.tawsim"], "سلمى"))
    assert json.loads(path.read_text())["annotator"] == "سلمى"
