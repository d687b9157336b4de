"""The demo school's positions and people: the README's demo accounts and generated
pupils with realistic Russian names."""

from django.contrib.auth.models import Group

from accounts.models import Position, User

from .names import russian_people

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
    # A pupil of another class (6А), for the checks of one pupil against another.
    ("student2", "demo-student2-29", "Белоусова", "Ева", "Константиновна", False, None),
]


def positions_create() -> None:
    for order, (code, name) in enumerate(POSITIONS):
        Position.objects.get_or_create(
            code=code,
            defaults={
                "name": name,
                "sort_order": order,
                "sees_everything": code in SEEING_EVERYTHING,
            },
        )


def people_create(*, students: int) -> None:
    editors = Group.objects.filter(name=EDITORS).first()
    for username, password, last, first, middle, superuser, group in DEMO_ACCOUNTS:
        if User.objects.filter(username=username).exists():
            continue
        user = User(
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
        User.objects.filter(username__startswith="student").values_list("username", flat=True)
    )
    new = []
    for number, (last, first, middle) in enumerate(russian_people(students), start=1):
        username = f"student{number:05d}"
        if username in existing:
            continue
        # Generated students get no usable password: credentials are issued per class.
        new.append(
            User(
                username=username,
                last_name=last,
                first_name=first,
                patronymic=middle,
                password="!",  # noqa: S106 - unusable password marker
            )
        )
    User.objects.bulk_create(new, batch_size=1000)
