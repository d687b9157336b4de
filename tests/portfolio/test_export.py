"""The portfolio as a PDF (Cyrillic, the school's attribution line, a confirmation mark on
every confirmed item) and its evidence as a ZIP, made in the background; nobody else's."""

import io
import zipfile

import pytest
from django.urls import reverse
from pypdf import PdfReader

from eios.jobs import Job, JobState
from portfolio.models import AchievementStatus, PortfolioExport
from tests.clients import signed_in

from .conftest import ACHIEVEMENT_FORM, achievement_of, photo_with_gps

pytestmark = pytest.mark.django_db


def _export(client, pupil, format) -> PortfolioExport:
    response = client.post(reverse("portfolio:export_start", args=[pupil.pk, format]))
    job = Job.objects.get()
    assert response.url == job.get_absolute_url()
    assert job.state == JobState.DONE, job.message
    return PortfolioExport.objects.get(format=format)


def test_the_pdf_has_the_achievements_in_cyrillic_and_the_confirmation_marks(people):
    achievement_of(people.student, event="Муниципальный конкурс «Юный эколог»")
    pupil = signed_in(people.student)
    achievement = achievement_of(
        people.student, status=AchievementStatus.SUBMITTED, event="Олимпиада «Звезда»"
    )
    signed_in(people.class_teacher).post(
        reverse("portfolio:achievement_confirm", args=[achievement.pk])
    )

    export = _export(pupil, people.student, "pdf")
    response = pupil.get(export.get_absolute_url())
    assert response["Content-Disposition"].startswith("attachment")
    pdf = b"".join(response.streaming_content)
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    text = " ".join(text.split())
    assert "Олимпиада «Звезда»" in text
    assert "Confirmed by Белова Ирина" in text
    assert "Юный эколог" not in text  # a draft is not in the document
    assert "reference to the source is required" in text
    assert "Кузнецов Артём" in text


def test_the_zip_holds_the_evidence_and_the_pupil_sees_it_ready_in_the_job(people):
    pupil = signed_in(people.student)
    pupil.post(
        reverse("portfolio:achievement_add", args=[people.student.pk]),
        {**ACHIEVEMENT_FORM, "evidence": photo_with_gps()},
    )
    export = _export(pupil, people.student, "zip")
    job_page = pupil.get(Job.objects.get().get_absolute_url())
    assert export.get_absolute_url() in job_page.text
    archive = zipfile.ZipFile(
        io.BytesIO(b"".join(pupil.get(export.get_absolute_url()).streaming_content))
    )
    (name,) = archive.namelist()
    assert name.endswith("diploma.jpg")


def test_an_export_is_downloaded_only_by_whoever_asked_for_it(people):
    export = _export(signed_in(people.student), people.student, "pdf")
    assert signed_in(people.class_teacher).get(export.get_absolute_url()).status_code == 404
