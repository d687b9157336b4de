"""Login security (SPEC §3, regulation §12.2): guessing stopped per account, never a
whole school behind one address; blocked sessions die on every session back-end."""

import datetime
import re
import time

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth.hashers import MD5PasswordHasher
from django.contrib.auth.models import Permission
from django.core import mail
from django.core.cache import caches
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from accounts.models import BlockKind, User, UserSession
from accounts.services.blocking import account_block
from eios.audit import AuditEvent, AuditKind
from tests.clients import log_in
from tests.counting_cache import CountingCache
from tests.factories import person_create

pytestmark = pytest.mark.django_db

PASSWORD = "верный-пароль-29"


@pytest.fixture
def pupil(db):
    return person_create(
        "kuznetsov.a",
        password=PASSWORD,
        last_name="Кузнецов",
        first_name="Артём",
        confirmed_email="artem@example.ru",
    )


def events(kind, **filters):
    return AuditEvent.objects.filter(kind=kind, **filters)


def test_guessing_is_stopped_after_the_configured_tries_and_audited_once(client, pupil, settings):
    for _ in range(settings.LOGIN_FAILURES_PER_ACCOUNT):
        response = log_in(client, pupil.username, "не тот пароль")
        assert response.status_code == 200
        assert "_auth_user_id" not in client.session

    # Locked now, even with the right password, for a while.
    for _ in range(3):
        response = log_in(client, pupil.username, PASSWORD)
        assert "logging in is paused for 15 minutes" in response.content.decode()
        assert "_auth_user_id" not in client.session

    assert events(AuditKind.LOGIN_FAILED, subject=pupil).count() == 10
    locked = events(AuditKind.LOGIN_LOCKED, subject=pupil).get()
    assert locked.details == {"failures": 10, "minutes": 15}


def test_the_lock_belongs_to_the_account_whatever_identifies_it(client, pupil, settings):
    # Failures spread over the username in any case and the confirmed address in any case.
    names = ["kuznetsov.a", "KUZNETSOV.A", "artem@example.ru", "Artem@Example.RU"]
    for attempt in range(settings.LOGIN_FAILURES_PER_ACCOUNT):
        log_in(client, names[attempt % len(names)], "подбор")

    for name in names:
        response = log_in(client, name, PASSWORD)
        assert "logging in is paused for 15 minutes" in response.content.decode(), name
        assert "_auth_user_id" not in client.session
    assert events(AuditKind.LOGIN_LOCKED, subject=pupil).count() == 1


def test_guessing_on_a_name_that_is_no_account_is_slowed_the_same_way(pupil, settings):
    answers = {}
    for name in ["nobody.x", pupil.username]:
        client = Client()
        first = log_in(client, name, "подбор").content.decode()
        for _ in range(settings.LOGIN_FAILURES_PER_ACCOUNT - 1):
            log_in(client, name, "подбор")
        answers[name] = (first, log_in(client, name.upper(), "подбор").content.decode())
    # Nothing tells the invented name from the real one.
    for wrong, locked in answers.values():
        assert "username and/or password you specified are not correct" in wrong
        assert "logging in is paused for 15 minutes" in locked


def test_attempts_refused_by_the_lock_are_counted_in_the_audit_log(client, pupil, settings):
    for _ in range(settings.LOGIN_FAILURES_PER_ACCOUNT):
        log_in(client, pupil.username, "подбор")
    for name in ["kuznetsov.a", "artem@example.ru", "kuznetsov.a"]:
        log_in(Client(), name, PASSWORD)
    assert not events(AuditKind.LOGIN_LOCK_ENDED).exists()

    # The owner resets the password through the confirmed address: the lock ends, and the
    # next login writes how many attempts the lock refused.
    new_password = "новый-пароль-2026"
    client.post(reverse("account_reset_password"), {"email": pupil.email})
    link = next(w for w in mail.outbox[0].body.split() if "/password/reset/key/" in w)
    form = client.get(link, follow=True).redirect_chain[-1][0]
    client.post(form, {"password1": new_password, "password2": new_password})
    log_in(client, pupil.username, new_password)

    assert client.session["_auth_user_id"] == str(pupil.pk)
    ended = events(AuditKind.LOGIN_LOCK_ENDED, subject=pupil).get()
    assert ended.details == {"refused": 3}


