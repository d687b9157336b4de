"""Only blocking switches an account off (regulation §6.7): every admin form and bulk
action of the user model is walked, and none changes «active» — only `account_block`
and `account_unblock` do, with a block record, the end of sessions and an audit event."""

import pytest
from bs4 import BeautifulSoup
from django.contrib import admin
from django.urls import reverse
from wagtail import hooks
from wagtail.admin.viewsets import viewsets

from accounts.models import AccountStateError, User
from eios.audit import AuditEvent, AuditKind
from tests.clients import signed_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def person(db):
    return User.objects.create_user(
        "petrova.a", password="pass-29", last_name="Петрова", first_name="Анна", email="p@e.ru"
    )


@pytest.fixture
def superuser_client(director):
    return signed_in(director)


def user_form_data(user, **changes):
    return {
        "username": user.username,
        "email": user.email or "x@example.ru",
        "first_name": user.first_name or "Имя",
        "last_name": user.last_name or "Фамилия",
        **changes,
    }


def test_djangos_own_admin_has_no_user_forms(superuser_client, person):
    assert User not in admin.site._registry
    for url in (
        f"/django-admin/accounts/user/{person.pk}/change/",
        f"/django-admin/accounts/user/{person.pk}/password/",
        "/django-admin/accounts/user/",
    ):
        assert superuser_client.get(url).status_code == 404
    response = superuser_client.post(
        f"/django-admin/accounts/user/{person.pk}/change/",
        {"username": person.username, "is_active": ""},
    )
    assert response.status_code == 404
    person.refresh_from_db()
    assert person.is_active


def test_wagtails_user_editor_offers_no_active_switch(superuser_client, person):
    url = reverse("wagtailusers_users:edit", args=[person.pk])
    assert not active_switches(superuser_client.get(url))
    # Leaving «active» out of the post (an unticked box) changes nothing.
    superuser_client.post(url, user_form_data(person))
    person.refresh_from_db()
    assert person.is_active
    assert not AuditEvent.objects.filter(kind=AuditKind.BLOCK).exists()


def test_wagtails_user_creation_form_offers_no_active_switch(superuser_client):
    url = reverse("wagtailusers_users:add")
    assert not active_switches(superuser_client.get(url))
    superuser_client.post(
        url,
        {
            "username": "service.account",
            "email": "service@example.ru",
            "first_name": "Служебная",
            "last_name": "Учётная",
            "password1": "service-pass-2026",
            "password2": "service-pass-2026",
            "is_active": "",
        },
    )
    assert User.objects.get(username="service.account").is_active


@pytest.mark.parametrize("action_type", ["delete", "set_active_state"])
def test_no_bulk_action_deletes_or_deactivates_people(superuser_client, person, action_type):
    actions = [
        action
        for action in hooks.get_hooks("register_bulk_action")
        if action.models == [User] and action.action_type == action_type
    ]
    assert actions, action_type
    url = reverse("wagtail_bulk_action", args=["accounts", "user", action_type])
    superuser_client.post(f"{url}?id={person.pk}", {"mark_as_active": "", "id": person.pk})
    person.refresh_from_db()
    assert person.is_active


def active_switches(response):
    """Fields named «is_active» in forms that change something (filters are GET forms)."""
    page = BeautifulSoup(response.content, "html.parser")
    return [
        field
        for form in page.find_all("form")
        if form.get("method", "get").lower() == "post"
        for field in form.find_all(attrs={"name": "is_active"})
    ]


def user_screens(pk):
    """Every admin address of every Wagtail viewset of the user model (People, Users, the
    person chooser, and any added later)."""
    for viewset in viewsets.viewsets:
        if getattr(viewset, "model", None) is not User:
            continue
        for pattern in viewset.get_urlpatterns():
            arguments = [pk] if "<int:pk>" in str(pattern.pattern) else []
            if "<" in str(pattern.pattern).replace("<int:pk>", ""):
                continue  # addresses of other objects (bulk actions by type)
            yield reverse(viewset.get_url_name(pattern.name), args=arguments)


def test_no_admin_screen_of_the_user_model_has_an_active_switch(superuser_client, person):
    screens = list(user_screens(person.pk))
    assert len(screens) >= 10  # People (5), Users (4), the person chooser
    for url in screens:
        response = superuser_client.get(url)
        assert response.status_code < 500, url
        assert not active_switches(response), url
        # Posting what a browser sends with the box unticked switches nothing off.
        superuser_client.post(url, {**user_form_data(person), "reason": "проверка"})
        person.refresh_from_db()
        assert person.is_active or url.endswith("/block/"), url
        if not person.is_active:
            superuser_client.post(url.replace("/block/", "/unblock/"), {"reason": "проверка"})


def test_saving_a_changed_active_state_is_refused(person):
    person = User.objects.get(pk=person.pk)
    person.is_active = False
    with pytest.raises(AccountStateError):
        person.save()
    stored = User.objects.get(pk=person.pk)
    assert stored.is_active
