"""Run text extraction in a resource-limited child process.

``extract(path)`` never raises for a bad file: it returns an
``ExtractionResult`` whose ``status`` is ``done``, ``no_text`` or ``failed``
and whose ``reason`` explains, in plain English, anything a person should know.
"""

from __future__ import annotations

import json
import os
import resource
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from .sniff import EXTENSIONS, KINDS, MIME, sniff
from .text import normalize_text

__all__ = ["ExtractionResult", "extract", "WORKER_MODULE"]

_PACKAGE = __package__ or "publications.extraction"
WORKER_MODULE = f"{_PACKAGE}.worker"
# The directory that contains the top-level package ("publications"): the
# child gets it on PYTHONPATH and as cwd, so it works wherever the parent runs.
PACKAGE_ROOT = str(Path(__file__).resolve().parents[len(_PACKAGE.split("."))])

DEFAULT_OCR_PAGES = 20
STDERR_KEEP = 4096


@dataclass
class ExtractionResult:
    status: str  # 'done' | 'no_text' | 'failed'
    text: str = ""
    page_count: int | None = None  # PDFs only
    kind: str | None = None  # sniffed kind: pdf/docx/odt/xlsx/txt
    reason: str = ""  # why failed/no_text; for done, notes (OCR, lying type...)
    truncated: bool = False
    elapsed: float = 0.0  # seconds, wall clock
    mime: str | None = None  # MIME type of the sniffed kind
    engine: str | None = None  # PDF engine used, for the record
    preview: bool = False  # a first-page PNG was written to preview_path

    @property
    def ok(self) -> bool:
        return self.status == "done"


def _kind_from_hint(hint: str | None) -> str | None:
    """Accept a kind ('docx'), an extension ('.docx', 'report.DOCX') or a MIME type."""
    if not hint:
        return None
    h = hint.strip().lower()
    if h in KINDS:
        return h
    for kind, mime in MIME.items():
        if h == mime:
            return kind
    for kind, ext in EXTENSIONS.items():
        if h.endswith(ext):
            return kind
    return h.rsplit(".", 1)[-1] or h  # e.g. "doc": reported as "file type says DOC ..."


def _limits(cpu_seconds: int, memory_mb: int, fsize_mb: int):
    def apply() -> None:  # runs in the child between fork and exec
        cpu = max(1, int(cpu_seconds))
        resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 2))
        mem = int(memory_mb) * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (mem, mem))
        fsize = int(fsize_mb) * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_FSIZE, (fsize, fsize))
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))

    return apply


# The child parses untrusted files: it gets what it needs to run, never the parent's secrets
# (SECRET_KEY, DATABASE_URL, cloud credentials ...).
CHILD_ENV_KEEP = (
    "PATH",
    "HOME",
    "LANG",
    "LC_ALL",
    "LC_CTYPE",
    "TMPDIR",
    "TESSDATA_PREFIX",
    "VIRTUAL_ENV",
    "PYTHONPATH",
    "PUBLICATIONS_PDF_ENGINE",  # a test and benchmark switch: pypdf instead of pypdfium2
)


def _child_env() -> dict:
    env = {name: os.environ[name] for name in CHILD_ENV_KEEP if name in os.environ}
    old = env.get("PYTHONPATH")
    env["PYTHONPATH"] = PACKAGE_ROOT + (os.pathsep + old if old else "")
    env["PYTHONIOENCODING"] = "utf-8"
    env["OMP_THREAD_LIMIT"] = "1"  # tesseract: one thread, predictable memory
    env.pop("PYTHONSTARTUP", None)
    return env


