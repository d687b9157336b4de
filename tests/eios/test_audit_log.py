"""The audit log cannot be changed unnoticed (SPEC §3, regulation §12.3; ASVS 16.4):
append-only on PostgreSQL and SQLite, each event chained to the one before, and
`manage.py audit_verify` finding the first altered, deleted or inserted event."""

import itertools
import sqlite3
import threading
import uuid
from io import StringIO

import pytest
from django.core import checks
from django.core.management import CommandError, call_command
from django.db import DatabaseError, connection, connections, transaction
from django.db.migrations.executor import MigrationExecutor
from django.db.models.deletion import Collector

from accounts.models import User
from eios.audit import GENESIS, AppendOnlyError, AuditEvent, AuditKind, audit_record
from eios.audit_db import (
    POSTGRESQL_TRIGGER_DROP,
    SQLITE_TRIGGERS,
    SQLITE_TRIGGERS_DROP,
    audit_role_check,
)

pytestmark = pytest.mark.django_db
postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="database roles and privileges: PostgreSQL"
)
sqlite_only = pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's own trigger")
TABLE = AuditEvent._meta.db_table


@pytest.fixture(autouse=True)
def _english(settings):
    settings.LANGUAGE_CODE = "en"


@pytest.fixture
def event(rf):
    user = User.objects.create(username="ivanov", last_name="Иванов")
    request = rf.get("/", REMOTE_ADDR="10.1.2.3")
    return audit_record(AuditKind.BLOCK, actor=None, subject=user, request=request, reason="x")


@pytest.fixture
def log(rf):
    """Five events of an ordinary morning, chained 1 … 5."""
    pupil = User.objects.create(username="petrov.a", last_name="Петров")
    office = rf.get("/", REMOTE_ADDR="10.0.0.7")
    audit_record(AuditKind.LOGIN_FAILED, subject_name="petrov.a", request=office)
    audit_record(AuditKind.LOGIN, actor=pupil, subject=pupil, request=office)
    audit_record(AuditKind.TERMS_ACCEPTED, actor=pupil, subject=pupil, version=3)
    audit_record(AuditKind.PASSWORD_CHANGE, actor=pupil, subject=pupil, request=office)
    home = rf.get("/", REMOTE_ADDR="2001:DB8:0::7")  # stored as 2001:db8::7
    audit_record(AuditKind.LOGOUT, actor=pupil, subject=pupil, request=home)
    return list(AuditEvent.objects.order_by("seq"))


@pytest.fixture
def tamper():
    """A cursor on the log with its triggers dropped, as an intruder holding the
    database would have it; the test's transaction brings the triggers back."""
    drops = POSTGRESQL_TRIGGER_DROP if connection.vendor == "postgresql" else SQLITE_TRIGGERS_DROP
    with connection.cursor() as cursor:
        for statement in [drops] if isinstance(drops, str) else drops:
            cursor.execute(statement)
        yield cursor


def verify() -> str:
    """`manage.py audit_verify`: its output, or CommandError when the chain is broken."""
    out = StringIO()
    call_command("audit_verify", stdout=out)
    return out.getvalue()


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


def test_the_base_manager_and_bulk_writes_are_refused_too(event):
    # Related deletes and Model.delete() collectors use the base manager.
    for attempt in (
        lambda: AuditEvent._base_manager.all().delete(),
        lambda: AuditEvent._base_manager.filter(pk=event.pk).update(target="x"),
        lambda: AuditEvent.objects.all()._raw_delete(connection.alias),
        lambda: AuditEvent.objects.bulk_update([event], ["target"]),
        lambda: AuditEvent.objects.bulk_create([AuditEvent(kind=AuditKind.LOGIN)]),
        lambda: AuditEvent.objects.create(kind=AuditKind.LOGIN),
    ):
        with pytest.raises(AppendOnlyError):
            attempt()
    assert AuditEvent.objects.count() == 1


def test_the_database_refuses_update_and_delete_in_sql(event):
    # On PostgreSQL and on SQLite alike, however the statement reaches the database.
    for sql in (f"UPDATE {TABLE} SET target = 'x'", f"DELETE FROM {TABLE}"):  # noqa: S608
        with (
            pytest.raises(DatabaseError, match="append-only"),
            transaction.atomic(),
            connection.cursor() as cursor,
        ):
            cursor.execute(sql)
    # Django's deletion collector deletes by primary key without asking the manager.
    collector = Collector(using=connection.alias)
    collector.collect([AuditEvent.objects.get()])
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        collector.delete()
    assert AuditEvent.objects.count() == 1


@sqlite_only
def test_a_sqlite_connection_outside_the_application_cannot_delete_either(tmp_path):
    # The sqlite3 shell or another program: the migration's triggers on a file of its
    # own, opened without the function the application gives its connections.
    shell = sqlite3.connect(tmp_path / "school.sqlite3")
    try:
        shell.execute(f"CREATE TABLE {TABLE} (id INTEGER PRIMARY KEY, target TEXT)")
        for statement in SQLITE_TRIGGERS:
            shell.execute(statement)
        shell.execute(f"INSERT INTO {TABLE} (target) VALUES ('x')")  # noqa: S608
        with pytest.raises(sqlite3.OperationalError, match="eios_audit_locked"):
            shell.execute(f"DELETE FROM {TABLE}")  # noqa: S608
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            shell.execute(f"UPDATE {TABLE} SET target = 'y'")  # noqa: S608
        assert shell.execute(f"SELECT count(*) FROM {TABLE}").fetchone() == (1,)  # noqa: S608
    finally:
        shell.close()


