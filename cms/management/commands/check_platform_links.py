from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from wagtail.models import Site

from cms.models import Platform
from cms.platform_links import platform_links_check


class Command(BaseCommand):
    help = (
        "Check that the web addresses of the platform catalogue answer. Exits with status 1 "
        "when any link is dead, so that cron reports it."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--school-site",
            metavar="HOSTNAME",
            help="Check only the platforms of the school whose site has this hostname.",
        )

    def handle(self, *args, school_site, **options):
        platforms = Platform.objects.select_related("school")
        if school_site:
            if not Site.objects.filter(hostname=school_site).exists():
                raise CommandError(
                    _("No site with the hostname %(hostname)s.") % {"hostname": school_site},
                    returncode=2,
                )
            platforms = platforms.filter(school__site__hostname=school_site)
        summary = platform_links_check(platforms=platforms)
        for platform in summary.dead:
            self.stdout.write(
                _("DEAD %(school)s — %(name)s: %(address)s — %(reason)s")
                % {
                    "school": platform.school,
                    "name": platform.name,
                    "address": platform.address,
                    "reason": platform.link_error,
                }
            )
        self.stdout.write(
            _(
                "Links checked: %(checked)s; alive: %(alive)s; dead: %(dead)s; "
                "not checked (e-mail or no address): %(unchecked)s."
            )
            % {
                "checked": summary.checked,
                "alive": len(summary.alive),
                "dead": len(summary.dead),
                "unchecked": len(summary.unchecked),
            }
        )
        if summary.dead:
            raise CommandError(
                _("Dead platform links: %(dead)s.") % {"dead": len(summary.dead)}, returncode=1
            )
