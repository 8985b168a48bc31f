"""How to cite a publication: APA text, BibTeX and RIS, from the page's metadata only.

What the page does not state stays out (no invented authors or dates): without a publishing
organisation the title leads, without a date APA says "n.d." and BibTeX/RIS carry no year.
"""

import re

from django.utils.translation import gettext as _


def citation_data(page, url, organisations):
    date = page.publication_date
    return {
        "title": page.title,
        "authors": [str(organisation.name) for organisation in organisations],
        "year": date.year if date else None,
        "date": page.date_display if date else "",
        "url": url,
        "language": page.locale.language_code,
        "kind": page.kind_label,
        "abstract": page.summary,
        "key": _bibtex_key(page),
    }


def _bibtex_key(page):
    slug = re.sub(r"[^A-Za-z0-9]+", "", page.slug.title())[:40] or "publication"
    return f"pragueprocess{page.publication_date.year if page.publication_date else ''}{slug}"


def apa(data):
    """APA 7 for a report by a group author: "Author. (Year). Title. URL"."""
    year = str(data["year"]) if data["year"] else _("n.d.")
    title = data["title"].rstrip(".")
    if data["authors"]:
        authors = ", ".join(data["authors"][:-1]) + (" & " if len(data["authors"]) > 1 else "") + data["authors"][-1]
        return f"{authors}. ({year}). {title}. {data['url']}"
    return f"{title}. ({year}). {data['url']}"


def _bibtex_escape(text):
    return re.sub(r"([&%$#_{}])", r"\\\1", text)


def bibtex(data):
    fields = [("title", "{" + _bibtex_escape(data["title"]) + "}")]
    if data["authors"]:
        # Double braces: a group author is one name, not "first last".
        fields.append(("author", " and ".join("{" + _bibtex_escape(name) + "}" for name in data["authors"])))
    if data["year"]:
        fields.append(("year", str(data["year"])))
    fields += [("url", data["url"]), ("language", data["language"])]
    if data["kind"]:
        fields.append(("type", _bibtex_escape(str(data["kind"]))))
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@misc{{{data['key']},\n{body}\n}}\n"


def ris(data):
    lines = [("TY", "RPRT"), ("TI", data["title"])]
    lines += [("AU", name) for name in data["authors"]]
    if data["year"]:
        lines.append(("PY", str(data["year"])))
    if data["abstract"]:
        lines.append(("AB", " ".join(data["abstract"].split())))
    lines += [("LA", data["language"]), ("UR", data["url"]), ("ER", "")]
    return "".join(f"{tag}  - {value}\r\n" for tag, value in lines)
