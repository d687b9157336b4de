from django.core.validators import FileExtensionValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.documents.models import AbstractDocument, Document
from wagtail.search import index

from cms.document_text import document_text


class SignatureKind(models.TextChoices):
    # 63-ФЗ: a school may sign its own acts with any of the three ([CLAR] Q2).
    SIMPLE = "simple", _("simple electronic signature")
    UNQUALIFIED = "unqualified", _("enhanced unqualified electronic signature")
    QUALIFIED = "qualified", _("enhanced qualified electronic signature")


class SchoolDocument(AbstractDocument):
    """A published file with what the federal rules ask to show beside it.

    [1493] §4: every file carries a note on its purpose; [1802] §18: acts the
    school approves itself are published as electronic documents, so the
    signature details are kept and shown as a visible stamp.
    """

    description = models.TextField(
        _("purpose and content"),
        blank=True,
        help_text=_("What the document is for; shown next to the link."),
    )
    approved_on = models.DateField(_("approval date"), null=True, blank=True)
    approval_number = models.CharField(_("approval number"), max_length=100, blank=True)
    signer_name = models.CharField(_("signed by (full name)"), max_length=300, blank=True)
    signer_position = models.CharField(_("signer's position"), max_length=300, blank=True)
    signed_at = models.DateTimeField(_("signed at"), null=True, blank=True)
    signature_kind = models.CharField(
        _("signature kind"), max_length=20, choices=SignatureKind.choices, blank=True
    )
    certificate = models.CharField(_("certificate serial number"), max_length=200, blank=True)
    signature_file = models.FileField(
        _("detached signature (.sig)"),
        upload_to="documents/signatures",
        blank=True,
        validators=[FileExtensionValidator(["sig", "p7s"])],
    )
    # Read from the file when it is uploaded or replaced (cms/document_text.py), so site
    # search finds a charter by the words inside it (SPEC §1).
    text = models.TextField(_("text of the file"), blank=True, editable=False)

    search_fields = [
        *AbstractDocument.search_fields,
        index.SearchField("description"),
        index.SearchField("text"),
    ]

    admin_form_fields = (
        *Document.admin_form_fields,
        "description",
        "approved_on",
        "approval_number",
        "signer_name",
        "signer_position",
        "signed_at",
        "signature_kind",
        "certificate",
        "signature_file",
    )

    class Meta(AbstractDocument.Meta):
        verbose_name = _("document")
        verbose_name_plural = _("documents")

    def _set_document_file_metadata(self):
        # Wagtail calls this whenever a file is uploaded or replaced (admin forms, multiple
        # upload); size, hash and now the text all describe the same file.
        super()._set_document_file_metadata()
        self.text = document_text(self.file, self.file.name)

    @property
    def is_signed(self) -> bool:
        return bool(self.signer_name and self.signature_kind)

    @property
    def format_label(self) -> str:
        return self.file_extension.upper()
