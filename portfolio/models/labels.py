import functools

from django.utils.translation import get_language


@functools.cache
def _labels(field, language: str | None) -> dict:
    return {value: str(label) for value, label in field.flatchoices}


class ChoiceLabels:
    """`get_FOO_display()` read from a table made once per field and language: Django's
    own builds a dict of the field's lazy labels, translating each, on every call — which
    shows on a portfolio of hundreds of rows with four labels each."""

    def _get_FIELD_display(self, field):
        value = getattr(self, field.attname)
        return _labels(field, get_language()).get(value, value)
