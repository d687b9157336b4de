"""Every position × every kind of element × view / change / administer, through the
real pages, downloads and admin screens (SPEC §4; regulation §5.2–§5.6).

Each cell states who is let in; everyone else must be refused. A signed-in person
refused by our own views gets the answer of a missing object (404); Wagtail's admin
editors refuse in their own way, by sending the person away (never 200).
"""

from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from accounts.views.classes import may_issue_credentials
from eios.access import Action, can

pytestmark = pytest.mark.django_db

# Issuing a class's credentials is a login to its pupils' accounts: «change» on the class
# and the permission to issue (regulation §9.4–§9.5), never «view» alone.
ISSUE_CREDENTIALS = "issue_credentials"

ROWS = [
    "anonymous",
    "blocked",
    "director",
    "deputy",
    "head_of_department",
    "teacher",
    "class_teacher",
    "it_teacher",
    "librarian",
    "student",
    "superuser",
]
SIGNED_IN = set(ROWS) - {"anonymous", "blocked"}
EVERYONE = set(ROWS)
SEE_ALL = {"director", "deputy", "superuser"}
STAFF = {"head_of_department", "teacher", "class_teacher", "it_teacher", "librarian"}

# (element, action) → the rows let in.
ALLOWED = {
    ("public_page", Action.VIEW): EVERYONE,
    ("public_page", Action.CHANGE): {"superuser"},
    ("public_page", Action.ADMINISTER): {"superuser"},
    ("members_page", Action.VIEW): SIGNED_IN,
    ("members_page", Action.CHANGE): {"superuser"},
    ("members_page", Action.ADMINISTER): {"superuser"},
    ("staff_page", Action.VIEW): SEE_ALL | STAFF,
    ("staff_page", Action.CHANGE): {"superuser"},
    ("staff_page", Action.ADMINISTER): {"superuser"},
    # Open to its position by restriction, to the librarian by a personal grant.
    ("council_page", Action.VIEW): SEE_ALL | {"head_of_department", "librarian"},
    ("council_page", Action.CHANGE): {"superuser"},
    ("council_page", Action.ADMINISTER): {"head_of_department", "superuser"},
    # A subject department's materials: its head administers them by their post.
    ("department_page", Action.VIEW): SEE_ALL | STAFF,
    ("department_page", Action.CHANGE): {"superuser"},
    ("department_page", Action.ADMINISTER): {"head_of_department", "superuser"},
    ("public_document", Action.VIEW): EVERYONE,
    ("public_document", Action.CHANGE): {"superuser"},
    ("public_document", Action.ADMINISTER): {"superuser"},
    ("staff_document", Action.VIEW): SEE_ALL | STAFF,
    ("staff_document", Action.CHANGE): {"superuser"},
    ("staff_document", Action.ADMINISTER): {"superuser"},
    ("public_image", Action.VIEW): EVERYONE,
    ("public_image", Action.CHANGE): {"superuser"},
    ("public_image", Action.ADMINISTER): {"superuser"},
    ("staff_image", Action.VIEW): SEE_ALL | STAFF,
    ("staff_image", Action.CHANGE): {"superuser"},
    ("staff_image", Action.ADMINISTER): {"superuser"},
    ("school_class", Action.VIEW): SEE_ALL | {"class_teacher", "it_teacher"},
    ("school_class", Action.CHANGE): {"class_teacher", "superuser"},
    ("school_class", Action.ADMINISTER): {"superuser"},
    ("school_class", ISSUE_CREDENTIALS): {"class_teacher", "superuser"},
    ("platform", Action.VIEW): EVERYONE,
    ("platform", Action.CHANGE): {"superuser"},
    ("platform", Action.ADMINISTER): {"superuser"},
}
ELEMENTS = sorted({element for element, _action in ALLOWED})


def image_reachable(image, client: Client) -> bool:
    """A size of the image as a page shows it: public sizes are plain files the web
    server hands to anyone (README), the rest go through the access-checked view."""
    url = image.get_rendition("max-165x165").url
    if url.startswith(settings.MEDIA_URL):
        return (Path(settings.MEDIA_ROOT) / url.removeprefix(settings.MEDIA_URL)).is_file()
    return client.get(url).status_code == 200


def request_for(element: str, action: Action, obj, client: Client):
    """The real request a person makes to `action` the element; True if let in."""
    if action == ISSUE_CREDENTIALS:
        pupil = obj.memberships.get().user_id
        response = client.post(
            reverse("credential_slips", args=[obj.pk]), {"pupil": pupil, "reissue": pupil}
        )
        return response.get("Content-Type") == "application/pdf"
    if action is Action.ADMINISTER:
        label = "wagtailcore.page" if element.endswith("_page") else obj._meta.label_lower
        response = client.get(reverse("eios_access_element", args=[label, obj.pk]))
        return response.status_code == 200
    if element.endswith("_page"):
        url = (
            obj.url if action is Action.VIEW else reverse("wagtailadmin_pages:edit", args=[obj.pk])
        )
        return client.get(url).status_code == 200
    if element.endswith("_document"):
        if action is Action.VIEW:
            url = reverse("wagtaildocs_serve", args=[obj.pk, obj.filename])
        else:
            url = reverse("wagtaildocs:edit", args=[obj.pk])
        return client.get(url).status_code == 200
    if element.endswith("_image"):
        if action is Action.VIEW:
            return image_reachable(obj, client)
        return client.get(reverse("wagtailimages:edit", args=[obj.pk])).status_code == 200
    if element == "school_class":
        if action is Action.VIEW:
            return client.get(reverse("class_detail", args=[obj.pk])).status_code == 200
        # Sending the class list without a file: the class page answers with a reminder.
        response = client.post(reverse("class_list_upload", args=[obj.pk]))
        return response.status_code == 302 and response.url == reverse(
            "class_detail", args=[obj.pk]
        )
    if element == "platform":
        if action is Action.VIEW:
            catalogue = client.get("/platforms/")
            return catalogue.status_code == 200 and obj.name in catalogue.content.decode()
        url = reverse("wagtailsnippets_cms_platform:edit", args=[obj.pk])
        return client.get(url).status_code == 200
    raise AssertionError(element)


def decision(person, action, obj) -> bool:
    """What the access rules say, to compare with what the view did."""
    if action == ISSUE_CREDENTIALS:
        return may_issue_credentials(person, obj)
    return can(person, action, obj)


@pytest.mark.parametrize("row", ROWS)
def test_each_position_is_let_in_exactly_where_the_table_says(world, row):
    client = Client()
    person = world.people.get(row)
    if person is not None:
        # The blocked person too: a session of a blocked account must count for nothing.
        client.force_login(person)
    wrong = []
    for (element, action), allowed_rows in ALLOWED.items():
        obj = getattr(world.elements, element)
        expected = row in allowed_rows
        if request_for(element, action, obj, client) != expected:
            wrong.append(f"{element}/{action}: expected {'allow' if expected else 'deny'}")
        if person is not None and decision(person, action, obj) != (expected and row != "blocked"):
            wrong.append(f"{element}/{action}: access module disagrees with the view")
    assert not wrong, f"{row}: " + "; ".join(wrong)
