"""A state's page: profile type and endorsement, parts A–G with contents, indicators, projects by role."""

import datetime
import re

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from countries.models import CountryPage, EndorsementEvent, Indicator, ProfileSection
from home.models import PartnerRole, ProjectPage, ProjectPartner, role_in_projects_heading

pytestmark = pytest.mark.django_db


def state(iso, language="en"):
    return CountryPage.objects.get(locale__language_code=language, iso_code=iso)


def test_a_state_without_a_profile_says_so_honestly(client):
    html = client.get(state("AT").url).content.decode()
    assert "No migration profile has been published yet." in html
    assert "Not published yet" in html  # the profile type, stated rather than left out


def test_the_russian_empty_state_is_russian(client):
    with translation.override("ru"):
        html = client.get(state("AT", "ru").url).content.decode()
    assert "Миграционный профиль ещё не опубликован." in html


def test_a_profile_shows_its_type_endorsement_history_contents_and_indicators(client):
    poland = state("PL")
    poland.profile_type = CountryPage.ProfileType.EXTENDED
    poland.save()
    ProfileSection.objects.create(
        page=poland, part="A", heading="Introduction", body="<p>Text</p>", locale=poland.locale
    )
    ProfileSection.objects.create(page=poland, part="B", heading="Trends", body="<p>More</p>", locale=poland.locale)
    for year, value in ((2010, 5), (2011, 8)):
        Indicator.objects.create(
            page=poland,
            part="B",
            indicator="Asylum applications",
            year=year,
            value=value,
            unit="thousand",
            locale=poland.locale,
        )
    EndorsementEvent.objects.create(
        page=poland,
        step=EndorsementEvent.Step.ENDORSED,
        status="endorsed",
        created_at=datetime.datetime(2012, 3, 1, 12, tzinfo=datetime.UTC),
    )
    html = client.get(poland.url).content.decode()
    assert "Extended Migration Profile" in html
    assert "No migration profile has been published yet." not in html
    toc = re.search(r'<nav class="toc".*?</nav>', html, re.S).group(0)
    assert re.findall(r'href="#([^"]+)"', toc) == ["part-a", "part-b", "indicators"]
    assert 'id="part-b"' in html
    history = re.search(r'<ol class="history">(.*?)</ol>', html, re.S).group(1)
    assert '<time datetime="2012-03-01">1 March 2012</time>: Endorsed by the state' in history
    assert html.count('class="chart__bar"') == 2  # one bar per year, drawn on the server


def test_projects_are_grouped_by_the_states_role_with_counts(client):
    html = client.get(state("PL").url).content.decode()
    assert "Lead state in 3 projects" in html
    assert "Donor in 1 project" in html
    with translation.override("ru"):
        html = client.get(state("PL", "ru").url).content.decode()
    assert "Ведущее государство в 3 проектах" in html
    assert "Целевая инициатива Пражского процесса" in html  # the Russian project pages


@pytest.mark.parametrize(
    "count, expected", [(1, "1 проекте"), (3, "3 проектах"), (5, "5 проектах"), (21, "21 проекте")]
)
def test_russian_project_counts_follow_the_number(count, expected):
    with translation.override("ru"):
        assert role_in_projects_heading("donor", count).endswith(expected)


def test_state_page_queries_stay_flat_from_10_to_100_projects(client):
    index = ProjectPage.objects.get(locale__language_code="en", slug="eris").get_parent()
    armenia = state("AM")

    def count():
        client.get(armenia.url)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(armenia.url).status_code == 200
        return len(captured.captured_queries)

    def add(number):
        project = index.add_child(instance=ProjectPage(title=f"Project {number}", slug=f"project-{number}"))
        ProjectPartner.objects.create(
            page=project, role=PartnerRole.PARTICIPATING_STATE, country=armenia, locale=project.locale
        )
        project.save_revision().publish()

    for number in range(10):
        add(number)
    before = count()
    for number in range(10, 100):
        add(number)
    assert count() == before


def test_a_state_page_links_the_feed_of_its_publications(client):
    html = client.get(state("AM", "ru").url).content.decode()
    feed = re.search(r'<link rel="alternate" type="application/rss\+xml" title="[^"]*" href="([^"]+)">', html).group(1)
    assert feed.endswith("/ru/library/feed/rss/?country=AM")
    assert client.get(feed)["Content-Type"].startswith("application/rss+xml")
