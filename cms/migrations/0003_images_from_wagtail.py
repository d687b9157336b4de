"""Images uploaded before the school's own image model keep their ids (pages refer to
them by id), tags and recorded usage; their sizes are made again on first use, in the
right folder."""

from django.core.management.color import no_style
from django.db import migrations

COPIED = [
    "id",
    "title",
    "file",
    "description",
    "width",
    "height",
    "created_at",
    "uploaded_by_user_id",
    "focal_point_x",
    "focal_point_y",
    "focal_point_width",
    "focal_point_height",
    "file_size",
    "file_hash",
    "collection_id",
]


def copy_images(apps, schema_editor):
    Image = apps.get_model("wagtailimages", "Image")
    SchoolImage = apps.get_model("cms", "SchoolImage")
    ContentType = apps.get_model("contenttypes", "ContentType")
    TaggedItem = apps.get_model("taggit", "TaggedItem")
    db = schema_editor.connection.alias
    old = list(Image.objects.using(db).values(*COPIED))
    if not old:
        return
    SchoolImage.objects.using(db).bulk_create(SchoolImage(**row) for row in old)
    old_type, _ = ContentType.objects.using(db).get_or_create(
        app_label="wagtailimages", model="image"
    )
    new_type, _ = ContentType.objects.using(db).get_or_create(app_label="cms", model="schoolimage")
    TaggedItem.objects.using(db).filter(content_type=old_type).update(content_type=new_type)
    # Pages' references to the images («Used N times», the usage screens) follow them.
    ReferenceIndex = apps.get_model("wagtailcore", "ReferenceIndex")
    ReferenceIndex.objects.using(db).filter(to_content_type=old_type).update(
        to_content_type=new_type
    )
    connection = schema_editor.connection
    with connection.cursor() as cursor:
        for statement in connection.ops.sequence_reset_sql(no_style(), [SchoolImage]):
            cursor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0002_school_images"),
        ("wagtailimages", "0027_image_description"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(copy_images, migrations.RunPython.noop)]
