"""/sveden/ and its 14 subsections stay at their fixed addresses whatever editors do ([1493] §6).

The robot fetches exactly /sveden/<slug>/ ([MR9] table 3.1): renaming, moving, copying,
deleting or unpublishing one of these pages would make an item vanish for it.
"""

import pytest
from django.contrib.messages import get_messages
from django.core.exceptions import ValidationError
from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from cms.services import school_site_create
from cms.sveden.models import (
    SvedenCateringPage,
    SvedenExtraPage,
    SvedenIndexPage,
    SvedenManagersPage,
    section_models,
)

pytestmark = pytest.mark.django_db

FIXED = ["sveden", *(model.SLUG for model in section_models())]


@pytest.fixture
def admin(client, django_user_model):
    user = django_user_model.objects.create_superuser("root", "root@example.ru", "x")
    client.force_login(user)
    return client


def fixed_page(slug: str) -> Page:
    return Page.objects.get(slug=slug).specific


def messages_of(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


@pytest.mark.parametrize("slug", FIXED)
def test_slug_change_is_refused(home, slug):
    page = fixed_page(slug)
    page.slug = "renamed"
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert slug in error.value.message_dict["slug"][0]


@pytest.mark.parametrize("slug", ["sveden", "eduStandarts"])
def test_slug_change_is_refused_for_drafts_and_revisions(home, slug):
    page = fixed_page(slug)
    page.slug = "edustandarts"
    with pytest.raises(ValidationError):
        page.save_revision()
    page.live = False
    with pytest.raises(ValidationError):
        page.save()
    assert Page.objects.get(pk=page.pk).slug == slug


def test_title_change_is_refused(home):
    page = fixed_page("managers")
    page.title = "Руководство. Педагогический состав"
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "Руководство" in error.value.message_dict["title"][0]


@pytest.mark.parametrize("slug", FIXED)
def test_edit_form_opens_with_address_and_title_read_only(admin, home, slug):
    response = admin.get(reverse("wagtailadmin_pages:edit", args=[fixed_page(slug).pk]))
    assert response.status_code == 200
    form = response.context["form"]
    assert "slug" not in form.fields
    assert "title" not in form.fields


def test_publishing_from_the_admin_keeps_the_address(admin, home):
    page = fixed_page("managers")
    data = nested_form_data(
        {
            "director_name": "Иванова Мария Петровна",
            "director_post": "Директор",
            "director_telephone": "",
            "director_email": "",
            "deputies": streamfield([]),
            "filial_heads": streamfield([]),
            "body": streamfield([]),
            "seo_title": "",
            "search_description": "",
            "comments": {"TOTAL_FORMS": 0, "INITIAL_FORMS": 0},
            "action-publish": "action-publish",
        }
    )
    response = admin.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
    assert response.status_code == 302, response.context["form"].errors
    page = SvedenManagersPage.objects.get()
    assert (page.slug, page.title, page.director_name) == (
        "managers",
        "Руководство",
        "Иванова Мария Петровна",
    )


def test_a_missing_subsection_is_created_at_its_address(admin, home):
    """Sites made before a subsection existed get it from the admin with the fixed slug."""
    SvedenCateringPage.objects.get().delete()
    index = SvedenIndexPage.objects.get()
    url = reverse("wagtailadmin_pages:add", args=["sveden", "svedencateringpage", index.pk])
    data = nested_form_data(
        {
            "catering_objects": streamfield([]),
            "health": rich_text(""),
            "body": streamfield([]),
            "seo_title": "",
            "search_description": "",
            "comments": {"TOTAL_FORMS": 0, "INITIAL_FORMS": 0},
            "action-publish": "action-publish",
        }
    )
    response = admin.post(url, data)
    assert response.status_code == 302, response.context["form"].errors
    page = SvedenCateringPage.objects.get()
    assert (page.slug, page.title, page.live) == (
        "catering",
        "Организация питания в образовательной организации",
        True,
    )


@pytest.mark.parametrize("slug", FIXED)
def test_delete_is_refused_through_the_admin(admin, home, slug):
    page = fixed_page(slug)
    url = reverse("wagtailadmin_pages:delete", args=[page.pk])
    for response in (admin.get(url), admin.post(url)):
        assert response.status_code == 302
        assert response["Location"] == reverse("wagtailadmin_explore", args=[page.get_parent().pk])
        assert any(page.title in message for message in messages_of(response))
    assert Page.objects.filter(pk=page.pk).exists()


@pytest.mark.parametrize("slug", ["sveden", "common"])
def test_move_is_refused_through_the_admin(admin, home, slug):
    page = fixed_page(slug)
    destination = Page.objects.get(slug="document") if slug == "common" else home
    parent = page.get_parent()
    url = reverse("wagtailadmin_pages:move_confirm", args=[page.pk, destination.pk])
    for response in (admin.get(url), admin.post(url)):
        assert response.status_code == 302
        assert any(page.title in message for message in messages_of(response))
    assert Page.objects.get(pk=page.pk).get_parent() == parent


def test_copy_is_refused_through_the_admin(admin, home):
    page = fixed_page("budget")
    response = admin.get(reverse("wagtailadmin_pages:copy", args=[page.pk]))
    assert response.status_code == 302
    assert Page.objects.filter(slug__startswith="budget").count() == 1


@pytest.mark.parametrize("action", ["delete", "move"])
def test_bulk_delete_and_move_are_refused(admin, home, action):
    pages = [fixed_page("inter"), fixed_page("vacant")]
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", action])
    query = "&".join(f"id={page.pk}" for page in pages)
    data = {}
    if action == "move":
        # The only parent these types accept is another school's /sveden/ lacking them.
        other = school_site_create(full_name="Школа № 2", hostname="two.test", is_default=False)
        index = SvedenIndexPage.objects.get(path__startswith=other.root_page.path)
        index.get_children().filter(slug__in=["inter", "vacant"]).delete()
        data["chooser"] = index.pk
    response = admin.post(f"{url}?{query}&next=/admin/", data)
    assert response.status_code == 302
    assert any("Международное сотрудничество" in m for m in messages_of(response))
    for page in pages:
        assert Page.objects.get(pk=page.pk).get_parent().specific.get_site().hostname == "localhost"


def test_unpublish_is_refused(admin, home, django_user_model):
    page = fixed_page("grants")
    superuser = django_user_model.objects.get(username="root")
    assert not page.permissions_for_user(superuser).can_unpublish()
    response = admin.get(reverse("wagtailadmin_pages:unpublish", args=[page.pk]))
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")
    bulk = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "unpublish"])
    admin.post(f"{bulk}?id={page.pk}&next=/admin/", {"include_descendants": ""})
    assert Page.objects.get(pk=page.pk).live


def test_extra_pages_stay_free_to_delete(admin, home):
    extra = fixed_page("struct").add_child(instance=SvedenExtraPage(title="Ещё", slug="more"))
    response = admin.post(reverse("wagtailadmin_pages:delete", args=[extra.pk]))
    assert response.status_code == 302
    assert not Page.objects.filter(pk=extra.pk).exists()
