"""Addresses the administrator entered before confirmation was required count as confirmed.

From now on an address logs in and receives password reset links only once confirmed
(allauth's EmailAddress.verified). The addresses already on accounts were typed by the
school's administrator from its records, so they keep working: each becomes its owner's
confirmed address. An address on more than one account, or already confirmed by another
account, is left alone: the administrator has to decide whose it is.
"""

from collections import Counter

from django.db import migrations


def confirm(apps, schema_editor):
    User = apps.get_model("accounts", "User")
    EmailAddress = apps.get_model("account", "EmailAddress")
    people = [
        (pk, email.strip().lower())
        for pk, email in User.objects.exclude(email="").values_list("pk", "email")
    ]
    shared = {email for email, count in Counter(e for _, e in people).items() if count > 1}
    for pk, email in people:
        if email in shared or EmailAddress.objects.filter(email=email, verified=True).exists():
            continue
        has_primary = EmailAddress.objects.filter(user_id=pk, primary=True).exists()
        address, _created = EmailAddress.objects.get_or_create(
            user_id=pk, email=email, defaults={"primary": not has_primary}
        )
        address.verified = True
        address.save(update_fields=["verified"])


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0010_school_in_core"),
        ("account", "0009_emailaddress_unique_primary_email"),
    ]

    operations = [migrations.RunPython(confirm, migrations.RunPython.noop)]
