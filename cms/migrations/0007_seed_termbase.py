"""Seed the termbase with the project's vocabulary (cms/termbase.py).  Idempotent: keyed by the English term."""

from django.db import migrations


def seed(apps, schema_editor):
    from cms.termbase import TERMS

    term_model = apps.get_model("cms", "Term")
    for row in TERMS:
        values = {key: value for key, value in row.items() if key != "english"}
        term_model.objects.get_or_create(english=row["english"], defaults=values)


class Migration(migrations.Migration):
    dependencies = [("cms", "0006_term")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
