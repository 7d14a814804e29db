"""Import throughput and folded corpus search (issue: foundation)."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from bench.common import median_time, report, synthetic_articles, timed, write_corpus_folder
from core.documents.importing import import_documents
from core.documents.search import CorpusIndex
from core.project.project import Project

ARTICLES = 10_000


def main() -> None:
    articles = synthetic_articles(ARTICLES)
    chars = sum(len(a) for a in articles)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        folder = tmp / "corpus"
        write_corpus_folder(folder, articles)
        jsonl = tmp / "corpus.jsonl"
        jsonl.write_text(
            "\n".join(json.dumps({"text": a}, ensure_ascii=False) for a in articles),
            encoding="utf-8",
        )

        project = Project.create(tmp / "folder.tawsim")
        seconds, result = timed(lambda: import_documents(project, [folder]))
        assert len(result.added) == ARTICLES, result.summary()
        report(
            "import_10k_txt_files",
            seconds,
            "s",
            5.0,
            articles=ARTICLES,
            megachars=round(chars / 1e6, 1),
        )
        report("import_throughput_txt", ARTICLES / seconds, "articles/s")

        other = Project.create(tmp / "jsonl.tawsim")
        seconds, result = timed(lambda: import_documents(other, [jsonl]))
        assert len(result.added) == ARTICLES
        report("import_10k_jsonl", seconds, "s", 5.0)
        other.close()

        index = CorpusIndex(project)
        seconds, _ = timed(index.build)
        report("search_index_build_10k", seconds, "s")
        for query in ("زوكربيرج", "الذكاء الاصطناعي", "Scale AI", "استراتيجيه", "كلمة غير موجودة"):
            result = index.search(query)
            seconds = median_time(lambda q=query: index.search(q))
            report(
                "folded_search_10k",
                seconds * 1000,
                "ms",
                200,
                query=query,
                hits=len(result.hits),
                documents=result.documents,
            )
        everything = index.search("ميتا", limit=10**9)
        seconds = median_time(lambda: index.search("ميتا", limit=10**9))
        report(
            "folded_search_10k_all_hits",
            seconds * 1000,
            "ms",
            200,
            query="ميتا",
            hits=len(everything.hits),
            documents=everything.documents,
        )
        project.close()


if __name__ == "__main__":
    main()
