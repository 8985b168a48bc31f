"""Navigation shared by every public template: the top menu and the language switcher."""

from django.conf import settings
from django.utils.translation import get_language

from wagtail.models import Locale, Page, Site


def site_navigation(request):
    language = (get_language() or settings.LANGUAGE_CODE)[:2]
    site = Site.find_for_request(request)
    if site is None:
        return {}
    root = site.root_page
    try:
        locale = Locale.objects.get(language_code=language)
        home = root.get_translation(locale) if root.locale_id != locale.id else root
    except (Locale.DoesNotExist, Page.DoesNotExist):
        home = root
    menu = home.get_children().live().in_menu().public() if home else Page.objects.none()
    return {"nav_home": home, "nav_menu": menu, "nav_language": language}
