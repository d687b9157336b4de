"""Carrying out a director's order (regulation §6.5: accounts are created on enrolment
and hiring orders; §6.7: blocked on expulsion and dismissal orders).

`order_apply` is the one door: it checks the whole order first (`order_problems`: the
signed order's number, date and signatory; every line, including a new name that may
be someone the school already has), then in one transaction creates or updates the
accounts, moves pupils, blocks or unblocks, and writes the audit log. An applied order
is a record; a mistake is corrected by a new order.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.logins import login_for, usernames_taken
from accounts.models import (
    BlockKind,
    ClassMembership,
    Order,
    OrderKind,
    OrderLine,
    Position,
    SchoolClass,
    User,
)
from accounts.names import name_key, surname_pattern
from eios.audit import AuditKind, audit_record

from .blocking import account_block, account_unblock
from .positions import appointment_end, appointment_start, appointments_end_all

if TYPE_CHECKING:
    from accounts.class_list import Pupil

STUDENT = "student"


def order_problems(order: Order) -> list[str]:
    """Everything that stops the order from being applied: its own details, then one
    message per line problem. The one door of every check: `order_apply` and the
    admin's confirmation page both ask it."""
    problems = []
    lines = list(order.lines.select_related("person", "school_class"))
    if order.is_applied:
        problems.append(_("The order has already been applied."))
    problems += _signature_problems(order)
    if not lines:
        problems.append(_("The order names nobody."))
    current = _current_classes([line.person_id for line in lines if line.person_id])
    on_record = _people_named([line for line in lines if _registers(order, line)])
    seen = set()
    new_people: dict[tuple, list[tuple[int, OrderLine]]] = {}
    for number, line in enumerate(lines, start=1):
        messages = _line_problems(order, line, current)
        if _registers(order, line) and not line.namesake:
            key = name_key(line.last_name, line.first_name, line.patronymic)
            messages += _namesake_problems(line, on_record.get(key, []), new_people.get(key, []))
            new_people.setdefault(key, []).append((number, line))
        for message in messages:
            problems.append(
                _("Line %(number)d (%(name)s): %(problem)s")
                % {"number": number, "name": line, "problem": message}
            )
        # A person on record may take up several positions by one order, once each.
        key = (line.person_id, line.position_id)
        if line.person_id and key in seen:
            problems.append(
                _("Line %(number)d (%(name)s): the person is named twice.")
                % {"number": number, "name": line}
            )
        seen.add(key)
    return problems


def _signature_problems(order: Order) -> list[str]:
    """An order is applied as it was signed (§6.5): number, date and signatory are
    copied from the paper first. A draft has none of them, so it cannot be applied."""
    problems = []
    if not order.number.strip():
        problems.append(_("Enter the number of the signed order."))
    if order.date is None:
        problems.append(_("Enter the date of the signed order."))
    elif order.date > timezone.localdate():
        problems.append(_("The date of the order is in the future."))
    if not (order.signatory_name.strip() and order.signatory_position.strip()):
        problems.append(_("Enter who signed the order: name and position."))
    return problems


def _registers(order: Order, line: OrderLine) -> bool:
    """The line registers a new account: a name instead of a person (§6.5)."""
    return (
        line.person_id is None
        and order.kind in {OrderKind.ENROLMENT, OrderKind.HIRING}
        and bool(line.last_name.strip() and line.first_name.strip())
    )


def _people_named(lines) -> dict[tuple, list[User]]:
    """People on record whose names equal those of `lines` (case and ё/е aside), by name;
    one query for the whole order."""
    if not lines:
        return {}
    pattern = surname_pattern(line.last_name for line in lines)
    found: dict[tuple, list[User]] = {}
    for person in User.objects.filter(last_name__regex=pattern).order_by("pk"):
        key = name_key(person.last_name, person.first_name, person.patronymic)
        found.setdefault(key, []).append(person)
    return found


def _may_be_one_person(born, other_born) -> bool:
    # Namesakes are told apart by the birth date; without one they cannot be.
    return born is None or other_born is None or born == other_born


def _namesake_problems(line: OrderLine, on_record, earlier) -> list[str]:
    """One person, one account (§6.5: a re-enrolled pupil gets the old account back): a
    new name that may be someone on record or on an earlier line of the order (a class
    list uploaded twice, a pupil typed in anew) is refused; the administrator chooses the
    person, or marks the line as a namesake after checking."""
    problems = []
    same = [p for p in on_record if _may_be_one_person(p.birth_date, line.birth_date)]
    if same:
        problems.append(
            _(
                "the school already has %(people)s; choose that person in the line, or mark "
                "the line as a different person of the same name."
            )
            % {"people": "; ".join(_described(person) for person in same)}
        )
    for number, other in earlier:
        if _may_be_one_person(other.birth_date, line.birth_date):
            problems.append(
                _(
                    "the same name and birth date as line %(other)d; if they are two people, "
                    "mark this line as a different person of the same name."
                )
                % {"other": number}
            )
            break
    return problems


def _described(person: User) -> str:
    label = person.get_label()
    if person.birth_date is None:
        return label
    return _("%(person)s, born %(date)s") % {
        "person": label,
        "date": person.birth_date.strftime("%d.%m.%Y"),
    }


def _current_classes(person_ids) -> dict[int, ClassMembership]:
    memberships = ClassMembership.objects.filter(user__in=person_ids, ended_on__isnull=True)
    return {m.user_id: m for m in memberships.select_related("school_class")}


