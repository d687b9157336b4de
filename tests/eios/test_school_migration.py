"""An installation at the migrations before the school moved to the core (issue 11)
keeps its school: the same row, its orders, classes, departments and platforms, and the
permission to edit «Settings → School» held by the same groups."""

import io

import pytest
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection
from django.urls import reverse
from wagtail.models import Collection, Locale, Page, Site

from accounts.models import User
from eios.models import School
from tests.clients import signed_in
from tests.migrating import migrate, migrate_to_the_end

BEFORE = ("eios", "0005_audit_append_only_everywhere")
REQUISITES = ["id", "site_id", "full_name", "short_name", "founded_on", "address", "telephone"]


def wagtail_roots():
    """An earlier transactional test may have flushed what Wagtail's migrations create."""
    Locale.objects.get_or_create(language_code="ru")
    Page.get_first_root_node() or Page.add_root(instance=Page(title="Root", slug="root"))
    Collection.get_first_root_node() or Collection.add_root(name="Root")


def what_hangs_on(school) -> dict:
    return {
        "orders": sorted(school.orders.values_list("pk", flat=True)),
        "classes": sorted(school.classes.values_list("pk", flat=True)),
        "departments": sorted(school.departments.values_list("pk", flat=True)),
        "platforms": sorted(school.platforms.values_list("pk", flat=True)),
    }


@pytest.mark.django_db(transaction=True)
def test_the_demo_school_survives_its_move_to_the_core(every_migration_back):
    wagtail_roots()
    call_command("load_demo", students=3, news=1, stdout=io.StringIO())
    school = School.objects.get()
    requisites = School.objects.values(*REQUISITES).get()
    before = what_hangs_on(school)
    assert all(before.values()), before
    content_type = ContentType.objects.get_for_model(School)
    office = Group.objects.create(name="Канцелярия")
    office.permissions.add(
        Permission.objects.get(content_type=content_type, codename="change_school")
    )
    User.objects.get(username="editor").groups.add(office)

    old = migrate(BEFORE).loader.project_state([BEFORE]).apps
    tables = connection.introspection.table_names()
    assert "cms_school" in tables
    assert "eios_school" not in tables
    assert old.get_model("cms", "School").objects.values(*REQUISITES).get() == requisites
    assert old.get_model("contenttypes", "ContentType").objects.get(
        pk=content_type.pk
    ).app_label == ("cms")

    migrate_to_the_end()

    ContentType.objects.clear_cache()
    assert School.objects.values(*REQUISITES).get() == requisites
    assert what_hangs_on(School.objects.get()) == before
    assert ContentType.objects.get_for_model(School).pk == content_type.pk
    editor = User.objects.get(username="editor")
    assert editor.has_perm("eios.change_school")
    response = signed_in(editor).get(
        reverse("wagtailsettings:edit", args=["eios", "school", school.site_id])
    )
    assert response.status_code == 200
    assert requisites["full_name"] in response.content.decode()
    # The next school gets a new number (PostgreSQL's sequence follows the renamed table).
    home = Site.objects.get(pk=school.site_id).root_page
    other = Site.objects.create(hostname="school2.example.ru", root_page=home)
    assert School.objects.create(site=other, full_name="Другая школа").pk > school.pk
