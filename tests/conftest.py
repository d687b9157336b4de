import pytest
from django.core.cache import caches
from wagtail.models import Site

from cms.services import school_site_create


@pytest.fixture(autouse=True)
def _fresh_caches():
    # Page cache and rate-limit counters must not leak from one test into the next.
    for alias in ("default", "pages", "renditions"):
        caches[alias].clear()
    yield


@pytest.fixture
def school_site(db) -> Site:
    """A school site as a new installation creates it: home page, school record, /sveden/."""
    return school_site_create(
        full_name="Муниципальное бюджетное общеобразовательное учреждение «Средняя школа № 1»",
        short_name="МБОУ СШ № 1",
        hostname="localhost",
        address="353000, Краснодарский край, г. Примерск, ул. Школьная, д. 1",
        telephone="(86100) 1-23-45",
        email="school1@example.ru",
    )


@pytest.fixture
def home(school_site):
    return school_site.root_page.specific
