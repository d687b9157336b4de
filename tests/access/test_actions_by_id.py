"""Every view that takes an id and a POST checks the action it performs, not a lesser
one (SPEC §4): one test per row of the table below, each posting as somebody who holds
exactly the lesser right and finding nothing changed.

| address | what it does | what it requires |
|---|---|---|
| `/cabinet/pupils/<id>/block/` | blocks a pupil | own class teacher or `block_user`; rank |
| `/cabinet/classes/<id>/list/` | draft order | «change» on the class |
| `/cabinet/classes/<id>/slips/` | one-time passwords | «change» on the class, `issue_credentials` |
| `/admin/people/<id>/block/` | blocks | People (`view_user`), `block_user`; rank |
| `/admin/people/<id>/unblock/` | unblocks | People, `block_user`; rank; not oneself |
| `/admin/people/<id>/credentials/` | password letter | People, `issue_credentials`; rank |
| `/admin/users/<id>/` | Wagtail's user editor | `change_user`; rank |
| `/admin/orders/apply/<id>/` | applies an order | `change_order` |
| `/admin/access/<kind>/<id>/` | grants | «administer» on the element |
| `/admin/access/<kind>/<id>/revoke/` | revokes | «administer» on the element |

Rank: superuser > system administrator (`block_user`) > everyone else
(accounts/services/authority.py).
"""

import pytest
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from accounts.models import Block, BlockKind, Order, OrderKind, OrderLine, User
from accounts.services.blocking import account_block
from eios.access import Action, holders_of
from tests.accounts.files import good_pupils, xlsx_pupils
from tests.clients import signed_in
from tests.factories import admin_person_create

pytestmark = pytest.mark.django_db


def test_block_pupil_refuses_a_teacher_who_only_sees_the_class(world):
    # The IT teacher sees every class (view) and issues credentials, but leads none.
    student = world.people["student"]
    response = signed_in(world.people["it_teacher"]).post(
        reverse("block_pupil", args=[student.pk]), {"reason": "шутка"}
    )
    assert response.status_code == 404
    student.refresh_from_db()
    assert student.is_active


def test_class_list_upload_refuses_view(world):
    school_class = world.elements.school_class
    response = signed_in(world.people["it_teacher"]).post(
        reverse("class_list_upload", args=[school_class.pk]),
        {"file": SimpleUploadedFile("5a.xlsx", xlsx_pupils(good_pupils()))},
    )
    assert response.status_code == 404
    assert not Order.objects.exists()


def test_credential_slips_refuse_view_with_the_permission_to_issue(world):
    student = world.people["student"]
    response = signed_in(world.people["it_teacher"]).post(
        reverse("credential_slips", args=[world.elements.school_class.pk]),
        {"pupil": student.pk, "reissue": student.pk},
    )
    assert response.status_code == 404
    student.refresh_from_db()
    assert student.check_password("pass-29")


def test_people_block_refuses_reading_people_without_blocking(world):
    student = world.people["student"]
    client = signed_in(admin_person_create("clerk", "view_user"))
    response = client.post(reverse("people:block", args=[student.pk]), {"reason": "x"})
    assert response.status_code == 302
    student.refresh_from_db()
    assert student.is_active


def test_people_unblock_refuses_an_account_that_holds_more(world):
    superuser = world.people["superuser"]
    account_block(user=superuser, kind=BlockKind.ADMINISTRATOR, reason="Проверка", actor=superuser)
    client = signed_in(admin_person_create("sysadmin", "view_user", "block_user"))
    client.post(reverse("people:unblock", args=[superuser.pk]), {"reason": "x"})
    superuser.refresh_from_db()
    assert not superuser.is_active


def test_people_credentials_refuse_reading_people_without_issuing(world):
    student = world.people["student"]
    client = signed_in(admin_person_create("clerk", "view_user"))
    assert client.post(reverse("people:credentials", args=[student.pk])).status_code == 302
    student.refresh_from_db()
    assert student.check_password("pass-29")


def test_user_editor_refuses_an_account_that_holds_more(world):
    superuser = world.people["superuser"]
    client = signed_in(admin_person_create("sysadmin", "view_user", "change_user", "block_user"))
    client.post(
        reverse("wagtailusers_users:edit", args=[superuser.pk]),
        {
            "username": superuser.username,
            "email": "root@example.ru",
            "first_name": "Взлом",
            "last_name": "Взлом",
            "password1": "taken-over-29",
            "password2": "taken-over-29",
        },
    )
    superuser.refresh_from_db()
    assert superuser.check_password("pass-29")


def test_order_apply_refuses_reading_orders(world, school_site):
    order = Order.objects.create(
        school=world.elements.school_class.school,
        number="17-у",
        date="2026-09-01",
        kind=OrderKind.EXPULSION,
    )
    OrderLine.objects.create(order=order, person=world.people["student"])
    client = signed_in(admin_person_create("reader", "view_order"))
    client.post(reverse("orders:apply", args=[order.pk]))
    order.refresh_from_db()
    assert not order.is_applied
    assert not Block.objects.filter(user=world.people["student"]).exists()


def librarian_in_the_admin(world) -> User:
    """Granted «view» on the council's page, and may open the admin: seeing is not granting."""
    librarian = world.people["librarian"]
    librarian.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return librarian


def test_access_grant_refuses_view(world):
    page = world.elements.council_page
    before = len(holders_of(page))
    response = signed_in(librarian_in_the_admin(world)).post(
        reverse("eios_access_element", args=["wagtailcore.page", page.pk]),
        {"action": Action.VIEW, "person": world.people["student"].pk},
    )
    assert response.status_code == 404
    assert len(holders_of(page)) == before


def test_access_revoke_refuses_view(world):
    page = world.elements.council_page
    librarian = librarian_in_the_admin(world)
    response = signed_in(librarian).post(
        reverse("eios_access_revoke", args=["wagtailcore.page", page.pk]),
        {"action": Action.VIEW, "user": librarian.pk},
    )
    assert response.status_code == 404
    assert any(holding.user == librarian for holding in holders_of(page))
