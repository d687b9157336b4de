"""The school's table and content type take the core's name (issue 11).

The content type row is renamed, not replaced: the permissions on schools (Wagtail's
«Settings → School» among them), the groups that hold them and the log of edits are tied
to its id and stay with it.
"""

from django.db import migrations


def _content_type_move(apps, schema_editor, *, source: str, target: str) -> None:
    ContentType = apps.get_model("contenttypes", "ContentType")
    types = ContentType.objects.using(schema_editor.connection.alias)
    old = types.filter(app_label=source, model="school").first()
    if old is None:
        return
    # A row for the new name can only have been made by the new code on its own, before
    # this migration (ContentType.objects.get_for_model): it carries none of the school's
    # history, and the row that does takes its place.
    types.filter(app_label=target, model="school").delete()
    old.app_label = target
    old.save(update_fields=["app_label"])


def content_type_to_core(apps, schema_editor):
    _content_type_move(apps, schema_editor, source="cms", target="eios")


def content_type_to_cms(apps, schema_editor):
    _content_type_move(apps, schema_editor, source="eios", target="cms")


class Migration(migrations.Migration):
    dependencies = [
        ("eios", "0006_school_from_cms"),
        ("cms", "0005_school_in_core"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        # PostgreSQL and SQLite (≥ 3.26) carry the other tables' keys over to the new name.
        migrations.AlterModelTable(name="school", table=None),
        migrations.RunPython(content_type_to_core, content_type_to_cms),
    ]
