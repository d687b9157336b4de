from django.contrib import messages
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.admin.widgets.button import Button
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import EditView as SnippetEditView
from wagtail.snippets.views.snippets import SnippetViewSet

from eios.access import element_access_url
from eios.admin_texts import ModelSentences, SentencesViewSetMixin
from eios.pagecache import mark_cacheable

from . import cabinet
from .access import administers_page
from .attachment_closure import closure_mismatches
from .models import Platform


@hooks.register("before_serve_page")
def cache_public_pages(page, request, serve_args, serve_kwargs):
    # A restricted page answers with a redirect, or with a password form that sets
    # the CSRF cookie; neither is stored, so only pages open to everyone are cached.
    mark_cacheable(request)


@hooks.register("register_page_listing_more_buttons")
def register_page_access_button(page, user, next_url=None):
    if administers_page(user, page):
        yield Button(gettext("Access"), element_access_url(page), icon_name="lock", priority=55)


def _titles(items) -> str:
    return ", ".join(f"«{item}»" for item in items)


@hooks.register("after_create_page")
@hooks.register("after_edit_page")
def warn_of_attachment_closure(request, page):
    found = closure_mismatches(page)
    if found.public_on_closed_page:
        messages.warning(
            request,
            _(
                "This page is closed, but these files are in public collections and open "
                "to anyone who has their address: %(files)s. Move them to a collection "
                "with the same privacy."
            )
            % {"files": _titles(found.public_on_closed_page)},
        )
    if found.closed_on_public_page:
        messages.warning(
            request,
            _(
                "These files are in closed collections, so some visitors of this page "
                "will not see them: %(files)s."
            )
            % {"files": _titles(found.closed_on_public_page)},
        )


class PlatformViewSet(SentencesViewSetMixin, SnippetViewSet):
    sentences = ModelSentences(
        add=_("Add a platform"),
        new=_("New platform"),
        created=_("Platform '%(object)s' created."),
        updated=_("Platform '%(object)s' updated."),
        deleted=_("Platform '%(object)s' deleted."),
        delete_question=_("Are you sure you want to delete this platform?"),
    )

    class LinkStatusColumn(Column):
        """«alive», «dead» with the reason, or «not checked» — editors fix dead links first."""

        def get_value(self, instance):
            if instance.link_alive is None:
                return format_html(
                    '<span class="w-status w-status--disabled">{}</span>', _("not checked")
                )
            checked_at = date_format(
                timezone.localtime(instance.link_checked_at), "SHORT_DATETIME_FORMAT"
            )
            if instance.link_alive:
                return format_html(
                    '<span class="w-status" title="{}">{}</span>', checked_at, _("alive")
                )
            return format_html(
                '<span class="w-status w-status--primary" title="{}">{}</span> {}',
                checked_at,
                _("dead"),
                instance.link_error,
            )

    class EditView(SnippetEditView):
        def get(self, request, *args, **kwargs):
            if self.object.link_alive is False:
                messages.warning(
                    request,
                    _("The address did not work at the last check (%(when)s): %(reason)s.")
                    % {
                        "when": date_format(
                            timezone.localtime(self.object.link_checked_at),
                            "SHORT_DATETIME_FORMAT",
                        ),
                        "reason": self.object.link_error,
                    },
                )
            return super().get(request, *args, **kwargs)

    model = Platform
    icon = "link"
    menu_label = _("Platforms")
    menu_order = 250
    add_to_admin_menu = True
    list_display = [
        "name",
        "address",
        "access_kind",
        BooleanColumn(
            "on_federal_list",
            label=capfirst(Platform._meta.get_field("on_federal_list").verbose_name),
            sort_key="on_federal_list",
        ),
        LinkStatusColumn("link_status", label=_("Link"), sort_key="link_alive"),
    ]
    list_filter = ["access_kind", "on_federal_list", "link_alive"]
    search_fields = ["name", "purpose"]
    edit_view_class = EditView


register_snippet(PlatformViewSet)


@hooks.register("register_demo_data")
def demo_site():
    # Read only by `load_demo`, so not imported with the admin.
    from .demo import PARTS

    return PARTS


@hooks.register("register_cabinet_panel")
def platforms_panel():
    return cabinet.PLATFORMS_PANEL


@hooks.register("register_cabinet_panel")
def sections_panel():
    return cabinet.SECTIONS_PANEL
