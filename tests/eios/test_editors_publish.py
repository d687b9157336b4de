"""Editors publish (issue 14, item 5): the demo editor publishes news directly, and every
group, workflow and task the demo school has is named in Russian."""

import re

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Page, Task, Workflow
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from accounts.models import User
from cms.models import NewsIndexPage, NewsPage
from tests.clients import signed_in

pytestmark = pytest.mark.django_db


def test_the_demo_editor_publishes_news_directly(demo_school):
    editor = signed_in(User.objects.get(username="editor"))
    index = NewsIndexPage.objects.get()
    data = nested_form_data(
        {
            "title": "Осенний кросс",
            "slug": "kross-2026",
            "date": "2026-10-10",
            "intro": "Итоги осеннего кросса.",
            "body": streamfield([]),
            "comments": inline_formset([]),
            "action-publish": "action-publish",
        }
    )
    response = editor.post(f"/admin/pages/add/cms/newspage/{index.pk}/", data)
    assert response.status_code == 302
    news = NewsPage.objects.get(title="Осенний кросс")
    assert news.live
    assert not news.workflow_states.exists()  # published, not sent for approval


def test_the_editor_still_sends_other_pages_for_approval(demo_school):
    # The approval workflow stays where Wagtail put it: other pages are moderated.
    home = Page.objects.get(depth=2).specific
    assert Workflow.objects.filter(workflow_pages__page=Page.get_first_root_node()).exists()
    editor = User.objects.get(username="editor")
    assert not home.permissions_for_user(editor).can_publish()


def test_every_group_workflow_and_task_of_the_demo_is_named_in_russian(demo_school):
    names = [
        *Group.objects.values_list("name", flat=True),
        *Workflow.objects.values_list("name", flat=True),
        *Task.objects.values_list("name", flat=True),
    ]
    assert names
    assert [name for name in names if re.search(r"[A-Za-z]", name)] == []
