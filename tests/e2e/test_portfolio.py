"""A pupil adds an achievement with a photo and submits it; the class teacher confirms it
from the queue; the pupil's chart shows it (issue 12)."""

import datetime
import io

from PIL import Image
from playwright.sync_api import expect


def _photo() -> bytes:
    buffer = io.BytesIO()
    exif = Image.Exif()
    exif[0x8825] = {1: "N", 2: (55.0, 45.0, 0.0)}
    Image.new("RGB", (60, 40), "green").save(buffer, format="JPEG", exif=exif)
    return buffer.getvalue()


def _login(page, site_url, username, password):
    page.goto(site_url + "/accounts/login/")
    page.fill('input[name="login"]', username)
    page.fill('input[name="password"]', password)
    page.locator("form").get_by_role("button", name="Войти").click()
    page.wait_for_url("**/cabinet/")


def test_a_pupil_adds_an_achievement_with_a_photo_the_class_teacher_confirms_it(page, site_url):
    from django.utils import timezone
    from wagtail.models import Site

    from accounts.models import ClassMembership, SchoolClass, TermsVersion, User
    from eios.models import School

    terms = TermsVersion.objects.create(
        version="1",
        title="Правила",
        text="Правила ЭИОС.",
        published_at=timezone.now() - datetime.timedelta(days=1),
    )
    teacher = User.objects.create_user(
        "belova.i", password="belova-pass-29", last_name="Белова", first_name="Ирина"
    )
    pupil = User.objects.create_user(
        "kuznetsov.a", password="pupil-pass-2929", last_name="Кузнецов", first_name="Артём"
    )
    for person in (teacher, pupil):
        terms.acceptances.create(user=person)
    school_class = SchoolClass.objects.create(
        school=School.for_site(Site.objects.get(is_default_site=True)),
        name="5А",
        year=2026,
        class_teacher=teacher,
    )
    ClassMembership.objects.create(
        user=pupil, school_class=school_class, started_on=datetime.date(2026, 9, 1)
    )

    _login(page, site_url, "kuznetsov.a", "pupil-pass-2929")
    page.goto(f"{site_url}/portfolio/pupils/{pupil.pk}/achievements/add/")
    page.select_option('select[name="sphere"]', "sports")
    page.select_option('select[name="kind"]', "gto")
    page.fill('input[name="event"]', "Знак отличия ГТО")
    page.select_option('select[name="level"]', "regional")
    page.select_option('select[name="result"]', "winner")
    page.fill('input[name="date"]', "2026-10-05")
    page.set_input_files(
        'input[name="evidence"]',
        files=[{"name": "gto.jpg", "mimeType": "image/jpeg", "buffer": _photo()}],
    )
    page.locator("main form button[type=submit]").click()
    page.locator("form[action$='/submit/'] button").click()
    expect(page.locator(".status-submitted")).to_be_visible()

    teacher_page = page.context.browser.new_context(locale="ru-RU").new_page()
    _login(teacher_page, site_url, "belova.i", "belova-pass-29")
    teacher_page.goto(f"{site_url}/portfolio/confirmations/")
    expect(teacher_page.get_by_text("Знак отличия ГТО")).to_be_visible()
    teacher_page.locator("form[action$='/confirm/'] button").click()
    expect(teacher_page.get_by_text("Знак отличия ГТО")).to_have_count(0)
    teacher_page.context.close()

    page.goto(f"{site_url}/portfolio/pupils/{pupil.pk}/")
    expect(page.locator(".portfolio-chart rect.segment.level-regional").first).to_be_visible()
    row = page.locator("table.portfolio-summary tbody tr").nth(4)
    expect(row.locator("td").nth(2)).to_have_text("1")
    expect(page.locator(".status-confirmed")).to_be_visible()
