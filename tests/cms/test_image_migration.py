"""Images uploaded before the school's own image model survive the switch: same id
(pages refer to images by id), tags and recorded usage."""

import pytest
from django.contrib.contenttypes.models import ContentType
from taggit.models import Tag, TaggedItem
from wagtail.images.models import Image
from wagtail.models import Collection, Page, ReferenceIndex

from cms.models import SchoolImage
from tests.migrating import migrate

COPIED = ("cms", "0003_images_from_wagtail")
BEFORE = ("cms", "0002_school_images")


@pytest.mark.django_db(transaction=True)
def test_images_keep_their_ids_tags_and_usage(every_migration_back):
    migrate(BEFORE)
    # An earlier transactional test may have flushed what Wagtail's migrations create.
    root = Collection.get_first_root_node() or Collection.add_root(name="Root")
    old = Image.objects.create(
        id=7,
        title="Здание школы",
        file="original_images/building.png",
        width=640,
        height=480,
        collection=root,
    )
    old_type = ContentType.objects.get_for_model(Image)
    TaggedItem.objects.create(
        tag=Tag.objects.create(name="фасад", slug="fasad"), content_type=old_type, object_id=7
    )
    page_type = ContentType.objects.get_for_model(Page)
    ReferenceIndex.objects.create(
        content_type=page_type,
        base_content_type=page_type,
        object_id="1",
        to_content_type=old_type,
        to_object_id="7",
        model_path="body.image",
        content_path="body.0.image",
        content_path_hash="3f1e3c9a-0000-5000-8000-000000000007",
    )

    migrate(COPIED)

    image = SchoolImage.objects.get(pk=old.pk)
    assert (image.title, image.file.name) == ("Здание школы", "original_images/building.png")
    assert list(image.tags.names()) == ["фасад"]
    assert ReferenceIndex.get_references_to(image).count() == 1
    # The next upload does not collide with the copied id (PostgreSQL's sequence moved on).
    assert (
        SchoolImage.objects.create(
            title="Новое",
            file="original_images/new.png",
            width=1,
            height=1,
            collection=root,
        ).pk
        > old.pk
    )
