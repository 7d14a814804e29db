import json

import pytest
from sqlalchemy import func, select

from core.documents.importing import import_documents
from core.project.progress import Cancelled
from core.text.canonical import canonicalize, text_sha256
from models.tables import Document
from tests.conftest import SHARED_PEERS


def stored(project):
    with project.read() as conn:
        return conn.execute(
            select(
                Document.id,
                Document.title,
                Document.source,
                Document.meta,
                Document.text,
                Document.encoding,
            ).order_by(Document.id)
        ).all()


def test_text_files_are_canonicalised_and_frozen(project, tmp_path):
    f = tmp_path / "crlf.txt"
    f.write_bytes("\ufeffعنوان المقال\r\nسطر أول\rسطر ثان".encode())
    report = import_documents(project, [f])
    assert len(report.added) == 1 and not report.failed
    (row,) = stored(project)
    assert row.text == "عنوان المقال\nسطر أول\nسطر ثان"
    assert row.title == "عنوان المقال"
    assert row.source == "crlf.txt"
    assert row.encoding == "utf-8-sig"
    with project.read() as conn:
        doc = conn.execute(select(Document.__table__).where(Document.id == row.id)).mappings().one()
    assert doc["length"] == len(doc["text"])
    assert doc["text_sha256"] == text_sha256(doc["text"])


def test_jsonl_with_ids_titles_and_meta(project, tmp_path):
    f = tmp_path / "batch.jsonl"
    lines = [
        {"id": "a1", "text": "ميتا تطلق Llama 4", "meta": {"url": "https://example.org/1"}},
        {"text": "جوجل تطلق Gemini", "title": "خبر جوجل"},
        {"id": 7, "text": "أوبن إيه آي\r\nتطلق GPT"},
    ]
    f.write_text(
        "\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n\n", encoding="utf-8"
    )
    report = import_documents(project, [f])
    assert len(report.added) == 3
    rows = stored(project)
    assert [r.title for r in rows] == ["ميتا تطلق Llama 4", "خبر جوجل", "أوبن إيه آي"]
    assert json.loads(rows[0].meta) == {"id": "a1", "url": "https://example.org/1"}
    assert json.loads(rows[2].meta) == {"id": 7}
    assert rows[2].text == "أوبن إيه آي\nتطلق GPT"
    assert [r.source for r in rows] == ["batch.jsonl:1", "batch.jsonl:2", "batch.jsonl:3"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"text": "صحيح"}\n{"text": 5}\n', "line 2: field 'text' is missing or not a string"),
        ('{"text": "صحيح"}\n\n{oops\n', "line 3: invalid JSON"),
        ('{"text": "صحيح"}\n["list"]\n', "line 2: expected a JSON object"),
        ('{"text": "صحيح", "meta": 3}\n', "line 1: field 'meta' must be an object"),
        ('{"text": "   "}\n', "line 1: field 'text' is empty"),
    ],
)
def test_a_bad_jsonl_line_refuses_the_whole_file(project, tmp_path, content, message):
    f = tmp_path / "bad.jsonl"
    f.write_text(content, encoding="utf-8")
    good = tmp_path / "good.txt"
    good.write_text("نص سليم", encoding="utf-8")
    report = import_documents(project, [f, good])
    (failed,) = report.failed
    assert failed.error.startswith(f"{f}: {message}")
    assert [r.text for r in stored(project)] == ["نص سليم"]  # the other file still imported


def test_duplicates_are_reported_not_added(project, tmp_path):
    a = tmp_path / "a.txt"
    a.write_text("نفس النص", encoding="utf-8")
    b = tmp_path / "b.txt"
    b.write_bytes("نفس النص".encode("utf-16"))  # same text, other encoding
    first = import_documents(project, [a, b])
    assert len(first.added) == 1
    assert first.duplicates == [("b.txt", first.added[0])]
    again = import_documents(project, [a])
    assert again.added == [] and again.duplicates == [("a.txt", first.added[0])]
    with project.read() as conn:
        assert conn.execute(select(func.count()).select_from(Document)).scalar() == 1


