"""The languages a file may be written in: BCP 47 primary subtags with their names in English and Russian.

A Document's language is a file's, not a page's: any language of the fifty participating states, plus
``mul`` (several languages) and ``und`` (not determined).  Codes are ISO 639-1 where one exists, else
ISO 639-3 (Montenegrin is ``cnr``), as BCP 47 prescribes.  Django's ``LANGUAGES`` lacks some of them
(``cnr``, ``mt``) and Babel's CLDR data lacks ``cnr``, so the names live in this committed table; each
row also lists the other spellings an import manifest may use (ISO 639-2/3 codes, names).
"""

from django.utils.translation import get_language

# code: (English name, Russian name, other spellings accepted on import)
FILE_LANGUAGES = {
    "en": ("English", "английский", ("eng", "english")),
    "ru": ("Russian", "русский", ("rus", "russian", "русский")),
    "mul": ("Several languages", "несколько языков", ("multilingual", "multiple")),
    "und": ("Language not determined", "язык не определён", ("other", "unknown", "undetermined")),
    "sq": ("Albanian", "албанский", ("sqi", "alb", "albanian")),
    "hy": ("Armenian", "армянский", ("hye", "arm", "armenian")),
    "az": ("Azerbaijani", "азербайджанский", ("aze", "azerbaijani")),
    "be": ("Belarusian", "белорусский", ("bel", "belarusian")),
    "bs": ("Bosnian", "боснийский", ("bos", "bosnian")),
    "bg": ("Bulgarian", "болгарский", ("bul", "bulgarian")),
    "hr": ("Croatian", "хорватский", ("hrv", "croatian")),
    "cs": ("Czech", "чешский", ("ces", "cze", "czech")),
    "da": ("Danish", "датский", ("dan", "danish")),
    "nl": ("Dutch", "нидерландский", ("nld", "dut", "dutch")),
    "et": ("Estonian", "эстонский", ("est", "estonian")),
    "fi": ("Finnish", "финский", ("fin", "finnish")),
    "fr": ("French", "французский", ("fra", "fre", "french")),
    "ka": ("Georgian", "грузинский", ("kat", "geo", "georgian")),
    "de": ("German", "немецкий", ("deu", "ger", "german")),
    "el": ("Greek", "греческий", ("ell", "gre", "greek")),
    "hu": ("Hungarian", "венгерский", ("hun", "hungarian")),
    "is": ("Icelandic", "исландский", ("isl", "ice", "icelandic")),
    "ga": ("Irish", "ирландский", ("gle", "irish")),
    "it": ("Italian", "итальянский", ("ita", "italian")),
    "kk": ("Kazakh", "казахский", ("kaz", "kazakh")),
    "ky": ("Kyrgyz", "кыргызский", ("kir", "kyrgyz", "kirghiz")),
    "lv": ("Latvian", "латышский", ("lav", "latvian")),
    "lt": ("Lithuanian", "литовский", ("lit", "lithuanian")),
    "lb": ("Luxembourgish", "люксембургский", ("ltz", "luxembourgish")),
    "mk": ("Macedonian", "македонский", ("mkd", "mac", "macedonian")),
    "mt": ("Maltese", "мальтийский", ("mlt", "maltese")),
    "cnr": ("Montenegrin", "черногорский", ("montenegrin",)),
    "no": ("Norwegian", "норвежский", ("nor", "norwegian")),
    "nb": ("Norwegian Bokmål", "норвежский букмол", ("nob", "bokmal", "bokmål")),
    "nn": ("Norwegian Nynorsk", "норвежский нюнорск", ("nno", "nynorsk")),
    "pl": ("Polish", "польский", ("pol", "polish")),
    "pt": ("Portuguese", "португальский", ("por", "portuguese")),
    "ro": ("Romanian", "румынский", ("ron", "rum", "romanian", "moldovan")),
    "rm": ("Romansh", "романшский", ("roh", "romansh")),
    "sr": ("Serbian", "сербский", ("srp", "serbian")),
    "sk": ("Slovak", "словацкий", ("slk", "slo", "slovak")),
    "sl": ("Slovenian", "словенский", ("slv", "slovenian", "slovene")),
    "es": ("Spanish", "испанский", ("spa", "spanish")),
    "sv": ("Swedish", "шведский", ("swe", "swedish")),
    "tg": ("Tajik", "таджикский", ("tgk", "tajik")),
    "tr": ("Turkish", "турецкий", ("tur", "turkish")),
    "tk": ("Turkmen", "туркменский", ("tuk", "turkmen")),
    "uk": ("Ukrainian", "украинский", ("ukr", "ukrainian")),
    "uz": ("Uzbek", "узбекский", ("uzb", "uzbek")),
}

# The first four lead the admin's list; the national languages follow in English alphabetical order.
LEADING = ("en", "ru", "mul", "und")

_SPELLINGS = {
    spelling: code for code, (_en, _ru, others) in FILE_LANGUAGES.items() for spelling in (code, *others)
}


def file_language_choices():
    """Choices for ``Document.language`` (a callable, so the migration does not copy the table)."""
    return [(code, FILE_LANGUAGES[code][0]) for code in LEADING] + sorted(
        ((code, names[0]) for code, names in FILE_LANGUAGES.items() if code not in LEADING), key=lambda c: c[1]
    )


def normalise_file_language(value):
    """The table's code for ``value`` (a code in any case, an ISO 639-2/3 code or a name); None if unknown."""
    value = (value or "").strip().lower().replace("_", "-")
    return _SPELLINGS.get(value) or _SPELLINGS.get(value.split("-", 1)[0])


def file_language_name(code, language=None):
    """The language's name in the reader's language (Russian names on Russian pages, English elsewhere)."""
    names = FILE_LANGUAGES.get(code)
    if names is None:
        return code
    reader = (language or get_language() or "en")[:2]
    return names[1] if reader == "ru" else names[0]
