"""The library in Wagtail's admin (the catalogue, collections, external libraries, the
work programmes' editions, imports), its cabinet panel and its part of the demo."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets.button import ListingButton
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import IndexView as SnippetIndexView
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from eios.admin_texts import ModelSentences, SentencesViewSetMixin
from eios.cabinet import Panel

from . import admin_views
from .models import Collection, Edition, ExternalLibrary, ProgrammeEdition, Registration
from .selectors import credentials_of
from .services.external import CABINET_TOPIC


class EditionViewSet(SentencesViewSetMixin, SnippetViewSet):
    sentences = ModelSentences(
        add=_("Add an edition"),
        new=_("New edition"),
        created=_("Edition '%(object)s' created."),
        updated=_("Edition '%(object)s' updated."),
        deleted=_("Edition '%(object)s' deleted."),
        delete_question=_("Are you sure you want to delete this edition?"),
    )
    model = Edition
    icon = "doc-full"
    menu_label = _("Catalogue")
    list_display = ["title", "authors", "year", "subject", "kind", "on_federal_list"]
    list_filter = ["kind", "on_federal_list", "subject", "collection"]
    search_fields = ["title", "authors", "isbn"]
    list_per_page = 50


class CollectionViewSet(SentencesViewSetMixin, SnippetViewSet):
    sentences = ModelSentences(
        add=_("Add a collection"),
        new=_("New collection"),
        created=_("Collection '%(object)s' created."),
        updated=_("Collection '%(object)s' updated."),
        deleted=_("Collection '%(object)s' deleted."),
        delete_question=_("Are you sure you want to delete this collection?"),
    )
    model = Collection
    icon = "folder-open-inverse"
    menu_label = _("Collections")
    list_display = ["name", "closed"]


class ExternalLibraryIndexView(SnippetIndexView):
    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if instance.registration == Registration.ISSUED and self.request.user.has_perm(
            "library.change_externallibrary"
        ):
            url = reverse("library_credential_pool", args=[instance.pk])
            buttons.append(ListingButton(_("Pool of logins"), url=url, icon_name="key", priority=5))
        return buttons


class ExternalLibraryViewSet(SentencesViewSetMixin, SnippetViewSet):
    sentences = ModelSentences(
        add=_("Add an external library"),
        new=_("New external library"),
        created=_("External library '%(object)s' created."),
        updated=_("External library '%(object)s' updated."),
        deleted=_("External library '%(object)s' deleted."),
        delete_question=_("Are you sure you want to delete this external library?"),
    )
    model = ExternalLibrary
    index_view_class = ExternalLibraryIndexView
    icon = "site"
    menu_label = _("External libraries")
    list_display = ["name", "url", "registration", "ends_on"]


class ProgrammeEditionViewSet(SentencesViewSetMixin, SnippetViewSet):
    sentences = ModelSentences(
        add=_("Link an edition to a work programme"),
        new=_("New link of a work programme"),
        created=_("Link '%(object)s' created."),
        updated=_("Link '%(object)s' updated."),
        deleted=_("Link '%(object)s' deleted."),
        delete_question=_("Are you sure you want to delete this link?"),
    )
    model = ProgrammeEdition
    icon = "link"
    menu_label = _("Work programmes")
    list_display = ["page", "edition"]


class LibraryGroup(SnippetViewSetGroup):
    items = (EditionViewSet, CollectionViewSet, ExternalLibraryViewSet, ProgrammeEditionViewSet)
    menu_icon = "doc-full-inverse"
    menu_label = _("Library")
    menu_name = "library"
    menu_order = 260


register_snippet(LibraryGroup)


@hooks.register("register_admin_urls")
def library_admin_urls():
    return [
        path("library/imports/", admin_views.imports, name="library_imports"),
        path("library/imports/<int:pk>/", admin_views.batch, name="library_import_batch"),
        path(
            "library/external/<int:pk>/pool/",
            admin_views.credential_pool,
            name="library_credential_pool",
        ),
        path(
            "library/external/<int:pk>/pool/export/",
            admin_views.credential_pool_export,
            name="library_credential_pool_export",
        ),
    ]


class ImportsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("library.add_edition")


@hooks.register("register_admin_menu_item")
def imports_menu_item():
    return ImportsMenuItem(
        _("Library imports"), reverse("library_imports"), icon_name="upload", order=261
    )


def _panel_context(request):
    return {"credentials": credentials_of(request.user)}


@hooks.register("register_cabinet_panel")
def library_panel():
    return Panel(
        name="library",
        order=50,
        template="library/cabinet/panel.html",
        context=_panel_context,
        queries=1,
        topics=(CABINET_TOPIC,),
    )


@hooks.register("register_demo_data")
def demo_library():
    # Read only by `load_demo`, so not imported with the admin.
    from .demo import PARTS

    return PARTS
