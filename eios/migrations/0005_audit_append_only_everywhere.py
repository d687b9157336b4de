"""The chain made final, and the append-only triggers on both databases.

PostgreSQL: the row trigger of 0002, refusing UPDATE and DELETE to everybody;
TRUNCATE stays with the table's owner (see eios/audit_db.py and the README).
SQLite: UPDATE always refused; DELETE refused whenever `eios_audit_locked()` says so,
which is always except inside the core's `flush` command, and a connection without
that function (the sqlite3 shell) fails on it too."""

from django.db import migrations, models

from eios.audit_db import triggers_create, triggers_drop


class Migration(migrations.Migration):
    dependencies = [("eios", "0004_audit_chain")]

    operations = [
        migrations.AlterField(
            model_name="auditevent",
            name="seq",
            field=models.PositiveBigIntegerField(editable=False, unique=True, verbose_name="number"),
        ),
        migrations.AlterModelOptions(
            name="auditevent",
            options={
                "base_manager_name": "objects",
                "ordering": ["-at", "-pk"],
                "verbose_name": "audit event",
                "verbose_name_plural": "audit log",
            },
        ),
        migrations.RunPython(triggers_create, triggers_drop),
    ]
