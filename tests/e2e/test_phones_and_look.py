"""The public site as a parent reads it on a phone and inspectors on a desktop (issue 14):
axe-core finds no WCAG 2.1 AA violation on any page a visitor opens, none scrolls sideways
at 320 px (WCAG 1.4.10), controls are 44 px to tap, the menu folds behind a button, wide
tables scroll in their own frame with a hint, the education table fits at 1280 px."""

import io

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from cms.sveden.audit_spec import SECTIONS

WCAG_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
PHONE = {"width": 320, "height": 640}
DESKTOP = {"width": 1280, "height": 900}
PASSWORD = "parent-pass-2929"


@pytest.fixture
def school(site_url):
    """A school site with what a visitor meets: news with and without a picture, a menu in
    /food/, a page with subpages, a parent who can sign in and a class teacher whose
    cabinet lists the pupils of her class."""
    import datetime

    import openpyxl
    from django.core.files.uploadedfile import SimpleUploadedFile
    from wagtail.models import Collection, Site

    from accounts.models import ClassMembership, SchoolClass, User
    from cms.food.services import menu_file_upload
    from cms.models import (
        ContentPage,
        NewsIndexPage,
        NewsPage,
        PlatformCatalogPage,
        SchoolImage,
        SiteLook,
    )
    from eios.models import School
    from tests.images import png

    site = Site.objects.get(is_default_site=True)
    home = site.root_page
    news = home.add_child(instance=NewsIndexPage(title="Новости", slug="news", show_in_menus=True))
    picture = SchoolImage.objects.create(
        title="Музей", collection=Collection.get_first_root_node(), file=png("museum.png")
    )
    news.add_child(
        instance=NewsPage(
            title="Экскурсия в краеведческий музей",
            slug="museum",
            intro="Ученики 5А класса побывали в музее.",
            image=picture,
        )
    )
    news.add_child(instance=NewsPage(title="Школьный этап олимпиады", slug="olymp"))
    about = home.add_child(instance=ContentPage(title="О школе", slug="about", show_in_menus=True))
    about.add_child(instance=ContentPage(title="История школы", slug="history"))
    home.add_child(instance=PlatformCatalogPage(title="Электронные платформы", slug="platforms"))
    timetable = home.add_child(instance=ContentPage(title="Расписание уроков", slug="raspisanie"))
    emblem = SchoolImage.objects.create(
        title="Эмблема", collection=Collection.get_first_root_node(), file=png("emblem.png")
    )
    SiteLook.objects.create(site=site, emblem=emblem, timetable_page=timetable)
    School.objects.filter(site=site).update(
        address="353000, г. Примерск, ул. Школьная, д. 7", telephone="(86100) 2-77-77"
    )
    book = openpyxl.Workbook()
    book.active.append(["Завтрак", "Каша овсяная", 200])
    buffer = io.BytesIO()
    book.save(buffer)
    menu_file_upload(site=site, upload=SimpleUploadedFile("2026-09-01-sm.xlsx", buffer.getvalue()))
    User.objects.create_user("parent", password=PASSWORD, last_name="Смирнова", first_name="Анна")
    teacher = User.objects.create_user(
        "teacher", password=PASSWORD, last_name="Белова", first_name="Ирина"
    )
    school_class = SchoolClass.objects.create(
        school=School.for_site(site), name="5А", year=2026, class_teacher=teacher
    )
    for login, last_name, first_name in (
        ("novikov.g", "Новиков", "Глеб"),
        ("konstantinopolskaya.v", "Константинопольская", "Варвара"),
    ):
        pupil = User.objects.create_user(login, last_name=last_name, first_name=first_name)
        ClassMembership.objects.create(
            user=pupil, school_class=school_class, started_on=datetime.date(2026, 9, 1)
        )
    return site_url


def public_paths() -> list[str]:
    return [
        "/",
        "/news/",
        "/news/museum/",
        "/about/",
        "/sveden/",
        *(f"/sveden/{slug}/" for slug in SECTIONS),
        "/search/?q=экскурсии",
        "/search/?q=a%22b",
        "/food/",
        "/accounts/login/",
        "/no-such-page/",
    ]


def sign_in(page, base, login="parent"):
    page.goto(base + "/accounts/login/")
    page.fill('input[name="login"]', login)
    page.fill('input[name="password"]', PASSWORD)
    page.get_by_role("button", name="Войти").click()
    page.wait_for_url("**/cabinet/")


def check(page, url: str, axe: Axe, width: int) -> list[str]:
    """What is wrong with the page at `url` at this width: axe's violations, sideways scroll."""
    page.goto(url)
    problems = []
    results = axe.run(page, options=WCAG_AA)
    if results.violations_count:
        problems.append(f"{url} at {width}px:\n{results.generate_report()}")
    scroll = page.evaluate("document.documentElement.scrollWidth")
    if scroll > width:
        problems.append(f"{url} scrolls sideways at {width}px: {scroll}px wide")
    return problems


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["320px", "1280px"])
def test_every_page_passes_axe_and_none_scrolls_sideways(browser, school, viewport):
    context = browser.new_context(locale="ru-RU", viewport=viewport)
    page = context.new_page()
    axe = Axe()
    problems = []
    for path in public_paths():
        problems += check(page, school + path, axe, viewport["width"])
    context.close()
    for login in ("parent", "teacher"):  # the teacher's cabinet holds her class's table
        context = browser.new_context(locale="ru-RU", viewport=viewport)
        page = context.new_page()
        sign_in(page, school, login)
        problems += check(page, school + "/cabinet/", axe, viewport["width"])
        context.close()
    assert not problems, "\n".join(problems)


