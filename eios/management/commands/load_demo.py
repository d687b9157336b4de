import os

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from eios.demo import demo_load
from eios.models import School


class Command(BaseCommand):
    help = "Load the demo school (idempotent): every app's part, in their declared order."

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
        # From the environment too: the benchmarks' set-up runs `load_demo` itself.
        parser.add_argument(
            "--editions",
            type=int,
            default=int(os.environ.get("DEMO_EDITIONS", 2000)),
            help="How many library editions to generate (default: $DEMO_EDITIONS or 2000).",
        )

    def handle(self, *args, if_empty, students, news, editions, **options):
        if if_empty and School.objects.exists():
            self.stdout.write(_("A school already exists; demo data not loaded."))
            return
        school = demo_load(students=students, news=news, editions=editions)
        self.stdout.write(
            self.style.SUCCESS(_("Demo school ready at %(site)s") % {"site": school.site})
        )
