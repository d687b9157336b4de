from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from eios.audit import ChainFault, ChainReport, audit_chain_verify


def fault_message(report: ChainReport) -> str:
    where = {
        "seq": report.seq,
        "pk": report.pk,
        "previous_seq": report.previous_seq,
        "previous_pk": report.previous_pk,
    }
    if report.fault == ChainFault.ALTERED:
        text = _("Event No. %(seq)s (id %(pk)s) was altered: its content does not match its hash.")
    elif report.fault == ChainFault.DELETED and report.previous_seq is None:
        text = _("Event No. %(seq)s was deleted: the log begins with id %(pk)s.")
    elif report.fault == ChainFault.DELETED:
        text = _(
            "Event No. %(seq)s was deleted: the event kept after No. %(previous_seq)s is id %(pk)s."
        )
    elif report.fault == ChainFault.OUT_OF_ORDER:
        text = _(
            "Event No. %(previous_seq)s (id %(previous_pk)s) was inserted out of order: it was "
            "written after event No. %(seq)s (id %(pk)s), which follows it."
        )
    else:
        text = _(
            "Event No. %(seq)s (id %(pk)s) does not follow event No. %(previous_seq)s: the "
            "chain is broken there (an event was replaced or inserted)."
        )
    return text % where


class Command(BaseCommand):
    help = (
        "Walk the audit log's hash chain (SPEC §3). Prints the number of events checked and "
        "the head hash; exits with status 1 at the first altered, deleted or inserted event."
    )

    def handle(self, *args, **options):
        report = audit_chain_verify()
        if report.fault is not None:
            self.stdout.write(
                _("%(checked)s events checked before the fault.") % {"checked": report.checked}
            )
            raise CommandError(fault_message(report))
        self.stdout.write(
            self.style.SUCCESS(
                _("The audit log is intact: %(checked)s events checked; head No. %(seq)s, %(hash)s")
                % {"checked": report.checked, "seq": report.head_seq, "hash": report.head_hash}
            )
        )
