"""Content sniffing and sandboxed text extraction (publications.extraction).

Every input is generated here. Needs the DejaVuSans TTF (Debian package
fonts-dejavu-core) for PDFs with Cyrillic text; the OCR test runs only where
tesseract (tesseract-ocr, tesseract-ocr-rus) is installed. No database.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
import zipfile
import zlib
from pathlib import Path

import pytest

from publications.extraction import EXTENSIONS, MIME, extract, sniff
from publications.extraction.text import normalize_text

REPO_ROOT = Path(__file__).resolve().parents[2]
RU = "Соглашение о реадмиссии: реадмиссия лиц, незаконно находящихся на территории, — ёмкость «пунктов»."
EN = "The readmission agreement sets out the procedure for transferring persons."
FONT_PATHS = [
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/TTF/DejaVuSans.ttf",
    "/usr/share/fonts/dejavu/DejaVuSans.ttf",
]


# ------------------------------------------------------------------ builders


@pytest.fixture(scope="session")
def font() -> str:
    for path in FONT_PATHS:
        if os.path.exists(path):
            return path
    pytest.fail("DejaVuSans.ttf not found: install the Debian package fonts-dejavu-core")


def text_pdf(path: Path, font: str, pages: list[list[str]], **kw) -> Path:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    if "DejaVuSans" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("DejaVuSans", font))
    c = canvas.Canvas(str(path), **kw)
    for lines in pages:
        c.setFont("DejaVuSans", 9)  # long lines must stay on the page
        y = 780
        for line in lines:
            c.drawString(50, y, line)
            y -= 16
        c.showPage()
    c.save()
    return path


def raw_pdf(path: Path, content: bytes, pages: int = 1, compressed: bytes | None = None) -> Path:
    """A minimal hand-written PDF whose pages all share one content stream."""
    data = compressed if compressed is not None else zlib.compress(content)
    kids = b" ".join(b"%d 0 R" % (5 + i) for i in range(pages))
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % pages,
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(data) + data + b"\nendstream",
    ]
    page = (
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
        b" /Resources << /Font << /F1 3 0 R >> >> >>"
    )
    objs += [page] * pages
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, obj in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + obj + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    path.write_bytes(bytes(out))
    return path


def deflate_zeros(n_bytes: int) -> bytes:
    """A valid zlib stream of ``n_bytes`` zeros, built in milliseconds: after a
    full flush each 16 MiB block compresses to the same bytes, so one is repeated."""
    chunk = b"\0" * (16 << 20)
    co = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = co.compress(chunk) + co.flush(zlib.Z_FULL_FLUSH)
    assert co.compress(chunk) + co.flush(zlib.Z_FULL_FLUSH) == block
    n = n_bytes // len(chunk)
    adler = ((n * len(chunk)) % 65521) << 16 | 1  # adler32 of n_bytes zeros
    return b"\x78\xda" + block * n + co.flush() + adler.to_bytes(4, "big")


def png_bytes(text: str | None = None, font: str | None = None, size=(1654, 2339)) -> bytes:
    from PIL import Image, ImageDraw, ImageFont

    img = Image.new("L", size, 255)
    if text:
        draw = ImageDraw.Draw(img)
        face = ImageFont.truetype(font, 56)
        for i, line in enumerate(text.splitlines()):
            draw.text((120, 200 + i * 110), line, fill=0, font=face)
    buf = io.BytesIO()
    img.save(buf, "PNG")
    return buf.getvalue()


def image_pdf(path: Path, png: bytes) -> Path:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=A4)
    c.drawImage(ImageReader(io.BytesIO(png)), 0, 0, width=A4[0], height=A4[1])
    c.showPage()
    c.save()
    return path


@pytest.fixture
def ru_pdf(tmp_path, font):
    return text_pdf(tmp_path / "policy.pdf", font, [[EN, RU, "Миграционная политика Российской Федерации"]])


# ---------------------------------------------------------------- sniffing


def test_sniff_recognises_each_supported_kind(tmp_path, ru_pdf):
    import docx
    import openpyxl

    d = docx.Document()
    d.add_paragraph(RU)
    d.save(tmp_path / "a.docx")
    wb = openpyxl.Workbook()
    wb.active["A1"] = RU
    wb.save(tmp_path / "a.xlsx")
    (tmp_path / "a.txt").write_text(RU, encoding="utf-8")
    assert sniff(ru_pdf).kind == "pdf"
    assert sniff(tmp_path / "a.docx").kind == "docx"
    assert sniff(tmp_path / "a.xlsx").kind == "xlsx"
    assert sniff(tmp_path / "a.txt").kind == "txt"
    assert sniff(ru_pdf).mime == MIME["pdf"] == "application/pdf"
    assert EXTENSIONS["docx"] == ".docx"


@pytest.mark.parametrize(
    "content, expected",
    [
        (b"", "empty file"),
        (b"\x89PNG\r\n\x1a\n" + b"\0" * 64, "looks like a PNG image: upload images through Images"),
        (b"\xff\xd8\xff\xe0\0\x10JFIF" + b"\0" * 64, "looks like a JPEG image"),
        (b"MZ\x90\0" + b"\0" * 200, "an executable"),
        (b"\x7fELF\x02\x01\x01" + b"\0" * 200, "an executable"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 200, "old-format Microsoft Office file"),
        (b"\0\1\2\3binary\xff\xfe" * 20, "binary file"),
        (b"caf\xe9 na\xefve r\xe9sum\xe9 d\xe9j\xe0 vu " * 5, "text in an unknown encoding"),  # Latin-1, not cp1251
    ],
)
def test_sniff_refuses_with_plain_reason(tmp_path, content, expected):
    path = tmp_path / "upload.pdf"
    path.write_bytes(content)
    result = sniff(path)
    assert result.kind is None
    assert expected in result.reason


def test_sniff_refuses_plain_zip(tmp_path):
    path = tmp_path / "archive.docx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("readme.txt", "hello")
    result = sniff(path)
    assert result.kind is None
    assert result.reason == "a ZIP archive that is not an Office document"


def test_png_renamed_pdf_is_refused_by_sniff_and_extract(tmp_path):
    path = tmp_path / "scan.pdf"
    path.write_bytes(png_bytes(size=(40, 40)))
    assert sniff(path).reason == "looks like a PNG image: upload images through Images"
    result = extract(path, expected_kind="pdf")
    assert result.status == "failed"
    assert result.reason == "looks like a PNG image: upload images through Images"


# -------------------------------------------------------------------- PDF


def test_pdf_with_english_and_russian_text(ru_pdf):
    result = extract(ru_pdf)
    assert result.status == "done", result.reason
    assert result.kind == "pdf"
    assert result.page_count == 1
    assert "реадмиссия" in result.text
    assert RU in result.text  # Cyrillic exactly right: ё, «», em dash
    assert EN in result.text
    assert not result.truncated


def test_multi_page_pdf_page_count(tmp_path, font):
    pages = [[f"Страница {i + 1}: реадмиссия", f"Page {i + 1}"] for i in range(7)]
    result = extract(text_pdf(tmp_path / "seven.pdf", font, pages))
    assert result.status == "done"
    assert result.page_count == 7
    assert "Страница 7: реадмиссия" in result.text


def encrypted_copy(source, path, user_password):
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(source))
    writer.encrypt(user_password=user_password, owner_password="owner")
    writer.write(path)
    return path


def test_encrypted_pdf_with_user_password_fails(tmp_path, ru_pdf):
    result = extract(encrypted_copy(ru_pdf, tmp_path / "locked.pdf", "secret"))
    assert result.status == "failed"
    assert result.reason == "encrypted PDF"
    assert result.text == ""


def test_encrypted_pdf_with_empty_user_password_is_read(tmp_path, ru_pdf):
    result = extract(encrypted_copy(ru_pdf, tmp_path / "restricted.pdf", ""))
    assert result.status == "done", result.reason
    assert "реадмиссия" in result.text


def test_truncated_pdf_fails(tmp_path, font):
    full = text_pdf(tmp_path / "full.pdf", font, [[RU] * 20 for _ in range(3)])
    data = full.read_bytes()
    cut = tmp_path / "cut.pdf"
    cut.write_bytes(data[: len(data) // 2])
    result = extract(cut)
    assert result.status == "failed"
    assert result.reason.startswith("truncated or corrupt PDF: ")


def test_pdf_compression_bomb_fails(tmp_path):
    # a 1 GiB content stream of zeros, about 1 MB on disk
    path = raw_pdf(tmp_path / "bomb.pdf", b"", compressed=deflate_zeros(1 << 30))
    assert path.stat().st_size < 3_000_000
    result = extract(path)
    assert result.status == "failed"
    assert result.reason == "compressed content expands beyond the limit"


def test_image_only_pdf_has_no_text(tmp_path):
    path = image_pdf(tmp_path / "scan.pdf", png_bytes(size=(200, 280)))
    result = extract(path)
    assert result.status == "no_text"
    assert result.reason.startswith("no text layer (scanned?)")
    assert result.page_count == 1


@pytest.fixture(scope="session")
def tesseract() -> list[str]:
    """Tesseract's installed languages; skips on a laptop without it, fails under CI=true (.ci/run installs it)."""
    if not shutil.which("tesseract"):
        missing = "OCR needs tesseract (Debian: tesseract-ocr, tesseract-ocr-rus)"
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI=true: {missing}")
        pytest.skip(missing)
    langs = subprocess.run(["tesseract", "--list-langs"], capture_output=True, text=True).stdout.split()
    if os.environ.get("CI") == "true" and "rus" not in langs:
        pytest.fail("CI=true: Tesseract lacks Russian (Debian: tesseract-ocr-rus)")
    return langs


