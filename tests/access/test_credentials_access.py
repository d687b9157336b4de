"""Who may issue a class's credentials (regulation §9.4–§9.7): issuing a password is a
login to the pupil's account, so it takes «change» on the class and the permission to
issue — never «view» alone. And the slips themselves: logins beside names, «select
all», pupils who already use their account only after a confirmation naming them."""

import pytest
from bs4 import BeautifulSoup
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from accounts.models import UserSession
from eios.access import Action, grant
from tests.accounts.files import good_pupils, xlsx_pupils
from tests.clients import signed_in
from tests.factories import staff_member_create
from tests.slips import slip_passwords, slips

pytestmark = pytest.mark.django_db


@pytest.fixture
def pupil(enrol, teacher, school_class):
    (pupil,) = enrol(("Кузнецов", "Антон"))
    pupil.set_password("pupils-own-password-29")
    pupil.save()
    return pupil


def still_own_password(pupil) -> bool:
    pupil.refresh_from_db()
    return pupil.check_password("pupils-own-password-29")


def test_a_teacher_granted_view_on_a_class_cannot_reset_its_pupils(director, school_class, pupil):
    colleague = staff_member_create("colleague", "issue_credentials")
    grant(actor=director, action=Action.VIEW, obj=school_class, user=colleague)
    client = signed_in(colleague)

    assert client.get(reverse("class_detail", args=[school_class.pk])).status_code == 200
    page = client.get(reverse("class_detail", args=[school_class.pk])).content.decode()
    assert reverse("credential_slips", args=[school_class.pk]) not in page
    assert reverse("class_list_upload", args=[school_class.pk]) not in page

    response = slips(client, school_class, pupil, reissue=[pupil])

    assert response.status_code == 404
    assert still_own_password(pupil)


def test_a_deputy_who_sees_every_class_cannot_reset_its_pupils(school_class, pupil):
    deputy = staff_member_create("deputy", "issue_credentials", sees_everything=True)
    client = signed_in(deputy)
    assert client.get(reverse("class_detail", args=[school_class.pk])).status_code == 200

    assert slips(client, school_class, pupil, reissue=[pupil]).status_code == 404
    assert still_own_password(pupil)
    upload = client.post(
        reverse("class_list_upload", args=[school_class.pk]),
        {"file": SimpleUploadedFile("4a.xlsx", xlsx_pupils(good_pupils()))},
    )
    assert upload.status_code == 404


def test_a_colleague_granted_change_on_the_class_issues_its_slips(director, school_class, pupil):
    colleague = staff_member_create("colleague", "issue_credentials")
    grant(actor=director, action=Action.CHANGE, obj=school_class, user=colleague)
    response = slips(signed_in(colleague), school_class, pupil, reissue=[pupil])
    assert response["Content-Type"] == "application/pdf"
    assert not still_own_password(pupil)


def test_change_without_the_permission_to_issue_is_not_enough(director, school_class, pupil):
    colleague = staff_member_create("colleague")
    grant(actor=director, action=Action.CHANGE, obj=school_class, user=colleague)
    assert slips(signed_in(colleague), school_class, pupil, reissue=[pupil]).status_code == 404
    assert still_own_password(pupil)


def test_the_slip_form_names_logins_and_offers_select_all(teacher, school_class, enrol):
    ivan, ilya = enrol(("Иванов", "Иван"), ("Иванов", "Илья"))
    page = signed_in(teacher).get(reverse("class_detail", args=[school_class.pk]))
    form = BeautifulSoup(page.content, "html.parser").find(
        "form", action=reverse("credential_slips", args=[school_class.pk])
    )
    labels = [label.get_text(" ", strip=True) for label in form.find_all("label")]
    # Namesakes are told apart by their logins.
    assert f"Иванов Иван ({ivan.username})" in labels
    assert f"Иванов Илья ({ilya.username})" in labels
    assert form.find("input", attrs={"data-select-all": True}) is not None


def test_pupils_using_their_account_are_left_out_unless_confirmed(
    teacher, school_class, enrol, pupil
):
    (newcomer,) = enrol(("Новиков", "Глеб"))
    client = signed_in(teacher)
    page = BeautifulSoup(
        client.get(reverse("class_detail", args=[school_class.pk])).content, "html.parser"
    )
    # Ticked in advance: only those still waiting for credentials.
    assert page.find("input", attrs={"name": "pupil", "value": str(newcomer.pk)}).has_attr(
        "checked"
    )
    in_use = page.find("input", attrs={"name": "pupil", "value": str(pupil.pk)})
    assert not in_use.has_attr("checked")
    assert "already using their account" in in_use.find_parent("fieldset").get_text()

    # Choosing a pupil in use asks first, naming them; nothing is issued yet.
    response = slips(client, school_class, newcomer, pupil)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    assert "Кузнецов Антон (kuznetsov.a)" in response.content.decode()
    assert "Новиков" not in BeautifulSoup(response.content, "html.parser").find("ul").get_text()
    assert still_own_password(pupil)
    newcomer.refresh_from_db()
    assert not newcomer.has_usable_password()

    # Confirmed: both get slips, and the old password is gone.
    response = slips(client, school_class, newcomer, pupil, reissue=[pupil])
    assert response["Content-Type"] == "application/pdf"
    passwords = slip_passwords(response.content, [newcomer.username, pupil.username])
    assert not still_own_password(pupil)
    assert pupil.check_password(passwords[pupil.username])


def test_a_slip_for_waiting_pupils_needs_no_confirmation(teacher, school_class, enrol):
    (newcomer,) = enrol(("Новиков", "Глеб"))
    response = slips(signed_in(teacher), school_class, newcomer)
    assert response["Content-Type"] == "application/pdf"


def test_a_reissued_slip_ends_the_pupils_open_sessions(teacher, school_class, pupil):
    phone = Client()
    phone.post(
        reverse("account_login"), {"login": pupil.username, "password": "pupils-own-password-29"}
    )
    assert UserSession.objects.filter(user=pupil).count() == 1

    slips(signed_in(teacher), school_class, pupil, reissue=[pupil])

    assert not UserSession.objects.filter(user=pupil).exists()
    assert phone.get(reverse("cabinet")).status_code == 302
