"""Score the search the reader gets against the judged relevance set (benchmarks/relevance/).

Sets up a throwaway database (an SQLite file in a temporary folder; with DATABASE_URL, a new
database created on that PostgreSQL server and dropped afterwards), migrates, loads the Prague
Process seed (``--no-seed`` skips it), imports ``manifest.csv`` with ``manage.py import_documents``
(every row published), rebuilds the search index of the backend that SEARCH_URL names (with its
own index prefix, SEARCH_INDEX_PREFIX, ``pprel_`` by default), then sends every query of
``queries.csv`` through Django's test Client as ``GET /api/search/?q=...&locale=all`` -- the
reader's path -- and maps the results back to manifest keys (seed pages: ``page:<slug>``).

Printed per split (tune / check / all) and per query language: nDCG@10 (graded 0-2, linear gain,
log2 discount, ideal ranking from the judgements), MRR (first result graded >= 1) and the share of
queries that return nothing; then the same per query class.

    .venv/bin/python benchmarks/relevance/run.py                       # SQLite, database backend
    DATABASE_URL=postgres://127.0.0.1:PORT/postgres .venv/bin/python benchmarks/relevance/run.py
    SEARCH_URL=opensearch3://127.0.0.1:PORT .venv/bin/python benchmarks/relevance/run.py --baseline bm25
    .venv/bin/python benchmarks/relevance/run.py --split tune --show-failures --json /tmp/rel.json
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import os
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlparse

HERE = Path(__file__).resolve().parent
REPO_ROOT = HERE.parent.parent
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

CLASSES = (
    "short",
    "long_question",
    "misspelling",
    "cross_language",
    "state_name",
    "acronym",
    "spelling_variant",
)
LANGUAGES = ("en", "ru")
SPLITS = ("tune", "check")
QUERY_COLUMNS = ("id", "query", "language", "class", "split", "judgements")
K = 10
KEY_RE = re.compile(r"^(page:)?[a-z0-9][a-z0-9-]*$")


class SetError(Exception):
    """A malformed row of the set: the message names the file and the line."""


# --- reading and checking the set (no Django needed; the tests use these too) ----------------------


def read_manifest(path: Path) -> dict[str, dict]:
    """``{key: row}``; every row must have a key, an existing file, a title and a language."""
    rows = {}
    with open(path, newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        missing = {"key", "file", "title", "language"} - set(reader.fieldnames or ())
        if missing:
            raise SetError(f"{path}:1: missing column(s): {', '.join(sorted(missing))}")
        for row in reader:
            where = f"{path}:{reader.line_num}"
            key = (row.get("key") or "").strip()
            if not KEY_RE.match(key) or key.startswith("page:"):
                raise SetError(f"{where}: bad key {key!r}")
            if key in rows:
                raise SetError(f"{where}: duplicate key {key!r}")
            if not (row.get("title") or "").strip():
                raise SetError(f"{where}: key {key!r} has no title")
            if not (row.get("language") or "").strip():
                raise SetError(f"{where}: key {key!r} has no language")
            file = path.parent / (row.get("file") or "").strip()
            if not row.get("file") or not file.is_file():
                raise SetError(f"{where}: key {key!r}: file {row.get('file')!r} does not exist")
            rows[key] = row
    if not rows:
        raise SetError(f"{path}: no rows")
    return rows


def parse_judgements(text: str, where: str) -> dict[str, int]:
    judged = {}
    for item in (part.strip() for part in (text or "").split(";")):
        if not item:
            continue
        key, sep, grade = item.rpartition(":")
        if not sep or not KEY_RE.match(key):
            raise SetError(f"{where}: judgement {item!r} is not key:grade")
        if grade not in ("0", "1", "2"):
            raise SetError(f"{where}: judgement {item!r}: the grade must be 0, 1 or 2")
        if key in judged:
            raise SetError(f"{where}: {key!r} is judged twice")
        judged[key] = int(grade)
    if not any(judged.values()):
        raise SetError(f"{where}: no result is judged relevant (grade 1 or 2)")
    return judged


def read_queries(path: Path, manifest: dict[str, dict] | None = None) -> list[dict]:
    queries, ids = [], set()
    with open(path, newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        missing = set(QUERY_COLUMNS) - set(reader.fieldnames or ())
        if missing:
            raise SetError(f"{path}:1: missing column(s): {', '.join(sorted(missing))}")
        for row in reader:
            where = f"{path}:{reader.line_num}"
            qid, text = (row["id"] or "").strip(), (row["query"] or "").strip()
            if not qid or qid in ids:
                raise SetError(f"{where}: missing or duplicate id {qid!r}")
            if not text:
                raise SetError(f"{where}: {qid}: empty query")
            if row["language"] not in LANGUAGES:
                raise SetError(f"{where}: {qid}: language {row['language']!r} (use one of: {', '.join(LANGUAGES)})")
            if row["class"] not in CLASSES:
                raise SetError(f"{where}: {qid}: class {row['class']!r} (use one of: {', '.join(CLASSES)})")
            if row["split"] not in SPLITS:
                raise SetError(f"{where}: {qid}: split {row['split']!r} (use one of: {', '.join(SPLITS)})")
            judged = parse_judgements(row["judgements"], f"{where}: {qid}")
            if manifest is not None:
                unknown = [key for key in judged if not key.startswith("page:") and key not in manifest]
                if unknown:
                    raise SetError(f"{where}: {qid}: judged key(s) not in the manifest: {', '.join(unknown)}")
            ids.add(qid)
            queries.append(
                {
                    "id": qid,
                    "query": text,
                    "language": row["language"],
                    "class": row["class"],
                    "split": row["split"],
                    "judged": judged,
                }
            )
    return queries


# --- metrics ----------------------------------------------------------------------------------------


def ndcg(ranked: list[str], judged: dict[str, int], k: int = K) -> float:
    """Graded nDCG@k: gain = grade, discount 1/log2(rank + 1); ideal = the judgements sorted."""
    dcg = sum(judged.get(key, 0) / math.log2(rank + 2) for rank, key in enumerate(ranked[:k]))
    ideal = sorted((g for g in judged.values() if g > 0), reverse=True)[:k]
    idcg = sum(g / math.log2(rank + 2) for rank, g in enumerate(ideal))
    return dcg / idcg if idcg else 0.0


def reciprocal_rank(ranked: list[str], judged: dict[str, int], k: int = K) -> float:
    for rank, key in enumerate(ranked[:k], 1):
        if judged.get(key, 0) >= 1:
            return 1.0 / rank
    return 0.0


def aggregate(scored: list[dict]) -> dict:
    if not scored:
        return {"n": 0, "ndcg@10": None, "mrr": None, "zero_rate": None, "zero": 0}
    n = len(scored)
    zero = sum(1 for s in scored if s["count"] == 0)
    return {
        "n": n,
        "ndcg@10": sum(s["ndcg"] for s in scored) / n,
        "mrr": sum(s["rr"] for s in scored) / n,
        "zero_rate": zero / n,
        "zero": zero,
    }


# --- the throwaway database --------------------------------------------------------------------------


def prepare_environment(args, workdir: Path):
    """Point Django at a fresh database and media folder; returns a cleanup callable."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "benchmarks.search_settings")
    os.environ.setdefault("SEARCH_INDEX_PREFIX", "pprel_")
    os.environ["TEST_MEDIA_ROOT"] = str(workdir / "media")
    os.environ["MEDIA_ROOT"] = str(workdir / "media")
    given = os.environ.get("DATABASE_URL", "")
    if not given.startswith(("postgres://", "postgresql://")):
        os.environ["DATABASE_URL"] = f"sqlite:///{workdir / 'relevance.sqlite3'}"
        return "sqlite", lambda: None
    import psycopg2  # the driver this project installs (psycopg2-binary)

    def admin_execute(sql):
        conn = psycopg2.connect(admin)
        conn.autocommit = True  # CREATE/DROP DATABASE cannot run in a transaction
        try:
            with conn.cursor() as cursor:
                cursor.execute(sql)
        finally:
            conn.close()

    url = urlparse(given)
    name = f"pprel_{os.getpid()}_{int(time.time())}"
    admin = url._replace(path="/postgres").geturl()
    admin_execute(f'CREATE DATABASE "{name}"')
    os.environ["DATABASE_URL"] = url._replace(path=f"/{name}").geturl()

    def drop():
        from django.db import connections

        connections.close_all()
        admin_execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    return f"postgresql ({name} on {url.hostname}:{url.port})", drop