def test_a_blocked_account_answers_a_right_and_a_wrong_password_alike(pupil):
    account_block(user=pupil, kind=BlockKind.SELF, reason="Пароль увидел сосед")
    right, wrong = Client(), Client()
    right_answer = log_in(right, pupil.username, PASSWORD)
    wrong_answer = log_in(wrong, pupil.username, "не тот пароль")

    assert right_answer.status_code == wrong_answer.status_code == 302
    assert right_answer["Location"] == wrong_answer["Location"] == reverse("account_inactive")
    assert (
        right.get(right_answer["Location"]).content == wrong.get(wrong_answer["Location"]).content
    )
    assert events(AuditKind.LOGIN_FAILED, subject=pupil).count() == 2


class CountingHasher(MD5PasswordHasher):
    """The test run's hasher, counting how many times a password is hashed."""

    runs = 0

    def encode(self, password, salt):
        CountingHasher.runs += 1
        return super().encode(password, salt)


@pytest.mark.parametrize(
    ("login", "password"),
    [
        ("artem@example.ru", "не тот пароль"),  # a known address, wrong password
        ("nobody@example.ru", "не тот пароль"),  # an address of no account
        ("kuznetsov.a", "не тот пароль"),
        ("nobody.x", "не тот пароль"),
        ("kuznetsov.a", PASSWORD),
        ("artem@example.ru", PASSWORD),
        ("new.pupil", "не тот пароль"),  # enrolled, no password issued yet
        ("blocked.pupil", PASSWORD),
        ("blocked.pupil", "не тот пароль"),
    ],
)
def test_every_login_attempt_hashes_the_password_exactly_once(
    client, pupil, settings, login, password
):
    """Known and unknown names and addresses take the same time: one hash each (ASVS 2.2)."""
    settings.PASSWORD_HASHERS = [f"{__name__}.CountingHasher"]
    User.objects.create_user("new.pupil")  # no usable password
    blocked = User.objects.create_user("blocked.pupil", password=PASSWORD)
    account_block(user=blocked, kind=BlockKind.SELF, reason="Пароль увидел сосед")
    CountingHasher.runs = 0
    log_in(client, login, password)
    assert CountingHasher.runs == 1


def test_an_address_nobody_confirmed_does_not_log_in(client, pupil):
    EmailAddress.objects.filter(user=pupil).update(verified=False)
    log_in(client, pupil.email, PASSWORD)
    assert "_auth_user_id" not in client.session
    log_in(client, pupil.username, PASSWORD)
    assert client.session["_auth_user_id"] == str(pupil.pk)


def test_a_flood_of_failures_from_one_address_is_stopped(client, pupil, settings, monkeypatch):
    settings.LOGIN_FAILURES_PER_ADDRESS_PER_MINUTE = 3
    monkeypatch.setattr(time, "time", lambda: 1_800_000_000.0)  # all within one minute
    for name in ["ivanov.a", "petrov.b", "sidorov.c"]:
        log_in(client, name, "подбор")

    response = log_in(client, pupil.username, PASSWORD)
    assert "Too many failed logins from your network" in response.content.decode()
    assert "_auth_user_id" not in client.session
    elsewhere = Client(REMOTE_ADDR="10.9.9.9")
    log_in(elsewhere, pupil.username, PASSWORD)
    assert elsewhere.session["_auth_user_id"] == str(pupil.pk)


def test_a_class_of_thirty_logs_in_together_from_one_address(db):
    pupils = [
        User.objects.create_user(f"pupil{n}", password=f"пароль-ученика-{n}") for n in range(30)
    ]
    # A few typos on the way, as in a real classroom.
    for pupil in pupils[:5]:
        log_in(Client(REMOTE_ADDR="10.1.1.1"), pupil.username, "опечатка")
    for n, pupil in enumerate(pupils):
        client = Client(REMOTE_ADDR="10.1.1.1")
        log_in(client, pupil.username, f"пароль-ученика-{n}")
        assert client.session["_auth_user_id"] == str(pupil.pk), pupil.username
    assert events(AuditKind.LOGIN).count() == 30
    assert not events(AuditKind.LOGIN_LOCKED).exists()


