"""Reading /sveden/ pages in tests the way the monitoring robot does: by itemprop."""

from bs4 import BeautifulSoup


def html_of(client, slug: str) -> str:
    response = client.get(f"/sveden/{slug}/")
    assert response.status_code == 200
    return response.content.decode()


def tagged(html: str, name: str) -> list:
    return BeautifulSoup(html, "html.parser").find_all(itemprop=name)


def text_of(element) -> str:
    return " ".join(element.get_text().split())
