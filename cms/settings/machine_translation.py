"""``WAGTAILLOCALIZE_MACHINE_TRANSLATOR`` from the environment: which engine, and its options.

MACHINE_TRANSLATOR names the engine (``deepl``, ``libretranslate``, ``dummy``; unset: none, and
wagtail-localize hides its "Translate with ..." button).  What each engine needs is a row of the
table below, not a branch: half a configuration fails loudly at start-up.

- deepl: DEEPL_AUTH_KEY (required), DEEPL_GLOSSARY_IDS ("en:ru=<glossary id>,..." for the glossary
  made from the termbase, optional), DEEPL_FORMALITY (optional);
- libretranslate: LIBRETRANSLATE_URL (required), LIBRETRANSLATE_API_KEY (wagtail-localize sends an
  ``api_key`` on every request, so it is always set: empty for a keyless server);
- dummy: wagtail-localize's test translator (reverses words), used by the test suite.
"""

import os

from django.core.exceptions import ImproperlyConfigured

from .env import env_str

ENGINES = {
    "deepl": {
        "CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
        "required": {"AUTH_KEY": "DEEPL_AUTH_KEY"},
        "optional": {"FORMALITY": "DEEPL_FORMALITY", "GLOSSARY_IDS": "DEEPL_GLOSSARY_IDS"},
    },
    "libretranslate": {
        "CLASS": "wagtail_localize.machine_translators.libretranslate.LibreTranslator",
        "required": {"LIBRETRANSLATE_URL": "LIBRETRANSLATE_URL"},
        "always": {"API_KEY": "LIBRETRANSLATE_API_KEY"},
    },
    "dummy": {"CLASS": "wagtail_localize.machine_translators.dummy.DummyTranslator"},
}


def glossary_ids(value):
    """``"en:ru=abc,en:uk=def"`` → ``{("EN", "RU"): "abc", ...}``, the pairs as DeepL names them."""
    pairs = {}
    for item in filter(None, (part.strip() for part in value.split(","))):
        languages, _sep, glossary = item.partition("=")
        source, _sep, target = languages.partition(":")
        if not (source and target and glossary):
            raise ImproperlyConfigured(f"DEEPL_GLOSSARY_IDS: {item!r} is not 'source:target=glossary-id'.")
        pairs[(source.strip().upper(), target.strip().upper())] = glossary.strip()
    return pairs


def machine_translator(name=None):
    name = env_str("MACHINE_TRANSLATOR", "") if name is None else name
    if not name:
        return None
    if name not in ENGINES:
        raise ImproperlyConfigured(f"MACHINE_TRANSLATOR={name!r}: use one of {', '.join(sorted(ENGINES))}.")
    engine = ENGINES[name]
    options = {key: env_str(variable, required=True) for key, variable in engine.get("required", {}).items()}
    options.update({key: os.environ.get(variable, "") for key, variable in engine.get("always", {}).items()})
    for key, variable in engine.get("optional", {}).items():
        if value := env_str(variable):
            options[key] = glossary_ids(value) if key == "GLOSSARY_IDS" else value
    return {"CLASS": engine["CLASS"], "OPTIONS": options}
