"""The catalogue (regulation §10; SPEC §6): editions and e-resources, grouped in collections."""

import re

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

GRADES = range(1, 12)


def normalised(text: str) -> str:
    """Lower case, «ё» as «е», punctuation and extra spaces gone: how titles are compared."""
    return " ".join(re.findall(r"\w+", (text or "").casefold().replace("ё", "е")))


def match_key(title: str, first_author: str, year: int | None) -> str:
    return f"{normalised(title)}|{normalised(first_author)}|{year or ''}"[:700]


class EditionKind(models.TextChoices):
    TEXTBOOK = "textbook", _("textbook")
    TEACHING_AID = "teaching_aid", _("teaching aid")
    FICTION = "fiction", _("fiction")
    REFERENCE = "reference", _("reference")
    PERIODICAL = "periodical", _("periodical")
    E_RESOURCE = "e_resource", _("e-resource")
    MEDIA = "media", _("media")


class Collection(models.Model):
    """A group of editions. A closed collection (answer keys, a teachers' shelf) is seen
    only by the positions named here and by those granted its editions (§10.4)."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    description = models.TextField(_("description"), blank=True)
    closed = models.BooleanField(_("closed"), default=False)
    reader_groups = models.ManyToManyField(
        Group,
        blank=True,
        related_name="library_collections",
        verbose_name=_("positions that read it"),
        help_text=_("For a closed collection: the positions (their groups) admitted."),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("collection")
        verbose_name_plural = _("collections")

    def __str__(self) -> str:
        return self.name


def edition_file_path(edition, filename: str) -> str:
    return f"library/editions/{filename}"


class Edition(models.Model):
    title = models.CharField(_("title"), max_length=500)
    # As the title page gives them, separated by «;» (the first one is matched on import).
    authors = models.CharField(_("authors"), max_length=500, blank=True)
    publisher = models.CharField(_("publisher"), max_length=200, blank=True)
    year = models.PositiveSmallIntegerField(
        _("year"), null=True, blank=True, validators=[MinValueValidator(1400)]
    )
    # Digits (and X) only, as compared on import.
    isbn = models.CharField(_("ISBN"), max_length=13, blank=True, db_index=True)
    udc = models.CharField(_("UDC"), max_length=100, blank=True)
    bbk = models.CharField(_("BBK"), max_length=100, blank=True)
    subject = models.CharField(_("subject"), max_length=100, blank=True, db_index=True)
    grade_from = models.PositiveSmallIntegerField(
        _("from grade"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(11)],
    )
    grade_to = models.PositiveSmallIntegerField(
        _("to grade"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(11)],
    )
    kind = models.CharField(
        _("kind"), max_length=20, choices=EditionKind.choices, default=EditionKind.TEXTBOOK
    )
    copies = models.PositiveIntegerField(_("copies held"), default=0)
    file = models.FileField(_("electronic file"), upload_to=edition_file_path, blank=True)
    url = models.URLField(_("address"), blank=True, max_length=500)
    on_federal_list = models.BooleanField(_("on the federal list of textbooks"), default=False)
    federal_list_order = models.CharField(
        _("federal list order"),
        max_length=100,
        blank=True,
        help_text=_("The order that put it on the list and the item number."),
    )
    collection = models.ForeignKey(
        Collection,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="editions",
        verbose_name=_("collection"),
    )
    description = models.TextField(_("description"), blank=True)
    import_batch = models.ForeignKey(
        "library.ImportBatch",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="editions",
    )
    # Title, first author and year as imports compare them (library/imports/matching.py).
    match_key = models.CharField(max_length=700, editable=False, blank=True, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # The index of the database engine (library/search/stems.py): Snowball stems, each
    # word surrounded by spaces so a stem matches whole; written after commit.
    title_stems = models.TextField(editable=False, blank=True)
    search_stems = models.TextField(editable=False, blank=True)

    class Meta:
        ordering = ["title", "pk"]
        verbose_name = _("edition")
        verbose_name_plural = _("editions")
        indexes = [
            models.Index(fields=["year"]),
            models.Index(fields=["kind"]),
            models.Index(fields=["on_federal_list"]),
            # The catalogue's pages in title order, read along it (search/database.py).
            models.Index(fields=["title", "id"]),
        ]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs):
        # Kept with the row so a later import finds it without another index.
        self.match_key = match_key(self.title, self.first_author, self.year)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("library:edition", args=[self.pk])

    def clean(self):
        if self.grade_from and not self.grade_to:
            self.grade_to = self.grade_from
        if self.grade_from and self.grade_to and self.grade_to < self.grade_from:
            raise ValidationError({"grade_to": _("The last grade comes before the first.")})

    @property
    def first_author(self) -> str:
        return self.authors.split(";")[0].strip()

    @property
    def grades(self) -> list[int]:
        if self.grade_from is None:
            return []
        return list(range(self.grade_from, (self.grade_to or self.grade_from) + 1))


class SearchTerm(models.Model):
    """A stem the catalogue contains: what a mistyped word is corrected to."""

    stem = models.CharField(max_length=100, unique=True)

    class Meta:
        verbose_name = _("search term")

    def __str__(self) -> str:
        return self.stem


class ProgrammeEdition(models.Model):
    """A work programme on the official site uses an edition (§6.1, §10.7): kept on the
    library's side, so the site's pages need not know the library."""

    page = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("work programme"),
    )
    edition = models.ForeignKey(
        Edition,
        on_delete=models.CASCADE,
        related_name="programme_links",
        verbose_name=_("edition"),
    )
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, editable=False
    )

    class Meta:
        verbose_name = _("edition of a work programme")
        verbose_name_plural = _("editions of work programmes")
        constraints = [
            models.UniqueConstraint(fields=["page", "edition"], name="library_programme_once")
        ]

    def __str__(self) -> str:
        return f"{self.page} — {self.edition}"
