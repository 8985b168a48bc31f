"""Decide what a file really is from its content, never from its name.

``sniff(path)`` returns ``SniffResult(kind, mime, reason)``. ``kind`` is one of
``pdf``, ``docx``, ``odt``, ``xlsx``, ``txt``; or ``None`` when the file is
refused, and then ``reason`` says why in plain English.

Only the first few kilobytes are read, plus the central directory for ZIP
containers (Office Open XML and OpenDocument are ZIP files). Nothing is
decompressed here, except ODF's tiny uncompressed ``mimetype`` member.
"""

from __future__ import annotations

import codecs
import os
import re
import zipfile
from typing import NamedTuple

__all__ = ["SniffResult", "sniff", "sniff_bytes_text", "EXTENSIONS", "MIME", "KINDS"]

EXTENSIONS = {
    "pdf": ".pdf",
    "docx": ".docx",
    "odt": ".odt",
    "xlsx": ".xlsx",
    "txt": ".txt",
}

MIME = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "odt": "application/vnd.oasis.opendocument.text",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "txt": "text/plain",
}

KINDS = tuple(EXTENSIONS)

HEAD_BYTES = 8192
TEXT_SAMPLE_BYTES = 1 << 20  # decode at most 1 MiB to decide "is this text?"
MAX_ZIP_MEMBERS = 10_000


class SniffResult(NamedTuple):
    kind: str | None
    mime: str | None
    reason: str = ""

    @property
    def ok(self) -> bool:
        return self.kind is not None


def _refuse(reason: str, mime: str | None = None) -> SniffResult:
    return SniffResult(None, mime, reason)


def _accept(kind: str, reason: str = "") -> SniffResult:
    return SniffResult(kind, MIME[kind], reason)


# (prefix, offset, what it is, mime) -- checked in order, after PDF.
_IMAGE = "upload images through Images"
_SIGNATURES: list[tuple[bytes, int, str, str | None]] = [
    (b"\x89PNG\r\n\x1a\n", 0, f"looks like a PNG image: {_IMAGE}", "image/png"),
    (b"\xff\xd8\xff", 0, f"looks like a JPEG image: {_IMAGE}", "image/jpeg"),
    (b"GIF87a", 0, f"looks like a GIF image: {_IMAGE}", "image/gif"),
    (b"GIF89a", 0, f"looks like a GIF image: {_IMAGE}", "image/gif"),
    (b"II*\x00", 0, f"looks like a TIFF image: {_IMAGE}", "image/tiff"),
    (b"MM\x00*", 0, f"looks like a TIFF image: {_IMAGE}", "image/tiff"),
    (b"BM", 0, f"looks like a BMP image: {_IMAGE}", "image/bmp"),
    (b"\x00\x00\x01\x00", 0, f"looks like an icon image: {_IMAGE}", "image/x-icon"),
    (b"MZ", 0, "an executable (Windows program), not a document", "application/x-msdownload"),
    (b"\x7fELF", 0, "an executable (Linux program), not a document", "application/x-executable"),
    (b"\xcf\xfa\xed\xfe", 0, "an executable (macOS program), not a document", "application/x-mach-binary"),
    (b"\xce\xfa\xed\xfe", 0, "an executable (macOS program), not a document", "application/x-mach-binary"),
    (b"\xca\xfe\xba\xbe", 0, "an executable (macOS or Java program), not a document", None),
    (b"\x00asm", 0, "an executable (WebAssembly), not a document", "application/wasm"),
    (b"#!", 0, "an executable script, not a document", "text/x-script"),
    (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
        0,
        "an old-format Microsoft Office file (.doc/.xls/.ppt): save it as DOCX, XLSX or PDF and upload that",
        "application/x-ole-storage",
    ),
    (b"{\\rtf", 0, "an RTF document: save it as DOCX or PDF and upload that", "application/rtf"),
    (b"\x1f\x8b", 0, "a gzip archive, not a document", "application/gzip"),
    (b"7z\xbc\xaf\x27\x1c", 0, "a 7-Zip archive, not a document", "application/x-7z-compressed"),
    (b"Rar!\x1a\x07", 0, "a RAR archive, not a document", "application/vnd.rar"),
    (b"BZh", 0, "a bzip2 archive, not a document", "application/x-bzip2"),
    (b"\xfd7zXZ\x00", 0, "an xz archive, not a document", "application/x-xz"),
    (b"\x28\xb5\x2f\xfd", 0, "a zstd archive, not a document", "application/zstd"),
    (b"ustar", 257, "a tar archive, not a document", "application/x-tar"),
    (b"AT&TFORM", 0, "a DjVu document: convert it to PDF and upload that", "image/vnd.djvu"),
    (b"%!PS", 0, "a PostScript file: convert it to PDF and upload that", "application/postscript"),
    (b"ID3", 0, "an audio file, not a document", "audio/mpeg"),
    (b"OggS", 0, "an audio/video file, not a document", "application/ogg"),
    (b"fLaC", 0, "an audio file, not a document", "audio/flac"),
    (b"\x1aE\xdf\xa3", 0, "a video file, not a document", "video/webm"),
    (b"SQLite format 3\x00", 0, "a database file, not a document", "application/vnd.sqlite3"),
]


