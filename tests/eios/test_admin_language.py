"""Every admin screen of our apps speaks Russian (SPEC: «Russian first»; issue 10, item 18).

The screens are found, not listed: every view of the viewsets and snippets that accounts,
cms (with cms.sveden) and eios register, and every address their `register_admin_urls`
hooks add. Each is rendered for the superuser over the demo school and its visible text
(with the attributes a person sees or hears: title, placeholder, aria-label, alt, the
value of buttons) may hold no Latin word outside a short list of proper names.
"""

import importlib
import json
import re

import pytest
from bs4 import BeautifulSoup
from django.apps import apps as django_apps
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import NoReverseMatch, reverse
from wagtail import hooks
from wagtail.admin.viewsets import viewsets
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.log_actions import log
from wagtail.models import Collection, Page, Task, Workflow

from accounts.models import Order, Position, SchoolClass, User
from cms.food.models import MenuFile
from eios.access.registry import ELEMENTS

pytestmark = pytest.mark.django_db

OUR_APPS = ("accounts", "cms", "eios")  # cms.sveden lives inside cms

# Latin words a Russian screen may show. Keep it short: anything else is a string that
# missed the catalogue (or a model, field or choice without a Russian name).
ALLOWED_WORDS = {
    "Wagtail",  # the admin's product name in the window title
    "JavaScript",
    "e-mail",
    "PDF",
    "CSV",
    "XLSX",
    # the federal microdata the «Сведения» check reports on ([MR9]): attribute names
    "itemprop",
    "addRef",
    # the folder of menus the monitoring of school meals reads (letter ГД-1158/01), /food/
    "food",
}
# An address, an e-mail, a file name or a dotted login: shown as typed, not translated.
IDENTIFIER = re.compile(r"://|@|\w\.\w")
LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z-]*")
SHOWN_ATTRIBUTES = ("title", "placeholder", "aria-label", "alt")


def _ours(obj) -> bool:
    return obj.__module__.split(".")[0] in OUR_APPS


def admin_screens():
    """(URL name, model of the viewset or None) of every admin view our apps register:
    their viewsets, and Wagtail's viewsets of their models (the chooser of a snippet)
    but for the documents' and images' own screens, which are Wagtail's."""
    reverse("wagtailadmin_home")  # loading the admin's addresses fills Wagtail's registry
    wagtails_own = {get_document_model(), get_image_model()}
    screens = []
    for viewset in viewsets.viewsets:
        model = getattr(viewset, "model", None)
        of_our_model = isinstance(model, type) and _ours(model) and model not in wagtails_own
        if _ours(type(viewset)) or of_our_model:
            screens += [(viewset.get_url_name(p.name), model) for p in viewset.get_urlpatterns()]
    for hook in hooks.get_hooks("register_admin_urls"):
        if _ours(hook):
            screens += [(pattern.name, None) for pattern in hook()]
    return screens


def _edges(queryset) -> list:
    """The first and the last object: the oldest records and the draft ones made last."""
    objects = list(queryset.order_by("pk"))
    return list(dict.fromkeys([objects[0], objects[-1]])) if objects else []


def addresses(name: str, model) -> list[str]:
    """Addresses of the screen: without arguments, or for sample objects."""
    if name in ARGUMENTS:
        return [reverse(name, args=args) for args in ARGUMENTS[name]()]
    try:
        return [reverse(name)]
    except NoReverseMatch:  # a screen of one object
        assert model is not None, f"{name}: add sample arguments for it to ARGUMENTS"
        return [reverse(name, args=[obj.pk]) for obj in _edges(model.objects.all())]


# Screens of the register_admin_urls hooks that take arguments; a new one fails
# `addresses` until it is added here.
ARGUMENTS = {
    "eios_access_person": lambda: [[user.pk] for user in _edges(User.objects.all())],
    "eios_access_element": lambda: [
        [label, obj.pk]
        for label, element in ELEMENTS.items()
        for obj in _edges(element.model.objects.all())[:1]
    ],
    "eios_access_revoke": lambda: ARGUMENTS["eios_access_element"](),
    # Removing a menu file answers a POST only; a GET is refused like any address one may not use.
    "food_admin_delete": lambda: [[menu.pk] for menu in _edges(MenuFile.objects.all())] or [[0]],
}


def shown_text(response) -> str:
    """What a person sees (or hears from a screen reader) of an answer."""
    body = response.content.decode()
    if response["Content-Type"].startswith("application/json"):
        # Choosers answer with their modal's HTML, or with the title of the chosen item.
        payload = json.loads(body)
        body = payload.get("html") or str((payload.get("result") or {}).get("title", ""))
    soup = BeautifulSoup(body, "html.parser")
    for hidden in soup(["script", "style"]):
        hidden.decompose()
    # Shown only once a script fills them in (Wagtail's counters of its side panels).
    for hidden in soup.find_all(hidden=True):
        hidden.decompose()
    parts = [soup.get_text(" ")]
    for tag in soup.find_all(True):
        parts += [tag[name] for name in SHOWN_ATTRIBUTES if tag.get(name)]
        if tag.name in {"input", "button"} and tag.get("type") in {"submit", "button", "reset"}:
            parts.append(tag.get("value") or "")
    return " ".join(parts)


def english_words(text: str, allowed: set[str]) -> set[str]:
    found = set()
    for token in text.split():
        token = token.strip("«»\"'()[]{}.,;:!?")
        if not token or token in allowed or IDENTIFIER.search(token):
            continue
        found |= {word for word in LATIN_WORD.findall(token) if word not in allowed}
    return found


