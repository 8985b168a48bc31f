"""PDF extraction in the child: opening (PDFium, or pypdf as a fallback), the
decompression-bomb pre-check, page text, OCR of scanned pages and the
first-page preview.

Imports nothing from Django (the benchmark calls ``pdf_page_texts``).
"""

from __future__ import annotations

import mmap
import os
import re
import shutil
import subprocess
import tempfile
import zlib

from .errors import BOMB, Failed
from .text import TextSink, count_letters

try:
    import pypdfium2 as _pdfium

    PDF_ENGINE = f"pypdfium2 {_pdfium.version.PYPDFIUM_INFO} (PDFium {_pdfium.version.PDFIUM_INFO.build})"
except ModuleNotFoundError:  # pragma: no cover - fallback when pypdfium2 is not installed
    _pdfium = None
    try:
        import pypdf as _pypdf

        PDF_ENGINE = f"pypdf {_pypdf.__version__}"
    except ModuleNotFoundError:
        _pypdf = None
        PDF_ENGINE = "none"

if os.environ.get("PUBLICATIONS_PDF_ENGINE") == "pypdf":  # for testing the fallback
    import pypdf as _pypdf

    _pdfium = None
    PDF_ENGINE = f"pypdf {_pypdf.__version__}"

# Limits for compressed content in PDF Flate streams.
PDF_MAX_STREAM = 256 * 1024 * 1024  # one inflated Flate stream
PDF_MAX_TOTAL_INFLATE = 1024 * 1024 * 1024
MIN_LETTERS_PER_PAGE = 10  # below this on average: "no text layer"
OCR_MAX_PAGES = 20
OCR_DPI = 300


def check_pdf_streams(path: str, max_stream: int = PDF_MAX_STREAM, max_total: int = PDF_MAX_TOTAL_INFLATE) -> None:
    """Inflate every Flate stream in the file without keeping the output,
    and fail if one (or all together) would expand beyond the limits.

    A cheap pre-check (zlib in C, output discarded): PDFium aborts the process
    when a decompression bomb hits the memory limit, and then nothing could
    tell a bomb from a merely huge document.
    """
    size = os.path.getsize(path)
    if size == 0:
        return
    total = 0
    with open(path, "rb") as fh, mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ) as mm:
        for match in re.finditer(rb"(?<!end)stream(?:\r\n|\n|\r)", mm):
            start = match.end()
            head = mm[start : start + 2]
            if len(head) < 2 or head[0] & 0x0F != 8 or ((head[0] << 8) | head[1]) % 31:
                continue  # not a zlib header (raw/DCT/JBIG2/encrypted data)
            d = zlib.decompressobj()
            produced = 0
            pos = start
            try:
                while pos < size and not d.eof:
                    chunk = mm[pos : pos + 65536]
                    pos += len(chunk)
                    out = d.decompress(chunk, 1 << 20)
                    produced += len(out)
                    while d.unconsumed_tail and produced <= max_stream:
                        out = d.decompress(d.unconsumed_tail, 1 << 20)
                        produced += len(out)
                    if produced > max_stream or total + produced > max_total:
                        raise Failed(BOMB, "bomb")
            except zlib.error:
                pass  # corrupt stream: let the PDF engine deal with it
            total += produced


def _pdf_tail_ok(path: str) -> bool:
    size = os.path.getsize(path)
    with open(path, "rb") as fh:
        fh.seek(max(0, size - 65536))
        return b"%%EOF" in fh.read()


def _open_pdfium(path: str):
    try:
        return _pdfium.PdfDocument(path)
    except _pdfium.PdfiumError as exc:
        code = getattr(exc, "err_code", None)
        raw = _pdfium.raw
        if code == raw.FPDF_ERR_PASSWORD:
            raise Failed("encrypted PDF", "encrypted")
        if code == raw.FPDF_ERR_SECURITY:
            raise Failed("encrypted PDF (unsupported encryption method)", "encrypted")
        msg = str(exc).replace("Failed to load document ", "").strip(" ().")
        raise Failed(f"truncated or corrupt PDF: {msg or 'cannot be opened'}", "corrupt")


def pdf_page_texts(path: str, max_chars: int | None = None):
    """Return the raw text of each page (engine-specific, unnormalised).

    With ``max_chars`` stops early once that many characters were read and
    returns ``(texts, page_count)`` instead.
    """
    texts, count = _pdf_pages(path, max_chars)
    return texts if max_chars is None else (texts, count)


def _pdf_pages(path: str, max_chars: int | None, max_stream: int = PDF_MAX_STREAM):
    check_pdf_streams(path, max_stream)
    texts: list[str] = []
    seen = 0
    if _pdfium is not None:
        doc = _open_pdfium(path)
        try:
            count = len(doc)
            for i in range(count):
                page = doc[i]
                try:
                    tp = page.get_textpage()
                    try:
                        texts.append(tp.get_text_bounded())
                    finally:
                        tp.close()
                finally:
                    page.close()
                seen += len(texts[-1])
                if max_chars is not None and seen > 2 * max_chars + 10000:
                    break
        finally:
            doc.close()
    else:
        texts, count = _pypdf_pages(path, max_chars)
    if not _pdf_tail_ok(path):
        raise Failed(
            "truncated or corrupt PDF: the file ends before its end-of-file marker (incomplete upload?)", "corrupt"
        )
    return texts, count


