"""Granting within one's own rights, audited; revocation at once; refused objects
answer as missing ones; restricted pages stay out of menus, search and sitemap."""

import pytest
from django.template import Context, Template
from django.test import Client
from django.urls import reverse

from eios.access import Action, GrantRefused, can, grant, revoke
from eios.audit import AuditEvent, AuditKind
from tests.clients import signed_in

pytestmark = pytest.mark.django_db


def privilege_events():
    return AuditEvent.objects.filter(
        kind__in=[AuditKind.PRIVILEGE_GRANTED, AuditKind.PRIVILEGE_REVOKED],
        details__has_key="element",
    )


def test_a_revoked_privilege_is_gone_on_the_very_next_request(world):
    people, council = world.people, world.elements.council_page
    librarian = signed_in(people["librarian"])
    assert librarian.get(council.url).status_code == 200

    revoke(
        actor=people["head_of_department"],
        action=Action.VIEW,
        obj=council,
        user=people["librarian"],
    )

    assert librarian.get(council.url).status_code == 404


def test_a_grant_on_a_page_opens_its_subpages_too(world):
    people, council = world.people, world.elements.council_page
    minutes = council.add_child(instance=type(council)(title="Протоколы", slug="minutes"))
    assert can(people["librarian"], Action.VIEW, minutes)
    assert not can(people["teacher"], Action.VIEW, minutes)
    assert signed_in(people["librarian"]).get(minutes.url).status_code == 200
    assert signed_in(people["teacher"]).get(minutes.url).status_code == 404


def test_every_grant_and_revoke_is_audited_once(world):
    people, school_class = world.people, world.elements.school_class
    before = privilege_events().count()

    grant(actor=people["superuser"], action=Action.VIEW, obj=school_class, user=people["teacher"])
    grant(actor=people["superuser"], action=Action.VIEW, obj=school_class, user=people["teacher"])
    revoke(
        actor=people["superuser"],
        action=Action.VIEW,
        obj=school_class,
        group=world.positions["librarian"].group,
    )  # never granted: nothing to log
    revoke(actor=people["superuser"], action=Action.VIEW, obj=school_class, user=people["teacher"])

    events = list(privilege_events().order_by("pk"))[before:]
    assert [(event.kind, event.actor, event.subject) for event in events] == [
        (AuditKind.PRIVILEGE_GRANTED, people["superuser"], people["teacher"]),
        (AuditKind.PRIVILEGE_REVOKED, people["superuser"], people["teacher"]),
    ]
    assert events[0].details["action"] == "view"
    assert events[0].target == str(school_class)


@pytest.mark.parametrize(
    ("actor", "action", "message"),
    [
        ("teacher", Action.VIEW, "You do not administer this element."),
        ("head_of_department", Action.ADMINISTER, "Only the system administrator appoints"),
        ("head_of_department", Action.CHANGE, "Editing rights on pages and documents"),
        ("blocked", Action.VIEW, "You do not administer this element."),
    ],
)
def test_granting_beyond_ones_own_rights_is_refused_and_changes_nothing(
    world, actor, action, message
):
    people, council = world.people, world.elements.council_page
    before = privilege_events().count()

    with pytest.raises(GrantRefused, match=message):
        grant(actor=people[actor], action=action, obj=council, user=people["student"])

    assert not can(people["student"], Action.VIEW, council)
    assert privilege_events().count() == before


def test_a_blocked_account_cannot_be_given_privileges(world):
    with pytest.raises(GrantRefused):
        grant(
            actor=world.people["superuser"],
            action=Action.VIEW,
            obj=world.elements.school_class,
            user=world.people["blocked"],
        )


def test_what_one_may_not_see_answers_exactly_as_what_does_not_exist(world):
    people, elements = world.people, world.elements
    student = signed_in(people["student"])
    pairs = [
        (elements.council_page.url, "/no-such-page/"),
        (
            reverse("wagtaildocs_serve", args=[elements.staff_document.pk, "plan.pdf"]),
            reverse("wagtaildocs_serve", args=[999999, "plan.pdf"]),
        ),
        (
            reverse("document_detail", args=[elements.staff_document.pk]),
            reverse("document_detail", args=[999999]),
        ),
        (
            reverse("class_detail", args=[elements.school_class.pk]),
            reverse("class_detail", args=[999999]),
        ),
    ]
    for hidden, missing in pairs:
        refused, absent = student.get(hidden), student.get(missing)
        assert refused.status_code == absent.status_code == 404, hidden
        assert "Council" not in refused.content.decode()
        assert "5А" not in refused.content.decode()

    teacher = signed_in(people["teacher"])
    detail = teacher.get(reverse("document_detail", args=[elements.staff_document.pk]))
    assert detail.status_code == 200
    assert "Методичка" in detail.content.decode()

    # An anonymous visitor is not even sent to log in for a restricted page.
    assert Client().get(elements.council_page.url).status_code == 404
    assert Client().get(elements.staff_page.url).status_code == 404


def test_restricted_pages_stay_out_of_menus_search_and_sitemap(world):
    elements = world.elements
    for page in (elements.public_page, elements.staff_page, elements.council_page):
        page.show_in_menus = True
        page.save_revision().publish()
    visitor, student = Client(), signed_in(world.people["student"])

    for client in (visitor, student):
        home = client.get("/").content.decode()
        assert 'href="/about/"' in home
        assert 'href="/staff/"' not in home
        assert 'href="/council/"' not in home
        found = client.get("/search/", {"q": "Text"}).content.decode()
        assert "/about/" in found
        assert "/staff/" not in found
        assert "/council/" not in found
    sitemap = visitor.get("/sitemap.xml").content.decode()
    assert "/about/" in sitemap
    assert "/staff/" not in sitemap
    assert "/members/" not in sitemap


def test_an_element_administrator_may_look_up_people_to_grant_to(world):
    choose = reverse("person_chooser:choose_results")
    administrator = signed_in(world.people["head_of_department"])
    found = administrator.get(choose, {"q": "librarian"})
    assert found.status_code == 200
    assert "librarian" in found.content.decode()

    # A colleague who administers nothing is sent back to the dashboard.
    assert signed_in(world.people["deputy"]).get(choose).status_code == 302


def test_privacy_offers_signed_in_users_and_positions_but_no_shared_password(world):
    admin = signed_in(world.people["superuser"])
    form = admin.get(
        reverse("wagtailadmin_pages:set_privacy", args=[world.elements.public_page.pk])
    ).json()["html"]
    assert 'value="login"' in form
    assert 'value="groups"' in form
    assert 'value="password"' not in form


def test_the_document_and_image_editors_link_to_access_for_administrators_only(world, rf):
    elements, superuser = world.elements, world.people["superuser"]
    editors = [
        (elements.staff_document, reverse("wagtaildocs:edit", args=[elements.staff_document.pk])),
        (elements.staff_image, reverse("wagtailimages:edit", args=[elements.staff_image.pk])),
    ]
    for obj, editor in editors:
        access = reverse("eios_access_element", args=[obj._meta.label_lower, obj.pk])
        html = signed_in(superuser).get(editor).content.decode()
        assert f'<a href="{access}">Who can see it; grant and revoke</a>' in html

        request = rf.get(editor)
        request.user = world.people["teacher"]
        rendered = Template("{% load access_tags %}{% access_link obj %}").render(
            Context({"request": request, "obj": obj})
        )
        assert rendered == ""
