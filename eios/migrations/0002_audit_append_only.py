from django.db import migrations

# PostgreSQL refuses to change or remove an audit row, whoever asks (ASVS 16.4.2).
# TRUNCATE is left to the database owner (test runs flush tables with it).
CREATE = """
CREATE OR REPLACE FUNCTION eios_audit_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'the audit log is append-only: %% refused', TG_OP;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER eios_auditevent_append_only
    BEFORE UPDATE OR DELETE ON eios_auditevent
    FOR EACH ROW EXECUTE FUNCTION eios_audit_append_only();
"""
DROP = """
DROP TRIGGER IF EXISTS eios_auditevent_append_only ON eios_auditevent;
DROP FUNCTION IF EXISTS eios_audit_append_only();
"""


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [("eios", "0001_audit_log")]
    operations = [migrations.RunPython(create, drop)]
