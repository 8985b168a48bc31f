"""Fail when the code has interface strings the Russian catalogue does not know (or no longer uses).

Django 5.2's makemessages has no --check: run it on a copy and compare the message ids.
Needs GNU gettext (xgettext); `make messages` updates the catalogue for real.
"""

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
PO = ROOT / "locale" / "ru" / "LC_MESSAGES" / "django.po"


def ids(path):
    return {(entry.msgctxt, entry.msgid) for entry in polib.pofile(str(path)) if not entry.obsolete}


def main():
    if shutil.which("xgettext") is None:
        print("check_messages: xgettext (GNU gettext) is missing; install the gettext package", file=sys.stderr)
        return 1
    before = ids(PO)
    with tempfile.TemporaryDirectory() as folder:
        backup = Path(folder) / "django.po"
        shutil.copy2(PO, backup)
        try:
            subprocess.run(
                [
                    sys.executable,
                    "manage.py",
                    "makemessages",
                    "-l",
                    "ru",
                    "--no-obsolete",
                    "--add-location",
                    "file",
                    "-i",
                    ".venv/*",
                    "-i",
                    ".cache/*",
                    "-i",
                    "benchmarks/*",
                    "-i",
                    "node_modules/*",
                    "-v",
                    "0",
                ],
                cwd=ROOT,
                check=True,
                env={**os.environ, "DJANGO_SETTINGS_MODULE": "cms.settings.test"},
            )
            after = ids(PO)
        finally:
            shutil.copy2(backup, PO)
    new, gone = after - before, before - after
    for label, entries in (("new, not in the catalogue", new), ("in the catalogue, no longer used", gone)):
        for _context, msgid in sorted(entries, key=str)[:20]:
            print(f"check_messages: {label}: {msgid!r}", file=sys.stderr)
    if new or gone:
        print("check_messages: run `make messages` and translate the new strings", file=sys.stderr)
        return 1
    print(f"check_messages: the Russian catalogue covers all {len(after)} interface strings")
    return 0


if __name__ == "__main__":
    sys.exit(main())
