"""The self-audit on a whole school: the demo school passes, an emptied field is named,
both from the command line and in the admin (issue: self-audit)."""

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation

from cms.sveden.models import SvedenCommonPage
from eios.demo import demo_load
from eios.models import School

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english(settings):
    # Assertions read the English messages; the subsection titles stay Russian.
    settings.LANGUAGE_CODE = "en"
    with translation.override("en"):
        yield


@pytest.fixture
def demo_site():
    return demo_load(students=3, news=2).site


def _audit(capsys) -> tuple[int, str]:
    try:
        call_command("sveden_audit")
    except SystemExit as exit_:
        return exit_.code, capsys.readouterr().out
    return 0, capsys.readouterr().out


def test_the_demo_school_audits_clean(demo_site, capsys):
    status, report = _audit(capsys)
    assert status == 0, report


def test_an_emptied_telephone_is_named_and_fails_the_command(demo_site, capsys):
    school = School.for_site(demo_site)
    school.telephone = ""
    school.save()

    status, report = _audit(capsys)

    assert status == 1
    assert "Основные сведения: attribute telephone is empty" in report
    assert "email" not in report


def test_an_unpublished_subsection_is_reported_unreachable(demo_site, capsys):
    # Unpublishing is refused in the admin; the audit still catches it done another way.
    SvedenCommonPage.objects.get().unpublish()

    status, report = _audit(capsys)

    assert status == 1
    assert "Основные сведения: page is not reachable" in report


def test_editors_see_the_report_in_the_admin(demo_site, client, django_user_model):
    school = School.for_site(demo_site)
    school.email = ""
    school.save()
    editor = django_user_model.objects.get(username="editor")
    client.force_login(editor)

    page = client.get(reverse("sveden_audit")).content.decode()

    assert "1 problem found." in page
    assert "attribute email is empty" in page
    assert 'href="http://localhost/sveden/common/"' in page


def test_the_report_is_in_the_reports_menu(demo_site, admin_client):
    assert (
        reverse("sveden_audit") in admin_client.get(reverse("wagtailadmin_home")).content.decode()
    )


def test_visitors_cannot_open_the_report(demo_site, client):
    response = client.get(reverse("sveden_audit"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
