"""The demo school's people as the school itself would have recorded them: positions
with their permission groups, classes, the orders that enrolled, hired, expelled and
dismissed people (regulation §6.5–§6.7), the terms of use and the subject departments.
Idempotent: an order that exists is kept."""

import datetime

from django.contrib.auth.models import Group, Permission
from django.utils import timezone

from accounts.models import (
    Order,
    OrderKind,
    OrderLine,
    Position,
    SchoolClass,
    SubjectDepartment,
    TermsAcceptance,
    TermsVersion,
    User,
)
from accounts.services.orders import order_apply
from eios.models import School

from .people import DEMO_ACCOUNTS

YEAR = 2025  # school year 2025/2026
# Orders are applied as signed (regulation §6.5); the demo school's director signs them.
SIGNATORY_NAME, SIGNATORY_POSITION = "Сергеев П. И.", "директор"
SCHOOL_YEAR_START = datetime.date(YEAR, 9, 1)
CLASSES = ["1А", "2А", "3А", "4А", "5А", "5Б", "6А", "7А", "8А", "9А", "10А", "11А"]
# The README's demo pupils and their classes; generated pupils fill every class in turn.
DEMO_PUPILS = {"student": "5А", "student2": "6А"}

# position code → Django permissions of its group (app_label.codename)
GROUP_PERMISSIONS = {
    "director": ["accounts.view_schoolclass", "wagtailadmin.access_admin"],
    "head_of_department": ["wagtailadmin.access_admin"],
    "teacher": [],
    "librarian": [],
    "class_teacher": ["accounts.issue_credentials"],
    "it_teacher": ["accounts.issue_credentials", "accounts.view_schoolclass"],
    "sysadmin": [
        "accounts.issue_credentials",
        "accounts.block_user",
        # The People list and a person's screens: the system administrator blocks,
        # unblocks and issues credentials from there (regulation §6.6–§6.7).
        "accounts.view_user",
        "accounts.view_schoolclass",
        "eios.view_auditevent",
        "wagtailadmin.access_admin",
    ],
    "deputy": ["accounts.view_schoolclass", "wagtailadmin.access_admin"],
}

STAFF = [
    # username, position codes; the demo accounts of README.md are hired like anyone
    ("teacher", ["teacher", "class_teacher", "head_of_department"]),
    ("editor", ["deputy"]),
]

# name, subjects, username of its head (None: no head yet)
DEPARTMENTS = [
    ("ШМО учителей русского языка и литературы", "русский язык, литература", "teacher"),
    ("ШМО учителей математики и информатики", "математика, алгебра, геометрия, информатика", None),
]

TERMS = (
    "1. Электронная информационно-образовательная среда (ЭИОС) школы используется для "
    "обучения, работы и общения участников образовательных отношений.\n\n"
    "2. Логин и пароль выдаются лично; передавать их другим лицам и входить под чужой "
    "учётной записью запрещено (п. 12.3 Положения об ЭИОС).\n\n"
    "3. Если пароль стал известен другому лицу, немедленно заблокируйте учётную запись "
    "в личном кабинете или сообщите классному руководителю (п. 12.2).\n\n"
    "4. Действия в ЭИОС записываются в журнал событий безопасности."
)


def demo_people_load(school: School) -> None:
    _groups()
    classes = _classes(school)
    admin = User.objects.get(username="admin")
    teacher = User.objects.get(username="teacher")
    SchoolClass.objects.filter(pk=classes["5А"].pk).update(class_teacher=teacher)
    _order(
        school,
        "1-к",
        OrderKind.HIRING,
        admin,
        [
            {"person": User.objects.get(username=u), "position": Position.objects.get(code=c)}
            for u, codes in STAFF
            for c in codes
        ],
        title="О приёме на работу",
    )
    generated = (
        User.objects.filter(memberships__isnull=True)
        .filter(username__startswith="student")
        .exclude(username__in=DEMO_PUPILS)
        .order_by("username")
    )
    per_class = {name: [] for name in CLASSES}
    for username, name in DEMO_PUPILS.items():
        per_class[name].append(User.objects.get(username=username))
    for index, pupil in enumerate(generated):
        per_class[CLASSES[index % len(CLASSES)]].append(pupil)
    for number, (name, pupils) in enumerate(per_class.items(), start=1):
        _order(
            school,
            f"{number}-у",
            OrderKind.ENROLMENT,
            admin,
            [{"person": p, "school_class": classes[name]} for p in pupils],
            title=f"О зачислении в {name} класс",
        )
    _leavers(school, admin, classes)
    _terms()
    _departments(school)