def test_image_only_pdf_is_read_by_ocr(tmp_path, font, tesseract):
    png = png_bytes("Readmission agreement 2024\nСоглашение о реадмиссии", font)
    path = image_pdf(tmp_path / "scan.pdf", png)
    result = extract(path, ocr=True)
    assert result.status == "done", result.reason
    assert "OCR" in result.reason
    assert "Readmission agreement" in result.text
    if "rus" in tesseract:  # Debian: tesseract-ocr-rus (always under CI=true)
        assert "реадмиссии" in result.text


def test_pdf_renamed_docx_is_extracted_as_pdf_with_a_note(tmp_path, ru_pdf):
    path = tmp_path / "policy.docx"
    path.write_bytes(ru_pdf.read_bytes())
    result = extract(path, expected_kind="docx")
    assert result.status == "done"
    assert result.kind == "pdf"
    assert result.mime == "application/pdf"
    assert "file type says DOCX but content is PDF" in result.reason
    assert "реадмиссия" in result.text


@pytest.fixture(scope="module")
def cpu_hog(tmp_path_factory):
    # 2000 real pages sharing one content stream with 20,000 path operations:
    # about 15 s of CPU for PDFium (and far more for pypdf), 50 KB on disk
    content = b"BT /F1 12 Tf 72 720 Td (Readmission) Tj ET\n" + b"0 0 m 100 100 l S\n" * 20000
    return raw_pdf(tmp_path_factory.mktemp("hog") / "hog.pdf", content, pages=2000)


