"""Text normalisation shared by the worker and the runner."""

from __future__ import annotations

import re
import unicodedata

__all__ = ["normalize_text", "TextSink", "count_letters"]

_LIGATURES = {
    "\ufb00": "ff",
    "\ufb01": "fi",
    "\ufb02": "fl",
    "\ufb03": "ffi",
    "\ufb04": "ffl",
    "\ufb05": "st",
    "\ufb06": "st",
}
# Characters deleted outright: C0/C1 controls except \t and \n (\r, \f, \v
# and the Unicode separators are turned into \n first), soft hyphen,
# zero-width characters, BOM, non-characters and lone surrogates.
_DROP = {c: None for c in range(0x20) if c not in (0x09, 0x0A)}
_DROP.update({c: None for c in range(0x7F, 0xA0)})
_DROP.update(
    {0xAD: None, 0x200B: None, 0x200C: None, 0x200D: None, 0x2060: None, 0xFEFF: None, 0xFFFE: None, 0xFFFF: None}
)
_DROP.update({ord(k): v for k, v in _LIGATURES.items()})
_NEWLINES = re.compile(r"\r\n?|[\f\v\x1c-\x1e\x85\u2028\u2029]")
_HSPACE = re.compile(r"[^\S\n]+")  # whitespace other than newline (incl. NBSP, tabs)
_SURROGATES = re.compile(r"[\ud800-\udfff]")
_SPACE_AROUND_NL = re.compile(r" ?\n ?")
_MANY_NL = re.compile(r"\n{3,}")


def normalize_text(text: str) -> str:
    """NFC, ligatures expanded, controls/NULs dropped, runs of spaces and
    tabs collapsed to one space, at most one blank line in a row."""
    if not text:
        return ""
    text = _NEWLINES.sub("\n", text)
    text = _SURROGATES.sub("", text)
    text = text.translate(_DROP)
    text = unicodedata.normalize("NFC", text)
    text = _HSPACE.sub(" ", text)
    text = _SPACE_AROUND_NL.sub("\n", text)
    text = _MANY_NL.sub("\n\n", text)
    return text.strip()


def count_letters(text: str) -> int:
    return sum(1 for ch in text if ch.isalnum())


class TextSink:
    """Collects normalised chunks until ``max_chars`` is exceeded."""

    def __init__(self, max_chars: int):
        self.max_chars = max(0, int(max_chars))
        self.parts: list[str] = []
        self.length = 0
        self.truncated = False

    @property
    def full(self) -> bool:
        return self.length >= self.max_chars

    def add(self, chunk: str, sep: str = "\n\n") -> None:
        if self.full:
            if chunk and chunk.strip():
                self.truncated = True
            return
        chunk = normalize_text(chunk)
        if not chunk:
            return
        if self.parts:
            chunk = sep + chunk
        room = self.max_chars - self.length
        if len(chunk) > room:
            chunk = chunk[:room]
            self.truncated = True
        self.parts.append(chunk)
        self.length += len(chunk)

    def text(self) -> str:
        return "".join(self.parts).strip()
