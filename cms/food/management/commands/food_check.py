from django.core.management.base import BaseCommand, CommandError
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from wagtail.models import Site

from cms.food.names import daily_menu_name
from cms.food.selectors import menu_missing


class Command(BaseCommand):
    help = (
        "Check that tomorrow's menu is in /food/ of every site once the deadline hour "
        "(FOOD_MENU_DEADLINE_HOUR) has passed; exits with status 1 when one is missing."
    )

    def handle(self, *args, **options):
        missing = []
        for site in Site.objects.order_by("hostname", "port"):
            day = menu_missing(site)
            if day is None:
                self.stdout.write(_("%(site)s: in order.") % {"site": site.root_url})
                continue
            missing.append(
                _("%(site)s: the menu for %(day)s is missing: upload /food/%(name)s.")
                % {
                    "site": site.root_url,
                    "day": date_format(day, "DATE_FORMAT"),
                    "name": daily_menu_name(day),
                }
            )
        if missing:
            raise CommandError("\n".join(missing))
