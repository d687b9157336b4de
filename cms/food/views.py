"""/food/ as the monitoring robot fetches it: a plain index of the files and the files."""

from django.http import FileResponse, Http404
from django.template.response import TemplateResponse
from django.utils.http import http_date
from django.views.decorators.http import require_GET
from wagtail.models import Site

from eios.pagecache import mark_cacheable

from .selectors import menu_file, menu_files

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _site(request):
    site = Site.find_for_request(request)
    if site is None:
        raise Http404
    return site


@require_GET
def food_index(request):
    """The folder's listing, like a web server's directory index: one link per file, its
    time and size, nothing else for a robot to trip over."""
    mark_cacheable(request)
    files = menu_files(_site(request))
    return TemplateResponse(request, "food/index.html", {"files": files})


@require_GET
def food_file(request, name: str):
    menu = menu_file(_site(request), name)
    if menu is None:
        raise Http404
    response = FileResponse(menu.file.open("rb"), content_type=XLSX, filename=menu.name)
    response["Last-Modified"] = http_date(menu.uploaded_at.timestamp())
    return response
