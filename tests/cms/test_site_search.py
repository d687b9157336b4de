"""Site search finds what parents type (issue 14, item 2; SPEC §1): Russian word forms on
every engine (run this module on SQLite and with DATABASE_URL on PostgreSQL), the text of
pages, news, /sveden/ fields and the text inside PDF and DOCX files, grouped, with the
words found marked."""

import io
import zipfile

import pytest
from bs4 import BeautifulSoup
from django.core.files.base import ContentFile
from django.test import Client
from wagtail.models import Collection, CollectionViewRestriction

from cms.demo.pdf import text_pdf
from cms.models import ContentPage, NewsIndexPage, NewsPage, Platform, PlatformCatalogPage
from cms.models import SchoolDocument as Document
from cms.sveden.models import SvedenEducationPage, SvedenManagersPage
from eios.models import School
from tests.clients import signed_in
from tests.factories import collection_create

pytestmark = pytest.mark.django_db


def search(query: str, **params) -> BeautifulSoup:
    response = Client().get("/search/", {"q": query, **params})
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def group(html: BeautifulSoup, kind: str) -> list[str]:
    """The titles shown in one group of results ('pages', 'news', 'documents')."""
    section = html.find(id=f"found-{kind}")
    if section is None:
        return []
    return [a.get_text() for a in section.find_parent("section").select("a.result-title")]


def uploaded(title: str, name: str, content: bytes, **fields) -> Document:
    """A document as Wagtail's upload makes it: size, hash and text read from the file."""
    document = Document(title=title, collection=Collection.get_first_root_node(), **fields)
    document.file.save(name, ContentFile(content), save=False)
    document._set_document_file_metadata()
    document.save()
    return document


def docx(*paragraphs: str) -> bytes:
    """A minimal Word document, as an editor's office suite saves one."""
    ns = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    body = "".join(f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>" for text in paragraphs)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/'
            '2006/content-types"><Override PartName="/word/document.xml" ContentType="'
            'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"'
            "/></Types>",
        )
        archive.writestr(
            "word/document.xml",
            f'<?xml version="1.0"?><w:document xmlns:w="{ns}"><w:body>{body}</w:body></w:document>',
        )
    return buffer.getvalue()


@pytest.fixture
def news(home):
    index = home.add_child(instance=NewsIndexPage(title="Новости", slug="news"))
    index.add_child(
        instance=NewsPage(
            title="Экскурсия в краеведческий музей",
            slug="museum",
            intro="Ученики 5А класса побывали в музее станицы.",
        )
    )
    index.add_child(instance=NewsPage(title="Итоги спартакиады", slug="sport"))
    return index


def test_a_plural_finds_the_singular_in_news(news):
    html = search("экскурсии")
    assert group(html, "news") == ["Экскурсия в краеведческий музей"]
    # The word found is marked in the title, whatever its form.
    assert html.select_one("#found-news ~ ul mark").get_text() == "Экскурсия"


def test_words_of_the_summary_are_found_in_other_forms(news):
    assert group(search("музеи станиц"), "news") == ["Экскурсия в краеведческий музей"]


def test_the_body_of_a_page_is_found_in_other_forms(home):
    home.add_child(
        instance=ContentPage(
            title="Родителям",
            slug="parents",
            body=[{"type": "paragraph", "value": "<p>Запись в первые классы открыта.</p>"}],
        )
    )
    assert group(search("первый класс"), "pages") == ["Родителям"]


def test_curriculum_finds_the_education_page_and_its_document(home):
    plan = uploaded(
        "Учебный план основного общего образования на 2025/2026 учебный год",
        "plan-ooo.pdf",
        text_pdf("Учебный план", ["Недельная нагрузка обучающихся 5–9 классов."]),
    )
    education = SvedenEducationPage.objects.descendant_of(home).get()
    education.programmes = [
        {
            "type": "programme",
            "value": {
                "level": "ooo",
                "name": "Основная образовательная программа основного общего образования",
                "plans": [plan.pk],
            },
        }
    ]
    education.save_revision().publish()

    html = search("учебный план")

    assert group(html, "pages") == ["Образование"]
    assert group(html, "documents") == [plan.title]


