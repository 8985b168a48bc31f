"""The project's agreed vocabulary, seeded into the termbase (cms.Term) by migration 0007.

Each agreed Russian term is the one the seed content (home/seed/russian.py) and the Russian
interface (locale/ru/LC_MESSAGES/django.po) use; each forbidden variant is one that was found
mixed in beside it before the termbase existed.  Lower case: the report matches case-insensitively.
"""

TERMS = (
    {
        "english": "compilation of best practices",
        "russian": "сборник передового опыта",
        "forbidden_russian": "сборник передовой практики",
        "note": "A publication type and the pilot projects' outputs.",
    },
    {
        "english": "guidelines",
        "russian": "руководящие принципы",
        "forbidden_russian": "руководство или рекомендации",
        "note": "The Prague Process Guidelines and the publication type; "
        "the facet is «руководящие принципы или рекомендации».",
    },
    {
        "english": "factsheet",
        "russian": "информационный листок",
        "forbidden_russian": "информационный бюллетень",
        "note": "A bulletin (бюллетень) is a periodical; a factsheet is a single sheet of facts.",
    },
    {"english": "Prague Process", "russian": "Пражский процесс"},
    {"english": "Targeted Initiative", "russian": "Целевая инициатива"},
    {"english": "pilot project", "russian": "пилотный проект"},
    {"english": "migration profile", "russian": "миграционный профиль"},
    {"english": "Building Migration Partnerships", "russian": "Построение миграционных партнёрств"},
    {
        "english": "illegal migration",
        "russian": "незаконная миграция",
        "forbidden_russian": "нелегальная миграция",
        "note": "The name of the thematic area and of Pilot Project 1.",
    },
    {"english": "legal migration", "russian": "легальная миграция"},
    {"english": "readmission", "russian": "реадмиссия"},
    {"english": "asylum", "russian": "убежище"},
    {"english": "action plan", "russian": "план действий"},
)

# The vocabulary of migration policy readers search for, in both languages (migration 0008): the
# search's cross-language queries read every row (search/crosslang.py), so "торговля людьми" also
# finds an English-only report on trafficking in human beings.
SEARCH_TERMS = (
    {"english": "labour migration", "russian": "трудовая миграция"},
    {"english": "circular migration", "russian": "циркулярная миграция"},
    {"english": "irregular migration", "russian": "нерегулярная миграция"},
    {"english": "migration policy", "russian": "миграционная политика"},
    {"english": "trafficking in human beings", "russian": "торговля людьми"},
    {"english": "smuggling of migrants", "russian": "незаконный ввоз мигрантов"},
    {"english": "border management", "russian": "управление границами"},
    {"english": "integration of migrants", "russian": "интеграция мигрантов"},
    {"english": "remittances", "russian": "денежные переводы"},
    {"english": "diaspora", "russian": "диаспора"},
    {"english": "visa facilitation", "russian": "упрощение визового режима"},
    {"english": "readmission agreement", "russian": "соглашение о реадмиссии"},
    {"english": "international protection", "russian": "международная защита"},
    {"english": "refugees", "russian": "беженцы"},
    {"english": "statelessness", "russian": "безгражданство"},
    {"english": "unaccompanied minors", "russian": "несопровождаемые несовершеннолетние"},
    {"english": "mobility partnership", "russian": "партнёрство в сфере мобильности"},
    {"english": "capacity building", "russian": "наращивание потенциала"},
    {"english": "human rights", "russian": "права человека"},
    {"english": "Eastern Partnership", "russian": "Восточное партнёрство"},
    {"english": "Western Balkans", "russian": "Западные Балканы"},
    {"english": "Central Asia", "russian": "Центральная Азия"},
)


# More of that vocabulary (migration 0009): legal instruments, statuses and documents readers name.
MORE_SEARCH_TERMS = (
    {"english": "migration policy concept", "russian": "концепция миграционной политики"},
    {"english": "labour market", "russian": "рынок труда"},
    {"english": "labour migrants", "russian": "трудовые мигранты"},
    {"english": "migrant workers", "russian": "трудящиеся-мигранты"},
    {"english": "residence permit", "russian": "вид на жительство"},
    {"english": "work permit", "russian": "разрешение на работу"},
    {"english": "return of migrants", "russian": "возвращение мигрантов"},
    {"english": "reintegration", "russian": "реинтеграция"},
    {"english": "adaptation of migrants", "russian": "адаптация мигрантов"},
    {"english": "citizenship", "russian": "гражданство"},
    {"english": "asylum seekers", "russian": "лица, ищущие убежища"},
    {"english": "temporary protection", "russian": "временная защита"},
    {"english": "internally displaced persons", "russian": "внутренне перемещённые лица"},
    {"english": "forced migration", "russian": "вынужденная миграция"},
    {"english": "migration statistics", "russian": "миграционная статистика"},
    {"english": "deportation", "russian": "депортация"},
    {"english": "entry ban", "russian": "запрет на въезд"},
    {"english": "emigration", "russian": "эмиграция"},
    {"english": "immigration", "russian": "иммиграция"},
)


def seed_terms(term_model, rows):
    """Create the terms of ``rows`` that are missing (by English term); used by migrations 0007-0009."""
    for row in rows:
        values = {key: value for key, value in row.items() if key != "english"}
        term_model.objects.get_or_create(english=row["english"], defaults=values)
