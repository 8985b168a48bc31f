"""Extraction child process.

Run by ``runner.extract()`` as ``python -m publications.extraction.worker PATH
--kind KIND ...`` under CPU/memory/file-size limits; prints one JSON object on
stdout::

    {"status": "done"|"no_text"|"failed", "text": ..., "page_count": int|null,
     "reason": str, "truncated": bool, "kind": ..., "engine": ...}

The module can also be imported (the benchmark calls ``pdf_page_texts``) and
imports nothing from Django.
"""

from __future__ import annotations

import argparse
import json
import mmap
import os
import re
import shutil
import subprocess
import sys
import tempfile
import warnings
import zipfile
import zlib

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

# Limits for compressed content (ZIP members and PDF Flate streams).
ZIP_MAX_MEMBERS = 10_000
ZIP_MAX_TOTAL = 300 * 1024 * 1024  # sum of uncompressed member sizes
ZIP_MAX_RATIO = 200  # per member, when it is also large:
ZIP_RATIO_MIN_SIZE = 20 * 1024 * 1024
PDF_MAX_STREAM = 256 * 1024 * 1024  # one inflated Flate stream
PDF_MAX_TOTAL_INFLATE = 1024 * 1024 * 1024
MIN_LETTERS_PER_PAGE = 10  # below this on average: "no text layer"
OCR_MAX_PAGES = 20
OCR_DPI = 300

BOMB = "compressed content expands beyond the limit"
MEMORY_EXIT = 3


def near_memory_limit(fraction: float = 0.8) -> bool:
    """True if this process's peak address space came close to RLIMIT_AS:
    libraries report failed allocations in odd ways (lxml: "unknown error",
    zlib: "Error -4"), so a failure near the limit is blamed on memory."""
    try:
        import resource

        limit = resource.getrlimit(resource.RLIMIT_AS)[0]
        if limit == resource.RLIM_INFINITY or limit <= 0:
            return False
        with open("/proc/self/status") as fh:
            for line in fh:
                if line.startswith("VmPeak:"):
                    return int(line.split()[1]) * 1024 >= fraction * limit
    except (OSError, ValueError, ImportError):
        pass
    return False


class Failed(Exception):
    """Extraction failed with a human-readable reason."""

    def __init__(self, reason: str, code: str = "failed"):
        super().__init__(reason)
        self.reason = reason
        self.code = code


# --------------------------------------------------------------------- PDF


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
    if letters >= max(30, MIN_LETTERS_PER_PAGE * count) or (sink.truncated and letters):
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


# --------------------------------------------------------------- ZIP-based


def check_zip(path: str) -> None:
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
    except zipfile.BadZipFile as exc:
        raise Failed(f"damaged ZIP container: {exc}", "corrupt")
    if len(infos) > ZIP_MAX_MEMBERS:
        raise Failed(f"too many files inside the archive ({len(infos)})", "bomb")
    total = 0
    for info in infos:
        total += info.file_size
        if total > ZIP_MAX_TOTAL:
            raise Failed(BOMB, "bomb")
        if info.file_size > ZIP_RATIO_MIN_SIZE and info.file_size > ZIP_MAX_RATIO * max(1, info.compress_size):
            raise Failed(BOMB, "bomb")


def extract_docx(path: str, sink: TextSink) -> dict:
    import docx
    from docx.oxml.ns import qn
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    document = docx.Document(path)
    seen_cells: set = set()

    def blocks(parent, element):
        # like iter_inner_content(), but also descends into content controls
        for child in element.iterchildren():
            tag = child.tag
            if tag == qn("w:p"):
                yield Paragraph(child, parent)
            elif tag == qn("w:tbl"):
                yield Table(child, parent)
            elif tag == qn("w:sdt"):
                content = child.find(qn("w:sdtContent"))
                if content is not None:
                    yield from blocks(parent, content)

    def walk(container) -> None:
        if container is document:
            parent, element = document._body, document.element.body
        else:
            parent, element = container, container._element
        for block in blocks(parent, element):
            if sink.full:
                sink.truncated = True
                return
            if isinstance(block, Paragraph):
                sink.add(block.text, "\n")
            elif isinstance(block, Table):
                walk_table(block)

    def walk_table(table) -> None:
        for row in table.rows:
            cells = []
            for cell in row.cells:
                if cell._tc in seen_cells:  # merged cells repeat (kept alive: same proxy)
                    continue
                seen_cells.add(cell._tc)
                cells.append(cell)
            parts = []
            for cell in cells:
                nested = cell.tables
                parts.append("\n".join(p.text for p in cell.paragraphs))
                for t in nested:
                    walk_table(t)
            sink.add("\t".join(parts), "\n")

    for section in document.sections:
        for hf in (section.first_page_header, section.header, section.even_page_header):
            if not hf.is_linked_to_previous:
                walk(hf)
    walk(document)
    for section in document.sections:
        for hf in (section.first_page_footer, section.footer, section.even_page_footer):
            if not hf.is_linked_to_previous:
                walk(hf)
    return {
        "status": "done" if sink.text() else "no_text",
        "page_count": None,
        **({} if sink.text() else {"reason": "the document contains no text"}),
    }


