"""End-to-end tests: Debian's Chromium driven through Playwright's Python package.

The browser is never downloaded: it is the system's /usr/bin/chromium. Outside CI a
machine without it skips these tests with a reason; with CI=true its absence fails.
"""

import os
import shutil

import pytest

CHROMIUM = os.environ.get("EIOS_CHROMIUM", "/usr/bin/chromium")
# Flags for a headless root run on a machine whose network is closed.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

# Playwright's sync API runs an event loop in this thread; the test's own ORM calls
# are still synchronous and safe here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "tests/e2e/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session")
def browser():
    if not (os.path.exists(CHROMIUM) or shutil.which(CHROMIUM)):
        if os.environ.get("CI") == "true":
            pytest.fail(f"Chromium not found at {CHROMIUM}: CI must install it (apt-get).")
        pytest.skip(f"Chromium not found at {CHROMIUM}; install Debian's chromium package.")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="ru-RU")
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def site_url(live_server, transactional_db):
    """A school site served by a live server; returns its base URL."""
    from wagtail.models import Collection, Locale, Page

    from cms.services import school_site_create

    # A transactional test starts from a flushed database: put back what Wagtail's
    # migrations create on a real installation.
    Locale.objects.get_or_create(language_code="ru")
    if Page.get_first_root_node() is None:
        Page.add_root(instance=Page(title="Все сайты", slug="root"))
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Общая коллекция")
    school_site_create(
        full_name="Муниципальное бюджетное общеобразовательное учреждение «Школа № 7»",
        short_name="МБОУ Школа № 7",
        hostname="localhost",
    )
    return live_server.url