def test_the_charter_is_found_by_the_text_inside_its_pdf(home):
    uploaded(
        "Копия учредительного документа",
        "scan.pdf",
        text_pdf(
            "Утверждён постановлением администрации",
            ["УСТАВ муниципального бюджетного общеобразовательного учреждения «Школа № 1»"],
        ),
    )
    html = search("Устав")
    assert group(html, "documents") == ["Копия учредительного документа"]
    # The passage of the file where the word stands is shown, the word marked.
    assert html.select_one("#found-documents ~ ul .result-summary mark").get_text() == "УСТАВ"


def test_a_word_document_is_found_by_its_text(home):
    uploaded(
        "Положение о школьной форме",
        "forma.docx",
        docx("Требования к одежде обучающихся", "Спортивная форма для уроков физкультуры"),
    )
    assert group(search("спортивной формы"), "documents") == ["Положение о школьной форме"]


def test_a_file_without_text_is_still_found_by_its_title(home):
    uploaded("Расписание звонков", "zvonki.pdf", b"%PDF-1.4 not really a pdf")
    assert group(search("расписания"), "documents") == ["Расписание звонков"]


def test_sveden_fields_are_searched(home):
    managers = SvedenManagersPage.objects.descendant_of(home).get()
    managers.director_name = "Сергеев Павел Игоревич"
    managers.director_post = "Директор"
    managers.save_revision().publish()
    assert "Руководство" in group(search("директора"), "pages")


def test_a_platform_is_found_on_the_catalogue_page(home):
    home.add_child(instance=PlatformCatalogPage(title="Электронные платформы", slug="platforms"))
    Platform.objects.create(
        school=School.objects.get(),
        name="Сферум",
        address="https://sferum.ru/",
        purpose="Учебные чаты и видеозвонки",
    )
    pages = group(search("Сферум"), "pages")
    assert "Электронные платформы" in pages


def test_school_requisites_are_found_on_the_contacts_page(home):
    from cms.models import ContactPage

    home.add_child(instance=ContactPage(title="Контакты", slug="contacts"))
    school = School.objects.get()
    school.address = "353000, г. Примерск, ул. Садовая, д. 5"
    school.save()
    assert "Контакты" in group(search("садовой"), "pages")


def test_closed_documents_are_not_named_in_results(home):
    staff = collection_create("Для сотрудников", restriction=CollectionViewRestriction.LOGIN)
    closed = uploaded("Приказ о премировании", "premia.pdf", text_pdf("Приказ", ["Премия"]))
    closed.collection = staff
    closed.save()
    assert group(search("премирование"), "documents") == []


def test_results_are_grouped_with_counts_and_one_group_is_paginated(news, home):
    for number in range(12):
        news.add_child(instance=NewsPage(title=f"Экскурсия на завод {number}", slug=f"z{number}"))
    uploaded("Памятка для экскурсий", "pamyatka.pdf", text_pdf("Памятка", ["Правила"]))

    html = search("экскурсия")
    assert html.find(id="found-news").get_text(" ", strip=True) == "Новости (13)"
    assert len(group(html, "news")) == 10
    assert group(html, "documents") == ["Памятка для экскурсий"]
    more = html.select_one("#found-news ~ .search-more a")
    assert "kind=news" in more["href"]

    second = search("экскурсия", kind="news", page=2)
    assert len(group(second, "news")) == 3
    assert group(second, "documents") == []


@pytest.mark.parametrize("query", ['"', 'a"b', "«Устав»", "учебный-план", "NEAR(", "%_*"])
def test_quotes_and_symbols_never_fail(news, query):
    search(query)


def test_the_admin_search_still_completes_words_as_typed(news, django_user_model):
    # The admin searches by beginnings of words (autocomplete), kept unstemmed.
    admin = django_user_model.objects.create_superuser("root", password="x")
    response = signed_in(admin).get("/admin/pages/search/", {"q": "Экскурс"})
    assert "Экскурсия в краеведческий музей" in response.content.decode()
