"""The school record now lives in the core (eios 0006, issue 11): platforms point at it
there and `cms` stops declaring it. Nothing changes in the database: the table, its rows
and the platforms' key stay as they are (eios 0007 then renames the table)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0004_wagtail_defaults_in_russian"),
        ("eios", "0006_school_from_cms"),
        # Their keys must leave cms.School before it is forgotten.
        ("accounts", "0010_school_in_core"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="platform",
                    name="school",
                    field=models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="platforms",
                        to="eios.school",
                        verbose_name="school",
                    ),
                ),
                migrations.DeleteModel(name="School"),
            ]
        )
    ]
