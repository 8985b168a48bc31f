"""Plain-text files in the child."""

from __future__ import annotations

from .text import TextSink


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
