"""Work programmes on the official site refer to editions; an edition's page lists the
work programmes that use it (regulation §6.1, §10.7)."""

from wagtail.models import Page

from library.models import ProgrammeEdition
from tests.clients import signed_in


def test_an_editions_page_lists_the_live_programmes_that_use_it(home, student, make_edition):
    edition = make_edition("Математика. 5 класс. Учебник")
    programme = home.add_child(instance=Page(title="Рабочая программа по математике, 5 класс"))
    draft = home.add_child(instance=Page(title="Черновик программы", live=False))
    for page in (programme, draft):
        ProgrammeEdition.objects.create(page=page, edition=edition)
    page = signed_in(student).get(f"/library/{edition.pk}/").content.decode()
    assert "Рабочая программа по математике, 5 класс" in page
    assert programme.url in page
    assert "Черновик программы" not in page


def test_an_edition_used_by_no_programme_says_so(student, make_edition):
    edition = make_edition("Физика. 7 класс")
    page = signed_in(student).get(f"/library/{edition.pk}/").content.decode()
    assert "No work programme refers to it yet." in page
