"""Attribution (regulation §12.1; issue 14, item 7): whatever the site makes as a file names
its source, with the host the site is reached by; so does the sitemap."""

import io

import pytest
from django.test import Client
from pypdf import PdfReader

from tests.clients import signed_in
from tests.slips import slips

pytestmark = pytest.mark.django_db

ATTRIBUTION = "При использовании материалов сайта ссылка на источник обязательна"


@pytest.fixture(autouse=True)
def _russian(settings):
    settings.LANGUAGE_CODE = "ru"


def test_every_page_of_the_credential_slips_carries_the_attribution(
    school, school_class, teacher, enrol
):
    pupils = enrol(*[("Кузнецов", f"Ученик{n}") for n in range(10)])  # two A4 pages
    client = signed_in(teacher)
    response = slips(client, school_class, *pupils, HTTP_HOST="school1.example.ru")
    pages = PdfReader(io.BytesIO(response.content)).pages
    assert len(pages) == 2
    for page in pages:
        text = " ".join(page.extract_text().split())
        assert ATTRIBUTION in text
        assert "http://school1.example.ru/" in text
        assert school.full_name in text


def test_the_sitemap_lists_addresses_on_the_host_the_site_is_reached_by(home):
    sitemap = Client().get("/sitemap.xml", HTTP_HOST="school1.example.ru").content.decode()
    assert "<loc>http://school1.example.ru/sveden/</loc>" in sitemap
    assert "localhost" not in sitemap
