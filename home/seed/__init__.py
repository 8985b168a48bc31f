"""Seed content of the Prague Process knowledge base.

``data/`` holds a copy of the user's seed files (the description of the process and the list of
participating states); ``content.py`` is the English content structured from them (every sentence
taken over word for word is checked against ``data/prague-process-seed.txt`` at load time);
``russian.py`` is the Russian translation of every string; ``files.py`` reads and checks the seed
files, ``loader.py`` writes it all to the database through Wagtail and ``translate.py`` into Russian
through wagtail-localize.  Run it with ``manage.py load_prague_process``.
"""

from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"
SEED_TEXT_FILE = "prague-process-seed.txt"
STATES_FILE = "participating-states.csv"
