"""Each audit event chained to the one before (SPEC §3): number, previous hash, hash.

The events already kept get their chain here, in the order they were written (id).
PostgreSQL's append-only trigger refuses the UPDATE that fills them: it is dropped
here and created again, with SQLite's, by the next migration once the columns are
final (SQLite rebuilds a table to alter a column, which drops its triggers)."""

from django.db import migrations, models
from django.utils import timezone

from eios.audit import GENESIS, event_hash
from eios.audit_db import postgresql_trigger_create, postgresql_trigger_drop

def chain_existing(apps, schema_editor):
    AuditEvent = apps.get_model("eios", "AuditEvent")
    previous = GENESIS
    events = AuditEvent.objects.using(schema_editor.connection.alias).order_by("pk")
    for seq, event in enumerate(events.iterator(2000), start=1):
        event.seq = seq
        event.prev_hash = previous
        event.hash = event_hash(
            seq=seq,
            at=event.at,
            kind=event.kind,
            actor_id=event.actor_id,
            subject_id=event.subject_id,
            subject_name=event.subject_name,
            target=event.target,
            address=event.address,
            details=event.details,
            prev_hash=previous,
        )
        event.save(update_fields=["seq", "prev_hash", "hash"])
        previous = event.hash


class Migration(migrations.Migration):
    dependencies = [("eios", "0003_administer_permissions")]

    operations = [
        migrations.RunPython(postgresql_trigger_drop, postgresql_trigger_create),
        migrations.AlterField(
            model_name="auditevent",
            name="at",
            field=models.DateTimeField(
                db_index=True, default=timezone.now, editable=False, verbose_name="time"
            ),
        ),
        migrations.AddField(
            model_name="auditevent",
            name="seq",
            field=models.PositiveBigIntegerField(editable=False, null=True, verbose_name="number"),
        ),
        migrations.AddField(
            model_name="auditevent",
            name="prev_hash",
            field=models.CharField(
                default="", editable=False, max_length=64, verbose_name="hash of the previous event"
            ),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="auditevent",
            name="hash",
            field=models.CharField(default="", editable=False, max_length=64, verbose_name="hash"),
            preserve_default=False,
        ),
        migrations.RunPython(chain_existing, migrations.RunPython.noop),
    ]
