"""The termbase records when a row last changed (search caches its term groups until then), and
gains the migration-policy vocabulary readers search for (cms/termbase.py SEARCH_TERMS)."""

import django.utils.timezone
from django.db import migrations, models


def seed(apps, schema_editor):
    from cms.termbase import SEARCH_TERMS

    term_model = apps.get_model("cms", "Term")
    for row in SEARCH_TERMS:
        values = {key: value for key, value in row.items() if key != "english"}
        term_model.objects.get_or_create(english=row["english"], defaults=values)


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
