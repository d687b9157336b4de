"""The 14 subsections of /sveden/ publish what editors enter with the federal microdata ([MR9]).

Pages are read the way the monitoring robot reads them, through `cms.sveden.audit`.
"""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.db import transaction
from wagtail.models import Page, Site

from cms.demo.sveden import TEACHERS, sveden_demo_fill
from cms.models import Platform, SchoolDocument
from cms.services import school_site_create
from cms.sveden.audit import audit_html
from cms.sveden.audit_spec import SECTIONS
from cms.sveden.models import SvedenEducationPage
from eios.models import School

from .helpers import html_of, tagged, text_of

pytestmark = pytest.mark.django_db

SLUGS = list(SECTIONS)


@pytest.fixture(scope="module")
def filled_site(django_db_setup, django_db_blocker):
    """A school with every subsection filled the way the demo school is, built once.

    Built inside a transaction rolled back after the module; each test runs in a savepoint.
    """
    with django_db_blocker.unblock(), transaction.atomic():
        site = school_site_create(
            full_name="Муниципальное бюджетное общеобразовательное учреждение «Средняя школа № 1»",
            short_name="МБОУ СШ № 1",
            founded_on=datetime.date(1968, 9, 1),
            address="353000, Краснодарский край, г. Примерск, ул. Школьная, д. 1",
            work_time="Пятидневная учебная неделя, с 8:00 до 18:00",
            telephone="(86100) 1-23-45",
            email="school1@example.ru",
        )
        school = School.for_site(site)
        Platform.objects.create(school=school, name="Сферум", address="https://sferum.ru/")
        Platform.objects.create(
            school=school,
            name="Национальная электронная библиотека (НЭБ)",
            address="https://rusneb.ru/",
            adapted_for_disabled=True,
        )
        Platform.objects.create(
            school=school,
            name="Официальный адрес электронной почты",
            address="mailto:school1@example.ru",
        )
        sveden_demo_fill(site)
        yield site
        transaction.set_rollback(True)


@pytest.mark.parametrize("slug", SLUGS)
def test_subsection_publishes_every_required_attribute(client, filled_site, slug):
    report = audit_html(slug, html_of(client, slug))
    assert report.ok, [problem.message for problem in report.problems]


@pytest.mark.parametrize(
    ("slug", "itemprop", "value"),
    [
        ("common", "fullName", "«Средняя школа № 1»"),
        ("common", "regDate", "01.09.1968"),
        ("common", "nameUchred", "Администрация муниципального образования Примерский район"),
        ("struct", "name", "Педагогический совет"),
        ("document", "ustavDocLink", "Устав"),
        ("education", "eduLevel", "общее образование"),
        ("education", "eduPred", "Литературное чтение"),
        ("eduStandarts", "eduFedDoc", "ФГОС основного общего образования"),
        ("managers", "fio", "Сергеев Павел Игоревич"),
        ("employees", "fio", "Белова Ирина Николаевна"),
        ("objects", "nameCab", "Кабинет физики № 301"),
        ("objects", "erList", "Сферум"),
        ("objects", "erListOvz", "Национальная электронная библиотека (НЭБ)"),
        ("grants", "support", "Бесплатное горячее питание"),
        ("paid_edu", "paidParents", "не взимается"),
        ("budget", "finYear", "2025"),
        ("vacant", "eduCourse", "11"),
        ("catering", "objName", "Столовая на 120 посадочных мест"),
    ],
)
def test_subsection_shows_what_editors_entered(client, filled_site, slug, itemprop, value):
    assert any(value in text_of(element) for element in tagged(html_of(client, slug), itemprop))


@pytest.mark.parametrize("slug", SLUGS)
def test_children_sit_inside_their_containers(client, filled_site, slug):
    """[MR9] §3.1: a child placed after its main tag, not inside it, is not seen."""
    soup = BeautifulSoup(html_of(client, slug), "html.parser")
    attrs = SECTIONS[slug].attrs
    containers = [attr.name for attr in attrs if attr.name in {a.container for a in attrs}]
    children = {attr.name for attr in attrs if attr.container}
    for element in soup.find_all(itemprop=list(children)):
        assert element.find_parent(attrs={"itemprop": containers}), element


def test_one_container_per_teacher(client, filled_site):
    html = html_of(client, "employees")
    staff = tagged(html, "teachingStaff")
    assert [text_of(box.find(itemprop="fio")) for box in staff] == [row[0] for row in TEACHERS]


def test_accreditation_is_entered_once_and_shown_in_both_subsections(client, filled_site):
    common = tagged(html_of(client, "common"), "accreditationDocLink")
    education = tagged(html_of(client, "education"), "accreditationDocLink")
    assert [link["href"] for link in common] == [link["href"] for link in education]


def test_work_programme_names_the_platforms_it_uses(client, filled_site):
    soup = BeautifulSoup(html_of(client, "education"), "html.parser")
    item = soup.find(itemprop="educationRpd").find_parent("li")
    assert "Сферум" in text_of(item)
    assert item.find("a", href="https://sferum.ru/")


def test_a_work_programme_may_not_name_another_schools_platform(filled_site):
    page = SvedenEducationPage.objects.get()
    other_home = Page.get_first_root_node().add_child(instance=Page(title="Другая", slug="other"))
    other_site = Site.objects.create(hostname="other.test", root_page=other_home)
    other = School.objects.create(site=other_site, full_name="Другая школа")
    foreign = Platform.objects.create(school=other, name="Чужая платформа")
    page.programmes[0].value["work_programmes"][0]["platforms"].append(foreign)
    with pytest.raises(ValidationError, match="Чужая платформа"):
        page.full_clean()


def test_documents_link_with_format_and_signature(client, filled_site):
    html = html_of(client, "document")
    link = tagged(html, "localActStud")[0]
    document = SchoolDocument.objects.get(title="Правила внутреннего распорядка обучающихся")
    assert link["href"] == document.url
    cell = text_of(link.find_parent("td"))
    assert "PDF" in cell
    assert "Сергеев Павел Игоревич" in cell


def test_demo_fill_is_idempotent(filled_site):
    documents = SchoolDocument.objects.count()
    revisions = [page.latest_revision_id for page in Page.objects.order_by("pk")]
    sveden_demo_fill(filled_site)
    assert SchoolDocument.objects.count() == documents
    assert [page.latest_revision_id for page in Page.objects.order_by("pk")] == revisions
