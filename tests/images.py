"""Image files for tests, made in memory."""

import io

from django.core.files.images import ImageFile
from PIL import Image as PillowImage

from cms.models import SchoolImage


def png(name: str = "photo.png", size=(320, 240), colour="teal") -> ImageFile:
    buffer = io.BytesIO()
    PillowImage.new("RGB", size, colour).save(buffer, "PNG")
    return ImageFile(buffer, name=name)


def school_image(title: str, collection, name: str = "photo.png") -> SchoolImage:
    return SchoolImage.objects.create(title=title, collection=collection, file=png(name))
