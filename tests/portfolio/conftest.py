"""A school for the portfolio's tests: 5А led by its class teacher with two pupils, 6А with
`student2`, a subject teacher and a deputy who sees everything."""

import datetime
import io
from types import SimpleNamespace

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from accounts.models import ClassMembership, Position, SchoolClass, User
from accounts.services.positions import appointment_start
from eios.school import School
from portfolio.models import (
    Achievement,
    AchievementSource,
    AchievementStatus,
    Level,
    Sphere,
)
from portfolio.selectors import portfolio_of

TODAY = datetime.date(2026, 9, 1)


@pytest.fixture(autouse=True)
def _english(settings, tmp_path):
    settings.LANGUAGE_CODE = "en"
    settings.MEDIA_ROOT = str(tmp_path / "media")


def _position(code, *, sees_everything=False, staff=True) -> Position:
    return Position.objects.create(
        code=code, name=code, sees_everything=sees_everything, is_staff_position=staff
    )


@pytest.fixture
def school(school_site):
    return School.for_site(school_site)


@pytest.fixture
def people(school):
    positions = {
        "class_teacher": _position("class_teacher"),
        "teacher": _position("teacher"),
        "deputy": _position("deputy", sees_everything=True),
        "student": _position("student", staff=False),
    }
    made = {}
    for username, code, last, first in [
        ("class_teacher", "class_teacher", "Белова", "Ирина"),
        ("teacher", "teacher", "Смирнов", "Олег"),
        ("deputy", "deputy", "Орлова", "Марина"),
        ("student", "student", "Кузнецов", "Артём"),
        ("classmate", "student", "Иванова", "Анна"),
        ("student2", "student", "Белоусова", "Ева"),
    ]:
        made[username] = User.objects.create_user(
            username, password="pass-29", last_name=last, first_name=first
        )
        appointment_start(user=made[username], position=positions[code], on=TODAY)
    class_5a = SchoolClass.objects.create(
        school=school, name="5А", year=2026, class_teacher=made["class_teacher"]
    )
    class_6a = SchoolClass.objects.create(school=school, name="6А", year=2026)
    for username, school_class in [
        ("student", class_5a),
        ("classmate", class_5a),
        ("student2", class_6a),
    ]:
        ClassMembership.objects.create(
            user=made[username], school_class=school_class, started_on=TODAY
        )
    return SimpleNamespace(**made, class_5a=class_5a, class_6a=class_6a)


def achievement_of(pupil, *, status=AchievementStatus.DRAFT, **fields) -> Achievement:
    values = {
        "sphere": Sphere.STUDY,
        "kind": "olympiad",
        "event": "Школьный этап олимпиады по математике",
        "level": Level.SCHOOL,
        "result": "winner",
        "date": TODAY,
        "source": AchievementSource.STUDENT,
        **fields,
    }
    return Achievement.objects.create(
        portfolio=portfolio_of(pupil), status=status, created_by=pupil, **values
    )


def photo_with_gps(name="diploma.jpg") -> SimpleUploadedFile:
    """A JPEG carrying an EXIF block with a GPS position, as a phone writes it."""
    image = Image.new("RGB", (40, 30), "red")
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # Make
    exif[0x8825] = {1: "N", 2: (55.0, 45.0, 0.0)}  # GPSInfo
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", exif=exif)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


def pdf_file(name="certificate.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(
        name, b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF", content_type="application/pdf"
    )


ACHIEVEMENT_FORM = {
    "sphere": "sports",
    "kind": "gto",
    "event": "Знак ГТО",
    "organiser": "Центр тестирования ГТО",
    "level": "municipal",
    "result": "winner",
    "place": "",
    "date": "2026-09-10",
}