def test_folders_are_walked_and_bad_files_reported_by_name(project, tmp_path):
    folder = tmp_path / "corpus"
    (folder / "sub").mkdir(parents=True)
    (folder / "one.txt").write_text("الأول", encoding="utf-8")
    (folder / "sub" / "two.txt").write_text("الثاني", encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / ".hidden.txt").write_text("مخفي", encoding="utf-8")
    (folder / "image.png").write_bytes(b"\x89PNG")
    report = import_documents(project, [folder])
    assert sorted(r.text for r in stored(project)) == ["الأول", "الثاني"]
    assert [r.error for r in report.failed] == [f"{folder / 'empty.txt'}: is empty"]
    assert sorted(r.source for r in stored(project)) == ["one.txt", "sub/two.txt"]


def test_peer_windows_1256_file_imports_like_its_utf8_twin(project):
    legacy = SHARED_PEERS / "encoding" / "sample-arabic-1.txt"
    utf8 = SHARED_PEERS / "encoding" / "sample-arabic.txt"
    report = import_documents(project, [legacy, utf8])
    assert len(report.added) == 1 and len(report.duplicates) == 1
    (row,) = stored(project)
    assert row.encoding == "cp1256"
    assert row.text == canonicalize(utf8.read_text(encoding="utf-8"))


def test_cancelling_keeps_whole_files_already_read(project, tmp_path):
    files = []
    for i in range(5):
        f = tmp_path / f"{i}.txt"
        f.write_text(f"مقال رقم {i}", encoding="utf-8")
        files.append(f)
    with pytest.raises(Cancelled) as cancelled:
        import_documents(project, files, progress=lambda done, total, label: done < 2)
    assert len(cancelled.value.partial.added) == 2
    assert [r.text for r in stored(project)] == ["مقال رقم 0", "مقال رقم 1"]


def test_import_is_one_undo_step(project, tmp_path):
    files = []
    for i in range(3):
        f = tmp_path / f"{i}.txt"
        f.write_text(f"مقال {i}", encoding="utf-8")
        files.append(f)
    import_documents(project, files)
    assert project.undo_name == "Import documents (3)"
    changes = project.undo()
    assert len(changes.documents_removed) == 3
    assert stored(project) == []
    project.redo()
    assert len(stored(project)) == 3


def test_a_raw_line_or_paragraph_separator_inside_a_json_string_is_legal(project, tmp_path):
    f = tmp_path / "gold.jsonl"
    texts = ["سطر\u2028في الوسط", "فقرة\u2029ثم\u0085أخرى"]
    f.write_text(
        "\n".join(json.dumps({"text": t}, ensure_ascii=False) for t in texts) + "\n",
        encoding="utf-8",
    )
    assert "\u2028" in f.read_text(encoding="utf-8")  # written raw, as Tawsim's export does
    report = import_documents(project, [f])
    assert not report.failed
    assert [r.text for r in stored(project)] == texts


def test_an_annotation_file_is_not_taken_for_a_document(project, tmp_path):
    tsv = tmp_path / "webanno.tsv"
    tsv.write_text("#FORMAT=WebAnno TSV 3.3\n\n#Text=ميتا\n1-1\t0-4\tميتا\tORG\n", encoding="utf-8")
    report = import_documents(project, [tsv])
    assert report.added == [] and "import-annotations" in report.failed[0].error


