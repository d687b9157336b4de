"""The line that names the source of EIOS material (regulation §12.1): on every page and in
every file the site makes (the credential slips' PDF)."""

from django.utils.translation import gettext


def attribution_line(*, school_name: str, url: str) -> str:
    """«Whoever republishes material taken from the EIOS must name the source»: the school
    and the address at which the site is reached (the request's host, not a stored one)."""
    return gettext(
        "When republishing material from this site, a reference to the source is required: "
        "%(name)s, %(url)s"
    ) % {"name": school_name, "url": url}
