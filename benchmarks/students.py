"""Pupils who can log in, for the login storm and the cabinet (`python -m benchmarks.students
prepare FILE` / `count SINCE`), run by benchmarks.run with the benchmark's environment.

Every generated pupil gets the same real Argon2id hash (hashed once: hashing thousands
would take minutes and measure nothing), has accepted the terms and needs no password
change, so each login in the storm is a full, successful login.
"""

import sys

PASSWORD = "bench-pupil-29"
SIGNED_IN_AS = ("student", "student2")


def prepare(path: str) -> None:
    import django

    django.setup()
    from django.contrib.auth.hashers import make_password

    from accounts.models import TermsAcceptance, User
    from accounts.services.terms import terms_current

    pupils = User.objects.filter(username__startswith="student", is_active=True)
    pupils.update(password=make_password(PASSWORD), must_change_password=False)
    version = terms_current()
    if version is not None:
        TermsAcceptance.objects.bulk_create(
            [TermsAcceptance(user=user, version=version) for user in pupils],
            ignore_conflicts=True,
        )
    # The README's pupils are the ones the signed-in pages are measured as: the storm
    # leaves them out, or the cabinet would list every session the storm opened for them.
    storm = pupils.exclude(username__in=SIGNED_IN_AS)
    names = list(storm.order_by("?").values_list("username", flat=True))
    with open(path, "w") as file:
        file.write("\n".join(names) + "\n")
    print(len(names))


def count(since: str) -> None:
    import django

    django.setup()
    from eios.audit import AuditKind
    from eios.models import AuditEvent

    events = AuditEvent.objects.filter(at__gte=since)
    print(
        events.filter(kind=AuditKind.LOGIN).count(),
        events.filter(kind__in=[AuditKind.LOGIN_FAILED, AuditKind.LOGIN_LOCKED]).count(),
    )


if __name__ == "__main__":
    {"prepare": prepare, "count": count}[sys.argv[1]](sys.argv[2])