_ODF_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
_ODF_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"


def extract_odt(path: str, sink: TextSink) -> dict:
    from lxml import etree

    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, huge_tree=False, remove_comments=True, remove_pis=True
    )
    with zipfile.ZipFile(path) as zf, zf.open("content.xml") as fh:
        root = etree.parse(fh, parser).getroot()
    body = root.find(f"{{{_ODF_OFFICE}}}body")
    if body is None:
        raise Failed("damaged ODT: no document body", "corrupt")
    paragraph_tags = {f"{{{_ODF_TEXT}}}p", f"{{{_ODF_TEXT}}}h"}
    skip = {f"{{{_ODF_TEXT}}}note-citation", f"{{{_ODF_TEXT}}}tracked-changes", f"{{{_ODF_OFFICE}}}annotation"}
    space, tab, brk = f"{{{_ODF_TEXT}}}s", f"{{{_ODF_TEXT}}}tab", f"{{{_ODF_TEXT}}}line-break"

    def para_text(p) -> str:
        out: list[str] = []
        stack = [(p, False)]
        while stack:
            el, closing = stack.pop()
            if closing:
                if el is not p and el.tail:
                    out.append(el.tail)
                continue
            if el.tag in skip:
                if el.tail:
                    out.append(el.tail)
                continue
            if el.tag == space:
                out.append(" " * min(int(el.get(f"{{{_ODF_TEXT}}}c", "1") or 1), 100))
            elif el.tag == tab:
                out.append("\t")
            elif el.tag == brk:
                out.append("\n")
            elif el.text:
                out.append(el.text)
            stack.append((el, True))
            for child in reversed(el):
                if isinstance(child.tag, str):
                    stack.append((child, False))
        return "".join(out)

    for el in body.iter(*paragraph_tags):
        if sink.full:
            sink.truncated = True
            break
        # nested paragraphs (in notes, frames) are read with their parent
        if any(a.tag in paragraph_tags for a in el.iterancestors()):
            continue
        sink.add(para_text(el), "\n")
    text = sink.text()
    return {
        "status": "done" if text else "no_text",
        "page_count": None,
        **({} if text else {"reason": "the document contains no text"}),
    }


def extract_xlsx(path: str, sink: TextSink) -> dict:
    import openpyxl

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    nonempty_rows = 0
    try:
        for ws in wb.worksheets:
            if sink.full:
                sink.truncated = True
                break
            sink.add(f"{ws.title}")
            for row in ws.iter_rows(values_only=True):
                if sink.full:
                    sink.truncated = True
                    break
                cells = [_cell(v) for v in row if v is not None and v != ""]
                if cells:
                    nonempty_rows += 1
                    sink.add("\t".join(cells), "\n")
    finally:
        wb.close()
    has_cells = nonempty_rows > 0
    return {
        "status": "done" if has_cells else "no_text",
        "page_count": None,
        **({} if has_cells else {"reason": "the spreadsheet has no cell values"}),
    }


def _cell(value) -> str:
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return str(value)


# --------------------------------------------------------------------- TXT


