"""A pupil's portfolio and its achievements (regulation §1.6, §11).

An achievement provided by the pupil counts once a teacher entitled to it has confirmed
it (§11.3); a confirmed achievement is frozen: a correction is a new entry that points
at the one it corrects, so the history stays readable.
"""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from .labels import ChoiceLabels


class Sphere(models.TextChoices):
    """The five spheres of achievements (regulation §1.6)."""

    STUDY = "study", _("study")
    RESEARCH = "research", _("research")
    SOCIAL = "social", _("public (social)")
    CREATIVE = "creative", _("cultural and creative")
    SPORTS = "sports", _("sports")


class Level(models.TextChoices):
    SCHOOL = "school", pgettext_lazy("level", "school")
    MUNICIPAL = "municipal", _("municipal")
    REGIONAL = "regional", _("regional")
    FEDERAL = "federal", _("federal")
    INTERNATIONAL = "international", _("international")


class AchievementKind(models.TextChoices):
    OLYMPIAD = "olympiad", _("olympiad")
    CONTEST = "contest", _("contest")
    COMPETITION = "competition", _("competition")
    CONFERENCE = "conference", _("conference")
    PROJECT = "project", _("project")
    CERTIFICATE = "certificate", _("certificate")
    GTO = "gto", _("GTO badge")
    OTHER = "other", _("other")


class AchievementResult(models.TextChoices):
    PARTICIPANT = "participant", _("participant")
    PRIZE_WINNER = "prize_winner", _("prize-winner")
    WINNER = "winner", _("winner")
    PLACE = "place", _("place")


class AchievementSource(models.TextChoices):
    SGO = "sgo", _("imported from «Сетевой город. Образование»")
    TEACHER = "teacher", _("entered by a teacher")
    STUDENT = "student", _("provided by the student")


class AchievementStatus(models.TextChoices):
    DRAFT = "draft", pgettext_lazy("achievement status", "draft")
    SUBMITTED = "submitted", _("waiting for confirmation")
    CONFIRMED = "confirmed", _("confirmed")
    RETURNED = "returned", _("returned")


class Portfolio(models.Model):
    """One pupil's portfolio: the element the access module decides on (portfolio/access.py)
    for everything in it. Kept when the pupil is blocked or expelled (§6.7)."""

    pupil = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="portfolio",
        verbose_name=_("pupil"),
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    class Meta:
        verbose_name = _("portfolio")
        verbose_name_plural = _("portfolios")

    def __str__(self) -> str:
        return str(self.pupil.get_full_name() or self.pupil.get_username())

    def get_absolute_url(self) -> str:
        return reverse("portfolio:pupil", args=[self.pupil_id])


class Achievement(ChoiceLabels, models.Model):
    portfolio = models.ForeignKey(
        Portfolio,
        on_delete=models.PROTECT,
        related_name="achievements",
        verbose_name=_("portfolio"),
    )
    sphere = models.CharField(_("sphere"), max_length=20, choices=Sphere.choices)
    kind = models.CharField(_("kind"), max_length=20, choices=AchievementKind.choices)
    event = models.CharField(pgettext_lazy("achievement", "event"), max_length=300)
    organiser = models.CharField(_("organiser"), max_length=300, blank=True)
    level = models.CharField(_("level"), max_length=20, choices=Level.choices)
    result = models.CharField(_("result"), max_length=20, choices=AchievementResult.choices)
    place = models.PositiveSmallIntegerField(
        _("place"), null=True, blank=True, help_text=_("Only when the result is a place.")
    )
    date = models.DateField(_("date"))
    source = models.CharField(
        _("source"),
        max_length=20,
        choices=AchievementSource.choices,
        default=AchievementSource.STUDENT,
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=AchievementStatus.choices,
        default=AchievementStatus.DRAFT,
        db_index=True,
    )
    return_reason = models.TextField(_("reason for return"), blank=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("confirmed by"),
    )
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    # A correction of a confirmed achievement: the confirmed one stays as it was.
    corrects = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="corrections",
        verbose_name=_("corrects"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("entered by"),
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    updated_at = models.DateTimeField(_("changed at"), auto_now=True)
    import_batch = models.ForeignKey(
        "ImportBatch",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="achievements",
        verbose_name=_("import"),
    )
    # The natural key of an imported row: importing the same file again adds nothing.
    import_key = models.CharField(_("import key"), max_length=64, blank=True)

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name = _("achievement")
        verbose_name_plural = _("achievements")
        constraints = [
            models.UniqueConstraint(
                fields=["portfolio", "import_key"],
                condition=~models.Q(import_key=""),
                name="portfolio_unique_import_key",
            )
        ]
        indexes = [models.Index(fields=["portfolio", "status"])]

    def __str__(self) -> str:
        return self.event

    def get_absolute_url(self) -> str:
        return reverse("portfolio:achievement", args=[self.pk])

    @property
    def frozen(self) -> bool:
        return self.status == AchievementStatus.CONFIRMED

    @property
    def editable(self) -> bool:
        return self.status in {AchievementStatus.DRAFT, AchievementStatus.RETURNED}

    @property
    def result_text(self) -> str:
        if self.result == AchievementResult.PLACE and self.place:
            return _("place %(place)d") % {"place": self.place}
        return str(self.get_result_display())


class Evidence(models.Model):
    """A file proving an achievement: checked by content, photos without EXIF
    (portfolio/files.py), served only through the access module as an attachment."""

    achievement = models.ForeignKey(
        Achievement,
        on_delete=models.PROTECT,
        related_name="evidence",
        verbose_name=_("achievement"),
    )
    file = models.FileField(_("file"), upload_to="portfolio/evidence/%Y/%m/")
    name = models.CharField(_("file name"), max_length=200)
    content_type = models.CharField(_("type"), max_length=100)
    size = models.PositiveIntegerField(_("size"))
    uploaded_at = models.DateTimeField(_("uploaded at"), default=timezone.now)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("evidence file")
        verbose_name_plural = _("evidence files")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("portfolio:evidence", args=[self.pk])
