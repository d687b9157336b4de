from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from eios.jobs import ConsoleProgress

from ...search import elastic
from ...search.indexing import index_rebuild


class Command(BaseCommand):
    help = "Rebuild the library's search index (stems; Elasticsearch when configured)."

    def add_arguments(self, parser):
        parser.add_argument("--rebuild", action="store_true", help="Index every edition anew.")

    def handle(self, *args, rebuild, **options):
        if not rebuild:
            raise CommandError(_("Say --rebuild to index every edition anew."))
        index_rebuild(ConsoleProgress(self.stdout.write))
        engine = _("Elasticsearch and the database") if elastic.configured() else _("the database")
        self.stdout.write(
            self.style.SUCCESS(_("The index is rebuilt (%(engine)s).") % {"engine": engine})
        )