def extract(
    path,
    *,
    expected_kind: str | None = None,
    cpu_seconds: int = 60,
    memory_mb: int = 1024,
    wall_seconds: float = 120,
    max_chars: int = 1_000_000,
    ocr=None,
    preview_path=None,
) -> ExtractionResult:
    """Sniff ``path`` and extract its text in a limited subprocess.

    ``expected_kind``: what the upload claims to be (kind, extension or MIME);
    if the content says otherwise the file is extracted as what it really is
    and ``reason`` says so. ``ocr``: truthy to OCR PDFs without a text layer
    (an int caps the number of pages, True means 20).
    """
    started = time.monotonic()

    def result(status: str, **kw) -> ExtractionResult:
        return ExtractionResult(status=status, elapsed=round(time.monotonic() - started, 3), **kw)

    path = os.path.abspath(os.fspath(path))
    if not os.path.isfile(path):
        return result("failed", reason="file not found")
    sniffed = sniff(path)
    if sniffed.kind is None:
        return result("failed", reason=sniffed.reason, mime=sniffed.mime)
    kind = sniffed.kind

    note = ""
    claimed = _kind_from_hint(expected_kind)
    if claimed and claimed != kind:
        note = f"file type says {claimed.upper()} but content is {kind.upper()}; extracted as {kind.upper()}"

    ocr_pages = 0
    if ocr:
        ocr_pages = DEFAULT_OCR_PAGES if ocr is True else max(0, int(ocr))

    cmd = [
        sys.executable,
        "-m",
        WORKER_MODULE,
        path,
        "--kind",
        kind,
        "--max-chars",
        str(int(max_chars)),
        "--memory-mb",
        str(int(memory_mb)),
    ]
    if ocr_pages and kind == "pdf":
        cmd += ["--ocr-pages", str(ocr_pages)]
    if kind == "txt" and sniffed.reason.startswith("text ("):
        cmd += ["--encoding", sniffed.reason[6:-1]]
    if preview_path and kind == "pdf":
        cmd += ["--preview", os.fspath(preview_path)]
    fsize_mb = 64 if ocr_pages else (4 if preview_path else 1)

    common = {"kind": kind, "mime": sniffed.mime}
    try:
        proc = subprocess.Popen(
            cmd,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            cwd=PACKAGE_ROOT,
            env=_child_env(),
            preexec_fn=_limits(cpu_seconds, memory_mb, fsize_mb),
            start_new_session=True,  # own process group: a timeout kills OCR helpers too
            close_fds=True,
        )
    except OSError as exc:
        return result("failed", reason=f"could not start the extractor: {exc}", **common)

    timed_out = False
    try:
        out, err = proc.communicate(timeout=wall_seconds)
    except subprocess.TimeoutExpired:
        timed_out = True
        _kill_group(proc)
        out, err = proc.communicate()
    finally:
        if proc.poll() is None:  # e.g. KeyboardInterrupt in communicate()
            _kill_group(proc)
            proc.wait()
    _kill_group(proc)  # leftovers (OCR helpers) of a finished worker
    rc = proc.returncode
    err_tail = err[-STDERR_KEEP:].decode("utf-8", "replace") if err else ""

    def failed(reason: str) -> ExtractionResult:
        return result("failed", reason=_with_note(reason, note), **common)

    if timed_out:
        return failed(f"exceeded the time limit ({_num(wall_seconds)} s)")

    data = None
    if out:
        try:
            data = json.loads(out.decode("utf-8"))
        except (ValueError, UnicodeDecodeError):
            data = None
    if data is not None and data.get("code") == "memory" or rc == 3:
        return failed(f"exceeded the memory limit ({_num(memory_mb)} MB)")
    if rc != 0 or data is None:
        return failed(_explain_crash(rc, err_tail, cpu_seconds, memory_mb))

    status = data.get("status")
    if status not in ("done", "no_text", "failed"):
        return failed("the extractor returned an unexpected answer")
    text = data.get("text") or ""
    truncated = bool(data.get("truncated"))
    if status != "failed":
        text = normalize_text(text)
        if len(text) > max_chars:
            text, truncated = text[:max_chars], True
    reason = data.get("reason") or ""
    if note:
        reason = _with_note(reason, note) if reason else note
    return result(
        status,
        text=text if status != "failed" else "",
        page_count=data.get("page_count"),
        reason=reason,
        truncated=truncated,
        engine=data.get("engine"),
        preview=bool(data.get("preview")),
        **common,
    )


def _with_note(reason: str, note: str) -> str:
    return f"{reason} ({note})" if note else reason


def _num(value) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)


def _kill_group(proc: subprocess.Popen) -> None:
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError, OSError):
        pass


def _explain_crash(rc: int | None, err: str, cpu_seconds, memory_mb) -> str:
    low = err.lower()
    if "memoryerror" in low or "cannot allocate memory" in low or "out of memory" in low:
        return f"exceeded the memory limit ({_num(memory_mb)} MB)"
    if rc is not None and rc < 0:
        sig = -rc
        if sig == signal.SIGXCPU:
            return f"exceeded the CPU time limit ({_num(cpu_seconds)} s)"
        if sig == signal.SIGXFSZ:
            return "wrote more temporary data than allowed"
        if sig == signal.SIGABRT and "Fatal Python error" not in err:
            # PDFium (C++) aborts when an allocation fails under RLIMIT_AS
            return f"exceeded the memory limit ({_num(memory_mb)} MB)"
        if sig == signal.SIGKILL:
            return f"the extractor was killed (out of memory or over the CPU time limit of {_num(cpu_seconds)} s)"
        try:
            name = signal.Signals(sig).name
        except ValueError:
            name = f"signal {sig}"
        return f"the extractor crashed ({name}) on this file; it is probably corrupt"
    last = err.strip().splitlines()[-1] if err.strip() else ""
    return f"the extractor failed unexpectedly (exit code {rc}{': ' + last[:200] if last else ''})"