def test_the_lock_of_one_account_leaves_the_others_alone(client, pupil):
    other = User.objects.create_user("other", password=PASSWORD)
    for _ in range(11):
        log_in(client, pupil.username, "подбор")
    log_in(client, other.username, PASSWORD)
    assert client.session["_auth_user_id"] == str(other.pk)


def test_login_by_email_works_too(client, pupil):
    log_in(client, "Artem@Example.ru", PASSWORD)
    assert client.session["_auth_user_id"] == str(pupil.pk)


@pytest.mark.parametrize(
    "engine",
    [
        "django.contrib.sessions.backends.db",
        "django.contrib.sessions.backends.cache",  # Redis when REDIS_URL is set (CI)
        "eios.session_store",  # production's with Redis
        "django.contrib.sessions.backends.cached_db",
    ],
)
def test_a_session_cookie_captured_before_blocking_is_refused(settings, pupil, engine):
    settings.SESSION_ENGINE = engine
    victim = Client()
    log_in(victim, pupil.username, PASSWORD)
    captured = victim.cookies["sessionid"].value
    assert victim.get(reverse("cabinet")).status_code == 200

    account_block(user=pupil, kind=BlockKind.ORDER, reason="Приказ об отчислении")

    thief = Client()
    thief.cookies["sessionid"] = captured
    response = thief.get(reverse("cabinet"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert not UserSession.objects.filter(user=pupil).exists()


def test_log_out_everywhere_ends_the_other_sessions_only(pupil, django_capture_on_commit_callbacks):
    phone, laptop = Client(), Client()
    log_in(phone, pupil.username, PASSWORD)
    log_in(laptop, pupil.username, PASSWORD)

    # Sessions end once the change is committed (the test's transaction never is).
    with django_capture_on_commit_callbacks(execute=True):
        laptop.post(reverse("logout_everywhere"))

    assert laptop.get(reverse("cabinet")).status_code == 200
    assert phone.get(reverse("cabinet")).status_code == 302
    assert events(AuditKind.SESSIONS_ENDED, subject=pupil).get().details == {"count": 1}


def test_an_idle_session_expires(client, pupil, settings):
    log_in(client, pupil.username, PASSWORD)
    session = client.session
    idle = datetime.timedelta(seconds=settings.SESSION_IDLE_SECONDS + 1)
    session["_eios_seen_at"] = (timezone.now() - idle).timestamp()
    session.save()
    response = client.get(reverse("cabinet"))
    assert response["Location"].startswith(reverse("account_login"))


def test_the_cabinet_shows_the_previous_login_and_failed_attempts_since(pupil):
    first = Client(REMOTE_ADDR="10.0.0.5")
    log_in(first, pupil.username, PASSWORD)
    stranger = Client(REMOTE_ADDR="203.0.113.9")
    for _ in range(2):
        log_in(stranger, pupil.username, "угадаю")
    second = Client(REMOTE_ADDR="10.0.0.6")
    log_in(second, pupil.username, PASSWORD)
    page = second.get(reverse("cabinet")).content.decode()
    assert "10.0.0.5" in page
    assert "2 failed login attempts since then." in page


def test_nobody_anonymous_can_block_an_account(client, pupil):
    response = client.post(reverse("block_self"))
    assert response["Location"].startswith(reverse("account_login"))
    response = client.post(reverse("block_pupil", args=[pupil.pk]), {"reason": "шутка"})
    assert response["Location"].startswith(reverse("account_login"))
    pupil.refresh_from_db()
    assert pupil.is_active
    assert not events(AuditKind.BLOCK).exists()


def test_a_pupil_cannot_block_a_classmate(pupil):
    mate = User.objects.create_user("mate", password=PASSWORD)
    client = Client()
    log_in(client, mate.username, PASSWORD)
    response = client.post(reverse("block_pupil", args=[pupil.pk]), {"reason": "шутка"})
    # Refused as a missing pupil would be: no hint that the account exists.
    assert response.status_code == 404
    pupil.refresh_from_db()
    assert pupil.is_active


def test_a_person_blocks_their_own_account_at_once(pupil):
    phone, laptop = Client(), Client()
    log_in(phone, pupil.username, PASSWORD)
    log_in(laptop, pupil.username, PASSWORD)

    response = laptop.post(reverse("block_self"), {"reason": "Пароль увидел сосед"})

    assert "Your account is blocked" in response.content.decode()
    assert phone.get(reverse("cabinet")).status_code == 302
    pupil.refresh_from_db()
    assert not pupil.is_active
    assert pupil.blocks.get().kind == BlockKind.SELF


def test_password_reset_by_email_is_audited_once(client, pupil):
    client.post(reverse("account_reset_password"), {"email": pupil.email})
    link = next(w for w in mail.outbox[0].body.split() if "/password/reset/key/" in w)
    form = client.get(link, follow=True)
    client.post(
        form.redirect_chain[-1][0] if form.redirect_chain else link,
        {"password1": "новый-пароль-2026", "password2": "новый-пароль-2026"},
    )
    assert events(AuditKind.PASSWORD_RESET, subject=pupil).count() == 1
    log_in(client, pupil.username, "новый-пароль-2026")
    assert client.session["_auth_user_id"] == str(pupil.pk)


def test_the_login_field_asks_for_a_login_or_an_address_in_russian(client, settings):
    settings.LANGUAGE_CODE = "ru"
    page = client.get(reverse("account_login")).content.decode()
    assert '<label for="id_login">Логин или e-mail:</label>' in page
    field = re.search(r'<input[^>]*id="id_login"[^>]*>', page).group(0)
    assert 'autocomplete="username"' in field


def test_wagtails_own_login_form_is_not_a_way_round_the_lock(client, pupil, settings):
    for _ in range(settings.LOGIN_FAILURES_PER_ACCOUNT):
        log_in(client, pupil.username, "не тот пароль")
    # /admin/login/ only sends to the one login form, which keeps the lock.
    response = client.post(
        "/admin/login/?next=/admin/", {"username": pupil.username, "password": PASSWORD}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("account_login") + "?next=/admin/"
    assert "_auth_user_id" not in client.session
    assert client.get(reverse("cabinet")).status_code == 302


def test_wagtails_own_password_reset_is_closed(client, pupil):
    response = client.post("/admin/password_reset/", {"email": pupil.email})
    assert response.status_code == 404
    assert len(mail.outbox) == 0


@pytest.mark.parametrize("managed_by_wagtail", [False, True])
def test_wagtails_account_page_changes_neither_password_nor_address(
    pupil, settings, managed_by_wagtail
):
    if managed_by_wagtail:
        # What the page would offer without the settings: the fields this test looks for.
        settings.WAGTAIL_PASSWORD_MANAGEMENT_ENABLED = True
        settings.WAGTAIL_EMAIL_MANAGEMENT_ENABLED = True
    pupil.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client = Client()
    client.force_login(pupil)
    page = client.get("/admin/account/").content.decode()
    offered = 'name="password-new_password1"' in page, 'name="name_email-email"' in page
    assert offered == (managed_by_wagtail, managed_by_wagtail)


def test_a_good_login_asks_the_cache_once_for_the_lock(client, pupil, settings):
    # allauth's rate limits cost ~15 round trips to Redis a login (the issue's storm): the
    # lock is counted once per account, one read before the password is checked. The
    # session's own write is counted in tests/eios/test_session_store.py.
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.db"
    counted = caches["default"] = CountingCache(caches["default"])
    try:
        assert log_in(client, pupil.username, PASSWORD).status_code == 302
    finally:
        caches["default"] = counted.cache

    assert client.session["_auth_user_id"] == str(pupil.pk)
    assert counted.calls == ["get_many"]
    assert f"login:lock:account:{pupil.pk}" in counted.keys[0]