def _line_problems(order: Order, line: OrderLine, current) -> list[str]:
    kind = order.kind
    problems = []
    new_person = line.person_id is None
    if new_person and kind in {OrderKind.ENROLMENT, OrderKind.HIRING}:
        if not (line.last_name.strip() and line.first_name.strip()):
            problems.append(_("give the last and first name of the new person."))
    elif new_person:
        problems.append(_("choose the person."))
    if kind in {OrderKind.ENROLMENT, OrderKind.TRANSFER}:
        if line.school_class_id is None:
            problems.append(_("choose the class."))
        elif line.school_class.school_id != order.school_id:
            problems.append(_("the class belongs to another school."))
    membership = current.get(line.person_id)
    if kind == OrderKind.ENROLMENT and membership is not None:
        problems.append(_("already studies in %(class)s.") % {"class": membership.school_class})
    if kind in {OrderKind.TRANSFER, OrderKind.EXPULSION} and line.person_id and not membership:
        problems.append(_("does not study in any class."))
    if (
        kind == OrderKind.TRANSFER
        and membership
        and membership.school_class_id == (line.school_class_id)
    ):
        problems.append(_("already studies in this class."))
    if kind in {OrderKind.HIRING, OrderKind.POSITION_CHANGE} and line.position_id is None:
        problems.append(_("choose the position."))
    return problems


def order_apply(*, order: Order, actor: User, request: HttpRequest | None = None) -> Order:
    """Apply the order (§6.5–§6.7). All lines or none: a problem raises ValidationError."""
    with transaction.atomic():
        # The school's row is locked too: its orders are applied one at a time, so the
        # check for people on record sees those an order applied a moment ago created.
        order = Order.objects.select_for_update().select_related("school").get(pk=order.pk)
        problems = order_problems(order)
        if problems:
            raise ValidationError(problems)
        taken = usernames_taken()
        student = Position.objects.filter(code=STUDENT).first()
        for line in order.lines.select_related("person", "school_class", "position"):
            _apply_line(order, line, actor=actor, request=request, taken=taken, student=student)
        order.applied_at = timezone.now()
        order.applied_by = actor
        order.save(applying=True)
        audit_record(
            AuditKind.ORDER_APPLIED,
            actor=actor,
            request=request,
            target=str(order),
            order=order.pk,
            order_kind=order.kind,
            lines=order.lines.count(),
        )
    return order


def _apply_line(order, line, *, actor, request, taken, student):
    on = order.date
    kind = order.kind
    person = line.person
    common = {"actor": actor, "request": request, "order": order}
    if person is None:
        person = _person_create(line, taken)
        OrderLine.objects.filter(pk=line.pk).update(person=person, user_created=True)
    elif kind in {OrderKind.ENROLMENT, OrderKind.HIRING} and not person.is_active:
        account_unblock(user=person, reason=str(order), **common)

    if kind in {OrderKind.ENROLMENT, OrderKind.TRANSFER}:
        ClassMembership.objects.filter(user=person, ended_on__isnull=True).update(
            ended_on=on, ended_by=order
        )
        ClassMembership.objects.create(
            user=person, school_class=line.school_class, started_on=on, started_by=order
        )
    if kind == OrderKind.ENROLMENT and student is not None:
        appointment_start(user=person, position=student, on=on, **common)
    if kind in {OrderKind.HIRING, OrderKind.POSITION_CHANGE}:
        appointment_start(user=person, position=line.position, on=on, **common)
    if kind == OrderKind.POSITION_CHANGE and line.position_left_id:
        appointment_end(user=person, position=line.position_left, on=on, **common)
    if kind in {OrderKind.EXPULSION, OrderKind.DISMISSAL}:
        ClassMembership.objects.filter(user=person, ended_on__isnull=True).update(
            ended_on=on, ended_by=order
        )
        appointments_end_all(user=person, on=on, **common)
        account_block(user=person, kind=BlockKind.ORDER, reason=str(order), **common)


def _person_create(line: OrderLine, taken: set[str]) -> User:
    username = login_for(line.last_name, line.first_name, line.patronymic, taken)
    taken.add(username)
    user = User(
        username=username,
        last_name=line.last_name.strip(),
        first_name=line.first_name.strip(),
        patronymic=line.patronymic.strip(),
        birth_date=line.birth_date,
    )
    # No password until credentials are issued on a slip (§9.4–§9.7).
    user.set_unusable_password()
    user.save()
    return user


@transaction.atomic
def enrolment_draft_from_list(
    *, school_class: SchoolClass, pupils: Iterable[Pupil], actor: User
) -> Order:
    """A draft enrolment order with one line per pupil of a checked class list (§9.5:
    the class teacher prepares the data; §6.5: the order registers the pupils).

    The draft has no number, date or signatory: the office copies them from the signed
    order before applying it, and drafts never compete for a number.
    """
    order = Order.objects.create(
        school=school_class.school,
        kind=OrderKind.ENROLMENT,
        title=_("Enrolment into %(class)s (class list of %(teacher)s)")
        % {"class": school_class, "teacher": actor.get_full_name() or actor.get_username()},
    )
    OrderLine.objects.bulk_create(
        OrderLine(
            order=order,
            sort_order=index,
            last_name=pupil.last_name,
            first_name=pupil.first_name,
            patronymic=pupil.patronymic,
            birth_date=pupil.birth_date,
            school_class=school_class,
        )
        for index, pupil in enumerate(pupils)
    )
    return order
