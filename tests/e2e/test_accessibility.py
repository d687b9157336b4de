"""WCAG 2.1 AA checks (ГОСТ Р 52872-2019, ПП РФ № 102) with axe-core in the real browser."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from cms.models import NewsIndexPage, NewsPage

WCAG_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


@pytest.fixture
def public_pages(site_url):
    from wagtail.models import Site

    home = Site.objects.get(is_default_site=True).root_page
    news = home.add_child(instance=NewsIndexPage(title="Новости", slug="news", show_in_menus=True))
    news.add_child(instance=NewsPage(title="Школьный этап олимпиады", slug="olymp"))
    return [
        site_url + "/",
        site_url + "/news/",
        site_url + "/news/olymp/",
        site_url + "/sveden/",
        site_url + "/search/?q=олимпиада",
        site_url + "/no-such-page/",
    ]


@pytest.mark.parametrize("low_vision", [False, True], ids=["normal", "low-vision"])
def test_public_pages_have_no_wcag_aa_violations(page, public_pages, low_vision):
    axe = Axe()
    for url in public_pages:
        page.goto(url)
        if low_vision:
            if page.get_attribute("html", "class") in (None, ""):
                page.get_by_role("button", name="Версия для слабовидящих").click()
            page.get_by_role("button", name="Белым по чёрному").click()
        results = axe.run(page, options=WCAG_AA)
        assert results.violations_count == 0, f"{url}\n{results.generate_report()}"
