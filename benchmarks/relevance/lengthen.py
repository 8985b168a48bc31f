"""Write a copy of the relevance set whose documents are as long as real reports.

The texts of ``corpus/`` are close digests of their pages, 240 to 1,300 characters long; the
documents readers really search are reports of tens of pages, where the words of a query turn up
in passing far from the part that answers it, and where a file's text is the longest field of the
index by far.  That changes how the engines' length normalisation treats a document against a
short page of the site, which a set of short texts cannot show.  This script keeps each digest as
the document's opening (its key facts, as an executive summary) and follows it with generated
paragraphs of the general vocabulary of migration reports, in the document's language (English or
Russian; other languages are kept as they are), until the text reaches a length drawn for that
document (log-normal, median about 25,000 characters, between 6,000 and 120,000).  The filler
names no state, agency or specific subject (no "trafficking", "readmission", "remittances"), so the
judgements still hold: it is generated text only to pad, as the issue allows.  The same key always
gets the same text.

    .venv/bin/python benchmarks/relevance/lengthen.py /tmp/rel-long
    SEARCH_URL=... .venv/bin/python benchmarks/relevance/run.py --manifest /tmp/rel-long/manifest.csv
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import math
import random
from pathlib import Path

HERE = Path(__file__).resolve().parent

EN = {
    "subject": [
        "the national authorities",
        "the responsible ministry",
        "the working group",
        "the steering committee",
        "the partner institutions",
        "local administrations",
        "civil society organisations",
        "the expert team",
        "the participating agencies",
        "the interministerial commission",
    ],
    "verb": [
        "reviewed",
        "discussed",
        "strengthened",
        "assessed",
        "updated",
        "coordinated",
        "monitored",
        "presented",
        "supported",
        "documented",
    ],
    "object": [
        "the implementation of the action plan",
        "the collection of statistical data",
        "the legal and institutional framework",
        "procedures for the exchange of information",
        "training curricula for staff",
        "the capacity of regional offices",
        "the main findings of the survey",
        "the indicators of the monitoring system",
        "the budget of the programme",
        "cooperation with international partners",
        "the quality of administrative records",
        "guidelines for practitioners",
    ],
    "tail": [
        "in line with the agreed priorities",
        "during the reporting period",
        "with the support of external experts",
        "as recommended in the previous review",
        "in several regions of the country",
        "through a series of workshops",
        "in close consultation with stakeholders",
        "on the basis of the available evidence",
    ],
    "opening": [
        "In addition,",
        "At the same time,",
        "According to the report,",
        "As a next step,",
        "Furthermore,",
        "In the period under review,",
        "",
        "",
    ],
    "heading": [
        "Methodology",
        "Background",
        "Institutional framework",
        "Data and sources",
        "Implementation",
        "Conclusions",
        "Annex",
        "Recommendations for further work",
    ],
}

RU = {
    "subject": [
        "национальные органы",
        "профильное министерство",
        "рабочая группа",
        "руководящий комитет",
        "партнёрские учреждения",
        "местные администрации",
        "общественные организации",
        "группа экспертов",
        "участвующие ведомства",
        "межведомственная комиссия",
    ],
    "verb": [
        "рассмотрели",
        "обсудили",
        "укрепили",
        "оценили",
        "обновили",
        "согласовали",
        "проанализировали",
        "представили",
        "поддержали",
        "задокументировали",
    ],
    "object": [
        "выполнение плана действий",
        "сбор статистических данных",
        "правовую и институциональную базу",
        "порядок обмена информацией",
        "учебные программы для сотрудников",
        "потенциал региональных отделений",
        "основные выводы обследования",
        "показатели системы мониторинга",
        "бюджет программы",
        "сотрудничество с международными партнёрами",
        "качество административных данных",
        "рекомендации для специалистов",
    ],
    "tail": [
        "в соответствии с согласованными приоритетами",
        "в отчётный период",
        "при поддержке внешних экспертов",
        "как было рекомендовано в предыдущем обзоре",
        "в нескольких регионах страны",
        "в ходе серии семинаров",
        "в тесной консультации с заинтересованными сторонами",
        "на основе имеющихся данных",
    ],
    "opening": [
        "Кроме того,",
        "В то же время",
        "Согласно докладу,",
        "В качестве следующего шага",
        "Далее,",
        "В рассматриваемый период",
        "",
        "",
    ],
    "heading": [
        "Методология",
        "Общие сведения",
        "Институциональная база",
        "Данные и источники",
        "Реализация",
        "Выводы",
        "Приложение",
        "Рекомендации для дальнейшей работы",
    ],
}
FILLERS = {"en": EN, "ru": RU}
MEDIAN, SIGMA, SHORTEST, LONGEST = 25_000, 0.8, 6_000, 120_000


def target_length(rng):
    return int(min(LONGEST, max(SHORTEST, MEDIAN * math.exp(rng.gauss(0, SIGMA)))))


def sentence(words, rng):
    opening = rng.choice(words["opening"])
    body = " ".join(rng.choice(words[part]) for part in ("subject", "verb", "object", "tail"))
    text = f"{opening} {body}" if opening else body[0].upper() + body[1:]
    return text + "."


def lengthen(text, language, key):
    words = FILLERS.get(language)
    if words is None:
        return text
    rng = random.Random(hashlib.sha256(key.encode()).hexdigest())
    wanted = target_length(rng)
    parts, size = [text.strip()], len(text)
    while size < wanted:
        paragraph = " ".join(sentence(words, rng) for _ in range(rng.randint(3, 7)))
        if rng.random() < 0.2:
            paragraph = f"{rng.choice(words['heading'])}\n\n{paragraph}"
        parts.append(paragraph)
        size += len(paragraph) + 2
    return "\n\n".join(parts) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", type=Path, help="where to write manifest.csv and corpus/")
    parser.add_argument("--manifest", type=Path, default=HERE / "manifest.csv")
    args = parser.parse_args()
    corpus = args.folder / "corpus"
    corpus.mkdir(parents=True, exist_ok=True)
    with args.manifest.open(newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        rows, fields = list(reader), reader.fieldnames
    sizes = []
    for row in rows:
        source = args.manifest.parent / row["file"]
        text = lengthen(source.read_text(encoding="utf-8"), row["language"], row["key"])
        target = corpus / source.name
        target.write_text(text, encoding="utf-8")
        row["file"] = f"corpus/{source.name}"
        sizes.append(len(text))
    with (args.folder / "manifest.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields)
        writer.writeheader()
        writer.writerows(rows)
    sizes.sort()
    print(
        f"{len(rows)} documents written to {args.folder}: median {sizes[len(sizes) // 2]:,} characters, "
        f"shortest {sizes[0]:,}, longest {sizes[-1]:,}"
    )


if __name__ == "__main__":
    main()
