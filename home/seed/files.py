"""Read and check the user's seed files: the description of the process and the participating states.

The sentences ``content.py`` takes over word for word must still be in the description; the states'
CSV must have the expected columns, unique ISO codes, known regions and both names.
"""

import csv
import re

from django.core.management.base import CommandError

from . import SEED_TEXT_FILE, STATES_FILE, content

STATE_COLUMNS = {"iso2", "name_en", "name_ru", "region", "alt_names", "note"}


def _normalise(text):
    """Compare with the seed regardless of case, quotes, dashes (lost in the seed) and spacing."""
    text = re.sub(r"[\u2013\u2014\-\"'\u201c\u201d\u201e\u00ab\u00bb\u00b4\u2019\u2018]", "", text.casefold())
    return re.sub(r"\s+", " ", text).strip()


def read_seed_files(seed_dir, russian):
    """Check the seed files in ``seed_dir``; return the states' rows and the Russian strings.

    The Russian strings are a copy of ``russian`` (English -> Russian) completed with the states' Russian
    names; a state name ``russian`` already translates otherwise is an error.
    """
    text_path = seed_dir / SEED_TEXT_FILE
    states_path = seed_dir / STATES_FILE
    for path in (text_path, states_path):
        if not path.is_file():
            raise CommandError(f"Seed file not found: {path}")

    seed_text = _normalise(text_path.read_text(encoding="utf-8"))
    missing = [quote for quote in content.VERBATIM if _normalise(quote) not in seed_text]
    if missing:
        raise CommandError(
            f"{text_path} no longer contains these sentences of home/seed/content.py: "
            + "; ".join(repr(quote) for quote in missing)
        )

    with states_path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        if not set(reader.fieldnames or []) >= STATE_COLUMNS:
            raise CommandError(f"{states_path} needs the columns {sorted(STATE_COLUMNS)}")
        states = [{key: (value or "").strip() for key, value in row.items()} for row in reader]

    region_codes = {region["slug"] for region in content.REGIONS}
    seen = set()
    for row in states:
        iso = row["iso2"].upper()
        if not re.fullmatch(r"[A-Z]{2}", iso) or iso in seen:
            raise CommandError(f"{states_path}: bad or repeated ISO code {row['iso2']!r}")
        if row["region"] not in region_codes:
            raise CommandError(f"{states_path}: {iso} has the unknown region {row['region']!r}")
        if not row["name_en"] or not row["name_ru"]:
            raise CommandError(f"{states_path}: {iso} needs name_en and name_ru")
        row["iso2"] = iso
        seen.add(iso)

    russian = dict(russian)
    for row in states:
        known = russian.setdefault(row["name_en"], row["name_ru"])
        if known != row["name_ru"]:
            raise CommandError(f"{row['name_en']!r} is translated both {known!r} and {row['name_ru']!r}")
    return states, russian
