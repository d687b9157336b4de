"""The library's part of the demo school: editions generated combinatorially (realistic
Russian titles, authors and publishers across subjects and grades; `load_demo
--editions N`, 100,000 for the benchmarks) and two external libraries, one with a pool
of credentials assigned to the demo pupils."""

import datetime
import random

from django.db import connection

from accounts.models import User
from eios.demo import Demo, DemoPart

from .models import (
    Edition,
    EditionKind,
    ExternalCredential,
    ExternalLibrary,
    Registration,
    match_key,
)
from .search import elastic
from .search.database import facets_changed
from .search.indexing import CHUNK, stems_fill
from .services.external import credentials_assign, credentials_generate

SUBJECTS = {
    "Математика": (1, 6),
    "Алгебра": (7, 9),
    "Геометрия": (7, 11),
    "Русский язык": (1, 11),
    "Литературное чтение": (1, 4),
    "Литература": (5, 11),
    "Окружающий мир": (1, 4),
    "История России": (6, 11),
    "Всеобщая история": (5, 11),
    "Обществознание": (6, 11),
    "География": (5, 11),
    "Биология": (5, 11),
    "Физика": (7, 11),
    "Химия": (8, 11),
    "Информатика": (7, 11),
    "Английский язык": (2, 11),
    "Немецкий язык": (5, 11),
    "Музыка": (1, 8),
    "Изобразительное искусство": (1, 7),
    "Труд (технология)": (1, 9),
    "Физическая культура": (1, 11),
    "Основы безопасности и защиты Родины": (8, 11),
}
TEXTBOOK_TITLES = (
    "{subject}. {grade} класс. Учебник",
    "{subject}. {grade} класс. Учебник. В 2 частях. Часть {part}",
    "{subject}. {grade} класс. Базовый уровень. Учебник",
    "{subject}. {grade} класс. Углублённый уровень. Учебник",
)
AID_TITLES = (
    "{subject}. Рабочая тетрадь. {grade} класс",
    "{subject}. Методические рекомендации. {grade} класс",
    "{subject}. Контрольные и проверочные работы. {grade} класс",
    "{subject}. Сборник заданий для подготовки к экзамену. {grade} класс",
    "{subject}. Дидактические материалы. {grade} класс",
)
REFERENCE_TITLES = (
    "{subject}: справочник школьника",
    "{subject} в таблицах и схемах. Справочное пособие",
    "Энциклопедия для детей. {subject}",
)
FICTION = (
    ("Пушкин А. С.", "Капитанская дочка"),
    ("Пушкин А. С.", "Евгений Онегин"),
    ("Лермонтов М. Ю.", "Герой нашего времени"),
    ("Гоголь Н. В.", "Мёртвые души"),
    ("Гоголь Н. В.", "Вечера на хуторе близ Диканьки"),
    ("Тургенев И. С.", "Отцы и дети"),
    ("Тургенев И. С.", "Записки охотника"),
    ("Толстой Л. Н.", "Война и мир"),
    ("Достоевский Ф. М.", "Преступление и наказание"),
    ("Чехов А. П.", "Рассказы"),
    ("Крылов И. А.", "Басни"),
    ("Булгаков М. А.", "Мастер и Маргарита"),
    ("Шолохов М. А.", "Тихий Дон"),
    ("Паустовский К. Г.", "Тёплый хлеб"),
    ("Ершов П. П.", "Конёк-Горбунок"),
    ("Носов Н. Н.", "Приключения Незнайки и его друзей"),
    ("Драгунский В. Ю.", "Денискины рассказы"),
    ("Бажов П. П.", "Малахитовая шкатулка"),
    ("Грибоедов А. С.", "Горе от ума"),
    ("Островский А. Н.", "Гроза"),
)
PERIODICALS = ("Квант", "Юный натуралист", "Костёр", "Химия и жизнь", "Знание — сила")
SURNAMES = (
    "Иванов", "Петров", "Смирнов", "Кузнецов", "Соколов", "Попов", "Лебедев", "Козлов",
    "Новиков", "Морозов", "Волков", "Алексеев", "Семёнов", "Егоров", "Павлов", "Степанов",
    "Николаев", "Орлов", "Андреев", "Макаров", "Никитин", "Захаров", "Зайцев", "Соловьёв",
    "Борисов", "Яковлев", "Григорьев", "Романов", "Воробьёв", "Сергеев", "Фёдоров", "Мухин",
)  # fmt: skip
INITIALS = "АБВГДЕИКЛМНОПРСТ"
PUBLISHERS = (
    "Просвещение", "Дрофа", "Вентана-Граф", "Русское слово", "Бином. Лаборатория знаний",
    "Экзамен", "Мнемозина", "Детская литература", "Эксмо", "АСТ",
)  # fmt: skip
FEDERAL_ORDER = "Приказ Минпросвещения России от 21.09.2022 № 858, п. 1.1.{number}"
# Demo editions carry ISBNs 978-5-99…, so a rerun finds what it made.


