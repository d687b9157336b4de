"""A pupil's works and the reviews of any participant who may see them (regulation §1.3).

Sending a work for review freezes a copy (`WorkSnapshot`): reviews belong to that copy
while the pupil goes on editing the original. A review is changed only by its author;
each earlier wording is kept (`ReviewRevision`). Grades here are not grades of record
(those are kept in «Сетевой город. Образование», §7).
"""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from .achievements import Portfolio
from .labels import ChoiceLabels


class WorkKind(models.TextChoices):
    ESSAY = "essay", _("essay")
    PROJECT = "project", _("project")
    RESEARCH = "research", _("research")
    CREATIVE = "creative", _("creative work")


# The school's scale (five-point).
GRADES = [(grade, str(grade)) for grade in (5, 4, 3, 2)]


class WorkContent(ChoiceLabels, models.Model):
    title = models.CharField(_("title"), max_length=300)
    subject = models.CharField(_("subject"), max_length=100, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=WorkKind.choices)
    description = models.TextField(_("description"), blank=True)
    link = models.URLField(_("link"), blank=True)
    file = models.FileField(_("file"), upload_to="portfolio/works/%Y/%m/", blank=True)
    file_name = models.CharField(_("file name"), max_length=200, blank=True)
    file_type = models.CharField(_("type"), max_length=100, blank=True)

    class Meta:
        abstract = True


class Work(WorkContent):
    portfolio = models.ForeignKey(
        Portfolio, on_delete=models.PROTECT, related_name="works", verbose_name=_("portfolio")
    )
    classmates_may_review = models.BooleanField(
        _("classmates may review"),
        default=False,
        help_text=_("Pupils of the same class may read the work and review it."),
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    updated_at = models.DateTimeField(_("changed at"), auto_now=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("work")
        verbose_name_plural = _("works")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("portfolio:work", args=[self.pk])


class WorkSnapshot(WorkContent):
    """The work as it was sent for review: what the reviews speak of."""

    work = models.ForeignKey(
        Work, on_delete=models.PROTECT, related_name="snapshots", verbose_name=_("work")
    )
    sent_at = models.DateTimeField(_("sent for review at"), default=timezone.now)

    class Meta:
        ordering = ["-sent_at", "-pk"]
        verbose_name = _("copy sent for review")
        verbose_name_plural = _("copies sent for review")

    def __str__(self) -> str:
        return f"{self.title} ({self.sent_at:%d.%m.%Y})"


class Review(models.Model):
    snapshot = models.ForeignKey(
        WorkSnapshot, on_delete=models.PROTECT, related_name="reviews", verbose_name=_("work")
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("reviewer"),
    )
    # The reviewer's position when writing: a pupil next year is in another class.
    position = models.CharField(_("position"), max_length=200, blank=True)
    text = models.TextField(_("review"))
    grade = models.PositiveSmallIntegerField(
        pgettext_lazy("mark", "grade"), choices=GRADES, null=True, blank=True
    )
    created_at = models.DateTimeField(_("written at"), default=timezone.now)
    updated_at = models.DateTimeField(_("changed at"), default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("review")
        verbose_name_plural = _("reviews")

    def __str__(self) -> str:
        return f"{self.reviewer} — {self.snapshot}"


class ReviewRevision(models.Model):
    """An earlier wording of a review, kept when its author changed it."""

    review = models.ForeignKey(
        Review, on_delete=models.PROTECT, related_name="revisions", verbose_name=_("review")
    )
    text = models.TextField(_("review"))
    grade = models.PositiveSmallIntegerField(
        pgettext_lazy("mark", "grade"), choices=GRADES, null=True, blank=True
    )
    written_at = models.DateTimeField(_("written at"))

    class Meta:
        ordering = ["-written_at", "-pk"]
        verbose_name = _("earlier wording of a review")
        verbose_name_plural = _("earlier wordings of reviews")

    def __str__(self) -> str:
        return f"{self.review} ({self.written_at:%d.%m.%Y %H:%M})"
