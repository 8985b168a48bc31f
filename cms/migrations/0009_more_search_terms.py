"""More of the migration-policy vocabulary readers search for (cms/termbase.py MORE_SEARCH_TERMS)."""

from django.db import migrations


def seed(apps, schema_editor):
    from cms.termbase import MORE_SEARCH_TERMS, seed_terms

    seed_terms(apps.get_model("cms", "Term"), MORE_SEARCH_TERMS)


class Migration(migrations.Migration):
    dependencies = [("cms", "0008_term_updated_at_search_terms")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
