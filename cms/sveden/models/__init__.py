"""Page types of «Сведения об образовательной организации» ([1493]; [MR9] table 3.1)."""

from django.apps import apps

from .base import (
    SECTION_PAGE_TYPES,
    SvedenExtraPage,
    SvedenIndexPage,
    SvedenSectionPage,
    is_fixed_page,
)
from .education import SvedenEducationPage, SvedenEduStandartsPage
from .finance import SvedenBudgetPage, SvedenInterPage, SvedenPaidEduPage, SvedenVacantPage
from .organisation import (
    SvedenCommonPage,
    SvedenDocumentPage,
    SvedenEmployeesPage,
    SvedenManagersPage,
    SvedenStructPage,
)
from .resources import SvedenCateringPage, SvedenGrantsPage, SvedenObjectsPage


def section_models() -> list[type[SvedenSectionPage]]:
    """The 14 subsection page types in the order of [MR9] table 3.1."""
    return [apps.get_model(label) for label in SECTION_PAGE_TYPES]


__all__ = [
    "SECTION_PAGE_TYPES",
    "SvedenBudgetPage",
    "SvedenCateringPage",
    "SvedenCommonPage",
    "SvedenDocumentPage",
    "SvedenEduStandartsPage",
    "SvedenEducationPage",
    "SvedenEmployeesPage",
    "SvedenExtraPage",
    "SvedenGrantsPage",
    "SvedenIndexPage",
    "SvedenInterPage",
    "SvedenManagersPage",
    "SvedenObjectsPage",
    "SvedenPaidEduPage",
    "SvedenSectionPage",
    "SvedenStructPage",
    "SvedenVacantPage",
    "is_fixed_page",
    "section_models",
]
