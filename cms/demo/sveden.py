"""«Сведения об образовательной организации» of the demo school, filled so it audits clean.

`sveden_demo_fill(site)` is idempotent: it creates the subsections and documents that are
missing and fills only fields that are still empty, so an editor's changes survive a rerun.
"""

import datetime
import decimal

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from wagtail.blocks import StreamValue
from wagtail.models import Page, Site

from cms.models import Platform, SchoolDocument
from cms.sveden.models import SvedenIndexPage
from cms.sveden.services import sveden_sections_ensure, sveden_tree_create
from eios.models import School

from .pdf import text_pdf

DIRECTOR = ("Сергеев Павел Игоревич", "Директор")
SIGNED_AT = datetime.datetime(2025, 8, 29, 10, 0)
SCHOOL_YEAR = "2025/2026"

FOUNDER = {
    "name": "Администрация муниципального образования Примерский район",
    "address": "353000, Краснодарский край, Примерский район, ст. Примерская, ул. Ленина, д. 1",
    "telephone": "(86100) 2-10-01",
    "email": "adm@primerskiy.example.ru",
    "website": "https://primerskiy.example.ru/",
}

# name, head, head's position, room, regulation ([1493] §8: a director has none)
UNITS = [
    ("Директор", *DIRECTOR, "каб. 101", None),
    (
        "Педагогический совет",
        DIRECTOR[0],
        "Председатель, директор",
        "каб. 204",
        "Положение о педагогическом совете",
    ),
    (
        "Управляющий совет",
        "Лебедева Ольга Андреевна",
        "Председатель",
        "каб. 101",
        "Положение об управляющем совете",
    ),
    (
        "Общее собрание работников",
        "Никитина Светлана Юрьевна",
        "Председатель",
        "каб. 204",
        "Положение об общем собрании работников",
    ),
    (
        "Методический совет",
        "Орлова Марина Викторовна",
        "Председатель",
        "каб. 102",
        "Положение о методическом совете",
    ),
    (
        "Библиотека",
        "Захарова Елена Петровна",
        "Педагог-библиотекарь",
        "каб. 110",
        "Положение о школьной библиотеке",
    ),
    (
        "Школьный спортивный клуб «Старт»",
        "Волков Андрей Сергеевич",
        "Руководитель",
        "спортивный зал",
        "Положение о школьном спортивном клубе",
    ),
    (
        "Психолого-педагогическая служба",
        "Павлова Анна Игоревна",
        "Педагог-психолог",
        "каб. 105",
        "Положение о психолого-педагогической службе",
    ),
]

# field, title, file, signed (copies of the charter and register extracts are not signed)
DOCUMENTS = [
    ("charter", "Устав", "ustav.pdf", False),
    ("student_rules", "Правила внутреннего распорядка обучающихся", "pvro.pdf", True),
    ("labour_rules", "Правила внутреннего трудового распорядка", "pvtr.pdf", True),
    ("collective_agreement", "Коллективный договор на 2024–2027 годы", "koldog.pdf", True),
    (
        "self_evaluation_report",
        "Отчёт о результатах самообследования за 2025 год",
        "self.pdf",
        True,
    ),
    ("admission_rules", "Правила приёма граждан на обучение", "priem.pdf", True),
    ("study_mode", "Положение о режиме занятий обучающихся", "rezhim.pdf", True),
    (
        "assessment_rules",
        "Положение о формах, периодичности и порядке текущего контроля успеваемости "
        "и промежуточной аттестации обучающихся",
        "attest.pdf",
        True,
    ),
    (
        "transfer_rules",
        "Порядок и основания перевода, отчисления и восстановления обучающихся",
        "perevod.pdf",
        True,
    ),
    (
        "relations_rules",
        "Порядок оформления возникновения, приостановления и прекращения отношений "
        "между школой и обучающимися",
        "otnosh.pdf",
        True,
    ),
]

