"""Who could read the audit log still can after its permission moved to the audit model
(issue 11, item 4): holders of `accounts.view_auditevent_log`, positions and people,
hold `eios.view_auditevent`, and the old permission is gone."""

import pytest
from django.contrib.auth.models import Group, Permission

from accounts.models import User
from tests.migrating import migrate

BEFORE = ("accounts", "0008_order_created_and_applied_names")
MOVED = ("accounts", "0009_audit_log_permission_on_the_audit_model")


@pytest.mark.django_db(transaction=True)
def test_readers_of_the_audit_log_keep_reading_it(every_migration_back):
    migrate(BEFORE)
    old = Permission.objects.get(content_type__app_label="accounts", codename="view_auditevent_log")
    sysadmins = Group.objects.create(name="Системные администраторы")
    sysadmins.permissions.add(old)
    auditor = User.objects.create_user("orlova.e", password="pass-29")
    auditor.user_permissions.add(old)
    bystander = User.objects.create_user("ivanov.p", password="pass-29")

    migrate(MOVED)

    assert not Permission.objects.filter(codename="view_auditevent_log").exists()
    auditor = User.objects.get(pk=auditor.pk)
    member = User.objects.create_user("petrov.s", password="pass-29")
    member.groups.add(sysadmins)
    assert auditor.has_perm("eios.view_auditevent")
    assert member.has_perm("eios.view_auditevent")
    assert not User.objects.get(pk=bystander.pk).has_perm("eios.view_auditevent")
