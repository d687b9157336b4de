"""The library's pages (regulation §10): the catalogue and its search at /library/, an
edition, its file, and the person's own external-library credentials. Every page is
for signed-in users only (§10.1–10.4); what is closed answers 404."""

from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from eios.access import Action, can

from .models import EditionKind, ExternalCredential
from .search import SORTS, SearchParams, catalogue_search
from .selectors import closed_to, credentials_of, edition_for_page, programmes_using
from .services.external import credential_reveal

FACETS = {
    "subject": _("Subject"),
    "grade": _("Grade"),
    "kind": _("Kind"),
    "year": _("Year"),
    "federal": _("Federal list of textbooks"),
}


@require_GET
@login_required
def catalogue(request):
    """The catalogue and its search (`?q=`): facets counted over the whole result set."""
    hidden, granted = closed_to(request.user)
    params = SearchParams.from_query(
        request.GET, hidden_collections=hidden, granted_editions=granted
    )
    results = catalogue_search(params)
    # One value per name: the catalogue's links carry nothing else.
    current = request.GET.dict()
    context = {
        "params": params,
        "results": results,
        "facets": _facet_links(current, params, results.facets),
        "sorts": [
            (key, label, _link(current, sort=key, page=None)) for key, label in SORTS.items()
        ],
        "previous_url": _link(current, page=params.page - 1) if params.page > 1 else "",
        "next_url": _link(current, page=params.page + 1) if params.page < results.pages else "",
    }
    return render(request, "library/catalogue.html", context)


def _link(current: dict[str, str], **changes) -> str:
    query = {**current, **changes}
    query = {key: value for key, value in query.items() if value is not None}
    return f"?{urlencode(query)}" if query else "?"


# Options shown per facet, the most frequent first (years: the latest).
FACET_OPTIONS_SHOWN = 30


def _facet_links(current: dict[str, str], params: SearchParams, facets) -> list[dict]:
    selected = {
        "subject": params.subject,
        "grade": str(params.grade or ""),
        "kind": params.kind,
        "year": str(params.year or ""),
        "federal": "1" if params.federal else "",
    }
    kinds = dict(EditionKind.choices)
    shown = []
    for name, heading in FACETS.items():
        options = []
        for option in facets.get(name, [])[:FACET_OPTIONS_SHOWN]:
            chosen = selected[name] == option.value
            label = option.label or (kinds.get(option.value) if name == "kind" else "") or heading
            options.append(
                {
                    "label": label,
                    "count": option.count,
                    "selected": chosen,
                    "url": _link(current, **{name: None if chosen else option.value, "page": None}),
                }
            )
        if options:
            shown.append({"name": name, "heading": heading, "options": options})
    return shown


@require_GET
@login_required
def edition(request, pk: int):
    found = edition_for_page(pk)
    if found is None or not can(request.user, Action.VIEW, found):
        raise Http404
    context = {"edition": found, "programmes": programmes_using(found)}
    return render(request, "library/edition.html", context)


@require_GET
@login_required
def edition_file(request, pk: int):
    """An e-resource's file, after the same decision as its page."""
    found = edition_for_page(pk)
    if found is None or not found.file or not can(request.user, Action.VIEW, found):
        raise Http404
    return FileResponse(found.file.open("rb"), as_attachment=True, filename=found.file.name)


@require_GET
@login_required
def credentials(request):
    return render(
        request, "library/credentials.html", {"credentials": credentials_of(request.user)}
    )


@never_cache
@require_POST
@login_required
def credential_show(request, pk: int):
    """The login and password of one of the person's own credentials; another person's
    is not found (404), whatever the number."""
    credential = (
        ExternalCredential.objects.select_related("library")
        .filter(pk=pk, holder=request.user, withdrawn_at=None)
        .first()
    )
    if credential is None:
        raise Http404
    secret = credential_reveal(credential=credential, actor=request.user, request=request)
    return render(request, "library/credential_shown.html", {"credential": credential, **secret})
