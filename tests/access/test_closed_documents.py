"""A closed document (its collection has «Privacy») is named on a page only to those who
may open it, and its file is kept by no shared cache (issue 10, item 8): document lists,
rich-text links and /sveden/ alike, for an anonymous visitor, a staff member the
collection admits and a signed-in pupil it does not; the page cache never hands a
signed-in view to anonymous visitors."""

import pytest
from django.test import Client
from wagtail.rich_text import RichText

from cms.sveden.models import SvedenCommonPage
from tests.clients import signed_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def page_with_documents(world):
    """The public page «About» listing the charter and the staff's methodical guide, and
    linking to both from its text."""
    charter, guide = world.elements.public_document, world.elements.staff_document
    page = world.elements.public_page
    page.body = [
        (
            "documents",
            {"title": "Документы", "documents": [charter, guide]},
        ),
        (
            "paragraph",
            RichText(
                f'<p>Читайте <a linktype="document" id="{charter.pk}">Устав</a> и '
                f'<a linktype="document" id="{guide.pk}">Методичка для учителей</a>.</p>'
            ),
        ),
    ]
    page.save_revision().publish()
    return page


def names_the_guide(html: str, guide) -> bool:
    return any(mark in html for mark in ("Методичка", guide.url, f"/docs/{guide.pk}/"))


def test_anonymous_visitors_see_the_public_document_and_nothing_of_the_closed_one(
    world, page_with_documents
):
    html = Client().get(page_with_documents.url).content.decode()

    assert "Устав" in html
    assert world.elements.public_document.url in html
    assert not names_the_guide(html, world.elements.staff_document)


def test_staff_the_collection_admits_see_both(world, page_with_documents):
    html = signed_in(world.people["teacher"]).get(page_with_documents.url).content.decode()

    guide = world.elements.staff_document
    assert "Устав" in html
    assert html.count(f'href="{guide.url}"') == 2  # the list and the text
    assert "Методичка для учителей" in html


def test_a_signed_in_pupil_the_collection_does_not_admit_sees_nothing_of_it(
    world, page_with_documents
):
    html = signed_in(world.people["student"]).get(page_with_documents.url).content.decode()

    assert "Устав" in html
    assert not names_the_guide(html, world.elements.staff_document)


def test_the_page_cache_never_gives_anonymous_visitors_the_staff_view(
    world, page_with_documents, settings
):
    settings.PAGE_CACHE_ENABLED = True
    guide = world.elements.staff_document
    # A staff member reads the page first, then anonymous visitors (the second from the cache).
    staff = signed_in(world.people["teacher"]).get(page_with_documents.url)
    assert names_the_guide(staff.content.decode(), guide)
    first = Client().get(page_with_documents.url)
    again = Client().get(page_with_documents.url)

    assert first["X-Page-Cache"] == "miss"
    assert again["X-Page-Cache"] == "hit"
    for response in (first, again):
        assert not names_the_guide(response.content.decode(), guide)


def test_sveden_lists_a_closed_document_as_absent_to_those_who_may_not_open_it(world):
    common = SvedenCommonPage.objects.get()
    common.license_document = world.elements.staff_document
    common.save_revision().publish()
    guide = world.elements.staff_document

    anonymous = Client().get(common.url).content.decode()
    pupil = signed_in(world.people["student"]).get(common.url).content.decode()
    teacher = signed_in(world.people["teacher"]).get(common.url).content.decode()

    for html in (anonymous, pupil):
        assert not names_the_guide(html, guide)
        assert '<span itemprop="licenseDocLink"></span>' in html  # the attribute stays
    assert f'<a href="{guide.url}" itemprop="licenseDocLink">' in teacher


def test_a_closed_document_file_is_kept_by_no_shared_cache(world):
    guide, charter = world.elements.staff_document, world.elements.public_document

    closed = signed_in(world.people["teacher"]).get(guide.url)
    public = Client().get(charter.url)
    about = signed_in(world.people["teacher"]).get(f"/docs/{guide.pk}/")

    assert closed.status_code == 200
    for response in (closed, about):
        assert "private" in response["Cache-Control"]
        assert "no-store" in response["Cache-Control"]
    assert public.status_code == 200
    assert "no-store" not in public.get("Cache-Control", "")