def isbn13(number: int) -> str:
    body = f"978599{number:06d}"
    check = (10 - sum((3 if i % 2 else 1) * int(c) for i, c in enumerate(body)) % 10) % 10
    return body + str(check)


def _author(rng: random.Random) -> str:
    return f"{rng.choice(SURNAMES)} {rng.choice(INITIALS)}. {rng.choice(INITIALS)}."


def demo_edition(number: int) -> Edition:
    """The `number`th demo edition: the same every time."""
    rng = random.Random(number)  # noqa: S311 — repeatable demo data, no secret
    subject, (low, high) = rng.choice(list(SUBJECTS.items()))
    grade = rng.randint(low, high)
    year = rng.randint(2008, 2025)
    roll = rng.random()
    fields = {"subject": subject, "grade_from": grade, "grade_to": grade, "year": year}
    if roll < 0.45:
        fields["kind"] = EditionKind.TEXTBOOK
        fields["title"] = rng.choice(TEXTBOOK_TITLES).format(
            subject=subject, grade=grade, part=rng.randint(1, 2)
        )
        fields["copies"] = rng.randint(10, 120)
        if year >= 2019:
            fields["on_federal_list"] = True
            fields["federal_list_order"] = FEDERAL_ORDER.format(number=number % 900 + 1)
    elif roll < 0.7:
        fields["kind"] = EditionKind.TEACHING_AID
        fields["title"] = rng.choice(AID_TITLES).format(subject=subject, grade=grade)
        fields["copies"] = rng.randint(1, 30)
    elif roll < 0.8:
        fields["kind"] = EditionKind.REFERENCE
        fields["title"] = rng.choice(REFERENCE_TITLES).format(subject=subject)
        fields["grade_to"] = high
        fields["grade_from"] = low
        fields["copies"] = rng.randint(1, 5)
    elif roll < 0.9:
        author, title = rng.choice(FICTION)
        fields.update(
            kind=EditionKind.FICTION, title=title, subject="Литература", copies=rng.randint(1, 25)
        )
        return Edition(
            **fields,
            authors=author,
            publisher=rng.choice(PUBLISHERS),
            isbn=isbn13(number),
        )
    elif roll < 0.95:
        fields["kind"] = EditionKind.E_RESOURCE
        fields["title"] = f"{subject}. {grade} класс. Электронное приложение к учебнику"
        fields["url"] = f"https://eor.example.ru/{number}"
    else:
        magazine = rng.choice(PERIODICALS)
        fields.update(
            kind=EditionKind.PERIODICAL,
            title=f"Журнал «{magazine}». {year}, № {rng.randint(1, 12)}",
            copies=1,
        )
    authors = "; ".join(dict.fromkeys(_author(rng) for _ in range(rng.randint(1, 3))))
    return Edition(**fields, authors=authors, publisher=rng.choice(PUBLISHERS), isbn=isbn13(number))


def editions_generate(count: int) -> int:
    """Up to `count` demo editions in all (a rerun adds only what is missing)."""
    made = Edition.objects.filter(isbn__startswith="978599").count()
    added = 0
    for start in range(made, count, CHUNK):
        chunk = [demo_edition(number) for number in range(start, min(start + CHUNK, count))]
        for edition in chunk:
            # bulk_create skips save(), which keeps it.
            edition.match_key = match_key(edition.title, edition.first_author, edition.year)
        stems_fill(chunk)
        created = Edition.objects.bulk_create(chunk)
        if elastic.configured():
            elastic.index_editions(created)
        added += len(created)
    facets_changed()
    if connection.vendor == "postgresql":
        # The planner needs the new rows' statistics to choose between the text-search
        # index and the title order (a server may run without autovacuum).
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE library_edition")
    return added


EXTERNAL = (
    ("ЭБС «Лань»", "https://e.lanbook.com/", Registration.ISSUED),
    ("Национальная электронная библиотека", "https://rusneb.ru/", Registration.SELF),
)


def external_libraries_create() -> None:
    today = datetime.date.today()
    for name, url, registration in EXTERNAL:
        library, _created = ExternalLibrary.objects.get_or_create(
            name=name,
            defaults={
                "url": url,
                "registration": registration,
                "starts_on": today.replace(month=9, day=1),
                "ends_on": today.replace(month=8, day=31, year=today.year + 1),
                "instructions": "Войдите на сайт библиотеки с этим логином и паролем.",
            },
        )
        if registration != Registration.ISSUED:
            continue
        if not ExternalCredential.objects.filter(library=library).exists():
            credentials_generate(library=library, count=40, prefix="sch1-", actor=None)
        pupils = list(User.objects.filter(username__in=["student", "student2"]))
        credentials_assign(library=library, people=pupils, actor=None)


def _editions(demo: Demo) -> None:
    editions_generate(demo.editions)


def _external(demo: Demo) -> None:
    external_libraries_create()


PARTS = [
    # After the people: the pool is handed to the demo pupils.
    DemoPart(order=70, name="library.editions", load=_editions),
    DemoPart(order=71, name="library.external", load=_external),
]
