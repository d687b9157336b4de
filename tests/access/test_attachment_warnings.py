"""An editor is told when a page's files are closed differently from the page: a
restricted page's images left in a public collection, or a public page's images kept
in a closed one."""

import pytest
from django.test import Client
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, streamfield

from accounts.models import User

pytestmark = pytest.mark.django_db


def save_with_image(page, image) -> str:
    """Save the page in Wagtail's editor with one image; the messages shown next."""
    client = Client()
    client.force_login(User.objects.get(username="root"))
    data = nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "intro": "",
            "body": streamfield(
                [("image", {"image": image.pk, "decorative": "", "alt_text": "Схема"})]
            ),
        }
    )
    response = client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data, follow=True)
    assert response.status_code == 200
    return " ".join(str(message) for message in response.context["messages"])


def test_a_public_image_on_a_staff_page_is_pointed_out(world):
    shown = save_with_image(world.elements.staff_page, world.elements.public_image)
    assert "This page is closed, but these files are in public collections" in shown
    assert "«Здание школы»" in shown


def test_a_closed_image_on_a_public_page_is_pointed_out(world):
    shown = save_with_image(world.elements.public_page, world.elements.staff_image)
    assert "some visitors of this page will not see them: «Схема урока»" in shown


def test_matching_files_raise_no_warning(world):
    shown = save_with_image(world.elements.staff_page, world.elements.staff_image)
    assert "collection" not in shown
    assert "has been updated" in shown
