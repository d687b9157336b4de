from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from .files import checked_upload
from .models import Achievement, Work
from .models.works import GRADES
from .services.sharing import MAX_DAYS


class CheckedFileField(forms.FileField):
    """A file checked by its content (portfolio/files.py); cleaned to a `CheckedFile`."""

    def clean(self, data, initial=None):
        upload = super().clean(data, initial)
        if not upload or upload is initial:
            return None
        return checked_upload(upload)


class AchievementForm(forms.ModelForm):
    evidence = CheckedFileField(
        label=_("Evidence file"),
        required=False,
        help_text=_("PDF, JPEG, PNG, WebP, DOCX or ODT up to 10 MB; photos lose their EXIF data."),
    )

    class Meta:
        model = Achievement
        fields = ["sphere", "kind", "event", "organiser", "level", "result", "place", "date"]
        widgets = {"date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("result") == "place" and not cleaned.get("place"):
            self.add_error("place", _("Give the place."))
        return cleaned


class WorkForm(forms.ModelForm):
    link = forms.URLField(label=_("Link"), required=False, assume_scheme="https")
    upload = CheckedFileField(label=_("File"), required=False)

    class Meta:
        model = Work
        fields = ["title", "subject", "kind", "description", "link", "classmates_may_review"]


class ReviewForm(forms.Form):
    text = forms.CharField(label=_("Review"), widget=forms.Textarea(attrs={"rows": 4}))
    grade = forms.TypedChoiceField(
        label=pgettext_lazy("mark", "Grade"),
        choices=[("", "—"), *GRADES],
        coerce=int,
        empty_value=None,
        required=False,
    )


class ReturnForm(forms.Form):
    reason = forms.CharField(label=_("Reason for return"), widget=forms.Textarea(attrs={"rows": 2}))


class ShareLinkForm(forms.Form):
    days = forms.IntegerField(
        label=_("Valid for, days"), min_value=1, max_value=MAX_DAYS, initial=14
    )


def form_errors_from(form: forms.Form, error: ValidationError) -> None:
    """A service's refusal shown on the form it came from."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("Export of «Сетевой город. Образование»"),
        help_text=_("XLSX or CSV (UTF-8 or Windows-1251, separated by «;» or «,»)."),
    )
