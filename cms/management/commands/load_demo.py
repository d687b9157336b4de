from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _
from wagtail.models import Site

from cms.demo import demo_school_load


class Command(BaseCommand):
    help = "Load the demo school (idempotent): pages, news, documents, platforms, people."

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Do nothing when a school site already exists (used by `make run`).",
        )
        parser.add_argument(
            "--students", type=int, default=60, help="How many students to generate."
        )
        parser.add_argument("--news", type=int, default=12, help="How many news items.")

    def handle(self, *args, if_empty, students, news, **options):
        if if_empty and Site.objects.filter(root_page__content_type__model="homepage").exists():
            self.stdout.write(_("A school already exists; demo data not loaded."))
            return
        site = demo_school_load(students=students, news=news)
        self.stdout.write(self.style.SUCCESS(_("Demo school ready at %(site)s") % {"site": site}))
