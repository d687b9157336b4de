"""Sizes (renditions) of images are kept in the folder their image's closure asks for
(cms/models/images.py). When a collection's «Privacy» changes, a collection moves or an
image changes collection, sizes in the wrong folder are deleted, files too, and made
again, in the right folder, on their next use: a public address never outlives an
image's restriction.
"""

from django.db.models.signals import post_delete, post_save
from treebeard.mp_tree import path_updated
from wagtail.models import Collection, CollectionViewRestriction

from eios.access import Closure, collection_restriction

from .models.images import PUBLIC_RENDITIONS, RESTRICTED_RENDITIONS, SchoolImage, SchoolRendition


def _misplaced(renditions, collection):
    public = collection_restriction(collection).closure is Closure.PUBLIC
    wrong = RESTRICTED_RENDITIONS if public else PUBLIC_RENDITIONS
    return renditions.filter(file__startswith=f"{wrong}/")


def renditions_relocate(collection: Collection) -> int:
    """Sizes of the images of `collection` and the collections under it; how many went."""
    removed = 0
    for each in collection.get_descendants(inclusive=True):
        removed += _misplaced(
            SchoolRendition.objects.filter(image__collection=each), each
        ).delete()[0]
    return removed


def image_renditions_relocate(image: SchoolImage) -> int:
    return _misplaced(image.renditions.all(), image.collection).delete()[0]


def _restriction_changed(instance, **_kwargs):
    # Deleting a collection deletes its restriction too: nothing is left to move then.
    collection = Collection.objects.filter(pk=instance.collection_id).first()
    if collection is not None:
        renditions_relocate(collection)


def _image_saved(instance, created, raw=False, **_kwargs):
    if not (created or raw):
        image_renditions_relocate(instance)


def _collections_moved(new_path, **_kwargs):
    collection = Collection.objects.filter(path=new_path).first()
    if collection is not None:
        renditions_relocate(collection)


def connect_relocation() -> None:
    for signal in (post_save, post_delete):
        signal.connect(
            _restriction_changed,
            sender=CollectionViewRestriction,
            dispatch_uid=f"renditions-restriction-{signal is post_save}",
        )
    post_save.connect(_image_saved, sender=SchoolImage, dispatch_uid="renditions-image-saved")
    path_updated.connect(
        _collections_moved, sender=Collection, dispatch_uid="renditions-collections-moved"
    )