def test_cpu_time_limit(cpu_hog):
    result = extract(cpu_hog, cpu_seconds=1, wall_seconds=60)
    assert result.status == "failed"
    assert result.reason == "exceeded the CPU time limit (1 s)"


def test_wall_clock_limit(cpu_hog):
    result = extract(cpu_hog, wall_seconds=0.5)
    assert result.status == "failed"
    assert result.reason == "exceeded the time limit (0.5 s)"
    assert result.elapsed < 10


def test_memory_limit(tmp_path):
    # 500,000 one-letter paragraphs: 17 MB of XML that lxml cannot fit in 200 MB
    path = tmp_path / "big.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", CONTENT_TYPES)
        zf.writestr("_rels/.rels", RELS)
        with zf.open("word/document.xml", "w") as fh:
            fh.write(DOC_HEAD)
            block = b"<w:p><w:r><w:t>x</w:t></w:r></w:p>" * 1000
            for _ in range(500):
                fh.write(block)
            fh.write(DOC_TAIL)
    result = extract(path, memory_mb=200)
    assert result.status == "failed"
    assert result.reason == "exceeded the memory limit (200 MB)"


def test_max_chars_truncates(tmp_path):
    path = tmp_path / "long.txt"
    path.write_text("реадмиссия " * 10_000, encoding="utf-8")
    result = extract(path, max_chars=1000)
    assert result.status == "done"
    assert result.truncated
    assert len(result.text) <= 1000
    assert result.text.startswith("реадмиссия реадмиссия")


