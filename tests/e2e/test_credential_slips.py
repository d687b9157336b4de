"""A class teacher prints the slips of a class by clicks (regulation §9.5–§9.7): «select
all» ticks the pupils waiting for credentials, a pupil already using the account is
included only after a confirmation that names them, and the PDF downloads."""

import datetime

from playwright.sync_api import expect


def test_a_class_teacher_selects_all_and_confirms_a_reissue(page, site_url):
    from django.contrib.auth.models import Permission
    from django.utils import timezone
    from wagtail.models import Site

    from accounts.models import ClassMembership, SchoolClass, TermsVersion, User
    from eios.models import School

    teacher = User.objects.create_user(
        "belova.i", password="belova-pass-29", last_name="Белова", first_name="Ирина"
    )
    teacher.user_permissions.add(Permission.objects.get(codename="issue_credentials"))
    TermsVersion.objects.create(
        version="1",
        title="Правила",
        text="Правила ЭИОС.",
        published_at=timezone.now() - datetime.timedelta(days=1),
    ).acceptances.create(user=teacher)
    school_class = SchoolClass.objects.create(
        school=School.for_site(Site.objects.get(is_default_site=True)),
        name="5А",
        year=2026,
        class_teacher=teacher,
    )
    # Registered by an order: no password until a slip is printed.
    waiting = [
        User.objects.create_user(f"novikov.{letter}", last_name="Новиков", first_name=name)
        for letter, name in (("g", "Глеб"), ("p", "Пётр"))
    ]
    in_use = User.objects.create_user(
        "kuznetsov.a", password="own-pass-2929", last_name="Кузнецов", first_name="Антон"
    )
    for pupil in [*waiting, in_use]:
        ClassMembership.objects.create(
            user=pupil, school_class=school_class, started_on=datetime.date(2026, 9, 1)
        )

    page.goto(site_url + "/accounts/login/")
    page.fill('input[name="login"]', "belova.i")
    page.fill('input[name="password"]', "belova-pass-29")
    page.locator("form").get_by_role("button", name="Войти").click()
    page.wait_for_url("**/cabinet/")
    page.goto(f"{site_url}/cabinet/classes/{school_class.pk}/")

    # Clear the pre-ticked boxes, then «select all» ticks every waiting pupil again.
    page.get_by_label("Выбрать всех").uncheck()
    for pupil in waiting:
        expect(
            page.get_by_label(f"Новиков {pupil.first_name} ({pupil.username})")
        ).not_to_be_checked()
    page.get_by_label("Выбрать всех").check()
    for pupil in waiting:
        expect(page.get_by_label(f"Новиков {pupil.first_name} ({pupil.username})")).to_be_checked()
    expect(page.get_by_label("Кузнецов Антон (kuznetsov.a)")).not_to_be_checked()

    page.get_by_label("Кузнецов Антон (kuznetsov.a)").check()
    page.get_by_role("button", name="Скачать листки (PDF)").click()
    expect(page.locator("main")).to_contain_text("Кузнецов Антон (kuznetsov.a)")
    with page.expect_download() as download:
        page.get_by_role("button", name="Скачать листки (3 ученика)").click()
    assert download.value.suggested_filename == f"slips-{school_class.pk}.pdf"
    in_use.refresh_from_db()
    assert not in_use.check_password("own-pass-2929")
