from .documents import SchoolDocument
from .images import SchoolImage, SchoolRendition
from .pages import ContactPage, ContentPage, HomePage, NewsIndexPage, NewsPage
from .platforms import Platform, PlatformCatalogPage
from .school import School

__all__ = [
    "ContactPage",
    "ContentPage",
    "HomePage",
    "NewsIndexPage",
    "NewsPage",
    "Platform",
    "PlatformCatalogPage",
    "School",
    "SchoolDocument",
    "SchoolImage",
    "SchoolRendition",
]