def test_works_from_another_directory(tmp_path, ru_pdf, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("PYTHONPATH", raising=False)
    result = extract(ru_pdf.name)  # a relative path, resolved against the caller's cwd
    assert result.status == "done"
    assert "реадмиссия" in result.text


def test_pypdf_fallback_engine(ru_pdf, monkeypatch):
    monkeypatch.setenv("PUBLICATIONS_PDF_ENGINE", "pypdf")
    result = extract(ru_pdf)
    assert result.status == "done"
    assert result.engine.startswith("pypdf ")
    assert RU in result.text


# -------------------------------------------------------- Office and text

CONTENT_TYPES = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    b'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    b'<Default Extension="xml" ContentType="application/xml"/>'
    b'<Override PartName="/word/document.xml" '
    b'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
)
RELS = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    b'<Relationship Id="rId1" Target="word/document.xml" '
    b'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"/></Relationships>'
)
DOC_HEAD = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document '
    b'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
)
DOC_TAIL = b"</w:body></w:document>"


def test_docx_paragraphs_tables_and_headers(tmp_path):
    import docx

    d = docx.Document()
    d.sections[0].header.paragraphs[0].text = "Пражский процесс — колонтитул"
    d.add_heading("Миграционная политика", level=1)
    d.add_paragraph(RU)
    table = d.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Страна"
    table.cell(0, 1).text = "Соглашение"
    table.cell(1, 0).text = "Грузия"
    table.cell(1, 1).text = "реадмиссия (2011)"
    d.add_paragraph("After the table")
    path = tmp_path / "doc.docx"
    d.save(path)
    result = extract(path, expected_kind="docx")
    assert result.status == "done", result.reason
    assert result.kind == "docx" and result.reason == ""
    assert RU in result.text
    assert "Грузия реадмиссия (2011)" in result.text
    assert "Пражский процесс — колонтитул" in result.text
    assert result.text.index("Страна") < result.text.index("After the table")


def test_zip_bomb_disguised_as_docx(tmp_path):
    path = tmp_path / "bomb.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
        zf.writestr("[Content_Types].xml", CONTENT_TYPES)
        zf.writestr("_rels/.rels", RELS)
        with zf.open("word/document.xml", "w", force_zip64=True) as fh:
            chunk = b"\0" * (16 << 20)
            for _ in range(32):  # 512 MiB
                fh.write(chunk)
    assert sniff(path).kind == "docx"
    result = extract(path, expected_kind="docx")
    assert result.status == "failed"
    assert result.reason == "compressed content expands beyond the limit"