# level, genitive for titles, term, subjects, platforms its work programmes name
PROGRAMMES = [
    (
        "noo",
        "начального общего образования",
        "4 года",
        [
            "Русский язык",
            "Литературное чтение",
            "Иностранный язык (английский)",
            "Математика",
            "Окружающий мир",
            "Основы религиозных культур и светской этики",
            "Изобразительное искусство",
            "Музыка",
            "Труд (технология)",
            "Физическая культура",
        ],
        ["Сферум", "Каталог цифрового образовательного контента (ЦОК)"],
    ),
    (
        "ooo",
        "основного общего образования",
        "5 лет",
        [
            "Русский язык",
            "Литература",
            "Иностранный язык (английский)",
            "Математика",
            "Информатика",
            "История",
            "Обществознание",
            "География",
            "Биология",
            "Физика",
            "Химия",
            "Физическая культура",
        ],
        ["Сферум", "Единое содержание общего образования"],
    ),
    (
        "soo",
        "среднего общего образования",
        "2 года",
        [
            "Русский язык",
            "Литература",
            "Иностранный язык (английский)",
            "Математика",
            "Информатика",
            "История",
            "Обществознание",
            "Физика",
            "Химия",
            "Биология",
            "Физическая культура",
            "Основы безопасности и защиты Родины",
        ],
        ["Сферум", "Национальная электронная библиотека (НЭБ)"],
    ),
]

# full name, positions, subjects, education, years of experience, levels
TEACHERS = [
    (
        "Белова Ирина Николаевна",
        "Учитель начальных классов",
        "Русский язык, литературное чтение, математика, окружающий мир",
        "Высшее, Армавирский государственный педагогический "
        "университет, «Педагогика и методика начального образования», учитель начальных классов",
        18,
        ["noo"],
    ),
    (
        "Кузнецова Татьяна Викторовна",
        "Учитель начальных классов",
        "Русский язык, литературное чтение, математика, окружающий мир, ОРКСЭ",
        "Высшее, Кубанский государственный "
        "университет, «Начальное образование», учитель начальных классов",
        11,
        ["noo"],
    ),
    (
        "Орлова Марина Викторовна",
        "Заместитель директора, учитель русского языка и литературы",
        "Русский язык, литература",
        "Высшее, Кубанский государственный университет, «Филология», филолог, преподаватель",
        24,
        ["ooo", "soo"],
    ),
    (
        "Смирнов Алексей Владимирович",
        "Учитель математики",
        "Математика (алгебра, геометрия, вероятность и статистика)",
        "Высшее, Кубанский государственный университет, «Математика», математик, преподаватель",
        15,
        ["ooo", "soo"],
    ),
    (
        "Фёдорова Наталья Олеговна",
        "Учитель английского языка",
        "Иностранный язык (английский)",
        "Высшее, Пятигорский государственный лингвистический университет, «Иностранный язык», "
        "учитель английского и немецкого языков",
        9,
        ["noo", "ooo", "soo"],
    ),
    (
        "Егоров Дмитрий Сергеевич",
        "Учитель информатики, ответственный за ЭИОС",
        "Информатика",
        "Высшее, Кубанский государственный технологический университет, «Прикладная "
        "информатика», информатик-экономист",
        7,
        ["ooo", "soo"],
    ),
    (
        "Михайлова Светлана Ивановна",
        "Учитель истории и обществознания",
        "История, обществознание",
        "Высшее, Южный федеральный университет, «История», историк, преподаватель истории",
        21,
        ["ooo", "soo"],
    ),
    (
        "Волков Андрей Сергеевич",
        "Учитель физической культуры",
        "Физическая культура",
        "Высшее, Кубанский государственный университет физической культуры, спорта и туризма, "
        "«Физическая культура», педагог по физической культуре",
        13,
        ["noo", "ooo", "soo"],
    ),
]

# level (as in the address of fgos.ru), genitive for the title, approving act
STANDARDS = [
    ("noo", "начального общего образования", "приказ Минпросвещения России от 31.05.2021 № 286"),
    ("ooo", "основного общего образования", "приказ Минпросвещения России от 31.05.2021 № 287"),
    ("soo", "среднего общего образования", "приказ Минобрнауки России от 17.05.2012 № 413"),
]

DEPUTIES = [
    {
        "name": "Орлова Марина Викторовна",
        "post": "Заместитель директора по учебно-воспитательной работе",
        "telephone": "(86100) 2-29-30",
        "email": "zam-uvr@school29.example.ru",
    },
    {
        "name": "Ковалёва Наталья Сергеевна",
        "post": "Заместитель директора по воспитательной работе",
        "telephone": "(86100) 2-29-31",
        "email": "zam-vr@school29.example.ru",
    },
]

