"""Benchmark ``manage.py import_documents``: throughput and memory on a batch of real PDFs.

Generates N small bilingual PDFs (2–5 pages of English and Russian migration-policy text,
DejaVuSans), a manifest that uses every publication type, some translation pairs, countries,
thematic areas and legacy URLs, then imports it in-process and reports:

* documents/s for the first import and for an idempotent re-run (everything unchanged),
* resident memory (RSS) sampled after 100, 250, 500, 1000 ... rows, to show it stays flat,
* peak RSS of the importer (``resource.getrusage``) and of the extraction subprocesses.

By default it works on a fresh SQLite database in the work folder (migrations plus
``load_prague_process``, about a minute); ``--database-url`` uses another database (which
must already hold the seed, or pass ``--seed``).  Text extraction normally goes to the task
queue; ``--extract-now`` extracts inline and so measures the whole pipeline.

    .venv/bin/python benchmarks/import_documents.py                 # 1000 documents
    .venv/bin/python benchmarks/import_documents.py --count 200 --extract-now
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
EN = [
    "Readmission agreements set out how persons staying irregularly are returned to their country of origin.",
    "The action plan commits the participating states to exchange information on migration flows.",
    "Labour migration schemes should protect the rights of migrant workers and their families.",
    "Asylum procedures must give every applicant access to an effective remedy and legal aid.",
    "Migration profiles gather indicators on population, labour markets, remittances and return.",
    "Capacity building for border guards covers document fraud, risk analysis and data protection.",
    "The pilot project delivered training modules for migration officials in Central Asia.",
]
RU = [
    "Соглашения о реадмиссии определяют порядок возвращения лиц, незаконно находящихся на территории.",
    "План действий обязывает государства-участники обмениваться информацией о миграционных потоках.",
    "Программы трудовой миграции должны защищать права трудящихся-мигрантов и членов их семей.",
    "Процедуры предоставления убежища обеспечивают каждому заявителю доступ к правовой помощи.",
    "Миграционные профили содержат показатели о населении, рынке труда, денежных переводах и возвращении.",
    "Обучение пограничников охватывает подделку документов, анализ рисков и защиту данных.",
]
TYPES = [
    "report",
    "study",
    "policy_brief",
    "factsheet",
    "guidelines",
    "handbook",
    "training_module",
    "recommendations",
    "best_practices",
    "action_plan",
    "declaration",
]
CHECKPOINTS = (100, 250, 500, 1000, 2000, 5000, 10000)


def rss_mb():
    with open("/proc/self/status") as handle:
        for line in handle:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def make_pdfs(folder, count, pages_min, pages_max, rng):
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(TTFont("DejaVu", FONT))
    folder.mkdir(parents=True, exist_ok=True)
    for number in range(1, count + 1):
        pdf = canvas.Canvas(str(folder / f"doc-{number:05d}.pdf"), pagesize=A4)
        for page in range(rng.randint(pages_min, pages_max)):
            pdf.setFont("DejaVu", 10)
            y = 800
            pdf.drawString(50, y, f"Document {number}, page {page + 1} / Документ {number}, страница {page + 1}")
            for _ in range(40):
                y -= 18
                source = RU if rng.random() < 0.5 else EN
                pdf.drawString(50, y, rng.choice(source)[:95])
            pdf.showPage()
        pdf.save()


def make_manifest(path, count, isos, areas, rng):
    from publications.importing.rows import COLUMNS  # the importer's own manifest columns

    columns = list(COLUMNS)
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns)
        writer.writeheader()
        previous_source = None
        for number in range(1, count + 1):
            key = f"doc-{number:05d}"
            translation = previous_source and number % 10 == 0
            writer.writerow(
                {
                    "key": key,
                    "file": f"pdfs/doc-{number:05d}.pdf",
                    "title": (f"Документ {number}" if translation else f"Publication {number}: {rng.choice(EN)[:60]}"),
                    "language": "ru" if translation or number % 7 == 0 else "en",
                    "type": rng.choice(TYPES),
                    "date": f"{rng.randint(2009, 2024)}-{rng.randint(1, 12):02d}",
                    "countries": ";".join(rng.sample(isos, k=rng.randint(0, 3))),
                    "thematic_areas": ";".join(rng.sample(areas, k=rng.randint(0, min(2, len(areas))))),
                    "summary": ("Краткое описание." if translation else "A short summary of the publication."),
                    "translation_of": previous_source if translation else "",
                    "publish": "yes" if number % 5 else "no",
                    "legacy_url": f"/en/library/item-{number}.html" if number % 3 == 0 else "",
                }
            )
            previous_source = None if translation else key


class Sampler:
    """A progress object for the importer that records RSS at the checkpoints instead of drawing a bar."""

    def __init__(self, total):
        self.total = total
        self.done = 0
        self.samples = []
        self.started = time.monotonic()

    def update(self, n=1):
        self.done += n
        if self.done in CHECKPOINTS or self.done == self.total:
            self.samples.append((self.done, rss_mb(), time.monotonic() - self.started))
            print(f"  {self.done:>6} rows  RSS {self.samples[-1][1]:7.1f} MB  {self.samples[-1][2]:7.1f} s", flush=True)

    def set_postfix_str(self, *args, **kwargs):
        pass

    def close(self):
        pass


def main(argv=None):
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter, epilog=__doc__
    )
    parser.add_argument("--count", type=int, default=1000, help="number of PDFs (default 1000)")
    parser.add_argument("--pages-min", type=int, default=2)
    parser.add_argument("--pages-max", type=int, default=5)
    parser.add_argument(
        "--workdir", help="where to put the PDFs, manifest, media and SQLite file (default: a temp dir)"
    )
    parser.add_argument("--database-url", help="use this database instead of a fresh SQLite file")
    parser.add_argument("--seed", action="store_true", help="run migrate and load_prague_process on --database-url")
    parser.add_argument("--extract-now", action="store_true", help="extract text inline (the whole pipeline)")
    parser.add_argument("--keep", action="store_true", help="keep the work folder")
    parser.add_argument("--random-seed", type=int, default=2012)
    args = parser.parse_args(argv)

    workdir = Path(args.workdir or tempfile.mkdtemp(prefix="import-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    fresh = not args.database_url
    os.environ["DATABASE_URL"] = args.database_url or f"sqlite:///{workdir / 'bench.sqlite3'}"
    os.environ["MEDIA_ROOT"] = str(workdir / "media")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")

    import logging

    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    settings.DEBUG = False  # no query log: memory must reflect the importer, not Django's debug cursor
    logging.getLogger("wagtail").setLevel(logging.WARNING)

    if fresh or args.seed:
        started = time.monotonic()
        call_command("migrate", verbosity=0)
        call_command("load_prague_process", verbosity=0)
        print(f"database ready (migrate + seed) in {time.monotonic() - started:.1f} s")

    from cms.models import ThematicArea
    from countries.models import CountryPage
    from publications.importing import Importer

    rng = random.Random(args.random_seed)
    isos = sorted(CountryPage.objects.filter(locale__language_code="en").values_list("iso_code", flat=True))
    areas = sorted(ThematicArea.objects.filter(locale__language_code="en").values_list("slug", flat=True))
    started = time.monotonic()
    make_pdfs(workdir / "pdfs", args.count, args.pages_min, args.pages_max, rng)
    manifest = workdir / "manifest.csv"
    make_manifest(manifest, args.count, isos, areas, rng)
    size = sum(p.stat().st_size for p in (workdir / "pdfs").iterdir())
    print(f"generated {args.count} PDFs ({size / 1e6:.1f} MB) and the manifest in {time.monotonic() - started:.1f} s")
    print(
        f"backend: {settings.DATABASES['default']['ENGINE'].rsplit('.', 1)[-1]}, tasks: "
        f"{settings.TASKS['default']['BACKEND'].rsplit('.', 1)[-1]}, extract-now: {args.extract_now}"
    )

    results = {}
    for label in ("first import", "re-run (unchanged)"):
        print(f"{label}:")
        sampler_holder = []

        def progress(total, holder=sampler_holder):
            holder.append(Sampler(total))
            return holder[-1]

        started = time.monotonic()
        summary = Importer(manifest, extract_now=args.extract_now, progress=progress).run()
        elapsed = time.monotonic() - started
        results[label] = (summary, elapsed, sampler_holder[0].samples)
        print("  " + summary.lines()[0])
        for status, where, reason in summary.problems[:5]:
            print(f"    {status}: {where}: {reason}")
        print(f"  {args.count / elapsed:.1f} documents/s ({elapsed:.1f} s)")

    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    samples = results["first import"][2]
    print("\nfigures")
    print(f"  documents               {args.count}")
    for label, (_summary, elapsed, _samples) in results.items():
        print(f"  {label:<24}{args.count / elapsed:8.1f} documents/s  ({elapsed:.1f} s)")
    print("  RSS during first import " + ", ".join(f"{n}: {mb:.0f} MB" for n, mb, _t in samples))
    if len(samples) >= 2:
        print(f"  RSS growth {samples[0][0]}→{samples[-1][0]} rows: {samples[-1][1] - samples[0][1]:+.1f} MB")
    print(f"  peak RSS importer       {own:.0f} MB")
    print(f"  peak RSS subprocesses   {children:.0f} MB (text extraction)")
    if args.keep or args.workdir:
        print(f"work folder kept: {workdir}")
    else:
        shutil.rmtree(workdir, ignore_errors=True)
    return 1 if results["first import"][0].failed else 0


if __name__ == "__main__":
    sys.exit(main())
