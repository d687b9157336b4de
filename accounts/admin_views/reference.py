"""Classes, subject departments, positions and terms of use: the data orders and people
refer to."""

from django.db import transaction
from django.db.models import Exists, OuterRef, ProtectedError, RestrictedError
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin import messages
from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.admin.views.generic import DeleteView, EditView, IndexView
from wagtail.admin.viewsets.model import ModelViewSet

from accounts.models import Position, SchoolClass, SubjectDepartment, TermsVersion
from accounts.services.terms import terms_fixed
from eios.access import Action, visible
from eios.admin_texts import ModelSentences, SentencesViewSetMixin


class ProtectedDeleteView(DeleteView):
    """A record still named by history (memberships, appointments, acceptances) stays;
    the administrator gets a message instead of a server error."""

    def form_valid(self, form):
        try:
            with transaction.atomic():
                return super().form_valid(form)
        except (ProtectedError, RestrictedError):
            messages.error(
                self.request,
                gettext("«%(object)s» is referred to by other records and cannot be deleted.")
                % {"object": self.object},
            )
            return redirect(self.index_url_name)


def slips_link(school_class) -> str:
    return format_html(
        '<a href="{}">{}</a>',
        reverse("class_detail", args=[school_class.pk]),
        gettext("Credential slips"),
    )


def access_link(school_class) -> str:
    # Only to the class's administrators: to anyone else the access screen is a 404.
    if not school_class.may_administer:
        return ""
    return format_html(
        '<a href="{}">{}</a>',
        reverse("eios_access_element", args=["accounts.schoolclass", school_class.pk]),
        gettext("Access"),
    )


class SchoolClassIndexView(IndexView):
    def get_base_queryset(self):
        # One subquery for the whole page, not an access check per listed class.
        administered = visible(self.request.user, SchoolClass.objects.all(), Action.ADMINISTER)
        return (
            super()
            .get_base_queryset()
            .annotate(may_administer=Exists(administered.filter(pk=OuterRef("pk"))))
        )


class SchoolClassViewSet(SentencesViewSetMixin, ModelViewSet):
    model = SchoolClass
    sentences = ModelSentences(
        add=_("Add a class"),
        new=_("New class"),
        created=_("Class '%(object)s' created."),
        updated=_("Class '%(object)s' updated."),
        deleted=_("Class '%(object)s' deleted."),
        delete_question=_("Are you sure you want to delete this class?"),
    )
    name = "classes"
    icon = "group"
    menu_label = _("Classes")
    menu_order = 300
    add_to_reference_index = False
    copy_view_enabled = False
    index_view_class = SchoolClassIndexView
    delete_view_class = ProtectedDeleteView
    form_fields = ["school", "name", "year", "class_teacher"]
    list_display = [
        "name",
        Column("school_year", label=_("School year"), sort_key="year"),
        "school",
        Column("class_teacher", label=_("Class teacher"), accessor="class_teacher"),
        Column("slips", label=_("Credential slips"), accessor=slips_link),
        Column("access", label=_("Access"), accessor=access_link),
    ]
    list_filter = ["year", "school"]
    search_fields = ["name"]
    ordering = ["-year", "name"]

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(
            queryset=SchoolClass.objects.select_related("school", "class_teacher"), **kwargs
        )


class SubjectDepartmentViewSet(SentencesViewSetMixin, ModelViewSet):
    model = SubjectDepartment
    sentences = ModelSentences(
        add=_("Add a subject department"),
        new=_("New subject department"),
        created=_("Subject department '%(object)s' created."),
        updated=_("Subject department '%(object)s' updated."),
        deleted=_("Subject department '%(object)s' deleted."),
        delete_question=_("Are you sure you want to delete this subject department?"),
    )
    name = "departments"
    icon = "folder-open-inverse"
    menu_label = _("Subject departments")
    menu_order = 350
    add_to_reference_index = False
    copy_view_enabled = False
    form_fields = ["school", "name", "subjects", "head", "materials"]
    list_display = [
        "name",
        "subjects",
        Column("head", label=_("Head"), accessor="head"),
        Column("materials", label=_("Section of materials"), accessor="materials"),
    ]
    list_filter = ["school"]
    search_fields = ["name", "subjects"]
    ordering = ["name"]

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(
            queryset=SubjectDepartment.objects.select_related("head", "materials"), **kwargs
        )


class PositionViewSet(SentencesViewSetMixin, ModelViewSet):
    model = Position
    sentences = ModelSentences(
        add=_("Add a position"),
        new=_("New position"),
        created=_("Position '%(object)s' created."),
        updated=_("Position '%(object)s' updated."),
        deleted=_("Position '%(object)s' deleted."),
        delete_question=_("Are you sure you want to delete this position?"),
    )
    name = "positions"
    icon = "tag"
    menu_label = _("Positions")
    menu_order = 400
    add_to_reference_index = False
    copy_view_enabled = False
    delete_view_class = ProtectedDeleteView
    form_fields = ["code", "name", "sort_order", "group", "is_staff_position", "sees_everything"]
    list_display = [
        "name",
        "code",
        "sort_order",
        "group",
        BooleanColumn("is_staff_position", label=_("Staff position"), sort_key="is_staff_position"),
        BooleanColumn("sees_everything", label=_("Sees everything"), sort_key="sees_everything"),
    ]
    search_fields = ["name", "code"]
    ordering = ["sort_order", "name"]

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(
            queryset=Position.objects.select_related("group"), **kwargs
        )


class TermsVersionEditView(EditView):
    """What people accepted stays as they read it (regulation §13.4): a changed text is
    a new version, which everyone accepts again."""

    def get(self, request, *args, **kwargs):
        return self.refusal() or super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        return self.refusal() or super().post(request, *args, **kwargs)

    def refusal(self):
        # After Wagtail's permission check in dispatch(): strangers get 403, not this.
        version = self.get_object()
        if not terms_fixed(version):
            return None
        messages.error(
            self.request,
            gettext(
                "«%(version)s» has been accepted by users and cannot be changed. "
                "Add a new version of the terms instead."
            )
            % {"version": version},
        )
        return redirect(self.index_url_name)


class TermsVersionViewSet(SentencesViewSetMixin, ModelViewSet):
    model = TermsVersion
    sentences = ModelSentences(
        add=_("Add a version of the terms"),
        new=_("New version of the terms"),
        created=_("Version of the terms '%(object)s' created."),
        updated=_("Version of the terms '%(object)s' updated."),
        deleted=_("Version of the terms '%(object)s' deleted."),
        delete_question=_("Are you sure you want to delete this version of the terms?"),
    )
    name = "terms"
    icon = "doc-full-inverse"
    menu_label = _("Terms of use")
    menu_order = 500
    add_to_reference_index = False
    copy_view_enabled = False
    edit_view_class = TermsVersionEditView
    delete_view_class = ProtectedDeleteView
    form_fields = ["version", "title", "text", "published_at"]
    list_display = ["title", "version", "published_at"]
    ordering = ["-published_at"]
