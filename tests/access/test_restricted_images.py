"""Images in a collection with «Privacy» are served only through the access-checked view
(regulation §5.2; SPEC §4): their sizes never lie at a public media address, not even
after an image, its collection or the collection's «Privacy» changes."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from wagtail.models import Collection, CollectionViewRestriction

from cms.models import SchoolImage, SchoolRendition
from eios.access import Action, grant, revoke
from tests.clients import signed_in
from tests.images import school_image

pytestmark = pytest.mark.django_db

SIZE = "max-165x165"


def on_disk(rendition) -> bool:
    return (Path(settings.MEDIA_ROOT) / rendition.file.name).is_file()


def test_a_restricted_image_has_no_public_address_and_opens_only_to_those_admitted(world):
    people, image = world.people, world.elements.staff_image
    rendition = image.get_rendition(SIZE)

    assert rendition.file.name.startswith("restricted_images/")
    assert not rendition.url.startswith(settings.MEDIA_URL)
    seen = signed_in(people["teacher"]).get(rendition.url)
    assert seen.status_code == 200
    assert seen["Content-Type"] == "image/png"
    assert b"".join(seen.streaming_content).startswith(b"\x89PNG")
    assert "private" in seen["Cache-Control"]
    assert "no-cache" in seen["Cache-Control"]

    missing = reverse("image_file", args=[image.pk, "no-such-size.png"])
    for refused in (Client(), signed_in(people["student"]), signed_in(people["blocked"])):
        assert refused.get(rendition.url).status_code == 404
        assert refused.get(missing).status_code == 404
    # A public image's sizes are not handed out by this view: they have a public address.
    public = world.elements.public_image.get_rendition(SIZE)
    assert public.file.name.startswith("images/") and on_disk(public)
    assert public.url.startswith(settings.MEDIA_URL)
    name = Path(public.file.name).name
    assert Client().get(reverse("image_file", args=[public.image_id, name])).status_code == 404


def test_a_grant_opens_a_restricted_image_and_a_revoke_closes_it_at_once(world):
    people, image = world.people, world.elements.staff_image
    url = image.get_rendition(SIZE).url
    student = signed_in(people["student"])
    assert student.get(url).status_code == 404

    grant(actor=people["superuser"], action=Action.VIEW, obj=image, user=people["student"])
    assert student.get(url).status_code == 200
    revoke(actor=people["superuser"], action=Action.VIEW, obj=image, user=people["student"])
    assert student.get(url).status_code == 404


def test_a_restricted_page_shows_its_image_through_the_checked_view(world, home):
    people, image = world.people, world.elements.staff_image
    staff_page = world.elements.staff_page.specific
    staff_page.body = [("image", {"image": image, "decorative": False, "alt_text": "Схема"})]
    staff_page.save_revision().publish()

    html = signed_in(people["teacher"]).get(staff_page.url).content.decode()
    src = re.search(r'<img alt="Схема"[^>]* src="([^"]+)"', html).group(1)
    assert src.startswith("/restricted-images/")
    assert signed_in(people["teacher"]).get(src).status_code == 200
    assert Client().get(src).status_code == 404


def test_restricting_a_collection_takes_its_images_off_public_addresses(
    world, django_capture_on_commit_callbacks
):
    people, root = world.people, Collection.get_first_root_node()
    gallery = root.add_child(name="Фотоальбом")
    image = school_image("Выпускной", gallery)
    before = image.get_rendition(SIZE)
    assert before.file.name.startswith("images/")

    with django_capture_on_commit_callbacks(execute=True):
        restriction = CollectionViewRestriction.objects.create(
            collection=gallery, restriction_type="login"
        )

    assert not SchoolRendition.objects.filter(pk=before.pk).exists()
    assert not on_disk(before)  # the file that had a public address is gone
    image = SchoolImage.objects.get(pk=image.pk)  # as the next request loads it
    after = image.get_rendition(SIZE)
    assert after.file.name.startswith("restricted_images/")
    assert Client().get(after.url).status_code == 302  # any signed-in user: log in first
    assert signed_in(people["student"]).get(after.url).status_code == 200

    with django_capture_on_commit_callbacks(execute=True):
        restriction.delete()
    image = SchoolImage.objects.get(pk=image.pk)
    assert image.get_rendition(SIZE).file.name.startswith("images/")
    assert not on_disk(after)


def test_moving_an_image_or_its_collection_under_privacy_moves_its_sizes(world):
    root = Collection.get_first_root_node()
    methodical = Collection.objects.get(name="Методические материалы")
    image = school_image("Открытый урок", root)
    assert image.get_rendition(SIZE).file.name.startswith("images/")

    image.collection = methodical
    image.save()
    image = SchoolImage.objects.get(pk=image.pk)
    assert image.get_rendition(SIZE).file.name.startswith("restricted_images/")

    album = root.add_child(name="Альбом")
    pictured = school_image("Субботник", album)
    assert pictured.get_rendition(SIZE).file.name.startswith("images/")
    # Collections keep their names in order: adding «Альбом» moved the others' paths.
    album.move(Collection.objects.get(pk=methodical.pk), "sorted-child")
    pictured = SchoolImage.objects.get(pk=pictured.pk)
    assert pictured.get_rendition(SIZE).file.name.startswith("restricted_images/")


def test_the_image_editor_previews_a_restricted_image_for_its_editor(world):
    image = world.elements.staff_image
    page = signed_in(world.people["superuser"]).get(reverse("wagtailimages:edit", args=[image.pk]))
    assert page.status_code == 200
    assert f"/restricted-images/{image.pk}/" in page.content.decode()
    assert f"{settings.MEDIA_URL}images/" not in page.content.decode()