def _groups() -> None:
    for code, names in GROUP_PERMISSIONS.items():
        position = Position.objects.get(code=code)
        if position.group_id:
            continue
        group, _ = Group.objects.get_or_create(name=position.name)
        for name in names:
            app_label, codename = name.split(".")
            group.permissions.add(
                Permission.objects.get(content_type__app_label=app_label, codename=codename)
            )
        position.group = group
        position.save(update_fields=["group"])
    Position.objects.filter(code="student").update(is_staff_position=False)


def _classes(school: School) -> dict[str, SchoolClass]:
    return {
        name: SchoolClass.objects.get_or_create(school=school, name=name, year=YEAR)[0]
        for name in CLASSES
    }


def _order(school, number, kind, actor, lines, *, title, date=SCHOOL_YEAR_START):
    existing = Order.objects.filter(school=school, number=number).first()
    if existing is not None or not lines:
        return existing
    order = Order.objects.create(
        school=school,
        number=number,
        date=date,
        kind=kind,
        title=title,
        signatory_name=SIGNATORY_NAME,
        signatory_position=SIGNATORY_POSITION,
    )
    OrderLine.objects.bulk_create(
        OrderLine(order=order, sort_order=i, **fields) for i, fields in enumerate(lines)
    )
    return order_apply(order=order, actor=actor)


def _people_of(order) -> list[User]:
    # Namesakes are common in a generated school: the order names its people exactly.
    return [line.person for line in order.lines.select_related("person")]


def _leavers(school, admin, classes) -> None:
    """Two pupils who moved away and a teacher who left: blocked, kept on record."""
    # Their names are none the generator gives (accounts/demo/names.py): an order refuses to
    # register someone who may already be on record (accounts.services.orders).
    leaving = datetime.date(YEAR, 12, 27)
    enrolled = _order(
        school,
        "20-у",
        OrderKind.ENROLMENT,
        admin,
        [
            {
                "last_name": "Воробьёв",
                "first_name": "Денис",
                "patronymic": "Олегович",
                "school_class": classes["9А"],
            },
            {
                "last_name": "Соколова",
                "first_name": "Алина",
                "patronymic": "Игоревна",
                "school_class": classes["7А"],
            },
        ],
        title="О зачислении",
        date=datetime.date(YEAR, 9, 2),
    )
    _order(
        school,
        "21-у",
        OrderKind.EXPULSION,
        admin,
        [{"person": person} for person in _people_of(enrolled)],
        title="Об отчислении в связи с переводом в другую школу",
        date=leaving,
    )
    hired = _order(
        school,
        "2-к",
        OrderKind.HIRING,
        admin,
        [
            {
                "last_name": "Кравцова",
                "first_name": "Ольга",
                "patronymic": "Сергеевна",
                "position": Position.objects.get(code="teacher"),
            }
        ],
        title="О приёме на работу",
    )
    _order(
        school,
        "3-к",
        OrderKind.DISMISSAL,
        admin,
        [{"person": person} for person in _people_of(hired)],
        title="Об увольнении по собственному желанию",
        date=leaving,
    )


def _terms() -> None:
    version, _ = TermsVersion.objects.get_or_create(
        version="1",
        defaults={
            "title": "Правила использования ЭИОС",
            "text": TERMS,
            "published_at": timezone.make_aware(datetime.datetime(YEAR, 8, 30)),
        },
    )
    # The README's demo accounts have accepted them already, so a first look is direct.
    for user in User.objects.filter(username__in=[row[0] for row in DEMO_ACCOUNTS]):
        TermsAcceptance.objects.get_or_create(user=user, version=version)


def _departments(school: School) -> None:
    """Its head administers the department's materials (regulation §5.4), the section of
    the site that the official site's part of the demo makes for it."""
    for name, subjects, head in DEPARTMENTS:
        SubjectDepartment.objects.get_or_create(
            school=school,
            name=name,
            defaults={
                "subjects": subjects,
                "head": User.objects.filter(username=head).first() if head else None,
            },
        )
