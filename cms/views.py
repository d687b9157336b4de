import mimetypes
import posixpath
import re

from django.conf import settings
from django.http import FileResponse, Http404, HttpResponse
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.views.decorators.http import require_GET
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Site

from eios.access import is_public
from eios.access.serving import refusal
from eios.pagecache import mark_cacheable

from .models.images import RESTRICTED_RENDITIONS
from .site_search import GROUPS, PER_PAGE, site_search

SEARCH_PER_PAGE = PER_PAGE
WORD = re.compile(r"\w+")


def search_words(query: str) -> str:
    """The words of a visitor's query, which is all the search backend is given.

    The backends pass a query on in their own query languages: on SQLite the database
    backend quotes each word for FTS5 without escaping a double quote inside it, and
    FTS5 refuses `"`, `a"b` or a NUL as an unterminated string; PostgreSQL refuses a NUL
    in any string. Either was a server error. The index holds words only, punctuation
    separates them there, so it separates them here.
    """
    return " ".join(WORD.findall(query))


@require_GET
def search(request):
    """Site search: pages, news and documents in groups (SPEC §1), or one group paginated."""
    query = request.GET.get("q", "").strip()
    words = search_words(query)
    kind = request.GET.get("kind")
    kind = kind if kind in GROUPS else None
    groups = []
    site = Site.find_for_request(request)
    if words and site is not None:
        groups = site_search(request, site, words, kind, request.GET.get("page", 1))
    context = {
        "query": query,
        "kind": kind,
        "groups": groups,
        "total": sum(group.count for group in groups),
    }
    return TemplateResponse(request, "cms/search.html", context)


@require_GET
def robots_txt(request):
    mark_cacheable(request)
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /cabinet/",
        f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@require_GET
def document_detail(request, document_id: int):
    """A document's own page: purpose, format, size, signature stamp, attribution (§12.1)."""
    document = get_document_model().objects.filter(pk=document_id).first()
    if document is None:
        raise Http404
    answer = refusal(request, document)
    if answer is not None:
        return answer
    # Stored only for anonymous visitors, and they get this far only for public documents.
    mark_cacheable(request)
    response = TemplateResponse(request, "cms/document_detail.html", {"document": document})
    if not is_public(document):
        add_never_cache_headers(response)  # like the closed document's file
    return response


@require_GET
def image_file(request, image_id: int, name: str):
    """A size of an image that is not public, to those who may see the image."""
    image = get_image_model().objects.filter(pk=image_id).select_related("collection").first()
    if image is None:
        raise Http404
    answer = refusal(request, image)
    if answer is not None:
        return answer
    rendition = image.renditions.filter(file=posixpath.join(RESTRICTED_RENDITIONS, name)).first()
    if rendition is None:
        raise Http404
    response = FileResponse(rendition.file.open("rb"), content_type=mimetypes.guess_type(name)[0])
    # Kept by the visitor's own browser only, and asked again each time: a revoked
    # privilege closes the image at once.
    patch_cache_control(response, private=True, no_cache=True)
    return response


def server_error(request, *args, **kwargs):
    """The 500 page renders from a template with no database access at all."""
    from django.template import loader

    template = loader.get_template("500.html")
    return HttpResponse(template.render({"STATIC_URL": settings.STATIC_URL}), status=500)
