"""The names of one crime that documents spell three ways, and more agencies readers name by acronym in either language (editors manage them afterwards in
Snippets → Search synonyms).  Acronyms live here rather than in the termbase: the termbase report
matches terms as word stems, and a two-letter acronym would match half the language."""

from django.db import migrations

GROUPS = [
    ("IOM", ["IOM", "МОМ", "International Organization for Migration", "Международная организация по миграции"]),
    (
        "UNHCR",
        ["UNHCR", "УВКБ ООН", "UN Refugee Agency", "Управление Верховного комиссара ООН по делам беженцев"],
    ),
    ("European Union", ["European Union", "EU", "Европейский союз", "Евросоюз", "ЕС"]),
    ("OSCE", ["OSCE", "ОБСЕ", "Organization for Security and Co-operation in Europe"]),
    ("ILO", ["ILO", "МОТ", "International Labour Organization", "Международная организация труда"]),
    ("Frontex", ["Frontex", "Фронтекс", "European Border and Coast Guard Agency"]),
    ("UNODC", ["UNODC", "УНП ООН", "United Nations Office on Drugs and Crime"]),
    ("European Commission", ["European Commission", "Европейская комиссия", "Еврокомиссия"]),
    (
        "Trafficking",
        ["trafficking in human beings", "trafficking in persons", "human trafficking", "торговля людьми"],
    ),
]


def preload(apps, schema_editor):
    SynonymGroup = apps.get_model("search", "SynonymGroup")
    for name, terms in GROUPS:
        if not SynonymGroup.objects.filter(name=name).exists():
            SynonymGroup.objects.create(name=name, terms="\n".join(terms))


def unload(apps, schema_editor):
    SynonymGroup = apps.get_model("search", "SynonymGroup")
    SynonymGroup.objects.filter(name__in=[name for name, _terms in GROUPS]).delete()


class Migration(migrations.Migration):
    dependencies = [("search", "0004_second_pass_indexes")]
    operations = [migrations.RunPython(preload, unload)]
