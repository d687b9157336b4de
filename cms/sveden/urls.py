"""Addresses of «Сведения» under the old federal rules (Order No. 831) that links still use."""

from django.urls import path
from django.views.generic import RedirectView

LEGACY_ADDRESSES = {
    "ovz": "objects",
    "edustandarts": "eduStandarts",
}

legacy_redirects = [
    path(
        f"sveden/{old}/",
        RedirectView.as_view(url=f"/sveden/{new}/", permanent=True, query_string=True),
    )
    for old, new in LEGACY_ADDRESSES.items()
]
