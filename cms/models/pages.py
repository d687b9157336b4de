from django.contrib.contenttypes.models import ContentType
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from cms.blocks import BodyBlock
from cms.search_text import SearchTextMixin, school_text
from eios.fragments import remember


class HomePage(SearchTextMixin, Page):
    """The school's front page: welcome text and the latest news."""

    intro = RichTextField(_("introduction"), blank=True)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")

    def route(self, request, path_components):
        """Find the page by its address in one query instead of two per tree level.

        Pages below do not route further themselves (no RoutablePage); anything not
        found as a page address goes the way Wagtail always goes, ending in 404.
        """
        if not path_components:
            return super().route(request, path_components)
        url_path = f"{self.url_path}{'/'.join(path_components)}/"
        depth = self.depth + len(path_components)
        found = remember(
            request,
            f"route:{url_path}",
            lambda: (
                Page.objects.filter(url_path=url_path, depth=depth)
                .values_list("content_type_id", "pk")
                .first()
            ),
        )
        if found is not None:
            content_type_id, pk = found
            model = ContentType.objects.get_for_id(content_type_id).model_class()
            page = model.objects.filter(pk=pk).first()
            if page is not None:
                return page.route(request, [])
        return super().route(request, path_components)

    def get_context(self, request, *args, **kwargs):
        from cms.selectors import QUICK_LINKS, home_links

        context = super().get_context(request, *args, **kwargs)
        links = home_links(request, self)
        context["quick_links"] = [
            {"kind": kind, "url": links[kind]} for kind in QUICK_LINKS if kind in links
        ]
        context["news_url"] = links.get("news")
        context["latest_news"] = remember(
            request,
            f"latest-news:{self.pk}",
            lambda: list(news_cards(NewsPage.objects.descendant_of(self), with_sizes=False)[:3]),
        )
        return context


class ContentPage(SearchTextMixin, Page):
    """A generic page of the site: text, images, documents."""

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]

    class Meta:
        verbose_name = _("content page")

    def get_context(self, request, *args, **kwargs):
        from cms.selectors import visible_subpages

        context = super().get_context(request, *args, **kwargs)
        context["subpages"] = visible_subpages(request, self)
        return context


class ContactPage(SearchTextMixin, Page):
    """Contacts: the school's requisites (from its settings) and free text."""

    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = [*Page.content_panels, FieldPanel("body")]
    max_count_per_parent = 1
    subpage_types: list[str] = []

    shows = ("eios.School",)

    class Meta:
        verbose_name = _("contacts page")

    def shown_text(self) -> str:
        return school_text(self)


def news_cards(news, *, with_sizes: bool = True):
    """Published news, newest first, with their pictures and the pictures' sizes in one
    query each (cms/templates/cms/includes/news_card.html).

    Cards kept across requests go `with_sizes=False`: a prefetched list of sizes stays as
    it was when kept, so a size made after it would be made again, as a new file, on
    every request; Wagtail's cache of sizes answers instead.
    """
    cards = news.live().public().select_related("image").order_by("-date", "-pk")
    return cards.prefetch_related("image__renditions") if with_sizes else cards


class NewsIndexPage(SearchTextMixin, Page):
    """The list of news, newest first, paginated."""

    intro = RichTextField(_("introduction"), blank=True)
    per_page = 10

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    subpage_types = ["cms.NewsPage"]

    class Meta:
        verbose_name = _("news index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        news = news_cards(NewsPage.objects.child_of(self))
        paginator = Paginator(news, self.per_page)
        try:
            page = paginator.page(request.GET.get("page", 1))
        except PageNotAnInteger:
            page = paginator.page(1)
        except EmptyPage:
            page = paginator.page(paginator.num_pages)
        context["news"] = page
        return context


class NewsPage(SearchTextMixin, Page):
    date = models.DateField(_("date"), default=timezone.localdate)
    intro = models.TextField(_("summary"), blank=True)
    image = models.ForeignKey(
        "cms.SchoolImage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("picture"),
        help_text=_("Shown on the news card; describe it in the image's description."),
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = [
        *Page.content_panels,
        FieldPanel("date"),
        FieldPanel("intro"),
        FieldPanel("image"),
        FieldPanel("body"),
    ]
    parent_page_types = ["cms.NewsIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("news item")
        verbose_name_plural = _("news")