QUALIFICATION = (
    "2024, ГБОУ ИРО Краснодарского края, «Реализация требований обновлённых ФГОС НОО, ФГОС ООО "
    "в работе учителя», 36 ч."
)

OBJECT_TEXTS = (
    "accessibility",
    "means",
    "means_adapted",
    "networks",
    "networks_adapted",
    "special_means",
)

TEXTS = {
    "accessibility": "<p>Главный вход оборудован пандусом и кнопкой вызова персонала, "
    "на первом этаже есть санитарная комната для маломобильных посетителей; второй и третий "
    "этажи доступны при помощи сотрудника школы.</p>",
    "means": "<p>Учебники и учебные пособия по всем предметам учебного плана, интерактивные "
    "панели в 18 кабинетах, цифровые лаборатории по физике, химии и биологии центра "
    "«Точка роста», спортивный инвентарь.</p>",
    "means_adapted": "<p>Учебники с укрупнённым шрифтом, портативный видеоувеличитель, "
    "индукционная петля в кабинете 101.</p>",
    "networks": "<p>Компьютерный класс на 15 мест и ноутбуки в кабинетах с доступом "
    "к сети «Интернет» по единой сети передачи данных со скоростью 100 Мбит/с; доступ "
    "к сайтам, не совместимым с задачами обучения, ограничен контентной фильтрацией.</p>",
    "networks_adapted": "<p>Рабочее место в компьютерном классе с программой экранного "
    "доступа и клавиатурой с крупными символами.</p>",
    "special_means": "<p>Портативный видеоувеличитель, индукционная петля.</p>",
    "support": "<ul><li>Бесплатное горячее питание обучающихся 1–4 классов.</li>"
    "<li>Бесплатное двухразовое питание обучающихся с ОВЗ.</li>"
    "<li>Бесплатное пользование учебниками и учебными пособиями.</li>"
    "<li>Подвоз обучающихся из хутора Садового школьным автобусом.</li></ul>",
    "health": "<p>Медицинский кабинет с процедурной (лицензия ГБУЗ «Примерская ЦРБ»), "
    "медицинская сестра ежедневно с 8:00 до 15:00; питьевой режим, подвижные перемены, "
    "ежегодные профилактические осмотры.</p>",
    "parental_fee": "<p>Плата за присмотр и уход за детьми в группах продлённого дня "
    "не взимается.</p>",
}


# Text inside the demo curricula (site search finds documents by it), by file name prefix;
# every demo file holds at least its title.
TEXTS_OF_DOCUMENTS = {
    "plan": [
        "Учебный план определяет перечень, трудоёмкость, последовательность и распределение "
        "по периодам обучения учебных предметов, курсов, дисциплин (модулей), формы "
        "промежуточной аттестации обучающихся.",
        "Недельная нагрузка: 5-дневная учебная неделя, продолжительность урока 40 минут.",
    ],
}


@transaction.atomic
def sveden_demo_fill(site: Site) -> None:
    school = School.for_site(site)
    home = site.root_page.specific
    index = SvedenIndexPage.objects.child_of(home).first() or sveden_tree_create(home=home)
    pages = {page.SLUG: page for page in sveden_sections_ensure(index=index)}
    platforms = {p.name: p.pk for p in Platform.objects.filter(school=school)}
    address = school.address
    _fill(
        pages["common"],
        founders=lambda: [_row("founder", **FOUNDER)],
        license_document=lambda: _doc(
            "Выписка из реестра лицензий на осуществление образовательной деятельности",
            "licence.pdf",
            signed=False,
        ),
        places_final_attestation=f"{address} (ППЭ № 2901, ОГЭ и ГВЭ)",
        places_additional=address,
    )
    _fill(pages["struct"], units=lambda: [_unit(*row, address) for row in UNITS])
    _fill(
        pages["document"],
        **{
            field: _lazy_doc(title, name, signed=signed) for field, title, name, signed in DOCUMENTS
        },
    )
    _education(pages["education"], platforms)
    _fill(
        pages["eduStandarts"],
        federal_standards=[
            _link(f"ФГОС {of_level} ({act})", f"https://fgos.ru/fgos/fgos-{level}")
            for level, of_level, act in STANDARDS
        ],
    )
    _fill(
        pages["managers"],
        director_name=DIRECTOR[0],
        director_post=DIRECTOR[1],
        director_telephone="(86100) 2-29-29",
        director_email="school29@example.ru",
        deputies=[_row("deputy", **deputy) for deputy in DEPUTIES],
    )
    _fill(pages["employees"], teachers=[_teacher(*row) for row in TEACHERS])
    _objects(pages["objects"], address)
    _fill(pages["grants"], support=TEXTS["support"])
    _fill(pages["paid_edu"], parental_fee=TEXTS["parental_fee"])
    _budget(pages["budget"])
    _fill(pages["vacant"], places=[_vacant(grade) for grade in range(1, 12)])
    _fill(
        pages["catering"],
        catering_objects=[
            _row(
                "object",
                name="Столовая на 120 посадочных мест",
                address=address,
                adapted="Приспособлена: вход с пандусом, стол для обучающихся на креслах-колясках",
            ),
            _row(
                "object",
                name="Буфет",
                address=address,
                adapted="Приспособлен: первый этаж, вход без порогов",
            ),
        ],
        health=TEXTS["health"],
    )


