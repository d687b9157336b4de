"""Wagtail's own privacy checks stay out of serving (issue 11, item 8): the access
module replaces them in Wagtail's private hook lists, and Django refuses to start when
an upgrade has put them back or moved them, so closed content cannot silently reopen."""

import pytest
import wagtail.documents.wagtail_hooks as wagtail_document_hooks
import wagtail.wagtail_hooks as wagtail_page_hooks
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from wagtail import hooks

from eios.access.serving import serve_page_if_allowed


def start_up_errors() -> str:
    """What `manage.py check` (run before `runserver` and `migrate`) stops on."""
    with pytest.raises(SystemCheckError) as refused:
        call_command("check")
    return str(refused.value)


def test_the_project_starts_with_the_access_modules_checks_in_place():
    call_command("check")
    assert serve_page_if_allowed in hooks.get_hooks("on_serve_page")
    assert wagtail_page_hooks.check_view_restrictions not in hooks.get_hooks("on_serve_page")


def test_start_up_stops_when_wagtails_page_check_is_back(monkeypatch):
    back = [*hooks._hooks["on_serve_page"], (wagtail_page_hooks.check_view_restrictions, 0)]
    monkeypatch.setitem(hooks._hooks, "on_serve_page", back)

    errors = start_up_errors()

    assert "eios.E002" in errors
    assert "wagtail.wagtail_hooks.check_view_restrictions" in errors


def test_start_up_stops_when_wagtails_document_check_has_moved(monkeypatch):
    monkeypatch.delattr(wagtail_document_hooks, "check_view_restrictions")

    errors = start_up_errors()

    assert "eios.E001" in errors
    assert "wagtail.documents.wagtail_hooks.check_view_restrictions is gone" in errors


def test_start_up_stops_when_the_access_modules_check_is_missing(monkeypatch):
    without = [
        (fn, order)
        for fn, order in hooks._hooks["on_serve_page"]
        if fn is not serve_page_if_allowed
    ]
    monkeypatch.setitem(hooks._hooks, "on_serve_page", without)

    assert "eios.E003" in start_up_errors()
