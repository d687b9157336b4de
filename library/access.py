"""The library's kinds of element (regulation §10.4): the catalogue is open to every
signed-in user; an edition in a closed collection is seen only by the positions the
collection names and by those granted the edition. E-resource files are served after
the same decision (views.edition_file)."""

from django.utils.translation import gettext_lazy as _

from eios.access import Closure, Element, Restriction, register_element


class EditionElement(Element):
    label = "library.edition"
    kind_name = _("library edition")

    def restriction(self, edition):
        collection = edition.collection
        if collection is None or not collection.closed:
            return Restriction(Closure.AUTHORISED)
        groups = frozenset(group.pk for group in collection.reader_groups.all())
        return Restriction(Closure.RESTRICTED, (groups,) if groups else ())


def access_elements_register() -> None:
    register_element(EditionElement())
