"""The sitemap at the address the site is reached by."""

from wagtail.contrib.sitemaps import Sitemap


class SchoolSitemap(Sitemap):
    """Wagtail's sitemap, its addresses on the host of the request.

    Wagtail writes a page's address with the host name of its Site record, which a school
    rarely edits: the demo's sitemap listed http://localhost/ while the site answered at
    its real name, and search engines would follow addresses that lead nowhere. The sitemap
    lists the pages of the request's own site only, so the request's scheme and host (one
    that ALLOWED_HOSTS admits) are the site's real ones.
    """

    def _urls(self, page, protocol, domain):
        urls = super()._urls(page, protocol, domain)
        site_root = self.get_wagtail_site().root_url
        real_root = self.request.build_absolute_uri("/").rstrip("/")
        for url in urls:
            if url["location"].startswith(site_root):
                url["location"] = real_root + url["location"][len(site_root) :]
        return urls