@pytest.mark.django_db(transaction=True)
def test_flush_still_empties_every_table_for_tests_and_resets():
    audit_record(AuditKind.LOGIN_FAILED, subject_name="nobody")

    call_command("flush", interactive=False, verbosity=0)

    assert not AuditEvent.objects.exists()
    audit_record(AuditKind.LOGIN_FAILED, subject_name="nobody")
    assert AuditEvent.objects.get().seq == 1


def test_each_event_is_chained_to_the_one_before(log):
    assert [event.seq for event in log] == [1, 2, 3, 4, 5]
    assert log[0].prev_hash == GENESIS
    for before, after in itertools.pairwise(log):
        assert after.prev_hash == before.hash
        assert after.at >= before.at
    for event in log:
        assert len(event.hash) == 64
        assert event.content_hash() == event.hash


@pytest.mark.django_db(transaction=True)
def test_concurrent_appends_never_chain_to_the_same_predecessor():
    errors = []

    def append_many(name):
        try:
            for number in range(15):
                audit_record(AuditKind.LOGIN_FAILED, subject_name=f"{name}-{number}")
        except Exception as error:  # reported by the assertion below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=append_many, args=(f"t{n}",)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert list(AuditEvent.objects.order_by("seq").values_list("seq", flat=True)) == list(
        range(1, 61)
    )
    assert "60 events checked" in verify()


def test_audit_verify_on_an_intact_log_prints_the_count_and_the_head(log):
    output = verify()

    assert "The audit log is intact: 5 events checked" in output
    assert f"head No. 5, {log[-1].hash}" in output


def test_audit_verify_finds_an_altered_event(log, tamper):
    # The intruder hides a failed attempt: another name, another address.
    tamper.execute(
        f"UPDATE {TABLE} SET subject_name = 'sidorov', address = '10.9.9.9' WHERE seq = 1"  # noqa: S608
    )

    with pytest.raises(CommandError, match=r"Event No\. 1 \(id \d+\) was altered") as error:
        verify()
    assert error.value.returncode == 1


def test_audit_verify_finds_a_deleted_event(log, tamper):
    tamper.execute(f"DELETE FROM {TABLE} WHERE seq = 3")  # noqa: S608

    with pytest.raises(
        CommandError,
        match=rf"Event No\. 3 was deleted: the event kept after No\. 2 is id {log[3].pk}",
    ):
        verify()


def test_audit_verify_finds_an_event_inserted_out_of_order(log, tamper):
    # The intruder replaces event 2 by a forged one, chained and hashed correctly to
    # event 1: only the order of writing betrays it.
    tamper.execute(f"DELETE FROM {TABLE} WHERE seq = 2")  # noqa: S608
    forged = AuditEvent(
        seq=2,
        at=log[1].at,
        kind=AuditKind.LOGIN,
        subject_name="petrov.a",
        address="10.0.0.7",
        prev_hash=log[0].hash,
    )
    forged.hash = forged.content_hash()
    forged.save(force_insert=True)

    with pytest.raises(
        CommandError,
        match=rf"Event No\. 2 \(id {forged.pk}\) was inserted out of order: it was written "
        rf"after event No\. 3 \(id {log[2].pk}\)",
    ):
        verify()


@pytest.mark.django_db(transaction=True)
def test_the_migration_chains_the_events_already_kept():
    executor = MigrationExecutor(connection)
    executor.migrate([("eios", "0003_administer_permissions")])
    with connection.cursor() as cursor:
        for name in ("first", "second", "third"):
            cursor.execute(
                f"INSERT INTO {TABLE} (at, kind, subject_name, target, details) "  # noqa: S608
                "VALUES (CURRENT_TIMESTAMP, 'login_failed', %s, '', '{}')",
                [name],
            )
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes("eios"))

    assert "3 events checked" in verify()
    assert audit_record(AuditKind.LOGIN_FAILED, subject_name="fourth").seq == 4
    with pytest.raises(DatabaseError, match="append-only"), connection.cursor() as cursor:
        cursor.execute(f"UPDATE {TABLE} SET target = 'x'")  # noqa: S608


@postgresql_only
def test_deploy_check_warns_when_the_application_role_owns_the_audit_table(db):
    # The test run connects as the owner (and a superuser).
    warnings = audit_role_check()

    assert [warning.id for warning in warnings] == ["eios.W001"]
    assert "owns the table" in warnings[0].msg
    assert any(check is audit_role_check for check in checks.registry.registry.get_checks(True))


@postgresql_only
def test_deploy_check_is_silent_for_a_role_with_select_and_insert_only(db):
    role = f"eios_app_{uuid.uuid4().hex[:8]}"
    with connection.cursor() as cursor:
        cursor.execute(f"CREATE ROLE {role} NOLOGIN")
        cursor.execute(f"GRANT SELECT, INSERT ON {TABLE} TO {role}")
        cursor.execute(f"SET ROLE {role}")
        try:
            assert audit_role_check() == []
            cursor.execute("RESET ROLE")
            cursor.execute(f"GRANT TRUNCATE ON {TABLE} TO {role}")
            cursor.execute(f"SET ROLE {role}")
            assert "holds the TRUNCATE privilege" in audit_role_check()[0].msg
        finally:
            cursor.execute("RESET ROLE")
