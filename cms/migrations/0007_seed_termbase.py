"""Seed the termbase with the project's vocabulary (cms/termbase.py).  Idempotent: keyed by the English term."""

from django.db import migrations


def seed(apps, schema_editor):
    from cms.termbase import TERMS, seed_terms

    seed_terms(apps.get_model("cms", "Term"), TERMS)


class Migration(migrations.Migration):
    dependencies = [("cms", "0006_term")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