def _riff_or_ftyp(head: bytes) -> SniffResult | None:
    if head[:4] == b"RIFF" and len(head) >= 12:
        sub = head[8:12]
        if sub == b"WEBP":
            return _refuse(f"looks like a WebP image: {_IMAGE}", "image/webp")
        if sub in (b"WAVE", b"AVI "):
            return _refuse("an audio/video file, not a document")
        return _refuse("a RIFF media file, not a document")
    if head[4:8] == b"ftyp" and len(head) >= 12:
        brand = head[8:12]
        if brand in (b"heic", b"heix", b"mif1", b"msf1", b"heim", b"heis", b"avif"):
            return _refuse(f"looks like a HEIC/AVIF image: {_IMAGE}", "image/heic")
        return _refuse("a video/audio file (MP4/MOV), not a document", "video/mp4")
    return None


def sniff(path: str | os.PathLike) -> SniffResult:
    """Identify ``path`` by content. Never raises for bad content; OSError
    (missing/unreadable file) is reported as a refusal too."""
    try:
        size = os.path.getsize(path)
        if size == 0:
            return _refuse("empty file")
        with open(path, "rb") as fh:
            head = fh.read(HEAD_BYTES)
    except OSError as exc:
        return _refuse(f"cannot read the file ({exc.strerror or exc})")
    if os.path.isdir(path):
        return _refuse("a directory, not a file")

    # PDF: the header may be preceded by junk (spec allows it in the first 1 KiB).
    if b"%PDF-" in head[:1024]:
        return _accept("pdf")

    if head[:4] in (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08"):
        return _sniff_zip(path)

    for prefix, offset, reason, mime in _SIGNATURES:
        if head[offset : offset + len(prefix)] == prefix:
            if prefix == b"#!" and not head.startswith((b"#!/", b"#! /")):
                continue  # plain text that starts with "#!" and no path
            if prefix == b"BM" and not _looks_like_bmp(head, size):
                continue
            if prefix == b"\x00\x00\x01\x00" and b"\x00" not in head[6:22]:
                continue
            return _refuse(reason, mime)
    media = _riff_or_ftyp(head)
    if media is not None:
        return media

    lowered = head[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if lowered.startswith((b"<!doctype html", b"<html")):
        return _refuse("an HTML page: save it as PDF and upload that", "text/html")
    if lowered.startswith((b"<?xml", b"<svg")) and b"<svg" in head.lower():
        return _refuse(f"looks like an SVG image: {_IMAGE}", "image/svg+xml")

    with open(path, "rb") as fh:
        sample = fh.read(TEXT_SAMPLE_BYTES)
    encoding = sniff_bytes_text(sample, complete=size <= TEXT_SAMPLE_BYTES)
    if encoding:
        return _accept("txt", f"text ({encoding})")
    if b"\x00" in sample:
        return _refuse("a binary file of unknown type, not a supported document")
    return _refuse("text in an unknown encoding or binary data: save it as UTF-8 text, DOCX or PDF")


def _looks_like_bmp(head: bytes, size: int) -> bool:
    if len(head) < 26:
        return False
    declared = int.from_bytes(head[2:6], "little")
    header_size = int.from_bytes(head[14:18], "little")
    return declared == size and header_size in (12, 40, 52, 56, 64, 108, 124)


def sniff_bytes_text(sample: bytes, complete: bool = True) -> str | None:
    """Return the encoding name if ``sample`` is plain text we accept
    (UTF-8 with or without BOM, UTF-16 with BOM, or cp1251), else None."""
    if sample.startswith(codecs.BOM_UTF8):
        sample = sample[3:]
        bom = "utf-8-sig"
    elif sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = codecs.getincrementaldecoder("utf-16")().decode(sample, final=complete)
        except UnicodeDecodeError:
            return None
        return "utf-16" if _mostly_printable(text) else None
    else:
        bom = None
    if b"\x00" in sample:
        return None
    try:
        text = codecs.getincrementaldecoder("utf-8")().decode(sample, final=complete)
    except UnicodeDecodeError:
        text = None
    if text is not None:
        return (bom or "utf-8") if _mostly_printable(text) else None
    try:
        text = sample.decode("cp1251")
    except UnicodeDecodeError:  # 0x98 is undefined in cp1251
        return None
    return "cp1251" if _mostly_printable(text, cyrillic_needed=True) else None


_WORD = re.compile(r"\w+")
_CYR = re.compile("[\u0400-\u04ff]")
_LATIN = re.compile("[A-Za-z]")


def _mostly_printable(text: str, cyrillic_needed: bool = False) -> bool:
    if not text:
        return True
    bad = 0
    letters = cyr = 0
    for ch in text:
        if ch.isprintable() or ch in "\n\r\t\f\v":
            if ch.isalpha():
                letters += 1
                if "\u0400" <= ch <= "\u04ff":
                    cyr += 1
        else:
            bad += 1
    if bad > max(2, len(text) // 100):
        return False
    if cyrillic_needed:
        # cp1251 decodes every byte except 0x98: demand that the high bytes
        # turn into Russian letters rather than box-drawing/symbol soup.
        high = sum(1 for ch in text if ord(ch) > 0x7F)
        if high and cyr < 0.8 * high:
            return False
        # Latin-1/cp1252 text also decodes to Cyrillic letters ("café" -> "cafй"),
        # but then they sit inside Latin words: real Russian words are all-Cyrillic.
        cyr_words = [w for w in _WORD.findall(text) if _CYR.search(w)]
        mixed = sum(1 for w in cyr_words if _LATIN.search(w))
        return mixed <= 0.2 * len(cyr_words)
    return True


def _sniff_zip(path) -> SniffResult:
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
            if len(infos) > MAX_ZIP_MEMBERS:
                return _refuse(f"a ZIP archive with too many members ({len(infos)})")
            names = {i.filename for i in infos}
            if "mimetype" in names:
                info = zf.getinfo("mimetype")
                mimetype = b""
                if info.file_size <= 200 and info.compress_size <= 400:
                    mimetype = zf.read("mimetype").strip()
                if mimetype == MIME["odt"].encode():
                    return _accept("odt")
                if mimetype.startswith(b"application/vnd.oasis.opendocument."):
                    what = mimetype.decode("ascii", "replace").rsplit(".", 1)[-1]
                    return _refuse(f"an OpenDocument {what} file: only text documents (ODT) are supported here")
                if mimetype == b"application/epub+zip":
                    return _refuse("an EPUB e-book: convert it to PDF and upload that")
            if "[Content_Types].xml" in names:
                if any(n.startswith("word/") for n in names):
                    return _accept("docx")
                if any(n.startswith("xl/") for n in names):
                    return _accept("xlsx")
                if any(n.startswith("ppt/") for n in names):
                    return _refuse("a PowerPoint presentation: save it as PDF and upload that")
                return _refuse("an Office Open XML package that is neither a Word document nor a spreadsheet")
            if "META-INF/manifest.xml" in names and "content.xml" in names:
                return _refuse("an OpenDocument file without a valid mimetype member")
            return _refuse("a ZIP archive that is not an Office document", "application/zip")
    except zipfile.BadZipFile:
        return _refuse("a damaged ZIP archive (a truncated or corrupt Office document?)", "application/zip")
    except (OSError, ValueError, RuntimeError, NotImplementedError) as exc:
        return _refuse(f"an unreadable ZIP archive ({exc})", "application/zip")
