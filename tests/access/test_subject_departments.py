"""The head of a subject department administers the department's materials by their
post (regulation §5.4): no grant from the system administrator, and a new head takes
over on the very next request."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from accounts.models import BlockKind, SubjectDepartment, User
from accounts.services.blocking import account_block
from cms.models import ContentPage
from cms.wagtail_hooks import register_page_access_button
from eios.access import Action, can, grant
from eios.audit import AuditEvent, AuditKind
from eios.demo import demo_load
from tests.clients import signed_in

pytestmark = pytest.mark.django_db


def access_url(page) -> str:
    return reverse("eios_access_element", args=["wagtailcore.page", page.pk])


@pytest.fixture
def materials(world):
    return world.elements.department_page


@pytest.fixture
def lesson(materials):
    return materials.add_child(instance=ContentPage(title="Открытый урок", slug="open-lesson"))


def test_the_head_lets_a_pupil_into_one_page_of_the_materials(world, lesson):
    head, student = world.people["head_of_department"], world.people["student"]
    assert signed_in(student).get(lesson.url).status_code == 404

    response = signed_in(head).post(access_url(lesson), {"action": "view", "person": student.pk})

    assert response.status_code == 302
    assert signed_in(student).get(lesson.url).status_code == 200
    event = AuditEvent.objects.get(
        kind=AuditKind.PRIVILEGE_GRANTED, subject=student, details__element="wagtailcore.page"
    )
    assert event.actor == head
    # The rest of the materials stay closed to the pupil.
    assert signed_in(student).get(world.elements.department_page.url).status_code == 404


def test_a_new_head_takes_over_on_the_next_request(world, materials, lesson):
    old_head, new_head = world.people["head_of_department"], world.people["deputy"]
    old, new = signed_in(old_head), signed_in(new_head)
    assert old.get(access_url(lesson)).status_code == 200
    assert new.get(access_url(lesson)).status_code == 404

    SubjectDepartment.objects.filter(materials=materials).update(head=new_head)

    assert old.get(access_url(lesson)).status_code == 404
    assert new.get(access_url(lesson)).status_code == 200


def test_a_head_must_be_able_to_open_the_admin(world, materials):
    department = SubjectDepartment.objects.get(materials=materials)
    department.head = world.people["teacher"]
    with pytest.raises(ValidationError) as error:
        department.full_clean()
    assert "cannot open the admin" in str(error.value)


def test_the_head_administers_only_their_own_department(world, materials):
    head = world.people["head_of_department"]
    assert can(head, Action.ADMINISTER, materials)
    assert not can(head, Action.ADMINISTER, world.elements.staff_page)
    assert not can(head, Action.CHANGE, materials)  # editing stays with Wagtail's permissions
    assert signed_in(head).get(access_url(world.elements.staff_page)).status_code == 404
    # Making administrators stays with the system administrator.
    refused = signed_in(head).post(
        access_url(materials), {"action": "administer", "person": world.people["teacher"].pk}
    )
    assert refused.status_code == 200
    assert not can(world.people["teacher"], Action.ADMINISTER, materials)


def test_a_blocked_head_holds_nothing(world, materials):
    head = world.people["head_of_department"]
    account_block(user=head, kind=BlockKind.ADMINISTRATOR, reason="Приказ 9-к")
    head.refresh_from_db()
    assert not can(head, Action.VIEW, materials)
    assert not can(head, Action.ADMINISTER, materials)


def test_the_page_listing_offers_access_on_the_materials_and_below(world, materials, lesson):
    head = world.people["head_of_department"]
    for page in (materials, lesson):
        (button,) = register_page_access_button(page=page, user=head)
        assert button.url == access_url(page)
    assert list(register_page_access_button(page=world.elements.staff_page, user=head)) == []


def test_the_screen_shows_who_holds_what_by_post_and_from_the_pages_above(world, materials, lesson):
    superuser, librarian = world.people["superuser"], world.people["librarian"]
    grant(actor=superuser, action=Action.VIEW, obj=materials, user=librarian)

    html = signed_in(superuser).get(access_url(lesson)).content.decode()

    assert "By their post" in html
    assert "head_of_department (head_of_department), head of «ШМО учителей математики»" in html
    # The librarian's grant on the materials reaches the lesson and is revoked up there.
    assert "librarian (librarian)" in html
    assert f'granted on <a href="{access_url(materials)}">' in html
    assert html.count('name="user"') == 0  # no revoke button for it here
    # The staff positions are let in by the privacy settings of the materials.
    assert "Positions let in by its privacy settings" in html
    assert "class_teacher, head_of_department, it_teacher, librarian, teacher" in html
    assert "deputy, director" in html


def test_the_system_administrator_keeps_the_list_of_departments(world, materials):
    listing = signed_in(world.people["superuser"]).get(reverse("departments:index"))
    assert listing.status_code == 200
    assert "ШМО учителей математики" in listing.content.decode()
    assert signed_in(world.people["teacher"]).get(reverse("departments:index")).status_code != 200


def test_the_demo_schools_teacher_administers_her_departments_materials(db):
    demo_load(students=3, news=1)
    department = SubjectDepartment.objects.get(head__username="teacher")
    teacher, student = User.objects.get(username="teacher"), User.objects.get(username="student")
    materials = department.materials

    assert can(teacher, Action.ADMINISTER, materials)
    assert signed_in(teacher).get(access_url(materials)).status_code == 200
    assert signed_in(student).get(materials.url).status_code == 404
    other = SubjectDepartment.objects.exclude(pk=department.pk).get().materials
    assert not can(teacher, Action.ADMINISTER, other)


def test_what_a_person_holds_by_their_post_is_shown_on_their_overview(world, materials):
    superuser = signed_in(world.people["superuser"])
    head = world.people["head_of_department"]
    html = superuser.get(reverse("eios_access_person", args=[head.pk])).content.decode()
    by_post = html.split("By their post")[1]
    assert "Mathematics" in by_post and access_url(materials) in by_post
    assert "head of «ШМО учителей математики»" in by_post and "administer" in by_post

    teacher = world.people["class_teacher"]
    html = superuser.get(reverse("eios_access_person", args=[teacher.pk])).content.decode()
    by_post = html.split("By their post")[1]
    assert "5А" in by_post and "class teacher" in by_post and "change" in by_post

    html = superuser.get(reverse("eios_access_person", args=[world.people["student"].pk]))
    assert "Nothing is held by their post" in html.content.decode()
