from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _
from wagtail.documents import get_document_model

from cms.services import document_text_read


class Command(BaseCommand):
    help = (
        "Read the text inside document files for site search: files uploaded before text "
        "was read, or all of them with --all."
    )

    def add_arguments(self, parser):
        parser.add_argument("--all", action="store_true", help="Read every file again.")

    def handle(self, *args, all, **options):
        documents = get_document_model().objects.order_by("pk")
        if not all:
            documents = documents.filter(text="")
        read = 0
        for document in documents.iterator():
            read += bool(document_text_read(document=document))
        self.stdout.write(_("Documents with text: %(count)d.") % {"count": read})
