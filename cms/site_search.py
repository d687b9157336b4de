"""Site search as a parent uses it (SPEC §1): pages, news and documents, each group with
its count, the words of the query marked in what is shown.

Word forms are the search backend's business (eios/search/backend.py); here the results
are grouped, paginated per group and dressed for the template. A group costs a count and,
when it has any, one query for its shown results (pages: one more per page type shown, for
their introductions), whatever the size of the site.
"""

from dataclasses import dataclass, field

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db.models import Q
from django.http import HttpRequest
from django.urls import reverse
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _
from wagtail.documents import get_document_model
from wagtail.models import Page, Site
from wagtail.rich_text import get_text_for_indexing

from eios.access.documents import closed_collection_ids
from eios.search import excerpt, highlight, stems

from .models import NewsPage

PER_PAGE = 10


@dataclass
class Found:
    title: SafeString
    url: str
    summary: str = ""
    date: object = None
    file_format: str = ""
    file_size: int | None = None
    image: object = None


@dataclass
class Group:
    kind: str
    heading: str
    results: object  # a Paginator page of Found
    items: list[Found] = field(default_factory=list)

    @property
    def count(self) -> int:
        return self.results.paginator.count


GROUPS = {
    "pages": _("Pages"),
    "news": _("News"),
    "documents": _("Documents"),
}


def site_search(
    request: HttpRequest,
    site: Site,
    words: str,
    kind: str | None,
    page_number: int | str | None,
) -> list[Group]:
    """The groups of results for `words` on `site`: all three, or the one `kind` asked for
    (then paginated). Groups without results are left out."""
    query_stems = set(stems(words))
    groups = []
    for name, heading in GROUPS.items():
        if kind in GROUPS and name != kind:
            continue
        results = _SEARCHES[name](request, site, words)
        paginator = Paginator(results, PER_PAGE)
        if paginator.count == 0:
            continue
        try:
            shown = paginator.page(page_number if kind == name else 1)
        except PageNotAnInteger:
            shown = paginator.page(1)
        except EmptyPage:
            shown = paginator.page(paginator.num_pages)
        items = _DRESS[name](request, list(shown.object_list), query_stems)
        groups.append(Group(kind=name, heading=str(heading), results=shown, items=items))
    return groups


def _private_pages(request) -> Q:
    # Wagtail's .public() reads the restrictions each time; the two page groups share one read.
    if not hasattr(request, "_private_pages"):
        request._private_pages = Page.objects.private_q()
    return request._private_pages


def _pages(request, site, words):
    return (
        Page.objects.live()
        .exclude(_private_pages(request))
        .descendant_of(site.root_page, inclusive=True)
        .not_type(NewsPage)
        .search(words)
    )


def _news(request, site, words):
    return (
        NewsPage.objects.live()
        .exclude(_private_pages(request))
        .descendant_of(site.root_page)
        .search(words)
    )


def _documents(request, site, words):
    # Documents of collections with «Privacy» are not named in public search results
    # (eios/access/documents.py); they are found on the pages that list them.
    return (
        get_document_model()
        .objects.exclude(collection_id__in=closed_collection_ids(request))
        .search(words)
    )


def _dress_pages(request, pages, query_stems) -> list[Found]:
    specific = Page.objects.filter(pk__in=[page.pk for page in pages]).specific().in_bulk()
    found = []
    for page in pages:
        page = specific.get(page.pk, page)
        summary = page.search_description or getattr(page, "intro", "") or ""
        found.append(
            Found(
                title=highlight(page.title, query_stems),
                url=page.get_url(request),
                summary=excerpt(_plain(summary), query_stems),
            )
        )
    return found


def _dress_news(request, news, query_stems) -> list[Found]:
    return [
        Found(
            title=highlight(item.title, query_stems),
            url=item.get_url(request),
            summary=excerpt(item.intro, query_stems),
            date=item.date,
            image=getattr(item, "image", None),
        )
        for item in news
    ]


def _dress_documents(request, documents, query_stems) -> list[Found]:
    return [
        Found(
            title=highlight(document.title, query_stems),
            url=reverse("document_detail", args=[document.pk]),
            summary=excerpt(f"{document.description} {document.text}", query_stems),
            file_format=document.format_label,
            file_size=document.file_size,
        )
        for document in documents
    ]


def _plain(text: str) -> str:
    return get_text_for_indexing(text) if "<" in text else text


_SEARCHES = {"pages": _pages, "news": _news, "documents": _documents}
_DRESS = {"pages": _dress_pages, "news": _dress_news, "documents": _dress_documents}