def test_the_low_vision_version_passes_axe_on_a_phone_too(browser, school):
    context = browser.new_context(locale="ru-RU", viewport=PHONE)
    page = context.new_page()
    page.goto(school + "/")
    page.get_by_role("button", name="Версия для слабовидящих").click()
    page.get_by_role("button", name="Белым по чёрному").click()
    axe = Axe()
    problems = []
    for path in ["/", "/news/", "/sveden/education/", "/search/?q=экскурсии"]:
        problems += check(page, school + path, axe, PHONE["width"])
    context.close()
    assert not problems, "\n".join(problems)


def test_the_low_vision_switch_says_how_to_go_back(page, school):
    page.goto(school + "/")
    page.get_by_role("button", name="Версия для слабовидящих").click()
    back = page.get_by_role("button", name="Обычная версия сайта")
    expect(back).to_be_visible()
    page.goto(school + "/news/")  # remembered on the next page, the label too
    page.get_by_role("button", name="Обычная версия сайта").click()
    expect(page.get_by_role("button", name="Версия для слабовидящих")).to_be_visible()
    expect(page.locator("html")).not_to_have_class("lv")


def test_on_a_phone_the_menu_folds_behind_a_button(browser, school):
    context = browser.new_context(locale="ru-RU", viewport=PHONE)
    page = context.new_page()
    page.goto(school + "/")
    menu = page.get_by_role("navigation", name="Главное меню")
    expect(menu).to_be_hidden()
    button = page.get_by_role("button", name="Меню")
    expect(button).to_have_attribute("aria-expanded", "false")
    button.click()
    expect(button).to_have_attribute("aria-expanded", "true")
    expect(menu.get_by_role("link", name="Сведения об образовательной организации")).to_be_visible()
    context.close()

    desktop = browser.new_context(locale="ru-RU", viewport=DESKTOP).new_page()
    desktop.goto(school + "/")
    expect(desktop.get_by_role("button", name="Меню")).to_be_hidden()
    expect(desktop.get_by_role("navigation", name="Главное меню")).to_be_visible()
    desktop.context.close()


TAPPED = (
    "button, .main-menu a, .user-nav a, .quick-links a, .sveden-nav a, .footer-links a, "
    ".pagination a, input"
)


@pytest.mark.parametrize("path", ["/", "/sveden/common/", "/search/?q=экскурсии", "/news/"])
def test_controls_are_44px_to_tap_on_a_phone(browser, school, path):
    context = browser.new_context(locale="ru-RU", viewport=PHONE)
    page = context.new_page()
    page.goto(school + path)
    page.get_by_role("button", name="Меню").click()  # the menu's links count too
    small = page.evaluate(
        """(selector) => [...document.querySelectorAll(selector)]
            .filter(e => e.offsetParent !== null)
            .map(e => [e.textContent.trim() || e.outerHTML.slice(0, 60),
                       e.getBoundingClientRect().height])
            .filter(([, height]) => height < 44)""",
        TAPPED,
    )
    context.close()
    assert small == []


def test_a_wide_table_scrolls_in_its_frame_with_a_hint_on_a_phone(browser, school):
    context = browser.new_context(locale="ru-RU", viewport=PHONE)
    page = context.new_page()
    page.goto(school + "/sveden/education/")
    frame = page.get_by_role("region", name="Реализуемые образовательные программы")
    expect(frame).to_be_visible()
    assert frame.evaluate("f => f.scrollWidth > f.clientWidth")
    expect(page.get_by_text("Таблицу можно прокрутить вбок").first).to_be_visible()
    frame.focus()  # the keyboard reaches it: arrow keys scroll it
    page.keyboard.press("ArrowRight")
    page.wait_for_function(
        "() => document.querySelector('[data-table-frame]').scrollLeft > 0", timeout=3000
    )
    context.close()


def test_the_education_table_fits_a_desktop_screen(browser, school):
    page = browser.new_context(locale="ru-RU", viewport=DESKTOP).new_page()
    page.goto(school + "/sveden/education/")
    frames = page.locator("[data-table-frame]")
    for index in range(frames.count()):
        assert frames.nth(index).evaluate("f => f.scrollWidth <= f.clientWidth")
    expect(page.get_by_text("Таблицу можно прокрутить вбок").first).to_be_hidden()
    page.context.close()


def test_the_home_page_has_the_quick_links_and_news_cards(page, school):
    page.goto(school + "/")
    quick = page.get_by_role("navigation", name="Быстрые ссылки")
    names = ["Сведения", "Питание", "Расписание", "Электронные платформы", "Личный кабинет"]
    assert quick.get_by_role("link").all_inner_texts() == names
    expect(page.locator(".brand img.brand-emblem")).to_be_visible()
    card = page.locator(".news-card", has_text="Экскурсия в краеведческий музей")
    expect(card.locator("img")).to_be_visible()
    expect(page.locator("footer").get_by_role("link", name="Школа на карте")).to_be_visible()


@pytest.mark.parametrize("path", ["/sveden/common/", "/sveden/document/"])
def test_sveden_prints_without_menus_and_with_the_attribution(page, school, path):
    page.goto(school + path)
    page.emulate_media(media="print")
    expect(page.get_by_role("navigation", name="Главное меню")).to_be_hidden()
    expect(page.locator(".sveden-nav")).to_be_hidden()
    expect(page.locator(".site-search")).to_be_hidden()
    expect(page.locator(".attribution")).to_be_visible()
    expect(page.locator("h1")).to_be_visible()
