import pytest

pytestmark = pytest.mark.django_db


def test_russian_is_the_default_whatever_the_browser_asks(client, home):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert response["Content-Language"] == "ru"
    assert "Версия для слабовидящих" in response.content.decode()


def test_english_is_available_on_request_and_not_leaked_to_others(client, home):
    switch = client.get("/lang/en/", {"next": "/"})
    assert switch.status_code == 302 and switch["Location"] == "/"
    english = client.get("/").content.decode()
    assert "Version for the visually impaired" in english
    client.cookies.clear()
    # The page cache must not hand the English page to the next Russian visitor.
    assert "Версия для слабовидящих" in client.get("/").content.decode()


def test_language_switch_never_redirects_off_site(client, home):
    response = client.get("/lang/en/", {"next": "https://evil.example.com/"})
    assert response["Location"] == "/"
