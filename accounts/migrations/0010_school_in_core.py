"""Classes, orders and subject departments belong to the school of the core (issue 11).
The school's table and rows do not change (eios 0006), so only Django's picture of the
keys moves: the database keeps its columns and constraints."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0009_audit_log_permission_on_the_audit_model"),
        ("eios", "0006_school_from_cms"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="order",
                    name="school",
                    field=models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="orders",
                        to="eios.school",
                        verbose_name="school",
                    ),
                ),
                migrations.AlterField(
                    model_name="schoolclass",
                    name="school",
                    field=models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="classes",
                        to="eios.school",
                        verbose_name="school",
                    ),
                ),
                migrations.AlterField(
                    model_name="subjectdepartment",
                    name="school",
                    field=models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="departments",
                        to="eios.school",
                        verbose_name="school",
                    ),
                ),
            ]
        )
    ]
