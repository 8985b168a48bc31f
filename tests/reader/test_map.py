"""The map of participating states: server-rendered SVG, a link per state, small states clickable."""

import os
import re

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from countries.models import CountryIndexPage, CountryPage
from countries.worldmap import atlas_path

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _needs_world_atlas():
    if not atlas_path().exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI=true but {atlas_path()} is missing: run `npm ci`")
        pytest.skip("world-atlas is not installed: run `npm ci`")


def svg(html):
    return re.search(r'<svg class="state-map__svg".*?</svg>', html, re.S).group(0)


def map_links(html):
    return re.findall(r'<a href="([^"]+)" aria-label="([^"]+)" class="state-map__state">', svg(html))


def test_every_state_is_a_link_on_the_map_named_in_the_readers_language(client):
    for language, poland in (("en", "Poland"), ("ru", "Польша")):
        index = CountryIndexPage.objects.get(locale__language_code=language)
        links = map_links(client.get(index.url).content.decode())
        assert len(links) == 50
        names = {name for _url, name in links}
        assert poland in names
        urls = {url for url, _name in links}
        assert CountryPage.objects.get(locale__language_code=language, iso_code="XK").url in urls  # matched by name


def test_small_states_get_a_marker_inside_their_link(client):
    index = CountryIndexPage.objects.get(locale__language_code="en")
    drawing = svg(client.get(index.url).content.decode())
    for name in ("Liechtenstein", "Luxembourg", "Malta"):
        link = re.search(rf'aria-label="{name}" class="state-map__state">(.*?)</a>', drawing, re.S).group(1)
        assert "<circle" in link, name


def test_the_map_switches_to_profile_status_with_its_legend(client):
    index = CountryIndexPage.objects.get(locale__language_code="en")
    poland = CountryPage.objects.get(locale__language_code="en", iso_code="PL")
    poland.profile_type = CountryPage.ProfileType.EXTENDED
    poland.save_revision().publish()
    by_region = client.get(index.url).content.decode()
    assert "Eastern Partnership</li>" in by_region
    html = client.get(index.url, {"colour": "status"}).content.decode()
    legend = re.search(r'<ul class="map-legend">(.*?)</ul>', html, re.S).group(1)
    assert "Extended Migration Profile" in legend and "No profile published yet" in legend
    assert "Eastern Partnership</li>" not in html


def test_the_map_carries_a_note_on_territorial_status_and_the_list_beside_it(client):
    html = client.get(CountryIndexPage.objects.get(locale__language_code="ru").url).content.decode()
    assert "не подразумевает никакой позиции" in html
    assert "Западные Балканы" in html


def test_map_page_queries_stay_flat_from_10_to_100_states(client):
    index = CountryIndexPage.objects.get(locale__language_code="en")

    def count():
        client.get(index.url)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(index.url).status_code == 200
        return len(captured.captured_queries)

    for number in range(10):
        index.add_child(instance=CountryPage(title=f"Testland {number}", slug=f"testland-{number}", iso_code="ZZ"))
    before = count()
    for number in range(10, 100):
        index.add_child(instance=CountryPage(title=f"Testland {number}", slug=f"testland-{number}", iso_code="ZZ"))
    assert count() == before
