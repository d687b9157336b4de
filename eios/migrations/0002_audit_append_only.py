from django.db import migrations

from eios.audit_db import postgresql_trigger_create, postgresql_trigger_drop

# PostgreSQL refuses to change or remove an audit row, whoever asks (ASVS 16.4.2).
# TRUNCATE is left to the database owner (test runs flush tables with it).


class Migration(migrations.Migration):
    dependencies = [("eios", "0001_audit_log")]
    operations = [migrations.RunPython(postgresql_trigger_create, postgresql_trigger_drop)]
