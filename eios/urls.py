from django.conf import settings
from django.contrib import admin
from django.urls import include, path, re_path
from django.views.generic import RedirectView
from django.views.i18n import JavaScriptCatalog
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from accounts.views import email as email_views
from accounts.views import terms as terms_views
from cms import views as cms_views
from cms.models.images import PUBLIC_RENDITIONS
from cms.sitemaps import SchoolSitemap
from cms.sveden.urls import legacy_redirects
from eios import views as eios_views
from eios.access.serving import document_serve
from eios.locale import language_switch

handler500 = "cms.views.server_error"

urlpatterns = [
    # One login form for everything: allauth's, which stops password guessing.
    path(
        "django-admin/login/",
        RedirectView.as_view(pattern_name="account_login", query_string=True),
    ),
    path("django-admin/", admin.site.urls),
    path("accounts/email/", email_views.AddressesView.as_view(), name="account_email"),
    path("accounts/", include("allauth.urls")),
    path("cabinet/", include("accounts.urls")),
    path("terms/", terms_views.read, name="terms"),
    # Wagtail's own login form would skip the lock per account and the audit (first match wins).
    path(
        "admin/login/",
        RedirectView.as_view(pattern_name="account_login", query_string=True),
    ),
    path("admin/", include(wagtailadmin_urls)),
    # Wagtail's address of a document file, answered through its own view (first match wins).
    re_path(r"^documents/(\d+)/(.*)$", document_serve, name="document_serve"),
    path("documents/", include(wagtaildocs_urls)),
    path("docs/<int:document_id>/", cms_views.document_detail, name="document_detail"),
    path("restricted-images/<int:image_id>/<str:name>", cms_views.image_file, name="image_file"),
    path("search/", cms_views.search, name="search"),
    path("jobs/<uuid:job_id>/", eios_views.job_status, name="job_status"),
    path("portfolio/", include("portfolio.urls")),
    # Menus for the federal monitoring of school meals, at the address it fetches.
    path("food/", include("cms.food.urls")),
    path("library/", include("library.urls")),
    path("sitemap.xml", sitemap, {"sitemaps": {"wagtail": SchoolSitemap}}, name="sitemap"),
    path("robots.txt", cms_views.robots_txt, name="robots_txt"),
    path("jsi18n/", JavaScriptCatalog.as_view(), name="javascript-catalog"),
    path("lang/<str:code>/", language_switch, name="language_switch"),
    *legacy_redirects,
]

if settings.DEBUG:
    from django.conf.urls.static import static

    # Sizes of public images only, as nginx does in production (README): documents and
    # the sizes of restricted images go through access-checked views, originals nowhere.
    urlpatterns += static(
        f"{settings.MEDIA_URL}{PUBLIC_RENDITIONS}/",
        document_root=f"{settings.MEDIA_ROOT}/{PUBLIC_RENDITIONS}",
    )

urlpatterns.append(path("", include(wagtail_urls)))
