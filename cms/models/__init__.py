from .documents import SchoolDocument
from .images import SchoolImage, SchoolRendition
from .look import SiteLook
from .pages import ContactPage, ContentPage, HomePage, NewsIndexPage, NewsPage
from .platforms import Platform, PlatformCatalogPage

__all__ = [
    "ContactPage",
    "ContentPage",
    "HomePage",
    "NewsIndexPage",
    "NewsPage",
    "Platform",
    "PlatformCatalogPage",
    "SchoolDocument",
    "SchoolImage",
    "SchoolRendition",
    "SiteLook",
]
