"""Choosing a person in admin forms (order lines, class teachers) by searching the name.

A school has a thousand people or more: a drop-down of all of them is unusable and
sends every name to the browser. The chooser lists people page by page and finds
them by any part of surname, name, patronymic or login.
"""

from django import forms
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.choosers import BaseFilterForm
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic.chooser import ChooseResultsView, ChooseView, ChosenView
from wagtail.admin.viewsets.chooser import ChooserViewSet
from wagtail.admin.widgets.chooser import BaseChooser

from accounts.models import User
from accounts.names import name_order
from eios.access import administers_anything

from .people import NAME_FIELDS

# Whoever edits an order or a class, or administers an element (to grant privileges on
# it), may look people up; nobody else sees the list.
CHOOSER_PERMISSIONS = (
    "accounts.add_order",
    "accounts.change_order",
    "accounts.add_schoolclass",
    "accounts.change_schoolclass",
)


def people_matching(queryset, query: str):
    """Every word of `query` occurs in one of the name fields.

    SQLite ignores case for Latin letters only, so «петр» would miss «Петрова» there;
    names are written capitalised, and the capitalised word is looked for as well.
    """
    for word in query.split():
        condition = Q()
        for variant in {word, word.capitalize()}:
            for field in NAME_FIELDS:
                condition |= Q(**{f"{field}__icontains": variant})
        queryset = queryset.filter(condition)
    return queryset


class PersonSearchForm(BaseFilterForm):
    q = forms.CharField(
        label=_("Search term"),
        widget=forms.TextInput(attrs={"placeholder": _("Surname, name or login")}),
        required=False,
    )

    def filter(self, objects):
        objects = super().filter(objects)
        query = self.cleaned_data.get("q", "").strip()
        if query:
            objects = people_matching(objects, query)
            self.is_searching = True
            self.search_query = query
        return objects


class PersonChooserMixin:
    filter_form_class = PersonSearchForm

    def dispatch(self, request, *args, **kwargs):
        user = request.user
        if not (
            any(user.has_perm(name) for name in CHOOSER_PERMISSIONS) or administers_anything(user)
        ):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    @property
    def columns(self):
        title = self.title_column
        title.label, title.accessor = _("Person"), "get_full_name"
        return [title, Column("login", label=_("Login"), accessor=login_and_status)]

    def get_display_title(self, instance):
        return instance.get_label()


class PersonChooserWidget(BaseChooser):
    def get_display_title(self, instance):
        return instance.get_label()


def login_and_status(user) -> str:
    return user.username if user.is_active else f"{user.username} ({gettext('blocked')})"


class PersonChooseView(PersonChooserMixin, ChooseView):
    pass


class PersonChooseResultsView(PersonChooserMixin, ChooseResultsView):
    pass


class PersonChosenView(PersonChooserMixin, ChosenView):
    pass


class PersonChooserViewSet(ChooserViewSet):
    model = User
    base_widget_class = PersonChooserWidget
    icon = "user"
    choose_one_text = _("Choose a person")
    choose_another_text = _("Choose another person")
    edit_item_text = _("Open")
    per_page = 30
    choose_view_class = PersonChooseView
    choose_results_view_class = PersonChooseResultsView
    chosen_view_class = PersonChosenView

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(ordering=name_order(), **kwargs)

    def get_urlpatterns(self):
        # People are registered by orders only: the chooser creates nobody.
        return [p for p in super().get_urlpatterns() if getattr(p, "name", None) != "create"]


person_chooser_viewset = PersonChooserViewSet("person_chooser", url_prefix="people-chooser")
