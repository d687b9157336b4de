"""Every /sveden/ subsection costs the same number of queries with 5 and with 500 rows.

The monitoring robot and inspectors read these pages; a school with hundreds of work
programmes, teachers and documents must not make them slower query by query. Documents
and platforms inside StreamFields are loaded in one batch per block (Wagtail's
bulk_to_python), document ForeignKeys in one query per page.
"""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.core.files.base import ContentFile
from django.db import transaction
from wagtail.models import Collection

from cms.demo.pdf import minimal_pdf
from cms.models import Platform, SchoolDocument
from cms.services import school_site_create
from cms.sveden.audit_spec import SECTIONS
from cms.sveden.models import SvedenExtraPage, section_models
from eios.models import School

SIZES = [5, 500]

# Measured on a warm request (Wagtail's site-root cache filled by a first one). Of these,
# 11 are the page itself (site, route, restrictions, school, main menu) and 2 the section
# navigation with its addRef links; the rest is one query per kind of document or platform.
BUDGETS = {
    "common": 15,
    "struct": 14,
    "document": 15,
    # 20 on PostgreSQL; SQLite splits an IN list every 999 ids, and 500 rows of three
    # programmes reference 1,500 work programmes and 3,000 platforms.
    "education": 24,
    "eduStandarts": 13,
    "managers": 13,
    "employees": 13,
    "objects": 15,
    "grants": 14,
    "paid_edu": 14,
    "budget": 14,
    "vacant": 13,
    "inter": 13,
    "catering": 13,
}

# What each page must show: (itemprop, rows per unit of size, fixed rows).
SHOWN = {
    "common": ("uchredLaw", 1, 0),
    "struct": ("structOrgUprav", 1, 0),
    "document": ("prescriptionDocLink", 1, 0),
    "education": ("educationRpd", 3, 0),
    "eduStandarts": ("eduFedDoc", 1, 0),
    "managers": ("rucovodstvoZam", 1, 0),
    "employees": ("teachingStaff", 1, 0),
    "objects": ("erList", 2, 0),
    "grants": ("hostelInfo", 0, 1),
    "paid_edu": ("paidEdu", 0, 1),
    "budget": ("volume", 1, 0),
    "vacant": ("vacant", 1, 0),
    "inter": ("internationalDog", 1, 0),
    "catering": ("meals", 1, 0),
}


@pytest.fixture(scope="module", params=SIZES, ids=lambda size: f"{size} rows")
def size(request, django_db_setup, django_db_blocker):
    """A school whose every subsection has `size` rows and documents, built once per size."""
    with django_db_blocker.unblock(), transaction.atomic():
        _school_build(request.param)
        yield request.param
        transaction.set_rollback(True)