def extract_txt(path: str, sink: TextSink, encoding: str | None) -> dict:
    from .sniff import TEXT_SAMPLE_BYTES, sniff_bytes_text

    budget = 4 * sink.max_chars + 4096  # bytes: enough for max_chars of any UTF-8
    with open(path, "rb") as fh:
        data = fh.read(budget)
        more = bool(fh.read(1))
    if not encoding:
        encoding = sniff_bytes_text(data[:TEXT_SAMPLE_BYTES], complete=len(data) < TEXT_SAMPLE_BYTES) or "utf-8"
    if more and encoding.startswith("utf-16"):
        data = data[: len(data) // 2 * 2]
    text = data.decode(encoding, errors="replace")
    if more:
        text = text.rstrip("\ufffd")  # a character cut at the read limit
        sink.truncated = True
    sink.add(text)
    text = sink.text()
    return {
        "status": "done" if text else "no_text",
        "page_count": None,
        **({} if text else {"reason": "the file contains only whitespace"}),
    }


# -------------------------------------------------------------------- main


def run(
    path: str, kind: str, max_chars: int, ocr_pages: int = 0, encoding: str | None = None, memory_mb: int | None = None
) -> dict:
    sink = TextSink(max_chars)
    if kind == "pdf":
        max_stream = PDF_MAX_STREAM
        if memory_mb:  # PDFium holds a whole inflated stream in memory
            max_stream = min(max_stream, memory_mb * 1024 * 1024 // 4)
        res = extract_pdf(path, sink, ocr_pages, max_stream)
    elif kind in ("docx", "xlsx", "odt"):
        check_zip(path)
        label = kind.upper()
        try:
            res = {"docx": extract_docx, "xlsx": extract_xlsx, "odt": extract_odt}[kind](path, sink)
        except (Failed, MemoryError):
            raise
        except zipfile.BadZipFile as exc:
            raise Failed(f"damaged {label} (broken ZIP container: {exc})", "corrupt")
        except KeyError as exc:
            raise Failed(f"damaged {label}: a required part is missing ({exc})", "corrupt")
        except Exception as exc:  # lxml/openpyxl/python-docx parse errors
            if near_memory_limit():
                raise MemoryError from exc
            raise Failed(f"damaged {label}: {type(exc).__name__}: {exc}"[:300], "corrupt")
    elif kind == "txt":
        res = extract_txt(path, sink, encoding)
    else:
        raise Failed(f"unsupported file type {kind!r}")
    res.setdefault("text", sink.text())
    res.setdefault("truncated", sink.truncated)
    res.setdefault("reason", "")
    res["kind"] = kind
    return res


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Extract text from one file; print JSON.")
    ap.add_argument("path")
    ap.add_argument("--kind", required=True, choices=["pdf", "docx", "odt", "xlsx", "txt"])
    ap.add_argument("--max-chars", type=int, default=1_000_000)
    ap.add_argument("--ocr-pages", type=int, default=0, help="OCR up to N pages of a scanned PDF (0: no OCR)")
    ap.add_argument("--encoding", default=None, help="text encoding for --kind txt")
    ap.add_argument("--memory-mb", type=int, default=None, help="the memory limit the parent set (scales bomb limits)")
    ap.add_argument("--preview", default=None, help="write a PNG of the first page of a PDF here")
    args = ap.parse_args(argv)
    try:
        res = run(args.path, args.kind, args.max_chars, args.ocr_pages, args.encoding, args.memory_mb)
        res["engine"] = PDF_ENGINE if args.kind == "pdf" else None
        if args.preview and args.kind == "pdf" and res.get("status") != "failed":
            res["preview"] = render_preview(args.path, args.preview)
        rc = 0
    except Failed as exc:
        if exc.code == "corrupt" and near_memory_limit():
            os.write(1, b'{"status": "failed", "code": "memory"}')
            os._exit(MEMORY_EXIT)
        res = {"status": "failed", "reason": exc.reason, "code": exc.code, "kind": args.kind}
        rc = 0
    except MemoryError:
        os.write(1, b'{"status": "failed", "code": "memory"}')
        os._exit(MEMORY_EXIT)
    except RecursionError:
        res = {"status": "failed", "reason": "the file is nested too deeply to read", "kind": args.kind}
        rc = 0
    except OSError as exc:
        res = {"status": "failed", "reason": f"cannot read the file ({exc.strerror or exc})", "kind": args.kind}
        rc = 0
    except Exception as exc:  # a library bug or a file it chokes on: never a traceback
        if near_memory_limit():
            os.write(1, b'{"status": "failed", "code": "memory"}')
            os._exit(MEMORY_EXIT)
        res = {
            "status": "failed",
            "kind": args.kind,
            "reason": f"could not read the {args.kind.upper()}: {type(exc).__name__}: {exc}"[:300],
        }
        rc = 0
    data = json.dumps(res, ensure_ascii=False).encode("utf-8")
    out = sys.stdout.buffer
    out.write(data)
    out.flush()
    return rc


if __name__ == "__main__":
    sys.exit(main())