def step(message):
    print(f"==> {message}", flush=True)


def build_site(args, manifest_path: Path):
    from django.core.management import call_command

    started = time.monotonic()
    step("migrating the throwaway database")
    call_command("migrate", verbosity=0)
    if args.seed:
        step("loading the Prague Process seed (English and Russian)")
        call_command("load_prague_process", verbosity=0)
    step(f"importing {manifest_path.name} with import_documents (published)")
    try:
        call_command("import_documents", str(manifest_path), "--publish", verbosity=1)
    except SystemExit as exc:  # exit status 1: some rows failed (already reported above)
        if exc.code:
            raise SetError(f"{manifest_path}: import_documents failed on some rows (see above)") from None
    step("rebuilding the search index")
    call_command("update_index", verbosity=0)
    print(f"    site ready in {time.monotonic() - started:.0f} s", flush=True)


def key_map() -> dict[str, str]:
    """URL path -> manifest key, for every locale version of every imported page."""
    from wagtail.models import Page

    from publications.models import ImportRecord

    mapping = {}
    for record in ImportRecord.objects.select_related("page"):
        if record.page is None:
            continue
        for page in Page.objects.filter(translation_key=record.page.translation_key):
            if page.url:
                mapping[urlparse(page.url).path] = record.key
    return mapping