@pytest.fixture
def superuser_browser(demo_school):
    admin = User.objects.get(username="admin")
    # Something in every history: what the demo made was written without the admin.
    for _name, model in admin_screens():
        if model is not None and model.objects.exists():
            log(instance=model.objects.order_by("pk").first(), action="wagtail.create", user=admin)
    browser = Client()
    browser.force_login(admin)
    return browser


@pytest.mark.parametrize("name, model", admin_screens(), ids=[n for n, _m in admin_screens()])
def test_the_admin_screen_speaks_russian(superuser_browser, name, model):
    # Logins and position codes are typed by the school, not translated.
    allowed = (
        ALLOWED_WORDS
        | set(User.objects.values_list("username", flat=True))
        | set(Position.objects.values_list("code", flat=True))
    )
    answers = {url: superuser_browser.get(url) for url in addresses(name, model)}
    shown = {url: answer for url, answer in answers.items() if answer.status_code == 200}
    if not shown and {answer.status_code for answer in answers.values()} == {405}:
        pytest.skip(f"{name} only takes a POST")
    assert shown, f"{name}: no sample opens it: { {u: a.status_code for u, a in answers.items()} }"
    english = {url: english_words(shown_text(answer), allowed) for url, answer in shown.items()}
    assert not any(english.values()), f"English on {name}: {english}"
    hashes = set(User.objects.exclude(password__startswith="!").values_list("password", flat=True))
    for url, answer in shown.items():
        assert not [h for h in hashes if h in answer.content.decode()], f"a password hash on {url}"


def page_text(response) -> str:
    return " ".join(shown_text(response).split())


def test_orders_are_decrees_declined_and_agreed_on_every_screen(superuser_browser):
    listing = page_text(superuser_browser.get(reverse("orders:index")))
    assert "Добавить приказ" in listing
    form = page_text(superuser_browser.get(reverse("orders:add")))
    assert "Новый приказ" in form and "Добавить строку" in form
    school = Order.objects.first().school

    created = superuser_browser.post(
        reverse("orders:add"),
        {
            "school": school.pk,
            "number": "23-у",
            "date": "2026-02-02",
            "kind": "enrolment",
            "title": "О зачислении",
            "lines-TOTAL_FORMS": "0",
            "lines-INITIAL_FORMS": "0",
            "lines-MIN_NUM_FORMS": "0",
            "lines-MAX_NUM_FORMS": "1000",
        },
        follow=True,
    )
    assert "Приказ № 23-у от 02.02.2026 создан." in page_text(created)
    order = Order.objects.get(number="23-у")
    question = page_text(superuser_browser.get(reverse("orders:delete", args=[order.pk])))
    assert "Вы уверены, что хотите удалить этот приказ?" in question
    deleted = superuser_browser.post(reverse("orders:delete", args=[order.pk]), follow=True)
    assert "Приказ № 23-у от 02.02.2026 удалён." in page_text(deleted)
    for shown in (listing, form, question, page_text(created), page_text(deleted)):
        assert "порядок" not in shown.lower().replace("порядок в списке", "")


@pytest.mark.parametrize(
    "url_name, data, said",
    [
        (
            "wagtailsnippets_cms_platform:add",
            {"name": "Школьный кинозал", "access_kind": "free", "sort_order": "30"},
            "Платформа «Школьный кинозал» создана.",
        ),
        (
            "positions:add",
            {"code": "psychologist", "name": "Педагог-психолог", "sort_order": "9"},
            "Должность «Педагог-психолог» создана.",
        ),
    ],
)
def test_a_new_record_is_announced_in_agreement_with_its_kind(
    superuser_browser, url_name, data, said
):
    school = Order.objects.first().school
    answer = superuser_browser.post(reverse(url_name), {"school": school.pk, **data}, follow=True)
    assert said in page_text(answer)


def test_a_saved_class_is_announced_as_saved(superuser_browser):
    school_class = SchoolClass.objects.get(name="5А")
    answer = superuser_browser.post(
        reverse("classes:edit", args=[school_class.pk]),
        {
            "school": school_class.school_id,
            "name": "5А",
            "year": school_class.year,
            "class_teacher": school_class.class_teacher_id,
        },
        follow=True,
    )
    assert "Класс «5А (2025/2026)» сохранён." in page_text(answer)


def test_the_number_of_matches_agrees_with_it(superuser_browser):
    found = page_text(superuser_browser.get(reverse("orders:index"), {"q": "приёме"}))
    assert "Найдено 2 совпадения" in found


def test_wagtails_own_groups_workflow_and_roots_are_named_in_russian(demo_school):
    names = [
        *Group.objects.values_list("name", flat=True),
        *Workflow.objects.values_list("name", flat=True),
        *Task.objects.values_list("name", flat=True),
        Page.get_first_root_node().title,
        Collection.get_first_root_node().name,
    ]
    assert "Модераторы" in names and "Редакторы" in names
    assert not [name for name in names if LATIN_WORD.search(name)]


def test_the_renaming_can_be_undone_and_keeps_names_a_school_chose(db):
    renaming = importlib.import_module("cms.migrations.0004_wagtail_defaults_in_russian")
    Group.objects.filter(name="Редакторы").update(name="Редакция сайта")

    renaming.to_english(django_apps, None)
    names = set(Group.objects.values_list("name", flat=True))
    assert {"Moderators", "Редакция сайта"} <= names and "Editors" not in names
    assert Page.get_first_root_node().title == "Root"
    assert Collection.get_first_root_node().name == "Root"
    assert Workflow.objects.get().name == "Moderators approval"

    renaming.to_russian(django_apps, None)
    names = set(Group.objects.values_list("name", flat=True))
    assert {"Модераторы", "Редакция сайта"} <= names
    assert Page.get_first_root_node().title == "Все сайты"
    assert Task.objects.get().name == "Согласование модераторами"
