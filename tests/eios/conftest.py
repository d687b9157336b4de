import datetime

import pytest
from django.db import transaction
from django.utils import timezone


@pytest.fixture(scope="module")
def demo_school(django_db_setup, django_db_blocker):
    """The demo school, loaded once for a module of screen-by-screen tests and rolled back
    after it; each test still runs in its own savepoint. Beside what the demo holds:
    a draft order (the screens of an order that can still change) and a version of the
    terms nobody has accepted yet (its edit screen)."""
    from accounts.models import Order, OrderKind, OrderLine, TermsVersion, User
    from eios.demo import demo_load
    from eios.models import School

    with django_db_blocker.unblock(), transaction.atomic():
        site = demo_load(students=3, news=1).site
        school = School.for_site(site)
        draft = Order.objects.create(
            school=school, number="22-у", date=datetime.date(2026, 1, 12), kind=OrderKind.EXPULSION
        )
        OrderLine.objects.create(order=draft, person=User.objects.get(username="student00001"))
        TermsVersion.objects.create(
            version="2",
            title="Правила использования ЭИОС (редакция 2)",
            text="Новая редакция правил.",
            published_at=timezone.now() + datetime.timedelta(days=30),
        )
        yield site
        transaction.set_rollback(True)
