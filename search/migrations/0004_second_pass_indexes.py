"""What the database backends' second pass needs (``search/backends/second_pass.py``).

PostgreSQL: the ``pg_trgm`` extension and GIN trigram indexes on the index entries' text, for
modelsearch's ``Fuzzy`` query.  modelsearch's ``enable_trigram`` command does the same, but a
command is not run on a test database or a fresh install: a migration is.
SQLite: an ``fts5vocab`` table listing the FTS5 index's terms, which misspelled words are
corrected against.  It reads the live index, so it never needs refreshing.
Other databases: nothing.
"""

from django.db import migrations

ENTRIES = "wagtailsearch_indexentry"
FTS = f"{ENTRIES}_fts"
VOCABULARY = "search_vocabulary"


def forwards(apps, schema_editor):
    connection = schema_editor.connection
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
            for column in ("title_text", "body_text"):
                cursor.execute(
                    f"CREATE INDEX IF NOT EXISTS search_{column}_trgm ON {ENTRIES} USING gin ({column} gin_trgm_ops)"
                )
        elif connection.vendor == "sqlite":
            cursor.execute("SELECT 1 FROM sqlite_master WHERE name = %s", [FTS])
            if cursor.fetchone() is not None:  # no FTS5: modelsearch's LIKE fallback, nothing to list
                cursor.execute(f"CREATE VIRTUAL TABLE IF NOT EXISTS {VOCABULARY} USING fts5vocab({FTS}, 'row')")


def backwards(apps, schema_editor):
    connection = schema_editor.connection
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            for column in ("title_text", "body_text"):
                cursor.execute(f"DROP INDEX IF EXISTS search_{column}_trgm")
        elif connection.vendor == "sqlite":
            cursor.execute(f"DROP TABLE IF EXISTS {VOCABULARY}")


class Migration(migrations.Migration):
    dependencies = [("search", "0003_sqlite_english_stemming")]
    operations = [migrations.RunPython(forwards, backwards)]