def _unit(name, head, post, room, regulation, address) -> dict:
    return _row(
        "unit",
        name=name,
        head_name=head,
        head_post=post,
        address=f"{address}, {room}",
        website="",
        email="school29@example.ru",
        regulation=_doc(regulation, "polozhenie.pdf").pk if regulation else None,
    )


def _education(page: Page, platforms: dict[str, int]) -> None:
    def programme(level, of_level, term, subjects, used) -> dict:
        school_year = f" на {SCHOOL_YEAR} учебный год"

        def doc(title, short, year=""):
            return _doc(f"{title} {of_level}{year}", f"{short}-{level}.pdf").pk

        work = [
            {
                "subject": subject,
                "document": _doc(
                    f"Рабочая программа учебного предмета «{subject}» (уровень {of_level})",
                    f"rp-{level}.pdf",
                ).pk,
                "platforms": [platforms[name] for name in used if name in platforms],
            }
            for subject in subjects
        ]
        return _row(
            "programme",
            level=level,
            name=f"Основная образовательная программа {of_level}",
            profile="Универсальный профиль" if level == "soo" else "Общеобразовательная",
            form="full_time",
            term=term,
            practices="",
            main_document=doc("Основная образовательная программа", "oop"),
            plans=[doc("Учебный план", "plan", year=school_year)],
            schedules=[doc("Календарный учебный график", "kug", year=school_year)],
            work_programmes=work,
            practice_programmes=[],
            methodology=[
                doc("Рабочая программа воспитания", "rpv"),
                doc("Календарный план воспитательной работы", "kpvr", year=school_year),
            ],
        )

    _fill(
        page,
        programmes=lambda: [programme(*row) for row in PROGRAMMES],
        language_document=_lazy_doc("Сведения о языках образования", "lang.pdf"),
        numbers_document=_lazy_doc(
            "Численность обучающихся по реализуемым образовательным программам", "chislen.pdf"
        ),
        transfer_document=_lazy_doc(
            f"Результаты перевода, восстановления и отчисления за {SCHOOL_YEAR} учебный год",
            "perevod-itogi.pdf",
        ),
        accreditation_document=_lazy_doc(
            "Выписка из государственного реестра аккредитованных организаций",
            "accred.pdf",
            signed=False,
        ),
    )


def _teacher(name, post, disciplines, education, experience, levels) -> dict:
    return _row(
        "teacher",
        name=name,
        post=post,
        disciplines=disciplines,
        education=education,
        degree="",
        academic_title="",
        qualification=QUALIFICATION,
        retraining="",
        experience=experience,
        programmes=levels,
    )


