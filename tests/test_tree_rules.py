"""Where each page type may live: editors can only build the tree the site expects."""

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from countries.models import CountryIndexPage, CountryPage
from home.models import HomePage, ProjectIndexPage, ProjectPage, StandardPage
from publications.models import (
    ActionPlanPage,
    FactsheetPage,
    GuidelinePage,
    JointDeclarationPage,
    Publication,
    PublicationIndexPage,
    PublicationPage,
)

PUBLICATION_TYPES = {ActionPlanPage, JointDeclarationPage, FactsheetPage, GuidelinePage, PublicationPage}


class TreeRulesTests(WagtailPageTestCase):
    def test_home_page_sections(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertAllowedSubpageTypes(
            HomePage, {StandardPage, ProjectIndexPage, PublicationIndexPage, CountryIndexPage}
        )

    def test_standard_pages_nest(self):
        self.assertAllowedParentPageTypes(StandardPage, {HomePage, StandardPage})
        self.assertAllowedSubpageTypes(StandardPage, {StandardPage})

    def test_projects_live_under_the_index_and_pilot_projects_under_their_project(self):
        self.assertAllowedParentPageTypes(ProjectPage, {ProjectIndexPage, ProjectPage})
        self.assertAllowedSubpageTypes(ProjectIndexPage, {ProjectPage})
        self.assertAllowedSubpageTypes(ProjectPage, {ProjectPage})
        self.assertCanCreateAt(ProjectPage, ProjectPage)
        self.assertCanNotCreateAt(HomePage, ProjectPage)

    def test_publications_live_in_the_library_only(self):
        self.assertAllowedSubpageTypes(PublicationIndexPage, PUBLICATION_TYPES)
        for publication_type in PUBLICATION_TYPES:
            self.assertAllowedParentPageTypes(publication_type, {PublicationIndexPage})
            self.assertAllowedSubpageTypes(publication_type, set())
            self.assertCanNotCreateAt(HomePage, publication_type)

    def test_the_shared_base_is_never_created_directly(self):
        self.assertFalse(Publication.is_creatable)
        self.assertCanNotCreateAt(PublicationIndexPage, Publication)

    def test_countries_live_under_the_country_index(self):
        self.assertAllowedParentPageTypes(CountryPage, {CountryIndexPage})
        self.assertAllowedSubpageTypes(CountryPage, set())
        self.assertAllowedParentPageTypes(CountryIndexPage, {HomePage})
        self.assertCanNotCreateAt(ProjectIndexPage, CountryPage)
