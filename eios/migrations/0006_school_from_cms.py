"""The school record moves from `cms` to the core (issue 11): first it is declared here,
on the table it already has, so nothing is copied or recreated. `accounts` and `cms`
then point their keys at it (in their migrations after this one), `cms` forgets its
own declaration, and eios 0007 renames the table and moves the content type."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("eios", "0005_audit_append_only_everywhere"),
        ("cms", "0004_wagtail_defaults_in_russian"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="School",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        ("full_name", models.CharField(max_length=500, verbose_name="full name")),
                        (
                            "short_name",
                            models.CharField(
                                blank=True, max_length=200, verbose_name="short name"
                            ),
                        ),
                        (
                            "founded_on",
                            models.DateField(
                                blank=True, null=True, verbose_name="date of creation"
                            ),
                        ),
                        (
                            "address",
                            models.CharField(
                                blank=True,
                                help_text="Postcode, region, town, street, building.",
                                max_length=500,
                                verbose_name="address",
                            ),
                        ),
                        (
                            "work_time",
                            models.TextField(
                                blank=True,
                                help_text="Week type, day length, start and end of lessons, "
                                "breaks, shifts.",
                                verbose_name="working mode and schedule",
                            ),
                        ),
                        (
                            "telephone",
                            models.CharField(
                                blank=True,
                                help_text="«(code) number»; several numbers separated by «;».",
                                max_length=300,
                                verbose_name="telephones",
                            ),
                        ),
                        (
                            "email",
                            models.CharField(
                                blank=True,
                                help_text="Several addresses separated by «;».",
                                max_length=300,
                                verbose_name="e-mail addresses",
                            ),
                        ),
                        (
                            "site",
                            models.OneToOneField(
                                editable=False,
                                on_delete=django.db.models.deletion.CASCADE,
                                to="wagtailcore.site",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "school",
                        "verbose_name_plural": "schools",
                        # Until eios 0007 renames it.
                        "db_table": "cms_school",
                    },
                )
            ]
        )
    ]