def _objects(page: Page, address: str) -> None:
    def room(name, equipment, adapted="Приспособлен частично: вход без порогов"):
        return _row("room", name=name, address=address, equipment=equipment, adapted=adapted)

    def facility(block, name, adapted="Приспособлен: вход с пандусом"):
        return _row(block, name=name, address=address, adapted=adapted)

    _fill(
        page,
        classrooms=[
            room(
                "Кабинет начальных классов № 101",
                "Интерактивная панель, ученическая мебель на 25 мест, наглядные пособия",
                "Приспособлен: первый этаж, вход с пандусом",
            ),
            room(
                "Кабинет русского языка и литературы № 204",
                "Интерактивная панель, библиотека словарей",
            ),
            room(
                "Кабинет математики № 206", "Интерактивная панель, комплект чертёжных инструментов"
            ),
            room("Кабинет информатики № 210", "15 компьютеров, проектор, локальная сеть"),
            room(
                "Кабинет физики № 301",
                "Цифровая лаборатория «Точка роста», демонстрационное оборудование",
            ),
            room(
                "Кабинет химии и биологии № 303",
                "Цифровая лаборатория «Точка роста», вытяжной шкаф, микроскопы",
            ),
        ],
        practice_objects=[
            room("Мастерская технологии", "Токарный и сверлильный станки, верстаки на 12 мест"),
            room(
                "Кабинет ОБЗР",
                "Тренажёр для оказания первой помощи, комплект средств индивидуальной защиты",
            ),
        ],
        libraries=[facility("library", "Библиотека с читальным залом на 20 мест")],
        sport_objects=[
            facility("object", "Спортивный зал"),
            facility(
                "object",
                "Спортивная площадка с беговой дорожкой",
                "Приспособлена: ровное покрытие, без ступеней",
            ),
        ],
        **{name: TEXTS[name] for name in OBJECT_TEXTS},
        resources=[_link("Российская электронная школа", "https://resh.edu.ru/")],
        resources_adapted=[
            _link("Российская государственная библиотека для слепых", "https://www.rgbs.ru/")
        ],
    )


def _budget(page: Page) -> None:
    _fill(
        page,
        volumes_year=2025,
        federal_volume=decimal.Decimal("4512.30"),
        regional_volume=decimal.Decimal("48734.60"),
        local_volume=decimal.Decimal("9215.80"),
        paid_volume=decimal.Decimal("0"),
        years=[
            _row("year", year=2024, receipts="58210.40", spending="58007.90"),
            _row("year", year=2025, receipts="62462.70", spending="62311.20"),
        ],
        plan_document=_lazy_doc(
            "План финансово-хозяйственной деятельности на 2026 год", "pfhd-2026.pdf"
        ),
    )


def _vacant(grade: int) -> dict:
    level = "noo" if grade <= 4 else "ooo" if grade <= 9 else "soo"
    return _row(
        "row",
        level=level,
        profile="Общеобразовательная",
        grade=grade,
        form="full_time",
        federal=0,
        regional=0,
        local=(grade * 3) % 5,
        paid=0,
    )


def _row(block_type: str, **value) -> dict:
    """One StreamField row in its stored form, with documents and platforms as ids."""
    return {"type": block_type, "value": value}


def _link(title: str, url: str) -> dict:
    return _row("link", title=title, url=url)


def _doc(title: str, filename: str, *, signed: bool = True) -> SchoolDocument:
    """The demo document with this title, created with a small PDF the first time.

    Acts the school approves itself are signed electronically ([1802] §18); copies of the
    charter and of register extracts are not ([CLAR] Q2).
    """
    document = SchoolDocument.objects.filter(title=title).first()
    if document is not None:
        return document
    document = SchoolDocument(
        title=title,
        description="Электронный документ" if signed else "Копия документа",
        approved_on=SIGNED_AT.date() if signed else None,
        signer_name=DIRECTOR[0] if signed else "",
        signer_position=DIRECTOR[1] if signed else "",
        signed_at=timezone.make_aware(SIGNED_AT) if signed else None,
        signature_kind="simple" if signed else "",
    )
    content = text_pdf(title, TEXTS_OF_DOCUMENTS.get(filename.split("-")[0], []))
    document.file.save(filename, ContentFile(content), save=False)
    # Size ([1493] §4: shown beside the link), hash and the text inside, as an upload does.
    document._set_document_file_metadata()
    document.save()
    return document


def _lazy_doc(title: str, filename: str, *, signed: bool = True):
    return lambda: _doc(title, filename, signed=signed)


def _fill(page: Page, **values) -> None:
    """Set the fields that are still empty and publish, so a rerun keeps editors' changes.

    A value may be a function, called only when its field is empty: documents are then
    created only for the items they fill.
    """
    changed = False
    for name, value in values.items():
        current = getattr(page, name)
        if current is None or current == "" or (isinstance(current, StreamValue) and not current):
            setattr(page, name, value() if callable(value) else value)
            changed = True
    if changed:
        page.save_revision().publish()
