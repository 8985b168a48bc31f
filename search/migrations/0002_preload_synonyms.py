"""Preload synonym groups: the participating states' names in both languages and their
other names (from the seed's participating-states.csv), and the agencies and terms readers
mix up.  Editors manage them afterwards in the admin (Snippets → Search synonyms)."""

from django.db import migrations

GROUPS = [
    ('Austria', ['Austria', 'Австрия']),
    ('Belgium', ['Belgium', 'Бельгия']),
    ('Bulgaria', ['Bulgaria', 'Болгария']),
    ('Croatia', ['Croatia', 'Хорватия']),
    ('Cyprus', ['Cyprus', 'Кипр']),
    ('Czech Republic', ['Czech Republic', 'Чехия', 'Czechia', 'Чешская Республика']),
    ('Denmark', ['Denmark', 'Дания']),
    ('Estonia', ['Estonia', 'Эстония']),
    ('Finland', ['Finland', 'Финляндия']),
    ('France', ['France', 'Франция']),
    ('Germany', ['Germany', 'Германия']),
    ('Greece', ['Greece', 'Греция']),
    ('Hungary', ['Hungary', 'Венгрия']),
    ('Ireland', ['Ireland', 'Ирландия']),
    ('Italy', ['Italy', 'Италия']),
    ('Latvia', ['Latvia', 'Латвия']),
    ('Lithuania', ['Lithuania', 'Литва']),
    ('Luxembourg', ['Luxembourg', 'Люксембург', 'Luxemburg']),
    ('Malta', ['Malta', 'Мальта']),
    ('Netherlands', ['Netherlands', 'Нидерланды', 'the Netherlands']),
    ('Poland', ['Poland', 'Польша']),
    ('Portugal', ['Portugal', 'Португалия']),
    ('Romania', ['Romania', 'Румыния']),
    ('Slovakia', ['Slovakia', 'Словакия', 'Slovak Republic']),
    ('Slovenia', ['Slovenia', 'Словения']),
    ('Spain', ['Spain', 'Испания']),
    ('Sweden', ['Sweden', 'Швеция']),
    ('United Kingdom', ['United Kingdom', 'Великобритания', 'UK', 'Соединённое Королевство']),
    ('Liechtenstein', ['Liechtenstein', 'Лихтенштейн']),
    ('Norway', ['Norway', 'Норвегия']),
    ('Switzerland', ['Switzerland', 'Швейцария']),
    ('Armenia', ['Armenia', 'Армения', 'Republic of Armenia']),
    ('Azerbaijan', ['Azerbaijan', 'Азербайджан', 'Republic of Azerbaijan']),
    ('Belarus', ['Belarus', 'Беларусь', 'Белоруссия', 'Republic of Belarus']),
    ('Georgia', ['Georgia', 'Грузия']),
    ('Moldova', ['Moldova', 'Молдова', 'Republic of Moldova', 'Молдавия']),
    ('Ukraine', ['Ukraine', 'Украина']),
    ('Albania', ['Albania', 'Албания']),
    ('Bosnia and Herzegovina', ['Bosnia and Herzegovina', 'Босния и Герцеговина', 'Bosnia-H', 'BiH']),
    ('Kosovo', ['Kosovo', 'Косово', 'Kosovo (UNSCR 1244/1999)']),
    ('Montenegro', ['Montenegro', 'Черногория']),
    ('North Macedonia', ['North Macedonia', 'Северная Македония', 'former Yugoslav Republic of Macedonia', 'FYROM', 'Macedonia', 'Республика Македония']),
    ('Serbia', ['Serbia', 'Сербия']),
    ('Kazakhstan', ['Kazakhstan', 'Казахстан', 'Republic of Kazakhstan']),
    ('Kyrgyzstan', ['Kyrgyzstan', 'Кыргызстан', 'Kyrgyz Republic', 'Киргизия', 'Кыргызская Республика']),
    ('Tajikistan', ['Tajikistan', 'Таджикистан', 'Republic of Tajikistan']),
    ('Turkmenistan', ['Turkmenistan', 'Туркменистан', 'Туркмения']),
    ('Uzbekistan', ['Uzbekistan', 'Узбекистан', 'Republic of Uzbekistan']),
    ('Russian Federation', ['Russian Federation', 'Российская Федерация', 'Russia', 'Россия', 'РФ']),
    ('Turkey', ['Turkey', 'Турция', 'Türkiye', 'Турецкая Республика', 'Turkiye']),
    ('EASO / EUAA', ['EASO', 'EUAA', 'European Asylum Support Office', 'European Union Agency for Asylum', 'ЕВБПУ', 'Агентство Европейского союза по вопросам убежища']),
    ('ICMPD', ['ICMPD', 'МЦРМП', 'International Centre for Migration Policy Development', 'Международный центр по развитию миграционной политики']),
    ('Readmission and return', ['readmission', 'return', 'реадмиссия', 'возвращение']),
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
    dependencies = [("search", "0001_initial")]
    operations = [migrations.RunPython(preload, unload)]
