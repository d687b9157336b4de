"""What the library does when things change elsewhere or in the admin."""

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from accounts.events import account_blocked
from eios.kept import changed

from .models import Collection, Edition
from .selectors import COLLECTIONS


def index_after_commit(pks) -> None:
    """Index `pks` once the transaction commits, in a task: the request does not wait."""
    from .tasks import index_task

    pks = list(pks)
    transaction.on_commit(lambda: index_task.enqueue(edition_ids=pks))


@receiver(post_save, sender=Edition)
@receiver(post_delete, sender=Edition)
def edition_changed(sender, instance, **kwargs):
    index_after_commit([instance.pk])


@receiver(account_blocked)
def withdraw_credentials_of_blocked(sender, user, **kwargs):
    from .services.external import credentials_withdraw

    credentials_withdraw(holder=user, actor=None)


@receiver(post_save, sender=Collection)
@receiver(post_delete, sender=Collection)
@receiver(m2m_changed, sender=Collection.reader_groups.through)
def collection_changed(sender, **kwargs):
    changed(COLLECTIONS)
