"""Full reindex throughput (manage.py update_index: Django builds every document) vs a raw bulk
load of the very same documents straight into the engine (no Django), on the benchmark corpus.

    DJANGO_SETTINGS_MODULE=benchmarks.search_settings DATABASE_URL=postgres://.../ppbench \\
        SEARCH_URL=opensearch3://127.0.0.1:9200 .venv/bin/python benchmarks/search_reindex.py

Either engine (``elasticsearch9://`` too): the bulk helper is the one of the configured client.

Raw bulk: the documents of every index under the prefix are read back (``_source``), then
loaded with the client's bulk helper (same chunk size) into fresh indices created with the
same settings and mappings, so the engine does the same analysis work; the clock covers the
bulk load and the final refresh, as for the reindex.
"""

import importlib
import io
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "benchmarks.search_settings")

CHUNK = 1000


def main():
    import django

    django.setup()
    import logging

    logging.disable(logging.INFO)
    from django.core.management import call_command

    from modelsearch.backends import get_search_backend

    backend = get_search_backend()
    client, prefix = backend.es, backend.index_prefix
    # opensearchpy.helpers or elasticsearch.helpers: the same bulk and scan, each for its client.
    helpers = importlib.import_module(type(client).__module__.split(".")[0] + ".helpers")
    # The elasticsearch client takes per-request options through .options(), opensearch-py as kwargs.
    if hasattr(client, "options"):
        bulk_client, bulk_kwargs = client.options(request_timeout=120), {}
    else:
        bulk_client, bulk_kwargs = client, {"request_timeout": 120}
    print(f"engine: {type(client).__module__.split('.')[0]} at {os.environ.get('SEARCH_URL')}")

    started = time.perf_counter()
    call_command("update_index", chunk_size=CHUNK, stdout=io.StringIO())
    reindex_s = time.perf_counter() - started
    indices = sorted(client.indices.get_alias(index=f"{prefix}*").keys())
    indices = [name for name in indices if "_raw_" not in name]
    docs, size = 0, 0
    for name in indices:
        docs += client.count(index=name)["count"]
        size += client.indices.stats(index=name)["indices"][name]["primaries"]["store"]["size_in_bytes"]
    print(
        f"update_index: {docs} documents in {reindex_s:.1f} s = {docs / reindex_s:.0f} docs/s "
        f"({size / 1e6:.0f} MB in the engine)"
    )

    sources = {}
    for name in indices:
        sources[name] = [
            (hit["_id"], hit["_source"]) for hit in helpers.scan(client, index=name, query={"query": {"match_all": {}}})
        ]
    raw_names = {}
    for name in indices:
        info = client.indices.get(index=name)[name]
        settings = {
            k: v
            for k, v in info["settings"]["index"].items()
            if k in ("analysis", "max_ngram_diff", "number_of_shards")
        }
        raw = f"{prefix}_raw_{name[len(prefix) :]}"
        client.indices.delete(index=raw, ignore_unavailable=True)
        client.indices.create(index=raw, body={"settings": {"index": settings}, "mappings": info["mappings"]})
        raw_names[name] = raw
    started = time.perf_counter()
    for name, rows in sources.items():
        actions = ({"_index": raw_names[name], "_id": _id, "_source": source} for _id, source in rows)
        helpers.bulk(bulk_client, actions, chunk_size=CHUNK, **bulk_kwargs)
        client.indices.refresh(index=raw_names[name])
    raw_s = time.perf_counter() - started
    raw_docs = sum(len(rows) for rows in sources.values())
    print(f"raw bulk:     {raw_docs} documents in {raw_s:.1f} s = {raw_docs / raw_s:.0f} docs/s")
    ratio = (docs / reindex_s) / (raw_docs / raw_s)
    print(f"reindex / raw bulk throughput = {ratio:.2f} (goal >= 0.33: {'met' if ratio >= 1 / 3 else 'NOT met'})")
    for raw in raw_names.values():
        client.indices.delete(index=raw, ignore_unavailable=True)


if __name__ == "__main__":
    main()
