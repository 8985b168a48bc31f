from .base import (
    Publication,
    PublicationCountry,
    PublicationFile,
    PublicationIndexPage,
    PublicationKind,
    PublicationOrganisation,
    PublicationProject,
    PublicationThematicArea,
)
from .importing import ImportRecord
from .types import (
    ActionPlanPage,
    FactsheetPage,
    GuidelinePage,
    JointDeclarationPage,
    JointDeclarationSignatory,
    PublicationPage,
)

__all__ = [
    "ActionPlanPage",
    "FactsheetPage",
    "GuidelinePage",
    "ImportRecord",
    "JointDeclarationPage",
    "JointDeclarationSignatory",
    "Publication",
    "PublicationCountry",
    "PublicationFile",
    "PublicationIndexPage",
    "PublicationKind",
    "PublicationOrganisation",
    "PublicationPage",
    "PublicationProject",
    "PublicationThematicArea",
]
