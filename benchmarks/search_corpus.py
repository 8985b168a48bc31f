# ruff: noqa: E501 (sample prose)
"""Generate a search benchmark corpus: N publications with PDF-sized bilingual file text.

Each publication gets a title, a summary, two to four covered states, a thematic area, a year and
one Document whose extracted text is ~PAGES pages of mixed English and Russian migration-policy
prose (what a real PDF's text layer gives).  Rows are written in bulk without signals (no index
work, no tasks): the benchmarks then build the index themselves.

    DJANGO_SETTINGS_MODULE=benchmarks.search_settings DATABASE_URL=postgres://... \\
        .venv/bin/python benchmarks/search_corpus.py --count 1000
"""

import argparse
import datetime
import os
import random
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "benchmarks.search_settings")

EN = [
    "The Prague Process supports dialogue on readmission agreements, labour migration and the return of irregular migrants",
    "Participating states exchange good practice on border management, asylum systems and the integration of migrants",
    "Trafficking in human beings remains a shared concern, and the action plan calls for better data on migration flows, visa facilitation and circular migration schemes.",
]
RU = [
    "Пражский процесс поддерживает диалог о соглашениях о реадмиссии, трудовой миграции и возвращении нелегальных мигрантов",
    "Государства-участники обмениваются опытом в области управления границами, систем убежища и интеграции мигрантов",
    "Торговля людьми остаётся общей проблемой, а план действий призывает к улучшению данных о миграционных потоках, упрощению визового режима и программам циркулярной миграции.",
]
WORDS = [
    "asylum",
    "border",
    "visa",
    "labour",
    "return",
    "readmission",
    "mobility",
    "diaspora",
    "remittances",
    "integration",
]
PAGE_CHARS = 2500


def body(rng, pages):
    parts, size = [], 0
    while size < pages * PAGE_CHARS:
        sentence = rng.choice(EN if rng.random() < 0.5 else RU) + ". "
        parts.append(sentence)
        size += len(sentence)
    return "".join(parts)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--pages", type=int, default=8, help="PDF pages of text per publication (2,500 chars each)")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()

    import django

    django.setup()
    import logging

    logging.disable(logging.INFO)
    from django.db import transaction

    from wagtail.models import Locale

    from cms.models import Document, ThematicArea
    from countries.models import CountryPage
    from publications.models import (
        PublicationCountry,
        PublicationFile,
        PublicationIndexPage,
        PublicationPage,
        PublicationThematicArea,
    )

    rng = random.Random(args.seed)
    en = Locale.objects.get(language_code="en")
    library = PublicationIndexPage.objects.get(locale=en)
    countries = list(CountryPage.objects.filter(locale=en))
    areas = list(ThematicArea.objects.filter(locale=en))
    existing = PublicationPage.objects.filter(slug__startswith="bench-").count()
    started = time.monotonic()
    for number in range(existing, args.count):
        with transaction.atomic():
            text = body(rng, args.pages)
            document = Document.objects.bulk_create(
                [
                    Document(
                        title=f"Bench file {number}",
                        file=f"documents/bench-{number}.pdf",
                        language=rng.choice(["en", "ru"]),
                        extracted_text=text,
                        extraction_status="done",
                        format="pdf",
                    )
                ]
            )[0]
            year = rng.randint(2004, 2025)
            page = PublicationPage(
                title=f"{rng.choice(WORDS).capitalize()} {rng.choice(WORDS)} study {number}",
                slug=f"bench-{number}",
                summary=" ".join(rng.sample(EN + RU, 2)),
                kind="study",
                publication_date=datetime.date(year, rng.randint(1, 12), 1),
                live=True,
            )
            library.add_child(instance=page)
            PublicationFile.objects.bulk_create([PublicationFile(page=page, document=document, locale=en)])
            PublicationCountry.objects.bulk_create(
                [PublicationCountry(page=page, country=c, locale=en) for c in rng.sample(countries, rng.randint(2, 4))]
            )
            PublicationThematicArea.objects.bulk_create(
                [PublicationThematicArea(page=page, thematic_area=rng.choice(areas), locale=en)]
            )
        if (number + 1) % 500 == 0:
            print(f"  {number + 1}/{args.count} publications ({time.monotonic() - started:.0f} s)", flush=True)
    print(f"Corpus: {PublicationPage.objects.filter(slug__startswith='bench-').count()} benchmark publications")


if __name__ == "__main__":
    main()
