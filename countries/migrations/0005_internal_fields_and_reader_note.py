# The old "note" served editors and readers at once and leaked internal notes onto public pages:
# it becomes the internal note (data kept), and a separate, empty reader-facing note is added.

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("countries", "0004_unendorsed_publish_step"),
    ]

    operations = [
        migrations.RenameField(model_name="countrypage", old_name="status_note", new_name="internal_note"),
        migrations.AlterField(
            model_name="countrypage",
            name="internal_note",
            field=models.TextField(
                blank=True,
                help_text="For editors: sources or status of this record. Never shown to readers.",
                verbose_name="internal data note",
            ),
        ),
        migrations.AddField(
            model_name="countrypage",
            name="reader_note",
            field=models.TextField(
                blank=True, help_text="Optional. Shown on the state's page under its name.", verbose_name="note for readers"
            ),
        ),
        migrations.AlterField(
            model_name="countrypage",
            name="name_variants",
            field=models.TextField(
                blank=True,
                help_text="Other names that should find this state in search, separated by ';'. Never shown to readers.",
                verbose_name="search aliases (internal)",
            ),
        ),
    ]
