"""Images of the site, kept where their closure allows.

An image is closed as its collection is («Privacy» of the collection), as documents
are. Sizes (renditions) of a public image are plain files under `images/`, which the
web server hands out itself; sizes of any other image live under `restricted_images/`,
which it never serves, and are fetched through an access-checked view. Originals are
never served directly (README, nginx).
"""

import posixpath

from django.db import models
from django.urls import reverse
from wagtail.images.models import AbstractImage, AbstractRendition, Image

PUBLIC_RENDITIONS = "images"
RESTRICTED_RENDITIONS = "restricted_images"


class SchoolImage(AbstractImage):
    admin_form_fields = Image.admin_form_fields


class SchoolRendition(AbstractRendition):
    image = models.ForeignKey(SchoolImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)

    @property
    def restricted(self) -> bool:
        return posixpath.dirname(self.file.name) == RESTRICTED_RENDITIONS

    @property
    def url(self):
        if self.restricted:
            return reverse("image_file", args=[self.image_id, posixpath.basename(self.file.name)])
        return self.file.url

    def get_upload_to(self, filename):
        from eios.access import is_public

        folder = PUBLIC_RENDITIONS if is_public(self.image) else RESTRICTED_RENDITIONS
        return posixpath.join(folder, self.file.field.storage.get_valid_name(filename))
