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