ODT_CONTENT = """<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
    xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
    xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" office:version="1.3">
  <office:body><office:text>
    <text:h text:outline-level="1">Миграционная политика</text:h>
    <text:p>Соглашение о<text:s text:c="3"/>реадмиссии</text:p>
    <table:table table:name="T">
      <table:table-column table:number-columns-repeated="2"/>
      <table:table-row>
        <table:table-cell><text:p>Казахстан</text:p></table:table-cell>
        <table:table-cell><text:p>реадмиссия</text:p></table:table-cell>
      </table:table-row>
    </table:table>
  </office:text></office:body>
</office:document-content>
"""


def write_odt(path: Path, content_xml: str) -> None:
    """An OpenDocument text file as LibreOffice writes one: an uncompressed ``mimetype`` entry first."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(zipfile.ZipInfo("mimetype"), MIME["odt"], compress_type=zipfile.ZIP_STORED)
        zf.writestr("content.xml", content_xml)
        zf.writestr(
            "META-INF/manifest.xml",
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">'
            f'<manifest:file-entry manifest:full-path="/" manifest:media-type="{MIME["odt"]}"/>'
            '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
            "</manifest:manifest>",
        )


def test_odt(tmp_path):
    path = tmp_path / "doc.odt"
    write_odt(path, ODT_CONTENT)
    assert sniff(path).kind == "odt"
    result = extract(path)
    assert result.status == "done", result.reason
    assert "Миграционная политика" in result.text
    assert "Соглашение о реадмиссии" in result.text  # <text:s c="3"/> collapsed to one space
    assert "Казахстан" in result.text and "реадмиссия" in result.text


def test_xlsx_sheet_names_and_cells(tmp_path):
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Реадмиссия"
    ws.append(["Страна", "Год", "Число"])
    ws.append(["Армения", 2013, 1234.0])
    wb.create_sheet("Second").append(["Visa facilitation", 0.5])
    path = tmp_path / "stats.xlsx"
    wb.save(path)
    result = extract(path)
    assert result.status == "done", result.reason
    assert result.kind == "xlsx"
    assert "Реадмиссия" in result.text
    assert "Армения 2013 1234" in result.text
    assert "Second" in result.text and "Visa facilitation 0.5" in result.text


@pytest.mark.parametrize("encoding", ["utf-8", "cp1251"])
def test_plain_text_encodings(tmp_path, encoding):
    path = tmp_path / "note.txt"
    path.write_bytes(f"{RU}\r\n\r\n\r\n\r\nВторой   абзац\tс табуляцией.\n".encode(encoding))
    result = extract(path)
    assert result.status == "done"
    assert result.kind == "txt"
    assert result.text == f"{RU}\n\nВторой абзац с табуляцией."


def test_normalisation():
    assert normalize_text("a\x00b  \t c\r\n\n\n\nd\x07") == "ab c\n\nd"
    assert normalize_text("е\u0308лка") == "ёлка"  # NFC
    assert normalize_text("\ufb01nal\u00adly\u00a0done") == "finally done"


def test_child_is_a_plain_module_without_django(tmp_path, ru_pdf):
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    env["PYTHONPATH"] = str(REPO_ROOT)
    proc = subprocess.run(
        [sys.executable, "-m", "publications.extraction.worker", str(ru_pdf), "--kind", "pdf"],
        capture_output=True,
        cwd=tmp_path,
        env=env,
        check=True,
    )
    assert "реадмиссия" in proc.stdout.decode("utf-8")
    assert "django" not in proc.stderr.decode().lower()


def test_the_extractor_does_not_inherit_secrets(monkeypatch):
    from publications.extraction.runner import _child_env

    monkeypatch.setenv("SECRET_KEY", "do-not-leak")
    monkeypatch.setenv("DATABASE_URL", "postgres://user:password@db/prod")
    env = _child_env()
    assert "SECRET_KEY" not in env and "DATABASE_URL" not in env
    assert env["PYTHONPATH"].split(os.pathsep)[0]
