"""`python main.py ...` as a user runs it."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.conftest import ROOT, SHARED_PEERS, subprocess_env

pytestmark = pytest.mark.slow


def run(*args, **env):
    environment = subprocess_env(**env)
    return subprocess.run(
        [sys.executable, "main.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_help_lists_the_commands():
    result = run("--help")
    assert result.returncode == 0
    assert result.stdout.startswith("usage: tawsim ")  # the installed command's name
    for name in ("new", "import", "stats"):
        assert name in result.stdout


def test_new_import_stats_round(tmp_path):
    project = tmp_path / "p.tawsim"
    assert run("new", str(project)).returncode == 0
    result = run(
        "import", "--project", str(project), str(ROOT / "seeds"), str(SHARED_PEERS / "encoding")
    )
    assert result.returncode == 0, result.stderr
    assert "7 document(s) added, 1 duplicate(s) skipped" in result.stdout
    assert "private-use characters" in result.stdout
    stats = run("stats", "--project", str(project), "--json")
    data = json.loads(stats.stdout)
    assert data["documents"] == 7
    assert data["layers"]["entities"] == 0
    text_stats = run("stats", "--project", str(project))
    assert "Documents   7" in text_stats.stdout


def test_failures_exit_non_zero_with_one_line(tmp_path):
    result = run("stats", "--project", str(tmp_path / "missing.tawsim"))
    assert result.returncode == 1
    assert result.stderr.strip().count("\n") == 0
    assert result.stderr.startswith("tawsim: ") and "no such file" in result.stderr


def test_uncertain_encoding_names_the_file_and_asks_for_encoding(tmp_path):
    project = tmp_path / "p.tawsim"
    run("new", str(project))
    odd = tmp_path / "russian.txt"
    odd.write_bytes("Привет, как дела? Это текст на русском языке.".encode("koi8_r"))
    result = run("import", "--project", str(project), str(odd))
    assert result.returncode == 1
    assert f"refused: {odd}" in result.stderr and "--encoding" in result.stderr
    forced = run("import", "--project", str(project), "--encoding", "koi8-r", str(odd))
    assert forced.returncode == 0, forced.stderr


def test_no_display_gives_a_message_not_a_qt_abort():
    env = subprocess_env()
    for key in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        env.pop(key, None)
    result = subprocess.run(
        [sys.executable, "main.py"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 2
    assert "needs a graphical display" in result.stderr
    assert "python main.py import" in result.stderr
    assert "Aborted" not in result.stderr and "qt.qpa" not in result.stderr


def test_schema_export_then_import_plan_and_apply(tmp_path):
    project = tmp_path / "p.tawsim"
    run("new", str(project))
    out = tmp_path / "schema.json"
    assert run("schema", "--project", str(project), "--export", str(out)).returncode == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    law = {"key": "LAW", "name_en": "Law", "name_ar": "قانون", "color": "#123456"}
    data["entities"].append(law)
    out.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    plan = run("schema", "--project", str(project), "--import", str(out))
    assert plan.returncode == 0 and "1 to add" in plan.stdout and "dry run" in plan.stdout
    applied = run("schema", "--project", str(project), "--import", str(out), "--apply")
    assert applied.returncode == 0, applied.stderr
    again = tmp_path / "again.json"
    run("schema", "--project", str(project), "--export", str(again))
    keys = [e["key"] for e in json.loads(again.read_text(encoding="utf-8"))["entities"]]
    assert keys[-1] == "LAW"
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "tawsim-schema", "entities": [{"key": "X", "color": "red"}]}')
    refused = run("schema", "--project", str(project), "--import", str(bad))
    assert refused.returncode == 1 and "entities[0].color" in refused.stderr
    assert refused.stderr.startswith("tawsim: ") and refused.stderr.count("\n") == 1


def test_schema_export_to_dash_prints_the_schema_and_writes_no_file(tmp_path):
    project = tmp_path / "p.tawsim"
    run("new", str(project))
    result = subprocess.run(
        [
            sys.executable,
            str(ROOT / "main.py"),
            "schema",
            "--project",
            str(project),
            "--export",
            "-",
        ],
        cwd=tmp_path,
        env=subprocess_env(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["format"] == "tawsim-schema"
    assert not (tmp_path / "-").exists()


def test_the_project_may_come_before_the_command(tmp_path):
    project = tmp_path / "p.tawsim"
    run("new", str(project))
    before = run("--project", str(project), "stats", "--json")
    assert before.returncode == 0 and json.loads(before.stdout)["documents"] == 0
    missing = run("stats")
    assert missing.returncode == 2 and "stats needs --project" in missing.stderr


def test_a_reader_that_stops_early_gets_no_traceback(tmp_path):
    project = tmp_path / "p.tawsim"
    run("new", str(project))
    child = subprocess.Popen(
        [sys.executable, "main.py", "stats", "--project", str(project), "--json"],
        cwd=ROOT,
        env=subprocess_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    child.stdout.close()  # the reader is gone before anything is written, as `| head` does
    errors = child.stderr.read()
    child.wait(timeout=120)
    assert child.returncode == 141
    assert "Traceback" not in errors and "BrokenPipe" not in errors, errors
