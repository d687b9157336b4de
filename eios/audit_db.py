"""The database's side of the audit log's append-only rule (regulation §5.6; ASVS 16.4.2).

SQLite has no roles, so its triggers refuse UPDATE always and DELETE whenever the SQL
function `eios_audit_locked()` says so. Every Django connection gets the function,
which answers 1 except inside `audit_unlocked()`, used by the core's `flush` command
alone (transactional tests and `manage.py flush` empty every table). A connection
without the function — the sqlite3 shell, another program — cannot delete either: the
trigger fails on the unknown function. Dropping the trigger stays possible for whoever
holds the file; the hash chain is what makes that visible (`manage.py audit_verify`).

PostgreSQL's trigger refuses UPDATE and DELETE for everybody; TRUNCATE, ALTER and
DROP TRIGGER remain with the table's owner, so the application runs under a role that
does not own the table, which `audit_role_check` (check --deploy) verifies.
"""

from contextlib import contextmanager
from contextvars import ContextVar

from django.core import checks
from django.db import DatabaseError, connections
from django.utils.translation import gettext as _

_unlocked = ContextVar("eios_audit_unlocked", default=False)


@contextmanager
def audit_unlocked():
    """Let this thread's SQLite connections empty the audit table (flush only)."""
    token = _unlocked.set(True)
    try:
        yield
    finally:
        _unlocked.reset(token)


def _audit_locked() -> int:
    return 0 if _unlocked.get() else 1


def audit_lock_function_install(sender, connection, **kwargs):
    """`connection_created` receiver: give each SQLite connection the trigger's function."""
    if connection.vendor == "sqlite":
        connection.connection.create_function("eios_audit_locked", 0, _audit_locked)


TABLE = "eios_auditevent"

# The triggers, created by the migrations (0002, then 0005 with SQLite's). SQLite
# rebuilds a table to alter a column and drops its triggers on the way: a migration
# that alters this table must drop and create them around the change.
POSTGRESQL_TRIGGER = """
CREATE OR REPLACE FUNCTION eios_audit_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'the audit log is append-only: %% refused', TG_OP;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER eios_auditevent_append_only
    BEFORE UPDATE OR DELETE ON eios_auditevent
    FOR EACH ROW EXECUTE FUNCTION eios_audit_append_only();
"""
POSTGRESQL_TRIGGER_DROP = """
DROP TRIGGER IF EXISTS eios_auditevent_append_only ON eios_auditevent;
DROP FUNCTION IF EXISTS eios_audit_append_only();
"""
SQLITE_TRIGGERS = [
    """
    CREATE TRIGGER eios_auditevent_no_update BEFORE UPDATE ON eios_auditevent
    BEGIN SELECT RAISE(ABORT, 'the audit log is append-only: UPDATE refused'); END
    """,
    """
    CREATE TRIGGER eios_auditevent_no_delete BEFORE DELETE ON eios_auditevent
    WHEN eios_audit_locked()
    BEGIN SELECT RAISE(ABORT, 'the audit log is append-only: DELETE refused'); END
    """,
]
SQLITE_TRIGGERS_DROP = [
    "DROP TRIGGER IF EXISTS eios_auditevent_no_update",
    "DROP TRIGGER IF EXISTS eios_auditevent_no_delete",
]


def postgresql_trigger_create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(POSTGRESQL_TRIGGER)


def postgresql_trigger_drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(POSTGRESQL_TRIGGER_DROP)


def triggers_create(apps, schema_editor):
    """Migration step: the append-only triggers of whichever database this is."""
    postgresql_trigger_create(apps, schema_editor)
    if schema_editor.connection.vendor == "sqlite":
        for statement in SQLITE_TRIGGERS:
            schema_editor.execute(statement)


def triggers_drop(apps, schema_editor):
    postgresql_trigger_drop(apps, schema_editor)
    if schema_editor.connection.vendor == "sqlite":
        for statement in SQLITE_TRIGGERS_DROP:
            schema_editor.execute(statement)


# Owner and superuser may ALTER the table, drop its trigger and TRUNCATE it; the
# TRUNCATE privilege alone empties it without firing the row trigger.
_PRIVILEGES_SQL = """
SELECT t.tableowner = current_user,
       r.rolsuper,
       has_table_privilege(current_user, t.schemaname || '.' || t.tablename, 'TRUNCATE')
FROM pg_tables t, pg_roles r
WHERE t.tablename = %s AND t.schemaname = current_schema() AND r.rolname = current_user
"""


def audit_role_check(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    """check --deploy: warn when the application's PostgreSQL role could erase history."""
    connection = connections["default"]
    if connection.vendor != "postgresql":
        return []
    try:
        with connection.cursor() as cursor:
            cursor.execute(_PRIVILEGES_SQL, [TABLE])
            row = cursor.fetchone()
    except DatabaseError as error:
        return [
            checks.Warning(
                _("Could not check the database role's rights on the audit log: %(error)s")
                % {"error": error},
                id="eios.W002",
            )
        ]
    if row is None:
        return []
    owner, superuser, truncate = row
    rights = [
        right
        for right, held in (
            (_("owns the table"), owner),
            (_("is a superuser"), superuser),
            (_("holds the TRUNCATE privilege"), truncate),
        )
        if held
    ]
    if not rights:
        return []
    return [
        checks.Warning(
            _(
                "The application's database role can alter or empty the audit log "
                "(ALTER, DROP TRIGGER, TRUNCATE): it %(rights)s."
            )
            % {"rights": ", ".join(rights)},
            hint=_(
                "Run migrations as the table's owner and the application as a role that "
                "has only SELECT and INSERT on it (README, «Audit log»)."
            ),
            obj=TABLE,
            id="eios.W001",
        )
    ]
