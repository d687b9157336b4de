"""cms' part of the demo school (`load_demo`, eios/demo.py): a fictional school's site
with its pages, news, documents, platforms, «Сведения» and the access defaults of its
methodical section.

Idempotent: running it again completes what is missing and changes nothing that exists.
"""

import datetime

from django.core.files.base import ContentFile
from wagtail.models import Page

from accounts.models import Position
from cms.models import (
    ContactPage,
    ContentPage,
    HomePage,
    NewsIndexPage,
    NewsPage,
    Platform,
    PlatformCatalogPage,
    SchoolDocument,
)
from cms.services import school_site_create
from eios.demo import Demo, DemoPart
from eios.models import School

from .access import demo_access_load
from .look import demo_look_load
from .pdf import text_pdf
from .platforms import PLATFORMS
from .sveden import sveden_demo_fill

SCHOOL = {
    "full_name": "Муниципальное бюджетное общеобразовательное учреждение "
    "«Средняя общеобразовательная школа № 29» муниципального образования Примерский район",
    "short_name": "МБОУ СОШ № 29",
    "founded_on": datetime.date(1968, 9, 1),
    "address": "353000, Краснодарский край, Примерский район, ст. Примерская, ул. Школьная, д. 29",
    "work_time": "Пятидневная учебная неделя, понедельник — пятница с 8:00 до 18:00; "
    "уроки в одну смену с 8:30; суббота, воскресенье — выходные дни.",
    "telephone": "(86100) 2-29-29; (86100) 2-29-30",
    "email": "school29@example.ru",
}

NEWS_TITLES = [
    "Школьный этап всероссийской олимпиады школьников",
    "День открытых дверей для будущих первоклассников",
    "Итоги спартакиады школьников",
    "Родительское собрание в 9-х классах",
    "Неделя безопасности дорожного движения",
    "Экскурсия в краеведческий музей",
]

DOCUMENTS = [
    ("Устав", "Устав школы (копия)", False),
    ("Правила внутреннего распорядка обучающихся", "Локальный нормативный акт", True),
    ("Правила приёма граждан на обучение", "Локальный нормативный акт", True),
    ("Отчёт о результатах самообследования за 2025 год", "Отчёт", True),
]


def _site(demo: Demo) -> None:
    school = School.objects.order_by("pk").first()
    if school is None:
        school = School.for_site(school_site_create(hostname="localhost", port=80, **SCHOOL))
    _home_content(school.site.root_page.specific)
    demo.school = school


def _content(demo: Demo) -> None:
    school = demo.school
    _platforms(school)
    _pages(school.site.root_page.specific, demo.news)
    _documents()
    sveden_demo_fill(school.site)


def _access(demo: Demo) -> None:
    demo_access_load(demo.school)


def _look(demo: Demo) -> None:
    demo_look_load(demo.school.site)


PARTS = [
    # First: the school itself, which every later part builds on.
    DemoPart(order=10, name="cms.site", load=_site),
    # After the positions, which the platforms serve.
    DemoPart(order=30, name="cms.content", load=_content),
    # After the people: pages closed to the positions' groups, the departments' materials.
    DemoPart(order=50, name="cms.access", load=_access),
    # Last: the emblem, news pictures, menus and the editors' rights over news and menus.
    DemoPart(order=60, name="cms.look", load=_look),
]


def _home_content(home: HomePage) -> None:
    if not home.intro:
        home.intro = (
            "<p>Добро пожаловать на официальный сайт школы. Здесь публикуются сведения "
            "об образовательной организации, новости и документы, а обучающиеся и "
            "сотрудники входят в личный кабинет электронной информационно-образовательной "
            "среды.</p>"
        )
        home.save_revision().publish()


def _platforms(school: School) -> None:
    positions = {p.code: p for p in Position.objects.all()}
    for order, (name, address, purpose, access, serves, federal) in enumerate(PLATFORMS):
        platform, created = Platform.objects.get_or_create(
            school=school,
            name=name,
            defaults={
                "address": address,
                "purpose": purpose,
                "access_kind": access,
                "on_federal_list": federal,
                "sort_order": order,
            },
        )
        if created:
            platform.positions.set([positions[code] for code in serves])


def _child(parent: Page, model, slug: str, **fields) -> Page:
    existing = parent.get_children().filter(slug=slug).first()
    if existing is not None:
        return existing.specific
    page = model(slug=slug, **fields)
    parent.add_child(instance=page)
    return page


def _pages(home: HomePage, news_count: int) -> None:
    _child(
        home,
        ContentPage,
        "about",
        title="О школе",
        show_in_menus=True,
        intro="Школа работает с 1968 года и обучает детей с 1 по 11 класс.",
    )
    index = _child(home, NewsIndexPage, "news", title="Новости", show_in_menus=True)
    existing = index.get_children().count()
    start = datetime.date(2026, 9, 1)
    for number in range(existing, news_count):
        title = f"{NEWS_TITLES[number % len(NEWS_TITLES)]} ({number + 1})"
        _child(
            index,
            NewsPage,
            f"news-{number + 1}",
            title=title,
            date=start + datetime.timedelta(days=number * 3),
            intro=f"{title}: подробности в новости.",
        )
    _child(
        home,
        PlatformCatalogPage,
        "platforms",
        title="Электронные платформы",
        show_in_menus=True,
        intro="<p>Платформы, которые школа использует в образовательной деятельности "
        "(Положение об ЭИОС, п. 4.5).</p>",
    )
    _child(home, ContactPage, "contacts", title="Контакты", show_in_menus=True)


def _documents() -> None:
    for title, description, signed in DOCUMENTS:
        if SchoolDocument.objects.filter(title=title).exists():
            continue
        document = SchoolDocument(
            title=title,
            description=description,
            signer_name="Сергеев Павел Игоревич" if signed else "",
            signer_position="Директор" if signed else "",
            signature_kind="simple" if signed else "",
        )
        content = text_pdf(title, [description])
        document.file.save(f"{title[:40]}.pdf", ContentFile(content), save=False)
        document._set_document_file_metadata()  # size, hash and the text, as an upload
        document.save()
