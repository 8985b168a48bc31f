"""Print the termbase as a DeepL glossary (TSV: English term, tab, Russian term).

Upload it to DeepL (``POST /v2/glossaries`` with ``entries_format=tsv``, source ``en``, target ``ru``)
and put the glossary id it returns into ``DEEPL_GLOSSARY_IDS=en:ru=<id>``: the machine suggestions
then use the agreed terms.  Done by hand (or by the deploy) because it needs the DeepL key and a
new glossary id after each change of the termbase; nothing here talks to DeepL.
"""

from django.core.management.base import BaseCommand

from cms.models import Term


class Command(BaseCommand):
    help = "Print the termbase as a DeepL glossary in TSV (English<TAB>Russian)."

    def handle(self, *args, **options):
        for english, russian in Term.objects.order_by("english").values_list("english", "russian"):
            # A TSV entry may hold neither a tab nor a line break.
            self.stdout.write(f"{' '.join(english.split())}\t{' '.join(russian.split())}")
