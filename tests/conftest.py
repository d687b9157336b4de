import pytest
from django.core.cache import caches
from django.utils import timezone
from wagtail.models import Site

from accounts.models import OrderKind, Position, SchoolClass, User
from cms.services import school_site_create
from eios.models import School
from tests.factories import order_create, person_create, position_create
from tests.migrating import migrate_to_the_end


@pytest.fixture(autouse=True)
def _fresh_caches():
    # Page cache and rate-limit counters must not leak from one test into the next.
    for alias in ("default", "pages", "renditions"):
        caches[alias].clear()
    yield


@pytest.fixture
def listable_caches(settings):
    """Local-memory caches, whose keys and values a test can list (Redis in CI too).

    Local memory is shared by every test of the process, so they start empty here.
    """
    settings.CACHES = {
        alias: {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": alias}
        for alias in ("default", "pages", "renditions")
    }
    for alias in settings.CACHES:
        caches[alias].clear()
    return caches


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


@pytest.fixture
def school(school_site) -> School:
    return School.for_site(school_site)


@pytest.fixture
def student_position(db) -> Position:
    return Position.objects.create(code="student", name="Обучающийся", is_staff_position=False)


@pytest.fixture
def teacher(db, student_position) -> User:
    """The class teacher of 5А: issues credentials and blocks."""
    position = position_create(
        "class_teacher",
        "issue_credentials",
        "block_user",
        name="Классный руководитель",
        group="Классные руководители",
    )
    return person_create(
        "belova.i",
        password="teacher-pass-29",
        last_name="Белова",
        first_name="Ирина",
        positions=[position],
    )


@pytest.fixture
def director(db) -> User:
    return User.objects.create_superuser(
        "sergeev.p", password="director-pass-29", last_name="Сергеев", first_name="Павел"
    )


@pytest.fixture
def school_class(school, teacher) -> SchoolClass:
    return SchoolClass.objects.create(
        school=school, name="5А", year=timezone.localdate().year, class_teacher=teacher
    )


@pytest.fixture
def enrol(school, school_class, director, student_position):
    """Enrol new pupils into 5А by an applied order; returns their accounts."""

    def enrol(*names):
        order = order_create(
            school,
            OrderKind.ENROLMENT,
            director,
            *(
                {"last_name": last, "first_name": first, "school_class": school_class}
                for last, first in names
            ),
        )
        return [line.person for line in order.lines.select_related("person")]

    return enrol


@pytest.fixture
def every_migration_back():
    """Whatever a migration test leaves, the tests after it need every migration applied."""
    yield
    migrate_to_the_end()
