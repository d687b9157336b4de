"""The demo school: a fictional school with its pages, news, documents, platforms and people.

`demo_school_load()` is idempotent: running it again completes what is missing and
changes nothing that exists.
"""

import datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.db import transaction
from wagtail.models import Page, Site

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
from eios.models import School

from .access import demo_access_load
from .pdf import minimal_pdf
from .people import russian_people
from .platforms import PLATFORMS
from .school_people import demo_people_load
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

POSITIONS = [
    ("director", "Директор"),
    ("deputy", "Заместитель директора"),
    ("head_of_department", "Руководитель ШМО"),
    ("teacher", "Учитель"),
    ("class_teacher", "Классный руководитель"),
    ("it_teacher", "Учитель информатики, ответственный за ЭИОС"),
    ("librarian", "Педагог-библиотекарь"),
    ("sysadmin", "Системный администратор"),
    ("student", "Обучающийся"),
]

# Regulation §5.4: the director and deputies see all.
SEEING_EVERYTHING = {"director", "deputy"}

# Wagtail's «Editors», named in Russian by migration cms 0004.
EDITORS = "Редакторы"

# Development-only accounts, listed in README.md.
DEMO_ACCOUNTS = [
    # username, password, last, first, patronymic, superuser, group
    ("admin", "demo-admin-29", "Сергеев", "Павел", "Игоревич", True, None),
    ("editor", "demo-editor-29", "Орлова", "Марина", "Викторовна", False, EDITORS),
    ("teacher", "demo-teacher-29", "Белова", "Ирина", "Николаевна", False, None),
    ("student", "demo-student-29", "Кузнецов", "Артём", "Дмитриевич", False, None),
]

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


@transaction.atomic
def demo_school_load(*, students: int = 60, news: int = 12) -> Site:
    site = Site.objects.filter(root_page__content_type__model="homepage").first()
    if site is None:
        site = school_site_create(hostname="localhost", port=80, **SCHOOL)
    school = School.for_site(site)
    home = site.root_page.specific
    _home_content(home)
    _positions()
    _platforms(school)
    _pages(home, school, news)
    _documents()
    sveden_demo_fill(site)
    _people(students)
    demo_people_load(school)
    demo_access_load(school)
    return site


def _home_content(home: HomePage) -> None:
    if not home.intro:
        home.intro = (
            "<p>Добро пожаловать на официальный сайт школы. Здесь публикуются сведения "
            "об образовательной организации, новости и документы, а обучающиеся и "
            "сотрудники входят в личный кабинет электронной информационно-образовательной "
            "среды.</p>"
        )
        home.save_revision().publish()


def _positions() -> None:
    for order, (code, name) in enumerate(POSITIONS):
        Position.objects.get_or_create(
            code=code,
            defaults={
                "name": name,
                "sort_order": order,
                "sees_everything": code in SEEING_EVERYTHING,
            },
        )


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


def _pages(home: HomePage, school: School, news_count: int) -> None:
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
        document.file.save(f"{title[:40]}.pdf", ContentFile(minimal_pdf(title)), save=False)
        document.save()


def _people(students: int) -> None:
    user_model = get_user_model()
    editors = Group.objects.filter(name=EDITORS).first()
    for username, password, last, first, middle, superuser, group in DEMO_ACCOUNTS:
        if user_model.objects.filter(username=username).exists():
            continue
        user = user_model(
            username=username,
            last_name=last,
            first_name=first,
            patronymic=middle,
            is_staff=superuser or group is not None,
            is_superuser=superuser,
        )
        user.set_password(password)
        user.save()
        if group == EDITORS and editors is not None:
            user.groups.add(editors)
    existing = set(
        user_model.objects.filter(username__startswith="student").values_list("username", flat=True)
    )
    new = []
    for number, (last, first, middle) in enumerate(russian_people(students), start=1):
        username = f"student{number:05d}"
        if username in existing:
            continue
        # Generated students get no usable password: credentials are issued per class.
        new.append(
            user_model(
                username=username,
                last_name=last,
                first_name=first,
                patronymic=middle,
                password="!",  # noqa: S106 - unusable password marker
            )
        )
    user_model.objects.bulk_create(new, batch_size=1000)
