"""On SQLite (the demo), give modelsearch's FTS5 table the Porter stemmer.

modelsearch (through ``wagtail.search``) creates ``wagtailsearch_indexentry_fts`` with FTS5's default ``unicode61`` tokenizer,
which does not stem at all: "returns" would not find "return".  ``porter unicode61`` stems English
(Cyrillic passes through unchanged) and ``remove_diacritics 2`` folds ё into е and Türkiye into
turkiye.  PostgreSQL and OpenSearch are untouched.  The table keeps its name, so modelsearch's
insert trigger still fills it; existing entries are copied back in.  Delete this migration if
modelsearch ever makes the tokenizer configurable.
"""

from django.db import migrations

FTS = "wagtailsearch_indexentry_fts"
ENTRIES = "wagtailsearch_indexentry"


def stem_english_on_sqlite(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor != "sqlite":
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM sqlite_master WHERE name = %s", [FTS])
        if cursor.fetchone() is None:  # FTS5 missing: modelsearch falls back to LIKE queries
            return
        cursor.execute(f"DROP TABLE {FTS}")
        cursor.execute(
            f"CREATE VIRTUAL TABLE {FTS} USING fts5(autocomplete, body, title, "
            "tokenize = 'porter unicode61 remove_diacritics 2')"
        )
        cursor.execute(
            f"INSERT INTO {FTS} (rowid, title, body, autocomplete) "  # noqa: S608 (constant names)
            f"SELECT id, title, body, autocomplete FROM {ENTRIES}"
        )


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0002_preload_synonyms"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]
    operations = [migrations.RunPython(stem_english_on_sqlite, migrations.RunPython.noop)]
