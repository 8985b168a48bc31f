"""Reading what to import: a CSV manifest (streamed, never held in memory) or a folder of files.

Both produce ``Row`` objects; a row that cannot be parsed raises ``RowError`` with a reason that
the engine reports next to the row's line number (or file name in folder mode).
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from cms.dates import parse_partial_date
from cms.languages import normalise_file_language

from ..documents import sha256_of
from ..models import PublicationKind
from ..models.types import GUIDELINE_KINDS

COLUMNS = (
    "key",
    "file",
    "title",
    "language",
    "type",
    "date",
    "countries",
    "thematic_areas",
    "summary",
    "translation_of",
    "publish",
    "legacy_url",
)
REQUIRED_COLUMNS = ("key", "file")

MIGRATION_PROFILE = "migration_profile"
TYPE_ALIASES = {
    "joint_declaration": "declaration",
    "guideline": "guidelines",
    "recommendation": "recommendations",
    "best_practice": "best_practices",
    "compilation_of_best_practices": "best_practices",
    "training": "training_module",
    "profile": MIGRATION_PROFILE,
    "extended_migration_profile": MIGRATION_PROFILE,
    "migration_profile_light": MIGRATION_PROFILE,
}
PAGE_TYPES = {
    PublicationKind.ACTION_PLAN: "publications.ActionPlanPage",
    PublicationKind.DECLARATION: "publications.JointDeclarationPage",
    PublicationKind.FACTSHEET: "publications.FactsheetPage",
    **{kind: "publications.GuidelinePage" for kind in GUIDELINE_KINDS},
}
KNOWN_TYPES = sorted([*PublicationKind.values, MIGRATION_PROFILE])
YES = {"yes", "y", "true", "1", "да"}
NO = {"no", "n", "false", "0", "", "нет"}


class RowError(ValueError):
    """This row cannot be imported; the message says why."""


@dataclass
class Row:
    key: str
    file: str
    path: Path
    title: str = ""
    language: str = ""  # "" = guess from the text
    type: str = PublicationKind.REPORT
    date: str = ""
    countries: tuple = ()
    thematic_areas: tuple = ()
    summary: str = ""
    translation_of: str = ""
    publish: bool = False
    legacy_url: str = ""
    line: int | None = None  # manifest line (the header is line 1)
    extra: dict = field(default_factory=dict)

    @property
    def where(self):
        if self.line is not None:
            return f"line {self.line} (key={self.key})" if self.key else f"line {self.line}"
        return self.file

    @property
    def page_type(self):
        """``app_label.Model`` of the page this row becomes, or None for a migration profile."""
        if self.type == MIGRATION_PROFILE:
            return None
        return PAGE_TYPES.get(self.type, "publications.PublicationPage")

    def parsed_date(self):
        if not self.date:
            return None, None
        try:
            return parse_partial_date(self.date)
        except ValueError as exc:
            raise RowError(f"date: {exc}")

    def fingerprint(self, file_sha256, *extra):
        """Checksum of everything that ends up on the site: the normalised row and the file's content."""
        data = {name: getattr(self, name) for name in COLUMNS if name not in ("file",)}
        data["countries"] = sorted(self.countries)
        data["thematic_areas"] = sorted(self.thematic_areas)
        data["file_sha256"] = file_sha256
        data["extra"] = [list(item) for item in extra]
        return hashlib.sha256(json.dumps(data, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def _split(value, upper=False):
    items = [item.strip() for item in re.split(r"[;,]", value or "") if item.strip()]
    items = [item.upper() if upper else item.lower() for item in items]
    return tuple(dict.fromkeys(items))  # keep order, drop repeats


def normalise_type(value):
    value = re.sub(r"[\s\-]+", "_", (value or "").strip().lower()) or PublicationKind.REPORT
    value = TYPE_ALIASES.get(value, value)
    if value not in KNOWN_TYPES:
        raise RowError(f"type {value!r} is unknown (use one of: {', '.join(KNOWN_TYPES)})")
    return value


def normalise_language(value):
    """A BCP 47 primary subtag from a code or a name ("cs", "ces", "Czech", "pt-BR"); "" when empty."""
    if not (value or "").strip():
        return ""
    code = normalise_file_language(value)
    if code is None:
        raise RowError(
            f"language {value.strip()!r} is unknown: give the file's language as a BCP 47 primary subtag "
            "(ISO 639-1 such as en, ru, cs, uk; else ISO 639-3 such as cnr), or mul for several languages"
        )
    return code


def parse_publish(value, default=False):
    value = (value or "").strip().lower()
    if not value:
        return default
    if value in YES:
        return True
    if value in NO:
        return False
    raise RowError(f"publish must be yes or no, not {value!r}")


def row_from_mapping(data, *, base_dir, line=None, default_language="", default_publish=False):
    """Build a ``Row`` from one manifest record (a dict of column → text)."""
    get = lambda name: (data.get(name) or "").strip()  # noqa: E731
    key = get("key")
    row = Row(key=key, file=get("file"), path=Path(), line=line)
    if not key:
        raise RowError("key is empty")
    if not row.file:
        raise RowError("file is empty")
    path = Path(row.file).expanduser()
    row.path = path if path.is_absolute() else Path(base_dir) / path
    row.title = " ".join(get("title").split())
    row.language = normalise_language(get("language")) or default_language
    row.type = normalise_type(get("type"))
    row.date = get("date")
    row.parsed_date()
    row.countries = _split(get("countries"), upper=True)
    row.thematic_areas = _split(get("thematic_areas"))
    row.summary = get("summary")
    row.translation_of = get("translation_of")
    row.publish = parse_publish(get("publish"), default_publish)
    row.legacy_url = get("legacy_url")
    if row.translation_of == key:
        raise RowError("translation_of names the row itself")
    if row.type == MIGRATION_PROFILE and not row.countries and not row.translation_of:
        raise RowError("a migration_profile row needs countries (the state whose profile it is)")
    return row


class Manifest:
    """A CSV manifest, read again from disk on each pass so memory stays flat whatever its size."""

    def __init__(self, path):
        self.path = Path(path).resolve()
        self.base_dir = self.path.parent

    def records(self):
        """Yield ``(line, {column: value})``; ``line`` is where the record starts (header = 1)."""
        with open(self.path, encoding="utf-8-sig", newline="") as handle:
            reader = csv.reader(handle)
            try:
                header = next(reader)
            except StopIteration:
                return
            columns = [name.strip().lower().replace(" ", "_") for name in header]
            missing = [name for name in REQUIRED_COLUMNS if name not in columns]
            if missing:
                raise ValueError(f"{self.path.name}: the manifest has no {', '.join(missing)} column")
            line = reader.line_num + 1
            for values in reader:
                next_line = reader.line_num + 1
                if any(value.strip() for value in values):
                    yield line, dict(zip(columns, values))
                line = next_line

    def unknown_columns(self):
        with open(self.path, encoding="utf-8-sig", newline="") as handle:
            header = next(csv.reader(handle), [])
        return [name for name in header if name.strip().lower().replace(" ", "_") not in COLUMNS]


def title_from_filename(name):
    stem = Path(name).stem
    words = re.sub(r"[_\s]+", " ", re.sub(r"(?<=\w)-(?=\w)", " ", stem)).strip()
    return words[:1].upper() + words[1:] if words else name


class Folder:
    """Every regular file under a folder (hidden files and folders left out), in a stable order."""

    def __init__(self, path):
        self.path = Path(path).resolve()

    def files(self):
        for directory, dirnames, filenames in os.walk(self.path):
            dirnames[:] = sorted(name for name in dirnames if not name.startswith("."))
            for name in sorted(filenames):
                if not name.startswith("."):
                    yield Path(directory) / name

    def count(self):
        return sum(1 for _ in self.files())


def sha256_of_path(path):
    with open(path, "rb") as handle:
        return sha256_of(handle)


CYRILLIC = re.compile(r"[\u0400-\u04FF]")
LATIN = re.compile(r"[A-Za-z]")


def guess_language(text):
    """``ru``, ``en`` or ``mul`` from the share of Cyrillic letters; None when there are no letters."""
    cyrillic = len(CYRILLIC.findall(text))
    latin = len(LATIN.findall(text))
    if cyrillic + latin < 20:
        return None
    share = cyrillic / (cyrillic + latin)
    if share >= 0.7:
        return "ru"
    if share <= 0.3:
        return "en"
    return "mul"
