"""/food/ in the admin: the folder's files, an upload form, and the reminder of the
menu due for tomorrow."""

from django import forms
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Site

from .models import MenuFile
from .selectors import menu_files, menu_missing
from .services import menu_file_delete, menu_file_upload

UPLOAD = "food.add_menufile"
DELETE = "food.delete_menufile"


def may_manage_food(user) -> bool:
    return user.has_perm(UPLOAD) or user.has_perm(DELETE)


def admin_site(request) -> Site:
    return Site.find_for_request(request) or Site.objects.get(is_default_site=True)


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class UploadForm(forms.Form):
    files = forms.FileField(
        label=gettext_lazy("Files"),
        widget=MultipleFileInput(attrs={"accept": ".xlsx"}),
        help_text=gettext_lazy(
            "YYYY-MM-DD-sm.xlsx — the menu of a day, due by the evening before; "
            "tmYYYY-sm.xlsx — the typical menu; kpYYYY-sm.xlsx — the calendar plan; "
            "findex.xlsx — the public control file."
        ),
    )


class FoodView(WagtailAdminTemplateMixin, TemplateView):
    page_title = gettext_lazy("Menus in /food/")
    header_icon = "doc-full"
    template_name = "food/admin/food.html"

    def dispatch(self, request, *args, **kwargs):
        if not may_manage_food(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        site = admin_site(self.request)
        context.update(
            site=site,
            files=menu_files(site),
            missing=menu_missing(site),
            form=kwargs.get("form") or UploadForm(),
            may_upload=self.request.user.has_perm(UPLOAD),
            may_delete=self.request.user.has_perm(DELETE),
        )
        return context

    def post(self, request):
        if not request.user.has_perm(UPLOAD):
            raise PermissionDenied
        site = admin_site(request)
        uploads = request.FILES.getlist("files")
        if not uploads:
            messages.error(request, _("Choose one or more files to upload."))
        for upload in uploads:
            try:
                menu = menu_file_upload(site=site, upload=upload, user=request.user)
            except ValidationError as e:
                messages.error(request, " ".join(e.messages))
            else:
                messages.success(request, _("«%(name)s» is published.") % {"name": menu.name})
        return redirect("food_admin")


@require_POST
def food_delete(request, pk: int):
    if not request.user.has_perm(DELETE):
        raise PermissionDenied
    menu = get_object_or_404(MenuFile, pk=pk, site=admin_site(request))
    menu_file_delete(menu=menu)
    messages.success(request, _("«%(name)s» is removed from /food/.") % {"name": menu.name})
    return redirect("food_admin")
