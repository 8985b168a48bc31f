"""The termbase records when a row last changed (search caches its term groups until then), and
gains the migration-policy vocabulary readers search for (cms/termbase.py SEARCH_TERMS)."""

import django.utils.timezone
from django.db import migrations, models


def seed(apps, schema_editor):
    from cms.termbase import SEARCH_TERMS, seed_terms

    seed_terms(apps.get_model("cms", "Term"), SEARCH_TERMS)


class Migration(migrations.Migration):
    dependencies = [("cms", "0007_seed_termbase")]

    operations = [
        migrations.AddField(
            model_name="term",
            name="updated_at",
            field=models.DateTimeField(auto_now=True, default=django.utils.timezone.now),
            preserve_default=False,
        ),
        migrations.RunPython(seed, migrations.RunPython.noop),
    ]