def result_key(url: str, mapping: dict[str, str]) -> str:
    path = urlparse(url).path
    if path in mapping:
        return mapping[path]
    slug = [part for part in path.split("/") if part]
    return f"page:{slug[-1]}" if slug else "page:/"


def run_queries(queries, mapping, baseline=None):
    from django.test import Client

    client = Client()
    scored, backend = [], None
    for number, query in enumerate(queries, 1):
        started = time.perf_counter()
        response = client.get("/api/search/", {"q": query["query"], "locale": "all", "page_size": K})
        elapsed = time.perf_counter() - started
        if response.status_code != 200:
            detail = response.content[:300]
            raise SystemExit(f"{query['id']} {query['query']!r}: HTTP {response.status_code}: {detail!r}")
        data = response.json()
        backend = data.get("backend") or backend
        ranked = []
        for item in data["results"]:
            key = result_key(item["url"], mapping)
            if key not in ranked:  # the English and the Russian version of one page count once
                ranked.append(key)
        entry = dict(
            query,
            count=data.get("count", len(data["results"])),
            ranked=ranked[:K],
            ndcg=ndcg(ranked, query["judged"]),
            rr=reciprocal_rank(ranked, query["judged"]),
            seconds=elapsed,
            suggestion=data.get("suggestion"),
        )
        if baseline:
            entry["baseline"] = baseline(query, mapping)
        scored.append(entry)
        print(
            f"\r    [{number:3d}/{len(queries)}] {query['id']} nDCG {entry['ndcg']:.2f}  {query['query'][:40]:<40}",
            end="",
            flush=True,
        )
    print(flush=True)
    return scored, backend


# --- plain BM25 baseline on an engine ----------------------------------------------------------------


