"""The library's part of the demo: generated editions across subjects and grades, two
external libraries, the demo pupils holding a login of one (`load_demo --editions N`)."""

import io

from django.core.management import call_command

from accounts.models import User
from library.models import Edition, ExternalCredential, ExternalLibrary
from library.search import SearchParams, catalogue_search


def test_load_demo_generates_the_editions_asked_for_once(db):
    call_command("load_demo", students=3, news=1, editions=300, stdout=io.StringIO())
    assert Edition.objects.count() == 300
    assert Edition.objects.values("subject").distinct().count() > 10
    assert Edition.objects.values("kind").distinct().count() >= 5
    assert ExternalLibrary.objects.count() == 2
    student = User.objects.get(username="student")
    assert ExternalCredential.objects.filter(holder=student).count() == 1
    found = catalogue_search(SearchParams(q="учебник математики"))
    assert found.total and all("Математик" in hit.title for hit in found.hits)

    call_command("load_demo", students=3, news=1, editions=300, stdout=io.StringIO())
    assert Edition.objects.count() == 300
    assert ExternalCredential.objects.exclude(holder=None).count() == 2
