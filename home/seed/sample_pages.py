"""One seed page of each public page type, by URL pattern (``{lang}`` is ``en`` or ``ru``).

Shared by the browser tests (axe, sideways scroll) and ``scripts/screenshots.py``, so both look at the
same pages.  Plain data: importable without Django settings.
"""

PAGE_TYPES = {
    "home": "/{lang}/",
    "library": "/{lang}/library/",
    "map": "/{lang}/countries/",
    "state": "/{lang}/countries/north-macedonia/",
    "project": "/{lang}/projects/pp-ti/pilot-project-1/",
    "publication": "/{lang}/library/action-plan-2012-2016/",
    "search": "/{lang}/search/?q=migration",
}
