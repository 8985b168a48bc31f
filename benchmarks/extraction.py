"""Benchmark PDF text extraction against ``pdftotext`` (poppler).

Generates English and Russian PDFs with reportlab (DejaVuSans, realistic
migration-policy paragraphs), then measures for every file:

* the chosen extractor in-process (``publications.extraction.worker``),
* the same through ``publications.extraction.runner.extract()`` (subprocess
  with resource limits, i.e. what the site really runs),
* ``pdftotext`` on the same files (speed reference only),

and prints pages/s (median and p95 seconds per file, ratio vs pdftotext) and
character similarity of the extracted text to the source text (difflib ratio,
page by page), separately for Russian (Cyrillic) and English documents.

Run from the repository root::

    .venv/bin/python benchmarks/extraction.py            # 20 docs x 30 pages
    .venv/bin/python benchmarks/extraction.py --docs 6 --pages 10

Needs the DejaVuSans TTF (Debian: fonts-dejavu-core) and, for the
reference figures, pdftotext (Debian: poppler-utils).
"""

# ruff: noqa: E501 (long sample sentences and table rows)
from __future__ import annotations

import argparse
import difflib
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import unicodedata
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

FONT_CANDIDATES = [
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/TTF/DejaVuSans.ttf",
    "/usr/share/fonts/dejavu/DejaVuSans.ttf",
]

RU_SENTENCES = [
    "Соглашение о реадмиссии устанавливает порядок передачи лиц, незаконно находящихся на территории договаривающихся сторон.",
    "Федеральный закон № 115-ФЗ «О правовом положении иностранных граждан в Российской Федерации» определяет основания выдачи разрешения на временное проживание.",
    "Трудовые мигранты из государств — членов ЕАЭС освобождены от обязанности получать патент.",
    "Миграционный учёт иностранных граждан осуществляется по месту пребывания в течение семи рабочих дней.",
    "В 2023 году число выданных патентов выросло на 12,5 % по сравнению с предыдущим годом.",
    "Концепция государственной миграционной политики на 2019–2025 годы предусматривает упрощение процедур натурализации.",
    "Принимающая сторона обязана уведомить территориальный орган МВД России о прибытии иностранного гражданина.",
    "Ходатайство о предоставлении убежища рассматривается в срок, не превышающий трёх месяцев.",
    "Лица без гражданства имеют право на получение удостоверения личности в установленном порядке.",
    "Ёмкость пунктов временного размещения определяется с учётом санитарных норм и потребностей семей с детьми.",
    "Экзамен по русскому языку, истории России и основам законодательства обязателен для получения вида на жительство.",
    "Высококвалифицированные специалисты могут пригласить членов семьи без учёта квот.",
    "Депортация применяется в случае, если иностранный гражданин не покинул страну добровольно в установленный срок.",
    "Щедрые программы переселения соотечественников включают подъёмные выплаты и компенсацию расходов на переезд.",
    "Эффективность реинтеграционных мер оценивается по доле вернувшихся мигрантов, нашедших работу в течение года.",
]

EN_SENTENCES = [
    "The readmission agreement sets out the procedure for transferring persons who reside without authorisation on the territory of the contracting parties.",
    "Labour migrants from member states of the Eurasian Economic Union are exempt from the requirement to obtain a work patent.",
    "Migration registration of foreign nationals must be completed at the place of stay within seven working days.",
    "In 2023 the number of patents issued rose by 12.5% compared with the previous year.",
    "The State Migration Policy Concept for 2019-2025 provides for simplified naturalisation procedures.",
    "The receiving party is obliged to notify the territorial office of the Ministry of Internal Affairs of the arrival of a foreign national.",
    "An application for asylum shall be considered within a period not exceeding three months.",
    "Stateless persons are entitled to receive an identity document in accordance with the established procedure.",
    "Highly qualified specialists may invite family members without regard to annual quotas.",
    "Deportation applies where a foreign national has not left the country voluntarily within the prescribed period.",
    "Resettlement programmes for compatriots include relocation allowances and reimbursement of moving expenses.",
    "The effectiveness of reintegration measures is assessed by the share of returning migrants who find work within a year.",
    "Visa facilitation agreements reduce consular fees for students, researchers and journalists.",
    "Border authorities collect biometric data at the point of entry in line with data-protection safeguards.",
    "Municipal integration centres offer language courses, legal advice and assistance with school enrolment.",
]


def find_font() -> str:
    for path in FONT_CANDIDATES:
        if os.path.exists(path):
            return path
    for root in ("/usr/share/fonts", "/usr/local/share/fonts"):
        for dirpath, _dirs, files in os.walk(root):
            if "DejaVuSans.ttf" in files:
                return os.path.join(dirpath, "DejaVuSans.ttf")
    raise SystemExit("DejaVuSans.ttf not found: install fonts-dejavu-core (Debian) first")


