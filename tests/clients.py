"""Browsers of the test client, signed in as someone."""

from django.http import HttpResponse
from django.test import Client
from django.urls import reverse


def signed_in(person) -> Client:
    client = Client()
    client.force_login(person)
    return client


def log_in(client: Client, login: str, password: str) -> HttpResponse:
    """Through the login form, as a person types it (the lock, the throttle and all)."""
    return client.post(reverse("account_login"), {"login": login, "password": password})
