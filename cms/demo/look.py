"""The demo school's look and everyday publishing (issue 14): its emblem, pictures on news,
a timetable page for the home page's quick link, menus in /food/, and editors who publish
news and menus themselves. Idempotent like the rest of the demo."""

import datetime
import io

import openpyxl
from django.contrib.auth.models import Group, Permission
from django.core.files.images import ImageFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image, ImageDraw
from wagtail.models import Collection, GroupPagePermission, Site

from cms.food.models import MenuFile
from cms.food.names import daily_menu_name
from cms.food.services import menu_file_upload
from cms.models import ContentPage, NewsIndexPage, NewsPage, SchoolImage, SiteLook

# Wagtail's «Editors», named in Russian by migration cms 0004.
EDITORS = "Редакторы"

# Colours of the pictures: the site's own palette, so the demo looks like one school.
PICTURES = [
    ("Школьный музей", (11, 79, 138), (238, 243, 248)),
    ("Спортивный зал", (162, 60, 0), (255, 233, 168)),
    ("Актовый зал", (16, 38, 61), (219, 230, 241)),
]

DISHES = [
    ("Завтрак", "Каша молочная овсяная с маслом", 200),
    ("Завтрак", "Бутерброд с сыром", 45),
    ("Завтрак", "Чай с сахаром", 200),
    ("Обед", "Суп картофельный с горохом", 250),
    ("Обед", "Котлета из говядины с гречкой", 240),
    ("Обед", "Компот из сухофруктов", 200),
]


def demo_look_load(site: Site) -> None:
    home = site.root_page.specific
    look = SiteLook.objects.filter(site=site).first() or SiteLook(site=site)
    if look.emblem_id is None:
        look.emblem = _image("Эмблема школы", _emblem())
    if look.timetable_page_id is None:
        look.timetable_page = _timetable(home)
    look.save()
    _news_pictures(home)
    _menus(site)
    _editors_publish(home)


def _png(image: Image.Image, name: str) -> ImageFile:
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return ImageFile(buffer, name=name)


def _image(title: str, file: ImageFile) -> SchoolImage:
    existing = SchoolImage.objects.filter(title=title).first()
    return existing or SchoolImage.objects.create(
        title=title, collection=Collection.get_first_root_node(), file=file
    )


def _emblem() -> ImageFile:
    # A shield with an open book: drawn, so the demo needs no picture files.
    image = Image.new("RGBA", (192, 224), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.polygon([(8, 8), (184, 8), (184, 120), (96, 216), (8, 120)], fill=(11, 79, 138))
    draw.polygon([(24, 24), (168, 24), (168, 114), (96, 194), (24, 114)], fill=(255, 255, 255))
    draw.polygon([(40, 70), (94, 60), (94, 140), (40, 150)], fill=(162, 60, 0))
    draw.polygon([(98, 60), (152, 70), (152, 150), (98, 140)], fill=(162, 60, 0))
    draw.rectangle([(60, 36), (132, 48)], fill=(11, 79, 138))
    return _png(image, "emblem.png")


def _picture(dark, light) -> ImageFile:
    image = Image.new("RGB", (960, 540), light)
    draw = ImageDraw.Draw(image)
    for step in range(6):
        draw.rectangle([(80 + step * 130, 420 - step * 55), (180 + step * 130, 480)], fill=dark)
    draw.ellipse([(720, 60), (860, 200)], fill=dark)
    return _png(image, "news.png")


def _timetable(home) -> ContentPage:
    existing = home.get_children().filter(slug="raspisanie").first()
    if existing is not None:
        return existing.specific
    page = ContentPage(
        title="Расписание",
        slug="raspisanie",
        show_in_menus=False,
        intro="Расписание уроков 1–11 классов и звонков на 2025/2026 учебный год. "
        "Уроки начинаются в 8:30, перемены по 10 минут, большая перемена — 20 минут.",
    )
    home.add_child(instance=page)
    return page


def _news_pictures(home) -> None:
    index = NewsIndexPage.objects.child_of(home).first()
    news = NewsPage.objects.child_of(index).order_by("-date") if index else None
    if news is None or news.filter(image__isnull=False).exists():
        return
    for item, (title, dark, light) in zip(news[:3], PICTURES, strict=False):
        item.image = _image(title, _picture(dark, light))
        item.save_revision().publish()


def _workbook(day: datetime.date) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Школа", "МБОУ СОШ № 29", "День", day.strftime("%d.%m.%Y")])
    sheet.append(["Приём пищи", "Блюдо", "Выход, г"])
    for row in DISHES:
        sheet.append(list(row))
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _menus(site: Site) -> None:
    """The menus of today and the next school days, the typical menu and findex."""
    if MenuFile.objects.filter(site=site).exists():
        return
    today = timezone.localdate()
    days = [today + datetime.timedelta(days=n) for n in range(4)]
    names = [daily_menu_name(day) for day in days if day.isoweekday() <= 5]
    names += [f"tm{today.year}-sm.xlsx", f"kp{today.year}-sm.xlsx", "findex.xlsx"]
    for name in names:
        menu_file_upload(site=site, upload=SimpleUploadedFile(name, _workbook(today)))


def _editors_publish(home) -> None:
    """Editors publish news themselves (issue 14): the right to publish under the news, on
    top of Wagtail's defaults for «Редакторы»; the approval workflow stays for other pages.
    They publish the menus in /food/ too."""
    editors = Group.objects.filter(name=EDITORS).first()
    index = NewsIndexPage.objects.child_of(home).first()
    if editors is None or index is None:
        return
    for codename in ("add_page", "change_page", "publish_page"):
        GroupPagePermission.objects.get_or_create(
            group=editors,
            page=index,
            permission=Permission.objects.get(
                content_type__app_label="wagtailcore", codename=codename
            ),
        )
    editors.permissions.add(*Permission.objects.filter(content_type__app_label="food"))
