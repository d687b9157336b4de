"""The public catalogue of platforms as the demo school fills it (regulation §4.5)."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from wagtail.models import Page

from accounts.models import Position
from cms.demo.platforms import PLATFORMS
from cms.models import Platform, SchoolDocument
from eios.demo import demo_load

pytestmark = pytest.mark.django_db

ACCESS_LABELS = {"free": "свободный", "authorised": "авторизованный"}


@pytest.fixture
def demo_site(settings, tmp_path):
    # The demo's PDF documents go to a throw-away directory.
    settings.MEDIA_ROOT = str(tmp_path)
    return demo_load(students=5, news=3).site


def catalogue_rows(client) -> list[list[str]]:
    response = client.get("/platforms/")
    assert response.status_code == 200
    table = BeautifulSoup(response.content, "html.parser").select_one("table.platforms")
    return [
        [cell.get_text(" ", strip=True) for cell in row.find_all("td")]
        for row in table.select("tbody tr")
    ]


def test_catalogue_lists_the_18_platforms_of_the_regulation(client, demo_site):
    rows = catalogue_rows(client)

    assert len(rows) == 18
    for number, (row, platform) in enumerate(zip(rows, PLATFORMS, strict=True), start=1):
        name, address, purpose, access, _serves, federal = platform
        assert row[0] == str(number)
        assert row[1] == (f"{name} федеральный перечень" if federal else name)
        assert row[2] == (address.removeprefix("mailto:") or "—")
        assert row[3] == purpose
        assert row[4] == ACCESS_LABELS[access]


def test_catalogue_links_open_the_platforms(client, demo_site):
    html = client.get("/platforms/").content.decode()

    assert 'href="https://sferum.ru/"' in html
    assert 'href="https://рдш.рф/"' in html
    assert 'href="mailto:school@example.ru"' in html


def test_demo_loader_is_idempotent(demo_site):
    def counts():
        return {
            "pages": Page.objects.count(),
            "platforms": Platform.objects.count(),
            "platform positions": Platform.positions.through.objects.count(),
            "positions": Position.objects.count(),
            "documents": SchoolDocument.objects.count(),
            "users": get_user_model().objects.count(),
        }

    before = counts()
    again = demo_load(students=5, news=3).site

    assert again == demo_site
    assert counts() == before
    assert before["platforms"] == 18