def _pypdf_pages(path: str, max_chars: int | None):
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, FileNotDecryptedError, LimitReachedError, PdfReadError

    try:
        reader = PdfReader(path)
        if reader.is_encrypted:
            try:
                ok = reader.decrypt("")
            except DependencyError:
                raise Failed("encrypted PDF (AES: needs the cryptography package)", "encrypted")
            if not ok:
                raise Failed("encrypted PDF", "encrypted")
        count = len(reader.pages)
        texts = []
        seen = 0
        for page in reader.pages:
            texts.append(page.extract_text() or "")
            seen += len(texts[-1])
            if max_chars is not None and seen > 2 * max_chars + 10000:
                break
        return texts, count
    except LimitReachedError:
        raise Failed(BOMB, "bomb")
    except DependencyError:
        raise Failed("encrypted PDF (AES: needs the cryptography package)", "encrypted")
    except FileNotDecryptedError:
        raise Failed("encrypted PDF", "encrypted")
    except (
        PdfReadError,
        ValueError,
        KeyError,
        TypeError,
        AttributeError,
        IndexError,
        AssertionError,
        zlib.error,
        RecursionError,
    ) as exc:
        raise Failed(f"truncated or corrupt PDF: {exc}", "corrupt")


def extract_pdf(path: str, sink: TextSink, ocr_pages: int = 0, max_stream: int = PDF_MAX_STREAM) -> dict:
    texts, count = _pdf_pages(path, sink.max_chars, max_stream)
    for t in texts:
        sink.add(t)
    if len(texts) < count and sink.length >= sink.max_chars:
        sink.truncated = True
    letters = count_letters(sink.text())
    if count == 0:
        return {"status": "no_text", "reason": "the PDF has no pages", "page_count": 0}
    if letters >= max(15, MIN_LETTERS_PER_PAGE * count) or (sink.truncated and letters):
        return {"status": "done", "page_count": count}
    result = {"status": "no_text", "reason": "no text layer (scanned?)", "page_count": count}
    if ocr_pages:
        ocr = ocr_pdf(path, count, ocr_pages, sink.max_chars)
        if ocr is not None:
            return {**ocr, "page_count": count}
        result["reason"] += "; OCR is not available (tesseract not installed)"
    return result


def _tesseract_langs(tesseract: str) -> str:
    try:
        out = subprocess.run([tesseract, "--list-langs"], capture_output=True, text=True, timeout=30).stdout
    except (OSError, subprocess.SubprocessError):
        return "eng"
    have = set(out.split())
    langs = [lang for lang in ("eng", "rus") if lang in have]
    return "+".join(langs) or "eng"


def ocr_pdf(path: str, count: int, max_pages: int, max_chars: int) -> dict | None:
    """OCR the first ``max_pages`` pages; None when tesseract is missing."""
    tesseract = shutil.which("tesseract")
    if not tesseract:
        return None
    langs = _tesseract_langs(tesseract)
    pages = min(count, max_pages)
    sink = TextSink(max_chars)
    with tempfile.TemporaryDirectory(prefix="ocr-") as tmp:
        for i in range(pages):
            img = os.path.join(tmp, f"p{i}.png")
            _render_page(path, i, img)
            try:
                proc = subprocess.run(
                    [tesseract, img, "stdout", "-l", langs, "--psm", "3"],
                    capture_output=True,
                    timeout=300,
                )
            except subprocess.TimeoutExpired:
                raise Failed("OCR took too long")
            if proc.returncode != 0:
                err = proc.stderr.decode("utf-8", "replace").strip().splitlines()
                raise Failed(f"OCR failed: {err[-1] if err else proc.returncode}")
            sink.add(proc.stdout.decode("utf-8", "replace"))
            os.unlink(img)
            if sink.full:
                break
    text = sink.text()
    note = f"text recognised by OCR ({langs})"
    if pages < count:
        note += f"; only the first {pages} of {count} pages"
    if count_letters(text) < 30:
        return {
            "status": "no_text",
            "reason": "no text layer (scanned?), and OCR found no text",
            "text": text,
            "truncated": sink.truncated,
        }
    return {"status": "done", "reason": note, "text": text, "truncated": sink.truncated or pages < count}


PREVIEW_WIDTH = 360


def render_preview(path: str, out_png: str) -> bool:
    """A small colour image of the first page, for the reader's file list; False if it cannot be drawn."""
    if _pdfium is None:
        return False
    try:
        doc = _pdfium.PdfDocument(path)
        try:
            page = doc[0]
            width = page.get_width() or PREVIEW_WIDTH
            bitmap = page.render(scale=PREVIEW_WIDTH / width)
            bitmap.to_pil().convert("RGB").save(out_png, optimize=True)
            page.close()
        finally:
            doc.close()
    except Exception:  # a preview is a nicety: the text matters more
        return False
    return True


def _render_page(path: str, index: int, out_png: str) -> None:
    if _pdfium is not None:
        doc = _pdfium.PdfDocument(path)
        try:
            page = doc[index]
            bitmap = page.render(scale=OCR_DPI / 72, grayscale=True)
            bitmap.to_pil().save(out_png)
            page.close()
        finally:
            doc.close()
        return
    pdftoppm = shutil.which("pdftoppm")
    if not pdftoppm:
        raise Failed("OCR needs pypdfium2 or pdftoppm (poppler-utils) to render pages")
    prefix = out_png[:-4]
    subprocess.run(
        [
            pdftoppm,
            "-r",
            str(OCR_DPI),
            "-gray",
            "-png",
            "-singlefile",
            "-f",
            str(index + 1),
            "-l",
            str(index + 1),
            path,
            prefix,
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
