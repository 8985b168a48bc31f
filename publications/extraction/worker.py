"""Extraction child process.

Run by ``runner.extract()`` as ``python -m publications.extraction.worker PATH
--kind KIND ...`` under CPU/memory/file-size limits; prints one JSON object on
stdout::

    {"status": "done"|"no_text"|"failed", "text": ..., "page_count": int|null,
     "reason": str, "truncated": bool, "kind": ..., "engine": ...}

This module is the thin entry point: argument parsing, dispatch by kind,
error mapping and the JSON output. The extractors live in ``pdf``, ``office``
and ``plaintext``; their public names stay importable from here (the
benchmark calls ``worker.pdf_page_texts``). Imports nothing from Django.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import zipfile

from .errors import BOMB, Failed, near_memory_limit
from .office import (
    ZIP_MAX_MEMBERS,
    ZIP_MAX_RATIO,
    ZIP_MAX_TOTAL,
    ZIP_RATIO_MIN_SIZE,
    check_zip,
    extract_docx,
    extract_odt,
    extract_xlsx,
)
from .pdf import (
    MIN_LETTERS_PER_PAGE,
    OCR_DPI,
    OCR_MAX_PAGES,
    PDF_ENGINE,
    PDF_MAX_STREAM,
    PDF_MAX_TOTAL_INFLATE,
    PREVIEW_WIDTH,
    check_pdf_streams,
    extract_pdf,
    ocr_pdf,
    pdf_page_texts,
    render_preview,
)
from .plaintext import extract_txt
from .text import TextSink

__all__ = [
    "BOMB",
    "MEMORY_EXIT",
    "MIN_LETTERS_PER_PAGE",
    "OCR_DPI",
    "OCR_MAX_PAGES",
    "PDF_ENGINE",
    "PDF_MAX_STREAM",
    "PDF_MAX_TOTAL_INFLATE",
    "PREVIEW_WIDTH",
    "ZIP_MAX_MEMBERS",
    "ZIP_MAX_RATIO",
    "ZIP_MAX_TOTAL",
    "ZIP_RATIO_MIN_SIZE",
    "Failed",
    "check_pdf_streams",
    "check_zip",
    "extract_docx",
    "extract_odt",
    "extract_pdf",
    "extract_txt",
    "extract_xlsx",
    "main",
    "near_memory_limit",
    "ocr_pdf",
    "pdf_page_texts",
    "render_preview",
    "run",
]

MEMORY_EXIT = 3


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