def _school_build(size: int) -> None:
    site = school_site_create(
        full_name="Средняя школа № 1",
        short_name="СШ № 1",
        founded_on=datetime.date(1970, 9, 1),
        address="353000, г. Примерск, ул. Школьная, д. 1",
        work_time="Пятидневная неделя",
        telephone="(86100) 1-23-45",
        email="school1@example.ru",
    )
    school = School.for_site(site)
    platforms = Platform.objects.bulk_create(
        Platform(
            school=school,
            name=f"Платформа {n}",
            address=f"https://platform{n}.example.ru/",
            adapted_for_disabled=bool(n % 2),
            sort_order=n,
        )
        for n in range(size)
    )
    docs = _documents(size)
    pages = {page.SLUG: page for page in _pages(site)}

    def rows(block_type, make):
        return [{"type": block_type, "value": make(n)} for n in range(size)]

    def doc(n):
        return docs[n % size].pk

    common = pages["common"]
    common.founders = rows("founder", lambda n: {"name": f"Учредитель {n}"})
    common.license_document_id = doc(0)
    common.places_final_attestation = "\n".join(f"Адрес {n}" for n in range(size))

    pages["struct"].units = rows("unit", lambda n: {"name": f"Совет {n}", "regulation": doc(n)})
    pages["struct"].add_child(instance=SvedenExtraPage(title="Подробнее", slug="more"))

    document = pages["document"]
    for number, (field, _itemprop, _optional) in enumerate(document.ITEMS):
        setattr(document, f"{field}_id", doc(number))
    document.prescriptions = rows("document", doc)

    def programme(level):
        return {
            "level": level,
            "name": f"Программа {level}",
            "main_document": doc(1),
            "plans": [doc(2)],
            "schedules": [doc(3)],
            "methodology": [doc(4)],
            "work_programmes": [
                {
                    "subject": f"Предмет {n}",
                    "document": doc(n),
                    "platforms": [platforms[n % size].pk, platforms[(n + 1) % size].pk],
                }
                for n in range(size)
            ],
        }

    education = pages["education"]
    education.programmes = [{"type": "programme", "value": programme(lv)} for lv in LEVELS]
    education.language_document_id = doc(5)
    education.accreditation_document_id = doc(6)

    pages["eduStandarts"].federal_standards = rows(
        "link", lambda n: {"title": f"ФГОС {n}", "url": f"https://fgos.example.ru/{n}"}
    )
    pages["managers"].director_name = "Директор Д. Д."
    pages["managers"].deputies = rows("deputy", lambda n: {"name": f"Заместитель {n}"})
    pages["employees"].teachers = rows(
        "teacher", lambda n: {"name": f"Учитель {n}", "programmes": ["noo"]}
    )
    objects = pages["objects"]
    objects.classrooms = rows("room", lambda n: {"name": f"Кабинет {n}"})
    objects.resources = rows(
        "link", lambda n: {"title": f"Ресурс {n}", "url": f"https://r{n}.example.ru/"}
    )
    objects.hostel_fee_document_id = doc(7)
    pages["paid_edu"].procedure_document_id = doc(8)
    pages["budget"].years = rows("year", lambda n: {"year": 2000 + n % 100})
    pages["budget"].plan_document_id = doc(9)
    pages["vacant"].places = rows("row", lambda n: {"level": "ooo", "grade": 1 + n % 11})
    pages["inter"].agreements = rows(
        "agreement", lambda n: {"state": "Беларусь", "organisation": f"Школа {n}"}
    )
    pages["catering"].catering_objects = rows("object", lambda n: {"name": f"Буфет {n}"})
    for page in pages.values():
        page.save_revision().publish()


LEVELS = ("noo", "ooo", "soo")


def _documents(size: int) -> list[SchoolDocument]:
    # One file on disk shared by every row: the pages read the rows, not the files.
    first = SchoolDocument(
        title="Документ 0",
        collection=Collection.get_first_root_node(),
        signer_name="Директор Д. Д.",
        signature_kind="simple",
    )
    first.file.save("sveden-budget.pdf", ContentFile(minimal_pdf("Документ")), save=True)
    return [
        first,
        *SchoolDocument.objects.bulk_create(
            SchoolDocument(
                title=f"Документ {n}",
                file=first.file.name,
                file_size=first.file_size,
                collection_id=first.collection_id,
                signer_name="Директор Д. Д.",
                signature_kind="simple",
            )
            for n in range(1, size)
        ),
    ]


def _pages(site):
    models = section_models()
    return [model.objects.descendant_of(site.root_page).get() for model in models]


@pytest.mark.django_db
@pytest.mark.parametrize("slug", list(SECTIONS))
def test_query_budget(slug, size, client, settings, django_assert_max_num_queries):
    settings.PAGE_CACHE_ENABLED = False
    url = f"/sveden/{slug}/"
    assert client.get(url).status_code == 200

    with django_assert_max_num_queries(BUDGETS[slug]):
        response = client.get(url)

    assert response.status_code == 200
    itemprop, per_size, fixed = SHOWN[slug]
    html = BeautifulSoup(response.content, "html.parser")
    assert len(html.find_all(itemprop=itemprop)) == per_size * size + fixed
