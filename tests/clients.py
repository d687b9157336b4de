"""Browsers of the test client, signed in as someone."""

from django.test import Client


def signed_in(person) -> Client:
    client = Client()
    client.force_login(person)
    return client
