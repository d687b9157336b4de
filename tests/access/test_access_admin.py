"""The access screens of the admin (regulation §5.5–§5.6): an element's administrator
grants and revokes there, and sees who holds what; «what can this person do?»."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.models import Position, SchoolClass, User
from cms.wagtail_hooks import register_page_access_button
from eios.access import Action, grant, holders_of
from eios.audit import AuditEvent, AuditKind
from tests.clients import signed_in
from tests.factories import admin_person_create, person_create, position_create

pytestmark = pytest.mark.django_db

# The element's screen, whatever the number of grants (measured: 15 for a class, 17 for a
# page, shown to the system administrator): session, user, Wagtail's profile, locales and
# pages of the menu; the element; the grants to people and to positions (on the element
# and on what covers it), each with one query for their elements; the positions of the
# granted groups; the positions offered by the form; who holds it by their post (the class
# teacher; the heads of subject departments over a page). A restricted element adds the
# positions that see everything. A page adds its privacy settings (with those above it),
# its specific page and its content type. An element administrator's own rights take 9
# more (measured: 26): their permissions, Wagtail's page permissions and workflow,
# positions and grants.
ELEMENT_BUDGET = {"class": 16, "page": 18, "page, to its administrator": 27}
# The person overview, whatever the number of grants (measured: 16 with grants on pages
# and classes): the same furniture; the person; the kinds of element; their grants and
# their positions' grants, each with one query per kind of element granted; the
# positions of those groups; their current positions; the classes they lead and the
# subject departments they head; the portfolios they keep as pupil and as class
# teacher (portfolio/access.py: one query per tie that lists what it holds).
PERSON_BUDGET = 19


def text(response) -> str:
    return response.content.decode()


def access_url(obj, label="accounts.schoolclass") -> str:
    return reverse("eios_access_element", args=[label, obj.pk])


def page_access_url(page) -> str:
    return access_url(page, "wagtailcore.page")


def events(kind) -> int:
    return AuditEvent.objects.filter(kind=kind).count()


@pytest.fixture
def colleague(db):
    """A teacher of the school who does not lead 5А."""
    return person_create(
        "orlov.a",
        password="teacher-pass-29",
        last_name="Орлов",
        first_name="Андрей",
        positions=[position_create("teacher", name="Учитель", group="Учителя")],
    )


@pytest.fixture
def page_admin(director, home):
    """An element administrator: the system administrator made them one of the home page."""
    user = admin_person_create("page.admin")
    grant(actor=director, action=Action.ADMINISTER, obj=home, user=user)
    return user


# Granting and revoking ----------------------------------------------------------------


def test_system_administrator_grants_view_on_a_class_and_the_teacher_opens_it(
    director, colleague, school_class
):
    admin, teacher = signed_in(director), signed_in(colleague)
    class_page = reverse("class_detail", args=[school_class.pk])
    assert teacher.get(class_page).status_code == 404
    screen = text(admin.get(access_url(school_class)))
    assert "only those granted" in screen
    assert "Nobody has been granted a privilege on this element." in screen
    granted_before = events(AuditKind.PRIVILEGE_GRANTED)

    response = admin.post(
        access_url(school_class), {"action": "view", "person": colleague.pk}, follow=True
    )

    assert "Granted «view» to Орлов Андрей (orlov.a)." in text(response)
    assert events(AuditKind.PRIVILEGE_GRANTED) == granted_before + 1
    assert teacher.get(class_page).status_code == 200


def test_a_revoked_privilege_is_gone_on_the_very_next_request(director, colleague, school_class):
    grant(actor=director, action=Action.VIEW, obj=school_class, user=colleague)
    admin, teacher = signed_in(director), signed_in(colleague)
    class_page = reverse("class_detail", args=[school_class.pk])
    assert teacher.get(class_page).status_code == 200
    screen = text(admin.get(access_url(school_class)))
    assert "Орлов Андрей (orlov.a)" in screen
    revoke_url = reverse("eios_access_revoke", args=["accounts.schoolclass", school_class.pk])
    assert f'action="{revoke_url}"' in screen
    revoked_before = events(AuditKind.PRIVILEGE_REVOKED)

    response = admin.post(revoke_url, {"action": "view", "user": colleague.pk}, follow=True)

    assert "Revoked «view» from Орлов Андрей (orlov.a)." in text(response)
    assert events(AuditKind.PRIVILEGE_REVOKED) == revoked_before + 1
    assert holders_of(school_class) == []
    assert teacher.get(class_page).status_code == 404


def test_revoking_needs_a_post(director, colleague, school_class):
    grant(actor=director, action=Action.VIEW, obj=school_class, user=colleague)
    revoke_url = reverse("eios_access_revoke", args=["accounts.schoolclass", school_class.pk])

    response = signed_in(director).get(revoke_url, {"action": "view", "user": colleague.pk})

    assert response.status_code == 405
    assert len(holders_of(school_class)) == 1


def test_an_element_administrator_grants_view_to_a_position(page_admin, home, teacher):
    position = Position.objects.get(code="class_teacher")
    granted_before = events(AuditKind.PRIVILEGE_GRANTED)

    response = signed_in(page_admin).post(
        page_access_url(home), {"action": "view", "position": position.pk}, follow=True
    )

    assert "Granted «view» to position «Классный руководитель»." in text(response)
    assert [(h.action, h.group) for h in holders_of(home) if h.group] == [
        (Action.VIEW, position.group)
    ]
    assert events(AuditKind.PRIVILEGE_GRANTED) == granted_before + 1
    # The screen lists the position, with the administrator themselves.
    assert "position «Классный руководитель»" in text(response)
    assert "Page.Admin (page.admin)" in text(response)


def test_an_element_administrator_cannot_appoint_administrators(page_admin, home, colleague):
    holders_before = holders_of(home)
    granted_before = events(AuditKind.PRIVILEGE_GRANTED)

    response = signed_in(page_admin).post(
        page_access_url(home), {"action": "administer", "person": colleague.pk}
    )

    assert response.status_code == 200
    assert "Only the system administrator appoints element administrators." in text(response)
    assert "Nothing was granted." in text(response)
    assert holders_of(home) == holders_before
    assert events(AuditKind.PRIVILEGE_GRANTED) == granted_before


@pytest.mark.parametrize(
    "form, error",
    [
        ({"action": "view"}, "Choose a person or a position."),
        ({"action": "view", "person": "person", "position": "position"}, "not both"),
        ({"action": "own", "person": "person"}, "Select a valid choice."),
    ],
)
def test_an_incomplete_grant_form_changes_nothing(director, colleague, school_class, form, error):
    position = Position.objects.get(code="teacher")
    data = {
        key: {"person": colleague.pk, "position": position.pk}.get(value, value)
        for key, value in form.items()
    }

    response = signed_in(director).post(access_url(school_class), data)

    assert response.status_code == 200
    assert error in text(response)
    assert holders_of(school_class) == []


def test_the_form_offers_only_what_can_be_granted_on_the_kind_of_element(
    director, school_class, home
):
    client = signed_in(director)
    on_class = text(client.get(access_url(school_class)))
    on_page = text(client.get(page_access_url(home)))

    for action in ("view", "change", "administer"):
        assert f'<option value="{action}"' in on_class
    # Editing pages comes from Wagtail's page permissions of positions, not from grants.
    assert '<option value="change"' not in on_page
    assert '<option value="view"' in on_page and '<option value="administer"' in on_page


# Who may open the screens ---------------------------------------------------------------


def test_without_administer_the_screen_is_the_same_404_as_a_missing_element(
    director, school_class, home, colleague
):
    # May open the admin and view and change every class, but administers nothing.
    clerk = signed_in(admin_person_create("clerk", "view_schoolclass", "change_schoolclass"))
    missing = reverse("eios_access_element", args=["accounts.schoolclass", school_class.pk + 1])
    revoke_url = reverse("eios_access_revoke", args=["accounts.schoolclass", school_class.pk])
    grant_form = {"action": "view", "person": colleague.pk}

    for url in (
        access_url(school_class),
        page_access_url(home),
        missing,
        access_url(colleague, "accounts.user"),  # not a kind of element at all
    ):
        assert clerk.get(url).status_code == 404, url
    assert clerk.post(access_url(school_class), grant_form).status_code == 404
    assert clerk.post(revoke_url, {"action": "view", "user": colleague.pk}).status_code == 404
    assert holders_of(school_class) == []
    # To the system administrator the class opens; the missing one is a 404 to all.
    admin = signed_in(director)
    assert admin.get(access_url(school_class)).status_code == 200
    assert admin.get(missing).status_code == 404


def test_an_element_administrator_opens_only_their_elements(page_admin, home, school_class):
    client = signed_in(page_admin)
    assert client.get(page_access_url(home)).status_code == 200
    # A privilege on a page covers its subpages.
    assert client.get(page_access_url(home.get_children().first())).status_code == 200
    assert client.get(access_url(school_class)).status_code == 404


def test_what_a_person_can_do(director, colleague, school_class, home):
    grant(actor=director, action=Action.CHANGE, obj=school_class, user=colleague)
    teachers = Position.objects.get(code="teacher")
    grant(actor=director, action=Action.VIEW, obj=home, group=teachers.group)

    response = signed_in(director).get(reverse("eios_access_person", args=[colleague.pk]))

    page = text(response)
    assert response.status_code == 200
    assert "What can this person do?" in page
    assert "Учитель" in page  # their position
    assert "No position of this person lets them view every element." in page
    personal, via_positions = page.split("Granted to their positions")
    assert "5А" in personal and "change" in personal
    assert access_url(school_class) in personal
    assert str(home.title) in via_positions and "view" in via_positions
    assert page_access_url(home) in via_positions


def test_a_position_that_sees_everything_is_shown(director, colleague):
    Position.objects.filter(code="teacher").update(sees_everything=True)

    page = text(signed_in(director).get(reverse("eios_access_person", args=[colleague.pk])))

    assert "A position of this person lets them view every element" in page


def test_the_person_overview_opens_to_readers_of_people_only(colleague, teacher):
    url = reverse("eios_access_person", args=[colleague.pk])
    reader = signed_in(admin_person_create("reader", "view_user"))
    assert reader.get(url).status_code == 200
    stranger = signed_in(admin_person_create("stranger", "view_schoolclass"))
    assert stranger.get(url).status_code == 404
    assert stranger.get(reverse("eios_access_person", args=[10**6])).status_code == 404


# Entry points -----------------------------------------------------------------------------


def test_people_inspect_links_to_the_person_overview(director, colleague):
    url = reverse("eios_access_person", args=[colleague.pk])
    inspect = reverse("people:inspect", args=[colleague.pk])
    assert url in text(signed_in(director).get(inspect))
    # Whoever may only change people does not get a link to a screen closed to them.
    editor = signed_in(admin_person_create("editor", "change_user"))
    response = editor.get(inspect)
    assert response.status_code == 200
    assert url not in text(response)


def test_classes_list_links_to_access_for_its_administrators_only(director, school, school_class):
    other = SchoolClass.objects.create(school=school, name="5Б", year=school_class.year)
    clerk = admin_person_create("clerk", "view_schoolclass", "change_schoolclass")
    grant(actor=director, action=Action.ADMINISTER, obj=other, user=clerk)

    everything = text(signed_in(director).get(reverse("classes:index")))
    assert access_url(school_class) in everything and access_url(other) in everything
    response = signed_in(clerk).get(reverse("classes:index"))
    assert response.status_code == 200
    listing = text(response)
    assert "5А" in listing
    assert access_url(school_class) not in listing
    assert access_url(other) in listing


def test_page_listing_offers_access_to_administrators_only(director, page_admin, home, colleague):
    listing = signed_in(director).get(reverse("wagtailadmin_explore", args=[home.get_parent().pk]))
    assert listing.status_code == 200
    assert page_access_url(home) in text(listing)
    (button,) = register_page_access_button(page=home, user=page_admin)
    assert button.url == page_access_url(home)
    assert list(register_page_access_button(page=home, user=colleague)) == []


# Query budgets --------------------------------------------------------------------------


def people(count, start=0):
    return User.objects.bulk_create(
        User(username=f"person{i:03}", last_name=f"Фамилия{i:03}")
        for i in range(start, start + count)
    )


@pytest.mark.parametrize("screen", list(ELEMENT_BUDGET))
def test_element_screen_runs_the_same_queries_for_5_and_200_grants(
    request, director, school_class, home, screen, django_assert_max_num_queries
):
    if screen == "class":
        obj, url, viewer = school_class, access_url(school_class), director
    elif screen == "page":
        obj, url, viewer = home, page_access_url(home), director
    else:  # the administrator's own grant is one of the 5 and the 200
        obj, url, viewer = home, page_access_url(home), request.getfixturevalue("page_admin")
    teachers = Position.objects.get(code="class_teacher")
    grant(actor=director, action=Action.VIEW, obj=obj, group=teachers.group)
    client = signed_in(viewer)
    client.get(url)  # warm the per-process caches
    counts = []
    for start, total in ((0, 5), (5, 200)):  # 5 grants, then 200
        for person in people(total - len(holders_of(obj)), start):
            grant(actor=director, action=Action.VIEW, obj=obj, user=person)
        with (
            django_assert_max_num_queries(ELEMENT_BUDGET[screen]),
            CaptureQueriesContext(connection) as queries,
        ):
            response = client.get(url)
        assert response.status_code == 200
        counts.append(len(queries))
    assert len(holders_of(obj)) == 200
    assert "Фамилия010" in text(response)
    assert counts[0] == counts[1]


def test_person_overview_runs_the_same_queries_for_5_and_200_grants(
    director, colleague, school, home, django_assert_max_num_queries
):
    teachers = Position.objects.get(code="teacher")
    grant(actor=director, action=Action.VIEW, obj=home, user=colleague)
    grant(actor=director, action=Action.VIEW, obj=home, group=teachers.group)
    url = reverse("eios_access_person", args=[colleague.pk])
    client = signed_in(director)
    client.get(url)  # warm the per-process caches
    counts = []
    for start, count in ((0, 3), (3, 195)):  # with the page's two: 5 grants, then 200
        classes = SchoolClass.objects.bulk_create(
            SchoolClass(school=school, name=f"{i}К", year=2030) for i in range(start, start + count)
        )
        for school_class in classes:
            grant(actor=director, action=Action.CHANGE, obj=school_class, user=colleague)
        with (
            django_assert_max_num_queries(PERSON_BUDGET),
            CaptureQueriesContext(connection) as queries,
        ):
            response = client.get(url)
        assert response.status_code == 200
        counts.append(len(queries))
    assert "197К" in text(response)
    assert counts[0] == counts[1]