def test_two_processes_importing_overlapping_files_both_succeed(project, tmp_path):
    import subprocess
    import sys

    from tests.conftest import ROOT, subprocess_env

    def jsonl(name, numbers):
        path = tmp_path / name
        lines = (json.dumps({"text": f"مقال رقم {n} عن ميتا"}, ensure_ascii=False) for n in numbers)
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        return path

    first = jsonl("a.jsonl", range(2500))  # A's 2,500
    second = jsonl("b.jsonl", [*range(1500, 2500), *range(5000, 6000)])  # 1,000 of A's, 1,000 new
    project.close()
    runs = [
        subprocess.Popen(
            [sys.executable, "main.py", "import", "--project", str(project.path), str(path)],
            cwd=ROOT,
            env=subprocess_env(),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for path in (first, second)
    ]
    outputs = [run.communicate(timeout=240) for run in runs]
    assert [run.returncode for run in runs] == [0, 0], outputs
    reopened = type(project).open(project.path)
    rows = stored(reopened)
    reopened.close()
    assert len(rows) == 3500 and len({r.text for r in rows}) == 3500
    assert "1000 document(s) added" in outputs[1][0] or "2000 document(s) added" in outputs[1][0]


def test_text_notes_of_a_corpus_are_summed_up_in_one_line_per_kind(project, tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    for i in range(30):
        (folder / f"{i:02}.txt").write_text(f"مقال {i} فيه \ue000\ue001 حرفان", encoding="utf-8")
    (folder / "single.txt").write_text("مقال واحد فيه \ufffd", encoding="utf-8")
    report = import_documents(project, [folder])
    assert len(report.added) == 31
    assert report.note_summary() == [
        "60 private-use characters in 30 documents (first: 00.txt); often letters lost in "
        "PDF extraction; they are kept as they are",
        "single.txt: 1 replacement characters (U+FFFD) (from an earlier bad decoding)",
    ]
    assert len(report.files[0].warnings) == 1  # each document's own note, for the details


def test_a_jsonl_file_has_no_size_limit_but_each_line_has_one(project, tmp_path, monkeypatch):
    from core.io.formats import common

    monkeypatch.setattr(common, "MAX_DOCUMENT_BYTES", 300)
    many = tmp_path / "many.jsonl"
    many.write_text(
        "".join(json.dumps({"text": f"مقال قصير رقم {i}"}) + "\n" for i in range(40)),
        encoding="utf-8",
    )
    assert many.stat().st_size > 10 * 300
    big = tmp_path / "big.jsonl"
    big.write_text(
        json.dumps({"text": "سطر"}) + "\n" + json.dumps({"text": "كلمة " * 100}) + "\n",
        encoding="utf-8",
    )
    report = import_documents(project, [many, big])
    assert len(report.files[0].added) == 40
    (failed,) = report.failed
    assert failed.error == (
        f"{big}: line 2: is over 300 bytes on one line; a document (one line) may be at most "
        "300 bytes"
    )
    assert len(stored(project)) == 40


def test_a_bad_line_after_batches_were_written_rolls_the_whole_file_back(
    project, tmp_path, monkeypatch
):
    from core.documents import importing

    monkeypatch.setattr(importing, "_BATCH_DOCUMENTS", 2)
    before = tmp_path / "before.txt"
    before.write_text("نص قبل الملف", encoding="utf-8")
    jsonl = tmp_path / "batches.jsonl"
    lines = [json.dumps({"text": f"مقال رقم {i}"}) for i in range(6)] + ['{"text": 7}']
    jsonl.write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = import_documents(project, [before, jsonl])
    (failed,) = report.failed
    assert failed.error == f"{jsonl}: line 7: field 'text' is missing or not a string"
    assert failed.added == [] and failed.duplicates == []
    assert [r.text for r in stored(project)] == ["نص قبل الملف"]
    assert project.undo_name == "Import documents (1)"


def test_cancelling_inside_a_jsonl_file_keeps_only_the_files_before_it(
    project, tmp_path, monkeypatch
):
    from core.documents import importing

    monkeypatch.setattr(importing, "_BATCH_DOCUMENTS", 2)
    first = tmp_path / "a.txt"
    first.write_text("الملف الأول", encoding="utf-8")
    jsonl = tmp_path / "b.jsonl"
    jsonl.write_text(
        "\n".join(json.dumps({"text": f"مقال رقم {i}"}) for i in range(6)), encoding="utf-8"
    )
    with pytest.raises(Cancelled) as cancelled:
        import_documents(
            project, [first, jsonl], progress=lambda done, total, label: "documents" not in label
        )
    assert [f.path for f in cancelled.value.partial.files] == [str(first)]
    assert [r.text for r in stored(project)] == ["الملف الأول"]


def test_the_command_line_import_keeps_no_undo_step(project, tmp_path):
    jsonl = tmp_path / "docs.jsonl"
    jsonl.write_text(json.dumps({"text": "نص"}) + "\n", encoding="utf-8")
    report = import_documents(project, [jsonl], undo_name=None)
    assert len(report.added) == 1 and project.undo_name is None
    assert report.changes.documents_added == set(report.added) and not report.changes.rows
