from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.models import Position, SchoolClass, User

from .models import ImportFormat


class ImportForm(forms.Form):
    file = forms.FileField(label=_("File"))
    format = forms.ChoiceField(
        label=_("Format"),
        required=False,
        choices=[("", _("recognise from the content")), *ImportFormat.choices],
    )


class PoolLoadForm(forms.Form):
    lines = forms.CharField(
        label=_("Logins from the provider"),
        widget=forms.Textarea,
        help_text=_("One per line: login;password"),
    )


class PoolGenerateForm(forms.Form):
    count = forms.IntegerField(label=_("How many"), min_value=1, max_value=5000)
    prefix = forms.SlugField(label=_("Login prefix"), max_length=20, initial="school-")


class PoolAssignForm(forms.Form):
    person = forms.ModelChoiceField(
        label=_("Person"), queryset=User.objects.filter(is_active=True), required=False
    )
    school_class = forms.ModelChoiceField(
        label=_("Class"), queryset=SchoolClass.objects.all(), required=False
    )
    position = forms.ModelChoiceField(
        label=_("Position"), queryset=Position.objects.all(), required=False
    )

    def clean(self):
        chosen = [
            name for name in ("person", "school_class", "position") if self.cleaned_data.get(name)
        ]
        if len(chosen) != 1:
            raise forms.ValidationError(_("Choose one: a person, a class or a position."))
        return self.cleaned_data


class PoolMailForm(forms.Form):
    person = forms.ModelChoiceField(
        label=_("Person"),
        queryset=User.objects.filter(is_active=True),
        required=False,
        help_text=_("Empty: everyone holding a login of this library, in the background."),
    )
