"""The relevance set (benchmarks/relevance/) is well-formed: fast, no database."""

import csv
import importlib.util
from pathlib import Path

import pytest

SET = Path(__file__).resolve().parents[2] / "benchmarks" / "relevance"
_spec = importlib.util.spec_from_file_location("relevance_run", SET / "run.py")
run = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(run)


@pytest.fixture(scope="module")
def manifest():
    return run.read_manifest(SET / "manifest.csv")


@pytest.fixture(scope="module")
def queries(manifest):
    return run.read_queries(SET / "queries.csv", manifest)


def test_every_file_exists_and_every_judged_key_is_in_the_manifest(manifest, queries):
    assert all((SET / row["file"]).is_file() for row in manifest.values())
    for query in queries:
        assert all(key.startswith("page:") or key in manifest for key in query["judged"]), query["id"]


def test_size_languages_and_splits(queries):
    assert len(queries) >= 60
    assert {q["language"] for q in queries} == {"en", "ru"}
    for split in run.SPLITS:
        assert {q["class"] for q in queries if q["split"] == split} == set(run.CLASSES), split
        assert {q["language"] for q in queries if q["split"] == split} == {"en", "ru"}, split


def test_grades_are_0_to_2(queries):
    assert all(grade in (0, 1, 2) for q in queries for grade in q["judged"].values())


def test_every_source_has_a_url(manifest):
    with open(SET / "sources.csv", newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert {row["key"] for row in rows} == set(manifest)
    assert all(row["url"].startswith(("http://", "https://")) for row in rows)
    synthetic = sum(1 for row in rows if row["synthetic"] == "yes")
    assert synthetic < 0.2 * len(rows)


def test_a_bad_row_is_refused_with_file_and_line(tmp_path, manifest):
    bad = tmp_path / "queries.csv"
    bad.write_text("id,query,language,class,split,judgements\nq1,visa,en,short,tune,nosuchkey:2\n", encoding="utf-8")
    with pytest.raises(run.SetError, match=r"queries.csv:2: .*nosuchkey"):
        run.read_queries(bad, manifest)
    bad.write_text("id,query,language,class,split,judgements\nq1,visa,en,short,tune,x:3\n", encoding="utf-8")
    with pytest.raises(run.SetError, match=r"queries.csv:2: .*grade"):
        run.read_queries(bad, manifest)


def test_the_lengthened_set_keeps_each_digest_as_its_opening_and_every_judgement(tmp_path, manifest):
    import subprocess
    import sys

    for folder in ("first", "second"):
        subprocess.run(
            [sys.executable, str(SET / "lengthen.py"), str(tmp_path / folder)], check=True, capture_output=True
        )
    long = run.read_manifest(tmp_path / "first" / "manifest.csv")
    assert set(long) == set(manifest)  # every judged key is still there
    filler_words = ("trafficking", "readmission", "remittances", "armenia", "iom", "торговл", "реадмисс")
    for key, row in manifest.items():
        digest = (SET / row["file"]).read_text(encoding="utf-8").strip()
        text = (tmp_path / "first" / long[key]["file"]).read_text(encoding="utf-8")
        assert text.startswith(digest), key
        assert text == (tmp_path / "second" / long[key]["file"]).read_text(encoding="utf-8"), key  # the same each time
        if row["language"] in ("en", "ru"):
            assert len(text) >= 6_000, key
            filler = text[len(digest) :].casefold()
            assert not any(word in filler for word in filler_words), key  # the filler names no subject
        else:
            assert text.strip() == digest, key  # national languages are kept as they are
