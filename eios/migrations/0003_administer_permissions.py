"""The «administer» permission of every kind of element (eios/access/elements.py), so
that an element's administrator can be recorded as a django-guardian grant. View and
change are Django's own permissions of the same models."""

from django.db import migrations

ELEMENT_MODELS = [
    ("wagtailcore", "page", "page"),
    ("cms", "schooldocument", "document"),
    ("cms", "platform", "platform"),
    ("accounts", "schoolclass", "class"),
]


def create(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    for app_label, model, name in ELEMENT_MODELS:
        content_type, _created = ContentType.objects.get_or_create(
            app_label=app_label, model=model
        )
        for action in ("view", "change", "administer"):
            Permission.objects.get_or_create(
                content_type=content_type,
                codename=f"{action}_{model}",
                defaults={"name": f"Can {action} {name}"},
            )


def drop(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    Permission.objects.filter(codename__startswith="administer_").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("eios", "0002_audit_append_only"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("wagtailcore", "0001_initial"),
        ("cms", "0001_initial"),
        ("accounts", "0003_people_classes_orders_blocks_terms"),
    ]
    operations = [migrations.RunPython(create, drop)]
