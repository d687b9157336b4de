import pytest
from django.db import DatabaseError, connection, transaction

from accounts.models import User
from eios.audit import AppendOnlyError, AuditEvent, AuditKind, audit_record

pytestmark = pytest.mark.django_db


@pytest.fixture
def event(rf):
    user = User.objects.create(username="ivanov", last_name="Иванов")
    request = rf.get("/", REMOTE_ADDR="10.1.2.3")
    return audit_record(AuditKind.BLOCK, actor=None, subject=user, request=request, reason="x")


def test_an_event_keeps_who_whose_where_and_what(event):
    stored = AuditEvent.objects.get()
    assert stored.kind == AuditKind.BLOCK
    assert stored.subject.username == "ivanov"
    assert stored.subject_name == "ivanov"
    assert stored.address == "10.1.2.3"
    assert stored.details == {"reason": "x"}


def test_the_application_cannot_change_or_remove_an_event(event):
    event.details = {"reason": "edited"}
    with pytest.raises(AppendOnlyError):
        event.save()
    with pytest.raises(AppendOnlyError):
        event.delete()
    with pytest.raises(AppendOnlyError):
        AuditEvent.objects.update(target="x")
    with pytest.raises(AppendOnlyError):
        AuditEvent.objects.all().delete()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="database triggers: PostgreSQL")
def test_postgresql_refuses_update_and_delete_in_sql(event):
    table = AuditEvent._meta.db_table
    for sql in (f"UPDATE {table} SET target = 'x'", f"DELETE FROM {table}"):  # noqa: S608
        with (
            pytest.raises(DatabaseError, match="append-only"),
            transaction.atomic(),
            connection.cursor() as cursor,
        ):
            cursor.execute(sql)
    assert AuditEvent.objects.count() == 1
