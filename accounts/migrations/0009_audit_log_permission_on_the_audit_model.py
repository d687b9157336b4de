"""Reading the audit log is the audit model's own «view» permission (eios.view_auditevent),
no longer a permission declared on the user model (accounts.view_auditevent_log): the
groups (positions) and people holding the old one hold the new one, and the old one goes.
"""

from django.db import migrations

OLD = ("accounts", "user", "view_auditevent_log", "Can read the security audit log")
NEW = ("eios", "auditevent", "view_auditevent", "Can view audit event")


def _permission(apps, app_label, model, codename, name, *, create):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    if not create:
        return Permission.objects.filter(
            content_type__app_label=app_label, content_type__model=model, codename=codename
        ).first()
    # A database migrated before the audit model's permissions were made (post_migrate).
    content_type, _created = ContentType.objects.get_or_create(app_label=app_label, model=model)
    return Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": name}
    )[0]


def _move(apps, source, target, *, drop_source):
    """Holders of `source` hold `target` instead; `source` goes, or only its holders
    (Django makes the audit model's default permissions whatever this does)."""
    old = _permission(apps, *source, create=False)
    if old is None:
        return  # a new database: nobody holds anything yet
    new = _permission(apps, *target, create=True)
    for through, holder in (
        (apps.get_model("auth", "Group").permissions.through, "group_id"),
        (apps.get_model("accounts", "User").user_permissions.through, "user_id"),
    ):
        held = through.objects.filter(permission=old)
        through.objects.bulk_create(
            [through(**{holder: pk, "permission": new}) for pk in held.values_list(holder, flat=True)],
            ignore_conflicts=True,
        )
        held.delete()
    if drop_source:
        old.delete()


def forwards(apps, schema_editor):
    _move(apps, OLD, NEW, drop_source=True)


def backwards(apps, schema_editor):
    _move(apps, NEW, OLD, drop_source=False)


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0008_order_created_and_applied_names"),
        ("eios", "0001_audit_log"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.RunPython(forwards, backwards),
        migrations.AlterModelOptions(
            name="user",
            options={
                "ordering": ["last_name", "first_name", "patronymic"],
                "permissions": [
                    ("issue_credentials", "Can issue logins and one-time passwords"),
                    ("block_user", "Can block and unblock accounts"),
                ],
                "verbose_name": "user",
                "verbose_name_plural": "users",
            },
        ),
    ]