def bm25_baseline():
    """A bare BM25 ``multi_match`` (best_fields, no boosts, no fuzziness, no phrase clauses) over the
    text columns our engine query ranks on (title, summary, body, file text, ... with the index's own
    English/Russian analysis), under the same reader scope (live pages, both locales, no private
    ones), sent with the engine client straight to the same index."""
    from wagtail.models import Page

    from search.backends import get_strategy
    from search.scope import build_scope

    strategy = get_strategy()
    if strategy.name != "engine":
        raise SystemExit("--baseline bm25 needs SEARCH_URL to name an engine")
    weighted = [column.split("^")[0] for column in strategy.columns["_weighted"]]
    fields = sorted(weighted + strategy.columns["_all_text_only"])
    print(f"    bm25 baseline: multi_match best_fields over {len(fields)} columns: {', '.join(fields)}", flush=True)

    def search(query, mapping):
        scope = build_scope("all")
        body = {
            "query": {
                "bool": {
                    "must": {"multi_match": {"query": query["query"], "type": "best_fields", "fields": fields}},
                    "filter": [strategy.scope_filter(scope)],
                }
            },
            "size": 3 * K,
            "track_total_hits": True,
            "_source": False,
            "stored_fields": ["pk"],
        }
        response = strategy.client.search(index=strategy.index_name, body=body)
        ids = [int(hit["fields"]["pk"][0]) for hit in response["hits"]["hits"]]
        pages = {page.pk: page for page in Page.objects.filter(pk__in=ids)}
        ranked = []
        for pk in ids:
            page = pages.get(pk)
            key = result_key(page.url, mapping) if page is not None and page.url else None
            if key and key not in ranked:
                ranked.append(key)
        ranked = ranked[:K]
        return {
            "count": response["hits"]["total"]["value"],
            "ranked": ranked,
            "ndcg": ndcg(ranked, query["judged"]),
            "rr": reciprocal_rank(ranked, query["judged"]),
        }

    return search


# --- report ------------------------------------------------------------------------------------------


def fmt(value, pct=False):
    if value is None:
        return "   -  "
    return f"{value * 100:5.1f}%" if pct else f"{value:6.3f}"


def by_language(scored):
    return [("all queries", scored)] + [
        (f"language {lang}", [s for s in scored if s["language"] == lang]) for lang in LANGUAGES
    ]


def table(title, groups):
    print(f"\n{title}")
    print(f"  {'':<26}{'n':>4}  {'nDCG@10':>7}  {'MRR':>6}  {'zero':>6}")
    for label, scored in groups:
        agg = aggregate(scored)
        print(f"  {label:<26}{agg['n']:>4}  {fmt(agg['ndcg@10']):>7}  {fmt(agg['mrr'])}  {fmt(agg['zero_rate'], True)}")


def summarise(scored, key="ndcg"):
    out = {}
    for split in ("tune", "check", "all"):
        in_split = [s for s in scored if split == "all" or s["split"] == split]
        out[split] = {"all": aggregate(in_split)}
        for lang in LANGUAGES:
            out[split][lang] = aggregate([s for s in in_split if s["language"] == lang])
        out[split]["classes"] = {c: aggregate([s for s in in_split if s["class"] == c]) for c in CLASSES}
    return out


def print_suggestions(scored):
    """How often "Did you mean" is shown: it should be for a misspelled query, and seldom for the
    others (a Cyrillic loanword searched in Latin letters says so through it; any other is a
    correctly spelled word "corrected")."""
    misspelled = [s for s in scored if s["class"] == "misspelling"]
    others = [s for s in scored if s["class"] != "misspelling"]
    shown = [s for s in others if s.get("suggestion")]
    print(
        f'\n"Did you mean": shown for {sum(1 for s in misspelled if s.get("suggestion"))} of '
        f"{len(misspelled)} misspelled queries, for {len(shown)} of {len(others)} others"
    )
    for s in misspelled + shown:
        print(f"  {s['id']} [{s['class']}] {s['query']!r} -> {s.get('suggestion') or '(none)'!r}")