def make_pdf(path: Path, lang: str, pages: int, seed: int) -> list[str]:
    """Write a ``pages``-page PDF; return the source text of each page."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import simpleSplit
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    if "DejaVuSans" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("DejaVuSans", find_font()))
    rng = random.Random(seed)
    pool = RU_SENTENCES if lang == "ru" else EN_SENTENCES
    width, height = A4
    margin, size, leading = 56, 10.5, 14
    lines_per_page = int((height - 2 * margin) / leading)
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setTitle(f"Benchmark {lang} {seed}")
    page_texts = []
    for page_no in range(pages):
        lines: list[str] = []
        if page_no == 0:
            title = "Миграционная политика: обзор" if lang == "ru" else "Migration policy: an overview"
            lines.append(title)
            lines.append("")
        while len(lines) < lines_per_page:
            para = " ".join(rng.choice(pool) for _ in range(rng.randint(2, 5)))
            wrapped = simpleSplit(para, "DejaVuSans", size, width - 2 * margin)
            if len(lines) + len(wrapped) > lines_per_page:
                break
            lines.extend(wrapped)
            lines.append("")
        c.setFont("DejaVuSans", size)
        y = height - margin
        for line in lines:
            if line:
                c.drawString(margin, y, line)
            y -= leading
        c.drawString(width / 2, margin / 2, str(page_no + 1))
        lines.append(str(page_no + 1))
        c.showPage()
        page_texts.append("\n".join(lines))
    c.save()
    return page_texts


def norm(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def similarity(source: str, extracted: str) -> float:
    a, b = norm(source), norm(extracted)
    if a == b:  # the common case; difflib is quadratic-ish on a 3,000-character page
        return 1.0
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


def pct(values: list[float], q: float) -> float:
    values = sorted(values)
    if not values:
        return float("nan")
    k = max(0, min(len(values) - 1, round(q * (len(values) - 1))))
    return values[k]


def run_pdftotext(path: Path) -> list[str]:
    out = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", "-layout", str(path), "-"],
        check=True,
        capture_output=True,
    ).stdout.decode("utf-8")
    pages = out.split("\f")
    if pages and not pages[-1].strip():
        pages = pages[:-1]
    return pages


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0],
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog=__doc__.split("\n\n", 1)[1],
    )
    ap.add_argument("--docs", type=int, default=20, help="number of documents, half Russian half English (default 20)")
    ap.add_argument("--pages", type=int, default=30, help="pages per document (default 30)")
    ap.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    ap.add_argument("--workdir", help="where to write the PDFs (default: a temporary dir, removed afterwards)")
    ap.add_argument("--no-subprocess", action="store_true", help="skip the extract() (subprocess) measurement")
    args = ap.parse_args(argv)

    from publications.extraction import worker
    from publications.extraction.runner import extract

    tmp = Path(args.workdir or tempfile.mkdtemp(prefix="extraction-bench-"))
    tmp.mkdir(parents=True, exist_ok=True)
    have_pdftotext = shutil.which("pdftotext") is not None
    docs = []
    t0 = time.perf_counter()
    for i in range(args.docs):
        lang = "ru" if i % 2 == 0 else "en"
        path = tmp / f"doc{i:03d}-{lang}.pdf"
        docs.append((path, lang, make_pdf(path, lang, args.pages, args.seed * 1000 + i)))
    print(f"generated {args.docs} PDFs x {args.pages} pages in {time.perf_counter() - t0:.1f} s ({tmp})")
    print(f"extractor: {worker.PDF_ENGINE}")

    results: dict[str, dict[str, list[float]]] = {}

    def record(name: str, key: str, value: float) -> None:
        results.setdefault(name, {}).setdefault(key, []).append(value)

    for path, lang, src_pages in docs:
        # in-process, page by page
        t = time.perf_counter()
        pages = worker.pdf_page_texts(str(path))
        record("in-process", "secs", time.perf_counter() - t)
        for s, e in zip(src_pages, pages):
            record("in-process", f"sim_{lang}", similarity(s, e))
        if len(pages) != len(src_pages):
            record("in-process", "page_mismatch", 1)

        if not args.no_subprocess:
            t = time.perf_counter()
            res = extract(str(path), expected_kind="pdf")
            record("extract()", "secs", time.perf_counter() - t)
            if res.status != "done" or res.page_count != len(src_pages):
                print(f"  extract() {path.name}: {res.status} {res.reason} pages={res.page_count}")
            # whole-document check against the in-process text (same engine)
            record("extract()", "same_as_inproc", float(norm(res.text) == norm(" ".join(pages))))

        if have_pdftotext:
            t = time.perf_counter()
            ref = run_pdftotext(path)
            record("pdftotext", "secs", time.perf_counter() - t)
            for s, e in zip(src_pages, ref):
                record("pdftotext", f"sim_{lang}", similarity(s, e))

    total_pages = args.docs * args.pages
    ref_median = statistics.median(results["pdftotext"]["secs"]) if have_pdftotext else None
    print()
    print(
        f"{'method':<12} {'pages/s':>9} {'median s/file':>14} {'p95 s/file':>11} {'vs pdftotext':>13} {'sim ru':>8} {'sim en':>8}"
    )
    for name, r in results.items():
        secs = r["secs"]
        pps = total_pages / sum(secs)
        med = statistics.median(secs)
        ratio = f"{ref_median / med:.2f}x" if ref_median else "n/a"
        sim_ru = r.get("sim_ru") or []
        sim_en = r.get("sim_en") or []
        fmt = lambda v: f"{100 * statistics.mean(v):.2f}%" if v else "-"  # noqa: E731
        print(
            f"{name:<12} {pps:>9.1f} {med:>14.3f} {pct(secs, 0.95):>11.3f} {ratio:>13} {fmt(sim_ru):>8} {fmt(sim_en):>8}"
        )
    if "extract()" in results:
        same = results["extract()"]["same_as_inproc"]
        print(
            f"\nextract() text identical to in-process text (whitespace-normalised): {int(sum(same))}/{len(same)} files"
        )
    if "page_mismatch" in results.get("in-process", {}):
        print("WARNING: page count mismatch in some files")
    print("'vs pdftotext' = pdftotext median time / method median time (1.00x = as fast; 0.50x = half its speed)")
    print("similarity = mean per-page difflib ratio of whitespace-normalised text vs the source text")
    if not args.workdir:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
