import re

import pytest
from django.contrib.auth.password_validation import validate_password
from django.contrib.auth.validators import ASCIIUsernameValidator

from accounts.logins import login_for, one_time_password, usernames_taken
from accounts.models import User

pytestmark = pytest.mark.django_db

LOGIN_RE = re.compile(r"[a-z]+(?:-[a-z]+)*\.[a-z]+\d*")


@pytest.mark.parametrize(
    ("last_name", "first_name", "login"),
    [
        ("Иванов", "Алексей", "ivanov.a"),
        ("Ёлкин", "Пётр", "yolkin.p"),
        ("Щукина", "Йоланта", "shchukina.y"),
        ("Подъячев", "Ян", "podyachev.ya"),
        ("Объедков", "Юрий", "obyedkov.yu"),
        ("Хрущёва", "Дарья", "khrushchyova.d"),
        ("Белый", "Илья", "bely.i"),
        ("Петров-Водкин", "Кузьма", "petrov-vodkin.k"),
        ("ван дер Берг", "Анна", "van-der-berg.a"),
        ("О’Коннор", "Ким", "okonnor.k"),
        ("Шевченко", "Іван", "shevchenko.i"),
        ("Müller", "Anna", "muller.a"),
        ("ИВАНОВА", "ЖАННА", "ivanova.zh"),
    ],
)
def test_names_become_plain_ascii_logins(last_name, first_name, login):
    assert login_for(last_name, first_name, "", set()) == login
    ASCIIUsernameValidator()(login)


def test_a_collision_adds_the_patronymic_initial_then_a_number():
    taken: set[str] = set()
    logins = []
    for _ in range(4):
        login = login_for("Иванов", "Иван", "Петрович", taken)
        taken.add(login)
        logins.append(login)
    assert logins == ["ivanov.i", "ivanov.ip", "ivanov.ip2", "ivanov.ip3"]


def test_without_patronymic_a_collision_adds_a_number():
    assert login_for("Иванов", "Иван", "", {"ivanov.i"}) == "ivanov.i2"
    assert login_for("Иванов", "Иван", "", {"ivanov.i", "ivanov.i2"}) == "ivanov.i3"


def test_a_class_of_namesakes_gets_unique_valid_logins():
    taken: set[str] = set()
    names = [("Иванов", "Иван", "Иванович"), ("Иванова", "Яна", ""), ("Ёлкин", "Юрий", "")] * 15
    for last, first, patronymic in names:
        login = login_for(last, first, patronymic, taken)
        assert login not in taken
        assert LOGIN_RE.fullmatch(login), login
        taken.add(login)
    assert len(taken) == len(names)


def test_logins_are_unique_against_the_database_regardless_of_case(django_assert_num_queries):
    User.objects.create(username="Ivanov.I", last_name="Иванов", first_name="Игорь")
    with django_assert_num_queries(1):
        taken = usernames_taken()
    assert taken == {"ivanov.i"}
    assert login_for("Иванов", "Илья", "Сергеевич", taken) == "ivanov.is"


def test_a_very_long_surname_is_shortened():
    login = login_for("Константинопольская-Христорождественская", "Анна", "", set())
    assert login.startswith("konstantinopolskaya-khr")
    assert len(login) <= 32


def test_a_surname_with_no_letters_is_refused():
    with pytest.raises(ValueError, match="no Latin form"):
        login_for("--", "Анна", "", set())


def test_one_time_passwords_are_random_free_of_look_alikes_and_always_valid():
    user = User(username="ivanov.i", last_name="Иванов", first_name="Иван")
    passwords = [one_time_password(user=user) for _ in range(300)]
    assert len(set(passwords)) == len(passwords)
    for password in passwords:
        assert len(password) == 10
        assert not set(password) & set("0Oo1lI")
        validate_password(password, user=user)