def main(argv=None):
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0],
        epilog=__doc__.split("\n\n", 1)[1],
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--manifest", type=Path, default=HERE / "manifest.csv")
    parser.add_argument("--queries", type=Path, default=HERE / "queries.csv")
    parser.add_argument("--split", choices=("tune", "check", "all"), default="all", help="which queries to run")
    parser.add_argument("--no-seed", dest="seed", action="store_false", help="do not load the Prague Process seed")
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write every figure and query to FILE")
    parser.add_argument("--show-failures", action="store_true", help="list queries with nDCG@10 < 0.5")
    parser.add_argument("--baseline", choices=("bm25",), help="also score a bare BM25 multi_match (engines only)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder (and the PostgreSQL database)")
    args = parser.parse_args(argv)

    try:
        manifest = read_manifest(args.manifest)
        queries = read_queries(args.queries, manifest)
    except SetError as exc:
        raise SystemExit(f"error: {exc}") from None
    if args.split != "all":
        queries = [q for q in queries if q["split"] == args.split]
    print(f"set: {len(manifest)} documents, {len(queries)} queries ({args.split})", flush=True)

    workdir = Path(tempfile.mkdtemp(prefix="pprel-"))
    database, cleanup = prepare_environment(args, workdir)
    try:
        import django

        django.setup()
        import logging

        logging.disable(logging.WARNING)
        from django.conf import settings

        search_url = os.environ.get("SEARCH_URL") or "(unset: database backend)"
        print(f"database: {database}; SEARCH_URL: {search_url}; index prefix: {os.environ['SEARCH_INDEX_PREFIX']}")
        assert settings.DATABASES["default"]["NAME"], "no database"
        try:
            build_site(args, args.manifest)
        except SetError as exc:
            raise SystemExit(f"error: {exc}") from None
        mapping = key_map()
        missing = sorted(set(manifest) - set(mapping.values()))
        if missing:
            print(f"warning: {len(missing)} manifest key(s) have no page: {', '.join(missing[:10])}")
        baseline = bm25_baseline() if args.baseline else None
        step(f"running {len(queries)} queries through GET /api/search/?locale=all")
        scored, backend = run_queries(queries, mapping, baseline)
    finally:
        if not args.keep:
            cleanup()
            shutil.rmtree(workdir, ignore_errors=True)
        else:
            print(f"kept: {workdir}")

    label = f"backend {backend} ({search_url}, {database})"
    splits = [s for s in ("tune", "check") if any(q["split"] == s for q in scored)]
    for split in splits + ["all"]:
        in_split = [s for s in scored if split == "all" or s["split"] == split]
        table(
            f"{label}: split {split}",
            by_language(in_split),
        )
    table(f"{label}: per class (all splits)", [(c, [s for s in scored if s["class"] == c]) for c in CLASSES])
    if baseline:
        plain = [dict(s, **s["baseline"]) for s in scored]
        table("bare BM25 multi_match (same index), all splits", by_language(plain))
        table("bare BM25 multi_match: per class", [(c, [s for s in plain if s["class"] == c]) for c in CLASSES])

    print_suggestions(scored)

    if args.show_failures:
        failures = [s for s in scored if s["ndcg"] < 0.5]
        print(f"\nqueries with nDCG@10 < 0.5: {len(failures)}")
        for s in failures:
            wanted = [k for k, g in s["judged"].items() if g == 2 and k not in s["ranked"]]
            print(
                f"  {s['id']} [{s['split']}/{s['language']}/{s['class']}] {s['query']!r}: nDCG {s['ndcg']:.2f}, "
                f"{s['count']} result(s)" + (f", suggestion {s['suggestion']!r}" if s.get("suggestion") else "")
            )
            for rank, key in enumerate(s["ranked"][:5], 1):
                print(f"      {rank}. {key} (grade {s['judged'].get(key, 0)})")
            if wanted:
                print(f"      missing grade 2: {', '.join(wanted)}")

    overall = aggregate(scored)
    print(
        f"\nsummary: {label}; {len(manifest)} documents, {len(scored)} queries: "
        f"nDCG@10 {fmt(overall['ndcg@10']).strip()}, "
        f"MRR {fmt(overall['mrr']).strip()}, {overall['zero']} of {overall['n']} return nothing"
    )
    if args.json:
        report = {
            "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
            "backend": backend,
            "search_url": search_url,
            "database": database,
            "documents": len(manifest),
            "figures": summarise(scored),
            "queries": [{k: v for k, v in s.items() if k != "judged"} | {"judged": s["judged"]} for s in scored],
        }
        if baseline:
            report["baseline_bm25"] = summarise([dict(s, **s["baseline"]) for s in scored])
        args.json.write_text(json.dumps(report, ensure_ascii=False, indent=2), encoding="utf-8")
        print(f"written: {args.json}")


if __name__ == "__main__":
    main()
