from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from wagtail.models import Site

from cms.sveden.audit import audit_site, format_report
from cms.sveden.selfcheck import sveden_audit_run


class Command(BaseCommand):
    help = (
        "Read /sveden/ the way the federal monitoring robot does (microdata only, following "
        "addRef links) and list every required attribute that is missing, empty or outside "
        "its container. Exit status 1 when anything is wrong."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--base-url",
            help="Audit a running site over HTTP, e.g. https://school.example.ru "
            "(default: the default site of this installation, read in-process).",
        )
        parser.add_argument(
            "--site", help="Host name of the school site to audit in-process (default site)."
        )

    def handle(self, *args, base_url=None, site=None, **options):
        if base_url:
            report = audit_site(base_url)
        else:
            sites = (
                Site.objects.filter(hostname=site)
                if site
                else Site.objects.filter(is_default_site=True)
            )
            school_site = sites.first()
            if school_site is None:
                raise CommandError(_("No such site."))
            report = sveden_audit_run(site=school_site)
        self.stdout.write(format_report(report))
        if not report.ok:
            raise SystemExit(1)
